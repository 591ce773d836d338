//! The template zoo (fixtures/templates: plans of many councils, shapes and producers, each
//! with its truth, and version pairs with their change lists) and the not-a-plan papers
//! (fixtures/notplans). Issue 17 is reading any council's plan with no profile: the scorer
//! compares every FORMAT.md field with the truth and prints each file's field accuracy and
//! differences (`cargo test --test tests zoo -- --nocapture`). What must hold too: the zoo's
//! truths are well formed and agree with their
//! PDFs and change lists, and no ordinary paper is taken for a plan.

use std::collections::BTreeMap;
use std::path::Path;

use boardpaper::paper::document::Paper;
use boardpaper::pdf::{Document, OpenOptions};
use boardpaper::pipeline;
use boardpaper::settings::Settings;
use serde_json::Value;

use crate::common::{compare, fixture, norm};

/// Fields `extract` writes beyond the truth format (see tests/paper.rs), and `rows`.
const EXTRAS: &[&str] = &[
    "creator",
    "warnings",
    "fill",
    "period",
    "rows",
    "group",
    "label",
    "number_implied",
    "fields",
    "status_text",
];

/// FORMAT.md's canonical milestone statuses.
const STATUSES: &[&str] = &[
    "Complete",
    "In progress",
    "Ongoing",
    "Not started",
    "Overdue",
    "Delayed",
    "On track",
    "On hold",
    "Cancelled",
];

/// The change kinds of FORMAT.md "Change lists".
const KINDS: &[&str] = &[
    "action_added",
    "action_removed",
    "action_renumbered",
    "field_changed",
    "milestone_added",
    "milestone_removed",
    "milestone_status_changed",
    "milestone_date_changed",
    "milestone_text_changed",
    "rag_changed",
];

/// Every file of `folder` (under fixtures/) whose name ends with `suffix`, sorted, with its
/// JSON.
fn json_files(folder: &str, suffix: &str) -> Vec<(String, Value)> {
    let dir = fixture(folder);
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(suffix))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|n| {
            let rel = format!("{folder}/{n}");
            let bytes = std::fs::read(fixture(&rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
            let v = serde_json::from_slice(&bytes).unwrap_or_else(|e| panic!("{rel}: {e}"));
            (rel, v)
        })
        .collect()
}

fn open(rel: &str) -> Document {
    Document::open(&fixture(rel), &OpenOptions::default()).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn read(rel: &str) -> Paper {
    pipeline::read(&open(rel), &Settings::default()).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// The PDF next to a truth or change file, by its recorded name.
fn sibling(rel: &str, file: &str) -> String {
    match Path::new(rel).parent().and_then(Path::to_str) {
        Some(dir) => format!("{dir}/{file}"),
        None => file.to_string(),
    }
}

fn str_of<'a>(v: &'a Value, key: &str, at: &str, problems: &mut Vec<String>) -> &'a str {
    match v.get(key).and_then(Value::as_str) {
        Some(s) => s,
        None => {
            problems.push(format!("{at}.{key}: not a string: {:?}", v.get(key)));
            ""
        }
    }
}

fn list<'a>(v: &'a Value, key: &str, at: &str, problems: &mut Vec<String>) -> &'a [Value] {
    match v.get(key).and_then(Value::as_array) {
        Some(a) => a,
        None => {
            problems.push(format!("{at}.{key}: not a list: {:?}", v.get(key)));
            &[]
        }
    }
}

fn strings(v: &Value, key: &str, at: &str, problems: &mut Vec<String>) {
    for (i, s) in list(v, key, at, problems).iter().enumerate() {
        if s.as_str().is_none_or(|s| s.trim().is_empty()) {
            problems.push(format!("{at}.{key}[{i}]: not a non-empty string: {s}"));
        }
    }
}

fn nullable_str(v: &Value, key: &str, at: &str, problems: &mut Vec<String>) {
    match v.get(key) {
        Some(Value::Null) | Some(Value::String(_)) => {}
        other => problems.push(format!("{at}.{key}: want text or null, got {other:?}")),
    }
}

/// A `[first, last]` page pair within `lo..=hi`.
fn page_pair(v: &Value, at: &str, lo: u64, hi: u64, problems: &mut Vec<String>) -> (u64, u64) {
    let p: Vec<u64> = list(v, "pages", at, problems)
        .iter()
        .filter_map(Value::as_u64)
        .collect();
    match p.as_slice() {
        [a, b] if lo <= *a && a <= b && *b <= hi => (*a, *b),
        _ => {
            problems.push(format!("{at}.pages: {p:?} not a pair within {lo}..={hi}"));
            (lo, hi)
        }
    }
}

