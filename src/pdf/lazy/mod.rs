//! Loading only the objects the pages need.
//!
//! lopdf's loader parses every object in the file. A tagged PDF's structure tree (one object
//! per paragraph, span and table cell: 96% of the objects of a 247-page Chromium plan), its
//! outlines and its annotations are never read here, and parsing them cost a sixth of a whole
//! `extract`. This reader follows the cross-reference data itself, then parses the objects
//! reachable from the trailer except through the keys in [`UNREAD_KEYS`], and hands lopdf a
//! document holding just those.
//!
//! It is a fast path, not a second loader: encryption, a damaged or unusual cross-reference
//! section, an object whose header does not match its entry, a stream whose `/Length` is
//! wrong, a missing page tree or any syntax it does not read (see [`object`]) make it give up
//! (`None`), and the caller loads the file with lopdf as before, with all its repairs and
//! warnings. Every object it does read is the object lopdf reads for that number (checked in
//! the tests on every fixture).

mod object;
mod xref;

use std::collections::{BTreeMap, HashMap};

use lopdf::xref::{Xref, XrefEntry};
use lopdf::{Object, ObjectId, ObjectStream};

use object::{LengthOf, Parser};

/// Keys whose values no step of the reader looks at (the structure tree, bookmarks, the form's
/// field tree, named destinations, thumbnails, XMP metadata, article threads, application
/// data). Objects reached only through them are not parsed. A page's annotations are read:
/// its form fields' appearances are printed on it.
const UNREAD_KEYS: [&[u8]; 9] = [
    b"StructTreeRoot",
    b"Outlines",
    b"AcroForm",
    b"Names",
    b"Dests",
    b"Thumb",
    b"Metadata",
    b"Threads",
    b"PieceInfo",
];

/// The document with the objects the pages can reach, or `None` when lopdf must load it.
/// `stream_limit` bounds each object and cross-reference stream decoded here; a file with more
/// than `object_limit` entries is left to lopdf (which reports the limit).
pub(crate) fn load(
    bytes: &[u8],
    stream_limit: usize,
    object_limit: usize,
) -> Option<lopdf::Document> {
    // Offsets count from the header, as lopdf counts them.
    let header = bytes.windows(5).position(|w| w == b"%PDF-").unwrap_or(0);
    let data = bytes.get(header..)?;
    let (xref, trailer) = xref::read(data, stream_limit)?;
    if trailer.has(b"Encrypt") || xref.entries.len() > object_limit {
        return None;
    }
    let file = File {
        data,
        xref: &xref,
        stream_limit,
        containers: HashMap::new(),
    };
    if !file.headers_match() {
        return None;
    }
    let objects = file.reachable(&trailer)?;
    let mut doc = lopdf::Document::new();
    doc.version = version(data);
    doc.max_id = xref.size.saturating_sub(1);
    if let Some((&(last, _), _)) = objects.last_key_value() {
        doc.max_id = doc.max_id.max(last);
    }
    doc.objects = objects;
    doc.trailer = trailer;
    doc.reference_table = xref;
    page_tree_loaded(&doc).then_some(doc)
}

/// The version digits of the `%PDF-` header.
fn version(data: &[u8]) -> String {
    let digits = data
        .get(5..)
        .unwrap_or_default()
        .iter()
        .take_while(|c| c.is_ascii_digit() || **c == b'.')
        .map(|&c| char::from(c));
    digits.collect()
}

/// What lopdf checks before it accepts a load: the catalog leads to a page tree with `/Kids`.
fn page_tree_loaded(doc: &lopdf::Document) -> bool {
    doc.catalog()
        .and_then(|catalog| catalog.get(b"Pages"))
        .and_then(Object::as_reference)
        .and_then(|root| doc.get_dictionary(root))
        .and_then(|root| root.get_deref(b"Kids", doc))
        .and_then(Object::as_array)
        .is_ok()
}

/// The file and its cross-reference table while objects are read.
struct File<'a> {
    data: &'a [u8],
    xref: &'a Xref,
    stream_limit: usize,
    /// Object streams decoded so far, by object number.
    containers: HashMap<u32, BTreeMap<ObjectId, Object>>,
}

