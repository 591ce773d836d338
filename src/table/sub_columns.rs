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
    // The grid's free words by row, found once.
    let bbox = grid.bbox();
    let nr = grid.ys.len().saturating_sub(1);
    let mut by_row: Vec<Vec<usize>> = vec![Vec::new(); nr];
    for (i, w) in words.iter().enumerate() {
        let a = w.anchor();
        if used.get(i) != Some(&false) || !bbox.contains(a, 0.0) {
            continue;
        }
        let r = grid.ys.partition_point(|&y| y <= a.y).saturating_sub(1);
        if let Some(list) = by_row.get_mut(r.min(nr.saturating_sub(1))) {
            list.push(i);
        }
    }
    let mut cells: Vec<GridCell> = Vec::with_capacity(grid.cells.len());
    let mut changed = false;
    for c in &grid.cells {
        let parts = (c.col_span > 1)
            .then(|| {
                let rect = grid.cell_rect(c);
                let inside: Vec<(&Word, bool)> = by_row
                    .get(c.row..c.row + c.row_span)
                    .unwrap_or_default()
                    .iter()
                    .flatten()
                    .filter_map(|&i| Some((words.get(i)?, figures.binary_search(&i).is_ok())))
                    .filter(|(w, _)| rect.contains(w.anchor(), 0.0))
                    .collect();
                cut_cell(&grid, c, &inside, s)
            })
            .flatten();
        match parts {
            Some(parts) => {
                changed = true;
                cells.extend(parts);
            }
            None => cells.push(*c),
        }
    }
    if !changed {
        return grid;
    }
    cells.sort_by_key(|c| (c.row, c.col));
    Grid { cells, ..grid }
}

/// The cells a spanning cell `c` holding `inside` (its words, each with whether it is a
/// figure) is cut into: its label's columns and one cell per column after it, or one cell per
/// column when each group of its words stands in a column of its own; `None` to keep it.
fn cut_cell(
    grid: &Grid,
    c: &GridCell,
    inside: &[(&Word, bool)],
    s: &Settings,
) -> Option<Vec<GridCell>> {
    let end = label_end(grid, c, inside, s).or_else(|| apart(grid, c, inside, s))?;
    let mut out = vec![GridCell {
        col_span: end - c.col + 1,
        ..*c
    }];
    out.extend((end + 1..c.col + c.col_span).map(|col| GridCell {
        col,
        col_span: 1,
        ..*c
    }));
    Some(out)
}

/// When `inside` stands in three or more groups, each inside one column of `c` and set
/// against that column's left or right edge, apart by a column's gap or a column boundary
/// (heads of columns whose rules a header band's fill hides: "2026-27 £000's", "2027-28
/// £000's", "Service Area"), the cell's first column: the cell is cut into one cell per
/// column. One group (a merged heading centred over its columns), words spread across a
/// merged heading, or a group crossing a column boundary keeps the cell whole.
fn apart(grid: &Grid, c: &GridCell, inside: &[(&Word, bool)], s: &Settings) -> Option<usize> {
    let xs = grid.xs.get(c.col..=c.col + c.col_span)?;
    let inner = xs.get(1..xs.len().saturating_sub(1)).unwrap_or_default();
    let mut ws: Vec<&Word> = inside.iter().map(|(w, _)| *w).collect();
    ws.sort_by(|a, b| a.bbox.x0.total_cmp(&b.bbox.x0));
    // Groups: the words' extents across, joined where less than a column's gap apart and no
    // column boundary lies between.
    let mut groups: Vec<(f64, f64, f64)> = Vec::new();
    for w in ws {
        let gap = s.alignment.segment_gap_em * w.size.max(1.0);
        match groups.last_mut() {
            Some(g)
                if w.bbox.x0 - g.1 < gap && !inner.iter().any(|&x| x >= g.1 && x <= w.bbox.x0) =>
            {
                g.1 = g.1.max(w.bbox.x1);
                g.2 = g.2.max(w.size);
            }
            _ => groups.push((w.bbox.x0, w.bbox.x1, w.size)),
        }
    }
    // Three heads at least: a line of running text (a title or group row spanning the table)
    // may by chance have a word space on a column boundary and a word set near a column's
    // edge, but not twice over.
    if groups.len() < 3 {
        return None;
    }
    let slack = s.alignment.ruled_table_margin;
    let column = |x: f64| c.col + xs.partition_point(|&b| b <= x).saturating_sub(1);
    let edge = |k: usize| xs.get(k - c.col).copied();
    let mut last: Option<usize> = None;
    for &(x0, x1, size) in &groups {
        let (a, b) = (column(x0 + slack), column(x1 - slack));
        if a != b || last.is_some_and(|l| a <= l) {
            return None;
        }
        // Set against its column's left or right edge, as a column's head is (a heading
        // spread across merged columns lies where its words fall).
        let pad = s.alignment.segment_gap_em * size.max(1.0);
        let (left, right) = (edge(a)?, edge(a + 1)?);
        if x0 - left > pad && right - x1 > pad {
            return None;
        }
        last = Some(a);
    }
    // The cell is cut at every column boundary.
    Some(c.col)
}

/// The last column of `c`'s label when `c` holds a label then figures in columns of their own;
/// `None` when it does not.
fn label_end(grid: &Grid, c: &GridCell, inside: &[(&Word, bool)], s: &Settings) -> Option<usize> {
    // Figures are rarer than words: most spanning cells are turned away here.
    if !inside.iter().any(|(w, f)| *f && !is_year(&w.text)) {
        return None;
    }
    let xs = grid.xs.get(c.col..=c.col + c.col_span)?;
    let column = |x: f64| c.col + xs.partition_point(|&b| b <= x).saturating_sub(1);
    // The label: the words that are not figures, and the columns their right edges reach.
    let label: Vec<&Word> = inside
        .iter()
        .filter(|(w, f)| !*f || is_year(&w.text))
        .map(|(w, _)| *w)
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
    for (w, _) in inside.iter().filter(|(w, _)| column(w.anchor().x) > end) {
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
