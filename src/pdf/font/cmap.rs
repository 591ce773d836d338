//! CMaps (ISO 32000-1 §9.7.5, §9.10.3): codespace ranges to split strings into codes,
//! code -> CID maps of embedded encoding CMaps, and code -> Unicode maps of ToUnicode CMaps.
//!
//! Everything read from the file is bounded: at most `max_entries` mappings are kept (the rest
//! is dropped with a problem), a range spanning more codes than that is refused, and ranges are
//! stored as ranges, never expanded.

use crate::pdf::glyph_text::GlyphText;
use std::collections::BTreeMap;

use super::encoding::glyph_to_unicode;
use crate::pdf::limits::Limit;

/// Most codespace ranges kept from one CMap (real ones have a handful).
const MAX_CODESPACE_RANGES: usize = 100;

/// One codespace range: codes of `len` bytes whose every byte lies within the bounds.
#[derive(Debug, Clone, PartialEq, Eq)]
struct CodespaceRange {
    len: usize,
    lo: [u8; 4],
    hi: [u8; 4],
}

impl CodespaceRange {
    fn matches(&self, bytes: &[u8]) -> bool {
        bytes.len() == self.len
            && bytes
                .iter()
                .zip(self.lo.iter().zip(self.hi.iter()))
                .all(|(b, (lo, hi))| lo <= b && b <= hi)
    }
}

/// The codespace ranges of a CMap: how a string splits into codes of 1 to 4 bytes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Codespace {
    ranges: Vec<CodespaceRange>,
    /// Bit `n` set when some range has codes of `n` bytes: [`Codespace::next_code`] tries
    /// only those lengths (a composite font's codespace is usually one length).
    lengths: u8,
}

/// Big-endian value of up to four bytes.
pub(crate) fn code_value(bytes: &[u8]) -> u32 {
    bytes
        .iter()
        .take(4)
        .fold(0u32, |acc, &b| (acc << 8) | u32::from(b))
}

impl Codespace {
    /// A codespace of one range `lo..=hi` of `len`-byte codes.
    pub(crate) fn single(len: usize, lo: u32, hi: u32) -> Codespace {
        let mut cs = Codespace::default();
        cs.add(len, lo, hi);
        cs
    }

    /// Add a range of `len`-byte codes (ignored when `len` is not 1 to 4).
    pub(crate) fn add(&mut self, len: usize, lo: u32, hi: u32) {
        if !(1..=4).contains(&len) || self.ranges.len() >= MAX_CODESPACE_RANGES {
            return;
        }
        let mut r = CodespaceRange {
            len,
            lo: [0; 4],
            hi: [0; 4],
        };
        let off = 4 - len;
        let src = lo.to_be_bytes().into_iter().zip(hi.to_be_bytes()).skip(off);
        for ((d_lo, d_hi), (s_lo, s_hi)) in r.lo.iter_mut().zip(r.hi.iter_mut()).zip(src) {
            *d_lo = s_lo;
            *d_hi = s_hi;
        }
        if !self.ranges.contains(&r) {
            self.lengths |= 1 << len;
            self.ranges.push(r);
        }
    }

    /// Add the ranges of `other` that this codespace lacks.
    pub(crate) fn merge(&mut self, other: &Codespace) {
        for r in &other.ranges {
            if self.ranges.len() < MAX_CODESPACE_RANGES && !self.ranges.contains(r) {
                self.lengths |= 1 << r.len;
                self.ranges.push(r.clone());
            }
        }
    }

    /// Whether no range is defined.
    pub(crate) fn is_empty(&self) -> bool {
        self.ranges.is_empty()
    }

    /// The next code at the start of `bytes` (which must not be empty): its value and byte
    /// length. The shortest matching range wins (§9.7.6.2); with no match, the shortest
    /// codespace length (bounded by what is left) is consumed.
    pub(crate) fn next_code(&self, bytes: &[u8]) -> (u32, usize) {
        for n in 1..=4usize {
            if self.lengths & (1 << n) == 0 {
                continue;
            }
            let Some(prefix) = bytes.get(..n) else { break };
            if self.ranges.iter().any(|r| r.matches(prefix)) {
                return (code_value(prefix), n);
            }
        }
        let min_len = self.ranges.iter().map(|r| r.len).min().unwrap_or(1);
        let n = min_len.min(bytes.len()).max(1);
        (code_value(bytes.get(..n).unwrap_or(bytes)), n)
    }
}

