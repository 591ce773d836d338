//! Dates as board papers print them, read into checked values: a [`Day`] ("Tuesday 30th June
//! 2015" → 2015-06-30), a [`YearMonth`] ("Sept 2015" → 2015-09) and the [`Period`] a
//! milestone's timescale covers ("Throughout 2015-17" → 2015..2017). The text as printed
//! stays with the caller (a milestone keeps its `date` text beside its period, a plan its
//! `version_date`); these types are what can be read from it, and they print as ISO 8601.
//!
//! Three readers share one month table but not one rule, and each keeps its own, named by
//! a [`Rules`] constant:
//!
//! | reader | rules | a month word | a year |
//! |---|---|---|---|
//! | meeting dates ([`find_date`]) | [`Rules::MEETING`] | the whole word | 1900–2200 |
//! | version dates (`store::date`) | [`Rules::VERSION`] | the whole word | 1900–2199 |
//! | timescales ([`period`]) | [`Rules::TIMESCALE`] | its first three letters | any four digits |

use crate::pattern::prebuilt::{self, Anchored};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::ops::RangeInclusive;
use std::sync::OnceLock;

/// Month names and the abbreviations papers print, lower case, with the month number. The
/// three-letter entries (May's full name among them) are what [`MonthWords::FirstThree`]
/// compares with.
const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

/// A month name in a regular expression, case left to the pattern's flags: full names and
/// the abbreviations papers print, "Sept" and a full stop after it included.
pub const MONTH_PATTERN: &str = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?";

/// Weekday names, lower case: printed before a meeting date ("Tuesday 30 June 2015").
const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// The furthest (years) a period's second year may lie after its first: "2015-17" is
/// 2015..2017, but "2015/1990" or "2015-2099" are not periods (a reference, a typo).
const MAX_PERIOD_YEARS: i32 = 50;

/// How a word is taken for a month name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MonthWords {
    /// The whole word, less commas and full stops around it, is a name or an abbreviation
    /// ("JUNE", "Sept.", "jun,"); "Mayor" is not May.
    Whole,
    /// The word's first three letters are a month's ("Sepember" is September): for words a
    /// pattern ([`MONTH_PATTERN`]) has already taken for month names.
    FirstThree,
}

/// What one reader takes for a month and for a year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rules {
    /// How a month word is recognised.
    pub months: MonthWords,
    /// Which four-digit numbers are years.
    pub years: RangeInclusive<i32>,
}

impl Rules {
    /// Meeting dates in a report's header: whole month words; years 1900–2200, since
    /// anything else beside a month is a page or paragraph number, not a year.
    pub const MEETING: Rules = Rules {
        months: MonthWords::Whole,
        years: 1900..=2200,
    };

    /// Plan version dates, read into a sortable month for the store: whole month words;
    /// years 1900–2199 (one year fewer than [`Rules::MEETING`], as the store always had it).
    pub const VERSION: Rules = Rules {
        months: MonthWords::Whole,
        years: 1900..=2199,
    };

    /// Milestone timescales, whose month words a pattern has already found: first three
    /// letters; any four digits are a year.
    pub const TIMESCALE: Rules = Rules {
        months: MonthWords::FirstThree,
        years: 0..=9999,
    };

    /// The month a word names ("JUNE", "Sept.", "jun,").
    pub fn month(&self, word: &str) -> Option<u32> {
        let w = clean(word);
        let key = match self.months {
            MonthWords::Whole => w.as_str(),
            MonthWords::FirstThree => w.get(..3)?,
        };
        MONTHS
            .iter()
            .find(|(name, _)| *name == key)
            .map(|&(_, n)| n)
    }

    /// The year a word is: four ASCII digits, commas and full stops around them ignored,
    /// within [`Rules::years`].
    pub fn year(&self, word: &str) -> Option<i32> {
        let w = clean(word);
        if w.len() != 4 || !w.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        w.parse().ok().filter(|y| self.years.contains(y))
    }
}

/// A word less the commas and full stops around it, in lower case.
fn clean(word: &str) -> String {
    word.trim_matches(|c: char| c == ',' || c == '.')
        .to_lowercase()
}

