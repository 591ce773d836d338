//! Where a milestone's text prints a status word ([`STATUS_WORDS`]): at its end, at its start,
//! or first in closing brackets. Matched by hand rather than by regular expression: the word
//! list as one case-insensitive alternation cost more to compile than the rest of a board
//! paper's plan reading.
//!
//! Words match ignoring ASCII case; a space in a word matches one or more whitespace
//! characters in the text, as printed line breaks and double spaces are.

use std::sync::OnceLock;

use super::vocab::STATUS_WORDS;

/// The status words, longest first, so that "not yet started" is found before "started".
fn words() -> &'static [&'static str] {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut words: Vec<&str> = STATUS_WORDS.iter().map(|(w, _)| *w).collect();
        words.sort_by_key(|w| std::cmp::Reverse(w.len()));
        words
    })
}

/// Dashes as a separator: en and em dash and the hyphen.
const DASHES: [char; 3] = ['–', '—', '-'];

/// The end (byte offset in `text`) of `word` printed at `at`, or `None`.
fn word_at(text: &str, at: usize, word: &str) -> Option<usize> {
    let mut rest = text.get(at..)?.char_indices().peekable();
    let mut end = at;
    for w in word.chars() {
        if w == ' ' {
            let mut spaces = 0;
            while let Some(&(i, c)) = rest.peek() {
                if !c.is_whitespace() {
                    break;
                }
                spaces += 1;
                end = at + i + c.len_utf8();
                rest.next();
            }
            if spaces == 0 {
                return None;
            }
        } else {
            let (i, c) = rest.next()?;
            if !c.eq_ignore_ascii_case(&w) {
                return None;
            }
            end = at + i + c.len_utf8();
        }
    }
    Some(end)
}

/// The status words by their first character, ASCII lower-cased (index 0–127; a word opening
/// with any other character in the last list), each list longest first. A text is scanned at
/// every character near its end: only the words that can start there are tried.
fn words_by_first() -> &'static [Vec<&'static str>; 129] {
    static INDEX: OnceLock<[Vec<&'static str>; 129]> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index: [Vec<&'static str>; 129] = std::array::from_fn(|_| Vec::new());
        for w in words() {
            let slot = w.chars().next().map_or(128, first_slot);
            if let Some(list) = index.get_mut(slot) {
                list.push(w);
            }
        }
        index
    })
}

/// The list of [`words_by_first`] holding words that can start at a text's `c`. A word's
/// first character matches ignoring ASCII case ([`word_at`]); one opening with a space
/// matches any whitespace.
fn first_slot(c: char) -> usize {
    if c.is_whitespace() {
        usize::from(b' ')
    } else if c.is_ascii() {
        usize::from(c.to_ascii_lowercase() as u8)
    } else {
        128
    }
}

/// The ends of the status words printed at `at`, longest word first.
fn any_word_at(text: &str, at: usize) -> impl Iterator<Item = usize> + '_ {
    let first = text.get(at..).and_then(|t| t.chars().next());
    let words: &[&str] = match first {
        Some(c) => words_by_first()
            .get(first_slot(c))
            .map_or(&[], |l| l.as_slice()),
        None => &[],
    };
    words.iter().filter_map(move |w| word_at(text, at, w))
}

/// Marks that set a status word off from the text before it: a dash, an opening bracket, a
/// comma, a semicolon, a colon or a full stop ("… – Complete", "… (Complete", "Status:
/// Complete"). A word after a plain space is part of the sentence ("… works complete").
const SETS_OFF: [char; 8] = ['–', '—', '-', '(', ',', ';', ':', '.'];

/// A status word ending the text, before trailing spaces, dashes and commas, set off from the
/// text before it by a dash, bracket or other mark (or the whole text): "… – Complete –" →
/// "Complete"; "… works complete" has none.
pub fn at_end(text: &str) -> Option<&str> {
    let body =
        text.trim_end_matches(|c: char| c.is_whitespace() || c == ',' || DASHES.contains(&c));
    let end = body.len();
    // A word ending the text starts within its last `longest` characters, a run of spaces
    // counting as one: the scan starts two characters before that (one is the separator).
    let longest = words().first().map_or(0, |w| w.chars().count());
    let mut counted = 0;
    let mut from = 0;
    let mut last_was_space = false;
    for (at, c) in body.char_indices().rev() {
        let space = c.is_whitespace();
        if !(space && last_was_space) {
            counted += 1;
        }
        last_was_space = space;
        if counted > longest + 1 {
            from = at;
            break;
        }
    }
    let mut before_is_separator = from == 0;
    let tail = body.get(from..)?.char_indices().map(|(i, c)| (i + from, c));
    for (at, c) in tail {
        if before_is_separator && any_word_at(body, at).any(|e| e == end) {
            let before = body.get(..at).unwrap_or_default().trim_end();
            if before.is_empty() || before.ends_with(SETS_OFF) {
                return body.get(at..end);
            }
        }
        before_is_separator = c.is_whitespace() || c == '(' || c == ',' || DASHES.contains(&c);
    }
    None
}

