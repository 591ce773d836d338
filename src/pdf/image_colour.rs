//! The one colour of an image whose pixels are all alike. Producers shade a table cell by
//! stretching a tiny one-colour image over it (reportlab's `drawImage`, some Word and
//! spreadsheet exports of picture fills); a reader sees a filled cell, so such an image is
//! read as a filled rectangle of its colour.
//!
//! Only small images are decoded, through lossless filters (Flate, LZW, ASCII85, ASCIIHex,
//! RunLength, or none), in DeviceGray, DeviceRGB, DeviceCMYK or Indexed, 1 to 8 bits per
//! component, with no mask and no /Decode array. A photograph (DCT, JPX) or anything over
//! the pixel or byte cap ([`super::limits::Limits::image_colour_pixels`],
//! [`super::limits::Limits::image_colour_bytes`]) stays an image, and so does one covering
//! half the page or more ([`super::limits::Limits::image_fill_page_share`]: a scan or a page
//! background, not a cell's shading).

use lopdf::{Dictionary, Document, Stream};

use super::colour::{self, Space};
use super::limits::Limits;
use super::types::Colour;

/// Filters that decode exactly; an image through any other is not looked at.
const LOSSLESS: [&[u8]; 5] = [
    b"FlateDecode",
    b"LZWDecode",
    b"ASCII85Decode",
    b"ASCIIHexDecode",
    b"RunLengthDecode",
];

/// An image's sampling, read from its dictionary: what every colour reading needs.
struct Sampling {
    width: usize,
    height: usize,
    /// Samples per pixel.
    n: usize,
    bpc: usize,
    /// Bytes per row of samples.
    row: usize,
    space: Space,
}

/// The sampling of an opaque image through lossless filters in a device or indexed space,
/// with no mask and no /Decode array; `None` for anything else (see the module
/// documentation). No size is checked here.
fn sampling(
    doc: &Document,
    stream: &Stream,
    colour_spaces: Option<&Dictionary>,
) -> Option<Sampling> {
    let dict = &stream.dict;
    let flag = |k: &[u8]| dict.get(k).and_then(|o| o.as_bool()).unwrap_or(false);
    if flag(b"ImageMask") || dict.has(b"SMask") || dict.has(b"Mask") || dict.has(b"Decode") {
        return None;
    }
    if let Ok(filters) = stream.filters() {
        if !filters.iter().all(|f| LOSSLESS.contains(f)) {
            return None;
        }
    }
    let int = |k: &[u8]| {
        dict.get(k)
            .ok()
            .and_then(|o| doc.dereference(o).ok())
            .and_then(|(_, o)| o.as_i64().ok())
    };
    let width = usize::try_from(int(b"Width")?).ok()?;
    let height = usize::try_from(int(b"Height")?).ok()?;
    let bpc = usize::try_from(int(b"BitsPerComponent")?).ok()?;
    if width == 0 || height == 0 || !matches!(bpc, 1 | 2 | 4 | 8) {
        return None;
    }
    let space = colour::resolve(doc, dict.get(b"ColorSpace").ok()?, colour_spaces, 0)?;
    if !matches!(
        space,
        Space::Gray | Space::Rgb | Space::Cmyk | Space::Indexed { .. }
    ) {
        return None;
    }
    let n = space.components();
    let row = width.checked_mul(n)?.checked_mul(bpc)?.div_ceil(8);
    Some(Sampling {
        width,
        height,
        n,
        bpc,
        row,
        space,
    })
}

impl Sampling {
    /// The colour of one pixel's samples.
    fn colour(&self, samples: [u8; 4]) -> Option<Colour> {
        let scale = if matches!(self.space, Space::Indexed { .. }) {
            1.0
        } else {
            f64::from((1u32 << self.bpc) - 1)
        };
        let comps: Vec<f64> = samples
            .iter()
            .take(self.n)
            .map(|&v| f64::from(v) / scale)
            .collect();
        self.space.to_rgb(&comps)
    }
}

