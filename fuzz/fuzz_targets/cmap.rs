//! Any bytes as a CMap: as the /ToUnicode of a Type0 and of a simple font, and as an embedded
//! /Encoding CMap; then decode codes taken from the same bytes.
#![no_main]

use boardpaper::pdf::font::Font;
use boardpaper::pdf::Limits;
use libfuzzer_sys::fuzz_target;
use lopdf::{dictionary, Dictionary, Document, Object, Stream};

fuzz_target!(|data: &[u8]| {
    let limits = Limits {
        cmap_entries: 20_000,
        ..Limits::default()
    };
    let mut doc = Document::with_version("1.7");
    let cmap = doc.add_object(Stream::new(Dictionary::new(), data.to_vec()));
    let descendant = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "CIDFontType2", "BaseFont" => "Fuzz",
        "CIDSystemInfo" => dictionary! { "Registry" => Object::string_literal("Adobe"),
            "Ordering" => Object::string_literal("Identity"), "Supplement" => 0 },
    });
    let type0 = dictionary! {
        "Type" => "Font", "Subtype" => "Type0", "BaseFont" => "Fuzz",
        "Encoding" => "Identity-H", "DescendantFonts" => vec![descendant.into()], "ToUnicode" => cmap,
    };
    let embedded = dictionary! {
        "Type" => "Font", "Subtype" => "Type0", "BaseFont" => "Fuzz",
        "Encoding" => cmap, "DescendantFonts" => vec![descendant.into()],
    };
    let simple = dictionary! {
        "Type" => "Font", "Subtype" => "TrueType", "BaseFont" => "Fuzz", "FirstChar" => 0,
        "Widths" => vec![Object::Integer(500); 256], "ToUnicode" => cmap,
    };
    let codes = &data[..data.len().min(64)];
    for dict in [&type0, &embedded, &simple] {
        let loaded = Font::load(&doc, dict, &limits);
        let _ = loaded.font.decode(codes).len();
    }
});
