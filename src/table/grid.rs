//! Edges → grids: connected groups of crossing edges, their row and column boundaries, and
//! cells with spans where a boundary is not drawn.

use super::rules::{Edge, Orientation};
use super::Settings;
use crate::geom::Rect;

/// A cell of a grid by slot indices.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GridCell {
    /// Top row.
    pub row: usize,
    /// Left column.
    pub col: usize,
    /// Rows covered.
    pub row_span: usize,
    /// Columns covered.
    pub col_span: usize,
}

/// A ruled grid.
#[derive(Debug, Clone, PartialEq)]
pub struct Grid {
    /// Column boundaries, ascending.
    pub xs: Vec<f64>,
    /// Row boundaries, ascending (top to bottom).
    pub ys: Vec<f64>,
    /// Cells in row-major order of their top-left slot.
    pub cells: Vec<GridCell>,
    /// The horizontal rules of tables nested in its cells (not its own rows): each starts a
    /// new line of the cell's text.
    pub inner_rules: Vec<Edge>,
}

impl Grid {
    /// This grid with rows cut at `extra` (heights inside its rows), every cell whose row lies
    /// in one of the blocks `split` (first and last row) cut into one cell per row, and every
    /// other cell spanning the rows its extent now covers: rows the rules do not part
    /// ([`super::sub_rows`], [`super::line_rows`]).
    pub(super) fn cut_rows(
        self,
        extra: impl IntoIterator<Item = f64>,
        split: &[(usize, usize)],
    ) -> Grid {
        let mut ys = self.ys.clone();
        ys.extend(extra);
        ys.sort_by(f64::total_cmp);
        let at = |y: f64| ys.partition_point(|&v| v < y);
        let mut cells = Vec::with_capacity(self.cells.len());
        for c in &self.cells {
            let (Some(&top), Some(&bottom)) = (self.ys.get(c.row), self.ys.get(c.row + c.row_span))
            else {
                cells.push(*c);
                continue;
            };
            let (first, end) = (at(top), at(bottom));
            if split.iter().any(|&(a, b)| c.row >= a && c.row <= b) {
                cells.extend((first..end.max(first + 1)).map(|row| GridCell {
                    row,
                    row_span: 1,
                    ..*c
                }));
            } else {
                cells.push(GridCell {
                    row: first,
                    row_span: end.saturating_sub(first).max(1),
                    ..*c
                });
            }
        }
        cells.sort_by_key(|c| (c.row, c.col));
        Grid {
            xs: self.xs,
            ys,
            cells,
            inner_rules: self.inner_rules,
        }
    }

    /// The outer box.
    pub fn bbox(&self) -> Rect {
        Rect {
            x0: self.xs.first().copied().unwrap_or(0.0),
            top: self.ys.first().copied().unwrap_or(0.0),
            x1: self.xs.last().copied().unwrap_or(0.0),
            bottom: self.ys.last().copied().unwrap_or(0.0),
        }
    }

    /// The box of a cell.
    pub fn cell_rect(&self, c: &GridCell) -> Rect {
        let at = |v: &[f64], i: usize| v.get(i).copied().unwrap_or(0.0);
        Rect {
            x0: at(&self.xs, c.col),
            top: at(&self.ys, c.row),
            x1: at(&self.xs, c.col + c.col_span),
            bottom: at(&self.ys, c.row + c.row_span),
        }
    }
}

struct UnionFind(Vec<usize>);

impl UnionFind {
    fn new(n: usize) -> Self {
        UnionFind((0..n).collect())
    }
    fn find(&mut self, mut i: usize) -> usize {
        while self.0[i] != i {
            self.0[i] = self.0[self.0[i]];
            i = self.0[i];
        }
        i
    }
    fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            self.0[b] = a;
        }
    }
}

/// Grids formed by crossing edges: each connected group with at least two horizontal and two
/// vertical edges and at least two cells. A table nested in a cell of another is no part of
/// its grid ([`super::nested`]): its text stays in the outer cell.
pub fn grids(edges: &[Edge], s: &Settings) -> Vec<Grid> {
    let tol = s.intersection_tolerance;
    let mut vs: Vec<usize> = (0..edges.len())
        .filter(|&i| edges[i].orientation == Orientation::Vertical)
        .collect();
    vs.sort_by(|&a, &b| edges[a].pos.total_cmp(&edges[b].pos));
    let v_pos: Vec<f64> = vs.iter().map(|&i| edges[i].pos).collect();
    let mut uf = UnionFind::new(edges.len());
    for (hi, h) in edges
        .iter()
        .enumerate()
        .filter(|(_, e)| e.orientation == Orientation::Horizontal)
    {
        let lo = v_pos.partition_point(|&x| x < h.start - tol);
        let hi_end = v_pos.partition_point(|&x| x <= h.end + tol);
        for &vi in vs.get(lo..hi_end).unwrap_or(&[]) {
            let v = &edges[vi];
            if h.pos >= v.start - tol && h.pos <= v.end + tol {
                uf.union(hi, vi);
            }
        }
    }
    let mut groups: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
    for i in 0..edges.len() {
        let root = uf.find(i);
        groups.entry(root).or_default().push(i);
    }
    groups
        .into_values()
        .filter_map(|members| {
            let group: Vec<Edge> = members.iter().map(|&i| edges[i]).collect();
            let parted = super::nested::part(group, s);
            grid_of(&parted.outer, s).map(|g| Grid {
                inner_rules: parted.inner_rules,
                ..g
            })
        })
        .collect()
}

