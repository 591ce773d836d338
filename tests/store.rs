//! The import database: import, versions, history, export, crash safety, migrations.

use assert_cmd::Command;
use rusqlite::Connection;
use serde_json::Value;
use std::path::{Path, PathBuf};

use boardpaper::store::{schema, Store};

use crate::common::{bp, fixture, BOARD_PAPER, PLAN_V3};

/// Run the binary; returns (exit code, stdout, stderr).
fn run(cmd: &mut Command) -> (Option<i32>, Vec<u8>, String) {
    let out = cmd.output().unwrap();
    (
        out.status.code(),
        out.stdout,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn import(db: &Path, inputs: &[PathBuf]) -> (Option<i32>, String) {
    let (code, _, err) = run(bp().arg("import").args(inputs).arg("--db").arg(db));
    (code, err)
}

fn json(db: &Path, args: &[&str]) -> Value {
    let (code, out, err) = run(bp().args(args).arg("--db").arg(db));
    assert_eq!(code, Some(0), "{args:?}: {err}");
    serde_json::from_slice(&out).unwrap()
}

fn count(conn: &Connection, sql: &str) -> i64 {
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

/// Every stored document's rows agree with its stored JSON: no document is half there.
fn assert_whole(conn: &Connection) {
    let ok: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
    let fk = count(conn, "SELECT count(*) FROM pragma_foreign_key_check");
    assert_eq!(fk, 0, "dangling foreign keys");
    let mut stmt = conn
        .prepare("SELECT id, file, extract_json FROM documents")
        .unwrap();
    let docs: Vec<(i64, String, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    for (id, file, json) in docs {
        let paper: Value = serde_json::from_str(&json).unwrap();
        let actions: Vec<&Value> = paper["plans"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|p| p["priorities"].as_array().unwrap())
            .flat_map(|p| p["improvement_areas"].as_array().unwrap())
            .flat_map(|a| a["actions"].as_array().unwrap())
            .collect();
        // Lists the JSON leaves out when empty (`fields`) count 0.
        let n = |key: &str| -> i64 {
            actions
                .iter()
                .map(|a| a[key].as_array().map_or(0, |l| l.len() as i64))
                .sum()
        };
        let stored = |sql: &str| -> i64 { conn.query_row(sql, [id], |r| r.get(0)).unwrap() };
        let scope = "FROM actions ac JOIN areas ar ON ar.id = ac.area_id
                     JOIN priorities pr ON pr.id = ar.priority_id
                     JOIN plans pl ON pl.id = pr.plan_id WHERE pl.document_id = ?1";
        assert_eq!(
            stored(&format!("SELECT count(*) {scope}")),
            actions.len() as i64,
            "{file}: actions"
        );
        assert_eq!(
            stored(&format!(
                "SELECT count(*) FROM milestones WHERE action_id IN (SELECT ac.id {scope})"
            )),
            n("milestones"),
            "{file}: milestones"
        );
        assert_eq!(
            stored(&format!(
                "SELECT count(*) FROM rag_entries WHERE action_id IN (SELECT ac.id {scope})"
            )),
            n("rag"),
            "{file}: rag entries"
        );
        assert_eq!(
            stored(&format!(
                "SELECT count(*) FROM action_items WHERE action_id IN (SELECT ac.id {scope})"
            )),
            n("leads") + n("success_indicators") + n("impact_evidence"),
            "{file}: leads, indicators, evidence"
        );
        assert_eq!(
            stored(&format!(
                "SELECT count(*) FROM action_fields WHERE action_id IN (SELECT ac.id {scope})"
            )),
            n("fields"),
            "{file}: columns with no role"
        );
        assert_eq!(
            stored("SELECT count(*) FROM warnings WHERE document_id = ?1"),
            paper["warnings"].as_array().unwrap().len() as i64,
            "{file}: warnings"
        );
    }
}

#[test]
fn history_of_p1_1_1_shows_the_milestone_completed_between_versions_3_and_4() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plans.db");
    // Newest first on the command line: the order of import must not matter.
    let (code, err) = import(&db, &[fixture(BOARD_PAPER), fixture(PLAN_V3)]);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        err.contains("imported 2, already present 0, failed 0"),
        "{err}"
    );

    let versions = json(&db, &["versions", "--format", "json"]);
    let labels: Vec<&str> = versions
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["version"].as_str().unwrap())
        .collect();
    assert_eq!(labels, ["3", "4"]);
    assert_eq!(versions[0]["version_month"], "2015-03");
    assert_eq!(versions[1]["version_month"], "2015-06");

    // fixtures/mscb/v3-to-v4.changes.json: P1 1.1 milestone 1 went In progress -> Complete.
    let h = json(&db, &["history", "P1 1.1", "--format", "json"]);
    let v = h["versions"].as_array().unwrap();
    assert_eq!(v.len(), 2);
    let m = |i: usize| &v[i]["action"]["milestones"][1];
    assert_eq!(m(0)["status"], "In progress");
    assert_eq!(m(1)["status"], "Complete");
    assert!(m(0)["text"]
        .as_str()
        .unwrap()
        .starts_with("Safeguarding Taster sessions"));
    assert_eq!(v[0]["changed"], serde_json::json!([]));
    assert_eq!(
        v[1]["changed"],
        serde_json::json!(["success_indicators", "milestones", "rag"])
    );
    assert_eq!(v[1]["action"]["rag"][0]["colour"], "green");
    // The changes are diff's, kept to this action: as fixtures/mscb/v3-to-v4.changes.json.
    let kinds: Vec<(&str, Value)> = v[1]["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["kind"].as_str().unwrap(), c["index"].clone()))
        .collect();
    assert_eq!(
        kinds,
        [
            ("field_changed", Value::Null),
            ("milestone_status_changed", 1.into()),
            ("milestone_date_changed", 2.into()),
            ("milestone_date_changed", 4.into()),
            ("rag_changed", 0.into()),
        ]
    );

    let (code, out, err) = run(bp().args(["history", "P1 1.1", "--db"]).arg(&db));
    assert_eq!(code, Some(0), "{err}");
    let text = String::from_utf8(out).unwrap();
    assert!(text.contains("Version 3 (March 2015)"), "{text}");
    assert!(
        text.contains("[2] In progress, May 2015: Safeguarding Taster sessions"),
        "{text}"
    );
    assert!(
        text.contains("[2] Complete, May 2015: Safeguarding Taster sessions"),
        "{text}"
    );
    assert!(text.find("In progress, May 2015") < text.find("Complete, May 2015"));
    assert!(
        text.contains("  changes from version 3:\n")
            && text.contains("    milestone 2: In progress → Complete (May 2015)\n")
            && text.contains("    RAG 1: In progress (amber) → Complete (green)\n"),
        "{text}"
    );

    let (code, out, _) = run(bp()
        .args(["history", "P1 1.1", "--format", "csv", "--db"])
        .arg(&db));
    assert_eq!(code, Some(0));
    let mut rows = csv::Reader::from_reader(out.as_slice());
    let statuses: Vec<String> = rows
        .records()
        .map(|r| r.unwrap().get(15).unwrap().to_string())
        .collect();
    assert_eq!(statuses.len(), 2);
    assert!(
        statuses[0].starts_with("Complete\nIn progress\n"),
        "{statuses:?}"
    );
    assert!(
        statuses[1].starts_with("Complete\nComplete\n"),
        "{statuses:?}"
    );

    // An action that is not there, and a malformed name, are usage errors naming the db.
    let (code, _, err) = run(bp().args(["history", "P9 9.9", "--db"]).arg(&db));
    assert_eq!(code, Some(2));
    assert!(err.contains("plans.db") && err.contains("P9 9.9"), "{err}");
    let (code, _, _) = run(bp().args(["history", "1.1", "--db"]).arg(&db));
    assert_eq!(code, Some(2));
}

#[test]
fn a_folder_with_copies_and_bad_files_stores_each_good_document_once() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("papers");
    let sub = input.join("older");
    std::fs::create_dir_all(&sub).unwrap();
    let copy = |from: &str, to: &Path| std::fs::copy(fixture(from), to).unwrap();
    copy(BOARD_PAPER, &input.join("board-paper.pdf"));
    copy(BOARD_PAPER, &input.join("board-paper (copy).pdf"));
    copy(PLAN_V3, &sub.join("plan-v3.pdf"));
    copy(PLAN_V3, &sub.join("PLAN-V3-AGAIN.PDF"));
    copy("synthetic/user-password.pdf", &input.join("locked.pdf"));
    let whole = std::fs::read(fixture(PLAN_V3)).unwrap();
    std::fs::write(input.join("truncated.pdf"), &whole[..20_000]).unwrap();
    let db = dir.path().join("store.db");

    let (code, err) = import(&db, std::slice::from_ref(&input));
    assert_eq!(code, Some(8), "{err}");
    assert!(
        err.contains("imported 2, already present 2, failed 2"),
        "{err}"
    );
    assert!(
        err.contains("locked.pdf: password required"),
        "the reason is printed with the file: {err}"
    );
    assert!(err.contains("truncated.pdf: damaged"), "{err}");

    let conn = Connection::open(&db).unwrap();
    assert_eq!(count(&conn, "SELECT count(*) FROM documents"), 2);
    assert_eq!(
        count(&conn, "SELECT count(DISTINCT hash) FROM documents"),
        2
    );
    let failures: Vec<(String, Option<String>, String)> = conn
        .prepare("SELECT file, hash, reason FROM failures ORDER BY file")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(failures.len(), 2, "{failures:?}");
    assert!(failures[0].0.ends_with("locked.pdf"));
    assert!(
        failures[0].2.starts_with("password required"),
        "{failures:?}"
    );
    assert!(failures[1].0.ends_with("truncated.pdf"));
    assert!(failures[1].2.starts_with("damaged"), "{failures:?}");
    assert_eq!(failures[1].1.as_ref().map(String::len), Some(64));
    assert_whole(&conn);

    // Importing again changes nothing but the failure log.
    let (code, err) = import(&db, &[input]);
    assert_eq!(code, Some(8));
    assert!(
        err.contains("imported 0, already present 4, failed 2"),
        "{err}"
    );
    assert_eq!(count(&conn, "SELECT count(*) FROM documents"), 2);
    assert_eq!(count(&conn, "SELECT count(*) FROM plans"), 2);
}

#[test]
fn a_crash_in_the_middle_of_a_document_leaves_no_trace_and_the_next_import_completes() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("crash.db");
    let (code, err) = import(&db, &[fixture(PLAN_V3)]);
    assert_eq!(code, Some(0), "{err}");
    let conn = Connection::open(&db).unwrap();
    let rows_before = count(&conn, "SELECT count(*) FROM milestones");
    drop(conn);

    // The test hook aborts the process (no unwinding, no rollback) 50 rows into the board
    // paper's transaction.
    let (code, _, err) = run(bp()
        .arg("import")
        .arg(fixture(PLAN_V3))
        .arg(fixture(BOARD_PAPER))
        .arg("--db")
        .arg(&db)
        .env("BOARDPAPER_TEST_ABORT_AFTER_ROWS", "50"));
    assert_ne!(code, Some(0));
    assert!(err.contains("test hook: aborting after 50 rows"), "{err}");
    let journal = dir.path().join("crash.db-journal");
    assert!(
        journal.exists(),
        "the crash left a hot journal to roll back"
    );

    let conn = Connection::open(&db).unwrap();
    assert_whole(&conn);
    assert_eq!(count(&conn, "SELECT count(*) FROM documents"), 1);
    assert_eq!(count(&conn, "SELECT count(*) FROM milestones"), rows_before);
    drop(conn);

    let (code, err) = import(&db, &[fixture(PLAN_V3), fixture(BOARD_PAPER)]);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        err.contains("imported 1, already present 1, failed 0"),
        "{err}"
    );
    let conn = Connection::open(&db).unwrap();
    assert_whole(&conn);
    assert_eq!(count(&conn, "SELECT count(*) FROM documents"), 2);
}

