//! The `table` stage: page primitives and words → logical tables.
//!
//! The chain, after pdfplumber's `TableFinder` (itself after Nurminen's thesis and Tabula):
//! rules → snapped and joined edges ([`rules`]) → connected grids with their cells and spans
//! ([`grid`]) → cell text, paragraphs and fills ([`cells`]) → tables joined across pages, with
//! repeated headers dropped and broken rows mended ([`continuation`]). Tables drawn without
//! rules are found from text alignment ([`unruled`]).

mod cells;
mod context;
mod continuation;
mod grid;
mod group_columns;
mod index;
mod ledger_rows;
mod line_rows;
mod marks;
mod nested;
mod one_rule;
mod resume;
mod rules;
mod settings;
mod sheet_lines;
mod split;
mod stacked_heads;
mod strips;
mod sub_columns;
mod sub_rows;
mod tail;
mod unruled;

pub use cells::join_line;
pub use context::TextLine;
pub use continuation::{join, join_warned};
pub use index::CellIndex;
pub use marks::{Mark, MarkShape};
pub use rules::{Edge, Orientation};
pub use settings::{Settings, UnruledSettings};
pub use unruled::{Rejected, RejectedRegion};

use serde::{Deserialize, Serialize};
use std::fmt;

use crate::geom::Rect;
use crate::layout::Word;
use crate::pdf::{Colour, PagePrimitives};

/// One printed line of a cell.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CellLine {
    /// The words joined by spaces.
    pub text: String,
    /// Its box.
    pub bbox: Rect,
    /// The page it is on.
    pub page: u32,
    /// Whether every word on it is set in a bold font.
    pub bold: bool,
}

/// A paragraph inside a cell: lines with no blank line between them, or one bullet.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Paragraph {
    /// The text, lines joined by spaces (no space after a line-final hyphen), without the
    /// bullet glyph.
    pub text: String,
    /// True when it starts with a bullet glyph.
    pub bullet: bool,
    /// A fill shading this paragraph and not the whole cell.
    pub fill: Option<Colour>,
    /// Its printed lines.
    pub lines: Vec<CellLine>,
}

impl Paragraph {
    /// The box around its lines on `page`, if it has lines there.
    pub fn bbox_on(&self, page: u32) -> Option<Rect> {
        self.lines
            .iter()
            .filter(|l| l.page == page)
            .map(|l| l.bbox)
            .reduce(|a, b| a.union(&b))
    }
}

/// Where part of a cell or row is printed.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Part {
    /// 1-based page.
    pub page: u32,
    /// The box on that page.
    pub bbox: Rect,
}

/// A cell of a table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cell {
    /// Top row (0-based, in the logical table).
    pub row: usize,
    /// Left column (0-based).
    pub col: usize,
    /// Rows covered.
    pub row_span: usize,
    /// Columns covered.
    pub col_span: usize,
    /// Its paragraphs, top to bottom (across pages when the row breaks).
    pub paragraphs: Vec<Paragraph>,
    /// The cell's background, when a fill covers most of it. (A fill behind part of its text,
    /// such as a status pill, is that paragraph's [`Paragraph::fill`].)
    pub fill: Option<Colour>,
    /// Small filled shapes drawn in it (RAG symbols drawn as circles, squares, triangles or
    /// diamonds), top to bottom, left to right; across pages when the row breaks.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub marks: Vec<Mark>,
    /// Where it is printed: one part per page.
    pub parts: Vec<Part>,
}

impl Cell {
    /// The paragraphs joined by newlines.
    pub fn text(&self) -> String {
        let mut s = String::new();
        for (i, p) in self.paragraphs.iter().enumerate() {
            if i > 0 {
                s.push('\n');
            }
            s.push_str(&p.text);
        }
        s
    }

    /// Whether no text is in it (white space only; read from the front, stopping at the first
    /// other character, which is what `trim().is_empty()` tells at twice the reading).
    pub fn is_empty(&self) -> bool {
        self.paragraphs
            .iter()
            .all(|p| p.text.chars().all(char::is_whitespace))
    }
}

/// A table as drawn on one page.
#[derive(Debug, Clone, PartialEq)]
pub struct PageTable {
    /// 1-based page.
    pub page: u32,
    /// Outer box.
    pub bbox: Rect,
    /// Column boundaries, left to right (`columns.len() - 1` columns).
    pub xs: Vec<f64>,
    /// Row boundaries, top to bottom.
    pub ys: Vec<f64>,
    /// Its cells, row by row.
    pub cells: Vec<Cell>,
    /// Found from rules (true) or from text alignment.
    pub ruled: bool,
    /// A table only if it continues one from the page before: a header and one body row
    /// (the last row of a table pushed onto a page of its own under the repeated header).
    /// Alone, so little is no evidence of a table; [`join`] keeps it only as a continuation.
    pub continuation_only: bool,
    /// The lines of text on its page outside every table (shared by the page's tables): what
    /// tells a table split by a page break from two tables ([`join`]).
    pub outside: std::sync::Arc<[TextLine]>,
}

