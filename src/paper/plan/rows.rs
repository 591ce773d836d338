//! Rows to hierarchy: each body row is a group row (one text across the table, or alone in a
//! leading column), an action, the rest of the action above, or skipped. A group row's level
//! comes from its form (label word and numbering depth; bold and fill when unlabelled) in the
//! order met; leading group columns come inside the full-width levels, left to right.
//! Outermost → priorities, next → areas, the third → the action's group; missing levels are
//! implied.

use super::super::model::{Action, Area, Group, Plan, Priority};
use super::action;
use super::columns::{self, Col, Columns};
use super::explain::RowExplain;
use super::group::{self, Form, GroupText};
use super::sub_rows;
use super::subheader;
use super::text;
use super::{Context, Unplaced, UnplacedRow};
use crate::table::{Cell, CellIndex, CellLine, Table};
use rayon::prelude::*;

/// What the reader carries from row to row of one plan (across the tables it continues in).
#[derive(Debug, Default)]
pub struct State {
    /// Forms of full-width group rows, in the order met: the index is the level.
    forms: Vec<Form>,
    /// The third level in force.
    group: Option<Group>,
    /// The deepest level opened and whether an action followed it.
    open: Option<(usize, bool)>,
    /// Actions numbered by counting.
    implied: u32,
}

/// Forms a profile's patterns give: fixed at levels 0 and 1.
const PROFILE_PRIORITY: &str = "\u{0}priority";
const PROFILE_AREA: &str = "\u{0}area";

impl State {
    fn level(&mut self, form: &Form) -> usize {
        if form.word == PROFILE_PRIORITY {
            return 0;
        }
        if form.word == PROFILE_AREA {
            return 1;
        }
        let fixed = usize::from(self.forms.iter().any(|f| f.word == PROFILE_PRIORITY))
            + usize::from(self.forms.iter().any(|f| f.word == PROFILE_AREA));
        match self
            .forms
            .iter()
            .filter(|f| !f.word.starts_with('\u{0}'))
            .position(|f| f == form)
        {
            Some(i) => fixed + i,
            None => {
                self.forms.push(form.clone());
                fixed
                    + self
                        .forms
                        .iter()
                        .filter(|f| !f.word.starts_with('\u{0}'))
                        .count()
                    - 1
            }
        }
    }

    fn note_profile(&mut self, form: &Form) {
        if form.word.starts_with('\u{0}') && !self.forms.contains(form) {
            self.forms.push(form.clone());
        }
    }

    fn full_width_levels(&self) -> usize {
        self.forms.len()
    }
}

/// A group cell read, by the profile's patterns first.
fn read_group(cell: &Cell, cx: &Context) -> GroupText {
    let text = text::collapse(&cell.text());
    if let Some(re) = &cx.profile.priority {
        if let Some(g) = group::by_pattern(re, &text, "title", PROFILE_PRIORITY) {
            return g;
        }
    }
    if let Some(re) = &cx.profile.area {
        if let Some(g) = group::by_pattern(re, &text, "outcome", PROFILE_AREA) {
            return g;
        }
    }
    group::read(cell)
}

fn next(n: impl Iterator<Item = u32>) -> u32 {
    n.max().unwrap_or(0).saturating_add(1)
}

fn implied_priority(plan: &mut Plan) {
    if plan.priorities.is_empty() {
        plan.priorities.push(Priority {
            number: 1,
            label: None,
            title: String::new(),
            improvement_areas: Vec::new(),
        });
    }
}

/// Open a group at `level`.
fn open(plan: &mut Plan, state: &mut State, level: usize, g: GroupText) {
    match level {
        0 => {
            let number = g
                .number
                .unwrap_or_else(|| next(plan.priorities.iter().map(|p| p.number)));
            plan.priorities.push(Priority {
                number,
                label: g.label,
                title: g.title,
                improvement_areas: Vec::new(),
            });
            state.group = None;
        }
        1 => {
            implied_priority(plan);
            if let Some(p) = plan.priorities.last_mut() {
                let number = g
                    .number
                    .unwrap_or_else(|| next(p.improvement_areas.iter().map(|a| a.number)));
                p.improvement_areas.push(Area {
                    number,
                    label: g.label,
                    outcome: g.title,
                    actions: Vec::new(),
                });
            }
            state.group = None;
        }
        _ => {
            state.group = Some(Group {
                label: g.label,
                number: g.number.map(|n| n.to_string()),
                title: g.title,
            });
        }
    }
    state.open = Some((level, false));
}

