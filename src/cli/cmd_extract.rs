//! `boardpaper extract`: board papers in, the report and plans out as JSON or CSV.

use clap::{Args, ValueEnum};
use rayon::prelude::*;
use std::path::{Path, PathBuf};

use boardpaper::export::paper as out;
use boardpaper::paper::document::Paper;
use boardpaper::pipeline::{Observer, Step};

use super::args::{QuietArgs, ReadArgs};
use super::input::{self, Input};
use super::options::Reading;
use super::{guard, output, read, Failure, Usage};

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    /// One JSON document per paper, validated against `boardpaper schema`.
    Json,
    /// `actions.csv` and `milestones.csv` per paper (needs -o DIR).
    Csv,
    /// A workbook per paper: sheets Actions, Milestones, Report, Warnings; RAG cells filled.
    Xlsx,
}

#[derive(Args, Debug)]
pub struct ExtractArgs {
    /// PDF files, or folders searched recursively for *.pdf; `-` reads standard input.
    #[arg(value_name = "FILES_OR_DIRS", required = true)]
    pub(super) inputs: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "json")]
    format: Format,
    /// Where to write: a file for one JSON paper, else a folder (one output per input).
    #[arg(short = 'o', long = "output", value_name = "PATH")]
    output: Option<PathBuf>,
    /// Start CSV files with a byte-order mark so spreadsheet programs read them as UTF-8.
    #[arg(long)]
    excel: bool,
    /// Say why on standard error: per table, taken as a plan or not and why, each column's
    /// role and its evidence, each row's reading (group level, action, continuation,
    /// skipped).
    #[arg(long)]
    explain: bool,
    #[command(flatten)]
    pub(super) read: ReadArgs,
    #[command(flatten)]
    quiet: QuietArgs,
}

/// One output name per input: its file stem, made unique when two inputs share one (first
/// by the parent folder's name, then by a counter), so no output overwrites another.
fn output_names(files: &[Input]) -> Vec<String> {
    let path = |f: &Input| match f {
        Input::File(p) => p.clone(),
        Input::Stdin => PathBuf::from("-"),
    };
    let stem = |f: &Input| {
        path(f)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "paper".into())
    };
    let stems: Vec<String> = files.iter().map(stem).collect();
    let mut taken = std::collections::HashSet::new();
    files
        .iter()
        .zip(&stems)
        .map(|(f, s)| {
            let shared = stems.iter().filter(|t| *t == s).count() > 1;
            let mut name = match path(f).parent().and_then(|p| p.file_name()) {
                Some(parent) if shared => format!("{}-{s}", parent.to_string_lossy()),
                _ => s.clone(),
            };
            let base = name.clone();
            let mut n = 2;
            while !taken.insert(name.clone()) {
                name = format!("{base}-{n}");
                n += 1;
            }
            name
        })
        .collect()
}

/// Open and read one input; with `explain`, print the plan reader's account of its tables
/// on standard error.
fn read_one(
    input: &Input,
    reading: &Reading,
    explain: bool,
    schema: Option<&SchemaCompile>,
) -> Result<Paper, Failure> {
    let doc = input.open(&reading.open())?;
    let paper = match schema {
        Some(schema) => read::paper_observed(&doc, reading, &schema.observer(doc.page_count()))?,
        None => read::paper(&doc, reading)?,
    };
    if explain {
        let numbers: Vec<u32> = (1..=doc.page_count()).collect();
        let (tables, _) = boardpaper::pipeline::tables(&doc, &numbers, &reading.settings)?;
        let account = boardpaper::paper::explain(
            &[],
            &tables,
            &reading.settings.profile,
            &reading.settings.paper,
        );
        eprint!("{}:\n{account}", paper.file);
        explain_report(&doc, &paper, reading);
    }
    Ok(paper)
}

/// The JSON Schema compiled on a spare core (it costs as much as reading a short paper;
/// validation waits for it if it is not ready yet), once: while a one-page paper's page is
/// read, the other core has nothing to do; with more pages both cores read pages, and the
/// first to run out of them waits for the other's last page and then the join, so it starts
/// when the last page is begun. Started at the join instead (timing marks, plan V3), it was
/// taken before the covering report, which the plans then waited for: 2 to 4 ms of the
/// schema ahead of the report on one core while the other had finished the plans.
struct SchemaCompile(std::sync::Once);

impl SchemaCompile {
    fn new() -> SchemaCompile {
        SchemaCompile(std::sync::Once::new())
    }

