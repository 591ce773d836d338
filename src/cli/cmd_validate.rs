//! `boardpaper validate` and `boardpaper schema`: the JSON contract of `extract`.

use clap::Args;
use std::path::PathBuf;

use boardpaper::export::schema::{validate_paper, PAPER_SCHEMA};

use super::input::Input;
use super::{output, Failure};

#[derive(Args, Debug)]
pub struct ValidateArgs {
    /// A JSON file written by `extract` (`-` reads standard input).
    #[arg(value_name = "FILE")]
    pub(super) file: PathBuf,
}

pub fn run(a: ValidateArgs) -> Result<(), Failure> {
    // Messages name the file as given (`-` for standard input).
    let file = a.file.display().to_string();
    let bytes = Input::named(&a.file)
        .read()
        .map_err(|source| Failure::Read {
            file: file.clone(),
            source,
        })?;
    let value: serde_json::Value =
        serde_json::from_slice(&bytes).map_err(|source| Failure::NotJson {
            file: file.clone(),
            source,
        })?;
    validate_paper(&value).map_err(|violations| Failure::Invalid { file, violations })
}

pub fn schema() -> Result<(), Failure> {
    output::write(None, PAPER_SCHEMA.as_bytes())
}
