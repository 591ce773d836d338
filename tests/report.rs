//! The covering report against the truth files: every field of `meeting` and `report`.

use boardpaper::layout::{self, PageText};
use boardpaper::paper::report::read_report;
use boardpaper::paper::PaperSettings;
use boardpaper::pdf::{Document, OpenOptions};
use serde_json::Value;

use crate::common::{assert_no_differences, compare, fixture, BOARD_PAPER, PLAN_V3};

fn pages(pdf: &str) -> Vec<PageText> {
    let doc = Document::open(&fixture(pdf), &OpenOptions::default()).unwrap();
    let settings = layout::Settings::default();
    (1..=doc.page_count())
        .map(|n| {
            let page = doc.page(n).unwrap();
            PageText::new(&page.info, &page.glyphs, &settings)
        })
        .collect()
}

fn truth(file: &str) -> Value {
    serde_json::from_slice(&std::fs::read(fixture(file)).unwrap()).unwrap()
}

/// The board paper's pages 1-4: meeting header, title, fields, summary, six sections with
/// their paragraphs and bullets, and the two contacts, exactly as the truth has them.
#[test]
fn board_paper_report_matches_the_truth() {
    let pages = pages(BOARD_PAPER);
    let (meeting, report) = read_report(&pages, Some(5), &PaperSettings::default());
    let truth = truth("mscb/mscb-board-paper-2015-06.truth.json");
    let mut diffs = Vec::new();
    compare(
        "meeting",
        &serde_json::to_value(&meeting).unwrap(),
        &truth["meeting"],
        &[],
        &mut diffs,
    );
    compare(
        "report",
        &serde_json::to_value(&report).unwrap(),
        &truth["report"],
        &[],
        &mut diffs,
    );
    assert_no_differences("report", &diffs);
    // The report is not empty by accident: the truth's shape is there.
    let report = report.unwrap();
    assert_eq!(report.sections.len(), 6);
    assert_eq!(report.contacts.len(), 2);
}

/// Without the plan's first page, the reader stops at the landscape plan by itself.
#[test]
fn board_paper_report_without_plan_page_is_the_same() {
    let pages = pages(BOARD_PAPER);
    assert_eq!(
        read_report(&pages, None, &PaperSettings::default()),
        read_report(&pages, Some(5), &PaperSettings::default())
    );
}

/// The V3 file is a plan alone: no meeting, no report, whichever pages are read.
#[test]
fn plan_v3_has_no_report() {
    let pages = pages(PLAN_V3);
    assert_eq!(
        read_report(&pages, None, &PaperSettings::default()),
        (None, None)
    );
    assert_eq!(
        read_report(&pages, Some(1), &PaperSettings::default()),
        (None, None)
    );
    assert_eq!(
        read_report(&pages, Some(3), &PaperSettings::default()),
        (None, None)
    );
    let truth = truth("mscb/mscb-plan-v3-2015-03.truth.json");
    assert_eq!(truth["meeting"], Value::Null);
    assert_eq!(truth["report"], Value::Null);
}

/// The plan pages alone hold no report either (their numbered rows are not sections).
#[test]
fn board_paper_plan_pages_have_no_report() {
    let pages: Vec<_> = pages(BOARD_PAPER)
        .into_iter()
        .filter(|p| p.number >= 5)
        .collect();
    assert_eq!(
        read_report(&pages, None, &PaperSettings::default()),
        (None, None)
    );
}

/// A serialised paragraph without bullets has no `bullets` key; one with bullets has it.
#[test]
fn bullets_key_only_when_present() {
    let (_, report) = read_report(&pages(BOARD_PAPER), Some(5), &PaperSettings::default());
    let v = serde_json::to_value(report.unwrap()).unwrap();
    assert!(v["sections"][0]["paragraphs"][0].get("bullets").is_some());
    assert!(v["sections"][1]["paragraphs"][0].get("bullets").is_none());
}

/// Every fixture that opens, read from every page on (and with every plan page), gives an
/// answer without panicking; the plan-only V3 pages never give a report.
#[test]
fn any_page_range_reads_without_panic() {
    let mut read = 0;
    for dir in ["mscb", "synthetic"] {
        let Ok(entries) = std::fs::read_dir(fixture(dir)) else {
            continue;
        };
        for e in entries.flatten() {
            let path = e.path();
            if path.extension().and_then(|x| x.to_str()) != Some("pdf") {
                continue;
            }
            let Ok(doc) = Document::open(&path, &OpenOptions::default()) else {
                continue;
            };
            let settings = layout::Settings::default();
            let pages: Vec<PageText> = (1..=doc.page_count())
                .filter_map(|n| doc.page(n).ok())
                .map(|p| PageText::new(&p.info, &p.glyphs, &settings))
                .collect();
            for from in 0..pages.len() {
                let (m, r) = read_report(&pages[from..], None, &PaperSettings::default());
                if path.ends_with(PLAN_V3) {
                    assert!(
                        m.is_none() && r.is_none(),
                        "{path:?} from page {}",
                        from + 1
                    );
                }
                let _ = read_report(&pages, Some(from as u32 + 1), &PaperSettings::default());
                read += 1;
            }
        }
    }
    assert!(
        read >= 21 + 16,
        "the MSCB fixtures were read ({read} starts)"
    );
}