#[test]
fn sigkill_during_a_large_import_leaves_whole_documents_only() {
    use std::process::Stdio;
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("many");
    std::fs::create_dir_all(&input).unwrap();
    // Distinct bytes (a comment after %%EOF), so each copy is a document of its own.
    let pdf = std::fs::read(fixture(BOARD_PAPER)).unwrap();
    for i in 0..24 {
        let mut bytes = pdf.clone();
        bytes.extend_from_slice(format!("\n% copy {i}\n").as_bytes());
        std::fs::write(input.join(format!("paper-{i:02}.pdf")), bytes).unwrap();
    }
    let db = dir.path().join("killed.db");
    let bin = assert_cmd::cargo::cargo_bin("boardpaper");
    let mut child = std::process::Command::new(&bin)
        .arg("import")
        .arg(&input)
        .arg("--db")
        .arg(&db)
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Wait until some documents are stored, then kill it wherever it is.
    let start = std::time::Instant::now();
    loop {
        std::thread::sleep(std::time::Duration::from_millis(20));
        let stored = Connection::open(&db)
            .ok()
            .and_then(|c| {
                c.query_row("SELECT count(*) FROM documents", [], |r| r.get::<_, i64>(0))
                    .ok()
            })
            .unwrap_or(0);
        if stored >= 2 || start.elapsed().as_secs() > 60 {
            break;
        }
    }
    child.kill().unwrap();
    let killed = child.wait().unwrap();

    let conn = Connection::open(&db).unwrap();
    assert_whole(&conn);
    let stored = count(&conn, "SELECT count(*) FROM documents");
    drop(conn);
    if killed.success() {
        eprintln!("note: the import finished before the kill ({stored} documents)");
    }
    let (code, err) = import(&db, &[input]);
    assert_eq!(code, Some(0), "{err}");
    let conn = Connection::open(&db).unwrap();
    assert_whole(&conn);
    assert_eq!(count(&conn, "SELECT count(*) FROM documents"), 24);
}

