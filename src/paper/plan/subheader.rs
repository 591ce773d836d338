//! A header of two rows: a heading spanning several columns ("Progress", "RAG status") over
//! the sub-headings of its columns ("Q1 | Q2 | Q3 | Q4", "2024/25 | 2025/26"), the other
//! headings spanning both rows. Each column under the parent is named "Parent Child" and takes
//! the role that name gives; columns of ratings under one parent are all the action's RAG,
//! read left to right (the periods in order, the last the latest).

use super::super::profile::Profile;
use super::columns::{by_header, Col, Column, Columns};
use super::text;
use crate::table::{Cell, Table};

/// Whether row `r + 1` of `t` is the second row of the header at `r`: every cell starting in
/// it lies under a cell of row `r` that spans several columns and has text (a parent), and
/// every column of row `r` that has no parent is covered by a header cell spanning both rows.
/// Returns the parents' cells.
fn parents(t: &Table, r: usize) -> Option<Vec<&Cell>> {
    let top = t.row_cells(r);
    let below: Vec<&Cell> = t
        .row_cells(r + 1)
        .into_iter()
        .filter(|c| !c.is_empty())
        .collect();
    let parents: Vec<&Cell> = top
        .iter()
        .copied()
        .filter(|c| c.col_span > 1 && c.row_span == 1 && !c.is_empty())
        .collect();
    if parents.is_empty() || below.is_empty() {
        return None;
    }
    let under = |c: &Cell| {
        parents
            .iter()
            .any(|p| c.col >= p.col && c.col + c.col_span <= p.col + p.col_span)
    };
    if !below.iter().all(|c| c.row_span == 1 && under(c)) {
        return None;
    }
    // Every child column of a parent holds a sub-heading (a data row under a spanning cell
    // would leave some blank, or fill columns outside it).
    let named = |col: usize| below.iter().any(|c| c.col == col);
    let full = parents
        .iter()
        .all(|p| (p.col..p.col + p.col_span).all(named));
    full.then_some(parents)
}

/// Read a second header row under `cols` (the header at row `r`), when there is one: the
/// columns under each parent become "Parent Child" with that name's role (the profile
/// first), and `cols.header_rows` becomes 2. A header of one row is left as it is.
pub fn read(t: &Table, r: usize, cols: &mut Columns, profile: &Profile) {
    let Some(parents) = parents(t, r) else {
        return;
    };
    for c in t.row_cells(r + 1).into_iter().filter(|c| !c.is_empty()) {
        let Some(parent) = parents
            .iter()
            .find(|p| c.col >= p.col && c.col < p.col + p.col_span)
        else {
            continue;
        };
        let heading = format!(
            "{} {}",
            text::collapse(&parent.text()),
            text::collapse(&c.text())
        );
        let (col, evidence) = match profile.role_of(&heading) {
            Some(role) => (Col::of_role(role), "the profile names it".to_string()),
            None => match by_header(&heading) {
                Some((col, _, phrase)) => (
                    col,
                    format!("header says {phrase:?} (a sub-heading of a spanning heading)"),
                ),
                None => (Col::Field, "no header phrase known".to_string()),
            },
        };
        if let Some(slot) = cols.list.get_mut(c.col) {
            *slot = Column {
                heading,
                col,
                evidence,
                parent: Some(parent.col),
            };
        }
    }
    cols.header_rows = 2;
}

/// Columns under one parent of which one holds the ratings are all ratings: a period with no
/// rating yet (an empty column) or one rated in other words is one more of the action's RAG
/// entries. Run after the content checks; the profile's columns are left as they are.
pub fn share_ratings(cols: &mut Columns, fixed: &dyn Fn(&str) -> bool) {
    let rated: Vec<usize> = cols
        .list
        .iter()
        .filter(|c| c.col == Col::Rag)
        .filter_map(|c| c.parent)
        .collect();
    for c in cols.list.iter_mut() {
        if c.col != Col::Rag && !fixed(&c.heading) && c.parent.is_some_and(|p| rated.contains(&p)) {
            c.col = Col::Rag;
            c.evidence = format!(
                "{}; under the same heading as a column of ratings",
                c.evidence
            );
        }
    }
}

/// Whether column `i` is a second RAG column under the same parent as the first: it stays a
/// RAG column (the one-of-each rule leaves it).
pub fn sibling_rating(cols: &Columns, i: usize) -> bool {
    let parent = |k: usize| cols.list.get(k).and_then(|c| c.parent);
    cols.first(Col::Rag)
        .is_some_and(|first| first != i && parent(first).is_some() && parent(first) == parent(i))
}

/// Whether a row repeats a second header row (at a page top): its cells' texts, left to
/// right, are the sub-headings.
pub fn repeats(texts: &[String], cols: &Columns) -> bool {
    cols.header_rows > 1
        && texts.iter().zip(&cols.list).all(|(s, c)| {
            if c.parent.is_some() {
                c.heading.ends_with(s.as_str()) && !s.is_empty()
            } else {
                s.is_empty() || *s == c.heading
            }
        })
}

#[cfg(test)]
mod tests {
    use super::super::columns;
    use super::*;

    /// A cell of one paragraph spanning `row_span` rows and `col_span` columns.
    fn cell(row: usize, col: usize, row_span: usize, col_span: usize, text: &str) -> Cell {
        let mut c = crate::table::text_cell(row, col, row_span, text);
        c.col_span = col_span;
        c
    }

    fn table(cells: Vec<Cell>, n_rows: usize, n_cols: usize) -> Table {
        Table {
            pages: vec![1],
            bbox: crate::geom::Rect::default(),
            header_rows: 1,
            n_rows,
            n_cols,
            cells,
            rows: Vec::new(),
            ruled: true,
        }
    }

    #[test]
    fn a_spanning_heading_names_its_columns() {
        // Ref | Action | Progress (Q1 Q2) | Trend, the others spanning both header rows.
        let t = table(
            vec![
                cell(0, 0, 2, 1, "Ref"),
                cell(0, 1, 2, 1, "Action"),
                cell(0, 2, 1, 2, "Progress"),
                cell(0, 4, 2, 1, "Trend"),
                cell(1, 2, 1, 1, "Q1"),
                cell(1, 3, 1, 1, "Q2"),
                cell(2, 0, 1, 1, "1.1"),
                cell(2, 1, 1, 1, "Open the hub."),
                cell(2, 2, 1, 1, "G"),
            ],
            3,
            5,
        );
        let profile = Profile::default();
        let mut cols = columns::from_header(&t, 0, &profile);
        read(&t, 0, &mut cols, &profile);
        assert_eq!(cols.header_rows, 2);
        assert_eq!(
            cols.headings(),
            ["Ref", "Action", "Progress Q1", "Progress Q2", "Trend"]
        );
        assert_eq!(cols.list.get(3).and_then(|c| c.parent), Some(2));
        assert!(repeats(&["", "", "Q1", "Q2", ""].map(String::from), &cols));
        // A body row under a spanning heading fills only one of its columns: no second
        // header row.
        let t = table(
            vec![
                cell(0, 0, 1, 1, "Ref"),
                cell(0, 1, 1, 2, "Action"),
                cell(1, 1, 1, 1, "Open the hub."),
            ],
            2,
            3,
        );
        let mut cols = columns::from_header(&t, 0, &profile);
        read(&t, 0, &mut cols, &profile);
        assert_eq!(cols.header_rows, 1);
        assert_eq!(cols.headings(), ["Ref", "Action", ""]);
    }
}
