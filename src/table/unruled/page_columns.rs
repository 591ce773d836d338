//! Page columns: a page set in two (or more) columns of running text, with a small table in a
//! column between paragraphs, shares its baselines across the columns, so a candidate region
//! runs from one page column into the other and fails as a table. When a rejected region is
//! cut by a page gutter — a strip no word crosses, with running text on both sides — the
//! words beside it are read as separate pages, one page column at a time. Two tables set side
//! by side, level with each other, are parted the same way where their rules stop
//! ([`rule_gap`]).

use super::detect::HRule;
use super::lines::TLine;
use super::pieces::word_count;
use crate::geom::Rect;
use crate::layout::Word;
use crate::table::UnruledSettings;

/// A page gutter: the strip between two page columns, and the height over which it is open.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Zone {
    /// Left edge of the strip (the right edge of the left page column's text).
    pub g0: f64,
    /// Right edge of the strip.
    pub g1: f64,
    /// Top of the lines beside it.
    pub top: f64,
    /// Bottom of the lines beside it.
    pub bottom: f64,
}

impl Zone {
    /// Which side of the gutter word `w` is on (`Some(false)` left, `Some(true)` right), when
    /// it lies in the zone's height.
    pub fn side(&self, w: &Word) -> Option<bool> {
        let c = w.bbox.centre();
        if c.y < self.top || c.y > self.bottom {
            return None;
        }
        if w.bbox.x1 <= self.g0 {
            Some(false)
        } else if w.bbox.x0 >= self.g1 {
            Some(true)
        } else {
            None
        }
    }
}

/// The page gutter through `region` (a rejected candidate's box), if there is one: a strip at
/// least `page_gutter_em` wide that no word of the region's lines covers, open upward and
/// downward from the region until a line (or a `blocked` box, a ruled table, or one of the
/// `rules`) crosses it, with
/// at least `prose_column_min_lines` lines of running text on each side.
pub(super) fn gutter_through(
    region: &Rect,
    lines: &[TLine],
    words: &[Word],
    rules: &[HRule],
    blocked: &[Rect],
    u: &UnruledSettings,
) -> Option<Zone> {
    let inside: Vec<&TLine> = lines
        .iter()
        .filter(|l| {
            let y = l.bbox.centre().y;
            y >= region.top && y <= region.bottom
        })
        .collect();
    let mut sizes: Vec<f64> = inside.iter().map(|l| l.size).collect();
    sizes.sort_by(f64::total_cmp);
    let size = sizes.get(sizes.len() / 2).copied()?.max(1.0);
    let mut spans: Vec<(f64, f64)> = inside
        .iter()
        .flat_map(|l| l.words.iter().filter_map(|&i| words.get(i)))
        .map(|w| (w.bbox.x0, w.bbox.x1))
        .collect();
    spans.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut reach = spans.first()?.1;
    for &(x0, x1) in spans.iter().skip(1) {
        if x0 - reach >= u.page_gutter_em * size && x0 > region.x0 && reach < region.x1 {
            let zone = open_zone((reach, x0), region, lines, words, rules, blocked);
            if prose_beside(&zone, lines, words, u) {
                return Some(zone);
            }
        }
        reach = reach.max(x1);
    }
    None
}

/// Whether a box reaches across the strip [g0, g1].
fn crosses(b: &Rect, g0: f64, g1: f64) -> bool {
    b.x0 < g1 && b.x1 > g0
}

