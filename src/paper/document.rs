//! A whole board paper: open → pages → words → tables → report and plans, with every
//! warning on the way.

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::model::Plan;
use super::profile::Profile;
use super::report::{self, Meeting, Report};
use crate::layout;
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

/// Pages whose glyphs [`read`] keeps once their words and tables are found. The covering
/// report and the plans' captions are read from glyphs, and both come first in a paper; later
/// pages keep their tables, rules and fills but not their glyphs (most of a page's memory), so
/// memory stays flat as a plan grows. A later page whose glyphs turn out to be needed is
/// interpreted again.
const GLYPH_PAGES_KEPT: u32 = 40;

/// A table with fewer columns is not taken for an unrecognised plan.
const MIN_PLAN_COLUMNS: usize = 4;

/// Read a whole document. Pages are interpreted, laid out and searched for tables in
/// parallel, one page at a time; the result is the same as [`read_pages`] on every page. A
/// document with no text on any page is an error ([`pdf::Error::NoTextLayer`]: it needs OCR);
/// pages with images and no text in an otherwise readable document are warnings of kind
/// `no_text_layer`.
pub fn read(doc: &Document) -> Result<Paper, pdf::Error> {
    read_with(doc, &Profile::default())
}

/// [`read`] for a plan template described by a profile.
pub fn read_with(doc: &Document, profile: &Profile) -> Result<Paper, pdf::Error> {
    read_keeping(doc, GLYPH_PAGES_KEPT, profile)
}

/// [`read_with`], keeping the glyphs of pages up to `kept` only.
fn read_keeping(doc: &Document, kept: u32, profile: &Profile) -> Result<Paper, pdf::Error> {
    warm_patterns();
    let settings = table::Settings::default();
    let ls = layout::Settings::default();
    let numbers: Vec<u32> = (1..=doc.page_count()).collect();
    let laid: Vec<(PagePrimitives, table::PageTables, bool)> = numbers
        .par_iter()
        .map(|&n| {
            let mut page = doc.page(n)?;
            let words = layout::words(&page.glyphs, &ls);
            let found = table::page_tables(&page, &words, &settings);
            let had_text = !page.glyphs.is_empty();
            if n > kept {
                page.glyphs = Vec::new();
            }
            Ok((page, found, had_text))
        })
        .collect::<Result<_, pdf::Error>>()?;
    let mut pages = Vec::with_capacity(laid.len());
    let mut page_lists = Vec::with_capacity(laid.len());
    let mut table_warnings = Vec::new();
    let mut any_text = false;
    for (page, found, had_text) in laid {
        any_text |= had_text;
        pages.push(page);
        table_warnings.extend(found.warnings);
        page_lists.push(found.tables);
    }
    if !any_text {
        // No glyph was dropped, so the pages are whole for this check.
        pdf::require_text(doc.name(), &pages)?;
    }
    let tables = table::continuation::join(page_lists, &settings);
    // Captions are read above the first page of a plan's table.
    let captions: Vec<u32> = tables
        .iter()
        .filter_map(|t| t.pages.first().copied())
        .collect();
    restore_glyphs(doc, &mut pages, kept, |p| captions.contains(&p.info.number))?;
    let (plans, unplaced) = super::read_plans_with(&pages, &tables, profile);
    let plan_start = plans.iter().map(|p| p.pages[0]).min();
    // The report's pages, as `report::read_report` chooses them.
    let landscape = |p: &PagePrimitives| p.info.width > p.info.height;
    let first_landscape = pages.first().map(landscape);
    let report_end = match plan_start {
        Some(first) => first,
        None => pages
            .iter()
            .find(|p| Some(landscape(p)) != first_landscape)
            .map_or(u32::MAX, |p| p.info.number),
    };
    restore_glyphs(doc, &mut pages, kept, |p| p.info.number < report_end)?;
    let (meeting, report) = report::read_report(&pages, plan_start);
    let paper = paper(
        doc,
        &pages,
        plans,
        unplaced,
        (meeting, report),
        (&tables, &table_warnings),
    );
    // Freeing the kept glyphs (one string each) is a tenth of the work for a short paper:
    // share it out too.
    pages.into_par_iter().for_each(drop);
    Ok(paper)
}

