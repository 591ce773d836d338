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

    /// The text as a string slice.
    pub fn as_str(&self) -> &str {
        match &self.0 {
            Repr::Inline { len, bytes } => bytes
                .get(..usize::from(*len))
                .and_then(|b| std::str::from_utf8(b).ok())
                .unwrap_or_default(),
            Repr::Heap(s) => s,
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
    }
}
