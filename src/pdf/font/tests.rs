//! Tests of font loading and decoding on small in-memory documents.

use lopdf::{dictionary, Dictionary, Document, Object, Stream};

use super::*;

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

fn texts(font: &Font, bytes: &[u8]) -> Vec<String> {
    font.decode(bytes)
        .into_iter()
        .map(|c| c.unicode.to_string())
        .collect()
}

fn widths(font: &Font, bytes: &[u8]) -> Vec<f64> {
    font.decode(bytes)
        .into_iter()
        .map(|c| (c.width * 1e6).round() / 1e6)
        .collect()
}

fn cmap_stream(doc: &mut Document, body: &str) -> Object {
    let id = doc.add_object(Stream::new(dictionary! {}, body.as_bytes().to_vec()));
    Object::Reference(id)
}

fn load(doc: &Document, dict: &Dictionary) -> LoadedFont {
    Font::load(doc, dict, &Limits::default())
}

#[test]
fn helvetica_without_widths_uses_afm() {
    let doc = Document::new();
    let dict = dictionary! { "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica" };
    let loaded = load(&doc, &dict);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let f = loaded.font;
    assert_eq!(f.name(), "Helvetica");
    assert_eq!(widths(&f, b" A"), vec![0.278, 0.667]);
    assert_eq!(
        texts(&f, b"A'"),
        vec!["A", "\u{2019}"],
        "StandardEncoding: 0x27 is quoteright"
    );
    let d = f.decode(b" A");
    assert!(d[0].is_word_space && !d[1].is_word_space);
    assert_eq!(d[1].code, 65);
    assert_eq!(d[1].code_len, 1);
    // Not embedded: poppler's builtin metrics (AFM Ascender/Descender).
    assert!(close(f.ascent(), 0.718) && close(f.descent(), -0.207));
    assert!(!f.is_vertical());
    assert_eq!(f.font_matrix(), Matrix::scale(0.001, 0.001));
}

#[test]
fn aliases_get_standard_metrics() {
    let doc = Document::new();
    let dict =
        dictionary! { "Type" => "Font", "Subtype" => "TrueType", "BaseFont" => "Arial,Bold" };
    let f = load(&doc, &dict).font;
    assert_eq!(widths(&f, b"A"), vec![0.722]);
    assert_eq!(f.name(), "Arial,Bold");
    let dict = dictionary! { "Type" => "Font", "Subtype" => "TrueType", "BaseFont" => "TimesNewRomanPSMT" };
    let f = load(&doc, &dict).font;
    assert_eq!(widths(&f, b"A"), vec![0.722]);
    assert!(close(f.ascent(), 0.683));
}

#[test]
fn fallback_is_helvetica_standard() {
    let f = Font::fallback();
    assert_eq!(f.name(), "Helvetica");
    assert_eq!(widths(&f, b"Ae"), vec![0.667, 0.556]);
    assert_eq!(texts(&f, b"A`"), vec!["A", "\u{2018}"]);
}

#[test]
fn winansi_widths_and_quotes() {
    let doc = Document::new();
    let ws: Vec<Object> = (0x20..=0x94)
        .map(|c| Object::Integer(if c == 0x93 { 444 } else { 500 }))
        .collect();
    let dict = dictionary! {
        "Type" => "Font", "Subtype" => "TrueType", "BaseFont" => "ABCDEF+Calibri",
        "FirstChar" => 0x20, "LastChar" => 0x94, "Widths" => ws,
        "Encoding" => "WinAnsiEncoding",
    };
    let loaded = load(&doc, &dict);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let f = loaded.font;
    assert_eq!(f.name(), "ABCDEF+Calibri");
    assert_eq!(
        texts(&f, b"\x93a\x94\xa0"),
        vec!["\u{201C}", "a", "\u{201D}", " "]
    );
    // 0xA0 is outside /Widths and there is no MissingWidth: 0.
    assert_eq!(widths(&f, b"\x93a\xa0"), vec![0.444, 0.5, 0.0]);
    // No descriptor: poppler's defaults.
    assert!(close(f.ascent(), 0.95) && close(f.descent(), -0.35));
}

