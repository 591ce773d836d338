//! Step 1: the page's layout lines merged into rows (everything printed on one baseline),
//! top to bottom, each word with the form the classifier reads (left and right edges, weight,
//! size) and whether a column gap opens it.

use crate::geom::Direction;
use crate::layout::{self, PageText};
use crate::paper::PaperSettings;

/// A word of a row, with what the reader needs of it.
#[derive(Debug, Clone)]
pub(super) struct W {
    pub text: String,
    pub x0: f64,
    pub x1: f64,
    pub bold: bool,
    /// Whether its face is italic (or oblique).
    pub italic: bool,
    pub size: f64,
    /// Whether a column gap separates it from the word before (a new layout line starts).
    pub new_seg: bool,
}

/// Everything printed on one baseline of one page, left to right.
#[derive(Debug, Clone)]
pub(super) struct Row {
    pub page: u32,
    pub top: f64,
    pub bottom: f64,
    pub baseline: f64,
    /// The font size of its first word.
    pub size: f64,
    pub words: Vec<W>,
    /// Whether it lies in a sidebar of front matter beside the body (not in the body's
    /// column, so not measured for the body's margins).
    pub aside: bool,
}

impl Row {
    /// Left edge of its first word.
    pub fn x0(&self) -> f64 {
        self.words.first().map_or(0.0, |w| w.x0)
    }

    /// Right edge of its last word.
    pub fn x1(&self) -> f64 {
        self.words.last().map_or(0.0, |w| w.x1)
    }

    /// The words from index `from`, joined by single spaces.
    pub fn text_from(&self, from: usize) -> String {
        words_text(self.words.iter().skip(from))
    }

    /// The whole row's text.
    pub fn text(&self) -> String {
        self.text_from(0)
    }

    /// Whether every word from `from` on is bold (and there is one).
    pub fn all_bold_from(&self, from: usize) -> bool {
        self.words.len() > from && self.words.iter().skip(from).all(|w| w.bold)
    }

    /// Whether every word from `from` on is italic (and there is one).
    pub fn all_italic_from(&self, from: usize) -> bool {
        self.words.len() > from && self.words.iter().skip(from).all(|w| w.italic)
    }

    /// The largest font size of its words from `from` on.
    pub fn max_size_from(&self, from: usize) -> f64 {
        self.words
            .iter()
            .skip(from)
            .map(|w| w.size)
            .fold(0.0, f64::max)
    }

    /// Its segments (runs of words between column gaps) as word index ranges.
    pub fn segments(&self) -> Vec<std::ops::Range<usize>> {
        let mut out = Vec::new();
        let mut start = 0;
        for (i, w) in self.words.iter().enumerate() {
            if i > 0 && w.new_seg {
                out.push(start..i);
                start = i;
            }
        }
        if start < self.words.len() {
            out.push(start..self.words.len());
        }
        out
    }

    /// The text of the words in `range`.
    pub fn range_text(&self, range: std::ops::Range<usize>) -> String {
        words_text(self.words.get(range).unwrap_or_default().iter())
    }
}

fn words_text<'a>(words: impl Iterator<Item = &'a W> + Clone) -> String {
    // Sized once: growing the text word by word reallocated it again and again.
    let len: usize = words.clone().map(|w| w.text.len() + 1).sum();
    let mut s = String::with_capacity(len);
    for w in words {
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(&w.text);
    }
    s
}

/// Whether a font is a bold face: as the layout stage decides, and also the "Medi" (medium)
/// face that serves as bold in the URW Times and Palatino families LaTeX uses
/// ("NimbusRomNo9L-Medi").
fn is_bold(font: &str) -> bool {
    layout::is_bold_font(font) || font.to_ascii_lowercase().ends_with("-medi")
}

/// Whether a font is an italic or oblique face ("Arial-ItalicMT", "Helvetica-Oblique",
/// "NimbusRomNo9L-ReguItal").
fn is_italic(font: &str) -> bool {
    let f = font.to_ascii_lowercase();
    f.contains("italic") || f.contains("oblique") || f.ends_with("ital")
}

