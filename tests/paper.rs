//! The paper stage against the truth files.

use boardpaper::paper::milestone;
use boardpaper::paper::profile::Profile;
use serde_json::Value;

use crate::common::{assert_no_differences, compare, fixture};

/// Fields we write beyond the truth format: the /Creator, warnings, raw RAG fills, milestone
/// periods.
const EXTRAS: &[&str] = &[
    "creator",
    "warnings",
    "fill",
    "period",
    "label",
    "number_implied",
    "group",
    "fields",
    "status_text",
];

/// Every milestone of both truth files: the status and date read from its text equal the
/// truth's (P5 2.1 #0 prints its timescale "annually throughout 2014-17" mid-bullet).
#[test]
fn milestone_status_and_date_match_the_truth() {
    let mut checked = 0;
    let mut problems = Vec::new();
    for f in [
        "mscb/mscb-board-paper-2015-06.truth.json",
        "mscb/mscb-plan-v3-2015-03.truth.json",
    ] {
        let truth: Value = serde_json::from_slice(&std::fs::read(fixture(f)).unwrap()).unwrap();
        for p in truth["plans"][0]["priorities"].as_array().unwrap() {
            for a in p["improvement_areas"].as_array().unwrap() {
                for act in a["actions"].as_array().unwrap() {
                    for m in act["milestones"].as_array().unwrap() {
                        let text = m["text"].as_str().unwrap();
                        let got = milestone::parse(text);
                        let status = got.status.map(|s| s.as_str());
                        checked += 1;
                        if status != m["status"].as_str()
                            || got.date.as_deref() != m["date"].as_str()
                        {
                            problems.push(format!(
                                "{text:?}: got {status:?} {:?}, want {} {}",
                                got.date, m["status"], m["date"]
                            ));
                        }
                    }
                }
            }
        }
    }
    assert_eq!(checked, 79 + 75, "every milestone of both files");
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// What `extract` writes for `pdf` (the same calls, schema validation included) against the
/// truth file, on every field of FORMAT.md: file, producer, pages, meeting, report, plans.
/// Every difference is printed. Keys we add beyond the format are named in `EXTRAS`.
fn check_paper(pdf: &str, truth_file: &str) {
    check_paper_with(pdf, truth_file, &Profile::default());
}

fn check_paper_with(pdf: &str, truth_file: &str, profile: &Profile) {
    use boardpaper::pdf::{Document, OpenOptions};
    use boardpaper::pipeline;
    use boardpaper::settings::Settings;
    let doc = Document::open(&fixture(pdf), &OpenOptions::default()).unwrap();
    let paper = pipeline::read(&doc, &Settings::with_profile(profile)).unwrap();
    let unplaced: Vec<_> = paper
        .warnings
        .iter()
        .filter(|w| w.code() == "unplaced_row" || w.code() == "text_outside_cells")
        .collect();
    assert!(unplaced.is_empty(), "{pdf}: {unplaced:?}");
    let mut got: Value =
        serde_json::from_slice(&boardpaper::export::paper::json(&paper).unwrap()).unwrap();
    strip(&mut got, &["rows"]);
    let mut want: Value =
        serde_json::from_slice(&std::fs::read(fixture(truth_file)).unwrap()).unwrap();
    // The truth's producer names how the fixture was made ("libreoffice-docx"): a PDF
    // records the program (/Producer "LibreOffice 7.4", /Creator "Writer"), not the source
    // format, so we check the family and keep the rest as printed.
    let family = want["producer"]
        .as_str()
        .and_then(|p| p.split('-').next())
        .unwrap()
        .to_lowercase();
    // Chromium writes /Producer "Skia/PDF m156" and /Creator "…HeadlessChrome/156…".
    let family = if family == "chromium" {
        "chrome".to_string()
    } else {
        family
    };
    let printed = format!("{} {}", got["producer"], got["creator"]).to_lowercase();
    assert!(
        printed.contains(&family),
        "{pdf}: producer {printed} is not {family}"
    );
    want["producer"] = got["producer"].clone();
    let mut diffs = Vec::new();
    compare("", &got, &want, EXTRAS, &mut diffs);
    assert_no_differences(pdf, &diffs);
}

fn strip(v: &mut Value, keys: &[&str]) {
    match v {
        Value::Object(m) => {
            for k in keys {
                m.remove(*k);
            }
            m.values_mut().for_each(|x| strip(x, keys));
        }
        Value::Array(a) => a.iter_mut().for_each(|x| strip(x, keys)),
        _ => {}
    }
}

#[test]
fn board_paper_matches_the_truth() {
    check_paper(
        crate::common::BOARD_PAPER,
        "mscb/mscb-board-paper-2015-06.truth.json",
    );
}

#[test]
fn v3_plan_matches_the_truth() {
    check_paper(
        crate::common::PLAN_V3,
        "mscb/mscb-plan-v3-2015-03.truth.json",
    );
}

/// A template of another council, made by another program: Chromium-printed HTML with
/// headers in other words and order, priorities and areas in vertically merged leading
/// columns, RAG as single letters on coloured fills. Read with no profile.
#[test]
fn northdown_template_matches_the_truth() {
    check_paper(
        "templates/northdown-plan-v2.pdf",
        "templates/northdown-plan-v2.truth.json",
    );
}

/// An odd template: headers the old synonym list did not know ("What we will do", "Who",
/// "Where are we"), "Ambition N"/"Focus N" rows, actions numbered "1a", its own status words
/// inside brackets. Without a profile the plan is read from its structure (both group levels,
/// every action); with `eastvale.profile.toml` every field matches the truth.
#[test]
fn eastvale_template_needs_and_follows_its_profile() {
    use boardpaper::pdf::{Document, OpenOptions};
    use boardpaper::pipeline;
    use boardpaper::settings::Settings;
    let pdf = "templates/eastvale-delivery-plan.pdf";
    let doc = Document::open(&fixture(pdf), &OpenOptions::default()).unwrap();
    let without = pipeline::read(&doc, &Settings::default()).unwrap();
    assert_eq!(without.plans.len(), 1, "{:?}", without.warnings);
    let numbers: Vec<(u32, u32, &str)> = without.plans[0]
        .priorities
        .iter()
        .flat_map(|p| {
            p.improvement_areas.iter().flat_map(move |a| {
                a.actions
                    .iter()
                    .map(move |x| (p.number, a.number, x.number.as_str()))
            })
        })
        .collect();
    assert_eq!(
        numbers,
        [(1, 1, "1a"), (1, 1, "1b"), (2, 1, "2a"), (2, 2, "2b")]
    );
    let profile = Profile::load(&fixture("templates/eastvale.profile.toml")).unwrap();
    check_paper_with(pdf, "templates/eastvale-delivery-plan.truth.json", &profile);
}

/// What `extract` writes reads back into the same model: the JSON of the parsed document is
/// the JSON that was written, byte for byte (diff and import read these files).
#[test]
fn extract_json_reads_back_into_the_model() {
    use boardpaper::paper::document::Paper;
    use boardpaper::pdf::{Document, OpenOptions};
    use boardpaper::pipeline;
    use boardpaper::settings::Settings;
    let doc = Document::open(
        &fixture(crate::common::BOARD_PAPER),
        &OpenOptions::default(),
    )
    .unwrap();
    let paper = pipeline::read(&doc, &Settings::default()).unwrap();
    let written = boardpaper::export::paper::json(&paper).unwrap();
    let text = std::str::from_utf8(&written).unwrap();
    let back: Paper = boardpaper::export::wire::paper_from_str(text).unwrap();
    assert_eq!(back.plans[0].priorities.len(), 6);
    assert_eq!(boardpaper::export::paper::json(&back).unwrap(), written);
}
