//! `boardpaper tables`: the tables of a PDF, joined across pages, as JSON, CSV or Markdown.

use clap::{Args, ValueEnum};
use std::path::PathBuf;

use boardpaper::export::tables::{self as wire, TablesDoc, WireWarning};
use boardpaper::pipeline;
use boardpaper::settings::Settings;
use boardpaper::table;

use super::args::{InputArgs, PagesArgs, QuietArgs};
use super::input::{self, Input};
use super::{output, Failure};

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
    #[command(flatten)]
    quiet: QuietArgs,
}

pub fn run(a: TablesArgs) -> Result<(), Failure> {
    let doc = Input::named(&a.input.file).open(&a.input.open.options())?;
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
    warnings.extend(page_warnings.iter().map(WireWarning::from));
    input::report_warnings(
        doc.name(),
        warnings.iter().map(|w| &w.message),
        a.quiet.quiet,
    );
    let enc = |e: Box<dyn std::error::Error + Send + Sync>| Failure::Encode {
        what: "cannot encode output".into(),
        source: e,
    };
    match a.format {
        Format::Json => {
            let out = TablesDoc {
                file: doc.name(),
                tables: tables.iter().map(Into::into).collect(),
                warnings,
            };
            let mut json = serde_json::to_vec_pretty(&out).map_err(|e| enc(e.into()))?;
            json.push(b'\n');
            output::write(a.output.as_deref(), &json)
        }
        Format::Md => {
            let text: Vec<String> = tables.iter().map(wire::markdown).collect();
            output::write(a.output.as_deref(), text.join("\n").as_bytes())
        }
        Format::Csv => match &a.output {
            Some(dir) => {
                output::create_folder(dir)?;
                for (i, t) in tables.iter().enumerate() {
                    let bytes = wire::csv(t).map_err(|e| enc(e.into()))?;
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
                    all.extend(wire::csv(t).map_err(|e| enc(e.into()))?);
                }
                output::write(None, &all)
            }
        },
    }
}
