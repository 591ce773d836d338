//! Synthetic PDFs, each a page or two built for one feature of the `pdf` stage, with the
//! exact words and positions they must give.
//!
//! Most files are built here with lopdf ([`OnePage`]; lopdf 0.47 writes a cross-reference
//! stream by default). What lopdf cannot write (encryption, another producer's object
//! streams) comes from `fixtures/synthetic/`, made by qpdf with `fixtures/synthetic/make.sh`
//! and committed, so CI needs no qpdf.
//!
//! Positions are checked twice: [`glyph_runs`] joins touching glyphs in content order, so
//! the `pdf` stage is checked on its own; `layout::words` is checked for the word texts, and
//! for word boxes in `layout_word_boxes_cover_all_their_glyphs`.
//!
//! Arithmetic used throughout: positions are in the displayed page frame (points, origin
//! top-left, y down), so a baseline at PDF y = b on a page H tall is at y = H − b. Courier is
//! a standard-14 font with every glyph 600/1000 em wide, ascent 629 and descent −157 (its
//! AFM), so at 12 pt a glyph is 7.2 pt wide, its box reaches 7.548 pt above the baseline and
//! 1.884 pt below.

use boardpaper::geom::Rect;
use boardpaper::layout::{self, Settings, Word};
use boardpaper::pdf::{
    Direction, Document, Error, Limit, Limits, OpenOptions, PagePrimitives, WarningKind,
};
use lopdf::content::{Content, Operation};
use lopdf::{dictionary, Dictionary, Object, ObjectId, Stream};

use crate::common::fixture;

// ---------------------------------------------------------------------------------------
// Building and reading one-page PDFs.

/// A one-page PDF under construction: add fonts and forms, then [`OnePage::finish`] with the
/// page's content stream.
struct OnePage {
    doc: lopdf::Document,
    media_box: [i64; 4],
    rotate: Option<i64>,
    fonts: Dictionary,
    xobjects: Dictionary,
}

impl OnePage {
    /// A page `width` × `height` points (MediaBox [0 0 width height]).
    fn new(width: i64, height: i64) -> Self {
        OnePage {
            doc: lopdf::Document::with_version("1.7"),
            media_box: [0, 0, width, height],
            rotate: None,
            fonts: Dictionary::new(),
            xobjects: Dictionary::new(),
        }
    }

    /// Set the page's /Rotate.
    fn rotate(mut self, degrees: i64) -> Self {
        self.rotate = Some(degrees);
        self
    }

    /// Add an indirect object.
    fn add(&mut self, object: impl Into<Object>) -> ObjectId {
        self.doc.add_object(object)
    }

    /// Add a font dictionary as an indirect object named `/name` in the page's resources.
    fn font(&mut self, name: &str, dict: Dictionary) -> ObjectId {
        let id = self.add(dict);
        self.fonts.set(name, id);
        id
    }

    /// Add a stream named `/name` in the page's /XObject resources.
    fn xobject(&mut self, name: &str, stream: Stream) -> ObjectId {
        let id = self.add(stream);
        self.xobjects.set(name, id);
        id
    }

    /// Write the file with `content` as the page's content stream.
    fn finish(self, content: &[u8]) -> Vec<u8> {
        self.finish_stream(Stream::new(Dictionary::new(), content.to_vec()))
    }

    /// Write the file with a ready-made content stream (e.g. a compressed one).
    fn finish_stream(self, content: Stream) -> Vec<u8> {
        let mut bytes = Vec::new();
        self.build(content)
            .save_to(&mut bytes)
            .expect("lopdf writes the file");
        bytes
    }

    /// The finished document, not yet saved.
    fn build(mut self, content: Stream) -> lopdf::Document {
        let content_id = self.add(content);
        let pages_id = self.doc.new_object_id();
        let mut resources = Dictionary::new();
        if !self.fonts.is_empty() {
            resources.set("Font", std::mem::take(&mut self.fonts));
        }
        if !self.xobjects.is_empty() {
            resources.set("XObject", std::mem::take(&mut self.xobjects));
        }
        let mut page = dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "MediaBox" => self.media_box.iter().map(|&v| Object::Integer(v)).collect::<Vec<_>>(),
            "Resources" => resources,
            "Contents" => content_id,
        };
        if let Some(r) = self.rotate {
            page.set("Rotate", r);
        }
        let page_id = self.add(page);
        let pages = dictionary! { "Type" => "Pages", "Kids" => vec![page_id.into()], "Count" => 1 };
        self.doc.objects.insert(pages_id, Object::Dictionary(pages));
        let catalog = self.add(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
        self.doc.trailer.set("Root", catalog);
        self.doc
    }
}

/// A standard-14 font used without /Widths or a descriptor (9.6.2.2).
fn std14(base_font: &str) -> Dictionary {
    dictionary! { "Type" => "Font", "Subtype" => "Type1", "BaseFont" => base_font }
}

/// Open a PDF held in memory under the name "synthetic.pdf".
fn open(bytes: &[u8]) -> Document {
    Document::from_bytes(bytes, "synthetic.pdf", &OpenOptions::default()).expect("the PDF opens")
}

/// Page 1 of a PDF held in memory.
fn page1(bytes: &[u8]) -> PagePrimitives {
    open(bytes).page(1).expect("page 1 is there")
}

/// The page's words with the default layout settings.
fn words(page: &PagePrimitives) -> Vec<Word> {
    layout::words(&page.glyphs, &Settings::default())
}

fn texts(words: &[Word]) -> Vec<&str> {
    words.iter().map(|w| w.text.as_str()).collect()
}

