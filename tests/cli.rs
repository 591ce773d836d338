//! The binary end to end: arguments, outputs, exit codes.

use serde_json::Value;

use crate::common::{assert_success, bp, fixture, BOARD_PAPER, PLAN_V3};

#[test]
fn words_json_has_the_documented_shape_and_real_words() {
    let out = bp()
        .args(["words", "--pages", "5"])
        .arg(fixture(BOARD_PAPER))
        .output()
        .unwrap();
    assert_success(&out);
    assert!(
        out.stderr.is_empty(),
        "no noise on success: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["file"]
        .as_str()
        .unwrap()
        .ends_with("mscb-board-paper-2015-06.pdf"));
    let pages = v["pages"].as_array().unwrap();
    assert_eq!(pages.len(), 1);
    let p = &pages[0];
    assert_eq!(p["number"], 5);
    // Landscape A4: 841.89 x 595.30 points.
    assert_eq!(p["width"], 841.89);
    assert_eq!(p["height"], 595.3);
    assert_eq!(p["rotation"], 0);
    let words = p["words"].as_array().unwrap();
    // The running header "APPENDIX 1" is the first line of the page (poppler: x 698.7-759.9).
    assert_eq!(words[0]["text"], "APPENDIX");
    let bbox: Vec<f64> = words[0]["bbox"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_f64().unwrap())
        .collect();
    assert!(
        (bbox[0] - 698.7).abs() < 0.5 && (bbox[2] - 759.95).abs() < 0.5,
        "{bbox:?}"
    );
    let texts: Vec<&str> = words.iter().map(|w| w["text"].as_str().unwrap()).collect();
    for expected in ["Priority", "Lead", "Success", "VERSION"] {
        assert!(texts.contains(&expected), "missing {expected} in {texts:?}");
    }
}

#[test]
fn text_reads_the_title_and_layout_keeps_columns() {
    let out = bp()
        .args(["text", "--pages", "1"])
        .arg(fixture(BOARD_PAPER))
        .output()
        .unwrap();
    assert_success(&out);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("MEDWAY SAFEGUARDING CHILDREN BOARD (MSCB) UPDATE REPORT"),
        "{text}"
    );
    let out = bp()
        .args(["text", "--layout", "--pages", "1"])
        .arg(fixture(PLAN_V3))
        .output()
        .unwrap();
    assert_success(&out);
    let text = String::from_utf8(out.stdout).unwrap();
    // The header row of the plan: the column names on one line, separated by runs of spaces.
    let header = text
        .lines()
        .find(|l| l.contains("Specific action"))
        .unwrap_or_default();
    assert!(
        header.contains("Lead") && header.contains("Success"),
        "{text}"
    );
    assert!(header.contains("   "), "columns kept apart: {header:?}");
}

#[test]
fn stdin_and_output_file() {
    let dir = tempfile::tempdir().unwrap();
    let out_path = dir.path().join("w.json");
    let bytes = std::fs::read(fixture(PLAN_V3)).unwrap();
    let out = bp()
        .args(["words", "--pages", "2", "-o"])
        .arg(&out_path)
        .arg("-")
        .write_stdin(bytes)
        .output()
        .unwrap();
    assert_success(&out);
    assert!(out.stdout.is_empty());
    let v: Value = serde_json::from_slice(&std::fs::read(&out_path).unwrap()).unwrap();
    assert_eq!(v["file"], "<stdin>");
    assert_eq!(v["pages"][0]["number"], 2);
}

#[test]
fn errors_name_the_file_and_set_the_exit_code() {
    let dir = tempfile::tempdir().unwrap();
    let fake = dir.path().join("photo.pdf");
    std::fs::write(&fake, b"\x89PNG\r\n\x1a\n0000").unwrap();
    let out = bp().arg("words").arg(&fake).output().unwrap();
    assert_eq!(out.status.code(), Some(4));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("photo.pdf") && err.contains("not a PDF") && err.contains("PNG"),
        "{err}"
    );

    let out = bp()
        .arg("text")
        .arg(dir.path().join("absent.pdf"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&out.stderr).contains("absent.pdf"));

    let out = bp()
        .args(["primitives", "--page", "99"])
        .arg(fixture(PLAN_V3))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr)
        .contains("page 99 does not exist (the document has 16 pages)"));

    let out = bp()
        .args(["words", "--pages", "3-1"])
        .arg(fixture(PLAN_V3))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn primitives_json_and_svg() {
    let dir = tempfile::tempdir().unwrap();
    let svg = dir.path().join("p1.svg");
    let out = bp()
        .args(["primitives", "--page", "1", "--svg"])
        .arg(&svg)
        .arg(fixture(PLAN_V3))
        .output()
        .unwrap();
    assert_success(&out);
    let svg = std::fs::read_to_string(&svg).unwrap();
    assert!(svg.starts_with("<svg") && svg.contains("<line") && svg.contains(">P</text>"));
    let out = bp()
        .args(["primitives", "--page", "1"])
        .arg(fixture(PLAN_V3))
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    // The plan's table is ruled: many horizontal and vertical rules, and shaded rows.
    assert!(v["rules"].as_array().unwrap().len() > 20);
    let fills: Vec<&str> = v["fills"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["colour"].as_str())
        .collect();
    assert!(
        fills.contains(&"#C6D9F1"),
        "priority row shading: {fills:?}"
    );
}

