//! The paper as flat sheets: one row per action, one per milestone, one per report item.
//! CSV and XLSX are two renderings of the same sheets, so their columns cannot drift apart.
//! The sheets are read from the wire types ([`super::wire`]), so they spell statuses, colours
//! and warnings as the JSON does.
//!
//! Actions: `plan`, `version`, `version_date`, `priority`, `priority_title`, `area`,
//! `outcome`, `action`, `specific_action`, `leads`, `success_indicators`, `milestones`, `rag`,
//! `rag_colours`, `impact_evidence`, `first_page`, `last_page`, then `priority_label`,
//! `area_label` (the labels as printed; empty when the level is implied), `group_label`,
//! `group_number`, `group_title` (a third grouping level), `number_implied` (`true` when no
//! reference was printed and `action` was counted), then one column per heading of the plan
//! columns with no role (`fields`), headings in the order first met over the paper's plans
//! (case and spacing ignored; several columns of one action under one heading share a cell,
//! one per line). List fields hold one entry per line.
//!
//! Milestones: `plan`, `version`, `priority`, `area`, `action`, `index` (0-based), `text`,
//! `status`, `date`, `period_from`, `period_to`, `rag`, `rag_colour`, `status_text` (the
//! status word as printed).
//!
//! The first columns keep their names and order from release to release (spreadsheets built
//! on them keep working); new columns only ever come after them.
//!
//! Report: `item` (meeting, date, title, report from, author, summary, section, paragraph,
//! bullet, contact, plan), `number`, `text`.

use std::borrow::Cow;

use super::wire::{Action, Paper, RagColour, RagEntry};
use crate::colour::Colour;

/// One cell: its text and, for RAG cells, the fill it was printed on.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Value {
    /// The text (list fields: one entry per line).
    pub text: String,
    /// The background colour as printed.
    pub fill: Option<Colour>,
    /// The cell holds a whole number (written as a number in spreadsheets).
    pub number: bool,
}

impl Value {
    fn text(s: impl Into<String>) -> Value {
        Value {
            text: s.into(),
            ..Value::default()
        }
    }

    fn number(n: impl ToString) -> Value {
        Value {
            text: n.to_string(),
            fill: None,
            number: true,
        }
    }

    fn lines<S: AsRef<str>>(items: &[S]) -> Value {
        Value::text(
            items
                .iter()
                .map(|s| s.as_ref())
                .collect::<Vec<_>>()
                .join("\n"),
        )
    }
}

/// A column: its name and a sensible display width in characters.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// The header (a plan's own heading for the columns with no role).
    pub name: Cow<'static, str>,
    /// Width in characters for spreadsheets.
    pub width: f64,
}

const fn col(name: &'static str, width: f64) -> Column {
    Column {
        name: Cow::Borrowed(name),
        width,
    }
}

/// A named sheet of rows.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    /// The sheet's name (XLSX) or file stem (CSV).
    pub name: &'static str,
    /// The columns.
    pub columns: Vec<Column>,
    /// The rows, each as long as `columns`.
    pub rows: Vec<Vec<Value>>,
}

/// The columns of the actions sheet.
pub const ACTION_COLUMNS: &[Column] = &[
    col("plan", 24.0),
    col("version", 8.0),
    col("version_date", 12.0),
    col("priority", 8.0),
    col("priority_title", 30.0),
    col("area", 6.0),
    col("outcome", 30.0),
    col("action", 7.0),
    col("specific_action", 40.0),
    col("leads", 24.0),
    col("success_indicators", 40.0),
    col("milestones", 50.0),
    col("rag", 14.0),
    col("rag_colours", 10.0),
    col("impact_evidence", 40.0),
    col("first_page", 9.0),
    col("last_page", 9.0),
    col("priority_label", 14.0),
    col("area_label", 14.0),
    col("group_label", 14.0),
    col("group_number", 8.0),
    col("group_title", 30.0),
    col("number_implied", 9.0),
];

