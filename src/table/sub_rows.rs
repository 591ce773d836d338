//! Rows a ruled grid does not part: a ruled row holding several rows of figures, each on a
//! line of its own beside its own label, with no rule between them (a spreadsheet or Word
//! table ruled only round groups of rows: "Authorised limit – borrowing | 1,260.6 | 1,200.6"
//! and the two rows under it inside one ruled box). Read cell by cell, each box is one row
//! whose cells hold a stack of figures, and the labels run together. A reader sees one row per
//! line of figures, the label beside it with its wrapped lines.
//!
//! A ruled row is cut when at least two of its cells are stacks of figures (every line a
//! number, the same number of lines in each, at least two, line for line on one baseline) and
//! its first cell of words has a line on the baseline of every line of figures. Between two
//! such lines the cut falls in the widest gap between the label's lines (a wrapped label keeps
//! its lines together whether its figures stand by its first line or its last); no line of the
//! row may cross a cut. Rows under or beside a cell spanning rows are left as they are.

use super::grid::{Grid, GridCell};
use super::ledger_rows;
use super::Settings;
use crate::geom::Direction;
use crate::layout::Word;

/// One printed line of a cell: its words' vertical extent and baseline.
#[derive(Debug, Clone, Copy)]
pub(super) struct Line {
    pub top: f64,
    pub bottom: f64,
    pub baseline: f64,
    pub size: f64,
    /// Whether the line is one figure ([`is_figure`]).
    pub figure: bool,
}

/// `grid` with every ruled row that holds rows of figures cut into them (see the module
/// documentation). `words` are the page's words, `figures` the indices of those that are
/// figures ([`is_figure`]), `used` those already in a table.
pub(super) fn cut(
    grid: Grid,
    words: &[Word],
    figures: &[usize],
    used: &[bool],
    s: &Settings,
) -> Grid {
    let nc = grid.xs.len().saturating_sub(1);
    let nr = grid.ys.len().saturating_sub(1);
    // A grid with tables nested in its cells keeps its rows: their lines are the inner tables'.
    if nc < 3 || nr == 0 || !grid.inner_rules.is_empty() {
        return grid;
    }
    let bbox = grid.bbox();
    // Where each free word inside the grid falls: its slot.
    let slot_of = |w: &Word| {
        let c = w.anchor();
        if !bbox.contains(c, 0.0) {
            return None;
        }
        let col = grid.xs.partition_point(|&x| x <= c.x).saturating_sub(1);
        let row = grid.ys.partition_point(|&y| y <= c.y).saturating_sub(1);
        Some((row.min(nr - 1), col.min(nc - 1)))
    };
    // First, cheaply: the rows with two or more slots holding two or more figures. Most grids
    // have none and are left here.
    let mut counts = vec![0u32; nr * nc];
    // The highest and lowest baselines of each slot's figures, and their largest size.
    let mut reach = vec![(f64::INFINITY, f64::NEG_INFINITY, 0.0f64); nr * nc];
    for &i in figures {
        let Some(w) = words.get(i).filter(|_| used.get(i) == Some(&false)) else {
            continue;
        };
        if let Some((r, c)) = slot_of(w) {
            if let Some(n) = counts.get_mut(r * nc + c) {
                *n += 1;
            }
            if let Some(e) = reach.get_mut(r * nc + c) {
                *e = (e.0.min(w.baseline), e.1.max(w.baseline), e.2.max(w.size));
            }
        }
    }
    // Or a slot of three figures or more over three lines or more: a ledger's column of
    // amounts ([`ledger_rows`]).
    let stacked = |(&n, e): (&u32, &(f64, f64, f64))| n >= 3 && e.1 - e.0 >= 2.0 * e.2;
    let candidate: Vec<bool> = counts
        .chunks(nc)
        .zip(reach.chunks(nc))
        .map(|(row, e)| {
            row.iter().filter(|&&n| n >= 2).count() >= 2 || row.iter().zip(e).any(stacked)
        })
        .collect();
    if !candidate.contains(&true) {
        return grid;
    }
    // The words of each slot of those rows, as the cells will take them.
    let mut slots: Vec<Vec<&Word>> = vec![Vec::new(); nr * nc];
    for (w, _) in words.iter().zip(used).filter(|(_, u)| !**u) {
        let Some((r, c)) = slot_of(w) else { continue };
        if candidate.get(r) != Some(&true) {
            continue;
        }
        if w.direction != Direction::Ltr {
            return grid;
        }
        if let Some(list) = slots.get_mut(r * nc + c) {
            list.push(w);
        }
    }
    let mut cuts: Vec<(usize, Vec<f64>)> = Vec::new();
    for r in (0..nr).filter(|&r| candidate.get(r) == Some(&true)) {
        let in_row: Vec<&GridCell> = grid
            .cells
            .iter()
            .filter(|c| c.row <= r && r < c.row + c.row_span)
            .collect();
        if in_row.iter().any(|c| c.row_span != 1) {
            continue;
        }
        let mut cells: Vec<(usize, Vec<Line>)> = in_row
            .iter()
            .map(|c| {
                let ws: Vec<&Word> = (c.col..c.col + c.col_span)
                    .filter_map(|k| slots.get(r * nc + k))
                    .flatten()
                    .copied()
                    .collect();
                (c.col, lines(&ws, s))
            })
            .filter(|(_, ls)| !ls.is_empty())
            .collect();
        cells.sort_by_key(|(col, _)| *col);
        if let Some(ys) = row_cuts(&cells, s).or_else(|| ledger_rows::cuts(&cells, s)) {
            cuts.push((r, ys));
        }
    }
    if cuts.is_empty() {
        return grid;
    }
    let split: Vec<(usize, usize)> = cuts.iter().map(|(r, _)| (*r, *r)).collect();
    grid.cut_rows(cuts.into_iter().flat_map(|(_, ys)| ys), &split)
}

