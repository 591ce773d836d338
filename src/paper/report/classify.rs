//! Step 4: the line classifier. Each row is told by its FORM: a label (a short phrase ending
//! in a colon, or a known label beside a value in another column), a number opening it, a
//! bullet glyph, an unnumbered heading (bold, capitals or a larger size, short, not ending a
//! sentence), or plain text. Which numbered rows are sections, paragraphs or list items is
//! the reader's call (it knows the context); the classifier says whether a numbered row has a
//! heading's form.

use super::label::{label_kind, LabelKind};
use super::numbering::{self, Number, Style};
use super::rows::Row;
use super::text::{ends_sentence, is_upper};
use crate::paper::PaperSettings;

/// Bullet glyphs that start a list item (including the Symbol and Wingdings fonts'
/// private-use bullets).
const BULLETS: &[char] = &[
    '•', '●', '▪', '■', '◦', '○', '‣', '⁃', '∙', '➢', '►', '–', '-', '\u{f0b7}', '\u{f0a7}',
    '\u{f076}', '\u{f0d8}', '\u{f0fc}', '\u{f0a8}', '\u{f06e}', '\u{f0b2}', '·', '✓', '✔',
];

/// What a row is.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Kind {
    /// A label with its value from word `from` (empty when the value is on later rows).
    Label(LabelKind, usize),
    /// A field heading alone on its row ("Summary", "Recommendations:", "Background papers").
    Field(LabelKind),
    /// A number opening the row; its text starts at word `from`; `heading` when the rest has
    /// a heading's form.
    Numbered {
        number: Number,
        from: usize,
        heading: bool,
    },
    /// A bullet item: its text, the glyph's left edge and the text's left edge.
    Bullet(String, f64, f64),
    /// An unnumbered heading.
    Heading,
    /// Anything else.
    Text,
}

impl Kind {
    /// What `extract --explain` prints for the kind: "label (report from)", "field heading
    /// (summary)", "numbered 1.1", "numbered 2 (heading form)", "bullet", "heading", "text".
    pub fn describe(&self) -> String {
        let words = |k: &LabelKind| {
            let name = format!("{k:?}");
            let mut out = String::new();
            for (i, c) in name.chars().enumerate() {
                if c.is_uppercase() && i > 0 {
                    out.push(' ');
                }
                out.extend(c.to_lowercase());
            }
            out
        };
        match self {
            Kind::Label(k, _) => format!("label ({})", words(k)),
            Kind::Field(k) => format!("field heading ({})", words(k)),
            Kind::Numbered {
                number, heading, ..
            } => {
                let form = if *heading { " (heading form)" } else { "" };
                format!("numbered {}{form}", number.printed)
            }
            Kind::Bullet(..) => "bullet".to_string(),
            Kind::Heading => "heading".to_string(),
            Kind::Text => "text".to_string(),
        }
    }
}

/// The page layout the classifier measures against.
pub(super) struct Geometry {
    /// The report's left margin.
    pub left: f64,
    /// The right edge of full lines (the text block's right margin).
    pub right: f64,
    /// The body text's font size.
    pub body_size: f64,
    /// Whether the fonts say which words are bold at all.
    pub has_bold: bool,
    /// Whether the body text is set in an italic face (then italics mark no heading).
    pub italic_body: bool,
    /// Left edges within this (points) are one column.
    pub column_tolerance: f64,
    /// A heading may stand this far (points) right of a margin of paragraph numbers.
    pub heading_gutter: f64,
    /// A heading has at most this many words.
    pub max_heading_words: usize,
    /// A heading's size is at least this many times the body's.
    pub heading_size_ratio: f64,
    /// A row ending more than this fraction of the text width short of the right margin is
    /// short (it does not wrap on).
    pub short_line_fraction: f64,
}

