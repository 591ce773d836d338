//! Grids + words + fills → cells with text, paragraphs and colours.

use super::grid::{Grid, GridCell};
use super::marks::{self, Candidates};
use super::rules::Edge;
use super::{Cell, CellLine, PageTable, Paragraph, Part, Settings, Warning, WarningKind};
use crate::geom::{Pt, Rect};
use crate::layout::Word;
use crate::pdf::{Colour, Direction, Fill, PagePrimitives};

/// Glyphs that mark a bullet at the start of a paragraph.
const BULLETS: &[&str] = &["•", "▪", "◦", "●", "■", "○", "➢", "►", "‣", "∙", "·", "-"];

/// Fill the grid's cells with the words whose centres fall inside them (marking those words
/// used) and with the fills under them. A table whose text mostly runs down or up the page (or
/// upside down) is read in that text's frame (see `reorient`): its rows and columns, and the
/// page table's `xs` and `ys`, are as read after turning the page; cell boxes stay displayed.
pub fn fill_grid(
    page: &PagePrimitives,
    grid: &Grid,
    words: &[Word],
    used: &mut [bool],
    s: &Settings,
    warnings: &mut Vec<Warning>,
) -> PageTable {
    let bbox = grid.bbox();
    let nc = grid.xs.len().saturating_sub(1);
    let nr = grid.ys.len().saturating_sub(1);
    let mut slot_cell = vec![None; nr * nc];
    for (i, c) in grid.cells.iter().enumerate() {
        for r in c.row..c.row + c.row_span {
            for k in c.col..c.col + c.col_span {
                if let Some(slot) = slot_cell.get_mut(r * nc + k) {
                    *slot = Some(i);
                }
            }
        }
    }
    let mut cell_words: Vec<Vec<&Word>> = vec![Vec::new(); grid.cells.len()];
    for (w, u) in words.iter().zip(used.iter_mut()) {
        if *u {
            continue;
        }
        let c = w.anchor();
        if !bbox.contains(c, 0.0) {
            continue;
        }
        *u = true;
        let col = grid
            .xs
            .partition_point(|&x| x <= c.x)
            .saturating_sub(1)
            .min(nc.saturating_sub(1));
        let row = grid
            .ys
            .partition_point(|&y| y <= c.y)
            .saturating_sub(1)
            .min(nr.saturating_sub(1));
        match slot_cell
            .get(row * nc + col)
            .copied()
            .flatten()
            .and_then(|i| cell_words.get_mut(i))
        {
            Some(list) => list.push(w),
            None => warnings.push(Warning {
                page: page.info.number,
                kind: WarningKind::TextOutsideCells {
                    text: w.text.clone(),
                    bbox: w.bbox,
                },
            }),
        }
    }
    let direction = dominant_direction(cell_words.iter().flatten().copied());
    let (xs, ys, slots) = reorient(grid, direction);
    let marks = marks::candidates(page, s);
    let mut cells: Vec<Cell> = grid
        .cells
        .iter()
        .zip(slots)
        .zip(cell_words)
        .map(|((gc, rc), ws)| {
            let rect = grid.cell_rect(gc);
            let inner = Inner(&grid.inner_rules);
            make_cell(page, rect, rc, &ws, &marks, inner, s)
        })
        .collect();
    cells.sort_by_key(|c| (c.row, c.col));
    PageTable {
        page: page.info.number,
        bbox,
        xs,
        ys,
        cells,
        ruled: true,
        continuation_only: false,
        outside: Default::default(),
    }
}

/// The cell in `slot` drawn in `rect` holding `words`: their paragraphs, the fill behind the
/// cell and behind each paragraph that is shaded apart (a status pill), and the `marks` and
/// drawn bullets (candidates on the page) centred in it. The ruled and unruled paths both build cells so.
pub(crate) fn make_cell(
    page: &PagePrimitives,
    rect: Rect,
    slot: GridCell,
    words: &[&Word],
    marks: &Candidates,
    inner: Inner<'_>,
    s: &Settings,
) -> Cell {
    let dots = marks::dots_in(&marks.dots, &rect);
    let mut paragraphs = paragraphs(words, page.info.number, s, &dots);
    if !inner.0.is_empty() {
        paragraphs = split_at_rules(paragraphs, inner.0);
    }
    for p in &mut paragraphs {
        p.fill = paragraph_fill(page, &rect, p, s);
    }
    Cell {
        row: slot.row,
        col: slot.col,
        row_span: slot.row_span,
        col_span: slot.col_span,
        paragraphs,
        fill: cell_fill(page, &rect, text_top(words.iter().copied()), s),
        marks: marks::in_cell(&marks.marks, &rect),
        parts: vec![Part {
            page: page.info.number,
            bbox: rect,
        }],
    }
}

