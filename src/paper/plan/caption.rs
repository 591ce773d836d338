//! A plan's title, version and version date from its caption: the title rows printed inside
//! the table above its header, else the heading printed just above the table ("… Action Plan –
//! Version 1.2 – October 2019", "Delivery Plan (Version 2.1, January 2025)"), chosen by its
//! form (bold or larger than the body text) over the body sentences between it and the table.
//! A numbered group heading printed over a table ("Outcome 2: …") is that table's group, not
//! the plan's title, which is the heading above it; a version line printed under the title
//! ("Version 1.0 | Last updated: December 2024") gives the version; a position line ("Status
//! at 5 January 2026") and a label or council name leading the title ("Appendix B:",
//! "Wexford Council –") are no part of it.

use regex::Regex;
use std::ops::Range;
use std::sync::OnceLock;

use super::super::PaperSettings;
use super::group;
use super::text;
use crate::layout::{is_bold_font, Line};
use crate::table::Table;

/// Whether a line is set as a heading: every word bold, or larger than the body text.
fn heading_like(l: &Line, body: f64, ratio: f64) -> bool {
    let bold = !l.words.is_empty() && l.words.iter().all(|w| is_bold_font(&w.font));
    bold || size(l) >= body * ratio
}

/// A line's font size: its largest word's.
pub(super) fn size(l: &Line) -> f64 {
    l.words.iter().map(|w| w.size).fold(0.0, f64::max)
}

/// The body text's size: the size most of the characters of these lines are set in.
fn body_size(lines: &[&Line]) -> f64 {
    let mut sizes: Vec<(i64, usize)> = Vec::new();
    for w in lines.iter().flat_map(|l| l.words.iter()) {
        let k = (w.size * 2.0).round() as i64;
        let n = w.text.chars().count();
        match sizes.iter_mut().find(|(s, _)| *s == k) {
            Some((_, c)) => *c += n,
            None => sizes.push((k, n)),
        }
    }
    sizes
        .iter()
        .max_by_key(|(_, n)| *n)
        .map_or(0.0, |(k, _)| *k as f64 / 2.0)
}

/// The text of the lines printed level with `l` (a caption printed in two runs), left to right.
fn level_with<'a>(above: &[&'a Line], l: &Line, s: &PaperSettings) -> Vec<&'a Line> {
    let h = l.bbox.height().max(1.0);
    let mut row: Vec<&Line> = above
        .iter()
        .filter(|m| (m.bbox.bottom - l.bbox.bottom).abs() < s.caption_same_line * h)
        .copied()
        .collect();
    row.sort_by(|a, b| a.bbox.x0.total_cmp(&b.bbox.x0));
    row
}

fn joined(row: &[&Line]) -> String {
    row.iter().map(|l| l.text()).collect::<Vec<_>>().join(" ")
}

/// What is printed above a table: the plan's caption, and a group heading printed over this
/// table alone ("Outcome 2: …", one table per group).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Above {
    /// The caption (title, and any version line under or over it).
    pub caption: Option<String>,
    /// The group heading directly above the table.
    pub group: Option<String>,
    /// The date of a position line in the title block ("Progress at September 2025",
    /// "Wexdale Borough Council – Updated July 2025"): the version date when the caption
    /// gives none.
    pub dated: Option<String>,
    /// An unnumbered heading directly over the table, read as the caption above; a group when
    /// the plan prints one table under each such heading (the caller sees the tables).
    pub plain: Option<Plain>,
}

/// An unnumbered heading printed directly over a table ("Housing supply"), and the title
/// block above it: what the table's caption is if the heading is a group's.
#[derive(Debug, Clone, PartialEq)]
pub struct Plain {
    /// The heading's text.
    pub text: String,
    /// Whether it is bold.
    pub bold: bool,
    /// Its size (points).
    pub size: f64,
    /// The caption above it (the next heading up, with its version line).
    pub caption: Option<String>,
    /// The date of a position line in that title block.
    pub dated: Option<String>,
}

impl Plain {
    /// Whether two headings are set alike: bold alike, sizes within `ratio`.
    pub fn same_form(&self, other: &Plain, ratio: f64) -> bool {
        self.bold == other.bold
            && self.size.max(other.size) < self.size.min(other.size).max(0.1) * ratio
    }
}

