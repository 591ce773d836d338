//! Version dates as plans print them ("March 2015", "Sept 2015", "15 June 2015") turned into
//! a sortable `YYYY-MM`.

use crate::dates::{Rules, YearMonth};

/// `"March 2015"` → `Some("2015-03")`: the first month name and the first four-digit year in
/// the text, by [`Rules::VERSION`], words split at every character that is not an ASCII
/// letter or digit. A year alone gives January (`"2015"` → `"2015-01"`); no year gives
/// `None`.
pub fn version_month(text: &str) -> Option<String> {
    let rules = Rules::VERSION;
    let words: Vec<&str> = text
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let month = words.iter().find_map(|w| rules.month(w));
    let year = words.iter().find_map(|w| rules.year(w))?;
    YearMonth::new(year, month.unwrap_or(1)).map(|m| m.to_string())
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
