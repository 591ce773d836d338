//! Narrative plans: a plan printed with no table, each action a paragraph opening with its
//! reference ("Action 1.1: Publish a toolkit …") followed by label lines ("Lead: …  Target:
//! …  Status: …"), the groups as headings between them ("Priority 2 – Learning from
//! reviews"). It is an action card set as text: this step builds the plan table the page
//! implies — a header of "Ref", "Action" and the labels, a full-width row per heading, a row
//! per action with each label's value in its column — so the rest of the reader takes it like
//! any plan table. Only lines outside the page's tables are read, and the small tables
//! ([`mini_table`]) printed under an action as its labelled values.

use super::card_grid;
use super::columns::{self, Col};
use super::mini_table::{self, MiniTable};
use super::text::{self, collapse};
use super::{group, PaperSettings};
use crate::colour::Colour;
use crate::geom::Rect;
use crate::layout::{is_bold_font, Line, PageText, Word};
use crate::table::{Cell, CellLine, Paragraph, Part, Table};

/// A narrative plan has at least this many actions: one referenced paragraph with labels
/// could be a report's numbered paragraph followed by a "Contact:" line.
const MIN_ACTIONS: usize = 2;

/// An action's labels name at least this many roles, one of them who, when or status (as an
/// action card's do).
const MIN_NAMED_LABELS: usize = 2;

/// A label is at most this many words before its colon ("Lead officer:", "Target
/// completion date:").
const MAX_LABEL_WORDS: usize = 3;

/// The header cells the reader gives a narrative plan's reference and text: printed nowhere,
/// so they are no `columns` of the plan.
pub const IMPLIED_COLUMNS: [&str; 2] = ["Ref", "Action"];

/// One line of a page, outside its tables: its words left to right and their box.
struct Row<'p> {
    page: u32,
    words: Vec<&'p Word>,
    bbox: Rect,
    /// The fill of the card cell it is printed in, for a line of a grid of cards.
    fill: Option<Colour>,
}

/// A label and its value's words, as printed.
struct Labelled<'p> {
    label: String,
    role: Col,
    /// The value's words, per line (page, words).
    value: Vec<(u32, Vec<&'p Word>)>,
    /// The value's cell, when a small table under the action prints it.
    cell: Option<Box<Cell>>,
    /// The fill behind the value (a card's coloured band behind its status word).
    fill: Option<Colour>,
}