/// The caption above a table whose top is at `top`: the nearest line (and the runs level with
/// it) when it lies within the caption window; but when that line is body text and a heading
/// (bold, or larger than the body) is printed within the heading window above it, with only
/// body text between, the heading — a plan's title is its heading, not the last sentence of
/// the introduction under it. A heading wrapped over lines of one form is read whole. A
/// numbered group heading is the table's group; the title is then the heading above it, over
/// any introduction between. A version line printed under the title or just over it is added
/// to the caption; a version line or a position line is never the heading itself.
pub fn above(lines: &[Line], top: f64, s: &PaperSettings) -> Above {
    let mut above: Vec<&Line> = lines
        .iter()
        .filter(|l| l.bbox.bottom <= top + s.caption_touch && !l.words.is_empty())
        .collect();
    above.sort_by(|a, b| b.bbox.bottom.total_cmp(&a.bbox.bottom));
    let Some(nearest) = above.first().copied() else {
        return Above::default();
    };
    let height = nearest.bbox.height().max(1.0);
    if top - nearest.bbox.bottom > s.caption_window_lines * height {
        return Above::default();
    }
    // The body size of the text above the table (not of the cells of a table that fills
    // the page, often set smaller).
    let body = body_size(&above);
    // A position line ("Status at 5 January 2026") or a version line alone is no heading,
    // however it is set.
    let is_heading = |l: &Line| {
        let t = l.text();
        heading_like(l, body, s.heading_size_ratio) && !is_dated_line(&t) && !is_version_line(&t)
    };
    // The title block over a heading whose top is at `under`: the next heading up that is
    // no group's, with its version line and position date.
    let title_over = |under: f64| {
        above
            .iter()
            .filter(|l| l.bbox.bottom <= under)
            .find(|l| is_heading(l) && group::heading(&l.text()).is_none())
            .map(|t| {
                let (text, t_top) = heading_at(&above, t, &is_heading, s);
                title_block(&above, text, t_top, under, s)
            })
    };
    // A numbered group heading over the table, bold or plain: the table's group; the title
    // is then the next heading up, over any introduction between.
    let heading_over = is_heading(nearest).then(|| heading_at(&above, nearest, &is_heading, s));
    let group_over = match &heading_over {
        Some((text, text_top)) => group::heading(text).map(|_| (text.clone(), *text_top)),
        None => {
            let text = joined(&level_with(&above, nearest, s));
            group::heading(&text).map(|_| (text, nearest.bbox.top))
        }
    };
    if let Some((group, group_top)) = group_over {
        let (caption, dated) = title_over(group_top).unzip();
        return Above {
            caption,
            group: Some(group),
            dated: dated.flatten(),
            plain: None,
        };
    }
    let plain = heading_over.as_ref().map(|(text, text_top)| {
        let (caption, dated) = title_over(*text_top).unzip();
        Plain {
            text: text.clone(),
            bold: nearest.words.iter().all(|w| is_bold_font(&w.font)),
            size: size(nearest),
            caption,
            dated: dated.flatten(),
        }
    });
    let start = if is_heading(nearest) {
        Some(nearest)
    } else {
        above
            .iter()
            .take_while(|l| top - l.bbox.bottom <= s.caption_heading_window_lines * height)
            .find(|l| is_heading(l))
            .copied()
    };
    let (caption, dated) = match start {
        Some(start) => {
            let (heading, heading_top) = heading_at(&above, start, &is_heading, s);
            title_block(&above, heading, heading_top, top, s)
        }
        None => (joined(&level_with(&above, nearest, s)), None),
    };
    Above {
        caption: Some(caption),
        group: None,
        dated,
        plain,
    }
}

/// The heading whose lowest line is `start`, with its lines wrapped above it (of its form,
/// each within half a line of the one below; a council's name on a line of its own is not
/// part of it), and the top of its first line.
fn heading_at(
    above: &[&Line],
    start: &Line,
    is_heading: &dyn Fn(&Line) -> bool,
    s: &PaperSettings,
) -> (String, f64) {
    let mut rows = vec![level_with(above, start, s)];
    let mut low = start;
    // Lines beside the heading (a council's name in a header table's first cell, left of the
    // title cell) are no part of it and do not end it.
    let over = |l: &Line| l.bbox.x0 < start.bbox.x1 && l.bbox.x1 > start.bbox.x0;
    for l in above
        .iter()
        .filter(|l| l.bbox.bottom < start.bbox.bottom && over(l))
    {
        let h = low.bbox.height().max(1.0);
        if l.bbox.bottom >= low.bbox.bottom - s.caption_same_line * h {
            continue; // level with a line already taken
        }
        let wrapped = low.bbox.top - l.bbox.bottom <= s.caption_same_line * h
            && is_heading(l)
            && size(l).max(size(low)) < size(l).min(size(low)) * s.heading_size_ratio
            && !is_council_name(&l.text());
        if !wrapped {
            break;
        }
        rows.push(
            level_with(above, l, s)
                .into_iter()
                .filter(|l| over(l))
                .collect(),
        );
        low = l;
    }
    rows.reverse();
    (
        rows.iter().map(|r| joined(r)).collect::<Vec<_>>().join(" "),
        low.bbox.top,
    )
}

/// A heading with its title block: the version line printed under it (above `bottom`, the
/// table or the group heading over it) or on the line just over it ("Version 1.0 | Last
/// updated: December 2024"), added to the caption; and the date of a position line printed
/// there ("Progress at September 2025"). A line's runs printed apart on one row read as one.
fn title_block(
    above: &[&Line],
    heading: String,
    heading_top: f64,
    bottom: f64,
    s: &PaperSettings,
) -> (String, Option<String>) {
    let under = above
        .iter()
        .filter(|l| l.bbox.top > heading_top && l.bbox.bottom <= bottom);
    // The line just over the heading: within a line height of its top.
    let over = above.iter().filter(|l| {
        l.bbox.bottom <= heading_top && heading_top - l.bbox.bottom <= l.bbox.height().max(1.0)
    });
    // A line's runs printed apart on one row ("Version 3", a wide space, "December 2025")
    // read as one line.
    let mut texts: Vec<String> = under
        .chain(over)
        .map(|l| joined(&level_with(above, l, s)))
        .filter(|t| !heading.contains(t.as_str()))
        .collect();
    texts.dedup();
    let dated = texts.iter().find_map(|t| position_date(t));
    match texts.iter().find_map(|t| version_part(t)) {
        Some(v) => (format!("{heading} {v}"), dated),
        None => (heading, dated),
    }
}

