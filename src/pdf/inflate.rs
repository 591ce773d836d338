//! Page content streams, one by one, so that damage in one is named and what decodes before
//! it is kept. lopdf's page-content reader drops a stream it cannot decompress without a word
//! (and, depending on the deflate backend in the build, a stream damaged half-way gives
//! either its first half or nothing); here a FlateDecode stream that fails is inflated again
//! incrementally and its intact prefix kept, with a warning.

use lopdf::{Document as Lopdf, Object, ObjectId, Stream};
use std::cell::RefCell;

/// One content stream's decoded bytes and what went wrong reading it.
pub(crate) struct Decoded {
    pub bytes: Vec<u8>,
    pub problem: Option<Problem>,
}

/// Why a content stream was not read whole.
pub(crate) enum Problem {
    /// It inflates past the per-stream limit.
    TooBig,
    /// It could not be decoded; `kept` bytes from before the damage were kept.
    Damaged { reason: String, kept: usize },
}

/// The content streams of a page (ISO 32000-1, 7.8.2: one stream or an array of them), and
/// how many of the entries named there could not be read as streams.
pub(crate) fn page_streams(doc: &Lopdf, page: ObjectId) -> (Vec<&Stream>, usize) {
    fn resolve<'a>(doc: &'a Lopdf, o: &'a Object) -> Option<&'a Stream> {
        match o {
            Object::Reference(id) => doc.get_object(*id).ok()?.as_stream().ok(),
            Object::Stream(s) => Some(s),
            _ => None,
        }
    }
    let Some(contents) = doc
        .get_dictionary(page)
        .ok()
        .and_then(|d| d.get(b"Contents").ok())
    else {
        return (Vec::new(), 0);
    };
    let items: Vec<&Object> = match contents {
        Object::Array(items) => items.iter().collect(),
        Object::Reference(id) => match doc.get_object(*id) {
            Ok(Object::Array(items)) => items.iter().collect(),
            _ => vec![contents],
        },
        o => vec![o],
    };
    let streams: Vec<&Stream> = items.iter().filter_map(|o| resolve(doc, o)).collect();
    let missing = items.len() - streams.len();
    (streams, missing)
}

fn is_flate_only(s: &Stream) -> bool {
    match s.dict.get(b"Filter") {
        Ok(Object::Name(n)) => n == b"FlateDecode",
        Ok(Object::Array(a)) => {
            a.len() == 1 && matches!(a.first(), Some(Object::Name(n)) if n == b"FlateDecode")
        }
        _ => false,
    }
}

/// Decode one content stream within `limit` bytes.
pub(crate) fn decode(s: &Stream, limit: usize) -> Decoded {
    if is_flate_only(s) && s.dict.get(b"DecodeParms").is_err() {
        if let Some(bytes) = inflate_whole(&s.content, limit) {
            return Decoded {
                bytes,
                problem: None,
            };
        }
    }
    match s.get_plain_content_with_limit(limit) {
        Ok(bytes) => Decoded {
            bytes,
            problem: None,
        },
        Err(lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded { .. })) => {
            Decoded {
                bytes: Vec::new(),
                problem: Some(Problem::TooBig),
            }
        }
        Err(e) => {
            let bytes = if is_flate_only(s) && s.dict.get(b"DecodeParms").is_err() {
                inflate_prefix(&s.content, limit)
            } else {
                Vec::new()
            };
            Decoded {
                problem: Some(Problem::Damaged {
                    reason: e.to_string(),
                    kept: bytes.len(),
                }),
                bytes,
            }
        }
    }
}

/// How many times its compressed size a content stream is first given room for (text and
/// paths deflate to a fifth to a tenth; more room is made when it is not enough).
const INFLATE_RATIO_GUESS: usize = 4;

thread_local! {
    /// One inflater per thread, reset for each stream (making one allocates and clears its
    /// window).
    static INFLATER: RefCell<flate2::Decompress> = RefCell::new(flate2::Decompress::new(true));
}

/// Zlib data inflated whole in one pass into a buffer sized from its length: `None` unless it
/// ends cleanly (checksum included) within `limit` bytes. What this gives is what lopdf's
/// reader gives for such data; anything else goes to lopdf, which keeps its fallbacks and its
/// limit error.
fn inflate_whole(data: &[u8], limit: usize) -> Option<Vec<u8>> {
    if data.is_empty() {
        return None;
    }
    INFLATER.with(|cell| {
        let mut d = cell.try_borrow_mut().ok()?;
        d.reset(true);
        let room = data
            .len()
            .saturating_mul(INFLATE_RATIO_GUESS)
            .min(limit.saturating_add(1));
        let mut out: Vec<u8> = Vec::with_capacity(room);
        loop {
            let consumed = usize::try_from(d.total_in()).ok()?;
            let rest = data.get(consumed..)?;
            let produced = out.len();
            if out.len() == out.capacity() {
                if out.len() > limit {
                    return None;
                }
                let more = out.len().max(1).min(limit.saturating_add(1) - out.len());
                out.reserve(more);
            }
            match d.decompress_vec(rest, &mut out, flate2::FlushDecompress::None) {
                Ok(flate2::Status::StreamEnd) => break,
                Ok(_) => {}
                Err(_) => return None,
            }
            let progressed = out.len() > produced || usize::try_from(d.total_in()).ok()? > consumed;
            if !progressed {
                return None;
            }
        }
        (out.len() <= limit).then_some(out)
    })
}

