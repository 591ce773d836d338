//! Which old group is which new group, and which old action is which new action, in two
//! versions of a plan of any template.
//!
//! 1. Priorities pair best-first: the same number at any similarity of their titles, another
//!    number only when the titles are at least [`RENUMBERED_MATCH`] alike (a priority
//!    inserted before the others shifts their numbers but not their titles). Areas pair the
//!    same way within paired priorities, by outcome.
//! 2. Actions pair best-first over the whole plan ([`pair_best_first`]): two actions printed
//!    with the same reference in paired areas under the same third-level group need
//!    [`SAME_NUMBER_MATCH`]; any other two (another reference, another group, or a number
//!    that was counted, not printed) need [`RENUMBERED_MATCH`]. So an action moved to another
//!    group, or renumbered, is still one action; actions with no printed reference are matched
//!    by content alone (their counted numbers shift when one is inserted).

use crate::paper::model::{Action, Group, Plan, Priority};

use super::matching::{
    normalise, pair_best_first, similarity, RENUMBERED_MATCH, SAME_NUMBER_MATCH, SCORE_MAX_PAIRS,
};

/// Where an action is in its plan: the positions (not the numbers) of its priority, its area
/// within the priority and the action within the area.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Slot {
    /// Index into `priorities`.
    pub priority: usize,
    /// Index into that priority's `improvement_areas`.
    pub area: usize,
    /// Index into that area's `actions`.
    pub action: usize,
}

/// Which items of an old plan are which of a new one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Pairing {
    /// Paired priorities, (old index, new index), in new order.
    pub priorities: Vec<(usize, usize)>,
    /// Paired areas, ((old priority, old area), (new priority, new area)), in new order.
    pub areas: Vec<((usize, usize), (usize, usize))>,
    /// Paired actions, (old, new), in new order.
    pub actions: Vec<(Slot, Slot)>,
    /// Old actions with no counterpart, in old order.
    pub removed: Vec<Slot>,
    /// New actions with no counterpart, in new order.
    pub added: Vec<Slot>,
}

impl Pairing {
    /// Whether the old area `(priority, area)` is the new area `(priority, area)`.
    pub fn same_area(&self, old: (usize, usize), new: (usize, usize)) -> bool {
        self.areas.contains(&(old, new))
    }

    /// The new slot of the old action `old`, when it has one.
    pub fn new_of(&self, old: Slot) -> Option<Slot> {
        self.actions
            .iter()
            .find(|(o, _)| *o == old)
            .map(|&(_, n)| n)
    }

    /// The old slot of the new action `new`, when it has one.
    pub fn old_of(&self, new: Slot) -> Option<Slot> {
        self.actions
            .iter()
            .find(|(_, n)| *n == new)
            .map(|&(o, _)| o)
    }
}

/// The action at `slot`, when there is one.
pub fn action_at(plan: &Plan, slot: Slot) -> Option<&Action> {
    plan.priorities
        .get(slot.priority)?
        .improvement_areas
        .get(slot.area)?
        .actions
        .get(slot.action)
}

/// Every action of a plan with its slot, in plan order.
pub fn slots(plan: &Plan) -> Vec<(Slot, &Action)> {
    let mut out = Vec::new();
    for (pi, p) in plan.priorities.iter().enumerate() {
        for (ai, a) in p.improvement_areas.iter().enumerate() {
            for (xi, x) in a.actions.iter().enumerate() {
                let slot = Slot {
                    priority: pi,
                    area: ai,
                    action: xi,
                };
                out.push((slot, x));
            }
        }
    }
    out
}

/// What identifies a third-level group within its area: its printed number, else its label
/// and title (case and spacing ignored); `None` when the action has no third level.
pub fn group_key(g: Option<&Group>) -> Option<String> {
    let g = g?;
    Some(match &g.number {
        Some(n) if !n.trim().is_empty() => format!("#{}", normalise(n).to_lowercase()),
        _ => format!(
            "{}: {}",
            normalise(g.label.as_deref().unwrap_or_default()).to_lowercase(),
            normalise(&g.title).to_lowercase()
        ),
    })
}

/// An action's matching text: what it says, not who leads it (leads repeat across actions).
pub fn content(a: &Action) -> String {
    let mut parts = vec![a.specific_action.as_str()];
    parts.extend(a.success_indicators.iter().map(String::as_str));
    parts.extend(a.milestones.iter().map(|m| m.text.as_str()));
    parts.extend(a.impact_evidence.iter().map(String::as_str));
    parts.extend(a.fields.iter().map(|f| f.text.as_str()));
    parts.join(" ")
}

