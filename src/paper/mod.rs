//! The `paper` stage: the domain of board papers. It reads plans from joined tables and the
//! covering report from laid-out page text; it never sees the PDF itself (the pipeline,
//! [`crate::pipeline`], prepares both).

pub mod document;
pub mod milestone;
pub mod model;
pub mod plan;
pub mod profile;
pub mod report;
mod status_word;
pub mod vocab;
pub mod warning;

use crate::colour::Colour;
use crate::geom::Rect;
use crate::layout::PageText;
use crate::table::Table;
use crate::tolerance;

/// Tolerances of the paper stage (captions and the covering report), in line heights or points.
#[derive(Debug, Clone, PartialEq)]
pub struct PaperSettings {
    /// A caption lies at most this many line heights above its table.
    pub caption_window_lines: f64,
    /// A heading over body text lies at most this many line heights above its table.
    pub caption_heading_window_lines: f64,
    /// Lines within this fraction of a line height of the caption's lowest line are on it.
    pub caption_same_line: f64,
    /// Points a caption line may reach below the table's top.
    pub caption_touch: f64,
    /// Font size (points) assumed where no word gives one.
    pub default_font_size: f64,
    /// Report lines whose baselines differ by less than this (em) are one row.
    pub row_baseline_em: f64,
    /// Report left edges within this (points) are one column.
    pub column_tolerance: f64,
    /// Top and bottom fraction of a page searched for running headers and footers.
    pub margin_fraction: f64,
    /// Rows repeated within this (points) of one position on several pages are running
    /// headers or footers.
    pub repeat_position_tolerance: f64,
    /// Most rows opening the first page before the report's fields (meeting and title).
    pub max_preamble_rows: usize,
    /// A first preamble row this far (em) above the next is the meeting's body.
    pub meeting_body_gap_em: f64,
    /// A report heading has at most this many words.
    pub max_heading_words: usize,
    /// A report heading's size is at least this many times the body text's.
    pub heading_size_ratio: f64,
    /// A report row ending this fraction of the text width short of the margin is short.
    pub short_line_fraction: f64,
    /// Report rows this many line pitches apart are separate paragraphs.
    pub paragraph_gap: f64,
    /// Rows closing a page at most this fraction of the body text's size are footnotes.
    pub footnote_size_ratio: f64,
    /// A smaller raised figure nearer than this (em) to the word before is a footnote mark.
    pub footnote_mark_gap_em: f64,
    /// A row whose middle lies within this fraction of the page width of the page's middle
    /// is centred.
    pub centred_fraction: f64,
    /// A report heading may stand this far (points) right of a margin of paragraph numbers.
    pub heading_gutter: f64,
    /// The line pitch (em) assumed where no rows measure it.
    pub line_pitch_em: f64,
    /// A line under the meeting date is its place when the gap under it is this many times
    /// the gap above.
    pub place_gap_ratio: f64,
    /// A table needs this many columns...
    pub min_plan_columns: usize,
    /// ...and rows to be named as a plan no column synonym recognised.
    pub min_plan_rows: usize,
    /// A plan's header row is among a table's first this many rows (title rows above it).
    pub max_header_rows: usize,
    /// A plan header cell naming a role has at most this many words.
    pub max_header_words: usize,
    /// A table more than this share of whose cells are numbers is figures, not a plan.
    pub max_numeric_share: f64,
    /// An action cell has at least this many words.
    pub min_action_words: usize,
    /// With two who/when/status columns named and no action column, the unnamed column
    /// averaging the most words per cell, at least this many, is the action column.
    pub action_prose_words: f64,
    /// Points between a cell's edge and its text: a line ending further from the edge than
    /// the next line's first word needs was broken by hand.
    pub cell_padding: f64,
    /// Lines of a cell paragraph this fraction of a line height further apart than the
    /// table's wrapped lines are separate entries.
    pub entry_pitch_jump: f64,
    /// A RAG fill at least this saturated is read by its hue, however pale.
    pub pale_fill_saturation: f64,
    /// A band behind a row of an unruled plan at most this luminance (0 black, 1 white) is
    /// dark enough to set the row apart as a group banner without bold text.
    pub banner_dark_luminance: f64,
    /// Pages whose whole text is kept for the covering report; later pages keep the text
    /// outside their tables only (captions and running text), whose cells the tables hold.
    pub full_text_pages: u32,
    /// A page of at most this many lines, with no table, before a plan whose own heading is
    /// generic ("Action plan") may be its title page.
    pub title_page_lines: usize,
    /// A gap at least this wide (em) between two words of a report row may part a sidebar
    /// from the body.
    pub sidebar_gap_em: f64,
    /// A sidebar is at most this fraction of the text width.
    pub sidebar_max_share: f64,
    /// A sidebar holds at least this many labels with their values.
    pub sidebar_min_pairs: usize,
    /// At most this many rows close a report as its sign-off block.
    pub max_sign_off_rows: usize,
}

