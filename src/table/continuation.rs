//! Page tables → logical tables: a table that ends one page and one that starts the next
//! with the same columns are one table, unless a caption or heading is printed between them
//! ([`super::context`]) or the next one starts under a header of its own; repeated header rows
//! are dropped, and a row broken by the page break (its key cell empty on the new page: the
//! first column most rows open, past leading columns merged down their rows) is mended cell by
//! cell and paragraph by paragraph. A page table found only as a continuation (a header and one
//! row, [`PageTable::continuation_only`]) is dropped when it continues nothing.

use std::sync::Arc;

use super::cells::{join_line, opens_item};
use super::context;
use super::resume::{self, Starts};
use super::{Cell, PageTable, Part, Settings, Table, Warning, WarningKind};
use crate::tolerance::DEFAULT_FONT_SIZE;

/// Join page tables (one list per page, in page order, each top to bottom) into logical tables.
/// A page table found only as a continuation that continues nothing is left out; see
/// [`join_warned`] for the warning that keeps its text.
pub fn join(pages: Vec<Vec<PageTable>>, s: &Settings) -> Vec<Table> {
    join_warned(pages, s).0
}

/// As [`join`], with a warning (its page and text) for each page table found only as a
/// continuation that continues no table and is left out: its words are in no table, and no
/// other output keeps them.
pub fn join_warned(pages: Vec<Vec<PageTable>>, s: &Settings) -> (Vec<Table>, Vec<Warning>) {
    let mut warnings = Vec::new();
    let mut tables: Vec<Table> = Vec::new();
    // Each logical table's last page table, its cells gone, and where its columns' text
    // starts on every page so far.
    let mut tails: Vec<(PageTable, Starts)> = Vec::new();
    let mut open: Option<usize> = None;
    for list in pages {
        let mut last_on_page = None;
        let mut k = 0;
        for pt in list {
            let first = k == 0;
            k += 1;
            // How many leading rows of `pt` repeat the open table's, once asked: asked by
            // `continues` and again by `append`, of the same table and page table.
            let mut skip = None;
            let found = open
                .filter(|_| first)
                .and_then(|ti| Some((ti, tables.get(ti)?, tails.get(ti)?)))
                .and_then(|(ti, t, tail)| {
                    if continues(t, tail, &pt, s, &mut skip) {
                        return Some((ti, None));
                    }
                    // The rest of a row cut by the break, printed above a table that
                    // carries the columns on, is no heading between two tables.
                    let key = key_column(t);
                    let with = resume::with_remainder(&pt, &tail.1, key, &tail.0.outside, s)?;
                    let mut again = None;
                    continues(t, tail, &with, s, &mut again).then(|| {
                        skip = again;
                        (ti, Some(with))
                    })
                });
            let (target, pt) = match found {
                Some((ti, with)) => (Some(ti), with.unwrap_or(pt)),
                None => (None, pt),
            };
            match target.and_then(|ti| tables.get_mut(ti).map(|t| (ti, t))) {
                Some((ti, t)) => {
                    // Only a table reaching its page's foot can have its last row cut there.
                    let at_foot = tails
                        .get(ti)
                        .is_none_or(|tail| context::reaches_foot(&tail.0, &pt, s));
                    if let Some(tail) = tails.get_mut(ti) {
                        tail.0 = frame(&pt);
                        resume::merge(&mut tail.1, resume::column_starts(&pt));
                    }
                    let skip = skip.unwrap_or_else(|| repeated_header(t, &pt, s));
                    append(t, pt, skip, at_foot, s);
                    last_on_page = Some(ti);
                }
                // Nothing before it to continue: not a table (it was no evidence of one).
                None if pt.continuation_only => {
                    k -= 1;
                    warnings.push(dropped(&pt));
                }
                None => {
                    tails.push((frame(&pt), resume::column_starts(&pt)));
                    tables.push(start(pt));
                    last_on_page = Some(tables.len() - 1);
                }
            }
        }
        open = last_on_page;
    }
    (tables, warnings)
}