/// A map from code ranges to values where later entries override earlier ones (as a CMap
/// read top to bottom), stored as sorted non-overlapping pieces for binary search.
#[derive(Debug, Clone)]
pub(crate) struct RangeMap<V> {
    /// (lo, hi, index into `entries`), sorted by lo, non-overlapping.
    pieces: Vec<(u32, u32, u32)>,
    /// (first code of the entry as written, value).
    entries: Vec<(u32, V)>,
}

impl<V> Default for RangeMap<V> {
    fn default() -> Self {
        RangeMap {
            pieces: Vec::new(),
            entries: Vec::new(),
        }
    }
}

impl<V> RangeMap<V> {
    /// Build from entries `(lo, hi, value)` in file order; a later entry wins where ranges
    /// overlap. Entries with `lo > hi` are dropped. O(n log n).
    pub(crate) fn build(list: Vec<(u32, u32, V)>) -> RangeMap<V> {
        let mut painted: BTreeMap<u32, u32> = BTreeMap::new();
        let mut pieces: Vec<(u32, u32, u32)> = Vec::new();
        let mut entries: Vec<(u32, V)> = Vec::with_capacity(list.len());
        let mut ranges: Vec<(u32, u32)> = Vec::with_capacity(list.len());
        for (lo, hi, v) in list {
            ranges.push((lo, hi));
            entries.push((lo, v));
        }
        let mut overlapping: Vec<(u32, u32)> = Vec::new();
        for (idx, &(lo, hi)) in ranges.iter().enumerate().rev() {
            if lo > hi {
                continue;
            }
            let Ok(idx) = u32::try_from(idx) else {
                continue;
            };
            overlapping.clear();
            if let Some((&s, &e)) = painted.range(..lo).next_back() {
                if e >= lo {
                    overlapping.push((s, e));
                }
            }
            overlapping.extend(painted.range(lo..=hi).map(|(&s, &e)| (s, e)));
            let mut cur = lo;
            let mut covered = false;
            for &(s, e) in &overlapping {
                if s > cur {
                    pieces.push((cur, s - 1, idx));
                }
                if e >= hi {
                    covered = true;
                    break;
                }
                // e < hi here, so e + 1 does not overflow.
                cur = cur.max(e + 1);
            }
            if !covered {
                pieces.push((cur, hi, idx));
            }
            let mut new_lo = lo;
            let mut new_hi = hi;
            for &(s, e) in &overlapping {
                painted.remove(&s);
                new_lo = new_lo.min(s);
                new_hi = new_hi.max(e);
            }
            painted.insert(new_lo, new_hi);
        }
        pieces.sort_unstable_by_key(|p| p.0);
        RangeMap { pieces, entries }
    }

    /// The value covering `code`, with the offset of `code` from the start of its entry.
    pub(crate) fn get(&self, code: u32) -> Option<(u32, &V)> {
        let i = self.pieces.partition_point(|p| p.0 <= code);
        let &(_, hi, idx) = self.pieces.get(i.checked_sub(1)?)?;
        if code > hi {
            return None;
        }
        let (entry_lo, v) = self.entries.get(usize::try_from(idx).ok()?)?;
        Some((code.wrapping_sub(*entry_lo), v))
    }

    /// Whether nothing is mapped.
    pub(crate) fn is_empty(&self) -> bool {
        self.pieces.is_empty()
    }
}

/// The Unicode destination of a ToUnicode entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum UniDst {
    /// The same text for the one code of the entry.
    Text(Box<str>),
    /// `prefix` followed by the character `last + (code - first code)` (bfrange).
    Inc {
        /// Characters before the incremented one (usually none).
        prefix: Box<str>,
        /// Code point of the last character for the first code of the range.
        last: u32,
    },
}

