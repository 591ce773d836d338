//! One action across the stored versions of its plan: each field's value per version, and
//! the changes from one version to the next ([`crate::diff::diff_plans`], kept to the action).

use serde::Serialize;
use std::fmt;
use std::str::FromStr;

use super::{Error, PlanVersion, Store};
use crate::diff::{diff_plans, Change, ChangeKind, Value};
use crate::paper::model::{Action, Plan};

/// An action as people name it: `"P1 1.1"` is action 1.1 of priority 1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActionKey {
    /// The priority's number.
    pub priority: u32,
    /// The action's number as printed ("1.1").
    pub action: String,
}

impl fmt::Display for ActionKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "P{} {}", self.priority, self.action)
    }
}

impl FromStr for ActionKey {
    type Err = String;

    /// `"P1 1.1"`, `"p1 1.1"`, `"P1/1.1"` or `"1 1.1"`.
    fn from_str(s: &str) -> Result<ActionKey, String> {
        let bad = || {
            format!(
                "{s:?} does not name an action: write the priority and the action number, \
                 e.g. \"P1 1.1\""
            )
        };
        let t = s.trim();
        let t = t.strip_prefix(['P', 'p']).unwrap_or(t);
        let (priority, action) = t
            .split_once(|c: char| c.is_whitespace() || c == '/' || c == ':')
            .ok_or_else(bad)?;
        let priority: u32 = priority.trim().parse().map_err(|_| bad())?;
        let action = action.trim();
        let valid = !action.is_empty()
            && action.chars().all(|c| c.is_ascii_digit() || c == '.')
            && action.chars().next().is_some_and(|c| c.is_ascii_digit());
        if !valid {
            return Err(bad());
        }
        Ok(ActionKey {
            priority,
            action: action.to_string(),
        })
    }
}

/// The action as one stored version has it.
#[derive(Debug, Clone, PartialEq)]
pub struct VersionEntry {
    /// The plan version.
    pub version: PlanVersion,
    /// The plan itself (for comparing versions).
    pub plan: Plan,
    /// The number of the area the action is in, when present.
    pub area: Option<u32>,
    /// That area's outcome.
    pub outcome: Option<String>,
    /// The action, or `None` when this version does not have it.
    pub action: Option<Action>,
    /// The fields that differ from the previous version (see [`FIELDS`]); `["added"]` when
    /// the action appears, `["removed"]` when it disappears, `"number"` when it was
    /// renumbered; empty for the first version.
    pub changed: Vec<&'static str>,
    /// The changes to this action (and its area's outcome) from the previous version.
    pub changes: Vec<Change>,
}

/// An action's history.
#[derive(Debug, Clone, PartialEq)]
pub struct History {
    /// The plan's title.
    pub plan: String,
    /// The action.
    pub key: ActionKey,
    /// Every stored version of the plan, oldest first.
    pub versions: Vec<VersionEntry>,
}

/// The fields compared between versions, in the order the plan prints them.
pub const FIELDS: &[&str] = &[
    "outcome",
    "specific_action",
    "leads",
    "success_indicators",
    "milestones",
    "rag",
    "impact_evidence",
];

/// Find `key` in a plan: (area number, outcome, action).
pub fn find_action<'p>(plan: &'p Plan, key: &ActionKey) -> Option<(u32, &'p str, &'p Action)> {
    plan.priorities
        .iter()
        .filter(|p| p.number == key.priority)
        .flat_map(|p| &p.improvement_areas)
        .find_map(|area| {
            area.actions
                .iter()
                .find(|a| a.number == key.action)
                .map(|a| (area.number, area.outcome.as_str(), a))
        })
}

/// Whether a change of the plan is about the action `key` in area `area`.
fn concerns(c: &Change, key: &ActionKey, area: Option<u32>) -> bool {
    if c.priority != key.priority {
        return false;
    }
    if c.action.is_empty() {
        // An area-level change: the outcome of the action's area.
        return area == Some(c.area) && c.field.as_deref() == Some("outcome");
    }
    c.action == key.action
        || (c.kind == ChangeKind::ActionRenumbered
            && matches!(&c.old, Some(Value::Text(old)) if *old == key.action))
}

