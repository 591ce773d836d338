//! Plain text of a page: in reading order, or laid out with spaces like `pdftotext -layout`.

use super::words::runs;
use super::{blocks, Settings};
use crate::pdf::{Direction, Glyph};
use crate::tolerance::DEFAULT_FONT_SIZE;

/// The page's text in reading order: one line per line, a blank line between blocks.
pub fn reading_text(glyphs: &[Glyph], settings: &Settings) -> String {
    let mut out = String::new();
    for (i, b) in blocks(glyphs, settings).iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        for l in &b.lines {
            out.push_str(&l.text());
            out.push('\n');
        }
    }
    out
}

/// The furthest column a word is placed at. A0 landscape (3,370 pt) is under 700 columns at
/// the layout character width, so only text drawn far off the page is pulled in; without a
/// cap a line grows with a coordinate (fuzzing found a glyph at x = 5.8e8 pt: 100 MB lines).
const MAX_LAYOUT_COLUMN: usize = 2_000;

/// The page's text with columns kept by spaces: each word starts at the character column of
/// its left edge; a large vertical gap gives a blank line. Only left-to-right text is laid out
/// this way; text in other directions follows in reading order.
pub fn layout_text(glyphs: &[Glyph], settings: &Settings) -> String {
    let cw = settings.layout_char_width.max(0.5);
    let mut out = String::new();
    let mut prev: Option<(f64, f64)> = None;
    for run in runs(glyphs, settings)
        .into_iter()
        .filter(|r| r.direction == Direction::Ltr)
    {
        let size = run
            .words
            .first()
            .map_or(DEFAULT_FONT_SIZE, |w| w.size.max(1.0));
        if let Some((base, psize)) = prev {
            if run.baseline - base > settings.layout_blank_line_em * psize.max(size) {
                out.push('\n');
            }
        }
        let mut line = String::new();
        let mut len = 0usize;
        for w in &run.words {
            let col = ((w.bbox.x0 / cw).round().max(0.0) as usize).min(MAX_LAYOUT_COLUMN);
            let target = if len == 0 { col } else { col.max(len + 1) };
            line.extend(std::iter::repeat_n(' ', target - len));
            line.push_str(&w.text);
            len = target + w.text.chars().count();
        }
        out.push_str(line.trim_end());
        out.push('\n');
        prev = Some((run.baseline, size));
    }
    let others: Vec<Glyph> = glyphs
        .iter()
        .filter(|g| g.direction != Direction::Ltr)
        .cloned()
        .collect();
    if !others.is_empty() {
        out.push('\n');
        out.push_str(&reading_text(&others, settings));
    }
    out
}
