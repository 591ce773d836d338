//! A group row's text read as FORMAT.md says: the printed label ("Priority 1", "Theme B",
//! "Objective 2.3", "1."), the number in it (the last part of an outline, a letter's place),
//! and the title after the label and its separator. The label word and numbering depth make
//! the row's form, which gives its level.

use regex::Regex;
use std::sync::OnceLock;

use super::text::collapse;
use crate::table::Cell;

/// A group row's text, read.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupText {
    /// The label as printed without its separator ("Priority 1", "Audit"), if any.
    pub label: Option<String>,
    /// The number in the label.
    pub number: Option<u32>,
    /// The text after the label.
    pub title: String,
    /// Its form: what rows of one level share.
    pub form: Form,
}

/// What group rows of one level share: the label word (lower case) and the depth of their
/// numbering (1 for "2", 2 for "2.3"); unlabelled rows are told apart by bold and fill.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Form {
    /// The label word, lower case ("" when none).
    pub word: String,
    /// Parts of the number (0 when none).
    pub depth: u8,
    /// Unlabelled rows only: printed bold.
    pub bold: bool,
    /// Unlabelled rows only: filled.
    pub filled: bool,
}

/// Compile the group label patterns now (see [`crate::paper::warm_up`]).
pub(super) fn warm_up() {
    let _ = (numbered_re(), labelled_re());
}

fn numbered_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?s)^(?P<word>[A-Z][A-Za-z'’&/-]*(?:\s+[A-Za-z][A-Za-z'’&/-]*){0,4}\s+)?(?P<num>[0-9]{1,3}(?:\.[0-9]{1,3})*|(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b|[A-Z]|[IVX]{1,4})(?P<sep>\.?\s*[:.)–—-]\s*|\s+|$)(?P<rest>.*)$",
        )
        .unwrap_or_else(|_| unreachable!("constant pattern"))
    })
}

fn labelled_re() -> &'static regex_lite::Regex {
    static RE: OnceLock<regex_lite::Regex> = OnceLock::new();
    RE.get_or_init(|| {
        crate::pattern::compile(r"(?s)^(?P<word>[A-Z][A-Za-z'’&/-]*(?:\s+[A-Za-z][A-Za-z'’&/-]*){0,2})\s*:\s*(?P<rest>\S.*)$")
    })
}

fn roman(s: &str) -> Option<u32> {
    let v = |c| match c {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        _ => None,
    };
    let digits: Vec<u32> = s.chars().map(v).collect::<Option<_>>()?;
    let mut total = 0;
    for (i, d) in digits.iter().enumerate() {
        match digits.get(i + 1) {
            Some(n) if n > d => total -= *d as i64,
            _ => total += *d as i64,
        }
    }
    u32::try_from(total).ok()
}

/// A number written as a word ("PRIORITY ONE", "Theme Three").
fn number_word(s: &str) -> Option<u32> {
    const WORDS: [&str; 12] = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve",
    ];
    let lower = s.to_ascii_lowercase();
    let i = WORDS.iter().position(|w| *w == lower)?;
    u32::try_from(i + 1).ok()
}

/// A label read: the label, its form word, number, numbering depth, and the rest.
type Labelled = (Option<String>, String, Option<u32>, u8, String);

/// A label printed in two languages ("Amcan 1 / Objective 1: …"): the text from the second
/// label on, when both labels carry the same number; else the text as it is.
fn one_language(text: &str) -> &str {
    // Two labels are parted by a slash: without one, no pattern is compiled.
    if !text.contains('/') {
        return text;
    }
    const PATTERN: &str = r"^\p{Lu}[\p{L}'’-]*\s+(?P<n>[0-9]{1,3}|[A-Z])\s*/\s*(?P<second>\p{Lu}[\p{L}'’-]*\s+(?P<m>[0-9]{1,3}|[A-Z])\b)";
    // On ASCII text the Unicode classes match what their ASCII parts match, and white space
    // and word boundaries are ASCII's: the pattern with ASCII classes, compiled by regex-lite
    // in a small part of the time (the Unicode letter classes cost more to compile than
    // reading a page), reads the same.
    let parts = if text.is_ascii() {
        static ASCII: OnceLock<regex_lite::Regex> = OnceLock::new();
        let re = ASCII.get_or_init(|| {
            regex_lite::Regex::new(
                &PATTERN
                    .replace(r"\p{Lu}", "[A-Z]")
                    .replace(r"\p{L}", "A-Za-z"),
            )
            .unwrap_or_else(|_| unreachable!("constant pattern"))
        });
        re.captures(text).map(|c| {
            let s = |k: &str| c.name(k).map(|m| (m.start(), m.as_str()));
            (s("n"), s("m"), s("second"))
        })
    } else {
        static FULL: OnceLock<Regex> = OnceLock::new();
        let re = FULL.get_or_init(|| {
            Regex::new(PATTERN).unwrap_or_else(|_| unreachable!("constant pattern"))
        });
        re.captures(text).map(|c| {
            let s = |k: &str| c.name(k).map(|m| (m.start(), m.as_str()));
            (s("n"), s("m"), s("second"))
        })
    };
    match parts {
        Some((n, m, Some((start, _)))) if n.map(|x| x.1) == m.map(|x| x.1) => {
            text.get(start..).unwrap_or(text)
        }
        _ => text,
    }
}

