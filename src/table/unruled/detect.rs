//! Table regions: runs of text lines with several aligned segments, grown over header lines.

use crate::geom::Rect;
use crate::layout::Word;
use crate::pdf::{FillShape, PagePrimitives};

use super::columns::gutters;
use super::lines::{is_caption_start, is_note_mark, is_symbol_note_mark, TLine};
use crate::table::UnruledSettings;

/// A horizontal rule (or the edge of a shaded band): `y` and its extent.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct HRule {
    pub y: f64,
    pub x0: f64,
    pub x1: f64,
}

/// A vertical rule of the page (a stroke or thin fill), `[top, bottom]` at `x`, points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct VRule {
    pub x: f64,
    pub top: f64,
    pub bottom: f64,
}

/// Column edges drawn on a page: its vertical rules, and where horizontal rules drawn one
/// cell at a time meet.
#[derive(Debug, Clone, Default)]
pub(super) struct Edges {
    /// Vertical rules longer than a mark, sorted by x.
    pub v: Vec<VRule>,
    /// [`rule_junctions`], sorted.
    pub junctions: Vec<f64>,
}

/// Vertical rules of the page longer than a mark, sorted by x.
pub(super) fn vertical_rules(page: &PagePrimitives, u: &UnruledSettings) -> Vec<VRule> {
    let mut out: Vec<VRule> = page
        .rules
        .iter()
        .filter(|r| r.is_vertical(u.axis_tolerance))
        .map(|r| VRule {
            x: 0.5 * (r.p0.x + r.p1.x),
            top: r.p0.y.min(r.p1.y),
            bottom: r.p0.y.max(r.p1.y),
        })
        .filter(|r| r.x.is_finite() && r.top.is_finite() && r.bottom - r.top > u.min_rule_piece)
        .collect();
    out.sort_by(|a, b| a.x.total_cmp(&b.x));
    out
}

/// Where cells' text is cut off at their right edge: one [`VRule`] per edge x (the clip
/// boxes' right sides within `axis_tolerance`), from the first word cut there to the last.
/// A producer clips an overflowing cell at the cell's edge, so the edge is a column's as a
/// rule drawn there would be, however close the next column's text starts.
pub(super) fn clip_edges(words: &[Word], u: &UnruledSettings) -> Vec<VRule> {
    let mut cut: Vec<VRule> = words
        .iter()
        .filter_map(|w| {
            let c = w.clip?;
            (w.bbox.x1 > c.x1 + u.axis_tolerance && c.x1 > w.bbox.x0).then_some(VRule {
                x: c.x1,
                top: w.bbox.top.max(c.top),
                bottom: w.bbox.bottom.min(c.bottom),
            })
        })
        .filter(|r| r.x.is_finite() && r.top.is_finite() && r.bottom.is_finite())
        .collect();
    cut.sort_by(|a, b| a.x.total_cmp(&b.x));
    let mut out: Vec<VRule> = Vec::new();
    for r in cut {
        match out.last_mut() {
            Some(m) if r.x - m.x <= u.axis_tolerance => {
                m.top = m.top.min(r.top);
                m.bottom = m.bottom.max(r.bottom);
            }
            _ => out.push(r),
        }
    }
    out
}

/// A candidate table: lines (indices into the page's lines, top to bottom).
#[derive(Debug, Clone)]
pub(super) struct Region {
    pub lines: Vec<usize>,
}

/// Horizontal rules of the page (its [`rule_pieces`]: strokes, thin fills, the top and bottom
/// edges of shaded bands), snapped and joined, sorted by y.
pub(super) fn horizontal_rules(pieces: &[HRule], u: &UnruledSettings) -> Vec<HRule> {
    let mut out: Vec<HRule> = Vec::new();
    for group in rows_of_pieces(pieces, u) {
        let mut merged: Vec<HRule> = Vec::new();
        for r in group {
            match merged.last_mut() {
                Some(m) if r.x0 <= m.x1 + u.rule_join => m.x1 = m.x1.max(r.x1),
                _ => merged.push(r),
            }
        }
        out.extend(merged);
    }
    out
}