/// Open the group whose heading is printed over a table (one table per group); `None` when
/// the text is no group heading, else the level opened.
pub fn open_heading(plan: &mut Plan, state: &mut State, text: &str) -> Option<usize> {
    let g = group::heading(text)?;
    let level = state.level(&g.form);
    open(plan, state, level, g);
    Some(level)
}

/// Open the group whose unnumbered heading is printed over a table (a plan printed one
/// table per heading, "Housing supply"): counted in order, its title the heading; the level
/// of headings over tables, whatever rows inside the tables print. Returns the level.
pub fn open_plain(plan: &mut Plan, state: &mut State, text: &str) -> usize {
    let g = GroupText {
        label: None,
        number: None,
        title: text::collapse(text),
        form: Form {
            word: HEADING_OVER_TABLE.to_string(),
            depth: 0,
            bold: true,
            filled: false,
        },
    };
    let level = state.level(&g.form);
    open(plan, state, level, g);
    level
}

/// The form word of unnumbered headings over tables: no label word a row prints.
const HEADING_OVER_TABLE: &str = "\u{1}heading over a table";

/// An untitled group's title printed in the next row ("1. Identified improvement area:" at a
/// page foot, its outcome on the next page).
fn retitle(plan: &mut Plan, state: &mut State, title: String) -> bool {
    let Some((level, false)) = state.open else {
        return false;
    };
    let slot = match level {
        0 => plan.priorities.last_mut().map(|p| &mut p.title),
        1 => plan
            .priorities
            .last_mut()
            .and_then(|p| p.improvement_areas.last_mut())
            .map(|a| &mut a.outcome),
        _ => state.group.as_mut().map(|g| &mut g.title),
    };
    match slot {
        Some(t) if t.is_empty() => {
            *t = title;
            true
        }
        _ => false,
    }
}

/// Put an action in the current area (implying the levels the plan does not print).
fn place(plan: &mut Plan, state: &mut State, mut a: Action) {
    implied_priority(plan);
    if let Some(p) = plan.priorities.last_mut() {
        if p.improvement_areas.is_empty() {
            p.improvement_areas.push(Area {
                number: 1,
                label: None,
                outcome: String::new(),
                actions: Vec::new(),
            });
        }
        if let Some(area) = p.improvement_areas.last_mut() {
            a.group = state.group.clone();
            area.actions.push(a);
        }
    }
    if let Some((_, seen)) = state.open.as_mut() {
        *seen = true;
    }
}

fn last_action(plan: &mut Plan) -> Option<&mut Action> {
    plan.priorities
        .last_mut()?
        .improvement_areas
        .last_mut()?
        .actions
        .last_mut()
}

/// The one cell with text in row `r` that stands for a group row: across most of the table,
/// or alone left of the action column (and not a reference), when no group column holds it.
fn group_cell<'t>(t: &'t Table, cols: &Columns, cells: &[&'t Cell]) -> Option<&'t Cell> {
    let [c] = cells else { return None };
    // Across most of the table it is a group row, even when it starts in a group column.
    if c.col_span * 2 > t.n_cols {
        return Some(c);
    }
    let role = cols.list.get(c.col).map(|k| k.col);
    if role == Some(Col::Group) {
        return None;
    }
    let action = cols.first(Col::Action)?;
    let s = text::collapse(&c.text());
    // Alone in the action column, a labelled line ("Strand 1 – Starting well") heads a group
    // when the table's header was merged over the group column.
    let labelled_alone = c.col == action && cols.number_in_action && group::is_labelled(&s);
    ((c.col < action && !text::is_reference(&s) && s.split(' ').count() >= 2) || labelled_alone)
        .then_some(*c)
}

/// A summary row of a task list: its action cell wholly bold and a numbered group label
/// ("Stage 1: Discovery", with its own ID and dates beside it) over a plain action cell in
/// the row below. It is a group row, read from that cell.
fn summary_row<'t>(index: &CellIndex<'t>, r: usize, cols: &Columns) -> Option<&'t Cell> {
    let action = cols.first(Col::Action)?;
    let cell = columns::starts(index, r, action).filter(|c| c.col == action)?;
    let bold = |c: &Cell| {
        let mut lines = c.paragraphs.iter().flat_map(|p| p.lines.iter()).peekable();
        lines.peek().is_some() && lines.all(|l| l.bold)
    };
    if !bold(cell) {
        return None;
    }
    group::heading(&text::collapse(&cell.text()))?;
    let below = columns::starts(index, r + 1, action).filter(|c| c.col == action)?;
    (!bold(below)).then_some(cell)
}

