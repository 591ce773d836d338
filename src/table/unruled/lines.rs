//! Words → text lines (baseline clusters) → segments (runs of words with no column-sized gap),
//! and the small text tests the detector uses (numbers, captions, list markers).

use crate::geom::Rect;
use crate::layout::Word;
use crate::pdf::Direction;

use crate::table::UnruledSettings;

/// A run of words on one line with no gap wider than `segment_gap_em` between them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Seg {
    /// Left edge.
    pub x0: f64,
    /// Right edge.
    pub x1: f64,
    /// First word (index into the line's `words`).
    pub start: usize,
    /// One past the last word.
    pub end: usize,
}

/// A text line: words sharing a baseline, left to right.
#[derive(Debug, Clone)]
pub(super) struct TLine {
    /// Indices into the page's word slice, left to right.
    pub words: Vec<usize>,
    /// The union of the word boxes.
    pub bbox: Rect,
    /// The median font size, points.
    pub size: f64,
    /// Its segments, left to right.
    pub segs: Vec<Seg>,
}

impl TLine {
    /// The height used for gap comparisons: the box height, at least half the font size.
    pub fn height(&self) -> f64 {
        self.bbox.height().max(0.5 * self.size).max(1.0)
    }

    /// The text of a segment, words joined by spaces.
    pub fn seg_text(&self, words: &[Word], s: &Seg) -> String {
        let mut out = String::new();
        for &wi in self.words.get(s.start..s.end).unwrap_or(&[]) {
            if let Some(w) = words.get(wi) {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(&w.text);
            }
        }
        out
    }

    /// The first word's text.
    pub fn first_text<'a>(&self, words: &'a [Word]) -> &'a str {
        self.words
            .first()
            .and_then(|&i| words.get(i))
            .map_or("", |w| w.text.as_str())
    }
}

/// Whether a word takes part in unruled-table finding: left-to-right text with a finite box
/// and some visible characters.
pub(super) fn usable(w: &Word) -> bool {
    w.direction == Direction::Ltr
        && w.bbox.is_finite()
        && w.baseline.is_finite()
        && w.size.is_finite()
        && w.bbox.x1 >= w.bbox.x0
        && w.bbox.bottom >= w.bbox.top
        && w.text.chars().any(|c| !c.is_whitespace())
        && !is_leader(&w.text)
}

/// Whether a word is only a dot leader ("........", ". . ."): it guides the eye across a
/// gutter and is no content.
pub(super) fn is_leader(text: &str) -> bool {
    // A word opening with a letter or figure is none, told before trimming.
    if text
        .as_bytes()
        .first()
        .is_some_and(u8::is_ascii_alphanumeric)
    {
        return false;
    }
    let t = text.trim();
    // Characters first: most words fail at their first.
    t.chars().all(|c| matches!(c, '.' | '·' | '…' | '_' | ' ')) && t.chars().count() >= 2
}

/// A word's text without a trailing dot leader ("Total........" → "Total").
pub(super) fn strip_leader(text: &str) -> Option<&str> {
    let t = text.trim_end_matches(['.', '…', '·']);
    (text.len() - t.len() >= 3 && !t.is_empty()).then_some(t)
}

/// Group the words `ids` (indices into `words`) into lines, top to bottom.
pub(super) fn build_lines(words: &[Word], ids: &[usize], u: &UnruledSettings) -> Vec<TLine> {
    let mut order: Vec<usize> = Vec::with_capacity(ids.len());
    order.extend(
        ids.iter()
            .copied()
            .filter(|&i| words.get(i).is_some_and(usable)),
    );
    order.sort_by(|&a, &b| {
        let (wa, wb) = (&words[a], &words[b]);
        wa.baseline
            .total_cmp(&wb.baseline)
            .then(wa.bbox.x0.total_cmp(&wb.bbox.x0))
    });
    let mut out = Vec::new();
    let mut start = 0;
    while start < order.len() {
        let first = &words[order[start]];
        let tol = u.line_baseline_em * first.size.max(1.0);
        let mut end = start + 1;
        while end < order.len() && (words[order[end]].baseline - first.baseline).abs() <= tol {
            end += 1;
        }
        let mut ws: Vec<usize> = order[start..end].to_vec();
        // A line on one baseline is in order already (`order` is sorted by left edge next).
        if !ws.is_sorted_by(|&a, &b| words[a].bbox.x0.total_cmp(&words[b].bbox.x0).is_le()) {
            ws.sort_by(|&a, &b| words[a].bbox.x0.total_cmp(&words[b].bbox.x0));
        }
        if let Some(line) = make_line(words, ws, u) {
            out.push(line);
        }
        start = end;
    }
    out.sort_by(|a, b| a.bbox.top.total_cmp(&b.bbox.top));
    out
}

