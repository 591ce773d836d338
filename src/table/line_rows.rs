//! Rows inside a ruled row of a spreadsheet ruled round groups of columns
//! ([`super::group_columns`]): such a sheet is often ruled round its frame and a few totals
//! only, so one ruled row holds the stacked header, a bold heading, labels with note lines
//! under them, blank spacer rows and rows whose figures are mostly empty. A reader sees one
//! row per printed line across the sheet, except where a line carries on the one above:
//!
//! - a label's wrapped line (only that cell has a line, and its first word would not have
//!   fitted on the line above, within the cell's padding) stays with it;
//! - a head's lines stacked over each other above the first line of figures ("Core" over
//!   "£000s", every cell of the lower line under a line of the upper one, two cells or more)
//!   are one row of heads;
//! - a label printed a little lower or higher than its figures (one line of words alone in
//!   its cell, level within half a line with a line of figures that has no label) is their
//!   row.
//!
//! Rows are cut half-way between the lines they part; a ruled row none of whose lines may be
//! parted (lines overlapping) is left whole.

use super::grid::Grid;
use super::sheet_lines::{lines, SheetLine};
use super::Settings;
use crate::geom::Rect;
use crate::layout::Word;

/// A line of one cell of the block: the cell's column, its box and the line.
struct CellLine<'a> {
    col: usize,
    rect: Rect,
    line: SheetLine<'a>,
}

/// Lines across the block on one baseline, then the rows they make.
#[derive(Debug, Default)]
struct Run {
    /// Indices into the block's lines.
    lines: Vec<usize>,
    /// Lines of its last band (those on its last baseline).
    last_band: Vec<usize>,
    top: f64,
    bottom: f64,
}

/// `grid` with each block of ruled rows (rows no cell crosses out of) cut into one row per
/// line of the sheet (see the module documentation), its cells one per row. `words` are the
/// page's words, `used` those already in a table.
pub(super) fn cut(grid: Grid, words: &[Word], used: &[bool], s: &Settings) -> Grid {
    let nr = grid.ys.len().saturating_sub(1);
    let nc = grid.xs.len().saturating_sub(1);
    if nr == 0 || nc == 0 {
        return grid;
    }
    let bbox = grid.bbox();
    let free: Vec<&Word> = words
        .iter()
        .zip(used)
        .filter(|(w, u)| !**u && bbox.contains(w.anchor(), 0.0))
        .map(|(w, _)| w)
        .collect();
    // Blocks: a boundary between rows r and r + 1 no cell crosses ends one.
    let mut blocks: Vec<(usize, usize)> = Vec::new();
    let mut from = 0;
    for r in 0..nr {
        let crossed = grid
            .cells
            .iter()
            .any(|c| c.row <= r && r + 1 < c.row + c.row_span);
        if !crossed {
            blocks.push((from, r));
            from = r + 1;
        }
    }
    let mut new_ys: Vec<f64> = Vec::new();
    let mut split: Vec<(usize, usize)> = Vec::new();
    for &(a, b) in &blocks {
        let (Some(&top), Some(&bottom)) = (grid.ys.get(a), grid.ys.get(b + 1)) else {
            continue;
        };
        let mut all: Vec<CellLine> = Vec::new();
        for c in grid.cells.iter().filter(|c| c.row >= a && c.row <= b) {
            let rect = grid.cell_rect(c);
            let mine: Vec<&Word> = free
                .iter()
                .filter(|w| rect.contains(w.anchor(), 0.0))
                .copied()
                .collect();
            all.extend(lines(&mine, s).into_iter().map(|line| CellLine {
                col: c.col,
                rect,
                line,
            }));
        }
        all.sort_by(|x, y| x.line.baseline.total_cmp(&y.line.baseline));
        let Some(parts) = row_parts(&all, s) else {
            continue;
        };
        // Each boundary between two parts: a rule already there, or a cut half-way.
        let ruled: Vec<f64> = grid.ys.get(a + 1..=b).unwrap_or_default().to_vec();
        let mut ys = Vec::new();
        for pair in parts.windows(2) {
            let (up, down) = (pair[0], pair[1]);
            if !ruled.iter().any(|&y| y >= up.1 && y <= down.0) {
                ys.push((up.1 + down.0) / 2.0);
            }
        }
        // A rule through a part's lines: the block is left as it is.
        if ruled
            .iter()
            .any(|&y| parts.iter().any(|p| p.0 < y && y < p.1))
        {
            continue;
        }
        if !ys.is_empty() && ys.iter().all(|&y| y > top && y < bottom) {
            new_ys.extend(ys);
            split.push((a, b));
        }
    }
    if new_ys.is_empty() {
        return grid;
    }
    grid.cut_rows(new_ys, &split)
}

