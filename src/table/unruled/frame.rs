//! A region's frame: its extent, how many lines are header, and its column boundaries.

use crate::geom::Rect;
use crate::layout::Word;
use crate::table::UnruledSettings;

use super::columns::{gutters, Gutter};
use super::detect::{Edges, HRule, VRule};
use super::header::header_len;
use super::lines::{is_item_label, is_numeric, TLine};
use super::pieces::{col_of, intervals};
use super::verdict::Rejected;

/// A region's extent, header length and column boundaries.
pub(super) struct Frame {
    /// The box around the region's lines.
    pub ext: Rect,
    /// How many leading lines are header.
    pub hdr: usize,
    /// Column boundaries, left to right: the extent's edges and the gutters' middles.
    pub xs: Vec<f64>,
    /// The gutters between columns.
    pub gaps: Vec<Gutter>,
}

/// Extent, header and columns (from the gutters of the body lines with two or more segments;
/// a gutter a vertical rule runs down separates columns whatever its width).
pub(super) fn frame(
    ls: &[&TLine],
    words: &[Word],
    rules: &[HRule],
    edges: &Edges,
    u: &UnruledSettings,
) -> Result<Frame, Rejected> {
    let ext = ls
        .iter()
        .map(|l| l.bbox)
        .reduce(|a, b| a.union(&b))
        .ok_or(Rejected::TooFewLines)?;
    let hdr = header_len(ls, words, rules, &ext, u);
    let body = ls.get(hdr..).ok_or(Rejected::TooFewLines)?;
    // Lines set larger than the body's text are group headings run across the table
    // ("Priority 1  Children learn well", a quad between label and title): they say nothing
    // of where its columns are.
    let body_size = median_size(body);
    let body_multi: Vec<Vec<(f64, f64)>> = body
        .iter()
        .filter(|l| l.segs.len() >= 2 && l.size <= u.heading_size_ratio * body_size)
        .map(|l| intervals(l, words))
        .collect();
    if body_multi.len() < 2 {
        return Err(Rejected::TooFewAlignedLines);
    }
    let crossing = (u.gutter_crossing_fraction * body_multi.len() as f64).floor() as usize;
    let guts: Vec<Gutter> = gutters(&body_multi, u.min_gutter, crossing)
        .into_iter()
        .filter_map(|mut g| {
            g.ruled = ruled_down(&g, body, &edges.v, u);
            (g.ruled || separates(&g, body, ls.get(..hdr).unwrap_or(&[]), words, u)).then_some(g)
        })
        .collect();
    if guts.is_empty() {
        return Err(Rejected::NoGutter);
    }
    // A column with no body word in it (between two gutters split by a crossing line), or
    // none that opens a segment, joins its neighbour: the narrower gutter beside it goes.
    let mut guts = guts;
    loop {
        let mut xs = vec![ext.x0];
        xs.extend(guts.iter().map(Gutter::mid));
        xs.push(ext.x1);
        let n = xs.len() - 1;
        let mut count = vec![0usize; n];
        for l in body {
            for w in l.words.iter().filter_map(|&i| words.get(i)) {
                if let Some(c) = count.get_mut(col_of(&xs, w.bbox.centre().x, n)) {
                    *c += 1;
                }
            }
        }
        // A column of list item labels alone ("a)", "b)" before each milestone of a cell)
        // belongs to the column its text runs on in: the gutter on its right goes.
        if let Some(k) = (1..n.saturating_sub(1)).find(|&k| label_strip(body, words, &xs, k)) {
            guts.remove(k);
            continue;
        }
        // A column of bullets and symbols alone ("●" before "On track", a dash ending the
        // text before it) belongs to the text on one side: the gutter on the other side
        // stays ([`symbol_side`]).
        if let Some(k) = (0..n).find(|&k| {
            body.iter()
                .flat_map(|l| l.words.iter().filter_map(|&i| words.get(i)))
                .filter(|w| col_of(&xs, w.bbox.centre().x, n) == k)
                .all(|w| !w.text.chars().any(char::is_alphanumeric))
                && count.get(k).is_some_and(|&c| c > 0)
                && k + 1 < n
        }) {
            let header = ls.get(..hdr).unwrap_or(&[]);
            let drop = symbol_side(&guts, k, header, words, edges, u);
            guts.remove(drop);
            continue;
        }
        // Segments starting in each column: a column whose words all end phrases begun in
        // the column to its left ("… lanterns with a" overhanging the action column by one
        // word, between two gutters the overhang split) holds no text of its own, unless a
        // rule runs down beside it (words either side of a rule are apart however close).
        // A number after a number in the column before opens a cell as a segment does
        // (figures set close: "221 37.6").
        let mut starts = vec![0usize; n];
        for l in body {
            let ws: Vec<&Word> = l.words.iter().filter_map(|&i| words.get(i)).collect();
            let opens = ws.iter().enumerate().filter(|&(j, w)| {
                l.segs.iter().any(|s| s.start == j)
                    || (is_numeric(&w.text)
                        && j.checked_sub(1)
                            .and_then(|p| ws.get(p))
                            .is_some_and(|p| is_numeric(&p.text)))
            });
            for (_, w) in opens {
                if let Some(c) = starts.get_mut(col_of(&xs, w.bbox.centre().x, n)) {
                    *c += 1;
                }
            }
        }
        let Some(empty) = (0..n).find(|&k| {
            let ruled = |j: Option<usize>| j.and_then(|j| guts.get(j)).is_some_and(|g| g.ruled);
            count.get(k).is_some_and(|&c| c == 0)
                || (k > 0
                    && starts.get(k).is_some_and(|&c| c == 0)
                    && !ruled(k.checked_sub(1))
                    && !ruled(Some(k)))
        }) else {
            break;
        };
        let left = empty
            .checked_sub(1)
            .and_then(|k| guts.get(k).map(|g| (k, g.x1 - g.x0)));
        let right = guts.get(empty).map(|g| (empty, g.x1 - g.x0));
        let drop = match (left, right) {
            (Some(a), Some(b)) => {
                if a.1 <= b.1 {
                    a.0
                } else {
                    b.0
                }
            }
            (Some(a), None) => a.0,
            (None, Some(b)) => b.0,
            (None, None) => break,
        };
        guts.remove(drop);
    }
    if guts.is_empty() {
        return Err(Rejected::NoGutter);
    }
    let header = ls.get(..hdr).unwrap_or(&[]);
    let mut xs = vec![ext.x0];
    xs.extend(guts.iter().map(|g| boundary(g, header, words)));
    xs.push(ext.x1);
    Ok(Frame {
        ext,
        hdr,
        xs,
        gaps: guts,
    })
}

