//! Checks a built region must pass to be a table, each a named [`Rejected`] reason when it
//! fails: lists, prose, running text in page columns, charts, too few columns, too sparse.
//! Also [`edge_prose`]: a page column of prose beside a table of numbers, to leave out; and
//! [`panel_prose`]: prose wrapping round a table floated in a shaded panel.

use crate::geom::Rect;
use crate::layout::Word;
use crate::pdf::{PagePrimitives, RuleSource};
use crate::table::UnruledSettings;

use super::detect::{Edges, HRule, Region};
use super::frame::{frame, Frame};
use super::lines::{is_list_marker, is_numeric, TLine};
use super::pieces::{pieces, word_count, words_text, Piece};
use super::slots::GridBuild;
use super::verdict::Rejected;

/// What the checks look at: the built grid and the region's body.
pub(super) struct Built<'a> {
    /// The cells placed so far.
    pub grid: &'a GridBuild,
    /// Rows taken by the header.
    pub n_hdr_rows: usize,
    /// Rows in all.
    pub n_rows: usize,
    /// Columns.
    pub n_cols: usize,
    /// The region's box.
    pub ext: Rect,
    /// The body lines and their pieces.
    pub body: &'a [&'a TLine],
    pub body_pieces: &'a [Vec<Piece>],
}

/// Run every check in turn; the first that fails gives the verdict.
pub(super) fn check(
    b: &Built<'_>,
    page: &PagePrimitives,
    words: &[Word],
    rules: &[HRule],
    u: &UnruledSettings,
) -> Result<(), Rejected> {
    let texts = body_texts(b, words);
    not_a_list(&texts, u)?;
    not_prose(&texts, u)?;
    if running_text(b.body_pieces, words, b.n_cols, u) {
        return Err(Rejected::RunningText);
    }
    if chart(b.body, rules, &b.ext, u) {
        return Err(Rejected::ChartGridLines);
    }
    let ticks = tick_marks(page, &b.ext, u);
    if ticks >= u.chart_ticks {
        return Err(Rejected::ChartTicks { ticks });
    }
    two_columns(b)?;
    dense_enough(b, u)
}

/// The checks for a header and one body row, kept only if it continues a table from the
/// page before under the same header ([`crate::table::PageTable::continuation_only`]): that
/// repeated header is the evidence, and one row is too little for the content checks to
/// weigh (a single numbered row reads as a list, a single row of sentences as prose). It
/// must still have two columns.
pub(super) fn check_lone(b: &Built<'_>) -> Result<(), Rejected> {
    two_columns(b)
}

/// The body cells' texts with their columns, blanks left out.
fn body_texts(b: &Built<'_>, words: &[Word]) -> Vec<(usize, String)> {
    b.grid
        .cells
        .iter()
        .filter(|c| c.row >= b.n_hdr_rows)
        .map(|c| (c.col, words_text(&c.words, words)))
        .filter(|(_, t)| !t.trim().is_empty())
        .collect()
}

/// A list: the first column is mostly bullets or enumerators, the text beside them in one
/// column, and the rest is not numbers.
fn not_a_list(texts: &[(usize, String)], u: &UnruledSettings) -> Result<(), Rejected> {
    let col0: Vec<&String> = texts
        .iter()
        .filter(|(c, _)| *c == 0)
        .map(|(_, t)| t)
        .collect();
    let markers = col0.iter().filter(|t| is_list_marker(t)).count();
    let rest = texts.iter().filter(|(c, _)| *c > 0);
    let numeric = rest.clone().filter(|(_, t)| is_numeric(t)).count();
    // A list's text beside its markers is one column; a numbered table has several.
    let mut per_col: std::collections::BTreeMap<usize, usize> = Default::default();
    for (c, _) in texts.iter().filter(|(c, _)| *c > 0) {
        *per_col.entry(*c).or_default() += 1;
    }
    let text_cols = per_col.values().filter(|&&n| n >= 2).count();
    if !col0.is_empty()
        && text_cols < u.min_short_columns
        && markers as f64 >= u.max_marker_fraction * col0.len() as f64
        && (numeric as f64) < u.min_numeric_for_numbered * rest.count() as f64
    {
        return Err(Rejected::List {
            markers,
            stubs: col0.len(),
        });
    }
    Ok(())
}

