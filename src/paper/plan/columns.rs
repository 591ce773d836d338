//! Columns to roles: each header cell is matched as whole phrases against a wide vocabulary
//! (the longest phrase wins), then the guess is checked against what the column holds
//! (dates, references, short RAG words, long text) and against the other columns (one
//! action column, one of each single role). A profile's names override everything.

use super::super::profile::Profile;
use super::super::vocab::Role;
use super::text;
use crate::table::{Cell, CellIndex, Table};
use rayon::prelude::*;
use std::collections::HashMap;
use std::sync::OnceLock;

/// What a plan column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Col {
    /// The action's reference.
    Number,
    /// The action text.
    Action,
    /// Who leads.
    Lead,
    /// How success is judged.
    Success,
    /// Dated work: milestones, progress updates.
    Milestones,
    /// A date (target date, deadline, by when, start or finish date).
    Date,
    /// The RAG rating or status.
    Rag,
    /// Impact and evidence.
    Impact,
    /// A grouping level printed in a leading column (priority, objective, outcome).
    Group,
    /// No role: kept on the action as a field.
    Field,
}

impl Col {
    /// The role's name as `--explain` prints it.
    pub fn name(self) -> &'static str {
        match self {
            Col::Number => "number",
            Col::Action => "action",
            Col::Lead => "leads",
            Col::Success => "success_indicators",
            Col::Milestones => "milestones",
            Col::Date => "date",
            Col::Rag => "rag",
            Col::Impact => "impact_evidence",
            Col::Group => "group level",
            Col::Field => "field (no role)",
        }
    }

    /// The column role a profile's role names.
    pub(super) fn of_role(r: Role) -> Col {
        match r {
            Role::Number => Col::Number,
            Role::SpecificAction => Col::Action,
            Role::Lead => Col::Lead,
            Role::Success => Col::Success,
            Role::Timescales => Col::Milestones,
            Role::Rag => Col::Rag,
            Role::Impact => Col::Impact,
            Role::Priority | Role::Area => Col::Group,
        }
    }
}

/// Header phrases (normalised: lower case, words of letters and digits, `#` kept) and the
/// role each names. A header takes the role of its longest whole-phrase match.
const PHRASES: &[(&str, Col)] = &[
    // The reference.
    ("ref", Col::Number),
    ("ref no", Col::Number),
    ("ref number", Col::Number),
    ("reference", Col::Number),
    ("no", Col::Number),
    ("number", Col::Number),
    ("#", Col::Number),
    ("id", Col::Number),
    ("action no", Col::Number),
    ("action ref", Col::Number),
    ("action number", Col::Number),
    ("action id", Col::Number),
    ("rec no", Col::Number),
    ("rec ref", Col::Number),
    ("item no", Col::Number),
    // A performance system's export ("Code | Title | Assigned To | Due Date | …").
    ("code", Col::Number),
    ("action code", Col::Number),
    // The action.
    ("action", Col::Action),
    ("actions", Col::Action),
    ("specific action", Col::Action),
    ("specific actions", Col::Action),
    ("key action", Col::Action),
    ("key actions", Col::Action),
    ("what we will do", Col::Action),
    ("what will we do", Col::Action),
    ("what we are going to do", Col::Action),
    ("what we are doing", Col::Action),
    ("what are we doing", Col::Action),
    ("recommendation", Col::Action),
    ("recommendations", Col::Action),
    ("agreed action", Col::Action),
    ("agreed actions", Col::Action),
    ("action agreed", Col::Action),
    ("actions agreed", Col::Action),
    ("agreed management action", Col::Action),
    ("management action", Col::Action),
    ("management actions", Col::Action),
    ("improvement action required", Col::Action),
    ("action required", Col::Action),
    ("improvement required", Col::Action),
    ("improvements required", Col::Action),
    ("actions required", Col::Action),
    ("action to be taken", Col::Action),
    ("actions to be taken", Col::Action),
    ("task", Col::Action),
    ("tasks", Col::Action),
    ("task name", Col::Action),
    ("activity", Col::Action),
    ("activities", Col::Action),
    ("deliverable", Col::Action),
    ("deliverables", Col::Action),
    ("commitment", Col::Action),
    ("commitments", Col::Action),
    ("what needs to be done", Col::Action),
    ("stage", Col::Action),
    ("stages", Col::Action),
    ("project stage", Col::Action),
    // Who.
    ("lead", Col::Lead),
    ("leads", Col::Lead),
    ("lead officer", Col::Lead),
    ("lead officers", Col::Lead),
    ("lead agency", Col::Lead),
    ("lead partner", Col::Lead),
    ("lead organisation", Col::Lead),
    ("lead service", Col::Lead),
    ("owner", Col::Lead),
    ("owners", Col::Lead),
    ("action owner", Col::Lead),
    ("responsible", Col::Lead),
    ("responsible officer", Col::Lead),
    ("responsible person", Col::Lead),
    ("responsibility", Col::Lead),
    ("accountable officer", Col::Lead),
    ("accountable lead", Col::Lead),
    ("accountable", Col::Lead),
    ("who", Col::Lead),
    ("who is responsible", Col::Lead),
    ("who leads", Col::Lead),
    ("whos leading", Col::Lead),
    ("who is leading", Col::Lead),
    ("leading", Col::Lead),
    ("led by", Col::Lead),
    ("by whom", Col::Lead),
    ("assigned to", Col::Lead),
    ("assignee", Col::Lead),
    ("assigned officer", Col::Lead),
    ("managed by", Col::Lead),
    // How success is judged.
    ("success", Col::Success),
    ("success indicator", Col::Success),
    ("success indicators", Col::Success),
    ("success criteria", Col::Success),
    ("success measure", Col::Success),
    ("success measures", Col::Success),
    ("measure of success", Col::Success),
    ("measures of success", Col::Success),
    ("how we will know", Col::Success),
    ("how will we know", Col::Success),
    ("how we will measure", Col::Success),
    ("how will we measure", Col::Success),
    ("how well know", Col::Success),
    ("kpi", Col::Success),
    ("kpis", Col::Success),
    ("key performance indicator", Col::Success),
    ("performance indicator", Col::Success),
    ("performance measure", Col::Success),
    ("outcome measure", Col::Success),
    ("measure", Col::Success),
    ("measures", Col::Success),
    ("indicator", Col::Success),
    ("indicators", Col::Success),
    ("expected outcome", Col::Success),
    ("expected outcomes", Col::Success),
    ("target", Col::Success),
    ("targets", Col::Success),
    // Impact and evidence.
    ("impact", Col::Impact),
    ("impact and evidence", Col::Impact),
    ("evidence", Col::Impact),
    ("evidence of progress", Col::Impact),
    ("evidence of impact", Col::Impact),
    ("difference made", Col::Impact),
    ("outcomes", Col::Impact),
    ("outcomes achieved", Col::Impact),
    ("progress comments", Col::Impact),
    // Dated work.
    ("milestone", Col::Milestones),
    ("milestones", Col::Milestones),
    ("key milestones", Col::Milestones),
    ("steps", Col::Milestones),
    ("key steps", Col::Milestones),
    ("next steps", Col::Milestones),
    ("key stages", Col::Milestones),
    ("milestones target date", Col::Milestones),
    ("milestones and timescales", Col::Milestones),
    ("actions and timescales", Col::Milestones),
    ("timescales and milestones", Col::Milestones),
    ("progress", Col::Milestones),
    ("progress update", Col::Milestones),
    ("progress to date", Col::Milestones),
    ("latest update", Col::Milestones),
    ("update", Col::Milestones),
    // Dates.
    ("date", Col::Date),
    ("dates", Col::Date),
    ("target date", Col::Date),
    ("due date", Col::Date),
    ("date due", Col::Date),
    ("due", Col::Date),
    ("deadline", Col::Date),
    ("by when", Col::Date),
    ("when", Col::Date),
    ("timescale", Col::Date),
    ("timescales", Col::Date),
    ("timeframe", Col::Date),
    ("completion date", Col::Date),
    ("target completion date", Col::Date),
    ("start", Col::Date),
    ("finish", Col::Date),
    ("end", Col::Date),
    ("planned start", Col::Date),
    ("planned finish", Col::Date),
    ("planned end", Col::Date),
    ("actual start", Col::Date),
    ("actual finish", Col::Date),
    ("start date", Col::Date),
    ("finish date", Col::Date),
    ("end date", Col::Date),
    ("original timescale", Col::Date),
    ("original date", Col::Date),
    ("revised date", Col::Date),
    ("revised timescale", Col::Date),
    ("revised deadline", Col::Date),
    // The rating.
    ("rag", Col::Rag),
    ("rag status", Col::Rag),
    ("rag rating", Col::Rag),
    ("risk rag rating", Col::Rag),
    ("brag", Col::Rag),
    ("status", Col::Rag),
    ("current status", Col::Rag),
    ("overall status", Col::Rag),
    ("progress status", Col::Rag),
    ("rating", Col::Rag),
    ("progress rating", Col::Rag),
    ("where are we", Col::Rag),
    ("traffic light", Col::Rag),
    ("traffic light status", Col::Rag),
    // Grouping levels printed in a column.
    ("priority", Col::Group),
    ("priorities", Col::Group),
    ("strategic priority", Col::Group),
    ("priority objective", Col::Group),
    ("key priority", Col::Group),
    ("priority area", Col::Group),
    ("theme", Col::Group),
    ("themes", Col::Group),
    ("objective", Col::Group),
    ("objectives", Col::Group),
    ("outcome", Col::Group),
    ("desired outcome", Col::Group),
    ("improvement area", Col::Group),
    ("area", Col::Group),
    ("area of focus", Col::Group),
    ("focus", Col::Group),
    ("aim", Col::Group),
    ("aims", Col::Group),
    ("ambition", Col::Group),
    ("goal", Col::Group),
    ("goals", Col::Group),
    ("strand", Col::Group),
    ("workstream", Col::Group),
    ("work stream", Col::Group),
];

