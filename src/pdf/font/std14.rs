//! The standard 14 fonts (ISO 32000-1 §9.6.2.2): recognising them and their common
//! aliases by `/BaseFont`, and their built-in metrics.

use super::generated::afm::{AfmFont, FONTS};

/// One of the standard 14 fonts. The discriminant is the index in [`FONTS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Std14 {
    Courier = 0,
    CourierBold = 1,
    CourierOblique = 2,
    CourierBoldOblique = 3,
    Helvetica = 4,
    HelveticaBold = 5,
    HelveticaOblique = 6,
    HelveticaBoldOblique = 7,
    TimesRoman = 8,
    TimesBold = 9,
    TimesItalic = 10,
    TimesBoldItalic = 11,
    Symbol = 12,
    ZapfDingbats = 13,
}

#[derive(Clone, Copy)]
enum Family {
    Courier,
    Helvetica,
    Times,
    Symbol,
    ZapfDingbats,
}

fn family_of(name: &str) -> Option<Family> {
    Some(match name {
        "courier" | "couriernew" | "courierstd" => Family::Courier,
        "helvetica" | "arial" => Family::Helvetica,
        "times" | "timesroman" | "timesnewroman" => Family::Times,
        "symbol" => Family::Symbol,
        "zapfdingbats" | "dingbats" | "itczapfdingbats" => Family::ZapfDingbats,
        _ => return None,
    })
}

/// The name without a subset prefix ("ABCDEF+").
pub(crate) fn strip_subset(name: &str) -> &str {
    match name.split_once('+') {
        Some((tag, rest)) if tag.len() == 6 && tag.bytes().all(|b| b.is_ascii_uppercase()) => rest,
        _ => name,
    }
}

