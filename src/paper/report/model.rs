//! The covering report as data: what `extract` writes under `meeting` and `report` (see
//! `fixtures/FORMAT.md`, "Covering reports of any house style").

use serde::{Deserialize, Serialize};

/// The meeting a paper goes to, from the header of its first page or its labels.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Meeting {
    /// The body that meets, in title case when printed in capitals ("Health and Wellbeing
    /// Board"), without the council's name.
    pub body: String,
    /// The meeting date as ISO `YYYY-MM-DD` when a full date is printed.
    pub date: Option<String>,
    /// Where the meeting is held, as printed; absent when not printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
}

/// The covering report of a board paper.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Report {
    /// The title as printed (capitals kept); `None` when none is printed, or when the title
    /// block holds no title (then `title_rejected` says what it held).
    pub title: Option<String>,
    /// The people the report is from (Report from / Report of / Lead officer / From), one
    /// per printed line or person.
    pub report_from: Vec<String>,
    /// The author (Author / Officer presenting / Contact officer), as printed.
    pub author: Option<String>,
    /// The Summary block, else the text under "Purpose of report"; paragraphs joined with
    /// "\n".
    pub summary: Option<String>,
    /// The sections, in order.
    pub sections: Vec<Section>,
    /// The contacts.
    pub contacts: Vec<Contact>,
    /// The agenda item number as printed ("7").
    #[serde(default)]
    pub agenda_item: Option<String>,
    /// The Cabinet member / Portfolio holder line as printed.
    #[serde(default)]
    pub cabinet_member: Option<String>,
    /// The wards affected as printed ("All wards").
    #[serde(default)]
    pub wards: Option<String>,
    /// The key decision answer as printed ("Yes", "No").
    #[serde(default)]
    pub key_decision: Option<String>,
    /// The exempt status or classification as printed ("No", "Open", "Unrestricted").
    #[serde(default)]
    pub exempt: Option<String>,
    /// Each recommendation, labels dropped.
    #[serde(default)]
    pub recommendations: Vec<String>,
    /// The appendices listed.
    #[serde(default)]
    pub appendices: Vec<Appendix>,
    /// The background papers listed ("None" gives none).
    #[serde(default)]
    pub background_papers: Vec<String>,
    /// The sign-off block closing the report ("Designation: …", "Date: …", a name over a
    /// post), its lines as printed joined with "\n"; absent when none is printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sign_off: Option<String>,
    /// The title block's text when it was read as no title (a time, an address): the paper
    /// reader turns it into a `title_rejected` warning. Not part of the output.
    #[serde(skip)]
    pub title_rejected: Option<RejectedTitle>,
}

/// A title block that holds no title, with its page and why it is none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RejectedTitle {
    /// The page (1-based) the title block is printed on.
    pub page: u32,
    /// Its text as printed.
    pub text: String,
    /// Why it is no title ("only a time").
    pub reason: &'static str,
}

/// A section of a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    /// Its number as printed, without the trailing full stop ("1"); `None` when unnumbered.
    pub number: Option<String>,
    /// Its heading ("" for paragraphs printed under no heading).
    pub heading: String,
    /// Its paragraphs, in order.
    pub paragraphs: Vec<ReportParagraph>,
}

/// A paragraph of a report section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportParagraph {
    /// Its number as printed without a trailing full stop ("1.1", "4", "(a)", "a)"), or
    /// `None` for an unnumbered paragraph.
    pub number: Option<String>,
    /// Its text, lines joined by single spaces (a line-final word hyphen joins without one).
    pub text: String,
    /// The list printed under it, labels dropped (omitted when empty).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bullets: Vec<String>,
    /// The level (1 or 2) of each entry of `bullets`; present only when there are sub-bullets.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bullet_levels: Vec<u8>,
}

/// A contact named in the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    /// The person's name as printed (honours kept: "John Drew C.B.E.").
    pub name: String,
    /// The role printed with the name.
    pub role: Option<String>,
    /// The e-mail address.
    pub email: Option<String>,
    /// The telephone number as printed.
    #[serde(default)]
    pub phone: Option<String>,
}

/// An appendix listed by the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Appendix {
    /// Its number or letter as printed ("A", "1").
    pub label: String,
    /// Its title.
    pub title: String,
    /// The first and last page (1-based) of the PDF that hold it, when it is attached after
    /// the report.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pages: Option<[u32; 2]>,
}