/// Read a label, number and title from one line of text; `None` when it prints no label.
fn labelled(text: &str) -> Option<Labelled> {
    let text = one_language(text);
    if let Some(c) = numbered_re().captures(text) {
        let word = c.name("word").map(|m| m.as_str().trim().to_string());
        let num = c.name("num").map_or("", |m| m.as_str());
        let sep = c.name("sep").map_or("", |m| m.as_str());
        let rest = c.name("rest").map_or("", |m| m.as_str()).trim();
        let is_digits = num.starts_with(|ch: char| ch.is_ascii_digit());
        let separated = sep.trim().is_empty() && !sep.is_empty();
        let rest_ok = rest.is_empty()
            || rest.starts_with(|ch: char| {
                ch.is_uppercase() || ch.is_ascii_digit() || ch == '"' || ch == '‘' || ch == '“'
            });
        // A label of four or five words ("Area for Priority Action 1:") needs a colon after
        // its number ("… Plan Version 1.2 – October 2018" is a caption).
        let long = word
            .as_ref()
            .is_some_and(|w| w.split_whitespace().count() > 3);
        let ok = match &word {
            _ if long && !sep.contains(':') => false,
            // "Priority 1: …", "Theme B – …", "Objective 1 People …": the text after a plain
            // space must start a sentence ("Over 300 homes" is no label).
            Some(_) => rest_ok && (!separated || rest.is_empty() || is_digits || num.len() == 1),
            // A bare number needs a separator ("1. …", "2) …"); letters and numerals need a word.
            None => is_digits && !separated && !sep.is_empty() && rest_ok,
        };
        if ok {
            let (number, depth) = if let Some(n) = number_word(num) {
                (Some(n), 1)
            } else if is_digits {
                let parts: Vec<&str> = num.split('.').collect();
                (
                    parts.last().and_then(|p| p.parse().ok()),
                    u8::try_from(parts.len()).unwrap_or(u8::MAX),
                )
            } else if num.len() == 1
                && num.chars().all(|ch| ch.is_ascii_uppercase())
                && !"IVX".contains(num)
            {
                (num.bytes().next().map(|b| u32::from(b - b'A') + 1), 1)
            } else {
                (
                    roman(num).or_else(|| num.bytes().next().map(|b| u32::from(b - b'A') + 1)),
                    1,
                )
            };
            let label = match &word {
                Some(w) => format!("{w} {num}"),
                None => num.to_string(),
            };
            let form_word = word.as_deref().map(str::to_lowercase).unwrap_or_default();
            return Some((Some(label), form_word, number, depth, rest.to_string()));
        }
    }
    let c = labelled_re().captures(text)?;
    let word = c.name("word")?.as_str().trim().to_string();
    let rest = c.name("rest")?.as_str().trim().to_string();
    Some((Some(word.clone()), word.to_lowercase(), None, 0, rest))
}