/// A line that gives a version: "Version 0.4 · 14 July 2025", "v2 – March 2025".
fn is_version_line(t: &str) -> bool {
    version_part(t).is_some()
}

/// A version line from its version on: the line itself, or what follows position words
/// leading it ("Annual update – Version 3 – May 2025" → "Version 3 – May 2025").
pub(super) fn version_part(t: &str) -> Option<&str> {
    let groups = caption_groups(t)?;
    let lead = groups[1].clone()?;
    let before = trim_parts(t.get(lead.clone()).unwrap_or_default());
    if before.is_empty() {
        Some(t)
    } else if positional(before)
        || (before.split_whitespace().count() == 1 && super::title_page::generic(before))
        || is_body_name(before)
    {
        // "Annual update – Version 3 – May 2025", "Plan version 1.3 · 12 January 2026", and a
        // public body's name before it: "Tynevale Combined Authority – Version 0.3, 14 …".
        t.get(lead.end..).map(trim_parts)
    } else {
        None
    }
}

/// A council's name standing alone: "Wexford Council", "Brent London Borough Council".
pub(super) fn is_council_name(t: &str) -> bool {
    let w: Vec<&str> = t.split_whitespace().collect();
    w.len() <= 6
        && w.last().is_some_and(|l| *l == "Council")
        && w.iter().all(|x| x.starts_with(char::is_uppercase))
}

/// A public body's name standing alone: a council's ([`is_council_name`]), or a few
/// capitalised words ending in an organisation's noun ("Wyvern Constabulary", "Northby NHS
/// Trust").
fn is_body_name(t: &str) -> bool {
    let w: Vec<&str> = t.split_whitespace().collect();
    is_council_name(t)
        || (2..=6).contains(&w.len())
            && w.iter().all(|x| x.starts_with(char::is_uppercase))
            && w.last()
                .is_some_and(|l| text::organisation_noun(&l.to_lowercase()))
}

/// A line giving the date a plan's position was taken ("Status at 5 January 2026", "Position
/// as at 31 March", "Last updated: 2 May 2025", "Progress at September 2025"), alone or
/// after a council's name ("Wexdale Borough Council – Updated July 2025").
fn is_dated_line(t: &str) -> bool {
    position_date(t).is_some()
}

/// Words that say a line gives the plan's position, not its name: "Progress report",
/// "Annual update", "Position as at", "Progress to".
const POSITION_WORDS: &[&str] = &[
    "progress",
    "position",
    "update",
    "updated",
    "report",
    "status",
    "annual",
    "quarterly",
    "monthly",
];

/// Words joining a position's words to its date ("as at", "to").
const POSITION_JOINS: &[&str] = &["as", "at", "to", "of", "on"];

/// A lead made of position words only ("Progress report", "Annual update", "Progress to"),
/// separators aside.
fn positional(lead: &str) -> bool {
    let words: Vec<String> = lead
        .split_whitespace()
        .map(|w| trim_parts(w).to_lowercase())
        .filter(|w| !w.is_empty())
        .collect();
    words.iter().any(|w| POSITION_WORDS.contains(&w.as_str()))
        && words
            .iter()
            .all(|w| POSITION_WORDS.contains(&w.as_str()) || POSITION_JOINS.contains(&w.as_str()))
}

/// What opens `rest` up to its first separator, bracket or full stop ending a sentence
/// ("30 September 2025 (Quarter 2 2025/26)" → "30 September 2025").
fn first_part(rest: &str) -> &str {
    let stop = rest.find(". ");
    let bracket = rest.find(['(', '[']);
    let sep = parts(rest).first().map(|p| p.len());
    let end = [stop, bracket, sep]
        .into_iter()
        .flatten()
        .min()
        .unwrap_or(rest.len());
    trim_parts(rest.get(..end).unwrap_or(rest))
}

/// The date of a position line (see [`is_dated_line`]): a few words ending in "at", "as of",
/// "on", "updated", "date" or a colon, then a date; or position words alone, set off by a
/// separator or not ("Progress report – November 2025", "Progress to October 2025 | Owner:
/// …"), then a date ending at the next separator, bracket or full stop ("Position as at 31
/// March 2025. Audit and Standards Committee.").
pub(super) fn position_date(t: &str) -> Option<String> {
    let dated = |t: &str| -> Option<String> {
        let w: Vec<&str> = t.split_whitespace().collect();
        let is_sep = |x: &&str| matches!(*x, "–" | "—" | "-" | "|" | ":");
        // The lead-in runs to the date with no separator ("Plan – Updated …" is a title),
        // unless it is made of position words alone ("Progress report – …").
        let seps = w.iter().position(is_sep).unwrap_or(w.len());
        let reach = match w.get(..seps) {
            Some(lead) if positional(&lead.join(" ")) => seps + 2,
            _ => seps + 1,
        };
        (1..w.len().min(6).min(reach)).find_map(|k| {
            let lead = w.get(..k).unwrap_or_default().join(" ").to_lowercase();
            let rest = w.get(k..).unwrap_or_default().join(" ");
            let lead_in = lead.ends_with(':')
                || [" at", " of", "updated", " date", "dated", " on"]
                    .iter()
                    .any(|e| lead.ends_with(e))
                || lead == "at";
            let date = |d: &str| text::is_date(d) && d.chars().any(|c| c.is_ascii_digit());
            if lead_in && date(&rest) {
                Some(title_case(trim_parts(&rest)))
            } else if lead_in || positional(&lead) {
                // After position words alone, a date naming its month or day: "Annual
                // Report 2025" is a title.
                let part = first_part(&rest);
                let dayed = lead_in || part.contains(char::is_alphabetic) || part.contains('/');
                (date(part) && dayed).then(|| title_case(part))
            } else {
                None
            }
        })
    };
    // "<Council> – Updated July 2025", "Wyvern Constabulary – Updated …": the body's name, then
    // the position (a title before
    // a date is a title with its date, read by [`read`]).
    let ps = parts(t);
    dated(t).or_else(|| match ps.as_slice() {
        [name, last] if is_body_name(trim_parts(name)) => dated(last),
        _ => None,
    })
}