/// A displayed box in the reading frame of text running in `d` (the layout stage's frame).
fn reading_rect(d: Direction, r: Rect) -> Rect {
    crate::layout::frame::rect_with(crate::layout::frame::to_reading, d, r)
}

/// The direction most of the words' characters run in (left to right when there are none).
fn dominant_direction<'a>(words: impl Iterator<Item = &'a Word>) -> Direction {
    let mut count = [0usize; 4];
    let order = [
        Direction::Ltr,
        Direction::Ttb,
        Direction::Rtl,
        Direction::Btt,
    ];
    for w in words {
        if let Some(i) = order.iter().position(|d| *d == w.direction) {
            count[i] += w.text.chars().count();
        }
    }
    let best = (0..4)
        .max_by_key(|&i| (count[i], usize::from(i == 0)))
        .unwrap_or(0);
    order[best]
}

/// The grid as read: a table printed sideways (its text running down or up the page) or upside
/// down is read after turning the page, so its rows and columns are those of the text's
/// reading frame. Returns the column and row boundaries in that frame (ascending; the same as
/// the displayed ones for ordinary text) and each grid cell's slots in reading order.
fn reorient(grid: &Grid, d: Direction) -> (Vec<f64>, Vec<f64>, Vec<GridCell>) {
    let nr = grid.ys.len().saturating_sub(1);
    let nc = grid.xs.len().saturating_sub(1);
    let neg_rev = |v: &[f64]| v.iter().rev().map(|x| -x).collect::<Vec<f64>>();
    let (xs, ys) = match d {
        Direction::Ltr => (grid.xs.clone(), grid.ys.clone()),
        Direction::Ttb => (grid.ys.clone(), neg_rev(&grid.xs)),
        Direction::Btt => (neg_rev(&grid.ys), grid.xs.clone()),
        Direction::Rtl => (neg_rev(&grid.xs), neg_rev(&grid.ys)),
    };
    let cells = grid
        .cells
        .iter()
        .map(|c| {
            let (r, rs, k, ks) = (c.row, c.row_span, c.col, c.col_span);
            match d {
                Direction::Ltr => *c,
                Direction::Ttb => GridCell {
                    row: nc.saturating_sub(k + ks),
                    col: r,
                    row_span: ks,
                    col_span: rs,
                },
                Direction::Btt => GridCell {
                    row: k,
                    col: nr.saturating_sub(r + rs),
                    row_span: ks,
                    col_span: rs,
                },
                Direction::Rtl => GridCell {
                    row: nr.saturating_sub(r + rs),
                    col: nc.saturating_sub(k + ks),
                    row_span: rs,
                    col_span: ks,
                },
            }
        })
        .collect();
    (xs, ys, cells)
}

/// Words → printed lines (baseline clusters, left to right), top to bottom.
#[cfg(test)]
fn lines(words: &[&Word], page: u32, s: &Settings) -> Vec<CellLine> {
    framed_lines(words, page, s)
        .into_iter()
        .map(|(l, _)| l)
        .collect()
}

fn direction_rank(d: Direction) -> u8 {
    match d {
        Direction::Ltr => 0,
        Direction::Ttb => 1,
        Direction::Rtl => 2,
        Direction::Btt => 3,
    }
}

