//! One action across the stored versions of its plan: each field's value per version, and
//! the changes from one version to the next ([`crate::diff::diff_plans`], kept to the action).
//!
//! The action is named by its priority, optionally its area, and its number as printed in
//! the newest version that has it (`"P1 1.1"`, `"P2 A3 HW01"`; a plan with no printed
//! references numbers its actions 1, 2, … in order). From there it is followed version by
//! version by the diff's matching ([`crate::diff::pairing`]): an action renumbered, moved to
//! another group, or with no printed number at all (matched by content) is still the same
//! action.

use serde::Serialize;
use serde_json::{json, Value};
use std::fmt;
use std::str::FromStr;

use super::{Error, PlanVersion, Store};
use crate::diff::matching::normalise;
use crate::diff::pairing::{action_at, pair_plans, Slot};
use crate::diff::{diff_plans, Change, ChangeKind};
use crate::export::wire;
use crate::paper::model::{Action, Plan};

/// An action as people name it: `"P1 1.1"` is action 1.1 of priority 1, `"P1 A2 3"` action 3
/// of priority 1's area 2.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActionKey {
    /// The priority's number.
    pub priority: u32,
    /// The area's number, when given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub area: Option<u32>,
    /// The action's number as printed ("1.1", "1a", "HW01"), or as counted when none is.
    pub action: String,
}

impl fmt::Display for ActionKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.area {
            Some(a) => write!(f, "P{} A{a} {}", self.priority, self.action),
            None => write!(f, "P{} {}", self.priority, self.action),
        }
    }
}

impl FromStr for ActionKey {
    type Err = String;

