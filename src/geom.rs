//! Geometry shared by every stage.
//!
//! # The coordinate frame
//!
//! Every coordinate boardpaper emits is in the **displayed page frame**: units are PDF points
//! (1/72 inch), the origin is the top-left corner of the page as a viewer shows it (after the
//! page's `/CropBox` and `/Rotate` are applied), x grows to the right and y grows **down**.
//! A [`Rect`] is therefore `x0 <= x1` left to right and `top <= bottom` top to bottom.
//!
//! Inside the `pdf` stage, PDF user space (origin bottom-left, y up) is mapped into this frame
//! once, by the page matrix; nothing downstream ever sees PDF user space.

use serde::{Deserialize, Serialize};

/// The direction a glyph's baseline runs on the displayed page, in steps of 90° clockwise:
/// 0 is ordinary left-to-right text, 90 runs top to bottom, 180 is upside down, 270 runs
/// bottom to top.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(into = "u16")]
pub enum Direction {
    /// Left to right.
    #[default]
    Ltr,
    /// Top to bottom (rotated 90° clockwise).
    Ttb,
    /// Right to left, upside down (rotated 180°).
    Rtl,
    /// Bottom to top (rotated 270° clockwise).
    Btt,
}

impl From<Direction> for u16 {
    fn from(d: Direction) -> u16 {
        match d {
            Direction::Ltr => 0,
            Direction::Ttb => 90,
            Direction::Rtl => 180,
            Direction::Btt => 270,
        }
    }
}

impl Direction {
    /// The direction of a baseline vector `(dx, dy)` in the displayed frame, to the nearest 90°.
    pub fn of_vector(dx: f64, dy: f64) -> Direction {
        if dx.abs() >= dy.abs() {
            if dx >= 0.0 {
                Direction::Ltr
            } else {
                Direction::Rtl
            }
        } else if dy > 0.0 {
            Direction::Ttb
        } else {
            Direction::Btt
        }
    }
}

/// A point in the displayed page frame (points, origin top-left, y down).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Pt {
    /// Distance from the left edge, in points.
    pub x: f64,
    /// Distance from the top edge, in points.
    pub y: f64,
}

impl Pt {
    /// A point from its coordinates.
    pub const fn new(x: f64, y: f64) -> Self {
        Pt { x, y }
    }
}

/// An axis-aligned box in the displayed page frame: `x0 <= x1`, `top <= bottom`.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Rect {
    /// Left edge.
    pub x0: f64,
    /// Top edge (smaller y).
    pub top: f64,
    /// Right edge.
    pub x1: f64,
    /// Bottom edge (larger y).
    pub bottom: f64,
}

impl Rect {
    /// A box from two opposite corners given in any order.
    pub fn from_corners(a: Pt, b: Pt) -> Self {
        Rect {
            x0: a.x.min(b.x),
            top: a.y.min(b.y),
            x1: a.x.max(b.x),
            bottom: a.y.max(b.y),
        }
    }

    /// The smallest box holding all `points`; `None` when there are none.
    pub fn bounding(points: impl IntoIterator<Item = Pt>) -> Option<Self> {
        let mut it = points.into_iter();
        let first = it.next()?;
        let mut r = Rect::from_corners(first, first);
        for p in it {
            r.x0 = r.x0.min(p.x);
            r.x1 = r.x1.max(p.x);
            r.top = r.top.min(p.y);
            r.bottom = r.bottom.max(p.y);
        }
        Some(r)
    }

    /// Width in points.
    pub fn width(&self) -> f64 {
        self.x1 - self.x0
    }

    /// Height in points.
    pub fn height(&self) -> f64 {
        self.bottom - self.top
    }

    /// Area in square points.
    pub fn area(&self) -> f64 {
        self.width().max(0.0) * self.height().max(0.0)
    }

    /// The centre point.
    pub fn centre(&self) -> Pt {
        Pt::new((self.x0 + self.x1) / 2.0, (self.top + self.bottom) / 2.0)
    }

    /// The smallest box holding both.
    pub fn union(&self, other: &Rect) -> Rect {
        Rect {
            x0: self.x0.min(other.x0),
            top: self.top.min(other.top),
            x1: self.x1.max(other.x1),
            bottom: self.bottom.max(other.bottom),
        }
    }

    /// The overlap of both boxes, or `None` when they do not overlap with positive area.
    pub fn intersection(&self, other: &Rect) -> Option<Rect> {
        let r = Rect {
            x0: self.x0.max(other.x0),
            top: self.top.max(other.top),
            x1: self.x1.min(other.x1),
            bottom: self.bottom.min(other.bottom),
        };
        (r.x0 < r.x1 && r.top < r.bottom).then_some(r)
    }

    /// Whether `p` lies inside or on the edge of this box, grown by `tol` on every side.
    pub fn contains(&self, p: Pt, tol: f64) -> bool {
        p.x >= self.x0 - tol
            && p.x <= self.x1 + tol
            && p.y >= self.top - tol
            && p.y <= self.bottom + tol
    }

