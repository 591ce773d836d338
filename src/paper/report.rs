//! The covering report of a board paper: the meeting header, the title, the labelled fields
//! ("Report from:", "Author:"), the summary, the numbered sections with their numbered
//! paragraphs and bullet lists, and the lead officer contacts (see `fixtures/FORMAT.md`).
//!
//! The reader works on layout lines, merged into rows (everything printed on one baseline),
//! and walks them top to bottom as a small state machine. It relies on the conventions of UK
//! committee reports rather than on any one council's wording:
//!
//! - the first page opens with the meeting (the body's name, usually in capitals, and the
//!   meeting date) and the report's title, bold or in capitals;
//! - labels end with a colon at the left margin, their values stand beside them, one per line;
//! - sections are numbered "1." with a bold heading, paragraphs "1.1", and bullet lists hang
//!   under the paragraph they belong to;
//! - unnumbered bold headings at the left margin introduce the summary, the contacts, or
//!   matter the model does not keep (background papers, appendices).
//!
//! Running headers and footers (rows repeated at the same place on several pages) and bare
//! page numbers are dropped, so paragraphs continue over page breaks.

use serde::{Deserialize, Serialize};

use crate::dates::find_date;
use crate::geom::Direction;
use crate::layout::{self, PageText};
use crate::paper::PaperSettings;
use crate::table::join_line;
use crate::tolerance::DEFAULT_PAGE_HEIGHT;

/// The meeting a paper goes to, from the header of its first page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meeting {
    /// The body that meets, in title case when printed in capitals ("Health and Wellbeing
    /// Board").
    pub body: String,
    /// The meeting date as ISO `YYYY-MM-DD` when a full date is printed.
    pub date: Option<String>,
}

/// The covering report of a board paper.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    /// The title as printed (capitals kept).
    pub title: String,
    /// The "Report from:" values, one per printed line.
    pub report_from: Vec<String>,
    /// The "Author:" value.
    pub author: Option<String>,
    /// The text under the "Summary" heading.
    pub summary: Option<String>,
    /// The numbered sections, in order.
    pub sections: Vec<Section>,
    /// The lead officer contacts.
    pub contacts: Vec<Contact>,
}

/// A numbered section of a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    /// Its number as printed, without the trailing full stop ("1").
    pub number: String,
    /// Its heading.
    pub heading: String,
    /// Its paragraphs, in order.
    pub paragraphs: Vec<ReportParagraph>,
}

/// A paragraph of a report section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportParagraph {
    /// Its number ("1.1"), or `None` for an unnumbered paragraph.
    pub number: Option<String>,
    /// Its text, lines joined by single spaces (a line-final word hyphen joins without one).
    pub text: String,
    /// The bulleted list printed under it, without the bullet glyphs (omitted when empty).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bullets: Vec<String>,
}

/// A contact named in the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    /// The person's name as printed (honours kept: "John Drew C.B.E.").
    pub name: String,
    /// The role printed after the name.
    pub role: Option<String>,
    /// The e-mail address.
    pub email: Option<String>,
}

/// Bullet glyphs that start a list item (including the Symbol font's private-use bullets).
const BULLETS: &[char] = &[
    '•', '●', '▪', '■', '◦', '○', '‣', '⁃', '∙', '➢', '►', '\u{f0b7}', '\u{f0a7}', '\u{f076}',
    '\u{f0d8}',
];

/// Read the covering report from the pages before the plan (`plan_first_page`, 1-based), or
/// from all pages when it is `None` (then the report stops at the first page whose orientation
/// differs from the first page's: plans are landscape appendices).
///
/// Returns `(None, None)` when the pages hold nothing report-like: no "Report from:" or
/// "Author:" field, no "Summary" heading, and no dated meeting header over numbered sections.
pub fn read_report(
    pages: &[PageText],
    plan_first_page: Option<u32>,
    settings: &PaperSettings,
) -> (Option<Meeting>, Option<Report>) {
    let mut sorted: Vec<&PageText> = pages.iter().collect();
    sorted.sort_by_key(|p| p.number);
    let chosen: Vec<&PageText> = match plan_first_page {
        Some(first) => sorted.into_iter().filter(|p| p.number < first).collect(),
        None => {
            let first = sorted.first().map(|p| p.is_landscape());
            sorted
                .into_iter()
                .take_while(|p| Some(p.is_landscape()) == first)
                .collect()
        }
    };
    let mut rows_by_page: Vec<Vec<Row>> = chosen.iter().map(|p| page_rows(p, settings)).collect();
    drop_running_rows(&mut rows_by_page, &chosen, settings);
    let rows: Vec<Row> = rows_by_page.into_iter().flatten().collect();
    parse(&rows, settings)
}

/// A word of a row, with what the reader needs of it.
#[derive(Debug, Clone)]
struct W {
    text: String,
    x0: f64,
    bold: bool,
    /// Whether a column gap separates it from the word before (a new layout line starts).
    new_seg: bool,
}

/// Everything printed on one baseline of one page, left to right.
#[derive(Debug, Clone)]
struct Row {
    page: u32,
    top: f64,
    bottom: f64,
    baseline: f64,
    size: f64,
    words: Vec<W>,
}

