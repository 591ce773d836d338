//! The covering report on the wire: `meeting` and `report` of the paper JSON.

use serde::{Deserialize, Serialize};

use crate::paper::report as model;

/// `meeting`: `{"body", "date"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meeting {
    /// The body that meets.
    pub body: String,
    /// The meeting date, ISO `YYYY-MM-DD`.
    pub date: Option<String>,
}

/// `report`: `{"title", "report_from", "author", "summary", "sections", "contacts"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    /// The title as printed.
    pub title: String,
    /// The "Report from:" values.
    pub report_from: Vec<String>,
    /// The "Author:" value.
    pub author: Option<String>,
    /// The summary.
    pub summary: Option<String>,
    /// The numbered sections.
    pub sections: Vec<Section>,
    /// The contacts.
    pub contacts: Vec<Contact>,
}

/// A section: `{"number", "heading", "paragraphs"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    /// Its number as printed.
    pub number: String,
    /// Its heading.
    pub heading: String,
    /// Its paragraphs.
    pub paragraphs: Vec<Paragraph>,
}

/// A paragraph: `{"number", "text", "bullets"}`, `bullets` only when there are any.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    /// Its number, or `null`.
    pub number: Option<String>,
    /// Its text.
    pub text: String,
    /// The bulleted list under it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bullets: Vec<String>,
}

/// A contact: `{"name", "role", "email"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    /// The name as printed.
    pub name: String,
    /// The role.
    pub role: Option<String>,
    /// The e-mail address.
    pub email: Option<String>,
}

impl From<&model::Meeting> for Meeting {
    fn from(m: &model::Meeting) -> Self {
        Meeting {
            body: m.body.clone(),
            date: m.date.clone(),
        }
    }
}

impl From<Meeting> for model::Meeting {
    fn from(m: Meeting) -> Self {
        model::Meeting {
            body: m.body,
            date: m.date,
        }
    }
}

impl From<&model::Report> for Report {
    fn from(r: &model::Report) -> Self {
        Report {
            title: r.title.clone(),
            report_from: r.report_from.clone(),
            author: r.author.clone(),
            summary: r.summary.clone(),
            sections: r.sections.iter().map(Section::from).collect(),
            contacts: r.contacts.iter().map(Contact::from).collect(),
        }
    }
}

impl From<Report> for model::Report {
    fn from(r: Report) -> Self {
        model::Report {
            title: r.title,
            report_from: r.report_from,
            author: r.author,
            summary: r.summary,
            sections: r.sections.into_iter().map(Into::into).collect(),
            contacts: r.contacts.into_iter().map(Into::into).collect(),
        }
    }
}

impl From<&model::Section> for Section {
    fn from(s: &model::Section) -> Self {
        Section {
            number: s.number.clone(),
            heading: s.heading.clone(),
            paragraphs: s.paragraphs.iter().map(Paragraph::from).collect(),
        }
    }
}

impl From<Section> for model::Section {
    fn from(s: Section) -> Self {
        model::Section {
            number: s.number,
            heading: s.heading,
            paragraphs: s.paragraphs.into_iter().map(Into::into).collect(),
        }
    }
}

impl From<&model::ReportParagraph> for Paragraph {
    fn from(p: &model::ReportParagraph) -> Self {
        Paragraph {
            number: p.number.clone(),
            text: p.text.clone(),
            bullets: p.bullets.clone(),
        }
    }
}

impl From<Paragraph> for model::ReportParagraph {
    fn from(p: Paragraph) -> Self {
        model::ReportParagraph {
            number: p.number,
            text: p.text,
            bullets: p.bullets,
        }
    }
}

impl From<&model::Contact> for Contact {
    fn from(c: &model::Contact) -> Self {
        Contact {
            name: c.name.clone(),
            role: c.role.clone(),
            email: c.email.clone(),
        }
    }
}

impl From<Contact> for model::Contact {
    fn from(c: Contact) -> Self {
        model::Contact {
            name: c.name,
            role: c.role,
            email: c.email,
        }
    }
}
