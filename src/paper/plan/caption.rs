//! A plan's title, version and version date from its caption: the title rows printed inside
//! the table above its header, else the heading printed just above the table ("… Action Plan –
//! Version 1.2 – October 2019", "Delivery Plan (Version 2.1, January 2025)"), chosen by its
//! form (bold or larger than the body text) over the body sentences between it and the table.

use regex::Regex;
use std::sync::OnceLock;

use super::super::PaperSettings;
use super::text;
use crate::layout::{is_bold_font, Line};
use crate::table::Table;

/// Whether a line is set as a heading: every word bold, or larger than the body text.
fn heading_like(l: &Line, body: f64, ratio: f64) -> bool {
    let bold = !l.words.is_empty() && l.words.iter().all(|w| is_bold_font(&w.font));
    bold || size(l) >= body * ratio
}

/// A line's font size: its largest word's.
fn size(l: &Line) -> f64 {
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

/// The caption above a table whose top is at `top`: the nearest line (and the runs level with
/// it) when it lies within the caption window; but when that line is body text and a heading
/// (bold, or larger than the body) is printed within the heading window above it, with only
/// body text between, the heading — a plan's title is its heading, not the last sentence of
/// the introduction under it. A heading wrapped over lines of one form is read whole.
pub fn above(lines: &[Line], top: f64, s: &PaperSettings) -> Option<String> {
    let mut above: Vec<&Line> = lines
        .iter()
        .filter(|l| l.bbox.bottom <= top + s.caption_touch && !l.words.is_empty())
        .collect();
    above.sort_by(|a, b| b.bbox.bottom.total_cmp(&a.bbox.bottom));
    let nearest = *above.first()?;
    let height = nearest.bbox.height().max(1.0);
    if top - nearest.bbox.bottom > s.caption_window_lines * height {
        return None;
    }
    // The body size of the text above the table (not of the cells of a table that fills
    // the page, often set smaller).
    let body = body_size(&above);
    let is_heading = |l: &Line| heading_like(l, body, s.heading_size_ratio);
    let start = if is_heading(nearest) {
        Some(nearest)
    } else {
        above
            .iter()
            .take_while(|l| top - l.bbox.bottom <= s.caption_heading_window_lines * height)
            .find(|l| is_heading(l))
            .copied()
    };
    let Some(start) = start else {
        return Some(joined(&level_with(&above, nearest, s)));
    };
    // The heading's lines: of its form, each within half a line of the one below.
    let mut rows = vec![level_with(&above, start, s)];
    let mut low = start;
    for l in above.iter().filter(|l| l.bbox.bottom < start.bbox.bottom) {
        let h = low.bbox.height().max(1.0);
        if l.bbox.bottom >= low.bbox.bottom - s.caption_same_line * h {
            continue; // level with a line already taken
        }
        let wrapped = low.bbox.top - l.bbox.bottom <= s.caption_same_line * h
            && is_heading(l)
            && size(l).max(size(low)) < size(l).min(size(low)) * s.heading_size_ratio;
        if !wrapped {
            break;
        }
        rows.push(level_with(&above, l, s));
        low = l;
    }
    rows.reverse();
    Some(rows.iter().map(|r| joined(r)).collect::<Vec<_>>().join(" "))
}

/// "<title> Version <v> <rest>": "Version 4", "Ver. 2", "v2.1", "Rev 3", in or out of brackets.
fn caption_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?i)^(.*?)[\s–—:,;(\[-]*\b(?:version\s*([0-9A-Za-z][0-9A-Za-z.]*)|(?:ver|rev|v)\.?\s?([0-9][0-9A-Za-z.]*))(.*)$",
        )
        .unwrap_or_else(|_| unreachable!("constant pattern"))
    })
}

/// Separators and brackets around a caption's parts.
fn trim_parts(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || "–—-:,;()[]".contains(c))
}

/// A date printed at the end of a title after a separator or in brackets ("Action Plan –
/// January 2025", "Action Plan (January 2025)"): the title without it, and the date.
fn trailing_date(title: &str) -> Option<(String, String)> {
    let t = title.trim_end().trim_end_matches([')', ']']);
    let cut = t
        .rfind(['–', '—', '(', '[', ','])
        .or_else(|| t.rfind(" - "))?;
    let date = trim_parts(t.get(cut..)?);
    (text::is_date(date) && date.chars().any(|c| c.is_ascii_digit())).then(|| {
        (
            trim_parts(t.get(..cut).unwrap_or_default()).to_string(),
            date.to_string(),
        )
    })
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
/// band of several headings over the header, "Planning | Monitoring", is no title).
pub fn inside(t: &Table, hr: usize) -> Option<String> {
    let mut parts = Vec::new();
    for r in 0..hr {
        let texts: Vec<String> = t
            .row_cells(r)
            .iter()
            .map(|c| text::collapse(&c.text()))
            .filter(|s| !s.is_empty())
            .collect();
        match texts.as_slice() {
            [] => {}
            [one] => parts.push(one.clone()),
            _ => return None,
        }
    }
    let s = parts.join(" ");
    (!s.is_empty()).then_some(s)
}

/// Title, version and version date from a caption: "<title> – Version 4 – June 2015",
/// "<title> (Version 2.1, January 2025)", "<title> – January 2025 – v3".
pub fn read(cap: &str) -> (String, Option<String>, Option<String>) {
    let Some(c) = caption_re().captures(cap) else {
        return (cap.trim().to_string(), None, None);
    };
    let part = |i: usize| c.get(i).map_or("", |m| m.as_str());
    let mut title = trim_parts(part(1)).to_string();
    let version = c
        .get(2)
        .or_else(|| c.get(3))
        .map(|m| m.as_str().trim_end_matches('.').to_string())
        .filter(|v| !v.is_empty());
    let mut date = Some(title_case(trim_parts(part(4)))).filter(|s| !s.is_empty());
    if date.is_none() {
        if let Some((t, d)) = trailing_date(&title) {
            title = t;
            date = Some(title_case(&d));
        }
    }
    (title, version, date)
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let read_str = |s: &str| {
            let (t, v, d) = read(s);
            (t, v.unwrap_or_default(), d.unwrap_or_default())
        };
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
        ] {
            assert_eq!(
                read_str(cap),
                (title.into(), version.into(), date.into()),
                "{cap}"
            );
        }
    }
}
