//! The reading frame: a rotation of the displayed frame in which text of one direction runs
//! left to right, top to bottom.

use crate::geom::{Pt, Rect};
use crate::pdf::Direction;

/// Displayed frame → reading frame for text running in `d`.
pub fn to_reading(d: Direction, p: Pt) -> Pt {
    match d {
        Direction::Ltr => p,
        Direction::Ttb => Pt::new(p.y, -p.x),
        Direction::Rtl => Pt::new(-p.x, -p.y),
        Direction::Btt => Pt::new(-p.y, p.x),
    }
}

/// Reading frame → displayed frame (the inverse of [`to_reading`]).
pub fn to_display(d: Direction, p: Pt) -> Pt {
    match d {
        Direction::Ltr => p,
        Direction::Ttb => Pt::new(-p.y, p.x),
        Direction::Rtl => Pt::new(-p.x, -p.y),
        Direction::Btt => Pt::new(p.y, -p.x),
    }
}

/// A box through a frame change (boxes stay axis-aligned under quarter turns).
pub fn rect_with(f: fn(Direction, Pt) -> Pt, d: Direction, r: Rect) -> Rect {
    let a = f(d, Pt::new(r.x0, r.top));
    let b = f(d, Pt::new(r.x1, r.bottom));
    Rect::from_corners(a, b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_every_direction() {
        let p = Pt::new(12.0, -3.5);
        for d in [
            Direction::Ltr,
            Direction::Ttb,
            Direction::Rtl,
            Direction::Btt,
        ] {
            assert_eq!(to_display(d, to_reading(d, p)), p, "{d:?}");
        }
        // Text running down the page (90° clockwise) runs left to right in its reading frame:
        // a later glyph has a larger display y, so a larger reading x.
        assert!(
            to_reading(Direction::Ttb, Pt::new(0.0, 20.0)).x
                > to_reading(Direction::Ttb, Pt::new(0.0, 10.0)).x
        );
    }
}
