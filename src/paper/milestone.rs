//! A milestone bullet's status word and timescale, read from its printed text:
//! "Report to the Board – Complete – October 2014" → status Complete, date "October 2014".

use regex::Regex;
use serde::{Deserialize, Serialize};

use super::profile::Profile;
use std::sync::OnceLock;

/// A milestone's status as printed (canonical capitalisation).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Status {
    /// "Complete", "Completed".
    Complete,
    /// "In progress".
    #[serde(rename = "In progress")]
    InProgress,
    /// "Ongoing", "On-going".
    Ongoing,
    /// "Not started".
    #[serde(rename = "Not started")]
    NotStarted,
    /// "Overdue".
    Overdue,
    /// "Delayed".
    Delayed,
    /// "On track".
    #[serde(rename = "On track")]
    OnTrack,
    /// "On hold".
    #[serde(rename = "On hold")]
    OnHold,
    /// "Cancelled", "Withdrawn".
    Cancelled,
}

impl Status {
    /// The canonical text.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Complete => "Complete",
            Status::InProgress => "In progress",
            Status::Ongoing => "Ongoing",
            Status::NotStarted => "Not started",
            Status::Overdue => "Overdue",
            Status::Delayed => "Delayed",
            Status::OnTrack => "On track",
            Status::OnHold => "On hold",
            Status::Cancelled => "Cancelled",
        }
    }

    /// Recognise a status word, ignoring case.
    pub fn parse(s: &str) -> Option<Status> {
        Some(match s.trim().to_lowercase().as_str() {
            "complete" | "completed" => Status::Complete,
            "in progress" | "in-progress" => Status::InProgress,
            "ongoing" | "on-going" | "on going" => Status::Ongoing,
            "not started" => Status::NotStarted,
            "overdue" => Status::Overdue,
            "delayed" => Status::Delayed,
            "on track" => Status::OnTrack,
            "on hold" => Status::OnHold,
            "cancelled" | "canceled" | "withdrawn" => Status::Cancelled,
            _ => return None,
        })
    }
}

/// What the text of a milestone says besides its description.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsed {
    /// The status word, when one is printed.
    pub status: Option<Status>,
    /// The timescale printed at the end, without a trailing full stop.
    pub date: Option<String>,
}

const MONTH: &str = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?";

fn date_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let months = format!(r"{MONTH}(?:\s*/\s*{MONTH})*");
        let one = format!(r"(?:{months}\s+)?\d{{4}}(?:\s*[-/]\s*\d{{2,4}})?");
        let qualifier = r"(?:(?:quarterly\s*[–—-]\s*|monthly\s+|annually\s+|weekly\s+)?throughout\s+|by\s+|from\s+|until\s+|end\s+of\s+)?";
        let pattern = format!(r"(?i)(?:^|[\s–—-])({qualifier}{one}(?:\s*;\s*{one})*)\s*\.?\s*$");
        Regex::new(&pattern).unwrap_or_else(|_| unreachable!("the date pattern is a constant"))
    })
}

/// A timescale printed mid-bullet after a dash or in brackets, before sub-lines: "… young
/// people (annually throughout 2014-17): Young people in …".
fn inner_date_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let one = format!(r"(?:{MONTH}(?:\s*/\s*{MONTH})*\s+)?\d{{4}}(?:-\d{{2,4}})?");
        let qualifier = r"(?:(?:monthly|annually|quarterly|weekly)\s+)?(?:throughout|by)\s+";
        Regex::new(&format!(
            r"(?i)(?:\s[–—-]\s*|\()({qualifier}{one})(?:[\s):]|$)"
        ))
        .unwrap_or_else(|_| unreachable!("the date pattern is a constant"))
    })
}

fn status_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)(?:^|[\s–—-])(complete|completed|in[ -]progress|on[- ]?going|not started|overdue|delayed|on track|on hold|cancell?ed|withdrawn)[\s–—-]*$")
            .unwrap_or_else(|_| unreachable!("the status pattern is a constant"))
    })
}

/// The span of time a timescale covers, as ISO months (`2015-09`) or years (`2015`); `from`
/// is missing for "by …"/"until …", `to` for "from …".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    /// The first month or year.
    pub from: Option<String>,
    /// The last month or year.
    pub to: Option<String>,
}

fn month_number(word: &str) -> Option<u32> {
    let w = word.trim().trim_end_matches('.').to_lowercase();
    let prefix = w.get(..3)?;
    let n = match prefix {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    Some(n)
}

fn period_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(&format!(
            r"(?i)(?P<months>{MONTH}(?:\s*/\s*{MONTH})*)?\s*\b(?P<y>\d{{4}})(?:\s*[-/–]\s*(?P<y2>\d{{2,4}})\b)?"
        ))
        .unwrap_or_else(|_| unreachable!("the period pattern is a constant"))
    })
}