/// One action: its reference, its text's words per line, and its labelled values.
struct Action<'p> {
    number: String,
    text: Vec<(u32, Vec<&'p Word>)>,
    labels: Vec<Labelled<'p>>,
    /// A status word printed on the opening line after the reference alone ("Action 1.2
    /// … Complete" across a card's band): the action's rating, its text on the lines below.
    status: Option<Box<Labelled<'p>>>,
    /// The opening line whole, and whether it reads as a heading: what it is when no labels
    /// follow.
    opening: (u32, Vec<&'p Word>),
    heading: bool,
    /// How many lines after the opening ran on in the heading's style: a wrapped heading's
    /// lines when no labels follow.
    styled: usize,
}

/// A heading between actions (a group of the plan), its lines.
struct Heading<'p> {
    lines: Vec<(u32, Vec<&'p Word>)>,
}

enum Item<'p> {
    Heading(Heading<'p>),
    Action(Action<'p>),
}

/// The plan table a narrative plan implies, or `None` when the pages print none: at least
/// [`MIN_ACTIONS`] referenced paragraphs whose labels name [`MIN_NAMED_LABELS`] roles, one
/// of them who, when or status.
pub fn table(pages: &[PageText], tables: &[Table], settings: &PaperSettings) -> Option<Table> {
    let rows = rows(pages, tables, settings);
    let body = body_size(&rows, settings);
    let minis = mini_table::find(tables, role);
    let items = items(&rows, &minis, body, settings);
    let actions: Vec<&Action> = items
        .iter()
        .filter_map(|i| match i {
            Item::Action(a) => Some(a),
            Item::Heading(_) => None,
        })
        .collect();
    let valid = actions.iter().filter(|a| named(a)).count();
    if valid < MIN_ACTIONS || valid * 2 < actions.len() {
        return None;
    }
    Some(build(&items))
}

/// Whether an action's labels make it one: [`MIN_NAMED_LABELS`] roles, one of them who, when
/// or status.
fn named(a: &Action) -> bool {
    let roles = all_labels(a).filter(|l| l.role != Col::Field).count();
    let dated =
        all_labels(a).any(|l| matches!(l.role, Col::Lead | Col::Date | Col::Milestones | Col::Rag));
    roles >= MIN_NAMED_LABELS && dated
}

/// An action's labelled values, the status on its opening line last.
fn all_labels<'a, 'p>(a: &'a Action<'p>) -> impl Iterator<Item = &'a Labelled<'p>> {
    a.labels.iter().chain(a.status.as_deref())
}

/// The left-to-right lines of every page that lie outside its tables, top to bottom; a grid
/// of action cards ([`card_grid`]) is read card by card where it stands.
fn rows<'p>(pages: &'p [PageText], tables: &[Table], settings: &PaperSettings) -> Vec<Row<'p>> {
    let parts: Vec<Part> = tables
        .iter()
        .flat_map(|t| t.rows.iter().flatten().copied())
        .collect();
    let grids: Vec<Vec<card_grid::CardLine>> = tables
        .iter()
        .filter_map(|t| {
            card_grid::lines(pages, t, |w| opener(w).is_some(), settings.row_baseline_em)
        })
        .collect();
    let mut out = Vec::new();
    for p in pages {
        let mut lines: Vec<&Line> = p
            .lines
            .iter()
            .filter(|l| l.direction == crate::geom::Direction::Ltr)
            .filter(|l| {
                let (cx, cy) = (
                    (l.bbox.x0 + l.bbox.x1) / 2.0,
                    (l.bbox.top + l.bbox.bottom) / 2.0,
                );
                !parts.iter().any(|part| {
                    part.page == p.number
                        && cx >= part.bbox.x0
                        && cx <= part.bbox.x1
                        && cy >= part.bbox.top
                        && cy <= part.bbox.bottom
                })
            })
            .collect();
        lines.sort_by(|a, b| a.bbox.top.total_cmp(&b.bbox.top));
        let rows = joined(p.number, &lines, settings);
        // Cards side by side as text, in no table: read card by card.
        let placed: Vec<card_grid::Placed> = rows
            .iter()
            .map(|r| card_grid::Placed {
                baseline: r.words.first().map_or(r.bbox.bottom, |w| w.baseline),
                x0: r.bbox.x0,
                x1: r.bbox.x1,
                size: words_height(r.words.iter().copied()),
                opens: opener(&r.words).is_some(),
            })
            .collect();
        let order = card_grid::order(&placed, settings.row_baseline_em, settings.column_tolerance);
        let mut slots: Vec<Option<Row>> = rows.into_iter().map(Some).collect();
        let mut rows: Vec<Row> = order
            .iter()
            .filter_map(|&k| slots.get_mut(k).and_then(Option::take))
            .collect();
        // Each grid's lines on this page, as a block where the grid's first line stands.
        for grid in &grids {
            let block: Vec<Row> = grid
                .iter()
                .filter(|l| l.page == p.number)
                .map(|l| Row {
                    page: l.page,
                    words: l.words.clone(),
                    bbox: l
                        .words
                        .iter()
                        .map(|w| w.bbox)
                        .reduce(|a, b| a.union(&b))
                        .unwrap_or_default(),
                    fill: l.fill,
                })
                .collect();
            let Some(top) = block.iter().map(|r| r.bbox.top).reduce(f64::min) else {
                continue;
            };
            let at = rows
                .iter()
                .position(|r| r.bbox.top > top)
                .unwrap_or(rows.len());
            rows.splice(at..at, block);
        }
        out.extend(rows);
    }
    out
}

