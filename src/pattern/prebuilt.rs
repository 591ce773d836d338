//! Patterns whose automata are built ahead of time.
//!
//! The `regex` crate spends 300 to 750 µs building each of the three timescale patterns (a
//! milestone's closing date, a date inside a bullet, the years and months of a timescale),
//! on a core that is reading pages, and then more during the plan's reading, building the
//! states its lazy DFA meets; regex-lite, quick to build, runs the date-cell pattern at 4 k
//! instructions a cell. Here six patterns of the plan reader (those three, a date cell, a
//! reference cell and a list label) each have an anchored DFA, built once by a test and
//! committed (`dfa/*.dfa`, sparse, little-endian, 2–22 KiB each): reading all six costs 1.6 M
//! instructions, a fifth of building the three with `regex`, and a search builds nothing.
//!
//! An anchored DFA tells whether a match starts at a given place and where it ends, reading
//! leftmost-first as `regex` does. [`Anchored::find_at`] tries it at each place a match may
//! start, in order: the first place that holds one starts the match `regex` would find, and
//! the DFA ends it where `regex` would. Each pattern's user says where a match may start
//! (the characters its first item can match) and reads the groups of a match from its text
//! (tested against `regex`'s groups on every pattern). Where the committed DFA cannot be read
//! (a big-endian machine) or a search fails, `regex` compiles the pattern instead, as before.

use std::ops::Range;
use std::sync::OnceLock;

use regex_automata::dfa::{sparse, Automaton};
use regex_automata::{Anchored as Anchor, Input};

