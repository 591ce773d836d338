//! Step 1c: side heads. Some house styles print each section's numbered heading ("1.
//! Purpose", often bold or coloured) in a narrow left column, level with the section's first
//! numbered paragraph ("1.1 This report …") in the wide column to its right; a heading too
//! long for the column wraps onto the rows below ("5. Financial" / "implications"). Both
//! stand on one baseline, so the rows merge them: here such a row is cut into the heading's
//! row, then the paragraph's, and a wrapped heading's further words in the side column join
//! the heading.

use super::rows::{Row, W};
use super::sidebar::part;
use crate::paper::PaperSettings;

/// A side head is at most this many words (with its number).
const MAX_HEAD_WORDS: usize = 8;

/// The page's rows with each side head set on a row of its own before its paragraph.
pub(super) fn split_side_heads(rows: Vec<Row>, settings: &PaperSettings) -> Vec<Row> {
    let mut out: Vec<Row> = Vec::with_capacity(rows.len() + 8);
    // The side column of the last head cut: (index in `out` of its row, its left edge, the
    // body's left edge).
    let mut open: Option<(usize, f64, f64)> = None;
    for row in rows {
        if let Some((head, body)) = cut(&row) {
            let (x0, body_x0) = (head.x0(), body.x0());
            out.push(head);
            open = Some((out.len() - 1, x0, body_x0));
            out.push(body);
            continue;
        }
        // A wrapped head's next words: in the side column, before a gap, not numbered.
        if let Some((at, x0, body_x0)) = open {
            let segs = row.segments();
            let side = segs.first().filter(|s| {
                let words = row.words.get((*s).clone()).unwrap_or_default();
                let starts = words.first().map_or(f64::INFINITY, |w| w.x0);
                let ends = words.last().map_or(f64::INFINITY, |w| w.x1);
                (starts - x0).abs() <= settings.column_tolerance
                    && ends < body_x0
                    && words
                        .first()
                        .is_none_or(|w| section_number(&w.text).is_none())
            });
            if let (Some(side), Some(head)) = (side, out.get_mut(at)) {
                let words: Vec<W> = row.words.get(side.clone()).unwrap_or_default().to_vec();
                head.words.extend(words.into_iter().map(|w| W {
                    new_seg: false,
                    ..w
                }));
                let rest: Vec<W> = row.words.get(side.end..).unwrap_or_default().to_vec();
                if let Some(r) = part(&row, rest) {
                    out.push(r);
                }
                continue;
            }
        }
        open = None;
        out.push(row);
    }
    out
}

/// A section number as a side head prints it ("1." or "1"): its value.
fn section_number(t: &str) -> Option<u32> {
    t.strip_suffix('.').unwrap_or(t).parse().ok()
}

/// A row opening with a numbered side head ("1. Purpose") and, after a column gap, a
/// paragraph numbered under it ("1.1 …"): the head's row and the paragraph's.
fn cut(row: &Row) -> Option<(Row, Row)> {
    let segs = row.segments();
    let (first, second) = (segs.first()?, segs.get(1)?);
    let head = row.words.get(first.clone())?;
    let n = section_number(&head.first()?.text)?;
    if head.len() < 2 || head.len() > MAX_HEAD_WORDS {
        return None;
    }
    let opens = &row.words.get(second.start)?.text;
    let sub = opens.strip_prefix(&format!("{n}."))?;
    if !sub
        .trim_end_matches('.')
        .chars()
        .all(|c| c.is_ascii_digit())
        || sub.is_empty()
    {
        return None;
    }
    let body = row.words.get(second.start..)?.to_vec();
    Some((part(row, head.to_vec())?, part(row, body)?))
}