/// Whether a line's words are a reference alone ("1.1", "Action 2.3:"), the text it numbers
/// set apart by a tab.
fn reference_only(words: &[Word]) -> bool {
    let refs: Vec<&Word> = words.iter().collect();
    reference(&refs).is_some_and(|(_, next)| next == refs.len())
}

/// A page's lines as rows, a reference standing alone joined to the line on its baseline to
/// its right (Word's "1.1<tab>Action text": layout splits the number from its paragraph at
/// the tab): one numbered paragraph.
fn joined<'p>(page: u32, lines: &[&'p Line], settings: &PaperSettings) -> Vec<Row<'p>> {
    let baseline = |l: &Line| l.words.first().map_or(l.bbox.bottom, |w| w.baseline);
    let mut used = vec![false; lines.len()];
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if used.get(i).copied().unwrap_or(true) {
            continue;
        }
        let mut words: Vec<&'p Word> = line.words.iter().collect();
        let mut bbox = line.bbox;
        if reference_only(&line.words) {
            let em = height(line);
            let partner = lines
                .iter()
                .enumerate()
                .filter(|(j, o)| {
                    !used.get(*j).copied().unwrap_or(true)
                        && *j != i
                        && o.bbox.x0 >= line.bbox.x1
                        && (baseline(o) - baseline(line)).abs() < settings.row_baseline_em * em
                })
                .min_by(|a, b| a.1.bbox.x0.total_cmp(&b.1.bbox.x0));
            if let Some((j, o)) = partner {
                if let Some(u) = used.get_mut(j) {
                    *u = true;
                }
                words.extend(o.words.iter());
                bbox = bbox.union(&o.bbox);
            }
        }
        out.push(Row {
            page,
            words,
            bbox,
            fill: None,
        });
    }
    out
}

/// The body text's size: the median size of the words.
fn body_size(rows: &[Row], settings: &PaperSettings) -> f64 {
    let mut sizes: Vec<f64> = rows
        .iter()
        .flat_map(|r| r.words.iter().map(|w| w.size))
        .collect();
    sizes.sort_by(f64::total_cmp);
    sizes
        .get(sizes.len() / 2)
        .copied()
        .unwrap_or(settings.default_font_size)
}

/// A line's height: its largest word's size.
fn height(line: &Line) -> f64 {
    words_height(line.words.iter())
}

/// The largest size of some words.
fn words_height<'w>(words: impl Iterator<Item = &'w Word>) -> f64 {
    words.map(|w| w.size).fold(1.0, f64::max)
}

/// Whether a line is a heading: every word bold, or set larger than the body, or opening
/// with a group label ("Priority 2 – …").
fn is_heading(words: &[&Word], body: f64, settings: &PaperSettings) -> bool {
    let bold = !words.is_empty() && words.iter().all(|w| is_bold_font(&w.font));
    let large = words
        .iter()
        .all(|w| w.size >= body * settings.heading_size_ratio);
    let text: Vec<&str> = words.iter().map(|w| w.text.as_str()).collect();
    bold || large || group::heading(&text.join(" ")).is_some()
}

/// A line opening an action: a label word and a reference ("Action 1.1:"), or a reference
/// alone ("1.1"), then the action's text. The reference and the index of the first word of
/// the text.
fn opener(words: &[&Word]) -> Option<(String, usize)> {
    reference(words).filter(|(_, next)| *next < words.len())
}

