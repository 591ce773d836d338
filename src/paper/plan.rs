//! Tables → action plans: find plan tables by their header row, map columns to roles by
//! header text, then read priority, improvement-area and action rows.

use regex::Regex;
use std::sync::OnceLock;

use super::milestone;
use super::model::{Action, Area, Milestone, Plan, Priority, RagColour, RagEntry};
use super::profile::Profile;
use super::vocab::Role;
use crate::dates;
use crate::table::{Cell, Paragraph, Table};

/// Synonyms of each role's header, checked in this order (the first match wins, so the more
/// specific phrases come first).
const SYNONYMS: &[(&str, Role)] = &[
    ("improvement area", Role::Area),
    ("desired outcome", Role::Area),
    ("priority", Role::Priority),
    ("theme", Role::Priority),
    ("rag", Role::Rag),
    ("rating", Role::Rag),
    ("status", Role::Rag),
    ("impact", Role::Impact),
    ("outcomes", Role::Impact),
    ("evidence", Role::Impact),
    ("comments", Role::Impact),
    ("timescale", Role::Timescales),
    ("milestone", Role::Timescales),
    ("target date", Role::Timescales),
    ("deadline", Role::Timescales),
    ("progress update", Role::Timescales),
    ("success", Role::Success),
    ("indicator", Role::Success),
    ("measure", Role::Success),
    ("lead", Role::Lead),
    ("owner", Role::Lead),
    ("responsib", Role::Lead),
    ("specific action", Role::SpecificAction),
    ("objective", Role::SpecificAction),
    ("action", Role::SpecificAction),
    ("ref", Role::Number),
    ("number", Role::Number),
    ("no.", Role::Number),
];

/// The role of a column from its header text.
pub fn role_of(header: &str) -> Option<Role> {
    let h = header.to_lowercase();
    let h = h.split_whitespace().collect::<Vec<_>>().join(" ");
    if h.is_empty() {
        return None;
    }
    SYNONYMS
        .iter()
        .find(|(word, _)| h.contains(word))
        .map(|(_, r)| *r)
}

/// Columns of a plan table: role per column index.
#[derive(Debug, Clone, Default)]
struct Columns {
    by_role: Vec<(Role, usize)>,
    headings: Vec<String>,
}

impl Columns {
    fn col(&self, role: Role) -> Option<usize> {
        self.by_role
            .iter()
            .find(|(r, _)| *r == role)
            .map(|(_, c)| *c)
    }
}

/// Find the header row among the first rows: the row whose cells name at least four roles.
fn header(t: &Table, profile: &Profile) -> Option<(usize, Columns)> {
    (0..t.n_rows.min(6)).find_map(|r| {
        let cells = t.row_cells(r);
        let mut cols = Columns::default();
        for c in &cells {
            let text = c.text().split_whitespace().collect::<Vec<_>>().join(" ");
            if let Some(role) = profile.role_of(&text).or_else(|| role_of(&text)) {
                cols.by_role.push((role, c.col));
            }
            cols.headings.push(text);
        }
        // "Action" beside "Specific action": the plain one holds the number.
        let actions: Vec<usize> = cols
            .by_role
            .iter()
            .enumerate()
            .filter(|(_, (r, _))| *r == Role::SpecificAction)
            .map(|(i, _)| i)
            .collect();
        if actions.len() > 1 && cols.col(Role::Number).is_none() {
            if let Some(&i) = actions
                .iter()
                .min_by_key(|&&i| cols.by_role.get(i).map_or(0, |x| x.1))
            {
                if let Some(slot) = cols.by_role.get_mut(i) {
                    slot.0 = Role::Number;
                }
            }
        }
        let mut distinct: Vec<Role> = cols.by_role.iter().map(|(r, _)| *r).collect();
        distinct.sort_by_key(|r| *r as u8);
        distinct.dedup();
        (distinct.len() >= 4 && cols.col(Role::Number).is_some()).then_some((r, cols))
    })
}

