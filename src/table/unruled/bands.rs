//! Rows drawn by rules or set apart by white space: the body lines of a region parted by
//! horizontal rules that run across the table (booktabs `\midrule` between rows, a Word table
//! with horizontal borders only, an HTML row's `border-bottom`) or by gaps wider than the
//! lines inside its cells are set (LaTeX's `\addlinespace`, a paragraph's space after).
//!
//! A rule across the table always ends a row. When the bands part the rows themselves — most
//! bands hold a row's wrapped lines — the band is the row: a line set solid under the one
//! above stays in its row even where a sentence ends or one column runs longer. Rules only
//! under the header, above a total or at top and bottom, and rows of one line each, leave the
//! rows to the reading of their key column.

use crate::geom::Rect;
use crate::table::UnruledSettings;

use super::detect::{rule_between, HRule};
use super::lines::TLine;

/// The bands of a region's body lines.
pub(super) struct Bands {
    /// Per body line, the index of its band between rules (counted down the body).
    ruled: Vec<usize>,
    /// Per body line, whether it is set solid under the line above (no more than
    /// `paragraph_gap_lines` further down than the body's tightest leading).
    solid: Vec<bool>,
    /// Whether the bands part the rows: at least `min_ruled_bands` bands between rules or
    /// white space, most of them (and at least two) holding more than one line.
    pub rows_banded: bool,
}

impl Bands {
    /// Whether a rule across the table runs between body lines `a` and `b`.
    pub fn ruled_between(&self, a: usize, b: usize) -> bool {
        self.ruled.get(a) != self.ruled.get(b)
    }

    /// Whether body line `i` continues the band of the line above: the rows are banded, no
    /// rule parts them and it is set solid under it.
    pub fn continues(&self, i: usize) -> bool {
        self.rows_banded
            && i > 0
            && !self.ruled_between(i - 1, i)
            && self.solid.get(i).copied().unwrap_or(false)
    }
}

/// The gap of the body's tightest leading (points): the smallest gap between consecutive
/// lines, 0 when there is one line.
pub(super) fn solid_leading(body: &[&TLine]) -> f64 {
    let g = body
        .windows(2)
        .map(|w| (w[1].bbox.top - w[0].bbox.bottom).max(0.0))
        .fold(f64::INFINITY, f64::min);
    if g.is_finite() {
        g
    } else {
        0.0
    }
}

/// The body lines `body` of a region spanning `ext`, parted by the rules among `rules` that
/// cover `rule_coverage` of its width and by white space. Bands shaded by turns (`shades`,
/// the page's shaded band boxes: zebra rows) are the rows ([`zebra`]).
pub(super) fn bands(
    body: &[&TLine],
    rules: &[HRule],
    shades: &[Rect],
    ext: Rect,
    u: &UnruledSettings,
) -> Bands {
    let lead = solid_leading(body);
    let mut ruled = Vec::with_capacity(body.len());
    let mut solid = Vec::with_capacity(body.len());
    let mut band = Vec::with_capacity(body.len());
    let (mut n_ruled, mut n) = (0, 0);
    for (i, l) in body.iter().enumerate() {
        let above = i.checked_sub(1).and_then(|j| body.get(j));
        let rule = above.is_some_and(|p| {
            let (y0, y1) = (p.bbox.centre().y, l.bbox.centre().y);
            rule_between(rules, y0, y1, ext.x0, ext.x1, u).is_some()
        });
        let set_solid = above.is_some_and(|p| {
            l.bbox.top - p.bbox.bottom <= lead + u.paragraph_gap_lines * l.height()
        });
        if rule {
            n_ruled += 1;
        }
        if above.is_some() && (rule || !set_solid) {
            n += 1;
        }
        ruled.push(n_ruled);
        solid.push(set_solid);
        band.push(n);
    }
    let n_bands = if body.is_empty() { 0 } else { n + 1 };
    let mut lines_in = vec![0usize; n_bands];
    for &b in &band {
        if let Some(c) = lines_in.get_mut(b) {
            *c += 1;
        }
    }
    let multi = lines_in.iter().filter(|&&c| c > 1).count();
    let rows_banded = n_bands >= u.min_ruled_bands
        && ((multi >= 2 && 2 * multi > n_bands)
            || (n_ruled == n && zebra(body, &ruled, shades, ext, u)));
    Bands {
        ruled,
        solid,
        rows_banded,
    }
}

/// Whether the bands between rules (`ruled`, per body line) are shaded by turns: at least two
/// are shaded across the table's width, no two shaded ones meet, and unshaded ones meet once
/// at most (above a total row set apart by a rule). Banded rows shade one row at a time, so
/// each band is a row, however its lines are set (a label wrapped beside figures centred on
/// it).
fn zebra(
    body: &[&TLine],
    ruled: &[usize],
    shades: &[Rect],
    ext: Rect,
    u: &UnruledSettings,
) -> bool {
    let n = ruled.last().map_or(0, |&b| b + 1);
    let shaded: Vec<bool> = (0..n)
        .map(|b| {
            let lines: Vec<&&TLine> = body
                .iter()
                .zip(ruled)
                .filter(|(_, &r)| r == b)
                .map(|(l, _)| l)
                .collect();
            if lines.is_empty() {
                return false;
            }
            // The shading behind every line of the band and no other, across the table.
            let inside = |r: &Rect, l: &TLine| {
                let y = l.bbox.centre().y;
                y > r.top && y < r.bottom
            };
            let covered: f64 = shades
                .iter()
                .filter(|r| {
                    lines.iter().all(|l| inside(r, l))
                        && body
                            .iter()
                            .zip(ruled)
                            .all(|(l, &k)| k == b || !inside(r, l))
                })
                .map(|r| (r.x1.min(ext.x1) - r.x0.max(ext.x0)).max(0.0))
                .sum();
            covered >= u.rule_coverage * ext.width()
        })
        .collect();
    let both = |a: bool, b: bool| shaded.windows(2).filter(|w| w[0] == a && w[1] == b).count();
    shaded.iter().filter(|&&s| s).count() >= 2 && both(true, true) == 0 && both(false, false) <= 1
}