/// The strip [g0, g1] opened up and down from `region` over every line that does not cross it.
fn open_zone(
    (g0, g1): (f64, f64),
    region: &Rect,
    lines: &[TLine],
    words: &[Word],
    rules: &[HRule],
    blocked: &[Rect],
) -> Zone {
    // Lines are sorted by top; a line crosses when one of its words does.
    let line_crosses = |l: &TLine| {
        l.words
            .iter()
            .filter_map(|&i| words.get(i))
            .any(|w| crosses(&w.bbox, g0, g1))
    };
    let mut top = region.top;
    let mut bottom = region.bottom;
    let below: Vec<&TLine> = lines
        .iter()
        .filter(|l| l.bbox.centre().y > region.bottom)
        .collect();
    for l in below {
        if line_crosses(l) {
            break;
        }
        bottom = bottom.max(l.bbox.bottom);
    }
    for l in lines
        .iter()
        .rev()
        .filter(|l| l.bbox.centre().y < region.top)
    {
        if line_crosses(l) {
            break;
        }
        top = top.min(l.bbox.top);
    }
    // A ruled table across the strip ends the zone at its edge, and so does a rule drawn
    // across it (a full-width table's).
    let across = rules
        .iter()
        .filter(|r| r.x0 < g0 && r.x1 > g1)
        .map(|r| Rect {
            x0: r.x0,
            top: r.y,
            x1: r.x1,
            bottom: r.y,
        });
    for b in blocked
        .iter()
        .filter(|b| crosses(b, g0, g1))
        .copied()
        .chain(across)
    {
        if b.bottom <= region.top {
            top = top.max(b.bottom);
        } else if b.top >= region.bottom {
            bottom = bottom.min(b.top);
        }
    }
    Zone {
        g0,
        g1,
        top,
        bottom,
    }
}

/// Whether both sides of the zone hold running text: lines of several words, each filling most
/// of the widest line on its side.
fn prose_beside(zone: &Zone, lines: &[TLine], words: &[Word], u: &UnruledSettings) -> bool {
    [false, true].iter().all(|&right| {
        let parts: Vec<(f64, usize)> = lines
            .iter()
            .filter_map(|l| {
                let ws: Vec<usize> = l
                    .words
                    .iter()
                    .copied()
                    .filter(|&i| words.get(i).and_then(|w| zone.side(w)) == Some(right))
                    .collect();
                let b = ws
                    .iter()
                    .filter_map(|&i| words.get(i))
                    .map(|w| w.bbox)
                    .reduce(|a, b| a.union(&b))?;
                Some((b.width(), word_count(&ws, words)))
            })
            .collect();
        let widest = parts.iter().map(|p| p.0).fold(0.0, f64::max);
        let full = parts
            .iter()
            .filter(|(w, n)| *n >= u.prose_line_min_words && *w >= u.prose_fill * widest)
            .count();
        full >= u.prose_column_min_lines
    })
}

/// The gap between two tables set side by side, each ruled across its own width: a strip
/// through `region` that no rule in it crosses, where at least `min_ruled_bands` rules end on
/// its left and as many start on its right (at the same heights, within `rule_snap`), and
/// that no word of the region's lines covers. The region's lines run on from one table into
/// the other, level with each other; the rules say where one table stops.
pub(super) fn rule_gap(
    region: &Rect,
    lines: &[TLine],
    words: &[Word],
    rules: &[HRule],
    blocked: &[Rect],
    u: &UnruledSettings,
) -> Option<Zone> {
    let inside: Vec<&HRule> = rules
        .iter()
        .filter(|r| {
            r.y >= region.top - u.rule_line_slack
                && r.y <= region.bottom + u.rule_line_slack
                && r.x1 > region.x0
                && r.x0 < region.x1
        })
        .collect();
    // Each rule ending where another starts further along at its height: the pair's gap.
    let mut gaps: Vec<(f64, f64)> = Vec::new();
    for a in &inside {
        let next = inside
            .iter()
            .filter(|b| (b.y - a.y).abs() <= u.rule_snap && b.x0 > a.x1)
            .map(|b| b.x0)
            .fold(f64::INFINITY, f64::min);
        if next.is_finite() && next - a.x1 >= u.min_gutter {
            gaps.push((a.x1, next));
        }
    }
    // The strip all pairs leave open.
    let g0 = gaps.iter().map(|g| g.0).fold(f64::NEG_INFINITY, f64::max);
    let g1 = gaps.iter().map(|g| g.1).fold(f64::INFINITY, f64::min);
    let open = gaps.len() >= u.min_ruled_bands
        && g1 - g0 >= u.min_gutter
        && !inside.iter().any(|r| r.x0 < g1 && r.x1 > g0);
    if !open {
        return None;
    }
    let words_clear = lines
        .iter()
        .filter(|l| {
            let y = l.bbox.centre().y;
            y >= region.top && y <= region.bottom
        })
        .flat_map(|l| l.words.iter().filter_map(|&i| words.get(i)))
        .all(|w| !crosses(&w.bbox, g0, g1));
    words_clear.then(|| open_zone((g0, g1), region, lines, words, rules, blocked))
}