/// Printed lines with their boxes in their text's reading frame. Words are grouped by
/// direction, then by baseline, and ordered along the line in the reading frame (for text
/// running down or up the page, displayed x says nothing about word order). Words are joined by
/// a space only where one shows: words that touch (a gap under the layout stage's word gap)
/// were split by space glyphs overprinted on them (padding some producers draw over a cell's
/// text), and read as one word. Text in right-to-left scripts is put in logical order
/// ([`visual_to_logical`]).
fn framed_lines(words: &[&Word], page: u32, s: &Settings) -> Vec<(CellLine, Rect)> {
    let mut ws: Vec<(&Word, Rect)> = words
        .iter()
        .map(|w| (*w, reading_rect(w.direction, w.bbox)))
        .collect();
    ws.sort_by(|a, b| {
        direction_rank(a.0.direction)
            .cmp(&direction_rank(b.0.direction))
            .then(a.0.baseline.total_cmp(&b.0.baseline))
            .then(a.1.x0.total_cmp(&b.1.x0))
    });
    let mut out = Vec::new();
    // Each line is a run of `ws` (same direction, baselines near its first word's), put in
    // order along the line where it lies: no list of its own.
    let mut start = 0;
    while let Some(&(first, _)) = ws.get(start) {
        let (d, base) = (first.direction, first.baseline);
        let mut end = start + 1;
        while ws.get(end).is_some_and(|(w, _)| {
            w.direction == d
                && (w.baseline - base).abs() <= s.cell_line_baseline_em * w.size.max(1.0)
        }) {
            end += 1;
        }
        let Some(line) = ws.get_mut(start..end) else {
            break;
        };
        start = end;
        // A line on one baseline is in order already (`ws` is sorted by left edge next).
        if !line.is_sorted_by(|a, b| a.1.x0.total_cmp(&b.1.x0).is_le()) {
            line.sort_by(|a, b| a.1.x0.total_cmp(&b.1.x0));
        }
        if let Some(l) = framed_line(line, page, s) {
            out.push(l);
        }
    }
    out
}

/// One printed line of [`framed_lines`] from its words (in order along the line, with their
/// reading-frame boxes), with its box in the reading frame.
fn framed_line(line: &[(&Word, Rect)], page: u32, s: &Settings) -> Option<(CellLine, Rect)> {
    let bbox = line
        .iter()
        .map(|(w, _)| w.bbox)
        .reduce(|a, b| a.union(&b))?;
    let rbox = line.iter().map(|(_, r)| *r).reduce(|a, b| a.union(&b))?;
    // The words and a space between each two: the most the text can take.
    let mut text = String::with_capacity(line.iter().map(|(w, _)| w.text.len() + 1).sum());
    let mut prev: Option<(Rect, &Word)> = None;
    for (w, r) in line {
        let spaced = prev.is_some_and(|(p, pw)| {
            r.x0 - p.x1 >= s.cell_word_gap_em * w.size.max(1.0)
                || crate::layout::across_clip((&pw.bbox, pw.clip), (&w.bbox, w.clip))
        });
        if spaced {
            text.push(' ');
        }
        text.push_str(&w.text);
        prev = Some((*r, *w));
    }
    // ASCII holds no right-to-left letters: nothing to reorder.
    let text = if text.is_ascii() {
        text
    } else {
        visual_to_logical(&text)
    };
    Some((
        CellLine {
            text,
            bbox,
            page,
            bold: all_bold(line.iter().map(|(w, _)| *w)),
        },
        rbox,
    ))
}

/// Whether every word is set in a bold font. A line's words mostly share one font: its name
/// is read once for a run of words holding the same font.
fn all_bold<'a>(words: impl Iterator<Item = &'a Word>) -> bool {
    let mut last: Option<&std::sync::Arc<str>> = None;
    for w in words {
        if last.is_some_and(|f| std::sync::Arc::ptr_eq(f, &w.font) || *f == w.font) {
            continue;
        }
        if !crate::layout::is_bold_font(&w.font) {
            return false;
        }
        last = Some(&w.font);
    }
    true
}

/// Whether `c` is a combining mark of the scripts [`visual_to_logical`] reorders (or a generic
/// combining diacritic): it belongs with the character before it.
fn is_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{0591}'..='\u{05BD}' | '\u{05BF}' | '\u{05C1}'..='\u{05C2}' | '\u{05C4}'..='\u{05C5}' | '\u{05C7}'
        | '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}'
        | '\u{06D6}'..='\u{06DC}' | '\u{06DF}'..='\u{06E4}' | '\u{06E7}'..='\u{06E8}' | '\u{06EA}'..='\u{06ED}')
}

