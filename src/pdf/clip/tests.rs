//! Clipping, invisible and off-page text, on tiny in-memory pages run through the interpreter.
//!
//! Arithmetic used throughout: pages are 300 × 200 pt unless said, so PDF y = b is displayed
//! y = 200 − b. Courier 12 pt: every glyph 7.2 pt wide, its box 7.548 pt above the baseline
//! and 1.884 pt below (the AFM's ascent 629 and descent −157).

use lopdf::{dictionary, Dictionary, Object, Stream};

use super::*;
use crate::pdf::{Document, OpenOptions, PagePrimitives};

/// What a test page holds besides its content: named XObjects and an optional crop box.
#[derive(Default)]
struct Extras {
    xobjects: Vec<(&'static str, Stream)>,
    crop_box: Option<[i64; 4]>,
}

/// Page 1 of a 300 × 200 pt document whose /F1 is Courier, drawing `content`.
fn page(content: &[u8], extras: Extras) -> PagePrimitives {
    let mut doc = lopdf::Document::with_version("1.7");
    let courier = doc.add_object(
        dictionary! { "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Courier" },
    );
    let mut xobjects = Dictionary::new();
    for (name, stream) in extras.xobjects {
        let id = doc.add_object(stream);
        xobjects.set(name, id);
    }
    let contents = doc.add_object(Stream::new(Dictionary::new(), content.to_vec()));
    let pages_id = doc.new_object_id();
    let mut page = dictionary! {
        "Type" => "Page",
        "Parent" => pages_id,
        "MediaBox" => vec![0.into(), 0.into(), 300.into(), 200.into()],
        "Resources" => dictionary! {
            "Font" => dictionary! { "F1" => courier },
            "XObject" => xobjects,
        },
        "Contents" => contents,
    };
    if let Some(c) = extras.crop_box {
        page.set(
            "CropBox",
            c.iter().map(|&v| Object::Integer(v)).collect::<Vec<_>>(),
        );
    }
    let page_id = doc.add_object(page);
    let pages = dictionary! { "Type" => "Pages", "Kids" => vec![page_id.into()], "Count" => 1 };
    doc.objects.insert(pages_id, Object::Dictionary(pages));
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).expect("lopdf writes the file");
    Document::from_bytes(&bytes, "clip.pdf", &OpenOptions::default())
        .expect("the PDF opens")
        .page(1)
        .expect("page 1 reads")
}

/// The glyphs' texts joined, in the order emitted.
fn text(page: &PagePrimitives) -> String {
    page.glyphs.iter().map(|g| g.text.as_str()).collect()
}

fn kinds(page: &PagePrimitives) -> Vec<WarningKind> {
    page.warnings.iter().map(|w| w.kind.clone()).collect()
}

/// A 1 × 1 grey image.
fn image() -> Stream {
    Stream::new(
        dictionary! {
            "Type" => "XObject", "Subtype" => "Image", "Width" => 1, "Height" => 1,
            "ColorSpace" => "DeviceGray", "BitsPerComponent" => 8,
        },
        vec![0],
    )
}

#[test]
fn rectangle_clip_hides_the_overflow_of_a_long_word() {
    // A cell clipped to x 20–70 (displayed y 80–100); "Mobilisation" from x = 22: "s" spans
    // 65.2–72.4 and is cut, "ation" starts at 72.4, past the edge. The next cell's "21" at
    // x = 72 is drawn after Q, unclipped, and does not interleave.
    let p = page(
        b"q 20 100 50 20 re W n BT /F1 12 Tf 22 105 Td (Mobilisation) Tj ET Q \
          BT /F1 12 Tf 72 105 Td (21) Tj ET",
        Extras::default(),
    );
    assert_eq!(text(&p), "Mobilis21");
    let cell = Rect {
        x0: 20.0,
        top: 80.0,
        x1: 70.0,
        bottom: 100.0,
    };
    let clipped: Vec<_> = p.glyphs.iter().map(|g| g.clip).collect();
    let mut expected = vec![None; 9];
    expected[6] = Some(cell);
    assert_eq!(
        clipped, expected,
        "only the cut \"s\" carries its cell's clip"
    );
    assert_eq!(
        kinds(&p),
        [WarningKind::ClippedText {
            count: 5,
            blank: 0,
            partly: 1
        }]
    );
}

#[test]
fn nested_clips_intersect_and_restore_with_q() {
    // Outer clip x 0–100; inner clip adds PDF y 0–50. "CD" and "GH" at x = 160 are outside
    // the outer clip; "EF" at PDF y 100 is outside the inner one but drawn after its Q; "IJ"
    // after the outer Q is unclipped.
    let p = page(
        b"q 0 0 100 200 re W n q 0 0 300 50 re W n \
          BT /F1 12 Tf 10 20 Td (AB) Tj 150 0 Td (CD) Tj ET Q \
          BT /F1 12 Tf 10 100 Td (EF) Tj 150 0 Td (GH) Tj ET Q \
          BT /F1 12 Tf 150 150 Td (IJ) Tj ET",
        Extras::default(),
    );
    assert_eq!(text(&p), "ABEFIJ");
    assert!(p.glyphs.iter().all(|g| g.clip.is_none()));
    assert_eq!(
        kinds(&p),
        [WarningKind::ClippedText {
            count: 4,
            blank: 0,
            partly: 0
        }]
    );
}

