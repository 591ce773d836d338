//! `boardpaper diff`: what changed between two versions of a plan. Each side is a PDF or a
//! JSON written by `extract` (told apart by content). Exit codes follow diff(1): 0 same,
//! 1 different, 2 trouble.

use clap::{Args, ValueEnum};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use boardpaper::diff::{self, ChangeList};
use boardpaper::export::schema::{validate_changes, validate_paper};
use boardpaper::paper::document::Paper;

use super::args::{QuietArgs, ReadArgs};
use super::input::{self, Input};
use super::options::Reading;
use super::{db, output, read, Failure, Usage};

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    /// A summary grouped by priority and action (coloured on a terminal unless NO_COLOR is set).
    Text,
    /// `{"from", "to", "changes"}`, validated against schemas/changes.schema.json.
    Json,
    /// One row per change: kind, priority, area, action, field, index, old, new, old_status,
    /// new_status, old_date, new_date, old_colour, new_colour.
    Csv,
    /// One self-contained page: old and new side by side, changed words marked.
    Html,
}

const DIFF_HELP: &str = "\
Exit codes (as diff(1)): 0 the plans are the same, 1 they differ, 2 any error (a file that
cannot be read, is not a PDF or an `extract` JSON, has no plan, or cannot be written).

Examples:
  boardpaper diff plan-v3.pdf paper-v4.pdf                  a summary on the terminal
  boardpaper diff v3.json v4.json --format html -o diff.html   a page for the board
  boardpaper diff --db boardpaper.db --from 3 --to 4         two versions stored by `import`";

#[derive(Args, Debug)]
#[command(after_help = DIFF_HELP)]
pub struct DiffArgs {
    /// The old version: a PDF, or a JSON written by `extract` (`-` reads standard input).
    #[arg(value_name = "OLD", required_unless_present = "db")]
    pub(super) old: Option<PathBuf>,
    /// The new version: a PDF, or a JSON written by `extract`.
    #[arg(value_name = "NEW", required_unless_present = "db")]
    pub(super) new: Option<PathBuf>,
    /// Compare two versions stored by `import` in this database (give --from and --to).
    #[arg(long, value_name = "FILE", requires_all = ["from", "to"], conflicts_with_all = ["old", "new"])]
    pub(super) db: Option<PathBuf>,
    /// With --db: the old version's label, as `boardpaper versions` lists it ("3").
    #[arg(long, value_name = "LABEL", requires = "db")]
    from: Option<String>,
    /// With --db: the new version's label ("4").
    #[arg(long, value_name = "LABEL", requires = "db")]
    to: Option<String>,
    /// With --db: the plan (its title or part of it), when several stored plans have the labels.
    #[arg(long, value_name = "TITLE", requires = "db")]
    plan: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// Write to this file instead of standard output (written atomically).
    #[arg(short = 'o', long = "output", value_name = "PATH")]
    output: Option<PathBuf>,
    #[command(flatten)]
    read: ReadArgs,
    #[command(flatten)]
    quiet: QuietArgs,
}

/// What the bytes are: a PDF may have junk before its header (ISO 32000-1 7.5.2 allows
/// readers to look for it in the first 1024 bytes); a JSON paper is an object.
enum Kind {
    Pdf,
    Json,
}

fn sniff(bytes: &[u8]) -> Option<Kind> {
    let start = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let first = start.iter().find(|b| !b.is_ascii_whitespace());
    if first == Some(&b'{') {
        return Some(Kind::Json);
    }
    let head = bytes.get(..bytes.len().min(1024)).unwrap_or(bytes);
    head.windows(5).any(|w| w == b"%PDF-").then_some(Kind::Pdf)
}

