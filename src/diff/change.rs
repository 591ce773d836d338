//! The change list on the wire (`fixtures/FORMAT.md`, "Change lists"; its JSON Schema is
//! `schemas/changes.schema.json`).
//!
//! A change is `{"kind", "priority", "area", "action", "field", ["index",] "old", "new"}`:
//! `index` is present only for milestone and RAG changes, `field` is `null` for whole-action
//! changes. What `old` and `new` hold depends on the kind, so they are typed here ([`Value`])
//! and read back by kind, never guessed from their shape. Milestones and RAG entries have the
//! paper's form: they are written and read through its wire types ([`embed`]).

use serde::{Deserialize, Serialize};

use crate::export::wire::{self, embed};
use crate::paper::model::{Action, Field, Group, Milestone, RagEntry};

/// What kind of change; serialised snake_case (`milestone_status_changed`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// An action only in the new version (`new`: the action).
    ActionAdded,
    /// An action only in the old version (`old`: the action).
    ActionRemoved,
    /// The same action under another number (`old`, `new`: the numbers).
    ActionRenumbered,
    /// The same action in another group (`old`, `new`: its [`Place`]s).
    ActionMoved,
    /// A text or list field changed (`field` names it; `old`, `new`: the values, `null` for a
    /// printed label, group or column that is absent on one side).
    FieldChanged,
    /// A milestone only in the new version (`new`: the milestone).
    MilestoneAdded,
    /// A milestone only in the old version (`old`: the milestone).
    MilestoneRemoved,
    /// A milestone whose status word changed (`old`, `new`: the milestones).
    MilestoneStatusChanged,
    /// A milestone whose timescale changed, status unchanged.
    MilestoneDateChanged,
    /// A milestone whose text changed, status and timescale unchanged.
    MilestoneTextChanged,
    /// A RAG entry changed, appeared or went (`old`, `new`: the entries, `null` when absent).
    RagChanged,
}

impl ChangeKind {
    /// Every kind, in the order summaries list them.
    pub const ALL: [ChangeKind; 11] = [
        ChangeKind::ActionAdded,
        ChangeKind::ActionRemoved,
        ChangeKind::ActionRenumbered,
        ChangeKind::ActionMoved,
        ChangeKind::FieldChanged,
        ChangeKind::MilestoneAdded,
        ChangeKind::MilestoneRemoved,
        ChangeKind::MilestoneStatusChanged,
        ChangeKind::MilestoneDateChanged,
        ChangeKind::MilestoneTextChanged,
        ChangeKind::RagChanged,
    ];

