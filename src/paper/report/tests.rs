//! The reader over synthetic rows: a two-page report with a running header and footer.

use super::rows::{Row, W};
use super::*;

/// A row of layout lines: `(left edge, text, bold)`, words spaced 6 pt per character.
fn row(page: u32, top: f64, segs: &[(f64, &str, bool)]) -> Row {
    let mut words = Vec::new();
    for &(x, text, bold) in segs {
        let mut offset = 0.0;
        for (i, w) in text.split_whitespace().enumerate() {
            words.push(W {
                text: w.to_string(),
                x0: x + offset,
                x1: x + offset + 6.0 * w.chars().count() as f64,
                bold,
                italic: false,
                size: 10.0,
                new_seg: i == 0,
            });
            offset += 6.0 * (w.chars().count() as f64 + 1.0);
        }
    }
    Row {
        aside: false,
        page,
        top,
        bottom: top + 12.0,
        baseline: top + 10.0,
        size: 10.0,
        words,
    }
}

fn page(number: u32) -> PageText {
    PageText {
        number,
        width: 595.0,
        height: 842.0,
        lines: Vec::new(),
    }
}

/// A two-page report with a running header and footer, a page number, a paragraph and a
/// wrapped bullet running over the page break, and a contact over several lines.
#[test]
fn synthetic_report_over_a_page_break() {
    let (b, p) = (true, false);
    let page1 = vec![
        row(1, 30.0, &[(72.0, "Confidential draft", p)]),
        row(1, 60.0, &[(250.0, "CABINET", b)]),
        row(1, 74.0, &[(220.0, "Tuesday 3rd March 2020", b)]),
        row(1, 100.0, &[(200.0, "SCHOOL PLACES PLAN", b)]),
        row(
            1,
            126.0,
            &[
                (72.0, "Report from:", b),
                (185.0, "Jane Smith, Director", p),
            ],
        ),
        row(1, 140.0, &[(185.0, "Amir Khan, Deputy Director", p)]),
        row(1, 152.0, &[(72.0, "Summary", b)]),
        row(1, 170.0, &[(72.0, "This report sets out the", p)]),
        row(1, 184.0, &[(72.0, "plan.", p)]),
        row(1, 200.0, &[(72.0, "1.", b), (108.0, "Background", b)]),
        row(
            1,
            226.0,
            &[
                (72.0, "1.1", p),
                (108.0, "The council must plan school-", p),
            ],
        ),
        row(1, 240.0, &[(108.0, "places for the area:", p)]),
        row(1, 260.0, &[(108.0, "• Primary places in the", p)]),
        row(1, 274.0, &[(120.0, "north", p)]),
        row(1, 800.0, &[(72.0, "Cabinet 3 March 2020", p)]),
    ];
    let page2 = vec![
        row(2, 30.0, &[(72.0, "Confidential draft", p)]),
        row(2, 60.0, &[(120.0, "and south", p)]),
        row(2, 80.0, &[(108.0, "Secondary places remain.", p)]),
        row(2, 110.0, &[(72.0, "2.", b), (108.0, "Recommendation", b)]),
        row(
            2,
            136.0,
            &[(72.0, "2.1", p), (108.0, "Cabinet is asked to note.", p)],
        ),
        row(2, 160.0, &[(72.0, "Lead officer contact:", b)]),
        row(2, 180.0, &[(72.0, "Jane Smith", p)]),
        row(2, 194.0, &[(72.0, "Head of School Place Planning", p)]),
        row(2, 208.0, &[(72.0, "Tel: 01234 567890", p)]),
        row(2, 222.0, &[(72.0, "jane.smith@example.gov.uk", p)]),
        row(2, 800.0, &[(72.0, "Cabinet 3 March 2020", p)]),
        row(2, 815.0, &[(290.0, "2", p)]),
    ];
    let pages = [page(1), page(2)];
    let refs: Vec<&PageText> = pages.iter().collect();
    let mut by_page = vec![page1, page2];
    running::drop_running_rows(&mut by_page, &refs, &PaperSettings::default());
    let rows: Vec<Row> = by_page.into_iter().flatten().collect();
    let (meeting, report) = parse(&rows, &PaperSettings::default(), false);
    assert_eq!(
        meeting,
        Some(Meeting {
            body: "Cabinet".into(),
            date: Some("2020-03-03".into()),
            place: None,
        })
    );
    let report = report.expect("a report");
    assert_eq!(report.title.as_deref(), Some("SCHOOL PLACES PLAN"));
    assert_eq!(
        report.report_from,
        ["Jane Smith, Director", "Amir Khan, Deputy Director"]
    );
    assert_eq!(report.author, None);
    assert_eq!(
        report.summary.as_deref(),
        Some("This report sets out the plan.")
    );
    let para = |s: usize, p: usize| &report.sections[s].paragraphs[p];
    assert_eq!(report.sections.len(), 2);
    assert_eq!(report.sections[0].heading, "Background");
    assert_eq!(para(0, 0).number.as_deref(), Some("1.1"));
    assert_eq!(
        para(0, 0).text,
        "The council must plan school-places for the area:"
    );
    // Text resuming under a list, at the paragraph's margin, is a paragraph of its own.
    assert_eq!(para(0, 1).number, None);
    assert_eq!(para(0, 1).text, "Secondary places remain.");
    assert_eq!(
        para(0, 0).bullets,
        ["Primary places in the north and south"]
    );
    assert_eq!(para(1, 0).text, "Cabinet is asked to note.");
    assert_eq!(
        report.contacts,
        [Contact {
            name: "Jane Smith".into(),
            role: Some("Head of School Place Planning".into()),
            email: Some("jane.smith@example.gov.uk".into()),
            phone: Some("01234 567890".into()),
        }]
    );
}

