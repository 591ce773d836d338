//! `boardpaper history`: one action across every stored version of its plan.

use clap::{Args, ValueEnum};
use std::fmt::Write as _;
use std::path::PathBuf;

use boardpaper::diff::change::describe_group;
use boardpaper::diff::{self, ChangeList};
use boardpaper::paper::model::Action;
use boardpaper::store::history::{self, ActionKey, History, VersionEntry};

use super::{db, output, Failure};

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    /// Each version's values; after the first, only what changed is printed in full.
    Text,
    /// Every version with the whole action, and the changed fields.
    Json,
    /// One row per version, the columns of `extract`'s actions.csv.
    Csv,
}

#[derive(Args, Debug)]
pub struct HistoryArgs {
    /// The action: priority, optionally area, and the action's number as printed in the newest
    /// version that has it, e.g. "P1 1.1", "P1 A2 3", "P2 HW01" (unnumbered actions: their
    /// count, 1, 2, …). Earlier and later versions are found by matching, so a renumbered or
    /// moved action is followed.
    #[arg(value_name = "ACTION")]
    action: ActionKey,
    /// The plan, when several stored plans have the action: its title or part of it.
    #[arg(long, value_name = "TITLE")]
    plan: Option<String>,
    /// The database written by `import`.
    #[arg(long, value_name = "FILE", default_value = "boardpaper.db")]
    db: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
}

fn label(e: &VersionEntry) -> String {
    let v = &e.version;
    let pages = e
        .action
        .as_ref()
        .map(|a| format!(", pages {}-{}", a.pages[0], a.pages[1]))
        .unwrap_or_default();
    let place = match (e.priority, e.area, &e.action) {
        (Some(p), Some(area), Some(a)) => format!(", P{p} A{area} {}", a.number),
        _ => String::new(),
    };
    format!(
        "Version {} ({}), {}{place}{pages}",
        v.version.as_deref().unwrap_or("-"),
        v.version_date.as_deref().unwrap_or("undated"),
        v.file
    )
}