/// A committed anchored DFA: see the module's account.
pub(crate) struct Committed(&'static [u8]);

/// [`crate::paper::milestone`]'s closing timescale.
pub(crate) static MILESTONE_DATE: Committed = Committed(include_bytes!("dfa/milestone-date.dfa"));
/// [`crate::paper::milestone`]'s timescale inside a bullet.
pub(crate) static MILESTONE_INNER_DATE: Committed =
    Committed(include_bytes!("dfa/milestone-inner-date.dfa"));
/// [`crate::dates::period`]'s years and months.
pub(crate) static PERIOD: Committed = Committed(include_bytes!("dfa/period.dfa"));
/// [`crate::paper::plan::text::is_date`]: a cell that is a date.
pub(crate) static PLAN_DATE: Committed = Committed(include_bytes!("dfa/plan-date.dfa"));
/// [`crate::paper::plan::text::is_reference`]: a cell that is a reference.
pub(crate) static PLAN_REFERENCE: Committed = Committed(include_bytes!("dfa/plan-reference.dfa"));
/// [`crate::paper::plan::text::list_label`]: a line opening with a list label.
pub(crate) static LIST_LABEL: Committed = Committed(include_bytes!("dfa/list-label.dfa"));

/// Bytes the anchored searches of one call may read, for each byte of the text: tried at
/// each place a match may start, they could read the rest of the text from each (a text of
/// dates parted by semicolons, a long run of spaces), which grows as the square of its length;
/// past this, `regex`'s one search, which reads the text once, is cheaper. Short texts never
/// reach it (a 500-byte text tried at every place reads at most 125 KiB), and no call reads
/// more than about 320 bytes for each byte of its text.
const SCAN_PER_BYTE: usize = 64;
/// Bytes the anchored searches of one call may read whatever the text's length.
const SCAN_FLOOR: usize = 128 * 1024;

/// What the anchored searches of one call may still read; `None` once spent (`regex`
/// searches from then on).
struct Budget(Option<usize>);

impl Budget {
    fn of(text: &str) -> Budget {
        Budget(Some(SCAN_FLOOR + SCAN_PER_BYTE * text.len()))
    }
}

/// A pattern searched by its committed anchored DFA.
pub(crate) struct Anchored {
    dfa: Option<sparse::DFA<&'static [u8]>>,
    /// The pattern as written for `regex`, compiled by it only where the DFA fails.
    pattern: String,
    full: OnceLock<regex::Regex>,
}

impl Anchored {
    /// `pattern` (written for `regex`), searched by its DFA in `committed`.
    pub(crate) fn new(committed: &'static Committed, pattern: String) -> Self {
        Anchored {
            dfa: sparse::DFA::from_bytes(committed.0).ok().map(|(d, _)| d),
            pattern,
            full: OnceLock::new(),
        }
    }

    /// The pattern compiled by `regex` (where the DFA cannot be read or fails).
    fn full(&self) -> &regex::Regex {
        self.full.get_or_init(|| {
            regex::Regex::new(&self.pattern).unwrap_or_else(|_| unreachable!("constant pattern"))
        })
    }

    /// The first match in `text` starting at or after byte `at`, as `regex`'s `find_at`
    /// finds it. `may_start(text, i)` tells whether a match may start at byte `i` (a
    /// character boundary): it must hold wherever one can.
    pub(crate) fn find_at(
        &self,
        text: &str,
        at: usize,
        may_start: impl Fn(&str, usize) -> bool,
    ) -> Option<Range<usize>> {
        self.search(text, at, &may_start, &mut Budget::of(text))
    }

    /// [`Anchored::find_at`] within `budget`: each place tried may cost a read of the rest of
    /// the text; past the budget, `regex` searches instead.
    fn search(
        &self,
        text: &str,
        at: usize,
        may_start: &impl Fn(&str, usize) -> bool,
        budget: &mut Budget,
    ) -> Option<Range<usize>> {
        let full = || self.full().find_at(text, at).map(|m| m.range());
        let Some(dfa) = self.dfa.as_ref().filter(|_| budget.0.is_some()) else {
            return full();
        };
        let places = text.get(at..)?.char_indices().map(|(i, _)| at + i);
        for start in places.chain(std::iter::once(text.len())) {
            if !may_start(text, start) {
                continue;
            }
            let cost = text.len() - start;
            budget.0 = budget.0.and_then(|left| left.checked_sub(cost));
            if budget.0.is_none() {
                return full();
            }
            let input = Input::new(text).range(start..).anchored(Anchor::Yes);
            match dfa.try_search_fwd(&input) {
                Ok(Some(end)) => return Some(start..end.offset()),
                Ok(None) => {}
                Err(_) => {
                    budget.0 = None;
                    return full();
                }
            }
        }
        None
    }

    /// The end of the match that starts `text`, for a pattern anchored at the start (`^`).
    pub(crate) fn at_start(&self, text: &str) -> Option<usize> {
        let input = Input::new(text).anchored(Anchor::Yes);
        match self.dfa.as_ref().map(|dfa| dfa.try_search_fwd(&input)) {
            Some(Ok(m)) => m.map(|m| m.offset()),
            None | Some(Err(_)) => self
                .full()
                .find(text)
                .filter(|m| m.start() == 0)
                .map(|m| m.end()),
        }
    }

    /// The matches in `text`, in order and not overlapping, as `regex`'s `find_iter` gives
    /// them (see [`Anchored::find_at`]). A match is never empty (every committed pattern
    /// needs figures); an empty one would end them.
    pub(crate) fn matches<'t>(
        &'t self,
        text: &'t str,
        may_start: impl Fn(&str, usize) -> bool + 't,
    ) -> impl Iterator<Item = Range<usize>> + 't {
        let mut at = 0;
        let mut budget = Budget::of(text);
        std::iter::from_fn(move || {
            let m = self
                .search(text, at, &may_start, &mut budget)
                .filter(|m| m.end > m.start)?;
            at = m.end;
            Some(m)
        })
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use regex_automata::dfa::{dense, StartKind};

    /// Every committed pattern: its file name and its pattern.
    fn committed() -> Vec<(&'static str, &'static Committed, String)> {
        vec![
            (
                "milestone-date",
                &MILESTONE_DATE,
                crate::paper::milestone::date_pattern(),
            ),
            (
                "milestone-inner-date",
                &MILESTONE_INNER_DATE,
                crate::paper::milestone::inner_date_pattern(),
            ),
            ("period", &PERIOD, crate::dates::period_pattern()),
            (
                "plan-date",
                &PLAN_DATE,
                crate::paper::plan::text::date_cell_pattern(),
            ),
            (
                "plan-reference",
                &PLAN_REFERENCE,
                crate::paper::plan::text::REFERENCE.into(),
            ),
            (
                "list-label",
                &LIST_LABEL,
                crate::paper::plan::text::LIST_LABEL.into(),
            ),
        ]
    }

    /// The DFA of `pattern` as it is committed.
    fn build(pattern: &str) -> Vec<u8> {
        let config = dense::Config::new()
            .start_kind(StartKind::Anchored)
            .minimize(true);
        let dense = dense::Builder::new()
            .configure(config)
            .build(pattern)
            .unwrap_or_else(|e| panic!("{e}"));
        dense
            .to_sparse()
            .unwrap_or_else(|e| panic!("{e}"))
            .to_bytes_little_endian()
    }

    /// The committed DFAs are those the patterns give today. After changing a pattern,
    /// rebuild them: `BOARDPAPER_WRITE_DFA=1 cargo test committed_automata`.
    #[test]
    fn committed_automata_are_current() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/pattern/dfa");
        let write = std::env::var_os("BOARDPAPER_WRITE_DFA").is_some();
        for (name, _, pattern) in committed() {
            let bytes = build(&pattern);
            let path = dir.join(format!("{name}.dfa"));
            if write {
                std::fs::write(&path, &bytes).unwrap_or_else(|e| panic!("{e}"));
            }
            let on_disk = std::fs::read(&path).unwrap_or_default();
            assert!(
                on_disk == bytes,
                "{} is stale: BOARDPAPER_WRITE_DFA=1 cargo test committed_automata",
                path.display()
            );
        }
    }

    /// A fixed pseudo-random sequence (a linear congruential generator): the same texts on
    /// every run.
    struct Lcg(u64);

    impl Lcg {
        fn below(&mut self, n: usize) -> usize {
            self.0 = self
                .0
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            usize::try_from(self.0 >> 33).unwrap_or(0) % n.max(1)
        }
    }

    /// Pieces that meet every part of the timescale patterns: months, figures, qualifiers,
    /// labels, brackets, dashes, slashes, Unicode spaces, stray letters.
    const PIECES: &[&str] = &[
        "jan",
        "june",
        "sept",
        "sept.",
        "dec",
        "december",
        "2014",
        "2015",
        "17",
        "2015-17",
        "31",
        "31st",
        "03",
        "/",
        "-",
        "–",
        "—",
        ";",
        ":",
        ".",
        "(",
        ")",
        " ",
        "  ",
        "\u{a0}",
        "\u{2009}",
        "\u{3000}",
        "q2",
        "by",
        "throughout",
        "annually",
        "quarterly",
        "end of",
        "target",
        "due",
        "deadline",
        "from",
        "until",
        "complete",
        "x",
        "report",
        "2025x",
        "7",
        " – by ",
        " - throughout ",
        "(due ",
        "(target: ",
        "(by ",
        "(annually throughout ",
        " — ",
        " – ",
        "): ",
        ") ",
        "target: ",
        "due\u{a0}",
        " ; ",
        "/ ",
        "monthly throughout ",
        "1.",
        "(a)",
        "iv.",
        "b)",
        "A",
        "(12)",
        "ab-12",
        "3.2.1",
        "ii)",
        "(iv)",
        "\t",
        "to",
        "&",
        "quarter 3",
        "ongoing",
        "mid",
        "ce-4b",
        "Q",
        "2015.",
    ];

    /// `count` texts of up to `longest` pieces, drawn from [`PIECES`] joined by spaces or not.
    pub(crate) fn texts(count: usize, longest: usize) -> Vec<String> {
        let mut rng = Lcg(7);
        (0..count)
            .map(|_| {
                let n = 1 + rng.below(longest);
                let mut t = String::new();
                for _ in 0..n {
                    t.push_str(PIECES.get(rng.below(PIECES.len())).copied().unwrap_or(""));
                    if rng.below(3) > 0 {
                        t.push(' ');
                    }
                }
                t
            })
            .collect()
    }

    #[test]
    fn long_searches_are_left_to_regex() {
        // Dates parted by semicolons, then a word: the closing-date pattern, tried after each
        // space, would read on to the word from each.
        let dates = "2015; ".repeat(3000) + "x 2016";
        // A long run of spaces before a word: the period pattern, tried at each space, would
        // read on to the word from each.
        let spaced = format!("by{}x 2015", " ".repeat(20_000));
        // Where each pattern's user tries it: the closing date at the start and after a space
        // or a dash, the period everywhere.
        let after_space = |t: &str, i: usize| {
            i == 0
                || t.get(i..)
                    .is_some_and(|r| r.starts_with([' ', '–', '—', '-']))
        };
        let everywhere = |_: &str, _: usize| true;
        type MayStart<'a> = &'a dyn Fn(&str, usize) -> bool;
        let cases: [(_, _, _, MayStart); 2] = [
            (
                &MILESTONE_DATE,
                crate::paper::milestone::date_pattern(),
                &dates,
                &after_space,
            ),
            (
                &PERIOD,
                crate::dates::period_pattern(),
                &spaced,
                &everywhere,
            ),
        ];
        for (committed, pattern, text, may_start) in cases {
            let full = regex::Regex::new(&pattern).unwrap_or_else(|e| panic!("{e}"));
            let a = Anchored::new(committed, pattern);
            let want: Vec<_> = full.find_iter(text).map(|m| m.range()).collect();
            assert_eq!(a.matches(text, may_start).collect::<Vec<_>>(), want);
            assert!(a.full.get().is_some(), "regex searched the long text");
            let b = Anchored::new(committed, a.pattern.clone());
            let short = "report – by june 2015; 2016";
            let want: Vec<_> = full.find_iter(short).map(|m| m.range()).collect();
            assert_eq!(b.matches(short, may_start).collect::<Vec<_>>(), want);
            assert!(b.full.get().is_none(), "the DFA searched the short text");
        }
    }

    #[test]
    fn anchored_search_finds_what_regex_finds() {
        for (name, committed, pattern) in committed() {
            let full = regex::Regex::new(&pattern).unwrap_or_else(|e| panic!("{e}"));
            let a = Anchored::new(committed, pattern);
            assert!(a.dfa.is_some(), "{name}: the committed DFA is read");
            let mut starts = 0;
            for t in texts(4000, 12) {
                let want: Vec<_> = full.find_iter(&t).map(|m| m.range()).collect();
                let got: Vec<_> = a.matches(&t, |_, _| true).collect();
                assert_eq!(got, want, "{name}: {t:?}");
                let at_start = full.find(&t).filter(|m| m.start() == 0).map(|m| m.end());
                assert_eq!(a.at_start(&t), at_start, "{name}: {t:?}");
                starts += usize::from(at_start.is_some());
            }
            assert!(starts > 0, "{name}: no text opens with a match");
        }
    }
}