/// "<title> Version <v> <rest>": "Version 4", "Ver. 2", "v2.1", "Rev 3", "Issue 2", in or out of
/// brackets.
/// Compile the caption patterns now (see [`crate::paper::warm_up`]); the plan name's full
/// pattern is left for a title beyond ASCII, which few have.
pub(super) fn warm_up() {
    let _ = (caption_groups(""), plan_name_re_plain());
}

/// The caption pattern (see [`caption_groups`]).
const CAPTION: &str = r"(?i)^(.*?)[\s–—:,;(\[-]*\b(?:version\s*([0-9A-Za-z][0-9A-Za-z.]*)|(?:ver|rev|v|issue\s)\.?\s?([0-9][0-9A-Za-z.]*))(.*)$";

/// The groups of the caption pattern on `t`, as byte ranges: 0 the match, 1 the text before
/// the version, 2 a version after "version", 3 one after a short form ("v2", "Rev. 3"), 4
/// the rest.
///
/// On text whose characters beyond ASCII are all [`PLAIN_PUNCTUATION`] the pattern is run by
/// regex-lite (see [`crate::pattern`]), which compiles it in a small part of the time: there
/// its ASCII word boundary and ASCII case folding match what `regex`'s Unicode ones match
/// (only the Kelvin sign and the long s fold to ASCII letters, and no plain punctuation is a
/// word character).
fn caption_groups(t: &str) -> Option<[Option<Range<usize>>; 5]> {
    if is_plain(t) {
        static PLAIN: OnceLock<regex_lite::Regex> = OnceLock::new();
        let c = PLAIN
            .get_or_init(|| crate::pattern::compile(CAPTION))
            .captures(t)?;
        Some(std::array::from_fn(|i| c.get(i).map(|m| m.range())))
    } else {
        static FULL: OnceLock<Regex> = OnceLock::new();
        let c = FULL
            .get_or_init(|| {
                Regex::new(CAPTION).unwrap_or_else(|_| unreachable!("constant pattern"))
            })
            .captures(t)?;
        Some(std::array::from_fn(|i| c.get(i).map(|m| m.range())))
    }
}

/// Whether every character of `t` beyond ASCII is [`PLAIN_PUNCTUATION`]: neither a word
/// character, nor white space, nor a letter that folds to an ASCII one.
fn is_plain(t: &str) -> bool {
    t.chars()
        .all(|c| c.is_ascii() || PLAIN_PUNCTUATION.contains(c))
}

/// Separators and brackets around a caption's parts.
fn trim_parts(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || "–—-:,;()[]|·•/".contains(c))
}

/// The date in what follows a version: all of it, else the first part between separators
/// that is a date or ends in one ("| June 2025 | Response to the inspection …" → "June 2025";
/// "| Last updated: December 2024" → "December 2024"); `None` when no part gives a date.
fn date_after_version(rest: &str) -> Option<&str> {
    let rest = trim_parts(rest);
    if text::is_date(rest) {
        return Some(rest);
    }
    parts(rest).into_iter().find_map(|part| {
        let part = trim_parts(part);
        std::iter::once(part)
            .chain(
                part.char_indices()
                    .filter(|(i, c)| c.is_whitespace() && *i > 0)
                    .map(|(i, _)| trim_parts(part.get(i..).unwrap_or_default())),
            )
            .find(|t| text::is_date(t) && t.chars().any(|c| c.is_ascii_digit()))
    })
}

/// A line cut at its separators: bars, middle dots, semicolons, commas, and dashes set off
/// by spaces (a dash inside "2025–2027" joins a range).
fn parts(t: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = t.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        let spaced = |j: Option<&(usize, char)>| j.is_none_or(|(_, c)| c.is_whitespace());
        let dash = matches!(c, '–' | '—' | '-')
            && spaced(k.checked_sub(1).and_then(|j| chars.get(j)))
            && spaced(chars.get(k + 1));
        if dash || matches!(c, '|' | '·' | '•' | ';' | ',') {
            out.push(t.get(start..i).unwrap_or_default());
            start = i + c.len_utf8();
        }
    }
    out.push(t.get(start..).unwrap_or_default());
    out
}