/// Within 0.01 pt: the expected values below are exact arithmetic, the page is f64.
fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 0.01
}

/// Runs of touching, non-blank glyphs in content order, each with the union of its glyph
/// boxes: the words as the `pdf` stage drew them, independent of the `layout` stage.
fn glyph_runs(page: &PagePrimitives) -> Vec<(String, Rect)> {
    let touch = |a: &Rect, b: &Rect| {
        let t = 0.01;
        b.x0 <= a.x1 + t && a.x0 <= b.x1 + t && b.top <= a.bottom + t && a.top <= b.bottom + t
    };
    let mut runs: Vec<(String, Rect)> = Vec::new();
    let mut last: Option<Rect> = None;
    for g in &page.glyphs {
        if g.text.trim().is_empty() {
            last = None;
            continue;
        }
        match (runs.last_mut(), last) {
            (Some((text, bbox)), Some(prev)) if touch(&prev, &g.bbox) => {
                text.push_str(&g.text);
                *bbox = bbox.union(&g.bbox);
            }
            _ => runs.push((g.text.to_string(), g.bbox)),
        }
        last = Some(g.bbox);
    }
    runs
}

/// Assert the page's glyph runs (see [`glyph_runs`]): texts and boxes `[x0, top, x1,
/// bottom]` within 0.01 pt.
#[track_caller]
fn assert_runs(page: &PagePrimitives, expected: &[(&str, [f64; 4])]) {
    let got = glyph_runs(page);
    let ok = got.len() == expected.len()
        && got.iter().zip(expected).all(|((text, b), (e_text, e))| {
            text == e_text
                && [b.x0, b.top, b.x1, b.bottom]
                    .iter()
                    .zip(e)
                    .all(|(&g, &e)| close(g, e))
        });
    assert!(ok, "expected {expected:?}\n     got {got:?}");
}

/// Assert a word's text and box `[x0, top, x1, bottom]` within 0.01 pt.
#[track_caller]
fn assert_word(word: &Word, text: &str, bbox: [f64; 4]) {
    let got = [word.bbox.x0, word.bbox.top, word.bbox.x1, word.bbox.bottom];
    assert!(
        word.text == text && got.iter().zip(&bbox).all(|(&g, &e)| close(g, e)),
        "expected {text:?} at {bbox:?}, got {:?} at {got:?}",
        word.text
    );
}

/// Assert a list of numbers within 0.01 each.
#[track_caller]
fn assert_all_close(got: &[f64], expected: &[f64]) {
    assert!(
        got.len() == expected.len() && got.iter().zip(expected).all(|(&g, &e)| close(g, e)),
        "expected {expected:?}, got {got:?}"
    );
}

fn warning_kinds(page: &PagePrimitives) -> Vec<&WarningKind> {
    page.warnings.iter().map(|w| &w.kind).collect()
}

/// Open a committed fixture from `fixtures/synthetic/`.
fn open_fixture(name: &str, password: Option<&str>) -> Result<Document, Error> {
    let options = OpenOptions {
        password: password.map(str::to_string),
        ..Default::default()
    };
    Document::open(&fixture(&format!("synthetic/{name}")), &options)
}

/// The words of every qpdf fixture with their boxes.
///
/// Line 1: baseline y = 200 − 150 = 50; top 50 − 7.548, bottom 50 + 1.884.
/// "Agenda" 6 × 7.2 = 43.2 pt from x = 20; "item" after 7 glyphs: 20 + 7 × 7.2 = 70.4,
/// 4 × 7.2 = 28.8 wide; "4" after 12 glyphs: 20 + 86.4 = 106.4.
/// Line 2: 0 −20 Td, baseline y = 200 − 130 = 70; "2015/16" 7 × 7.2 = 50.4 from 70.4.
const BASE_TEXT: &[(&str, [f64; 4])] = &[
    ("Agenda", [20.0, 42.452, 63.2, 51.884]),
    ("item", [70.4, 42.452, 99.2, 51.884]),
    ("4", [106.4, 42.452, 113.6, 51.884]),
    ("Budget", [20.0, 62.452, 63.2, 71.884]),
    ("2015/16", [70.4, 62.452, 120.8, 71.884]),
];

