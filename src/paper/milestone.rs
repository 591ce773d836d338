//! A milestone bullet's status word and timescale, read from its printed text:
//! "Report to the Board – Complete – October 2014" → status Complete, date "October 2014".

use std::ops::Range;
use std::sync::OnceLock;

use super::profile::{self, Profile};
use super::status_word;
use super::vocab::Status;
use crate::dates::MONTH_PATTERN as MONTH;
use crate::pattern::prebuilt::{self, Anchored};

/// What the text of a milestone says besides its description.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsed {
    /// The status word, when one is printed.
    pub status: Option<Status>,
    /// The timescale printed at the end, without a trailing full stop.
    pub date: Option<String>,
    /// The status word as printed, when `status` was read from one.
    pub status_text: Option<String>,
}

/// Compile the milestone patterns now (see [`crate::paper::warm_up`]).
pub(crate) fn warm_up() {
    let _ = (
        date_re(),
        inner_date_re(),
        inner_date_groups(),
        leading_date_re(),
    );
}

fn date_re() -> &'static Anchored {
    // A committed DFA (see [`crate::pattern::prebuilt`]): `regex` took 0.75 ms to build this
    // pattern.
    static RE: OnceLock<Anchored> = OnceLock::new();
    RE.get_or_init(|| Anchored::new(&prebuilt::MILESTONE_DATE, date_pattern()))
}

/// The closing timescale of lower-case `text` ([`date_pattern`]) as byte ranges: the label
/// and the date (group 1), the date (group 2).
fn closing_date(text: &str) -> Option<(Range<usize>, Range<usize>)> {
    // The pattern ends with a figure, then white space and at most one full stop.
    let end = text.trim_end();
    let end = end.strip_suffix('.').unwrap_or(end).trim_end();
    if !end.ends_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    // A match opens the text or follows a space or a dash, which it takes in.
    let may_start = |t: &str, i: usize| {
        i == 0
            || t.get(i..)
                .is_some_and(|r| r.starts_with(|c: char| c.is_whitespace() || "–—-".contains(c)))
    };
    let m = date_re().find_at(text, 0, may_start)?;
    let matched = text.get(m.clone())?;
    // Group 1 opens the match, after the space or dash it took in (none at the start of the
    // text, where `^` is tried first and the group opens with a letter or a figure) …
    let first = matched.chars().next()?;
    let open = m.start
        + if first.is_alphanumeric() {
            0
        } else {
            first.len_utf8()
        };
    // … and ends with the last figure: after it come only white space and a full stop.
    let close = m.start + matched.rfind(|c: char| c.is_ascii_digit())? + 1;
    // Group 2 is group 1 without its label ("target", "due", "deadline", then white space
    // and perhaps a colon): no date or qualifier opens with one of those words.
    let group = text.get(open..close)?;
    let label = ["target", "due", "deadline"]
        .iter()
        .find_map(|w| group.strip_prefix(w))
        .map(|rest| {
            let rest = rest.trim_start();
            let rest = rest.strip_prefix(':').map_or(rest, str::trim_start);
            group.len() - rest.len()
        })
        .unwrap_or(0);
    Some((open..close, open + label..close))
}

/// A timescale closing the text: "… – Complete – October 2014", "… target 31 Dec 2025".
/// Group 1 holds the label and the date, group 2 the date.
pub(crate) fn date_pattern() -> String {
    let months = format!(r"{MONTH}(?:\s*/\s*{MONTH})*");
    // A day may open it ("31 Oct 2025"), and a date may be all figures ("31/10/2025").
    let day = r"(?:[0-9]{1,2}(?:st|nd|rd|th)?\s+)?";
    let one = format!(
        r"(?:(?:(?:{day}{months})|q[1-4])\s+)?[0-9]{{4}}(?:\s*[-/]\s*[0-9]{{2,4}})?|[0-9]{{1,2}}/[0-9]{{1,2}}/[0-9]{{4}}"
    );
    let one = format!("(?:{one})");
    let qualifier = r"(?:(?:quarterly\s*[–—-]\s*|monthly\s+|annually\s+|weekly\s+)?throughout\s+|by\s+|from\s+|until\s+|end\s+of\s+)?";
    // A label before the timescale is not part of it: "… – target 31 Dec 2025".
    let label = r"(?:(?:target|due|deadline)\s*:?\s+)?";
    format!(r"(?:^|[\s–—-])({label}({qualifier}{one}(?:\s*;\s*{one})*))\s*\.?\s*$")
}

