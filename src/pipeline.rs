//! The one way a paper is read, as named steps:
//!
//! 1. **open** the PDF ([`pdf::Document`], with the limits of [`Settings::limits`]);
//! 2. per page, in parallel: **interpret** it into primitives ([`pdf`]), **lay out** its words
//!    and lines once ([`layout::PageText`]), **find tables** in its rules, fills and words
//!    ([`table::page_tables`]); then the glyphs are dropped — later steps read the laid-out
//!    text and the tables only — and past the first [`crate::paper::PaperSettings::full_text_pages`]
//!    pages the text inside tables is dropped too (the cells hold it), so memory stays flat
//!    as a plan grows — the text inside a table found only as a continuation is dropped at
//!    the join, and only when it continues a table (else no table holds it);
//! 3. check that the document has a **text layer** at all (a scan needs OCR);
//! 4. **join** tables across pages ([`table::join`]);
//! 5. the **paper**: plans from the tables, the covering report from the text, every warning
//!    in page order ([`paper::document::read`]).
//!
//! [`tables`] runs steps 2–4 alone for the `tables` command.

use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use crate::geom::Rect;
use crate::layout::PageText;
use crate::paper;
use crate::paper::document::{self, Paper, Source};
use crate::pdf::{self, Document, OpenOptions, PagePrimitives};
use crate::settings::Settings;
use crate::table::{self, PageTable, Table};
use crate::warning::Warning;

/// A step of the pipeline, as an [`Observer`] hears of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Step {
    /// A page's content was interpreted into primitives.
    Interpret,
    /// A page's glyphs were laid out into words and lines.
    LayOut,
    /// A page's tables were found.
    FindTables,
    /// Every page has been begun (heard once, with the page begun last, before it is read):
    /// from now on a thread that runs out of pages has nothing to do until the join.
    AllBegun,
    /// The pages' tables were joined across pages: every page has been read (heard once, with
    /// the last page asked for).
    Join,
}

/// Hears of each step done on each page, of the last page's start and of the join after them
/// (for tests, progress and work that waits for the pages); steps of different pages arrive
/// from several threads.
pub trait Observer: Sync {
    /// `step` was done on page `page` (1-based).
    fn step(&self, step: Step, page: u32);
}

/// The observer that hears nothing.
#[derive(Debug, Clone, Copy, Default)]
pub struct Unobserved;

impl Observer for Unobserved {
    fn step(&self, _: Step, _: u32) {}
}

/// Open a PDF with the settings' limits (and a password, for an encrypted file).
pub fn open(
    path: &std::path::Path,
    password: Option<String>,
    settings: &Settings,
) -> Result<Document, pdf::Error> {
    Document::open(path, &open_options(password, settings))
}

fn open_options(password: Option<String>, settings: &Settings) -> OpenOptions {
    OpenOptions {
        password,
        limits: settings.limits.clone(),
    }
}

/// Read a whole board paper. A document with no text on any page is an error
/// ([`pdf::Error::NoTextLayer`]: it needs OCR); pages with images and no text in an otherwise
/// readable document are warnings of kind `no_text_layer`.
pub fn read(doc: &Document, settings: &Settings) -> Result<Paper, pdf::Error> {
    read_observed(doc, settings, &Unobserved)
}

/// [`read`], telling `observer` of each step on each page.
pub fn read_observed(
    doc: &Document,
    settings: &Settings,
    observer: &dyn Observer,
) -> Result<Paper, pdf::Error> {
    let numbers: Vec<u32> = (1..=doc.page_count()).collect();
    read_numbered(doc, &numbers, settings, observer)
}

/// [`read`] on the pages `numbers` alone (1-based, in order): the paper those pages hold,
/// as when only they were printed. Pages outside the document are
/// [`pdf::Error::NoSuchPage`].
pub fn read_selected(
    doc: &Document,
    numbers: &[u32],
    settings: &Settings,
) -> Result<Paper, pdf::Error> {
    read_numbered(doc, numbers, settings, &Unobserved)
}

