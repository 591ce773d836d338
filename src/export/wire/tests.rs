//! The wire types against a hand-written paper that has every field in every shape: present,
//! `null`, left out when empty, every colour spelling, and warnings of kinds this version does
//! not know.

use super::*;
use crate::paper::model::RagColour as ModelRag;
use crate::paper::vocab::Status as ModelStatus;
use crate::pdf::Colour;

const EVERY_FIELD: &str = include_str!("every-field.json");

fn read() -> document::Paper {
    paper_from_str(EVERY_FIELD).unwrap_or_else(|e| panic!("every-field.json: {e}"))
}

/// Read into the model and written again by `extract`'s writer: the same bytes.
#[test]
fn every_field_reads_back_byte_for_byte() {
    let paper = read();
    let written = crate::export::paper::json(&paper).unwrap_or_else(|e| panic!("{e}"));
    let written = String::from_utf8_lossy(&written);
    assert!(written == EVERY_FIELD, "written:\n{written}");
}

/// The model gets the typed values, not strings.
#[test]
fn values_reach_the_model_typed() {
    let paper = read();
    let action = &paper.plans[0].priorities[0].improvement_areas[0].actions[0];
    assert_eq!(action.milestones[0].status, Some(ModelStatus::InProgress));
    assert_eq!(
        action.milestones[0]
            .period
            .as_ref()
            .and_then(|p| p.from)
            .map(|e| e.to_string())
            .as_deref(),
        Some("2015-09")
    );
    let blue = Colour::from_hex("#C6D9F1");
    assert_eq!(action.rag[0].colour, Some(ModelRag::Amber));
    assert_eq!(action.rag[1].colour, blue.map(ModelRag::Other));
    assert_eq!(action.rag[1].fill, blue);
    assert_eq!(action.rag[2].fill, None);
    assert_eq!(action.rows[1].page, 3);
    assert_eq!(action.rows[1].bbox.bottom, 90.12);
    let report = paper
        .report
        .as_ref()
        .map(|r| &r.sections[0].paragraphs[0].bullets);
    assert_eq!(report.map(Vec::len), Some(2));
}

/// A warning read back keeps its kind and message, even a kind this version does not know.
#[test]
fn warnings_keep_their_kind_and_message() {
    let paper = read();
    let got: Vec<(Option<u32>, &str, String)> = paper
        .warnings
        .iter()
        .map(|w| (w.page, w.code(), w.message()))
        .collect();
    assert_eq!(
        got,
        [
            (
                None,
                "xref_recovered",
                "cross-reference table damaged; rebuilt by scanning the file".to_string()
            ),
            (
                Some(3),
                "unplaced_row",
                "page 3: a row whose number cell is \"x\"".to_string()
            ),
            (
                Some(2),
                "a_kind_from_a_later_version",
                "as written".to_string()
            ),
        ]
    );
    assert_eq!(paper.warnings[2].to_string(), "page 2: as written");
}

/// Values the wire does not know are errors in the words the model's own readers used.
#[test]
fn bad_values_are_errors() {
    let bad = |from: &str, to: &str| {
        let text = EVERY_FIELD.replacen(from, to, 1);
        assert_ne!(text, EVERY_FIELD, "{from:?} is not in the sample");
        match paper_from_str(&text) {
            Ok(_) => panic!("{to} was read"),
            Err(e) => e.to_string(),
        }
    };
    let e = bad("\"colour\": \"amber\"", "\"colour\": \"blue\"");
    assert!(
        e.starts_with("a RAG colour is green, amber, red or #RRGGBB, not \"blue\""),
        "{e}"
    );
    let e = bad("\"fill\": \"#FFC000\"", "\"fill\": \"#FFC0\"");
    assert!(e.starts_with("a colour is #RRGGBB, not \"#FFC0\""), "{e}");
    let e = bad("\"status\": \"In progress\"", "\"status\": \"Done\"");
    assert!(e.starts_with("unknown variant `Done`"), "{e}");
}

/// The sheets spell each status with `as_str`, the JSON with serde: the same words.
#[test]
fn statuses_are_spelt_as_in_the_json() {
    use super::Status::*;
    let all = [
        Complete, InProgress, Ongoing, NotStarted, Overdue, Delayed, OnTrack, OnHold, Cancelled,
    ];
    for s in all {
        let json = serde_json::to_value(s).unwrap_or_default();
        assert_eq!(json.as_str(), Some(s.as_str()), "{s:?}");
        assert_eq!(Status::from(ModelStatus::from(s)), s);
    }
}