/// Width of a column with no role (its text is free prose: comments, budgets).
const FIELD_WIDTH: f64 = 30.0;

/// The columns of the milestones sheet.
pub const MILESTONE_COLUMNS: &[Column] = &[
    col("plan", 24.0),
    col("version", 8.0),
    col("priority", 8.0),
    col("area", 6.0),
    col("action", 7.0),
    col("index", 6.0),
    col("text", 60.0),
    col("status", 12.0),
    col("date", 18.0),
    col("period_from", 11.0),
    col("period_to", 11.0),
    col("rag", 14.0),
    col("rag_colour", 10.0),
    col("status_text", 14.0),
];

/// The columns of the report sheet.
pub const REPORT_COLUMNS: &[Column] = &[
    col("item", 12.0),
    col("number", 8.0),
    col("text", 100.0),
    col("pages", 8.0),
];

/// A page range as the sheets print it: "4" for one page, "2-3" for several.
fn page_range([first, last]: [u32; 2]) -> String {
    if first == last {
        first.to_string()
    } else {
        format!("{first}-{last}")
    }
}

/// A RAG colour's name, or "" when unfilled.
fn colour_name(c: Option<RagColour>) -> String {
    c.map(|c| c.to_string()).unwrap_or_default()
}

/// The fill shared by all of an action's RAG entries; none when they differ (the per-entry
/// colours are in `rag_colours` and on the milestones sheet).
fn common_fill(rag: &[RagEntry]) -> Option<Colour> {
    let first = rag.first()?.fill?;
    rag.iter().all(|r| r.fill == Some(first)).then_some(first.0)
}

/// The RAG entry a milestone's RAG text refers to: the first entry with that text not
/// already claimed by an earlier milestone.
fn milestone_rag(action: &Action) -> Vec<Option<&RagEntry>> {
    let mut used = vec![false; action.rag.len()];
    action
        .milestones
        .iter()
        .map(|m| {
            let text = m.rag.as_deref()?;
            let (i, e) = action
                .rag
                .iter()
                .enumerate()
                .find(|(i, e)| e.text == text && !used.get(*i).copied().unwrap_or(true))?;
            if let Some(u) = used.get_mut(i) {
                *u = true;
            }
            Some(e)
        })
        .collect()
}

/// The headings of the columns with no role over every plan of the paper, in the order first
/// met; two headings that differ only in case and spacing are one (printed as first met).
fn field_headings(paper: &Paper) -> Vec<String> {
    let mut headings: Vec<String> = Vec::new();
    let actions = paper
        .plans
        .iter()
        .flat_map(|p| &p.priorities)
        .flat_map(|p| &p.improvement_areas)
        .flat_map(|a| &a.actions);
    for f in actions.flat_map(|a| &a.fields) {
        if !headings.iter().any(|h| same_heading(h, &f.heading)) {
            headings.push(f.heading.split_whitespace().collect::<Vec<_>>().join(" "));
        }
    }
    headings
}

/// Whether two headings are the same but for case and spacing.
fn same_heading(a: &str, b: &str) -> bool {
    let key = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    key(a) == key(b)
}

/// An action's cells for the columns with no role, one per heading of `headings`.
fn field_cells(act: &Action, headings: &[String]) -> Vec<Value> {
    headings
        .iter()
        .map(|h| {
            let texts: Vec<&str> = act
                .fields
                .iter()
                .filter(|f| same_heading(&f.heading, h))
                .map(|f| f.text.as_str())
                .collect();
            Value::lines(&texts)
        })
        .collect()
}

