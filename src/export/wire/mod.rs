//! `extract`'s JSON on the wire: serialisation types for the paper and everything in it, with
//! conversions from the model and back (after ripgrep's `crates/printer/src/jsont.rs`).
//!
//! Everything that writes or reads the paper JSON goes through these types: `extract`
//! ([`super::paper::json`]), the store reading a document back, and `diff` reading a JSON
//! input; the change list embeds milestones and RAG entries through [`embed`]. A refactor of the model cannot change the schema (`schemas/paper.schema.json`) by
//! accident: the field names, their order, which fields are left out when empty and how
//! colours, statuses and boxes are spelt are all written here.
//!
//! A warning read back keeps its `kind` and `message` as written
//! ([`crate::warning::Kind::Read`]), so a paper read from JSON and written again gives the same
//! bytes.

pub mod embed;
mod plan;
mod report;

pub use plan::{
    Action, Area, Hex, Milestone, Part, Period, Plan, Priority, RagColour, RagEntry, Status,
};
pub use report::{Appendix, Contact, Meeting, Paragraph, Report, Section};

use serde::{Deserialize, Serialize};

use crate::paper::document;
use crate::{pdf, table, warning};

/// The paper: `{"file", "producer", "creator", "pages", "meeting", "report", "plans",
/// "warnings"}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Paper {
    /// The input file's name.
    pub file: String,
    /// The PDF's /Producer.
    pub producer: Option<String>,
    /// The PDF's /Creator.
    #[serde(default)]
    pub creator: Option<String>,
    /// Page count.
    pub pages: u32,
    /// The meeting.
    pub meeting: Option<Meeting>,
    /// The covering report.
    pub report: Option<Report>,
    /// The action plans.
    pub plans: Vec<Plan>,
    /// The warnings.
    pub warnings: Vec<Warning>,
}

/// A warning: `{"page", "kind", "message"}` (also in the `tables` output).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    /// The page, or `null` for the whole document.
    pub page: Option<u32>,
    /// The stable snake_case kind.
    pub kind: String,
    /// What happened, in words.
    pub message: String,
}

/// A paper from `extract`'s JSON text.
pub fn paper_from_str(json: &str) -> Result<document::Paper, serde_json::Error> {
    serde_json::from_str::<Paper>(json).map(Into::into)
}

/// A paper from `extract`'s JSON, already parsed (and checked against the schema, say).
pub fn paper_from_value(json: serde_json::Value) -> Result<document::Paper, serde_json::Error> {
    serde_json::from_value::<Paper>(json).map(Into::into)
}

impl From<&document::Paper> for Paper {
    fn from(p: &document::Paper) -> Self {
        Paper {
            file: p.file.clone(),
            producer: p.producer.clone(),
            creator: p.creator.clone(),
            pages: p.pages,
            meeting: p.meeting.as_ref().map(Meeting::from),
            report: p.report.as_ref().map(Report::from),
            plans: p.plans.iter().map(Plan::from).collect(),
            warnings: p.warnings.iter().map(Warning::from).collect(),
        }
    }
}

impl From<Paper> for document::Paper {
    fn from(p: Paper) -> Self {
        document::Paper {
            file: p.file,
            producer: p.producer,
            creator: p.creator,
            pages: p.pages,
            meeting: p.meeting.map(Into::into),
            report: p.report.map(Into::into),
            plans: p.plans.into_iter().map(Into::into).collect(),
            warnings: p.warnings.into_iter().map(Into::into).collect(),
        }
    }
}

impl From<&warning::Warning> for Warning {
    fn from(w: &warning::Warning) -> Self {
        Warning {
            page: w.page,
            kind: w.code().to_string(),
            message: w.message(),
        }
    }
}

impl From<&pdf::Warning> for Warning {
    fn from(w: &pdf::Warning) -> Self {
        Warning::from(&warning::Warning::from(w))
    }
}

impl From<&table::Warning> for Warning {
    fn from(w: &table::Warning) -> Self {
        Warning::from(&warning::Warning::from(w))
    }
}

/// A warning read back: its code and message as written.
impl From<Warning> for warning::Warning {
    fn from(w: Warning) -> Self {
        warning::Warning {
            page: w.page,
            kind: warning::Kind::Read {
                code: w.kind,
                message: w.message,
            },
        }
    }
}

/// Through [`Warning`], so that the model's serde derives (still on
/// [`document::Paper`]) give the same JSON; the outputs themselves use [`Paper`].
impl Serialize for warning::Warning {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        Warning::from(self).serialize(s)
    }
}

/// Through [`Warning`]: a warning read back keeps its code and message.
impl<'de> Deserialize<'de> for warning::Warning {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Warning::deserialize(d).map(Into::into)
    }
}

#[cfg(test)]
mod tests;
