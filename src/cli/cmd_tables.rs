//! `boardpaper tables`: the tables of a PDF, joined across pages, as JSON, CSV or Markdown.

use clap::{Args, ValueEnum};
use std::path::PathBuf;

use boardpaper::export::tables::{self as wire, TablesDoc, WireWarning};
use boardpaper::pipeline;
use boardpaper::settings::Settings;
use boardpaper::table;

use super::{input, output, Failure, InputArgs, PagesArgs, Status};

#[derive(Clone, Copy, Debug, ValueEnum)]
enum Format {
    Json,
    Csv,
    Md,
}

#[derive(Args, Debug)]
pub struct TablesArgs {
    #[command(flatten)]
    pub(super) input: InputArgs,
    #[command(flatten)]
    pages: PagesArgs,
    /// Output format. CSV writes one file per table with -o DIR, or all tables to standard
    /// output separated by a blank line.
    #[arg(long, value_enum, default_value = "json")]
    format: Format,
    /// Only look for ruled tables (drawn with lines).
    #[arg(long)]
    ruled_only: bool,
    /// Write here: a file for JSON and Markdown, a folder for CSV.
    #[arg(short = 'o', long = "output", value_name = "PATH")]
    output: Option<PathBuf>,
    /// Do not print warnings to standard error.
    #[arg(short, long)]
    quiet: bool,
}

pub fn run(a: TablesArgs) -> Result<(), Failure> {
    let doc = input::open(&a.input)?;
    let settings = Settings {
        table: table::Settings {
            unruled: !a.ruled_only,
            ..table::Settings::default()
        },
        ..Settings::default()
    };
    let (tables, page_warnings) =
        pipeline::tables(&doc, &input::selected_pages(&doc, &a.pages)?, &settings)?;
    let mut warnings: Vec<WireWarning> = doc.warnings().iter().map(WireWarning::from).collect();
    warnings.extend(page_warnings);
    if !a.quiet {
        for w in &warnings {
            eprintln!("warning: {}: {}", doc.name(), w.message);
        }
    }
    let enc = |e: String| Failure {
        status: Status::Io,
        message: format!("cannot encode output: {e}"),
    };
    match a.format {
        Format::Json => {
            let out = TablesDoc {
                file: doc.name(),
                tables: tables.iter().map(Into::into).collect(),
                warnings,
            };
            let mut json = serde_json::to_vec_pretty(&out).map_err(|e| enc(e.to_string()))?;
            json.push(b'\n');
            output::write(a.output.as_deref(), &json)
        }
        Format::Md => {
            let text: Vec<String> = tables.iter().map(wire::markdown).collect();
            output::write(a.output.as_deref(), text.join("\n").as_bytes())
        }
        Format::Csv => match &a.output {
            Some(dir) => {
                std::fs::create_dir_all(dir).map_err(|e| Failure {
                    status: Status::Io,
                    message: format!("{}: {e}", dir.display()),
                })?;
                for (i, t) in tables.iter().enumerate() {
                    let bytes = wire::csv(t).map_err(|e| enc(e.to_string()))?;
                    let first = t.pages.first().copied().unwrap_or(0);
                    output::write_atomic(
                        &dir.join(format!("table-{:02}-page-{first}.csv", i + 1)),
                        &bytes,
                    )?;
                }
                Ok(())
            }
            None => {
                let mut all = Vec::new();
                for (i, t) in tables.iter().enumerate() {
                    if i > 0 {
                        all.push(b'\n');
                    }
                    all.extend(wire::csv(t).map_err(|e| enc(e.to_string()))?);
                }
                output::write(None, &all)
            }
        },
    }
}
