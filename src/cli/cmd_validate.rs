//! `boardpaper validate` and `boardpaper schema`: the JSON contract of `extract`.

use clap::Args;
use std::path::PathBuf;

use boardpaper::export::schema::{validate_paper, PAPER_SCHEMA};

use super::{output, Failure, Status};

#[derive(Args, Debug)]
pub struct ValidateArgs {
    /// A JSON file written by `extract` (`-` reads standard input).
    #[arg(value_name = "FILE")]
    pub(super) file: PathBuf,
}

pub fn run(a: ValidateArgs) -> Result<(), Failure> {
    let name = a.file.display().to_string();
    let bytes = if name == "-" {
        let mut b = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut b).map(|_| b)
    } else {
        std::fs::read(&a.file)
    }
    .map_err(|e| Failure {
        status: Status::Io,
        message: format!("{name}: cannot read: {e}"),
    })?;
    let value: serde_json::Value = serde_json::from_slice(&bytes).map_err(|e| Failure {
        status: Status::Invalid,
        message: format!("{name}: not JSON: {e}"),
    })?;
    match validate_paper(&value) {
        Ok(()) => Ok(()),
        Err(violations) => Err(Failure {
            status: Status::Invalid,
            message: format!(
                "{name}: {} schema violation(s):\n{}",
                violations.len(),
                violations
                    .iter()
                    .map(|v| format!("  {v}"))
                    .collect::<Vec<_>>()
                    .join("\n")
            ),
        }),
    }
}

pub fn schema() -> Result<(), Failure> {
    output::write(None, PAPER_SCHEMA.as_bytes())
}
