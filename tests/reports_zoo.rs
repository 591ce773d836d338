//! Covering reports of any council (issue 18): the report zoo in `fixtures/reports/` (eight
//! house styles made by `make.py` from one data file each) and real Kent County Council
//! reports (truths in `fixtures/kent/`, PDFs read from `../shared/corpus/kent-cc-2025` or
//! `$BOARDPAPER_CORPUS/kent-cc-2025`, never copied).
//!
//! Every report is read as `extract` reads it and its `meeting` and `report` compared with the
//! truth on every field of `fixtures/FORMAT.md` (the README's proposed additions are fields
//! now). The exactness tests print the accuracy of each field over all reports and every
//! difference; a report not read right yet keeps its test ignored. The truths themselves are
//! checked by a test that always runs.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use boardpaper::paper::report::{Meeting, Report};
use boardpaper::pdf::{Document, OpenOptions};
use boardpaper::pipeline;
use boardpaper::settings::Settings;
use serde_json::Value;

use crate::common::{compare, fixture, kent_corpus};

/// The FORMAT.md fields of a report scored one by one.
const FIELDS: &[&str] = &[
    "meeting.body",
    "meeting.date",
    "report.title",
    "report.report_from",
    "report.author",
    "report.summary",
    "report.sections",
    "report.contacts",
    "meeting.place",
    "report.agenda_item",
    "report.cabinet_member",
    "report.wards",
    "report.key_decision",
    "report.exempt",
    "report.recommendations",
    "report.appendices",
    "report.background_papers",
];

/// Kinds of paper in `fixtures/kent/README.md`.
const KENT_KINDS: &[&str] = &[
    "covering report",
    "amendment",
    "minutes",
    "agenda",
    "finance appendix",
    "appendix",
];

/// One truth file with the PDF it describes.
struct Case {
    truth_file: PathBuf,
    pdf: PathBuf,
    truth: Value,
}

fn read_json(path: &Path) -> Value {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_slice(&bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The `*.truth.json` files of a fixtures folder, sorted.
fn truth_files(dir: &str) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(fixture(dir))
        .unwrap_or_else(|e| panic!("fixtures/{dir}: {e}"))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".truth.json"))
        .collect();
    out.sort();
    out
}

/// The zoo: each truth with the PDF beside it, the later versions (`versions/`) included.
fn zoo() -> Vec<Case> {
    ["reports", "reports/versions"]
        .into_iter()
        .flat_map(|dir| {
            truth_files(dir).into_iter().map(move |truth_file| {
                let truth = read_json(&truth_file);
                let pdf = fixture(dir).join(truth["file"].as_str().unwrap_or_default());
                Case {
                    truth_file,
                    pdf,
                    truth,
                }
            })
        })
        .collect()
}

/// The Kent truths, each with its PDF in the corpus (`corpus_path`).
fn kent(corpus: &Path) -> Vec<Case> {
    truth_files("kent")
        .into_iter()
        .map(|truth_file| {
            let truth = read_json(&truth_file);
            let pdf = corpus.join(truth["corpus_path"].as_str().unwrap_or_default());
            Case {
                truth_file,
                pdf,
                truth,
            }
        })
        .collect()
}

/// The truth's `meeting` and `report` (every field of FORMAT.md).
fn format_only(truth: &Value) -> (Value, Value) {
    (truth["meeting"].clone(), truth["report"].clone())
}

/// The value at a dotted `field` ("report.title") of a `{meeting, report}` object.
fn at<'a>(v: &'a Value, field: &str) -> &'a Value {
    field.split('.').fold(v, |v, k| &v[k])
}

/// What `extract` reads for `pdf`: `{meeting, report}`.
fn read(pdf: &Path) -> Result<Value, String> {
    let doc = Document::open(pdf, &OpenOptions::default()).map_err(|e| e.to_string())?;
    let paper = pipeline::read(&doc, &Settings::default()).map_err(|e| e.to_string())?;
    Ok(serde_json::json!({"meeting": paper.meeting, "report": paper.report}))
}