/// A header's words: lower case, letters and digits only (apostrophes dropped, so "we'll"
/// is "well"), `#` kept as a word.
pub fn words(header: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for ch in header.chars() {
        if ch == '\'' || ch == '’' {
            continue;
        }
        if ch.is_alphanumeric() {
            cur.extend(ch.to_lowercase());
        } else {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            if ch == '#' {
                out.push("#".into());
            }
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Words that make a header of two words or more a reference column when they end it
/// ("Milestone ref", "Task ID", "Rec no."): the head noun of the header is the reference.
const REFERENCE_ENDS: &[&str] = &["ref", "reference", "no", "number", "id", "#"];

/// The role a header names with a phrase that is the whole header ("RAG status", not "Risk RAG
/// rating"), or `None`.
pub fn whole_header_role(header: &str) -> Option<Col> {
    let n = words(header).len();
    by_header(header)
        .filter(|(_, score, _)| *score == n * 10 + 5)
        .map(|(col, ..)| col)
}

/// The role a header names by its words, with the score of the match (phrase words × 10, and
/// 5 more when the phrase is the whole header), or `None`. A header ending in a reference
/// word is the reference column, as if the whole header were a phrase.
pub fn by_header(header: &str) -> Option<(Col, usize, &'static str)> {
    let w = words(header);
    if w.is_empty() {
        return None;
    }
    if let (true, Some(end)) = (
        w.len() >= 2,
        w.last()
            .and_then(|l| REFERENCE_ENDS.iter().find(|r| **r == l.as_str())),
    ) {
        return Some((Col::Number, w.len() * 10 + 5, *end));
    }
    // The best match: the highest score, ties to the later phrase ("Ref Action" is the
    // action column: its reference leads each cell).
    let mut best: Option<(Col, usize, &'static str, usize)> = None;
    let index = phrase_index();
    for start in 0..w.len() {
        let Some(list) = w.get(start).and_then(|first| index.get(first.as_str())) else {
            continue;
        };
        for p in list {
            let n = p.words.len();
            let found = w
                .get(start..start + n)
                .is_some_and(|win| win.iter().map(String::as_str).eq(p.words.iter().copied()));
            if !found {
                continue;
            }
            let score = n * 10 + if n == w.len() { 5 } else { 0 };
            if best.is_none_or(|(_, s, _, order)| score > s || (score == s && p.order >= order)) {
                best = Some((p.col, score, p.text, p.order));
            }
        }
    }
    best.map(|(col, score, text, _)| (col, score, text))
}

/// One of [`PHRASES`], split into its words once.
struct Phrase {
    words: Vec<&'static str>,
    col: Col,
    text: &'static str,
    /// Its place in [`PHRASES`]: of two matches scoring alike, the later wins.
    order: usize,
}

/// [`PHRASES`] by their first word, built once: a header is matched against the phrases that
/// open with one of its words, not against every phrase.
/// Build the header phrase index now (see [`crate::paper::warm_up`]).
pub(super) fn warm_up() {
    let _ = phrase_index();
}

fn phrase_index() -> &'static HashMap<&'static str, Vec<Phrase>> {
    static INDEX: OnceLock<HashMap<&'static str, Vec<Phrase>>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index: HashMap<&'static str, Vec<Phrase>> = HashMap::new();
        for (order, (text, col)) in PHRASES.iter().enumerate() {
            let words: Vec<&'static str> = text.split(' ').collect();
            if let Some(first) = words.first().copied() {
                index.entry(first).or_default().push(Phrase {
                    words,
                    col: *col,
                    text,
                    order,
                });
            }
        }
        index
    })
}

/// The phrases naming a recommendation column: beside a column of the actions agreed, it is
/// the context of each action, not the action.
const RECOMMENDATION: &[&str] = &["recommendation", "recommendations"];

/// One column's reading.
#[derive(Debug, Clone)]
pub struct Column {
    /// The header as printed, whitespace collapsed.
    pub heading: String,
    /// Its role.
    pub col: Col,
    /// Why: the phrase or profile entry matched, and what the content said.
    pub evidence: String,
    /// The column where the heading spanning this one starts, in a header of two rows
    /// ("Progress" over "Q1 | Q2 | Q3 | Q4"; [`super::subheader`]).
    pub parent: Option<usize>,
}

/// The columns of a plan table.
#[derive(Debug, Clone, Default)]
pub struct Columns {
    /// One per table column, left to right.
    pub list: Vec<Column>,
    /// The action column's header also names the reference ("Ref Action"): the reference
    /// leads the action cell.
    pub number_in_action: bool,
    /// The furthest any text reaches in each column (points): where lines wrap when the
    /// cells have no rules.
    pub reach: Vec<f64>,
    /// The table was found from its rules: each cell's box is its real edge, where its lines
    /// wrap (else a cell is boxed tight around its text and `reach` is the least its edge is).
    pub ruled: bool,
    /// The pitch of wrapped lines in the table's cells: the least distance, in line heights,
    /// from one line's top to the next within a paragraph (infinite when no paragraph has two
    /// lines).
    pub pitch: f64,
    /// How many rows the header takes: 2 when a heading spanning several columns stands over
    /// their sub-headings ([`super::subheader`]), else 1.
    pub header_rows: usize,
    /// The milestones are printed one column per period ([`super::periods`]): every
    /// milestone column is read, each filled cell one milestone.
    pub milestones_by_period: bool,
    /// The action column's header names the milestones too ("Action and key milestones")
    /// and no other column holds them: each action cell's first paragraph is the action,
    /// its list items the milestones ([`super::action_list`]).
    pub milestones_in_action: bool,
}

impl Columns {
    /// The first column with this role.
    pub fn first(&self, col: Col) -> Option<usize> {
        self.list.iter().position(|c| c.col == col)
    }

    /// Every column with this role, left to right.
    pub fn all(&self, col: Col) -> Vec<usize> {
        self.list
            .iter()
            .enumerate()
            .filter(|(_, c)| c.col == col)
            .map(|(i, _)| i)
            .collect()
    }

    /// The headings as printed.
    pub fn headings(&self) -> Vec<String> {
        self.list.iter().map(|c| c.heading.clone()).collect()
    }
}

/// Read the header row `r` of `t`: a role per column by header (the profile first), no
/// content checks yet.
pub fn from_header(t: &Table, r: usize, profile: &Profile) -> Columns {
    let mut list: Vec<Column> = (0..t.n_cols)
        .map(|_| Column {
            heading: String::new(),
            col: Col::Field,
            evidence: "no header".into(),
            parent: None,
        })
        .collect();
    for c in t.row_cells(r) {
        let heading = text::collapse(&c.text());
        let (col, evidence) = match profile.role_of(&heading) {
            Some(role) => (Col::of_role(role), "the profile names it".to_string()),
            None => match by_header(&heading) {
                Some((col, _, phrase)) => (col, format!("header says {phrase:?}")),
                None => (Col::Field, "no header phrase known".to_string()),
            },
        };
        if let Some(slot) = list.get_mut(c.col) {
            *slot = Column {
                heading,
                col,
                evidence,
                parent: None,
            };
        }
    }
    // A header naming the action with the work under it ("Action / milestone": actions
    // with their milestones on sub-rows) is the action column when no other column is.
    if !list.iter().any(|c| c.col == Col::Action) {
        if let Some(c) = list.iter_mut().find(|c| {
            c.col != Col::Number
                && words(&c.heading)
                    .iter()
                    .any(|w| w == "action" || w == "actions")
        }) {
            c.col = Col::Action;
            c.evidence = format!("header names the action ({:?})", c.heading);
        }
    }
    update_dates(&mut list);
    titled_action(&mut list);
    let mut reach = vec![f64::NEG_INFINITY; t.n_cols];
    for c in t.cells.iter().filter(|c| c.col_span == 1) {
        if let Some(x) = reach.get_mut(c.col) {
            for l in c.paragraphs.iter().flat_map(|p| p.lines.iter()) {
                *x = x.max(l.bbox.x1);
            }
        }
    }
    let mut cols = Columns {
        list,
        number_in_action: false,
        reach,
        ruled: t.ruled,
        pitch: f64::INFINITY,
        header_rows: 1,
        milestones_by_period: false,
        milestones_in_action: false,
    };
    super::action_list::mark(&mut cols);
    // "Ref Action" in one header: the reference leads the action cell.
    if let Some(a) = cols.first(Col::Action) {
        let w = cols
            .list
            .get(a)
            .map(|c| words(&c.heading))
            .unwrap_or_default();
        let names_ref = w
            .iter()
            .any(|x| ["ref", "no", "number", "#", "id", "reference"].contains(&x.as_str()));
        if names_ref && w.len() > 1 && cols.first(Col::Number).is_none() {
            cols.number_in_action = true;
        }
    }
    cols
}

/// Headers naming each row's title, which a performance system's export prints beside a
/// code column as the action ("Code | Title | Assigned To | Due Date | Status").
const TITLE_HEADERS: &[&[&str]] = &[&["title"], &["action", "title"], &["description"]];

/// Header words of a forward plan of decisions or a committee's work programme ("Date of
/// decision", "Decision maker", "Meeting date", "Report author"): their titles are decisions
/// or reports to come, not actions.
const AGENDA_WORDS: &[&str] = &[
    "decision",
    "decisions",
    "meeting",
    "meetings",
    "committee",
    "committees",
    "cabinet",
    "author",
    "agenda",
];

/// Whether a header with no reference column says plan around a "Title": it names who the
/// row is assigned to, when it is due and its status or progress (an export with no code
/// column, "Title | Assigned To | Due Date | Status"), and no decision or meeting.
fn says_plan(list: &[Column]) -> bool {
    let has = |col: Col| list.iter().any(|c| c.col == col);
    has(Col::Lead) && has(Col::Date) && (has(Col::Rag) || has(Col::Milestones)) && !agenda(list)
}

/// Whether a header names a decision or a meeting ([`AGENDA_WORDS`]).
fn agenda(list: &[Column]) -> bool {
    list.iter().any(|c| {
        words(&c.heading)
            .iter()
            .any(|w| AGENDA_WORDS.contains(&w.as_str()))
    })
}

/// With no action column, a "Title" column right after the reference column ("Code |
/// Title") is the action: the row's title is what is to be done. Alone, "Title" names no
/// action (a list of papers prints one too), so the reference column must lead it, or the
/// header must say plan ([`says_plan`]): then the first "Title" column is the action.
fn titled_action(list: &mut [Column]) {
    if list.iter().any(|c| c.col == Col::Action) {
        return;
    }
    let titled = |c: &Column| {
        let w = words(&c.heading);
        c.col == Col::Field
            && TITLE_HEADERS
                .iter()
                .any(|t| w.iter().map(String::as_str).eq(t.iter().copied()))
    };
    let (at, why) = match list.iter().position(|c| c.col == Col::Number) {
        Some(n) => (n + 1, "beside the reference"),
        None if says_plan(list) => match list.iter().position(titled) {
            Some(i) => (i, "in a header naming who, when and status"),
            None => return,
        },
        None => return,
    };
    let Some(c) = list.get_mut(at) else {
        return;
    };
    if titled(c) {
        c.col = Col::Action;
        c.evidence = format!(
            "header {:?} {why}: the row's title is the action",
            c.heading
        );
    }
}

/// Header words naming an update or a note ("Latest Note Date", "Last updated", "Date of
/// update"): a date under such a header is when the row was last written, not its target.
const UPDATE_WORDS: &[&str] = &[
    "update",
    "updated",
    "updates",
    "note",
    "notes",
    "comment",
    "comments",
    "commentary",
    "modified",
    "edited",
];

/// Header words naming a target, which an update word does not undo ("Updated target date",
/// "Revised due date (updated)").
const TARGET_WORDS: &[&str] = &["target", "due", "deadline", "completion", "finish", "end"];

/// Whether a header names an update or a note ([`UPDATE_WORDS`]) and no target.
fn names_update(header: &str) -> bool {
    let w = words(header);
    w.iter().any(|w| UPDATE_WORDS.contains(&w.as_str()))
        && !w.iter().any(|w| TARGET_WORDS.contains(&w.as_str()))
}

/// A date column whose header names an update or a note is a field of the action, not its
/// dated work.
fn update_dates(list: &mut [Column]) {
    for c in list
        .iter_mut()
        .filter(|c| c.col == Col::Date && names_update(&c.heading))
    {
        c.col = Col::Field;
        c.evidence = format!(
            "{}; the header names an update or a note: when the row was written, not a target",
            c.evidence
        );
    }
}

/// The least top-to-top distance, in line heights, between consecutive lines of one paragraph
/// on one page whose heights differ by less than `same` of a line, over the table's cells.
pub fn wrap_pitch(t: &Table, same: f64) -> f64 {
    t.cells
        .iter()
        .flat_map(|c| c.paragraphs.iter())
        .flat_map(|p| p.lines.windows(2))
        .filter_map(|w| {
            let [a, b] = w else { return None };
            let h = a.bbox.height();
            let level = a.page == b.page && h > 0.0 && (b.bbox.height() - h).abs() < same * h;
            (level && b.bbox.top > a.bbox.top).then(|| (b.bbox.top - a.bbox.top) / h)
        })
        .fold(f64::INFINITY, f64::min)
}

/// Whether a header row names a plan: an action column and at least one of who, when, or
/// status/progress.
pub fn names_a_plan(cols: &Columns) -> bool {
    cols.first(Col::Action).is_some()
        && [Col::Lead, Col::Date, Col::Milestones, Col::Rag]
            .iter()
            .any(|c| cols.first(*c).is_some())
}

/// A header row that names two or more of who, when and status but no action column: the
/// unnamed column whose body cells (rows after `r`) average the most words, at least
/// `prose_words`, holding text on half the rows or more, is the action column ("What we said we would do"
/// is no phrase we know; its cells are the row's sentences), unless a header names a decision
/// or a meeting. Whether one was found.
pub fn action_by_content(t: &Table, r: usize, cols: &mut Columns, prose_words: f64) -> bool {
    let named = [Col::Lead, Col::Date, Col::Milestones, Col::Rag]
        .iter()
        .filter(|c| cols.first(**c).is_some())
        .count();
    // A forward plan of decisions or a work programme prints who, when and status too.
    if cols.first(Col::Action).is_some() || named < 2 || agenda(&cols.list) {
        return false;
    }
    let cells = t.index();
    let body: Vec<usize> = (r + 1..t.n_rows)
        .filter(|&b| cells.row_cells(b).iter().any(|c| !c.is_empty()))
        .collect();
    let best = cols
        .list
        .iter()
        .enumerate()
        .filter(|(_, c)| c.col == Col::Field && !c.heading.is_empty())
        .map(|(i, _)| (i, content(&cells, &body, i)))
        // Text on half the rows at least (group rows span the columns).
        .filter(|(_, k)| k.cells * 2 >= body.len() && !most(k.refs, k.cells))
        .map(|(i, k)| (i, k.words as f64 / k.cells.max(1) as f64))
        .max_by(|a, b| a.1.total_cmp(&b.1));
    let Some((i, mean)) = best.filter(|(_, mean)| *mean >= prose_words) else {
        return false;
    };
    let Some(c) = cols.list.get_mut(i) else {
        return false;
    };
    c.col = Col::Action;
    c.evidence = format!(
        "no header phrase known; its cells are the row's sentences ({mean:.1} words a cell) \
         beside {named} who, when or status columns"
    );
    true
}

/// What a column's body cells hold.
#[derive(Debug, Clone, Copy, Default)]
struct Content {
    cells: usize,
    dates: usize,
    /// Dates printing a day, month or year in figures ("Ongoing" and "Monthly" print none).
    figured_dates: usize,
    refs: usize,
    short: usize,
    words: usize,
    merged: usize,
    /// Cells that are a percentage alone ("45%": how far along, no date).
    percents: usize,
}

/// Whether a cell's text is a percentage alone ("45%", "100 %").
fn is_percent(s: &str) -> bool {
    s.strip_suffix('%')
        .map(str::trim)
        .is_some_and(|n| !n.is_empty() && n.parse::<f64>().is_ok())
}

fn content(cells: &CellIndex, body: &[usize], col: usize) -> Content {
    let mut k = Content::default();
    for &r in body {
        let Some(c) = cells.cell_at(r, col) else {
            continue;
        };
        if c.row != r || c.col != col || c.col_span > 1 || c.is_empty() {
            continue;
        }
        let s = text::collapse(&c.text());
        k.cells += 1;
        let n = s.split(' ').count();
        k.words += n;
        // A date, or dates one a line (a due date level with each milestone beside it).
        let date = text::is_date(&s) || {
            let mut lines = c
                .paragraphs
                .iter()
                .flat_map(|p| p.lines.iter())
                .filter(|l| !l.text.trim().is_empty())
                .peekable();
            lines.peek().is_some() && lines.all(|l| text::is_date(l.text.trim()))
        };
        k.dates += usize::from(date);
        k.figured_dates += usize::from(date && s.chars().any(|c| c.is_ascii_digit()));
        k.refs += usize::from(text::is_reference(&s));
        k.short += usize::from(n <= 3);
        k.merged += usize::from(c.row_span > 1);
        k.percents += usize::from(is_percent(&s));
    }
    k
}

pub(super) fn most(part: usize, all: usize) -> bool {
    all > 0 && part * 10 >= all * 7
}

/// Check each column's role against its body rows (`body`: rows that are not group rows) and
/// against the other columns; what does not fit falls back to another role or to a field.
/// `pale`: the least saturation of a fill read by its hue.
pub fn check(t: &Table, body: &[usize], cols: &mut Columns, profile: &Profile, pale: f64) {
    // One index of the table's slots, and what each column's body cells hold, read once and
    // a column per task (on a long plan this is a tenth of the reading).
    let cells = t.index();
    let contents: Vec<Content> = (0..cols.list.len())
        .into_par_iter()
        .map(|i| content(&cells, body, i))
        .collect();
    let content_of = |i: usize| contents.get(i).copied().unwrap_or_default();
    let fixed = |h: &str| profile.role_of(h).is_some();
    // A role the profile gives a column is that column's alone.
    let named: Vec<Col> = cols
        .list
        .iter()
        .filter(|c| fixed(&c.heading) && c.col != Col::Group)
        .map(|c| c.col)
        .collect();
    for c in cols.list.iter_mut().filter(|c| !fixed(&c.heading)) {
        if named.contains(&c.col) {
            c.col = Col::Field;
            c.evidence = format!("{}; the profile names another column so", c.evidence);
        }
    }
    let action_col = cols.first(Col::Action);
    // Several action columns: one holding references is the number column; otherwise the
    // one with the longest header phrase keeps the role.
    let actions = cols.all(Col::Action);
    if actions.len() > 1 {
        // (column, one cell per row, no recommendation, header score): a column merged down
        // several rows ("Recommendation" over the actions agreed for it) gives way to one
        // that is not, and a recommendation to the action agreed for it ("Recommendation |
        // Agreed action": an audit tracker's action is what was agreed).
        let mut keep: Option<(usize, bool, bool, usize)> = None;
        let mut merged = Vec::new();
        for &i in &actions {
            let k = content_of(i);
            if cols.first(Col::Number).is_none() && most(k.refs, k.cells) {
                if let Some(c) = cols.list.get_mut(i) {
                    c.col = Col::Number;
                    c.evidence = format!("{}; its cells are references", c.evidence);
                }
            } else {
                let (score, agreed) = cols
                    .list
                    .get(i)
                    .and_then(|c| by_header(&c.heading))
                    .map_or((0, true), |(_, s, phrase)| {
                        (s, !RECOMMENDATION.contains(&phrase))
                    });
                let single = k.merged == 0;
                if !single {
                    merged.push(i);
                }
                if keep.is_none_or(|(_, one, a, s)| (single, agreed, score) > (one, a, s)) {
                    keep = Some((i, single, agreed, score));
                }
            }
        }
        let keep = keep.map(|(k, ..)| k);
        for &i in &actions {
            if Some(i) != keep {
                let group = merged.contains(&i) && keep.is_some_and(|k| i < k);
                if let Some(c) = cols.list.get_mut(i).filter(|c| c.col == Col::Action) {
                    if group {
                        c.col = Col::Group;
                        c.evidence = format!(
                            "{}; merged down the rows of the action column: a grouping level",
                            c.evidence
                        );
                    } else {
                        c.col = Col::Field;
                        c.evidence = format!("{}; another column is the action", c.evidence);
                    }
                }
            }
        }
    }
    let action_col = cols.first(Col::Action).or(action_col);
    let has_milestones = cols.first(Col::Milestones).is_some();
    let has_rag = cols.first(Col::Rag).is_some();
    for i in 0..cols.list.len() {
        let k = content_of(i);
        let Some(c) = cols.list.get_mut(i) else {
            continue;
        };
        if fixed(&c.heading) {
            continue;
        }
        let left_of_action = action_col.is_some_and(|a| i < a);
        let note = |c: &mut Column, col: Col, why: &str| {
            c.col = col;
            c.evidence = format!("{}; {why}", c.evidence);
        };
        match c.col {
            Col::Date if k.cells > 0 && !most(k.dates, k.cells) && k.words > k.cells * 3 => {
                note(c, Col::Milestones, "its cells are dated text, not dates")
            }
            Col::Success if most(k.dates, k.cells) && !names_update(&c.heading) => {
                note(c, Col::Date, "its cells are dates")
            }
            // "Progress" holding "45%": how far along, no dated work and no rating.
            Col::Milestones if k.cells > 0 && most(k.percents, k.cells) => {
                note(c, Col::Field, "its cells are percentages: no dated work")
            }
            // "Progress" holding "■ Green", "On track", or cells coloured in with no word: the
            // rating, when no column is.
            Col::Milestones
                if !has_rag && {
                    let coloured = coloured_in(&cells, body, i, pale);
                    let all = k.cells + coloured;
                    all > 0 && most(ratings(&cells, body, i) + coloured, all)
                } =>
            {
                note(c, Col::Rag, "its cells are ratings")
            }
            Col::Rag if k.cells > 0 && k.words > k.cells * 8 && !has_milestones => {
                note(c, Col::Milestones, "its cells are sentences, not ratings")
            }
            Col::Number if k.cells > 0 && !most(k.refs, k.cells) => {
                note(c, Col::Field, "its cells are not references")
            }
            Col::Group if k.merged == 0 && recurs(&cells, body, i) => note(
                c,
                Col::Field,
                "its values come back after others: a rating of each row, not a grouping level",
            ),
            Col::Group if !left_of_action => {
                let w = words(&c.heading);
                if w.iter().any(|x| x == "outcomes") {
                    note(c, Col::Impact, "right of the action: results")
                } else {
                    note(c, Col::Field, "right of the action: not a grouping level")
                }
            }
            // A column no header phrase names whose cells are dates in figures is a date
            // column ("Baseline", "Forecast"): its dates are the row's dated work.
            Col::Field
                if !left_of_action
                    && k.cells > 0
                    && most(k.figured_dates, k.cells)
                    && !names_update(&c.heading) =>
            {
                note(c, Col::Date, "its cells are dates")
            }
            Col::Field if left_of_action && k.cells > 0 && !most(k.refs, k.cells) => {
                // A leading column merged down its rows, or printed on a group's first row
                // only, is a grouping level whatever its header.
                let sparse = k.cells * 2 <= body.len() && body.len() > 2;
                if k.merged > 0 || sparse {
                    note(c, Col::Group, "a leading column merged down its rows")
                } else if repeats_in_runs(&cells, body, i) {
                    note(
                        c,
                        Col::Group,
                        "a leading column repeating its value down its rows",
                    )
                }
            }
            _ => {}
        }
    }
    same_rows_as_group(&cells, body, cols, &fixed);
    let filled = |i: usize| {
        body.iter()
            .filter(|&&r| starts(&cells, r, i).is_some_and(|c| c.col == i && !c.is_empty()))
            .count()
    };
    super::periods::mark(t, cols, &|i| ratings(&cells, body, i), &filled);
    super::periods::mark_ratings(t, cols, &|i| ratings(&cells, body, i), &filled, &|i| {
        coloured_in(&cells, body, i, pale)
    });
    super::subheader::share_ratings(cols, &fixed);
    // One of each single role: later duplicates are fields (ratings by period under one
    // spanning heading are one RAG read left to right).
    for role in [
        Col::Number,
        Col::Action,
        Col::Lead,
        Col::Success,
        Col::Rag,
        Col::Impact,
        Col::Milestones,
    ] {
        for i in cols.all(role).into_iter().skip(1) {
            if role == Col::Rag
                && (super::subheader::sibling_rating(cols, i)
                    || super::periods::another_periods_rating(cols, i))
            {
                continue;
            }
            if role == Col::Milestones && cols.milestones_by_period {
                continue;
            }
            if role == Col::Lead && tiered_leads(cols, i) {
                continue;
            }
            if let Some(c) = cols.list.get_mut(i) {
                c.col = Col::Field;
                c.evidence = format!("{}; a second {} column", c.evidence, role.name());
            }
        }
    }
    // With no number column, an outline number opening most action cells is the action's
    // reference printed in its cell.
    if super::inline_number::opens_most(t, body, cols) {
        cols.number_in_action = true;
    }
}

/// The last words of a header naming one tier of who leads ("Executive lead", "Action
/// owner").
const TIER_ENDS: &[&str] = &["lead", "leads", "owner", "owners"];

/// Whether leads column `i` and the first leads column name two tiers of who leads
/// ("Executive lead" | "Operational lead"): both headers a qualifier and a lead word, the
/// qualifiers different. Both are the action's leads, the first column's first.
fn tiered_leads(cols: &Columns, i: usize) -> bool {
    let tier = |k: usize| -> Option<Vec<String>> {
        let w = words(&cols.list.get(k)?.heading);
        let end = w.last()?;
        (w.len() >= 2 && TIER_ENDS.contains(&end.as_str())).then_some(w)
    };
    match (cols.first(Col::Lead).and_then(tier), tier(i)) {
        (Some(a), Some(b)) => a.first() != b.first(),
        _ => false,
    }
}

/// Words a rating is printed in besides the status words: RAG colours and their letters.
const RATING_WORDS: &[&str] = &[
    "red",
    "amber",
    "green",
    "blue",
    "r",
    "a",
    "g",
    "b",
    "ra",
    "ag",
    "red/amber",
    "amber/green",
    "at risk",
    "off track",
    "off target",
    // Ratings worded as the level of concern or delay ("Some concerns" on amber).
    "no concerns",
    "some concerns",
    "minor concerns",
    "significant concerns",
    "serious concerns",
    "some delays",
    "some delay",
    "significant delays",
    "some slippage",
];

/// Whether a paragraph is a rating alone: a RAG word or letter, a status word, or a swatch
/// symbol.
pub fn is_rating(s: &str) -> bool {
    let s = super::rag::without_symbol(s);
    let w = s
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    RATING_WORDS.contains(&w.as_str())
        || super::super::vocab::Status::parse(&w).is_some()
        || (!w.is_empty() && !w.chars().any(char::is_alphanumeric))
}

/// How many body cells of column `i` hold only ratings: each paragraph a RAG word or letter,
/// a status word, or a swatch symbol alone.
fn ratings(cells: &CellIndex, body: &[usize], i: usize) -> usize {
    body.iter()
        .filter_map(|&r| starts(cells, r, i).filter(|c| c.col == i && !c.is_empty()))
        .filter(|c| {
            c.paragraphs
                .iter()
                .all(|p| p.text.trim().is_empty() || is_rating(&p.text))
        })
        .count()
}

/// How many body cells of column `i` are coloured in with no text in a rating's colour (a
/// spreadsheet's status cell: green, amber, red, or a BRAG plan's blue).
fn coloured_in(cells: &CellIndex, body: &[usize], i: usize, pale: f64) -> usize {
    body.iter()
        .filter_map(|&r| starts(cells, r, i).filter(|c| c.col == i && c.is_empty()))
        .filter(|c| c.fill.is_some_and(|f| super::rag::is_rating_fill(f, pale)))
        .count()
}

/// Whether a column's values, read down its body rows, come back after another value
/// ("High", "High", "Medium", "High"): groups do not return once left, so such a column rates
/// each row (an audit recommendation's priority) rather than grouping the rows.
/// Whether column `i` prints its values in runs down the rows, each value on consecutive
/// rows and never again once left, half as many values as filled rows or fewer ("Customer
/// and digital" on four rows, then "Estates and assets" on three): a spreadsheet repeating
/// its group on every row.
fn repeats_in_runs(cells: &CellIndex, body: &[usize], i: usize) -> bool {
    let values: Vec<String> = body
        .iter()
        .filter_map(|&r| {
            starts(cells, r, i)
                .filter(|c| c.col == i && c.col_span == 1 && !c.is_empty())
                .map(|c| text::collapse(&c.text()))
        })
        .collect();
    let mut runs = values.clone();
    runs.dedup();
    values.len() >= 2 && runs.len() * 2 <= values.len() && !recurs(cells, body, i)
}

fn recurs(cells: &CellIndex, body: &[usize], i: usize) -> bool {
    let mut seen: Vec<String> = Vec::new();
    for &r in body {
        let Some(s) = starts(cells, r, i)
            .filter(|c| c.col == i && !c.is_empty())
            .map(|c| text::collapse(&c.text()))
        else {
            continue;
        };
        if seen.last() == Some(&s) {
            continue;
        }
        if seen.contains(&s) {
            return true;
        }
        seen.push(s);
    }
    false
}

/// A leading column merged over exactly the rows of the group column before it (a "Response"
/// beside each "Recommendation") is no level of its own: it says more about that group, and
/// its text stays on each action as a field.
fn same_rows_as_group(
    cells: &CellIndex,
    body: &[usize],
    cols: &mut Columns,
    fixed: &dyn Fn(&str) -> bool,
) {
    let spans = |i: usize| -> Vec<usize> {
        body.iter()
            .copied()
            .filter(|&r| starts(cells, r, i).is_some())
            .collect()
    };
    let mut before: Option<(usize, Vec<usize>)> = None;
    for i in cols.all(Col::Group) {
        let rows = spans(i);
        let named = cols.list.get(i).is_some_and(|c| {
            fixed(&c.heading) || by_header(&c.heading).is_some_and(|(k, _, _)| k == Col::Group)
        });
        match &before {
            Some((g, prev)) if !named && *prev == rows && rows.len() < body.len() => {
                let heading = cols
                    .list
                    .get(*g)
                    .map(|c| c.heading.clone())
                    .unwrap_or_default();
                if let Some(c) = cols.list.get_mut(i) {
                    c.col = Col::Field;
                    c.evidence = format!(
                        "{}; merged over the same rows as \"{heading}\": part of that group",
                        c.evidence
                    );
                }
            }
            _ => before = Some((i, rows)),
        }
    }
}

/// The cell of row `r` in column `i` when it starts there.
pub fn starts<'t>(cells: &CellIndex<'t>, r: usize, i: usize) -> Option<&'t Cell> {
    cells.cell_at(r, i).filter(|c| c.row == r)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tolerance::ACTION_PROSE_WORDS;
    use crate::tolerance::PALE_FILL_SATURATION as PALE;

    fn role(h: &str) -> Option<Col> {
        by_header(h).map(|(c, _, _)| c)
    }

    #[test]
    fn headers_by_whole_phrase() {
        assert_eq!(role("Risk RAG rating"), Some(Col::Rag));
        assert_eq!(
            role("Actions and Timescales for work"),
            Some(Col::Milestones)
        );
        assert_eq!(role("Lead officer"), Some(Col::Lead));
        assert_eq!(role("Specific action"), Some(Col::Action));
        assert_eq!(role("Action no."), Some(Col::Number));
        // The head noun ends the header: a milestone's reference is a reference.
        assert_eq!(role("MILESTONE REF"), Some(Col::Number));
        assert_eq!(role("Task ID"), Some(Col::Number));
        assert_eq!(role("Ref Action"), Some(Col::Action));
        assert_eq!(role("Stage"), Some(Col::Action));
        assert_eq!(role("Original timescale"), Some(Col::Date));
        assert_eq!(role("Revised date"), Some(Col::Date));
        assert_eq!(role("Improvement / action required"), Some(Col::Action));
        assert_eq!(role("How we'll know"), Some(Col::Success));
        assert_eq!(role("Who is responsible"), Some(Col::Lead));
        assert_eq!(role("By when"), Some(Col::Date));
        assert_eq!(role("Progress comments"), Some(Col::Impact));
        assert_eq!(role("Comments"), None);
        assert_eq!(role("Planning"), None);
        // Whole words only: "lead" is not in "mislead", "rag" not in "storage".
        assert_eq!(role("Misleading storage"), None);
        // The longest phrase wins: measuring impact is how success is judged.
        assert_eq!(role("How we will measure impact"), Some(Col::Success));
        assert_eq!(role("Evidence of impact"), Some(Col::Impact));
        assert_eq!(role("Improvement required"), Some(Col::Action));
        assert_eq!(role("Accountable lead"), Some(Col::Lead));
    }

    /// A table of one-paragraph cells, one per text (none for "").
    fn grid(rows: &[&[&str]]) -> Table {
        let mut cells = Vec::new();
        for (r, row) in rows.iter().enumerate() {
            for (c, s) in row.iter().enumerate().filter(|(_, s)| !s.is_empty()) {
                cells.push(crate::table::text_cell(r, c, 1, s));
            }
        }
        Table {
            pages: vec![1],
            bbox: crate::geom::Rect::default(),
            header_rows: 1,
            n_rows: rows.len(),
            n_cols: rows.first().map_or(0, |r| r.len()),
            cells,
            rows: Vec::new(),
            ruled: true,
        }
    }

    #[test]
    fn an_action_column_no_phrase_names_is_found_by_its_sentences() {
        let t = grid(&[
            &[
                "Ref",
                "What we said we would do",
                "Who is responsible",
                "Key milestones",
                "Where are we",
            ],
            &[
                "1.1",
                "Run a meanwhile-use scheme offering vacant units to local makers",
                "Head of Economic Development",
                "Scheme launched – Complete",
                "On track",
            ],
            &[
                "1.2",
                "Introduce a shop front improvement grant for the high street",
                "Town Centre Manager",
                "First grants paid – by March 2026",
                "Some slippage",
            ],
        ]);
        let mut cols = from_header(&t, 0, &Profile::default());
        assert!(cols.first(Col::Action).is_none());
        assert!(action_by_content(&t, 0, &mut cols, ACTION_PROSE_WORDS));
        assert_eq!(cols.first(Col::Action), Some(1));
        // Fewer words than a sentence: a name or a code is no action.
        let t = grid(&[
            &["Scheme", "Decision maker", "Date", "Status"],
            &["Leisure centre", "Cabinet", "March 2026", "Open"],
            &["Car parks", "Cabinet Member", "April 2026", "Open"],
        ]);
        let mut cols = from_header(&t, 0, &Profile::default());
        assert!(!action_by_content(&t, 0, &mut cols, ACTION_PROSE_WORDS));
        // One who/when/status column is too little to go on.
        let t = grid(&[
            &["Ref", "What we said we would do", "Who is responsible"],
            &[
                "1.1",
                "Run a meanwhile-use scheme offering vacant units to local makers",
                "Head of Economic Development",
            ],
        ]);
        let mut cols = from_header(&t, 0, &Profile::default());
        assert!(!action_by_content(&t, 0, &mut cols, ACTION_PROSE_WORDS));
    }

    #[test]
    fn a_rating_on_each_row_is_no_grouping_level() {
        let t = grid(&[
            &["Ref", "Priority", "Recommendation", "Owner"],
            &[
                "A/01",
                "High",
                "Remove leavers from the payroll",
                "Payroll Manager",
            ],
            &["A/02", "High", "Authorise new starter forms", "HR Manager"],
            &[
                "A/03",
                "Medium",
                "Review exception reports monthly",
                "Payroll Manager",
            ],
            &["B/01", "High", "Evidence the means test", "Housing Manager"],
        ]);
        let body = [1, 2, 3, 4];
        assert!(recurs(&t.index(), &body, 1));
        let mut cols = from_header(&t, 0, &Profile::default());
        assert_eq!(cols.list.get(1).map(|c| c.col), Some(Col::Group));
        check(&t, &body, &mut cols, &Profile::default(), PALE);
        assert_eq!(cols.list.get(1).map(|c| c.col), Some(Col::Field));
        // A theme printed on every row and never coming back stays a grouping level.
        let t = grid(&[
            &["Theme", "Action", "Lead"],
            &["Housing", "Build 200 homes", "Head of Housing"],
            &["Housing", "Buy back empty homes", "Head of Housing"],
            &["Economy", "Open a business hub", "Head of Growth"],
        ]);
        let mut cols = from_header(&t, 0, &Profile::default());
        check(&t, &[1, 2, 3], &mut cols, &Profile::default(), PALE);
        assert_eq!(cols.list.first().map(|c| c.col), Some(Col::Group));
    }

    #[test]
    fn a_performance_system_export_reads_by_role() {
        let t = grid(&[
            &[
                "Code",
                "Title",
                "Assigned To",
                "Due Date",
                "Progress",
                "Status",
                "Latest Note",
            ],
            &[
                "HS2.01",
                "Open a second homeless hostel in the east of the borough",
                "Housing Options Manager",
                "31-Mar-2026",
                "30%",
                "On target",
                "Site found; planning application in.",
            ],
            &[
                "HS2.02",
                "Cut the use of bed and breakfast for families to zero",
                "Temporary Accommodation Lead",
                "30-Sep-2026",
                "65%",
                "Some concern",
                "Three families in B&B this week.",
            ],
        ]);
        let mut cols = from_header(&t, 0, &Profile::default());
        check(&t, &[1, 2], &mut cols, &Profile::default(), PALE);
        let roles: Vec<Col> = cols.list.iter().map(|c| c.col).collect();
        assert_eq!(
            roles,
            [
                Col::Number,
                Col::Action,
                Col::Lead,
                Col::Date,
                Col::Field,
                Col::Rag,
                Col::Field
            ]
        );
        // "Title" with no reference column before it names no action (a list of papers).
        let t = grid(&[
            &["Title", "Date", "Status"],
            &["Housing strategy refresh", "March 2026", "Draft"],
        ]);
        let cols = from_header(&t, 0, &Profile::default());
        assert!(cols.first(Col::Action).is_none());
        // With no reference, a header naming who, when and status says plan: the Title is
        // the action, and the note's date is a field, not a date column.
        let head = |h: &[&str]| {
            let t = grid(&[
                h,
                &["Open a second hostel", "Jo Bell", "31/03/2026", "Late", ""],
            ]);
            from_header(&t, 0, &Profile::default())
                .list
                .iter()
                .map(|c| c.col)
                .collect::<Vec<Col>>()
        };
        assert_eq!(
            head(&[
                "Title",
                "Assigned To",
                "Due Date",
                "Status",
                "Latest Note Date"
            ]),
            [Col::Action, Col::Lead, Col::Date, Col::Rag, Col::Field]
        );
        // A forward plan of decisions prints the same roles around its titles: no action.
        assert_eq!(
            head(&[
                "Title",
                "Lead Officer",
                "Date of Decision",
                "Status",
                "Notes"
            ]),
            [Col::Field, Col::Lead, Col::Date, Col::Rag, Col::Field]
        );
    }

    #[test]
    fn a_date_of_an_update_or_note_is_no_target() {
        for h in [
            "Latest Note Date",
            "Last updated",
            "Date of update",
            "Update date",
        ] {
            assert!(names_update(h), "{h}");
        }
        for h in ["Due date", "Updated target date", "Latest update", "Date"] {
            assert_eq!(
                names_update(h),
                h == "Latest update",
                "{h}: a target, or no date"
            );
        }
        let t = grid(&[
            &[
                "Action",
                "Owner",
                "Target date",
                "Date of update",
                "Last updated",
            ],
            &[
                "Open a second hostel",
                "Jo Bell",
                "31/03/2026",
                "02/10/2025",
                "14/10/2025",
            ],
        ]);
        let mut cols = from_header(&t, 0, &Profile::default());
        check(&t, &[1], &mut cols, &Profile::default(), PALE);
        assert_eq!(cols.all(Col::Date), [2]);
    }

    #[test]
    fn an_audit_trackers_action_is_the_agreed_action() {
        // An internal audit follow-up tracker: a recommendation and the action agreed for
        // it on each row.
        for action in ["Agreed action", "Management action", "Action"] {
            let t = grid(&[
                &["Ref", "Recommendation", action, "Owner", "Date"],
                &[
                    "1",
                    "Payroll should be reconciled to HR records monthly.",
                    "Monthly reconciliation to be signed off by the Payroll Manager.",
                    "Payroll Manager",
                    "March 2026",
                ],
                &[
                    "2",
                    "Leavers should be removed promptly.",
                    "Leavers' report run weekly and actioned within five days.",
                    "HR Business Partner",
                    "April 2026",
                ],
            ]);
            let mut cols = from_header(&t, 0, &Profile::default());
            check(&t, &[1, 2], &mut cols, &Profile::default(), PALE);
            let roles: Vec<Col> = cols.list.iter().map(|c| c.col).collect();
            assert_eq!(roles.get(2), Some(&Col::Action), "{action}");
            // The recommendation is kept, as a field of each action.
            assert_eq!(roles.get(1), Some(&Col::Field), "{action}");
        }
    }
}
