//! One region read as one unruled table may hold several tables set one under another with
//! the same columns, each under its own heading ("Goal 2 – Safer roads") and header row: the
//! alignment that found the region runs on over the heading, a one-cell line. A careful
//! reader sees a header row printed again lower on the same page as a new table: the table
//! above ends before it, and the label rows just above it (the heading, wrapped onto a few
//! lines) belong to neither table but to the page. A group row inside one table has no
//! header under it, so it stays a row.

use super::{Cell, PageTable};

/// `t` cut at every row that repeats its header row (the first row with text in two or more
/// cells), the heading rows above each cut left out, so their lines are page text. A table
/// with no repeat is returned whole. Heading rows are rows of one cell with text, at most
/// `max_heading_rows` of them just above the repeat (and, when a cut is made, the same rows
/// above the first header: the first table's heading).
pub(super) fn at_repeated_headers(t: PageTable, max_heading_rows: usize) -> Vec<PageTable> {
    let n = t.n_rows();
    let keys: Vec<Vec<(usize, usize, String)>> = (0..n).map(|r| row_key(&t.cells, r)).collect();
    let Some(h) = keys.iter().position(|k| k.len() >= 2) else {
        return vec![t];
    };
    let Some(header) = keys.get(h) else {
        return vec![t];
    };
    let label = |r: usize| keys.get(r).is_some_and(|k| k.len() == 1);
    // Row ranges [from, to) of the tables, each from its header.
    let mut pieces: Vec<(usize, usize)> = Vec::new();
    let mut from = h;
    for r in h + 1..n {
        if keys.get(r) != Some(header) {
            continue;
        }
        let mut to = r;
        while to > from + 1 && r - to < max_heading_rows && label(to - 1) {
            to -= 1;
        }
        pieces.push((from, to));
        from = r;
    }
    if pieces.is_empty() {
        return vec![t];
    }
    pieces.push((from, n));
    // Rows above the first header: the first table's heading when they are labels alone.
    if let Some(first) = pieces.first_mut() {
        if !(0..h).all(label) || h > max_heading_rows {
            first.0 = 0;
        }
    }
    pieces
        .into_iter()
        .map(|(from, to)| rows_of(&t, from, to))
        .collect()
}

/// The cells of row `r` that hold text, as (column, span, text), left to right.
fn row_key(cells: &[Cell], r: usize) -> Vec<(usize, usize, String)> {
    let mut k: Vec<(usize, usize, String)> = cells
        .iter()
        .filter(|c| c.row == r && !c.is_empty())
        .map(|c| (c.col, c.col_span, c.text()))
        .collect();
    k.sort_unstable();
    k
}

/// Rows `[from, to)` of `t` as a page table of their own; a cell spanning past `to` is cut
/// there.
fn rows_of(t: &PageTable, from: usize, to: usize) -> PageTable {
    let ys: Vec<f64> = t.ys.get(from..=to).map(<[f64]>::to_vec).unwrap_or_default();
    let cells: Vec<Cell> = t
        .cells
        .iter()
        .filter(|c| c.row >= from && c.row < to)
        .map(|c| Cell {
            row: c.row - from,
            row_span: c.row_span.min(to - c.row),
            ..c.clone()
        })
        .collect();
    let mut bbox = t.bbox;
    if let (Some(&top), Some(&bottom)) = (ys.first(), ys.last()) {
        bbox.top = top;
        bbox.bottom = bottom;
    }
    PageTable {
        bbox,
        xs: t.xs.clone(),
        ys,
        cells,
        outside: t.outside.clone(),
        ..*t
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geom::Rect;
    use crate::table::text_cell;

    /// A page table of rows of cells (text per column; "" for none; a row of one string is
    /// a label spanning every column), rows 10 pt high from y = 100.
    fn table(rows: &[&[&str]]) -> PageTable {
        let n_cols = rows.iter().map(|r| r.len()).max().unwrap_or(1);
        let mut cells = Vec::new();
        for (r, row) in rows.iter().enumerate() {
            if row.len() == 1 {
                let mut c = text_cell(r, 0, 1, row[0]);
                c.col_span = n_cols;
                cells.push(c);
                continue;
            }
            for (k, text) in row.iter().enumerate() {
                cells.push(text_cell(r, k, 1, text));
            }
        }
        let ys: Vec<f64> = (0..=rows.len()).map(|r| 100.0 + 10.0 * r as f64).collect();
        PageTable {
            page: 1,
            bbox: Rect {
                x0: 50.0,
                top: 100.0,
                x1: 300.0,
                bottom: 100.0 + 10.0 * rows.len() as f64,
            },
            xs: (0..=n_cols).map(|k| 50.0 + 50.0 * k as f64).collect(),
            ys,
            cells,
            ruled: false,
            continuation_only: false,
            outside: Default::default(),
        }
    }

    fn texts(t: &PageTable) -> Vec<Vec<String>> {
        (0..t.n_rows())
            .map(|r| row_key(&t.cells, r).into_iter().map(|k| k.2).collect())
            .collect()
    }

    #[test]
    fn a_repeated_header_under_a_heading_starts_a_new_table() {
        let t = table(&[
            &["Goal 1 – Cleaner streets"],
            &["Ref", "Action", "Lead"],
            &["1.1", "Sweep daily", "Street Scene"],
            &["Goal 2 – Safer roads"],
            &["Ref", "Action", "Lead"],
            &["2.1", "Paint crossings", "Highways"],
            &["2.2", "Lower limits", "Traffic"],
        ]);
        let got = at_repeated_headers(t, 3);
        assert_eq!(got.len(), 2);
        assert_eq!(
            texts(&got[0]),
            [
                vec!["Ref", "Action", "Lead"],
                vec!["1.1", "Sweep daily", "Street Scene"]
            ]
        );
        assert_eq!(got[1].n_rows(), 3);
        assert_eq!(got[1].cells[0].row, 0);
        assert_eq!((got[0].bbox.top, got[0].bbox.bottom), (110.0, 130.0));
        assert_eq!((got[1].bbox.top, got[1].bbox.bottom), (140.0, 170.0));
    }

    #[test]
    fn a_group_row_with_no_header_under_it_stays_a_row() {
        let rows: &[&[&str]] = &[
            &["Ref", "Action", "Lead"],
            &["Priority 1: Homes"],
            &["1.1", "Build homes", "Housing"],
            &["Priority 2: Roads"],
            &["2.1", "Paint crossings", "Highways"],
        ];
        let got = at_repeated_headers(table(rows), 3);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].n_rows(), 5);
    }
}