#[test]
fn a_version_1_database_is_migrated_and_keeps_its_documents() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(schema::MIGRATIONS[0]).unwrap();
        conn.pragma_update(None, "user_version", 1).unwrap();
        conn.execute(
            "INSERT INTO documents (hash, file, path, pages, extract_json)
             VALUES ('abc', 'old.pdf', 'old.pdf', 3, '{}')",
            [],
        )
        .unwrap();
        let e = conn.execute("INSERT INTO failures (file, reason) VALUES ('x', 'y')", []);
        assert!(e.is_err(), "version 1 has no failures table");
    }
    let mut store = Store::open(&path).unwrap();
    let conn = store.connection();
    assert_eq!(schema::version(conn).unwrap(), schema::latest());
    assert_eq!(schema::latest(), 6);
    assert_eq!(count(conn, "SELECT count(*) FROM documents"), 1);
    assert_eq!(count(conn, "SELECT count(*) FROM action_versions"), 0);
    store.record_failure("x.pdf", None, "not a PDF").unwrap();
    assert_eq!(
        count(store.connection(), "SELECT count(*) FROM failures"),
        1
    );
    drop(store);
    // Opening again applies nothing twice.
    let store = Store::open(&path).unwrap();
    assert_eq!(schema::version(store.connection()).unwrap(), 6);

    // A database from a newer boardpaper is refused, naming the file.
    let newer = dir.path().join("newer.db");
    Connection::open(&newer)
        .unwrap()
        .pragma_update(None, "user_version", 99)
        .unwrap();
    let e = Store::open(&newer).unwrap_err().to_string();
    assert!(e.contains("newer.db") && e.contains("99"), "{e}");
}

