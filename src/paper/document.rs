//! A whole board paper: open → pages → words → tables → report and plans, with every
//! warning on the way.

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::model::Plan;
use super::profile::Profile;
use super::report::{self, Meeting, Report};
use crate::pdf::{self, Document, PagePrimitives};
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

/// A table with fewer columns is not taken for an unrecognised plan.
const MIN_PLAN_COLUMNS: usize = 4;

/// Read a whole document. Pages are interpreted in parallel.
pub fn read(doc: &Document) -> Result<Paper, pdf::Error> {
    read_with(doc, &Profile::default())
}

/// [`read`] for a plan template described by a profile.
pub fn read_with(doc: &Document, profile: &Profile) -> Result<Paper, pdf::Error> {
    let numbers: Vec<u32> = (1..=doc.page_count()).collect();
    let pages: Vec<PagePrimitives> = numbers
        .par_iter()
        .map(|&n| doc.page(n))
        .collect::<Result<_, _>>()?;
    Ok(read_pages_with(doc, &pages, profile))
}

/// Read a document whose pages are already interpreted.
pub fn read_pages(doc: &Document, pages: &[PagePrimitives]) -> Paper {
    read_pages_with(doc, pages, &Profile::default())
}

/// [`read_pages`] for a plan template described by a profile.
pub fn read_pages_with(doc: &Document, pages: &[PagePrimitives], profile: &Profile) -> Paper {
    let (tables, table_warnings) = table::extract_pages(pages, &table::Settings::default());
    let (plans, unplaced) = super::read_plans_with(pages, &tables, profile);
    let plan_start = plans.iter().map(|p| p.pages[0]).min();
    let (meeting, report) = report::read_report(pages, plan_start);
    let mut warnings: Vec<Warning> = doc.warnings().iter().map(Warning::from).collect();
    warnings.extend(pages.iter().flat_map(|p| &p.warnings).map(Warning::from));
    warnings.extend(table_warnings.iter().map(Warning::from));
    warnings.extend(unplaced.into_iter().map(|u| Warning {
        page: Some(u.page),
        kind: "unplaced_row".into(),
        message: format!("page {}: {}", u.page, u.what),
    }));
    // Tables but no plan: say so, rather than return an empty plan list in silence (a plan
    // whose headers no synonym knows needs a profile).
    let widest = tables
        .iter()
        .filter(|t| t.n_cols >= MIN_PLAN_COLUMNS && t.n_rows >= 3)
        .max_by_key(|t| t.n_rows * t.n_cols);
    if let (true, Some(t)) = (plans.is_empty(), widest) {
        let page = t.pages.first().copied().unwrap_or(1);
        let headers: Vec<String> = t
            .row_cells(0)
            .iter()
            .map(|c| c.text().split_whitespace().collect::<Vec<_>>().join(" "))
            .collect();
        warnings.push(Warning {
            page: Some(page),
            kind: "no_plan_found".into(),
            message: format!(
                "page {page}: a table of {} rows and {} columns, but its headers {headers:?} \
                 name no plan columns; a profile (--profile) can name them",
                t.n_rows, t.n_cols
            ),
        });
    }
    let file = std::path::Path::new(doc.name())
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_else(|| doc.name().to_string());
    Paper {
        file,
        producer: doc.producer(),
        creator: doc.creator(),
        pages: doc.page_count(),
        meeting,
        report,
        plans,
        warnings,
    }
}