/// Digits (European and Arabic-Indic): a number keeps its left-to-right order inside
/// right-to-left text.
fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}')
}

/// Strong right-to-left characters: Hebrew, Arabic, Syriac, Thaana, N'Ko and the Hebrew and
/// Arabic presentation forms (marks and digits excepted).
fn is_rtl(c: char) -> bool {
    !is_mark(c)
        && !is_digit(c)
        && matches!(c,
            '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFE}')
}

/// Strong left-to-right characters: letters of other scripts.
fn is_ltr(c: char) -> bool {
    c.is_alphabetic() && !is_rtl(c) && !is_mark(c)
}

/// Reverse, in place, each maximal run of `v` that starts and ends with an `edge` item and
/// holds no `blocker` item (neutral items at a run's ends stay where they are).
fn reverse_runs<T>(v: &mut [T], edge: impl Fn(&T) -> bool, blocker: impl Fn(&T) -> bool) {
    let mut i = 0;
    while i < v.len() {
        if !edge(&v[i]) {
            i += 1;
            continue;
        }
        let mut end = i;
        let mut j = i + 1;
        while j < v.len() && !blocker(&v[j]) {
            if edge(&v[j]) {
                end = j;
            }
            j += 1;
        }
        v[i..=end].reverse();
        i = end + 1;
    }
}

/// A line of text in visual order (characters left to right as printed, which is what a PDF
/// gives for right-to-left scripts) → logical (reading) order, as PDFBox and poppler give it.
/// A simplified inverse of the Unicode bidirectional algorithm for one line: the line reads
/// right to left when it has at least as many right-to-left letters as left-to-right ones;
/// then it is reversed and its left-to-right runs (words, numbers) are turned back, otherwise
/// only its right-to-left runs are reversed (numbers inside them turned back). Combining
/// marks stay after their base character. Lines without right-to-left letters are unchanged.
pub fn visual_to_logical(text: &str) -> String {
    if !text.chars().any(is_rtl) {
        return text.to_string();
    }
    let mut clusters: Vec<Vec<char>> = Vec::new();
    for c in text.chars() {
        match clusters.last_mut() {
            Some(cl) if is_mark(c) => cl.push(c),
            _ => clusters.push(vec![c]),
        }
    }
    let base = |cl: &Vec<char>| cl.first().copied().unwrap_or(' ');
    let rtl = |cl: &Vec<char>| is_rtl(base(cl));
    let ltr = |cl: &Vec<char>| is_ltr(base(cl));
    let digit = |cl: &Vec<char>| is_digit(base(cl));
    let n_rtl = clusters.iter().filter(|c| rtl(c)).count();
    let n_ltr = clusters.iter().filter(|c| ltr(c)).count();
    if n_rtl >= n_ltr {
        clusters.reverse();
        reverse_runs(&mut clusters, |c| ltr(c) || digit(c), rtl);
    } else {
        reverse_runs(&mut clusters, rtl, ltr);
        reverse_runs(&mut clusters, digit, |c| {
            !digit(c) && !base(c).is_ascii_punctuation()
        });
    }
    clusters.into_iter().flatten().collect()
}

/// Split a bullet glyph off the start of a line. A glyph alone on its line bullets nothing: it
/// is the line's text (a coloured "●" printed as a RAG rating).
fn strip_bullet(text: &str) -> Option<&str> {
    // Every bullet opens with "-" or a byte that leads a two- or three-byte character: most
    // lines are turned away at their first byte.
    if !text
        .as_bytes()
        .first()
        .is_some_and(|&b| b == b'-' || b >= 0xC0)
    {
        return None;
    }
    BULLETS.iter().find_map(|b| {
        let rest = text.strip_prefix(b)?;
        if rest.trim().is_empty() {
            return None;
        }
        // "-" only counts when followed by a space ("- item"), not in "-5".
        if *b == "-" && !rest.starts_with(' ') {
            return None;
        }
        Some(rest.trim_start())
    })
}

