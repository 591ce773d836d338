//! Tables drawn without rules: columns from text alignment, rows from baselines.
//!
//! After Nurminen's thesis (aligned text bounds table areas) and Camelot's "stream" flavour,
//! but with columns taken from white-space gutters rather than text edges:
//!
//! 1. Words → text lines (baseline clusters) → segments: runs of words with no gap of a
//!    column's size (`segment_gap_em`) inside (`lines`). Dot leaders are dropped.
//! 2. Regions: runs of vertically adjacent lines with two or more segments whose gaps keep
//!    open the gutters of the lines just above, bridging a few one-segment lines (section
//!    labels, wrapped cells); captions, notes and running text end a run. A region then
//!    grows upward over its header lines, up to a rule (or the top of a shaded band) spanning
//!    it when there is one (`detect`).
//! 3. Columns: gutters — vertical strips that (nearly) no body line's words cover — from a
//!    sweep; a gutter must separate columns somewhere (a segment gap, or numbers on both
//!    sides), not just word spaces that line up (`columns`, `build`).
//! 4. Rows and cells (`build`): the header runs down to a rule or band edge under it, or
//!    else to the first data line; spanning labels (crossing a gutter, or widened by the rule
//!    under them) take rows of their own, stacked labels merge, and a column's labels with no
//!    spanning label above start at the top header row. Body lines start a new row where the
//!    key (first) column has text, unless the line continues a wrapped label (lower-case
//!    start, a label ending mid-phrase, or a hanging indent); a line without key text
//!    continues the row above unless numbers would stack.
//! 5. Checks against false positives: lists (a first column of bullets or enumerators beside
//!    text), running text in page columns (lines of several words filling flush-left columns,
//!    or lines mostly starting mid-sentence), charts (tick marks, grid lines through the
//!    labels, sparse slots), and regions with fewer than two body rows or two columns. A
//!    page column of prose beside a table of numbers, sharing its baselines, is left out and
//!    the page read again.
//!
//! Everything is near-linear in the page's words: lines are sorted once, regions are walked
//! once with scans bounded by distance, gutters come from a sweep.

mod bands;
mod build;
mod checks;
mod columns;
mod detect;
mod emit;
mod frame;
mod header;
mod lines;
mod page_columns;
mod pieces;
mod rows;
mod slots;
mod stacked;
mod verdict;

pub(crate) use lines::is_item_label;
pub(crate) use stacked::{read_whole, under_ruled};
pub use verdict::{Rejected, RejectedRegion};

use super::{PageTable, Settings, Warning, WarningKind};
use crate::geom::Rect;
use crate::layout::Word;
use crate::pdf::PagePrimitives;

/// What the unruled path found on a page: its tables, and the candidate regions it turned
/// down with the reason for each.
#[derive(Debug, Clone, Default)]
pub struct Found {
    /// The tables, in the order their regions were found.
    pub tables: Vec<PageTable>,
    /// The regions that did not hold up as tables.
    pub rejected: Vec<RejectedRegion>,
    /// Lines printed inside a table's box that are no part of it (a note between its rows),
    /// one warning each: kept, not lost.
    pub warnings: Vec<Warning>,
}

/// Unruled tables among `words` (those not inside a ruled table), avoiding the `ruled` boxes.
#[cfg(test)]
pub fn tables(
    page: &PagePrimitives,
    words: &[Word],
    ruled: &[Rect],
    s: &Settings,
) -> Vec<PageTable> {
    find(page, words, ruled, s).tables
}

/// As [`tables`], keeping each rejected candidate region and its reason.
pub fn find(page: &PagePrimitives, words: &[Word], ruled: &[Rect], s: &Settings) -> Found {
    let u = &s.alignment;
    let ids: Vec<usize> = (0..words.len())
        .filter(|&i| {
            let c = words[i].bbox.centre();
            !ruled
                .iter()
                .any(|r| r.contains(c, s.alignment.ruled_table_margin))
        })
        .collect();
    let pieces = detect::rule_pieces(page, u);
    let hrules = detect::horizontal_rules(&pieces, u);
    let mut v = detect::vertical_rules(page, u);
    v.extend(detect::clip_edges(words, u));
    v.sort_by(|a, b| a.x.total_cmp(&b.x));
    let edges = detect::Edges {
        v,
        junctions: detect::rule_junctions(&pieces, u),
    };
    let page_view = View {
        page,
        words,
        ruled,
        hrules: &hrules,
        edges: &edges,
        s,
    };
    find_in(&page_view, ids, 0)
}

