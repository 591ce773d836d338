//! The vocabulary of front matter: what a label ("Report from:", "WARDS:", "Date of meeting")
//! or a field heading ("Summary", "Background papers") feeds. Labels are the one place the
//! reader goes by words: they name fields, and councils name the same field many ways.

/// What a labelled field feeds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum LabelKind {
    /// The meeting's body: "Report to", "To", "Committee", "Meeting".
    Body,
    /// The meeting date: "Date", "Date of meeting".
    Date,
    /// The meeting's place: "Venue", "Place", "Location".
    Place,
    /// "Agenda item", "Item".
    AgendaItem,
    /// "Title", "Subject", "Report title".
    Title,
    /// "Report of", "Report from", "From", "Lead officer", "Reporting officer", "Executive
    /// lead", and
    /// the proposer of an amendment or motion ("Proposer", "Proposed by").
    ReportFrom,
    /// A sign-off: "Report approved by", "Signed off by", "Cleared by". The report is from
    /// them when no label says whom it is from.
    SignOff,
    /// "Author", "Report author", "Officer presenting", "Originating officer".
    Author,
    /// "Contact officer": with a value beside it the author, alone a contact block.
    ContactOfficer,
    /// "Cabinet member", "Portfolio holder".
    CabinetMember,
    /// "Wards", "Wards affected".
    Wards,
    /// "Key decision".
    KeyDecision,
    /// "Exempt", "Exempt status", "Classification", "Confidential".
    Exempt,
    /// "Summary", "Report summary", "Executive summary".
    Summary,
    /// "Purpose of report", "Purpose".
    Purpose,
    /// "Recommendations", "Recommendation".
    Recommendations,
    /// "Appendices".
    Appendices,
    /// "Background papers", "Background documents".
    Background,
    /// "Contact", "Contact details", "Lead officer contact", "For further information contact".
    Contacts,
    /// Any other label.
    Other,
}

impl LabelKind {
    /// Whether the reader reads the label wherever it stands, a closing sign-off block too
    /// ("Author:", "Contact officer:", "Report approved by:").
    pub fn is_sign_off_reader(self) -> bool {
        matches!(
            self,
            LabelKind::Author | LabelKind::ContactOfficer | LabelKind::SignOff
        )
    }

    /// Whether the label is one only a covering report prints (the meeting, the people,
    /// the summary): evidence that the pages hold a report.
    pub fn is_evidence(self) -> bool {
        !matches!(
            self,
            LabelKind::Other | LabelKind::Appendices | LabelKind::Background | LabelKind::Contacts
        )
    }

    /// Whether the field is a block of its own (text, a list or contacts under it) rather
    /// than a value beside its label.
    pub fn is_block(self) -> bool {
        matches!(
            self,
            LabelKind::Summary
                | LabelKind::Purpose
                | LabelKind::Recommendations
                | LabelKind::Appendices
                | LabelKind::Background
                | LabelKind::Contacts
                | LabelKind::ContactOfficer
        )
    }
}

