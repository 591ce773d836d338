//! `extract` outputs: JSON (validated against `schemas/paper.schema.json` before it is
//! written) and CSV.
//!
//! `actions.csv` has one row per action, `milestones.csv` one per milestone; their columns
//! are documented in [`super::sheet`]. List fields hold one entry per line (a newline inside
//! the quoted cell).

use serde_json::Value;

use super::schema::{validate_paper, Violation};
use super::sheet::{self, Sheet};
use super::wire;
use crate::paper::document::Paper;

/// Why an output could not be made.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Encoding JSON failed.
    #[error("cannot encode JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// The document breaks its schema (a bug in boardpaper, reported rather than written).
    #[error("the output breaks the schema: {}", .0.iter().map(|v| v.to_string()).collect::<Vec<_>>().join("; "))]
    Schema(Vec<Violation>),
    /// Writing CSV failed.
    #[error("cannot write CSV: {0}")]
    Csv(#[from] csv::Error),
}

/// The paper as JSON (through [`wire::Paper`]), validated against the schema.
pub fn json(paper: &Paper) -> Result<Vec<u8>, Error> {
    let wire = wire::Paper::from(paper);
    // Checked and written at once, both from the wire form (the check needs it as a JSON
    // value, the writer does not); what is written is thrown away if the check fails.
    let (valid, written) = rayon::join(
        || -> Result<(), Error> {
            let value: Value = serde_json::to_value(&wire)?;
            validate_paper(&value).map_err(Error::Schema)
        },
        || serde_json::to_vec_pretty(&wire),
    );
    valid?;
    let mut out = written?;
    out.push(b'\n');
    Ok(out)
}

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

fn writer(excel: bool) -> csv::Writer<Vec<u8>> {
    let start = if excel { UTF8_BOM.to_vec() } else { Vec::new() };
    csv::Writer::from_writer(start)
}

fn finish(w: csv::Writer<Vec<u8>>) -> Result<Vec<u8>, Error> {
    w.into_inner()
        .map_err(|e| Error::Csv(csv::Error::from(e.into_error())))
}

/// A sheet as CSV (header row, then one record per row).
fn sheet_csv(sheet: &Sheet, excel: bool) -> Result<Vec<u8>, Error> {
    let mut w = writer(excel);
    w.write_record(sheet.columns.iter().map(|c| c.name.as_ref()))?;
    for row in &sheet.rows {
        w.write_record(row.iter().map(|v| v.text.as_str()))?;
    }
    finish(w)
}

/// `actions.csv` (columns in [`super::sheet`]); `excel` starts it with a byte-order mark so
/// spreadsheet programs read UTF-8.
pub fn actions_csv(paper: &Paper, excel: bool) -> Result<Vec<u8>, Error> {
    sheet_csv(&sheet::actions(&wire::Paper::from(paper)), excel)
}

/// `milestones.csv` (columns in [`super::sheet`]).
pub fn milestones_csv(paper: &Paper, excel: bool) -> Result<Vec<u8>, Error> {
    sheet_csv(&sheet::milestones(&wire::Paper::from(paper)), excel)
}
