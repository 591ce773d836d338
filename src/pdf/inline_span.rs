//! Where a filtered inline image (`BI … ID … EI`, 8.9.7) lies in a content stream, for the
//! fast reader ([`super::content`]). lopdf reads only unfiltered inline images (it skips a
//! filtered one to its `EI`, data unread); reportlab, Ghostscript and others write small
//! images inline through `/F [/A85 /Fl]`, so a filtered one is found here and its dictionary
//! and data are handed to the interpreter. An unfiltered one, or anything unusual, is left to
//! lopdf as before (its data length, not a search for `EI`, ends it).

use super::content::is_white;

/// The dictionary and data of a filtered inline image whose `BI` ends just before `start`,
/// and where the operation ends (after `EI`); `None` to leave it to lopdf.
pub(crate) fn span(data: &[u8], start: usize) -> Option<(Range, Range, usize)> {
    let rest = data.get(start..)?;
    // `ID` as a word: white space (or a delimiter closing a value) before it, one white-space
    // byte after it.
    let id = rest.windows(4).position(|w| {
        (is_white(w[0]) || matches!(w[0], b']' | b'>')) && &w[1..3] == b"ID" && is_white(w[3])
    })? + 1;
    let dict = Range {
        start,
        end: start + id,
    };
    let dict_bytes = data.get(dict.start..dict.end)?;
    if !contains_word(dict_bytes, b"/F") && !contains_word(dict_bytes, b"/Filter") {
        return None;
    }
    let image_start = start + id + 3;
    let after = data.get(image_start..)?;
    // ASCII filters end their data with `~>` (ASCII85) or `>` (hex): `EI` is looked for after
    // that, since their alphabet holds `E` and `I`; binary data is searched as lopdf does.
    let from = if contains_word(dict_bytes, b"/A85") || contains_word(dict_bytes, b"/ASCII85Decode")
    {
        after.windows(2).position(|w| w == b"~>")? + 2
    } else if contains_word(dict_bytes, b"/AHx") || contains_word(dict_bytes, b"/ASCIIHexDecode") {
        after.iter().position(|&c| c == b'>')? + 1
    } else {
        0
    };
    let tail = after.get(from..)?;
    let ei = tail.windows(3).enumerate().find_map(|(i, w)| {
        let ends = tail.get(i + 3).is_none_or(|&c| is_white(c));
        (is_white(w[0]) && &w[1..] == b"EI" && ends).then_some(i)
    })?;
    let image = Range {
        start: image_start,
        end: image_start + from + ei,
    };
    Some((dict, image, image.end + 3))
}

/// A range of the content stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Range {
    /// First byte.
    pub start: usize,
    /// One past the last.
    pub end: usize,
}

/// Whether `hay` holds `name` not followed by more name characters (`/F` but not `/Foo`).
fn contains_word(hay: &[u8], name: &[u8]) -> bool {
    hay.windows(name.len()).enumerate().any(|(i, w)| {
        w == name
            && hay
                .get(i + name.len())
                .is_none_or(|&c| !c.is_ascii_alphanumeric())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_filtered_image_is_found_and_an_unfiltered_one_left_to_lopdf() {
        let data = b"q BI /W 4 /H 4 /CS /RGB /BPC 8 /F [/A85 /Fl] ID\nGa EI z~>\nEI\nQ";
        let (dict, image, end) = span(data, 4).unwrap_or_else(|| panic!("not found"));
        assert_eq!(
            &data[dict.start..dict.end],
            b" /W 4 /H 4 /CS /RGB /BPC 8 /F [/A85 /Fl] "
        );
        assert_eq!(&data[image.start..image.end], b"Ga EI z~>");
        assert_eq!(&data[end..], b"\nQ");
        assert_eq!(span(b"BI /W 1 /H 1 /CS /G /BPC 8 ID \x80 EI", 3), None);
        // No EI at all: left to lopdf, which reports the stream's syntax error.
        assert_eq!(span(b"BI /W 1 /F /Fl ID xx", 3), None);
    }
}
