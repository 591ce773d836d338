//! Real council tables scored against truths typed from the page: each
//! `fixtures/kent/tables/*.json` names a PDF of `../shared/corpus/kent-cc-2025` (or
//! `$BOARDPAPER_CORPUS/kent-cc-2025`; skipped with a notice when absent, the PDFs are never
//! copied) and a page, with rows of cells as printed and the fill of some cells (the rendered
//! page's pixel colour). `benches/kent_tables.py` prints the same figures (and pdfplumber's).
//!
//! A truth row is matched to the row, among the tables on its page, holding most of its
//! cells; a cell with text is right when the cell in its column has the same text
//! (whitespace runs collapsed), a fill right when within [`FILL_TOLERANCE`] in every channel.

use boardpaper::pdf::{Document, OpenOptions};
use boardpaper::pipeline;
use boardpaper::settings::Settings;
use boardpaper::table::Table;
use serde_json::Value;

use crate::common::{fixture, kent_corpus};

/// A fill is right within this many units (0–255) per channel: the truth is a pixel of a
/// rendering, whose colour management moves a colour by a few units.
const FILL_TOLERANCE: u8 = 16;

/// Per truth file: cells right and fills right today, the floor no change may go under.
const FLOORS: &[(&str, usize, usize)] = &[
    ("appendix-b-p1-asch-capital.json", 68, 4),
    ("appendix-d-p1-revenue-plan.json", 36, 0),
    ("appendix-e-p1-budget.json", 85, 0),
    ("appendix-f-p18-savings.json", 58, 6),
    ("appendix-f-p19-savings.json", 44, 5),
    ("appendix-f-p19-totals.json", 12, 3),
    ("appendix-m-p4-balance-sheet.json", 42, 0),
    ("appendix-m-p4-rates.json", 70, 0),
    ("appendix-m-p15-indicators.json", 29, 0),
    ("appendix-m-p16-price-risk.json", 10, 0),
    ("amendment-3-levi-form.json", 17, 9),
    ("appendix-c-p1-potential-projects.json", 55, 17),
    ("appendix-c-p2-potential-projects-years5-10.json", 48, 11),
    ("appendix-i-p6-reserves-balances.json", 68, 0),
    ("appendix-n-p5-property-two-tables.json", 24, 0),
    ("appendix-o-p13-debt-limits.json", 34, 4),
    ("budget-report-p12-core-spending-power.json", 37, 5),
    ("budget-report-p16-social-care-funding.json", 31, 0),
    ("budget-report-p22-collection-fund.json", 32, 0),
    ("budget-report-p25-net-budget-by-directorate.json", 55, 0),
    ("budget-report-p26-spending-funding-equation.json", 37, 10),
    ("budget-report-p28-demand-drivers.json", 50, 0),
    ("covering-report-p1-header-block.json", 6, 0),
    ("labour-d-p2-revenue-plan-continued.json", 94, 0),
    ("labour-d-p3-funding.json", 48, 0),
    ("labour-f-p1-spending.json", 99, 16),
    ("labour-f-p13-spending-totals.json", 75, 19),
    ("labour-f-p25-reserves-across-pages.json", 80, 14),
];

fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn hex(s: &str) -> Option<[u8; 3]> {
    let s = s.strip_prefix('#')?;
    let c = |i: usize| s.get(i..i + 2).and_then(|h| u8::from_str_radix(h, 16).ok());
    Some([c(0)?, c(2)?, c(4)?])
}

/// (cells right, cells with text, fills right, fills) of one truth against `tables`.
fn score(truth: &Value, tables: &[&Table]) -> (usize, usize, usize, usize) {
    let (mut right, mut cells, mut fills_right, mut fills) = (0, 0, 0, 0);
    for row in truth["rows"].as_array().into_iter().flatten() {
        let want: Vec<String> = row["cells"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|c| norm(c.as_str().unwrap_or_default()))
            .collect();
        cells += want.iter().filter(|w| !w.is_empty()).count();
        let mut best: Option<(usize, &Table, usize)> = None;
        for t in tables {
            for (r, got) in t.grid().iter().enumerate() {
                let n = want
                    .iter()
                    .zip(got)
                    .filter(|(w, g)| !w.is_empty() && **w == norm(g))
                    .count();
                if best.is_none_or(|(m, _, _)| n > m) {
                    best = Some((n, t, r));
                }
            }
        }
        right += best.map_or(0, |(n, _, _)| n);
        for (col, colour) in row["fills"].as_object().into_iter().flatten() {
            fills += 1;
            let want = colour.as_str().and_then(hex);
            let col: usize = col.parse().unwrap_or(usize::MAX);
            let got = best
                .and_then(|(_, t, r)| t.cell_at(r, col))
                .and_then(|c| c.fill);
            if let (Some(w), Some(g)) = (want, got) {
                let near = [g.r, g.g, g.b]
                    .iter()
                    .zip(w)
                    .all(|(a, b)| a.abs_diff(b) <= FILL_TOLERANCE);
                fills_right += usize::from(near);
            }
        }
    }
    (right, cells, fills_right, fills)
}

/// Every truth scores at least its floor; the totals are printed to quote.
#[test]
fn kent_tables_cells_and_fills() {
    let Some(corpus) = kent_corpus("Kent tables") else {
        return;
    };
    let dir = fixture("kent/tables");
    let mut total = (0, 0, 0, 0);
    let mut failures = Vec::new();
    for &(name, cells_floor, fills_floor) in FLOORS {
        let truth: Value =
            serde_json::from_slice(&std::fs::read(dir.join(name)).expect("truth reads"))
                .expect("truth is JSON");
        let pdf = corpus.join(truth["file"].as_str().unwrap_or_default());
        let page = truth["page"].as_u64().unwrap_or(0) as u32;
        let doc = Document::open(&pdf, &OpenOptions::default()).expect("Kent PDF opens");
        let pages: Vec<_> = (1..=doc.page_count())
            .filter_map(|n| doc.page(n).ok())
            .collect();
        let (tables, _) = pipeline::tables_of(&pages, &Settings::default());
        let on_page: Vec<&Table> = tables.iter().filter(|t| t.pages.contains(&page)).collect();
        let s = score(&truth, &on_page);
        eprintln!("{name}: cells {}/{}, fills {}/{}", s.0, s.1, s.2, s.3);
        if s.0 < cells_floor || s.2 < fills_floor {
            failures.push(format!(
                "{name}: {s:?} under ({cells_floor}, {fills_floor})"
            ));
        }
        total = (total.0 + s.0, total.1 + s.1, total.2 + s.2, total.3 + s.3);
    }
    eprintln!(
        "Kent tables: cells {}/{}, fills {}/{}",
        total.0, total.1, total.2, total.3
    );
    assert!(failures.is_empty(), "{failures:#?}");
}