/// Every rule of FORMAT.md a plan truth can be checked against on its own: every field
/// there with its type; groups numbered 1… or as printed with no repeats; action numbers
/// unique and trimmed; pages inside the plan's pages, inside the document; statuses from the
/// canonical list; RAG colours green / amber / red / hex / null; a milestone's RAG one of
/// its action's RAG texts.
fn check_plan(plan: &Value, at: &str, doc_pages: u64, problems: &mut Vec<String>) {
    str_of(plan, "title", at, problems);
    nullable_str(plan, "version", at, problems);
    nullable_str(plan, "version_date", at, problems);
    strings(plan, "columns", at, problems);
    let (first, last) = page_pair(plan, at, 1, doc_pages, problems);
    let mut numbers = Vec::new();
    let mut seen_priorities = Vec::new();
    for (pi, p) in list(plan, "priorities", at, problems).iter().enumerate() {
        let pat = format!("{at}.priorities[{pi}]");
        let pn = p["number"].as_u64().unwrap_or(0);
        if pn == 0 || seen_priorities.contains(&pn) {
            problems.push(format!(
                "{pat}.number: {} is 0, missing or repeated",
                p["number"]
            ));
        }
        seen_priorities.push(pn);
        str_of(p, "title", &pat, problems);
        let mut seen_areas = Vec::new();
        for (ai, a) in list(p, "improvement_areas", &pat, problems)
            .iter()
            .enumerate()
        {
            let aat = format!("{pat}.improvement_areas[{ai}]");
            let an = a["number"].as_u64().unwrap_or(0);
            if an == 0 || seen_areas.contains(&an) {
                problems.push(format!(
                    "{aat}.number: {} is 0, missing or repeated",
                    a["number"]
                ));
            }
            seen_areas.push(an);
            str_of(a, "outcome", &aat, problems);
            for (xi, x) in list(a, "actions", &aat, problems).iter().enumerate() {
                let xat = format!("{aat}.actions[{xi}]");
                check_action(x, &xat, (first, last), problems);
                numbers.push(str_of(x, "number", &xat, problems).to_string());
            }
        }
    }
    if numbers.is_empty() {
        problems.push(format!("{at}: no action"));
    }
    let mut sorted = numbers.clone();
    sorted.sort();
    sorted.dedup();
    if sorted.len() != numbers.len() {
        problems.push(format!("{at}: repeated action numbers in {numbers:?}"));
    }
}

fn check_action(x: &Value, at: &str, plan_pages: (u64, u64), problems: &mut Vec<String>) {
    let number = str_of(x, "number", at, problems);
    if number.is_empty() || number != number.trim() || number.ends_with('.') {
        problems.push(format!(
            "{at}.number: {number:?} is not a trimmed reference"
        ));
    }
    if str_of(x, "specific_action", at, problems).trim().is_empty() {
        problems.push(format!("{at}.specific_action: empty"));
    }
    for key in ["leads", "success_indicators", "impact_evidence"] {
        strings(x, key, at, problems);
    }
    let rag_texts: Vec<&str> = list(x, "rag", at, problems)
        .iter()
        .enumerate()
        .filter_map(|(i, r)| {
            let rat = format!("{at}.rag[{i}]");
            let colour = &r["colour"];
            let ok = match colour {
                Value::Null => true,
                Value::String(c) => {
                    ["green", "amber", "red"].contains(&c.as_str())
                        || (c.len() == 7
                            && c.starts_with('#')
                            && c[1..].chars().all(|h| h.is_ascii_hexdigit()))
                }
                _ => false,
            };
            if !ok {
                problems.push(format!("{rat}.colour: {colour}"));
            }
            r["text"].as_str()
        })
        .collect();
    for (i, m) in list(x, "milestones", at, problems).iter().enumerate() {
        let mat = format!("{at}.milestones[{i}]");
        str_of(m, "text", &mat, problems);
        nullable_str(m, "date", &mat, problems);
        match &m["status"] {
            Value::Null => {}
            Value::String(s) if STATUSES.contains(&s.as_str()) => {}
            s => problems.push(format!("{mat}.status: {s} is not canonical")),
        }
        match &m["rag"] {
            Value::Null => {}
            Value::String(s) if rag_texts.contains(&s.as_str()) => {}
            s => problems.push(format!("{mat}.rag: {s} is none of {rag_texts:?}")),
        }
    }
    page_pair(x, at, plan_pages.0, plan_pages.1, problems);
}

