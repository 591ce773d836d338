//! The `diff` stage: what changed between two versions of a plan, as a [`ChangeList`]
//! (`fixtures/FORMAT.md`, "Change lists"), with the covering report's changes in a section
//! of their own ([`report`]), and its renderings for people ([`text`],
//! [`html`]) and spreadsheets ([`csv`]).
//!
//! Matching, step by step:
//!
//! 1. plans by title, or by position when each paper has one;
//! 2. priorities by number or, when renumbered, by title; improvement areas the same way
//!    within a priority, by outcome ([`pairing`]);
//! 3. actions over the whole plan: the same printed number in the same group, or failing
//!    that similar content, best-first ([`matching::pair_best_first`]). An action renumbered
//!    is `action_renumbered`, one moved to another group `action_moved`, not removed and
//!    added; actions with no printed number are matched by content alone;
//! 4. milestones within an action by text similarity, keeping order ([`matching::align`]):
//!    an inserted milestone does not shift the ones after it;
//! 5. RAG entries by position (their texts repeat: "In progress", "Complete");
//! 6. the columns with no role (`fields`) by heading.
//!
//! Whitespace-only differences are not changes.
//!
//! ```no_run
//! use boardpaper::paper::document::Paper;
//!
//! let read = |f: &str| -> Paper {
//!     boardpaper::export::wire::paper_from_str(&std::fs::read_to_string(f).unwrap()).unwrap()
//! };
//! let list = boardpaper::diff::diff_papers(&read("v3.json"), &read("v4.json"));
//! for c in &list.changes {
//!     println!("P{} {} {}", c.priority, c.action, c.kind);
//! }
//! ```

mod action;
pub mod change;
pub mod csv;
pub mod html;
pub mod matching;
pub mod pairing;
pub mod report;
pub mod text;
pub mod words;

pub use action::milestone_change;
pub use change::{ActionValue, Change, ChangeKind, ChangeList, Place, Value};

use crate::paper::document::Paper;
use crate::paper::model::{Action, Plan};
use matching::{normalise, text_differs};
use pairing::{action_at, group_key, pair_plans, Slot};

/// Where a change is: priority, area and action number (in the new version; the old one for
/// removals).
#[derive(Debug, Clone)]
struct At<'a> {
    priority: u32,
    area: u32,
    action: &'a str,
}

impl At<'_> {
    /// A `field_changed` of `field`.
    fn field(&self, field: &str, old: Option<Value>, new: Option<Value>) -> Change {
        self.change(ChangeKind::FieldChanged, Some(field), None, old, new)
    }

    fn change(
        &self,
        kind: ChangeKind,
        field: Option<&str>,
        index: Option<usize>,
        old: Option<Value>,
        new: Option<Value>,
    ) -> Change {
        Change {
            kind,
            priority: self.priority,
            area: self.area,
            action: self.action.to_string(),
            field: field.map(str::to_string),
            index,
            old,
            new,
        }
    }
}

/// Every change from `old` to `new`, in plan order: by priority, area and action; within an
/// action in column order (specific action, leads, success indicators, milestones, RAG,
/// impact and evidence, then the columns with no role).
pub fn diff_plans(old: &Plan, new: &Plan) -> Vec<Change> {
    let pairing = pair_plans(old, new);
    let mut out = Vec::new();
    for &(op, np) in &pairing.priorities {
        let (Some(o), Some(n)) = (old.priorities.get(op), new.priorities.get(np)) else {
            continue;
        };
        let at = At {
            priority: n.number,
            area: 0,
            action: "",
        };
        group_changes(
            &at,
            ("title", &o.title, &n.title),
            (&o.label, &n.label),
            &mut out,
        );
    }
    for &((op, oa), (np, na)) in &pairing.areas {
        let o = old
            .priorities
            .get(op)
            .and_then(|p| p.improvement_areas.get(oa));
        let (Some(p), Some(n)) = (
            new.priorities.get(np),
            new.priorities
                .get(np)
                .and_then(|p| p.improvement_areas.get(na)),
        ) else {
            continue;
        };
        let Some(o) = o else {
            continue;
        };
        let at = At {
            priority: p.number,
            area: n.number,
            action: "",
        };
        group_changes(
            &at,
            ("outcome", &o.outcome, &n.outcome),
            (&o.label, &n.label),
            &mut out,
        );
    }
    for &(os, ns) in &pairing.actions {
        let (Some(oa), Some(na)) = (action_at(old, os), action_at(new, ns)) else {
            continue;
        };
        let (Some(oplace), Some(nplace)) = (place(old, os), place(new, ns)) else {
            continue;
        };
        let at = At {
            priority: nplace.priority,
            area: nplace.area,
            action: &na.number,
        };
        let moved = !pairing.same_area((os.priority, os.area), (ns.priority, ns.area))
            || group_key(oa.group.as_ref()) != group_key(na.group.as_ref());
        if moved {
            out.push(at.change(
                ChangeKind::ActionMoved,
                None,
                None,
                Some(Value::Place(oplace)),
                Some(Value::Place(nplace)),
            ));
        } else if !oa.number_implied
            && !na.number_implied
            && normalise(&oa.number) != normalise(&na.number)
        {
            out.push(at.change(
                ChangeKind::ActionRenumbered,
                None,
                None,
                Some(Value::Text(oa.number.clone())),
                Some(Value::Text(na.number.clone())),
            ));
        }
        action::diff_actions(oa, na, !moved, &at, &mut out);
    }
    for (slots, plan, kind) in [
        (&pairing.removed, old, ChangeKind::ActionRemoved),
        (&pairing.added, new, ChangeKind::ActionAdded),
    ] {
        for &slot in slots {
            if let (Some(a), Some(p)) = (action_at(plan, slot), place(plan, slot)) {
                out.push(whole_action(p.priority, p.area, a, kind));
            }
        }
    }
    // Plan order; a stable sort keeps column order within an action and "removed" before
    // "added" under one number.
    out.sort_by(|a, b| {
        (a.priority, a.area, number_key(&a.action)).cmp(&(
            b.priority,
            b.area,
            number_key(&b.action),
        ))
    });
    out
}

