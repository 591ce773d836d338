//! The covering report on the wire: `meeting` and `report` of the paper JSON. These types are
//! the contract (`schemas/paper.schema.json`); the model may change without changing them.

use serde::{Deserialize, Serialize};

use crate::paper::report as model;

/// `meeting`: `{"body", "date", "place"?}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meeting {
    /// The body that meets.
    pub body: String,
    /// The meeting date, ISO `YYYY-MM-DD`.
    pub date: Option<String>,
    /// Where the meeting is held; absent when not printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
}

/// `report`: title, people, summary, sections, contacts and the front and back matter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    /// The title as printed; `null` when none is printed.
    pub title: Option<String>,
    /// The Report from / Report of / Lead officer values.
    pub report_from: Vec<String>,
    /// The Author / Officer presenting / Contact officer value.
    pub author: Option<String>,
    /// The summary.
    pub summary: Option<String>,
    /// The sections.
    pub sections: Vec<Section>,
    /// The contacts.
    pub contacts: Vec<Contact>,
    /// The agenda item number.
    #[serde(default)]
    pub agenda_item: Option<String>,
    /// The Cabinet member / Portfolio holder.
    #[serde(default)]
    pub cabinet_member: Option<String>,
    /// The wards affected.
    #[serde(default)]
    pub wards: Option<String>,
    /// The key decision answer.
    #[serde(default)]
    pub key_decision: Option<String>,
    /// The exempt status or classification.
    #[serde(default)]
    pub exempt: Option<String>,
    /// The recommendations, labels dropped.
    #[serde(default)]
    pub recommendations: Vec<String>,
    /// The appendices listed.
    #[serde(default)]
    pub appendices: Vec<Appendix>,
    /// The background papers listed.
    #[serde(default)]
    pub background_papers: Vec<String>,
    /// The closing sign-off block's lines; absent when none is printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sign_off: Option<String>,
}

/// A section: `{"number", "heading", "paragraphs"}`; `number` is null when unnumbered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    /// Its number as printed, or `null`.
    pub number: Option<String>,
    /// Its heading.
    pub heading: String,
    /// Its paragraphs.
    pub paragraphs: Vec<Paragraph>,
}

/// A paragraph: `{"number", "text", "bullets"?, "bullet_levels"?}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    /// Its number, or `null`.
    pub number: Option<String>,
    /// Its text.
    pub text: String,
    /// The list under it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bullets: Vec<String>,
    /// Each list entry's level (1 or 2), only when there are sub-bullets.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bullet_levels: Vec<u8>,
}

/// A contact: `{"name", "role", "email", "phone"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    /// The name as printed.
    pub name: String,
    /// The role.
    pub role: Option<String>,
    /// The e-mail address.
    pub email: Option<String>,
    /// The telephone number.
    #[serde(default)]
    pub phone: Option<String>,
}

/// An appendix: `{"label", "title"[, "pages"]}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Appendix {
    /// Its number or letter.
    pub label: String,
    /// Its title.
    pub title: String,
    /// The first and last page of the PDF that hold it, when attached.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pages: Option<[u32; 2]>,
}

impl From<&model::Meeting> for Meeting {
    fn from(m: &model::Meeting) -> Self {
        Meeting {
            body: m.body.clone(),
            date: m.date.clone(),
            place: m.place.clone(),
        }
    }
}

impl From<Meeting> for model::Meeting {
    fn from(m: Meeting) -> Self {
        model::Meeting {
            body: m.body,
            date: m.date,
            place: m.place,
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
            agenda_item: r.agenda_item.clone(),
            cabinet_member: r.cabinet_member.clone(),
            wards: r.wards.clone(),
            key_decision: r.key_decision.clone(),
            exempt: r.exempt.clone(),
            recommendations: r.recommendations.clone(),
            appendices: r
                .appendices
                .iter()
                .map(|a| Appendix {
                    label: a.label.clone(),
                    title: a.title.clone(),
                    pages: a.pages,
                })
                .collect(),
            background_papers: r.background_papers.clone(),
            sign_off: r.sign_off.clone(),
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
            agenda_item: r.agenda_item,
            cabinet_member: r.cabinet_member,
            wards: r.wards,
            key_decision: r.key_decision,
            exempt: r.exempt,
            recommendations: r.recommendations,
            appendices: r
                .appendices
                .into_iter()
                .map(|a| model::Appendix {
                    label: a.label,
                    title: a.title,
                    pages: a.pages,
                })
                .collect(),
            background_papers: r.background_papers,
            sign_off: r.sign_off,
            title_rejected: None,
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
            bullet_levels: p.bullet_levels.clone(),
        }
    }
}

impl From<Paragraph> for model::ReportParagraph {
    fn from(p: Paragraph) -> Self {
        model::ReportParagraph {
            number: p.number,
            text: p.text,
            bullets: p.bullets,
            bullet_levels: p.bullet_levels,
        }
    }
}

impl From<&model::Contact> for Contact {
    fn from(c: &model::Contact) -> Self {
        Contact {
            name: c.name.clone(),
            role: c.role.clone(),
            email: c.email.clone(),
            phone: c.phone.clone(),
        }
    }
}

impl From<Contact> for model::Contact {
    fn from(c: Contact) -> Self {
        model::Contact {
            name: c.name,
            role: c.role,
            email: c.email,
            phone: c.phone,
        }
    }
}
