//! Action plans on the wire: `plans` of the paper JSON, down to milestones and RAG entries.
//! Colours, statuses and boxes are spelt here, not by the model's own serde code.

use serde::{Deserialize, Serialize};

use crate::dates::{self, PeriodEnd};
use crate::geom::Rect;
use crate::paper::model;
use crate::paper::vocab::Status as ModelStatus;
use crate::pdf;
use crate::table;

/// A plan: `{"title", "version", "version_date", "columns", "pages", "priorities"}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    /// The title from the caption.
    pub title: String,
    /// The version label.
    pub version: Option<String>,
    /// The version date as printed.
    pub version_date: Option<String>,
    /// The column headings.
    pub columns: Vec<String>,
    /// First and last page.
    pub pages: [u32; 2],
    /// Its priorities.
    pub priorities: Vec<Priority>,
}

/// A priority: `{"number", "label", "title", "improvement_areas"}`, `label` only when printed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Priority {
    /// Its number.
    pub number: u32,
    /// The label as printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Its title.
    pub title: String,
    /// Its improvement areas.
    pub improvement_areas: Vec<Area>,
}

/// An improvement area: `{"number", "label", "outcome", "actions"}`, `label` only when printed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Area {
    /// Its number within the priority.
    pub number: u32,
    /// The label as printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The outcome text.
    pub outcome: String,
    /// Its actions.
    pub actions: Vec<Action>,
}

/// An action: the fields of `fixtures/FORMAT.md`, then `rows` (the row's box on each page),
/// then, only when there are any: `number_implied`, `group` (a third level) and `fields` (the
/// columns with no role).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Action {
    /// The number as printed.
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
    /// First and last page.
    pub pages: [u32; 2],
    /// The row's box on each page.
    #[serde(default)]
    pub rows: Vec<Part>,
    /// True when no reference was printed and `number` was counted.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub number_implied: bool,
    /// A third grouping level above the action.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<Group>,
    /// The columns with no role, in column order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<Field>,
}

/// A column with no role: `{"heading", "text"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Field {
    /// The heading as printed.
    pub heading: String,
    /// The cell's text.
    pub text: String,
}

/// A third grouping level: `{"label", "number", "title"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Group {
    /// The label as printed.
    pub label: Option<String>,
    /// Its number as printed.
    pub number: Option<String>,
    /// The text after the label.
    pub title: String,
}

/// A milestone: `{"text", "status", "date", "rag", "period", "status_text"}`, the last two
/// only when known.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Milestone {
    /// The text as printed.
    pub text: String,
    /// The status word.
    pub status: Option<Status>,
    /// The timescale.
    pub date: Option<String>,
    /// The RAG text printed level with it.
    pub rag: Option<String>,
    /// The span of time the timescale covers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// The status word as printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_text: Option<String>,
}

/// A milestone's status, in its canonical spelling.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Status {
    /// "Complete".
    Complete,
    /// "In progress".
    #[serde(rename = "In progress")]
    InProgress,
    /// "Ongoing".
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
    /// "Cancelled".
    Cancelled,
}

impl Status {
    /// The spelling serde gives it ("In progress"); the sheets use it too.
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
}

/// A period: `{"from", "to"}`, ISO months or years.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    /// The first month or year (`2015`, `2015-09`; anything else is refused when read).
    pub from: Option<PeriodEnd>,
    /// The last month or year.
    pub to: Option<PeriodEnd>,
}

/// A RAG entry: `{"text", "colour", "fill"}`, `fill` only when filled.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RagEntry {
    /// The text printed.
    pub text: String,
    /// Its colour class.
    pub colour: Option<RagColour>,
    /// The fill as printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fill: Option<Hex>,
}

/// "green", "amber", "red", or another colour as `#RRGGBB`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RagColour {
    /// "green".
    Green,
    /// "amber".
    Amber,
    /// "red".
    Red,
    /// Another colour.
    Other(Hex),
}

/// A colour as `#RRGGBB` (upper-case hex).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hex(pub pdf::Colour);

/// Where part of a row is printed: `{"page", "bbox"}`, the box `[x0, top, x1, bottom]` in
/// points rounded to 0.01.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Part {
    /// 1-based page.
    pub page: u32,
    /// The box.
    pub bbox: [f64; 4],
}