/// The warning for a continuation-only page table left out: its rows, cells joined by " | ",
/// rows by " / ".
fn dropped(pt: &PageTable) -> Warning {
    let rows: Vec<String> = (0..pt.n_rows())
        .map(|r| {
            let cells: Vec<String> = row_key(pt.cells.iter(), r)
                .into_iter()
                .map(|(_, _, t)| t)
                .filter(|t| !t.is_empty())
                .collect();
            cells.join(" | ")
        })
        .filter(|r| !r.is_empty())
        .collect();
    Warning {
        page: pt.page,
        kind: WarningKind::ContinuationDropped {
            rows: pt.n_rows(),
            text: rows.join(" / "),
            bbox: pt.bbox,
        },
    }
}

/// A page table without its cells: what the next page's table is compared with.
fn frame(pt: &PageTable) -> PageTable {
    PageTable {
        cells: Vec::new(),
        outside: Arc::clone(&pt.outside),
        xs: pt.xs.clone(),
        ys: Vec::new(),
        ..*pt
    }
}

/// Whether page table `pt`, first on its page, continues table `t`, whose last page table
/// (`tail`) was last on the page before: ruled tables with the same columns or unruled ones
/// under a repeated header, with no caption or heading between them and no header of its own.
/// `skip` keeps [`repeated_header`] of `t` and `pt` once it has been asked.
fn continues(
    t: &Table,
    (tail, starts): &(PageTable, Starts),
    pt: &PageTable,
    s: &Settings,
    skip: &mut Option<usize>,
) -> bool {
    let next_page = t.pages.last().is_some_and(|&p| p + 1 == pt.page);
    let same_columns = if pt.ruled {
        t.ruled && columns_match(&tail.xs, &pt.xs, s.column_match_tolerance)
    } else {
        repeats_header(t, pt)
            || (!t.ruled && resume::same_layout(starts, pt, s.column_start_tolerance))
    };
    next_page && same_columns && !context::separated(tail, pt, s) && !own_header(t, pt, s, skip)
}

/// Whether `pt` starts under a header row of its own: `t` has a shaded header, `pt`'s first
/// row is shaded the same way (every cell) and split into the same cells (a group row shaded
/// like the header spans them), and it does not repeat `t`'s header. `skip` as for
/// [`continues`].
fn own_header(t: &Table, pt: &PageTable, s: &Settings, skip: &mut Option<usize>) -> bool {
    let slots = |cells: &[Cell]| -> Vec<(usize, usize)> {
        let mut v: Vec<_> = cells
            .iter()
            .filter(|c| c.row == 0)
            .map(|c| (c.col, c.col_span))
            .collect();
        v.sort_unstable();
        v
    };
    let fill = |cells: &[Cell]| {
        let row: Vec<&Cell> = cells.iter().filter(|c| c.row == 0).collect();
        let f = row.first().and_then(|c| c.fill)?;
        row.iter().all(|c| c.fill == Some(f)).then_some(f)
    };
    t.header_rows > 0
        && slots(&t.cells) == slots(&pt.cells)
        && fill(&t.cells).is_some_and(|f| fill(&pt.cells) == Some(f))
        && *skip.get_or_insert_with(|| repeated_header(t, pt, s)) == 0
}

/// Whether unruled page table `pt` continues unruled table `t`: the same number of columns
/// under a first row that repeats `t`'s (a running header, as print titles and LaTeX's
/// `\endhead` print it). Unruled columns come from the gutters of each page's text, which
/// move with it, so their positions alone say nothing.
fn repeats_header(t: &Table, pt: &PageTable) -> bool {
    !t.ruled && t.n_cols == pt.n_cols() && pt.n_rows() > 1 && {
        let a = row_key(t.cells.iter(), 0);
        !a.iter().all(|(_, _, s)| s.is_empty()) && same_header_row(&a, &row_key(pt.cells.iter(), 0))
    }
}

