//! A plan's title page: a first page with no table, a few lines and a title set larger than
//! the rest (a slide deck's title slide: "Corporate Peer Challenge – Action Plan", "Progress
//! update – November 2025", the council's name). When the plan's own page prints only a
//! generic heading ("Action plan", "Action plan (continued)"), a careful reader takes the
//! title, version and date from the title page instead.

use super::super::PaperSettings;
use super::caption;
use crate::layout::Line;

/// Words of a heading that names no plan in particular: "Action plan", "Improvement plan
/// (continued)".
const GENERIC_WORDS: &[&str] = &[
    "action",
    "actions",
    "plan",
    "plans",
    "improvement",
    "delivery",
    "the",
    "our",
    "and",
    "continued",
    "cont",
    "contd",
    "cont'd",
];

/// Whether a plan's title read from its own page is empty or generic (every word one of
/// [`GENERIC_WORDS`]).
pub fn generic(title: &str) -> bool {
    title
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'')
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .all(|w| GENERIC_WORDS.contains(&w.as_str()))
}

/// The caption a title page gives (its title, with a version line's version and date when
/// one is printed) and the date of a position line on it ("Progress update – November
/// 2025"): the page's largest lines, read top to bottom, when they are set larger than every
/// other line of the page by the heading ratio (or it holds no other line); `None` for a page
/// of more than `s.title_page_lines` lines or with no such title. A council's name on a line
/// of its own is no part of the title.
pub fn read(lines: &[Line], s: &PaperSettings) -> Option<(String, Option<String>)> {
    let lines: Vec<&Line> = lines.iter().filter(|l| !l.words.is_empty()).collect();
    if lines.is_empty() || lines.len() > s.title_page_lines {
        return None;
    }
    let largest = lines.iter().map(|l| caption::size(l)).fold(0.0, f64::max);
    let big = |l: &Line| caption::size(l) * s.heading_size_ratio > largest;
    let (mut title, rest): (Vec<&Line>, Vec<&Line>) = lines
        .iter()
        .partition(|l| big(l) && !caption::is_council_name(&l.text()));
    if title.is_empty()
        || rest
            .iter()
            .any(|l| caption::size(l) * s.heading_size_ratio > largest)
    {
        return None;
    }
    title.sort_by(|a, b| a.bbox.top.total_cmp(&b.bbox.top));
    let mut text = String::new();
    for l in &title {
        crate::table::join_line(&mut text, l.text().trim());
    }
    let texts: Vec<String> = rest.iter().map(|l| l.text()).collect();
    let dated = texts.iter().find_map(|t| caption::position_date(t));
    if let Some(v) = texts.iter().find_map(|t| caption::version_part(t)) {
        text.push(' ');
        text.push_str(v);
    }
    Some((text, dated))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generic_headings() {
        for t in [
            "Action plan",
            "Action plan (continued)",
            "ACTION PLAN",
            "",
            "The Plan",
        ] {
            assert!(generic(t), "{t}");
        }
        for t in [
            "Corporate Peer Challenge – Action Plan",
            "Parks Action Plan",
            "Plan 2025",
        ] {
            assert!(!generic(t), "{t}");
        }
    }
}