impl PageTable {
    /// Number of columns.
    pub fn n_cols(&self) -> usize {
        self.xs.len().saturating_sub(1)
    }
    /// Number of rows.
    pub fn n_rows(&self) -> usize {
        self.ys.len().saturating_sub(1)
    }
}

/// A cell of one paragraph with no lines, box or fill, for tests of the stages that read
/// tables: `text` at (`row`, `col`) over `row_span` rows.
#[cfg(test)]
pub(crate) fn text_cell(row: usize, col: usize, row_span: usize, text: &str) -> Cell {
    Cell {
        row,
        col,
        row_span,
        col_span: 1,
        paragraphs: vec![Paragraph {
            text: text.to_string(),
            bullet: false,
            fill: None,
            lines: Vec::new(),
        }],
        fill: None,
        marks: Vec::new(),
        parts: Vec::new(),
    }
}

/// A logical table: one or more page tables joined.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Pages it spans, ascending.
    pub pages: Vec<u32>,
    /// Outer box on its first page.
    pub bbox: Rect,
    /// Leading header rows (kept once; repeats on later pages are dropped).
    pub header_rows: usize,
    /// Number of logical rows.
    pub n_rows: usize,
    /// Number of columns.
    pub n_cols: usize,
    /// Every cell.
    pub cells: Vec<Cell>,
    /// Where each logical row is printed: one part per page.
    pub rows: Vec<Vec<Part>>,
    /// Found from rules or from alignment.
    pub ruled: bool,
}

impl Table {
    /// The plain grid: a spanning cell's text once, in its top-left slot, "" elsewhere.
    pub fn grid(&self) -> Vec<Vec<String>> {
        let mut g = vec![vec![String::new(); self.n_cols]; self.n_rows];
        for c in &self.cells {
            if let Some(slot) = g.get_mut(c.row).and_then(|r| r.get_mut(c.col)) {
                *slot = c.text();
            }
        }
        g
    }

    /// The cells of logical row `row` (those starting in it), left to right.
    pub fn row_cells(&self, row: usize) -> Vec<&Cell> {
        let mut cells: Vec<&Cell> = self.cells.iter().filter(|c| c.row == row).collect();
        cells.sort_by_key(|c| c.col);
        cells
    }

    /// The cell covering slot (row, col), spanning cells included.
    pub fn cell_at(&self, row: usize, col: usize) -> Option<&Cell> {
        self.cells.iter().find(|c| {
            row >= c.row && row < c.row + c.row_span && col >= c.col && col < c.col + c.col_span
        })
    }
}

/// Recoverable trouble in the table stage.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Warning {
    /// The page.
    pub page: u32,
    /// What happened.
    #[serde(flatten)]
    pub kind: WarningKind,
}

/// Kinds of table warnings.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum WarningKind {
    /// A word inside a table's box that lands in no cell.
    TextOutsideCells {
        /// The word.
        text: String,
        /// Its box.
        bbox: Rect,
    },
    /// A table found on its page only as the continuation of one on the page before (a
    /// header over one row, or rows under a cut row's remainder) that continues none, left
    /// out: its text, kept here.
    ContinuationDropped {
        /// Its rows.
        rows: usize,
        /// Its text: cells joined by " | ", rows by " / ".
        text: String,
        /// Its box.
        bbox: Rect,
    },
}

impl WarningKind {
    /// The stable snake_case name every output carries (`text_outside_cells`).
    pub fn code(&self) -> &'static str {
        match self {
            WarningKind::TextOutsideCells { .. } => "text_outside_cells",
            WarningKind::ContinuationDropped { .. } => "continuation_dropped",
        }
    }
}

/// What happened, in words, without the page.
impl fmt::Display for WarningKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WarningKind::TextOutsideCells { text, bbox } => {
                let [x0, t, x1, b] = bbox.to_array();
                write!(
                    f,
                    "text {text:?} at [{x0}, {t}, {x1}, {b}] is inside a table but in no cell"
                )
            }
            WarningKind::ContinuationDropped { rows, text, bbox } => {
                let [x0, t, x1, b] = bbox.to_array();
                write!(
                    f,
                    "a table of {rows} rows at [{x0}, {t}, {x1}, {b}], too little to be a table \
                     unless it continued one from the page before, continues none and was left \
                     out: {text:?}"
                )
            }
        }
    }
}

/// "page N: " and what happened.
impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "page {}: {}", self.page, self.kind)
    }
}

/// Tables found on one page, with warnings.
#[derive(Debug, Clone, Default)]
pub struct PageTables {
    /// The tables, top to bottom.
    pub tables: Vec<PageTable>,
    /// Trouble found.
    pub warnings: Vec<Warning>,
    /// Candidate regions of text that were not tables, and why.
    pub rejected: Vec<RejectedRegion>,
}

