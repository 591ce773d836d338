//! Bounds on what a hostile or broken file may cost. Every limit is named here ([`Limit`]),
//! with its default and the reasoning. Errors name the limit, not how to change it: the
//! command line owns its flags and adds the one that raises a limit when it prints an error.
//!
//! Two kinds of limit:
//! - **page-level** limits (operators, glyphs, path segments, form depth and invocations,
//!   one stream's size, CMap entries) cut one page's work short; the page keeps what was read
//!   and gets a [`super::WarningKind::LimitHit`] naming the limit.
//! - **document-level** limits (objects, decompressed bytes of the whole document, the time
//!   budget) stop the whole file with [`super::Error::LimitExceeded`], naming the limit and,
//!   when known, the page. The page count is the exception: the first pages are read and a
//!   document warning says the rest were not.

use serde::Serialize;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// Default for [`Limits::stream_bytes`]: 64 MiB.
pub const DEFAULT_STREAM_BYTES: usize = 64 * 1024 * 1024;
/// Default for [`Limits::document_bytes`]: 256 MiB.
pub const DEFAULT_DOCUMENT_BYTES: usize = 256 * 1024 * 1024;
/// Default for [`Limits::operators_per_page`].
pub const DEFAULT_OPERATORS_PER_PAGE: usize = 2_000_000;
/// Default for [`Limits::form_depth`].
pub const DEFAULT_FORM_DEPTH: usize = 12;
/// Default for [`Limits::form_invocations`].
pub const DEFAULT_FORM_INVOCATIONS: usize = 10_000;
/// Default for [`Limits::cmap_entries`].
pub const DEFAULT_CMAP_ENTRIES: usize = 200_000;
/// Default for [`Limits::glyphs_per_page`].
pub const DEFAULT_GLYPHS_PER_PAGE: usize = 500_000;
/// Default for [`Limits::path_segments_per_page`].
pub const DEFAULT_PATH_SEGMENTS_PER_PAGE: usize = 500_000;
/// Default for [`Limits::pages`].
pub const DEFAULT_PAGES: usize = 20_000;
/// Default for [`Limits::objects`].
pub const DEFAULT_OBJECTS: usize = 1_000_000;
/// Default for [`Limits::time`]: 60 seconds.
pub const DEFAULT_TIME_SECS: u64 = 60;

/// How many operators run between two looks at the clock (a look costs about 25 ns; 1,024
/// operators take tens of microseconds, so a deadline is noticed well within a millisecond).
const OPERATORS_PER_CLOCK_CHECK: usize = 1024;

/// Which limit was hit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Limit {
    /// Decompressed bytes of one stream (page content, form, CMap, object stream).
    StreamBytes,
    /// Decompressed bytes of all streams the interpreter read for the whole document
    /// (a form drawn twice counts twice).
    DocumentBytes,
    /// Content-stream operators interpreted for one page, forms included.
    OperatorsPerPage,
    /// Nesting depth of form XObjects (a form drawing a form drawing a form ...).
    FormDepth,
    /// Form XObject invocations on one page.
    FormInvocations,
    /// Entries (mappings) read from one CMap.
    CmapEntries,
    /// Glyphs emitted for one page.
    GlyphsPerPage,
    /// Path segments collected for one page.
    PathSegmentsPerPage,
    /// Pages read from one document.
    Pages,
    /// Objects in one document.
    Objects,
    /// Wall-clock time spent on one document, in milliseconds.
    Time,
}

impl Limit {
    /// Every limit, in the order of [`Limits`]' fields.
    pub const ALL: [Limit; 11] = [
        Limit::StreamBytes,
        Limit::DocumentBytes,
        Limit::OperatorsPerPage,
        Limit::FormDepth,
        Limit::FormInvocations,
        Limit::CmapEntries,
        Limit::GlyphsPerPage,
        Limit::PathSegmentsPerPage,
        Limit::Pages,
        Limit::Objects,
        Limit::Time,
    ];