#[test]
fn differences_by_glyph_name() {
    let doc = Document::new();
    let dict = dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "ABCDEF+Custom",
        "FirstChar" => 24, "Widths" => vec![Object::Integer(350), Object::Integer(360), Object::Integer(370)],
        "Encoding" => dictionary! {
            "Type" => "Encoding", "BaseEncoding" => "WinAnsiEncoding",
            "Differences" => vec![Object::Integer(24), "bullet".into(), "uni2022".into(), "g31".into(),
                                  Object::Integer(65), "B".into()],
        },
        "FontDescriptor" => dictionary! { "Ascent" => 905, "Descent" => -212, "MissingWidth" => 250 },
    };
    let f = load(&doc, &dict).font;
    assert_eq!(
        texts(&f, b"\x18\x19\x1aAB\x93"),
        vec!["\u{2022}", "\u{2022}", "", "B", "B", "\u{201C}"]
    );
    assert_eq!(widths(&f, b"\x18\x19\x1aA"), vec![0.35, 0.36, 0.37, 0.25]);
    assert!(close(f.ascent(), 0.905) && close(f.descent(), -0.212));
}

#[test]
fn descriptor_sanity_rules() {
    let doc = Document::new();
    for (asc, desc, want) in [
        (0, 0, (0.95, -0.35)),
        (3500, -300, (0.95, -0.3)),
        (900, 200, (0.9, -0.2)),
    ] {
        let dict = dictionary! {
            "Type" => "Font", "Subtype" => "TrueType", "BaseFont" => "Foo",
            "FirstChar" => 32, "Widths" => vec![Object::Integer(500)],
            "FontDescriptor" => dictionary! { "Ascent" => asc, "Descent" => desc },
        };
        let f = load(&doc, &dict).font;
        assert!(
            close(f.ascent(), want.0) && close(f.descent(), want.1),
            "{asc} {desc}: {} {}",
            f.ascent(),
            f.descent()
        );
    }
}

#[test]
fn missing_widths_not_standard_is_a_problem() {
    let doc = Document::new();
    let dict = dictionary! { "Type" => "Font", "Subtype" => "TrueType", "BaseFont" => "Verdana" };
    let loaded = load(&doc, &dict);
    assert_eq!(widths(&loaded.font, b"ab"), vec![0.5, 0.5]);
    assert_eq!(
        loaded.problems,
        vec![
            "font Verdana: no /Widths and not a standard-14 font: default width 0.5 em".to_string()
        ]
    );
}

#[test]
fn to_unicode_array_bfrange_and_surrogates() {
    let mut doc = Document::new();
    let tu = cmap_stream(
        &mut doc,
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap
         1 begincodespacerange <00> <FF> endcodespacerange
         2 beginbfchar <01> <D835DC00> <02> <00660066> endbfchar
         1 beginbfrange <10> <12> [<0041> <D83DDE00> <00660069>] endbfrange
         1 beginbfrange <20> <21> <0061> endbfrange
         endcmap CMapName currentdict /CMap defineresource pop end end",
    );
    let dict = dictionary! {
        "Type" => "Font", "Subtype" => "TrueType", "BaseFont" => "ABCDEF+Foo",
        "FirstChar" => 0, "Widths" => vec![Object::Integer(500); 256],
        "Encoding" => "WinAnsiEncoding", "ToUnicode" => tu,
    };
    let loaded = load(&doc, &dict);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(
        texts(&loaded.font, b"\x01\x02\x10\x11\x12\x20\x21\x41"),
        vec!["\u{1D400}", "ff", "A", "\u{1F600}", "fi", "a", "b", "A"],
        "codes missing from ToUnicode fall back to the encoding"
    );
}