impl std::fmt::Display for Hex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let pdf::Colour { r, g, b } = self.0;
        write!(f, "#{r:02X}{g:02X}{b:02X}")
    }
}

impl Serialize for Hex {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Hex {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        pdf::Colour::from_hex(&s)
            .map(Hex)
            .ok_or_else(|| serde::de::Error::custom(format!("a colour is #RRGGBB, not {s:?}")))
    }
}

impl std::fmt::Display for RagColour {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RagColour::Green => f.write_str("green"),
            RagColour::Amber => f.write_str("amber"),
            RagColour::Red => f.write_str("red"),
            RagColour::Other(c) => c.fmt(f),
        }
    }
}

impl Serialize for RagColour {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for RagColour {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        match s.as_str() {
            "green" => Ok(RagColour::Green),
            "amber" => Ok(RagColour::Amber),
            "red" => Ok(RagColour::Red),
            other => pdf::Colour::from_hex(other)
                .map(|c| RagColour::Other(Hex(c)))
                .ok_or_else(|| {
                    serde::de::Error::custom(format!(
                        "a RAG colour is green, amber, red or #RRGGBB, not {other:?}"
                    ))
                }),
        }
    }
}

impl From<&model::Plan> for Plan {
    fn from(p: &model::Plan) -> Self {
        Plan {
            title: p.title.clone(),
            version: p.version.clone(),
            version_date: p.version_date.clone(),
            columns: p.columns.clone(),
            pages: p.pages,
            priorities: p.priorities.iter().map(Priority::from).collect(),
        }
    }
}

impl From<Plan> for model::Plan {
    fn from(p: Plan) -> Self {
        model::Plan {
            title: p.title,
            version: p.version,
            version_date: p.version_date,
            columns: p.columns,
            pages: p.pages,
            priorities: p.priorities.into_iter().map(Into::into).collect(),
        }
    }
}

impl From<&model::Priority> for Priority {
    fn from(p: &model::Priority) -> Self {
        Priority {
            number: p.number,
            label: p.label.clone(),
            title: p.title.clone(),
            improvement_areas: p.improvement_areas.iter().map(Area::from).collect(),
        }
    }
}

impl From<Priority> for model::Priority {
    fn from(p: Priority) -> Self {
        model::Priority {
            number: p.number,
            label: p.label,
            title: p.title,
            improvement_areas: p.improvement_areas.into_iter().map(Into::into).collect(),
        }
    }
}

impl From<&model::Area> for Area {
    fn from(a: &model::Area) -> Self {
        Area {
            number: a.number,
            label: a.label.clone(),
            outcome: a.outcome.clone(),
            actions: a.actions.iter().map(Action::from).collect(),
        }
    }
}

impl From<Area> for model::Area {
    fn from(a: Area) -> Self {
        model::Area {
            number: a.number,
            label: a.label,
            outcome: a.outcome,
            actions: a.actions.into_iter().map(Into::into).collect(),
        }
    }
}

impl From<&model::Action> for Action {
    fn from(a: &model::Action) -> Self {
        Action {
            number: a.number.clone(),
            specific_action: a.specific_action.clone(),
            leads: a.leads.clone(),
            success_indicators: a.success_indicators.clone(),
            milestones: a.milestones.iter().map(Milestone::from).collect(),
            rag: a.rag.iter().map(RagEntry::from).collect(),
            impact_evidence: a.impact_evidence.clone(),
            pages: a.pages,
            rows: a.rows.iter().map(Part::from).collect(),
            number_implied: a.number_implied,
            group: a.group.as_ref().map(|g| Group {
                label: g.label.clone(),
                number: g.number.clone(),
                title: g.title.clone(),
            }),
            fields: a
                .fields
                .iter()
                .map(|f| Field {
                    heading: f.heading.clone(),
                    text: f.text.clone(),
                })
                .collect(),
        }
    }
}