/// The reference opening a line ("Action 1.1:", "1.1") and the index of the word after it.
fn reference(words: &[&Word]) -> Option<(String, usize)> {
    let bare = |w: &str| {
        w.trim_end_matches([':', '–', '—', '-'])
            .trim_end()
            .to_string()
    };
    let numbered = |w: &str| {
        let w = bare(w);
        !w.is_empty() && text::is_reference(&w) && w.chars().any(|c| c.is_ascii_digit())
    };
    let first = words.first()?.text.as_str();
    let (reference, mut next) = if first.chars().all(char::is_alphabetic)
        && first.chars().next().is_some_and(char::is_uppercase)
        && words.get(1).is_some_and(|w| numbered(&w.text))
    {
        (bare(&words.get(1)?.text), 2)
    } else if numbered(first) {
        (bare(first), 1)
    } else {
        return None;
    };
    // A dash set apart between the reference and the text.
    if words
        .get(next)
        .is_some_and(|w| matches!(w.text.as_str(), "–" | "—" | "-" | ":"))
    {
        next += 1;
    }
    Some((text::reference(&reference), next))
}

/// The labels a line's words print: (index of the label's first word, index of the word
/// after its colon, label, role). A label is up to [`MAX_LABEL_WORDS`] words, the first
/// capitalised, the last ending with a colon, naming a role; the longest such wins.
fn labels(words: &[&Word]) -> Vec<(usize, usize, String, Col)> {
    let mut out: Vec<(usize, usize, String, Col)> = Vec::new();
    let mut floor = 0;
    for (i, w) in words.iter().enumerate() {
        let Some(last) = w.text.strip_suffix(':') else {
            continue;
        };
        if last.is_empty() || last.ends_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        let mut found = None;
        for start in (floor..=i).rev().take(MAX_LABEL_WORDS) {
            let Some(head) = words.get(start) else {
                continue;
            };
            if !head.text.chars().next().is_some_and(char::is_uppercase) {
                continue;
            }
            let label: Vec<&str> = words
                .get(start..i)
                .unwrap_or_default()
                .iter()
                .map(|w| w.text.as_str())
                .chain(std::iter::once(last))
                .collect();
            let label = label.join(" ");
            if let Some(col) = role(&label) {
                found = Some((start, label, col));
            }
        }
        if let Some((start, label, col)) = found {
            out.push((start, i + 1, label, col));
            floor = i + 1;
        }
    }
    out
}

/// The column a status word printed on an action's opening line is given: printed nowhere,
/// so no `columns` of the plan either.
pub const STATUS_LABEL: &str = "Rating";

/// Whether words are a rating alone ("On track", "Some slippage").
fn rating(words: &[&Word]) -> bool {
    let text: Vec<&str> = words.iter().map(|w| w.text.as_str()).collect();
    !words.is_empty() && columns::is_rating(&text.join(" "))
}

/// Labels a narrative plan's action prints that name a role only as a label ("By: March
/// 2026" is when; a table column headed "By" may be who).
const LABEL_ROLES: [(&str, Col); 2] = [("by", Col::Date), ("complete by", Col::Date)];

/// The role a label names: a plan column's, or one only a label names.
fn role(label: &str) -> Option<Col> {
    let lower = label.to_lowercase();
    LABEL_ROLES
        .iter()
        .find(|(l, _)| *l == lower)
        .map(|(_, c)| *c)
        .or_else(|| columns::by_header(label).map(|(c, ..)| c))
}

