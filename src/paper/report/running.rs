//! Step 2: the page text prepared. Running headers and footers (rows printed in the top or
//! bottom margin at the same place, with the same text up to digits, on two or more pages)
//! and bare page numbers ("7", "Page 7 of 12", "- 7 -") are dropped, so paragraphs continue
//! over page breaks.

use super::rows::Row;
use super::text::is_upper;
use crate::layout::PageText;
use crate::paper::PaperSettings;
use crate::tolerance::DEFAULT_PAGE_HEIGHT;

/// Drop running headers and footers (rows printed in the top or bottom margin at the same
/// place, with the same text up to digits, on two or more pages) and bare page numbers (the
/// first or last row of a page, in its margin). On the first page, a repeated header row in
/// bold or capitals is kept: that is how the meeting header looks.
pub(super) fn drop_running_rows(
    rows_by_page: &mut [Vec<Row>],
    pages: &[&PageText],
    settings: &PaperSettings,
) {
    let height = |i: usize| pages.get(i).map_or(DEFAULT_PAGE_HEIGHT, |p| p.height);
    let in_top = |r: &Row, h: f64| r.bottom < settings.margin_fraction * h;
    let in_bottom = |r: &Row, h: f64| r.top > (1.0 - settings.margin_fraction) * h;
    // The margin rows, by text (digits masked) and position.
    let mut margin: Vec<(String, f64, u32, usize, usize)> = Vec::new();
    for (i, rows) in rows_by_page.iter().enumerate() {
        for (j, r) in rows.iter().enumerate() {
            if in_top(r, height(i)) || in_bottom(r, height(i)) {
                let text: String = r
                    .text()
                    .to_lowercase()
                    .chars()
                    .map(|c| if c.is_ascii_digit() { '#' } else { c })
                    .collect();
                margin.push((text, r.top, r.page, i, j));
            }
        }
    }
    margin.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
    // Clusters of one text at one position (neighbours within the tolerance); a cluster
    // printed on two pages or more repeats.
    let mut drop: Vec<Vec<bool>> = rows_by_page.iter().map(|r| vec![false; r.len()]).collect();
    let mut start = 0;
    while start < margin.len() {
        let mut end = start + 1;
        while let (Some(prev), Some(next)) = (margin.get(end - 1), margin.get(end)) {
            if next.0 != prev.0 || next.1 - prev.1 > settings.repeat_position_tolerance {
                break;
            }
            end += 1;
        }
        let cluster = margin.get(start..end).unwrap_or(&[]);
        let first_page = cluster.first().map(|c| c.2);
        if cluster.iter().any(|c| Some(c.2) != first_page) {
            for &(_, _, _, i, j) in cluster {
                let Some(r) = rows_by_page.get(i).and_then(|rows| rows.get(j)) else {
                    continue;
                };
                let styled = r.all_bold_from(0) || is_upper(&r.text());
                let keep = i == 0 && in_top(r, height(i)) && styled;
                if let Some(d) = drop.get_mut(i).and_then(|d| d.get_mut(j)) {
                    *d = !keep;
                }
            }
        }
        start = end;
    }
    for (i, rows) in rows_by_page.iter_mut().enumerate() {
        let flags = drop.get(i);
        let mut j = 0;
        rows.retain(|_| {
            j += 1;
            !flags.and_then(|f| f.get(j - 1)).copied().unwrap_or(false)
        });
        // Then a page number opening or closing what is left of the page.
        let h = height(i);
        let is_number = |r: &Row| (in_top(r, h) || in_bottom(r, h)) && is_page_number(&r.text());
        if rows.last().is_some_and(is_number) {
            rows.pop();
        }
        if rows.first().is_some_and(is_number) {
            rows.remove(0);
        }
        // A footer printed once: the page's last row, in the bottom margin, centred on the
        // page and set apart from the text above by more than a line.
        let width = pages.get(i).map_or(0.0, |p| p.width);
        let centred = |r: &Row| {
            let mid = (r.x0() + r.x1()) / 2.0;
            width > 0.0 && (mid - width / 2.0).abs() < settings.centred_fraction * width
        };
        let n = rows.len();
        if n >= 2 {
            let apart = match (rows.get(n - 2), rows.get(n - 1)) {
                (Some(a), Some(b)) => b.top - a.bottom > b.bottom - b.top,
                _ => false,
            };
            if rows.last().is_some_and(|r| in_bottom(r, h) && centred(r)) && apart {
                rows.pop();
            }
        }
    }
}

/// "7", "Page 7", "Page 7 of 12", "- 7 -", "7 of 12".
pub(super) fn is_page_number(text: &str) -> bool {
    let t = text
        .trim()
        .trim_matches(|c: char| c == '-' || c == '–' || c.is_whitespace());
    let lower = t.to_lowercase();
    let t = lower
        .strip_prefix("page")
        .map_or(lower.as_str(), str::trim_start);
    let mut parts = t.split_whitespace();
    let num = |s: Option<&str>| {
        s.is_some_and(|s| !s.is_empty() && s.len() <= 4 && s.chars().all(|c| c.is_ascii_digit()))
    };
    let first = parts.next();
    if !num(first) {
        return false;
    }
    match parts.next() {
        None => true,
        Some("of") => num(parts.next()) && parts.next().is_none(),
        Some(_) => false,
    }
}