/// The text every qpdf fixture holds (`fixtures/synthetic/make.sh`): a 300 × 200 page,
/// Courier 12 pt, "Agenda item 4" on the baseline PDF y = 150 and "Budget 2015/16" on y = 130.
#[track_caller]
fn assert_base_text(doc: &Document) {
    assert_eq!(doc.page_count(), 1);
    let page = doc.page(1).expect("page 1");
    assert_eq!(
        (page.info.width, page.info.height, page.info.rotation),
        (300.0, 200.0, 0)
    );
    assert!(page.warnings.is_empty(), "warnings: {:?}", page.warnings);
    assert_runs(&page, BASE_TEXT);
    let w = words(&page);
    assert_eq!(texts(&w), ["Agenda", "item", "4", "Budget", "2015/16"]);
    assert!(w
        .iter()
        .all(|w| &*w.font == "Courier" && w.size == 12.0 && w.direction == Direction::Ltr));
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

fn fixture_bytes(name: &str) -> Vec<u8> {
    std::fs::read(fixture(&format!("synthetic/{name}"))).expect("fixture is committed")
}

// ---------------------------------------------------------------------------------------
// 1. Cross-reference streams and object streams.

#[test]
fn base_fixture_reads_exactly() {
    // The control for every qpdf fixture below: the same text in a plain, classic-xref file.
    let doc = open_fixture("base.pdf", None).unwrap();
    assert!(doc.warnings().is_empty(), "{:?}", doc.warnings());
    assert_base_text(&doc);
}

#[test]
fn xref_stream_and_object_streams_from_qpdf() {
    let bytes = fixture_bytes("objstm.pdf");
    // The file really has the structures under test: an /XRef stream instead of a table, an
    // /ObjStm, and the font dictionary only inside the (compressed) object stream.
    assert!(contains(&bytes, b"/Type /XRef") && contains(&bytes, b"/Type /ObjStm"));
    assert!(!contains(&bytes, b"\nxref") && !contains(&bytes, b"/BaseFont"));
    let doc = open_fixture("objstm.pdf", None).unwrap();
    assert!(
        doc.warnings().is_empty(),
        "no xref recovery expected: {:?}",
        doc.warnings()
    );
    assert_base_text(&doc);
}

#[test]
fn xref_stream_and_object_streams_from_lopdf() {
    // The same structures written by lopdf's own modern writer: a Helvetica page whose font
    // and page dictionaries sit in a compressed object stream.
    let mut b = OnePage::new(300, 200);
    b.font("F1", std14("Helvetica"));
    let content = Stream::new(
        Dictionary::new(),
        b"BT /F1 10 Tf 30 100 Td (Minutes) Tj ET".to_vec(),
    );
    let mut bytes = Vec::new();
    b.build(content).save_modern(&mut bytes).unwrap();
    assert!(contains(&bytes, b"/ObjStm") && contains(&bytes, b"/XRef"));
    assert!(
        !contains(&bytes, b"/BaseFont"),
        "the font dictionary is in the object stream"
    );

    let page = page1(&bytes);
    // Helvetica AFM: M 833, i 222, n 556, u 556, t 278, e 556, s 500 → 3501/1000 × 10 pt =
    // 35.01 pt from x = 30; ascent 718, descent −207 around the baseline y = 200 − 100 = 100.
    assert_eq!(texts(&words(&page)), ["Minutes"]);
    assert_runs(&page, &[("Minutes", [30.0, 92.82, 65.01, 102.07])]);
}

// ---------------------------------------------------------------------------------------
// 2. Encryption with an empty user password: opens without asking.

#[test]
fn rc4_40_bit_empty_user_password() {
    assert!(contains(&fixture_bytes("rc4-40.pdf"), b"/V 1"));
    assert_base_text(&open_fixture("rc4-40.pdf", None).unwrap());
}

#[test]
fn rc4_128_bit_empty_user_password() {
    let bytes = fixture_bytes("rc4-128.pdf");
    // RC4 revision 3 (/V 2), and the content stream is uncompressed yet unreadable as is.
    assert!(contains(&bytes, b"/V 2") && contains(&bytes, b"/R 3"));
    assert!(!contains(&bytes, b"Agenda"));
    assert_base_text(&open_fixture("rc4-128.pdf", None).unwrap());
}

#[test]
fn aes_128_empty_user_password() {
    let bytes = fixture_bytes("aes-128.pdf");
    assert!(contains(&bytes, b"/AESV2") && !contains(&bytes, b"Agenda"));
    assert_base_text(&open_fixture("aes-128.pdf", None).unwrap());
}

#[test]
fn aes_256_empty_user_password() {
    let bytes = fixture_bytes("aes-256.pdf");
    assert!(
        contains(&bytes, b"/AESV3") && contains(&bytes, b"/R 6") && !contains(&bytes, b"Agenda")
    );
    assert_base_text(&open_fixture("aes-256.pdf", None).unwrap());
}

#[test]
fn aes_256_with_object_streams() {
    let bytes = fixture_bytes("aes-256-objstm.pdf");
    assert!(contains(&bytes, b"/AESV3") && contains(&bytes, b"/ObjStm"));
    assert_base_text(&open_fixture("aes-256-objstm.pdf", None).unwrap());
}

#[test]
fn empty_user_password_files_ignore_a_given_password() {
    // A password supplied for a file that does not need one changes nothing.
    assert_base_text(&open_fixture("aes-256.pdf", Some("anything")).unwrap());
}

// ---------------------------------------------------------------------------------------
// 3. A user password.

#[test]
fn user_password_is_required() {
    let path = fixture("synthetic/user-password.pdf");
    match open_fixture("user-password.pdf", None) {
        Err(e @ Error::PasswordRequired { .. }) => {
            let msg = e.to_string();
            assert!(msg.contains("password required"), "{msg}");
            assert!(
                msg.contains(&path.display().to_string()),
                "the message names the file: {msg}"
            );
        }
        other => panic!("expected PasswordRequired, got {other:?}"),
    }
}

#[test]
fn user_password_opens_with_the_password() {
    assert_base_text(&open_fixture("user-password.pdf", Some("secret")).unwrap());
}

#[test]
fn user_password_wrong_password() {
    match open_fixture("user-password.pdf", Some("not-the-secret")) {
        Err(e @ Error::WrongPassword { .. }) => {
            assert!(e.to_string().contains("wrong password"), "{e}")
        }
        other => panic!("expected WrongPassword, got {other:?}"),
    }
}

#[test]
fn user_password_owner_password_also_opens() {
    // 7.6.4.4: the owner password opens the file too.
    assert_base_text(&open_fixture("user-password.pdf", Some("owner")).unwrap());
}

/// `boardpaper words FILE ...` with no password in the environment.
fn cli_words(file: &std::path::Path, extra: &[&str]) -> assert_cmd::assert::Assert {
    crate::common::bp()
        .env_remove("BOARDPAPER_PASSWORD")
        .arg("words")
        .arg(file)
        .args(extra)
        .assert()
}

#[test]
fn cli_password_exit_status_and_messages() {
    let file = fixture("synthetic/user-password.pdf");
    let name = file.display().to_string();

    // No password: status 6, a message naming the file.
    let out = cli_words(&file, &[]).code(6).get_output().clone();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("password required") && stderr.contains(&name),
        "{stderr}"
    );
    assert!(out.stdout.is_empty());

    // Wrong password: status 6 too, a different message.
    let out = cli_words(&file, &["--password", "nope"])
        .code(6)
        .get_output()
        .clone();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("wrong password") && stderr.contains(&name),
        "{stderr}"
    );

    // The right one: status 0 and the words in the JSON.
    let out = cli_words(&file, &["--password", "secret"])
        .code(0)
        .get_output()
        .clone();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let got: Vec<&str> = json["pages"][0]["words"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["text"].as_str().unwrap())
        .collect();
    assert_eq!(got, ["Agenda", "item", "4", "Budget", "2015/16"]);
    let p = &json["pages"][0];
    assert_eq!(
        (
            p["width"].as_f64(),
            p["height"].as_f64(),
            p["rotation"].as_u64()
        ),
        (Some(300.0), Some(200.0), Some(0))
    );
}

