//! A region's lines → a [`PageTable`], as a chain of named steps; each step that finds the
//! region is no table says why ([`Rejected`]):
//!
//! 1. [`frame`]: extent, header lines and columns (from the body's gutters);
//! 2. the body lines cut into [`pieces`] by column;
//! 3. [`header::place`]: the header's labels on their rows;
//! 4. [`rows::body_rows`]: body lines on rows, parted by rules across the table
//!    ([`bands`]) and gaps (one body row under a header: a table only as
//!    the continuation of one on the page before, [`PageTable::continuation_only`]);
//! 5. [`checks::check`]: not a list, prose, running text, chart; two columns; dense enough
//!    (a lone row: two columns only, [`checks::check_lone`]);
//! 6. [`emit::page_table`]: row boundaries and cells.

use crate::layout::Word;
use crate::pdf::PagePrimitives;
use crate::table::{PageTable, Settings};

use super::checks::{check, check_lone, Built};
use super::detect::{Edges, HRule, Region};
use super::frame::{frame, Frame};
use super::lines::TLine;
use super::pieces::{pieces, Piece};
use super::slots::GridBuild;
use super::verdict::Rejected;
use super::{bands, detect, emit, header, rows};

/// Build the table of one region, or say why it does not hold up as a table.
pub(super) fn table(
    page: &PagePrimitives,
    words: &[Word],
    lines: &[TLine],
    region: &Region,
    rules: &[HRule],
    edges: &Edges,
    s: &Settings,
) -> Result<PageTable, Rejected> {
    let u = &s.alignment;
    let ls: Vec<&TLine> = region.lines.iter().filter_map(|&i| lines.get(i)).collect();
    let Frame { ext, hdr, xs, gaps } = frame(&ls, words, rules, edges, u)?;
    let body = ls.get(hdr..).ok_or(Rejected::TooFewLines)?;
    let body_pieces: Vec<Vec<Piece>> = body
        .iter()
        .map(|l| pieces(l, words, &xs, &gaps, true, u))
        .collect();
    let mut grid = GridBuild::default();
    let (n_hdr_rows, mut row_lines) = header::place(
        ls.get(..hdr).unwrap_or(&[]),
        &body_pieces,
        words,
        &xs,
        &gaps,
        rules,
        &mut grid,
        u,
    );
    // One body row under a header may be the last row of a table pushed onto a page of its
    // own: built and checked as any table, it is kept as a continuation only.
    let shades = detect::band_fills(page, u);
    let bands = bands::bands(body, rules, &shades, ext, u);
    let lone = match rows::body_rows(
        body,
        &bands,
        &body_pieces,
        hdr,
        words,
        &mut grid,
        &mut row_lines,
        u,
    ) {
        Ok(()) => false,
        Err(Rejected::FewBodyRows { rows: 1 }) if n_hdr_rows > 0 => true,
        Err(e) => return Err(e),
    };
    let built = Built {
        grid: &grid,
        n_hdr_rows,
        n_rows: row_lines.len(),
        n_cols: xs.len().saturating_sub(1),
        ext,
        body,
        body_pieces: &body_pieces,
    };
    // A few numbered rows under the remainder of a row cut by the page break (text in later
    // columns only) read as a list, but are the rest of a table from the page before: kept
    // as a continuation only, as a lone row is.
    let lone = if lone {
        check_lone(&built)?;
        true
    } else {
        match check(&built, page, words, rules, u) {
            Ok(()) => false,
            Err(e @ Rejected::List { .. }) => {
                if !cut_row_first(&grid) {
                    return Err(e);
                }
                check_lone(&built)?;
                true
            }
            Err(e) => return Err(e),
        }
    };
    let mut table = emit::page_table(page, words, &ls, &row_lines, grid, xs, ext, s)?;
    table.continuation_only = lone;
    Ok(table)
}

/// Whether the first row holds text in later columns but none in the first, some of it past
/// the second: the remainder of a row the page break cut, whose key cell was on the page
/// before. (A list's markers have one column of text beside them: a paragraph's last line
/// opening a page of numbered paragraphs is in that column, and no cut table row.)
fn cut_row_first(grid: &GridBuild) -> bool {
    let first: Vec<_> = grid
        .cells
        .iter()
        .filter(|c| c.row == 0 && !c.words.is_empty())
        .collect();
    !first.is_empty() && first.iter().all(|c| c.col > 0) && first.iter().any(|c| c.col > 1)
}
