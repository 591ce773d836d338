//! Rows of a ledger: a table ruled between its columns (and under its header) but not between
//! its rows, as payments lists, registers and schedules are printed from Word, reportlab or a
//! report writer. Read cell by cell, its body is one ruled row whose cells each hold a column
//! of lines (forty dates, forty payees, forty amounts). A reader sees one row per line of the
//! amount column, each with what stands level with it in the other columns.
//!
//! A ruled row is read so ([`cuts`], tried when [`super::sub_rows`]'s rule does not hold) when
//! a cell of it is a stack of at least three figures (the amounts, one a line) and every line of
//! the row's other cells stands level with one of those figures or, below it and above the
//! next, carries on the line above it (a wrapped payee or description: the cells are set from
//! their tops); a cell of words must have a line level with every figure, so that each row has
//! its key. Each row then reaches from its figure's line to the last line it carries, and the
//! cut falls half-way between one row's lowest line and the next row's highest; where those
//! overlap the row is left whole.

use super::sub_rows::Line;
use super::Settings;

/// The fewest figures, one a line, that make a ledger's column of amounts.
const FEWEST_LINES: usize = 3;

/// Where to cut one ruled row whose cells (left to right, each with its lines top to bottom)
/// are a ledger's columns; `None` when they are not.
pub(super) fn cuts(cells: &[(usize, Vec<Line>)], s: &Settings) -> Option<Vec<f64>> {
    if cells.len() < 3 {
        return None;
    }
    let is_stack = |ls: &Vec<Line>| ls.len() >= FEWEST_LINES && ls.iter().all(|l| l.figure);
    let anchors: &Vec<Line> = cells.iter().map(|(_, ls)| ls).find(|ls| is_stack(ls))?;
    let k = anchors.len();
    let near = |a: &Line, b: &Line| {
        (a.baseline - b.baseline).abs() <= s.cell_line_baseline_em * a.size.max(b.size).max(1.0)
    };
    // Each row's extent, top and bottom, over every cell's lines.
    let mut extent: Vec<(f64, f64)> = anchors.iter().map(|l| (l.top, l.bottom)).collect();
    let mut keyed = false;
    for (_, ls) in cells {
        let mut level = 0usize;
        for l in ls {
            // The anchor this line stands level with, or the one above it that it carries on.
            let row = match anchors.iter().position(|a| near(a, l)) {
                Some(i) => {
                    level += 1;
                    i
                }
                None => {
                    let below = anchors.iter().rposition(|a| a.bottom <= l.top)?;
                    if anchors
                        .get(below + 1)
                        .is_some_and(|next| l.bottom > next.top)
                    {
                        return None;
                    }
                    below
                }
            };
            let e = extent.get_mut(row)?;
            *e = (e.0.min(l.top), e.1.max(l.bottom));
        }
        if !is_stack(ls) && ls.iter().any(|l| !l.figure) && level == k {
            keyed = true;
        }
    }
    if !keyed {
        return None;
    }
    let mut ys = Vec::with_capacity(k - 1);
    for pair in extent.windows(2) {
        let ((_, bottom), (top, _)) = (pair[0], pair[1]);
        if top <= bottom {
            return None;
        }
        ys.push((bottom + top) / 2.0);
    }
    Some(ys)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A 10 pt line on baseline `y`.
    fn line(y: f64, figure: bool) -> Line {
        Line {
            top: y - 8.0,
            bottom: y + 2.0,
            baseline: y,
            size: 10.0,
            figure,
        }
    }

    fn column(ys: &[f64], figure: bool) -> Vec<Line> {
        ys.iter().map(|&y| line(y, figure)).collect()
    }

    #[test]
    fn each_amount_is_a_row_with_what_stands_level_with_it() {
        let s = Settings::default();
        // The second payee wraps onto a line of its own, above the third row.
        let cells = vec![
            (0, column(&[10.0, 22.0, 46.0], false)),
            (1, column(&[10.0, 22.0, 34.0, 46.0], false)),
            (2, column(&[10.0, 22.0, 46.0], true)),
        ];
        assert_eq!(cuts(&cells, &s), Some(vec![13.0, 37.0]));
        // A line standing between two amounts' lines and running into the next row's line.
        let mut crossing = cells.clone();
        crossing[1].1[2] = line(39.0, false);
        assert!(cuts(&crossing, &s).is_none());
    }

    #[test]
    fn no_column_of_amounts_or_no_key_is_no_ledger() {
        let s = Settings::default();
        let words = vec![
            (0, column(&[10.0, 22.0, 34.0], false)),
            (1, column(&[10.0, 22.0, 34.0], false)),
            (2, column(&[10.0, 22.0, 34.0], false)),
        ];
        assert!(cuts(&words, &s).is_none());
        // A paragraph beside a column of figures: its lines do not keep level with them.
        let prose = vec![
            (0, column(&[10.0, 20.0, 30.0, 40.0], false)),
            (1, column(&[10.0, 22.0, 34.0], true)),
            (2, column(&[10.0, 22.0, 34.0], true)),
        ];
        assert!(cuts(&prose, &s).is_none());
    }
}
