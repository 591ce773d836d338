//! Reading back: the plan versions stored, and any document as `extract` wrote it.

use serde::Serialize;
use std::cmp::Ordering;

use super::{sqlite, Error, Store};
use crate::paper::document::Paper;
use crate::paper::model::Plan;

/// One stored plan version: a plan of one document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlanVersion {
    /// The plan's title.
    pub title: String,
    /// Its version label as printed.
    pub version: Option<String>,
    /// Its version date as printed.
    pub version_date: Option<String>,
    /// The version date as `YYYY-MM`, when it could be read.
    pub version_month: Option<String>,
    /// First and last page in its document.
    pub pages: [u32; 2],
    /// How many actions it has.
    pub actions: u32,
    /// How many milestones its actions have.
    pub milestones: u32,
    /// The document's file name.
    pub file: String,
    /// The document's sha256.
    pub hash: String,
    /// When the document was imported (UTC).
    pub imported_at: String,
    /// The document's row id.
    pub document_id: i64,
    /// The plan's position in its document (0-based).
    pub seq: usize,
}

impl PlanVersion {
    /// "version 4 (June 2015) in mscb-board-paper-2015-06.pdf", for messages.
    pub fn describe(&self) -> String {
        format!(
            "version {} ({}) in {} (sha256 {})",
            self.version.as_deref().unwrap_or("-"),
            self.version_date.as_deref().unwrap_or("undated"),
            self.file,
            self.hash.get(..12).unwrap_or(&self.hash),
        )
    }
}

/// A version label as a number when it is one ("4", "3.1"), for ordering 9 before 10.
fn label_number(v: &Option<String>) -> Option<f64> {
    v.as_deref().and_then(|s| s.trim().parse::<f64>().ok())
}

/// Order within one plan: version date, then label (numerically when numeric), then import.
fn version_order(a: &PlanVersion, b: &PlanVersion) -> Ordering {
    let month = |v: &PlanVersion| (v.version_month.is_none(), v.version_month.clone());
    month(a)
        .cmp(&month(b))
        .then_with(
            || match (label_number(&a.version), label_number(&b.version)) {
                (Some(x), Some(y)) => x.total_cmp(&y),
                _ => a.version.cmp(&b.version),
            },
        )
        .then_with(|| a.imported_at.cmp(&b.imported_at))
        .then_with(|| a.document_id.cmp(&b.document_id))
        .then_with(|| a.seq.cmp(&b.seq))
}

const PLAN_VERSIONS: &str = "
SELECT p.title, p.version, p.version_date, p.version_month, p.first_page, p.last_page,
       (SELECT count(*) FROM actions ac JOIN areas ar ON ar.id = ac.area_id
          JOIN priorities pr ON pr.id = ar.priority_id WHERE pr.plan_id = p.id),
       (SELECT count(*) FROM milestones m JOIN actions ac ON ac.id = m.action_id
          JOIN areas ar ON ar.id = ac.area_id
          JOIN priorities pr ON pr.id = ar.priority_id WHERE pr.plan_id = p.id),
       d.file, d.hash, d.imported_at, d.id, p.seq
FROM plans p JOIN documents d ON d.id = p.document_id";

impl Store {
    /// Every stored plan version: plans in order of their earliest version, each plan's
    /// versions by version date (then label, then import time).
    pub fn plan_versions(&self) -> Result<Vec<PlanVersion>, Error> {
        let doing = "cannot list the stored plan versions";
        let mut stmt = self
            .conn
            .prepare(PLAN_VERSIONS)
            .map_err(sqlite(&self.name, doing))?;
        let rows = stmt
            .query_map([], |r| {
                Ok(PlanVersion {
                    title: r.get(0)?,
                    version: r.get(1)?,
                    version_date: r.get(2)?,
                    version_month: r.get(3)?,
                    pages: [r.get(4)?, r.get(5)?],
                    actions: r.get(6)?,
                    milestones: r.get(7)?,
                    file: r.get(8)?,
                    hash: r.get(9)?,
                    imported_at: r.get(10)?,
                    document_id: r.get(11)?,
                    seq: r.get(12)?,
                })
            })
            .map_err(sqlite(&self.name, doing))?;
        let mut all: Vec<PlanVersion> = rows
            .collect::<Result<_, _>>()
            .map_err(sqlite(&self.name, doing))?;
        all.sort_by(version_order);
        // Group by title, the plans in the order of their first version.
        let mut titles: Vec<&str> = Vec::new();
        for v in &all {
            if !titles.contains(&v.title.as_str()) {
                titles.push(&v.title);
            }
        }
        let rank = |t: &str| titles.iter().position(|x| *x == t).unwrap_or(usize::MAX);
        let mut ranked: Vec<(usize, PlanVersion)> =
            all.iter().map(|v| (rank(&v.title), v.clone())).collect();
        ranked.sort_by(|(ra, a), (rb, b)| ra.cmp(rb).then_with(|| version_order(a, b)));
        Ok(ranked.into_iter().map(|(_, v)| v).collect())
    }