/// The lines read as headings and actions, in order. Lines that are neither (an
/// introduction, a description under a heading) are left as page text.
fn items<'p>(
    rows: &[Row<'p>],
    minis: &[MiniTable],
    body: f64,
    settings: &PaperSettings,
) -> Vec<Item<'p>> {
    let mut out: Vec<Item<'p>> = Vec::new();
    // The line before, of the current action, when it is still open: (page, bottom, height).
    let mut open: Option<(u32, f64, f64)> = None;
    let mut minis = minis.iter().peekable();
    for r in rows {
        while let Some(m) = minis.next_if(|m| (m.page, m.top) < (r.page, r.bbox.top)) {
            attach(&mut out, &mut open, m);
        }
        let words: Vec<&Word> = r.words.clone();
        if words.is_empty() {
            continue;
        }
        let found = labels(&words);
        let h = words_height(r.words.iter().copied());
        let near = open.is_some_and(|(page, bottom, pitch)| {
            page == r.page && r.bbox.top - bottom <= settings.paragraph_gap * pitch
        });
        if let Some((number, start)) =
            opener(&words).filter(|_| found.first().is_none_or(|f| f.0 > 0))
        {
            let cut = found.first().map_or(words.len(), |f| f.0);
            let rest = words.get(start..cut).unwrap_or_default().to_vec();
            // The opening line holding a status word alone after its reference: the rating;
            // the action's text is on the lines below.
            let status = (found.is_empty() && rating(&rest)).then(|| {
                Box::new(Labelled {
                    label: STATUS_LABEL.to_string(),
                    role: Col::Rag,
                    value: vec![(r.page, rest.clone())],
                    cell: None,
                    fill: r.fill,
                })
            });
            let text = if status.is_some() { Vec::new() } else { rest };
            let mut action = Action {
                number,
                text: vec![(r.page, text)],
                labels: Vec::new(),
                status,
                opening: (r.page, words.clone()),
                heading: is_heading(&r.words, body, settings),
                styled: 0,
            };
            add_labels(&mut action, r.page, &words, &found);
            out.push(Item::Action(action));
            open = Some((r.page, r.bbox.bottom, h));
            continue;
        }
        let current = match out.last_mut() {
            Some(Item::Action(a)) if open.is_some() => Some(a),
            _ => None,
        };
        if let Some(a) = current {
            let no_text = a.text.iter().all(|(_, w)| w.is_empty());
            if near && no_text && a.status.is_some() && a.labels.is_empty() && found.is_empty() {
                // The text under an opening line that held the reference and status only.
                a.text = vec![(r.page, words)];
                a.heading = is_heading(&r.words, body, settings);
                a.styled = 0;
                open = Some((r.page, r.bbox.bottom, h));
                continue;
            }
            if found.first().is_some_and(|f| f.0 == 0) {
                // A label line of the open action.
                add_labels(a, r.page, &words, &found);
                open = Some((r.page, r.bbox.bottom, h));
                continue;
            }
            // A value set on the next line ("Status:" over "Complete") is the value however
            // it is printed.
            let awaited = a
                .labels
                .last()
                .is_some_and(|l| l.value.iter().all(|(_, w)| w.is_empty()));
            // A bold action paragraph runs on in bold until its labels.
            let bold = is_heading(&r.words, body, settings);
            let styled = a.heading && a.labels.is_empty() && bold && a.styled + 1 == a.text.len();
            if near && (awaited || styled || !bold) {
                // The action's text or its last value, run on.
                if styled {
                    a.styled += 1;
                }
                match a.labels.last_mut() {
                    Some(l) => l.value.push((r.page, words)),
                    None => a.text.push((r.page, words)),
                }
                open = Some((r.page, r.bbox.bottom, h));
                continue;
            }
        }
        open = None;
        if is_heading(&r.words, body, settings) && found.is_empty() {
            match out.last_mut() {
                Some(Item::Heading(hd)) if hd.lines.last().is_some_and(|(p, _)| *p == r.page) => {
                    hd.lines.push((r.page, words))
                }
                _ => out.push(Item::Heading(Heading {
                    lines: vec![(r.page, words)],
                })),
            }
        } else if let Some(Item::Heading(_)) = out.last() {
            // A description under a heading closes it: a heading after it is a new group.
            out.push(Item::Heading(Heading { lines: Vec::new() }));
        }
    }
    for m in minis {
        attach(&mut out, &mut open, m);
    }
    // A referenced line with no labels under it is no action: a numbered heading ("Priority
    // 2 – …") is a heading; any other ("Updated 1 December 2025") is page text.
    let out: Vec<Item<'p>> = out
        .into_iter()
        .map(|i| match i {
            Item::Action(a) if !named(&a) => {
                let mut lines = vec![a.opening];
                lines.extend(a.text.into_iter().skip(1).take(a.styled));
                Item::Heading(Heading {
                    lines: if a.heading { lines } else { Vec::new() },
                })
            }
            other => other,
        })
        .collect();
    let mut out = out;
    // Headings with no action after them (a title block, a closing note) are no groups.
    while matches!(out.last(), Some(Item::Heading(_))) {
        out.pop();
    }
    let first_action = out
        .iter()
        .position(|i| matches!(i, Item::Action(_)))
        .unwrap_or(out.len());
    // Only the last heading before the first action opens a group: those above it are the
    // document's title block.
    let keep_from = out
        .get(..first_action)
        .unwrap_or_default()
        .iter()
        .rposition(|i| matches!(i, Item::Heading(h) if !h.lines.is_empty()))
        .unwrap_or(first_action);
    out.drain(..keep_from);
    out.retain(|i| !matches!(i, Item::Heading(h) if h.lines.is_empty()));
    out
}

