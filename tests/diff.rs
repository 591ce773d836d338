//! `diff`: the V3 → V4 change list of the MSCB fixtures, self-diffs, a hand-made pair, and
//! the command's outputs and exit codes (issue 5).

use std::collections::BTreeMap;
use std::sync::OnceLock;

use boardpaper::diff::{self, Change, ChangeKind, ChangeList, Value as Side};
use boardpaper::paper::document::Paper;
use boardpaper::paper::model::{Action, Milestone, RagColour};
use boardpaper::pdf::{Document, OpenOptions};
use boardpaper::pipeline;
use boardpaper::settings::Settings;
use serde_json::Value;

use crate::common::{bp, fixture, BOARD_PAPER, PLAN_V3};

fn read(pdf: &str) -> Paper {
    let doc = Document::open(&fixture(pdf), &OpenOptions::default()).unwrap();
    pipeline::read(&doc, &Settings::default()).unwrap()
}

fn v3() -> &'static Paper {
    static P: OnceLock<Paper> = OnceLock::new();
    P.get_or_init(|| read(PLAN_V3))
}

fn v4() -> &'static Paper {
    static P: OnceLock<Paper> = OnceLock::new();
    P.get_or_init(|| read(BOARD_PAPER))
}

/// A change as compared with the fixture: every string whitespace-normalised, and a space
/// after a standalone hyphen dropped (tests/paper.rs: "Complete -Feb 2015" as typed prints
/// exactly like "Complete - Feb 2015" when the line breaks after the hyphen, so the PDF
/// cannot tell them apart: P1 2.1 #2 and P5 1.1 #3 of the board paper); `pages` and `fill`
/// (provenance the fixture does not record) left out. Returned as canonical JSON text.
fn canonical(mut v: Value) -> String {
    fn walk(v: &mut Value) {
        match v {
            Value::String(s) => {
                *s = s
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
                    .replace(" - ", " -");
            }
            Value::Object(m) => {
                m.remove("pages");
                m.remove("fill");
                m.remove("period");
                m.values_mut().for_each(walk);
            }
            Value::Array(a) => a.iter_mut().for_each(walk),
            _ => {}
        }
    }
    walk(&mut v);
    // Keys sorted so that key order does not matter.
    fn sorted(v: &Value) -> Value {
        match v {
            Value::Object(m) => {
                let b: BTreeMap<&String, Value> = m.iter().map(|(k, v)| (k, sorted(v))).collect();
                serde_json::to_value(b).unwrap()
            }
            Value::Array(a) => Value::Array(a.iter().map(sorted).collect()),
            other => other.clone(),
        }
    }
    serde_json::to_string(&sorted(&v)).unwrap()
}

/// Multiset difference: what is in `a` and not in `b`.
fn minus(a: &[String], b: &[String]) -> Vec<String> {
    let mut left: Vec<&String> = b.iter().collect();
    a.iter()
        .filter(|x| match left.iter().position(|y| y == x) {
            Some(i) => {
                left.remove(i);
                false
            }
            None => true,
        })
        .cloned()
        .collect()
}

#[test]
fn v3_to_v4_finds_exactly_the_28_changes_of_the_fixture() {
    let list = diff::diff_papers(v3(), v4());
    assert_eq!(list.from, "mscb-plan-v3-2015-03.pdf");
    assert_eq!(list.to, "mscb-board-paper-2015-06.pdf");
    let got: Vec<String> = list
        .changes
        .iter()
        .map(|c| canonical(serde_json::to_value(c).unwrap()))
        .collect();
    let want: Vec<Value> =
        serde_json::from_slice(&std::fs::read(fixture("mscb/v3-to-v4.changes.json")).unwrap())
            .unwrap();
    let want: Vec<String> = want.into_iter().map(canonical).collect();
    assert_eq!(want.len(), 28);
    let missing = minus(&want, &got);
    let extra = minus(&got, &want);
    assert!(
        missing.is_empty() && extra.is_empty(),
        "{} of {} found; {} missing:\n{}\n{} extra:\n{}",
        want.len() - missing.len(),
        want.len(),
        missing.len(),
        missing.join("\n"),
        extra.len(),
        extra.join("\n")
    );
    assert_eq!(got.len(), 28);
}

#[test]
fn a_plan_diffed_with_itself_has_no_change() {
    let list = diff::diff_papers(v4(), v4());
    assert!(list.changes.is_empty(), "{:#?}", list.changes);
    assert!(diff::diff_plans(&v3().plans[0], &v3().plans[0]).is_empty());
}

/// Whitespace is not a change: every text of V4 with its spaces doubled and a line break
/// inserted diffs clean.
#[test]
fn whitespace_only_differences_are_not_changes() {
    let old = v4().plans[0].clone();
    let mut new = old.clone();
    let spread = |s: &mut String| *s = format!(" {} ", s.replace(' ', "  \n"));
    for p in &mut new.priorities {
        spread(&mut p.title);
        for a in &mut p.improvement_areas {
            spread(&mut a.outcome);
            for act in &mut a.actions {
                spread(&mut act.specific_action);
                act.leads.iter_mut().for_each(spread);
                act.success_indicators.iter_mut().for_each(spread);
                act.impact_evidence.iter_mut().for_each(spread);
                for m in &mut act.milestones {
                    spread(&mut m.text);
                    m.date.iter_mut().for_each(spread);
                }
                act.rag.iter_mut().for_each(|r| spread(&mut r.text));
            }
        }
    }
    assert_ne!(old, new);
    let changes = diff::diff_plans(&old, &new);
    assert!(changes.is_empty(), "{changes:#?}");
}

