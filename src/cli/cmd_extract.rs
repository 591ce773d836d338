//! `boardpaper extract`: board papers in, the report and plans out as JSON or CSV.

use clap::{Args, ValueEnum};
use rayon::prelude::*;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use boardpaper::export::paper as out;
use boardpaper::paper::document::Paper;
use boardpaper::paper::profile::Profile;
use boardpaper::pdf::{Document, OpenOptions};

use super::{guard, output, Failure, LimitArgs, Status};

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
    /// Password for encrypted PDFs (the empty password is always tried first).
    #[arg(long, env = "BOARDPAPER_PASSWORD", hide_env_values = true)]
    password: Option<String>,
    /// A template profile (TOML or JSON) naming column roles, row patterns and status words
    /// for plans whose headers the built-in synonyms do not know (see the README).
    #[arg(long, value_name = "FILE")]
    profile: Option<PathBuf>,
    /// Do not print warnings to standard error (they stay in the JSON).
    #[arg(short, long)]
    quiet: bool,
    #[command(flatten)]
    pub(super) limits: LimitArgs,
}

/// Every PDF named, folders searched recursively, in a stable order.
pub(super) fn collect_inputs(inputs: &[PathBuf]) -> Result<Vec<PathBuf>, Failure> {
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

/// One output name per input: its file stem, made unique when two inputs share one (first
/// by the parent folder's name, then by a counter), so no output overwrites another.
fn output_names(files: &[PathBuf]) -> Vec<String> {
    let stem = |f: &PathBuf| {
        f.file_stem()
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
            let mut name = match f.parent().and_then(|p| p.file_name()) {
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

fn read_one(
    path: &Path,
    password: &Option<String>,
    limits: &LimitArgs,
    profile: &Profile,
) -> Result<Paper, Failure> {
    let options = OpenOptions {
        password: password.clone(),
        limits: limits.to_limits(),
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
    Ok(boardpaper::pipeline::read(
        &doc,
        &boardpaper::settings::Settings::with_profile(profile),
    )?)
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
        Format::Xlsx => {
            if target.is_none() && std::io::stdout().is_terminal() {
                return Err(Failure {
                    status: Status::Usage,
                    message: "XLSX is binary: give -o FILE.xlsx or redirect standard output".into(),
                });
            }
            let bytes = boardpaper::export::xlsx::workbook(paper).map_err(|e| Failure {
                status: Status::Internal,
                message: format!("{}: {e}", paper.file),
            })?;
            output::write(target, &bytes)
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
    let profile = super::load_profile(a.profile.as_deref())?;
    let files = collect_inputs(&a.inputs)?;
    let single = files.len() == 1 && !a.inputs.iter().any(|i| i.is_dir());
    if single {
        let Some(file) = files.first() else {
            return Ok(());
        };
        let paper = read_one(file, &a.password, &a.limits, &profile)?;
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
    let names = output_names(&files);
    let failures: Vec<Failure> = files
        .par_iter()
        .zip(&names)
        .filter_map(|(f, stem)| {
            let result = guard(&f.display().to_string(), || {
                read_one(f, &a.password, &a.limits, &profile).and_then(|paper| {
                    bar.suspend(|| report(&paper, a.quiet));
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_names_never_collide() {
        let files: Vec<PathBuf> = ["a/x.pdf", "b/x.pdf", "c/y.pdf", "a/x.PDF", "z.pdf"]
            .iter()
            .map(PathBuf::from)
            .collect();
        assert_eq!(
            output_names(&files),
            ["a-x", "b-x", "y", "a-x-2", "z"].map(String::from)
        );
    }
}
