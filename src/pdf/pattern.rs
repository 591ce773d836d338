//! The one colour a pattern or a shading paints, when it paints one (ISO 32000-1, 8.7).
//!
//! Producers shade table cells with patterns as well as with plain colours: Word and
//! PowerPoint print a gradient fill as a shading pattern (`/Pattern cs /P1 scn … re f`),
//! InDesign and Illustrator paint a gradient swatch with `sh` inside the cell's clip, and some
//! exports wrap a flat colour in a tiling pattern. A reader sees a cell of one colour when:
//!
//! - a **shading** (axial or radial, types 2 and 3) runs through colours that all lie within
//!   [`GRADIENT_ONE_COLOUR`] of each other in every channel: its function is exponential
//!   (type 2) or stitches exponential pieces (type 3), so every colour it gives lies between
//!   the ends of its pieces; the colour read is the middle of that range, within half the
//!   tolerance of the colour behind any point of the cell (the top of its text included).
//!   A gradient between distinct colours (red to blue) has no one colour, as before;
//! - a **tiling** pattern that paints its own colours (PaintType 1) fills a rectangle covering
//!   its whole tile in one colour (or draws one one-colour image over it), with tiles that
//!   leave no gap, and paints nothing else in another colour: a hatching (lines on a clear
//!   tile) has no one colour. An uncoloured one (PaintType 2) whose shape fills its whole tile
//!   has the colour `scn` gives with it (`0.93 0.94 0.96 /P2 scn` in `[/Pattern /DeviceRGB]`).
//!
//! Anything else (meshes, sampled functions, tiles with text or
//! strokes, Chromium's page-sized gradient images) stays a fill of no one colour.

use lopdf::{Dictionary, Document, Object};

use super::colour::{self, Space};
use super::content;
use super::image_colour;
use super::limits::Limits;
use super::ops::Op;
use super::types::Colour;
use crate::geom::{Matrix, Rect};
use crate::tolerance::GRADIENT_ONE_COLOUR;

/// Bytes of a tiling pattern's content looked at: a tile of one colour is a handful of
/// operators (`0 0 10 10 re f`); a tile of more is no plain shading.
const TILE_CONTENT_MAX_BYTES: usize = 16 * 1024;

/// Operators of a tile's content walked, for the same reason.
const TILE_OPERATORS_MAX: usize = 256;

/// Nesting of a Type 3 function's pieces followed (a stitching function of stitching
/// functions is allowed but never needs to go deep).
const FUNCTION_DEPTH_MAX: u8 = 4;

/// Deepest `q` nesting in a tile.
const TILE_SAVE_DEPTH_MAX: usize = 16;

/// A share of a tile's side (0–1) a covering rectangle may fall short by: producers round the
/// tile and its rectangle separately.
const TILE_COVER_SLACK: f64 = 1e-3;

/// The one colour of the pattern `pattern` (a dictionary or stream object), with the bytes
/// decoded to find it (for the document's budget); `None` when it paints no one colour.
/// `uncoloured` is the colour `scn` gave with the pattern's name (an uncoloured tiling
/// pattern paints its shape in it).
pub(crate) fn colour(
    doc: &Document,
    pattern: &Object,
    colour_spaces: Option<&Dictionary>,
    limits: &Limits,
    uncoloured: Option<Colour>,
) -> Option<(Colour, usize)> {
    let pattern = doc.dereference(pattern).ok()?.1;
    let dict = match pattern {
        Object::Dictionary(d) => d,
        Object::Stream(s) => &s.dict,
        _ => return None,
    };
    match int(doc, dict, b"PatternType")? {
        1 => tiling(doc, pattern.as_stream().ok()?, limits, uncoloured),
        2 => shading(doc, dict.get(b"Shading").ok()?, colour_spaces).map(|c| (c, 0)),
        _ => None,
    }
}

/// The one colour of the shading `shading` (a dictionary or stream object), or `None`.
pub(crate) fn shading(
    doc: &Document,
    shading: &Object,
    colour_spaces: Option<&Dictionary>,
) -> Option<Colour> {
    // Types 4 to 7 (meshes) are streams; only axial and radial shadings are dictionaries
    // read here.
    let dict = doc.dereference(shading).ok()?.1.as_dict().ok()?;
    if !matches!(int(doc, dict, b"ShadingType")?, 2 | 3) {
        return None;
    }
    let space = colour::resolve(doc, dict.get(b"ColorSpace").ok()?, colour_spaces, 0)?;
    let mut ends = Vec::new();
    function_ends(doc, dict.get(b"Function").ok()?, 0, &mut ends)?;
    let colours: Vec<Colour> = ends
        .iter()
        .map(|c| space.to_rgb(c))
        .collect::<Option<_>>()?;
    one_colour(&colours)
}

