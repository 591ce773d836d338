//! One action row read into an [`Action`]: the action text, leads and indicators one per
//! paragraph or hand-broken line, milestones from the dated-work column (or the date columns
//! when they are the only dated work), RAG entries, and every column with no role kept as a
//! field.

use super::super::milestone;
use super::super::model::{Action, Field, Milestone, RagEntry};
use super::columns::{Col, Columns};
use super::leads;
use super::rag;
use super::spans;
use super::text;
use super::Context;
use crate::dates;
use crate::table::{Cell, CellIndex, Table};

/// Where a line is printed: page, top, height.
use super::rag::At;

/// One entry of a cell: its text and where its first line is printed (page, top, height).
#[derive(Debug, Clone)]
struct Entry {
    text: String,
    at: Option<(u32, f64, f64)>,
}

/// A cell's entries: each paragraph, split where a line was broken by hand.
fn entries(c: Option<&Cell>, cx: &Context, cols: &Columns, kind: text::Kind) -> Vec<Entry> {
    let Some(c) = c else { return Vec::new() };
    let reach = cols.reach.get(c.col).copied().unwrap_or(f64::NEG_INFINITY);
    let edge = text::text_edge(c, cx.settings.cell_padding, reach);
    let apart = cols.pitch + cx.settings.entry_pitch_jump;
    c.paragraphs
        .iter()
        .flat_map(|p| {
            text::entries(p, &edge, (reach, cx.measure), cols.ruled, kind, apart)
                .into_iter()
                .map(|(t, l)| Entry {
                    text: t,
                    at: Some((l.page, l.bbox.top, l.bbox.height())),
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Whether a milestone entry is a status word alone in brackets ("(ongoing)", "[Done]"),
/// printed as a paragraph of its own under the milestone it rates: a reader takes it with the
/// entry before it ("… opened (ongoing)").
fn status_alone(text: &str) -> bool {
    super::super::status_word::in_brackets(text.trim())
        .is_some_and(|b| b.at == 0 && b.rest.is_none())
}

/// Milestone entries with a status word alone ([`status_alone`]) joined to the entry before.
fn with_status_lines(entries: Vec<Entry>) -> Vec<Entry> {
    let mut out: Vec<Entry> = Vec::with_capacity(entries.len());
    for e in entries {
        match out.last_mut() {
            Some(last) if status_alone(&e.text) => crate::table::join_line(&mut last.text, &e.text),
            _ => out.push(e),
        }
    }
    out
}

fn texts(c: Option<&Cell>, cx: &Context, cols: &Columns, kind: text::Kind) -> Vec<String> {
    entries(c, cx, cols, kind)
        .into_iter()
        .map(|e| e.text)
        .collect()
}

/// The cell's paragraphs joined with "\n" (a list in one: its items on lines of their own).
fn paragraphs(c: Option<&Cell>) -> String {
    c.map(|c| {
        c.paragraphs
            .iter()
            .map(text::listed)
            .filter(|t| !t.is_empty())
            .collect::<Vec<_>>()
            .join("\n")
    })
    .unwrap_or_default()
}

/// The status word as printed, kept only when it is not the canonical word itself
/// ("Achieved" for Complete; "Complete" says nothing more).
fn printed_word(
    status: Option<super::super::vocab::Status>,
    word: Option<String>,
) -> Option<String> {
    let status = status?;
    let w = word?;
    let same = text::collapse(&w).eq_ignore_ascii_case(status.as_str())
        || w.to_lowercase().replace(['-', ' '], "")
            == status.as_str().to_lowercase().replace(' ', "");
    (!same).then_some(w)
}

/// Whether two printed positions are level (same page, tops within half a line).
fn level(a: Option<(u32, f64, f64)>, b: Option<(u32, f64, f64)>) -> bool {
    match (a, b) {
        (Some((pa, ta, ha)), Some((pb, tb, _))) => pa == pb && (ta - tb).abs() < 0.5 * ha.max(1.0),
        _ => false,
    }
}

/// A reference leading the action cell ("1.1.1 Train nursery staff …") when the header names
/// both.
pub fn split_reference(s: &str) -> Option<(String, String)> {
    let (first, rest) = s.trim().split_once(' ')?;
    // A list label ("b) Feedback …", the rest of a list broken over a page) is no reference.
    let numbered = first.chars().any(|c| c.is_ascii_digit());
    (numbered && text::is_reference(first))
        .then(|| (text::reference(first), rest.trim().to_string()))
}

/// A cell's first line when it is a rating alone printed in colour or on a coloured fill, with
/// more text under it: read as a RAG entry and taken out of the cell.
fn rating_opening(c: &mut std::borrow::Cow<Cell>, cx: &Context) -> Option<(RagEntry, At)> {
    let p = c.paragraphs.first()?;
    let line = p.lines.first()?;
    if (p.lines.len() < 2 && c.paragraphs.len() < 2) || !super::columns::is_rating(&line.text) {
        return None;
    }
    let alone = Cell {
        paragraphs: vec![crate::table::Paragraph {
            text: line.text.clone(),
            lines: vec![line.clone()],
            ..p.clone()
        }],
        ..c.as_ref().clone()
    };
    let entry = rag::entries(
        Some(&alone),
        cx.text_colour,
        cx.settings.pale_fill_saturation,
    )
    .into_iter()
    .next()
    .filter(|(e, _)| e.colour.is_some())?;
    let c = c.to_mut();
    if let Some(p) = c.paragraphs.first_mut() {
        p.lines.remove(0);
        let mut text = String::new();
        for l in &p.lines {
            crate::table::join_line(&mut text, &l.text);
        }
        p.text = text;
        if p.lines.is_empty() {
            c.paragraphs.remove(0);
        }
    }
    Some(entry)
}

/// Read row `r` as an action numbered `number` (`None`: counted, set by the caller); `cells`
/// is `t`'s index.
pub fn read(
    t: &Table,
    cells: &CellIndex,
    r: usize,
    cols: &Columns,
    number: Option<String>,
    cx: &Context,
) -> Action {
    // A cell merged across several role columns is read once, by the first it covers.
    let slot = |i: usize| spans::slot(cells, r, i, cols);
    let cell = |col: Col| cols.first(col).and_then(slot);
    // A reference and its action printed in one cell: the action is the text after the
    // reference (all of it when none opens it).
    let with_reference = spans::reference_with_action(cells, r, cols);
    let mut specific_action = match with_reference {
        Some(c) => {
            let all = paragraphs(Some(c));
            split_reference(&all).map_or(all, |(_, rest)| rest)
        }
        None => paragraphs(cell(Col::Action)),
    };
    // "Action and key milestones": the action's first paragraph, its list the milestones.
    let listed = cell(Col::Action)
        .filter(|c| {
            c.row == r && cols.milestones_in_action && cols.first(Col::Milestones).is_none()
        })
        .and_then(|c| {
            let dated = |t: &str| milestone::parse_with(t, cx.profile).date.is_some();
            super::action_list::split(c).or_else(|| {
                // No list: the cell's entries, lines broken by hand apart.
                let entries = entries(Some(c), cx, cols, text::Kind::Milestones)
                    .into_iter()
                    .map(|e| (e.text, e.at))
                    .collect();
                super::action_list::dated_entries(entries, &dated)
            })
        });
    if let Some(s) = &listed {
        specific_action = s.action.clone();
    }
    let mut number = number;
    if cols.number_in_action && number.is_none() {
        if let Some((n, rest)) = split_reference(&specific_action) {
            number = Some(n);
            specific_action = rest;
        }
    }
    // Every RAG column, left to right (ratings by period under one spanning heading).
    let rag_cols: Vec<Vec<(RagEntry, At)>> = cols
        .all(Col::Rag)
        .into_iter()
        .map(|i| rag::entries(slot(i), cx.text_colour, cx.settings.pale_fill_saturation))
        .collect();
    // A milestone is rated by the latest period's rating printed level with it.
    let latest = rag_cols.iter().rposition(|e| !e.is_empty()).unwrap_or(0);
    let mut rag_at: Vec<(RagEntry, At)> = Vec::new();
    let mut level_at: Vec<(RagEntry, At)> = Vec::new();
    for (k, entries) in rag_cols.into_iter().enumerate() {
        if k == latest {
            level_at.extend(entries.iter().cloned());
        }
        rag_at.extend(entries);
    }
    // With no RAG column, a rating printed in colour as the first paragraph of the progress
    // cell ("GREEN" over its dated updates) is the action's RAG, not a milestone.
    let mut progress = cell(Col::Milestones).map(std::borrow::Cow::Borrowed);
    if cols.first(Col::Rag).is_none() {
        if let Some(c) = progress.as_mut() {
            if let Some(entry) = rating_opening(c, cx) {
                level_at.push(entry.clone());
                rag_at.push(entry);
            }
        }
    }
    let (date_cols, date_cells): (Vec<usize>, Vec<&Cell>) = cols
        .all(Col::Date)
        .into_iter()
        .filter_map(|i| {
            slot(i)
                .filter(|c| c.row <= r && !c.is_empty())
                .map(|c| (i, c))
        })
        .unzip();
    let dates: Vec<Entry> = date_cells
        .iter()
        .map(|c| {
            let at = c
                .paragraphs
                .first()
                .and_then(|p| p.lines.first())
                .map(|l| (l.page, l.bbox.top, l.bbox.height()));
            Entry {
                text: text::collapse(&c.text()),
                at,
            }
        })
        .collect();
    let mut milestones: Vec<(Milestone, At)> = match cols.first(Col::Milestones) {
        None if listed.is_some() => listed
            .iter()
            .flat_map(|s| s.items.iter())
            .map(|(t, at)| (parsed_milestone(t, cx), *at))
            .collect(),
        // One column per period: each filled cell one milestone, in column order.
        Some(_) if cols.milestones_by_period => cols
            .all(Col::Milestones)
            .into_iter()
            .filter_map(|i| slot(i).filter(|c| c.row == r && !c.is_empty()))
            .map(|c| {
                let e = Entry {
                    text: text::collapse(&c.text()),
                    at: c
                        .paragraphs
                        .first()
                        .and_then(|p| p.lines.first())
                        .map(|l| (l.page, l.bbox.top, l.bbox.height())),
                };
                (parsed_milestone(&e.text, cx), e.at)
            })
            .collect(),
        Some(_) => with_status_lines(entries(
            progress.as_deref(),
            cx,
            cols,
            text::Kind::Milestones,
        ))
        .into_iter()
        .map(|e| {
            let parsed = milestone::parse_with(&e.text, cx.profile);
            (
                Milestone {
                    text: e.text,
                    status: parsed.status,
                    period: parsed.date.as_deref().and_then(dates::period),
                    date: parsed.date,
                    rag: None,
                    status_text: printed_word(parsed.status, parsed.status_text),
                },
                e.at,
            )
        })
        .collect(),
        // Each date cell is a milestone.
        None => date_milestones(&date_cells, &dates, cx, cols),
    };
    // A row whose milestone cell is empty: its date cells are its only dated work.
    let mut from_dates = cols.first(Col::Milestones).is_none() && listed.is_none();
    if milestones.is_empty() && !from_dates {
        milestones = date_milestones(&date_cells, &dates, cx, cols);
        from_dates = true;
    }
    // The date cells no milestone took (every one is a milestone when they are the only
    // dated work): kept as fields of the action, under their headings.
    let mut untaken: Vec<usize> = if from_dates {
        Vec::new()
    } else {
        date_cols.clone()
    };
    // Dates and status words printed one a line beside the milestones, each level with its
    // own ("Key milestones | Due | Progress"): each milestone takes the ones level with it.
    let mut statused: Vec<usize> = Vec::new();
    if !from_dates {
        if let Some((&i, c)) = date_cols.first().zip(date_cells.first()) {
            if let Some(pairs) = level_lines(&milestones, &lines_of(c), 2) {
                for (k, text) in pairs {
                    if let Some((m, _)) = milestones.get_mut(k).filter(|(m, _)| m.date.is_none()) {
                        m.period = dates::period(&text);
                        m.date = Some(text);
                    }
                }
                untaken.retain(|&u| u != i);
            }
        }
        for (i, k) in cols
            .list
            .iter()
            .enumerate()
            .filter(|(_, c)| c.col == Col::Field)
        {
            // A progress column beside the milestone column: one status line is enough.
            let progress = super::columns::by_header(&k.heading)
                .is_some_and(|(col, ..)| col == Col::Milestones);
            let Some(c) = slot(i).filter(|c| c.row == r && c.col == i) else {
                continue;
            };
            let lines = lines_of(c);
            if !lines.iter().all(|l| whole_status(&l.text)) {
                continue;
            }
            if let Some(pairs) = level_lines(&milestones, &lines, if progress { 1 } else { 2 }) {
                for (k, text) in pairs {
                    if let Some((m, _)) = milestones.get_mut(k).filter(|(m, _)| m.status.is_none())
                    {
                        let parsed = milestone::parse_with(&text, cx.profile);
                        m.status = parsed.status;
                        m.status_text = printed_word(parsed.status, parsed.status_text);
                    }
                }
                statused.push(i);
            }
        }
    }
    if !from_dates && untaken.len() == date_cols.len() {
        if let Some(k) = due_date_taker(&milestones, dates.len()) {
            if let (Some((m, _)), Some(d)) = (milestones.get_mut(k), dates.first()) {
                m.period = dates::period(&d.text);
                m.date = Some(d.text.clone());
                untaken.retain(|i| Some(i) != date_cols.first());
            }
        }
    }
    // Each RAG entry is level with at most one milestone: the first one. An entry with no
    // text (a cell coloured in) gives no milestone a rating's text.
    let rated: Vec<_> = level_at
        .iter()
        .filter(|(e, _)| !e.text.is_empty())
        .collect();
    for (entry, at) in &rated {
        if let Some((m, _)) = milestones
            .iter_mut()
            .find(|(m, mat)| m.rag.is_none() && level(*mat, *at))
        {
            m.rag = Some(entry.text.clone());
        }
    }
    // Milestones from the row's date columns share the row's one rating, set against the
    // first wherever it is printed in the row (a symbol centred in a tall row is level with
    // no date).
    if let (true, [(entry, _)], Some((first, _))) = (
        from_dates && milestones.iter().all(|(m, _)| m.rag.is_none()),
        rated.as_slice(),
        milestones.first_mut(),
    ) {
        first.rag = Some(entry.text.clone());
    }
    let fields = cols
        .list
        .iter()
        .enumerate()
        .filter(|(i, c)| (c.col == Col::Field && !statused.contains(i)) || untaken.contains(i))
        .filter_map(|(i, c)| {
            let cell = slot(i).filter(|c| c.row == r || (c.row < r && untaken.contains(&i)))?;
            let text = paragraphs(Some(cell));
            (!text.is_empty()).then(|| Field {
                heading: c.heading.clone(),
                text,
            })
        })
        .collect();
    let pages: Vec<u32> = cells
        .row_cells(r)
        .iter()
        .filter(|c| c.row == r && cols.list.get(c.col).is_none_or(|k| k.col != Col::Group))
        .flat_map(|c| {
            c.paragraphs
                .iter()
                .flat_map(|p| p.lines.iter().map(|l| l.page))
        })
        .collect();
    let rows = t.rows.get(r).cloned().unwrap_or_default();
    let first = pages
        .iter()
        .min()
        .copied()
        .or(rows.first().map(|p| p.page))
        .unwrap_or(0);
    let last = pages.iter().max().copied().unwrap_or(first);
    Action {
        number_implied: number.is_none(),
        number: number.unwrap_or_default(),
        specific_action,
        leads: cols
            .all(Col::Lead)
            .into_iter()
            .flat_map(|i| {
                leads::split_joined(text::split_posts(texts(
                    slot(i),
                    cx,
                    cols,
                    text::Kind::Leads,
                )))
            })
            .collect(),
        success_indicators: texts(cell(Col::Success), cx, cols, text::Kind::Plain),
        milestones: milestones.into_iter().map(|(m, _)| m).collect(),
        rag: rag_at.into_iter().map(|(e, _)| e).collect(),
        impact_evidence: texts(cell(Col::Impact), cx, cols, text::Kind::Plain),
        pages: [first, last],
        rows,
        group: None,
        fields,
    }
}

/// The row's date cells as its milestones, in column order: each cell one milestone whose text
/// and date are the date as printed; a cell holding several dated lines ("Draft plan:
/// December 2025" / "Actions complete: June 2026") one per line.
fn date_milestones(
    date_cells: &[&Cell],
    dates: &[Entry],
    cx: &Context,
    cols: &Columns,
) -> Vec<(Milestone, At)> {
    date_cells
        .iter()
        .zip(dates)
        .flat_map(|(c, d)| {
            let parts = entries(Some(c), cx, cols, text::Kind::Milestones);
            if parts.len() < 2 {
                return vec![(
                    Milestone {
                        text: d.text.clone(),
                        status: None,
                        date: Some(d.text.clone()),
                        rag: None,
                        period: dates::period(&d.text),
                        status_text: None,
                    },
                    d.at,
                )];
            }
            parts
                .into_iter()
                .map(|e| {
                    let date = milestone::parse_with(&e.text, cx.profile)
                        .date
                        .unwrap_or_else(|| e.text.clone());
                    (
                        Milestone {
                            period: dates::period(&date),
                            date: Some(date),
                            text: e.text,
                            status: None,
                            rag: None,
                            status_text: None,
                        },
                        e.at,
                    )
                })
                .collect()
        })
        .collect()
}

/// A cell's printed lines, each with where it is printed.
fn lines_of(c: &Cell) -> Vec<Entry> {
    c.paragraphs
        .iter()
        .flat_map(|p| p.lines.iter())
        .filter(|l| !l.text.trim().is_empty())
        .map(|l| Entry {
            text: l.text.trim().to_string(),
            at: Some((l.page, l.bbox.top, l.bbox.height())),
        })
        .collect()
}

/// Whether a line is a status word alone ("Complete", "Not started").
fn whole_status(line: &str) -> bool {
    let t = line.trim().trim_end_matches('.');
    super::super::status_word::at_end(t).is_some_and(|w| w.len() == t.len())
}

/// Lines printed one a line beside the milestones, `least` or more, each level with a milestone
/// of its own in order: (milestone index, line text) for each; `None` when a line is level
/// with none, or with the milestone of the line before.
fn level_lines(
    ms: &[(Milestone, At)],
    lines: &[Entry],
    least: usize,
) -> Option<Vec<(usize, String)>> {
    if lines.len() < least.max(1) {
        return None;
    }
    let mut out: Vec<(usize, String)> = Vec::with_capacity(lines.len());
    for l in lines {
        let k = ms.iter().position(|(_, at)| level(*at, l.at))?;
        if out.last().is_some_and(|(p, _)| *p >= k) {
            return None;
        }
        out.push((k, l.text.clone()));
    }
    Some(out)
}

/// Which milestone takes the row's date column (`dates` cells filled), when one does: a
/// single undated milestone takes the first date; with several milestones and one date
/// column, the date is when the action's work ends, so the last milestone takes it when it
/// prints no date of its own (earlier undated milestones stay undated).
fn due_date_taker(milestones: &[(Milestone, At)], dates: usize) -> Option<usize> {
    let last = milestones.len().checked_sub(1)?;
    let undated = milestones.get(last).is_some_and(|(m, _)| m.date.is_none());
    (undated && (last == 0 && dates > 0 || dates == 1)).then_some(last)
}

/// A milestone read from its printed text: its status and date set off in it.
fn parsed_milestone(text: &str, cx: &Context) -> Milestone {
    let parsed = milestone::parse_with(text, cx.profile);
    Milestone {
        text: text.to_string(),
        status: parsed.status,
        period: parsed.date.as_deref().and_then(dates::period),
        date: parsed.date,
        rag: None,
        status_text: printed_word(parsed.status, parsed.status_text),
    }
}

/// Join `more` to the end of `list`: its first entry carries on the last one (`wrapped`: a
/// wrapped line the table stage cut into another row), the rest follow.
fn carry_on(list: &mut Vec<String>, more: Vec<String>, wrapped: bool) {
    let mut more = more.into_iter();
    if wrapped {
        if let (Some(last), Some(first)) = (list.last_mut(), more.next()) {
            crate::table::join_line(last, &first);
        }
    }
    list.extend(more);
}

/// Add a row that carries on the action above (no reference, and no action text or the
/// action's wrapped lines: the rest of a row the table stage did not join, or the lines it cut
/// off the row above in an unruled table). `wrapped` says, per
/// role, whether the row's first line in that column is a wrapped line of the entry above (at
/// the table's line pitch) rather than a new paragraph: wrapped text joins the last entry (a
/// milestone read again), the rest are new entries.
pub fn extend_wrapped(a: &mut Action, more: Action, wrapped: &dyn Fn(Col) -> bool, cx: &Context) {
    if wrapped(Col::Action) {
        crate::table::join_line(&mut a.specific_action, &more.specific_action);
    } else if !more.specific_action.is_empty() {
        if !a.specific_action.is_empty() {
            a.specific_action.push('\n');
        }
        a.specific_action.push_str(&more.specific_action);
    }
    carry_on(&mut a.leads, more.leads, wrapped(Col::Lead));
    carry_on(
        &mut a.success_indicators,
        more.success_indicators,
        wrapped(Col::Success),
    );
    carry_on(
        &mut a.impact_evidence,
        more.impact_evidence,
        wrapped(Col::Impact),
    );
    let mut ms = more.milestones.into_iter();
    if wrapped(Col::Milestones) {
        if let (Some(last), Some(first)) = (a.milestones.last_mut(), ms.next()) {
            crate::table::join_line(&mut last.text, &first.text);
            let parsed = milestone::parse_with(&last.text, cx.profile);
            last.status = parsed.status;
            last.period = parsed.date.as_deref().and_then(dates::period);
            last.date = parsed.date.or(last.date.take());
            last.status_text = printed_word(parsed.status, parsed.status_text);
        }
    }
    a.milestones.extend(ms);
    let mut rag = more.rag.into_iter();
    if wrapped(Col::Rag) {
        if let (Some(last), Some(first)) = (a.rag.last_mut(), rag.next()) {
            crate::table::join_line(&mut last.text, &first.text);
            last.colour = last.colour.or(first.colour);
        }
    }
    a.rag.extend(rag);
    for f in more.fields {
        match a.fields.iter_mut().find(|g| g.heading == f.heading) {
            Some(g) if wrapped(Col::Field) => crate::table::join_line(&mut g.text, &f.text),
            _ => a.fields.push(f),
        }
    }
    a.pages[0] = a.pages[0].min(more.pages[0]);
    a.pages[1] = a.pages[1].max(more.pages[1]);
    a.rows.extend(more.rows);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(text: &str) -> Entry {
        Entry {
            text: text.to_string(),
            at: None,
        }
    }

    #[test]
    fn a_status_word_alone_joins_the_milestone_before() {
        let got: Vec<String> = with_status_lines(vec![
            entry("Two family hostels opened"),
            entry("(ongoing)"),
            entry("Third hostel bought"),
            entry("[Done]."),
            entry("Complete"),
            entry("(Sorted)"),
        ])
        .into_iter()
        .map(|e| e.text)
        .collect();
        assert_eq!(
            got,
            [
                "Two family hostels opened (ongoing)",
                "Third hostel bought [Done].",
                "Complete",
                "(Sorted)"
            ]
        );
        // Nothing before it: a milestone of its own.
        let alone: Vec<String> = with_status_lines(vec![entry("(ongoing)")])
            .into_iter()
            .map(|e| e.text)
            .collect();
        assert_eq!(alone, ["(ongoing)"]);
    }
}