#[test]
fn identity_h_with_w_and_dw() {
    let mut doc = Document::new();
    let w = vec![
        Object::Integer(1),
        Object::Array(vec![Object::Integer(500), Object::Integer(600)]),
        Object::Integer(10),
        Object::Integer(20),
        Object::Integer(700),
    ];
    let cid = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "CIDFontType2", "BaseFont" => "ABCDEF+Foo",
        "W" => w, "DW" => 1000,
        "FontDescriptor" => dictionary! { "Ascent" => 891, "Descent" => -216, "FontFile2" => Object::Null },
    });
    let tu = cmap_stream(&mut doc, "1 begincodespacerange <0000> <FFFF> endcodespacerange 1 beginbfrange <0001> <0003> <0041> endbfrange");
    let dict = dictionary! {
        "Type" => "Font", "Subtype" => "Type0", "BaseFont" => "ABCDEF+Foo", "Encoding" => "Identity-H",
        "DescendantFonts" => vec![Object::Reference(cid)], "ToUnicode" => tu,
    };
    let loaded = load(&doc, &dict);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let f = loaded.font;
    let bytes = [
        0x00, 0x01, 0x00, 0x02, 0x00, 0x03, 0x00, 0x0A, 0x00, 0x14, 0x00, 0x15, 0x00, 0x20,
    ];
    assert_eq!(widths(&f, &bytes), vec![0.5, 0.6, 1.0, 0.7, 0.7, 1.0, 1.0]);
    let d = f.decode(&bytes);
    assert_eq!(d[0].unicode, "A");
    assert_eq!(d[2].unicode, "C");
    assert_eq!(d[3].unicode, "");
    assert_eq!((d[1].code, d[1].code_len), (2, 2));
    assert!(
        !d[6].is_word_space,
        "a 2-byte code 32 takes no word spacing"
    );
    assert!(close(f.ascent(), 0.891) && close(f.descent(), -0.216));
    // An odd trailing byte is still one (short) code.
    assert_eq!(f.decode(&[0x00, 0x01, 0x07]).len(), 2);
}

#[test]
fn hostile_w_range_is_not_expanded() {
    let mut doc = Document::new();
    let w = vec![
        Object::Integer(0),
        Object::Integer(4_294_967_295),
        Object::Integer(500),
        Object::Integer(-5),
    ];
    let cid = doc.add_object(dictionary! { "Subtype" => "CIDFontType2", "W" => w });
    let dict = dictionary! {
        "Subtype" => "Type0", "BaseFont" => "X", "Encoding" => "Identity-H",
        "DescendantFonts" => vec![Object::Reference(cid)],
    };
    let loaded = load(&doc, &dict);
    assert_eq!(
        widths(&loaded.font, &[0xFF, 0xFF, 0x00, 0x00]),
        vec![0.5, 0.5]
    );
    assert!(
        loaded.problems.iter().any(|p| p.contains("/W: bad entry")),
        "{:?}",
        loaded.problems
    );
}

