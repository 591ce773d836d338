//! A region's lines → columns, header and body rows, cells → a [`PageTable`].

use std::collections::HashMap;

use crate::geom::Rect;
use crate::layout::Word;
use crate::pdf::{PagePrimitives, RuleSource};
use crate::table::cells::{cell_fill, paragraphs};
use crate::table::{Cell, PageTable, Part, Settings, UnruledSettings};

use super::columns::{gutters, Gutter};
use super::detect::{rule_between, HRule, Region};
use super::lines::{is_list_marker, is_numeric, strip_leader, TLine};

/// Words of one line that fall in one column, or across several (a spanning label).
#[derive(Debug, Clone)]
struct Piece {
    c0: usize,
    c1: usize,
    words: Vec<usize>,
    numeric: bool,
    x0: f64,
    x1: f64,
}

/// A cell being built: slot, spans and words.
#[derive(Debug, Clone)]
struct Slot {
    row: usize,
    col: usize,
    row_span: usize,
    col_span: usize,
    words: Vec<usize>,
}

/// Cells keyed by slot; a spanning cell owns every slot it covers.
#[derive(Debug, Default)]
struct GridBuild {
    cells: Vec<Slot>,
    owner: HashMap<(usize, usize), usize>,
}

impl GridBuild {
    /// Put `words` at (row, c0), spanning to c1 as far as the slots are free.
    fn put(&mut self, row: usize, c0: usize, c1: usize, words: &[usize]) {
        if let Some(&k) = self.owner.get(&(row, c0)) {
            if let Some(c) = self.cells.get_mut(k) {
                c.words.extend_from_slice(words);
            }
            return;
        }
        let k = self.cells.len();
        let mut span = 1;
        self.owner.insert((row, c0), k);
        for c in c0 + 1..=c1 {
            if self.owner.contains_key(&(row, c)) {
                break;
            }
            self.owner.insert((row, c), k);
            span += 1;
        }
        self.cells.push(Slot {
            row,
            col: c0,
            row_span: 1,
            col_span: span,
            words: words.to_vec(),
        });
    }
}

fn intervals(l: &TLine, words: &[Word]) -> Vec<(f64, f64)> {
    l.words
        .iter()
        .filter_map(|&i| words.get(i))
        .map(|w| (w.bbox.x0, w.bbox.x1))
        .collect()
}

/// The column holding x (boundaries `xs`, ascending).
fn col_of(xs: &[f64], x: f64, n_cols: usize) -> usize {
    xs.partition_point(|&b| b <= x)
        .saturating_sub(1)
        .min(n_cols.saturating_sub(1))
}

/// Split a line into pieces: at segment gaps, and between two numbers on either side of a
/// column boundary (monospaced tables set numbers one space apart).
fn pieces(
    l: &TLine,
    words: &[Word],
    xs: &[f64],
    gaps: &[Gutter],
    split_numbers: bool,
    u: &UnruledSettings,
) -> Vec<Piece> {
    let n_cols = xs.len().saturating_sub(1);
    let mut out: Vec<Piece> = Vec::new();
    let mut prev: Option<&Word> = None;
    for &wi in &l.words {
        let Some(w) = words.get(wi) else { continue };
        let c = col_of(xs, w.bbox.centre().x, n_cols);
        let new = match (prev, out.last()) {
            (Some(p), Some(_)) => {
                let gap = w.bbox.x0 - p.bbox.x1;
                // The white space between the words reaches into a gutter.
                let at_boundary = gaps.iter().any(|g| p.bbox.x1 < g.x1 && w.bbox.x0 > g.x0);
                gap > u.segment_gap_em * l.size
                    || (at_boundary && gap > u.boundary_split_em * l.size)
                    || (split_numbers && at_boundary && is_numeric(&p.text) && is_numeric(&w.text))
            }
            _ => true,
        };
        if new {
            out.push(Piece {
                c0: c,
                c1: c,
                words: vec![wi],
                numeric: true,
                x0: w.bbox.x0,
                x1: w.bbox.x1,
            });
        } else if let Some(p) = out.last_mut() {
            p.c0 = p.c0.min(c);
            p.c1 = p.c1.max(c);
            p.words.push(wi);
            p.x1 = p.x1.max(w.bbox.x1);
        }
        prev = Some(w);
    }
    for p in &mut out {
        let text: Vec<&str> = p
            .words
            .iter()
            .filter_map(|&i| words.get(i))
            .map(|w| w.text.as_str())
            .collect();
        p.numeric = is_numeric(&text.join(" "));
    }
    out
}

