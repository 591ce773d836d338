//! Robustness: no input panics. The MSCB fixture PDFs are mutated and every variant goes
//! through open + interpret + layout inside `catch_unwind`; zero panics are allowed.
//!
//! Mutation families (6,000 variants by default):
//! - bytes (55%), on each fixture as it is and decompressed: byte and bit flips, truncations,
//!   duplicated and deleted slices, hostile tokens (including deep nesting), and targeted edits
//!   of `/Length` values, `stream` bodies, the `xref` table, `obj` headers, `startxref` and the
//!   trailer;
//! - object graph (15%): a value somewhere in the graph replaced by a hostile object or by a
//!   reference to another object, or removed;
//! - clear-text streams (15%): numbers, operators and token runs of decompressed content
//!   streams and CMaps replaced, duplicated or cut, interpreter-corner snippets inserted;
//! - surgery (15%): hostile Type0/Type1/Type3/standard-14 fonts, CMaps, recursive and
//!   exponential form XObjects, ExtGState fonts, colour spaces, inline images and page-tree
//!   damage grafted onto the fixtures (structures they do not otherwise exercise).
//!
//! Everything is deterministic: variant `i` is built from its own PRNG seeded with `SEED` and
//! `i`, so a failure names the seed and the index, and the failing bytes are saved to the
//! temporary directory. `BOARDPAPER_MUTATION_SEED` and `BOARDPAPER_MUTATION_VARIANTS` override
//! the defaults for local exploration; `BOARDPAPER_MUTATION_ONLY=i` replays variant `i`.
//!
//! The variants run in a child process (this test binary again), so that an abort that
//! `catch_unwind` cannot catch (an allocation failure, a stack overflow) is reported as a
//! failure naming the variant instead of killing every test in the binary.
//!
//! Time is bounded by work, not by a clock: variants run in parallel (rayon), and most of
//! them interpret the page they changed (when known) and one random page, while every 16th one
//! interprets all pages (at most 25).

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;
use std::time::{Duration, Instant};

use boardpaper::layout::{self, Settings};
use boardpaper::pdf::{Document, Limit, Limits, OpenOptions, WarningKind};
use lopdf::{Dictionary, Object, ObjectId, Stream, StringFormat};
use rayon::prelude::*;

use crate::common::{fixture, BOARD_PAPER, PLAN_V3};

/// Default seed of the whole run (printed; override with `BOARDPAPER_MUTATION_SEED`).
const SEED: u64 = 0xB0A2_D9A9_E202_5EED;
/// Default number of variants (override with `BOARDPAPER_MUTATION_VARIANTS`).
const VARIANTS: usize = 6_000;
/// Pages interpreted per document at most.
const MAX_PAGES: u32 = 25;
/// Every `ALL_PAGES_EVERY`th variant interprets all pages (at most [`MAX_PAGES`]) ...
const ALL_PAGES_EVERY: usize = 16;
/// ... the others the page the mutation is known to touch (if any) and this many random pages.
const FEW_PAGES: usize = 1;
/// How many failures to describe.
const SHOW_FAILURES: usize = 10;

// ---------------------------------------------------------------------------------------------
// A deterministic PRNG (SplitMix64); no `rand` dependency.