    /// The wire name (`action_added`).
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeKind::ActionAdded => "action_added",
            ChangeKind::ActionRemoved => "action_removed",
            ChangeKind::ActionRenumbered => "action_renumbered",
            ChangeKind::ActionMoved => "action_moved",
            ChangeKind::FieldChanged => "field_changed",
            ChangeKind::MilestoneAdded => "milestone_added",
            ChangeKind::MilestoneRemoved => "milestone_removed",
            ChangeKind::MilestoneStatusChanged => "milestone_status_changed",
            ChangeKind::MilestoneDateChanged => "milestone_date_changed",
            ChangeKind::MilestoneTextChanged => "milestone_text_changed",
            ChangeKind::RagChanged => "rag_changed",
        }
    }

    /// Words for people ("milestone status changed").
    pub fn label(self) -> &'static str {
        match self {
            ChangeKind::ActionAdded => "action added",
            ChangeKind::ActionRemoved => "action removed",
            ChangeKind::ActionRenumbered => "action renumbered",
            ChangeKind::ActionMoved => "action moved",
            ChangeKind::FieldChanged => "field changed",
            ChangeKind::MilestoneAdded => "milestone added",
            ChangeKind::MilestoneRemoved => "milestone removed",
            ChangeKind::MilestoneStatusChanged => "milestone status changed",
            ChangeKind::MilestoneDateChanged => "milestone date changed",
            ChangeKind::MilestoneTextChanged => "milestone text changed",
            ChangeKind::RagChanged => "RAG changed",
        }
    }

    /// "3 milestones added", "1 action removed".
    pub fn counted(self, n: usize) -> String {
        let one = n == 1;
        let (thing, done) = match self {
            ChangeKind::ActionAdded => (if one { "action" } else { "actions" }, "added"),
            ChangeKind::ActionRemoved => (if one { "action" } else { "actions" }, "removed"),
            ChangeKind::ActionRenumbered => (if one { "action" } else { "actions" }, "renumbered"),
            ChangeKind::ActionMoved => (if one { "action" } else { "actions" }, "moved"),
            ChangeKind::FieldChanged => (if one { "field" } else { "fields" }, "changed"),
            ChangeKind::MilestoneAdded => (if one { "milestone" } else { "milestones" }, "added"),
            ChangeKind::MilestoneRemoved => {
                (if one { "milestone" } else { "milestones" }, "removed")
            }
            ChangeKind::MilestoneStatusChanged => (
                if one {
                    "milestone status"
                } else {
                    "milestone statuses"
                },
                "changed",
            ),
            ChangeKind::MilestoneDateChanged => (
                if one {
                    "milestone date"
                } else {
                    "milestone dates"
                },
                "changed",
            ),
            ChangeKind::MilestoneTextChanged => (
                if one {
                    "milestone text"
                } else {
                    "milestone texts"
                },
                "changed",
            ),
            ChangeKind::RagChanged => (if one { "RAG entry" } else { "RAG entries" }, "changed"),
        };
        format!("{n} {thing} {done}")
    }

    /// Whether `index` is part of this kind's wire shape.
    pub fn has_index(self) -> bool {
        matches!(
            self,
            ChangeKind::MilestoneAdded
                | ChangeKind::MilestoneRemoved
                | ChangeKind::MilestoneStatusChanged
                | ChangeKind::MilestoneDateChanged
                | ChangeKind::MilestoneTextChanged
                | ChangeKind::RagChanged
        )
    }

    /// Whether this kind concerns a whole action (no `field`).
    pub fn is_whole_action(self) -> bool {
        matches!(
            self,
            ChangeKind::ActionAdded
                | ChangeKind::ActionRemoved
                | ChangeKind::ActionRenumbered
                | ChangeKind::ActionMoved
        )
    }
}

impl std::fmt::Display for ChangeKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An action as a change list shows it: the fields of FORMAT.md and its pages, then (only
/// when there are any) `number_implied`, `group` and `fields`, as in the paper; without the
/// row boxes (layout, not content).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActionValue {
    /// The number as printed ("1.1").
    pub number: String,
    /// The specific action.
    pub specific_action: String,
    /// One entry per lead body.
    pub leads: Vec<String>,
    /// One entry per paragraph.
    pub success_indicators: Vec<String>,
    /// One per bullet of the timescales column.
    #[serde(with = "plain::milestones")]
    pub milestones: Vec<Milestone>,
    /// Every RAG entry, top to bottom.
    #[serde(with = "embed::rag_entries")]
    pub rag: Vec<RagEntry>,
    /// One entry per paragraph.
    pub impact_evidence: Vec<String>,
    /// First and last page on which the row is printed (in its own paper).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pages: Option<[u32; 2]>,
    /// True when no reference was printed and `number` was counted.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub number_implied: bool,
    /// The third grouping level above the action, when the plan prints one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<Group>,
    /// The columns with no role.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<Field>,
}

impl From<&Action> for ActionValue {
    fn from(a: &Action) -> Self {
        ActionValue {
            number: a.number.clone(),
            specific_action: a.specific_action.clone(),
            leads: a.leads.clone(),
            success_indicators: a.success_indicators.clone(),
            milestones: a.milestones.clone(),
            rag: a.rag.clone(),
            impact_evidence: a.impact_evidence.clone(),
            pages: Some(a.pages),
            number_implied: a.number_implied,
            group: a.group.clone(),
            fields: a.fields.clone(),
        }
    }
}

