//! The header: how many leading lines it takes, and its labels laid out on rows (spanning
//! labels on rows of their own, stacked labels merged).

use crate::geom::Rect;
use crate::layout::Word;
use crate::table::UnruledSettings;

use super::columns::Gutter;
use super::detect::{rule_between, HRule};
use super::lines::TLine;
use super::pieces::{numeric_line, pieces, Piece};
use super::slots::{GridBuild, Slot};

/// Number of leading lines that form the header: down to a rule spanning the region under
/// them, or else down to the first data line.
pub(super) fn header_len(
    ls: &[&TLine],
    words: &[Word],
    rules: &[HRule],
    ext: &Rect,
    u: &UnruledSettings,
) -> usize {
    let first_num = ls.iter().position(|l| numeric_line(l, words));
    let limit = u.max_header_lines.min(ls.len().saturating_sub(2));
    for k in 1..=limit {
        let (Some(a), Some(b)) = (ls.get(k - 1), ls.get(k)) else {
            break;
        };
        if rule_between(
            rules,
            a.bbox.bottom - u.rule_line_slack,
            b.bbox.top + u.rule_line_slack,
            ext.x0,
            ext.x1,
            u,
        )
        .is_some()
        {
            if first_num.is_none_or(|f| k <= f + 1) {
                return k;
            }
            break;
        }
    }
    let mut k = match first_num {
        Some(k) if k <= limit => k,
        _ => 0,
    };
    // Section labels just above the first data line ("Women", "Sex") belong to the body: a
    // lone short segment at the region's left edge.
    while k > 1 {
        let Some(l) = ls.get(k - 1) else { break };
        let label = l.segs.len() == 1
            && l.bbox.x0 <= ext.x0 + u.section_label_slack
            && l.bbox.width() < u.section_label_width * ext.width();
        if !label {
            break;
        }
        k -= 1;
    }
    k
}