#[derive(Clone)]
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Rng(seed)
    }
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n` (`n > 0`).
    fn below(&mut self, n: usize) -> usize {
        assert!(n > 0, "Rng::below(0)");
        (self.next_u64() % n as u64) as usize
    }
    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }
    fn chance(&mut self, one_in: usize) -> bool {
        self.below(one_in) == 0
    }
    fn byte(&mut self) -> u8 {
        self.next_u64() as u8
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    fn pick_str(&mut self, items: &[&'static str]) -> &'static str {
        items[self.below(items.len())]
    }
}

/// The PRNG of variant `index` in the run seeded `seed`.
fn variant_rng(seed: u64, index: usize) -> Rng {
    let mut r = Rng::new(seed ^ (index as u64).wrapping_mul(0xD134_2543_DE82_EF95));
    r.next_u64();
    r
}

// ---------------------------------------------------------------------------------------------
// The bases: each fixture as it is, and decompressed (content streams and CMaps in clear text,
// so byte-level mutations hit operators and numbers).

struct Base {
    name: String,
    bytes: Vec<u8>,
    /// Byte offsets of interesting tokens.
    lengths: Vec<usize>,
    streams: Vec<(usize, usize)>,
    xref: Option<(usize, usize)>,
    objs: Vec<usize>,
    startxref: Vec<usize>,
    trailer: Vec<usize>,
}

struct Source {
    name: &'static str,
    /// The document as lopdf loads it (for object-graph mutations).
    doc: lopdf::Document,
    /// The same, decompressed (for content-stream and CMap mutations).
    plain: lopdf::Document,
    /// Ids of page content streams and other streams in `plain`.
    content_ids: Vec<ObjectId>,
    /// The page number of each page dictionary and page content stream.
    page_of: HashMap<ObjectId, u32>,
    /// Page numbers and ids.
    pages: Vec<(u32, ObjectId)>,
    /// Font resources of the first page: name and id.
    fonts: Vec<(Vec<u8>, ObjectId)>,
    stream_ids: Vec<ObjectId>,
    object_ids: Vec<ObjectId>,
}

struct Corpus {
    bases: Vec<Base>,
    sources: Vec<Source>,
}

fn find_all(hay: &[u8], needle: &[u8]) -> Vec<usize> {
    if hay.len() < needle.len() {
        return Vec::new();
    }
    (0..=hay.len() - needle.len())
        .filter(|&i| &hay[i..i + needle.len()] == needle)
        .collect()
}

fn base(name: String, bytes: Vec<u8>) -> Base {
    let lengths = find_all(&bytes, b"/Length")
        .into_iter()
        .map(|i| i + b"/Length".len())
        .collect();
    let mut streams = Vec::new();
    for s in find_all(&bytes, b"stream") {
        // Skip "endstream".
        if s >= 3 && &bytes[s - 3..s] == b"end" {
            continue;
        }
        let mut start = s + b"stream".len();
        if bytes.get(start) == Some(&b'\r') {
            start += 1;
        }
        if bytes.get(start) == Some(&b'\n') {
            start += 1;
        }
        let end = find_all(&bytes[start..], b"endstream")
            .first()
            .map(|e| start + e)
            .unwrap_or(bytes.len());
        streams.push((start, end));
    }
    let startxref: Vec<usize> = find_all(&bytes, b"startxref");
    let xref = find_all(&bytes, b"xref")
        .into_iter()
        .find(|&i| !startxref.iter().any(|&s| s + 5 == i))
        .map(|i| {
            let end = find_all(&bytes[i..], b"trailer")
                .first()
                .map(|t| i + t)
                .unwrap_or(bytes.len());
            (i, end)
        });
    let objs = find_all(&bytes, b" obj");
    let trailer = find_all(&bytes, b"trailer");
    Base {
        name,
        bytes,
        lengths,
        streams,
        xref,
        objs,
        startxref,
        trailer,
    }
}

fn load_corpus() -> Corpus {
    let mut bases = Vec::new();
    let mut sources = Vec::new();
    for (name, rel) in [("board", BOARD_PAPER), ("plan", PLAN_V3)] {
        let bytes = std::fs::read(fixture(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
        let doc = lopdf::Document::load_mem(&bytes).unwrap_or_else(|e| panic!("{rel}: lopdf: {e}"));
        let mut plain = doc.clone();
        plain.decompress();
        let mut plain_bytes = Vec::new();
        plain
            .clone()
            .save_to(&mut plain_bytes)
            .expect("save decompressed");
        // Sanity: the decompressed copy is still a good document for us.
        let check = Document::from_bytes(&plain_bytes, "plain", &OpenOptions::default())
            .expect("decompressed copy opens");
        assert_eq!(
            check.page_count(),
            Document::from_bytes(&bytes, rel, &OpenOptions::default())
                .unwrap()
                .page_count()
        );
        let mut content_ids = Vec::new();
        let mut page_of = HashMap::new();
        let pages: Vec<(u32, ObjectId)> = plain.get_pages().into_iter().collect();
        let fonts: Vec<(Vec<u8>, ObjectId)> = plain
            .get_dictionary(pages[0].1)
            .and_then(|p| p.get(b"Resources"))
            .and_then(|r| plain.dereference(r))
            .and_then(|(_, r)| r.as_dict())
            .and_then(|r| r.get(b"Font"))
            .and_then(|f| plain.dereference(f))
            .and_then(|(_, f)| f.as_dict())
            .map(|f| {
                f.iter()
                    .filter_map(|(k, v)| v.as_reference().ok().map(|id| (k.clone(), id)))
                    .collect()
            })
            .unwrap_or_default();
        assert!(!fonts.is_empty(), "{rel}: no font resources on page 1");
        for (n, page_id) in plain.get_pages() {
            page_of.insert(page_id, n);
            for c in plain.get_page_contents(page_id) {
                page_of.insert(c, n);
                content_ids.push(c);
            }
        }
        let stream_ids: Vec<ObjectId> = plain
            .objects
            .iter()
            .filter(|(_, o)| matches!(o, Object::Stream(_)))
            .map(|(id, _)| *id)
            .collect();
        let object_ids: Vec<ObjectId> = doc.objects.keys().copied().collect();
        assert!(
            !content_ids.is_empty() && !stream_ids.is_empty(),
            "{rel}: no streams found"
        );
        bases.push(base(format!("{name}/orig"), bytes));
        bases.push(base(format!("{name}/plain"), plain_bytes));
        sources.push(Source {
            name,
            doc,
            plain,
            content_ids,
            page_of,
            pages,
            fonts,
            stream_ids,
            object_ids,
        });
    }
    for b in &bases {
        assert!(
            !b.lengths.is_empty()
                && !b.streams.is_empty()
                && b.xref.is_some()
                && !b.objs.is_empty(),
            "{}: tokens not found",
            b.name
        );
    }
    Corpus { bases, sources }
}

// ---------------------------------------------------------------------------------------------
// Mutations.

/// Numbers that tend to break arithmetic, indexing and allocation.
const HOSTILE_NUMBERS: &[&str] = &[
    "0",
    "-0",
    "1",
    "-1",
    "0.0",
    "-0.0",
    ".",
    "-",
    "+",
    "--1",
    "1.2.3",
    "0.000000001",
    "255",
    "256",
    "65535",
    "65536",
    "2147483647",
    "2147483648",
    "-2147483649",
    "4294967296",
    "9223372036854775807",
    "-9223372036854775808",
    "99999999999999999999999",
    "1e308",
    "3.4e38",
    "-3.4e39",
    "NaN",
    "inf",
    "1000000000",
    "12345678.9",
];

/// Tokens that tend to confuse a PDF parser.
const HOSTILE_TOKENS: &[&str] = &[
    "<<",
    ">>",
    "[",
    "]",
    "(",
    ")",
    "<",
    ">",
    "{",
    "}",
    "%",
    "\\",
    "R",
    " 0 R",
    " 99999 0 R",
    "obj",
    "endobj",
    "stream\n",
    "endstream",
    "xref",
    "trailer",
    "startxref",
    "%%EOF",
    "/Length 0",
    "/Length -5",
    "/Filter /FlateDecode",
    "/Filter /LZWDecode",
    "/Filter [/FlateDecode /FlateDecode]",
    "/DecodeParms << /Predictor 15 /Columns 99999 >>",
    "\0",
    "\u{ff}\u{fe}",
    "null",
    "true",
    "/",
    "//",
    "#",
    "/#00",
    "/A#zz",
    "<FFFE0041>",
    "<0>",
    "(\\377\\376\\000A)",
];

/// Content-stream fragments that exercise the interpreter's corners.
const CONTENT_SNIPPETS: &[&str] = &[
    "0 0 0 0 0 0 cm",
    "1e30 0 0 1e30 0 0 cm",
    "-1 0 0 -1 0 0 cm",
    "0 1 -1 0 0 0 cm",
    "NaN 0 0 1 0 0 cm",
    "/F1 1e30 Tf",
    "/F1 0 Tf",
    "/F1 -12 Tf",
    "/Nope 12 Tf",
    "/F1 Tf",
    "12 Tf",
    "BT",
    "ET",
    "BT BT BT",
    "ET ET",
    "q q q q q q q q q q q q q q q q",
    "Q Q Q Q Q Q Q Q",
    "(abc) Tj",
    "[(a) -1e30 (b) 1e30 (c)] TJ",
    "[(a) NaN (b)] TJ",
    "[] TJ",
    "[[(a)]] TJ",
    "<FFFE> Tj",
    "<> Tj",
    "() Tj",
    "(x) '",
    "1 2 (x) \"",
    "T*",
    "0 Tz",
    "-100 Tz",
    "1e38 Tz",
    "1e38 TL T*",
    "1e30 Tc",
    "-1e30 Tw",
    "7 Tr",
    "99 Tr",
    "1e30 Ts",
    "1 0 0 1 1e300 1e300 Tm",
    "0 0 0 0 0 0 Tm",
    "1e30 1e30 Td",
    "1e30 1e30 TD",
    "/Im0 Do",
    "/Fm0 Do",
    "/Nope Do",
    "Do",
    "sh",
    "/Sh0 sh",
    "BI /W 1 /H 1 /BPC 8 /CS /G ID \0 EI",
    "BI ID EI",
    "BI /W 99999 /H 99999 ID",
    "0 0 m 1e308 1e308 l S",
    "0 0 1e30 1e30 re f",
    "0 0 NaN 5 re f",
    "re re re",
    "m l c v y h",
    "0 0 m 1 1 2 2 3 3 c h W n",
    "1 0 0 RG",
    "1 0 0 0 k",
    "/CS0 cs 1 sc",
    "/Pattern cs /P0 scn",
    "/DeviceN CS 1 SC",
    "1 2 3 4 5 6 7 8 9 sc",
    "-5 g",
    "2 g",
    "NaN G",
    "/GS0 gs",
    "/Nope gs",
    "[1e30 0] 0 d",
    "1e30 w",
    "-1 w",
    "0 J 0 j",
    "/OC /X BDC",
    "EMC EMC",
    "BX zzz EX",
    "%comment",
    "<<",
    ">>",
    "[",
    "]",
    "(",
    ")",
    "{",
    "}",
    "/",
    "<0G>",
    "(\\",
    "\\",
];

fn rnd_number(rng: &mut Rng) -> String {
    if rng.chance(2) {
        rng.pick(HOSTILE_NUMBERS).to_string()
    } else {
        (rng.next_u64() % 100_000).to_string()
    }
}

/// Replace `bytes[a..b]` with `with`.
fn splice(bytes: &mut Vec<u8>, a: usize, b: usize, with: &[u8]) {
    let b = b.min(bytes.len());
    let a = a.min(b);
    bytes.splice(a..b, with.iter().copied());
}

/// The run of digits (with sign and point) starting at or after `at` (skipping spaces).
fn number_at(bytes: &[u8], at: usize) -> (usize, usize) {
    let mut a = at.min(bytes.len());
    while a < bytes.len() && bytes[a].is_ascii_whitespace() {
        a += 1;
    }
    let mut b = a;
    while b < bytes.len()
        && (bytes[b].is_ascii_digit() || bytes[b] == b'-' || bytes[b] == b'.' || bytes[b] == b'+')
    {
        b += 1;
    }
    (a, b)
}

/// The run of digits ending just before `at` (skipping spaces back).
fn number_before(bytes: &[u8], at: usize) -> (usize, usize) {
    let mut b = at.min(bytes.len());
    while b > 0 && bytes[b - 1].is_ascii_whitespace() {
        b -= 1;
    }
    let mut a = b;
    while a > 0 && bytes[a - 1].is_ascii_digit() {
        a -= 1;
    }
    (a, b)
}

fn printable(bytes: &[u8]) -> String {
    let s: String = bytes
        .iter()
        .take(40)
        .map(|&c| {
            if (32..127).contains(&c) {
                c as char
            } else {
                '.'
            }
        })
        .collect();
    if bytes.len() > 40 {
        format!("{s}...")
    } else {
        s
    }
}

/// A byte-level mutation of one base; returns its description.
/// `targeted` allows the kinds that use the base's token offsets (only valid on unchanged bytes).
fn mutate_bytes(rng: &mut Rng, base: &Base, bytes: &mut Vec<u8>, targeted: bool) -> String {
    let len = bytes.len();
    match rng.below(if targeted { 12 } else { 7 }) {
        0 | 1 => {
            let n = rng.range(1, 20);
            let mut at = Vec::new();
            for _ in 0..n {
                let i = rng.below(len);
                let v = rng.byte();
                bytes[i] = v;
                at.push(format!("{i}={v:#04x}"));
            }
            format!("byte flips [{}]", at.join(" "))
        }
        2 => {
            let n = rng.range(1, 8);
            let mut at = Vec::new();
            for _ in 0..n {
                let i = rng.below(len);
                let bit = rng.below(8);
                bytes[i] ^= 1 << bit;
                at.push(format!("{i}.{bit}"));
            }
            format!("bit flips [{}]", at.join(" "))
        }
        3 => {
            // Truncation, biased to the tail (where the xref and trailer live) half the time.
            let at = if rng.chance(2) {
                len - rng.below(len.min(2048)) - 1
            } else {
                rng.below(len)
            };
            bytes.truncate(at);
            format!("truncate at {at}")
        }
        4 => {
            let a = rng.below(len);
            let n = rng.range(1, 4096.min(len - a));
            let to = rng.below(len);
            let slice = bytes[a..a + n].to_vec();
            splice(bytes, to, to, &slice);
            format!("duplicate {a}..{} inserted at {to}", a + n)
        }
        5 => {
            let a = rng.below(len);
            let n = rng.range(1, 4096.min(len - a));
            bytes.drain(a..a + n);
            format!("delete {a}..{}", a + n)
        }
        6 => {
            let at = rng.below(len);
            let tok = if rng.chance(8) {
                // Deep nesting.
                let open = *rng.pick(&["[", "<<", "(", "<< /A [", "[<<"]);
                open.repeat(rng.range(50, 3000))
            } else {
                rng.pick(HOSTILE_TOKENS).to_string()
            };
            splice(bytes, at, at, tok.as_bytes());
            format!("insert {:?} at {at}", printable(tok.as_bytes()))
        }
        7 => {
            let at = *rng.pick(&base.lengths);
            let (a, b) = number_at(bytes, at);
            let with = match rng.below(4) {
                0 => " 1 0 R".to_string(),
                1 => format!(" {} 0 R", rng.range(1, 400)),
                _ => rnd_number(rng),
            };
            let was = printable(&bytes[a..b]);
            splice(bytes, a, b, with.as_bytes());
            format!("/Length at {a}: {was:?} -> {with:?}")
        }
        8 => {
            let (s, e) = *rng.pick(&base.streams);
            let body = e.saturating_sub(s).max(1);
            match rng.below(4) {
                0 => {
                    // The zlib header, or the first bytes of a clear-text stream.
                    let i = (s + rng.below(2.min(body))).min(len - 1);
                    let v = rng.byte();
                    bytes[i] = v;
                    format!("stream at {s}: header byte {i}={v:#04x}")
                }
                1 => {
                    let n = rng.range(1, 8);
                    let mut at = Vec::new();
                    for _ in 0..n {
                        let i = (s + rng.below(body)).min(len - 1);
                        let v = rng.byte();
                        bytes[i] = v;
                        at.push(format!("{i}={v:#04x}"));
                    }
                    format!("stream at {s}: byte flips [{}]", at.join(" "))
                }
                2 => {
                    // End the stream early (keyword inside the body).
                    let i = (s + rng.below(body)).min(len);
                    splice(bytes, i, i, b"\nendstream\nendobj\n");
                    format!("stream at {s}: endstream inserted at {i}")
                }
                _ => {
                    // Zero or 0xFF a run.
                    let i = (s + rng.below(body)).min(len);
                    let n = rng.range(1, 256).min(len - i);
                    let v = if rng.chance(2) { 0 } else { 0xFF };
                    bytes[i..i + n].fill(v);
                    format!("stream at {s}: {n} bytes from {i} set to {v:#04x}")
                }
            }
        }
        9 => {
            let (a, b) = base.xref.unwrap_or((0, len));
            let b = b.min(len);
            let i = a + rng.below((b - a).max(1));
            match rng.below(4) {
                0 => {
                    let v = b"0123456789"[rng.below(10)];
                    if bytes[i].is_ascii_digit() {
                        bytes[i] = v;
                    } else {
                        splice(bytes, i, i, &[v]);
                    }
                    format!("xref: digit {} at {i}", v as char)
                }
                1 => {
                    let v = *rng.pick(b"nf \nx-");
                    bytes[i] = v;
                    format!("xref: byte {i}={:?}", v as char)
                }
                2 => {
                    // The subsection header "0 N".
                    let (na, nb) = number_at(bytes, a + 4);
                    let (ca, cb) = number_at(bytes, nb);
                    let with = rnd_number(rng);
                    splice(bytes, ca, cb, with.as_bytes());
                    format!("xref: subsection start at {na}, count at {ca} -> {with:?}")
                }
                _ => {
                    let n = rng.range(1, 200).min(b - i);
                    bytes.drain(i..i + n);
                    format!("xref: delete {i}..{}", i + n)
                }
            }
        }
        10 => {
            let at = *rng.pick(&base.objs);
            match rng.below(3) {
                0 => {
                    let (a, b) = number_before(bytes, at);
                    let with = rnd_number(rng);
                    splice(bytes, a, b, with.as_bytes());
                    format!("obj header at {at}: generation -> {with:?}")
                }
                1 => {
                    let (ga, _) = number_before(bytes, at);
                    let (a, b) = number_before(bytes, ga);
                    let with = if rng.chance(2) {
                        rng.range(1, 400).to_string()
                    } else {
                        rnd_number(rng)
                    };
                    splice(bytes, a, b, with.as_bytes());
                    format!("obj header at {at}: number -> {with:?}")
                }
                _ => {
                    let with = *rng.pick(&[
                        " obx", " ob", "", " obj obj", " endobj", " obj <<", " obj [",
                    ]);
                    splice(bytes, at, at + 4, with.as_bytes());
                    format!("obj keyword at {at} -> {with:?}")
                }
            }
        }
        _ => {
            // startxref offset or trailer entries.
            if rng.chance(2) && !base.startxref.is_empty() {
                let at = *rng.pick(&base.startxref) + b"startxref".len();
                let (a, b) = number_at(bytes, at);
                let with = if rng.chance(2) {
                    rng.below(len + 10).to_string()
                } else {
                    rnd_number(rng)
                };
                splice(bytes, a, b, with.as_bytes());
                format!("startxref -> {with:?}")
            } else if !base.trailer.is_empty() {
                let t = *rng.pick(&base.trailer);
                let keys: [&[u8]; 4] = [b"/Root", b"/Size", b"/Info", b"/ID"];
                let key = *rng.pick(&keys);
                match find_all(&bytes[t..], key).first() {
                    Some(&k) => {
                        let at = t + k + key.len();
                        let (a, b) = number_at(bytes, at);
                        let with = match rng.below(3) {
                            0 => format!(" {} 0 R", rng.range(1, 400)),
                            1 => " null".to_string(),
                            _ => rnd_number(rng),
                        };
                        splice(bytes, a, b, with.as_bytes());
                        format!(
                            "trailer {} at {a} -> {with:?}",
                            String::from_utf8_lossy(key)
                        )
                    }
                    None => "trailer key not found (unchanged)".to_string(),
                }
            } else {
                "no trailer (unchanged)".to_string()
            }
        }
    }
}

/// A hostile object for the object graph, possibly referring to existing objects.
fn hostile_object(rng: &mut Rng, ids: &[ObjectId], own: ObjectId, depth: usize) -> Object {
    match rng.below(if depth > 2 { 9 } else { 12 }) {
        0 => Object::Null,
        1 => Object::Boolean(rng.chance(2)),
        2 => Object::Integer(*rng.pick(&[
            0,
            -1,
            1,
            255,
            65535,
            65536,
            i64::from(i32::MAX),
            i64::MAX,
            i64::MIN,
            1 << 40,
        ])),
        3 => Object::Real(*rng.pick(&[0.0, -0.0, 1e-30, 12.5, -7.25, f32::MAX, f32::MIN, 1e30])),
        4 => Object::Name(
            rng.pick(&[
                &b""[..],
                b"Nope",
                b"Identity-H",
                b"WinAnsiEncoding",
                b"FlateDecode",
                b"Type0",
                b"Page",
                b"Pages",
                b"DeviceRGB",
                b"Pattern",
            ])
            .to_vec(),
        ),
        5 => {
            let n = rng.below(16);
            let s: Vec<u8> = (0..n).map(|_| rng.byte()).collect();
            Object::String(
                s,
                if rng.chance(2) {
                    StringFormat::Literal
                } else {
                    StringFormat::Hexadecimal
                },
            )
        }
        6 => Object::Reference(own),
        7 => Object::Reference(*rng.pick(ids)),
        8 => Object::Reference((rng.range(1, 1_000_000) as u32, rng.below(3) as u16)),
        9 => {
            let n = if rng.chance(6) {
                rng.range(100, 20_000)
            } else {
                rng.below(6)
            };
            let item = hostile_object(rng, ids, own, depth + 1);
            Object::Array(vec![item; n])
        }
        10 => {
            let mut d = Dictionary::new();
            for _ in 0..rng.below(4) {
                let key = rng
                    .pick(&[
                        &b"Type"[..],
                        b"Subtype",
                        b"Length",
                        b"Filter",
                        b"Kids",
                        b"Count",
                        b"Parent",
                        b"Font",
                        b"Resources",
                        b"Contents",
                        b"BaseFont",
                        b"Widths",
                        b"FirstChar",
                    ])
                    .to_vec();
                d.set(key, hostile_object(rng, ids, own, depth + 1));
            }
            Object::Dictionary(d)
        }
        _ => {
            let n = rng.below(64);
            let content: Vec<u8> = (0..n).map(|_| rng.byte()).collect();
            let mut dict = Dictionary::new();
            if rng.chance(2) {
                dict.set("Filter", Object::Name(b"FlateDecode".to_vec()));
            }
            Object::Stream(Stream::new(dict, content))
        }
    }
}

/// A short description of an object (its debug form, cut).
fn short(o: &Object) -> String {
    let s = format!("{o:?}");
    if s.len() > 80 {
        let cut = (0..=80).rev().find(|&i| s.is_char_boundary(i)).unwrap_or(0);
        format!("{}...", &s[..cut])
    } else {
        s
    }
}

/// Change one value somewhere in the object graph of `doc`: walk down from a random object
/// through dictionaries and arrays (up to `steps` levels) and replace or remove what is there.
fn mutate_graph(
    rng: &mut Rng,
    src: &Source,
    doc: &mut lopdf::Document,
    focus: &mut Vec<u32>,
) -> String {
    let id = *rng.pick(&src.object_ids);
    focus.extend(src.page_of.get(&id));
    let ids = &src.object_ids;
    // Sometimes move a real object from elsewhere instead (a font where a page is expected ...).
    let hostile = if rng.chance(3) {
        Object::Reference(*rng.pick(ids))
    } else {
        hostile_object(rng, ids, id, 0)
    };
    let remove = rng.chance(6);
    let steps = rng.below(3);
    let choices: Vec<u64> = (0..=steps).map(|_| rng.next_u64()).collect();
    let Some(obj) = doc.objects.get_mut(&id) else {
        return format!("object {id:?} missing (unchanged)");
    };
    edit(
        obj,
        &choices,
        remove,
        hostile,
        format!("{} {} obj", id.0, id.1),
    )
}

fn edit(obj: &mut Object, choices: &[u64], remove: bool, hostile: Object, path: String) -> String {
    let Some((&choice, rest)) = choices.split_first() else {
        let desc = format!("{path}: {} -> {}", short(obj), short(&hostile));
        *obj = hostile;
        return desc;
    };
    match obj {
        Object::Dictionary(d) | Object::Stream(Stream { dict: d, .. }) if !d.is_empty() => {
            let key = d
                .iter()
                .nth((choice % d.len() as u64) as usize)
                .map(|(k, _)| k.clone())
                .expect("non-empty");
            let path = format!("{path} /{}", String::from_utf8_lossy(&key));
            if rest.is_empty() {
                let was = short(d.get(&key).unwrap_or(&Object::Null));
                if remove {
                    d.remove(&key);
                    return format!("{path}: {was} removed");
                }
                let desc = format!("{path}: {was} -> {}", short(&hostile));
                d.set(key, hostile);
                return desc;
            }
            edit(
                d.get_mut(&key).expect("key exists"),
                rest,
                remove,
                hostile,
                path,
            )
        }
        Object::Array(a) if !a.is_empty() => {
            let i = (choice % a.len() as u64) as usize;
            let path = format!("{path} [{i}]");
            if rest.is_empty() && remove {
                let was = short(&a[i]);
                a.remove(i);
                return format!("{path}: {was} removed");
            }
            edit(&mut a[i], rest, remove, hostile, path)
        }
        _ => edit(obj, &[], remove, hostile, path),
    }
}

/// Token spans of a clear-text content stream or CMap.
fn tokens(content: &[u8]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < content.len() {
        while i < content.len() && content[i].is_ascii_whitespace() {
            i += 1;
        }
        let a = i;
        while i < content.len() && !content[i].is_ascii_whitespace() {
            i += 1;
        }
        if a < i {
            out.push((a, i));
        }
    }
    out
}

fn is_number(t: &[u8]) -> bool {
    !t.is_empty()
        && t.iter()
            .all(|c| c.is_ascii_digit() || *c == b'.' || *c == b'-' || *c == b'+')
}

fn is_operator(t: &[u8]) -> bool {
    !t.is_empty()
        && t.iter()
            .all(|c| c.is_ascii_alphabetic() || *c == b'*' || *c == b'\'' || *c == b'"')
}

/// Mutate the clear text of one stream (a page's content most of the time, else any stream:
/// CMaps, font programs, forms) in the decompressed document.
fn mutate_stream(
    rng: &mut Rng,
    src: &Source,
    doc: &mut lopdf::Document,
    focus: &mut Vec<u32>,
) -> String {
    let id = if rng.chance(4) {
        *rng.pick(&src.stream_ids)
    } else {
        *rng.pick(&src.content_ids)
    };
    focus.extend(src.page_of.get(&id));
    let Some(Object::Stream(stream)) = doc.objects.get_mut(&id) else {
        return format!("stream {id:?} missing (unchanged)");
    };
    let mut content = stream.content.clone();
    let toks = tokens(&content);
    let label = format!("stream {} {} R", id.0, id.1);
    let desc = if toks.is_empty() {
        content.extend_from_slice(rng.pick(CONTENT_SNIPPETS).as_bytes());
        format!("{label}: empty, snippet appended")
    } else {
        match rng.below(7) {
            0 | 1 => {
                // Replace several numbers by hostile ones (from the end, so spans stay valid).
                let nums: Vec<(usize, usize)> = toks
                    .iter()
                    .copied()
                    .filter(|&(a, b)| is_number(&content[a..b]))
                    .collect();
                if nums.is_empty() {
                    return format!("{label}: no numbers (unchanged)");
                }
                let mut picks: Vec<(usize, usize)> =
                    (0..rng.range(1, 6)).map(|_| *rng.pick(&nums)).collect();
                picks.sort();
                picks.dedup();
                let mut changes = Vec::new();
                for &(a, b) in picks.iter().rev() {
                    let with = rnd_number(rng);
                    changes.push(format!(
                        "{a}:{}->{with}",
                        String::from_utf8_lossy(&content[a..b])
                    ));
                    splice(&mut content, a, b, with.as_bytes());
                }
                format!("{label}: numbers [{}]", changes.join(" "))
            }
            2 | 3 => {
                let n = rng.range(1, 3);
                let mut at = Vec::new();
                for _ in 0..n {
                    let (_, b) = *rng.pick(&toks);
                    at.push(b);
                }
                at.sort();
                let mut changes = Vec::new();
                for &b in at.iter().rev() {
                    let s = rng.pick(CONTENT_SNIPPETS);
                    changes.push(format!("{b}:{s:?}"));
                    splice(&mut content, b, b, format!(" {s} ").as_bytes());
                }
                format!("{label}: snippets [{}]", changes.join(" "))
            }
            4 => {
                let ops: Vec<(usize, usize)> = toks
                    .iter()
                    .copied()
                    .filter(|&(a, b)| is_operator(&content[a..b]))
                    .collect();
                if ops.is_empty() {
                    return format!("{label}: no operators (unchanged)");
                }
                let (a, b) = *rng.pick(&ops);
                let with = *rng.pick(&[
                    "Tj",
                    "TJ",
                    "Tf",
                    "Td",
                    "TD",
                    "Tm",
                    "T*",
                    "cm",
                    "Do",
                    "q",
                    "Q",
                    "BT",
                    "ET",
                    "re",
                    "m",
                    "l",
                    "c",
                    "f",
                    "S",
                    "W",
                    "n",
                    "gs",
                    "sc",
                    "scn",
                    "cs",
                    "CS",
                    "BI",
                    "ID",
                    "EI",
                    "BDC",
                    "EMC",
                    "sh",
                    "d0",
                    "d1",
                    "",
                    "beginbfrange",
                    "endbfrange",
                    "beginbfchar",
                    "endbfchar",
                    "begincodespacerange",
                    "usecmap",
                ]);
                let was = String::from_utf8_lossy(&content[a..b]).into_owned();
                splice(&mut content, a, b, with.as_bytes());
                format!("{label}: operator {a}:{was:?} -> {with:?}")
            }
            5 => {
                let i = rng.below(toks.len());
                let j = (i + rng.range(1, 40)).min(toks.len() - 1);
                let (a, b) = (toks[i].0, toks[j].1);
                if rng.chance(2) {
                    content.drain(a..b);
                    format!("{label}: tokens {i}..={j} deleted ({a}..{b})")
                } else {
                    let copy = content[a..b].to_vec();
                    let times = if rng.chance(4) { rng.range(2, 200) } else { 1 };
                    let to = toks[rng.below(toks.len())].1;
                    let mut ins = Vec::new();
                    for _ in 0..times {
                        ins.push(b' ');
                        ins.extend_from_slice(&copy);
                    }
                    ins.push(b' ');
                    splice(&mut content, to, to, &ins);
                    format!("{label}: tokens {i}..={j} ({a}..{b}) copied {times}x to {to}")
                }
            }
            _ => {
                if rng.chance(2) {
                    let at = rng.below(content.len());
                    content.truncate(at);
                    format!("{label}: truncated at {at}")
                } else {
                    let n = rng.range(1, 10);
                    let mut at = Vec::new();
                    for _ in 0..n {
                        let i = rng.below(content.len());
                        let v = rng.byte();
                        content[i] = v;
                        at.push(format!("{i}={v:#04x}"));
                    }
                    format!("{label}: byte flips [{}]", at.join(" "))
                }
            }
        }
    };
    stream.set_content(content);
    desc
}

/// A mutated document.
struct Variant {
    desc: String,
    bytes: Vec<u8>,
    /// Pages the mutation is known to touch (a page dictionary or content stream changed).
    focus: Vec<u32>,
}

/// Build variant `index`.
fn make_variant(corpus: &Corpus, seed: u64, index: usize) -> Variant {
    let mut rng = variant_rng(seed, index);
    // 55% byte level on one of the four bases, 15% object graph, 15% stream clear text, 15%
    // surgery.
    match rng.below(20) {
        0..=10 => {
            let base = &corpus.bases[rng.below(corpus.bases.len())];
            let mut bytes = base.bytes.clone();
            let mut descs = vec![mutate_bytes(&mut rng, base, &mut bytes, true)];
            // Sometimes stack a second mutation.
            if rng.chance(5) && !bytes.is_empty() {
                descs.push(mutate_bytes(&mut rng, base, &mut bytes, false));
            }
            Variant {
                desc: format!("{}: {}", base.name, descs.join("; then ")),
                bytes,
                focus: Vec::new(),
            }
        }
        k => {
            let src = &corpus.sources[rng.below(corpus.sources.len())];
            let graph = k <= 13;
            let surgery_kind = k >= 17;
            let mut doc = if graph {
                src.doc.clone()
            } else {
                src.plain.clone()
            };
            let mut descs = Vec::new();
            let mut focus = Vec::new();
            for _ in 0..if rng.chance(4) { rng.range(2, 4) } else { 1 } {
                descs.push(if graph {
                    mutate_graph(&mut rng, src, &mut doc, &mut focus)
                } else if surgery_kind {
                    surgery(&mut rng, src, &mut doc, &mut focus)
                } else {
                    mutate_stream(&mut rng, src, &mut doc, &mut focus)
                });
            }
            let mut bytes = Vec::new();
            if let Err(e) = doc.save_to(&mut bytes) {
                descs.push(format!("lopdf could not save ({e}); original bytes used"));
                bytes = corpus.bases[0].bytes.clone();
            }
            let desc = format!(
                "{}/{}: {}",
                src.name,
                if graph {
                    "graph"
                } else if surgery_kind {
                    "surgery"
                } else {
                    "plain"
                },
                descs.join("; then ")
            );
            Variant { desc, bytes, focus }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Surgery: hostile versions of the structures the fixtures do not use (or use only in one
// way) grafted onto the decompressed document: Type0, Type1 and Type3 fonts, standard-14
// fonts, hostile CMaps, form XObjects (recursive, exponential), ExtGState fonts, colour
// spaces, inline images and page-tree damage.

/// A PDF object from its textual form (a test helper: numbers, names, strings, hex strings,
/// arrays, dictionaries, references, booleans and null).
fn obj(text: &str) -> Object {
    let mut i = 0;
    let o = parse_obj(text.as_bytes(), &mut i);
    assert!(
        text.as_bytes()[i..].iter().all(u8::is_ascii_whitespace),
        "trailing text in {text:?} at {i}"
    );
    o
}

fn is_delim(c: u8) -> bool {
    c.is_ascii_whitespace() || b"()<>[]{}/%".contains(&c)
}

fn skip_ws(s: &[u8], i: &mut usize) {
    while *i < s.len() && s[*i].is_ascii_whitespace() {
        *i += 1;
    }
}

fn parse_obj(s: &[u8], i: &mut usize) -> Object {
    skip_ws(s, i);
    assert!(
        *i < s.len(),
        "unexpected end of {:?}",
        String::from_utf8_lossy(s)
    );
    match s[*i] {
        b'<' if s.get(*i + 1) == Some(&b'<') => {
            *i += 2;
            let mut d = Dictionary::new();
            loop {
                skip_ws(s, i);
                if s[*i..].starts_with(b">>") {
                    *i += 2;
                    return Object::Dictionary(d);
                }
                let Object::Name(key) = parse_obj(s, i) else {
                    panic!(
                        "dictionary key is not a name in {:?}",
                        String::from_utf8_lossy(s)
                    )
                };
                let value = parse_obj(s, i);
                d.set(key, value);
            }
        }
        b'<' => {
            *i += 1;
            let mut digits = Vec::new();
            while s[*i] != b'>' {
                if s[*i].is_ascii_hexdigit() {
                    digits.push(s[*i]);
                }
                *i += 1;
            }
            *i += 1;
            if digits.len() % 2 == 1 {
                digits.push(b'0');
            }
            let bytes = digits
                .chunks(2)
                .map(|p| u8::from_str_radix(std::str::from_utf8(p).unwrap(), 16).unwrap())
                .collect();
            Object::String(bytes, StringFormat::Hexadecimal)
        }
        b'[' => {
            *i += 1;
            let mut a = Vec::new();
            loop {
                skip_ws(s, i);
                if s[*i] == b']' {
                    *i += 1;
                    return Object::Array(a);
                }
                a.push(parse_obj(s, i));
            }
        }
        b'(' => {
            *i += 1;
            let (mut depth, mut out) = (1, Vec::new());
            loop {
                let c = s[*i];
                *i += 1;
                match c {
                    b'\\' => {
                        out.push(s[*i]);
                        *i += 1;
                    }
                    b'(' => {
                        depth += 1;
                        out.push(c);
                    }
                    b')' => {
                        depth -= 1;
                        if depth == 0 {
                            return Object::String(out, StringFormat::Literal);
                        }
                        out.push(c);
                    }
                    _ => out.push(c),
                }
            }
        }
        b'/' => {
            *i += 1;
            let a = *i;
            while *i < s.len() && !is_delim(s[*i]) {
                *i += 1;
            }
            Object::Name(s[a..*i].to_vec())
        }
        _ => {
            let a = *i;
            while *i < s.len() && !is_delim(s[*i]) {
                *i += 1;
            }
            let tok = std::str::from_utf8(&s[a..*i]).unwrap();
            match tok {
                "true" => return Object::Boolean(true),
                "false" => return Object::Boolean(false),
                "null" => return Object::Null,
                _ => {}
            }
            if let Ok(n) = tok.parse::<i64>() {
                // "n g R"?
                let mut j = *i;
                skip_ws(s, &mut j);
                let b = j;
                while j < s.len() && s[j].is_ascii_digit() {
                    j += 1;
                }
                if j > b {
                    let g = std::str::from_utf8(&s[b..j])
                        .unwrap()
                        .parse::<u16>()
                        .unwrap_or(0);
                    let mut k = j;
                    skip_ws(s, &mut k);
                    if s.get(k) == Some(&b'R') && s.get(k + 1).is_none_or(|c| is_delim(*c)) {
                        *i = k + 1;
                        return Object::Reference((n as u32, g));
                    }
                }
                return Object::Integer(n);
            }
            match tok.parse::<f32>() {
                Ok(r) => Object::Real(r),
                Err(_) => panic!("bad token {tok:?} in {:?}", String::from_utf8_lossy(s)),
            }
        }
    }
}

/// A stream object from its dictionary text and content.
fn stream_obj(dict: &str, content: &[u8]) -> Object {
    let Object::Dictionary(d) = obj(dict) else {
        panic!("not a dictionary: {dict}")
    };
    Object::Stream(Stream::new(d, content.to_vec()))
}

/// Numbers for surgery templates (all valid `obj` tokens).
const NUMS: &[&str] = &[
    "0",
    "1",
    "-1",
    "2",
    "12",
    "100",
    "255",
    "256",
    "1000",
    "65535",
    "65536",
    "4294967295",
    "-4294967296",
    "9223372036854775807",
    "-9223372036854775808",
    "0.5",
    "-0.001",
    "1e30",
    "-3e38",
    "NaN",
    "inf",
];

fn num(rng: &mut Rng) -> &'static str {
    rng.pick_str(NUMS)
}

fn hex(rng: &mut Rng) -> String {
    match rng.below(4) {
        0 => rng
            .pick(&[
                "<>",
                "<0>",
                "<00>",
                "<FF>",
                "<0000>",
                "<FFFF>",
                "<FFFFFFFF>",
                "<D800>",
                "<DC00>",
                "<D83DDE00>",
                "<0041>",
                "<00000000>",
                "<0000000000>",
            ])
            .to_string(),
        n => {
            let bytes: String = (0..n).map(|_| format!("{:02X}", rng.byte())).collect();
            format!("<{bytes}>")
        }
    }
}

/// A CMap (ToUnicode or encoding) with hostile ranges, counts and code lengths.
fn hostile_cmap(rng: &mut Rng) -> String {
    let mut s = String::from("/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n");
    if rng.chance(4) {
        s += *rng.pick(&[
            "/Identity-H usecmap\n",
            "/Nope usecmap\n",
            "/UniGB-UCS2-H usecmap\n",
        ]);
    }
    let cs = *rng.pick(&[
        "<00> <FF>",
        "<0000> <FFFF>",
        "<00> <80> <8140> <FFFF>",
        "<000000> <FFFFFF>",
        "<00000000> <FFFFFFFF>",
        "<0000000000> <FFFFFFFFFF>",
        "<FF> <00>",
        "<> <>",
        "<0> <F>",
        "",
    ]);
    s += &format!("1 begincodespacerange {cs} endcodespacerange\n");
    for _ in 0..rng.range(1, 4) {
        let n = rng.range(0, 6);
        let count = if rng.chance(3) {
            num(rng).to_string()
        } else {
            n.to_string()
        };
        let (begin, end) = *rng.pick(&[
            ("beginbfrange", "endbfrange"),
            ("beginbfchar", "endbfchar"),
            ("begincidrange", "endcidrange"),
            ("begincidchar", "endcidchar"),
            ("beginnotdefrange", "endnotdefrange"),
        ]);
        s += &format!("{count} {begin}\n");
        for _ in 0..n {
            let entry = match begin {
                "beginbfrange" => match rng.below(4) {
                    0 => "<0000> <FFFF> <0000>".to_string(),
                    1 => format!("{} {} [{} {}]", hex(rng), hex(rng), hex(rng), hex(rng)),
                    _ => format!("{} {} {}", hex(rng), hex(rng), hex(rng)),
                },
                "beginbfchar" => {
                    if rng.chance(8) {
                        format!("{} <{}>", hex(rng), "0041".repeat(rng.range(100, 3000)))
                    } else {
                        format!("{} {}", hex(rng), hex(rng))
                    }
                }
                "begincidchar" => format!("{} {}", hex(rng), num(rng)),
                _ => {
                    if rng.chance(4) {
                        format!("<00000000> <FFFFFFFF> {}", num(rng))
                    } else {
                        format!("{} {} {}", hex(rng), hex(rng), num(rng))
                    }
                }
            };
            s += &entry;
            s.push('\n');
        }
        s += end;
        s.push('\n');
    }
    if !rng.chance(5) {
        s += "endcmap CMapName currentdict /CMap defineresource pop end end\n";
    }
    s
}

/// A /W array for a CIDFont (or /W2 when `vertical`).
fn hostile_w(rng: &mut Rng, vertical: bool) -> String {
    let mut s = String::from("[");
    for _ in 0..rng.range(0, 6) {
        let per = if vertical { 3 } else { 1 };
        match rng.below(3) {
            0 => {
                let ws: Vec<&str> = (0..rng.range(0, 5) * per).map(|_| num(rng)).collect();
                s += &format!(" {} [{}]", num(rng), ws.join(" "));
            }
            1 => {
                let ws: Vec<&str> = (0..per).map(|_| num(rng)).collect();
                s += &format!(" {} {} {}", num(rng), num(rng), ws.join(" "));
            }
            _ => s += &format!(" {}", num(rng)),
        }
    }
    s + " ]"
}

/// A Type 1 font program's clear-text part with a hostile /Encoding.
fn hostile_type1_program(rng: &mut Rng) -> Vec<u8> {
    let mut s = String::from("%!PS-AdobeFont-1.0: Hostile 001\n/FontName /Hostile def\n");
    s += *rng.pick(&[
        "/Encoding 256 array\n0 1 255 {1 index exch /.notdef put} for\n",
        "/Encoding StandardEncoding def\n",
        "/Encoding",
        "/Encoding 99999999999 array\n",
        "",
    ]);
    for _ in 0..rng.range(0, 12) {
        let code = *rng.pick(&["0", "65", "255", "256", "-1", "99999999999", "x", "3.5", ""]);
        let name = *rng.pick(&[
            "/A", "/bullet", "/uni2022", "/g123", "/", "/a.b_c", "/.notdef", "A", "",
        ]);
        s += &format!("dup {code} {name} put\n");
    }
    if rng.chance(2) {
        s += "readonly def\n";
    }
    if rng.chance(2) {
        s += "currentfile eexec\n";
    }
    let mut bytes = s.into_bytes();
    bytes.extend((0..rng.below(64)).map(|_| rng.byte()));
    bytes
}

/// The dictionary `doc.objects[id]` (or a stream's), mutably.
fn dict_mut(doc: &mut lopdf::Document, id: ObjectId) -> Option<&mut Dictionary> {
    match doc.objects.get_mut(&id)? {
        Object::Dictionary(d) => Some(d),
        Object::Stream(s) => Some(&mut s.dict),
        _ => None,
    }
}

/// Set `/category /name value` in the resources of page `page` (following references, and
/// creating the category dictionary if needed).
fn set_resource(
    doc: &mut lopdf::Document,
    page: ObjectId,
    category: &[u8],
    name: &str,
    value: Object,
) {
    let res_ref = match doc
        .get_dictionary(page)
        .ok()
        .and_then(|d| d.get(b"Resources").ok())
    {
        Some(Object::Reference(id)) => Some(*id),
        _ => None,
    };
    let res_owner = res_ref.unwrap_or(page);
    let cat_ref = {
        let Some(d) = dict_mut(doc, res_owner) else {
            return;
        };
        let res = if res_ref.is_some() {
            d
        } else {
            if !matches!(d.get(b"Resources"), Ok(Object::Dictionary(_))) {
                d.set("Resources", Dictionary::new());
            }
            match d.get_mut(b"Resources") {
                Ok(Object::Dictionary(r)) => r,
                _ => return,
            }
        };
        match res.get_mut(category) {
            Ok(Object::Reference(id)) => Some(*id),
            Ok(Object::Dictionary(c)) => {
                c.set(name, value);
                return;
            }
            _ => {
                let mut c = Dictionary::new();
                c.set(name, value);
                res.set(category, c);
                return;
            }
        }
    };
    if let Some(d) = cat_ref.and_then(|id| dict_mut(doc, id)) {
        d.set(name, value);
    }
}

/// Put `snippet` into the first content stream of `page`: at the start, at the end, or after
/// a random `ET`.
fn insert_content(
    rng: &mut Rng,
    doc: &mut lopdf::Document,
    page: ObjectId,
    snippet: &str,
) -> String {
    let Some(&cid) = doc.get_page_contents(page).first() else {
        return "no content".into();
    };
    let Some(Object::Stream(s)) = doc.objects.get_mut(&cid) else {
        return "no content".into();
    };
    let mut content = s.content.clone();
    let ets: Vec<usize> = find_all(&content, b"ET\n")
        .into_iter()
        .map(|i| i + 3)
        .collect();
    let at = match rng.below(3) {
        0 => 0,
        1 => content.len(),
        _ if ets.is_empty() => 0,
        _ => *rng.pick(&ets),
    };
    splice(&mut content, at, at, format!("\n{snippet}\n").as_bytes());
    s.set_content(content);
    format!("content of {} {} R at {at}: {snippet:?}", cid.0, cid.1)
}

/// A text-showing snippet using font resource `font`.
fn text_snippet(rng: &mut Rng, font: &str) -> String {
    let size = *rng.pick(&["12", "0", "-9", "1e30", "0.001"]);
    let shown = *rng.pick(&[
        "(Hello \\(world\\)) Tj",
        "<0001000200410042FFFF> Tj",
        "[(A) 120 (B) -1e30 <00FF>] TJ",
        "(\\000\\001\\377) Tj",
        "<> Tj",
        "<D800DC00D83DDE00> Tj",
    ]);
    format!("BT /{font} {size} Tf 100 500 Td {shown} ET")
}

fn surgery(rng: &mut Rng, src: &Source, doc: &mut lopdf::Document, focus: &mut Vec<u32>) -> String {
    let (page_n, page) = *rng.pick(&src.pages);
    focus.push(page_n);
    let (font_name, font_id) = rng.pick(&src.fonts).clone();
    let font_name = String::from_utf8_lossy(&font_name).into_owned();
    let original_font = doc.get_dictionary(font_id).cloned().unwrap_or_default();
    let to_unicode = original_font
        .get(b"ToUnicode")
        .ok()
        .cloned()
        .unwrap_or(Object::Null);
    let new_font = |doc: &mut lopdf::Document, f: Object| {
        doc.objects.insert(font_id, f);
    };
    match rng.below(10) {
        0 => {
            // Type0 font with a hostile descendant and encoding.
            let enc = match rng.below(4) {
                0 => {
                    let id = doc.add_object(stream_obj(
                        "<< /Type /CMap >>",
                        hostile_cmap(rng).as_bytes(),
                    ));
                    format!("{} 0 R", id.0)
                }
                1 => format!("{} {} R", font_id.0, font_id.1),
                _ => rng
                    .pick(&[
                        "/Identity-H",
                        "/Identity-V",
                        "/UniGB-UCS2-H",
                        "/UniJIS-UTF16-V",
                        "/UniKS-UTF32-H",
                        "/Nope-H",
                        "5",
                        "null",
                    ])
                    .to_string(),
            };
            let desc = match rng.below(5) {
                0 => format!("[{} {} R]", font_id.0, font_id.1),
                1 => "[]".to_string(),
                2 => "[<< /Subtype /Type0 >>]".to_string(),
                _ => format!(
                    "[<< /Type /Font /Subtype /CIDFontType2 /CIDToGIDMap /Identity /DW {} /W {} /DW2 [{} {}] /W2 {} >>]",
                    num(rng),
                    hostile_w(rng, false),
                    num(rng),
                    num(rng),
                    hostile_w(rng, true)
                ),
            };
            let text = format!("<< /Type /Font /Subtype /Type0 /BaseFont /Hostile /Encoding {enc} /DescendantFonts {desc} >>");
            let mut f = obj(&text);
            if let Object::Dictionary(d) = &mut f {
                if rng.chance(2) {
                    d.set("ToUnicode", to_unicode.clone());
                }
            }
            new_font(doc, f);
            format!("font {} -> {text}", font_id.0)
        }
        1 => {
            // Type1: an embedded program with a hostile /Encoding, or a standard-14 font.
            if rng.chance(2) {
                let program = hostile_type1_program(rng);
                let l1 = if rng.chance(2) {
                    program.len().to_string()
                } else {
                    num(rng).to_string()
                };
                let file = doc.add_object(stream_obj(&format!("<< /Length1 {l1} >>"), &program));
                let fd = doc.add_object(obj(&format!(
                    "<< /Type /FontDescriptor /FontName /Hostile /Flags {} /FontBBox [0 0 {} {}] /Ascent {} /Descent {} /FontFile {} 0 R >>",
                    num(rng), num(rng), num(rng), num(rng), num(rng), file.0
                )));
                let text = format!(
                    "<< /Type /Font /Subtype /Type1 /BaseFont /Hostile /FirstChar {} /Widths [{} {}] /FontDescriptor {} 0 R >>",
                    num(rng), num(rng), num(rng), fd.0
                );
                new_font(doc, obj(&text));
                format!(
                    "font {} -> {text} with program {:?}",
                    font_id.0,
                    printable(&program)
                )
            } else {
                let base = *rng.pick(&[
                    "Helvetica",
                    "Times-Roman",
                    "Courier-BoldOblique",
                    "Symbol",
                    "ZapfDingbats",
                    "Arial,Bold",
                    "ArialMT",
                    "TimesNewRomanPS-ItalicMT",
                    "Nope",
                    "",
                ]);
                let enc = *rng.pick(&[
                    "/WinAnsiEncoding", "/MacRomanEncoding", "/StandardEncoding", "/MacExpertEncoding", "/Nope",
                    "<< /BaseEncoding /WinAnsiEncoding /Differences [0 /a 32 /bullet /uni2022 -5 /x 255 /g12 /cid1234 /u1F600 /a.sc /f_i 1e30 /z] >>",
                    "<< /Differences [9223372036854775807 /a /b] >>", "<< /Differences 5 >>", "null",
                ]);
                let mut text =
                    format!("<< /Type /Font /Subtype /Type1 /BaseFont /{base} /Encoding {enc}");
                if rng.chance(3) {
                    text += &format!(
                        " /FirstChar {} /LastChar {} /Widths [{} {}]",
                        num(rng),
                        num(rng),
                        num(rng),
                        num(rng)
                    );
                }
                text += " >>";
                new_font(doc, obj(&text));
                format!("font {} -> {text}", font_id.0)
            }
        }
        2 => {
            // Type3 with a hostile matrix and box.
            let matrix = *rng.pick(&[
                "[0.001 0 0 0.001 0 0]",
                "[0 0 0 0 0 0]",
                "[1e30 0 0 1e30 0 0]",
                "[1 2 3]",
                "[(a) 0 0 1 0 0]",
                "5",
                "[NaN 0 0 NaN 0 0]",
                "[0 0.001 -0.001 0 0 0]",
            ]);
            let bbox = *rng.pick(&[
                "[0 0 1000 1000]",
                "[0 0 0 0]",
                "[1e30 -1e30 NaN 5]",
                "[]",
                "null",
            ]);
            let procs = doc.add_object(stream_obj(
                "<< >>",
                b"1000 0 0 0 750 750 d1 0 0 750 750 re f",
            ));
            let text = format!(
                "<< /Type /Font /Subtype /Type3 /FontMatrix {matrix} /FontBBox {bbox} /CharProcs << /a {} 0 R >> \
                 /Encoding << /Differences [0 /a 65 /a /b] >> /FirstChar {} /LastChar {} /Widths [{} {} {}] >>",
                procs.0, num(rng), num(rng), num(rng), num(rng), num(rng)
            );
            let mut f = obj(&text);
            if let Object::Dictionary(d) = &mut f {
                if rng.chance(2) {
                    d.set("Resources", Object::Reference(font_id));
                }
                if rng.chance(2) {
                    d.set("ToUnicode", to_unicode.clone());
                }
            }
            new_font(doc, f);
            format!("font {} -> {text}", font_id.0)
        }
        3 => {
            // Hostile fields of the original simple font or its descriptor.
            let mut f = original_font.clone();
            let key = *rng.pick(&[
                "FirstChar",
                "LastChar",
                "Widths",
                "Encoding",
                "ToUnicode",
                "FontDescriptor",
                "Subtype",
                "MissingWidth",
            ]);
            let value = match key {
                "Widths" => obj(rng.pick_str(&["[]", "[1e30 -1e30 NaN]", "[(a) /b null]", "5", "[[1 2] [3]]"])),
                "Encoding" => obj(rng.pick_str(&[
                    "/Nope",
                    "<< /Differences [0 /bullet 1 /space /uniD800 /u110000 /uni00410042 -1 /g] >>",
                    "<< /BaseEncoding /Symbol /Differences [] >>",
                    "[/WinAnsiEncoding]",
                ])),
                "ToUnicode" => {
                    let id = doc.add_object(stream_obj("<< >>", hostile_cmap(rng).as_bytes()));
                    Object::Reference(id)
                }
                "FontDescriptor" => obj(&format!(
                    "<< /Ascent {} /Descent {} /FontBBox [{} {} {} {}] /Flags {} /MissingWidth {} /FontFile2 {} 0 R >>",
                    num(rng), num(rng), num(rng), num(rng), num(rng), num(rng), num(rng), num(rng), font_id.0
                )),
                "Subtype" => obj(rng.pick_str(&["/Type0", "/Type3", "/MMType1", "/CIDFontType2", "/Nope", "5"])),
                _ => obj(num(rng)),
            };
            let desc = format!("font {} /{key} -> {}", font_id.0, short(&value));
            f.set(key, value);
            new_font(doc, Object::Dictionary(f));
            desc
        }
        4 => {
            // Form XObjects: self-drawing, mutually recursive, exponential, or carrying text.
            let a = doc.new_object_id();
            let b = doc.new_object_id();
            let kind = rng.below(5);
            let matrix = *rng.pick(&[
                "[1 0 0 1 0 0]",
                "[0 0 0 0 0 0]",
                "[1e30 0 0 1e30 0 0]",
                "[1 2]",
                "null",
            ]);
            let body_a = match kind {
                0 => "/FmA Do".to_string(),
                1 => "/FmB Do".to_string(),
                2 => "/FmB Do /FmB Do /FmB Do".to_string(),
                3 => text_snippet(rng, &font_name),
                _ => "q 0.5 0 0 0.5 0 0 cm /FmB Do Q /FmA Do".to_string(),
            };
            let body_b = match kind {
                1 => "/FmA Do".to_string(),
                2 => "/FmC Do /FmC Do /FmC Do".to_string(),
                _ => text_snippet(rng, &font_name),
            };
            let subtype = *rng.pick(&["/Form", "/Form", "/Form", "/Image", "/PS", "5"]);
            let res_a = format!("<< /XObject << /FmA {} 0 R /FmB {} 0 R /FmC {} 0 R >> /Font << /{font_name} {} 0 R >> >>", a.0, b.0, b.0, font_id.0);
            let fa = stream_obj(&format!("<< /Type /XObject /Subtype {subtype} /BBox [0 0 100 100] /Matrix {matrix} /Resources {res_a} >>"), body_a.as_bytes());
            let fb = stream_obj(
                &format!("<< /Subtype /Form /Resources {res_a} >>"),
                body_b.as_bytes(),
            );
            doc.objects.insert(a, fa);
            doc.objects.insert(b, fb);
            set_resource(doc, page, b"XObject", "FmA", Object::Reference(a));
            let at = insert_content(rng, doc, page, "q /FmA Do Q");
            format!("page {page_n}: form kind {kind} (A: {body_a:?}, B: {body_b:?}, {subtype}, {matrix}); {at}")
        }
        5 => {
            // An ExtGState setting the font (maybe to something that is not a font).
            let target = match rng.below(4) {
                0 => format!("{} {} R", font_id.0, font_id.1),
                1 => format!("{} {} R", page.0, page.1),
                2 => "99999 0 R".to_string(),
                _ => format!(
                    "{} {} R",
                    src.object_ids[rng.below(src.object_ids.len())].0,
                    0
                ),
            };
            let gs = format!(
                "<< /Type /ExtGState /LW {} /Font [{target} {}] >>",
                num(rng),
                num(rng)
            );
            set_resource(doc, page, b"ExtGState", "GSx", obj(&gs));
            let at = insert_content(
                rng,
                doc,
                page,
                "BT /GSx gs 72 72 Td (Set by gs) Tj [(A) 10 (B)] TJ ET",
            );
            format!("page {page_n}: ExtGState {gs}; {at}")
        }
        6 => {
            // Colour spaces, some of them self-referencing.
            let cs_id = doc.new_object_id();
            let me = format!("{} 0 R", cs_id.0);
            let icc = doc.add_object(stream_obj(
                &format!("<< /N {} /Alternate /Nope >>", num(rng)),
                b"not a profile",
            ));
            let cs = match rng.below(10) {
                0 => "[/Indexed /DeviceRGB 255 <FF0000>]".to_string(),
                1 => format!("[/Indexed /DeviceRGB {} (short)]", num(rng)),
                2 => format!("[/Indexed {me} 1 <0000>]"),
                3 => "[/Separation /Spot /DeviceCMYK << /FunctionType 2 /Domain [0 1] /C0 [0 0 0 0] /C1 [1 0 0 0] /N 1 >>]".to_string(),
                4 => format!("[/Separation /All {me} null]"),
                5 => "[/DeviceN [/A /B /C] /DeviceRGB << /FunctionType 4 >>]".to_string(),
                6 => format!("[/ICCBased {} 0 R]", icc.0),
                7 => format!("[/Pattern {me}]"),
                8 => "[/Lab << /WhitePoint [0.95 1 1.09] /Range [-100 100 -100 100] >>]".to_string(),
                _ => rng.pick(&["/Pattern", "[/CalRGB << >>]", "[]", "[/Nope]", "5"]).to_string(),
            };
            doc.objects.insert(cs_id, obj(&cs));
            set_resource(doc, page, b"ColorSpace", "CSx", Object::Reference(cs_id));
            let comps: Vec<&str> = (0..rng.range(0, 5)).map(|_| num(rng)).collect();
            let comps = comps.join(" ");
            let snippet = format!("q /CSx cs {comps} sc /CSx CS {comps} SCN /P0 scn 10 10 300 20 re f 0 0 m 500 500 l S Q");
            let at = insert_content(rng, doc, page, &snippet);
            format!("page {page_n}: colour space {cs}; {at}")
        }
        7 => {
            // Inline images with hostile parameters and data.
            let w = num(rng);
            let h = num(rng);
            let bpc = *rng.pick(&["1", "8", "16", "0", "3", "-8"]);
            let cs = *rng.pick(&[
                "/G",
                "/RGB",
                "/CMYK",
                "/I",
                "/Nope",
                "[/Indexed /RGB 1 <000000FFFFFF>]",
            ]);
            let filter = *rng.pick(&[
                "",
                "/F /AHx",
                "/F /Fl",
                "/F [/A85 /Fl]",
                "/F /DCT",
                "/F /Nope",
            ]);
            let data: String = match rng.below(3) {
                0 => "EI".to_string(),
                1 => "\u{0}\u{1}EI\u{2} EI x".to_string(),
                _ => (0..rng.below(200))
                    .map(|_| (rng.byte() % 94 + 33) as char)
                    .collect(),
            };
            let snippet = format!("q 100 0 0 100 50 50 cm BI /W {w} /H {h} /BPC {bpc} /CS {cs} {filter} ID {data} EI Q");
            let at = insert_content(rng, doc, page, &snippet);
            format!("page {page_n}: inline image; {at}")
        }
        8 => {
            // Page tree damage: cycles, inheritance loops, hostile boxes and rotation.
            let Some(pd) = dict_mut(doc, page) else {
                return "page missing".into();
            };
            let parent = pd.get(b"Parent").ok().cloned();
            let what = match rng.below(6) {
                0 => {
                    pd.set("Parent", Object::Reference(page));
                    pd.remove(b"MediaBox");
                    pd.remove(b"Resources");
                    "page is its own parent, no MediaBox/Resources".to_string()
                }
                1 => {
                    let v = obj(rng.pick_str(&[
                        "[0 0 0 0]",
                        "[0 0 1e30 1e30]",
                        "[NaN 0 1 1]",
                        "[1 2 3]",
                        "[(a) 0 1 1]",
                        "null",
                        "[0 0 -595 -842]",
                    ]));
                    let key = *rng.pick(&["MediaBox", "CropBox"]);
                    let d = format!("/{key} -> {}", short(&v));
                    pd.set(key, v);
                    d
                }
                2 => {
                    let v = obj(num(rng));
                    let d = format!("/Rotate -> {}", short(&v));
                    pd.set("Rotate", v);
                    d
                }
                3 => {
                    let v = obj(rng.pick_str(&[
                        "[]",
                        "null",
                        "[5 0 R]",
                        "[99999 0 R]",
                        "(text)",
                        "[null null]",
                    ]));
                    let d = format!("/Contents -> {}", short(&v));
                    pd.set("Contents", v);
                    d
                }
                _ => {
                    // A cycle in /Kids: the parent lists itself (or the page lists the parent).
                    match parent {
                        Some(Object::Reference(pid)) => {
                            let count = num(rng);
                            if let Some(pp) = dict_mut(doc, pid) {
                                if let Ok(Object::Array(kids)) = pp.get_mut(b"Kids") {
                                    kids.push(Object::Reference(pid));
                                }
                                pp.set("Count", obj(count));
                            }
                            if let Some(pd) = dict_mut(doc, page) {
                                pd.set("Kids", obj(&format!("[{} 0 R]", pid.0)));
                                pd.set("Type", Object::Name(b"Pages".to_vec()));
                            }
                            format!(
                                "parent {} 0 obj lists itself in /Kids, its /Count -> {count}; \
                                 page turned into /Pages listing the parent",
                                pid.0
                            )
                        }
                        _ => "no parent reference (unchanged)".to_string(),
                    }
                }
            };
            format!("page {page_n} ({} 0 obj): {what}", page.0)
        }
        _ => {
            // A hostile ToUnicode CMap for the font.
            let cmap = hostile_cmap(rng);
            let id = doc.add_object(stream_obj("<< >>", cmap.as_bytes()));
            let mut f = original_font.clone();
            f.set("ToUnicode", Object::Reference(id));
            new_font(doc, Object::Dictionary(f));
            format!(
                "font {} ToUnicode -> {:?}",
                font_id.0,
                printable(cmap.as_bytes())
            )
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Running a variant, with panics captured per thread.

thread_local! {
    static CAPTURING: Cell<bool> = const { Cell::new(false) };
    static CAPTURED: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Install (once) a panic hook that records the message of a panic raised while this thread
/// runs a variant and stays quiet about it; panics elsewhere go to the previous hook.
fn install_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if CAPTURING.with(Cell::get) {
                let bt = std::backtrace::Backtrace::force_capture().to_string();
                // Keep the frames of our crate only: enough to locate the panic.
                let ours: Vec<&str> = bt
                    .lines()
                    .filter(|l| {
                        l.contains("boardpaper") || l.contains("lopdf") || l.contains("/src/")
                    })
                    .take(12)
                    .collect();
                CAPTURED.with(|c| {
                    *c.borrow_mut() = Some(format!("{info}\n      {}", ours.join("\n      ")))
                });
            } else {
                previous(info);
            }
        }));
    });
}

#[derive(Default)]
struct Outcome {
    opened: bool,
    pages: usize,
    glyphs: usize,
    words: usize,
    warnings: usize,
    panic: Option<String>,
    elapsed: Duration,
}

/// Run `f`; if it panics, return the panic's message, location and our frames of the stack.
fn catch(f: impl FnOnce()) -> Option<String> {
    install_hook();
    CAPTURED.with(|c| c.borrow_mut().take());
    CAPTURING.with(|c| c.set(true));
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    CAPTURING.with(|c| c.set(false));
    result.err().map(|_| {
        CAPTURED
            .with(|c| c.borrow_mut().take())
            .unwrap_or_else(|| "(no message)".into())
    })
}

/// Open, interpret pages (all of them, capped, or `focus` and a few random ones) and lay them
/// out; panics are caught.
fn run(bytes: &[u8], all_pages: bool, focus: &[u32], rng: &mut Rng) -> Outcome {
    let start = Instant::now();
    let mut out = Outcome::default();
    let page_picks: Vec<u64> = (0..FEW_PAGES).map(|_| rng.next_u64()).collect();
    out.panic = catch(|| {
        let Ok(doc) = Document::from_bytes(bytes, "variant", &OpenOptions::default()) else {
            return;
        };
        out.opened = true;
        out.warnings += doc.warnings().len();
        let _ = doc.producer();
        let count = doc.page_count().min(MAX_PAGES);
        let pages: Vec<u32> = if all_pages || count as usize <= FEW_PAGES {
            (1..=count).collect()
        } else {
            let mut pages: Vec<u32> = focus
                .iter()
                .copied()
                .filter(|n| (1..=count).contains(n))
                .collect();
            pages.extend(page_picks.iter().map(|p| 1 + (p % u64::from(count)) as u32));
            pages.sort_unstable();
            pages.dedup();
            pages
        };
        let settings = Settings::default();
        for n in pages {
            let Ok(page) = doc.page(n) else { continue };
            out.pages += 1;
            out.glyphs += page.glyphs.len();
            out.warnings += page.warnings.len();
            out.words += layout::words(&page.glyphs, &settings).len();
            let _ = layout::blocks(&page.glyphs, &settings);
        }
    });
    out.elapsed = start.elapsed();
    out
}

/// An environment override: decimal, or hexadecimal with `0x`.
fn env_u64(name: &str, default: u64) -> u64 {
    let Ok(v) = std::env::var(name) else {
        return default;
    };
    let v = v.trim();
    let parsed = match v.strip_prefix("0x") {
        Some(hex) => u64::from_str_radix(&hex.replace('_', ""), 16),
        None => v.replace('_', "").parse(),
    };
    parsed.unwrap_or_else(|e| panic!("{name}={v:?}: {e}"))
}

/// Set in the child process that runs the variants (see [`mutated_fixtures_never_panic`]).
const WORKER_ENV: &str = "BOARDPAPER_MUTATION_WORKER";
/// Set (to a variant index) to make the worker run that variant alone.
const ONLY_ENV: &str = "BOARDPAPER_MUTATION_ONLY";

/// Run [`mutation_worker`] in a child process (`only`: a single variant).
fn spawn_worker(only: Option<usize>) -> std::process::Output {
    let exe = std::env::current_exe().expect("test binary path");
    let mut cmd = std::process::Command::new(exe);
    cmd.args([
        "mutation::mutation_worker",
        "--exact",
        "--nocapture",
        "--test-threads=1",
    ])
    .env(WORKER_ENV, "1")
    .env("RUST_BACKTRACE", "0");
    match only {
        Some(i) => cmd.env(ONLY_ENV, i.to_string()),
        None => &mut cmd, // inherits BOARDPAPER_MUTATION_ONLY, if set
    };
    cmd.output().expect("start the mutation worker")
}

fn seed_and_count() -> (u64, usize) {
    let seed = env_u64("BOARDPAPER_MUTATION_SEED", SEED);
    let variants = usize::try_from(env_u64("BOARDPAPER_MUTATION_VARIANTS", VARIANTS as u64))
        .expect("variant count");
    (seed, variants)
}

/// Runs every variant in a child process (this test binary, running [`mutation_worker`]), so
/// that what `catch_unwind` cannot catch (an allocation failure, a stack overflow: both abort
/// the process) is still reported as a failure naming the variants that were running, with
/// their bytes saved, instead of killing the whole test binary.
#[test]
fn mutated_fixtures_never_panic() {
    let (seed, variants) = seed_and_count();
    let child = spawn_worker(None);
    let stdout = String::from_utf8_lossy(&child.stdout);
    let stderr = String::from_utf8_lossy(&child.stderr);
    for line in stdout
        .lines()
        .filter(|l| l.starts_with("mutation") || l.starts_with("  "))
    {
        println!("{line}");
    }
    if child.status.success() && stderr.contains("@done") {
        return;
    }
    // Which variants were running when the worker stopped?
    let mut running = std::collections::BTreeSet::new();
    for line in stderr.lines() {
        if let Some(i) = line
            .strip_prefix("@start ")
            .and_then(|i| i.parse::<usize>().ok())
        {
            running.insert(i);
        } else if let Some(i) = line
            .strip_prefix("@end ")
            .and_then(|i| i.parse::<usize>().ok())
        {
            running.remove(&i);
        }
    }
    let mut msg = format!(
        "the mutation worker failed ({}); seed {seed:#018x}, {variants} variants\n",
        child.status
    );
    if !stderr.contains("@done") && !running.is_empty() {
        let corpus = load_corpus();
        msg += "variants running when it died:\n";
        for &i in &running {
            let v = make_variant(&corpus, seed, i);
            let path =
                std::env::temp_dir().join(format!("boardpaper-mutation-{seed:016x}-{i}.pdf"));
            let saved = match std::fs::write(&path, &v.bytes) {
                Ok(()) => path.display().to_string(),
                Err(e) => format!("(not saved: {e})"),
            };
            let alone = spawn_worker(Some(i));
            let verdict = if alone.status.success() {
                "passes when run alone".to_string()
            } else {
                format!("FAILS when run alone ({})", alone.status)
            };
            msg += &format!("  #{i}: {}\n    {verdict}; bytes: {saved}\n", v.desc);
        }
    }
    let tail: Vec<&str> = stderr
        .lines()
        .filter(|l| !l.starts_with("@start ") && !l.starts_with("@end "))
        .collect();
    msg += "worker stderr (last 60 lines):\n";
    for line in &tail[tail.len().saturating_sub(60)..] {
        msg += &format!("  {line}\n");
    }
    panic!("{msg}");
}

/// The body of [`mutated_fixtures_never_panic`]; does nothing unless run as its child.
#[test]
fn mutation_worker() {
    if std::env::var_os(WORKER_ENV).is_none() {
        return;
    }
    install_hook();
    let (seed, variants) = seed_and_count();
    let started = Instant::now();
    let corpus = load_corpus();
    println!(
        "mutation: seed {seed:#018x}, {variants} variants, {} threads",
        rayon::current_num_threads()
    );

    let indices: Vec<usize> = match std::env::var(ONLY_ENV) {
        Ok(i) => vec![i.parse().expect("variant index")],
        Err(_) => (0..variants).collect(),
    };
    let results: Vec<(usize, String, Outcome, Option<Vec<u8>>)> = indices
        .into_par_iter()
        .map(|i| {
            eprintln!("@start {i}");
            let v = make_variant(&corpus, seed, i);
            let mut rng = variant_rng(seed ^ 0xA11_9A9E5, i);
            let outcome = run(&v.bytes, i % ALL_PAGES_EVERY == 0, &v.focus, &mut rng);
            eprintln!("@end {i}");
            let keep = outcome.panic.is_some().then_some(v.bytes);
            (i, v.desc, outcome, keep)
        })
        .collect();

    let opened = results.iter().filter(|r| r.2.opened).count();
    let pages: usize = results.iter().map(|r| r.2.pages).sum();
    let glyphs: usize = results.iter().map(|r| r.2.glyphs).sum();
    let words: usize = results.iter().map(|r| r.2.words).sum();
    let warnings: usize = results.iter().map(|r| r.2.warnings).sum();
    let mut slowest: Vec<&(usize, String, Outcome, Option<Vec<u8>>)> = results.iter().collect();
    slowest.sort_by_key(|r| std::cmp::Reverse(r.2.elapsed));
    println!(
        "mutation: {variants} variants in {:.1} s; {opened} opened, {pages} pages interpreted, {glyphs} glyphs, \
         {words} words, {warnings} warnings",
        started.elapsed().as_secs_f64()
    );
    for r in slowest.iter().take(3) {
        println!(
            "  slowest: #{} {:.0} ms: {}",
            r.0,
            r.2.elapsed.as_secs_f64() * 1000.0,
            r.1
        );
    }

    let failures: Vec<_> = results.iter().filter(|r| r.2.panic.is_some()).collect();
    if !failures.is_empty() {
        let mut msg = format!(
            "{} of {variants} variants panicked (seed {seed:#018x}):\n",
            failures.len()
        );
        for (i, desc, outcome, bytes) in failures.iter().take(SHOW_FAILURES) {
            let path =
                std::env::temp_dir().join(format!("boardpaper-mutation-{seed:016x}-{i}.pdf"));
            let saved = match bytes.as_ref().map(|b| std::fs::write(&path, b)) {
                Some(Ok(())) => path.display().to_string(),
                _ => "(not saved)".into(),
            };
            msg += &format!(
                "  #{i}: {desc}\n    bytes: {saved}\n    {}\n",
                outcome
                    .panic
                    .as_deref()
                    .unwrap_or("")
                    .replace('\n', "\n    ")
            );
        }
        panic!("{msg}");
    }
    // The run must reach the interpreter, not only the parser's error paths (checked on full
    // runs only: a single variant may well be rejected).
    if results.len() > 1 {
        let n = results.len();
        assert!(
            opened * 2 >= n,
            "only {opened} of {n} variants opened: the mutations are too destructive"
        );
        assert!(
            pages >= n,
            "only {pages} pages interpreted over {n} variants"
        );
    }
    eprintln!("@done");
}

/// The capture used by the main test does see panics (so zero panics is not vacuous), and
/// leaves the thread ready for the next variant.
#[test]
fn panics_are_caught_and_described() {
    let msg = catch(|| {
        let v: Vec<u8> = Vec::new();
        let i = v.len() + 3;
        let _ = v[i];
    })
    .expect("the panic was not caught");
    assert!(msg.contains("index out of bounds"), "{msg}");
    assert!(msg.contains("mutation.rs"), "{msg}");
    assert_eq!(catch(|| ()), None);
}

/// The PRNG and the variants are deterministic: the same seed gives the same variants.
#[test]
fn variants_are_deterministic() {
    let corpus = load_corpus();
    for i in [0, 1, 7, 4242] {
        let (a, b) = (
            make_variant(&corpus, SEED, i),
            make_variant(&corpus, SEED, i),
        );
        assert_eq!((&a.desc, &a.focus), (&b.desc, &b.focus));
        assert!(a.bytes == b.bytes, "variant {i} differs between two builds");
    }
    let mut r = Rng::new(1);
    let first: Vec<u64> = (0..3).map(|_| r.next_u64()).collect();
    // SplitMix64 reference values for seed 1.
    assert_eq!(
        first,
        [
            0x910A_2DEC_8902_5CC1,
            0xBEEB_8DA1_658E_EC67,
            0xF893_A2EE_FB32_555E
        ]
    );
}

/// Lowered limits are reported as LimitHit warnings on real content.
#[test]
fn lowered_operator_limit_is_reported() {
    let options = OpenOptions {
        limits: Limits {
            operators_per_page: 100,
            ..Default::default()
        },
        ..Default::default()
    };
    let doc = Document::open(&fixture(BOARD_PAPER), &options).unwrap_or_else(|e| panic!("{e}"));
    let page = doc.page(1).unwrap_or_else(|e| panic!("{e}"));
    let hit = page.warnings.iter().any(|w| {
        w.page == Some(1)
            && matches!(
                w.kind,
                WarningKind::LimitHit {
                    limit: Limit::OperatorsPerPage,
                    value: 100
                }
            )
    });
    assert!(
        hit,
        "no LimitHit(OperatorsPerPage, 100) on page 1; warnings: {:?}",
        page.warnings
    );
    // And the page was cut short: fewer glyphs than with the default limits.
    let full = Document::open(&fixture(BOARD_PAPER), &OpenOptions::default())
        .unwrap()
        .page(1)
        .unwrap();
    assert!(
        page.glyphs.len() < full.glyphs.len(),
        "{} glyphs with the limit, {} without",
        page.glyphs.len(),
        full.glyphs.len()
    );
    assert!(
        full.warnings
            .iter()
            .all(|w| !matches!(w.kind, WarningKind::LimitHit { .. })),
        "default limits hit on page 1"
    );
}
