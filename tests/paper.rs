//! The paper stage against the truth files.

use boardpaper::paper::milestone;
use serde_json::Value;

use crate::common::fixture;

/// Every milestone of both truth files: the status and date read from its text equal the
/// truth's. The one documented exception (P5 2.1 #0, whose timescale "annually throughout
/// 2014-17" is printed mid-bullet, before its sub-lines) is listed, not skipped silently.
#[test]
fn milestone_status_and_date_match_the_truth() {
    let mut checked = 0;
    let mut problems = Vec::new();
    for f in ["mscb/mscb-board-paper-2015-06.truth.json", "mscb/mscb-plan-v3-2015-03.truth.json"] {
        let truth: Value = serde_json::from_slice(&std::fs::read(fixture(f)).unwrap()).unwrap();
        for p in truth["plans"][0]["priorities"].as_array().unwrap() {
            for a in p["improvement_areas"].as_array().unwrap() {
                for act in a["actions"].as_array().unwrap() {
                    for m in act["milestones"].as_array().unwrap() {
                        let text = m["text"].as_str().unwrap();
                        let got = milestone::parse(text);
                        let status = got.status.map(|s| s.as_str());
                        if m["date"] == "annually throughout 2014-17" {
                            assert_eq!(got.date, None, "the mid-bullet timescale is not at the end");
                            continue;
                        }
                        checked += 1;
                        if status != m["status"].as_str() || got.date.as_deref() != m["date"].as_str() {
                            problems.push(format!("{text:?}: got {status:?} {:?}, want {} {}", got.date, m["status"], m["date"]));
                        }
                    }
                }
            }
        }
    }
    assert_eq!(checked, 79 + 75 - 2, "every milestone but the documented exception in each file");
    assert!(problems.is_empty(), "{} problems:\n{}", problems.len(), problems.join("\n"));
}
