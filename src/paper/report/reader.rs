//! Step 5: the section and paragraph state machine. It walks the classified rows after the
//! preamble and decides, from the context, what each numbered row is: a section heading, a
//! numbered paragraph, or an item of the list under a paragraph (a number style other than
//! the paragraph's, indented under it); and where continuation text goes.

use super::classify::{Geometry, Kind};
use super::contacts::{contact_line, merge_at, officer, table_continuation, table_row, Column};
use super::label::{label_kind, LabelKind};
use super::lists::{appendix_line, is_none};
use super::model::{Report, ReportParagraph, Section};
use super::numbering::{is_lettered, section_of, Number, Style};
use super::rectable::{self, RecTable};
use super::rows::Row;
use crate::table::join_line;

/// Where continuation text goes.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Target {
    None,
    /// A label's values: its kind and the values' left edge.
    Label(LabelKind, f64),
    Summary,
    Purpose,
    Recommendations,
    Appendices,
    Background,
    Contacts,
    Heading,
    Para,
    /// A bullet item whose text starts at this left edge.
    Bullet(f64),
}

/// The values of the front matter's labels that feed the meeting.
#[derive(Debug, Default, Clone)]
pub(super) struct FrontLabels {
    pub body: Option<String>,
    pub date: Option<String>,
    pub place: Option<String>,
    pub title: Option<String>,
    /// A heading printed among the labels, a label after it: the title when neither a label
    /// nor the preamble gives one.
    pub heading_title: Option<String>,
}

/// The state of the walk over the rows after the preamble.
pub(super) struct Reader<'g> {
    pub report: Report,
    pub front: FrontLabels,
    /// Whether a report-only feature was seen (a front label or field heading).
    pub evidence: bool,
    geo: &'g Geometry,
    target: Target,
    summary: Option<String>,
    purpose: Option<String>,
    /// The front recommendations: the items, the text before (or instead of) them, and the
    /// left edge of the items' text.
    recs: Vec<String>,
    rec_text: String,
    rec_x: Option<f64>,
    /// Where the last recommendation item's row starts (its number or glyph): an item's
    /// wrapped rows may return there rather than to its text.
    rec_item_x: Option<f64>,
    /// Where the Recommendations heading or label starts.
    rec_block_x: f64,
    /// Whether the recommendations' bullets are drawn as shapes (see `shape_rec_item`).
    rec_shapes: bool,
    /// The last Summary, Purpose or Recommendations heading as printed: the section's heading
    /// when numbered body paragraphs follow it.
    block_heading: String,
    /// The current paragraph's number style and the left edge of its number.
    para_style: Option<Style>,
    para_x: f64,
    /// The left edge of the current list's first bullet glyph.
    list_x: Option<f64>,
    /// The columns of a contacts table, once its first person is read.
    contact_columns: Option<Vec<(f64, Column)>>,
    /// The left edge of the current paragraph's text.
    para_text_x: f64,
    /// Whether the current list's items have no glyph (a list drawn with shapes, or only
    /// indented): then a short row before ends an item.
    glyphless: bool,
    /// The row before (page, baseline), and whether it ended short of the margin.
    prev: Option<(u32, f64)>,
    prev_short: bool,
    /// The usual baseline pitch of the body text (points).
    pitch: f64,
    /// A baseline this many pitches below the row before starts a new paragraph.
    paragraph_gap: f64,
    /// Whether the next row is a list item (a bullet, or a number in a list's style).
    next_item: bool,
    /// Whether this row runs to the margin and the next row, plain text at its left edge,
    /// carries it on: the row opens a paragraph, whatever its face.
    runs_on: bool,
    /// The right edge of the current section heading's last row.
    heading_end: f64,
    /// The text's left edge of the last list item of the summary or purpose block.
    block_item_x: Option<f64>,
    /// Whether the contact block's last sub-heading names the report's authors.
    contact_author: bool,
    /// For a label alone on its row: its left edge and how many value rows were read under it.
    label_under: Option<(f64, usize)>,
    /// The left edge of the current label.
    label_x: f64,
    /// The rows of each "Contact officer" value, with how many contacts were read before it,
    /// and whether the last is still being read.
    officers: Vec<(usize, Vec<String>)>,
    officer_open: bool,
    /// Which Contact officer's value is the author.
    author_from_officer: Option<usize>,
    /// The values of sign-off labels ("Report approved by"): the report is from them when no
    /// label names whom it is from.
    sign_off: Vec<String>,
    /// Whether a part divider ("PART B") stands before the next row: a break, as a gap is.
    divider: bool,
    /// Whom the title block's "Report of …" line names: the report is from them when no
    /// label says so.
    title_from: Vec<String>,
    /// The Summary, Purpose and Recommendations blocks headed in a heading's face (no
    /// colon): where they stand among the sections, their heading and kind. In a report
    /// whose headings and paragraphs are all unnumbered they are sections too.
    blocks: Vec<(usize, String, LabelKind)>,
    /// The recommendations table being read, whether it stands in a Recommendations
    /// section (its items are then the section's paragraphs), and how many items it gave.
    rec_table: Option<RecTable>,
    rec_table_in_section: bool,
    rec_table_items: usize,
    /// Heading rows among the front labels before any section, each with whether a gap
    /// stood above it: the title when a label follows them, else read as headings.
    title_rows: Vec<(Row, bool)>,
    /// Whether Recommendation labels inside the body give the recommendations.
    body_recs: bool,
}

impl<'g> Reader<'g> {
    pub fn new(geo: &'g Geometry, pitch: f64, paragraph_gap: f64) -> Self {
        Reader {
            report: Report::default(),
            front: FrontLabels::default(),
            evidence: false,
            geo,
            target: Target::None,
            summary: None,
            purpose: None,
            recs: Vec::new(),
            rec_text: String::new(),
            rec_x: None,
            rec_item_x: None,
            rec_block_x: 0.0,
            rec_shapes: false,
            block_heading: String::new(),
            para_style: None,
            para_x: 0.0,
            list_x: None,
            contact_columns: None,
            para_text_x: 0.0,
            glyphless: false,
            prev: None,
            prev_short: false,
            pitch,
            paragraph_gap,
            next_item: false,
            runs_on: false,
            heading_end: 0.0,
            block_item_x: None,
            contact_author: false,
            label_under: None,
            label_x: 0.0,
            officers: Vec::new(),
            officer_open: false,
            author_from_officer: None,
            sign_off: Vec::new(),
            divider: false,
            title_from: Vec::new(),
            blocks: Vec::new(),
            rec_table: None,
            rec_table_in_section: false,
            rec_table_items: 0,
            title_rows: Vec::new(),
            body_recs: false,
        }
    }

