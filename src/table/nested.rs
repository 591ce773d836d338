//! A table nested in a cell of another (Word's and Writer's "insert table" inside a cell): its
//! rules touch the outer cell's (its right or bottom rule lies within the snap tolerance of
//! the cell's), so they join the outer table's group of edges and would cut the outer table
//! into extra columns and rows. A careful reader sees one cell holding a small table: the
//! outer table keeps its rows and columns, and the inner table's text stays in the outer cell,
//! its rows as lines.
//!
//! A nested table shows as a free top-left corner: a horizontal rule and a vertical rule that
//! start at each other, with the outer cell's left rule (running on above the corner) further
//! left and the outer cell's top rule (running on past the corner on both sides) further up,
//! each by more than the snap tolerance: the cell's padding. A double frame drawn round a
//! whole table has such a corner too; what it encloses is most of the group, so an inner box
//! over more than `nested_max_share` of the group's box is no nested table.

use super::rules::{Edge, Orientation};
use super::Settings;

/// A group of edges parted into its own and those of the tables nested in its cells.
#[derive(Debug, Default, PartialEq)]
pub(super) struct Parted {
    /// The outer table's edges.
    pub outer: Vec<Edge>,
    /// The horizontal rules of the nested tables: each starts a new line of the outer cell.
    pub inner_rules: Vec<Edge>,
}

/// `group` parted into the outer table's edges and the nested tables' row rules.
pub(super) fn part(group: Vec<Edge>, s: &Settings) -> Parted {
    let Some(whole) = extent(&group) else {
        return Parted {
            outer: group,
            inner_rules: Vec::new(),
        };
    };
    let blocks: Vec<[f64; 4]> = group
        .iter()
        .filter(|t| t.orientation == Orientation::Horizontal)
        .filter_map(|t| nested_block(&group, t, s))
        .filter(|b| area(b) <= s.nested_max_share * area(&whole))
        .collect();
    if blocks.is_empty() {
        return Parted {
            outer: group,
            inner_rules: Vec::new(),
        };
    }
    let tol = s.snap_tolerance;
    let (inner, outer): (Vec<Edge>, Vec<Edge>) = group
        .into_iter()
        .partition(|e| blocks.iter().any(|b| inside(e, b, tol)));
    let inner_rules = inner
        .into_iter()
        .filter(|e| e.orientation == Orientation::Horizontal)
        .collect();
    Parted { outer, inner_rules }
}

/// The box `[x0, top, x1, bottom]` of the table whose top rule is `t`, when `t`'s left end is
/// a free corner inside a cell of `group` (see the module docs).
fn nested_block(group: &[Edge], t: &Edge, s: &Settings) -> Option<[f64; 4]> {
    let tol = s.snap_tolerance;
    let verticals = || {
        group
            .iter()
            .filter(|e| e.orientation == Orientation::Vertical)
    };
    // The inner table's left rule: starts at `t` and at `t`'s left end, runs down.
    let left = verticals().find(|v| {
        (v.pos - t.start).abs() <= tol && (v.start - t.pos).abs() <= tol && v.end > t.pos + tol
    })?;
    // The outer cell's left rule: further left than the padding, running on above the corner
    // and down past it.
    let cell_left = verticals()
        .filter(|v| v.pos < left.pos - tol && v.start < t.pos - tol && v.end > t.pos + tol)
        .map(|v| v.pos)
        .fold(f64::NEG_INFINITY, f64::max);
    if !cell_left.is_finite() {
        return None;
    }
    // The outer cell's top rule: further up than the padding, across the corner and past the
    // inner table's right end, with no rule between it and `t` across the corner.
    let above = group.iter().filter(|h| {
        h.orientation == Orientation::Horizontal
            && h.pos < t.pos - tol
            && h.start <= cell_left + tol
            && h.end >= t.end - tol
    });
    let cell_top = above.map(|h| h.pos).fold(f64::NEG_INFINITY, f64::max);
    let between = group.iter().any(|h| {
        h.orientation == Orientation::Horizontal
            && h.pos > cell_top + tol
            && h.pos < t.pos - tol
            && h.start <= left.pos + tol
            && h.end >= left.pos - tol
    });
    (cell_top.is_finite() && !between).then_some([t.start, t.pos, t.end, left.end])
}