/// One field of an action (or its area's outcome) as text lines.
fn field_lines(e: &VersionEntry, a: &Action, field: &str) -> Vec<String> {
    match field {
        "outcome" => vec![format!(
            "area {}: {}",
            e.area.unwrap_or_default(),
            e.outcome.as_deref().unwrap_or_default()
        )],
        "specific_action" => vec![a.specific_action.clone()],
        "leads" => a.leads.clone(),
        "success_indicators" => a.success_indicators.clone(),
        "impact_evidence" => a.impact_evidence.clone(),
        "group" => a.group.iter().map(describe_group).collect(),
        "fields" => a
            .fields
            .iter()
            .map(|f| format!("{}: {}", f.heading, f.text))
            .collect(),
        "milestones" => a
            .milestones
            .iter()
            .enumerate()
            .map(|(i, m)| {
                let status = m.status.map(|s| s.as_str()).unwrap_or("no status");
                let date = m.date.as_deref().unwrap_or("no date");
                // Numbered from 1, as `diff` prints them.
                format!("[{}] {status}, {date}: {}", i + 1, m.text)
            })
            .collect(),
        "rag" => a
            .rag
            .iter()
            .map(|r| {
                let colour = r
                    .colour
                    .map_or_else(|| "unfilled".into(), |c| c.to_string());
                format!("{} ({colour})", r.text)
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// The change lines of `diff::text::render` for one action's changes, without the list's
/// header and the priority and action headings (history prints its own).
fn change_lines(e: &VersionEntry, from: &str) -> Vec<String> {
    let list = ChangeList {
        from: from.to_string(),
        to: e.version.version.clone().unwrap_or_default(),
        changes: e.changes.clone(),
        report: Vec::new(),
    };
    diff::text::render(&list, false)
        .lines()
        .skip(2)
        .filter(|l| l.starts_with("  ") && !l.trim_start().starts_with("Action "))
        .map(|l| {
            l.strip_prefix("    ")
                .or(l.strip_prefix("  "))
                .unwrap_or(l)
                .to_string()
        })
        .collect()
}

/// Fields only some plans have (a third level, columns with no role): left out of the text
/// where the action has none.
const OPTIONAL: &[&str] = &["group", "fields"];

fn text(h: &History) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} in {:?}: {} stored versions",
        h.key,
        h.plan,
        h.versions.len()
    );
    for (i, e) in h.versions.iter().enumerate() {
        let _ = writeln!(out, "\n{}", label(e));
        let previous = i
            .checked_sub(1)
            .and_then(|p| h.versions.get(p))
            .map(|p| p.version.version.clone().unwrap_or_else(|| "-".into()));
        if let Some(from) = &previous {
            if !e.changes.is_empty() {
                let _ = writeln!(out, "  changes from version {from}:");
                for l in change_lines(e, from) {
                    let _ = writeln!(out, "    {l}");
                }
            }
        }
        let Some(a) = &e.action else {
            let _ = writeln!(out, "  not in this version");
            continue;
        };
        let full = i == 0 || e.changed.contains(&"added");
        let shown: Vec<&str> = if full {
            history::FIELDS.to_vec()
        } else {
            let unchanged: Vec<&str> = history::FIELDS
                .iter()
                .copied()
                .filter(|f| !e.changed.contains(f))
                .filter(|f| !OPTIONAL.contains(f) || !field_lines(e, a, f).is_empty())
                .collect();
            if e.changed.is_empty() {
                let _ = writeln!(out, "  unchanged");
            } else if !unchanged.is_empty() {
                let _ = writeln!(out, "  unchanged: {}", unchanged.join(", "));
            }
            e.changed.clone()
        };
        for field in shown {
            let lines = field_lines(e, a, field);
            if lines.is_empty() && OPTIONAL.contains(&field) {
                continue;
            }
            let mark = if full || i == 0 { "" } else { " (changed)" };
            match lines.as_slice() {
                [] => {
                    let _ = writeln!(out, "  {field}{mark}: none");
                }
                [one] if field == "outcome" || field == "specific_action" => {
                    let _ = writeln!(out, "  {field}{mark}: {one}");
                }
                many => {
                    let _ = writeln!(out, "  {field}{mark}:");
                    for l in many {
                        let _ = writeln!(out, "    - {l}");
                    }
                }
            }
        }
    }
    out
}

fn csv(h: &History) -> Result<Vec<u8>, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
        "plan",
        "version",
        "version_date",
        "file",
        "sha256",
        "present",
        "changed",
        "priority",
        "area",
        "outcome",
        "action",
        "specific_action",
        "leads",
        "success_indicators",
        "milestones",
        "milestone_statuses",
        "milestone_dates",
        "rag",
        "rag_colours",
        "impact_evidence",
        "first_page",
        "last_page",
        "number_implied",
        "group",
        "fields",
    ])?;
    for e in &h.versions {
        let v = &e.version;
        let mut row = vec![
            h.plan.clone(),
            v.version.clone().unwrap_or_default(),
            v.version_date.clone().unwrap_or_default(),
            v.file.clone(),
            v.hash.clone(),
            e.action.is_some().to_string(),
            e.changed.join(" "),
            e.priority.unwrap_or(h.key.priority).to_string(),
            e.area.map(|n| n.to_string()).unwrap_or_default(),
            e.outcome.clone().unwrap_or_default(),
            e.action
                .as_ref()
                .map_or_else(|| h.key.action.clone(), |a| a.number.clone()),
        ];
        if let Some(a) = &e.action {
            let lines = |f: &dyn Fn(&Action) -> Vec<String>| f(a).join("\n");
            row.extend([
                a.specific_action.clone(),
                a.leads.join("\n"),
                a.success_indicators.join("\n"),
                lines(&|a| a.milestones.iter().map(|m| m.text.clone()).collect()),
                lines(&|a| {
                    a.milestones
                        .iter()
                        .map(|m| m.status.map(|s| s.as_str()).unwrap_or("").to_string())
                        .collect()
                }),
                lines(&|a| {
                    a.milestones
                        .iter()
                        .map(|m| m.date.clone().unwrap_or_default())
                        .collect()
                }),
                lines(&|a| a.rag.iter().map(|r| r.text.clone()).collect()),
                lines(&|a| {
                    a.rag
                        .iter()
                        .map(|r| r.colour.map(|c| c.to_string()).unwrap_or_default())
                        .collect()
                }),
                a.impact_evidence.join("\n"),
                a.pages[0].to_string(),
                a.pages[1].to_string(),
                a.number_implied.to_string(),
                field_lines(e, a, "group").join("\n"),
                field_lines(e, a, "fields").join("\n"),
            ]);
        } else {
            row.extend(std::iter::repeat_n(String::new(), 14));
        }
        w.write_record(&row)?;
    }
    w.into_inner().map_err(|e| csv::Error::from(e.into_error()))
}

pub fn run(a: HistoryArgs) -> Result<(), Failure> {
    let store = db::existing(&a.db)?;
    let h = history::history(&store, &a.action, a.plan.as_deref())?;
    let encode = |e| Failure::encode(a.db.display().to_string(), e);
    let bytes = match a.format {
        Format::Text => text(&h).into_bytes(),
        Format::Json => {
            let v = history::to_json(&h).map_err(encode)?;
            let mut b = serde_json::to_vec_pretty(&v).map_err(encode)?;
            b.push(b'\n');
            b
        }
        Format::Csv => csv(&h).map_err(|e| Failure::encode(a.db.display().to_string(), e))?,
    };
    output::write(None, &bytes)
}
