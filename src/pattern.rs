//! Constant text patterns compiled cheaply.
//!
//! The `regex` crate compiles a pattern into several automata up front, which costs 50 to
//! 500 µs a pattern: more than reading a page, and paid on every run by the one thread that
//! reads the plan. `regex-lite` compiles the same pattern in a fifth to a tenth of that, but
//! its matcher is many times slower (tens of thousands of instructions a match on a date
//! pattern): it suits patterns matched a few times a paper, not once a cell. It differs in one
//! way our patterns meet: its `\s` and `\S` are ASCII. [`compile`] writes out the Unicode white
//! space `regex` means by them (no-break spaces, the en and em spaces, the ideographic
//! space…), so a pattern matches exactly what it matched under `regex`. Patterns that need
//! Unicode classes (`\p{L}`), Unicode word boundaries or Unicode case folding stay with
//! `regex`. The three timescale patterns, costly to build and matched on every milestone, are
//! not compiled at all: their DFAs are built ahead of time and committed ([`prebuilt`]).

use regex_lite::Regex;

pub(crate) mod prebuilt;

/// The code points of Unicode's `White_Space` property: what `regex` means by `\s`
/// (U+0009–U+000D, space, next line, no-break space, ogham space mark, U+2000–U+200A, line
/// and paragraph separators, narrow no-break space, medium mathematical space, ideographic
/// space), as items of a character class.
const WHITE_SPACE: &str =
    r"\t\n\x0B\x0C\r \x{85}\x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}";

/// `pattern` with `\s` and `\S` written out as Unicode white space ([`WHITE_SPACE`]), inside
/// and outside character classes. `None` for `\S` inside a class (a class cannot hold a
/// negated class in `regex-lite`), which no pattern of ours needs.
fn unicode_spaces(pattern: &str) -> Option<String> {
    let mut out = String::with_capacity(pattern.len() * 2);
    let mut in_class = false;
    let mut chars = pattern.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('s') if in_class => out.push_str(WHITE_SPACE),
                Some('s') => {
                    out.push('[');
                    out.push_str(WHITE_SPACE);
                    out.push(']');
                }
                Some('S') if in_class => return None,
                Some('S') => {
                    out.push_str("[^");
                    out.push_str(WHITE_SPACE);
                    out.push(']');
                }
                Some(e) => {
                    out.push('\\');
                    out.push(e);
                }
                None => out.push('\\'),
            },
            '[' if !in_class => {
                in_class = true;
                out.push('[');
                // A `]` or `^]` right after the opening bracket is a literal, not the end.
                if chars.peek() == Some(&'^') {
                    chars.next();
                    out.push('^');
                }
                if chars.peek() == Some(&']') {
                    chars.next();
                    out.push(']');
                }
            }
            ']' if in_class => {
                in_class = false;
                out.push(']');
            }
            _ => out.push(c),
        }
    }
    Some(out)
}

/// Compile a constant pattern written for `regex` with `regex-lite`, keeping the meaning of
/// `\s` and `\S` (see the module's account) and of an ASCII word boundary, `(?-u:\b)`, which
/// is what regex-lite's `\b` means.
pub(crate) fn compile(pattern: &str) -> Regex {
    unicode_spaces(&pattern.replace(r"(?-u:\b)", r"\b"))
        .and_then(|p| Regex::new(&p).ok())
        .unwrap_or_else(|| unreachable!("constant pattern: {pattern}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every Unicode white space character, and no other, is `\s` after translation, as
    /// under `regex`; inside a class too.
    #[test]
    fn white_space_is_unicode_as_in_regex() {
        let lite = compile(r"^a\s+b$");
        let full = regex::Regex::new(r"^a\s+b$").unwrap_or_else(|e| panic!("{e}"));
        let in_class = compile(r"^a[\s–-]+b$");
        let not_space = compile(r"^\S+$");
        for c in (0u32..0x3100).filter_map(char::from_u32) {
            let text = format!("a{c}b");
            assert_eq!(
                lite.is_match(&text),
                full.is_match(&text),
                "U+{:04X}",
                c as u32
            );
            assert_eq!(
                in_class.is_match(&text),
                full.is_match(&text) || c == '–' || c == '-'
            );
            assert_eq!(
                not_space.is_match(&c.to_string()),
                !c.is_whitespace(),
                "U+{:04X}",
                c as u32
            );
        }
    }

    /// Escapes other than `\s`/`\S` and brackets inside classes pass through.
    #[test]
    fn other_escapes_and_classes_are_kept() {
        assert_eq!(
            unicode_spaces(r"\(x[\]\s]\d\S").as_deref(),
            Some(
                r"\(x[\]\t\n\x0B\x0C\r \x{85}\x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}]\d[^\t\n\x0B\x0C\r \x{85}\x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}]"
            )
        );
        assert_eq!(unicode_spaces(r"[^\S]"), None);
        let re = compile(r"^\(due\s([0-9]{4})\)$");
        assert_eq!(
            re.captures("(due\u{A0}2025)")
                .and_then(|c| c.get(1))
                .map(|m| m.as_str()),
            Some("2025")
        );
    }
}
