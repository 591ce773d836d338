//! The one place the command line turns an opened document into a paper; `extract`,
//! `import` and `diff` all read through it.

use boardpaper::paper::document::{self, Paper};
use boardpaper::pdf::Document;

use super::options::Reading;
use super::Failure;

/// The paper in `doc`: its covering report and its action plans.
pub fn paper(doc: &Document, reading: &Reading) -> Result<Paper, Failure> {
    Ok(document::read_with(doc, &reading.profile)?)
}
