//! A whole board paper from what the earlier stages prepared: the plans read from the joined
//! tables, the covering report from the laid-out pages, and every warning in page order. The
//! pipeline ([`crate::pipeline`]) runs the stages; this is the last one.

use serde::{Deserialize, Serialize};

use super::model::Plan;
use super::profile::Profile;
use super::report::{self, Meeting, Report};
use super::PaperSettings;
use crate::layout::PageText;
use crate::table;
use crate::warning::Warning;

/// A board paper as data (the document `extract` writes; its JSON Schema is
/// `schemas/paper.schema.json`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Paper {
    /// The input file's name (without folders).
    pub file: String,
    /// The PDF's /Producer, as written.
    pub producer: Option<String>,
    /// The PDF's /Creator (the program the document was written in), as written.
    #[serde(default)]
    pub creator: Option<String>,
    /// Page count.
    pub pages: u32,
    /// The meeting the report went to.
    pub meeting: Option<Meeting>,
    /// The covering report.
    pub report: Option<Report>,
    /// The action plans.
    pub plans: Vec<Plan>,
    /// Everything that could not be read or placed, with its page.
    pub warnings: Vec<Warning>,
}

/// Where a paper came from, as its PDF records it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Source {
    /// The input file's name (without folders).
    pub file: String,
    /// The PDF's /Producer.
    pub producer: Option<String>,
    /// The PDF's /Creator.
    pub creator: Option<String>,
    /// Page count.
    pub pages: u32,
}

/// Read the plans in `tables` and the covering report on `pages`, and make the paper.
/// `warnings` are the earlier stages' (document, pages, tables), in page order; the plans'
/// unplaced rows and a `no_plan_found` warning follow them.
pub fn read(
    source: Source,
    pages: &[PageText],
    tables: &[table::Table],
    mut warnings: Vec<Warning>,
    profile: &Profile,
    settings: &PaperSettings,
) -> Paper {
    let first_page = pages.iter().map(|p| p.number).min();
    // The covering report ends where the plan starts: with that page guessed from the tables'
    // headers, the report is read on a second thread while the plans are read (a wrong guess
    // is read again). Around a plan on the first page the report is read around the tables
    // the plan likely holds ([`likely_plan_boxes`]): if the plans hold other tables, it is
    // read again around theirs.
    let (reading, early) = rayon::join(
        || super::reading(pages, tables, profile, settings, false),
        || {
            let guess = super::plan::likely_start(tables, profile, settings);
            if let Some(start) = guess.filter(|&g| Some(g) == first_page) {
                let rows = report::rows(pages, None, settings);
                let boxes = likely_plan_boxes(start, tables, settings);
                let read = report::read_rows_around(rows.clone(), pages, &boxes, settings);
                Early::Rows(rows, Box::new((boxes, read)))
            } else {
                let read = report::read_report(pages, guess, settings);
                // Its sections may carry on past the plan: the rows to read around it.
                let around =
                    report::last_section(&read).map(|_| report::rows(pages, None, settings));
                Early::Report(guess, Box::new(read), around)
            }
        },
    );
    let (plans, unplaced) = (reading.plans, reading.unplaced);
    let plan_start = plans.iter().filter_map(|p| p.pages.first().copied()).min();
    let (meeting, report) = if plan_start.is_some() && plan_start == first_page {
        // A plan printed inside the report (a table in one of its sections): the report is
        // read around the plan's tables.
        let boxes = plan_table_boxes(&plans, tables, settings);
        let (meeting, report) = match early {
            Early::Rows(_, read) if read.0 == boxes => read.1,
            Early::Rows(rows, _) | Early::Report(_, _, Some(rows)) => {
                report::read_rows_around(rows, pages, &boxes, settings)
            }
            Early::Report(_, _, None) => report::read_rows_around(
                report::rows(pages, None, settings),
                pages,
                &boxes,
                settings,
            ),
        };
        // A form or a bare table with a few labels around it is no covering report: one has
        // a title, front matter or a summary.
        let covering = report.as_ref().is_some_and(|r| {
            r.title.is_some()
                || !r.report_from.is_empty()
                || r.author.is_some()
                || r.summary.is_some()
        });
        if covering {
            (meeting, report)
        } else {
            (None, None)
        }
    } else {
        // A plan starting on a later page may stand inside the report's body: the report
        // is then read around it when its sections carry on after it.
        let (read, rows) = match early {
            Early::Report(guess, read, rows) if guess == plan_start => (*read, rows),
            Early::Report(_, _, rows) => (report::read_report(pages, plan_start, settings), rows),
            Early::Rows(rows, _) => (report::read_report(pages, plan_start, settings), Some(rows)),
        };
        report::carried_past_plan(read, || {
            let boxes = plan_table_boxes(&plans, tables, settings);
            let rows = rows.unwrap_or_else(|| report::rows(pages, None, settings));
            report::read_rows_around(rows, pages, &boxes, settings)
        })
    };
    let mut report = report;
    let rejected = report
        .as_mut()
        .and_then(|r| r.title_rejected.take())
        .map(|t| super::warning::Warning {
            page: t.page,
            kind: super::warning::WarningKind::TitleRejected {
                text: t.text,
                reason: t.reason,
            },
        });
    let unplaced = unplaced
        .into_iter()
        .map(super::warning::Warning::from)
        .chain(rejected);
    warnings.extend(
        unplaced
            .chain(no_plan_found(&plans, &reading.explain, tables, settings))
            .map(Warning::from),
    );
    Paper {
        file: source.file,
        producer: source.producer,
        creator: source.creator,
        pages: source.pages,
        meeting,
        report,
        plans,
        warnings,
    }
}