/// Give a small table's labelled values to the action open above it, which it closes; a
/// small table under anything else is left a table.
fn attach(out: &mut [Item], open: &mut Option<(u32, f64, f64)>, m: &MiniTable) {
    let Some(Item::Action(a)) = out.last_mut() else {
        return;
    };
    if open.is_none() || !a.labels.is_empty() {
        return;
    }
    for (label, role, cell) in &m.labels {
        a.labels.push(Labelled {
            label: label.clone(),
            role: *role,
            value: Vec::new(),
            cell: Some(Box::new(cell.clone())),
            fill: None,
        });
    }
    *open = None;
}

/// Add a line's labelled values to an action; words before the first label run on the
/// action's text.
fn add_labels<'p>(
    a: &mut Action<'p>,
    page: u32,
    words: &[&'p Word],
    found: &[(usize, usize, String, Col)],
) {
    for (k, (_, after, label, role)) in found.iter().enumerate() {
        let end = found.get(k + 1).map_or(words.len(), |n| n.0);
        let value = words.get(*after..end).unwrap_or_default().to_vec();
        a.labels.push(Labelled {
            label: label.clone(),
            role: *role,
            value: vec![(page, value)],
            cell: None,
            fill: None,
        });
    }
}

/// The cell lines of words per line (empty lines left out).
fn cell_lines(lines: &[(u32, Vec<&Word>)]) -> Vec<CellLine> {
    lines
        .iter()
        .filter(|(_, w)| !w.is_empty())
        .map(|(page, words)| CellLine {
            text: words
                .iter()
                .map(|w| w.text.as_str())
                .collect::<Vec<_>>()
                .join(" "),
            bbox: words
                .iter()
                .map(|w| w.bbox)
                .reduce(|a, b| a.union(&b))
                .unwrap_or_default(),
            page: *page,
            bold: words.iter().all(|w| is_bold_font(&w.font)),
        })
        .collect()
}

/// A cell at (row, col) spanning `span` columns, one paragraph of `lines`.
fn cell(row: usize, col: usize, span: usize, lines: Vec<CellLine>) -> Cell {
    let mut text = String::new();
    for l in &lines {
        crate::table::join_line(&mut text, l.text.trim());
    }
    let parts = merged(lines.iter().map(|l| Part {
        page: l.page,
        bbox: l.bbox,
    }));
    Cell {
        row,
        col,
        row_span: 1,
        col_span: span,
        paragraphs: vec![Paragraph {
            text: collapse(&text),
            bullet: false,
            fill: None,
            lines,
        }],
        fill: None,
        marks: Vec::new(),
        parts,
    }
}

/// Boxes joined into one part per page, pages in the order met.
fn merged(parts: impl Iterator<Item = Part>) -> Vec<Part> {
    let mut out: Vec<Part> = Vec::new();
    for p in parts {
        match out.iter_mut().find(|o| o.page == p.page) {
            Some(o) => o.bbox = o.bbox.union(&p.bbox),
            None => out.push(p),
        }
    }
    out
}

