//! Warnings as every output carries them: the page, a stable kind, and a sentence for people.
//!
//! Each stage keeps its own typed warnings ([`pdf::WarningKind`], [`table::WarningKind`],
//! [`paper::warning::WarningKind`]); [`Kind`] is an enum over them, so nothing downstream
//! compares strings. A warning read back from JSON ([`Kind::Read`]) keeps its code and message
//! as written, so writing it again gives the same bytes. The JSON form (`{"page", "kind",
//! "message"}`) is [`crate::export::wire::Warning`].

use std::fmt;

use crate::{paper, pdf, table};

/// A warning from any stage.
#[derive(Debug, Clone, PartialEq)]
pub struct Warning {
    /// The page, when the warning is about one.
    pub page: Option<u32>,
    /// What happened, typed by the stage that found it.
    pub kind: Kind,
}

/// What happened, by stage.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    /// From reading the PDF.
    Pdf(pdf::WarningKind),
    /// From finding tables.
    Table(table::WarningKind),
    /// From reading the report and plans.
    Paper(paper::warning::WarningKind),
    /// Read back from JSON: the code and message as written.
    Read {
        /// The `kind` as written ("content_syntax").
        code: String,
        /// The `message` as written.
        message: String,
    },
}

impl Kind {
    /// The stable snake_case name every output carries ("content_syntax",
    /// "text_outside_cells", "unplaced_row", ...).
    pub fn code(&self) -> &str {
        match self {
            Kind::Pdf(k) => pdf_code(k),
            Kind::Table(k) => k.code(),
            Kind::Paper(k) => k.code(),
            Kind::Read { code, .. } => code,
        }
    }
}

/// The snake_case name serde gives each PDF warning kind (`src/pdf` is not ours to change; a
/// test checks every variant against its serialised tag).
fn pdf_code(k: &pdf::WarningKind) -> &'static str {
    use pdf::WarningKind::*;
    match k {
        ContentSyntax { .. } => "content_syntax",
        ContentUnreadable { .. } => "content_unreadable",
        LimitHit { .. } => "limit_hit",
        MissingResource { .. } => "missing_resource",
        FontProblem { .. } => "font_problem",
        UnmappedGlyphs { .. } => "unmapped_glyphs",
        BadOperands { .. } => "bad_operands",
        UnknownOperators { .. } => "unknown_operators",
        FormCycle { .. } => "form_cycle",
        NoTextLayer => "no_text_layer",
        PageStructure { .. } => "page_structure",
        XrefRecovered => "xref_recovered",
        ClippedText { .. } => "clipped_text",
        InvisibleText { .. } => "invisible_text",
        TextOffPage { .. } => "text_off_page",
        TextColourOfBackground { .. } => "text_colour_of_background",
        CoveredText { .. } => "covered_text",
        TinyText { .. } => "tiny_text",
        HiddenLayerText { .. } => "hidden_layer_text",
        WatermarkText { .. } => "watermark_text",
    }
}

impl Warning {
    /// The stable snake_case name of its kind.
    pub fn code(&self) -> &str {
        self.kind.code()
    }

    /// The message as the JSON carries it. The PDF stage's sentence stands alone; the table and
    /// paper stages have always written theirs after "page N: "; a warning read back keeps the
    /// message it was read with.
    pub fn message(&self) -> String {
        match (&self.kind, self.page) {
            (Kind::Pdf(k), _) => k.to_string(),
            (Kind::Table(k), Some(p)) => format!("page {p}: {k}"),
            (Kind::Table(k), None) => k.to_string(),
            (Kind::Paper(k), Some(p)) => format!("page {p}: {k}"),
            (Kind::Paper(k), None) => k.to_string(),
            (Kind::Read { message, .. }, _) => message.clone(),
        }
    }
}

/// The message, with "page N: " before it unless it starts so already.
impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let message = self.message();
        match self.page {
            // Some stages put the page in the message already ("page 3: ..."); a message
            // that merely starts with the word ("page structure: ...") still needs it.
            Some(p) if !message.starts_with(&format!("page {p}:")) => {
                write!(f, "page {p}: {message}")
            }
            _ => f.write_str(&message),
        }
    }
}

impl From<&pdf::Warning> for Warning {
    fn from(w: &pdf::Warning) -> Self {
        Warning {
            page: w.page,
            kind: Kind::Pdf(w.kind.clone()),
        }
    }
}

impl From<&table::Warning> for Warning {
    fn from(w: &table::Warning) -> Self {
        Warning {
            page: Some(w.page),
            kind: Kind::Table(w.kind.clone()),
        }
    }
}

