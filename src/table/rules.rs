//! Rules → edges: keep horizontal and vertical rules, snap nearly equal positions together and
//! join collinear pieces.

use super::Settings;
use crate::pdf::PagePrimitives;

/// Which way an edge runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Orientation {
    /// Along x.
    Horizontal,
    /// Along y.
    Vertical,
}

/// An axis-aligned edge: at `pos` across its orientation, from `start` to `end` along it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Edge {
    /// Horizontal or vertical.
    pub orientation: Orientation,
    /// y of a horizontal edge, x of a vertical one.
    pub pos: f64,
    /// Smaller coordinate along the edge.
    pub start: f64,
    /// Larger coordinate along the edge.
    pub end: f64,
}

/// Rules within this (points) of axis-parallel count as horizontal or vertical.
const AXIS_TOLERANCE: f64 = 0.5;

/// The page's horizontal and vertical edges, snapped and joined. Near-white rules are skipped
/// (they are invisible on a white page).
pub fn edges(page: &PagePrimitives, s: &Settings) -> Vec<Edge> {
    let mut out = Vec::new();
    for r in &page.rules {
        if r.colour.is_some_and(|c| c.is_white()) {
            continue;
        }
        if r.is_horizontal(AXIS_TOLERANCE) {
            out.push(Edge {
                orientation: Orientation::Horizontal,
                pos: (r.p0.y + r.p1.y) / 2.0,
                start: r.p0.x.min(r.p1.x),
                end: r.p0.x.max(r.p1.x),
            });
        } else if r.is_vertical(AXIS_TOLERANCE) {
            out.push(Edge {
                orientation: Orientation::Vertical,
                pos: (r.p0.x + r.p1.x) / 2.0,
                start: r.p0.y.min(r.p1.y),
                end: r.p0.y.max(r.p1.y),
            });
        }
    }
    out.retain(|e| e.pos.is_finite() && e.start.is_finite() && e.end.is_finite());
    merge(out, s)
}

/// Snap and join edges of both orientations.
pub fn merge(edges: Vec<Edge>, s: &Settings) -> Vec<Edge> {
    let mut out = Vec::new();
    for o in [Orientation::Horizontal, Orientation::Vertical] {
        let mut group: Vec<Edge> = edges
            .iter()
            .filter(|e| e.orientation == o)
            .copied()
            .collect();
        snap(&mut group, s.snap_tolerance);
        out.extend(
            join(group, s.join_tolerance)
                .into_iter()
                .filter(|e| e.end - e.start >= s.min_rule_length),
        );
    }
    out
}

/// Move edges whose positions are within `tol` of their neighbour (in sorted order) to the
/// cluster's mean position.
pub fn snap(edges: &mut [Edge], tol: f64) {
    edges.sort_by(|a, b| a.pos.total_cmp(&b.pos));
    let mut i = 0;
    while i < edges.len() {
        let mut j = i + 1;
        while j < edges.len()
            && edges[j].pos - edges[j - 1].pos <= tol
            && edges[j].pos - edges[i].pos <= 2.0 * tol
        {
            j += 1;
        }
        let mean = edges[i..j].iter().map(|e| e.pos).sum::<f64>() / (j - i) as f64;
        for e in &mut edges[i..j] {
            e.pos = mean;
        }
        i = j;
    }
}

/// Join collinear edges (same position after snapping) whose gaps are at most `tol`.
pub fn join(mut edges: Vec<Edge>, tol: f64) -> Vec<Edge> {
    edges.sort_by(|a, b| a.pos.total_cmp(&b.pos).then(a.start.total_cmp(&b.start)));
    let mut out: Vec<Edge> = Vec::with_capacity(edges.len());
    for e in edges {
        match out.last_mut() {
            Some(last) if last.pos == e.pos && e.start <= last.end + tol => {
                last.end = last.end.max(e.end)
            }
            _ => out.push(e),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(pos: f64, start: f64, end: f64) -> Edge {
        Edge {
            orientation: Orientation::Horizontal,
            pos,
            start,
            end,
        }
    }

    #[test]
    fn snaps_then_joins() {
        // Two pieces of one rule drawn 0.5 pt apart with a 2 pt gap, and a separate rule 20 pt below.
        let merged = merge(
            vec![
                h(100.0, 0.0, 50.0),
                h(100.5, 52.0, 90.0),
                h(120.0, 0.0, 90.0),
            ],
            &Settings::default(),
        );
        assert_eq!(merged.len(), 2);
        assert_eq!(merged[0], h(100.25, 0.0, 90.0));
        assert_eq!(merged[1], h(120.0, 0.0, 90.0));
    }

    #[test]
    fn short_edges_are_dropped_and_far_gaps_kept() {
        let merged = merge(
            vec![h(10.0, 0.0, 2.0), h(50.0, 0.0, 10.0), h(50.0, 20.0, 30.0)],
            &Settings::default(),
        );
        assert_eq!(merged, vec![h(50.0, 0.0, 10.0), h(50.0, 20.0, 30.0)]);
    }
}