#[test]
fn no_rows_no_report() {
    assert_eq!(
        read_report(&[], None, &PaperSettings::default()),
        (None, None)
    );
    assert_eq!(
        read_report(&[], Some(5), &PaperSettings::default()),
        (None, None)
    );
}

/// A label–value front matter whose last label lists the appendices: the list ends at the
/// first numbered heading, which opens the body (the sections are not read as appendices).
#[test]
fn an_appendices_list_in_the_front_matter_ends_at_the_first_numbered_heading() {
    let (b, p) = (true, false);
    let rows = vec![
        row(1, 60.0, &[(72.0, "Report to", b), (200.0, "Cabinet", p)]),
        row(
            1,
            74.0,
            &[
                (72.0, "Date of meeting", b),
                (200.0, "17 September 2025", p),
            ],
        ),
        row(
            1,
            88.0,
            &[
                (72.0, "Report title", b),
                (200.0, "Town Centre Masterplan", p),
            ],
        ),
        row(
            1,
            102.0,
            &[(72.0, "Appendices", b), (200.0, "A – Draft masterplan", p)],
        ),
        row(1, 116.0, &[(200.0, "B – Equality impact assessment", p)]),
        row(1, 140.0, &[(72.0, "1.", b), (96.0, "Executive summary", b)]),
        row(
            1,
            160.0,
            &[
                (72.0, "1.1", p),
                (108.0, "This report presents a masterplan.", p),
            ],
        ),
        row(1, 184.0, &[(72.0, "2.", b), (96.0, "Background", b)]),
        row(
            1,
            204.0,
            &[(72.0, "2.1", p), (108.0, "Footfall has fallen.", p)],
        ),
    ];
    let (_, report) = parse(&rows, &PaperSettings::default(), false);
    let report = report.expect("a report");
    let appendices: Vec<_> = report
        .appendices
        .iter()
        .map(|a| (a.label.as_str(), a.title.as_str()))
        .collect();
    assert_eq!(
        appendices,
        [
            ("A", "Draft masterplan"),
            ("B", "Equality impact assessment")
        ]
    );
    let headings: Vec<_> = report.sections.iter().map(|s| s.heading.as_str()).collect();
    assert_eq!(headings, ["Executive summary", "Background"]);
    assert_eq!(
        report.sections[0].paragraphs[0].text,
        "This report presents a masterplan."
    );
}

/// An unnumbered report: a Recommendation block of one finished sentence, then a heading
/// set close under it: the heading opens a section, it is not the block's introduction (and
/// the block, standing before the body, is front matter, not a section).
#[test]
fn a_heading_after_a_finished_recommendation_opens_a_section() {
    let (b, p) = (true, false);
    let rows = vec![
        row(1, 60.0, &[(72.0, "Scrutiny Committee", b)]),
        row(1, 74.0, &[(72.0, "4 November 2025", p)]),
        row(1, 92.0, &[(72.0, "Children Missing Education", b)]),
        row(1, 120.0, &[(72.0, "Recommendation", b)]),
        row(
            1,
            134.0,
            &[(72.0, "That the Committee notes the update.", p)],
        ),
        row(1, 148.0, &[(72.0, "Background", b)]),
        row(1, 162.0, &[(72.0, "Numbers rose last year.", p)]),
        row(1, 176.0, &[(72.0, "Next steps", b)]),
        row(1, 190.0, &[(72.0, "A protocol follows in January.", p)]),
    ];
    let (_, report) = parse(&rows, &PaperSettings::default(), false);
    let report = report.expect("a report");
    assert_eq!(
        report.recommendations,
        ["That the Committee notes the update."]
    );
    let sections: Vec<_> = report
        .sections
        .iter()
        .map(|s| (s.heading.as_str(), s.paragraphs.len()))
        .collect();
    // No heading is numbered, but the Recommendation block stands before the body.
    assert_eq!(sections, [("Background", 1), ("Next steps", 1)]);
}

