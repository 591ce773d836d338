//! Dot leaders: the row of dots a word processor prints across a tab stop to lead the eye to
//! what stands after it ("Interment – adult ........ 865.00" in a list of charges set with tab
//! stops, "Introduction .......... 3" on a contents page). The dots are set solid against the
//! text on both sides, so read glyph by glyph they join a label and its figure into one word,
//! and the figure never reaches its column. A reader does not read them: they are a tab's white
//! space printed as dots.
//!
//! A leader is a run of at least [`Settings::leader_min_dots`] dot glyphs ("." or the one-, two-
//! and three-dot leaders "․", "‥", "…", counted by their dots) side by side on one line, each
//! within [`Settings::leader_step_em`] of the one before (white space between them is let pass:
//! spaced leaders ". . . ."). Its glyphs are not part of any word, so the words on either side
//! stand apart by the width the leader filled. An ellipsis ("…", "...") is shorter than a
//! leader and stays in its word.

use super::Settings;

/// What a glyph is to a leader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Dot {
    /// A dot glyph of this many dots.
    Dots(usize),
    /// White space.
    Blank,
    /// Anything else.
    Other,
}

/// Whether `text` may be a dot glyph, told at its first byte: "." or the first byte of the
/// UTF-8 of "·" (C2) and of "․", "‥", "…" (E2). A line with fewer than two is no leader.
#[inline]
pub(super) fn may_be_dot(text: &str) -> bool {
    matches!(text.as_bytes().first(), Some(b'.' | 0xC2 | 0xE2))
}

/// What the glyph of text `text` is to a leader.
pub(super) fn dot(text: &str) -> Dot {
    // Most glyphs are letters or figures: told at their first byte.
    if text
        .as_bytes()
        .first()
        .is_some_and(|b| b.is_ascii_alphanumeric())
    {
        return Dot::Other;
    }
    match text {
        "." | "\u{2024}" | "\u{00B7}" => Dot::Dots(1),
        "\u{2025}" => Dot::Dots(2),
        "\u{2026}" => Dot::Dots(3),
        t if !t.is_empty() && t.chars().all(char::is_whitespace) => Dot::Blank,
        _ => Dot::Other,
    }
}

/// Which of a line's glyphs, given left to right as ([`dot`] of its text, left, right, size),
/// belong to a leader; `None` when none do (most lines), at the cost of one look at each glyph.
pub(super) fn leader_glyphs<T>(
    line: &[T],
    glyph: impl Fn(&T) -> (Dot, f64, f64, f64),
    settings: &Settings,
) -> Option<Vec<bool>> {
    let count = |d: Dot| match d {
        Dot::Dots(n) => n,
        _ => 0,
    };
    let mut total = 0;
    for g in line {
        total += count(glyph(g).0);
        if total >= settings.leader_min_dots {
            break;
        }
    }
    if total < settings.leader_min_dots {
        return None;
    }
    let mut mask = vec![false; line.len()];
    let mut found = false;
    // The run being read: its first glyph, its last dot glyph, its dots, its right edge.
    let mut run: Option<(usize, usize, usize, f64)> = None;
    let mut close = |run: Option<(usize, usize, usize, f64)>, mask: &mut Vec<bool>| {
        if let Some((first, last, n, _)) = run {
            if n >= settings.leader_min_dots {
                for m in mask.iter_mut().take(last + 1).skip(first) {
                    *m = true;
                }
                found = true;
            }
        }
    };
    for (i, g) in line.iter().enumerate() {
        let (kind, left, right, size) = glyph(g);
        match kind {
            Dot::Dots(n) => {
                let step = settings.leader_step_em * size.max(1.0);
                run = match run {
                    Some((first, _, count, edge)) if left - edge <= step => {
                        Some((first, i, count + n, right))
                    }
                    other => {
                        close(other, &mut mask);
                        Some((i, i, n, right))
                    }
                };
            }
            Dot::Blank => {}
            Dot::Other => {
                close(run.take(), &mut mask);
            }
        }
    }
    close(run, &mut mask);
    found.then_some(mask)
}

/// Whether a word is a dot leader ([`leader_glyphs`] makes each leader a word of its own):
/// dots only, at least [`Settings::leader_min_dots`] of them.
pub(super) fn is_leader(text: &str, settings: &Settings) -> bool {
    if !may_be_dot(text) {
        return false;
    }
    let mut n = 0;
    for c in text.chars() {
        match dot(c.encode_utf8(&mut [0; 4])) {
            Dot::Dots(d) => n += d,
            Dot::Blank => {}
            Dot::Other => return false,
        }
    }
    n >= settings.leader_min_dots
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A line of one-character glyphs 3 pt wide, set solid from x = 0, size 10.
    fn solid(text: &str) -> Vec<(String, f64, f64, f64)> {
        text.chars()
            .enumerate()
            .map(|(i, c)| (c.to_string(), i as f64 * 3.0, i as f64 * 3.0 + 3.0, 10.0))
            .collect()
    }

    fn marked(text: &str) -> String {
        let line = solid(text);
        let mask = leader_glyphs(&line, |g| (dot(&g.0), g.1, g.2, g.3), &Settings::default());
        line.iter()
            .enumerate()
            .map(|(i, g)| match &mask {
                Some(m) if m.get(i) == Some(&true) => "_".to_string(),
                _ => g.0.clone(),
            })
            .collect()
    }

    #[test]
    fn a_run_of_dots_between_a_label_and_its_figure_is_a_leader() {
        assert_eq!(marked("adult........865.00"), "adult________865.00");
        assert_eq!(
            marked("Introduction . . . . . 3"),
            "Introduction _________ 3"
        );
    }

    #[test]
    fn ellipses_figures_and_references_are_not_leaders() {
        for text in ["wait... and see", "1.1.1", "3.14", "etc.", "a.b.c.d"] {
            assert_eq!(marked(text), text);
        }
    }
}
