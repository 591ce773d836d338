//! `extract`'s spreadsheet outputs read back: the XLSX with calamine (values, sheet names,
//! RAG fills) and the CSVs with the csv crate (the same actions and milestones as the JSON).

use boardpaper::paper::document::Paper;
use boardpaper::pdf::{Document, OpenOptions};
use boardpaper::pipeline;
use boardpaper::settings::Settings;
use calamine::{Data, Reader, Xlsx};

use crate::common::{assert_success, bp, fixture, BOARD_PAPER, PLAN_V3};

fn paper(pdf: &str) -> Paper {
    let doc = Document::open(&fixture(pdf), &OpenOptions::default()).unwrap();
    pipeline::read(&doc, &Settings::default()).unwrap()
}

fn text(d: Option<&Data>) -> String {
    match d {
        Some(Data::String(s)) => s.clone(),
        Some(Data::Float(f)) => f.to_string(),
        Some(Data::Int(i)) => i.to_string(),
        Some(Data::Empty) | None => String::new(),
        Some(other) => panic!("unexpected cell {other:?}"),
    }
}

#[test]
fn xlsx_reads_back_with_values_sheets_and_rag_fills() {
    let p = paper(BOARD_PAPER);
    let bytes = boardpaper::export::xlsx::workbook(&p).unwrap();
    let mut book = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    assert_eq!(
        book.sheet_names(),
        ["Actions", "Milestones", "Report", "Warnings"]
    );

    let actions = book.worksheet_range("Actions").unwrap();
    let header: Vec<String> = (0..17).map(|c| text(actions.get((0, c)))).collect();
    assert_eq!(header[7], "action");
    assert_eq!(header[12], "rag");
    let all: Vec<_> = p.plans[0]
        .priorities
        .iter()
        .flat_map(|pr| pr.improvement_areas.iter().map(move |a| (pr, a)))
        .flat_map(|(pr, a)| a.actions.iter().map(move |act| (pr, act)))
        .collect();
    assert_eq!(actions.height(), 1 + all.len());
    assert_eq!(all.len(), 28);
    let styles = book.worksheet_style("Actions").unwrap();
    let mut filled = 0;
    for (i, (pr, act)) in all.iter().enumerate() {
        let r = i + 1;
        assert_eq!(text(actions.get((r, 3))), pr.number.to_string(), "row {r}");
        assert_eq!(text(actions.get((r, 7))), act.number, "row {r}");
        assert_eq!(text(actions.get((r, 8))), act.specific_action, "row {r}");
        assert_eq!(text(actions.get((r, 9))), act.leads.join("\n"), "row {r}");
        let rag: Vec<&str> = act.rag.iter().map(|e| e.text.as_str()).collect();
        assert_eq!(text(actions.get((r, 12))), rag.join("\n"), "row {r}");
        let fill = styles
            .get((r as u32, 12))
            .and_then(|s| s.fill.as_ref())
            .and_then(|f| f.get_color())
            .map(|c| format!("#{:02X}{:02X}{:02X}", c.red, c.green, c.blue));
        let fills: Vec<String> = act
            .rag
            .iter()
            .filter_map(|e| e.fill.map(|c| c.to_string()))
            .collect();
        if !fills.is_empty() && fills.iter().all(|f| *f == fills[0]) {
            assert_eq!(
                fill.as_deref(),
                Some(fills[0].as_str()),
                "row {r} {}",
                act.number
            );
            filled += 1;
        } else {
            assert_eq!(fill, None, "row {r}: mixed or no colours, no fill");
        }
    }
    // The truth file has 14 actions whose RAG entries all share one colour.
    assert_eq!(filled, 14);
    // P1 1.1 is rated Complete on green (#00B050).
    let p11 = styles
        .get((1, 12))
        .and_then(|s| s.fill.clone())
        .and_then(|f| f.get_color());
    let c = p11.unwrap();
    assert_eq!((c.red, c.green, c.blue), (0x00, 0xB0, 0x50));

    let milestones = book.worksheet_range("Milestones").unwrap();
    let count: usize = all.iter().map(|(_, a)| a.milestones.len()).sum();
    assert_eq!(milestones.height(), 1 + count);
    assert_eq!(count, 79);
    assert_eq!(text(milestones.get((0, 9))), "period_from");
    let first = &all[0].1.milestones[0];
    assert_eq!(text(milestones.get((1, 6))), first.text);
    assert_eq!(text(milestones.get((1, 7))), "Complete");
    assert_eq!(text(milestones.get((1, 8))), "October 2014");
    assert_eq!(text(milestones.get((1, 9))), "2014-10");

    let report = book.worksheet_range("Report").unwrap();
    let rows: Vec<(String, String, String)> = (0..report.height())
        .map(|r| {
            (
                text(report.get((r, 0))),
                text(report.get((r, 1))),
                text(report.get((r, 2))),
            )
        })
        .collect();
    assert!(rows.contains(&(
        "meeting".into(),
        String::new(),
        "Health and Wellbeing Board".into()
    )));
    assert!(rows.contains(&("date".into(), String::new(), "2015-06-30".into())));
    assert!(rows.iter().any(|(i, n, t)| i == "paragraph"
        && n == "1.1"
        && t.starts_with("The Medway Safeguarding")));
    assert!(rows.iter().any(|(i, n, _)| i == "plan" && n == "4"));
}