/// Part dividers: "PART A" straight above the title is not the title's, and "PART B"
/// between two paragraphs printed close together breaks them apart, as a gap does; neither
/// is a section or text.
#[test]
fn part_dividers_are_no_title_section_or_text() {
    let (b, p) = (true, false);
    let rows = vec![
        row(1, 60.0, &[(72.0, "Planning Committee", b)]),
        row(1, 74.0, &[(72.0, "9 April 2025", p)]),
        row(1, 92.0, &[(72.0, "PART A", b)]),
        row(1, 106.0, &[(72.0, "Local Plan Timetable", b)]),
        row(1, 130.0, &[(72.0, "Summary", b)]),
        row(1, 144.0, &[(72.0, "The timetable moves by a year.", p)]),
        row(1, 158.0, &[(72.0, "1.", b), (100.0, "Background", b)]),
        row(
            1,
            172.0,
            &[(72.0, "The inspector asked for more sites.", p)],
        ),
        row(1, 186.0, &[(72.0, "PART B", b)]),
        row(1, 200.0, &[(72.0, "Sites were assessed again in May.", p)]),
    ];
    let (meeting, report) = parse(&rows, &PaperSettings::default(), false);
    let report = report.expect("a report");
    assert_eq!(
        meeting.map(|m| m.body).as_deref(),
        Some("Planning Committee")
    );
    assert_eq!(report.title.as_deref(), Some("Local Plan Timetable"));
    let sections: Vec<_> = report
        .sections
        .iter()
        .map(|s| {
            let texts: Vec<&str> = s.paragraphs.iter().map(|p| p.text.as_str()).collect();
            (s.heading.as_str(), texts)
        })
        .collect();
    assert_eq!(
        sections,
        [(
            "Background",
            vec![
                "The inspector asked for more sites.",
                "Sites were assessed again in May."
            ]
        )]
    );
}

/// "Proposed by Mr Tom Vane" with no colon is the proposer (a label ending in "by" before a
/// capitalised name); "Approved by Cabinet in May …" opening a body row stays text.
#[test]
fn proposed_by_without_a_colon_is_the_proposer() {
    let (b, p) = (true, false);
    let rows = vec![
        row(1, 60.0, &[(72.0, "Amendment to the Parking Strategy", b)]),
        row(1, 90.0, &[(72.0, "Proposed by Mr Tom Vane", p)]),
        row(1, 104.0, &[(72.0, "Seconded by Mrs Ada Lyle", p)]),
        row(1, 130.0, &[(72.0, "1.", b), (100.0, "Introduction", b)]),
        row(
            1,
            144.0,
            &[(72.0, "1.1", p), (100.0, "The strategy is out of date.", p)],
        ),
        row(1, 158.0, &[(72.0, "2.", b), (100.0, "Proposal", b)]),
        row(
            1,
            172.0,
            &[(72.0, "Approved by Cabinet in May, the plan stands.", p)],
        ),
    ];
    let (_, report) = parse(&rows, &PaperSettings::default(), true);
    let report = report.expect("a report");
    assert_eq!(
        report.title.as_deref(),
        Some("Amendment to the Parking Strategy")
    );
    assert_eq!(report.report_from, ["Mr Tom Vane"]);
    let last = report.sections.last().and_then(|s| s.paragraphs.first());
    assert_eq!(
        last.map(|p| p.text.as_str()),
        Some("Approved by Cabinet in May, the plan stands.")
    );
}

/// A cover-sheet table whose Recommendations value opens the numbered items, each wrapping
/// back to its number's edge, then "Background papers | None" and the numbered body.
#[test]
fn numbered_recommendations_in_a_label_value_table() {
    let (b, p) = (true, false);
    let rows = vec![
        row(
            1,
            60.0,
            &[(72.0, "Meeting", b), (200.0, "Audit Committee", p)],
        ),
        row(
            1,
            74.0,
            &[(72.0, "Date of meeting", b), (200.0, "14 October 2025", p)],
        ),
        row(
            1,
            88.0,
            &[
                (72.0, "Report title", b),
                (200.0, "Governance Statement", p),
            ],
        ),
        row(
            1,
            102.0,
            &[
                (72.0, "Recommendations", b),
                (200.0, "1. That the Committee notes the", p),
            ],
        ),
        row(1, 116.0, &[(200.0, "progress made.", p)]),
        row(
            1,
            130.0,
            &[(200.0, "2. That the Committee agrees the revised", p)],
        ),
        row(1, 144.0, &[(200.0, "target date.", p)]),
        row(
            1,
            158.0,
            &[(72.0, "Background papers", b), (200.0, "None", p)],
        ),
        row(1, 190.0, &[(72.0, "1.", b), (96.0, "Introduction", b)]),
        row(
            1,
            210.0,
            &[
                (72.0, "1.1", p),
                (108.0, "The regulations require a review.", p),
            ],
        ),
    ];
    let (_, report) = parse(&rows, &PaperSettings::default(), false);
    let report = report.expect("a report");
    assert_eq!(
        report.recommendations,
        [
            "That the Committee notes the progress made.",
            "That the Committee agrees the revised target date."
        ]
    );
    assert!(report.background_papers.is_empty());
    let headings: Vec<_> = report.sections.iter().map(|s| s.heading.as_str()).collect();
    assert_eq!(headings, ["Introduction"]);
}