/// A banner across the table the table stage cut at its column edges (an unruled, designed
/// plan: "01 | Buildings and Energy" on one coloured band): every slot of row `r` under one
/// fill that is not white, the row below not under it, text only up to the action column, and
/// that text bold or the band dark. It is read as one group cell spanning the row.
fn banner(index: &CellIndex, t: &Table, r: usize, cols: &Columns, dark: f64) -> Option<Cell> {
    let row = index.row_cells(r);
    let fill = row.first()?.fill.filter(|f| !f.is_white())?;
    let covered: usize = row.iter().map(|c| c.col_span).sum();
    if covered < t.n_cols || row.iter().any(|c| c.fill != Some(fill) || c.row_span != 1) {
        return None;
    }
    let below = index.row_cells(r + 1);
    if !below.is_empty() && below.iter().all(|c| c.fill == Some(fill)) {
        return None;
    }
    let action = cols.first(Col::Action)?;
    let texts: Vec<&&Cell> = row.iter().filter(|c| !c.is_empty()).collect();
    if texts.is_empty() || texts.iter().any(|c| c.col > action) {
        return None;
    }
    let lines = || {
        texts
            .iter()
            .flat_map(|c| c.paragraphs.iter())
            .flat_map(|p| p.lines.iter())
    };
    let bold = lines().any(|l| l.bold);
    if !bold && fill.luminance() > dark {
        return None;
    }
    let mut cell = (**texts.first()?).clone();
    for c in texts.iter().skip(1) {
        cell.paragraphs.extend(c.paragraphs.iter().cloned());
    }
    cell.col_span = t.n_cols.saturating_sub(cell.col).max(1);
    Some(cell)
}

/// The last line printed in each column for the action being read (what a row's first lines
/// may carry on).
struct LastLines(Vec<Option<CellLine>>);

impl LastLines {
    /// Note the last line of each cell that starts on row `r`.
    fn note(&mut self, cells: &CellIndex, r: usize) {
        for c in cells.row_cells(r).into_iter().filter(|c| c.row == r) {
            if let (Some(slot), Some(l)) = (
                self.0.get_mut(c.col),
                c.paragraphs.iter().flat_map(|p| p.lines.iter()).last(),
            ) {
                *slot = Some(l.clone());
            }
        }
    }

    fn clear(&mut self) {
        self.0.iter_mut().for_each(|s| *s = None);
    }

    /// Whether the first line of column `i` in row `r` is a wrapped line of the last one
    /// above: on the same page, at most the table's line pitch (and the entry jump) below it.
    fn wraps(&self, cells: &CellIndex, r: usize, i: usize, cols: &Columns, jump: f64) -> bool {
        let first = columns::starts(cells, r, i)
            .filter(|c| c.col == i)
            .and_then(|c| c.paragraphs.first())
            .and_then(|p| p.lines.first());
        match (self.0.get(i).and_then(Option::as_ref), first) {
            (Some(last), Some(first)) => {
                let h = last.bbox.height();
                cols.pitch.is_finite()
                    && h > 0.0
                    && last.page == first.page
                    && first.bbox.top > last.bbox.top
                    && first.bbox.top - last.bbox.top <= (cols.pitch + jump) * h
            }
            _ => false,
        }
    }

    /// Whether any column of role `col` wraps on row `r` (see [`LastLines::wraps`]).
    fn wraps_any(&self, cells: &CellIndex, r: usize, col: Col, cols: &Columns, jump: f64) -> bool {
        cols.all(col)
            .into_iter()
            .any(|i| self.wraps(cells, r, i, cols, jump))
    }
}

/// Every body row of a table read as an action before the rows are walked, a row per task:
/// most rows are actions, and reading them is most of a plan's reading. A row's number is
/// known only as the walk reaches it; it changes nothing else of what [`action::read`] reads,
/// except where the number is printed inside the action cell (then rows are read as reached).
struct ReadAhead {
    first: usize,
    actions: Vec<Option<Action>>,
}

