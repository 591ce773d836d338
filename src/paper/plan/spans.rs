//! Cells merged across several role columns (a note or an action printed across the action,
//! lead and date columns; a reference and its action in one cell): each is read once, by the
//! first role column it covers, and the roles it covers besides are left empty (FORMAT.md).

use super::columns::{Col, Columns};
use crate::table::{Cell, CellIndex};

/// The column a cell is read in: the first column it covers that has a role (a group level
/// counts), else its own first column (it covers only columns with no role).
pub fn owner(c: &Cell, cols: &Columns) -> usize {
    (c.col..c.col.saturating_add(c.col_span))
        .find(|&i| cols.list.get(i).is_some_and(|k| k.col != Col::Field))
        .unwrap_or(c.col)
}

/// The cell read in column `i` of row `r`: the cell covering that slot, when the slot is the
/// one it is read in ([`owner`]).
pub fn slot<'t>(cells: &CellIndex<'t>, r: usize, i: usize, cols: &Columns) -> Option<&'t Cell> {
    cells.cell_at(r, i).filter(|c| owner(c, cols) == i)
}

/// The cell of row `r` read in the reference column that also covers the action column (a
/// reference and its action printed in one merged cell: "2.3 Recruit …").
pub fn reference_with_action<'t>(
    cells: &CellIndex<'t>,
    r: usize,
    cols: &Columns,
) -> Option<&'t Cell> {
    let number = cols.first(Col::Number)?;
    let action = cols.first(Col::Action)?;
    slot(cells, r, number, cols).filter(|c| covers(c, action))
}

fn covers(c: &Cell, i: usize) -> bool {
    i >= c.col && i < c.col.saturating_add(c.col_span)
}

/// The headings of the role columns a cell starting on row `r` covers besides the one it is
/// read in, for each such cell: (the heading it is read under, the headings left empty).
/// The action column covered by a reference cell is read from it, so it is not left empty.
pub fn left_empty(cells: &CellIndex, r: usize, cols: &Columns) -> Vec<(String, Vec<String>)> {
    let action = cols.first(Col::Action);
    let number = cols.first(Col::Number);
    cells
        .row_cells(r)
        .into_iter()
        .filter(|c| c.row == r && c.col_span > 1 && !c.is_empty())
        .filter_map(|c| {
            let own = owner(c, cols);
            let empty: Vec<String> = (c.col..c.col.saturating_add(c.col_span))
                .filter(|&i| i != own)
                .filter(|&i| !(Some(own) == number && Some(i) == action))
                .filter_map(|i| cols.list.get(i))
                .filter(|k| k.col != Col::Field)
                .map(|k| k.heading.clone())
                .collect();
            let heading = cols.list.get(own)?.heading.clone();
            (!empty.is_empty()).then_some((heading, empty))
        })
        .collect()
}