    /// Whom the title block's "Report of …" line names (report evidence, as a label is).
    pub fn title_from(&mut self, names: Vec<String>) {
        self.evidence |= !names.is_empty();
        self.title_from = names;
    }

    /// Whether a vertical gap above `row` starts a new paragraph.
    fn gap_before(&self, row: &Row) -> bool {
        match self.prev {
            Some((page, baseline)) if page == row.page => {
                row.baseline - baseline > self.pitch * self.paragraph_gap
            }
            _ => false,
        }
    }

    /// Whether the body has begun: a section, or a heading or paragraph being read.
    pub fn in_body(&self) -> bool {
        !self.report.sections.is_empty()
            || matches!(
                self.target,
                Target::Heading | Target::Para | Target::Bullet(_)
            )
    }

    /// Read one row; `next` is the row after it, with its kind.
    pub fn row(&mut self, row: &Row, kind: &Kind, next: Option<(&Row, &Kind)>) {
        let gap = self.gap_before(row) || std::mem::take(&mut self.divider);
        self.next_item = next.is_some_and(|(_, k)| match k {
            Kind::Bullet(..) => true,
            Kind::Numbered { number, .. } => {
                !matches!(number.style, Style::Plain | Style::Dotted | Style::Minute)
            }
            _ => false,
        });
        self.runs_on = !self.geo.is_short(row)
            && next.is_some_and(|(n, k)| {
                *k == Kind::Text
                    && n.page == row.page
                    && (n.x0() - row.x0()).abs() <= self.geo.column_tolerance
                    && n.baseline - row.baseline <= self.pitch * self.paragraph_gap
            });
        if self.title_row(row, kind, gap) {
            self.prev = Some((row.page, row.baseline));
            return;
        }
        if self.rec_table_row(row, kind, gap) {
            self.prev = Some((row.page, row.baseline));
            self.prev_short = self.geo.is_short(row);
            return;
        }
        match kind {
            Kind::Field(k) => self.field(*k, row),
            Kind::Label(k, from) => {
                let field_anywhere = matches!(
                    k,
                    LabelKind::Background
                        | LabelKind::Contacts
                        | LabelKind::Appendices
                        | LabelKind::ContactOfficer
                        | LabelKind::SignOff
                        | LabelKind::Author
                );
                if *k == LabelKind::Recommendations
                    && *from < row.words.len()
                    && self.in_body()
                    && self.body_recs()
                {
                    self.body_recommendation(row, *from);
                } else if !self.in_body() || field_anywhere {
                    self.label(row, *k, *from);
                } else if *from >= row.words.len() && self.geo.heading_form(row, 0) {
                    // A label's words alone in a heading's face inside the body: a heading.
                    self.heading(row, gap);
                } else {
                    self.text(row, gap);
                }
            }
            Kind::Numbered {
                number,
                from,
                heading,
            } => {
                self.numbered(row, number, *from, *heading, gap);
                self.officer_in_paragraph(row, *from);
            }
            Kind::Bullet(text, glyph_x, text_x) => self.bullet(text, *glyph_x, *text_x),
            Kind::Heading => self.heading(row, gap),
            Kind::Text => self.text(row, gap),
        }
        self.prev = Some((row.page, row.baseline));
        self.prev_short = self.geo.is_short(row);
    }

    /// A row of a recommendations table (see [`rectable`]): its header under a
    /// Recommendations block or section heading opens the table; each later row gives its
    /// recommendation cell's words, a new item where the number column prints a number (or,
    /// with none, after a gap or a finished sentence). Returns whether the row was the
    /// table's; the table ends at a heading or a row left of it.
    fn rec_table_row(&mut self, row: &Row, kind: &Kind, gap: bool) -> bool {
        let Some(table) = self.rec_table.clone() else {
            let in_section = self.target == Target::Heading
                && self.report.sections.last().is_some_and(|s| {
                    s.paragraphs.is_empty()
                        && super::label::label_kind(&s.heading) == LabelKind::Recommendations
                });
            let open =
                (self.target == Target::Recommendations && self.recs.is_empty()) || in_section;
            let header = if open { rectable::header(row) } else { None };
            self.rec_table_in_section = in_section;
            self.rec_table_items = 0;
            self.rec_table = header;
            return self.rec_table.is_some();
        };
        let heading = match kind {
            Kind::Heading | Kind::Field(_) => true,
            Kind::Numbered {
                number, heading, ..
            } => *heading && number.style == Style::Plain,
            _ => false,
        };
        let cell = (!heading)
            .then(|| table.cell(row, self.geo.column_tolerance))
            .flatten();
        let Some(cell) = cell else {
            self.rec_table = None;
            return false;
        };
        if cell.text.is_empty() {
            // A row of the other columns only (a reason's wrapped lines).
            return true;
        }
        let last = if self.rec_table_in_section {
            self.current_paragraph(false).map(|p| p.text.clone())
        } else {
            self.recs.last().cloned()
        };
        let finished = last.as_deref().is_some_and(|t| t.ends_with(['.', ';']))
            && cell.text.starts_with(char::is_uppercase);
        let new_item = self.rec_table_items == 0
            || cell.number.is_some()
            || (!table.numbered && (gap || finished));
        if new_item {
            self.rec_table_items += 1;
            if self.rec_table_in_section {
                let number = cell.number.as_deref().and_then(super::numbering::parse);
                self.paragraph(number.as_ref(), cell.text, table.rec.0, table.rec.0);
            } else {
                self.recs.push(cell.text);
                self.rec_x = Some(table.rec.0);
                self.rec_item_x = None;
            }
        } else if self.rec_table_in_section {
            if let Some(p) = self.current_paragraph(false) {
                join_line(&mut p.text, &cell.text);
            }
        } else if let Some(last) = self.recs.last_mut() {
            join_line(last, &cell.text);
        }
        true
    }