#[test]
fn export_from_the_database_equals_what_extract_writes() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plans.db");
    let (code, err) = import(&db, &[fixture(PLAN_V3), fixture(BOARD_PAPER)]);
    assert_eq!(code, Some(0), "{err}");
    for (file, version) in [(BOARD_PAPER, "4"), (PLAN_V3, "3")] {
        let (code, extracted, err) = run(bp().args(["extract", "-q"]).arg(fixture(file)));
        assert_eq!(code, Some(0), "{err}");
        let (code, exported, err) =
            run(bp().args(["export", "--version", version, "--db"]).arg(&db));
        assert_eq!(code, Some(0), "{err}");
        assert!(extracted == exported, "{file}: export differs from extract");

        let a = dir.path().join(format!("extract-{version}"));
        let b = dir.path().join(format!("export-{version}"));
        let (code, _, err) = run(bp()
            .args(["extract", "-q", "--format", "csv", "-o"])
            .arg(&a)
            .arg(fixture(file)));
        assert_eq!(code, Some(0), "{err}");
        let (code, _, err) = run(bp()
            .args(["export", "--format", "csv", "--version", version, "--db"])
            .arg(&db)
            .arg("-o")
            .arg(&b));
        assert_eq!(code, Some(0), "{err}");
        let (code, extracted, err) = run(bp()
            .args(["extract", "-q", "--format", "xlsx"])
            .arg(fixture(file)));
        assert_eq!(code, Some(0), "{err}");
        let (code, exported, err) = run(bp()
            .args(["export", "--format", "xlsx", "--version", version, "--db"])
            .arg(&db));
        assert_eq!(code, Some(0), "{err}");
        assert!(extracted.starts_with(b"PK"), "a zip");
        assert!(
            extracted == exported,
            "{file}: xlsx export differs from extract"
        );
        for csv in ["actions.csv", "milestones.csv"] {
            let x = std::fs::read(a.join(csv)).unwrap();
            assert!(x.len() > 1000, "{csv} has rows");
            assert!(x == std::fs::read(b.join(csv)).unwrap(), "{file}: {csv}");
        }
    }
    // A version that is not stored names what is.
    let (code, _, err) = run(bp().args(["export", "--version", "7", "--db"]).arg(&db));
    assert_eq!(code, Some(2));
    assert!(
        err.contains("plans.db") && err.contains("stored versions: 3, 4"),
        "{err}"
    );
    // Reading commands never create a database.
    let missing = dir.path().join("missing.db");
    let (code, _, err) = run(bp().args(["versions", "--db"]).arg(&missing));
    assert_eq!(code, Some(3));
    assert!(err.contains("missing.db: no such database"), "{err}");
    assert!(!missing.exists());
}

