//! The covering report of a board paper: the meeting (body, date, place), the title, the
//! front matter's labelled fields ("Report from:", "Author:", "Wards", "Key decision"), the
//! summary, the recommendations, the sections with their paragraphs and lists, the
//! appendices, the background papers and the contacts (see `fixtures/FORMAT.md`, "Covering
//! reports of any house style").
//!
//! The reader works from the form of the page, not from one template's words, in named steps:
//!
//! 1. [`rows`]: layout lines merged into rows (one baseline), with each word's form, and a
//!    label cell [`wrapped`] over two rows joined;
//!    [`sidebar`]: front matter printed in a narrow column beside the body read first;
//! 2. [`running`]: running headers, footers and page numbers dropped, a table of
//!    [`contents`], and [`footnotes`];
//!    the pages of appendices [`attached`] after the report set apart;
//! 3. [`preamble`]: the opening rows (agenda item, council name, meeting, place, title);
//! 4. [`classify`]: each row told by its form (label, field heading, number, bullet,
//!    heading, text), with the vocabulary of labels in [`label`] and numbers in
//!    [`numbering`];
//! 5. [`reader`]: the state machine that builds sections, paragraphs and lists, with the
//!    back matter's [`lists`] and [`contacts`], and recommendations printed as a table
//!    ([`rectable`]), and the [`signoff`] block closing the report kept out of its sections.

mod attached;
mod classify;
mod contacts;
mod contents;
mod footnotes;
mod label;
mod lists;
pub mod model;
mod numbering;
mod preamble;
mod reader;
mod rectable;
mod rows;
mod running;
mod side_heads;
mod sidebar;
mod signoff;
mod text;
mod wrapped;

pub use model::{Appendix, Contact, Meeting, RejectedTitle, Report, ReportParagraph, Section};
pub use text::title_case;

use crate::layout::PageText;
use crate::paper::PaperSettings;
use crate::table::Part;
use classify::{classify, Geometry, Kind};
use label::LabelKind;
use preamble::{body_before_date, body_case, read_preamble, trailing_date};
use rows::Row;

/// Read the covering report from the pages before the plan (`plan_first_page`, 1-based), or
/// from all pages when it is `None` (then the report stops at the first page whose orientation
/// differs from the first page's: plans are landscape appendices).
///
/// Returns `(None, None)` when the pages hold nothing report-like: no front label or field
/// heading ("Report from:", "Summary", "Recommendations"), and no dated meeting header over
/// sections.
pub fn read_report(
    pages: &[PageText],
    plan_first_page: Option<u32>,
    settings: &PaperSettings,
) -> (Option<Meeting>, Option<Report>) {
    read_report_around(pages, plan_first_page, &[], settings)
}

/// [`read_report`] with the text inside `tables` (a plan printed inside the report) left out.
pub fn read_report_around(
    pages: &[PageText],
    plan_first_page: Option<u32>,
    tables: &[Part],
    settings: &PaperSettings,
) -> (Option<Meeting>, Option<Report>) {
    read_rows_around(
        rows(pages, plan_first_page, settings),
        pages,
        tables,
        settings,
    )
}

/// The rows a report is read from: the lines of the pages before the plan
/// (`plan_first_page`), running headers and footers dropped, and the text attached to the
/// report. They need no plan's tables, so they can be read while the plans are.
#[derive(Debug, Clone)]
pub struct ReportRows {
    plan_first_page: Option<u32>,
    rows: Vec<Row>,
    attached: Vec<attached::Attached>,
}

/// The rows the report before `plan_first_page` is read from ([`read_rows_around`]).
pub fn rows(
    pages: &[PageText],
    plan_first_page: Option<u32>,
    settings: &PaperSettings,
) -> ReportRows {
    let (rows, attached) = report_rows(pages, plan_first_page, settings);
    ReportRows {
        plan_first_page,
        rows,
        attached,
    }
}

