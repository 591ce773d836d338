//! Action cards: a plan printed one small two-column table per action ("Action 1.1  Put
//! support teams into every school" across the top, then "Lead | …", "Milestones | …",
//! "RAG rating | …" rows). A card is the row of a plan table turned on its side; this step
//! turns it back — its labels become a header row, its values one action row — so the rest
//! of the reader takes it like any plan table, and a run of cards with one set of labels is
//! one plan whose group headings sit between them.

use super::columns::{self, Col};
use super::text;
use super::Context;
use crate::table::{Cell, CellLine, Paragraph, Part, Table};

/// A card's labels name its values' roles: at least this many do, one of them who, when or
/// status.
const MIN_NAMED_LABELS: usize = 2;

/// `t` as a one-action plan table (header row, action row) when it is an action card: two
/// columns; a title row across both opening with the action's reference ("Action 1.1 …",
/// "1.1 …") or a label naming the action; label cells of header length, at least
/// [`MIN_NAMED_LABELS`] of them naming a role and one naming who, when or status; with no
/// numbered title, at least half the labels naming a role. `None` for any other table (a
/// report's "Meeting | Cabinet" front sheet names no action, and a cover sheet whose
/// "Recommendation" is one label among many is no card).
pub fn transpose(t: &Table, cx: &Context) -> Option<Table> {
    if t.n_cols != 2 || t.n_rows < 3 {
        return None;
    }
    let index = t.index();
    let title = t
        .row_cells(0)
        .into_iter()
        .find(|c| c.col == 0 && c.col_span == 2 && !c.is_empty());
    let first = usize::from(title.is_some());
    let mut labels: Vec<(&Cell, Option<&Cell>, Col)> = Vec::new();
    for r in first..t.n_rows {
        let cells = index.row_cells(r);
        let label = cells
            .iter()
            .find(|c| c.row == r && c.col == 0 && c.col_span == 1)?;
        let value = cells.iter().find(|c| c.row == r && c.col == 1).copied();
        let heading = text::collapse(&label.text());
        if heading.is_empty() || heading.split_whitespace().count() > cx.settings.max_header_words {
            return None;
        }
        // A cell printing its value after its label's colon ("Owner: Jo Bell") is a label
        // line of a card set as text (cards side by side: [`super::card_grid`]), no label cell.
        if heading
            .split_once(':')
            .is_some_and(|(_, value)| !value.trim().is_empty())
        {
            return None;
        }
        let role = match cx.profile.role_of(&heading) {
            Some(_) => Col::Field,
            None => columns::by_header(&heading).map_or(Col::Field, |(c, _, _)| c),
        };
        labels.push((label, value, role));
    }
    let named = labels.iter().filter(|(.., c)| *c != Col::Field).count();
    let dated = labels
        .iter()
        .any(|(.., c)| matches!(c, Col::Lead | Col::Date | Col::Milestones | Col::Rag));
    let action_label = labels.iter().any(|(.., c)| *c == Col::Action);
    if named < MIN_NAMED_LABELS || !dated {
        return None;
    }
    // With no numbered title, the action is only one label among the rest: a card then
    // names a role with most of its labels. A report's cover sheet ("Meeting | Agenda item |
    // Report title | Report author | Purpose | Recommendation") names one now and then.
    if action_label && title.and_then(|c| titled(&c.text())).is_none() && named * 2 < labels.len() {
        return None;
    }
    // The title row: the reference and the action, unless a label row holds the action;
    // then the title is kept as a field of its own.
    let opened = if action_label {
        None
    } else {
        let c = title?;
        Some((c, titled(&c.text())?))
    };
    let mut cells = Vec::new();
    let mut col = 0;
    let push = |heading: Cell, value: Option<Cell>, cells: &mut Vec<Cell>, col: &mut usize| {
        cells.push(Cell {
            row: 0,
            col: *col,
            row_span: 1,
            col_span: 1,
            ..heading
        });
        if let Some(v) = value {
            cells.push(Cell {
                row: 1,
                col: *col,
                row_span: 1,
                col_span: 1,
                ..v
            });
        }
        *col += 1;
    };
    match (opened, title) {
        (Some((c, (number, action))), _) => {
            if let Some(n) = number {
                push(worded("Ref", c), Some(worded(&n, c)), &mut cells, &mut col);
            }
            push(
                worded("Action", c),
                Some(stripped(c, &action)),
                &mut cells,
                &mut col,
            );
        }
        (None, Some(c)) => push(worded("Title", c), Some(c.clone()), &mut cells, &mut col),
        (None, None) => {}
    }
    for (label, value, _) in &labels {
        push(
            (*label).clone(),
            value.map(|v| (*v).clone()),
            &mut cells,
            &mut col,
        );
    }
    let parts = |rows: &[Vec<Part>]| -> Vec<Part> {
        let mut out: Vec<Part> = Vec::new();
        for p in rows.iter().flatten() {
            match out.iter_mut().find(|o| o.page == p.page) {
                Some(o) => o.bbox = o.bbox.union(&p.bbox),
                None => out.push(*p),
            }
        }
        out
    };
    Some(Table {
        pages: t.pages.clone(),
        bbox: t.bbox,
        header_rows: 1,
        n_rows: 2,
        n_cols: col,
        cells,
        rows: vec![
            parts(t.rows.get(..1).unwrap_or_default()),
            parts(t.rows.get(first..).unwrap_or_default()),
        ],
        ruled: t.ruled,
    })
}

