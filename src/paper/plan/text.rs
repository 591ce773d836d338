//! What the plan reader asks of a cell's text: whitespace collapsed, whether it is a date or
//! a reference, numeric, and where a paragraph's lines were broken by hand (a new entry) rather
//! than wrapped.

use std::sync::OnceLock;

use crate::dates::MONTH_PATTERN as MONTH;
use crate::geom::Rect;
use crate::pattern::prebuilt::{self, Anchored};
use crate::table::{Cell, CellLine, Paragraph};

/// Whitespace runs collapsed to one space, trimmed.
pub fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    if s.is_ascii() {
        // Byte by byte: the same words as `split_whitespace`, which decodes and classifies
        // every character (most cells are ASCII, and this is asked of every cell).
        let mut start = None;
        for (i, b) in s.bytes().enumerate() {
            match (is_ascii_white_space(b), start) {
                (true, Some(from)) => {
                    push_word(&mut out, s.get(from..i).unwrap_or_default());
                    start = None;
                }
                (false, None) => start = Some(i),
                _ => {}
            }
        }
        if let Some(from) = start {
            push_word(&mut out, s.get(from..).unwrap_or_default());
        }
        return out;
    }
    for word in s.split_whitespace() {
        push_word(&mut out, word);
    }
    out
}

/// `word` after the words already in `out`, a space between.
fn push_word(out: &mut String, word: &str) {
    if !out.is_empty() {
        out.push(' ');
    }
    out.push_str(word);
}

/// Whether ASCII byte `b` is white space as [`char::is_whitespace`] says: tab, line feed,
/// vertical tab, form feed, carriage return or space (`u8::is_ascii_whitespace` leaves out
/// the vertical tab).
fn is_ascii_white_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ')
}

/// Whether `s` collapsed (see [`collapse`]) is longer than `n` bytes, told without collapsing
/// it: every ASCII byte that is not white space stays. Long cells (a column of milestones) are
/// asked whether they are a date or a reference; collapsing them first cost more than the rest
/// of the question.
fn collapses_longer_than(s: &str, n: usize) -> bool {
    s.len() > n
        && s.bytes()
            .filter(|&b| b.is_ascii() && !char::from(b).is_whitespace())
            .count()
            > n
}

/// Compile the cell and line patterns now (see [`crate::paper::warm_up`]): each function
/// compiles its pattern before it looks at its text.
pub(super) fn warm_up() {
    let _ = (is_date(""), is_reference(""), list_label(""));
}

/// A cell that is a date or a timescale and nothing else: "March 2025", "31/03/2024",
/// "Q2 2025", "2025-26", "By May 2025", "Monthly", "Ongoing".
pub fn is_date(s: &str) -> bool {
    // A committed DFA (see [`crate::pattern::prebuilt`]): regex-lite built this pattern in
    // 0.15 ms and ran it a cell at a time (4 k instructions a cell).
    static RE: OnceLock<Anchored> = OnceLock::new();
    let re = RE.get_or_init(|| Anchored::new(&prebuilt::PLAN_DATE, date_cell_pattern()));
    // The longest text the pattern can match is about 105 bytes ("throughout 31st september.
    // – 31st september., 2025 and …"): longer cells are not dates, and are not matched.
    const LONGEST_DATE: usize = 128;
    if collapses_longer_than(s, LONGEST_DATE) {
        return false;
    }
    let s = collapse(s);
    // The pattern is written in lower case.
    let lower = s.to_ascii_lowercase();
    !s.is_empty() && s.len() <= LONGEST_DATE && may_be_date(&lower) && re.at_start(&lower).is_some()
}

/// [`is_date`]'s pattern, anchored at both ends. Its text is collapsed: its only white space
/// is single ASCII spaces.
pub(crate) fn date_cell_pattern() -> String {
    let day = r"(?:[0-9]{1,2}(?:st|nd|rd|th)?\s+)?";
    let month = format!(r"{day}{MONTH}(?:\s*[-/–]\s*{day}{MONTH})?\.?,?(?:\s+[0-9]{{2,4}})?");
    let numeric = r"[0-9]{1,2}[/.-][0-9]{1,2}[/.-][0-9]{2,4}";
    let year = r"(?:19|20)[0-9]{2}(?:\s*[-/–]\s*[0-9]{2,4})?";
    let quarter = r"(?:q[1-4]|quarter\s+[1-4])(?:\s+(?:19|20)?[0-9]{2}(?:\s*[-/]\s*[0-9]{2,4})?)?";
    let word = r"(?:monthly|quarterly|annually|weekly|ongoing|on-going|immediate(?:ly)?|tbc|tbd|continuous)";
    let qualifier =
        r"(?:(?:by|from|until|before|end\s+of|start\s+of|throughout|during|mid|early|late)\s+)?";
    format!(
        r"^{qualifier}(?:{numeric}|{quarter}|{month}|{year}|{word})(?:\s*(?:[-–—]|to|and|&|;)\s*(?:{numeric}|{quarter}|{month}|{year}))?\.?$"
    )
}

/// Whether lower-case `s` holds what every text [`is_date`] accepts holds: a figure (days,
/// numeric dates, years, quarters), a month's first three letters ([`MONTH`]), or one of the
/// timescale words of its pattern. Most cells hold none, and telling so costs a small part of
/// running the pattern.
fn may_be_date(s: &str) -> bool {
    let bytes = s.as_bytes();
    // One pass over the text, each place tried against the marks opening with its byte
    // (asking `contains` of each mark in turn searched the text 22 times).
    bytes.iter().any(u8::is_ascii_digit)
        || (0..bytes.len()).any(|i| opens_with_mark(bytes.get(i..).unwrap_or_default()))
}

/// Whether `rest` opens with one of [`may_be_date`]'s marks, told by its first byte.
fn opens_with_mark(rest: &[u8]) -> bool {
    let has = |mark: &str| rest.starts_with(mark.as_bytes());
    match rest.first() {
        Some(b'j') => has("jan") || has("jun") || has("jul"),
        Some(b'f') => has("feb"),
        Some(b'm') => has("mar") || has("may") || has("monthly"),
        Some(b'a') => has("apr") || has("aug") || has("annually"),
        Some(b's') => has("sep"),
        Some(b'o') => has("oct") || has("ongoing") || has("on-going"),
        Some(b'n') => has("nov"),
        Some(b'd') => has("dec"),
        Some(b'q') => has("quarterly"),
        Some(b'w') => has("weekly"),
        Some(b'i') => has("immediate"),
        Some(b't') => has("tbc") || has("tbd"),
        Some(b'c') => has("continuous"),
        _ => false,
    }
}

/// A printed reference: "1.1", "1a", "A3", "IA-23-04.1", "1.1.1", "7", "HW01", "3." — a short
/// token with a digit, or a single letter.
pub fn is_reference(s: &str) -> bool {
    // A committed DFA (see [`crate::pattern::prebuilt`]).
    static RE: OnceLock<Anchored> = OnceLock::new();
    let re = RE.get_or_init(|| Anchored::new(&prebuilt::PLAN_REFERENCE, REFERENCE.to_string()));
    const LONGEST_REFERENCE: usize = 16;
    if collapses_longer_than(s, LONGEST_REFERENCE) {
        return false;
    }
    let s = collapse(s);
    !s.is_empty() && s.len() <= LONGEST_REFERENCE && re.at_start(&s).is_some()
}

/// [`is_reference`]'s pattern: each of its forms anchored at both ends.
pub(crate) const REFERENCE: &str = r"^(?:[A-Za-z]{1,4}[-./ ]?)?[0-9]{1,4}(?:[-./][0-9A-Za-z]{1,4}){0,4}[a-z]?[.)]?$|^[A-Z]$|^\(?[a-z]\)$|^\([0-9]{1,3}\)$|^[ivx]{1,4}[.)]$|^\([ivx]{2,4}\)$";

/// A reference trimmed as FORMAT.md writes it: as printed, without a trailing full stop and
/// without the brackets of a list label ("3." is "3", "(a)" and "a)" are "a", "(i)" is "i").
pub fn reference(s: &str) -> String {
    let s = collapse(s);
    let s = s.trim_end_matches('.');
    let inner = match s.strip_suffix(')') {
        Some(open) if !open.contains(['(', ')']) => open,
        Some(open) => match open.strip_prefix('(') {
            Some(inner) if !inner.contains(['(', ')']) => inner,
            _ => s,
        },
        None => s,
    };
    let inner = inner.trim().trim_end_matches('.');
    if inner.is_empty() { s } else { inner }.to_string()
}

/// A cell of figures: amounts, counts, percentages ("£1,200", "12.5%", "(340)", "-").
pub fn is_numeric(s: &str) -> bool {
    // One pass, stopping at the first other character: white space and the signs of amounts
    // are passed over, and what is left must be figures with at least one digit.
    let mut digit = false;
    for c in s.chars() {
        if c.is_whitespace() || matches!(c, '£' | '$' | '€' | '%' | ',' | '(' | ')' | 'k' | 'm')
        {
            continue;
        }
        if !(c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | '–')) {
            return false;
        }
        digit |= c.is_ascii_digit();
    }
    digit
}