/// A parsed ToUnicode CMap.
#[derive(Debug, Clone, Default)]
pub(crate) struct ToUnicode {
    /// Its codespace (used to split strings only when the font gives no better way).
    pub(crate) codespace: Codespace,
    map: RangeMap<UniDst>,
    /// Code = Unicode (`/ToUnicode /Identity-H`).
    identity: bool,
}

impl ToUnicode {
    /// The map of `/ToUnicode /Identity-H`: every code is its own Unicode value.
    pub(crate) fn identity() -> ToUnicode {
        ToUnicode {
            codespace: Codespace::single(2, 0, 0xFFFF),
            map: RangeMap::default(),
            identity: true,
        }
    }

    /// The text of `code`, if the CMap maps it (possibly to "" for a mapping to U+0000).
    pub(crate) fn lookup(&self, code: u32) -> Option<GlyphText> {
        if self.identity {
            return char::from_u32(code)
                .filter(|&c| c != '\0')
                .map(GlyphText::from);
        }
        let (offset, dst) = self.map.get(code)?;
        Some(match dst {
            UniDst::Text(t) => GlyphText::new(t),
            UniDst::Inc { prefix, last } => {
                let mut buf = [0; 4];
                let c = last
                    .checked_add(offset)
                    .and_then(char::from_u32)
                    .filter(|&c| c != '\0')
                    .map_or("", |c| &*c.encode_utf8(&mut buf));
                GlyphText::concat(prefix, c)
            }
        })
    }

    /// Whether the map is empty.
    pub(crate) fn is_empty(&self) -> bool {
        !self.identity && self.map.is_empty()
    }
}

/// A parsed encoding CMap (code -> CID).
#[derive(Debug, Clone, Default)]
pub(crate) struct CidMap {
    /// How strings split into codes.
    pub(crate) codespace: Codespace,
    /// Code ranges to the CID of their first code.
    map: RangeMap<u32>,
}

impl CidMap {
    /// The CID of `code` (0, the notdef CID, when unmapped).
    pub(crate) fn cid(&self, code: u32) -> u32 {
        self.map
            .get(code)
            .map(|(off, &start)| start.saturating_add(off))
            .unwrap_or(0)
    }
}

/// What [`parse`] found in a CMap.
#[derive(Debug, Default)]
pub(crate) struct Parsed {
    /// Codespace ranges.
    pub(crate) codespace: Codespace,
    /// bfchar/bfrange entries, in file order.
    pub(crate) unicode: Vec<(u32, u32, UniDst)>,
    /// cidchar/cidrange entries, in file order.
    pub(crate) cids: Vec<(u32, u32, u32)>,
    /// `/WMode` (1 = vertical).
    pub(crate) wmode: Option<i64>,
    /// The name given to `usecmap`.
    pub(crate) usecmap: Option<Vec<u8>>,
}

impl Parsed {
    /// The ToUnicode map of these entries.
    pub(crate) fn into_to_unicode(self) -> ToUnicode {
        ToUnicode {
            codespace: self.codespace,
            map: RangeMap::build(self.unicode),
            identity: false,
        }
    }

