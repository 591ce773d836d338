//! Reading one indirect object (7.3.10) into lopdf's [`Object`], as lopdf's own parser reads it.
//!
//! Only the plain forms are read here: numbers, names (with `#xx` escapes), literal and
//! hexadecimal strings, arrays, dictionaries, references, `true`, `false`, `null`, comments,
//! and streams whose `/Length` is right. Anything else — a number run into letters, a minus
//! sign inside a fraction, deep nesting, a stream whose length needs recovery, a syntax
//! error — gives `None`, and the caller loads the whole file with lopdf instead, so odd files
//! are read exactly as before.

use lopdf::{Dictionary, Object, ObjectId, Stream, StringFormat};

/// Deepest nesting of arrays, dictionaries and string parentheses read here (real objects
/// nest a few levels; deeper ones go to lopdf, whose own limit is 100).
const MAX_DEPTH: usize = 32;

use crate::pdf::content::{is_regular, is_white};

/// A stream's `/Length` when it is a reference: the caller resolves it.
pub(super) trait LengthOf {
    /// The integer object `id`, if it can be read.
    fn length_of(&self, id: ObjectId) -> Option<i64>;
}

/// A cursor over the file.
pub(super) struct Parser<'a> {
    data: &'a [u8],
    pos: usize,
}

impl<'a> Parser<'a> {
    pub(super) fn at(data: &'a [u8], pos: usize) -> Parser<'a> {
        Parser { data, pos }
    }

    fn peek(&self) -> Option<u8> {
        self.data.get(self.pos).copied()
    }

    fn starts_with(&self, word: &[u8]) -> bool {
        self.data
            .get(self.pos..)
            .is_some_and(|rest| rest.starts_with(word))
    }

    /// White space and comments (a comment must end with an end of line, as lopdf reads it).
    fn space(&mut self) -> Option<()> {
        loop {
            match self.peek() {
                Some(c) if is_white(c) => self.pos += 1,
                Some(b'%') => {
                    while self.peek().is_some_and(|c| c != b'\r' && c != b'\n') {
                        self.pos += 1;
                    }
                    self.peek()?;
                }
                _ => return Some(()),
            }
        }
    }

    /// An unsigned integer of digits only.
    fn unsigned(&mut self) -> Option<u64> {
        let start = self.pos;
        let mut value: u64 = 0;
        while let Some(d) = self.peek().filter(u8::is_ascii_digit) {
            value = value.checked_mul(10)?.checked_add(u64::from(d - b'0'))?;
            self.pos += 1;
        }
        (self.pos > start).then_some(value)
    }

    /// `N G obj` and the object after it; the id is checked by the caller.
    pub(super) fn indirect(&mut self, lengths: &dyn LengthOf) -> Option<(ObjectId, Object)> {
        let id = self.header()?;
        let object = if self.starts_with(b"<<") {
            let dict = self.dictionary(0)?;
            match self.stream_start() {
                Some(start) => self.stream(dict, start, lengths)?,
                None => Object::Dictionary(dict),
            }
        } else {
            self.direct(0)?
        };
        Some((id, object))
    }

    /// `trailer` and its dictionary, after white space.
    pub(super) fn trailer(&mut self) -> Option<Dictionary> {
        self.space()?;
        if !self.starts_with(b"trailer") {
            return None;
        }
        self.pos += 7;
        self.space()?;
        if !self.starts_with(b"<<") {
            return None;
        }
        self.dictionary(0)
    }

    /// `N G obj` and the space after it.
    pub(super) fn header(&mut self) -> Option<ObjectId> {
        self.space()?;
        let number = u32::try_from(self.unsigned()?).ok()?;
        self.space()?;
        let generation = u16::try_from(self.unsigned()?).ok()?;
        self.space()?;
        if !self.starts_with(b"obj") {
            return None;
        }
        self.pos += 3;
        self.space()?;
        Some((number, generation))
    }

    /// After a dictionary: the `stream` keyword and its end of line, giving where the data
    /// starts; `None` (position unchanged) when no stream follows.
    fn stream_start(&mut self) -> Option<usize> {
        let saved = self.pos;
        self.space()?;
        if !self.starts_with(b"stream") {
            self.pos = saved;
            return None;
        }
        self.pos += 6;
        while matches!(self.peek(), Some(b' ' | b'\t')) {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'\r') if self.data.get(self.pos + 1) == Some(&b'\n') => self.pos += 2,
            Some(b'\r' | b'\n') => self.pos += 1,
            _ => {
                self.pos = saved;
                return None;
            }
        }
        Some(self.pos)
    }

