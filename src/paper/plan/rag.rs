//! The RAG column: one entry per paragraph, top to bottom, with the colour it is printed on
//! or in — the paragraph's fill, the cell's fill, else the colour of its text or of a symbol
//! (●) — classified green / amber / red, else kept as its value. A pale fill is read by its
//! hue (a spreadsheet's pale green status cell is green); a fill of no rating's hue (a row's
//! banding shade) yields to a coloured symbol or text printed on it.

use super::super::model::{RagColour, RagEntry};
use crate::colour::Colour;
use crate::geom::{Pt, Rect};
use crate::table::{Cell, Mark, MarkShape, Paragraph};

/// Where the reader can ask the colour of the text printed in a box (page, box): the first
/// coloured (not black, grey or white) word's colour.
pub type TextColour<'a> = &'a (dyn Fn(u32, Rect) -> Option<Colour> + Sync);

/// A colour a reader sees as a colour: saturated enough (RAG text and symbols are; body text
/// is black or grey).
pub fn is_coloured(c: Colour) -> bool {
    let max = c.r.max(c.g).max(c.b);
    let min = c.r.min(c.g).min(c.b);
    max > 0 && f64::from(max - min) / f64::from(max) >= 0.35
}

/// A fill classified by its hue: as [`RagColour::classify`] does, and a pale tint at least
/// `pale` saturated (max − min over max) by the hue it shares with the full colour.
pub fn classify_fill(c: Colour, pale: f64) -> RagColour {
    let full = RagColour::classify(c);
    let max = c.r.max(c.g).max(c.b);
    let min = c.r.min(c.g).min(c.b);
    if !matches!(full, RagColour::Other(_))
        || max == 0
        || f64::from(max - min) / f64::from(max) < pale
    {
        return full;
    }
    // The same hue at full saturation: each channel stretched from [min, max] to [0, 255].
    let stretch = |v: u8| ((u32::from(v - min) * 255) / u32::from(max - min)) as u8;
    match RagColour::classify(Colour {
        r: stretch(c.r),
        g: stretch(c.g),
        b: stretch(c.b),
    }) {
        RagColour::Other(_) => full,
        hue => hue,
    }
}

/// Where an entry is printed: page, top and line height.
pub type At = Option<(u32, f64, f64)>;

/// The RAG entries of a cell, top to bottom, with where each is printed; `pale` the least
/// saturation of a fill read by its hue. A paragraph's colour is its own fill, else a shape
/// drawn level with it (a vector ● or a circle behind an "R"), else the cell's fill, else its
/// text's colour. A cell with shapes and no text gives one entry per shape, its text the
/// shape's symbol (FORMAT.md: the text as printed).
pub fn entries(cell: Option<&Cell>, text_colour: TextColour, pale: f64) -> Vec<(RagEntry, At)> {
    let Some(cell) = cell else { return Vec::new() };
    let texts: Vec<(RagEntry, At)> = cell
        .paragraphs
        .iter()
        .filter_map(|p| Some((p, printed(p)?)))
        .map(|(p, printed)| {
            let at = p
                .lines
                .first()
                .map(|l| (l.page, l.bbox.top, l.bbox.height()));
            let mark = cell.marks.iter().find(|m| {
                let mid = (m.bbox.top + m.bbox.bottom) / 2.0;
                p.lines
                    .iter()
                    .any(|l| mid >= l.bbox.top - 1.0 && mid <= l.bbox.bottom + 1.0)
            });
            let fill = p.fill;
            // A fill of a rating's hue names the rating; a neutral fill (a row's banding
            // shade, a pale blue) yields to a coloured symbol or text printed on it, and is
            // the colour only when nothing coloured is.
            let rated = |f: Option<Colour>| {
                f.map(|f| classify_fill(f, pale))
                    .filter(|c| !matches!(c, RagColour::Other(_)))
            };
            let colour = rated(fill)
                .or_else(|| mark.map(|m| RagColour::classify(m.colour)))
                .or_else(|| rated(cell.fill))
                .or_else(|| {
                    p.lines
                        .iter()
                        .find_map(|l| text_colour(l.page, l.bbox))
                        .map(RagColour::classify)
                })
                .or_else(|| fill.or(cell.fill).map(|f| classify_fill(f, pale)));
            let entry = RagEntry {
                text: without_symbol(&printed),
                colour,
                fill: fill.or(cell.fill),
            };
            (entry, at)
        })
        .collect();
    if !texts.is_empty() {
        return texts;
    }
    if cell.marks.is_empty() {
        return fill_alone(cell, pale).into_iter().collect();
    }
    let mut marks: Vec<&Mark> = cell.marks.iter().collect();
    marks.sort_by(|a, b| a.bbox.top.total_cmp(&b.bbox.top));
    marks
        .into_iter()
        .map(|m| {
            let page = cell
                .parts
                .iter()
                .find(|part| {
                    let mid = Pt::new(
                        (m.bbox.x0 + m.bbox.x1) / 2.0,
                        (m.bbox.top + m.bbox.bottom) / 2.0,
                    );
                    part.bbox.contains(mid, 1.0)
                })
                .or(cell.parts.first())
                .map_or(0, |part| part.page);
            let entry = RagEntry {
                text: symbol(m.shape).to_string(),
                colour: Some(RagColour::classify(m.colour)),
                fill: None,
            };
            (entry, Some((page, m.bbox.top, m.bbox.height())))
        })
        .collect()
}

