//! Letter-spaced words: a styled header set with tracking (`Tc`) or with a space after every
//! letter ("R E F", "T O T A L") reads as the words it spells ("REF", "TOTAL").
//!
//! On one line, a run of words that are each one capital or figure, evenly spaced (every gap
//! within [`Settings::letter_spaced_even_em`] of the smallest, none over
//! [`Settings::letter_spaced_max_gap_em`]) and set apart from the words beside it by wider
//! gaps, is one word; a wider gap inside the run (a word space of the spaced phrase, "A C T
//! I O N   T A K E N") ends a word. At least three letters must stand at the even gap, so
//! single-letter words of ordinary text ("a", "I", "A 1") never join, and neither do single
//! capitals spaced as ordinary words are ("Grade A B C": the gap before "A" is no wider).

use super::{Settings, Word};
use crate::geom::Rect;

/// Whether a word is one capital letter or one figure.
fn single_capital(w: &Word) -> bool {
    let mut chars = w.text.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase() || c.is_ascii_digit())
}

/// Join every letter-spaced run of `words` (one line's, left to right in the reading frame,
/// `boxes` their reading-frame boxes) into one word per spaced word.
pub(crate) fn join_letter_spaced(words: &mut Vec<Word>, boxes: &mut Vec<Rect>, s: &Settings) {
    // Cheap test first: most lines have no three single capitals in a row.
    let singles = words.windows(3).any(|w| w.iter().all(single_capital));
    if !singles {
        return;
    }
    let mut out_words = Vec::with_capacity(words.len());
    let mut out_boxes = Vec::with_capacity(boxes.len());
    let mut i = 0;
    while i < words.len() {
        let end = run_end(words, boxes, i, s);
        let pieces = if end - i >= 3 {
            spaced_words(words, boxes, i, end, s)
        } else {
            None
        };
        match pieces {
            Some(pieces) => {
                for (a, b) in pieces {
                    if let Some((w, r)) = joined(words, boxes, a, b) {
                        out_words.push(w);
                        out_boxes.push(r);
                    }
                }
                i = end;
            }
            None => {
                if let (Some(w), Some(r)) = (words.get(i), boxes.get(i)) {
                    out_words.push(w.clone());
                    out_boxes.push(*r);
                }
                i += 1;
            }
        }
    }
    *words = out_words;
    *boxes = out_boxes;
}

/// The end (exclusive) of the run of single capitals from `start`: same font and size, each
/// gap at most the letter-spacing limit.
fn run_end(words: &[Word], boxes: &[Rect], start: usize, s: &Settings) -> usize {
    let Some(first) = words.get(start).filter(|w| single_capital(w)) else {
        return start + 1;
    };
    let max_gap = s.letter_spaced_max_gap_em * first.size.max(1.0);
    let mut end = start + 1;
    while let (Some(w), Some(prev), Some(r)) = (words.get(end), boxes.get(end - 1), boxes.get(end))
    {
        let gap = r.x0 - prev.x1;
        if !single_capital(w)
            || w.font != first.font
            || (w.size - first.size).abs() > s.letter_spaced_even_em * first.size
            || !(0.0..=max_gap).contains(&gap)
        {
            break;
        }
        end += 1;
    }
    end
}

/// The spans (start, end exclusive) of the spaced words in the run `start..end`, or `None`
/// when the run is not letter-spacing: fewer than three letters at the even gap, or the words
/// beside the run no further off than the letters are from each other.
fn spaced_words(
    words: &[Word],
    boxes: &[Rect],
    start: usize,
    end: usize,
    s: &Settings,
) -> Option<Vec<(usize, usize)>> {
    let run = boxes.get(start..end)?;
    let gaps: Vec<f64> = run.windows(2).map(|p| p[1].x0 - p[0].x1).collect();
    let even = gaps.iter().copied().fold(f64::INFINITY, f64::min);
    let size = words.get(start).map_or(1.0, |w| w.size.max(1.0));
    let tol = s.letter_spaced_even_em * size;
    let at_even = |g: f64| g <= even + tol;
    // The words beside the run stand further off than its letters.
    let before = start
        .checked_sub(1)
        .and_then(|p| Some(boxes.get(start)?.x0 - boxes.get(p)?.x1));
    let after = boxes
        .get(end)
        .and_then(|n| Some(n.x0 - boxes.get(end - 1)?.x1));
    if before.is_some_and(at_even) || after.is_some_and(at_even) {
        return None;
    }
    let mut pieces = Vec::new();
    let mut a = start;
    for (k, g) in gaps.iter().enumerate() {
        if !at_even(*g) {
            pieces.push((a, start + k + 1));
            a = start + k + 1;
        }
    }
    pieces.push((a, end));
    if !pieces.iter().any(|(a, b)| b - a >= 3) {
        return None;
    }
    Some(pieces)
}

/// The words `a..b` joined into one, with its reading-frame box.
fn joined(words: &[Word], boxes: &[Rect], a: usize, b: usize) -> Option<(Word, Rect)> {
    let mut w = words.get(a)?.clone();
    let mut r = *boxes.get(a)?;
    for (x, rb) in words.get(a + 1..b)?.iter().zip(boxes.get(a + 1..b)?) {
        w.text.push_str(&x.text);
        r = r.union(rb);
        w.clip = w.clip.or(x.clip);
    }
    Some((w, r))
}
