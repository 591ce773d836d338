//! Inline images (`BI … ID … EI`, 8.9.7). lopdf reads an unfiltered inline image into a stream
//! whose dictionary keeps the abbreviated keys (`/W`, `/H`, `/CS`, `/BPC`); a filtered or
//! damaged one it skips to its `EI`, so the content after it is still read. A small upright
//! opaque inline image of one colour is a filled rectangle, as an image XObject is
//! ([`crate::pdf::image_colour`]), under the same limits and the document's byte budget; one
//! that could not be read is still an image (its box) and is counted in a page warning.

use lopdf::content::Operation;
use lopdf::{Dictionary, Object, Stream};

use super::Interpreter;
use crate::pdf::content::{self, Operand};
use crate::pdf::error::WarningKind;

/// Abbreviated inline-image keys and the image XObject keys they stand for (Table 93).
const KEYS: [(&[u8], &[u8]); 9] = [
    (b"BPC", b"BitsPerComponent"),
    (b"CS", b"ColorSpace"),
    (b"D", b"Decode"),
    (b"DP", b"DecodeParms"),
    (b"F", b"Filter"),
    (b"H", b"Height"),
    (b"IM", b"ImageMask"),
    (b"I", b"Interpolate"),
    (b"W", b"Width"),
];

/// The inline image of a `BI` operation lopdf read, taken out of it; `None` for any other
/// operation, and for a `BI` lopdf skipped (its operands are empty).
pub(super) fn take(op: &mut Operation) -> Option<Stream> {
    if op.operator != "BI" {
        return None;
    }
    match op.operands.pop() {
        Some(Object::Stream(s)) => Some(s),
        _ => None,
    }
}

/// Abbreviated filter names and the filters they stand for (Table 94).
const FILTERS: [(&[u8], &[u8]); 5] = [
    (b"A85", b"ASCII85Decode"),
    (b"AHx", b"ASCIIHexDecode"),
    (b"Fl", b"FlateDecode"),
    (b"LZW", b"LZWDecode"),
    (b"RL", b"RunLengthDecode"),
];

/// A filtered inline image from its dictionary's bytes (`/W 4 /H 4 … /F [/A85 /Fl]`) and its
/// data, as the fast reader found them; `None` when the dictionary holds anything but names,
/// numbers and arrays of them (a boolean such as `/IM true`, a nested dictionary): such an
/// image is not read for its colour.
pub(super) fn from_bytes(dict: &[u8], data: &[u8]) -> Option<Stream> {
    let mut text = dict.to_vec();
    text.extend_from_slice(b" Zz");
    let ops = content::decode(&text)?;
    let view = ops.get(0)?;
    let mut out = Dictionary::new();
    let mut tokens = view.operands.iter();
    while let Some(key) = tokens.next() {
        let Operand::Name(k) = *key else { return None };
        let value = match *tokens.next()? {
            Operand::Number(n) => number(n),
            Operand::Name(b) => Object::Name(filter(view.bytes(b)).to_vec()),
            Operand::Array(count) => {
                let mut items = Vec::new();
                for _ in 0..count {
                    items.push(match *tokens.next()? {
                        Operand::Number(n) => number(n),
                        Operand::Name(b) => Object::Name(filter(view.bytes(b)).to_vec()),
                        _ => return None,
                    });
                }
                Object::Array(items)
            }
            _ => return None,
        };
        out.set(view.bytes(k).to_vec(), value);
    }
    Some(Stream::new(out, data.to_vec()))
}

/// A number as lopdf would hold it.
fn number(n: f64) -> Object {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        Object::Integer(n as i64)
    } else {
        Object::Real(n as f32)
    }
}

/// A filter's full name for its abbreviation; any other name as it is.
fn filter(name: &[u8]) -> &[u8] {
    FILTERS
        .iter()
        .find(|(short, _)| *short == name)
        .map_or(name, |(_, long)| *long)
}

/// The image with its dictionary's keys spelled out, as an image XObject's are.
fn expand(stream: Stream) -> Stream {
    let mut dict = Dictionary::new();
    for (key, value) in stream.dict.iter() {
        let full = KEYS
            .iter()
            .find(|(short, _)| *short == key.as_slice())
            .map_or(key.as_slice(), |(_, long)| *long);
        dict.set(full.to_vec(), value.clone());
    }
    Stream::new(dict, stream.content)
}

impl<'a> Interpreter<'a> {
    /// `BI … EI`: an image over the unit square, read for its one colour when lopdf could read
    /// its data (`inline`, taken from the operation by [`take`]).
    pub(super) fn inline_image(&mut self, res: Option<&'a Dictionary>) {
        let stream = self.inline.take().map(expand);
        if stream.is_none() {
            self.unread_inline += 1;
        }
        self.image(stream.as_ref(), res);
    }

    /// At the page's end: one warning for the inline images whose data could not be read.
    pub(super) fn report_unread_inline(&mut self) {
        if self.unread_inline > 0 {
            let count = self.unread_inline;
            self.warn(WarningKind::ContentUnreadable {
                reason: format!(
                    "{count} inline images could not be read (a filter not supported inline, \
                     or damaged data); each is kept as an image of no one colour"
                ),
            });
        }
    }
}
