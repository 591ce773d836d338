//! Rules → edges: keep horizontal and vertical rules, snap nearly equal positions together and
//! join collinear pieces.

use super::Settings;
use crate::geom::{Pt, Rect};
use crate::pdf::{Colour, Fill, PagePrimitives, Rule};

/// Which way an edge runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Orientation {
    /// Along x.
    Horizontal,
    /// Along y.
    Vertical,
}

/// An axis-aligned edge: at `pos` across its orientation, from `start` to `end` along it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Edge {
    /// Horizontal or vertical.
    pub orientation: Orientation,
    /// y of a horizontal edge, x of a vertical one.
    pub pos: f64,
    /// Smaller coordinate along the edge.
    pub start: f64,
    /// Larger coordinate along the edge.
    pub end: f64,
}

/// Edges built in tests.
#[cfg(test)]
impl Edge {
    /// A horizontal edge at y `pos` from x `start` to `end`.
    pub(super) fn horizontal(pos: f64, start: f64, end: f64) -> Edge {
        Edge {
            orientation: Orientation::Horizontal,
            pos,
            start,
            end,
        }
    }

    /// A vertical edge at x `pos` from y `start` to `end`.
    pub(super) fn vertical(pos: f64, start: f64, end: f64) -> Edge {
        Edge {
            orientation: Orientation::Vertical,
            pos,
            start,
            end,
        }
    }
}

/// Whether a near-white rule is visible: some stretch of it runs inside or along a non-white
/// fill (white lines separating shaded cells; a slide table's white grid shows over its
/// coloured header and runs on, unseen, down its white body: the whole rule is the column's
/// edge). On a white page it is invisible and no separator.
fn white_rule_visible(page: &PagePrimitives, r: &Rule, s: &Settings) -> bool {
    let t = s.white_rule_on_fill;
    let (x0, x1) = (r.p0.x.min(r.p1.x), r.p0.x.max(r.p1.x));
    let (y0, y1) = (r.p0.y.min(r.p1.y), r.p0.y.max(r.p1.y));
    page.fills.iter().any(|f| {
        let b = f.rect;
        f.colour.is_some_and(|c| !c.is_white())
            && x0 <= b.x1 + t
            && x1 >= b.x0 - t
            && y0 <= b.bottom + t
            && y1 >= b.top - t
            // Not a mere touch at a corner: the rule runs along or through it.
            && (x1.min(b.x1) - x0.max(b.x0) > t || y1.min(b.bottom) - y0.max(b.top) > t)
    })
}

/// Most white rules on a page for [`continues_seen`] to weigh them: each unseen one is checked
/// against every seen one, and a page with more is a drawing, not a slide table.
const MAX_WHITE_RULES: usize = 2000;

/// Most passes of [`seen_white_rules`]: each carries the seen rules on through one more band
/// (one more group row of a table).
const MAX_WHITE_RULE_PASSES: usize = 32;

/// Per rule of the page: whether it is white and seen, over or along a coloured fill
/// ([`white_rule_visible`]) or carrying on a seen one through a band ([`continues_seen`]).
fn seen_white_rules(page: &PagePrimitives, s: &Settings) -> Vec<bool> {
    let white = |r: &Rule| r.colour.is_some_and(|c| c.is_white());
    let mut seen: Vec<bool> = page
        .rules
        .iter()
        .map(|r| white(r) && white_rule_visible(page, r, s))
        .collect();
    if page.rules.iter().filter(|r| white(r)).count() > MAX_WHITE_RULES {
        return seen;
    }
    for _ in 0..MAX_WHITE_RULE_PASSES {
        let seen_white: Vec<&Rule> = page
            .rules
            .iter()
            .zip(&seen)
            .filter_map(|(r, &v)| v.then_some(r))
            .collect();
        let more: Vec<bool> = page
            .rules
            .iter()
            .zip(&seen)
            .map(|(r, &v)| !v && white(r) && continues_seen(page, r, &seen_white, s))
            .collect();
        if !more.contains(&true) {
            break;
        }
        for (v, m) in seen.iter_mut().zip(more) {
            *v |= m;
        }
    }
    seen
}

