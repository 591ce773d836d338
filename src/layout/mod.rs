//! The `layout` stage: glyphs → words → lines → blocks, in reading order.
//!
//! Works for text running in any of the four directions: each direction's glyphs are turned
//! into a "reading frame" where they run left to right, grouped there, and the boxes are
//! turned back into the displayed page frame. Lines are ordered by position, never by
//! content-stream order (LibreOffice draws fallback glyphs late, inside gaps it left).

pub mod frame;
mod leaders;
mod lines;
mod page;
mod spaced;
mod text;
mod words;

use serde::Serialize;
use std::sync::Arc;

use crate::geom::{Pt, Rect};
use crate::pdf::{Colour, Direction};
use crate::tolerance;

pub use lines::{blocks, lines};
pub use page::PageText;
pub use text::{layout_text, reading_text};
pub use words::{across_clip, words};

/// Tolerances for the layout stage, in ems of the font size unless said otherwise.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// A gap wider than this (em) between glyphs on a line starts a new word.
    pub word_gap_em: f64,
    /// Glyphs whose baselines differ by less than this (em) share a line.
    pub line_baseline_em: f64,
    /// A vertical gap over this many line heights starts a new block.
    pub block_gap_lines: f64,
    /// Points per character column in `--layout` text.
    pub layout_char_width: f64,
    /// Words on one baseline further apart than this (em) are in different columns.
    pub column_gap_em: f64,
    /// Two copies of a glyph closer than this (em) are one glyph drawn twice.
    pub duplicate_glyph_em: f64,
    /// A line overlapping a block's last line by less than this many line heights may join
    /// the block.
    pub block_overlap_lines: f64,
    /// In `--layout` text, a baseline step over this (em) prints a blank line.
    pub layout_blank_line_em: f64,
    /// A figure's glyph below this fraction of the size of the glyph before it...
    pub superscript_size_ratio: f64,
    /// ...and raised at least this much (em of the glyph before) starts a word of its own.
    pub superscript_rise_em: f64,
    /// A run of at least this many dots side by side on a line is a dot leader (not text).
    pub leader_min_dots: usize,
    /// Dots of a leader stand no further apart than this (em).
    pub leader_step_em: f64,
    /// Single capitals or figures at most this far apart (em), evenly...
    pub letter_spaced_max_gap_em: f64,
    /// ...their gaps within this (em) of each other, read as one letter-spaced word.
    pub letter_spaced_even_em: f64,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            word_gap_em: tolerance::WORD_GAP_EM,
            line_baseline_em: tolerance::LINE_BASELINE_EM,
            block_gap_lines: tolerance::BLOCK_GAP_LINES,
            layout_char_width: tolerance::LAYOUT_CHAR_WIDTH,
            column_gap_em: tolerance::COLUMN_GAP_EM,
            duplicate_glyph_em: tolerance::DUPLICATE_GLYPH_EM,
            block_overlap_lines: tolerance::BLOCK_OVERLAP_LINES,
            layout_blank_line_em: tolerance::LAYOUT_BLANK_LINE_EM,
            superscript_size_ratio: tolerance::SUPERSCRIPT_SIZE_RATIO,
            superscript_rise_em: tolerance::SUPERSCRIPT_RISE_EM,
            leader_min_dots: tolerance::LEADER_MIN_DOTS,
            leader_step_em: tolerance::LEADER_STEP_EM,
            letter_spaced_max_gap_em: tolerance::LETTER_SPACED_MAX_GAP_EM,
            letter_spaced_even_em: tolerance::LETTER_SPACED_EVEN_EM,
        }
    }
}