/// A card's title read as a reference and an action: "Action 1.1  Put …" (a label word and
/// a reference), "1.1 Put …" (a reference); a title with neither is the action whole only
/// when it is a sentence of two words or more. `None` when it names no action.
fn titled(s: &str) -> Option<(Option<String>, String)> {
    let s = text::collapse(s);
    let words: Vec<&str> = s.split(' ').collect();
    let numbered = |w: &str| text::is_reference(w) && w.chars().any(|c| c.is_ascii_digit());
    let (number, rest) = match words.as_slice() {
        [label, n, rest @ ..]
            if label.chars().all(char::is_alphabetic) && numbered(n) && !rest.is_empty() =>
        {
            (Some(text::reference(n)), rest)
        }
        [n, rest @ ..] if numbered(n) && !rest.is_empty() => (Some(text::reference(n)), rest),
        _ => return None,
    };
    let rest = rest.join(" ");
    let rest = rest
        .trim_start_matches([':', '–', '-', '.'])
        .trim()
        .to_string();
    (!rest.is_empty()).then_some((number, rest))
}

/// A cell holding only `s`, where `like` is printed: a heading or reference the card prints
/// inside its title.
fn worded(s: &str, like: &Cell) -> Cell {
    Cell {
        row: 0,
        col: 0,
        row_span: 1,
        col_span: 1,
        paragraphs: vec![Paragraph {
            text: s.to_string(),
            bullet: false,
            fill: None,
            lines: Vec::new(),
        }],
        fill: None,
        marks: Vec::new(),
        parts: like.parts.clone(),
    }
}