    /// The code -> CID map of these entries, after `base` entries (which they override).
    pub(crate) fn into_cid_map(self, mut base: Vec<(u32, u32, u32)>) -> CidMap {
        base.extend(self.cids);
        CidMap {
            codespace: self.codespace,
            map: RangeMap::build(base),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Tok<'a> {
    Hex(Vec<u8>),
    Str(Vec<u8>),
    Name(&'a [u8]),
    Int(i64),
    Real,
    Kw(&'a [u8]),
    ArrOpen,
    ArrClose,
    Other,
}

fn is_delim(b: u8) -> bool {
    matches!(
        b,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n' | b'\x0c' | b'\0')
}

struct Lexer<'a> {
    data: &'a [u8],
    pos: usize,
    peeked: Option<Tok<'a>>,
}

fn hex_digit(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

impl<'a> Lexer<'a> {
    fn new(data: &'a [u8]) -> Self {
        Lexer {
            data,
            pos: 0,
            peeked: None,
        }
    }

    fn byte(&self) -> Option<u8> {
        self.data.get(self.pos).copied()
    }

    fn peek(&mut self) -> Option<&Tok<'a>> {
        if self.peeked.is_none() {
            self.peeked = self.lex();
        }
        self.peeked.as_ref()
    }

    fn next_tok(&mut self) -> Option<Tok<'a>> {
        match self.peeked.take() {
            Some(t) => Some(t),
            None => self.lex(),
        }
    }

    fn run(&mut self) -> &'a [u8] {
        let start = self.pos;
        while let Some(b) = self.byte() {
            if is_space(b) || is_delim(b) {
                break;
            }
            self.pos += 1;
        }
        self.data.get(start..self.pos).unwrap_or(&[])
    }

    fn lex(&mut self) -> Option<Tok<'a>> {
        loop {
            let b = self.byte()?;
            if is_space(b) {
                self.pos += 1;
            } else if b == b'%' {
                while let Some(c) = self.byte() {
                    if c == b'\n' || c == b'\r' {
                        break;
                    }
                    self.pos += 1;
                }
            } else {
                break;
            }
        }
        let b = self.byte()?;
        match b {
            b'<' => {
                self.pos += 1;
                if self.byte() == Some(b'<') {
                    self.pos += 1;
                    return Some(Tok::Other);
                }
                let mut out = Vec::new();
                let mut high: Option<u8> = None;
                while let Some(c) = self.byte() {
                    self.pos += 1;
                    if c == b'>' {
                        break;
                    }
                    if let Some(d) = hex_digit(c) {
                        match high.take() {
                            Some(h) => out.push((h << 4) | d),
                            None => high = Some(d),
                        }
                    }
                }
                if let Some(h) = high {
                    out.push(h << 4);
                }
                Some(Tok::Hex(out))
            }
            b'>' => {
                self.pos += 1;
                if self.byte() == Some(b'>') {
                    self.pos += 1;
                }
                Some(Tok::Other)
            }
            b'[' => {
                self.pos += 1;
                Some(Tok::ArrOpen)
            }
            b']' => {
                self.pos += 1;
                Some(Tok::ArrClose)
            }
            b'{' | b'}' | b')' => {
                self.pos += 1;
                Some(Tok::Other)
            }
            b'(' => {
                self.pos += 1;
                Some(Tok::Str(self.literal()))
            }
            b'/' => {
                self.pos += 1;
                Some(Tok::Name(self.run()))
            }
            _ => {
                let word = self.run();
                if word.is_empty() {
                    // A delimiter not handled above; skip it.
                    self.pos += 1;
                    return Some(Tok::Other);
                }
                let first = word.first().copied().unwrap_or(0);
                if first.is_ascii_digit() || first == b'-' || first == b'+' || first == b'.' {
                    let s = std::str::from_utf8(word).unwrap_or("");
                    if let Ok(i) = s.parse::<i64>() {
                        return Some(Tok::Int(i));
                    }
                    if s.parse::<f64>().is_ok() {
                        return Some(Tok::Real);
                    }
                }
                Some(Tok::Kw(word))
            }
        }
    }

    fn literal(&mut self) -> Vec<u8> {
        let mut out = Vec::new();
        let mut depth = 0usize;
        while let Some(c) = self.byte() {
            self.pos += 1;
            match c {
                b'(' => {
                    depth += 1;
                    out.push(c);
                }
                b')' => {
                    if depth == 0 {
                        break;
                    }
                    depth -= 1;
                    out.push(c);
                }
                b'\\' => {
                    let Some(e) = self.byte() else { break };
                    self.pos += 1;
                    match e {
                        b'n' => out.push(b'\n'),
                        b'r' => out.push(b'\r'),
                        b't' => out.push(b'\t'),
                        b'b' => out.push(8),
                        b'f' => out.push(12),
                        b'0'..=b'7' => {
                            let mut v = u32::from(e - b'0');
                            for _ in 0..2 {
                                match self.byte() {
                                    Some(d @ b'0'..=b'7') => {
                                        v = v * 8 + u32::from(d - b'0');
                                        self.pos += 1;
                                    }
                                    _ => break,
                                }
                            }
                            out.push((v & 0xFF) as u8);
                        }
                        b'\r' | b'\n' => {}
                        other => out.push(other),
                    }
                }
                _ => out.push(c),
            }
        }
        out
    }
}

/// UTF-16BE text of a ToUnicode destination string (a lone byte is read as Latin-1; U+0000
/// is dropped).
pub(crate) fn utf16_text(bytes: &[u8]) -> String {
    if let [b] = bytes {
        return if *b == 0 {
            String::new()
        } else {
            char::from(*b).to_string()
        };
    }
    let units = bytes.chunks_exact(2).map(|p| match p {
        [a, b] => u16::from_be_bytes([*a, *b]),
        _ => 0,
    });
    char::decode_utf16(units)
        .map(|r| r.unwrap_or(char::REPLACEMENT_CHARACTER))
        .filter(|&c| c != '\0')
        .collect()
}

/// Bounded accounting while parsing.
struct Budget<'p> {
    max: usize,
    used: usize,
    stopped: bool,
    problems: &'p mut Vec<String>,
}

