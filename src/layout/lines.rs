//! Words → lines → blocks, and reading order by recursive XY-cut.

use super::frame::{rect_with, to_reading};
use super::words::runs;
use super::{Block, Line, Settings, Word};
use crate::geom::Rect;
use crate::pdf::{Direction, Glyph};
use crate::tolerance::DEFAULT_FONT_SIZE;

/// Lines on the page: each baseline's words split where the gap says a new column starts.
/// Ordered top to bottom, then left to right, per direction.
pub fn lines(glyphs: &[Glyph], settings: &Settings) -> Vec<Line> {
    let mut out = Vec::new();
    // Where each line starts in its run's words (one list for every run in turn), so that
    // each line's words are gathered once, into a list of the right size.
    let mut starts: Vec<usize> = Vec::new();
    for run in runs(glyphs, settings) {
        starts.clear();
        let mut first_size = DEFAULT_FONT_SIZE;
        let mut right = f64::NEG_INFINITY;
        for (i, (word, rbox)) in run.words.iter().zip(&run.reading_boxes).enumerate() {
            if starts.is_empty() || rbox.x0 - right > settings.column_gap_em * first_size {
                starts.push(i);
                first_size = word.size.max(1.0);
            }
            right = rbox.x1;
        }
        let count = run.words.len().min(run.reading_boxes.len());
        let direction = run.direction;
        // Most runs are one line: their list of words becomes the line's as it is.
        if starts.len() == 1 && count == run.words.len() {
            out.extend(line_of(run.words, direction));
            continue;
        }
        let mut words = run.words.into_iter();
        for (k, &start) in starts.iter().enumerate() {
            let end = starts.get(k + 1).copied().unwrap_or(count);
            out.extend(line_of(
                words.by_ref().take(end - start).collect(),
                direction,
            ));
        }
    }
    out
}

/// A line of `words` (none: no words), its box theirs together.
fn line_of(words: Vec<Word>, direction: Direction) -> Option<Line> {
    let bbox = words.iter().map(|w| w.bbox).reduce(|a, b| a.union(&b))?;
    Some(Line {
        bbox,
        direction,
        words,
    })
}

/// Blocks in reading order: lines that stack closely with overlapping extents are one block;
/// blocks are ordered by recursive XY-cut (rows of blocks top to bottom, columns left to
/// right). Text in other directions follows, one block per direction.
pub fn blocks(glyphs: &[Glyph], settings: &Settings) -> Vec<Block> {
    let all = lines(glyphs, settings);
    let mut out = Vec::new();
    for d in [
        Direction::Ltr,
        Direction::Ttb,
        Direction::Rtl,
        Direction::Btt,
    ] {
        let mut ls: Vec<(Line, Rect)> = all
            .iter()
            .filter(|l| l.direction == d)
            .map(|l| (l.clone(), rect_with(to_reading, d, l.bbox)))
            .collect();
        ls.sort_by(|a, b| a.1.top.total_cmp(&b.1.top).then(a.1.x0.total_cmp(&b.1.x0)));
        let mut groups: Vec<(Vec<Line>, Rect, Rect)> = Vec::new(); // lines, display bbox, reading box of last line
        for (line, rb) in ls {
            let h = rb.height().max(1.0);
            let found = groups.iter_mut().rev().find(|(_, _, last)| {
                let gap = rb.top - last.bottom;
                let overlap = rb.x1.min(last.x1) - rb.x0.max(last.x0);
                gap > -settings.block_overlap_lines * h
                    && gap < (settings.block_gap_lines - 1.0).max(0.0) * h + 0.5 * h
                    && overlap > 0.0
            });
            match found {
                Some((lines, bbox, last)) => {
                    *bbox = bbox.union(&line.bbox);
                    lines.push(line);
                    *last = rb;
                }
                None => groups.push((vec![line.clone()], line.bbox, rb)),
            }
        }
        let blocks: Vec<(Block, Rect)> = groups
            .into_iter()
            .map(|(lines, bbox, _)| {
                let rb = rect_with(to_reading, d, bbox);
                (Block { lines, bbox }, rb)
            })
            .collect();
        out.extend(xy_cut(blocks));
    }
    out
}

/// Order blocks by recursive XY-cut on their reading-frame boxes.
fn xy_cut(mut blocks: Vec<(Block, Rect)>) -> Vec<Block> {
    if blocks.len() <= 1 {
        return blocks.into_iter().map(|b| b.0).collect();
    }
    for horizontal in [true, false] {
        let key = |r: &Rect| {
            if horizontal {
                (r.top, r.bottom)
            } else {
                (r.x0, r.x1)
            }
        };
        blocks.sort_by(|a, b| key(&a.1).0.total_cmp(&key(&b.1).0));
        let mut groups: Vec<Vec<(Block, Rect)>> = Vec::new();
        let mut reach = f64::NEG_INFINITY;
        for b in blocks.drain(..) {
            let (lo, hi) = key(&b.1);
            match groups.last_mut() {
                Some(g) if lo < reach => g.push(b),
                _ => groups.push(vec![b]),
            }
            reach = reach.max(hi);
        }
        if groups.len() > 1 {
            return groups.into_iter().flat_map(xy_cut).collect();
        }
        blocks = groups.into_iter().flatten().collect();
    }
    blocks.sort_by(|a, b| a.1.top.total_cmp(&b.1.top).then(a.1.x0.total_cmp(&b.1.x0)));
    blocks.into_iter().map(|b| b.0).collect()
}