#[test]
fn clip_takes_effect_after_the_painting_operator() {
    // `W f`: the fill is not clipped by its own path, the text after it is. Disjoint clips
    // leave nothing. The fill is grey, so the black text over it is seen.
    let p = page(
        b"q 0.9 g 0 0 50 200 re W f 0 g BT /F1 12 Tf 10 100 Td (In) Tj 100 0 Td (Out) Tj ET \
          100 0 50 200 re W n BT /F1 12 Tf 110 50 Td (None) Tj ET Q",
        Extras::default(),
    );
    assert_eq!(text(&p), "In");
    assert_eq!(p.fills.len(), 1);
    assert_eq!(
        kinds(&p),
        [WarningKind::ClippedText {
            count: 7,
            blank: 0,
            partly: 0
        }]
    );
}

#[test]
fn clip_inside_a_form_intersects_the_page_clip_and_the_form_box() {
    // The form (moved to page (100, 50), /BBox 150 × 100) clips "Cell text" to form x 0–30,
    // page x 100–130: from x = 105, "C" 105–112.2, "e" to 119.4, "l" to 126.6, "l" to 133.8
    // (cut). "Out" at form x 160 (page 260) lies outside the form's /BBox. Drawn a second
    // time under a page clip of x 0–115, only "C" and a cut "e" remain. "Page", after Q, is
    // unclipped. Dropped: 5 + 3 + 7 + 3 glyphs, a blank in " text" each time.
    let form = Stream::new(
        dictionary! {
            "Type" => "XObject", "Subtype" => "Form",
            "BBox" => vec![0.into(), 0.into(), 150.into(), 100.into()],
            "Matrix" => vec![1.into(), 0.into(), 0.into(), 1.into(), 100.into(), 50.into()],
        },
        b"q 0 0 30 100 re W n BT /F1 12 Tf 5 10 Td (Cell text) Tj ET Q \
          BT /F1 12 Tf 160 10 Td (Out) Tj ET"
            .to_vec(),
    );
    let p = page(
        b"/Fm1 Do q 0 0 115 200 re W n /Fm1 Do Q BT /F1 12 Tf 20 170 Td (Page) Tj ET",
        Extras {
            xobjects: vec![("Fm1", form)],
            crop_box: None,
        },
    );
    assert_eq!(text(&p), "CellCePage");
    let cut: Vec<_> = p
        .glyphs
        .iter()
        .filter_map(|g| g.clip.map(|c| c.x1))
        .collect();
    assert_eq!(cut, [130.0, 115.0], "the second \"l\" and the second \"e\"");
    assert_eq!(
        kinds(&p),
        [WarningKind::ClippedText {
            count: 18,
            blank: 2,
            partly: 2
        }]
    );
}

#[test]
fn invisible_text_over_no_image_is_dropped() {
    let p = page(
        b"BT /F1 12 Tf 3 Tr 20 100 Td (Hidden) Tj 0 Tr 0 -20 Td (Shown) Tj ET",
        Extras::default(),
    );
    assert_eq!(text(&p), "Shown");
    assert_eq!(
        kinds(&p),
        [WarningKind::InvisibleText { count: 6, blank: 0 }]
    );
}

#[test]
fn invisible_text_over_an_image_is_its_ocr_layer() {
    // The image covers page x 10–210, PDF y 50–150; "Scan" at (20, 100) lies on it, "Off"
    // at (250, 100) does not. The same text drawn before the image (as some OCR tools
    // write it) is kept too.
    let after = page(
        b"q 200 0 0 100 10 50 cm /Im1 Do Q \
          BT /F1 12 Tf 3 Tr 20 100 Td (Scan) Tj 230 0 Td (Off) Tj ET",
        Extras {
            xobjects: vec![("Im1", image())],
            crop_box: None,
        },
    );
    let before = page(
        b"BT /F1 12 Tf 3 Tr 20 100 Td (Scan) Tj 230 0 Td (Off) Tj ET \
          q 200 0 0 100 10 50 cm /Im1 Do Q",
        Extras {
            xobjects: vec![("Im1", image())],
            crop_box: None,
        },
    );
    for p in [after, before] {
        assert_eq!(text(&p), "Scan");
        assert!(p.glyphs.iter().all(|g| g.invisible));
        assert_eq!(
            kinds(&p),
            [WarningKind::InvisibleText { count: 3, blank: 0 }]
        );
    }
}

#[test]
fn text_outside_the_crop_box_is_dropped() {
    // Crop box x 0–150: "Kept" from x = 20 is on the page, "Gone" from x = 200 is not. Of
    // "Edge" from x = 140, "d" (147.2–154.4) is cut by the page edge and kept; "ge" is past it.
    let p = page(
        b"BT /F1 12 Tf 20 100 Td (Kept) Tj 180 0 Td (Gone) Tj -60 -20 Td (Edge) Tj ET",
        Extras {
            xobjects: Vec::new(),
            crop_box: Some([0, 0, 150, 200]),
        },
    );
    assert_eq!(text(&p), "KeptEd");
    assert_eq!(kinds(&p), [WarningKind::TextOffPage { count: 6, blank: 0 }]);
}