/// A month of a year; the month is 1–12.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    year: i32,
    month: u32,
}

impl YearMonth {
    /// `None` unless `month` is 1–12.
    pub fn new(year: i32, month: u32) -> Option<YearMonth> {
        (1..=12)
            .contains(&month)
            .then_some(YearMonth { year, month })
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month, 1–12.
    pub fn month(self) -> u32 {
        self.month
    }
}

/// `2015-09`.
impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// A calendar day; the day exists in its month (29 February only in leap years).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day {
    month: YearMonth,
    day: u32,
}

impl Day {
    /// `None` unless the day exists: month 1–12, day 1 to the length of that month.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Day> {
        let month = YearMonth::new(year, month)?;
        (day >= 1 && day <= days_in_month(month)).then_some(Day { month, day })
    }

    /// Its month.
    pub fn year_month(self) -> YearMonth {
        self.month
    }

    /// The day of the month.
    pub fn day(self) -> u32 {
        self.day
    }
}

/// `2015-06-30`.
impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{:02}", self.month, self.day)
    }
}

fn days_in_month(m: YearMonth) -> u32 {
    let year = m.year;
    match m.month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A day of the month as printed: "30", "1st", "22nd,".
fn day_number(word: &str) -> Option<u32> {
    let w = clean(word);
    let digits = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|s| w.strip_suffix(s))
        .unwrap_or(&w);
    if digits.is_empty() || digits.len() > 2 || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

/// "30/06/2015", "30.06.2015" or "30-06-2015", day first (as printed in the UK).
fn numeric_date(word: &str) -> Option<Day> {
    let w = word.trim_end_matches([',', '.']);
    let sep = ['/', '.', '-'].into_iter().find(|s| w.contains(*s))?;
    let parts: Vec<&str> = w.split(sep).collect();
    let [d, m, y] = parts.as_slice() else {
        return None;
    };
    if !(1..=2).contains(&d.len()) || !(1..=2).contains(&m.len()) || y.len() != 4 {
        return None;
    }
    Day::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// A date found among words: where it starts and ends (word indices, end exclusive) and the
/// day when one is printed (a bare "June 2015" has none).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMatch {
    /// Index of its first word (a weekday included).
    pub start: usize,
    /// Index after its last word.
    pub end: usize,
    /// The day, when printed.
    pub day: Option<Day>,
}

/// Find the first date among `words` by [`Rules::MEETING`]: "30 JUNE 2015", "Tuesday 30th
/// June 2015", "June 30, 2015", "30/06/2015" (day first, as printed in the UK), or a bare
/// "June 2015".
pub fn find_date(words: &[&str]) -> Option<DateMatch> {
    let rules = Rules::MEETING;
    for i in 0..words.len() {
        let w = |k: usize| words.get(i + k).copied().unwrap_or("");
        let found = if let (Some(d), Some(m), Some(y)) =
            (day_number(w(0)), rules.month(w(1)), rules.year(w(2)))
        {
            Some((3, Day::new(y, m, d)))
        } else if let (Some(m), Some(d), Some(y)) =
            (rules.month(w(0)), day_number(w(1)), rules.year(w(2)))
        {
            Some((3, Day::new(y, m, d)))
        } else if let Some(day) = numeric_date(w(0)) {
            Some((1, Some(day)))
        } else if let (Some(_), Some(_)) = (rules.month(w(0)), rules.year(w(1))) {
            Some((2, None))
        } else {
            None
        };
        if let Some((len, day)) = found {
            // A weekday just before belongs to the date.
            let start = match i.checked_sub(1).and_then(|j| words.get(j)) {
                Some(prev) if WEEKDAYS.contains(&clean(prev).as_str()) => i - 1,
                _ => i,
            };
            return Some(DateMatch {
                start,
                end: i + len,
                day,
            });
        }
    }
    None
}

/// Read a whole text as one day: `Some` when it is a full date and nothing else.
pub fn parse_day(text: &str) -> Option<Day> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let m = find_date(&words)?;
    (m.start == 0 && m.end == words.len())
        .then_some(m.day)
        .flatten()
}