impl Row {
    fn x0(&self) -> f64 {
        self.words.first().map_or(0.0, |w| w.x0)
    }

    /// The words from index `from`, joined by single spaces.
    fn text_from(&self, from: usize) -> String {
        let mut s = String::new();
        for w in self.words.iter().skip(from) {
            if !s.is_empty() {
                s.push(' ');
            }
            s.push_str(&w.text);
        }
        s
    }

    fn text(&self) -> String {
        self.text_from(0)
    }

    fn all_bold_from(&self, from: usize) -> bool {
        self.words.len() > from && self.words.iter().skip(from).all(|w| w.bold)
    }
}

/// The page's left-to-right lines merged into rows by baseline, top to bottom.
fn page_rows(page: &PageText, settings: &PaperSettings) -> Vec<Row> {
    let mut lines: Vec<&layout::Line> = page
        .lines
        .iter()
        .filter(|l| l.direction == Direction::Ltr && !l.words.is_empty())
        .collect();
    let baseline = |l: &layout::Line| l.words.first().map_or(l.bbox.bottom, |w| w.baseline);
    lines.sort_by(|a, b| {
        baseline(a)
            .total_cmp(&baseline(b))
            .then(a.bbox.x0.total_cmp(&b.bbox.x0))
    });
    let mut rows: Vec<(Row, Vec<&layout::Line>)> = Vec::new();
    for line in lines {
        let b = baseline(line);
        let size = line
            .words
            .first()
            .map_or(settings.default_font_size, |w| w.size)
            .max(1.0);
        match rows.last_mut() {
            Some((row, group))
                if (b - row.baseline).abs() < settings.row_baseline_em * row.size.max(size) =>
            {
                row.top = row.top.min(line.bbox.top);
                row.bottom = row.bottom.max(line.bbox.bottom);
                group.push(line);
            }
            _ => rows.push((
                Row {
                    page: page.number,
                    top: line.bbox.top,
                    bottom: line.bbox.bottom,
                    baseline: b,
                    size,
                    words: Vec::new(),
                },
                vec![line],
            )),
        }
    }
    rows.into_iter()
        .map(|(mut row, mut group)| {
            group.sort_by(|a, b| a.bbox.x0.total_cmp(&b.bbox.x0));
            for line in group {
                for (i, w) in line.words.iter().enumerate() {
                    row.words.push(W {
                        bold: layout::is_bold_font(&w.font),
                        text: w.text.clone(),
                        x0: w.bbox.x0,
                        new_seg: i == 0,
                    });
                }
            }
            row
        })
        .collect()
}

/// Drop running headers and footers (rows printed in the top or bottom margin at the same
/// place, with the same text up to digits, on two or more pages) and bare page numbers (the
/// first or last row of a page, in its margin). On the first page, a repeated header row in
/// bold or capitals is kept: that is how the meeting header looks.
fn drop_running_rows(rows_by_page: &mut [Vec<Row>], pages: &[&PageText], settings: &PaperSettings) {
    let height = |i: usize| pages.get(i).map_or(DEFAULT_PAGE_HEIGHT, |p| p.height);
    let in_top = |r: &Row, h: f64| r.bottom < settings.margin_fraction * h;
    let in_bottom = |r: &Row, h: f64| r.top > (1.0 - settings.margin_fraction) * h;
    // The margin rows, by text (digits masked) and position.
    let mut margin: Vec<(String, f64, u32, usize, usize)> = Vec::new();
    for (i, rows) in rows_by_page.iter().enumerate() {
        for (j, r) in rows.iter().enumerate() {
            if in_top(r, height(i)) || in_bottom(r, height(i)) {
                let text: String = r
                    .text()
                    .to_lowercase()
                    .chars()
                    .map(|c| if c.is_ascii_digit() { '#' } else { c })
                    .collect();
                margin.push((text, r.top, r.page, i, j));
            }
        }
    }
    margin.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
    // Clusters of one text at one position (neighbours within the tolerance); a cluster
    // printed on two pages or more repeats.
    let mut drop: Vec<Vec<bool>> = rows_by_page.iter().map(|r| vec![false; r.len()]).collect();
    let mut start = 0;
    while start < margin.len() {
        let mut end = start + 1;
        while let (Some(prev), Some(next)) = (margin.get(end - 1), margin.get(end)) {
            if next.0 != prev.0 || next.1 - prev.1 > settings.repeat_position_tolerance {
                break;
            }
            end += 1;
        }
        let cluster = margin.get(start..end).unwrap_or(&[]);
        let first_page = cluster.first().map(|c| c.2);
        if cluster.iter().any(|c| Some(c.2) != first_page) {
            for &(_, _, _, i, j) in cluster {
                let Some(r) = rows_by_page.get(i).and_then(|rows| rows.get(j)) else {
                    continue;
                };
                let styled = r.all_bold_from(0) || is_upper(&r.text());
                let keep = i == 0 && in_top(r, height(i)) && styled;
                if let Some(d) = drop.get_mut(i).and_then(|d| d.get_mut(j)) {
                    *d = !keep;
                }
            }
        }
        start = end;
    }
    for (i, rows) in rows_by_page.iter_mut().enumerate() {
        let flags = drop.get(i);
        let mut j = 0;
        rows.retain(|_| {
            j += 1;
            !flags.and_then(|f| f.get(j - 1)).copied().unwrap_or(false)
        });
        // Then a page number opening or closing what is left of the page.
        let h = height(i);
        let is_number = |r: &Row| (in_top(r, h) || in_bottom(r, h)) && is_page_number(&r.text());
        if rows.last().is_some_and(is_number) {
            rows.pop();
        }
        if rows.first().is_some_and(is_number) {
            rows.remove(0);
        }
    }
}

