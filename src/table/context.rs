//! The text around a page's tables, kept to decide whether a page break really splits one
//! table: a caption or heading printed after the last table of a page or before the first of
//! the next says the two are different tables, while running headers and footers (the same
//! words at about the same place on both pages, page numbers aside) and "continued" notes
//! say nothing.

use std::sync::Arc;

use super::{PageTable, Settings};
use crate::geom::Rect;
use crate::layout::Word;
use crate::pdf::Direction;

/// A line of text outside every table of its page.
#[derive(Debug, Clone, PartialEq)]
pub struct TextLine {
    /// Its words joined by spaces.
    pub text: String,
    /// Its box.
    pub bbox: Rect,
    /// Its words, left to right, each with its box: where a line above a continued table
    /// falls among the table's columns.
    pub words: Vec<LineWord>,
}

/// A word of a [`TextLine`].
#[derive(Debug, Clone, PartialEq)]
pub struct LineWord {
    /// The word.
    pub text: String,
    /// Its box.
    pub bbox: Rect,
}

/// The left-to-right lines of `words` (the page's words) whose centres lie outside every box
/// in `tables`, top to bottom.
pub(crate) fn lines_outside(words: &[Word], tables: &[Rect], s: &Settings) -> Arc<[TextLine]> {
    let mut free: Vec<&Word> = words
        .iter()
        .filter(|w| w.direction == Direction::Ltr)
        .filter(|w| !tables.iter().any(|t| t.contains(w.bbox.centre(), 0.0)))
        .collect();
    free.sort_by(|a, b| {
        a.baseline
            .total_cmp(&b.baseline)
            .then(a.bbox.x0.total_cmp(&b.bbox.x0))
    });
    let mut out: Vec<(f64, TextLine)> = Vec::new();
    for w in free {
        let tol = s.cell_line_baseline_em * w.size.max(1.0);
        match out.last_mut() {
            Some((base, line)) if (w.baseline - *base).abs() <= tol => {
                line.text.push(' ');
                line.text.push_str(&w.text);
                line.bbox = line.bbox.union(&w.bbox);
                line.words.push(LineWord {
                    text: w.text.clone(),
                    bbox: w.bbox,
                });
            }
            _ => out.push((
                w.baseline,
                TextLine {
                    text: w.text.clone(),
                    bbox: w.bbox,
                    words: vec![LineWord {
                        text: w.text.clone(),
                        bbox: w.bbox,
                    }],
                },
            )),
        }
    }
    out.into_iter().map(|(_, l)| l).collect()
}

