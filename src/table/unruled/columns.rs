//! Column gutters: vertical strips of white space that run through the body of a table.

/// A vertical strip free of text, `[x0, x1]` in points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Gutter {
    /// Left edge (the right edge of the text before it).
    pub x0: f64,
    /// Right edge (the left edge of the text after it).
    pub x1: f64,
    /// A vertical rule runs down it: words on either side are in different columns however
    /// close.
    pub ruled: bool,
}

impl Gutter {
    /// The middle of the strip, used as the column boundary.
    pub fn mid(&self) -> f64 {
        0.5 * (self.x0 + self.x1)
    }
}

/// Interior gutters of a set of text lines, each given as its word intervals `[x0, x1]`:
/// maximal x-ranges at least `min_width` wide, between the leftmost and rightmost text, that
/// at most `max_crossing` lines cover.
///
/// A sweep over interval ends: O(n log n) in the number of intervals.
pub(super) fn gutters(
    lines: &[Vec<(f64, f64)>],
    min_width: f64,
    max_crossing: usize,
) -> Vec<Gutter> {
    // Per line, merge its intervals so a line counts once where its words overlap.
    let mut events: Vec<(f64, i32)> = Vec::new();
    for l in lines {
        let mut iv: Vec<(f64, f64)> = l
            .iter()
            .copied()
            .filter(|(a, b)| a.is_finite() && b.is_finite() && b >= a)
            .collect();
        iv.sort_by(|a, b| a.0.total_cmp(&b.0));
        let mut merged: Vec<(f64, f64)> = Vec::new();
        for (a, b) in iv {
            match merged.last_mut() {
                Some(last) if a <= last.1 => last.1 = last.1.max(b),
                _ => merged.push((a, b)),
            }
        }
        for (a, b) in merged {
            events.push((a, 1));
            events.push((b, -1));
        }
    }
    if events.is_empty() {
        return Vec::new();
    }
    // Ends before starts at the same x, so touching words leave no gap.
    events.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut open: Option<f64> = None;
    let limit = i32::try_from(max_crossing).unwrap_or(i32::MAX);
    let mut seen_text = false;
    for (x, d) in events {
        let before = depth;
        depth += d;
        if before > limit && depth <= limit && seen_text {
            open = Some(x);
        } else if before <= limit && depth > limit {
            if let Some(x0) = open.take() {
                if x - x0 >= min_width {
                    out.push(Gutter {
                        x0,
                        x1: x,
                        ruled: false,
                    });
                }
            }
        }
        if depth > limit {
            seen_text = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gutter_between_aligned_columns() {
        let lines = vec![
            vec![(0.0, 40.0), (60.0, 80.0)],
            vec![(0.0, 30.0), (65.0, 80.0)],
            vec![(0.0, 45.0), (62.0, 80.0)],
        ];
        let g = gutters(&lines, 2.0, 0);
        assert_eq!(
            g,
            vec![Gutter {
                x0: 45.0,
                x1: 60.0,
                ruled: false
            }]
        );
    }

    #[test]
    fn crossing_line_closes_gutter_unless_tolerated() {
        let lines = vec![
            vec![(0.0, 40.0), (60.0, 80.0)],
            vec![(0.0, 80.0)],
            vec![(0.0, 45.0), (62.0, 80.0)],
        ];
        assert!(gutters(&lines, 2.0, 0).is_empty());
        assert_eq!(
            gutters(&lines, 2.0, 1),
            vec![Gutter {
                x0: 45.0,
                x1: 60.0,
                ruled: false
            }]
        );
    }

    #[test]
    fn narrow_gaps_are_not_gutters() {
        let lines = vec![vec![(0.0, 40.0), (41.0, 80.0)]];
        assert!(gutters(&lines, 2.0, 0).is_empty());
    }
}