    /// The limit's name as messages and JSON spell it (`operators-per-page`).
    pub fn name(self) -> &'static str {
        match self {
            Limit::StreamBytes => "stream-bytes",
            Limit::DocumentBytes => "document-bytes",
            Limit::OperatorsPerPage => "operators-per-page",
            Limit::FormDepth => "form-depth",
            Limit::FormInvocations => "form-invocations",
            Limit::CmapEntries => "cmap-entries",
            Limit::GlyphsPerPage => "glyphs-per-page",
            Limit::PathSegmentsPerPage => "path-segments-per-page",
            Limit::Pages => "pages",
            Limit::Objects => "objects",
            Limit::Time => "time",
        }
    }

    /// How a page warning tells the reader to raise this limit, e.g. `raise it with
    /// --max-operators`. Page warnings land in `extract`'s JSON (the output contract), so
    /// this text is kept word for word as it was written before the command line took over
    /// naming its flags; it is the only place the library spells a flag, and the command
    /// line's tests check that it names the same flag the command line has.
    pub fn raise_hint(self) -> &'static str {
        match self {
            Limit::StreamBytes => "raise it with --max-stream-bytes",
            Limit::DocumentBytes => "raise it with --max-document-bytes",
            Limit::OperatorsPerPage => "raise it with --max-operators",
            Limit::FormDepth => "raise it with --max-form-depth",
            Limit::FormInvocations => "raise it with --max-form-invocations",
            Limit::CmapEntries => "raise it with --max-cmap-entries",
            Limit::GlyphsPerPage => "raise it with --max-glyphs",
            Limit::PathSegmentsPerPage => "raise it with --max-path-segments",
            Limit::Pages => "raise it with --max-pages",
            Limit::Objects => "raise it with --max-objects",
            Limit::Time => "raise it with --time-limit",
        }
    }

    /// The limit and its value in words, e.g. `time (60 s)` or `stream-bytes (67108864)`.
    pub fn describe(self, value: u64) -> String {
        match self {
            Limit::Time => format!("{} ({} s)", self.name(), value as f64 / 1000.0),
            _ => format!("{} ({value})", self.name()),
        }
    }
}

/// The limits in force while opening and interpreting one document.
#[derive(Debug, Clone, PartialEq)]
pub struct Limits {
    /// Largest decompressed size of one stream, in bytes. A real board paper's biggest
    /// content stream is well under 1 MiB (the MSCB fixtures: about 60 KiB); 64 MiB leaves
    /// room for scanned-page wrappers and vector-heavy pages while a 1 KiB deflate bomb
    /// (which can inflate to about 1 GiB) is stopped early.
    pub stream_bytes: usize,
    /// Decompressed bytes the interpreter may read for the whole document: page contents
    /// and forms, each time they are drawn (a page interpreted twice counts twice; fonts and
    /// CMaps are bounded per stream only). The MSCB board paper reads about 1 MiB in all;
    /// 256 MiB is four full-size streams, and stops a page that draws a 64 MiB form over and
    /// over (each drawing inflates it again). Document-level: hitting it stops the file.
    pub document_bytes: usize,
    /// Operators interpreted per page, forms included. A dense landscape table page is
    /// about 10,000 operators; two million is a couple of seconds of work at most.
    pub operators_per_page: usize,
    /// Form XObject nesting depth. Real producers nest two or three deep; hayro uses a
    /// similar small bound.
    pub form_depth: usize,
    /// Form XObject invocations per page. Depth alone does not bound the cost: an acyclic
    /// graph where each form draws the next one twice costs 2^depth.
    pub form_invocations: usize,
    /// Mappings read from one CMap (a full CJK ToUnicode CMap has about 20,000).
    pub cmap_entries: usize,
    /// Glyphs emitted per page (a dense page holds about 5,000).
    pub glyphs_per_page: usize,
    /// Path segments collected per page (ruling lines and fills).
    pub path_segments_per_page: usize,
    /// Pages read from one document (the longest board packs run to a few hundred pages).
    pub pages: usize,
    /// Objects in one document; more and the file is refused. A 300-page board pack holds
    /// about 20,000 objects; a million is far past any real paper, and bounds the work of
    /// walking a file built to be big.
    pub objects: usize,
    /// Wall-clock budget for one document, from the start of opening it; `None` for no
    /// budget. The MSCB board paper (21 pages) takes about 0.1 s; 60 s is a file that will
    /// not finish. Checked between pages and every 1,024 operators; document-level. The
    /// clock does not stop between calls: a [`super::Document`] kept open longer than this
    /// (a server, an editor) refuses further pages, so such callers set `None`. Not bounded:
    /// lopdf's own parsing while opening, and the stages after the interpreter.
    pub time: Option<Duration>,
    /// Pixels of an image decoded to see whether it is one colour (read as a fill); a bigger
    /// image stays an image. Not an error when passed.
    pub image_colour_pixels: usize,
    /// Stored and decoded bytes of an image decoded to see whether it is one colour.
    pub image_colour_bytes: usize,
    /// Share of the page's area (0–1) from which a one-colour image is a scan or a page
    /// background, not read as a fill.
    pub image_fill_page_share: f64,
    /// Pixels of a big image painted through a pattern whose one colour under a filled
    /// rectangle is read (Chromium's CSS gradients); a bigger one is a page warning.
    pub image_region_pixels: usize,
    /// Stored and decoded bytes of such an image.
    pub image_region_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            stream_bytes: DEFAULT_STREAM_BYTES,
            document_bytes: DEFAULT_DOCUMENT_BYTES,
            operators_per_page: DEFAULT_OPERATORS_PER_PAGE,
            form_depth: DEFAULT_FORM_DEPTH,
            form_invocations: DEFAULT_FORM_INVOCATIONS,
            cmap_entries: DEFAULT_CMAP_ENTRIES,
            glyphs_per_page: DEFAULT_GLYPHS_PER_PAGE,
            path_segments_per_page: DEFAULT_PATH_SEGMENTS_PER_PAGE,
            pages: DEFAULT_PAGES,
            objects: DEFAULT_OBJECTS,
            time: Some(Duration::from_secs(DEFAULT_TIME_SECS)),
            image_colour_pixels: crate::tolerance::IMAGE_COLOUR_MAX_PIXELS,
            image_colour_bytes: crate::tolerance::IMAGE_COLOUR_MAX_BYTES,
            image_fill_page_share: crate::tolerance::IMAGE_FILL_MAX_PAGE_SHARE,
            image_region_pixels: crate::tolerance::IMAGE_REGION_MAX_PIXELS,
            image_region_bytes: crate::tolerance::IMAGE_REGION_MAX_BYTES,
        }
    }
}