/// Append a line to paragraph text: a space between lines, none after a hyphen that ends a
/// word ("2015-" + "17" = "2015-17": LibreOffice and Word break lines after a hyphen), nor
/// after an en or em dash set solid against the word before ("Apr–" + "Sep" = "Apr–Sep": a
/// browser breaks a range after its dash). A hyphen or dash standing alone ("Complete -" +
/// "June") is a dash between words and keeps its space.
/// (Text typed as "Complete -June" prints exactly like "Complete - June" when the line breaks
/// there; the standalone reading is the common one.)
pub fn join_line(text: &mut String, line: &str) {
    if text.is_empty() {
        text.push_str(line);
        return;
    }
    let mut rev = text.chars().rev();
    let word_hyphen = rev.next().is_some_and(|c| matches!(c, '-' | '–' | '—'))
        && rev.next().is_some_and(|c| !c.is_whitespace());
    if !word_hyphen {
        text.push(' ');
    }
    text.push_str(line);
}

/// The horizontal rules of tables nested in a grid's cells ([`Grid::inner_rules`]); none
/// for a table read from alignment.
#[derive(Clone, Copy)]
pub(crate) struct Inner<'a>(pub &'a [Edge]);

/// `ps` with a paragraph cut where a nested table's row rule runs between two of its lines
/// (across the lines' left edge): each row of the nested table is a line of the cell.
fn split_at_rules(ps: Vec<Paragraph>, rules: &[Edge]) -> Vec<Paragraph> {
    let ruled = |a: &CellLine, b: &CellLine| {
        rules.iter().any(|r| {
            r.pos >= a.bbox.bottom
                && r.pos <= b.bbox.top
                && r.start <= b.bbox.x0
                && r.end >= b.bbox.x0
        })
    };
    let mut out: Vec<Paragraph> = Vec::with_capacity(ps.len());
    for p in ps {
        if !p.lines.windows(2).any(|w| ruled(&w[0], &w[1])) {
            out.push(p);
            continue;
        }
        let mut cur: Option<Paragraph> = None;
        for line in p.lines {
            match cur.as_mut() {
                Some(c) if !c.lines.last().is_some_and(|prev| ruled(prev, &line)) => {
                    join_line(&mut c.text, &line.text);
                    c.lines.push(line);
                }
                _ => {
                    // The first piece keeps the paragraph's bullet (its glyph left out).
                    let first = cur.is_none() && p.bullet;
                    out.extend(cur.take());
                    let text = if first {
                        strip_bullet(&line.text).unwrap_or(&line.text).to_string()
                    } else {
                        line.text.clone()
                    };
                    cur = Some(Paragraph {
                        text,
                        bullet: first,
                        fill: p.fill,
                        lines: vec![line],
                    });
                }
            }
        }
        out.extend(cur);
    }
    out
}

/// Whether text opens with a list item label ("a)", "(ii)") and goes on after it.
pub(super) fn opens_item(text: &str) -> bool {
    let mut words = text.split_whitespace();
    words.next().is_some_and(super::unruled::is_item_label) && words.next().is_some()
}

