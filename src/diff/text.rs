//! The change list as a readable summary: a count per kind, then the changes grouped by
//! priority and action, one line each (`milestone 2: In progress → Complete (May 2015)`).
//! Changed words are marked `[-old-]{+new+}` (as wdiff does), or coloured when `colour` is on.
//! In list fields an edited entry starts `~`, a removed one `-`, an added one `+`. Milestone
//! and RAG entries are numbered from 1, as a reader counts them (the JSON's `index` + 1).

use std::fmt::Write;

use super::change::{describe_group, Change, ChangeKind, ChangeList, Value};
use super::words::{self, Item, Segment};
use crate::paper::model::{Milestone, RagColour, RagEntry};

/// ANSI styles, or none.
#[derive(Clone, Copy)]
struct Style {
    colour: bool,
}

impl Style {
    fn wrap(self, code: &str, s: &str) -> String {
        if self.colour {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
    fn bold(self, s: &str) -> String {
        self.wrap("1", s)
    }
    fn deleted(self, s: &str) -> String {
        if self.colour {
            self.wrap("31;9", s)
        } else {
            format!("[-{s}-]")
        }
    }
    fn inserted(self, s: &str) -> String {
        if self.colour {
            self.wrap("32", s)
        } else {
            format!("{{+{s}+}}")
        }
    }
    fn rag(self, r: &RagEntry) -> String {
        let name = colour_name(r.colour);
        let code = match r.colour {
            Some(RagColour::Green) => "42;30",
            Some(RagColour::Amber) => "43;30",
            Some(RagColour::Red) => "41;97",
            _ => "7",
        };
        if self.colour {
            self.wrap(code, &format!(" {} ", r.text.trim()))
        } else if name.is_empty() {
            r.text.trim().to_string()
        } else {
            format!("{} ({name})", r.text.trim())
        }
    }
    fn segments(self, segs: &[Segment]) -> String {
        segs.iter()
            .map(|s| match s {
                Segment::Same(t) => t.clone(),
                Segment::Deleted(t) => self.deleted(t),
                Segment::Inserted(t) => self.inserted(t),
            })
            .collect()
    }
}

/// A RAG colour's name ("green", "#C6D9F1"), or "" when unfilled.
pub fn colour_name(c: Option<RagColour>) -> String {
    c.map(|c| c.to_string()).unwrap_or_default()
}

/// "2 actions added, 10 milestone status changed" (kinds with none left out).
pub fn summary(list: &ChangeList) -> String {
    list.counts()
        .iter()
        .map(|(k, n)| k.counted(*n))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The whole summary; `colour` adds ANSI colours (for a terminal).
pub fn render(list: &ChangeList, colour: bool) -> String {
    let st = Style { colour };
    let mut out = String::new();
    let n = list.changes.len();
    let _ = writeln!(
        out,
        "{} → {}: {}",
        list.from,
        list.to,
        match n {
            0 => "no changes".to_string(),
            1 => "1 change".to_string(),
            n => format!("{n} changes"),
        }
    );
    if n > 0 {
        let _ = writeln!(out, "  {}", summary(list));
    }
    let mut priority = None;
    let mut action: Option<(u32, &str)> = None;
    for c in &list.changes {
        if priority != Some(c.priority) {
            let _ = writeln!(out, "\n{}", st.bold(&format!("Priority {}", c.priority)));
            priority = Some(c.priority);
            action = None;
        }
        let here = (c.area, c.action.as_str());
        if !c.action.is_empty() && action != Some(here) {
            let _ = writeln!(out, "  {}", st.bold(&format!("Action {}", c.action)));
            action = Some(here);
        }
        let indent = if c.action.is_empty() { "  " } else { "    " };
        for line in lines(c, st) {
            let _ = writeln!(out, "{indent}{line}");
        }
    }
    report_lines(list, st, &mut out);
    out
}

/// The covering report's changes, after the plan's: a count per kind, then each change.
fn report_lines(list: &ChangeList, st: Style, out: &mut String) {
    if list.report.is_empty() {
        return;
    }
    let counts: Vec<String> = super::report::counts(&list.report)
        .iter()
        .map(|(k, n)| k.counted(*n))
        .collect();
    let _ = writeln!(
        out,
        "\n{}\n  {}",
        st.bold("Covering report"),
        counts.join(", ")
    );
    for c in &list.report {
        for (i, line) in super::report::describe(c).iter().enumerate() {
            let indent = if i == 0 { "  " } else { "    " };
            let _ = writeln!(out, "{indent}{line}");
        }
    }
}

fn milestone_line(m: &Milestone) -> String {
    let mut s = m.text.split_whitespace().collect::<Vec<_>>().join(" ");
    if let Some(r) = &m.rag {
        let _ = write!(s, " [RAG: {}]", r.trim());
    }
    s
}

fn opt(s: Option<&str>) -> &str {
    s.unwrap_or("none")
}

/// The lines of one change (the first says what changed, the next show the text).
fn lines(c: &Change, st: Style) -> Vec<String> {
    let index = c.index.map(|i| (i + 1).to_string()).unwrap_or_default();
    let field = c.field.as_deref().unwrap_or("").replace('_', " ");
    match (c.kind, &c.old, &c.new) {
        (ChangeKind::ActionAdded, _, Some(Value::Action(a))) => vec![
            st.inserted("added"),
            format!("  {}", a.specific_action),
            format!(
                "  {} milestone{}, {} RAG entr{}",
                a.milestones.len(),
                if a.milestones.len() == 1 { "" } else { "s" },
                a.rag.len(),
                if a.rag.len() == 1 { "y" } else { "ies" }
            ),
        ],
        (ChangeKind::ActionRemoved, Some(Value::Action(a)), _) => {
            vec![st.deleted("removed"), format!("  {}", a.specific_action)]
        }
        (ChangeKind::ActionRenumbered, Some(Value::Text(o)), Some(Value::Text(n))) => {
            vec![format!("renumbered: {o} → {n}")]
        }
        (ChangeKind::ActionMoved, Some(Value::Place(o)), Some(Value::Place(n))) => {
            vec![format!("moved: {} → {}", o.describe(), n.describe())]
        }
        (ChangeKind::FieldChanged, o, n) if c.field.as_deref() == Some("label") => {
            let side = |v: &Option<Value>| match v {
                Some(Value::Text(t)) => t.clone(),
                _ => "none".to_string(),
            };
            let what = if c.action.is_empty() && c.area == 0 {
                "label".to_string()
            } else {
                format!("Area {} label", c.area)
            };
            vec![format!("{what}: {} → {}", side(o), side(n))]
        }
        (ChangeKind::FieldChanged, o, n) if c.field.as_deref() == Some("group") => {
            let side = |v: &Option<Value>| match v {
                Some(Value::Group(g)) => describe_group(g),
                _ => "none".to_string(),
            };
            vec![format!("group: {} → {}", side(o), side(n))]
        }
        (ChangeKind::FieldChanged, o, n) if c.field.as_deref() == Some("fields") => match (o, n) {
            (Some(Value::Field(o)), Some(Value::Field(n))) => vec![format!(
                "{}: {}",
                n.heading.trim(),
                st.segments(&words::diff(&o.text, &n.text))
            )],
            (_, Some(Value::Field(n))) => vec![format!(
                "{} {}: {}",
                n.heading.trim(),
                st.inserted("added"),
                n.text
            )],
            (Some(Value::Field(o)), _) => vec![format!(
                "{} {}: {}",
                o.heading.trim(),
                st.deleted("removed"),
                o.text
            )],
            _ => vec!["fields changed".to_string()],
        },
        (ChangeKind::FieldChanged, Some(Value::Text(o)), Some(Value::Text(n))) => {
            let what = match c.field.as_deref() {
                Some("outcome") => format!("Area {} outcome", c.area),
                Some("title") => "title".to_string(),
                _ => field,
            };
            vec![format!("{what}: {}", st.segments(&words::diff(o, n)))]
        }
        (ChangeKind::FieldChanged, Some(Value::List(o)), Some(Value::List(n))) => {
            let mut v = vec![format!("{field}:")];
            for item in words::diff_list(o, n) {
                match &item {
                    Item::Kept(segs) if segs.iter().any(|s| !matches!(s, Segment::Same(_))) => {
                        v.push(format!("  ~ {}", st.segments(segs)));
                    }
                    Item::Kept(_) => {}
                    Item::Removed(t) => v.push(format!("  - {}", st.deleted(t))),
                    Item::Added(t) => v.push(format!("  + {}", st.inserted(t))),
                }
            }
            v
        }
        (ChangeKind::MilestoneAdded, _, Some(Value::Milestone(m))) => vec![format!(
            "milestone {index} {}: {}",
            st.inserted("added"),
            milestone_line(m)
        )],
        (ChangeKind::MilestoneRemoved, Some(Value::Milestone(m)), _) => vec![format!(
            "milestone {index} {}: {}",
            st.deleted("removed"),
            milestone_line(m)
        )],
        (kind, Some(Value::Milestone(o)), Some(Value::Milestone(n))) => {
            let head = match kind {
                ChangeKind::MilestoneStatusChanged => {
                    let status =
                        |m: &Milestone| m.status.map(|s| s.as_str()).unwrap_or("no status");
                    let date = match (&o.date, &n.date) {
                        (od, Some(nd)) if od.as_ref() == Some(nd) => format!(" ({nd})"),
                        (od, nd) => format!(" ({} → {})", opt(od.as_deref()), opt(nd.as_deref())),
                    };
                    format!("{} → {}{date}", status(o), status(n))
                }
                ChangeKind::MilestoneDateChanged => format!(
                    "date {} → {}",
                    opt(o.date.as_deref()),
                    opt(n.date.as_deref())
                ),
                _ => "text edited".to_string(),
            };
            vec![
                format!("milestone {index}: {head}"),
                format!("  {}", st.segments(&words::diff(&o.text, &n.text))),
            ]
        }
        (ChangeKind::RagChanged, o, n) => {
            let side = |v: &Option<Value>| match v {
                Some(Value::Rag(r)) => st.rag(r),
                _ => "none".to_string(),
            };
            vec![format!("RAG {index}: {} → {}", side(o), side(n))]
        }
        // A change whose values do not fit its kind (hand-edited JSON): say what is known.
        (kind, _, _) => vec![format!("{} {field} {index}", kind.label())],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixture_changes_read_as_lines() {
        let changes: Vec<Change> =
            serde_json::from_str(include_str!("../../fixtures/mscb/v3-to-v4.changes.json"))
                .unwrap();
        let list = ChangeList {
            from: "v3.pdf".into(),
            to: "v4.pdf".into(),
            changes,
            report: Vec::new(),
        };
        let text = render(&list, false);
        assert!(text.starts_with("v3.pdf → v4.pdf: 28 changes\n"), "{text}");
        assert!(
            text.contains("    milestone 2: In progress → Complete (May 2015)\n"),
            "{text}"
        );
        assert!(
            text.contains("RAG 1: In progress (amber) → Complete (green)"),
            "{text}"
        );
        assert!(
            text.contains("publications {+of practice +}around CSE."),
            "{text}"
        );
        assert!(!text.contains('\x1b'));
        assert!(render(&list, true).contains("\x1b[32m"));
    }
}