/// Whether a font name says bold (or heavier): "Arial-BoldMT", "LiberationSans-Bold",
/// "ABCDEF+Calibri,Bold", "Helvetica-Black".
pub fn is_bold_font(name: &str) -> bool {
    // One pass, ASCII case folded byte by byte, no lowercased copy: this runs once per word of
    // every cell. "semibold" contains "bold".
    // Setting bit 0x20 lower-cases exactly the letters B, H and D among the bytes that could
    // become b, h or d, so the loop skips every other byte with one test.
    let n = name.as_bytes();
    let mut rest = n;
    while let Some(i) = rest
        .iter()
        .position(|&b| matches!(b | 0x20, b'b' | b'h' | b'd'))
    {
        let Some(at) = rest.get(i..) else {
            return false;
        };
        let starts = |w: &[u8]| at.get(..w.len()).is_some_and(|p| p.eq_ignore_ascii_case(w));
        let found = match at.first().map(|b| b | 0x20) {
            Some(b'b') => starts(b"bold") || starts(b"black"),
            Some(b'h') => starts(b"heavy"),
            Some(b'd') => starts(b"demi"),
            _ => false,
        };
        if found {
            return true;
        }
        rest = at.get(1..).unwrap_or_default();
    }
    false
}

/// A word: glyphs on one baseline with no gap wider than the word gap between them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Word {
    /// The text, glyphs joined in visual order.
    pub text: String,
    /// The union of its glyph boxes (displayed frame).
    pub bbox: Rect,
    /// Which way it runs.
    pub direction: Direction,
    /// The baseline position across the direction of writing, in the reading frame (for
    /// left-to-right text: the baseline's y).
    #[serde(skip)]
    pub baseline: f64,
    /// Font of its first glyph.
    #[serde(skip)]
    pub font: Arc<str>,
    /// Font size of its first glyph, in points.
    pub size: f64,
    /// Colour of its first glyph.
    #[serde(skip)]
    pub colour: Option<Colour>,
    /// The clip box of its partly clipped glyphs (the region they were drawn for, as
    /// [`crate::pdf::Glyph::clip`]); `None` when it is drawn whole.
    #[serde(skip)]
    pub clip: Option<Rect>,
}

impl Word {
    /// Where the word is seen: the middle of the part of it its clip lets through (a clipped
    /// cell's overflowing text belongs to that cell), else of its box.
    pub fn anchor(&self) -> Pt {
        self.clip
            .and_then(|c| c.intersection(&self.bbox))
            .unwrap_or(self.bbox)
            .centre()
    }
}

/// A line: words sharing a baseline, close enough to read as one run of text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Line {
    /// Its words, in reading order.
    pub words: Vec<Word>,
    /// The union of its word boxes.
    pub bbox: Rect,
    /// Which way it runs.
    pub direction: Direction,
}

impl Line {
    /// The words joined by single spaces.
    pub fn text(&self) -> String {
        let mut s = String::new();
        for (i, w) in self.words.iter().enumerate() {
            if i > 0 {
                s.push(' ');
            }
            s.push_str(&w.text);
        }
        s
    }
}

/// A block: consecutive lines of one paragraph or column.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Block {
    /// Its lines, top to bottom.
    pub lines: Vec<Line>,
    /// The union of its line boxes.
    pub bbox: Rect,
}

#[cfg(test)]
mod tests {
    use super::is_bold_font;

    #[test]
    fn bold_font_names_in_any_case() {
        for bold in [
            "Arial-BoldMT",
            "LiberationSans-Bold",
            "ABCDEF+Calibri,Bold",
            "Helvetica-Black",
            "SEGOEUI-SEMIBOLD",
            "Avenir-Heavy",
            "Futura-DemiBold",
            "Ünïcode-bold",
            "BBold",
            "dhb-HEAVYx",
            "ÄBLACK",
        ] {
            assert!(is_bold_font(bold), "{bold}");
        }
        for plain in [
            "Arial",
            "Calibri,Italic",
            "",
            "Bol",
            "Times-Roman",
            "Dem",
            "bhd-Bl",
        ] {
            assert!(!is_bold_font(plain), "{plain}");
        }
    }
}