impl Geometry {
    /// Measure the rows: the leftmost column that starts three rows, the right edge most full
    /// lines reach, the commonest font size.
    pub fn measure(all: &[Row], settings: &PaperSettings) -> Geometry {
        // A sidebar beside the body is no measure of the body's margins.
        let mut rows: Vec<&Row> = all.iter().filter(|r| !r.aside).collect();
        if rows.is_empty() {
            rows = all.iter().collect();
        }
        let mut x1: Vec<f64> = rows.iter().map(|r| r.x1()).collect();
        x1.sort_by(f64::total_cmp);
        let left = left_margin(&rows, settings.column_tolerance);
        let right = x1
            .get(x1.len().saturating_mul(9) / 10)
            .copied()
            .unwrap_or(left);
        Geometry {
            left,
            right,
            body_size: super::commonest(rows.iter().map(|r| r.size))
                .unwrap_or(settings.default_font_size),
            has_bold: rows.iter().any(|r| r.words.iter().any(|w| w.bold)),
            italic_body: {
                let words = rows.iter().flat_map(|r| r.words.iter());
                let (n, italic) = words.fold((0usize, 0usize), |(n, i), w| {
                    (n + 1, i + usize::from(w.italic))
                });
                italic * 2 > n
            },
            column_tolerance: settings.column_tolerance,
            heading_gutter: settings.heading_gutter,
            max_heading_words: settings.max_heading_words,
            heading_size_ratio: settings.heading_size_ratio,
            short_line_fraction: settings.short_line_fraction,
        }
    }

    /// Whether the row ends short of the right margin (it does not wrap on).
    pub fn is_short(&self, row: &Row) -> bool {
        let width = (self.right - self.left).max(1.0);
        row.x1() < self.right - self.short_line_fraction * width
    }

    /// Whether the words of `row` from `from` on look like a heading: few words, not ending
    /// in a comma or semicolon, and bold, italic (in a body set upright), in capitals or larger
    /// than the body text.
    pub fn heading_form(&self, row: &Row, from: usize) -> bool {
        let text = row.text_from(from);
        let words = row.words.len().saturating_sub(from);
        if words == 0 || words > self.max_heading_words || text.ends_with([',', ';']) {
            return false;
        }
        let letters = text.chars().filter(|c| c.is_alphabetic()).count();
        (self.has_bold && row.all_bold_from(from))
            || (!self.italic_body && row.all_italic_from(from) && letters >= 3)
            || (is_upper(&text) && letters >= 3)
            || row.max_size_from(from) >= self.body_size * self.heading_size_ratio
    }
}

/// The left margin: the leftmost column that starts at least three rows (or the leftmost row).
fn left_margin(rows: &[&Row], column_tolerance: f64) -> f64 {
    let mut xs: Vec<f64> = rows.iter().map(|r| r.x0()).collect();
    xs.sort_by(f64::total_cmp);
    for (i, x) in xs.iter().enumerate() {
        let n = xs
            .iter()
            .skip(i)
            .take_while(|y| **y - x <= column_tolerance)
            .count();
        if n >= 3 {
            return *x;
        }
    }
    xs.first().copied().unwrap_or(0.0)
}

/// The item text after a bullet glyph, if the row opens with one.
fn bullet(row: &Row) -> Option<(String, f64, f64)> {
    let first = row.words.first()?;
    let mut chars = first.text.chars();
    let glyph = chars.next()?;
    // Word's second-level bullet is a letter "o" (Courier New) standing alone before a gap.
    let letter_o = first.text == "o" && row.words.get(1).is_some_and(|w| w.new_seg);
    if !BULLETS.contains(&glyph) && !letter_o {
        return None;
    }
    let rest = chars.as_str().trim_start();
    // A dash or a middle dot is a bullet only standing alone before a gap.
    let dash = matches!(glyph, '–' | '-' | '·');
    if dash && !(rest.is_empty() && row.words.get(1).is_some_and(|w| w.new_seg)) {
        return None;
    }
    let (text, x) = if rest.is_empty() {
        (
            row.text_from(1),
            row.words.get(1).map_or(first.x0, |w| w.x0),
        )
    } else {
        let mut t = rest.to_string();
        let more = row.text_from(1);
        if !more.is_empty() {
            t.push(' ');
            t.push_str(&more);
        }
        (t, first.x0)
    };
    (!text.is_empty()).then_some((text, first.x0, x))
}