/// "7", "Page 7", "Page 7 of 12", "- 7 -", "7 of 12".
fn is_page_number(text: &str) -> bool {
    let t = text
        .trim()
        .trim_matches(|c: char| c == '-' || c == '–' || c.is_whitespace());
    let lower = t.to_lowercase();
    let t = lower
        .strip_prefix("page")
        .map_or(lower.as_str(), str::trim_start);
    let mut parts = t.split_whitespace();
    let num = |s: Option<&str>| {
        s.is_some_and(|s| !s.is_empty() && s.len() <= 4 && s.chars().all(|c| c.is_ascii_digit()))
    };
    let first = parts.next();
    if !num(first) {
        return false;
    }
    match parts.next() {
        None => true,
        Some("of") => num(parts.next()) && parts.next().is_none(),
        Some(_) => false,
    }
}

/// What a labelled field feeds.
#[derive(Debug, Clone, Copy, PartialEq)]
enum LabelKind {
    ReportFrom,
    Author,
    Summary,
    /// "Contact officer:", "Lead officer contact:": the value is a contact.
    Contact,
    Other,
}

fn label_kind(label: &str) -> LabelKind {
    let l = label.to_lowercase();
    let l = l.trim_end_matches(':').trim();
    if [
        "report from",
        "report of",
        "report by",
        "from",
        "presented by",
    ]
    .contains(&l)
    {
        LabelKind::ReportFrom
    } else if l.contains("author") {
        LabelKind::Author
    } else if l == "summary" || l.ends_with(" summary") {
        LabelKind::Summary
    } else if l.contains("contact") {
        LabelKind::Contact
    } else {
        LabelKind::Other
    }
}

/// The kind of an unnumbered heading.
#[derive(Debug, Clone, Copy, PartialEq)]
enum HeadingKind {
    Summary,
    Contacts,
    Other,
}

fn heading_kind(text: &str) -> HeadingKind {
    let l = text.to_lowercase();
    let l = l.trim_end_matches(':').trim();
    let words = l.split_whitespace().count();
    if words <= 4 && (l == "summary" || l.ends_with(" summary") || l.starts_with("summary ")) {
        HeadingKind::Summary
    } else if words <= 5 && l.contains("contact") {
        HeadingKind::Contacts
    } else {
        HeadingKind::Other
    }
}

/// What a row is.
#[derive(Debug, Clone, PartialEq)]
enum Kind {
    /// A labelled field: the label's kind, the index of the first value word.
    Label(LabelKind, usize),
    /// A numbered section heading: its number, the index of the first heading word.
    Section(u32, usize),
    /// A numbered paragraph (its text starts at the second word): its section's number and
    /// its own ("1.1").
    Para(u32, String),
    /// A bullet item: its text and the left edge of its text.
    Bullet(String, f64),
    /// An unnumbered heading.
    Heading(HeadingKind),
    /// Anything else.
    Text,
}

/// The page layout the classifier measures against.
struct Geometry {
    /// The report's left margin.
    left: f64,
    /// Whether the fonts say which words are bold at all.
    has_bold: bool,
    /// Left edges within this (points) are one column.
    column_tolerance: f64,
    /// A heading has at most this many words.
    max_heading_words: usize,
}

fn strip_bullet(text: &str) -> Option<&str> {
    let mut chars = text.chars();
    let first = chars.next()?;
    BULLETS
        .contains(&first)
        .then(|| chars.as_str().trim_start())
}

/// "1." or "1" → 1 (a section number).
fn section_number(token: &str) -> Option<u32> {
    let t = token.strip_suffix('.').unwrap_or(token);
    if t.is_empty() || t.len() > 2 || !t.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    t.parse().ok()
}

/// "1.1", "1.1." or "2.3.1" → (1, "1.1").
fn paragraph_number(token: &str) -> Option<(u32, String)> {
    let t = token.strip_suffix('.').unwrap_or(token);
    let parts: Vec<&str> = t.split('.').collect();
    if parts.len() < 2
        || parts
            .iter()
            .any(|p| p.is_empty() || p.len() > 3 || !p.chars().all(|c| c.is_ascii_digit()))
    {
        return None;
    }
    let section = parts.first()?.parse().ok()?;
    Some((section, t.to_string()))
}