/// How alike two actions are: their whole contents, or their action texts alone when those
/// are closer (a progress column rewritten from one version to the next leaves the action
/// text as it was).
fn action_similarity(old: &Action, old_content: &str, new: &Action, new_content: &str) -> f32 {
    let whole = similarity(old_content, new_content);
    if old.specific_action.trim().is_empty() || new.specific_action.trim().is_empty() {
        return whole;
    }
    whole.max(similarity(&old.specific_action, &new.specific_action))
}

/// Pair groups (priorities, or areas of one priority) given as (number, text): the same
/// number at any similarity, another number when the texts are at least
/// [`RENUMBERED_MATCH`] alike; best first. Returns (old, new) index pairs.
fn pair_groups(old: &[(u32, String)], new: &[(u32, String)]) -> Vec<(usize, usize)> {
    let mut scores = Vec::new();
    for (i, (on, ot)) in old.iter().enumerate() {
        for (j, (nn, nt)) in new.iter().enumerate() {
            let same = on == nn;
            let s = if old.len().saturating_mul(new.len()) <= SCORE_MAX_PAIRS {
                similarity(ot, nt)
            } else if same {
                1.0
            } else {
                0.0
            };
            if same || s >= RENUMBERED_MATCH {
                scores.push((i, j, s, same));
            }
        }
    }
    let mut pairs = pair_best_first(&scores, 0.0, RENUMBERED_MATCH);
    pairs.sort_by_key(|&(_, j)| j);
    pairs
}

/// Pair the priorities, areas and actions of two versions of a plan (see the module's
/// comment).
pub fn pair_plans(old: &Plan, new: &Plan) -> Pairing {
    let titles = |p: &Plan| -> Vec<(u32, String)> {
        p.priorities
            .iter()
            .map(|x| (x.number, x.title.clone()))
            .collect()
    };
    let priorities = pair_groups(&titles(old), &titles(new));
    let mut areas = Vec::new();
    for &(op, np) in &priorities {
        let (Some(o), Some(n)) = (old.priorities.get(op), new.priorities.get(np)) else {
            continue;
        };
        let outcomes = |p: &Priority| -> Vec<(u32, String)> {
            p.improvement_areas
                .iter()
                .map(|a| (a.number, a.outcome.clone()))
                .collect()
        };
        for (oa, na) in pair_groups(&outcomes(o), &outcomes(n)) {
            areas.push(((op, oa), (np, na)));
        }
    }
    let mut pairing = Pairing {
        priorities,
        areas,
        ..Pairing::default()
    };
    pair_actions(old, new, &mut pairing);
    pairing
}

/// Pair the actions of two plans whose groups are paired in `pairing`, and fill its
/// `actions`, `removed` and `added`.
fn pair_actions(old: &Plan, new: &Plan, pairing: &mut Pairing) {
    let (olds, news) = (slots(old), slots(new));
    let old_text: Vec<String> = olds.iter().map(|(_, a)| content(a)).collect();
    let new_text: Vec<String> = news.iter().map(|(_, a)| content(a)).collect();
    // Too many pairs to score (hostile input only): match by number alone.
    let score_content = olds.len().saturating_mul(news.len()) <= SCORE_MAX_PAIRS;
    let mut scores = Vec::new();
    for (i, (os, oa)) in olds.iter().enumerate() {
        for (j, (ns, na)) in news.iter().enumerate() {
            let same = !oa.number_implied
                && !na.number_implied
                && normalise(&oa.number) == normalise(&na.number)
                && pairing.same_area((os.priority, os.area), (ns.priority, ns.area))
                && group_key(oa.group.as_ref()) == group_key(na.group.as_ref());
            let s = match (old_text.get(i), new_text.get(j)) {
                (Some(a), Some(b)) if score_content => action_similarity(oa, a, na, b),
                _ if same => 1.0,
                _ => 0.0,
            };
            if same || s >= RENUMBERED_MATCH {
                scores.push((i, j, s, same));
            }
        }
    }
    let mut pairs = pair_best_first(&scores, SAME_NUMBER_MATCH, RENUMBERED_MATCH);
    pairs.sort_by_key(|&(_, j)| j);
    let paired_old: std::collections::HashSet<usize> = pairs.iter().map(|&(i, _)| i).collect();
    let paired_new: std::collections::HashSet<usize> = pairs.iter().map(|&(_, j)| j).collect();
    pairing.actions = pairs
        .iter()
        .filter_map(|&(i, j)| Some((olds.get(i)?.0, news.get(j)?.0)))
        .collect();
    pairing.removed = olds
        .iter()
        .enumerate()
        .filter(|(i, _)| !paired_old.contains(i))
        .map(|(_, (s, _))| *s)
        .collect();
    pairing.added = news
        .iter()
        .enumerate()
        .filter(|(j, _)| !paired_new.contains(j))
        .map(|(_, (s, _))| *s)
        .collect();
}