/// What is read of the covering report while the plans are, by the page the plan likely
/// starts on ([`super::plan::likely_start`]).
enum Early {
    /// A plan on the first page: the report's rows, to be read around its tables, and what
    /// they read around the tables it likely holds.
    Rows(report::ReportRows, Box<AroundGuess>),
    /// A plan starting later, or none: the report read up to that page, and the rows to read
    /// around the plan when the report's sections may carry on past it.
    Report(
        Option<u32>,
        Box<(Option<Meeting>, Option<Report>)>,
        Option<report::ReportRows>,
    ),
}

/// The boxes the report was read around before the plans were known, and what it read.
type AroundGuess = (Vec<table::Part>, (Option<Meeting>, Option<Report>));

/// Where the plans' tables are printed: every row's box on every page, for tables on the
/// plans' pages wide enough to be a plan (a two-column front sheet is the report's) and for
/// any table that holds a plan's action, however narrow.
fn plan_table_boxes(
    plans: &[Plan],
    tables: &[table::Table],
    settings: &PaperSettings,
) -> Vec<table::Part> {
    let on_plan = |page: u32| {
        plans
            .iter()
            .any(|p| (p.pages[0]..=p.pages[1]).contains(&page))
    };
    table_boxes(tables, settings, on_plan, |part| holds_action(plans, part))
}

/// [`plan_table_boxes`] as it likely comes out before the plans are read: one plan from
/// `start` to the last page of a table wide enough to be a plan, holding no narrower table.
fn likely_plan_boxes(
    start: u32,
    tables: &[table::Table],
    settings: &PaperSettings,
) -> Vec<table::Part> {
    let end = tables
        .iter()
        .filter(|t| t.n_cols >= settings.min_plan_columns)
        .flat_map(|t| t.pages.iter().copied())
        .max()
        .unwrap_or(start);
    table_boxes(
        tables,
        settings,
        |page| (start..=end).contains(&page),
        |_| false,
    )
}

/// Every row box of the tables wide enough to be a plan on a page `on_plan` accepts, and of
/// the tables with a row `holds_action`.
fn table_boxes(
    tables: &[table::Table],
    settings: &PaperSettings,
    on_plan: impl Fn(u32) -> bool,
    holds_action: impl Fn(&table::Part) -> bool,
) -> Vec<table::Part> {
    tables
        .iter()
        .filter(|t| {
            (t.n_cols >= settings.min_plan_columns && t.pages.iter().any(|p| on_plan(*p)))
                || t.rows.iter().flatten().any(&holds_action)
        })
        .flat_map(|t| t.rows.iter().flatten().cloned())
        .collect()
}

/// Whether a table row's box on a page overlaps the box of one of the plans' actions.
fn holds_action(plans: &[Plan], part: &table::Part) -> bool {
    plans
        .iter()
        .flat_map(|p| &p.priorities)
        .flat_map(|p| &p.improvement_areas)
        .flat_map(|a| &a.actions)
        .flat_map(|a| &a.rows)
        .any(|r| r.page == part.page && r.bbox.intersection(&part.bbox).is_some())
}

/// A warning when the document has tables but no plan was recognised in them, naming every
/// candidate table (as many columns and rows as a plan needs) and why it was refused, rather
/// than an empty plan list in silence.
fn no_plan_found(
    plans: &[Plan],
    explain: &super::plan::Explain,
    tables: &[table::Table],
    settings: &PaperSettings,
) -> Option<super::warning::Warning> {
    if !plans.is_empty() {
        return None;
    }
    let candidates: Vec<(&table::Table, &super::plan::TableExplain)> = tables
        .iter()
        .zip(&explain.tables)
        .filter(|(t, _)| {
            t.n_cols >= settings.min_plan_columns && t.n_rows >= settings.min_plan_rows
        })
        .collect();
    let (t, _) = candidates.iter().max_by_key(|(t, _)| t.n_rows * t.n_cols)?;
    let page = t.pages.first().copied().unwrap_or(1);
    let headers: Vec<String> = t
        .row_cells(0)
        .iter()
        .map(|c| c.text().split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    let refusals = candidates
        .iter()
        .map(|(t, e)| {
            format!(
                "page {} ({} rows x {} columns): {}",
                e.page(),
                t.n_rows,
                t.n_cols,
                e.verdict
            )
        })
        .collect();
    Some(super::warning::Warning {
        page,
        kind: super::warning::WarningKind::NoPlanFound {
            rows: t.n_rows,
            columns: t.n_cols,
            headers,
            refusals,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::Settings;

    /// On a plan printed from its first page in one wide table (plan V3), the tables the report
    /// is read around before the plans are known are the plans' own: that early reading is
    /// kept, not done again after the plans.
    #[test]
    fn the_plans_tables_are_guessed_on_a_plan_from_the_first_page() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures/mscb/mscb-plan-v3-2015-03.pdf");
        let settings = Settings::default();
        let doc = crate::pipeline::open(&path, None, &settings).unwrap_or_else(|e| panic!("{e}"));
        let paper = crate::pipeline::read(&doc, &settings).unwrap_or_else(|e| panic!("{e}"));
        let numbers: Vec<u32> = (1..=doc.page_count()).collect();
        let (tables, _) =
            crate::pipeline::tables(&doc, &numbers, &settings).unwrap_or_else(|e| panic!("{e}"));
        let start = super::super::plan::likely_start(&tables, &settings.profile, &settings.paper);
        assert_eq!(start, Some(1));
        let boxes = plan_table_boxes(&paper.plans, &tables, &settings.paper);
        assert!(!boxes.is_empty());
        assert_eq!(likely_plan_boxes(1, &tables, &settings.paper), boxes);
    }
}
