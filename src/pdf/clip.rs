//! What of the text is actually seen: the clipping region (ISO 32000-1, 8.5.4), the page's
//! crop box and invisible text (render modes 3 and 7, 9.3.6).
//!
//! The clip is kept as a box in the displayed page frame: the intersection of the bounding
//! boxes of every clipping path in force. For rectangles drawn along the axes (`re W n`, by far
//! the commonest clip: table cells, columns, the page) this is exact. For any other path
//! (rotated rectangles, curves, glyph outlines) the bounding box is a first step that errs on
//! the side of showing text: a glyph inside the box but outside the real path is kept.
//! Clipping by text (render modes 4 to 7) is not tracked.
//!
//! A glyph wholly outside the clip or the crop box is not drawn and not text, nor is one of
//! whose body (baseline to ascent) the clip lets through less than [`CLIP_VISIBLE_SHARE`]
//! (at most its descenders show: the lines of a wrapped cell above and below its row). Any other
//! glyph partly clipped is drawn and carries the clip box ([`super::Glyph::clip`]), so a later
//! stage can keep the text of a clipped cell together. Every glyph dropped is counted, and the counts
//! become one page warning per kind ([`Hidden::warnings`]).

use super::error::WarningKind;
use crate::geom::{Direction, Pt, Rect};
use crate::tolerance::{CLIP_EDGE, CLIP_VISIBLE_SHARE};

/// The clipping region of a graphics state.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub enum Clip {
    /// No clipping path yet: everything is drawn (the crop box is checked apart).
    #[default]
    Unclipped,
    /// Only what falls in this box (displayed frame) is drawn.
    Box(Rect),
    /// The clipping paths in force do not overlap: nothing is drawn.
    Empty,
}

/// How much of a glyph's box a clip lets through.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Seen {
    /// All of it.
    Whole,
    /// Some of it; the box is the clip that cuts it.
    Partly(Rect),
    /// None of it.
    Hidden,
}

impl Clip {
    /// The clip after intersecting it with a clipping path whose bounding box is `path`.
    /// A path without points (`W n` with no path) leaves the clip as it is.
    pub fn intersect(self, path: Option<Rect>) -> Clip {
        let Some(path) = path.filter(Rect::is_finite) else {
            return self;
        };
        let inside = match self {
            Clip::Unclipped => Some(path),
            Clip::Box(b) => b.intersection(&path),
            Clip::Empty => None,
        };
        match inside {
            Some(b) if b.width() > 0.0 && b.height() > 0.0 => Clip::Box(b),
            _ => Clip::Empty,
        }
    }

    /// How much of a glyph this clip lets through: its box, and its baseline through `origin`
    /// running in `direction`.
    pub fn sees(&self, glyph: &Rect, origin: Pt, direction: Direction) -> Seen {
        match self {
            Clip::Unclipped => Seen::Whole,
            Clip::Empty => Seen::Hidden,
            Clip::Box(b) if wholly_outside(glyph, b) => Seen::Hidden,
            Clip::Box(b) if wholly_inside(glyph, b) => Seen::Whole,
            Clip::Box(b) if body_share(glyph, origin, direction, b) < CLIP_VISIBLE_SHARE => {
                Seen::Hidden
            }
            Clip::Box(b) => Seen::Partly(*b),
        }
    }
}

/// Whether `inner` misses `area` altogether, or reaches no further than [`CLIP_EDGE`] into
/// it. A box of no width (or height) inside `area` does not miss it.
pub fn wholly_outside(inner: &Rect, area: &Rect) -> bool {
    inner.x1 <= area.x0 + CLIP_EDGE
        || inner.x0 >= area.x1 - CLIP_EDGE
        || inner.bottom <= area.top + CLIP_EDGE
        || inner.top >= area.bottom - CLIP_EDGE
}