/// Where horizontal rules drawn one cell at a time meet: the x between two pieces of one
/// rule that end and start within `rule_join` of each other, once per rule, sorted. A
/// table whose borders are drawn per cell marks its column edges there, on every rule.
pub(super) fn rule_junctions(pieces: &[HRule], u: &UnruledSettings) -> Vec<f64> {
    let mut out: Vec<f64> = Vec::new();
    for group in rows_of_pieces(pieces, u) {
        for w in group.windows(2) {
            if let [a, b] = w {
                if b.x0 >= a.x1 - u.rule_join && b.x0 <= a.x1 + u.rule_join && b.x1 > a.x1 {
                    out.push(0.5 * (a.x1 + b.x0));
                }
            }
        }
    }
    out.sort_by(f64::total_cmp);
    out
}

/// The page's horizontal rule pieces and the top and bottom edges of its shaded bands,
/// sorted by y, then x.
pub(super) fn rule_pieces(page: &PagePrimitives, u: &UnruledSettings) -> Vec<HRule> {
    let mut pieces: Vec<HRule> = page
        .rules
        .iter()
        .filter(|r| r.is_horizontal(u.axis_tolerance))
        .map(|r| HRule {
            y: 0.5 * (r.p0.y + r.p1.y),
            x0: r.p0.x.min(r.p1.x),
            x1: r.p0.x.max(r.p1.x),
        })
        .collect();
    // Shaded bands (a header row, banded body rows) draw the same boundaries as rules: their
    // top and bottom edges.
    for r in band_fills(page, u) {
        for y in [r.top, r.bottom] {
            pieces.push(HRule {
                y,
                x0: r.x0,
                x1: r.x1,
            });
        }
    }
    pieces.retain(|r| {
        r.y.is_finite() && r.x0.is_finite() && r.x1.is_finite() && r.x1 - r.x0 > u.min_rule_piece
    });
    pieces.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x0.total_cmp(&b.x0)));
    pieces
}

/// The boxes of the page's shaded bands: rectangles filled with a colour other than white, at
/// least `min_band_width` wide and less than `max_band_height` tall (a header row, a banded
/// body row, or one cell of either).
pub(super) fn band_fills(page: &PagePrimitives, u: &UnruledSettings) -> Vec<Rect> {
    page.fills
        .iter()
        .filter(|f| {
            f.colour.is_some_and(|c| !c.is_white())
                && f.shape == FillShape::Rect
                && f.rect.width() >= u.min_band_width
                && f.rect.height() < u.max_band_height
        })
        .map(|f| f.rect)
        .collect()
}

/// `pieces` (sorted by y) grouped into rules: pieces within `rule_snap` of the first one's y,
/// each group at that y and sorted by x.
fn rows_of_pieces(pieces: &[HRule], u: &UnruledSettings) -> Vec<Vec<HRule>> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(first) = pieces.get(i) {
        let y0 = first.y;
        let n = pieces
            .get(i..)
            .unwrap_or(&[])
            .iter()
            .take_while(|p| p.y - y0 <= u.rule_snap)
            .count();
        let mut group: Vec<HRule> = pieces
            .get(i..i + n)
            .unwrap_or(&[])
            .iter()
            .map(|p| HRule { y: y0, ..*p })
            .collect();
        group.sort_by(|a, b| a.x0.total_cmp(&b.x0));
        out.push(group);
        i += n.max(1);
    }
    out
}

/// Whether a single rule spans at least `rule_coverage` of `[x0, x1]` at a y in `(y0, y1)`.
pub(super) fn rule_between(
    rules: &[HRule],
    y0: f64,
    y1: f64,
    x0: f64,
    x1: f64,
    u: &UnruledSettings,
) -> Option<f64> {
    let w = (x1 - x0).max(1.0);
    let lo = rules.partition_point(|r| r.y <= y0);
    rules
        .get(lo..)
        .unwrap_or(&[])
        .iter()
        .take_while(|r| r.y < y1)
        .find(|r| (r.x1.min(x1) - r.x0.max(x0)) >= u.rule_coverage * w)
        .map(|r| r.y)
}

