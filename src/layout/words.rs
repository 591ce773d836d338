//! Glyphs → words, grouped by baseline and ordered by position.

use super::frame::{rect_with, to_display, to_reading};
use super::leaders::{dot, leader_glyphs, may_be_dot};
use super::{Settings, Word};
use crate::geom::Rect;
use crate::pdf::{Direction, Glyph};

/// Bytes reserved for a word's text when it starts: most words fit without growing, and the
/// allocator's smallest block holds this much anyway.
const WORD_TEXT_CAPACITY: usize = 24;

/// Words of one baseline cluster, in reading-frame order.
#[derive(Debug, Clone)]
pub(crate) struct BaselineRun {
    pub direction: Direction,
    /// Baseline in the reading frame.
    pub baseline: f64,
    pub words: Vec<Word>,
    /// Boxes of `words` in the reading frame, same order.
    pub reading_boxes: Vec<Rect>,
}

struct Item<'a> {
    g: &'a Glyph,
    /// The glyph's text, read once.
    text: &'a str,
    rbox: Rect,
    baseline: f64,
}

/// What glyphs are sorted by, with the glyph's place in the item list: a third of an item's
/// size, so the sorts move less. The two coordinates are held as [`total_order`] integers, so
/// the sorts compare integers yet order exactly as `f64::total_cmp` does.
#[derive(Clone, Copy)]
struct Key {
    baseline: i64,
    x0: i64,
    item: usize,
}

/// `v` as an integer that orders as `f64::total_cmp` orders the floats (the same bit trick
/// `total_cmp` applies at each comparison: negative values have their magnitude bits flipped).
/// It is its own inverse: [`from_total_order`] undoes it.
fn total_order(v: f64) -> i64 {
    let bits = v.to_bits() as i64;
    bits ^ (((bits >> 63) as u64) >> 1) as i64
}

/// The float whose [`total_order`] is `k`, bit for bit.
fn from_total_order(k: i64) -> f64 {
    f64::from_bits((k ^ (((k >> 63) as u64) >> 1) as i64) as u64)
}

/// The four directions, in the order their text is given.
const DIRECTIONS: [Direction; 4] = [
    Direction::Ltr,
    Direction::Ttb,
    Direction::Rtl,
    Direction::Btt,
];

/// Every word on the page: grouped by baseline, each line's words left to right in their own
/// direction; left-to-right text first, then the other directions.
pub fn words(glyphs: &[Glyph], settings: &Settings) -> Vec<Word> {
    runs(glyphs, settings)
        .into_iter()
        .flat_map(|r| r.words)
        .collect()
}

/// Baseline clusters with their words (sorted top to bottom in each direction's reading frame).
pub(crate) fn runs(glyphs: &[Glyph], settings: &Settings) -> Vec<BaselineRun> {
    let mut out = Vec::new();
    let mut present = [false; 4];
    for g in glyphs {
        if let Some(p) = DIRECTIONS
            .iter()
            .position(|d| *d == g.direction)
            .and_then(|i| present.get_mut(i))
        {
            *p = true;
        }
    }
    let mut items: Vec<Item> = Vec::new();
    let mut keys: Vec<Key> = Vec::new();
    for (d, _) in DIRECTIONS.into_iter().zip(present).filter(|(_, p)| *p) {
        items.clear();
        items.reserve(glyphs.len());
        items.extend(glyphs.iter().filter(|g| g.direction == d).map(|g| Item {
            g,
            text: g.text.as_str(),
            rbox: rect_with(to_reading, d, g.bbox),
            baseline: to_reading(d, g.origin).y,
        }));
        keys.clear();
        keys.extend(items.iter().enumerate().map(|(item, it)| Key {
            baseline: total_order(it.baseline),
            x0: total_order(it.rbox.x0),
            item,
        }));
        // Stable: content-stream order is mostly reading order already, which this sort
        // uses (an unstable one took twice the instructions on the board paper).
        keys.sort_by(|a, b| a.baseline.cmp(&b.baseline).then_with(|| a.x0.cmp(&b.x0)));
        // One list for every line's glyphs in turn.
        let mut cluster_items: Vec<&Item> = Vec::new();
        let mut start = 0;
        while let Some(first) = keys.get(start) {
            let base = from_total_order(first.baseline);
            let size = items.get(first.item).map_or(1.0, |it| it.g.size.max(1.0));
            let tol = settings.line_baseline_em * size;
            let mut end = start + 1;
            while keys
                .get(end)
                .is_some_and(|k| (from_total_order(k.baseline) - base).abs() <= tol)
            {
                end += 1;
            }
            let Some(cluster) = keys.get_mut(start..end) else {
                break;
            };
            // Most lines are on one baseline, so already in order: the sort (with its scratch
            // list) is left out for them.
            if !cluster.is_sorted_by_key(|k| k.x0) {
                cluster.sort_by_key(|k| k.x0);
            }
            cluster_items.clear();
            cluster_items.extend(cluster.iter().filter_map(|k| items.get(k.item)));
            let (words, reading_boxes) = match leaders(&cluster_items, settings) {
                None => split_words(&cluster_items, d, settings),
                Some(mask) => split_around_leaders(&cluster_items, &mask, d, settings),
            };
            if !words.is_empty() {
                out.push(BaselineRun {
                    direction: d,
                    baseline: base,
                    words,
                    reading_boxes,
                });
            }
            start = end;
        }
    }
    out
}