/// A report truth: every field of FORMAT.md, paragraphs numbered inside their section.
fn check_report(r: &Value, at: &str, problems: &mut Vec<String>) {
    for key in ["title", "author", "summary"] {
        if str_of(r, key, at, problems).trim().is_empty() {
            problems.push(format!("{at}.{key}: empty"));
        }
    }
    strings(r, "report_from", at, problems);
    for (si, s) in list(r, "sections", at, problems).iter().enumerate() {
        let sat = format!("{at}.sections[{si}]");
        let number = str_of(s, "number", &sat, problems).to_string();
        str_of(s, "heading", &sat, problems);
        for (pi, p) in list(s, "paragraphs", &sat, problems).iter().enumerate() {
            let pat = format!("{sat}.paragraphs[{pi}]");
            if !str_of(p, "number", &pat, problems).starts_with(&format!("{number}.")) {
                problems.push(format!("{pat}.number: not in section {number}"));
            }
            str_of(p, "text", &pat, problems);
            // `bullets` only when the paragraph has a list (as in the MSCB truths).
            if p.get("bullets").is_some() {
                strings(p, "bullets", &pat, problems);
                if p["bullets"].as_array().is_some_and(Vec::is_empty) {
                    problems.push(format!("{pat}.bullets: empty list (leave it out)"));
                }
            }
        }
    }
    for (ci, c) in list(r, "contacts", at, problems).iter().enumerate() {
        let cat = format!("{at}.contacts[{ci}]");
        str_of(c, "name", &cat, problems);
        str_of(c, "role", &cat, problems);
        if !str_of(c, "email", &cat, problems).contains('@') {
            problems.push(format!("{cat}.email: not an address"));
        }
    }
}

/// The truth of one zoo PDF: the file it names exists and has that many pages, the keys
/// are exactly FORMAT.md's, and each plan and report follows the rules above.
fn check_truth(rel: &str, truth: &Value, problems: &mut Vec<String>) {
    let file = str_of(truth, "file", rel, problems);
    let pdf = sibling(rel, file);
    if !rel.ends_with(&format!("{}.truth.json", file.trim_end_matches(".pdf"))) {
        problems.push(format!("{rel}: names {file}"));
    }
    let pages = u64::from(open(&pdf).page_count());
    if truth["pages"].as_u64() != Some(pages) {
        problems.push(format!(
            "{rel}.pages: {}, the PDF has {pages}",
            truth["pages"]
        ));
    }
    str_of(truth, "producer", rel, problems);
    let mut keys: Vec<&str> = truth
        .as_object()
        .map(|m| m.keys().map(String::as_str).collect())
        .unwrap_or_default();
    keys.sort_unstable();
    let expect = truth.get("expect").and_then(Value::as_str);
    let want: &[&str] = if expect.is_some() {
        &["expect", "file", "pages", "producer"]
    } else {
        &["file", "meeting", "pages", "plans", "producer", "report"]
    };
    if keys != want {
        problems.push(format!("{rel}: keys {keys:?}, want {want:?}"));
    }
    if expect.is_some() {
        return;
    }
    match &truth["meeting"] {
        Value::Null => {}
        m => {
            str_of(m, "body", &format!("{rel}.meeting"), problems);
            let date = str_of(m, "date", &format!("{rel}.meeting"), problems);
            let iso = date.len() == 10
                && date.char_indices().all(|(i, c)| {
                    if i == 4 || i == 7 {
                        c == '-'
                    } else {
                        c.is_ascii_digit()
                    }
                });
            if !iso {
                problems.push(format!("{rel}.meeting.date: {date:?} is not ISO"));
            }
        }
    }
    if !truth["report"].is_null() {
        check_report(&truth["report"], &format!("{rel}.report"), problems);
    }
    let plans = list(truth, "plans", rel, problems);
    if plans.is_empty() {
        problems.push(format!("{rel}: no plan"));
    }
    for (i, plan) in plans.iter().enumerate() {
        check_plan(plan, &format!("{rel}.plans[{i}]"), pages, problems);
    }
}

