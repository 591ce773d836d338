//! Content-stream operations as flat tokens (7.8.2), and a fast tokeniser for the common case:
//! operands and operators separated by white space, with numbers, names, strings, arrays and
//! dictionaries.
//!
//! A stream's operations are held as one list of [`Operand`]s and one of operations (each a
//! range of that list), with names and operators pointing into the stream and decoded strings
//! kept in one buffer: no allocation per operand or per operation. Arrays are flattened (an
//! array token counts the tokens after it that belong to it); dictionaries are read and kept
//! as one opaque token, since no operator we interpret takes one.
//!
//! lopdf's `Content::decode_strict` is built from nom combinators and was a third of the
//! interpreter's time; [`decode`] reads the same grammar by hand. It gives up (returns `None`)
//! on anything unusual — comments, inline images, `#` escapes in names, references, deep
//! nesting, numbers run into letters, stray delimiters, a syntax error — and the interpreter
//! then decodes the stream with lopdf as before (each of lopdf's operations is turned into the
//! same tokens by [`Ops::push_lopdf`]), so its answers and its warnings on odd streams do not
//! change. Every input it accepts decodes as lopdf decodes it (checked in the tests below
//! against lopdf on tricky snippets and on the fixtures).

use lopdf::Object;

/// Deepest nesting of arrays, dictionaries and string parentheses handled here (real content
/// nests one or two deep; deeper streams go to lopdf).
const MAX_DEPTH: usize = 8;

/// Powers of ten exact in an `f32`, for the fast path of reading a real.
const POW10_F32: [f32; 11] = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10];

/// The largest mantissa exact in an `f32` (2^24).
const F32_EXACT_MANTISSA: u64 = 1 << 24;

/// PDF white-space (7.2.3), shared with the lazy object reader.
pub(in crate::pdf) fn is_white(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\0' | b'\x0C')
}

/// PDF delimiters (7.2.3).
pub(in crate::pdf) fn is_delimiter(c: u8) -> bool {
    matches!(
        c,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

/// Neither white-space nor a delimiter.
pub(in crate::pdf) fn is_regular(c: u8) -> bool {
    !is_white(c) && !is_delimiter(c)
}

/// Each byte's value as a hexadecimal digit (7.3.4.3), or [`NOT_HEX`].
const HEX_VALUES: [u8; 256] = {
    let mut t = [NOT_HEX; 256];
    let mut c = 0;
    while c < 256 {
        t[c] = match c as u8 {
            d @ b'0'..=b'9' => d - b'0',
            d @ b'a'..=b'f' => d - b'a' + 10,
            d @ b'A'..=b'F' => d - b'A' + 10,
            _ => NOT_HEX,
        };
        c += 1;
    }
    t
};

/// What [`HEX_VALUES`] gives a byte that is not a hexadecimal digit.
const NOT_HEX: u8 = 0xFF;

/// A hexadecimal digit (7.3.4.3).
fn is_hex_digit(c: u8) -> bool {
    hex_value(c) != NOT_HEX
}

/// The value of a hexadecimal digit; [`NOT_HEX`] for anything else.
fn hex_value(c: u8) -> u8 {
    HEX_VALUES.get(usize::from(c)).copied().unwrap_or(NOT_HEX)
}

fn is_operator_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, b'*' | b'\'' | b'"')
}

/// Where a token's bytes are: a range of the content stream, or of the decoded-string buffer.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Bytes {
    in_buffer: bool,
    start: u32,
    end: u32,
}

/// One operand token.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Operand {
    /// An integer or a real, as lopdf gives it (a real is read as an `f32`), widened.
    Number(f64),
    /// A name, without its slash.
    Name(Bytes),
    /// A string, decoded (escapes resolved, hex digits read).
    Str(Bytes),
    /// An array: its items, nested arrays' items included, are the next this many tokens.
    Array(u32),
    /// `null`, `true`, `false` or a dictionary: nothing an operator we read takes.
    Other,
}

/// One operation: its operator and its range of operand tokens.
#[derive(Debug, Clone, Copy)]
struct Operation {
    operator: Bytes,
    start: u32,
    end: u32,
}

/// A stream's operations as flat tokens (see the module documentation).
#[derive(Debug, Default)]
pub(crate) struct Ops<'a> {
    data: &'a [u8],
    buffer: Vec<u8>,
    operands: Vec<Operand>,
    ops: Vec<Operation>,
    /// Bytes in all strings read: at most one glyph each.
    string_bytes: usize,
}

