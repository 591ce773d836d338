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

/// The image's colour when every pixel is the same, with the decoded bytes read (for the
/// document's byte budget); `None` for anything else.
pub(crate) fn uniform(
    doc: &Document,
    stream: &Stream,
    colour_spaces: Option<&Dictionary>,
    limits: &Limits,
) -> Option<(Colour, usize)> {
    let dict = &stream.dict;
    let flag = |k: &[u8]| dict.get(k).and_then(|o| o.as_bool()).unwrap_or(false);
    if flag(b"ImageMask")
        || dict.has(b"SMask")
        || dict.has(b"Mask")
        || dict.has(b"Decode")
        || stream.content.len() > limits.image_colour_bytes
    {
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
    if width == 0
        || height == 0
        || width.saturating_mul(height) > limits.image_colour_pixels
        || !matches!(bpc, 1 | 2 | 4 | 8)
    {
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
    let row_bits = width.checked_mul(n)?.checked_mul(bpc)?;
    let row = row_bits.div_ceil(8);
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
    let first = samples(&data, 0, n, bpc)?;
    for y in 0..height {
        let start = y.checked_mul(row)?;
        let line = data.get(start..start.checked_add(row)?)?;
        for x in 0..width {
            if samples(line, x, n, bpc)? != first {
                return None;
            }
        }
    }
    let scale = if matches!(space, Space::Indexed { .. }) {
        1.0
    } else {
        f64::from((1u32 << bpc) - 1)
    };
    let comps: Vec<f64> = first
        .iter()
        .take(n)
        .map(|&v| f64::from(v) / scale)
        .collect();
    Some((space.to_rgb(&comps)?, data.len()))
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
}
