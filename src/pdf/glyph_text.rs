//! [`GlyphText`]: a glyph's Unicode text, kept inside the glyph. A page has thousands of
//! glyphs and each one's text is a character or a short ligature, so a heap string per glyph
//! was one allocation and one free per glyph; this holds up to [`INLINE`] bytes in place (the
//! size of a `String`) and only longer text on the heap.

use serde::{Serialize, Serializer};
use std::fmt;
use std::ops::Deref;

/// Bytes held in place: every character (4 bytes at most) and any ligature or ToUnicode
/// sequence up to this length; longer text goes to the heap.
pub const INLINE: usize = 22;

/// Every ASCII character in order, so that one can be given as a `&str` by slicing.
const ASCII: &str = "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f\
    \x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f\
    \x20\x21\x22\x23\x24\x25\x26\x27\x28\x29\x2a\x2b\x2c\x2d\x2e\x2f\
    \x30\x31\x32\x33\x34\x35\x36\x37\x38\x39\x3a\x3b\x3c\x3d\x3e\x3f\
    \x40\x41\x42\x43\x44\x45\x46\x47\x48\x49\x4a\x4b\x4c\x4d\x4e\x4f\
    \x50\x51\x52\x53\x54\x55\x56\x57\x58\x59\x5a\x5b\x5c\x5d\x5e\x5f\
    \x60\x61\x62\x63\x64\x65\x66\x67\x68\x69\x6a\x6b\x6c\x6d\x6e\x6f\
    \x70\x71\x72\x73\x74\x75\x76\x77\x78\x79\x7a\x7b\x7c\x7d\x7e\x7f";

/// A glyph's text (usually one character). Reads as a `&str` (it derefs to one).
#[derive(Clone)]
pub struct GlyphText(Repr);

#[derive(Clone)]
enum Repr {
    /// `len` bytes of UTF-8 at the start of `bytes`; the rest are zero.
    Inline {
        len: u8,
        bytes: [u8; INLINE],
    },
    Heap(Box<str>),
}

impl GlyphText {
    /// The text `s`.
    pub fn new(s: &str) -> GlyphText {
        GlyphText::concat(s, "")
    }

    /// The text `a` then `b`.
    pub fn concat(a: &str, b: &str) -> GlyphText {
        let len = a.len() + b.len();
        if len > INLINE {
            let mut s = String::with_capacity(len);
            s.push_str(a);
            s.push_str(b);
            return GlyphText(Repr::Heap(s.into_boxed_str()));
        }
        let mut bytes = [0u8; INLINE];
        for (slot, byte) in bytes.iter_mut().zip(a.bytes().chain(b.bytes())) {
            *slot = byte;
        }
        GlyphText(Repr::Inline {
            len: len as u8,
            bytes,
        })
    }

    /// The text as a string slice. A single ASCII character (most glyphs) is sliced from a
    /// table, without checking the bytes again.
    pub fn as_str(&self) -> &str {
        match &self.0 {
            Repr::Inline {
                len: 1,
                bytes: [b, ..],
            } if b.is_ascii() => {
                let i = usize::from(*b);
                ASCII.get(i..i + 1).unwrap_or_default()
            }
            Repr::Inline { len, bytes } => bytes
                .get(..usize::from(*len))
                .and_then(|b| std::str::from_utf8(b).ok())
                .unwrap_or_default(),
            Repr::Heap(s) => s,
        }
    }

    /// Whether the text is empty (without reading it).
    pub fn is_empty(&self) -> bool {
        match &self.0 {
            Repr::Inline { len, .. } => *len == 0,
            Repr::Heap(s) => s.is_empty(),
        }
    }
}

impl Default for GlyphText {
    fn default() -> Self {
        GlyphText::new("")
    }
}

impl Deref for GlyphText {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for GlyphText {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl From<&str> for GlyphText {
    fn from(s: &str) -> Self {
        GlyphText::new(s)
    }
}

impl From<String> for GlyphText {
    fn from(s: String) -> Self {
        GlyphText::new(&s)
    }
}

impl From<char> for GlyphText {
    fn from(c: char) -> Self {
        GlyphText::new(c.encode_utf8(&mut [0; 4]))
    }
}

impl PartialEq for GlyphText {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for GlyphText {}

impl PartialEq<str> for GlyphText {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for GlyphText {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl fmt::Debug for GlyphText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for GlyphText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for GlyphText {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_and_long_text_read_back() {
        let long = "a ToUnicode sequence longer than the inline room";
        for text in [
            "",
            "A",
            "é",
            "\u{1F600}",
            "ffi",
            "1234567890123456789012",
            long,
        ] {
            let g = GlyphText::new(text);
            assert_eq!(g.as_str(), text);
            assert_eq!(format!("{g:?}"), format!("{text:?}"));
        }
        assert!(matches!(GlyphText::new(long).0, Repr::Heap(_)));
        assert!(matches!(GlyphText::new("ffi").0, Repr::Inline { .. }));
        assert_eq!(GlyphText::concat("f", "i"), GlyphText::new("fi"));
        assert_eq!(
            GlyphText::concat("abcdefghijklmnopqrst", "ĳk").as_str(),
            "abcdefghijklmnopqrstĳk"
        );
        assert_eq!(GlyphText::from('\u{2022}'), "\u{2022}");
        assert_eq!(
            std::mem::size_of::<GlyphText>(),
            std::mem::size_of::<String>()
        );
        for b in 0u8..128 {
            let c = char::from(b);
            assert_eq!(GlyphText::from(c).as_str(), c.to_string());
        }
        assert!(GlyphText::default().is_empty() && !GlyphText::new("a").is_empty());
    }
}