/// The operator and operands of one operation, borrowed from its [`Ops`].
#[derive(Debug, Clone, Copy)]
pub(crate) struct View<'a> {
    data: &'a [u8],
    buffer: &'a [u8],
    /// The operator's bytes (operator characters: ASCII).
    pub operator: &'a [u8],
    /// The operand tokens, arrays flattened.
    pub operands: &'a [Operand],
}

impl<'a> View<'a> {
    /// The bytes of a name or string token.
    pub fn bytes(&self, b: Bytes) -> &'a [u8] {
        let from = if b.in_buffer { self.buffer } else { self.data };
        from.get(b.start as usize..b.end as usize)
            .unwrap_or_default()
    }

    /// The same view over other operands (a part of these).
    pub fn with(&self, operands: &'a [Operand]) -> View<'a> {
        View { operands, ..*self }
    }
}

impl<'a> Ops<'a> {
    /// Operations read from `data` (see [`decode`]).
    fn over(data: &'a [u8]) -> Ops<'a> {
        Ops {
            data,
            // Guesses from typical content so the lists rarely regrow (a wrong guess costs
            // one regrowth). Text set glyph by glyph, `[<0036>-3<0051>]TJ`, has an operand
            // every 3.5 bytes, an operation every 12 to 16 and a decoded string byte every 8
            // to 10 (the board paper's pages); the guesses before (a fourth, a sixteenth and
            // nothing) made its every page regrow all three.
            buffer: Vec::with_capacity(data.len() / 8 + 1),
            operands: Vec::with_capacity(data.len() / 3 + 1),
            ops: Vec::with_capacity(data.len() / 12 + 1),
            string_bytes: 0,
        }
    }

    /// How many operations.
    pub fn len(&self) -> usize {
        self.ops.len()
    }

    /// The bytes in the stream's strings: no more glyphs than this can be shown by it.
    pub fn string_bytes(&self) -> usize {
        self.string_bytes
    }

    /// Operation `i`; `None` past the end.
    pub fn get(&self, i: usize) -> Option<View<'_>> {
        let op = self.ops.get(i)?;
        let view = View {
            data: self.data,
            buffer: &self.buffer,
            operator: &[],
            operands: self
                .operands
                .get(op.start as usize..op.end as usize)
                .unwrap_or_default(),
        };
        Some(View {
            operator: view.bytes(op.operator),
            ..view
        })
    }

    /// Empty the lists (keeping their room) for one operation of lopdf's.
    pub fn clear(&mut self) {
        self.buffer.clear();
        self.operands.clear();
        self.ops.clear();
    }

    /// Append one of lopdf's operations, its names and strings copied into the buffer.
    pub fn push_lopdf(&mut self, op: &lopdf::content::Operation) {
        let start = self.operands.len() as u32;
        for o in &op.operands {
            self.push_object(o);
        }
        let operator = self.copy(op.operator.as_bytes());
        self.ops.push(Operation {
            operator,
            start,
            end: self.operands.len() as u32,
        });
    }

    fn copy(&mut self, bytes: &[u8]) -> Bytes {
        let start = self.buffer.len() as u32;
        self.buffer.extend_from_slice(bytes);
        Bytes {
            in_buffer: true,
            start,
            end: self.buffer.len() as u32,
        }
    }

    fn push_object(&mut self, o: &Object) {
        let token = match o {
            Object::Integer(i) => Operand::Number(*i as f64),
            Object::Real(r) => Operand::Number(f64::from(*r)),
            Object::Name(n) => Operand::Name(self.copy(n)),
            Object::String(s, _) => Operand::Str(self.copy(s)),
            Object::Array(items) => {
                let at = self.operands.len();
                self.operands.push(Operand::Array(0));
                for item in items {
                    self.push_object(item);
                }
                let count = (self.operands.len() - at - 1) as u32;
                if let Some(slot) = self.operands.get_mut(at) {
                    *slot = Operand::Array(count);
                }
                return;
            }
            _ => Operand::Other,
        };
        self.operands.push(token);
    }
}