/// Unnumbered headings a little right of a gutter of paragraph numbers that run through the
/// report: "Summary" and "Recommendations" over numbered paragraphs are sections like the
/// others, and still give the summary and the recommendations.
#[test]
fn summary_and_recommendations_over_numbered_paragraphs_are_sections() {
    let (b, p) = (true, false);
    let rows = vec![
        row(1, 40.0, &[(63.0, "Health and Wellbeing Board", p)]),
        row(1, 54.0, &[(63.0, "Thursday 4 December 2025", p)]),
        row(1, 80.0, &[(63.0, "Needs Assessment", b)]),
        row(1, 110.0, &[(63.0, "Summary", b)]),
        row(
            1,
            126.0,
            &[(57.0, "1", p), (85.0, "Every board must publish one.", p)],
        ),
        row(
            1,
            140.0,
            &[
                (57.0, "2", p),
                (85.0, "The draft finds adequate provision.", p),
            ],
        ),
        row(1, 166.0, &[(63.0, "Recommendations", b)]),
        row(
            1,
            182.0,
            &[(57.0, "3", p), (85.0, "The Board is recommended to:", p)],
        ),
        row(1, 196.0, &[(94.0, "• approve the assessment;", p)]),
        row(1, 210.0, &[(94.0, "• note the gaps.", p)]),
        row(1, 236.0, &[(63.0, "Background", b)]),
        row(
            1,
            252.0,
            &[
                (57.0, "4", p),
                (85.0, "The assessment is used by the NHS.", p),
            ],
        ),
    ];
    let (_, report) = parse(&rows, &PaperSettings::default(), false);
    let report = report.expect("a report");
    let sections: Vec<_> = report
        .sections
        .iter()
        .map(|s| {
            let numbers: Vec<_> = s
                .paragraphs
                .iter()
                .filter_map(|p| p.number.clone())
                .collect();
            (s.heading.as_str(), numbers)
        })
        .collect();
    assert_eq!(
        sections,
        [
            ("Summary", vec!["1".to_string(), "2".to_string()]),
            ("Recommendations", vec!["3".to_string()]),
            ("Background", vec!["4".to_string()]),
        ]
    );
    assert_eq!(
        report.summary.as_deref(),
        Some("Every board must publish one.\nThe draft finds adequate provision.")
    );
    assert_eq!(
        report.recommendations,
        ["approve the assessment;", "note the gaps."]
    );
}

/// Issue 18: a "Joint report of …" line under the title (no colon) names both people and is
/// not the title; "3.0" headings in the body's plain face open sections over "3.1".
#[test]
fn a_joint_report_line_and_plain_x0_headings() {
    let (b, p) = (true, false);
    let rows = vec![
        row(1, 60.0, &[(250.0, "Cabinet", p)]),
        row(1, 74.0, &[(230.0, "8 April 2025", p)]),
        row(1, 100.0, &[(180.0, "Review of Household Waste", b)]),
        row(
            1,
            116.0,
            &[(
                100.0,
                "Joint report of the Director of Place and the Director of Resources",
                p,
            )],
        ),
        row(
            1,
            150.0,
            &[(72.0, "3.0", p), (108.0, "Detailed proposal", p)],
        ),
        row(
            1,
            164.0,
            &[
                (72.0, "3.1", p),
                (108.0, "The recycling rate rose in the year.", p),
            ],
        ),
        row(
            1,
            178.0,
            &[(72.0, "4.0", p), (108.0, "Financial implications", p)],
        ),
        row(
            1,
            192.0,
            &[
                (72.0, "4.1", p),
                (108.0, "The changes are met from budget.", p),
            ],
        ),
    ];
    let (meeting, report) = parse(&rows, &PaperSettings::default(), true);
    let report = report.expect("a report");
    assert_eq!(report.title.as_deref(), Some("Review of Household Waste"));
    assert_eq!(
        report.report_from,
        ["Director of Place", "Director of Resources"]
    );
    assert_eq!(meeting.map(|m| m.body), Some("Cabinet".to_string()));
    let sections: Vec<(Option<&str>, &str, usize)> = report
        .sections
        .iter()
        .map(|s| (s.number.as_deref(), s.heading.as_str(), s.paragraphs.len()))
        .collect();
    assert_eq!(
        sections,
        [
            (Some("3.0"), "Detailed proposal", 1),
            (Some("4.0"), "Financial implications", 1)
        ]
    );
}

/// Issue 18: paragraphs set with looser leading (18 pt) than the single-spaced lists that
/// make the commonest pitch (12 pt): a row at a hanging paragraph's text edge under a row
/// that ran to the margin wraps the paragraph, it opens no new one.
#[test]
fn a_loosely_set_hanging_paragraph_wraps() {
    let p = false;
    let long = "The recycling rate rose from 41 to 46 per cent in the first year. Missed";
    let mut rows = vec![
        row(
            1,
            36.0,
            &[(72.0, "Report of:", true), (160.0, "Jo Hale", p)],
        ),
        row(
            1,
            60.0,
            &[(72.0, "3.0", true), (108.0, "Detailed proposal", true)],
        ),
        row(1, 80.0, &[(72.0, "3.1", p), (108.0, long, p)]),
        row(1, 98.0, &[(108.0, "bins fell to fewer than 30.", p)]),
        row(1, 122.0, &[(72.0, "3.2", p), (108.0, long, p)]),
        row(1, 140.0, &[(108.0, "service uses:", p)]),
    ];
    for i in 0..6 {
        let top = 152.0 + 12.0 * f64::from(i);
        rows.push(row(1, top, &[(108.0, "•", p), (120.0, "a list item;", p)]));
    }
    let (_, report) = parse(&rows, &PaperSettings::default(), true);
    let report = report.expect("a report");
    let paragraphs: Vec<(Option<&str>, usize)> = report
        .sections
        .iter()
        .flat_map(|s| &s.paragraphs)
        .map(|p| (p.number.as_deref(), p.bullets.len()))
        .collect();
    assert_eq!(paragraphs, [(Some("3.1"), 0), (Some("3.2"), 6)]);
}