    /// A heading among the front labels, before any section ("Report to: Cabinet", "Date:",
    /// then the title in bold, then "Report of:"): held, with the heading rows wrapping it,
    /// until the row after shows what it is. A label or a field heading after it
    /// ("Recommendations" opening a boxed panel under a title beside a sidebar of labels)
    /// makes it the title; anything else, a heading as before. Returns whether the row was
    /// held.
    fn title_row(&mut self, row: &Row, kind: &Kind, gap: bool) -> bool {
        if *kind == Kind::Heading {
            let starts = self.title_rows.is_empty()
                && self.report.sections.is_empty()
                && matches!(self.target, Target::Label(..))
                && self.front.title.is_none()
                && self.front.heading_title.is_none();
            if starts || (!self.title_rows.is_empty() && !gap) {
                self.title_rows.push((row.clone(), gap));
                return true;
            }
        }
        if self.title_rows.is_empty() {
            return false;
        }
        let held = std::mem::take(&mut self.title_rows);
        if matches!(kind, Kind::Label(..) | Kind::Field(..)) {
            let mut title = String::new();
            for (r, _) in &held {
                join_line(&mut title, &r.text());
            }
            self.front.heading_title = Some(title);
        } else {
            for (r, g) in &held {
                self.section_heading(r, *g);
            }
        }
        false
    }

    /// A part divider ("PART A", "Part B") stood between the last row and the next: it is
    /// no text, but it breaks a paragraph as a gap does.
    pub fn divider(&mut self) {
        self.divider = true;
    }

    fn field(&mut self, kind: LabelKind, row: &Row) {
        self.evidence |= kind.is_evidence();
        // An unknown label inside a block (a recommendation's "The Board is asked to:") is
        // the block's text.
        let in_block = matches!(
            self.target,
            Target::Summary
                | Target::Purpose
                | Target::Recommendations
                | Target::Appendices
                | Target::Background
                | Target::Contacts
        );
        if kind == LabelKind::Other && (in_block || self.in_body()) {
            self.text(row, false);
            return;
        }
        if matches!(
            kind,
            LabelKind::Summary | LabelKind::Purpose | LabelKind::Recommendations
        ) {
            self.block_heading = row.text();
            if self.geo.heading_form(row, 0) && !self.block_heading.ends_with(':') {
                let at = self.report.sections.len();
                self.blocks.push((at, row.text(), kind));
            }
        }
        self.target = match kind {
            LabelKind::Summary => {
                self.summary.get_or_insert_with(String::new);
                Target::Summary
            }
            LabelKind::Purpose => {
                self.purpose.get_or_insert_with(String::new);
                Target::Purpose
            }
            LabelKind::Recommendations => {
                self.rec_block_x = row.x0();
                Target::Recommendations
            }
            LabelKind::Appendices => Target::Appendices,
            LabelKind::Background => Target::Background,
            LabelKind::Contacts | LabelKind::ContactOfficer => {
                self.contact_columns = None;
                Target::Contacts
            }
            _ => Target::Label(kind, row.x0()),
        };
    }

    /// Whether a Recommendation label inside the body gives a recommendation: no front
    /// block gave any ("RECOMMENDATION: That the Council …" closing each item of a clerk's
    /// report).
    fn body_recs(&self) -> bool {
        self.body_recs || (self.recs.is_empty() && self.rec_text.is_empty())
    }

    /// A Recommendation label inside the body: the recommendation before it is complete,
    /// and this one is read as a front block's is.
    fn body_recommendation(&mut self, row: &Row, from: usize) {
        self.flush_body_rec();
        self.body_recs = true;
        self.rec_x = None;
        self.rec_item_x = None;
        self.label(row, LabelKind::Recommendations, from);
    }

    /// The text of the last body Recommendation label, one recommendation unless it only
    /// introduced items ("That the Council:").
    fn flush_body_rec(&mut self) {
        if !self.body_recs {
            return;
        }
        let text = std::mem::take(&mut self.rec_text);
        if !text.is_empty() && !text.ends_with(':') {
            self.recs.push(without_lead_in(&text).to_string());
        }
    }

    fn label(&mut self, row: &Row, kind: LabelKind, from: usize) {
        if kind == LabelKind::Other
            && self.target != Target::None
            && !matches!(self.target, Target::Label(..))
        {
            return self.text(row, false);
        }
        // A second label and value in a column of their own ("Proposer: A   Seconder: B").
        let second = second_label(row, from);
        let value = row.range_text(from..second.unwrap_or(row.words.len()));
        let value_x = row.words.get(from).map_or(row.x1(), |w| w.x0);
        // A label alone on its row may have its value printed under it ("Exempt
        // information" over its paragraph).
        self.label_under = value.is_empty().then(|| (row.x0(), 0));
        self.label_x = row.x0();
        // A "Contact officer" value is read whole (its rows may hold the details).
        self.officer_open = kind == LabelKind::ContactOfficer;
        if self.officer_open {
            self.officers.push((self.report.contacts.len(), Vec::new()));
        }
        self.field(kind, row);
        match kind {
            LabelKind::Summary => self.summary = Some(value),
            LabelKind::Purpose => self.purpose = Some(value),
            LabelKind::Recommendations => {
                // A label–value table whose value opens the numbered items ("Recommendations
                // | 1. That the Committee notes …"): the value is the first item.
                let item = value
                    .split_once(' ')
                    .filter(|(n, _)| super::numbering::parse(n).is_some());
                match (item, row.words.get(from + 1)) {
                    (Some((_, rest)), Some(w)) => {
                        self.recs.push(rest.trim().to_string());
                        self.rec_x = Some(w.x0);
                        self.rec_item_x = Some(value_x);
                    }
                    _ => self.rec_text = value,
                }
            }
            LabelKind::Appendices => appendix_line(&mut self.report.appendices, &value),
            LabelKind::Background => {
                if !value.is_empty() && !is_none(&value) {
                    self.report.background_papers.push(value);
                }
            }
            LabelKind::Contacts => contact_line(&mut self.report.contacts, &value),
            _ => {
                self.target = Target::Label(kind, value_x);
                self.label_value(kind, &value);
            }
        }
        if let Some(at) = second {
            let rest = Row {
                words: row.words.get(at..).unwrap_or_default().to_vec(),
                ..row.clone()
            };
            if let Some(Kind::Label(k, f)) = super::classify::label(&rest, self.geo) {
                self.label(&rest, k, f);
            }
        }
    }