/// The plan's name without the paper's label or the council's name leading it: "Appendix
/// B: Delivery Plan", "Annex 2 – Delivery Plan", "Wexford Council – Delivery Plan" →
/// "Delivery Plan".
fn plan_name(title: &str) -> String {
    let rest = if is_plain(title) {
        plan_name_re_plain()
            .captures(title)
            .and_then(|c| c.name("rest"))
            .map(|m| m.as_str())
    } else {
        plan_name_re()
            .captures(title)
            .and_then(|c| c.name("rest"))
            .map(|m| m.as_str())
    };
    match rest {
        Some(m) if m.split_whitespace().count() >= 2 => m.to_string(),
        _ => title.to_string(),
    }
}

/// [`plan_name`]'s pattern.
const PLAN_NAME: &str = r"^(?:(?:Appendix|Appendices|Annex|Annexe|Schedule|Attachment|Enclosure|Exhibit)\s+[A-Z0-9]{1,3}\s*[:.–—-]\s*|(?:[A-Z][\w'’.&-]*\s+){1,5}Council\s*[:–—|-]\s*)+(?P<rest>\S.*)$";

/// [`PLAN_NAME`] for a title whose characters beyond ASCII are all [`PLAIN_PUNCTUATION`]
/// (neither word characters nor white space), with `\w` and `\s` limited to ASCII, on which
/// it matches exactly what the full pattern matches, compiled by regex-lite (see
/// [`crate::pattern`]; its `\s` is ASCII's). Unicode `\w` repeated five times made the full
/// pattern the costliest of the reader to compile (about 9 M instructions, more than reading
/// a page); the plain one costs a small part of that.
fn plan_name_re_plain() -> &'static regex_lite::Regex {
    static PLAIN: OnceLock<regex_lite::Regex> = OnceLock::new();
    PLAIN.get_or_init(|| {
        regex_lite::Regex::new(&PLAN_NAME.replace(r"\w", "0-9A-Za-z_"))
            .unwrap_or_else(|_| unreachable!("constant pattern"))
    })
}

/// [`PLAN_NAME`] as written, for a title with other characters beyond ASCII.
fn plan_name_re() -> &'static Regex {
    static FULL: OnceLock<Regex> = OnceLock::new();
    FULL.get_or_init(|| Regex::new(PLAN_NAME).unwrap_or_else(|_| unreachable!("constant pattern")))
}

/// Characters beyond ASCII that are neither word characters nor white space in Unicode:
/// quotation marks, dashes, bullets, currency and other common punctuation.
const PLAIN_PUNCTUATION: &str = "‘’‚‛“”„‟–—‐‑‒―•·…′″«»‹›£€¢¥§¶©®™°±×÷";

/// A date printed at the end of a title after a separator or in brackets ("Action Plan –
/// January 2025", "Action Plan (January 2025)", "Action Plan – Updated July 2025"): the title
/// without it, and the date.
fn trailing_date(title: &str) -> Option<(String, String)> {
    let t = title.trim_end().trim_end_matches([')', ']']);
    let cut = t
        .rfind(['(', '[', ','])
        .into_iter()
        .chain(
            [t.rfind(" – "), t.rfind(" — "), t.rfind(" - ")]
                .into_iter()
                .flatten(),
        )
        .max()?;
    let date = trim_parts(t.get(cut..)?);
    if let Some(found) = position_tail(t) {
        return Some(found);
    }
    (text::is_date(date) && date.chars().any(|c| c.is_ascii_digit())).then(|| {
        (
            trim_parts(t.get(..cut).unwrap_or_default()).to_string(),
            date.to_string(),
        )
    })
}

/// A position printed after a title and a dash ("Parks Action Plan – Updated July 2025"): the
/// title and the date.
fn position_tail(t: &str) -> Option<(String, String)> {
    let cut = [t.rfind(" – "), t.rfind(" — "), t.rfind(" - ")]
        .into_iter()
        .flatten()
        .max()?;
    let date = position_date(trim_parts(t.get(cut..)?))?;
    let title = trim_parts(t.get(..cut)?);
    (!title.is_empty()).then(|| (title.to_string(), date))
}