/// Whether an unseen white rule carries on a seen one (`seen`, white rules over coloured
/// fills) along the same line, across a coloured fill that fills the gap between them: a slide
/// table's white grid shows over its header, is hidden under the full-width band of a group
/// row, and runs on unseen down the white body rows under it. The column edges the header
/// shows are the body's too.
fn continues_seen(page: &PagePrimitives, r: &Rule, seen: &[&Rule], s: &Settings) -> bool {
    let t = s.white_rule_on_fill;
    let vertical = r.is_vertical(s.axis_tolerance);
    if !vertical && !r.is_horizontal(s.axis_tolerance) {
        return false;
    }
    // (position across, start and end along) of a rule.
    let span = |q: &Rule| {
        if vertical {
            (
                0.5 * (q.p0.x + q.p1.x),
                q.p0.y.min(q.p1.y),
                q.p0.y.max(q.p1.y),
            )
        } else {
            (
                0.5 * (q.p0.y + q.p1.y),
                q.p0.x.min(q.p1.x),
                q.p0.x.max(q.p1.x),
            )
        }
    };
    let (pos, a0, a1) = span(r);
    seen.iter()
        .filter(|q| {
            if vertical {
                q.is_vertical(s.axis_tolerance)
            } else {
                q.is_horizontal(s.axis_tolerance)
            }
        })
        .any(|q| {
            let (qpos, b0, b1) = span(q);
            if (qpos - pos).abs() > s.snap_tolerance {
                return false;
            }
            // The gap between the two along their line.
            let (g0, g1) = if b1 <= a0 + t {
                (b1, a0)
            } else if a1 <= b0 + t {
                (a1, b0)
            } else {
                return true;
            };
            if g1 - g0 <= s.snap_tolerance {
                return true;
            }
            page.fills.iter().any(|f| {
                let b = f.rect;
                f.colour.is_some_and(|c| !c.is_white())
                    && if vertical {
                        b.x0 < pos && b.x1 > pos && b.top <= g0 + t && b.bottom >= g1 - t
                    } else {
                        b.top < pos && b.bottom > pos && b.x0 <= g0 + t && b.x1 >= g1 - t
                    }
            })
        })
}

/// Whether the rule runs along or inside a fill of its own colour.
fn on_own_fill(page: &PagePrimitives, r: &Rule, s: &Settings) -> bool {
    let mid = Pt::new((r.p0.x + r.p1.x) / 2.0, (r.p0.y + r.p1.y) / 2.0);
    r.colour.is_some_and(|rc| {
        page.fills
            .iter()
            .any(|f| f.colour == Some(rc) && f.rect.contains(mid, s.white_rule_on_fill))
    })
}

/// The colours whose rules all outline fills of that colour: a spreadsheet that borders its
/// shaded rows in their own shade (to hide the grid lines) draws each band's outline, and a
/// reader sees bands, not rules. A colour that also rules anything off its fills is a table's
/// rule colour and stays.
fn outline_colours(page: &PagePrimitives, s: &Settings) -> Vec<Colour> {
    let mut colours: Vec<Colour> = Vec::new();
    let mut ruling: Vec<Colour> = Vec::new();
    for r in &page.rules {
        let Some(c) = r.colour.filter(|c| !c.is_white()) else {
            continue;
        };
        let list = if on_own_fill(page, r, s) {
            &mut colours
        } else {
            &mut ruling
        };
        if !list.contains(&c) {
            list.push(c);
        }
    }
    colours.retain(|c| !ruling.contains(c));
    colours
}

/// Whether the rule runs along or inside one of the `ruled` fills.
fn on_ruled_fill(r: &Rule, ruled: &[Rect], s: &Settings) -> bool {
    let mid = Pt::new((r.p0.x + r.p1.x) / 2.0, (r.p0.y + r.p1.y) / 2.0);
    ruled.iter().any(|f| f.contains(mid, s.white_rule_on_fill))
}

/// Most outline-coloured fills weighed for [`ruled_fills`]: its flood is quadratic, and a
/// page with more such fills is banded shading, not a table's header.
const MAX_OUTLINE_FILLS: usize = 2000;