/// A group cell opening with an outline number and a space before a capital ("1.2 Empty
/// shops are …", "01 Transport" with a leading zero): the number's last part and the text after it. Read in a group cell only,
/// where a number leading the text is the group's (elsewhere a bare number needs a separator).
fn outlined(text: &str) -> Option<Labelled> {
    let (num, rest) = text.trim().split_once(' ')?;
    let parts: Vec<&str> = num.split('.').collect();
    let digits = |p: &&str| (1..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit());
    let rest = rest.trim();
    // One part needs a leading zero: "01 Buildings and Energy" on a banner is numbered, "12
    // Empty shops" a figure.
    let whole_number = parts.len() >= 2 || (num.len() == 2 && num.starts_with('0'));
    (whole_number && parts.iter().all(digits) && rest.starts_with(char::is_uppercase)).then(|| {
        (
            Some(num.to_string()),
            String::new(),
            parts.last().and_then(|p| p.parse().ok()),
            u8::try_from(parts.len()).unwrap_or(u8::MAX),
            rest.to_string(),
        )
    })
}

/// A group cell opening with a capital letter and a full stop or bracket before a capital
/// ("A. Fares and ticketing", "B) Bus priority"): the letter's place and the text after it.
/// Read in a group cell only, as [`outlined`].
fn lettered(text: &str) -> Option<Labelled> {
    let t = text.trim();
    let mut chars = t.chars();
    let (letter, sep, space) = (chars.next()?, chars.next()?, chars.next()?);
    let rest = chars.as_str().trim();
    (letter.is_ascii_uppercase()
        && matches!(sep, '.' | ')')
        && space == ' '
        && rest.starts_with(char::is_uppercase))
    .then(|| {
        (
            Some(letter.to_string()),
            String::new(),
            Some(u32::from(letter) - u32::from('A') + 1),
            1,
            rest.to_string(),
        )
    })
}

/// A group cell whose first line is a number alone ("1" in the reference cell of a group row,
/// its title in the next): the number, and the lines after it as the title.
fn number_line(lines: &[&str]) -> Option<Labelled> {
    let (first, rest) = lines.split_first()?;
    let parts: Vec<&str> = first.trim_end_matches('.').split('.').collect();
    let digits = |p: &&str| (1..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit());
    let title = collapse(&rest.join(" "));
    (parts.iter().all(digits) && title.starts_with(char::is_uppercase)).then(|| {
        (
            Some(first.trim_end_matches('.').to_string()),
            String::new(),
            parts.last().and_then(|p| p.parse().ok()),
            u8::try_from(parts.len()).unwrap_or(u8::MAX),
            title,
        )
    })
}

/// Whether a text opens with a group label ("Priority 1:", "Theme B –", "Audit:").
pub fn is_labelled(text: &str) -> bool {
    labelled(text).is_some()
}

/// Words labelling a part of the paper rather than a group of the plan ("Appendix B:",
/// "Table 2:").
const PAPER_PARTS: &[&str] = &[
    "appendix",
    "annex",
    "annexe",
    "schedule",
    "attachment",
    "enclosure",
    "table",
    "figure",
    "part",
    "chapter",
    "page",
    "paragraph",
    "item",
    "version",
];

/// A heading printed over a table read as a group of the plan: a numbered label whose word
/// names no part of the paper ("Outcome 2: …", "Priority 3 – …", "Theme B: …").
pub fn heading(text: &str) -> Option<GroupText> {
    let (label, word, number, depth, rest) = labelled(text)?;
    let first = word.split_whitespace().next().unwrap_or_default();
    if word.is_empty() || number.is_none() || PAPER_PARTS.contains(&first) {
        return None;
    }
    // A number that starts a date is a day, not a group's ("Position as at 31 March 2025.
    // Audit Committee"): the line is a dated remark over the table.
    let from_number: Vec<&str> = text
        .split_whitespace()
        .skip(word.split_whitespace().count())
        .take(3)
        .collect();
    if crate::dates::find_date(&from_number).is_some_and(|d| d.start == 0) {
        return None;
    }
    Some(GroupText {
        label,
        number,
        title: collapse(&rest),
        form: Form {
            word,
            depth,
            bold: false,
            filled: false,
        },
    })
}