/// The output ends (C0, C1) of every exponential piece of function `f`, or `None` for a
/// function of another kind.
fn function_ends(doc: &Document, f: &Object, depth: u8, out: &mut Vec<Vec<f64>>) -> Option<()> {
    if depth > FUNCTION_DEPTH_MAX {
        return None;
    }
    let dict = match doc.dereference(f).ok()?.1 {
        Object::Dictionary(d) => d,
        // A sampled (type 0) or PostScript (type 4) function is a stream: not read.
        _ => return None,
    };
    match int(doc, dict, b"FunctionType")? {
        2 => {
            out.push(floats(doc, dict, b"C0").unwrap_or_else(|| vec![0.0]));
            out.push(floats(doc, dict, b"C1").unwrap_or_else(|| vec![1.0]));
            Some(())
        }
        3 => {
            let pieces = doc
                .dereference(dict.get(b"Functions").ok()?)
                .ok()?
                .1
                .as_array()
                .ok()?;
            if pieces.is_empty() {
                return None;
            }
            for piece in pieces {
                function_ends(doc, piece, depth + 1, out)?;
            }
            Some(())
        }
        _ => None,
    }
}

/// The middle of `colours`' range when it spans at most [`GRADIENT_ONE_COLOUR`] in every
/// channel.
pub(crate) fn one_colour(colours: &[Colour]) -> Option<Colour> {
    let first = *colours.first()?;
    let (mut lo, mut hi) = (first, first);
    for c in colours {
        lo = Colour {
            r: lo.r.min(c.r),
            g: lo.g.min(c.g),
            b: lo.b.min(c.b),
        };
        hi = Colour {
            r: hi.r.max(c.r),
            g: hi.g.max(c.g),
            b: hi.b.max(c.b),
        };
    }
    let spread = (hi.r - lo.r).max(hi.g - lo.g).max(hi.b - lo.b);
    if spread > GRADIENT_ONE_COLOUR {
        return None;
    }
    let mid = |a: u8, b: u8| ((u16::from(a) + u16::from(b)) / 2) as u8;
    Some(Colour {
        r: mid(lo.r, hi.r),
        g: mid(lo.g, hi.g),
        b: mid(lo.b, hi.b),
    })
}

/// The one colour a coloured tiling pattern paints over its whole tile (see the module
/// documentation), with the bytes decoded.
fn tiling(
    doc: &Document,
    stream: &lopdf::Stream,
    limits: &Limits,
    uncoloured: Option<Colour>,
) -> Option<(Colour, usize)> {
    let dict = &stream.dict;
    // PaintType 2: the tile's shape is painted in the colour given with `scn`.
    let given = match int(doc, dict, b"PaintType")? {
        1 => None,
        2 => Some(uncoloured?),
        _ => return None,
    };
    let bbox: [f64; 4] = floats(doc, dict, b"BBox")?.try_into().ok()?;
    let tile = Rect::from_corners(
        crate::geom::Pt::new(bbox[0], bbox[1]),
        crate::geom::Pt::new(bbox[2], bbox[3]),
    );
    let step = |k: &[u8]| {
        dict.get(k)
            .ok()
            .and_then(|o| doc.dereference(o).ok())
            .and_then(|(_, o)| o.as_float().ok())
            .map(|v| f64::from(v).abs())
    };
    let (xs, ys) = (step(b"XStep")?, step(b"YStep")?);
    // Tiles farther apart than they are wide leave gaps of no colour.
    if xs > tile.width() * (1.0 + TILE_COVER_SLACK) || ys > tile.height() * (1.0 + TILE_COVER_SLACK)
    {
        return None;
    }
    let walk = walk_tile(doc, stream, limits)?;
    if !walk.images.is_empty() {
        return None;
    }
    let (_, colour) = *walk.painted.first()?;
    let covered = walk
        .painted
        .iter()
        .any(|(r, _)| covers(r, &tile, TILE_COVER_SLACK));
    let alike = walk.painted.iter().all(|(_, c)| *c == colour);
    match given {
        Some(given) => covered.then_some((given, walk.bytes)),
        None => (covered && alike).then_some((colour, walk.bytes)),
    }
}