    fn label_value(&mut self, kind: LabelKind, value: &str) {
        if value.is_empty() {
            return;
        }
        let join = |field: &mut Option<String>| match field {
            Some(s) => join_line(s, value),
            None => *field = Some(value.to_string()),
        };
        let r = &mut self.report;
        match kind {
            LabelKind::ReportFrom => match r.report_from.last_mut() {
                // A person's role wrapped onto the next row.
                Some(last) if wraps_on(last, value) => join_line(last, value),
                // "Report of the Head of Regulatory Services": the post, without "the".
                _ => r.report_from.push(
                    value
                        .strip_prefix("the ")
                        .filter(|v| v.starts_with(char::is_uppercase))
                        .unwrap_or(value)
                        .to_string(),
                ),
            },
            LabelKind::Author => join(&mut r.author),
            LabelKind::ContactOfficer => {
                if let Some((_, lines)) = self.officers.last_mut().filter(|_| self.officer_open) {
                    lines.push(value.to_string());
                }
                if r.author.is_none() {
                    r.author = Some(value.to_string());
                    self.author_from_officer = self.officers.len().checked_sub(1);
                }
            }
            LabelKind::SignOff => match self.sign_off.last_mut() {
                Some(last) if wraps_on(last, value) => join_line(last, value),
                _ => self.sign_off.push(value.to_string()),
            },
            LabelKind::CabinetMember => join(&mut r.cabinet_member),
            LabelKind::Wards => join(&mut r.wards),
            LabelKind::KeyDecision => join(&mut r.key_decision),
            LabelKind::Exempt => join(&mut r.exempt),
            LabelKind::AgendaItem => join(&mut r.agenda_item),
            LabelKind::Body => join(&mut self.front.body),
            LabelKind::Date => join(&mut self.front.date),
            LabelKind::Place => join(&mut self.front.place),
            LabelKind::Title => join(&mut self.front.title),
            _ => return,
        }
        self.evidence |= kind.is_evidence();
    }

    /// Whether `row`, under a section heading with no paragraph yet, wraps the heading: its
    /// first word would not have fitted at the end of the heading's last row.
    fn wraps_heading(&self, row: &Row) -> bool {
        let first = row.words.first().map_or(0.0, |w| w.x1 - w.x0);
        self.heading_end + first > self.geo.right
    }

    /// Join `row` to the current section heading.
    fn join_heading(&mut self, row: &Row) {
        if let Some(s) = self.report.sections.last_mut() {
            join_line(&mut s.heading, &row.text());
        }
        self.heading_end = row.x1();
    }

    /// Whether the current section has no paragraph yet.
    fn bare_heading(&self) -> bool {
        self.report
            .sections
            .last()
            .is_some_and(|s| s.paragraphs.is_empty())
    }

    /// Start a section.
    fn section(&mut self, number: Option<String>, heading: String) {
        self.report.sections.push(Section {
            number,
            heading,
            paragraphs: Vec::new(),
        });
        self.target = Target::Heading;
        self.para_style = None;
        self.list_x = None;
    }

    /// Start a paragraph (a section with no number or heading first when there is none).
    fn paragraph(&mut self, number: Option<&Number>, text: String, x: f64, text_x: f64) {
        if self.report.sections.is_empty() {
            self.section(None, String::new());
        }
        if let Some(s) = self.report.sections.last_mut() {
            s.paragraphs.push(ReportParagraph {
                number: number.map(|n| n.printed.clone()),
                text,
                bullets: Vec::new(),
                bullet_levels: Vec::new(),
            });
        }
        self.para_style = number.map(|n| n.style);
        self.para_x = x;
        self.para_text_x = text_x;
        self.list_x = None;
        self.glyphless = false;
        self.target = Target::Para;
    }

    fn current_paragraph(&mut self, create: bool) -> Option<&mut ReportParagraph> {
        let s = self.report.sections.last_mut()?;
        if create && s.paragraphs.is_empty() {
            s.paragraphs.push(ReportParagraph {
                number: None,
                text: String::new(),
                bullets: Vec::new(),
                bullet_levels: Vec::new(),
            });
        }
        s.paragraphs.last_mut()
    }

    fn numbered(&mut self, row: &Row, number: &Number, from: usize, heading: bool, gap: bool) {
        let text = row.text_from(from);
        let text_x = row.words.get(from).map_or(row.x0(), |w| w.x0);
        self.block_as_section(number, heading);
        match self.target {
            Target::Recommendations
                if !(heading && matches!(number.style, Style::Plain | Style::Minute)) =>
            {
                self.recs.push(text);
                self.rec_x = Some(text_x);
                // Only items indented past the block's heading: at the margin, a row back
                // at the number's edge is the next paragraph.
                let tol = self.geo.column_tolerance;
                self.rec_item_x = (row.x0() > self.rec_block_x + tol).then_some(row.x0());
                return;
            }
            // A list in the front matter ("Appendices: A – …" in a label–value table) ends
            // at the first numbered heading, which opens the body.
            Target::Appendices | Target::Background | Target::Contacts
                if !(heading
                    && number.style == Style::Plain
                    && self.report.sections.is_empty()
                    && section_follows(&self.report.sections, number)) =>
            {
                return self.text(row, gap);
            }
            _ => {}
        }
        let sections = &self.report.sections;
        match number.style {
            Style::Plain if heading && section_follows(sections, number) => {
                self.section(Some(number.printed.clone()), text);
                self.heading_end = row.x1();
            }
            // A minute reference opens an item in a heading's form; else it is text.
            Style::Minute if heading => {
                self.section(Some(number.printed.clone()), text);
                self.heading_end = row.x1();
            }
            Style::Minute => self.text(row, gap),
            Style::Dotted => {
                if paragraph_fits(sections, number) || recommendation_label(sections, number) {
                    self.paragraph(Some(number), text, row.x0(), text_x);
                } else {
                    self.text(row, gap);
                }
            }
            _ => {
                // A list item under a paragraph numbered another way, indented under it.
                let in_para = matches!(self.target, Target::Para | Target::Bullet(_));
                let under = self.para_style.is_some_and(|s| s != number.style)
                    && row.x0() > self.para_x + self.geo.column_tolerance
                    && in_para;
                // Items introduced by a paragraph ending in a colon and numbered another way
                // ("County Council is asked to:" over "(1)", "(2)"; "2.1 That Cabinet:" over
                // "a.", "b."), indented or not.
                let introduced = self.para_style != Some(number.style)
                    && in_para
                    && self
                        .current_paragraph(false)
                        .is_some_and(|p| p.text.ends_with(':'));
                let under = under || introduced;
                if under {
                    self.list_item(text, row.x0(), text_x);
                } else {
                    self.paragraph(Some(number), text, row.x0(), text_x);
                }
            }
        }
    }

    /// Whether `row` opens a recommendation whose bullet is drawn as a shape (no glyph in
    /// the text): under an introduction ending in a colon, indented past the block's
    /// heading and opening in lower case; or, once such items are read, at their edge,
    /// in lower case, after an item ending in a semicolon.
    fn shape_rec_item(&self, row: &Row, text: &str) -> bool {
        let tol = self.geo.column_tolerance;
        if !starts_lower(text) || row.x0() <= self.rec_block_x + tol {
            return false;
        }
        match (self.recs.last(), self.rec_x) {
            (None, _) => self.rec_text.trim_end().ends_with(':'),
            (Some(last), Some(x)) => {
                self.rec_shapes && (row.x0() - x).abs() <= tol && last.ends_with(';')
            }
            (Some(_), None) => false,
        }
    }