/// A timescale printed mid-bullet after a dash or in brackets, before sub-lines: "… young
/// people (annually throughout 2014-17): Young people in …", or alone in brackets before a
/// status: "Template agreed (due Jul 2025) – Complete", or between dashes before one: "… –
/// Jun 2025 – Complete".
fn inner_date_re() -> &'static Anchored {
    // A committed DFA (see [`crate::pattern::prebuilt`]): `regex` took 0.6 ms to build this
    // pattern; regex-lite builds it faster but matches a long bullet slowly, and a long plan
    // asks it of hundreds of bullets. regex-lite reads the groups of the one match used.
    static RE: OnceLock<Anchored> = OnceLock::new();
    RE.get_or_init(|| Anchored::new(&prebuilt::MILESTONE_INNER_DATE, inner_date_pattern()))
}

/// [`inner_date_pattern`] in regex-lite, for the groups of a match.
fn inner_date_groups() -> &'static regex_lite::Regex {
    static RE: OnceLock<regex_lite::Regex> = OnceLock::new();
    RE.get_or_init(|| crate::pattern::compile(&inner_date_pattern()))
}

/// The last timescale inside lower-case `text` ([`inner_date_pattern`]): the byte range of
/// the first of its groups that took part.
fn inner_date(text: &str) -> Option<Range<usize>> {
    // A match opens with a space (before a dash) or a bracket.
    let may_start = |t: &str, i: usize| {
        t.get(i..)
            .is_some_and(|r| r.starts_with(|c: char| c.is_whitespace() || c == '('))
    };
    let last = inner_date_re().matches(text, may_start).last()?;
    let c = inner_date_groups().captures_at(text, last.start)?;
    c.get(1)
        .or_else(|| c.get(2))
        .or_else(|| c.get(3))
        .map(|m| m.range())
}

/// [`inner_date_re`]'s pattern: the timescale in group 1 (after a dash or a bracket), 2 (in
/// brackets) or 3 (between dashes).
pub(crate) fn inner_date_pattern() -> String {
    let one = format!(r"(?:{MONTH}(?:\s*/\s*{MONTH})*\s+)?[0-9]{{4}}(?:-[0-9]{{2,4}})?");
    let qualifier = r"(?:(?:monthly|annually|quarterly|weekly)\s+)?(?:throughout|by)\s+";
    // In brackets a timescale may stand alone or after "due"/"target": "(due Jul 2025)".
    let bracketed = format!(r"\((?:(?:due|target|by)\s*:?\s+)?((?:{MONTH}\s+)?[0-9]{{4}})\)");
    // Between two dashes a date needs no qualifier: "text – Jun 2025 – Complete".
    let between = format!(
        r"\s[–—-]\s*((?:[0-9]{{1,2}}\s+)?{MONTH}\s+[0-9]{{4}}|q[1-4]\s+[0-9]{{4}}(?:[-/][0-9]{{2,4}})?|[0-9]{{1,2}}/[0-9]{{1,2}}/[0-9]{{4}})\s*[–—-]\s"
    );
    format!(r"(?:(?:\s[–—-]\s*|\()({qualifier}{one})(?:[\s):]|$))|{bracketed}|{between}")
}

/// A timescale opening the text before a colon or a dash: "Q1 2025: Surveyor contract let",
/// "March 2025 – Report to cabinet", "31/03/2025: Policy adopted".
fn leading_date_re() -> &'static regex_lite::Regex {
    // regex-lite (see [`crate::pattern`]): anchored at the start, the pattern is tried at one
    // place only, and compiles in a fraction of the time.
    static RE: OnceLock<regex_lite::Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let one = format!(
            r"(?:q[1-4]\s+[0-9]{{4}}(?:[-/][0-9]{{2,4}})?|(?:[0-9]{{1,2}}\s+)?{MONTH}\s+[0-9]{{4}}|[0-9]{{1,2}}/[0-9]{{1,2}}/[0-9]{{2,4}})"
        );
        crate::pattern::compile(&format!(r"^(?:by\s+)?({one})\s*(?::|\s[–—-])\s*\S"))
    })
}

