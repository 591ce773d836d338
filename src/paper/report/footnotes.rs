//! Step 2b: footnotes dropped. Word and LaTeX set a page's footnotes under its text in a
//! smaller size, each opening with its mark ("1 This excludes …"); they are no part of the
//! paragraph the page breaks (FORMAT.md: footnote marks and footnotes are left out).

use super::rows::Row;

/// Drop from each page the run of rows closing it that are set smaller than the body text
/// (at most `ratio` of `body_size`) and open with a mark (a figure or a symbol), when a row
/// of body size stands above them.
pub(super) fn drop_footnotes(pages: &mut [Vec<Row>], body_size: f64, ratio: f64) {
    let small = |r: &Row| r.max_size_from(0) <= body_size * ratio;
    for rows in pages.iter_mut() {
        let from = rows.iter().rposition(|r| !small(r)).map_or(0, |i| i + 1);
        let opens_with_mark = rows.get(from).is_some_and(|r| {
            r.words.first().is_some_and(|w| {
                w.text
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_digit() || matches!(c, '*' | '†' | '‡'))
            })
        });
        if from > 0 && from < rows.len() && opens_with_mark {
            rows.truncate(from);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::paper::report::rows::W;

    fn row(text: &str, size: f64) -> Row {
        Row {
            aside: false,
            page: 1,
            top: 0.0,
            bottom: 0.0,
            baseline: 0.0,
            size,
            words: text
                .split_whitespace()
                .map(|t| W {
                    text: t.to_string(),
                    x0: 0.0,
                    x1: 0.0,
                    bold: false,
                    italic: false,
                    size,
                    new_seg: false,
                })
                .collect(),
        }
    }

    #[test]
    fn a_footnote_closing_the_page_goes() {
        let mut pages = vec![vec![
            row("The government forecast increase of 6.3%.", 12.0),
            row("1 This excludes the grant for", 10.0),
            row("burden placed by central government", 10.0),
        ]];
        drop_footnotes(&mut pages, 12.0, 0.9);
        assert_eq!(pages[0].len(), 1);
        // Small text without a mark, or a page of small text only, stays.
        let mut pages = vec![
            vec![row("Body", 12.0), row("Published by the Council", 10.0)],
            vec![row("1 Small", 10.0), row("print", 10.0)],
        ];
        drop_footnotes(&mut pages, 12.0, 0.9);
        assert_eq!((pages[0].len(), pages[1].len()), (2, 2));
    }
}