    /// A numbered paragraph opening with a "Contact officer:" label ("7.01 Contact Officer:
    /// Name, Role" over "Telephone: …" and "E-mail: …"): the label is read as in the front
    /// matter, so the officer, with the details under the label, is a contact.
    fn officer_in_paragraph(&mut self, row: &Row, from: usize) {
        if self.target != Target::Para {
            return;
        }
        let rest = Row {
            words: row.words.get(from..).unwrap_or_default().to_vec(),
            ..row.clone()
        };
        if let Some(Kind::Label(LabelKind::ContactOfficer, at)) =
            super::classify::label(&rest, self.geo)
        {
            if at < rest.words.len() {
                self.label(&rest, LabelKind::ContactOfficer, at);
            }
        }
    }

    /// A Summary, Purpose or Recommendations heading over body paragraphs numbered in the
    /// report's one sequence ("Summary" over "1", "2"; "Recommendations" over "3 The Board is
    /// recommended to:") is a section like the others; the summary and recommendations are
    /// then read from it when the report is finished.
    fn block_as_section(&mut self, number: &Number, heading: bool) {
        if heading || !matches!(number.style, Style::Plain | Style::Dotted) {
            return;
        }
        let empty = |b: &Option<String>| b.as_deref().is_none_or(|t| t.trim().is_empty());
        let open = match self.target {
            Target::Summary => empty(&self.summary),
            Target::Purpose => empty(&self.purpose),
            // Only a number that carries on the paragraphs before: "1. That …" under a
            // Recommendations heading is the first recommendation.
            Target::Recommendations => {
                let last = self
                    .report
                    .sections
                    .iter()
                    .rev()
                    .find_map(|s| s.paragraphs.iter().rev().find_map(|p| p.number.clone()));
                let n = |s: &str| s.trim_end_matches('.').parse::<u32>().ok();
                self.recs.is_empty()
                    && self.rec_text.trim().is_empty()
                    && last
                        .as_deref()
                        .and_then(n)
                        .zip(n(&number.printed))
                        .is_some_and(|(a, b)| b == a + 1)
            }
            _ => false,
        };
        if !open {
            return;
        }
        match self.target {
            Target::Summary => self.summary = None,
            Target::Purpose => self.purpose = None,
            _ => {}
        }
        let heading = std::mem::take(&mut self.block_heading);
        self.section(None, heading);
    }

    fn list_item(&mut self, text: String, glyph_x: f64, text_x: f64) {
        let tol = self.geo.column_tolerance;
        let list_x = *self.list_x.get_or_insert(glyph_x);
        let level = if glyph_x > list_x + tol { 2 } else { 1 };
        let create = self.target == Target::Heading;
        if let Some(p) = self.current_paragraph(create) {
            p.bullets.push(text);
            p.bullet_levels.push(level);
            self.target = Target::Bullet(text_x);
        }
    }

    fn bullet(&mut self, text: &str, glyph_x: f64, text_x: f64) {
        match self.target {
            Target::Recommendations => {
                self.recs.push(text.to_string());
                self.rec_x = Some(text_x);
                self.rec_item_x = None;
            }
            Target::Summary => {
                push_line(&mut self.summary, text);
                self.block_item_x = Some(text_x);
            }
            Target::Purpose => {
                push_line(&mut self.purpose, text);
                self.block_item_x = Some(text_x);
            }
            Target::Appendices => appendix_line(&mut self.report.appendices, text),
            Target::Background => self.report.background_papers.push(text.to_string()),
            Target::Contacts => self.contact_text(text),
            Target::Heading | Target::Para | Target::Bullet(_) => {
                self.list_item(text.to_string(), glyph_x, text_x);
            }
            Target::Label(..) | Target::None => {}
        }
    }

    fn heading(&mut self, row: &Row, gap: bool) {
        self.section_heading(row, gap);
    }

    /// A heading row read in the body's context (see [`Self::title_row`] for the front).
    fn section_heading(&mut self, row: &Row, gap: bool) {
        if self.target == Target::Recommendations {
            if self.next_item {
                // A sub-heading between the items ("2025-26 Council Tax").
                return;
            }
            // A finished sentence ("That the Committee notes the report.") is the whole
            // recommendation: a heading after it opens the next section, gap or none.
            let finished = self.rec_text.trim_end().ends_with(['.', '!', '?']);
            if self.recs.is_empty() && (self.rec_text.is_empty() || (!gap && !finished)) {
                // The block's introduction, set in a heading's face.
                join_line(&mut self.rec_text, &row.text());
                return;
            }
        }
        if self.target == Target::Heading && self.bare_heading() && !gap && self.wraps_heading(row)
        {
            // A heading wrapped over two rows.
            return self.join_heading(row);
        }
        let body = matches!(
            self.target,
            Target::Heading | Target::Para | Target::Bullet(_)
        );
        if self.runs_on && body {
            // A paragraph opening in a heading's face (a title in bold italics).
            return self.paragraph(None, row.text(), row.x0(), row.x0());
        }
        // An unnumbered heading, in a numbered report too (a sub-heading of a section).
        self.section(None, row.text());
        self.heading_end = row.x1();
    }