/// Where the column boundary in gutter `g` lies: its middle, unless header labels cross the
/// middle while keeping clear of the text on one side (a label set flush left over figures set
/// flush right starts inside the gutter: "Sickness / days per FTE" over "11.2"). Such labels
/// belong to the column on the other side, and the boundary moves to the middle of the white
/// space between them and the text they keep clear of. Labels reaching over the text on both
/// sides span the columns, and labels pulling both ways leave the middle.
fn boundary(g: &Gutter, header: &[&TLine], words: &[Word]) -> f64 {
    let mid = g.mid();
    let (mut right, mut left) = (false, false);
    // The leftmost start and rightmost end of the labels across the middle.
    let (mut from, mut to) = (f64::INFINITY, f64::NEG_INFINITY);
    // Labels are the lines' segments (a phrase's words go together).
    let labels = header.iter().flat_map(|l| {
        l.segs.iter().filter_map(|s| {
            let ws = l.words.get(s.start..s.end)?;
            ws.iter()
                .filter_map(|&i| words.get(i))
                .map(|w| w.bbox)
                .reduce(|a, b| a.union(&b))
        })
    });
    for w in labels.filter(|b| b.x0 < mid && b.x1 > mid) {
        match (w.x0 >= g.x0, w.x1 <= g.x1) {
            // Starting inside the gutter, it is no label of the column on the left (it is
            // neither flush left with that column's text nor centred over it).
            (true, _) => right = true,
            (false, true) => left = true,
            (false, false) => return mid,
        }
        from = from.min(w.x0);
        to = to.max(w.x1);
    }
    match (right, left) {
        (true, false) => 0.5 * (g.x0 + from),
        (false, true) => 0.5 * (to + g.x1),
        _ => mid,
    }
}

