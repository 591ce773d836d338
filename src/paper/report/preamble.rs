//! Step 3a: the rows opening the first page, before any label, number or field heading: the
//! agenda item marker, the council's own name (dropped), the meeting (its body and date, on
//! one line or two), its place (the line straight under the date), the title block, and a
//! "Report of …" line in or under it.

use super::label::agenda_item;
use super::rows::Row;
use super::text::{is_council_name, is_upper, parts, title_case};
use crate::dates::find_date;
use crate::paper::PaperSettings;
use crate::table::join_line;

/// What the opening rows say.
#[derive(Debug, Default, Clone, PartialEq)]
pub(super) struct Preamble {
    /// The meeting's body, when printed above the title.
    pub body: Option<String>,
    /// The meeting date (ISO).
    pub date: Option<String>,
    /// The meeting's place.
    pub place: Option<String>,
    /// The title block.
    pub title: String,
    /// The agenda item number.
    pub agenda_item: Option<String>,
    /// Whom a "Report of the Strategic Director, Place" line (no colon) in or under the title
    /// block names, one entry per person ("Joint report of A and B": two).
    pub report_from: Vec<String>,
    /// The first row of the title block, for a body set apart above it (see [`body_by_gap`]).
    first_gap: Option<(String, String)>,
}

/// A body in capitals reads in title case.
pub(super) fn body_case(body: &str) -> String {
    if is_upper(body) {
        title_case(body)
    } else {
        body.to_string()
    }
}

/// The meeting body from the words before a date ("Northmere Borough Council – Cabinet –"):
/// the last part that is not the council's name.
pub(super) fn body_before_date(text: &str) -> Option<String> {
    parts(without_lead_to_date(text))
        .into_iter()
        .rfind(|p| !is_council_name(p))
        .map(|p| body_case(addressee(&p)))
        .filter(|p| !p.is_empty())
}

/// The words before a date without the word leading to it: "CABINET ON" (from "REPORT TO:
/// CABINET ON 12 MARCH 2026"), "Council held on", "Cabinet meeting of" → "CABINET",
/// "Council", "Cabinet".
fn without_lead_to_date(text: &str) -> &str {
    const LEADS: &[&str] = &["held on", "meeting on", "meeting of", "on", "dated"];
    let t = text.trim_end();
    LEADS
        .iter()
        .find_map(|l| {
            let cut = t.len().checked_sub(l.len())?;
            let (rest, tail) = (t.get(..cut)?, t.get(cut..)?);
            (tail.eq_ignore_ascii_case(l) && rest.ends_with(' ') && !rest.trim().is_empty())
                .then(|| rest.trim_end())
        })
        .unwrap_or(text)
}

/// The body a meeting line addresses, without its lead-in: "Report to the Health Scrutiny
/// Panel", "Report to: Cabinet", "To the Cabinet" → "Health Scrutiny Panel", "Cabinet".
pub(super) fn addressee(line: &str) -> &str {
    let lower = line.to_lowercase();
    let lead = ["report to", "to"]
        .into_iter()
        .find(|l| {
            lower.starts_with(l)
                && lower
                    .get(l.len()..)
                    .is_some_and(|r| r.starts_with([' ', ':']))
        })
        .map_or(0, str::len);
    let rest = line
        .get(lead..)
        .unwrap_or(line)
        .trim_start_matches([':', ' ']);
    let rest = match rest.get(..4) {
        Some(t) if lead > 0 && t.eq_ignore_ascii_case("the ") => rest.get(4..).unwrap_or(rest),
        _ => rest,
    };
    let named = rest.trim();
    if lead > 0 && named.starts_with(|c: char| c.is_uppercase()) {
        named
    } else {
        line
    }
}

