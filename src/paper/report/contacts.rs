//! Contacts: the people named in the contact block, one line or several per person ("Name,
//! Role", a role on its own line, "Tel: …", "Email: …"), or one row of a contacts table
//! (name, job title, telephone, e-mail in columns).

use super::model::Contact;

/// Whether `text` reads as a telephone number: mostly digits ("01632 960 418", "+44 …").
fn is_phone(text: &str) -> bool {
    let digits = text.chars().filter(char::is_ascii_digit).count();
    let others = text
        .chars()
        .filter(|c| !c.is_ascii_digit() && !matches!(c, ' ' | '+' | '(' | ')' | '-' | '.'))
        .count();
    digits >= 6 && others <= 2
}

/// `text` after a "Tel:" / "Telephone:" / "Phone:" / "Mobile:" / "T:" label, if it has one.
fn phone_value(text: &str) -> Option<String> {
    let lower = text.to_lowercase();
    for label in [
        "telephone",
        "tel",
        "phone",
        "mobile",
        "direct line",
        "t",
        "m",
    ] {
        if let Some(rest) = lower.strip_prefix(label) {
            let rest = rest.trim_start_matches(['.', ':', ' ', '-']);
            let cut = text.len() - rest.len();
            let value = text.get(cut..).unwrap_or_default().trim();
            if is_phone(value) {
                return Some(value.trim_end_matches(['.', ',', ';']).to_string());
            }
        }
    }
    is_phone(text).then(|| text.trim().trim_end_matches(['.', ',', ';']).to_string())
}

/// The e-mail address in `text`, without an "Email:" label or closing punctuation.
fn email_in(text: &str) -> Option<String> {
    let word = text.split_whitespace().find(|w| w.contains('@'))?;
    let word = word.rsplit(':').next().unwrap_or(word);
    Some(
        word.trim_start_matches(|c: char| !c.is_alphanumeric())
            .trim_end_matches(|c: char| !c.is_alphanumeric())
            .to_string(),
    )
}

/// The telephone number on a line that also holds an e-mail address ("Tel: 01632 960 775
/// Email: a.b@c.gov.uk", "a.b@c.gov.uk | T: 01632 960 775"): the text before the address
/// (without the address's own label), else the text after it, read as a telephone value.
fn phone_beside_email(text: &str) -> Option<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let at = words.iter().position(|w| w.contains('@'))?;
    let piece = |range: &[&str]| -> Option<String> {
        let mut kept: Vec<&str> = range
            .iter()
            .copied()
            .filter(|w| {
                !w.chars()
                    .all(|c| matches!(c, '|' | '/' | '-' | '–' | ',' | ';'))
            })
            .collect();
        // The address's label ("Email:", "E-mail", "E:") closing the part before it.
        while kept.last().is_some_and(|w| {
            let l = w.trim_end_matches(':').to_lowercase();
            matches!(
                l.as_str(),
                "email" | "e-mail" | "e" | "mail" | "email address"
            )
        }) {
            kept.pop();
        }
        phone_value(&kept.join(" "))
    };
    piece(words.get(..at).unwrap_or_default())
        .or_else(|| piece(words.get(at + 1..).unwrap_or_default()))
}

/// The person a lead-in sentence names ("For further information please contact Jo Brant"):
/// the run of capitalised words closing it (at most five), when the part is longer than a
/// name.
fn name_after_lead_in(part: &str) -> Option<String> {
    let words: Vec<&str> = part.split_whitespace().collect();
    if words.len() <= 5 {
        return None;
    }
    let name: Vec<&str> = words
        .iter()
        .rev()
        .take_while(|w| w.chars().next().is_some_and(char::is_uppercase))
        .take(5)
        .copied()
        .collect();
    // The word before the name is the sentence's ("contact"), not a title of the name's.
    let before = words.len().checked_sub(name.len() + 1)?;
    let lead_in = words
        .get(before)
        .is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase));
    (name.len() >= 2 && lead_in).then(|| name.into_iter().rev().collect::<Vec<_>>().join(" "))
}

