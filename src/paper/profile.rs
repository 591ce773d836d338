//! Profiles: what a user tells boardpaper about a plan template whose headers or row labels
//! no synonym list knows. A profile is a TOML or JSON file:
//!
//! ```toml
//! # Column headers (as printed, case and spacing ignored) → roles: number, specific_action,
//! # lead, success, timescales, rag, impact, priority, area.
//! [columns]
//! "#" = "number"
//! "What we will do" = "specific_action"
//! "Who" = "lead"
//!
//! # Row patterns (Rust regex syntax). priority: groups `number` and `title`; area: groups
//! # `number` and `outcome`; action_number: the whole number cell; milestone: groups
//! # `status` and/or `date` within a milestone's text.
//! [rows]
//! priority = '^Ambition (?P<number>\d+)\s*[–:-]\s*(?P<title>.+)$'
//! area = '^Focus (?P<number>\d+):\s*(?P<outcome>.+)$'
//! action_number = '^\d+[a-z]$'
//! milestone = '\((?P<status>[^,()]+),\s*(?P<date>[^()]+)\)\s*$'
//!
//! # Status words of this template → the canonical statuses (Complete, In progress, Ongoing,
//! # Not started, Overdue, Delayed, On track, On hold, Cancelled).
//! [statuses]
//! "Done" = "Complete"
//! "Under way" = "In progress"
//! ```
//!
//! Everything is optional; what a profile leaves out falls back to the built-in rules.

use regex::Regex;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

use super::vocab::{Role, Status};