/// Sorted distinct positions, merging those within `tol`.
fn positions(edges: &[Edge], o: Orientation, tol: f64) -> Vec<f64> {
    let mut p: Vec<f64> = edges
        .iter()
        .filter(|e| e.orientation == o)
        .map(|e| e.pos)
        .collect();
    p.sort_by(f64::total_cmp);
    let mut out: Vec<f64> = Vec::new();
    for v in p {
        match out.last() {
            Some(&last) if v - last <= tol => {}
            _ => out.push(v),
        }
    }
    out
}

/// Fraction of `[a, b]` covered by edges of orientation `o` at position `pos`.
fn coverage(edges: &[Edge], o: Orientation, pos: f64, a: f64, b: f64, tol: f64) -> f64 {
    let mut spans: Vec<(f64, f64)> = edges
        .iter()
        .filter(|e| e.orientation == o && (e.pos - pos).abs() <= tol)
        .map(|e| (e.start.max(a), e.end.min(b)))
        .filter(|(x, y)| y > x)
        .collect();
    spans.sort_by(|x, y| x.0.total_cmp(&y.0));
    let mut covered = 0.0;
    let mut reach = a;
    for (x, y) in spans {
        let x = x.max(reach);
        if y > x {
            covered += y - x;
            reach = y;
        }
    }
    if b > a {
        covered / (b - a)
    } else {
        0.0
    }
}

/// Where the edges of orientation `runner` at every one of their positions `at` (at least two)
/// run on together by more than `min` past the last crossing position in `across` (or start
/// before the first). Vertical runners past the last horizontal rule: the bottom (top) of an
/// open row cut by a page break, which has side rules but no rule under (over) it. Horizontal
/// runners past the outermost vertical rules: the outer edge of an open first (last) column,
/// a table ruled between its rows and columns but with no border at its sides (PowerPoint,
/// Impress). `None` when they do not.
fn open_ends(
    group: &[Edge],
    runner: Orientation,
    at: &[f64],
    across: &[f64],
    min: f64,
    s: &Settings,
) -> (Option<f64>, Option<f64>) {
    let tol = s.snap_tolerance;
    let (Some(&first), Some(&last)) = (across.first(), across.last()) else {
        return (None, None);
    };
    // For each runner position: its edges' smallest start and largest end.
    let reach: Vec<(f64, f64)> = at
        .iter()
        .filter_map(|&x| {
            let vs = group
                .iter()
                .filter(|e| e.orientation == runner && (e.pos - x).abs() <= tol);
            vs.fold(None, |acc: Option<(f64, f64)>, e| match acc {
                None => Some((e.start, e.end)),
                Some((a, b)) => Some((a.min(e.start), b.max(e.end))),
            })
        })
        .collect();
    if reach.len() < 2 || reach.len() != at.len() {
        return (None, None);
    }
    let agree = |vals: Vec<f64>| -> Option<f64> {
        let lo = vals.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = vals.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        (hi - lo <= tol).then_some((lo + hi) / 2.0)
    };
    let start = agree(reach.iter().map(|r| r.0).collect()).filter(|&t| t < first - min);
    let end = agree(reach.iter().map(|r| r.1).collect()).filter(|&b| b > last + min);
    (start, end)
}

