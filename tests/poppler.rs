//! Agreement with poppler: on every page of both MSCB fixtures our words match
//! `pdftotext -bbox` (F1 ≥ 0.995 on word text, ≥ 99% of matched centres within 2 pt).
//!
//! Poppler's output is kept as fixture data (`fixtures/poppler/<stem>.words.tsv`, made by
//! `fixtures/poppler/make.sh`) so the test does not need poppler installed.

use std::collections::HashMap;
use std::path::Path;

use boardpaper::layout::{self, Settings};
use boardpaper::pdf::{Document, OpenOptions};

use crate::common::{fixture, BOARD_PAPER, PLAN_V3};

/// Minimum word F1 (micro over all pages of a document).
const MIN_F1: f64 = 0.995;
/// A matched word's centre must be within this distance (points) of poppler's ...
const CENTRE_TOLERANCE_PT: f64 = 2.0;
/// ... for at least this share of matched words.
const MIN_WITHIN: f64 = 0.99;
/// How many unmatched words to print on each side when the test fails.
const SHOW_UNMATCHED: usize = 30;

/// One word with its page and box (points, origin top-left, y down).
#[derive(Debug, Clone)]
struct W {
    page: u32,
    text: String,
    x0: f64,
    top: f64,
    x1: f64,
    bottom: f64,
}

impl W {
    fn centre(&self) -> (f64, f64) {
        ((self.x0 + self.x1) / 2.0, (self.top + self.bottom) / 2.0)
    }
}

impl std::fmt::Display for W {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "p{:<3} [{:7.2} {:7.2} {:7.2} {:7.2}] {:?}",
            self.page, self.x0, self.top, self.x1, self.bottom, self.text
        )
    }
}

/// Poppler's words for one PDF, read from its TSV fixture.
struct PopplerWords {
    pages: u32,
    words: Vec<W>,
    /// How many words [`normalise`] changed.
    normalised: usize,
}

fn tsv_path(pdf_rel: &str) -> std::path::PathBuf {
    let stem = Path::new(pdf_rel)
        .file_stem()
        .expect("fixture has a file name")
        .to_string_lossy()
        .into_owned();
    fixture(&format!("poppler/{stem}.words.tsv"))
}

/// Read `fixtures/poppler/<stem>.words.tsv`; panics with a clear message if it is missing or
/// malformed (so the agreement test can never pass vacuously).
fn load_poppler(pdf_rel: &str) -> PopplerWords {
    let path = tsv_path(pdf_rel);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: cannot read poppler fixture ({e}); regenerate it with fixtures/poppler/make.sh",
            path.display()
        )
    });
    let mut pages = None;
    let mut words = Vec::new();
    let mut normalised = 0;
    let mut header_seen = false;
    for (i, line) in text.lines().enumerate() {
        let at = || format!("{}:{}", path.display(), i + 1);
        if let Some(n) = line.strip_prefix("#pages\t") {
            pages = Some(
                n.trim()
                    .parse::<u32>()
                    .unwrap_or_else(|e| panic!("{}: bad #pages line: {e}", at())),
            );
            continue;
        }
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        if !header_seen {
            assert_eq!(
                line,
                "page\txMin\tyMin\txMax\tyMax\ttext",
                "{}: unexpected column header",
                at()
            );
            header_seen = true;
            continue;
        }
        let f: Vec<&str> = line.splitn(6, '\t').collect();
        assert_eq!(
            f.len(),
            6,
            "{}: expected 6 tab-separated fields: {line:?}",
            at()
        );
        let num = |s: &str| {
            s.parse::<f64>()
                .unwrap_or_else(|e| panic!("{}: bad number {s:?}: {e}", at()))
        };
        words.push(W {
            page: f[0]
                .parse()
                .unwrap_or_else(|e| panic!("{}: bad page {:?}: {e}", at(), f[0])),
            x0: num(f[1]),
            top: num(f[2]),
            x1: num(f[3]),
            bottom: num(f[4]),
            text: {
                let t = normalise(f[5]);
                normalised += usize::from(t != f[5]);
                t
            },
        });
    }
    let pages = pages.unwrap_or_else(|| panic!("{}: no #pages line", path.display()));
    PopplerWords {
        pages,
        words,
        normalised,
    }
}

