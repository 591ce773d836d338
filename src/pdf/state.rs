//! Graphics and text state (ISO 32000-1, 8.4 and 9.3), saved and restored as plain values.

use std::sync::Arc;

use super::clip::Clip;
use super::colour::Space;
use super::font::Font;
use super::types::Colour;
use crate::geom::Matrix;

/// Text rendering mode, `Tr` (9.3.6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RenderMode {
    /// 0: fill.
    #[default]
    Fill,
    /// 1: stroke.
    Stroke,
    /// 2: fill, then stroke.
    FillStroke,
    /// 3: neither (invisible).
    Invisible,
    /// 4: fill and clip.
    FillClip,
    /// 5: stroke and clip.
    StrokeClip,
    /// 6: fill, stroke and clip.
    FillStrokeClip,
    /// 7: clip only (invisible).
    Clip,
}

impl RenderMode {
    /// From the operand of `Tr`; out-of-range values are `None`.
    pub fn from_operand(v: i64) -> Option<RenderMode> {
        Some(match v {
            0 => RenderMode::Fill,
            1 => RenderMode::Stroke,
            2 => RenderMode::FillStroke,
            3 => RenderMode::Invisible,
            4 => RenderMode::FillClip,
            5 => RenderMode::StrokeClip,
            6 => RenderMode::FillStrokeClip,
            7 => RenderMode::Clip,
            _ => return None,
        })
    }

    /// Whether glyphs in this mode leave no mark.
    pub fn is_invisible(self) -> bool {
        matches!(self, RenderMode::Invisible | RenderMode::Clip)
    }

    /// Whether the glyph's visible colour is the stroke colour.
    pub fn uses_stroke_colour(self) -> bool {
        matches!(self, RenderMode::Stroke | RenderMode::StrokeClip)
    }
}

/// The text state parameters that belong to the graphics state (9.3.1).
#[derive(Debug, Clone)]
pub struct TextState {
    /// `Tc`, in unscaled text space units.
    pub char_spacing: f64,
    /// `Tw`, in unscaled text space units.
    pub word_spacing: f64,
    /// `Tz` / 100.
    pub horiz_scaling: f64,
    /// `TL`.
    pub leading: f64,
    /// The font set by `Tf`; `None` before the first `Tf`.
    pub font: Option<Arc<Font>>,
    /// The font size set by `Tf`.
    pub size: f64,
    /// `Tr`.
    pub render: RenderMode,
    /// `Ts`.
    pub rise: f64,
}

/// The numbers of a [`TextState`] that placing a string's glyphs reads (everything but the
/// font), copied out once per string so the state stays borrowable.
#[derive(Debug, Clone, Copy)]
pub struct TextNumbers {
    /// `Tc`.
    pub char_spacing: f64,
    /// `Tw`.
    pub word_spacing: f64,
    /// `Tz` / 100.
    pub horiz_scaling: f64,
    /// The font size set by `Tf`.
    pub size: f64,
    /// `Tr`.
    pub render: RenderMode,
    /// `Ts`.
    pub rise: f64,
}

impl TextState {
    /// The state's numbers, without the font.
    pub fn numbers(&self) -> TextNumbers {
        TextNumbers {
            char_spacing: self.char_spacing,
            word_spacing: self.word_spacing,
            horiz_scaling: self.horiz_scaling,
            size: self.size,
            render: self.render,
            rise: self.rise,
        }
    }
}

impl Default for TextState {
    fn default() -> Self {
        TextState {
            char_spacing: 0.0,
            word_spacing: 0.0,
            horiz_scaling: 1.0,
            leading: 0.0,
            font: None,
            size: 0.0,
            render: RenderMode::Fill,
            rise: 0.0,
        }
    }
}

/// One side (stroking or not) of the colour state.
#[derive(Debug, Clone)]
pub struct Paint {
    /// The colour space.
    pub space: Space,
    /// The current colour in sRGB; `None` for a pattern.
    pub colour: Option<Colour>,
    /// The pattern set with `scn` when it has no one colour of its own: a tile of one big
    /// image may still show one colour under a filled rectangle.
    pub pattern: Option<PatternRef>,
}

/// A pattern in force: its object, and the matrix from the default space of the content that
/// set it (the page, or a form) to the displayed frame (8.7.2: a pattern's /Matrix maps to
/// that space, whatever the CTM when it paints).
#[derive(Debug, Clone, Copy)]
pub struct PatternRef {
    /// The pattern's object.
    pub id: lopdf::ObjectId,
    /// The content's default space to the displayed frame.
    pub base: Matrix,
}

impl Default for Paint {
    fn default() -> Self {
        Paint {
            space: Space::Gray,
            colour: Some(Colour::BLACK),
            pattern: None,
        }
    }
}

/// A constant opacity (11.6.4.4, `ca` for filling, `CA` for stroking, set by `gs`): 1
/// opaque, 0 wholly transparent.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Alpha(pub f64);

impl Default for Alpha {
    fn default() -> Self {
        Alpha(1.0)
    }
}

impl Alpha {
    /// The opacity of a `gs` entry's value: clamped to 0–1; not a number → opaque.
    pub fn of(v: f64) -> Alpha {
        if v.is_finite() {
            Alpha(v.clamp(0.0, 1.0))
        } else {
            Alpha::default()
        }
    }

    /// Nothing painted with it shows.
    pub fn is_clear(self) -> bool {
        self.0 <= 0.0
    }

    /// What is painted with it shows whole, hiding what lies under it.
    pub fn is_opaque(self) -> bool {
        self.0 >= 1.0
    }
}

/// The graphics state saved by `q` and restored by `Q` (8.4.1).
#[derive(Debug, Clone, Default)]
pub struct GraphicsState {
    /// Current transformation matrix: user space to the displayed page frame.
    pub ctm: Matrix,
    /// Line width in user space units.
    pub line_width: f64,
    /// Stroking colour.
    pub stroke: Paint,
    /// Non-stroking (fill) colour.
    pub fill: Paint,
    /// Non-stroking opacity (`ca`): text filled with opacity 0 is invisible, and a fill
    /// under 1 hides nothing under it.
    pub fill_alpha: Alpha,
    /// Stroking opacity (`CA`): a path stroked with opacity 0 is no rule, and text only
    /// stroked with it is invisible.
    pub stroke_alpha: Alpha,
    /// Paint blends with what lies under it whatever its opacity: a blend mode other than
    /// Normal (`BM`, e.g. Multiply) or a soft mask (`SMask`) is in force.
    pub blends: bool,
    /// Text state.
    pub text: TextState,
    /// The clipping region (8.5.4), narrowed by `W`/`W*` and by form bounding boxes.
    pub clip: Clip,
    /// Some clipping path in force is not one upright rectangle: `clip` is only its
    /// bounding box.
    pub clip_not_rect: bool,
    /// The hole of the last clipping path that was a frame (a box with a smaller box inside
    /// it): paint is clipped to the ring around it ([`crate::tolerance::RING_CLIP_BORDER_MAX`]).
    pub clip_hole: Option<crate::geom::Rect>,
}

impl GraphicsState {
    /// The initial state for a page whose user space maps to the displayed frame by `page`.
    pub fn new(page: Matrix) -> Self {
        GraphicsState {
            ctm: page,
            line_width: 1.0,
            ..Default::default()
        }
    }
}