/// The fills of outline colours that belong to a ruled table: a ruling rule (one of another
/// colour) ends on or runs along them, or they touch such a fill. A header or group row shaded
/// and bordered in one dark colour inside a grid ruled in another is part of that grid, and its
/// outline is the table's edge, not banding.
fn ruled_fills(page: &PagePrimitives, outlines: &[Colour], s: &Settings) -> Vec<Rect> {
    let tol = s.white_rule_on_fill;
    let fills: Vec<Rect> = page
        .fills
        .iter()
        .filter(|f| f.colour.is_some_and(|c| outlines.contains(&c)))
        .map(|f| f.rect)
        .take(MAX_OUTLINE_FILLS)
        .collect();
    let ruling: Vec<&Rule> = page
        .rules
        .iter()
        .filter(|q| {
            q.colour
                .is_some_and(|c| !c.is_white() && !outlines.contains(&c))
        })
        .collect();
    let mut anchored: Vec<bool> = fills
        .iter()
        .map(|f| {
            ruling
                .iter()
                .any(|q| f.contains(q.p0, tol) || f.contains(q.p1, tol))
        })
        .collect();
    let grown = |r: &Rect| Rect {
        x0: r.x0 - tol,
        top: r.top - tol,
        x1: r.x1 + tol,
        bottom: r.bottom + tol,
    };
    // Each anchored fill is taken from the list once and anchors the fills it touches:
    // at most n × n box checks.
    let mut todo: Vec<usize> = (0..fills.len())
        .filter(|&i| anchored.get(i).copied().unwrap_or(false))
        .collect();
    while let Some(i) = todo.pop() {
        let Some(g) = fills.get(i).map(grown) else {
            continue;
        };
        for (j, f) in fills.iter().enumerate() {
            if let Some(a) = anchored.get_mut(j).filter(|a| !**a) {
                if g.intersection(f).is_some() {
                    *a = true;
                    todo.push(j);
                }
            }
        }
    }
    fills
        .into_iter()
        .zip(anchored)
        .filter_map(|(f, a)| a.then_some(f))
        .collect()
}

/// The page's horizontal and vertical edges, snapped and joined. Near-white rules are skipped
/// unless they run over a coloured fill (on a white page they are invisible), and so are rules
/// that only ever outline fills of their own colour ([`outline_colours`]) unless the table's
/// other rules reach that fill ([`ruled_fills`]).
pub fn edges(page: &PagePrimitives, s: &Settings) -> Vec<Edge> {
    let mut out = Vec::new();
    let outlines = outline_colours(page, s);
    let ruled = if outlines.is_empty() {
        Vec::new()
    } else {
        ruled_fills(page, &outlines, s)
    };
    let white = |r: &Rule| r.colour.is_some_and(|c| c.is_white());
    let seen = seen_white_rules(page, s);
    for (r, &was_seen) in page.rules.iter().zip(&seen) {
        if white(r) && !was_seen {
            continue;
        }
        if r.colour.is_some_and(|c| outlines.contains(&c)) && !on_ruled_fill(r, &ruled, s) {
            continue;
        }
        if r.is_horizontal(s.axis_tolerance) {
            out.push(Edge {
                orientation: Orientation::Horizontal,
                pos: (r.p0.y + r.p1.y) / 2.0,
                start: r.p0.x.min(r.p1.x),
                end: r.p0.x.max(r.p1.x),
            });
        } else if r.is_vertical(s.axis_tolerance) {
            out.push(Edge {
                orientation: Orientation::Vertical,
                pos: (r.p0.x + r.p1.x) / 2.0,
                start: r.p0.y.min(r.p1.y),
                end: r.p0.y.max(r.p1.y),
            });
        }
    }
    out.retain(|e| e.pos.is_finite() && e.start.is_finite() && e.end.is_finite());
    let merged = merge(out, s);
    let bands = band_sides(page, &merged, s);
    if bands.is_empty() {
        return merged;
    }
    merge(merged.into_iter().chain(bands).collect(), s)
}