/// The action of `plan` at (priority, area, number), without its pages.
fn action_at(plan: &Value, c: &Value) -> Option<Value> {
    let p = plan["priorities"]
        .as_array()?
        .iter()
        .find(|p| p["number"] == c["priority"])?;
    let a = p["improvement_areas"]
        .as_array()?
        .iter()
        .find(|a| a["number"] == c["area"])?;
    let mut x = a["actions"]
        .as_array()?
        .iter()
        .find(|x| x["number"] == c["action"])?
        .clone();
    x.as_object_mut()?.remove("pages");
    Some(x)
}

/// A change list agrees with the truths of its two versions: each change names an action
/// of the version it belongs to (the new one; the old one for removals), its old and new
/// sides are what those truths hold, and a changed milestone's kind follows FORMAT.md
/// (status, else date, else text).
fn check_changes(rel: &str, list_: &Value, problems: &mut Vec<String>) {
    let truth_of = |side: &str| -> Value {
        let pdf = list_[side].as_str().unwrap_or_default();
        let name = sibling(rel, &pdf.replace(".pdf", ".truth.json"));
        let bytes = std::fs::read(fixture(&name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        let v: Value = serde_json::from_slice(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        v["plans"][0].clone()
    };
    let (old, new) = (truth_of("from"), truth_of("to"));
    let changes = list(list_, "changes", rel, problems);
    if changes.is_empty() {
        problems.push(format!("{rel}: no change"));
    }
    for (i, c) in changes.iter().enumerate() {
        let at = format!("{rel}.changes[{i}]");
        let kind = str_of(c, "kind", &at, problems);
        if !KINDS.contains(&kind) {
            problems.push(format!("{at}.kind: {kind}"));
            continue;
        }
        let removed = kind.ends_with("_removed");
        let (Some(o), Some(n)) = (action_at(&old, c), action_at(&new, c)) else {
            let whole = if removed { &c["old"] } else { &c["new"] };
            let here = if removed {
                action_at(&old, c)
            } else {
                action_at(&new, c)
            };
            let other = if removed { &c["new"] } else { &c["old"] };
            if here.as_ref() != Some(whole) || !kind.starts_with("action_") || !other.is_null() {
                problems.push(format!("{at}: {kind} is not an action of the truths"));
            }
            continue;
        };
        let field = c["field"].as_str().unwrap_or_default();
        // Columns with no role are printed but left out of the truths: a change to one
        // names its heading on each side.
        if field == "fields" {
            let heading = |x: &Value| x["heading"].as_str().map(str::to_string);
            if kind != "field_changed"
                || (heading(&c["old"]).is_none() && heading(&c["new"]).is_none())
                || (!c["old"].is_null()
                    && !c["new"].is_null()
                    && heading(&c["old"]) != heading(&c["new"]))
            {
                problems.push(format!("{at}: {kind} of fields names no one heading"));
            }
            continue;
        }
        let side = |x: &Value| -> Value {
            match c["index"].as_u64() {
                Some(k) => x[field].get(k as usize).cloned().unwrap_or(Value::Null),
                None => x[field].clone(),
            }
        };
        let (want_old, want_new) = (side(&o), side(&n));
        if c["old"] != want_old || c["new"] != want_new {
            problems.push(format!(
                "{at}: {kind} old/new are not the truths' {field}: {want_old} → {want_new}"
            ));
        }
        if kind.starts_with("milestone_") && !kind.ends_with("_added") && !removed {
            let differs = |k: &str| want_old[k] != want_new[k];
            let want_kind = if differs("status") {
                "milestone_status_changed"
            } else if differs("date") {
                "milestone_date_changed"
            } else {
                "milestone_text_changed"
            };
            if kind != want_kind {
                problems.push(format!("{at}: {kind}, the truths make it {want_kind}"));
            }
        }
    }
}

/// The zoo cannot rot: every truth parses and holds together with its PDF (see
/// `check_truth`), every change list with its two truths, and there are as many plans,
/// producers, not-a-plan papers and version pairs as issue 17 asks for.
#[test]
fn zoo_truths_parse_and_hold_together() {
    let mut problems = Vec::new();
    let plans = json_files("templates", ".truth.json");
    let notplans = json_files("notplans", ".truth.json");
    for (rel, truth) in plans.iter().chain(&notplans) {
        check_truth(rel, truth, &mut problems);
    }
    let changes = json_files("templates", ".changes.json");
    for (rel, list_) in &changes {
        check_changes(rel, list_, &mut problems);
    }
    let producers: std::collections::BTreeSet<&str> = plans
        .iter()
        .filter_map(|(_, t)| t["producer"].as_str())
        .collect();
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
    assert!(plans.len() >= 12, "{} plans", plans.len());
    assert!(producers.len() >= 5, "producers {producers:?}");
    assert!(
        notplans.iter().all(|(_, t)| t["expect"] == "no_plan") && notplans.len() >= 10,
        "{} not-a-plan papers",
        notplans.len()
    );
    assert!(changes.len() >= 2, "{} change lists", changes.len());
}

/// Papers with no plan give none: finance tables, a KPI dashboard with RAG fills, minutes,
/// an agenda, a glossary, contacts, a risk summary, budget monitoring, an attendance
/// register, a decision log, a work programme.
#[test]
fn not_plan_papers_give_no_plan() {
    let mut false_plans = Vec::new();
    let papers = json_files("notplans", ".truth.json");
    for (rel, truth) in &papers {
        let pdf = sibling(rel, truth["file"].as_str().unwrap_or_default());
        let paper = read(&pdf);
        if !paper.plans.is_empty() {
            false_plans.push(format!("{pdf}: {} plans", paper.plans.len()));
        }
    }
    assert!(papers.len() >= 10);
    assert!(false_plans.is_empty(), "{false_plans:?}");
}

/// Right and total values of each FORMAT.md field of `want` (by key name): a leaf is right
/// when `got` holds the same value at the same place (strings as the truths compare them), a
/// list counts once more for its length, and whatever `got` lacks is wrong.
fn tally(got: Option<&Value>, want: &Value, name: &str, out: &mut BTreeMap<String, [usize; 2]>) {
    match want {
        Value::Object(m) => m
            .iter()
            .for_each(|(k, w)| tally(got.and_then(|g| g.get(k)), w, k, out)),
        Value::Array(a) => {
            let same_len = got.and_then(Value::as_array).map(Vec::len) == Some(a.len());
            let e = out.entry(name.to_string()).or_default();
            e[0] += usize::from(same_len);
            e[1] += 1;
            for (i, w) in a.iter().enumerate() {
                tally(got.and_then(|g| g.get(i)), w, name, out);
            }
        }
        leaf => {
            let right = match (got, leaf) {
                (Some(Value::String(g)), Value::String(w)) => norm(g) == norm(w),
                (Some(g), w) => g == w,
                (None, _) => false,
            };
            let e = out.entry(name.to_string()).or_default();
            e[0] += usize::from(right);
            e[1] += 1;
        }
    }
}

/// What `extract` would write for a zoo PDF, compared with its truth on every field: the
/// right and total values of each field, and the differences.
fn score(rel: &str, truth: &Value) -> (BTreeMap<String, [usize; 2]>, Vec<String>) {
    let pdf = sibling(rel, truth["file"].as_str().unwrap_or_default());
    let paper = read(&pdf);
    let mut got: Value = serde_json::from_slice(
        &boardpaper::export::paper::json(&paper).unwrap_or_else(|e| panic!("{pdf}: {e}")),
    )
    .unwrap_or_else(|e| panic!("{pdf}: {e}"));
    let mut want = truth.clone();
    // The truth names how the PDF was made; the PDF records the program (tests/paper.rs).
    want["producer"] = got["producer"].clone();
    if let Some(m) = got.as_object_mut() {
        m.remove("warnings");
    }
    let mut diffs = Vec::new();
    compare("", &got, &want, EXTRAS, &mut diffs);
    let mut fields = BTreeMap::new();
    tally(Some(&got), &want, "", &mut fields);
    (fields, diffs)
}

/// Each zoo plan's share of FORMAT.md values read right with no profile must not fall below
/// what the reader reached (percent). Below 100: greystone, whose unruled column split puts
/// one column edge inside a milestone's last words, so "● On" joins that milestone; and
/// stourleigh, whose second grid of cards the table stage finds no table in, so its four
/// ratings have no colour (the paper stage sees no fills outside tables).
const FLOORS: &[(&str, usize)] = &[
    ("ambridge-vale-care-tiered-leads-plan", 100),
    ("ashford-green-scrutiny", 100),
    ("audit-recommendations", 100),
    ("brackenfield-depot-plan-v1", 100),
    ("brackenfield-depot-plan-v2", 100),
    ("bramley-leisure-update", 100),
    ("brindle-growth-plan", 100),
    ("brompton-quarterly-plan", 100),
    ("cairnmore-partnership-plan", 100),
    ("calder-housing-plan-v1", 100),
    ("calder-housing-plan-v2", 100),
    ("corbeck-safety-plan", 100),
    ("corran-actions-export-v1", 100),
    ("corran-actions-export-v2", 100),
    ("dunmore-health-plan", 100),
    ("dunsford-food-plan", 100),
    ("eastvale-delivery-plan", 100),
    ("ellerby-early-help-plan", 100),
    ("eqia-library-hours", 100),
    ("farrowdale-homes-plan", 100),
    ("fenmoor-outline-plan", 100),
    ("greystone-strategy", 100),
    ("hallam-action-plan", 100),
    ("harbour-task-list", 100),
    ("hartside-narrative-plan", 100),
    ("haverleigh-climate-plan", 100),
    ("hexham-vale-service-plan", 100),
    ("holmbury-housing-plan", 100),
    ("kestrel-climate-plan", 100),
    ("kettlewick-safety-minitable-plan", 100),
    ("kingsmere-cabinet-report", 100),
    ("kirkholme-youth-plan", 100),
    ("linwick-tenancy-narrative-plan", 100),
    ("lowther-highways-plan", 100),
    ("mallowford-arts-plan", 100),
    ("marsh-licensing-report", 100),
    ("northdown-plan-v2", 100),
    ("oakfield-plan-v1", 100),
    ("oakfield-plan-v2", 100),
    ("oxley-libraries-plan", 100),
    ("pellbrook-actions-export", 100),
    ("penhallow-peer-challenge", 100),
    ("pentreath-wellbeing-plan", 100),
    ("quarrington-waste-plan", 100),
    ("ravensby-parks-plan", 100),
    ("riverside-theme-plan", 100),
    ("sallowby-economy-plan", 100),
    ("stanwick-audit-tracker", 100),
    ("stourleigh-learning-card-grid-plan", 95),
    ("tarnside-send-plan", 100),
    ("thornbury-safety-plan", 100),
    ("westbrook-plan-v1", 100),
    ("westbrook-plan-v2", 100),
    ("westmere-fire-inspection-plan", 100),
    ("wexcombe-delivery-plan", 100),
];

/// The floor of the zoo file `rel` (percent; 100 when none is set).
fn floor(rel: &str) -> usize {
    FLOORS
        .iter()
        .find(|(stem, _)| rel.contains(&format!("/{stem}.truth.json")))
        .map_or(100, |(_, f)| *f)
}

/// No zoo plan reads worse than its floor.
#[test]
fn zoo_plans_read_at_least_as_well_as_before() {
    let mut worse = Vec::new();
    let truths = json_files("templates", ".truth.json");
    assert_eq!(truths.len(), FLOORS.len(), "a floor for every zoo plan");
    for (rel, truth) in truths {
        let (fields, _) = score(&rel, &truth);
        let [right, all] = fields
            .values()
            .fold([0, 0], |[r, t], [fr, ft]| [r + fr, t + ft]);
        let pct = 100 * right / all.max(1);
        let floor = floor(&rel);
        if pct < floor {
            worse.push(format!("{rel}: {pct}% < {floor}%"));
        }
    }
    assert!(worse.is_empty(), "{worse:?}");
}

/// Issue 17's measure: every zoo plan read with no profile, every FORMAT.md field compared
/// with its truth, exact. Prints each file's accuracy per field and its differences
/// (`-- --nocapture`). A file with a floor below 100 (greystone: its column split belongs to
/// the table stage) is held to that floor by the test above instead.
#[test]
fn zoo_plans_match_their_truths() {
    let mut failed = Vec::new();
    for (rel, truth) in json_files("templates", ".truth.json") {
        let (fields, diffs) = score(&rel, &truth);
        let [right, all] = fields
            .values()
            .fold([0, 0], |[r, t], [fr, ft]| [r + fr, t + ft]);
        println!(
            "{rel}: {right}/{all} values right ({:.0}%)",
            100.0 * right as f64 / all.max(1) as f64
        );
        for (field, [r, t]) in fields.iter().filter(|(_, [r, t])| r < t) {
            println!("    {field:<20} {r}/{t}");
        }
        for d in diffs.iter().take(40) {
            println!("    {d}");
        }
        if diffs.len() > 40 {
            println!("    … {} more", diffs.len() - 40);
        }
        if !diffs.is_empty() && floor(&rel) == 100 {
            failed.push(format!("{rel}: {} differences", diffs.len()));
        }
    }
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

/// A change as compared with a change list: strings normalised as the truths compare them,
/// provenance (`pages`, `fill`, `period`) and fields beyond the format (`status_text`, `label`,
/// `fields`, `number_implied`, `group`) dropped; canonical JSON text.
fn comparable(v: &Value) -> String {
    fn walk(v: &Value) -> Value {
        match v {
            Value::String(s) => Value::String(norm(s)),
            Value::Array(a) => Value::Array(a.iter().map(walk).collect()),
            Value::Object(m) => Value::Object(
                m.iter()
                    .filter(|(k, _)| {
                        ![
                            "pages",
                            "fill",
                            "period",
                            "status_text",
                            "label",
                            "fields",
                            "number_implied",
                            "group",
                        ]
                        .contains(&k.as_str())
                    })
                    .map(|(k, x)| (k.clone(), walk(x)))
                    .collect(),
            ),
            other => other.clone(),
        }
    }
    walk(v).to_string()
}

/// Issue 17's measure for diffs: each version pair of the zoo, read with no profile, gives
/// exactly its change list.
#[test]
fn zoo_version_pairs_give_their_change_lists() {
    let mut failed = Vec::new();
    let pairs = json_files("templates", ".changes.json");
    assert!(pairs.len() >= 2, "the zoo has at least two version pairs");
    for (rel, expected) in pairs {
        let side = |k: &str| sibling(&rel, expected[k].as_str().unwrap_or_default());
        let list_ = boardpaper::diff::diff_papers(&read(&side("from")), &read(&side("to")));
        let got: Vec<String> = list_
            .changes
            .iter()
            .map(|c| comparable(&serde_json::to_value(c).unwrap_or_default()))
            .collect();
        let want: Vec<String> = expected["changes"]
            .as_array()
            .map(|a| a.iter().map(comparable).collect())
            .unwrap_or_default();
        let missing: Vec<&String> = want.iter().filter(|w| !got.contains(w)).collect();
        let extra: Vec<&String> = got.iter().filter(|g| !want.contains(g)).collect();
        println!(
            "{rel}: {}/{} changes found, {} extra",
            want.len() - missing.len(),
            want.len(),
            extra.len()
        );
        for m in &missing {
            println!("    missing {m}");
        }
        for x in &extra {
            println!("    extra   {x}");
        }
        if !missing.is_empty() || !extra.is_empty() {
            failed.push(rel);
        }
    }
    assert!(failed.is_empty(), "{failed:?}");
}

/// A profile's column names beat the built-in words: naming "Comments" the success column
/// makes it the success indicators, and the "Success criteria" column, success by its
/// built-in words, keeps its text as a field instead of taking the role back.
#[test]
fn a_profile_role_is_no_built_in_columns() {
    use boardpaper::paper::profile::Profile;
    let profile = Profile::parse("[columns]\n\"Comments\" = \"success\"\n", "p.toml")
        .unwrap_or_else(|e| panic!("{e}"));
    let pdf = "templates/lowther-highways-plan.pdf";
    let paper = pipeline::read(&open(pdf), &Settings::with_profile(&profile))
        .unwrap_or_else(|e| panic!("{pdf}: {e}"));
    let action = paper
        .plans
        .first()
        .and_then(|p| p.priorities.first())
        .and_then(|p| p.improvement_areas.first())
        .and_then(|a| a.actions.first())
        .unwrap_or_else(|| panic!("{pdf}: no action"));
    // zoo_data/lowther_highways_plan.py: HW01's comment and success criterion.
    assert_eq!(action.number, "HW01");
    assert_eq!(
        action.success_indicators,
        ["Eight done; the rest programmed for the summer."]
    );
    let fields: Vec<(&str, &str)> = action
        .fields
        .iter()
        .map(|f| (f.heading.as_str(), f.text.as_str()))
        .collect();
    assert_eq!(fields, [("Success criteria", "Twenty roads resurfaced.")]);
}

/// Issue 17: RAG printed as drawn shapes (`fixtures/regression/chromium-rag-marks.html`: an
/// SVG circle, square, triangle and diamond in the Status cells, a dot before a word): each
/// shape alone is an entry whose text is its symbol and whose colour is the shape's; a shape
/// before a word colours that word's entry.
#[test]
fn rag_drawn_as_shapes_gives_symbols_and_colours() {
    let paper = read("regression/chromium-rag-marks.pdf");
    let plan = paper.plans.first().expect("a plan");
    let rags: Vec<Vec<(String, Option<String>)>> = plan
        .priorities
        .iter()
        .flat_map(|p| &p.improvement_areas)
        .flat_map(|a| &a.actions)
        .map(|a| {
            a.rag
                .iter()
                .map(|e| (e.text.clone(), e.colour.as_ref().map(|c| c.to_string())))
                .collect()
        })
        .collect();
    let e = |t: &str, c: Option<&str>| (t.to_string(), c.map(str::to_string));
    assert_eq!(
        rags,
        vec![
            vec![e("●", Some("green"))],
            vec![e("slipping", Some("amber"))],
            vec![e("■", Some("red"))],
            vec![e("▲", Some("amber")), e("◆", Some("#0070C0"))],
            vec![e("Not started", None)],
        ]
    );
}

/// Issue 17, nothing lost: a row's one Target date is when the action's work ends. In
/// `templates/farrowdale-homes-plan.pdf` (zoo_data/farrowdale_homes_plan.py) action 1.1's last
/// bullet prints no date and takes it; 1.3's last bullet prints its own, so the Target date
/// is kept as a field of the action, not dropped.
#[test]
fn a_target_date_no_milestone_takes_is_kept_as_a_field() {
    let paper = read("templates/farrowdale-homes-plan.pdf");
    let actions: Vec<_> = paper
        .plans
        .iter()
        .flat_map(|p| &p.priorities)
        .flat_map(|p| &p.improvement_areas)
        .flat_map(|a| &a.actions)
        .collect();
    let by = |n: &str| {
        actions
            .iter()
            .find(|a| a.number == n)
            .unwrap_or_else(|| panic!("action {n}"))
    };
    let dates: Vec<Option<&str>> = by("1.1")
        .milestones
        .iter()
        .map(|m| m.date.as_deref())
        .collect();
    assert_eq!(dates, [Some("June 2025"), None, Some("March 2026")]);
    assert!(by("1.1").fields.is_empty());
    let kept: Vec<(&str, &str)> = by("1.3")
        .fields
        .iter()
        .map(|f| (f.heading.as_str(), f.text.as_str()))
        .collect();
    assert_eq!(kept, [("Target date", "January 2026")]);
}

/// Issue 17: an export with no reference column whose header says plan
/// (`templates/pellbrook-actions-export.pdf`, zoo_data/pellbrook_actions_export.py): the
/// latest note and its date are fields of the action, never a milestone or its date.
#[test]
fn a_notes_date_is_a_field_not_a_milestone() {
    let paper = read("templates/pellbrook-actions-export.pdf");
    let first = paper
        .plans
        .first()
        .and_then(|p| p.priorities.first())
        .and_then(|p| p.improvement_areas.first())
        .and_then(|a| a.actions.first())
        .expect("an action");
    assert_eq!(first.number, "1");
    let dates: Vec<Option<&str>> = first.milestones.iter().map(|m| m.date.as_deref()).collect();
    assert_eq!(dates, [Some("31/03/2026")]);
    let fields: Vec<(&str, &str)> = first
        .fields
        .iter()
        .map(|f| (f.heading.as_str(), f.text.as_str()))
        .collect();
    assert_eq!(
        fields,
        [
            (
                "Latest Note",
                "Consultation on the draft routes closed with 412 responses; the revised plan \
                 goes to Cabinet in February."
            ),
            ("Latest Note Date", "21/10/2025")
        ]
    );
}

/// Cells merged across role columns (`templates/kirkholme-youth-plan.pdf`,
/// zoo_data/kirkholme_youth_plan.py) are read once, by the first role column they cover, and
/// a warning on the page names the role columns left empty for each.
#[test]
fn a_cell_merged_across_roles_is_read_once_with_a_warning() {
    let paper = read("templates/kirkholme-youth-plan.pdf");
    let merged: Vec<(Option<u32>, String)> = paper
        .warnings
        .iter()
        .filter(|w| w.code() == "merged_across_roles")
        .map(|w| (w.page, w.message()))
        .collect();
    let said = |read_as: &str, empty: &str| {
        format!("page 1: a cell merged across columns is read once, under {read_as}; {empty} left empty")
    };
    assert_eq!(
        merged,
        [
            (Some(1), said("\"Action\"", "[\"Lead officer\"]")),
            (
                Some(1),
                said("\"Lead officer\"", "[\"Progress update\", \"Target date\"]")
            ),
            (
                Some(1),
                said("\"Action\"", "[\"Lead officer\", \"Progress update\"]")
            ),
        ]
    );
}
