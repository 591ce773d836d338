//! Columns inside a ruled group of columns: a spreadsheet bordered round year groups only
//! ("2024-25 | 2025-26", each of Core, External and Total unruled inside) prints each group's
//! column heads side by side in one ruled column ("Core   External   Total" over
//! "£000s   £000s   £000s"). Read cell by cell, the group is one column and every line of
//! its figures one cell; where most of the group's columns are empty (only the Total filled)
//! nothing else in the grid tells its columns apart. A reader sees one column per head.
//!
//! A ruled column is cut when two or more of its lines are rows of heads: the same number
//! (two or more) of segments a column's gap apart, the gaps line up, and in each gap there is
//! white space no word of the column crosses (a heading centred over the whole group, one
//! segment of words, is let cross: it spans the group). The cut falls in the middle of the
//! widest such white space. A grid is cut only when two or more of its ruled columns are
//! groups so read, as a spreadsheet's year groups are.
//!
//! Once the rows are known ([`super::line_rows`]), a row whose words in a group are one
//! heading centred over it ("2025-26") gets one cell spanning the group's columns.

use super::grid::{Grid, GridCell};
use super::sheet_lines::{lines, SheetLine};
use super::Settings;
use crate::geom::Direction;
use crate::layout::Word;

/// A ruled column cut into columns: its first column in the cut grid, and how many.
pub(super) type Group = (usize, usize);

/// `grid` with the ruled columns that hold groups of unruled columns cut into them, and the
/// groups (empty when the grid is left as it is). `words` are the page's words, `used` those
/// already in a table.
pub(super) fn cut(grid: Grid, words: &[Word], used: &[bool], s: &Settings) -> (Grid, Vec<Group>) {
    let nc = grid.xs.len().saturating_sub(1);
    let nr = grid.ys.len().saturating_sub(1);
    if nc < 2 || nr == 0 || !grid.inner_rules.is_empty() {
        return (grid, Vec::new());
    }
    let bbox = grid.bbox();
    // Where a free word of the grid is seen: its slot.
    let slot = |w: &Word| {
        // Words above or under the grid (most of a page's) are passed over at a glance.
        if w.bbox.bottom < bbox.top || w.bbox.top > bbox.bottom || w.direction != Direction::Ltr {
            return None;
        }
        let a = w.anchor();
        if !bbox.contains(a, 0.0) {
            return None;
        }
        let col = grid.xs.partition_point(|&x| x <= a.x).saturating_sub(1);
        Some((a.y, col.min(nc - 1)))
    };
    // First, cheaply: lines with a column's gap inside, per column, counted as the words
    // come (the page's words run line by line, left to right). Most grids have none.
    let mut gapped = vec![0usize; nc];
    let mut last: Vec<Option<(&Word, bool)>> = vec![None; nc];
    for (w, _) in words.iter().zip(used).filter(|(_, u)| !**u) {
        let Some((_, col)) = slot(w) else { continue };
        let Some(prev) = last.get_mut(col) else {
            continue;
        };
        let mut counted = false;
        if let (Some((p, seen)), Some(n)) = (*prev, gapped.get_mut(col)) {
            let size = w.size.max(p.size).max(1.0);
            let same_line = (w.baseline - p.baseline).abs() <= s.cell_line_baseline_em * size;
            let apart = w.bbox.x0 - p.bbox.x1 >= s.alignment.segment_gap_em * size;
            counted = same_line && (seen || apart);
            if same_line && apart && !seen {
                *n += 1;
            }
        }
        *prev = Some((w, counted));
    }
    if gapped.iter().filter(|&&n| n >= 2).count() < 2 {
        return (grid, Vec::new());
    }
    // The words of those columns standing in cells one column wide.
    let mut single = vec![false; nr * nc];
    for c in grid.cells.iter().filter(|c| c.col_span == 1) {
        for r in c.row..c.row + c.row_span {
            if let Some(v) = single.get_mut(r * nc + c.col) {
                *v = true;
            }
        }
    }
    let mut by_col: Vec<Vec<&Word>> = vec![Vec::new(); nc];
    for (w, _) in words.iter().zip(used).filter(|(_, u)| !**u) {
        let Some((y, col)) = slot(w) else { continue };
        let row = grid.ys.partition_point(|&v| v <= y).saturating_sub(1);
        let wanted = gapped.get(col).is_some_and(|&n| n >= 2)
            && single.get(row.min(nr - 1) * nc + col) == Some(&true);
        if let Some(list) = by_col.get_mut(col).filter(|_| wanted) {
            list.push(w);
        }
    }
    let mut cuts: Vec<(usize, Vec<f64>)> = Vec::new();
    for (k, ws) in by_col.iter().enumerate() {
        if gapped.get(k).is_none_or(|&n| n < 2) {
            continue;
        }
        let (Some(&left), Some(&right)) = (grid.xs.get(k), grid.xs.get(k + 1)) else {
            continue;
        };
        if let Some(xs) = column_cuts(&lines(ws, s), left, right, s) {
            cuts.push((k, xs));
        }
    }
    if cuts.len() < 2 {
        return (grid, Vec::new());
    }
    apply(grid, &cuts)
}

