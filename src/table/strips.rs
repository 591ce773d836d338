//! Gradient strips → fills. Spreadsheet exports draw a gradient cell fill as a stack of thin
//! filled rectangles, one per colour step, each thinner than a rule; read one by one they are
//! rules, and a shaded cell becomes dozens of one-strip rows. A stack of such strips side by
//! side, with the same extent, is an area: each strip becomes a fill again, and a cell over the
//! stack takes the colour behind its text's top ([`super::cells::cell_fill`]).

use crate::geom::Rect;
use crate::pdf::{Fill, FillShape, PagePrimitives, Rule, RuleSource};

use super::Settings;

/// A thin fill read as a rule, as its rectangle: (index in the page's rules, its box, whether
/// it lies along x).
fn strip_box(i: usize, r: &Rule, s: &Settings) -> Option<(usize, Rect, bool)> {
    if r.source != RuleSource::ThinFill || r.colour.is_none() {
        return None;
    }
    let h = r.is_horizontal(s.axis_tolerance);
    if !h && !r.is_vertical(s.axis_tolerance) {
        return None;
    }
    let half = 0.5 * r.width;
    let b = if h {
        Rect {
            x0: r.p0.x.min(r.p1.x),
            top: 0.5 * (r.p0.y + r.p1.y) - half,
            x1: r.p0.x.max(r.p1.x),
            bottom: 0.5 * (r.p0.y + r.p1.y) + half,
        }
    } else {
        Rect {
            x0: 0.5 * (r.p0.x + r.p1.x) - half,
            top: r.p0.y.min(r.p1.y),
            x1: 0.5 * (r.p0.x + r.p1.x) + half,
            bottom: r.p0.y.max(r.p1.y),
        }
    };
    b.is_finite().then_some((i, b, h))
}

/// The page with its stacks of strips as fills instead of rules, or `None` when it has none
/// (the common case: no copy is made).
pub fn as_fills(page: &PagePrimitives, s: &Settings) -> Option<PagePrimitives> {
    let mut boxes: Vec<(usize, Rect, bool)> = page
        .rules
        .iter()
        .enumerate()
        .filter_map(|(i, r)| strip_box(i, r, s))
        .collect();
    if boxes.len() < s.strip_min_count {
        return None;
    }
    // Along-axis extent quantised to the snap tolerance, then position across.
    let q = |v: f64| (v / s.snap_tolerance.max(0.01)).round() as i64;
    let key = |b: &(usize, Rect, bool)| {
        let (r, h) = (b.1, b.2);
        if h {
            (h, q(r.x0), q(r.x1), r.top)
        } else {
            (h, q(r.top), q(r.bottom), r.x0)
        }
    };
    boxes.sort_by(|a, b| {
        let (ka, kb) = (key(a), key(b));
        (ka.0, ka.1, ka.2)
            .cmp(&(kb.0, kb.1, kb.2))
            .then(ka.3.total_cmp(&kb.3))
    });
    let mut is_strip = vec![false; page.rules.len()];
    let mut fills = Vec::new();
    let mut i = 0;
    while i < boxes.len() {
        let mut j = i + 1;
        while let (Some(a), Some(b)) = (boxes.get(j - 1), boxes.get(j)) {
            let (ka, kb) = (key(a), key(b));
            let gap = if a.2 {
                b.1.top - a.1.bottom
            } else {
                b.1.x0 - a.1.x1
            };
            if (ka.0, ka.1, ka.2) != (kb.0, kb.1, kb.2) || gap > s.strip_gap {
                break;
            }
            j += 1;
        }
        let run = boxes.get(i..j).unwrap_or(&[]);
        let across = |b: &Rect, h: bool| if h { b.height() } else { b.width() };
        let extent: f64 = run.iter().map(|(_, b, h)| across(b, *h)).sum();
        if run.len() >= s.strip_min_count && extent >= s.strip_min_extent {
            for (k, b, _) in run {
                if let Some(v) = is_strip.get_mut(*k) {
                    *v = true;
                }
                fills.push(Fill {
                    rect: *b,
                    colour: page.rules.get(*k).and_then(|r| r.colour),
                    shape: FillShape::Rect,
                });
            }
        }
        i = j;
    }
    if fills.is_empty() {
        return None;
    }
    let mut out = page.clone();
    out.rules = page
        .rules
        .iter()
        .zip(&is_strip)
        .filter(|(_, s)| !**s)
        .map(|(r, _)| r.clone())
        .collect();
    out.fills.extend(fills);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geom::Pt;
    use crate::pdf::{Colour, PageInfo};

    fn thin(y: f64, width: f64, grey: u8) -> Rule {
        Rule {
            p0: Pt::new(10.0, y),
            p1: Pt::new(110.0, y),
            width,
            colour: Some(Colour {
                r: grey,
                g: grey,
                b: grey,
            }),
            source: RuleSource::ThinFill,
        }
    }

    fn page(rules: Vec<Rule>) -> PagePrimitives {
        PagePrimitives {
            info: PageInfo {
                number: 1,
                width: 200.0,
                height: 200.0,
                rotation: 0,
            },
            glyphs: Vec::new(),
            rules,
            fills: Vec::new(),
            images: Vec::new(),
            warnings: Vec::new(),
        }
    }

    #[test]
    fn a_stack_of_strips_becomes_fills_and_double_rules_stay() {
        let s = Settings::default();
        // Ten 0.8 pt strips from y = 20 down, touching; a double rule (two 0.5 pt lines 2 pt
        // apart) at y = 100; three touching 0.5 pt lines (1.5 pt across, under the extent).
        let mut rules: Vec<Rule> = (0..10)
            .map(|k| thin(20.4 + 0.8 * k as f64, 0.8, 200 - 5 * k as u8))
            .collect();
        rules.push(thin(100.0, 0.5, 0));
        rules.push(thin(102.5, 0.5, 0));
        for k in 0..3 {
            rules.push(thin(150.0 + 0.5 * k as f64, 0.5, 0));
        }
        let out = as_fills(&page(rules), &s).expect("the stack is found");
        assert_eq!(out.fills.len(), 10);
        assert_eq!(out.rules.len(), 5);
        let first = out.fills.first().map(|f| (f.rect.top, f.rect.bottom));
        assert!(first.is_some_and(|(t, b)| (t - 20.0).abs() < 1e-9 && (b - 20.8).abs() < 1e-9));
        // Without a stack the page is left as it is.
        assert!(as_fills(&page(vec![thin(100.0, 0.5, 0), thin(102.5, 0.5, 0)]), &s).is_none());
    }
}