/// The council's name and the meeting with its date on one line across the page, then the
/// title and "Report of the …" / "Author …" lines without colons: the meeting line is the
/// preamble's, however many words it holds, and the post is read without "the".
#[test]
fn a_meeting_line_across_the_page_and_report_of_the() {
    let (b, p) = (true, false);
    let rows = vec![
        row(
            1,
            40.0,
            &[
                (40.0, "NORTHBY DISTRICT COUNCIL", b),
                (
                    300.0,
                    "Licensing and Regulatory Committee – 9 February 2026",
                    p,
                ),
            ],
        ),
        row(1, 70.0, &[(40.0, "Review of the Licensing Policy", b)]),
        row(
            1,
            84.0,
            &[(40.0, "Report of the Head of Regulatory Services", p)],
        ),
        row(1, 98.0, &[(40.0, "Author Ann Ryle, Licensing Manager", p)]),
        row(1, 130.0, &[(40.0, "1.", b), (68.0, "Background", b)]),
        row(
            1,
            144.0,
            &[(40.0, "1.1", p), (68.0, "The policy is five years old.", p)],
        ),
    ];
    let (meeting, report) = parse(&rows, &PaperSettings::default(), true);
    let meeting = meeting.expect("a meeting");
    assert_eq!(meeting.body, "Licensing and Regulatory Committee");
    assert_eq!(meeting.date.as_deref(), Some("2026-02-09"));
    let report = report.expect("a report");
    assert_eq!(
        report.title.as_deref(),
        Some("Review of the Licensing Policy")
    );
    assert_eq!(report.report_from, ["Head of Regulatory Services"]);
}

/// Lettered sections: "A. Introduction" (bold) over hanging paragraphs "A1", "A2", then
/// "Section B: Progress" over "B.1": each heading gives its letter as the section number and
/// its heading without it; the paragraphs keep their numbers; a letter opening a sentence
/// ("A review …") is no number.
#[test]
fn lettered_sections_and_paragraphs() {
    let (b, p) = (true, false);
    let long = "The plan was agreed by the Council in March and has been reviewed every year since then by the panel.";
    let rows = vec![
        row(1, 60.0, &[(72.0, "Planning Committee", b)]),
        row(1, 74.0, &[(72.0, "4 November 2025", p)]),
        row(1, 92.0, &[(72.0, "Local Plan Progress", b)]),
        row(1, 120.0, &[(72.0, "Summary", b)]),
        row(1, 134.0, &[(72.0, "The plan is on time.", p)]),
        row(1, 160.0, &[(72.0, "A. Introduction", b)]),
        row(1, 176.0, &[(72.0, "A1", p), (100.0, long, p)]),
        row(1, 190.0, &[(100.0, "It runs to 2040.", p)]),
        row(1, 206.0, &[(72.0, "A2", p), (100.0, "A review is due.", p)]),
        row(1, 230.0, &[(72.0, "Section B: Progress", b)]),
        row(
            1,
            246.0,
            &[(72.0, "B.1", p), (100.0, "Three stages are done.", p)],
        ),
        row(
            1,
            290.0,
            &[(72.0, "A review of sites follows in the spring.", p)],
        ),
    ];
    let (_, report) = parse(&rows, &PaperSettings::default(), false);
    let report = report.expect("a report");
    let sections: Vec<_> = report
        .sections
        .iter()
        .map(|s| {
            let numbers: Vec<_> = s.paragraphs.iter().map(|p| p.number.clone()).collect();
            (s.number.as_deref(), s.heading.as_str(), numbers)
        })
        .collect();
    assert_eq!(
        sections,
        [
            (
                Some("A"),
                "Introduction",
                vec![Some("A1".to_string()), Some("A2".to_string())]
            ),
            (Some("B"), "Progress", vec![Some("B.1".to_string()), None]),
        ]
    );
    let a1 = report.sections.first().and_then(|s| s.paragraphs.first());
    assert_eq!(
        a1.map(|p| p.text.clone()),
        Some(format!("{long} It runs to 2040."))
    );
}

