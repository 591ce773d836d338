//! `boardpaper extract`: board papers in, the report and plans out as JSON or CSV.

use clap::{Args, ValueEnum};
use rayon::prelude::*;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use boardpaper::export::paper as out;
use boardpaper::paper::document::{self, Paper};
use boardpaper::pdf::{Document, OpenOptions};

use super::{output, Failure, Status};

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    /// One JSON document per paper, validated against `boardpaper schema`.
    Json,
    /// `actions.csv` and `milestones.csv` per paper (needs -o DIR).
    Csv,
}

#[derive(Args, Debug)]
pub struct ExtractArgs {
    /// PDF files, or folders searched recursively for *.pdf; `-` reads standard input.
    #[arg(value_name = "FILES_OR_DIRS", required = true)]
    inputs: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "json")]
    format: Format,
    /// Where to write: a file for one JSON paper, else a folder (one output per input).
    #[arg(short = 'o', long = "output", value_name = "PATH")]
    output: Option<PathBuf>,
    /// Start CSV files with a byte-order mark so spreadsheet programs read them as UTF-8.
    #[arg(long)]
    excel: bool,
    /// Password for encrypted PDFs (the empty password is always tried first).
    #[arg(long, env = "BOARDPAPER_PASSWORD", hide_env_values = true)]
    password: Option<String>,
    /// Do not print warnings to standard error (they stay in the JSON).
    #[arg(short, long)]
    quiet: bool,
}

/// Every PDF named, folders searched recursively, in a stable order.
fn collect_inputs(inputs: &[PathBuf]) -> Result<Vec<PathBuf>, Failure> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>, depth: usize) -> std::io::Result<()> {
        if depth > 32 {
            return Ok(());
        }
        let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        entries.sort();
        for p in entries {
            if p.is_dir() {
                walk(&p, out, depth + 1)?;
            } else if p.extension().is_some_and(|e| e.eq_ignore_ascii_case("pdf")) {
                out.push(p);
            }
        }
        Ok(())
    }
    let mut out = Vec::new();
    for i in inputs {
        if i.is_dir() {
            walk(i, &mut out, 0).map_err(|e| Failure {
                status: Status::Io,
                message: format!("{}: {e}", i.display()),
            })?;
        } else {
            out.push(i.clone());
        }
    }
    Ok(out)
}

fn read_one(path: &Path, password: &Option<String>) -> Result<Paper, Failure> {
    let options = OpenOptions {
        password: password.clone(),
        ..Default::default()
    };
    let doc = if path.as_os_str() == "-" {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut bytes).map_err(|e| Failure {
            status: Status::Io,
            message: format!("<stdin>: cannot read: {e}"),
        })?;
        Document::from_bytes(&bytes, "<stdin>", &options)?
    } else {
        Document::open(path, &options)?
    };
    Ok(document::read(&doc)?)
}

fn encode_failure(file: &str, e: out::Error) -> Failure {
    Failure {
        status: Status::Internal,
        message: format!("{file}: {e}"),
    }
}

/// Write one paper's outputs. `target` is a file (JSON) or a folder (CSV, batches).
fn write(paper: &Paper, format: Format, target: Option<&Path>, excel: bool) -> Result<(), Failure> {
    match format {
        Format::Json => {
            let bytes = out::json(paper).map_err(|e| encode_failure(&paper.file, e))?;
            output::write(target, &bytes)
        }
        Format::Csv => {
            let Some(dir) = target else {
                return Err(Failure {
                    status: Status::Usage,
                    message: "CSV makes two files (actions.csv, milestones.csv): give -o DIR"
                        .into(),
                });
            };
            std::fs::create_dir_all(dir).map_err(|e| Failure {
                status: Status::Io,
                message: format!("{}: {e}", dir.display()),
            })?;
            let actions =
                out::actions_csv(paper, excel).map_err(|e| encode_failure(&paper.file, e))?;
            let milestones =
                out::milestones_csv(paper, excel).map_err(|e| encode_failure(&paper.file, e))?;
            output::write_atomic(&dir.join("actions.csv"), &actions)?;
            output::write_atomic(&dir.join("milestones.csv"), &milestones)
        }
    }
}

fn report(paper: &Paper, quiet: bool) {
    if !quiet {
        for w in &paper.warnings {
            eprintln!("warning: {}: {w}", paper.file);
        }
    }
}

pub fn run(a: ExtractArgs) -> Result<(), Failure> {
    if a.format == Format::Json {
        // Compile the JSON Schema on a worker while the first paper is read (it costs as much
        // as reading a short paper); validation waits for it if it is not ready yet.
        rayon::spawn(|| {
            let _ = boardpaper::export::schema::validate_paper(&serde_json::Value::Null);
        });
    }
    let files = collect_inputs(&a.inputs)?;
    let single = files.len() == 1 && !a.inputs.iter().any(|i| i.is_dir());
    if single {
        let Some(file) = files.first() else {
            return Ok(());
        };
        let paper = read_one(file, &a.password)?;
        report(&paper, a.quiet);
        return write(&paper, a.format, a.output.as_deref(), a.excel);
    }
    let Some(dir) = a.output.clone() else {
        return Err(Failure {
            status: Status::Usage,
            message: "several inputs: give -o DIR for the outputs".into(),
        });
    };
    if files.is_empty() {
        return Err(Failure {
            status: Status::Usage,
            message: "no PDF found in the inputs".into(),
        });
    }
    std::fs::create_dir_all(&dir).map_err(|e| Failure {
        status: Status::Io,
        message: format!("{}: {e}", dir.display()),
    })?;
    let bar = if std::io::stderr().is_terminal() && !a.quiet {
        let b = indicatif::ProgressBar::new(files.len() as u64);
        if let Ok(style) =
            indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} papers {elapsed} {msg}")
        {
            b.set_style(style);
        }
        b
    } else {
        indicatif::ProgressBar::hidden()
    };
    let failures: Vec<Failure> = files
        .par_iter()
        .filter_map(|f| {
            let stem = f
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_else(|| "paper".into());
            let result = read_one(f, &a.password).and_then(|paper| {
                bar.suspend(|| report(&paper, a.quiet));
                let target = match a.format {
                    Format::Json => dir.join(format!("{stem}.json")),
                    Format::Csv => dir.join(&stem),
                };
                write(&paper, a.format, Some(&target), a.excel)
            });
            bar.inc(1);
            result.err()
        })
        .collect();
    bar.finish_and_clear();
    for f in &failures {
        eprintln!("boardpaper: {}", f.message);
    }
    if failures.is_empty() {
        Ok(())
    } else {
        Err(Failure {
            status: Status::SomeFailed,
            message: format!("{} of {} files failed", failures.len(), files.len()),
        })
    }
}
