//! Rows printed under a ruled grid with fills and no rules are its last rows. A spreadsheet
//! list ends with summary rows ("CORE", "EXTERNAL", "TOTAL") filled across its width and
//! drawn without borders, often after an empty spacer row: the grid's rules stop above them,
//! so the alignment path finds them as a small table of its own. A reader sees one table:
//! the label in the column it starts in (spanning the empty cells it is set over), each
//! figure in the grid column it stands in. Only rows that all carry a figure under a column of
//! figures join: a table with a header of its own, or prose, is another table.

use super::cells;
use super::grid::{Grid, GridCell};
use super::sub_rows::is_figure;
use super::{PageTable, Settings, Warning};
use crate::geom::Rect;
use crate::layout::Word;
use crate::pdf::PagePrimitives;

/// `tables` (the page's ruled and unruled tables) with each unruled table that is the tail of
/// a ruled one read into that table's columns and appended to it. `free` are the words no
/// ruled table took (the unruled tables' words among them).
pub(super) fn attach(
    tables: &mut Vec<PageTable>,
    page: &PagePrimitives,
    free: &[Word],
    s: &Settings,
    warnings: &mut Vec<Warning>,
) {
    let mut k = 0;
    while k < tables.len() {
        let joined = tables
            .get(k)
            .filter(|u| !u.ruled && !u.continuation_only)
            .and_then(|u| {
                let (ri, r) = tables
                    .iter()
                    .enumerate()
                    .filter(|(_, r)| r.ruled && r.n_rows() >= 2)
                    .find(|(_, r)| under(r, u, s))?;
                Some((ri, tail_rows(r, u, page, free, s, warnings)?))
            });
        match joined {
            Some((ri, tail)) => {
                if let Some(r) = tables.get_mut(ri) {
                    append(r, tail);
                }
                tables.remove(k);
            }
            None => k += 1,
        }
    }
}

/// Whether `u` starts just under `r`'s last rule (at most the allowed gap of `u`'s row
/// heights) and lies within its width.
fn under(r: &PageTable, u: &PageTable, s: &Settings) -> bool {
    let slack = s.tail_boundary_slack;
    let row = u.bbox.height() / u.n_rows().max(1) as f64;
    let gap = u.bbox.top - r.bbox.bottom;
    gap >= -slack
        && gap <= s.tail_max_gap_rows * row
        && u.bbox.x0 >= r.bbox.x0 - slack
        && u.bbox.x1 <= r.bbox.x1 + slack
}

/// The rows from `r`'s last rule to `u`'s bottom read in `r`'s columns, when every row of `u`
/// holds a figure and each figure stands inside one of `r`'s columns of figures; rows between
/// (a spacer row) may hold such figures only.
fn tail_rows(
    r: &PageTable,
    u: &PageTable,
    page: &PagePrimitives,
    free: &[Word],
    s: &Settings,
    warnings: &mut Vec<Warning>,
) -> Option<PageTable> {
    let figure_cols = figure_columns(r, s);
    let band = Rect {
        x0: r.bbox.x0,
        top: r.bbox.bottom,
        x1: r.bbox.x1,
        bottom: u.bbox.bottom,
    };
    let words: Vec<Word> = free
        .iter()
        .filter(|w| band.contains(w.anchor(), 0.0))
        .cloned()
        .collect();
    // Row boundaries: the spacer band (when text is in it), then `u`'s rows.
    let mut ys = vec![r.bbox.bottom];
    let spacer = words.iter().any(|w| w.anchor().y < u.bbox.top);
    if spacer {
        ys.push(u.bbox.top);
    }
    ys.extend(u.ys.iter().skip(1).copied());
    let mut cells = Vec::new();
    for (row, pair) in ys.windows(2).enumerate() {
        let (top, bottom) = (*pair.first()?, *pair.last()?);
        let line: Vec<&Word> = words
            .iter()
            .filter(|w| (top..bottom).contains(&w.anchor().y))
            .collect();
        let spans = row_spans(&r.xs, &line, &figure_cols, s)?;
        let is_spacer = spacer && row == 0;
        if !is_spacer && !spans.carries_figure {
            return None;
        }
        if is_spacer && spans.has_label {
            return None;
        }
        cells.extend(spans.cells.into_iter().map(|(col, col_span)| GridCell {
            row,
            col,
            row_span: 1,
            col_span,
        }));
    }
    let grid = Grid {
        xs: r.xs.clone(),
        ys,
        cells,
        inner_rules: Vec::new(),
    };
    let mut used = vec![false; words.len()];
    let t = cells::fill_grid(page, &grid, &words, &mut used, s, warnings);
    // A table read turned (its text runs down the page) has other columns: not a tail.
    (t.xs == r.xs).then_some(t)
}

/// Columns of `r` most of whose cells with text hold a figure.
fn figure_columns(r: &PageTable, s: &Settings) -> Vec<bool> {
    (0..r.n_cols())
        .map(|k| {
            let texts: Vec<String> = r
                .cells
                .iter()
                .filter(|c| c.col == k && c.col_span == 1 && !c.is_empty())
                .map(|c| c.text())
                .collect();
            let figures = texts.iter().filter(|t| is_figure(t)).count();
            !texts.is_empty() && figures as f64 >= s.tail_figure_column_share * texts.len() as f64
        })
        .collect()
}