/// The fraction of a glyph's body that `area` lets through, measured across the baseline:
/// the body runs from the baseline (through `origin`) to the far side of the box, the
/// ascent (the near side, the descent, is the smaller part). 1 for a body of no extent.
fn body_share(glyph: &Rect, origin: Pt, direction: Direction, area: &Rect) -> f64 {
    let (base, lo, hi, area_lo, area_hi) = match direction {
        Direction::Ltr | Direction::Rtl => {
            (origin.y, glyph.top, glyph.bottom, area.top, area.bottom)
        }
        Direction::Ttb | Direction::Btt => (origin.x, glyph.x0, glyph.x1, area.x0, area.x1),
    };
    let (lo, hi) = if base - lo >= hi - base {
        (lo, base)
    } else {
        (base, hi)
    };
    let extent = hi - lo;
    if extent <= 0.0 {
        return 1.0;
    }
    (hi.min(area_hi) - lo.max(area_lo)).max(0.0) / extent
}

/// Whether `inner` lies in `area`, poking out by no more than [`CLIP_EDGE`] on any side.
fn wholly_inside(inner: &Rect, area: &Rect) -> bool {
    inner.x0 >= area.x0 - CLIP_EDGE
        && inner.x1 <= area.x1 + CLIP_EDGE
        && inner.top >= area.top - CLIP_EDGE
        && inner.bottom <= area.bottom + CLIP_EDGE
}

/// Dropped glyphs of one kind: how many, and how many of them blank (spaces hold no text,
/// but a hidden one can split a word: Kent's minutes hide one after each drop capital).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Tally {
    /// All glyphs dropped.
    pub glyphs: usize,
    /// Of them, blanks.
    pub blank: usize,
}

impl Tally {
    /// Count one glyph with the text `text`.
    pub fn add(&mut self, text: &str) {
        self.glyphs += 1;
        self.blank += usize::from(text.trim().is_empty());
    }
}

/// Glyphs of one page that were not drawn, or only partly, by cause.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Hidden {
    /// Wholly outside the clipping region: dropped.
    pub clipped: Tally,
    /// Partly outside it: kept, with their clip box.
    pub partly_clipped: usize,
    /// Render mode 3 or 7, or painted only with opacity 0, and over no image: dropped.
    pub invisible: Tally,
    /// Wholly outside the page's crop box: dropped.
    pub off_page: Tally,
    /// The colour of what lies under them ([`super::backdrop`]): dropped.
    pub unseen: Tally,
    /// Wholly covered by an opaque fill drawn after them: dropped.
    pub covered: Tally,
    /// Rendered too small to read: dropped.
    pub tiny: Tally,
    /// In optional content switched off: dropped.
    pub hidden_layer: Tally,
    /// Big and slanted across the page (a watermark): dropped.
    pub watermark: Tally,
}

impl Hidden {
    /// One warning per kind of dropped text, with its counts; none when nothing was dropped.
    pub fn warnings(&self) -> Vec<WarningKind> {
        let mut out = Vec::new();
        let Tally { glyphs, blank } = self.clipped;
        if glyphs > 0 {
            out.push(WarningKind::ClippedText {
                count: glyphs,
                blank,
                partly: self.partly_clipped,
            });
        }
        // The other kinds carry the same two counts.
        type Kind = fn(usize, usize) -> WarningKind;
        let counted: [(Tally, Kind); 7] = [
            (self.invisible, |count, blank| WarningKind::InvisibleText {
                count,
                blank,
            }),
            (self.off_page, |count, blank| WarningKind::TextOffPage {
                count,
                blank,
            }),
            (self.unseen, |count, blank| {
                WarningKind::TextColourOfBackground { count, blank }
            }),
            (self.covered, |count, blank| WarningKind::CoveredText {
                count,
                blank,
            }),
            (self.tiny, |count, blank| WarningKind::TinyText {
                count,
                blank,
            }),
            (self.hidden_layer, |count, blank| {
                WarningKind::HiddenLayerText { count, blank }
            }),
            (self.watermark, |count, blank| WarningKind::WatermarkText {
                count,
                blank,
            }),
        ];
        for (Tally { glyphs, blank }, kind) in counted {
            if glyphs > 0 {
                out.push(kind(glyphs, blank));
            }
        }
        out
    }
}

/// Whether a glyph box lies over one of the `images` drawn on the page (its centre inside
/// one): invisible text there is an OCR layer, the page's only text.
pub fn over_image(glyph: &Rect, images: &[Rect]) -> bool {
    let c = glyph.centre();
    images.iter().any(|i| i.contains(c, 0.0))
}

#[cfg(test)]
mod tests;
