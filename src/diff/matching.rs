//! Which old item is which new item: text normalisation, a word-level similarity, an
//! order-keeping alignment (milestones) and a best-first pairing (actions).

use similar::{Algorithm, TextDiff};

/// Milestones whose word similarity reaches this are one milestone edited, not one removed and
/// another added. A status or date edit keeps a 12-word milestone near 0.8; unrelated
/// milestones of one action share little beyond "to be" and "MSCB" (below 0.35).
pub const MILESTONE_MATCH: f32 = 0.5;

/// Two actions of one priority with the same number are the same action when their contents
/// are at least this similar (they may have been rewritten a good deal).
pub const SAME_NUMBER_MATCH: f32 = 0.3;

/// Two actions of one priority with different numbers are one action renumbered when their
/// contents are at least this similar.
pub const RENUMBERED_MATCH: f32 = 0.6;

/// The most item pairs [`align`] scores (old × new items); longer lists (only hostile input
/// has them: a real action has under 20 milestones) are paired by position instead.
pub const ALIGN_MAX_PAIRS: usize = 250_000;

/// The most action pairs of one priority scored for [`pair_best_first`]; beyond it actions
/// are matched by number only.
pub const SCORE_MAX_PAIRS: usize = 250_000;

/// How long one text diff may take before `similar` settles for a rougher answer.
pub const DIFF_TIMEOUT: std::time::Duration = std::time::Duration::from_millis(200);

/// Text as compared: whitespace runs become one space, ends trimmed.
pub fn normalise(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether two texts differ in more than whitespace.
pub fn text_differs(a: &str, b: &str) -> bool {
    a.split_whitespace().ne(b.split_whitespace())
}

/// Whether two lists differ in more than whitespace.
pub fn list_differs(a: &[String], b: &[String]) -> bool {
    a.len() != b.len() || a.iter().zip(b).any(|(x, y)| text_differs(x, y))
}

/// Word similarity in 0..=1: twice the words in common (in order) over all words, ignoring
/// case and punctuation around words. Two empty texts are identical.
pub fn similarity(a: &str, b: &str) -> f32 {
    let words = |s: &str| -> Vec<String> {
        s.split_whitespace()
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .filter(|w| !w.is_empty())
            .collect()
    };
    let (wa, wb) = (words(a), words(b));
    if wa.is_empty() && wb.is_empty() {
        return 1.0;
    }
    let ra: Vec<&str> = wa.iter().map(String::as_str).collect();
    let rb: Vec<&str> = wb.iter().map(String::as_str).collect();
    TextDiff::configure()
        .algorithm(Algorithm::Myers)
        .timeout(DIFF_TIMEOUT)
        .diff_slices(&ra, &rb)
        .ratio()
}

/// One step of an alignment of two lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// `old[i]` and `new[j]` are the same item (maybe edited).
    Pair(usize, usize),
    /// `old[i]` has no counterpart.
    Removed(usize),
    /// `new[j]` has no counterpart.
    Added(usize),
}

/// Align two lists keeping their order, pairing items whose similarity reaches `threshold` so
/// that the total similarity of the pairs is greatest (an LCS where items "match" by
/// similarity, weighted by it). An item inserted in the middle does not shift the ones after
/// it. `similar` aligns only items that are equal, hence this small dynamic programme; the
/// lists are short (a plan's action has under 20 milestones), so O(n·m) is fine.
pub fn align<T>(old: &[T], new: &[T], sim: impl Fn(&T, &T) -> f32, threshold: f32) -> Vec<Step> {
    let (n, m) = (old.len(), new.len());
    if n.saturating_mul(m) > ALIGN_MAX_PAIRS {
        return align_by_position(n, m);
    }
    let mut s = vec![vec![0f32; m]; n];
    for (i, o) in old.iter().enumerate() {
        for (j, w) in new.iter().enumerate() {
            let x = sim(o, w);
            s[i][j] = if x >= threshold { x } else { -1.0 };
        }
    }
    // best[i][j]: the best total for old[i..] against new[j..].
    let mut best = vec![vec![0f32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            let mut b = best[i + 1][j].max(best[i][j + 1]);
            if s[i][j] >= 0.0 {
                b = b.max(s[i][j] + best[i + 1][j + 1]);
            }
            best[i][j] = b;
        }
    }
    let mut steps = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if s[i][j] >= 0.0 && best[i][j] == s[i][j] + best[i + 1][j + 1] {
            steps.push(Step::Pair(i, j));
            i += 1;
            j += 1;
        } else if best[i][j] == best[i + 1][j] {
            steps.push(Step::Removed(i));
            i += 1;
        } else {
            steps.push(Step::Added(j));
            j += 1;
        }
    }
    steps.extend((i..n).map(Step::Removed));
    steps.extend((j..m).map(Step::Added));
    steps
}