/// Whether a line reads as a data line: two or more segments and most segments after the
/// first are numbers.
fn numeric_line(l: &TLine, words: &[Word]) -> bool {
    if l.segs.len() < 2 {
        return false;
    }
    let rest = l.segs.get(1..).unwrap_or(&[]);
    let n = rest
        .iter()
        .filter(|s| is_numeric(&l.seg_text(words, s)))
        .count();
    2 * n >= rest.len() && n > 0
}

/// Number of leading lines that form the header: down to a rule spanning the region under
/// them, or else down to the first data line.
fn header_len(
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

/// Starts with a lower-case letter (a wrapped line), or the text before ends mid-phrase.
fn continues(before: &str, after: &str) -> bool {
    let starts_lower = after
        .trim_start()
        .chars()
        .next()
        .is_some_and(char::is_lowercase);
    let b = before.trim_end();
    let open_end = b.ends_with(['-', ',', '(', '/', '&'])
        || ["and", "or", "of", "the", "for", "in", "to", "with", "by"]
            .iter()
            .any(|w| b.rsplit(' ').next() == Some(*w));
    starts_lower || open_end
}

fn words_text(ids: &[usize], words: &[Word]) -> String {
    let t: Vec<&str> = ids
        .iter()
        .filter_map(|&i| words.get(i))
        .map(|w| w.text.as_str())
        .collect();
    t.join(" ")
}

/// A region's extent, header length and column boundaries.
struct Layout {
    ext: Rect,
    hdr: usize,
    xs: Vec<f64>,
    gaps: Vec<Gutter>,
}

/// Extent, header and columns (from the gutters of the body lines with two or more segments).
fn layout(ls: &[&TLine], words: &[Word], rules: &[HRule], u: &UnruledSettings) -> Option<Layout> {
    let ext = ls.iter().map(|l| l.bbox).reduce(|a, b| a.union(&b))?;
    let hdr = header_len(ls, words, rules, &ext, u);
    let body = ls.get(hdr..)?;
    let body_multi: Vec<Vec<(f64, f64)>> = body
        .iter()
        .filter(|l| l.segs.len() >= 2)
        .map(|l| intervals(l, words))
        .collect();
    if body_multi.len() < 2 {
        return None;
    }
    let crossing = (u.gutter_crossing_fraction * body_multi.len() as f64).floor() as usize;
    let guts: Vec<Gutter> = gutters(&body_multi, u.min_gutter, crossing)
        .into_iter()
        .filter(|g| separates(g, body, words, u))
        .collect();
    if guts.is_empty() {
        return None;
    }
    // A column with no body word in it (between two gutters split by a crossing line) joins
    // its neighbour: the narrower gutter beside it goes.
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
        let Some(empty) = count.iter().position(|&c| c == 0) else {
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
        return None;
    }
    let mut xs = vec![ext.x0];
    xs.extend(guts.iter().map(Gutter::mid));
    xs.push(ext.x1);
    Some(Layout {
        ext,
        hdr,
        xs,
        gaps: guts,
    })
}

/// Whether a gutter separates columns rather than words of one phrase: in at least
/// `min_separated_fraction` of the lines with text on both sides, the gap across it is a
/// segment gap, or numbers stand on both sides ("40 years", left-aligned in every row, leaves
/// a word-space gutter that separates nothing).
fn separates(g: &Gutter, body: &[&TLine], words: &[Word], u: &UnruledSettings) -> bool {
    let mut pairs = 0usize;
    let mut separated = 0usize;
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
        if b.bbox.x0 - a.bbox.x1 > u.segment_gap_em * l.size
            || (is_numeric(&a.text) && is_numeric(&b.text))
        {
            separated += 1;
        }
    }
    separated > 0 && separated as f64 >= u.min_separated_fraction * pairs as f64
}

