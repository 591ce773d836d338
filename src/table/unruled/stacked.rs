//! Whether a ruled grid's rules part groups of columns, not columns: text lines that hold two
//! or more column-sized segments inside one ruled column.
//!
//! A spreadsheet exported with borders only round year groups ("2025-26 | 2026-27", each of
//! Core, External and Total unruled inside) or only under totals is a ruled grid whose cells
//! each hold a small table of their own: every line of the group's cell has three numbers a
//! column's gap apart. Read cell by cell it collapses whole groups of rows and columns into a
//! few cells. Its words are better read from their alignment, as for a frame drawn round an
//! unruled table. A wrapped paragraph in a cell has no column-sized gap inside, so a ruled
//! table of prose keeps its grid; nor has a list in a cell, whose marker ("•", "a)", "2.")
//! stands a hanging indent before its text (Word's "List Bullet"): a marker and its text are
//! one item, not two columns.

use crate::layout::Word;
use crate::pdf::PagePrimitives;
use crate::table::{PageTable, Settings};

use super::lines::{build_lines, is_item_label, is_list_marker, is_numeric, Seg, TLine};

/// Whether the words `ids` (those the grid `t` took) stand in columns the grid does not
/// rule: at least `min_multi_lines` of their lines, and at least `stacked_line_share` of
/// them, have two segments inside one ruled column (a list marker and its item's text are
/// not two).
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
                !inner.iter().any(|&x| x >= a.x1 && x <= b.x0) && !list_item(l, words, a, b)
            })
        })
        .count();
    stacked >= u.min_multi_lines && stacked as f64 >= u.stacked_line_share * lines.len() as f64
}

/// Whether segment `a` is a list item's marker and `b` its text: `a` a bullet, a bracketed
/// or stopped enumerator ("a)", "(iv)", "2.") and `b` words, not a figure (a dash before a
/// number is a placeholder in a column of figures, and "1.5" a figure).
fn list_item(l: &TLine, words: &[Word], a: &Seg, b: &Seg) -> bool {
    let marker = l.seg_text(words, a);
    let m = marker.trim();
    let numbered = m
        .strip_suffix(['.', ')'])
        .is_some_and(|n| (1..=2).contains(&n.len()) && n.chars().all(|c| c.is_ascii_digit()));
    let bullet = is_list_marker(m) && !m.chars().any(|c| c.is_ascii_digit());
    (bullet || numbered || is_item_label(m)) && !is_numeric(&l.seg_text(words, b))
}

/// Whether reading the words `ids` (those a ruled grid took) from their alignment puts at
/// least `regrouped_min_share` of them in tables that stand on their own (not ones kept only
/// as a continuation). When it does not, the grid is kept: its cells hold text the alignment
/// reading would leave in no table (a list or a paragraph between its rules).
pub(crate) fn read_whole(
    page: &PagePrimitives,
    words: &[Word],
    ids: &[usize],
    s: &Settings,
) -> bool {
    let own: Vec<Word> = ids
        .iter()
        .filter_map(|&i| words.get(i))
        .filter(|w| super::lines::usable(w))
        .cloned()
        .collect();
    let found = super::find(page, &own, &[], s);
    let margin = s.alignment.ruled_table_margin;
    let inside = own
        .iter()
        .filter(|w| {
            let c = w.bbox.centre();
            found
                .tables
                .iter()
                .any(|t| !t.continuation_only && t.bbox.contains(c, margin))
        })
        .count();
    inside as f64 >= s.alignment.regrouped_min_share * own.len() as f64
}
