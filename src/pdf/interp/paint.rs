//! Paint that is not a plain colour: patterns set by `scn` and shadings painted by `sh`,
//! read as one colour where they show one ([`super::super::pattern`]); and paint that covers
//! text drawn before it.
//!
//! **Covered text.** A glyph is not seen when an opaque rectangle is filled over it later: a
//! white box drawn over a line (redaction-like producers, some exports that "delete" text so).
//! Only a fill that hides for certain covers: one colour, opacity 1, the Normal blend and no
//! soft mask, at least [`THIN_FILL_MAX`] thick (thinner is a rule: an underline or strike
//! through drawn after its text), holding the whole glyph box (to [`COVERED_GLYPH_SLACK`])
//! inside the part of it an upright rectangular clip lets through. A cell fill drawn after its
//! text with transparency or a Multiply blend (some producers paint in that order) shows the
//! text through it and covers nothing. Covered glyphs are dropped by the sink, which holds
//! them, and counted in a page warning ([`crate::pdf::WarningKind::CoveredText`]).

use lopdf::{Dictionary, Object};

use super::Interpreter;
use crate::geom::{Matrix, Pt, Rect};
use crate::pdf::clip::{Clip, Hidden};
use crate::pdf::colour::Space;
use crate::pdf::pattern;
use crate::pdf::sink::PageSink;
use crate::pdf::state::{GraphicsState, PatternRef};
use crate::pdf::types::Colour;
use crate::tolerance::{
    COVERED_GLYPH_SLACK, RING_CLIP_BORDER_MAX, THIN_FILL_MAX, WATERMARK_MIN_SLANT,
};

/// An opaque rectangle `rect` was filled under the graphics state `gs`: the glyphs shown
/// before it that it wholly holds are covered, dropped from `sink` and counted in `hidden`
/// (see the module documentation). Called only for fills of opacity 1 that are not rules.
pub(super) fn cover(sink: &mut dyn PageSink, gs: &GraphicsState, rect: Rect, hidden: &mut Hidden) {
    if gs.blends
        || gs.clip_not_rect
        || gs.fill.colour.is_none()
        || rect.width().min(rect.height()) < THIN_FILL_MAX
    {
        return;
    }
    let painted = match gs.clip {
        Clip::Unclipped => Some(rect),
        Clip::Box(b) => b.intersection(&rect),
        Clip::Empty => None,
    };
    let Some(p) = painted else { return };
    let s = COVERED_GLYPH_SLACK;
    let area = Rect {
        x0: p.x0 - s,
        top: p.top - s,
        x1: p.x1 + s,
        bottom: p.bottom + s,
    };
    let (count, blank) = sink.cover(area);
    hidden.covered.glyphs += count;
    hidden.covered.blank += blank;
}

/// After a `gs`: whether paint now blends with what lies under it (a blend mode other than
/// Normal, or a soft mask), so that it covers nothing.
pub(super) fn note_blend(gs: &mut GraphicsState, dict: &Dictionary) {
    if let Ok(bm) = dict.get(b"BM") {
        let first = match bm {
            Object::Array(a) => a.first(),
            other => Some(other),
        };
        let name = first.and_then(|n| n.as_name().ok());
        gs.blends = !matches!(name, Some(b"Normal" | b"Compatible"));
    }
    if let Ok(mask) = dict.get(b"SMask") {
        gs.blends = gs.blends || mask.as_name().map_or(true, |n| n != b"None");
    }
}

impl<'a> Interpreter<'a> {
    /// `/name scn`: the pattern's one colour becomes the current colour, when it has one
    /// (otherwise the colour stays unknown, as for any pattern).
    pub(super) fn pattern_colour(
        &mut self,
        stroke: bool,
        name: &[u8],
        comps: &[f64],
        res: Option<&'a Dictionary>,
    ) {
        let Some((id, object)) = self.named_resource(res, b"Pattern", name) else {
            return;
        };
        let spaces = res.and_then(|r| self.resource_dict(r, b"ColorSpace"));
        let space = if stroke {
            &self.gs.stroke.space
        } else {
            &self.gs.fill.space
        };
        // An uncoloured pattern's colour, in the pattern space's base.
        let uncoloured = match space {
            Space::Pattern { base: Some(base) } if !comps.is_empty() => base.to_rgb(comps),
            _ => None,
        };
        let Some((colour, bytes)) =
            pattern::colour(self.doc, object, spaces, self.limits, uncoloured)
        else {
            if let (false, Some(id)) = (stroke, id) {
                self.gs.fill.pattern = Some(PatternRef {
                    id,
                    base: self.pattern_base,
                });
            }
            return;
        };
        if let Err(e) = self.budget.charge_bytes(bytes) {
            self.fatal(e);
            return;
        }
        let paint = if stroke {
            &mut self.gs.stroke
        } else {
            &mut self.gs.fill
        };
        paint.colour = Some(colour);
    }

