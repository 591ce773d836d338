//! `boardpaper export`: a stored version written out exactly as `extract` wrote it.

use clap::{Args, ValueEnum};
use std::io::IsTerminal;
use std::path::PathBuf;

use boardpaper::export::paper as out;
use boardpaper::paper::document::Paper;

use super::cmd_versions::open_existing;
use super::{output, Failure, Status};

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    /// The JSON `extract` wrote, byte for byte.
    Json,
    /// `actions.csv` and `milestones.csv` (needs -o DIR).
    Csv,
    /// An XLSX workbook, as `extract --format xlsx` writes it.
    Xlsx,
}

#[derive(Args, Debug)]
pub struct ExportArgs {
    /// The database written by `import`.
    #[arg(long, value_name = "FILE", default_value = "boardpaper.db")]
    db: PathBuf,
    /// The version label as printed on the plan ("4"); see `boardpaper versions`.
    #[arg(long, value_name = "LABEL")]
    version: String,
    /// The plan, when several stored plans have that version: its title or part of it.
    #[arg(long, value_name = "TITLE")]
    plan: Option<String>,
    /// The document, when several hold that version: its file name or the start of its sha256.
    #[arg(long, value_name = "FILE_OR_HASH")]
    document: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "json")]
    format: Format,
    /// Where to write: a file for JSON and XLSX (default standard output), a folder for CSV.
    #[arg(short = 'o', long = "output", value_name = "PATH")]
    output: Option<PathBuf>,
    /// Start CSV files with a byte-order mark so spreadsheet programs read them as UTF-8.
    #[arg(long)]
    excel: bool,
}

pub fn run(a: ExportArgs) -> Result<(), Failure> {
    let store = open_existing(&a.db)?;
    let version = store.find_version(&a.version, a.plan.as_deref(), a.document.as_deref())?;
    let (file, _, json) = store.extract_json(version.document_id)?;
    match a.format {
        Format::Json => output::write(a.output.as_deref(), json.as_bytes()),
        Format::Xlsx => {
            if a.output.is_none() && std::io::stdout().is_terminal() {
                return Err(Failure {
                    status: Status::Usage,
                    message: "XLSX is binary: give -o FILE.xlsx or redirect standard output".into(),
                });
            }
            let paper: Paper = store.paper(version.document_id)?;
            let bytes = boardpaper::export::xlsx::workbook(&paper).map_err(|e| Failure {
                status: Status::Internal,
                message: format!("{file}: {e}"),
            })?;
            output::write(a.output.as_deref(), &bytes)
        }
        Format::Csv => {
            let Some(dir) = a.output else {
                return Err(Failure {
                    status: Status::Usage,
                    message: "CSV makes two files (actions.csv, milestones.csv): give -o DIR"
                        .into(),
                });
            };
            let paper: Paper = store.paper(version.document_id)?;
            let encode = |e: out::Error| Failure {
                status: Status::Internal,
                message: format!("{file}: {e}"),
            };
            let actions = out::actions_csv(&paper, a.excel).map_err(encode)?;
            let milestones = out::milestones_csv(&paper, a.excel).map_err(encode)?;
            std::fs::create_dir_all(&dir).map_err(|e| Failure {
                status: Status::Io,
                message: format!("{}: {e}", dir.display()),
            })?;
            output::write_atomic(&dir.join("actions.csv"), &actions)?;
            output::write_atomic(&dir.join("milestones.csv"), &milestones)
        }
    }
}