fn make_line(words: &[Word], ws: Vec<usize>, u: &UnruledSettings) -> Option<TLine> {
    let bbox = ws
        .iter()
        .filter_map(|&i| words.get(i))
        .map(|w| w.bbox)
        .reduce(|a, b| a.union(&b))?;
    let mut sizes: Vec<f64> = ws
        .iter()
        .filter_map(|&i| words.get(i))
        .map(|w| w.size)
        .collect();
    sizes.sort_by(f64::total_cmp);
    let size = sizes.get(sizes.len() / 2).copied().unwrap_or(10.0).max(1.0);
    let mut segs: Vec<Seg> = Vec::new();
    for (k, &wi) in ws.iter().enumerate() {
        let Some(w) = words.get(wi) else { continue };
        match segs.last_mut() {
            Some(s) if w.bbox.x0 - s.x1 <= u.segment_gap_em * size => {
                s.x1 = s.x1.max(w.bbox.x1);
                s.end = k + 1;
            }
            _ => segs.push(Seg {
                x0: w.bbox.x0,
                x1: w.bbox.x1,
                start: k,
                end: k + 1,
            }),
        }
    }
    Some(TLine {
        words: ws,
        bbox,
        size,
        segs,
    })
}

/// Whether a cell text reads as a number or a numeric code: digits with separators, signs,
/// currency, percent, brackets, or a placeholder dash ("—", "-", "n/a", "†").
pub(crate) fn is_numeric(text: &str) -> bool {
    let t = text.trim();
    if t.is_empty() {
        return false;
    }
    if matches!(
        t,
        "-" | "–"
            | "—"
            | "‒"
            | "−"
            | "†"
            | "‡"
            | "#"
            | "*"
            | "**"
            | "n/a"
            | "N/A"
            | "na"
            | "NA"
            | "x"
            | "."
            | ".."
            | "..."
            | "…"
            | ":"
            | "(NA)"
            | "(X)"
            | "(Z)"
            | "(D)"
            | "(S)"
            | "Z"
            | "(B)"
    ) {
        return true;
    }
    let digits = t.chars().filter(char::is_ascii_digit).count();
    let letters = t.chars().filter(|c| c.is_alphabetic()).count();
    digits > 0 && letters <= 2 && digits * 2 >= t.chars().filter(|c| !c.is_whitespace()).count() / 2
}

/// Whether a line starts a caption or a note, which ends (or precedes) a table.
pub(super) fn is_caption_start(text: &str) -> bool {
    let first = text.split_whitespace().next().unwrap_or("");
    let lower = first.to_lowercase();
    let word = lower.trim_end_matches([':', '.', ',']);
    matches!(
        word,
        "table"
            | "figure"
            | "fig"
            | "chart"
            | "graph"
            | "exhibit"
            | "box"
            | "source"
            | "sources"
            | "note"
            | "notes"
    )
}

/// Whether a segment is a footnote mark: "*", "**", "†", "‡", "#", "§", a lone letter or a
/// one- or two-digit number.
pub(super) fn is_note_mark(text: &str) -> bool {
    let t = text.trim();
    matches!(
        t,
        "*" | "**" | "***" | "†" | "‡" | "#" | "§" | "¹" | "²" | "³"
    ) || (t.chars().count() == 1 && t.chars().all(|c| c.is_ascii_lowercase()))
        || (!t.is_empty() && t.len() <= 2 && t.chars().all(|c| c.is_ascii_digit()))
}

