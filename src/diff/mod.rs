//! The `diff` stage: what changed between two versions of a plan, as a [`ChangeList`]
//! (`fixtures/FORMAT.md`, "Change lists"), and its renderings for people ([`text`],
//! [`html`]) and spreadsheets ([`csv`]).
//!
//! Matching, step by step:
//!
//! 1. plans by title, or by position when each paper has one;
//! 2. priorities by number, improvement areas by number within a priority;
//! 3. actions within a priority: the same number, or failing that similar content (so an
//!    action renumbered because another was inserted before it is `action_renumbered`, not
//!    removed and added), best-first ([`matching::pair_best_first`]);
//! 4. milestones within an action by text similarity, keeping order ([`matching::align`]):
//!    an inserted milestone does not shift the ones after it;
//! 5. RAG entries by position (their texts repeat: "In progress", "Complete").
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

pub mod change;
pub mod csv;
pub mod html;
pub mod matching;
pub mod text;
pub mod words;

pub use change::{ActionValue, Change, ChangeKind, ChangeList, Value};

use crate::paper::document::Paper;
use crate::paper::model::{Action, Milestone, Plan, Priority, RagEntry};
use matching::{
    align, list_differs, normalise, pair_best_first, similarity, text_differs, Step,
    MILESTONE_MATCH, RENUMBERED_MATCH, SAME_NUMBER_MATCH, SCORE_MAX_PAIRS,
};

/// Where a change is: priority, area and action number (in the new version; the old one for
/// removals).
#[derive(Debug, Clone)]
struct At<'a> {
    priority: u32,
    area: u32,
    action: &'a str,
}

impl At<'_> {
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
/// impact and evidence).
pub fn diff_plans(old: &Plan, new: &Plan) -> Vec<Change> {
    let mut out = Vec::new();
    for np in &new.priorities {
        match old.priorities.iter().find(|p| p.number == np.number) {
            Some(op) => diff_priorities(op, np, &mut out),
            None => whole_priority(np, ChangeKind::ActionAdded, &mut out),
        }
    }
    for op in &old.priorities {
        if !new.priorities.iter().any(|p| p.number == op.number) {
            whole_priority(op, ChangeKind::ActionRemoved, &mut out);
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
    }
}

/// "5.3" → [5, 3] for ordering; a part that is not a number sorts last.
fn number_key(n: &str) -> Vec<u32> {
    n.split('.')
        .map(|p| p.trim().parse().unwrap_or(u32::MAX))
        .collect()
}

fn whole_priority(p: &Priority, kind: ChangeKind, out: &mut Vec<Change>) {
    for area in &p.improvement_areas {
        for a in &area.actions {
            out.push(whole_action(p.number, area.number, a, kind));
        }
    }
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

/// An action's matching text: what it says, not who leads it (leads repeat across actions).
fn content(a: &Action) -> String {
    let mut parts = vec![a.specific_action.as_str()];
    parts.extend(a.success_indicators.iter().map(String::as_str));
    parts.extend(a.milestones.iter().map(|m| m.text.as_str()));
    parts.extend(a.impact_evidence.iter().map(String::as_str));
    parts.join(" ")
}

fn diff_priorities(op: &Priority, np: &Priority, out: &mut Vec<Change>) {
    if text_differs(&op.title, &np.title) {
        let at = At {
            priority: np.number,
            area: 0,
            action: "",
        };
        out.push(at.change(
            ChangeKind::FieldChanged,
            Some("title"),
            None,
            Some(Value::Text(op.title.clone())),
            Some(Value::Text(np.title.clone())),
        ));
    }
    for na in &np.improvement_areas {
        let Some(oa) = op.improvement_areas.iter().find(|a| a.number == na.number) else {
            continue;
        };
        if text_differs(&oa.outcome, &na.outcome) {
            let at = At {
                priority: np.number,
                area: na.number,
                action: "",
            };
            out.push(at.change(
                ChangeKind::FieldChanged,
                Some("outcome"),
                None,
                Some(Value::Text(oa.outcome.clone())),
                Some(Value::Text(na.outcome.clone())),
            ));
        }
    }
    let flat = |p: &'_ Priority| -> Vec<(u32, Action)> {
        p.improvement_areas
            .iter()
            .flat_map(|a| a.actions.iter().map(move |x| (a.number, x.clone())))
            .collect()
    };
    let (old, new) = (flat(op), flat(np));
    let old_text: Vec<String> = old.iter().map(|(_, a)| content(a)).collect();
    let new_text: Vec<String> = new.iter().map(|(_, a)| content(a)).collect();
    // Too many pairs to score (hostile input only): match by number alone.
    let score_content = old.len().saturating_mul(new.len()) <= SCORE_MAX_PAIRS;
    let mut scores = Vec::new();
    for (i, (_, oa)) in old.iter().enumerate() {
        for (j, (_, na)) in new.iter().enumerate() {
            let same = normalise(&oa.number) == normalise(&na.number);
            let s = match (old_text.get(i), new_text.get(j)) {
                (Some(a), Some(b)) if score_content => similarity(a, b),
                _ if same => 1.0,
                _ => 0.0,
            };
            if same || s > 0.0 {
                scores.push((i, j, s, same));
            }
        }
    }
    let mut pairs = pair_best_first(&scores, SAME_NUMBER_MATCH, RENUMBERED_MATCH);
    pairs.sort_by_key(|&(_, j)| j);
    for &(i, j) in &pairs {
        let (Some((_, oa)), Some((area, na))) = (old.get(i), new.get(j)) else {
            continue;
        };
        let at = At {
            priority: np.number,
            area: *area,
            action: &na.number,
        };
        diff_actions(oa, na, &at, out);
    }
    for (i, (area, oa)) in old.iter().enumerate() {
        if !pairs.iter().any(|&(pi, _)| pi == i) {
            out.push(whole_action(
                op.number,
                *area,
                oa,
                ChangeKind::ActionRemoved,
            ));
        }
    }
    for (j, (area, na)) in new.iter().enumerate() {
        if !pairs.iter().any(|&(_, pj)| pj == j) {
            out.push(whole_action(np.number, *area, na, ChangeKind::ActionAdded));
        }
    }
}

fn diff_actions(oa: &Action, na: &Action, at: &At<'_>, out: &mut Vec<Change>) {
    if normalise(&oa.number) != normalise(&na.number) {
        out.push(at.change(
            ChangeKind::ActionRenumbered,
            None,
            None,
            Some(Value::Text(oa.number.clone())),
            Some(Value::Text(na.number.clone())),
        ));
    }
    if text_differs(&oa.specific_action, &na.specific_action) {
        out.push(at.change(
            ChangeKind::FieldChanged,
            Some("specific_action"),
            None,
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
}

fn diff_lists(lists: &[(&str, &Vec<String>, &Vec<String>)], at: &At<'_>, out: &mut Vec<Change>) {
    for (field, o, n) in lists {
        if list_differs(o, n) {
            out.push(at.change(
                ChangeKind::FieldChanged,
                Some(field),
                None,
                Some(Value::List(o.to_vec())),
                Some(Value::List(n.to_vec())),
            ));
        }
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
    let steps = align(
        old,
        new,
        |a, b| similarity(&a.text, &b.text),
        MILESTONE_MATCH,
    );
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