    /// A stream's data: exactly `/Length` bytes, then an optional end of line and `endstream`.
    fn stream(&mut self, dict: Dictionary, start: usize, lengths: &dyn LengthOf) -> Option<Object> {
        let length = match dict.get(b"Length").ok()? {
            Object::Integer(n) => *n,
            Object::Reference(id) => lengths.length_of(*id)?,
            _ => return None,
        };
        let end = start.checked_add(usize::try_from(length).ok()?)?;
        let data = self.data.get(start..end)?;
        self.pos = end;
        if self.starts_with(b"\r\n") {
            self.pos += 2;
        } else if matches!(self.peek(), Some(b'\r' | b'\n')) {
            self.pos += 1;
        }
        if !self.starts_with(b"endstream") {
            return None;
        }
        Some(Object::Stream(Stream::new(dict, data.to_vec())))
    }

    /// A direct object and the space after it.
    fn direct(&mut self, depth: usize) -> Option<Object> {
        if depth > MAX_DEPTH {
            return None;
        }
        let object = match self.peek()? {
            b'0'..=b'9' | b'+' | b'-' | b'.' => self.number_or_reference()?,
            b'/' => Object::Name(self.name()?),
            b'(' => Object::String(self.literal()?, StringFormat::Literal),
            b'<' if self.data.get(self.pos + 1) == Some(&b'<') => {
                Object::Dictionary(self.dictionary(depth + 1)?)
            }
            b'<' => Object::String(self.hex()?, StringFormat::Hexadecimal),
            b'[' => self.array(depth + 1)?,
            b'n' | b't' | b'f' => self.keyword()?,
            _ => return None,
        };
        self.space()?;
        Some(object)
    }

    fn keyword(&mut self) -> Option<Object> {
        let start = self.pos;
        while self.peek().is_some_and(is_regular) {
            self.pos += 1;
        }
        match self.data.get(start..self.pos)? {
            b"null" => Some(Object::Null),
            b"true" => Some(Object::Boolean(true)),
            b"false" => Some(Object::Boolean(false)),
            _ => None,
        }
    }

