//! Errors and warnings of the `pdf` stage.

use serde::Serialize;
use std::fmt;

use super::limits::Limit;

/// Why a document or a page could not be read at all. Every variant names the file.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The file could not be read from disk.
    #[error("{file}: cannot read the file: {source}")]
    Io {
        /// The file, as the user named it.
        file: String,
        /// The operating system's reason.
        source: std::io::Error,
    },
    /// The bytes are not a PDF (no `%PDF-` header near the start).
    #[error("{file}: not a PDF: {reason}")]
    NotPdf {
        /// The file.
        file: String,
        /// What was found instead.
        reason: String,
    },
    /// The file is a PDF but its structure could not be recovered.
    #[error("{file}: damaged beyond recovery: {reason}")]
    Damaged {
        /// The file.
        file: String,
        /// What the parser reported.
        reason: String,
    },
    /// The file is encrypted and the empty user password does not open it (the caller says
    /// how to give one).
    #[error("{file}: password required: the file is encrypted")]
    PasswordRequired {
        /// The file.
        file: String,
    },
    /// A password was given but it opens neither the user nor the owner lock.
    #[error("{file}: wrong password: the password given does not open this file")]
    WrongPassword {
        /// The file.
        file: String,
    },
    /// A page number outside the document.
    #[error("{file}: page {page} does not exist (the document has {count} pages)")]
    NoSuchPage {
        /// The file.
        file: String,
        /// The page asked for (1-based).
        page: u32,
        /// How many pages the document has.
        count: u32,
    },
    /// A document-level limit was passed (see [`super::Limits`]); the file was not read
    /// to the end. The message names the limit; the caller says how to raise it.
    #[error("{file}: {}limit {} exceeded; reading stopped", on_page(*page), limit.describe(*value))]
    LimitExceeded {
        /// The file.
        file: String,
        /// Which limit.
        limit: Limit,
        /// Its value (milliseconds for [`Limit::Time`]).
        value: u64,
        /// The page being read when it was passed, if any.
        page: Option<u32>,
    },
    /// No page read has any text: the file is probably scanned and needs OCR first.
    #[error("{file}: no text layer: {} — it needs OCR before it can be read", no_text_detail(*pages, *image_pages))]
    NoTextLayer {
        /// The file.
        file: String,
        /// How many pages were read.
        pages: u32,
        /// How many of them hold images.
        image_pages: u32,
    },
}

fn on_page(page: Option<u32>) -> String {
    page.map(|p| format!("page {p}: ")).unwrap_or_default()
}

fn no_text_detail(pages: u32, image_pages: u32) -> String {
    let s = if pages == 1 { "" } else { "s" };
    format!("none of its {pages} page{s} has text ({image_pages} hold images)")
}

/// Something recoverable that went wrong while reading a page; it is reported in the output
/// and the work goes on.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Warning {
    /// The 1-based page, or `None` for the whole document.
    pub page: Option<u32>,
    /// What happened.
    #[serde(flatten)]
    pub kind: WarningKind,
}

impl Warning {
    /// A warning about one page.
    pub fn page(page: u32, kind: WarningKind) -> Self {
        Warning {
            page: Some(page),
            kind,
        }
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.page {
            Some(p) => write!(f, "page {p}: {}", self.kind),
            None => write!(f, "{}", self.kind),
        }
    }
}

