//! Tables ruled with one column rule: a two-column table whose only vertical border is the
//! one between its columns, with horizontal borders across its whole width over and under
//! each row (a Word key/value table: "inside vertical" and horizontal borders, none at the
//! sides). The grid finder asks for two vertical rules; here the horizontal rules that cross
//! the column rule and run on past it on both sides give the table's outer edges. A page
//! holding only part of a row taller than a page is such a table of one row: the rules Word
//! draws at the page break close it.

use super::grid::{Grid, GridCell};
use super::rules::{Edge, Orientation};
use super::Settings;

/// Grids of two columns, one per vertical edge that runs from one horizontal edge to another
/// and is crossed only by horizontal edges running on past it on both sides (by at least the
/// open-column length) to the same outer edges; none inside a grid already found (`found`).
pub(super) fn grids(edges: &[Edge], found: &[Grid], s: &Settings) -> Vec<Grid> {
    let tol = s.snap_tolerance;
    let verticals: Vec<&Edge> = edges
        .iter()
        .filter(|e| e.orientation == Orientation::Vertical)
        .collect();
    let mut out: Vec<Grid> = Vec::new();
    for v in &verticals {
        let inside = |g: &Grid| {
            let b = g.bbox();
            v.pos >= b.x0 - tol
                && v.pos <= b.x1 + tol
                && v.end >= b.top - tol
                && v.start <= b.bottom + tol
        };
        if found.iter().chain(out.iter()).any(inside) {
            continue;
        }
        // Any other vertical edge alongside it: a grid of more columns (or none) is not this.
        let alongside = verticals.iter().any(|o| {
            !std::ptr::eq(*o, *v)
                && o.start < v.end - tol
                && o.end > v.start + tol
                && (o.pos - v.pos).abs() > tol
        });
        if alongside {
            continue;
        }
        let crossing: Vec<&Edge> = edges
            .iter()
            .filter(|h| {
                h.orientation == Orientation::Horizontal
                    && h.pos >= v.start - tol
                    && h.pos <= v.end + tol
                    && h.start <= v.pos + tol
                    && h.end >= v.pos - tol
            })
            .collect();
        if let Some(g) = grid_of(v, &crossing, s) {
            out.push(g);
        }
    }
    out
}

/// The grid of column rule `v` and the horizontal edges crossing it, when every one runs on
/// past it on both sides to the same outer edges and one lies at each end of `v`.
fn grid_of(v: &Edge, crossing: &[&Edge], s: &Settings) -> Option<Grid> {
    let tol = s.snap_tolerance;
    let min = s.open_column_min;
    if crossing.len() < 2 {
        return None;
    }
    let x0 = crossing
        .iter()
        .map(|h| h.start)
        .fold(f64::INFINITY, f64::min);
    let x1 = crossing
        .iter()
        .map(|h| h.end)
        .fold(f64::NEG_INFINITY, f64::max);
    let spans_whole = crossing
        .iter()
        .all(|h| h.start - x0 <= tol && x1 - h.end <= tol);
    if !spans_whole || v.pos - x0 < min || x1 - v.pos < min {
        return None;
    }
    let mut ys: Vec<f64> = Vec::new();
    let mut pos: Vec<f64> = crossing.iter().map(|h| h.pos).collect();
    pos.sort_by(f64::total_cmp);
    for y in pos {
        match ys.last() {
            Some(&last) if y - last <= tol => {}
            _ => ys.push(y),
        }
    }
    let (&top, &bottom) = (ys.first()?, ys.last()?);
    if ys.len() < 2 || (v.start - top).abs() > tol || (v.end - bottom).abs() > tol {
        return None;
    }
    let cells = (0..ys.len() - 1)
        .flat_map(|row| {
            (0..2).map(move |col| GridCell {
                row,
                col,
                row_span: 1,
                col_span: 1,
            })
        })
        .collect();
    Some(Grid {
        xs: vec![x0, v.pos, x1],
        ys,
        cells,
        inner_rules: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_across_a_column_rule_make_two_columns() {
        let s = Settings::default();
        // Top, under the header, at the page foot; the column rule at x = 140 between them.
        let edges = [
            Edge::horizontal(208.0, 42.5, 553.0),
            Edge::horizontal(222.5, 42.5, 553.0),
            Edge::horizontal(775.0, 41.8, 553.0),
            Edge::vertical(140.0, 208.0, 775.0),
        ];
        let g = grids(&edges, &[], &s);
        assert_eq!(g.len(), 1);
        assert_eq!(g[0].xs, [41.8, 140.0, 553.0]);
        assert_eq!(g[0].ys, [208.0, 222.5, 775.0]);
        assert_eq!(g[0].cells.len(), 4);
    }

    #[test]
    fn a_rule_beside_text_or_among_other_columns_is_no_table() {
        let s = Settings::default();
        // The horizontal rules stop at the vertical one: a sidebar's edge, not a column rule.
        let beside = [
            Edge::horizontal(100.0, 140.0, 553.0),
            Edge::horizontal(700.0, 140.0, 553.0),
            Edge::vertical(140.0, 100.0, 700.0),
        ];
        assert!(grids(&beside, &[], &s).is_empty());
        // A second column rule alongside: the grid finder's table, not this one.
        let two = [
            Edge::horizontal(100.0, 40.0, 553.0),
            Edge::horizontal(700.0, 40.0, 553.0),
            Edge::vertical(140.0, 100.0, 700.0),
            Edge::vertical(300.0, 100.0, 700.0),
        ];
        assert!(grids(&two, &[], &s).is_empty());
    }
}