    /// `/name sh`: a shading fills the clip region. One of one colour inside an upright
    /// rectangular clip smaller than a page background is a filled rectangle of that colour;
    /// anything else is an area of no one colour.
    pub(super) fn shading_fill(&mut self, name: Option<&[u8]>, res: Option<&'a Dictionary>) {
        if self.nesting.hidden() {
            return;
        }
        let spaces = res.and_then(|r| self.resource_dict(r, b"ColorSpace"));
        let colour = name
            .and_then(|n| self.named_resource(res, b"Shading", n))
            .and_then(|(_, o)| pattern::shading(self.doc, o, spaces));
        let page_share = self.limits.image_fill_page_share * self.page_box.area();
        match (colour, self.gs.clip) {
            (Some(colour), Clip::Box(b)) if !self.gs.clip_not_rect && b.area() < page_share => {
                let corners = [
                    Pt::new(b.x0, b.bottom),
                    Pt::new(b.x1, b.bottom),
                    Pt::new(b.x1, b.top),
                    Pt::new(b.x0, b.top),
                ];
                self.fill_rect_with(corners, colour);
            }
            _ => self.backdrop.mixed(self.page_box, &self.gs.clip),
        }
    }

    /// Paint the rectangle with these corners (displayed frame) as `re f` paints it in
    /// `colour`, leaving the path being built and the fill colour as they were.
    fn fill_rect_with(&mut self, corners: [Pt; 4], colour: Colour) {
        let pending = std::mem::take(&mut self.path);
        self.path.rect(corners);
        let saved = self.gs.fill.colour;
        self.gs.fill.colour = Some(colour);
        self.fill_path();
        self.gs.fill.colour = saved;
        self.path = pending;
    }

    /// After a clipping path takes effect: remember when it was not one upright rectangle,
    /// so the clip box is only its bounds.
    pub(super) fn note_clip_shape(&mut self) {
        let mut shapes = self.path.subpaths.iter().filter(|sp| sp.bbox().is_some());
        let one_rect = match (shapes.next(), shapes.next()) {
            (Some(sp), None) => sp.as_axis_rect().is_some(),
            // No path: the clip is as it was.
            (None, _) => true,
            _ => false,
        };
        if !one_rect {
            self.gs.clip_not_rect = true;
        }
        if let Some(hole) = frame_hole(&self.path) {
            self.gs.clip_hole = Some(hole);
        }
    }
}

/// Whether text drawn by the text rendering matrix `trm` runs slanted: its baseline more than
/// [`WATERMARK_MIN_SLANT`] degrees off every quarter turn (a watermark set across the page,
/// not text turned to run up or down a column).
pub(super) fn oblique(trm: &Matrix, vertical: bool) -> bool {
    let (dx, dy) = if vertical {
        (-trm.c, -trm.d)
    } else {
        (trm.a, trm.b)
    };
    if !(dx.is_finite() && dy.is_finite()) || dx == 0.0 && dy == 0.0 {
        return false;
    }
    let degrees = dy.atan2(dx).to_degrees().rem_euclid(90.0);
    degrees.min(90.0 - degrees) > WATERMARK_MIN_SLANT
}

/// The hole of a clipping path that is a frame: two shapes, the smaller's box strictly inside
/// the larger's (even-odd, or wound the other way, it is cut out of the clip).
fn frame_hole(path: &crate::pdf::path::Path) -> Option<Rect> {
    let mut boxes = path.subpaths.iter().filter_map(|sp| sp.bbox());
    let (a, b) = (boxes.next()?, boxes.next()?);
    if boxes.next().is_some() {
        return None;
    }
    let (outer, inner) = if a.area() >= b.area() { (a, b) } else { (b, a) };
    let inside = inner.x0 > outer.x0
        && inner.x1 < outer.x1
        && inner.top > outer.top
        && inner.bottom < outer.bottom;
    inside.then_some(inner)
}

/// Whether a fill of `rect` under `gs` paints only a border: the clip is a frame whose hole
/// leaves no more than [`RING_CLIP_BORDER_MAX`] of the clipped rectangle on any side.
pub(super) fn border_only(gs: &GraphicsState, rect: Rect) -> bool {
    let Some(hole) = gs.clip_hole else {
        return false;
    };
    let painted = match gs.clip {
        Clip::Box(b) => match b.intersection(&rect) {
            Some(p) => p,
            None => return false,
        },
        _ => rect,
    };
    let bands = [
        hole.x0 - painted.x0,
        painted.x1 - hole.x1,
        hole.top - painted.top,
        painted.bottom - hole.bottom,
    ];
    bands.iter().all(|b| *b <= RING_CLIP_BORDER_MAX)
        && hole.intersection(&painted).is_some_and(|i| i.area() > 0.0)
}