/// The field names of [`FIELDS`] that `changes` touch, in that order (plus "added",
/// "removed", "number" for whole-action changes).
fn changed_fields(changes: &[Change]) -> Vec<&'static str> {
    let touched = |c: &Change| -> Option<&'static str> {
        Some(match c.kind {
            ChangeKind::ActionAdded => "added",
            ChangeKind::ActionRemoved => "removed",
            ChangeKind::ActionRenumbered => "number",
            ChangeKind::RagChanged => "rag",
            ChangeKind::FieldChanged => {
                let f = c.field.as_deref()?;
                FIELDS.iter().copied().find(|x| *x == f)?
            }
            _ => "milestones",
        })
    };
    let all: Vec<&'static str> = changes.iter().filter_map(touched).collect();
    ["added", "removed", "number"]
        .iter()
        .chain(FIELDS)
        .copied()
        .filter(|f| all.contains(f))
        .collect()
}

/// The history of `key` across every stored version of the plan matching `plan` (see
/// [`Store::plan_titles`]); without `plan`, the one plan that has the action.
pub fn history(store: &Store, key: &ActionKey, plan: Option<&str>) -> Result<History, Error> {
    let titles = store.plan_titles(plan)?;
    let versions = store.plan_versions()?;
    let mut entries_by_title: Vec<(String, Vec<VersionEntry>)> = Vec::new();
    for title in &titles {
        let mut entries = Vec::new();
        for v in versions.iter().filter(|v| &v.title == title) {
            let plan = store.plan(v)?;
            let found = find_action(&plan, key).map(|(n, o, a)| (n, o.to_string(), a.clone()));
            entries.push(VersionEntry {
                version: v.clone(),
                area: found.as_ref().map(|f| f.0),
                outcome: found.as_ref().map(|f| f.1.clone()),
                action: found.map(|f| f.2),
                plan,
                changed: Vec::new(),
                changes: Vec::new(),
            });
        }
        if entries.iter().any(|e| e.action.is_some()) {
            entries_by_title.push((title.clone(), entries));
        }
    }
    let (title, mut entries) = match entries_by_title.len() {
        1 => entries_by_title.remove(0),
        0 => {
            let scope = match plan {
                Some(p) if titles.is_empty() => format!("no stored plan matches {p:?}"),
                Some(p) => format!("no version of the plan matching {p:?} has action {key}"),
                None if titles.is_empty() => {
                    "no plan is stored yet (run `boardpaper import`)".into()
                }
                None => format!("no stored plan has action {key}"),
            };
            return Err(Error::NotFound {
                db: store.name().to_string(),
                what: scope,
            });
        }
        _ => {
            return Err(Error::Ambiguous {
                db: store.name().to_string(),
                what: format!(
                    "action {key} is in {} plans; choose one with --plan: {}",
                    entries_by_title.len(),
                    entries_by_title
                        .iter()
                        .map(|(t, _)| format!("{t:?}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            })
        }
    };
    for i in 1..entries.len() {
        let changes: Vec<Change> = match (entries.get(i - 1), entries.get(i)) {
            (Some(old), Some(new)) => {
                let area = new.area.or(old.area);
                diff_plans(&old.plan, &new.plan)
                    .into_iter()
                    .filter(|c| concerns(c, key, area))
                    .collect()
            }
            _ => Vec::new(),
        };
        if let Some(e) = entries.get_mut(i) {
            e.changed = changed_fields(&changes);
            e.changes = changes;
        }
    }
    Ok(History {
        plan: title,
        key: key.clone(),
        versions: entries,
    })
}

#[cfg(test)]
mod tests {
    use super::ActionKey;

    #[test]
    fn action_keys() {
        let k = |s: &str| s.parse::<ActionKey>().map(|k| (k.priority, k.action));
        assert_eq!(k("P1 1.1"), Ok((1, "1.1".to_string())));
        assert_eq!(k(" p12  3.4 "), Ok((12, "3.4".to_string())));
        assert_eq!(k("P2/1.10"), Ok((2, "1.10".to_string())));
        assert_eq!(k("3 2.1"), Ok((3, "2.1".to_string())));
        assert!(k("P1").is_err());
        assert!(k("1.1").is_err());
        assert!(k("Px 1.1").is_err());
        assert!(k("P1 x").is_err());
        assert!(k("P1 .1").is_err());
    }
}
