//! The diff of plans of any template, apart from the reader: each version pair of the template
//! zoo (`fixtures/templates/*.changes.json`) diffed from its two truths (the plans as a
//! perfect reader gives them, loaded into the model through the paper's wire types) gives
//! exactly its change list.

use serde_json::Value;

use boardpaper::diff;
use boardpaper::export::wire;
use boardpaper::paper::document::Paper;

use crate::common::fixture;

/// A truth file's plans as a paper (its other parts play no role in a diff).
fn truth_paper(name: &str) -> Paper {
    let rel = format!("templates/{}", name.replace(".pdf", ".truth.json"));
    let bytes = std::fs::read(fixture(&rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
    let truth: Value = serde_json::from_slice(&bytes).unwrap_or_else(|e| panic!("{rel}: {e}"));
    let plans: Vec<wire::Plan> = serde_json::from_value(truth["plans"].clone())
        .unwrap_or_else(|e| panic!("{rel}: plans: {e}"));
    Paper {
        file: name.to_string(),
        producer: None,
        creator: None,
        pages: truth["pages"].as_u64().unwrap_or(0) as u32,
        meeting: None,
        report: None,
        plans: plans.into_iter().map(Into::into).collect(),
        warnings: Vec::new(),
    }
}

/// A change as JSON text with its actions' `pages` left out (the change lists are written
/// from the truths without them).
fn without_pages(mut v: Value) -> String {
    for side in ["old", "new"] {
        if let Some(o) = v.get_mut(side).and_then(Value::as_object_mut) {
            o.remove("pages");
        }
    }
    v.to_string()
}

#[test]
fn zoo_version_pairs_diffed_from_their_truths_give_their_change_lists() {
    let mut names: Vec<String> = std::fs::read_dir(fixture("templates"))
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".changes.json"))
        .collect();
    names.sort();
    assert!(names.len() >= 2, "{names:?}");
    for name in names {
        let bytes = std::fs::read(fixture(&format!("templates/{name}"))).unwrap();
        let expected: Value = serde_json::from_slice(&bytes).unwrap();
        let (from, to) = (
            expected["from"].as_str().unwrap(),
            expected["to"].as_str().unwrap(),
        );
        let list = diff::diff_papers(&truth_paper(from), &truth_paper(to));
        assert_eq!((list.from.as_str(), list.to.as_str()), (from, to));
        let mut got: Vec<String> = list
            .changes
            .iter()
            .map(|c| without_pages(serde_json::to_value(c).unwrap()))
            .collect();
        let mut want: Vec<String> = expected["changes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c.to_string())
            .collect();
        assert!(!want.is_empty(), "{name}");
        // The lists' orders differ (the expected ones put removals last); their contents
        // must not.
        got.sort();
        want.sort();
        assert_eq!(got, want, "{name}");
        // And the change list reads back as it was written.
        let back: Vec<diff::Change> =
            serde_json::from_value(expected["changes"].clone()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(back.len(), list.changes.len(), "{name}");
    }
}
