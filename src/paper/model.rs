//! The board-paper model: plans made of priorities, improvement areas and actions. Field
//! names follow `fixtures/FORMAT.md`; an action cannot exist outside an area, nor an area
//! outside a priority.

use serde::{Deserialize, Serialize};

use super::vocab::Status;
use crate::colour::Colour;
use crate::dates::Period;
use crate::table::Part;

/// A RAG colour classified by hue; anything else keeps its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RagColour {
    /// Green.
    Green,
    /// Amber (orange-yellow).
    Amber,
    /// Red.
    Red,
    /// Another colour, as printed.
    Other(Colour),
}

impl RagColour {
    /// Classify a fill by hue: red below 20°, amber 20–70°, green 70–170° (with enough
    /// saturation to be a colour at all).
    pub fn classify(c: Colour) -> RagColour {
        let (r, g, b) = (
            f64::from(c.r) / 255.0,
            f64::from(c.g) / 255.0,
            f64::from(c.b) / 255.0,
        );
        let max = r.max(g).max(b);
        let min = r.min(g).min(b);
        let delta = max - min;
        if max <= 0.0 || delta / max < 0.35 {
            return RagColour::Other(c);
        }
        let hue = if max == r {
            60.0 * ((g - b) / delta).rem_euclid(6.0)
        } else if max == g {
            60.0 * ((b - r) / delta + 2.0)
        } else {
            60.0 * ((r - g) / delta + 4.0)
        };
        match hue {
            h if !(20.0..345.0).contains(&h) => RagColour::Red,
            h if h < 70.0 => RagColour::Amber,
            h if (70.0..170.0).contains(&h) => RagColour::Green,
            _ => RagColour::Other(c),
        }
    }
}

/// "green", "amber", "red", or the colour as printed ("#C6D9F1"): the JSON value.
impl std::fmt::Display for RagColour {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RagColour::Green => f.write_str("green"),
            RagColour::Amber => f.write_str("amber"),
            RagColour::Red => f.write_str("red"),
            RagColour::Other(c) => write!(f, "{c}"),
        }
    }
}

impl Serialize for RagColour {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// One entry of an action's RAG column.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RagEntry {
    /// The text printed ("Complete", "In progress", "G"...).
    pub text: String,
    /// Its colour class; `None` when unfilled.
    pub colour: Option<RagColour>,
    /// The fill as printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fill: Option<Colour>,
}

/// One milestone: a bullet or paragraph of the timescales column.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Milestone {
    /// The text as printed (lines joined, no bullet).
    pub text: String,
    /// The status word printed in it.
    pub status: Option<Status>,
    /// The timescale printed at its end.
    pub date: Option<String>,
    /// The RAG text printed level with it.
    pub rag: Option<String>,
    /// The span of time its timescale covers, when one can be read from it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// The status word as printed ("Achieved", "Slipped"), when `status` was read from one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_text: Option<String>,
}

/// The text of a plan column that has no role of its own ("Comments", "Budget"), kept on
/// the action so that nothing printed in a plan row is lost.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Field {
    /// The column heading as printed.
    pub heading: String,
    /// The cell's text (paragraphs joined with "\n").
    pub text: String,
}

/// A grouping level below improvement areas (a third level: "Project: …"), kept on each
/// action under it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Group {
    /// The label as printed ("Project 2", "Workstream 1.3"), when one is printed.
    pub label: Option<String>,
    /// Its number as printed, when one is printed.
    pub number: Option<String>,
    /// The text after the label.
    pub title: String,
}

/// An action row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Action {
    /// The number as printed ("1.1").
    pub number: String,
    /// The specific action.
    pub specific_action: String,
    /// One entry per lead body.
    pub leads: Vec<String>,
    /// One entry per paragraph.
    pub success_indicators: Vec<String>,
    /// One per bullet of the timescales column.
    pub milestones: Vec<Milestone>,
    /// Every RAG entry, top to bottom.
    pub rag: Vec<RagEntry>,
    /// One entry per paragraph.
    pub impact_evidence: Vec<String>,
    /// First and last page on which the row is printed.
    pub pages: [u32; 2],
    /// The row's box on each page.
    #[serde(default)]
    pub rows: Vec<Part>,
    /// True when no reference was printed and `number` was counted (1, 2, …).
    #[serde(default)]
    pub number_implied: bool,
    /// A third grouping level above the action, when the plan prints one.
    #[serde(default)]
    pub group: Option<Group>,
    /// The columns with no role, in column order.
    #[serde(default)]
    pub fields: Vec<Field>,
}

/// An improvement area (desired outcome) of a priority.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Area {
    /// Its number within the priority.
    pub number: u32,
    /// The label as printed ("Outcome 2", "Objective 1.3"); `None` when the level is implied.
    #[serde(default)]
    pub label: Option<String>,
    /// The outcome text.
    pub outcome: String,
    /// Its actions.
    pub actions: Vec<Action>,
}

/// A priority (objective, theme) of a plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Priority {
    /// Its number.
    pub number: u32,
    /// The label as printed ("Priority objective 1", "Theme B"); `None` when the level is
    /// implied.
    #[serde(default)]
    pub label: Option<String>,
    /// Its title (without "Priority objective N:").
    pub title: String,
    /// Its improvement areas.
    pub improvement_areas: Vec<Area>,
}

/// An action plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    /// The title from the caption above the plan.
    pub title: String,
    /// The version label ("4").
    pub version: Option<String>,
    /// The version date as printed, month in title case ("June 2015").
    pub version_date: Option<String>,
    /// The column headings.
    pub columns: Vec<String>,
    /// First and last page.
    pub pages: [u32; 2],
    /// Its priorities.
    pub priorities: Vec<Priority>,
}

impl<'de> Deserialize<'de> for RagColour {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        match s.as_str() {
            "green" => Ok(RagColour::Green),
            "amber" => Ok(RagColour::Amber),
            "red" => Ok(RagColour::Red),
            other => Colour::from_hex(other)
                .map(RagColour::Other)
                .ok_or_else(|| {
                    serde::de::Error::custom(format!(
                        "a RAG colour is green, amber, red or #RRGGBB, not {other:?}"
                    ))
                }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rag_colours_by_hue() {
        let c = |h: &str| Colour::from_hex(h).map(RagColour::classify);
        assert_eq!(c("#00B050"), Some(RagColour::Green));
        assert_eq!(c("#FFC000"), Some(RagColour::Amber));
        assert_eq!(c("#FF0000"), Some(RagColour::Red));
        assert_eq!(c("#92D050"), Some(RagColour::Green));
        assert_eq!(
            c("#C6D9F1"),
            Colour::from_hex("#C6D9F1").map(RagColour::Other)
        );
        assert_eq!(
            c("#F2F2F2"),
            Colour::from_hex("#F2F2F2").map(RagColour::Other)
        );
    }
}
