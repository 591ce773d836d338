//! What the interpreter reports for a page: glyphs, rules and fills, all in the displayed page
//! frame (see [`crate::geom`]).

use serde::Serialize;
use std::sync::Arc;

use super::error::Warning;
pub use super::glyph_text::GlyphText;
pub use crate::colour::Colour;
pub use crate::geom::Direction;
use crate::geom::{Pt, Rect};

/// One glyph as painted: its text, where it is and how it looks.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Glyph {
    /// The Unicode text (usually one character; ligatures give several; U+FFFD when the
    /// font gives no mapping). Private-use bullets are given as "•". Held in place (see [`GlyphText`]).
    pub text: GlyphText,
    /// The glyph's box: advance width by the font's ascent to descent.
    pub bbox: Rect,
    /// Where the baseline starts (the glyph origin).
    pub origin: Pt,
    /// The advance to the next glyph's origin, in points, along `direction`.
    pub advance: f64,
    /// The font's name as written in the file (`/BaseFont`).
    pub font: Arc<str>,
    /// The rendered font size in points (font size through text and page matrices).
    pub size: f64,
    /// Which way the baseline runs.
    pub direction: Direction,
    /// Fill colour (stroke colour for stroke-only render modes); `None` for a pattern.
    pub colour: Option<Colour>,
    /// True for render modes 3 and 7 (invisible text). Such glyphs are kept only over an
    /// image, where they are an OCR layer.
    pub invisible: bool,
    /// The clip box (displayed frame) when the glyph is partly clipped: the region it was drawn
    /// for, so text overflowing a clipped cell can be kept with that cell. `None` when the
    /// glyph is drawn whole.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub clip: Option<Rect>,
}

/// How a rule came to be drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleSource {
    /// A stroked straight path segment.
    Stroke,
    /// A filled rectangle thinner than [`crate::tolerance::THIN_FILL_MAX`]: its centre line.
    ThinFill,
}

/// A straight line drawn on the page (a table rule, an underline, a border).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Rule {
    /// One end.
    pub p0: Pt,
    /// The other end.
    pub p1: Pt,
    /// Line width in points.
    pub width: f64,
    /// Its colour; `None` for a pattern.
    pub colour: Option<Colour>,
    /// Stroke or thin fill.
    pub source: RuleSource,
}

impl Rule {
    /// Whether the rule runs horizontally within `tol` points.
    pub fn is_horizontal(&self, tol: f64) -> bool {
        (self.p0.y - self.p1.y).abs() <= tol
    }

    /// Whether the rule runs vertically within `tol` points.
    pub fn is_vertical(&self, tol: f64) -> bool {
        (self.p0.x - self.p1.x).abs() <= tol
    }

    /// The rule's extent as a box (zero thickness along its own axis).
    pub fn bbox(&self) -> Rect {
        Rect::from_corners(self.p0, self.p1)
    }
}

/// What shape a fill has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FillShape {
    /// An axis-aligned rectangle; `rect` is exact.
    Rect,
    /// Any other path; `rect` is its bounding box.
    Path,
    /// A closed path of curves only (a circle or ellipse drawn with Béziers); `rect` is its
    /// bounding box.
    Ellipse,
    /// A closed path of three straight sides; `rect` is its bounding box.
    Triangle,
    /// A closed path of four straight sides whose corners touch the middles of its bounding
    /// box's sides (a square turned 45°); `rect` is its bounding box.
    Diamond,
}

/// A filled area (a cell background, a highlight, a page background).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Fill {
    /// The filled box.
    pub rect: Rect,
    /// Its colour; `None` for a pattern.
    pub colour: Option<Colour>,
    /// Rectangle or other path.
    pub shape: FillShape,
}

/// A page's size and orientation as displayed.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct PageInfo {
    /// 1-based page number.
    pub number: u32,
    /// Displayed width in points (after rotation).
    pub width: f64,
    /// Displayed height in points (after rotation).
    pub height: f64,
    /// The page's /Rotate, normalised to 0, 90, 180 or 270.
    pub rotation: u16,
}

/// Everything the interpreter found on one page.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PagePrimitives {
    /// Size and orientation.
    #[serde(flatten)]
    pub info: PageInfo,
    /// Glyphs in content-stream order.
    pub glyphs: Vec<Glyph>,
    /// Straight rules.
    pub rules: Vec<Rule>,
    /// Filled areas (identical repeats collapsed).
    pub fills: Vec<Fill>,
    /// Images drawn (their boxes).
    pub images: Vec<Rect>,
    /// Recoverable trouble on this page.
    pub warnings: Vec<Warning>,
}