/// The timescale opening `text` before a colon or a dash, as printed ("Dec 2025: …").
pub(crate) fn leading_date(text: &str) -> Option<String> {
    let lower = text.to_ascii_lowercase();
    let m = leading_date_re().captures(&lower)?.get(1)?;
    text.get(m.range()).map(str::to_string)
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
    // A spaced middle dot or bar parts the entry as a dash does: "text · Jun 2025 · Complete".
    const PARTS: [&str; 3] = [" · ", " | ", " • "];
    let text = text.trim();
    let dashed;
    let text = if PARTS.iter().any(|p| text.contains(p)) {
        dashed = PARTS
            .iter()
            .fold(text.to_string(), |t, p| t.replace(p, " – "));
        dashed.as_str()
    } else {
        text
    };
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
            let status_text = status.and_then(|_| group("status"));
            return Parsed {
                status,
                date,
                status_text,
            };
        }
    }
    // A remark in brackets ending the entry ("… – Jan 2026 (revised from Nov 2025)") is not
    // its timescale: the date before it is.
    let text = without_remark(text);
    let Reading { parsed, date_at } = parse_default(text);
    if parsed.status.is_some() || profile.statuses.is_empty() {
        return parsed;
    }
    let rest = date_at.and_then(|i| text.get(..i)).unwrap_or(text);
    let status = profile_status(rest, profile);
    Parsed {
        status_text: status.and_then(|_| {
            let tail = rest.trim_end_matches([' ', '–', '—', '-', ',', '(']);
            let n = profile
                .statuses
                .iter()
                .find(|(w, s)| Some(*s) == status && profile::normalise(tail).ends_with(w.as_str()))
                .map_or(0, |(w, _)| w.chars().count());
            let start = tail
                .char_indices()
                .rev()
                .nth(n.saturating_sub(1))
                .map_or(0, |(i, _)| i);
            tail.get(start..).map(str::to_string)
        }),
        status,
        ..parsed
    }
}

/// `text` without an opening bracket left open at its end, alone or with the label of the
/// timescale after it ("Complete (", "In progress (due "): what stands before the bracket.
fn before_bracket(text: &str) -> &str {
    let Some(open) = text.rfind('(') else {
        return text;
    };
    let label = text
        .get(open + 1..)
        .unwrap_or_default()
        .trim()
        .trim_end_matches(':')
        .to_ascii_lowercase();
    if ["", "due", "target", "by"].contains(&label.as_str()) {
        text.get(..open).map_or(text, str::trim_end)
    } else {
        text
    }
}

/// `text` without a closing bracketed remark on an earlier date ("(revised from Nov 2025)",
/// "(was 31/12/2025)", "(originally March)").
fn without_remark(text: &str) -> &str {
    let Some(open) = text.rfind('(') else {
        return text;
    };
    let inner = text.get(open + 1..).unwrap_or_default().trim_end();
    let remark = inner.ends_with(')')
        && [
            "revised",
            "was ",
            "originally",
            "previously",
            "rescheduled",
            "moved from",
        ]
        .iter()
        .any(|w| inner.to_ascii_lowercase().starts_with(w));
    if remark {
        text.get(..open).map_or(text, str::trim_end)
    } else {
        text
    }
}

/// A status word of the profile's at the end of `rest` (dashes and spaces around it ignored).
fn profile_status(rest: &str, profile: &Profile) -> Option<Status> {
    let tail = profile::normalise(rest.trim_end_matches([' ', '–', '—', '-', ',', '(']));
    profile.statuses.iter().find_map(|(word, status)| {
        let before = tail.strip_suffix(word.as_str())?;
        (before.is_empty() || before.ends_with([' ', '–', '—', '-', '('])).then_some(*status)
    })
}

