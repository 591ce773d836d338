//! TeX bitmap fonts: pdfTeX (and dvips through Ghostscript) embed a font they have only as a
//! PK bitmap as a Type3 font with no /ToUnicode, usually no font name, and glyph names that
//! are only codes (`/a65`). The code is the glyph's slot in the TeX font's own encoding:
//! OT1 for Computer Modern (`cmr10`), T1 (Cork) for the EC fonts and most modern LaTeX.
//!
//! The encoding is taken from the font's name when it tells (`ec…`/`tc…` fonts are T1,
//! `cm…` fonts OT1), else from the codes the font uses: T1 puts the f-ligatures at
//! 0x1B–0x1F, the dashes at 0x15/0x16, the double quotes at 0x10/0x11 and accented letters
//! above 0x7F; OT1 puts the ligatures at 0x0B–0x0F, the dashes at 0x7B/0x7C and the double
//! quotes at 0x5C/0x22. When neither wins, only the codes both encodings agree on are read.

/// A TeX text-font encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TexEncoding {
    /// OT1, Knuth's Computer Modern layout (128 slots).
    Ot1,
    /// T1, the Cork encoding of the EC and Latin Modern fonts (256 slots).
    T1,
    /// Not known: only the slots OT1 and T1 share are read.
    Unknown,
}

/// The code in a glyph name that is only a code: `a65` → 65 (pdfTeX's and dvips' names for
/// the characters of a PK font).
pub(crate) fn code_of_name(name: &str) -> Option<u8> {
    let digits = name.strip_prefix('a')?;
    if digits.is_empty() || digits.len() > 3 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// The encoding a font's name tells, if any (a subset prefix "ABCDEF+" is ignored).
fn encoding_of_name(name: &str) -> TexEncoding {
    let base = name.rsplit('+').next().unwrap_or(name).to_ascii_lowercase();
    if base.starts_with("ec") && base.len() > 2 {
        TexEncoding::T1
    } else if base.starts_with("cm") && !base.starts_with("cmtt") && !base.starts_with("cmsy") {
        TexEncoding::Ot1
    } else {
        TexEncoding::Unknown
    }
}

/// Whether `code` is a slot only T1 fills in running text (ligatures, dashes, double quotes,
/// the upper half).
fn t1_sign(code: u8) -> bool {
    matches!(code, 0x10 | 0x11 | 0x15 | 0x16 | 0x1B..=0x1F) || code >= 0x80
}

/// Whether `code` is a slot only OT1 fills in running text (ligatures, dashes, “).
fn ot1_sign(code: u8) -> bool {
    matches!(code, 0x0B..=0x0F | 0x5C | 0x7B | 0x7C)
}

/// The encoding of a TeX font named `name` that uses `codes`: the name's when it tells, else
/// the one whose signs the codes show (and the other's do not).
pub(crate) fn decide(name: &str, codes: &[u8]) -> TexEncoding {
    match encoding_of_name(name) {
        TexEncoding::Unknown => {}
        known => return known,
    }
    let t1 = codes.iter().any(|&c| t1_sign(c));
    let ot1 = codes.iter().any(|&c| ot1_sign(c));
    match (t1, ot1) {
        (true, false) => TexEncoding::T1,
        (false, true) => TexEncoding::Ot1,
        _ => TexEncoding::Unknown,
    }
}

/// The text of `code` in `enc`, or `None` for a slot with no text (accents drawn over a
/// letter, the visible-space and compound-word marks) or that the encodings disagree on
/// when `enc` is unknown.
pub(crate) fn text(enc: TexEncoding, code: u8) -> Option<&'static str> {
    let s = match enc {
        TexEncoding::T1 => T1.get(usize::from(code)).copied(),
        TexEncoding::Ot1 => OT1.get(usize::from(code)).copied(),
        TexEncoding::Unknown => {
            let a = T1.get(usize::from(code)).copied();
            let b = OT1.get(usize::from(code)).copied();
            if a == b {
                a
            } else {
                None
            }
        }
    };
    s.filter(|s| !s.is_empty())
}