/// Where to cut one ruled row whose cells (left to right, each with its lines) hold rows of
/// figures; `None` when they do not.
fn row_cuts(cells: &[(usize, Vec<Line>)], s: &Settings) -> Option<Vec<f64>> {
    let stacks: Vec<&Vec<Line>> = cells
        .iter()
        .map(|(_, ls)| ls)
        .filter(|ls| ls.len() >= 2 && ls.iter().all(|l| l.figure))
        .collect();
    let k = stacks.first()?.len();
    if stacks.len() < 2 || stacks.iter().any(|st| st.len() != k) {
        return None;
    }
    let near = |a: &Line, b: &Line| {
        (a.baseline - b.baseline).abs() <= s.cell_line_baseline_em * a.size.max(b.size).max(1.0)
    };
    let first = stacks.first()?;
    // Line for line on one baseline across the stacks.
    for st in &stacks[1..] {
        if st.iter().zip(first.iter()).any(|(a, b)| !near(a, b)) {
            return None;
        }
    }
    // The label: the first cell that is not a stack of figures.
    let label = cells
        .iter()
        .map(|(_, ls)| ls)
        .find(|ls| !(ls.len() >= 2 && ls.iter().all(|l| l.figure)))?;
    let mut anchors = Vec::with_capacity(k);
    for f in first.iter() {
        let at = label.iter().position(|l| near(l, f))?;
        if anchors.last().is_some_and(|&a| at <= a) {
            return None;
        }
        anchors.push(at);
    }
    let mut ys = Vec::with_capacity(k - 1);
    for pair in anchors.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        // The widest gap between the label's lines from one anchor to the next; on a tie the
        // lowest (wrapped lines follow the line their figures stand by).
        let mut best: Option<(f64, f64)> = None;
        for i in a..b {
            let (up, down) = (label.get(i)?, label.get(i + 1)?);
            let gap = down.top - up.bottom;
            if best.is_none_or(|(g, _)| gap >= g) {
                best = Some((gap, (up.bottom + down.top) / 2.0));
            }
        }
        let (gap, y) = best?;
        if gap <= 0.0 {
            return None;
        }
        ys.push(y);
    }
    // No line of the row crosses a cut, and each line of figures lies between its cuts.
    let crosses = |l: &Line| ys.iter().any(|&y| l.top < y && y < l.bottom);
    if cells.iter().flat_map(|(_, ls)| ls).any(crosses) {
        return None;
    }
    for st in &stacks {
        for (i, l) in st.iter().enumerate() {
            let above = i.checked_sub(1).and_then(|j| ys.get(j));
            if above.is_some_and(|&y| l.top < y) || ys.get(i).is_some_and(|&y| l.bottom > y) {
                return None;
            }
        }
    }
    Some(ys)
}

/// `words` grouped into lines by baseline, top to bottom.
fn lines(words: &[&Word], s: &Settings) -> Vec<Line> {
    let mut ws: Vec<&Word> = words.to_vec();
    ws.sort_by(|a, b| a.baseline.total_cmp(&b.baseline));
    let mut out: Vec<(Line, String)> = Vec::new();
    for w in ws {
        let tol = s.cell_line_baseline_em * w.size.max(1.0);
        match out.last_mut() {
            Some((l, text)) if (w.baseline - l.baseline).abs() <= tol => {
                l.top = l.top.min(w.bbox.top);
                l.bottom = l.bottom.max(w.bbox.bottom);
                l.size = l.size.max(w.size);
                text.push(' ');
                text.push_str(&w.text);
            }
            _ => out.push((
                Line {
                    top: w.bbox.top,
                    bottom: w.bbox.bottom,
                    baseline: w.baseline,
                    size: w.size,
                    figure: false,
                },
                w.text.clone(),
            )),
        }
    }
    out.into_iter()
        .map(|(mut l, text)| {
            l.figure = is_figure(&text);
            l
        })
        .collect()
}

/// Whether a line is one figure: digits with thousands separators and a decimal point,
/// perhaps signed, bracketed, with a currency sign, a percent or a unit ("£1.2m", "(3,995.2)",
/// "-14,200", "12%"), or a dash standing for nothing.
pub(crate) fn is_figure(text: &str) -> bool {
    // Most words open with a letter: turned away before trimming.
    if text.as_bytes().first().is_some_and(u8::is_ascii_alphabetic) {
        return false;
    }
    let t = text.trim();
    // What a figure may open with.
    let opens = t.chars().next().is_some_and(|c| {
        c.is_ascii_digit() || matches!(c, '-' | '–' | '—' | '−' | '+' | '(' | '£' | '$' | '€' | '.')
    });
    if !opens {
        return false;
    }
    if matches!(t, "-" | "–" | "—" | "−") {
        return true;
    }
    let t = t.trim_start_matches(['-', '–', '−', '+', '(', '£', '$', '€']);
    let t = t.trim_end_matches([')', '%']);
    let t = t
        .strip_suffix("bn")
        .or_else(|| t.strip_suffix('m'))
        .or_else(|| t.strip_suffix('k'))
        .unwrap_or(t);
    t.chars().any(|c| c.is_ascii_digit())
        && t.chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_are_numbers_with_their_marks() {
        for t in [
            "1,260.6",
            "(3,995.2)",
            "-14,200",
            "£1.2m",
            "12%",
            "–",
            "0.0",
            "£0.4bn",
        ] {
            assert!(is_figure(t), "{t}");
        }
        for t in ["limit", "2024-25", "31/03/2025", "Q1", "1.1 Action", ""] {
            assert!(!is_figure(t), "{t}");
        }
    }
}
