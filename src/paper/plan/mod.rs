//! Tables → action plans, read from structure rather than one template's words. One named
//! step per file:
//!
//! - [`cards`]: an action printed as a card (a two-column table of labels and values) turned
//!   back into a row of a plan table;
//! - [`find`]: which tables are plans (a header naming an action column and who / when /
//!   status; body rows that read as actions; figures, contacts, glossaries refused);
//! - [`columns`]: each column's role by header phrase, checked against its content;
//! - [`rows`]: group rows and leading group columns → priorities, areas and a third level,
//!   by form in the order met; actions placed, continuations joined, empty rows skipped;
//! - [`action`], [`rag`]: one action row's fields, milestones and RAG entries;
//! - [`spans`]: a cell merged across several role columns, read once by the first;
//! - [`group`]: a group row's label, number and title;
//! - [`inline_number`]: whether action cells open with their reference;
//! - [`periods`]: milestones printed one column per period;
//! - [`narrative`]: a plan printed with no table ("Action 1.1: …" paragraphs and "Lead: …"
//!   lines) as the plan table it implies;
//! - [`caption`]: a plan's title and version;
//! - [`explain`]: why each table, column and row was read as it was.

mod action;
mod action_list;
mod caption;
mod card_grid;
mod cards;
mod columns;
pub mod explain;
mod find;
mod group;
mod inline_number;
mod leads;
mod mini_table;
pub mod narrative;
mod periods;
mod rag;
mod rows;
mod spans;
mod sub_rows;
mod subheader;
pub(crate) mod text;
pub mod title_page;

use super::model::Plan;
use super::profile::Profile;
use super::PaperSettings;
use crate::table::Table;
pub use caption::{above as caption_above, Above, Plain};
pub use explain::{Explain, TableExplain, Verdict};
pub use rag::{is_coloured as rag_colour, TextColour};
use rayon::prelude::*;
pub use text::Measure;

/// What the steps share: the profile, the tolerances, and how to ask a text's colour.
pub struct Context<'a> {
    /// The template's profile (the default one changes nothing).
    pub profile: &'a Profile,
    /// Tolerances.
    pub settings: &'a PaperSettings,
    /// The colour of the text printed in a box.
    pub text_colour: TextColour<'a>,
    /// The words printed in a box, each with its own box.
    pub measure: text::Measure<'a>,
    /// The document's title page, if its first page reads as one: the page, its caption and
    /// the date of its position line ([`title_page::read`]).
    pub title_page: Option<(u32, String, Option<String>)>,
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
    /// A cell of an action row merged across several role columns: read once, under the
    /// first role column it covers; the other roles it covers are left empty.
    MergedAcross {
        /// The heading of the column it is read under.
        read_as: String,
        /// The headings of the role columns it covers besides, left empty.
        left_empty: Vec<String>,
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
            UnplacedRow::MergedAcross {
                read_as,
                left_empty,
            } => write!(
                f,
                "a cell merged across columns is read once, under {read_as:?}; \
                 {left_empty:?} left empty"
            ),
        }
    }
}

/// Compile the plan reader's patterns and build its indexes now (see
/// [`crate::paper::warm_up`]).
pub(super) fn warm_up() {
    text::warm_up();
    group::warm_up();
    caption::warm_up();
    columns::warm_up();
}

/// The page a plan likely starts on, guessed before the plans are read: that of the first
/// table whose header names a plan ([`find::plan_header`]). The covering report, read up to
/// that page, can then be read while the plans are; the plans read have the last word (a
/// table with a plan's header may hold no plan, a plan may be printed with no table).
pub fn likely_start(tables: &[Table], profile: &Profile, settings: &PaperSettings) -> Option<u32> {
    // The header alone is read: no cell's colour or words are measured.
    let no_colour = |_: u32, _: crate::geom::Rect| None;
    let no_words = |_: u32, _: crate::geom::Rect| Vec::new();
    let cx = Context {
        profile,
        settings,
        text_colour: &no_colour,
        measure: &no_words,
        title_page: None,
    };
    tables
        .iter()
        .find(|t| find::plan_header(t, &cx).is_ok())
        .and_then(|t| t.pages.first().copied())
}