    /// A row that continues whatever came before.
    fn text(&mut self, row: &Row, gap: bool) {
        let text = row.text();
        let tol = self.geo.column_tolerance;
        match self.target {
            Target::Label(kind, x) => {
                // Under a label alone on its row: its value's rows up to a paragraph gap.
                let under = match &mut self.label_under {
                    Some((lx, taken)) if (row.x0() - *lx).abs() <= tol && (*taken == 0 || !gap) => {
                        *taken += 1;
                        true
                    }
                    _ => false,
                };
                // A "Contact officer" sentence wrapped back to the label's own edge.
                let wrapped = kind == LabelKind::ContactOfficer
                    && self.officer_open
                    && !gap
                    && (row.x0() - self.label_x).abs() <= tol;
                if under || wrapped || (row.x0() - x).abs() <= tol {
                    self.label_value(kind, &text);
                } else {
                    self.target = Target::None;
                    self.officer_open = false;
                    // A label's value inside the body is over: the row opens a paragraph.
                    if !self.report.sections.is_empty() {
                        self.paragraph(None, text, row.x0(), row.x0());
                    }
                }
            }
            Target::Summary | Target::Purpose => {
                let new_para = self.block_paragraph(row, gap);
                let block = if self.target == Target::Summary {
                    &mut self.summary
                } else {
                    &mut self.purpose
                };
                continue_block(block, &text, new_para);
            }
            Target::Recommendations if self.shape_rec_item(row, &text) => {
                self.recs.push(text);
                self.rec_x = Some(row.x0());
                self.rec_item_x = None;
                self.rec_shapes = true;
            }
            Target::Recommendations => match (
                self.recs.last_mut(),
                self.rec_x.map(|x| self.rec_item_x.map_or(x, |i| i.min(x))),
            ) {
                (Some(last), Some(x)) if row.x0() >= x - tol && !gap => join_line(last, &text),
                // Back at the margin after the items, and introducing no more of them
                // ("In addition:"): the block is over.
                (Some(_), Some(x)) if row.x0() < x - tol && !self.next_item => {
                    self.paragraph(None, text, row.x0(), row.x0())
                }
                (Some(_), _) if self.next_item => {}
                _ => join_line(&mut self.rec_text, &text),
            },
            Target::Heading => {
                let wraps = self.geo.has_bold
                    && row.all_bold_from(0)
                    && !gap
                    && self.bare_heading()
                    && self.wraps_heading(row);
                match self.report.sections.last_mut() {
                    Some(s) if wraps && s.paragraphs.is_empty() => join_line(&mut s.heading, &text),
                    _ => self.paragraph(None, text, row.x0(), row.x0()),
                }
            }
            Target::Para => {
                let opens_list = self
                    .current_paragraph(false)
                    .is_some_and(|p| p.text.ends_with(':'));
                // A list item drawn with a shape for its bullet (no glyph in the text): a
                // short row indented past the paragraph's first row, opening in lower case
                // or closing with a semicolon, even when the paragraph hangs its text as far.
                let shape_item = row.x0() > self.para_x + tol
                    && self.geo.is_short(row)
                    && (starts_lower(&text) || text.ends_with(';'));
                if opens_list && (row.x0() > self.para_text_x + tol || shape_item) {
                    // A list printed without glyphs: indented under a paragraph ending in a
                    // colon.
                    self.list_item(text, row.x0(), row.x0());
                    self.glyphless = true;
                } else if (gap && !self.hanging_wrap(row)) || self.unnumbered_ends(row) {
                    self.paragraph(None, text, row.x0(), row.x0());
                } else if let Some(p) = self.current_paragraph(false) {
                    join_line(&mut p.text, &text);
                }
            }
            Target::Bullet(_) if self.glyphless => {
                let list_x = self.list_x.unwrap_or(row.x0());
                let last_ends = self
                    .current_paragraph(false)
                    .and_then(|p| p.bullets.last())
                    .is_some_and(|b| b.ends_with([';', '.', ':']));
                // Still indented under the paragraph, even after a gap: the list goes on.
                if row.x0() < list_x - tol || (gap && row.x0() <= self.para_text_x + tol) {
                    self.paragraph(None, text, row.x0(), row.x0());
                } else if self.prev_short || last_ends {
                    self.list_item(text, row.x0(), row.x0());
                    self.glyphless = true;
                } else if let Some(b) = self
                    .current_paragraph(false)
                    .and_then(|p| p.bullets.last_mut())
                {
                    join_line(b, &text);
                }
            }
            Target::Bullet(x) => {
                // After an item's row that finished a sentence short of the margin, a row at
                // the item's text edge is a paragraph of its own (set at the list's indent).
                let finished = self.prev_short
                    && self
                        .current_paragraph(false)
                        .and_then(|p| p.bullets.last())
                        .is_some_and(|b| b.ends_with(['.', '!', '?']));
                let wraps = row.x0() >= x - tol && !gap && !finished;
                match self.current_paragraph(false) {
                    Some(p) if wraps => {
                        if let Some(b) = p.bullets.last_mut() {
                            join_line(b, &text);
                        }
                    }
                    _ => self.paragraph(None, text, row.x0(), row.x0()),
                }
            }
            Target::Contacts => self.contact_row(row),
            Target::Appendices => appendix_line(&mut self.report.appendices, &text),
            Target::Background => {
                if is_none(&text) {
                    return;
                }
                // A row opening in lower case, or after a colon, comma or hyphen, wraps on; a
                // web address broken over two rows joins without a space.
                let wraps = text.chars().next().is_some_and(char::is_lowercase);
                match self.report.background_papers.last_mut() {
                    Some(last)
                        if last
                            .split_whitespace()
                            .next_back()
                            .is_some_and(|w| w.contains("://"))
                            && !text.contains(' ')
                            && !text.contains("://") =>
                    {
                        last.push_str(&text)
                    }
                    Some(last) if wraps || last.ends_with([':', ',', '-']) => {
                        join_line(last, &text)
                    }
                    _ => self.report.background_papers.push(text),
                }
            }
            Target::None => {}
        }
    }

    /// Whether `row` wraps a paragraph printed with a hanging indent: the row before ran to
    /// the margin and `row` stands at the paragraph's text edge, right of its number. Such a
    /// row carries the paragraph on even when the body is set with looser leading than the
    /// lists and tables that make the commonest line pitch.
    fn hanging_wrap(&self, row: &Row) -> bool {
        let tol = self.geo.column_tolerance;
        !self.prev_short
            && self.para_text_x > self.para_x + tol
            && (row.x0() - self.para_text_x).abs() <= tol
    }

    /// Whether the current paragraph is unnumbered and its last row ended a sentence short of
    /// the margin, so that `row`, back at the margin, starts another (paragraphs printed with
    /// no space between them).
    fn unnumbered_ends(&mut self, row: &Row) -> bool {
        let tol = self.geo.column_tolerance;
        let back_at_margin = (row.x0() - self.para_x).abs() <= tol;
        let short = self.prev_short;
        back_at_margin
            && short
            && self
                .current_paragraph(false)
                .is_some_and(|p| p.number.is_none() && p.text.ends_with(['.', '?', '!', ':']))
    }

