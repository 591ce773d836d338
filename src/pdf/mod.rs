//! The `pdf` stage: the only code that touches lopdf. It opens a document (decrypting it if
//! needed), resolves page geometry, and interprets each page's content stream into
//! [`PagePrimitives`]: glyphs with Unicode, position and font; ruling lines; filled areas with
//! their colour. All coordinates are in the displayed page frame described in [`crate::geom`].
//!
//! lopdf gives objects, streams, decryption and content tokenising; placing glyphs, tracking
//! colours and following forms is done here by our own interpreter ([`interp`]), which pushes
//! events into a [`PageSink`].

mod backdrop;
mod clip;
mod colour;
mod content;
mod doc;
mod error;
pub mod font;
mod glyph_text;
mod image_colour;
mod inflate;
mod inline_span;
mod interp;
mod lazy;
pub mod limits;
mod ops;
mod optional;
mod path;
mod pattern;
mod sink;
mod state;
mod text;
mod types;

pub use doc::{Document, OpenOptions};
pub use error::{Error, Warning, WarningKind};
pub use limits::{Limit, Limits};

/// What the no-text check needs to know of one page (so the check can run after the page's
/// glyphs are dropped).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TextLayer {
    /// The page has a glyph (visible or invisible).
    pub has_text: bool,
    /// The page draws an image.
    pub has_images: bool,
    /// A limit cut the page short.
    pub cut_short: bool,
}

impl TextLayer {
    /// The page's text layer, as the no-text check sees it.
    pub fn of(page: &PagePrimitives) -> TextLayer {
        TextLayer {
            has_text: !page.glyphs.is_empty(),
            has_images: !page.images.is_empty(),
            cut_short: page
                .warnings
                .iter()
                .any(|w| matches!(w.kind, WarningKind::LimitHit { .. })),
        }
    }
}

/// The error for a document none of whose `pages` has any text (visible or invisible) while
/// some hold images: a scan that needs OCR. Pages with images but no text already carry a
/// [`WarningKind::NoTextLayer`] warning each. `Ok` when a page has a glyph, when no page has
/// an image (a blank or unreadable file is not a scan; its warnings say why it is empty), and
/// when a limit cut a page short (the limit, not a missing text layer, may be the reason).
pub fn require_text(file: &str, pages: &[PagePrimitives]) -> Result<(), Error> {
    let layers: Vec<TextLayer> = pages.iter().map(TextLayer::of).collect();
    require_text_layer(file, &layers)
}

/// [`require_text`] on the pages' [`TextLayer`]s.
pub fn require_text_layer(file: &str, pages: &[TextLayer]) -> Result<(), Error> {
    let has_text = pages.iter().any(|p| p.has_text);
    let has_images = pages.iter().any(|p| p.has_images);
    let cut_short = pages.iter().any(|p| p.cut_short);
    if has_text || !has_images || cut_short {
        return Ok(());
    }
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    Err(Error::NoTextLayer {
        file: file.to_string(),
        pages: count(pages.len()),
        image_pages: count(pages.iter().filter(|p| p.has_images).count()),
    })
}
pub use sink::{Collector, PageSink, Recorder};
pub use types::{
    Colour, Direction, Fill, FillShape, Glyph, GlyphText, PageInfo, PagePrimitives, Rule,
    RuleSource,
};

impl Document {
    /// Interpret page `number` (1-based), pushing everything found into `sink`.
    ///
    /// A missing page and a document-level limit ([`Error::LimitExceeded`]: time, document
    /// bytes) are errors; everything else that goes wrong on the page (an unreadable stream,
    /// a syntax error, a missing font, a page-level limit) is a warning in the sink.
    pub fn interpret_page(&self, number: u32, sink: &mut dyn PageSink) -> Result<(), Error> {
        let exceeded = |e: limits::Exceeded| Error::LimitExceeded {
            file: self.name().to_string(),
            limit: e.limit,
            value: e.value,
            page: Some(number),
        };
        self.budget.check_time().map_err(exceeded)?;
        let (geometry, problems) = self.geometry(number)?;
        sink.begin_page(&geometry.info);
        for p in problems {
            sink.warning(Warning::page(number, p));
        }
        let id = self.page_id(number)?;
        let page_dict = self.inner.get_dictionary(id).ok();
        let resources = self
            .inherited(page_dict, b"Resources")
            .and_then(|r| self.inner.dereference(r).ok())
            .and_then(|(_, r)| r.as_dict().ok());
        let mut content = Vec::new();
        let (streams, missing) = inflate::page_streams(&self.inner, id);
        if missing > 0 {
            sink.warning(Warning::page(
                number,
                WarningKind::ContentUnreadable {
                    reason: format!(
                        "{missing} of the page's content streams cannot be read as stream objects"
                    ),
                },
            ));
        }
        for (i, stream) in streams.into_iter().enumerate() {
            let decoded = inflate::decode(stream, self.limits.stream_bytes);
            match decoded.problem {
                None => {}
                Some(inflate::Problem::TooBig) => {
                    // The stream was inflated up to the limit before it was given up.
                    self.budget
                        .charge_bytes(self.limits.stream_bytes)
                        .map_err(exceeded)?;
                    sink.warning(Warning::page(
                        number,
                        WarningKind::LimitHit {
                            limit: Limit::StreamBytes,
                            value: self.limits.stream_bytes as u64,
                        },
                    ));
                }
                Some(inflate::Problem::Damaged { reason, kept }) => sink.warning(Warning::page(
                    number,
                    WarningKind::ContentUnreadable {
                        reason: format!(
                            "content stream {} cannot be decoded ({reason}); the {kept} bytes \
                             decoded before the damage were read",
                            i + 1
                        ),
                    },
                )),
            }
            self.budget
                .charge_bytes(decoded.bytes.len())
                .map_err(exceeded)?;
            if content.is_empty() {
                // The usual single stream: taken as it is, not copied.
                content = decoded.bytes;
            } else {
                content.push(b'\n');
                content.extend_from_slice(&decoded.bytes);
            }
        }
        let outcome = interp::Interpreter::new(
            &self.inner,
            &self.limits,
            &self.budget,
            &self.fonts,
            sink,
            &geometry,
        )
        .run_page(content, resources, page_dict);
        sink.end_page();
        outcome.map_err(exceeded)
    }

    /// Interpret page `number` (1-based) and collect its primitives.
    pub fn page(&self, number: u32) -> Result<PagePrimitives, Error> {
        let info = self.page_info(number)?;
        let mut collector = Collector::new(info);
        self.interpret_page(number, &mut collector)?;
        Ok(collector.finish())
    }
}