/// The text a RAG paragraph prints: its text, or, when that is empty because its only
/// character is a swatch symbol the table stage took for a bullet (a coloured ● typed in the
/// cell, a font glyph rather than a drawn shape), that symbol. `None`: nothing printed.
fn printed(p: &Paragraph) -> Option<String> {
    let t = p.text.trim();
    if !t.is_empty() {
        return Some(t.to_string());
    }
    let line = p.lines.iter().map(|l| l.text.trim()).collect::<String>();
    let mut cs = line.chars();
    match (cs.next(), cs.next()) {
        (Some(c), None) if SYMBOLS.contains(&c) => Some(c.to_string()),
        _ => None,
    }
}

/// Whether a fill is a rating's colour: green, amber or red by hue (a pale tint too), or a
/// BRAG plan's blue for complete (a saturated blue: a pale blue is a banding or header shade).
pub fn is_rating_fill(c: Colour, pale: f64) -> bool {
    !matches!(classify_fill(c, pale), RagColour::Other(_)) || brag_blue(c)
}

/// A saturated blue (hue 180–250°, as [`is_coloured`] saturated): BRAG's fourth rating.
fn brag_blue(c: Colour) -> bool {
    let (r, g, b) = (i32::from(c.r), i32::from(c.g), i32::from(c.b));
    let (max, min) = (r.max(g).max(b), r.min(g).min(b));
    if max != b || max == min || !is_coloured(c) {
        return false;
    }
    // Hue where blue is largest: 240° + 60° × (r − g) / (max − min).
    let hue = 240.0 + 60.0 * f64::from(r - g) / f64::from(max - min);
    (180.0..=250.0).contains(&hue)
}

/// A RAG cell with no text and no mark, only a fill in a rating's colour (a spreadsheet whose
/// status cells are coloured in): one entry with no text and that colour ([`is_rating_fill`]:
/// a BRAG plan's blue kept as its value). A fill of no rating's hue (grey, white, a banding
/// shade, a pale blue) is no rating.
fn fill_alone(cell: &Cell, pale: f64) -> Option<(RagEntry, At)> {
    let fill = cell.fill.filter(|&f| is_rating_fill(f, pale))?;
    let colour = classify_fill(fill, pale);
    let at = cell
        .parts
        .first()
        .map(|p| (p.page, p.bbox.top, p.bbox.height()));
    let entry = RagEntry {
        text: String::new(),
        colour: Some(colour),
        fill: Some(fill),
    };
    Some((entry, at))
}

