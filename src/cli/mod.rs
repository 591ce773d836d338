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
use boardpaper::pdf::limits;

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
    /// 10: no page has a text layer: the PDF is a scan and needs OCR first.
    NoText = 10,
    /// 11: a document-level limit on hostile input was passed (time, objects, bytes).
    Limit = 11,
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
            pdf::Error::NoTextLayer { .. } => Status::NoText,
            pdf::Error::LimitExceeded { .. } => Status::Limit,
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
batch failed, 9 internal error (a bug), 10 no text layer on any page (a scan: needs OCR),
11 a limit on hostile input was passed (time, objects, document bytes; see --help of a
command for the --max-* flags).

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

/// The profile named by `--profile`, or the built-in rules when none is; a profile that
/// cannot be used is a usage error naming the file and the key.
pub fn load_profile(
    path: Option<&std::path::Path>,
) -> Result<boardpaper::paper::profile::Profile, Failure> {
    use boardpaper::paper::profile::Profile;
    path.map_or_else(
        || Ok(Profile::default()),
        |p| {
            Profile::load(p).map_err(|e| Failure {
                status: Status::Usage,
                message: e.to_string(),
            })
        },
    )
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
    #[command(flatten)]
    pub limits: LimitArgs,
}

/// The help heading of the limit flags (set per flag: a struct-level heading would carry on
/// to the flags that follow in the same command).
const LIMITS_HEADING: &str = "Limits on hostile input";

/// Limits on what one hostile or broken file may cost (see `pdf::Limits` for the reasons
/// behind each default). Page-level limits cut a page short with a warning; document-level
/// ones (objects, document bytes, time) stop the file with exit code 11.
#[derive(Args, Debug, Clone)]
pub struct LimitArgs {
    /// Wall-clock seconds one file may take (0: no limit).
    #[arg(help_heading = LIMITS_HEADING, long, value_name = "SECS", default_value_t = limits::DEFAULT_TIME_SECS as f64)]
    pub time_limit: f64,
    /// Largest decompressed size of one stream (bytes; K, M, G suffixes allowed).
    #[arg(help_heading = LIMITS_HEADING, long, value_name = "BYTES", value_parser = parse_bytes, default_value = "64M")]
    pub max_stream_bytes: usize,
    /// Decompressed bytes of all content streams of one file, forms counted per drawing.
    #[arg(help_heading = LIMITS_HEADING, long, value_name = "BYTES", value_parser = parse_bytes, default_value = "256M")]
    pub max_document_bytes: usize,
    /// Content-stream operators per page, forms included.
    #[arg(help_heading = LIMITS_HEADING, long, value_name = "N", default_value_t = limits::DEFAULT_OPERATORS_PER_PAGE)]
    pub max_operators: usize,
    /// Nesting depth of form XObjects.
    #[arg(help_heading = LIMITS_HEADING, long, value_name = "N", default_value_t = limits::DEFAULT_FORM_DEPTH)]
    pub max_form_depth: usize,
    /// Form XObjects drawn per page.
    #[arg(help_heading = LIMITS_HEADING, long, value_name = "N", default_value_t = limits::DEFAULT_FORM_INVOCATIONS)]
    pub max_form_invocations: usize,
    /// Objects in one file; more and the file is refused.
    #[arg(help_heading = LIMITS_HEADING, long, value_name = "N", default_value_t = limits::DEFAULT_OBJECTS)]
    pub max_objects: usize,
    /// Pages read from one file (later pages are skipped with a warning).
    #[arg(help_heading = LIMITS_HEADING, long, value_name = "N", default_value_t = limits::DEFAULT_PAGES)]
    pub max_pages: usize,
    /// Mappings read from one CMap.
    #[arg(help_heading = LIMITS_HEADING, long, value_name = "N", default_value_t = limits::DEFAULT_CMAP_ENTRIES)]
    pub max_cmap_entries: usize,
    /// Glyphs per page.
    #[arg(help_heading = LIMITS_HEADING, long, value_name = "N", default_value_t = limits::DEFAULT_GLYPHS_PER_PAGE)]
    pub max_glyphs: usize,
    /// Path segments per page.
    #[arg(help_heading = LIMITS_HEADING, long, value_name = "N", default_value_t = limits::DEFAULT_PATH_SEGMENTS_PER_PAGE)]
    pub max_path_segments: usize,
}