/// Reads every case, prints each field's accuracy and every difference, and returns the
/// number of differences.
fn score(what: &str, cases: &[Case]) -> usize {
    let mut right: BTreeMap<&str, usize> = BTreeMap::new();
    let mut differences = 0;
    for case in cases {
        let (meeting, report) = format_only(&case.truth);
        let want = serde_json::json!({"meeting": meeting, "report": report});
        let got = match read(&case.pdf) {
            Ok(got) => got,
            Err(e) => {
                println!("{}: cannot read: {e}", case.pdf.display());
                differences += FIELDS.len();
                continue;
            }
        };
        let mut diffs = Vec::new();
        for field in FIELDS {
            let before = diffs.len();
            compare(field, at(&got, field), at(&want, field), &[], &mut diffs);
            if diffs.len() == before {
                *right.entry(field).or_default() += 1;
            }
        }
        if !diffs.is_empty() {
            println!(
                "{} ({} differences):\n  {}",
                case.truth_file.display(),
                diffs.len(),
                diffs.join("\n  ")
            );
        }
        differences += diffs.len();
    }
    println!("{what}: field accuracy over {} reports", cases.len());
    for field in FIELDS {
        println!(
            "  {field:<24} {}/{}",
            right.get(field).copied().unwrap_or(0),
            cases.len()
        );
    }
    differences
}

/// Every way a truth file can be wrong that a reader cannot see: FORMAT.md fields missing or
/// of the wrong type (they must deserialise into the model's `Meeting` and `Report`), an ISO
/// date that is not one, a section number with its full stop, bullet levels that do not match
/// the bullets, a page count that is not the PDF's, a producer family the PDF does not name, a
/// file name that is not the PDF's. `facts` is `None` when the PDF is not on this machine.
fn truth_problems(case: &Case, facts: Option<&PdfFacts>) -> Vec<String> {
    let t = &case.truth;
    let name = case.truth_file.display();
    let mut out = Vec::new();
    let (meeting, report) = format_only(t);
    if let Err(e) = serde_json::from_value::<Option<Meeting>>(meeting.clone()) {
        out.push(format!("{name}: meeting: {e}"));
    }
    if let Err(e) = serde_json::from_value::<Option<Report>>(report.clone()) {
        out.push(format!("{name}: report: {e}"));
    }
    if let Some(date) = meeting["date"].as_str() {
        if !iso_date(date) {
            out.push(format!("{name}: meeting.date {date:?} is not YYYY-MM-DD"));
        }
    }
    let file = t["file"].as_str().unwrap_or_default();
    if case.pdf.file_name().and_then(|f| f.to_str()) != Some(file) {
        out.push(format!(
            "{name}: file {file:?} is not {}",
            case.pdf.display()
        ));
    }
    if let Some(facts) = facts {
        if t["pages"].as_u64() != Some(u64::from(facts.pages)) {
            out.push(format!(
                "{name}: pages {} but the PDF has {}",
                t["pages"], facts.pages
            ));
        }
        let family = producer_family(t["producer"].as_str().unwrap_or_default());
        if family.is_empty() || !facts.made_by.contains(family) {
            out.push(format!(
                "{name}: producer {} but the PDF says {:?}",
                t["producer"], facts.made_by
            ));
        }
    }
    for s in report["sections"].as_array().into_iter().flatten() {
        if s["number"].as_str().is_some_and(|n| n.ends_with('.')) {
            out.push(format!(
                "{name}: section number {} keeps its full stop",
                s["number"]
            ));
        }
    }
    for s in t["report"]["sections"].as_array().into_iter().flatten() {
        for p in s["paragraphs"].as_array().into_iter().flatten() {
            let bullets = p["bullets"].as_array().map_or(0, Vec::len);
            if let Some(levels) = p["bullet_levels"].as_array() {
                if levels.len() != bullets {
                    out.push(format!(
                        "{name}: {} bullet levels for {bullets} bullets",
                        levels.len()
                    ));
                }
            }
        }
    }
    if !t["plans"].is_array() {
        out.push(format!("{name}: plans is not a list"));
    }
    out
}

/// What a PDF says about itself: its page count and, lower-cased, its /Producer and /Creator.
struct PdfFacts {
    pages: u32,
    made_by: String,
}

fn pdf_facts(pdf: &Path) -> Option<PdfFacts> {
    let doc = Document::open(pdf, &OpenOptions::default()).ok()?;
    let made_by = format!(
        "{} {}",
        doc.producer().unwrap_or_default(),
        doc.creator().unwrap_or_default()
    );
    Some(PdfFacts {
        pages: doc.page_count(),
        made_by: made_by.to_lowercase(),
    })
}