/// The title cell `c` holding only its action text `action` (the label and reference before
/// it left out): its paragraphs after the first kept, the first line's words cut alike.
fn stripped(c: &Cell, action: &str) -> Cell {
    let mut out = c.clone();
    let mut paragraphs = out.paragraphs.into_iter();
    let Some(first) = paragraphs.next() else {
        return worded(action, c);
    };
    // The words of the label and reference, cut from the first line.
    let count = |s: &str| s.split_whitespace().count();
    let cut = count(&first.text).saturating_sub(count(action));
    let lines: Vec<CellLine> = first
        .lines
        .iter()
        .enumerate()
        .map(|(i, l)| CellLine {
            text: if i == 0 {
                l.text
                    .split_whitespace()
                    .skip(cut)
                    .collect::<Vec<_>>()
                    .join(" ")
            } else {
                l.text.clone()
            },
            ..l.clone()
        })
        .collect();
    let mut kept = vec![Paragraph {
        text: action.to_string(),
        lines,
        ..first
    }];
    kept.extend(paragraphs);
    out.paragraphs = kept;
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn card(title: Option<&str>, rows: &[(&str, &str)]) -> Table {
        let mut cells = Vec::new();
        if let Some(t) = title {
            let mut c = crate::table::text_cell(0, 0, 1, t);
            c.col_span = 2;
            cells.push(c);
        }
        let first = usize::from(title.is_some());
        for (i, (label, value)) in rows.iter().enumerate() {
            cells.push(crate::table::text_cell(first + i, 0, 1, label));
            cells.push(crate::table::text_cell(first + i, 1, 1, value));
        }
        Table {
            pages: vec![1],
            bbox: crate::geom::Rect::default(),
            header_rows: 1,
            n_rows: first + rows.len(),
            n_cols: 2,
            cells,
            rows: Vec::new(),
            ruled: true,
        }
    }

    #[test]
    fn a_card_is_a_row_of_a_plan_turned_on_its_side() {
        let profile = crate::paper::profile::Profile::default();
        let settings = crate::paper::PaperSettings::default();
        let colour = |_: u32, _: crate::geom::Rect| None;
        let cx = Context {
            profile: &profile,
            settings: &settings,
            text_colour: &colour,
            measure: &|_, _| Vec::new(),
            title_page: None,
        };
        let t = card(
            Some("Action 1.1  Put mental health teams into every school."),
            &[
                ("Lead", "Mental Health Commissioner"),
                (
                    "Milestones",
                    "Teams in 12 schools – Complete – September 2025",
                ),
                ("RAG rating", "Green"),
            ],
        );
        let turned = transpose(&t, &cx).map(|t| t.grid());
        assert_eq!(
            turned,
            Some(
                vec![
                    vec!["Ref", "Action", "Lead", "Milestones", "RAG rating"],
                    vec![
                        "1.1",
                        "Put mental health teams into every school.",
                        "Mental Health Commissioner",
                        "Teams in 12 schools – Complete – September 2025",
                        "Green"
                    ]
                ]
                .into_iter()
                .map(|r| r.into_iter().map(String::from).collect::<Vec<_>>())
                .collect()
            )
        );
        // A label row naming the action: the title is kept as a field.
        let t = card(
            Some("Children and young people"),
            &[
                ("Action", "Train school staff in trauma-informed practice"),
                ("Lead", "Educational Psychology"),
                ("Target date", "April 2026"),
            ],
        );
        let turned = transpose(&t, &cx).map(|t| t.grid());
        assert_eq!(
            turned.as_ref().and_then(|g| g.first().cloned()),
            Some(vec![
                "Title".to_string(),
                "Action".into(),
                "Lead".into(),
                "Target date".into()
            ])
        );
        // A report's front sheet names no action: no card.
        let t = card(
            None,
            &[
                ("Meeting", "Cabinet"),
                ("Date", "20 January 2026"),
                ("Report of", "Director of Place"),
                ("Wards", "All"),
            ],
        );
        assert!(transpose(&t, &cx).is_none());
        // A cover sheet with a recommendation and an executive lead among its labels: most
        // of its labels name no role, so it is no card.
        let t = card(
            None,
            &[
                ("Meeting", "Board of Directors"),
                ("Date", "27 November 2025"),
                ("Agenda item", "12"),
                ("Report title", "Annual equality assessment"),
                ("Executive lead", "Dr Ann Lee, Chief People Officer"),
                ("Report author", "Tom Ash, Equality Lead"),
                ("Purpose of the report", "For assurance"),
                (
                    "Recommendation",
                    "The Board is asked to note the assessment.",
                ),
            ],
        );
        assert!(transpose(&t, &cx).is_none());
        // Nor does a title row with no reference.
        let t = card(
            Some("Meeting details"),
            &[("Lead officer", "Jo Smith"), ("Date", "20 January 2026")],
        );
        assert!(transpose(&t, &cx).is_none());
    }

    #[test]
    fn a_card_title_is_a_reference_and_an_action() {
        assert_eq!(
            titled("Action 1.1  Put teams into every secondary school."),
            Some((
                Some("1.1".to_string()),
                "Put teams into every secondary school.".to_string()
            ))
        );
        assert_eq!(
            titled("2.3 – Train school staff"),
            Some((Some("2.3".to_string()), "Train school staff".to_string()))
        );
        assert_eq!(titled("Meeting details"), None);
        assert_eq!(titled("Action 4"), None);
    }
}