fn area_actions(paper: &mut Paper, priority: u32, area: u32) -> &mut Vec<Action> {
    let p = paper.plans[0]
        .priorities
        .iter_mut()
        .find(|p| p.number == priority)
        .unwrap();
    &mut p
        .improvement_areas
        .iter_mut()
        .find(|a| a.number == area)
        .unwrap()
        .actions
}

/// V4 edited by hand: an action inserted before P1 2.2 (so 2.2 and 2.3 become 2.3 and 2.4),
/// a milestone inserted in the middle of P3 1.1 and the one after it reworded, P4 3.2
/// removed, a lead added to P2 2.1, P6 1.1's second RAG entry turned red.
fn edited_v4() -> Paper {
    let mut new = v4().clone();
    let p1a2 = area_actions(&mut new, 1, 2);
    for a in p1a2.iter_mut().skip(1) {
        a.number = match a.number.as_str() {
            "2.2" => "2.3".into(),
            "2.3" => "2.4".into(),
            other => panic!("unexpected action {other}"),
        };
    }
    let mut inserted = p1a2[0].clone();
    inserted.number = "2.2".into();
    inserted.specific_action = "Partners publish a joint protocol for sharing information about \
        children missing from education."
        .into();
    inserted.leads = vec!["Medway Council Education Welfare".into()];
    inserted.success_indicators = vec!["The protocol is signed by every school.".into()];
    inserted.milestones = vec![Milestone {
        text: "Protocol drafted with the secondary heads forum – December 2015".into(),
        status: None,
        date: Some("December 2015".into()),
        rag: None,
        period: None,
        status_text: None,
    }];
    inserted.rag = vec![];
    inserted.impact_evidence = vec!["Fewer children lost between schools.".into()];
    p1a2.insert(1, inserted);

    let p3 = &mut area_actions(&mut new, 3, 1)[0];
    assert!(p3.milestones[3].text.starts_with("Updated S11 returns"));
    p3.milestones[3].text = p3.milestones[3].text.replace(
        "Updated S11 returns reported to Board",
        "Updated Section 11 returns reported to the Board",
    );
    p3.milestones.insert(
        2,
        Milestone {
            text: "Multi-agency audit of the voice of the child to be presented to PMQA – December 2015"
                .into(),
            status: None,
            date: Some("December 2015".into()),
            rag: None,
            period: None,
            status_text: None,
        },
    );

    let p4a3 = area_actions(&mut new, 4, 3);
    assert_eq!(p4a3[1].number, "3.2");
    p4a3.remove(1);

    area_actions(&mut new, 2, 2)[0]
        .leads
        .push("Kent Police Missing and Child Exploitation Team".into());

    let rag = &mut area_actions(&mut new, 6, 1)[0].rag[1];
    rag.text = "Overdue".into();
    rag.colour = Some(RagColour::Red);
    new.file = "edited.pdf".into();
    new
}

fn summary(c: &Change) -> (ChangeKind, u32, u32, String, Option<String>, Option<usize>) {
    (
        c.kind,
        c.priority,
        c.area,
        c.action.clone(),
        c.field.clone(),
        c.index,
    )
}

#[test]
fn an_edited_pair_gives_exactly_the_edits() {
    use ChangeKind::*;
    let list = diff::diff_papers(v4(), &edited_v4());
    let got: Vec<_> = list.changes.iter().map(summary).collect();
    let s = |s: &str| Some(s.to_string());
    let want = vec![
        (ActionAdded, 1, 2, "2.2".to_string(), None, None),
        (ActionRenumbered, 1, 2, "2.3".into(), None, None),
        (ActionRenumbered, 1, 2, "2.4".into(), None, None),
        (FieldChanged, 2, 2, "2.1".into(), s("leads"), None),
        (MilestoneAdded, 3, 1, "1.1".into(), s("milestones"), Some(2)),
        (
            MilestoneTextChanged,
            3,
            1,
            "1.1".into(),
            s("milestones"),
            Some(4),
        ),
        (ActionRemoved, 4, 3, "3.2".into(), None, None),
        (RagChanged, 6, 1, "1.1".into(), s("rag"), Some(1)),
    ];
    assert_eq!(got, want, "{:#?}", list.changes);
    let c = &list.changes;
    assert_eq!(c[1].old, Some(Side::Text("2.2".into())));
    assert_eq!(c[1].new, Some(Side::Text("2.3".into())));
    assert!(
        matches!(&c[0].new, Some(Side::Action(a)) if a.specific_action.starts_with("Partners publish"))
    );
    assert!(matches!(&c[5].old, Some(Side::Milestone(m)) if m.text.starts_with("Updated S11")));
    assert!(matches!(&c[6].old, Some(Side::Action(a)) if a.number == "3.2"));
    assert!(
        matches!(&c[7].new, Some(Side::Rag(r)) if r.text == "Overdue" && r.colour == Some(RagColour::Red))
    );
}