/// Compile the milestone patterns (about 6% of the instructions of a one-file `extract`) on a
/// worker while the first document's pages are interpreted, not afterwards on the critical
/// path. Once per process; `milestone::parse` waits for them if they are not ready yet.
fn warm_patterns() {
    static WARM: std::sync::Once = std::sync::Once::new();
    WARM.call_once(|| {
        rayon::spawn(|| {
            // A date at the end, and none (the pattern for dates inside the text).
            let _ = super::milestone::parse("Report – Complete – October 2014");
            let _ = super::milestone::parse("Complete");
        })
    });
}

/// Interpret again the pages past `kept` that `wanted` picks, for their glyphs.
fn restore_glyphs(
    doc: &Document,
    pages: &mut [PagePrimitives],
    kept: u32,
    wanted: impl Fn(&PagePrimitives) -> bool + Sync,
) -> Result<(), pdf::Error> {
    pages
        .par_iter_mut()
        .filter(|p| p.info.number > kept && wanted(p))
        .try_for_each(|p| {
            p.glyphs = doc.page(p.info.number)?.glyphs;
            Ok(())
        })
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
    let report = report::read_report(pages, plan_start);
    paper(
        doc,
        pages,
        plans,
        unplaced,
        report,
        (&tables, &table_warnings),
    )
}

/// A warning when the document has tables but no plan was recognised in them (a plan whose
/// headers no synonym knows needs a profile), rather than an empty plan list in silence.
fn no_plan_found(plans: &[Plan], tables: &[table::Table]) -> Option<super::warning::Warning> {
    if !plans.is_empty() {
        return None;
    }
    let t = tables
        .iter()
        .filter(|t| t.n_cols >= MIN_PLAN_COLUMNS && t.n_rows >= 3)
        .max_by_key(|t| t.n_rows * t.n_cols)?;
    let page = t.pages.first().copied().unwrap_or(1);
    let headers: Vec<String> = t
        .row_cells(0)
        .iter()
        .map(|c| c.text().split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    Some(super::warning::Warning {
        page,
        kind: super::warning::WarningKind::NoPlanFound {
            rows: t.n_rows,
            columns: t.n_cols,
            headers,
        },
    })
}

/// The paper from what the stages found, with every warning in page order.
fn paper(
    doc: &Document,
    pages: &[PagePrimitives],
    plans: Vec<Plan>,
    unplaced: Vec<super::plan::Unplaced>,
    (meeting, report): (Option<Meeting>, Option<Report>),
    (tables, table_warnings): (&[table::Table], &[table::Warning]),
) -> Paper {
    let mut warnings: Vec<Warning> = doc.warnings().iter().map(Warning::from).collect();
    warnings.extend(pages.iter().flat_map(|p| &p.warnings).map(Warning::from));
    warnings.extend(table_warnings.iter().map(Warning::from));
    let unplaced = unplaced.into_iter().map(super::warning::Warning::from);
    warnings.extend(
        unplaced
            .chain(no_plan_found(&plans, tables))
            .map(Warning::from),
    );
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::OpenOptions;

    fn fixture(name: &str) -> Document {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures/mscb")
            .join(name);
        match Document::open(&path, &OpenOptions::default()) {
            Ok(d) => d,
            Err(e) => panic!("{name}: {e}"),
        }
    }

    /// `read` drops glyphs early and interprets pages again when the report or a caption
    /// needs them; the paper must be the one `read_pages` gives from every page kept whole.
    #[test]
    fn reading_page_by_page_gives_the_same_paper() {
        for name in ["mscb-board-paper-2015-06.pdf", "mscb-plan-v3-2015-03.pdf"] {
            let doc = fixture(name);
            let pages: Vec<PagePrimitives> = (1..=doc.page_count())
                .map(|n| {
                    doc.page(n)
                        .unwrap_or_else(|e| panic!("{name} page {n}: {e}"))
                })
                .collect();
            let whole = read_pages(&doc, &pages);
            assert!(!whole.plans.is_empty(), "{name}: no plan");
            for kept in [0, 3, GLYPH_PAGES_KEPT] {
                let streamed = read_keeping(&doc, kept, &Profile::default())
                    .unwrap_or_else(|e| panic!("{name}: {e}"));
                assert_eq!(streamed, whole, "{name}, glyphs kept on {kept} pages");
            }
        }
    }
}