/// One row per action.
pub fn actions(paper: &Paper) -> Sheet {
    let headings = field_headings(paper);
    let mut rows = Vec::new();
    for plan in &paper.plans {
        for p in &plan.priorities {
            for a in &p.improvement_areas {
                for act in &a.actions {
                    let colours: Vec<String> =
                        act.rag.iter().map(|r| colour_name(r.colour)).collect();
                    let milestones: Vec<&str> =
                        act.milestones.iter().map(|m| m.text.as_str()).collect();
                    let rag: Vec<&str> = act.rag.iter().map(|r| r.text.as_str()).collect();
                    rows.push(vec![
                        Value::text(&plan.title),
                        Value::text(plan.version.clone().unwrap_or_default()),
                        Value::text(plan.version_date.clone().unwrap_or_default()),
                        Value::number(p.number),
                        Value::text(&p.title),
                        Value::number(a.number),
                        Value::text(&a.outcome),
                        Value::text(&act.number),
                        Value::text(&act.specific_action),
                        Value::lines(&act.leads),
                        Value::lines(&act.success_indicators),
                        Value::lines(&milestones),
                        Value {
                            fill: common_fill(&act.rag),
                            ..Value::lines(&rag)
                        },
                        Value::lines(&colours),
                        Value::lines(&act.impact_evidence),
                        Value::number(act.pages[0]),
                        Value::number(act.pages[1]),
                        Value::text(p.label.clone().unwrap_or_default()),
                        Value::text(a.label.clone().unwrap_or_default()),
                        group_cell(act.group.as_ref(), |g| g.label.clone()),
                        group_cell(act.group.as_ref(), |g| g.number.clone()),
                        group_cell(act.group.as_ref(), |g| Some(g.title.clone())),
                        Value::text(if act.number_implied { "true" } else { "false" }),
                    ]);
                    if let Some(row) = rows.last_mut() {
                        row.extend(field_cells(act, &headings));
                    }
                }
            }
        }
    }
    let mut columns = ACTION_COLUMNS.to_vec();
    columns.extend(headings.into_iter().map(|h| Column {
        name: Cow::Owned(h),
        width: FIELD_WIDTH,
    }));
    Sheet {
        name: "Actions",
        columns,
        rows,
    }
}

/// A cell of the action's third-level group, empty when it has none.
fn group_cell<G>(group: Option<&G>, part: impl Fn(&G) -> Option<String>) -> Value {
    Value::text(group.and_then(part).unwrap_or_default())
}

/// One row per milestone.
pub fn milestones(paper: &Paper) -> Sheet {
    let mut rows = Vec::new();
    for plan in &paper.plans {
        for p in &plan.priorities {
            for a in &p.improvement_areas {
                for act in &a.actions {
                    let rag = milestone_rag(act);
                    for (i, m) in act.milestones.iter().enumerate() {
                        let entry = rag.get(i).copied().flatten();
                        let period = m.period.as_ref();
                        rows.push(vec![
                            Value::text(&plan.title),
                            Value::text(plan.version.clone().unwrap_or_default()),
                            Value::number(p.number),
                            Value::number(a.number),
                            Value::text(&act.number),
                            Value::number(i),
                            Value::text(&m.text),
                            Value::text(m.status.map(|s| s.as_str()).unwrap_or_default()),
                            Value::text(m.date.clone().unwrap_or_default()),
                            Value::text(
                                period
                                    .and_then(|p| p.from)
                                    .map(|e| e.to_string())
                                    .unwrap_or_default(),
                            ),
                            Value::text(
                                period
                                    .and_then(|p| p.to)
                                    .map(|e| e.to_string())
                                    .unwrap_or_default(),
                            ),
                            Value {
                                fill: entry.and_then(|e| e.fill).map(|h| h.0),
                                ..Value::text(m.rag.clone().unwrap_or_default())
                            },
                            Value::text(colour_name(entry.and_then(|e| e.colour))),
                            Value::text(m.status_text.clone().unwrap_or_default()),
                        ]);
                    }
                }
            }
        }
    }
    Sheet {
        name: "Milestones",
        columns: MILESTONE_COLUMNS.to_vec(),
        rows,
    }
}