/// The words of a line that identify it across pages: lower case, digits dropped (page
/// numbers and dates in running headers change from page to page).
fn key(text: &str) -> String {
    text.split_whitespace()
        .map(|w| {
            w.chars()
                .filter(|c| !c.is_ascii_digit())
                .flat_map(char::to_lowercase)
                .collect::<String>()
        })
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether a line is a footnote: it opens with a note mark (a number of one or two digits with
/// no full stop after it, or *, † or ‡) and a word ("2 Gross investment income …"). A numbered
/// heading has its full stop or colon ("2. Outcome", "2: Outcome").
fn footnote(text: &str) -> bool {
    let mut words = text.split_whitespace();
    let Some(mark) = words.next() else {
        return false;
    };
    let numbered = (1..=2).contains(&mark.len()) && mark.chars().all(|c| c.is_ascii_digit());
    let symbol = mark.chars().all(|c| matches!(c, '*' | '†' | '‡'));
    (numbered || symbol) && words.next().is_some()
}

/// Whether `line` says nothing about where a table ends: a page number, a running header or
/// footer (a line with the same key at about the same height on the `other` page), a footnote
/// or a "continued" note.
pub(crate) fn neutral(line: &TextLine, other: &[TextLine], s: &Settings) -> bool {
    let k = key(&line.text);
    k.is_empty()
        || footnote(&line.text)
        || k.contains("continued")
        || k.contains("cont'd")
        || other.iter().any(|o| {
            (o.bbox.top - line.bbox.top).abs() <= s.running_line_tolerance && key(&o.text) == k
        })
}

/// Whether text printed between `last` (the last table on its page) and `next` (the first table
/// on the next page) separates them: a line below `last` (above its page's footnotes) or above
/// `next` that is not neutral.
pub(crate) fn separated(last: &PageTable, next: &PageTable, s: &Settings) -> bool {
    let below = last
        .outside
        .iter()
        .filter(|l| l.bbox.top >= last.bbox.bottom - s.snap_tolerance)
        // Footnotes run on to the page's foot.
        .take_while(|l| !footnote(&l.text));
    let above = next
        .outside
        .iter()
        .filter(|l| l.bbox.bottom <= next.bbox.top + s.snap_tolerance);
    below.into_iter().any(|l| !neutral(l, &next.outside, s))
        || above.into_iter().any(|l| !neutral(l, &last.outside, s))
}

/// Whether `last` (the last table on its page) reaches that page's foot, where a page break
/// cuts a row: its bottom lies within `foot_gap` of the lowest body text or table on its page
/// or on the page of `next` (the body's bottom margin, the same on both; running lines, page
/// numbers and footnotes aside). A table that ends higher ended before the break, so a row
/// opening the next page with an empty key cell is a row of its own.
pub(crate) fn reaches_foot(last: &PageTable, next: &PageTable, s: &Settings) -> bool {
    let body = |lines: &[TextLine], other: &[TextLine]| -> f64 {
        lines
            .iter()
            .filter(|l| !neutral(l, other, s))
            .map(|l| l.bbox.bottom)
            .fold(f64::NEG_INFINITY, f64::max)
    };
    let lowest = last
        .bbox
        .bottom
        .max(next.bbox.bottom)
        .max(body(&last.outside, &next.outside))
        .max(body(&next.outside, &last.outside));
    lowest - last.bbox.bottom <= s.foot_gap
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(text: &str, top: f64) -> TextLine {
        TextLine {
            text: text.into(),
            bbox: Rect {
                x0: 50.0,
                top,
                x1: 300.0,
                bottom: top + 10.0,
            },
            words: Vec::new(),
        }
    }

    fn table(page: u32, top: f64, bottom: f64, outside: Vec<TextLine>) -> PageTable {
        PageTable {
            page,
            bbox: Rect {
                x0: 50.0,
                top,
                x1: 500.0,
                bottom,
            },
            xs: vec![50.0, 500.0],
            ys: vec![top, bottom],
            cells: Vec::new(),
            ruled: true,
            continuation_only: false,
            outside: outside.into(),
        }
    }

    #[test]
    fn running_lines_and_page_numbers_do_not_separate_tables() {
        let s = Settings::default();
        let a = table(
            1,
            100.0,
            780.0,
            vec![
                line("Cabinet 12 March 2026", 30.0),
                line("Page 3 of 9", 800.0),
                line("Table 2: Budget", 80.0),
            ],
        );
        let b = table(
            2,
            60.0,
            500.0,
            vec![
                line("Cabinet 12 March 2026", 30.0),
                line("Page 4 of 9", 800.0),
                line("14", 810.0),
            ],
        );
        assert!(!separated(&a, &b, &s));
        let footnote = table(
            2,
            60.0,
            500.0,
            vec![
                line("2 Gross income is estimated to be £19.8m including", 760.0),
                line("£8.3m of other bodies.", 771.0),
            ],
        );
        assert!(!separated(
            &footnote,
            &table(3, 60.0, 500.0, Vec::new()),
            &s
        ));
        let cont = table(
            2,
            60.0,
            500.0,
            vec![
                line("Table 2 (continued)", 45.0),
                line("Page 4 of 9", 801.0),
            ],
        );
        assert!(!separated(&a, &cont, &s));
    }

    #[test]
    fn a_table_ending_high_on_its_page_does_not_reach_its_foot() {
        let s = Settings::default();
        let footer = |y| vec![line("Page 3", y)];
        let next = table(2, 60.0, 770.0, footer(800.0));
        assert!(reaches_foot(
            &table(1, 100.0, 772.0, footer(800.0)),
            &next,
            &s
        ));
        assert!(!reaches_foot(
            &table(1, 100.0, 520.0, footer(800.0)),
            &next,
            &s
        ));
        // Body text lower on its page than the next page's table shows where the foot is.
        let short_next = table(2, 60.0, 300.0, Vec::new());
        let with_text = table(1, 100.0, 520.0, vec![line("A note on the figures", 30.0)]);
        assert!(reaches_foot(&with_text, &short_next, &s));
        let text_lower = table(2, 60.0, 300.0, vec![line("The next section begins", 760.0)]);
        assert!(!reaches_foot(&with_text, &text_lower, &s));
    }

    #[test]
    fn a_heading_between_tables_separates_them() {
        let s = Settings::default();
        let a = table(1, 100.0, 700.0, vec![line("Page 3", 800.0)]);
        let b = table(
            2,
            80.0,
            500.0,
            vec![
                line("Outcome 2: Safer streets", 60.0),
                line("Page 4", 800.0),
            ],
        );
        assert!(separated(&a, &b, &s));
        let numbered = table(2, 80.0, 500.0, vec![line("2. Safer streets", 60.0)]);
        assert!(separated(&a, &numbered, &s));
        let caption_below = table(1, 100.0, 700.0, vec![line("Source: annual survey", 710.0)]);
        let plain = table(2, 80.0, 500.0, Vec::new());
        assert!(separated(&caption_below, &plain, &s));
    }
}