/// Our words for every page of a PDF.
fn our_words(doc: &Document) -> Vec<W> {
    let settings = Settings::default();
    let mut out = Vec::new();
    for n in 1..=doc.page_count() {
        let page = doc
            .page(n)
            .unwrap_or_else(|e| panic!("{}: page {n}: {e}", doc.name()));
        for w in layout::words(&page.glyphs, &settings) {
            out.push(W {
                page: n,
                text: normalise(&w.text),
                x0: w.bbox.x0,
                top: w.bbox.top,
                x1: w.bbox.x1,
                bottom: w.bbox.bottom,
            });
        }
    }
    out
}

fn open(rel: &str) -> Document {
    let path = fixture(rel);
    Document::open(&path, &OpenOptions::default()).unwrap_or_else(|e| panic!("{e}"))
}

/// The outcome of matching our words against poppler's for one document.
struct Agreement {
    ours: usize,
    theirs: usize,
    /// Centre distances of the matched pairs.
    distances: Vec<f64>,
    /// Matched pairs (ours, poppler's) whose centres are further apart than the tolerance.
    far: Vec<(W, W, f64)>,
    unmatched_ours: Vec<W>,
    unmatched_theirs: Vec<W>,
}

impl Agreement {
    fn matched(&self) -> usize {
        self.distances.len()
    }
    fn precision(&self) -> f64 {
        ratio(self.matched(), self.ours)
    }
    fn recall(&self) -> f64 {
        ratio(self.matched(), self.theirs)
    }
    fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn within(&self) -> f64 {
        let n = self
            .distances
            .iter()
            .filter(|d| **d <= CENTRE_TOLERANCE_PT)
            .count();
        ratio(n, self.matched())
    }
    fn max_distance(&self) -> f64 {
        self.distances.iter().copied().fold(0.0, f64::max)
    }
}

/// Mean signed centre offset (ours − poppler's) over matched pairs: shows a systematic shift.
fn mean_offset(pairs: &[(f64, f64)]) -> (f64, f64) {
    let n = pairs.len().max(1) as f64;
    let (sx, sy) = pairs
        .iter()
        .fold((0.0, 0.0), |(a, b), (x, y)| (a + x, b + y));
    (sx / n, sy / n)
}

/// The text normalisation our font module documents (`src/pdf/font/mod.rs`) and poppler does
/// not do: private-use bullets from Symbol/Wingdings/OpenSymbol (U+F0xx) become "•" (the
/// Wingdings check mark "✓"), and Latin ligature characters (U+FB00..U+FB06) their letters.
/// Applied to both sides, so it only removes these deliberate, documented differences.
fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match u32::from(c) {
            0xF0B7 | 0xF0A7 | 0xF06C | 0xF06E | 0xF075 | 0xF076 | 0xF0A8 | 0xF0D8 | 0xF09F => {
                out.push('\u{2022}')
            }
            0xF0FC => out.push('\u{2713}'),
            0xFB00 => out.push_str("ff"),
            0xFB01 => out.push_str("fi"),
            0xFB02 => out.push_str("fl"),
            0xFB03 => out.push_str("ffi"),
            0xFB04 => out.push_str("ffl"),
            0xFB05 | 0xFB06 => out.push_str("st"),
            _ => out.push(c),
        }
    }
    out
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Multiset matching per page: words pair only with words of the same text on the same page;
/// within such a group, pairs are taken greedily by increasing centre distance.
/// Returns the agreement and the signed centre offsets (dx, dy) of every matched pair.
fn agree(ours: &[W], theirs: &[W]) -> (Agreement, Vec<(f64, f64)>) {
    // (page, text) -> (indices into ours, indices into theirs)
    type Groups<'a> = HashMap<(u32, &'a str), (Vec<usize>, Vec<usize>)>;
    let mut groups: Groups = HashMap::new();
    for (i, w) in ours.iter().enumerate() {
        groups
            .entry((w.page, w.text.as_str()))
            .or_default()
            .0
            .push(i);
    }
    for (j, w) in theirs.iter().enumerate() {
        groups
            .entry((w.page, w.text.as_str()))
            .or_default()
            .1
            .push(j);
    }
    let mut used_ours = vec![false; ours.len()];
    let mut used_theirs = vec![false; theirs.len()];
    let mut distances = Vec::new();
    let mut offsets = Vec::new();
    let mut far = Vec::new();
    let mut keys: Vec<_> = groups.keys().copied().collect();
    keys.sort();
    for key in keys {
        let (a, b) = &groups[&key];
        let mut pairs: Vec<(f64, usize, usize)> = Vec::with_capacity(a.len() * b.len());
        for &i in a {
            for &j in b {
                let ((x1, y1), (x2, y2)) = (ours[i].centre(), theirs[j].centre());
                pairs.push(((x1 - x2).hypot(y1 - y2), i, j));
            }
        }
        pairs.sort_by(|p, q| p.0.total_cmp(&q.0).then(p.1.cmp(&q.1)).then(p.2.cmp(&q.2)));
        for (d, i, j) in pairs {
            if used_ours[i] || used_theirs[j] {
                continue;
            }
            used_ours[i] = true;
            used_theirs[j] = true;
            distances.push(d);
            let ((x1, y1), (x2, y2)) = (ours[i].centre(), theirs[j].centre());
            offsets.push((x1 - x2, y1 - y2));
            if d > CENTRE_TOLERANCE_PT {
                far.push((ours[i].clone(), theirs[j].clone(), d));
            }
        }
    }
    let pick = |ws: &[W], used: &[bool]| -> Vec<W> {
        ws.iter()
            .zip(used)
            .filter(|(_, u)| !**u)
            .map(|(w, _)| w.clone())
            .collect()
    };
    let agreement = Agreement {
        ours: ours.len(),
        theirs: theirs.len(),
        distances,
        far,
        unmatched_ours: pick(ours, &used_ours),
        unmatched_theirs: pick(theirs, &used_theirs),
    };
    (agreement, offsets)
}

