//! **Form fields as printed** (ISO 32000-1, 12.5.5 and 12.7): a filled-in form shows each
//! field's value through its widget annotation's normal appearance (`/AP /N`, or the state
//! `/AS` names in it), drawn in the annotation's rectangle after the page's content. A reader
//! of the form sees those values in their boxes, so they are read as the page's text. Other
//! annotations (comments, sticky notes, stamps, links) are a reviewer's layer over the page,
//! not its content, and are not read; neither is a widget flagged Hidden or NoView.

use lopdf::{Dictionary, Object};

use super::Interpreter;
use crate::geom::{Matrix, Rect};
use crate::pdf::state::GraphicsState;

/// Annotations looked at on one page (a long form has a few hundred fields).
const ANNOTATIONS_MAX: usize = 4096;

/// Annotation flags (12.5.3) that keep a widget from being shown: Hidden (2), NoView (6).
const NOT_SHOWN: i64 = (1 << 1) | (1 << 5);

impl<'a> Interpreter<'a> {
    /// Draw the normal appearance of every shown widget annotation of `page`.
    pub(super) fn widgets(&mut self, page: Option<&'a Dictionary>) {
        let doc = self.doc;
        let Some(annots) = page
            .and_then(|p| p.get(b"Annots").ok())
            .and_then(|a| doc.dereference(a).ok())
            .and_then(|(_, a)| a.as_array().ok())
        else {
            return;
        };
        let base = self.pattern_base;
        for annot in annots.iter().take(ANNOTATIONS_MAX) {
            if self.stopped {
                return;
            }
            let Some(annot) = doc
                .dereference(annot)
                .ok()
                .and_then(|(_, a)| a.as_dict().ok())
            else {
                continue;
            };
            let Some((id, stream, placed)) = appearance(doc, annot) else {
                continue;
            };
            self.gs = GraphicsState::new(placed.then(&base));
            self.stack.clear();
            self.form(b"widget appearance", id, stream, None);
        }
    }
}

/// A shown widget's normal appearance stream, with its object and the matrix that fits the
/// appearance's box to the annotation's rectangle (12.5.5, steps 1–2).
fn appearance<'a>(
    doc: &'a lopdf::Document,
    annot: &'a Dictionary,
) -> Option<(Option<lopdf::ObjectId>, &'a lopdf::Stream, Matrix)> {
    if annot.get(b"Subtype").and_then(|s| s.as_name()).ok()? != b"Widget" {
        return None;
    }
    let flags = annot.get(b"F").and_then(|f| f.as_i64()).unwrap_or(0);
    if flags & NOT_SHOWN != 0 {
        return None;
    }
    let ap = doc
        .dereference(annot.get(b"AP").ok()?)
        .ok()?
        .1
        .as_dict()
        .ok()?;
    let (mut id, mut normal) = doc.dereference(ap.get(b"N").ok()?).ok()?;
    if let Object::Dictionary(states) = normal {
        let state = annot.get(b"AS").and_then(|s| s.as_name()).ok()?;
        (id, normal) = doc.dereference(states.get(state).ok()?).ok()?;
    }
    let stream = normal.as_stream().ok()?;
    let place = rect(doc, annot.get(b"Rect").ok()?)?;
    let bbox = rect(doc, stream.dict.get(b"BBox").ok()?)?;
    let matrix = match stream.dict.get(b"Matrix").and_then(|m| m.as_array()) {
        Ok(m) => match numbers(doc, m).as_slice() {
            [a, b, c, d, e, f] => Matrix::new(*a, *b, *c, *d, *e, *f),
            _ => Matrix::IDENTITY,
        },
        Err(_) => Matrix::IDENTITY,
    };
    let corners = [
        (bbox.x0, bbox.top),
        (bbox.x1, bbox.top),
        (bbox.x0, bbox.bottom),
        (bbox.x1, bbox.bottom),
    ];
    let shown = Rect::bounding(corners.map(|(x, y)| matrix.apply(x, y)))?;
    if shown.width() <= 0.0 || shown.height() <= 0.0 {
        return None;
    }
    let (sx, sy) = (
        place.width() / shown.width(),
        place.height() / shown.height(),
    );
    let fit = Matrix::new(
        sx,
        0.0,
        0.0,
        sy,
        place.x0 - shown.x0 * sx,
        place.top - shown.top * sy,
    );
    fit.is_finite().then_some((id, stream, fit))
}

/// A rectangle `[x0 y0 x1 y1]` in PDF space (`top` holds the smaller y).
fn rect(doc: &lopdf::Document, o: &Object) -> Option<Rect> {
    let a = doc.dereference(o).ok()?.1.as_array().ok()?;
    match numbers(doc, a).as_slice() {
        [x0, y0, x1, y1] => {
            let r = Rect::from_corners(
                crate::geom::Pt::new(*x0, *y0),
                crate::geom::Pt::new(*x1, *y1),
            );
            r.is_finite().then_some(r)
        }
        _ => None,
    }
}

/// The numbers of an array, through references.
fn numbers(doc: &lopdf::Document, a: &[Object]) -> Vec<f64> {
    a.iter()
        .filter_map(|v| doc.dereference(v).ok()?.1.as_float().ok().map(f64::from))
        .collect()
}
