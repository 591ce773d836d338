//! Warnings as every output carries them: the page, a stable kind, and a sentence for people.
//! Each stage keeps its own typed warnings; this is their common, serialisable form.

use serde::{Deserialize, Serialize};

/// A warning from any stage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    /// The page, when the warning is about one.
    pub page: Option<u32>,
    /// A stable snake_case kind ("content_syntax", "text_outside_cells", ...).
    pub kind: String,
    /// What happened, in words.
    pub message: String,
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.page {
            // Some stages put the page in the message already ("page 3: ..."); a message
            // that merely starts with the word ("page structure: ...") still needs it.
            Some(p) if !self.message.starts_with(&format!("page {p}:")) => {
                write!(f, "page {p}: {}", self.message)
            }
            _ => f.write_str(&self.message),
        }
    }
}

impl From<&crate::pdf::Warning> for Warning {
    fn from(w: &crate::pdf::Warning) -> Self {
        let kind = serde_json::to_value(&w.kind)
            .ok()
            .and_then(|v| v.get("kind").and_then(|k| k.as_str()).map(str::to_string))
            .unwrap_or_default();
        Warning {
            page: w.page,
            kind,
            message: w.kind.to_string(),
        }
    }
}

impl From<&crate::table::Warning> for Warning {
    fn from(w: &crate::table::Warning) -> Self {
        let kind = match w.kind {
            crate::table::WarningKind::TextOutsideCells { .. } => "text_outside_cells",
        };
        Warning {
            page: Some(w.page),
            kind: kind.into(),
            message: w.to_string(),
        }
    }
}
