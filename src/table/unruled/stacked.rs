//! Whether a ruled grid's rules part groups of columns, not columns: text lines that hold two
//! or more column-sized segments inside one ruled column.
//!
//! A spreadsheet exported with borders only round year groups ("2025-26 | 2026-27", each of
//! Core, External and Total unruled inside) or only under totals is a ruled grid whose cells
//! each hold a small table of their own: every line of the group's cell has three numbers a
//! column's gap apart. Read cell by cell it collapses whole groups of rows and columns into a
//! few cells. Its words are better read from their alignment, as for a frame drawn round an
//! unruled table. A wrapped paragraph in a cell has no column-sized gap inside, so a ruled
//! table of prose keeps its grid.

use crate::layout::Word;
use crate::table::{PageTable, Settings};

use super::lines::build_lines;

/// Whether the words `ids` (those the grid `t` took) stand in columns the grid does not
/// rule: at least `min_multi_lines` of their lines, and at least `stacked_line_share` of
/// them, have two segments inside one ruled column.
pub(crate) fn under_ruled(t: &PageTable, words: &[Word], ids: &[usize], s: &Settings) -> bool {
    let u = &s.alignment;
    let lines = build_lines(words, ids, u);
    let inner = t.xs.get(1..t.xs.len().saturating_sub(1)).unwrap_or(&[]);
    let stacked = lines
        .iter()
        .filter(|l| {
            // Segments in one ruled column: no inner rule between two neighbours.
            l.segs.windows(2).any(|p| {
                let (a, b) = (&p[0], &p[1]);
                !inner.iter().any(|&x| x >= a.x1 && x <= b.x0)
            })
        })
        .count();
    stacked >= u.min_multi_lines && stacked as f64 >= u.stacked_line_share * lines.len() as f64
}
