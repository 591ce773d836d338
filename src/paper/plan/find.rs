//! Finding plans: a plan table's header row (among its first rows) names an action column and
//! at least one of who, when or status/progress, and its body rows read as actions. Tables of
//! figures, contact lists, glossaries and registers are refused by their content and header
//! words, each refusal with its reason.

use super::columns::{self, Col, Columns};
use super::text;
use super::Context;
use crate::table::Table;

/// Header words of tables that are not plans, and what such a table is.
const NOT_PLAN_HEADERS: &[(&[&str], &str)] = &[
    (
        &[
            "email",
            "e-mail",
            "telephone",
            "phone",
            "tel",
            "mobile",
            "extension",
        ],
        "a contact list",
    ),
    (
        &[
            "definition",
            "meaning",
            "acronym",
            "abbreviation",
            "glossary",
        ],
        "a glossary",
    ),
    (
        &["attended", "apologies", "attendance"],
        "an attendance register",
    ),
];

/// Header words of figures; two columns of them make a finance table.
const FIGURE_HEADERS: &[&str] = &[
    "budget",
    "outturn",
    "variance",
    "forecast",
    "actual",
    "spend",
    "cost",
    "income",
    "total",
    "baseline",
    "£",
    "£000",
    "£k",
    "value",
    "amount",
    "score",
    "count",
    "likelihood",
];

/// Why no row among the first `search` is a plan's header: the row whose cells name the most
/// roles, what each of its cells names, and what it lacks (an action column; a who, when or
/// status column).
fn no_header(t: &Table, search: usize, cx: &Context) -> String {
    let best = (0..search)
        .map(|r| (r, columns::from_header(t, r, cx.profile)))
        .max_by_key(|(r, c)| {
            let named = c.list.iter().filter(|k| k.col != Col::Field).count();
            (named, std::cmp::Reverse(*r))
        });
    let head = format!(
        "no header row among the first {search} names an action column and a who, when or \
         status column"
    );
    let Some((r, cols)) = best else {
        return head;
    };
    let named: Vec<String> = cols
        .list
        .iter()
        .filter(|k| k.col != Col::Field)
        .map(|k| format!("{:?} → {}", k.heading, k.col.name()))
        .collect();
    if named.is_empty() {
        return format!("{head} (first row: {:?})", cols.headings());
    }
    let lacks = if cols.first(Col::Action).is_none() {
        "no action column"
    } else {
        "no who, when or status column"
    };
    format!("{head}; row {r} names {}, but {lacks}", named.join(", "))
}

/// The header row and columns of a plan table, or why the table is not one.
pub fn plan_header(t: &Table, cx: &Context) -> Result<(usize, Columns), String> {
    let search = t.n_rows.min(cx.settings.max_header_rows);
    let Some((hr, mut cols)) = (0..search)
        .find_map(|r| {
            let cols = columns::from_header(t, r, cx.profile);
            // A cell naming a role is a heading, not a sentence of the body that happens to hold
            // a header word ("… clear the backlog of remedial actions.").
            let headings = cols
                .list
                .iter()
                .filter(|c| c.col != Col::Field)
                .all(|c| c.heading.split_whitespace().count() <= cx.settings.max_header_words);
            (headings && columns::names_a_plan(&cols)).then_some((r, cols))
        })
        .or_else(|| {
            // No header names the action column: one beside two who/when/status columns whose
            // cells are sentences is.
            (0..search).find_map(|r| {
                let mut cols = columns::from_header(t, r, cx.profile);
                columns::action_by_content(t, r, &mut cols, cx.settings.action_prose_words)
                    .then_some((r, cols))
            })
        })
    else {
        return Err(no_header(t, search, cx));
    };
    for (words, kind) in NOT_PLAN_HEADERS {
        if let Some(c) = cols.list.iter().find(|c| {
            let w = columns::words(&c.heading);
            !w.is_empty() && w.iter().any(|x| words.contains(&x.as_str()))
        }) {
            return Err(format!("{kind} (header {:?})", c.heading));
        }
    }
    let figures = cols
        .list
        .iter()
        .filter(|c| {
            columns::words(&c.heading)
                .iter()
                .any(|x| FIGURE_HEADERS.contains(&x.as_str()))
                || c.heading.contains('£')
        })
        .count();
    if figures >= 2 {
        return Err(format!(
            "a table of figures ({figures} columns of amounts by header)"
        ));
    }
    super::subheader::read(t, hr, &mut cols, cx.profile);
    let cells = t.index();
    let body: Vec<usize> = (hr + cols.header_rows..t.n_rows)
        .filter(|&r| cells.row_cells(r).iter().any(|c| !c.is_empty()))
        .collect();
    if body.is_empty() {
        return Err("a header and no rows".into());
    }
    columns::check(
        t,
        &body,
        &mut cols,
        cx.profile,
        cx.settings.pale_fill_saturation,
    );
    cols.pitch = columns::wrap_pitch(t, cx.settings.entry_pitch_jump);
    let Some(action) = cols.first(Col::Action) else {
        return Err("no column holds the actions".into());
    };
    // Figures: most cells outside the reference and date columns are numbers.
    let (mut filled, mut numbers) = (0usize, 0usize);
    for &r in &body {
        for c in cells.row_cells(r) {
            let role = cols.list.get(c.col).map(|k| k.col);
            if c.is_empty() || matches!(role, Some(Col::Number | Col::Date)) {
                continue;
            }
            filled += 1;
            numbers += usize::from(text::is_numeric(&c.text()));
        }
    }
    if filled > 0 && numbers as f64 > cx.settings.max_numeric_share * filled as f64 {
        return Err(format!(
            "a table of figures ({numbers} of {filled} cells are numbers)"
        ));
    }
    let actions = body
        .iter()
        .filter(|&&r| {
            columns::starts(&cells, r, action).is_some_and(|c| {
                let s = text::collapse(&c.text());
                s.split(' ').count() >= cx.settings.min_action_words && !text::is_numeric(&s)
            })
        })
        .count();
    if actions == 0 {
        return Err(format!(
            "no row reads as an action (none of the {:?} cells has {} words or more)",
            cols.list
                .get(action)
                .map(|c| c.heading.as_str())
                .unwrap_or(""),
            cx.settings.min_action_words
        ));
    }
    Ok((hr, cols))
}