/// Inflate zlib data as far as it is intact, at most `limit` bytes.
pub(crate) fn inflate_prefix(data: &[u8], limit: usize) -> Vec<u8> {
    const CHUNK: usize = 64 * 1024;
    let mut d = flate2::Decompress::new(true);
    let mut out: Vec<u8> = Vec::new();
    loop {
        let consumed = usize::try_from(d.total_in()).unwrap_or(usize::MAX);
        let Some(rest) = data.get(consumed..) else {
            break;
        };
        let produced = out.len();
        out.reserve(CHUNK.min(limit.saturating_sub(out.len()).max(1)));
        match d.decompress_vec(rest, &mut out, flate2::FlushDecompress::None) {
            Ok(flate2::Status::StreamEnd) | Err(_) => break,
            Ok(_) => {}
        }
        let progressed =
            out.len() > produced || usize::try_from(d.total_in()).unwrap_or(0) > consumed;
        if !progressed || out.len() >= limit {
            break;
        }
    }
    out.truncate(limit);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn zlib(data: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    #[test]
    fn the_intact_prefix_of_damaged_data_is_kept() {
        let text: Vec<u8> = (0..20_000)
            .flat_map(|i| format!("BT /F1 12 Tf {i} 0 Td (w{i}) Tj ET\n").into_bytes())
            .collect();
        let mut z = zlib(&text);
        assert_eq!(inflate_prefix(&z, usize::MAX), text);
        let n = z.len();
        for b in &mut z[n / 2..n / 2 + 16] {
            *b ^= 0x5A;
        }
        let kept = inflate_prefix(&z, usize::MAX);
        assert!(
            kept.len() > 1000 && kept.len() < text.len(),
            "{}",
            kept.len()
        );
        assert_eq!(&text[..1000], &kept[..1000]);
        assert_eq!(inflate_prefix(&zlib(&text), 100).len(), 100);
        assert!(inflate_prefix(b"not zlib at all", 1000).is_empty());
    }

    fn flate_stream(content: Vec<u8>) -> Stream {
        let mut dict = lopdf::Dictionary::new();
        dict.set("Filter", Object::Name(b"FlateDecode".to_vec()));
        Stream::new(dict, content)
    }

    #[test]
    fn a_whole_stream_is_inflated_as_lopdf_inflates_it() {
        // Text, and a run of spaces that deflates far past the first guess of room.
        let text: Vec<u8> = (0..5_000)
            .flat_map(|i| format!("BT /F1 12 Tf {i} 0 Td (w{i}) Tj ET\n").into_bytes())
            .chain(std::iter::repeat_n(b' ', 300_000))
            .collect();
        let z = zlib(&text);
        assert!(text.len() > z.len() * INFLATE_RATIO_GUESS * 2);
        assert_eq!(inflate_whole(&z, usize::MAX).as_deref(), Some(&text[..]));
        // Twice in a row on one thread: the inflater is reset between streams.
        assert_eq!(inflate_whole(&z, usize::MAX).as_deref(), Some(&text[..]));
        let stream = flate_stream(z.clone());
        assert_eq!(
            stream.get_plain_content_with_limit(usize::MAX).unwrap(),
            text
        );
        let d = decode(&stream, usize::MAX);
        assert!(d.problem.is_none());
        assert_eq!(d.bytes, text);
        // Exactly at the limit is whole; one byte over is lopdf's limit error.
        assert_eq!(
            inflate_whole(&z, text.len()).map(|b| b.len()),
            Some(text.len())
        );
        assert_eq!(inflate_whole(&z, text.len() - 1), None);
        assert!(matches!(
            decode(&stream, text.len() - 1).problem,
            Some(Problem::TooBig)
        ));
    }

    #[test]
    fn damaged_or_cut_data_is_left_to_lopdf() {
        let text: Vec<u8> = (0..20_000)
            .flat_map(|i| format!("{i} 0 Td (w{i}) Tj\n").into_bytes())
            .collect();
        let z = zlib(&text);
        // Cut short: no end of stream.
        assert_eq!(inflate_whole(&z[..z.len() / 2], usize::MAX), None);
        // A wrong checksum.
        let mut bad_sum = z.clone();
        if let Some(b) = bad_sum.last_mut() {
            *b ^= 0xFF;
        }
        assert_eq!(inflate_whole(&bad_sum, usize::MAX), None);
        assert_eq!(inflate_whole(b"not zlib at all", usize::MAX), None);
        assert_eq!(inflate_whole(b"", usize::MAX), None);
        // lopdf keeps what it read of the cut stream; decode gives the same.
        let cut = flate_stream(z[..z.len() / 2].to_vec());
        let by_lopdf = cut.get_plain_content_with_limit(usize::MAX).ok();
        let d = decode(&cut, usize::MAX);
        match by_lopdf {
            Some(bytes) => assert_eq!(d.bytes, bytes),
            None => assert!(d.problem.is_some()),
        }
    }
}
