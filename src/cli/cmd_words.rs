//! `boardpaper words`: every word with its box, page by page, as JSON.

use clap::Args;
use serde::Serialize;

use boardpaper::layout::{self, Settings, Word};
use boardpaper::pdf::Warning;

use super::args::{InputArgs, OutputArgs, PagesArgs, QuietArgs};
use super::input::{self, Input};
use super::{output, Failure};

#[derive(Args, Debug)]
pub struct WordsArgs {
    #[command(flatten)]
    pub(super) input: InputArgs,
    #[command(flatten)]
    pages: PagesArgs,
    #[command(flatten)]
    output: OutputArgs,
    #[command(flatten)]
    quiet: QuietArgs,
}

/// The JSON document (a wire type: changing internals must not change it silently).
#[derive(Serialize)]
struct WordsDoc<'a> {
    file: &'a str,
    pages: Vec<PageWords<'a>>,
    warnings: &'a [Warning],
}

#[derive(Serialize)]
struct PageWords<'a> {
    number: u32,
    width: f64,
    height: f64,
    rotation: u16,
    words: Vec<Word>,
    warnings: &'a [Warning],
}

pub fn run(a: WordsArgs) -> Result<(), Failure> {
    let doc = Input::named(&a.input.file).open(&a.input.open.options())?;
    let pages = input::interpret(&doc, &input::selected_pages(&doc, &a.pages)?)?;
    let settings = Settings::default();
    let out = WordsDoc {
        file: doc.name(),
        warnings: doc.warnings(),
        pages: pages
            .iter()
            .map(|p| PageWords {
                number: p.info.number,
                width: boardpaper::geom::round2(p.info.width),
                height: boardpaper::geom::round2(p.info.height),
                rotation: p.info.rotation,
                words: layout::words(&p.glyphs, &settings),
                warnings: &p.warnings,
            })
            .collect(),
    };
    let mut json =
        serde_json::to_vec_pretty(&out).map_err(|e| Failure::encode("cannot encode JSON", e))?;
    json.push(b'\n');
    input::report_warnings(
        doc.name(),
        doc.warnings()
            .iter()
            .chain(pages.iter().flat_map(|p| &p.warnings)),
        a.quiet.quiet,
    );
    output::write(a.output.output.as_deref(), &json)
}
