//! A plan's title, version and version date from its caption: the title rows printed inside
//! the table above its header, else the block printed just above the table ("… Action Plan –
//! Version 1.2 – October 2019").

use regex::Regex;
use std::sync::OnceLock;

use super::text;
use crate::table::Table;

/// "<title> Version <v> – <date>".
fn caption_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)^(.*?)[\s–—-]*\bversion\s+([0-9A-Za-z.]+)\s*(?:[–—-]\s*(.*?))?\s*$")
            .unwrap_or_else(|_| unreachable!("constant pattern"))
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

/// Title, version and version date from a caption.
pub fn read(cap: &str) -> (String, Option<String>, Option<String>) {
    match caption_re().captures(cap) {
        Some(c) => (
            c.get(1)
                .map(|m| m.as_str().trim().to_string())
                .unwrap_or_default(),
            c.get(2).map(|m| m.as_str().to_string()),
            c.get(3)
                .map(|m| title_case(m.as_str()))
                .filter(|s| !s.is_empty()),
        ),
        None => (cap.trim().to_string(), None, None),
    }
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
    }
}