/// The changes to a priority or area itself: its text (`title` or `outcome`) and its printed
/// label (`label`; `null` on the side where none is printed).
fn group_changes(
    at: &At<'_>,
    (field, old, new): (&str, &str, &str),
    (old_label, new_label): (&Option<String>, &Option<String>),
    out: &mut Vec<Change>,
) {
    if text_differs(old, new) {
        out.push(at.field(
            field,
            Some(Value::Text(old.to_string())),
            Some(Value::Text(new.to_string())),
        ));
    }
    let label_differs = match (old_label, new_label) {
        (Some(o), Some(n)) => text_differs(o, n),
        (None, None) => false,
        _ => true,
    };
    if label_differs {
        out.push(at.field(
            "label",
            old_label.clone().map(Value::Text),
            new_label.clone().map(Value::Text),
        ));
    }
}

/// Where the action at `slot` is printed.
fn place(plan: &Plan, slot: Slot) -> Option<Place> {
    let p = plan.priorities.get(slot.priority)?;
    let area = p.improvement_areas.get(slot.area)?;
    let a = area.actions.get(slot.action)?;
    Some(Place {
        priority: p.number,
        area: area.number,
        group: a.group.clone(),
        number: a.number.clone(),
    })
}

/// The changes from one paper to another: their plans matched by title, or by position when
/// each has exactly one. A plan only in one paper counts as all its actions added or removed.
pub fn diff_papers(old: &Paper, new: &Paper) -> ChangeList {
    let mut changes = Vec::new();
    let empty = |p: &Plan| Plan {
        priorities: Vec::new(),
        ..p.clone()
    };
    if let ([o], [n]) = (old.plans.as_slice(), new.plans.as_slice()) {
        changes = diff_plans(o, n);
    } else {
        let same = |a: &Plan, b: &Plan| {
            normalise(&a.title).to_lowercase() == normalise(&b.title).to_lowercase()
        };
        for n in &new.plans {
            match old.plans.iter().find(|o| same(o, n)) {
                Some(o) => changes.extend(diff_plans(o, n)),
                None => changes.extend(diff_plans(&empty(n), n)),
            }
        }
        for o in &old.plans {
            if !new.plans.iter().any(|n| same(o, n)) {
                changes.extend(diff_plans(o, &empty(o)));
            }
        }
    }
    ChangeList {
        from: old.file.clone(),
        to: new.file.clone(),
        changes,
        report: report::diff_reports(
            (old.meeting.as_ref(), old.report.as_ref()),
            (new.meeting.as_ref(), new.report.as_ref()),
        ),
    }
}

/// "5.3" → [5, 3] for ordering; a part that is not a number sorts last.
fn number_key(n: &str) -> Vec<u32> {
    n.split('.')
        .map(|p| p.trim().parse().unwrap_or(u32::MAX))
        .collect()
}

fn whole_action(priority: u32, area: u32, a: &Action, kind: ChangeKind) -> Change {
    let at = At {
        priority,
        area,
        action: &a.number,
    };
    let value = Some(Value::Action(Box::new(ActionValue::from(a))));
    if kind == ChangeKind::ActionRemoved {
        at.change(kind, None, None, value, None)
    } else {
        at.change(kind, None, None, None, value)
    }
}
