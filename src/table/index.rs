//! A table's cells found by row and slot without scanning them all. [`Table::cell_at`] and
//! [`Table::row_cells`] look through every cell, so a reader that asks for every slot of a
//! long table joined across pages (hundreds of rows) does work quadratic in its size; a
//! [`CellIndex`] answers the same questions from the cells that start in nearby rows.

use super::{Cell, Table};

/// The cells of one table listed by the row they start in.
pub struct CellIndex<'t> {
    cells: &'t [Cell],
    /// For each row, the positions in `cells` of the cells starting in it, in `cells` order.
    starting: Vec<Vec<usize>>,
    /// The most rows any cell spans (at least 1).
    tallest: usize,
    /// Cells said to start below the table's last row (none from our builders), looked
    /// through one by one.
    outside: Vec<usize>,
}

impl Table {
    /// An index of the table's cells by row; see [`CellIndex`].
    pub fn index(&self) -> CellIndex<'_> {
        let mut starting = vec![Vec::new(); self.n_rows];
        let mut tallest = 1;
        let mut outside = Vec::new();
        for (i, c) in self.cells.iter().enumerate() {
            match starting.get_mut(c.row) {
                Some(row) => {
                    row.push(i);
                    tallest = tallest.max(c.row_span);
                }
                None => outside.push(i),
            }
        }
        CellIndex {
            cells: &self.cells,
            starting,
            tallest,
            outside,
        }
    }
}

impl<'t> CellIndex<'t> {
    /// The cells starting in `row`, left to right: as [`Table::row_cells`].
    pub fn row_cells(&self, row: usize) -> Vec<&'t Cell> {
        let mut cells: Vec<&Cell> = match self.starting.get(row) {
            Some(ix) => ix.iter().filter_map(|&i| self.cells.get(i)).collect(),
            None => self
                .outside
                .iter()
                .filter_map(|&i| self.cells.get(i))
                .filter(|c| c.row == row)
                .collect(),
        };
        cells.sort_by_key(|c| c.col);
        cells
    }

    /// The cell covering slot (row, col), spanning cells included: as [`Table::cell_at`]
    /// (the first such cell in the table's order).
    pub fn cell_at(&self, row: usize, col: usize) -> Option<&'t Cell> {
        let first_row = row.saturating_sub(self.tallest - 1);
        let last_row = row.min(self.starting.len().saturating_sub(1));
        let nearby = self.starting.get(first_row..=last_row).unwrap_or_default();
        nearby
            .iter()
            .flatten()
            .chain(&self.outside)
            .copied()
            .filter(|&i| {
                self.cells.get(i).is_some_and(|c| {
                    row >= c.row
                        && row < c.row + c.row_span
                        && col >= c.col
                        && col < c.col + c.col_span
                })
            })
            .min()
            .and_then(|i| self.cells.get(i))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geom::Rect;

    fn cell(row: usize, col: usize, row_span: usize, col_span: usize) -> Cell {
        Cell {
            row,
            col,
            row_span,
            col_span,
            paragraphs: Vec::new(),
            fill: None,
            marks: Vec::new(),
            parts: Vec::new(),
        }
    }

    #[test]
    fn the_index_answers_as_the_table_does() {
        // Row 0: a cell over two columns; rows 1-3: a tall cell in column 0, and cells
        // listed out of order in column 1; a cell said to start below the table.
        let t = Table {
            pages: vec![1],
            bbox: Rect {
                x0: 0.0,
                top: 0.0,
                x1: 1.0,
                bottom: 1.0,
            },
            header_rows: 0,
            n_rows: 4,
            n_cols: 2,
            cells: vec![
                cell(0, 0, 1, 2),
                cell(3, 1, 1, 1),
                cell(1, 0, 3, 1),
                cell(1, 1, 1, 1),
                cell(2, 1, 1, 1),
                cell(9, 0, 1, 1),
            ],
            rows: Vec::new(),
            ruled: false,
        };
        let ix = t.index();
        for row in 0..11 {
            for col in 0..3 {
                assert_eq!(ix.cell_at(row, col), t.cell_at(row, col), "({row}, {col})");
            }
            assert_eq!(ix.row_cells(row), t.row_cells(row), "row {row}");
        }
        assert_eq!(ix.cell_at(3, 0).map(|c| c.row), Some(1));
    }
}