/// A label's words, lower case, without its colon (or question mark), "(s)" or
/// "no."/"number" tail.
fn normalise(label: &str) -> String {
    let l = label.to_lowercase();
    // A row's whole text is asked too: no "(s)" without a bracket, found by a byte search.
    let l = if l.contains('(') {
        l.replace("(s)", "s")
    } else {
        l
    };
    let l = l.trim().trim_end_matches([':', '.', '-', '–', '?']).trim();
    // The words joined by one space, as collecting and joining them gave, in one buffer.
    let mut out = String::with_capacity(l.len());
    for word in l.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// What the label `label` feeds. A bilingual label ("Pwyllgor / Committee:", "Teitl /
/// Title") feeds what the first of its halves that is known feeds.
pub(super) fn label_kind(label: &str) -> LabelKind {
    let kind = one_label_kind(label);
    if kind != LabelKind::Other || !label.contains(" / ") {
        return kind;
    }
    label
        .split(" / ")
        .map(one_label_kind)
        .find(|k| *k != LabelKind::Other)
        .unwrap_or(LabelKind::Other)
}

/// What the label `label` (one language) feeds.
fn one_label_kind(label: &str) -> LabelKind {
    let l = normalise(label);
    let l = l.as_str();
    let one_of = |list: &[&str]| list.contains(&l);
    if one_of(&[
        "report to",
        "to",
        "committee",
        "meeting",
        "board",
        "decision maker",
        "decision-maker",
        "meeting of",
        "name of meeting",
        "committee reporting to",
        "reporting to",
    ]) {
        LabelKind::Body
    } else if one_of(&[
        "date",
        "date of meeting",
        "meeting date",
        "date of decision",
    ]) {
        LabelKind::Date
    } else if one_of(&["venue", "place", "location", "meeting venue"]) {
        LabelKind::Place
    } else if one_of(&[
        "agenda item",
        "item",
        "agenda item no",
        "item no",
        "agenda item number",
        "item number",
    ]) {
        LabelKind::AgendaItem
    } else if one_of(&[
        "title",
        "subject",
        "report title",
        "title of report",
        "report subject",
        "subject of report",
        "report on",
    ]) {
        LabelKind::Title
    } else if one_of(&["contact officer", "contact officers"]) {
        LabelKind::ContactOfficer
    } else if l.starts_with("contact")
        || l.ends_with("contact")
        || l.ends_with("contacts")
        || one_of(&["further information", "for further information contact"])
    {
        LabelKind::Contacts
    } else if one_of(&[
        "report of",
        "report from",
        "report by",
        "from",
        "presented by",
        "lead officer",
        "lead officers",
        "executive director lead",
        "executive lead",
        "lead executive",
        "executive sponsor",
        "reporting officer",
        "reporting officers",
        "director",
        "lead director",
        "relevant director",
        "corporate director",
        "responsible officer",
        "responsible director",
        "strategic director",
        "sponsoring director",
        "sponsoring officer",
        "report sponsor",
        "accountable director",
        "accountable officer",
        "accountable chief executive",
        "accountable employee",
        "director responsible",
        "proposer",
        "proposed by",
    ]) {
        LabelKind::ReportFrom
    } else if l.ends_with("approved by")
        || l.ends_with("signed off by")
        || l.ends_with("cleared by")
        || l.ends_with("authorised by")
        || l.ends_with("authorized by")
    {
        LabelKind::SignOff
    } else if l
        // Normalised: its words are parted by single spaces.
        .split(' ')
        .any(|w| matches!(w, "author" | "authors" | "authored"))
        || one_of(&[
            "officer presenting",
            "presenting officer",
            "originating officer",
            "originating officers",
            "report originator",
        ])
    {
        LabelKind::Author
    } else if one_of(&[
        "cabinet member",
        "cabinet members",
        "portfolio holder",
        "portfolio holders",
        "lead member",
        "cabinet portfolio",
        "portfolio",
        "executive member",
        "lead councillor",
        "responsible cabinet member",
    ]) {
        LabelKind::CabinetMember
    } else if l.starts_with("ward") || one_of(&["divisions affected", "electoral divisions"]) {
        LabelKind::Wards
    } else if l == "key decision" {
        LabelKind::KeyDecision
    } else if l.starts_with("exempt")
        || one_of(&[
            "classification",
            "confidential",
            "confidentiality",
            "open or exempt",
        ])
    {
        LabelKind::Exempt
    } else if one_of(&[
        "summary",
        "report summary",
        "executive summary",
        "summary of report",
        "what is this report about",
        "what is the report about",
        "what this report is about",
    ]) {
        LabelKind::Summary
    } else if one_of(&[
        "purpose",
        "purpose of report",
        "purpose of the report",
        "reason for report",
    ]) {
        LabelKind::Purpose
    } else if l.starts_with("recommendation")
        || one_of(&[
            "recommended decisions",
            "decisions proposed",
            "decision proposed",
            "proposed decisions",
            "proposed decision",
            "decisions sought",
            "decision sought",
        ])
        || asked_to_decide(l)
    {
        LabelKind::Recommendations
    } else if one_of(&["appendices", "appendix", "list of appendices"]) {
        LabelKind::Appendices
    } else if one_of(&["background reading"])
        || l.ends_with("background papers")
        || l.ends_with("background documents")
    {
        LabelKind::Background
    } else {
        LabelKind::Other
    }
}

/// A heading asking what the meeting is asked to do or decide ("What are we asking the
/// Board to do?", "What is the Cabinet being asked to decide?"): the recommendations.
fn asked_to_decide(l: &str) -> bool {
    l.starts_with("what ")
        && (l.contains(" asking ") || l.contains(" asked to "))
        && (l.ends_with(" to do") || l.ends_with(" to decide") || l.ends_with(" to agree"))
}

/// "Agenda item 5", "Item 12", "Agenda Item No. 3": the item's number.
pub(super) fn agenda_item(text: &str) -> Option<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let start = match lower.as_slice() {
        [a, b, ..] if a == "agenda" && b.starts_with("item") => 2,
        [a, ..] if a == "item" => 1,
        _ => return None,
    };
    let rest: Vec<&str> = words
        .iter()
        .skip(start)
        .copied()
        .filter(|w| !matches!(w.to_lowercase().as_str(), "no" | "no." | "number" | ":"))
        .collect();
    match rest.as_slice() {
        [n] if n.len() <= 6 && n.chars().next().is_some_and(|c| c.is_ascii_digit()) => Some(
            n.trim_start_matches(':')
                .trim_end_matches(['.', ':'])
                .to_string(),
        ),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels() {
        assert_eq!(label_kind("Report from:"), LabelKind::ReportFrom);
        assert_eq!(label_kind("REPORT FROM:"), LabelKind::ReportFrom);
        assert_eq!(label_kind("Author:"), LabelKind::Author);
        assert_eq!(label_kind("Originating Officer(s)"), LabelKind::Author);
        assert_eq!(label_kind("Reporting Officer:"), LabelKind::ReportFrom);
        assert_eq!(label_kind("Executive lead"), LabelKind::ReportFrom);
        assert_eq!(label_kind("Report Subject"), LabelKind::Title);
        // Northern Ireland councils' "Report on", combined authorities' accountable officers.
        assert_eq!(label_kind("Report on"), LabelKind::Title);
        assert_eq!(
            label_kind("Accountable Chief Executive:"),
            LabelKind::ReportFrom
        );
        assert_eq!(label_kind("Accountable Employee"), LabelKind::ReportFrom);
        assert_eq!(label_kind("Pwyllgor / Committee:"), LabelKind::Body);
        assert_eq!(label_kind("Teitl / Title:"), LabelKind::Title);
        assert_eq!(
            label_kind("Adroddiad gan / Report of:"),
            LabelKind::ReportFrom
        );
        assert_eq!(
            label_kind("Argymhellion / Recommendations"),
            LabelKind::Recommendations
        );
        assert_eq!(
            label_kind("Consultations required / carried out"),
            LabelKind::Other
        );
        assert_eq!(
            label_kind("NORTHVALE FIRE AND RESCUE AUTHORITY"),
            LabelKind::Other
        );
        assert_eq!(label_kind("Report approved by:"), LabelKind::SignOff);
        assert_eq!(label_kind("Signed off by"), LabelKind::SignOff);
        assert_eq!(label_kind("Sponsoring director:"), LabelKind::ReportFrom);
        assert_eq!(label_kind("Lead officer contact"), LabelKind::Contacts);
        assert_eq!(label_kind("Contact officer:"), LabelKind::ContactOfficer);
        assert_eq!(label_kind("Summary"), LabelKind::Summary);
        assert_eq!(label_kind("Ward(s) affected"), LabelKind::Wards);
        assert_eq!(label_kind("Background papers"), LabelKind::Background);
        assert_eq!(label_kind("Background"), LabelKind::Other);
        assert_eq!(
            label_kind("LIST OF ACCESSIBLE BACKGROUND DOCUMENTS"),
            LabelKind::Background
        );
        assert_eq!(label_kind("What is this report about?"), LabelKind::Summary);
        assert_eq!(
            label_kind("What are we asking the Board to do?"),
            LabelKind::Recommendations
        );
        assert_eq!(
            label_kind("What is the Cabinet being asked to decide?"),
            LabelKind::Recommendations
        );
        assert_eq!(label_kind("What happens next?"), LabelKind::Other);
        assert_eq!(
            label_kind("Decision(s) proposed"),
            LabelKind::Recommendations
        );
        assert_eq!(agenda_item("Agenda item 7").as_deref(), Some("7"));
        assert_eq!(agenda_item("Item 12").as_deref(), Some("12"));
        assert_eq!(agenda_item("Agenda Item No. 3").as_deref(), Some("3"));
        assert_eq!(agenda_item("Item of business"), None);
    }
}