/// The Report sheet gives an attached appendix the pages that hold it (the zoo truth says
/// pages 2-3 of the Fenwick report) and the board paper's plan its pages (5-21: the plan
/// opens on page 5 of 21); other rows leave `pages` empty.
#[test]
fn report_sheet_shows_the_pages_of_attached_appendices_and_plans() {
    for (pdf, item, pages) in [
        ("reports/fenwick-cabinet-2025-07.pdf", "appendix", "2-3"),
        (BOARD_PAPER, "plan", "5-21"),
    ] {
        let bytes = boardpaper::export::xlsx::workbook(&paper(pdf)).unwrap();
        let mut book = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
        let sheet = book.worksheet_range("Report").unwrap();
        assert_eq!(text(sheet.get((0, 3))), "pages", "{pdf}");
        let rows: Vec<(String, String)> = (1..sheet.height())
            .map(|r| (text(sheet.get((r, 0))), text(sheet.get((r, 3)))))
            .collect();
        assert!(
            rows.contains(&(item.to_string(), pages.to_string())),
            "{pdf}: {rows:?}"
        );
        assert!(
            rows.iter().any(|(i, p)| i == "title" && p.is_empty()),
            "{pdf}"
        );
    }
}

/// A list cell: one entry per line, none when empty.
fn lines(cell: &str) -> Vec<&str> {
    if cell.is_empty() {
        Vec::new()
    } else {
        cell.split('\n').collect()
    }
}

/// The CSVs parse back to the same actions and milestones as the model, field by field.
#[test]
fn csvs_parse_back_to_the_same_actions_and_milestones() {
    for pdf in [BOARD_PAPER, PLAN_V3] {
        let p = paper(pdf);
        let actions = boardpaper::export::paper::actions_csv(&p, true).unwrap();
        assert!(actions.starts_with(b"\xEF\xBB\xBF"), "--excel adds a BOM");
        let mut rdr = csv::Reader::from_reader(&actions[3..]);
        let rows: Vec<csv::StringRecord> = rdr.records().map(|r| r.unwrap()).collect();
        let mut i = 0;
        let mut m_rows = Vec::new();
        for pr in &p.plans[0].priorities {
            for a in &pr.improvement_areas {
                for act in &a.actions {
                    let row = &rows[i];
                    i += 1;
                    assert_eq!(&row[3], pr.number.to_string());
                    assert_eq!(&row[5], a.number.to_string());
                    assert_eq!(&row[7], act.number);
                    assert_eq!(&row[8], act.specific_action);
                    assert_eq!(lines(&row[9]), act.leads);
                    assert_eq!(lines(&row[10]), act.success_indicators);
                    assert_eq!(lines(&row[14]), act.impact_evidence);
                    assert_eq!(&row[15], act.pages[0].to_string());
                    assert_eq!(&row[16], act.pages[1].to_string());
                    for m in &act.milestones {
                        m_rows.push((act.number.clone(), m.clone()));
                    }
                }
            }
        }
        assert_eq!(i, rows.len(), "{pdf}: one row per action");
        let milestones = boardpaper::export::paper::milestones_csv(&p, false).unwrap();
        let mut rdr = csv::Reader::from_reader(milestones.as_slice());
        let got: Vec<csv::StringRecord> = rdr.records().map(|r| r.unwrap()).collect();
        assert_eq!(got.len(), m_rows.len(), "{pdf}: one row per milestone");
        for (row, (number, m)) in got.iter().zip(&m_rows) {
            assert_eq!(&row[4], number);
            assert_eq!(&row[6], m.text);
            assert_eq!(&row[7], m.status.map(|s| s.as_str()).unwrap_or(""));
            assert_eq!(&row[8], m.date.as_deref().unwrap_or(""));
            assert_eq!(&row[11], m.rag.as_deref().unwrap_or(""));
        }
    }
}

