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

    /// Recognise a status word, ignoring case.
    pub fn parse(s: &str) -> Option<Status> {
        Some(match s.trim().to_lowercase().as_str() {
            "complete" | "completed" => Status::Complete,
            "in progress" | "in-progress" => Status::InProgress,
            "ongoing" | "on-going" | "on going" => Status::Ongoing,
            "not started" => Status::NotStarted,
            "overdue" => Status::Overdue,
            "delayed" => Status::Delayed,
            "on track" => Status::OnTrack,
            "on hold" => Status::OnHold,
            "cancelled" | "canceled" | "withdrawn" => Status::Cancelled,
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::Status;

    #[test]
    fn status_words_and_their_canonical_text() {
        assert_eq!(Status::parse(" On-Going "), Some(Status::Ongoing));
        assert_eq!(Status::parse("Withdrawn"), Some(Status::Cancelled));
        assert_eq!(Status::parse("done"), None);
        assert_eq!(Status::InProgress.as_str(), "In progress");
        assert_eq!(
            serde_json::to_string(&Status::NotStarted).unwrap(),
            "\"Not started\""
        );
    }
}