/// One person from the comma-separated parts of a line: the first is the name, parts with an
/// "@" the e-mail, mostly digits the telephone, the rest the role.
fn person(text: &str) -> Contact {
    // "Name (Role, with commas)": the brackets hold the whole role.
    if let Some((n, r)) = text.trim().split_once(" (") {
        if let Some(r) = r.strip_suffix(')') {
            if !n.contains([',', '@']) && !r.contains(['(', '@']) {
                return Contact {
                    name: n.trim().to_string(),
                    role: Some(r.trim().to_string()),
                    email: None,
                    phone: None,
                };
            }
        }
    }
    let mut name = String::new();
    let mut role: Vec<String> = Vec::new();
    let (mut email, mut phone) = (None, None);
    for (i, part) in text.split(',').map(str::trim).enumerate() {
        if part.is_empty() {
            continue;
        }
        if part.contains('@') {
            email = email_in(part);
        } else if let Some(p) = phone_value(part) {
            phone = Some(p);
        } else if i == 0 {
            name = name_after_lead_in(part).unwrap_or_else(|| part.to_string());
        } else if phone.is_none() && email.is_none() {
            role.push(part.to_string());
        }
    }
    // "Name (Role)".
    if role.is_empty() {
        if let Some((n, r)) = name.clone().split_once(" (") {
            if let Some(r) = r.strip_suffix(')') {
                name = n.trim().to_string();
                role.push(r.to_string());
            }
        }
    }
    Contact {
        name,
        role: (!role.is_empty()).then(|| role.join(", ")),
        email,
        phone,
    }
}

/// Separators printed between a person's details on one line instead of commas ("Ann
/// Ryle, Audit Manager – 01632 960 000 – ann.ryle@…", "Name | Role | T: … | E: …"): spaced
/// dashes, bars and slashes.
const SEPARATORS: &[&str] = &[" \u{2013} ", " \u{2014} ", " | ", " / ", " - "];

/// A line of details with its separators (see [`SEPARATORS`]) read as commas, when it holds
/// an e-mail address or a telephone number (elsewhere a dash is the text's own).
fn commas_for_separators(text: &str) -> String {
    let commas = SEPARATORS
        .iter()
        .fold(text.to_string(), |t, sep| t.replace(sep, ", "));
    let details = text.contains('@')
        || commas
            .split(',')
            .any(|part| phone_value(part.trim()).is_some());
    if details {
        commas
    } else {
        text.to_string()
    }
}

/// One row of the contacts block: a person (with role, telephone and e-mail after commas,
/// dashes or bars), a role on its own line, a telephone line or an e-mail address.
pub(super) fn contact_line(contacts: &mut Vec<Contact>, text: &str) {
    let text = commas_for_separators(text.trim());
    let text = text.as_str();
    if text.is_empty() {
        return;
    }
    let has_comma = text.contains(',');
    if !has_comma {
        if text.contains('@') {
            // "Tel: 01632 960 775 Email: …": both labelled values on one line.
            let phone = phone_beside_email(text);
            if let Some(c) = contacts.last_mut() {
                if c.email.is_none() {
                    c.email = email_in(text);
                }
                if c.phone.is_none() {
                    c.phone = phone;
                }
            }
            return;
        }
        if let Some(phone) = phone_value(text) {
            if let Some(c) = contacts.last_mut().filter(|c| c.phone.is_none()) {
                c.phone = Some(phone);
            }
            return;
        }
        let lower = text.to_lowercase();
        if lower.starts_with("tel") || lower.starts_with("phone") || lower.starts_with("email") {
            return;
        }
        if let Some(c) = contacts
            .last_mut()
            .filter(|c| c.role.is_none() && c.email.is_none() && c.phone.is_none())
        {
            c.role = Some(text.to_string());
            return;
        }
    }
    let p = person(text);
    if p.name.is_empty() {
        // Only a telephone number and an address: they belong to the person before.
        if let Some(c) = contacts.last_mut() {
            c.email = c.email.take().or(p.email);
            c.phone = c.phone.take().or(p.phone);
        }
        return;
    }
    contacts.push(p);
}