// ---------------------------------------------------------------------------------------
// 4. /Rotate 90.

/// "Rotated" 7 × 7.2 = 50.4 from X = 50; "page" from 50 + 8 × 7.2 = 107.6, 28.8 wide;
/// baseline Y = 100, top 100 − 7.548, bottom 100 + 1.884.
const ROTATED_TEXT: &[(&str, [f64; 4])] = &[
    ("Rotated", [50.0, 92.452, 100.4, 101.884]),
    ("page", [107.6, 92.452, 136.4, 101.884]),
];

/// A 200 × 400 page with /Rotate 90 and text drawn to read upright on screen.
fn rotated_upright_page() -> Vec<u8> {
    // MediaBox 200 wide, 400 tall, shown turned 90° clockwise: 400 wide, 200 tall. With
    // /Rotate 90 a displayed point (X, Y) is PDF (x = Y, y = X). Text that reads upright on
    // screen runs along PDF +y with its "up" along PDF −x: text matrix [0 1 −1 0 e f].
    // Displayed origin X = 50, Y = 100 → e = 100, f = 50.
    let mut b = OnePage::new(200, 400).rotate(90);
    b.font("F1", std14("Courier"));
    b.finish(b"BT /F1 12 Tf 0 1 -1 0 100 50 Tm (Rotated page) Tj ET")
}

/// A 200 × 400 page with /Rotate 90 and ordinary content: it runs down the screen.
fn rotated_sideways_page() -> Vec<u8> {
    // Left-to-right content at PDF (20, 300): displayed at X = 300, Y = 20.
    let mut b = OnePage::new(200, 400).rotate(90);
    b.font("F1", std14("Courier"));
    b.finish(b"BT /F1 12 Tf 20 300 Td (Sideways text) Tj ET")
}

/// The glyphs' "up" is displayed +X: the boxes span X 300 − 1.884 to 300 + 7.548.
/// "Sideways" 8 × 7.2 = 57.6 down from Y = 20; "text" from 20 + 9 × 7.2 = 84.8 to 113.6.
const SIDEWAYS_TEXT: &[(&str, [f64; 4])] = &[
    ("Sideways", [298.116, 20.0, 307.548, 77.6]),
    ("text", [298.116, 84.8, 307.548, 113.6]),
];

#[test]
fn rotate_90_with_content_drawn_to_display_upright() {
    let page = page1(&rotated_upright_page());
    assert_eq!(
        (page.info.width, page.info.height, page.info.rotation),
        (400.0, 200.0, 90)
    );
    assert!(page
        .glyphs
        .iter()
        .all(|g| g.direction == Direction::Ltr && g.size == 12.0));
    assert_eq!(texts(&words(&page)), ["Rotated", "page"]);
    assert_runs(&page, ROTATED_TEXT);
}

#[test]
fn rotate_90_with_plain_content_runs_top_to_bottom() {
    let page = page1(&rotated_sideways_page());
    assert_eq!(
        (page.info.width, page.info.height, page.info.rotation),
        (400.0, 200.0, 90)
    );
    assert!(page.glyphs.iter().all(|g| g.direction == Direction::Ttb));
    assert_eq!(u16::from(page.glyphs[0].direction), 90);
    // Glyph origins step 7.2 pt down: S at Y = 20, i at 27.2.
    assert!(close(page.glyphs[0].origin.x, 300.0) && close(page.glyphs[0].origin.y, 20.0));
    assert!(close(page.glyphs[1].origin.x, 300.0) && close(page.glyphs[1].origin.y, 27.2));
    let w = words(&page);
    assert_eq!(texts(&w), ["Sideways", "text"]);
    assert!(w.iter().all(|w| w.direction == Direction::Ttb));
    assert_runs(&page, SIDEWAYS_TEXT);
}

#[test]
fn layout_word_boxes_cover_all_their_glyphs() {
    // The glyph runs above check the `pdf` stage; this checks that `layout::words` gives each
    // word the union of its glyph boxes, in all three frames used here.
    let base = open_fixture("base.pdf", None).unwrap().page(1).unwrap();
    let upright = page1(&rotated_upright_page());
    let sideways = page1(&rotated_sideways_page());
    for (page, expected) in [
        (&base, BASE_TEXT),
        (&upright, ROTATED_TEXT),
        (&sideways, SIDEWAYS_TEXT),
    ] {
        let w = words(page);
        assert_eq!(w.len(), expected.len());
        for (word, (text, bbox)) in w.iter().zip(expected) {
            assert_word(word, text, *bbox);
        }
    }
    // And the CLI's JSON, rounded to 0.01 pt.
    let out = cli_words(&fixture("synthetic/base.pdf"), &[])
        .code(0)
        .get_output()
        .clone();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        json["pages"][0]["words"][0]["bbox"],
        serde_json::json!([20.0, 42.45, 63.2, 51.88])
    );
}