/// Build plans from tables. `caption` gives what is printed just above a table (page, top
/// of the table): the caption, used for the plan's title and version when no title row is
/// printed inside it, and a group heading over the table, which opens that group. With
/// `detail`, the account holds each column and row too.
pub fn plans(
    tables: &[Table],
    caption: &(dyn Fn(u32, f64) -> Above + Sync),
    cx: &Context,
    detail: bool,
) -> Reading {
    let mut out = Reading::default();
    // Action cards turned back into plan rows; the tables as they are when none is a card.
    let cards: Vec<Option<Table>> = tables.iter().map(|t| cards::transpose(t, cx)).collect();
    let turned: Vec<Table>;
    let tables = if cards.iter().any(Option::is_some) {
        turned = tables
            .iter()
            .zip(cards.iter())
            .map(|(t, c)| c.clone().unwrap_or_else(|| t.clone()))
            .collect();
        &turned[..]
    } else {
        tables
    };
    // Each table's header and the text above it, a table per task.
    let headers: Vec<_> = tables
        .par_iter()
        .map(|t| find::plan_header(t, cx))
        .collect();
    let aboves: Vec<Above> = tables
        .par_iter()
        .map(|t| caption(t.pages.first().copied().unwrap_or(0), t.bbox.top))
        .collect();
    let plain = plain_groups(&headers, &aboves, cx.settings.heading_size_ratio);
    let mut state = rows::State::default();
    let mut last_columns: Option<Vec<String>> = None;
    for (k, (t, found)) in tables.iter().zip(headers).enumerate() {
        let mut account = TableExplain {
            pages: t.pages.clone(),
            size: (t.n_rows, t.n_cols),
            verdict: Verdict::Plan,
            header_row: None,
            columns: Vec::new(),
            rows: Vec::new(),
        };
        let (hr, cols) = match found {
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
        let mut above = aboves.get(k).cloned().unwrap_or_default();
        // An unnumbered heading over each table of a plan printed one table per heading: the
        // table's group, the caption the title block above it.
        let mut plain_heading = None;
        if plain.get(k).copied().unwrap_or(false) {
            if let Some(p) = above.plain.take() {
                above.caption = p.caption;
                above.dated = p.dated;
                plain_heading = Some(p.text);
            }
        }
        let mut why = detail.then(Vec::new);
        if let (Some(w), Some(Some(_))) = (why.as_mut(), cards.get(k)) {
            w.push(explain::RowExplain {
                row: 0,
                page: first_page,
                reading: "an action card: its labels read as the header, its values as one action"
                    .into(),
            });
        }
        if continues {
            account.verdict = Verdict::Continues;
        } else {
            let (inside, inside_dated) = caption::inside(t, hr, cx.settings);
            let (cap, dated) = match inside {
                Some(cap) => (cap, inside_dated),
                None => (
                    above.caption.clone().unwrap_or_default(),
                    above.dated.clone(),
                ),
            };
            let (mut title, mut version, mut version_date) = caption::read(&cap);
            let mut dated = dated;
            // A generic heading ("Action plan") and no version: the title page before the
            // plan, with no table of its own, names it.
            if let Some((page, cap, page_dated)) = cx.title_page.as_ref().filter(|(page, ..)| {
                *page < first_page
                    && title_page::generic(&title)
                    && version.is_none()
                    && version_date.is_none()
                    && dated.is_none()
                    && tables.iter().all(|t| !t.pages.contains(page))
            }) {
                (title, version, version_date) = caption::read(cap);
                dated = page_dated.clone();
                if let Some(w) = why.as_mut() {
                    w.push(explain::RowExplain {
                        row: 0,
                        page: first_page,
                        reading: format!(
                            "the heading over the plan is generic: title from the title page (page {page}): {cap:?}"
                        ),
                    });
                }
            }
            // A colon ending the title led into the position cut from it ("… Plan 2025–28:
            // progress at December 2025").
            let title = title
                .trim_end()
                .trim_end_matches(':')
                .trim_end()
                .to_string();
            out.plans.push(Plan {
                title,
                version,
                version_date: version_date.or(dated),
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
        let opened = match (&above.group, &plain_heading) {
            (Some(heading), _) => {
                rows::open_heading(plan, &mut state, heading).map(|l| (l, heading))
            }
            (None, Some(heading)) => Some((rows::open_plain(plan, &mut state, heading), heading)),
            (None, None) => None,
        };
        if let (Some((level, heading)), Some(w)) = (opened, why.as_mut()) {
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

/// A heading as a running heading repeats it: lower case, a "continued" note left out
/// ("Action plan (continued)" is "Action plan" again).
fn running_key(text: &str) -> String {
    text.to_lowercase()
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty() && !matches!(*w, "continued" | "cont" | "contd" | "cont'd"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Which tables open a group with the unnumbered heading printed over them: in a run of plan
/// tables with one header (a plan printed one table per heading), every table after the
/// first whose heading directly over it is unnumbered, the headings of the run all distinct
/// (a running heading repeated over each page's part, "continued" or not, is no group); the first table too
/// when its heading is set as the second's (bold alike, of a size within `ratio`), else its
/// heading is the plan's title.
fn plain_groups<E>(
    headers: &[Result<(usize, columns::Columns), E>],
    aboves: &[Above],
    ratio: f64,
) -> Vec<bool> {
    let mut out = vec![false; headers.len()];
    // Runs of plan tables with one header, by index.
    let mut runs: Vec<Vec<usize>> = Vec::new();
    let mut last: Option<Vec<String>> = None;
    for (k, h) in headers.iter().enumerate() {
        let Ok((_, cols)) = h else { continue };
        let headings = cols.headings();
        match runs.last_mut() {
            Some(run) if last.as_ref() == Some(&headings) => run.push(k),
            _ => runs.push(vec![k]),
        }
        last = Some(headings);
    }
    for run in runs.iter().filter(|r| r.len() >= 2) {
        let heads: Vec<Option<&Plain>> = run
            .iter()
            .map(|&k| aboves.get(k).and_then(|a| a.plain.as_ref()))
            .collect();
        let (Some(first), Some(Some(second))) = (run.first(), heads.get(1)) else {
            continue;
        };
        let rest: Vec<&Plain> = heads.iter().skip(1).flatten().copied().collect();
        let distinct = |list: &[&Plain]| {
            list.iter().enumerate().all(|(i, a)| {
                list.iter()
                    .skip(i + 1)
                    .all(|b| running_key(&a.text) != running_key(&b.text))
            })
        };
        if rest.len() + 1 != run.len() || !distinct(&rest) {
            continue;
        }
        for &k in run.iter().skip(1) {
            if let Some(v) = out.get_mut(k) {
                *v = true;
            }
        }
        if let Some(Some(h)) = heads.first() {
            let mut all = rest.clone();
            all.push(h);
            if h.same_form(second, ratio) && distinct(&all) {
                if let Some(v) = out.get_mut(*first) {
                    *v = true;
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_continued_heading_is_the_heading_again() {
        assert_eq!(
            running_key("Action plan (continued)"),
            running_key("Action Plan")
        );
        assert_eq!(running_key("Action plan – cont'd"), "action plan");
        assert_ne!(
            running_key("Housing supply"),
            running_key("Housing standards")
        );
    }
}
