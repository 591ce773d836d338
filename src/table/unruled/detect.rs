//! Table regions: runs of text lines with several aligned segments, grown over header lines.

use crate::geom::Rect;
use crate::layout::Word;
use crate::pdf::{FillShape, PagePrimitives};

use super::columns::gutters;
use super::lines::{is_caption_start, is_note_mark, TLine};
use super::{MIN_GUTTER, SEGMENT_GAP_EM};

/// Fewest lines (header included) an unruled table has; two lines with a gap in the same
/// place happen by chance in prose and lists.
pub(super) const MIN_TABLE_LINES: usize = 3;

/// Fewest lines with two or more segments that seed a region.
pub(super) const MIN_MULTI_LINES: usize = 3;

/// Largest vertical gap between consecutive lines of one table, in line heights: tables
/// leave a blank line between groups of rows (about 1–1.5 line heights), while captions,
/// notes and the next paragraph usually sit further away.
const RUN_GAP_LINES: f64 = 3.0;

/// Lines further below the last line of a run than this many of its heights end the scan for
/// the run's next line (and bound the scan upward for header lines), so a page is walked in
/// near-linear time whatever its layout.
const SCAN_GAP_LINES: f64 = 4.0;

/// At most this many one-segment lines in a row inside a region (section labels, wrapped
/// cells); more means the text has turned to prose.
const MAX_BRIDGE_LINES: usize = 3;

/// How far (points) a bridged or header line may stick out of the region's extent.
const EXTENT_SLACK: f64 = 6.0;

/// A line joins a region when its words leave open at least half of the gutters shared by the
/// region's last few lines with two or more segments (this many).
const WINDOW_LINES: usize = 3;

/// A one-segment line of at least this many words that covers [`PROSE_LINE_WIDTH`] of the
/// region's width is running text, which ends a region: table cells that wide are rare, and a
/// wide section label or title has few words.
const PROSE_LINE_WORDS: usize = 6;

/// See [`PROSE_LINE_WORDS`]: fraction of the region's width.
const PROSE_LINE_WIDTH: f64 = 0.7;

/// A note mark followed by at least this many words on a line of two segments is a footnote.
const NOTE_WORDS: usize = 4;

/// Header lines looked for above a region's first line.
pub(super) const MAX_HEADER_LINES: usize = 8;

/// Largest gap between header lines (or the header and the body), in line heights, when no
/// rule bounds the header.
const HEADER_GAP_LINES: f64 = 1.2;

/// A rule bounds a table (above its header, under it, below the body) when it covers this
/// fraction of the region's width.
pub(super) const RULE_COVERAGE: f64 = 0.8;

/// Horizontal rule pieces within this (points) of each other's y are one rule; pieces along
/// it with gaps up to this are joined (the same as the ruled path's snap/join tolerances).
const RULE_SNAP: f64 = 1.5;
const RULE_JOIN: f64 = 3.0;

/// A shaded rectangle at least this wide (points) bounds rows like a rule...
const MIN_BAND_WIDTH: f64 = 20.0;
/// ...when it is less tall than this (points): taller fills are page or box backgrounds.
const MAX_BAND_HEIGHT: f64 = 200.0;

/// A horizontal rule (or the edge of a shaded band): `y` and its extent.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct HRule {
    pub y: f64,
    pub x0: f64,
    pub x1: f64,
}

/// A candidate table: lines (indices into the page's lines, top to bottom).
#[derive(Debug, Clone)]
pub(super) struct Region {
    pub lines: Vec<usize>,
}

/// Horizontal rules of the page (strokes and thin fills) and the top and bottom edges of
/// shaded bands, snapped and joined, sorted by y.
pub(super) fn horizontal_rules(page: &PagePrimitives) -> Vec<HRule> {
    let mut pieces: Vec<HRule> = page
        .rules
        .iter()
        .filter(|r| r.is_horizontal(0.5))
        .map(|r| HRule {
            y: 0.5 * (r.p0.y + r.p1.y),
            x0: r.p0.x.min(r.p1.x),
            x1: r.p0.x.max(r.p1.x),
        })
        .collect();
    // Shaded bands (a header row, banded body rows) draw the same boundaries as rules: their
    // top and bottom edges.
    for f in &page.fills {
        let shaded = f.colour.is_some_and(|c| !c.is_white());
        if shaded
            && f.shape == FillShape::Rect
            && f.rect.width() >= MIN_BAND_WIDTH
            && f.rect.height() < MAX_BAND_HEIGHT
        {
            for y in [f.rect.top, f.rect.bottom] {
                pieces.push(HRule {
                    y,
                    x0: f.rect.x0,
                    x1: f.rect.x1,
                });
            }
        }
    }
    pieces.retain(|r| r.y.is_finite() && r.x0.is_finite() && r.x1.is_finite() && r.x1 - r.x0 > 1.0);
    pieces.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x0.total_cmp(&b.x0)));
    let mut out: Vec<HRule> = Vec::new();
    let mut i = 0;
    while i < pieces.len() {
        let y0 = pieces[i].y;
        let mut j = i;
        while j < pieces.len() && pieces[j].y - y0 <= RULE_SNAP {
            j += 1;
        }
        let mut group: Vec<HRule> = pieces[i..j].to_vec();
        group.sort_by(|a, b| a.x0.total_cmp(&b.x0));
        let mut merged: Vec<HRule> = Vec::new();
        for r in group {
            match merged.last_mut() {
                Some(m) if r.x0 <= m.x1 + RULE_JOIN => m.x1 = m.x1.max(r.x1),
                _ => merged.push(HRule { y: y0, ..r }),
            }
        }
        out.extend(merged);
        i = j;
    }
    out
}

