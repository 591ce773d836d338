//! An action's milestones printed as sub-rows under it: "1.1 | Improve first-time fix rates
//! | Director of Property Services | | | Amber" then "1.1.1 | Van stock review | | Jul 2025 |
//! Complete". A row whose reference is one outline part deeper than the action above it, with
//! no lead and no rating of its own where that action has one, is that action's milestone:
//! its action cell the milestone's text, its progress the status, its date the date.

use super::super::model::{Action, Milestone};

/// Whether `child` is `parent` with one more outline part ("1.1" → "1.1.1", "2" → "2.3").
fn one_part_deeper(parent: &str, child: &str) -> bool {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    child
        .strip_prefix(parent)
        .and_then(|rest| rest.strip_prefix('.'))
        .is_some_and(digits)
        && parent.split('.').all(digits)
}

/// Take `a` into `prev` as a milestone when it is one of its sub-rows (its row and pages
/// become the action's): whether it was.
pub fn take(prev: &mut Action, a: &Action) -> bool {
    let Some(m) = as_milestone(prev, a) else {
        return false;
    };
    prev.milestones.push(m);
    prev.rows.extend(a.rows.iter().cloned());
    prev.pages[1] = prev.pages[1].max(a.pages[1]);
    true
}

/// `a` read as a milestone of `prev` when it is one of its sub-rows.
fn as_milestone(prev: &Action, a: &Action) -> Option<Milestone> {
    let sub = !a.number_implied
        && !prev.number_implied
        && one_part_deeper(&prev.number, &a.number)
        && a.leads.is_empty()
        && a.rag.is_empty()
        && (!prev.leads.is_empty() || !prev.rag.is_empty())
        && !a.specific_action.trim().is_empty()
        // Nothing else printed in the row is lost: no indicator, evidence or field of its
        // own, and its progress only a status word or a date.
        && a.success_indicators.is_empty()
        && a.impact_evidence.is_empty()
        && a.fields.is_empty()
        && a.milestones.iter().all(|m| {
            let t = m.text.trim().trim_end_matches('.');
            t.is_empty()
                || m.status_text.as_deref().is_some_and(|w| w.eq_ignore_ascii_case(t))
                || m.status.is_some_and(|w| w.as_str().eq_ignore_ascii_case(t))
                || m.date.as_deref() == Some(t)
        });
    if !sub {
        return None;
    }
    let first = a.milestones.first();
    let status = a.milestones.iter().find_map(|m| m.status);
    let date = a.milestones.iter().find_map(|m| m.date.clone());
    Some(Milestone {
        text: a.specific_action.clone(),
        status,
        date,
        rag: None,
        period: first.and_then(|m| m.period.clone()),
        status_text: first.and_then(|m| m.status_text.clone()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    use super::super::super::model::RagEntry;
    use super::super::super::vocab::Status;

    fn action(number: &str, text: &str, lead: &str, rag: &str, progress: &str) -> Action {
        Action {
            number: number.into(),
            specific_action: text.into(),
            leads: [lead]
                .iter()
                .filter(|s| !s.is_empty())
                .map(|s| s.to_string())
                .collect(),
            success_indicators: Vec::new(),
            milestones: [progress]
                .iter()
                .filter(|s| !s.is_empty())
                .map(|s| Milestone {
                    text: s.to_string(),
                    status: Status::parse(s),
                    date: Some("Jul 2025".into()),
                    rag: None,
                    period: None,
                    status_text: None,
                })
                .collect(),
            rag: [rag]
                .iter()
                .filter(|s| !s.is_empty())
                .map(|s| RagEntry {
                    text: s.to_string(),
                    colour: None,
                    fill: None,
                })
                .collect(),
            impact_evidence: Vec::new(),
            pages: [1, 1],
            rows: Vec::new(),
            number_implied: false,
            group: None,
            fields: Vec::new(),
        }
    }

    #[test]
    fn a_sub_row_is_its_actions_milestone() {
        let mut prev = action(
            "1.1",
            "Improve first-time fix rates.",
            "Head of Repairs",
            "Amber",
            "",
        );
        let mut sub = action("1.1.1", "Van stock review", "", "", "Complete");
        sub.pages = [2, 2];
        assert!(take(&mut prev, &sub));
        let m = prev.milestones.first().cloned();
        assert_eq!(
            m.as_ref().map(|m| m.text.as_str()),
            Some("Van stock review")
        );
        assert_eq!(m.as_ref().and_then(|m| m.status), Some(Status::Complete));
        assert_eq!(m.and_then(|m| m.date).as_deref(), Some("Jul 2025"));
        assert_eq!(prev.pages, [1, 2]);
        // An action of its own: a lead, a rating, a longer update, or no deeper reference.
        for sub in [
            action("1.1.2", "Pilot", "Repairs Manager", "", "Complete"),
            action("1.1.2", "Pilot", "", "Green", "Complete"),
            action("1.1.2", "Pilot", "", "", "Pilot run in two patches"),
            action("1.2", "Pilot", "", "", "Complete"),
        ] {
            assert!(!take(&mut prev, &sub));
        }
        // Under a group row's number (no lead, no rating above), 1.1.1 is an action.
        let mut group_like = action("1.1", "Residents online", "", "", "");
        assert!(!take(
            &mut group_like,
            &action("1.1.1", "Portal", "", "", "Complete")
        ));
    }

    #[test]
    fn outline_children_only() {
        assert!(one_part_deeper("1.1", "1.1.1"));
        assert!(one_part_deeper("2", "2.3"));
        assert!(!one_part_deeper("1.1", "1.2"));
        assert!(!one_part_deeper("1.1", "1.1.1.1"));
        assert!(!one_part_deeper("1.1", "1.10"));
        assert!(!one_part_deeper("A1", "A1.1"));
    }
}