/// Whether edge `e` lies within block `b` (grown by `tol`).
fn inside(e: &Edge, b: &[f64; 4], tol: f64) -> bool {
    let [x0, top, x1, bottom] = *b;
    let within = |v: f64, lo: f64, hi: f64| v >= lo - tol && v <= hi + tol;
    match e.orientation {
        Orientation::Horizontal => {
            within(e.pos, top, bottom) && within(e.start, x0, x1) && within(e.end, x0, x1)
        }
        Orientation::Vertical => {
            within(e.pos, x0, x1) && within(e.start, top, bottom) && within(e.end, top, bottom)
        }
    }
}

/// The box round every edge of `group`.
fn extent(group: &[Edge]) -> Option<[f64; 4]> {
    group
        .iter()
        .map(|e| match e.orientation {
            Orientation::Horizontal => [e.start, e.pos, e.end, e.pos],
            Orientation::Vertical => [e.pos, e.start, e.pos, e.end],
        })
        .reduce(|a, b| {
            [
                a[0].min(b[0]),
                a[1].min(b[1]),
                a[2].max(b[2]),
                a[3].max(b[3]),
            ]
        })
}

fn area(b: &[f64; 4]) -> f64 {
    (b[2] - b[0]).max(0.0) * (b[3] - b[1]).max(0.0)
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

    /// A 3-column table 0..300 x 0..90 (rows at 30, 60) whose last cell of row 2 holds a 2 x 2
    /// table inset 6 pt from its left and top, its right and bottom rules 2 pt inside the cell's.
    fn outer_with_inner() -> Vec<Edge> {
        vec![
            h(0.0, 0.0, 300.0),
            h(30.0, 0.0, 300.0),
            h(60.0, 0.0, 300.0),
            h(90.0, 0.0, 300.0),
            v(0.0, 0.0, 90.0),
            v(100.0, 0.0, 90.0),
            v(200.0, 0.0, 90.0),
            v(300.0, 0.0, 90.0),
            // The inner table.
            h(36.0, 206.0, 298.0),
            h(47.0, 206.0, 298.0),
            h(58.0, 206.0, 298.0),
            v(206.0, 36.0, 58.0),
            v(250.0, 36.0, 58.0),
            v(298.0, 36.0, 58.0),
        ]
    }

    #[test]
    fn a_table_in_a_cell_is_left_out() {
        let got = part(outer_with_inner(), &Settings::default());
        assert_eq!(got.outer, outer_with_inner()[..8].to_vec());
        assert_eq!(got.inner_rules, outer_with_inner()[8..11].to_vec());
    }

    #[test]
    fn merged_header_cells_and_a_double_frame_are_kept() {
        // A header spanning columns 2-3 over two sub-headers: the rule under it starts at a
        // column rule that runs on above it, so no corner is free.
        let header = vec![
            h(0.0, 0.0, 300.0),
            h(15.0, 100.0, 300.0),
            h(30.0, 0.0, 300.0),
            h(60.0, 0.0, 300.0),
            v(0.0, 0.0, 60.0),
            v(100.0, 0.0, 60.0),
            v(200.0, 15.0, 60.0),
            v(300.0, 0.0, 60.0),
        ];
        assert_eq!(part(header.clone(), &Settings::default()).outer, header);
        // A frame drawn 5 pt outside a whole table: the table is no nested one.
        let mut framed = outer_with_inner()[..8].to_vec();
        framed.extend([h(-5.0, -5.0, 305.0), h(95.0, -5.0, 305.0)]);
        framed.extend([v(-5.0, -5.0, 95.0), v(305.0, -5.0, 95.0)]);
        assert_eq!(part(framed.clone(), &Settings::default()).outer, framed);
    }
}
