//! Step 2b: appendices attached after the report. A page after the first whose first row
//! (running headers gone) opens "Appendix A" in a heading's face (bold, or larger than the
//! body text) starts an attached appendix; it runs to the page before the next one, or to the
//! last page read. Its pages are not the report's.

use super::lists::appendix_heading;
use super::rows::Row;

/// An appendix printed on pages of its own after the report.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Attached {
    pub label: String,
    /// The title printed after the label, or on the heading row under it; empty when none.
    pub title: String,
    /// First and last page (1-based).
    pub pages: [u32; 2],
}

/// Whether the words of `row` are set as a heading: all bold, or larger than the body.
fn heading_face(row: &Row, body_size: f64, size_ratio: f64) -> bool {
    row.all_bold_from(0) || row.max_size_from(0) >= body_size * size_ratio
}

/// The appendices attached after the report in `rows_by_page` (one list per page, in page
/// order), and the index of the first page that is no longer the report's.
pub(super) fn attached_appendices(
    rows_by_page: &[Vec<Row>],
    body_size: f64,
    size_ratio: f64,
) -> (Vec<Attached>, usize) {
    let mut out: Vec<Attached> = Vec::new();
    let mut first_index = rows_by_page.len();
    for (i, rows) in rows_by_page.iter().enumerate().skip(1) {
        let Some(first) = rows.first() else {
            continue;
        };
        if !heading_face(first, body_size, size_ratio) {
            continue;
        }
        let Some((label, mut title)) = appendix_heading(&first.text()) else {
            continue;
        };
        if title.is_empty() {
            if let Some(next) = rows
                .get(1)
                .filter(|n| heading_face(n, body_size, size_ratio))
            {
                title = next.text();
            }
        }
        if let Some(prev) = out.last_mut() {
            prev.pages[1] = first.page.saturating_sub(1).max(prev.pages[0]);
        }
        first_index = first_index.min(i);
        out.push(Attached {
            label,
            title,
            pages: [first.page, first.page],
        });
    }
    let last_page = rows_by_page
        .iter()
        .rev()
        .find_map(|rows| rows.first().map(|r| r.page));
    if let (Some(prev), Some(last)) = (out.last_mut(), last_page) {
        prev.pages[1] = last.max(prev.pages[0]);
    }
    (out, first_index)
}
