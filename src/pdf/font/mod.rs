//! Fonts: from a font dictionary to character codes, Unicode text and glyph advances.
//!
//! CONTRACT (used by `pdf::interp`; keep these signatures):
//!
//! ```ignore
//! let loaded = Font::load(&doc, font_dict, &limits);     // never fails; problems in loaded.problems
//! for ch in loaded.font.decode(bytes) { /* ch.code, ch.unicode, ch.width, ch.is_word_space */ }
//! ```
//!
//! What is supported (ISO 32000-1 §9.6–9.10):
//!
//! * simple fonts (Type1, MMType1, TrueType, Type3): `/Widths` + `/FirstChar`, descriptor
//!   `/MissingWidth`, built-in AFM widths of the standard 14 fonts and their common aliases;
//!   Unicode from `/ToUnicode`, else `/Encoding` (Standard, MacRoman, WinAnsi, the built-in
//!   encodings of Symbol and ZapfDingbats, a Type 1 program's own encoding, `/Differences`)
//!   through the Adobe Glyph List;
//! * Type0 fonts: Identity-H/V, the predefined `Uni*-UCS2-*`, `Uni*-UTF16-*` and
//!   `Uni*-UTF32-*` CMaps, embedded CMap streams; `/W`, `/DW`, `/W2`, `/DW2`;
//! * ToUnicode CMaps: bfchar, bfrange (both forms), multi-byte codespaces, UTF-16 with
//!   surrogate pairs and ligatures, bounded by [`Limits::cmap_entries`];
//! * private-use bullets (U+F0B7 and friends from Symbol/Wingdings) become "•", and the
//!   Latin ligature characters U+FB00..U+FB06 their letters ("fi").
//!
//! Ascent and descent follow poppler (so word boxes agree with `pdftotext -bbox`): the AFM
//! values for a standard-14 font that is not embedded, else the descriptor's sane values,
//! else 0.95 / -0.35; Type3 fonts use their /FontBBox through /FontMatrix.

mod cmap;
mod encoding;
mod generated;
mod std14;
mod tex;

use std::borrow::Cow;
use std::sync::{Arc, OnceLock};

use lopdf::{Dictionary, Document, Object};

use crate::geom::Matrix;
use crate::pdf::glyph_text::GlyphText;
use crate::pdf::limits::Limits;

use cmap::{CidMap, Codespace, RangeMap, ToUnicode};
use encoding::{fix_single_char, glyph_to_unicode, BaseEncoding};
use std14::Std14;

/// One character code decoded from a string operand of a show-text operator.
#[derive(Debug, Clone, PartialEq)]
pub struct DecodedChar {
    /// The character code (1 to 4 bytes, big-endian).
    pub code: u32,
    /// Number of bytes the code took in the string.
    pub code_len: u8,
    /// Unicode text for the code (may be several chars, e.g. ligatures "fi"); empty when
    /// the font gives no way to know. Private-use bullets are already mapped to "•".
    pub unicode: GlyphText,
    /// Horizontal advance (or vertical for vertical fonts) in text space units for a font
    /// size of 1: `w / 1000` for ordinary fonts; for Type3, the width through FontMatrix.
    pub width: f64,
    /// True for the single-byte code 32, to which word spacing (Tw) applies (9.3.3).
    pub is_word_space: bool,
}

/// Slots in a [`DecodeCache`] (a page shows a few hundred distinct codes of a composite font).
const DECODE_CACHE_SLOTS: usize = 512;

/// The last codes decoded from composite fonts, by font and code, so a code shown again on the
/// page skips its ToUnicode and width lookups (a code's text and width never change). One
/// slot per code hash; a newer code takes the slot. Keyed by the font's address, so a cache
/// must not outlive the fonts it has seen (the interpreter keeps one per page, beside them).
#[derive(Debug, Default)]
pub struct DecodeCache {
    slots: Vec<Option<(usize, u32, u8, DecodedChar)>>,
}

impl DecodeCache {
    fn get_or_insert(
        &mut self,
        font: usize,
        code: u32,
        len: u8,
        decode: impl FnOnce() -> DecodedChar,
    ) -> DecodedChar {
        if self.slots.is_empty() {
            self.slots.resize(DECODE_CACHE_SLOTS, None);
        }
        let hash = (code as usize ^ (font >> 4)).wrapping_mul(0x9E37_79B9) >> 7;
        let Some(slot) = self.slots.get_mut(hash % DECODE_CACHE_SLOTS) else {
            return decode();
        };
        match slot {
            Some((f, c, l, d)) if *f == font && *c == code && *l == len => d.clone(),
            _ => {
                let d = decode();
                *slot = Some((font, code, len, d.clone()));
                d
            }
        }
    }
}

/// A font ready to decode strings. Cheap to clone (the tables are shared).
#[derive(Debug, Clone)]
pub struct Font {
    /// Shared, so each glyph can carry it without a copy.
    name: Arc<str>,
    kind: Kind,
    ascent: f64,
    descent: f64,
    vertical: bool,
    matrix: Matrix,
}

/// The result of loading a font: the font, and what was wrong with its dictionary.
#[derive(Debug, Clone)]
pub struct LoadedFont {
    /// The usable font (with fallbacks where the dictionary was broken).
    pub font: Font,
    /// Human-readable problems met while loading (each becomes a page warning).
    pub problems: Vec<String>,
}

#[derive(Debug, Clone)]
enum Kind {
    Simple(Arc<SimpleFont>),
    Cid(Arc<CidFont>),
}

