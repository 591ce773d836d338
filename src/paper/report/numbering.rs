//! Paragraph and list numbers as councils print them: "1." and "1" (sections or numbered
//! paragraphs), "1.1" and "1.1.1" (paragraphs), "(a)" and "a)" (lettered paragraphs or
//! lists), "(i)" (roman lists), "(1)" and "1)" (numbered lists), and "a." and "ii." (lettered
//! and roman items written with a full stop, lower case only: a capital with a full stop is
//! more often an initial, "A. Patel"). Lettered sections: "A." or "A" (a section's own letter,
//! taken only in a heading's form) over paragraphs "A1", "A.1", "A1.2" (the section's letter
//! and the paragraph's number).

/// How a number is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Style {
    /// "1" or "1.".
    Plain,
    /// "1.1", "2.3.1".
    Dotted,
    /// "(a)", "a)", "(A)".
    Letter,
    /// "(i)", "iv)".
    Roman,
    /// "(1)", "1)".
    Bracketed,
    /// A minute reference, the year's two figures and the item's ("25/112"): a town or
    /// parish council's item number, taken for a section only in a heading's form.
    Minute,
}

/// A number opening a row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Number {
    pub style: Style,
    /// As printed, without a trailing full stop ("1", "1.1", "(a)", "a)").
    pub printed: String,
    /// The first figure of a plain or dotted number (its section; a section letter counts
    /// A = 1, B = 2 …), else 0.
    pub section: u32,
    /// Whether the section is a letter ("A.", "A1", "B.2").
    pub lettered: bool,
    /// Whether a full stop followed the number as printed ("1.").
    pub stop: bool,
}

fn digits(s: &str, max: usize) -> bool {
    !s.is_empty() && s.len() <= max && s.bytes().all(|b| b.is_ascii_digit())
}

fn roman(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 5
        && (s.bytes().all(|b| b"ivxl".contains(&b)) || s.bytes().all(|b| b"IVXL".contains(&b)))
}

/// The number `token` writes, if it is one.
pub(super) fn parse(token: &str) -> Option<Number> {
    let stop = token.ends_with('.');
    let t = token.strip_suffix('.').unwrap_or(token);
    let number = |style, section| Number {
        style,
        printed: t.to_string(),
        section,
        stop,
        lettered: false,
    };
    // Bracketed forms: "(a)", "a)", "(i)", "(1)", "1)".
    let inner = t
        .strip_prefix('(')
        .and_then(|s| s.strip_suffix(')'))
        .or_else(|| t.strip_suffix(')').filter(|s| !s.contains('(')));
    if let Some(inner) = inner {
        if stop {
            return None;
        }
        if roman(inner) && inner.len() > 1 || matches!(inner, "i" | "I") {
            return Some(number(Style::Roman, 0));
        }
        if inner.chars().count() == 1 && inner.chars().all(|c| c.is_ascii_alphabetic()) {
            return Some(number(Style::Letter, 0));
        }
        if digits(inner, 2) {
            return Some(number(Style::Bracketed, 0));
        }
        return None;
    }
    // "a.", "ii.": a lower-case letter or roman number closed by a full stop.
    if stop && !t.is_empty() && t.bytes().all(|b| b.is_ascii_lowercase()) {
        if roman(t) && (t.len() > 1 || t == "i") {
            return Some(number(Style::Roman, 0));
        }
        if t.len() == 1 {
            return Some(number(Style::Letter, 0));
        }
        return None;
    }
    if let Some(n) = lettered(t, stop) {
        return Some(n);
    }
    if let Some((year, item)) = t.split_once('/') {
        // "25/112", but not a year range ("24/25") or a date.
        let range = year.parse::<u32>().ok().map(|y| y + 1) == item.parse().ok();
        return (year.len() == 2 && digits(year, 2) && digits(item, 4) && !range)
            .then(|| number(Style::Minute, 0))
            .filter(|_| !stop);
    }
    let parts: Vec<&str> = t.split('.').collect();
    match parts.as_slice() {
        [n] if digits(n, 2) => Some(number(Style::Plain, n.parse().ok()?)),
        // "1.0", "2.0": a section's own number in reports that number paragraphs 1.1, 1.2
        // ("1.00" over "1.01", "1.02" in Welsh councils' template).
        [n, "0" | "00"] if digits(n, 2) => Some(number(Style::Plain, n.parse().ok()?)),
        [first, rest @ ..] if !rest.is_empty() && rest.iter().all(|p| digits(p, 3)) => {
            digits(first, 3).then_some(())?;
            Some(number(Style::Dotted, first.parse().ok()?))
        }
        _ => None,
    }
}

