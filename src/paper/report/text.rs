//! Text helpers of the report reader: capitals, title case, the council's own name, and the
//! punctuation that separates the parts of a meeting line.

/// Words that stay lower case inside a title ("Health and Wellbeing Board").
const SMALL_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "nor", "of", "on",
    "or", "per", "the", "to", "via", "with",
];

/// A title printed in capitals, in title case: small words lower case except the first,
/// other words capitalised; words without vowels are taken for acronyms and kept ("NHS",
/// "(MSCB)").
pub fn title_case(text: &str) -> String {
    let mut out = Vec::new();
    for (i, word) in text.split_whitespace().enumerate() {
        let lower = word.to_lowercase();
        let letters: String = lower.chars().filter(|c| c.is_alphabetic()).collect();
        let acronym = !letters.is_empty() && !letters.chars().any(|c| "aeiouy".contains(c));
        if acronym {
            out.push(word.to_string());
        } else if i > 0 && SMALL_WORDS.contains(&lower.as_str()) {
            out.push(lower);
        } else {
            out.push(capitalise_parts(&lower));
        }
    }
    out.join(" ")
}

/// Upper-case the first letter of each hyphen-separated part ("co-ordination" →
/// "Co-Ordination").
fn capitalise_parts(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut at_start = true;
    for c in word.chars() {
        if at_start && c.is_alphabetic() {
            out.extend(c.to_uppercase());
            at_start = false;
        } else {
            out.push(c);
        }
        if c == '-' {
            at_start = true;
        }
    }
    out
}

/// Whether `text` has letters and none of them is lower case.
pub(super) fn is_upper(text: &str) -> bool {
    text.chars().any(char::is_alphabetic) && !text.chars().any(char::is_lowercase)
}

/// Words that name a kind of council just before "Council" ("Northmere Borough Council").
const COUNCIL_KINDS: &[&str] = &[
    "borough",
    "city",
    "county",
    "district",
    "town",
    "parish",
    "metropolitan",
    "unitary",
];

/// Whether `text` is a council's own name rather than a meeting of it: "Northmere Borough
/// Council", "Kent County Council", "Royal Borough of Kingsbridge", "London Borough of Brent",
/// "City of York Council". "County Council" and "Full Council" alone are meetings: a council's
/// name has a proper name before its kind.
pub(super) fn is_council_name(text: &str) -> bool {
    let words: Vec<String> = text
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect();
    let n = words.len();
    if !(2..=8).contains(&n) {
        return false;
    }
    let word = |i: usize| words.get(i).map_or("", String::as_str);
    // "… Borough Council", with a name before the kind.
    if word(n - 1) == "council" && n >= 3 && COUNCIL_KINDS.contains(&word(n - 2)) {
        return true;
    }
    // "City of York Council", "Borough of X", "Royal Borough of X", "London Borough of X".
    if let Some(of) = words.iter().position(|w| w == "of") {
        let before = words.get(..of).unwrap_or_default();
        if of + 1 < n
            && before
                .last()
                .is_some_and(|w| COUNCIL_KINDS.contains(&w.as_str()) || w == "council")
        {
            return true;
        }
    }
    // "Medway Council", "Westminster City Council": a proper name and "Council", in capitals
    // or title case, where the name is not a kind of meeting.
    n == 2 && word(1) == "council" && !MEETING_WORDS.contains(&word(0))
}

/// First words of a two-word "X Council" that name a meeting, not a council.
const MEETING_WORDS: &[&str] = &[
    "full",
    "county",
    "city",
    "borough",
    "district",
    "town",
    "parish",
    "the",
    "youth",
    "executive",
];

/// Words one of which a meeting's name holds ("Audit and Risk Committee", "CABINET", "Health
/// Scrutiny Panel", "County Council").
const MEETING_NOUNS: &[&str] = &[
    "committee",
    "sub-committee",
    "council",
    "cabinet",
    "board",
    "panel",
    "forum",
    "executive",
    "meeting",
    "assembly",
    "group",
    "partnership",
    "authority",
    "commission",
    "scrutiny",
    "governors",
    "trust",
    "conference",
];

