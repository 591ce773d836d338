//! **A fill through a pattern whose tile is one big image.** Chromium prints a CSS
//! `linear-gradient` cell background as a tiling pattern whose tile holds one image the size
//! of the printable area, and fills the cell's rectangle with it: the cell shows only the part
//! of the image under it. That part is read ([`image_colour::region`]): when its pixels lie
//! within the one-colour tolerance of each other, the rectangle is filled with the middle of
//! their range, as a gentle gradient drawn by a shading is. A rectangle that crosses from one
//! tile into the next, an image drawn turned or skewed, and a translucent fill are not read.
//! An image over [`crate::pdf::limits::Limits::image_region_pixels`] is not decoded; the page
//! says so once.

use super::Interpreter;
use crate::geom::{Matrix, Rect};
use crate::pdf::error::WarningKind;
use crate::pdf::image_colour::{self, Region, UnitWindow};
use crate::pdf::pattern;
use crate::pdf::types::Colour;
use crate::tolerance::THIN_FILL_MAX;

/// How far (pattern units, about a pixel) a rectangle may stick out of its tile and still be
/// read within it: producers round the tile and the cell separately.
const TILE_EDGE_SLACK: f64 = 1.0;

impl Interpreter<'_> {
    /// The colour the fill pattern in force shows in the path being filled, when that is one
    /// upright rectangle over one big image (see the module documentation).
    pub(super) fn pattern_image_colour(&mut self) -> Option<Colour> {
        let pattern = self.gs.fill.pattern?;
        let [sp] = self.path.subpaths.as_slice() else {
            return None;
        };
        let r = sp.as_axis_rect()?;
        if r.width().min(r.height()) < THIN_FILL_MAX || !self.gs.fill_alpha.is_opaque() {
            return None;
        }
        let object = self.doc.get_object(pattern.id).ok()?;
        let tile = pattern::tile_image(self.doc, object, self.limits)?;
        let to_page = tile.image_matrix.then(&tile.matrix).then(&pattern.base);
        if !upright(&to_page) {
            return None;
        }
        let in_pattern = through(&invert(&tile.matrix.then(&pattern.base))?, &r)?;
        let shifted = into_tile(in_pattern, &tile.tile, tile.step)?;
        let unit = through(&invert(&tile.image_matrix)?, &shifted)?;
        // In `unit`, `top` is the smaller v and `bottom` the larger (Rect's y runs down).
        let window = UnitWindow {
            u0: unit.x0,
            u1: unit.x1,
            v0: unit.top,
            v1: unit.bottom,
        };
        match image_colour::region(
            self.doc,
            tile.image,
            tile.colour_spaces,
            self.limits,
            window,
        ) {
            Region::Colour(colour, bytes) => {
                if let Err(e) = self.budget.charge_bytes(bytes) {
                    self.fatal(e);
                    return None;
                }
                Some(colour)
            }
            Region::TooBig { pixels } => {
                if !std::mem::replace(&mut self.big_pattern_image, true) {
                    self.warn(WarningKind::ContentUnreadable {
                        reason: format!(
                            "a pattern image of {pixels} pixels (over {}) was not read for the colour of the areas filled with it",
                            self.limits.image_region_pixels
                        ),
                    });
                }
                None
            }
            Region::None => None,
        }
    }
}

/// The box `m` takes `r` to.
fn through(m: &Matrix, r: &Rect) -> Option<Rect> {
    let corners = [
        (r.x0, r.top),
        (r.x1, r.top),
        (r.x0, r.bottom),
        (r.x1, r.bottom),
    ];
    Rect::bounding(corners.map(|(x, y)| m.apply(x, y))).filter(|b| b.is_finite())
}

/// Whether `m` keeps rectangles upright (no turn but by quarter turns, no skew).
fn upright(m: &Matrix) -> bool {
    (m.b == 0.0 && m.c == 0.0) || (m.a == 0.0 && m.d == 0.0)
}

/// The inverse of `m`, when it has one.
fn invert(m: &Matrix) -> Option<Matrix> {
    let det = m.a * m.d - m.b * m.c;
    if det == 0.0 || !det.is_finite() {
        return None;
    }
    let inv = Matrix::new(
        m.d / det,
        -m.b / det,
        -m.c / det,
        m.a / det,
        (m.c * m.f - m.d * m.e) / det,
        (m.b * m.e - m.a * m.f) / det,
    );
    inv.is_finite().then_some(inv)
}

/// `r` (pattern space) moved by whole steps into the tile at the origin, when it lies within
/// one tile (to [`TILE_EDGE_SLACK`]).
fn into_tile(r: Rect, tile: &Rect, (xs, ys): (f64, f64)) -> Option<Rect> {
    let shift = |lo: f64, start: f64, step: f64| {
        if step > 0.0 {
            ((lo + TILE_EDGE_SLACK - start) / step).floor() * step
        } else {
            0.0
        }
    };
    let (dx, dy) = (shift(r.x0, tile.x0, xs), shift(r.top, tile.top, ys));
    let moved = Rect {
        x0: r.x0 - dx,
        x1: r.x1 - dx,
        top: r.top - dy,
        bottom: r.bottom - dy,
    };
    let s = TILE_EDGE_SLACK;
    (moved.is_finite()
        && moved.x0 >= tile.x0 - s
        && moved.x1 <= tile.x1 + s
        && moved.top >= tile.top - s
        && moved.bottom <= tile.bottom + s)
        .then_some(moved)
}