// ---------------------------------------------------------------------------------------
// 5. Form XObjects.

#[test]
fn text_in_a_form_xobject_with_its_own_matrix_and_font() {
    // The page's /F1 is Helvetica; the form's own /F1 is Courier. The form is translated by
    // (100, 50) and the page draws it after a further `cm` of (10, 0).
    let mut b = OnePage::new(300, 200);
    b.font("F1", std14("Helvetica"));
    let courier = b.add(std14("Courier"));
    let form = Stream::new(
        dictionary! {
            "Type" => "XObject", "Subtype" => "Form",
            "BBox" => vec![0.into(), 0.into(), 200.into(), 100.into()],
            "Matrix" => vec![1.into(), 0.into(), 0.into(), 1.into(), 100.into(), 50.into()],
            "Resources" => dictionary! { "Font" => dictionary! { "F1" => courier } },
        },
        b"BT /F1 10 Tf 10 20 Td (Inside form) Tj ET".to_vec(),
    );
    b.xobject("Fm1", form);
    let bytes = b.finish(b"q 1 0 0 1 10 0 cm /Fm1 Do Q BT /F1 10 Tf 20 170 Td (Page) Tj ET");
    let page = page1(&bytes);
    assert!(page.warnings.is_empty(), "{:?}", page.warnings);
    let w = words(&page);
    assert_eq!(texts(&w), ["Page", "Inside", "form"]);
    assert_eq!(&*w[0].font, "Helvetica");
    assert_eq!(&*w[1].font, "Courier");
    // "Page" in Helvetica 10 pt at PDF (20, 170) → y = 30 (the form's resources and matrix
    // did not leak out): P 667 + a 556 + g 556 + e 556 = 2335 → 23.35 pt wide.
    // Form text at form (10, 20) → page PDF (10 + 100 + 10, 20 + 50) = (120, 70) → y = 130.
    // Courier 10 pt: 6 pt per glyph, ascent 6.29, descent 1.57. "Inside" 36 pt from 120;
    // "form" from 120 + 7 × 6 = 162 to 186.
    // In content order: the form first.
    assert_runs(
        &page,
        &[
            ("Inside", [120.0, 123.71, 156.0, 131.57]),
            ("form", [162.0, 123.71, 186.0, 131.57]),
            ("Page", [20.0, 30.0 - 7.18, 43.35, 30.0 + 2.07]),
        ],
    );
}

// ---------------------------------------------------------------------------------------
// 6. Composite fonts.

/// A ToUnicode CMap with both bfchar and both forms of bfrange.
const CAFE_TO_UNICODE: &[u8] = b"/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<0000> <FFFF>
endcodespacerange
1 beginbfchar
<0013> <00E9>
endbfchar
2 beginbfrange
<0010> <0011> [<0043> <0061>]
<0012> <0012> <0066>
endbfrange
1 beginbfchar
<0014> <0021>
endbfchar
endcmap
CMapName currentdict /CMap defineresource pop
end
end
";

#[test]
fn type0_identity_h_with_w_widths_and_to_unicode() {
    // CIDs 0x10..0x14 are C a f é ! through the ToUnicode CMap. /W gives C 700, a 500 and
    // f, é 400 (the `first last width` form); "!" (CID 0x14) is not in /W so it takes /DW 900.
    let mut b = OnePage::new(300, 200);
    let to_unicode = b.add(Stream::new(Dictionary::new(), CAFE_TO_UNICODE.to_vec()));
    let descriptor = b.add(dictionary! {
        "Type" => "FontDescriptor", "FontName" => "CafeSans", "Flags" => 32,
        "FontBBox" => vec![0.into(), (-200).into(), 1000.into(), 800.into()],
        "ItalicAngle" => 0, "Ascent" => 800, "Descent" => -200, "CapHeight" => 700, "StemV" => 80,
    });
    let cid_font = b.add(dictionary! {
        "Type" => "Font", "Subtype" => "CIDFontType2", "BaseFont" => "CafeSans",
        "CIDSystemInfo" => dictionary! {
            "Registry" => Object::string_literal("Adobe"), "Ordering" => Object::string_literal("Identity"), "Supplement" => 0,
        },
        "FontDescriptor" => descriptor,
        "DW" => 900,
        "W" => vec![16.into(), vec![700.into(), 500.into()].into(), 18.into(), 19.into(), 400.into()],
        "CIDToGIDMap" => "Identity",
    });
    b.font("F2", dictionary! {
        "Type" => "Font", "Subtype" => "Type0", "BaseFont" => "CafeSans", "Encoding" => "Identity-H",
        "DescendantFonts" => vec![cid_font.into()], "ToUnicode" => to_unicode,
    });
    let bytes = b.finish(b"BT /F2 10 Tf 20 100 Td <00100011001200130014> Tj ET");
    let page = page1(&bytes);
    assert!(page.warnings.is_empty(), "{:?}", page.warnings);
    let text: Vec<&str> = page.glyphs.iter().map(|g| g.text.as_str()).collect();
    assert_eq!(text, ["C", "a", "f", "é", "!"]);
    // Advances at 10 pt: 7, 5, 4, 4 from /W and 9 from /DW.
    let advances: Vec<f64> = page.glyphs.iter().map(|g| g.advance).collect();
    assert_all_close(&advances, &[7.0, 5.0, 4.0, 4.0, 9.0]);
    let origins: Vec<f64> = page.glyphs.iter().map(|g| g.origin.x).collect();
    assert_all_close(&origins, &[20.0, 27.0, 32.0, 36.0, 40.0]);
    // 20 + 7 + 5 + 4 + 4 + 9 = 49; descriptor ascent 800, descent −200 → 8 pt up, 2 pt down
    // from the baseline y = 200 − 100 = 100.
    assert_runs(&page, &[("Café!", [20.0, 92.0, 49.0, 102.0])]);
    let w = words(&page);
    assert_eq!(texts(&w), ["Café!"]);
    assert_eq!(&*w[0].font, "CafeSans");
}