fn classify(row: &Row, geo: &Geometry) -> Kind {
    let Some(first) = row.words.first() else {
        return Kind::Text;
    };
    let at_left = (first.x0 - geo.left).abs() <= geo.column_tolerance;
    if let Some(rest) = strip_bullet(&first.text) {
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
        if !text.is_empty() {
            return Kind::Bullet(text, x);
        }
    }
    // A number standing in its own column, or at the left margin.
    let second_seg = row.words.get(1).is_some_and(|w| w.new_seg);
    if (second_seg || at_left) && row.words.len() > 1 {
        if let Some((section, number)) = paragraph_number(&first.text) {
            return Kind::Para(section, number);
        }
        if let Some(n) = section_number(&first.text) {
            let words = row.words.len() - 1;
            let bold_ok = if geo.has_bold {
                row.all_bold_from(1)
            } else {
                first.text.ends_with('.')
            };
            if bold_ok && words <= geo.max_heading_words {
                return Kind::Section(n, 1);
            }
        }
    }
    if at_left {
        // A label: up to four words, the last ending in a colon, all in the first column.
        for (i, w) in row.words.iter().enumerate().take(4) {
            if i > 0 && w.new_seg {
                break;
            }
            if w.text.ends_with(':') && w.text.len() > 1 {
                let label: Vec<&str> = row
                    .words
                    .iter()
                    .take(i + 1)
                    .map(|w| w.text.as_str())
                    .collect();
                let label = label.join(" ");
                // "Summary:" or "Lead officer contact:" alone on its row is a heading.
                let alone = i + 1 == row.words.len();
                if !(alone && heading_kind(&label) != HeadingKind::Other) {
                    return Kind::Label(label_kind(&label), i + 1);
                }
                break;
            }
        }
        let text = row.text();
        let hk = heading_kind(&text);
        let bold_heading =
            geo.has_bold && row.all_bold_from(0) && row.words.len() <= geo.max_heading_words;
        if hk != HeadingKind::Other || bold_heading {
            return Kind::Heading(hk);
        }
    }
    Kind::Text
}

/// The left margin: the leftmost column that starts at least three rows (or the leftmost row).
fn left_margin(rows: &[Row], column_tolerance: f64) -> f64 {
    let mut xs: Vec<f64> = rows.iter().map(Row::x0).collect();
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

/// Where continuation text goes.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Target {
    None,
    /// A label's values: its kind and the values' left edge (`None` until the first value).
    Label(LabelKind, Option<f64>),
    Summary,
    Heading,
    Para,
    Bullet(f64),
    Contacts,
    Skip,
}

fn is_upper(text: &str) -> bool {
    text.chars().any(char::is_alphabetic) && !text.chars().any(char::is_lowercase)
}

/// "Agenda item 5" and the like, printed above the meeting header.
fn is_agenda_marker(text: &str) -> bool {
    let l = text.to_lowercase();
    l.starts_with("agenda item") || l.starts_with("item no")
}

/// The meeting header and title from the rows that open the first page.
fn read_preamble(pre: &[&Row], settings: &PaperSettings) -> (Option<Meeting>, String) {
    let pre: Vec<&Row> = pre
        .iter()
        .copied()
        .filter(|r| !is_agenda_marker(&r.text()))
        .collect();
    // The date row ends the header.
    let mut date_at = None;
    for (i, r) in pre.iter().enumerate() {
        let words: Vec<&str> = r.words.iter().map(|w| w.text.as_str()).collect();
        if let Some(m) = find_date(&words) {
            // The date must end the row (a body name may precede it).
            if m.end == words.len() {
                date_at = Some((i, m));
                break;
            }
        }
    }
    let join = |rows: &[&Row]| {
        let mut s = String::new();
        for r in rows {
            join_line(&mut s, &r.text());
        }
        s
    };
    let (header, date, title_rows): (Vec<String>, Option<String>, &[&Row]) = match date_at {
        Some((i, m)) => {
            let mut header: Vec<String> = pre.iter().take(i).map(|r| r.text()).collect();
            if let Some(r) = pre.get(i) {
                let before: Vec<&str> = r
                    .words
                    .iter()
                    .take(m.start)
                    .map(|w| w.text.as_str())
                    .collect();
                if !before.is_empty() {
                    header.push(before.join(" "));
                }
            }
            (
                header,
                m.day.map(|d| d.to_string()),
                pre.get(i + 1..).unwrap_or(&[]),
            )
        }
        None => {
            // No date: a first row set apart from the rest by a wide gap is the body.
            let split = match (pre.first(), pre.get(1)) {
                (Some(a), Some(b))
                    if b.baseline - a.baseline > settings.meeting_body_gap_em * a.size =>
                {
                    1
                }
                _ => 0,
            };
            (
                pre.iter().take(split).map(|r| r.text()).collect(),
                None,
                pre.get(split..).unwrap_or(&[]),
            )
        }
    };
    let body = header
        .join(" ")
        .trim_matches(|c: char| c.is_whitespace() || c == ',' || c == '-' || c == '–')
        .to_string();
    let body = if is_upper(&body) {
        title_case(&body)
    } else {
        body
    };
    let meeting = (!body.is_empty() || date.is_some()).then_some(Meeting { body, date });
    (meeting, join(title_rows))
}