/// A line ending that carries on: a hyphen, a comma, or a word that cannot end an entry.
fn runs_on(line: &str) -> bool {
    let t = line.trim_end();
    t.ends_with(['-', ',', '/', '(', '–', ':', ';']) || ends_joining(t)
}

/// A line ending in a word that cannot end a name or a sentence ("Police and", "Head of"):
/// whatever the spacing or the width says, the next line carries it on.
fn ends_joining(line: &str) -> bool {
    const JOINING: &[&str] = &[
        "a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "the",
        "through", "to", "with", "within", "&",
    ];
    line.trim_end()
        .rsplit(' ')
        .next()
        .is_some_and(|w| JOINING.contains(&w.to_lowercase().as_str()))
}

/// The words printed in a box on a page, left to right: each one's text and box. Where the
/// reader can measure a word as printed rather than guess its width from its letters.
pub type Measure<'a> = &'a (dyn Fn(u32, Rect) -> Vec<(String, Rect)> + Sync);

/// The narrowest gap between words printed in `boxes` (points): a space as the page prints it.
fn narrowest_gap(words: &[(String, Rect)]) -> Option<f64> {
    words
        .windows(2)
        .filter_map(|w| match w {
            [(_, a), (_, b)] => Some(b.x0 - a.x1),
            _ => None,
        })
        .filter(|g| *g > 0.0)
        .min_by(f64::total_cmp)
}

/// The width `next`'s first word and a space before it take at the end of a line, measured
/// where the page prints the word as the line's text names it (the space: the narrowest gap
/// between words on `next` or `line`, else on the paragraph's other lines, `space`: a lead
/// printed one word a line, "Standards" / "Staff", has its spaces on "Head of"); `None` when
/// it cannot be measured.
fn measured_need(
    line: &CellLine,
    next: &CellLine,
    measure: Measure,
    space: &dyn Fn() -> Option<f64>,
) -> Option<f64> {
    let words = measure(next.page, next.bbox);
    let (text, first) = words.first()?;
    if text.trim() != next.text.split_whitespace().next()? {
        return None;
    }
    let space = narrowest_gap(&words)
        .or_else(|| narrowest_gap(&measure(line.page, line.bbox)))
        .or_else(space)?;
    Some(space + first.width())
}

/// How a line's next word is measured: the furthest the column's text goes (`reach`), the
/// words as printed (`measure`), the paragraph's narrowest space (`space`), and whether the
/// cell's edge is its own (`exact`: a ruled table).
struct Fit<'a> {
    reach: f64,
    measure: Measure<'a>,
    space: &'a dyn Fn() -> Option<f64>,
    exact: bool,
}

/// Whether the first word of `next` would have fitted at the end of `line` in a cell whose
/// text may reach `right` (points): if so, the line was broken by hand, not wrapped. Guessed
/// from the line's letters, with room for wide ones; or measured as printed, against the
/// furthest the column's text goes: a word that would have ended short of where other lines
/// of the column end surely fitted, however wide the cell's padding ("Highways" /
/// "Countryside Service", the second lead's first word fitting by half a point). In a ruled
/// cell the measured word is held to the cell's own text edge (`right`, its box less the
/// padding): a word that would have ended inside it fitted ("Brockhurst Hospitals NHS Trust"
/// / "Brockhurst Council Public Health", the longest lead of the column shorter still).
fn hand_broken(line: &CellLine, next: &CellLine, right: f64, fit: &Fit) -> bool {
    let chars = line.text.chars().count().max(1) as f64;
    let per_char = line.bbox.width() / chars;
    let first = next.text.split(' ').next().unwrap_or("");
    // Capitals and wide letters: a fifth wider than the line's average.
    let need = 1.2 * per_char * (first.chars().count() as f64 + 1.0);
    let edge = if fit.exact {
        right.max(fit.reach)
    } else {
        fit.reach
    };
    let opens = next
        .text
        .trim_start()
        .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || BULLETS.contains(&c));
    // The page's words are measured last, only when all else says broken by hand.
    line.page == next.page
        && opens
        && !runs_on(&line.text)
        && (line.bbox.x1 + need < right
            || measured_need(line, next, fit.measure, fit.space)
                .is_some_and(|n| line.bbox.x1 + n < edge))
}

/// What a cell's entries are: how its lines may be told apart beyond their spacing and width.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Indicators, evidence: by spacing and width only.
    Plain,
    /// Milestones: a line ending in a timescale ends one.
    Milestones,
    /// Leads: a line ending in a post's or a body's noun ends one.
    Leads,
}

/// Nouns that end the name of a post or a body: a lead line ending in one, followed by a line
/// opening with a capital, is a whole lead (lines of a spreadsheet cell broken by hand, where
/// the width says nothing). Words that also open a name ("Service", "Executive") are left out.
const POST_ENDS: &[&str] = &[
    "manager",
    "officer",
    "lead",
    "leader",
    "director",
    "coordinator",
    "co-ordinator",
    "engineer",
    "adviser",
    "advisor",
    "inspector",
    "chair",
    "consultant",
    "commissioner",
    "practitioner",
    "worker",
    "analyst",
    "specialist",
    "planner",
    "administrator",
    "secretary",
    "surveyor",
    "partner",
    "solicitor",
    "accountant",
    "auditor",
    "psychologist",
    "therapist",
    "nurse",
    "clinician",
    "doctor",
    "physician",
    "paediatrician",
    "pharmacist",
    "economist",
    "scientist",
    "technician",
    "librarian",
    "warden",
    "ranger",
    "navigator",
    "champion",
    "assessor",
    "supervisor",
    "investigator",
    "caseworker",
    "mentor",
    "architect",
    "ecologist",
    "archivist",
    // "Virtual School Head", "Deputy Head" / "Head Teacher": a "Head" ending a line before a
    // capital ends a post ("Head" / "of …" runs on in lower case).
    "head",
    "teacher",
    "headteacher",
];

/// Whether `w` (lower case) is a post's noun ([`POST_ENDS`]), or one's plural ("Psychologists").
fn post_noun(w: &str) -> bool {
    POST_ENDS.contains(&w)
        || w.strip_suffix('s')
            .is_some_and(|one| POST_ENDS.contains(&one))
}

/// Nouns that end a body's name (a team, a board, an organisation).
const BODY_ENDS: &[&str] = &[
    "team",
    "teams",
    "board",
    "group",
    "subgroup",
    "sub-group",
    "partnership",
    "panel",
    "committee",
    "forum",
];

/// Nouns that end an organisation's name, read only where the width says a line wrapped:
/// there a lead reading as a whole body before a line that reads as a whole post is two leads
/// only when the post opens with its own word ("Head of …").
const ORGANISATION_ENDS: &[&str] = &[
    "union",
    "trust",
    "council",
    "network",
    "college",
    "service",
    "services",
    "police",
    "authority",
    "agency",
    "association",
    "directorate",
    "alliance",
    "commission",
    "constabulary",
];

/// Whether `w` (lower case) is an organisation's noun ([`ORGANISATION_ENDS`]), or one's
/// plural ("Authorities", "Trusts").
pub(super) fn organisation_noun(w: &str) -> bool {
    ORGANISATION_ENDS.contains(&w)
        || w.strip_suffix("ies")
            .is_some_and(|one| ORGANISATION_ENDS.contains(&format!("{one}y").as_str()))
        || w.strip_suffix('s')
            .is_some_and(|one| ORGANISATION_ENDS.contains(&one))
}

/// The fewest words of a post that, after a body printed whole on its line, is a lead of its
/// own ("Leisure Contract Manager"); a shorter one ("Business Manager") is the body's post.
const LONG_POST_WORDS: usize = 3;

/// Words that open the name of a post: "Head of Parks", "Director of Place", "Deputy
/// Director …", "Assistant Director …".
pub(super) const POST_OPENS: &[&str] = &[
    "head",
    "director",
    "assistant",
    "deputy",
    "chief",
    "chair",
    "executive",
];

/// A line's last word, lower case, trailing punctuation and a bracketed word after it
/// ("Subgroup (PMQA)") left out.
fn last_word(s: &str) -> String {
    s.split_whitespace()
        .rev()
        .find(|w| !(w.starts_with('(') && w.ends_with(')')))
        .unwrap_or("")
        .trim_end_matches(['.', ';', ','])
        .to_lowercase()
}

/// A line's first word, lower case, trailing punctuation left out.
pub(super) fn first_word(s: &str) -> String {
    s.split_whitespace()
        .next()
        .unwrap_or("")
        .trim_end_matches(['.', ';', ','])
        .to_lowercase()
}

/// How the lead `cur` reads whole, if it does: it ends in a post's noun ("Deputy Director"),
/// or opens "Head of", "Director of", "Chair of" ("Head of Parks"; such a line may still be
/// wrapping: "Head of Housing" / "Standards …"), and does not run on (a joining word, a
/// possessive: "Head of Children's").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Whole {
    /// Ends in a post's noun.
    Post,
    /// Opens with a post's "Head of".
    HeadOf,
    /// Ends in a body's or an organisation's noun.
    Body,
}