/// Walk a tile's content (see [`TileWalk`]); `None` when it does anything a tile of one
/// colour or one image does not.
fn walk_tile<'a>(
    doc: &'a Document,
    stream: &'a lopdf::Stream,
    limits: &'a Limits,
) -> Option<TileWalk<'a>> {
    let data = stream
        .get_plain_content_with_limit(TILE_CONTENT_MAX_BYTES)
        .ok()?;
    let resources = stream
        .dict
        .get(b"Resources")
        .ok()
        .and_then(|r| doc.dereference(r).ok())
        .and_then(|(_, r)| r.as_dict().ok());
    let mut walk = TileWalk {
        doc,
        resources,
        limits,
        ctm: Matrix::IDENTITY,
        saved: Vec::new(),
        fill: Some(Colour::BLACK),
        space: Space::Gray,
        path: Vec::new(),
        painted: Vec::new(),
        images: Vec::new(),
        bytes: data.len(),
    };
    let ops = content::decode(&data)?;
    if ops.len() > TILE_OPERATORS_MAX {
        return None;
    }
    for i in 0..ops.len() {
        walk.op(&Op::decode(ops.get(i)?))?;
    }
    Some(walk)
}

/// A coloured tiling pattern whose tile is one image of many colours drawn upright and
/// nothing else: Chromium prints a CSS gradient cell background so, the image as big as the
/// printable area. What a filled rectangle shows of it is read from the pixels under it
/// ([`image_colour::region`]).
pub(crate) struct TileImage<'a> {
    /// The image.
    pub image: &'a lopdf::Stream,
    /// The colour spaces of the tile's resources.
    pub colour_spaces: Option<&'a Dictionary>,
    /// The image's unit square to pattern space.
    pub image_matrix: Matrix,
    /// Pattern space to the default space of the content painting with the pattern
    /// (/Matrix).
    pub matrix: Matrix,
    /// The tile (/BBox), in pattern space.
    pub tile: Rect,
    /// The tiles' spacing (/XStep, /YStep).
    pub step: (f64, f64),
}

/// The one image a coloured tiling pattern's tile draws, when it draws that and nothing else.
pub(crate) fn tile_image<'a>(
    doc: &'a Document,
    pattern: &'a Object,
    limits: &'a Limits,
) -> Option<TileImage<'a>> {
    let stream = doc.dereference(pattern).ok()?.1.as_stream().ok()?;
    let dict = &stream.dict;
    if int(doc, dict, b"PatternType")? != 1 || int(doc, dict, b"PaintType")? != 1 {
        return None;
    }
    let bbox: [f64; 4] = floats(doc, dict, b"BBox")?.try_into().ok()?;
    let tile = Rect::from_corners(
        crate::geom::Pt::new(bbox[0], bbox[1]),
        crate::geom::Pt::new(bbox[2], bbox[3]),
    );
    let step: [f64; 2] = [
        floats_one(doc, dict, b"XStep")?,
        floats_one(doc, dict, b"YStep")?,
    ];
    let matrix = match floats(doc, dict, b"Matrix") {
        Some(m) => match m.as_slice() {
            [a, b, c, d, e, f] => Matrix::new(*a, *b, *c, *d, *e, *f),
            _ => return None,
        },
        None => Matrix::IDENTITY,
    };
    let walk = walk_tile(doc, stream, limits)?;
    let [(image, image_matrix)] = walk.images.as_slice() else {
        return None;
    };
    if !walk.painted.is_empty() {
        return None;
    }
    Some(TileImage {
        image,
        colour_spaces: walk.resource(b"ColorSpace"),
        image_matrix: *image_matrix,
        matrix,
        tile,
        step: (step[0].abs(), step[1].abs()),
    })
}

/// A number entry, through references.
fn floats_one(doc: &Document, dict: &Dictionary, key: &[u8]) -> Option<f64> {
    let o = doc.dereference(dict.get(key).ok()?).ok()?.1;
    o.as_float().ok().map(f64::from)
}

/// Whether `outer` covers `inner`, short by at most `slack` of `inner`'s sides.
fn covers(outer: &Rect, inner: &Rect, slack: f64) -> bool {
    let (sx, sy) = (inner.width() * slack, inner.height() * slack);
    outer.x0 <= inner.x0 + sx
        && outer.x1 >= inner.x1 - sx
        && outer.top <= inner.top + sy
        && outer.bottom >= inner.bottom - sy
}