/// Recommendations printed as a ruled table under the Recommendations heading: each
/// recommendation is its own column's cell, without the reason beside it (unnumbered: a
/// new row after a gap; numbered: where the number column prints a number).
#[test]
fn recommendations_from_a_table() {
    let (b, p) = (true, false);
    let read = |table: Vec<Row>| {
        let mut rows = vec![
            row(1, 60.0, &[(72.0, "Report to: Cabinet", p)]),
            row(1, 74.0, &[(72.0, "4 December 2025", p)]),
            row(1, 92.0, &[(72.0, "Waste Contract", b)]),
            row(1, 120.0, &[(72.0, "Recommendations", b)]),
        ];
        rows.extend(table);
        rows.push(row(1, 300.0, &[(72.0, "1. Background", b)]));
        rows.push(row(1, 316.0, &[(72.0, "1.1 The contract ends soon.", p)]));
        let (meeting, report) = parse(&rows, &PaperSettings::default(), false);
        (meeting, report.expect("a report"))
    };
    let (meeting, report) = read(vec![
        row(
            1,
            136.0,
            &[(76.0, "Recommendation", b), (320.0, "Reason", b)],
        ),
        row(
            1,
            156.0,
            &[
                (76.0, "Extend the contract", p),
                (320.0, "To keep collections", p),
            ],
        ),
        row(1, 170.0, &[(76.0, "to 2028.", p), (320.0, "running.", p)]),
        row(
            1,
            190.0,
            &[(76.0, "Procure jointly.", p), (320.0, "It saves money", p)],
        ),
        row(1, 204.0, &[(320.0, "every year.", p)]),
    ]);
    assert_eq!(
        meeting.map(|m| (m.body, m.date)),
        Some(("Cabinet".to_string(), Some("2025-12-04".to_string())))
    );
    assert_eq!(report.title.as_deref(), Some("Waste Contract"));
    assert_eq!(
        report.recommendations,
        ["Extend the contract to 2028.", "Procure jointly."]
    );
    assert_eq!(report.sections.len(), 1);
    let (_, report) = read(vec![
        row(
            1,
            136.0,
            &[
                (76.0, "No.", b),
                (110.0, "Decision", b),
                (320.0, "Reason for decision", b),
            ],
        ),
        row(
            1,
            150.0,
            &[
                (76.0, "1", p),
                (110.0, "Extend the contract", p),
                (320.0, "To keep", p),
            ],
        ),
        row(
            1,
            164.0,
            &[(110.0, "to 2028", p), (320.0, "collections.", p)],
        ),
        row(
            1,
            178.0,
            &[
                (76.0, "2", p),
                (110.0, "Procure jointly.", p),
                (320.0, "Savings.", p),
            ],
        ),
    ]);
    assert_eq!(
        report.recommendations,
        ["Extend the contract to 2028", "Procure jointly."]
    );
}

/// An unnumbered report: "Report to the Health Scrutiny Panel" over its date gives the
/// body; the Recommendation block before the body is front matter, its lead-in "That the
/// Panel:" no part of the recommendation; a list's last item wrapped over two rows, then a
/// paragraph at the item's text edge.
#[test]
fn report_to_line_lead_in_and_a_paragraph_after_a_list() {
    let (b, p) = (true, false);
    let wide =
        "two crisis cafés, one in the city centre and one in Eastfield, open in the evenings for";
    let rows = vec![
        row(1, 40.0, &[(72.0, "Pellbridge City Council", b)]),
        row(1, 60.0, &[(72.0, "Report to the Health Scrutiny Panel", p)]),
        row(1, 74.0, &[(72.0, "18 November 2025", p)]),
        row(1, 92.0, &[(72.0, "Crisis Services", b)]),
        row(1, 120.0, &[(72.0, "Recommendation", b)]),
        row(1, 134.0, &[(72.0, "That the Panel: note the redesign.", p)]),
        row(1, 160.0, &[(72.0, "Background", b)]),
        row(1, 176.0, &[(72.0, "The pathway has two parts:", p)]),
        row(
            1,
            190.0,
            &[(72.0, "•", p), (90.0, "a telephone line; and", p)],
        ),
        row(1, 204.0, &[(72.0, "•", p), (90.0, wide, p)]),
        row(1, 218.0, &[(90.0, "people in need.", p)]),
        row(1, 232.0, &[(90.0, "Demand has risen since 2022.", p)]),
        row(1, 250.0, &[(72.0, "Consultation", b)]),
        row(1, 266.0, &[(72.0, "Users were asked in September.", p)]),
    ];
    let (meeting, report) = parse(&rows, &PaperSettings::default(), false);
    let report = report.expect("a report");
    assert_eq!(
        meeting.map(|m| m.body),
        Some("Health Scrutiny Panel".to_string())
    );
    assert_eq!(report.recommendations, ["note the redesign."]);
    let headings: Vec<_> = report.sections.iter().map(|s| s.heading.as_str()).collect();
    assert_eq!(headings, ["Background", "Consultation"]);
    let background = report
        .sections
        .first()
        .map(|s| s.paragraphs.clone())
        .unwrap_or_default();
    let texts: Vec<_> = background.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(
        texts,
        ["The pathway has two parts:", "Demand has risen since 2022."]
    );
    assert_eq!(
        background.first().map(|p| p.bullets.clone()),
        Some(vec![
            "a telephone line; and".to_string(),
            format!("{wide} people in need.")
        ])
    );
}