/// `extract --format xlsx` writes the workbook to `-o`, and one per paper into a folder.
#[test]
fn extract_writes_xlsx_files() {
    let dir = tempfile::tempdir().unwrap();
    let one = dir.path().join("v3.xlsx");
    let out = bp()
        .args(["extract", "-q", "--format", "xlsx", "-o"])
        .arg(&one)
        .arg(fixture(PLAN_V3))
        .output()
        .unwrap();
    assert_success(&out);
    let mut book: Xlsx<_> = calamine::open_workbook(&one).unwrap();
    let actions = book.worksheet_range("Actions").unwrap();
    assert_eq!(actions.height(), 1 + 27, "header and V3's 27 actions");
    assert_eq!(text(actions.get((1, 1))), "3", "version");
}

/// `--profile` reaches the plan reader; a broken profile stops before any PDF is read, exit 2,
/// naming the file and the key.
#[test]
fn extract_with_a_profile_and_a_broken_one() {
    let dir = tempfile::tempdir().unwrap();
    let out = bp()
        .args(["extract", "-q", "--profile"])
        .arg(fixture("templates/eastvale.profile.toml"))
        .arg(fixture("templates/eastvale-delivery-plan.pdf"))
        .output()
        .unwrap();
    assert_success(&out);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        v["plans"][0]["priorities"][1]["improvement_areas"][1]["actions"][0]["number"],
        "2b"
    );
    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, "[columns]\nWho = \"boss\"\n").unwrap();
    let out = bp()
        .args(["extract", "--profile"])
        .arg(&bad)
        .arg(fixture("templates/eastvale-delivery-plan.pdf"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("bad.toml") && err.contains("unknown role \"boss\""),
        "{err}"
    );
}

/// The model's printed labels, third level, counted numbers, columns with no role and status
/// words as printed reach the sheets, after the columns that were always there (in their old
/// order); the headings of the columns with no role are the union over the paper's plans.
#[test]
fn csvs_carry_labels_groups_implied_numbers_fields_and_status_words() {
    use crate::zoo_diff::hand_made::{
        area, decorated, field, paper, plan, priority, unnumbered, BUSES, ROADS,
    };
    use boardpaper::paper::vocab::Status;

    let mut a = decorated("1.1", ROADS);
    a.milestones[0].status = Some(Status::Complete);
    let mut b = unnumbered(1, BUSES);
    b.fields = vec![
        field("comments ", "Route agreed."),
        field("Ward", "All"),
        field("Ward", "North"),
    ];
    let mut second = plan(vec![priority(1, "", vec![area(1, "", vec![b])])]);
    second.priorities[0].label = None;
    second.priorities[0].improvement_areas[0].label = None;
    second.title = "Equality action plan".into();
    let paper = paper(vec![
        plan(vec![priority(
            1,
            "Roads",
            vec![area(1, "Safe roads", vec![a])],
        )]),
        second,
    ]);
    let actions = boardpaper::export::paper::actions_csv(&paper, false).unwrap();
    let mut rdr = csv::Reader::from_reader(actions.as_slice());
    let header: Vec<String> = rdr.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        header,
        [
            "plan",
            "version",
            "version_date",
            "priority",
            "priority_title",
            "area",
            "outcome",
            "action",
            "specific_action",
            "leads",
            "success_indicators",
            "milestones",
            "rag",
            "rag_colours",
            "impact_evidence",
            "first_page",
            "last_page",
            "priority_label",
            "area_label",
            "group_label",
            "group_number",
            "group_title",
            "number_implied",
            "Comments",
            "Budget",
            "Ward",
        ]
    );
    let rows: Vec<csv::StringRecord> = rdr.records().map(|r| r.unwrap()).collect();
    let tail =
        |r: &csv::StringRecord| -> Vec<String> { r.iter().skip(17).map(String::from).collect() };
    assert_eq!(
        tail(&rows[0]),
        [
            "Theme 1",
            "Outcome 1",
            "Project 2",
            "2",
            "Resurfacing",
            "false",
            "Survey done.",
            "£2m",
            ""
        ]
    );
    assert_eq!(
        tail(&rows[1]),
        [
            "",
            "",
            "",
            "",
            "",
            "true",
            "Route agreed.",
            "",
            "All\nNorth"
        ]
    );
    assert_eq!(&rows[1][7], "1");
    let milestones = boardpaper::export::paper::milestones_csv(&paper, false).unwrap();
    let mut rdr = csv::Reader::from_reader(milestones.as_slice());
    assert_eq!(rdr.headers().unwrap().get(13), Some("status_text"));
    let rows: Vec<csv::StringRecord> = rdr.records().map(|r| r.unwrap()).collect();
    assert_eq!((&rows[0][7], &rows[0][13]), ("Complete", "Achieved"));
    assert_eq!(&rows[1][13], "");
    // The workbook has the same columns.
    let bytes = boardpaper::export::xlsx::workbook(&paper).unwrap();
    let mut book = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    let sheet = book.worksheet_range("Actions").unwrap();
    let head: Vec<String> = (0..26).map(|c| text(sheet.get((0, c)))).collect();
    assert_eq!(head, header);
}
