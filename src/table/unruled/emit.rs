//! The last step: row boundaries between the rows' lines, then every slot's cell (spanning
//! cells once, empty slots as empty cells) with its paragraphs and fill → a [`PageTable`].

use crate::geom::Rect;
use crate::layout::Word;
use crate::pdf::PagePrimitives;
use crate::table::cells::{make_cell, Inner};
use crate::table::grid::GridCell;
use crate::table::marks;
use crate::table::{PageTable, Settings};

use super::lines::{strip_leader, TLine};
use super::slots::{GridBuild, Slot};
use super::verdict::Rejected;

/// The page table of a region whose lines `ls` are on rows `row_lines`, its cells in `grid`
/// between column boundaries `xs`, inside `ext`.
#[allow(clippy::too_many_arguments)]
pub(super) fn page_table(
    page: &PagePrimitives,
    words: &[Word],
    ls: &[&TLine],
    row_lines: &[Vec<usize>],
    grid: GridBuild,
    xs: Vec<f64>,
    ext: Rect,
    s: &Settings,
) -> Result<PageTable, Rejected> {
    let n_rows = row_lines.len();
    let n_cols = xs.len().saturating_sub(1);
    // Row boundaries.
    let spans: Vec<(f64, f64)> = row_lines
        .iter()
        .map(|r| {
            let boxes = r.iter().filter_map(|&k| ls.get(k)).map(|l| l.bbox);
            let top = boxes.clone().map(|b| b.top).fold(f64::INFINITY, f64::min);
            let bottom = boxes.map(|b| b.bottom).fold(f64::NEG_INFINITY, f64::max);
            (top, bottom)
        })
        .collect();
    let mut ys = vec![ext.top];
    for w in spans.windows(2) {
        let (a, b) = (w[0], w[1]);
        let y = if a.1.is_finite() && b.0.is_finite() {
            0.5 * (a.1 + b.0)
        } else {
            *ys.last().unwrap_or(&ext.top)
        };
        ys.push(y.max(*ys.last().unwrap_or(&ext.top)));
    }
    ys.push(ext.bottom);
    if ys.len() != n_rows + 1 {
        return Err(Rejected::RowBoundaries);
    }

    // Cells: every slot, spanning cells once.
    let page_no = page.info.number;
    let mut cells = Vec::new();
    let marks = marks::candidates(page, s);
    let mut covered = vec![false; n_rows * n_cols];
    let mut order: Vec<&Slot> = grid.cells.iter().collect();
    order.sort_by_key(|c| (c.row, c.col));
    for c in &order {
        for r in c.row..(c.row + c.row_span).min(n_rows) {
            for k in c.col..(c.col + c.col_span).min(n_cols) {
                if let Some(v) = covered.get_mut(r * n_cols + k) {
                    *v = true;
                }
            }
        }
    }
    let rect = |row: usize, col: usize, rs: usize, cs: usize| Rect {
        x0: xs.get(col).copied().unwrap_or(ext.x0),
        top: ys.get(row).copied().unwrap_or(ext.top),
        x1: xs.get(col + cs).copied().unwrap_or(ext.x1),
        bottom: ys.get(row + rs).copied().unwrap_or(ext.bottom),
    };
    let mut all: Vec<Slot> = order.into_iter().cloned().collect();
    for r in 0..n_rows {
        for k in 0..n_cols {
            if !covered.get(r * n_cols + k).copied().unwrap_or(true) {
                all.push(Slot {
                    row: r,
                    col: k,
                    row_span: 1,
                    col_span: 1,
                    words: Vec::new(),
                });
            }
        }
    }
    all.sort_by_key(|c| (c.row, c.col));
    for c in all {
        // Words with a dot leader stuck to them lose it.
        let trimmed: Vec<Word> = c
            .words
            .iter()
            .filter_map(|&i| words.get(i))
            .map(|w| match strip_leader(&w.text) {
                Some(t) => Word {
                    text: t.to_string(),
                    ..w.clone()
                },
                None => w.clone(),
            })
            .collect();
        let ws: Vec<&Word> = trimmed.iter().collect();
        let bbox = rect(c.row, c.col, c.row_span, c.col_span);
        let slot = GridCell {
            row: c.row,
            col: c.col,
            row_span: c.row_span,
            col_span: c.col_span,
        };
        cells.push(make_cell(page, bbox, slot, &ws, &marks, Inner(&[]), s));
    }
    Ok(PageTable {
        page: page_no,
        bbox: ext,
        xs,
        ys,
        cells,
        ruled: false,
        continuation_only: false,
        outside: Default::default(),
    })
}
