//! One page laid out once: its size and its lines (with their words), which is all that the
//! later stages read of a page's text. The glyphs can be dropped once this is made.

use super::{lines, Line, Settings, Word};
use crate::geom::Rect;
use crate::pdf::{Glyph, PageInfo};

/// A page's text, laid out: lines in the order [`lines`] gives, each with its words.
#[derive(Debug, Clone, PartialEq)]
pub struct PageText {
    /// 1-based page number.
    pub number: u32,
    /// Displayed width in points.
    pub width: f64,
    /// Displayed height in points.
    pub height: f64,
    /// Every line of the page (all directions), each with its words.
    pub lines: Vec<Line>,
}

impl PageText {
    /// Lay a page's glyphs out into lines.
    pub fn new(info: &PageInfo, glyphs: &[Glyph], settings: &Settings) -> PageText {
        PageText {
            number: info.number,
            width: info.width,
            height: info.height,
            lines: lines(glyphs, settings),
        }
    }

    /// Every word of the page, in the order [`super::words`] gives (the lines' words in turn).
    pub fn words(&self) -> Vec<Word> {
        let n = self.lines.iter().map(|l| l.words.len()).sum();
        let mut out = Vec::with_capacity(n);
        for line in &self.lines {
            out.extend(line.words.iter().cloned());
        }
        out
    }

    /// The words tables are read from: [`Self::words`] but the dot leaders
    /// ([`super::leaders`]), which stand between a label and its figure as white space does.
    pub fn table_words(&self, settings: &Settings) -> Vec<Word> {
        let mut out = self.words();
        out.retain(|w| !super::leaders::is_leader(&w.text, settings));
        out
    }

    /// Drop the lines whose centre lies inside one of `boxes` (text that tables hold).
    pub fn keep_lines_outside(&mut self, boxes: &[Rect]) {
        self.lines
            .retain(|l| !boxes.iter().any(|b| b.contains(l.bbox.centre(), 0.0)));
    }

    /// Whether the page is wider than it is tall.
    pub fn is_landscape(&self) -> bool {
        self.width > self.height
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::{Document, OpenOptions};

    /// The page's words are exactly what laying out words alone gives, on every page of the
    /// board paper (so tables see the same words as before pages were laid out once).
    #[test]
    fn words_of_the_lines_are_the_page_words() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures/mscb/mscb-board-paper-2015-06.pdf");
        let doc = match Document::open(&path, &OpenOptions::default()) {
            Ok(d) => d,
            Err(e) => panic!("{e}"),
        };
        let settings = Settings::default();
        let mut seen = 0;
        for n in 1..=doc.page_count() {
            let page = doc.page(n).unwrap_or_else(|e| panic!("page {n}: {e}"));
            let text = PageText::new(&page.info, &page.glyphs, &settings);
            let words = super::super::words(&page.glyphs, &settings);
            assert_eq!(text.words(), words, "page {n}");
            seen += words.len();
        }
        assert!(seen > 1000, "only {seen} words");
    }
}
