//! The change list as CSV, one row per change, with a header row. Columns:
//!
//! | column | holds |
//! | --- | --- |
//! | `kind` | the change's kind (`milestone_status_changed`) |
//! | `priority`, `area`, `action` | where (`area` 0 and `action` empty for a priority title) |
//! | `field` | `milestones`, `rag`, or the changed field's name; empty for whole actions |
//! | `index` | the milestone's or RAG entry's 0-based position; empty otherwise |
//! | `old`, `new` | the text: a field's value (list entries one per line), a milestone's text, a RAG entry's text, an action's number and specific action, a number, a place (`P1 area 2, action 1.3`), a column with no role (`Comments: text`) or a group |
//! | `old_status`, `new_status` | a milestone's status word |
//! | `old_date`, `new_date` | a milestone's timescale |
//! | `old_colour`, `new_colour` | a RAG entry's colour (green, amber, red, #RRGGBB) |
//!
//! Cells that do not apply are empty.

use super::change::{describe_group, ChangeList, Value};
use super::text::colour_name;

/// The header row.
pub const COLUMNS: [&str; 14] = [
    "kind",
    "priority",
    "area",
    "action",
    "field",
    "index",
    "old",
    "new",
    "old_status",
    "new_status",
    "old_date",
    "new_date",
    "old_colour",
    "new_colour",
];

/// The cells of a side that has only a text.
fn text_only(text: String) -> [String; 4] {
    [text, String::new(), String::new(), String::new()]
}

/// The text, status, date and colour cells of one side.
fn cells(v: &Option<Value>) -> [String; 4] {
    match v {
        None => Default::default(),
        Some(Value::Text(t)) => text_only(t.clone()),
        Some(Value::List(l)) => text_only(l.join("\n")),
        Some(Value::Action(a)) => text_only(format!("{}: {}", a.number, a.specific_action)),
        Some(Value::Milestone(m)) => [
            m.text.clone(),
            m.status.map(|s| s.as_str().to_string()).unwrap_or_default(),
            m.date.clone().unwrap_or_default(),
            String::new(),
        ],
        Some(Value::Place(p)) => text_only(p.describe()),
        Some(Value::Field(f)) => text_only(format!("{}: {}", f.heading, f.text)),
        Some(Value::Group(g)) => text_only(describe_group(g)),
        Some(Value::Rag(r)) => [
            r.text.clone(),
            String::new(),
            String::new(),
            colour_name(r.colour),
        ],
    }
}

/// The CSV bytes.
pub fn render(list: &ChangeList) -> Result<Vec<u8>, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(COLUMNS)?;
    for c in &list.changes {
        let [ot, os, od, oc] = cells(&c.old);
        let [nt, ns, nd, nc] = cells(&c.new);
        w.write_record([
            c.kind.as_str().to_string(),
            c.priority.to_string(),
            c.area.to_string(),
            c.action.clone(),
            c.field.clone().unwrap_or_default(),
            c.index.map(|i| i.to_string()).unwrap_or_default(),
            ot,
            nt,
            os,
            ns,
            od,
            nd,
            oc,
            nc,
        ])?;
    }
    w.into_inner().map_err(|e| csv::Error::from(e.into_error()))
}