/// The borders of filled bands set against a ruled block: a fill whose left and right edges
/// each continue a vertical edge that ends at its top, or one that starts at its bottom
/// (within `snap_tolerance`), and that a column rule ending (starting) there crosses. A
/// spreadsheet draws its total rows and its header so: a bar filled across the table's width,
/// with no rules at its sides or between its columns ("TOTAL POLICY" under a group of rows,
/// "MTFP Category Directorate …" white on red over them). Read without them, the bar is no row:
/// it cuts one table in two and its text is lost. The band is bordered at its sides, top and
/// bottom, and each column rule that meets it runs on across it wherever no glyph of the band
/// straddles it (a long label spans the columns it crosses; a space, which Excel sets after a
/// right-aligned figure over the rule, is no text). A cell's own fill under the rules
/// of its column is no band: no column rule meets it inside.
fn band_sides(page: &PagePrimitives, edges: &[Edge], s: &Settings) -> Vec<Edge> {
    let tol = s.snap_tolerance;
    // Whether a vertical edge (of the page, or a side of a band found above) has an end at
    // `y` (its bottom end when `below`, else its top), or short of it by up to `slack`, and a
    // position in `lo..=hi`.
    let meets = |e: &Edge, lo: f64, hi: f64, y: f64, below: bool, slack: f64| {
        let short = if below { y - e.end } else { e.start - y };
        e.orientation == Orientation::Vertical
            && e.pos >= lo
            && e.pos <= hi
            && short >= -tol
            && short <= tol + slack
            && e.end - e.start > tol
    };
    let mut out: Vec<Edge> = Vec::new();
    let singles = page
        .fills
        .iter()
        .filter(|f| band_visible(page, f, s))
        .map(|f| (f.rect, Vec::new()));
    // Top to bottom, so a bar stacked under a bar meets its sides.
    let mut candidates: Vec<(Rect, Vec<f64>)> = singles.chain(fill_runs(page, s)).collect();
    candidates.sort_by(|a, b| a.0.top.total_cmp(&b.0.top));
    for (r, joins) in candidates {
        if r.height() <= 0.0 || r.width() <= 2.0 * tol {
            continue;
        }
        // Where fills of a run meet are its columns' edges, as a column rule would be. One
        // side may meet a rule that stops short of the band by up to the band's height: a
        // blank spacer row above a total bar, its border left off on that side.
        let band = |y: f64, below: bool| {
            let side = |x: f64, slack: f64| {
                edges
                    .iter()
                    .chain(&out)
                    .any(|e| meets(e, x - tol, x + tol, y, below, slack))
            };
            let h = r.height();
            ((side(r.x0, 0.0) && side(r.x1, h)) || (side(r.x0, h) && side(r.x1, 0.0)))
                && (!joins.is_empty()
                    || edges
                        .iter()
                        .chain(&out)
                        .any(|e| meets(e, r.x0 + tol, r.x1 - tol, y, below, 0.0)))
        };
        // The column rules meeting the band at `y`.
        let inner_at = |y: f64, below: bool| {
            edges
                .iter()
                .chain(&out)
                .filter(|e| meets(e, r.x0 + tol, r.x1 - tol, y, below, 0.0))
                .map(|e| e.pos)
                .chain(joins.iter().copied())
                .collect::<Vec<f64>>()
        };
        let inner: Vec<f64> = if band(r.top, true) {
            inner_at(r.top, true)
        } else if band(r.bottom, false) {
            inner_at(r.bottom, false)
        } else {
            continue;
        };
        let straddled = |x: f64| {
            page.glyphs.iter().any(|g| {
                let c = g.bbox.centre();
                r.contains(c, 0.0) && g.bbox.x0 < x && g.bbox.x1 > x && !g.text.trim().is_empty()
            })
        };
        for x in [r.x0, r.x1]
            .into_iter()
            .chain(inner.into_iter().filter(|&x| !straddled(x)))
        {
            out.push(Edge {
                orientation: Orientation::Vertical,
                pos: x,
                start: r.top,
                end: r.bottom,
            });
        }
        for y in [r.top, r.bottom] {
            out.push(Edge {
                orientation: Orientation::Horizontal,
                pos: y,
                start: r.x0,
                end: r.x1,
            });
        }
    }
    out
}

