//! Milestones printed in one column per period: "Q1 (Apr–Jun) | Q2 (Jul–Sep) | …",
//! "Q1 2025/26 | Q2 2025/26 | …" or months, with or without a heading spanning them. Each
//! filled cell is one milestone of the row's action, read in column order.
//!
//! Columns of ratings only ("G", "Amber") are ratings by period, not milestones: they are
//! left to the RAG reading.

use super::columns::{whole_header_role, words, Col, Columns};
use super::text;
use crate::table::Table;

/// Whether a heading names a period alone: a quarter ("Q1", "Quarter 2", "Q3 2025/26",
/// "Q1 (Apr–Jun)"), a month or a span of months ("Apr–Jun", "June 2026"), a year
/// ("2025/26").
pub fn is_period(heading: &str) -> bool {
    let h = text::collapse(heading).to_lowercase();
    // The last word of a spanning parent's heading and its sub-heading ("Progress Q1").
    let own = h.rsplit_once(' ').map_or(h.as_str(), |(_, w)| w);
    let quarter = |s: &str| {
        let s = s.trim();
        let (label, rest) = s.split_once(' ').unwrap_or((s, ""));
        let q = matches!(label, "q1" | "q2" | "q3" | "q4")
            || s.starts_with("quarter 1")
            || s.starts_with("quarter 2")
            || s.starts_with("quarter 3")
            || s.starts_with("quarter 4");
        q && (rest.is_empty()
            || rest.starts_with('(')
            || text::is_date(rest)
            || rest
                .chars()
                .all(|c| c.is_ascii_digit() || c == '/' || c == '-'))
    };
    quarter(&h) || quarter(own) || (!h.is_empty() && text::is_date(&h))
}

/// Give the milestone role to two or more side-by-side period columns no role was found for,
/// when the plan has no milestone column of its own and their cells are not ratings alone
/// (`ratings`: how many of a column's body cells hold ratings only; `filled`: how many are
/// filled).
pub fn mark(
    t: &Table,
    cols: &mut Columns,
    ratings: &dyn Fn(usize) -> usize,
    filled: &dyn Fn(usize) -> usize,
) {
    if cols.first(Col::Milestones).is_some() {
        return;
    }
    let run = period_run(t, cols);
    if run.len() < 2 {
        return;
    }
    let (all, rated) = run
        .iter()
        .fold((0, 0), |(a, r), &i| (a + filled(i), r + ratings(i)));
    if all == 0 || rated * 2 >= all {
        return;
    }
    for i in run {
        if let Some(c) = cols.list.get_mut(i) {
            c.col = Col::Milestones;
            c.evidence = "a period column: each filled cell one milestone".into();
        }
    }
    cols.milestones_by_period = true;
}

/// The columns no role was found for whose headings name a period alone, side by side (a
/// run of two or more; empty when there is none).
fn period_run(t: &Table, cols: &Columns) -> Vec<usize> {
    let period: Vec<usize> = (0..t.n_cols.min(cols.list.len()))
        .filter(|&i| {
            cols.list
                .get(i)
                .is_some_and(|c| matches!(c.col, Col::Field | Col::Date) && is_period(&c.heading))
        })
        .collect();
    period
        .iter()
        .copied()
        .filter(|&i| period.contains(&(i + 1)) || (i > 0 && period.contains(&(i - 1))))
        .collect()
}

/// Give the RAG role to two or more side-by-side period columns no role was found for
/// ("Q1 | Q2 | Q3 | Q4" with no heading over them), when the plan has no RAG column and
/// their cells are ratings: most cells with text hold a rating alone (`ratings`, of `filled`
/// cells with text), and some cell is rated (a rating word, or coloured in with no text:
/// `coloured`). Each is then a period's rating of the action, read left to right.
pub fn mark_ratings(
    t: &Table,
    cols: &mut Columns,
    ratings: &dyn Fn(usize) -> usize,
    filled: &dyn Fn(usize) -> usize,
    coloured: &dyn Fn(usize) -> usize,
) {
    if cols.first(Col::Rag).is_some() || cols.milestones_by_period {
        return;
    }
    let run = period_run(t, cols);
    if run.len() < 2 {
        return;
    }
    let (all, rated, coloured) = run.iter().fold((0, 0, 0), |(a, r, k), &i| {
        (a + filled(i), r + ratings(i), k + coloured(i))
    });
    if rated + coloured == 0 || rated * 10 < all * 7 {
        return;
    }
    for i in run {
        if let Some(c) = cols.list.get_mut(i) {
            c.col = Col::Rag;
            c.evidence = "a period column of ratings: the action's rating that period".into();
        }
    }
}