/// Prose: too many cells hold a run of words, and fewer than `min_short_columns` columns
/// are short entries (names, dates, statuses) beside them.
fn not_prose(texts: &[(usize, String)], u: &UnruledSettings) -> Result<(), Rejected> {
    let is_prose = |t: &str| t.split_whitespace().count() >= u.prose_words;
    let prose = texts.iter().filter(|(_, t)| is_prose(t)).count();
    if texts.is_empty() || prose as f64 <= u.max_prose_fraction * texts.len() as f64 {
        return Ok(());
    }
    // Per column: (cells, prose cells).
    let mut per_col: std::collections::BTreeMap<usize, (usize, usize)> = Default::default();
    for (c, t) in texts {
        let e = per_col.entry(*c).or_default();
        e.0 += 1;
        e.1 += usize::from(is_prose(t));
    }
    let short = per_col
        .values()
        .filter(|&&(n, p)| n >= 2 && p as f64 <= u.short_column_prose_fraction * n as f64)
        .count();
    if short >= u.min_short_columns {
        return Ok(());
    }
    Err(Rejected::Prose {
        prose,
        cells: texts.len(),
    })
}

/// Text in at least two columns.
fn two_columns(b: &Built<'_>) -> Result<(), Rejected> {
    let used: std::collections::BTreeSet<usize> = b.grid.cells.iter().map(|c| c.col).collect();
    if used.len() < 2 {
        return Err(Rejected::OneColumn);
    }
    Ok(())
}

/// Enough of the slots hold text (charts' scattered labels leave most empty).
fn dense_enough(b: &Built<'_>, u: &UnruledSettings) -> Result<(), Rejected> {
    let filled: usize = b
        .grid
        .cells
        .iter()
        .filter(|c| !c.words.is_empty())
        .map(|c| c.row_span * c.col_span)
        .sum();
    let slots = b.n_rows * b.n_cols;
    if (filled as f64) < u.min_density * slots as f64 {
        return Err(Rejected::Sparse { filled, slots });
    }
    Ok(())
}

/// A region's lines framed into columns, with its body lines cut into pieces by column.
struct Framed {
    ext: Rect,
    hdr: usize,
    xs: Vec<f64>,
    n_cols: usize,
    body: Vec<Vec<Piece>>,
}

/// `ls` framed ([`frame`]) and its body lines' pieces; `None` under three columns.
fn framed_body(
    ls: &[&TLine],
    words: &[Word],
    rules: &[HRule],
    edges: &Edges,
    u: &UnruledSettings,
) -> Option<Framed> {
    let Frame { ext, hdr, xs, gaps } = frame(ls, words, rules, edges, u).ok()?;
    let n_cols = xs.len() - 1;
    if n_cols < 3 {
        return None;
    }
    let body = ls
        .get(hdr..)?
        .iter()
        .map(|l| pieces(l, words, &xs, &gaps, true, u))
        .collect();
    Some(Framed {
        ext,
        hdr,
        xs,
        n_cols,
        body,
    })
}

/// When the last column of a table of numbers is running text (a page column of prose
/// beside the table, sharing its baselines: ICDAR us-025), the zone to leave out: from that
/// column's boundary to the page edge, over the region's height.
pub(super) fn edge_prose(
    words: &[Word],
    lines: &[TLine],
    region: &Region,
    rules: &[HRule],
    edges: &Edges,
    page_width: f64,
    u: &UnruledSettings,
) -> Option<Rect> {
    let ls: Vec<&TLine> = region.lines.iter().filter_map(|&i| lines.get(i)).collect();
    let Framed {
        ext,
        xs,
        n_cols,
        body,
        ..
    } = framed_body(&ls, words, rules, edges, u)?;
    let c = n_cols - 1;
    if !prose_column(&body, words, c, u) || !long_lines(&body, words, c, u) {
        return None;
    }
    // The columns between the stub and the prose are mostly numbers.
    let rest: Vec<&Piece> = body
        .iter()
        .flatten()
        .filter(|p| p.c0 > 0 && p.c1 < c)
        .collect();
    let numbers = rest.iter().filter(|p| p.numeric).count();
    if rest.is_empty() || 2 * numbers < rest.len() {
        return None;
    }
    let h = ls.iter().map(|l| l.height()).fold(0.0, f64::max);
    Some(Rect {
        x0: xs.get(c).copied()?,
        top: ext.top - h,
        x1: page_width.max(ext.x1),
        bottom: ext.bottom + h,
    })
}