/// A lettered number: a section's letter ("A", "B." — a capital alone) or a paragraph under
/// it ("A1", "A.1", "B2.3": the letter, then figures). `stop` when a full stop followed.
fn lettered(t: &str, stop: bool) -> Option<Number> {
    let mut chars = t.chars();
    let letter = chars.next().filter(char::is_ascii_uppercase)?;
    let section = u32::from(letter) - u32::from('A') + 1;
    let rest = chars.as_str();
    let rest = rest.strip_prefix('.').unwrap_or(rest);
    let style = if rest.is_empty() {
        Style::Plain
    } else if rest.split('.').all(|p| digits(p, 2)) {
        Style::Dotted
    } else {
        return None;
    };
    Some(Number {
        style,
        printed: t.to_string(),
        section,
        stop,
        lettered: true,
    })
}

/// The section a printed section number stands for ("3" → 3, "3.0" → 3, "B" → 2).
pub(super) fn section_of(printed: &str) -> Option<u32> {
    match parse(printed) {
        Some(n) if n.lettered => Some(n.section),
        _ => printed.split('.').next()?.parse().ok(),
    }
}

/// Whether a printed section number is a letter ("A", "B").
pub(super) fn is_lettered(printed: &str) -> bool {
    parse(printed).is_some_and(|n| n.lettered)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        let p = |t: &str| parse(t).map(|n| (n.style, n.printed, n.section));
        assert_eq!(p("1."), Some((Style::Plain, "1".into(), 1)));
        assert_eq!(p("12"), Some((Style::Plain, "12".into(), 12)));
        assert_eq!(p("2015"), None);
        assert_eq!(p("."), None);
        assert_eq!(p("1.1"), Some((Style::Dotted, "1.1".into(), 1)));
        assert_eq!(p("2.3.1."), Some((Style::Dotted, "2.3.1".into(), 2)));
        assert_eq!(p("1..2"), None);
        assert_eq!(p("C.B.E."), None);
        assert_eq!(p("(a)"), Some((Style::Letter, "(a)".into(), 0)));
        assert_eq!(p("a)"), Some((Style::Letter, "a)".into(), 0)));
        assert_eq!(p("(iv)"), Some((Style::Roman, "(iv)".into(), 0)));
        assert_eq!(p("(i)"), Some((Style::Roman, "(i)".into(), 0)));
        assert_eq!(p("(1)"), Some((Style::Bracketed, "(1)".into(), 0)));
        assert_eq!(p("2.0"), Some((Style::Plain, "2.0".into(), 2)));
        assert_eq!(section_of("2.0"), Some(2));
        assert_eq!(p("3.00"), Some((Style::Plain, "3.00".into(), 3)));
        assert_eq!(p("3.01"), Some((Style::Dotted, "3.01".into(), 3)));
        assert_eq!(p("£9.2m"), None);
        assert_eq!(p("(see"), None);
        assert_eq!(p("a."), Some((Style::Letter, "a".into(), 0)));
        assert_eq!(p("ii."), Some((Style::Roman, "ii".into(), 0)));
        assert_eq!(p("i."), Some((Style::Roman, "i".into(), 0)));
        assert_eq!(p("A."), Some((Style::Plain, "A".into(), 1)));
        assert_eq!(p("C"), Some((Style::Plain, "C".into(), 3)));
        assert_eq!(p("A1"), Some((Style::Dotted, "A1".into(), 1)));
        assert_eq!(p("B.2"), Some((Style::Dotted, "B.2".into(), 2)));
        assert_eq!(p("B2.3."), Some((Style::Dotted, "B2.3".into(), 2)));
        assert_eq!(p("AB"), None);
        assert_eq!(p("A1B"), None);
        assert_eq!(p("Ab"), None);
        assert!(parse("B2").is_some_and(|n| n.lettered));
        assert!(!parse("2.1").is_some_and(|n| n.lettered));
        assert_eq!(section_of("C"), Some(3));
        assert_eq!(p("etc."), None);
        assert_eq!(p("a"), None);
        assert_eq!(p("25/112"), Some((Style::Minute, "25/112".into(), 0)));
        assert_eq!(p("24/25"), None);
        assert_eq!(p("2025/26"), None);
        assert_eq!(p("12/01/2026"), None);
    }
}