/// A numbered Recommendations section holding a "No. | Recommendation | Reason" table: each
/// row is a paragraph of the section (numbered by the number column) and a recommendation,
/// without its reason.
#[test]
fn a_recommendations_section_holding_a_table() {
    let (b, p) = (true, false);
    let rows = vec![
        row(1, 60.0, &[(72.0, "Cabinet", b)]),
        row(1, 74.0, &[(72.0, "4 December 2025", p)]),
        row(1, 92.0, &[(72.0, "Waste Contract", b)]),
        row(1, 120.0, &[(72.0, "1.", b), (100.0, "Recommendations", b)]),
        row(
            1,
            136.0,
            &[
                (76.0, "No.", b),
                (110.0, "Recommendation", b),
                (320.0, "Reason", b),
            ],
        ),
        row(
            1,
            150.0,
            &[
                (76.0, "1", p),
                (110.0, "Extend the contract.", p),
                (320.0, "Time.", p),
            ],
        ),
        row(
            1,
            164.0,
            &[
                (76.0, "2", p),
                (110.0, "Procure jointly.", p),
                (320.0, "Savings.", p),
            ],
        ),
        row(1, 190.0, &[(72.0, "2.", b), (100.0, "Background", b)]),
        row(
            1,
            206.0,
            &[(72.0, "2.1", p), (100.0, "The contract ends soon.", p)],
        ),
    ];
    let (_, report) = parse(&rows, &PaperSettings::default(), false);
    let report = report.expect("a report");
    assert_eq!(
        report.recommendations,
        ["Extend the contract.", "Procure jointly."]
    );
    let first = report.sections.first().map(|s| {
        let paragraphs: Vec<_> = s
            .paragraphs
            .iter()
            .map(|p| (p.number.clone(), p.text.clone()))
            .collect();
        (s.heading.clone(), paragraphs)
    });
    assert_eq!(
        first,
        Some((
            "Recommendations".to_string(),
            vec![
                (Some("1".to_string()), "Extend the contract.".to_string()),
                (Some("2".to_string()), "Procure jointly.".to_string()),
            ]
        ))
    );
    assert_eq!(report.sections.len(), 2);
}

/// A meeting line names a meeting; an appendix label, a day or a letter's addressees do not.
#[test]
fn a_meeting_body_names_a_meeting() {
    assert!(super::text::names_meeting("Audit and Risk Committee"));
    assert!(super::text::names_meeting("CABINET"));
    assert!(super::text::names_meeting("Health Scrutiny Panel"));
    assert!(!super::text::names_meeting("Appendix H"));
    assert!(!super::text::names_meeting("13th"));
    assert!(!super::text::names_meeting(
        "Leaders of all two-tier councils and"
    ));
}

/// A sidebar of front matter beside the body: each label over its value in a narrow left
/// column, the body's sentences in the wide column on the same baselines.
fn sidebar_page(x_side: f64, x_body: f64) -> Vec<Row> {
    let body = "The scheme gives small grants to groups working in the district";
    let lines: &[(&str, bool, &str)] = &[
        ("Meeting", true, "Summary"),
        ("Cabinet", false, body),
        ("Date", true, body),
        ("12 March 2026", false, body),
        ("Lead officer", true, body),
        ("Jo Pryce, Director of", false, body),
        ("Communities", false, ""),
    ];
    lines
        .iter()
        .enumerate()
        .map(|(i, &(side, bold, text))| {
            let top = 100.0 + 14.0 * i as f64;
            let mut segs = vec![(x_side, side, bold)];
            if !text.is_empty() {
                segs.push((x_body, text, text == "Summary"));
            }
            segs.sort_by(|a, b| a.0.total_cmp(&b.0));
            row(1, top, &segs)
        })
        .collect()
}

#[test]
fn a_sidebar_is_read_before_the_body_beside_it() {
    let settings = PaperSettings::default();
    for (x_side, x_body) in [(50.0, 230.0), (450.0, 50.0)] {
        let rows = sidebar::split_sidebars(sidebar_page(x_side, x_body), &settings);
        let texts: Vec<(bool, String)> = rows.iter().map(|r| (r.aside, r.text())).collect();
        let first: Vec<&str> = texts.iter().take(7).map(|(_, t)| t.as_str()).collect();
        assert_eq!(
            first,
            [
                "Meeting",
                "Cabinet",
                "Date",
                "12 March 2026",
                "Lead officer",
                "Jo Pryce, Director of",
                "Communities"
            ],
            "sidebar at x={x_side}"
        );
        assert!(texts.iter().take(7).all(|(aside, _)| *aside));
        assert_eq!(texts.get(7).map(|t| t.1.as_str()), Some("Summary"));
        assert_eq!(texts.len(), 13);
        assert!(texts.iter().skip(7).all(|(aside, _)| !aside));
    }
}

#[test]
fn a_label_column_beside_its_values_is_no_sidebar() {
    // Each label on the row of its value: a label–value table, read row by row.
    let settings = PaperSettings::default();
    let rows: Vec<Row> = [
        ("Report to:", "Cabinet"),
        ("Date:", "12 March 2026"),
        ("Lead officer:", "Jo Pryce, Director of Communities"),
        ("Wards:", "All wards"),
    ]
    .iter()
    .enumerate()
    .map(|(i, &(l, v))| {
        row(
            1,
            100.0 + 14.0 * i as f64,
            &[(50.0, l, true), (200.0, v, false)],
        )
    })
    .collect();
    let before: Vec<String> = rows.iter().map(Row::text).collect();
    let after: Vec<String> = sidebar::split_sidebars(rows, &settings)
        .iter()
        .map(Row::text)
        .collect();
    assert_eq!(before, after);
}