/// When the first (or last) column of a region is running text (lines of several words)
/// outside a shaded panel that holds the other columns (a table floated in a sidebar, the page's prose wrapping round
/// it: its lines share the table's baselines), the zone to leave out: from the page edge to
/// the panel's edge, over the region's height. The panel's edge, in the gutter between the
/// prose and the table, is where the table ends.
pub(super) fn panel_prose(
    page: &PagePrimitives,
    words: &[Word],
    lines: &[TLine],
    region: &Region,
    rules: &[HRule],
    edges: &Edges,
    u: &UnruledSettings,
) -> Option<Rect> {
    let ls: Vec<&TLine> = region.lines.iter().filter_map(|&i| lines.get(i)).collect();
    // First, cheaply: a shaded box with a side inside the region, over a good part of its
    // height (most regions have none, and framing them costs).
    let bx = ls.iter().map(|l| l.bbox).reduce(|a, b| a.union(&b))?;
    let within = |x: f64| x > bx.x0 && x < bx.x1;
    let panels = page.fills.iter().any(|f| {
        f.colour.is_some_and(|k| !k.is_white())
            && f.rect.height() >= u.panel_min_height_share * bx.height()
            && (within(f.rect.x0) || within(f.rect.x1))
    });
    if !panels {
        return None;
    }
    let Framed {
        ext,
        hdr,
        n_cols,
        body,
        ..
    } = framed_body(&ls, words, rules, edges, u)?;
    let h = ls.iter().map(|l| l.height()).fold(0.0, f64::max);
    for c in [0, n_cols - 1] {
        // Lines of several words; how far they run (past the panel, above and under it) says
        // nothing: the panel is the evidence.
        if !long_lines(&body, words, c, u) {
            continue;
        }
        let span = |keep: &dyn Fn(&Piece) -> bool| {
            body.iter()
                .flatten()
                .filter(|p| keep(p))
                .map(|p| (p.x0, p.x1))
                .fold(None, |acc: Option<(f64, f64)>, (a, b)| match acc {
                    None => Some((a, b)),
                    Some((x, y)) => Some((x.min(a), y.max(b))),
                })
        };
        let (Some(prose), Some(table)) = (
            span(&|p| p.c0 == c && p.c1 == c),
            span(&|p| p.c0 != c && p.c1 != c),
        ) else {
            continue;
        };
        // The lines holding the table's columns, top to bottom.
        let rows: Vec<&TLine> = ls
            .get(hdr..)
            .unwrap_or(&[])
            .iter()
            .zip(&body)
            .filter(|(_, ps)| ps.iter().any(|p| p.c0 != c && p.c1 != c))
            .map(|(l, _)| *l)
            .collect();
        let top = rows
            .iter()
            .map(|l| l.bbox.top)
            .fold(f64::INFINITY, f64::min);
        let bottom = rows
            .iter()
            .map(|l| l.bbox.bottom)
            .fold(f64::NEG_INFINITY, f64::max);
        let panel = page.fills.iter().find(|f| {
            let r = f.rect;
            let beside = if c == 0 {
                r.x0 >= prose.1 && r.x0 <= table.0 && r.x1 >= table.1
            } else {
                r.x1 <= prose.0 && r.x1 >= table.1 && r.x0 <= table.0
            };
            f.colour.is_some_and(|k| !k.is_white()) && beside && r.top <= top && r.bottom >= bottom
        })?;
        return Some(if c == 0 {
            Rect {
                x0: 0.0_f64.min(ext.x0),
                top: ext.top - h,
                x1: panel.rect.x0,
                bottom: ext.bottom + h,
            }
        } else {
            Rect {
                x0: panel.rect.x1,
                top: ext.top - h,
                x1: page.info.width.max(ext.x1),
                bottom: ext.bottom + h,
            }
        });
    }
    None
}