/// Which glyphs of a line (left to right) are dot leaders' ([`super::leaders`]); `None` for
/// most lines, told from their first bytes.
fn leaders(line: &[&Item], settings: &Settings) -> Option<Vec<bool>> {
    line.iter().filter(|it| may_be_dot(it.text)).nth(1)?;
    let glyph = |it: &&Item| (dot(it.text), it.rbox.x0, it.rbox.x1, it.g.size);
    leader_glyphs(line, glyph, settings)
}

/// The words of a line holding dot leaders (`mask`): the words between leaders as
/// [`split_words`] reads them, and each leader one word of its dots (its spaces left out),
/// parted from the words it stands against.
#[inline(never)]
fn split_around_leaders(
    line: &[&Item],
    mask: &[bool],
    d: Direction,
    settings: &Settings,
) -> (Vec<Word>, Vec<Rect>) {
    let (mut words, mut boxes) = (Vec::new(), Vec::new());
    let mut start = 0;
    while start < line.len() {
        let leader = mask.get(start) == Some(&true);
        let end = (start..line.len())
            .find(|&i| (mask.get(i) == Some(&true)) != leader)
            .unwrap_or(line.len());
        let part = line.get(start..end).unwrap_or_default();
        if leader {
            let dots: Vec<&Item> = part
                .iter()
                .copied()
                .filter(|it| !it.text.chars().all(char::is_whitespace))
                .collect();
            if let Some(first) = dots.first() {
                let rbox = dots.iter().fold(first.rbox, |r, it| r.union(&it.rbox));
                words.push(Word {
                    text: dots.iter().map(|it| it.text).collect(),
                    bbox: rect_with(to_display, d, rbox),
                    direction: d,
                    baseline: first.baseline,
                    font: first.g.font.clone(),
                    size: first.g.size,
                    colour: first.g.colour,
                    clip: first.g.clip,
                });
                boxes.push(rbox);
            }
        } else {
            let (w, b) = split_words(part, d, settings);
            words.extend(w);
            boxes.extend(b);
        }
        start = end;
    }
    (words, boxes)
}

/// Whether `it` is a superscript figure or mark after the glyph `prev`: much smaller and
/// raised (a footnote mark glued to its word, "6.3%¹"). Then it starts a word of its own, and
/// so does the full-size glyph after it ("¹." gives "¹" and "."). Superscript letters
/// ("13th") stay in their word.
fn superscript_mark(prev: Option<&Item>, it: &Item, settings: &Settings) -> bool {
    let Some(p) = prev else {
        return false;
    };
    let big = p.g.size.max(1.0);
    it.g.size < big * settings.superscript_size_ratio
        && p.baseline - it.baseline >= settings.superscript_rise_em * big
        && !it.text.chars().any(char::is_alphabetic)
}