/// One side of the comparison: a PDF read into a paper, or a paper `extract` wrote as JSON.
/// Messages name the side as given (`-` for standard input).
fn load(path: &Path, reading: &Reading, quiet: bool) -> Result<Paper, Failure> {
    let file = path.display().to_string();
    let bytes = Input::named(path).read().map_err(|source| Failure::Read {
        file: file.clone(),
        source,
    })?;
    let paper = match sniff(&bytes) {
        Some(Kind::Json) => {
            let value: serde_json::Value =
                serde_json::from_slice(&bytes).map_err(|source| Failure::NotJson {
                    file: file.clone(),
                    source,
                })?;
            validate_paper(&value).map_err(|violations| Failure::NotAPaper {
                file: file.clone(),
                violations,
            })?;
            boardpaper::export::wire::paper_from_value(value).map_err(|source| {
                Failure::BadPaper {
                    file: file.clone(),
                    source,
                }
            })?
        }
        Some(Kind::Pdf) => {
            let doc = input::open_bytes(&bytes, &file, &reading.open())?;
            let paper = read::paper(&doc, reading)?;
            input::report_warnings(&file, &paper.warnings, quiet);
            paper
        }
        None => return Err(Failure::Unrecognised { file }),
    };
    if paper.plans.is_empty() {
        return Err(Failure::NoPlan { file });
    }
    Ok(paper)
}

/// Colour only for a terminal, and never when NO_COLOR is set (https://no-color.org).
fn use_colour(to_file: bool) -> bool {
    !to_file
        && std::io::stdout().is_terminal()
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

fn render(list: &ChangeList, format: Format, to_file: bool) -> Result<Vec<u8>, Failure> {
    Ok(match format {
        Format::Text => diff::text::render(list, use_colour(to_file)).into_bytes(),
        Format::Html => diff::html::render(list).into_bytes(),
        Format::Csv => {
            diff::csv::render(list).map_err(|e| Failure::encode("cannot write CSV", e))?
        }
        Format::Json => {
            let value =
                serde_json::to_value(list).map_err(|e| Failure::encode("cannot encode JSON", e))?;
            validate_changes(&value).map_err(Failure::ChangesBreakSchema)?;
            let mut out = serde_json::to_vec_pretty(&value)
                .map_err(|e| Failure::encode("cannot encode JSON", e))?;
            out.push(b'\n');
            out
        }
    })
}

/// The changes between two versions stored in a database (`--db`, `--from`, `--to`).
fn diff_stored(db: &Path, a: &DiffArgs) -> Result<ChangeList, Failure> {
    let store = db::existing(db)?;
    let plan = a.plan.as_deref();
    let find = |label: &Option<String>| -> Result<_, Failure> {
        let label = label.as_deref().unwrap_or_default();
        let v = store.find_version(label, plan, None)?;
        let p = store.plan(&v)?;
        Ok((v, p))
    };
    let (old_version, old) = find(&a.from)?;
    let (new_version, new) = find(&a.to)?;
    // The covering reports' changes, from the papers as stored (as `diff` of the files).
    let old_paper = store.paper(old_version.document_id)?;
    let new_paper = store.paper(new_version.document_id)?;
    Ok(ChangeList {
        from: old_version.file,
        to: new_version.file,
        changes: diff::diff_plans(&old, &new),
        report: diff::report::diff_reports(
            (old_paper.meeting.as_ref(), old_paper.report.as_ref()),
            (new_paper.meeting.as_ref(), new_paper.report.as_ref()),
        ),
    })
}

/// Run `diff`: whether the plans differ. `cli::main` turns that into diff(1)'s exit codes
/// (0 same, 1 different, 2 on any failure).
pub fn run(a: DiffArgs) -> Result<bool, Failure> {
    let list = match (&a.db, &a.old, &a.new) {
        (Some(db), _, _) => diff_stored(db, &a)?,
        (None, Some(old), Some(new)) => {
            let reading = a.read.reading()?;
            let old = load(old, &reading, a.quiet.quiet)?;
            let new = load(new, &reading, a.quiet.quiet)?;
            diff::diff_papers(&old, &new)
        }
        _ => return Err(Usage::DiffInputs.into()),
    };
    let bytes = render(&list, a.format, a.output.is_some())?;
    output::write(a.output.as_deref(), &bytes)?;
    Ok(!list.is_empty())
}