/// OT1 (Computer Modern roman): the first 128 slots; "" for a slot with no text of its own.
#[rustfmt::skip]
const OT1: [&str; 128] = [
    // 0x00: Greek capitals, then the ligatures ff fi fl ffi ffl.
    "\u{393}", "\u{394}", "\u{398}", "\u{39B}", "\u{39E}", "\u{3A0}", "\u{3A3}", "\u{3A5}",
    "\u{3A6}", "\u{3A8}", "\u{3A9}", "ff", "fi", "fl", "ffi", "ffl",
    // 0x10: dotless i and j, accents, ß æ œ ø Æ Œ Ø.
    "\u{131}", "\u{237}", "\u{60}", "\u{B4}", "\u{2C7}", "\u{2D8}", "\u{AF}", "\u{2DA}",
    "\u{B8}", "\u{DF}", "\u{E6}", "\u{153}", "\u{F8}", "\u{C6}", "\u{152}", "\u{D8}",
    // 0x20: the stroke of ł (no text), then ASCII with ” at 0x22.
    "", "!", "\u{201D}", "#", "$", "%", "&", "\u{2019}",
    "(", ")", "*", "+", ",", "-", ".", "/",
    "0", "1", "2", "3", "4", "5", "6", "7",
    "8", "9", ":", ";", "\u{A1}", "=", "\u{BF}", "?",
    "@", "A", "B", "C", "D", "E", "F", "G",
    "H", "I", "J", "K", "L", "M", "N", "O",
    "P", "Q", "R", "S", "T", "U", "V", "W",
    "X", "Y", "Z", "[", "\u{201C}", "]", "\u{2C6}", "\u{2D9}",
    "\u{2018}", "a", "b", "c", "d", "e", "f", "g",
    "h", "i", "j", "k", "l", "m", "n", "o",
    "p", "q", "r", "s", "t", "u", "v", "w",
    // 0x78: x y z, en dash, em dash, accents.
    "x", "y", "z", "\u{2013}", "\u{2014}", "\u{2DD}", "\u{2DC}", "\u{A8}",
];

