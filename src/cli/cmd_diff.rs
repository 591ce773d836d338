//! `boardpaper diff`: what changed between two versions of a plan. Each side is a PDF or a
//! JSON written by `extract` (told apart by content). Exit codes follow diff(1): 0 same,
//! 1 different, 2 trouble.

use clap::{Args, ValueEnum};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use boardpaper::diff::{self, ChangeList};
use boardpaper::export::schema::{validate_changes, validate_paper, Violation};
use boardpaper::paper::document::{self, Paper};
use boardpaper::paper::profile::Profile;
use boardpaper::pdf::{Document, OpenOptions};

use super::output;

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
    /// Password for encrypted PDFs (the empty password is always tried first).
    #[arg(long, env = "BOARDPAPER_PASSWORD", hide_env_values = true)]
    password: Option<String>,
    /// A template profile (TOML or JSON) for PDFs whose plan headers the built-in synonyms do
    /// not know (as for `extract`).
    #[arg(long, value_name = "FILE")]
    profile: Option<PathBuf>,
    /// Do not print the PDFs' reading warnings to standard error.
    #[arg(short, long)]
    quiet: bool,
}

/// How many schema violations an error message lists before "and N more".
const VIOLATIONS_SHOWN: usize = 5;

fn violations(v: &[Violation]) -> String {
    let mut lines: Vec<String> = v
        .iter()
        .take(VIOLATIONS_SHOWN)
        .map(|v| format!("  {v}"))
        .collect();
    if v.len() > VIOLATIONS_SHOWN {
        lines.push(format!("  and {} more", v.len() - VIOLATIONS_SHOWN));
    }
    lines.join("\n")
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

fn load(
    path: &Path,
    password: &Option<String>,
    profile: &Profile,
    quiet: bool,
) -> Result<Paper, String> {
    let name = path.display().to_string();
    let bytes = if name == "-" {
        let mut b = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut b).map(|_| b)
    } else {
        std::fs::read(path)
    }
    .map_err(|e| format!("{name}: cannot read: {e}"))?;
    let paper = match sniff(&bytes) {
        Some(Kind::Json) => {
            let value: serde_json::Value =
                serde_json::from_slice(&bytes).map_err(|e| format!("{name}: not JSON: {e}"))?;
            validate_paper(&value).map_err(|v| {
                format!(
                    "{name}: not a paper written by `boardpaper extract` ({} schema violation(s)):\n{}",
                    v.len(),
                    violations(&v)
                )
            })?;
            boardpaper::export::wire::paper_from_value(value)
                .map_err(|e| format!("{name}: cannot read the paper: {e}"))?
        }
        Some(Kind::Pdf) => {
            let options = OpenOptions {
                password: password.clone(),
                ..Default::default()
            };
            let doc = Document::from_bytes(&bytes, &name, &options).map_err(|e| e.to_string())?;
            let paper = document::read_with(&doc, profile).map_err(|e| e.to_string())?;
            if !quiet {
                for w in &paper.warnings {
                    eprintln!("warning: {name}: {w}");
                }
            }
            paper
        }
        None => {
            return Err(format!(
                "{name}: neither a PDF nor a JSON written by `boardpaper extract`"
            ))
        }
    };
    if paper.plans.is_empty() {
        return Err(format!("{name}: no action plan found, nothing to compare"));
    }
    Ok(paper)
}

/// Colour only for a terminal, and never when NO_COLOR is set (https://no-color.org).
fn use_colour(to_file: bool) -> bool {
    !to_file
        && std::io::stdout().is_terminal()
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

fn render(list: &ChangeList, format: Format, to_file: bool) -> Result<Vec<u8>, String> {
    Ok(match format {
        Format::Text => diff::text::render(list, use_colour(to_file)).into_bytes(),
        Format::Html => diff::html::render(list).into_bytes(),
        Format::Csv => diff::csv::render(list).map_err(|e| format!("cannot write CSV: {e}"))?,
        Format::Json => {
            let value =
                serde_json::to_value(list).map_err(|e| format!("cannot encode JSON: {e}"))?;
            validate_changes(&value).map_err(|v| {
                format!(
                    "the change list breaks its schema (a bug in boardpaper, please report it):\n{}",
                    violations(&v)
                )
            })?;
            let mut out = serde_json::to_vec_pretty(&value)
                .map_err(|e| format!("cannot encode JSON: {e}"))?;
            out.push(b'\n');
            out
        }
    })
}

/// The changes between two versions stored in a database (`--db`, `--from`, `--to`).
fn diff_stored(db: &Path, a: &DiffArgs) -> Result<ChangeList, String> {
    let store = super::cmd_versions::open_existing(db).map_err(|f| f.message)?;
    let plan = a.plan.as_deref();
    let find = |label: &Option<String>| -> Result<_, String> {
        let label = label.as_deref().unwrap_or_default();
        let v = store
            .find_version(label, plan, None)
            .map_err(|e| e.to_string())?;
        let p = store.plan(&v).map_err(|e| e.to_string())?;
        Ok((v, p))
    };
    let (old_version, old) = find(&a.from)?;
    let (new_version, new) = find(&a.to)?;
    Ok(ChangeList {
        from: old_version.file,
        to: new_version.file,
        changes: diff::diff_plans(&old, &new),
    })
}

fn diff_files(a: &DiffArgs) -> Result<bool, String> {
    let list = match (&a.db, &a.old, &a.new) {
        (Some(db), _, _) => diff_stored(db, a)?,
        (None, Some(old), Some(new)) => {
            let profile = super::load_profile(a.profile.as_deref()).map_err(|f| f.message)?;
            let old = load(old, &a.password, &profile, a.quiet)?;
            let new = load(new, &a.password, &profile, a.quiet)?;
            diff::diff_papers(&old, &new)
        }
        _ => return Err("give OLD and NEW, or --db FILE --from LABEL --to LABEL".into()),
    };
    let bytes = render(&list, a.format, a.output.is_some())?;
    output::write(a.output.as_deref(), &bytes).map_err(|f| f.message)?;
    Ok(!list.changes.is_empty())
}

/// Run `diff`; every error is exit code 2, as diff(1) does.
pub fn run(a: DiffArgs) -> ExitCode {
    match diff_files(&a) {
        Ok(false) => ExitCode::SUCCESS,
        Ok(true) => ExitCode::from(1),
        Err(message) => {
            eprintln!("boardpaper: {message}");
            ExitCode::from(2)
        }
    }
}