/// The parse proper, over the report's rows in reading order.
fn parse(rows: &[Row], settings: &PaperSettings) -> (Option<Meeting>, Option<Report>) {
    let Some(first_page) = rows.first().map(|r| r.page) else {
        return (None, None);
    };
    let geo = Geometry {
        left: left_margin(rows, settings.column_tolerance),
        has_bold: rows.iter().any(|r| r.words.iter().any(|w| w.bold)),
        column_tolerance: settings.column_tolerance,
        max_heading_words: settings.max_heading_words,
    };
    let kinds: Vec<Kind> = rows.iter().map(|r| classify(r, &geo)).collect();
    // The preamble: bold or capitalised rows opening the first page, before any field.
    let mut start = 0;
    for (r, k) in rows.iter().zip(&kinds) {
        let text = r.text();
        let plain = *k == Kind::Text || matches!(k, Kind::Heading(HeadingKind::Other));
        let styled = r.all_bold_from(0) || is_upper(&text) || is_agenda_marker(&text);
        if r.page != first_page || !plain || !styled || start >= settings.max_preamble_rows {
            break;
        }
        start += 1;
    }
    let preamble: Vec<&Row> = rows.iter().take(start).collect();
    let (meeting, title) = read_preamble(&preamble, settings);

    let mut reader = Reader {
        report: Report {
            title,
            report_from: Vec::new(),
            author: None,
            summary: None,
            sections: Vec::new(),
            contacts: Vec::new(),
        },
        target: Target::None,
        evidence: false,
        has_bold: geo.has_bold,
        column_tolerance: settings.column_tolerance,
    };
    for (row, kind) in rows.iter().zip(&kinds).skip(start) {
        reader.row(row, kind);
    }
    let Reader {
        mut report,
        evidence,
        ..
    } = reader;
    let dated = meeting.as_ref().is_some_and(|m| m.date.is_some());
    if !(evidence || (dated && !report.sections.is_empty())) {
        return (None, None);
    }
    report.summary = report.summary.filter(|s| !s.is_empty());
    (meeting, Some(report))
}

/// The state of the walk over the rows after the preamble.
struct Reader {
    report: Report,
    /// Where continuation text goes.
    target: Target,
    /// Whether a report-only feature was seen ("Report from:", "Author:", "Summary").
    evidence: bool,
    /// Whether the fonts say which words are bold at all.
    has_bold: bool,
    /// Left edges within this (points) are one column.
    column_tolerance: f64,
}

impl Reader {
    fn row(&mut self, row: &Row, kind: &Kind) {
        let sections = &self.report.sections;
        let in_front =
            sections.is_empty() && !matches!(self.target, Target::Para | Target::Bullet(_));
        // Numbers out of sequence and labels inside the body are text.
        let kind = match kind {
            Kind::Section(n, _) if !section_follows(sections, *n) => &Kind::Text,
            Kind::Para(n, _) if !paragraph_fits(sections, *n) => &Kind::Text,
            Kind::Label(..) if !in_front => &Kind::Text,
            k => k,
        };
        match kind {
            Kind::Section(_, from) => self.section(row, *from),
            Kind::Para(section, number) => self.paragraph(row, *section, number),
            Kind::Bullet(text, x) => self.bullet(text, *x),
            Kind::Label(label, from) => self.label(row, *label, *from),
            Kind::Heading(hk) => self.heading(*hk),
            Kind::Text => self.text(row),
        }
    }

    fn section(&mut self, row: &Row, from: usize) {
        let number = row
            .words
            .first()
            .map_or("", |w| w.text.trim_end_matches('.'));
        self.report.sections.push(Section {
            number: number.to_string(),
            heading: row.text_from(from),
            paragraphs: Vec::new(),
        });
        self.target = Target::Heading;
    }

    fn paragraph(&mut self, row: &Row, section: u32, number: &str) {
        if self.report.sections.is_empty() {
            self.report.sections.push(Section {
                number: section.to_string(),
                heading: String::new(),
                paragraphs: Vec::new(),
            });
        }
        if let Some(s) = self.report.sections.last_mut() {
            s.paragraphs.push(ReportParagraph {
                number: Some(number.to_string()),
                text: row.text_from(1),
                bullets: Vec::new(),
            });
        }
        self.target = Target::Para;
    }

    fn bullet(&mut self, text: &str, x: f64) {
        match self.target {
            Target::Summary => {
                if let Some(s) = self.report.summary.as_mut() {
                    join_line(s, text);
                }
            }
            Target::Contacts | Target::Skip | Target::None | Target::Label(..) => {}
            Target::Heading | Target::Para | Target::Bullet(_) => {
                // Bullets straight under a heading hang from an empty unnumbered paragraph.
                let create = self.target == Target::Heading;
                if let Some(p) = current_paragraph(&mut self.report.sections, create) {
                    p.bullets.push(text.to_string());
                    self.target = Target::Bullet(x);
                }
            }
        }
    }