/// What a tile's content has painted so far, in pattern space.
struct TileWalk<'a> {
    doc: &'a Document,
    resources: Option<&'a Dictionary>,
    limits: &'a Limits,
    ctm: Matrix,
    saved: Vec<(Matrix, Option<Colour>, Space)>,
    fill: Option<Colour>,
    space: Space,
    /// Rectangles of the path being built.
    path: Vec<Rect>,
    /// Rectangles painted, with their colour.
    painted: Vec<(Rect, Colour)>,
    /// Images of no one colour drawn upright, with their unit square's matrix.
    images: Vec<(&'a lopdf::Stream, Matrix)>,
    bytes: usize,
}

impl<'a> TileWalk<'a> {
    /// Follow one operator; `None` for anything a one-colour tile does not do.
    fn op(&mut self, op: &Op<'_>) -> Option<()> {
        match op {
            Op::Save => {
                if self.saved.len() >= TILE_SAVE_DEPTH_MAX {
                    return None;
                }
                self.saved.push((self.ctm, self.fill, self.space.clone()));
            }
            Op::Restore => {
                let (ctm, fill, space) = self.saved.pop()?;
                (self.ctm, self.fill, self.space) = (ctm, fill, space);
            }
            Op::Transform([a, b, c, d, e, f]) => {
                self.ctm = Matrix::new(*a, *b, *c, *d, *e, *f).then(&self.ctm);
            }
            Op::Rectangle([x, y, w, h]) => self.path.push(self.upright(*x, *y, *w, *h)?),
            Op::Fill => {
                let colour = self.fill?;
                for r in self.path.drain(..) {
                    self.painted.push((r, colour));
                }
            }
            Op::EndPath => self.path.clear(),
            Op::Gray { stroke: false, v } => self.set(Space::Gray, &[*v]),
            Op::Rgb { stroke: false, c } => self.set(Space::Rgb, c),
            Op::Cmyk { stroke: false, c } => self.set(Space::Cmyk, c),
            Op::ColourSpace {
                stroke: false,
                name,
            } => {
                let spaces = self.resource(b"ColorSpace");
                self.space = colour::resolve(self.doc, &Object::Name(name.to_vec()), spaces, 0)?;
                self.fill = self.space.initial();
            }
            Op::Colour {
                stroke: false,
                comps,
                pattern: None,
            } => self.fill = self.space.to_rgb(comps),
            Op::XObject(name) => self.image(name)?,
            // Stroking colours and line styles change nothing painted by filling.
            Op::Gray { stroke: true, .. }
            | Op::Rgb { stroke: true, .. }
            | Op::Cmyk { stroke: true, .. }
            | Op::ColourSpace { stroke: true, .. }
            | Op::Colour { stroke: true, .. }
            | Op::LineWidth(_)
            | Op::MarkedBegin(_)
            | Op::MarkedEnd
            | Op::Ignored => {}
            Op::ExtGState(name) => self.ext_gstate(name)?,
            _ => return None,
        }
        Some(())
    }

    fn set(&mut self, space: Space, comps: &[f64]) {
        self.fill = space.to_rgb(comps);
        self.space = space;
    }

    /// A rectangle through the tile's matrix, when that keeps it upright.
    fn upright(&self, x: f64, y: f64, w: f64, h: f64) -> Option<Rect> {
        let m = &self.ctm;
        if !(m.b == 0.0 && m.c == 0.0 || m.a == 0.0 && m.d == 0.0) {
            return None;
        }
        let r = Rect::from_corners(m.apply(x, y), m.apply(x + w, y + h));
        r.is_finite().then_some(r)
    }

