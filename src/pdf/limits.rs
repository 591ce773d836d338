//! Bounds on what a hostile or broken file may cost. Every limit is named here, with its
//! default and the reasoning; hitting one is reported as a [`super::WarningKind::LimitHit`]
//! naming the page, never a silent truncation.

use serde::Serialize;

/// Which limit was hit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Limit {
    /// Decompressed bytes of one stream (page content, form, CMap, object stream).
    StreamBytes,
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
}

impl Limit {
    /// The limit's name as the CLI and JSON spell it.
    pub fn name(self) -> &'static str {
        match self {
            Limit::StreamBytes => "stream-bytes",
            Limit::OperatorsPerPage => "operators-per-page",
            Limit::FormDepth => "form-depth",
            Limit::FormInvocations => "form-invocations",
            Limit::CmapEntries => "cmap-entries",
            Limit::GlyphsPerPage => "glyphs-per-page",
            Limit::PathSegmentsPerPage => "path-segments-per-page",
            Limit::Pages => "pages",
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
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            stream_bytes: 64 * 1024 * 1024,
            operators_per_page: 2_000_000,
            form_depth: 12,
            form_invocations: 10_000,
            cmap_entries: 200_000,
            glyphs_per_page: 500_000,
            path_segments_per_page: 500_000,
            pages: 20_000,
        }
    }
}