/// The kinds of recoverable trouble.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum WarningKind {
    /// A content stream has a syntax error; operators after it were not read.
    ContentSyntax {
        /// How many operators were read before the error.
        operators_read: usize,
    },
    /// A page's content stream could not be decoded (bad filter, missing object).
    ContentUnreadable {
        /// What went wrong.
        reason: String,
    },
    /// A limit on hostile input was reached; the rest of that work was skipped.
    LimitHit {
        /// Which limit.
        limit: Limit,
        /// Its value.
        value: u64,
    },
    /// A resource named by the content stream is missing (a font, a form, a colour space).
    MissingResource {
        /// The resource category (`Font`, `XObject`, `ColorSpace`, ...).
        category: String,
        /// The name used in the content stream.
        name: String,
    },
    /// A font dictionary was broken or incomplete; a fallback was used.
    FontProblem {
        /// The font's name.
        font: String,
        /// What was wrong.
        problem: String,
    },
    /// Glyphs whose font gives no Unicode mapping; they were emitted as U+FFFD.
    UnmappedGlyphs {
        /// The font's name.
        font: String,
        /// How many glyphs on the page.
        count: usize,
    },
    /// Operators with wrong operands (count or type); they were skipped.
    BadOperands {
        /// How many on the page.
        count: usize,
        /// The first offending operator.
        first: String,
    },
    /// Operators that are not PDF operators; they were skipped.
    UnknownOperators {
        /// How many on the page.
        count: usize,
        /// The first one.
        first: String,
    },
    /// A form XObject that (directly or not) draws itself; the inner call was skipped.
    FormCycle {
        /// The form's name in the resources.
        name: String,
    },
    /// The page has images but no text: probably a scan that needs OCR.
    NoTextLayer,
    /// The page tree or a page dictionary is damaged; a default was used.
    PageStructure {
        /// What was wrong.
        problem: String,
    },
    /// The cross-reference table was damaged and rebuilt by scanning the file.
    XrefRecovered,
    /// Glyphs wholly outside the clipping path (text hidden in the file, e.g. a clipped cell's
    /// overflow) were not read as text.
    ClippedText {
        /// How many glyphs were dropped.
        count: usize,
        /// Of them, blanks (spaces).
        blank: usize,
        /// How many more were partly clipped and kept.
        partly: usize,
    },
    /// Invisible glyphs (render mode 3 or 7, or painted only with opacity 0) over no image were
    /// not read as text.
    InvisibleText {
        /// How many glyphs.
        count: usize,
        /// Of them, blanks (spaces).
        blank: usize,
    },
    /// Glyphs wholly outside the page's crop box were not read as text.
    TextOffPage {
        /// How many glyphs.
        count: usize,
        /// Of them, blanks (spaces).
        blank: usize,
    },
    /// Glyphs the colour of what lies under them (white on the white page, or coloured like
    /// the fill behind them) were not read as text.
    TextColourOfBackground {
        /// How many glyphs.
        count: usize,
        /// Of them, blanks (spaces).
        blank: usize,
    },
    /// Glyphs wholly covered by an opaque filled rectangle drawn after them (a white box over
    /// text) were not read as text.
    CoveredText {
        /// How many glyphs.
        count: usize,
        /// Of them, blanks (spaces).
        blank: usize,
    },
    /// Glyphs rendered too small to read (text scaled down to hundredths of a point to hide
    /// it) were not read as text.
    TinyText {
        /// How many glyphs.
        count: usize,
        /// Of them, blanks (spaces).
        blank: usize,
    },
    /// Glyphs in optional content (a layer) switched off in the document's default view were
    /// not read as text.
    HiddenLayerText {
        /// How many glyphs.
        count: usize,
        /// Of them, blanks (spaces).
        blank: usize,
    },
    /// Big glyphs set slanted across the page (a watermark: "DRAFT") were not read as text.
    WatermarkText {
        /// How many glyphs.
        count: usize,
        /// Of them, blanks (spaces).
        blank: usize,
    },
}

impl fmt::Display for WarningKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use WarningKind::*;
        match self {
            ContentSyntax { operators_read } => write!(
                f,
                "content stream has a syntax error after {operators_read} operators; the rest of the page was not read"
            ),
            ContentUnreadable { reason } => write!(f, "content stream unreadable: {reason}"),
            LimitHit { limit, value } => {
                write!(
                    f,
                    "limit {} reached; the rest was skipped ({})",
                    limit.describe(*value),
                    limit.raise_hint()
                )
            }
            MissingResource { category, name } => write!(f, "missing {category} resource /{name}"),
            FontProblem { font, problem } => write!(f, "font {font}: {problem}"),
            UnmappedGlyphs { font, count } => {
                write!(f, "{count} glyphs in font {font} have no Unicode mapping (shown as U+FFFD)")
            }
            BadOperands { count, first } => {
                write!(f, "{count} operators with bad operands skipped (first: {first})")
            }
            UnknownOperators { count, first } => {
                write!(f, "{count} unknown operators skipped (first: {first})")
            }
            FormCycle { name } => write!(f, "form XObject /{name} draws itself; skipped"),
            NoTextLayer => write!(f, "no text layer: the page holds only images (a scan needs OCR)"),
            PageStructure { problem } => write!(f, "page structure: {problem}"),
            XrefRecovered => write!(f, "cross-reference table damaged; rebuilt by scanning the file"),
            ClippedText { count, blank, partly } => write!(
                f,
                "{count} glyphs hidden by a clipping path were not read ({blank} of them blank; {partly} partly clipped were kept)"
            ),
            InvisibleText { count, blank } => write!(
                f,
                "{count} invisible glyphs (render mode 3, or painted with opacity 0) over no image were not read ({blank} of them blank)"
            ),
            TextOffPage { count, blank } => write!(
                f,
                "{count} glyphs outside the page's crop box were not read ({blank} of them blank)"
            ),
            TextColourOfBackground { count, blank } => write!(
                f,
                "{count} glyphs the colour of what lies under them (white on white, or a cell's fill) were not read ({blank} of them blank)"
            ),
            CoveredText { count, blank } => write!(
                f,
                "{count} glyphs covered by an opaque box drawn over them were not read ({blank} of them blank)"
            ),
            TinyText { count, blank } => write!(
                f,
                "{count} glyphs rendered too small to read were not read ({blank} of them blank)"
            ),
            HiddenLayerText { count, blank } => write!(
                f,
                "{count} glyphs in a layer (optional content) switched off were not read ({blank} of them blank)"
            ),
            WatermarkText { count, blank } => write!(
                f,
                "{count} glyphs of a watermark (big text set slanted across the page) were not read ({blank} of them blank)"
            ),
        }
    }
}
