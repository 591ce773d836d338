//! Paragraph and list numbers as councils print them: "1." and "1" (sections or numbered
//! paragraphs), "1.1" and "1.1.1" (paragraphs), "(a)" and "a)" (lettered paragraphs or
//! lists), "(i)" (roman lists), "(1)" and "1)" (numbered lists), and "a." and "ii." (lettered
//! and roman items written with a full stop, lower case only: a capital with a full stop is
//! more often an initial, "A. Patel").

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
}

/// A number opening a row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Number {
    pub style: Style,
    /// As printed, without a trailing full stop ("1", "1.1", "(a)", "a)").
    pub printed: String,
    /// The first figure of a plain or dotted number (its section), else 0.
    pub section: u32,
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
    let parts: Vec<&str> = t.split('.').collect();
    match parts.as_slice() {
        [n] if digits(n, 2) => Some(number(Style::Plain, n.parse().ok()?)),
        // "1.0", "2.0": a section's own number in reports that number paragraphs 1.1, 1.2.
        [n, "0"] if digits(n, 2) => Some(number(Style::Plain, n.parse().ok()?)),
        [first, rest @ ..] if !rest.is_empty() && rest.iter().all(|p| digits(p, 3)) => {
            digits(first, 3).then_some(())?;
            Some(number(Style::Dotted, first.parse().ok()?))
        }
        _ => None,
    }
}

/// The section a printed section number stands for ("3" → 3, "3.0" → 3).
pub(super) fn section_of(printed: &str) -> Option<u32> {
    printed.split('.').next()?.parse().ok()
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
        assert_eq!(p("£9.2m"), None);
        assert_eq!(p("(see"), None);
        assert_eq!(p("a."), Some((Style::Letter, "a".into(), 0)));
        assert_eq!(p("ii."), Some((Style::Roman, "ii".into(), 0)));
        assert_eq!(p("i."), Some((Style::Roman, "i".into(), 0)));
        assert_eq!(p("A."), None);
        assert_eq!(p("etc."), None);
        assert_eq!(p("a"), None);
    }
}
