//! Recommendations printed as a table ("Recommendation | Reason", "No. | Decision | Reason for
//! decision"): each recommendation is its own column's cell; the reason beside it is no part
//! of it, and a first column of numbers only numbers the rows. The table is found from its
//! header row: a few short column headings, one naming the recommendation or decision, each
//! in a column of its own.

use super::rows::Row;

/// The columns of a recommendation table, from its header row: left edges in points.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct RecTable {
    /// The left edge of the table's first column (a row further left is after the table).
    pub left: f64,
    /// Where the recommendation column starts and the column after it starts (or `None`
    /// when it is the last column).
    pub rec: (f64, Option<f64>),
    /// Whether a column before the recommendations numbers the rows.
    pub numbered: bool,
}

/// A recommendation cell's text on one row, and the row's number when the number column
/// holds one (a new row of the table).
#[derive(Debug, Clone, PartialEq)]
pub(super) struct RecCell {
    pub number: Option<String>,
    pub text: String,
}

/// Whether a column heading names the recommendation ("Recommendation", "Recommendations",
/// "Decision", "Proposed decision").
fn names_recommendation(heading: &str) -> bool {
    let l = heading.to_lowercase();
    let l = l.trim_end_matches([':', '.']);
    [
        "recommendation",
        "recommendations",
        "decision",
        "decisions",
        "proposed decision",
    ]
    .contains(&l)
}

/// The recommendation table whose header is `row`: two to four columns, each heading five
/// words or fewer, one naming the recommendation (at most one short heading before it, the
/// number column's "No." or "Ref"), another after it.
pub(super) fn header(row: &Row) -> Option<RecTable> {
    let segments = row.segments();
    if !(2..=4).contains(&segments.len()) || segments.iter().any(|s| s.len() > 5) {
        return None;
    }
    let texts: Vec<String> = segments.iter().map(|s| row.range_text(s.clone())).collect();
    let at = texts.iter().position(|t| names_recommendation(t))?;
    // Headings after it are words, not a value ("Recommendation | 1. That …", "Decision |
    // Approved.").
    let words_only = texts
        .iter()
        .skip(at + 1)
        .all(|t| !t.chars().any(|c| c.is_ascii_digit()) && !t.ends_with('.'));
    if at > 1 || at + 1 >= segments.len() || !words_only {
        return None;
    }
    let x = |i: usize| {
        segments
            .get(i)
            .and_then(|s| row.words.get(s.start))
            .map(|w| w.x0)
    };
    let numbered = at == 1 && segments.first().is_some_and(|s| s.len() <= 2);
    if at == 1 && !numbered {
        return None;
    }
    Some(RecTable {
        left: row.x0(),
        rec: (x(at)?, x(at + 1)),
        numbered,
    })
}

impl RecTable {
    /// The recommendation cell's words on `row` (`tolerance` in points), and the number the
    /// number column prints on it; `None` when the row stands left of the table (the table
    /// is over).
    pub fn cell(&self, row: &Row, tolerance: f64) -> Option<RecCell> {
        if row.x0() < self.left - tolerance {
            return None;
        }
        let (from, to) = self.rec;
        let in_rec = |x: f64| x >= from - tolerance && to.is_none_or(|t| x < t - tolerance);
        let words: Vec<&str> = row
            .words
            .iter()
            .filter(|w| in_rec(w.x0))
            .map(|w| w.text.as_str())
            .collect();
        let number = self
            .numbered
            .then(|| row.words.iter().find(|w| w.x0 < from - tolerance))
            .flatten()
            .map(|w| w.text.trim_end_matches('.').to_string())
            .filter(|t| !t.is_empty() && t.chars().all(|c| c.is_ascii_alphanumeric()));
        Some(RecCell {
            number,
            text: words.join(" "),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::rows::W;
    use super::*;

    fn row(words: &[(&str, f64, bool)]) -> Row {
        Row {
            aside: false,
            page: 1,
            top: 0.0,
            bottom: 10.0,
            baseline: 8.0,
            size: 10.0,
            words: words
                .iter()
                .map(|(t, x, seg)| W {
                    text: t.to_string(),
                    x0: *x,
                    x1: x + 6.0 * t.len() as f64,
                    bold: true,
                    italic: false,
                    size: 10.0,
                    new_seg: *seg,
                })
                .collect(),
        }
    }

    #[test]
    fn headers() {
        let two = row(&[("Recommendation", 72.0, false), ("Reason", 320.0, true)]);
        let t = header(&two);
        assert_eq!(
            t,
            Some(RecTable {
                left: 72.0,
                rec: (72.0, Some(320.0)),
                numbered: false
            })
        );
        let three = row(&[
            ("No.", 72.0, false),
            ("Decision", 110.0, true),
            ("Reason", 330.0, true),
            ("for", 366.0, false),
            ("decision", 384.0, false),
        ]);
        assert_eq!(
            header(&three).map(|t| (t.rec, t.numbered)),
            Some(((110.0, Some(330.0)), true))
        );
        // A value is no header; nor a heading alone.
        let value = row(&[("Recommendation", 72.0, false), ("1", 200.0, true)]);
        assert_eq!(header(&value), None);
        let approved = row(&[("Decision", 72.0, false), ("Approved.", 200.0, true)]);
        assert_eq!(header(&approved), None);
        assert_eq!(header(&row(&[("Recommendations", 72.0, false)])), None);
        let late = row(&[
            ("Ref", 72.0, false),
            ("Lead", 100.0, true),
            ("Decision", 200.0, true),
            ("Why", 300.0, true),
        ]);
        assert_eq!(header(&late), None);
    }

    #[test]
    fn cells() {
        let t = RecTable {
            left: 72.0,
            rec: (110.0, Some(330.0)),
            numbered: true,
        };
        let r = row(&[
            ("1", 74.0, false),
            ("Approve", 110.0, true),
            ("the", 150.0, false),
            ("plan", 170.0, false),
            ("To", 330.0, true),
            ("allow", 345.0, false),
        ]);
        assert_eq!(
            t.cell(&r, 4.0),
            Some(RecCell {
                number: Some("1".into()),
                text: "Approve the plan".into()
            })
        );
        let reason_only = row(&[("work", 330.0, false)]);
        assert_eq!(
            t.cell(&reason_only, 4.0),
            Some(RecCell {
                number: None,
                text: String::new()
            })
        );
        assert_eq!(t.cell(&row(&[("After", 50.0, false)]), 4.0), None);
    }
}