fn write_json(dir: &std::path::Path, name: &str, paper: &Paper) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, boardpaper::export::paper::json(paper).unwrap()).unwrap();
    path
}

#[test]
fn cli_exit_codes_follow_diff() {
    // Differ: 1, with the summary on standard output.
    let out = bp()
        .arg("diff")
        .arg(fixture(PLAN_V3))
        .arg(fixture(BOARD_PAPER))
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("mscb-plan-v3-2015-03.pdf → mscb-board-paper-2015-06.pdf: 28 changes\n"),
        "{text}"
    );
    assert!(
        text.contains("    milestone 2: In progress → Complete (May 2015)\n"),
        "{text}"
    );
    assert!(!text.contains('\x1b'), "no colour when not on a terminal");

    // Same: 0, from two PDFs and from a PDF and its extract JSON.
    let dir = tempfile::tempdir().unwrap();
    let json = write_json(dir.path(), "v4.json", v4());
    for other in [fixture(BOARD_PAPER), json] {
        let out = bp()
            .arg("diff")
            .arg(fixture(BOARD_PAPER))
            .arg(&other)
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(
            String::from_utf8(out.stdout).unwrap(),
            "mscb-board-paper-2015-06.pdf → mscb-board-paper-2015-06.pdf: no changes\n"
        );
    }

    // Trouble: 2, naming the file.
    let junk = dir.path().join("notes.txt");
    std::fs::write(&junk, "minutes of the meeting").unwrap();
    let bad_json = dir.path().join("bad.json");
    std::fs::write(&bad_json, r#"{"file": "x.pdf", "plans": 3}"#).unwrap();
    for (path, says) in [
        (dir.path().join("missing.pdf"), "cannot read"),
        (junk, "neither a PDF nor a JSON"),
        (bad_json, "not a paper written by `boardpaper extract`"),
    ] {
        let out = bp()
            .arg("diff")
            .arg(&path)
            .arg(fixture(BOARD_PAPER))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(
            err.contains(&path.display().to_string()) && err.contains(says),
            "{err}"
        );
    }
}

#[test]
fn cli_outputs_json_csv_and_html() {
    let dir = tempfile::tempdir().unwrap();
    let old = write_json(dir.path(), "old.json", v4());
    let new = write_json(dir.path(), "new.json", &edited_v4());
    let run = |format: &str| {
        let out = bp()
            .args(["diff", "--format", format])
            .arg(&old)
            .arg(&new)
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(1),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        out.stdout
    };

    let json: Value = serde_json::from_slice(&run("json")).unwrap();
    assert_eq!(boardpaper::export::schema::validate_changes(&json), Ok(()));
    let list: ChangeList = serde_json::from_value(json.clone()).unwrap();
    assert_eq!(list, diff::diff_papers(v4(), &edited_v4()));
    assert_eq!(json["changes"][0]["kind"], "action_added");
    assert!(json["changes"][0].get("index").is_none());
    assert_eq!(json["changes"][4]["index"], 2);

    let csv = run("csv");
    let mut r = csv::Reader::from_reader(csv.as_slice());
    assert_eq!(
        r.headers().unwrap().iter().collect::<Vec<_>>(),
        boardpaper::diff::csv::COLUMNS.to_vec()
    );
    let rows: Vec<Vec<String>> = r
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect();
    assert_eq!(rows.len(), 8);
    assert_eq!(
        &rows[1][0..8],
        ["action_renumbered", "1", "2", "2.3", "", "", "2.2", "2.3"]
    );
    assert_eq!(&rows[7][0..6], ["rag_changed", "6", "1", "1.1", "rag", "1"]);
    assert_eq!(
        (rows[7][12].as_str(), rows[7][13].as_str()),
        ("amber", "red")
    );

    // -o writes the file; the page stands alone and marks what changed.
    let page = dir.path().join("diff.html");
    let out = bp()
        .args(["diff", "--format", "html", "-o"])
        .arg(&page)
        .arg(&old)
        .arg(&new)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    for want in [
        r#"<span class="chip amber">Ongoing</span>"#,
        r#"<span class="chip red">Overdue</span>"#,
        "Updated <del>S11</del> returns reported to Board",
        "Updated <ins>Section 11</ins> returns reported to <ins>the </ins>Board",
        r#"<li class="new"><ins>Kent Police Missing and Child Exploitation Team</ins></li>"#,
        "<li class=\"action_renumbered\"><b>2</b> actions renumbered</li>",
        "<h3>Action 3.2<span class=\"what\">removed</span></h3>",
    ] {
        assert!(html.contains(want), "missing {want}");
    }
    for external in ["<script", "<link", "src=", "url("] {
        assert!(
            !html.contains(external),
            "{external} in a self-contained page"
        );
    }
}
