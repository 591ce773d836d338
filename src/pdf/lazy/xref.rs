//! Reading the cross-reference data (7.5.4, 7.5.8): the section `startxref` names, the
//! cross-reference stream a hybrid file's table names with `/XRefStm`, and older sections by
//! `/Prev`, merged as lopdf merges them (a newer section's entry wins; a hybrid stream's
//! entries fill the table's free ones). Any irregularity — an offset that does not point at a
//! section, an entry line of an odd form, a stream that does not decode — gives `None`, and
//! lopdf, with its repairs, reads the file instead.

use lopdf::xref::{Xref, XrefEntry, XrefType};
use lopdf::{Dictionary, Object};

use super::object::{LengthOf, Parser};

/// How far from the end `%%EOF` is looked for (as lopdf does).
const EOF_SEARCH_BYTES: usize = 1024;
/// Most sections followed through `/Prev` (real files have one per incremental save).
const MAX_SECTIONS: usize = 64;

/// The merged cross-reference table and the newest trailer.
pub(super) fn read(data: &[u8], stream_limit: usize) -> Option<(Xref, Dictionary)> {
    let start = start_offset(data)?;
    let (mut xref, mut trailer) = section(data, start, stream_limit)?;
    let mut seen = vec![start];
    let mut prev = trailer.remove(b"Prev");
    while let Some(p) = prev {
        let offset = usize::try_from(p.as_i64().ok()?).ok()?;
        if seen.contains(&offset) {
            break;
        }
        if seen.len() >= MAX_SECTIONS {
            return None;
        }
        seen.push(offset);
        let (older, mut older_trailer) = section(data, offset, stream_limit)?;
        xref.merge(older);
        prev = older_trailer.remove(b"Prev");
    }
    Some((xref, trailer))
}

/// The offset after the last `startxref` before `%%EOF`.
fn start_offset(data: &[u8]) -> Option<usize> {
    let end = data
        .iter()
        .rposition(|c| !b" \t\n\r\0\x0C".contains(c))
        .map_or(0, |p| p + 1);
    let tail_start = end.saturating_sub(EOF_SEARCH_BYTES);
    let tail = data.get(tail_start..end)?;
    let eof = tail_start + tail.windows(5).rposition(|w| w == b"%%EOF")?;
    let before = data.get(eof.checked_sub(25)?..eof)?;
    let at = eof - 25 + before.windows(9).rposition(|w| w == b"startxref")?;
    let text = std::str::from_utf8(data.get(at + 9..eof)?).ok()?;
    text.trim().parse().ok()
}

/// One section with its trailer: a table (`xref` … `trailer`) or a cross-reference stream;
/// a table's `/XRefStm` stream merged in.
fn section(data: &[u8], offset: usize, stream_limit: usize) -> Option<(Xref, Dictionary)> {
    let rest = data.get(offset..)?;
    if !rest.starts_with(b"xref") {
        return stream_section(data, offset, stream_limit);
    }
    let (mut xref, mut trailer) = table(data, offset)?;
    if let Some(at) = trailer.remove(b"XRefStm") {
        let at = usize::try_from(at.as_i64().ok()?).ok()?;
        let (hybrid, _) = stream_section(data, at, stream_limit)?;
        xref.merge_hybrid(hybrid);
    }
    Some((xref, trailer))
}

/// A cross-reference table and the trailer after it.
fn table(data: &[u8], offset: usize) -> Option<(Xref, Dictionary)> {
    let mut xref = Xref::new(0, XrefType::CrossReferenceTable);
    let mut pos = offset + 4;
    pos = end_of_line(data, skip_byte(data, pos, b' '))?;
    // Subsections: `first count` then `count` entries of `oooooooooo ggggg n|f`.
    while data.get(pos).is_some_and(u8::is_ascii_digit) {
        let (first, p) = digits(data, pos)?;
        let p = expect(data, p, b' ')?;
        let (count, p) = digits(data, p)?;
        pos = end_of_line(data, skip_byte(data, p, b' '))?;
        for i in 0..count {
            let (off, p) = digits(data, pos)?;
            let p = expect(data, p, b' ')?;
            let (generation, p) = digits(data, p)?;
            let p = expect(data, p, b' ')?;
            let kind = *data.get(p)?;
            pos = entry_end(data, p + 1)?;
            let id = u32::try_from(first.checked_add(i)?).ok()?;
            let entry = match kind {
                b'n' => XrefEntry::Normal {
                    offset: u32::try_from(off).ok()?,
                    generation: u16::try_from(generation).ok()?,
                },
                b'f' => XrefEntry::Free,
                _ => return None,
            };
            xref.insert(id, entry);
        }
    }
    let mut parser = Parser::at(data, pos);
    let trailer = parser.trailer()?;
    xref.size = u32::try_from(trailer.get(b"Size").ok()?.as_i64().ok()?).ok()?;
    Some((xref, trailer))
}