/// [`read_report_around`] on rows already read.
pub fn read_rows_around(
    rows: ReportRows,
    pages: &[PageText],
    tables: &[Part],
    settings: &PaperSettings,
) -> (Option<Meeting>, Option<Report>) {
    let ReportRows {
        plan_first_page,
        mut rows,
        attached,
    } = rows;
    if !tables.is_empty() {
        // A word inside a plan table's cell is the plan's. The cells are looked up by page
        // and then by the row's middle (a paper's plan tables have thousands of cells).
        let mut cells: Vec<(u32, crate::geom::Rect)> =
            tables.iter().map(|t| (t.page, t.bbox)).collect();
        cells.sort_by_key(|c| c.0);
        let mut across = Vec::new();
        for row in &mut rows {
            let (page, y) = (row.page, (row.top + row.bottom) / 2.0);
            let first = cells.partition_point(|c| c.0 < page);
            across.clear();
            across.extend(
                cells
                    .get(first..)
                    .unwrap_or_default()
                    .iter()
                    .take_while(|c| c.0 == page)
                    .filter(|c| (c.1.top..=c.1.bottom).contains(&y))
                    .map(|c| c.1),
            );
            if across.is_empty() {
                continue;
            }
            row.words.retain(|w| {
                let x = (w.x0 + w.x1) / 2.0;
                !across.iter().any(|b| (b.x0..=b.x1).contains(&x))
            });
        }
        rows.retain(|r| !r.words.is_empty());
    }
    // With no plan in the paper and upright pages, a titled document of numbered sections
    // is report-shaped too (a strategy or policy printed as an appendix).
    let upright = pages
        .iter()
        .min_by_key(|p| p.number)
        .is_some_and(|p| !p.is_landscape());
    let alone = plan_first_page.is_none() && tables.is_empty() && upright;
    let (meeting, mut report) = parse(&rows, settings, alone);
    if let Some(r) = &mut report {
        add_attached(r, attached);
    }
    (meeting, report)
}

/// The report read up to a plan that starts after the first page (`before`), or the report
/// read around the plan's tables (`around`) when its numbered sections carry on after them: a
/// plan printed inside section 5 of an upright report, sections 6, 7 … after it. `around` has
/// every section of `before`, then the section numbered next.
pub fn carried_past_plan(
    before: (Option<Meeting>, Option<Report>),
    around: impl FnOnce() -> (Option<Meeting>, Option<Report>),
) -> (Option<Meeting>, Option<Report>) {
    let (Some(first), Some(last)) = (before.1.as_ref(), last_section(&before)) else {
        return before;
    };
    let whole = around();
    let carries_on = whole.1.as_ref().is_some_and(|r| {
        let same = first
            .sections
            .iter()
            .zip(&r.sections)
            .all(|(a, b)| a.number == b.number && a.heading == b.heading);
        let next = r
            .sections
            .get(first.sections.len())
            .and_then(|s| s.number.as_deref())
            .and_then(numbering::section_of);
        r.sections.len() > first.sections.len() && same && next == Some(last + 1)
    });
    if carries_on {
        whole
    } else {
        before
    }
}

/// The number of the last section of a report read up to a plan: when it has one, the report
/// may carry on past the plan, and [`carried_past_plan`] reads around the plan to see.
pub fn last_section(before: &(Option<Meeting>, Option<Report>)) -> Option<u32> {
    before
        .1
        .as_ref()?
        .sections
        .last()
        .and_then(|s| s.number.as_deref())
        .and_then(numbering::section_of)
}

/// The pages of each attached appendix on the appendix the report lists with its label (an
/// appendix attached but not listed is added with the title its page prints).
fn add_attached(report: &mut Report, attached: Vec<attached::Attached>) {
    for a in attached {
        let listed = report
            .appendices
            .iter_mut()
            .find(|l| l.label.eq_ignore_ascii_case(&a.label) && l.pages.is_none());
        match listed {
            Some(l) => l.pages = Some(a.pages),
            None => report.appendices.push(Appendix {
                label: a.label,
                title: a.title,
                pages: Some(a.pages),
            }),
        }
    }
}

/// The rows of the report's pages, running headers and footers dropped, and the appendices
/// attached after it (their pages left out of the rows).
fn report_rows(
    pages: &[PageText],
    plan_first_page: Option<u32>,
    settings: &PaperSettings,
) -> (Vec<Row>, Vec<attached::Attached>) {
    let mut sorted: Vec<&PageText> = pages.iter().collect();
    sorted.sort_by_key(|p| p.number);
    let chosen: Vec<&PageText> = match plan_first_page {
        Some(first) => sorted.into_iter().filter(|p| p.number < first).collect(),
        None => {
            let first = sorted.first().map(|p| p.is_landscape());
            sorted
                .into_iter()
                .take_while(|p| Some(p.is_landscape()) == first)
                .collect()
        }
    };
    let mut rows_by_page: Vec<Vec<Row>> = chosen
        .iter()
        .map(|p| {
            let rows = sidebar::split_sidebars(rows::page_rows(p, settings), settings);
            let mut rows = side_heads::split_side_heads(rows, settings);
            wrapped::join_wrapped_labels(&mut rows, settings);
            rows
        })
        .collect();
    running::drop_running_rows(&mut rows_by_page, &chosen, settings);
    contents::drop_contents(&mut rows_by_page);
    let body_size = commonest(rows_by_page.iter().flatten().map(|r| r.size))
        .unwrap_or(settings.default_font_size);
    footnotes::drop_footnotes(&mut rows_by_page, body_size, settings.footnote_size_ratio);
    let (attached, first_appendix) =
        attached::attached_appendices(&rows_by_page, body_size, settings.heading_size_ratio);
    rows_by_page.truncate(first_appendix);
    (rows_by_page.into_iter().flatten().collect(), attached)
}