fn grid_of(group: &[Edge], s: &Settings) -> Option<Grid> {
    let mut xs = positions(group, Orientation::Vertical, s.snap_tolerance);
    let mut ys = positions(group, Orientation::Horizontal, s.snap_tolerance);
    if xs.len() < 2 || ys.len() < 2 {
        return None;
    }
    let (left, right) = open_ends(
        group,
        Orientation::Horizontal,
        &ys,
        &xs,
        s.open_column_min,
        s,
    );
    let (top, bottom) = open_ends(group, Orientation::Vertical, &xs, &ys, s.open_row_min, s);
    if let Some(t) = top {
        ys.insert(0, t);
    }
    if let Some(b) = bottom {
        ys.push(b);
    }
    if let Some(l) = left {
        xs.insert(0, l);
    }
    if let Some(r) = right {
        xs.push(r);
    }
    let (nr, nc) = (ys.len() - 1, xs.len() - 1);
    let tol = s.snap_tolerance;
    let slot = |r: usize, c: usize| r * nc + c;
    let mut uf = UnionFind::new(nr * nc);
    for r in 0..nr {
        for c in 0..nc {
            if c + 1 < nc
                && coverage(
                    group,
                    Orientation::Vertical,
                    xs[c + 1],
                    ys[r],
                    ys[r + 1],
                    tol,
                ) < s.boundary_coverage
            {
                uf.union(slot(r, c), slot(r, c + 1));
            }
            if r + 1 < nr
                && coverage(
                    group,
                    Orientation::Horizontal,
                    ys[r + 1],
                    xs[c],
                    xs[c + 1],
                    tol,
                ) < s.boundary_coverage
            {
                uf.union(slot(r, c), slot(r + 1, c));
            }
        }
    }
    let mut bounds: std::collections::BTreeMap<usize, (usize, usize, usize, usize)> =
        Default::default();
    for r in 0..nr {
        for c in 0..nc {
            let root = uf.find(slot(r, c));
            let b = bounds.entry(root).or_insert((r, c, r, c));
            b.0 = b.0.min(r);
            b.1 = b.1.min(c);
            b.2 = b.2.max(r);
            b.3 = b.3.max(c);
        }
    }
    let mut cells: Vec<GridCell> = bounds
        .into_values()
        .map(|(r0, c0, r1, c1)| GridCell {
            row: r0,
            col: c0,
            row_span: r1 - r0 + 1,
            col_span: c1 - c0 + 1,
        })
        .collect();
    cells.sort_by_key(|c| (c.row, c.col));
    cells.dedup_by_key(|c| (c.row, c.col));
    let grid = drop_unused_boundaries(Grid {
        xs,
        ys,
        cells,
        inner_rules: Vec::new(),
    });
    (grid.cells.len() >= 2).then_some(grid)
}

