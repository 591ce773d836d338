//! The RAG column: one entry per paragraph, top to bottom, with the colour it is printed on
//! or in — the paragraph's fill, the cell's fill, else the colour of its text or of a symbol
//! (●) — classified green / amber / red, else kept as its value.

use super::super::model::{RagColour, RagEntry};
use crate::colour::Colour;
use crate::geom::Rect;
use crate::table::{Cell, Paragraph};

/// Where the reader can ask the colour of the text printed in a box (page, box): the first
/// coloured (not black, grey or white) word's colour.
pub type TextColour<'a> = &'a dyn Fn(u32, Rect) -> Option<Colour>;

/// A colour a reader sees as a colour: saturated enough (RAG text and symbols are; body text
/// is black or grey).
pub fn is_coloured(c: Colour) -> bool {
    let max = c.r.max(c.g).max(c.b);
    let min = c.r.min(c.g).min(c.b);
    max > 0 && f64::from(max - min) / f64::from(max) >= 0.35
}

/// The RAG entries of a cell, with the paragraphs they came from.
pub fn entries<'c>(
    cell: Option<&'c Cell>,
    text_colour: TextColour,
) -> Vec<(RagEntry, &'c Paragraph)> {
    let Some(cell) = cell else { return Vec::new() };
    cell.paragraphs
        .iter()
        .filter(|p| !p.text.trim().is_empty())
        .map(|p| {
            let fill = p.fill.or(cell.fill);
            let colour = match fill {
                Some(f) => Some(RagColour::classify(f)),
                None => p
                    .lines
                    .iter()
                    .find_map(|l| text_colour(l.page, l.bbox))
                    .map(RagColour::classify),
            };
            (
                RagEntry {
                    text: without_symbol(&p.text),
                    colour,
                    fill,
                },
                p,
            )
        })
        .collect()
}

/// Symbols printed as a rating's colour swatch.
const SYMBOLS: &[char] = &['●', '⬤', '■', '◆', '▲', '▼', '★', '○', '◉'];

/// The text of a rating: a swatch symbol before a word is not part of it ("● On track" → "On
/// track"); a symbol alone is the text.
pub fn without_symbol(text: &str) -> String {
    let t = text.trim();
    let rest = t.trim_start_matches(|c: char| SYMBOLS.contains(&c) || c.is_whitespace());
    if rest.is_empty() {
        t.to_string()
    } else {
        rest.to_string()
    }
}