/// Whether a word is a note mark that cannot be a row's own text: "*", "**", "***", "†",
/// "‡" (a letter or a number may be a reference).
pub(super) fn is_symbol_note_mark(text: &str) -> bool {
    matches!(text.trim(), "*" | "**" | "***" | "†" | "‡")
}

/// Whether a segment is a list marker: a bullet, or a short enumerator such as "1.", "(a)",
/// "iv)", "2.3".
pub(super) fn is_list_marker(text: &str) -> bool {
    let t = text.trim();
    if t.is_empty() || t.chars().count() > 6 {
        return false;
    }
    const BULLETS: &[&str] = &[
        "•", "▪", "◦", "●", "■", "○", "➢", "►", "‣", "∙", "·", "-", "–", "—", "*", "o", "", "",
    ];
    if BULLETS.contains(&t) {
        return true;
    }
    // Section numbers: "1.1", "2.3.4", "3.".
    let mut parts = t.trim_end_matches('.').split('.');
    let section = t.contains('.')
        && parts.all(|p| (1..=2).contains(&p.len()) && p.chars().all(|c| c.is_ascii_digit()));
    if section {
        return true;
    }
    let inner = t.trim_start_matches('(');
    let closed = inner.ends_with('.') || inner.ends_with(')');
    let core = inner.trim_end_matches(['.', ')']);
    closed
        && !core.is_empty()
        && (core.chars().all(|c| c.is_ascii_digit() || c == '.')
            || (core.chars().count() <= 4 && core.chars().all(|c| c.is_ascii_alphabetic())))
}

/// Whether a word is an item label of a list inside a cell: an enumerator closed by a
/// bracket ("a)", "(b)", "iv)", "2)") or a letter and a stop ("a."). Section numbers ("1.1",
/// "3.") are left out: a column of them is a table's reference column.
pub(crate) fn is_item_label(text: &str) -> bool {
    let t = text.trim();
    // Every label ends in ")" or "." (the tests below ask for one or the other): most words
    // are turned away here.
    if !t.ends_with([')', '.']) {
        return false;
    }
    let lettered = t
        .strip_suffix('.')
        .is_some_and(|c| c.chars().count() == 1 && c.chars().all(|c| c.is_ascii_alphabetic()));
    // What the bracket closes: a letter or roman numeral, or a count of one or two digits (a
    // figure in brackets, "(35.2)", is a number, not a label).
    let core = t.trim_start_matches('(').trim_end_matches(')');
    let enumerator = (1..=4).contains(&core.chars().count())
        && (core.chars().all(|c| c.is_ascii_alphabetic())
            || (core.len() <= 2 && core.chars().all(|c| c.is_ascii_digit())));
    is_list_marker(t) && ((t.ends_with(')') && enumerator) || lettered)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_markers() {
        assert!(is_numeric("1,234"));
        assert!(is_numeric("(12.5–13.1)"));
        assert!(is_numeric("$33,200"));
        assert!(is_numeric("—"));
        assert!(is_numeric("45.1%"));
        assert!(!is_numeric("Total"));
        assert!(!is_numeric("2007 estimates of population"));
        assert!(is_list_marker("1."));
        assert!(is_list_marker("(a)"));
        assert!(is_list_marker("•"));
        assert!(is_list_marker("iv)"));
        assert!(!is_list_marker("1,234"));
        assert!(is_list_marker("2.3"));
        assert!(is_list_marker("4.1.2"));
        assert!(!is_list_marker("250"));
        assert!(!is_list_marker("123.4"));
        assert!(!is_list_marker("Total"));
        assert!(is_item_label("a)") && is_item_label("(iv)") && is_item_label("b."));
        assert!(!is_item_label("1.1") && !is_item_label("3.") && !is_item_label("•"));
        assert!(is_item_label("12)") && !is_item_label("(35.2)") && !is_item_label("(120)"));
        assert!(is_leader("........"));
        assert!(!is_leader("."));
        assert!(!is_leader("1.5"));
        assert_eq!(strip_leader("Total......"), Some("Total"));
        assert_eq!(strip_leader("etc."), None);
        assert!(is_caption_start("Table 4. Among"));
        assert!(is_caption_start("SOURCE: U.S."));
        assert!(!is_caption_start("Tables and chairs"));
    }
}