/// Whether a page table's header row `b` repeats the table's header row `a`: the same cells,
/// each with the same text, or with the text the first page's cell ends in (a line printed
/// just above the header, such as a version line, that the first page's region took into its
/// header cell is not repeated on the pages after).
fn same_header_row(a: &[(usize, usize, String)], b: &[(usize, usize, String)]) -> bool {
    a.len() == b.len()
        && a.iter().zip(b).all(|((ca, sa, ta), (cb, sb, tb))| {
            ca == cb
                && sa == sb
                && (ta == tb
                    || (!tb.is_empty()
                        && ta
                            .strip_suffix(tb.as_str())
                            .is_some_and(|head| head.ends_with(' '))))
        })
}

fn columns_match(a: &[f64], b: &[f64], tol: f64) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| (x - y).abs() <= tol)
}

fn row_parts(pt: &PageTable) -> Vec<Vec<Part>> {
    let (x0, x1) = (pt.bbox.x0, pt.bbox.x1);
    pt.ys
        .windows(2)
        .map(|w| {
            vec![Part {
                page: pt.page,
                bbox: crate::geom::Rect {
                    x0,
                    top: w[0],
                    x1,
                    bottom: w[1],
                },
            }]
        })
        .collect()
}

/// A new logical table from its first page table. Header rows: the leading rows shaded like
/// the first row (a shaded header is the common convention), when the first row is shaded.
fn start(pt: PageTable) -> Table {
    let first_fill = pt.cells.iter().find(|c| c.row == 0).and_then(|c| c.fill);
    let header_rows = match first_fill {
        Some(f) => (0..pt.n_rows().saturating_sub(1))
            .take_while(|&r| {
                pt.cells
                    .iter()
                    .filter(|c| c.row == r)
                    .all(|c| c.fill == Some(f))
            })
            .count(),
        None => 0,
    };
    Table {
        pages: vec![pt.page],
        bbox: pt.bbox,
        header_rows,
        n_rows: pt.n_rows(),
        n_cols: pt.n_cols(),
        rows: row_parts(&pt),
        ruled: pt.ruled,
        cells: pt.cells,
    }
}

/// A cell's text with every run of white space made one space and none at either end: its
/// paragraphs' words in order (as [`Cell::text`], whose paragraphs are joined by white space,
/// would give), written straight into one string.
fn normalised_text(cell: &Cell) -> String {
    let mut out = String::new();
    let mut push = |word: &str| {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    };
    for p in &cell.paragraphs {
        // ASCII text splits byte by byte; its only white space `split_ascii_whitespace` does
        // not know is the vertical tab, so text holding one takes the general path.
        if p.text.is_ascii() && !p.text.as_bytes().contains(&0x0B) {
            p.text.split_ascii_whitespace().for_each(&mut push);
        } else {
            p.text.split_whitespace().for_each(&mut push);
        }
    }
    out
}

fn row_key<'a>(cells: impl Iterator<Item = &'a Cell>, row: usize) -> Vec<(usize, usize, String)> {
    let mut k: Vec<_> = cells
        .filter(|c| c.row == row)
        .map(|c| (c.col, c.col_span, normalised_text(c)))
        .collect();
    k.sort();
    k
}

/// How many leading rows of `pt` repeat the table's leading rows.
fn repeated_header(t: &Table, pt: &PageTable, s: &Settings) -> usize {
    (0..s
        .max_header_rows
        .min(pt.n_rows().saturating_sub(1))
        .min(t.n_rows))
        .take_while(|&r| {
            let a = row_key(t.cells.iter(), r);
            !a.iter().all(|(_, _, s)| s.is_empty())
                && same_header_row(&a, &row_key(pt.cells.iter(), r))
        })
        .count()
}