/// The person a "Contact officer" value names, with the details printed with it: the value's
/// rows ("Name, Role" over "Tel: …" and "Email: …" in one table cell), or one sentence
/// wrapped over them ("For further information … please contact Name, Role, telephone …,
/// email …"). `None` unless a telephone number or an e-mail address is printed: a name
/// alone is the author, not a contact.
pub(super) fn officer(lines: &[String]) -> Option<Contact> {
    let first = lines.first()?;
    let first_part = first.split(',').next().unwrap_or_default();
    let sentence =
        first_part.split_whitespace().count() > 5 || name_after_lead_in(first_part).is_some();
    let mut found = Vec::new();
    if sentence {
        let mut joined = String::new();
        for l in lines {
            crate::table::join_line(&mut joined, l);
        }
        contact_line(&mut found, &joined);
    } else {
        for l in lines {
            contact_line(&mut found, l);
        }
    }
    found
        .into_iter()
        .next()
        .filter(|c| !c.name.is_empty() && (c.email.is_some() || c.phone.is_some()))
}

/// Add `person` to `contacts`: into the entry with the same name (its empty fields filled),
/// else at `at` (where it was printed among them). Returns whether it was inserted.
pub(super) fn merge_at(contacts: &mut Vec<Contact>, at: usize, person: Contact) -> bool {
    match contacts.iter_mut().find(|c| c.name == person.name) {
        Some(c) => {
            c.role = c.role.take().or(person.role);
            c.email = c.email.take().or(person.email);
            c.phone = c.phone.take().or(person.phone);
            false
        }
        None => {
            contacts.insert(at.min(contacts.len()), person);
            true
        }
    }
}

/// What a column of a contacts table holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Column {
    Name,
    Role,
    Phone,
    Email,
}

/// A cell's text and the telephone number closing it ("Senior Planning Officer 01632 961
/// 304"), if any.
fn split_phone(text: &str) -> (String, Option<String>) {
    let words: Vec<&str> = text.split_whitespace().collect();
    let digits = words
        .iter()
        .rev()
        .take_while(|w| {
            w.chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '+' | '(' | ')' | '-'))
        })
        .count();
    let cut = words.len() - digits;
    let phone = words.get(cut..).unwrap_or_default().join(" ");
    if is_phone(&phone) {
        (words.get(..cut).unwrap_or_default().join(" "), Some(phone))
    } else {
        (text.to_string(), None)
    }
}

/// One row of a contacts table, as `(left edge, text)` per cell: the person it names, with
/// each cell's column. A cell with an "@" is the e-mail, mostly digits the telephone, the
/// first the name and any other the role.
pub(super) fn table_row(cells: &[(f64, String)]) -> Option<(Contact, Vec<(f64, Column)>)> {
    let mut c = Contact {
        name: String::new(),
        role: None,
        email: None,
        phone: None,
    };
    let mut columns = Vec::new();
    for (i, (x, text)) in cells.iter().enumerate() {
        let column = if text.contains('@') {
            // A role and a telephone number run into the address's cell.
            let rest: Vec<&str> = text
                .split_whitespace()
                .filter(|w| !w.contains('@'))
                .collect();
            let (role, phone) = split_phone(&rest.join(" "));
            if phone.is_some() {
                c.phone = phone;
            }
            if i > 0 && !role.is_empty() && phone_value(&role).is_none() {
                c.role = Some(role);
            }
            c.email = email_in(text);
            Column::Email
        } else if let Some(p) = phone_value(text) {
            c.phone = Some(p);
            Column::Phone
        } else if i == 0 {
            c.name = text.clone();
            Column::Name
        } else {
            // A telephone number run into the role's cell.
            let (role, phone) = split_phone(text);
            if phone.is_some() {
                c.phone = phone;
            }
            c.role = Some(role);
            Column::Role
        };
        columns.push((*x, column));
    }
    (!c.name.is_empty() && (c.email.is_some() || c.phone.is_some())).then_some((c, columns))
}