/// Steps 2–5 on the pages `numbers`.
fn read_numbered(
    doc: &Document,
    numbers: &[u32],
    settings: &Settings,
    observer: &dyn Observer,
) -> Result<Paper, pdf::Error> {
    let read = read_pages(doc, numbers, settings, observer, Warm::OnFirstTable)?;
    let mut warnings: Vec<Warning> = doc.warnings().iter().map(Warning::from).collect();
    warnings.extend(read.warnings);
    let source = Source {
        file: file_name(doc.name()),
        producer: doc.producer(),
        creator: doc.creator(),
        pages: doc.page_count(),
    };
    let paper = document::read(
        source,
        &read.texts,
        &read.tables,
        warnings,
        &settings.profile,
        &settings.paper,
    );
    // Freeing the laid-out words (a string each) is a tenth of the work for a short paper:
    // share it out too.
    read.texts.into_par_iter().for_each(drop);
    Ok(paper)
}

/// The tables of the pages `numbers` (1-based), joined across pages, with the warnings of the
/// pages and of the table finder (the document's own warnings are [`Document::warnings`]).
pub fn tables(
    doc: &Document,
    numbers: &[u32],
    settings: &Settings,
) -> Result<(Vec<Table>, Vec<Warning>), pdf::Error> {
    let read = read_pages(doc, numbers, settings, &Unobserved, Warm::No)?;
    Ok((read.tables, read.warnings))
}

/// The tables of pages interpreted elsewhere (a test, a fuzz target, a benchmark), by the same
/// per-page step and join as [`tables`].
pub fn tables_of(pages: &[PagePrimitives], settings: &Settings) -> (Vec<Table>, Vec<Warning>) {
    let per_page: Vec<PageRead> = pages
        .par_iter()
        .map(|p| PageRead::of(p, settings, &Unobserved))
        .collect();
    let read = Read::join(per_page, settings);
    (read.tables, read.warnings)
}

/// What is left of the pages for the paper: their text, their joined tables and the warnings
/// of pages and tables in page order.
struct Read {
    texts: Vec<PageText>,
    tables: Vec<Table>,
    warnings: Vec<Warning>,
}

/// Whether reading the pages starts the plan reader's warm-up ([`paper::warm_up`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Warm {
    /// Not: only the tables are wanted.
    No,
    /// On a spare thread, once a page shows a table: a plan is read from tables, and a paper
    /// of text alone seldom needs the plan reader's patterns (a one-page report never waits
    /// for them).
    OnFirstTable,
}

/// Steps 2–4 on the pages `numbers`.
fn read_pages(
    doc: &Document,
    numbers: &[u32],
    settings: &Settings,
    observer: &dyn Observer,
    warm: Warm,
) -> Result<Read, pdf::Error> {
    // Once per process: the patterns stay compiled for every later paper.
    static WARMING: std::sync::Once = std::sync::Once::new();
    // One page per job, so that a core that runs out of pages takes one from the other's
    // share: split into halves only as rayon does by default, a core read its share's last
    // pages alone while the other idled (timing marks: 2.4 ms of plan V3's 14.7 ms of pages).
    // The start of the last page is heard ([`Step::AllBegun`]): from then on the thread that
    // runs out of pages first waits for the other's last page, and work can be given it.
    let unbegun = AtomicUsize::new(numbers.len());
    let per_page: Vec<PageRead> = numbers
        .par_iter()
        .with_max_len(1)
        .map(|&n| {
            if unbegun.fetch_sub(1, Ordering::Relaxed) == 1 {
                observer.step(Step::AllBegun, n);
            }
            let page = doc.page(n)?;
            observer.step(Step::Interpret, n);
            let read = PageRead::of(&page, settings, observer);
            if warm == Warm::OnFirstTable && !read.tables.is_empty() {
                WARMING.call_once(|| rayon::spawn(paper::warm_up));
            }
            Ok(read)
        })
        .collect::<Result<_, pdf::Error>>()?;
    let layers: Vec<pdf::TextLayer> = per_page.iter().map(|p| p.layer).collect();
    pdf::require_text_layer(doc.name(), &layers)?;
    let read = Read::join(per_page, settings);
    observer.step(Step::Join, numbers.last().copied().unwrap_or(0));
    Ok(read)
}

