//! Simple-font encodings (ISO 32000-1 §9.6.6, Annex D) and glyph names to Unicode
//! (the Adobe Glyph List and its naming conventions: `uniXXXX`, `uXXXX[XX]`, `a_b`, `a.sc`).

use std::borrow::Cow;

use super::generated::{agl, encodings};

/// A named base encoding of a simple font.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BaseEncoding {
    /// StandardEncoding (the default of Type 1 text fonts).
    Standard,
    /// MacRomanEncoding.
    MacRoman,
    /// WinAnsiEncoding.
    WinAnsi,
    /// The built-in encoding of the Symbol font.
    Symbol,
    /// The built-in encoding of ZapfDingbats.
    ZapfDingbats,
}

impl BaseEncoding {
    /// The encoding a `/Encoding` or `/BaseEncoding` name stands for. MacExpertEncoding is
    /// not supported (its glyphs are small caps and old-style figures) and gives `None`.
    pub(crate) fn from_name(name: &[u8]) -> Option<Self> {
        match name {
            b"StandardEncoding" => Some(BaseEncoding::Standard),
            b"MacRomanEncoding" => Some(BaseEncoding::MacRoman),
            b"WinAnsiEncoding" => Some(BaseEncoding::WinAnsi),
            _ => None,
        }
    }

    /// The glyph name of `code`, or "" when the encoding has none.
    pub(crate) fn glyph(self, code: u8) -> &'static str {
        let table = match self {
            BaseEncoding::Standard => &encodings::STANDARD,
            BaseEncoding::MacRoman => &encodings::MAC_ROMAN,
            BaseEncoding::WinAnsi => &encodings::WIN_ANSI,
            BaseEncoding::Symbol => &encodings::SYMBOL,
            BaseEncoding::ZapfDingbats => &encodings::ZAPF_DINGBATS,
        };
        table[usize::from(code)]
    }
}

fn lookup(table: &'static [(&'static str, &'static str)], name: &str) -> Option<&'static str> {
    table
        .binary_search_by(|(n, _)| n.as_bytes().cmp(name.as_bytes()))
        .ok()
        .and_then(|i| table.get(i))
        .map(|(_, u)| *u)
}

fn hex_value(s: &str) -> Option<u32> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    u32::from_str_radix(s, 16).ok()
}

/// Unicode of one glyph-name component (no '.' or '_' left in it).
fn component_to_unicode(name: &str, zapf: bool, out: &mut String) -> bool {
    if zapf {
        if let Some(u) = lookup(agl::ZAPF_DINGBATS_GLYPHS, name) {
            out.push_str(u);
            return true;
        }
    }
    if let Some(u) = lookup(agl::AGL, name) {
        out.push_str(u);
        return true;
    }
    if let Some(hex) = name.strip_prefix("uni") {
        // uniXXXX, or several groups of four: uni00660069 -> "fi".
        if !hex.is_empty() && hex.len() % 4 == 0 && hex.is_ascii() {
            let mut s = String::new();
            let mut rest = hex;
            while let Some((group, tail)) = rest.split_at_checked(4) {
                match hex_value(group).and_then(char::from_u32) {
                    Some(c) => s.push(c),
                    None => return false,
                }
                rest = tail;
                if rest.is_empty() {
                    out.push_str(&s);
                    return true;
                }
            }
            return false;
        }
    }
    if let Some(hex) = name.strip_prefix('u') {
        if (4..=6).contains(&hex.len()) {
            if let Some(c) = hex_value(hex).and_then(char::from_u32) {
                out.push(c);
                return true;
            }
        }
    }
    false
}

/// The Unicode text of a glyph name (Adobe Glyph List specification), or `None` for names
/// that carry no Unicode meaning (`.notdef`, `g31`, `cid123`, ...). `zapf` adds the
/// ZapfDingbats names `a1`..`a191`.
pub(crate) fn glyph_to_unicode(name: &str, zapf: bool) -> Option<Cow<'static, str>> {
    if name.is_empty() || name.starts_with('.') {
        return None;
    }
    if zapf {
        if let Some(u) = lookup(agl::ZAPF_DINGBATS_GLYPHS, name) {
            return Some(Cow::Borrowed(u));
        }
    }
    if let Some(u) = lookup(agl::AGL, name) {
        return Some(Cow::Borrowed(u));
    }
    // Drop a suffix after the first period, then split ligature components on '_'.
    let base = name.split('.').next().unwrap_or("");
    let mut out = String::new();
    for part in base.split('_') {
        component_to_unicode(part, zapf, &mut out);
    }
    if out.is_empty() {
        None
    } else {
        Some(Cow::Owned(out))
    }
}