/// A status word opening the text, followed by a colon, a dash or nothing: "Complete: cameras
/// replaced", "On track – posts filled".
pub fn at_start(text: &str) -> Option<&str> {
    any_word_at(text, 0)
        .find(|&end| {
            let after = text.get(end..).unwrap_or("").trim_start();
            after.is_empty() || after.starts_with(':') || after.starts_with(DASHES)
        })
        .and_then(|end| text.get(..end))
}

/// "text (Status, Date)": a status word first in the closing brackets of the text, and the
/// timescale after it (after a comma, semicolon or dash), with the offset of the bracket.
pub struct Bracketed<'a> {
    /// Byte offset of the opening bracket in the text.
    pub at: usize,
    /// The status word as printed.
    pub word: &'a str,
    /// The text after the word's separator, trimmed; `None` when nothing follows the word.
    pub rest: Option<&'a str>,
}

/// See [`Bracketed`]. The closing bracket may be followed by a full stop and spaces.
pub fn in_brackets(text: &str) -> Option<Bracketed<'_>> {
    let body = text.trim_end();
    let body = body.strip_suffix('.').unwrap_or(body).trim_end();
    // Round or square brackets: "(Complete, Oct 2025)", "[Done]".
    let (body, open, close) = match body.strip_suffix(')') {
        Some(b) => (b, '(', ')'),
        None => (body.strip_suffix(']')?, '[', ']'),
    };
    let open = body.rfind(open)?;
    if body.get(open + 1..)?.contains(close) {
        return None;
    }
    let inner_start = open + 1;
    let inner = body.get(inner_start..)?;
    let lead = inner.len() - inner.trim_start().len();
    let word_start = inner_start + lead;
    any_word_at(body, word_start).find_map(|end| {
        let after = body.get(end..)?.trim_start();
        let rest = match after.chars().next() {
            None => None,
            Some(sep) if sep == ',' || sep == ';' || DASHES.contains(&sep) => {
                Some(after.get(sep.len_utf8()..)?.trim())
            }
            Some(_) => return None,
        };
        Some(Bracketed {
            at: open,
            word: body.get(word_start..end)?,
            rest,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_at_the_end_after_a_separator() {
        assert_eq!(at_end("Report to the Board – Complete –"), Some("Complete"));
        assert_eq!(
            at_end("audit – not  yet\nstarted"),
            Some("not  yet\nstarted")
        );
        assert_eq!(at_end("Complete"), Some("Complete"));
        assert_eq!(at_end("(delayed,"), Some("delayed"));
        // Inside a word is not a status word.
        assert_eq!(at_end("Incomplete"), None);
        assert_eq!(at_end("Team restarted"), None);
        // Far into a long text, and a space run counted once.
        let long = format!("{} – not yet   started", "word ".repeat(40));
        assert_eq!(at_end(&long), Some("not yet   started"));
        assert_eq!(at_end("Xno longer required"), None);
        // A status word after a plain space is part of the sentence.
        assert_eq!(at_end("Q2 2026: depot works complete"), None);
        assert_eq!(at_end("Status: Complete"), Some("Complete"));
    }

    #[test]
    fn a_word_opening_the_text() {
        assert_eq!(at_start("Complete: cameras replaced"), Some("Complete"));
        assert_eq!(at_start("On track – posts filled"), Some("On track"));
        assert_eq!(at_start("Done"), Some("Done"));
        assert_eq!(at_start("Completed works"), None);
        assert_eq!(at_start("Completeness review"), None);
    }

    #[test]
    fn a_word_in_closing_brackets() {
        let b = in_brackets("Scheme agreed (Done, Apr 2018).").map(|b| (b.at, b.word, b.rest));
        assert_eq!(b, Some((14, "Done", Some("Apr 2018"))));
        let b = in_brackets("Scheme ( In progress )").map(|b| (b.word, b.rest));
        assert_eq!(b, Some(("In progress", None)));
        let b = in_brackets("Scheme (Complete – ").map(|b| b.word);
        assert_eq!(b, None);
        assert!(in_brackets("Scheme (Sorted, Apr 2018)").is_none());
        assert!(in_brackets("Scheme (Completed works)").is_none());
    }
}