impl Budget<'_> {
    /// Take one entry; false (with a problem, once) when the limit is reached.
    fn take(&mut self) -> bool {
        if self.stopped {
            return false;
        }
        if self.used >= self.max {
            self.stopped = true;
            self.problems.push(format!(
                "CMap truncated after {} entries (limit {}; {})",
                self.max,
                Limit::CmapEntries.name(),
                Limit::CmapEntries.raise_hint()
            ));
            return false;
        }
        self.used += 1;
        true
    }

    /// Whether a range of `lo..=hi` may be kept (spans at most `max` codes).
    fn range_ok(&mut self, lo: u32, hi: u32, what: &str) -> bool {
        let span = u64::from(hi) - u64::from(lo) + 1;
        if span > self.max as u64 {
            let msg = format!(
                "CMap {what} <{lo:X}>..<{hi:X}> spans {span} codes, over the limit of {}: ignored",
                self.max
            );
            if !self.problems.contains(&msg) {
                self.problems.push(msg);
            }
            return false;
        }
        true
    }
}

fn src_code(bytes: &[u8], problems: &mut Vec<String>) -> Option<u32> {
    if bytes.is_empty() || bytes.len() > 4 {
        let msg = "CMap source code longer than 4 bytes (or empty): entry ignored".to_string();
        if !problems.contains(&msg) {
            problems.push(msg);
        }
        return None;
    }
    Some(code_value(bytes))
}

fn dst_text(tok: &Tok<'_>) -> Option<String> {
    match tok {
        Tok::Hex(b) => Some(utf16_text(b)),
        Tok::Str(b) => Some(utf16_text(b)),
        Tok::Name(n) => {
            let name = std::str::from_utf8(n).ok()?;
            Some(
                glyph_to_unicode(name, false)
                    .map(|c| c.into_owned())
                    .unwrap_or_default(),
            )
        }
        _ => None,
    }
}

/// Whether `tok` ends a section: its `end...` keyword, or any other keyword (a missing end).
fn ends_section(tok: Option<&Tok<'_>>) -> bool {
    matches!(tok, None | Some(Tok::Kw(_)))
}

/// Consume the `end...` keyword of a section if it is next (a different keyword is left for
/// the main loop: the section's end was missing).
fn finish(lx: &mut Lexer<'_>, end: &[u8]) {
    if matches!(lx.peek(), Some(Tok::Kw(k)) if *k == end) {
        lx.next_tok();
    }
}

/// Skip a bfrange destination that will not be used.
fn skip_dst(lx: &mut Lexer<'_>) {
    if lx.peek() == Some(&Tok::ArrOpen) {
        while !matches!(lx.next_tok(), None | Some(Tok::ArrClose) | Some(Tok::Kw(_))) {}
    } else if !ends_section(lx.peek()) {
        lx.next_tok();
    }
}