/// Where to cut the ruled column from `left` to `right` holding `lines`; `None` when its
/// lines are not a group's heads and columns (see the module documentation).
fn column_cuts(lines: &[SheetLine], left: f64, right: f64, s: &Settings) -> Option<Vec<f64>> {
    let segs: Vec<Vec<(f64, f64)>> = lines.iter().map(|l| l.segments(s)).collect();
    let n = segs.iter().map(Vec::len).max()?;
    let heads: Vec<&Vec<(f64, f64)>> = segs.iter().filter(|sg| sg.len() == n).collect();
    if n < 2 || heads.len() < 2 {
        return None;
    }
    // The words that must not be crossed: all but headings centred over the group.
    let mid = (left + right) / 2.0;
    let blocking: Vec<(f64, f64)> = lines
        .iter()
        .zip(&segs)
        .filter(|(l, sg)| !(sg.len() == 1 && !l.figure() && centred(l, mid, s)))
        .flat_map(|(l, _)| l.words.iter().map(|w| (w.bbox.x0, w.bbox.x1)))
        .collect();
    let mut xs = Vec::with_capacity(n - 1);
    for j in 0..n - 1 {
        // The gap between heads j and j + 1, common to every line of heads.
        let lo = heads
            .iter()
            .filter_map(|h| h.get(j).map(|g| g.1))
            .fold(f64::MIN, f64::max);
        let hi = heads
            .iter()
            .filter_map(|h| h.get(j + 1).map(|g| g.0))
            .fold(f64::MAX, f64::min);
        xs.push(widest_free(lo, hi, &blocking)?);
    }
    Some(xs)
}

/// Whether a line's middle is within a heading's tolerance of `mid`.
fn centred(l: &SheetLine, mid: f64, s: &Settings) -> bool {
    ((l.x0 + l.x1) / 2.0 - mid).abs() <= s.group_heading_centre_em * l.size.max(1.0)
}

/// The middle of the widest stretch of `lo..hi` no extent of `blocking` covers.
fn widest_free(lo: f64, hi: f64, blocking: &[(f64, f64)]) -> Option<f64> {
    if lo >= hi {
        return None;
    }
    let mut cover: Vec<(f64, f64)> = blocking
        .iter()
        .filter(|(a, b)| *b > lo && *a < hi)
        .copied()
        .collect();
    cover.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut best: Option<(f64, f64)> = None;
    let mut at = lo;
    for (a, b) in cover.into_iter().chain(std::iter::once((hi, hi))) {
        if a > at && best.is_none_or(|(w, _)| a - at > w) {
            best = Some((a - at, (a + at) / 2.0));
        }
        at = at.max(b);
    }
    best.map(|(_, x)| x)
}