/// Whether `w` is a footnote mark glued to the word `before` it: figures or marks only, set
/// smaller, raised and touching it ("6.3%¹"; the layout gives such a superscript a word of
/// its own).
fn footnote_mark(before: &layout::Word, w: &layout::Word, settings: &PaperSettings) -> bool {
    let size = before.size.max(1.0);
    !w.text.chars().any(char::is_alphabetic)
        && w.size < size * settings.footnote_size_ratio
        && w.baseline < before.baseline
        && w.bbox.x0 - before.bbox.x1 <= settings.footnote_mark_gap_em * size
}

/// The page's left-to-right lines merged into rows by baseline, top to bottom.
pub(super) fn page_rows(page: &PageText, settings: &PaperSettings) -> Vec<Row> {
    let mut lines: Vec<&layout::Line> = page
        .lines
        .iter()
        .filter(|l| l.direction == Direction::Ltr && !l.words.is_empty())
        .collect();
    let baseline = |l: &layout::Line| l.words.first().map_or(l.bbox.bottom, |w| w.baseline);
    lines.sort_by(|a, b| {
        baseline(a)
            .total_cmp(&baseline(b))
            .then(a.bbox.x0.total_cmp(&b.bbox.x0))
    });
    let mut rows: Vec<(Row, Vec<&layout::Line>)> = Vec::new();
    for line in lines {
        let b = baseline(line);
        let size = line
            .words
            .first()
            .map_or(settings.default_font_size, |w| w.size)
            .max(1.0);
        match rows.last_mut() {
            Some((row, group))
                if (b - row.baseline).abs() < settings.row_baseline_em * row.size.max(size) =>
            {
                row.top = row.top.min(line.bbox.top);
                row.bottom = row.bottom.max(line.bbox.bottom);
                group.push(line);
            }
            _ => rows.push((
                Row {
                    aside: false,
                    page: page.number,
                    top: line.bbox.top,
                    bottom: line.bbox.bottom,
                    baseline: b,
                    size,
                    words: Vec::new(),
                },
                vec![line],
            )),
        }
    }
    rows.into_iter()
        .map(|(mut row, mut group)| {
            // A row's words mostly share one face: its weight and slant are read once per run
            // of words in one face (reading them lower-cased the font's name twice a word).
            let mut face: Option<(&str, bool, bool)> = None;
            group.sort_by(|a, b| a.bbox.x0.total_cmp(&b.bbox.x0));
            for line in group {
                let mut before: Option<&layout::Word> = None;
                // A footnote mark left out, and whether the word after it touches it.
                let mut dropped: Option<&layout::Word> = None;
                for (i, w) in line.words.iter().enumerate() {
                    let mark = before.is_some_and(|b| footnote_mark(b, w, settings));
                    before = Some(w);
                    if mark {
                        dropped = Some(w);
                        continue;
                    }
                    let glued = dropped.take().is_some_and(|m| {
                        w.bbox.x0 - m.bbox.x1 <= settings.footnote_mark_gap_em * w.size.max(1.0)
                    });
                    if let Some(last) = row.words.last_mut().filter(|_| glued) {
                        // The rest of the word the mark was printed in ("6.3%¹." → "6.3%.").
                        last.text.push_str(&w.text);
                        last.x1 = w.bbox.x1;
                        continue;
                    }
                    let (bold, italic) = match face {
                        Some((name, bold, italic)) if name == &*w.font => (bold, italic),
                        _ => {
                            let read = (is_bold(&w.font), is_italic(&w.font));
                            face = Some((&w.font, read.0, read.1));
                            read
                        }
                    };
                    row.words.push(W {
                        bold,
                        italic,
                        size: w.size,
                        text: w.text.clone(),
                        x0: w.bbox.x0,
                        x1: w.bbox.x1,
                        new_seg: i == 0,
                    });
                }
            }
            if let Some(first) = row.words.first() {
                row.size = first.size.max(1.0);
            }
            row
        })
        .collect()
}
