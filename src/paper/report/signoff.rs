//! The sign-off block closing a report: "Designation: …", "Date: …", "Signed …", or a name
//! over a post and a date, printed after the last section. It is no part of the last
//! section's last paragraph: its lines are kept as the report's `sign_off`, and a name it
//! prints is the author when nothing else names one.
//!
//! The block is found from the end of the report's rows backwards, before the rows are
//! read, because only the end of the report tells a closing "Date:" from a paragraph's.

use super::classify::{Geometry, Kind};
use super::preamble::trailing_date;
use super::rows::Row;
use super::text::ends_sentence;

/// The labels of a sign-off block (lower case, without the colon).
const SIGN_OFF_LABELS: &[&str] = &[
    "designation",
    "signed",
    "signature",
    "name",
    "position",
    "job title",
    "post",
    "post title",
    "dated",
    "date",
    "date signed",
];

/// A colon and the marks of a line to sign on, trimmed from labels and values.
const SIGNATURE_MARKS: [char; 5] = [':', '.', '_', '…', ' '];

/// The labels of a sign-off block that give the signer's name.
const NAME_LABELS: &[&str] = &["signed", "signature", "name"];

/// The labels of a sign-off block that give the signer's post.
const POST_LABELS: &[&str] = &["designation", "position", "job title", "post", "post title"];

/// What a row can be in a closing sign-off block.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Role {
    /// A sign-off label ("Designation:"), a "Signed" line, a date alone, a signature line.
    Cue,
    /// A label the reader reads wherever it stands ("Author:", "Contact officer:").
    Label,
    /// A short line of a few words ending no sentence (a name, a post).
    Plain,
    /// Anything else: the block starts after it.
    Not,
}

/// The first row of the sign-off block closing `rows`, or `rows.len()` when none closes
/// them: the rows after the last row that is no part of one, on the last row's page, at
/// most `max_rows` of them, holding a sign-off label, a "Signed" line or a date alone. A
/// block opening with a plain line (a name over its post) needs a paragraph gap
/// (`gap` points between baselines) above it.
pub(super) fn closing_block(
    rows: &[Row],
    kinds: &[Kind],
    geo: &Geometry,
    gap: f64,
    max_rows: usize,
) -> usize {
    let Some(last_page) = rows.last().map(|r| r.page) else {
        return rows.len();
    };
    // The roles of the rows from the end back to the first that can be no part of a block
    // (only these are asked: a role reads the row's text for dates and names).
    let mut roles: Vec<Role> = Vec::new();
    let mut start = rows.len();
    while start > 0 {
        let i = start - 1;
        let role = match (rows.get(i), kinds.get(i)) {
            (Some(r), Some(k)) if r.page == last_page => role(r, k, geo),
            _ => Role::Not,
        };
        if role == Role::Not {
            break;
        }
        roles.push(role);
        start = i;
    }
    roles.reverse();
    let first = start;
    let roles = roles.as_slice();
    let role_at = |i: usize| i.checked_sub(first).and_then(|k| roles.get(k));
    // A plain line opens the block only after a gap (else it ends the paragraph above).
    while start < rows.len() && role_at(start) == Some(&Role::Plain) {
        let above = start.checked_sub(1).and_then(|i| rows.get(i));
        let spaced = match (above, rows.get(start)) {
            (Some(a), Some(r)) => a.page != r.page || r.baseline - a.baseline > gap,
            _ => false,
        };
        if spaced {
            break;
        }
        start += 1;
    }
    let block = roles.get(start.saturating_sub(first)..).unwrap_or_default();
    if block.len() > max_rows || !block.contains(&Role::Cue) {
        return rows.len();
    }
    start
}

/// The role of a row in a sign-off block.
fn role(row: &Row, kind: &Kind, geo: &Geometry) -> Role {
    let text = row.text();
    match kind {
        Kind::Label(k, _) if k.is_sign_off_reader() => Role::Label,
        Kind::Label(_, from) => {
            if SIGN_OFF_LABELS.contains(&label_words(&row.range_text(0..*from)).as_str()) {
                Role::Cue
            } else {
                Role::Not
            }
        }
        Kind::Field(_) if SIGN_OFF_LABELS.contains(&label_words(&text).as_str()) => Role::Cue,
        Kind::Text | Kind::Heading => {
            let first = row
                .words
                .first()
                .map(|w| label_words(&w.text))
                .unwrap_or_default();
            let date_alone = trailing_date(&text).is_some_and(|(d, before)| {
                d.is_some() && before.trim().trim_end_matches(',').is_empty()
            });
            let rule = !text.is_empty() && text.chars().all(|c| matches!(c, '.' | '_' | '…' | ' '));
            if first == "signed" || first == "signature" || date_alone || rule {
                Role::Cue
            } else if geo.is_short(row)
                && row.words.len() <= 8
                && !ends_sentence(&text)
                && !text.ends_with([',', ';'])
            {
                Role::Plain
            } else {
                Role::Not
            }
        }
        _ => Role::Not,
    }
}

/// A label's words in lower case without the colon or a signature line ("Signed:……" →
/// "signed").
fn label_words(label: &str) -> String {
    label
        .trim_end_matches(SIGNATURE_MARKS)
        .trim()
        .to_lowercase()
}

/// The sign-off block as read: its lines, and the signer's name and post when it prints them.
#[derive(Debug, Default)]
pub(super) struct SignOff {
    /// Its lines as printed.
    pub lines: Vec<String>,
    name: Option<String>,
    post: Option<String>,
    /// Plain lines read so far (a name, then a post).
    plain: usize,
}

impl SignOff {
    /// Read one row of the block (not a label the reader reads itself).
    pub fn row(&mut self, row: &Row, kind: &Kind) {
        let text = row.text();
        if text.trim().is_empty() {
            return;
        }
        match kind {
            Kind::Label(_, from) => {
                let label = label_words(&row.range_text(0..*from));
                let value = row.text_from(*from);
                let value = value.trim_matches(SIGNATURE_MARKS);
                if !value.is_empty() {
                    if NAME_LABELS.contains(&label.as_str()) {
                        self.name.get_or_insert_with(|| value.to_string());
                    } else if POST_LABELS.contains(&label.as_str()) {
                        self.post.get_or_insert_with(|| value.to_string());
                    }
                }
            }
            Kind::Text | Kind::Heading if trailing_date(&text).is_none() => {
                let signed = text
                    .strip_prefix("Signed")
                    .map(|rest| rest.trim_matches(SIGNATURE_MARKS));
                match signed {
                    Some(name) if !name.is_empty() && !name.starts_with(char::is_lowercase) => {
                        self.name.get_or_insert_with(|| name.to_string());
                    }
                    Some(_) => {}
                    None => {
                        match self.plain {
                            0 => {
                                self.name.get_or_insert_with(|| text.clone());
                            }
                            1 => {
                                self.post.get_or_insert_with(|| text.clone());
                            }
                            _ => {}
                        }
                        self.plain += 1;
                    }
                }
            }
            _ => {}
        }
        self.lines.push(text);
    }

    /// The author the block gives: "Name, Post" (or the name alone) when it names someone.
    pub fn author(&self) -> Option<String> {
        let name = self.name.as_ref()?;
        Some(match &self.post {
            Some(post) => format!("{name}, {post}"),
            None => name.clone(),
        })
    }
}