/// Runs of fills of one colour side by side on one band, each fill meeting the next within
/// the snap tolerance (a header row whose cells are filled one by one and bordered in their
/// own shade, white text on navy): the run's box and the x of each place two of its fills
/// meet.
fn fill_runs(page: &PagePrimitives, s: &Settings) -> Vec<(Rect, Vec<f64>)> {
    let tol = s.snap_tolerance;
    // Thin strips are a gradient's, not cells.
    let mut fills: Vec<(Rect, Colour)> = page
        .fills
        .iter()
        .filter(|f| band_visible(page, f, s))
        .filter_map(|f| Some((f.rect, f.colour?)))
        .filter(|(r, _)| r.height() >= s.strip_max_width && r.width() >= s.strip_max_width)
        .collect();
    fills.sort_by(|a, b| a.0.top.total_cmp(&b.0.top).then(a.0.x0.total_cmp(&b.0.x0)));
    let mut runs: Vec<(Rect, Colour, Vec<f64>)> = Vec::new();
    for (r, c) in fills {
        let extends = runs.last_mut().filter(|(run, colour, _)| {
            *colour == c
                && (run.top - r.top).abs() <= tol
                && (run.bottom - r.bottom).abs() <= tol
                && (r.x0 - run.x1).abs() <= tol
        });
        match extends {
            Some((run, _, joins)) => {
                joins.push(r.x0);
                *run = run.union(&r);
            }
            None => runs.push((r, c, Vec::new())),
        }
    }
    runs.into_iter()
        .filter(|(_, _, joins)| !joins.is_empty())
        .map(|(r, _, joins)| (r, joins))
        .collect()
}

/// Whether a fill shows as a band: coloured, or white over a coloured fill. A white fill on
/// the white page (a spreadsheet's cell backgrounds under its last rule, where its notes
/// are printed) shows nothing; read as a band it would draw the table on over the notes.
fn band_visible(page: &PagePrimitives, f: &Fill, s: &Settings) -> bool {
    let Some(c) = f.colour else {
        return false;
    };
    if !c.is_white() {
        return true;
    }
    let mid = f.rect.centre();
    page.fills.iter().any(|g| {
        g.colour.is_some_and(|c| !c.is_white()) && g.rect.contains(mid, s.white_rule_on_fill)
    })
}

/// Snap and join edges of both orientations.
pub fn merge(edges: Vec<Edge>, s: &Settings) -> Vec<Edge> {
    let mut out = Vec::new();
    for o in [Orientation::Horizontal, Orientation::Vertical] {
        let mut group: Vec<Edge> = edges
            .iter()
            .filter(|e| e.orientation == o)
            .copied()
            .collect();
        snap(&mut group, s.snap_tolerance);
        out.extend(
            join(group, s.join_tolerance)
                .into_iter()
                .filter(|e| e.end - e.start >= s.min_rule_length),
        );
    }
    out
}

/// Move edges whose positions are within `tol` of their neighbour (in sorted order) to the
/// cluster's mean position.
pub fn snap(edges: &mut [Edge], tol: f64) {
    edges.sort_by(|a, b| a.pos.total_cmp(&b.pos));
    let mut i = 0;
    while i < edges.len() {
        let mut j = i + 1;
        while j < edges.len()
            && edges[j].pos - edges[j - 1].pos <= tol
            && edges[j].pos - edges[i].pos <= 2.0 * tol
        {
            j += 1;
        }
        let mean = edges[i..j].iter().map(|e| e.pos).sum::<f64>() / (j - i) as f64;
        for e in &mut edges[i..j] {
            e.pos = mean;
        }
        i = j;
    }
}