/// A date at the end of `text` (or all of it): its ISO day and the words before it.
pub(super) fn trailing_date(text: &str) -> Option<(Option<String>, String)> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let m = find_date(&words)?;
    let tail = words.get(m.end..).unwrap_or_default();
    // Nothing but punctuation or a time may follow the date.
    let tail_ok = tail.iter().all(|w| {
        let l = w.to_lowercase();
        l.chars().all(|c| !c.is_alphanumeric())
            || matches!(l.as_str(), "at" | "am" | "pm" | "a.m." | "p.m.")
            || l.chars().next().is_some_and(|c| c.is_ascii_digit())
    });
    if !tail_ok {
        return None;
    }
    let before = words.get(..m.start).unwrap_or_default().join(" ");
    Some((m.day.map(|d| d.to_string()), before))
}

/// Read the opening rows: `meeting_body_gap_em` is the gap (em) that sets a row apart, a
/// row `heading_size_ratio` times larger than the next is a title, never a body set apart,
/// and `place_gap_ratio` sets the place apart from the title under it.
pub(super) fn read_preamble(rows: &[&Row], settings: &PaperSettings) -> Preamble {
    let body_gap_em = settings.meeting_body_gap_em;
    let heading_size_ratio = settings.heading_size_ratio;
    let mut out = Preamble::default();
    // Each row's text without agenda markers and council names (segment by segment).
    let mut kept: Vec<(&Row, String)> = Vec::new();
    for row in rows {
        let mut text = String::new();
        for seg in row.segments() {
            let t = row.range_text(seg);
            if let Some(n) = agenda_item(&t) {
                out.agenda_item.get_or_insert(n);
            } else if text.is_empty() && ends_council_name(kept.last(), row, &t) {
                // The council's name wrapped over two rows ("Ashcombe Vale" / "Borough
                // Council"): both rows are the name, dropped.
                kept.pop();
            } else if !is_council_name(&t) {
                join_line(&mut text, &t);
            }
        }
        if !text.is_empty() {
            kept.push((row, text));
        }
    }
    let date_at = kept
        .iter()
        .enumerate()
        .find_map(|(i, (_, t))| trailing_date(t).map(|d| (i, d)));
    // A title set larger above the meeting line (a cover page: title, meeting, date).
    let mut title_above: Option<String> = None;
    let title_from = match date_at {
        Some((i, (date, before))) => {
            out.date = date;
            if let Some((body, above)) = body_under_title(&kept, i, heading_size_ratio) {
                out.body = Some(body);
                title_above = Some(above);
            }
            out.body = out
                .body
                .take()
                .or_else(|| body_before_date(&before))
                .or_else(|| {
                    let mut s = String::new();
                    for (_, t) in kept.iter().take(i) {
                        join_line(&mut s, t);
                    }
                    body_before_date(&s)
                });
            // A line straight under the date, closer to it than to what follows, is the place.
            let pitch = |a: usize, b: usize| match (kept.get(a), kept.get(b)) {
                (Some((x, _)), Some((y, _))) if x.page == y.page => Some(y.baseline - x.baseline),
                _ => None,
            };
            match (pitch(i, i + 1), pitch(i + 1, i + 2)) {
                (Some(near), Some(far)) if far > near * settings.place_gap_ratio => {
                    out.place = kept.get(i + 1).map(|(_, t)| t.clone());
                    i + 2
                }
                _ => i + 1,
            }
        }
        None => {
            if let (Some((a, at)), Some((b, bt))) = (kept.first(), kept.get(1)) {
                // A row opening with the council's name ("… County Council Labour Group"), or
                // set larger than the next, is no meeting body.
                let larger = a.size >= b.size * heading_size_ratio;
                if b.baseline - a.baseline > body_gap_em * a.size
                    && !opens_with_council(at)
                    && !larger
                {
                    out.first_gap = Some((at.clone(), bt.clone()));
                }
            }
            0
        }
    };
    // A "Report of …" line under the title's first row ends the title block and names whom
    // the report is from (as the first row it is the title: "Report of the Review Panel").
    let from_at = kept
        .iter()
        .enumerate()
        .skip(title_from + 1)
        .find_map(|(i, (_, t))| report_of_line(t).map(|names| (i, names)));
    let title_end = match from_at {
        Some((i, names)) => {
            out.report_from = names;
            i
        }
        None => kept.len(),
    };
    // The title block ends at the first wide gap: what follows it is set apart (a subtitle
    // or the opening text of a form).
    let mut above: Option<&Row> = None;
    for (i, (row, t)) in kept.iter().enumerate().take(title_end).skip(title_from) {
        // The gap under a body set apart (see [`Preamble::body_by_gap`]) is not the title's end.
        let body_gap = i == 1 && out.first_gap.is_some();
        let wide = above.is_some_and(|a| {
            row.page != a.page || row.baseline - a.baseline > body_gap_em * a.size
        });
        if wide && !body_gap {
            break;
        }
        // A title's rows share its first row's left edge, middle or right edge: a row aligned
        // with none of them (a contents page's "Section  Page" column heading at the right
        // margin under a centred title) is no part of it.
        if let Some((first, _)) = kept.get(title_from).filter(|_| i > title_from) {
            let tol = settings.column_tolerance;
            let mid = |r: &Row| (r.x0() + r.x1()) / 2.0;
            let aligned = (row.x0() - first.x0()).abs() <= tol
                || (mid(row) - mid(first)).abs() <= tol
                || (row.x1() - first.x1()).abs() <= tol;
            if !aligned {
                break;
            }
        }
        join_line(&mut out.title, t);
        above = Some(row);
    }
    if out.title.is_empty() {
        out.title = title_above.unwrap_or_default();
    }
    out
}

