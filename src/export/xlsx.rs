//! The paper as an XLSX workbook: sheets Actions, Milestones, Report and Warnings (the columns
//! of [`super::sheet`]), with a bold frozen header row, filters, wrapped text, sensible widths,
//! and RAG cells filled with the colour they were printed on.

use rust_xlsxwriter::{
    Color, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet,
    XlsxError,
};

use super::sheet::{self, Sheet, Value};
use super::wire;
use crate::paper::document::Paper;

/// Excel's limit on the characters of one cell.
const MAX_CELL_CHARS: usize = 32_767;

/// Why the workbook could not be made.
#[derive(Debug, thiserror::Error)]
#[error("cannot write XLSX: {0}")]
pub struct Error(#[from] XlsxError);

/// The workbook's bytes.
pub fn workbook(paper: &Paper) -> Result<Vec<u8>, Error> {
    let paper = &wire::Paper::from(paper);
    let mut book = Workbook::new();
    // A fixed creation time (the zip format's earliest date) instead of the clock's, so one
    // paper always gives the same bytes: `export` from the store equals `extract`, and two
    // runs can be compared.
    let created = ExcelDateTime::from_ymd(1980, 1, 1)?;
    book.set_properties(&DocProperties::new().set_creation_datetime(&created));
    for s in [
        sheet::actions(paper),
        sheet::milestones(paper),
        sheet::report(paper),
        sheet::warnings(paper),
    ] {
        write_sheet(book.add_worksheet(), &s)?;
    }
    Ok(book.save_to_buffer()?)
}

/// A cell's text within Excel's limit; what is cut is said in the cell (the JSON output
/// keeps it whole).
fn cell_text(v: &Value) -> std::borrow::Cow<'_, str> {
    let count = v.text.chars().count();
    if count <= MAX_CELL_CHARS {
        return v.text.as_str().into();
    }
    let note = format!(" [cut: {count} characters in all, see the JSON output]");
    let keep: String = v
        .text
        .chars()
        .take(MAX_CELL_CHARS.saturating_sub(note.chars().count()))
        .collect();
    (keep + &note).into()
}

fn write_sheet(ws: &mut Worksheet, s: &Sheet) -> Result<(), XlsxError> {
    ws.set_name(s.name)?;
    let header = Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0xD9E1F2))
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::Top);
    let body = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    for (c, column) in (0u16..).zip(&s.columns) {
        ws.set_column_width(c, column.width)?;
        ws.write_string_with_format(0, c, column.name.as_ref(), &header)?;
    }
    for (r, row) in (1u32..).zip(&s.rows) {
        for (c, v) in (0u16..).zip(row) {
            let format = match v.fill {
                Some(f) => body.clone().set_background_color(Color::RGB(
                    (u32::from(f.r) << 16) | (u32::from(f.g) << 8) | u32::from(f.b),
                )),
                None => body.clone(),
            };
            match v.text.parse::<f64>() {
                Ok(n) if v.number => ws.write_number_with_format(r, c, n, &format)?,
                _ if v.text.is_empty() && v.fill.is_none() => ws,
                _ => ws.write_string_with_format(r, c, cell_text(v).as_ref(), &format)?,
            };
        }
    }
    let last_row = u32::try_from(s.rows.len()).unwrap_or(u32::MAX);
    let last_col = u16::try_from(s.columns.len().saturating_sub(1)).unwrap_or(0);
    ws.autofilter(0, 0, last_row, last_col)?;
    ws.set_freeze_panes(1, 0)?;
    Ok(())
}