// ---------------------------------------------------------------------------------------
// 7. Standard-14 fonts without /Widths.

#[test]
fn helvetica_without_widths_uses_the_afm() {
    let mut b = OnePage::new(300, 200);
    b.font("F1", std14("Helvetica"));
    let bytes = b.finish(b"BT /F1 10 Tf 50 100 Td (Hello) Tj ET");
    let page = page1(&bytes);
    assert!(page.warnings.is_empty(), "{:?}", page.warnings);
    // Helvetica AFM widths: H 722, e 556, l 222, l 222, o 556 (per 1000 em) at 10 pt.
    let advances: Vec<f64> = page.glyphs.iter().map(|g| g.advance).collect();
    assert_all_close(&advances, &[7.22, 5.56, 2.22, 2.22, 5.56]);
    // (722 + 556 + 222 + 222 + 556) / 1000 × 10 = 22.78 pt from x = 50; AFM ascender 718,
    // descender −207 around the baseline y = 200 − 100 = 100.
    assert_runs(&page, &[("Hello", [50.0, 92.82, 72.78, 102.07])]);
    let w = words(&page);
    assert_eq!(texts(&w), ["Hello"]);
    assert_eq!(&*w[0].font, "Helvetica");
}

// ---------------------------------------------------------------------------------------
// 8. Bullets.

#[test]
fn symbol_font_bullet() {
    // Code 0xB7 (octal 267) is /bullet in Symbol's built-in encoding; its AFM width is 460.
    let mut b = OnePage::new(300, 200);
    b.font("F3", std14("Symbol"));
    b.font("F1", std14("Courier"));
    let bytes = b.finish(b"BT /F3 10 Tf 20 100 Td (\\267) Tj /F1 10 Tf 20 0 Td (Item) Tj ET");
    let page = page1(&bytes);
    assert_eq!(page.glyphs[0].text, "\u{2022}");
    assert!(
        close(page.glyphs[0].advance, 4.6),
        "460/1000 × 10 pt: {}",
        page.glyphs[0].advance
    );
    let w = words(&page);
    assert_eq!(texts(&w), ["•", "Item"]);
    assert_eq!(&*w[0].font, "Symbol");
    // The bullet: 4.6 pt from x = 20, Symbol's ascent 1010 and descent −293 (10.1 and 2.93 pt
    // around y = 100). "Item" in Courier 10 pt from x = 20 + 20 = 40: 4 × 6 = 24 pt.
    assert_runs(
        &page,
        &[
            ("\u{2022}", [20.0, 89.9, 24.6, 102.93]),
            ("Item", [40.0, 93.71, 64.0, 101.57]),
        ],
    );
}

#[test]
fn private_use_bullet_from_to_unicode() {
    // A Wingdings-style subset: code 1 maps to U+F0B7 (the private-use bullet Word writes).
    let cmap = b"/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CMapName /Bullets def
/CMapType 2 def
1 begincodespacerange
<00> <FF>
endcodespacerange
1 beginbfchar
<01> <F0B7>
endbfchar
endcmap
CMapName currentdict /CMap defineresource pop
end
end
";
    let mut b = OnePage::new(300, 200);
    let to_unicode = b.add(Stream::new(Dictionary::new(), cmap.to_vec()));
    let descriptor = b.add(dictionary! {
        "Type" => "FontDescriptor", "FontName" => "ABCDEF+Symbol", "Flags" => 4,
        "FontBBox" => vec![0.into(), (-220).into(), 1000.into(), 1005.into()],
        "ItalicAngle" => 0, "Ascent" => 1005, "Descent" => -220, "CapHeight" => 700, "StemV" => 80,
    });
    b.font(
        "F4",
        dictionary! {
            "Type" => "Font", "Subtype" => "TrueType", "BaseFont" => "ABCDEF+Symbol",
            "FirstChar" => 1, "LastChar" => 1, "Widths" => vec![460.into()],
            "FontDescriptor" => descriptor, "ToUnicode" => to_unicode,
        },
    );
    let bytes = b.finish(b"BT /F4 12 Tf 20 100 Td <01> Tj ET");
    let page = page1(&bytes);
    assert!(page.warnings.is_empty(), "{:?}", page.warnings);
    assert_eq!(page.glyphs.len(), 1);
    assert_eq!(page.glyphs[0].text, "\u{2022}");
    // /Widths 460 at 12 pt = 5.52 pt.
    assert!(close(page.glyphs[0].advance, 5.52));
    assert_eq!(texts(&words(&page)), ["•"]);
}

// ---------------------------------------------------------------------------------------
// 9. Content-stream syntax errors.