/// On a cover page the title stands above the meeting: rows set larger than the row straight
/// above the date row `i` (alone on its row), which names a meeting. Returns the body and the
/// title.
fn body_under_title(
    kept: &[(&Row, String)],
    i: usize,
    heading_size_ratio: f64,
) -> Option<(String, String)> {
    let (date_row, date_text) = kept.get(i)?;
    let alone = trailing_date(date_text).is_some_and(|(_, before)| before.trim().is_empty());
    let (body_row, body) = kept.get(i.checked_sub(1)?)?;
    let above = kept.get(..i.checked_sub(1)?)?;
    if !alone || above.is_empty() || !super::text::names_meeting(body) {
        return None;
    }
    let on_page = |r: &Row| r.page == date_row.page;
    let larger = above
        .iter()
        .all(|(r, _)| on_page(r) && r.size >= body_row.size * heading_size_ratio);
    if !larger {
        return None;
    }
    let mut title = String::new();
    for (_, t) in above {
        join_line(&mut title, t);
    }
    Some((body_case(addressee(body)), title))
}

/// The people a title block's "Report of …" line names, without a colon after its lead-in:
/// "Report of the Strategic Director, Place" → ["Strategic Director, Place"]; "Report by
/// …", "Report from …"; "Joint report of A and B" → [A, B] (a plain report splits only at
/// "and the", so "Director of Finance and Resources" stays one).
pub(super) fn report_of_line(text: &str) -> Option<Vec<String>> {
    let lower = text.to_lowercase();
    let (joint, rest) = match lower.strip_prefix("joint ") {
        Some(r) => (true, r),
        None => (false, lower.as_str()),
    };
    let lead = ["report of ", "report by ", "report from "]
        .into_iter()
        .find(|l| rest.starts_with(l))?;
    let cut = text.len() - rest.len() + lead.len();
    let named = text.get(cut..)?.trim();
    // A label's colon makes it a label–value row, read with the front matter.
    if named.is_empty() || named.starts_with(':') || text.contains(": ") {
        return None;
    }
    let strip_the = |s: &str| -> String {
        let s = s.trim();
        match s.get(..4) {
            Some(t) if t.eq_ignore_ascii_case("the ") => s.get(4..).unwrap_or(s).trim().to_string(),
            _ => s.to_string(),
        }
    };
    let mut names: Vec<String> = named.split(" and the ").map(strip_the).collect();
    if joint && names.len() == 1 {
        names = named.splitn(2, " and ").map(strip_the).collect();
    }
    names.retain(|n| !n.is_empty());
    (!names.is_empty()).then_some(names)
}