impl Default for PaperSettings {
    fn default() -> Self {
        PaperSettings {
            caption_window_lines: tolerance::CAPTION_WINDOW_LINES,
            caption_heading_window_lines: tolerance::CAPTION_HEADING_WINDOW_LINES,
            caption_same_line: tolerance::CAPTION_SAME_LINE,
            caption_touch: tolerance::CAPTION_TOUCH,
            default_font_size: tolerance::DEFAULT_FONT_SIZE,
            row_baseline_em: tolerance::ROW_BASELINE_EM,
            column_tolerance: tolerance::COLUMN_TOLERANCE,
            margin_fraction: tolerance::MARGIN_FRACTION,
            repeat_position_tolerance: tolerance::REPEAT_POSITION_TOLERANCE,
            max_preamble_rows: tolerance::MAX_PREAMBLE_ROWS,
            meeting_body_gap_em: tolerance::MEETING_BODY_GAP_EM,
            max_heading_words: tolerance::MAX_HEADING_WORDS,
            heading_size_ratio: tolerance::HEADING_SIZE_RATIO,
            short_line_fraction: tolerance::SHORT_LINE_FRACTION,
            paragraph_gap: tolerance::PARAGRAPH_GAP,
            footnote_size_ratio: tolerance::FOOTNOTE_SIZE_RATIO,
            footnote_mark_gap_em: tolerance::FOOTNOTE_MARK_GAP_EM,
            centred_fraction: tolerance::CENTRED_FRACTION,
            heading_gutter: tolerance::HEADING_GUTTER,
            line_pitch_em: tolerance::LINE_PITCH_EM,
            place_gap_ratio: tolerance::PLACE_GAP_RATIO,
            min_plan_columns: tolerance::MIN_PLAN_COLUMNS,
            min_plan_rows: tolerance::MIN_PLAN_ROWS,
            max_header_rows: tolerance::PLAN_HEADER_ROWS,
            max_header_words: tolerance::MAX_HEADER_WORDS,
            max_numeric_share: tolerance::MAX_NUMERIC_SHARE,
            min_action_words: tolerance::MIN_ACTION_WORDS,
            action_prose_words: tolerance::ACTION_PROSE_WORDS,
            cell_padding: tolerance::CELL_PADDING,
            entry_pitch_jump: tolerance::ENTRY_PITCH_JUMP,
            pale_fill_saturation: tolerance::PALE_FILL_SATURATION,
            banner_dark_luminance: tolerance::BANNER_DARK_LUMINANCE,
            full_text_pages: tolerance::FULL_TEXT_PAGES,
            title_page_lines: tolerance::TITLE_PAGE_LINES,
            sidebar_gap_em: tolerance::SIDEBAR_GAP_EM,
            sidebar_max_share: tolerance::SIDEBAR_MAX_SHARE,
            sidebar_min_pairs: tolerance::SIDEBAR_MIN_PAIRS,
            max_sign_off_rows: tolerance::MAX_SIGN_OFF_ROWS,
        }
    }
}

/// Compile the patterns the plan reader uses (dates, references, group labels, captions) and
/// build its indexes, as they would be on first use. Compiling them costs as much as reading a
/// few pages, on the one thread that reads the plans; the pipeline calls this on a spare
/// thread as soon as a page shows a table, so that the cost is paid while pages are still read.
pub fn warm_up() {
    plan::warm_up();
    milestone::warm_up();
    let _ = crate::dates::period("");
}