/// Whether `l` is a footnote under a table: a note mark ("*", "a", "1", "†") and then a run
/// of words.
fn note_line(l: &TLine, words: &[Word], u: &UnruledSettings) -> bool {
    let (Some(first), Some(second)) = (l.segs.first(), l.segs.get(1)) else {
        return false;
    };
    let mark = l.seg_text(words, first);
    let mark_like = is_note_mark(&mark);
    mark_like && second.end - second.start >= u.note_words && l.segs.len() == 2
}

/// Whether `l` opens a note in running text: one segment (not aligned to columns) whose
/// first word is a symbol note mark ("*", "†") or glued to one ("*Figures"), and more words
/// after it ("* the prior year savings rolled forward …"). A row label ending or starting in
/// a mark has figures beside it, so it has more than one segment.
fn note_start(l: &TLine, words: &[Word]) -> bool {
    let first = l.first_text(words);
    let marked = is_symbol_note_mark(first)
        || first
            .strip_prefix('*')
            .and_then(|rest| rest.chars().next())
            .is_some_and(char::is_alphanumeric);
    l.segs.len() == 1 && l.words.len() >= 2 && marked
}

/// What a line above or below a run of aligned lines is: a line that ends the run
/// upwards and downwards (a caption or a note), or neither.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stop {
    /// Neither.
    No,
    /// A caption ("Table 3", "Figure 2"): the table's title, not its header.
    Caption,
    /// A note ([`opens_note`]): it and the lines it wraps onto are no part of the table,
    /// whose header may lie above it.
    Note,
}

/// Whether `l` opens a note: a marked note ([`note_start`], [`note_line`]) or one headed
/// "Note:", "Notes:", "Source:".
fn opens_note(l: &TLine, words: &[Word], u: &UnruledSettings) -> bool {
    let first = l.first_text(words).to_lowercase();
    let word = first.trim_end_matches([':', '.', ',']);
    note_start(l, words)
        || note_line(l, words, u)
        || matches!(word, "note" | "notes" | "source" | "sources")
}

/// Whether `l` reads as a line of running text across a region of extent `ext`.
fn prose_line(l: &TLine, ext: &Rect, u: &UnruledSettings) -> bool {
    l.segs.len() == 1
        && l.words.len() >= u.prose_line_words
        && l.bbox.width() >= u.prose_line_width * ext.width()
}

fn word_intervals(l: &TLine, words: &[Word]) -> Vec<(f64, f64)> {
    super::pieces::intervals(l, words)
}

