//! A line's words cut into pieces by column: the unit the header, rows and checks work on.

use crate::layout::Word;
use crate::table::UnruledSettings;

use super::columns::Gutter;
use super::lines::{is_item_label, is_numeric, TLine};

/// Words of one line that fall in one column, or across several (a spanning label).
#[derive(Debug, Clone)]
pub(super) struct Piece {
    pub c0: usize,
    pub c1: usize,
    pub words: Vec<usize>,
    pub numeric: bool,
    pub x0: f64,
    pub x1: f64,
}

/// Each word's horizontal extent, as far as it is seen ([`seen_x`]).
pub(super) fn intervals(l: &TLine, words: &[Word]) -> Vec<(f64, f64)> {
    l.words
        .iter()
        .filter_map(|&i| words.get(i))
        .map(seen_x)
        .collect()
}

/// The part of a word's width its clip lets through: a cell's text cut off at the cell's
/// edge (a spreadsheet or a browser clipping an overflowing cell) is seen up to the edge,
/// and the white space after the edge is the gutter before the next column.
pub(super) fn seen_x(w: &Word) -> (f64, f64) {
    let (x0, x1) = (w.bbox.x0, w.bbox.x1);
    match w.clip {
        Some(c) if c.x0.max(x0) < c.x1.min(x1) => (c.x0.max(x0), c.x1.min(x1)),
        _ => (x0, x1),
    }
}

/// The column holding x (boundaries `xs`, ascending).
pub(super) fn col_of(xs: &[f64], x: f64, n_cols: usize) -> usize {
    xs.partition_point(|&b| b <= x)
        .saturating_sub(1)
        .min(n_cols.saturating_sub(1))
}

/// Split a line into pieces: at segment gaps, at a ruled gutter, and between two numbers on
/// either side of a column boundary (monospaced tables set numbers one space apart).
pub(super) fn pieces(
    l: &TLine,
    words: &[Word],
    xs: &[f64],
    gaps: &[Gutter],
    split_numbers: bool,
    u: &UnruledSettings,
) -> Vec<Piece> {
    let n_cols = xs.len().saturating_sub(1);
    let mut out: Vec<Piece> = Vec::new();
    let mut prev: Option<&Word> = None;
    for &wi in &l.words {
        let Some(w) = words.get(wi) else { continue };
        let c = col_of(xs, w.bbox.centre().x, n_cols);
        let new = match (prev, out.last()) {
            // A list item label ("a)") and the text it labels, in one column, are one piece.
            (Some(p), Some(last))
                if last.words.len() == 1
                    && last.c0 == c
                    && last.c1 == c
                    && is_item_label(&p.text)
                    && !gaps
                        .iter()
                        .any(|g| g.ruled && p.bbox.x1 < g.x1 && w.bbox.x0 > g.x0) =>
            {
                false
            }
            (Some(p), Some(_)) => {
                // The white space seen between the words (a word cut off at its cell's
                // edge ends at the edge).
                let (p_x1, w_x0) = (seen_x(p).1, seen_x(w).0);
                let gap = w_x0 - p_x1;
                // The white space between the words reaches into a gutter.
                let across = |g: &&Gutter| p_x1 < g.x1 && w_x0 > g.x0;
                let at_boundary = gaps.iter().any(|g| across(&g));
                gap > u.segment_gap_em * l.size
                    || gaps.iter().filter(across).any(|g| g.ruled)
                    || (at_boundary && gap > u.boundary_split_em * l.size)
                    || (split_numbers && at_boundary && is_numeric(&p.text) && is_numeric(&w.text))
            }
            _ => true,
        };
        // A word from the first column over a whole gutter (a group label run across the
        // table from its left edge) covers the columns on both sides of it, not only the one
        // holding its centre.
        let (lo, hi) = if col_of(xs, w.bbox.x0, n_cols) == 0
            && gaps.iter().any(|g| w.bbox.x0 < g.x0 && w.bbox.x1 > g.x1)
        {
            (
                col_of(xs, w.bbox.x0, n_cols).min(c),
                col_of(xs, w.bbox.x1, n_cols).max(c),
            )
        } else {
            (c, c)
        };
        if new {
            out.push(Piece {
                c0: lo,
                c1: hi,
                words: vec![wi],
                numeric: true,
                x0: w.bbox.x0,
                x1: w.bbox.x1,
            });
        } else if let Some(p) = out.last_mut() {
            p.c0 = p.c0.min(lo);
            p.c1 = p.c1.max(hi);
            p.words.push(wi);
            p.x1 = p.x1.max(w.bbox.x1);
        }
        prev = Some(w);
    }
    for p in &mut out {
        let text: Vec<&str> = p
            .words
            .iter()
            .filter_map(|&i| words.get(i))
            .map(|w| w.text.as_str())
            .collect();
        p.numeric = is_numeric(&text.join(" "));
    }
    out
}

/// Whether a line reads as a data line: two or more segments and most segments after the
/// first are numbers.
pub(super) fn numeric_line(l: &TLine, words: &[Word]) -> bool {
    if l.segs.len() < 2 {
        return false;
    }
    let rest = l.segs.get(1..).unwrap_or(&[]);
    let n = rest
        .iter()
        .filter(|s| is_numeric(&l.seg_text(words, s)))
        .count();
    2 * n >= rest.len() && n > 0
}

/// The words' texts joined by spaces.
pub(super) fn words_text(ids: &[usize], words: &[Word]) -> String {
    let t: Vec<&str> = ids
        .iter()
        .filter_map(|&i| words.get(i))
        .map(|w| w.text.as_str())
        .collect();
    t.join(" ")
}

/// Number of words (white-space separated) in the words `ids`.
pub(super) fn word_count(ids: &[usize], words: &[Word]) -> usize {
    ids.iter()
        .filter_map(|&i| words.get(i))
        .map(|w| w.text.split_whitespace().count())
        .sum()
}
