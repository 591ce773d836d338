//! The change list as one self-contained HTML page (inline CSS, no scripts, no external
//! assets) for a board member: a summary of counts at the top, then per priority and action
//! the old and new versions side by side, changed words marked `<del>`/`<ins>`, RAG entries
//! as coloured chips. It prints on A4 landscape, rows never split, column heads repeated.

use std::fmt::Write;

use super::change::{describe_group, ActionValue, Change, ChangeKind, ChangeList, Value};
use super::words::{self, Item, Segment};
use crate::paper::model::{Milestone, RagColour, RagEntry};

/// Text made safe for HTML element content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const CSS: &str = r#"
:root { --ink: #1d2733; --muted: #5b6672; --line: #d5dbe1; --del: #ffe1e1; --del-ink: #8f1d1d;
  --ins: #dcf5e0; --ins-ink: #14602a; --head: #f3f5f7; }
* { box-sizing: border-box; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: var(--ink);
  margin: 0 auto; padding: 24px 32px 48px; max-width: 1280px; }
h1 { font-size: 26px; margin: 0 0 4px; }
.files { color: var(--muted); margin: 0 0 16px; }
.files b { color: var(--ink); }
.summary { display: flex; flex-wrap: wrap; gap: 8px; list-style: none; padding: 0; margin: 0 0 8px; }
.summary li { border: 1px solid var(--line); border-radius: 6px; padding: 4px 10px; background: var(--head); }
.summary b { font-size: 17px; margin-right: 4px; }
.legend { color: var(--muted); font-size: 13px; margin: 8px 0 0; }
h2 { font-size: 20px; margin: 32px 0 8px; padding-bottom: 4px; border-bottom: 2px solid var(--ink); }
.priority-title { color: var(--muted); font-size: 14px; margin: 0 0 12px; }
article { margin: 0 0 20px; }
h3 { font-size: 16px; margin: 0; padding: 6px 10px; background: var(--head); border: 1px solid var(--line);
  border-bottom: none; border-radius: 6px 6px 0 0; }
h3 .what { font-weight: normal; color: var(--muted); margin-left: 8px; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
th, td { border: 1px solid var(--line); padding: 6px 10px; vertical-align: top; text-align: left; }
thead th { font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); background: #fff; }
col.what { width: 15%; } col.side { width: 42.5%; }
tbody th { font-weight: 600; font-size: 13px; }
tbody th .kind { display: block; font-weight: normal; color: var(--muted); font-size: 12px; }
td.none { color: var(--muted); font-style: italic; }
tr.action_removed td:nth-child(2), tr.milestone_removed td:nth-child(2) { background: #fff5f5; }
tr.action_added td:nth-child(3), tr.milestone_added td:nth-child(3) { background: #f2fbf4; }
del { background: var(--del); color: var(--del-ink); text-decoration: line-through; border-radius: 2px; }
ins { background: var(--ins); color: var(--ins-ink); text-decoration: none; border-radius: 2px; font-weight: 600; }
ul { margin: 0; padding-left: 18px; }
li + li { margin-top: 4px; }
li.gone { list-style-type: "− "; } li.new { list-style-type: "+ "; }
.meta { margin-top: 4px; font-size: 13px; color: var(--muted); }
.status { display: inline-block; border: 1px solid currentColor; border-radius: 10px; padding: 0 7px; font-size: 12px; }
.chip { display: inline-block; border-radius: 10px; padding: 1px 10px; font-size: 13px; font-weight: 600;
  border: 1px solid rgba(0,0,0,.25); }
.chip.green { background: #00b050; color: #fff; } .chip.amber { background: #ffc000; color: #1d2733; }
.chip.red { background: #c00000; color: #fff; } .chip.unfilled { background: #fff; color: var(--ink); }
.whole dt { font-weight: 600; font-size: 13px; margin-top: 6px; } .whole dd { margin: 0; }
.same { color: var(--muted); text-align: center; padding: 24px; border: 1px dashed var(--line); border-radius: 6px; }
@page { size: A4 landscape; margin: 12mm; }
@media print {
  body { font-size: 9.5pt; padding: 0; max-width: none; }
  h2 { margin-top: 18px; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  tr, h3, .summary li { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
}
"#;

/// The whole page.
pub fn render(list: &ChangeList) -> String {
    let mut out = String::new();
    let title = format!("Changes from {} to {}", list.from, list.to);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<header>\n<h1>What changed</h1>\n\
         <p class=\"files\">from <b>{}</b> to <b>{}</b>: {} change{}</p>\n<ul class=\"summary\">\n",
        escape(&title),
        escape(&list.from),
        escape(&list.to),
        list.changes.len(),
        if list.changes.len() == 1 { "" } else { "s" }
    );
    for (kind, n) in list.counts() {
        let text = kind.counted(n);
        let rest = text.strip_prefix(&n.to_string()).unwrap_or(&text);
        let _ = writeln!(
            out,
            "<li class=\"{}\"><b>{n}</b>{}</li>",
            kind.as_str(),
            escape(rest)
        );
    }
    out.push_str("</ul>\n<p class=\"legend\"><del>removed words</del> <ins>added words</ins> \
                  · milestones and RAG entries numbered from 1, top to bottom</p>\n</header>\n<main>\n");
    if list.is_empty() {
        out.push_str("<p class=\"same\">The plans are the same.</p>\n");
    }
    let mut i = 0;
    while let Some(first) = list.changes.get(i) {
        let p = first.priority;
        let _ = writeln!(out, "<section>\n<h2>Priority {p}</h2>");
        while let Some(c) = list.changes.get(i).filter(|c| c.priority == p) {
            // One article per action (or per priority/area-level group).
            let key = (c.area, c.action.clone());
            let group: Vec<&Change> = list
                .changes
                .get(i..)
                .unwrap_or_default()
                .iter()
                .take_while(|x| x.priority == p && (x.area, x.action.clone()) == key)
                .collect();
            i += group.len();
            article(&mut out, &group, list);
        }
        out.push_str("</section>\n");
    }
    report_section(&mut out, list);
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

/// The covering report's changes: one table, a row per change (what changed, old, new).
fn report_section(out: &mut String, list: &ChangeList) {
    if list.report.is_empty() {
        return;
    }
    let _ = write!(
        out,
        "<section class=\"report\">\n<h2>Covering report</h2>\n<article>\n<table>\n\
         <colgroup><col class=\"what\"><col class=\"side\"><col class=\"side\"></colgroup>\n\
         <thead><tr><th></th><th>Old · {}</th><th>New · {}</th></tr></thead>\n<tbody>\n",
        escape(&list.from),
        escape(&list.to)
    );
    for c in &list.report {
        let what = super::report::describe(c)
            .into_iter()
            .next()
            .unwrap_or_default();
        let cell = |s: &Option<String>| match s {
            Some(s) => format!("<td>{}</td>", escape(s)),
            None => "<td class=\"none\">—</td>".to_string(),
        };
        let _ = writeln!(
            out,
            "<tr><th>{}</th>{}{}</tr>",
            escape(&what),
            cell(&c.old),
            cell(&c.new)
        );
    }
    out.push_str("</tbody>\n</table>\n</article>\n</section>\n");
}

fn article(out: &mut String, group: &[&Change], list: &ChangeList) {
    let Some(first) = group.first() else {
        return;
    };
    let heading = if first.action.is_empty() {
        if first.area == 0 {
            "Priority".to_string()
        } else {
            format!("Improvement area {}", first.area)
        }
    } else {
        format!("Action {}", escape(&first.action))
    };
    let what = group
        .iter()
        .find_map(|c| match c.kind {
            ChangeKind::ActionAdded => Some("new action"),
            ChangeKind::ActionRemoved => Some("removed"),
            _ => None,
        })
        .map(|w| format!("<span class=\"what\">{w}</span>"))
        .unwrap_or_default();
    let _ = write!(
        out,
        "<article>\n<h3>{heading}{what}</h3>\n<table>\n<colgroup><col class=\"what\"><col class=\"side\"><col class=\"side\"></colgroup>\n\
         <thead><tr><th></th><th>Old · {}</th><th>New · {}</th></tr></thead>\n<tbody>\n",
        escape(&list.from),
        escape(&list.to)
    );
    for c in group {
        row(out, c);
    }
    out.push_str("</tbody>\n</table>\n</article>\n");
}

fn field_label(field: &str) -> String {
    match field {
        "specific_action" => "Specific action".into(),
        "leads" => "Leads".into(),
        "success_indicators" => "Success indicators".into(),
        "impact_evidence" => "Impact and evidence".into(),
        "outcome" => "Outcome".into(),
        "title" => "Title".into(),
        "label" => "Label".into(),
        "group" => "Group".into(),
        other => escape(other),
    }
}

fn row(out: &mut String, c: &Change) {
    let index = c.index.map(|i| format!(" {}", i + 1)).unwrap_or_default();
    let label = match c.kind {
        ChangeKind::ActionAdded | ChangeKind::ActionRemoved => "Action".to_string(),
        ChangeKind::ActionRenumbered => "Number".to_string(),
        ChangeKind::ActionMoved => "Place".to_string(),
        ChangeKind::FieldChanged => match (c.field.as_deref(), &c.old, &c.new) {
            (Some("fields"), _, Some(Value::Field(f)))
            | (Some("fields"), Some(Value::Field(f)), _) => escape(f.heading.trim()),
            (field, _, _) => field_label(field.unwrap_or("")),
        },
        ChangeKind::RagChanged => format!("RAG{index}"),
        _ => format!("Milestone{index}"),
    };
    let kind = match c.kind {
        ChangeKind::MilestoneStatusChanged => "status changed",
        ChangeKind::MilestoneDateChanged => "date changed",
        ChangeKind::MilestoneTextChanged => "text changed",
        ChangeKind::MilestoneAdded | ChangeKind::ActionAdded => "added",
        ChangeKind::MilestoneRemoved | ChangeKind::ActionRemoved => "removed",
        ChangeKind::ActionRenumbered => "renumbered",
        ChangeKind::ActionMoved => "moved",
        ChangeKind::FieldChanged | ChangeKind::RagChanged => "changed",
    };
    let (old, new) = sides(c);
    let cell = |s: Option<String>| match s {
        Some(s) => format!("<td>{s}</td>"),
        None => "<td class=\"none\">—</td>".to_string(),
    };
    let _ = writeln!(
        out,
        "<tr class=\"{}\"><th>{label}<span class=\"kind\">{kind}</span></th>{}{}</tr>",
        c.kind.as_str(),
        cell(old),
        cell(new)
    );
}

/// Words of one side: the old side shows what went, the new side what came.
fn marked(segs: &[Segment], old_side: bool) -> String {
    let mut s = String::new();
    for seg in segs {
        match seg {
            Segment::Same(t) => s.push_str(&escape(t)),
            Segment::Deleted(t) if old_side => {
                let _ = write!(s, "<del>{}</del>", escape(t));
            }
            Segment::Inserted(t) if !old_side => {
                let _ = write!(s, "<ins>{}</ins>", escape(t));
            }
            _ => {}
        }
    }
    s
}

fn chip(r: &RagEntry) -> String {
    let (class, style) = match r.colour {
        Some(RagColour::Green) => ("green", String::new()),
        Some(RagColour::Amber) => ("amber", String::new()),
        Some(RagColour::Red) => ("red", String::new()),
        Some(RagColour::Other(c)) => (
            "other",
            format!(" style=\"background:{}\"", escape(&c.to_string())),
        ),
        None => ("unfilled", String::new()),
    };
    let text = if r.text.trim().is_empty() {
        "(blank)"
    } else {
        r.text.trim()
    };
    format!(
        "<span class=\"chip {class}\"{style}>{}</span>",
        escape(text)
    )
}

fn milestone_meta(m: &Milestone) -> String {
    let mut parts = Vec::new();
    if let Some(s) = m.status {
        parts.push(format!("<span class=\"status\">{}</span>", s.as_str()));
    }
    if let Some(d) = &m.date {
        parts.push(escape(d));
    }
    if let Some(r) = &m.rag {
        parts.push(format!("RAG: {}", escape(r)));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("<div class=\"meta\">{}</div>", parts.join(" · "))
    }
}

fn whole_action(a: &ActionValue) -> String {
    let list = |items: &[String]| -> String {
        let lis: String = items
            .iter()
            .map(|i| format!("<li>{}</li>", escape(i)))
            .collect();
        format!("<ul>{lis}</ul>")
    };
    let milestones: String = a
        .milestones
        .iter()
        .map(|m| format!("<li>{}{}</li>", escape(&m.text), milestone_meta(m)))
        .collect();
    let rag: Vec<String> = a.rag.iter().map(chip).collect();
    let group = a
        .group
        .as_ref()
        .map(|g| format!("<dt>Group</dt><dd>{}</dd>", escape(&describe_group(g))))
        .unwrap_or_default();
    let fields: String = a
        .fields
        .iter()
        .map(|f| {
            format!(
                "<dt>{}</dt><dd>{}</dd>",
                escape(&f.heading),
                escape(&f.text)
            )
        })
        .collect();
    format!(
        "<dl class=\"whole\">{group}<dt>Specific action</dt><dd>{}</dd><dt>Leads</dt><dd>{}</dd>\
         <dt>Success indicators</dt><dd>{}</dd><dt>Milestones</dt><dd><ul>{milestones}</ul></dd>\
         <dt>RAG</dt><dd>{}</dd><dt>Impact and evidence</dt><dd>{}</dd>{fields}</dl>",
        escape(&a.specific_action),
        list(&a.leads),
        list(&a.success_indicators),
        if rag.is_empty() {
            "—".to_string()
        } else {
            rag.join(" ")
        },
        list(&a.impact_evidence),
    )
}

/// The old and new cells of one change (`None`: nothing on that side).
fn sides(c: &Change) -> (Option<String>, Option<String>) {
    match (&c.old, &c.new) {
        (Some(Value::Text(o)), Some(Value::Text(n))) => {
            let segs = words::diff(o, n);
            (Some(marked(&segs, true)), Some(marked(&segs, false)))
        }
        (Some(Value::List(o)), Some(Value::List(n))) => {
            let items = words::diff_list(o, n);
            let side = |old_side: bool| -> String {
                let lis: String = items
                    .iter()
                    .filter_map(|it| match it {
                        Item::Kept(segs) => Some(format!("<li>{}</li>", marked(segs, old_side))),
                        Item::Removed(t) if old_side => {
                            Some(format!("<li class=\"gone\"><del>{}</del></li>", escape(t)))
                        }
                        Item::Added(t) if !old_side => {
                            Some(format!("<li class=\"new\"><ins>{}</ins></li>", escape(t)))
                        }
                        _ => None,
                    })
                    .collect();
                format!("<ul>{lis}</ul>")
            };
            (Some(side(true)), Some(side(false)))
        }
        (Some(Value::Field(o)), Some(Value::Field(n))) => {
            let segs = words::diff(&o.text, &n.text);
            (Some(marked(&segs, true)), Some(marked(&segs, false)))
        }
        (Some(Value::Milestone(o)), Some(Value::Milestone(n))) => {
            let segs = words::diff(&o.text, &n.text);
            (
                Some(format!("{}{}", marked(&segs, true), milestone_meta(o))),
                Some(format!("{}{}", marked(&segs, false), milestone_meta(n))),
            )
        }
        (o, n) => (o.as_ref().map(one_side), n.as_ref().map(one_side)),
    }
}

/// A value shown on its own (added or removed, or a side whose other side is absent).
fn one_side(v: &Value) -> String {
    match v {
        Value::Action(a) => whole_action(a),
        Value::Text(t) => escape(t),
        Value::List(l) => {
            let lis: String = l
                .iter()
                .map(|i| format!("<li>{}</li>", escape(i)))
                .collect();
            format!("<ul>{lis}</ul>")
        }
        Value::Milestone(m) => format!("{}{}", escape(&m.text), milestone_meta(m)),
        Value::Rag(r) => chip(r),
        Value::Place(p) => escape(&p.describe()),
        Value::Field(f) => escape(&f.text),
        Value::Group(g) => escape(&describe_group(g)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn everything_printed_is_escaped() {
        assert_eq!(escape(r#"<b>&"'"#), "&lt;b&gt;&amp;&quot;&#39;");
        let list = ChangeList {
            from: "<old>.pdf".into(),
            to: "new&.pdf".into(),
            changes: vec![Change {
                kind: ChangeKind::FieldChanged,
                priority: 1,
                area: 1,
                action: "1.1".into(),
                field: Some("specific_action".into()),
                index: None,
                old: Some(Value::Text("a <script>".into())),
                new: Some(Value::Text("a <img src=x>".into())),
            }],
            report: Vec::new(),
        };
        let html = render(&list);
        assert!(
            !html.contains("<script>") && !html.contains("<img"),
            "{html}"
        );
        assert!(html.contains("<del>&lt;script&gt;</del>"), "{html}");
        assert!(html.contains("&lt;old&gt;.pdf") && html.contains("new&amp;.pdf"));
    }
}