#[test]
fn the_readme_query_counts_completed_milestones_per_version() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plans.db");
    let (code, err) = import(&db, &[fixture(PLAN_V3), fixture(BOARD_PAPER)]);
    assert_eq!(code, Some(0), "{err}");
    let readme =
        std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("README.md"))
            .unwrap();
    let start = readme.find("-- milestones completed per version").unwrap();
    let end = start + readme[start..].find("```").unwrap();
    let sql = &readme[start..end];
    let conn = Connection::open(&db).unwrap();
    let rows: Vec<(String, i64, i64)> = conn
        .prepare(sql)
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_eq!(rows[0].0, "3");
    assert_eq!(rows[1].0, "4");
    // Version 4 completed more milestones than version 3 had.
    assert!(rows[1].1 > rows[0].1, "{rows:?}");
    assert!(rows.iter().all(|r| r.1 <= r.2), "{rows:?}");
}

#[test]
fn diff_of_two_stored_versions_equals_diff_of_the_files() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plans.db");
    let (code, err) = import(&db, &[fixture(BOARD_PAPER), fixture(PLAN_V3)]);
    assert_eq!(code, Some(0), "{err}");
    let (code, stored, err) = run(bp()
        .args([
            "diff", "--format", "json", "--from", "3", "--to", "4", "--db",
        ])
        .arg(&db));
    assert_eq!(
        code,
        Some(1),
        "diff exits 1 when the versions differ: {err}"
    );
    let (code, files, err) = run(bp()
        .args(["diff", "-q", "--format", "json"])
        .arg(fixture(PLAN_V3))
        .arg(fixture(BOARD_PAPER)));
    assert_eq!(code, Some(1), "{err}");
    assert!(stored == files, "diff --db differs from diff of the files");
    let list: Value = serde_json::from_slice(&stored).unwrap();
    assert_eq!(list["changes"].as_array().unwrap().len(), 28);
    // The same version against itself: no change, exit 0.
    let (code, _, err) = run(bp()
        .args(["diff", "--from", "4", "--to", "4", "--db"])
        .arg(&db));
    assert_eq!(code, Some(0), "{err}");
    let (code, _, err) = run(bp()
        .args(["diff", "--from", "3", "--to", "9", "--db"])
        .arg(&db));
    assert_eq!(code, Some(2));
    assert!(err.contains("no stored version \"9\""), "{err}");
}

/// A version 5 database whose reports table holds a report stored with an empty title (what
/// a report printing none gave before) opens with that title NULL, the report's other fields
/// kept, and takes a report whose title is null.
#[test]
fn a_version_5_database_takes_reports_without_a_title() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v5.db");
    {
        let conn = Connection::open(&path).unwrap();
        for sql in schema::MIGRATIONS.iter().take(5) {
            conn.execute_batch(sql).unwrap();
        }
        conn.pragma_update(None, "user_version", 5).unwrap();
        conn.execute_batch(
            "INSERT INTO documents (id, hash, file, path, pages, extract_json)
               VALUES (1, 'abc', 'old.pdf', 'old.pdf', 3, '{}'),
                      (2, 'def', 'new.pdf', 'new.pdf', 3, '{}');
             INSERT INTO reports (document_id, title, author) VALUES (1, '', 'Ann Ryle');
             INSERT INTO recommendations (document_id, seq, text) VALUES (1, 0, 'Note it');",
        )
        .unwrap();
    }
    let store = Store::open(&path).unwrap();
    let conn = store.connection();
    assert_eq!(schema::version(conn).unwrap(), schema::latest());
    let row: (Option<String>, Option<String>) = conn
        .query_row(
            "SELECT title, author FROM reports WHERE document_id = 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(row, (None, Some("Ann Ryle".to_string())));
    assert_eq!(count(conn, "SELECT count(*) FROM recommendations"), 1);
    conn.execute(
        "INSERT INTO reports (document_id, title) VALUES (2, NULL)",
        [],
    )
    .unwrap();
    assert_eq!(
        count(conn, "SELECT count(*) FROM reports WHERE title IS NULL"),
        2
    );
}