    /// The observer of a paper of `pages` pages that starts the compile at its time (at once
    /// when there is one page).
    fn observer(&self, pages: u32) -> AfterPages<'_> {
        if pages <= 1 {
            self.start();
        }
        AfterPages(self)
    }

    fn start(&self) {
        self.0.call_once(|| {
            rayon::spawn(|| {
                let _ = boardpaper::export::schema::validate_paper(&serde_json::Value::Null);
            });
        });
    }
}

/// Starts the schema's compile once a paper's last page has been begun.
struct AfterPages<'a>(&'a SchemaCompile);

impl Observer for AfterPages<'_> {
    fn step(&self, step: Step, _page: u32) {
        if step == Step::AllBegun {
            self.0.start();
        }
    }
}

/// With `--explain`: how each row of the covering report's pages was classified (label,
/// field heading, numbered row, bullet, heading, text), one line each, on standard error.
/// Running headers, footers and footnotes are dropped before classifying, so they are absent.
fn explain_report(doc: &boardpaper::pdf::Document, paper: &Paper, reading: &Reading) {
    let pages: Vec<boardpaper::layout::PageText> = (1..=doc.page_count())
        .filter_map(|n| doc.page(n).ok())
        .map(|p| boardpaper::layout::PageText::new(&p.info, &p.glyphs, &reading.settings.layout))
        .collect();
    let plan_start = paper
        .plans
        .iter()
        .filter_map(|p| p.pages.first().copied())
        .min();
    let rows = boardpaper::paper::report::explain(&pages, plan_start, &reading.settings.paper);
    eprintln!("report rows ({}):", rows.len());
    for line in rows {
        eprintln!("  {line}");
    }
}

/// Write one paper's outputs. `target` is a file (JSON) or a folder (CSV, batches).
fn write(paper: &Paper, format: Format, target: Option<&Path>, excel: bool) -> Result<(), Failure> {
    match format {
        Format::Json => {
            let bytes = out::json(paper).map_err(|source| Failure::Export {
                file: paper.file.clone(),
                source,
            })?;
            output::write(target, &bytes)
        }
        Format::Csv => output::paper_csv(paper, &paper.file, target, excel),
        Format::Xlsx => output::paper_workbook(paper, &paper.file, target),
    }
}

pub fn run(a: ExtractArgs) -> Result<(), Failure> {
    let schema = (a.format == Format::Json).then(SchemaCompile::new);
    let reading = a.read.reading()?;
    let quiet = a.quiet.quiet;
    let files = input::open_inputs(&a.inputs)?;
    let single = files.len() == 1 && !a.inputs.iter().any(|i| i.is_dir());
    if single {
        let Some(file) = files.first() else {
            return Ok(());
        };
        let paper = read_one(file, &reading, a.explain, schema.as_ref())?;
        input::report_warnings(&paper.file, &paper.warnings, quiet);
        return write(&paper, a.format, a.output.as_deref(), a.excel);
    }
    let dir = a.output.clone().ok_or(Usage::SeveralInputs)?;
    if files.is_empty() {
        return Err(Usage::NoPdf.into());
    }
    output::create_folder(&dir)?;
    let bar = output::progress_bar(files.len(), quiet);
    let names = output_names(&files);
    let failures: Vec<Failure> = files
        .par_iter()
        .zip(&names)
        .filter_map(|(f, stem)| {
            let result = guard(&f.name(), || {
                read_one(f, &reading, a.explain, schema.as_ref()).and_then(|paper| {
                    bar.suspend(|| input::report_warnings(&paper.file, &paper.warnings, quiet));
                    let target = match a.format {
                        Format::Json => dir.join(format!("{stem}.json")),
                        Format::Csv => dir.join(stem),
                        Format::Xlsx => dir.join(format!("{stem}.xlsx")),
                    };
                    write(&paper, a.format, Some(&target), a.excel)
                })
            });
            bar.inc(1);
            result.err()
        })
        .collect();
    bar.finish_and_clear();
    for f in &failures {
        eprintln!("boardpaper: {f}");
    }
    if failures.is_empty() {
        Ok(())
    } else {
        Err(Failure::SomeFailed {
            failed: failures.len(),
            total: files.len(),
            recorded_in: None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_names_never_collide() {
        let files: Vec<Input> = ["a/x.pdf", "b/x.pdf", "c/y.pdf", "a/x.PDF", "z.pdf"]
            .iter()
            .map(|p| Input::named(Path::new(p)))
            .collect();
        assert_eq!(
            output_names(&files),
            ["a-x", "b-x", "y", "a-x-2", "z"].map(String::from)
        );
    }
}