/// A wrapped line of a contacts table: each cell joins the field of the column nearest its
/// left edge.
pub(super) fn table_continuation(
    c: &mut Contact,
    columns: &[(f64, Column)],
    cells: &[(f64, String)],
) {
    for (x, text) in cells {
        let Some(&(_, column)) = columns
            .iter()
            .min_by(|a, b| (a.0 - x).abs().total_cmp(&(b.0 - x).abs()))
        else {
            continue;
        };
        let join = |field: &mut Option<String>| match field {
            Some(s) => crate::table::join_line(s, text),
            None => *field = Some(text.clone()),
        };
        match column {
            Column::Name => crate::table::join_line(&mut c.name, text),
            Column::Role => join(&mut c.role),
            Column::Phone => join(&mut c.phone),
            Column::Email => {
                if let Some(e) = c.email.as_mut() {
                    e.push_str(text);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(name: &str, role: Option<&str>, email: Option<&str>, phone: Option<&str>) -> Contact {
        Contact {
            name: name.into(),
            role: role.map(Into::into),
            email: email.map(Into::into),
            phone: phone.map(Into::into),
        }
    }

    #[test]
    fn contact_blocks() {
        let mut got = Vec::new();
        for line in [
            "John Drew C.B.E., Independent Chair, MSCB",
            "john.drew@medway.gov.uk",
            "Simon Plummer",
            "MSCB Business Manager",
            "Tel: 01634 123456",
            "Email: simon.plummer@medway.gov.uk.",
            "Sophie Lane, Repairs Performance Officer, 01632 960 255, sophie.lane@westfield.gov.uk",
            "Anil Bose, Parks Development Lead",
            "Tel: 01632 960 301 Email: anil.bose@stowe.gov.uk",
            "For more about this report please contact Mina Kerr, Lettings Manager, telephone \
             01632 960 412, email mina.kerr@stowe.gov.uk",
            "Ann Ryle, Audit Manager \u{2013} 01632 960 000 \u{2013} ann.ryle@stowe.gov.uk",
            "Owen Pike | Parking Manager | Tel 01632 960 111 | E: owen.pike@stowe.gov.uk",
            "Rosa Vint / Housing Lead / T: 01632 960 222 / rosa.vint@stowe.gov.uk",
        ] {
            contact_line(&mut got, line);
        }
        assert_eq!(
            got,
            vec![
                c(
                    "John Drew C.B.E.",
                    Some("Independent Chair, MSCB"),
                    Some("john.drew@medway.gov.uk"),
                    None
                ),
                c(
                    "Simon Plummer",
                    Some("MSCB Business Manager"),
                    Some("simon.plummer@medway.gov.uk"),
                    Some("01634 123456")
                ),
                c(
                    "Sophie Lane",
                    Some("Repairs Performance Officer"),
                    Some("sophie.lane@westfield.gov.uk"),
                    Some("01632 960 255")
                ),
                c(
                    "Anil Bose",
                    Some("Parks Development Lead"),
                    Some("anil.bose@stowe.gov.uk"),
                    Some("01632 960 301")
                ),
                c(
                    "Mina Kerr",
                    Some("Lettings Manager"),
                    Some("mina.kerr@stowe.gov.uk"),
                    Some("01632 960 412")
                ),
                c(
                    "Ann Ryle",
                    Some("Audit Manager"),
                    Some("ann.ryle@stowe.gov.uk"),
                    Some("01632 960 000")
                ),
                c(
                    "Owen Pike",
                    Some("Parking Manager"),
                    Some("owen.pike@stowe.gov.uk"),
                    Some("01632 960 111")
                ),
                c(
                    "Rosa Vint",
                    Some("Housing Lead"),
                    Some("rosa.vint@stowe.gov.uk"),
                    Some("01632 960 222")
                ),
            ]
        );
    }
}