impl From<paper::warning::Warning> for Warning {
    fn from(w: paper::warning::Warning) -> Self {
        Warning {
            page: Some(w.page),
            kind: Kind::Paper(w.kind),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geom::Rect;
    use crate::paper::warning::UnplacedRow;
    use pdf::WarningKind as P;

    fn every_pdf_kind() -> Vec<pdf::WarningKind> {
        let s = || "x".to_string();
        vec![
            P::ContentSyntax { operators_read: 5 },
            P::ContentUnreadable { reason: s() },
            P::LimitHit {
                limit: pdf::Limit::OperatorsPerPage,
                value: 100,
            },
            P::MissingResource {
                category: s(),
                name: s(),
            },
            P::FontProblem {
                font: s(),
                problem: s(),
            },
            P::UnmappedGlyphs {
                font: s(),
                count: 2,
            },
            P::BadOperands {
                count: 1,
                first: s(),
            },
            P::UnknownOperators {
                count: 1,
                first: s(),
            },
            P::FormCycle { name: s() },
            P::NoTextLayer,
            P::PageStructure { problem: s() },
            P::XrefRecovered,
            P::ClippedText {
                count: 3,
                blank: 1,
                partly: 2,
            },
            P::InvisibleText { count: 3, blank: 1 },
            P::TextOffPage { count: 3, blank: 1 },
            P::TextColourOfBackground { count: 3, blank: 1 },
            P::CoveredText { count: 3, blank: 1 },
            P::TinyText { count: 3, blank: 1 },
            P::HiddenLayerText { count: 3, blank: 1 },
            P::WatermarkText { count: 3, blank: 1 },
        ]
    }

    /// `code` is the tag serde writes for each PDF kind, so no output changes its spelling.
    #[test]
    fn pdf_codes_are_the_serialised_tags() {
        for k in every_pdf_kind() {
            let tagged = serde_json::to_value(&k).unwrap_or_default();
            let tag = tagged.get("kind").and_then(|v| v.as_str());
            assert_eq!(Some(pdf_code(&k)), tag, "{k:?}");
        }
    }

    /// The table kind's code is its serialised tag too.
    #[test]
    fn table_codes_are_the_serialised_tags() {
        let k = table::WarningKind::TextOutsideCells {
            text: "stray".into(),
            bbox: Rect::default(),
        };
        let tagged = serde_json::to_value(&k).unwrap_or_default();
        assert_eq!(tagged["kind"], k.code());
    }

    /// Messages as they have always been written: PDF ones without the page, table and paper
    /// ones after it; Display adds the page only where the message lacks it.
    #[test]
    fn messages_and_display() {
        let pdf = Warning::from(&pdf::Warning::page(
            3,
            P::PageStructure {
                problem: "bad /Kids".into(),
            },
        ));
        assert_eq!(pdf.code(), "page_structure");
        assert_eq!(pdf.message(), "page structure: bad /Kids");
        assert_eq!(pdf.to_string(), "page 3: page structure: bad /Kids");

        let table = Warning::from(&table::Warning {
            page: 2,
            kind: table::WarningKind::TextOutsideCells {
                text: "x".into(),
                bbox: Rect::default(),
            },
        });
        assert_eq!(
            table.message(),
            "page 2: text \"x\" at [0, 0, 0, 0] is inside a table but in no cell"
        );
        assert_eq!(table.to_string(), table.message());

        let paper = Warning::from(paper::warning::Warning {
            page: 7,
            kind: paper::warning::WarningKind::UnplacedRow(UnplacedRow::ActionBeforeArea {
                number: "1.1".into(),
            }),
        });
        assert_eq!(paper.code(), "unplaced_row");
        assert_eq!(
            paper.message(),
            "page 7: action 1.1 before any improvement area"
        );
        assert_eq!(paper.to_string(), paper.message());

        let whole = Warning::from(&pdf::Warning {
            page: None,
            kind: P::XrefRecovered,
        });
        assert_eq!(whole.code(), "xref_recovered");
        assert_eq!(
            whole.to_string(),
            "cross-reference table damaged; rebuilt by scanning the file"
        );
    }

    /// A warning read back keeps its code and message as written.
    #[test]
    fn read_warnings_keep_what_was_written() {
        let w = Warning {
            page: Some(4),
            kind: Kind::Read {
                code: "some_future_kind".into(),
                message: "page 4: as written".into(),
            },
        };
        assert_eq!(w.code(), "some_future_kind");
        assert_eq!(w.message(), "page 4: as written");
        assert_eq!(w.to_string(), "page 4: as written");
    }
}
