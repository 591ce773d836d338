//! Columns a ruled row does not part: a bar drawn across a ruled table with no rules between
//! its columns (a spreadsheet's "TOTAL …" row filled in a dark colour, whose cell borders the
//! fill hides), read as one cell spanning the row, holds the row's label and, further right,
//! its figures, each printed in the column it belongs to. A reader sees the label spanning
//! the columns it crosses and each figure in its own column.
//!
//! A cell spanning columns is cut when its words read as a label, then figures: every word in
//! the columns after the last one the label reaches is a figure (no year alone, which may be a
//! merged heading's), no word crosses a column boundary after the label, and the label's
//! right edge does not run into the figures' columns. The label keeps the columns it reaches
//! (from the cell's first); every column after it becomes a cell of its own.

use super::grid::{Grid, GridCell};
use super::sub_rows::is_figure;
use super::Settings;
use crate::layout::Word;

/// `grid` with every spanning cell that holds a label then figures cut into the label's cell
/// and one cell per column after it (see the module documentation). `words` are the page's
/// words, `figures` the indices of those that are figures, `used` those already in a table.
pub(super) fn cut(
    grid: Grid,
    words: &[Word],
    figures: &[usize],
    used: &[bool],
    s: &Settings,
) -> Grid {
    if !grid.cells.iter().any(|c| c.col_span > 1) {
        return grid;
    }
    // The figures inside the grid: a spanning cell holding none is left at once.
    let bbox = grid.bbox();
    let figures: Vec<&Word> = figures
        .iter()
        .filter(|&&i| used.get(i) == Some(&false))
        .filter_map(|&i| words.get(i))
        .filter(|w| bbox.contains(w.anchor(), 0.0))
        .collect();
    if figures.is_empty() {
        return grid;
    }
    let holds_figure = |c: &GridCell| {
        let rect = grid.cell_rect(c);
        figures.iter().any(|w| rect.contains(w.anchor(), 0.0))
    };
    let mut cells: Vec<GridCell> = Vec::with_capacity(grid.cells.len());
    let mut changed = false;
    for c in &grid.cells {
        match c.col_span > 1 && holds_figure(c) {
            true => match label_end(&grid, c, words, used, s) {
                Some(end) => {
                    changed = true;
                    cells.push(GridCell {
                        col_span: end - c.col + 1,
                        ..*c
                    });
                    cells.extend((end + 1..c.col + c.col_span).map(|col| GridCell {
                        col,
                        col_span: 1,
                        ..*c
                    }));
                }
                None => cells.push(*c),
            },
            false => cells.push(*c),
        }
    }
    if !changed {
        return grid;
    }
    cells.sort_by_key(|c| (c.row, c.col));
    Grid { cells, ..grid }
}

/// The last column of `c`'s label when `c` holds a label then figures in columns of their own;
/// `None` when it does not.
fn label_end(
    grid: &Grid,
    c: &GridCell,
    words: &[Word],
    used: &[bool],
    s: &Settings,
) -> Option<usize> {
    let rect = grid.cell_rect(c);
    let inside: Vec<&Word> = words
        .iter()
        .zip(used)
        .filter(|(w, u)| !**u && rect.contains(w.anchor(), 0.0))
        .map(|(w, _)| w)
        .collect();
    // Figures are rarer than words: most spanning cells are turned away here.
    if !inside
        .iter()
        .any(|w| is_figure(&w.text) && !is_year(&w.text))
    {
        return None;
    }
    let xs = grid.xs.get(c.col..=c.col + c.col_span)?;
    let column = |x: f64| c.col + xs.partition_point(|&b| b <= x).saturating_sub(1);
    // The label: the words that are not figures, and the columns their right edges reach.
    let label: Vec<&&Word> = inside
        .iter()
        .filter(|w| !is_figure(&w.text) || is_year(&w.text))
        .collect();
    let end = label
        .iter()
        .map(|w| column(w.bbox.x1 - 0.5).max(column(w.anchor().x)))
        .max()?;
    let last = c.col + c.col_span - 1;
    if end >= last {
        return None;
    }
    let label_right = label.iter().map(|w| w.bbox.x1).fold(f64::MIN, f64::max);
    // Every word after the label is a figure inside one column, a column's gap from the
    // label (not the last word of a sentence running across the row), and there is one.
    let boundary = |k: usize| xs.get(k - c.col).copied();
    let slack = s.alignment.ruled_table_margin;
    let mut figures = 0;
    for w in inside.iter().filter(|w| column(w.anchor().x) > end) {
        let col = column(w.anchor().x);
        let (left, right) = (boundary(col)?, boundary(col + 1)?);
        if w.bbox.x0 < left - slack || w.bbox.x1 > right + slack {
            return None;
        }
        if w.bbox.x0 - label_right < s.alignment.segment_gap_em * w.size.max(1.0) {
            return None;
        }
        figures += 1;
    }
    (figures > 0).then_some(end)
}

/// A year alone ("2025"): in a spanning cell more likely a merged heading's than a figure.
fn is_year(text: &str) -> bool {
    let t = text.trim();
    t.len() == 4
        && (t.starts_with("19") || t.starts_with("20"))
        && t.bytes().all(|b| b.is_ascii_digit())
}
