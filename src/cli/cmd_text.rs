//! `boardpaper text`: a PDF's text in reading order, or laid out with `--layout`.

use clap::Args;

use boardpaper::layout::{self, Settings};

use super::args::{InputArgs, OutputArgs, PagesArgs, QuietArgs};
use super::input::{self, Input};
use super::{output, Failure};

#[derive(Args, Debug)]
pub struct TextArgs {
    #[command(flatten)]
    pub(super) input: InputArgs,
    #[command(flatten)]
    pages: PagesArgs,
    /// Keep the page's columns by placing each word at its column, like `pdftotext -layout`.
    #[arg(long)]
    layout: bool,
    #[command(flatten)]
    output: OutputArgs,
    #[command(flatten)]
    quiet: QuietArgs,
}

pub fn run(a: TextArgs) -> Result<(), Failure> {
    let doc = Input::named(&a.input.file).open(&a.input.open.options())?;
    let pages = input::interpret(&doc, &input::selected_pages(&doc, &a.pages)?)?;
    let settings = Settings::default();
    let mut text = String::new();
    for (i, p) in pages.iter().enumerate() {
        if i > 0 {
            text.push('\u{c}');
        }
        let page_text = if a.layout {
            layout::layout_text(&p.glyphs, &settings)
        } else {
            layout::reading_text(&p.glyphs, &settings)
        };
        text.push_str(&page_text);
    }
    input::report_warnings(
        doc.name(),
        doc.warnings()
            .iter()
            .chain(pages.iter().flat_map(|p| &p.warnings)),
        a.quiet.quiet,
    );
    output::write(a.output.output.as_deref(), text.as_bytes())
}
