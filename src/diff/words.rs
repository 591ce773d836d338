//! Word-level differences between two texts or lists, for showing a change: which words of
//! the old text went, which of the new came.

use similar::{Algorithm, ChangeTag, TextDiff};

use super::matching::{align, normalise, similarity, Step, DIFF_TIMEOUT};

/// A run of text on one side of a change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    /// In both versions.
    Same(String),
    /// Only in the old version.
    Deleted(String),
    /// Only in the new version.
    Inserted(String),
}

/// The word diff of two texts (whitespace-normalised), adjacent runs of one kind merged.
/// Reading only `Same` and `Deleted` gives the old text; `Same` and `Inserted` the new.
pub fn diff(old: &str, new: &str) -> Vec<Segment> {
    let (old, new) = (normalise(old), normalise(new));
    let d = TextDiff::configure()
        .algorithm(Algorithm::Patience)
        .timeout(DIFF_TIMEOUT)
        .diff_words(old.as_str(), new.as_str());
    let mut out: Vec<Segment> = Vec::new();
    for c in d.iter_all_changes() {
        let v = c.value();
        match (c.tag(), out.last_mut()) {
            (ChangeTag::Equal, Some(Segment::Same(s)))
            | (ChangeTag::Delete, Some(Segment::Deleted(s)))
            | (ChangeTag::Insert, Some(Segment::Inserted(s))) => s.push_str(v),
            (ChangeTag::Equal, _) => out.push(Segment::Same(v.to_string())),
            (ChangeTag::Delete, _) => out.push(Segment::Deleted(v.to_string())),
            (ChangeTag::Insert, _) => out.push(Segment::Inserted(v.to_string())),
        }
    }
    coalesce(out)
}

fn is_change(s: &Segment) -> bool {
    !matches!(s, Segment::Same(_))
}

/// Join changes separated only by spaces into one deletion and one insertion, so that
/// "In progress" → "Complete - April 2015" reads `[-In progress-]{+Complete - April 2015+}`
/// rather than alternating word by word.
fn coalesce(segs: Vec<Segment>) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(seg) = segs.get(i) {
        if !is_change(seg) {
            out.push(seg.clone());
            i += 1;
            continue;
        }
        // The run: changes, and blanks with a change on both sides.
        let mut end = i + 1;
        while let Some(next) = segs.get(end) {
            let blank_between = matches!(next, Segment::Same(t) if t.trim().is_empty())
                && segs.get(end + 1).is_some_and(is_change);
            if is_change(next) || blank_between {
                end += 1;
            } else {
                break;
            }
        }
        let (mut del, mut ins) = (String::new(), String::new());
        for s in segs.get(i..end).unwrap_or_default() {
            match s {
                Segment::Deleted(t) => del.push_str(t),
                Segment::Inserted(t) => ins.push_str(t),
                Segment::Same(t) => {
                    del.push_str(t);
                    ins.push_str(t);
                }
            }
        }
        // A blank kept on both sides of a pure deletion or insertion belongs to neither.
        let del = if del.trim().is_empty() {
            String::new()
        } else {
            del
        };
        let ins = if ins.trim().is_empty() {
            String::new()
        } else {
            ins
        };
        if !del.is_empty() {
            out.push(Segment::Deleted(del));
        }
        if !ins.is_empty() {
            out.push(Segment::Inserted(ins));
        }
        i = end;
    }
    out
}

/// One item of a list field, old and new side by side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    /// The same item in both (maybe edited): its word diff.
    Kept(Vec<Segment>),
    /// An item only in the old list.
    Removed(String),
    /// An item only in the new list.
    Added(String),
}

/// Below this word similarity two list items are shown as one removed and one added rather
/// than one edited.
const ITEM_MATCH: f32 = 0.5;

/// A list field item by item: items aligned by similarity (as milestones are), edited items
/// diffed word by word.
pub fn diff_list(old: &[String], new: &[String]) -> Vec<Item> {
    align(old, new, |a, b| similarity(a, b), ITEM_MATCH)
        .into_iter()
        .filter_map(|step| match step {
            Step::Pair(i, j) => Some(Item::Kept(diff(old.get(i)?, new.get(j)?))),
            Step::Removed(i) => Some(Item::Removed(old.get(i)?.clone())),
            Step::Added(j) => Some(Item::Added(new.get(j)?.clone())),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changed_words_only() {
        let d = diff(
            "publications around  CSE.",
            "publications of practice around CSE.",
        );
        assert_eq!(
            d,
            vec![
                Segment::Same("publications ".into()),
                Segment::Inserted("of practice ".into()),
                Segment::Same("around CSE.".into()),
            ]
        );
    }

    #[test]
    fn alternating_words_become_one_replacement() {
        let d = diff(
            "include CADS - In progress",
            "include CADS - Complete - April 2015",
        );
        assert_eq!(
            d,
            vec![
                Segment::Same("include CADS - ".into()),
                Segment::Deleted("In progress".into()),
                Segment::Inserted("Complete - April 2015".into()),
            ]
        );
    }

    #[test]
    fn an_inserted_list_item_is_added_not_an_edit_of_the_next() {
        let old = vec![
            "Adults and children work well.".to_string(),
            "Risk is reduced to children.".into(),
        ];
        let new = vec![
            "Adults and children work well.".to_string(),
            "Fewer referrals to statutory services".into(),
            "Risk is reduced to children.".into(),
        ];
        let items = diff_list(&old, &new);
        assert!(matches!(items[1], Item::Added(_)), "{items:?}");
        assert_eq!(items.len(), 3);
    }
}
