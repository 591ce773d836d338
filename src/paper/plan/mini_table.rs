//! An action's own small table: Word users often print each action of a plan as a numbered
//! paragraph with a little table under it ("Lead officer | Target date | RAG status" over one
//! row of values), or a two-column block of label and value rows ("Lead: | …"). Its labels
//! name who, when and status for the action above, as a narrative plan's "Lead:" lines do:
//! this step reads such a table as those labelled values, each value the table's cell (its
//! fill and paragraphs kept), for [`super::narrative`] to give the action printed above it.

use super::columns::Col;
use crate::table::{Cell, Table};

/// A small table has at most this many rows of values under its header row (or, set as
/// label and value rows, this many rows): more is a table of its own, not one action's
/// fields.
const MAX_VALUE_ROWS: usize = 1;

/// Set as label and value rows, a small table has at most this many rows.
const MAX_LABEL_ROWS: usize = 6;

/// One small table: where it is printed and its labelled values.
pub struct MiniTable {
    /// Its first page.
    pub page: u32,
    /// Its top on that page.
    pub top: f64,
    /// (label as printed, role, the value's cell).
    pub labels: Vec<(String, Col, Cell)>,
}

/// The page's small tables whose every label names a role, one of them who, when or status,
/// in reading order. `role` names a label's role.
pub fn find(tables: &[Table], role: impl Fn(&str) -> Option<Col>) -> Vec<MiniTable> {
    let mut out: Vec<MiniTable> = tables
        .iter()
        .filter_map(|t| {
            let labels = across(t, &role).or_else(|| down(t, &role))?;
            let named = labels
                .iter()
                .any(|(_, c, _)| matches!(c, Col::Lead | Col::Date | Col::Milestones | Col::Rag));
            let fits = labels
                .iter()
                .all(|(_, c, _)| !matches!(c, Col::Number | Col::Action | Col::Group));
            (named && fits && labels.len() >= 2).then(|| MiniTable {
                page: t.pages.first().copied().unwrap_or(0),
                top: t.bbox.top,
                labels,
            })
        })
        .collect();
    out.sort_by(|a, b| a.page.cmp(&b.page).then(a.top.total_cmp(&b.top)));
    out
}

/// A cell's text on one line, whitespace collapsed.
fn label_text(c: &Cell) -> String {
    c.text().split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A header row of labels over one row of values.
fn across(t: &Table, role: &impl Fn(&str) -> Option<Col>) -> Option<Vec<(String, Col, Cell)>> {
    if t.n_rows < 2 || t.n_rows > 1 + MAX_VALUE_ROWS {
        return None;
    }
    let mut out = Vec::new();
    for col in 0..t.n_cols {
        let head = t.cells.iter().find(|c| c.row == 0 && c.col == col)?;
        let label = label_text(head);
        let r = role(&label)?;
        let value = t.cells.iter().find(|c| c.row == 1 && c.col == col)?;
        out.push((label, r, value.clone()));
    }
    Some(out)
}

/// Rows of a label cell and a value cell.
fn down(t: &Table, role: &impl Fn(&str) -> Option<Col>) -> Option<Vec<(String, Col, Cell)>> {
    if t.n_cols != 2 || t.n_rows < 2 || t.n_rows > MAX_LABEL_ROWS {
        return None;
    }
    let mut out = Vec::new();
    for row in 0..t.n_rows {
        let head = t.cells.iter().find(|c| c.row == row && c.col == 0)?;
        let label = label_text(head);
        let label = label.strip_suffix(':').unwrap_or(&label).trim().to_string();
        let r = role(&label)?;
        let value = t.cells.iter().find(|c| c.row == row && c.col == 1)?;
        out.push((label, r, value.clone()));
    }
    Some(out)
}