/// The covering report, item by item, then the plans' captions. Items: `meeting`, `date`,
/// `place`, `title`, `agenda item`, `report from`, `author`, `cabinet member`, `wards`,
/// `key decision`, `exempt`, `summary`, `recommendation` (numbered from 1), `section`
/// (number as printed), `paragraph`, `bullet` (the paragraph's number; a sub-bullet's item is
/// `sub-bullet`), `appendix` (its label), `background paper`, `contact` ("name, role, e-mail,
/// telephone"), `plan`. `pages` is the PDF's pages holding an attached appendix or a plan
/// ("2-3"), else empty.
pub fn report(paper: &Paper) -> Sheet {
    let mut rows = Vec::new();
    let mut push = |item: &str, number: &str, text: &str, pages: Option<[u32; 2]>| {
        rows.push(vec![
            Value::text(item),
            Value::text(number),
            Value::text(text),
            Value::text(pages.map(page_range).unwrap_or_default()),
        ]);
    };
    if let Some(m) = &paper.meeting {
        push("meeting", "", &m.body, None);
        if let Some(d) = &m.date {
            push("date", "", d, None);
        }
        if let Some(p) = &m.place {
            push("place", "", p, None);
        }
    }
    if let Some(r) = &paper.report {
        if let Some(t) = &r.title {
            push("title", "", t, None);
        }
        if let Some(a) = &r.agenda_item {
            push("agenda item", "", a, None);
        }
        for f in &r.report_from {
            push("report from", "", f, None);
        }
        let fields = [
            ("author", &r.author),
            ("cabinet member", &r.cabinet_member),
            ("wards", &r.wards),
            ("key decision", &r.key_decision),
            ("exempt", &r.exempt),
            ("summary", &r.summary),
        ];
        for (item, value) in fields {
            if let Some(v) = value {
                push(item, "", v, None);
            }
        }
        for (i, rec) in r.recommendations.iter().enumerate() {
            push("recommendation", &(i + 1).to_string(), rec, None);
        }
        for s in &r.sections {
            push(
                "section",
                s.number.as_deref().unwrap_or_default(),
                &s.heading,
                None,
            );
            for p in &s.paragraphs {
                let number = p.number.as_deref().unwrap_or_default();
                push("paragraph", number, &p.text, None);
                for (i, b) in p.bullets.iter().enumerate() {
                    let sub = p.bullet_levels.get(i).is_some_and(|l| *l > 1);
                    push(if sub { "sub-bullet" } else { "bullet" }, number, b, None);
                }
            }
        }
        for a in &r.appendices {
            push("appendix", &a.label, &a.title, a.pages);
        }
        for b in &r.background_papers {
            push("background paper", "", b, None);
        }
        if let Some(s) = &r.sign_off {
            push("sign off", "", s, None);
        }
        for c in &r.contacts {
            let parts: Vec<&str> = [
                Some(c.name.as_str()),
                c.role.as_deref(),
                c.email.as_deref(),
                c.phone.as_deref(),
            ]
            .into_iter()
            .flatten()
            .collect();
            push("contact", "", &parts.join(", "), None);
        }
    }
    for plan in &paper.plans {
        let version = plan.version.as_deref().unwrap_or_default();
        let title = match &plan.version_date {
            Some(d) => format!("{} ({d})", plan.title),
            None => plan.title.clone(),
        };
        push("plan", version, &title, Some(plan.pages));
    }
    Sheet {
        name: "Report",
        columns: REPORT_COLUMNS.to_vec(),
        rows,
    }
}

/// The columns of the warnings sheet.
pub const WARNING_COLUMNS: &[Column] =
    &[col("page", 6.0), col("kind", 20.0), col("message", 100.0)];

/// Everything that could not be read or placed, one row per warning.
pub fn warnings(paper: &Paper) -> Sheet {
    let rows = paper
        .warnings
        .iter()
        .map(|w| {
            vec![
                w.page.map(Value::number).unwrap_or_default(),
                Value::text(&w.kind),
                Value::text(&w.message),
            ]
        })
        .collect();
    Sheet {
        name: "Warnings",
        columns: WARNING_COLUMNS.to_vec(),
        rows,
    }
}