#[test]
fn extract_writes_valid_json_and_validate_points_at_problems() {
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("v3.json");
    let out = bp()
        .args(["extract", "-q", "-o"])
        .arg(&json)
        .arg(fixture(PLAN_V3))
        .output()
        .unwrap();
    assert_success(&out);
    let v: Value = serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
    assert_eq!(v["plans"][0]["version"], "3");
    assert_eq!(v["plans"][0]["priorities"].as_array().unwrap().len(), 6);
    assert!(v["report"].is_null());
    let ok = bp().arg("validate").arg(&json).output().unwrap();
    assert_success(&ok);
    // Corrupt one value: a priority number as a string.
    let mut bad = v.clone();
    bad["plans"][0]["priorities"][1]["number"] = Value::from("2");
    let bad_path = dir.path().join("bad.json");
    std::fs::write(&bad_path, serde_json::to_vec(&bad).unwrap()).unwrap();
    let out = bp().arg("validate").arg(&bad_path).output().unwrap();
    assert_eq!(out.status.code(), Some(7));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("/plans/0/priorities/1/number"), "{err}");
}

#[test]
fn extract_a_folder_to_csv_and_report_bad_files() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    std::fs::copy(fixture(PLAN_V3), input.join("v3.pdf")).unwrap();
    std::fs::write(input.join("broken.pdf"), b"not a pdf at all").unwrap();
    let out_dir = dir.path().join("out");
    let out = bp()
        .args(["extract", "-q", "--format", "csv", "-o"])
        .arg(&out_dir)
        .arg(&input)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(8), "some files failed");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("broken.pdf") && err.contains("not a PDF"),
        "{err}"
    );
    let mut rdr = csv::Reader::from_path(out_dir.join("v3").join("actions.csv")).unwrap();
    let rows: Vec<csv::StringRecord> = rdr.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), 27, "one row per V3 action");
    assert_eq!(&rows[0][7], "1.1");
    let mut rdr = csv::Reader::from_path(out_dir.join("v3").join("milestones.csv")).unwrap();
    assert_eq!(rdr.records().count(), 75, "one row per V3 milestone");
}

#[test]
fn tables_as_csv_files_and_to_stdout() {
    let dir = tempfile::tempdir().unwrap();
    let out = bp()
        .args(["tables", "-q", "--format", "csv", "-o"])
        .arg(dir.path())
        .arg(fixture(PLAN_V3))
        .output()
        .unwrap();
    assert_success(&out);
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    // V3's six priority tables: P3 and P4 meet at a page break with the same columns and join.
    assert_eq!(
        names,
        [
            "table-01-page-1.csv",
            "table-02-page-6.csv",
            "table-03-page-8.csv",
            "table-04-page-13.csv",
            "table-05-page-15.csv"
        ]
    );
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_path(dir.path().join("table-01-page-1.csv"))
        .unwrap();
    let rows: Vec<csv::StringRecord> = rdr.records().map(|r| r.unwrap()).collect();
    assert_eq!(&rows[1][0], "Action");
    assert_eq!(&rows[4][0], "1.1");
    assert_eq!(&rows[4][5], "In progress", "the RAG column");
    let out = bp()
        .args(["tables", "-q", "--format", "csv"])
        .arg(fixture(PLAN_V3))
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        text.matches("\n\nPlanning,,,,Monitoring,,").count(),
        4,
        "five tables separated by blank lines"
    );
    let out = bp()
        .args(["tables", "-q", "--format", "md", "--pages", "1"])
        .arg(fixture(PLAN_V3))
        .output()
        .unwrap();
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.starts_with("| Planning |"), "{md}");
}

/// Run the binary with no password in the environment; exit code and standard error.
fn run_err(args: &[&str], files: &[&std::path::Path]) -> (Option<i32>, String) {
    let out = bp()
        .env_remove("BOARDPAPER_PASSWORD")
        .args(args)
        .args(files)
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn every_reading_command_names_the_flag_that_raises_a_limit() {
    // good-three-pages.pdf holds 9 objects. The library names the limit; the command line
    // adds its flag, and every command that reads PDFs has the flag (diff included).
    let file = fixture("broken/good-three-pages.pdf");
    let message = "good-three-pages.pdf: limit objects (8) exceeded; reading stopped \
                   (raise it with --max-objects if the file is trusted)";
    for command in ["extract", "text", "words", "tables"] {
        let (code, err) = run_err(&[command, "--max-objects", "8"], &[&file]);
        assert_eq!(code, Some(11), "{command}: {err}");
        assert!(err.contains(message), "{command}: {err}");
    }
    // diff keeps diff(1)'s exit codes: any trouble is 2.
    let (code, err) = run_err(&["diff", "--max-objects", "8"], &[&file, &file]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains(message), "{err}");
}

#[test]
fn an_encrypted_file_names_the_password_flag() {
    let file = fixture("broken/user-password.pdf");
    let message = "user-password.pdf: password required: the file is encrypted; \
                   supply it with --password";
    let (code, err) = run_err(&["words"], &[&file]);
    assert_eq!(code, Some(6), "{err}");
    assert!(err.contains(message), "{err}");
    let (code, err) = run_err(&["diff"], &[&file, &file]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains(message), "{err}");
}

#[test]
fn usage_errors_say_what_to_give() {
    let (code, err) = run_err(&["import", "--db", "unused.db", "-"], &[]);
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("import reads files, not standard input: save it to a file first"),
        "{err}"
    );
    let dir = tempfile::tempdir().unwrap();
    let (code, err) = run_err(&["extract", "-q"], &[dir.path()]);
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("several inputs: give -o DIR for the outputs"),
        "{err}"
    );
    let (code, err) = run_err(&["extract", "-q", "--format", "csv"], &[&fixture(PLAN_V3)]);
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("CSV makes two files (actions.csv, milestones.csv): give -o DIR"),
        "{err}"
    );
    // validate and diff name standard input as given.
    let out = bp()
        .args(["validate", "-"])
        .write_stdin("not json")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(7));
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("boardpaper: -: not JSON: "));
}