/// The word a PDF's /Producer or /Creator prints for a truth's `producer` ("libreoffice-docx"
/// → "libreoffice"): Chromium writes "HeadlessChrome", pdfLaTeX "pdfTeX", Word "Microsoft® Word".
fn producer_family(producer: &str) -> &str {
    match producer.split('-').next().unwrap_or_default() {
        "chromium" => "chrome",
        "pdflatex" => "pdftex",
        family => family,
    }
}

/// The zoo and the Kent truths parse, hold every FORMAT.md field with the model's types, and
/// agree with their PDFs; the zoo has at least eight reports by at least four producers.
#[test]
fn report_truths_are_consistent() {
    let zoo = zoo();
    assert!(zoo.len() >= 8, "{} zoo reports", zoo.len());
    let producers: std::collections::BTreeSet<_> = zoo
        .iter()
        .map(|c| c.truth["producer"].to_string())
        .collect();
    assert!(producers.len() >= 4, "producers {producers:?}");
    let mut problems = Vec::new();
    for case in &zoo {
        let facts = pdf_facts(&case.pdf);
        if facts.is_none() {
            problems.push(format!("cannot open {}", case.pdf.display()));
        }
        problems.extend(truth_problems(case, facts.as_ref()));
    }
    let corpus = kent_corpus("Kent reports");
    let kent_truths = truth_files("kent");
    assert!(kent_truths.len() >= 3, "{} Kent truths", kent_truths.len());
    for truth_file in kent_truths {
        let truth = read_json(&truth_file);
        let path = truth["corpus_path"].as_str().unwrap_or_default();
        let pdf = match &corpus {
            Some(c) => c.join(path),
            None => PathBuf::from(path),
        };
        let facts = corpus.as_ref().and_then(|_| pdf_facts(&pdf));
        if corpus.is_some() && facts.is_none() {
            problems.push(format!(
                "{}: cannot open {}",
                truth_file.display(),
                pdf.display()
            ));
        }
        problems.extend(truth_problems(
            &Case {
                truth_file,
                pdf,
                truth,
            },
            facts.as_ref(),
        ));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// One row of the table in `fixtures/kent/README.md`.
#[derive(Debug)]
struct KentRow {
    file: String,
    kind: String,
    title: String,
    meeting: String,
    date: String,
}

/// The rows of the paper table in `fixtures/kent/README.md`
/// (`| file | kind | title | meeting | date | notes |`, "—" for nothing printed).
fn kent_rows() -> Vec<KentRow> {
    let text = std::fs::read_to_string(fixture("kent/README.md")).unwrap_or_default();
    text.lines()
        .filter_map(|line| {
            let cells: Vec<&str> = line
                .trim()
                .strip_prefix('|')?
                .strip_suffix('|')?
                .split('|')
                .map(str::trim)
                .collect();
            match cells.as_slice() {
                [file, kind, title, meeting, date, _notes] if file.ends_with(".pdf`") => {
                    Some(KentRow {
                        file: file.trim_matches('`').to_string(),
                        kind: kind.to_string(),
                        title: title.to_string(),
                        meeting: meeting.to_string(),
                        date: date.to_string(),
                    })
                }
                _ => None,
            }
        })
        .collect()
}

/// A README cell as a truth value: "—" (nothing printed) is null.
fn printed(cell: &str) -> Value {
    if cell == "—" {
        Value::Null
    } else {
        Value::String(cell.to_string())
    }
}

/// `YYYY-MM-DD`.
fn iso_date(s: &str) -> bool {
    s.len() == 10
        && s.chars().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                c == '-'
            } else {
                c.is_ascii_digit()
            }
        })
}