/// A simple font: one byte per code, everything precomputed per code.
#[derive(Debug)]
struct SimpleFont {
    /// Unicode text per code (256 entries).
    unicode: Vec<GlyphText>,
    /// Advance per code in text space units (256 entries).
    widths: Vec<f64>,
}

/// How a composite font's codes become CIDs.
#[derive(Debug)]
enum CidEncoding {
    /// CID = code (Identity-H/V).
    Identity,
    /// An embedded CMap.
    Map(CidMap),
    /// A predefined CMap whose CID mapping is not known here: widths fall back to /DW.
    Unknown,
}

/// Where Unicode comes from when the ToUnicode CMap says nothing about a code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CodeUnicode {
    /// No way to know.
    None,
    /// The code is a UCS-2 value.
    Ucs2,
    /// The code is UTF-16 (2 bytes, or 4 for a surrogate pair).
    Utf16,
    /// The code is a UTF-32 value.
    Utf32,
}

/// A Type0 (composite) font with its descendant CIDFont.
#[derive(Debug)]
struct CidFont {
    codespace: Codespace,
    encoding: CidEncoding,
    to_unicode: Option<ToUnicode>,
    code_unicode: CodeUnicode,
    /// Horizontal advances by CID (text space units).
    widths: RangeMap<f64>,
    default_width: f64,
    /// Vertical advances by CID (positive, text space units).
    v_widths: RangeMap<f64>,
    v_default: f64,
}

static NULL: Object = Object::Null;

/// Problems of one font, prefixed with its name, without duplicates.
struct Problems {
    prefix: String,
    list: Vec<String>,
}

impl Problems {
    const MAX: usize = 32;

    fn push(&mut self, msg: impl AsRef<str>) {
        let m = format!("{}{}", self.prefix, msg.as_ref());
        if self.list.len() < Self::MAX && !self.list.contains(&m) {
            self.list.push(m);
        }
    }
}

// ---------------------------------------------------------------------------------------
// Reading objects.

fn resolve<'a>(doc: &'a Document, obj: &'a Object) -> &'a Object {
    match doc.dereference(obj) {
        Ok((_, o)) => o,
        Err(_) => &NULL,
    }
}

fn get<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    let o = resolve(doc, dict.get(key).ok()?);
    if matches!(o, Object::Null) {
        None
    } else {
        Some(o)
    }
}

fn num(o: &Object) -> Option<f64> {
    match o {
        Object::Integer(i) => Some(*i as f64),
        Object::Real(r) if r.is_finite() => Some(f64::from(*r)),
        _ => None,
    }
}

fn num_deref(doc: &Document, o: &Object) -> Option<f64> {
    num(resolve(doc, o))
}

/// A non-negative integer that fits a u32 (a real with an integral value is accepted).
fn as_u32(o: &Object) -> Option<u32> {
    match o {
        Object::Integer(i) => u32::try_from(*i).ok(),
        Object::Real(r) if r.fract() == 0.0 && *r >= 0.0 && *r <= u32::MAX as f32 => {
            Some(*r as u32)
        }
        _ => None,
    }
}

fn get_num(doc: &Document, dict: &Dictionary, key: &[u8]) -> Option<f64> {
    get(doc, dict, key).and_then(num)
}

fn get_name<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a [u8]> {
    match get(doc, dict, key)? {
        Object::Name(n) => Some(n),
        _ => None,
    }
}

fn get_dict<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a Dictionary> {
    match get(doc, dict, key)? {
        Object::Dictionary(d) => Some(d),
        Object::Stream(s) => Some(&s.dict),
        _ => None,
    }
}

fn get_array<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a Vec<Object>> {
    match get(doc, dict, key)? {
        Object::Array(a) => Some(a),
        _ => None,
    }
}

