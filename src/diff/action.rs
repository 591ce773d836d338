//! The changes within one action matched across two versions: its fields in column order,
//! its milestones (aligned by text), its RAG entries (by position), its third-level group and
//! its columns with no role (by heading).

use super::change::{Change, ChangeKind, Value};
use super::matching::{
    align, list_differs, normalise, pair_replacements, similarity, text_differs, Step,
    MILESTONE_MATCH,
};
use super::At;
use crate::paper::model::{Action, Field, Group, Milestone, RagEntry};

/// The changes from `oa` to `na` (the same action), in column order; the group is compared
/// only when `same_place` (a move is reported as `action_moved`, with both groups).
pub(super) fn diff_actions(
    oa: &Action,
    na: &Action,
    same_place: bool,
    at: &At<'_>,
    out: &mut Vec<Change>,
) {
    if same_place && group_differs(oa.group.as_ref(), na.group.as_ref()) {
        out.push(at.field(
            "group",
            oa.group.clone().map(Value::Group),
            na.group.clone().map(Value::Group),
        ));
    }
    if text_differs(&oa.specific_action, &na.specific_action) {
        out.push(at.field(
            "specific_action",
            Some(Value::Text(oa.specific_action.clone())),
            Some(Value::Text(na.specific_action.clone())),
        ));
    }
    let lists = [
        ("leads", &oa.leads, &na.leads),
        (
            "success_indicators",
            &oa.success_indicators,
            &na.success_indicators,
        ),
    ];
    diff_lists(&lists, at, out);
    diff_milestones(&oa.milestones, &na.milestones, at, out);
    diff_rag(&oa.rag, &na.rag, at, out);
    let lists = [("impact_evidence", &oa.impact_evidence, &na.impact_evidence)];
    diff_lists(&lists, at, out);
    diff_fields(&oa.fields, &na.fields, at, out);
}

/// Whether two third-level groups differ in more than whitespace.
fn group_differs(old: Option<&Group>, new: Option<&Group>) -> bool {
    let opt = |a: &Option<String>, b: &Option<String>| match (a, b) {
        (Some(a), Some(b)) => text_differs(a, b),
        (None, None) => false,
        _ => true,
    };
    match (old, new) {
        (Some(o), Some(n)) => {
            opt(&o.label, &n.label) || opt(&o.number, &n.number) || text_differs(&o.title, &n.title)
        }
        (None, None) => false,
        _ => true,
    }
}

fn diff_lists(lists: &[(&str, &Vec<String>, &Vec<String>)], at: &At<'_>, out: &mut Vec<Change>) {
    for (field, o, n) in lists {
        if list_differs(o, n) {
            out.push(at.field(
                field,
                Some(Value::List(o.to_vec())),
                Some(Value::List(n.to_vec())),
            ));
        }
    }
}

/// The columns with no role, matched by heading (case and spacing ignored): one
/// `field_changed` (`field` "fields") per heading whose text changed, appeared or went, the
/// sides being `{"heading", "text"}` or `null`. New headings in their order, then the
/// headings only the old version has. Several columns under one heading are matched in order.
fn diff_fields(old: &[Field], new: &[Field], at: &At<'_>, out: &mut Vec<Change>) {
    let key = |f: &Field| normalise(&f.heading).to_lowercase();
    let mut used = vec![false; old.len()];
    for n in new {
        let found = old
            .iter()
            .enumerate()
            .find(|(i, o)| !used.get(*i).copied().unwrap_or(true) && key(o) == key(n));
        let o = found.map(|(i, o)| {
            if let Some(u) = used.get_mut(i) {
                *u = true;
            }
            o
        });
        if o.is_none_or(|o| text_differs(&o.text, &n.text)) {
            out.push(at.field(
                "fields",
                o.cloned().map(Value::Field),
                Some(Value::Field(n.clone())),
            ));
        }
    }
    for (o, _) in old.iter().zip(&used).filter(|(_, u)| !**u) {
        out.push(at.field("fields", Some(Value::Field(o.clone())), None));
    }
}

/// The kind of a changed milestone (status > date > text), or `None` when it is the same.
/// The RAG text printed level with it is reported by [`ChangeKind::RagChanged`] instead.
pub fn milestone_change(old: &Milestone, new: &Milestone) -> Option<ChangeKind> {
    let date = |m: &Milestone| m.date.as_deref().map(normalise);
    if old.status != new.status {
        Some(ChangeKind::MilestoneStatusChanged)
    } else if date(old) != date(new) {
        Some(ChangeKind::MilestoneDateChanged)
    } else if text_differs(&old.text, &new.text) {
        Some(ChangeKind::MilestoneTextChanged)
    } else {
        None
    }
}

fn diff_milestones(old: &[Milestone], new: &[Milestone], at: &At<'_>, out: &mut Vec<Change>) {
    let steps = pair_replacements(align(
        old,
        new,
        |a, b| similarity(&a.text, &b.text),
        MILESTONE_MATCH,
    ));
    let field = Some("milestones");
    for step in steps {
        match step {
            Step::Pair(i, j) => {
                let (Some(o), Some(n)) = (old.get(i), new.get(j)) else {
                    continue;
                };
                if let Some(kind) = milestone_change(o, n) {
                    out.push(at.change(
                        kind,
                        field,
                        Some(j),
                        Some(Value::Milestone(o.clone())),
                        Some(Value::Milestone(n.clone())),
                    ));
                }
            }
            Step::Removed(i) => {
                if let Some(o) = old.get(i) {
                    out.push(at.change(
                        ChangeKind::MilestoneRemoved,
                        field,
                        Some(i),
                        Some(Value::Milestone(o.clone())),
                        None,
                    ));
                }
            }
            Step::Added(j) => {
                if let Some(n) = new.get(j) {
                    out.push(at.change(
                        ChangeKind::MilestoneAdded,
                        field,
                        Some(j),
                        None,
                        Some(Value::Milestone(n.clone())),
                    ));
                }
            }
        }
    }
}

fn diff_rag(old: &[RagEntry], new: &[RagEntry], at: &At<'_>, out: &mut Vec<Change>) {
    for i in 0..old.len().max(new.len()) {
        let (o, n) = (old.get(i), new.get(i));
        let differs = match (o, n) {
            (Some(o), Some(n)) => text_differs(&o.text, &n.text) || o.colour != n.colour,
            _ => true,
        };
        if differs {
            out.push(at.change(
                ChangeKind::RagChanged,
                Some("rag"),
                Some(i),
                o.cloned().map(Value::Rag),
                n.cloned().map(Value::Rag),
            ));
        }
    }
}
