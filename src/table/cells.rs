//! Grids + words + fills → cells with text, paragraphs and colours.

use super::grid::Grid;
use super::{Cell, CellLine, PageTable, Paragraph, Part, Settings, Warning, WarningKind};
use crate::geom::Rect;
use crate::layout::Word;
use crate::pdf::{Colour, PagePrimitives};

/// Glyphs that mark a bullet at the start of a paragraph.
const BULLETS: &[&str] = &["•", "▪", "◦", "●", "■", "○", "➢", "►", "‣", "∙", "·", "-"];

/// Fill the grid's cells with the words whose centres fall inside them (marking those words
/// used) and with the fills under them.
pub fn fill_grid(
    page: &PagePrimitives,
    grid: &Grid,
    words: &[Word],
    used: &mut [bool],
    s: &Settings,
    warnings: &mut Vec<Warning>,
) -> PageTable {
    let bbox = grid.bbox();
    let nc = grid.xs.len().saturating_sub(1);
    let nr = grid.ys.len().saturating_sub(1);
    let mut slot_cell = vec![None; nr * nc];
    for (i, c) in grid.cells.iter().enumerate() {
        for r in c.row..c.row + c.row_span {
            for k in c.col..c.col + c.col_span {
                if let Some(slot) = slot_cell.get_mut(r * nc + k) {
                    *slot = Some(i);
                }
            }
        }
    }
    let mut cell_words: Vec<Vec<&Word>> = vec![Vec::new(); grid.cells.len()];
    for (w, u) in words.iter().zip(used.iter_mut()) {
        if *u {
            continue;
        }
        let c = w.bbox.centre();
        if !bbox.contains(c, 0.0) {
            continue;
        }
        *u = true;
        let col = grid
            .xs
            .partition_point(|&x| x <= c.x)
            .saturating_sub(1)
            .min(nc.saturating_sub(1));
        let row = grid
            .ys
            .partition_point(|&y| y <= c.y)
            .saturating_sub(1)
            .min(nr.saturating_sub(1));
        match slot_cell
            .get(row * nc + col)
            .copied()
            .flatten()
            .and_then(|i| cell_words.get_mut(i))
        {
            Some(list) => list.push(w),
            None => warnings.push(Warning {
                page: page.info.number,
                kind: WarningKind::TextOutsideCells {
                    text: w.text.clone(),
                    bbox: w.bbox,
                },
            }),
        }
    }
    let cells = grid
        .cells
        .iter()
        .zip(cell_words)
        .map(|(gc, ws)| {
            let rect = grid.cell_rect(gc);
            let mut paragraphs = paragraphs(&ws, page.info.number, s);
            let fill = cell_fill(page, &rect, s);
            for p in &mut paragraphs {
                p.fill = paragraph_fill(page, &rect, p, s);
            }
            Cell {
                row: gc.row,
                col: gc.col,
                row_span: gc.row_span,
                col_span: gc.col_span,
                paragraphs,
                fill,
                parts: vec![Part {
                    page: page.info.number,
                    bbox: rect,
                }],
            }
        })
        .collect();
    PageTable {
        page: page.info.number,
        bbox,
        xs: grid.xs.clone(),
        ys: grid.ys.clone(),
        cells,
        ruled: true,
    }
}

