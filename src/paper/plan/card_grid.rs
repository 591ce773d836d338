//! Action cards set side by side: a plan printed as boxed cards in a grid (two or three
//! across), each card an action's reference ("Action 1.2", often in a coloured band with its
//! status word), its text and label lines ("Lead: …", "Target: …"). The table stage reads
//! the grid as one table whose cells cut across the cards; a reader reads each card whole,
//! left then right, then the next row of cards. This step gives [`super::narrative`] the
//! grid's lines in that order: the grid is cut into bands at the rows where a card opens
//! with a reference, and each band is read column by column.

use crate::colour::Colour;
use crate::layout::{PageText, Word};
use crate::table::{Cell, Table};

/// A grid of cards has at least this many cards opening with a reference: one is a table
/// whose first cell happens to hold a number.
const MIN_CARDS: usize = 2;

/// One line of a card: its page, its words left to right, and the fill of the cell it is
/// printed in (a card's coloured band).
pub struct CardLine<'p> {
    pub page: u32,
    pub words: Vec<&'p Word>,
    pub fill: Option<Colour>,
}

/// The lines of a cell on each page it is printed on: the words of each page line whose
/// middles lie in the cell's box, top to bottom; page lines on one baseline (within
/// `baseline_em` of their size: a status word set apart at the card's right edge) are one.
fn cell_lines<'p>(pages: &'p [PageText], c: &Cell, baseline_em: f64) -> Vec<CardLine<'p>> {
    let mut out = Vec::new();
    for part in &c.parts {
        let Some(p) = pages.iter().find(|p| p.number == part.page) else {
            continue;
        };
        let mut lines: Vec<_> = p.lines.iter().collect();
        lines.sort_by(|a, b| a.bbox.top.total_cmp(&b.bbox.top));
        for l in lines {
            let words: Vec<&Word> = l
                .words
                .iter()
                .filter(|w| {
                    let (x, y) = (
                        (w.bbox.x0 + w.bbox.x1) / 2.0,
                        (w.bbox.top + w.bbox.bottom) / 2.0,
                    );
                    x >= part.bbox.x0
                        && x <= part.bbox.x1
                        && y >= part.bbox.top
                        && y <= part.bbox.bottom
                })
                .collect();
            let level = |a: &CardLine, b: &Word| {
                a.page == part.page
                    && a.words.first().is_some_and(|f| {
                        (f.baseline - b.baseline).abs() < baseline_em * f.size.max(b.size)
                    })
            };
            match (out.last_mut(), words.first()) {
                (Some(last), Some(first)) if level(last, first) => {
                    last.words.extend(words);
                    last.words.sort_by(|a, b| a.bbox.x0.total_cmp(&b.bbox.x0));
                }
                _ if !words.is_empty() => out.push(CardLine {
                    page: part.page,
                    words,
                    fill: c.fill,
                }),
                _ => {}
            }
        }
    }
    out
}

/// The lines of a table read as a grid of cards, in reading order, or `None` when it is no
/// grid: at least two columns, and at least [`MIN_CARDS`] cells in one column each whose first
/// line `opens` (a reference opening an action) with another cell opening the same way
/// beside one of them.
pub fn lines<'p>(
    pages: &'p [PageText],
    t: &Table,
    opens: impl Fn(&[&Word]) -> bool,
    baseline_em: f64,
) -> Option<Vec<CardLine<'p>>> {
    if t.n_cols < 2 {
        return None;
    }
    let index = t.index();
    let starts = |r: usize, col: usize| -> Option<&Cell> {
        index
            .row_cells(r)
            .into_iter()
            .find(|c| c.row == r && c.col == col)
    };
    let opening = |c: &Cell| {
        cell_lines(pages, c, baseline_em)
            .first()
            .is_some_and(|l| opens(&l.words))
    };
    // The rows where a card opens, and how many cards open beside another.
    let mut bands: Vec<usize> = Vec::new();
    let mut cards = 0;
    let mut side_by_side = false;
    for r in 0..t.n_rows {
        let open = (0..t.n_cols)
            .filter(|&col| starts(r, col).is_some_and(opening))
            .count();
        if open > 0 {
            bands.push(r);
            cards += open;
            side_by_side |= open >= 2;
        }
    }
    if cards < MIN_CARDS || !side_by_side {
        return None;
    }
    // Rows above the first card (a heading across the grid) are read first.
    if bands.first() != Some(&0) {
        bands.insert(0, 0);
    }
    let mut out = Vec::new();
    for (k, &from) in bands.iter().enumerate() {
        let to = bands.get(k + 1).copied().unwrap_or(t.n_rows);
        for col in 0..t.n_cols {
            for r in from..to {
                if let Some(c) = starts(r, col) {
                    out.extend(cell_lines(pages, c, baseline_em));
                }
            }
        }
    }
    Some(out)
}

/// One line of a page as [`order`] sees it: its baseline, left and right edges, size, and
/// whether it opens an action.
pub struct Placed {
    pub baseline: f64,
    pub x0: f64,
    pub x1: f64,
    pub size: f64,
    pub opens: bool,
}

/// The reading order of a page's lines (given top to bottom) when cards stand side by side
/// as text, in no table: from a baseline where two or more lines open an action at different
/// left edges, the columns those edges start are read card by card — each row of cards (from
/// one opening baseline to the next) column by column — until a line crosses a column's
/// edge (a heading across the page). Lines on one baseline are within `baseline_em` of their
/// size; a line starts a column within `x_tol` (points) of its edge. The indices of the
/// lines, each once.
pub fn order(lines: &[Placed], baseline_em: f64, x_tol: f64) -> Vec<usize> {
    let level = |a: &Placed, b: &Placed| {
        (a.baseline - b.baseline).abs() < baseline_em * a.size.max(b.size).max(1.0)
    };
    let mut out = Vec::with_capacity(lines.len());
    let mut i = 0;
    while i < lines.len() {
        let Some(first) = lines.get(i) else { break };
        // The lines opening an action on this line's baseline, their left edges.
        let mut edges: Vec<f64> = lines
            .iter()
            .skip(i)
            .take_while(|l| level(l, first))
            .filter(|l| l.opens)
            .map(|l| l.x0)
            .collect();
        edges.sort_by(f64::total_cmp);
        if edges.len() < 2 {
            out.push(i);
            i += 1;
            continue;
        }
        // The column of a line: the last edge at or left of it, when it ends before the next.
        let column = |l: &Placed| -> Option<usize> {
            let k = edges.iter().rposition(|e| l.x0 >= e - x_tol)?;
            let next = edges.get(k + 1).copied().unwrap_or(f64::INFINITY);
            (l.x1 <= next).then_some(k)
        };
        let end = (i..lines.len())
            .find(|&j| lines.get(j).is_none_or(|l| column(l).is_none()))
            .unwrap_or(lines.len());
        if end == i {
            // The first line on the baseline stands in no column: read in place.
            out.push(i);
            i += 1;
            continue;
        }
        // Rows of cards: each from a baseline where a line opens an action.
        let mut j = i;
        while j < end {
            let band_end = (j + 1..end)
                .find(|&k| {
                    lines.get(k).is_some_and(|l| {
                        l.opens && lines.get(j).is_some_and(|start| !level(l, start))
                    })
                })
                .unwrap_or(end);
            for col in 0..edges.len() {
                out.extend((j..band_end).filter(|&k| lines.get(k).and_then(column) == Some(col)));
            }
            j = band_end;
        }
        i = end;
    }
    out
}