/// How each row of the report's pages was classified, one line per row ("p1 label (body)
/// x=72-310 | Report to Cabinet"): what `extract --explain` shows of the report. A plan
/// opening on the first page is printed inside the report, which is then read from every
/// page (as the paper reader does).
pub fn explain(
    pages: &[PageText],
    plan_first_page: Option<u32>,
    settings: &PaperSettings,
) -> Vec<String> {
    let first = pages.iter().map(|p| p.number).min();
    let plan_first_page = plan_first_page.filter(|p| Some(*p) != first);
    let (rows, _) = report_rows(pages, plan_first_page, settings);
    let geo = Geometry::measure(&rows, settings);
    (0..rows.len())
        .filter_map(|i| {
            let row = rows.get(i)?;
            Some(format!(
                "p{} {} x={:.0}-{:.0} | {}",
                row.page,
                classify(&rows, i, &geo).describe(),
                row.x0(),
                row.x1(),
                row.text()
            ))
        })
        .collect()
}

/// The usual distance (points) between the baselines of consecutive rows of one page: the
/// commonest pitch, to the half point.
fn line_pitch(rows: &[Row], settings: &PaperSettings) -> f64 {
    let pitches = rows.windows(2).filter_map(|w| match w {
        [a, b] if a.page == b.page && b.baseline > a.baseline => Some(b.baseline - a.baseline),
        _ => None,
    });
    commonest(pitches).unwrap_or(settings.default_font_size * settings.line_pitch_em)
}

/// The commonest of `values` to the half point (sizes, pitches), or `None` when there are none.
pub(super) fn commonest(values: impl Iterator<Item = f64>) -> Option<f64> {
    let mut halves: Vec<i64> = values.map(|v| (v * 2.0).round() as i64).collect();
    halves.sort_unstable();
    let mut best: Option<(i64, usize)> = None;
    for run in halves.chunk_by(|a, b| a == b) {
        if let Some(&v) = run.first() {
            if best.is_none_or(|(_, n)| run.len() > n) {
                best = Some((v, run.len()));
            }
        }
    }
    best.map(|(v, _)| v as f64 / 2.0)
}

/// Whether the report has a title over at least two sections numbered from 1 in order, each
/// with paragraphs: a document shaped as a report though it prints no front matter.
fn titled_sections(report: &Report) -> bool {
    let numbers: Vec<Option<u32>> = report
        .sections
        .iter()
        .filter_map(|s| s.number.as_deref())
        .map(numbering::section_of)
        .collect();
    let in_order = numbers
        .iter()
        .enumerate()
        .all(|(i, n)| *n == u32::try_from(i + 1).ok());
    report.title.is_some()
        && numbers.len() >= 2
        && in_order
        && report.sections.iter().all(|s| !s.paragraphs.is_empty())
}