/// What one document has spent so far against its document-level limits. Pages are read in
/// parallel, so the byte count is atomic.
#[derive(Debug)]
pub(crate) struct Budget {
    bytes: AtomicUsize,
    max_bytes: usize,
    deadline: Option<Instant>,
    time: Option<Duration>,
}

/// A document-level limit that was passed, with its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Exceeded {
    pub limit: Limit,
    pub value: u64,
}

impl Budget {
    /// A fresh budget; the clock starts now.
    pub(crate) fn start(limits: &Limits) -> Budget {
        let now = Instant::now();
        Budget {
            bytes: AtomicUsize::new(0),
            max_bytes: limits.document_bytes,
            deadline: limits.time.and_then(|t| now.checked_add(t)),
            time: limits.time,
        }
    }

    /// Count `n` decompressed bytes; an error once the document's total passes its limit.
    pub(crate) fn charge_bytes(&self, n: usize) -> Result<(), Exceeded> {
        let before = self.bytes.fetch_add(n, Ordering::Relaxed);
        if before.saturating_add(n) > self.max_bytes {
            return Err(Exceeded {
                limit: Limit::DocumentBytes,
                value: self.max_bytes as u64,
            });
        }
        Ok(())
    }

    /// An error once the document's time is up.
    pub(crate) fn check_time(&self) -> Result<(), Exceeded> {
        match (self.deadline, self.time) {
            (Some(deadline), Some(time)) if Instant::now() >= deadline => Err(Exceeded {
                limit: Limit::Time,
                value: u64::try_from(time.as_millis()).unwrap_or(u64::MAX),
            }),
            _ => Ok(()),
        }
    }

    /// Whether operator number `n` is one where the clock is read.
    pub(crate) fn clock_due(n: usize) -> bool {
        n.is_multiple_of(OPERATORS_PER_CLOCK_CHECK)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_are_charged_until_the_limit() {
        let b = Budget::start(&Limits {
            document_bytes: 100,
            ..Limits::default()
        });
        assert_eq!(b.charge_bytes(60), Ok(()));
        assert_eq!(b.charge_bytes(40), Ok(()));
        assert_eq!(
            b.charge_bytes(1),
            Err(Exceeded {
                limit: Limit::DocumentBytes,
                value: 100
            })
        );
    }

    #[test]
    fn a_zero_budget_is_up_at_once_and_none_never() {
        let b = Budget::start(&Limits {
            time: Some(Duration::ZERO),
            ..Limits::default()
        });
        assert_eq!(
            b.check_time(),
            Err(Exceeded {
                limit: Limit::Time,
                value: 0
            })
        );
        let b = Budget::start(&Limits {
            time: None,
            ..Limits::default()
        });
        assert_eq!(b.check_time(), Ok(()));
    }

    #[test]
    fn time_is_described_in_seconds() {
        assert_eq!(Limit::Time.describe(60_000), "time (60 s)");
        assert_eq!(Limit::Time.describe(250), "time (0.25 s)");
        assert_eq!(Limit::Objects.describe(10), "objects (10)");
    }
}