/// Read the plans in `tables`, taking each plan's caption (title, version) from the text
/// printed just above its first table and the colour of RAG text from the laid-out words.
pub fn read_plans(
    pages: &[PageText],
    tables: &[Table],
    profile: &profile::Profile,
    settings: &PaperSettings,
) -> (Vec<model::Plan>, Vec<plan::Unplaced>) {
    let r = reading(pages, tables, profile, settings, false);
    (r.plans, r.unplaced)
}

/// [`read_plans`] with the reader's account; with `detail`, it explains every column and row
/// too.
pub fn reading(
    pages: &[PageText],
    tables: &[Table],
    profile: &profile::Profile,
    settings: &PaperSettings,
    detail: bool,
) -> plan::Reading {
    let caption = |page: u32, top: f64| -> plan::Above {
        pages
            .iter()
            .find(|p| p.number == page)
            .map(|p| plan::caption_above(&p.lines, top, settings))
            .unwrap_or_default()
    };
    let text_colour = |page: u32, bbox: Rect| -> Option<Colour> {
        words_in(pages, page, bbox).find_map(|w| w.colour.filter(|c| plan::rag_colour(*c)))
    };
    // The words printed in a box (a cell's line), left to right.
    let measure = |page: u32, bbox: Rect| -> Vec<(String, Rect)> {
        let mut words: Vec<(String, Rect)> = words_in(pages, page, bbox)
            .map(|w| (w.text.clone(), w.bbox))
            .collect();
        words.sort_by(|a, b| a.1.x0.total_cmp(&b.1.x0));
        words
    };
    let title_page = pages.first().and_then(|p| {
        plan::title_page::read(&p.lines, settings).map(|(cap, dated)| (p.number, cap, dated))
    });
    let cx = plan::Context {
        profile,
        settings,
        text_colour: &text_colour,
        measure: &measure,
        title_page,
    };
    let mut read = plan::plans(tables, &caption, &cx, detail);
    // No plan in any table: a plan printed as text, one paragraph per action.
    if read.plans.is_empty() {
        if let Some(t) = plan::narrative::table(pages, tables, settings) {
            let narrative = plan::plans(std::slice::from_ref(&t), &caption, &cx, detail);
            if !narrative.plans.is_empty() {
                read.plans = narrative.plans;
                for p in &mut read.plans {
                    p.columns.retain(|c| {
                        !plan::narrative::IMPLIED_COLUMNS.contains(&c.as_str())
                            && c != plan::narrative::STATUS_LABEL
                    });
                }
                read.unplaced = narrative.unplaced;
                read.explain.tables.extend(narrative.explain.tables);
            }
        }
    }
    read
}

/// The words of page `page` whose middles lie in `bbox` (within a point: a glyph's box may
/// stand a little proud of the line's).
fn words_in<'p>(
    pages: &'p [PageText],
    page: u32,
    bbox: Rect,
) -> impl Iterator<Item = &'p crate::layout::Word> + 'p {
    pages
        .iter()
        .filter(move |p| p.number == page)
        .take(1)
        .flat_map(|p| p.lines.iter())
        .filter(move |l| l.bbox.bottom >= bbox.top && l.bbox.top <= bbox.bottom)
        .flat_map(|l| l.words.iter())
        .filter(move |w| {
            let (cx, cy) = (
                (w.bbox.x0 + w.bbox.x1) / 2.0,
                (w.bbox.top + w.bbox.bottom) / 2.0,
            );
            cx >= bbox.x0 - 1.0
                && cx <= bbox.x1 + 1.0
                && cy >= bbox.top - 1.0
                && cy <= bbox.bottom + 1.0
        })
}

/// Why the reader took each table of a document as a plan or not, each column's role and
/// each row's reading (`extract --explain`).
pub fn explain(
    pages: &[PageText],
    tables: &[Table],
    profile: &profile::Profile,
    settings: &PaperSettings,
) -> plan::Explain {
    reading(pages, tables, profile, settings, true).explain
}
