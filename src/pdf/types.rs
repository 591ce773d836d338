//! What the interpreter reports for a page: glyphs, rules and fills, all in the displayed page
//! frame (see [`crate::geom`]).

use serde::Serialize;
use std::fmt;
use std::sync::Arc;

use super::error::Warning;
use crate::geom::{Pt, Rect};

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Colour {
    /// Red, 0-255.
    pub r: u8,
    /// Green, 0-255.
    pub g: u8,
    /// Blue, 0-255.
    pub b: u8,
}

impl Colour {
    /// Black.
    pub const BLACK: Colour = Colour { r: 0, g: 0, b: 0 };
    /// White.
    pub const WHITE: Colour = Colour {
        r: 255,
        g: 255,
        b: 255,
    };

    /// A colour from components in 0..=1 (clamped; NaN counts as 0).
    pub fn from_unit(r: f64, g: f64, b: f64) -> Colour {
        fn u(v: f64) -> u8 {
            if v.is_nan() {
                0
            } else {
                (v.clamp(0.0, 1.0) * 255.0).round() as u8
            }
        }
        Colour {
            r: u(r),
            g: u(g),
            b: u(b),
        }
    }

    /// Parse `#RRGGBB` (the `#` optional).
    pub fn from_hex(s: &str) -> Option<Colour> {
        let s = s.strip_prefix('#').unwrap_or(s);
        if s.len() != 6 || !s.is_ascii() {
            return None;
        }
        let p = |i: usize| s.get(i..i + 2).and_then(|h| u8::from_str_radix(h, 16).ok());
        Some(Colour {
            r: p(0)?,
            g: p(2)?,
            b: p(4)?,
        })
    }

    /// Whether this is white or nearly so (every channel at least 250).
    pub fn is_white(&self) -> bool {
        self.r >= 250 && self.g >= 250 && self.b >= 250
    }
}

impl fmt::Display for Colour {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{:02X}{:02X}{:02X}", self.r, self.g, self.b)
    }
}

impl Serialize for Colour {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Colour {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <String as serde::Deserialize>::deserialize(d)?;
        Colour::from_hex(&s)
            .ok_or_else(|| serde::de::Error::custom(format!("a colour is #RRGGBB, not {s:?}")))
    }
}

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

/// One glyph as painted: its text, where it is and how it looks.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Glyph {
    /// The Unicode text (usually one character; ligatures give several; U+FFFD when the
    /// font gives no mapping). Private-use bullets are given as "•".
    pub text: String,
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
    /// True for render modes 3 and 7 (invisible text, e.g. an OCR layer).
    pub invisible: bool,
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
