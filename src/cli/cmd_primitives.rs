//! `boardpaper primitives`: one page's glyphs, rules and fills, as JSON or SVG.

use clap::Args;
use std::path::PathBuf;

use boardpaper::{layout, svg, table};

use super::args::{InputArgs, OutputArgs, QuietArgs};
use super::input::{self, Input};
use super::{output, Failure};

#[derive(Args, Debug)]
pub struct PrimitivesArgs {
    #[command(flatten)]
    pub(super) input: InputArgs,
    /// The page to dump (1-based).
    #[arg(long, value_name = "N")]
    page: u32,
    /// Also draw the page as an SVG file: fills, rules, glyph boxes, text, the edges ruled
    /// tables are built from (red), the cells of the tables found on the page (ruled in green,
    /// unruled in orange) with their marks (RAG symbols drawn as shapes, outlined), and the
    /// regions of aligned text that were not tables, with the reason (dashed magenta).
    #[arg(long, value_name = "OUT")]
    svg: Option<PathBuf>,
    #[command(flatten)]
    output: OutputArgs,
    #[command(flatten)]
    quiet: QuietArgs,
}

pub fn run(a: PrimitivesArgs) -> Result<(), Failure> {
    let doc = Input::named(&a.input.file).open(&a.input.open.options())?;
    let page = doc.page(a.page)?;
    input::report_warnings(doc.name(), &page.warnings, a.quiet.quiet);
    if let Some(path) = &a.svg {
        let words = layout::words(&page.glyphs, &layout::Settings::default());
        let seen = table::inspect(&page, &words, &table::Settings::default());
        output::write_atomic(path, svg::page_with_inspection(&page, &seen).as_bytes())?;
        if a.output.output.is_none() {
            return Ok(());
        }
    }
    let mut json =
        serde_json::to_vec_pretty(&page).map_err(|e| Failure::encode("cannot encode JSON", e))?;
    json.push(b'\n');
    output::write(a.output.output.as_deref(), &json)
}
