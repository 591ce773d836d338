//! Cells being built, keyed by slot: a spanning cell owns every slot it covers.

use std::collections::HashMap;

/// A cell being built: slot, spans and words.
#[derive(Debug, Clone)]
pub(super) struct Slot {
    pub row: usize,
    pub col: usize,
    pub row_span: usize,
    pub col_span: usize,
    pub words: Vec<usize>,
}

/// Cells keyed by slot; a spanning cell owns every slot it covers.
#[derive(Debug, Default)]
pub(super) struct GridBuild {
    pub cells: Vec<Slot>,
    pub owner: HashMap<(usize, usize), usize>,
}

impl GridBuild {
    /// Put `words` at (row, c0), spanning to c1 as far as the slots are free.
    pub fn put(&mut self, row: usize, c0: usize, c1: usize, words: &[usize]) {
        if let Some(&k) = self.owner.get(&(row, c0)) {
            if let Some(c) = self.cells.get_mut(k) {
                c.words.extend_from_slice(words);
            }
            return;
        }
        let k = self.cells.len();
        let mut span = 1;
        self.owner.insert((row, c0), k);
        for c in c0 + 1..=c1 {
            if self.owner.contains_key(&(row, c)) {
                break;
            }
            self.owner.insert((row, c), k);
            span += 1;
        }
        self.cells.push(Slot {
            row,
            col: c0,
            row_span: 1,
            col_span: span,
            words: words.to_vec(),
        });
    }

    /// Let the cell at (`row`, `col`), if it spans one column, span down to row `last`
    /// through slots no other cell holds.
    pub fn span_down(&mut self, row: usize, col: usize, last: usize) {
        let Some(&k) = self.owner.get(&(row, col)) else {
            return;
        };
        let Some(cell) = self.cells.get(k) else {
            return;
        };
        if cell.col_span != 1 || cell.row != row {
            return;
        }
        let mut end = cell.row + cell.row_span;
        while end <= last && !self.owner.contains_key(&(end, col)) {
            self.owner.insert((end, col), k);
            end += 1;
        }
        if let Some(c) = self.cells.get_mut(k) {
            c.row_span = end - c.row;
        }
    }
}
