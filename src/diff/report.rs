//! What changed in the covering report from one version of a paper to the next: the
//! recommendations added, removed and reworded, and the title, meeting body, meeting date and
//! summary when they changed. A separate section of the change list (`report` beside the
//! plan's `changes`; `fixtures/FORMAT.md`, "Change lists").
//!
//! Recommendations are matched as milestones are ([`matching::align`]): by word similarity,
//! keeping their order, so that one inserted does not shift the ones after it; a removal and
//! an addition at the same place are one recommendation reworded
//! ([`matching::pair_replacements`]).

use serde::{Deserialize, Serialize};

use super::matching::{self, text_differs, Step};
use crate::paper::report::{Meeting, Report};

/// What kind of change to the report; serialised snake_case (`recommendation_added`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportChangeKind {
    /// A recommendation only in the new version (`new`: its text).
    RecommendationAdded,
    /// A recommendation only in the old version (`old`: its text).
    RecommendationRemoved,
    /// The same recommendation reworded (`old`, `new`: its texts).
    RecommendationChanged,
    /// The title, meeting body, meeting date or summary changed (`field` names it; `null` on
    /// the side where it is not printed).
    FieldChanged,
}

impl ReportChangeKind {
    /// Every kind, in the order summaries list them.
    pub const ALL: [ReportChangeKind; 4] = [
        ReportChangeKind::RecommendationAdded,
        ReportChangeKind::RecommendationRemoved,
        ReportChangeKind::RecommendationChanged,
        ReportChangeKind::FieldChanged,
    ];

    /// Words for people ("recommendation added").
    pub fn label(self) -> &'static str {
        match self {
            ReportChangeKind::RecommendationAdded => "recommendation added",
            ReportChangeKind::RecommendationRemoved => "recommendation removed",
            ReportChangeKind::RecommendationChanged => "recommendation changed",
            ReportChangeKind::FieldChanged => "report field changed",
        }
    }

    /// "2 recommendations added", "1 report field changed".
    pub fn counted(self, n: usize) -> String {
        let (thing, done) = match self {
            ReportChangeKind::RecommendationAdded => ("recommendation", "added"),
            ReportChangeKind::RecommendationRemoved => ("recommendation", "removed"),
            ReportChangeKind::RecommendationChanged => ("recommendation", "changed"),
            ReportChangeKind::FieldChanged => ("report field", "changed"),
        };
        let s = if n == 1 { "" } else { "s" };
        format!("{n} {thing}{s} {done}")
    }
}

/// One change to the covering report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportChange {
    /// What kind of change.
    pub kind: ReportChangeKind,
    /// `recommendations`, or the field changed: `title`, `meeting.body`, `meeting.date`,
    /// `summary`.
    pub field: String,
    /// A recommendation's 0-based position (in the new version; the old one for removals);
    /// absent for other fields.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub index: Option<usize>,
    /// The old text (`null` for an addition or a field not printed before).
    pub old: Option<String>,
    /// The new text (`null` for a removal or a field no longer printed).
    pub new: Option<String>,
}

/// The report's fields compared as text, in the order the change list gives them.
const FIELDS: [&str; 4] = ["title", "meeting.body", "meeting.date", "summary"];

/// The text of `field` in a paper's meeting and report, `None` when not printed.
fn field_text(field: &str, meeting: Option<&Meeting>, report: Option<&Report>) -> Option<String> {
    let text = match field {
        "title" => report.and_then(|r| r.title.clone()),
        "meeting.body" => meeting.map(|m| m.body.clone()),
        "meeting.date" => meeting.and_then(|m| m.date.clone()),
        "summary" => report.and_then(|r| r.summary.clone()),
        _ => None,
    };
    text.filter(|t| !t.trim().is_empty())
}