impl ReadAhead {
    fn of(t: &Table, index: &CellIndex, first: usize, cols: &Columns, cx: &Context) -> ReadAhead {
        let actions = if cols.number_in_action {
            Vec::new()
        } else {
            (first..t.n_rows)
                .into_par_iter()
                .map(|r| Some(action::read(t, index, r, cols, Some(String::new()), cx)))
                .collect()
        };
        ReadAhead { first, actions }
    }

    /// Row `r` read as action `number` (`None`: none printed), as [`action::read`] reads it.
    fn action(
        &mut self,
        t: &Table,
        index: &CellIndex,
        r: usize,
        cols: &Columns,
        number: Option<String>,
        cx: &Context,
    ) -> Action {
        let ahead = r
            .checked_sub(self.first)
            .and_then(|k| self.actions.get_mut(k))
            .and_then(Option::take);
        match ahead {
            Some(mut a) => {
                a.number_implied = number.is_none();
                a.number = number.unwrap_or_default();
                a
            }
            None => action::read(t, index, r, cols, number, cx),
        }
    }
}

/// The outline references of the table's parents: every proper prefix of a reference in the
/// number column ("1" and "1.1" of "1.1.1"). A row printing one of them, with text only in
/// its number and action columns, heads the rows numbered under it (a plan numbered on three
/// levels, "1 | Digital residents" over "1.1 | Online services" over "1.1.1 | …").
fn outline_parents(
    index: &CellIndex,
    rows: std::ops::Range<usize>,
    number: Option<usize>,
) -> Vec<String> {
    let Some(n) = number else {
        return Vec::new();
    };
    let mut out: Vec<String> = Vec::new();
    for r in rows {
        let Some(c) = columns::starts(index, r, n).filter(|c| c.col == n) else {
            continue;
        };
        let reference = text::reference(&c.text());
        let parts: Vec<&str> = reference.split('.').collect();
        if parts.len() < 2
            || !parts
                .iter()
                .all(|p| !p.is_empty() && p.chars().all(|ch| ch.is_ascii_digit()))
        {
            continue;
        }
        for k in 1..parts.len() {
            let prefix = parts[..k].join(".");
            if !out.contains(&prefix) {
                out.push(prefix);
            }
        }
    }
    out
}

