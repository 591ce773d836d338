//! The one place the command line turns an opened document into a paper; `extract`,
//! `import` and `diff` all read through it, with the settings built once from the flags.

use boardpaper::paper::document::Paper;
use boardpaper::pdf::Document;
use boardpaper::pipeline;

use super::options::Reading;
use super::Failure;

/// The paper in `doc`: its covering report and its action plans.
pub fn paper(doc: &Document, reading: &Reading) -> Result<Paper, Failure> {
    Ok(pipeline::read(doc, &reading.settings)?)
}

/// [`paper`], telling `observer` of each step on each page.
pub fn paper_observed(
    doc: &Document,
    reading: &Reading,
    observer: &dyn pipeline::Observer,
) -> Result<Paper, Failure> {
    Ok(pipeline::read_observed(doc, &reading.settings, observer)?)
}