fn lossy(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A matrix from a 6-number array.
fn matrix_of(doc: &Document, arr: &[Object]) -> Option<Matrix> {
    let v: Vec<f64> = arr.iter().filter_map(|o| num_deref(doc, o)).collect();
    match v.as_slice() {
        [a, b, c, d, e, f] if arr.len() == 6 => Some(Matrix::new(*a, *b, *c, *d, *e, *f)),
        _ => None,
    }
}

/// The decompressed data of a stream object, bounded by `limits.stream_bytes`.
fn stream_data(
    obj: &Object,
    limits: &Limits,
    what: &str,
    problems: &mut Problems,
) -> Option<Vec<u8>> {
    match obj {
        Object::Stream(s) => match s.decompressed_content_with_limit(limits.stream_bytes) {
            Ok(data) => Some(data),
            Err(e) => {
                problems.push(format!("{what} stream unreadable ({e}): ignored"));
                None
            }
        },
        _ => {
            problems.push(format!("{what} is not a stream: ignored"));
            None
        }
    }
}

fn parse_cmap(data: &[u8], limits: &Limits, what: &str, problems: &mut Problems) -> cmap::Parsed {
    let mut raw = Vec::new();
    let parsed = cmap::parse(data, limits.cmap_entries, &mut raw);
    for p in raw {
        problems.push(format!("{what}: {p}"));
    }
    parsed
}

/// The font's /ToUnicode CMap, if it has a usable one.
fn load_to_unicode(
    doc: &Document,
    dict: &Dictionary,
    limits: &Limits,
    problems: &mut Problems,
) -> Option<ToUnicode> {
    let obj = get(doc, dict, b"ToUnicode")?;
    if let Object::Name(n) = obj {
        if n.starts_with(b"Identity") {
            return Some(ToUnicode::identity());
        }
        problems.push(format!(
            "/ToUnicode /{} is not supported: ignored",
            lossy(n)
        ));
        return None;
    }
    let data = stream_data(obj, limits, "ToUnicode", problems)?;
    let tu = parse_cmap(&data, limits, "ToUnicode", problems).into_to_unicode();
    if tu.is_empty() {
        problems.push("ToUnicode CMap maps nothing: ignored");
        return None;
    }
    Some(tu)
}

/// Ascent and descent from a font descriptor, with poppler's sanity rules.
fn descriptor_metrics(doc: &Document, desc: Option<&Dictionary>) -> (f64, f64) {
    let mut ascent = DEFAULT_ASCENT;
    let mut descent = DEFAULT_DESCENT;
    if let Some(desc) = desc {
        if let Some(a) = get_num(doc, desc, b"Ascent") {
            // Some broken descriptors give a negative ascent, others 0 or 32768.
            let t = (a / 1000.0).abs();
            if t != 0.0 && t < 3.0 {
                ascent = t;
            }
        }
        if let Some(d) = get_num(doc, desc, b"Descent") {
            // Some broken descriptors give a positive descent.
            let t = -(d / 1000.0).abs();
            if t != 0.0 && t > -3.0 {
                descent = t;
            }
        }
    }
    (ascent, descent)
}

const DEFAULT_ASCENT: f64 = 0.95;
const DEFAULT_DESCENT: f64 = -0.35;

fn is_embedded(doc: &Document, desc: Option<&Dictionary>) -> bool {
    desc.is_some_and(|d| {
        get(doc, d, b"FontFile").is_some()
            || get(doc, d, b"FontFile2").is_some()
            || get(doc, d, b"FontFile3").is_some()
    })
}

/// `s` with a private-use bullet or a Latin ligature character replaced (see
/// [`encoding::fix_single_char`]).
fn fix_unicode(s: GlyphText) -> GlyphText {
    match fix_single_char(&s) {
        Some(r) => GlyphText::new(r),
        None => s,
    }
}

// ---------------------------------------------------------------------------------------
// Simple fonts.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SimpleKind {
    Type1,
    TrueType,
    Type3,
}

/// Whether a font name is one of the symbol fonts whose codes are U+F000 + code in their
/// (3,0) cmap: Wingdings and Webdings.
fn is_pua_symbol_font(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.contains("wingding") || lower.contains("webding")
}