/// The page's text after a syntax error in its content between two text objects.
fn page_with_garbage(garbage: &[u8]) -> PagePrimitives {
    let mut b = OnePage::new(612, 792);
    b.font("F1", std14("Courier"));
    let mut content = b"BT /F1 12 Tf 72 700 Td (before) Tj ET\n".to_vec();
    content.extend_from_slice(garbage);
    content.extend_from_slice(b"\nBT /F1 12 Tf 72 600 Td (after) Tj ET\n");
    page1(&b.finish(&content))
}

#[test]
fn syntax_error_unterminated_dictionary_keeps_the_text_before() {
    let page = page_with_garbage(b"<< /A 1 /B");
    // "before" at PDF (72, 700) → y = 792 − 700 = 92; 6 × 7.2 = 43.2 pt wide.
    // BT, Tf, Td, Tj, ET: five operators before the error; the rest of the stream is not
    // read (the documented contract of WarningKind::ContentSyntax), so no "after".
    assert_runs(
        &page,
        &[("before", [72.0, 92.0 - 7.548, 115.2, 92.0 + 1.884])],
    );
    assert_eq!(texts(&words(&page)), ["before"]);
    assert!(
        warning_kinds(&page).contains(&&WarningKind::ContentSyntax { operators_read: 5 }),
        "{:?}",
        page.warnings
    );
}

#[test]
fn syntax_error_inline_image_without_end_keeps_the_text_before() {
    let page = page_with_garbage(b"BI /W 4 /H 4 /BPC 8 /CS /G ID \x00\x01\x02\x03 no end marker");
    // As above; the image data swallows the rest of the stream.
    assert_runs(&page, &[("before", [72.0, 84.452, 115.2, 93.884])]);
    assert!(
        page.warnings
            .iter()
            .any(|w| matches!(w.kind, WarningKind::ContentSyntax { operators_read: 5 })),
        "{:?}",
        page.warnings
    );
}

#[test]
fn well_formed_content_has_no_syntax_warning() {
    // The control for the two tests above: with nothing between the text objects both are
    // read and nothing is reported.
    let page = page_with_garbage(b"");
    assert_eq!(texts(&words(&page)), ["before", "after"]);
    assert!(page.warnings.is_empty(), "{:?}", page.warnings);
}

// ---------------------------------------------------------------------------------------
// 10. Streams that inflate past the limit.

/// A page whose compressed content is `BT ... (x) Tj ET` followed by `padding` spaces.
fn page_with_big_content(padding: usize) -> Vec<u8> {
    let mut b = OnePage::new(300, 200);
    b.font("F1", std14("Courier"));
    let mut plain = b"BT /F1 12 Tf 20 100 Td (Visible) Tj ET\n".to_vec();
    plain.resize(plain.len() + padding, b' ');
    let mut stream = Stream::new(Dictionary::new(), plain);
    stream.compress().unwrap();
    b.finish_stream(stream)
}

#[test]
fn content_over_a_small_stream_limit_is_a_warning() {
    // 10,000 spaces compress to a few dozen bytes and inflate past a 1,000-byte limit.
    let bytes = page_with_big_content(10_000);
    assert!(bytes.len() < 2_000, "the file is small: {}", bytes.len());
    let options = OpenOptions {
        limits: Limits {
            stream_bytes: 1_000,
            ..Limits::default()
        },
        ..Default::default()
    };
    let doc = Document::from_bytes(&bytes, "bomb.pdf", &options).expect("opening is not an error");
    let page = doc.page(1).expect("the page is not an error");
    assert_eq!(
        warning_kinds(&page),
        [&WarningKind::LimitHit {
            limit: Limit::StreamBytes,
            value: 1_000
        }]
    );
    assert!(page.glyphs.is_empty());

    // The control: with the default limit (64 MiB) the same file reads.
    let page = page1(&bytes);
    assert!(page.warnings.is_empty(), "{:?}", page.warnings);
    assert_eq!(texts(&words(&page)), ["Visible"]);
}

#[test]
fn deflate_bomb_past_the_default_limit() {
    // 80 MB of spaces (past the default 64 MiB = 67,108,864 bytes) compress to about 80 KB.
    let bytes = page_with_big_content(80_000_000);
    assert!(bytes.len() < 200_000, "compressed: {} bytes", bytes.len());
    let page = page1(&bytes);
    let limit = Limits::default().stream_bytes as u64;
    assert_eq!(limit, 64 * 1024 * 1024);
    assert_eq!(
        warning_kinds(&page),
        [&WarningKind::LimitHit {
            limit: Limit::StreamBytes,
            value: limit
        }]
    );
    assert!(page.glyphs.is_empty());
}

// ---------------------------------------------------------------------------------------
// 11. Not a PDF, or a damaged one.

#[test]
fn zero_byte_file_is_not_a_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("empty.pdf");
    std::fs::write(&path, b"").unwrap();
    match Document::open(&path, &OpenOptions::default()) {
        Err(e @ Error::NotPdf { .. }) => {
            let msg = e.to_string();
            assert!(
                msg.contains("empty.pdf") && msg.contains("not a PDF") && msg.contains("empty"),
                "{msg}"
            );
        }
        other => panic!("expected NotPdf, got {other:?}"),
    }
}

#[test]
fn png_renamed_pdf_is_not_a_pdf() {
    // The PNG signature and the start of an IHDR chunk.
    let png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89";
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("scan.pdf");
    std::fs::write(&path, png).unwrap();
    match Document::open(&path, &OpenOptions::default()) {
        Err(e @ Error::NotPdf { .. }) => {
            let msg = e.to_string();
            assert!(msg.contains("scan.pdf") && msg.contains("PNG"), "{msg}");
        }
        other => panic!("expected NotPdf, got {other:?}"),
    }
    // The CLI says so with status 4.
    cli_words(&path, &[])
        .code(4)
        .stderr(predicates::str::contains("not a PDF"));
}

