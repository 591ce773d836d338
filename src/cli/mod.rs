//! Command-line interface: clap definitions (low level) turned into typed options, one module
//! per subcommand, and the mapping from outcomes to exit codes.

mod cmd_diff;
mod cmd_export;
mod cmd_extract;
mod cmd_history;
mod cmd_import;
mod cmd_primitives;
mod cmd_tables;
mod cmd_text;
mod cmd_validate;
mod cmd_versions;
mod cmd_words;
mod input;
mod output;

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

use boardpaper::pages::PageSet;
use boardpaper::pdf;

/// Exit codes, stable across releases.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// 0: success.
    Ok = 0,
    /// 2: the command line was wrong (clap also uses 2).
    Usage = 2,
    /// 3: a file could not be read or written.
    Io = 3,
    /// 4: the input is not a PDF.
    NotPdf = 4,
    /// 5: the PDF is damaged beyond recovery.
    Damaged = 5,
    /// 6: the PDF needs a password, or the one given is wrong.
    Password = 6,
    /// 7: a JSON file breaks the schema (`validate`).
    Invalid = 7,
    /// 8: some files of a batch failed (each is reported); the others were written.
    SomeFailed = 8,
    /// 9: an internal error (a bug: please report it with the file).
    Internal = 9,
}

/// A failed command: what to print and which exit code to use.
#[derive(Debug)]
pub struct Failure {
    pub status: Status,
    pub message: String,
}

impl From<pdf::Error> for Failure {
    fn from(e: pdf::Error) -> Self {
        let status = match &e {
            pdf::Error::Io { .. } => Status::Io,
            pdf::Error::NotPdf { .. } => Status::NotPdf,
            pdf::Error::Damaged { .. } => Status::Damaged,
            pdf::Error::PasswordRequired { .. } | pdf::Error::WrongPassword { .. } => {
                Status::Password
            }
            pdf::Error::NoSuchPage { .. } => Status::Usage,
            _ => Status::Damaged,
        };
        Failure {
            status,
            message: e.to_string(),
        }
    }
}

const ABOUT: &str =
    "Turn council board papers (PDF reports and action plans) into structured data.";

const AFTER_HELP: &str = "\
Exit codes: 0 success, 2 bad command line, 3 cannot read or write a file, 4 not a PDF,
5 damaged PDF, 6 password required or wrong, 7 JSON breaks the schema, 8 some files of a
batch failed, 9 internal error.

Examples:
  boardpaper extract paper.pdf -o paper.json         the report and plans as JSON
  boardpaper extract papers/ --format csv -o out/    actions.csv and milestones.csv per paper
  boardpaper extract paper.pdf --format xlsx -o paper.xlsx   a workbook with RAG cells coloured
  boardpaper text paper.pdf --pages 5-6 --layout    the plan pages with columns kept
  boardpaper words paper.pdf -o words.json           every word with its box, as JSON
  boardpaper primitives paper.pdf --page 5 --svg p5.svg   see what the interpreter found
  boardpaper diff plan-v3.pdf paper-v4.pdf --format html -o changes.html   what changed
      (diff exits 0 when the plans are the same, 1 when they differ, 2 on any error)
  boardpaper import papers/                          store every plan version in boardpaper.db
  boardpaper versions                                the stored plans and their versions
  boardpaper history \"P1 1.1\"                        one action across the stored versions
  boardpaper export --version 3 -o v3.json           a stored version, as extract wrote it";

#[derive(Parser, Debug)]
#[command(name = "boardpaper", version, about = ABOUT, after_help = AFTER_HELP)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Read board papers: the covering report and the action plans, as JSON, CSV or XLSX.
    Extract(cmd_extract::ExtractArgs),
    /// Check a JSON file written by `extract` against the schema; point at each problem.
    Validate(cmd_validate::ValidateArgs),
    /// Print the JSON Schema of `extract`'s output (draft 2020-12).
    Schema,
    /// Print a PDF's text in reading order (or laid out in columns with --layout).
    Text(cmd_text::TextArgs),
    /// Print every word with its box, page by page, as JSON.
    Words(cmd_words::WordsArgs),
    /// Dump one page's glyphs, rules and fills as JSON, or draw them as SVG.
    Primitives(cmd_primitives::PrimitivesArgs),
    /// Find tables (ruled and unruled), join them across pages, print JSON, CSV or Markdown.
    Tables(cmd_tables::TablesArgs),
    /// What changed between two versions of a plan (PDFs or `extract` JSON); exit 0 same,
    /// 1 different, 2 error.
    Diff(cmd_diff::DiffArgs),
    /// Store every plan version of board papers in a SQLite database (default boardpaper.db).
    Import(cmd_import::ImportArgs),
    /// List the plans stored by `import` and their versions, oldest first.
    Versions(cmd_versions::VersionsArgs),
    /// Show one action (e.g. "P1 1.1") across every stored version of its plan.
    History(cmd_history::HistoryArgs),
    /// Write a stored version exactly as `extract` wrote it, as JSON or CSV.
    Export(cmd_export::ExportArgs),
}

/// Options shared by every command that reads a PDF.
#[derive(Args, Debug, Clone)]
pub struct InputArgs {
    /// The PDF to read; `-` reads standard input.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Password for an encrypted PDF (the empty password is always tried first).
    #[arg(long, env = "BOARDPAPER_PASSWORD", hide_env_values = true)]
    pub password: Option<String>,
}

/// Page selection shared by the commands that read several pages.
#[derive(Args, Debug, Clone)]
pub struct PagesArgs {
    /// Pages to read, e.g. `1-3,7` or `5-` (default: all).
    #[arg(long, value_name = "PAGES")]
    pub pages: Option<PageSet>,
}

/// Where the output goes.
#[derive(Args, Debug, Clone)]
pub struct OutputArgs {
    /// Write to this file instead of standard output (written atomically).
    #[arg(short = 'o', long = "output", value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// Do not print warnings to standard error (they stay in JSON outputs).
    #[arg(short, long)]
    pub quiet: bool,
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(a) => cmd_extract::run(a),
        Command::Validate(a) => cmd_validate::run(a),
        Command::Schema => cmd_validate::schema(),
        Command::Text(a) => cmd_text::run(a),
        Command::Words(a) => cmd_words::run(a),
        Command::Primitives(a) => cmd_primitives::run(a),
        Command::Tables(a) => cmd_tables::run(a),
        Command::Import(a) => cmd_import::run(a),
        Command::Versions(a) => cmd_versions::run(a),
        Command::History(a) => cmd_history::run(a),
        Command::Export(a) => cmd_export::run(a),
        Command::Diff(a) => return cmd_diff::run(a),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) if f.status == Status::Ok => ExitCode::SUCCESS,
        Err(f) => {
            eprintln!("boardpaper: {}", f.message);
            ExitCode::from(f.status as u8)
        }
    }
}