/// Words that tell one period's rating from another's in a heading ("Previous RAG",
/// "Current status", "Last quarter RAG", "Q2 RAG", "RAG (previous)").
const PERIOD_WORDS: &[&str] = &[
    "previous", "current", "last", "latest", "this", "prior", "quarter", "month", "year", "period",
    "q1", "q2", "q3", "q4",
];

/// Words joining a period to its rating phrase ("Status at Q1", "RAG as at June 2025").
const PERIOD_FILLERS: &[&str] = &["at", "as", "in", "for"];

/// Whether heading words name a period alone: period words and figures ("last quarter",
/// "q2 2025 26") or a date ("june 2025"), joining words aside.
fn names_period(w: &[String]) -> bool {
    let own: Vec<&str> = w
        .iter()
        .map(String::as_str)
        .filter(|x| !PERIOD_FILLERS.contains(x))
        .collect();
    !own.is_empty()
        && (own
            .iter()
            .all(|x| PERIOD_WORDS.contains(x) || x.chars().all(|c| c.is_ascii_digit()))
            || is_period(&own.join(" ")))
}

/// A rating heading split into the period it names and its rating phrase, the period before
/// or after the phrase ("Previous RAG" → ("previous", "rag"), "Status at Q1" → ("at q1",
/// "status")), or `None` when no period stands beside a whole rating phrase.
fn period_rating(heading: &str) -> Option<(String, String)> {
    let w = words(heading);
    let rating = |tail: &[String]| {
        let phrase = tail.join(" ");
        (whole_header_role(&phrase) == Some(Col::Rag)).then_some(phrase)
    };
    (1..w.len()).find_map(|k| {
        let (head, tail) = w.split_at(k);
        if let Some(phrase) = rating(tail).filter(|_| names_period(head)) {
            return Some((head.join(" "), phrase));
        }
        rating(head)
            .filter(|_| names_period(tail))
            .map(|phrase| (tail.join(" "), phrase))
    })
}

/// Whether RAG column `i` rates another period than the first RAG column, under the same
/// rating phrase ("Previous RAG | Current RAG"): both are the action's RAG, read left to
/// right, as ratings by period under one spanning heading are.
pub fn another_periods_rating(cols: &Columns, i: usize) -> bool {
    let Some(first) = cols.first(Col::Rag).filter(|&f| f != i) else {
        return false;
    };
    // Periods alone ("Q1 | Q2"), found to be ratings ([`mark_ratings`]).
    let period = |k: usize| cols.list.get(k).is_some_and(|c| is_period(&c.heading));
    if period(first) && period(i) {
        return true;
    }
    let split = |k: usize| cols.list.get(k).and_then(|c| period_rating(&c.heading));
    matches!((split(first), split(i)), (Some((pa, ra)), Some((pb, rb))) if ra == rb && pa != pb)
}

#[cfg(test)]
mod tests {
    use super::is_period;

    #[test]
    fn a_period_before_a_rating_phrase_is_a_periods_rating() {
        assert_eq!(
            super::period_rating("Previous RAG"),
            Some(("previous".into(), "rag".into()))
        );
        assert_eq!(
            super::period_rating("Last quarter RAG status"),
            Some(("last quarter".into(), "rag status".into()))
        );
        assert_eq!(
            super::period_rating("RAG (previous)"),
            Some(("previous".into(), "rag".into()))
        );
        assert_eq!(
            super::period_rating("Status at Q1"),
            Some(("at q1".into(), "status".into()))
        );
        assert_eq!(
            super::period_rating("RAG June 2025"),
            Some(("june 2025".into(), "rag".into()))
        );
        assert_eq!(super::period_rating("RAG"), None);
        assert_eq!(super::period_rating("Status at risk"), None);
        assert_eq!(super::period_rating("Risk RAG rating"), None);
        assert_eq!(super::period_rating("Direction of travel"), None);
    }

    #[test]
    fn quarters_months_and_years_are_periods() {
        for h in [
            "Q1",
            "Q1 (Apr–Jun)",
            "Q3 2025/26",
            "Quarter 2",
            "Progress Q4",
            "June 2026",
        ] {
            assert!(is_period(h), "{h}");
        }
        for h in ["Action", "Lead officer", "Q and A", "Quality", "Target"] {
            assert!(!is_period(h), "{h}");
        }
    }
}
