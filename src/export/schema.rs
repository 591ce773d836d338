//! The JSON Schemas of our outputs (draft 2020-12, in `schemas/`) and validation against them.

use serde_json::Value;
use std::sync::OnceLock;

/// The schema of `extract`'s JSON output.
pub const PAPER_SCHEMA: &str = include_str!("../../schemas/paper.schema.json");

/// The schema of `diff`'s JSON output (a change list).
pub const CHANGES_SCHEMA: &str = include_str!("../../schemas/changes.schema.json");

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

/// One of our schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Schema {
    /// `extract`'s JSON output: [`PAPER_SCHEMA`].
    Paper,
    /// `diff`'s JSON output: [`CHANGES_SCHEMA`].
    Changes,
}

impl Schema {
    /// The schema's text.
    pub fn text(self) -> &'static str {
        match self {
            Schema::Paper => PAPER_SCHEMA,
            Schema::Changes => CHANGES_SCHEMA,
        }
    }

    /// The compiled validator, built once per schema.
    fn validator(self) -> Result<&'static jsonschema::Validator, String> {
        type Compiled = OnceLock<Result<jsonschema::Validator, String>>;
        static PAPER: Compiled = OnceLock::new();
        static CHANGES: Compiled = OnceLock::new();
        let cell = match self {
            Schema::Paper => &PAPER,
            Schema::Changes => &CHANGES,
        };
        cell.get_or_init(|| {
            let schema: Value = serde_json::from_str(self.text())
                .map_err(|e| format!("schema is not JSON: {e}"))?;
            jsonschema::draft202012::new(&schema).map_err(|e| format!("schema is invalid: {e}"))
        })
        .as_ref()
        .map_err(Clone::clone)
    }
}

/// Check a document against one of our schemas; every violation with its path.
pub fn validate(schema: Schema, doc: &Value) -> Result<(), Vec<Violation>> {
    let validator = schema.validator().map_err(|message| {
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

/// Check a document against the paper schema; every violation with its path.
pub fn validate_paper(doc: &Value) -> Result<(), Vec<Violation>> {
    validate(Schema::Paper, doc)
}

/// Check a change list against the changes schema; every violation with its path.
pub fn validate_changes(doc: &Value) -> Result<(), Vec<Violation>> {
    validate(Schema::Changes, doc)
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

    #[test]
    fn the_fixture_change_list_is_valid_and_a_bad_kind_is_not() {
        let changes: Value =
            serde_json::from_str(include_str!("../../fixtures/mscb/v3-to-v4.changes.json"))
                .unwrap();
        let mut doc = json!({"from": "a.pdf", "to": "b.pdf", "changes": changes});
        assert_eq!(validate_changes(&doc), Ok(()));
        doc["changes"][3]["kind"] = json!("milestone_moved");
        let errs = validate_changes(&doc).unwrap_err();
        assert_eq!(errs[0].path, "/changes/3/kind", "{errs:?}");
    }
}
