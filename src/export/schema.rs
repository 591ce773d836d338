//! The JSON Schemas of our outputs (draft 2020-12, in `schemas/`) and validation against them.

use serde_json::Value;
use std::sync::OnceLock;

/// The schema of `extract`'s JSON output.
pub const PAPER_SCHEMA: &str = include_str!("../../schemas/paper.schema.json");

/// One way a document breaks the schema.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// JSON Pointer to the failing value ("/plans/0/priorities/1/number").
    pub path: String,
    /// What is wrong.
    pub message: String,
}

impl std::fmt::Display for Violation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let path = if self.path.is_empty() {
            "/"
        } else {
            &self.path
        };
        write!(f, "{path}: {}", self.message)
    }
}

fn paper_validator() -> Result<&'static jsonschema::Validator, String> {
    static V: OnceLock<Result<jsonschema::Validator, String>> = OnceLock::new();
    V.get_or_init(|| {
        let schema: Value =
            serde_json::from_str(PAPER_SCHEMA).map_err(|e| format!("schema is not JSON: {e}"))?;
        jsonschema::draft202012::new(&schema).map_err(|e| format!("schema is invalid: {e}"))
    })
    .as_ref()
    .map_err(Clone::clone)
}

/// Check a document against the paper schema; every violation with its path.
pub fn validate_paper(doc: &Value) -> Result<(), Vec<Violation>> {
    let validator = paper_validator().map_err(|message| {
        vec![Violation {
            path: String::new(),
            message,
        }]
    })?;
    let errors: Vec<Violation> = validator
        .iter_errors(doc)
        .map(|e| Violation {
            path: e.instance_path().to_string(),
            message: e.to_string(),
        })
        .collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn minimal() -> Value {
        json!({"file": "a.pdf", "pages": 1, "meeting": null, "report": null, "plans": [], "warnings": []})
    }

    #[test]
    fn a_minimal_document_is_valid() {
        assert_eq!(validate_paper(&minimal()), Ok(()));
    }

    #[test]
    fn violations_point_at_the_failing_value() {
        let mut doc = minimal();
        doc["plans"] = json!([{"title": "T", "version": "4", "version_date": null, "columns": [], "pages": [1, 2],
            "priorities": [{"number": "one", "title": "x", "improvement_areas": []}]}]);
        let errs = validate_paper(&doc).unwrap_err();
        assert_eq!(errs.len(), 1, "{errs:?}");
        assert_eq!(errs[0].path, "/plans/0/priorities/0/number");
    }
}