/// Lines → paragraphs: a new paragraph after a blank gap, at a bullet, typed (a glyph) or
/// drawn as a path (`dots`: a line with a dot just left of its first word), or at the next
/// list item label ([`opens_item`]).
fn paragraphs(words: &[&Word], page: u32, s: &Settings, dots: &[Rect]) -> Vec<Paragraph> {
    let mut out: Vec<Paragraph> = Vec::new();
    let mut prev: Option<Rect> = None;
    // Where the last bulleted paragraph's bullet stands (its glyph's or dot's left edge).
    let mut bullet_x: Option<f64> = None;
    for (line, rbox) in framed_lines(words, page, s) {
        let b = line.bbox;
        let dot = dots.iter().find(|d| {
            let mid = (d.top + d.bottom) / 2.0;
            mid >= b.top
                && mid <= b.bottom
                && d.x1 <= b.x0 + 0.5
                && b.x0 - d.x1 <= s.bullet_dot_gap_lines * b.height()
        });
        let dotted = dot.is_some();
        // A glyph opening a line right of the bullets above, at their text's indent, is a
        // wrapped line's first character ("… · Apr 2026" / "· Not started"), not a bullet.
        let indented = bullet_x.is_some_and(|x| b.x0 > x + s.bullet_indent_lines * b.height());
        let bullet_rest = strip_bullet(&line.text)
            .filter(|_| !indented || dotted)
            .map(str::to_string);
        let gap_break =
            prev.is_some_and(|p| rbox.top - p.bottom > s.paragraph_gap_lines * p.height());
        // A list item label opening a line ("b) Evaluation …") under a paragraph opened by
        // one ("a) Pilot live …") starts the next item, set solid or not.
        // (The line is asked first: few lines open with a label, and the paragraph's text
        // is long.)
        let next_item = opens_item(&line.text) && out.last().is_some_and(|p| opens_item(&p.text));
        let new = out.is_empty() || gap_break || bullet_rest.is_some() || dotted || next_item;
        prev = Some(rbox);
        if bullet_rest.is_some() || dotted {
            bullet_x = Some(dot.map_or(b.x0, |d| d.x0));
        } else if new {
            bullet_x = None;
        }
        if new {
            out.push(Paragraph {
                text: bullet_rest.clone().unwrap_or_else(|| line.text.clone()),
                bullet: bullet_rest.is_some() || dotted,
                fill: None,
                lines: vec![line],
            });
        } else if let Some(p) = out.last_mut() {
            join_line(&mut p.text, &line.text);
            p.lines.push(line);
        }
    }
    out
}

/// The fill covering most of `rect`, when it covers at least the settings' fraction (white
/// counts as no fill). When no fill does but a stack of at least `strip_min_count` strips
/// (fills thinner than `strip_max_width`) covers it together (a gradient drawn as strips), the
/// colour a reader sees behind the text:
/// the fill under `text_top` (the top of the cell's text), else under the cell's centre. The
/// ruled and unruled paths both use it.
pub(crate) fn cell_fill(
    page: &PagePrimitives,
    rect: &Rect,
    text_top: Option<Pt>,
    s: &Settings,
) -> Option<Colour> {
    let area = rect.area();
    if area <= 0.0 {
        return None;
    }
    let covering: Vec<(&Fill, Colour, f64)> = page
        .fills
        .iter()
        .filter_map(|f| Some((f, f.colour?, f.rect.intersection(rect)?.area() / area)))
        .collect();
    let whole = covering
        .iter()
        .filter(|(_, _, cov)| *cov >= s.fill_cell_coverage)
        .max_by(|a, b| a.2.total_cmp(&b.2));
    let stacked = || {
        let strips: Vec<&(&Fill, Colour, f64)> = covering
            .iter()
            .filter(|(f, _, _)| f.rect.width().min(f.rect.height()) < s.strip_max_width)
            .collect();
        let total: f64 = strips.iter().map(|c| c.2).sum();
        if strips.len() < s.strip_min_count || total < s.fill_cell_coverage {
            return None;
        }
        let at = text_top
            .filter(|p| rect.contains(*p, 0.0))
            .unwrap_or_else(|| rect.centre());
        strips
            .into_iter()
            .filter(|(f, _, _)| f.rect.contains(at, 0.0))
            .min_by(|a, b| a.0.rect.area().total_cmp(&b.0.rect.area()))
            .map(|(_, c, _)| *c)
    };
    // A white fill under the whole cell (a page or sheet background) leaves strips on it seen.
    whole
        .map(|(_, c, _)| *c)
        .filter(|c| !c.is_white())
        .or_else(stacked)
        .filter(|c| !c.is_white())
}

/// The top middle of the words' box: where a reader takes a cell's background colour from.
pub(crate) fn text_top<'a>(words: impl IntoIterator<Item = &'a Word>) -> Option<Pt> {
    let b = words
        .into_iter()
        .map(|w| w.bbox)
        .filter(Rect::is_finite)
        .reduce(|a, b| a.union(&b))?;
    Some(Pt::new(0.5 * (b.x0 + b.x1), b.top))
}