/// Compare one document with poppler; returns a failure description, or `None` if it passes.
fn check_document(rel: &str) -> Option<String> {
    let doc = open(rel);
    let poppler = load_poppler(rel);
    assert!(
        !poppler.words.is_empty(),
        "{}: poppler fixture has no words",
        tsv_path(rel).display()
    );
    assert_eq!(
        poppler.pages,
        doc.page_count(),
        "{rel}: poppler fixture and PDF disagree on the page count"
    );
    let ours = our_words(&doc);
    let (a, offsets) = agree(&ours, &poppler.words);
    let (mdx, mdy) = mean_offset(&offsets);
    println!(
        "{rel}: words ours {} / poppler {}; matched {}; precision {:.4} recall {:.4} F1 {:.4}; \
         centres within {CENTRE_TOLERANCE_PT} pt {:.2}%; max distance {:.4} pt; mean offset (ours - poppler) dx {:+.4} dy {:+.4} pt; \
         {} poppler words normalised (private-use bullets, ligatures)",
        a.ours,
        a.theirs,
        a.matched(),
        a.precision(),
        a.recall(),
        a.f1(),
        100.0 * a.within(),
        a.max_distance(),
        mdx,
        mdy,
        poppler.normalised,
    );
    // Per-page F1, to point at the pages that disagree.
    let mut per_page: Vec<String> = Vec::new();
    for n in 1..=doc.page_count() {
        let o = ours.iter().filter(|w| w.page == n).count();
        let t = poppler.words.iter().filter(|w| w.page == n).count();
        let uo = a.unmatched_ours.iter().filter(|w| w.page == n).count();
        let ut = a.unmatched_theirs.iter().filter(|w| w.page == n).count();
        if uo + ut > 0 {
            per_page.push(format!(
                "p{n}: ours {o} (unmatched {uo}), poppler {t} (unmatched {ut})"
            ));
        }
    }

    let mut failures = Vec::new();
    if a.f1() < MIN_F1 {
        failures.push(format!("F1 {:.4} < {MIN_F1}", a.f1()));
    }
    if a.within() < MIN_WITHIN {
        failures.push(format!(
            "{:.2}% of matched centres within {CENTRE_TOLERANCE_PT} pt < {:.0}% (mean offset dx {mdx:+.3} dy {mdy:+.3} pt)",
            100.0 * a.within(),
            100.0 * MIN_WITHIN
        ));
    }
    if failures.is_empty() {
        return None;
    }
    let mut msg = format!("{rel}: {}\n", failures.join("; "));
    if !per_page.is_empty() {
        msg += "  pages with unmatched words:\n";
        for p in &per_page {
            msg += &format!("    {p}\n");
        }
    }
    msg += &format!(
        "  unmatched ours ({}; first {SHOW_UNMATCHED}):\n",
        a.unmatched_ours.len()
    );
    for w in a.unmatched_ours.iter().take(SHOW_UNMATCHED) {
        msg += &format!("    {w}\n");
    }
    msg += &format!(
        "  unmatched poppler ({}; first {SHOW_UNMATCHED}):\n",
        a.unmatched_theirs.len()
    );
    for w in a.unmatched_theirs.iter().take(SHOW_UNMATCHED) {
        msg += &format!("    {w}\n");
    }
    let mut far = a.far.clone();
    far.sort_by(|p, q| q.2.total_cmp(&p.2));
    msg += &format!(
        "  matched but further than {CENTRE_TOLERANCE_PT} pt ({}; worst {SHOW_UNMATCHED}):\n",
        far.len()
    );
    for (o, t, d) in far.iter().take(SHOW_UNMATCHED) {
        msg += &format!("    {d:6.2} pt  ours {o}\n               poppler {t}\n");
    }
    Some(msg)
}