#[test]
fn clip_boxes_intersect() {
    let r = |x0, top, x1, bottom| Rect {
        x0,
        top,
        x1,
        bottom,
    };
    let clip = Clip::Unclipped.intersect(Some(r(0.0, 0.0, 100.0, 100.0)));
    assert_eq!(clip, Clip::Box(r(0.0, 0.0, 100.0, 100.0)));
    let clip = clip.intersect(Some(r(50.0, -10.0, 200.0, 60.0)));
    assert_eq!(clip, Clip::Box(r(50.0, 0.0, 100.0, 60.0)));
    assert_eq!(clip.intersect(None), clip, "no path, no change");
    assert_eq!(
        clip.intersect(Some(r(100.0, 0.0, 120.0, 60.0))),
        Clip::Empty
    );
    // Glyph boxes 10 pt tall with the baseline 2 pt above the bottom (8 pt of body).
    let ltr = |g: Rect| clip.sees(&g, Pt::new(g.x0, g.bottom - 2.0), Direction::Ltr);
    let glyph = |x0, top, x1| r(x0, top, x1, top + 10.0);
    assert_eq!(
        Clip::Empty.sees(&glyph(0.0, 0.0, 1.0), Pt::new(0.0, 8.0), Direction::Ltr),
        Seen::Hidden
    );
    assert_eq!(ltr(glyph(60.0, 10.0, 70.0)), Seen::Whole);
    let cut = Seen::Partly(r(50.0, 0.0, 100.0, 60.0));
    assert_eq!(ltr(glyph(95.0, 10.0, 105.0)), cut);
    assert_eq!(ltr(glyph(100.0, 10.0, 105.0)), Seen::Hidden);
    // A glyph of no width inside the clip is seen.
    assert_eq!(ltr(glyph(60.0, 10.0, 60.0)), Seen::Whole);
    // The clip's top edge (y = 0) cuts across the baseline: with the baseline above it only
    // descenders show (hidden); with 3 of the 8 pt of body inside, the glyph is seen. Its
    // bottom edge (y = 60) showing the top 1 pt of the body only: hidden.
    assert_eq!(ltr(glyph(60.0, -8.5, 70.0)), Seen::Hidden);
    assert_eq!(ltr(glyph(60.0, -5.0, 70.0)), cut);
    assert_eq!(ltr(glyph(60.0, 59.0, 70.0)), Seen::Hidden);
    // Text running down the page: the same box is cut along its baseline, and is seen.
    let g = glyph(60.0, -8.5, 70.0);
    assert_eq!(clip.sees(&g, Pt::new(62.0, g.top), Direction::Ttb), cut);
}

#[test]
fn text_the_colour_of_what_lies_under_it_is_dropped() {
    // White "Hid" on the bare page; a dark blue bar (y 120–140) under white "Head", which is
    // seen; an amber box (x 0–100, y 0–40) under amber "Gone" and black "Seen"; white "Late"
    // drawn over the bar after a white box covers it there. Hidden: "Hid", "Gone", "Late" (11).
    let p = page(
        b"0.1 0.2 0.4 rg 0 120 300 20 re f 1 0.75 0 rg 0 0 100 40 re f \
          BT /F1 12 Tf 1 g 10 180 Td (Hid) Tj 0 -55 Td (Head) Tj \
          1 0.75 0 rg 0 -100 Td (Gone) Tj 0 g 0 -15 Td (Seen) Tj ET \
          1 g 150 120 100 20 re f BT /F1 12 Tf 160 125 Td (Late) Tj ET",
        Extras::default(),
    );
    assert_eq!(text(&p), "HeadSeen");
    assert_eq!(
        kinds(&p),
        [WarningKind::TextColourOfBackground {
            count: 11,
            blank: 0
        }]
    );
}

/// Text at 0.01 pt (`Tf` 0.01, no matrix making up for it) and text scaled to nothing by
/// the CTM is not read and is counted; 2.5-pt text (a sheet fitted to the page) is read.
#[test]
fn text_too_small_to_read_is_dropped_and_counted() {
    let p = page(
        b"BT /F1 0.01 Tf 20 150 Td (HIDDEN) Tj ET \
          q 0.001 0 0 0.001 20 120 cm BT /F1 8 Tf (GONE) Tj ET Q \
          BT /F1 2.5 Tf 20 100 Td (Fit to page) Tj ET",
        Extras::default(),
    );
    let text: String = p.glyphs.iter().map(|g| g.text.as_str()).collect();
    assert_eq!(text, "Fit to page");
    let tiny: Vec<_> = p
        .warnings
        .iter()
        .filter_map(|w| match w.kind {
            WarningKind::TinyText { count, blank } => Some((count, blank)),
            _ => None,
        })
        .collect();
    assert_eq!(tiny, [(10, 0)]);
}