/// One page after step 2: what later steps need of it, its glyphs gone.
struct PageRead {
    text: PageText,
    tables: Vec<PageTable>,
    /// The interpreter's warnings for the page.
    page_warnings: Vec<Warning>,
    /// The table finder's.
    table_warnings: Vec<Warning>,
    layer: pdf::TextLayer,
    /// Boxes of tables found only as a continuation, whose text is dropped at the join if
    /// they continue a table (past the full-text pages).
    maybe_dropped: Vec<Rect>,
}

impl PageRead {
    /// Lay the page out once and find its tables.
    fn of(page: &PagePrimitives, settings: &Settings, observer: &dyn Observer) -> PageRead {
        let n = page.info.number;
        let mut text = PageText::new(&page.info, &page.glyphs, &settings.layout);
        observer.step(Step::LayOut, n);
        let found = table::page_tables(page, &text.table_words(&settings.layout), &settings.table);
        observer.step(Step::FindTables, n);
        let mut maybe_dropped = Vec::new();
        if n > settings.paper.full_text_pages {
            let (maybe, sure): (Vec<&PageTable>, Vec<&PageTable>) =
                found.tables.iter().partition(|t| t.continuation_only);
            let boxes: Vec<Rect> = sure.iter().map(|t| t.bbox).collect();
            text.keep_lines_outside(&boxes);
            maybe_dropped = maybe.iter().map(|t| t.bbox).collect();
        }
        PageRead {
            text,
            tables: found.tables,
            page_warnings: page.warnings.iter().map(Warning::from).collect(),
            table_warnings: found.warnings.iter().map(Warning::from).collect(),
            layer: pdf::TextLayer::of(page),
            maybe_dropped,
        }
    }
}

impl Read {
    /// Step 4: join the pages' tables; the pages' own warnings come before the tables'.
    fn join(per_page: Vec<PageRead>, settings: &Settings) -> Read {
        let mut texts = Vec::with_capacity(per_page.len());
        let mut page_lists = Vec::with_capacity(per_page.len());
        let mut page_warnings = Vec::new();
        let mut table_warnings = Vec::new();
        let mut maybe = Vec::with_capacity(per_page.len());
        for p in per_page {
            texts.push(p.text);
            page_lists.push(p.tables);
            page_warnings.extend(p.page_warnings);
            table_warnings.extend(p.table_warnings);
            maybe.push(p.maybe_dropped);
        }
        let (tables, dropped) = table::join_warned(page_lists, &settings.table);
        drop_joined_text(&mut texts, maybe, &dropped);
        table_warnings.extend(dropped.iter().map(Warning::from));
        // In page order, as the pages' own are.
        table_warnings.sort_by_key(|w| w.page);
        page_warnings.extend(table_warnings);
        Read {
            texts,
            tables,
            warnings: page_warnings,
        }
    }
}

/// Past the full-text pages, drop the text inside each table found only as a continuation
/// (`maybe`, per page) that the join kept: its cells hold the text. One it left out (a
/// `continuation_dropped` warning in `dropped`) keeps its text on the page.
fn drop_joined_text(texts: &mut [PageText], maybe: Vec<Vec<Rect>>, dropped: &[table::Warning]) {
    for (text, boxes) in texts.iter_mut().zip(maybe) {
        let kept: Vec<Rect> = boxes
            .into_iter()
            .filter(|b| {
                !dropped.iter().any(|w| {
                    w.page == text.number
                        && matches!(&w.kind, table::WarningKind::ContinuationDropped { bbox, .. } if bbox == b)
                })
            })
            .collect();
        if !kept.is_empty() {
            text.keep_lines_outside(&kept);
        }
    }
}