#[test]
fn a_time_or_an_address_is_no_title() {
    let is_no_title = |t: &str| text::no_title_reason(t).is_some();
    assert!(is_no_title("at 10.00 am"));
    assert!(is_no_title("at 9.30 am"));
    assert!(is_no_title(
        "Jim McMahon OBE MP Minister of State 2 Marsham Street London SW1P 4DF"
    ));
    assert!(is_no_title("Sessions House Maidstone ME14 1XQ"));
    assert!(!is_no_title("Community Grants Scheme 2026-27"));
    assert!(!is_no_title("Budget 2025-26"));
    assert!(!is_no_title("A38 Bypass Phase 2"));
    assert!(!is_no_title(""));
}

/// A label table with the title in bold between its labels, wrapped over two rows, and the
/// numbered sections after an Appendices label: the title is the report's, not a section,
/// and "1. Purpose" opens the body.
#[test]
fn a_title_between_the_front_labels() {
    let (b, p) = (true, false);
    let rows = vec![
        row(1, 40.0, &[(72.0, "WESTLEIGH BOROUGH COUNCIL", b)]),
        row(
            1,
            70.0,
            &[(72.0, "Report to:", p), (200.0, "Licensing Committee", p)],
        ),
        row(
            1,
            84.0,
            &[(72.0, "Date of meeting:", p), (200.0, "3 March 2026", p)],
        ),
        row(
            1,
            110.0,
            &[(
                72.0,
                "Review of Street Trading Consents and Pavement Licensing",
                b,
            )],
        ),
        row(1, 124.0, &[(72.0, "Fees for 2026-27", b)]),
        row(
            1,
            150.0,
            &[
                (72.0, "Report of:", p),
                (200.0, "Head of Regulatory Services", p),
            ],
        ),
        row(
            1,
            164.0,
            &[
                (72.0, "Appendices:", p),
                (200.0, "Appendix A – Fee schedule", p),
            ],
        ),
        row(
            1,
            190.0,
            &[(72.0, "1.", b), (100.0, "Purpose of report", b)],
        ),
        row(
            1,
            204.0,
            &[(72.0, "1.1", p), (100.0, "To set the fees.", p)],
        ),
        row(1, 230.0, &[(72.0, "2.", b), (100.0, "Background", b)]),
        row(
            1,
            244.0,
            &[(72.0, "2.1", p), (100.0, "Fees were last set in 2023.", p)],
        ),
    ];
    let (meeting, report) = parse(&rows, &PaperSettings::default(), true);
    let report = report.expect("a report");
    assert_eq!(
        report.title.as_deref(),
        Some("Review of Street Trading Consents and Pavement Licensing Fees for 2026-27")
    );
    let sections: Vec<(Option<&str>, &str)> = report
        .sections
        .iter()
        .map(|s| (s.number.as_deref(), s.heading.as_str()))
        .collect();
    assert_eq!(
        sections,
        [(Some("1"), "Purpose of report"), (Some("2"), "Background")]
    );
    assert_eq!(
        meeting.map(|m| m.body),
        Some("Licensing Committee".to_string())
    );
}

/// Front recommendations whose bullets are drawn shapes (no glyph: Chromium's boxed `<ul>`),
/// and a closing sign-off block ("Designation:", "Date:", "Author:") after the sections.
#[test]
fn shape_bulleted_front_recommendations_and_a_closing_author() {
    let (b, p) = (true, false);
    let rows = vec![
        row(
            1,
            40.0,
            &[(72.0, "Harbridge Scrutiny Panel – 4 March 2026", p)],
        ),
        row(1, 66.0, &[(72.0, "Review of Street Lighting", b)]),
        row(1, 100.0, &[(80.0, "Recommendations", b)]),
        row(1, 114.0, &[(80.0, "The Panel is asked to:", p)]),
        row(
            1,
            128.0,
            &[(
                110.0,
                "note the findings of the street lighting review and the",
                p,
            )],
        ),
        row(1, 142.0, &[(110.0, "savings made;", p)]),
        row(
            1,
            156.0,
            &[(110.0, "agree a further report in June 2026.", p)],
        ),
        row(1, 190.0, &[(72.0, "1.", b), (100.0, "Background", b)]),
        row(
            1,
            204.0,
            &[
                (72.0, "1.1", p),
                (100.0, "The lights were converted in 2024.", p),
            ],
        ),
        row(
            1,
            240.0,
            &[(72.0, "Designation:", p), (200.0, "Director of Place", p)],
        ),
        row(
            1,
            254.0,
            &[
                (72.0, "Author:", p),
                (200.0, "Ines Hart, Lighting Engineer", p),
            ],
        ),
    ];
    let (_, report) = parse(&rows, &PaperSettings::default(), true);
    let report = report.expect("a report");
    assert_eq!(
        report.recommendations,
        [
            "note the findings of the street lighting review and the savings made;",
            "agree a further report in June 2026."
        ]
    );
    assert_eq!(
        report.author.as_deref(),
        Some("Ines Hart, Lighting Engineer")
    );
}
