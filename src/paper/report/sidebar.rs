//! Step 1b: front matter printed in a narrow column beside the body (a shaded sidebar of
//! label–value pairs, left or right, while the body runs in the wide column) read as its
//! own region. Rows merged across both columns interleave the sidebar's pairs with the
//! body's sentences; here each such run of rows is cut at the column gap and the narrow
//! column's rows put before the wide column's.
//!
//! Found by form: a vertical gap no row crosses, a narrow side at most
//! `sidebar_max_share` of the text width, and in the narrow side at least
//! `sidebar_min_pairs` labels each with its value (a label row over a value row, or
//! "Label: value" on one row). A label–value table beside its values prints its labels
//! alone in the narrow column, never over their values, and is left as it is.

use super::label::{label_kind, LabelKind};
use super::rows::{Row, W};
use crate::paper::PaperSettings;

/// Which side of the column gap a row's words lie on.
enum Side {
    /// Every word left of the gap.
    Left,
    /// Every word right of it.
    Right,
    /// Words on both sides, none across it.
    Both,
}

/// The rows of one page with each sidebar's rows before the body rows beside it.
pub(super) fn split_sidebars(rows: Vec<Row>, settings: &PaperSettings) -> Vec<Row> {
    let Some(gap) = find_gap(&rows, settings) else {
        return rows;
    };
    let sides: Vec<Option<Side>> = rows.iter().map(|r| side(r, gap, settings)).collect();
    // First each run's split, read from the rows; then the rows moved, not copied, into the
    // result where they stay as they are (copying every word of the page cost more than
    // finding the sidebar).
    let mut splits: Vec<(usize, Option<Vec<Row>>)> = Vec::new();
    let mut i = 0;
    while i < rows.len() {
        let run_end = (i..rows.len())
            .find(|&j| sides.get(j).is_none_or(Option::is_none))
            .unwrap_or(rows.len());
        if run_end == i {
            splits.push((1, None));
            i += 1;
            continue;
        }
        let run = rows.get(i..run_end).unwrap_or_default();
        splits.push((run_end - i, split_run(run, gap, settings)));
        i = run_end;
    }
    let mut out = Vec::with_capacity(rows.len() + 8);
    let mut owned = rows.into_iter();
    for (len, split) in splits {
        match split {
            Some(split) => {
                out.extend(split);
                owned.by_ref().take(len).for_each(drop);
            }
            None => out.extend(owned.by_ref().take(len)),
        }
    }
    out
}

/// The x (points) where the right column starts, when some rows print words on both sides
/// of a wide gap there: the commonest start of a segment opened by such a gap.
fn find_gap(rows: &[Row], settings: &PaperSettings) -> Option<f64> {
    let starts = rows.iter().flat_map(|r| {
        let em = r.size.max(1.0);
        r.words
            .windows(2)
            .filter(move |p| match p {
                [a, b] => b.new_seg && b.x0 - a.x1 >= settings.sidebar_gap_em * em,
                _ => false,
            })
            .filter_map(|p| p.get(1).map(|b| b.x0))
            .collect::<Vec<f64>>()
    });
    super::commonest(starts)
}

/// The row's side of the column gap starting at `gap`, or `None` when a word crosses it
/// (or stands in the gap).
fn side(row: &Row, gap: f64, settings: &PaperSettings) -> Option<Side> {
    let tol = settings.column_tolerance;
    let em = row.size.max(1.0);
    let left = |w: &W| w.x1 <= gap - settings.sidebar_gap_em * em + tol;
    let right = |w: &W| w.x0 >= gap - tol;
    if row.words.iter().all(left) {
        Some(Side::Left)
    } else if row.words.iter().all(right) {
        Some(Side::Right)
    } else if row.words.iter().all(|w| left(w) || right(w)) {
        Some(Side::Both)
    } else {
        None
    }
}

/// A run of rows none crossing the gap, cut into its narrow column's rows then its wide
/// column's, when the narrow column is a sidebar of label–value pairs.
fn split_run(run: &[Row], gap: f64, settings: &PaperSettings) -> Option<Vec<Row>> {
    let tol = settings.column_tolerance;
    let mut left: Vec<Row> = Vec::new();
    let mut right: Vec<Row> = Vec::new();
    for r in run {
        let (l, rt): (Vec<W>, Vec<W>) = r.words.iter().cloned().partition(|w| w.x0 < gap - tol);
        for (words, to) in [(l, &mut left), (rt, &mut right)] {
            if let Some(row) = part(r, words) {
                to.push(row);
            }
        }
    }
    let x0 = run.iter().map(Row::x0).fold(f64::INFINITY, f64::min);
    let x1 = run.iter().map(Row::x1).fold(0.0, f64::max);
    let width = |rows: &[Row]| {
        let a = rows.iter().map(Row::x0).fold(f64::INFINITY, f64::min);
        let b = rows.iter().map(Row::x1).fold(0.0, f64::max);
        b - a
    };
    let (lw, rw) = (width(&left), width(&right));
    let narrow_left = lw <= rw;
    let (narrow, wide) = if narrow_left {
        (left, right)
    } else {
        (right, left)
    };
    let share = width(&narrow) / (x1 - x0).max(1.0);
    if share > settings.sidebar_max_share
        || wide.len() < settings.sidebar_min_pairs
        || pairs(&narrow) < settings.sidebar_min_pairs
    {
        return None;
    }
    let aside = narrow.into_iter().map(|r| Row { aside: true, ..r });
    Some(aside.chain(wide).collect())
}

/// A row of `words` (some of `row`'s: those on one side of a gutter), or `None` when there
/// are none.
pub(super) fn part(row: &Row, mut words: Vec<W>) -> Option<Row> {
    let first = words.first_mut()?;
    first.new_seg = true;
    let size = first.size.max(1.0);
    // The row's other fields by name: `..row.clone()` copied its words only to drop them.
    Some(Row {
        page: row.page,
        top: row.top,
        bottom: row.bottom,
        baseline: row.baseline,
        size,
        words,
        aside: row.aside,
    })
}

/// How many labels of the column stand with their value: a label row followed by a row
/// that is no label, or "Label: value" on one row.
fn pairs(column: &[Row]) -> usize {
    let kinds: Vec<Option<LabelKind>> = column
        .iter()
        .map(|r| {
            let kind = label_kind(&r.text());
            (kind != LabelKind::Other).then_some(kind)
        })
        .collect();
    column
        .iter()
        .enumerate()
        .filter(|(i, r)| match kinds.get(*i) {
            Some(Some(_)) => kinds.get(i + 1).is_some_and(Option::is_none),
            _ => r.text().split_once(':').is_some_and(|(label, value)| {
                !value.trim().is_empty() && label_kind(label) != LabelKind::Other
            }),
        })
        .count()
}
