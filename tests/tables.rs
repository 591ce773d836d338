//! Tables on the MSCB fixtures: every action row of the plan is one logical row across page
//! breaks, with its seven cells' text and its RAG colour as in the truth files.

use boardpaper::pdf::{Colour, Document, OpenOptions};
use boardpaper::pipeline;
use boardpaper::settings::Settings;
use boardpaper::table::Table;
use serde_json::Value;

use crate::common::{fixture, BOARD_PAPER, PLAN_V3};

/// Whitespace-normalised text. Also drops the space after a standalone hyphen: "Complete -Feb"
/// (as typed in P1 2.1) and "Complete - Feb" print identically when the line breaks after the
/// hyphen, so no reader of the PDF can tell them apart.
fn norm(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace(" - ", " -")
}

pub fn tables_of(rel: &str) -> Vec<Table> {
    let doc = Document::open(&fixture(rel), &OpenOptions::default()).unwrap();
    let pages: Vec<_> = (1..=doc.page_count())
        .map(|n| doc.page(n).unwrap())
        .collect();
    pipeline::tables_of(&pages, &Settings::default()).0
}

/// The truth's actions in order, each as its seven expected cell texts and RAG colours.
fn truth_rows(rel: &str) -> Vec<(Vec<String>, Vec<Option<String>>)> {
    let truth: Value = serde_json::from_slice(&std::fs::read(fixture(rel)).unwrap()).unwrap();
    let join = |v: &Value| {
        v.as_array()
            .unwrap()
            .iter()
            .map(|x| x.as_str().unwrap())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut out = Vec::new();
    for p in truth["plans"][0]["priorities"].as_array().unwrap() {
        for a in p["improvement_areas"].as_array().unwrap() {
            for act in a["actions"].as_array().unwrap() {
                let milestones: Vec<&str> = act["milestones"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|m| m["text"].as_str().unwrap())
                    .collect();
                let rag: Vec<&str> = act["rag"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|r| r["text"].as_str().unwrap())
                    .collect();
                let colours = act["rag"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|r| {
                        r["colour"].as_str().map(|c| match c {
                            "green" => "#00B050".to_string(),
                            "amber" => "#FFC000".to_string(),
                            other => other.to_string(),
                        })
                    })
                    .collect();
                let cells = [
                    act["number"].as_str().unwrap().to_string(),
                    act["specific_action"].as_str().unwrap().to_string(),
                    join(&act["leads"]),
                    join(&act["success_indicators"]),
                    milestones.join(" "),
                    rag.join(" "),
                    join(&act["impact_evidence"]),
                ];
                out.push((cells.iter().map(|c| norm(c)).collect(), colours));
            }
        }
    }
    out
}

/// Action rows of the extracted tables: rows whose first cell is an action number like "1.1".
/// One action row as extracted: its seven cell texts, RAG colours and pages.
type ActionRow = (Vec<String>, Vec<Option<Colour>>, Vec<u32>);

fn action_rows(tables: &[Table]) -> Vec<ActionRow> {
    let number = regex::Regex::new(r"^\d+\.\d+$").unwrap();
    let mut out = Vec::new();
    for t in tables.iter().filter(|t| t.n_cols == 7) {
        for r in 0..t.n_rows {
            let cells = t.row_cells(r);
            if cells.len() == 7 && number.is_match(&norm(&cells[0].text())) {
                let rag = cells[5];
                let colours = if rag.fill.is_some() {
                    vec![rag.fill]
                } else {
                    rag.paragraphs.iter().map(|p| p.fill).collect()
                };
                let pages = t.rows[r].iter().map(|p| p.page).collect();
                out.push((
                    cells.iter().map(|c| norm(&c.text())).collect(),
                    colours,
                    pages,
                ));
            }
        }
    }
    out
}

fn check(pdf: &str, truth: &str, expected_rows: usize) {
    let tables = tables_of(pdf);
    let got = action_rows(&tables);
    let want = truth_rows(truth);
    assert_eq!(want.len(), expected_rows, "truth file changed?");
    let mut problems = Vec::new();
    if got.len() != want.len() {
        problems.push(format!(
            "{} action rows, truth has {}",
            got.len(),
            want.len()
        ));
    }
    for (i, ((g, gc, pages), (w, wc))) in got.iter().zip(&want).enumerate() {
        for (k, (gt, wt)) in g.iter().zip(w).enumerate() {
            if gt != wt {
                problems.push(format!(
                    "row {i} ({}), pages {pages:?}, column {k}:\n   got  {gt:?}\n   want {wt:?}",
                    w[0]
                ));
            }
        }
        let want_colours: Vec<Option<Colour>> = wc
            .iter()
            .map(|c| c.as_deref().and_then(Colour::from_hex))
            .collect();
        let got_colours: Vec<Option<Colour>> = if want_colours.len() == 1 {
            gc.iter().take(1).copied().collect()
        } else {
            gc.clone()
        };
        let got_colours: Vec<Option<Colour>> = if want_colours.is_empty() {
            gc.iter().copied().filter(Option::is_some).collect()
        } else {
            got_colours
        };
        if got_colours != want_colours {
            problems.push(format!(
                "row {i} ({}): RAG colours {got_colours:?}, want {want_colours:?}",
                w[0]
            ));
        }
    }
    assert!(
        problems.is_empty(),
        "{pdf}: {} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn board_paper_plan_rows_match_the_truth() {
    check(BOARD_PAPER, "mscb/mscb-board-paper-2015-06.truth.json", 28);
}

#[test]
fn v3_plan_rows_match_the_truth() {
    check(PLAN_V3, "mscb/mscb-plan-v3-2015-03.truth.json", 27);
}

#[test]
fn a_row_broken_across_pages_is_one_row_with_both_pages() {
    // V4 P2 3.1: its lead "MSCB Case file audit group" and "In progress" RAG land on the next page.
    let tables = tables_of(BOARD_PAPER);
    let rows = action_rows(&tables);
    let p2_31 = rows
        .iter()
        .find(|r| r.0[1].starts_with("Accessible procedures"))
        .unwrap();
    assert!(
        p2_31.0[2].ends_with("MSCB Case file audit group"),
        "{:?}",
        p2_31.0[2]
    );
    assert_eq!(p2_31.2.len(), 2, "printed on two pages: {:?}", p2_31.2);
}
