//! `extract` outputs: JSON (validated against `schemas/paper.schema.json` before it is
//! written) and CSV.
//!
//! `actions.csv` has one row per action with these columns: `plan`, `version`,
//! `version_date`, `priority`, `priority_title`, `area`, `outcome`, `action`,
//! `specific_action`, `leads`, `success_indicators`, `milestones`, `rag`, `rag_colours`,
//! `impact_evidence`, `first_page`, `last_page`. List fields hold one entry per line (a
//! newline inside the quoted cell). `milestones.csv` has one row per milestone: `plan`,
//! `version`, `priority`, `area`, `action`, `index` (0-based), `text`, `status`, `date`, `rag`.

use serde_json::Value;

use super::schema::{validate_paper, Violation};
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

/// The paper as JSON, validated against the schema.
pub fn json(paper: &Paper) -> Result<Vec<u8>, Error> {
    let value: Value = serde_json::to_value(paper)?;
    validate_paper(&value).map_err(Error::Schema)?;
    let mut out = serde_json::to_vec_pretty(&value)?;
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

/// `actions.csv`; `excel` starts it with a byte-order mark so spreadsheet programs read UTF-8.
pub fn actions_csv(paper: &Paper, excel: bool) -> Result<Vec<u8>, Error> {
    let mut w = writer(excel);
    w.write_record([
        "plan",
        "version",
        "version_date",
        "priority",
        "priority_title",
        "area",
        "outcome",
        "action",
        "specific_action",
        "leads",
        "success_indicators",
        "milestones",
        "rag",
        "rag_colours",
        "impact_evidence",
        "first_page",
        "last_page",
    ])?;
    for plan in &paper.plans {
        for p in &plan.priorities {
            for a in &p.improvement_areas {
                for act in &a.actions {
                    let colours: Vec<String> = act
                        .rag
                        .iter()
                        .map(|r| {
                            serde_json::to_value(r.colour)
                                .ok()
                                .and_then(|v| v.as_str().map(str::to_string))
                                .unwrap_or_default()
                        })
                        .collect();
                    w.write_record([
                        plan.title.clone(),
                        plan.version.clone().unwrap_or_default(),
                        plan.version_date.clone().unwrap_or_default(),
                        p.number.to_string(),
                        p.title.clone(),
                        a.number.to_string(),
                        a.outcome.clone(),
                        act.number.clone(),
                        act.specific_action.clone(),
                        act.leads.join("\n"),
                        act.success_indicators.join("\n"),
                        act.milestones
                            .iter()
                            .map(|m| m.text.as_str())
                            .collect::<Vec<_>>()
                            .join("\n"),
                        act.rag
                            .iter()
                            .map(|r| r.text.as_str())
                            .collect::<Vec<_>>()
                            .join("\n"),
                        colours.join("\n"),
                        act.impact_evidence.join("\n"),
                        act.pages[0].to_string(),
                        act.pages[1].to_string(),
                    ])?;
                }
            }
        }
    }
    finish(w)
}

/// `milestones.csv`.
pub fn milestones_csv(paper: &Paper, excel: bool) -> Result<Vec<u8>, Error> {
    let mut w = writer(excel);
    w.write_record([
        "plan", "version", "priority", "area", "action", "index", "text", "status", "date", "rag",
    ])?;
    for plan in &paper.plans {
        for p in &plan.priorities {
            for a in &p.improvement_areas {
                for act in &a.actions {
                    for (i, m) in act.milestones.iter().enumerate() {
                        w.write_record([
                            plan.title.clone(),
                            plan.version.clone().unwrap_or_default(),
                            p.number.to_string(),
                            a.number.to_string(),
                            act.number.clone(),
                            i.to_string(),
                            m.text.clone(),
                            m.status.map(|s| s.as_str().to_string()).unwrap_or_default(),
                            m.date.clone().unwrap_or_default(),
                            m.rag.clone().unwrap_or_default(),
                        ])?;
                    }
                }
            }
        }
    }
    finish(w)
}
