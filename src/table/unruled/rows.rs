//! Body lines → rows: a new row where the key (first) column has text, unless the line
//! continues a wrapped label; a line without key text continues the row above unless numbers
//! would stack. Rules across the table part rows ([`Bands`]).

use std::collections::BTreeMap;

use crate::layout::Word;
use crate::table::UnruledSettings;

use super::bands::{solid_leading, Bands};
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
/// the region's lines) in `row_lines`. A rule across the table (`bands`) ends a row; in a
/// table whose rules or white space part its rows, a line set solid under the one above
/// continues its row.
#[allow(clippy::too_many_arguments)]
pub(super) fn body_rows(
    body: &[&TLine],
    bands: &Bands,
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
    // Per column other than the key, the bottom of the row's last line with text in it.
    let mut col_bottom: BTreeMap<usize, f64> = BTreeMap::new();
    // Rows started without key text beside a key cell above, which spans them.
    let mut key_row: Option<usize> = None;
    let mut spans_key: Vec<(usize, usize)> = Vec::new();
    // The leading of solid text: the smallest gap between consecutive body lines.
    let solid = solid_leading(body);
    for (off, l) in body.iter().enumerate() {
        let k = hdr + off;
        let Some(ps) = body_pieces.get(off) else {
            continue;
        };
        if ps.is_empty() {
            continue;
        }
        let has_key = ps.iter().any(|p| p.c0 == 0);
        let mut under_key = false;
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
                if bands.ruled_between(last, off) || !close || clash {
                    true
                } else if r_span {
                    // A group label spanning the table wraps onto a line of its own
                    // starting at the key column ("… children and young" / "people wait
                    // less time …"); anything else under it starts a row.
                    !(ps.len() == 1 && has_key && label_wraps(prev_ps, ps, words))
                } else if spanning {
                    true
                } else if bands.continues(off) && last + 1 == off {
                    // The band is the row, unless several columns start afresh in it (rows
                    // under a merged key cell, the band a group of them).
                    let starts = paragraph_starts(ps, l, &col_bottom, solid, u);
                    let split = starts >= u.row_start_columns;
                    under_key = split && !has_key;
                    split
                } else if !has_key {
                    // Most columns start afresh, or two do and the others start new items
                    // under solid text (a capital after a finished line), none running on.
                    let starts = paragraph_starts(ps, l, &col_bottom, solid, u);
                    let fresh = ps.len() > starts && !runs_on(ps, prev_ps, words);
                    let split =
                        starts >= u.row_start_columns && (2 * starts > col_bottom.len() || fresh);
                    under_key = split;
                    split
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
                col_bottom.clear();
                let row = row_lines.len() - 1;
                if has_key {
                    key_row = Some(row);
                } else if let (true, Some(k)) = (under_key, key_row) {
                    spans_key.push((k, row));
                } else {
                    key_row = None;
                }
                row
            }
        };
        for p in ps.iter().filter(|p| p.c0 > 0) {
            for c in p.c0..=p.c1 {
                col_bottom.insert(c, l.bbox.bottom);
            }
        }
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
    for (k, last) in spans_key {
        grid.span_down(k, 0, last);
    }
    if body_rows < 2 {
        return Err(Rejected::FewBodyRows { rows: body_rows });
    }
    Ok(())
}

/// Whether the one piece of a line (`ps`) continues the label that spans the line above
/// (`prev`): it starts in lower case, or the label stops mid-phrase.
fn label_wraps(prev: &[Piece], ps: &[Piece], words: &[Word]) -> bool {
    let (Some(label), Some(p)) = (prev.iter().find(|q| q.c0 == 0), ps.first()) else {
        return false;
    };
    label.c1 > label.c0
        && continues(
            &words_text(&label.words, words),
            &words_text(&p.words, words),
        )
}

/// Whether a piece of a line continues the text of its column on the line before (`prev`):
/// it starts in lower case, or that text stops mid-phrase.
fn runs_on(ps: &[Piece], prev: &[Piece], words: &[Word]) -> bool {
    ps.iter().any(|p| {
        let after = words_text(&p.words, words);
        let before = prev
            .iter()
            .find(|q| q.c0 <= p.c1 && p.c0 <= q.c1)
            .map(|q| words_text(&q.words, words))
            .unwrap_or_default();
        continues(&before, &after)
    })
}

/// How many of line `l`'s pieces start a new paragraph in a column that already has text in
/// the row: more than `paragraph_gap_lines` further under that column's last text than
/// solid lines are set (`solid`, points). A row under a merged key cell (a plan's aim printed once beside its actions) starts
/// where most of its columns start afresh at once; a second paragraph in one cell does not.
fn paragraph_starts(
    ps: &[Piece],
    l: &TLine,
    col_bottom: &BTreeMap<usize, f64>,
    solid: f64,
    u: &UnruledSettings,
) -> usize {
    ps.iter()
        .filter(|p| p.c0 > 0)
        .filter(|p| {
            col_bottom
                .get(&p.c0)
                .is_some_and(|&b| l.bbox.top - b > solid + u.paragraph_gap_lines * l.height())
        })
        .count()
}