/// Parse CMap text: codespace ranges, bfchar/bfrange, cidchar/cidrange, WMode and usecmap.
/// Keeps at most `max_entries` mappings; problems go to `problems`.
pub(crate) fn parse(data: &[u8], max_entries: usize, problems: &mut Vec<String>) -> Parsed {
    let mut out = Parsed::default();
    let mut lx = Lexer::new(data);
    let mut budget = Budget {
        max: max_entries,
        used: 0,
        stopped: false,
        problems,
    };
    let mut prev_name: Option<&[u8]> = None;
    let mut codespace_full = false;
    while let Some(tok) = lx.next_tok() {
        if budget.stopped {
            break;
        }
        let this_name = match &tok {
            Tok::Name(n) => Some(*n),
            _ => None,
        };
        match tok {
            Tok::Kw(b"begincodespacerange") => {
                loop {
                    if ends_section(lx.peek()) {
                        break;
                    }
                    let lo = lx.next_tok();
                    if ends_section(lx.peek()) {
                        break;
                    }
                    let hi = lx.next_tok();
                    if let (Some(Tok::Hex(lo)), Some(Tok::Hex(hi))) = (lo, hi) {
                        if lo.len() == hi.len() && (1..=4).contains(&lo.len()) {
                            if out.codespace.ranges.len() >= MAX_CODESPACE_RANGES {
                                codespace_full = true;
                            } else {
                                out.codespace
                                    .add(lo.len(), code_value(&lo), code_value(&hi));
                            }
                        }
                    }
                }
                finish(&mut lx, b"endcodespacerange");
            }
            Tok::Kw(b"beginbfchar") => {
                loop {
                    if ends_section(lx.peek()) {
                        break;
                    }
                    let src = lx.next_tok();
                    if ends_section(lx.peek()) {
                        break;
                    }
                    let dst = lx.next_tok();
                    let (Some(Tok::Hex(src)), Some(dst)) = (src, dst) else {
                        continue;
                    };
                    let Some(code) = src_code(&src, budget.problems) else {
                        continue;
                    };
                    let Some(text) = dst_text(&dst) else { continue };
                    if !budget.take() {
                        break;
                    }
                    out.unicode
                        .push((code, code, UniDst::Text(text.into_boxed_str())));
                }
                finish(&mut lx, b"endbfchar");
            }
            Tok::Kw(b"beginbfrange") => {
                loop {
                    if ends_section(lx.peek()) {
                        break;
                    }
                    let lo = lx.next_tok();
                    if ends_section(lx.peek()) {
                        break;
                    }
                    let hi = lx.next_tok();
                    if ends_section(lx.peek()) {
                        break;
                    }
                    let (Some(Tok::Hex(lo)), Some(Tok::Hex(hi))) = (lo, hi) else {
                        skip_dst(&mut lx);
                        continue;
                    };
                    let (Some(lo), Some(hi)) = (
                        src_code(&lo, budget.problems),
                        src_code(&hi, budget.problems),
                    ) else {
                        skip_dst(&mut lx);
                        continue;
                    };
                    if lo > hi {
                        skip_dst(&mut lx);
                        continue;
                    }
                    if lx.peek() == Some(&Tok::ArrOpen) {
                        lx.next_tok();
                        let mut code = Some(lo);
                        loop {
                            match lx.next_tok() {
                                None | Some(Tok::ArrClose) | Some(Tok::Kw(_)) => break,
                                Some(t) => {
                                    let Some(c) = code else { continue };
                                    if let Some(text) = dst_text(&t) {
                                        if !budget.take() {
                                            break;
                                        }
                                        out.unicode.push((
                                            c,
                                            c,
                                            UniDst::Text(text.into_boxed_str()),
                                        ));
                                    }
                                    code = c.checked_add(1).filter(|&n| n <= hi);
                                }
                            }
                        }
                        continue;
                    }
                    let Some(t) = lx.next_tok() else { break };
                    let Some(text) = dst_text(&t) else { continue };
                    if !budget.range_ok(lo, hi, "bfrange") {
                        continue;
                    }
                    let mut chars: Vec<char> = text.chars().collect();
                    let Some(last) = chars.pop() else { continue };
                    if !budget.take() {
                        break;
                    }
                    let prefix: String = chars.into_iter().collect();
                    out.unicode.push((
                        lo,
                        hi,
                        UniDst::Inc {
                            prefix: prefix.into_boxed_str(),
                            last: u32::from(last),
                        },
                    ));
                }
                finish(&mut lx, b"endbfrange");
            }
            Tok::Kw(b"begincidrange") => {
                loop {
                    if ends_section(lx.peek()) {
                        break;
                    }
                    let lo = lx.next_tok();
                    if ends_section(lx.peek()) {
                        break;
                    }
                    let hi = lx.next_tok();
                    if ends_section(lx.peek()) {
                        break;
                    }
                    let cid = lx.next_tok();
                    let (Some(Tok::Hex(lo)), Some(Tok::Hex(hi)), Some(Tok::Int(cid))) =
                        (lo, hi, cid)
                    else {
                        continue;
                    };
                    let (Some(lo), Some(hi), Ok(cid)) = (
                        src_code(&lo, budget.problems),
                        src_code(&hi, budget.problems),
                        u32::try_from(cid),
                    ) else {
                        continue;
                    };
                    if lo > hi || !budget.range_ok(lo, hi, "cidrange") {
                        continue;
                    }
                    if !budget.take() {
                        break;
                    }
                    out.cids.push((lo, hi, cid));
                }
                finish(&mut lx, b"endcidrange");
            }
            Tok::Kw(b"begincidchar") => {
                loop {
                    if ends_section(lx.peek()) {
                        break;
                    }
                    let src = lx.next_tok();
                    if ends_section(lx.peek()) {
                        break;
                    }
                    let cid = lx.next_tok();
                    let (Some(Tok::Hex(src)), Some(Tok::Int(cid))) = (src, cid) else {
                        continue;
                    };
                    let (Some(code), Ok(cid)) =
                        (src_code(&src, budget.problems), u32::try_from(cid))
                    else {
                        continue;
                    };
                    if !budget.take() {
                        break;
                    }
                    out.cids.push((code, code, cid));
                }
                finish(&mut lx, b"endcidchar");
            }
            Tok::Kw(b"usecmap") => {
                if let Some(n) = prev_name {
                    out.usecmap = Some(n.to_vec());
                }
            }
            Tok::Int(v) if prev_name == Some(&b"WMode"[..]) => out.wmode = Some(v),
            Tok::Kw(b"endcmap") => break,
            _ => {}
        }
        prev_name = this_name;
    }
    if codespace_full {
        budget.problems.push(format!(
            "CMap has more than {MAX_CODESPACE_RANGES} codespace ranges: the rest ignored"
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codespace_split_mixed() {
        let mut cs = Codespace::default();
        cs.add(1, 0x00, 0x7F);
        cs.add(2, 0x8000, 0xFFFF);
        assert_eq!(cs.next_code(&[0x41, 0x80]), (0x41, 1));
        assert_eq!(cs.next_code(&[0x80, 0x01, 0x41]), (0x8001, 2));
        // A lone lead byte at the end: no match, one byte consumed.
        assert_eq!(cs.next_code(&[0x81]), (0x81, 1));
    }

    #[test]
    fn range_map_later_wins() {
        let m = RangeMap::build(vec![(0u32, 100u32, 'a'), (10, 20, 'b'), (15, 15, 'c')]);
        assert_eq!(m.get(5), Some((5, &'a')));
        assert_eq!(m.get(10), Some((0, &'b')));
        assert_eq!(m.get(15), Some((0, &'c')));
        assert_eq!(m.get(16), Some((6, &'b')));
        assert_eq!(m.get(21), Some((21, &'a')));
        assert_eq!(m.get(101), None);
        let m = RangeMap::build(vec![(10u32, 20u32, 1), (0, 100, 2)]);
        assert_eq!(m.get(15), Some((15, &2)));
        let m = RangeMap::build(vec![(0u32, u32::MAX, 1), (u32::MAX, u32::MAX, 2)]);
        assert_eq!(m.get(u32::MAX), Some((0, &2)));
        assert_eq!(m.get(7), Some((7, &1)));
    }

    #[test]
    fn parse_to_unicode() {
        let src = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap
            /CMapName /Adobe-Identity-UCS def /CMapType 2 def
            1 begincodespacerange <0000> <FFFF> endcodespacerange
            2 beginbfchar <0003> <0020> <0011> <D835DC00> endbfchar
            2 beginbfrange <0020> <0022> <0041> <0030> <0031> [<0066006C> <00660069>] endbfrange
            endcmap CMapName currentdict /CMap defineresource pop end end";
        let mut problems = Vec::new();
        let tu = parse(src, 100, &mut problems).into_to_unicode();
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(tu.lookup(3).as_deref(), Some(" "));
        assert_eq!(tu.lookup(0x11).as_deref(), Some("\u{1D400}"));
        assert_eq!(tu.lookup(0x21).as_deref(), Some("B"));
        assert_eq!(tu.lookup(0x22).as_deref(), Some("C"));
        assert_eq!(tu.lookup(0x30).as_deref(), Some("fl"));
        assert_eq!(tu.lookup(0x31).as_deref(), Some("fi"));
        assert_eq!(tu.lookup(0x23), None);
    }

    #[test]
    fn parse_wmode_and_usecmap() {
        let src = b"/WMode 1 def /Identity-V usecmap 1 begincidrange <0000> <00ff> 5 endcidrange";
        let mut problems = Vec::new();
        let p = parse(src, 1000, &mut problems);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(p.wmode, Some(1));
        assert_eq!(p.usecmap.as_deref(), Some(&b"Identity-V"[..]));
        let m = p.into_cid_map(Vec::new());
        assert_eq!(m.cid(0x10), 0x15);
        assert_eq!(m.cid(0x100), 0);
    }

    #[test]
    fn codes_are_read_at_the_lengths_the_codespace_has() {
        let mut cs = Codespace::single(2, 0x0000, 0xFFFF);
        assert_eq!(cs.next_code(&[0x00, 0x41, 0x00]), (0x0041, 2));
        // A lone last byte is a code of its own.
        assert_eq!(cs.next_code(&[0x41]), (0x41, 1));
        // Merged in: one-byte codes below 0x80 now come first.
        let mut one = Codespace::default();
        one.add(1, 0x00, 0x7F);
        cs.merge(&one);
        assert_eq!(cs.next_code(&[0x41, 0x00]), (0x41, 1));
        assert_eq!(cs.next_code(&[0x81, 0x00]), (0x8100, 2));
        // Three-byte codes only: two bytes left are one code of two.
        let three = Codespace::single(3, 0x000000, 0xFFFFFF);
        assert_eq!(three.next_code(&[1, 2, 3, 4]), (0x010203, 3));
        assert_eq!(three.next_code(&[1, 2]), (0x0102, 2));
    }

    #[test]
    fn hostile_ranges_are_bounded() {
        let mut problems = Vec::new();
        let src = b"1 beginbfrange <00000000> <FFFFFFFF> <0041> endbfrange";
        let tu = parse(src, 1000, &mut problems).into_to_unicode();
        assert!(tu.is_empty());
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0].contains("spans 4294967296 codes"),
            "{problems:?}"
        );

        let mut problems = Vec::new();
        let src =
            b"5 beginbfchar <01> <0041> <02> <0042> <03> <0043> <04> <0044> <05> <0045> endbfchar";
        let tu = parse(src, 3, &mut problems).into_to_unicode();
        assert_eq!(
            problems,
            vec![
                "CMap truncated after 3 entries (limit cmap-entries; raise it with --max-cmap-entries)"
                    .to_string()
            ]
        );
        assert_eq!(tu.lookup(3).as_deref(), Some("C"));
        assert_eq!(tu.lookup(4), None);
    }

    #[test]
    fn garbage_does_not_panic() {
        let mut problems = Vec::new();
        for src in [
            &b"beginbfrange <00> [ <41"[..],
            b"beginbfchar <",
            b"begincodespacerange <00> endcodespacerange beginbfrange <01> <00> <41> endbfrange",
            b"((((\\",
            b"beginbfrange <0000> <0005> [/A /B] <0010> <0010> <> endbfrange",
            b"begincidrange <00> <ff> -5 <00> <ff> 99999999999 endcidrange",
        ] {
            let _ = parse(src, 10, &mut problems);
        }
    }

    #[test]
    fn utf16() {
        assert_eq!(utf16_text(&[0xD8, 0x3D, 0xDE, 0x00]), "\u{1F600}");
        assert_eq!(utf16_text(&[0x41]), "A");
        assert_eq!(utf16_text(&[0x00, 0x00]), "");
        assert_eq!(utf16_text(&[0xD8, 0x3D]), "\u{FFFD}");
    }
}