/// Whether line `l` keeps open at least half of the gutters shared by the `window` lines.
fn aligned(window: &[&TLine], l: &TLine, words: &[Word], u: &UnruledSettings) -> bool {
    let iv: Vec<Vec<(f64, f64)>> = window.iter().map(|w| word_intervals(w, words)).collect();
    // Column-sized gaps only: repeated phrases ("Census Bureau projection: ...") line up
    // their word spaces too.
    let size = window.iter().map(|w| w.size).fold(0.0, f64::max);
    let shared = gutters(&iv, (u.segment_gap_em * size).max(u.min_gutter), 0);
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
            best >= u.min_gutter
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
    u: &UnruledSettings,
) -> Vec<Region> {
    let stops: Vec<Stop> = lines
        .iter()
        .map(|l| {
            if opens_note(l, words, u) {
                Stop::Note
            } else if is_caption_start(l.first_text(words)) {
                Stop::Caption
            } else {
                Stop::No
            }
        })
        .collect();
    let caption: Vec<bool> = stops.iter().map(|&k| k != Stop::No).collect();
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
        let mut bridged = 0usize;
        let mut last = i;
        // The last line of a note the run stepped over, until a line joins the run.
        let mut over_note: Option<usize> = None;
        // Lines passed by as beside the run (no overlap with its extent so far).
        let mut beside: Vec<usize> = Vec::new();
        let mut j = i + 1;
        while let Some(l) = lines.get(j) {
            let prev_i = over_note.unwrap_or(pending.last().copied().unwrap_or(last));
            let Some(prev) = lines.get(prev_i) else { break };
            let gap = l.bbox.top - prev.bbox.bottom;
            let h = prev.height().max(l.height());
            if gap > u.scan_gap_lines * prev.height() {
                // Lines are sorted by top: nothing further down can join.
                break;
            }
            if !overlaps_x(&l.bbox, &ext) || is_taken(&taken, j) {
                // Another page column (or text beside the table): neither part of the run
                // nor the end of it, unless the run widens over it (below).
                if !is_taken(&taken, j) {
                    beside.push(j);
                }
                j += 1;
                continue;
            }
            // A line that reads as a note ("1  Digital services …": a number, then words)
            // boxed by rules or a shaded band spanning the table above and under it is a
            // group row of the table, its number in the key column.
            if stops.get(j) == Some(&Stop::Note) && gap <= u.run_gap_lines * h {
                if let Some(n) = boxed_label(lines, &multi, prev, j, rules, &ext, u) {
                    pending.extend(j..j + n);
                    bridged = 0;
                    j += n;
                    continue;
                }
            }
            // A note printed inside the table (between two of its rows, as Excel prints
            // one where it was typed) is stepped over: it is no row, and the rows under it
            // are the table's still.
            if gap <= u.run_gap_lines * h
                && stops.get(j) == Some(&Stop::Note)
                && pending.is_empty()
                && !crosses_ruled(ruled, &ext, l)
            {
                let n = note_len(lines, j, u);
                over_note = Some(j + n - 1);
                j += n;
                continue;
            }
            if gap > u.run_gap_lines * h || is_caption(j) || crosses_ruled(ruled, &ext, l) {
                break;
            }
            over_note = None;
            if is_multi(j) && !pending.is_empty() && other_header(lines, words, i, j) {
                // A heading, then another table's header: the run ends at the heading.
                break;
            }
            if is_multi(j) {
                let window = window(lines, &members, &multi, u.window_lines);
                if !aligned(&window, l, words, u) {
                    break;
                }
                members.append(&mut pending);
                bridged = 0;
                members.push(j);
                ext = ext.union(&l.bbox);
                last = j;
            } else if let Some(n) = boxed_label(lines, &multi, prev, j, rules, &ext, u) {
                // A full-width group row boxed by rules (or a shaded band) spanning the
                // table, above and under it: a row of the table, not text between two.
                pending.extend(j..j + n);
                bridged = 0;
                j += n;
                continue;
            } else {
                // Wrapped text of a later column (starting inside the table, keeping its
                // gutters open) does not count towards the bridge: a plan's cells wrap onto
                // many such lines.
                let window = window(lines, &members, &multi, u.window_lines);
                let in_column = l.bbox.x0 > ext.x0 + u.min_gutter && aligned(&window, l, words, u);
                if !in_column {
                    bridged += 1;
                }
                if bridged > u.max_bridge_lines
                    || !within_x(&l.bbox, &ext, u.extent_slack)
                    || prose_line(l, &ext, u)
                {
                    break;
                }
                pending.push(j);
            }
            j += 1;
        }
        // The last row's wrapped text, set solid under it and starting inside the table
        // (not at its left edge, where a note or the next paragraph starts, unless the
        // table's rules close the row under it), ends the run.
        let mut prev_i = last;
        for k in pending {
            let (Some(prev), Some(l)) = (lines.get(prev_i), lines.get(k)) else {
                break;
            };
            let gap = l.bbox.top - prev.bbox.bottom;
            let solid = gap <= u.continuation_gap_lines * prev.height().max(l.height());
            if !solid
                || (l.bbox.x0 <= ext.x0 + u.min_gutter
                    && !closed_by_rule(lines, rules, last, prev, l, &ext, u))
            {
                break;
            }
            members.push(k);
            ext = ext.union(&l.bbox);
            prev_i = k;
        }
        // A run that starts with a row's remainder in its later columns (a row cut by the
        // page break) widens further down; a line passed by as beside that narrow start but
        // lying inside the run's final extent, above its last line (the next group row,
        // "2.2  Cyber security"), is one of its rows.
        let bottom = members
            .iter()
            .filter_map(|&k| lines.get(k))
            .map(|l| l.bbox.top)
            .fold(f64::NEG_INFINITY, f64::max);
        let inside: Vec<usize> = beside
            .into_iter()
            .filter(|&k| {
                lines.get(k).is_some_and(|l| {
                    l.bbox.top < bottom
                        && within_x(&l.bbox, &ext, u.extent_slack)
                        && !is_caption(k)
                        && !prose_line(l, &ext, u)
                })
            })
            .collect();
        if !inside.is_empty() {
            members.extend(inside);
            members.sort_unstable();
        }
        let n_multi = members.iter().filter(|&&k| is_multi(k)).count();
        if n_multi >= u.min_multi_lines {
            let first = members.first().copied().unwrap_or(i);
            let header = header_lines(lines, &stops, &taken, rules, first, &ext, u);
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

/// Whether line `j`, under one-segment lines the run bridged, is the header of another table
/// with the columns of the run's first line `start` (its header): it opens with the same two
/// labels ("Ref", "Measure") and goes on with others ("Annual target" where `start` has
/// "Target | Q1 | Q2"). A body row repeats no labels; a header printed again whole is
/// cut off after the table is built (`table::split`), which keeps the shared columns.
fn other_header(lines: &[TLine], words: &[Word], start: usize, j: usize) -> bool {
    let texts = |k: usize| -> Vec<String> {
        lines
            .get(k)
            .map(|l| l.segs.iter().map(|g| l.seg_text(words, g)).collect())
            .unwrap_or_default()
    };
    let (a, b) = (texts(start), texts(j));
    a.len() >= 2 && b.len() >= 2 && a.get(..2) == b.get(..2) && a != b
}

/// Whether a spanning rule (or a shaded band's edge) lies between `above` and `below`,
/// covering `ext` and the lines between.
fn spanning_rule_between(
    rules: &[HRule],
    above: &TLine,
    below: &TLine,
    ext: &Rect,
    u: &UnruledSettings,
) -> bool {
    let x0 = ext.x0.min(below.bbox.x0).min(above.bbox.x0);
    let x1 = ext.x1.max(below.bbox.x1).max(above.bbox.x1);
    rule_between(
        rules,
        above.bbox.bottom - u.rule_line_slack,
        below.bbox.top + u.rule_line_slack,
        x0,
        x1,
        u,
    )
    .is_some()
}

/// Whether `l`, a line at the table's left edge set solid under its last row (whose first
/// line is `last`; `prev` is the line just above `l`), is that row's first cell wrapped: the
/// table's rules box its rows (a rule spanning the table above the last row), none parts `l`
/// from the row, and one spanning the table closes the row just under `l`. A note or the next
/// paragraph after a table lies past its last rule.
fn closed_by_rule(
    lines: &[TLine],
    rules: &[HRule],
    last: usize,
    prev: &TLine,
    l: &TLine,
    ext: &Rect,
    u: &UnruledSettings,
) -> bool {
    let (Some(above), Some(row)) = (
        last.checked_sub(1).and_then(|i| lines.get(i)),
        lines.get(last),
    ) else {
        return false;
    };
    let under = l.bbox.bottom + u.continuation_gap_lines * l.height();
    spanning_rule_between(rules, above, row, ext, u)
        && !spanning_rule_between(rules, prev, l, ext, u)
        && rule_between(
            rules,
            l.bbox.bottom - u.rule_line_slack,
            under,
            ext.x0,
            ext.x1,
            u,
        )
        .is_some()
}

/// How many lines the group row starting at line `start` takes, if it is one: one-segment
/// lines starting at the region's left edge (a label spanning the table, "Priority 2: …",
/// wrapped onto at most `max_bridge_lines`), with a rule or band edge spanning the region
/// between `prev` and it and another between its last line and the aligned line under it.
fn boxed_label(
    lines: &[TLine],
    multi: &[bool],
    prev: &TLine,
    start: usize,
    rules: &[HRule],
    ext: &Rect,
    u: &UnruledSettings,
) -> Option<usize> {
    let first = lines.get(start)?;
    if first.bbox.x0 > ext.x0 + u.min_gutter || !spanning_rule_between(rules, prev, first, ext, u) {
        return None;
    }
    let mut last = first;
    for n in 1..=u.max_bridge_lines {
        let next = lines.get(start + n)?;
        let gap = next.bbox.top - last.bbox.bottom;
        if gap > u.run_gap_lines * last.height().max(next.height()) {
            return None;
        }
        if multi.get(start + n).copied().unwrap_or(false) {
            return spanning_rule_between(rules, last, next, ext, u).then_some(n);
        }
        if next.bbox.x0 > ext.x0 + u.min_gutter {
            return None;
        }
        last = next;
    }
    None
}

/// Drop from the header lines `out` (nearest the table first) the lines of the note or
/// caption `stop` above them runs on to: set solid under it, one segment each, as a note
/// wraps ("* the prior year savings rolled forward for delivery in" / "2025-26 will be
/// updated …"), each as far under the one above as its second line is under its first. A
/// line further down (a group label after a blank line) stays header.
fn drop_note_lines(lines: &[TLine], out: &mut Vec<usize>, stop: &TLine, u: &UnruledSettings) {
    let mut prev = stop;
    let mut own = 0;
    // The note's leading: the gap under its first line; its later lines keep it.
    let mut leading: Option<f64> = None;
    for &k in out.iter().rev() {
        let Some(l) = lines.get(k) else { break };
        let gap = l.bbox.top - prev.bbox.bottom;
        let solid = note_solid(gap, leading, prev.height().max(l.height()), u);
        if l.segs.len() != 1 || !solid {
            break;
        }
        leading.get_or_insert(gap);
        own += 1;
        prev = l;
    }
    out.truncate(out.len() - own);
}

/// How many lines the note opened by line `start` takes: it and the lines under it that it
/// wraps onto (as [`drop_note_lines`] finds them), at least 1.
fn note_len(lines: &[TLine], start: usize, u: &UnruledSettings) -> usize {
    let Some(mut prev) = lines.get(start) else {
        return 1;
    };
    let mut leading: Option<f64> = None;
    let mut n = 1;
    while let Some(l) = lines.get(start + n) {
        let gap = l.bbox.top - prev.bbox.bottom;
        if l.segs.len() != 1 || !note_solid(gap, leading, prev.height().max(l.height()), u) {
            break;
        }
        leading.get_or_insert(gap);
        n += 1;
        prev = l;
    }
    n
}

/// Whether a line `gap` (points) under the line above continues a note whose second line
/// was `leading` under its first (none yet: set solid or with normal leading), lines `h`
/// high.
fn note_solid(gap: f64, leading: Option<f64>, h: f64, u: &UnruledSettings) -> bool {
    match leading {
        None => gap <= u.continuation_gap_lines * h,
        Some(g) => gap <= g + u.paragraph_gap_lines * h,
    }
}

/// The last `n` multi-segment lines among a region's `members`, nearest first: the lines a
/// new line's alignment is judged against.
fn window<'a>(lines: &'a [TLine], members: &[usize], multi: &[bool], n: usize) -> Vec<&'a TLine> {
    members
        .iter()
        .rev()
        .filter(|&&k| multi.get(k).copied().unwrap_or(false))
        .take(n)
        .filter_map(|&k| lines.get(k))
        .collect()
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
    stops: &[Stop],
    taken: &[bool],
    rules: &[HRule],
    first: usize,
    ext: &Rect,
    u: &UnruledSettings,
) -> Vec<usize> {
    let Some(first_line) = lines.get(first) else {
        return Vec::new();
    };
    // Candidates: the lines above that overlap the region horizontally, nearest first, no
    // further up than a header of `max_header_lines` could reach.
    let limit =
        first_line.bbox.top - u.scan_gap_lines * u.max_header_lines as f64 * first_line.height();
    let above: Vec<(usize, &TLine)> = (0..first)
        .rev()
        .filter_map(|k| lines.get(k).map(|l| (k, l)))
        .take_while(|(_, l)| l.bbox.top >= limit)
        .filter(|(k, l)| overlaps_x(&l.bbox, ext) && !taken.get(*k).copied().unwrap_or(true))
        .take(u.max_header_lines)
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
            .find(|r| (r.x1.min(ext.x1) - r.x0.max(ext.x0)) >= u.rule_coverage * ext.width())
            .map(|r| r.y)
    };
    let mut out = Vec::new();
    let mut prev = first_line;
    for &(k, l) in &above {
        match stops.get(k).copied().unwrap_or(Stop::Caption) {
            Stop::No => {}
            Stop::Caption => break,
            // A note printed between a table's header and its body (Excel prints one
            // where it was typed): it and its lines are no part of the table, and the
            // header above it still is.
            Stop::Note => {
                drop_note_lines(lines, &mut out, l, u);
                prev = l;
                continue;
            }
        }
        // A title set larger than the table's first line is its caption, not its header;
        // a single run of text set in another size than the line under it (a version or
        // "last updated" line over the header band, smaller or larger) is page text: a
        // header's stacked labels share their size.
        let r = u.other_size_above_header_ratio;
        if l.size > u.heading_size_ratio * first_line.size
            || (l.segs.len() == 1 && (l.size * r < prev.size || l.size > r * prev.size))
            || !within_x(&l.bbox, ext, u.extent_slack)
            || prose_line(l, ext, u)
        {
            break;
        }
        match top_rule {
            Some(y) => {
                if l.bbox.top < y - u.rule_line_slack {
                    break;
                }
            }
            None => {
                let gap = prev.bbox.top - l.bbox.bottom;
                if gap > u.header_gap_lines * prev.height().max(l.height()) {
                    break;
                }
            }
        }
        out.push(k);
        prev = l;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A word at `x0..x1`, 10 pt high from `top`, clipped to `clip` (x0, x1) over its row.
    fn clipped(x0: f64, x1: f64, top: f64, clip: Option<(f64, f64)>) -> Word {
        let bbox = Rect {
            x0,
            top,
            x1,
            bottom: top + 10.0,
        };
        Word {
            text: "word".into(),
            bbox,
            direction: crate::pdf::Direction::Ltr,
            baseline: top + 8.0,
            font: std::sync::Arc::from("Test"),
            size: 10.0,
            colour: None,
            clip: clip.map(|(a, b)| Rect {
                x0: a,
                top: top - 2.0,
                x1: b,
                bottom: top + 12.0,
            }),
        }
    }

    /// Words cut off at their clip's right side mark one edge per x, from the first cut
    /// word to the last; a word clipped on its left, or drawn whole inside its clip, marks
    /// none.
    #[test]
    fn clip_edges_where_cells_cut_their_text() {
        let u = UnruledSettings::default();
        let words = vec![
            clipped(100.0, 204.0, 50.0, Some((90.0, 200.0))),
            clipped(100.0, 150.0, 70.0, Some((90.0, 200.0))),
            clipped(120.0, 203.0, 90.0, Some((90.0, 200.2))),
            clipped(300.0, 330.0, 110.0, Some((310.0, 400.0))),
            clipped(100.0, 210.0, 130.0, None),
        ];
        assert_eq!(
            clip_edges(&words, &u),
            [VRule {
                x: 200.0,
                top: 50.0,
                bottom: 100.0
            }]
        );
    }

    fn piece(x0: f64, x1: f64, y: f64) -> HRule {
        HRule { y, x0, x1 }
    }

    /// Borders drawn per cell meet at the column edges (end to end, or a hairline apart);
    /// a rule broken by a wide gap, or one piece inside another, marks no edge.
    #[test]
    fn junctions_where_per_cell_rules_meet() {
        let u = UnruledSettings::default();
        let pieces = vec![
            piece(10.0, 100.0, 50.0),
            piece(100.0, 200.0, 50.5),
            piece(201.0, 300.0, 50.0),
            piece(10.0, 150.0, 80.0),
            piece(160.0, 300.0, 80.0),
            piece(10.0, 300.0, 110.0),
            piece(40.0, 60.0, 110.0),
        ];
        let mut sorted = pieces;
        sorted.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x0.total_cmp(&b.x0)));
        assert_eq!(rule_junctions(&sorted, &u), vec![100.0, 200.5]);
    }
}
