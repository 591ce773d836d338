//! The broken and hostile files of `fixtures/broken/` (made by `fixtures/broken/make.sh`):
//! each gives its exact error class and exit code, or is read with a warning that names the
//! page, and the good pages of a partly damaged file are still extracted.

use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::Command;
use boardpaper::layout;
use boardpaper::pdf::{Document, Error, Limit, Limits, OpenOptions, PagePrimitives, WarningKind};
use boardpaper::pipeline;
use boardpaper::settings::Settings;
use serde_json::Value;

use crate::common::{fixture, BOARD_PAPER, PLAN_V3};

fn broken(name: &str) -> PathBuf {
    fixture(&format!("broken/{name}"))
}

fn open(name: &str) -> Result<Document, Error> {
    Document::open(&broken(name), &OpenOptions::default())
}

fn open_ok(name: &str) -> Document {
    open(name).unwrap_or_else(|e| panic!("{name} should open: {e}"))
}

/// The page's text in reading order, lines joined by " | ".
fn page_text(page: &PagePrimitives) -> String {
    layout::reading_text(&page.glyphs, &layout::Settings::default())
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" | ")
}

fn kinds(page: &PagePrimitives) -> Vec<&WarningKind> {
    page.warnings.iter().map(|w| &w.kind).collect()
}

fn bp() -> Command {
    let mut c = Command::cargo_bin("boardpaper").unwrap();
    c.env_remove("BOARDPAPER_PASSWORD");
    c
}

/// Run `boardpaper ARGS FILE`; the exit code, stdout and stderr.
fn run(args: &[&str], file: &Path) -> (Option<i32>, String, String) {
    let out = bp().args(args).arg(file).output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// `extract` to a temporary JSON file: the exit code, stderr and the JSON when written.
fn extract(name: &str, extra: &[&str]) -> (Option<i32>, String, Option<Value>) {
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("out.json");
    let out = bp()
        .arg("extract")
        .args(extra)
        .arg("-o")
        .arg(&json)
        .arg(broken(name))
        .output()
        .unwrap();
    let value = std::fs::read(&json)
        .ok()
        .map(|b| serde_json::from_slice(&b).unwrap());
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        value,
    )
}

/// The (page, kind) of every warning in an `extract` JSON document.
fn json_warnings(v: &Value) -> Vec<(Option<u64>, String)> {
    v["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| (w["page"].as_u64(), w["kind"].as_str().unwrap().to_string()))
        .collect()
}

#[test]
fn the_good_control_file_reads_cleanly() {
    let doc = open_ok("good-three-pages.pdf");
    assert!(doc.warnings().is_empty());
    let p = doc.page(2).unwrap();
    assert_eq!(page_text(&p), "Page two of three | Actions agreed");
    assert!(p.warnings.is_empty(), "{:?}", p.warnings);
}

// ---------------------------------------------------------------------------------------
// Not a PDF, damaged beyond recovery, password: errors with their own exit codes.

#[test]
fn zero_bytes_is_not_a_pdf_exit_4() {
    assert!(matches!(open("zero-bytes.pdf"), Err(Error::NotPdf { .. })));
    let (code, _, err) = run(&["text"], &broken("zero-bytes.pdf"));
    assert_eq!(code, Some(4));
    assert!(
        err.contains("zero-bytes.pdf: not a PDF: the file is empty"),
        "{err}"
    );
}

#[test]
fn png_renamed_is_not_a_pdf_exit_4() {
    match open("png-renamed.pdf") {
        Err(Error::NotPdf { reason, .. }) => assert_eq!(reason, "a PNG image"),
        other => panic!("expected NotPdf, got {other:?}"),
    }
    let (code, err, json) = extract("png-renamed.pdf", &[]);
    assert_eq!(code, Some(4));
    assert!(
        err.contains("png-renamed.pdf: not a PDF: a PNG image"),
        "{err}"
    );
    assert!(
        json.is_none(),
        "nothing written for a file that is not a PDF"
    );
}

#[test]
fn garbage_after_the_header_is_damaged_exit_5() {
    assert!(matches!(open("garbage.pdf"), Err(Error::Damaged { .. })));
    let (code, _, err) = run(&["words"], &broken("garbage.pdf"));
    assert_eq!(code, Some(5));
    assert!(
        err.contains("garbage.pdf: damaged beyond recovery"),
        "{err}"
    );
}

#[test]
fn user_password_exit_6_and_opens_with_it() {
    assert!(matches!(
        open("user-password.pdf"),
        Err(Error::PasswordRequired { .. })
    ));
    let (code, _, err) = run(&["text"], &broken("user-password.pdf"));
    assert_eq!(code, Some(6));
    assert!(
        err.contains("user-password.pdf: password required"),
        "{err}"
    );
    let (code, _, err) = run(
        &["text", "--password", "guess"],
        &broken("user-password.pdf"),
    );
    assert_eq!(code, Some(6));
    assert!(err.contains("user-password.pdf: wrong password"), "{err}");
    let (code, out, err) = run(
        &["text", "--password", "secret"],
        &broken("user-password.pdf"),
    );
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("Page two of three"), "{out}");
}