fn whole(cur: &str) -> Option<Whole> {
    let last = last_word(cur);
    let mut words = cur.split_whitespace().map(str::to_lowercase);
    let head_of = matches!(
        (words.next().as_deref(), words.next().as_deref()),
        (Some("head" | "director" | "chair"), Some("of"))
    );
    if runs_on(cur) || last.ends_with("'s") || last.ends_with("’s") {
        None
    } else if post_noun(&last) {
        Some(Whole::Post)
    } else if head_of {
        Some(Whole::HeadOf)
    } else if BODY_ENDS.contains(&last.as_str()) || organisation_noun(&last) {
        Some(Whole::Body)
    } else {
        None
    }
}

/// What the lines `rest` open, read on across wrapped lines (`wrapped`: the next line's first
/// word would not have fitted) to the first line ending in a post's or a body's noun: a post
/// (`true`) or a body (`false`) of two words or more ("Countryside" / "Ranger Manager"), or a
/// post opening with its own word ("Head of …"). `None` when the lines open with no capital,
/// or end a lead before any such noun (a wrapped lead's last words: "Care" / "Trust …").
fn lead_follows(
    rest: &[CellLine],
    wrapped: &dyn Fn(&CellLine, &CellLine) -> bool,
) -> Option<(bool, usize)> {
    let first = rest.first()?;
    if !first.text.trim_start().starts_with(char::is_uppercase) {
        return None;
    }
    let mut run = String::new();
    for (k, l) in rest.iter().enumerate() {
        crate::table::join_line(&mut run, l.text.trim());
        let last = last_word(&l.text);
        let post = post_noun(&last);
        if post || BODY_ENDS.contains(&last.as_str()) || organisation_noun(&last) {
            let n = run.split_whitespace().count();
            return (n >= 2).then_some((post, n));
        }
        match rest.get(k + 1) {
            Some(n) if wrapped(l, n) => {}
            _ => break,
        }
    }
    let n = run.split_whitespace().count();
    (POST_OPENS.contains(&first_word(&first.text).as_str()) && n >= 2).then_some((true, n))
}

/// Whether a lead cell's line `line`, ending the lead `cur` so far, and the lines `rest` after
/// it are two leads, where the next first word would not have fitted on `line` (a wrap, by
/// the width): only when the form says so — `rest` opens a whole post or body and `cur` is a
/// whole post; or `cur` opens "Head of …" and `rest` is a whole post; or `cur` is a whole body
/// before a post opening with its own word ("… Partnership" / "Head of …"; "… Partnership" /
/// "Business Manager" is one post wrapped). With no cell edge to measure against (`exact`
/// false: an unruled table), a line ending in a post's noun before a capital ends a lead too.
fn wraps_into_lead(
    cur: &str,
    line: &CellLine,
    rest: &[CellLine],
    exact: bool,
    wrapped: &dyn Fn(&CellLine, &CellLine) -> bool,
) -> bool {
    let Some(next) = rest.first() else {
        return false;
    };
    let open = cur.matches('(').count() > cur.matches(')').count();
    // A row broken over a page goes on with the next line at the top of the next page: the
    // form reads there as on one page.
    if next.page < line.page || runs_on(&line.text) || open {
        return false;
    }
    let opens_post = POST_OPENS.contains(&first_word(&next.text).as_str());
    let by_form = match (whole(cur), lead_follows(rest, wrapped)) {
        (Some(Whole::Post), Some(_)) => true,
        (Some(Whole::HeadOf), Some((post, _))) => post,
        // A body printed whole on its line before a post of three words or more wrapped over
        // the lines after it ("Property Services" / "Leisure Contract" / "Manager"): a body's
        // name does not run on into a post that long.
        (Some(Whole::Body), Some((post, n))) => {
            opens_post || (post && n >= LONG_POST_WORDS && cur == line.text.trim())
        }
        _ => false,
    };
    by_form || (!exact && ends_post(line, next))
}

/// Whether `line` ends a lead: its last word is a post's or a body's noun (brackets after it
/// allowed: "Subgroup (PMQA)") and `next` opens with a capital, on a word that is no such noun
/// itself ("School Sport Partnership" / "Manager" is one post).
fn ends_post(line: &CellLine, next: &CellLine) -> bool {
    let first = first_word(&next.text);
    let last = last_word(&line.text);
    // A comma, or a bracket left open, carries the name on ("Officer (supported by …,").
    let open = line.text.matches('(').count() > line.text.matches(')').count();
    let noun = |w: &str| post_noun(w) || BODY_ENDS.contains(&w);
    line.page == next.page
        && !runs_on(&line.text)
        && !open
        && next.text.trim_start().starts_with(char::is_uppercase)
        && noun(&last)
        && !noun(&first)
}

/// Whether `next` opens with the word `line` ends with ("Chief Inspector, Licensing" /
/// "Licensing Authorities"), both capitalised: no name says a word twice over a line's end,
/// so the line ends a lead and the next starts another.
fn repeats_word(line: &CellLine, next: &CellLine) -> bool {
    let word = |w: &str| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string();
    let last = word(line.text.split_whitespace().next_back().unwrap_or(""));
    let first = word(next.text.split_whitespace().next().unwrap_or(""));
    !runs_on(&line.text)
        && first.chars().count() >= 2
        && first.starts_with(char::is_uppercase)
        && last == first
}

/// Whether `next` opens with a word the lead `cur` already says ("Brockhurst Community Health
/// Trust" / "Brockhurst Council Early Years", "NHS Brockhurst … Board" / "Brockhurst Council
/// …") while `cur` reads whole (it ends in a post's, a body's or an organisation's noun, or
/// opens "Head of"): no name says its own place or service word again after a wrap, so a
/// second body or post of the same place starts there, however the width falls.
fn echoes_lead(cur: &str, line: &CellLine, next: &CellLine) -> bool {
    let word = |w: &str| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string();
    let first = word(next.text.split_whitespace().next().unwrap_or(""));
    line.page == next.page
        && !runs_on(&line.text)
        && whole(cur).is_some()
        && first.chars().count() >= 3
        && first.starts_with(char::is_uppercase)
        && !ends_joining(&first)
        && cur.split_whitespace().any(|w| word(w) == first)
}

/// A lead printed "Name, Organisation": a comma inside it after a short name (at most five
/// words), with text after the comma.
fn named_lead(s: &str) -> bool {
    let s = s.trim().trim_end_matches(',');
    s.split_once(", ").is_some_and(|(name, org)| {
        let n = name.split_whitespace().count();
        (1..=5).contains(&n) && !org.trim().is_empty()
    })
}

/// Whether the lead `cur` (its lines so far, ending with `line`) is whole and `next` starts
/// another: both read "Name, Organisation", `next` opens with a capital, and `line` does not
/// run on (a trailing comma or "and"). The wrapped lines of one long lead have no comma of
/// their own before the organisation ("Head of Housing and Private" / "Sector Renewal, …").
fn starts_named_lead(cur: &str, line: &CellLine, next: &CellLine) -> bool {
    line.page == next.page
        && !runs_on(&line.text)
        && next.text.trim_start().starts_with(char::is_uppercase)
        && named_lead(cur)
        && named_lead(&next.text)
}

/// Whether `next` is printed further below `line` than `apart` line heights, top to top.
fn spaced(line: &CellLine, next: &CellLine, apart: f64) -> bool {
    let h = line.bbox.height();
    line.page == next.page && h > 0.0 && next.bbox.top - line.bbox.top > apart * h
}

/// A milestone line ending in a timescale after a dash, a middle dot or a bar ("… – Complete
/// – May 2024", "… · May 2024") with a capitalised line after it: the next milestone starts
/// there (FORMAT.md's "text – Status – Date" entries one per line; a status after the date is
/// [`ends_status`]'s).
fn ends_dated(line: &str, next: &str) -> bool {
    // regex-lite (see [`crate::pattern`]): the pattern is run only on the few lines that end
    // in a year ([`ends_in_year`]), so its slower matcher costs less than `regex`'s compile,
    // which a paper without such lines no longer pays at all.
    static RE: OnceLock<regex_lite::Regex> = OnceLock::new();
    let line = line.trim_end();
    // The next opens with a capital or a figure ("40 homes bought – …").
    next.trim_start()
        .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        && ends_in_year(line)
        && RE
            .get_or_init(|| crate::pattern::compile(&ends_dated_pattern()))
            // The pattern is written in lower case.
            .is_match(&line.to_ascii_lowercase())
}

/// [`ends_dated`]'s pattern, in lower case: a separator, perhaps a qualifier and a day, then a
/// month and a year of this century or the last at the end of the line.
fn ends_dated_pattern() -> String {
    format!(
        r"[–—:·|-]\s*(?:(?:by|from|until|end\s+of|target|due|deadline)\s+)?(?:[0-9]{{1,2}}\s+)?{MONTH}\s+(?:19|20)[0-9]{{2}}\.?$"
    )
}