/// A two-page Courier PDF with a classic xref table, for truncation.
fn two_page_pdf() -> Vec<u8> {
    let mut doc = lopdf::Document::with_version("1.4");
    doc.reference_table.cross_reference_type = lopdf::xref::XrefType::CrossReferenceTable;
    let pages_id = doc.new_object_id();
    let font = doc.add_object(std14("Courier"));
    let mut kids = Vec::new();
    for (i, text) in ["First page", "Second page"].iter().enumerate() {
        let ops = vec![
            Operation::new("BT", vec![]),
            Operation::new("Tf", vec!["F1".into(), 12.into()]),
            Operation::new("Td", vec![20.into(), 100.into()]),
            Operation::new("Tj", vec![Object::string_literal(*text)]),
            Operation::new("ET", vec![]),
        ];
        let content = Content { operations: ops }.encode().unwrap();
        let content_id = doc.add_object(Stream::new(Dictionary::new(), content));
        let page = doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages_id,
            "MediaBox" => vec![0.into(), 0.into(), 300.into(), 200.into()],
            "Resources" => dictionary! { "Font" => dictionary! { "F1" => font } },
            "Contents" => content_id,
            "Label" => Object::string_literal(format!("page {}", i + 1)),
        });
        kids.push(page.into());
    }
    doc.objects.insert(
        pages_id,
        dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => 2 }.into(),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    bytes
}

#[test]
fn truncated_file_recovers_or_is_damaged() {
    let full = two_page_pdf();
    // The control: the whole file reads both pages.
    let doc = open(&full);
    assert_eq!(doc.page_count(), 2);
    assert_eq!(texts(&words(&doc.page(2).unwrap())), ["Second", "page"]);

    // The first half: no xref table or trailer left; lopdf rebuilds what it can by scanning.
    let half = &full[..full.len() / 2];
    match Document::from_bytes(half, "half.pdf", &OpenOptions::default()) {
        Ok(doc) => {
            assert!(
                doc.warnings()
                    .iter()
                    .any(|w| w.kind == WarningKind::XrefRecovered),
                "{:?}",
                doc.warnings()
            );
            for n in 1..=doc.page_count() {
                doc.page(n).expect("a recovered page can be interpreted");
            }
        }
        Err(Error::Damaged { file, .. }) => assert_eq!(file, "half.pdf"),
        Err(e) => panic!("expected recovery or Damaged, got {e:?}"),
    }
}

#[test]
fn file_cut_before_its_xref_table_is_rebuilt() {
    // Every object is there, the xref table and trailer are not: lopdf rebuilds the table
    // by scanning for objects and finds the catalog, and the document says so.
    let full = two_page_pdf();
    let cut = full
        .windows(5)
        .rposition(|w| w == b"\nxref")
        .expect("a classic xref table")
        + 1;
    let doc =
        Document::from_bytes(&full[..cut], "cut.pdf", &OpenOptions::default()).expect("recovered");
    assert_eq!(
        doc.warnings().iter().map(|w| &w.kind).collect::<Vec<_>>(),
        [&WarningKind::XrefRecovered]
    );
    assert_eq!(doc.page_count(), 2);
    let page = doc.page(2).unwrap();
    assert_eq!(texts(&words(&page)), ["Second", "page"]);
    // Courier 12 pt at PDF (20, 100) on a 200 pt page: y = 100; "Second" 6 × 7.2 = 43.2.
    assert_runs(
        &page,
        &[
            ("Second", [20.0, 92.452, 63.2, 101.884]),
            ("page", [70.4, 92.452, 99.2, 101.884]),
        ],
    );
}

#[test]
fn wrong_startxref_offset_is_rebuilt() {
    // The startxref offset points into the middle of an object.
    let full = two_page_pdf();
    let at = full.windows(9).rposition(|w| w == b"startxref").unwrap();
    let mut bytes = full[..at].to_vec();
    bytes.extend_from_slice(b"startxref\n17\n%%EOF\n");
    let doc =
        Document::from_bytes(&bytes, "offset.pdf", &OpenOptions::default()).expect("recovered");
    assert!(
        doc.warnings()
            .iter()
            .any(|w| w.kind == WarningKind::XrefRecovered),
        "{:?}",
        doc.warnings()
    );
    assert_eq!(texts(&words(&doc.page(1).unwrap())), ["First", "page"]);
}

#[test]
fn every_truncation_recovers_or_is_damaged_never_panics() {
    // Cut the file at every length: opening and interpreting every page must either work or
    // give NotPdf (before the header is complete) or Damaged, and never panic.
    let full = two_page_pdf();
    let mut outcomes = [0usize; 3];
    for len in 0..full.len() {
        match Document::from_bytes(&full[..len], "cut.pdf", &OpenOptions::default()) {
            Ok(doc) => {
                for n in 1..=doc.page_count() {
                    doc.page(n).unwrap();
                }
                outcomes[0] += 1;
            }
            Err(Error::NotPdf { .. }) => {
                assert!(len < 5, "a cut at {len} bytes keeps the %PDF- header");
                outcomes[1] += 1;
            }
            Err(Error::Damaged { .. }) => outcomes[2] += 1,
            Err(e) => panic!("cut at {len}: unexpected {e:?}"),
        }
    }
    // Cuts shorter than "%PDF-" are not PDFs; the others go either way.
    assert_eq!(outcomes[1], 5);
    assert_eq!(outcomes.iter().sum::<usize>(), full.len());
}