/// The rows one block of ruled rows holding `all` (its cells' lines by baseline) is read as,
/// each by its top and bottom; `None` when it stays as it is (one row, or rows whose lines
/// overlap).
fn row_parts(all: &[CellLine], s: &Settings) -> Option<Vec<(f64, f64)>> {
    // Bands: lines on one baseline.
    let mut bands: Vec<Vec<usize>> = Vec::new();
    for (i, cl) in all.iter().enumerate() {
        let tol = s.cell_line_baseline_em * cl.line.size.max(1.0);
        let joins = bands
            .last()
            .and_then(|b| b.first())
            .and_then(|&j| all.get(j))
            .is_some_and(|f| (cl.line.baseline - f.line.baseline).abs() <= tol);
        match bands.last_mut() {
            Some(b) if joins => b.push(i),
            _ => bands.push(vec![i]),
        }
    }
    if bands.len() < 2 {
        return None;
    }
    let mut runs: Vec<Run> = Vec::new();
    let mut seen_figures = false;
    for band in bands {
        let (top, bottom) = extent(all, &band);
        let joined = runs
            .last()
            .is_some_and(|run| carries_on(all, run, &band, seen_figures, s));
        seen_figures |= band.iter().any(|&i| is_figure(all, i));
        match runs.last_mut() {
            Some(run) if joined => {
                run.lines.extend(&band);
                run.top = run.top.min(top);
                run.bottom = run.bottom.max(bottom);
                run.last_band = band;
            }
            _ => runs.push(Run {
                lines: band.clone(),
                last_band: band,
                top,
                bottom,
            }),
        }
    }
    if runs.len() < 2 || runs.windows(2).any(|p| p[1].top <= p[0].bottom) {
        return None;
    }
    Some(runs.iter().map(|r| (r.top, r.bottom)).collect())
}

/// The top and bottom of lines `ids`.
fn extent(all: &[CellLine], ids: &[usize]) -> (f64, f64) {
    ids.iter()
        .filter_map(|&i| all.get(i))
        .fold((f64::MAX, f64::MIN), |(t, b), cl| {
            (t.min(cl.line.top), b.max(cl.line.bottom))
        })
}

/// Whether line `i` is a figure.
fn is_figure(all: &[CellLine], i: usize) -> bool {
    all.get(i).is_some_and(|cl| cl.line.figure())
}

/// The columns lines `ids` stand in.
fn cols(all: &[CellLine], ids: &[usize]) -> Vec<usize> {
    let mut v: Vec<usize> = ids
        .iter()
        .filter_map(|&i| all.get(i).map(|x| x.col))
        .collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// Whether `band` carries on `run` (the row above it) rather than starting a row.
fn carries_on(
    all: &[CellLine],
    run: &Run,
    band: &[usize],
    seen_figures: bool,
    s: &Settings,
) -> bool {
    let here = cols(all, band);
    let above = cols(all, &run.last_band);
    let figures = band.iter().any(|&i| is_figure(all, i));
    let run_figures = run.lines.iter().any(|&i| is_figure(all, i));
    // A label's wrapped line.
    if let [i] = band {
        if !figures && wrapped(all, run, *i, s) {
            return true;
        }
    }
    // A head's stacked lines, above the first line of figures.
    if !seen_figures
        && !figures
        && !run_figures
        && here.len() >= 2
        && here.iter().all(|c| above.contains(c))
    {
        return true;
    }
    // A label level with figures that have none.
    let Some(first) = band.first().and_then(|&i| all.get(i)) else {
        return false;
    };
    let run_cols = cols(all, &run.lines);
    let apart = here.iter().all(|c| !run_cols.contains(c));
    let near = band_gap(all, run, band) < 0.5 * first.line.size.max(1.0);
    let label_alone = |ids: &[usize]| ids.len() == 1 && !ids.iter().any(|&i| is_figure(all, i));
    let figures_only = |ids: &[usize]| ids.iter().all(|&i| is_figure(all, i));
    apart
        && near
        && ((label_alone(band) && figures_only(&run.lines))
            || (label_alone(&run.lines) && figures_only(band)))
}

/// The white space between `run` and `band` (negative when they overlap).
fn band_gap(all: &[CellLine], run: &Run, band: &[usize]) -> f64 {
    let (top, _) = extent(all, band);
    top - run.bottom
}

/// Whether line `i` is the wrapped rest of the line above it in its cell: the run's last band
/// has a line in that cell, and `i`'s first word would not have fitted after it within the
/// cell's padding (the left inset of the column's lines, mirrored).
fn wrapped(all: &[CellLine], run: &Run, i: usize, s: &Settings) -> bool {
    let Some(me) = all.get(i) else {
        return false;
    };
    let Some(up) = run
        .last_band
        .iter()
        .filter_map(|&j| all.get(j))
        .find(|u| u.col == me.col && u.rect == me.rect)
    else {
        return false;
    };
    if up.line.figure() {
        return false;
    }
    let inset = all
        .iter()
        .filter(|cl| cl.col == me.col)
        .map(|cl| cl.line.x0 - cl.rect.x0)
        .fold(f64::MAX, f64::min)
        .max(0.0);
    let Some(first) = me.line.words.first() else {
        return false;
    };
    let space = s.wrap_space_em * me.line.size.max(1.0);
    up.line.x1 + space + first.bbox.width() > me.rect.x1 - inset
}