/// A label opening the row: up to five words of its first segment ending in a colon, or a
/// known label phrase (its first segment, or its bold opening words) beside a value.
pub(super) fn label(row: &Row, geo: &Geometry) -> Option<Kind> {
    let segments = row.segments();
    let first = segments.first()?.clone();
    for (i, w) in row.words.iter().enumerate().take(first.end.min(5)) {
        if w.text.ends_with(':') && w.text.chars().count() > 1 {
            let label = row.range_text(0..i + 1);
            let kind = label_kind(&label);
            let alone = i + 1 == row.words.len();
            // An unknown phrase ending in a colon is a label only by its form: its value in
            // a column of its own, or alone on its row in a heading's form.
            if kind == LabelKind::Other {
                let value_apart = row.words.get(i + 1).is_some_and(|w| w.new_seg);
                let heading = alone && geo.heading_form(row, 0);
                if !(value_apart || heading) {
                    return None;
                }
            }
            if alone {
                return Some(if kind.is_block() || kind == LabelKind::Other {
                    Kind::Field(kind)
                } else {
                    Kind::Label(kind, i + 1)
                });
            }
            // A URL is no label.
            if w.text.contains("//") {
                return None;
            }
            return Some(Kind::Label(kind, i + 1));
        }
    }
    // No colon: the first segment is a known label and a value stands beside it.
    if segments.len() > 1 && first.len() <= 5 {
        let kind = label_kind(&row.range_text(first.clone()));
        if kind != LabelKind::Other {
            return Some(Kind::Label(kind, first.end));
        }
    }
    // "Proposed by Mr A Brady", "Report by Jo Hale": a label ending in "by" needs no colon
    // before the capitalised name it introduces (only labels of whom the report is from: a
    // sign-off's words also open sentences).
    for n in 2..=3 {
        let (Some(last), Some(next)) = (row.words.get(n - 1), row.words.get(n)) else {
            break;
        };
        let named = next.text.chars().next().is_some_and(char::is_uppercase);
        if last.text == "by" && named && label_kind(&row.range_text(0..n)) == LabelKind::ReportFrom
        {
            return Some(Kind::Label(LabelKind::ReportFrom, n));
        }
    }
    // Bold opening words naming a label, then plain words.
    let bold = row.words.iter().take_while(|w| w.bold).count();
    if bold > 0 && bold <= 5 && bold < row.words.len() {
        let kind = label_kind(&row.range_text(0..bold));
        if kind != LabelKind::Other {
            return Some(Kind::Label(kind, bold));
        }
    }
    None
}

/// Whether `row` starts where the text of the paragraph under it starts, that paragraph's
/// number standing alone in a gutter at the left margin ("Background" over "4 ⟶ Bus subsidy
/// …"): a heading set at the text indent of gutter-numbered paragraphs.
fn at_gutter_text_edge(row: &Row, next: Option<&Row>, geo: &Geometry) -> bool {
    let Some(next) = next.filter(|n| n.page == row.page) else {
        return false;
    };
    let (Some(number), Some(text)) = (next.words.first(), next.words.get(1)) else {
        return false;
    };
    let numbered = numbering::parse(&number.text).is_some_and(|n| n.style == Style::Plain);
    numbered
        && (number.x0 - geo.left).abs() <= geo.column_tolerance
        && (text.x0 - row.x0()).abs() <= geo.column_tolerance
        && row.x0() > number.x1
}

/// Whether `row` is a part divider: "PART A", "Part B", "PART 2" alone on its row (Part A
/// the public summary, Part B the detail). It is neither a section, a heading nor text.
pub(super) fn part_divider(row: &Row) -> bool {
    match row.words.as_slice() {
        [a, b] => {
            let mark = b.text.trim_end_matches([':', '.']);
            let letter = mark.len() == 1 && mark.chars().all(|c| c.is_ascii_uppercase());
            let figure =
                !mark.is_empty() && mark.len() <= 2 && mark.chars().all(|c| c.is_ascii_digit());
            let roman =
                !mark.is_empty() && mark.len() <= 4 && mark.chars().all(|c| "IVX".contains(c));
            a.text.eq_ignore_ascii_case("part") && (letter || figure || roman)
        }
        _ => false,
    }
}

/// A section named by a word before its letter or number ("Section A: Introduction", "Part
/// 2 – Finance", "SECTION B. PROGRESS") in a heading's form: the number (printed "A", "2")
/// and the word where the heading starts (after a dash standing alone).
fn named_section(row: &Row, geo: &Geometry) -> Option<(Number, usize)> {
    let [word, mark, ..] = row.words.as_slice() else {
        return None;
    };
    let named = ["section", "part"]
        .iter()
        .any(|w| word.text.eq_ignore_ascii_case(w));
    let printed = mark.text.trim_end_matches([':', '.']);
    let number = numbering::parse(printed)
        .filter(|n| n.style == Style::Plain && !printed.contains('.'))
        .filter(|_| named)?;
    let from = match row.words.get(2) {
        Some(w) if matches!(w.text.as_str(), "–" | "-" | "—" | ":") => 3,
        _ => 2,
    };
    (from < row.words.len() && geo.heading_form(row, from) && !ends_sentence(&row.text()))
        .then_some((number, from))
}