/// Whether `line` ends as [`ends_dated`]'s pattern must: a year of this century or the last
/// ("1999", "2025"), perhaps with a full stop, after something else.
fn ends_in_year(line: &str) -> bool {
    let line = line.strip_suffix('.').unwrap_or(line);
    let Some(at) = line.len().checked_sub(4).filter(|&at| at > 0) else {
        return false;
    };
    line.get(at..).is_some_and(|year| {
        year.bytes().all(|b| b.is_ascii_digit())
            && (year.starts_with("19") || year.starts_with("20"))
    })
}

/// A milestone line ending in a status word set off from its text ("Contractor appointed ·
/// Aug 2025 · Complete", "… – On track") before a line opening with a capital or a figure:
/// the status closes that milestone, as a timescale does ([`ends_dated`]). A line ending in a
/// separator after the word ("… – Complete –") or a next line opening with a date ("June
/// 2014") runs on: the date is that milestone's.
fn ends_status(line: &str, next: &str) -> bool {
    let next = next.trim_start();
    let opens = next.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        && crate::dates::find_date(&next.split_whitespace().take(4).collect::<Vec<_>>())
            .is_none_or(|d| d.start != 0)
        // A line that is a timescale alone ("May/Nov 2014").
        && crate::paper::milestone::parse(next).date.as_deref() != Some(next.trim_end_matches('.'));
    // Middle dots and bars set a status off as dashes do.
    let line = line.trim().replace(['·', '|'], "–");
    let open_ended = line.ends_with(['–', '—', '-', ',', ':', ';']);
    opens
        && !open_ended
        && crate::paper::status_word::at_end(&line).is_some_and(|w| w.len() < line.len())
}

/// A milestone line opening with a timescale before a colon or a dash ("Dec 2025: Programme
/// agreed") after a line that does not run on: a new milestone starts there (FORMAT.md's
/// "date: text" entries one per line, broken by hand where the width says nothing).
fn opens_dated(line: &CellLine, next: &CellLine) -> bool {
    line.page == next.page
        && !runs_on(&line.text)
        && crate::paper::milestone::leading_date(next.text.trim_start()).is_some()
}

/// Bullet glyphs a line may open with.
const BULLETS: &[char] = &['•', '●', '▪', '■', '◦', '-', '–', '*', '·', '○'];

/// A bulleted paragraph's first line without its bullet glyph ("• Survey done" → "Survey
/// done"): the table stage takes the glyph off the paragraph's text, not off its lines.
pub fn unbulleted(line: &str) -> &str {
    let rest = line
        .trim_start()
        .trim_start_matches(|c: char| BULLETS.contains(&c) && c != '-' && c != '–')
        .trim_start();
    if rest.is_empty() {
        line.trim()
    } else {
        rest
    }
}

/// The entries of a paragraph: its lines grouped into runs broken by hand ("Carers Strategy
/// Lead" / "Primary Care Network Managers" in one paragraph), each run joined as the table
/// stage joins lines. `right` is the cell's text edge on each page, `reach` the furthest the
/// column's text goes and `measure` the words as printed; `exact` says `right` is the
/// cell's own edge (a ruled table), so that a next first word that would not have fitted
/// says the line wrapped.
/// Each entry comes with the line it starts on. In a milestone cell a line ending in a
/// timescale ends an entry too; in a lead cell, a line ending in the noun that ends a post or
/// a body's name ("… Manager", "… Subgroup") with a capital after it. Lines further apart
/// than `apart` line heights (top to top) are separate entries (paragraphs with a little
/// spacing between them).
pub fn entries<'p>(
    p: &'p Paragraph,
    right: &dyn Fn(u32) -> Option<f64>,
    (reach, measure): (f64, Measure),
    exact: bool,
    kind: Kind,
    apart: f64,
) -> Vec<(String, &'p CellLine)> {
    let dated = kind == Kind::Milestones;
    let narrowest = std::cell::OnceCell::new();
    let space = || {
        *narrowest.get_or_init(|| {
            p.lines
                .iter()
                .filter_map(|l| narrowest_gap(&measure(l.page, l.bbox)))
                .min_by(f64::total_cmp)
        })
    };
    let fit = Fit {
        reach,
        measure,
        space: &space,
        exact,
    };
    let mut out: Vec<(String, &CellLine)> = Vec::new();
    let mut cur = String::new();
    let mut start = p.lines.first();
    // After a line ending in a colon, the lines are that entry's list.
    let mut listing = false;
    for (i, l) in p.lines.iter().enumerate() {
        crate::table::join_line(&mut cur, l.text.trim());
        let next = p.lines.get(i + 1);
        // A label whose date is on the next line ("Draft plan:" / "December 2025") opens no list.
        let colon = l.text.trim_end().ends_with(':');
        let dated_next = colon
            && next.is_some_and(|n| {
                let words: Vec<&str> = n.text.split_whitespace().take(4).collect();
                crate::dates::find_date(&words).is_some_and(|d| d.start == 0)
            });
        listing |= colon && !dated_next;
        let split = match (next, right(l.page)) {
            (Some(next), Some(edge)) => !listing && hand_broken(l, next, edge, &fit),
            _ => false,
        } || (dated
            && !listing
            && next.is_some_and(|n| {
                ends_dated(&cur, &n.text) || ends_status(&cur, &n.text) || opens_dated(l, n)
            }))
            || (kind == Kind::Leads
                && next.is_some_and(|n| {
                    starts_named_lead(&cur, l, n)
                        || repeats_word(l, n)
                        || echoes_lead(&cur, l, n)
                        || wraps_into_lead(
                            &cur,
                            l,
                            p.lines.get(i + 1..).unwrap_or(&[]),
                            exact,
                            &|a, b| right(a.page).is_some_and(|e| !hand_broken(a, b, e, &fit)),
                        )
                }))
            || next.is_some_and(|n| spaced(l, n, apart))
            || next.is_some_and(|n| list_label(&n.text).is_some());
        // A lead broken by hand after a joining word ("Police and" / "Crime Commissioner")
        // is one lead.
        let split = split && !(kind == Kind::Leads && ends_joining(&l.text));
        if split {
            if let Some(s) = start {
                out.push((std::mem::take(&mut cur), s));
            }
            start = next;
        }
    }
    if let Some(s) = start.filter(|_| !cur.trim().is_empty()) {
        out.push((cur, s));
    }
    if kind == Kind::Leads {
        out = with_words_left_over(out);
    }
    if out.len() <= 1 {
        // One entry: the paragraph's own text (the table stage took its bullet off).
        let t = p.text.trim();
        let t = list_label(t).unwrap_or(t);
        return match p.lines.first() {
            Some(l) if !t.is_empty() => vec![(t.to_string(), l)],
            _ => Vec::new(),
        };
    }
    out.into_iter()
        .map(|(s, l)| {
            let t = s
                .trim()
                .trim_start_matches(|c: char| BULLETS.contains(&c) && c != '-')
                .trim();
            // A numbered list's label goes with the list, as a bullet does.
            let t = list_label(t).unwrap_or(t).to_string();
            (t, l)
        })
        .filter(|(s, _)| !s.is_empty())
        .collect()
}

/// Whether a lead entry is one word left over from the lead before it ("Head of Housing" /
/// "Needs"): a single word opening with a capital, not an acronym ("ICB") and not a post's or
/// a body's noun itself ("Chair", "Board"): no lead is one such word.
fn left_over(entry: &str) -> bool {
    let mut words = entry.split_whitespace();
    let (Some(word), None) = (words.next(), words.next()) else {
        return false;
    };
    let w = word.trim_end_matches(['.', ',', ';']);
    let lower = w.to_lowercase();
    w.starts_with(char::is_uppercase)
        && w.chars().skip(1).any(char::is_lowercase)
        && !post_noun(&lower)
        && !BODY_ENDS.contains(&lower.as_str())
        && !organisation_noun(&lower)
}

/// Lead entries with a word left over ([`left_over`]) joined to the lead before it, on the
/// same page, when that lead does not read whole by its last noun (a post's or a body's: a
/// word after "… Manager" is no part of it).
fn with_words_left_over(entries: Vec<(String, &CellLine)>) -> Vec<(String, &CellLine)> {
    let mut out: Vec<(String, &CellLine)> = Vec::with_capacity(entries.len());
    for (text, line) in entries {
        match out.last_mut() {
            Some((prev, start))
                if start.page == line.page
                    && left_over(&text)
                    && !matches!(whole(prev), Some(Whole::Post | Whole::Body)) =>
            {
                crate::table::join_line(prev, &text);
            }
            _ => out.push((text, line)),
        }
    }
    out
}