/// Why a profile could not be used.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The file could not be read.
    #[error("{file}: cannot read the profile: {source}")]
    Io {
        /// The profile file.
        file: String,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The file is neither valid TOML nor valid JSON of the profile's shape.
    #[error("{file}: not a profile: {message}")]
    Syntax {
        /// The profile file.
        file: String,
        /// What the parser said.
        message: String,
    },
    /// A value is wrong: an unknown role or status, or a pattern that does not compile.
    #[error("{file}: {message}")]
    Invalid {
        /// The profile file.
        file: String,
        /// What is wrong, naming the key.
        message: String,
    },
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    #[serde(default)]
    columns: BTreeMap<String, String>,
    #[serde(default)]
    rows: RawRows,
    #[serde(default)]
    statuses: BTreeMap<String, String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRows {
    priority: Option<String>,
    area: Option<String>,
    action_number: Option<String>,
    milestone: Option<String>,
}

/// A parsed, checked profile. The default profile changes nothing.
#[derive(Debug, Clone, Default)]
pub struct Profile {
    /// Header (normalised: lower case, single spaces) → role.
    pub columns: Vec<(String, Role)>,
    /// Priority rows: groups `number`, `title`.
    pub priority: Option<Regex>,
    /// Area rows: groups `number`, `outcome`.
    pub area: Option<Regex>,
    /// The action number cell.
    pub action_number: Option<Regex>,
    /// Within a milestone: groups `status`, `date`.
    pub milestone: Option<Regex>,
    /// Extra status words (normalised) → status.
    pub statuses: Vec<(String, Status)>,
}

/// Lower case with whitespace runs collapsed: how headers and status words are compared.
pub fn normalise(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn role_named(name: &str) -> Option<Role> {
    Some(match normalise(name).replace([' ', '-'], "_").as_str() {
        "number" | "ref" => Role::Number,
        "specific_action" | "action" => Role::SpecificAction,
        "lead" | "leads" => Role::Lead,
        "success" | "success_indicators" => Role::Success,
        "timescales" | "milestones" => Role::Timescales,
        "rag" => Role::Rag,
        "impact" | "impact_evidence" => Role::Impact,
        "priority" => Role::Priority,
        "area" | "improvement_area" => Role::Area,
        _ => return None,
    })
}

impl Profile {
    /// Read a profile file: TOML, or JSON when the file starts with `{`.
    pub fn load(path: &Path) -> Result<Profile, Error> {
        let file = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
            file: file.clone(),
            source,
        })?;
        Profile::parse(&text, &file)
    }

    /// Parse a profile's text; `file` names it in errors.
    pub fn parse(text: &str, file: &str) -> Result<Profile, Error> {
        let raw: Raw = if text.trim_start().starts_with('{') {
            serde_json::from_str(text).map_err(|e| Error::Syntax {
                file: file.into(),
                message: e.to_string(),
            })?
        } else {
            toml::from_str(text).map_err(|e| Error::Syntax {
                file: file.into(),
                message: e.to_string(),
            })?
        };
        let invalid = |message: String| Error::Invalid {
            file: file.into(),
            message,
        };
        let columns = raw
            .columns
            .iter()
            .map(|(header, role)| {
                role_named(role)
                    .map(|r| (normalise(header), r))
                    .ok_or_else(|| {
                        invalid(format!(
                            "columns.{header:?}: unknown role {role:?} (number, specific_action, \
                         lead, success, timescales, rag, impact, priority, area)"
                        ))
                    })
            })
            .collect::<Result<_, _>>()?;
        let statuses = raw
            .statuses
            .iter()
            .map(|(word, status)| {
                Status::parse(status)
                    .map(|s| (normalise(word), s))
                    .ok_or_else(|| {
                        invalid(format!(
                            "statuses.{word:?}: {status:?} is not a status (Complete, In \
                             progress, Ongoing, Not started, Overdue, Delayed, On track, On \
                             hold, Cancelled)"
                        ))
                    })
            })
            .collect::<Result<_, _>>()?;
        let pattern = |key: &str, p: &Option<String>, groups: &[&str]| -> Result<_, Error> {
            let Some(p) = p else { return Ok(None) };
            let re = Regex::new(p).map_err(|e| invalid(format!("rows.{key}: {e}")))?;
            for g in groups {
                if !re.capture_names().any(|n| n == Some(g)) {
                    return Err(invalid(format!("rows.{key}: needs a group named {g:?}")));
                }
            }
            Ok(Some(re))
        };
        Ok(Profile {
            columns,
            priority: pattern("priority", &raw.rows.priority, &["number", "title"])?,
            area: pattern("area", &raw.rows.area, &["number", "outcome"])?,
            action_number: pattern("action_number", &raw.rows.action_number, &[])?,
            milestone: pattern("milestone", &raw.rows.milestone, &[])?,
            statuses,
        })
    }

    /// The role the profile gives a header.
    pub fn role_of(&self, header: &str) -> Option<Role> {
        let h = normalise(header);
        self.columns.iter().find(|(k, _)| *k == h).map(|(_, r)| *r)
    }

    /// The status a word means: the profile's words first, then the built-in ones.
    pub fn status(&self, word: &str) -> Option<Status> {
        let w = normalise(word);
        self.statuses
            .iter()
            .find(|(k, _)| *k == w)
            .map(|(_, s)| *s)
            .or_else(|| Status::parse(word))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toml_and_json_profiles() {
        let t = Profile::parse(
            "[columns]\n\"How we'll know\" = \"success\"\n[rows]\narea = '^Focus (?P<number>\\d+): (?P<outcome>.+)$'\n[statuses]\nDone = \"Complete\"\n",
            "p.toml",
        )
        .unwrap();
        assert_eq!(t.role_of("How  we'll KNOW"), Some(Role::Success));
        assert_eq!(t.status("done"), Some(Status::Complete));
        assert_eq!(t.status("Ongoing"), Some(Status::Ongoing));
        assert!(t.area.is_some() && t.priority.is_none());
        let j = Profile::parse(r#"{"columns": {"Who": "lead"}}"#, "p.json").unwrap();
        assert_eq!(j.role_of("who"), Some(Role::Lead));
    }

    #[test]
    fn mistakes_are_named() {
        let e = |text: &str| Profile::parse(text, "p.toml").unwrap_err().to_string();
        assert!(e("[columns]\nWho = \"boss\"").contains("columns.\"Who\": unknown role \"boss\""));
        assert!(e("[statuses]\nDone = \"Sorted\"").contains("statuses.\"Done\""));
        assert!(e("[rows]\npriority = '^P(\\d+)'").contains("needs a group named \"number\""));
        assert!(e("[rows]\narea = '('").contains("rows.area"));
        assert!(e("[colums]\n").contains("not a profile"));
    }
}