/// `grid` with the ruled columns in `cuts` (column, cut positions left to right) each cut
/// into columns, and the groups so made.
fn apply(grid: Grid, cuts: &[(usize, Vec<f64>)]) -> (Grid, Vec<Group>) {
    let nc = grid.xs.len().saturating_sub(1);
    let mut parts = vec![1usize; nc];
    for (k, xs) in cuts {
        if let Some(p) = parts.get_mut(*k) {
            *p = xs.len() + 1;
        }
    }
    let mut start = Vec::with_capacity(nc + 1);
    let mut at = 0;
    for p in &parts {
        start.push(at);
        at += p;
    }
    start.push(at);
    let mut xs = Vec::with_capacity(at + 1);
    for (k, &x) in grid.xs.iter().enumerate().take(nc) {
        xs.push(x);
        if let Some((_, extra)) = cuts.iter().find(|(c, _)| *c == k) {
            xs.extend(extra.iter().copied());
        }
    }
    if let Some(&last) = grid.xs.last() {
        xs.push(last);
    }
    let mut cells = Vec::with_capacity(grid.cells.len());
    for c in &grid.cells {
        let first = start.get(c.col).copied().unwrap_or(c.col);
        let end = start
            .get(c.col + c.col_span)
            .copied()
            .unwrap_or(first + c.col_span);
        if c.col_span == 1 {
            cells.extend((first..end).map(|col| GridCell {
                col,
                col_span: 1,
                ..*c
            }));
        } else {
            cells.push(GridCell {
                col: first,
                col_span: end - first,
                ..*c
            });
        }
    }
    cells.sort_by_key(|c| (c.row, c.col));
    let groups = cuts
        .iter()
        .filter_map(|(k, x)| Some((*start.get(*k)?, x.len() + 1)))
        .collect();
    let grid = Grid {
        xs,
        ys: grid.ys,
        cells,
        inner_rules: grid.inner_rules,
    };
    (grid, groups)
}

/// `grid` with each row whose words in a group are one heading centred over it (one line of
/// one segment, not a figure) given one cell spanning the group.
pub(super) fn span_headings(
    grid: Grid,
    groups: &[Group],
    words: &[Word],
    used: &[bool],
    s: &Settings,
) -> Grid {
    let nr = grid.ys.len().saturating_sub(1);
    let bbox = grid.bbox();
    let mut by_row: Vec<Vec<&Word>> = vec![Vec::new(); nr];
    for (w, _) in words.iter().zip(used).filter(|(_, u)| !**u) {
        let a = w.anchor();
        if nr == 0 || !bbox.contains(a, 0.0) {
            continue;
        }
        let r = grid.ys.partition_point(|&y| y <= a.y).saturating_sub(1);
        if let Some(list) = by_row.get_mut(r.min(nr - 1)) {
            list.push(w);
        }
    }
    let mut merge: Vec<(usize, usize, usize)> = Vec::new();
    for &(first, n) in groups {
        let (Some(&left), Some(&right)) = (grid.xs.get(first), grid.xs.get(first + n)) else {
            continue;
        };
        for (r, ws) in by_row.iter().enumerate() {
            let own = grid
                .cells
                .iter()
                .filter(|c| c.row == r && c.col >= first && c.col < first + n)
                .filter(|c| c.row_span == 1 && c.col_span == 1)
                .count();
            if own != n {
                continue;
            }
            let inside: Vec<&Word> = ws
                .iter()
                .filter(|w| (left..right).contains(&w.anchor().x))
                .copied()
                .collect();
            let ls = lines(&inside, s);
            let [l] = ls.as_slice() else { continue };
            if l.segments(s).len() == 1 && !l.figure() && centred(l, (left + right) / 2.0, s) {
                merge.push((r, first, n));
            }
        }
    }
    if merge.is_empty() {
        return grid;
    }
    let mut cells: Vec<GridCell> = grid
        .cells
        .iter()
        .filter(|c| {
            !merge
                .iter()
                .any(|&(r, f, n)| c.row == r && c.col >= f && c.col < f + n)
        })
        .copied()
        .collect();
    cells.extend(merge.iter().map(|&(row, col, n)| GridCell {
        row,
        col,
        row_span: 1,
        col_span: n,
    }));
    cells.sort_by_key(|c| (c.row, c.col));
    Grid { cells, ..grid }
}

#[cfg(test)]
mod tests {
    use super::widest_free;

    #[test]
    fn a_cut_falls_in_the_widest_white_space_between_heads() {
        // Heads' gap 100..140; a figure of the next column reaches back to 120, one of this
        // column's to 104: the free stretch is 104..120, cut at 112.
        assert_eq!(
            widest_free(100.0, 140.0, &[(90.0, 104.0), (120.0, 150.0)]),
            Some(112.0)
        );
        // Two free stretches: 100..105 and 110..140, the wider wins.
        assert_eq!(widest_free(100.0, 140.0, &[(105.0, 110.0)]), Some(125.0));
        // A word across the whole gap leaves no place to cut.
        assert_eq!(widest_free(100.0, 140.0, &[(95.0, 145.0)]), None);
        assert_eq!(widest_free(140.0, 100.0, &[]), None);
    }
}
