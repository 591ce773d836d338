//! PDF text strings (7.9.2.2): UTF-16BE with a byte-order mark, UTF-8 with one, or
//! PDFDocEncoding (taken as Latin-1, which agrees for all printable ASCII and most accents).

/// Decode a text string from the document (metadata, outlines), never failing.
pub fn decode_text_string(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        return String::from_utf16_lossy(&units);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return String::from_utf8_lossy(rest).into_owned();
    }
    bytes.iter().map(|&b| char::from(b)).collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn decodes_utf16_and_latin1() {
        assert_eq!(
            super::decode_text_string(&[0xFE, 0xFF, 0, b'L', 0x20, 0x13]),
            "L\u{2013}"
        );
        assert_eq!(
            super::decode_text_string(b"LibreOffice 7.4"),
            "LibreOffice 7.4"
        );
    }
}
