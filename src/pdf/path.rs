//! The current path (8.5.2), kept in the displayed page frame, and what painting it yields.

use super::types::FillShape;
use crate::geom::{Pt, Rect};

/// Coordinates closer than this are the same vertex when recognising rectangles (points).
const VERTEX_EPSILON: f64 = 0.01;

/// When naming a filled figure: a straight piece shorter than this fraction of the figure's
/// smaller side is a joint between curves (producers close circles with a tiny line), and a
/// corner within this fraction of a side's middle touches it (a diamond's corners).
const FIGURE_SLACK: f64 = 0.1;

/// One segment of a subpath.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Segment {
    /// A straight line.
    Line(Pt, Pt),
    /// A cubic Bézier curve: start, two control points, end.
    Curve(Pt, Pt, Pt, Pt),
}

/// A subpath: connected segments from one `m` (or `re`) to the next.
#[derive(Debug, Clone, Default)]
pub struct Subpath {
    /// Where it starts.
    pub start: Pt,
    /// Its segments in order.
    pub segments: Vec<Segment>,
    /// Closed by `h`, `s`, `b`, or `re`.
    pub closed: bool,
}

impl Subpath {
    /// The closing segment back to the start, when the subpath is closed and does not already
    /// end there.
    pub fn closing_segment(&self) -> Option<Segment> {
        let end = self.end()?;
        (self.closed && !same(end, self.start)).then_some(Segment::Line(end, self.start))
    }

    fn end(&self) -> Option<Pt> {
        self.segments.last().map(|s| match s {
            Segment::Line(_, b) | Segment::Curve(_, _, _, b) => *b,
        })
    }

    /// Every point of the subpath, control points included (a conservative outline).
    pub fn points(&self) -> impl Iterator<Item = Pt> + '_ {
        std::iter::once(self.start).chain(self.segments.iter().flat_map(|s| match *s {
            Segment::Line(a, b) => vec![a, b],
            Segment::Curve(a, c1, c2, b) => vec![a, c1, c2, b],
        }))
    }

    /// The bounding box of all its points.
    pub fn bbox(&self) -> Option<Rect> {
        Rect::bounding(self.points())
    }

    /// The rectangle this subpath draws, if it is an axis-aligned rectangle made of lines.
    pub fn as_axis_rect(&self) -> Option<Rect> {
        let mut vertices: Vec<Pt> = vec![self.start];
        for s in &self.segments {
            match s {
                Segment::Line(_, b) => {
                    if vertices.last().is_none_or(|last| !same(*last, *b)) {
                        vertices.push(*b);
                    }
                }
                Segment::Curve(..) => return None,
            }
        }
        if vertices.len() == 5 && same(vertices[0], vertices[4]) {
            vertices.pop();
        }
        if vertices.len() != 4 {
            return None;
        }
        let axis =
            |a: Pt, b: Pt| (a.x - b.x).abs() < VERTEX_EPSILON || (a.y - b.y).abs() < VERTEX_EPSILON;
        let ok = (0..4).all(|i| axis(vertices[i], vertices[(i + 1) % 4]));
        ok.then(|| Rect::bounding(vertices.iter().copied()))
            .flatten()
    }
}

impl Subpath {
    /// The figure this subpath fills when it is not an axis-aligned rectangle: an ellipse
    /// (curves only, save joints shorter than [`FIGURE_SLACK`] of its size), a triangle (three
    /// straight sides), a diamond (four straight sides with their corners at the middles of the
    /// bounding box's sides), else any path. RAG symbols are drawn as such small figures.
    pub fn figure(&self) -> FillShape {
        let Some(b) = self.bbox().filter(|b| b.width() > 0.0 && b.height() > 0.0) else {
            return FillShape::Path;
        };
        let slack = FIGURE_SLACK * b.width().min(b.height());
        let segments: Vec<Segment> = self
            .segments
            .iter()
            .copied()
            .chain(self.closing_segment())
            .collect();
        let curves = segments
            .iter()
            .filter(|s| matches!(s, Segment::Curve(..)))
            .count();
        if curves > 0 {
            let joint = |s: &Segment| match *s {
                Segment::Line(a, b) => (a.x - b.x).hypot(a.y - b.y) < slack,
                Segment::Curve(..) => true,
            };
            return if curves >= 2 && segments.iter().all(joint) {
                FillShape::Ellipse
            } else {
                FillShape::Path
            };
        }
        let mut corners: Vec<Pt> = vec![self.start];
        for s in &segments {
            if let Segment::Line(_, p) = *s {
                if corners.last().is_none_or(|last| !same(*last, p)) {
                    corners.push(p);
                }
            }
        }
        if corners.len() > 1
            && corners
                .first()
                .zip(corners.last())
                .is_some_and(|(a, z)| same(*a, *z))
        {
            corners.pop();
        }
        let c = b.centre();
        let mid_side = |p: &Pt| {
            let near = |u: f64, v: f64, size: f64| (u - v).abs() <= FIGURE_SLACK * size;
            let (w, h) = (b.width(), b.height());
            (near(p.x, c.x, w) && (near(p.y, b.top, h) || near(p.y, b.bottom, h)))
                || (near(p.y, c.y, h) && (near(p.x, b.x0, w) || near(p.x, b.x1, w)))
        };
        match corners.len() {
            3 => FillShape::Triangle,
            4 if corners.iter().all(mid_side) => FillShape::Diamond,
            _ => FillShape::Path,
        }
    }
}

fn same(a: Pt, b: Pt) -> bool {
    (a.x - b.x).abs() < VERTEX_EPSILON && (a.y - b.y).abs() < VERTEX_EPSILON
}

