//! Command-line interface, in ripgrep's two levels: the shared flags as clap parses them
//! (`args.rs`) are built once into what the library takes (`options.rs`). One module per
//! subcommand (`cmd_*.rs`, which never import each other); the steps they share each have
//! one home: naming and opening inputs (`input.rs`), reading a paper (`read.rs`), opening
//! the database (`db.rs`), writing outputs (`output.rs`), the panic guard (`guard.rs`), and
//! failures with their one mapping to exit codes (`failure.rs`).

mod args;
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
mod db;
mod failure;
mod guard;
mod input;
mod options;
mod output;
mod read;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

pub use failure::{Failure, Status, Usage};
use guard::guard;

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

impl Command {
    /// The input the command reads, for messages about a panic.
    fn input_name(&self) -> String {
        let show = |p: &std::path::Path| input::Input::named(p).name();
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

/// `diff`'s exit code for any failure, as diff(1) has it.
const DIFF_TROUBLE: u8 = 2;

/// Parse the command line, run the command, print its failure and turn it into an exit code.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    guard::quiet_panics();
    let name = cli.command.input_name();
    let diff = matches!(cli.command, Command::Diff(_));
    match guard(&name, || run(cli.command)) {
        Ok(code) => code,
        Err(f) => {
            eprintln!("boardpaper: {f}");
            // diff(1)'s exit codes: 0 same, 1 different, 2 trouble (a panic included).
            ExitCode::from(if diff { DIFF_TROUBLE } else { f.status() as u8 })
        }
    }
}

/// Run one command; its exit code when it succeeds.
fn run(command: Command) -> Result<ExitCode, Failure> {
    let done = match command {
        Command::Diff(a) => {
            let differ = cmd_diff::run(a)?;
            return Ok(ExitCode::from(u8::from(differ)));
        }
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
    };
    done.map(|()| ExitCode::from(Status::Ok as u8))
}

#[cfg(test)]
mod tests {
    use super::*;
    use boardpaper::pdf::{self, limits::Limit};

    #[test]
    fn limit_flags_default_to_the_library_limits() {
        let cli = Cli::try_parse_from(["boardpaper", "text", "x.pdf"]).unwrap();
        let Command::Text(a) = cli.command else {
            panic!("not text")
        };
        assert_eq!(a.input.open.limits.to_limits(), pdf::Limits::default());
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
        let limits = a.read.open.limits.to_limits();
        assert_eq!(limits.time, None, "0 means no time limit");
        assert_eq!(limits.stream_bytes, 512 * 1024);
        assert_eq!(limits.objects, 7);
    }

    #[test]
    fn every_command_that_opens_a_pdf_takes_every_limit_flag_and_the_password() {
        let commands: [&[&str]; 7] = [
            &["extract", "x.pdf"],
            &["import", "x.pdf"],
            &["diff", "a.pdf", "b.pdf"],
            &["text", "x.pdf"],
            &["words", "x.pdf"],
            &["tables", "x.pdf"],
            &["primitives", "--page", "1", "x.pdf"],
        ];
        for command in commands {
            for limit in Limit::ALL {
                let flag = format!("--{}", args::limit_flag(limit));
                let line = [&["boardpaper"], command, &[flag.as_str(), "1"]].concat();
                assert!(Cli::try_parse_from(&line).is_ok(), "{line:?}");
            }
            let line = [&["boardpaper"], command, &["--password", "p"]].concat();
            assert!(Cli::try_parse_from(&line).is_ok(), "{line:?}");
        }
    }
}