/// The Kent list names every paper of the corpus once, each with a known kind, and every
/// covering report with its title, meeting and date; each Kent truth agrees with its row,
/// and at least three of them are covering reports.
#[test]
fn kent_list_covers_the_corpus() {
    let rows = kent_rows();
    assert!(rows.len() >= 41, "{} rows", rows.len());
    let mut problems = Vec::new();
    for r in &rows {
        if !KENT_KINDS.contains(&r.kind.as_str()) {
            problems.push(format!("{}: kind {:?}", r.file, r.kind));
        }
        // A covering report names its title and meeting; a date may be missing from the
        // page (the section 25 statement goes "To: County Council" alone).
        let dated = r.date == "—" || iso_date(&r.date);
        if r.kind == "covering report"
            && (printed(&r.title).is_null() || printed(&r.meeting).is_null() || !dated)
        {
            problems.push(format!(
                "{}: covering report without title, meeting or ISO date",
                r.file
            ));
        }
    }
    let mut covering = 0;
    for truth_file in truth_files("kent") {
        let t = read_json(&truth_file);
        let path = t["corpus_path"].as_str().unwrap_or_default();
        match rows.iter().find(|r| r.file == path) {
            None => problems.push(format!("{}: {path} not in README", truth_file.display())),
            Some(r) => {
                covering += usize::from(r.kind == "covering report");
                if t["report"]["title"] != printed(&r.title)
                    || t["meeting"]["body"] != printed(&r.meeting)
                    || t["meeting"]["date"] != printed(&r.date)
                {
                    problems.push(format!(
                        "{}: disagrees with README row {r:?}",
                        truth_file.display()
                    ));
                }
            }
        }
    }
    if covering < 3 {
        problems.push(format!(
            "{covering} Kent truths of covering reports, want 3 or more"
        ));
    }
    if let Some(corpus) = kent_corpus("Kent reports") {
        let manifest = read_json(&corpus.join("MANIFEST.json"));
        for f in manifest["files"].as_array().into_iter().flatten() {
            let file = f["file"].as_str().unwrap_or_default();
            let n = rows.iter().filter(|r| r.file == file).count();
            if n != 1 {
                problems.push(format!("{file}: {n} README rows"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn zoo_reports_match_their_truths() {
    let differences = score("report zoo", &zoo());
    assert_eq!(differences, 0, "differences printed above");
}

#[test]
fn kent_reports_match_their_truths() {
    let Some(corpus) = kent_corpus("Kent reports") else {
        return;
    };
    let differences = score("Kent covering reports", &kent(&corpus));
    assert_eq!(differences, 0, "differences printed above");
}

/// Every covering report and amendment paper in the Kent list gives the title, meeting and
/// date of its row (null where the row says nothing is printed).
#[test]
fn kent_covering_reports_give_title_meeting_and_date() {
    let Some(corpus) = kent_corpus("Kent reports") else {
        return;
    };
    let mut problems = Vec::new();
    let covering: Vec<_> = kent_rows()
        .into_iter()
        .filter(|r| r.kind == "covering report" || r.kind == "amendment")
        .collect();
    let mut right = 0;
    for r in &covering {
        let got = match read(&corpus.join(&r.file)) {
            Ok(got) => got,
            Err(e) => {
                problems.push(format!("{}: {e}", r.file));
                continue;
            }
        };
        let want = serde_json::json!({
            "meeting": {"body": printed(&r.meeting), "date": printed(&r.date)},
            "report": {"title": printed(&r.title)},
        });
        let before = problems.len();
        for field in ["meeting.body", "meeting.date", "report.title"] {
            compare(
                &format!("{}: {field}", r.file),
                at(&got, field),
                at(&want, field),
                &[],
                &mut problems,
            );
        }
        right += usize::from(problems.len() == before);
    }
    println!(
        "{right} of {} covering reports and amendments give their title, meeting and date",
        covering.len()
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// A centred title over a contents page keeps out the contents table's "Section  Page"
/// heading at the right margin: the budget report's title is its two centred rows, as the
/// Kent list types it from the page.
#[test]
fn kent_a_contents_heading_is_no_part_of_the_title() {
    let Some(corpus) = kent_corpus("Kent reports") else {
        return;
    };
    let file = "full_council/2025-02-13/February 2025 Kent County Council Budget Report.pdf";
    let row = kent_rows().into_iter().find(|r| r.file == file);
    let want = row.map(|r| r.title).unwrap_or_default();
    assert!(
        want.ends_with("Capital Programme 2025-35"),
        "README row: {want:?}"
    );
    let got = read(&corpus.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
    assert_eq!(at(&got, "report.title"), &serde_json::json!(want));
}

/// A title block that is no title (issue 18) gives a null title and a `title_rejected`
/// warning on its page keeping what it held: the agenda's "at 10.00 am" (the tail of its
/// meeting banner) and the minister's letter's address block ending "SW1P 4DF".
#[test]
fn kent_title_blocks_that_are_no_title_are_warned_about() {
    let Some(kent) = kent_corpus("Kent reports") else {
        return;
    };
    let cases = [
        (
            "full_council/2025-01-09/Agenda frontsheet 09th-Jan-2025 10.00 County Council.pdf",
            "\"at 10.00 am\", which is only a time",
        ),
        (
            "full_council/2025-01-09/Appendix A - 16.12.24 Ministerial Letter.pdf",
            "London SW1P 4DF\", which is an address ending in a postcode",
        ),
    ];
    for (file, said) in cases {
        let pdf = kent.join(file);
        let doc =
            Document::open(&pdf, &OpenOptions::default()).unwrap_or_else(|e| panic!("{file}: {e}"));
        let paper =
            pipeline::read(&doc, &Settings::default()).unwrap_or_else(|e| panic!("{file}: {e}"));
        let title = paper.report.as_ref().map(|r| r.title.clone());
        assert!(
            matches!(title, None | Some(None)),
            "{file}: title {title:?}"
        );
        let warned: Vec<String> = paper
            .warnings
            .iter()
            .filter(|w| w.code() == "title_rejected")
            .map(|w| w.to_string())
            .collect();
        assert_eq!(warned.len(), 1, "{file}: {warned:?}");
        assert!(
            warned
                .iter()
                .all(|w| w.starts_with("page 1: ") && w.contains(said)),
            "{file}: {warned:?}"
        );
    }
}

/// No false plans (issue 17): none of the 41 real Kent County Council papers — covering
/// reports, minutes, agendas, finance appendices full of tables — holds an action plan, and
/// none is read as one.
#[test]
fn kent_papers_give_no_plan() {
    let Some(kent) = kent_corpus("Kent reports") else {
        return;
    };
    fn pdfs(dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                pdfs(&p, out);
            } else if p.extension().is_some_and(|x| x.eq_ignore_ascii_case("pdf")) {
                out.push(p);
            }
        }
    }
    let mut files = Vec::new();
    pdfs(&kent, &mut files);
    files.sort();
    assert!(files.len() >= 41, "only {} Kent PDFs", files.len());
    let mut plans = Vec::new();
    for f in &files {
        let doc = Document::open(f, &OpenOptions::default())
            .unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        let paper = pipeline::read(&doc, &Settings::default())
            .unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        if !paper.plans.is_empty() {
            plans.push(format!("{}: {} plans", f.display(), paper.plans.len()));
        }
    }
    assert!(plans.is_empty(), "false plans: {plans:#?}");
}

/// The report diff between two versions of a generated report: the `report` section of the
/// change list is exactly the one `make.py` wrote from the edits (a recommendation reworded,
/// one withdrawn, one added, one reworded after the withdrawn one, the meeting moved), and
/// the plans' change list is empty (neither paper has a plan).
#[test]
fn report_versions_diff_as_generated() {
    let dir = fixture("reports/versions");
    let mut lists: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".changes.json"))
        .collect();
    lists.sort();
    assert!(!lists.is_empty(), "no change lists in {}", dir.display());
    for path in lists {
        let want = read_json(&path);
        let paper = |dir: &str, file: &Value| {
            let pdf = fixture(dir).join(file.as_str().unwrap_or_default());
            let doc = Document::open(&pdf, &OpenOptions::default())
                .unwrap_or_else(|e| panic!("{}: {e}", pdf.display()));
            pipeline::read(&doc, &Settings::default())
                .unwrap_or_else(|e| panic!("{}: {e}", pdf.display()))
        };
        let old = paper("reports", &want["from"]);
        let new = paper("reports/versions", &want["to"]);
        let list = boardpaper::diff::diff_papers(&old, &new);
        assert!(list.changes.is_empty(), "{:#?}", list.changes);
        let got = serde_json::to_value(&list).unwrap();
        assert_eq!(
            got["report"],
            want["report"],
            "{}: got {:#}",
            path.display(),
            got["report"]
        );
        let schema = boardpaper::export::schema::validate_changes(&got);
        assert!(schema.is_ok(), "{schema:?}");
    }
}