/// Whether the body reads as running text set in several page columns: every column that has
/// a few lines is mostly lines of several words filling the column's width.
fn running_text(body: &[Vec<Piece>], words: &[Word], n_cols: usize, u: &UnruledSettings) -> bool {
    let mut per_col: Vec<Vec<(f64, f64, usize)>> = vec![Vec::new(); n_cols];
    for p in body.iter().flatten().filter(|p| p.c0 == p.c1) {
        let n_words = p
            .words
            .iter()
            .filter_map(|&i| words.get(i))
            .map(|w| w.text.split_whitespace().count())
            .sum();
        if let Some(v) = per_col.get_mut(p.c0) {
            v.push((p.x0, p.x1, n_words));
        }
    }
    // Lines of running text mostly start mid-sentence; table cells seldom do.
    let texts: Vec<String> = body
        .iter()
        .flatten()
        .filter(|p| !p.numeric && word_count(&p.words, words) >= u.prose_line_min_words)
        .map(|p| words_text(&p.words, words))
        .collect();
    let lower = texts
        .iter()
        .filter(|t| t.chars().next().is_some_and(char::is_lowercase))
        .count();
    if texts.len() >= u.lower_start_min_lines
        && lower as f64 >= u.lower_start_fraction * texts.len() as f64
    {
        return true;
    }
    let mut prose_cols = 0;
    for v in per_col
        .iter()
        .filter(|v| v.len() >= u.prose_column_min_lines)
    {
        if !prose_pieces(v, true, u) {
            return false;
        }
        prose_cols += 1;
    }
    prose_cols >= 2
}

/// Whether the lines are the axis labels of a chart: horizontal grid lines run through the
/// middle of several of them (a table's rules run between its rows, never through its text).
fn chart(body: &[&TLine], rules: &[HRule], ext: &Rect, u: &UnruledSettings) -> bool {
    let through = body
        .iter()
        .filter(|l| {
            let h = l.bbox.height();
            let (y0, y1) = (
                l.bbox.top + u.grid_line_inset * h,
                l.bbox.bottom - u.grid_line_inset * h,
            );
            let lo = rules.partition_point(|r| r.y < y0);
            rules
                .get(lo..)
                .unwrap_or(&[])
                .iter()
                .take_while(|r| r.y <= y1)
                .any(|r| r.x1.min(ext.x1) - r.x0.max(ext.x0) >= u.grid_line_width * ext.width())
        })
        .count();
    through >= u.chart_grid_lines
}

/// Tick marks inside `ext`: stroked straight lines between `tick_min` and `tick_max` long.
fn tick_marks(page: &PagePrimitives, ext: &Rect, u: &UnruledSettings) -> usize {
    page.rules
        .iter()
        .filter(|r| {
            // Stroked, not thin fills: fills that small are dots and marks in text (eu-011).
            if r.source != RuleSource::Stroke {
                return false;
            }
            let len = (r.p1.x - r.p0.x).hypot(r.p1.y - r.p0.y);
            (u.tick_min..=u.tick_max).contains(&len)
                && ext.contains(r.p0, u.tick_slack)
                && ext.contains(r.p1, u.tick_slack)
        })
        .count()
}

/// Whether the lines of column `c` hold `prose_column_mean_words` words or more on average: a
/// page column of running text, not a column of short names ("Head of Revenues", "Section 151
/// Officer") that fill their column as evenly.
fn long_lines(body: &[Vec<Piece>], words: &[Word], c: usize, u: &UnruledSettings) -> bool {
    let counts: Vec<usize> = body
        .iter()
        .flatten()
        .filter(|p| p.c0 == c && p.c1 == c)
        .map(|p| word_count(&p.words, words))
        .collect();
    !counts.is_empty()
        && counts.iter().sum::<usize>() as f64 >= u.prose_column_mean_words * counts.len() as f64
}

/// Whether column `c` of the body is running text.
fn prose_column(body: &[Vec<Piece>], words: &[Word], c: usize, u: &UnruledSettings) -> bool {
    let v: Vec<(f64, f64, usize)> = body
        .iter()
        .flatten()
        .filter(|p| p.c0 == c && p.c1 == c)
        .map(|p| (p.x0, p.x1, word_count(&p.words, words)))
        .collect();
    v.len() >= u.prose_column_min_lines && prose_pieces(&v, false, u)
}

/// Whether most of a column's line pieces (width, words) are lines of several words filling
/// the column.
fn prose_pieces(v: &[(f64, f64, usize)], flush_left: bool, u: &UnruledSettings) -> bool {
    let widest = v.iter().map(|p| p.1 - p.0).fold(0.0, f64::max);
    let left = v.iter().map(|p| p.0).fold(f64::INFINITY, f64::min);
    let full = v
        .iter()
        .filter(|(x0, x1, n)| *n >= u.prose_line_min_words && x1 - x0 >= u.prose_fill * widest)
        .count();
    let at_left = v
        .iter()
        .filter(|p| p.0 - left <= u.prose_left_slack)
        .count();
    full as f64 >= u.prose_column_fraction * v.len() as f64
        && (!flush_left || 2 * at_left >= v.len())
}