/// A path's last component ("papers/a.pdf" → "a.pdf"), or the name as given.
fn file_name(name: &str) -> String {
    std::path::Path::new(name)
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_else(|| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;
    use std::sync::Mutex;

    /// Counts each step per page.
    #[derive(Default)]
    struct Counter(Mutex<BTreeMap<(Step, u32), usize>>);

    impl Observer for Counter {
        fn step(&self, step: Step, page: u32) {
            if let Ok(mut m) = self.0.lock() {
                *m.entry((step, page)).or_default() += 1;
            }
        }
    }

    /// On the board paper every page is interpreted once, laid out once and searched for
    /// tables once, the start of the last page and the join are heard once each, and the
    /// paper is the one `read` gives.
    #[test]
    fn every_page_is_interpreted_and_laid_out_once() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures/mscb/mscb-board-paper-2015-06.pdf");
        let settings = Settings::default();
        let doc = open(&path, None, &settings).unwrap_or_else(|e| panic!("{e}"));
        let counter = Counter::default();
        let paper = read_observed(&doc, &settings, &counter).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(paper.plans.len(), 1);
        assert!(paper.report.is_some());
        let counts = counter.0.into_inner().unwrap_or_default();
        for step in [Step::Interpret, Step::LayOut, Step::FindTables] {
            for page in 1..=doc.page_count() {
                assert_eq!(
                    counts.get(&(step, page)),
                    Some(&1),
                    "{step:?} on page {page}"
                );
            }
        }
        assert_eq!(counts.get(&(Step::Join, doc.page_count())), Some(&1));
        let begun: Vec<usize> = counts
            .iter()
            .filter(|((step, _), _)| *step == Step::AllBegun)
            .map(|(_, n)| *n)
            .collect();
        assert_eq!(begun, [1], "every page begun: heard once");
        assert_eq!(counts.len(), 3 * doc.page_count() as usize + 2);
    }

    /// Whether page `n`'s text, read from `read`, holds `words`.
    fn page_holds(read: &Read, n: u32, words: &str) -> bool {
        read.texts
            .iter()
            .filter(|t| t.number == n)
            .flat_map(|t| t.lines.iter())
            .any(|l| l.text().contains(words))
    }

    /// Past the full-text pages, the text of a table found only as a continuation stays on
    /// its page when it continues nothing (`writer-runs-on-no-header.pdf` page 2 read alone:
    /// rows under a cut row's remainder, left out with a warning), and goes, as any table's,
    /// when it continues the table of the page before (both pages read).
    #[test]
    fn a_dropped_continuation_keeps_its_text_on_the_page() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures/regression/writer-runs-on-no-header.pdf");
        let mut settings = Settings::default();
        settings.paper.full_text_pages = 0;
        let doc = open(&path, None, &settings).unwrap_or_else(|e| panic!("{e}"));
        let row = "Open a housing advice hub";
        let alone = read_pages(&doc, &[2], &settings, &Unobserved, Warm::No)
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(alone.tables.is_empty());
        assert!(alone
            .warnings
            .iter()
            .any(|w| w.code() == "continuation_dropped"));
        assert!(page_holds(&alone, 2, row));
        let both = read_pages(&doc, &[1, 2], &settings, &Unobserved, Warm::No)
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(both.tables.len(), 1);
        assert!(!page_holds(&both, 2, row));
    }

    /// Dropping the text inside tables past the first pages changes nothing on the MSCB
    /// papers, wherever the budget ends (their report pages hold no table; captions lie
    /// outside tables).
    #[test]
    fn the_full_text_budget_does_not_change_the_paper() {
        for name in ["mscb-board-paper-2015-06.pdf", "mscb-plan-v3-2015-03.pdf"] {
            let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("fixtures/mscb")
                .join(name);
            let settings = Settings::default();
            let doc = open(&path, None, &settings).unwrap_or_else(|e| panic!("{e}"));
            let whole = read(&doc, &settings).unwrap_or_else(|e| panic!("{e}"));
            assert!(!whole.plans.is_empty(), "{name}: no plan");
            for kept in [0, 3] {
                let mut s = settings.clone();
                s.paper.full_text_pages = kept;
                let paper = read(&doc, &s).unwrap_or_else(|e| panic!("{e}"));
                assert_eq!(paper, whole, "{name}, full text on {kept} pages");
            }
        }
    }
}