// ---------------------------------------------------------------------------------------
// Damaged but recoverable: the good pages are read, the damage is a warning with its page.

#[test]
fn truncated_file_keeps_its_first_two_pages() {
    let doc = open_ok("truncated.pdf");
    assert_eq!(
        doc.warnings().iter().map(|w| &w.kind).collect::<Vec<_>>(),
        [&WarningKind::XrefRecovered]
    );
    assert_eq!(doc.page_count(), 3, "the page tree survives the cut");
    assert_eq!(
        page_text(&doc.page(1).unwrap()),
        "Page one of three | Budget 2015/16"
    );
    assert_eq!(
        page_text(&doc.page(2).unwrap()),
        "Page two of three | Actions agreed"
    );
    // Page three's object was cut off: an empty page, and a warning that says so.
    let p3 = doc.page(3).unwrap();
    assert!(p3.glyphs.is_empty());
    assert!(
        matches!(kinds(&p3)[..], [WarningKind::PageStructure { problem }] if problem.contains("cannot be read")),
        "{:?}",
        p3.warnings
    );
    let (code, err, json) = extract("truncated.pdf", &[]);
    assert_eq!(code, Some(0), "{err}");
    let w = json_warnings(&json.unwrap());
    assert!(w.contains(&(None, "xref_recovered".into())), "{w:?}");
    assert!(w.contains(&(Some(3), "page_structure".into())), "{w:?}");
    assert!(
        err.contains("truncated.pdf: page 3: page structure"),
        "{err}"
    );
}

#[test]
fn bad_xref_offsets_are_rebuilt_and_every_page_reads() {
    let doc = open_ok("bad-xref.pdf");
    assert_eq!(
        doc.warnings().iter().map(|w| &w.kind).collect::<Vec<_>>(),
        [&WarningKind::XrefRecovered]
    );
    let texts: Vec<String> = (1..=3).map(|n| page_text(&doc.page(n).unwrap())).collect();
    assert_eq!(
        texts,
        [
            "Page one of three | Budget 2015/16",
            "Page two of three | Actions agreed",
            "Page three of three | Next meeting"
        ]
    );
}

#[test]
fn wrong_stream_lengths_still_read() {
    let doc = open_ok("wrong-length.pdf");
    assert_eq!(page_text(&doc.page(1).unwrap()), "Length too long");
    assert_eq!(page_text(&doc.page(2).unwrap()), "Length too short");
}

#[test]
fn deeply_nested_arrays_lose_only_what_they_hold() {
    let doc = open_ok("nested-arrays.pdf");
    assert_eq!(page_text(&doc.page(1).unwrap()), "Before the nesting");
    // Page two's dictionary nests 10,000 arrays deep: lopdf refuses it (its bound is 100),
    // so the page is empty and says why.
    let p2 = doc.page(2).unwrap();
    assert!(p2.glyphs.is_empty());
    assert!(
        matches!(kinds(&p2)[..], [WarningKind::PageStructure { problem }] if problem.contains("cannot be read")),
        "{:?}",
        p2.warnings
    );
    // Page three: the text before 100,000 nested operands is kept, the rest is a warning.
    let p3 = doc.page(3).unwrap();
    assert_eq!(page_text(&p3), "Deep operands");
    assert_eq!(
        kinds(&p3),
        [&WarningKind::ContentSyntax { operators_read: 5 }]
    );
}

#[test]
fn cyclic_forms_are_cut_and_everything_else_drawn() {
    let doc = open_ok("cyclic-forms.pdf");
    let p = doc.page(1).unwrap();
    assert_eq!(
        page_text(&p),
        "Before the forms | Inside form A | Inside form B | After the forms"
    );
    assert_eq!(
        kinds(&p),
        [
            &WarningKind::FormCycle { name: "A".into() },
            &WarningKind::FormCycle { name: "S".into() }
        ]
    );
}

