//! A head split over two ruled rows: a word processor's table whose column heads run over two
//! header rows with a rule between them ("Total" over "Adults", "ASCH" over "Adults (26+)"),
//! the first column (over the row labels) empty in both. Read row by row, each head is cut in
//! two and the first body row reads under half a header. A reader sees one head per column.
//!
//! The top two ruled rows are one row when they part their columns alike (the same cells, none
//! spanning rows), the first cell of each is empty, every other cell of both holds words and
//! none of them is a figure, and a row follows them. A header row of years over a row of units
//! in every column ("2024-25" over "£m") reads the same way: one head, "2024-25 £m".

use super::grid::{Grid, GridCell};
use super::sub_rows::is_figure;
use crate::layout::Word;

/// `grid` with its top two ruled rows made one when they are one head's lines (see the module
/// documentation). `words` are the page's words, `used` those already in a table.
pub(super) fn join(grid: Grid, words: &[Word], used: &[bool]) -> Grid {
    let nr = grid.ys.len().saturating_sub(1);
    let nc = grid.xs.len().saturating_sub(1);
    if nr < 3 || nc < 3 || !grid.inner_rules.is_empty() {
        return grid;
    }
    let row = |r: usize| -> Vec<&GridCell> {
        grid.cells
            .iter()
            .filter(|c| c.row <= r && r < c.row + c.row_span)
            .collect()
    };
    let (top, next) = (row(0), row(1));
    let same = top.len() == next.len()
        && top.iter().zip(&next).all(|(a, b)| {
            a.row_span == 1 && b.row_span == 1 && a.col == b.col && a.col_span == b.col_span
        });
    if !same || top.first().is_none_or(|c| c.col != 0) {
        return grid;
    }
    // Each cell's words: whether it holds any, and whether any is a figure.
    let (Some(&y0), Some(&y2)) = (grid.ys.first(), grid.ys.get(2)) else {
        return grid;
    };
    let mut held = vec![(0usize, false); 2 * top.len()];
    for (w, _) in words.iter().zip(used).filter(|(_, u)| !**u) {
        if w.bbox.bottom < y0 || w.bbox.top > y2 {
            continue;
        }
        let a = w.anchor();
        for (r, cells) in [&top, &next].into_iter().enumerate() {
            for (k, c) in cells.iter().enumerate() {
                if grid.cell_rect(c).contains(a, 0.0) {
                    if let Some(h) = held.get_mut(r * top.len() + k) {
                        h.0 += 1;
                        h.1 |= is_figure(&w.text);
                    }
                }
            }
        }
    }
    let stub_empty = |r: usize| held.get(r * top.len()).is_some_and(|h| h.0 == 0);
    let heads = |r: usize| {
        (1..top.len()).all(|k| held.get(r * top.len() + k).is_some_and(|h| h.0 > 0 && !h.1))
    };
    if !(stub_empty(0) && stub_empty(1) && heads(0) && heads(1)) {
        return grid;
    }
    let mut ys = grid.ys.clone();
    ys.remove(1);
    let cells = grid
        .cells
        .iter()
        .filter(|c| c.row != 1)
        .map(|c| GridCell {
            row: c.row.saturating_sub(usize::from(c.row > 1)),
            ..*c
        })
        .collect();
    Grid {
        xs: grid.xs,
        ys,
        cells,
        inner_rules: grid.inner_rules,
    }
}