/// When the last column of a table of numbers is running text (a page column of prose
/// beside the table, sharing its baselines: ICDAR us-025), the zone to leave out: from that
/// column's boundary to the page edge, over the region's height.
pub(super) fn edge_prose(
    words: &[Word],
    lines: &[TLine],
    region: &Region,
    rules: &[HRule],
    page_width: f64,
    u: &UnruledSettings,
) -> Option<Rect> {
    let ls: Vec<&TLine> = region.lines.iter().filter_map(|&i| lines.get(i)).collect();
    let Layout { ext, hdr, xs, gaps } = layout(&ls, words, rules, u)?;
    let n_cols = xs.len() - 1;
    if n_cols < 3 {
        return None;
    }
    let body: Vec<Vec<Piece>> = ls
        .get(hdr..)?
        .iter()
        .map(|l| pieces(l, words, &xs, &gaps, true, u))
        .collect();
    let c = n_cols - 1;
    if !prose_column(&body, words, c, u) {
        return None;
    }
    // The columns between the stub and the prose are mostly numbers.
    let rest: Vec<&Piece> = body
        .iter()
        .flatten()
        .filter(|p| p.c0 > 0 && p.c1 < c)
        .collect();
    let numbers = rest.iter().filter(|p| p.numeric).count();
    if rest.is_empty() || 2 * numbers < rest.len() {
        return None;
    }
    let h = ls.iter().map(|l| l.height()).fold(0.0, f64::max);
    Some(Rect {
        x0: xs.get(c).copied()?,
        top: ext.top - h,
        x1: page_width.max(ext.x1),
        bottom: ext.bottom + h,
    })
}

