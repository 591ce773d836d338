//! With no number column, an outline number opening most action cells ("1.1.1 Refresh …") is
//! the action's reference printed in its cell.
//!
//! Only rows that read as actions are counted: a repeat of the header (a plan printed one
//! table per heading, each with its own header, joined into one table) and a labelled line
//! alone in the action cell ("Goal 2 – End the use of …", the heading between two of those
//! tables) are no actions, and counting them would hide the numbers of the rows that are.

use super::columns::{starts, Col, Columns};
use super::{group, text};
use crate::table::{CellIndex, Table};

/// Whether most action cells of the body rows open with an outline number.
pub fn opens_most(t: &Table, body: &[usize], cols: &Columns) -> bool {
    let (None, Some(a)) = (cols.first(Col::Number), cols.first(Col::Action)) else {
        return false;
    };
    let cells = t.index();
    let texts: Vec<String> = body
        .iter()
        .filter(|&&r| !repeats_header(&cells, r, cols))
        .filter_map(|&r| {
            let c = starts(&cells, r, a).filter(|c| c.col == a && !c.is_empty())?;
            let s = text::collapse(&c.text());
            let alone = cells
                .row_cells(r)
                .iter()
                .all(|o| o.col == a || o.is_empty());
            (!(alone && group::is_labelled(&s))).then_some(s)
        })
        .collect();
    let numbered = texts
        .iter()
        .filter(|t| {
            t.split_whitespace()
                .next()
                .is_some_and(|w| w.chars().any(|c| c.is_ascii_digit()) && text::is_reference(w))
        })
        .count();
    texts.len() >= 2 && super::columns::most(numbered, texts.len())
}

/// Whether row `r` prints the header again: every filled cell is its column's heading, and
/// the action cell is filled.
fn repeats_header(cells: &CellIndex, r: usize, cols: &Columns) -> bool {
    let row = cells.row_cells(r);
    let filled: Vec<_> = row.iter().filter(|c| !c.is_empty()).collect();
    !filled.is_empty()
        && filled.iter().all(|c| {
            cols.list
                .get(c.col)
                .is_some_and(|k| !k.heading.is_empty() && k.heading == text::collapse(&c.text()))
        })
        && filled
            .iter()
            .any(|c| Some(c.col) == cols.first(Col::Action))
}

/// Whether an action cell opening with `s` starts an action of its own rather than carrying
/// on the one above (numbered `prev`) in a plan whose references open the action cells: it
/// opens with an outline number ("1.3 Agree …") or with the number after `prev` ("4 Train …"
/// after action 3). A wrapped line may open with a figure ("3 months …"), never with the
/// next reference.
pub fn opens_own(s: &str, prev: Option<&str>) -> bool {
    let Some(first) = s.split_whitespace().next() else {
        return false;
    };
    if !first.chars().any(|c| c.is_ascii_digit()) || !text::is_reference(first) {
        return false;
    }
    let r = text::reference(first);
    let outline = r
        .split(['.', '-', '/'])
        .filter(|p| p.chars().any(|c| c.is_ascii_digit()))
        .count()
        >= 2;
    let next = match (r.parse::<u32>(), prev.map(|p| p.parse::<u32>())) {
        (Ok(n), Some(Ok(p))) => p.checked_add(1) == Some(n),
        _ => false,
    };
    outline || next
}

#[cfg(test)]
mod tests {
    use super::super::super::profile::Profile;
    use super::super::columns;
    use super::*;
    use crate::table::{text_cell, Cell};

    fn table(rows: &[[&str; 3]]) -> Table {
        let cells: Vec<Cell> = rows
            .iter()
            .enumerate()
            .flat_map(|(r, row)| {
                row.iter()
                    .enumerate()
                    .filter(|(_, s)| !s.is_empty())
                    .map(move |(c, s)| text_cell(r, c, 1, s))
            })
            .collect();
        Table {
            pages: vec![1],
            bbox: crate::geom::Rect::default(),
            header_rows: 1,
            n_rows: rows.len(),
            n_cols: 3,
            cells,
            rows: Vec::new(),
            ruled: false,
        }
    }

    #[test]
    fn numbers_open_the_action_cells_of_tables_joined_under_their_headings() {
        // One table per goal, each under its own header, joined into one: the repeated
        // headers and the goal headings between them are no actions.
        let t = table(&[
            ["Action", "Who", "By when"],
            ["1.1 Open the hub.", "Hub Manager", "May 2026"],
            ["1.2 Train the staff.", "Head of HR", "June 2026"],
            ["Goal 2 – Fewer families in hotels", "", ""],
            ["Action", "Who", "By when"],
            ["2.1 Buy ten homes.", "Estates Manager", "March 2026"],
            ["Goal 3 – Nobody sleeps rough", "", ""],
            ["Action", "Who", "By when"],
            ["3.1 Fund outreach.", "Outreach Lead", "July 2026"],
        ]);
        let profile = Profile::default();
        let cols = columns::from_header(&t, 0, &profile);
        let body: Vec<usize> = (1..t.n_rows).collect();
        assert!(opens_most(&t, &body, &cols));
        // Most action cells unnumbered: no reference in the cells.
        let t = table(&[
            ["Action", "Who", "By when"],
            ["1.1 Open the hub.", "Hub Manager", "May 2026"],
            ["Train the staff.", "Head of HR", "June 2026"],
            ["Buy ten homes.", "Estates Manager", "March 2026"],
        ]);
        let cols = columns::from_header(&t, 0, &profile);
        assert!(!opens_most(&t, &[1, 2, 3], &cols));
    }

    #[test]
    fn an_outline_number_or_the_next_number_opens_an_action() {
        assert!(opens_own("1.3 Agree a joint protocol", Some("1.2")));
        assert!(opens_own("4 Train the staff", Some("3")));
        assert!(!opens_own("3 months after the launch", Some("7")));
        assert!(!opens_own("no safe home.", Some("1.2")));
        assert!(!opens_own("b) Feedback from users", Some("1.2")));
    }
}