/// The closing sign-off block (issue 18) is no part of the last section: "Signed: … /
/// Designation: … / Date: …" (`fixtures/regression/chromium-report-signed-off.html`) and a
/// name over a post and a date after a gap (`chromium-report-name-over-post.html`) are the
/// report's `sign_off`, as printed, and give the author; the last section keeps only its
/// own paragraph. Truths typed from the HTML.
#[test]
fn a_closing_sign_off_block_is_kept_out_of_the_last_section() {
    let cases = [
        (
            "regression/chromium-report-signed-off.pdf",
            "Consultation",
            "The trade was consulted for 28 days and sent eleven responses, none objecting.",
            "Signed: Marion Aske\nDesignation: Head of Regulatory Services\nDate: 24 February 2026",
            "Marion Aske, Head of Regulatory Services",
        ),
        (
            "regression/chromium-report-name-over-post.pdf",
            "Next steps",
            "Outreach clinics will run in the four wards with the lowest uptake until March.",
            "Dr Hannah Pellow\nDirector of Public Health\n6 January 2026",
            "Dr Hannah Pellow, Director of Public Health",
        ),
    ];
    for (pdf, heading, last, sign_off, author) in cases {
        let (_, report) = read_report(&pages(pdf), None, &PaperSettings::default());
        let report = report.unwrap_or_else(|| panic!("{pdf}: no report"));
        let section = report.sections.last().expect("sections");
        let texts: Vec<&str> = section.paragraphs.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(
            (section.heading.as_str(), texts),
            (heading, vec![last]),
            "{pdf}"
        );
        assert_eq!(report.sign_off.as_deref(), Some(sign_off), "{pdf}");
        assert_eq!(report.author.as_deref(), Some(author), "{pdf}");
    }
}

/// A parish council clerk's report (`fixtures/regression/chromium-report-minute-items.html`):
/// items numbered by minute reference ("26/041 Play area") are sections with that number,
/// and the "RECOMMENDATION:" line closing each item gives the recommendations in order (an
/// introduction ending in a colon gives its lettered items instead). Truths typed from the
/// HTML.
#[test]
fn minute_referenced_items_and_their_recommendation_lines() {
    let (meeting, report) = read_report(
        &pages("regression/chromium-report-minute-items.pdf"),
        None,
        &PaperSettings::default(),
    );
    let report = report.expect("a report");
    assert_eq!(
        meeting.map(|m| (m.body, m.date)),
        Some(("Parish Council".into(), Some("2026-02-04".into())))
    );
    let sections: Vec<(Option<&str>, &str, usize)> = report
        .sections
        .iter()
        .map(|s| (s.number.as_deref(), s.heading.as_str(), s.paragraphs.len()))
        .collect();
    assert_eq!(
        sections,
        [
            (Some("26/041"), "Play area", 1),
            (Some("26/042"), "Village hall lease", 1),
            (Some("26/043"), "Correspondence", 1)
        ]
    );
    assert_eq!(
        report.recommendations,
        [
            "That the Council accepts the quote of £610 to replace the swing chains.",
            "renews the lease for ten years from 1 April 2026;",
            "asks the hall committee to report on its accounts each year."
        ]
    );
}

/// A committee report in the side-head house style
/// (`fixtures/regression/chromium-report-side-heads.html`): each section's numbered heading
/// stands in a narrow left column level with its first numbered paragraph, one heading
/// wrapped over two rows ("4. Equality" / "implications"); the recommendations are
/// check-marked items in a box. Each side head is a section with its own number and heading,
/// and each ✓ item one recommendation without its mark. Truths typed from the HTML.
#[test]
fn side_heads_are_sections_and_check_marked_items_are_recommendations() {
    let (meeting, report) = read_report(
        &pages("regression/chromium-report-side-heads.pdf"),
        None,
        &PaperSettings::default(),
    );
    let report = report.expect("a report");
    assert_eq!(
        meeting.map(|m| (m.body, m.date)),
        Some(("Adult Services Committee".into(), Some("2026-03-04".into())))
    );
    assert_eq!(report.title.as_deref(), Some("Day Opportunities Review"));
    let sections: Vec<(Option<&str>, &str)> = report
        .sections
        .iter()
        .map(|s| (s.number.as_deref(), s.heading.as_str()))
        .collect();
    assert_eq!(
        sections,
        [
            (Some("1"), "Purpose"),
            (Some("2"), "Background"),
            (Some("3"), "Findings"),
            (Some("4"), "Equality implications"),
            (Some("5"), "Next steps")
        ]
    );
    assert_eq!(
        report.recommendations,
        [
            "That the Committee notes the findings of the day opportunities review.",
            "That the Committee agrees the consultation on the new model of day support."
        ]
    );
}
