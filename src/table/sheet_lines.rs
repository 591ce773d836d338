//! Printed lines of a part of a ruled grid, for the steps that read a spreadsheet's unruled
//! columns and rows inside its ruled groups ([`super::group_columns`], [`super::line_rows`]).

use super::Settings;
use crate::layout::Word;

/// One printed line: words on one baseline, left to right.
#[derive(Debug, Clone)]
pub(super) struct SheetLine<'a> {
    /// Its words, left to right.
    pub words: Vec<&'a Word>,
    /// Top of its highest word.
    pub top: f64,
    /// Bottom of its lowest word.
    pub bottom: f64,
    /// The first word's baseline.
    pub baseline: f64,
    /// The largest font size on it (points).
    pub size: f64,
    /// Left edge.
    pub x0: f64,
    /// Right edge.
    pub x1: f64,
}

impl SheetLine<'_> {
    /// The words joined by spaces.
    pub fn text(&self) -> String {
        let mut s = String::new();
        for (i, w) in self.words.iter().enumerate() {
            if i > 0 {
                s.push(' ');
            }
            s.push_str(&w.text);
        }
        s
    }

    /// Whether the line is one figure ([`super::sub_rows::is_figure`]).
    pub fn figure(&self) -> bool {
        super::sub_rows::is_figure(&self.text())
    }

    /// Its segments: runs of words less than a column's gap apart, as (left, right) edges.
    pub fn segments(&self, s: &Settings) -> Vec<(f64, f64)> {
        let mut out: Vec<(f64, f64)> = Vec::new();
        for w in &self.words {
            let gap = s.alignment.segment_gap_em * w.size.max(1.0);
            match out.last_mut() {
                Some(seg) if w.bbox.x0 - seg.1 < gap => seg.1 = seg.1.max(w.bbox.x1),
                _ => out.push((w.bbox.x0, w.bbox.x1)),
            }
        }
        out
    }
}

/// `words` grouped into lines by baseline, top to bottom (each line's words left to right).
pub(super) fn lines<'a>(words: &[&'a Word], s: &Settings) -> Vec<SheetLine<'a>> {
    let mut ws: Vec<&Word> = words.to_vec();
    ws.sort_by(|a, b| a.baseline.total_cmp(&b.baseline));
    let mut out: Vec<SheetLine> = Vec::new();
    for w in ws {
        let tol = s.cell_line_baseline_em * w.size.max(1.0);
        match out.last_mut() {
            Some(l) if (w.baseline - l.baseline).abs() <= tol => {
                l.top = l.top.min(w.bbox.top);
                l.bottom = l.bottom.max(w.bbox.bottom);
                l.size = l.size.max(w.size);
                l.x0 = l.x0.min(w.bbox.x0);
                l.x1 = l.x1.max(w.bbox.x1);
                l.words.push(w);
            }
            _ => out.push(SheetLine {
                words: vec![w],
                top: w.bbox.top,
                bottom: w.bbox.bottom,
                baseline: w.baseline,
                size: w.size,
                x0: w.bbox.x0,
                x1: w.bbox.x1,
            }),
        }
    }
    for l in &mut out {
        l.words.sort_by(|a, b| a.bbox.x0.total_cmp(&b.bbox.x0));
    }
    out
}