/// Decode a whole content stream, or `None` when it holds anything this reader leaves to lopdf.
pub(crate) fn decode(data: &[u8]) -> Option<Ops<'_>> {
    let mut r = Reader {
        data,
        pos: 0,
        out: Ops::over(data),
    };
    let mut start = 0u32;
    loop {
        r.skip_white();
        let Some(c) = r.peek() else { break };
        if c.is_ascii_alphabetic() || matches!(c, b'*' | b'\'' | b'"') {
            let word_start = r.pos;
            while r.peek().is_some_and(is_operator_char) {
                r.pos += 1;
            }
            let word = r.data.get(word_start..r.pos)?;
            match keyword(word) {
                Some(Ok(())) => r.out.operands.push(Operand::Other),
                Some(Err(())) => return None,
                None => {
                    if word == b"BI" {
                        // A filtered inline image: its dictionary and data as two strings.
                        if start as usize != r.out.operands.len() {
                            return None;
                        }
                        let (dict, image, end) = super::inline_span::span(r.data, r.pos)?;
                        let start_op = r.out.operands.len() as u32;
                        for range in [dict, image] {
                            r.out.operands.push(Operand::Str(Bytes {
                                in_buffer: false,
                                start: range.start as u32,
                                end: range.end as u32,
                            }));
                        }
                        r.out.ops.push(Operation {
                            operator: Bytes {
                                in_buffer: false,
                                start: word_start as u32,
                                end: (word_start + 2) as u32,
                            },
                            start: start_op,
                            end: r.out.operands.len() as u32,
                        });
                        r.pos = end;
                        start = r.out.operands.len() as u32;
                        continue;
                    }
                    // lopdf reads an inline image wherever an operation starts with "BI".
                    if word.starts_with(b"BI") {
                        return None;
                    }
                    let end = r.out.operands.len() as u32;
                    r.out.ops.push(Operation {
                        operator: Bytes {
                            in_buffer: false,
                            start: word_start as u32,
                            end: r.pos as u32,
                        },
                        start,
                        end,
                    });
                    start = end;
                }
            }
        } else {
            r.object(0)?;
        }
    }
    // Operands with no operator after them: lopdf calls that a syntax error.
    (start as usize == r.out.operands.len()).then_some(r.out)
}

