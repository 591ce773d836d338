//! A milestone bullet's status word and timescale, read from its printed text:
//! "Report to the Board – Complete – October 2014" → status Complete, date "October 2014".

use regex::Regex;
use serde::{Deserialize, Serialize};
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
        Regex::new(r"(?i)(?:^|[\s–—-])(complete|completed|in[ -]progress|on[- ]?going|not started|overdue|delayed|on track)[\s–—-]*$")
            .unwrap_or_else(|_| unreachable!("the status pattern is a constant"))
    })
}

/// Read the status and the timescale from a milestone's text. The timescale is the date text
/// at the end ("October 2014", "By Sept 2015", "Throughout 2015-17", "May 2015; Nov 2015");
/// the status is a status word just before it (or at the end when no date is printed).
pub fn parse(text: &str) -> Parsed {
    let text = text.trim();
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
            p("reports on young people (annually throughout 2014-17): Young people in the Youth Justice System"),
            (None, Some("annually throughout 2014-17".into()))
        );
    }
}