/// The right edge of a cell's text on a page: its box less the padding (at least the room
/// its text leaves on the left: cells are padded alike on both sides), or the furthest the
/// column's text reaches (`reach`), whichever is further (cells with no rules are boxed
/// tight around their text).
pub fn text_edge(c: &Cell, padding: f64, reach: f64) -> impl Fn(u32) -> Option<f64> + '_ {
    move |page| {
        let part = c.parts.iter().find(|p| p.page == page)?;
        let left = c
            .paragraphs
            .iter()
            .flat_map(|p| p.lines.iter())
            .filter(|l| l.page == page)
            .map(|l| l.bbox.x0 - part.bbox.x0)
            .fold(f64::INFINITY, f64::min);
        let pad = if left.is_finite() {
            padding.max(left)
        } else {
            padding
        };
        Some((part.bbox.x1 - pad).max(reach))
    }
}

/// Whether a lead's text ends in a post's or a body's noun (brackets after it allowed:
/// "Performance Lead (ICB)"); with `person`, a person's post only ("… Manager", not "… Board").
pub(super) fn is_post(s: &str, person: bool) -> bool {
    let w = last_word(s);
    post_noun(&w) || !person && BODY_ENDS.contains(&w.as_str())
}

/// Split each lead entry listing posts with commas ("Independent Chair, Board Manager") into
/// one lead per post: a semicolon always splits; a comma splits where the text before it ends in a post's or a body's
/// noun or opens "Head of …" ("Head of SEND, Designated Clinical Officer"), the part after it
/// ends in a person's post, and both are two words or more. A part that
/// does not stays with the post before it ("Head of HR, People Directorate"; "Jo Smith, Kent
/// Police"; "Chair, Health and Wellbeing Board"; "Team Managers, Locality Teams").
pub fn split_posts(leads: Vec<String>) -> Vec<String> {
    let words = |s: &str| s.split_whitespace().count() >= 2;
    // A semicolon lists: each part is a lead ("Trading Standards Manager; Age Concern").
    let leads = leads.into_iter().flat_map(|lead| {
        if lead.contains("; ") {
            lead.split("; ")
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .map(str::to_string)
                .collect()
        } else {
            vec![lead]
        }
    });
    // Posts parted by a spaced slash ("Head of Digital / Head of Customer Services") are one
    // lead each when every part is a post of two words or more.
    let slashed = leads.into_iter().flat_map(|lead| {
        let parts: Vec<&str> = lead.split(" / ").map(str::trim).collect();
        let post = |p: &str| is_post(p, false) || POST_OPENS.contains(&first_word(p).as_str());
        if parts.len() > 1 && parts.iter().all(|p| post(p) && words(p)) {
            parts.into_iter().map(str::to_string).collect()
        } else {
            vec![lead]
        }
    });
    let mut out = Vec::new();
    for lead in slashed {
        let parts: Vec<&str> = lead.split(", ").collect();
        let mut cur = String::new();
        for (i, part) in parts.iter().enumerate() {
            if !cur.is_empty() {
                cur.push_str(", ");
            }
            cur.push_str(part);
            let next = parts.get(i + 1);
            if (is_post(&cur, false) || whole(&cur) == Some(Whole::HeadOf))
                && words(&cur)
                && next.is_some_and(|n| is_post(n, true) && words(n))
                || next.is_some_and(|n| organisations(&cur, n))
            {
                out.push(std::mem::take(&mut cur));
            }
        }
        if !cur.is_empty() {
            out.push(cur);
        }
    }
    out
}

/// Whether a comma parts two organisations ("Police, NHS Brackenshaw"; "Fire and Rescue
/// Service, Probation"): the part before names an organisation or a body (it ends in one's noun,
/// or is an acronym: "ICB") and is no post ("Head of HR, People Directorate"), and the part after
/// names one too. A person's name before the comma ("Jo Smith, Kent Police") or a post ("Chair,
/// Health and Wellbeing Board") is one lead, qualified by what follows.
fn organisations(before: &str, after: &str) -> bool {
    let acronym = |w: &str| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        // Three letters at least: a rank before a name is two ("DI Sam Patel").
        w.len() >= 3 && w.chars().all(|c| c.is_ascii_uppercase())
    };
    let organisation = |s: &str| {
        let last = last_word(s);
        organisation_noun(&last)
            || BODY_ENDS.contains(&last.as_str())
            || s.split_whitespace().next().is_some_and(acronym)
    };
    let opened_by_post =
        |s: &str| POST_OPENS.contains(&first_word(s).as_str()) || s.contains(" of ");
    organisation(before)
        && !is_post(before, true)
        && !opened_by_post(before)
        && organisation(after)
        && !opened_by_post(after)
}

/// The text after a list label opening a line ("1. ", "2) ", "a) ", "(b) ", "(iv) ", "ii. "):
/// Word and browsers print a numbered list's labels as text.
pub fn list_label(line: &str) -> Option<&str> {
    // A committed DFA (see [`crate::pattern::prebuilt`]).
    static RE: OnceLock<Anchored> = OnceLock::new();
    let re = RE.get_or_init(|| Anchored::new(&prebuilt::LIST_LABEL, LIST_LABEL.to_string()));
    let end = re.at_start(line)?;
    // The match ends on the first character of the item's text.
    line.get(end.saturating_sub(1)..).or(line.get(end..))
}

/// [`list_label`]'s pattern, anchored at the start: a label, white space, the item's first
/// character.
pub(crate) const LIST_LABEL: &str = r"^\s*(?:[0-9]{1,2}[.)]|[a-z]\)|\([a-z0-9]{1,2}\)|\((?:i|ii|iii|iv|v|vi|vii|viii|ix|x)\)|(?:i|ii|iii|iv|v|vi|vii|viii|ix|x)[.)])\s+\S";