/// The period a timescale covers: "Sept 2015" → 2015-09..2015-09, "June/ July 2015" →
/// 2015-06..2015-07, "Throughout 2015-17" → 2015..2017, "Feb 2015; Sept 2015; Mar 2016" →
/// 2015-02..2016-03, "By June 2015" → ..2015-06. `None` when no year is printed.
pub fn period(date: &str) -> Option<Period> {
    // (year, month) pairs in text order; month 0 stands for "the whole year".
    let mut points: Vec<(u32, u32)> = Vec::new();
    for c in period_re().captures_iter(date) {
        let Some(y) = c.name("y").and_then(|m| m.as_str().parse::<u32>().ok()) else {
            continue;
        };
        let months: Vec<u32> = c
            .name("months")
            .map(|m| m.as_str().split('/').filter_map(month_number).collect())
            .unwrap_or_default();
        if months.is_empty() {
            points.push((y, 0));
        } else {
            points.extend(months.iter().map(|&m| (y, m)));
        }
        if let Some(y2) = c.name("y2").map(|m| m.as_str()) {
            let end = match (y2.len(), y2.parse::<u32>()) {
                (2, Ok(v)) => Some(y - y % 100 + v),
                (4, Ok(v)) => Some(v),
                _ => None,
            };
            if let Some(end) = end.filter(|&e| e > y && e - y <= 50) {
                points.push((end, 0));
            }
        }
    }
    let first = points.iter().min_by_key(|&&(y, m)| (y, m))?;
    let last = points
        .iter()
        .max_by_key(|&&(y, m)| (y, if m == 0 { 13 } else { m }))?;
    let show = |&(y, m): &(u32, u32)| {
        if m == 0 {
            format!("{y:04}")
        } else {
            format!("{y:04}-{m:02}")
        }
    };
    let lower = date.trim_start().to_lowercase();
    let open_start = lower.starts_with("by ") || lower.starts_with("until ");
    let open_end = lower.starts_with("from ");
    Some(Period {
        from: (!open_start).then(|| show(first)),
        to: (!open_end).then(|| show(last)),
    })
}

/// Read the status and the timescale from a milestone's text. The timescale is the date text
/// at the end ("October 2014", "By Sept 2015", "Throughout 2015-17", "May 2015; Nov 2015");
/// the status is a status word just before it (or at the end when no date is printed).
pub fn parse(text: &str) -> Parsed {
    parse_with(text, &Profile::default())
}

/// [`parse`] with a template's profile: its milestone pattern (groups `status`, `date`)
/// first, and its status words beside the built-in ones.
pub fn parse_with(text: &str, profile: &Profile) -> Parsed {
    let text = text.trim();
    if let Some(c) = profile.milestone.as_ref().and_then(|re| re.captures(text)) {
        let group = |name| {
            c.name(name)
                .map(|m| m.as_str().trim().to_string())
                .filter(|s| !s.is_empty())
        };
        let date = group("date");
        let status = match group("status") {
            Some(word) => profile.status(&word),
            None => c
                .get(0)
                .and_then(|m| profile_status(text.get(..m.start())?, profile)),
        };
        if status.is_some() || date.is_some() {
            return Parsed { status, date };
        }
    }
    let parsed = parse_default(text);
    if parsed.status.is_some() || profile.statuses.is_empty() {
        return parsed;
    }
    let rest = match &parsed.date {
        Some(d) => text
            .rfind(d.as_str())
            .and_then(|i| text.get(..i))
            .unwrap_or(text),
        None => text,
    };
    Parsed {
        status: profile_status(rest, profile),
        ..parsed
    }
}

/// A status word of the profile's at the end of `rest` (dashes and spaces around it ignored).
fn profile_status(rest: &str, profile: &Profile) -> Option<Status> {
    let tail = super::profile::normalise(rest.trim_end_matches([' ', '–', '—', '-', ',', '(']));
    profile.statuses.iter().find_map(|(word, status)| {
        let before = tail.strip_suffix(word.as_str())?;
        (before.is_empty() || before.ends_with([' ', '–', '—', '-', '('])).then_some(*status)
    })
}