/// Classify row `i` of `rows`.
pub(super) fn classify(rows: &[Row], i: usize, geo: &Geometry) -> Kind {
    let Some(row) = rows.get(i) else {
        return Kind::Text;
    };
    let Some(first) = row.words.first() else {
        return Kind::Text;
    };
    if let Some((text, glyph_x, text_x)) = bullet(row) {
        return Kind::Bullet(text, glyph_x, text_x);
    }
    let at_left = (first.x0 - geo.left).abs() <= geo.column_tolerance;
    if let Some((number, from)) = named_section(row, geo) {
        return Kind::Numbered {
            number,
            from,
            heading: true,
        };
    }
    let second_seg = row.words.get(1).is_some_and(|w| w.new_seg);
    if row.words.len() > 1 {
        if let Some(number) = numbering::parse(&first.text) {
            // A bare "1" needs a gap after it ("1 Background"); "1.", "1.0" or "(a)" do not.
            let bare =
                number.style == Style::Plain && !number.stop && !number.printed.contains('.');
            // A bare number before a short phrase in a heading's face is a section's own
            // ("1 Introduction", LaTeX's \section).
            // A day before a month ("23 September 2025") is a date, not a number.
            let dated = row
                .words
                .get(1)
                .is_some_and(|w| crate::dates::Rules::MEETING.month(&w.text).is_some());
            let set_as_heading = geo.heading_form(row, 1) && geo.is_short(row) && !dated;
            // A capital alone ("A. Introduction", "B  Progress") is a section's letter only
            // before a heading; bare, only with a gap after it ("A review …" is a sentence).
            let letter_fits = !(number.lettered && number.style == Style::Plain)
                || (geo.heading_form(row, 1) && (number.stop || second_seg));
            if (second_seg || !bare || set_as_heading) && letter_fits {
                let next = rows.get(i + 1);
                let short_phrase = geo.is_short(row) && !ends_sentence(&row.text());
                // "3.0 Detailed proposal", "3.00 …": a number ending ".0" is a section's own, whatever
                // the face of the few words after it.
                let section_number = (number.printed.ends_with(".0")
                    || number.printed.ends_with(".00"))
                    && short_phrase
                    && row.words.len() <= geo.max_heading_words + 1;
                let heading = matches!(number.style, Style::Plain | Style::Minute)
                    && (geo.heading_form(row, 1)
                        || section_number
                        || (!geo.has_bold
                            && short_phrase
                            && next.is_some_and(|n| n.x0() <= row.x0() + geo.column_tolerance)));
                return Kind::Numbered {
                    number,
                    from: 1,
                    heading,
                };
            }
        }
    }
    if let Some(kind) = label(row, geo) {
        return kind;
    }
    let text = row.text();
    // A field heading alone on its row: "Summary", "Background papers".
    let kind = label_kind(&text);
    // (A longer question in a heading's face: "What are we asking the Board to do?".)
    let n = row.words.len();
    let words = if text.ends_with('?') {
        geo.max_heading_words
    } else {
        6
    };
    if kind.is_block() && n <= words && (at_left || geo.heading_form(row, 0)) {
        return Kind::Field(kind);
    }
    // A value's label alone on its row in a heading's face ("Exempt information",
    // "Key decision"): its value is printed under it.
    if kind != LabelKind::Other && row.words.len() <= 6 && geo.heading_form(row, 0) {
        return Kind::Label(kind, row.words.len());
    }
    // A heading may stand a little right of the margin when the margin is a gutter of
    // paragraph numbers ("1", "2" at the edge, headings and text further in).
    // (One run of words: a row of columns, such as a table's header, is no heading.)
    let one_run = !row.words.iter().skip(1).any(|w| w.new_seg);
    let near_left = (first.x0 - geo.left <= geo.heading_gutter
        || at_gutter_text_edge(row, rows.get(i + 1), geo))
        && one_run;
    // A heading may ask a question ("What is this report about?"); it ends no sentence.
    let question = text.ends_with('?');
    if (at_left || near_left) && geo.heading_form(row, 0) && (question || !ends_sentence(&text)) {
        return Kind::Heading;
    }
    Kind::Text
}
