//! Small filled shapes drawn inside a cell: RAG symbols printed as a vector circle, square,
//! triangle or diamond rather than as a glyph, a word or the cell's fill. They are neither
//! rules nor fills: a shape is a mark when it is about text-sized (its sides between the
//! settings' `mark_min_side` and `mark_max_side`), round or square rather than long (a long
//! shape behind text is a status pill, read as its paragraph's fill), coloured (a near-black
//! dot is a list bullet drawn as a path) and its centre lies in the cell.

use serde::Serialize;

use super::Settings;
use crate::geom::Rect;
use crate::pdf::{Colour, Fill, FillShape, PagePrimitives};

/// What figure a mark is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MarkShape {
    /// A circle (or ellipse), drawn with curves.
    Circle,
    /// A square (or near-square rectangle).
    Square,
    /// A triangle.
    Triangle,
    /// A square turned 45°.
    Diamond,
    /// Any other small filled figure.
    Other,
}

/// A small filled shape inside a cell.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Mark {
    /// Its box on the page.
    pub bbox: Rect,
    /// Its fill colour.
    pub colour: Colour,
    /// Its figure.
    pub shape: MarkShape,
}

/// A page's small filled shapes, found once for all its cells: marks, and list bullets drawn
/// as paths (the cell of each is checked by [`in_cell`] and [`dots_in`]).
pub(crate) struct Candidates {
    /// Every fill that could be a mark, as a mark.
    pub marks: Vec<Mark>,
    /// Every fill that could be a bullet drawn as a path.
    pub dots: Vec<Rect>,
}

/// The page's [`Candidates`].
pub(crate) fn candidates(page: &PagePrimitives, s: &Settings) -> Candidates {
    Candidates {
        marks: page.fills.iter().filter_map(|f| as_mark(f, s)).collect(),
        dots: bullet_dots(page, s),
    }
}

/// The fill as a mark, if it has a mark's size, proportions and colour.
fn as_mark(f: &Fill, s: &Settings) -> Option<Mark> {
    let colour = f.colour?;
    let (w, h) = (f.rect.width(), f.rect.height());
    let (short, long) = (w.min(h), w.max(h));
    let sized = short >= s.mark_min_side && long <= s.mark_max_side;
    let dark = colour.r.max(colour.g).max(colour.b) <= s.mark_dark_max;
    if !sized || long > s.mark_max_aspect * short || dark || colour.is_white() {
        return None;
    }
    let shape = match f.shape {
        FillShape::Ellipse => MarkShape::Circle,
        FillShape::Triangle => MarkShape::Triangle,
        FillShape::Diamond => MarkShape::Diamond,
        FillShape::Rect => MarkShape::Square,
        FillShape::Path => MarkShape::Other,
    };
    Some(Mark {
        bbox: f.rect,
        colour,
        shape,
    })
}

/// The list bullets drawn as paths on the page: near-black filled circles and squares of a
/// bullet's size (the dots [`as_mark`] leaves out for being black).
fn bullet_dots(page: &PagePrimitives, s: &Settings) -> Vec<Rect> {
    page.fills
        .iter()
        .filter(|f| {
            let (w, h) = (f.rect.width(), f.rect.height());
            let sized = w.min(h) >= s.bullet_dot_min_side
                && w.max(h) <= s.bullet_dot_max_side
                && w.max(h) <= s.mark_max_aspect * w.min(h);
            let dark = f
                .colour
                .is_some_and(|c| c.r.max(c.g).max(c.b) <= s.mark_dark_max);
            sized && dark && matches!(f.shape, FillShape::Ellipse | FillShape::Rect)
        })
        .map(|f| f.rect)
        .collect()
}

/// The bullet dots whose centres lie in `cell`.
pub(crate) fn dots_in(dots: &[Rect], cell: &Rect) -> Vec<Rect> {
    dots.iter()
        .filter(|d| cell.contains(d.centre(), 0.0))
        .copied()
        .collect()
}

/// The marks whose centres lie in `cell`, top to bottom then left to right.
pub(crate) fn in_cell(candidates: &[Mark], cell: &Rect) -> Vec<Mark> {
    let mut out: Vec<Mark> = candidates
        .iter()
        .filter(|m| cell.contains(m.bbox.centre(), 0.0))
        .copied()
        .collect();
    out.sort_by(|a, b| {
        a.bbox
            .top
            .total_cmp(&b.bbox.top)
            .then(a.bbox.x0.total_cmp(&b.bbox.x0))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fill(x0: f64, top: f64, w: f64, h: f64, hex: &str, shape: FillShape) -> Fill {
        Fill {
            rect: Rect {
                x0,
                top,
                x1: x0 + w,
                bottom: top + h,
            },
            colour: Colour::from_hex(hex),
            shape,
        }
    }

    #[test]
    fn small_coloured_shapes_are_marks_and_others_are_not() {
        let s = Settings::default();
        // (width, height, colour, figure) → mark shape. A status pill behind a word is long; a
        // cell's shading is large; a bullet is black; white is no colour; a speck is too small.
        let cases = [
            (
                9.0,
                9.0,
                "#00B050",
                FillShape::Ellipse,
                Some(MarkShape::Circle),
            ),
            (
                8.0,
                8.0,
                "#FF0000",
                FillShape::Rect,
                Some(MarkShape::Square),
            ),
            (
                10.0,
                9.0,
                "#FFC000",
                FillShape::Triangle,
                Some(MarkShape::Triangle),
            ),
            (50.0, 13.0, "#00B050", FillShape::Path, None),
            (90.0, 20.0, "#D9D9D9", FillShape::Rect, None),
            (4.5, 4.5, "#000000", FillShape::Ellipse, None),
            (9.0, 9.0, "#FFFFFF", FillShape::Ellipse, None),
            (1.0, 1.0, "#FF0000", FillShape::Ellipse, None),
        ];
        for (w, h, hex, figure, want) in cases {
            let got = as_mark(&fill(0.0, 0.0, w, h, hex, figure), &s).map(|m| m.shape);
            assert_eq!(got, want, "{w} x {h} {hex} {figure:?}");
        }
    }

    #[test]
    fn a_cell_takes_the_marks_centred_in_it_in_reading_order() {
        let s = Settings::default();
        let page_fills = [
            fill(30.0, 2.0, 8.0, 8.0, "#0070C0", FillShape::Diamond),
            fill(18.0, 2.0, 8.0, 8.0, "#FFC000", FillShape::Triangle),
            fill(108.0, 2.0, 8.0, 8.0, "#FF0000", FillShape::Ellipse),
        ];
        let all: Vec<Mark> = page_fills.iter().filter_map(|f| as_mark(f, &s)).collect();
        let cell = Rect {
            x0: 10.0,
            top: 0.0,
            x1: 100.0,
            bottom: 20.0,
        };
        let got: Vec<MarkShape> = in_cell(&all, &cell).iter().map(|m| m.shape).collect();
        assert_eq!(got, [MarkShape::Triangle, MarkShape::Diamond]);
    }
}