    /// `N G R`, or a number: an integer as `i64`, a real as lopdf reads it (`f32`).
    fn number_or_reference(&mut self) -> Option<Object> {
        let start = self.pos;
        if self.peek().is_some_and(|c| c.is_ascii_digit()) {
            if let Some(id) = self.reference() {
                return Some(Object::Reference(id));
            }
            self.pos = start;
        }
        if matches!(self.peek(), Some(b'+' | b'-')) {
            self.pos += 1;
        }
        let int_start = self.pos;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.pos += 1;
        }
        let int_digits = self.pos - int_start;
        let real = self.peek() == Some(b'.');
        if real {
            self.pos += 1;
            let frac_start = self.pos;
            while self.peek().is_some_and(|c| c.is_ascii_digit()) {
                self.pos += 1;
            }
            if int_digits == 0 && self.pos == frac_start {
                return None;
            }
        } else if int_digits == 0 {
            return None;
        }
        // A number must end at white space or a delimiter (lopdf reads `0.00-41` and `1.5.3`
        // its own way; those go to it).
        if self.peek().is_some_and(is_regular) {
            return None;
        }
        let text = std::str::from_utf8(self.data.get(start..self.pos)?).ok()?;
        if real {
            text.parse::<f32>().ok().map(Object::Real)
        } else {
            text.parse::<i64>().ok().map(Object::Integer)
        }
    }

    /// `N G R` (lopdf allows no space before the `R`).
    fn reference(&mut self) -> Option<ObjectId> {
        let number = u32::try_from(self.unsigned()?).ok()?;
        self.space()?;
        let generation = u16::try_from(self.unsigned()?).ok()?;
        self.space()?;
        if self.peek() != Some(b'R') {
            return None;
        }
        self.pos += 1;
        Some((number, generation))
    }

    /// A name (7.3.5) without its slash, `#xx` escapes decoded.
    fn name(&mut self) -> Option<Vec<u8>> {
        self.pos += 1;
        let mut out = Vec::new();
        while let Some(c) = self.peek().filter(|&c| is_regular(c)) {
            self.pos += 1;
            if c == b'#' {
                let hex = |c: Option<&u8>| c.and_then(|&c| (c as char).to_digit(16));
                let high = hex(self.data.get(self.pos))?;
                let low = hex(self.data.get(self.pos + 1))?;
                out.push(((high << 4) | low) as u8);
                self.pos += 2;
            } else {
                out.push(c);
            }
        }
        Some(out)
    }

    /// A literal string (7.3.4.2): escapes, end-of-line as `\n`, balanced parentheses kept.
    fn literal(&mut self) -> Option<Vec<u8>> {
        self.pos += 1;
        let mut out = Vec::new();
        let mut depth = 0usize;
        loop {
            let c = self.peek()?;
            self.pos += 1;
            match c {
                b'(' => {
                    depth += 1;
                    if depth > MAX_DEPTH {
                        return None;
                    }
                    out.push(c);
                }
                b')' if depth == 0 => return Some(out),
                b')' => {
                    depth -= 1;
                    out.push(c);
                }
                b'\r' => {
                    if self.peek() == Some(b'\n') {
                        self.pos += 1;
                    }
                    out.push(b'\n');
                }
                b'\\' => self.escape(&mut out)?,
                _ => out.push(c),
            }
        }
    }

    fn escape(&mut self, out: &mut Vec<u8>) -> Option<()> {
        let c = self.peek()?;
        if (b'0'..=b'7').contains(&c) {
            let mut value: u16 = 0;
            let mut n = 0;
            while let Some(d) = self.peek().filter(|d| (b'0'..=b'7').contains(d) && n < 3) {
                value = value * 8 + u16::from(d - b'0');
                self.pos += 1;
                n += 1;
            }
            // The spec says to ignore overflow: \777 is one byte.
            out.push(value as u8);
            return Some(());
        }
        self.pos += 1;
        match c {
            b'\r' => {
                if self.peek() == Some(b'\n') {
                    self.pos += 1;
                }
            }
            b'\n' => {}
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b't' => out.push(b'\t'),
            b'b' => out.push(b'\x08'),
            b'f' => out.push(b'\x0C'),
            other => out.push(other),
        }
        Some(())
    }

    /// A hexadecimal string (7.3.4.3): white space ignored, an odd last digit padded with 0.
    fn hex(&mut self) -> Option<Vec<u8>> {
        self.pos += 1;
        let mut out = Vec::new();
        let mut high: Option<u8> = None;
        loop {
            let c = self.peek()?;
            self.pos += 1;
            let v = match c {
                b'0'..=b'9' => c - b'0',
                b'a'..=b'f' => c - b'a' + 10,
                b'A'..=b'F' => c - b'A' + 10,
                b'>' => break,
                c if is_white(c) => continue,
                _ => return None,
            };
            match high.take() {
                Some(h) => out.push((h << 4) | v),
                None => high = Some(v),
            }
        }
        if let Some(h) = high {
            out.push(h << 4);
        }
        Some(out)
    }

    fn array(&mut self, depth: usize) -> Option<Object> {
        self.pos += 1;
        self.space()?;
        let mut items = Vec::new();
        loop {
            if self.peek()? == b']' {
                self.pos += 1;
                return Some(Object::Array(items));
            }
            items.push(self.direct(depth)?);
        }
    }

    /// A dictionary; a key given twice keeps its first place and its last value, as in lopdf.
    fn dictionary(&mut self, depth: usize) -> Option<Dictionary> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.pos += 2;
        self.space()?;
        let mut dict = Dictionary::new();
        loop {
            match self.peek()? {
                b'>' if self.data.get(self.pos + 1) == Some(&b'>') => {
                    self.pos += 2;
                    return Some(dict);
                }
                b'/' => {
                    let key = self.name()?;
                    self.space()?;
                    let value = self.direct(depth)?;
                    dict.set(key, value);
                }
                _ => return None,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct NoLengths;
    impl LengthOf for NoLengths {
        fn length_of(&self, _: ObjectId) -> Option<i64> {
            None
        }
    }

    fn read(text: &[u8]) -> Option<(ObjectId, Object)> {
        Parser::at(text, 0).indirect(&NoLengths)
    }

    #[test]
    fn plain_objects_are_read() {
        let (id, o) = read(
            b"12 0 obj\n<</Type/Page/Kids[1 0 R 2 0R]/N -3/R .5/S(a\\(b\\)\\101\\t\r\nc)/H<4142 4>/K#20x true/Z null>>\nendobj",
        )
        .unwrap();
        assert_eq!(id, (12, 0));
        let d = o.as_dict().unwrap();
        assert_eq!(d.get(b"Type").unwrap().as_name().unwrap(), b"Page");
        assert_eq!(
            d.get(b"Kids").unwrap().as_array().unwrap(),
            &vec![Object::Reference((1, 0)), Object::Reference((2, 0))]
        );
        assert_eq!(d.get(b"N").unwrap(), &Object::Integer(-3));
        assert_eq!(d.get(b"R").unwrap(), &Object::Real(0.5));
        assert_eq!(d.get(b"S").unwrap().as_str().unwrap(), b"a(b)A\t\nc");
        assert_eq!(d.get(b"H").unwrap().as_str().unwrap(), b"AB@");
        assert_eq!(d.get(b"K x").unwrap(), &Object::Boolean(true));
        assert_eq!(d.get(b"Z").unwrap(), &Object::Null);
    }

    #[test]
    fn a_stream_takes_its_length_and_odd_input_is_refused() {
        let (_, o) = read(b"3 0 obj <</Length 5>>stream\r\nhello\nendstream endobj").unwrap();
        assert_eq!(o.as_stream().unwrap().content, b"hello");
        // Wrong length, a real with a sign inside, a reference for the length we cannot read.
        assert!(read(b"3 0 obj <</Length 4>>stream\nhello\nendstream").is_none());
        assert!(read(b"3 0 obj [0.00-41]").is_none());
        assert!(read(b"3 0 obj <</Length 4 0 R>>stream\nhello\nendstream").is_none());
        assert!(read(b"3 0 obj <</A 1.5.3>>").is_none());
    }
}