fn re(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pattern).unwrap_or_else(|_| unreachable!("constant pattern")))
}

fn priority_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    re(
        &RE,
        r"(?is)^\s*(?:strategic\s+)?(?:priority(?:\s+objective)?|theme|objective)\s*(?P<number>\d+)\s*[:.\-–—]?\s*(?P<title>.*)$",
    )
}

fn area_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    re(&RE, r"(?s)^\s*(?P<number>\d+)[.)]?\s+(?P<outcome>.*)$")
}

fn number_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    re(&RE, r"^\s*(\d+(?:\.\d+)+)\.?\s*$")
}

fn caption_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    re(
        &RE,
        r"(?i)^(.*?)[\s–—-]*\bversion\s+([0-9A-Za-z.]+)\s*(?:[–—-]\s*(.*?))?\s*$",
    )
}

fn paragraphs(c: Option<&Cell>) -> Vec<String> {
    c.map(|c| {
        c.paragraphs
            .iter()
            .map(|p| p.text.trim().to_string())
            .filter(|t| !t.is_empty())
            .collect()
    })
    .unwrap_or_default()
}

fn joined(c: Option<&Cell>) -> String {
    paragraphs(c).join(" ")
}

/// Title case for a shouted month ("JUNE 2015" → "June 2015").
fn title_case(s: &str) -> String {
    s.split_whitespace()
        .map(|w| {
            let mut cs = w.chars();
            match cs.next() {
                Some(f) => f
                    .to_uppercase()
                    .chain(cs.flat_map(char::to_lowercase))
                    .collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Split an area cell into its heading (leading bold lines, the template's question) and the
/// outcome; without bold text, everything after the number is the outcome; with only bold
/// text, the outcome is empty (it follows in the next row).
/// The number and text a row pattern captures (groups `number` and `text_group`).
fn numbered(re: &Regex, text: &str, text_group: &str) -> Option<(u32, String)> {
    let c = re.captures(text)?;
    let number = c
        .name("number")
        .and_then(|m| m.as_str().parse().ok())
        .unwrap_or(0);
    let rest = c
        .name(text_group)
        .map(|m| m.as_str().trim().to_string())
        .unwrap_or_default();
    Some((number, rest))
}

/// The patterns in force: the profile's, else the built-in ones.
struct Patterns<'a> {
    priority: &'a Regex,
    area: &'a Regex,
    profile: &'a Profile,
}

impl<'a> Patterns<'a> {
    fn new(profile: &'a Profile) -> Self {
        Patterns {
            priority: profile.priority.as_ref().unwrap_or_else(|| priority_re()),
            area: profile.area.as_ref().unwrap_or_else(|| area_re()),
            profile,
        }
    }

    /// The action number in a number cell, or `None` when the row is not an action.
    fn action_number(&self, cell: &str) -> Option<String> {
        match &self.profile.action_number {
            Some(re) => {
                let t = cell.split_whitespace().collect::<Vec<_>>().join(" ");
                re.is_match(&t).then_some(t)
            }
            None => number_re()
                .captures(cell)
                .and_then(|c| c.get(1))
                .map(|m| m.as_str().to_string()),
        }
    }
}

fn area_outcome(cell: &Cell, area: &Regex) -> String {
    let lines: Vec<_> = cell
        .paragraphs
        .iter()
        .flat_map(|p| p.lines.iter())
        .collect();
    let heading = lines.iter().take_while(|l| l.bold).count();
    let mut text = String::new();
    if heading == lines.len() {
        // Only the heading: the outcome follows in the next row (the row broke at a page end).
        return String::new();
    }
    if heading > 0 {
        for l in lines.iter().skip(heading) {
            crate::table::join_line(&mut text, l.text.trim());
        }
        return text;
    }
    let all = cell.text().split_whitespace().collect::<Vec<_>>().join(" ");
    numbered(area, &all, "outcome").map_or(all, |(_, outcome)| outcome)
}

fn level(a: &Paragraph, b: &Paragraph) -> bool {
    match (a.lines.first(), b.lines.first()) {
        (Some(x), Some(y)) => {
            x.page == y.page && (x.bbox.top - y.bbox.top).abs() < 0.5 * x.bbox.height().max(1.0)
        }
        _ => false,
    }
}

/// Read one action row.
fn action(t: &Table, r: usize, cols: &Columns, number: String, profile: &Profile) -> Action {
    let cell = |role| cols.col(role).and_then(|c| t.cell_at(r, c));
    let rag_cell = cell(Role::Rag);
    let rag_paras: Vec<&Paragraph> = rag_cell
        .map(|c| {
            c.paragraphs
                .iter()
                .filter(|p| !p.text.trim().is_empty())
                .collect()
        })
        .unwrap_or_default();
    let rag = rag_paras
        .iter()
        .map(|p| {
            let fill = p.fill.or(rag_cell.and_then(|c| c.fill));
            RagEntry {
                text: p.text.trim().to_string(),
                colour: fill.map(RagColour::classify),
                fill,
            }
        })
        .collect();
    let milestones = cell(Role::Timescales)
        .map(|c| {
            c.paragraphs
                .iter()
                .filter(|p| !p.text.trim().is_empty())
                .map(|p| {
                    let parsed = milestone::parse_with(&p.text, profile);
                    Milestone {
                        text: p.text.trim().to_string(),
                        status: parsed.status,
                        period: parsed.date.as_deref().and_then(dates::period),
                        date: parsed.date,
                        rag: rag_paras
                            .iter()
                            .find(|rp| level(p, rp))
                            .map(|rp| rp.text.trim().to_string()),
                        status_text: None,
                    }
                })
                .collect()
        })
        .unwrap_or_default();
    let pages: Vec<u32> = t
        .row_cells(r)
        .iter()
        .flat_map(|c| {
            c.paragraphs
                .iter()
                .flat_map(|p| p.lines.iter().map(|l| l.page))
        })
        .collect();
    let rows = t.rows.get(r).cloned().unwrap_or_default();
    let first = pages
        .iter()
        .min()
        .copied()
        .or(rows.first().map(|p| p.page))
        .unwrap_or(0);
    let last = pages.iter().max().copied().unwrap_or(first);
    Action {
        number,
        specific_action: joined(cell(Role::SpecificAction)),
        leads: paragraphs(cell(Role::Lead)),
        success_indicators: paragraphs(cell(Role::Success)),
        milestones,
        rag,
        impact_evidence: paragraphs(cell(Role::Impact)),
        pages: [first, last],
        rows,
        number_implied: false,
        group: None,
        fields: Vec::new(),
    }
}

/// The text of the cell at (r, col) when a merged cell starts on row `r` there.
fn starts_here(t: &Table, r: usize, col: Option<usize>) -> Option<String> {
    let c = t.cell_at(r, col?)?;
    (c.row == r && !c.is_empty()).then(|| c.text().split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Priorities and areas given by merged leading columns instead of full-width rows: a
/// priority (or area) cell starting on this action's row opens a new priority (or area). An
/// area column without a priority column, or a priority column without an area column, gets
/// the missing level implied (one area per priority, numbered 1, with no outcome text).
fn merged_hierarchy(t: &Table, r: usize, cols: &Columns, plan: &mut Plan, pats: &Patterns) {
    if let Some(text) = starts_here(t, r, cols.col(Role::Priority)) {
        let (number, title) = numbered(pats.priority, &text, "title")
            .unwrap_or_else(|| (next_number(plan.priorities.iter().map(|p| p.number)), text));
        plan.priorities.push(Priority {
            number,
            label: None,
            title,
            improvement_areas: Vec::new(),
        });
        if cols.col(Role::Area).is_none() {
            if let Some(p) = plan.priorities.last_mut() {
                p.improvement_areas.push(Area {
                    number: 1,
                    label: None,
                    outcome: String::new(),
                    actions: Vec::new(),
                });
            }
        }
    }
    if let Some(text) = starts_here(t, r, cols.col(Role::Area)) {
        if plan.priorities.is_empty() {
            plan.priorities.push(Priority {
                number: 1,
                label: None,
                title: String::new(),
                improvement_areas: Vec::new(),
            });
        }
        if let Some(p) = plan.priorities.last_mut() {
            let (number, outcome) = numbered(pats.area, &text, "outcome").unwrap_or_else(|| {
                (
                    next_number(p.improvement_areas.iter().map(|a| a.number)),
                    text,
                )
            });
            p.improvement_areas.push(Area {
                number,
                label: None,
                outcome,
                actions: Vec::new(),
            });
        }
    }
}

fn next_number(numbers: impl Iterator<Item = u32>) -> u32 {
    numbers.max().unwrap_or(0).saturating_add(1)
}

/// A row of a plan table the model could not place.
#[derive(Debug, Clone, PartialEq)]
pub struct Unplaced {
    /// The page.
    pub page: u32,
    /// What the row was.
    pub row: UnplacedRow,
}

/// The kinds of plan rows the model cannot place, each with the text that says what it was.
#[derive(Debug, Clone, PartialEq)]
pub enum UnplacedRow {
    /// A full-width row after an area that already has content, neither a priority nor an
    /// area.
    FullWidth {
        /// Its text, whitespace collapsed.
        text: String,
    },
    /// A full-width row before any priority.
    FullWidthBeforePriority {
        /// Its text, whitespace collapsed.
        text: String,
    },
    /// A row whose number cell holds no action number.
    NoActionNumber {
        /// The number cell's text.
        number: String,
    },
    /// An action before any improvement area.
    ActionBeforeArea {
        /// The action's number.
        number: String,
    },
}

impl std::fmt::Display for UnplacedRow {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            UnplacedRow::FullWidth { text } => write!(
                f,
                "a full-width row that is neither a priority nor an area: {text:?}"
            ),
            UnplacedRow::FullWidthBeforePriority { text } => {
                write!(f, "a full-width row before any priority: {text:?}")
            }
            UnplacedRow::NoActionNumber { number } => {
                write!(f, "a row whose number cell is {number:?}")
            }
            UnplacedRow::ActionBeforeArea { number } => {
                write!(f, "action {number} before any improvement area")
            }
        }
    }
}

/// Build plans from tables. `caption` gives the text printed just above a table (page, top
/// of the table), used for the plan's title and version.
pub fn plans(
    tables: &[Table],
    caption: &dyn Fn(u32, f64) -> Option<String>,
    profile: &Profile,
) -> (Vec<Plan>, Vec<Unplaced>) {
    let pats = Patterns::new(profile);
    let mut out: Vec<Plan> = Vec::new();
    let mut unplaced = Vec::new();
    let mut last_columns: Option<Vec<String>> = None;
    for t in tables {
        let Some((hr, cols)) = header(t, profile) else {
            continue;
        };
        let continues = last_columns.as_ref() == Some(&cols.headings) && !out.is_empty();
        if !continues {
            let first_page = t.pages.first().copied().unwrap_or(0);
            let cap = caption(first_page, t.bbox.top).unwrap_or_default();
            let (title, version, version_date) = match caption_re().captures(&cap) {
                Some(c) => (
                    c.get(1)
                        .map(|m| m.as_str().trim().to_string())
                        .unwrap_or_default(),
                    c.get(2).map(|m| m.as_str().to_string()),
                    c.get(3)
                        .map(|m| title_case(m.as_str()))
                        .filter(|s| !s.is_empty()),
                ),
                None => (cap.trim().to_string(), None, None),
            };
            out.push(Plan {
                title,
                version,
                version_date,
                columns: cols.headings.clone(),
                pages: [first_page, first_page],
                priorities: Vec::new(),
            });
            last_columns = Some(cols.headings.clone());
        }
        let Some(plan) = out.last_mut() else { continue };
        if let Some(&p) = t.pages.last() {
            plan.pages[1] = plan.pages[1].max(p);
        }
        let key = cols.col(Role::Number).unwrap_or(0);
        for r in hr + 1..t.n_rows {
            let cells = t.row_cells(r);
            let page = t.rows.get(r).and_then(|p| p.first()).map_or(0, |p| p.page);
            let non_empty: Vec<&&Cell> = cells.iter().filter(|c| !c.is_empty()).collect();
            if non_empty.is_empty() {
                continue;
            }
            let full = non_empty.len() == 1
                && non_empty.first().is_some_and(|c| c.col_span * 2 > t.n_cols);
            if full {
                let Some(cell) = non_empty.first() else {
                    continue;
                };
                let text = cell.text().split_whitespace().collect::<Vec<_>>().join(" ");
                if let Some((number, title)) = numbered(pats.priority, &text, "title") {
                    plan.priorities.push(Priority {
                        number,
                        label: None,
                        title,
                        improvement_areas: Vec::new(),
                    });
                } else if let (Some((number, _)), Some(p)) = (
                    numbered(pats.area, &text, "outcome"),
                    plan.priorities.last_mut(),
                ) {
                    p.improvement_areas.push(Area {
                        number,
                        label: None,
                        outcome: area_outcome(cell, pats.area),
                        actions: Vec::new(),
                    });
                } else if let Some(a) = plan
                    .priorities
                    .last_mut()
                    .and_then(|p| p.improvement_areas.last_mut())
                {
                    if a.outcome.is_empty() && a.actions.is_empty() {
                        a.outcome = text;
                    } else {
                        unplaced.push(Unplaced {
                            page,
                            row: UnplacedRow::FullWidth { text },
                        });
                    }
                } else {
                    unplaced.push(Unplaced {
                        page,
                        row: UnplacedRow::FullWidthBeforePriority { text },
                    });
                }
                continue;
            }
            let number = t.cell_at(r, key).map(|c| c.text()).unwrap_or_default();
            let Some(num) = pats.action_number(&number) else {
                unplaced.push(Unplaced {
                    page,
                    row: UnplacedRow::NoActionNumber { number },
                });
                continue;
            };
            let act = action(t, r, &cols, num, profile);
            merged_hierarchy(t, r, &cols, plan, &pats);
            match plan
                .priorities
                .last_mut()
                .and_then(|p| p.improvement_areas.last_mut())
            {
                Some(area) => area.actions.push(act),
                None => unplaced.push(Unplaced {
                    page,
                    row: UnplacedRow::ActionBeforeArea { number: act.number },
                }),
            }
        }
    }
    (out, unplaced)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_from_ordinary_headers() {
        assert_eq!(role_of("Risk RAG rating"), Some(Role::Rag));
        assert_eq!(
            role_of("Actions and Timescales for work"),
            Some(Role::Timescales)
        );
        assert_eq!(role_of("Lead officer"), Some(Role::Lead));
        assert_eq!(role_of("Success indicators"), Some(Role::Success));
        assert_eq!(role_of("Impact and evidence"), Some(Role::Impact));
        assert_eq!(role_of("Specific action"), Some(Role::SpecificAction));
        assert_eq!(role_of("Ref"), Some(Role::Number));
        assert_eq!(role_of("Planning"), None);
    }

    #[test]
    fn captions_give_title_version_and_date() {
        let c = caption_re()
            .captures("MSCB priority safeguarding objectives 2014 – 2017 Action and Improvement Plan VERSION 4 – JUNE 2015")
            .unwrap();
        assert_eq!(
            &c[1],
            "MSCB priority safeguarding objectives 2014 – 2017 Action and Improvement Plan"
        );
        assert_eq!(&c[2], "4");
        assert_eq!(title_case(&c[3]), "June 2015");
    }
}