/// What the table finder saw on one page, for drawing (`primitives --svg`): the edges it
/// built its grids from, and what it found.
#[derive(Debug, Clone, Default)]
pub struct Inspection {
    /// Horizontal and vertical edges, snapped and joined.
    pub edges: Vec<Edge>,
    /// The tables, warnings and rejected regions.
    pub found: PageTables,
}

/// Find the tables on one page: stacks of thin strips become fills ([`strips`]), then ruled
/// grids, then (if enabled) unruled tables in the text outside them.
pub fn page_tables(page: &PagePrimitives, words: &[Word], settings: &Settings) -> PageTables {
    inspect(page, words, settings).found
}

/// Whether a ruled grid collapsed to one column: a frame drawn round text (or round a table
/// whose inner rules are missing or invisible) says nothing about its columns.
fn collapsed(t: &PageTable) -> bool {
    t.n_cols() < 2
}

/// As [`page_tables`], keeping the edges the ruled tables were built from.
pub fn inspect(page: &PagePrimitives, words: &[Word], settings: &Settings) -> Inspection {
    let merged = strips::as_fills(page, settings);
    let page = merged.as_ref().unwrap_or(page);
    let edges = rules::edges(page, settings);
    let mut grids = grid::grids(&edges, settings);
    // Two columns parted by one rule, with no side borders.
    grids.extend(one_rule::grids(&edges, &grids, settings));
    let mut out = PageTables::default();
    let mut used = vec![false; words.len()];
    // The words that are figures: what tells rows and columns a grid does not rule.
    let figures: Vec<usize> = if grids.is_empty() {
        Vec::new()
    } else {
        (0..words.len())
            .filter(|&i| words.get(i).is_some_and(|w| sub_rows::is_figure(&w.text)))
            .collect()
    };
    for g in grids {
        // A ruled row holding rows of figures on lines of their own is cut into them.
        let g = sub_rows::cut(g, words, &figures, &used, settings);
        // A row's label and figures read as one cell (no rules between its columns) are cut
        // into the columns the figures stand in.
        let g = sub_columns::cut(g, words, &figures, &used, settings);
        // Ruled groups of columns with unruled columns inside (a spreadsheet bordered round
        // year groups) are cut into their columns, then their rows into the sheet's lines.
        let (g, groups) = group_columns::cut(g, words, &used, settings);
        let g = if groups.is_empty() {
            g
        } else {
            let g = line_rows::cut(g, words, &used, settings);
            group_columns::span_headings(g, &groups, words, &used, settings)
        };
        // A head run over two ruled header rows is one head.
        let g = stacked_heads::join(g, words, &used);
        let before = (used.clone(), out.warnings.len());
        let t = cells::fill_grid(page, &g, words, &mut used, settings, &mut out.warnings);
        let took: Vec<usize> = (0..words.len())
            .filter(|&i| used.get(i) == Some(&true) && before.0.get(i) == Some(&false))
            .collect();
        let regrouped = || {
            unruled::under_ruled(&t, words, &took, settings)
                && unruled::read_whole(page, words, &took, settings)
        };
        if settings.unruled && (collapsed(&t) || regrouped()) {
            // Its words go to the unruled path, which reads their alignment.
            (used, _) = before.clone();
            out.warnings.truncate(before.1);
            continue;
        }
        out.tables.push(t);
    }
    if settings.unruled {
        // The words no ruled table took: all of them on most pages, which need no copy.
        let taken: Vec<Word>;
        let free: &[Word] = if used.contains(&true) {
            taken = words
                .iter()
                .zip(&used)
                .filter(|(_, u)| !**u)
                .map(|(w, _)| w.clone())
                .collect();
            &taken
        } else {
            words
        };
        let ruled: Vec<Rect> = out.tables.iter().map(|t| t.bbox).collect();
        let found = unruled::find(page, free, &ruled, settings);
        // Tables set one under another with the same columns are found as one region.
        let max = settings.alignment.max_bridge_lines;
        out.tables.extend(
            found
                .tables
                .into_iter()
                .flat_map(|t| split::at_repeated_headers(t, max)),
        );
        out.rejected = found.rejected;
        out.warnings.extend(found.warnings);
        // Filled rows with no rules under a ruled grid are its last rows.
        tail::attach(&mut out.tables, page, free, settings, &mut out.warnings);
    }
    out.tables.sort_by(|a, b| a.bbox.top.total_cmp(&b.bbox.top));
    // A table that may yet be dropped (it continues nothing) leaves its lines outside, as
    // a rejected region did: a heading among them still separates the tables around it.
    let boxes: Vec<Rect> = out
        .tables
        .iter()
        .filter(|t| !t.continuation_only)
        .map(|t| t.bbox)
        .collect();
    let outside = context::lines_outside(words, &boxes, settings);
    for t in &mut out.tables {
        t.outside = outside.clone();
    }
    Inspection { edges, found: out }
}