    /// The titles of stored plans matching `wanted`: the exact title (ignoring case) if one
    /// is stored, else every title containing it. `None` matches every title.
    pub fn plan_titles(&self, wanted: Option<&str>) -> Result<Vec<String>, Error> {
        let mut titles: Vec<String> = Vec::new();
        for v in self.plan_versions()? {
            if !titles.contains(&v.title) {
                titles.push(v.title);
            }
        }
        let Some(wanted) = wanted else {
            return Ok(titles);
        };
        let w = wanted.to_lowercase();
        if let Some(exact) = titles.iter().find(|t| t.to_lowercase() == w) {
            return Ok(vec![exact.clone()]);
        }
        Ok(titles
            .into_iter()
            .filter(|t| t.to_lowercase().contains(&w))
            .collect())
    }

    /// The one stored version labelled `version`, of the plan matching `plan` (see
    /// [`Store::plan_titles`]) and in the document whose hash starts with, or whose file name
    /// is, `document`. Several matches are an error listing them.
    pub fn find_version(
        &self,
        version: &str,
        plan: Option<&str>,
        document: Option<&str>,
    ) -> Result<PlanVersion, Error> {
        let titles = self.plan_titles(plan)?;
        let all = self.plan_versions()?;
        let matches: Vec<&PlanVersion> = all
            .iter()
            .filter(|v| titles.contains(&v.title))
            .filter(|v| v.version.as_deref().map(str::trim) == Some(version.trim()))
            .filter(|v| {
                document.is_none_or(|d| v.file == d || (d.len() >= 4 && v.hash.starts_with(d)))
            })
            .collect();
        match matches.as_slice() {
            [one] => Ok((*one).clone()),
            [] => {
                let have: Vec<String> = all
                    .iter()
                    .filter(|v| titles.contains(&v.title))
                    .map(|v| v.version.clone().unwrap_or_else(|| "-".into()))
                    .collect();
                let scope = match plan {
                    Some(p) if titles.is_empty() => format!(" (no stored plan matches {p:?})"),
                    _ => String::new(),
                };
                Err(Error::NotFound {
                    db: self.name.clone(),
                    what: format!(
                        "no stored version {version:?}{scope}; stored versions: {}",
                        if have.is_empty() {
                            "none".to_string()
                        } else {
                            have.join(", ")
                        }
                    ),
                })
            }
            many => Err(Error::Ambiguous {
                db: self.name.clone(),
                what: format!(
                    "version {version:?} is stored {} times; choose with --plan TITLE or \
                     --document HASH: {}",
                    many.len(),
                    many.iter()
                        .map(|v| format!("{:?} {}", v.title, v.describe()))
                        .collect::<Vec<_>>()
                        .join("; ")
                ),
            }),
        }
    }

    /// A stored document's JSON, byte for byte as `extract` wrote it: (file, hash, json).
    pub fn extract_json(&self, document_id: i64) -> Result<(String, String, String), Error> {
        self.conn
            .query_row(
                "SELECT file, hash, extract_json FROM documents WHERE id = ?1",
                [document_id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .map_err(sqlite(
                &self.name,
                &format!("cannot read document {document_id}"),
            ))
    }

    /// A stored document as a paper, read back from its JSON.
    pub fn paper(&self, document_id: i64) -> Result<Paper, Error> {
        let (file, hash, json) = self.extract_json(document_id)?;
        crate::export::wire::paper_from_str(&json).map_err(|source| Error::Json {
            db: self.name.clone(),
            file,
            hash,
            source,
        })
    }

    /// The plan of a stored version.
    pub fn plan(&self, version: &PlanVersion) -> Result<Plan, Error> {
        let paper = self.paper(version.document_id)?;
        paper
            .plans
            .into_iter()
            .nth(version.seq)
            .ok_or_else(|| Error::NotFound {
                db: self.name.clone(),
                what: format!(
                    "{}: the stored JSON has no plan {} (the tables do)",
                    version.file, version.seq
                ),
            })
    }
}