/// T1 (Cork): all 256 slots; "" for a slot with no text of its own.
#[rustfmt::skip]
const T1: [&str; 256] = [
    // 0x00: accents, then ‚ ‹ ›.
    "\u{60}", "\u{B4}", "\u{2C6}", "\u{2DC}", "\u{A8}", "\u{2DD}", "\u{2DA}", "\u{2C7}",
    "\u{2D8}", "\u{AF}", "\u{2D9}", "\u{B8}", "\u{2DB}", "\u{201A}", "\u{2039}", "\u{203A}",
    // 0x10: “ ” „ « » – — (compound-word mark) (zero of ‰) ı ȷ ff fi fl ffi ffl.
    "\u{201C}", "\u{201D}", "\u{201E}", "\u{AB}", "\u{BB}", "\u{2013}", "\u{2014}", "",
    "", "\u{131}", "\u{237}", "ff", "fi", "fl", "ffi", "ffl",
    // 0x20: visible space, then ASCII with ’ and ‘.
    "\u{2423}", "!", "\"", "#", "$", "%", "&", "\u{2019}",
    "(", ")", "*", "+", ",", "-", ".", "/",
    "0", "1", "2", "3", "4", "5", "6", "7",
    "8", "9", ":", ";", "<", "=", ">", "?",
    "@", "A", "B", "C", "D", "E", "F", "G",
    "H", "I", "J", "K", "L", "M", "N", "O",
    "P", "Q", "R", "S", "T", "U", "V", "W",
    "X", "Y", "Z", "[", "\\", "]", "^", "_",
    "\u{2018}", "a", "b", "c", "d", "e", "f", "g",
    "h", "i", "j", "k", "l", "m", "n", "o",
    "p", "q", "r", "s", "t", "u", "v", "w",
    "x", "y", "z", "{", "|", "}", "~", "-",
    // 0x80: Central European capitals.
    "\u{102}", "\u{104}", "\u{106}", "\u{10C}", "\u{10E}", "\u{11A}", "\u{118}", "\u{11E}",
    "\u{139}", "\u{13D}", "\u{141}", "\u{143}", "\u{147}", "\u{14A}", "\u{150}", "\u{154}",
    "\u{158}", "\u{15A}", "\u{160}", "\u{15E}", "\u{164}", "\u{162}", "\u{170}", "\u{16E}",
    "\u{178}", "\u{179}", "\u{17D}", "\u{17B}", "\u{132}", "\u{130}", "\u{111}", "\u{A7}",
    // 0xA0: their small letters, then ¡ ¿ £.
    "\u{103}", "\u{105}", "\u{107}", "\u{10D}", "\u{10F}", "\u{11B}", "\u{119}", "\u{11F}",
    "\u{13A}", "\u{13E}", "\u{142}", "\u{144}", "\u{148}", "\u{14B}", "\u{151}", "\u{155}",
    "\u{159}", "\u{15B}", "\u{161}", "\u{15F}", "\u{165}", "\u{163}", "\u{171}", "\u{16F}",
    "\u{FF}", "\u{17A}", "\u{17E}", "\u{17C}", "\u{133}", "\u{A1}", "\u{BF}", "\u{A3}",
    // 0xC0: Latin-1 capitals, Œ at 0xD7 and SS at 0xDF.
    "\u{C0}", "\u{C1}", "\u{C2}", "\u{C3}", "\u{C4}", "\u{C5}", "\u{C6}", "\u{C7}",
    "\u{C8}", "\u{C9}", "\u{CA}", "\u{CB}", "\u{CC}", "\u{CD}", "\u{CE}", "\u{CF}",
    "\u{D0}", "\u{D1}", "\u{D2}", "\u{D3}", "\u{D4}", "\u{D5}", "\u{D6}", "\u{152}",
    "\u{D8}", "\u{D9}", "\u{DA}", "\u{DB}", "\u{DC}", "\u{DD}", "\u{DE}", "SS",
    // 0xE0: Latin-1 small letters, œ at 0xF7 and ß at 0xFF.
    "\u{E0}", "\u{E1}", "\u{E2}", "\u{E3}", "\u{E4}", "\u{E5}", "\u{E6}", "\u{E7}",
    "\u{E8}", "\u{E9}", "\u{EA}", "\u{EB}", "\u{EC}", "\u{ED}", "\u{EE}", "\u{EF}",
    "\u{F0}", "\u{F1}", "\u{F2}", "\u{F3}", "\u{F4}", "\u{F5}", "\u{F6}", "\u{153}",
    "\u{F8}", "\u{F9}", "\u{FA}", "\u{FB}", "\u{FC}", "\u{FD}", "\u{FE}", "\u{DF}",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_that_are_codes() {
        assert_eq!(code_of_name("a65"), Some(65));
        assert_eq!(code_of_name("a0"), Some(0));
        assert_eq!(code_of_name("a256"), None);
        assert_eq!(code_of_name("a"), None);
        assert_eq!(code_of_name("acute"), None);
        assert_eq!(code_of_name("g65"), None);
    }

    #[test]
    fn the_codes_decide_the_encoding() {
        // "fi" and an en dash in T1, then in OT1; plain letters tell nothing.
        assert_eq!(decide("", &[0x1C, 0x15, b'a']), TexEncoding::T1);
        assert_eq!(decide("", &[0x0C, 0x7B, b'a']), TexEncoding::Ot1);
        assert_eq!(decide("", b"Total"), TexEncoding::Unknown);
        assert_eq!(decide("", &[0x0C, 0x1C]), TexEncoding::Unknown);
        // The name wins over the codes.
        assert_eq!(decide("ABCDEF+ecrm1000", &[0x0C]), TexEncoding::T1);
        assert_eq!(decide("CMBX12", &[0x1C]), TexEncoding::Ot1);
    }

    #[test]
    fn slots_read_in_their_encoding() {
        assert_eq!(text(TexEncoding::T1, 0x1C), Some("fi"));
        assert_eq!(text(TexEncoding::Ot1, 0x0C), Some("fi"));
        assert_eq!(text(TexEncoding::T1, 0x16), Some("\u{2014}"));
        assert_eq!(text(TexEncoding::Ot1, 0x7C), Some("\u{2014}"));
        assert_eq!(text(TexEncoding::T1, 0xBF), Some("\u{A3}"));
        assert_eq!(text(TexEncoding::Ot1, 0xBF), None);
        // Unknown: shared letters read, disputed slots do not.
        assert_eq!(text(TexEncoding::Unknown, b'Q'), Some("Q"));
        assert_eq!(text(TexEncoding::Unknown, 0x22), None);
        assert_eq!(text(TexEncoding::Unknown, 0x7B), None);
    }
}