    /// A row of the contact block: a table row (three cells or more), a wrapped table row,
    /// or a line of a person's details.
    fn contact_row(&mut self, row: &Row) {
        let text = row.text();
        if let Some(kind) = sub_label(&text) {
            // "Report Author(s)", "Relevant Corporate Director:": whose details follow.
            self.contact_author = kind == LabelKind::Author;
            return;
        }
        let cells: Vec<(f64, String)> = row
            .segments()
            .into_iter()
            .map(|s| {
                let x = row.words.get(s.start).map_or(0.0, |w| w.x0);
                (x, row.range_text(s))
            })
            .collect();
        let min_cells = if self.contact_columns.is_some() { 2 } else { 3 };
        if cells.len() >= min_cells {
            if let Some((c, columns)) = table_row(&cells) {
                self.report.contacts.push(c);
                self.contact_columns = Some(columns);
                return;
            }
        }
        if let Some(columns) = &self.contact_columns {
            if let Some(c) = self.report.contacts.last_mut() {
                table_continuation(c, columns, &cells);
                return;
            }
        }
        if cells.len() >= 3 {
            // A table's header row.
            return;
        }
        self.contact_text(&text);
    }

    /// A line of a person's details in the contact block; the first person under a "Report
    /// author" sub-heading is the author, as printed, when no label named one.
    fn contact_text(&mut self, text: &str) {
        let before = self.report.contacts.len();
        contact_line(&mut self.report.contacts, text);
        if self.report.contacts.len() > before && self.contact_author {
            self.contact_author = false;
            if self.report.author.is_none() {
                self.report.author = Some(text.to_string());
            }
        }
    }

    /// Whether a summary-like block's row starts a new paragraph: after a gap; back at the
    /// margin after a list item; or at the margin after a row that ended a sentence short of
    /// the margin (paragraphs printed with no space between them).
    fn block_paragraph(&mut self, row: &Row, gap: bool) -> bool {
        let tol = self.geo.column_tolerance;
        if let Some(x) = self.block_item_x {
            if gap || row.x0() < x - tol {
                self.block_item_x = None;
                return true;
            }
            return false;
        }
        let last_ends = match self.target {
            Target::Summary => self.summary.as_deref(),
            _ => self.purpose.as_deref(),
        }
        .is_some_and(|s| s.ends_with(['.', '?', '!']));
        gap || (self.prev_short && last_ends && (row.x0() - self.geo.left).abs() <= tol)
    }

    /// Finish the walk: the summary (else the purpose), and the recommendations (the front
    /// block's items, its one sentence, or a Recommendations section's list or paragraphs).
    pub fn finish(mut self) -> (Report, FrontLabels, bool) {
        self.flush_body_rec();
        // Heading rows held at the end, no label after them: headings.
        for (r, g) in std::mem::take(&mut self.title_rows) {
            self.section_heading(&r, g);
        }
        self.blocks_as_sections();
        // With no block of their own, a numbered "Summary" or "Purpose of report" section
        // gives its paragraphs (the section stays).
        let from_section = |kind: LabelKind| {
            let s = self
                .report
                .sections
                .iter()
                .find(|s| super::label::label_kind(&s.heading) == kind)?;
            let texts: Vec<&str> = s.paragraphs.iter().map(|p| p.text.as_str()).collect();
            Some(texts.join("\n")).filter(|t| !t.is_empty())
        };
        let summary = self
            .summary
            .filter(|s| !s.is_empty())
            .or(self.purpose.filter(|s| !s.is_empty()))
            .or_else(|| from_section(LabelKind::Summary))
            .or_else(|| from_section(LabelKind::Purpose));
        self.report.summary = summary;
        let mut recs = self.recs;
        if recs.is_empty() && !self.rec_text.is_empty() && !self.rec_text.ends_with(':') {
            recs.push(without_lead_in(&self.rec_text).to_string());
        }
        if recs.is_empty() {
            if let Some(s) = self
                .report
                .sections
                .iter()
                .find(|s| super::label::label_kind(&s.heading) == LabelKind::Recommendations)
            {
                for p in &s.paragraphs {
                    if p.bullets.is_empty() {
                        recs.push(p.text.clone());
                    } else {
                        recs.extend(p.bullets.iter().cloned());
                    }
                }
            }
        }
        self.report.recommendations = recs;
        if self.report.report_from.is_empty() {
            self.report.report_from = self.title_from;
        }
        if self.report.report_from.is_empty() {
            self.report.report_from = self.sign_off;
        }
        // Each Contact officer printed with details is a contact, where it was read.
        let mut added = 0;
        for (i, (at, lines)) in self.officers.iter().enumerate() {
            let Some(p) = officer(lines) else { continue };
            if self.author_from_officer == Some(i) {
                self.report.author = Some(match &p.role {
                    Some(role) => format!("{}, {role}", p.name),
                    None => p.name.clone(),
                });
            }
            if merge_at(&mut self.report.contacts, at + added, p) {
                added += 1;
            }
        }
        // An unnumbered heading with nothing under it is the caption of a table or figure
        // read elsewhere (a plan cut out of the report), not a section.
        self.report
            .sections
            .retain(|s| s.number.is_some() || !s.paragraphs.is_empty());
        fields_from_sections(&mut self.report);
        // Levels are kept only when there are sub-bullets.
        for s in &mut self.report.sections {
            for p in &mut s.paragraphs {
                if p.bullet_levels.iter().all(|l| *l == 1) {
                    p.bullet_levels.clear();
                }
            }
        }
        (self.report, self.front, self.evidence)
    }
}

impl Reader<'_> {
    /// In a report whose headings and paragraphs are all unnumbered, the Summary and Purpose
    /// blocks headed like the other headings are sections too, where they stand (number
    /// null), and so is a Recommendations block after the body's first section: the block's
    /// paragraphs, or the recommendations' introduction with the items as its bullets (each
    /// item a paragraph when there is none).
    fn blocks_as_sections(&mut self) {
        let sections = &self.report.sections;
        let numbered = sections
            .iter()
            .any(|s| s.number.is_some() || s.paragraphs.iter().any(|p| p.number.is_some()));
        let headed = sections.iter().any(|s| !s.heading.is_empty());
        if numbered || !headed {
            return;
        }
        let plain = |text: &str| ReportParagraph {
            number: None,
            text: text.to_string(),
            bullets: Vec::new(),
            bullet_levels: Vec::new(),
        };
        let summary = self.summary.clone().unwrap_or_default();
        let purpose = self.purpose.clone().unwrap_or_default();
        for (i, (at, heading, kind)) in self.blocks.iter().enumerate().rev() {
            // A Recommendations block opening the report, before any other block and the
            // body, is front matter, as it is in most house styles: not a section. After a
            // Summary or Purpose block it is one of the body's headed blocks.
            if *kind == LabelKind::Recommendations && *at == 0 && i == 0 {
                continue;
            }
            let paragraphs: Vec<ReportParagraph> = match kind {
                LabelKind::Summary | LabelKind::Purpose => {
                    let text = if *kind == LabelKind::Summary {
                        &summary
                    } else {
                        &purpose
                    };
                    text.lines()
                        .filter(|l| !l.trim().is_empty())
                        .map(plain)
                        .collect()
                }
                _ if self.rec_text.trim().is_empty() => {
                    self.recs.iter().map(|r| plain(r)).collect()
                }
                _ => vec![ReportParagraph {
                    bullets: self.recs.clone(),
                    bullet_levels: vec![1; self.recs.len()],
                    ..plain(self.rec_text.trim())
                }],
            };
            let section = Section {
                number: None,
                heading: heading.clone(),
                paragraphs,
            };
            let at = (*at).min(self.report.sections.len());
            self.report.sections.insert(at, section);
        }
    }
}

