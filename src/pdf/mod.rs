//! The `pdf` stage: the only code that touches lopdf. It opens a document (decrypting it if
//! needed), resolves page geometry, and interprets each page's content stream into
//! [`PagePrimitives`]: glyphs with Unicode, position and font; ruling lines; filled areas with
//! their colour. All coordinates are in the displayed page frame described in [`crate::geom`].
//!
//! lopdf gives objects, streams, decryption and content tokenising; placing glyphs, tracking
//! colours and following forms is done here by our own interpreter ([`interp`]), which pushes
//! events into a [`PageSink`].

mod colour;
mod content;
mod doc;
mod error;
pub mod font;
mod interp;
pub mod limits;
mod ops;
mod path;
mod sink;
mod state;
mod text;
mod types;

pub use doc::{Document, OpenOptions};
pub use error::{Error, Warning, WarningKind};
pub use limits::{Limit, Limits};
pub use sink::{Collector, PageSink, Recorder};
pub use types::{
    Colour, Direction, Fill, FillShape, Glyph, PageInfo, PagePrimitives, Rule, RuleSource,
};

impl Document {
    /// Interpret page `number` (1-based), pushing everything found into `sink`.
    ///
    /// Only a missing page is an error; everything else that goes wrong on the page (an
    /// unreadable stream, a syntax error, a missing font, a limit) is a warning in the sink.
    pub fn interpret_page(&self, number: u32, sink: &mut dyn PageSink) -> Result<(), Error> {
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
        let content = match self
            .inner
            .get_page_content_with_limit(id, self.limits.stream_bytes)
        {
            Ok(c) => c,
            Err(lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded {
                ..
            })) => {
                sink.warning(Warning::page(
                    number,
                    WarningKind::LimitHit {
                        limit: Limit::StreamBytes,
                        value: self.limits.stream_bytes as u64,
                    },
                ));
                Vec::new()
            }
            Err(e) => {
                sink.warning(Warning::page(
                    number,
                    WarningKind::ContentUnreadable {
                        reason: e.to_string(),
                    },
                ));
                Vec::new()
            }
        };
        interp::Interpreter::new(
            &self.inner,
            &self.limits,
            &self.fonts,
            sink,
            number,
            geometry.matrix,
        )
        .run_page(&content, resources);
        sink.end_page();
        Ok(())
    }

    /// Interpret page `number` (1-based) and collect its primitives.
    pub fn page(&self, number: u32) -> Result<PagePrimitives, Error> {
        let info = self.page_info(number)?;
        let mut collector = Collector::new(info);
        self.interpret_page(number, &mut collector)?;
        Ok(collector.finish())
    }
}