/// A paragraph as a lead-in and its list: each line opening with a list label ("a) …") starts
/// an item, its label dropped; the parts joined by newlines. A paragraph with no labelled line
/// is its own text.
pub fn listed(p: &Paragraph) -> String {
    if !p.lines.iter().any(|l| list_label(&l.text).is_some()) {
        return p.text.trim().to_string();
    }
    let mut parts: Vec<String> = Vec::new();
    for l in &p.lines {
        let t = l.text.trim();
        match list_label(t) {
            Some(rest) => parts.push(rest.to_string()),
            None => match parts.last_mut() {
                Some(last) => crate::table::join_line(last, t),
                None => parts.push(t.to_string()),
            },
        }
    }
    parts.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn is_date_reads_as_before() {
        // Before, regex-lite (whose `\s` is ASCII white space) ran the pattern on the collapsed
        // text; the committed DFA reads `\s` as Unicode white space, which collapsing leaves
        // none of.
        let lite = regex_lite::Regex::new(&date_cell_pattern()).unwrap_or_else(|e| panic!("{e}"));
        let before = |s: &str| {
            let s = collapse(s);
            let lower = s.to_ascii_lowercase();
            !s.is_empty() && s.len() <= 128 && may_be_date(&lower) && lite.is_match(&lower)
        };
        let texts = crate::pattern::prebuilt::tests::texts(20000, 6);
        let dates = texts.iter().filter(|t| is_date(t)).count();
        assert!(dates > 500, "{dates} dates among the texts");
        for t in texts {
            assert_eq!(is_date(&t), before(&t), "{t:?}");
        }
    }

    /// The leads of a ruled cell whose text reaches 100 pt, no word measured as printed.
    fn ruled_leads(p: &Paragraph) -> Vec<String> {
        entries(
            p,
            &|_| Some(100.0),
            (f64::NEG_INFINITY, &|_, _| Vec::new()),
            true,
            Kind::Leads,
            f64::INFINITY,
        )
        .into_iter()
        .map(|(t, _)| t)
        .collect()
    }

    /// A paragraph of lines 10 pt high at these tops, each reaching `x1`, on page 1.
    fn para(lines: &[(&str, f64, f64)]) -> Paragraph {
        let lines: Vec<CellLine> = lines
            .iter()
            .map(|(t, top, x1)| CellLine {
                text: t.to_string(),
                bbox: crate::geom::Rect {
                    x0: 0.0,
                    top: *top,
                    x1: *x1,
                    bottom: top + 10.0,
                },
                page: 1,
                bold: false,
            })
            .collect();
        let mut text = String::new();
        for l in &lines {
            crate::table::join_line(&mut text, &l.text);
        }
        Paragraph {
            text,
            bullet: false,
            fill: None,
            lines,
        }
    }

    fn texts(p: &Paragraph, kind: Kind, apart: f64) -> Vec<String> {
        texts_within(p, 100.0, kind, apart)
    }

    /// The entries of an unruled cell whose column's text reaches `right`.
    fn texts_within(p: &Paragraph, right: f64, kind: Kind, apart: f64) -> Vec<String> {
        entries(
            p,
            &|_| Some(right),
            (f64::NEG_INFINITY, &|_, _| Vec::new()),
            false,
            kind,
            apart,
        )
        .into_iter()
        .map(|(t, _)| t)
        .collect()
    }

    #[test]
    fn milestones_ending_in_a_date_then_a_status() {
        // "text · Mon YYYY · Status", one a line, each filling the cell: the status after the
        // date ends a milestone; a status wrapped onto the next line ("Not" / "started") does
        // not open one.
        let p = para(&[
            ("Quay wall survey done · Mar 2025 · Complete", 0.0, 97.0),
            ("Pontoon repairs tendered · Oct 2025 · Not", 12.0, 98.0),
            ("started", 24.0, 30.0),
            ("Harbour office reopened · Jun 2026 · On track", 36.0, 96.0),
        ]);
        assert_eq!(
            texts(&p, Kind::Milestones, f64::INFINITY),
            [
                "Quay wall survey done · Mar 2025 · Complete",
                "Pontoon repairs tendered · Oct 2025 · Not started",
                "Harbour office reopened · Jun 2026 · On track"
            ]
        );
    }

    #[test]
    fn milestones_opening_with_a_timescale() {
        // Lines filling the cell: only the date opening the next line says where one starts.
        let p = para(&[
            ("Sep 2025: Summer programme evaluated – Achieved", 0.0, 97.0),
            ("Dec 2025: Programme agreed with traders", 12.0, 96.0),
            ("before the spring and", 24.0, 96.0),
            ("March 2026: reviewed", 36.0, 60.0),
        ]);
        assert_eq!(
            texts(&p, Kind::Milestones, f64::INFINITY),
            [
                "Sep 2025: Summer programme evaluated – Achieved",
                "Dec 2025: Programme agreed with traders before the spring and March 2026: reviewed"
            ]
        );
        // Elsewhere a date opening a line is text.
        assert_eq!(texts(&p, Kind::Plain, f64::INFINITY).len(), 1);
    }

    #[test]
    fn milestones_ending_in_a_status_word() {
        // Lines filling the cell: a status set off at a line's end closes its milestone.
        let p = para(&[
            ("Contractor appointed · Aug 2025 · Complete", 0.0, 97.0),
            ("Paving works finished · Feb 2026 ·", 12.0, 96.0),
            ("Delayed", 24.0, 30.0),
            ("Lighting installed – Not started", 36.0, 96.0),
        ]);
        assert_eq!(
            texts(&p, Kind::Milestones, f64::INFINITY),
            [
                "Contractor appointed · Aug 2025 · Complete",
                "Paving works finished · Feb 2026 · Delayed",
                "Lighting installed – Not started"
            ]
        );
        // A status before a dash or before the line holding its date runs on.
        let p = para(&[
            ("Dataset developed – Complete –", 0.0, 97.0),
            ("June 2014", 12.0, 40.0),
            ("Reports agreed – Complete", 24.0, 97.0),
            ("February 2015", 36.0, 50.0),
            ("Young people consulted – Complete", 48.0, 97.0),
            ("May/Nov 2014", 60.0, 50.0),
        ]);
        assert_eq!(texts(&p, Kind::Milestones, f64::INFINITY).len(), 3);
        // A status word that is the sentence's own ends nothing.
        let p = para(&[
            ("Survey of all depot sites complete", 0.0, 97.0),
            ("Works ordered", 12.0, 50.0),
        ]);
        assert_eq!(texts(&p, Kind::Milestones, f64::INFINITY).len(), 1);
    }

    #[test]
    fn entries_by_spacing_and_by_the_post_a_line_ends() {
        // Lines filling the cell: the width says nothing.
        let spaced = para(&[
            ("Community Safety", 0.0, 95.0),
            ("Manager", 12.0, 40.0),
            ("Neighbourhood Policing", 26.0, 98.0),
            ("Inspector", 38.0, 45.0),
        ]);
        // Wrapped lines are 1.2 line heights apart; 1.4 is a paragraph with spacing.
        assert_eq!(
            texts(&spaced, Kind::Plain, 1.3),
            [
                "Community Safety Manager",
                "Neighbourhood Policing Inspector"
            ]
        );
        assert_eq!(texts(&spaced, Kind::Plain, f64::INFINITY).len(), 1);
        let even = para(&[
            ("Housing Strategy Manager", 0.0, 96.0),
            ("Commissioning Officer", 12.0, 90.0),
            ("Head of Children's", 24.0, 97.0),
            ("Services", 36.0, 40.0),
            ("School Sport Partnership", 48.0, 98.0),
            ("Manager", 60.0, 40.0),
        ]);
        assert_eq!(
            texts(&even, Kind::Leads, f64::INFINITY),
            [
                "Housing Strategy Manager",
                "Commissioning Officer",
                "Head of Children's Services",
                "School Sport Partnership Manager"
            ]
        );
        // A bracket left open or a comma carries the name on.
        let open = para(&[
            ("Development Officer (with the Support Officer,", 0.0, 98.0),
            ("Lay Members and young people)", 12.0, 97.0),
        ]);
        assert_eq!(texts(&open, Kind::Leads, f64::INFINITY).len(), 1);
        // Not in an indicator cell: there the noun says nothing (the width still does).
        assert_eq!(
            texts(&even, Kind::Plain, f64::INFINITY),
            [
                "Housing Strategy Manager Commissioning Officer Head of Children's Services",
                "School Sport Partnership Manager"
            ]
        );
    }

    #[test]
    fn posts_listed_with_commas_are_leads_each() {
        let v = |s: &[&str]| s.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(
            split_posts(v(&[
                "Head of Digital / Head of Customer Services",
                "Planning / Building Control"
            ])),
            v(&[
                "Head of Digital",
                "Head of Customer Services",
                "Planning / Building Control"
            ])
        );
        assert_eq!(
            split_posts(v(&[
                "Independent Chair, Board Manager",
                "Head of HR, People Directorate"
            ])),
            v(&[
                "Independent Chair",
                "Board Manager",
                "Head of HR, People Directorate"
            ])
        );
        assert_eq!(
            split_posts(v(&["Performance Lead (ICB), Performance Manager (Council), Inspector, Public Protection"])),
            v(&["Performance Lead (ICB)", "Performance Manager (Council), Inspector, Public Protection"])
        );
        assert_eq!(
            split_posts(v(&[
                "Chair, Health and Wellbeing Board",
                "Jo Smith, Kent Police",
                "Team Managers, Locality Teams",
                "Designated Clinical Officer, Northby Integrated Care Board"
            ])),
            v(&[
                "Chair, Health and Wellbeing Board",
                "Jo Smith, Kent Police",
                "Team Managers, Locality Teams",
                "Designated Clinical Officer, Northby Integrated Care Board"
            ])
        );
        assert_eq!(
            split_posts(v(&[
                "Police, NHS Brackenshaw",
                "ICB, Fire and Rescue Service, Probation Service",
                "Youth Offending Team, Team Manager",
                "Northby Council, Head of Planning",
                "DI Sam Patel, Sussex Police"
            ])),
            v(&[
                "Police",
                "NHS Brackenshaw",
                "ICB",
                "Fire and Rescue Service",
                "Probation Service",
                "Youth Offending Team",
                "Team Manager",
                "Northby Council, Head of Planning",
                "DI Sam Patel, Sussex Police"
            ])
        );
    }

    #[test]
    fn a_head_of_before_a_post_after_a_comma_is_two_leads() {
        let v = |s: &[&str]| s.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(
            split_posts(v(&[
                "Head of Inclusion, Specialist Teaching Coordinator",
                "Director of Place, Regeneration Board"
            ])),
            v(&[
                "Head of Inclusion",
                "Specialist Teaching Coordinator",
                "Director of Place, Regeneration Board"
            ])
        );
    }

    #[test]
    fn a_semicolon_lists_leads() {
        let v = |s: &[&str]| s.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(
            split_posts(v(&["Housing Options Manager; Citizens Advice Ellford"])),
            v(&["Housing Options Manager", "Citizens Advice Ellford"])
        );
    }

    #[test]
    fn a_word_said_twice_over_a_line_end_ends_a_lead() {
        // Ruled, the next first word would not have fitted: a wrap by the width, yet the
        // word the line ends with opens the next line, which no one name prints.
        let lines = para(&[
            ("Station Manager, Prevention", 0.0, 96.0),
            ("Prevention Partners", 12.0, 80.0),
        ]);
        let got = ruled_leads(&lines);
        assert_eq!(got, ["Station Manager, Prevention", "Prevention Partners"]);
        // A team after the post wrapping on into its organisation's name stays one lead.
        let lines = para(&[
            ("Fleet Manager, Ashby Vale", 0.0, 96.0),
            ("District Council", 12.0, 70.0),
        ]);
        assert_eq!(ruled_leads(&lines).len(), 1);
    }

    #[test]
    fn a_next_word_measured_as_printed_fits_short_of_the_column_reach() {
        // An unruled lead column whose text reaches 100 pt. "Countryside" (53 pt, a 3 pt space
        // before it) would have ended at 99 after "Highways": broken by hand, two leads. The
        // guess from the letters (a fifth wider) says it wrapped.
        let p = para(&[("Highways", 0.0, 43.0), ("Countryside Service", 12.0, 94.0)]);
        let word = |t: &str, x0: f64, x1: f64, top: f64| {
            let bbox = Rect {
                x0,
                top,
                x1,
                bottom: top + 10.0,
            };
            (t.to_string(), bbox)
        };
        let printed = |_: u32, b: Rect| -> Vec<(String, Rect)> {
            if b.top < 6.0 {
                vec![word("Highways", 0.0, 43.0, 0.0)]
            } else {
                vec![
                    word("Countryside", 0.0, 53.0, 12.0),
                    word("Service", 56.0, 94.0, 12.0),
                ]
            }
        };
        let read = |p: &Paragraph, measure: Measure| -> Vec<String> {
            entries(
                p,
                &|_| Some(100.0),
                (100.0, measure),
                false,
                Kind::Leads,
                f64::INFINITY,
            )
            .into_iter()
            .map(|(t, _)| t)
            .collect()
        };
        assert_eq!(read(&p, &printed), ["Highways", "Countryside Service"]);
        assert_eq!(
            read(&p, &|_, _| Vec::new()),
            ["Highways Countryside Service"]
        );
        // "Development" (59 pt) would have ended at 106: the line wrapped, one lead.
        let p = para(&[("Economic", 0.0, 44.0), ("Development", 12.0, 59.0)]);
        let printed = |_: u32, b: Rect| -> Vec<(String, Rect)> {
            if b.top < 6.0 {
                vec![word("Economic", 0.0, 44.0, 0.0)]
            } else {
                vec![word("Development", 0.0, 59.0, 12.0)]
            }
        };
        assert_eq!(read(&p, &printed), ["Economic Development"]);
    }

    /// Words printed one per gap of `space` points, each `per` points a letter wide, on the
    /// lines of `p` (a page as `measure` sees it).
    fn printed_words(
        p: &Paragraph,
        per: f64,
        space: f64,
    ) -> impl Fn(u32, Rect) -> Vec<(String, Rect)> {
        let lines: Vec<(f64, String)> = p
            .lines
            .iter()
            .map(|l| (l.bbox.top, l.text.clone()))
            .collect();
        move |_, b: Rect| {
            let Some((top, text)) = lines.iter().find(|(t, _)| (t - b.top).abs() < 1.0) else {
                return Vec::new();
            };
            let mut x = 0.0;
            text.split_whitespace()
                .map(|w| {
                    let x1 = x + per * w.chars().count() as f64;
                    let r = Rect {
                        x0: x,
                        top: *top,
                        x1,
                        bottom: top + 10.0,
                    };
                    x = x1 + space;
                    (w.to_string(), r)
                })
                .collect()
        }
    }

    #[test]
    fn a_lead_printed_a_word_a_line_measures_its_space_on_the_other_lines() {
        // A narrow ruled lead column (text edge 80 pt, the column's text reaching 75): two
        // posts, each wrapped a word a line. "Staff" (25 pt) after "Standards" (45 pt) would
        // have ended at 73 with the 3 pt space printed in "Head of": broken by hand. No line
        // around it has a space of its own.
        let lines = [
            "Head of",
            "Professional",
            "Standards",
            "Staff",
            "Associations",
            "Coordinator",
        ];
        let rows: Vec<(&str, f64, f64)> = lines
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let x1 = if *t == "Head of" {
                    38.0
                } else {
                    5.0 * t.chars().count() as f64
                };
                (*t, 12.0 * i as f64, x1)
            })
            .collect();
        let p = para(&rows);
        let printed = printed_words(&p, 5.0, 3.0);
        let got: Vec<String> = entries(
            &p,
            &|_| Some(80.0),
            (75.0, &printed),
            true,
            Kind::Leads,
            f64::INFINITY,
        )
        .into_iter()
        .map(|(t, _)| t)
        .collect();
        assert_eq!(
            got,
            [
                "Head of Professional Standards",
                "Staff Associations Coordinator"
            ]
        );
    }

    #[test]
    fn a_ruled_cell_holds_a_measured_word_to_its_own_edge() {
        // A ruled cell whose text may reach 100 pt, the column's longest line 80. "Brockhurst"
        // (40 pt, a 2 pt space) after a line ending at 50 would have ended at 92: broken by
        // hand (the guess from the line's letters, a fifth wider, says no). Unruled, the same
        // word is held to the longest line, and the line wrapped.
        let p = para(&[
            ("Hospitals NHS", 0.0, 50.0),
            ("Brockhurst Health", 12.0, 66.0),
        ]);
        let printed = printed_words(&p, 4.0, 2.0);
        let read = |exact: bool| -> usize {
            entries(
                &p,
                &|_| Some(100.0),
                (80.0, &printed),
                exact,
                Kind::Plain,
                f64::INFINITY,
            )
            .len()
        };
        assert_eq!(read(true), 2);
        assert_eq!(read(false), 1);
    }

    #[test]
    fn a_lead_saying_its_place_again_on_the_next_line_ends() {
        // Neither first word would have fitted (no measure, a full column): the place said
        // again after a whole body starts a second body.
        let exact = |lines: &[(&str, f64, f64)]| ruled_leads(&para(lines));
        assert_eq!(
            exact(&[
                ("Brockhurst Community Health Trust", 0.0, 95.0),
                ("Brockhurst Council Early Years", 12.0, 90.0)
            ]),
            [
                "Brockhurst Community Health Trust",
                "Brockhurst Council Early Years"
            ]
        );
        assert_eq!(
            exact(&[
                ("NHS Brockhurst Integrated Care Board", 0.0, 99.0),
                ("Brockhurst Council Adult Social Care", 12.0, 98.0)
            ]),
            [
                "NHS Brockhurst Integrated Care Board",
                "Brockhurst Council Adult Social Care"
            ]
        );
        // A body not yet whole ("… Health") runs on, whatever word follows.
        assert_eq!(
            exact(&[
                ("Brockhurst Council Public Health", 0.0, 95.0),
                ("Brockhurst Partnership", 12.0, 70.0)
            ])
            .len(),
            1
        );
        // A post ending "Head" before another post (unruled).
        assert_eq!(
            texts(
                &para(&[
                    ("Virtual School Head", 0.0, 90.0),
                    ("Employment and Skills", 12.0, 95.0),
                    ("Officer", 24.0, 30.0)
                ]),
                Kind::Leads,
                f64::INFINITY
            ),
            ["Virtual School Head", "Employment and Skills Officer"]
        );
        // "Deputy Head" / "Teacher" is one post.
        assert_eq!(
            texts(
                &para(&[("Deputy Head", 0.0, 90.0), ("Teacher", 12.0, 40.0)]),
                Kind::Leads,
                f64::INFINITY
            ),
            ["Deputy Head Teacher"]
        );
    }

    #[test]
    fn a_lead_cell_broken_over_a_page_reads_as_on_one() {
        // The last line of page 1 a whole post, the first of page 2 another.
        let mut p = para(&[
            ("Rents Manager", 0.0, 96.0),
            ("Deputy Finance Officer", 12.0, 90.0),
        ]);
        if let Some(l) = p.lines.get_mut(1) {
            l.page = 2;
        }
        let got = ruled_leads(&p);
        assert_eq!(got, ["Rents Manager", "Deputy Finance Officer"]);
    }

    #[test]
    fn leads_wrapped_by_a_ruled_cell_or_broken_by_hand() {
        // A ruled cell whose text reaches 100 pt: where the next first word would not have
        // fitted, the line wrapped, unless both sides read as whole posts.
        let exact = |lines: &[(&str, f64, f64)]| ruled_leads(&para(lines));
        assert_eq!(
            exact(&[
                ("Head of Parks", 0.0, 60.0),
                ("Countryside", 12.0, 62.0),
                ("Ranger Manager", 24.0, 75.0)
            ]),
            ["Head of Parks", "Countryside Ranger Manager"]
        );
        assert_eq!(
            exact(&[
                ("Deputy Director", 0.0, 75.0),
                ("Adult Learning", 12.0, 70.0)
            ]),
            ["Deputy Director Adult Learning"]
        );
        assert_eq!(
            exact(&[
                ("Community Safety", 0.0, 85.0),
                ("Partnership", 12.0, 60.0),
                ("Business Manager", 24.0, 80.0)
            ]),
            ["Community Safety Partnership Business Manager"]
        );
        // "Trust" would have fitted after "Care": a lead's wrapped last word, then a lead.
        assert_eq!(
            exact(&[
                ("Director of Adult", 0.0, 85.0),
                ("Care", 12.0, 22.0),
                ("Trust Discharge Lead", 24.0, 95.0)
            ]),
            ["Director of Adult Care", "Trust Discharge Lead"]
        );
        // Unruled, the width says nothing beyond the widest line: the post's noun decides.
        assert_eq!(
            texts(
                &para(&[
                    ("Deputy Director", 0.0, 75.0),
                    ("Adult Learning", 12.0, 70.0)
                ]),
                Kind::Leads,
                f64::INFINITY
            )
            .len(),
            2
        );
    }

    #[test]
    fn a_lead_broken_after_a_joining_word_is_one_lead() {
        // Broken by hand: "Crime" would have fitted after "and"; the lines spaced apart too.
        let p = para(&[
            ("Office of the Police and", 0.0, 60.0),
            ("Crime Commissioner", 14.0, 55.0),
            ("Community Safety Manager", 28.0, 70.0),
        ]);
        for apart in [f64::INFINITY, 1.3] {
            assert_eq!(
                texts(&p, Kind::Leads, apart),
                [
                    "Office of the Police and Crime Commissioner",
                    "Community Safety Manager"
                ]
            );
        }
    }

    #[test]
    fn a_word_left_over_is_no_lead() {
        // Unruled: the edge is the furthest the column's text reaches (100 pt).
        let p = para(&[
            ("Head of Housing", 0.0, 70.0),
            ("Needs", 12.0, 30.0),
            ("Service Manager, Children in Need", 24.0, 98.0),
        ]);
        assert_eq!(
            texts(&p, Kind::Leads, f64::INFINITY),
            ["Head of Housing Needs", "Service Manager, Children in Need"]
        );
        // Where the column's widest text says "Needs" would have fitted: still a word left
        // over, not a lead.
        let wide = texts_within(&p, 140.0, Kind::Leads, f64::INFINITY);
        assert_eq!(
            wide,
            ["Head of Housing Needs", "Service Manager, Children in Need"]
        );
    }

    #[test]
    fn leads_named_with_their_organisation() {
        // Each lead fills its line: the width says nothing, the comma inside each does.
        let two = para(&[
            ("Dana Whitlock, Kestrel Vale Council", 0.0, 97.0),
            ("Owen Pryce, Valeside Leisure Trust", 12.0, 96.0),
        ]);
        assert_eq!(
            texts(&two, Kind::Leads, f64::INFINITY),
            [
                "Dana Whitlock, Kestrel Vale Council",
                "Owen Pryce, Valeside Leisure Trust"
            ]
        );
        // Wrapped lines of one lead: the second line has no comma, or the first none before.
        let wrapped = para(&[
            ("Dana Whitlock, Kestrel", 0.0, 97.0),
            ("Vale District Council", 12.0, 96.0),
            ("Owen Pryce, Valeside", 24.0, 97.0),
            ("Leisure Trust", 36.0, 96.0),
        ]);
        assert_eq!(
            texts(&wrapped, Kind::Leads, f64::INFINITY),
            [
                "Dana Whitlock, Kestrel Vale District Council",
                "Owen Pryce, Valeside Leisure Trust"
            ]
        );
        let long = para(&[
            ("Head of Housing Standards and Private", 0.0, 98.0),
            ("Sector Renewal, Kestrel Vale District", 12.0, 97.0),
            ("Council", 24.0, 40.0),
        ]);
        assert_eq!(texts(&long, Kind::Leads, f64::INFINITY).len(), 1);
        // Not in an indicator cell.
        assert_eq!(texts(&two, Kind::Plain, f64::INFINITY).len(), 1);
    }

    #[test]
    fn dates_references_figures() {
        for d in [
            "March 2025",
            "31 March 2024",
            "08/01/2024",
            "Q2 2025",
            "2025-26",
            "By May 2025",
            "Monthly",
            "1 November 2025",
            "September 2025",
        ] {
            assert!(is_date(d), "{d}");
        }
        for d in [
            "Twenty roads resurfaced.",
            "On track – posts filled",
            "Phase 1",
        ] {
            assert!(!is_date(d), "{d}");
        }
        for r in [
            "1.1",
            "1a",
            "A3",
            "IA-23-04.1",
            "1.1.1",
            "7",
            "HW01",
            "3.",
            "2.3.1",
            "(12)",
            "(iv)",
        ] {
            assert!(is_reference(r), "{r}");
        }
        for r in ["Theme A: Homes", "Survey north quay wall", "Audit: Payroll"] {
            assert!(!is_reference(r), "{r}");
        }
        assert_eq!(reference(" 1. "), "1");
        // A list label's brackets are no part of the reference.
        assert_eq!(reference("(12)"), "12");
        assert_eq!(reference("(a)"), "a");
        assert_eq!(reference("b)"), "b");
        assert_eq!(reference("(iv)"), "iv");
        assert_eq!(reference("1.1)"), "1.1");
        assert_eq!(reference("()"), "()");
        assert_eq!(reference("IA-4(2)"), "IA-4(2)");
        assert!(is_numeric("£1,200") && is_numeric("12.5%") && is_numeric("(340)"));
        assert!(!is_numeric("Q2 2025 review"));
        assert!(is_numeric(" – 1\u{a0}200\t\n(5)% ") && !is_numeric("£ ,()") && !is_numeric(""));
    }

    #[test]
    fn long_cells_are_measured_collapsed() {
        // White space (ASCII, the vertical tab, no-break spaces) does not count towards the
        // length limits: these read as if printed on one line.
        let pad = format!("{}\u{b}\u{a0}\u{3000}", " \n\t".repeat(60));
        assert!(is_date(&format!("{pad}March{pad}2025{pad}")));
        assert!(is_reference(&format!("{pad}1.2{pad}")));
        assert!(!collapses_longer_than(&pad, 0));
        // Text longer than a date or a reference is neither.
        assert!(!is_date(&format!("March 2025 {}", "x".repeat(130))));
        assert!(collapses_longer_than(&"a ".repeat(9), 8));
    }

    #[test]
    fn dates_without_figures_are_still_dates() {
        // What the pattern accepts with no figure passes the quick test before it.
        for d in [
            "Monthly",
            "Quarterly",
            "Annually",
            "Weekly",
            "Ongoing",
            "On-going",
            "Immediately",
            "TBC",
            "tbd",
            "Continuous",
            "By March",
            "Sept",
            "late june",
            "Jan - Feb",
        ] {
            assert!(is_date(d), "{d}");
        }
        assert!(!may_be_date("head of fostering") && !is_date("Head of Fostering"));
        assert!(!collapses_longer_than(&"a ".repeat(8), 8));
    }

    /// The one-pass mark search answers as asking `contains` of every mark does.
    #[test]
    fn marks_are_found_as_by_substring_search() {
        const MARKS: &[&str] = &[
            "jan",
            "feb",
            "mar",
            "apr",
            "may",
            "jun",
            "jul",
            "aug",
            "sep",
            "oct",
            "nov",
            "dec",
            "monthly",
            "quarterly",
            "annually",
            "weekly",
            "ongoing",
            "on-going",
            "immediate",
            "tbc",
            "tbd",
            "continuous",
        ];
        let texts = [
            "",
            "j",
            "ja",
            "jan",
            "xjanx",
            "june",
            "julio",
            "febr",
            "ma",
            "mayor",
            "month",
            "monthly",
            "monthl",
            "a",
            "ap",
            "april",
            "augur",
            "annual",
            "annually",
            "se",
            "sept",
            "oc",
            "octet",
            "on-goin",
            "on-going",
            "ongoin",
            "ongoing",
            "no",
            "nov",
            "de",
            "decide",
            "quarter",
            "quarterly",
            "week",
            "weekly",
            "immedi",
            "immediate",
            "tb",
            "tbc",
            "tbd",
            "continuou",
            "continuous",
            "head of fostering",
            "lead officer",
            "x9",
            "end of q",
            "– mid 2025",
            "ébdec",
            "decé",
        ];
        for t in texts {
            let by_search =
                t.bytes().any(|b| b.is_ascii_digit()) || MARKS.iter().any(|m| t.contains(m));
            assert_eq!(may_be_date(t), by_search, "{t:?}");
        }
        for m in MARKS {
            assert!(opens_with_mark(m.as_bytes()), "{m}");
        }
    }

    /// Collapsing ASCII byte by byte gives the words `split_whitespace` gives.
    #[test]
    fn collapse_keeps_split_whitespace_words() {
        let texts = [
            "",
            " ",
            "a",
            " a ",
            "a  b",
            "\ta\x0Bb\x0Cc\rd\ne",
            "a\x1Fb",
            "  lead   officer ",
            "a\u{A0}b c",
            "\u{2003}x\u{2003}",
            "one two",
            "x\x7F y",
        ];
        for t in texts {
            assert_eq!(
                collapse(t),
                t.split_whitespace().collect::<Vec<_>>().join(" "),
                "{t:?}"
            );
        }
    }

    /// The year test and regex-lite answer as `regex` did on the whole pattern.
    #[test]
    fn ends_dated_reads_as_the_full_pattern() {
        let full = regex::Regex::new(&ends_dated_pattern()).unwrap_or_else(|e| panic!("{e}"));
        let lines = [
            "Report to the Board – Complete – October 2014",
            "Report – by Sept. 2015.",
            "Report – by Sept. 2015..",
            "Report · 31 May 2024",
            "Report | end of  June\u{A0}2025",
            "Report: target Dec 1999",
            "Report – Dec 2125",
            "Report – Dec 1899",
            "Report – 2015",
            "– May 2015",
            "May 2015",
            "Report –May 2015 ",
            "Report – May 2015\u{2003}",
            "Report – Mayo 2015",
            "Report — deadline jan 2020",
            "2015",
            "",
        ];
        for line in lines {
            let expected = full.is_match(&line.trim_end().to_ascii_lowercase());
            assert_eq!(ends_dated(line, "Next"), expected, "{line:?}");
            assert!(!ends_dated(line, "next"), "{line:?}");
        }
    }
}