impl LengthOf for File<'_> {
    fn length_of(&self, id: ObjectId) -> Option<i64> {
        struct NoLengths;
        impl LengthOf for NoLengths {
            fn length_of(&self, _: ObjectId) -> Option<i64> {
                None
            }
        }
        let Some(XrefEntry::Normal { offset, generation }) = self.xref.get(id.0) else {
            return None;
        };
        if *generation != id.1 {
            return None;
        }
        let (found, object) =
            Parser::at(self.data, usize::try_from(*offset).ok()?).indirect(&NoLengths)?;
        (found == id).then_some(())?;
        object.as_i64().ok()
    }
}

impl File<'_> {
    /// Whether every in-use entry points at the header of its own object (lopdf keys each
    /// object by the header it finds, so a stray entry could replace another object there).
    fn headers_match(&self) -> bool {
        self.xref
            .entries
            .iter()
            .all(|(&number, entry)| match *entry {
                XrefEntry::Normal { offset, generation } => {
                    usize::try_from(offset)
                        .ok()
                        .and_then(|at| Parser::at(self.data, at).header())
                        == Some((number, generation))
                }
                _ => true,
            })
    }

    /// Every object reachable from the trailer, not through [`UNREAD_KEYS`]; `None` when one
    /// cannot be read as lopdf would read it.
    fn reachable(mut self, trailer: &lopdf::Dictionary) -> Option<BTreeMap<ObjectId, Object>> {
        let mut objects = BTreeMap::new();
        let mut todo = Vec::new();
        references(&Object::Dictionary(trailer.clone()), &mut todo);
        while let Some(id) = todo.pop() {
            if objects.contains_key(&id) {
                continue;
            }
            let Some(object) = self.read(id)? else {
                continue;
            };
            references(&object, &mut todo);
            objects.insert(id, object);
        }
        Some(objects)
    }

    /// Object `id`: `Some(None)` when the table says it is not there (free, or another
    /// generation), as lopdf would not have it either; `None` when lopdf must decide.
    fn read(&mut self, id: ObjectId) -> Option<Option<Object>> {
        match *self.xref.get(id.0)? {
            XrefEntry::Free | XrefEntry::UnusableFree => Some(None),
            XrefEntry::Normal { generation, .. } if generation != id.1 => Some(None),
            XrefEntry::Normal { offset, .. } => {
                let (found, object) =
                    Parser::at(self.data, usize::try_from(offset).ok()?).indirect(&*self)?;
                (found == id).then_some(Some(object))
            }
            XrefEntry::Compressed { .. } if id.1 != 0 => Some(None),
            XrefEntry::Compressed { container, .. } => {
                if !self.containers.contains_key(&container) {
                    let unpacked = self.unpack(container)?;
                    self.containers.insert(container, unpacked);
                }
                let object = self.containers.get_mut(&container)?.remove(&id)?;
                Some(Some(object))
            }
        }
    }

    /// The objects of object stream `container`.
    fn unpack(&self, container: u32) -> Option<BTreeMap<ObjectId, Object>> {
        let XrefEntry::Normal { offset, generation } = *self.xref.get(container)? else {
            return None;
        };
        let (found, object) =
            Parser::at(self.data, usize::try_from(offset).ok()?).indirect(self)?;
        if found != (container, generation) {
            return None;
        }
        let stream = object.as_stream().ok()?;
        if !stream.dict.has_type(b"ObjStm") {
            return None;
        }
        let unpacked = ObjectStream::new_with_limit(stream, Some(self.stream_limit)).ok()?;
        Some(unpacked.objects)
    }
}

/// Push every reference in `object` onto `todo`, except under [`UNREAD_KEYS`].
fn references(object: &Object, todo: &mut Vec<ObjectId>) {
    match object {
        Object::Reference(id) => todo.push(*id),
        Object::Array(items) => items.iter().for_each(|o| references(o, todo)),
        Object::Dictionary(d) => dictionary_references(d, todo),
        Object::Stream(s) => dictionary_references(&s.dict, todo),
        _ => {}
    }
}

fn dictionary_references(d: &lopdf::Dictionary, todo: &mut Vec<ObjectId>) {
    for (key, value) in d.iter() {
        if !UNREAD_KEYS.contains(&key.as_slice()) {
            references(value, todo);
        }
    }
}

#[cfg(test)]
mod tests;