/// Join collinear edges (same position after snapping) whose gaps are at most `tol`.
pub fn join(mut edges: Vec<Edge>, tol: f64) -> Vec<Edge> {
    edges.sort_by(|a, b| a.pos.total_cmp(&b.pos).then(a.start.total_cmp(&b.start)));
    let mut out: Vec<Edge> = Vec::with_capacity(edges.len());
    for e in edges {
        match out.last_mut() {
            Some(last) if last.pos == e.pos && e.start <= last.end + tol => {
                last.end = last.end.max(e.end)
            }
            _ => out.push(e),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geom::Rect;
    use crate::pdf::{Colour, Fill, FillShape, PageInfo, RuleSource};

    fn page(rules: Vec<Rule>, fills: Vec<Fill>) -> PagePrimitives {
        PagePrimitives {
            info: PageInfo {
                number: 1,
                width: 200.0,
                height: 200.0,
                rotation: 0,
            },
            glyphs: Vec::new(),
            rules,
            fills,
            images: Vec::new(),
            warnings: Vec::new(),
        }
    }

    fn rule(x0: f64, y0: f64, x1: f64, y1: f64, colour: Colour) -> Rule {
        Rule {
            p0: Pt::new(x0, y0),
            p1: Pt::new(x1, y1),
            width: 0.5,
            colour: Some(colour),
            source: RuleSource::Stroke,
        }
    }

    #[test]
    fn white_rules_count_only_over_coloured_fills() {
        let red = Colour {
            r: 204,
            g: 34,
            b: 41,
        };
        let fill = Fill {
            rect: Rect {
                x0: 10.0,
                top: 10.0,
                x1: 100.0,
                bottom: 40.0,
            },
            colour: Some(red),
            shape: FillShape::Rect,
        };
        // A white rule along the fill's top edge and one down its middle are visible; a white
        // rule on the bare page is not; a black one always counts.
        let p = page(
            vec![
                rule(10.0, 10.0, 100.0, 10.0, Colour::WHITE),
                rule(55.0, 10.0, 55.0, 40.0, Colour::WHITE),
                rule(10.0, 150.0, 100.0, 150.0, Colour::WHITE),
                rule(10.0, 180.0, 100.0, 180.0, Colour::BLACK),
            ],
            vec![fill],
        );
        let e = edges(&p, &Settings::default());
        let mut got: Vec<(Orientation, f64)> = e.iter().map(|e| (e.orientation, e.pos)).collect();
        got.sort_by(|a, b| a.1.total_cmp(&b.1));
        assert_eq!(
            got,
            vec![
                (Orientation::Horizontal, 10.0),
                (Orientation::Vertical, 55.0),
                (Orientation::Horizontal, 180.0)
            ]
        );
    }

    /// A spreadsheet's white cell backgrounds under the block's last rule (where its notes
    /// sit) show nothing on a white page: no band, so the grid ends at the rule. A grey band
    /// there is drawn and bordered.
    #[test]
    fn a_white_fill_under_the_last_rule_is_no_band() {
        let grey = Colour {
            r: 191,
            g: 191,
            b: 191,
        };
        let mut rules = Vec::new();
        for y in [10.0, 30.0, 50.0] {
            rules.push(rule(10.0, y, 110.0, y, Colour::BLACK));
        }
        for x in [10.0, 60.0, 110.0] {
            rules.push(rule(x, 10.0, x, 50.0, Colour::BLACK));
        }
        let below = |colour| Fill {
            rect: Rect {
                x0: 10.0,
                top: 50.0,
                x1: 110.0,
                bottom: 75.0,
            },
            colour: Some(colour),
            shape: FillShape::Rect,
        };
        let lowest = |fill| {
            edges(&page(rules.clone(), vec![fill]), &Settings::default())
                .iter()
                .filter(|e| e.orientation == Orientation::Horizontal)
                .map(|e| e.pos)
                .fold(f64::NEG_INFINITY, f64::max)
        };
        assert_eq!(lowest(below(Colour::WHITE)), 50.0);
        assert_eq!(lowest(below(grey)), 75.0);
    }

    fn h(pos: f64, start: f64, end: f64) -> Edge {
        Edge::horizontal(pos, start, end)
    }

    #[test]
    fn snaps_then_joins() {
        // Two pieces of one rule drawn 0.5 pt apart with a 2 pt gap, and a separate rule 20 pt below.
        let merged = merge(
            vec![
                h(100.0, 0.0, 50.0),
                h(100.5, 52.0, 90.0),
                h(120.0, 0.0, 90.0),
            ],
            &Settings::default(),
        );
        assert_eq!(merged.len(), 2);
        assert_eq!(merged[0], h(100.25, 0.0, 90.0));
        assert_eq!(merged[1], h(120.0, 0.0, 90.0));
    }

    #[test]
    fn short_edges_are_dropped_and_far_gaps_kept() {
        let merged = merge(
            vec![h(10.0, 0.0, 2.0), h(50.0, 0.0, 10.0), h(50.0, 20.0, 30.0)],
            &Settings::default(),
        );
        assert_eq!(merged, vec![h(50.0, 0.0, 10.0), h(50.0, 20.0, 30.0)]);
    }
}