// Inlined where most lines are read (a call of its own cost the board paper 1% more).
#[inline(always)]
fn split_words(cluster: &[&Item], d: Direction, settings: &Settings) -> (Vec<Word>, Vec<Rect>) {
    let mut words = Vec::new();
    let mut boxes = Vec::new();
    let mut current: Option<(Word, Rect)> = None;
    let mut last: Option<&Item> = None;
    for &it in cluster {
        let size = it.g.size.max(1.0);
        if it.text.chars().all(char::is_whitespace) {
            if let Some(w) = current.take() {
                words.push(w.0);
                boxes.push(w.1);
            }
            last = None;
            continue;
        }
        if let Some(prev) = last {
            let duplicate = prev.text == it.text
                && (prev.rbox.x0 - it.rbox.x0).abs() < settings.duplicate_glyph_em * size
                && (prev.baseline - it.baseline).abs() < settings.duplicate_glyph_em * size;
            if duplicate {
                continue;
            }
        }
        let gap_ok = current
            .as_ref()
            .is_some_and(|(w, rb)| it.rbox.x0 - rb.x1 <= settings.word_gap_em * w.size.max(1.0))
            && !superscript_mark(last, it, settings)
            && !last.is_some_and(|p| superscript_mark(Some(it), p, settings))
            && !last.is_some_and(|prev| {
                across_clip((&prev.g.bbox, prev.g.clip), (&it.g.bbox, it.g.clip))
            });
        match (&mut current, gap_ok) {
            (Some((w, rb)), true) => {
                w.text.push_str(it.text);
                *rb = rb.union(&it.rbox);
                w.clip = w.clip.or(it.g.clip);
            }
            _ => {
                if let Some(w) = current.take() {
                    words.push(w.0);
                    boxes.push(w.1);
                }
                current = Some((
                    Word {
                        text: {
                            let mut t = String::with_capacity(WORD_TEXT_CAPACITY);
                            t.push_str(it.text);
                            t
                        },
                        bbox: it.rbox,
                        direction: d,
                        baseline: it.baseline,
                        font: it.g.font.clone(),
                        size: it.g.size,
                        colour: it.g.colour,
                        clip: it.g.clip,
                    },
                    it.rbox,
                ));
            }
        }
        last = Some(it);
    }
    if let Some(w) = current.take() {
        words.push(w.0);
        boxes.push(w.1);
    }
    super::spaced::join_letter_spaced(&mut words, &mut boxes, settings);
    for (w, rb) in words.iter_mut().zip(&boxes) {
        w.bbox = rect_with(to_display, d, *rb);
    }
    (words, boxes)
}