/// Whether a single rule spans at least [`RULE_COVERAGE`] of `[x0, x1]` at a y in `(y0, y1)`.
pub(super) fn rule_between(rules: &[HRule], y0: f64, y1: f64, x0: f64, x1: f64) -> Option<f64> {
    let w = (x1 - x0).max(1.0);
    let lo = rules.partition_point(|r| r.y <= y0);
    rules
        .get(lo..)
        .unwrap_or(&[])
        .iter()
        .take_while(|r| r.y < y1)
        .find(|r| (r.x1.min(x1) - r.x0.max(x0)) >= RULE_COVERAGE * w)
        .map(|r| r.y)
}

/// Whether `l` is a footnote under a table: a note mark ("*", "a", "1", "†") and then a run
/// of words.
fn note_line(l: &TLine, words: &[Word]) -> bool {
    let (Some(first), Some(second)) = (l.segs.first(), l.segs.get(1)) else {
        return false;
    };
    let mark = l.seg_text(words, first);
    let mark_like = is_note_mark(&mark);
    mark_like && second.end - second.start >= NOTE_WORDS && l.segs.len() == 2
}

/// Whether `l` reads as a line of running text across a region of extent `ext`.
fn prose_line(l: &TLine, ext: &Rect) -> bool {
    l.segs.len() == 1
        && l.words.len() >= PROSE_LINE_WORDS
        && l.bbox.width() >= PROSE_LINE_WIDTH * ext.width()
}

fn word_intervals(l: &TLine, words: &[Word]) -> Vec<(f64, f64)> {
    l.words
        .iter()
        .filter_map(|&i| words.get(i))
        .map(|w| (w.bbox.x0, w.bbox.x1))
        .collect()
}

/// Whether line `l` keeps open at least half of the gutters shared by the `window` lines.
fn aligned(window: &[&TLine], l: &TLine, words: &[Word]) -> bool {
    let iv: Vec<Vec<(f64, f64)>> = window.iter().map(|w| word_intervals(w, words)).collect();
    // Column-sized gaps only: repeated phrases ("Census Bureau projection: ...") line up
    // their word spaces too.
    let size = window.iter().map(|w| w.size).fold(0.0, f64::max);
    let shared = gutters(&iv, (SEGMENT_GAP_EM * size).max(MIN_GUTTER), 0);
    if shared.is_empty() {
        return true;
    }
    let mine = word_intervals(l, words);
    let kept = shared
        .iter()
        .filter(|g| {
            // The longest stretch of the gutter that none of l's words cover.
            let mut cover: Vec<(f64, f64)> = mine
                .iter()
                .copied()
                .filter(|&(a, b)| b > g.x0 && a < g.x1)
                .collect();
            cover.sort_by(|a, b| a.0.total_cmp(&b.0));
            let mut x = g.x0;
            let mut best: f64 = 0.0;
            for (a, b) in cover {
                best = best.max(a - x);
                x = x.max(b);
            }
            best = best.max(g.x1 - x);
            best >= MIN_GUTTER
        })
        .count();
    2 * kept >= shared.len()
}

fn overlaps_x(a: &Rect, b: &Rect) -> bool {
    a.x0 < b.x1 && b.x0 < a.x1
}

fn within_x(inner: &Rect, outer: &Rect, slack: f64) -> bool {
    inner.x0 >= outer.x0 - slack && inner.x1 <= outer.x1 + slack
}