/// Append a page table to a logical table; its first `skip` rows repeat the table's leading
/// rows ([`repeated_header`]). Its first row may mend the table's last row only when the
/// table reached the foot of the page before (`at_foot`).
fn append(t: &mut Table, mut pt: PageTable, skip: usize, at_foot: bool, s: &Settings) {
    if skip > 0 {
        t.header_rows = t.header_rows.max(skip);
    }
    pt.cells.retain(|c| c.row >= skip);
    let parts = row_parts(&pt);
    let body_rows = pt.n_rows().saturating_sub(skip);
    let last_row = t.n_rows.saturating_sub(1);
    let broken = at_foot && t.n_rows > t.header_rows && body_rows > 0 && {
        let key = key_column(t);
        let first_key_empty = pt
            .cells
            .iter()
            .find(|c| c.row == skip && c.col <= key && key < c.col + c.col_span.max(1))
            .is_none_or(|c| c.is_empty());
        let first_not_full = !pt
            .cells
            .iter()
            .any(|c| c.row == skip && c.col_span >= pt.n_cols());
        let last_not_full = !t
            .cells
            .iter()
            .any(|c| c.row + c.row_span == t.n_rows && c.col_span >= t.n_cols);
        ((first_key_empty && first_not_full && last_not_full) || full_width_continues(t, &pt, skip))
            && !figures_either_side(t, &pt, skip)
    };
    let offset = if broken {
        last_row as isize - skip as isize
    } else {
        t.n_rows as isize - skip as isize
    };
    for mut c in pt.cells {
        let new_row = (c.row as isize + offset).max(0) as usize;
        if broken && c.row == skip {
            if let Some(target) = t
                .cells
                .iter_mut()
                .find(|x| x.col == c.col && x.row + x.row_span == t.n_rows)
            {
                target.row_span += c.row_span - 1;
                merge_cell(target, c, s.break_gap_lines);
                continue;
            }
        }
        c.row = new_row;
        t.cells.push(c);
    }
    let mut parts_iter = parts.into_iter().skip(skip);
    if broken {
        if let (Some(row), Some(part)) = (t.rows.get_mut(last_row), parts_iter.next()) {
            row.extend(part);
        }
    }
    t.rows.extend(parts_iter);
    t.n_rows = t.rows.len();
    t.pages.push(pt.page);
    t.cells.sort_by_key(|c| (c.row, c.col));
}

/// Whether a column holds a figure both in `t`'s last row and in `pt`'s first body row (row
/// `skip`): a figure is printed whole on its line, so these are two rows — a ledger's "Carried
/// forward" closing one page and "Brought forward" opening the next — not one row cut by the
/// break.
fn figures_either_side(t: &Table, pt: &PageTable, skip: usize) -> bool {
    let figure = |c: &Cell| {
        let text = c.text();
        !text.trim().is_empty() && super::sub_rows::is_figure(&text)
    };
    t.cells
        .iter()
        .filter(|c| c.row + c.row_span == t.n_rows && figure(c))
        .any(|a| {
            pt.cells
                .iter()
                .any(|b| b.row == skip && b.col == a.col && figure(b))
        })
}