/// Every change from the old paper's meeting and report to the new one's: the fields first,
/// then the recommendations in the new version's order (removals at their old place).
pub fn diff_reports(
    (old_meeting, old): (Option<&Meeting>, Option<&Report>),
    (new_meeting, new): (Option<&Meeting>, Option<&Report>),
) -> Vec<ReportChange> {
    let mut out = Vec::new();
    for field in FIELDS {
        let o = field_text(field, old_meeting, old);
        let n = field_text(field, new_meeting, new);
        let differs = match (&o, &n) {
            (Some(a), Some(b)) => text_differs(a, b),
            (None, None) => false,
            _ => true,
        };
        if differs {
            out.push(ReportChange {
                kind: ReportChangeKind::FieldChanged,
                field: field.to_string(),
                index: None,
                old: o,
                new: n,
            });
        }
    }
    let none = Vec::new();
    let o = old.map_or(&none, |r| &r.recommendations);
    let n = new.map_or(&none, |r| &r.recommendations);
    let steps = matching::pair_replacements(matching::align(
        o,
        n,
        |a, b| matching::similarity(a, b),
        matching::MILESTONE_MATCH,
    ));
    let rec = |kind, index, old: Option<&String>, new: Option<&String>| ReportChange {
        kind,
        field: "recommendations".to_string(),
        index: Some(index),
        old: old.cloned(),
        new: new.cloned(),
    };
    for step in steps {
        match step {
            Step::Pair(i, j) => {
                if let (Some(a), Some(b)) = (o.get(i), n.get(j)) {
                    if text_differs(a, b) {
                        out.push(rec(
                            ReportChangeKind::RecommendationChanged,
                            j,
                            Some(a),
                            Some(b),
                        ));
                    }
                }
            }
            Step::Removed(i) => out.push(rec(
                ReportChangeKind::RecommendationRemoved,
                i,
                o.get(i),
                None,
            )),
            Step::Added(j) => out.push(rec(
                ReportChangeKind::RecommendationAdded,
                j,
                None,
                n.get(j),
            )),
        }
    }
    out
}

/// How many report changes of each kind, in [`ReportChangeKind::ALL`] order, kinds with none
/// left out.
pub fn counts(changes: &[ReportChange]) -> Vec<(ReportChangeKind, usize)> {
    ReportChangeKind::ALL
        .iter()
        .map(|&k| (k, changes.iter().filter(|c| c.kind == k).count()))
        .filter(|&(_, n)| n > 0)
        .collect()
}

/// The lines of one report change for people: what changed, then the old and new text.
pub fn describe(c: &ReportChange) -> Vec<String> {
    let head = match (c.kind, c.index) {
        (ReportChangeKind::FieldChanged, _) => format!("{} changed", c.field.replace('.', " ")),
        (kind, Some(i)) => format!("{} (recommendation {})", kind.label(), i + 1),
        (kind, None) => kind.label().to_string(),
    };
    let mut out = vec![head];
    if let Some(o) = &c.old {
        out.push(format!("- {}", matching::normalise(o)));
    }
    if let Some(n) = &c.new {
        out.push(format!("+ {}", matching::normalise(n)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(recs: &[&str]) -> Report {
        Report {
            title: Some("Budget".into()),
            recommendations: recs.iter().map(|s| s.to_string()).collect(),
            ..Report::default()
        }
    }

    #[test]
    fn an_inserted_recommendation_does_not_shift_the_others() {
        let old = report(&[
            "Approve the capital programme of £12m for 2025-26.",
            "Note the reserves position at the end of quarter 3.",
        ]);
        let new = report(&[
            "Approve the capital programme of £14m for 2025-26.",
            "Agree the fees and charges policy.",
            "Note the reserves position at the end of quarter 3.",
        ]);
        let got = diff_reports((None, Some(&old)), (None, Some(&new)));
        let kinds: Vec<_> = got.iter().map(|c| (c.kind, c.index)).collect();
        assert_eq!(
            kinds,
            [
                (ReportChangeKind::RecommendationChanged, Some(0)),
                (ReportChangeKind::RecommendationAdded, Some(1)),
            ]
        );
    }

    #[test]
    fn fields_and_a_missing_report() {
        let m = Meeting {
            body: "Cabinet".into(),
            date: Some("2025-03-13".into()),
            place: None,
        };
        let new = report(&["Agree the plan."]);
        let got = diff_reports((None, None), (Some(&m), Some(&new)));
        let fields: Vec<_> = got.iter().map(|c| c.field.as_str()).collect();
        assert_eq!(
            fields,
            ["title", "meeting.body", "meeting.date", "recommendations"]
        );
        assert!(diff_reports((Some(&m), Some(&new)), (Some(&m), Some(&new))).is_empty());
    }
}