/// Candidate regions on a page, top to bottom.
pub(super) fn regions(
    lines: &[TLine],
    words: &[Word],
    rules: &[HRule],
    ruled: &[Rect],
) -> Vec<Region> {
    let caption: Vec<bool> = lines
        .iter()
        .map(|l| is_caption_start(l.first_text(words)) || note_line(l, words))
        .collect();
    let multi: Vec<bool> = lines
        .iter()
        .zip(&caption)
        .map(|(l, &c)| l.segs.len() >= 2 && !c)
        .collect();
    let is_multi = |k: usize| multi.get(k).copied().unwrap_or(false);
    let is_caption = |k: usize| caption.get(k).copied().unwrap_or(false);
    let mut taken = vec![false; lines.len()];
    let is_taken = |taken: &[bool], k: usize| taken.get(k).copied().unwrap_or(true);
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(start) = lines.get(i) {
        if !is_multi(i) || is_taken(&taken, i) {
            i += 1;
            continue;
        }
        let mut members = vec![i];
        let mut ext = start.bbox;
        let mut pending: Vec<usize> = Vec::new();
        let mut last = i;
        let mut j = i + 1;
        while let Some(l) = lines.get(j) {
            let prev_i = pending.last().copied().unwrap_or(last);
            let Some(prev) = lines.get(prev_i) else { break };
            let gap = l.bbox.top - prev.bbox.bottom;
            let h = prev.height().max(l.height());
            if gap > SCAN_GAP_LINES * prev.height() {
                // Lines are sorted by top: nothing further down can join.
                break;
            }
            if !overlaps_x(&l.bbox, &ext) || is_taken(&taken, j) {
                // Another page column (or text beside the table): neither part of the run
                // nor the end of it.
                j += 1;
                continue;
            }
            if gap > RUN_GAP_LINES * h || is_caption(j) || crosses_ruled(ruled, &ext, l) {
                break;
            }
            if is_multi(j) {
                let window: Vec<&TLine> = members
                    .iter()
                    .rev()
                    .filter(|&&k| is_multi(k))
                    .take(WINDOW_LINES)
                    .filter_map(|&k| lines.get(k))
                    .collect();
                if !aligned(&window, l, words) {
                    break;
                }
                members.append(&mut pending);
                members.push(j);
                ext = ext.union(&l.bbox);
                last = j;
            } else {
                if pending.len() >= MAX_BRIDGE_LINES
                    || !within_x(&l.bbox, &ext, EXTENT_SLACK)
                    || prose_line(l, &ext)
                {
                    break;
                }
                pending.push(j);
            }
            j += 1;
        }
        let n_multi = members.iter().filter(|&&k| is_multi(k)).count();
        if n_multi >= MIN_MULTI_LINES {
            let first = members.first().copied().unwrap_or(i);
            let header = header_lines(lines, &caption, &taken, rules, first, &ext);
            let mut all: Vec<usize> = header.into_iter().chain(members).collect();
            all.sort_unstable();
            all.dedup();
            for &k in &all {
                if let Some(t) = taken.get_mut(k) {
                    *t = true;
                }
            }
            out.push(Region { lines: all });
        }
        i = last + 1;
    }
    out
}

/// Whether line `l` would take the region into a ruled table's box.
fn crosses_ruled(ruled: &[Rect], ext: &Rect, l: &TLine) -> bool {
    let grown = ext.union(&l.bbox);
    ruled.iter().any(|r| r.intersection(&grown).is_some())
}

/// Header lines above line `first`: up to the nearest rule spanning the region above it, or
/// else lines close above that fit inside the region's extent.
fn header_lines(
    lines: &[TLine],
    caption: &[bool],
    taken: &[bool],
    rules: &[HRule],
    first: usize,
    ext: &Rect,
) -> Vec<usize> {
    let Some(first_line) = lines.get(first) else {
        return Vec::new();
    };
    // Candidates: the lines above that overlap the region horizontally, nearest first, no
    // further up than a header of MAX_HEADER_LINES could reach.
    let limit =
        first_line.bbox.top - SCAN_GAP_LINES * MAX_HEADER_LINES as f64 * first_line.height();
    let above: Vec<(usize, &TLine)> = (0..first)
        .rev()
        .filter_map(|k| lines.get(k).map(|l| (k, l)))
        .take_while(|(_, l)| l.bbox.top >= limit)
        .filter(|(k, l)| overlaps_x(&l.bbox, ext) && !taken.get(*k).copied().unwrap_or(true))
        .take(MAX_HEADER_LINES)
        .collect();
    let reach = above.last().map_or(first_line.bbox.top, |(_, l)| {
        l.bbox.top - first_line.height()
    });
    // The lowest spanning rule above the first line whose lines up to the first line could
    // all be header.
    let top_rule = {
        let lo = rules.partition_point(|r| r.y < reach);
        let hi = rules.partition_point(|r| r.y < first_line.bbox.top);
        rules
            .get(lo..hi)
            .unwrap_or(&[])
            .iter()
            .rev()
            .find(|r| (r.x1.min(ext.x1) - r.x0.max(ext.x0)) >= RULE_COVERAGE * ext.width())
            .map(|r| r.y)
    };
    let mut out = Vec::new();
    let mut prev = first_line;
    for &(k, l) in &above {
        if caption.get(k).copied().unwrap_or(true)
            || !within_x(&l.bbox, ext, EXTENT_SLACK)
            || prose_line(l, ext)
        {
            break;
        }
        match top_rule {
            Some(y) => {
                if l.bbox.top < y - 1.0 {
                    break;
                }
            }
            None => {
                let gap = prev.bbox.top - l.bbox.bottom;
                if gap > HEADER_GAP_LINES * prev.height().max(l.height()) {
                    break;
                }
            }
        }
        out.push(k);
        prev = l;
    }
    out
}
