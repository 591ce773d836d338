//! What lies under a glyph, so that text the colour of its background is known to be unseen:
//! white text on the white page, or text coloured like the cell fill behind it (a spreadsheet
//! hides notes so; a generator "deletes" text by painting it in the background colour).
//!
//! The page is kept as the list of areas painted on it so far, in drawing order: filled
//! rectangles (clipped to the clip in force) with their colour, and areas whose colour is not
//! one value (images, pattern and shading fills, shapes that are not rectangles). What lies
//! under a glyph is the last area painted before it that holds the glyph's centre, or the page
//! itself (white) when none does. A glyph is unseen when its colour is within
//! [`BACKDROP_MATCH`] of a known backdrop colour; over an area of no single colour it is always
//! seen (the choice errs on the side of keeping text).
//!
//! Thin fills (rules drawn as filled rectangles) are painted areas too, of no colour that can
//! hide a glyph: a band drawn as a stack of thin strips (a gradient header) lies over the white
//! cell or page under it, so white text on it is seen, while a rule in the text's colour drawn
//! under a line of text (a border it overlaps) does not make the text unseen.
//!
//! Kept cheap: most glyphs are dark on a light page, and only a glyph whose colour is near
//! white or near a colour some area was filled with is looked up at all.

use super::clip::Clip;
use super::types::Colour;
use crate::geom::Rect;
use crate::tolerance::BACKDROP_MATCH;

/// Distinct fill colours remembered for the quick test; past this many, every coloured glyph
/// is looked up (a page of many colours is rare and still correct, only slower).
const COLOURS_KEPT: usize = 64;

/// One painted area: its box and its colour (`None`: not one colour).
#[derive(Debug, Clone, Copy)]
struct Paint {
    rect: Rect,
    colour: Option<Colour>,
}

/// The areas painted on one page so far.
#[derive(Debug, Default)]
pub(crate) struct Backdrop {
    paints: Vec<Paint>,
    /// The distinct colours among `paints`, at most [`COLOURS_KEPT`].
    colours: Vec<Colour>,
    /// More distinct colours were painted than `colours` holds.
    many: bool,
    /// The last glyph colour asked about and whether it passed the quick test (near white or
    /// near a painted colour): the glyphs of a page come in long runs of one colour, so the
    /// test is made once per run. Forgotten whenever `colours` or `many` change.
    last_quick: Option<(Colour, bool)>,
}

impl Backdrop {
    /// A filled rectangle `rect` of `colour` (`None` for a pattern) drawn under `clip`.
    pub fn rect(&mut self, rect: Rect, colour: Option<Colour>, clip: &Clip) {
        let rect = match clip {
            Clip::Unclipped => Some(rect),
            Clip::Box(b) => b.intersection(&rect),
            Clip::Empty => None,
        };
        let Some(rect) = rect.filter(|r| r.width() > 0.0 && r.height() > 0.0) else {
            return;
        };
        if let Some(c) = colour {
            if !self.colours.contains(&c) {
                if self.colours.len() < COLOURS_KEPT {
                    self.colours.push(c);
                } else {
                    self.many = true;
                }
                self.last_quick = None;
            }
        }
        self.paints.push(Paint { rect, colour });
    }

    /// An area `rect` painted with no single colour: an image, a shading, a filled shape
    /// that is not a rectangle (only its bounding box is known).
    pub fn mixed(&mut self, rect: Rect, clip: &Clip) {
        let rect = match clip {
            Clip::Unclipped => Some(rect),
            Clip::Box(b) => b.intersection(&rect),
            Clip::Empty => None,
        };
        if let Some(rect) = rect {
            self.paints.push(Paint { rect, colour: None });
        }
    }

    /// Whether a glyph in box `glyph` drawn in `colour` is the colour of what lies under it.
    /// A glyph of unknown colour (a pattern) is seen.
    #[inline]
    pub fn hides(&mut self, glyph: &Rect, colour: Option<Colour>) -> bool {
        let Some(colour) = colour else {
            return false;
        };
        // The common answer, inlined into the caller: the colour of the last glyph asked
        // about, which passed no quick test.
        if self.last_quick == Some((colour, false)) {
            return false;
        }
        self.hides_looked_up(glyph, colour)
    }

    /// [`Backdrop::hides`] past its inlined quick answer.
    fn hides_looked_up(&mut self, glyph: &Rect, colour: Colour) -> bool {
        let candidate = match self.last_quick {
            Some((c, answer)) if c == colour => answer,
            _ => {
                let answer = near(colour, Colour::WHITE)
                    || self.many
                    || self.colours.iter().any(|&c| near(colour, c));
                self.last_quick = Some((colour, answer));
                answer
            }
        };
        if !candidate {
            return false;
        }
        let centre = glyph.centre();
        match self
            .paints
            .iter()
            .rev()
            .find(|p| p.rect.contains(centre, 0.0))
        {
            Some(p) => p.colour.is_some_and(|c| near(colour, c)),
            None => near(colour, Colour::WHITE),
        }
    }
}

/// Whether two colours differ by at most [`BACKDROP_MATCH`] in every channel.
fn near(a: Colour, b: Colour) -> bool {
    a.r.abs_diff(b.r) <= BACKDROP_MATCH
        && a.g.abs_diff(b.g) <= BACKDROP_MATCH
        && a.b.abs_diff(b.b) <= BACKDROP_MATCH
}

#[cfg(test)]
mod tests {
    use super::*;

    const RED: Colour = Colour { r: 200, g: 0, b: 0 };

    fn rect(x0: f64, top: f64, x1: f64, bottom: f64) -> Rect {
        Rect {
            x0,
            top,
            x1,
            bottom,
        }
    }

    #[test]
    fn a_colour_asked_about_before_its_fill_is_painted_is_asked_again_after() {
        let mut page = Backdrop::default();
        let glyph = rect(10.0, 10.0, 15.0, 20.0);
        // Red text on the white page: seen, and red passes no quick test yet.
        assert!(!page.hides(&glyph, Some(RED)));
        page.rect(rect(0.0, 0.0, 100.0, 100.0), Some(RED), &Clip::Unclipped);
        // Now red on red: unseen.
        assert!(page.hides(&glyph, Some(RED)));
        // White text on the red fill is seen; on the page beside it, unseen.
        assert!(!page.hides(&glyph, Some(Colour::WHITE)));
        assert!(page.hides(&rect(200.0, 10.0, 205.0, 20.0), Some(Colour::WHITE)));
    }
}
