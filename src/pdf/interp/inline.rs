//! Inline images (`BI … ID … EI`, 8.9.7). lopdf reads an unfiltered inline image into a stream
//! whose dictionary keeps the abbreviated keys (`/W`, `/H`, `/CS`, `/BPC`); a filtered or
//! damaged one it skips to its `EI`, so the content after it is still read. A small upright
//! opaque inline image of one colour is a filled rectangle, as an image XObject is
//! ([`crate::pdf::image_colour`]), under the same limits and the document's byte budget; one
//! that could not be read is still an image (its box) and is counted in a page warning.

use lopdf::content::Operation;
use lopdf::{Dictionary, Object, Stream};

use super::Interpreter;
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