/// Read a group cell. The label is read from the first line; a label line standing alone
/// ("Objective 1") takes the following lines as its title, and leading bold lines followed by
/// plain ones are a heading printed by the template ("Identified improvement area / desired
/// outcome: What do we intend to achieve?"): the title is the plain text after them.
pub fn read(cell: &Cell) -> GroupText {
    let lines: Vec<&str> = cell
        .paragraphs
        .iter()
        .flat_map(|p| p.lines.iter().map(|l| l.text.trim()))
        .filter(|l| !l.is_empty())
        .collect();
    let all_lines: Vec<_> = cell
        .paragraphs
        .iter()
        .flat_map(|p| p.lines.iter())
        .collect();
    let bold_run = all_lines.iter().take_while(|l| l.bold).count();
    // Leading bold lines followed by plain ones are a heading the template prints; a cell
    // all bold that asks a question is that heading alone (its title follows in the next
    // row).
    let asks = all_lines.iter().any(|l| l.text.contains('?'));
    let heading = (bold_run > 0 && (bold_run < all_lines.len() || asks)).then_some(bold_run);
    let whole = collapse(&cell.text());
    let first = lines.first().copied().unwrap_or("");
    let bold = all_lines.first().is_some_and(|l| l.bold);
    let filled = cell.fill.is_some();
    let joined = |from: usize| {
        let mut s = String::new();
        for l in all_lines.iter().skip(from) {
            crate::table::join_line(&mut s, l.text.trim());
        }
        collapse(&s)
    };
    match labelled(first)
        .or_else(|| labelled(&whole))
        .or_else(|| outlined(&whole))
        .or_else(|| lettered(&whole))
        .or_else(|| number_line(&lines))
    {
        Some((label, word, number, depth, _)) => {
            let title = match heading {
                Some(k) => joined(k),
                None => match labelled(&whole)
                    .or_else(|| outlined(&whole))
                    .or_else(|| lettered(&whole))
                    .or_else(|| number_line(&lines))
                {
                    Some((_, _, _, _, rest)) => collapse(&rest),
                    None => joined(1),
                },
            };
            GroupText {
                label,
                number,
                title,
                form: Form {
                    word,
                    depth,
                    bold: false,
                    filled: false,
                },
            }
        }
        None => GroupText {
            label: None,
            number: None,
            title: whole,
            form: Form {
                word: String::new(),
                depth: 0,
                bold,
                filled,
            },
        },
    }
}