/// Whether two glyphs or words side by side on a line, each given as its box and its clip,
/// lie on either side of a clip edge: one is partly clipped (it carries the clip of the region
/// it was drawn for, [`Glyph::clip`]) and the other's centre lies outside that clip. Text
/// overflowing a clipped spreadsheet cell touches the next cell's text; they are two words,
/// never one.
pub fn across_clip(a: (&Rect, Option<Rect>), b: (&Rect, Option<Rect>)) -> bool {
    let outside = |r: &Rect, clip: Option<Rect>| clip.is_some_and(|c| !c.contains(r.centre(), 0.0));
    a.1 != b.1 && (outside(b.0, a.1) || outside(a.0, b.1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geom::Pt;
    use std::sync::Arc;

    /// A 10 pt glyph 5 pt wide at `x` on the baseline `y`.
    fn g(text: &str, x: f64, y: f64) -> Glyph {
        Glyph {
            text: text.into(),
            bbox: Rect {
                x0: x,
                top: y - 9.5,
                x1: x + 5.0,
                bottom: y + 3.5,
            },
            origin: Pt::new(x, y),
            advance: 5.0,
            font: Arc::from("F"),
            size: 10.0,
            direction: Direction::Ltr,
            colour: None,
            invisible: false,
            clip: None,
        }
    }

    #[test]
    fn splits_on_spaces_and_gaps_and_orders_by_position() {
        // "ab cd" with an explicit space, then "ef" after a 3 pt gap (0.3 em > 0.1 em);
        // glyph "b" is drawn last in the stream, inside the gap left for it.
        let glyphs = vec![
            g("a", 0.0, 100.0),
            g(" ", 10.0, 100.0),
            g("c", 13.0, 100.0),
            g("d", 18.0, 100.0),
            g("e", 26.0, 100.0),
            g("f", 31.0, 100.0),
            g("b", 5.0, 100.0),
        ];
        let w = words(&glyphs, &Settings::default());
        let texts: Vec<&str> = w.iter().map(|w| w.text.as_str()).collect();
        assert_eq!(texts, ["ab", "cd", "ef"]);
        assert_eq!(
            w[1].bbox,
            Rect {
                x0: 13.0,
                top: 90.5,
                x1: 23.0,
                bottom: 103.5
            }
        );
    }

    #[test]
    fn lines_are_ordered_top_to_bottom_whatever_the_stream_order() {
        let glyphs = vec![g("z", 0.0, 200.0), g("y", 0.0, 100.0)];
        let w = words(&glyphs, &Settings::default());
        assert_eq!(
            w.iter().map(|w| w.text.as_str()).collect::<Vec<_>>(),
            ["y", "z"]
        );
    }

    #[test]
    fn a_raised_small_figure_starts_a_word_and_raised_letters_do_not() {
        let small = |text: &str, x: f64| Glyph {
            size: 6.5,
            origin: Pt::new(x, 97.0),
            ..g(text, x, 97.0)
        };
        // "6.3%" then a footnote mark "1"; "13" then a superscript "th".
        let glyphs = vec![
            g("%", 0.0, 100.0),
            small("1", 5.0),
            g(".", 8.0, 100.0),
            g("3", 30.0, 100.0),
            small("t", 35.0),
            small("h", 38.0),
        ];
        let w = words(&glyphs, &Settings::default());
        let texts: Vec<&str> = w.iter().map(|w| w.text.as_str()).collect();
        assert_eq!(texts, ["%", "1", ".", "3th"]);
    }

    #[test]
    fn text_cut_at_a_clip_edge_is_not_joined_to_the_next_cells_text() {
        // "ab" cut by its cell's clip at x = 9 touches "cd", drawn whole just past it.
        let cell = Rect {
            x0: 0.0,
            top: 80.0,
            x1: 9.0,
            bottom: 110.0,
        };
        let mut glyphs = vec![
            g("a", 0.0, 100.0),
            g("b", 5.0, 100.0),
            g("c", 10.0, 100.0),
            g("d", 15.0, 100.0),
        ];
        glyphs[1].clip = Some(cell);
        let w = words(&glyphs, &Settings::default());
        let texts: Vec<&str> = w.iter().map(|w| w.text.as_str()).collect();
        assert_eq!(texts, ["ab", "cd"]);
        // Glyphs cut by one clip stay one word.
        for gl in &mut glyphs {
            gl.clip = Some(Rect { x1: 17.0, ..cell });
        }
        assert_eq!(words(&glyphs, &Settings::default())[0].text, "abcd");
    }

    #[test]
    fn total_order_keys_sort_as_total_cmp_and_read_back() {
        let values = [
            f64::NEG_INFINITY,
            -1e300,
            -2.5,
            -0.0,
            0.0,
            1e-310,
            3.25,
            f64::INFINITY,
            f64::NAN,
            -f64::NAN,
        ];
        for a in values {
            assert_eq!(from_total_order(total_order(a)).to_bits(), a.to_bits());
            for b in values {
                assert_eq!(
                    total_order(a).cmp(&total_order(b)),
                    a.total_cmp(&b),
                    "{a} {b}"
                );
            }
        }
    }

    #[test]
    fn duplicate_glyphs_are_dropped() {
        let glyphs = vec![g("A", 0.0, 100.0), g("A", 0.2, 100.0), g("B", 5.0, 100.0)];
        assert_eq!(words(&glyphs, &Settings::default())[0].text, "AB");
    }
}
