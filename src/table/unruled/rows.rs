//! Body lines → rows: a new row where the key (first) column has text, unless the line
//! continues a wrapped label; a line without key text continues the row above unless numbers
//! would stack.

use crate::layout::Word;
use crate::table::UnruledSettings;

use super::lines::TLine;
use super::pieces::{words_text, Piece};
use super::slots::GridBuild;
use super::verdict::Rejected;

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

/// Put the body lines (`body`, the region's lines from `hdr` on, cut into `body_pieces`) on
/// rows after the header's, placing their pieces in `grid` and each row's line indices (into
/// the region's lines) in `row_lines`.
pub(super) fn body_rows(
    body: &[&TLine],
    body_pieces: &[Vec<Piece>],
    hdr: usize,
    words: &[Word],
    grid: &mut GridBuild,
    row_lines: &mut Vec<Vec<usize>>,
    u: &UnruledSettings,
) -> Result<(), Rejected> {
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
        return Err(Rejected::FewBodyRows { rows: body_rows });
    }
    Ok(())
}