/// Words → printed lines (baseline clusters, left to right), top to bottom.
pub fn lines(words: &[&Word], page: u32) -> Vec<CellLine> {
    let mut ws: Vec<&Word> = words.to_vec();
    ws.sort_by(|a, b| {
        a.baseline
            .total_cmp(&b.baseline)
            .then(a.bbox.x0.total_cmp(&b.bbox.x0))
    });
    let mut out: Vec<(f64, Vec<&Word>)> = Vec::new();
    for w in ws {
        let tol = 0.5 * w.size.max(1.0);
        match out.last_mut() {
            Some((base, line)) if (w.baseline - *base).abs() <= tol => line.push(w),
            _ => out.push((w.baseline, vec![w])),
        }
    }
    out.into_iter()
        .filter_map(|(_, mut line)| {
            line.sort_by(|a, b| a.bbox.x0.total_cmp(&b.bbox.x0));
            let bbox = line.iter().map(|w| w.bbox).reduce(|a, b| a.union(&b))?;
            let text = line
                .iter()
                .map(|w| w.text.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            Some(CellLine { text, bbox, page })
        })
        .collect()
}

/// Split a bullet glyph off the start of a line.
fn strip_bullet(text: &str) -> Option<&str> {
    BULLETS.iter().find_map(|b| {
        let rest = text.strip_prefix(b)?;
        // "-" only counts when followed by a space ("- item"), not in "-5".
        if *b == "-" && !rest.starts_with(' ') {
            return None;
        }
        Some(rest.trim_start())
    })
}

/// Append a line to paragraph text: a space between lines, none after a hyphen that ends a
/// word ("2015-" + "17" = "2015-17": LibreOffice and Word break lines after a hyphen). A
/// hyphen standing alone ("Complete -" + "June") is a dash between words and keeps its space.
/// (Text typed as "Complete -June" prints exactly like "Complete - June" when the line breaks
/// there; the standalone reading is the common one.)
pub fn join_line(text: &mut String, line: &str) {
    if text.is_empty() {
        text.push_str(line);
        return;
    }
    let mut rev = text.chars().rev();
    let word_hyphen = rev.next() == Some('-') && rev.next().is_some_and(|c| !c.is_whitespace());
    if !word_hyphen {
        text.push(' ');
    }
    text.push_str(line);
}

/// Lines → paragraphs: a new paragraph after a blank gap or at a bullet.
pub fn paragraphs(words: &[&Word], page: u32, s: &Settings) -> Vec<Paragraph> {
    let mut out: Vec<Paragraph> = Vec::new();
    let mut prev: Option<Rect> = None;
    for line in lines(words, page) {
        let bullet_rest = strip_bullet(&line.text).map(str::to_string);
        let gap_break =
            prev.is_some_and(|p| line.bbox.top - p.bottom > s.paragraph_gap_lines * p.height());
        let new = out.is_empty() || gap_break || bullet_rest.is_some();
        prev = Some(line.bbox);
        if new {
            out.push(Paragraph {
                text: bullet_rest.clone().unwrap_or_else(|| line.text.clone()),
                bullet: bullet_rest.is_some(),
                fill: None,
                lines: vec![line],
            });
        } else if let Some(p) = out.last_mut() {
            join_line(&mut p.text, &line.text);
            p.lines.push(line);
        }
    }
    out
}

/// The fill covering most of `rect`, when it covers at least the settings' fraction.
fn cell_fill(page: &PagePrimitives, rect: &Rect, s: &Settings) -> Option<Colour> {
    let area = rect.area();
    if area <= 0.0 {
        return None;
    }
    page.fills
        .iter()
        .filter_map(|f| Some((f.colour?, f.rect.intersection(rect)?.area() / area)))
        .filter(|(_, cov)| *cov >= s.fill_cell_coverage)
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(c, _)| c)
        .filter(|c| !c.is_white())
}

/// A fill that shades this paragraph but not the whole cell.
fn paragraph_fill(
    page: &PagePrimitives,
    cell: &Rect,
    p: &Paragraph,
    s: &Settings,
) -> Option<Colour> {
    let pb = p.lines.iter().map(|l| l.bbox).reduce(|a, b| a.union(&b))?;
    let centre = pb.centre();
    let cell_area = cell.area();
    page.fills
        .iter()
        .filter(|f| f.rect.contains(centre, 0.0))
        .filter(|f| {
            f.rect
                .intersection(cell)
                .is_some_and(|i| i.area() < s.fill_cell_coverage * cell_area)
        })
        .filter_map(|f| Some((f.colour?, f.rect.area())))
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(c, _)| c)
        .filter(|c| !c.is_white())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hyphen_joins_without_space() {
        let mut t = String::from("Throughout 2015-");
        join_line(&mut t, "17");
        assert_eq!(t, "Throughout 2015-17");
        let mut t = String::from("Complete \u{2013}");
        join_line(&mut t, "June 2015");
        assert_eq!(t, "Complete \u{2013} June 2015");
        let mut t = String::from("Complete -");
        join_line(&mut t, "February 2015");
        assert_eq!(t, "Complete - February 2015");
    }

    #[test]
    fn bullets_are_recognised() {
        assert_eq!(strip_bullet("• Report to Board"), Some("Report to Board"));
        assert_eq!(strip_bullet("•Report"), Some("Report"));
        assert_eq!(strip_bullet("-5 degrees"), None);
        assert_eq!(strip_bullet("Plain"), None);
    }
}