/// A version 2 database (before plans of any template) with an action stored opens: its rows
/// read as printing no labels, no third level and printed numbers, and the view has the new
/// columns.
#[test]
fn a_version_2_database_is_migrated_to_plans_of_any_template() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v2.db");
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(schema::MIGRATIONS[0]).unwrap();
        conn.execute_batch(schema::MIGRATIONS[1]).unwrap();
        conn.pragma_update(None, "user_version", 2).unwrap();
        conn.execute_batch(
            "INSERT INTO documents (id, hash, file, path, pages, extract_json)
               VALUES (1, 'abc', 'old.pdf', 'old.pdf', 3, '{}');
             INSERT INTO plans (id, document_id, seq, title, columns, first_page, last_page)
               VALUES (1, 1, 0, 'Old plan', '[]', 1, 3);
             INSERT INTO priorities (id, plan_id, seq, number, title) VALUES (1, 1, 0, 1, 'P');
             INSERT INTO areas (id, priority_id, seq, number, outcome) VALUES (1, 1, 0, 1, 'O');
             INSERT INTO actions (id, area_id, seq, number, specific_action, first_page, last_page)
               VALUES (1, 1, 0, '1.1', 'Do it', 1, 1);
             INSERT INTO milestones (action_id, seq, text) VALUES (1, 0, 'Done – Complete');",
        )
        .unwrap();
    }
    let store = Store::open(&path).unwrap();
    let conn = store.connection();
    assert_eq!(schema::version(conn).unwrap(), schema::latest());
    let row: (
        Option<String>,
        Option<String>,
        i64,
        Option<String>,
        Option<String>,
    ) = conn
        .query_row(
            "SELECT priority_label, area_label, number_implied, group_title,
                    (SELECT status_text FROM milestones WHERE action_id = 1)
             FROM action_versions",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .unwrap();
    assert_eq!(row, (None, None, 0, None, None));
    assert_eq!(count(conn, "SELECT count(*) FROM action_fields"), 0);
}

