//! Criterion benchmarks, one group per pipeline stage, on the MSCB fixtures (and on the long
//! generated plan when `benches/out/long-plan.pdf` exists: `python3 benches/make_long_plan.py`).
//!
//! Each stage is timed alone on the previous stage's output, computed once up front:
//! open (read and parse the file) → interpret (every page, one thread) → layout (words of
//! every page) → tables (words, grids, cells, joins) → plan (plans from tables) → paper
//! (report, plans and warnings from interpreted pages) → json (serialise and validate).
//!
//! Run: `cargo bench --bench stages` (add `-- interpret` to run one stage). Not built by
//! `cargo test`.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use boardpaper::layout;
use boardpaper::paper::{self, document};
use boardpaper::pdf::{Document, OpenOptions, PagePrimitives};
use boardpaper::table;

/// The inputs: (short name, path). The long plan only when it has been generated.
fn inputs() -> Vec<(&'static str, PathBuf)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut v = vec![
        (
            "board-paper",
            root.join("fixtures/mscb/mscb-board-paper-2015-06.pdf"),
        ),
        (
            "plan-v3",
            root.join("fixtures/mscb/mscb-plan-v3-2015-03.pdf"),
        ),
    ];
    let long = root.join("benches/out/long-plan.pdf");
    if long.exists() {
        v.push(("long-plan", long));
    } else {
        eprintln!(
            "note: {} not found, long-plan skipped (python3 benches/make_long_plan.py)",
            long.display()
        );
    }
    v
}

fn open(path: &Path) -> Document {
    match Document::open(path, &OpenOptions::default()) {
        Ok(d) => d,
        Err(e) => panic!("{}: {e}", path.display()),
    }
}

fn interpret(doc: &Document) -> Vec<PagePrimitives> {
    (1..=doc.page_count())
        .map(|n| match doc.page(n) {
            Ok(p) => p,
            Err(e) => panic!("page {n}: {e}"),
        })
        .collect()
}

fn stages(c: &mut Criterion) {
    for (name, path) in inputs() {
        let doc = open(&path);
        let pages = interpret(&doc);
        let (tables, _) = table::extract_pages(&pages, &table::Settings::default());
        let paper = document::read_pages(&doc, &pages);
        let ls = layout::Settings::default();

        let mut g = c.benchmark_group(name);
        g.sample_size(10)
            .warm_up_time(Duration::from_millis(500))
            .measurement_time(Duration::from_secs(3));
        g.bench_function(BenchmarkId::new("open", name), |b| {
            b.iter(|| open(black_box(&path)))
        });
        g.bench_function(BenchmarkId::new("interpret", name), |b| {
            b.iter(|| interpret(black_box(&doc)))
        });
        g.bench_function(BenchmarkId::new("layout", name), |b| {
            b.iter(|| {
                pages
                    .iter()
                    .map(|p| layout::words(black_box(&p.glyphs), &ls))
                    .collect::<Vec<_>>()
            })
        });
        g.bench_function(BenchmarkId::new("tables", name), |b| {
            b.iter(|| table::extract_pages(black_box(&pages), &table::Settings::default()))
        });
        g.bench_function(BenchmarkId::new("plan", name), |b| {
            b.iter(|| paper::read_plans(black_box(&pages), black_box(&tables)))
        });
        g.bench_function(BenchmarkId::new("paper", name), |b| {
            b.iter(|| document::read_pages(black_box(&doc), black_box(&pages)))
        });
        g.bench_function(BenchmarkId::new("json", name), |b| {
            b.iter(|| boardpaper::export::paper::json(black_box(&paper)))
        });
        g.bench_function(BenchmarkId::new("all", name), |b| {
            b.iter(|| {
                let doc = open(black_box(&path));
                let paper = document::read(&doc);
                paper.map(|p| boardpaper::export::paper::json(&p))
            })
        });
        g.finish();
    }
}

criterion_group!(benches, stages);
criterion_main!(benches);