    /// `"P1 1.1"`, `"p1 1.1"`, `"P1/1.1"`, `"1 1.1"`, `"P1 A2 1.1"` (area 2), `"P2 HW01"`.
    fn from_str(s: &str) -> Result<ActionKey, String> {
        let bad = || {
            format!(
                "{s:?} does not name an action: write the priority, optionally the area, and the \
                 action number as printed, e.g. \"P1 1.1\" or \"P1 A2 3\""
            )
        };
        let t = s.trim();
        let t = t.strip_prefix(['P', 'p']).unwrap_or(t);
        let (priority, rest) = t
            .split_once(|c: char| c.is_whitespace() || c == '/' || c == ':')
            .ok_or_else(bad)?;
        let priority: u32 = priority.trim().parse().map_err(|_| bad())?;
        let rest = rest.trim();
        // "A2 1.1": an area, then the number; "A2" alone is an action numbered A2.
        let (area, action) = match rest.split_once(char::is_whitespace) {
            Some((first, number)) => match first
                .strip_prefix(['A', 'a'])
                .and_then(|n| n.parse::<u32>().ok())
            {
                Some(area) => (Some(area), number.trim()),
                None => (None, rest),
            },
            None => (None, rest),
        };
        let valid = !action.is_empty() && action.chars().any(char::is_alphanumeric);
        if !valid {
            return Err(bad());
        }
        Ok(ActionKey {
            priority,
            area,
            action: normalise(action),
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
    /// The number of the priority the action is in, when present.
    pub priority: Option<u32>,
    /// The number of the area the action is in, when present.
    pub area: Option<u32>,
    /// That area's outcome.
    pub outcome: Option<String>,
    /// The action, or `None` when this version does not have it.
    pub action: Option<Action>,
    /// The fields that differ from the previous version (see [`FIELDS`]); `["added"]` when
    /// the action appears, `["removed"]` when it disappears, `"number"` when it was
    /// renumbered, `"moved"` when it moved to another group; empty for the first version.
    pub changed: Vec<&'static str>,
    /// The changes to this action (and its area's outcome and label) from the previous
    /// version.
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

/// The fields compared between versions, in the order the plan prints them (`group` and
/// `fields`, the third level and the columns with no role, only where a plan has them).
pub const FIELDS: &[&str] = &[
    "outcome",
    "group",
    "specific_action",
    "leads",
    "success_indicators",
    "milestones",
    "rag",
    "impact_evidence",
    "fields",
];

/// Find `key` in a plan: the action's slot.
pub fn find_action(plan: &Plan, key: &ActionKey) -> Option<Slot> {
    let want = normalise(&key.action);
    for (pi, p) in plan.priorities.iter().enumerate() {
        if p.number != key.priority {
            continue;
        }
        for (ai, area) in p.improvement_areas.iter().enumerate() {
            if key.area.is_some_and(|n| n != area.number) {
                continue;
            }
            if let Some(xi) = area
                .actions
                .iter()
                .position(|a| normalise(&a.number) == want)
            {
                return Some(Slot {
                    priority: pi,
                    area: ai,
                    action: xi,
                });
            }
        }
    }
    None
}

/// Whether a change of the plan is about the action at `old` (in the previous version) or
/// `new` (in this one): a change to it, its removal, or a change to its area's outcome or
/// label.
fn concerns(c: &Change, old: Option<(u32, u32, &str)>, new: Option<(u32, u32, &str)>) -> bool {
    let at = |p: Option<(u32, u32, &str)>| {
        p.is_some_and(|(pr, ar, n)| {
            c.priority == pr && c.area == ar && normalise(&c.action) == normalise(n)
        })
    };
    if c.action.is_empty() {
        return new.is_some_and(|(pr, ar, _)| c.priority == pr && c.area == ar)
            && matches!(c.field.as_deref(), Some("outcome" | "label"));
    }
    match c.kind {
        ChangeKind::ActionRemoved => new.is_none() && at(old),
        _ => at(new),
    }
}

/// The field names of [`FIELDS`] that `changes` touch, in that order (plus "added",
/// "removed", "number" and "moved" for whole-action changes).
fn changed_fields(changes: &[Change]) -> Vec<&'static str> {
    let touched = |c: &Change| -> Option<&'static str> {
        Some(match c.kind {
            ChangeKind::ActionAdded => "added",
            ChangeKind::ActionRemoved => "removed",
            ChangeKind::ActionRenumbered => "number",
            ChangeKind::ActionMoved => "moved",
            ChangeKind::RagChanged => "rag",
            ChangeKind::FieldChanged => {
                let f = c.field.as_deref()?;
                let f = if f == "label" { "outcome" } else { f };
                FIELDS.iter().copied().find(|x| *x == f)?
            }
            _ => "milestones",
        })
    };
    let all: Vec<&'static str> = changes.iter().filter_map(touched).collect();
    ["added", "removed", "number", "moved"]
        .iter()
        .chain(FIELDS)
        .copied()
        .filter(|f| all.contains(f))
        .collect()
}

/// The slot of the action in each of `plans` (oldest first): `key` found in the newest plan
/// that has it, then followed to the older and newer ones by the diff's matching.
fn follow(plans: &[Plan], key: &ActionKey) -> Vec<Option<Slot>> {
    let mut slots: Vec<Option<Slot>> = vec![None; plans.len()];
    let Some((anchor, slot)) = plans
        .iter()
        .enumerate()
        .rev()
        .find_map(|(i, p)| find_action(p, key).map(|s| (i, s)))
    else {
        return slots;
    };
    if let Some(s) = slots.get_mut(anchor) {
        *s = Some(slot);
    }
    let mut current = Some(slot);
    for i in (0..anchor).rev() {
        current = match (current, plans.get(i), plans.get(i + 1)) {
            (Some(s), Some(old), Some(new)) => pair_plans(old, new).old_of(s),
            _ => None,
        };
        if let Some(x) = slots.get_mut(i) {
            *x = current;
        }
    }
    let mut current = Some(slot);
    for i in anchor + 1..plans.len() {
        current = match (current, plans.get(i - 1), plans.get(i)) {
            (Some(s), Some(old), Some(new)) => pair_plans(old, new).new_of(s),
            _ => None,
        };
        if let Some(x) = slots.get_mut(i) {
            *x = current;
        }
    }
    slots
}

/// (priority number, area number, action number) of the action in a version, when there.
fn entry_place(e: &VersionEntry) -> Option<(u32, u32, &str)> {
    Some((e.priority?, e.area?, e.action.as_ref()?.number.as_str()))
}

/// The history of `key` across every stored version of the plan matching `plan` (see
/// [`Store::plan_titles`]); without `plan`, the one plan that has the action.
pub fn history(store: &Store, key: &ActionKey, plan: Option<&str>) -> Result<History, Error> {
    let titles = store.plan_titles(plan)?;
    let versions = store.plan_versions()?;
    let mut entries_by_title: Vec<(String, Vec<VersionEntry>)> = Vec::new();
    for title in &titles {
        let mut stored = Vec::new();
        for v in versions.iter().filter(|v| &v.title == title) {
            stored.push((v.clone(), store.plan(v)?));
        }
        let plans: Vec<Plan> = stored.iter().map(|(_, p)| p.clone()).collect();
        let slots = follow(&plans, key);
        let entries: Vec<VersionEntry> = stored
            .into_iter()
            .zip(slots)
            .map(|((version, plan), slot)| {
                let found = slot.and_then(|s| {
                    let p = plan.priorities.get(s.priority)?;
                    let area = p.improvement_areas.get(s.area)?;
                    Some((
                        p.number,
                        area.number,
                        area.outcome.clone(),
                        action_at(&plan, s)?.clone(),
                    ))
                });
                VersionEntry {
                    version,
                    priority: found.as_ref().map(|f| f.0),
                    area: found.as_ref().map(|f| f.1),
                    outcome: found.as_ref().map(|f| f.2.clone()),
                    action: found.map(|f| f.3),
                    plan,
                    changed: Vec::new(),
                    changes: Vec::new(),
                }
            })
            .collect();
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
                let (o, n) = (entry_place(old), entry_place(new));
                diff_plans(&old.plan, &new.plan)
                    .into_iter()
                    .filter(|c| concerns(c, o, n))
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

/// The history as `boardpaper history --format json` writes it: the plan, the action's key, and
/// per version its label, date, file, hash, place, the fields changed, the changes and the
/// whole action (without its row boxes, which are layout, not content).
pub fn to_json(h: &History) -> Result<Value, serde_json::Error> {
    let mut versions = Vec::new();
    for e in &h.versions {
        let mut action = serde_json::to_value(e.action.as_ref().map(wire::Action::from))?;
        if let Some(obj) = action.as_object_mut() {
            // Row boxes are layout, not content.
            obj.remove("rows");
        }
        versions.push(json!({
            "version": e.version.version,
            "version_date": e.version.version_date,
            "file": e.version.file,
            "sha256": e.version.hash,
            "priority": e.priority,
            "area": e.area,
            "outcome": e.outcome,
            "changed": e.changed,
            "changes": e.changes,
            "action": action,
        }));
    }
    let mut out = json!({
        "plan": h.plan,
        "priority": h.key.priority,
        "action": h.key.action,
        "versions": versions,
    });
    if let (Some(area), Some(obj)) = (h.key.area, out.as_object_mut()) {
        obj.insert("area".into(), area.into());
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::ActionKey;

    #[test]
    fn action_keys() {
        let k = |s: &str| {
            s.parse::<ActionKey>()
                .map(|k| (k.priority, k.area, k.action))
        };
        assert_eq!(k("P1 1.1"), Ok((1, None, "1.1".to_string())));
        assert_eq!(k(" p12  3.4 "), Ok((12, None, "3.4".to_string())));
        assert_eq!(k("P2/1.10"), Ok((2, None, "1.10".to_string())));
        assert_eq!(k("3 2.1"), Ok((3, None, "2.1".to_string())));
        assert_eq!(k("P1 1a"), Ok((1, None, "1a".to_string())));
        assert_eq!(k("P2 IA-23-04.1"), Ok((2, None, "IA-23-04.1".to_string())));
        assert_eq!(k("P1 A2 3"), Ok((1, Some(2), "3".to_string())));
        assert_eq!(k("P1 A2"), Ok((1, None, "A2".to_string())));
        assert_eq!(k("P1 a3  HW01"), Ok((1, Some(3), "HW01".to_string())));
        assert!(k("P1").is_err());
        assert!(k("1.1").is_err());
        assert!(k("Px 1.1").is_err());
        assert!(k("P1 .").is_err());
    }
}