/// What every reading of a page's words shares: the page, its words and rules.
struct View<'a> {
    page: &'a PagePrimitives,
    words: &'a [Word],
    ruled: &'a [Rect],
    hrules: &'a [detect::HRule],
    edges: &'a detect::Edges,
    s: &'a Settings,
}

/// The tables among the words `ids`. A rejected region cut by a page gutter
/// ([`page_columns`]) has the words beside the gutter read again, one page column at a time,
/// and the rest of the words apart from them (at most `max_page_column_splits` deep).
fn find_in(v: &View<'_>, mut ids: Vec<usize>, depth: usize) -> Found {
    let (page, words, u) = (v.page, v.words, &v.s.alignment);
    // Two passes at most: the second after leaving out page columns of running text found
    // beside tables (they share the tables' baselines).
    for pass in 0..2 {
        let lines = lines::build_lines(words, &ids, u);
        if lines.len() < u.min_table_lines {
            return Found::default();
        }
        let regions = detect::regions(&lines, words, v.hrules, v.ruled, u);
        if pass == 0 {
            let zones: Vec<Rect> = regions
                .iter()
                .filter_map(|r| {
                    checks::edge_prose(words, &lines, r, v.hrules, v.edges, page.info.width, u)
                        .or_else(|| {
                            checks::panel_prose(page, words, &lines, r, v.hrules, v.edges, u)
                        })
                })
                .collect();
            if !zones.is_empty() {
                ids.retain(|&i| {
                    let c = words[i].bbox.centre();
                    !zones.iter().any(|z| z.contains(c, 0.0))
                });
                continue;
            }
        }
        let mut out = Found::default();
        for region in &regions {
            if depth < u.max_page_column_splits {
                let side_by_side = region_box(region, &lines)
                    .and_then(|b| page_columns::rule_gap(&b, &lines, words, v.hrules, v.ruled, u));
                if let Some(zone) = side_by_side {
                    return by_page_column(v, &ids, &zone, depth);
                }
            }
            match build::table(page, words, &lines, region, v.hrules, v.edges, v.s) {
                Ok(t) => {
                    out.warnings
                        .extend(left_inside(&t, &lines, &regions, words, page.info.number));
                    out.tables.push(t);
                }
                Err(reason) => {
                    if let Some(bbox) = region_box(region, &lines) {
                        if depth < u.max_page_column_splits {
                            if let Some(zone) = page_columns::gutter_through(
                                &bbox, &lines, words, v.hrules, v.ruled, u,
                            ) {
                                return by_page_column(v, &ids, &zone, depth);
                            }
                        }
                        out.rejected.push(RejectedRegion {
                            page: page.info.number,
                            bbox,
                            reason,
                        });
                    }
                }
            }
        }
        return out;
    }
    Found::default()
}

/// The box around a region's lines.
fn region_box(region: &detect::Region, lines: &[lines::TLine]) -> Option<Rect> {
    region
        .lines
        .iter()
        .filter_map(|&i| lines.get(i))
        .map(|l| l.bbox)
        .reduce(|a, b| a.union(&b))
}

/// The words `ids` read in three parts: left of the page gutter, right of it, and the rest
/// (above and below the page columns).
fn by_page_column(v: &View<'_>, ids: &[usize], zone: &page_columns::Zone, depth: usize) -> Found {
    let mut parts: [Vec<usize>; 3] = Default::default();
    for &i in ids {
        let k = match v.words.get(i).and_then(|w| zone.side(w)) {
            Some(false) => 0,
            Some(true) => 1,
            None => 2,
        };
        if let Some(p) = parts.get_mut(k) {
            p.push(i);
        }
    }
    let mut out = Found::default();
    for part in parts {
        let f = find_in(v, part, depth + 1);
        out.tables.extend(f.tables);
        out.rejected.extend(f.rejected);
        out.warnings.extend(f.warnings);
    }
    out
}