/// Whether column `k` (of the boundaries `xs`) holds list item labels alone: each body word
/// in it is one ([`is_item_label`]) and has text after it on its line in column `k + 1`.
fn label_strip(body: &[&TLine], words: &[Word], xs: &[f64], k: usize) -> bool {
    let n = xs.len().saturating_sub(1);
    let mut seen = 0usize;
    for l in body {
        let ws: Vec<&Word> = l.words.iter().filter_map(|&i| words.get(i)).collect();
        for (j, w) in ws.iter().enumerate() {
            if col_of(xs, w.bbox.centre().x, n) != k {
                continue;
            }
            let runs_on = ws
                .get(j + 1)
                .is_some_and(|nx| col_of(xs, nx.bbox.centre().x, n) == k + 1);
            if !is_item_label(&w.text) || !runs_on {
                return false;
            }
            seen += 1;
        }
    }
    seen > 0
}

/// Whether a gutter separates columns rather than words of one phrase: in at least
/// `min_separated_fraction` of the lines with text on both sides, the gap across it is a
/// segment gap, or figures stand on both sides ("40 years", left-aligned in every row, leaves
/// a word-space gutter that separates nothing; nor does "Q1 2025/26", a period). The `header` lines vouch for a narrow column's
/// edge that too few body lines show ([`header_vouches`]).
pub(super) fn separates(
    g: &Gutter,
    body: &[&TLine],
    header: &[&TLine],
    words: &[Word],
    u: &UnruledSettings,
) -> bool {
    let mut pairs = 0usize;
    let mut separated = 0usize;
    // Lines whose gap across the gutter is wider than a word space, and where the word after
    // it starts.
    let mut wide_starts: Vec<f64> = Vec::new();
    let mut bounding = 0usize;
    for l in body {
        let ws: Vec<&Word> = l.words.iter().filter_map(|&i| words.get(i)).collect();
        let k = ws.partition_point(|w| w.bbox.centre().x < g.mid());
        let (Some(a), Some(b)) = (k.checked_sub(1).and_then(|i| ws.get(i)), ws.get(k)) else {
            continue;
        };
        // Only lines whose words bound the gutter say what it is.
        if a.bbox.x1 < g.x0 - u.gutter_edge && b.bbox.x0 > g.x1 + u.gutter_edge {
            continue;
        }
        pairs += 1;
        // Lines whose words stay clear of the gutter, after a word (not a bullet or symbol
        // set before its text: "● On track").
        let clear = a.bbox.x1 <= g.x0 + u.gutter_edge && b.bbox.x0 >= g.x1 - u.gutter_edge;
        if clear && a.text.chars().any(char::is_alphanumeric) {
            bounding += 1;
            if b.bbox.x0 - a.bbox.x1 > u.boundary_split_em * l.size {
                wide_starts.push(b.bbox.x0);
            }
        }
        // Figures side by side: the one before has no letters (a period "Q1 2025/26" is one
        // phrase, "221 37.6" two figures).
        let figures =
            is_numeric(&a.text) && !a.text.chars().any(char::is_alphabetic) && is_numeric(&b.text);
        if b.bbox.x0 - a.bbox.x1 > u.segment_gap_em * l.size || figures {
            separated += 1;
        }
    }
    // A narrow column (a reference like "1.1.1" set a little over a space before its action)
    // still separates when, on every such line, the gap is wider than a word space and the
    // text after it starts at one x: a left-aligned column's edge. Word spaces that line up
    // are as narrow as spaces, and rarely start every line's next word at the same x.
    let lo = wide_starts.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = wide_starts
        .iter()
        .copied()
        .fold(f64::NEG_INFINITY, f64::max);
    let one_edge = bounding > 0 && wide_starts.len() == bounding && hi - lo <= u.gutter_edge;
    let column_edge =
        one_edge && (bounding >= u.min_edge_lines || header_vouches(g, lo, header, words, u));
    column_edge || (separated > 0 && separated as f64 >= u.min_separated_fraction * pairs as f64)
}