/// The replacement of a private-use bullet as Word, LibreOffice and others emit them from
/// Symbol, Wingdings and OpenSymbol (U+F0xx): "•", or "✓" for the Wingdings check mark.
pub(crate) fn private_use_replacement(c: char) -> Option<&'static str> {
    match u32::from(c) {
        0xF0B7 | 0xF0A7 | 0xF06C | 0xF06E | 0xF075 | 0xF076 | 0xF0A8 | 0xF0D8 | 0xF09F => {
            Some("\u{2022}")
        }
        0xF0FC => Some("\u{2713}"),
        _ => None,
    }
}

/// The letters of a Latin ligature character (U+FB00..U+FB06), as the contract of
/// `DecodedChar::unicode` promises ("fi", not U+FB01).
pub(crate) fn ligature_letters(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{FB00}' => "ff",
        '\u{FB01}' => "fi",
        '\u{FB02}' => "fl",
        '\u{FB03}' => "ffi",
        '\u{FB04}' => "ffl",
        '\u{FB05}' | '\u{FB06}' => "st",
        _ => return None,
    })
}

/// The replacement of `s` when it is exactly one private-use bullet (see
/// [`private_use_replacement`]) or one Latin ligature (see [`ligature_letters`]).
pub(crate) fn fix_single_char(s: &str) -> Option<&'static str> {
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => private_use_replacement(c).or_else(|| ligature_letters(c)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glyph_names() {
        assert_eq!(glyph_to_unicode("A", false).as_deref(), Some("A"));
        assert_eq!(
            glyph_to_unicode("bullet", false).as_deref(),
            Some("\u{2022}")
        );
        assert_eq!(
            glyph_to_unicode("quotedblleft", false).as_deref(),
            Some("\u{201C}")
        );
        assert_eq!(
            glyph_to_unicode("uni2022", false).as_deref(),
            Some("\u{2022}")
        );
        assert_eq!(
            glyph_to_unicode("uni00660069", false).as_deref(),
            Some("fi")
        );
        assert_eq!(
            glyph_to_unicode("u1F600", false).as_deref(),
            Some("\u{1F600}")
        );
        assert_eq!(
            glyph_to_unicode("uD800", false),
            None,
            "surrogates are not characters"
        );
        assert_eq!(glyph_to_unicode("f_i", false).as_deref(), Some("fi"));
        assert_eq!(glyph_to_unicode("a.sc", false).as_deref(), Some("a"));
        assert_eq!(glyph_to_unicode("g31", false), None);
        assert_eq!(glyph_to_unicode("cid123", false), None);
        assert_eq!(glyph_to_unicode(".notdef", false), None);
        assert_eq!(glyph_to_unicode("a71", false), None);
        assert_eq!(glyph_to_unicode("a71", true).as_deref(), Some("\u{25CF}"));
    }

    #[test]
    fn base_encodings() {
        assert_eq!(BaseEncoding::WinAnsi.glyph(0x93), "quotedblleft");
        assert_eq!(BaseEncoding::WinAnsi.glyph(0xA0), "space");
        assert_eq!(BaseEncoding::WinAnsi.glyph(0x7F), "bullet");
        assert_eq!(BaseEncoding::Standard.glyph(0x27), "quoteright");
        assert_eq!(BaseEncoding::Standard.glyph(0x80), "");
        assert_eq!(BaseEncoding::MacRoman.glyph(0xA5), "bullet");
        assert_eq!(BaseEncoding::Symbol.glyph(0xB7), "bullet");
        assert_eq!(BaseEncoding::Symbol.glyph(b'a'), "alpha");
        assert_eq!(BaseEncoding::ZapfDingbats.glyph(0x6C), "a71");
    }

    #[test]
    fn private_use_bullets() {
        assert_eq!(fix_single_char("\u{F0B7}"), Some("\u{2022}"));
        assert_eq!(fix_single_char("\u{F0FC}"), Some("\u{2713}"));
        assert_eq!(fix_single_char("\u{F0B8}"), None);
        assert_eq!(fix_single_char("\u{F0B7}x"), None);
        assert_eq!(fix_single_char("\u{FB01}"), Some("fi"));
        assert_eq!(fix_single_char("A"), None);
    }
}
