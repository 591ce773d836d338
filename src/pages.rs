//! Page selections such as `1-3,7,10-`: parsed once at the edge, then only valid ones exist.

use std::fmt;
use std::str::FromStr;

/// A set of 1-based page ranges; an open range (`10-`) runs to the last page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageSet {
    ranges: Vec<(u32, Option<u32>)>,
}

/// Why a page selection could not be parsed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("bad page selection {input:?}: {reason} (expected e.g. 1-3,7,10-)")]
pub struct PageSetError {
    input: String,
    reason: &'static str,
}

impl FromStr for PageSet {
    type Err = PageSetError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = |reason| PageSetError {
            input: s.to_string(),
            reason,
        };
        let mut ranges = Vec::new();
        for part in s.split(',').map(str::trim) {
            if part.is_empty() {
                return Err(err("empty part"));
            }
            let num = |t: &str| t.trim().parse::<u32>().ok().filter(|n| *n > 0);
            let range = match part.split_once('-') {
                Some((a, "")) => (
                    num(a).ok_or_else(|| err("pages are numbered from 1"))?,
                    None,
                ),
                Some((a, b)) => {
                    let (a, b) = (num(a), num(b));
                    match (a, b) {
                        (Some(a), Some(b)) if a <= b => (a, Some(b)),
                        (Some(_), Some(_)) => return Err(err("a range runs backwards")),
                        _ => return Err(err("pages are numbered from 1")),
                    }
                }
                None => {
                    let n = num(part).ok_or_else(|| err("pages are numbered from 1"))?;
                    (n, Some(n))
                }
            };
            ranges.push(range);
        }
        Ok(PageSet { ranges })
    }
}

impl fmt::Display for PageSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, (a, b)) in self.ranges.iter().enumerate() {
            if i > 0 {
                f.write_str(",")?;
            }
            match b {
                Some(b) if b == a => write!(f, "{a}")?,
                Some(b) => write!(f, "{a}-{b}")?,
                None => write!(f, "{a}-")?,
            }
        }
        Ok(())
    }
}

impl PageSet {
    /// Every page.
    pub fn all() -> Self {
        PageSet {
            ranges: vec![(1, None)],
        }
    }

    /// The selected pages that exist in a document of `count` pages, ascending, no repeats.
    pub fn resolve(&self, count: u32) -> Vec<u32> {
        let mut pages: Vec<u32> = self
            .ranges
            .iter()
            .flat_map(|&(a, b)| a..=b.unwrap_or(count).min(count))
            .collect();
        pages.sort_unstable();
        pages.dedup();
        pages
    }

    /// Pages selected that lie past the end of a `count`-page document.
    pub fn missing(&self, count: u32) -> Vec<u32> {
        self.ranges
            .iter()
            .filter(|(a, _)| *a > count)
            .map(|(a, _)| *a)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_resolves() {
        let p: PageSet = "1-3, 7,10-".parse().unwrap();
        assert_eq!(p.resolve(12), vec![1, 2, 3, 7, 10, 11, 12]);
        assert_eq!(p.resolve(2), vec![1, 2]);
        assert_eq!(p.to_string(), "1-3,7,10-");
    }

    #[test]
    fn rejects_nonsense() {
        for bad in ["", "0", "3-1", "a", "1,,2", "-4"] {
            assert!(bad.parse::<PageSet>().is_err(), "{bad:?} should fail");
        }
    }
}
