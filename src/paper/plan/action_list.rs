//! An action column whose header names the milestones too ("Action and key milestones",
//! "Actions / milestones") with no milestone column beside it: each cell prints the action
//! as its first paragraph and the milestones as a list under it ("• Landlord liaison officer
//! in post (May 2025) – Complete"). The header says the list is the milestones, so the list
//! items are not part of the action's text.

use super::columns::{words, Col, Columns};
use super::rag::At;
use super::text;
use crate::table::Cell;

/// Header words naming the milestones.
const MILESTONE_WORDS: &[&str] = &["milestone", "milestones"];

/// Mark the columns when the action column's header names the milestones and no other column
/// holds them.
pub fn mark(cols: &mut Columns) {
    if cols.first(Col::Milestones).is_some() {
        return;
    }
    let Some(c) = cols.first(Col::Action).and_then(|a| cols.list.get_mut(a)) else {
        return;
    };
    let named = words(&c.heading)
        .iter()
        .any(|w| MILESTONE_WORDS.contains(&w.as_str()));
    if named {
        c.evidence = format!(
            "{}; the header names the milestones too: the cell's list items are its milestones",
            c.evidence
        );
        cols.milestones_in_action = true;
    }
}

/// An action cell read as its action and its milestones.
#[derive(Debug, Clone, PartialEq)]
pub struct Split {
    /// The paragraphs before the list, joined by "\n".
    pub action: String,
    /// Each list item's text (label dropped, lines joined) and where it is printed.
    pub items: Vec<(String, At)>,
}

/// Split an action cell into the text before its list and the list's items: a bulleted
/// paragraph, or a line opening with a list label ("1. ", "a) "), starts an item; a line
/// with neither carries on the item before it. `None` when the cell has no list under text
/// (an action printed alone, or a cell that is all list).
pub fn split(c: &Cell) -> Option<Split> {
    let mut action: Vec<(String, At)> = Vec::new();
    let mut items: Vec<(String, At)> = Vec::new();
    for p in &c.paragraphs {
        for (k, l) in p.lines.iter().enumerate() {
            let t = l.text.trim();
            if t.is_empty() {
                continue;
            }
            let at = Some((l.page, l.bbox.top, l.bbox.height()));
            let bulleted = k == 0 && p.bullet;
            let t = if bulleted { text::unbulleted(t) } else { t };
            let label = text::list_label(t);
            if bulleted || label.is_some() {
                items.push((label.unwrap_or(t).trim().to_string(), at));
            } else if let Some((last, _)) = items.last_mut() {
                if k == 0 {
                    // A paragraph after the list with no bullet: text of its own, no item.
                    return None;
                }
                crate::table::join_line(last, t);
            } else if k == 0 || action.is_empty() {
                action.push((t.to_string(), at));
            } else if let Some((last, _)) = action.last_mut() {
                crate::table::join_line(last, t);
            }
        }
    }
    (!action.is_empty() && !items.is_empty()).then(|| Split {
        action: action
            .into_iter()
            .map(|(t, _)| t)
            .collect::<Vec<_>>()
            .join("\n"),
        items,
    })
}

/// A cell with no list read from its entries (paragraphs, split where a line was broken by
/// hand): the first is the action, and the rest its milestones when each carries a date.
pub fn dated_entries(
    mut entries: Vec<(String, At)>,
    dated: &dyn Fn(&str) -> bool,
) -> Option<Split> {
    if entries.len() < 2 || !entries.iter().skip(1).all(|(t, _)| dated(t)) {
        return None;
    }
    let items = entries.split_off(1);
    let action = entries.into_iter().next()?.0;
    Some(Split { action, items })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geom::Rect;
    use crate::table::{CellLine, Paragraph};

    fn para(lines: &[&str], bullet: bool, top: f64) -> Paragraph {
        Paragraph {
            text: lines.join(" "),
            bullet,
            fill: None,
            lines: lines
                .iter()
                .enumerate()
                .map(|(k, s)| CellLine {
                    text: s.to_string(),
                    page: 1,
                    bbox: Rect {
                        x0: 10.0,
                        top: top + 12.0 * k as f64,
                        x1: 200.0,
                        bottom: top + 12.0 * k as f64 + 10.0,
                    },
                    bold: false,
                })
                .collect(),
        }
    }

    #[test]
    fn entries_each_dated_under_the_action_are_its_milestones() {
        let e = |t: &str| (t.to_string(), None);
        let dated = |t: &str| t.contains("2025");
        let s = dated_entries(
            vec![
                e("Open a repair café"),
                e("Volunteers recruited – June 2025"),
                e("First café opens – October 2025"),
            ],
            &dated,
        )
        .expect("dated entries under the action");
        assert_eq!(s.action, "Open a repair café");
        assert_eq!(s.items.len(), 2);
        // An undated entry after the first is more of the action; one entry is the action.
        let more = vec![
            e("Open a repair café"),
            e("with the town's repair group"),
            e("First café opens – October 2025"),
        ];
        assert_eq!(dated_entries(more, &dated), None);
        assert_eq!(dated_entries(vec![e("Open a repair café")], &dated), None);
    }

    #[test]
    fn the_first_paragraph_is_the_action_and_the_bullets_its_milestones() {
        let mut c = crate::table::text_cell(1, 1, 1, "");
        c.paragraphs = vec![
            para(&["Open a repair café in each", "market town"], false, 100.0),
            para(
                &["Volunteers recruited (June 2025) –", "Complete"],
                true,
                130.0,
            ),
            para(&["\u{2022} First café opens (October 2025)"], true, 160.0),
        ];
        // A typed bullet glyph left on the line is no part of the item.
        let s = split(&c).expect("a list under the action");
        assert_eq!(s.action, "Open a repair café in each market town");
        let texts: Vec<&str> = s.items.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Volunteers recruited (June 2025) – Complete",
                "First café opens (October 2025)"
            ]
        );
        // Labelled lines in one paragraph are items too.
        c.paragraphs = vec![para(
            &[
                "Open a repair café",
                "1. Volunteers recruited",
                "2. First café opens",
            ],
            false,
            100.0,
        )];
        let s = split(&c).expect("a numbered list under the action");
        assert_eq!(s.action, "Open a repair café");
        assert_eq!(s.items.len(), 2);
        // An action alone, or text after the list, is no split.
        c.paragraphs = vec![para(&["Open a repair café"], false, 100.0)];
        assert_eq!(split(&c), None);
        c.paragraphs = vec![
            para(&["Open a repair café"], false, 100.0),
            para(&["Volunteers recruited"], true, 130.0),
            para(&["Funded by the shared prosperity fund."], false, 160.0),
        ];
        assert_eq!(split(&c), None);
    }
}
