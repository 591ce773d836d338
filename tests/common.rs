//! Helpers shared by the integration tests.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// A path inside the repository's `fixtures/` folder.
pub fn fixture(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(rel)
}

/// The `boardpaper` binary, ready for arguments.
pub fn bp() -> assert_cmd::Command {
    match assert_cmd::Command::cargo_bin("boardpaper") {
        Ok(c) => c,
        Err(e) => panic!("binary not built: {e}"),
    }
}

/// Fail with the command's standard error unless it succeeded.
pub fn assert_success(out: &std::process::Output) {
    assert!(
        out.status.success(),
        "exit {:?}: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The board paper (V4 plan with its covering report), 21 pages.
pub const BOARD_PAPER: &str = "mscb/mscb-board-paper-2015-06.pdf";
/// The V3 plan alone, 16 pages.
pub const PLAN_V3: &str = "mscb/mscb-plan-v3-2015-03.pdf";

/// Strings as the truth files compare them: whitespace runs collapsed, and a space after a
/// standalone hyphen not significant — "Complete -Feb 2015" as typed prints exactly like
/// "Complete - Feb 2015" when the line breaks after the hyphen (P1 2.1 #2 and P5 1.1 #3 in
/// the board paper), so no reader can tell them apart.
pub fn norm(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace(" - ", " -")
}

/// Every difference between `got` and `want`, each with its JSON path. Keys of `want` missing
/// from `got` are differences; keys of `got` missing from `want` are too, unless named in
/// `extra` (fields we add beyond the truth format: provenance, fills, periods...).
pub fn compare(
    path: &str,
    got: &serde_json::Value,
    want: &serde_json::Value,
    extra: &[&str],
    out: &mut Vec<String>,
) {
    use serde_json::Value;
    match (got, want) {
        (Value::Object(g), Value::Object(w)) => {
            for (k, wv) in w {
                match g.get(k) {
                    Some(gv) => compare(&format!("{path}.{k}"), gv, wv, extra, out),
                    None => out.push(format!("{path}.{k}: missing, want {wv}")),
                }
            }
            for k in g.keys().filter(|k| !w.contains_key(*k)) {
                if !extra.contains(&k.as_str()) {
                    out.push(format!("{path}.{k}: unexpected key, got {}", g[k]));
                }
            }
        }
        (Value::Array(g), Value::Array(w)) => {
            if g.len() != w.len() {
                out.push(format!("{path}: {} items, want {}", g.len(), w.len()));
            }
            for (i, (gv, wv)) in g.iter().zip(w).enumerate() {
                compare(&format!("{path}[{i}]"), gv, wv, extra, out);
            }
        }
        (Value::String(g), Value::String(w)) => {
            if norm(g) != norm(w) {
                out.push(format!("{path}:\n    got  {g:?}\n    want {w:?}"));
            }
        }
        _ => {
            if got != want {
                out.push(format!("{path}: got {got}, want {want}"));
            }
        }
    }
}

/// Fail with every difference listed.
pub fn assert_no_differences(what: &str, diffs: &[String]) {
    assert!(
        diffs.is_empty(),
        "{what}: {} differences:\n{}",
        diffs.len(),
        diffs.join("\n")
    );
}

/// The Kent corpus folder (`../shared/corpus/kent-cc-2025`, or under `$BOARDPAPER_CORPUS`), or
/// `None` with a notice naming what is skipped when it is not on this machine.
pub fn kent_corpus(skipped: &str) -> Option<PathBuf> {
    let base = std::env::var_os("BOARDPAPER_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"));
    let kent = base.join("kent-cc-2025");
    if kent.join("MANIFEST.json").is_file() {
        Some(kent)
    } else {
        eprintln!("notice: {} absent, {skipped} skipped", kent.display());
        None
    }
}