#[test]
fn form_fan_out_stops_at_the_invocation_limit() {
    let doc = open_ok("form-fanout.pdf");
    let p = doc.page(1).unwrap();
    assert_eq!(page_text(&p), "Fan-out page");
    assert_eq!(
        kinds(&p),
        [&WarningKind::LimitHit {
            limit: Limit::FormInvocations,
            value: 10_000
        }]
    );
    // Each innermost form draws one rule: 4^9 = 262,144 would be drawn without the limit.
    assert!(p.rules.len() <= 10_000, "{}", p.rules.len());
}

#[test]
fn operator_flood_stops_at_the_operator_limit() {
    // 15 million operators in one 60 MB stream: the page keeps its text, stops at two
    // million operators with a warning, and the next page reads. The stream is decoded one
    // operator at a time (see END_SENTINEL in src/pdf/interp.rs), so memory stays flat.
    let doc = open_ok("operator-flood.pdf");
    let p1 = doc.page(1).unwrap();
    assert_eq!(page_text(&p1), "Flood page");
    assert_eq!(
        kinds(&p1),
        [&WarningKind::LimitHit {
            limit: Limit::OperatorsPerPage,
            value: 2_000_000
        }]
    );
    assert_eq!(page_text(&doc.page(2).unwrap()), "After the flood");
}

// ---------------------------------------------------------------------------------------
// Bombs: a stream past the stream limit is a page warning; many past the document limit
// stop the file with exit code 11.

#[test]
fn inflate_bomb_page_is_skipped_with_a_warning() {
    let doc = open_ok("inflate-bomb.pdf");
    assert_eq!(page_text(&doc.page(1).unwrap()), "Before the bomb");
    let p2 = doc.page(2).unwrap();
    assert!(p2.glyphs.is_empty());
    assert_eq!(
        kinds(&p2),
        [&WarningKind::LimitHit {
            limit: Limit::StreamBytes,
            value: 64 * 1024 * 1024
        }]
    );
    assert_eq!(page_text(&doc.page(3).unwrap()), "After the bomb");

    let (code, err, json) = extract("inflate-bomb.pdf", &[]);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        json_warnings(&json.unwrap()).contains(&(Some(2), "limit_hit".into())),
        "{err}"
    );
    assert!(
        err.contains("inflate-bomb.pdf: page 2: limit stream-bytes (67108864) reached"),
        "{err}"
    );
}

#[test]
fn form_bombs_pass_the_document_limit_exit_11() {
    let doc = open_ok("inflate-bomb-forms.pdf");
    match doc.page(2) {
        Err(Error::LimitExceeded {
            limit: Limit::DocumentBytes,
            value,
            page: Some(2),
            ..
        }) => assert_eq!(value, 256 * 1024 * 1024),
        other => panic!("expected LimitExceeded(DocumentBytes) on page 2, got {other:?}"),
    }
    let (code, err, json) = extract("inflate-bomb-forms.pdf", &[]);
    assert_eq!(code, Some(11));
    assert!(json.is_none());
    assert!(
        err.contains("inflate-bomb-forms.pdf: page 2: limit document-bytes (268435456) exceeded")
            && err.contains("--max-document-bytes"),
        "{err}"
    );
    // A bigger document budget (and a smaller stream limit) reads it, with warnings.
    let (code, err, _) = extract(
        "inflate-bomb-forms.pdf",
        &["--max-stream-bytes", "1M", "--max-document-bytes", "1G"],
    );
    assert_eq!(code, Some(0), "{err}");
    assert!(
        err.contains("page 2: limit stream-bytes (1048576) reached"),
        "{err}"
    );
}

// ---------------------------------------------------------------------------------------
// Scans: a page with only images is a warning; a file with no text at all is exit 10.

#[test]
fn image_only_page_is_reported_and_the_rest_extracted() {
    let doc = open_ok("image-only-page.pdf");
    let p2 = doc.page(2).unwrap();
    assert_eq!(p2.images.len(), 1);
    assert!(
        p2.glyphs.is_empty(),
        "no text is guessed for a scanned page"
    );
    assert_eq!(kinds(&p2), [&WarningKind::NoTextLayer]);
    let paper = pipeline::read(&doc, &Settings::default()).unwrap();
    assert_eq!(paper.pages, 3);
    let w: Vec<_> = paper.warnings.iter().map(|w| (w.page, w.code())).collect();
    assert_eq!(w, [(Some(2), "no_text_layer")]);

    let (code, out, err) = run(&["text"], &broken("image-only-page.pdf"));
    assert_eq!(code, Some(0), "{err}");
    assert!(
        out.contains("Typed page one") && out.contains("Typed page three"),
        "{out}"
    );
    assert!(
        err.contains("image-only-page.pdf: page 2: no text layer"),
        "{err}"
    );
}