/// Title case for a shouted month ("JUNE 2015" → "June 2015").
fn title_case(s: &str) -> String {
    s.split_whitespace()
        .map(|w| {
            let mut cs = w.chars();
            match cs.next() {
                Some(f) => f
                    .to_uppercase()
                    .chain(cs.flat_map(char::to_lowercase))
                    .collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The text of the title rows above the header row `hr`: rows printing one text alone (a
/// band of several headings over the header, "Planning | Monitoring", is no title). The
/// title is the first row and the rows after it of its form (bold alike, of a size); a later
/// row of another form is kept only when it gives a version (over or under the title), and
/// a position line ("Status at 5 January 2026") never: its date is returned beside the
/// caption, the version date when the caption gives none.
pub fn inside(t: &Table, hr: usize, s: &PaperSettings) -> (Option<String>, Option<String>) {
    let mut parts: Vec<String> = Vec::new();
    let mut version: Option<String> = None;
    let mut dated: Option<String> = None;
    let mut form: Option<(bool, f64)> = None;
    for r in 0..hr {
        let cells: Vec<_> = t
            .row_cells(r)
            .into_iter()
            .filter(|c| !c.is_empty())
            .collect();
        let [c] = cells.as_slice() else {
            if cells.is_empty() {
                continue;
            }
            return (None, None);
        };
        let one = text::collapse(&c.text());
        // The end of a sentence introducing the table ("… This plan" / "shows what partners
        // will do under each priority."), taken into it: no title; the caption is above.
        if one.starts_with(char::is_lowercase) && one.ends_with('.') {
            continue;
        }
        if is_version_line(&one) {
            version = version.or(Some(one));
            continue;
        }
        if let Some(d) = position_date(&one) {
            dated = dated.or(Some(d));
            continue;
        }
        let lines: Vec<_> = c.paragraphs.iter().flat_map(|p| p.lines.iter()).collect();
        let bold = lines.iter().all(|l| l.bold);
        let h = lines.iter().map(|l| l.bbox.height()).fold(0.0, f64::max);
        let same = form.is_none_or(|(b, fh)| {
            b == bold && h.max(fh) < h.min(fh).max(0.1) * s.heading_size_ratio
        });
        if same {
            parts.push(one);
            form = form.or(Some((bold, h)));
        }
    }
    parts.extend(version);
    let caption = parts.join(" ");
    ((!caption.is_empty()).then_some(caption), dated)
}

/// Title, version and version date from a caption: "<title> – Version 4 – June 2015",
/// "<title> (Version 2.1, January 2025)", "<title> – January 2025 – v3".
pub fn read(cap: &str) -> (String, Option<String>, Option<String>) {
    let Some(groups) = caption_groups(cap) else {
        // No version: a position after the title ("… – Updated July 2025") is still its date.
        return match position_tail(cap) {
            Some((title, date)) => (plan_name(&title), None, Some(date)),
            None => (plan_name(cap.trim()), None, None),
        };
    };
    let part = |i: usize| -> &str {
        groups
            .get(i)
            .cloned()
            .flatten()
            .and_then(|r| cap.get(r))
            .unwrap_or_default()
    };
    let mut title = trim_parts(part(1)).to_string();
    let version = [2, 3]
        .into_iter()
        .find(|&i| groups.get(i).is_some_and(Option::is_some))
        .map(|i| part(i).trim_end_matches('.').to_string())
        .filter(|v| !v.is_empty());
    let mut date = date_after_version(part(4)).map(title_case);
    if date.is_none() {
        if let Some((t, d)) = trailing_date(&title) {
            title = t;
            date = Some(title_case(&d));
        }
    }
    (plan_name(&title), version, date)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// On plain text the caption pattern reads the same groups under regex-lite as under
    /// `regex`.
    #[test]
    fn captions_read_alike_by_both_engines() {
        let full = Regex::new(CAPTION).unwrap_or_else(|e| panic!("{e}"));
        let captions = [
            "Improvement Plan – Version 4 – June 2015",
            "Action Plan (Version 2.1, January 2025)",
            "Action Plan – January 2025 – v3",
            "Delivery plan VERSION3.2 · 14 July 2025",
            "Annual update – Rev. 3 – May 2025",
            "Plan issue 2 [draft]",
            "Improvement plan v.2\u{A0}– March 2025",
            "Revised plan: ver 1.0",
            "Driver plan version",
            "Plan\u{2003}Version 7\nsecond line",
            "Prevention Plan v 2",
            "“Safer Streets” Plan — Version 0.3",
            "Plan Issue\tA",
            "",
        ];
        for t in captions {
            let plain = caption_groups(t);
            let expected = full
                .captures(t)
                .map(|c| std::array::from_fn(|i| c.get(i).map(|m| m.range())));
            assert_eq!(plain, expected, "{t:?}");
        }
        // Beyond plain punctuation the full pattern reads it: "é" is a word character, so no
        // word starts at the "v" (an ASCII word boundary would see one).
        assert_eq!(caption_groups("Planéversion 2"), None);
    }

    #[test]
    fn plan_names_read_alike_by_both_patterns() {
        // The punctuation taken as plain is neither a word character nor a space in Unicode.
        let word_or_space = Regex::new(r"^[\w\s]$").unwrap_or_else(|e| panic!("{e}"));
        for c in PLAIN_PUNCTUATION.chars() {
            assert!(!word_or_space.is_match(c.encode_utf8(&mut [0; 4])), "{c:?}");
        }
        let titles = [
            "Appendix B: Delivery Plan",
            "Annex 2 – Delivery Plan",
            "Wexford Borough Council – Improvement Plan 2025",
            "St. Helen’s & District Council | Action Plan",
            "Appendix A – Kent County Council – Action Plan",
            "Ashford_Town Council\t-\x0bAction Plan",
            "One Two Three Four Five Six Council – Plan",
            "Council: “Safer Streets” Plan",
            "Appendix 12 — The Plan",
            "Delivery Plan",
        ];
        for t in titles {
            let plain = plan_name_re_plain()
                .captures(t)
                .and_then(|c| c.name("rest"))
                .map(|m| m.range());
            let full = plan_name_re()
                .captures(t)
                .and_then(|c| c.name("rest"))
                .map(|m| m.range());
            assert_eq!(plain, full, "{t:?}");
        }
        assert_eq!(
            plan_name("St. Helen’s Borough Council | Action Plan"),
            "Action Plan"
        );
        // A letter beyond ASCII takes the full pattern: "Môn" is one word.
        assert_eq!(
            plan_name("Ynys Môn County Council – Corporate Plan"),
            "Corporate Plan"
        );
    }

    /// Title, version and date read from a caption, an absent one as "".
    fn read_str(s: &str) -> (String, String, String) {
        let (t, v, d) = read(s);
        (t, v.unwrap_or_default(), d.unwrap_or_default())
    }

    #[test]
    fn captions_give_title_version_and_date() {
        assert_eq!(
            read("MSCB priority safeguarding objectives 2014 – 2017 Action and Improvement Plan VERSION 4 – JUNE 2015"),
            (
                "MSCB priority safeguarding objectives 2014 – 2017 Action and Improvement Plan".into(),
                Some("4".into()),
                Some("June 2015".into())
            )
        );
        for (cap, title, version, date) in [
            (
                "Delivery Plan (Version 2.1, January 2025)",
                "Delivery Plan",
                "2.1",
                "January 2025",
            ),
            (
                "Climate Action Plan – v3 – 14 March 2024",
                "Climate Action Plan",
                "3",
                "14 March 2024",
            ),
            (
                "Improvement Plan (March 2025) Version 2",
                "Improvement Plan",
                "2",
                "March 2025",
            ),
            ("Action Plan: Version 1.2.", "Action Plan", "1.2", ""),
            ("Service Plan 2024-25", "Service Plan 2024-25", "", ""),
            (
                "Children's Plan Version 1.0 | Last updated: December 2024",
                "Children's Plan",
                "1.0",
                "December 2024",
            ),
            (
                "Climate Plan Version 0.4 · 14 July 2025",
                "Climate Plan",
                "0.4",
                "14 July 2025",
            ),
            (
                "Appendix B: Community Safety Plan 2025-26",
                "Community Safety Plan 2025-26",
                "",
                "",
            ),
            (
                "Wexdale Borough Council – Parks Action Plan",
                "Parks Action Plan",
                "",
                "",
            ),
            (
                "Fenmoor Council Delivery Plan",
                "Fenmoor Council Delivery Plan",
                "",
                "",
            ),
            (
                "Riverside Council Plan 2023-2026: Delivery Plan",
                "Riverside Council Plan 2023-2026: Delivery Plan",
                "",
                "",
            ),
        ] {
            assert_eq!(
                read_str(cap),
                (title.into(), version.into(), date.into()),
                "{cap}"
            );
        }
    }

    #[test]
    fn version_lines_with_a_subtitle_and_year_ranges() {
        for (cap, title, version, date) in [
            // The date stops at the next separator; the rest is a subtitle.
            (
                "Fernbrook Children's Plan Version 1.3 | June 2025 | Response to the inspection of children's services",
                "Fernbrook Children's Plan",
                "1.3",
                "June 2025",
            ),
            (
                "Local Area SEND Written Statement of Action 2025–2027 Version 2.1 – 14 March 2025",
                "Local Area SEND Written Statement of Action 2025–2027",
                "2.1",
                "14 March 2025",
            ),
            // A year range's dash is no separator before a date.
            (
                "Local Area SEND Written Statement of Action 2025–2027",
                "Local Area SEND Written Statement of Action 2025–2027",
                "",
                "",
            ),
            ("Delivery Plan Version 2 – Draft for consultation", "Delivery Plan", "2", ""),
            // A version and its date with no separator, or in other common forms.
            ("Waste Plan Version 3  December 2025", "Waste Plan", "3", "December 2025"),
            ("Waste Plan Version 2 — Dec 2025", "Waste Plan", "2", "Dec 2025"),
            ("Waste Plan v1.4 (December 2025)", "Waste Plan", "1.4", "December 2025"),
            ("Waste Plan Issue 2, 3 March 2026", "Waste Plan", "2", "3 March 2026"),
            (
                "Parks Action Plan – Updated July 2025",
                "Parks Action Plan",
                "",
                "July 2025",
            ),
        ] {
            assert_eq!(
                read_str(cap),
                (title.into(), version.into(), date.into()),
                "{cap}"
            );
        }
        assert_eq!(
            position_date("Torrington Metropolitan Borough Council – Updated July 2025").as_deref(),
            Some("July 2025")
        );
        assert_eq!(
            position_date("Progress at September 2025").as_deref(),
            Some("September 2025")
        );
        assert_eq!(
            position_date("As at 31 March 2025").as_deref(),
            Some("31 March 2025")
        );
        // A title with its date is no position line.
        assert_eq!(position_date("Parks Action Plan – Updated July 2025"), None);
        // Position words alone before the date, set off or not; the date ends at the next
        // separator, bracket or full stop.
        for (line, date) in [
            ("Progress report – November 2025", "November 2025"),
            (
                "Progress to October 2025 | Owner: Director of Place",
                "October 2025",
            ),
            (
                "Position at 30 September 2025 (Quarter 2 2025/26)",
                "30 September 2025",
            ),
            (
                "Position as at 31 March 2025. Audit and Standards Committee.",
                "31 March 2025",
            ),
        ] {
            assert_eq!(position_date(line).as_deref(), Some(date), "{line}");
        }
        // A title of position words and a year is a title.
        assert_eq!(position_date("Annual Report 2025"), None);
        assert_eq!(position_date("Housing Strategy to 2030"), None);
        // A version line led by position words is a version line from its version on.
        assert_eq!(
            version_part("Annual update – Version 3 – May 2025"),
            Some("Version 3 – May 2025")
        );
        assert_eq!(version_part("Delivery Plan Version 2"), None);
        // A public body's name before the version, as before a position.
        assert_eq!(
            version_part("Marlow Combined Authority – Version 0.4, 2 March 2026"),
            Some("Version 0.4, 2 March 2026")
        );
        assert_eq!(
            version_part("Plan version 1.3 · 12 January 2026"),
            Some("version 1.3 · 12 January 2026")
        );
    }

    /// A line of words 6 pt a character, one word per token, at `top`.
    fn line(text: &str, top: f64, size: f64, bold: bool) -> Line {
        let mut x = 40.0;
        let words: Vec<crate::layout::Word> = text
            .split_whitespace()
            .map(|t| {
                let w = t.chars().count() as f64 * 0.5 * size;
                let word = crate::layout::Word {
                    text: t.into(),
                    bbox: crate::geom::Rect {
                        x0: x,
                        top,
                        x1: x + w,
                        bottom: top + size * 1.2,
                    },
                    direction: Default::default(),
                    baseline: top + size,
                    font: if bold { "Arial-Bold" } else { "Arial" }.into(),
                    size,
                    colour: None,
                    clip: None,
                };
                x += w + 0.25 * size;
                word
            })
            .collect();
        let bbox = words
            .iter()
            .map(|w| w.bbox)
            .reduce(|a, b| a.union(&b))
            .unwrap_or_default();
        Line {
            words,
            bbox,
            direction: Default::default(),
        }
    }

    #[test]
    fn title_blocks_over_a_table() {
        let s = PaperSettings::default();
        let intro = |top: f64| {
            line(
                "The plan below sets out what the partnership will do and how progress is checked.",
                top,
                10.0,
                false,
            )
        };
        // A title directly over a bold version line, an introduction and a key line: the
        // version line is no heading, the title is.
        let lines = vec![
            line(
                "Tarnside Local Area SEND Written Statement of Action 2025–2027",
                40.0,
                16.0,
                true,
            ),
            line("Version 2.1 – 14 March 2025", 62.0, 11.0, true),
            intro(80.0),
            intro(93.0),
            intro(106.0),
            line(
                "RAG key: Green on track; Amber some slippage; Red off track.",
                125.0,
                10.0,
                false,
            ),
        ];
        let read_above = |a: Above| {
            let (t, v, d) = read_str(&a.caption.unwrap_or_default());
            [t, v, d]
        };
        assert_eq!(
            read_above(above(&lines, 145.0, &s)),
            [
                "Tarnside Local Area SEND Written Statement of Action 2025–2027",
                "2.1",
                "14 March 2025"
            ]
        );
        // A version line over the title, and a position line under it.
        let lines = vec![
            line(
                "Version 1.3 | June 2025 | Response to the peer review",
                30.0,
                10.0,
                false,
            ),
            line("Fernbrook Housing Improvement Plan", 44.0, 16.0, true),
            line(
                "Fernbrook Borough Council – Updated July 2025",
                66.0,
                10.0,
                false,
            ),
            intro(84.0),
        ];
        let a = above(&lines, 104.0, &s);
        assert_eq!(a.dated.as_deref(), Some("July 2025"));
        assert_eq!(
            read_above(a),
            ["Fernbrook Housing Improvement Plan", "1.3", "June 2025"]
        );
        // An unnumbered heading directly over the table: the caption if it stands alone, a
        // group (with the title above it) if the plan prints one table per heading.
        let lines = vec![
            line("Fernbrook Housing Improvement Plan", 30.0, 16.0, true),
            line("Progress at September 2025", 52.0, 10.0, false),
            line("Housing supply", 80.0, 12.0, true),
        ];
        let a = above(&lines, 100.0, &s);
        assert_eq!(a.caption.as_deref(), Some("Housing supply"));
        let p = a
            .plain
            .unwrap_or_else(|| unreachable!("a heading over the table"));
        assert_eq!(p.text, "Housing supply");
        assert_eq!(
            p.caption.as_deref(),
            Some("Fernbrook Housing Improvement Plan")
        );
        assert_eq!(p.dated.as_deref(), Some("September 2025"));
    }

    #[test]
    fn position_and_version_lines() {
        assert!(is_dated_line("Status at 5 January 2026"));
        assert!(is_dated_line("Position as at 31 March 2025"));
        assert!(is_dated_line("Last updated: 2 May 2025"));
        assert!(!is_dated_line("Service Plan 2024-25"));
        assert!(!is_dated_line("Delivery Plan – March 2025"));
        assert!(is_version_line("Version 0.4 · 14 July 2025"));
        assert!(!is_version_line("Delivery Plan Version 2"));
        assert!(is_council_name("Wexdale Borough Council"));
        assert!(!is_council_name("Youth Council action plan"));
        // Any public body's name before the position, not only a council's.
        assert_eq!(
            position_date("Harbury Constabulary – Updated 4 June 2025").as_deref(),
            Some("4 June 2025")
        );
        assert_eq!(
            position_date("Ashby Community Health Trust | Updated 12 May 2025").as_deref(),
            Some("12 May 2025")
        );
        // A plan's title with its date is a title, no position line.
        assert!(!is_dated_line(
            "Safer Streets Action Plan – Updated 4 June 2025"
        ));
    }
}
