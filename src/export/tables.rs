//! The `tables` output: JSON, CSV and Markdown for logical tables.
//!
//! JSON: `{"file", "tables": [{"pages", "page", "bbox", "header_rows", "ruled", "rows",
//! "cells": [{"row", "col", "row_span", "col_span", "text", "paragraphs", "fill", "page",
//! "bbox", "continued", "marks"}]}], "warnings": [{"page", "kind", "message", ...}]}`. `fill`
//! is the cell's background, else the fill behind its first shaded paragraph (a status pill).
//! `marks` (left out when none) are the small filled shapes drawn in the cell, each
//! `{"bbox", "colour", "shape"}` with `shape` one of `circle`, `square`, `triangle`, `diamond`,
//! `other` (RAG symbols drawn as vector shapes). `rows` is the plain
//! grid: a spanning cell's text once, in its top-left slot, "" elsewhere. Boxes are
//! `[x0, top, x1, bottom]` in points on the displayed page, origin top-left.

use serde::Serialize;

use crate::colour::Colour;
use crate::geom::Rect;
use crate::table::{Mark, Part, Table};

pub use super::wire::Warning as WireWarning;

/// The JSON document.
#[derive(Debug, Serialize)]
pub struct TablesDoc<'a> {
    /// The input file.
    pub file: &'a str,
    /// Tables in document order.
    pub tables: Vec<WireTable>,
    /// Warnings from every stage.
    pub warnings: Vec<WireWarning>,
}

/// A table on the wire.
#[derive(Debug, Serialize)]
pub struct WireTable {
    pages: Vec<u32>,
    page: u32,
    bbox: Rect,
    header_rows: usize,
    ruled: bool,
    rows: Vec<Vec<String>>,
    cells: Vec<WireCell>,
}

#[derive(Debug, Serialize)]
struct WireCell {
    row: usize,
    col: usize,
    row_span: usize,
    col_span: usize,
    text: String,
    paragraphs: Vec<String>,
    fill: Option<Colour>,
    page: u32,
    bbox: Rect,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    continued: Vec<Part>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    marks: Vec<Mark>,
}

impl From<&Table> for WireTable {
    fn from(t: &Table) -> Self {
        WireTable {
            pages: t.pages.clone(),
            page: t.pages.first().copied().unwrap_or(0),
            bbox: t.bbox,
            header_rows: t.header_rows,
            ruled: t.ruled,
            rows: t.grid(),
            cells: t
                .cells
                .iter()
                .map(|c| {
                    let first = c.parts.first().copied().unwrap_or(Part {
                        page: 0,
                        bbox: Rect::default(),
                    });
                    WireCell {
                        row: c.row,
                        col: c.col,
                        row_span: c.row_span,
                        col_span: c.col_span,
                        text: c.text(),
                        paragraphs: c.paragraphs.iter().map(|p| p.text.clone()).collect(),
                        fill: c.fill.or_else(|| c.paragraphs.iter().find_map(|p| p.fill)),
                        page: first.page,
                        bbox: first.bbox,
                        continued: c.parts.iter().skip(1).copied().collect(),
                        marks: c.marks.clone(),
                    }
                })
                .collect(),
        }
    }
}

/// One table as CSV (the plain grid).
pub fn csv(t: &Table) -> Result<Vec<u8>, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    for row in t.grid() {
        w.write_record(&row)?;
    }
    w.into_inner().map_err(|e| csv::Error::from(e.into_error()))
}

/// One table as a GitHub-flavoured Markdown table (newlines in cells become `<br>`).
pub fn markdown(t: &Table) -> String {
    let esc = |s: &str| s.replace('|', "\\|").replace('\n', "<br>");
    let grid = t.grid();
    let mut out = String::new();
    for (i, row) in grid.iter().enumerate() {
        out.push('|');
        for c in row {
            out.push(' ');
            out.push_str(&esc(c));
            out.push_str(" |");
        }
        out.push('\n');
        if i == 0 {
            out.push('|');
            out.push_str(&" --- |".repeat(row.len()));
            out.push('\n');
        }
    }
    out
}
