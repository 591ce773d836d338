//! A fast content-stream tokeniser for the common case (7.8.2): operands and operators
//! separated by white space, with numbers, names, strings, arrays and dictionaries.
//!
//! lopdf's `Content::decode_strict` is built from nom combinators and was a third of the
//! interpreter's time; this reads the same grammar by hand into the same [`Operation`]s. It
//! gives up (returns `None`) on anything unusual — comments, inline images, `#` escapes in
//! names, references, deep nesting, numbers run into letters, stray delimiters, a syntax error
//! — and the interpreter then decodes the stream with lopdf as before, so its answers and its
//! warnings on odd streams do not change. Every input it accepts decodes as lopdf decodes it
//! (checked in the tests below against lopdf on tricky snippets and on the fixtures).

use lopdf::content::Operation;
use lopdf::{Dictionary, Object, StringFormat};

/// Deepest nesting of arrays, dictionaries and string parentheses handled here (real content
/// nests one or two deep; deeper streams go to lopdf).
const MAX_DEPTH: usize = 8;

fn is_white(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\0' | b'\x0C')
}

fn is_delimiter(c: u8) -> bool {
    matches!(
        c,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

fn is_regular(c: u8) -> bool {
    !is_white(c) && !is_delimiter(c)
}

fn is_operator_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, b'*' | b'\'' | b'"')
}

/// Decode a whole content stream, or `None` when it holds anything this reader leaves to lopdf.
pub(crate) fn decode(data: &[u8]) -> Option<Vec<Operation>> {
    let mut r = Reader {
        data,
        pos: 0,
        stack: Vec::new(),
    };
    let mut ops = Vec::with_capacity(data.len() / 8);
    let mut operands = Vec::with_capacity(8);
    loop {
        r.skip_white();
        let Some(c) = r.peek() else { break };
        if c.is_ascii_alphabetic() || matches!(c, b'*' | b'\'' | b'"') {
            let start = r.pos;
            while r.peek().is_some_and(is_operator_char) {
                r.pos += 1;
            }
            let word = r.data.get(start..r.pos)?;
            match keyword(word) {
                Some(Ok(object)) => operands.push(object),
                Some(Err(())) => return None,
                None => {
                    // lopdf reads an inline image wherever an operation starts with "BI".
                    if word.starts_with(b"BI") {
                        return None;
                    }
                    let operator = std::str::from_utf8(word).ok()?.to_string();
                    // One allocation of the right size; `operands` keeps its room.
                    let mut exact = Vec::with_capacity(operands.len());
                    exact.append(&mut operands);
                    ops.push(Operation {
                        operator,
                        operands: exact,
                    });
                }
            }
        } else {
            operands.push(r.object(0)?);
        }
    }
    // Operands with no operator after them: lopdf calls that a syntax error.
    operands.is_empty().then_some(ops)
}

/// `null`, `true` and `false` as operands; `Err` for a word that starts with one of them and
/// goes on (lopdf would split it); `None` for an operator.
fn keyword(word: &[u8]) -> Option<Result<Object, ()>> {
    for (k, object) in [
        (&b"null"[..], Object::Null),
        (b"true", Object::Boolean(true)),
        (b"false", Object::Boolean(false)),
    ] {
        if word == k {
            return Some(Ok(object));
        }
        if word.starts_with(k) {
            return Some(Err(()));
        }
    }
    None
}

struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
    /// Array items being read (nested arrays stack up here), so that each array is allocated
    /// once at its final size.
    stack: Vec<Object>,
}