/// One end of a [`Period`]: a whole year (`2015`) or one month (`2015-09`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PeriodEnd {
    /// The whole year.
    Year(i32),
    /// One month.
    Month(YearMonth),
}

impl PeriodEnd {
    /// Sort key for where it starts: a whole year before its months.
    fn start_key(self) -> (i32, u32) {
        match self {
            PeriodEnd::Year(y) => (y, 0),
            PeriodEnd::Month(m) => (m.year, m.month),
        }
    }

    /// Sort key for where it ends: a whole year after its months.
    fn end_key(self) -> (i32, u32) {
        match self {
            PeriodEnd::Year(y) => (y, 13),
            PeriodEnd::Month(m) => (m.year, m.month),
        }
    }
}

/// `2015` or `2015-09`.
impl fmt::Display for PeriodEnd {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PeriodEnd::Year(y) => write!(f, "{y:04}"),
            PeriodEnd::Month(m) => write!(f, "{m}"),
        }
    }
}

impl std::str::FromStr for PeriodEnd {
    type Err = String;

    /// `2015` or `2015-09`, as [`PeriodEnd`] prints.
    fn from_str(s: &str) -> Result<PeriodEnd, String> {
        let digits = |t: &str, n: usize| t.len() == n && t.chars().all(|c| c.is_ascii_digit());
        let wrong = || format!("a period end is YYYY or YYYY-MM, not {s:?}");
        let (y, m) = match s.split_once('-') {
            Some((y, m)) if digits(y, 4) && digits(m, 2) => (y, Some(m)),
            None if digits(s, 4) => (s, None),
            _ => return Err(wrong()),
        };
        let year: i32 = y.parse().map_err(|_| wrong())?;
        match m {
            None => Ok(PeriodEnd::Year(year)),
            Some(m) => m
                .parse()
                .ok()
                .and_then(|m| YearMonth::new(year, m))
                .map(PeriodEnd::Month)
                .ok_or_else(wrong),
        }
    }
}

impl Serialize for PeriodEnd {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PeriodEnd {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d)?
            .parse()
            .map_err(serde::de::Error::custom)
    }
}

/// The span of time a timescale covers; `from` is missing for "by …"/"until …", `to` for
/// "from …".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    /// The first month or year.
    pub from: Option<PeriodEnd>,
    /// The last month or year.
    pub to: Option<PeriodEnd>,
}

fn period_re() -> &'static Anchored {
    // A committed DFA (see [`crate::pattern::prebuilt`]): `regex` took 0.5 ms to build this
    // pattern; regex-lite builds it in a tenth of that but matches a timescale in about 38 k
    // instructions (every start tries each month name), which on the 247-page plan's 2,000
    // timescales cost more than the build saved (callgrind).
    static RE: OnceLock<Anchored> = OnceLock::new();
    RE.get_or_init(|| Anchored::new(&prebuilt::PERIOD, period_pattern()))
}

/// A year printed in a timescale ([`period_pattern`]): the months before it, the year, the
/// second year after a dash or a slash.
struct Printed<'t> {
    months: Option<&'t str>,
    y: &'t str,
    y2: Option<&'t str>,
}

/// The years printed in lower-case `text`, in order ([`period_pattern`]), each with its
/// groups read from the match: the year is the match's first four figures (no month has a
/// figure); months open the match when it opens with a letter, up to the white space before
/// the year; a second year is the figures closing a match that goes on after the first.
fn printed_years(text: &str) -> impl Iterator<Item = Printed<'_>> {
    period_re().matches(text, |_, _| true).filter_map(move |m| {
        let matched = text.get(m)?;
        let at = matched.find(|c: char| c.is_ascii_digit())?;
        let y = matched.get(at..at + 4)?;
        let months = matched
            .starts_with(char::is_alphabetic)
            .then(|| matched.get(..at).map(str::trim_end))
            .flatten();
        let after = matched.get(at + 4..).unwrap_or_default();
        let y2 = (!after.is_empty())
            .then(|| after.get(after.trim_end_matches(|c: char| c.is_ascii_digit()).len()..))
            .flatten();
        Some(Printed { months, y, y2 })
    })
}

