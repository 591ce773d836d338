//! `boardpaper export`: a stored version written out exactly as `extract` wrote it.

use clap::{Args, ValueEnum};
use std::path::PathBuf;

use boardpaper::paper::document::Paper;

use super::{db, output, Failure, Usage};

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
    let store = db::existing(&a.db)?;
    let version = store.find_version(&a.version, a.plan.as_deref(), a.document.as_deref())?;
    let (file, _, json) = store.extract_json(version.document_id)?;
    let target = a.output.as_deref();
    match a.format {
        Format::Json => output::write(target, json.as_bytes()),
        Format::Xlsx => {
            output::workbook_target(target)?;
            let paper: Paper = store.paper(version.document_id)?;
            output::paper_workbook(&paper, &file, target)
        }
        Format::Csv => {
            let dir = target.ok_or(Usage::CsvNeedsFolder)?;
            let paper: Paper = store.paper(version.document_id)?;
            output::paper_csv(&paper, &file, Some(dir), a.excel)
        }
    }
}
