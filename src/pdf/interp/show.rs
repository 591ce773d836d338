//! Showing strings (9.4.2): each character of a string decoded by the current font becomes a
//! glyph placed by the text rendering matrix (9.4.4), and the text matrix advances past it.
//!
//! What the glyphs of a string share — the font, the text state's numbers, the colour, and
//! what the linear part of the rendering matrix gives (size, scales, direction, slant) — is
//! worked out once in a [`ShowSetup`]. A `TJ` array makes one for all its strings: most of
//! its strings are a glyph or two between kerning numbers, so doing it per string was a good
//! part of the interpreter's time. Numbers and glyph advances only translate the text matrix,
//! so its linear part, and with it everything in the set-up, is the same for every string of
//! the array (the copies they would get differ at most in the sign of a zero entry, which
//! none of the set-up's values depends on: they come through absolute values, comparisons
//! with zero and `atan2` of a non-zero pair).

use std::sync::Arc;

use super::{paint, Interpreter};
use crate::geom::{Matrix, Rect};
use crate::pdf::font::Font;
use crate::pdf::limits::Limit;
use crate::pdf::state::TextNumbers;
use crate::pdf::types::{Colour, Direction, Glyph};
use crate::tolerance::WATERMARK_MIN_SIZE;

/// What every string shown by one operator shares (see the module documentation).
pub(super) struct ShowSetup {
    font: Arc<Font>,
    font_name: Arc<str>,
    /// The text state's numbers, copied (the state itself holds the font: no clone).
    t: TextNumbers,
    colour: Option<Colour>,
    ascent: f64,
    descent: f64,
    vertical: bool,
    /// Lengths of the rendering matrix's axes without the font size: a glyph advance of one
    /// unit along x (or y) is this many points.
    scale_x: f64,
    scale_y: f64,
    /// The rendered font size in points.
    size: f64,
    /// [Tfs·Th 0 0 Tfs 0 Ts], the first factor of the text rendering matrix (9.4.4).
    font_m: Matrix,
    invisible: bool,
    direction: Direction,
    /// Big and slanted: a watermark.
    watermark: bool,
}

impl Interpreter<'_> {
    /// Show one string (`Tj`, `'`, `"`).
    pub(super) fn show(&mut self, bytes: &[u8]) {
        let setup = self.show_setup();
        self.show_string(&setup, bytes);
    }

    /// What the strings shown now share: read from the graphics state and the text matrix.
    pub(super) fn show_setup(&mut self) -> ShowSetup {
        let font = match self.gs.text.font.clone() {
            Some(f) => f,
            None => {
                self.missing("Font", b"(none set before text)");
                self.fallback_font
                    .get_or_insert_with(|| Arc::new(Font::fallback()))
                    .clone()
            }
        };
        let font_name = font.shared_name();
        let t = self.gs.text.numbers();
        let colour = if t.render.uses_stroke_colour() {
            self.gs.stroke.colour
        } else {
            self.gs.fill.colour
        };
        let (ascent, descent) = (font.ascent(), font.descent());
        let vertical = font.is_vertical();
        // Glyph advances only translate the text matrix, so the linear part of the rendering
        // matrix, and with it the glyphs' size, scales and direction, is the same for every
        // glyph of the string: computed once.
        let linear = self.tm.then(&self.gs.ctm);
        let (scale_x, scale_y) = (length(linear.a, linear.b), length(linear.c, linear.d));
        let size = t.size.abs() * scale_y;
        let font_m = Matrix::new(t.size * t.horiz_scaling, 0.0, 0.0, t.size, 0.0, t.rise);
        let trm0 = font_m.then(&linear);
        let invisible = t.render.is_invisible() || self.filled_clear(t.render);
        let direction = if vertical {
            Direction::of_vector(-trm0.c, -trm0.d)
        } else {
            Direction::of_vector(trm0.a, trm0.b)
        };
        let watermark = size >= WATERMARK_MIN_SIZE && paint::oblique(&trm0, vertical);
        ShowSetup {
            font,
            font_name,
            t,
            colour,
            ascent,
            descent,
            vertical,
            scale_x,
            scale_y,
            size,
            font_m,
            invisible,
            direction,
            watermark,
        }
    }

    /// Show the string `bytes` with `setup`, made since the text matrix last changed other
    /// than by a translation.
    pub(super) fn show_string(&mut self, setup: &ShowSetup, bytes: &[u8]) {
        let ShowSetup {
            ref font,
            ref font_name,
            t,
            colour,
            ascent,
            descent,
            vertical,
            scale_x,
            scale_y,
            size,
            font_m,
            invisible,
            direction,
            watermark,
        } = *setup;
        // One list of decoded characters serves every string of the page.
        let mut chars = std::mem::take(&mut self.chars);
        font.decode_into(bytes, &mut chars, &mut self.decoded);
        self.watermark = watermark;
        for ch in chars.drain(..) {
            if self.glyphs >= self.limits.glyphs_per_page {
                self.hit(Limit::GlyphsPerPage, self.limits.glyphs_per_page);
                self.stopped = true;
                break;
            }
            // Text rendering matrix (9.4.4): [Tfs·Th 0 0 Tfs 0 Ts] × Tm × CTM.
            let tm_ctm = self.tm.then(&self.gs.ctm);
            let trm = font_m.then(&tm_ctm);
            let w = ch.width;
            let corners = if vertical {
                [
                    trm.apply(-w / 2.0, -1.0),
                    trm.apply(w / 2.0, 0.0),
                    trm.apply(-w / 2.0, 0.0),
                    trm.apply(w / 2.0, -1.0),
                ]
            } else {
                [
                    trm.apply(0.0, descent),
                    trm.apply(w, ascent),
                    trm.apply(0.0, ascent),
                    trm.apply(w, descent),
                ]
            };
            let spacing = t.char_spacing
                + if ch.is_word_space {
                    t.word_spacing
                } else {
                    0.0
                };
            let (advance_m, advance_len) = if vertical {
                let ty = -(w * t.size) + spacing;
                (Matrix::translate(0.0, ty), ty.abs() * scale_y)
            } else {
                let tx = (w * t.size + spacing) * t.horiz_scaling;
                (Matrix::translate(tx, 0.0), tx.abs() * scale_x)
            };
            if let Some(bbox) = Rect::bounding(corners).filter(|b| b.is_finite()) {
                let mut text = ch.unicode;
                if text.is_empty() {
                    *self.unmapped.entry(font_name.clone()).or_default() += 1;
                    text = "\u{FFFD}".into();
                }
                self.glyphs += 1;
                self.emit(Glyph {
                    text,
                    bbox,
                    origin: trm.apply(0.0, 0.0),
                    advance: advance_len,
                    font: font_name.clone(),
                    size,
                    direction,
                    colour,
                    invisible,
                    clip: None,
                });
            }
            let next = advance_m.then(&self.tm);
            if next.is_finite() {
                self.tm = next;
            }
        }
        self.chars = chars;
    }
}

/// The length of the vector (a, b): `hypot`, whose care against overflow costs more than
/// the rest of a string's set-up, is needed only when neither is zero (text that is not
/// rotated has b = 0, and then the length is |a| exactly, as `hypot` gives).
fn length(a: f64, b: f64) -> f64 {
    if b == 0.0 {
        a.abs()
    } else if a == 0.0 {
        b.abs()
    } else {
        a.hypot(b)
    }
}