/// A paper with every part of a plan of any template (printed labels, a third level, counted
/// numbers, columns with no role, status words as printed) is stored in the tables and reads
/// back from the store equal to what was extracted.
#[test]
fn labels_groups_implied_numbers_fields_and_status_words_are_stored_and_read_back() {
    use crate::zoo_diff::hand_made::{
        area, decorated, paper, plan, priority, unnumbered, BUSES, ROADS,
    };

    let a = decorated("1.1", ROADS);
    let b = unnumbered(2, BUSES);
    let mut made = plan(vec![priority(
        1,
        "Roads",
        vec![area(1, "Safe roads", vec![a, b])],
    )]);
    made.version = Some("2".into());
    let paper = paper(vec![made]);
    let json = String::from_utf8(boardpaper::export::paper::json(&paper).unwrap()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("made.db")).unwrap();
    let id = match store.import("0123abcd", "made.pdf", &paper, &json).unwrap() {
        boardpaper::store::Imported::New { document_id } => document_id,
        other => panic!("{other:?}"),
    };
    assert_eq!(store.paper(id).unwrap(), paper);
    let version = store.find_version("2", None, None).unwrap();
    assert_eq!(store.plan(&version).unwrap(), paper.plans[0]);
    let conn = store.connection();
    assert_whole(conn);
    // (number, number_implied, group label, group number, group title)
    type Row = (String, bool, Option<String>, Option<String>, Option<String>);
    let actions: Vec<Row> = conn
        .prepare(
            "SELECT action, number_implied, group_label, group_number, group_title
             FROM action_versions ORDER BY action_id",
        )
        .unwrap()
        .query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(
        actions,
        [
            (
                "1.1".to_string(),
                false,
                Some("Project 2".to_string()),
                Some("2".to_string()),
                Some("Resurfacing".to_string())
            ),
            ("2".to_string(), true, None, None, None),
        ]
    );
    let labels: (String, String) = conn
        .query_row(
            "SELECT priority_label, area_label FROM action_versions LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(labels, ("Theme 1".to_string(), "Outcome 1".to_string()));
    let fields: Vec<(i64, String, String)> = conn
        .prepare("SELECT seq, heading, text FROM action_fields ORDER BY seq")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(
        fields,
        [
            (0, "Comments".to_string(), "Survey done.".to_string()),
            (1, "Budget".to_string(), "£2m".to_string())
        ]
    );
    let words: Vec<Option<String>> = conn
        .prepare("SELECT status_text FROM milestones ORDER BY action_id, seq")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(words, [Some("Achieved".to_string()), None]);
}

/// `history` follows an action of any template: one with no printed number (its count shifts
/// when an action is inserted before it) by content, one moved to another priority and
/// renumbered by the diff's matching.
#[test]
fn history_follows_unnumbered_and_moved_actions() {
    use crate::zoo_diff::hand_made::{
        action, area, paper, plan, priority, unnumbered, BUSES, LIGHTS, PARKS, ROADS,
    };
    use boardpaper::store::history::{history, ActionKey};

    let versions = [
        plan(vec![
            priority(
                1,
                "Roads",
                vec![area(
                    1,
                    "Safe roads",
                    vec![unnumbered(1, ROADS), unnumbered(2, LIGHTS)],
                )],
            ),
            priority(
                2,
                "Transport",
                vec![area(1, "Good buses", vec![action("2.1", BUSES)])],
            ),
        ]),
        plan(vec![
            priority(
                1,
                "Roads",
                vec![area(
                    1,
                    "Safe roads",
                    vec![unnumbered(1, PARKS), unnumbered(2, ROADS), {
                        let mut l = unnumbered(3, LIGHTS);
                        l.leads.push("Street Lighting Engineer".into());
                        l
                    }],
                )],
            ),
            priority(
                2,
                "Transport",
                vec![
                    area(1, "Good buses", Vec::new()),
                    area(2, "Cleaner air", vec![action("2.1", BUSES)]),
                ],
            ),
        ]),
    ];
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("any.db")).unwrap();
    for (i, mut p) in versions.into_iter().enumerate() {
        p.version = Some(format!("{}", i + 1));
        p.version_date = Some(format!("March 202{}", i + 4));
        let made = paper(vec![p]);
        let json = String::from_utf8(boardpaper::export::paper::json(&made).unwrap()).unwrap();
        store
            .import(&format!("hash{i}"), "made.pdf", &made, &json)
            .unwrap();
    }
    let key: ActionKey = "P1 3".parse().unwrap();
    let h = history(&store, &key, None).unwrap();
    let numbers: Vec<Option<&str>> = h
        .versions
        .iter()
        .map(|e| e.action.as_ref().map(|a| a.number.as_str()))
        .collect();
    assert_eq!(numbers, [Some("2"), Some("3")]);
    assert_eq!(h.versions[1].changed, ["leads"]);
    assert_eq!(h.versions[1].changes.len(), 1);

    let key: ActionKey = "P2 A2 2.1".parse().unwrap();
    let h = history(&store, &key, None).unwrap();
    let areas: Vec<Option<u32>> = h.versions.iter().map(|e| e.area).collect();
    assert_eq!(areas, [Some(1), Some(2)]);
    assert_eq!(h.versions[1].changed, ["moved"]);
    // The area that was not there before is no change to the action.
    assert_eq!(
        h.versions[1].changes.len(),
        1,
        "{:#?}",
        h.versions[1].changes
    );
}