/// A warning for each line whose middle lies inside table `t` and that no region holds: a
/// note printed between its rows, stepped over by the region, that no cell and no page text
/// outside the table would keep.
fn left_inside(
    t: &PageTable,
    lines: &[lines::TLine],
    regions: &[detect::Region],
    words: &[Word],
    page: u32,
) -> Vec<Warning> {
    let held: std::collections::HashSet<usize> = regions
        .iter()
        .flat_map(|r| r.lines.iter().copied())
        .collect();
    lines
        .iter()
        .enumerate()
        .filter(|(k, l)| !held.contains(k) && t.bbox.contains(l.bbox.centre(), 0.0))
        .map(|(_, l)| Warning {
            page,
            kind: WarningKind::TextOutsideCells {
                text: pieces::words_text(&l.words, words),
                bbox: l.bbox,
            },
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geom::Pt;
    use crate::pdf::{Direction, Fill, FillShape, PageInfo, Rule, RuleSource};
    use crate::table::Table;
    use std::sync::Arc;

    const SIZE: f64 = 10.0;
    /// Points per character of the made-up font.
    const CHAR_W: f64 = 5.0;

    fn word(text: &str, x0: f64, top: f64) -> Word {
        Word {
            text: text.into(),
            bbox: Rect {
                x0,
                top,
                x1: x0 + CHAR_W * text.chars().count() as f64,
                bottom: top + SIZE,
            },
            direction: Direction::Ltr,
            baseline: top + 0.8 * SIZE,
            font: Arc::from("Test"),
            size: SIZE,
            colour: None,
            clip: None,
        }
    }

    /// Words of one printed line: each cell's text starts at its x; words inside a cell are a
    /// space (0.3 em) apart.
    fn line(cells: &[(&str, f64)], top: f64) -> Vec<Word> {
        let mut out = Vec::new();
        for &(text, x) in cells {
            let mut x = x;
            for w in text.split_whitespace() {
                let wd = word(w, x, top);
                x = wd.bbox.x1 + 0.3 * SIZE;
                out.push(wd);
            }
        }
        out
    }

    fn page(rules: Vec<Rule>) -> PagePrimitives {
        PagePrimitives {
            info: PageInfo {
                number: 1,
                width: 612.0,
                height: 792.0,
                rotation: 0,
            },
            glyphs: Vec::new(),
            rules,
            fills: Vec::new(),
            images: Vec::new(),
            warnings: Vec::new(),
        }
    }

    fn hrule(x0: f64, x1: f64, y: f64) -> Rule {
        Rule {
            p0: Pt::new(x0, y),
            p1: Pt::new(x1, y),
            width: 0.5,
            colour: None,
            source: RuleSource::Stroke,
        }
    }

    fn vrule(x: f64, top: f64, bottom: f64) -> Rule {
        Rule {
            p0: Pt::new(x, top),
            p1: Pt::new(x, bottom),
            ..hrule(0.0, 0.0, 0.0)
        }
    }

    /// The grid of the one table found among `words` and `rules` by the whole table stage,
    /// which must have read it from alignment.
    fn from_alignment(rules: Vec<Rule>, words: &[Word]) -> Vec<Vec<String>> {
        let found = crate::table::page_tables(&page(rules), words, &Settings::default());
        assert_eq!(found.tables.len(), 1);
        assert!(!found.tables[0].ruled);
        grid(&found.tables[0])
    }

    /// The plain grid of a page table, as the CLI prints it.
    fn grid(t: &PageTable) -> Vec<Vec<String>> {
        let table = Table {
            pages: vec![t.page],
            bbox: t.bbox,
            header_rows: 0,
            n_rows: t.n_rows(),
            n_cols: t.n_cols(),
            cells: t.cells.clone(),
            rows: Vec::new(),
            ruled: false,
        };
        table.grid()
    }

    fn find(words: &[Word], rules: Vec<Rule>) -> Vec<PageTable> {
        tables(&page(rules), words, &[], &Settings::default())
    }

    fn g(rows: &[&[&str]]) -> Vec<Vec<String>> {
        rows.iter()
            .map(|r| r.iter().map(|s| s.to_string()).collect())
            .collect()
    }

    #[test]
    fn numeric_table_with_header() {
        let mut ws = Vec::new();
        ws.extend(line(
            &[("Region", 50.0), ("2010", 200.0), ("2011", 280.0)],
            100.0,
        ));
        ws.extend(line(
            &[("North", 50.0), ("1,234", 195.0), ("1,300", 275.0)],
            114.0,
        ));
        ws.extend(line(
            &[("South", 50.0), ("987", 205.0), ("1,010", 275.0)],
            128.0,
        ));
        ws.extend(line(&[("East", 50.0), ("45", 210.0), ("52", 290.0)], 142.0));
        ws.extend(line(
            &[("West", 50.0), ("2,001", 195.0), ("2,100", 275.0)],
            156.0,
        ));
        let ts = find(&ws, Vec::new());
        assert_eq!(ts.len(), 1);
        assert!(!ts[0].ruled);
        assert_eq!(
            grid(&ts[0]),
            g(&[
                &["Region", "2010", "2011"],
                &["North", "1,234", "1,300"],
                &["South", "987", "1,010"],
                &["East", "45", "52"],
                &["West", "2,001", "2,100"],
            ])
        );
    }

    /// A dash ending a milestone, a space before a narrow gap only the lines ending short of
    /// it leave open, is a column of symbols alone: it belongs to the text before it (the
    /// header's "Status" starts at the other gutter's edge), not to the status after it.
    #[test]
    fn trailing_dash_stays_with_the_text_before_it() {
        let mut ws = Vec::new();
        let rows: [[(&str, f64); 4]; 4] = [
            [
                ("Ref", 50.0),
                ("Milestone", 100.0),
                ("Status", 250.0),
                ("Evidence", 320.0),
            ],
            [
                ("1.1", 50.0),
                ("Alpha beta gamma –", 100.0),
                ("● On", 250.0),
                ("Fine", 320.0),
            ],
            [
                ("1.2", 50.0),
                ("Delta epsilon ok", 100.0),
                ("Late", 250.0),
                ("Good", 320.0),
            ],
            [
                ("1.3", 50.0),
                ("Kappa lambda ok", 100.0),
                ("Done", 250.0),
                ("Fair", 320.0),
            ],
        ];
        for (i, r) in rows.iter().enumerate() {
            ws.extend(line(r, 100.0 + 14.0 * i as f64));
        }
        let ts = find(&ws, Vec::new());
        assert_eq!(ts.len(), 1);
        assert_eq!(
            grid(&ts[0]),
            g(&[
                &["Ref", "Milestone", "Status", "Evidence"],
                &["1.1", "Alpha beta gamma –", "On", "Fine"],
                &["1.2", "Delta epsilon ok", "Late", "Good"],
                &["1.3", "Kappa lambda ok", "Done", "Fair"],
            ])
        );
    }

    /// A frame drawn round a table, with a rule under its header and none between its columns,
    /// is a ruled grid of one column; its words go to the unruled path, which finds the columns
    /// from their alignment.
    #[test]
    fn framed_table_without_inner_rules_is_read_from_alignment() {
        let mut ws = Vec::new();
        let rows = [
            [("Region", 50.0), ("2010", 200.0), ("2011", 280.0)],
            [("North", 50.0), ("1,234", 195.0), ("1,300", 275.0)],
            [("South", 50.0), ("987", 205.0), ("1,010", 275.0)],
            [("West", 50.0), ("2,001", 195.0), ("2,100", 275.0)],
        ];
        for (k, r) in rows.iter().enumerate() {
            ws.extend(line(r, 100.0 + 14.0 * k as f64));
        }
        let vrule = |x: f64| vrule(x, 95.0, 160.0);
        let frame = vec![
            hrule(40.0, 320.0, 95.0),
            hrule(40.0, 320.0, 112.0),
            hrule(40.0, 320.0, 160.0),
            vrule(40.0),
            vrule(320.0),
        ];
        assert_eq!(
            from_alignment(frame, &ws),
            g(&[
                &["Region", "2010", "2011"],
                &["North", "1,234", "1,300"],
                &["South", "987", "1,010"],
                &["West", "2,001", "2,100"],
            ])
        );
    }

    /// A spreadsheet ruled round groups of columns only (Kent's revenue plan: a frame, and
    /// rules between the year groups): each ruled cell holds lines of two numbers a column's
    /// gap apart, so the grid is read from alignment; and the rule between the right-aligned
    /// first column and the labels after it, closer than a column's gap, still parts them.
    #[test]
    fn grid_ruled_round_groups_of_columns_is_read_from_alignment() {
        let mut ws = Vec::new();
        let rows = [
            ("10", "Pay", "1,234", "5,678"),
            ("250", "Prices", "987", "1,010"),
            ("35", "Rent", "45", "52"),
            ("4", "Fees", "2,001", "2,100"),
            ("77", "Grants", "11", "12"),
        ];
        for (k, (a, b, c, d)) in rows.iter().enumerate() {
            let top = 100.0 + 14.0 * k as f64;
            // The first column right-aligned at 146, 3 pt (0.3 em, a word space) before the
            // label, a rule between.
            ws.push(word(a, 146.0 - CHAR_W * a.len() as f64, top));
            ws.push(word(b, 149.0, top));
            ws.push(word(c, 270.0, top));
            ws.push(word(d, 330.0, top));
        }
        let vrule = |x: f64| vrule(x, 95.0, 175.0);
        let rules = vec![
            hrule(90.0, 380.0, 95.0),
            hrule(90.0, 380.0, 175.0),
            vrule(90.0),
            vrule(147.5),
            vrule(250.0),
            vrule(380.0),
        ];
        assert_eq!(
            from_alignment(rules, &ws),
            g(&[
                &["10", "Pay", "1,234", "5,678"],
                &["250", "Prices", "987", "1,010"],
                &["35", "Rent", "45", "52"],
                &["4", "Fees", "2,001", "2,100"],
                &["77", "Grants", "11", "12"],
            ])
        );
    }

    #[test]
    fn wrapped_text_cell_stays_in_its_row() {
        // The second column wraps; its continuation line has no text in the key column.
        let mut ws = Vec::new();
        ws.extend(line(
            &[("Item", 50.0), ("Status", 200.0), ("Owner", 400.0)],
            100.0,
        ));
        ws.extend(line(
            &[("Budget", 50.0), ("Approved by", 200.0), ("Finance", 400.0)],
            114.0,
        ));
        ws.extend(line(&[("the board", 200.0)], 125.0));
        ws.extend(line(
            &[("Staffing", 50.0), ("Open", 200.0), ("HR", 400.0)],
            142.0,
        ));
        ws.extend(line(
            &[("Estates", 50.0), ("Closed", 200.0), ("Facilities", 400.0)],
            156.0,
        ));
        let ts = find(&ws, Vec::new());
        assert_eq!(ts.len(), 1);
        assert_eq!(
            grid(&ts[0]),
            g(&[
                &["Item", "Status", "Owner"],
                &["Budget", "Approved by the board", "Finance"],
                &["Staffing", "Open", "HR"],
                &["Estates", "Closed", "Facilities"],
            ])
        );
    }

    #[test]
    fn spanning_header_underlined_spans_its_columns() {
        let mut ws = Vec::new();
        ws.extend(line(&[("Actual", 225.0), ("Projected", 380.0)], 100.0));
        ws.extend(line(
            &[
                ("State", 50.0),
                ("2008", 200.0),
                ("2009", 260.0),
                ("2010", 360.0),
                ("2011", 420.0),
            ],
            114.0,
        ));
        for (k, name) in ["Ohio", "Iowa", "Utah", "Maine"].iter().enumerate() {
            let top = 130.0 + 12.0 * k as f64;
            ws.extend(line(
                &[
                    (name, 50.0),
                    ("10", 205.0),
                    ("11", 265.0),
                    ("12", 365.0),
                    ("13", 425.0),
                ],
                top,
            ));
        }
        // Underlines of the two group labels, and the rule under the header.
        let rules = vec![
            hrule(195.0, 285.0, 111.5),
            hrule(355.0, 445.0, 111.5),
            hrule(45.0, 445.0, 126.0),
        ];
        let ts = find(&ws, rules);
        assert_eq!(ts.len(), 1);
        let t = &ts[0];
        assert_eq!(
            grid(t),
            g(&[
                &["State", "Actual", "", "Projected", ""],
                &["", "2008", "2009", "2010", "2011"],
                &["Ohio", "10", "11", "12", "13"],
                &["Iowa", "10", "11", "12", "13"],
                &["Utah", "10", "11", "12", "13"],
                &["Maine", "10", "11", "12", "13"],
            ])
        );
        let actual = t
            .cells
            .iter()
            .find(|c| c.text() == "Actual")
            .map(|c| c.col_span);
        assert_eq!(actual, Some(2));
        let stub = t
            .cells
            .iter()
            .find(|c| c.text() == "State")
            .map(|c| c.row_span);
        assert_eq!(stub, Some(2));
    }

    #[test]
    fn section_labels_and_dot_leaders() {
        let mut ws = Vec::new();
        ws.extend(line(
            &[("Group", 50.0), ("Count", 250.0), ("Share", 330.0)],
            100.0,
        ));
        ws.extend(line(&[("Women", 50.0)], 114.0));
        ws.extend(line(
            &[
                ("Under 25", 60.0),
                ("..........", 110.0),
                ("120", 255.0),
                ("40.0", 330.0),
            ],
            128.0,
        ));
        ws.extend(line(
            &[("25 and over", 60.0), ("180", 255.0), ("60.0", 330.0)],
            142.0,
        ));
        ws.extend(line(&[("Men", 50.0)], 156.0));
        ws.extend(line(
            &[("Under 25", 60.0), ("90", 260.0), ("45.0", 330.0)],
            170.0,
        ));
        ws.extend(line(
            &[("25 and over", 60.0), ("110", 255.0), ("55.0", 330.0)],
            184.0,
        ));
        let ts = find(&ws, Vec::new());
        assert_eq!(ts.len(), 1);
        assert_eq!(
            grid(&ts[0]),
            g(&[
                &["Group", "Count", "Share"],
                &["Women", "", ""],
                &["Under 25", "120", "40.0"],
                &["25 and over", "180", "60.0"],
                &["Men", "", ""],
                &["Under 25", "90", "45.0"],
                &["25 and over", "110", "55.0"],
            ])
        );
    }

    #[test]
    fn monospaced_numbers_one_space_apart_are_split() {
        // Right-aligned numbers with a single space between columns in some rows.
        let mut ws = Vec::new();
        let rows = [
            ("Age", "Male", "Female", 100.0),
            ("0-4", "1,887,948", "1,022,490", 114.0),
            ("5-9", "2,586,688", "2,568,738", 128.0),
            ("10-14", "867,692", "576,723", 142.0),
            ("15-19", "7,808,033", "7,401,349", 156.0),
        ];
        for (a, b, c, top) in rows {
            // Right edges at 160 and 215: "1,887,948" (45 pt) ends 5 pt before "1,022,490".
            let bx = 160.0 - CHAR_W * b.len() as f64;
            let cx = 215.0 - CHAR_W * c.len() as f64;
            ws.push(word(a, 50.0, top));
            ws.push(word(b, bx, top));
            ws.push(word(c, cx, top));
        }
        let ts = find(&ws, Vec::new());
        assert_eq!(ts.len(), 1);
        assert_eq!(
            grid(&ts[0]),
            g(&[
                &["Age", "Male", "Female"],
                &["0-4", "1,887,948", "1,022,490"],
                &["5-9", "2,586,688", "2,568,738"],
                &["10-14", "867,692", "576,723"],
                &["15-19", "7,808,033", "7,401,349"],
            ])
        );
    }

    #[test]
    fn shaded_header_row_bounds_the_header() {
        // A text table whose two-line column labels sit on a grey band, no rules at all.
        let mut ws = Vec::new();
        ws.extend(line(
            &[("Planned", 50.0), ("Lead", 250.0), ("Target", 380.0)],
            100.0,
        ));
        ws.extend(line(
            &[("Action", 50.0), ("Officer", 250.0), ("Date", 380.0)],
            111.0,
        ));
        ws.extend(line(
            &[("Audit schools", 50.0), ("J Smith", 250.0), ("June", 380.0)],
            128.0,
        ));
        ws.extend(line(
            &[("Train staff", 50.0), ("A Jones", 250.0), ("July", 380.0)],
            142.0,
        ));
        ws.extend(line(
            &[("Review policy", 50.0), ("B Brown", 250.0), ("May", 380.0)],
            156.0,
        ));
        let mut p = page(Vec::new());
        p.fills.push(Fill {
            rect: Rect {
                x0: 45.0,
                top: 97.0,
                x1: 430.0,
                bottom: 124.0,
            },
            colour: Some(crate::pdf::Colour {
                r: 200,
                g: 200,
                b: 200,
            }),
            shape: FillShape::Rect,
        });
        let ts = tables(&p, &ws, &[], &Settings::default());
        assert_eq!(ts.len(), 1);
        assert_eq!(
            grid(&ts[0]),
            g(&[
                &["Planned Action", "Lead Officer", "Target Date"],
                &["Audit schools", "J Smith", "June"],
                &["Train staff", "A Jones", "July"],
                &["Review policy", "B Brown", "May"],
            ])
        );
        // Without the band the second label line reads as a row of its own.
        let plain = find(&ws, Vec::new());
        assert_eq!(plain.len(), 1);
        assert_eq!(plain[0].n_rows(), 5);
    }

    const PROSE: &str = "the board agreed that the report should be shared with partners and \
        that every agency would set out its own plan for the coming year with clear \
        measures and dates so that progress can be checked at each meeting of the board";

    /// Lines of running text `width` points wide from x, starting at top, `n` lines.
    fn prose(x: f64, width: f64, top: f64, n: usize) -> Vec<Word> {
        let mut out = Vec::new();
        let mut it = PROSE.split_whitespace().cycle();
        for k in 0..n {
            let top = top + 12.0 * k as f64;
            let mut cx = x;
            for w in it.by_ref() {
                let wd = word(w, cx, top);
                if wd.bbox.x1 > x + width {
                    break;
                }
                cx = wd.bbox.x1 + 0.3 * SIZE;
                out.push(wd);
            }
        }
        out
    }

    /// The reasons the candidate regions among `words` were turned down.
    fn verdicts(words: &[Word], rules: Vec<Rule>) -> Vec<&'static str> {
        let f = super::find(&page(rules), words, &[], &Settings::default());
        f.rejected.iter().map(|r| r.reason.code()).collect()
    }

    #[test]
    fn prose_is_not_a_table() {
        assert!(find(&prose(72.0, 450.0, 100.0, 20), Vec::new()).is_empty());
    }

    #[test]
    fn two_page_columns_of_prose_are_not_a_table() {
        let mut ws = prose(72.0, 220.0, 100.0, 25);
        ws.extend(prose(320.0, 220.0, 100.0, 25));
        assert!(find(&ws, Vec::new()).is_empty());
        // The region the two columns make together is cut by the page gutter, and each page
        // column read alone is one run of text: no candidate is left to turn down.
        assert!(verdicts(&ws, Vec::new()).is_empty());
    }

    #[test]
    fn numbered_paragraphs_and_bullets_are_not_tables() {
        let mut ws = Vec::new();
        let mut top = 100.0;
        for n in ["1.1", "1.2", "1.3", "2.1", "2.2"] {
            ws.push(word(n, 72.0, top));
            ws.extend(prose(108.0, 400.0, top, 2));
            top += 30.0;
        }
        for _ in 0..5 {
            ws.push(word("•", 108.0, top));
            ws.extend(prose(126.0, 200.0, top, 1));
            top += 14.0;
        }
        assert!(find(&ws, Vec::new()).is_empty());
        // The bullets form a region, turned down: its one gap between text columns is the
        // bullets' indent, too narrow to part columns (the narrow-gap rule wants it repeated
        // with text after it starting at one x on three lines, and wider than a word space).
        assert_eq!(verdicts(&ws, Vec::new()), ["no_gutter"]);
    }

    #[test]
    fn chart_axis_labels_with_ticks_are_not_a_table() {
        let mut ws = Vec::new();
        let mut rules = Vec::new();
        for k in 0..6 {
            let top = 100.0 + 20.0 * k as f64;
            let v = format!("{}", 50 - 10 * k);
            ws.extend(line(&[(v.as_str(), 60.0), (v.as_str(), 400.0)], top));
            rules.push(hrule(75.0, 79.0, top + 5.0));
            rules.push(hrule(395.0, 399.0, top + 5.0));
        }
        ws.extend(line(
            &[("2001", 100.0), ("2003", 200.0), ("2005", 300.0)],
            230.0,
        ));
        assert_eq!(verdicts(&ws, rules.clone()), ["chart_ticks"]);
        assert!(find(&ws, rules).is_empty());
    }

    #[test]
    fn words_inside_ruled_tables_are_left_alone() {
        let mut ws = Vec::new();
        for k in 0..5 {
            let top = 100.0 + 14.0 * k as f64;
            ws.extend(line(&[("Name", 50.0), ("12", 200.0), ("34", 260.0)], top));
        }
        let ruled = [Rect {
            x0: 40.0,
            top: 90.0,
            x1: 300.0,
            bottom: 200.0,
        }];
        assert!(tables(&page(Vec::new()), &ws, &ruled, &Settings::default()).is_empty());
    }

    #[test]
    fn bad_coordinates_do_not_panic() {
        let mut ws = Vec::new();
        for k in 0..6 {
            let top = 100.0 + 14.0 * k as f64;
            ws.extend(line(&[("Name", 50.0), ("12", 200.0), ("34", 260.0)], top));
        }
        let mut bad = word("x", f64::NAN, 120.0);
        bad.baseline = f64::NAN;
        ws.push(bad);
        ws.push(word("y", f64::INFINITY, f64::NEG_INFINITY));
        let mut zero = word("0", 200.0, 130.0);
        zero.size = 0.0;
        ws.push(zero);
        ws.push(word("", 100.0, 100.0));
        let ts = find(&ws, Vec::new());
        assert_eq!(ts.len(), 1);
        assert_eq!(ts[0].n_cols(), 3);
        assert!(find(&[], Vec::new()).is_empty());
    }

    #[test]
    fn large_page_is_handled_in_one_pass() {
        // 250 rows x 20 columns = 5,000 words, the size of a dense plan page.
        let mut ws = Vec::new();
        for r in 0..250 {
            let top = 20.0 + 12.0 * r as f64;
            ws.push(word(&format!("R{r}"), 10.0, top));
            for c in 0..19 {
                ws.push(word(
                    &format!("{}", (r * 7 + c) % 100),
                    60.0 + 30.0 * c as f64,
                    top,
                ));
            }
        }
        // The page is one region, walked once: one table and no candidate turned down (no
        // re-reading of the page in pieces). No clock: the work asserted is the same on any
        // machine.
        let found = super::find(&page(Vec::new()), &ws, &[], &Settings::default());
        assert!(found.rejected.is_empty());
        let ts = found.tables;
        assert_eq!(ts.len(), 1);
        assert_eq!((ts[0].n_rows(), ts[0].n_cols()), (250, 20));
    }

    /// Two lines of the action column end in a word overhanging its usual right edge ("at
    /// the five", "in the area"), the two words overlapping: the white space before the Lead
    /// column is cut in two gutters with a strip between where no phrase begins. The strip is
    /// no column; the overhanging words stay in their action cells.
    #[test]
    fn a_word_overhanging_its_column_makes_no_column() {
        // Where a cell's text ends: CHAR_W a character, 0.3 em between words.
        let end = |text: &str, x: f64| {
            let n = text.split_whitespace().count() as f64;
            x + CHAR_W * text.replace(' ', "").chars().count() as f64 + 0.3 * SIZE * (n - 1.0)
        };
        let mut ws = line(
            &[
                ("Ref", 50.0),
                ("Action", 90.0),
                ("Lead", 350.0),
                ("Status", 470.0),
            ],
            80.0,
        );
        let mut want = vec![vec!["Ref", "Action", "Lead", "Status"]
            .into_iter()
            .map(String::from)
            .collect::<Vec<_>>()];
        let acts = [
            "Fit new boilers at the depot",
            "Review the tenancy policy with",
            "Replace the heating in six blocks at the", // + "five"
            "Publish the annual report on time",
            "Open a housing advice hub for the",
            "Train all officers in first aid at the new", // + "area"
            "Agree a repairs plan with tenants",
            "Cut empty homes across the town",
            "Buy ten homes for families in the",
            "Survey every block for damp",
        ];
        for (k, act) in acts.iter().enumerate() {
            let top = 100.0 + 30.0 * k as f64;
            let reference = format!("H{}", k + 1);
            let mut cells = vec![(reference.as_str(), 50.0), (*act, 90.0)];
            let tail = match k {
                2 => Some("five"),
                5 => Some("area"),
                _ => None,
            };
            let tail_x = end(act, 90.0) + 0.3 * SIZE;
            if let Some(t) = tail {
                cells.push((t, tail_x));
            }
            cells.push(("Housing Team", 350.0));
            cells.push(("On track", 470.0));
            ws.extend(line(&cells, top));
            ws.extend(line(&[("now.", 90.0)], top + 12.0));
            let text = match tail {
                Some(t) => format!("{act} {t} now."),
                None => format!("{act} now."),
            };
            want.push(vec![
                reference,
                text,
                "Housing Team".into(),
                "On track".into(),
            ]);
        }
        // The two overhanging words overlap, both past every other line's end.
        let (five, area) = (
            end("Replace the heating in six blocks at the", 90.0),
            end("Train all officers in first aid at the new", 90.0),
        );
        let others = acts
            .iter()
            .enumerate()
            .filter(|(k, _)| *k != 2 && *k != 5)
            .map(|(_, a)| end(a, 90.0))
            .fold(0.0, f64::max);
        assert!(
            five > others && area > others && five + 23.0 > area + 3.0,
            "{five} {area} {others}"
        );
        assert_eq!(from_alignment(Vec::new(), &ws), want);
    }
}