/// The character a reader writes for a drawn shape.
fn symbol(shape: MarkShape) -> char {
    match shape {
        MarkShape::Circle | MarkShape::Other => '●',
        MarkShape::Square => '■',
        MarkShape::Triangle => '▲',
        MarkShape::Diamond => '◆',
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(v: u32) -> Colour {
        Colour {
            r: (v >> 16) as u8,
            g: (v >> 8) as u8,
            b: v as u8,
        }
    }

    /// A cell of one paragraph printing `line`, its text as the table stage gives it.
    fn cell_of(line: &str, text: &str) -> Cell {
        let bbox = Rect {
            x0: 430.0,
            top: 110.0,
            x1: 444.0,
            bottom: 131.0,
        };
        Cell {
            row: 1,
            col: 4,
            row_span: 1,
            col_span: 1,
            paragraphs: vec![Paragraph {
                text: text.into(),
                bullet: text.is_empty(),
                fill: None,
                lines: vec![crate::table::CellLine {
                    text: line.into(),
                    bbox,
                    page: 2,
                    bold: false,
                }],
            }],
            fill: None,
            marks: Vec::new(),
            parts: vec![crate::table::Part { page: 2, bbox }],
        }
    }

    #[test]
    fn a_coloured_symbol_typed_alone_is_an_entry() {
        // A ● typed in the cell in the RAG colour: the table stage reads it as a bullet with
        // no text; the reader sees the symbol in its colour.
        let green = |_: u32, _: Rect| Some(hex(0x00873C));
        let pale = crate::tolerance::PALE_FILL_SATURATION;
        let got = entries(Some(&cell_of("●", "")), &green, pale);
        assert_eq!(got.len(), 1);
        let (entry, at) = &got[0];
        assert_eq!(entry.text, "●");
        assert_eq!(entry.colour, Some(RagColour::Green));
        assert_eq!(*at, Some((2, 110.0, 21.0)));
        // A bullet with nothing after it that is no swatch symbol prints nothing.
        assert!(entries(Some(&cell_of("•", "")), &green, pale).is_empty());
        // A symbol before a word: the word is the text.
        let got = entries(Some(&cell_of("● On track", "On track")), &green, pale);
        assert_eq!(got[0].0.text, "On track");
    }

    #[test]
    fn a_coloured_symbol_on_a_banded_row_is_its_colour() {
        // Every other row shaded a near-white grey-blue: the ● before the word is the rating.
        let pale = crate::tolerance::PALE_FILL_SATURATION;
        let red = |_: u32, _: Rect| Some(hex(0xC0392B));
        let none = |_: u32, _: Rect| None;
        let mut banded = cell_of("● Off track", "Off track");
        banded.fill = Some(hex(0xF1F1F6));
        let got = entries(Some(&banded), &red, pale);
        assert_eq!(got[0].0.colour, Some(RagColour::Red));
        // With nothing coloured printed on it, the band is kept as printed.
        let got = entries(Some(&banded), &none, pale);
        assert_eq!(got[0].0.colour, Some(RagColour::Other(hex(0xF1F1F6))));
        // A fill of a rating's hue names the rating whatever the text's colour.
        banded.fill = Some(hex(0xC6EFCE));
        let got = entries(Some(&banded), &red, pale);
        assert_eq!(got[0].0.colour, Some(RagColour::Green));
    }

    #[test]
    fn pale_fills_by_their_hue() {
        let pale = crate::tolerance::PALE_FILL_SATURATION;
        assert_eq!(classify_fill(hex(0xC6EFCE), pale), RagColour::Green);
        assert_eq!(classify_fill(hex(0xFFC7CE), pale), RagColour::Red);
        assert_eq!(classify_fill(hex(0xFFEB9C), pale), RagColour::Amber);
        assert_eq!(classify_fill(hex(0x00B050), pale), RagColour::Green);
        // The lightest office-palette tints (Google Docs' light green, yellow and red 3).
        assert_eq!(classify_fill(hex(0xD9EAD3), pale), RagColour::Green);
        assert_eq!(classify_fill(hex(0xFFF2CC), pale), RagColour::Amber);
        assert_eq!(classify_fill(hex(0xF4CCCC), pale), RagColour::Red);
        assert_eq!(classify_fill(hex(0xE2EFDA), pale), RagColour::Green);
        // A banded row's near-white has no hue to read.
        assert_eq!(
            classify_fill(hex(0xF1F1F6), pale),
            RagColour::Other(hex(0xF1F1F6))
        );
        // Grey and pale blue have no RAG hue: kept as printed.
        assert_eq!(
            classify_fill(hex(0xD9D9D9), pale),
            RagColour::Other(hex(0xD9D9D9))
        );
        assert_eq!(
            classify_fill(hex(0xDDEBF7), pale),
            RagColour::Other(hex(0xDDEBF7))
        );
    }

    #[test]
    fn a_cell_coloured_in_with_no_text_is_its_fill() {
        let pale = crate::tolerance::PALE_FILL_SATURATION;
        let cell = |fill: Option<Colour>| Cell {
            row: 1,
            col: 5,
            row_span: 1,
            col_span: 1,
            paragraphs: Vec::new(),
            fill,
            marks: Vec::new(),
            parts: Vec::new(),
        };
        let none = |_: u32, _: Rect| None;
        let got = entries(Some(&cell(Some(hex(0xFFC000)))), &none, pale);
        let got: Vec<_> = got.into_iter().map(|(e, _)| (e.text, e.colour)).collect();
        assert_eq!(got, [(String::new(), Some(RagColour::Amber))]);
        // BRAG's blue (complete) is a rating, kept as printed; a pale blue is a shade.
        let got = entries(Some(&cell(Some(hex(0x0070C0)))), &none, pale);
        let got: Vec<_> = got.into_iter().map(|(e, _)| (e.text, e.colour)).collect();
        assert_eq!(
            got,
            [(String::new(), Some(RagColour::Other(hex(0x0070C0))))]
        );
        assert!(entries(Some(&cell(Some(hex(0xDDEBF7)))), &none, pale).is_empty());
        assert!(entries(Some(&cell(Some(hex(0x9DC3E6)))), &none, pale).is_empty());
        // A grey banding shade, or no fill, is no rating.
        assert!(entries(Some(&cell(Some(hex(0xD9D9D9)))), &none, pale).is_empty());
        assert!(entries(Some(&cell(None)), &none, pale).is_empty());
    }
}