/// `versions` names a plan printed with no caption.
#[test]
fn versions_lists_an_untitled_plan() {
    use crate::zoo_diff::hand_made::{area, paper, plan, priority, unnumbered, ROADS};

    let mut p = plan(vec![priority(
        1,
        "",
        vec![area(1, "", vec![unnumbered(1, ROADS)])],
    )]);
    p.title = String::new();
    let made = paper(vec![p]);
    let json = String::from_utf8(boardpaper::export::paper::json(&made).unwrap()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("untitled.db");
    Store::open(&db)
        .unwrap()
        .import("hash", "made.pdf", &made, &json)
        .unwrap();
    let (code, out, err) = run(bp().args(["versions", "--db"]).arg(&db));
    assert_eq!(code, Some(0), "{err}");
    let text = String::from_utf8(out).unwrap();
    assert!(text.starts_with("(untitled plan)\n"), "{text}");
    assert!(text.contains("made.pdf"), "{text}");
}

/// The covering report is stored in its own tables (schema 4): the board paper's meeting,
/// report fields, contacts and lists equal its truth file's; the plan-only V3 has none.
#[test]
fn the_covering_report_is_stored_as_in_its_truth() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("reports.db");
    let (code, err) = import(&db, &[fixture(PLAN_V3), fixture(BOARD_PAPER)]);
    assert_eq!(code, Some(0), "{err}");
    let truth: Value = serde_json::from_slice(
        &std::fs::read(fixture("mscb/mscb-board-paper-2015-06.truth.json")).unwrap(),
    )
    .unwrap();
    let conn = Connection::open(&db).unwrap();
    let doc = "(SELECT id FROM documents WHERE file = 'mscb-board-paper-2015-06.pdf')";
    let (body, date): (String, Option<String>) = conn
        .query_row(
            &format!("SELECT body, date FROM meetings WHERE document_id = {doc}"),
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(body, truth["meeting"]["body"].as_str().unwrap());
    assert_eq!(date.as_deref(), truth["meeting"]["date"].as_str());
    let (title, author, summary): (String, Option<String>, Option<String>) = conn
        .query_row(
            &format!("SELECT title, author, summary FROM reports WHERE document_id = {doc}"),
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    let report = &truth["report"];
    assert_eq!(title, report["title"].as_str().unwrap());
    assert_eq!(author.as_deref(), report["author"].as_str());
    assert_eq!(summary.as_deref(), report["summary"].as_str());
    let texts = |sql: &str| -> Vec<String> {
        let mut stmt = conn.prepare(sql).unwrap();
        let rows = stmt.query_map([], |r| r.get::<_, String>(0)).unwrap();
        rows.map(Result::unwrap).collect()
    };
    let strings = |v: &Value| -> Vec<String> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(
        texts(&format!(
            "SELECT text FROM report_items WHERE document_id = {doc} AND list = 'report_from' ORDER BY seq"
        )),
        strings(&report["report_from"])
    );
    assert_eq!(
        texts(&format!(
            "SELECT text FROM recommendations WHERE document_id = {doc} ORDER BY seq"
        )),
        strings(&report["recommendations"])
    );
    let contacts = texts(&format!(
        "SELECT name || ' | ' || coalesce(email, '') FROM contacts WHERE document_id = {doc} ORDER BY seq"
    ));
    let want: Vec<String> = report["contacts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            format!(
                "{} | {}",
                c["name"].as_str().unwrap(),
                c["email"].as_str().unwrap_or("")
            )
        })
        .collect();
    assert_eq!(contacts, want);
    assert!(!want.is_empty());
    assert_eq!(
        count(&conn, "SELECT count(*) FROM reports"),
        1,
        "V3 has no report"
    );
}

/// An appendix attached after the report is stored with the pages that hold it (schema 5),
/// as the zoo report's truth gives them; a listed appendix not attached has none.
#[test]
fn attached_appendices_are_stored_with_their_pages() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("appendices.db");
    let name = "reports/fenwick-cabinet-2025-07";
    let (code, err) = import(&db, &[fixture(&format!("{name}.pdf"))]);
    assert_eq!(code, Some(0), "{err}");
    let truth: Value =
        serde_json::from_slice(&std::fs::read(fixture(&format!("{name}.truth.json"))).unwrap())
            .unwrap();
    let conn = Connection::open(&db).unwrap();
    let mut stmt = conn
        .prepare("SELECT label, title, first_page, last_page FROM appendices ORDER BY seq")
        .unwrap();
    let got: Vec<(String, String, Option<u32>, Option<u32>)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let want: Vec<(String, String, Option<u32>, Option<u32>)> = truth["report"]["appendices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            let page = |i: usize| a["pages"].get(i).and_then(Value::as_u64).map(|p| p as u32);
            (
                a["label"].as_str().unwrap().to_string(),
                a["title"].as_str().unwrap().to_string(),
                page(0),
                page(1),
            )
        })
        .collect();
    assert_eq!(got, want);
    assert!(got.iter().any(|a| a.2.is_some()), "an attached appendix");
}