/// The column whose cell opens every row: the leftmost in which most body rows start a cell
/// with text. Leading columns merged down their rows (a priority, an objective) are empty on
/// most rows, so an empty cell there says nothing about a row cut by the page break; the
/// reference or first text column beside them does.
fn key_column(t: &Table) -> usize {
    // One pass over the cells (this runs once per page a table continues on), into one flat
    // list of rows × columns: a list per row was an allocation per row on every page.
    let rows = t.n_rows.saturating_sub(t.header_rows);
    let n_cols = t.n_cols;
    let mut across = vec![false; rows];
    let mut opened = vec![false; rows * n_cols];
    for c in &t.cells {
        let Some(r) = c.row.checked_sub(t.header_rows).filter(|&r| r < rows) else {
            continue;
        };
        // Rows across the table (group headings) open no column.
        if c.col_span >= n_cols {
            if let Some(a) = across.get_mut(r) {
                *a = true;
            }
        } else if c.col_span == 1 && c.col < n_cols && !c.is_empty() {
            if let Some(o) = opened.get_mut(r * n_cols + c.col) {
                *o = true;
            }
        }
    }
    let body: Vec<&[bool]> = opened
        .chunks(n_cols.max(1))
        .zip(&across)
        .filter(|(_, a)| !**a)
        .map(|(o, _)| o)
        .collect();
    if body.is_empty() {
        return 0;
    }
    (0..n_cols)
        .find(|&col| {
            let n = body
                .iter()
                .filter(|o| o.get(col).copied().unwrap_or(false))
                .count();
            n * 10 >= body.len() * 7
        })
        .unwrap_or(0)
}

/// Whether a full-width row that starts the page continues the full-width row that ended the
/// previous page: the earlier part stops mid-sentence, or the later part starts in lower case.
fn full_width_continues(t: &Table, pt: &PageTable, skip: usize) -> bool {
    let last = t
        .cells
        .iter()
        .find(|c| c.row + c.row_span == t.n_rows && c.col_span >= t.n_cols);
    let first = pt
        .cells
        .iter()
        .find(|c| c.row == skip && c.col_span >= pt.n_cols());
    let (Some(last), Some(first)) = (last, first) else {
        return false;
    };
    let (before, after) = (last.text(), first.text());
    let stops = before.trim_end().ends_with(['.', '?', '!', ':', ';']);
    let lower = after
        .trim_start()
        .chars()
        .next()
        .is_some_and(char::is_lowercase);
    !before.trim().is_empty() && !after.trim().is_empty() && (lower || !stops)
}

/// Continue cell `a` (ending at a page break) with `b` (its rest on the next page).
fn merge_cell(a: &mut Cell, b: Cell, break_gap_lines: f64) {
    let a_bottom = a.parts.last().map(|p| p.bbox.bottom);
    let b_top = b.parts.first().map(|p| p.bbox.top);
    let room = room_before_break(a);
    let mut bp = b.paragraphs.into_iter();
    if let (Some(last), Some(first)) = (a.paragraphs.last_mut(), bp.next()) {
        let last_line = last.lines.last().map(|l| l.bbox);
        let first_line = first.lines.first().map(|l| l.bbox);
        let h = last_line.map_or(DEFAULT_FONT_SIZE, |l| l.height().max(1.0));
        // A sentence ended short of the cell's text edge by more than the next page's first
        // word: that word would have fitted on the line, so the paragraph ended at the break.
        let short = last.text.trim_end().ends_with(['.', '?', '!'])
            && first
                .lines
                .first()
                .is_some_and(|l| room.is_some_and(|r| r > first_word_width(l)));
        let ended_a = short
            || match (a_bottom, last_line) {
                (Some(bottom), Some(l)) => bottom - l.bottom > break_gap_lines * h,
                _ => true,
            };
        let starts_b = match (b_top, first_line) {
            (Some(top), Some(l)) => l.top - top > break_gap_lines * h,
            _ => true,
        };
        // Text that plainly runs on (no full stop before the break, lower case after it)
        // outweighs a gap: a row cut by a browser's page break leaves up to a line of space
        // above the cut, with no rule to measure from.
        let runs_on = !last.text.trim_end().ends_with(['.', '?', '!', ':', ';'])
            && first
                .text
                .trim_start()
                .chars()
                .next()
                .is_some_and(char::is_lowercase);
        // A list item opening the next page ("b) New contract …") starts a paragraph, as a
        // bullet does.
        if first.bullet || opens_item(&first.text) || ((ended_a || starts_b) && !runs_on) {
            a.paragraphs.push(first);
        } else {
            join_line(&mut last.text, &first.text);
            last.lines.extend(first.lines);
            last.fill = last.fill.or(first.fill);
        }
    } else if let Some(first) = bp.next() {
        a.paragraphs.push(first);
    }
    a.paragraphs.extend(bp);
    a.fill = a.fill.or(b.fill);
    a.marks.extend(b.marks);
    a.parts.extend(b.parts);
}