/// The image's colour when every pixel is the same, with the decoded bytes read (for the
/// document's byte budget); `None` for anything else.
pub(crate) fn uniform(
    doc: &Document,
    stream: &Stream,
    colour_spaces: Option<&Dictionary>,
    limits: &Limits,
) -> Option<(Colour, usize)> {
    if stream.content.len() > limits.image_colour_bytes {
        return None;
    }
    let s = sampling(doc, stream, colour_spaces)?;
    let (width, height, row) = (s.width, s.height, s.row);
    if width.saturating_mul(height) > limits.image_colour_pixels {
        return None;
    }
    let total = row.checked_mul(height)?;
    if total > limits.image_colour_bytes {
        return None;
    }
    // The cap is on every stage of a filter chain: the ASCII85 text of a tiny Flate stream
    // is longer than the pixels it holds, so the chain is bounded by the byte cap, not by the
    // image's size.
    let data = stream
        .get_plain_content_with_limit(limits.image_colour_bytes)
        .ok()?;
    let first = samples(&data, 0, s.n, s.bpc)?;
    for y in 0..height {
        let start = y.checked_mul(row)?;
        let line = data.get(start..start.checked_add(row)?)?;
        for x in 0..width {
            if samples(line, x, s.n, s.bpc)? != first {
                return None;
            }
        }
    }
    Some((s.colour(first)?, data.len()))
}

/// A part of an image's unit square (ISO 32000-1, 8.9.4: u runs left to right, v bottom to
/// top), clamped to it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct UnitWindow {
    pub u0: f64,
    pub u1: f64,
    pub v0: f64,
    pub v1: f64,
}

/// What the pixels of a window of a big image show.
#[derive(Debug, PartialEq)]
pub(crate) enum Region {
    /// One colour (within [`crate::tolerance::GRADIENT_ONE_COLOUR`]: the middle of their range), with the
    /// decoded bytes read.
    Colour(Colour, usize),
    /// The image is over [`Limits::image_region_pixels`] or
    /// [`Limits::image_region_bytes`]: not decoded.
    TooBig { pixels: usize },
    /// No one colour, or an image not read (masked, lossy, damaged).
    None,
}

/// Distinct pixel values looked at in a window; a gentle gradient has a few dozen, and more
/// than this is a picture, not a shade.
const REGION_DISTINCT_MAX: usize = 1024;

/// The one colour the pixels of `window` show, as a reader sees the part of a big image a
/// filled rectangle shows (Chromium paints a CSS gradient cell through a tiling pattern
/// whose tile is a page-sized image). The image's outermost pixel on each side of the window
/// is left out when the window is wider than two pixels: it is shared with what lies next
/// to it. Only rows down to the window's last are inflated when the image is plain Flate.
pub(crate) fn region(
    doc: &Document,
    stream: &Stream,
    colour_spaces: Option<&Dictionary>,
    limits: &Limits,
    window: UnitWindow,
) -> Region {
    let Some(s) = sampling(doc, stream, colour_spaces) else {
        return Region::None;
    };
    let pixels = s.width.saturating_mul(s.height);
    let total = s.row.saturating_mul(s.height);
    if pixels > limits.image_region_pixels
        || total > limits.image_region_bytes
        || stream.content.len() > limits.image_region_bytes
    {
        return Region::TooBig { pixels };
    }
    let Some((x0, x1)) = span(window.u0, window.u1, s.width) else {
        return Region::None;
    };
    // Row 0 of the data is the top of the image (v = 1).
    let Some((y0, y1)) = span(1.0 - window.v1, 1.0 - window.v0, s.height) else {
        return Region::None;
    };
    let needed = s.row.saturating_mul(y1);
    let plain_flate = stream
        .filters()
        .is_ok_and(|f| f.as_slice() == [b"FlateDecode".as_slice()])
        && !stream.dict.has(b"DecodeParms");
    let data = if plain_flate {
        super::inflate::inflate_prefix(&stream.content, needed)
    } else {
        match stream.get_plain_content_with_limit(limits.image_region_bytes) {
            Ok(d) => d,
            Err(_) => return Region::None,
        }
    };
    match window_colour(&s, &data, (x0, x1), (y0, y1)) {
        Some(c) => Region::Colour(c, data.len()),
        None => Region::None,
    }
}

/// The pixel indices `[a, b)` a share `[lo, hi]` (0–1) of `len` pixels covers, less the edge
/// pixel on each side when more than two remain; `None` when it covers none.
fn span(lo: f64, hi: f64, len: usize) -> Option<(usize, usize)> {
    let (lo, hi) = (lo.clamp(0.0, 1.0), hi.clamp(0.0, 1.0));
    if !lo.is_finite() || !hi.is_finite() || lo >= hi {
        return None;
    }
    let n = len as f64;
    let a = (lo * n).floor() as usize;
    let b = ((hi * n).ceil() as usize).min(len);
    if b <= a {
        return None;
    }
    Some(if b - a > 2 { (a + 1, b - 1) } else { (a, b) })
}