impl LimitArgs {
    /// The limits these flags ask for.
    pub fn to_limits(&self) -> pdf::Limits {
        let time = (self.time_limit.is_finite() && self.time_limit > 0.0)
            .then(|| std::time::Duration::try_from_secs_f64(self.time_limit).ok())
            .flatten();
        pdf::Limits {
            stream_bytes: self.max_stream_bytes,
            document_bytes: self.max_document_bytes,
            operators_per_page: self.max_operators,
            form_depth: self.max_form_depth,
            form_invocations: self.max_form_invocations,
            cmap_entries: self.max_cmap_entries,
            glyphs_per_page: self.max_glyphs,
            path_segments_per_page: self.max_path_segments,
            pages: self.max_pages,
            objects: self.max_objects,
            time,
        }
    }
}

/// A byte count such as `1048576`, `512K`, `64M` or `1G` (powers of 1024).
fn parse_bytes(s: &str) -> Result<usize, String> {
    let t = s.trim();
    let (digits, shift) = match t.char_indices().last() {
        Some((i, 'k' | 'K')) => (&t[..i], 10),
        Some((i, 'm' | 'M')) => (&t[..i], 20),
        Some((i, 'g' | 'G')) => (&t[..i], 30),
        _ => (t, 0),
    };
    digits
        .parse::<usize>()
        .ok()
        .and_then(|n| n.checked_mul(1usize << shift))
        .ok_or_else(|| format!("{s:?} is not a byte count (e.g. 1048576, 512K, 64M, 1G)"))
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

impl Command {
    /// The input the command reads, for messages about a panic.
    fn input_name(&self) -> String {
        let show = |p: &std::path::Path| match p.as_os_str() == "-" {
            true => "<stdin>".to_string(),
            false => p.display().to_string(),
        };
        match self {
            Command::Extract(a) => a
                .inputs
                .iter()
                .map(|p| show(p))
                .collect::<Vec<_>>()
                .join(", "),
            Command::Validate(a) => show(&a.file),
            Command::Schema => "schema".into(),
            Command::Text(a) => show(&a.input.file),
            Command::Words(a) => show(&a.input.file),
            Command::Primitives(a) => show(&a.input.file),
            Command::Tables(a) => show(&a.input.file),
            Command::Diff(a) => match (&a.old, &a.new, &a.db) {
                (Some(old), Some(new), _) => format!("{} and {}", show(old), show(new)),
                (_, _, Some(db)) => show(db),
                _ => "diff".into(),
            },
            Command::Import(_) => "import".into(),
            Command::Versions(_) => "versions".into(),
            Command::History(_) => "history".into(),
            Command::Export(_) => "export".into(),
        }
    }
}

/// Where the last panic happened (`file:line:column`), recorded by the hook that
/// [`quiet_panics`] installs. A global rather than a thread-local: rayon re-raises a worker's
/// panic on the thread that waits for it.
static PANIC_AT: std::sync::Mutex<Option<String>> = std::sync::Mutex::new(None);

/// Replace Rust's default panic message (several lines on stderr, from whichever thread)
/// with a record of where it happened; [`guard`] then prints one line naming the file. In a
/// batch that keeps stderr to one line per failed file. With `RUST_BACKTRACE` set the
/// default message (and backtrace) is printed as well, for whoever debugs it.
fn quiet_panics() {
    let default = std::panic::take_hook();
    let verbose = std::env::var_os("RUST_BACKTRACE").is_some();
    std::panic::set_hook(Box::new(move |info| {
        if let Ok(mut at) = PANIC_AT.lock() {
            *at = info.location().map(|l| l.to_string());
        }
        if verbose {
            default(info);
        }
    }));
}

/// Run one file's work; a panic inside it becomes an internal error (exit 9) naming the file,
/// so a batch goes on with the next file. A safety net: no input should make the pipeline
/// panic, and one that does is a bug to report with the file.
pub fn guard<T>(file: &str, work: impl FnOnce() -> Result<T, Failure>) -> Result<T, Failure> {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(work)) {
        Ok(result) => result,
        Err(payload) => {
            let what = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "a panic".into());
            let at = PANIC_AT
                .lock()
                .ok()
                .and_then(|mut at| at.take())
                .map(|at| format!(" at {at}"))
                .unwrap_or_default();
            Err(Failure {
                status: Status::Internal,
                message: format!(
                    "{file}: internal error (a bug; please report it with the file): panicked{at}: {what}"
                ),
            })
        }
    }
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    quiet_panics();
    let name = cli.command.input_name();
    let command = match cli.command {
        // diff(1)'s exit codes: 0 same, 1 different, 2 trouble (a panic included).
        Command::Diff(a) => {
            return guard(&name, || Ok(cmd_diff::run(a))).unwrap_or_else(|f| {
                eprintln!("boardpaper: {}", f.message);
                ExitCode::from(2)
            })
        }
        other => other,
    };
    let result = guard(&name, || match command {
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
        Command::Diff(_) => Ok(()), // returned above
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) if f.status == Status::Ok => ExitCode::SUCCESS,
        Err(f) => {
            eprintln!("boardpaper: {}", f.message);
            ExitCode::from(f.status as u8)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limit_flags_default_to_the_library_limits() {
        let cli = Cli::try_parse_from(["boardpaper", "text", "x.pdf"]).unwrap();
        let Command::Text(a) = cli.command else {
            panic!("not text")
        };
        assert_eq!(a.input.limits.to_limits(), pdf::Limits::default());
    }

    #[test]
    fn limit_flags_set_the_limits() {
        let cli = Cli::try_parse_from([
            "boardpaper",
            "extract",
            "x.pdf",
            "--time-limit",
            "0",
            "--max-stream-bytes",
            "512K",
            "--max-objects",
            "7",
        ])
        .unwrap();
        let Command::Extract(a) = cli.command else {
            panic!("not extract")
        };
        let limits = a.limits.to_limits();
        assert_eq!(limits.time, None, "0 means no time limit");
        assert_eq!(limits.stream_bytes, 512 * 1024);
        assert_eq!(limits.objects, 7);
    }

    #[test]
    fn byte_counts_take_suffixes() {
        assert_eq!(parse_bytes("1048576"), Ok(1 << 20));
        assert_eq!(parse_bytes("64M"), Ok(64 << 20));
        assert_eq!(parse_bytes("1g"), Ok(1 << 30));
        assert!(parse_bytes("").is_err());
        assert!(parse_bytes("M").is_err());
        assert!(parse_bytes("-1K").is_err());
        assert!(parse_bytes("99999999999999999999G").is_err());
    }

    #[test]
    fn a_panic_becomes_an_internal_error_naming_the_file() {
        let r: Result<(), Failure> = guard("papers/odd.pdf", || panic!("index out of bounds"));
        let f = r.unwrap_err();
        assert_eq!(f.status, Status::Internal);
        assert!(
            f.message.starts_with("papers/odd.pdf: internal error")
                && f.message.contains("index out of bounds"),
            "{}",
            f.message
        );
        // Work that returns normally passes through untouched.
        assert_eq!(guard("a.pdf", || Ok(5)).ok(), Some(5));
    }

    #[test]
    fn exit_codes_are_stable() {
        let codes = [
            Status::Ok,
            Status::Usage,
            Status::Io,
            Status::NotPdf,
            Status::Damaged,
            Status::Password,
            Status::Invalid,
            Status::SomeFailed,
            Status::Internal,
            Status::NoText,
            Status::Limit,
        ]
        .map(|s| s as u8);
        assert_eq!(codes, [0, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    }
}