/// The key a label's column is known by: lower case, a plural "s" dropped ("Leads" is
/// "Lead"'s column).
fn key(label: &str) -> String {
    let l = label.to_lowercase();
    l.strip_suffix('s').map_or(l.clone(), str::to_string)
}

/// The plan table of the headings and actions.
fn build(items: &[Item]) -> Table {
    // The columns: reference, action, then each label as first met.
    let mut labels: Vec<(String, String)> = Vec::new();
    for i in items {
        if let Item::Action(a) = i {
            for l in all_labels(a) {
                if !labels.iter().any(|(k, _)| *k == key(&l.label)) {
                    labels.push((key(&l.label), l.label.clone()));
                }
            }
        }
    }
    let n_cols = 2 + labels.len();
    let mut cells: Vec<Cell> = Vec::new();
    let mut rows: Vec<Vec<Part>> = Vec::new();
    for (k, item) in items.iter().enumerate() {
        // Row 0 is the header, made below.
        let r = k + 1;
        let mut row_cells: Vec<Cell> = Vec::new();
        match item {
            Item::Heading(h) => row_cells.push(cell(r, 0, n_cols, cell_lines(&h.lines))),
            Item::Action(a) => {
                let text = cell(r, 1, 1, cell_lines(&a.text));
                // The reference is printed inside the text's first line: no lines of its own.
                row_cells.push(Cell {
                    paragraphs: vec![Paragraph {
                        text: a.number.clone(),
                        bullet: false,
                        fill: None,
                        lines: Vec::new(),
                    }],
                    parts: text.parts.clone(),
                    ..cell(r, 0, 1, Vec::new())
                });
                row_cells.push(text);
                for l in all_labels(a) {
                    let col = 2 + labels
                        .iter()
                        .position(|(k, _)| *k == key(&l.label))
                        .unwrap_or(0);
                    if row_cells.iter().any(|c| c.col == col) {
                        continue;
                    }
                    row_cells.push(match &l.cell {
                        Some(c) => Cell {
                            row: r,
                            col,
                            row_span: 1,
                            col_span: 1,
                            ..(**c).clone()
                        },
                        None => Cell {
                            fill: l.fill,
                            ..cell(r, col, 1, cell_lines(&l.value))
                        },
                    });
                }
            }
        }
        rows.push(merged(
            row_cells.iter().flat_map(|c| c.parts.iter().copied()),
        ));
        cells.extend(row_cells);
    }
    let pages: Vec<u32> = {
        let mut v: Vec<u32> = rows.iter().flatten().map(|p| p.page).collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    let first = pages.first().copied().unwrap_or(0);
    let bbox = rows
        .iter()
        .flatten()
        .filter(|p| p.page == first)
        .map(|p| p.bbox)
        .reduce(|a, b| a.union(&b))
        .unwrap_or_default();
    // The header row is printed nowhere: it stands, with no height, at the top of the first
    // row.
    let header = Part {
        page: first,
        bbox: Rect {
            bottom: bbox.top,
            ..bbox
        },
    };
    let headings = IMPLIED_COLUMNS
        .iter()
        .copied()
        .chain(labels.iter().map(|(_, label)| label.as_str()));
    let header_cells = headings.enumerate().map(|(col, heading)| {
        let line = CellLine {
            text: heading.to_string(),
            bbox: header.bbox,
            page: first,
            bold: true,
        };
        cell(0, col, 1, vec![line])
    });
    let cells: Vec<Cell> = header_cells.chain(cells).collect();
    rows.insert(0, vec![header]);
    Table {
        pages,
        bbox,
        header_rows: 1,
        n_rows: rows.len(),
        n_cols,
        cells,
        rows,
        ruled: false,
    }
}