/// Read the body rows of one plan table (header at `hr`) into `plan`.
#[allow(clippy::too_many_arguments)]
pub fn read(
    t: &Table,
    hr: usize,
    cols: &Columns,
    plan: &mut Plan,
    state: &mut State,
    cx: &Context,
    unplaced: &mut Vec<Unplaced>,
    why: &mut Option<Vec<RowExplain>>,
) {
    let header: Vec<String> = cols.list.iter().map(|c| c.heading.clone()).collect();
    let number_col = cols.first(Col::Number);
    let action_col = cols.first(Col::Action);
    let group_cols = cols.all(Col::Group);
    let mut last = LastLines(vec![None; t.n_cols]);
    // The text of the group each leading group column last opened: a spreadsheet prints its
    // group on every row, and the same text on the next row carries the group on.
    let mut opened: Vec<Option<String>> = vec![None; group_cols.len()];
    let jump = cx.settings.entry_pitch_jump;
    // Slots looked up through an index: a plan joined across many pages is one long table.
    let index = t.index();
    let first_body = hr + cols.header_rows.max(1);
    let mut read_ahead = ReadAhead::of(t, &index, first_body, cols, cx);
    let parents = outline_parents(&index, first_body..t.n_rows, number_col);
    for r in first_body..t.n_rows {
        let page = t.rows.get(r).and_then(|p| p.first()).map_or(0, |p| p.page);
        let mut say = |s: String| {
            if let Some(w) = why.as_mut() {
                w.push(RowExplain {
                    row: r,
                    page,
                    reading: s,
                });
            }
        };
        let cells: Vec<&Cell> = index
            .row_cells(r)
            .into_iter()
            .filter(|c| !c.is_empty())
            .collect();
        if cells.is_empty() {
            say("skipped: empty".into());
            continue;
        }
        let texts: Vec<String> = (0..t.n_cols)
            .map(|i| {
                columns::starts(&index, r, i)
                    .filter(|c| c.col == i)
                    .map(|c| text::collapse(&c.text()))
                    .unwrap_or_default()
            })
            .collect();
        if texts.iter().zip(&header).all(|(a, b)| a == b) || subheader::repeats(&texts, cols) {
            say("skipped: the header repeated".into());
            continue;
        }
        let banner = banner(&index, t, r, cols, cx.settings.banner_dark_luminance);
        let group_row = group_cell(t, cols, &cells)
            .or(banner.as_ref())
            .or_else(|| summary_row(&index, r, cols));
        if let Some(c) = group_row {
            let g = read_group(c, cx);
            if g.label.is_none() && retitle(plan, state, g.title.clone()) {
                say("the title of the group above (printed in the next row)".into());
                continue;
            }
            state.note_profile(&g.form);
            let level = state.level(&g.form);
            say(format!(
                "group level {} ({}): {}, title {:?}",
                level + 1,
                level_name(level),
                printed(g.label.as_deref(), g.number),
                g.title
            ));
            open(plan, state, level, g);
            last.clear();
            opened.iter_mut().for_each(|o| *o = None);
            continue;
        }
        // Leading group columns whose cell starts on this row open their level.
        let base = state.full_width_levels();
        for (k, &gc) in group_cols.iter().enumerate() {
            if let Some(c) = columns::starts(&index, r, gc).filter(|c| !c.is_empty()) {
                let printed_text = text::collapse(&c.text());
                if opened
                    .get(k)
                    .is_some_and(|o| o.as_ref() == Some(&printed_text))
                {
                    say(format!(
                        "column {} carries on the group above (the same text repeated)",
                        gc + 1
                    ));
                    continue;
                }
                for (j, o) in opened.iter_mut().enumerate().skip(k) {
                    *o = (j == k).then(|| printed_text.clone());
                }
                let g = read_group(c, cx);
                let level = base + k;
                say(format!(
                    "opens group level {} ({}) from column {}: {}, title {:?}",
                    level + 1,
                    level_name(level),
                    gc + 1,
                    printed(g.label.as_deref(), g.number),
                    g.title
                ));
                open(plan, state, level, g);
            }
        }
        let at = |i: Option<usize>| i.and_then(|i| texts.get(i)).cloned().unwrap_or_default();
        // A heading repeated at a page top inside a broken row's cells is no content.
        let own = |i: Option<usize>| {
            let s = at(i);
            if i.and_then(|i| header.get(i)).is_some_and(|h| *h == s) {
                String::new()
            } else {
                s
            }
        };
        let mut number_text = own(number_col);
        let mut action_text = own(action_col);
        // A reference and its action printed in one merged cell: the reference opening it is
        // the number, the rest the action (all of it the action when no reference opens it).
        if super::spans::reference_with_action(&index, r, cols).is_some() {
            let all = std::mem::take(&mut number_text);
            match action::split_reference(&all) {
                Some((n, rest)) => (number_text, action_text) = (n, rest),
                None => action_text = all,
            }
        }
        // A cell merged across several role columns is read once, by the first it covers:
        // the others are left empty, and a warning says so.
        for (heading, empty) in super::spans::left_empty(&index, r, cols) {
            say(format!(
                "a cell read under {heading:?} also covers {empty:?}, left empty"
            ));
            unplaced.push(Unplaced {
                page,
                row: UnplacedRow::MergedAcross {
                    read_as: heading,
                    left_empty: empty,
                },
            });
        }
        let others = texts.iter().enumerate().any(|(i, s)| {
            !s.is_empty()
                && Some(i) != number_col
                && Some(i) != action_col
                && !group_cols.contains(&i)
        });
        let number = if number_text.is_empty() {
            None
        } else {
            match &cx.profile.action_number {
                Some(re) if !re.is_match(&number_text) => {
                    say(format!(
                        "skipped: the number cell {number_text:?} is no action number"
                    ));
                    unplaced.push(Unplaced {
                        page,
                        row: UnplacedRow::NoActionNumber {
                            number: number_text,
                        },
                    });
                    continue;
                }
                Some(_) => Some(number_text.clone()),
                None => Some(text::reference(&number_text)),
            }
        };
        // A row numbered as the parent of later rows' references, with no lead, date or
        // rating: an outline heading, a group row (its level by its numbering depth).
        if let Some(n) = number
            .as_ref()
            .filter(|n| !others && !action_text.is_empty() && parents.contains(n))
        {
            let g = GroupText {
                label: Some(n.clone()),
                number: n.rsplit('.').next().and_then(|x| x.parse().ok()),
                title: action_text.clone(),
                form: Form {
                    word: String::new(),
                    depth: u8::try_from(n.split('.').count()).unwrap_or(u8::MAX),
                    bold: false,
                    filled: false,
                },
            };
            let level = state.level(&g.form);
            say(format!(
                "group level {} ({}): the outline number {n:?} of the rows under it, title {:?}",
                level + 1,
                level_name(level),
                g.title
            ));
            open(plan, state, level, g);
            last.clear();
            opened.iter_mut().for_each(|o| *o = None);
            continue;
        }
        if action_text.is_empty() {
            if number.is_none() && others {
                if let Some(prev) = last_action(plan) {
                    let mut more = action::read(t, &index, r, cols, None, cx);
                    let heading = |s: &String| header.contains(s);
                    more.leads.retain(|s| !heading(s));
                    more.success_indicators.retain(|s| !heading(s));
                    more.impact_evidence.retain(|s| !heading(s));
                    more.milestones.retain(|m| !heading(&m.text));
                    more.rag.retain(|e| !heading(&e.text));
                    more.fields.retain(|f| f.text != f.heading);
                    if heading(&more.specific_action) {
                        more.specific_action.clear();
                    }
                    say(format!(
                        "the rest of action {} (no reference, no action text)",
                        prev.number
                    ));
                    let wrapped = |col: Col| last.wraps_any(&index, r, col, cols, jump);
                    action::extend_wrapped(prev, more, &wrapped, cx);
                    last.note(&index, r);
                } else {
                    say("skipped: cells with no action before any action".into());
                }
                continue;
            }
            if !others {
                if number.is_some() {
                    say("skipped: an empty template row (a reference only)".into());
                } else {
                    say("group cells only".into());
                }
                continue;
            }
        }
        // In a plan whose actions are numbered, a row with no reference whose action text is a
        // wrapped line of the action above (an unruled table cut at each line) carries it on.
        // Likewise the first row of a page with no reference, in a plan whose references are
        // printed: the rest of the action the page break cut.
        let referenced = number_col.is_some() || cols.number_in_action;
        let page_top = r > first_body
            && t.rows
                .get(r - 1)
                .and_then(|p| p.first())
                .is_some_and(|p| p.page < page);
        // An action cell opening with its own reference starts an action, however close below.
        let own_reference = cols.number_in_action
            && super::inline_number::opens_own(
                &action_text,
                last_action(plan).map(|a| a.number.as_str()),
            );
        let carries_on = number.is_none()
            && referenced
            && !own_reference
            && (page_top || action_col.is_some_and(|i| last.wraps(&index, r, i, cols, jump)));
        if carries_on {
            if let Some(prev) = last_action(plan).filter(|p| !p.number_implied) {
                let more = read_ahead.action(t, &index, r, cols, None, cx);
                let wrapped = |col: Col| last.wraps_any(&index, r, col, cols, jump);
                say(format!(
                    "the rest of action {} (its lines wrapped into this row)",
                    prev.number
                ));
                action::extend_wrapped(prev, more, &wrapped, cx);
                last.note(&index, r);
                continue;
            }
        }
        let mut a = read_ahead.action(t, &index, r, cols, number, cx);
        last.clear();
        last.note(&index, r);
        if a.number_implied {
            state.implied += 1;
            a.number = state.implied.to_string();
            say(format!(
                "action {} (no reference printed: counted)",
                a.number
            ));
        } else {
            say(format!("action {}", a.number));
        }
        if let Some(prev) = last_action(plan) {
            if sub_rows::take(prev, &a) {
                say(format!("a milestone of action {} (a sub-row)", prev.number));
                if a.number_implied {
                    // Not an action: its count goes back.
                    state.implied = state.implied.saturating_sub(1);
                }
                continue;
            }
        }
        place(plan, state, a);
    }
}

/// What a level becomes.
pub fn level_name(level: usize) -> &'static str {
    match level {
        0 => "priority",
        1 => "improvement area",
        _ => "action group",
    }
}

/// A group's label and number as the explanation prints them: `label "Theme B", number 2`,
/// `no label, counted`.
fn printed<N: std::fmt::Display>(label: Option<&str>, number: Option<N>) -> String {
    let label = label.map_or_else(|| "no label".to_string(), |l| format!("label {l:?}"));
    match number {
        Some(n) => format!("{label}, number {n}"),
        None => format!("{label}, counted"),
    }
}