/// Remove row and column boundaries that no cell starts or ends at. A short rule touching a
/// grid (a link's underline, a tick mark) adds a position to `xs` or `ys` but covers too little
/// of any slot to separate cells, so every cell spans across it: left in, it would make an
/// empty row or column of spanned slots (Camelot's `split_text_lattice.pdf` has a blue 20 pt
/// underline under an e-mail address, 1 pt from a column rule).
fn drop_unused_boundaries(g: Grid) -> Grid {
    fn keep(n: usize, cells: &[GridCell], start: fn(&GridCell) -> (usize, usize)) -> Vec<bool> {
        let mut used = vec![false; n];
        for c in cells {
            let (a, span) = start(c);
            for i in [a, a + span] {
                if let Some(u) = used.get_mut(i) {
                    *u = true;
                }
            }
        }
        used
    }
    fn new_index(kept: &[bool]) -> Vec<usize> {
        let mut out = Vec::with_capacity(kept.len());
        let mut n = 0;
        for &k in kept {
            out.push(n);
            if k {
                n += 1;
            }
        }
        out
    }
    let kx = keep(g.xs.len(), &g.cells, |c| (c.col, c.col_span));
    let ky = keep(g.ys.len(), &g.cells, |c| (c.row, c.row_span));
    if kx.iter().all(|&k| k) && ky.iter().all(|&k| k) {
        return g;
    }
    let (ix, iy) = (new_index(&kx), new_index(&ky));
    let pick = |v: &[f64], k: &[bool]| -> Vec<f64> {
        v.iter()
            .zip(k)
            .filter(|(_, k)| **k)
            .map(|(x, _)| *x)
            .collect()
    };
    let cells = g
        .cells
        .iter()
        .map(|c| GridCell {
            row: iy[c.row],
            col: ix[c.col],
            row_span: iy[c.row + c.row_span] - iy[c.row],
            col_span: ix[c.col + c.col_span] - ix[c.col],
        })
        .collect();
    Grid {
        xs: pick(&g.xs, &kx),
        ys: pick(&g.ys, &ky),
        cells,
        inner_rules: g.inner_rules,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(pos: f64, start: f64, end: f64) -> Edge {
        Edge::horizontal(pos, start, end)
    }
    fn v(pos: f64, start: f64, end: f64) -> Edge {
        Edge::vertical(pos, start, end)
    }

    #[test]
    fn a_full_width_row_over_two_columns() {
        // Frame 0..100 x 0..40; a header row 0..20 with no divider, then two cells below.
        let edges = vec![
            h(0.0, 0.0, 100.0),
            h(20.0, 0.0, 100.0),
            h(40.0, 0.0, 100.0),
            v(0.0, 0.0, 40.0),
            v(100.0, 0.0, 40.0),
            v(50.0, 20.0, 40.0),
        ];
        let g = grids(&edges, &Settings::default());
        assert_eq!(g.len(), 1);
        let cells = &g[0].cells;
        assert_eq!(cells.len(), 3);
        assert_eq!(
            cells[0],
            GridCell {
                row: 0,
                col: 0,
                row_span: 1,
                col_span: 2
            }
        );
        assert_eq!(
            cells[1],
            GridCell {
                row: 1,
                col: 0,
                row_span: 1,
                col_span: 1
            }
        );
        assert_eq!(
            cells[2],
            GridCell {
                row: 1,
                col: 1,
                row_span: 1,
                col_span: 1
            }
        );
    }

    #[test]
    fn an_open_row_is_closed_where_its_side_rules_end() {
        // A row cut by a page break: rules at y = 0 and 20, side rules down to y = 40, none
        // under the second row. Side rules 2 pt past the last rule (a joint's overshoot) are not
        // an open row.
        let open = vec![
            h(0.0, 0.0, 100.0),
            h(20.0, 0.0, 100.0),
            v(0.0, 0.0, 40.0),
            v(50.0, 0.0, 40.0),
            v(100.0, 0.0, 40.0),
        ];
        let g = grids(&open, &Settings::default());
        assert_eq!(g[0].ys, vec![0.0, 20.0, 40.0]);
        assert_eq!(g[0].cells.len(), 4);
        let overshoot = vec![
            h(0.0, 0.0, 100.0),
            h(20.0, 0.0, 100.0),
            h(40.0, 0.0, 100.0),
            v(0.0, 0.0, 42.0),
            v(50.0, 0.0, 42.0),
            v(100.0, 0.0, 42.0),
        ];
        assert_eq!(
            grids(&overshoot, &Settings::default())[0].ys,
            vec![0.0, 20.0, 40.0]
        );
        // Side rules that stop at different places do not close a row.
        let ragged = vec![
            h(0.0, 0.0, 100.0),
            h(20.0, 0.0, 100.0),
            v(0.0, 0.0, 40.0),
            v(100.0, 0.0, 30.0),
        ];
        assert_eq!(grids(&ragged, &Settings::default()).len(), 0);
    }

    #[test]
    fn a_short_rule_touching_the_grid_adds_no_row() {
        // Two rows of two cells; an underline 20 pt long at y = 15 starts 1 pt from the middle
        // column rule, inside the top-right cell (too short to divide it).
        let edges = vec![
            h(0.0, 0.0, 100.0),
            h(20.0, 0.0, 100.0),
            h(40.0, 0.0, 100.0),
            v(0.0, 0.0, 40.0),
            v(50.0, 0.0, 40.0),
            v(100.0, 0.0, 40.0),
            h(15.0, 51.0, 71.0),
        ];
        let g = grids(&edges, &Settings::default());
        assert_eq!(g.len(), 1);
        assert_eq!(g[0].ys, vec![0.0, 20.0, 40.0]);
        assert_eq!(g[0].xs, vec![0.0, 50.0, 100.0]);
        assert_eq!(g[0].cells.len(), 4);
        assert!(g[0]
            .cells
            .iter()
            .all(|c| c.row_span == 1 && c.col_span == 1));
    }

    #[test]
    fn separate_tables_stay_separate_and_lone_boxes_are_not_tables() {
        let mut edges = vec![
            h(0.0, 0.0, 100.0),
            h(20.0, 0.0, 100.0),
            h(40.0, 0.0, 100.0),
            v(0.0, 0.0, 40.0),
            v(100.0, 0.0, 40.0),
        ];
        // A second table 100 pt lower.
        edges.extend([
            h(140.0, 0.0, 100.0),
            h(160.0, 0.0, 100.0),
            v(0.0, 140.0, 160.0),
            v(50.0, 140.0, 160.0),
            v(100.0, 140.0, 160.0),
        ]);
        // A lone box: one cell, not a table.
        edges.extend([
            h(300.0, 0.0, 10.0),
            h(310.0, 0.0, 10.0),
            v(0.0, 300.0, 310.0),
            v(10.0, 300.0, 310.0),
        ]);
        let g = grids(&edges, &Settings::default());
        assert_eq!(g.len(), 2);
        assert_eq!(
            g[0].bbox(),
            Rect {
                x0: 0.0,
                top: 0.0,
                x1: 100.0,
                bottom: 40.0
            }
        );
        assert_eq!(g[1].cells.len(), 2);
    }
}
