//! An action's milestones printed as sub-rows under it: "1.1 | Improve first-time fix rates
//! | Director of Property Services | | | Amber" then "1.1.1 | Van stock review | | Jul 2025 |
//! Complete". A row whose reference is one outline part deeper than the action above it, with
//! no lead and no rating of its own where that action has one, is that action's milestone:
//! its action cell the milestone's text, its progress the status, its date the date.

use super::super::model::{Action, Milestone};
use super::super::vocab::Status;

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

/// Marks opening an unnumbered sub-row's text: a dash or a bullet and a space.
const MARKS: &[char] = &['–', '—', '-', '•', '▪', '◦'];

/// The text after a leading dash or bullet mark ("– Contract awarded" → "Contract awarded").
fn marked(text: &str) -> Option<&str> {
    let t = text.trim_start();
    let mut chars = t.chars();
    let first = chars.next()?;
    let rest = chars.as_str();
    (MARKS.contains(&first) && rest.starts_with(char::is_whitespace))
        .then(|| rest.trim())
        .filter(|r| !r.is_empty())
}

/// `a` read as a milestone of `prev` when it is an unnumbered sub-row: no reference where
/// `prev` prints one, its text opened by a dash or bullet ("– Contract awarded"), no lead,
/// its dated work only the date of its own date cell, and its rating cell only a plain status
/// word (no fill: a progress word, not the action's rating).
fn as_marked_milestone(prev: &Action, a: &Action) -> Option<Milestone> {
    let text = marked(&a.specific_action)?;
    let plain_word = a.rag.iter().all(|e| {
        e.colour.is_none() && Status::parse(e.text.trim().trim_end_matches('.')).is_some()
    });
    let sub = a.number_implied
        && !prev.number_implied
        && a.leads.is_empty()
        && plain_word
        && a.rag.len() <= 1
        && (!prev.leads.is_empty() || !prev.rag.is_empty())
        && a.success_indicators.is_empty()
        && a.impact_evidence.is_empty()
        && a.fields.is_empty()
        && a.milestones.len() <= 1
        && a.milestones
            .iter()
            .all(|m| m.date.as_deref() == Some(m.text.trim()));
    if !sub {
        return None;
    }
    let word = a.rag.first().map(|e| e.text.trim().to_string());
    let status = word.as_deref().and_then(Status::parse);
    let first = a.milestones.first();
    Some(Milestone {
        text: text.to_string(),
        status,
        date: first.and_then(|m| m.date.clone()),
        rag: None,
        period: first.and_then(|m| m.period.clone()),
        status_text: word.filter(|w| {
            status.is_some_and(|s| !s.as_str().eq_ignore_ascii_case(w.trim_end_matches('.')))
        }),
    })
}

/// `a` read as a milestone of `prev` when it is one of its sub-rows.
fn as_milestone(prev: &Action, a: &Action) -> Option<Milestone> {
    if let Some(m) = as_marked_milestone(prev, a) {
        return Some(m);
    }
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
    fn an_unnumbered_marked_row_with_a_plain_status_is_a_milestone() {
        let mut prev = action("2.1", "Open a hub.", "Hub Manager", "ON TRACK", "");
        let mut sub = action("", "– Lease signed", "", "Completed", "");
        sub.number_implied = true;
        sub.milestones = vec![Milestone {
            text: "Jun 2025".into(),
            status: None,
            date: Some("Jun 2025".into()),
            rag: None,
            period: None,
            status_text: None,
        }];
        // A filled rating is the row's own: an action, not a milestone.
        let mut rated = sub.clone();
        if let Some(e) = rated.rag.first_mut() {
            e.colour = Some(crate::paper::model::RagColour::Green);
        }
        assert!(!take(&mut prev, &rated));
        // No mark: no milestone either.
        let mut plain = sub.clone();
        plain.specific_action = "Lease signed".into();
        assert!(!take(&mut prev, &plain));
        assert!(take(&mut prev, &sub));
        let m = prev.milestones.first().cloned().expect("a milestone");
        assert_eq!(m.text, "Lease signed");
        assert_eq!(m.status, Some(Status::Complete));
        assert_eq!(m.status_text.as_deref(), Some("Completed"));
        assert_eq!(m.date.as_deref(), Some("Jun 2025"));
        assert_eq!(prev.rag.len(), 1);
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