    fn label(&mut self, row: &Row, label: LabelKind, from: usize) {
        let value = row.text_from(from);
        let value_x = row.words.get(from).map(|w| w.x0);
        self.target = match label {
            LabelKind::Summary => Target::Summary,
            LabelKind::Contact => Target::Contacts,
            _ => Target::Label(label, value_x),
        };
        match label {
            LabelKind::Summary => {
                self.evidence = true;
                self.report.summary = Some(value);
            }
            LabelKind::Contact => contact_line(&mut self.report.contacts, &value),
            _ => self.label_value(label, &value),
        }
    }

    fn label_value(&mut self, label: LabelKind, value: &str) {
        if value.is_empty() {
            return;
        }
        let report = &mut self.report;
        match label {
            LabelKind::ReportFrom => report.report_from.push(value.to_string()),
            LabelKind::Author => match report.author.as_mut() {
                Some(a) => join_line(a, value),
                None => report.author = Some(value.to_string()),
            },
            LabelKind::Summary | LabelKind::Contact | LabelKind::Other => return,
        }
        self.evidence = true;
    }

    fn heading(&mut self, kind: HeadingKind) {
        self.target = match kind {
            HeadingKind::Summary => {
                self.evidence = true;
                self.report.summary.get_or_insert_with(String::new);
                Target::Summary
            }
            HeadingKind::Contacts => Target::Contacts,
            HeadingKind::Other => Target::Skip,
        };
    }

    /// A row that continues whatever came before.
    fn text(&mut self, row: &Row) {
        let text = row.text();
        let report = &mut self.report;
        match self.target {
            Target::Label(label, x) => {
                let x = x.unwrap_or(row.x0());
                if (row.x0() - x).abs() <= self.column_tolerance {
                    self.target = Target::Label(label, Some(x));
                    self.label_value(label, &text);
                } else {
                    self.target = Target::None;
                }
            }
            Target::Summary => {
                if let Some(s) = report.summary.as_mut() {
                    join_line(s, &text);
                }
            }
            Target::Heading => {
                if let Some(s) = report.sections.last_mut() {
                    // A heading wraps in bold; plain text starts an unnumbered paragraph.
                    if self.has_bold && row.all_bold_from(0) && s.paragraphs.is_empty() {
                        join_line(&mut s.heading, &text);
                    } else {
                        s.paragraphs.push(ReportParagraph {
                            number: None,
                            text,
                            bullets: Vec::new(),
                        });
                        self.target = Target::Para;
                    }
                }
            }
            Target::Para => {
                if let Some(p) = current_paragraph(&mut report.sections, false) {
                    join_line(&mut p.text, &text);
                }
            }
            Target::Bullet(x) => {
                if let Some(p) = current_paragraph(&mut report.sections, false) {
                    // Indented like the bullet's text: the item wraps; else the paragraph
                    // resumes under its list.
                    match p.bullets.last_mut() {
                        Some(b) if row.x0() >= x - self.column_tolerance => join_line(b, &text),
                        _ => {
                            join_line(&mut p.text, &text);
                            self.target = Target::Para;
                        }
                    }
                }
            }
            Target::Contacts => contact_line(&mut report.contacts, &text),
            Target::Skip | Target::None => {}
        }
    }
}

/// Whether section `n` may follow the sections so far (numbers go up by one or two).
fn section_follows(sections: &[Section], n: u32) -> bool {
    match sections.last().and_then(|s| s.number.parse::<u32>().ok()) {
        None => sections.is_empty() && n >= 1,
        Some(last) => n > last && n <= last.saturating_add(2),
    }
}

/// Whether a paragraph numbered under section `n` belongs to the current section.
fn paragraph_fits(sections: &[Section], n: u32) -> bool {
    match sections.last() {
        None => true,
        Some(s) => s.number.parse::<u32>().ok() == Some(n),
    }
}

/// The paragraph continuation text goes to; with `create`, an unnumbered one is started when
/// the section has none yet.
fn current_paragraph(sections: &mut [Section], create: bool) -> Option<&mut ReportParagraph> {
    let s = sections.last_mut()?;
    if create && s.paragraphs.is_empty() {
        s.paragraphs.push(ReportParagraph {
            number: None,
            text: String::new(),
            bullets: Vec::new(),
        });
    }
    s.paragraphs.last_mut()
}

/// One row of the contacts block: a name (with its role after the first comma), a role on
/// its own line, or an e-mail address. Telephone lines are skipped.
fn contact_line(contacts: &mut Vec<Contact>, text: &str) {
    let lower = text.to_lowercase();
    if let Some(email) = text.split_whitespace().find(|w| w.contains('@')) {
        let email = email
            .trim_start_matches(|c: char| !c.is_alphanumeric())
            .trim_end_matches(|c: char| !c.is_alphanumeric())
            .to_string();
        if let Some(c) = contacts.last_mut().filter(|c| c.email.is_none()) {
            c.email = Some(email);
        }
        return;
    }
    let digits = text.chars().filter(char::is_ascii_digit).count();
    if lower.starts_with("tel")
        || lower.starts_with("phone")
        || lower.starts_with("mobile")
        || digits * 2 > text.len()
    {
        return;
    }
    if let Some(c) = contacts
        .last_mut()
        .filter(|c| c.role.is_none() && c.email.is_none())
    {
        if !text.contains(',') {
            c.role = Some(text.to_string());
            return;
        }
    }
    let (name, role) = match text.split_once(',') {
        Some((n, r)) => (
            n.trim().to_string(),
            Some(r.trim().to_string()).filter(|r| !r.is_empty()),
        ),
        None => (text.trim().to_string(), None),
    };
    contacts.push(Contact {
        name,
        role,
        email: None,
    });
}