/// The one colour of the pixels in columns `xs` and rows `ys` of the decoded `data`.
fn window_colour(
    s: &Sampling,
    data: &[u8],
    xs: (usize, usize),
    ys: (usize, usize),
) -> Option<Colour> {
    let mut seen: Vec<[u8; 4]> = Vec::new();
    for y in ys.0..ys.1 {
        let start = y.checked_mul(s.row)?;
        let line = data.get(start..start.checked_add(s.row)?)?;
        for x in xs.0..xs.1 {
            let px = samples(line, x, s.n, s.bpc)?;
            if !seen.contains(&px) {
                if seen.len() >= REGION_DISTINCT_MAX {
                    return None;
                }
                seen.push(px);
            }
        }
    }
    let colours: Vec<Colour> = seen.iter().map(|&px| s.colour(px)).collect::<Option<_>>()?;
    super::pattern::one_colour(&colours)
}

/// The `n` samples of pixel `x` in one row of `bpc`-bit samples.
fn samples(line: &[u8], x: usize, n: usize, bpc: usize) -> Option<[u8; 4]> {
    let mut out = [0u8; 4];
    for (k, slot) in out.iter_mut().enumerate().take(n) {
        let bit = (x * n + k) * bpc;
        let byte = *line.get(bit / 8)?;
        let shift = 8 - bpc - bit % 8;
        *slot = (byte >> shift) & (((1u16 << bpc) - 1) as u8);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::{dictionary, Object};

    fn image(w: i64, h: i64, space: &str, bpc: i64, data: Vec<u8>) -> Stream {
        Stream::new(
            dictionary! {
                "Type" => "XObject", "Subtype" => "Image", "Width" => w, "Height" => h,
                "ColorSpace" => Object::Name(space.as_bytes().to_vec()),
                "BitsPerComponent" => bpc,
            },
            data,
        )
    }

    #[test]
    fn a_one_colour_image_has_that_colour_and_a_two_colour_one_none() {
        let doc = Document::with_version("1.5");
        let limits = Limits::default();
        let green = image(2, 2, "DeviceRGB", 8, [197u8, 224, 180].repeat(4));
        let got = uniform(&doc, &green, None, &limits).map(|(c, _)| c);
        assert_eq!(
            got,
            Some(Colour {
                r: 197,
                g: 224,
                b: 180
            })
        );
        let mut two = [197u8, 224, 180].repeat(4);
        two[11] = 0;
        assert_eq!(
            uniform(&doc, &image(2, 2, "DeviceRGB", 8, two), None, &limits),
            None
        );
        // One bit per pixel, rows padded to a byte: all set is white.
        let white = image(3, 2, "DeviceGray", 1, vec![0b1110_0000, 0b1110_0000]);
        assert_eq!(
            uniform(&doc, &white, None, &limits).map(|(c, _)| c),
            Some(Colour::WHITE)
        );
    }

    #[test]
    fn an_image_over_the_pixel_cap_or_short_of_data_is_not_read() {
        let doc = Document::with_version("1.5");
        let small = Limits {
            image_colour_pixels: 3,
            ..Limits::default()
        };
        let grey = image(2, 2, "DeviceGray", 8, vec![128; 4]);
        assert_eq!(uniform(&doc, &grey, None, &small), None);
        let short = image(2, 2, "DeviceGray", 8, vec![128; 3]);
        assert_eq!(uniform(&doc, &short, None, &Limits::default()), None);
    }

    #[test]
    fn a_window_of_a_big_image_has_the_colour_its_pixels_show() {
        let doc = Document::with_version("1.5");
        // 4 × 4 grey: the top two rows 200 and 210 (a gentle step), the bottom two 0.
        let mut data = vec![200u8; 4];
        data.extend([210u8; 4]);
        data.extend([0u8; 8]);
        let img = image(4, 4, "DeviceGray", 8, data);
        let limits = Limits::default();
        let top = UnitWindow {
            u0: 0.0,
            u1: 1.0,
            v0: 0.5,
            v1: 1.0,
        };
        // Two rows: no edge pixel is left out; 200 and 210 read as their middle.
        assert_eq!(
            region(&doc, &img, None, &limits, top),
            Region::Colour(
                Colour {
                    r: 205,
                    g: 205,
                    b: 205
                },
                16
            )
        );
        let all = UnitWindow { v0: 0.0, ..top };
        assert_eq!(region(&doc, &img, None, &limits, all), Region::None);
        let small = Limits {
            image_region_pixels: 15,
            ..Limits::default()
        };
        assert_eq!(
            region(&doc, &img, None, &small, top),
            Region::TooBig { pixels: 16 }
        );
    }
}