/// The parse proper, over the report's rows in reading order; `alone` when the paper holds
/// no plan and its pages are upright (then a titled document of numbered sections is read
/// as a report).
fn parse(rows: &[Row], settings: &PaperSettings, alone: bool) -> (Option<Meeting>, Option<Report>) {
    let Some(first_page) = rows.first().map(|r| r.page) else {
        return (None, None);
    };
    let geo = Geometry::measure(rows, settings);
    let kinds: Vec<Kind> = (0..rows.len()).map(|i| classify(rows, i, &geo)).collect();
    // The preamble: rows opening the first page before any label, number, list or field.
    let mut start = 0;
    let mut preamble_rows: Vec<Row> = Vec::new();
    for (i, (r, k)) in rows.iter().zip(&kinds).enumerate() {
        if classify::part_divider(r) && r.page == first_page {
            start += 1;
            continue;
        }
        // A "Date of meeting:" line between the meeting and a title block (county style):
        // the preamble's date.
        let date_line = match k {
            Kind::Label(LabelKind::Date, from) if start > 0 => rows
                .get(i + 1)
                .is_some_and(|n| n.page == r.page && geo.heading_form(n, 0))
                .then_some(*from),
            _ => None,
        };
        // "Report to: Cabinet" over a line holding only the date: the meeting line.
        let body_over_date = matches!(k, Kind::Label(LabelKind::Body, _))
            && rows.get(i + 1).is_some_and(|n| {
                n.page == r.page
                    && trailing_date(&n.text())
                        .is_some_and(|(d, before)| d.is_some() && before.is_empty())
            });
        let plain =
            matches!(k, Kind::Text | Kind::Heading) || date_line.is_some() || body_over_date;
        // A row running to the margin and on is body text, not a title (a long "Joint
        // report of …" line is the title block's, and a meeting line ending in its date
        // across the page, "COUNCIL … Committee – 9 February 2026", the preamble's).
        let body_text = !geo.is_short(r)
            && !geo.heading_form(r, 0)
            && r.words.len() > 8
            && preamble::report_of_line(&r.text()).is_none()
            && preamble::trailing_date(&r.text()).is_none();
        if r.page != first_page || !plain || body_text || start >= settings.max_preamble_rows {
            break;
        }
        start += 1;
        let mut kept = r.clone();
        kept.words
            .drain(..date_line.unwrap_or(0).min(kept.words.len()));
        preamble_rows.push(kept);
    }
    let preamble_rows: Vec<&Row> = preamble_rows.iter().collect();
    let mut pre = read_preamble(&preamble_rows, settings);

    let pitch = line_pitch(rows, settings);
    let mut reader = reader::Reader::new(&geo, pitch, settings.paragraph_gap);
    reader.title_from(std::mem::take(&mut pre.report_from));
    let closing = signoff::closing_block(
        rows,
        &kinds,
        &geo,
        pitch * settings.paragraph_gap,
        settings.max_sign_off_rows,
    )
    .max(start);
    let mut sign_off = signoff::SignOff::default();
    // Whether the last row of the sign-off block went to the reader (a label it reads
    // wherever printed): a plain row after it carries its value on.
    let mut to_reader = false;
    for (i, (row, kind)) in rows.iter().zip(&kinds).enumerate().skip(start) {
        if classify::part_divider(row) {
            reader.divider();
            continue;
        }
        let next = rows.get(i + 1).zip(kinds.get(i + 1));
        if i >= closing && reader.in_body() {
            to_reader = matches!(kind, Kind::Label(k, _) if k.is_sign_off_reader())
                || (to_reader && *kind == Kind::Text);
            if !to_reader {
                sign_off.row(row, kind);
                continue;
            }
        }
        reader.row(row, kind, next);
    }
    let (mut report, front, evidence) = reader.finish();
    if !sign_off.lines.is_empty() {
        if report.author.is_none() && report.contacts.is_empty() {
            report.author = sign_off.author();
        }
        report.sign_off = Some(sign_off.lines.join("\n"));
    }

    // The meeting: the preamble's, else the labels'.
    let mut date = pre.date.clone();
    let mut body = pre.body.clone();
    if let Some(b) = &front.body {
        match trailing_date(b) {
            Some((d, before)) => {
                date = date.or(d);
                body = body.or_else(|| body_before_date(&before));
            }
            None => body = body.or_else(|| Some(body_case(b))),
        }
    }
    if date.is_none() {
        date = front
            .date
            .as_deref()
            .and_then(trailing_date)
            .and_then(|d| d.0);
    }
    if body.is_none() && front.title.is_none() {
        pre.body_by_gap();
        body = pre.body.clone();
    }
    // With the title given by a label, a short line over the labels naming a meeting
    // ("Cabinet" over "Date of Meeting | …", "Report Subject | …") is the meeting's body.
    if body.is_none() && front.title.is_some() && front.body.is_none() {
        body = text::meeting_line(&pre.title).map(|b| body_case(preamble::addressee(b)));
    }
    let title = front
        .title
        .clone()
        .or_else(|| (!pre.title.is_empty()).then(|| pre.title.clone()))
        .or_else(|| front.heading_title.clone())
        .filter(|t| !t.trim().is_empty());
    // A time or a letter's address is no title: an agenda or a letter prints none. What
    // the block held is kept for a warning.
    match title.as_deref().map(|t| (t, text::no_title_reason(t))) {
        Some((t, Some(reason))) => {
            report.title_rejected = Some(RejectedTitle {
                page: first_page,
                text: t.to_string(),
                reason,
            });
        }
        _ => report.title = title,
    }
    report.agenda_item = pre.agenda_item.or(report.agenda_item);
    let place = pre.place.or(front.place);
    // A body names a meeting: "Appendix H", "13th" or a letter's addressees are no meeting.
    let body = body.filter(|b| text::names_meeting(b)).unwrap_or_default();
    let meeting = (!body.is_empty() || date.is_some()).then_some(Meeting { body, date, place });
    let dated = meeting.as_ref().is_some_and(|m| m.date.is_some());
    let shaped = alone && titled_sections(&report);
    if !(evidence || shaped || (dated && !report.sections.is_empty())) {
        return (None, None);
    }
    (meeting, Some(report))
}

#[cfg(test)]
mod tests;