/// Lay out the header lines: labels that span several columns (crossing a gutter, or
/// underlined by a rule over several columns) on rows of their own, the labels under them on
/// the next row, and a column's labels with no spanning label above them merged into one cell
/// from the top header row down. Returns the number of header rows.
#[allow(clippy::too_many_arguments)]
fn header_rows(
    hdr: &[&TLine],
    words: &[Word],
    xs: &[f64],
    gaps: &[Gutter],
    n_cols: usize,
    rules: &[HRule],
    col_ext: &[Option<(f64, f64)>],
    grid: &mut GridBuild,
    u: &UnruledSettings,
) -> (usize, Vec<usize>) {
    if hdr.is_empty() {
        return (0, Vec::new());
    }
    let centres: Vec<f64> = xs.windows(2).map(|w| 0.5 * (w[0] + w[1])).collect();
    // Pieces per line, spanning ones widened by a rule underneath. The last header line's
    // rule closes the header: a spanning label has labels under it, so a label on the last
    // line is never one, only the last line of a label stacked in its column ("Annual" /
    // "saving" / "(tCO2e)" over a rule across the whole table).
    let mut per_line: Vec<Vec<Piece>> = Vec::new();
    for (k, l) in hdr.iter().enumerate() {
        let mut ps = pieces(l, words, xs, gaps, false, u);
        if k + 1 == hdr.len() {
            per_line.push(ps);
            continue;
        }
        let next_top = hdr
            .get(k + 1)
            .map_or(l.bbox.bottom + u.underline_gap_lines * l.height(), |n| {
                n.bbox.top
            });
        let lim = l.bbox.bottom + u.underline_gap_lines * l.height();
        let lo = rules.partition_point(|r| r.y < l.bbox.bottom - u.rule_line_slack);
        let ps_bounds: Vec<(f64, f64)> = ps.iter().map(|p| (p.x0, p.x1)).collect();
        for p in &mut ps {
            let mid = 0.5 * (p.x0 + p.x1);
            let under = rules
                .get(lo..)
                .unwrap_or(&[])
                .iter()
                .take_while(|r| r.y <= lim.max(next_top))
                .find(|r| r.x0 <= mid && mid <= r.x1 && r.x1 - r.x0 > (p.x1 - p.x0));
            let others_clear = |r: &HRule| {
                ps_bounds
                    .iter()
                    .filter(|&&(a, b)| !(a == p.x0 && b == p.x1))
                    .all(|&(a, b)| b <= r.x0 || a >= r.x1)
            };
            if let Some(r) = under.filter(|r| others_clear(r)) {
                // Columns whose body text the rule mostly spans (their centres when empty).
                let covered: Vec<usize> = (0..n_cols)
                    .filter(|&c| match col_ext.get(c).copied().flatten() {
                        Some((a, b)) if b - a > 1.0 => {
                            r.x1.min(b) - r.x0.max(a) >= u.rule_span_fraction * (b - a)
                        }
                        _ => centres.get(c).is_some_and(|&m| m >= r.x0 && m <= r.x1),
                    })
                    .collect();
                if let (Some(&a), Some(&b)) = (covered.first(), covered.last()) {
                    if b > a && a <= p.c0 && b >= p.c1 {
                        p.c0 = a;
                        p.c1 = b;
                    }
                }
            }
        }
        per_line.push(ps);
    }
    let span_lines: Vec<usize> = per_line
        .iter()
        .enumerate()
        .filter(|(_, ps)| ps.iter().any(|p| p.c1 > p.c0))
        .map(|(k, _)| k)
        .collect();
    let n_rows = span_lines.len() + 1;
    let row_of_line: Vec<usize> = (0..hdr.len())
        .map(|k| {
            span_lines
                .iter()
                .filter(|&&s| s < k)
                .count()
                .min(n_rows - 1)
        })
        .collect();
    // Columns covered by some spanning label.
    let mut spanned = vec![false; n_cols];
    for &k in &span_lines {
        for p in per_line
            .get(k)
            .into_iter()
            .flatten()
            .filter(|p| p.c1 > p.c0)
        {
            for c in p.c0..=p.c1.min(n_cols.saturating_sub(1)) {
                if let Some(v) = spanned.get_mut(c) {
                    *v = true;
                }
            }
        }
    }
    // Rows for each piece: spanning labels at their level, others at the number of spanning
    // lines above them.
    let mut stub: Vec<Vec<usize>> = vec![Vec::new(); n_cols];
    let mut placed: Vec<(usize, Piece)> = Vec::new();
    for (k, ps) in per_line.into_iter().enumerate() {
        let above = span_lines.iter().filter(|&&s| s < k).count();
        for p in ps {
            if p.c1 > p.c0 {
                placed.push((above, p));
            } else if !spanned.get(p.c0).copied().unwrap_or(true) {
                if let Some(v) = stub.get_mut(p.c0) {
                    v.extend_from_slice(&p.words);
                }
            } else {
                let row = if span_lines.contains(&k) {
                    above
                } else {
                    above.min(n_rows - 1)
                };
                placed.push((row, p));
            }
        }
    }
    for (c, ws) in stub.iter().enumerate() {
        if !ws.is_empty() {
            let k = grid.cells.len();
            for r in 0..n_rows {
                grid.owner.insert((r, c), k);
            }
            grid.cells.push(Slot {
                row: 0,
                col: c,
                row_span: n_rows,
                col_span: 1,
                words: ws.clone(),
            });
        }
    }
    // Spanning labels first so they claim their slots.
    placed.sort_by_key(|(r, p)| (*r, p.c1 == p.c0, p.c0));
    for (r, p) in placed {
        grid.put(r, p.c0, p.c1, &p.words);
    }
    (n_rows, row_of_line)
}

/// Lay out the header lines `hdr` over the columns `xs` (the body's pieces say how wide each
/// column's text runs, for labels widened by a rule under them). Returns the number of header
/// rows and, per row, the indices of its lines.
#[allow(clippy::too_many_arguments)]
pub(super) fn place(
    hdr: &[&TLine],
    body_pieces: &[Vec<Piece>],
    words: &[Word],
    xs: &[f64],
    gaps: &[Gutter],
    rules: &[HRule],
    grid: &mut GridBuild,
    u: &UnruledSettings,
) -> (usize, Vec<Vec<usize>>) {
    let n_cols = xs.len().saturating_sub(1);
    // Each column's extent of body text.
    let mut col_ext: Vec<Option<(f64, f64)>> = vec![None; n_cols];
    for p in body_pieces.iter().flatten().filter(|p| p.c0 == p.c1) {
        if let Some(e) = col_ext.get_mut(p.c0) {
            *e = Some(e.map_or((p.x0, p.x1), |(a, b)| (a.min(p.x0), b.max(p.x1))));
        }
    }
    let (n_hdr_rows, hdr_rows_of) =
        header_rows(hdr, words, xs, gaps, n_cols, rules, &col_ext, grid, u);
    let mut row_lines: Vec<Vec<usize>> = vec![Vec::new(); n_hdr_rows];
    for (k, &r) in hdr_rows_of.iter().enumerate() {
        if let Some(v) = row_lines.get_mut(r) {
            v.push(k);
        }
    }
    (n_hdr_rows, row_lines)
}