/// The path under construction.
#[derive(Debug, Clone, Default)]
pub struct Path {
    /// Finished and open subpaths, in order.
    pub subpaths: Vec<Subpath>,
    current: Option<Pt>,
}

impl Path {
    /// `m`: start a new subpath.
    pub fn move_to(&mut self, p: Pt) {
        self.subpaths.push(Subpath {
            start: p,
            segments: Vec::new(),
            closed: false,
        });
        self.current = Some(p);
    }

    /// `l`: a line from the current point; ignored without one (8.5.2.1).
    pub fn line_to(&mut self, p: Pt) -> bool {
        let Some(from) = self.current else {
            return false;
        };
        if let Some(sp) = self.subpaths.last_mut() {
            sp.segments.push(Segment::Line(from, p));
        }
        self.current = Some(p);
        true
    }

    /// `c`, `v`, `y`: a curve from the current point.
    pub fn curve_to(&mut self, c1: Option<Pt>, c2: Option<Pt>, p: Pt) -> bool {
        let Some(from) = self.current else {
            return false;
        };
        if let Some(sp) = self.subpaths.last_mut() {
            sp.segments
                .push(Segment::Curve(from, c1.unwrap_or(from), c2.unwrap_or(p), p));
        }
        self.current = Some(p);
        true
    }

    /// `h`: close the current subpath.
    pub fn close(&mut self) {
        if let Some(sp) = self.subpaths.last_mut() {
            sp.closed = true;
            self.current = Some(sp.start);
        }
    }

    /// `re`: a closed rectangle given by its four corners in order.
    pub fn rect(&mut self, corners: [Pt; 4]) {
        let [a, b, c, d] = corners;
        self.subpaths.push(Subpath {
            start: a,
            segments: vec![
                Segment::Line(a, b),
                Segment::Line(b, c),
                Segment::Line(c, d),
                Segment::Line(d, a),
            ],
            closed: true,
        });
        self.current = Some(a);
    }

    /// Total segments, for the per-page budget.
    pub fn segment_count(&self) -> usize {
        self.subpaths.iter().map(|s| s.segments.len() + 1).sum()
    }

    /// Forget the path (after painting or `n`).
    pub fn clear(&mut self) {
        self.subpaths.clear();
        self.current = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_rectangles_drawn_with_lines() {
        let mut p = Path::default();
        p.move_to(Pt::new(10.0, 10.0));
        p.line_to(Pt::new(20.0, 10.0));
        p.line_to(Pt::new(20.0, 30.0));
        p.line_to(Pt::new(10.0, 30.0));
        p.close();
        let r = p.subpaths[0].as_axis_rect();
        assert_eq!(
            r,
            Some(Rect {
                x0: 10.0,
                top: 10.0,
                x1: 20.0,
                bottom: 30.0
            })
        );
        // A triangle is not a rectangle.
        let mut t = Path::default();
        t.move_to(Pt::new(0.0, 0.0));
        t.line_to(Pt::new(10.0, 0.0));
        t.line_to(Pt::new(5.0, 8.0));
        t.close();
        assert_eq!(t.subpaths[0].as_axis_rect(), None);
    }

    #[test]
    fn names_the_figures_rag_symbols_are_drawn_as() {
        let k = 0.5523 * 5.0;
        let mut circle = Path::default();
        circle.move_to(Pt::new(10.0, 5.0));
        circle.curve_to(
            Some(Pt::new(10.0, 5.0 + k)),
            Some(Pt::new(5.0 + k, 10.0)),
            Pt::new(5.0, 10.0),
        );
        circle.curve_to(
            Some(Pt::new(5.0 - k, 10.0)),
            Some(Pt::new(0.0, 5.0 + k)),
            Pt::new(0.0, 5.0),
        );
        circle.curve_to(
            Some(Pt::new(0.0, 5.0 - k)),
            Some(Pt::new(5.0 - k, 0.0)),
            Pt::new(5.0, 0.0),
        );
        circle.curve_to(
            Some(Pt::new(5.0 + k, 0.0)),
            Some(Pt::new(10.0, 5.0 - k)),
            Pt::new(10.0, 5.0),
        );
        circle.close();
        assert_eq!(circle.subpaths[0].figure(), FillShape::Ellipse);
        let polygon = |pts: &[(f64, f64)]| {
            let mut p = Path::default();
            p.move_to(Pt::new(pts[0].0, pts[0].1));
            for &(x, y) in &pts[1..] {
                p.line_to(Pt::new(x, y));
            }
            p.close();
            p.subpaths[0].figure()
        };
        assert_eq!(
            polygon(&[(5.0, 0.0), (10.0, 10.0), (0.0, 10.0)]),
            FillShape::Triangle
        );
        assert_eq!(
            polygon(&[(5.0, 0.0), (10.0, 5.0), (5.0, 10.0), (0.0, 5.0)]),
            FillShape::Diamond
        );
        // A quadrilateral that is no diamond, and a rounded rectangle (long straight sides).
        assert_eq!(
            polygon(&[(0.0, 0.0), (10.0, 2.0), (8.0, 10.0), (1.0, 7.0)]),
            FillShape::Path
        );
        let mut pill = Path::default();
        pill.move_to(Pt::new(5.0, 0.0));
        pill.line_to(Pt::new(45.0, 0.0));
        pill.curve_to(None, None, Pt::new(45.0, 10.0));
        pill.line_to(Pt::new(5.0, 10.0));
        pill.curve_to(None, None, Pt::new(5.0, 0.0));
        pill.close();
        assert_eq!(pill.subpaths[0].figure(), FillShape::Path);
    }

    #[test]
    fn line_without_current_point_is_ignored() {
        let mut p = Path::default();
        assert!(!p.line_to(Pt::new(1.0, 1.0)));
        assert!(p.subpaths.is_empty());
    }
}