impl Reader<'_> {
    fn peek(&self) -> Option<u8> {
        self.data.get(self.pos).copied()
    }

    fn skip_white(&mut self) {
        while self.peek().is_some_and(is_white) {
            self.pos += 1;
        }
    }

    /// One object, and the white space after it. `None` for anything left to lopdf.
    fn object(&mut self, depth: usize) -> Option<Object> {
        if depth > MAX_DEPTH {
            return None;
        }
        let object = match self.peek()? {
            b'0'..=b'9' | b'+' | b'-' | b'.' => self.number()?,
            b'/' => Object::Name(self.name()?),
            b'(' => Object::String(self.literal()?, StringFormat::Literal),
            b'<' if self.data.get(self.pos + 1) == Some(&b'<') => {
                Object::Dictionary(self.dictionary(depth)?)
            }
            b'<' => Object::String(self.hex()?, StringFormat::Hexadecimal),
            b'[' => Object::Array(self.array(depth)?),
            c if c.is_ascii_alphabetic() && depth > 0 => {
                // Inside an array or dictionary only null, true and false are words.
                let start = self.pos;
                while self.peek().is_some_and(is_regular) {
                    self.pos += 1;
                }
                match keyword(self.data.get(start..self.pos)?) {
                    Some(Ok(object)) => object,
                    _ => return None,
                }
            }
            _ => return None,
        };
        self.skip_white();
        Some(object)
    }

    /// An integer or a real as lopdf reads them: `[+-]digits` or `[+-](digits.digits*|.digits)`;
    /// it must end at white space or a delimiter.
    fn number(&mut self) -> Option<Object> {
        let start = self.pos;
        if matches!(self.peek(), Some(b'+' | b'-')) {
            self.pos += 1;
        }
        let int_start = self.pos;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.pos += 1;
        }
        let int_digits = self.pos - int_start;
        let mut real = false;
        if self.peek() == Some(b'.') {
            self.pos += 1;
            let frac_start = self.pos;
            while self.peek().is_some_and(|c| c.is_ascii_digit()) {
                self.pos += 1;
            }
            if int_digits == 0 && self.pos == frac_start {
                return None;
            }
            real = true;
        } else if int_digits == 0 {
            return None;
        }
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

    /// A name without `#` escapes (those go to lopdf).
    fn name(&mut self) -> Option<Vec<u8>> {
        self.pos += 1;
        let start = self.pos;
        while self.peek().is_some_and(|c| is_regular(c) && c != b'#') {
            self.pos += 1;
        }
        if self.peek() == Some(b'#') {
            return None;
        }
        self.data.get(start..self.pos).map(<[u8]>::to_vec)
    }

    /// A literal string (7.3.4.2): escapes, end-of-line as `\n`, balanced parentheses kept.
    fn literal(&mut self) -> Option<Vec<u8>> {
        self.pos += 1;
        // The first `)` bounds the length of most strings (escapes only shorten them).
        let guess = self.data.get(self.pos..)?.iter().position(|&c| c == b')');
        let mut out = Vec::with_capacity(guess.unwrap_or(0));
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
                b'\n' => out.push(b'\n'),
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
            while n < 3 && self.peek().is_some_and(|d| (b'0'..=b'7').contains(&d)) {
                value = value * 8 + u16::from(self.peek()? - b'0');
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
        let digits = self.data.get(self.pos..)?.iter().position(|&c| c == b'>')?;
        let mut out = Vec::with_capacity(digits.div_ceil(2));
        let mut high: Option<u8> = None;
        loop {
            self.skip_white();
            let c = self.peek()?;
            self.pos += 1;
            if c == b'>' {
                if let Some(h) = high {
                    out.push(h << 4);
                }
                return Some(out);
            }
            let v = (c as char).to_digit(16)? as u8;
            match high.take() {
                Some(h) => out.push((h << 4) | v),
                None => high = Some(v),
            }
        }
    }

    fn array(&mut self, depth: usize) -> Option<Vec<Object>> {
        self.pos += 1;
        self.skip_white();
        let start = self.stack.len();
        loop {
            if self.peek()? == b']' {
                self.pos += 1;
                return Some(self.stack.drain(start..).collect());
            }
            let item = self.object(depth + 1)?;
            self.stack.push(item);
        }
    }

    fn dictionary(&mut self, depth: usize) -> Option<Dictionary> {
        self.pos += 2;
        self.skip_white();
        let mut dict = Dictionary::new();
        loop {
            match self.peek()? {
                b'>' if self.data.get(self.pos + 1) == Some(&b'>') => {
                    self.pos += 2;
                    return Some(dict);
                }
                b'/' => {
                    let key = self.name()?;
                    self.skip_white();
                    let value = self.object(depth + 1)?;
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
    use lopdf::content::Content;

    /// What lopdf's strict decoder gives, when it accepts the stream.
    fn lopdf(data: &[u8]) -> Option<Vec<Operation>> {
        Content::decode_strict(data).ok().map(|c| c.operations)
    }

    /// Whether both decoded it (and alike).
    fn same(data: &[u8]) -> bool {
        let ours = decode(data);
        let theirs = lopdf(data);
        match (&ours, &theirs) {
            (Some(a), Some(b)) => {
                assert_eq!(
                    format!("{a:?}"),
                    format!("{b:?}"),
                    "{:?}",
                    String::from_utf8_lossy(data)
                );
                true
            }
            // Ours may give up on what lopdf reads, never read what lopdf rejects.
            (Some(_), None) => panic!(
                "accepted what lopdf rejects: {:?}",
                String::from_utf8_lossy(data)
            ),
            _ => false,
        }
    }

    #[test]
    fn snippets_decode_as_lopdf_decodes_them() {
        let cases: &[&[u8]] = &[
            b"",
            b"  \n",
            b"q 1 0 0 1 72 720 cm Q",
            b"BT /F1 12 Tf 72 712 Td (Hello) Tj ET",
            b"BT/F1 12 Tf(a)Tj[(b)-250(c)]TJ ET",
            b"0.5 .5 -.5 +3 -0 5. 0.00 Td",
            b"1.0e Td",
            b"1.5 2 re f*",
            b"(a\\(b\\)c \\n\\r\\t\\b\\f \\101\\1010\\7 \\\\ \\q) Tj",
            b"(nested (paren (deep)) ok) Tj",
            b"(line\r\nbreak\rand\nmore\\\r\ncontinued\\\nx) Tj",
            b"<48656c6c6f> Tj <4 8 6\n5 6> Tj <> Tj <abc> Tj",
            b"/P <</MCID 0 /Lang (en-GB) /A [1 2 /N]>> BDC EMC",
            b"/Span<</ActualText<FEFF0041>>>BDC EMC",
            b"[1 2 3] 0 d",
            b"[ ] 0 d",
            b"null true false 3 foo",
            b"T* ' \" 1 0 0 RG d0 d1",
            b"0 g 1 1 1 rg 0.2 0.4 0.6 0.8 k",
            b"1 2",
            b"1 2 % comment\n m",
            b"% comment\n 1 2 m",
            b"/Name#20x Do",
            b"1a m",
            b"1.5-3 m",
            b"0.00-4142502 0 m",
            b"[1 0 R] 0 d",
            b"nullx m",
            b"truefalse m",
            b"(unterminated Tj",
            b"<zz> Tj",
            b") Tj",
            b"] m",
            b"{ } m",
            b"99999999999999999999 0 m",
            b"BI /W 1 /H 1 /CS /G /BPC 8 ID \x80 EI",
            b"BIx 1 BI",
            b"1 0 0 1 0 0 cm\x00\x0C q Q",
            b"/ Tf",
            b"/a/b/c m",
            b"<</A<</B<</C 1>>>>>> BDC",
            b"[[[[[[[[[[1]]]]]]]]]] m",
            b"((((((((((x)))))))))) Tj",
            b"+ m",
            b"- m",
            b". m",
            b"+.5 -5. m",
        ];
        let both = cases.iter().filter(|c| same(c)).count();
        // The rest hold comments, inline images, `#` escapes, references, deep nesting,
        // numbers run into other characters, or errors: left to lopdf.
        assert_eq!(both, 23, "cases read by this reader");
    }

    #[test]
    fn fixture_pages_decode_as_lopdf_decodes_them() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/mscb");
        let mut checked = 0;
        for name in ["mscb-board-paper-2015-06.pdf", "mscb-plan-v3-2015-03.pdf"] {
            let doc =
                lopdf::Document::load(dir.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
            for (_, id) in doc.get_pages() {
                let data = doc.get_page_content(id);
                let ours = decode(&data).unwrap_or_else(|| panic!("{name}: fell back to lopdf"));
                let theirs = lopdf(&data).unwrap_or_else(|| panic!("{name}: lopdf failed"));
                assert_eq!(format!("{ours:?}"), format!("{theirs:?}"), "{name}");
                checked += 1;
            }
        }
        assert_eq!(checked, 37);
    }
}