/// Whether a meeting line names a meeting: one of its words is a meeting's.
pub(super) fn names_meeting(body: &str) -> bool {
    body.split(|c: char| !c.is_alphanumeric() && c != '-')
        .any(|w| MEETING_NOUNS.contains(&w.to_lowercase().as_str()))
}

/// A title block that is only a meeting's name ("Cabinet", "Audit and Governance
/// Committee"): a few words naming a meeting, opening with no council's name.
pub(super) fn meeting_line(text: &str) -> Option<&str> {
    let t = text.trim();
    let words: Vec<&str> = t.split_whitespace().collect();
    let council =
        (2..=words.len()).any(|n| is_council_name(&words.get(..n).unwrap_or_default().join(" ")));
    (!words.is_empty() && words.len() <= 6 && names_meeting(t) && !council && !ends_sentence(t))
        .then_some(t)
}

/// Why a title block's text is no title, or `None` when it may be one: only a time ("at
/// 10.00 am", what is left of an agenda's "Meeting on Thursday … at 10.00 am" banner) or an
/// address ending in a postcode (the sender's block heading a letter: "… 2 Marsham Street
/// London SW1P 4DF").
pub(super) fn no_title_reason(text: &str) -> Option<&'static str> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let time_word = |w: &&str| {
        let l = w.to_lowercase();
        let l = l.trim_end_matches([',', '.']);
        matches!(l, "at" | "am" | "pm" | "a.m" | "p.m" | "noon")
            || (l.starts_with(|c: char| c.is_ascii_digit())
                && l.trim_end_matches("am")
                    .trim_end_matches("pm")
                    .chars()
                    .all(|c| c.is_ascii_digit() || c == '.' || c == ':'))
    };
    let timed = !words.is_empty() && words.iter().all(time_word);
    let postcode = match words.as_slice() {
        [.., outward, inward] => is_outward_code(outward) && is_inward_code(inward),
        _ => false,
    };
    if timed {
        Some("only a time")
    } else if postcode {
        Some("an address ending in a postcode")
    } else {
        None
    }
}

/// A postcode's first half: one or two capitals, a figure, then a figure or capital or
/// nothing ("SW1P", "ME14", "B1").
fn is_outward_code(w: &str) -> bool {
    let letters = w.chars().take_while(char::is_ascii_uppercase).count();
    let rest: Vec<char> = w.chars().skip(letters).collect();
    (1..=2).contains(&letters)
        && match rest.as_slice() {
            [d] => d.is_ascii_digit(),
            [d, x] => d.is_ascii_digit() && (x.is_ascii_digit() || x.is_ascii_uppercase()),
            _ => false,
        }
}

/// A postcode's second half: a figure and two capitals ("4DF").
fn is_inward_code(w: &str) -> bool {
    let c: Vec<char> = w.chars().collect();
    matches!(c.as_slice(), [d, a, b] if d.is_ascii_digit() && a.is_ascii_uppercase() && b.is_ascii_uppercase())
}

/// Dashes, bars and commas that separate the parts of a meeting line ("Cabinet – 14 March").
pub(super) fn is_separator(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | '|' | ',' | ':' | ';') || c.is_whitespace()
}

/// The parts of a meeting line between separators (" – ", " | ", ", ").
pub(super) fn parts(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for word in text.split_whitespace() {
        let lone = word.chars().all(|c| matches!(c, '-' | '–' | '—' | '|'));
        if lone {
            out.push(std::mem::take(&mut cur));
            continue;
        }
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(word.trim_end_matches(['|']));
        if word.ends_with(',') || word.ends_with('|') {
            out.push(std::mem::take(&mut cur));
        }
    }
    out.push(cur);
    out.into_iter()
        .map(|p| p.trim_matches(is_separator).to_string())
        .filter(|p| !p.is_empty())
        .collect()
}

/// Whether a row's text ends a sentence (a full stop, question or exclamation mark, or a
/// colon introducing a list).
pub(super) fn ends_sentence(text: &str) -> bool {
    let t = text.trim_end_matches([')', '"', '\u{201d}', '\'']);
    t.ends_with(['.', '?', '!', ':'])
}