#[test]
fn board_paper_words_agree_with_poppler() {
    if let Some(msg) = check_document(BOARD_PAPER) {
        panic!("{msg}");
    }
}

#[test]
fn plan_v3_words_agree_with_poppler() {
    if let Some(msg) = check_document(PLAN_V3) {
        panic!("{msg}");
    }
}

/// The fixtures must exist, hold words, cover every page and have as many pages as the PDFs,
/// so that the agreement tests cannot pass vacuously.
#[test]
fn poppler_fixtures_are_present_and_complete() {
    for rel in [BOARD_PAPER, PLAN_V3] {
        let poppler = load_poppler(rel);
        let path = tsv_path(rel);
        assert!(
            poppler.words.len() > 1000,
            "{}: only {} words; regenerate with make.sh",
            path.display(),
            poppler.words.len()
        );
        let doc = open(rel);
        assert_eq!(
            poppler.pages,
            doc.page_count(),
            "{}: #pages disagrees with {rel}",
            path.display()
        );
        for w in &poppler.words {
            assert!(
                (1..=poppler.pages).contains(&w.page),
                "{}: word on page {} outside 1..={}",
                path.display(),
                w.page,
                poppler.pages
            );
            assert!(
                !w.text.is_empty() && w.x0 <= w.x1 && w.top <= w.bottom,
                "{}: bad word {w}",
                path.display()
            );
        }
        // Every page of these fixtures has text.
        for n in 1..=poppler.pages {
            assert!(
                poppler.words.iter().any(|w| w.page == n),
                "{}: no words on page {n}",
                path.display()
            );
        }
    }
}

/// The matcher itself: same text pairs by nearest centre, different text never pairs.
#[test]
fn matcher_pairs_nearest_same_text_words() {
    let w = |page, text: &str, x: f64| W {
        page,
        text: text.into(),
        x0: x,
        top: 0.0,
        x1: x + 10.0,
        bottom: 10.0,
    };
    let ours = vec![
        w(1, "a", 0.0),
        w(1, "a", 100.0),
        w(1, "b", 50.0),
        w(2, "a", 0.0),
    ];
    let theirs = vec![
        w(1, "a", 101.0),
        w(1, "a", 1.0),
        w(1, "c", 50.0),
        w(1, "a", 0.0),
    ];
    let (a, _) = agree(&ours, &theirs);
    assert_eq!(a.matched(), 2);
    assert_eq!(a.max_distance(), 1.0);
    assert_eq!(
        a.unmatched_ours
            .iter()
            .map(|w| (w.page, w.text.as_str()))
            .collect::<Vec<_>>(),
        [(1, "b"), (2, "a")]
    );
    let mut un: Vec<_> = a
        .unmatched_theirs
        .iter()
        .map(|w| (w.text.as_str(), w.x0))
        .collect();
    un.sort_by(|p, q| p.1.total_cmp(&q.1));
    assert_eq!(un, [("a", 1.0), ("c", 50.0)]);
}
