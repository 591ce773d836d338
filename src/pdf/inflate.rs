//! Page content streams, one by one, so that damage in one is named and what decodes before
//! it is kept. lopdf's page-content reader drops a stream it cannot decompress without a word
//! (and, depending on the deflate backend in the build, a stream damaged half-way gives
//! either its first half or nothing); here a FlateDecode stream that fails is inflated again
//! incrementally and its intact prefix kept, with a warning.

use lopdf::{Document as Lopdf, Object, ObjectId, Stream};

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
}