/// A cross-reference stream (`N G obj << /Type /XRef … >> stream`) read into a table; its
/// dictionary is the trailer.
fn stream_section(data: &[u8], offset: usize, stream_limit: usize) -> Option<(Xref, Dictionary)> {
    struct DirectOnly;
    impl LengthOf for DirectOnly {
        fn length_of(&self, _: lopdf::ObjectId) -> Option<i64> {
            None
        }
    }
    let (_, object) = Parser::at(data, offset).indirect(&DirectOnly)?;
    let Object::Stream(stream) = object else {
        return None;
    };
    if !stream.dict.has_type(b"XRef") {
        return None;
    }
    let content = if stream.dict.has(b"Filter") {
        stream.decompressed_content_with_limit(stream_limit).ok()?
    } else {
        stream.content.clone()
    };
    let dict = stream.dict;
    let size = dict.get(b"Size").ok()?.as_i64().ok()?;
    let widths = integers(dict.get(b"W").ok()?)?;
    let [w0, w1, w2] = <[i64; 3]>::try_from(widths).ok()?;
    let widths = [w0, w1, w2].map(|w| usize::try_from(w).ok().filter(|&w| w <= 8));
    let [Some(w0), Some(w1), Some(w2)] = widths else {
        return None;
    };
    let index = match dict.get(b"Index") {
        Ok(o) => integers(o)?,
        Err(_) => vec![0, size],
    };
    let mut xref = Xref::new(u32::try_from(size).ok()?, XrefType::CrossReferenceStream);
    let row = w0 + w1 + w2;
    if row == 0 {
        return None;
    }
    let mut at = 0usize;
    for pair in index.chunks(2) {
        let [first, count] = <[i64; 2]>::try_from(pair).ok()?;
        for i in 0..count {
            let bytes = content.get(at..at + row)?;
            at += row;
            let field = |from: usize, width: usize| {
                bytes
                    .get(from..from + width)
                    .map(|b| b.iter().fold(0u64, |v, &x| (v << 8) | u64::from(x)))
            };
            // A zero-width type field means type 1 (7.5.8.3).
            let kind = if w0 == 0 { 1 } else { field(0, w0)? };
            let (second, third) = (field(w0, w1)?, field(w0 + w1, w2)?);
            let id = u32::try_from(first.checked_add(i)?).ok()?;
            let entry = match kind {
                0 => XrefEntry::Free,
                1 => XrefEntry::Normal {
                    offset: u32::try_from(second).ok()?,
                    generation: u16::try_from(third).ok()?,
                },
                2 => XrefEntry::Compressed {
                    container: u32::try_from(second).ok()?,
                    index: u16::try_from(third).ok()?,
                },
                _ => return None,
            };
            xref.insert(id, entry);
        }
    }
    Some((xref, dict))
}

fn integers(o: &Object) -> Option<Vec<i64>> {
    o.as_array().ok()?.iter().map(|v| v.as_i64().ok()).collect()
}

fn digits(data: &[u8], mut pos: usize) -> Option<(usize, usize)> {
    let start = pos;
    let mut value: usize = 0;
    while let Some(d) = data.get(pos).filter(|d| d.is_ascii_digit()) {
        value = value.checked_mul(10)?.checked_add(usize::from(d - b'0'))?;
        pos += 1;
    }
    (pos > start).then_some((value, pos))
}

fn expect(data: &[u8], pos: usize, byte: u8) -> Option<usize> {
    (data.get(pos) == Some(&byte)).then_some(pos + 1)
}

fn skip_byte(data: &[u8], pos: usize, byte: u8) -> usize {
    if data.get(pos) == Some(&byte) {
        pos + 1
    } else {
        pos
    }
}

/// An end of line: CR LF, LF or CR.
fn end_of_line(data: &[u8], pos: usize) -> Option<usize> {
    match (data.get(pos), data.get(pos + 1)) {
        (Some(b'\r'), Some(b'\n')) => Some(pos + 2),
        (Some(b'\r' | b'\n'), _) => Some(pos + 1),
        _ => None,
    }
}

/// The end of an entry line: SP CR, SP LF, CR LF, or (as many producers write) LF or CR.
fn entry_end(data: &[u8], pos: usize) -> Option<usize> {
    match (data.get(pos), data.get(pos + 1)) {
        (Some(b' '), Some(b'\r' | b'\n')) => Some(pos + 2),
        (Some(b'\r'), Some(b'\n')) => Some(pos + 2),
        (Some(b'\n' | b'\r'), _) => Some(pos + 1),
        _ => None,
    }
}