/// Steps of an alignment with each item removed and item added at the same place (between
/// the same two pairs) taken as one item rewritten: the k-th removal of a run with its k-th
/// addition, in order. A progress line rewritten from one version to the next ("In progress –
/// options go to Cabinet" → "Options agreed by Cabinet – Complete") shares few words with its
/// old self but is still the plan's same milestone; a milestone removed in one place and
/// another added elsewhere stay a removal and an addition.
pub fn pair_replacements(steps: Vec<Step>) -> Vec<Step> {
    let mut out = Vec::with_capacity(steps.len());
    let mut run: Vec<Step> = Vec::new();
    let flush = |run: &mut Vec<Step>, out: &mut Vec<Step>| {
        let removed: Vec<usize> = run
            .iter()
            .filter_map(|s| match s {
                Step::Removed(i) => Some(*i),
                _ => None,
            })
            .collect();
        let added: Vec<usize> = run
            .iter()
            .filter_map(|s| match s {
                Step::Added(j) => Some(*j),
                _ => None,
            })
            .collect();
        let k = removed.len().min(added.len());
        out.extend(removed.iter().zip(&added).map(|(&i, &j)| Step::Pair(i, j)));
        out.extend(removed.iter().skip(k).map(|&i| Step::Removed(i)));
        out.extend(added.iter().skip(k).map(|&j| Step::Added(j)));
        run.clear();
    };
    for step in steps {
        match step {
            Step::Pair(..) => {
                flush(&mut run, &mut out);
                out.push(step);
            }
            other => run.push(other),
        }
    }
    flush(&mut run, &mut out);
    out
}

/// [`align`] for lists too long to score every pair: items paired by position.
fn align_by_position(n: usize, m: usize) -> Vec<Step> {
    let mut steps: Vec<Step> = (0..n.min(m)).map(|i| Step::Pair(i, i)).collect();
    steps.extend((m..n).map(Step::Removed));
    steps.extend((n..m).map(Step::Added));
    steps
}

/// Pair old and new items best-first: every candidate pair scored, the most similar taken
/// first, each item used once. `same_key` pairs (same number) need `same_threshold`, others
/// `other_threshold`; on equal similarity a same-key pair wins. Returns `(old, new)` indices.
pub fn pair_best_first(
    scores: &[(usize, usize, f32, bool)],
    same_threshold: f32,
    other_threshold: f32,
) -> Vec<(usize, usize)> {
    let mut candidates: Vec<&(usize, usize, f32, bool)> = scores
        .iter()
        .filter(|(_, _, s, same)| {
            *s >= if *same {
                same_threshold
            } else {
                other_threshold
            }
        })
        .collect();
    candidates.sort_by(|a, b| b.2.total_cmp(&a.2).then(b.3.cmp(&a.3)));
    let mut used_old = std::collections::HashSet::new();
    let mut used_new = std::collections::HashSet::new();
    let mut pairs = Vec::new();
    for &&(i, j, _, _) in &candidates {
        if !used_old.contains(&i) && !used_new.contains(&j) {
            used_old.insert(i);
            used_new.insert(j);
            pairs.push((i, j));
        }
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_is_not_a_difference() {
        assert!(!text_differs(" a  b\nc ", "a b c"));
        assert!(text_differs("a b", "a c"));
        assert!(!list_differs(&["x  y".into()], &["x y".into()]));
    }

    #[test]
    fn similarity_of_an_edited_milestone_is_high() {
        let s = similarity(
            "Draft Early Help Strategy to be scrutinised by the Board – In progress - April 2015",
            "Draft Early Help Strategy to be scrutinised by the Board – Complete - April 2015",
        );
        assert!(s > 0.8, "{s}");
        assert!(similarity("Report to Board", "Training for GPs") < 0.2);
    }

    #[test]
    fn an_insertion_does_not_shift_the_rest() {
        let old = ["a b c", "d e f", "g h i"];
        let new = ["a b c", "x y z", "d e f", "g h X"];
        let steps = align(&old, &new, |a, b| similarity(a, b), 0.5);
        assert_eq!(
            steps,
            vec![
                Step::Pair(0, 0),
                Step::Added(1),
                Step::Pair(1, 2),
                Step::Pair(2, 3)
            ]
        );
    }

    #[test]
    fn a_removal_and_an_addition_at_one_place_are_one_item_rewritten() {
        let steps = vec![
            Step::Pair(0, 0),
            Step::Removed(1),
            Step::Added(1),
            Step::Added(2),
            Step::Pair(2, 3),
            Step::Removed(3),
        ];
        assert_eq!(
            pair_replacements(steps),
            vec![
                Step::Pair(0, 0),
                Step::Pair(1, 1),
                Step::Added(2),
                Step::Pair(2, 3),
                Step::Removed(3),
            ]
        );
    }

    #[test]
    fn very_long_lists_are_paired_by_position() {
        let old = vec!["x"; 600];
        let new = vec!["x"; 601];
        let steps = align(&old, &new, |_, _| 1.0, 0.5);
        assert_eq!(steps.len(), 601);
        assert_eq!(steps.last(), Some(&Step::Added(600)));
    }

    #[test]
    fn best_first_prefers_the_closer_content_over_the_number() {
        // old 0 ("2.2") is new 1 ("2.3") renumbered; new 0 ("2.2") is a new action.
        let pairs = pair_best_first(&[(0, 0, 0.35, true), (0, 1, 0.9, false)], 0.3, 0.6);
        assert_eq!(pairs, vec![(0, 1)]);
        let pairs = pair_best_first(&[(0, 0, 0.35, true), (0, 1, 0.5, false)], 0.3, 0.6);
        assert_eq!(pairs, vec![(0, 0)]);
    }
}