/// Read a group row's text with a profile's pattern (groups `number` and `title_group`).
pub fn by_pattern(re: &Regex, text: &str, title_group: &str, word: &str) -> Option<GroupText> {
    let c = re.captures(text)?;
    let number = c.name("number").and_then(|m| m.as_str().parse().ok());
    let title = c
        .name(title_group)
        .map(|m| collapse(m.as_str()))
        .unwrap_or_default();
    let start = c.name(title_group).map_or(text.len(), |m| m.start());
    let label = text
        .get(..start)
        .map(|s| {
            s.trim()
                .trim_end_matches([':', '-', '–', '—', '.'])
                .trim()
                .to_string()
        })
        .filter(|s| !s.is_empty());
    Some(GroupText {
        label,
        number,
        title,
        form: Form {
            word: word.into(),
            depth: 1,
            bold: false,
            filled: false,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn l(s: &str) -> (Option<String>, Option<u32>, u8, String) {
        let (label, _, n, d, rest) =
            labelled(s).unwrap_or((None, String::new(), None, 0, s.into()));
        (label, n, d, rest)
    }

    #[test]
    fn a_heading_over_a_table_numbers_its_group_but_a_date_is_no_number() {
        let g = heading("Outcome 2: People are safe at home");
        assert_eq!(
            g.map(|g| (g.number, g.title)),
            Some((Some(2), "People are safe at home".into()))
        );
        assert!(heading("Position as at 31 March 2025. Audit and Standards Committee.").is_none());
        assert!(heading("Progress at 30 June 2025").is_none());
    }

    #[test]
    fn letters_numbers_alone_and_labels_in_two_languages() {
        let l = |s: &str| lettered(s).map(|(label, _, n, _, rest)| (label, n, rest));
        assert_eq!(
            l("B. Bus priority"),
            Some((Some("B".into()), Some(2), "Bus priority".into()))
        );
        assert_eq!(l("A. smith and others"), None);
        assert_eq!(l("Also a sentence"), None);
        let n = |v: &[&str]| number_line(v).map(|(label, _, n, d, rest)| (label, n, d, rest));
        assert_eq!(
            n(&["1", "Digital services residents want to use"]),
            Some((
                Some("1".into()),
                Some(1),
                1,
                "Digital services residents want to use".into()
            ))
        );
        assert_eq!(n(&["2025", "Year one"]), None);
        assert_eq!(n(&["1"]), None);
        let g = labelled("Amcan 2 / Objective 2: Gweithlu dwyieithog / A bilingual workforce");
        assert_eq!(
            g.map(|(_, w, n, _, rest)| (w, n, rest)),
            Some((
                "objective".into(),
                Some(2),
                "Gweithlu dwyieithog / A bilingual workforce".into()
            ))
        );
        // Two labels with different numbers are no one label in two languages.
        assert_eq!(
            one_language("Theme 1 / Theme 2: Shared"),
            "Theme 1 / Theme 2: Shared"
        );
    }

    /// ASCII text takes the ASCII pattern, other text the Unicode one; both read a label in
    /// two languages alike, and neither reads labels that are not one.
    #[test]
    fn one_label_in_two_languages_on_ascii_and_other_text() {
        for (text, second) in [
            ("Nod 3 / Goal 3 - Safer streets", "Goal 3 - Safer streets"),
            ("Cam A/Step A: Open the hub", "Step A: Open the hub"),
            (
                "Amcan 2 / Objective 2: Gwella’r tai",
                "Objective 2: Gwella’r tai",
            ),
            ("Blaenoriaeth 4 / Priority 4 – Tai", "Priority 4 – Tai"),
            ("Maes 1 / Área 1: Ysgolion", "Área 1: Ysgolion"),
            ("Goal 1 / 2 targets", "Goal 1 / 2 targets"),
            ("goal 1 / Goal 1: lower case", "goal 1 / Goal 1: lower case"),
            (
                "Área 1 / Area 2: two numbers",
                "Área 1 / Area 2: two numbers",
            ),
        ] {
            assert_eq!(one_language(text), second, "{text:?}");
        }
    }

    #[test]
    fn a_group_cell_opening_with_an_outline_number() {
        let o = |s: &str| outlined(s).map(|(label, _, n, d, rest)| (label, n, d, rest));
        assert_eq!(
            o("1.2 Empty shops are brought back into use."),
            Some((
                Some("1.2".into()),
                Some(2),
                2,
                "Empty shops are brought back into use.".into()
            ))
        );
        // A whole number, a figure or a number before lower case is no group's number.
        assert_eq!(o("12 Empty shops"), None);
        assert_eq!(o("01 Transport").map(|g| g.1), Some(Some(1)));
        assert_eq!(o("2.5 million visitors"), None);
    }

    #[test]
    fn labels_numbers_and_titles() {
        assert_eq!(
            l("Priority 1: Help people stay independent"),
            (
                Some("Priority 1".into()),
                Some(1),
                1,
                "Help people stay independent".into()
            )
        );
        assert_eq!(l("Theme B: A cleaner river front").1, Some(2));
        assert_eq!(l("Objective 2.3 More older people").1, Some(3));
        assert_eq!(l("Objective 2.3 More older people").2, 2);
        assert_eq!(l("1. A thriving local economy").1, Some(1));
        assert_eq!(
            l("1. A thriving local economy").3,
            "A thriving local economy"
        );
        assert_eq!(
            l("Audit: Payroll"),
            (Some("Audit".into()), None, 0, "Payroll".into())
        );
        assert_eq!(l("Strand 1 – Starting well").3, "Starting well");
        assert_eq!(l("Over 300 homes built").0, None);
        assert_eq!(l("2,000 trees planted").0, None);
        assert_eq!(l("A thriving local economy").0, None);
        // A long label needs its separator.
        assert_eq!(
            l("Area for Priority Action 2: Communication with families"),
            (
                Some("Area for Priority Action 2".into()),
                Some(2),
                1,
                "Communication with families".into()
            )
        );
        assert_eq!(l("Deliver the new Youth Hub 2 Programme").0, None);
        assert_eq!(
            l("Northby Borough Delivery Plan Version 1.2 – October 2018").0,
            None
        );
    }

    #[test]
    fn headings_over_tables() {
        let g = heading("Goal 2: Communities are ready for flooding");
        assert_eq!(
            g.map(|g| (g.label, g.number, g.title)),
            Some((
                Some("Goal 2".to_string()),
                Some(2),
                "Communities are ready for flooding".to_string()
            ))
        );
        // Parts of the paper, unnumbered labels and bare numbers are no group.
        assert!(heading("Appendix 2: Delivery plan").is_none());
        assert!(heading("Table 3 – Actions agreed").is_none());
        assert!(heading("Internal Audit: Follow-up of Recommendations").is_none());
        assert!(heading("2. The plan below sets out our actions").is_none());
    }
}