/// A tail row's cells as (first column, columns spanned), left to right, covering every
/// column; whether a figure stands in it, and whether it holds other text.
struct RowSpans {
    cells: Vec<(usize, usize)>,
    carries_figure: bool,
    has_label: bool,
}

/// The cells of one tail row holding `line`'s words, in columns `xs`: each figure alone in
/// the column of figures it stands in (else `None`: the row is not the grid's), each label
/// (words closer than the phrase gap) spanning the columns it crosses.
fn row_spans(xs: &[f64], line: &[&Word], figure_cols: &[bool], s: &Settings) -> Option<RowSpans> {
    let n = xs.len().saturating_sub(1);
    let slack = s.tail_boundary_slack;
    // The column holding x, clamped to the grid.
    let col_of = |x: f64| {
        xs.partition_point(|&b| b <= x)
            .saturating_sub(1)
            .min(n.saturating_sub(1))
    };
    let mut sorted: Vec<&Word> = line.to_vec();
    sorted.sort_by(|a, b| a.bbox.x0.total_cmp(&b.bbox.x0));
    // Phrases as (x0, x1, figure).
    let mut phrases: Vec<(f64, f64, bool)> = Vec::new();
    for w in sorted {
        let figure = is_figure(&w.text);
        let gap = s.tail_phrase_gap_em * w.size;
        match phrases.last_mut() {
            Some(p) if !figure && !p.2 && w.bbox.x0 - p.1 < gap => p.1 = p.1.max(w.bbox.x1),
            _ => phrases.push((w.bbox.x0, w.bbox.x1, figure)),
        }
    }
    // First and last column each phrase covers.
    let mut merged: Vec<(usize, usize, bool)> = Vec::new();
    let mut carries_figure = false;
    let mut has_label = false;
    for (x0, x1, figure) in phrases {
        let (a, b) = (
            col_of(x0 + slack),
            col_of(x1 - slack).max(col_of(x0 + slack)),
        );
        if figure {
            if a != b || !figure_cols.get(a).copied().unwrap_or(false) {
                return None;
            }
            carries_figure = true;
        } else {
            has_label = true;
        }
        match merged.last_mut() {
            // A figure shares no cell with other text.
            Some(m) if a <= m.1 && (figure || m.2) => return None,
            Some(m) if a <= m.1 => m.1 = m.1.max(b),
            _ => merged.push((a, b, figure)),
        }
    }
    let mut cells = Vec::new();
    let mut next = 0;
    for (a, b, _) in merged {
        cells.extend((next..a).map(|k| (k, 1)));
        cells.push((a, b + 1 - a));
        next = b + 1;
    }
    cells.extend((next..n).map(|k| (k, 1)));
    Some(RowSpans {
        cells,
        carries_figure,
        has_label,
    })
}

/// `tail`'s rows appended to `r` (its first boundary is `r`'s last).
fn append(r: &mut PageTable, tail: PageTable) {
    let offset = r.n_rows();
    r.ys.extend(tail.ys.iter().skip(1).copied());
    r.cells.extend(tail.cells.into_iter().map(|mut c| {
        c.row += offset;
        c
    }));
    r.bbox = r.bbox.union(&tail.bbox);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::Direction;

    fn word(text: &str, x0: f64, x1: f64) -> Word {
        Word {
            text: text.into(),
            bbox: Rect {
                x0,
                top: 0.0,
                x1,
                bottom: 10.0,
            },
            direction: Direction::Ltr,
            baseline: 8.0,
            font: std::sync::Arc::from("F"),
            size: 10.0,
            colour: None,
            clip: None,
        }
    }

    /// Columns: No | Group | Team | Change | 2025-26 | 2026-27; the number and year columns
    /// hold figures.
    const XS: [f64; 7] = [0.0, 20.0, 80.0, 130.0, 300.0, 350.0, 400.0];
    const FIGURES: [bool; 6] = [true, false, false, false, true, true];

    #[test]
    fn a_label_spans_the_columns_it_crosses_and_figures_stand_alone() {
        let s = Settings::default();
        // "9" in No, "TOTAL COMMUNITY SERVICES" from Group over Team, figures right-aligned.
        let ws = [
            word("9", 10.0, 16.0),
            word("TOTAL", 22.0, 50.0),
            word("COMMUNITY", 52.5, 75.0),
            word("SERVICES", 77.5, 110.0),
            word("1,412.0", 310.0, 346.0),
            word("-18.0", 370.0, 396.0),
        ];
        let line: Vec<&Word> = ws.iter().collect();
        let got = row_spans(&XS, &line, &FIGURES, &s).expect("a tail row");
        assert_eq!(got.cells, [(0, 1), (1, 2), (3, 1), (4, 1), (5, 1)]);
        assert!(got.carries_figure && got.has_label);
    }

    #[test]
    fn a_figure_across_a_rule_or_under_a_text_column_is_no_tail_row() {
        let s = Settings::default();
        let across = [word("CORE", 22.0, 45.0), word("1,412.0", 330.0, 366.0)];
        let line: Vec<&Word> = across.iter().collect();
        assert!(row_spans(&XS, &line, &FIGURES, &s).is_none());
        let under_text = [word("CORE", 22.0, 45.0), word("2025", 140.0, 160.0)];
        let line: Vec<&Word> = under_text.iter().collect();
        assert!(row_spans(&XS, &line, &FIGURES, &s).is_none());
    }
}