/// Build the table of one region, or `None` when it does not hold up as a table.
pub(super) fn table(
    page: &PagePrimitives,
    words: &[Word],
    lines: &[TLine],
    region: &Region,
    rules: &[HRule],
    s: &Settings,
) -> Option<PageTable> {
    let u = &s.alignment;
    let ls: Vec<&TLine> = region.lines.iter().filter_map(|&i| lines.get(i)).collect();
    let Layout { ext, hdr, xs, gaps } = layout(&ls, words, rules, u)?;
    let n_cols = xs.len() - 1;
    let body = ls.get(hdr..)?;

    let mut grid = GridBuild::default();
    let mut row_lines: Vec<Vec<usize>> = Vec::new(); // per row, indices into ls

    // Header.
    let body_pieces: Vec<Vec<Piece>> = body
        .iter()
        .map(|l| pieces(l, words, &xs, &gaps, true, u))
        .collect();
    // Each column's extent of body text.
    let mut col_ext: Vec<Option<(f64, f64)>> = vec![None; n_cols];
    for p in body_pieces.iter().flatten().filter(|p| p.c0 == p.c1) {
        if let Some(e) = col_ext.get_mut(p.c0) {
            *e = Some(e.map_or((p.x0, p.x1), |(a, b)| (a.min(p.x0), b.max(p.x1))));
        }
    }
    let (n_hdr_rows, hdr_rows_of) = header_rows(
        ls.get(..hdr).unwrap_or(&[]),
        words,
        &xs,
        &gaps,
        n_cols,
        rules,
        &col_ext,
        &mut grid,
        u,
    );
    row_lines.resize(n_hdr_rows, Vec::new());
    for (k, &r) in hdr_rows_of.iter().enumerate() {
        if let Some(v) = row_lines.get_mut(r) {
            v.push(k);
        }
    }

    // Body rows: a new row where the key column has text, unless the line continues the
    // row's wrapped text; a line without key text continues the row above.
    let mut cur: Option<(usize, usize, bool)> = None; // (row, last body line, row spans)
    let mut body_rows = 0;
    for (off, l) in body.iter().enumerate() {
        let k = hdr + off;
        let Some(ps) = body_pieces.get(off) else {
            continue;
        };
        if ps.is_empty() {
            continue;
        }
        let has_key = ps.iter().any(|p| p.c0 == 0);
        let spanning = ps.iter().any(|p| p.c1 > p.c0);
        let new_row = match cur {
            None => true,
            Some((_, last, r_span)) => {
                let prev = body.get(last).copied().unwrap_or(l);
                let prev_ps = body_pieces.get(last).map_or(&[][..], Vec::as_slice);
                let gap = l.bbox.top - prev.bbox.bottom;
                let close = gap <= u.continuation_gap_lines * prev.height().max(l.height());
                let clash = ps.iter().any(|p| {
                    p.numeric
                        && prev_ps
                            .iter()
                            .any(|q| q.numeric && q.c0 <= p.c1 && p.c0 <= q.c1)
                });
                if !close || spanning || r_span || clash {
                    true
                } else if !has_key {
                    false
                } else {
                    let prev_key = prev_ps.iter().find(|p| p.c0 == 0);
                    let this_key = ps.iter().find(|p| p.c0 == 0);
                    match (prev_key, this_key) {
                        (Some(a), Some(b)) => {
                            let ta = words_text(&a.words, words);
                            let tb = words_text(&b.words, words);
                            // A stub label alone on its line, indented under a data line's
                            // label, is the rest of that label (a hanging indent).
                            let hanging = ps.len() == 1
                                && prev_ps.iter().any(|p| p.c0 > 0)
                                && b.x0 > a.x0 + u.hanging_indent;
                            !(continues(&ta, &tb) || hanging)
                        }
                        _ => true,
                    }
                }
            }
        };
        let row = match (new_row, cur) {
            (false, Some((r, _, _))) => r,
            _ => {
                body_rows += 1;
                row_lines.push(Vec::new());
                row_lines.len() - 1
            }
        };
        if let Some(r) = row_lines.get_mut(row) {
            r.push(k);
        }
        for p in ps {
            grid.put(row, p.c0, p.c1, &p.words);
        }
        let span = match (new_row, cur) {
            (false, Some((_, _, sp))) => sp || spanning,
            _ => spanning,
        };
        cur = Some((row, off, span));
    }
    if body_rows < 2 {
        return None;
    }
    let n_rows = row_lines.len();

    // Checks against lists and prose.
    let texts: Vec<(usize, String)> = grid
        .cells
        .iter()
        .filter(|c| c.row >= n_hdr_rows)
        .map(|c| (c.col, words_text(&c.words, words)))
        .filter(|(_, t)| !t.trim().is_empty())
        .collect();
    let col0: Vec<&String> = texts
        .iter()
        .filter(|(c, _)| *c == 0)
        .map(|(_, t)| t)
        .collect();
    let markers = col0.iter().filter(|t| is_list_marker(t)).count();
    let rest = texts.iter().filter(|(c, _)| *c > 0);
    let numeric = rest.clone().filter(|(_, t)| is_numeric(t)).count();
    if !col0.is_empty()
        && markers as f64 >= u.max_marker_fraction * col0.len() as f64
        && (numeric as f64) < u.min_numeric_for_numbered * rest.count() as f64
    {
        return None;
    }
    let prose = texts
        .iter()
        .filter(|(_, t)| t.split_whitespace().count() >= u.prose_words)
        .count();
    if !texts.is_empty() && prose as f64 > u.max_prose_fraction * texts.len() as f64 {
        return None;
    }
    if running_text(&body_pieces, words, n_cols, u)
        || chart(body, rules, &ext, u)
        || tick_marks(page, &ext, u) >= u.chart_ticks
    {
        return None;
    }
    let used_cols: std::collections::BTreeSet<usize> = grid.cells.iter().map(|c| c.col).collect();
    if used_cols.len() < 2 {
        return None;
    }

    let filled: usize = grid
        .cells
        .iter()
        .filter(|c| !c.words.is_empty())
        .map(|c| c.row_span * c.col_span)
        .sum();
    if (filled as f64) < u.min_density * (n_rows * n_cols) as f64 {
        return None;
    }

    // Row boundaries.
    let spans: Vec<(f64, f64)> = row_lines
        .iter()
        .map(|r| {
            let boxes = r.iter().filter_map(|&k| ls.get(k)).map(|l| l.bbox);
            let top = boxes.clone().map(|b| b.top).fold(f64::INFINITY, f64::min);
            let bottom = boxes.map(|b| b.bottom).fold(f64::NEG_INFINITY, f64::max);
            (top, bottom)
        })
        .collect();
    let mut ys = vec![ext.top];
    for w in spans.windows(2) {
        let (a, b) = (w[0], w[1]);
        let y = if a.1.is_finite() && b.0.is_finite() {
            0.5 * (a.1 + b.0)
        } else {
            *ys.last().unwrap_or(&ext.top)
        };
        ys.push(y.max(*ys.last().unwrap_or(&ext.top)));
    }
    ys.push(ext.bottom);
    if ys.len() != n_rows + 1 {
        return None;
    }

    // Cells: every slot, spanning cells once.
    let page_no = page.info.number;
    let mut cells = Vec::new();
    let mut covered = vec![false; n_rows * n_cols];
    let mut order: Vec<&Slot> = grid.cells.iter().collect();
    order.sort_by_key(|c| (c.row, c.col));
    for c in &order {
        for r in c.row..(c.row + c.row_span).min(n_rows) {
            for k in c.col..(c.col + c.col_span).min(n_cols) {
                if let Some(v) = covered.get_mut(r * n_cols + k) {
                    *v = true;
                }
            }
        }
    }
    let rect = |row: usize, col: usize, rs: usize, cs: usize| Rect {
        x0: xs.get(col).copied().unwrap_or(ext.x0),
        top: ys.get(row).copied().unwrap_or(ext.top),
        x1: xs.get(col + cs).copied().unwrap_or(ext.x1),
        bottom: ys.get(row + rs).copied().unwrap_or(ext.bottom),
    };
    let mut all: Vec<Slot> = order.into_iter().cloned().collect();
    for r in 0..n_rows {
        for k in 0..n_cols {
            if !covered.get(r * n_cols + k).copied().unwrap_or(true) {
                all.push(Slot {
                    row: r,
                    col: k,
                    row_span: 1,
                    col_span: 1,
                    words: Vec::new(),
                });
            }
        }
    }
    all.sort_by_key(|c| (c.row, c.col));
    for c in all {
        // Words with a dot leader stuck to them lose it.
        let trimmed: Vec<Word> = c
            .words
            .iter()
            .filter_map(|&i| words.get(i))
            .map(|w| match strip_leader(&w.text) {
                Some(t) => Word {
                    text: t.to_string(),
                    ..w.clone()
                },
                None => w.clone(),
            })
            .collect();
        let ws: Vec<&Word> = trimmed.iter().collect();
        let bbox = rect(c.row, c.col, c.row_span, c.col_span);
        cells.push(Cell {
            row: c.row,
            col: c.col,
            row_span: c.row_span,
            col_span: c.col_span,
            paragraphs: paragraphs(&ws, page_no, s),
            fill: cell_fill(page, &bbox, s),
            parts: vec![Part {
                page: page_no,
                bbox,
            }],
        });
    }
    Some(PageTable {
        page: page_no,
        bbox: ext,
        xs,
        ys,
        cells,
        ruled: false,
    })
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
    // Pieces per line, spanning ones widened by a rule underneath.
    let mut per_line: Vec<Vec<Piece>> = Vec::new();
    for (k, l) in hdr.iter().enumerate() {
        let mut ps = pieces(l, words, xs, gaps, false, u);
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

/// Whether the body reads as running text set in several page columns: every column that has
/// a few lines is mostly lines of several words filling the column's width.
fn running_text(body: &[Vec<Piece>], words: &[Word], n_cols: usize, u: &UnruledSettings) -> bool {
    let mut per_col: Vec<Vec<(f64, f64, usize)>> = vec![Vec::new(); n_cols];
    for p in body.iter().flatten().filter(|p| p.c0 == p.c1) {
        let n_words = p
            .words
            .iter()
            .filter_map(|&i| words.get(i))
            .map(|w| w.text.split_whitespace().count())
            .sum();
        if let Some(v) = per_col.get_mut(p.c0) {
            v.push((p.x0, p.x1, n_words));
        }
    }
    // Lines of running text mostly start mid-sentence; table cells seldom do.
    let texts: Vec<String> = body
        .iter()
        .flatten()
        .filter(|p| !p.numeric && word_count(&p.words, words) >= u.prose_line_min_words)
        .map(|p| words_text(&p.words, words))
        .collect();
    let lower = texts
        .iter()
        .filter(|t| t.chars().next().is_some_and(char::is_lowercase))
        .count();
    if texts.len() >= u.lower_start_min_lines
        && lower as f64 >= u.lower_start_fraction * texts.len() as f64
    {
        return true;
    }
    let mut prose_cols = 0;
    for v in per_col
        .iter()
        .filter(|v| v.len() >= u.prose_column_min_lines)
    {
        if !prose_pieces(v, true, u) {
            return false;
        }
        prose_cols += 1;
    }
    prose_cols >= 2
}

/// Whether the lines are the axis labels of a chart: horizontal grid lines run through the
/// middle of several of them (a table's rules run between its rows, never through its text).
fn chart(body: &[&TLine], rules: &[HRule], ext: &Rect, u: &UnruledSettings) -> bool {
    let through = body
        .iter()
        .filter(|l| {
            let h = l.bbox.height();
            let (y0, y1) = (
                l.bbox.top + u.grid_line_inset * h,
                l.bbox.bottom - u.grid_line_inset * h,
            );
            let lo = rules.partition_point(|r| r.y < y0);
            rules
                .get(lo..)
                .unwrap_or(&[])
                .iter()
                .take_while(|r| r.y <= y1)
                .any(|r| r.x1.min(ext.x1) - r.x0.max(ext.x0) >= u.grid_line_width * ext.width())
        })
        .count();
    through >= u.chart_grid_lines
}

/// Tick marks inside `ext`: stroked straight lines between `tick_min` and `tick_max` long.
fn tick_marks(page: &PagePrimitives, ext: &Rect, u: &UnruledSettings) -> usize {
    page.rules
        .iter()
        .filter(|r| {
            // Stroked, not thin fills: fills that small are dots and marks in text (eu-011).
            if r.source != RuleSource::Stroke {
                return false;
            }
            let len = (r.p1.x - r.p0.x).hypot(r.p1.y - r.p0.y);
            (u.tick_min..=u.tick_max).contains(&len)
                && ext.contains(r.p0, u.tick_slack)
                && ext.contains(r.p1, u.tick_slack)
        })
        .count()
}

/// Whether column `c` of the body is running text.
fn prose_column(body: &[Vec<Piece>], words: &[Word], c: usize, u: &UnruledSettings) -> bool {
    let v: Vec<(f64, f64, usize)> = body
        .iter()
        .flatten()
        .filter(|p| p.c0 == c && p.c1 == c)
        .map(|p| (p.x0, p.x1, word_count(&p.words, words)))
        .collect();
    v.len() >= u.prose_column_min_lines && prose_pieces(&v, false, u)
}

fn word_count(ids: &[usize], words: &[Word]) -> usize {
    ids.iter()
        .filter_map(|&i| words.get(i))
        .map(|w| w.text.split_whitespace().count())
        .sum()
}

/// Whether most of a column's line pieces (width, words) are lines of several words filling
/// the column.
fn prose_pieces(v: &[(f64, f64, usize)], flush_left: bool, u: &UnruledSettings) -> bool {
    let widest = v.iter().map(|p| p.1 - p.0).fold(0.0, f64::max);
    let left = v.iter().map(|p| p.0).fold(f64::INFINITY, f64::min);
    let full = v
        .iter()
        .filter(|(x0, x1, n)| *n >= u.prose_line_min_words && x1 - x0 >= u.prose_fill * widest)
        .count();
    let at_left = v
        .iter()
        .filter(|p| p.0 - left <= u.prose_left_slack)
        .count();
    full as f64 >= u.prose_column_fraction * v.len() as f64
        && (!flush_left || 2 * at_left >= v.len())
}