/// What the built-in rules read from a milestone, and where in its text the timescale starts.
struct Reading {
    parsed: Parsed,
    date_at: Option<usize>,
}

/// The built-in rules, in FORMAT.md's shapes: "text (Status, Date)"; a timescale at the end
/// (or mid-bullet) with a status word before it ("text – Status – Date"); a status word
/// opening the text ("Status: text – Date", "Status – text").
fn parse_default(text: &str) -> Reading {
    if let Some(b) = status_word::in_brackets(text) {
        // "May 2025 – Terms agreed (Complete)": with no date in the brackets, the timescale
        // is the one opening the text.
        let date = b
            .rest
            .map(|d| d.trim().trim_end_matches('.').trim().to_string())
            .filter(|d| !d.is_empty())
            .or_else(|| leading_date(text.get(..b.at).unwrap_or_default()));
        return Reading {
            parsed: Parsed {
                status: Status::parse(b.word),
                date,
                status_text: Some(b.word.trim().to_string()),
            },
            date_at: Some(b.at),
        };
    }
    // The patterns are written in lower case; ASCII lower case keeps every byte offset.
    let lower = text.to_ascii_lowercase();
    let printed = |m: Range<usize>| text.get(m).unwrap_or_default();
    let (date_at, date) = match closing_date(&lower) {
        // The text before the label (or the date) holds the status: "… – Complete – target …".
        Some((whole, m)) => (
            Some(whole.start),
            Some(printed(m).trim().trim_end_matches('.').trim().to_string()),
        ),
        None => match inner_date(&lower) {
            Some(m) => (Some(m.start), Some(printed(m).trim().to_string())),
            None => match leading_date_re().captures(&lower).and_then(|c| c.get(1)) {
                // A date first: the status, if any, ends the text.
                Some(m) => (
                    None,
                    Some(text.get(m.range()).unwrap_or_default().to_string()),
                ),
                None => (None, None),
            },
        },
    };
    // A timescale in brackets after the status ("Complete (Nov 2025)", "In progress (due
    // March 2026)"): the status ends the text before the bracket.
    let rest = match date_at {
        Some(i) => before_bracket(text.get(..i).unwrap_or(text)),
        None => text.trim_end_matches('.'),
    };
    // A timescale read mid-text may have the status after it: "… (due Jul 2025) – Complete".
    let word = status_word::at_end(rest)
        .or_else(|| status_word::at_start(text))
        .or_else(|| date_at.and_then(|_| status_word::at_end(text.trim_end_matches('.'))))
        .map(str::to_string);
    Reading {
        parsed: Parsed {
            status: word.as_deref().and_then(Status::parse),
            date,
            status_text: word,
        },
        date_at,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Texts for the timescale patterns: the generated ones, and each after a milestone's
    /// words ("report to the board – … ").
    fn timescale_texts() -> Vec<String> {
        let mut texts = crate::pattern::prebuilt::tests::texts(20000, 10);
        let before: Vec<String> = texts
            .iter()
            .map(|t| format!("report to the board – {t}"))
            .collect();
        texts.extend(before);
        texts
    }

    #[test]
    fn closing_date_reads_as_regex() {
        let full = regex::Regex::new(&date_pattern()).unwrap_or_else(|e| panic!("{e}"));
        for t in timescale_texts() {
            let want = full
                .captures(&t)
                .and_then(|c| Some((c.get(1)?.range(), c.get(2)?.range())));
            assert_eq!(closing_date(&t), want, "{t:?}");
        }
    }

    #[test]
    fn inner_date_reads_as_regex() {
        let full = regex::Regex::new(&inner_date_pattern()).unwrap_or_else(|e| panic!("{e}"));
        for t in timescale_texts() {
            let want = full
                .captures_iter(&t)
                .last()
                .and_then(|c| c.get(1).or_else(|| c.get(2)).or_else(|| c.get(3)))
                .map(|m| m.range());
            assert_eq!(inner_date(&t), want, "{t:?}");
        }
    }

    fn p(text: &str) -> (Option<&'static str>, Option<String>) {
        let r = parse(text);
        (r.status.map(Status::as_str), r.date)
    }

    #[test]
    fn a_date_first() {
        assert_eq!(
            p("Q1 2025: Surveyor contract let \u{2013} Complete"),
            (Some("Complete"), Some("Q1 2025".into()))
        );
        assert_eq!(
            p("March 2026 \u{2013} Report to cabinet"),
            (None, Some("March 2026".into()))
        );
        assert_eq!(
            p("Site agreed \u{2013} Q2 2025"),
            (None, Some("Q2 2025".into()))
        );
        assert_eq!(
            p("May 2025 \u{2013} Terms of reference agreed (Complete)"),
            (Some("Complete"), Some("May 2025".into()))
        );
        assert_eq!(
            p("Template agreed by the team (due Jul 2025) \u{2013} Complete"),
            (Some("Complete"), Some("Jul 2025".into()))
        );
        assert_eq!(
            p("Core sessions delivered (due Dec 2025)"),
            (None, Some("Dec 2025".into()))
        );
        // A year opening a sentence is no timescale.
        assert_eq!(p("2025 budget agreed"), (None, None));
    }

    #[test]
    fn a_labelled_date_with_its_day() {
        assert_eq!(
            p("Protocol drafted \u{2013} completed \u{2013} target 31 Oct 2025"),
            (Some("Complete"), Some("31 Oct 2025".into()))
        );
        assert_eq!(
            p("Launch the online form \u{2013} target 31 Dec 2025"),
            (None, Some("31 Dec 2025".into()))
        );
        assert_eq!(
            p("Policy adopted \u{2013} Complete \u{2013} 31/03/2026"),
            (Some("Complete"), Some("31/03/2026".into()))
        );
        assert_eq!(
            p("Q4 2025/26: Heat pumps installed [Done]"),
            (Some("Complete"), Some("Q4 2025/26".into()))
        );
    }

    #[test]
    fn a_status_with_its_date_in_brackets() {
        assert_eq!(
            p("Complete (Nov 2025)"),
            (Some("Complete"), Some("Nov 2025".into()))
        );
        assert_eq!(
            p("Policy adopted \u{2013} Completed (March 2026)"),
            (Some("Complete"), Some("March 2026".into()))
        );
        assert_eq!(
            p("Consultation report \u{2013} In progress (2026)"),
            (Some("In progress"), Some("2026".into()))
        );
        assert_eq!(
            p("Sign-off by the board \u{2013} In progress (due March 2026)"),
            (Some("In progress"), Some("March 2026".into()))
        );
        // The date in brackets without a status is still the timescale alone.
        assert_eq!(
            p("Core sessions delivered (Dec 2025)"),
            (None, Some("Dec 2025".into()))
        );
    }

    #[test]
    fn status_and_date() {
        assert_eq!(
            p("Co-located team in place – Jan 2026 (revised from Nov 2025)"),
            (None, Some("Jan 2026".into()))
        );
        assert_eq!(
            p("Install chargers at the depot · Nov 2025 · Complete"),
            (Some("Complete"), Some("Nov 2025".into()))
        );
        assert_eq!(
            p("Open the shop | May 2026 | Not started"),
            (Some("Not started"), Some("May 2026".into()))
        );
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
        // Without the profile, the built-in words and shapes read it too.
        let p = parse("Scheme agreed (Done, Apr 2018)");
        assert_eq!(
            (p.status, p.status_text.as_deref(), p.date.as_deref()),
            (Some(Status::Complete), Some("Done"), Some("Apr 2018"))
        );
        let p = parse("Scheme agreed (Sorted, Apr 2018)");
        assert_eq!(p.status, None);
        // The status word is looked for before the timescale that was read, not before a
        // later copy of its text.
        let p = parse_with(
            "Review – Slipping (by 2015): checked by 2015 plans",
            &profile,
        );
        assert_eq!(
            (p.status, p.date.as_deref()),
            (Some(Status::Delayed), Some("by 2015"))
        );
    }
}
