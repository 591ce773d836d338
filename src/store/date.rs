//! Version dates as plans print them ("March 2015", "Sept 2015", "15 June 2015") turned into
//! a sortable `YYYY-MM`.

/// Month names and the abbreviations plans use, lowercase, with the month number.
const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

/// Earliest and latest years taken as a plan's year (anything else is a page number or a
/// reference, not a date).
const YEARS: std::ops::RangeInclusive<u32> = 1900..=2199;

/// `"March 2015"` → `Some("2015-03")`: the first month name and the first four-digit year in
/// the text. A year alone gives January (`"2015"` → `"2015-01"`); no year gives `None`.
pub fn version_month(text: &str) -> Option<String> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    let month = words
        .iter()
        .find_map(|w| MONTHS.iter().find(|(name, _)| name == w).map(|&(_, n)| n));
    let year = words.iter().find_map(|w| {
        let y: u32 = w.parse().ok()?;
        (w.len() == 4 && YEARS.contains(&y)).then_some(y)
    })?;
    Some(format!("{year:04}-{:02}", month.unwrap_or(1)))
}

#[cfg(test)]
mod tests {
    use super::version_month;

    #[test]
    fn months_and_years() {
        assert_eq!(version_month("March 2015").as_deref(), Some("2015-03"));
        assert_eq!(version_month("June 2015").as_deref(), Some("2015-06"));
        assert_eq!(version_month("Sept 2015").as_deref(), Some("2015-09"));
        assert_eq!(
            version_month("15 December 2016").as_deref(),
            Some("2016-12")
        );
        assert_eq!(version_month("dec. 2016").as_deref(), Some("2016-12"));
        assert_eq!(version_month("2017").as_deref(), Some("2017-01"));
        assert_eq!(version_month("March"), None);
        assert_eq!(version_month(""), None);
        // "Mayor" is not May; 12345 is not a year.
        assert_eq!(
            version_month("Mayor 12345 2015").as_deref(),
            Some("2015-01")
        );
    }
}
