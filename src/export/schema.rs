//! The JSON Schemas of our outputs (draft 2020-12, in `schemas/`) and validation against them.
//!
//! The schemas are written in the part of JSON Schema that draft 7 and draft 2020-12 read
//! alike ([`SHARED_KEYWORDS`], no `$ref` beside other assertions, `items` as one schema, `$id`
//! at the root only), and are compiled here as draft 7: before compiling a schema the
//! validator checks it against its draft's meta-schema, and draft 2020-12's (seven
//! vocabularies and dynamic references) cost more to compile than checking a paper's JSON
//! (callgrind, plan V3: schema compiled and the paper checked in 8.1 M instructions as
//! 2020-12, 4.8 M as draft 7). A test keeps the schemas inside the shared part and checks that
//! both drafts give the same verdicts.

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
            jsonschema::options()
                .with_draft(jsonschema::Draft::Draft7)
                .build(&schema)
                .map_err(|e| format!("schema is invalid: {e}"))
        })
        .as_ref()
        .map_err(Clone::clone)
    }
}

/// The keywords our schemas may use: those draft 7 and draft 2020-12 give the same meaning
/// (with `items` holding one schema, and `$defs` reached only through `$ref` pointers).
pub const SHARED_KEYWORDS: &[&str] = &[
    "$schema",
    "$id",
    "$ref",
    "$defs",
    "title",
    "description",
    "type",
    "properties",
    "required",
    "additionalProperties",
    "items",
    "const",
    "enum",
    "pattern",
    "minimum",
    "maximum",
    "minLength",
    "maxLength",
    "minItems",
    "maxItems",
    "oneOf",
    "anyOf",
    "allOf",
    "not",
    "if",
    "then",
    "else",
];

/// Check a document against one of our schemas; every violation with its path.
pub fn validate(schema: Schema, doc: &Value) -> Result<(), Vec<Violation>> {
    let validator = schema.validator().map_err(|message| {
        vec![Violation {
            path: String::new(),
            message,
        }]
    })?;
    // A yes-or-no check first: it builds no error and no location, and a document that
    // passes (every paper we write) is walked by it alone (callgrind, plan V3's JSON: checked
    // in 0.30 M instructions, against 0.60 M collecting its errors).
    if validator.is_valid(doc) {
        return Ok(());
    }
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

    /// The keywords of a schema and the places breaking the shared part of the two drafts
    /// (a `$ref` with assertions beside it, `items` as a list, an `$id` below the root),
    /// walking into schemas only.
    fn keywords(schema: &Value, at: &str, found: &mut Vec<String>, broken: &mut Vec<String>) {
        let Some(object) = schema.as_object() else {
            return;
        };
        if object.contains_key("$ref")
            && object
                .keys()
                .any(|k| !["$ref", "title", "description"].contains(&k.as_str()))
        {
            broken.push(format!("{at}: $ref beside assertions"));
        }
        if !at.is_empty() && object.contains_key("$id") {
            // Draft 7 does not read an `$id` inside `$defs` as 2020-12 does.
            broken.push(format!("{at}: $id below the root"));
        }
        for (key, value) in object {
            found.push(key.clone());
            let here = format!("{at}/{key}");
            match key.as_str() {
                "properties" | "$defs" => {
                    for (name, sub) in value.as_object().into_iter().flatten() {
                        keywords(sub, &format!("{here}/{name}"), found, broken);
                    }
                }
                "oneOf" | "anyOf" | "allOf" => {
                    for (i, sub) in value.as_array().into_iter().flatten().enumerate() {
                        keywords(sub, &format!("{here}/{i}"), found, broken);
                    }
                }
                "items" if !value.is_object() => broken.push(format!("{here}: not one schema")),
                "items" | "additionalProperties" | "not" | "if" | "then" | "else" => {
                    keywords(value, &here, found, broken)
                }
                _ => {}
            }
        }
    }

    #[test]
    fn the_schemas_keep_to_what_draft_7_and_2020_12_read_alike() {
        for schema in [Schema::Paper, Schema::Changes] {
            let value: Value = serde_json::from_str(schema.text()).unwrap();
            let (mut found, mut broken) = (Vec::new(), Vec::new());
            keywords(&value, "", &mut found, &mut broken);
            assert!(
                found.len() > 100,
                "{schema:?}: the walk found {}",
                found.len()
            );
            let foreign: Vec<&String> = found
                .iter()
                .filter(|k| !SHARED_KEYWORDS.contains(&k.as_str()))
                .collect();
            assert!(foreign.is_empty(), "{schema:?}: {foreign:?}");
            assert!(broken.is_empty(), "{schema:?}: {broken:?}");
        }
    }

    #[test]
    fn draft_7_and_draft_2020_12_give_the_same_verdicts() {
        let paper: Value = serde_json::from_str(PAPER_SCHEMA).unwrap();
        let full = jsonschema::draft202012::new(&paper).unwrap();
        let mut docs = vec![minimal()];
        let mut bad = minimal();
        bad["plans"] = json!([{"title": "T", "version": "4", "version_date": null, "columns": [], "pages": [0],
            "priorities": [{"number": "one", "title": 3, "improvement_areas": [], "extra": true}]}]);
        docs.push(bad);
        let mut no_file = minimal();
        no_file.as_object_mut().unwrap().remove("file");
        docs.push(no_file);
        for doc in &docs {
            let ours: Vec<String> = validate_paper(doc)
                .err()
                .unwrap_or_default()
                .iter()
                .map(|v| v.to_string())
                .collect();
            let theirs: Vec<String> = full
                .iter_errors(doc)
                .map(|e| {
                    format!(
                        "{}",
                        Violation {
                            path: e.instance_path().to_string(),
                            message: e.to_string()
                        }
                    )
                })
                .collect();
            assert_eq!(ours, theirs, "{doc}");
        }
        assert!(validate_paper(&docs[1]).is_err() && validate_paper(&docs[2]).is_err());
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
