//! Step 1b: a label cell wrapped over two rows. In a label–value table with a narrow label
//! column the label may wrap ("Pwyllgor /" over "Committee:", "Date of" over "meeting:")
//! while its value stands on the first row: the label's second row is joined to the first
//! row's label, so the row reads "Pwyllgor / Committee: Corporate Scrutiny Committee".

use super::label::{label_kind, LabelKind};
use super::rows::Row;
use crate::paper::PaperSettings;

/// Join each wrapped label's second row into the row holding its value (rows of one page, top
/// to bottom).
pub(super) fn join_wrapped_labels(rows: &mut Vec<Row>, settings: &PaperSettings) {
    let mut i = 0;
    while i + 1 < rows.len() {
        let joined = match (rows.get(i), rows.get(i + 1)) {
            (Some(a), Some(b)) => wrapped_label(a, b, settings),
            _ => None,
        };
        if let Some(row) = joined {
            if let Some(slot) = rows.get_mut(i) {
                *slot = row;
            }
            rows.remove(i + 1);
        }
        i += 1;
    }
}

/// Row `a` with the label end on row `b` joined to its label, when `b` is the wrapped end of
/// the label in `a`'s first column: `a` holds a label with no colon and a value in a column of
/// its own; `b` holds only a few words ending in a colon, at the label's left edge, a line
/// below, ending before the value; and the joined words name a known label.
fn wrapped_label(a: &Row, b: &Row, settings: &PaperSettings) -> Option<Row> {
    let segments = a.segments();
    let (first, value) = (segments.first()?, segments.get(1)?);
    let label = a.words.get(first.clone())?;
    let value_x = a.words.get(value.start)?.x0;
    let tol = settings.column_tolerance;
    let line = settings.paragraph_gap * settings.line_pitch_em * a.size;
    let end_alone = b.segments().len() == 1
        && b.words.len() <= 4
        && b.words.last().is_some_and(|w| w.text.ends_with(':'))
        && b.x1() < value_x;
    let below = b.page == a.page && b.baseline > a.baseline && b.baseline - a.baseline < line;
    let open = label.len() <= 5 && label.iter().all(|w| !w.text.ends_with(':'));
    if !(end_alone && below && open && (b.x0() - a.x0()).abs() <= tol) {
        return None;
    }
    let text = format!("{} {}", a.range_text(first.clone()), b.text());
    if label_kind(&text) == LabelKind::Other {
        return None;
    }
    let mut row = a.clone();
    let tail: Vec<_> = b
        .words
        .iter()
        .cloned()
        .map(|mut w| {
            w.new_seg = false;
            w
        })
        .collect();
    row.words.splice(first.end..first.end, tail);
    row.bottom = row.bottom.max(b.bottom);
    Some(row)
}
