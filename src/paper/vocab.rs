//! The words the paper stage shares: what a plan column holds ([`Role`]) and what a
//! milestone's status word says ([`Status`]). They live here, below everything else in
//! `paper` and importing none of it, so imports go one way: `model` and `profile` use
//! `vocab`; `milestone` uses `profile`; `plan` uses all of them.

use serde::{Deserialize, Serialize};

/// What a plan column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// The action number.
    Number,
    /// The specific action.
    SpecificAction,
    /// Who leads.
    Lead,
    /// Success indicators.
    Success,
    /// Milestones and timescales.
    Timescales,
    /// RAG rating.
    Rag,
    /// Impact and evidence.
    Impact,
    /// The priority (theme), in a leading column merged down its rows.
    Priority,
    /// The improvement area (desired outcome), in a column merged down its rows.
    Area,
}

/// A milestone's status as printed (canonical capitalisation).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Status {
    /// "Complete", "Completed".
    Complete,
    /// "In progress".
    #[serde(rename = "In progress")]
    InProgress,
    /// "Ongoing", "On-going".
    Ongoing,
    /// "Not started".
    #[serde(rename = "Not started")]
    NotStarted,
    /// "Overdue".
    Overdue,
    /// "Delayed".
    Delayed,
    /// "On track".
    #[serde(rename = "On track")]
    OnTrack,
    /// "On hold".
    #[serde(rename = "On hold")]
    OnHold,
    /// "Cancelled", "Withdrawn".
    Cancelled,
}

impl Status {
    /// The canonical text.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Complete => "Complete",
            Status::InProgress => "In progress",
            Status::Ongoing => "Ongoing",
            Status::NotStarted => "Not started",
            Status::Overdue => "Overdue",
            Status::Delayed => "Delayed",
            Status::OnTrack => "On track",
            Status::OnHold => "On hold",
            Status::Cancelled => "Cancelled",
        }
    }

    /// Recognise a status word or phrase as printed, ignoring case and spacing: the canonical
    /// words and the others councils print ("Achieved", "Slipped", "Not yet due", "Under
    /// way"), mapped as FORMAT.md says.
    pub fn parse(s: &str) -> Option<Status> {
        let w = s
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        STATUS_WORDS
            .iter()
            .find(|(word, _)| *word == w)
            .map(|(_, status)| *status)
    }
}

/// Status words and phrases as councils print them (lower case), and what each means. A
/// milestone's status is looked for among these; the word as printed is kept beside it.
pub const STATUS_WORDS: &[(&str, Status)] = &[
    ("complete", Status::Complete),
    ("completed", Status::Complete),
    ("done", Status::Complete),
    ("achieved", Status::Complete),
    ("implemented", Status::Complete),
    ("delivered", Status::Complete),
    ("finished", Status::Complete),
    ("closed", Status::Complete),
    ("in progress", Status::InProgress),
    ("in-progress", Status::InProgress),
    ("under way", Status::InProgress),
    ("underway", Status::InProgress),
    ("started", Status::InProgress),
    ("partly implemented", Status::InProgress),
    ("partially implemented", Status::InProgress),
    ("partially complete", Status::InProgress),
    ("ongoing", Status::Ongoing),
    ("on-going", Status::Ongoing),
    ("on going", Status::Ongoing),
    ("continuing", Status::Ongoing),
    ("not started", Status::NotStarted),
    ("not yet started", Status::NotStarted),
    ("not yet due", Status::NotStarted),
    ("not due", Status::NotStarted),
    ("not yet begun", Status::NotStarted),
    ("overdue", Status::Overdue),
    ("delayed", Status::Delayed),
    ("slipped", Status::Delayed),
    ("slipping", Status::Delayed),
    ("behind", Status::Delayed),
    ("behind schedule", Status::Delayed),
    ("on track", Status::OnTrack),
    ("on target", Status::OnTrack),
    ("on schedule", Status::OnTrack),
    ("on hold", Status::OnHold),
    ("paused", Status::OnHold),
    ("deferred", Status::OnHold),
    ("cancelled", Status::Cancelled),
    ("canceled", Status::Cancelled),
    ("withdrawn", Status::Cancelled),
    ("no longer required", Status::Cancelled),
];

#[cfg(test)]
mod tests {
    use super::Status;

    #[test]
    fn status_words_and_their_canonical_text() {
        assert_eq!(Status::parse(" On-Going "), Some(Status::Ongoing));
        assert_eq!(Status::parse("Withdrawn"), Some(Status::Cancelled));
        assert_eq!(Status::parse("done"), Some(Status::Complete));
        assert_eq!(Status::parse("Not yet due"), Some(Status::NotStarted));
        assert_eq!(Status::parse("Planning"), None);
        assert_eq!(Status::InProgress.as_str(), "In progress");
        assert_eq!(
            serde_json::to_string(&Status::NotStarted).unwrap(),
            "\"Not started\""
        );
    }
}