/// One side (`old` or `new`) of a change.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Value {
    /// A whole action (`action_added`, `action_removed`).
    Action(Box<ActionValue>),
    /// A text field, or an action number (`action_renumbered`).
    Text(String),
    /// A list field (leads, success_indicators, impact_evidence).
    List(Vec<String>),
    /// A milestone.
    Milestone(#[serde(serialize_with = "plain::milestone::serialize")] Milestone),
    /// A RAG entry.
    Rag(#[serde(serialize_with = "embed::rag_entry::serialize")] RagEntry),
    /// Where an action is (`action_moved`).
    Place(Place),
    /// A column with no role, heading and text (`field`: `fields`).
    Field(Field),
    /// A third-level group (`field`: `group`).
    Group(Group),
}

/// Where an action is printed: `{"priority", "area", "group", "number"}`, `group` (the third
/// level) only when the plan prints one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    /// The priority's number.
    pub priority: u32,
    /// The area's number within it.
    pub area: u32,
    /// The third-level group, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<Group>,
    /// The action's number (printed, or counted when `number_implied`).
    pub number: String,
}

impl Place {
    /// "P1 area 2, Project 3: Libraries, action 1.2": for people.
    pub fn describe(&self) -> String {
        let group = self
            .group
            .as_ref()
            .map(|g| format!(", {}", describe_group(g)))
            .unwrap_or_default();
        format!(
            "P{} area {}{group}, action {}",
            self.priority, self.area, self.number
        )
    }
}

/// "Project 3: Libraries" (label, or number, then title): a third-level group for people.
pub fn describe_group(g: &Group) -> String {
    let head = g
        .label
        .as_deref()
        .or(g.number.as_deref())
        .unwrap_or_default();
    match (head.trim(), g.title.trim()) {
        ("", t) => t.to_string(),
        (h, "") => h.to_string(),
        (h, t) => format!("{h}: {t}"),
    }
}

/// Milestones as a change list writes them: the paper's form (through its wire type) without
/// `status_text`, which the milestone's text already prints; FORMAT.md's milestone object.
mod plain {
    use super::*;

    fn wire_form(m: &Milestone) -> wire::Milestone {
        wire::Milestone {
            status_text: None,
            ..wire::Milestone::from(m)
        }
    }

    /// One milestone.
    pub mod milestone {
        use super::*;

        /// Write a milestone without its `status_text`.
        pub fn serialize<S: serde::Serializer>(m: &Milestone, s: S) -> Result<S::Ok, S::Error> {
            wire_form(m).serialize(s)
        }
    }

    /// A list of milestones.
    pub mod milestones {
        use super::*;

        /// Write milestones without their `status_text`.
        pub fn serialize<S: serde::Serializer>(v: &[Milestone], s: S) -> Result<S::Ok, S::Error> {
            s.collect_seq(v.iter().map(wire_form))
        }

        /// Read milestones as the paper has them.
        pub fn deserialize<'de, D: serde::Deserializer<'de>>(
            d: D,
        ) -> Result<Vec<Milestone>, D::Error> {
            embed::milestones::deserialize(d)
        }
    }
}

/// One difference between two plans.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "RawChange")]
pub struct Change {
    /// What changed.
    pub kind: ChangeKind,
    /// The priority's number (in the new version; the old one for removals).
    pub priority: u32,
    /// The improvement area's number; 0 for a change to the priority itself (its `title`).
    pub area: u32,
    /// The action's number ("2.1"); empty for a change to an area or priority (`outcome`,
    /// `title`).
    pub action: String,
    /// The field: `milestones`, `rag`, or the changed field's name; `None` for whole actions.
    pub field: Option<String>,
    /// The milestone's or RAG entry's 0-based position in its list, in the new version (the
    /// old one for removals); only for milestone and RAG changes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub index: Option<usize>,
    /// The old value; `None` for additions.
    pub old: Option<Value>,
    /// The new value; `None` for removals.
    pub new: Option<Value>,
}

/// A change as JSON gives it, before `old` and `new` are read by kind.
#[derive(Deserialize)]
struct RawChange {
    kind: ChangeKind,
    priority: u32,
    area: u32,
    action: String,
    field: Option<String>,
    #[serde(default)]
    index: Option<usize>,
    old: Option<serde_json::Value>,
    new: Option<serde_json::Value>,
}