/// The back matter printed as numbered sections ("8. Appendices:", "6. Relevant Director:",
/// "7. Report Authors:"): their paragraphs also fill the appendices, the background papers,
/// and the contacts and author, when no block of their own did.
fn fields_from_sections(r: &mut Report) {
    {
        let (no_appendices, no_papers, no_contacts) = (
            r.appendices.is_empty(),
            r.background_papers.is_empty(),
            r.contacts.is_empty(),
        );
        for s in &r.sections {
            let texts = s.paragraphs.iter().map(|p| p.text.as_str());
            match super::label::label_kind(&s.heading) {
                LabelKind::Appendices if no_appendices => {
                    for t in texts {
                        appendix_line(&mut r.appendices, t);
                    }
                }
                LabelKind::Background if no_papers => r
                    .background_papers
                    .extend(texts.filter(|t| !is_none(t)).map(str::to_string)),
                kind @ (LabelKind::ReportFrom | LabelKind::Author) if no_contacts => {
                    for t in texts {
                        if kind == LabelKind::Author && r.author.is_none() {
                            r.author = Some(t.to_string());
                        }
                        contact_line(&mut r.contacts, t);
                    }
                }
                _ => {}
            }
        }
    }
}

/// Where a second label starts on a label's row: a later segment (after a column gap) whose
/// first three words or fewer end in a colon, with no figure in them ("Seconder:", "Report
/// of:", not "Tel: 01632").
fn second_label(row: &Row, from: usize) -> Option<usize> {
    row.segments().into_iter().skip(1).find_map(|seg| {
        let words = row.words.get(seg.start..seg.end.min(seg.start + 3))?;
        let end = words.iter().position(|w| w.text.ends_with(':'))?;
        let label = words.get(..=end)?;
        let plain = label
            .iter()
            .all(|w| !w.text.chars().any(|c| c.is_ascii_digit()))
            && label.iter().map(|w| w.text.chars().count()).sum::<usize>() > 1;
        (seg.start > from && plain).then_some(seg.start)
    })
}

/// A recommendation without its lead-in: "That the Committee: approve …" → "approve …"
/// (words ending in a colon, no sentence ended in them, then the recommendation carrying
/// the sentence on in lower case).
fn without_lead_in(text: &str) -> &str {
    let Some((lead, rest)) = text.split_once(": ") else {
        return text;
    };
    let rest = rest.trim_start();
    if !lead.contains(['.', ';', ':']) && starts_lower(rest) {
        rest
    } else {
        text
    }
}

/// Whether a value row opens in lower case (it carries on the row before).
fn starts_lower(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_lowercase)
}

/// Whether the value row `value` carries on the person or post of the row before, `last`:
/// it ends in a comma, "&" or a word no name or post ends with ("Director of"), or
/// `value` opens in lower case.
fn wraps_on(last: &str, value: &str) -> bool {
    const OPEN: &[&str] = &["of", "and", "for", "the", "to", "in", "with", "on", "at"];
    let open = last
        .split_whitespace()
        .next_back()
        .is_some_and(|w| OPEN.contains(&w));
    last.ends_with([',', '&']) || open || starts_lower(value)
}

/// A sub-heading inside the contact block ("Report Author(s)", "Relevant Corporate
/// Director:"): a short phrase ending in a colon with no address or number, or a label of
/// the people's kind. Returns what it labels.
fn sub_label(text: &str) -> Option<LabelKind> {
    let kind = super::label::label_kind(text);
    let words = text.split_whitespace().count();
    let plain = !text.contains('@') && !text.chars().any(|c| c.is_ascii_digit());
    let colon = text.ends_with(':') && plain && words <= 5;
    let people = matches!(kind, LabelKind::Author | LabelKind::ReportFrom) && words <= 4;
    (colon || people).then_some(kind)
}

/// Continue a summary-like block: a gap starts a new paragraph (joined with "\n").
fn continue_block(block: &mut Option<String>, text: &str, gap: bool) {
    match block {
        Some(s) if gap && !s.is_empty() => {
            s.push('\n');
            s.push_str(text);
        }
        Some(s) => join_line(s, text),
        None => {}
    }
}

/// A list item of a summary-like block, on a line of its own.
fn push_line(block: &mut Option<String>, text: &str) {
    if let Some(s) = block {
        if !s.is_empty() {
            s.push('\n');
        }
        s.push_str(text);
    }
}

/// Whether section `number` may follow the sections so far (numbers go up by one or two;
/// letters and figures are counted apart).
fn section_follows(sections: &[Section], number: &Number) -> bool {
    let n = number.section;
    let last = sections
        .iter()
        .rev()
        .filter_map(|s| s.number.as_deref())
        .find(|s| is_lettered(s) == number.lettered)
        .and_then(section_of);
    match last {
        None => (1..=3).contains(&n),
        Some(last) => n > last && n <= last.saturating_add(2),
    }
}

/// Whether `number` labels a recommendation ("R1", "R2") in a section headed
/// Recommendations: the paragraph's number, whatever the section's own.
fn recommendation_label(sections: &[Section], number: &Number) -> bool {
    number.lettered
        && number.printed.starts_with('R')
        && sections
            .last()
            .is_some_and(|s| label_kind(&s.heading) == LabelKind::Recommendations)
}

/// Whether a paragraph numbered under section `number` belongs to the current section ("A2"
/// under section "A", "2.1" under "2"; any under an unnumbered section).
fn paragraph_fits(sections: &[Section], number: &Number) -> bool {
    match sections.last() {
        None => true,
        Some(s) => match s.number.as_deref() {
            Some(num) => {
                section_of(num) == Some(number.section) && is_lettered(num) == number.lettered
            }
            None => true,
        },
    }
}