/// Which gutter beside column `k`, a column of symbols alone, goes (an index into `guts`;
/// the gutter on its right is `guts[k]`, on its left `guts[k - 1]`). A gutter that the page
/// marks as a column edge stays: per-cell rules meet in it, or a header label starts at its
/// right edge ([`edge_marked`]); else the narrower one goes, as a symbol sits by the text it
/// belongs to ("●" a space before "On track"; "–" a space after "Complete"). The first
/// column's symbols can only join the column after it.
fn symbol_side(
    guts: &[Gutter],
    k: usize,
    header: &[&TLine],
    words: &[Word],
    edges: &Edges,
    u: &UnruledSettings,
) -> usize {
    let (Some(left), Some(right)) = (k.checked_sub(1).and_then(|i| guts.get(i)), guts.get(k))
    else {
        return k;
    };
    let marked = |g: &Gutter| edge_marked(g, header, words, edges, u);
    match (marked(left), marked(right)) {
        (true, false) => k,
        (false, true) => k - 1,
        _ if right.x1 - right.x0 <= left.x1 - left.x0 => k,
        _ => k - 1,
    }
}

/// Whether the page marks gutter `g` as a column edge: horizontal rules drawn per cell meet
/// inside it on at least `min_junction_rules` rules, or a header label starts at its right
/// edge (within `gutter_edge`).
fn edge_marked(
    g: &Gutter,
    header: &[&TLine],
    words: &[Word],
    edges: &Edges,
    u: &UnruledSettings,
) -> bool {
    let (lo, hi) = (g.x0 - u.gutter_edge, g.x1 + u.gutter_edge);
    let from = edges.junctions.partition_point(|&x| x < lo);
    let meets = edges
        .junctions
        .get(from..)
        .unwrap_or(&[])
        .iter()
        .take_while(|&&x| x <= hi)
        .count();
    meets >= u.min_junction_rules
        || header.iter().any(|l| {
            l.words
                .iter()
                .filter_map(|&i| words.get(i))
                .any(|w| (w.bbox.x0 - g.x1).abs() <= u.gutter_edge)
        })
}

/// Whether a vertical rule runs down gutter `g` beside at least `column_rule_fraction` of
/// the body's height: a column boundary drawn (a spreadsheet ruled between groups of columns, a
/// rule between a right-aligned total and the left-aligned label after it, closer than a
/// column's gap).
fn ruled_down(g: &Gutter, body: &[&TLine], vrules: &[VRule], u: &UnruledSettings) -> bool {
    let Some(span) = body.iter().map(|l| l.bbox).reduce(|a, b| a.union(&b)) else {
        return false;
    };
    let lo = vrules.partition_point(|r| r.x < g.x0);
    vrules
        .get(lo..)
        .unwrap_or(&[])
        .iter()
        .take_while(|r| r.x <= g.x1)
        .any(|r| {
            r.bottom.min(span.bottom) - r.top.max(span.top)
                >= u.column_rule_fraction * span.height()
        })
}

/// Whether a header line has a label starting at `x` (within `gutter_edge`), the left edge
/// the body's text after gutter `g` starts at, more than a word space after the label before
/// it: the header names the column the edge begins. A table's last row alone on a page under
/// its repeated header ("2.1.2 Map community transport…" under "Ref Action") has too few
/// lines for the edge alone to tell a column from a word space.
fn header_vouches(
    g: &Gutter,
    x: f64,
    header: &[&TLine],
    words: &[Word],
    u: &UnruledSettings,
) -> bool {
    header.iter().any(|l| {
        let ws: Vec<&Word> = l.words.iter().filter_map(|&i| words.get(i)).collect();
        let k = ws.partition_point(|w| w.bbox.centre().x < g.mid());
        k.checked_sub(1)
            .and_then(|i| ws.get(i))
            .zip(ws.get(k))
            .is_some_and(|(a, b)| {
                a.bbox.x1 <= g.x0 + u.gutter_edge
                    && (b.bbox.x0 - x).abs() <= u.gutter_edge
                    && b.bbox.x0 - a.bbox.x1 > u.boundary_split_em * l.size
            })
    })
}

/// The median font size of `ls` (points); infinite when there are none, so no line is
/// larger.
fn median_size(ls: &[&TLine]) -> f64 {
    let mut sizes: Vec<f64> = ls.iter().map(|l| l.size).collect();
    sizes.sort_by(f64::total_cmp);
    sizes.get(sizes.len() / 2).copied().unwrap_or(f64::INFINITY)
}