/// A fill that shades this paragraph but not the whole cell.
fn paragraph_fill(
    page: &PagePrimitives,
    cell: &Rect,
    p: &Paragraph,
    s: &Settings,
) -> Option<Colour> {
    let pb = p.lines.iter().map(|l| l.bbox).reduce(|a, b| a.union(&b))?;
    let centre = pb.centre();
    let cell_area = cell.area();
    page.fills
        .iter()
        .filter(|f| f.rect.contains(centre, 0.0))
        .filter(|f| {
            f.rect
                .intersection(cell)
                .is_some_and(|i| i.area() < s.fill_cell_coverage * cell_area)
        })
        .filter_map(|f| Some((f.colour?, f.rect.area())))
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(c, _)| c)
        .filter(|c| !c.is_white())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hyphen_joins_without_space() {
        let mut t = String::from("Throughout 2015-");
        join_line(&mut t, "17");
        assert_eq!(t, "Throughout 2015-17");
        let mut t = String::from("Complete \u{2013}");
        join_line(&mut t, "June 2015");
        assert_eq!(t, "Complete \u{2013} June 2015");
        let mut t = String::from("Complete -");
        join_line(&mut t, "February 2015");
        assert_eq!(t, "Complete - February 2015");
    }

    #[test]
    fn a_dot_drawn_before_a_line_is_its_bullet() {
        // Two list items, each wrapped over two lines; a 3 pt black dot drawn before the first
        // line of each (Chromium's <ul> disc), none before the wrapped lines.
        let ws = [
            word("Recruit", 20.0, 60.0, 100.0, Direction::Ltr),
            word("officers", 20.0, 60.0, 111.0, Direction::Ltr),
            word("Launch", 20.0, 60.0, 122.0, Direction::Ltr),
            word("form", 20.0, 45.0, 133.0, Direction::Ltr),
        ];
        let words: Vec<&Word> = ws.iter().collect();
        let dot = |top: f64| Rect {
            x0: 12.0,
            top,
            x1: 15.0,
            bottom: top + 3.0,
        };
        let s = Settings::default();
        let ps = paragraphs(&words, 1, &s, &[dot(103.5), dot(125.5)]);
        let texts: Vec<(&str, bool)> = ps.iter().map(|p| (p.text.as_str(), p.bullet)).collect();
        assert_eq!(texts, [("Recruit officers", true), ("Launch form", true)]);
        // Without the dots the four lines are one paragraph.
        assert_eq!(paragraphs(&words, 1, &s, &[]).len(), 1);
    }

    fn word(text: &str, x0: f64, x1: f64, top: f64, direction: Direction) -> Word {
        let bbox = match direction {
            // Text running up the page: the word's extent along the line is along −y.
            Direction::Btt => Rect {
                x0: top,
                top: 1000.0 - x1,
                x1: top + 10.0,
                bottom: 1000.0 - x0,
            },
            _ => Rect {
                x0,
                top,
                x1,
                bottom: top + 10.0,
            },
        };
        let baseline = match direction {
            Direction::Btt => -(top + 8.0),
            _ => top + 8.0,
        };
        Word {
            text: text.into(),
            bbox,
            direction,
            baseline,
            font: std::sync::Arc::from("F"),
            size: 10.0,
            colour: None,
            clip: None,
        }
    }

    #[test]
    fn touching_words_join_without_a_space() {
        // "Delhi" split by overprinted space glyphs into "Del" and "hi" (0.1 pt apart), then a
        // real space (2.5 pt) before "and".
        let ws = [
            word("Del", 0.0, 15.0, 0.0, Direction::Ltr),
            word("hi", 15.1, 25.0, 0.0, Direction::Ltr),
            word("and", 27.5, 45.0, 0.0, Direction::Ltr),
        ];
        let refs: Vec<&Word> = ws.iter().collect();
        assert_eq!(lines(&refs, 1, &Settings::default())[0].text, "Delhi and");
    }

    #[test]
    fn words_running_up_the_page_are_ordered_along_their_line() {
        // Two words on one line of text rotated 90° anticlockwise: "Nutritional" is lower on
        // the page (read first), "Assessment" above it; their displayed x0 are equal.
        let ws = [
            word("Assessment", 60.0, 110.0, 0.0, Direction::Btt),
            word("Nutritional", 0.0, 55.0, 0.0, Direction::Btt),
        ];
        let refs: Vec<&Word> = ws.iter().collect();
        assert_eq!(
            lines(&refs, 1, &Settings::default())[0].text,
            "Nutritional Assessment"
        );
    }

    #[test]
    fn right_to_left_text_is_put_in_logical_order() {
        // Visual order (as printed, left to right) → reading order.
        assert_eq!(visual_to_logical("ﻥﺎﻄﻠﺳ ﻲﻤﺳﺍ"), "ﺍﺳﻤﻲ ﺳﻠﻄﺎﻥ");
        // A number and a Latin word inside right-to-left text keep their own order.
        assert_eq!(visual_to_logical("ﻂﻄﻗ 47 ﻱﺪﻨﻋ"), "ﻋﻨﺪﻱ 47 ﻗﻄﻂ");
        assert_eq!(
            visual_to_logical("ﺔﻳﺰﻴﻠﺠﻧﻻﺍ ﻲﻓ Jeremy ﻲﻤﺳﺍ"),
            "ﺍﺳﻤﻲ Jeremy ﻓﻲ ﺍﻻﻧﺠﻠﻴﺰﻳﺔ"
        );
        // Left-to-right text with a right-to-left word: only that word turns.
        assert_eq!(
            visual_to_logical("Jeremy is ﻲﻣﺮﺟ in Arabic"),
            "Jeremy is ﺟﺮﻣﻲ in Arabic"
        );
        // A combining mark stays after its base letter (alef + fathatan).
        assert_eq!(
            visual_to_logical("\u{FE8E}\u{064B}\u{FE92}"),
            "\u{FE92}\u{FE8E}\u{064B}"
        );
        assert_eq!(
            visual_to_logical("Plain text 2015-17"),
            "Plain text 2015-17"
        );
    }

    #[test]
    fn a_sideways_grid_is_read_in_its_texts_frame() {
        // Displayed 2 rows × 3 columns; text running up the page (Btt) reads it as 3 rows
        // (left to right on the page) × 2 columns (bottom to top).
        let grid = Grid {
            xs: vec![0.0, 10.0, 20.0, 30.0],
            ys: vec![0.0, 50.0, 100.0],
            cells: vec![
                GridCell {
                    row: 0,
                    col: 0,
                    row_span: 2,
                    col_span: 1,
                },
                GridCell {
                    row: 0,
                    col: 1,
                    row_span: 1,
                    col_span: 2,
                },
                GridCell {
                    row: 1,
                    col: 1,
                    row_span: 1,
                    col_span: 1,
                },
                GridCell {
                    row: 1,
                    col: 2,
                    row_span: 1,
                    col_span: 1,
                },
            ],
            inner_rules: Vec::new(),
        };
        let (xs, ys, cells) = reorient(&grid, Direction::Btt);
        assert_eq!(xs, vec![-100.0, -50.0, 0.0]);
        assert_eq!(ys, vec![0.0, 10.0, 20.0, 30.0]);
        // The leftmost displayed column is the first row, spanning both columns.
        assert_eq!(
            cells[0],
            GridCell {
                row: 0,
                col: 0,
                row_span: 1,
                col_span: 2
            }
        );
        // The top-right block (displayed row 0, columns 1-2) is rows 1-2 of the last column.
        assert_eq!(
            cells[1],
            GridCell {
                row: 1,
                col: 1,
                row_span: 2,
                col_span: 1
            }
        );
        assert_eq!(
            cells[2],
            GridCell {
                row: 1,
                col: 0,
                row_span: 1,
                col_span: 1
            }
        );
        assert_eq!(
            cells[3],
            GridCell {
                row: 2,
                col: 0,
                row_span: 1,
                col_span: 1
            }
        );
        assert_eq!(reorient(&grid, Direction::Ltr).2, grid.cells);
    }

    #[test]
    fn bullets_are_recognised() {
        assert_eq!(strip_bullet("• Report to Board"), Some("Report to Board"));
        assert_eq!(strip_bullet("•Report"), Some("Report"));
        assert_eq!(strip_bullet("-5 degrees"), None);
        assert_eq!(strip_bullet("Plain"), None);
        // A glyph alone is the text: a RAG symbol.
        assert_eq!(strip_bullet("●"), None);
        assert_eq!(strip_bullet("● "), None);
    }
}
