//! Step 2b: a table of contents dropped. Its entries ("1.0 Purpose of Report ........ 3")
//! repeat the headings of the sections that follow, with a leader of dots to a page number:
//! they are no sections of their own, and a "Contents" heading over them is no heading.

use super::rows::Row;

/// The fewest dots that make a leader (a sentence's ellipsis has three).
const LEADER_DOTS: usize = 4;

/// Drop, on each page, the rows of a table of contents (two or more entries), with the
/// "Contents" heading standing straight above its first entry.
pub(super) fn drop_contents(rows_by_page: &mut [Vec<Row>]) {
    for rows in rows_by_page.iter_mut() {
        let entries = rows.iter().filter(|r| is_entry(&r.text())).count();
        if entries < 2 {
            continue;
        }
        let first = rows.iter().position(|r| is_entry(&r.text()));
        let heading = first
            .and_then(|i| i.checked_sub(1))
            .filter(|i| rows.get(*i).is_some_and(|r| is_contents_heading(&r.text())));
        let mut i = 0;
        rows.retain(|r| {
            let keep = !is_entry(&r.text()) && Some(i) != heading;
            i += 1;
            keep
        });
    }
}

/// Whether `text` is an entry of a table of contents: words, a leader of dots (or
/// ellipses), then a page number.
fn is_entry(text: &str) -> bool {
    let t = text.trim_end();
    let without_page = t.trim_end_matches(|c: char| c.is_ascii_digit());
    if without_page.len() == t.len() {
        return false;
    }
    let before = without_page.trim_end();
    let dots = before
        .chars()
        .rev()
        .take_while(|c| matches!(c, '.' | '…' | ' '))
        .map(|c| if c == '…' { 3 } else { usize::from(c == '.') })
        .sum::<usize>();
    dots >= LEADER_DOTS
        && before
            .trim_end_matches(['.', '…', ' '])
            .chars()
            .any(char::is_alphabetic)
}

/// Whether `text` is a table of contents' heading: "Contents", "Table of contents".
fn is_contents_heading(text: &str) -> bool {
    let l = text.trim().trim_end_matches(':').to_lowercase();
    matches!(l.as_str(), "contents" | "table of contents" | "content")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries() {
        assert!(is_entry(
            "1.0 Purpose of Report or Summary of Main Issues.........3"
        ));
        assert!(is_entry("Appendices . . . . . . . . 12"));
        assert!(is_entry("Background………… 4"));
        assert!(!is_entry("The figure rose to 3"));
        assert!(!is_entry("See paragraph 4... 5"));
        assert!(!is_entry(".......... 5"));
        assert!(is_contents_heading("CONTENTS"));
        assert!(!is_contents_heading("Contents of the plan"));
    }
}