    fn resource(&self, key: &[u8]) -> Option<&'a Dictionary> {
        let o = self.resources?.get(key).ok()?;
        self.doc.dereference(o).ok()?.1.as_dict().ok()
    }

    /// An image drawn over the unit square: one of one colour is painted; another is kept
    /// aside (a tile of one big image, [`tile_image`]).
    fn image(&mut self, name: &[u8]) -> Option<()> {
        let o = self.resource(b"XObject")?.get(name).ok()?;
        let stream = self.doc.dereference(o).ok()?.1.as_stream().ok()?;
        if stream.dict.get(b"Subtype").and_then(|s| s.as_name()).ok()? != b"Image" {
            return None;
        }
        let spaces = self.resource(b"ColorSpace");
        let r = self.upright(0.0, 0.0, 1.0, 1.0)?;
        match image_colour::uniform(self.doc, stream, spaces, self.limits) {
            Some((colour, bytes)) => {
                self.bytes += bytes;
                self.painted.push((r, colour));
            }
            None => self.images.push((stream, self.ctm)),
        }
        Some(())
    }

    /// A graphics state that paints opaquely with the normal blend; anything else is no plain
    /// colour.
    fn ext_gstate(&self, name: &[u8]) -> Option<()> {
        let o = self.resource(b"ExtGState")?.get(name).ok()?;
        let gs = self.doc.dereference(o).ok()?.1.as_dict().ok()?;
        let ca = gs.get(b"ca").ok().and_then(|o| o.as_float().ok());
        if ca.is_some_and(|a| a < 1.0) {
            return None;
        }
        let normal = match gs.get(b"BM") {
            Err(_) => true,
            Ok(Object::Name(n)) => matches!(n.as_slice(), b"Normal" | b"Compatible"),
            Ok(_) => false,
        };
        let soft_mask = gs
            .get(b"SMask")
            .is_ok_and(|m| m.as_name().map_or(true, |n| n != b"None"));
        (normal && !soft_mask).then_some(())
    }
}

/// An integer entry, through references.
fn int(doc: &Document, dict: &Dictionary, key: &[u8]) -> Option<i64> {
    let o = doc.dereference(dict.get(key).ok()?).ok()?.1;
    o.as_i64().ok()
}

/// An array of numbers, through references.
fn floats(doc: &Document, dict: &Dictionary, key: &[u8]) -> Option<Vec<f64>> {
    let a = doc
        .dereference(dict.get(key).ok()?)
        .ok()?
        .1
        .as_array()
        .ok()?;
    a.iter()
        .map(|v| {
            doc.dereference(v)
                .ok()
                .and_then(|(_, v)| v.as_float().ok())
                .map(f64::from)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::dictionary;

    fn axial(c0: Vec<Object>, c1: Vec<Object>) -> Object {
        Object::Dictionary(dictionary! {
            "ShadingType" => 2,
            "ColorSpace" => "DeviceRGB",
            "Coords" => vec![0.into(), 0.into(), 0.into(), 1.into()],
            "Function" => dictionary! {
                "FunctionType" => 2, "Domain" => vec![0.into(), 1.into()],
                "C0" => c0, "C1" => c1, "N" => 1,
            },
        })
    }

    #[test]
    fn a_shading_between_near_colours_has_their_middle_and_a_wide_one_none() {
        let doc = Document::with_version("1.5");
        let flat = axial(
            vec![1.into(), 0.8.into(), 0.4.into()],
            vec![1.into(), 0.8.into(), 0.4.into()],
        );
        assert_eq!(shading(&doc, &flat, None), Colour::from_hex("#FFCC66"));
        // 0.9 → 229.5, 0.84 → 214.2: 15 apart, read as the middle.
        let near = axial(
            vec![1.into(), 0.9.into(), 0.6.into()],
            vec![1.into(), 0.84.into(), 0.6.into()],
        );
        assert!(shading(&doc, &near, None).is_some());
        let wide = axial(
            vec![1.into(), 0.into(), 0.into()],
            vec![0.into(), 0.into(), 1.into()],
        );
        assert_eq!(shading(&doc, &wide, None), None);
    }

    /// A navy header shading lightening by 30 units (Chromium's CSS gradient, #203864 to
    /// #2C4C82) is one shade to a reader: its middle. White to that navy is a picture.
    #[test]
    fn a_shading_30_units_wide_has_its_middle_and_white_to_navy_none() {
        let doc = Document::with_version("1.5");
        let rgb = |r: u8, g: u8, b: u8| -> Vec<Object> {
            [r, g, b]
                .iter()
                .map(|&c| Object::Real(f32::from(c) / 255.0))
                .collect()
        };
        let navy = axial(rgb(0x20, 0x38, 0x64), rgb(0x2C, 0x4C, 0x82));
        assert_eq!(shading(&doc, &navy, None), Colour::from_hex("#264273"));
        let picture = axial(rgb(0xFF, 0xFF, 0xFF), rgb(0x20, 0x38, 0x64));
        assert_eq!(shading(&doc, &picture, None), None);
    }
}