/// [`period`]'s pattern: a year (`y`), perhaps months before it (`months`), perhaps a second
/// year after a dash or slash (`y2`).
pub(crate) fn period_pattern() -> String {
    format!(
        r"(?P<months>{MONTH_PATTERN}(?:\s*/\s*{MONTH_PATTERN})*)?\s*(?-u:\b)(?P<y>[0-9]{{4}})(?:\s*[-/–]\s*(?P<y2>[0-9]{{2,4}})(?-u:\b))?"
    )
}

/// The second year of "2015-17" or "2014/2015": two digits stand for a year of the first
/// one's century; `None` unless it lies after `first`, by at most [`MAX_PERIOD_YEARS`].
fn second_year(first: i32, printed: &str) -> Option<i32> {
    let end = match (printed.len(), printed.parse::<i32>()) {
        (2, Ok(v)) => first - first % 100 + v,
        (4, Ok(v)) => v,
        _ => return None,
    };
    (end > first && end - first <= MAX_PERIOD_YEARS).then_some(end)
}

/// The period a timescale covers, by [`Rules::TIMESCALE`]: "Sept 2015" → 2015-09..2015-09,
/// "June/ July 2015" → 2015-06..2015-07, "Throughout 2015-17" → 2015..2017, "Feb 2015;
/// Sept 2015; Mar 2016" → 2015-02..2016-03, "By June 2015" → ..2015-06. `None` when no year
/// is printed.
pub fn period(date: &str) -> Option<Period> {
    let rules = Rules::TIMESCALE;
    // Every year and month printed, in text order.
    let mut points: Vec<PeriodEnd> = Vec::new();
    // The pattern is written in lower case; ASCII lower case keeps every byte offset.
    let lower = date.to_ascii_lowercase();
    for c in printed_years(&lower) {
        let Some(y) = rules.year(c.y) else {
            continue;
        };
        let before = points.len();
        if let Some(months) = c.months {
            points.extend(
                months
                    .split('/')
                    .filter_map(|w| rules.month(w.trim()))
                    .filter_map(|m| YearMonth::new(y, m))
                    .map(PeriodEnd::Month),
            );
        }
        if points.len() == before {
            points.push(PeriodEnd::Year(y));
        }
        if let Some(end) = c.y2.and_then(|m| second_year(y, m)) {
            points.push(PeriodEnd::Year(end));
        }
    }
    let first = points.iter().copied().min_by_key(|p| p.start_key())?;
    let last = points.iter().copied().max_by_key(|p| p.end_key())?;
    let lower = date.trim_start().to_lowercase();
    let open_start = lower.starts_with("by ") || lower.starts_with("until ");
    let open_end = lower.starts_with("from ");
    Some(Period {
        from: (!open_start).then_some(first),
        to: (!open_end).then_some(last),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printed_years_read_as_regex() {
        let full = regex::Regex::new(&period_pattern()).unwrap_or_else(|e| panic!("{e}"));
        for t in crate::pattern::prebuilt::tests::texts(6000, 10) {
            let want: Vec<_> = full
                .captures_iter(&t)
                .map(|c| {
                    let g = |n: &str| c.name(n).map(|m| m.as_str());
                    (g("months"), g("y"), g("y2"))
                })
                .collect();
            let got: Vec<_> = printed_years(&t)
                .map(|p| (p.months, Some(p.y), p.y2))
                .collect();
            assert_eq!(got, want, "{t:?}");
        }
    }

    fn iso(text: &str) -> Option<String> {
        parse_day(text).map(|d| d.to_string())
    }

    #[test]
    fn meeting_dates() {
        assert_eq!(iso("30 JUNE 2015").as_deref(), Some("2015-06-30"));
        assert_eq!(iso("Tuesday 30th June 2015").as_deref(), Some("2015-06-30"));
        assert_eq!(
            iso("Tuesday, 1st Sept. 2015").as_deref(),
            Some("2015-09-01")
        );
        assert_eq!(iso("June 30, 2015").as_deref(), Some("2015-06-30"));
        assert_eq!(iso("30/06/2015").as_deref(), Some("2015-06-30"));
        assert_eq!(iso("29 February 2016").as_deref(), Some("2016-02-29"));
        assert_eq!(iso("29 February 2015"), None);
        assert_eq!(iso("31 April 2015"), None);
        assert_eq!(iso("June 2015"), None);
        assert_eq!(iso("30 JUNE 2015 extra"), None);
        assert_eq!(iso(""), None);
        assert_eq!(iso("2015"), None);
        let words = ["BOARD", "30", "JUNE", "2015"];
        assert_eq!(
            find_date(&words),
            Some(DateMatch {
                start: 1,
                end: 4,
                day: Day::new(2015, 6, 30)
            })
        );
        let words = ["VERSION", "3", "–", "MARCH", "2015"];
        assert_eq!(
            find_date(&words),
            Some(DateMatch {
                start: 3,
                end: 5,
                day: None
            })
        );
        assert_eq!(
            find_date(&["Thursday", "3", "May", "2018"]).map(|m| m.start),
            Some(0)
        );
    }

    #[test]
    fn days_and_months_are_checked() {
        assert_eq!(YearMonth::new(2015, 13), None);
        assert_eq!(YearMonth::new(2015, 0), None);
        assert_eq!(
            YearMonth::new(2015, 9).map(|m| m.to_string()).as_deref(),
            Some("2015-09")
        );
        assert_eq!(Day::new(2000, 2, 29).map(|d| d.day()), Some(29));
        assert_eq!(Day::new(1900, 2, 29), None);
        assert_eq!(Day::new(2015, 6, 0), None);
        assert_eq!(
            Day::new(2015, 6, 5).map(|d| d.to_string()).as_deref(),
            Some("2015-06-05")
        );
    }

    /// Where the readers' rules differ.
    #[test]
    fn rules_differ_where_named() {
        assert_eq!(Rules::TIMESCALE.month("Sepember"), Some(9));
        assert_eq!(Rules::MEETING.month("Sepember"), None);
        assert_eq!(Rules::MEETING.month("Mayor"), None);
        assert_eq!(Rules::MEETING.month("Sept.,"), Some(9));
        assert_eq!(Rules::VERSION.month("JUN"), Some(6));
        assert_eq!(Rules::MEETING.year("2200"), Some(2200));
        assert_eq!(Rules::VERSION.year("2200"), None);
        assert_eq!(Rules::VERSION.year("1899"), None);
        assert_eq!(Rules::TIMESCALE.year("0815"), Some(815));
        assert_eq!(Rules::MEETING.year("2015."), Some(2015));
        assert_eq!(Rules::MEETING.year("+201"), None);
    }

    fn span(date: &str) -> (Option<String>, Option<String>) {
        let show = |e: Option<PeriodEnd>| e.map(|e| e.to_string());
        period(date)
            .map(|p| (show(p.from), show(p.to)))
            .unwrap_or((None, None))
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
        // A whole year starts before its months and ends after them.
        assert_eq!(span("2015; June 2015"), s("2015", "2015"));
        // A second year too far on, or before the first, is no end.
        assert_eq!(span("2015-2099"), s("2015", "2015"));
        assert_eq!(span("2015-14"), s("2015", "2015"));
    }

    #[test]
    fn period_ends_read_back_what_they_print() {
        for text in ["2015", "2015-09", "0815"] {
            let end: Result<PeriodEnd, _> = text.parse();
            assert_eq!(end.map(|e| e.to_string()).as_deref(), Ok(text));
        }
        for text in ["2015-13", "15", "2015-9", "June 2015", "+201", ""] {
            assert!(text.parse::<PeriodEnd>().is_err(), "{text:?}");
        }
        let p: Period = serde_json::from_str(r#"{"from": null, "to": "2015-06"}"#).unwrap();
        assert_eq!(p.to, YearMonth::new(2015, 6).map(PeriodEnd::Month));
        assert_eq!(
            serde_json::to_string(&p).unwrap(),
            r#"{"from":null,"to":"2015-06"}"#
        );
    }
}