#[test]
fn a_file_with_no_text_at_all_is_exit_10() {
    let doc = open_ok("scan-only.pdf");
    match pipeline::read(&doc, &Settings::default()) {
        Err(Error::NoTextLayer {
            pages: 2,
            image_pages: 2,
            ..
        }) => {}
        other => panic!("expected NoTextLayer, got {other:?}"),
    }
    for command in ["extract", "text", "words", "tables"] {
        let (code, out, err) = run(&[command], &broken("scan-only.pdf"));
        assert_eq!(code, Some(10), "{command}: {err}");
        assert!(out.is_empty(), "{command} wrote {out}");
        assert!(
            err.contains(
                "scan-only.pdf: no text layer: none of its 2 pages has text (2 hold images)"
            ) && err.contains("OCR"),
            "{command}: {err}"
        );
    }
}

// ---------------------------------------------------------------------------------------
// Document-level limits: time and objects.

#[test]
fn time_limit_stops_a_slow_file_exit_11() {
    // slow.pdf is 30 pages of 1.9 million operators each (under the per-page limit).
    let options = OpenOptions {
        limits: Limits {
            time: Some(Duration::ZERO),
            ..Limits::default()
        },
        ..Default::default()
    };
    match Document::open(&broken("slow.pdf"), &options) {
        Err(Error::LimitExceeded {
            limit: Limit::Time,
            value: 0,
            ..
        }) => {}
        other => panic!("expected LimitExceeded(Time), got {other:?}"),
    }
    let started = std::time::Instant::now();
    let (code, err, json) = extract("slow.pdf", &["--time-limit", "0.5"]);
    assert_eq!(code, Some(11), "{err}");
    assert!(json.is_none());
    assert!(
        err.contains("slow.pdf: page ") && err.contains("limit time (0.5 s) exceeded"),
        "{err}"
    );
    // Stopped close to its budget (the process start and the check interval add a little).
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn too_many_objects_is_refused_exit_11() {
    // good-three-pages.pdf holds 9 objects.
    let options = OpenOptions {
        limits: Limits {
            objects: 8,
            ..Limits::default()
        },
        ..Default::default()
    };
    match Document::open(&broken("good-three-pages.pdf"), &options) {
        Err(Error::LimitExceeded {
            limit: Limit::Objects,
            value: 8,
            page: None,
            ..
        }) => {}
        other => panic!("expected LimitExceeded(Objects), got {other:?}"),
    }
    let (code, _, err) = run(
        &["words", "--max-objects", "8"],
        &broken("good-three-pages.pdf"),
    );
    assert_eq!(code, Some(11));
    assert!(
        err.contains("good-three-pages.pdf: limit objects (8) exceeded")
            && err.contains("--max-objects"),
        "{err}"
    );
    let (code, _, _) = run(
        &["words", "--max-objects", "9"],
        &broken("good-three-pages.pdf"),
    );
    assert_eq!(code, Some(0));
}

#[test]
fn a_page_level_limit_flag_reaches_the_interpreter() {
    let (code, out, err) = run(
        &["text", "--max-operators", "3"],
        &broken("good-three-pages.pdf"),
    );
    // BT, Tf, Td are read; the Tj that shows the text is past the limit. No text, but not a
    // scan either: the limit is the reason, so no "needs OCR" error.
    assert_eq!(code, Some(0), "{err}");
    assert!(out.trim().is_empty(), "{out}");
    assert!(
        err.contains("page 1: limit operators-per-page (3) reached")
            && err.contains("--max-operators"),
        "{err}"
    );
}

#[test]
fn bad_limit_values_are_usage_errors() {
    for args in [
        ["text", "--max-stream-bytes", "lots"],
        ["text", "--time-limit", "soon"],
    ] {
        let (code, _, err) = run(&args, &broken("good-three-pages.pdf"));
        assert_eq!(code, Some(2), "{args:?}: {err}");
    }
}

// ---------------------------------------------------------------------------------------
// A folder of good and bad files: every good one is extracted, every bad one reported.

/// Each file is named on a line of `err` that gives its reason.
fn assert_reported(err: &str, expected: &[(&str, &str)]) {
    for (file, what) in expected {
        let line = err
            .lines()
            .find(|l| l.contains(file))
            .unwrap_or_else(|| panic!("{file} not reported: {err}"));
        assert!(line.contains(what), "{file}: {line}");
    }
}

#[test]
fn extract_over_a_mixed_folder_reads_the_good_and_reports_the_bad() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("in");
    let out = dir.path().join("out");
    std::fs::create_dir(&inputs).unwrap();
    let copy = |from: PathBuf, to: &str| std::fs::copy(from, inputs.join(to)).unwrap();
    copy(fixture(BOARD_PAPER), "a-board-paper.pdf");
    copy(fixture(PLAN_V3), "b-plan-v3.pdf");
    copy(broken("truncated.pdf"), "c-truncated.pdf");
    copy(broken("image-only-page.pdf"), "d-image-only-page.pdf");
    copy(broken("zero-bytes.pdf"), "e-zero-bytes.pdf");
    copy(broken("png-renamed.pdf"), "f-png-renamed.pdf");
    copy(broken("user-password.pdf"), "g-user-password.pdf");
    copy(broken("scan-only.pdf"), "h-scan-only.pdf");
    copy(broken("garbage.pdf"), "i-garbage.pdf");
    copy(broken("inflate-bomb-forms.pdf"), "j-inflate-bomb-forms.pdf");

    let result = bp()
        .args(["extract", "-q", "-o"])
        .arg(&out)
        .arg(&inputs)
        .output()
        .unwrap();
    assert_eq!(result.status.code(), Some(8));
    let err = String::from_utf8_lossy(&result.stderr);
    assert_reported(
        &err,
        &[
            ("e-zero-bytes.pdf", "not a PDF"),
            ("f-png-renamed.pdf", "not a PDF: a PNG image"),
            ("g-user-password.pdf", "password required"),
            ("h-scan-only.pdf", "no text layer"),
            ("i-garbage.pdf", "damaged beyond recovery"),
            ("j-inflate-bomb-forms.pdf", "limit document-bytes"),
        ],
    );
    assert!(err.contains("6 of 10 files failed"), "{err}");

    let mut written: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    written.sort();
    assert_eq!(
        written,
        [
            "a-board-paper.json",
            "b-plan-v3.json",
            "c-truncated.json",
            "d-image-only-page.json"
        ]
    );
    let read = |name: &str| -> Value {
        serde_json::from_slice(&std::fs::read(out.join(name)).unwrap()).unwrap()
    };
    let board = read("a-board-paper.json");
    assert_eq!(board["pages"], 21);
    assert_eq!(board["plans"][0]["version"], "4");
    let v3 = read("b-plan-v3.json");
    assert_eq!(v3["pages"], 16);
    assert!(!v3["plans"].as_array().unwrap().is_empty());
    let truncated = read("c-truncated.json");
    assert_eq!(truncated["pages"], 3);
    assert!(json_warnings(&truncated).contains(&(None, "xref_recovered".into())));
    let image = read("d-image-only-page.json");
    assert!(json_warnings(&image).contains(&(Some(2), "no_text_layer".into())));

    // `import` over the same folder: the four good files stored once each, the six bad ones
    // reported with the same reasons and recorded in the failures table.
    let db = dir.path().join("plans.db");
    let result = bp()
        .args(["import", "--db"])
        .arg(&db)
        .arg(&inputs)
        .output()
        .unwrap();
    assert_eq!(result.status.code(), Some(8));
    let err = String::from_utf8_lossy(&result.stderr);
    assert_reported(
        &err,
        &[
            ("e-zero-bytes.pdf", "not a PDF"),
            ("g-user-password.pdf", "password required"),
            ("h-scan-only.pdf", "no text layer"),
            ("j-inflate-bomb-forms.pdf", "limit document-bytes"),
        ],
    );
    assert!(
        err.contains("imported 4, already present 0, failed 6"),
        "{err}"
    );
    let conn = rusqlite::Connection::open(&db).unwrap();
    let count = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).unwrap() };
    assert_eq!(count("SELECT count(*) FROM documents"), 4);
    assert_eq!(count("SELECT count(*) FROM failures"), 6);
    assert_eq!(count("SELECT count(*) FROM plans"), 2);
}