impl From<Action> for model::Action {
    fn from(a: Action) -> Self {
        model::Action {
            number: a.number,
            specific_action: a.specific_action,
            leads: a.leads,
            success_indicators: a.success_indicators,
            milestones: a.milestones.into_iter().map(Into::into).collect(),
            rag: a.rag.into_iter().map(Into::into).collect(),
            impact_evidence: a.impact_evidence,
            pages: a.pages,
            rows: a.rows.into_iter().map(Into::into).collect(),
            number_implied: a.number_implied,
            group: a.group.map(|g| model::Group {
                label: g.label,
                number: g.number,
                title: g.title,
            }),
            fields: a
                .fields
                .into_iter()
                .map(|f| model::Field {
                    heading: f.heading,
                    text: f.text,
                })
                .collect(),
        }
    }
}

impl From<&model::Milestone> for Milestone {
    fn from(m: &model::Milestone) -> Self {
        Milestone {
            text: m.text.clone(),
            status: m.status.map(Status::from),
            date: m.date.clone(),
            rag: m.rag.clone(),
            period: m.period.as_ref().map(|p| Period {
                from: p.from,
                to: p.to,
            }),
            status_text: m.status_text.clone(),
        }
    }
}

impl From<Milestone> for model::Milestone {
    fn from(m: Milestone) -> Self {
        model::Milestone {
            text: m.text,
            status: m.status.map(Into::into),
            date: m.date,
            rag: m.rag,
            period: m.period.map(|p| dates::Period {
                from: p.from,
                to: p.to,
            }),
            status_text: m.status_text,
        }
    }
}

impl From<ModelStatus> for Status {
    fn from(s: ModelStatus) -> Self {
        match s {
            ModelStatus::Complete => Status::Complete,
            ModelStatus::InProgress => Status::InProgress,
            ModelStatus::Ongoing => Status::Ongoing,
            ModelStatus::NotStarted => Status::NotStarted,
            ModelStatus::Overdue => Status::Overdue,
            ModelStatus::Delayed => Status::Delayed,
            ModelStatus::OnTrack => Status::OnTrack,
            ModelStatus::OnHold => Status::OnHold,
            ModelStatus::Cancelled => Status::Cancelled,
        }
    }
}

impl From<Status> for ModelStatus {
    fn from(s: Status) -> Self {
        match s {
            Status::Complete => ModelStatus::Complete,
            Status::InProgress => ModelStatus::InProgress,
            Status::Ongoing => ModelStatus::Ongoing,
            Status::NotStarted => ModelStatus::NotStarted,
            Status::Overdue => ModelStatus::Overdue,
            Status::Delayed => ModelStatus::Delayed,
            Status::OnTrack => ModelStatus::OnTrack,
            Status::OnHold => ModelStatus::OnHold,
            Status::Cancelled => ModelStatus::Cancelled,
        }
    }
}

impl From<&model::RagEntry> for RagEntry {
    fn from(r: &model::RagEntry) -> Self {
        RagEntry {
            text: r.text.clone(),
            colour: r.colour.map(RagColour::from),
            fill: r.fill.map(Hex),
        }
    }
}

impl From<RagEntry> for model::RagEntry {
    fn from(r: RagEntry) -> Self {
        model::RagEntry {
            text: r.text,
            colour: r.colour.map(Into::into),
            fill: r.fill.map(|h| h.0),
        }
    }
}

impl From<model::RagColour> for RagColour {
    fn from(c: model::RagColour) -> Self {
        match c {
            model::RagColour::Green => RagColour::Green,
            model::RagColour::Amber => RagColour::Amber,
            model::RagColour::Red => RagColour::Red,
            model::RagColour::Other(c) => RagColour::Other(Hex(c)),
        }
    }
}

impl From<RagColour> for model::RagColour {
    fn from(c: RagColour) -> Self {
        match c {
            RagColour::Green => model::RagColour::Green,
            RagColour::Amber => model::RagColour::Amber,
            RagColour::Red => model::RagColour::Red,
            RagColour::Other(h) => model::RagColour::Other(h.0),
        }
    }
}

impl From<&table::Part> for Part {
    fn from(p: &table::Part) -> Self {
        Part {
            page: p.page,
            bbox: p.bbox.to_array(),
        }
    }
}

impl From<Part> for table::Part {
    fn from(p: Part) -> Self {
        let [x0, top, x1, bottom] = p.bbox;
        table::Part {
            page: p.page,
            bbox: Rect {
                x0,
                top,
                x1,
                bottom,
            },
        }
    }
}