/// Whether `t`, opening `row`, ends a council's name begun by the row kept before it on the
/// same page: that row a few capitalised words ("Ashcombe Vale"), the two a council's name
/// ("Ashcombe Vale Borough Council").
fn ends_council_name(before: Option<&(&Row, String)>, row: &Row, t: &str) -> bool {
    let Some((prev, prev_text)) = before else {
        return false;
    };
    let words: Vec<&str> = prev_text.split_whitespace().collect();
    prev.page == row.page
        && !words.is_empty()
        && words.len() <= MAX_WRAPPED_NAME_WORDS
        && words.iter().all(|w| w.starts_with(char::is_uppercase))
        && !is_council_name(prev_text)
        && is_council_name(&format!("{prev_text} {t}"))
}

/// The first row of a council's name wrapped over two rows is at most this many words.
const MAX_WRAPPED_NAME_WORDS: usize = 4;

/// Whether `text` opens with a council's name ("Kent County Council Labour Group").
fn opens_with_council(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    (2..=words.len().min(8)).any(|n| is_council_name(&words.get(..n).unwrap_or_default().join(" ")))
}

impl Preamble {
    /// With no date and no body label: a first row set apart from the rest by a wide gap is
    /// the body, the rest the title.
    pub fn body_by_gap(&mut self) {
        if self.body.is_some() {
            return;
        }
        if let Some((body, _)) = self.first_gap.take() {
            // A body needs a title after it.
            if let Some(rest) = self
                .title
                .strip_prefix(&body)
                .filter(|r| !r.trim().is_empty())
            {
                self.title = rest.trim().to_string();
                self.body = Some(body_case(&body));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{addressee, body_before_date, report_of_line};

    #[test]
    fn a_word_leading_to_the_date_is_no_part_of_the_body() {
        let body = |t: &str| body_before_date(t);
        assert_eq!(body("CABINET ON").as_deref(), Some("Cabinet"));
        assert_eq!(body("Council held on").as_deref(), Some("Council"));
        assert_eq!(body("Cabinet meeting of").as_deref(), Some("Cabinet"));
        assert_eq!(body("Audit Committee").as_deref(), Some("Audit Committee"));
        assert_eq!(
            body("Report to: Planning Committee on").as_deref(),
            Some("Planning Committee")
        );
    }

    #[test]
    fn addressees() {
        assert_eq!(
            addressee("Report to the Health Scrutiny Panel"),
            "Health Scrutiny Panel"
        );
        assert_eq!(addressee("Report to: Cabinet"), "Cabinet");
        assert_eq!(addressee("To the Cabinet"), "Cabinet");
        assert_eq!(addressee("REPORT TO THE CABINET"), "CABINET");
        assert_eq!(addressee("Tourism Committee"), "Tourism Committee");
        assert_eq!(addressee("To be confirmed"), "To be confirmed");
        assert_eq!(addressee("Cabinet"), "Cabinet");
    }

    #[test]
    fn report_of_lines() {
        let names = |t: &str| report_of_line(t);
        assert_eq!(
            names("Report of the Strategic Director, Place"),
            Some(vec!["Strategic Director, Place".to_string()])
        );
        assert_eq!(
            names("Report by the Director of Finance and Resources"),
            Some(vec!["Director of Finance and Resources".to_string()])
        );
        assert_eq!(
            names("Joint report of Ann Ryle and Tom Vell"),
            Some(vec!["Ann Ryle".to_string(), "Tom Vell".to_string()])
        );
        assert_eq!(names("Report of: Jo Hale"), None);
        assert_eq!(names("Reporting of incidents"), None);
        assert_eq!(names("Report of"), None);
    }
}