/// `null`, `true` and `false` as operands; `Err` for a word that starts with one of them and
/// goes on (lopdf would split it); `None` for an operator.
fn keyword(word: &[u8]) -> Option<Result<(), ()>> {
    for k in [&b"null"[..], b"true", b"false"] {
        if word == k {
            return Some(Ok(()));
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
    out: Ops<'a>,
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

    /// One object appended as tokens, and the white space after it. `None` for anything left
    /// to lopdf.
    fn object(&mut self, depth: usize) -> Option<()> {
        if depth > MAX_DEPTH {
            return None;
        }
        let token = match self.peek()? {
            b'0'..=b'9' | b'+' | b'-' | b'.' => Operand::Number(self.number()?),
            b'/' => Operand::Name(self.name()?),
            b'(' => Operand::Str(self.literal()?),
            b'<' if self.data.get(self.pos + 1) == Some(&b'<') => {
                self.dictionary(depth)?;
                Operand::Other
            }
            b'<' => Operand::Str(self.hex()?),
            b'[' => {
                self.array(depth)?;
                self.skip_white();
                return Some(());
            }
            c if c.is_ascii_alphabetic() && depth > 0 => {
                // Inside an array or dictionary only null, true and false are words.
                let start = self.pos;
                while self.peek().is_some_and(is_regular) {
                    self.pos += 1;
                }
                match keyword(self.data.get(start..self.pos)?) {
                    Some(Ok(())) => Operand::Other,
                    _ => return None,
                }
            }
            _ => return None,
        };
        self.out.operands.push(token);
        self.skip_white();
        Some(())
    }

    /// An integer or a real as lopdf reads them (`i64`, `f32`): `[+-]digits` or
    /// `[+-](digits.digits*|.digits)`; it must end at white space or a delimiter.
    fn number(&mut self) -> Option<f64> {
        let start = self.pos;
        let negative = self.peek() == Some(b'-');
        if matches!(self.peek(), Some(b'+' | b'-')) {
            self.pos += 1;
        }
        let mut mantissa: u64 = 0;
        let mut digits = 0usize;
        let int_start = self.pos;
        while let Some(d) = self.peek().filter(u8::is_ascii_digit) {
            mantissa = mantissa.wrapping_mul(10).wrapping_add(u64::from(d - b'0'));
            digits += 1;
            self.pos += 1;
        }
        let int_digits = self.pos - int_start;
        let mut fraction_digits = None;
        if self.peek() == Some(b'.') {
            self.pos += 1;
            let frac_start = self.pos;
            while let Some(d) = self.peek().filter(u8::is_ascii_digit) {
                mantissa = mantissa.wrapping_mul(10).wrapping_add(u64::from(d - b'0'));
                digits += 1;
                self.pos += 1;
            }
            if int_digits == 0 && self.pos == frac_start {
                return None;
            }
            fraction_digits = Some(self.pos - frac_start);
        } else if int_digits == 0 {
            return None;
        }
        if self.peek().is_some_and(is_regular) {
            return None;
        }
        // Up to 18 digits the mantissa cannot have wrapped.
        let exact = digits <= 18;
        match fraction_digits {
            None if exact => {
                let v = mantissa as i64;
                Some(if negative { -v } else { v } as f64)
            }
            // Both exact in an f32, so one correctly rounded division gives what parsing the
            // text as an f32 gives (the fast path of every correct decimal reader).
            Some(frac) if exact && mantissa <= F32_EXACT_MANTISSA && frac < POW10_F32.len() => {
                let v = mantissa as f32 / *POW10_F32.get(frac)?;
                Some(f64::from(if negative { -v } else { v }))
            }
            _ => {
                let text = std::str::from_utf8(self.data.get(start..self.pos)?).ok()?;
                if fraction_digits.is_some() {
                    text.parse::<f32>().ok().map(f64::from)
                } else {
                    text.parse::<i64>().ok().map(|v| v as f64)
                }
            }
        }
    }

    /// A name without `#` escapes (those go to lopdf).
    fn name(&mut self) -> Option<Bytes> {
        self.pos += 1;
        let start = self.pos;
        while self.peek().is_some_and(|c| is_regular(c) && c != b'#') {
            self.pos += 1;
        }
        if self.peek() == Some(b'#') {
            return None;
        }
        Some(Bytes {
            in_buffer: false,
            start: start as u32,
            end: self.pos as u32,
        })
    }

    /// A literal string (7.3.4.2): escapes, end-of-line as `\n`, balanced parentheses kept.
    /// A string with none of these is used where it lies; others are decoded into the buffer.
    fn literal(&mut self) -> Option<Bytes> {
        self.pos += 1;
        let start = self.pos;
        let rest = self.data.get(start..)?;
        let plain = rest
            .iter()
            .position(|&c| matches!(c, b'(' | b')' | b'\\' | b'\r' | b'\n'))?;
        if rest.get(plain) == Some(&b')') {
            self.pos += plain + 1;
            self.out.string_bytes += plain;
            return Some(Bytes {
                in_buffer: false,
                start: start as u32,
                end: (start + plain) as u32,
            });
        }
        let out_start = self.out.buffer.len();
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
                    self.out.buffer.push(c);
                }
                b')' if depth == 0 => break,
                b')' => {
                    depth -= 1;
                    self.out.buffer.push(c);
                }
                b'\r' => {
                    if self.peek() == Some(b'\n') {
                        self.pos += 1;
                    }
                    self.out.buffer.push(b'\n');
                }
                b'\\' => self.escape()?,
                _ => self.out.buffer.push(c),
            }
        }
        self.out.string_bytes += self.out.buffer.len() - out_start;
        Some(Bytes {
            in_buffer: true,
            start: out_start as u32,
            end: self.out.buffer.len() as u32,
        })
    }

    fn escape(&mut self) -> Option<()> {
        let c = self.peek()?;
        let out = &mut self.out.buffer;
        if (b'0'..=b'7').contains(&c) {
            let mut value: u16 = 0;
            let mut n = 0;
            while n < 3 {
                let Some(d) = self
                    .data
                    .get(self.pos)
                    .filter(|d| (b'0'..=b'7').contains(d))
                else {
                    break;
                };
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
                if self.data.get(self.pos) == Some(&b'\n') {
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
    fn hex(&mut self) -> Option<Bytes> {
        self.pos += 1;
        let out_start = self.out.buffer.len();
        // Most strings are unbroken digit pairs (a composite font's codes): read those a pair
        // at a time; white space or the end hands the rest to the digit-by-digit loop.
        let rest = self.data.get(self.pos..).unwrap_or_default();
        let mut read = 0;
        while let (Some(&h), Some(&l)) = (rest.get(read), rest.get(read + 1)) {
            let (h, l) = (hex_value(h), hex_value(l));
            if (h | l) > 0x0F {
                break;
            }
            self.out.buffer.push((h << 4) | l);
            read += 2;
        }
        self.pos += read;
        let mut high: Option<u8> = None;
        loop {
            let c = self.peek()?;
            self.pos += 1;
            let v = match c {
                c if is_hex_digit(c) => hex_value(c),
                b'>' => break,
                c if is_white(c) => continue,
                _ => return None,
            };
            match high.take() {
                Some(h) => self.out.buffer.push((h << 4) | v),
                None => high = Some(v),
            }
        }
        if let Some(h) = high {
            self.out.buffer.push(h << 4);
        }
        self.out.string_bytes += self.out.buffer.len() - out_start;
        Some(Bytes {
            in_buffer: true,
            start: out_start as u32,
            end: self.out.buffer.len() as u32,
        })
    }

    /// An array: its token, then its items' tokens.
    fn array(&mut self, depth: usize) -> Option<()> {
        self.pos += 1;
        self.skip_white();
        let at = self.out.operands.len();
        self.out.operands.push(Operand::Array(0));
        loop {
            if self.peek()? == b']' {
                self.pos += 1;
                let count = (self.out.operands.len() - at - 1) as u32;
                *self.out.operands.get_mut(at)? = Operand::Array(count);
                return Some(());
            }
            self.object(depth + 1)?;
        }
    }

    /// A dictionary, read and checked; its tokens are dropped again.
    fn dictionary(&mut self, depth: usize) -> Option<()> {
        self.pos += 2;
        self.skip_white();
        let at = self.out.operands.len();
        loop {
            match self.peek()? {
                b'>' if self.data.get(self.pos + 1) == Some(&b'>') => {
                    self.pos += 2;
                    self.out.operands.truncate(at);
                    return Some(());
                }
                b'/' => {
                    self.name()?;
                    self.skip_white();
                    self.object(depth + 1)?;
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

    /// An operation with its operands' contents, to compare two token lists.
    #[derive(Debug, PartialEq)]
    enum Owned {
        Operator(Vec<u8>),
        Number(u64),
        Name(Vec<u8>),
        Str(Vec<u8>),
        Array(u32),
        Other,
    }

    fn owned(ops: &Ops) -> Vec<Owned> {
        let mut out = Vec::new();
        for i in 0..ops.len() {
            let Some(v) = ops.get(i) else { break };
            for o in v.operands {
                out.push(match *o {
                    // Bits, so that -0 and 0 differ.
                    Operand::Number(n) => Owned::Number(n.to_bits()),
                    Operand::Name(b) => Owned::Name(v.bytes(b).to_vec()),
                    Operand::Str(b) => Owned::Str(v.bytes(b).to_vec()),
                    Operand::Array(n) => Owned::Array(n),
                    Operand::Other => Owned::Other,
                });
            }
            out.push(Owned::Operator(v.operator.to_vec()));
        }
        out
    }

    /// What lopdf's strict decoder gives, when it accepts the stream, as tokens.
    fn lopdf(data: &[u8]) -> Option<Vec<Owned>> {
        let content = Content::decode_strict(data).ok()?;
        let mut ops = Ops::default();
        for op in &content.operations {
            ops.push_lopdf(op);
        }
        Some(owned(&ops))
    }

    /// Whether both decoded it (and alike).
    fn same(data: &[u8]) -> bool {
        let ours = decode(data).map(|o| owned(&o));
        let theirs = lopdf(data);
        match (&ours, &theirs) {
            (Some(a), Some(b)) => {
                assert_eq!(a, b, "{:?}", String::from_utf8_lossy(data));
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
            b"<00300036AbCdeF09> Tj <0030 0036\t0025> Tj <00300> Tj <0030 003> Tj",
            b"[<0102>-3<03>4<0A0B0c>]TJ <0030003g> Tj",
            b"<0030003",
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
        assert_eq!(both, 24, "cases read by this reader");
    }

    /// Numbers read on the fast path and the slow one are the ones lopdf reads: integers at
    /// the edge of `i64`, reals with many digits or past an `f32`'s exact range.
    #[test]
    fn numbers_decode_as_lopdf_decodes_them() {
        let cases: &[&[u8]] = &[
            b"9223372036854775807 -9223372036854775808 0 0 0 0 cm",
            b"123456789012345678 -123456789012345678 m",
            b"0.1 0.2 0.3 0.7 16777216.5 -16777217.25 cm",
            b"3.14159265358979 2.718281828459045 m",
            b"0.00000000001 12345.678901 m",
            b"-0.0 -.0 m",
            b"340282356779733661637539395458142568448.0 1 m",
            b"0.000000000000000000000000000000000000000000001 1 m",
            b"1.00000005960464477539062500000000001 1.0000000596046447753906249 m",
        ];
        for case in cases {
            assert!(same(case), "{:?}", String::from_utf8_lossy(case));
        }
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
                assert_eq!(owned(&ours), theirs, "{name}");
                checked += 1;
            }
        }
        assert_eq!(checked, 37);
    }
}