    /// `[x0, top, x1, bottom]` rounded to 0.01 pt, the form every JSON output uses.
    pub fn to_array(&self) -> [f64; 4] {
        [
            round2(self.x0),
            round2(self.top),
            round2(self.x1),
            round2(self.bottom),
        ]
    }

    /// Whether all four coordinates are finite numbers.
    pub fn is_finite(&self) -> bool {
        self.x0.is_finite()
            && self.x1.is_finite()
            && self.top.is_finite()
            && self.bottom.is_finite()
    }
}

impl Serialize for Rect {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.to_array().serialize(s)
    }
}

impl<'de> Deserialize<'de> for Rect {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let [x0, top, x1, bottom] = <[f64; 4]>::deserialize(d)?;
        Ok(Rect {
            x0,
            top,
            x1,
            bottom,
        })
    }
}

/// Round to two decimals (0.01 pt is far below any tolerance we use).
pub fn round2(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

/// An affine transform in PDF's convention (ISO 32000-1, 8.3.4): `[a b c d e f]` maps
/// `(x, y)` to `(a·x + c·y + e, b·x + d·y + f)`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Matrix {
    /// Row 1, column 1.
    pub a: f64,
    /// Row 1, column 2.
    pub b: f64,
    /// Row 2, column 1.
    pub c: f64,
    /// Row 2, column 2.
    pub d: f64,
    /// Translation x.
    pub e: f64,
    /// Translation y.
    pub f: f64,
}

impl Default for Matrix {
    fn default() -> Self {
        Matrix::IDENTITY
    }
}

impl Matrix {
    /// The identity transform.
    pub const IDENTITY: Matrix = Matrix {
        a: 1.0,
        b: 0.0,
        c: 0.0,
        d: 1.0,
        e: 0.0,
        f: 0.0,
    };

    /// A matrix from its six numbers in PDF order.
    pub const fn new(a: f64, b: f64, c: f64, d: f64, e: f64, f: f64) -> Self {
        Matrix { a, b, c, d, e, f }
    }

    /// A translation.
    pub const fn translate(e: f64, f: f64) -> Self {
        Matrix::new(1.0, 0.0, 0.0, 1.0, e, f)
    }

    /// A scaling.
    pub const fn scale(sx: f64, sy: f64) -> Self {
        Matrix::new(sx, 0.0, 0.0, sy, 0.0, 0.0)
    }

    /// The transform that applies `self` first and then `next`
    /// (PDF writes this product as `self × next`).
    pub fn then(&self, next: &Matrix) -> Matrix {
        Matrix {
            a: self.a * next.a + self.b * next.c,
            b: self.a * next.b + self.b * next.d,
            c: self.c * next.a + self.d * next.c,
            d: self.c * next.b + self.d * next.d,
            e: self.e * next.a + self.f * next.c + next.e,
            f: self.e * next.b + self.f * next.d + next.f,
        }
    }

    /// Apply the transform to a point.
    pub fn apply(&self, x: f64, y: f64) -> Pt {
        Pt::new(
            self.a * x + self.c * y + self.e,
            self.b * x + self.d * y + self.f,
        )
    }

    /// How much the transform scales lengths along a line at 45°; used for line widths and
    /// font sizes (the geometric mean of the axis scales, `sqrt(|det|)`).
    pub fn mean_scale(&self) -> f64 {
        (self.a * self.d - self.b * self.c).abs().sqrt()
    }

    /// Whether all six numbers are finite.
    pub fn is_finite(&self) -> bool {
        [self.a, self.b, self.c, self.d, self.e, self.f]
            .iter()
            .all(|v| v.is_finite())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn then_applies_left_first() {
        // Scale by 2, then move right by 10: (1, 1) -> (2, 2) -> (12, 2).
        let m = Matrix::scale(2.0, 2.0).then(&Matrix::translate(10.0, 0.0));
        assert_eq!(m.apply(1.0, 1.0), Pt::new(12.0, 2.0));
        // The other order: (1, 1) -> (11, 1) -> (22, 2).
        let m = Matrix::translate(10.0, 0.0).then(&Matrix::scale(2.0, 2.0));
        assert_eq!(m.apply(1.0, 1.0), Pt::new(22.0, 2.0));
    }

    #[test]
    fn rect_intersection_and_union() {
        let a = Rect {
            x0: 0.0,
            top: 0.0,
            x1: 10.0,
            bottom: 10.0,
        };
        let b = Rect {
            x0: 5.0,
            top: 5.0,
            x1: 20.0,
            bottom: 8.0,
        };
        assert_eq!(
            a.intersection(&b),
            Some(Rect {
                x0: 5.0,
                top: 5.0,
                x1: 10.0,
                bottom: 8.0
            })
        );
        assert_eq!(
            a.union(&b),
            Rect {
                x0: 0.0,
                top: 0.0,
                x1: 20.0,
                bottom: 10.0
            }
        );
        let c = Rect {
            x0: 10.0,
            top: 0.0,
            x1: 12.0,
            bottom: 1.0,
        };
        assert_eq!(a.intersection(&c), None, "touching edges have no area");
    }
}
