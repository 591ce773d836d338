//! Criterion benchmarks, one group per pipeline stage, on the MSCB fixtures (and on the long
//! generated plan when `benches/out/long-plan.pdf` exists: `python3 benches/make_long_plan.py`).
//!
//! Each stage is timed alone on the previous stage's output, computed once up front:
//! open (read and parse the file) → interpret (every page, one thread) → layout (words and
//! lines of every page) → tables (grids, cells, joins, on laid-out words) → plan (plans from
//! tables) → paper (report and plans from laid-out pages and tables) → json (serialise and
//! validate); `all` is the whole pipeline as `extract` runs it.
//!
//! Run: `cargo bench --bench stages` (add `-- interpret` to run one stage). Not built by
//! `cargo test`.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use boardpaper::layout::PageText;
use boardpaper::paper::document::{self, Paper, Source};
use boardpaper::paper::{self};
use boardpaper::pdf::{Document, Limits, OpenOptions, PagePrimitives};
use boardpaper::pipeline;
use boardpaper::settings::Settings;
use boardpaper::table::{self, Table};

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
    // The document's byte budget counts every page read from it, and Criterion reads the same
    // pages thousands of times: unbounded here (a fast machine ran V3's past 256 MiB).
    let options = OpenOptions {
        limits: Limits {
            document_bytes: usize::MAX,
            ..Limits::default()
        },
        ..OpenOptions::default()
    };
    match Document::open(path, &options) {
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
    let settings = Settings::default();
    for (name, path) in inputs() {
        let doc = open(&path);
        let pages = interpret(&doc);
        let texts: Vec<PageText> = pages
            .iter()
            .map(|p| PageText::new(&p.info, &p.glyphs, &settings.layout))
            .collect();
        let (tables, _) = pipeline::tables_of(&pages, &settings);
        let paper = read_paper(&doc, &texts, &tables, &settings);

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
                    .map(|p| PageText::new(&p.info, black_box(&p.glyphs), &settings.layout))
                    .collect::<Vec<_>>()
            })
        });
        g.bench_function(BenchmarkId::new("tables", name), |b| {
            b.iter(|| {
                let per_page: Vec<_> = pages
                    .iter()
                    .zip(&texts)
                    .map(|(p, t)| {
                        table::page_tables(p, &t.table_words(&settings.layout), &settings.table)
                            .tables
                    })
                    .collect();
                table::join(black_box(per_page), &settings.table)
            })
        });
        g.bench_function(BenchmarkId::new("plan", name), |b| {
            b.iter(|| {
                paper::read_plans(
                    black_box(&texts),
                    black_box(&tables),
                    &settings.profile,
                    &settings.paper,
                )
            })
        });
        g.bench_function(BenchmarkId::new("paper", name), |b| {
            b.iter(|| read_paper(&doc, black_box(&texts), black_box(&tables), &settings))
        });
        g.bench_function(BenchmarkId::new("json", name), |b| {
            b.iter(|| boardpaper::export::paper::json(black_box(&paper)))
        });
        g.bench_function(BenchmarkId::new("all", name), |b| {
            b.iter(|| {
                let doc = open(black_box(&path));
                let paper = pipeline::read(&doc, &settings);
                paper.map(|p| boardpaper::export::paper::json(&p))
            })
        });
        g.finish();
    }
}

/// The paper stage alone, on laid-out pages and joined tables.
fn read_paper(doc: &Document, texts: &[PageText], tables: &[Table], s: &Settings) -> Paper {
    let source = Source {
        file: doc.name().to_string(),
        pages: doc.page_count(),
        ..Source::default()
    };
    document::read(source, texts, tables, Vec::new(), &s.profile, &s.paper)
}

criterion_group!(benches, stages);
criterion_main!(benches);