#[test]
fn mixed_one_and_two_byte_codespace() {
    let mut doc = Document::new();
    let enc = cmap_stream(
        &mut doc,
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap
         /CMapName /Test-H def
         2 begincodespacerange <00> <7F> <8000> <FFFF> endcodespacerange
         1 begincidrange <00> <7F> 1 endcidrange
         1 begincidchar <8001> 200 endcidchar
         endcmap",
    );
    let tu = cmap_stream(
        &mut doc,
        "2 begincodespacerange <00> <7F> <8000> <FFFF> endcodespacerange
         2 beginbfchar <41> <0041> <8001> <4E2D> endbfchar
         1 beginbfrange <20> <20> <0020> endbfrange",
    );
    let cid = doc.add_object(dictionary! {
        "Subtype" => "CIDFontType0", "DW" => 500,
        "W" => vec![Object::Integer(200), Object::Array(vec![Object::Integer(1000)])],
    });
    let dict = dictionary! {
        "Subtype" => "Type0", "BaseFont" => "Mixed", "Encoding" => enc,
        "DescendantFonts" => vec![Object::Reference(cid)], "ToUnicode" => tu,
    };
    let loaded = load(&doc, &dict);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let d = loaded.font.decode(&[0x41, 0x80, 0x01, 0x20, 0x42]);
    let got: Vec<(u32, u8, &str, f64, bool)> = d
        .iter()
        .map(|c| {
            (
                c.code,
                c.code_len,
                c.unicode.as_str(),
                c.width,
                c.is_word_space,
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (0x41, 1, "A", 0.5, false),
            (0x8001, 2, "\u{4E2D}", 1.0, false),
            (0x20, 1, " ", 0.5, true),
            (0x42, 1, "", 0.5, false)
        ]
    );
}

#[test]
fn symbol_font_bullet() {
    let doc = Document::new();
    let dict = dictionary! { "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Symbol" };
    let f = load(&doc, &dict).font;
    assert_eq!(texts(&f, b"\xb7a"), vec!["\u{2022}", "\u{3B1}"]);
    assert_eq!(widths(&f, b"\xb7"), vec![0.46]);
    assert!(close(f.ascent(), 1.01) && close(f.descent(), -0.293));
}

#[test]
fn to_unicode_private_use_bullet() {
    let mut doc = Document::new();
    let tu = cmap_stream(
        &mut doc,
        "1 begincodespacerange <00> <FF> endcodespacerange 3 beginbfchar <01> <F0B7> <02> <F0FC> <03> <F0B8> endbfchar",
    );
    let dict = dictionary! {
        "Type" => "Font", "Subtype" => "TrueType", "BaseFont" => "DAAAAA+OpenSymbol",
        "FirstChar" => 0, "LastChar" => 3, "Widths" => vec![Object::Integer(0), Object::Integer(356), Object::Integer(500), Object::Integer(500)],
        "Encoding" => "WinAnsiEncoding", "ToUnicode" => tu,
        "FontDescriptor" => dictionary! { "Flags" => 4, "Ascent" => 800, "Descent" => -200, "FontFile2" => Object::Null },
    };
    let f = load(&doc, &dict).font;
    assert_eq!(
        texts(&f, b"\x01\x02\x03"),
        vec!["\u{2022}", "\u{2713}", "\u{F0B8}"]
    );
    assert_eq!(widths(&f, b"\x01"), vec![0.356]);
}

#[test]
fn wingdings_without_encoding_uses_private_use_codes() {
    let doc = Document::new();
    let dict = dictionary! {
        "Type" => "Font", "Subtype" => "TrueType", "BaseFont" => "Wingdings-Regular",
        "FirstChar" => 0, "Widths" => vec![Object::Integer(800); 256],
        "FontDescriptor" => dictionary! { "Flags" => 4 },
    };
    let f = load(&doc, &dict).font;
    assert_eq!(
        texts(&f, b"\xa7\x6c\xfc\xd8\x41"),
        vec!["\u{2022}", "\u{2022}", "\u{2713}", "\u{2022}", "\u{F041}"]
    );
}

#[test]
fn type3_widths_through_font_matrix() {
    let doc = Document::new();
    let m = |v: [f64; 6]| -> Vec<Object> { v.iter().map(|&x| Object::Real(x as f32)).collect() };
    let dict = dictionary! {
        "Type" => "Font", "Subtype" => "Type3",
        "FontMatrix" => m([0.01, 0.0, 0.0, 0.01, 0.0, 0.0]),
        "FontBBox" => vec![Object::Integer(0), Object::Integer(-20), Object::Integer(50), Object::Integer(80)],
        "FirstChar" => 65, "LastChar" => 65, "Widths" => vec![Object::Integer(50)],
        "Encoding" => dictionary! { "Differences" => vec![Object::Integer(65), "a".into()] },
        "CharProcs" => dictionary! {},
    };
    let loaded = load(&doc, &dict);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let f = loaded.font;
    assert_eq!(widths(&f, b"AB"), vec![0.5, 0.0]);
    assert_eq!(texts(&f, b"AB"), vec!["a", ""]);
    assert!((f.font_matrix().a - 0.01).abs() < 1e-6);
    assert!((f.ascent() - 0.8).abs() < 1e-6 && (f.descent() + 0.2).abs() < 1e-6);
    assert_eq!(f.name(), "");
}

#[test]
fn hostile_bfrange_is_bounded() {
    let mut doc = Document::new();
    let tu = cmap_stream(
        &mut doc,
        "1 begincodespacerange <0000> <FFFF> endcodespacerange
         2 beginbfrange <0000> <FFFFFFFF> <0041> <0005> <0006> <0061> endbfrange",
    );
    let dict = dictionary! {
        "Subtype" => "Type0", "BaseFont" => "Evil", "Encoding" => "Identity-H",
        "DescendantFonts" => vec![Object::Reference(doc.add_object(dictionary! { "Subtype" => "CIDFontType2" }))],
        "ToUnicode" => tu,
    };
    let limits = Limits {
        cmap_entries: 1000,
        ..Limits::default()
    };
    let loaded = Font::load(&doc, &dict, &limits);
    assert!(
        loaded
            .problems
            .iter()
            .any(|p| p.contains("bfrange <0>..<FFFFFFFF> spans 4294967296 codes")),
        "{:?}",
        loaded.problems
    );
    assert_eq!(texts(&loaded.font, &[0, 5, 0, 6, 0, 7]), vec!["a", "b", ""]);
}

#[test]
fn cmap_over_entry_limit_is_truncated() {
    let mut doc = Document::new();
    let mut body =
        String::from("1 begincodespacerange <00> <FF> endcodespacerange 10 beginbfchar\n");
    for c in 0..10u8 {
        body.push_str(&format!(
            "<{:02X}> <{:04X}>\n",
            0x30 + c,
            0x41 + u16::from(c)
        ));
    }
    body.push_str("endbfchar");
    let tu = cmap_stream(&mut doc, &body);
    let dict = dictionary! {
        "Subtype" => "TrueType", "BaseFont" => "Trunc", "FirstChar" => 0, "Widths" => vec![Object::Integer(500); 256],
        "Encoding" => "WinAnsiEncoding", "ToUnicode" => tu,
    };
    let limits = Limits {
        cmap_entries: 4,
        ..Limits::default()
    };
    let loaded = Font::load(&doc, &dict, &limits);
    assert_eq!(
        loaded.problems,
        vec!["font Trunc: ToUnicode: CMap truncated after 4 entries (limit cmap-entries; raise it with --max-cmap-entries)".to_string()]
    );
    // The first four codes are mapped by the CMap, the rest fall back to WinAnsi digits.
    assert_eq!(texts(&loaded.font, b"0345"), vec!["A", "D", "4", "5"]);
}

#[test]
fn unreadable_to_unicode_falls_back() {
    let mut doc = Document::new();
    let bad = doc.add_object(Stream::new(
        dictionary! { "Filter" => "FlateDecode" },
        b"not deflate at all".to_vec(),
    ));
    let dict = dictionary! {
        "Subtype" => "Type1", "BaseFont" => "Helvetica", "ToUnicode" => Object::Reference(bad),
    };
    let loaded = load(&doc, &dict);
    assert_eq!(texts(&loaded.font, b"Hi"), vec!["H", "i"]);
    assert!(
        loaded.problems.iter().any(|p| p.contains("ToUnicode")),
        "{:?}",
        loaded.problems
    );

    // Over the stream-bytes limit.
    let tu = cmap_stream(&mut doc, "1 beginbfchar <48> <0058> endbfchar");
    let dict = dictionary! { "Subtype" => "Type1", "BaseFont" => "Helvetica", "ToUnicode" => tu };
    let limits = Limits {
        stream_bytes: 10,
        ..Limits::default()
    };
    let loaded = Font::load(&doc, &dict, &limits);
    assert_eq!(texts(&loaded.font, b"H"), vec!["H"]);
    assert!(
        loaded
            .problems
            .iter()
            .any(|p| p.contains("ToUnicode stream unreadable")),
        "{:?}",
        loaded.problems
    );
}

#[test]
fn self_referencing_descendant_does_not_loop() {
    let mut doc = Document::new();
    let id = doc.new_object_id();
    let dict = dictionary! {
        "Type" => "Font", "Subtype" => "Type0", "BaseFont" => "Loop", "Encoding" => "Identity-H",
        "DescendantFonts" => vec![Object::Reference(id)],
    };
    doc.objects.insert(id, Object::Dictionary(dict.clone()));
    let loaded = load(&doc, &dict);
    assert!(
        loaded.problems.iter().any(|p| p.contains("itself a Type0")),
        "{:?}",
        loaded.problems
    );
    assert_eq!(widths(&loaded.font, &[0, 1]), vec![1.0]);

    // A reference cycle (1 0 R -> 1 0 R) as the descendant.
    let mut doc = Document::new();
    let id = doc.new_object_id();
    doc.objects.insert(id, Object::Reference(id));
    let dict = dictionary! { "Subtype" => "Type0", "Encoding" => "Identity-H", "DescendantFonts" => vec![Object::Reference(id)] };
    let loaded = load(&doc, &dict);
    assert_eq!(widths(&loaded.font, &[0, 1]), vec![1.0]);
}

#[test]
fn identity_v_is_vertical() {
    let mut doc = Document::new();
    let cid = doc.add_object(dictionary! {
        "Subtype" => "CIDFontType0",
        "DW2" => vec![Object::Integer(880), Object::Integer(-1100)],
        "W2" => vec![Object::Integer(5), Object::Array(vec![Object::Integer(-800), Object::Integer(500), Object::Integer(880)])],
    });
    let dict = dictionary! {
        "Subtype" => "Type0", "BaseFont" => "V", "Encoding" => "Identity-V",
        "DescendantFonts" => vec![Object::Reference(cid)],
    };
    let f = load(&doc, &dict).font;
    assert!(f.is_vertical());
    assert_eq!(widths(&f, &[0, 5, 0, 6]), vec![0.8, 1.1]);
}

#[test]
fn ucs2_predefined_cmap() {
    let mut doc = Document::new();
    let cid = doc.add_object(dictionary! { "Subtype" => "CIDFontType0", "DW" => 1000 });
    let dict = dictionary! {
        "Subtype" => "Type0", "BaseFont" => "STSong-Light", "Encoding" => "UniGB-UCS2-H",
        "DescendantFonts" => vec![Object::Reference(cid)],
    };
    let loaded = load(&doc, &dict);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(
        texts(&loaded.font, &[0x4E, 0x2D, 0x00, 0x41, 0xF0, 0xB7]),
        vec!["\u{4E2D}", "A", "\u{2022}"]
    );
    assert_eq!(widths(&loaded.font, &[0x4E, 0x2D]), vec![1.0]);

    let dict = dictionary! {
        "Subtype" => "Type0", "BaseFont" => "X", "Encoding" => "UniJIS-UTF16-H",
        "DescendantFonts" => vec![Object::Reference(cid)],
    };
    let f = load(&doc, &dict).font;
    let d = f.decode(&[0xD8, 0x3D, 0xDE, 0x00, 0x00, 0x42]);
    assert_eq!(d.len(), 2);
    assert_eq!((d[0].unicode.as_str(), d[0].code_len), ("\u{1F600}", 4));
    assert_eq!(d[1].unicode, "B");
}

#[test]
fn type1_builtin_encoding_from_font_program() {
    let mut doc = Document::new();
    let program = b"%!PS-AdobeFont-1.0: CMR10\n/Encoding 256 array\n0 1 255 {1 index exch /.notdef put} for\ndup 11 /ff put\ndup 65/A put\nreadonly def\ncurrentfile eexec\n\x80\x81binary".to_vec();
    let len1 = program.len() - 8;
    let ff = doc.add_object(Stream::new(
        dictionary! { "Length1" => len1 as i64 },
        program,
    ));
    let dict = dictionary! {
        "Subtype" => "Type1", "BaseFont" => "ABCDEF+CMR10", "FirstChar" => 0, "Widths" => vec![Object::Integer(500); 256],
        "FontDescriptor" => dictionary! { "FontFile" => Object::Reference(ff) },
    };
    let loaded = load(&doc, &dict);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(texts(&loaded.font, b"\x0bAB"), vec!["ff", "A", ""]);
}

#[test]
fn garbage_dictionaries_do_not_panic() {
    let doc = Document::new();
    let dicts = vec![
        dictionary! {},
        dictionary! { "Subtype" => "Type0" },
        dictionary! { "Subtype" => "Type0", "Encoding" => 5, "DescendantFonts" => 3 },
        dictionary! { "Subtype" => "Type3", "FontMatrix" => vec![Object::Integer(1)], "Widths" => 7 },
        dictionary! { "Subtype" => "TrueType", "FirstChar" => -1_000_000_000_000i64, "Widths" => vec![Object::Real(f32::NAN)] },
        dictionary! { "Subtype" => "Type1", "Encoding" => dictionary! { "Differences" => vec![Object::Integer(i64::MAX), "A".into(), "B".into()] } },
        dictionary! { "Subtype" => "Type1", "BaseFont" => "Helvetica", "ToUnicode" => Object::Reference((999, 0)) },
    ];
    for d in dicts {
        let loaded = load(&doc, &d);
        let _ = loaded.font.decode(&[0, 1, 2, 255, 32]);
        let _ = loaded.font.decode(&[]);
    }
}

/// A Type3 font of pdfTeX's (a PK bitmap font: glyph names that are only codes, no
/// /ToUnicode, no name) with an OT1 "fi" (0x0C) and en dash (0x7B) reads its codes as OT1;
/// with only letters and a disputed ” (0x22) it reads the letters and says the quote is
/// unknown; names of other producers that are no code (/g12, /cid7) give no text.
#[test]
fn type3_tex_codes_read_in_their_encoding() {
    let doc = Document::new();
    let font = |diffs: Vec<Object>| {
        let dict = dictionary! {
            "Type" => "Font", "Subtype" => "Type3",
            "FontMatrix" => vec![Object::Real(0.01), 0.into(), 0.into(), Object::Real(0.01), 0.into(), 0.into()],
            "FirstChar" => 0, "Widths" => vec![Object::Integer(50); 256],
            "Encoding" => dictionary! { "Differences" => diffs },
            "CharProcs" => dictionary! {},
        };
        load(&doc, &dict)
    };
    let names = |list: &[(i64, &str)]| -> Vec<Object> {
        list.iter()
            .flat_map(|&(c, n)| [Object::Integer(c), Object::Name(n.as_bytes().to_vec())])
            .collect()
    };
    let ot1 = font(names(&[
        (12, "a12"),
        (123, "a123"),
        (65, "a65"),
        (66, "a66"),
    ]));
    assert!(ot1.problems.is_empty(), "{:?}", ot1.problems);
    assert_eq!(texts(&ot1.font, b"\x0c\x7bA"), vec!["fi", "\u{2013}", "A"]);
    let t1 = font(names(&[(28, "a28"), (21, "a21"), (191, "a191")]));
    assert_eq!(
        texts(&t1.font, b"\x1c\x15\xbf"),
        vec!["fi", "\u{2013}", "\u{A3}"]
    );
    let unknown = font(names(&[(34, "a34"), (65, "a65")]));
    assert_eq!(texts(&unknown.font, b"A\x22"), vec!["A", ""]);
    assert!(
        unknown
            .problems
            .iter()
            .any(|p| p.contains("OT1 or T1") && p.contains("1 codes")),
        "{:?}",
        unknown.problems
    );
    let other = font(names(&[(65, "g12"), (66, "cid7"), (67, "uni0041")]));
    assert_eq!(texts(&other.font, b"ABC"), vec!["", "", "A"]);
}