fn side(
    kind: ChangeKind,
    field: Option<&str>,
    v: Option<serde_json::Value>,
) -> Result<Option<Value>, String> {
    use serde_json::from_value as from;
    let Some(v) = v.filter(|v| !v.is_null()) else {
        return Ok(None);
    };
    let err = |e: serde_json::Error| format!("{kind}: {e}");
    let value = match kind {
        ChangeKind::ActionAdded | ChangeKind::ActionRemoved => {
            Value::Action(Box::new(from(v).map_err(err)?))
        }
        ChangeKind::ActionRenumbered => Value::Text(from(v).map_err(err)?),
        ChangeKind::ActionMoved => Value::Place(from(v).map_err(err)?),
        ChangeKind::FieldChanged => match field {
            Some("specific_action" | "outcome" | "title" | "label") => {
                Value::Text(from(v).map_err(err)?)
            }
            Some("fields") => Value::Field(from(v).map_err(err)?),
            Some("group") => Value::Group(from(v).map_err(err)?),
            Some("leads" | "success_indicators" | "impact_evidence") => {
                Value::List(from(v).map_err(err)?)
            }
            other => return Err(format!("field_changed: unknown field {other:?}")),
        },
        ChangeKind::RagChanged => Value::Rag(embed::rag_entry::deserialize(v).map_err(err)?),
        _ => Value::Milestone(embed::milestone::deserialize(v).map_err(err)?),
    };
    Ok(Some(value))
}

impl TryFrom<RawChange> for Change {
    type Error = String;

    fn try_from(r: RawChange) -> Result<Self, Self::Error> {
        let old = side(r.kind, r.field.as_deref(), r.old)?;
        let new = side(r.kind, r.field.as_deref(), r.new)?;
        Ok(Change {
            kind: r.kind,
            priority: r.priority,
            area: r.area,
            action: r.action,
            field: r.field,
            index: r.index,
            old,
            new,
        })
    }
}

/// What `boardpaper diff` writes as JSON: the changes from one paper to another.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChangeList {
    /// The old paper's file name.
    pub from: String,
    /// The new paper's file name.
    pub to: String,
    /// Every change, in plan order.
    pub changes: Vec<Change>,
    /// The covering report's changes (recommendations, title, meeting, summary); left out
    /// when there are none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub report: Vec<super::report::ReportChange>,
}

impl ChangeList {
    /// How many changes of each kind, in [`ChangeKind::ALL`] order, kinds with none left out.
    pub fn counts(&self) -> Vec<(ChangeKind, usize)> {
        ChangeKind::ALL
            .iter()
            .map(|&k| (k, self.changes.iter().filter(|c| c.kind == k).count()))
            .filter(|&(_, n)| n > 0)
            .collect()
    }

    /// Whether nothing changed, in the plans or the report.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty() && self.report.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_back_every_kind_of_the_fixture() {
        let text = include_str!("../../fixtures/mscb/v3-to-v4.changes.json");
        let list: Vec<Change> = serde_json::from_str(text).unwrap();
        assert_eq!(list.len(), 28);
        assert!(matches!(list[0].new, Some(Value::Action(_))));
        let rag = list
            .iter()
            .find(|c| c.kind == ChangeKind::RagChanged)
            .unwrap();
        assert!(matches!(rag.old, Some(Value::Rag(_))), "{rag:?}");
        let back = serde_json::to_value(&list).unwrap();
        let want: serde_json::Value = serde_json::from_str(text).unwrap();
        // Only the action objects differ: the fixture has no `pages`.
        assert_eq!(back[5], want[5]);
        assert_eq!(back[27], want[27]);
        assert_eq!(back[22], want[22]);
    }

    #[test]
    fn index_is_left_out_where_the_kind_has_none() {
        let c = Change {
            kind: ChangeKind::ActionRenumbered,
            priority: 1,
            area: 2,
            action: "2.3".into(),
            field: None,
            index: None,
            old: Some(Value::Text("2.2".into())),
            new: Some(Value::Text("2.3".into())),
        };
        assert_eq!(
            serde_json::to_value(&c).unwrap(),
            json!({"kind": "action_renumbered", "priority": 1, "area": 2, "action": "2.3",
                   "field": null, "old": "2.2", "new": "2.3"})
        );
    }
}
