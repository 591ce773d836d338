//! Tables → action plans, read from structure rather than one template's words. One named
//! step per file:
//!
//! - [`find`]: which tables are plans (a header naming an action column and who / when /
//!   status; body rows that read as actions; figures, contacts, glossaries refused);
//! - [`columns`]: each column's role by header phrase, checked against its content;
//! - [`rows`]: group rows and leading group columns → priorities, areas and a third level,
//!   by form in the order met; actions placed, continuations joined, empty rows skipped;
//! - [`action`], [`rag`]: one action row's fields, milestones and RAG entries;
//! - [`group`]: a group row's label, number and title;
//! - [`caption`]: a plan's title and version;
//! - [`explain`]: why each table, column and row was read as it was.

mod action;
mod caption;
mod columns;
pub mod explain;
mod find;
mod group;
mod rag;
mod rows;
mod text;

use super::model::Plan;
use super::profile::Profile;
use super::PaperSettings;
use crate::table::Table;
pub use caption::{above as caption_above, Above};
pub use explain::{Explain, TableExplain, Verdict};
pub use rag::{is_coloured as rag_colour, TextColour};

/// What the steps share: the profile, the tolerances, and how to ask a text's colour.
pub struct Context<'a> {
    /// The template's profile (the default one changes nothing).
    pub profile: &'a Profile,
    /// Tolerances.
    pub settings: &'a PaperSettings,
    /// The colour of the text printed in a box.
    pub text_colour: TextColour<'a>,
}

/// The plans of a document's tables, the rows that could not be placed, and the reader's
/// account (per table always; per row and column when asked).
#[derive(Debug, Clone, Default)]
pub struct Reading {
    /// The plans, in document order.
    pub plans: Vec<Plan>,
    /// Rows the model could not place.
    pub unplaced: Vec<Unplaced>,
    /// Why.
    pub explain: Explain,
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

/// Build plans from tables. `caption` gives what is printed just above a table (page, top
/// of the table): the caption, used for the plan's title and version when no title row is
/// printed inside it, and a group heading over the table, which opens that group. With
/// `detail`, the account holds each column and row too.
pub fn plans(
    tables: &[Table],
    caption: &dyn Fn(u32, f64) -> Above,
    cx: &Context,
    detail: bool,
) -> Reading {
    let mut out = Reading::default();
    let mut state = rows::State::default();
    let mut last_columns: Option<Vec<String>> = None;
    for t in tables {
        let mut account = TableExplain {
            pages: t.pages.clone(),
            size: (t.n_rows, t.n_cols),
            verdict: Verdict::Plan,
            header_row: None,
            columns: Vec::new(),
            rows: Vec::new(),
        };
        let (hr, cols) = match find::plan_header(t, cx) {
            Ok(found) => found,
            Err(why) => {
                account.verdict = Verdict::Refused(why);
                out.explain.tables.push(account);
                continue;
            }
        };
        account.header_row = Some(hr);
        if detail {
            account.columns = cols
                .list
                .iter()
                .map(|c| explain::ColumnExplain {
                    heading: c.heading.clone(),
                    role: c.col.name(),
                    evidence: c.evidence.clone(),
                })
                .collect();
        }
        let headings = cols.headings();
        let continues = last_columns.as_ref() == Some(&headings) && !out.plans.is_empty();
        let first_page = t.pages.first().copied().unwrap_or(0);
        let above = caption(first_page, t.bbox.top);
        if continues {
            account.verdict = Verdict::Continues;
        } else {
            let cap = caption::inside(t, hr, cx.settings)
                .or_else(|| above.caption.clone())
                .unwrap_or_default();
            let (title, version, version_date) = caption::read(&cap);
            out.plans.push(Plan {
                title,
                version,
                version_date,
                columns: headings.clone(),
                pages: [first_page, first_page],
                priorities: Vec::new(),
            });
            state = rows::State::default();
            last_columns = Some(headings);
        }
        let Some(plan) = out.plans.last_mut() else {
            continue;
        };
        if let Some(&p) = t.pages.last() {
            plan.pages[1] = plan.pages[1].max(p);
        }
        let mut why = detail.then(Vec::new);
        if let Some(heading) = &above.group {
            if let Some(level) = rows::open_heading(plan, &mut state, heading) {
                if let Some(w) = why.as_mut() {
                    w.push(explain::RowExplain {
                        row: 0,
                        page: first_page,
                        reading: format!(
                            "the heading over the table opens group level {} ({}): {heading:?}",
                            level + 1,
                            rows::level_name(level)
                        ),
                    });
                }
            }
        }
        rows::read(
            t,
            hr,
            &cols,
            plan,
            &mut state,
            cx,
            &mut out.unplaced,
            &mut why,
        );
        account.rows = why.unwrap_or_default();
        out.explain.tables.push(account);
    }
    out
}