/// How far the last line of `a` (before a page break) stops short of the right edge of the
/// text of `a` on that page (its longest line's end).
fn room_before_break(a: &Cell) -> Option<f64> {
    let last = a.paragraphs.last()?.lines.last()?;
    let right = a
        .paragraphs
        .iter()
        .flat_map(|p| &p.lines)
        .filter(|l| l.page == last.page)
        .map(|l| l.bbox.x1)
        .fold(last.bbox.x1, f64::max);
    Some(right - last.bbox.x1)
}

/// About how wide the first word of `line` and a space before it are: its share of the
/// line's characters of the line's width.
fn first_word_width(line: &super::CellLine) -> f64 {
    let chars = line.text.chars().count().max(1) as f64;
    let word = line
        .text
        .split_whitespace()
        .next()
        .map_or(0, |w| w.chars().count()) as f64;
    line.bbox.width() * (word + 1.0) / chars
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(row: usize, col: usize, row_span: usize, text: &str) -> Cell {
        super::super::text_cell(row, col, row_span, text)
    }

    #[test]
    fn a_cells_normalised_text_joins_its_paragraphs_words_with_single_spaces() {
        let mut c = cell(0, 0, 1, "  Lead\u{a0} officer\t(name) ");
        let mut second = c.paragraphs[0].clone();
        second.text = "\n and  date\n".into();
        c.paragraphs.push(second);
        assert_eq!(normalised_text(&c), "Lead officer (name) and date");
        assert_eq!(normalised_text(&cell(0, 0, 1, " \n ")), "");
        // ASCII text, with and without a vertical tab (white space to `split_whitespace`).
        assert_eq!(normalised_text(&cell(0, 0, 1, "\ta  b\r\nc ")), "a b c");
        assert_eq!(normalised_text(&cell(0, 0, 1, "a\x0Bb\x0C c")), "a b c");
    }

    #[test]
    fn the_key_column_is_past_leading_columns_merged_down_their_rows() {
        // Priority | Objective | Ref | Action: the first two merged down four rows.
        let mut cells = vec![cell(0, 0, 1, "Priority"), cell(0, 1, 1, "Objective")];
        cells.extend([cell(0, 2, 1, "Ref"), cell(0, 3, 1, "Action")]);
        cells.extend([cell(1, 0, 4, "Economy"), cell(1, 1, 2, "1.1 Town centres")]);
        cells.push(cell(3, 1, 2, "1.2 Jobs"));
        for r in 1..5 {
            cells.push(cell(r, 2, 1, &format!("KD0{r}")));
            cells.push(cell(r, 3, 1, "Do something."));
        }
        let mut t = Table {
            pages: vec![1],
            bbox: Default::default(),
            header_rows: 1,
            n_rows: 5,
            n_cols: 4,
            cells,
            rows: Vec::new(),
            ruled: true,
        };
        assert_eq!(key_column(&t), 2);
        // Rows across the table (group headings) count for no column.
        for r in 5..8 {
            t.cells.push(Cell {
                col_span: 4,
                ..cell(r, 0, 1, "Priority 2")
            });
        }
        t.n_rows = 8;
        assert_eq!(key_column(&t), 2);
        // With a reference on every row's first cell, that is the key.
        t.cells.retain(|c| c.col != 1 || c.row == 0);
        t.cells.retain(|c| c.col != 0 || c.row == 0);
        for r in 1..5 {
            t.cells.push(cell(r, 0, 1, "x"));
        }
        assert_eq!(key_column(&t), 0);
    }
}