fn parse_default(text: &str) -> Parsed {
    let (rest, date) = match date_re().captures(text).and_then(|c| c.get(1)) {
        Some(m) => (
            &text[..m.start()],
            Some(m.as_str().trim().trim_end_matches('.').trim().to_string()),
        ),
        None => match inner_date_re()
            .captures_iter(text)
            .last()
            .and_then(|c| c.get(1))
        {
            Some(m) => (&text[..m.start()], Some(m.as_str().trim().to_string())),
            None => (text.trim_end_matches('.'), None),
        },
    };
    let status = status_re()
        .captures(rest)
        .and_then(|c| c.get(1))
        .and_then(|m| Status::parse(m.as_str()));
    Parsed { status, date }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(date: &str) -> (Option<String>, Option<String>) {
        period(date).map(|p| (p.from, p.to)).unwrap_or((None, None))
    }

    #[test]
    fn periods() {
        let s = |a: &str, b: &str| (Some(a.to_string()), Some(b.to_string()));
        assert_eq!(span("Sept 2015"), s("2015-09", "2015-09"));
        assert_eq!(span("October 2014"), s("2014-10", "2014-10"));
        assert_eq!(span("Throughout 2015-17"), s("2015", "2017"));
        assert_eq!(span("Quarterly – Throughout 2014-17"), s("2014", "2017"));
        assert_eq!(span("June/ July 2015"), s("2015-06", "2015-07"));
        assert_eq!(span("May/Nov 2014"), s("2014-05", "2014-11"));
        assert_eq!(
            span("Feb 2015; Sept 2015; Mar 2016"),
            s("2015-02", "2016-03")
        );
        assert_eq!(span("2014/15"), s("2014", "2015"));
        assert_eq!(span("By June 2015"), (None, Some("2015-06".into())));
        assert_eq!(span("from April 2016"), (Some("2016-04".into()), None));
        assert_eq!(period("Quarterly"), None);
    }

    fn p(text: &str) -> (Option<&'static str>, Option<String>) {
        let r = parse(text);
        (r.status.map(Status::as_str), r.date)
    }

    #[test]
    fn status_and_date() {
        assert_eq!(
            p("Report to the Board – Complete – October 2014"),
            (Some("Complete"), Some("October 2014".into()))
        );
        assert_eq!(
            p("agency reports — ongoing — Throughout 2014-17"),
            (Some("Ongoing"), Some("Throughout 2014-17".into()))
        );
        assert_eq!(
            p("Threshold document to include CADS - In progress"),
            (Some("In progress"), None)
        );
        assert_eq!(
            p("the s11 champion's event — Complete - Sept 2014."),
            (Some("Complete"), Some("Sept 2014".into()))
        );
        assert_eq!(
            p("Review – By June 2015"),
            (None, Some("By June 2015".into()))
        );
        assert_eq!(
            p("Events to be held – June/ July 2015"),
            (None, Some("June/ July 2015".into()))
        );
        assert_eq!(
            p("risk factors – Complete May/Nov 2014"),
            (Some("Complete"), Some("May/Nov 2014".into()))
        );
        assert_eq!(
            p("services available - Quarterly – Throughout 2014-17"),
            (None, Some("Quarterly – Throughout 2014-17".into()))
        );
        assert_eq!(
            p("audited cases – Complete -Feb 2015; Sept 2015; Mar 2016"),
            (
                Some("Complete"),
                Some("Feb 2015; Sept 2015; Mar 2016".into())
            )
        );
        assert_eq!(
            p("Section 11 2015-17 Audit process to be agreed — September 2015"),
            (None, Some("September 2015".into()))
        );
        assert_eq!(p("An investigation unit to be set up"), (None, None));
        assert_eq!(
            p("Audit of plans – Completed – On hold"),
            (Some("On hold"), None)
        );
        assert_eq!(
            p("reports on young people (annually throughout 2014-17): Young people in the Youth Justice System"),
            (None, Some("annually throughout 2014-17".into()))
        );
    }
}

#[cfg(test)]
mod profile_tests {
    use super::*;

    #[test]
    fn a_profile_adds_a_pattern_and_status_words() {
        let profile = Profile::parse(
            "[rows]\nmilestone = '\\((?P<status>[^,()]+),\\s*(?P<date>[^()]+)\\)\\s*$'\n[statuses]\nDone = \"Complete\"\nSlipping = \"Delayed\"\n",
            "p.toml",
        )
        .unwrap();
        let p = parse_with("Scheme agreed (Done, Apr 2018)", &profile);
        assert_eq!(
            (p.status, p.date.as_deref()),
            (Some(Status::Complete), Some("Apr 2018"))
        );
        // Outside the pattern, profile words work where built-in ones do.
        let p = parse_with("Evaluation published – Slipping – Jan 2019", &profile);
        assert_eq!(
            (p.status, p.date.as_deref()),
            (Some(Status::Delayed), Some("Jan 2019"))
        );
        // Without the profile, neither is read.
        let p = parse("Scheme agreed (Done, Apr 2018)");
        assert_eq!(p.status, None);
    }
}
