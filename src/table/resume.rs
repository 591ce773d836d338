//! A table carried on over a page break without a repeated header: the next page's first
//! table starts its columns where the table's columns start (the x where each column's text
//! begins, not the gutters, which move with each page's text), and the remainder of the row
//! cut by the break, printed above it in the later columns only, is that row's rest.
//!
//! Word processors print an unruled table this way when "repeat header row" is off: the body
//! just runs on. A careful reader continues the table when the columns line up and nothing but
//! running headers and footers (and the cut row's remainder) lies between
//! ([`super::context::separated`] decides the second).

use std::sync::Arc;

use super::context::{self, LineWord, TextLine};
use super::{Cell, CellLine, PageTable, Paragraph, Part, Settings};
use crate::geom::Rect;

/// Where each column's text starts: per column, the distinct left edges (sorted) of the first
/// lines of the paragraphs of its single-column cells.
pub(super) type Starts = Vec<Vec<f64>>;

/// The column starts of page table `pt`.
pub(super) fn column_starts(pt: &PageTable) -> Starts {
    let mut out: Starts = vec![Vec::new(); pt.n_cols()];
    for c in pt.cells.iter().filter(|c| c.col_span == 1) {
        let Some(col) = out.get_mut(c.col) else {
            continue;
        };
        for p in &c.paragraphs {
            if let Some(l) = p.lines.first().filter(|l| l.bbox.x0.is_finite()) {
                col.push(l.bbox.x0);
            }
        }
    }
    for col in &mut out {
        col.sort_by(f64::total_cmp);
        col.dedup_by(|a, b| (*a - *b).abs() < f64::EPSILON);
    }
    out
}

/// `b`'s starts added to `a`'s, column by column (the same columns on a later page).
pub(super) fn merge(a: &mut Starts, b: Starts) {
    if a.len() != b.len() {
        return;
    }
    for (x, y) in a.iter_mut().zip(b) {
        x.extend(y);
        x.sort_by(f64::total_cmp);
        x.dedup_by(|p, q| (*p - *q).abs() < f64::EPSILON);
    }
}

/// Whether `x` is within `tol` of a start in `seen`.
fn near(seen: &[f64], x: f64, tol: f64) -> bool {
    seen.iter().any(|s| (s - x).abs() <= tol)
}

/// Whether page table `pt` lays out its columns as a table whose column starts are `starts`:
/// the same number of columns, text in at least two, and each column's leftmost start on
/// `pt` within `tol` of a start the table's column had.
pub(super) fn same_layout(starts: &Starts, pt: &PageTable, tol: f64) -> bool {
    let own = column_starts(pt);
    if own.len() != starts.len() || own.len() < 2 {
        return false;
    }
    let mut with_text = 0;
    for (mine, seen) in own.iter().zip(starts) {
        let Some(&x) = mine.first() else { continue };
        if !near(seen, x, tol) {
            return false;
        }
        with_text += 1;
    }
    with_text >= 2
}

/// `pt` with the remainder of a row cut by the page break taken in as its first row: the
/// lines printed just above it that are no running header or footer (none of `last_outside`,
/// the lines outside the tables of the page before) and whose words all lie in columns
/// other than `key` (the column every row opens), each column's words starting at a start the
/// table's column had (`starts`). None when no such line is there, or a line above is
/// something else (a heading: the tables are separate).
pub(super) fn with_remainder(
    pt: &PageTable,
    starts: &Starts,
    key: usize,
    last_outside: &[TextLine],
    s: &Settings,
) -> Option<PageTable> {
    let above: Vec<&TextLine> = pt
        .outside
        .iter()
        .filter(|l| l.bbox.bottom <= pt.bbox.top + s.snap_tolerance)
        .filter(|l| !context::neutral(l, last_outside, s))
        .collect();
    if above.is_empty() || pt.xs.len() != starts.len() + 1 {
        return None;
    }
    // Words by column, line by line.
    let mut by_col: Vec<Vec<Vec<&LineWord>>> = vec![Vec::new(); starts.len()];
    for l in &above {
        let mut row: Vec<Vec<&LineWord>> = vec![Vec::new(); starts.len()];
        for w in &l.words {
            let x = w.bbox.centre().x;
            let col = pt.xs.windows(2).position(|b| b[0] <= x && x < b[1])?;
            if col == key {
                return None;
            }
            row.get_mut(col)?.push(w);
        }
        for (col, words) in row.into_iter().enumerate() {
            if let Some(first) = words.first() {
                if !near(starts.get(col)?, first.bbox.x0, s.column_start_tolerance) {
                    return None;
                }
                by_col.get_mut(col)?.push(words);
            }
        }
    }
    let top = above
        .iter()
        .map(|l| l.bbox.top)
        .fold(f64::INFINITY, f64::min);
    let first_y = pt.ys.first().copied().unwrap_or(pt.bbox.top);
    let mut out = pt.clone();
    for c in &mut out.cells {
        c.row += 1;
    }
    for (col, lines) in by_col.into_iter().enumerate() {
        if lines.is_empty() {
            continue;
        }
        let (Some(&x0), Some(&x1)) = (pt.xs.get(col), pt.xs.get(col + 1)) else {
            continue;
        };
        out.cells
            .push(remainder_cell(pt.page, col, &lines, x0, x1, top, first_y));
    }
    out.cells.sort_by_key(|c| (c.row, c.col));
    out.ys.insert(0, top);
    out.bbox = Rect {
        top: top.min(pt.bbox.top),
        ..pt.bbox
    };
    let kept: Vec<TextLine> = pt
        .outside
        .iter()
        .filter(|l| !above.iter().any(|a| std::ptr::eq(*a, *l)))
        .cloned()
        .collect();
    out.outside = Arc::from(kept);
    Some(out)
}

/// The cell of column `col` of the remainder row: one paragraph of its lines.
fn remainder_cell(
    page: u32,
    col: usize,
    lines: &[Vec<&LineWord>],
    x0: f64,
    x1: f64,
    top: f64,
    bottom: f64,
) -> Cell {
    let mut text = String::new();
    let mut cell_lines = Vec::new();
    for words in lines {
        let line_text = words
            .iter()
            .map(|w| w.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let bbox = words.iter().map(|w| w.bbox).reduce(|a, b| a.union(&b));
        if let Some(bbox) = bbox {
            super::join_line(&mut text, &line_text);
            cell_lines.push(CellLine {
                text: line_text,
                bbox,
                page,
                bold: false,
            });
        }
    }
    Cell {
        row: 0,
        col,
        row_span: 1,
        col_span: 1,
        paragraphs: vec![Paragraph {
            text,
            bullet: false,
            fill: None,
            lines: cell_lines,
        }],
        fill: None,
        marks: Vec::new(),
        parts: vec![Part {
            page,
            bbox: Rect {
                x0,
                top,
                x1,
                bottom: bottom.max(top),
            },
        }],
    }
}