/// Words that stay lower case inside a title ("Health and Wellbeing Board").
const SMALL_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "nor", "of", "on",
    "or", "per", "the", "to", "via", "with",
];

/// A title printed in capitals, in title case: small words lower case except the first,
/// other words capitalised; words without vowels are taken for acronyms and kept ("NHS",
/// "(MSCB)").
pub fn title_case(text: &str) -> String {
    let mut out = Vec::new();
    for (i, word) in text.split_whitespace().enumerate() {
        let lower = word.to_lowercase();
        let letters: String = lower.chars().filter(|c| c.is_alphabetic()).collect();
        let acronym = !letters.is_empty() && !letters.chars().any(|c| "aeiouy".contains(c));
        if acronym {
            out.push(word.to_string());
        } else if i > 0 && SMALL_WORDS.contains(&lower.as_str()) {
            out.push(lower);
        } else {
            out.push(capitalise_parts(&lower));
        }
    }
    out.join(" ")
}

/// Upper-case the first letter of each hyphen-separated part ("co-ordination" →
/// "Co-Ordination").
fn capitalise_parts(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut at_start = true;
    for c in word.chars() {
        if at_start && c.is_alphabetic() {
            out.extend(c.to_uppercase());
            at_start = false;
        } else {
            out.push(c);
        }
        if c == '-' {
            at_start = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles() {
        assert_eq!(
            title_case("HEALTH AND WELLBEING BOARD"),
            "Health and Wellbeing Board"
        );
        assert_eq!(title_case("THE CABINET"), "The Cabinet");
        assert_eq!(
            title_case("CHILDREN AND YOUNG PEOPLE OVERVIEW AND SCRUTINY COMMITTEE"),
            "Children and Young People Overview and Scrutiny Committee"
        );
        assert_eq!(title_case("NHS TRUST BOARD"), "NHS Trust Board");
        assert_eq!(
            title_case("HEALTH-AND-CARE   PARTNERSHIP"),
            "Health-And-Care Partnership"
        );
        assert_eq!(title_case(""), "");
    }

    #[test]
    fn numbers_and_labels() {
        assert_eq!(section_number("1."), Some(1));
        assert_eq!(section_number("12"), Some(12));
        assert_eq!(section_number("2015"), None);
        assert_eq!(section_number("."), None);
        assert_eq!(paragraph_number("1.1"), Some((1, "1.1".into())));
        assert_eq!(paragraph_number("2.3.1."), Some((2, "2.3.1".into())));
        assert_eq!(paragraph_number("1."), None);
        assert_eq!(paragraph_number("1..2"), None);
        assert_eq!(paragraph_number("C.B.E."), None);
        assert_eq!(label_kind("Report from:"), LabelKind::ReportFrom);
        assert_eq!(label_kind("Author:"), LabelKind::Author);
        assert_eq!(heading_kind("Lead officer contact"), HeadingKind::Contacts);
        assert_eq!(heading_kind("Summary"), HeadingKind::Summary);
        assert_eq!(heading_kind("Background papers"), HeadingKind::Other);
        assert!(is_page_number("Page 3 of 12"));
        assert!(is_page_number("- 4 -"));
        assert!(is_page_number("7"));
        assert!(!is_page_number("2015 and includes"));
        assert!(!is_page_number("1.1"));
        assert!(!is_page_number(""));
    }

    #[test]
    fn contacts() {
        let mut c = Vec::new();
        for line in [
            "John Drew C.B.E., Independent Chair, MSCB",
            "john.drew@medway.gov.uk",
            "Simon Plummer",
            "MSCB Business Manager",
            "Tel: 01634 123456",
            "Email: simon.plummer@medway.gov.uk.",
        ] {
            contact_line(&mut c, line);
        }
        assert_eq!(
            c,
            vec![
                Contact {
                    name: "John Drew C.B.E.".into(),
                    role: Some("Independent Chair, MSCB".into()),
                    email: Some("john.drew@medway.gov.uk".into())
                },
                Contact {
                    name: "Simon Plummer".into(),
                    role: Some("MSCB Business Manager".into()),
                    email: Some("simon.plummer@medway.gov.uk".into())
                },
            ]
        );
    }

    /// A row of layout lines: `(left edge, text, bold)`, words spaced 6 pt per character.
    fn row(page: u32, top: f64, segs: &[(f64, &str, bool)]) -> Row {
        let mut words = Vec::new();
        for &(x, text, bold) in segs {
            let mut offset = 0.0;
            for (i, w) in text.split_whitespace().enumerate() {
                words.push(W {
                    text: w.to_string(),
                    x0: x + offset,
                    bold,
                    new_seg: i == 0,
                });
                offset += 6.0 * (w.chars().count() as f64 + 1.0);
            }
        }
        Row {
            page,
            top,
            bottom: top + 12.0,
            baseline: top + 10.0,
            size: 10.0,
            words,
        }
    }

    fn page(number: u32) -> PageText {
        PageText {
            number,
            width: 595.0,
            height: 842.0,
            lines: Vec::new(),
        }
    }

    /// A two-page report with a running header and footer, a page number, a paragraph and a
    /// wrapped bullet running over the page break, and a contact over several lines.
    #[test]
    fn synthetic_report_over_a_page_break() {
        let (b, p) = (true, false);
        let page1 = vec![
            row(1, 30.0, &[(72.0, "Confidential draft", p)]),
            row(1, 60.0, &[(250.0, "CABINET", b)]),
            row(1, 74.0, &[(220.0, "Tuesday 3rd March 2020", b)]),
            row(1, 100.0, &[(200.0, "SCHOOL PLACES PLAN", b)]),
            row(
                1,
                126.0,
                &[
                    (72.0, "Report from:", b),
                    (185.0, "Jane Smith, Director", p),
                ],
            ),
            row(1, 140.0, &[(185.0, "Amir Khan, Deputy Director", p)]),
            row(1, 152.0, &[(72.0, "Summary", b)]),
            row(1, 170.0, &[(72.0, "This report sets out the", p)]),
            row(1, 184.0, &[(72.0, "plan.", p)]),
            row(1, 200.0, &[(72.0, "1.", b), (108.0, "Background", b)]),
            row(
                1,
                226.0,
                &[
                    (72.0, "1.1", p),
                    (108.0, "The council must plan school-", p),
                ],
            ),
            row(1, 240.0, &[(108.0, "places for the area:", p)]),
            row(1, 260.0, &[(108.0, "• Primary places in the", p)]),
            row(1, 274.0, &[(120.0, "north", p)]),
            row(1, 800.0, &[(72.0, "Cabinet 3 March 2020", p)]),
        ];
        let page2 = vec![
            row(2, 30.0, &[(72.0, "Confidential draft", p)]),
            row(2, 60.0, &[(120.0, "and south", p)]),
            row(2, 80.0, &[(108.0, "Secondary places remain.", p)]),
            row(2, 110.0, &[(72.0, "2.", b), (108.0, "Recommendation", b)]),
            row(
                2,
                136.0,
                &[(72.0, "2.1", p), (108.0, "Cabinet is asked to note.", p)],
            ),
            row(2, 160.0, &[(72.0, "Lead officer contact:", b)]),
            row(2, 180.0, &[(72.0, "Jane Smith", p)]),
            row(2, 194.0, &[(72.0, "Head of School Place Planning", p)]),
            row(2, 208.0, &[(72.0, "Tel: 01234 567890", p)]),
            row(2, 222.0, &[(72.0, "jane.smith@example.gov.uk", p)]),
            row(2, 800.0, &[(72.0, "Cabinet 3 March 2020", p)]),
            row(2, 815.0, &[(290.0, "2", p)]),
        ];
        let pages = [page(1), page(2)];
        let refs: Vec<&PageText> = pages.iter().collect();
        let mut by_page = vec![page1, page2];
        drop_running_rows(&mut by_page, &refs, &PaperSettings::default());
        let rows: Vec<Row> = by_page.into_iter().flatten().collect();
        let (meeting, report) = parse(&rows, &PaperSettings::default());
        assert_eq!(
            meeting,
            Some(Meeting {
                body: "Cabinet".into(),
                date: Some("2020-03-03".into())
            })
        );
        let report = report.expect("a report");
        assert_eq!(report.title, "SCHOOL PLACES PLAN");
        assert_eq!(
            report.report_from,
            ["Jane Smith, Director", "Amir Khan, Deputy Director"]
        );
        assert_eq!(report.author, None);
        assert_eq!(
            report.summary.as_deref(),
            Some("This report sets out the plan.")
        );
        let para = |s: usize, p: usize| &report.sections[s].paragraphs[p];
        assert_eq!(report.sections.len(), 2);
        assert_eq!(report.sections[0].heading, "Background");
        assert_eq!(para(0, 0).number.as_deref(), Some("1.1"));
        assert_eq!(
            para(0, 0).text,
            "The council must plan school-places for the area: Secondary places remain."
        );
        assert_eq!(
            para(0, 0).bullets,
            ["Primary places in the north and south"]
        );
        assert_eq!(para(1, 0).text, "Cabinet is asked to note.");
        assert_eq!(
            report.contacts,
            [Contact {
                name: "Jane Smith".into(),
                role: Some("Head of School Place Planning".into()),
                email: Some("jane.smith@example.gov.uk".into()),
            }]
        );
    }

    #[test]
    fn no_rows_no_report() {
        assert_eq!(
            read_report(&[], None, &PaperSettings::default()),
            (None, None)
        );
        assert_eq!(
            read_report(&[], Some(5), &PaperSettings::default()),
            (None, None)
        );
    }
}