/// The encoding of a Type 1 font program (`dup code /name put` in its clear-text part), when
/// it is not StandardEncoding.
fn type1_builtin_encoding(
    doc: &Document,
    desc: Option<&Dictionary>,
    limits: &Limits,
    problems: &mut Problems,
) -> Option<Vec<(u8, String)>> {
    let obj = get(doc, desc?, b"FontFile")?;
    let length1 = match obj {
        Object::Stream(s) => get_num(doc, &s.dict, b"Length1"),
        _ => None,
    };
    let data = stream_data(obj, limits, "FontFile", problems)?;
    let mut clear: &[u8] = &data;
    if let Some(l1) = length1.filter(|l| *l > 0.0) {
        let l1 = if l1 >= data.len() as f64 {
            data.len()
        } else {
            l1 as usize
        };
        clear = data.get(..l1).unwrap_or(&data);
    }
    if let Some(pos) = clear.windows(5).position(|w| w == b"eexec") {
        clear = clear.get(..pos).unwrap_or(clear);
    }
    let enc_pos = clear.windows(9).position(|w| w == b"/Encoding")?;
    let after = clear.get(enc_pos + 9..)?;
    let tokens: Vec<&[u8]> = after
        .split(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n' | b'\x0c'))
        .filter(|t| !t.is_empty())
        .flat_map(|t| {
            // "32/space" -> "32", "/space"
            let mut parts = Vec::new();
            let mut start = 0;
            for (i, &b) in t.iter().enumerate() {
                if b == b'/' && i > start {
                    parts.push(t.get(start..i).unwrap_or(&[]));
                    start = i;
                }
            }
            parts.push(t.get(start..).unwrap_or(&[]));
            parts
        })
        .take(20_000)
        .collect();
    if tokens.first() == Some(&&b"StandardEncoding"[..]) {
        return None;
    }
    let mut out = Vec::new();
    for w in tokens.windows(4) {
        if let [b"dup", code, name, b"put"] = w {
            let code = std::str::from_utf8(code)
                .ok()
                .and_then(|c| c.parse::<u8>().ok());
            if let (Some(code), Some(name)) = (code, name.strip_prefix(b"/")) {
                out.push((code, lossy(name)));
            }
        }
        if w.first() == Some(&&b"readonly"[..]) || w.first() == Some(&&b"def"[..]) {
            break;
        }
    }
    if out.is_empty() {
        None
    } else {
        Some(out)
    }
}

fn load_simple(
    doc: &Document,
    dict: &Dictionary,
    limits: &Limits,
    kind: SimpleKind,
    name: &str,
    problems: &mut Problems,
) -> Font {
    let desc = get_dict(doc, dict, b"FontDescriptor");
    let embedded = is_embedded(doc, desc);
    let std14 = if kind == SimpleKind::Type3 {
        None
    } else {
        Std14::from_base_font(name)
    };
    let flags = desc.and_then(|d| get_num(doc, d, b"Flags")).unwrap_or(0.0) as i64;
    let symbolic = flags & 4 != 0;
    let pua_font = kind != SimpleKind::Type3 && is_pua_symbol_font(name);
    let to_unicode = load_to_unicode(doc, dict, limits, problems);

    // Type3: the font matrix scales widths and the bounding box.
    let mut matrix = Matrix::scale(0.001, 0.001);
    if kind == SimpleKind::Type3 {
        match get_array(doc, dict, b"FontMatrix").and_then(|a| matrix_of(doc, a)) {
            Some(m) => matrix = m,
            None => {
                problems.push("Type3 font without a valid /FontMatrix: [0.001 0 0 0.001 0 0] used")
            }
        }
    }

    // --- Encoding: a glyph name per code.
    let enc_obj = get(doc, dict, b"Encoding");
    let mut base: Option<BaseEncoding> = None;
    let mut explicit_base = false;
    let mut differences: Option<&Vec<Object>> = None;
    match enc_obj {
        Some(Object::Name(n)) => match BaseEncoding::from_name(n) {
            Some(b) => {
                base = Some(b);
                explicit_base = true;
            }
            None => problems.push(format!(
                "unsupported /Encoding /{}: default encoding used",
                lossy(n)
            )),
        },
        Some(Object::Dictionary(d)) => {
            if let Some(n) = get_name(doc, d, b"BaseEncoding") {
                match BaseEncoding::from_name(n) {
                    Some(b) => {
                        base = Some(b);
                        explicit_base = true;
                    }
                    None => problems.push(format!(
                        "unsupported /BaseEncoding /{}: default encoding used",
                        lossy(n)
                    )),
                }
            }
            differences = get_array(doc, d, b"Differences");
        }
        Some(_) => problems.push("/Encoding is neither a name nor a dictionary: ignored"),
        None => {}
    }
    // Symbol fonts: their own encoding, unless a Type 1 font is given an explicit one (as
    // poppler does; a symbolic TrueType font ignores it).
    match std14 {
        Some(Std14::Symbol) if !explicit_base || kind == SimpleKind::TrueType => {
            base = Some(BaseEncoding::Symbol)
        }
        Some(Std14::ZapfDingbats) if !explicit_base || kind == SimpleKind::TrueType => {
            base = Some(BaseEncoding::ZapfDingbats)
        }
        _ => {}
    }
    let mut glyphs: Vec<Cow<'static, str>> = vec![Cow::Borrowed(""); 256];
    let mut builtin_used = false;
    if base.is_none() && kind == SimpleKind::Type1 && embedded {
        if let Some(builtin) = type1_builtin_encoding(doc, desc, limits, problems) {
            for (code, g) in builtin {
                if let Some(slot) = glyphs.get_mut(usize::from(code)) {
                    *slot = Cow::Owned(g);
                }
            }
            builtin_used = true;
        }
    }
    if !builtin_used {
        let b = match base {
            Some(b) => Some(b),
            None => match kind {
                SimpleKind::Type3 => None,
                SimpleKind::TrueType => {
                    if symbolic
                        && !pua_font
                        && to_unicode.is_none()
                        && enc_obj.is_none()
                        && embedded
                    {
                        problems.push("symbolic TrueType font without /Encoding or /ToUnicode: codes read as WinAnsi");
                    }
                    Some(BaseEncoding::WinAnsi)
                }
                SimpleKind::Type1 => Some(BaseEncoding::Standard),
            },
        };
        if let Some(b) = b {
            for (code, slot) in (0u8..=255).zip(glyphs.iter_mut()) {
                *slot = Cow::Borrowed(b.glyph(code));
            }
        }
    }
    let mut from_differences = [false; 256];
    if let Some(diffs) = differences {
        let mut code: i64 = 0;
        for item in diffs {
            match resolve(doc, item) {
                Object::Integer(i) => code = *i,
                Object::Name(n) => {
                    if let Ok(c) = usize::try_from(code) {
                        if let (Some(slot), Some(flag)) =
                            (glyphs.get_mut(c), from_differences.get_mut(c))
                        {
                            *slot = Cow::Owned(lossy(n));
                            *flag = true;
                        }
                    }
                    code = code.saturating_add(1);
                }
                _ => {}
            }
        }
    }
    if kind == SimpleKind::Type3 && differences.is_none() && to_unicode.is_none() {
        problems.push("Type3 font without /Differences or /ToUnicode: text unknown");
    }

    // --- Unicode per code.
    let zapf = std14 == Some(Std14::ZapfDingbats);
    let mut unicode: Vec<GlyphText> = Vec::with_capacity(256);
    for (code, glyph) in (0u32..256).zip(glyphs.iter()) {
        let from_cmap = to_unicode.as_ref().and_then(|tu| tu.lookup(code));
        let text = match from_cmap {
            Some(s) => s,
            None => {
                let differs = from_differences
                    .get(code as usize)
                    .copied()
                    .unwrap_or(false);
                if pua_font && !differs {
                    char::from_u32(0xF000 + code)
                        .map(GlyphText::from)
                        .unwrap_or_default()
                } else {
                    glyph_to_unicode(glyph, zapf)
                        .map(|u| GlyphText::new(&u))
                        .unwrap_or_default()
                }
            }
        };
        unicode.push(fix_unicode(text));
    }
    if kind == SimpleKind::Type3 && to_unicode.is_none() {
        let tex_name = desc
            .and_then(|d| get_name(doc, d, b"FontName"))
            .map(lossy)
            .unwrap_or_else(|| name.to_string());
        read_tex_codes(&tex_name, &glyphs, &mut unicode, problems);
    }

    // --- Widths per code.
    let scale = if kind == SimpleKind::Type3 {
        matrix.a
    } else {
        0.001
    };
    let widths_arr = get_array(doc, dict, b"Widths");
    let first_char = get_num(doc, dict, b"FirstChar");
    let missing = desc.and_then(|d| get_num(doc, d, b"MissingWidth"));
    let mut default_w = missing.unwrap_or(0.0);
    if widths_arr.is_some() && first_char.is_none() {
        problems.push("/Widths without /FirstChar: 0 assumed");
    }
    if widths_arr.is_none() && std14.is_none() {
        if kind == SimpleKind::Type3 {
            problems.push("Type3 font without /Widths: widths 0");
        } else if missing.is_some_and(|m| m > 0.0) {
            problems
                .push("no /Widths and not a standard-14 font: /MissingWidth used for every code");
        } else {
            problems.push("no /Widths and not a standard-14 font: default width 0.5 em");
            default_w = 500.0;
        }
    }
    let first = first_char.map(|f| f as i64).unwrap_or(0);
    let mut widths = Vec::with_capacity(256);
    for (code, glyph) in (0i64..256).zip(glyphs.iter()) {
        let from_array = widths_arr.and_then(|arr| {
            let idx = usize::try_from(code.checked_sub(first)?).ok()?;
            num_deref(doc, arr.get(idx)?)
        });
        let w = match from_array {
            Some(w) => w,
            None => match (missing, std14) {
                (Some(m), _) if widths_arr.is_some() => m,
                (_, Some(s)) => s.width(glyph).map(f64::from).unwrap_or(default_w),
                _ => default_w,
            },
        };
        widths.push(w * scale);
    }

    // --- Ascent and descent.
    let (ascent, descent) = if kind == SimpleKind::Type3 {
        type3_metrics(doc, dict, &matrix)
    } else if let (Some(s), false) = (std14, embedded) {
        let afm = s.afm();
        (
            f64::from(afm.ascent) / 1000.0,
            f64::from(afm.descent) / 1000.0,
        )
    } else {
        descriptor_metrics(doc, desc)
    };

    Font {
        name: Arc::from(name),
        kind: Kind::Simple(Arc::new(SimpleFont { unicode, widths })),
        ascent,
        descent,
        vertical: false,
        matrix,
    }
}

/// A Type3 font's glyphs named only by their code (`/a65`, a TeX PK font's) and given no
/// text: read as slots of the TeX encoding the font's name or codes tell (see [`tex`]);
/// slots that cannot be known are listed in `problems`.
fn read_tex_codes(
    name: &str,
    glyphs: &[Cow<'static, str>],
    unicode: &mut [GlyphText],
    problems: &mut Problems,
) {
    let slots: Vec<(usize, u8)> = glyphs
        .iter()
        .enumerate()
        .filter(|(code, _)| unicode.get(*code).is_some_and(|u| u.is_empty()))
        .filter_map(|(code, g)| Some((code, tex::code_of_name(g)?)))
        .collect();
    if slots.is_empty() {
        return;
    }
    let used: Vec<u8> = slots.iter().map(|(_, s)| *s).collect();
    let enc = tex::decide(name, &used);
    let mut unknown = 0;
    for (code, slot) in slots {
        match (tex::text(enc, slot), unicode.get_mut(code)) {
            (Some(t), Some(u)) => *u = GlyphText::new(t),
            _ => unknown += 1,
        }
    }
    if unknown > 0 && enc == tex::TexEncoding::Unknown {
        problems.push(format!(
            "TeX bitmap font whose encoding (OT1 or T1) cannot be told: {unknown} codes the two read differently left unmapped"
        ));
    }
}

/// A Type3 font's ascent and descent: its /FontBBox through its /FontMatrix.
fn type3_metrics(doc: &Document, dict: &Dictionary, m: &Matrix) -> (f64, f64) {
    let bbox: Vec<f64> = get_array(doc, dict, b"FontBBox")
        .map(|a| a.iter().filter_map(|o| num_deref(doc, o)).collect())
        .unwrap_or_default();
    if let [_, lly, _, ury] = bbox.as_slice() {
        let y1 = m.d * ury + m.f;
        let y0 = m.d * lly + m.f;
        let (asc, desc) = (y1.max(y0), y1.min(y0));
        if asc > desc && asc.is_finite() && desc.is_finite() {
            return (asc, desc);
        }
    }
    (DEFAULT_ASCENT, DEFAULT_DESCENT)
}

// ---------------------------------------------------------------------------------------
// Composite fonts.

/// Entries `(first, last, value)` of a /W or /W2 array; `per` numbers per CID (1 for /W,
/// 3 for /W2, whose first number is the one kept).
fn parse_cid_widths(
    doc: &Document,
    arr: &[Object],
    per: usize,
    max_entries: usize,
    what: &str,
    problems: &mut Problems,
) -> Vec<(u32, u32, f64)> {
    let mut out = Vec::new();
    let mut it = arr.iter().map(|o| resolve(doc, o));
    let mut truncated = false;
    'outer: while let Some(first) = it.next() {
        let Some(first) = as_u32(first) else {
            problems.push(format!("{what}: bad entry, the rest ignored"));
            break;
        };
        match it.next() {
            Some(Object::Array(ws)) => {
                let nums: Vec<Option<f64>> = ws.iter().map(|o| num_deref(doc, o)).collect();
                for (k, chunk) in nums.chunks(per).enumerate() {
                    let Some(Some(w)) = chunk.first() else {
                        continue;
                    };
                    let Some(cid) = u32::try_from(k).ok().and_then(|k| first.checked_add(k)) else {
                        break;
                    };
                    if out.len() >= max_entries {
                        truncated = true;
                        break 'outer;
                    }
                    out.push((cid, cid, *w));
                }
            }
            Some(o) => {
                let Some(last) = as_u32(o) else {
                    problems.push(format!("{what}: bad entry, the rest ignored"));
                    break;
                };
                let mut value = None;
                for k in 0..per {
                    let v = it.next().and_then(num);
                    if k == 0 {
                        value = v;
                    }
                }
                let Some(w) = value else {
                    problems.push(format!("{what}: bad entry, the rest ignored"));
                    break;
                };
                if out.len() >= max_entries {
                    truncated = true;
                    break;
                }
                if first <= last {
                    out.push((first, last, w));
                }
            }
            None => break,
        }
    }
    if truncated {
        problems.push(format!("{what} truncated after {max_entries} entries"));
    }
    out
}

/// Codespace and CID map of a predefined CMap name.
fn predefined_cmap(name: &[u8]) -> Option<(Codespace, CidEncoding, CodeUnicode)> {
    let s = std::str::from_utf8(name).ok()?;
    if s == "Identity-H" || s == "Identity-V" {
        return Some((
            Codespace::single(2, 0, 0xFFFF),
            CidEncoding::Identity,
            CodeUnicode::None,
        ));
    }
    if s.starts_with("Uni") {
        if s.contains("-UCS2-") {
            return Some((
                Codespace::single(2, 0, 0xFFFF),
                CidEncoding::Unknown,
                CodeUnicode::Ucs2,
            ));
        }
        if s.contains("-UTF16-") {
            let mut cs = Codespace::single(2, 0, 0xD7FF);
            cs.add(2, 0xE000, 0xFFFF);
            cs.add(4, 0xD800_DC00, 0xDBFF_DFFF);
            return Some((cs, CidEncoding::Unknown, CodeUnicode::Utf16));
        }
        if s.contains("-UTF32-") {
            return Some((
                Codespace::single(4, 0, 0x0010_FFFF),
                CidEncoding::Unknown,
                CodeUnicode::Utf32,
            ));
        }
    }
    None
}

fn read_cmap_stream(
    obj: &Object,
    limits: &Limits,
    problems: &mut Problems,
) -> Option<cmap::Parsed> {
    let data = stream_data(obj, limits, "Encoding CMap", problems)?;
    Some(parse_cmap(&data, limits, "Encoding CMap", problems))
}

/// Entries and codespace of a parent CMap named by `usecmap` or /UseCMap.
fn parent_by_name(name: &[u8], problems: &mut Problems) -> (Vec<(u32, u32, u32)>, Codespace) {
    if name == b"Identity-H" || name == b"Identity-V" {
        (vec![(0, 0xFFFF, 0)], Codespace::single(2, 0, 0xFFFF))
    } else {
        problems.push(format!(
            "Encoding CMap uses unknown CMap /{}: its mappings are missing",
            lossy(name)
        ));
        (Vec::new(), Codespace::default())
    }
}

/// An embedded encoding CMap: its CID map (with its codespace) and writing mode. A parent
/// CMap (`usecmap`, /UseCMap) is followed one level deep.
fn embedded_cmap(
    doc: &Document,
    obj: &Object,
    limits: &Limits,
    problems: &mut Problems,
) -> Option<(CidMap, bool)> {
    let parsed = read_cmap_stream(obj, limits, problems)?;
    let mut vertical = parsed.wmode == Some(1);
    let use_obj = match obj {
        Object::Stream(s) => {
            if get_num(doc, &s.dict, b"WMode") == Some(1.0) {
                vertical = true;
            }
            get(doc, &s.dict, b"UseCMap")
        }
        _ => None,
    };
    let (base, base_codespace) = match (&parsed.usecmap, use_obj) {
        (Some(n), _) => parent_by_name(n, problems),
        (None, Some(Object::Name(n))) => parent_by_name(n, problems),
        (None, Some(parent @ Object::Stream(_))) => {
            match read_cmap_stream(parent, limits, problems) {
                Some(pp) => {
                    let (mut base, mut cs) = match &pp.usecmap {
                        Some(n) => parent_by_name(n, problems),
                        None => (Vec::new(), Codespace::default()),
                    };
                    cs.merge(&pp.codespace);
                    base.extend(pp.cids);
                    (base, cs)
                }
                None => (Vec::new(), Codespace::default()),
            }
        }
        _ => (Vec::new(), Codespace::default()),
    };
    let mut cid_map = parsed.into_cid_map(base);
    cid_map.codespace.merge(&base_codespace);
    if cid_map.codespace.is_empty() {
        problems.push("Encoding CMap without codespace ranges: 2-byte codes assumed");
        cid_map.codespace = Codespace::single(2, 0, 0xFFFF);
    }
    Some((cid_map, vertical))
}

fn load_type0(
    doc: &Document,
    dict: &Dictionary,
    limits: &Limits,
    name: &str,
    problems: &mut Problems,
) -> Font {
    let to_unicode = load_to_unicode(doc, dict, limits, problems);

    // Descendant CIDFont (never loaded as a font itself, so a self-reference cannot loop).
    let descendant: Option<&Dictionary> = get_array(doc, dict, b"DescendantFonts")
        .and_then(|a| a.first())
        .and_then(|o| match resolve(doc, o) {
            Object::Dictionary(d) => Some(d),
            _ => None,
        });
    let descendant = match descendant {
        None => {
            problems.push("Type0 font without a descendant CIDFont: default widths 1 em");
            None
        }
        Some(d) if get_name(doc, d, b"Subtype") == Some(b"Type0") || std::ptr::eq(d, dict) => {
            problems.push("descendant font is itself a Type0 font: ignored, default widths 1 em");
            None
        }
        Some(d) => Some(d),
    };

    // Encoding.
    let (mut codespace, mut encoding, mut code_unicode, mut vertical) = (
        Codespace::single(2, 0, 0xFFFF),
        CidEncoding::Identity,
        CodeUnicode::None,
        false,
    );
    match get(doc, dict, b"Encoding") {
        Some(Object::Name(n)) => {
            vertical = n.ends_with(b"-V");
            match predefined_cmap(n) {
                Some((cs, enc, cu)) => {
                    codespace = cs;
                    encoding = enc;
                    code_unicode = cu;
                }
                None => {
                    encoding = CidEncoding::Unknown;
                    match to_unicode.as_ref().filter(|tu| !tu.codespace.is_empty()) {
                        Some(tu) => {
                            codespace = tu.codespace.clone();
                            problems.push(format!(
                                "predefined CMap /{} not supported: codes split by the ToUnicode codespace, default widths",
                                lossy(n)
                            ));
                        }
                        None => problems.push(format!(
                            "predefined CMap /{} not supported: 2-byte codes assumed, default widths",
                            lossy(n)
                        )),
                    }
                }
            }
        }
        Some(obj @ Object::Stream(_)) => match embedded_cmap(doc, obj, limits, problems) {
            Some((map, v)) => {
                codespace = map.codespace.clone();
                encoding = CidEncoding::Map(map);
                vertical = v;
            }
            None => problems.push("unreadable Encoding CMap: Identity-H assumed"),
        },
        Some(_) => problems.push("bad /Encoding: Identity-H assumed"),
        None => problems.push("Type0 font without /Encoding: Identity-H assumed"),
    }

    // Widths.
    let mut widths = RangeMap::default();
    let mut default_width = 1.0;
    let mut v_widths = RangeMap::default();
    let mut v_default = 1.0;
    if let Some(d) = descendant {
        if let Some(dw) = get_num(doc, d, b"DW") {
            default_width = dw / 1000.0;
        }
        let w = get_array(doc, d, b"W");
        if let (Some(w), CidEncoding::Unknown) = (w, &encoding) {
            if !w.is_empty() {
                problems.push("CIDs of this predefined CMap are unknown: /W ignored, /DW used");
            }
        } else if let Some(w) = w {
            let list = parse_cid_widths(doc, w, 1, limits.cmap_entries, "/W", problems);
            widths = RangeMap::build(
                list.into_iter()
                    .map(|(a, b, w)| (a, b, w / 1000.0))
                    .collect(),
            );
        }
        if vertical {
            if let Some(dw2) = get_array(doc, d, b"DW2") {
                match dw2.get(1).and_then(|o| num_deref(doc, o)) {
                    Some(w1y) => v_default = -w1y / 1000.0,
                    None => problems.push("bad /DW2: [880 -1000] used"),
                }
            }
            if let (Some(w2), false) = (
                get_array(doc, d, b"W2"),
                matches!(encoding, CidEncoding::Unknown),
            ) {
                let list = parse_cid_widths(doc, w2, 3, limits.cmap_entries, "/W2", problems);
                v_widths = RangeMap::build(
                    list.into_iter()
                        .map(|(a, b, w)| (a, b, -w / 1000.0))
                        .collect(),
                );
            }
        }
    }
    if to_unicode.is_none() && code_unicode == CodeUnicode::None {
        problems.push("composite font without /ToUnicode: its text cannot be recovered");
    }

    let desc = descendant.and_then(|d| get_dict(doc, d, b"FontDescriptor"));
    let (ascent, descent) = descriptor_metrics(doc, desc);
    Font {
        name: Arc::from(name),
        kind: Kind::Cid(Arc::new(CidFont {
            codespace,
            encoding,
            to_unicode,
            code_unicode,
            widths,
            default_width,
            v_widths,
            v_default,
        })),
        ascent,
        descent,
        vertical,
        matrix: Matrix::scale(0.001, 0.001),
    }
}

impl CidFont {
    fn unicode(&self, code: u32, len: usize) -> GlyphText {
        if let Some(s) = self.to_unicode.as_ref().and_then(|tu| tu.lookup(code)) {
            return fix_unicode(s);
        }
        let c = match self.code_unicode {
            CodeUnicode::None => None,
            CodeUnicode::Ucs2 | CodeUnicode::Utf32 => char::from_u32(code),
            CodeUnicode::Utf16 if len == 4 => {
                let (hi, lo) = ((code >> 16) as u16, (code & 0xFFFF) as u16);
                char::decode_utf16([hi, lo]).next().and_then(Result::ok)
            }
            CodeUnicode::Utf16 => char::from_u32(code),
        };
        match c {
            Some(c) if c != '\0' => match encoding::private_use_replacement(c)
                .or_else(|| encoding::ligature_letters(c))
            {
                Some(r) => GlyphText::new(r),
                None => GlyphText::from(c),
            },
            _ => GlyphText::default(),
        }
    }

    fn width(&self, code: u32, vertical: bool) -> f64 {
        let cid = match &self.encoding {
            CidEncoding::Identity => Some(code),
            CidEncoding::Map(m) => Some(m.cid(code)),
            CidEncoding::Unknown => None,
        };
        if vertical {
            cid.and_then(|c| self.v_widths.get(c))
                .map(|(_, w)| *w)
                .unwrap_or(self.v_default)
        } else {
            cid.and_then(|c| self.widths.get(c))
                .map(|(_, w)| *w)
                .unwrap_or(self.default_width)
        }
    }
}

// ---------------------------------------------------------------------------------------

impl Font {
    /// Load a font from its dictionary. Never panics and never fails: a broken part falls back
    /// (e.g. missing widths -> standard-14 metrics or a default width) and is listed in
    /// `problems`, each prefixed with "font NAME: ".
    pub fn load(doc: &lopdf::Document, dict: &lopdf::Dictionary, limits: &Limits) -> LoadedFont {
        let name = get_name(doc, dict, b"BaseFont")
            .map(lossy)
            .unwrap_or_default();
        let mut problems = Problems {
            prefix: if name.is_empty() {
                "font (unnamed): ".to_string()
            } else {
                format!("font {name}: ")
            },
            list: Vec::new(),
        };
        let subtype = get_name(doc, dict, b"Subtype");
        let font = match subtype {
            Some(b"Type0") => load_type0(doc, dict, limits, &name, &mut problems),
            Some(b"Type3") => {
                load_simple(doc, dict, limits, SimpleKind::Type3, &name, &mut problems)
            }
            Some(b"TrueType") => load_simple(
                doc,
                dict,
                limits,
                SimpleKind::TrueType,
                &name,
                &mut problems,
            ),
            Some(b"Type1") | Some(b"MMType1") => {
                load_simple(doc, dict, limits, SimpleKind::Type1, &name, &mut problems)
            }
            other => {
                problems.push(match other {
                    Some(s) => format!("unknown font /Subtype /{}: read as Type1", lossy(s)),
                    None => "font without /Subtype: read as Type1".to_string(),
                });
                load_simple(doc, dict, limits, SimpleKind::Type1, &name, &mut problems)
            }
        };
        LoadedFont {
            font,
            problems: problems.list,
        }
    }

    /// The font used when a `Tf` names a font the resources do not have: Helvetica metrics,
    /// StandardEncoding.
    pub fn fallback() -> Font {
        static FALLBACK: OnceLock<Font> = OnceLock::new();
        FALLBACK
            .get_or_init(|| {
                let doc = Document::new();
                let mut dict = Dictionary::new();
                dict.set("Type", Object::Name(b"Font".to_vec()));
                dict.set("Subtype", Object::Name(b"Type1".to_vec()));
                dict.set("BaseFont", Object::Name(b"Helvetica".to_vec()));
                Font::load(&doc, &dict, &Limits::default()).font
            })
            .clone()
    }

    /// Decode a string operand into character codes.
    pub fn decode(&self, bytes: &[u8]) -> Vec<DecodedChar> {
        let mut out = Vec::new();
        self.decode_into(bytes, &mut out, &mut DecodeCache::default());
        out
    }

    /// [`Font::decode`] into `out` (emptied first), so one list serves every string of a page;
    /// a composite font's codes are looked up in `cache` first (see [`DecodeCache`]).
    pub fn decode_into(&self, bytes: &[u8], out: &mut Vec<DecodedChar>, cache: &mut DecodeCache) {
        out.clear();
        match &self.kind {
            Kind::Simple(f) => out.extend(bytes.iter().map(|&b| {
                let i = usize::from(b);
                DecodedChar {
                    code: u32::from(b),
                    code_len: 1,
                    unicode: f.unicode.get(i).cloned().unwrap_or_default(),
                    width: f.widths.get(i).copied().unwrap_or(0.0),
                    is_word_space: b == 32,
                }
            })),
            Kind::Cid(f) => {
                out.reserve(bytes.len() / 2 + 1);
                let mut rest = bytes;
                let font = Arc::as_ptr(f) as usize;
                while !rest.is_empty() {
                    let (code, n) = f.codespace.next_code(rest);
                    rest = rest.get(n..).unwrap_or(&[]);
                    let decoded = cache.get_or_insert(font, code, n as u8, || DecodedChar {
                        code,
                        code_len: n as u8,
                        unicode: f.unicode(code, n),
                        width: f.width(code, self.vertical),
                        is_word_space: n == 1 && code == 32,
                    });
                    out.push(decoded);
                }
            }
        }
    }

    /// The font's name (`/BaseFont`, subset prefix kept), or "" when it has none.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// [`Font::name`], shared (a glyph keeps its font's name without copying it).
    pub fn shared_name(&self) -> Arc<str> {
        self.name.clone()
    }

    /// Ascent above the baseline, in text space units for size 1 (e.g. 0.905). As poppler:
    /// the AFM value for a standard-14 font that is not embedded; else the descriptor's
    /// /Ascent when it is sane (non-zero, under 3 em); else 0.95. Type3: /FontBBox through
    /// /FontMatrix.
    pub fn ascent(&self) -> f64 {
        self.ascent
    }

    /// Descent below the baseline as a negative number, same units (e.g. -0.212); else -0.35.
    pub fn descent(&self) -> f64 {
        self.descent
    }

    /// Whether the font writes vertically (Identity-V and other -V CMaps).
    pub fn is_vertical(&self) -> bool {
        self.vertical
    }

    /// Glyph space to text space: `[0.001 0 0 0.001 0 0]`, or a Type3 font's /FontMatrix.
    pub fn font_matrix(&self) -> Matrix {
        self.matrix
    }
}

#[cfg(test)]
mod tests;