impl Std14 {
    /// The standard font a `/BaseFont` names, directly or by a common alias (Arial ->
    /// Helvetica, TimesNewRoman -> Times, CourierNew -> Courier, with ",Bold" or "-BoldMT"
    /// style suffixes and subset prefixes ignored).
    pub(crate) fn from_base_font(base_font: &str) -> Option<Std14> {
        let compact: String = strip_subset(base_font)
            .chars()
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_lowercase)
            .collect();
        let (family, style) = compact
            .split_once([',', '-'])
            .unwrap_or((compact.as_str(), ""));
        let mut bold = style.contains("bold");
        let mut italic = style.contains("italic") || style.contains("oblique");
        let mut fam = family;
        let family = loop {
            if let Some(f) = family_of(fam) {
                break f;
            }
            // Peel a suffix ("ArialMT", "TimesNewRomanPS", "ArialBold") and try again.
            let mut peeled = None;
            for suffix in [
                "mt",
                "ps",
                "bolditalic",
                "boldoblique",
                "bold",
                "italic",
                "oblique",
            ] {
                if let Some(rest) = fam.strip_suffix(suffix) {
                    bold |= suffix.contains("bold");
                    italic |= suffix.contains("italic") || suffix.contains("oblique");
                    peeled = Some(rest);
                    break;
                }
            }
            fam = peeled?;
        };
        Some(match (family, bold, italic) {
            (Family::Courier, false, false) => Std14::Courier,
            (Family::Courier, true, false) => Std14::CourierBold,
            (Family::Courier, false, true) => Std14::CourierOblique,
            (Family::Courier, true, true) => Std14::CourierBoldOblique,
            (Family::Helvetica, false, false) => Std14::Helvetica,
            (Family::Helvetica, true, false) => Std14::HelveticaBold,
            (Family::Helvetica, false, true) => Std14::HelveticaOblique,
            (Family::Helvetica, true, true) => Std14::HelveticaBoldOblique,
            (Family::Times, false, false) => Std14::TimesRoman,
            (Family::Times, true, false) => Std14::TimesBold,
            (Family::Times, false, true) => Std14::TimesItalic,
            (Family::Times, true, true) => Std14::TimesBoldItalic,
            (Family::Symbol, _, _) => Std14::Symbol,
            (Family::ZapfDingbats, _, _) => Std14::ZapfDingbats,
        })
    }

    /// The font's AFM metrics.
    pub(crate) fn afm(self) -> &'static AfmFont {
        // The discriminants are 0..=13 and FONTS has 14 entries.
        &FONTS[self as usize]
    }

    /// Advance width of a glyph in 1/1000 em, if the font has that glyph.
    pub(crate) fn width(self, glyph: &str) -> Option<u16> {
        let widths = self.afm().widths;
        widths
            .binary_search_by(|(n, _)| n.as_bytes().cmp(glyph.as_bytes()))
            .ok()
            .and_then(|i| widths.get(i))
            .map(|(_, w)| *w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_aliases() {
        assert_eq!(Std14::from_base_font("Helvetica"), Some(Std14::Helvetica));
        assert_eq!(
            Std14::from_base_font("Helvetica-BoldOblique"),
            Some(Std14::HelveticaBoldOblique)
        );
        assert_eq!(
            Std14::from_base_font("Times-Roman"),
            Some(Std14::TimesRoman)
        );
        assert_eq!(
            Std14::from_base_font("Times-BoldItalic"),
            Some(Std14::TimesBoldItalic)
        );
        assert_eq!(Std14::from_base_font("Arial"), Some(Std14::Helvetica));
        assert_eq!(Std14::from_base_font("ArialMT"), Some(Std14::Helvetica));
        assert_eq!(
            Std14::from_base_font("Arial,Bold"),
            Some(Std14::HelveticaBold)
        );
        assert_eq!(
            Std14::from_base_font("Arial-BoldItalicMT"),
            Some(Std14::HelveticaBoldOblique)
        );
        assert_eq!(
            Std14::from_base_font("ABCDEF+Arial-BoldMT"),
            Some(Std14::HelveticaBold)
        );
        assert_eq!(
            Std14::from_base_font("TimesNewRomanPSMT"),
            Some(Std14::TimesRoman)
        );
        assert_eq!(
            Std14::from_base_font("TimesNewRomanPS-BoldMT"),
            Some(Std14::TimesBold)
        );
        assert_eq!(
            Std14::from_base_font("TimesNewRoman,Italic"),
            Some(Std14::TimesItalic)
        );
        assert_eq!(
            Std14::from_base_font("Times New Roman"),
            Some(Std14::TimesRoman)
        );
        assert_eq!(Std14::from_base_font("CourierNew"), Some(Std14::Courier));
        assert_eq!(
            Std14::from_base_font("CourierNewPS-BoldMT"),
            Some(Std14::CourierBold)
        );
        assert_eq!(Std14::from_base_font("Symbol"), Some(Std14::Symbol));
        assert_eq!(Std14::from_base_font("SymbolMT"), Some(Std14::Symbol));
        assert_eq!(
            Std14::from_base_font("ZapfDingbats"),
            Some(Std14::ZapfDingbats)
        );
        assert_eq!(Std14::from_base_font("ArialNarrow"), None);
        assert_eq!(Std14::from_base_font("Arial Unicode MS"), None);
        assert_eq!(Std14::from_base_font("LiberationSans"), None);
        assert_eq!(Std14::from_base_font(""), None);
    }

    #[test]
    fn widths() {
        assert_eq!(Std14::Helvetica.width("space"), Some(278));
        assert_eq!(Std14::Helvetica.width("A"), Some(667));
        assert_eq!(Std14::TimesRoman.width("A"), Some(722));
        assert_eq!(Std14::CourierBold.width("W"), Some(600));
        assert_eq!(Std14::Symbol.width("bullet"), Some(460));
        assert_eq!(Std14::Helvetica.width("nosuchglyph"), None);
        assert_eq!(Std14::Helvetica.afm().ascent, 718);
        assert_eq!(Std14::Symbol.afm().ascent, 1010);
    }
}
