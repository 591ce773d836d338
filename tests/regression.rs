//! Regressions, each holding the input that once broke us.

use boardpaper::layout;
use boardpaper::pdf::{Document, OpenOptions};

use crate::common::fixture;

/// Open `fixtures/regression/{name}`; `what` says why it must open.
#[track_caller]
fn open(name: &str, what: &str) -> Document {
    Document::open(
        &fixture(&format!("regression/{name}")),
        &OpenOptions::default(),
    )
    .unwrap_or_else(|e| panic!("{what}: {e}"))
}

/// Issue 2 (found by tests/mutation.rs): a page-tree node with `/Count 4294967295` made
/// lopdf's page iterator ask for a 51 GB allocation and abort the process. The page list is
/// now collected with a bound, so the file opens and its pages read.
#[test]
fn issue_2_hostile_page_tree_count_does_not_abort() {
    let doc = open(
        "page-tree-count-4294967295.pdf",
        "the damaged tree still holds readable pages",
    );
    assert!(
        doc.page_count() >= 1 && doc.page_count() <= 21,
        "{}",
        doc.page_count()
    );
    let first = doc.page(1).expect("page 1 reads");
    assert!(!first.glyphs.is_empty());
}

/// Found by fuzz/ (target open_interpret, input kept as
/// `fixtures/regression/fuzz-layout-text-far-off-page.pdf`): page 3 drew words at
/// x = 5.8e8 pt, and `layout_text` padded each line with spaces up to that column (about
/// 100 million per line) until allocation failed and the process aborted (`text --layout`
/// exited 134). Columns are now capped, so a page lays out in bounded space.
///
/// The file's cross-reference table is damaged and what lopdf rebuilds from it depends on
/// the deflate backend in the build (with zlib-rs, which `zip` brings in, page 3 comes out
/// empty), so the far-off words are also laid out directly.
#[test]
fn fuzz_layout_text_far_off_page_does_not_abort() {
    use boardpaper::geom::{Pt, Rect};
    use boardpaper::pdf::{Direction, Glyph};
    let doc = open("fuzz-layout-text-far-off-page.pdf", "the fuzzed file opens");
    for n in 1..=doc.page_count() {
        if let Ok(page) = doc.page(n) {
            let text = layout::layout_text(&page.glyphs, &layout::Settings::default());
            let longest = text.lines().map(|l| l.chars().count()).max().unwrap_or(0);
            assert!(
                longest < 10_000,
                "page {n}: longest line {longest} characters"
            );
        }
    }
    let glyph = |c: char, x: f64, y: f64| Glyph {
        text: c.into(),
        bbox: Rect {
            x0: x,
            top: y - 9.5,
            x1: x + 5.0,
            bottom: y + 3.5,
        },
        origin: Pt::new(x, y),
        advance: 5.0,
        font: std::sync::Arc::from("F"),
        size: 10.0,
        direction: Direction::Ltr,
        colour: None,
        invisible: false,
        clip: None,
    };
    let mut glyphs = Vec::new();
    for (row, y) in [100.0, 120.0, 140.0].into_iter().enumerate() {
        glyphs.extend(
            "rating"
                .chars()
                .enumerate()
                .map(|(i, c)| glyph(c, 5.8e8 + 5.0 * i as f64, y)),
        );
        glyphs.extend(
            format!("row{row}")
                .chars()
                .enumerate()
                .map(|(i, c)| glyph(c, 72.0 + 5.0 * i as f64, y)),
        );
    }
    let text = layout::layout_text(&glyphs, &layout::Settings::default());
    let longest = text.lines().map(|l| l.chars().count()).max().unwrap_or(0);
    assert!(longest < 10_000, "longest line: {longest} characters");
    assert!(
        text.contains("rating") && text.contains("row2"),
        "the far-off words are kept: {text}"
    );
}

/// A plan printed by Chromium with rows allowed to break across pages
/// (`python3 benches/make_long_plan.py --priorities 1 --areas 3 --actions 6 --split-rows`):
/// the part of a row above a page break has its side rules but no rule under it, and the part
/// on the next page none over it. Before open rows were closed at the ends of their side
/// rules, the five cut rows (1.6, 2.2, 2.4, 3.2, 3.4) were lost without a warning; now every
/// action is read whole, its number once, across the break, and a paragraph cut by the break
/// (no full stop before it, lower case after it) stays one paragraph.
#[test]
fn rows_cut_by_page_breaks_without_rules_are_kept() {
    use boardpaper::pipeline;
    use boardpaper::settings::Settings;
    let doc = Document::open(
        &fixture("regression/chromium-rows-cut-by-page-breaks.pdf"),
        &OpenOptions::default(),
    )
    .unwrap();
    let paper = pipeline::read(&doc, &Settings::default()).unwrap();
    let plan = &paper.plans[0];
    let numbers: Vec<String> = plan.priorities[0]
        .improvement_areas
        .iter()
        .flat_map(|a| a.actions.iter().map(|x| x.number.clone()))
        .collect();
    let want: Vec<String> = (1..=3)
        .flat_map(|a| (1..=6).map(move |n| format!("{a}.{n}")))
        .collect();
    assert_eq!(numbers, want);
    let cut: Vec<_> = plan.priorities[0]
        .improvement_areas
        .iter()
        .flat_map(|a| &a.actions)
        .filter(|x| x.pages[0] != x.pages[1])
        .map(|x| x.number.as_str())
        .collect();
    assert_eq!(cut, ["1.6", "2.2", "2.4", "3.2", "3.4"]);
    // A milestone cut by the break is one milestone: the generator printed 62.
    let milestones: usize = plan.priorities[0]
        .improvement_areas
        .iter()
        .flat_map(|a| &a.actions)
        .map(|x| x.milestones.len())
        .sum();
    assert_eq!(milestones, 62);
    assert!(paper.warnings.is_empty(), "{:?}", paper.warnings);
}

/// Issue 19: clipped text was read as if printed. LibreOffice Calc
/// (`fixtures/regression/calc-clipped-cell.sh`) draws both lines of a task wrapped in a row
/// too low for it and clips the cell to its row, so "Transfer of services from" lies hidden
/// over the header row; read, it interleaved with the header "Task" letter by letter
/// ("SigniTTarasnksfer of services from"). The hidden line is no longer text (a page
/// warning counts it); the row keeps the visible part of its clipped cell ("Mobilisation")
/// and the next cells intact.
///
/// "Signi" is what Calc writes of the 14 pt "Significant Risks" cut at its narrow cell's
/// edge; it touches the next cell's "Task", and its last glyph carries its clip box
/// (`Glyph::clip`): the layout stage does not join words across a clip edge.
#[test]
fn issue_19_clipped_calc_cell_is_not_interleaved_with_the_next_row() {
    let doc = open("calc-clipped-cell.pdf", "the Calc export opens");
    let page = doc.page(1).expect("page 1 reads");
    let words = layout::words(&page.glyphs, &layout::Settings::default());
    let row = |first: &str| -> Vec<&str> {
        let baseline = words
            .iter()
            .find(|w| w.text == first)
            .map(|w| w.baseline)
            .unwrap_or(f64::NAN);
        words
            .iter()
            .filter(|w| (w.baseline - baseline).abs() < 1.0)
            .map(|w| w.text.as_str())
            .collect()
    };
    // "Signi" ends at its cell's clip edge and "Task" starts past it: two words.
    assert_eq!(row("Due"), ["Signi", "Task", "Due", "Owner", "Milestone"]);
    assert_eq!(
        row("Mobilisation"),
        [
            "1",
            "Mobilisation",
            "2021",
            "Team",
            "to",
            "make",
            "pay",
            "Milestone",
            "reached"
        ]
    );
    let clipped: Vec<_> = page
        .warnings
        .iter()
        .filter_map(|w| match w.kind {
            boardpaper::pdf::WarningKind::ClippedText { count, blank, .. } => Some((count, blank)),
            _ => None,
        })
        .collect();
    assert_eq!(clipped, [(26, 4)], "\"Transfer of services from \"");
}

/// A table's rows of cell texts, and its rows of cell fills as hex.
type GridAndFills = (Vec<Vec<String>>, Vec<Vec<Option<String>>>);

/// The grids and fills of the tables in `fixtures/regression/{name}`, one entry per table.
fn grids_and_fills(name: &str) -> Vec<GridAndFills> {
    crate::tables::tables_of(&format!("regression/{name}"))
        .iter()
        .map(|t| {
            let fills = (0..t.n_rows)
                .map(|r| {
                    (0..t.n_cols)
                        .map(|c| t.cell_at(r, c).and_then(|x| x.fill).map(|f| f.to_string()))
                        .collect()
                })
                .collect();
            (t.grid(), fills)
        })
        .collect()
}

/// The rows of a table as owned strings.
fn rows(rows: &[&[&str]]) -> Vec<Vec<String>> {
    rows.iter()
        .map(|r| r.iter().map(|s| s.to_string()).collect())
        .collect()
}

/// Issue 19: a slide table ruled between its rows and its columns and not at its sides (the
/// default borders of PowerPoint and Impress tables; `fixtures/regression/impress-inner-rules.fodp`
/// made with LibreOffice Impress). Its first and last columns lie outside every vertical rule;
/// they were dropped and the table came back as its middle column. The horizontal rules all run
/// on to the table's sides, and close the open columns there.
#[test]
fn issue_19_table_without_side_rules_keeps_its_outer_columns() {
    let got = grids_and_fills("impress-inner-rules.pdf");
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(
        got[0].0,
        rows(&[
            &["Priority", "Lead", "Progress"],
            &["Early help", "Children's services", "On track"],
            &["Housing", "Planning team", "Delayed"],
            &["Transport", "Highways", "Complete"],
        ])
    );
}

/// Issue 19: a slide table with a dark header, white body cells and a white grid
/// (`fixtures/regression/impress-white-grid.fodp`, LibreOffice Impress). The white rules show
/// over the header only; read as invisible, the body's first three columns were one. No word
/// crosses them, and the whole rule is the column's edge; the status cells keep their fills.
#[test]
fn issue_19_a_white_grid_seen_over_the_header_rules_the_body_too() {
    let got = grids_and_fills("impress-white-grid.pdf");
    assert_eq!(got.len(), 1, "{got:?}");
    let (grid, fills) = &got[0];
    assert_eq!(
        *grid,
        rows(&[
            &["What we are doing", "Owner", "Timescale", "Status"],
            &[
                "Run a residents conversation",
                "Assistant Chief Executive",
                "December 2025",
                "On track"
            ],
            &[
                "Agree the vision with partners",
                "Leader of the Council",
                "March 2026",
                "Some delay"
            ],
            &[
                "Set out a savings programme",
                "Director of Finance",
                "February 2026",
                "On track"
            ],
        ])
    );
    let status: Vec<Option<&str>> = fills
        .iter()
        .map(|r| r.get(3).and_then(|f| f.as_deref()))
        .collect();
    assert_eq!(
        status,
        [
            Some("#3A2C6B"),
            Some("#00B050"),
            Some("#FFC000"),
            Some("#00B050")
        ]
    );
}

/// Issue 19: a borderless table with rows 1, 3 and 5 shaded, each shaded cell bordered in its
/// own shade (`fixtures/regression/calc-banded-rows.fods`, LibreOffice Calc). The outlines made
/// each band a ruled one-row table and rows 2 and 4 were lost; they outline fills and rule
/// nothing else, so they are not rules, and the table is read whole from its alignment with
/// the bands as its shaded rows.
#[test]
fn issue_19_banded_rows_are_one_table() {
    let got = grids_and_fills("calc-banded-rows.pdf");
    assert_eq!(got.len(), 1, "{got:?}");
    let (grid, fills) = &got[0];
    assert_eq!(
        *grid,
        rows(&[
            &["Service", "Status", "Budget", "Forecast", "Variance"],
            &["Adult Social Care", "Over", "1200", "1350", "150"],
            &["Highways", "Under", "800", "760", "-40"],
            &["Libraries", "On budget", "300", "300", "0"],
            &["Waste", "Over", "950", "990", "40"],
        ])
    );
    let band = Some("#DBE5F1".to_string());
    for (r, row) in fills.iter().enumerate() {
        let want = if r % 2 == 0 { band.clone() } else { None };
        assert!(row.iter().all(|f| *f == want), "row {r}: {row:?}");
    }
}

/// Issue 19: a ruled table whose header and group rows are shaded and bordered in one dark
/// colour while the body is ruled in a light one (`fixtures/regression/chromium-dark-header.html`).
/// The dark borders outline only fills of their own colour, as banding does, but the body's
/// rules reach those fills: they are the table's own edges, and the header stays in the table.
#[test]
fn issue_19_dark_header_borders_stay_rules() {
    let got = grids_and_fills("chromium-dark-header.pdf");
    assert_eq!(got.len(), 1, "{got:?}");
    let (grid, fills) = &got[0];
    assert_eq!(
        *grid,
        rows(&[
            &["Ref", "Action", "Owner", "Due"],
            &["Theme 1: Housing", "", "", ""],
            &["1.1", "Build new homes", "Head of Housing", "March 2026"],
            &[
                "1.2",
                "Repair empty homes",
                "Empty Homes Officer",
                "June 2026"
            ],
            &["Theme 2: Transport", "", "", ""],
            &["2.1", "Resurface roads", "Highways Manager", "May 2026"],
        ])
    );
    let dark = Some("#203864".to_string());
    assert!(
        fills
            .first()
            .is_some_and(|row| row.iter().all(|f| *f == dark)),
        "{fills:?}"
    );
}

/// Issue 19: gradient cell fills drawn as stacks of thin strips, one per colour step, as
/// spreadsheet exports draw them (`fixtures/regression/gradient-strips.py`, reportlab). Each
/// strip is thinner than a rule; read as rules they cut every shaded cell into dozens of empty
/// rows. A stack of strips is a fill, and a cell takes the colour behind the top of its text
/// (the generator prints the strip under each text's top).
#[test]
fn issue_19_gradient_strips_are_one_fill() {
    let got = grids_and_fills("gradient-strips.pdf");
    assert_eq!(got.len(), 1, "{got:?}");
    let (grid, fills) = &got[0];
    assert_eq!(
        *grid,
        rows(&[
            &["Service", "Spend", "Status"],
            &["Libraries", "300", "On track"],
            &["Waste", "950", "Delayed"],
        ])
    );
    let hex = |s: &str| Some(s.to_string());
    assert_eq!(
        *fills,
        [
            [hex("#D0E3F4"), hex("#D0E3F4"), hex("#D0E3F4")],
            [None, None, hex("#CBE2BC")],
            [None, None, hex("#FFE8A2")],
        ]
    );
}

/// Issue 19 item 1: plan tables drawn with horizontal rules only, or none
/// (`fixtures/regression/horizontal-rules.py`, which holds the data typed here). An HTML
/// table ruled under every row keeps its title and subtitle out of its header.
#[test]
fn issue_19_row_rules_keep_the_title_out_of_the_header() {
    let got = grids_and_fills("chromium-row-rules.pdf");
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(
        got[0].0,
        rows(&[
            &["Ref", "Action", "Lead", "Due", "Status"],
            &[
                "1",
                "Open two new family hubs in the north of the borough.",
                "Head of Early Help",
                "March 2026",
                "On track"
            ],
            &[
                "2",
                "Recruit six more foster carers through the spring campaign.",
                "Fostering Manager",
                "June 2026",
                "At risk"
            ],
            &[
                "3",
                "Publish the school places plan after consulting every head teacher.",
                "Education Planning Lead",
                "May 2026",
                "Complete"
            ],
            &[
                "4",
                "Cut waiting times for speech therapy to twelve weeks.",
                "Health Partnerships Officer",
                "April 2026",
                "Delayed"
            ],
        ])
    );
}

/// Issue 19 item 1: a LaTeX booktabs table (rules above and under the header and between
/// themes only) printing each theme once beside its actions. Its wordy cells read as prose
/// and it was no table; then each theme's actions were one row. A row starts where several
/// columns start afresh at once, and the theme's cell spans its actions.
#[test]
fn issue_19_booktabs_rows_under_a_merged_theme() {
    let tables = crate::tables::tables_of("regression/latex-booktabs-merged.pdf");
    assert_eq!(tables.len(), 1);
    let t = &tables[0];
    assert_eq!(
        t.grid(),
        rows(&[
            &["Theme", "What we will do", "Lead officer", "Target date"],
            &[
                "Theme A: Safer streets",
                "Light every underpass in the town centre.",
                "Street Lighting Engineer",
                "July 2026"
            ],
            &[
                "",
                "Fund a night bus on Fridays and Saturdays.",
                "Transport Planner",
                "October 2026"
            ],
            &[
                "Theme B: Cleaner air",
                "Plant four hundred street trees.",
                "Tree Officer",
                "March 2027"
            ],
            &[
                "",
                "Add charging points at every council car park.",
                "Parking Services Manager",
                "December 2026"
            ],
        ])
    );
    let spans: Vec<usize> = [1, 3]
        .iter()
        .filter_map(|&r| t.cell_at(r, 0).map(|c| c.row_span))
        .collect();
    assert_eq!(spans, [2, 2], "each theme spans its two actions");
}

/// Issue 19 item 1: a LaTeX table with no rules, a title set larger above it, group headings
/// set larger across it and a reference column a little over a space wide. The title was
/// read as header, the references ran into the actions ("1.1.1 Buy back") and, once apart,
/// the column of "1.1.1"s read as a list.
#[test]
fn issue_19_unruled_plan_with_headings_and_narrow_references() {
    let got = grids_and_fills("latex-no-rules.pdf");
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(
        got[0].0,
        rows(&[
            &["Ref", "Action", "Lead", "Status"],
            &["Priority 1 Homes people can afford", "", "", ""],
            &[
                "1.1.1",
                "Buy back fifty former council homes.",
                "Housing Investment Lead",
                "On track"
            ],
            &[
                "1.1.2",
                "Bring empty flats above shops back into use.",
                "Empty Homes Officer",
                "Delayed"
            ],
            &["Priority 2 Warm and dry homes", "", "", ""],
            &[
                "2.1.1",
                "Insulate three hundred council homes each year.",
                "Retrofit Manager",
                "On track"
            ],
            &[
                "2.1.2",
                "Inspect every private rented home with damp reported.",
                "Private Sector Housing Lead",
                "At risk"
            ],
            &[
                "2.1.3",
                "Offer free boiler checks to tenants over seventy.",
                "Tenancy Services",
                "Complete"
            ],
        ])
    );
}

/// The marks in column `col` of table `t`, row by row from row 1: each as "shape #colour".
fn marks_in_column(t: &boardpaper::table::Table, col: usize) -> Vec<Vec<String>> {
    (1..t.n_rows)
        .map(|r| {
            t.cell_at(r, col)
                .map(|c| {
                    c.marks
                        .iter()
                        .map(|m| format!("{:?} {}", m.shape, m.colour))
                        .collect()
                })
                .unwrap_or_default()
        })
        .collect()
}

/// Issue 17: RAG printed as small filled vector shapes in the status cell (SVG circle, square,
/// triangle and diamond, and a CSS dot with `border-radius: 50%`, all printed by Chromium from
/// `fixtures/regression/chromium-rag-marks.html`): each cell carries its shapes as marks, with
/// their colours as the HTML gives them, in a ruled table and in a borderless one; no other
/// cell has marks (the header's shading and the table's rules are not marks).
#[test]
fn issue_17_rag_symbols_drawn_as_shapes_are_cell_marks() {
    let tables = crate::tables::tables_of("regression/chromium-rag-marks.pdf");
    assert_eq!(tables.len(), 2, "{tables:?}");
    let want = |rows: &[&[&str]]| -> Vec<Vec<String>> {
        rows.iter()
            .map(|r| r.iter().map(|s| s.to_string()).collect())
            .collect()
    };
    assert_eq!(
        marks_in_column(&tables[0], 3),
        want(&[
            &["Circle #00B050"],
            &["Circle #FFC000"],
            &["Square #FF0000"],
            &["Triangle #FFC000", "Diamond #0070C0"],
            &[],
        ])
    );
    assert_eq!(tables[0].grid()[2][3], "slipping");
    assert_eq!(
        marks_in_column(&tables[1], 2),
        want(&[
            &["Circle #FF0000"],
            &["Circle #00B050"],
            &["Circle #FFC000"]
        ])
    );
    let with_marks: Vec<usize> = tables
        .iter()
        .map(|t| t.cells.iter().filter(|c| !c.marks.is_empty()).count())
        .collect();
    assert_eq!(with_marks, [4, 3]);
}

/// Issue 17: a status word on a "pill" (a span with a background, rounded with curves or
/// plain, narrower than its cell; `fixtures/regression/chromium-status-pills.html`). The pill's
/// colour is the fill of the paragraph it lies behind (`Paragraph::fill`), not the cell's
/// background; the borderless table's pills gave no colour at all before.
#[test]
fn issue_17_status_pills_are_paragraph_fills() {
    let tables = crate::tables::tables_of("regression/chromium-status-pills.pdf");
    assert_eq!(tables.len(), 2, "{tables:?}");
    let fills = |t: &boardpaper::table::Table, col: usize| -> Vec<(String, Option<String>, bool)> {
        (1..t.n_rows)
            .filter_map(|r| t.cell_at(r, col))
            .map(|c| {
                let p = c.paragraphs.first();
                (
                    c.text(),
                    p.and_then(|p| p.fill).map(|f| f.to_string()),
                    c.fill.is_some(),
                )
            })
            .collect()
    };
    let row = |t: &str, f: Option<&str>| (t.to_string(), f.map(str::to_string), false);
    assert_eq!(
        fills(&tables[0], 2),
        [
            row("On track", Some("#00B050")),
            row("At risk", Some("#FFC000")),
            row("Off track", Some("#FF0000")),
            row("Not started", None),
        ]
    );
    assert_eq!(
        fills(&tables[1], 2),
        [
            row("Off track", Some("#FF0000")),
            row("On track", Some("#00B050")),
            row("Not started", None),
        ]
    );
}

/// Issue 19: where tables end (`fixtures/regression/chromium-table-boundaries.html`). A plan
/// printed as one table per heading, each heading at the top of a page, gives one table per
/// heading even though their columns and header are the same; a table under a header of its
/// own at the top of the next page is another table; that table runs on over a page break
/// with its header repeated and is one table. The running header printed on every page does
/// not separate anything.
#[test]
fn issue_19_headings_and_new_headers_end_tables() {
    let tables = crate::tables::tables_of("regression/chromium-table-boundaries.pdf");
    let got: Vec<(Vec<u32>, usize, Vec<String>)> = tables
        .iter()
        .map(|t| {
            (
                t.pages.clone(),
                t.n_rows,
                t.grid().first().cloned().unwrap_or_default(),
            )
        })
        .collect();
    let header = |h: &[&str]| h.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert_eq!(
        got,
        [
            (vec![1], 3, header(&["Ref", "Action", "Lead", "Due"])),
            (vec![2], 3, header(&["Ref", "Action", "Lead", "Due"])),
            (
                vec![3, 4],
                41,
                header(&["Code", "Measure", "Target", "Actual"])
            ),
        ]
    );
    assert_eq!(tables[1].grid()[1][0], "2.1");
    assert_eq!(tables[2].grid()[40][0], "M40");
}

/// Issue 19: an OCR program's output (`fixtures/regression/ocr-layer.py`): a scan under
/// invisible text (render mode 3). Over the image the invisible text is the page's text and
/// its table is read; the same text over no image (page 2) is hidden text, not read, and
/// counted: all 176 glyphs of the title and the table, 15 of them spaces.
#[test]
fn issue_19_invisible_text_is_read_only_over_a_scan() {
    let tables = crate::tables::tables_of("regression/ocr-layer.pdf");
    assert_eq!(tables.len(), 1, "{tables:?}");
    assert_eq!(tables[0].pages, [1]);
    assert_eq!(
        tables[0].grid(),
        rows(&[
            &["Action", "Lead", "Status"],
            &["Repair the library roof", "Estates Manager", "On track"],
            &["Replace the bus shelters", "Transport Manager", "Delayed"],
            &["Publish the annual report", "Policy Team", "Complete"],
        ])
    );
    let doc = open("ocr-layer.pdf", "the OCR layer opens");
    let scan = doc.page(1).expect("page 1 reads");
    let text: String = scan.glyphs.iter().map(|g| g.text.as_str()).collect();
    assert!(text.starts_with("Scanned progress table"), "{text}");
    let hidden = doc.page(2).expect("page 2 reads");
    assert!(hidden.glyphs.is_empty());
    let counted: Vec<_> = hidden
        .warnings
        .iter()
        .filter_map(|w| match w.kind {
            boardpaper::pdf::WarningKind::InvisibleText { count, blank } => Some((count, blank)),
            _ => None,
        })
        .collect();
    assert_eq!(counted, [(176, 15)]);
}

/// Issue 19: text the colour of what lies under it is not seen, so it is not read
/// (`fixtures/regression/chromium-white-text.html`, printed by Chromium). Unseen: a line of
/// white text on the page ("Draft figures not for publication", 33 glyphs, 4 spaces), a
/// white note in a white cell ("check with finance", 18 and 2) and an amber note in an amber
/// cell ("overspend hidden", 16 and 1): 67 glyphs, 7 blank, counted in one page warning. The
/// header, white on a dark fill, is seen and stays the header.
#[test]
fn issue_19_text_the_colour_of_its_background_is_not_read() {
    let got = grids_and_fills("chromium-white-text.pdf");
    assert_eq!(got.len(), 1, "{got:?}");
    let (grid, fills) = &got[0];
    assert_eq!(
        *grid,
        rows(&[
            &["Scheme", "Budget", "Forecast", "Status"],
            &["Library refit", "120", "118", "On track"],
            &["Depot roof", "340", "365", "Amber"],
            &["Cycle lanes", "75", "75", "On track"],
        ])
    );
    let dark = Some("#1F3864".to_string());
    assert!(
        fills
            .first()
            .is_some_and(|row| row.iter().all(|f| *f == dark)),
        "{fills:?}"
    );
    assert_eq!(
        fills.get(2).and_then(|row| row.get(3)),
        Some(&Some("#FFC000".to_string()))
    );
    let doc = open("chromium-white-text.pdf", "the Chromium page opens");
    let page = doc.page(1).expect("page 1 reads");
    let text: String = page.glyphs.iter().map(|g| g.text.as_str()).collect();
    for unseen in ["Draft", "finance", "overspend"] {
        assert!(!text.contains(unseen), "{unseen} in {text}");
    }
    let counted: Vec<_> = page
        .warnings
        .iter()
        .filter_map(|w| match w.kind {
            boardpaper::pdf::WarningKind::TextColourOfBackground { count, blank } => {
                Some((count, blank))
            }
            _ => None,
        })
        .collect();
    assert_eq!(counted, [(67, 7)]);
}

/// Issue 19: transparency (`fixtures/regression/alpha-text.py`, reportlab). "At risk", dark
/// red on a cell filled with that red at 25% opacity (pale pink), is seen and read; a line
/// filled with opacity 0 ("Internal note do not publish", 28 glyphs, 4 spaces) paints nothing:
/// not read, and counted with the invisible text.
#[test]
fn issue_19_transparent_text_and_fills() {
    let tables = crate::tables::tables_of("regression/alpha-text.pdf");
    assert_eq!(tables.len(), 1, "{tables:?}");
    assert_eq!(
        tables[0].grid(),
        rows(&[
            &["Scheme", "Budget", "Status"],
            &["Library refit", "120", "On track"],
            &["Depot roof", "340", "At risk"],
            &["Cycle lanes", "75", "On track"],
        ])
    );
    let (text, counted) = hidden_text("alpha-text.pdf");
    assert!(!text.contains("Internal"), "{text}");
    assert_eq!(counted, [(28, 4)]);
}

/// The text of page 1 of `fixtures/regression/{name}` (a reportlab page), and its warnings
/// of text not read: (glyphs, spaces) of invisible text, (glyphs, `usize::MAX`) of text the
/// colour of its background.
fn hidden_text(name: &str) -> (String, Vec<(usize, usize)>) {
    let doc = open(name, "the reportlab page opens");
    let page = doc.page(1).expect("page 1 reads");
    let text: String = page.glyphs.iter().map(|g| g.text.as_str()).collect();
    let counted = page
        .warnings
        .iter()
        .filter_map(|w| match w.kind {
            boardpaper::pdf::WarningKind::InvisibleText { count, blank } => Some((count, blank)),
            boardpaper::pdf::WarningKind::TextColourOfBackground { count, .. } => {
                Some((count, usize::MAX))
            }
            _ => None,
        })
        .collect();
    (text, counted)
}

/// Issue 19: a budget sheet drawn as Excel prints one (`fixtures/regression/band-rows.py`): a
/// header bar and total bars filled across the table with no rules at their sides or between
/// their columns. Each bar is a row, its figures in their columns; a label crossing a column
/// rule spans it. The table was read as two, without its header and totals.
#[test]
fn issue_19_header_and_total_bars_are_rows() {
    let got = grids_and_fills("band-rows.pdf");
    assert_eq!(got.len(), 1, "{got:?}");
    let (grid, fills) = &got[0];
    assert_eq!(
        *grid,
        rows(&[
            &["Category", "Scheme", "2025-26", "2026-27"],
            &["Policy", "Civil Society", "-200.0", "0.0"],
            &["Policy", "Waste review", "500.0", "0.0"],
            &["TOTAL POLICY", "", "300.0", "0.0"],
            &["Income", "Parking charges", "-50.0", "-10.0"],
            &[
                "TOTAL INCOME AND CHARGES FROM SERVICES",
                "",
                "-50.0",
                "-10.0"
            ],
        ])
    );
    let (red, purple) = (Some("#963634".to_string()), Some("#6600CC".to_string()));
    let first = |r: usize| fills.get(r).and_then(|row| row.first()).cloned().flatten();
    assert!(
        fills
            .first()
            .is_some_and(|row| row.iter().all(|f| *f == red)),
        "{fills:?}"
    );
    assert_eq!((first(3), first(5)), (red, purple));
}

/// Issue 17 (found on a held-out climate plan): an unruled table as reportlab prints it, a
/// filled header of white labels, one label stacked over three lines in its narrow column, a
/// rule under every row across the table and none down it
/// (`fixtures/regression/reportlab-stacked-header.py`). The rule under the header's last line
/// was read as underlining that line's one label, which then spanned the table and swallowed
/// the header into one cell over an empty row; the plan had no action column. The rule under
/// the last header line closes the header and widens nothing.
#[test]
fn issue_17_a_stacked_label_over_the_rule_closing_the_header_stays_in_its_column() {
    let got = grids_and_fills("reportlab-stacked-header.pdf");
    assert_eq!(got.len(), 1, "{got:?}");
    let grid = &got[0].0;
    let group = "Priority A – Safer streets";
    assert_eq!(
        *grid,
        rows(&[
            &[
                "No.",
                "What we will do",
                "Responsible team",
                "Key milestone",
                "Cost to the council (£000s)",
                "Progress"
            ],
            &[group, "", "", "", "", ""],
            &[
                "A1",
                "Extend CCTV coverage to the three district centres.",
                "Community Safety",
                "Cameras live – June 2026",
                "85",
                "On track"
            ],
            &[
                "A2",
                "Recruit two more neighbourhood wardens for the town centre.",
                "Neighbourhoods",
                "Wardens in post – April 2026",
                "64",
                "Delayed"
            ],
            &[
                "A3",
                "Publish a new anti-social behaviour policy.",
                "Legal Services",
                "Policy adopted – March 2026",
                "5",
                "Complete"
            ],
        ])
    );
}

/// Issue 19 item 1: tables whose wordy cells wrap over several lines, drawn with a rule
/// between every row (LaTeX booktabs `\midrule`, HTML `border-bottom`) or with rules only
/// above and under the header and at the foot and rows set apart by white space
/// (`fixtures/regression/wrapped-row-rules.py`, which holds the data typed here). Rows were
/// cut inside a cell at a line ending a sentence ("Review the library opening hours." |
/// "Consult users in every branch.") and where one column ran longer than the others; the
/// band between two rules, or between two gaps, is one row.
#[test]
fn issue_19_rows_under_rules_are_the_bands_between_them() {
    let want = rows(&[
        &["Recommendation", "Response", "Lead officer", "Due"],
        &[
            "Review the library opening hours. Consult users in every branch.",
            "Agreed. A survey closed in May and its results will be published on the council's website.",
            "Head of Libraries",
            "July 2026",
        ],
        &[
            "Extend the home library service. Start with two villages.",
            "Agreed. Volunteers recruited.",
            "Community Services Manager",
            "September 2026",
        ],
        &[
            "Replace the self-service kiosks. Train staff before launch. Report take-up each quarter.",
            "Agreed in part. Procurement is under way.",
            "Digital Lead",
            "March 2027",
        ],
        &[
            "Open a maker space at the central library.",
            "Agreed. The room is fitted out and the first sessions are booked for September. A charging policy will follow.",
            "Head of Libraries",
            "October 2026",
        ],
    ]);
    for name in [
        "latex-booktabs-row-rules.pdf",
        "latex-booktabs-wrapped.pdf",
        "chromium-row-rules-wrapped.pdf",
    ] {
        let got: Vec<Vec<Vec<String>>> = grids_and_fills(name)
            .into_iter()
            .map(|(g, _)| {
                // LaTeX's T1 fonts print the apostrophe as a right quote.
                g.into_iter()
                    .map(|r| r.into_iter().map(|c| c.replace('\u{2019}', "'")).collect())
                    .collect()
            })
            .collect();
        assert_eq!(got, std::slice::from_ref(&want), "{name}");
    }
}

/// Issue 19 item 4: stroking opacity (`fixtures/regression/stroke-alpha.py`, reportlab). A
/// vertical rule stroked with opacity 0 (`CA` 0) down the first column paints nothing: it cut
/// "Library refit" into two cells. A line only stroked with opacity 0 ("Draft figures only",
/// 18 glyphs, 2 spaces) is not read, and is counted with the invisible text.
#[test]
fn issue_19_rules_and_text_stroked_with_opacity_0_are_not_seen() {
    let got = grids_and_fills("stroke-alpha.pdf");
    let grids: Vec<_> = got.into_iter().map(|(g, _)| g).collect();
    assert_eq!(
        grids,
        [rows(&[
            &["Scheme", "Budget", "Status"],
            &["Library refit", "120", "On track"],
            &["Depot roof", "340", "At risk"],
            &["Cycle lanes", "75", "On track"],
        ])]
    );
    let (text, counted) = hidden_text("stroke-alpha.pdf");
    assert!(!text.contains("Draft"), "{text}");
    assert_eq!(counted, [(18, 2)]);
}

/// Issue 19 item 1: a row broken by a page break under a repeated header
/// (`fixtures/regression/writer-repeated-header.fodt`, LibreOffice Writer: the header row
/// repeats on each page and rows may break). Row 1.3's fourteen updates run from page 2 onto
/// page 3, where the header "Ref | Action | Update" is printed again above the rest of the row
/// and update 12 is cut mid-sentence ("… of the route" / "were inspected."). One table of five
/// rows: the repeated header is dropped, 1.3 is one row holding its fourteen updates in order, and
/// the two 7 pt notes under the table ("* Figures …", "Source: …") are no row of it.
#[test]
fn issue_19_a_row_broken_under_a_repeated_header_is_one_row() {
    let tables = crate::tables::tables_of("regression/writer-repeated-header.pdf");
    let [t] = tables.as_slice() else {
        panic!("one table, got {}", tables.len());
    };
    assert_eq!(t.pages, [2, 3]);
    assert_eq!(t.header_rows, 1);
    let firsts: Vec<String> = (0..t.n_rows)
        .map(|r| t.cell_at(r, 0).map(|c| c.text()).unwrap_or_default())
        .collect();
    assert_eq!(firsts, ["Ref", "1.1", "1.2", "1.3", "1.4"]);
    let update = t.cell_at(3, 2).expect("1.3 has an update cell");
    // Writer sets the updates solid, one under the other: the cell reads as one run of text.
    let got = update
        .text()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let want: Vec<String> = (1..=14)
        .map(|i| format!("Update line {i}: works on section {i} of the route were inspected."))
        .collect();
    assert_eq!(got, want.join(" "));
    assert_eq!(
        t.cell_at(4, 2).map(|c| c.text()).as_deref(),
        Some("Consultation closes in June.")
    );
}

/// Issue 19 item 2: a note printed inside an unruled sheet
/// (`fixtures/regression/note-inside-table.py`, reportlab, as Excel prints a note typed into
/// the first column between two blocks of rows): "* the prior year savings …" wrapped over two
/// lines set solid. It was read as two rows of the table; now it is stepped over, the rows
/// under it stay the table's, and its text stays page text (no cell holds it).
#[test]
fn issue_19_a_note_inside_an_unruled_table_is_no_row() {
    let tables = crate::tables::tables_of("regression/note-inside-table.pdf");
    let [t] = tables.as_slice() else {
        panic!("one table, got {}", tables.len());
    };
    let firsts: Vec<String> = (0..t.n_rows)
        .map(|r| t.cell_at(r, 0).map(|c| c.text()).unwrap_or_default())
        .collect();
    let want = ["Service", "Libraries", "Highways", "Prior year savings *"];
    assert_eq!(firsts, [&want[..], &["Parks", "Waste"]].concat());
    assert!(t.cells.iter().all(|c| !c.text().contains("outturn")));
    let doc = open("note-inside-table.pdf", "the reportlab page opens");
    let page = doc.page(1).expect("page 1 reads");
    let text: String = page.glyphs.iter().map(|g| g.text.as_str()).collect();
    assert!(text.contains("outturn"), "{text}");
}

/// Issue 17: an unruled plan whose full-width group rows sit on a dark band
/// (`fixtures/regression/chromium-unruled-group-rows.html`, Chromium: no cell borders, a rule
/// under the header, banded body rows, the ref opening the action cell, "●" RAG dots). Each
/// group row, one segment as wide as running text, ended the run of aligned lines, so the table
/// fell into pieces of two rows without a header and none was kept. Now the band (or rules)
/// boxing the label across the table makes it a row; a label wrapped onto a second line stays
/// one cell.
#[test]
fn issue_17_group_rows_on_a_band_keep_an_unruled_plan_whole() {
    let tables = crate::tables::tables_of("regression/chromium-unruled-group-rows.pdf");
    let [t] = tables.as_slice() else {
        panic!("one table, got {}", tables.len());
    };
    assert_eq!(t.n_cols, 5);
    let text = |r: usize, c: usize| t.cell_at(r, c).map(|c| c.text()).unwrap_or_default();
    let header: Vec<String> = (0..5).map(|c| text(0, c)).collect();
    assert_eq!(
        header,
        [
            "Ref / Action",
            "Lead",
            "Success measures",
            "Milestones",
            "RAG"
        ]
    );
    assert_eq!(
        text(1, 0),
        "Area for improvement 1: Partners must make sure that every child leaving custody has \
         a settled home and a school or college place arranged before release."
    );
    assert_eq!(
        text(4, 0),
        "Area for improvement 2: Leaders must use what children and families say to shape the \
         services that support them."
    );
    let row = |r: usize| -> Vec<String> { (0..5).map(|c| text(r, c)).collect() };
    assert_eq!(
        row(2),
        [
            "YJ1.1 Agree a resettlement protocol with the two nearest secure estates.",
            "Youth Justice Manager",
            "Protocol signed by both establishments.",
            "Jun 2025: Draft shared – Complete",
            "On track"
        ]
    );
    assert_eq!(
        row(3),
        [
            "YJ1.2 Hold a planning meeting six weeks before each release date.",
            "Head of Children's Social Care",
            "Every release has a plan on file.",
            "Sep 2025: First audit – Delayed",
            "At risk"
        ]
    );
    assert_eq!(
        row(5),
        [
            "YJ2.1 Run a quarterly feedback forum with young people on orders.",
            "Participation Lead",
            "Forum meets four times a year.",
            "Mar 2026: Second forum held – Not started",
            "Off track"
        ]
    );
    assert_eq!(
        row(6),
        [
            "YJ2.2 Publish a you-said-we-did summary each quarter.",
            "Communications Officer",
            "Summary on the website every quarter.",
            "Dec 2025: First summary – Complete",
            "On track"
        ]
    );
    assert_eq!(t.n_rows, 7);
}

/// Held-out plan shape (issue 17): a Word table printed by LibreOffice with horizontal rules
/// only, grey group rows "1  Title" and pale area rows "1.1  Title", milestones labelled
/// "a)", "b)" and a second lead with its milestone set lower in the same row. The group row
/// "1 …" read as a footnote ("1" a note mark) and was lost; the next one, "2 …", cut the
/// table in two; the labels made a column of their own; the second lead made a row of its
/// own. Truth typed from the generator's PLAN.
#[test]
fn word_plan_with_horizontal_rules_keeps_group_rows_labels_and_second_leads() {
    let tables = crate::tables::tables_of("regression/writer-horizontal-rules-groups.pdf");
    assert_eq!(tables.len(), 1, "one table, not cut at group row 2");
    let t = &tables[0];
    assert_eq!(
        t.grid(),
        rows(&[
            &["No.", "What we will do", "Lead", "Milestones", "Progress"],
            &["1", "Cleaner streets and open spaces", "", "", ""],
            &["1.1", "Less litter in town centres", "", "", ""],
            &[
                "1.1.1",
                "Put smart bins in the three busiest shopping streets.",
                "Street Scene Manager",
                "a) Bins ordered – Complete – April 2025\nb) Bins in place – In progress – July 2025",
                "Green"
            ],
            &[
                "1.1.2",
                "Run a spring clean-up week with local schools and traders.",
                "Community Engagement Officer\nWaste Services Manager",
                "a) Schools signed up – Complete – March 2025\nb) Clean-up week held – Delayed – June 2025",
                "Amber"
            ],
            &["2", "Homes people can afford", "", "", ""],
            &["2.1", "More homes for rent", "", "", ""],
            &[
                "2.1.1",
                "Start building forty council homes on the old depot site.",
                "Housing Delivery Lead",
                "a) Planning consent – Complete – May 2025\nb) Work starts on site – Not started – January 2026",
                "Red"
            ],
        ])
    );
}

/// The same Word plan read as a plan: a group row printing its number alone in the reference
/// cell and its title in the next ("1 | Cleaner streets and open spaces") gives number 1 and
/// the title without the number. Truth typed from the generator's PLAN.
#[test]
fn a_group_row_with_its_number_in_a_cell_of_its_own_gives_number_and_title() {
    use boardpaper::pipeline;
    use boardpaper::settings::Settings;
    let doc = Document::open(
        &fixture("regression/writer-horizontal-rules-groups.pdf"),
        &OpenOptions::default(),
    )
    .unwrap();
    let paper = pipeline::read(&doc, &Settings::default()).unwrap();
    let got: Vec<(u32, String)> = paper.plans[0]
        .priorities
        .iter()
        .map(|p| (p.number, p.title.clone()))
        .collect();
    assert_eq!(
        got,
        [
            (1, "Cleaner streets and open spaces".to_string()),
            (2, "Homes people can afford".to_string())
        ]
    );
}

/// Issue 19 item 3: the note stepped over inside the unruled budget table
/// (`fixtures/regression/note-inside-table.py`) is no row, and no page text outside the table
/// keeps it: each of its two lines is a page-1 warning (text inside a table but in no cell),
/// so nothing printed is lost. Truth typed from the generator's NOTE.
#[test]
fn issue_19_a_note_inside_an_unruled_table_is_kept_as_a_warning() {
    let doc = open("note-inside-table.pdf", "the reportlab page opens");
    let pages: Vec<_> = (1..=doc.page_count())
        .map(|n| doc.page(n).expect("page reads"))
        .collect();
    let (tables, warnings) =
        boardpaper::pipeline::tables_of(&pages, &boardpaper::settings::Settings::default());
    assert_eq!(tables.len(), 1);
    let said: Vec<String> = warnings.iter().map(|w| w.to_string()).collect();
    for line in [
        "* the prior year savings will be updated as part of the",
        "outturn report and used for monitoring",
    ] {
        let want = format!("page 1: text {line:?} at");
        assert!(said.iter().any(|s| s.contains(&want)), "{line}: {said:?}");
    }
}

/// Issue 17: the same plan's even body rows are banded (#EEF0F5) and each RAG word follows a
/// "●" coloured by its rating (the HTML's `dot g` / `dot a` / `dot r`). The band, a fill of no
/// rating's hue, was taken for the colour of the banded rows' ratings; the dot printed on it
/// is their colour.
#[test]
fn issue_17_a_coloured_dot_on_a_banded_row_is_the_rating() {
    let paper = boardpaper::pipeline::read(
        &open("chromium-unruled-group-rows.pdf", "a Chromium plan"),
        &boardpaper::settings::Settings::default(),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let [plan] = paper.plans.as_slice() else {
        panic!("one plan, got {}", paper.plans.len());
    };
    let got: Vec<(String, String, String)> = plan
        .priorities
        .iter()
        .flat_map(|p| p.improvement_areas.iter())
        .flat_map(|a| a.actions.iter())
        .flat_map(|a| {
            a.rag.iter().map(|r| {
                let colour = r.colour.as_ref().map(|c| c.to_string()).unwrap_or_default();
                (a.number.clone(), r.text.clone(), colour)
            })
        })
        .collect();
    let want = [
        ("YJ1.1", "On track", "green"),
        ("YJ1.2", "At risk", "amber"),
        ("YJ2.1", "Off track", "red"),
        ("YJ2.2", "On track", "green"),
    ];
    let want: Vec<(String, String, String)> = want
        .iter()
        .map(|(n, t, c)| (n.to_string(), t.to_string(), c.to_string()))
        .collect();
    assert_eq!(got, want);
}

/// An unruled plan (`fixtures/regression/chromium-repeated-header-one-row.html`, Chromium: a
/// rule under the header, banded rows) with a version line printed just above its header,
/// which page 1's header cell takes in, and a page break that leaves the repeated header and a
/// single row on page 2. That lone row is a table only as a continuation, and its header did
/// not read as a repeat of page 1's ("Version 3.1 … Ref / Action" against "Ref / Action"), so
/// the row was dropped. Now a header cell ending in the repeated text matches, and the row is
/// the table's last.
#[test]
fn a_repeated_header_over_one_row_continues_the_table_under_a_version_line() {
    let tables = crate::tables::tables_of("regression/chromium-repeated-header-one-row.pdf");
    let [t] = tables.as_slice() else {
        panic!("one table, got {}", tables.len());
    };
    assert_eq!(t.pages, [1, 2]);
    assert_eq!(t.n_cols, 5);
    let text = |r: usize, c: usize| t.cell_at(r, c).map(|c| c.text()).unwrap_or_default();
    let row = |r: usize| -> Vec<String> { (0..5).map(|c| text(r, c)).collect() };
    let last = t.n_rows - 1;
    assert_eq!(last, 5, "header and five actions");
    assert_eq!(
        row(last),
        [
            "AL2.2 Publish course outcomes for each centre every year.",
            "Performance Analyst",
            "Outcomes on the website by August.",
            "Aug 2026: First report – Not started",
            "Off track"
        ]
    );
    assert_eq!(
        row(last - 1),
        [
            "AL2.1 Survey learners at the end of every course.",
            "Quality Officer",
            "Response rate above 60%.",
            "Dec 2025: Survey issued – Not started",
            "On track"
        ]
    );
}

/// Issue 17: a Word plan printed by LibreOffice (`fixtures/regression/writer-runs-on-no-header.py`)
/// with horizontal rules only, whose table runs on onto page 2 without repeating its header:
/// the same five columns starting at the same x. The page break cuts row 2.1.1, leaving the
/// end of its second lead (beside the rest of milestone "b)" in the first file, alone in the
/// second) above row 2.2. Page 2's rows were a table only under a repeated header, so area
/// 2.2 and action 2.2.1 were lost, and the cut row's remainder with them. Now the columns'
/// text starts carry the table on, and the remainder ends row 2.1.1.
#[test]
fn issue_17_an_unruled_table_runs_on_without_its_header() {
    let head = ["Ref", "Action", "Lead officer", "Milestones", "RAG"];
    let early = [
        ["1", "Warm and safe homes", "", "", ""],
        ["1.1", "Damp and mould", "", "", ""],
        [
            "1.1.1",
            "Inspect every council home reported for damp within ten working days.",
            "Head of Repairs",
            "a) Inspection team in post – Complete – April 2025\nb) All reports inspected on time – In progress – December 2025",
            "Amber",
        ],
        [
            "1.1.2",
            "Write to every tenant with advice on heating and ventilation.",
            "Tenancy Services Manager",
            "a) Advice leaflet printed – Complete – May 2025",
            "Green",
        ],
        ["1.2", "Fire safety", "", "", ""],
        [
            "1.2.1",
            "Fit sprinklers in the four tallest blocks on the Brookfield estate.",
            "Building Safety Manager",
            "a) Contractor chosen – Complete – June 2025\nb) Sprinklers fitted in two blocks – Delayed – November 2025",
            "Red",
        ],
        [
            "1.2.2",
            "Check the fire doors in every block of flats each quarter.",
            "Building Safety Manager",
            "a) First checks done – Complete – July 2025\nb) Second round of checks – On track – October 2025",
            "Green",
        ],
        ["2", "Support for people who need it", "", "", ""],
        ["2.1", "Adapting homes", "", "", ""],
    ];
    let late = [
        ["2.2", "Preventing homelessness", "", "", ""],
        [
            "2.2.1",
            "Open a housing advice hub in the town centre library.",
            "Housing Options Manager",
            "a) Hub open three days a week – On track – January 2026",
            "Green",
        ],
    ];
    let cut = [
        (
            "writer-runs-on-no-header.pdf",
            "Occupational Therapy Lead\nAssistant Director, Adult Social Care Services",
            "a) Waiting list reviewed – Complete – May 2025\nb) New framework contract – Not started – March 2026",
        ),
        (
            "writer-runs-on-no-header-one-column.pdf",
            "Occupational Therapy Lead\nAssistant Director for Adult Social Care and Housing Support Services",
            "a) Waiting list reviewed – Complete – May 2025",
        ),
    ];
    for (file, leads, milestones) in cut {
        let tables = crate::tables::tables_of(&format!("regression/{file}"));
        let [t] = tables.as_slice() else {
            panic!("{file}: one table, got {}", tables.len());
        };
        assert_eq!(t.pages, [1, 2], "{file}");
        let cut_row = [
            "2.1.1",
            "Halve the waiting time for stairlifts and level-access showers.",
            leads,
            milestones,
            "Amber",
        ];
        let mut want: Vec<Vec<String>> = vec![head.iter().map(|s| s.to_string()).collect()];
        want.extend(
            early
                .iter()
                .map(|r| r.iter().map(|s| s.to_string()).collect()),
        );
        want.push(cut_row.iter().map(|s| s.to_string()).collect());
        want.extend(
            late.iter()
                .map(|r| r.iter().map(|s| s.to_string()).collect()),
        );
        assert_eq!(t.grid(), want, "{file}");
    }
}

/// Issue 17: the version line "Version 3.1 | Reviewed: 14 October 2025" (8 pt) printed just
/// above an unruled table's 9 pt header (`chromium-repeated-header-one-row.html`) was read
/// into the first header cell, so the plan had no version. A single run set smaller than the
/// header line under it is page text, not a header label.
#[test]
fn issue_17_a_smaller_version_line_above_the_header_is_page_text() {
    let tables = crate::tables::tables_of("regression/chromium-repeated-header-one-row.pdf");
    let [t] = tables.as_slice() else {
        panic!("one table, got {}", tables.len());
    };
    let header: Vec<String> = (0..t.n_cols)
        .map(|c| t.cell_at(0, c).map(|c| c.text()).unwrap_or_default())
        .collect();
    assert_eq!(
        header,
        [
            "Ref / Action",
            "Lead",
            "Success measures",
            "Milestones",
            "RAG"
        ]
    );
    let paper = boardpaper::pipeline::read(
        &open("chromium-repeated-header-one-row.pdf", "a Chromium plan"),
        &boardpaper::settings::Settings::default(),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let [plan] = paper.plans.as_slice() else {
        panic!("one plan, got {}", paper.plans.len());
    };
    assert_eq!(plan.version.as_deref(), Some("3.1"));
    assert_eq!(plan.version_date.as_deref(), Some("14 October 2025"));
}

/// Issue 17: a version line set larger than the header (9.5 pt over 8.5 pt,
/// `chromium-version-line-above-header.html`) and wider than the first column, printed just
/// above an unruled table, was read as the header's first row: the real header ("No.",
/// "What we will do") became a body row, no row named an action column, and the plan was
/// lost. A single run set in another size than the header line under it is page text.
#[test]
fn issue_17_a_larger_version_line_above_the_header_is_page_text() {
    let tables = crate::tables::tables_of("regression/chromium-version-line-above-header.pdf");
    let [t] = tables.as_slice() else {
        panic!("one table, got {}", tables.len());
    };
    let header: Vec<String> = (0..t.n_cols)
        .map(|c| t.cell_at(0, c).map(|c| c.text()).unwrap_or_default())
        .collect();
    assert_eq!(header, ["No.", "What we will do", "Who", "When", "RAG"]);
    let paper = boardpaper::pipeline::read(
        &open("chromium-version-line-above-header.pdf", "a Chromium plan"),
        &boardpaper::settings::Settings::default(),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let [plan] = paper.plans.as_slice() else {
        panic!("one plan, got {}", paper.plans.len());
    };
    assert_eq!(plan.version.as_deref(), Some("2.4"));
    assert_eq!(plan.version_date.as_deref(), Some("October 2025"));
    let numbers: Vec<&str> = plan
        .priorities
        .iter()
        .flat_map(|p| p.improvement_areas.iter())
        .flat_map(|a| a.actions.iter())
        .map(|a| a.number.as_str())
        .collect();
    assert_eq!(numbers, ["VH1", "VH2", "VH3", "VH4", "VH5"]);
}

/// Issue 19: page 2 of `writer-runs-on-no-header.pdf` read alone holds rows under a cut
/// row's remainder: a table only as the continuation of one on the page before. With no
/// table before it, it is left out, and it was left out silently (its words in no table, and
/// cut from the page's text past the first pages). Now a warning with its page keeps its text.
#[test]
fn issue_19_a_continuation_that_continues_nothing_is_a_warning() {
    let doc = open("writer-runs-on-no-header.pdf", "a Writer plan");
    let page = doc.page(2).unwrap_or_else(|e| panic!("{e}"));
    let (tables, warnings) =
        boardpaper::pipeline::tables_of(&[page], &boardpaper::settings::Settings::default());
    assert!(tables.is_empty(), "{} tables", tables.len());
    let dropped: Vec<_> = warnings
        .iter()
        .filter(|w| w.code() == "continuation_dropped")
        .collect();
    let [w] = dropped.as_slice() else {
        panic!("one dropped continuation, got {warnings:?}");
    };
    assert_eq!(w.page, Some(2));
    let message = w.message();
    for text in [
        "Social Care Services",
        "2.2 | Preventing homelessness",
        "2.2.1 | Open a housing advice hub in the town centre library. | Housing Options Manager",
    ] {
        assert!(message.contains(text), "{text:?} not in {message}");
    }
}

/// Each table's pages and rows of cell text, for tests of where tables end.
fn pages_and_grids(name: &str) -> Vec<(Vec<u32>, Vec<Vec<String>>)> {
    crate::tables::tables_of(&format!("regression/{name}"))
        .iter()
        .map(|t| (t.pages.clone(), t.grid()))
        .collect()
}

/// A table of the plan's header ("Ref | Action | Lead | Due") over `body`, on `pages`.
fn plan_table(pages: &[u32], body: &[&[&str]]) -> (Vec<u32>, Vec<Vec<String>>) {
    let mut all: Vec<&[&str]> = vec![&["Ref", "Action", "Lead", "Due"]];
    all.extend_from_slice(body);
    (pages.to_vec(), rows(&all))
}

/// Issue 19: tables set one under another on one page with the same columns and header,
/// each under a heading of its own (`fixtures/regression/tables-under-headings.py`). LaTeX
/// booktabs tables under "Goal n – …" headings were read as one table holding the headings
/// as rows and the header again under each; now each heading ends the table above it, and
/// is no row of either table. The last goal's table, one row long, is a table too.
#[test]
fn issue_19_tables_under_their_own_headings_on_one_page_are_separate() {
    assert_eq!(
        pages_and_grids("latex-tables-under-headings.pdf"),
        [
            plan_table(
                &[1],
                &[
                    &[
                        "1.1",
                        "Sweep the market square every morning",
                        "Street Scene Manager",
                        "April 2026"
                    ],
                    &[
                        "1.2",
                        "Add forty litter bins along the river path",
                        "Parks Officer",
                        "June 2026"
                    ],
                    &[
                        "1.3",
                        "Fine fly-tippers caught on the new cameras",
                        "Enforcement Lead",
                        "March 2027"
                    ],
                ]
            ),
            plan_table(
                &[1],
                &[
                    &[
                        "2.1",
                        "Paint new crossings outside both primary schools",
                        "Highways Manager",
                        "May 2026"
                    ],
                    &[
                        "2.2",
                        "Lower the speed limit to 20 mph in the villages",
                        "Traffic Engineer",
                        "October 2026"
                    ],
                ]
            ),
            plan_table(
                &[1],
                &[&[
                    "3.1",
                    "Plant a community orchard at Mill Field",
                    "Tree Officer",
                    "November 2026"
                ]]
            ),
        ]
    );
}

/// Issue 19: Word tables one under another under bold theme lines, with horizontal rules
/// only (page 1) and with no rules at all (page 2), and under "Table n:" captions (page 3);
/// a caption opening page 4 over a table of the same columns starts a new table
/// (`fixtures/regression/tables-under-headings.py`). Pages 1 and 2 were one table of 25 rows
/// run on over the page break, themes and repeated headers as rows, the plan's references
/// lost; now there is one table per theme or caption, each on its own page.
#[test]
fn issue_19_word_tables_under_headings_and_captions_are_separate() {
    let homes: &[&[&str]] = &[
        &[
            "H1",
            "Build sixty homes for social rent at Brook Lane",
            "Head of Housing",
            "March 2027",
        ],
        &[
            "H2",
            "Bring thirty empty homes back into use",
            "Empty Homes Officer",
            "June 2026",
        ],
    ];
    let transport: &[&[&str]] = &[
        &[
            "T1",
            "Resurface the high street and the station approach",
            "Highways Manager",
            "May 2026",
        ],
        &[
            "T2",
            "Add covered cycle racks at both stations",
            "Transport Officer",
            "July 2026",
        ],
        &[
            "T3",
            "Run a bus every half hour to the outlying villages",
            "Transport Officer",
            "April 2027",
        ],
    ];
    let leisure: &[&[&str]] = &[
        &[
            "L1",
            "Reopen the lido for the summer season",
            "Leisure Manager",
            "August 2026",
        ],
        &[
            "L2",
            "Extend the opening hours of the sports centre",
            "Leisure Manager",
            "September 2026",
        ],
    ];
    assert_eq!(
        pages_and_grids("writer-tables-under-headings.pdf"),
        [
            plan_table(&[1], homes),
            plan_table(&[1], transport),
            plan_table(&[1], leisure),
            plan_table(&[2], homes),
            plan_table(&[2], transport),
            plan_table(&[2], leisure),
            plan_table(
                &[3],
                &[
                    &[
                        "A1",
                        "Recruit twelve more home care workers",
                        "Care Services Manager",
                        "May 2026"
                    ],
                    &[
                        "A2",
                        "Open a second day centre in the east of the district",
                        "Head of Adult Care",
                        "January 2027"
                    ],
                ]
            ),
            plan_table(
                &[3],
                &[
                    &[
                        "P1",
                        "Offer free health checks in every library",
                        "Public Health Lead",
                        "June 2026"
                    ],
                    &[
                        "P2",
                        "Fund three more stop smoking advisers",
                        "Public Health Lead",
                        "April 2026"
                    ],
                    &[
                        "P3",
                        "Map the food banks and their opening times",
                        "Community Officer",
                        "March 2026"
                    ],
                ]
            ),
            plan_table(
                &[4],
                &[
                    &[
                        "B1",
                        "Install self-service kiosks in four branches",
                        "Libraries Manager",
                        "July 2026"
                    ],
                    &[
                        "B2",
                        "Start a home delivery service for housebound readers",
                        "Libraries Manager",
                        "October 2026"
                    ],
                ]
            ),
        ]
    );
}

/// Issue 19: a Word scorecard with no borders but a rule under each header row
/// (`fixtures/regression/tables-under-headings.py`, `writer-other-header-under-heading.pdf`):
/// a table of six columns, a larger "Goal 2 – …" heading, then a table of five columns
/// under a header of its own opening with the same labels. The columns line up, and the two
/// were read as one table of five columns (two columns of the first merged, "Adults 72%
/// supported to live at home") with the heading and the second header as rows. The heading
/// ends the first table; each keeps its own columns.
#[test]
fn issue_19_a_heading_over_another_header_ends_the_table_above() {
    assert_eq!(
        pages_and_grids("writer-other-header-under-heading.pdf"),
        [
            (
                vec![1],
                rows(&[
                    &["Ref", "Measure", "Target", "Q1", "Q2", "Status"],
                    &[
                        "HW01",
                        "Adults supported to live at home",
                        "72%",
                        "70%",
                        "71%",
                        "Within 5%"
                    ],
                    &[
                        "HW02",
                        "Carers assessed within four weeks",
                        "80%",
                        "83%",
                        "84%",
                        "On target"
                    ],
                    &[
                        "HW03",
                        "Reviews completed on time",
                        "90%",
                        "81%",
                        "79%",
                        "Off target"
                    ],
                    &[
                        "HW04",
                        "Falls referrals seen in a week",
                        "85%",
                        "86%",
                        "88%",
                        "On target"
                    ],
                    &[
                        "HW05",
                        "Blue badge decisions in 14 days",
                        "95%",
                        "92%",
                        "93%",
                        "Within 5%"
                    ],
                ])
            ),
            (
                vec![1],
                rows(&[
                    &["Ref", "Measure", "Annual target", "Year to date", "Status"],
                    &["SE01", "New business start-ups", "320", "171", "On target"],
                    &["SE02", "Apprenticeship starts", "400", "150", "Off target"],
                    &[
                        "SE03",
                        "Vacant shop units in the town centre",
                        "10%",
                        "11.2%",
                        "Within 5%"
                    ],
                ])
            ),
        ]
    );
}

/// Issue 19: a web page's table whose Project cells are cut off at the cell's edge
/// (`fixtures/regression/chromium-clipped-cells.html`: overflow hidden, no wrapping, no
/// column rules, zebra rows). The cut words reach into the few points of padding between
/// Project and Area, which closed the gutter: the two columns were one ("Bench repairs
/// Green"). The text is seen only up to the clip, and the clip's edge is the column's edge.
#[test]
fn issue_19_text_cut_off_at_a_cells_edge_ends_its_column_there() {
    let tables = pages_and_grids("chromium-clipped-cells.pdf");
    let [(pages, grid)] = tables.as_slice() else {
        panic!("one table, got {tables:?}");
    };
    assert_eq!(pages, &[1]);
    // Every column but Project, as typed in the page's source.
    let others: Vec<Vec<String>> = grid
        .iter()
        .map(|r| {
            r.iter()
                .enumerate()
                .filter(|(c, _)| *c != 1)
                .map(|(_, t)| t.clone())
                .collect()
        })
        .collect();
    assert_eq!(
        others,
        rows(&[
            &["Code", "Area", "Budget", "Spent", "Status"],
            &["W-01", "Hall Lane", "42,000", "12,500", "Started"],
            &["W-02", "Green", "3,200", "3,100", "Done"],
            &["W-03", "Millfield", "58,000", "0", "Planned"],
            &["W-04", "High Street", "6,400", "6,400", "Done"],
            &["W-05", "Church Walk", "9,900", "2,300", "Started"],
            &["W-06", "All areas", "1,800", "0", "Planned"],
        ])
    );
    // Project: the short names whole, the long ones from their start up to the edge, with
    // nothing of the next column in them.
    let project: Vec<&str> = grid
        .iter()
        .filter_map(|r| r.get(1).map(String::as_str))
        .collect();
    let (whole, cut) = (
        [
            (0, "Project"),
            (2, "Bench repairs"),
            (4, "Bus shelter glazing"),
            (6, "Noticeboards"),
        ],
        [
            (1, "Resurfacing of the village hall car park"),
            (3, "Replacement of the play equipment"),
            (5, "Tree survey and crown reduction works"),
        ],
    );
    for (r, text) in whole {
        assert_eq!(project.get(r), Some(&text), "{project:?}");
    }
    for (r, start) in cut {
        let got = project.get(r).copied().unwrap_or_default();
        assert!(got.starts_with(start), "{got:?}");
        for other in ["Hall Lane", "Millfield recreation ground", "Church Walk"] {
            assert!(!got.contains(other), "{got:?}");
        }
    }
}

/// Issue 19: a header band drawn as a gradient of thin strips over white cell fills, with white
/// labels on it (`fixtures/regression/white-text-on-strips.py`, reportlab). The strips lie over
/// the white fills, so the labels are seen (they were dropped as white on white), and the
/// header's fill is a strip behind the labels' top (the generator prints those strips).
#[test]
fn issue_19_white_labels_on_a_band_of_strips_are_read() {
    let got = grids_and_fills("white-text-on-strips.pdf");
    assert_eq!(got.len(), 1, "{got:?}");
    let (grid, fills) = &got[0];
    assert_eq!(
        *grid,
        rows(&[
            &["Ward", "Homes", "Completion"],
            &["Ashby Fields", "48", "March 2027"],
            &["Corran Hill", "112", "October 2028"],
        ])
    );
    let behind_top = ["#2C4777", "#2E497A", "#2F4C7D", "#314E80", "#335083"];
    for (c, fill) in fills.first().into_iter().flatten().enumerate() {
        let fill = fill.as_deref().unwrap_or_default();
        assert!(behind_top.contains(&fill), "header cell {c}: {fill:?}");
    }
    for row in fills.iter().skip(1) {
        assert!(row.iter().all(Option::is_none), "{fills:?}");
    }
}

/// Issue 19: cells shaded by tiny one-colour images stretched over them (reportlab
/// `drawImage`; `fixtures/regression/image-cell-fills.py`). Each such image is a fill of its
/// colour, as a drawn rectangle is; a two-colour image (a picture) is no fill.
#[test]
fn issue_19_one_colour_images_are_cell_fills() {
    let got = grids_and_fills("image-cell-fills.pdf");
    assert_eq!(got.len(), 1, "{got:?}");
    let (grid, fills) = &got[0];
    assert_eq!(
        *grid,
        rows(&[
            &["School", "Pupils", "Status"],
            &["Glenbrae Primary", "212", "Spaces"],
            &["Kilmory Academy", "874", "Near full"],
            &["Tornagrain Primary", "131", "Over capacity"],
        ])
    );
    let hex = |s: &str| Some(s.to_string());
    assert_eq!(
        *fills,
        [
            [hex("#1E4D3E"), hex("#1E4D3E"), hex("#1E4D3E")],
            [None, None, hex("#C6EFCE")],
            [None, None, hex("#FFEB9C")],
            [None, None, hex("#FFC7CE")],
        ]
    );
}

/// Issue 19: a page set in two page columns (CSS `columns: 2`), with a small table in each
/// column between paragraphs: no rules, a white-on-teal header, banded rows, figures flush
/// right under labels flush left (`fixtures/regression/chromium-two-column-tables.html`,
/// Chromium). The paragraphs of one page column share baselines with the table in the
/// other, so the two ran together and no table was found. Each page column is read apart;
/// the labels starting inside the gutter before their figures head those figures' columns,
/// and the banded row whose label wraps ("Market" / "Lydford", figures centred between) is
/// one row.
#[test]
fn issue_19_tables_in_two_page_columns_are_read_apart() {
    let got = grids_and_fills("chromium-two-column-tables.pdf");
    assert_eq!(got.len(), 2, "{got:?}");
    let by_first = |first: &str| {
        got.iter()
            .find(|(g, _)| g.first().and_then(|r| r.first()).map(String::as_str) == Some(first))
            .unwrap_or_else(|| panic!("no table headed {first:?}: {got:?}"))
    };
    let (collections, fills1) = by_first("Round");
    assert_eq!(
        *collections,
        rows(&[
            &["Round", "Households", "Missed bins per 100k", "Recycled"],
            &["Ashcombe", "8,412", "61", "47.2%"],
            &["Brinsley Vale", "7,905", "38", "51.9%"],
            &["Fenwick", "6,118", "74", "44.0%"],
            &["Market Lydford", "9,260", "29", "55.3%"],
            &["Stoke Rivers", "5,447", "42", "49.8%"],
        ])
    );
    let (fleet, fills2) = by_first("Vehicle");
    assert_eq!(
        *fleet,
        rows(&[
            &["Vehicle", "Number", "Average age"],
            &["Refuse freighter", "14", "6.5"],
            &["Food waste van", "5", "3.0"],
            &["Bulky waste truck", "2", "9.1"],
            &["Street sweeper", "4", "4.8"],
        ])
    );
    // The header on teal, even body rows banded (the generator's CSS).
    for fills in [fills1, fills2] {
        for (r, row) in fills.iter().enumerate() {
            let want = match r {
                0 => Some("#1B5E5A"),
                r if r % 2 == 0 => Some("#E3F1EF"),
                _ => None,
            };
            assert!(
                row.iter().all(|f| f.as_deref() == want),
                "row {r}: {fills:?}"
            );
        }
    }
    // No paragraph of either page column is in a table.
    for (grid, _) in &got {
        let text = grid.concat().join(" ");
        for prose in ["four-day", "subscriptions", "electric", "Holmbridge"] {
            assert!(!text.contains(prose), "{text}");
        }
    }
}

/// Issue 19: a slide table with a white grid over a dark header and white body cells, its
/// body parted by group rows on pale bands spanning every column
/// (`fixtures/regression/impress-white-grid-group-rows.fodp`, LibreOffice Impress). The
/// column rules of the body rows are white on white and stop at the bands, so they did not
/// reach the header's seen rules, and each body row read as one cell ("1.1 Add a second
/// fly-tipping Street Scene Manager crew"). They carry the header's rules on through the
/// bands, and are the columns' edges.
#[test]
fn issue_19_white_column_rules_carry_on_through_group_bands() {
    let got = grids_and_fills("impress-white-grid-group-rows.pdf");
    assert_eq!(got.len(), 1, "{got:?}");
    let (grid, fills) = &got[0];
    fn band(t: &'static str) -> [&'static str; 4] {
        [t, "", "", ""]
    }
    assert_eq!(
        *grid,
        rows(&[
            &["No.", "What we will do", "Owner", "Status"],
            &band("Theme 1: Cleaner neighbourhoods"),
            &[
                "1.1",
                "Add a second fly-tipping crew",
                "Street Scene Manager",
                "On track"
            ],
            &[
                "1.2",
                "Replace litter bins in the parks",
                "Parks Officer",
                "Slipping"
            ],
            &band("Theme 2: Homes people can afford"),
            &[
                "2.1",
                "Bring empty homes back into use",
                "Housing Standards Lead",
                "On track"
            ],
            &[
                "2.2",
                "Start the Mill Street scheme",
                "Development Manager",
                "Slipping"
            ],
        ])
    );
    let status: Vec<Option<&str>> = fills
        .iter()
        .map(|r| r.get(3).and_then(|f| f.as_deref()))
        .collect();
    assert_eq!(
        status,
        [
            Some("#203864"),
            Some("#DDE5F0"),
            Some("#92D050"),
            Some("#FFC000"),
            Some("#DDE5F0"),
            Some("#92D050"),
            Some("#FFC000"),
        ]
    );
}

/// Issue 19: two tables set side by side, level with each other and ruled across their own
/// widths only, each under its own caption, then a full-width table
/// (`fixtures/regression/side-by-side-tables.py`, reportlab). The two read as one table of
/// eight columns with both captions as a row; they are parted where their rules stop. In the
/// full-width table a period ("Q1 2025/26", a word space between its parts) is one cell, and
/// the last column of short names ("Head of Finance") is a column, not a page column of prose
/// beside the table.
#[test]
fn issue_19_side_by_side_tables_are_parted_where_their_rules_stop() {
    let got = grids_and_fills("side-by-side-tables.pdf");
    let grids: Vec<&Vec<Vec<String>>> = got.iter().map(|(g, _)| g).collect();
    let est =
        |name: &'static str, a: &'static str, b: &'static str, c: &'static str| [name, a, b, c];
    let left = rows(&[
        &est("Estate", "Tenancies", "Arrears", "Change"),
        &est("Ashgrove", "412", "3.1%", "-0.2"),
        &est("Beckside", "388", "4.6%", "+0.5"),
        &est("Carr Lane", "276", "2.2%", "-0.4"),
        &est("Dunmore", "530", "5.0%", "+0.1"),
        &est("Eastfield", "197", "1.8%", "0.0"),
    ]);
    let right = rows(&[
        &est("Estate", "Homes", "Void", "Days"),
        &est("Ashgrove", "430", "9", "21"),
        &est("Beckside", "401", "14", "34"),
        &est("Carr Lane", "290", "6", "18"),
        &est("Dunmore", "552", "11", "27"),
        &est("Eastfield", "205", "3", "15"),
    ]);
    let below = rows(&[
        &["Reason", "Period", "Amount (£)", "Cases", "Approved by"],
        &[
            "Tenant deceased",
            "Q1 2025/26",
            "2,150",
            "4",
            "Head of Finance",
        ],
        &[
            "Bankruptcy order",
            "Q1 2025/26",
            "6,820",
            "2",
            "Head of Finance",
        ],
        &[
            "Debt relief order",
            "Q2 2025/26",
            "1,940",
            "3",
            "Income Manager",
        ],
        &[
            "Former tenant untraced",
            "Q2 2025/26",
            "3,310",
            "7",
            "Income Manager",
        ],
        &[
            "Statute barred",
            "Q3 2025/26",
            "880",
            "1",
            "Section 151 Officer",
        ],
    ]);
    assert_eq!(grids, [&left, &right, &below]);
}

/// Issue 19: a page laid out as a three-column CSS grid with a borderless table in the middle
/// column and short paragraphs (four to six words a line) in the columns either side
/// (`fixtures/regression/chromium-grid-middle-table.html`, Chromium). The three columns'
/// lines share baselines and no table was found; each page column is read apart, and the
/// paragraphs of the right-hand column are page text, no column of the table.
#[test]
fn issue_19_a_table_in_the_middle_column_of_a_grid_is_read_apart() {
    let got = grids_and_fills("chromium-grid-middle-table.pdf");
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(
        got[0].0,
        rows(&[
            &["Branch", "Visits", "Loans", "Hours"],
            &["Abbotsley", "4,210", "3,905", "32"],
            &["Brookfield", "6,874", "5,112", "40"],
            &["Colden Cross", "2,096", "1,744", "24"],
            &["Dalby Green", "3,388", "2,950", "28"],
            &["Ellerton", "5,431", "4,867", "36"],
            &["Fernhill", "1,902", "1,215", "20"],
        ])
    );
    assert!(got[0].1[0].iter().all(|f| f.as_deref() == Some("#5B2C6F")));
}

/// Issue 19: cells shaded with patterns and shadings (`fixtures/regression/pattern-cell-fills.py`,
/// pikepdf): a flat shading pattern over the header, a stitched gradient between close greens,
/// `sh` of close ambers inside a cell's clip, and a tiling pattern whose tile is one pink are
/// fills of one colour (a gradient's the middle of its range), and so is an uncoloured tiling
/// pattern whose tile is filled, in the colour `scn` gives it; a hatching and a red-to-blue
/// gradient are no one colour.
#[test]
fn issue_19_pattern_and_shading_fills_of_one_colour_are_cell_fills() {
    let got = grids_and_fills("pattern-cell-fills.pdf");
    assert_eq!(got.len(), 1, "{got:?}");
    let (grid, fills) = &got[0];
    assert_eq!(
        *grid,
        rows(&[
            &["Ward", "Homes", "Status"],
            &["Ashgrove", "41", "Ahead"],
            &["Bellfield", "17", "Watch"],
            &["Corran", "9", "Behind"],
            &["Dunmore", "23", "Review"],
            &["Eskside", "30", "Paused"],
            &["Fenwick", "12", "Queued"],
        ])
    );
    let hex = |s: &str| Some(s.to_string());
    assert_eq!(
        *fills,
        [
            [hex("#1F3863"), hex("#1F3863"), hex("#1F3863")],
            [None, None, hex("#C8EACD")],
            [None, None, hex("#FFE094")],
            [None, None, hex("#FFC7CF")],
            [None, None, None],
            [None, None, None],
            [None, None, hex("#EDF0F5")],
        ]
    );
}

/// Issue 19: text covered by a box drawn after it (`fixtures/regression/covered-text.py`,
/// pikepdf). A status covered by an opaque black box filling its cell, and a line covered by
/// an opaque white box, are not read and are counted (33 glyphs, 3 blank); statuses under
/// fills drawn after them with the Multiply blend or at 40% opacity show through and are read,
/// and a line underlined by a thin fill drawn after it is read.
#[test]
fn issue_19_text_covered_by_an_opaque_box_is_not_read() {
    let got = grids_and_fills("covered-text.pdf");
    assert_eq!(got.len(), 1, "{got:?}");
    let (grid, fills) = &got[0];
    assert_eq!(
        *grid,
        rows(&[
            &["Scheme", "Budget", "Status"],
            &["Library refit", "120", "At risk"],
            &["Depot roof", "340", "On track"],
            &["Cycle lanes", "75", ""],
            &["Park lighting", "48", "Complete"],
        ])
    );
    assert_eq!(
        fills.get(3).and_then(|row| row.get(2)),
        Some(&Some("#000000".to_string()))
    );
    let doc = open("covered-text.pdf", "the pikepdf page opens");
    let page = doc.page(1).expect("page 1 reads");
    let text: String = page.glyphs.iter().map(|g| g.text.as_str()).collect();
    assert!(text.contains("Report of the Director"), "{text}");
    for covered in ["Withdrawn", "Exempt", "paragraph"] {
        assert!(!text.contains(covered), "{covered} in {text}");
    }
    let counted: Vec<_> = page
        .warnings
        .iter()
        .filter_map(|w| match w.kind {
            boardpaper::pdf::WarningKind::CoveredText { count, blank } => Some((count, blank)),
            _ => None,
        })
        .collect();
    assert_eq!(counted, [(33, 3)]);
}

/// Issue 19: cells shaded by small one-colour inline images (`BI … ID … EI`;
/// `fixtures/regression/inline-image-fills.py`, pikepdf) are fills of their colour, as image
/// XObjects are: unfiltered on page 1, through `/F [/A85 /Fl]` (as reportlab writes them) on
/// page 2; a two-colour inline image is no fill; a damaged inline image (an unknown colour
/// space) before page 1's text stays an image, is counted in a page warning, and the text
/// after it is read.
#[test]
fn issue_19_one_colour_inline_images_are_cell_fills() {
    let doc = open("inline-image-fills.pdf", "the pikepdf pages open");
    // Header cells (grey), then the three status cells, top to bottom.
    let expected = [
        ([60.0, 82.0, 220.0, 106.0], "#D9D9D9"),
        ([220.0, 82.0, 320.0, 106.0], "#D9D9D9"),
        ([320.0, 82.0, 460.0, 106.0], "#D9D9D9"),
        ([320.0, 106.0, 460.0, 130.0], "#C6EFCE"),
        ([320.0, 130.0, 460.0, 154.0], "#FFEB9C"),
        ([320.0, 154.0, 460.0, 178.0], "#FFC7CE"),
    ];
    for number in [1, 2] {
        let page = doc.page(number).expect("the page reads");
        let fills: Vec<([f64; 4], String)> = page
            .fills
            .iter()
            .map(|f| {
                let colour = f.colour.map(|c| c.to_string()).unwrap_or_default();
                (f.rect.to_array(), colour)
            })
            .collect();
        let want: Vec<([f64; 4], String)> =
            expected.iter().map(|(r, c)| (*r, c.to_string())).collect();
        assert_eq!(fills, want, "page {number}");
        let text: String = page.glyphs.iter().map(|g| g.text.as_str()).collect();
        assert!(
            text.contains("Station link0Suspended"),
            "page {number}: {text}"
        );
        let unread = page
            .warnings
            .iter()
            .filter(|w| {
                matches!(&w.kind, boardpaper::pdf::WarningKind::ContentUnreadable { reason }
                    if reason.starts_with("1 inline images could not be read"))
            })
            .count();
        assert_eq!(unread, usize::from(number == 1), "{:?}", page.warnings);
        assert_eq!(page.images.len(), if number == 1 { 8 } else { 7 });
    }
}

/// Nothing lost: a table ruled only under each row (`fixtures/regression/chromium-last-row-wrapped.html`,
/// Chromium), whose first column wraps in every row. The last row's wrapped line starts at the
/// table's left edge, where a note after a table would, but the rule under the row lies below
/// it: it is the row's, and was dropped from the table and the page alike.
#[test]
fn issue_19_last_row_wrapped_under_its_rule_is_kept() {
    let got = grids_and_fills("chromium-last-row-wrapped.pdf");
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(
        got[0].0,
        rows(&[
            &["Repair", "Estate", "Contractor", "Due", "Status"],
            &[
                "Replace the communal door entry panels in every block",
                "Harlow Court",
                "Fenwick Security",
                "30/09/2025",
                "Complete"
            ],
            &[
                "Resurface the footpaths between the garages and the play area",
                "Millbank",
                "Strand Civils",
                "31/10/2025",
                "In progress"
            ],
            &[
                "Clear and reline the surface water drains behind the shops",
                "Oakleigh Green",
                "Drainwise",
                "30/11/2025",
                "In progress"
            ],
            &[
                "Repaint the stairwells and renew the handrails on floors one to four",
                "Tanner Street",
                "Colourline",
                "31/01/2026",
                "Not started"
            ],
        ])
    );
}

/// Rows a ruled grid does not part (`fixtures/regression/writer-figure-rows-in-ruled-groups.py`,
/// Word via LibreOffice): a table ruled round groups of rows, each group one ruled row whose
/// cells hold a line of figures per row, some labels wrapped with their figures beside the
/// first line, others beside the last. Each line of figures is a row with its label; it came
/// back as one row per group, labels run together and figures stacked. Truth typed from the
/// generator's GROUPS; the shaded column keeps its fill in every row.
#[test]
fn issue_19_rows_of_figures_inside_one_ruled_row_are_rows() {
    let got = grids_and_fills("writer-figure-rows-in-ruled-groups.pdf");
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(
        got[0].0,
        rows(&[
            &[
                "Programme (£m)",
                "2025-26 budget",
                "2026-27 plan",
                "2027-28 plan",
                "2028-29 plan"
            ],
            &["Principal roads", "4.2", "4.5", "4.8", "5.0"],
            &[
                "Unclassified roads and rural lanes resurfacing",
                "2.9",
                "3.1",
                "3.0",
                "3.3"
            ],
            &["Footway renewal", "1.1", "–", "1.2", "1.4"],
            &["Bridge strengthening", "0.8", "1.6", "2.4", "0.7"],
            &[
                "Drainage and flood alleviation schemes",
                "1.9",
                "2.2",
                "2.0",
                "2.1"
            ],
            &[
                "Street lighting column replacement programme",
                "12.4",
                "(0.3)",
                "1.5",
                "1.5"
            ],
            &["Total highways programme", "23.3", "19.1", "16.9", "14.0"],
        ])
    );
    for (r, fills) in got[0].1.iter().enumerate() {
        assert_eq!(fills[1].as_deref(), Some("#E4DFEC"), "row {r}");
        assert_eq!(fills[2], None, "row {r}");
    }
}

/// Columns a ruled row does not part (`fixtures/regression/excel-total-bars.py`, drawn as Excel
/// exports a budget list): a "TOTAL …" bar filled across the table with the column borders
/// stopping at its edges reads as one cell from the Service column on; its label and figures
/// came back as one text ("TOTAL ENVIRONMENT SAVINGS -214 -225 -236"). Each figure is in the
/// column it stands in, the label in its first column, and every part keeps the bar's fill.
/// The header band hides the rules between the year columns: each year heads its own column
/// (they came back as one cell "2025-26 2026-27 2027-28"). Truth typed from the generator's
/// HEADER and BLOCKS.
#[test]
fn issue_19_figures_on_a_total_bar_stand_in_their_columns() {
    let got = grids_and_fills("excel-total-bars.pdf");
    assert_eq!(got.len(), 1, "{got:?}");
    let (grid, fills) = &got[0];
    assert_eq!(grid.len(), 8, "{grid:?}");
    assert_eq!(
        grid[0],
        [
            "Ref",
            "Service",
            "Description",
            "Lead",
            "2025-26",
            "2026-27",
            "2027-28"
        ]
    );
    assert_eq!(
        grid[4],
        [
            "14",
            "TOTAL COMMUNITY SERVICE CHANGES",
            "",
            "",
            "415.4",
            "140.5",
            "146.0"
        ]
    );
    assert_eq!(
        grid[7],
        [
            "17",
            "TOTAL ENVIRONMENT SAVINGS",
            "",
            "",
            "-214",
            "-225",
            "-236"
        ]
    );
    assert_eq!(
        grid[5],
        [
            "15",
            "Waste",
            "Food waste rounds for flats",
            "Waste Services Manager",
            "-310",
            "-322",
            "-335"
        ]
    );
    for r in [4, 7] {
        for c in [1, 4, 5, 6] {
            assert_eq!(
                fills[r][c].as_deref(),
                Some("#5B2C8F"),
                "row {r} column {c}"
            );
        }
    }
}

/// Nothing lost: a Word plan table (`fixtures/regression/writer-list-bullets-in-cells.py`,
/// python-docx printed by LibreOffice, "Table Grid" borders) whose action cells hold the
/// action and its milestones as "List Bullet" paragraphs. Each bullet is its own glyph a
/// hanging indent before its item, so most lines showed a column-sized gap inside one ruled
/// column: the grid was read as a spreadsheet ruled round groups of columns, handed to the
/// alignment reader, and its rows landed in no table. A bullet and its item are one item, and
/// a grid whose alignment reading would leave text in no table keeps its cells.
#[test]
fn issue_19_list_bullets_in_ruled_cells_keep_the_table() {
    let got = grids_and_fills("writer-list-bullets-in-cells.pdf");
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(
        got[0].0,
        rows(&[
            &["Ref", "Action and milestones", "Lead officer", "Due", "RAG"],
            &["Theme 1: Greener parks and open spaces", "", "", "", ""],
            &[
                "1.1",
                "Plant street trees along the main routes into the town centre\nPlanting sites surveyed – Complete – March 2025\nTwo hundred trees planted – November 2025\nWatering rota agreed with volunteers",
                "Tree Officer",
                "November 2025",
                "Green"
            ],
            &[
                "1.2",
                "Open three new community growing spaces on council land\nSites chosen with ward members – Complete – May 2025\nGrowing clubs formed at each site",
                "Parks Development Manager",
                "March 2026",
                "Amber"
            ],
            &[
                "1.3",
                "Restore the lake and wetland at Hollins Park\nDesilting contract let – September 2025\nReed beds replanted – April 2026\nBoardwalk reopened to the public – June 2026",
                "Head of Green Spaces",
                "June 2026",
                "Red"
            ],
            &["Theme 2: Safer play areas", "", "", "", ""],
            &[
                "2.1",
                "Inspect every play area each week and repair faults within five days\nInspection app rolled out to all rangers – Complete – April 2025\nRepair times reported to committee each quarter",
                "Parks Operations Manager",
                "Ongoing",
                "Green"
            ],
            &[
                "2.2",
                "Replace the worn equipment at Cooper Street and Elm Walk\nDesigns chosen by local children – July 2025\nNew equipment installed – February 2026",
                "Play Area Surveyor",
                "February 2026",
                "Amber"
            ],
        ])
    );
    let rag: Vec<Option<String>> = got[0].1.iter().map(|r| r[4].clone()).collect();
    assert_eq!(rag[2].as_deref(), Some("#00B050"), "{rag:?}");
    assert_eq!(rag[4].as_deref(), Some("#FF0000"), "{rag:?}");
}

/// Issue 19: a Word table printed by LibreOffice over two pages
/// (`fixtures/regression/writer-nested-broken-row.py`) with a table nested in two of its
/// cells and a row broken across the page (Word's default: "allow row to break across
/// pages"), once with the header repeated on page 2 and once without. The nested tables'
/// rules touch the outer cells' right and bottom rules, so they joined the outer grid: two
/// extra columns and extra rows, and page 2's table no longer matched page 1's columns. A
/// nested table is now part of its cell, its rows lines of the cell; the table is one table
/// over both pages and the broken row one row, its text joined where the page broke it.
#[test]
fn issue_19_nested_table_and_row_broken_over_a_page() {
    let want = rows(&[
            &["Ref", "Organisation", "Project", "Award (£)", "Conditions"],
            &["G-01", "Ashby Youth Club", "New kitchen for the youth club's cooking sessions", "4,500", "Receipts by March 2026"],
            &["G-02", "Brackley Allotment Society", "Water troughs and a secure tool store", "2,750", "None"],
            &["G-03", "Coldharbour Residents' Association", "Planting and benches for the green behind the shops", "6,000", "Paid in two parts:\nMay 2025 3,000\nNovember 2025 3,000"],
            &["G-04", "Dene Valley Wildlife Group", "Bat boxes and a survey of the river corridor", "1,200", "Survey report to the panel"],
            &["G-05", "Eastfield Community Cafe", "Training for volunteer baristas", "950", "None"],
            &["G-06", "Fernhill Sports Trust", "Floodlights for the junior football pitch", "8,000", "Planning consent first"],
            &["G-07", "Greystoke Village Trust", "The trust will run a weekly lunch club in the village hall for older residents who live alone, with transport from the outlying hamlets in the parish minibus, a hot two-course meal cooked by volunteers from the church and the school, and an afternoon of talks, music and gentle exercise led by the county's health visitors. The grant pays for the hall's hire, a part-time coordinator for the first year, the minibus driver's hours and a chilled food store that meets the council's food safety rules, so the club can go on after the first year on the members' own small charges and the parish council's support. The trust will report the number of members, the meals served and what members say about the club to the grants panel every six months.", "12,400", "Six-monthly reports"],
            &["G-08", "Holloway Arts Collective", "A mural on the underpass by the station", "3,300", "Design agreed with ward members"],
            &["G-09", "Ingleby Foodbank", "A second chest freezer and shelving", "1,100", "None"],
            &["G-10", "Juniper Court Tenants", "Raised beds for the communal garden", "2,400", "Paid in two parts:\nJune 2025 1,200\nJanuary 2026 1,200"],
            &["G-11", "Kelsey Street Mosque", "Accessible toilet for the community room", "7,500", "Building regulations sign-off"],
    ]);
    for file in [
        "writer-nested-broken-row.pdf",
        "writer-nested-broken-row-no-header.pdf",
    ] {
        let tables = crate::tables::tables_of(&format!("regression/{file}"));
        let [t] = tables.as_slice() else {
            panic!("{file}: one table, got {}", tables.len());
        };
        assert_eq!(t.pages, [1, 2], "{file}");
        assert_eq!(t.grid(), want, "{file}");
    }
}

/// Issue 19: a table floated in a tinted sidebar panel with the page's prose wrapping round it
/// (`fixtures/regression/chromium-sidebar-table.html`, Chromium; float: right on page 1,
/// float: left on page 2). The prose lines beside the panel share the table's baselines, so
/// they were read as a first (last) column of the table, its rows cut where the prose's lines
/// fall. The panel's edge, in the gutter between the prose and the table, ends the table.
#[test]
fn issue_19_prose_wrapping_round_a_sidebar_table_is_no_column() {
    let got: Vec<Vec<Vec<String>>> = grids_and_fills("chromium-sidebar-table.pdf")
        .into_iter()
        .map(|(g, _)| g)
        .collect();
    assert_eq!(
        got,
        [
            rows(&[
                &["Group", "Purpose", "Grant"],
                &["Westmere Scouts", "Tents for summer camp", "£1,250"],
                &["Mill Lane Residents", "Bulbs for the verges", "£380"],
                &["St Anne's Toddlers", "Soft play mats", "£640"],
                &["Bowls Club", "Mower repair", "£975"],
                &["Library Friends", "Author talks", "£300"],
                &["Orchard Walkers", "Stiles and waymarks", "£820"],
                &["Westmere Singers", "Sheet music", "£215"],
            ]),
            rows(&[
                &["Site", "Work done", "Cost"],
                &["Church Green", "Bench repairs", "£410"],
                &["Millpond", "Clearing reeds", "£1,900"],
                &["Playing field", "Goalmouth reseeding", "£560"],
                &["Allotments", "New water tap", "£345"],
                &["Station Road", "Hanging baskets", "£720"],
                &["Cemetery", "Hedge cutting", "£630"],
            ]),
        ]
    );
}

/// Issue 19: header cells holding ranges set with an en dash and no spaces ("Visits Apr–Sep
/// 2024", "Spend 2024–25"), printed by Chromium in columns so narrow that each line breaks
/// after the dash (`fixtures/regression/chromium-dash-wrapped-header.html`). The lines were
/// joined with a space ("Apr– Sep"); a dash set solid against the word before joins the next
/// line without one, and a dash standing alone ("On track –" / "November 2025") keeps it.
#[test]
fn issue_19_a_line_broken_after_a_solid_dash_joins_without_a_space() {
    let got = grids_and_fills("chromium-dash-wrapped-header.pdf");
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(
        got[0].0,
        rows(&[
            &[
                "Centre",
                "Visits Apr–Sep 2024",
                "Visits Apr–Sep 2025",
                "Spend 2024–25",
                "Progress"
            ],
            &[
                "Brookside Centre",
                "12,480",
                "13,902",
                "£4,130",
                "Roof repaired – Complete – June 2025"
            ],
            &[
                "Calder Hall",
                "8,115",
                "7,640",
                "£2,895",
                "New boiler – On track – November 2025"
            ],
            &[
                "Dovecote Rooms",
                "3,902",
                "4,418",
                "£1,270",
                "Kitchen refit – Not started"
            ],
        ])
    );
}

/// Issue 19: cells shaded with CSS `linear-gradient` backgrounds
/// (`fixtures/regression/chromium-gradient-cells.html`, Chromium). Chromium prints each as a
/// tiling pattern whose tile is one image the size of the printable area (over the pixel cap
/// for one-colour images), so no colour was read. The part of the image under each cell is
/// read: a gentle gradient has one colour, between its stops; a red-to-blue one has none.
#[test]
fn issue_19_chromium_gradient_cells_have_their_colour() {
    let got = grids_and_fills("chromium-gradient-cells.pdf");
    assert_eq!(got.len(), 1, "{got:?}");
    let (grid, fills) = &got[0];
    assert_eq!(grid[0], ["Site", "Ward", "Budget (£)", "Status"]);
    assert_eq!(
        grid[5],
        [
            "Millpond adventure trail",
            "Westfield",
            "75,000",
            "Withdrawn"
        ]
    );
    // The generator's stops, top (or left) then bottom (or right).
    let header = ("#DCE6F2", "#D0DDEE");
    let green = ("#C8E6C9", "#BFE0C0");
    let amber = ("#FFE9A8", "#FFE29A");
    let red = ("#F8CFCF", "#F3C4C4");
    let want = [
        (0, 0, header),
        (0, 1, header),
        (0, 2, header),
        (0, 3, header),
        (1, 3, green),
        (2, 3, amber),
        (3, 3, red),
        (4, 3, green),
    ];
    let channels = |hex: &str| {
        let v = u32::from_str_radix(hex.trim_start_matches('#'), 16).expect("hex");
        [(v >> 16) & 0xFF, (v >> 8) & 0xFF, v & 0xFF].map(|c| c as i32)
    };
    for (row, col, (from, to)) in want {
        let got = fills[row][col]
            .as_deref()
            .unwrap_or_else(|| panic!("no fill at {row},{col}"));
        let (g, a, b) = (channels(got), channels(from), channels(to));
        for k in 0..3 {
            let (lo, hi) = (a[k].min(b[k]), a[k].max(b[k]));
            assert!(
                g[k] >= lo - 2 && g[k] <= hi + 2,
                "{row},{col}: {got} is not between {from} and {to}"
            );
        }
    }
    for (row, col) in [(1, 0), (1, 1), (1, 2), (5, 0)] {
        assert_eq!(fills[row][col], None, "{row},{col}");
    }
    assert_eq!(
        fills[5][3], None,
        "a red-to-blue gradient has no one colour"
    );
}

/// Issue 19: text scaled to nothing (`fixtures/regression/chromium-tiny-text.html`,
/// Chromium: `transform: scale(0.001)` prints 8-pt notes at 0.008 pt) is not what the page
/// shows: it is not read, and the page counts it. Text at 2.5 and 3 pt, as a sheet fitted to
/// its page prints, is read.
#[test]
fn issue_19_text_too_small_to_read_is_not_read() {
    let got = grids_and_fills("chromium-tiny-text.pdf");
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(
        got[0].0,
        rows(&[
            &["Parish", "Lanterns", "Replaced", "Share"],
            &["Ashwell", "412", "390", "94.7%"],
            &["Bramley Cross", "268", "201", "75.0%"],
            &["Cotterell", "155", "155", "100.0%"],
        ])
    );
    let doc = open("chromium-tiny-text.pdf", "text scaled to nothing");
    let page = doc.page(1).expect("the page reads");
    let text: String = page.glyphs.iter().map(|g| g.text.as_str()).collect();
    assert!(text.contains("Source: highways asset register"), "{text}");
    for hidden in ["DRAFT", "recount", "REF-", "held"] {
        assert!(!text.contains(hidden), "{hidden} in {text}");
    }
    // "DRAFT-NOTE-3318" (15), "recount due" (11), "Figures held back pending audit REF-7720"
    // (40): 66 glyphs, of them 6 spaces.
    let tiny: Vec<_> = page
        .warnings
        .iter()
        .filter_map(|w| match w.kind {
            boardpaper::pdf::WarningKind::TinyText { count, blank } => Some((count, blank)),
            _ => None,
        })
        .collect();
    assert_eq!(tiny, [(66, 6)]);
}

/// Issue 19: optional content switched off (`fixtures/regression/optional-content-draft-layer.py`,
/// pikepdf, which holds the data typed here). A "Draft" layer off in the document's default
/// view holds a big mark, a cell note and a rule through the table; a form shown only with
/// that layer (an OCMD) prints "Superseded" over a cell. None of it is what the page shows:
/// the table keeps its rows whole and its cells their own text, the "Notes" layer (on) is
/// read, and the hidden glyphs are counted.
#[test]
fn issue_19_layers_switched_off_are_not_read() {
    let got = grids_and_fills("optional-content-draft-layer.pdf");
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(
        got[0].0,
        rows(&[
            &["Scheme", "Road", "Cost", "Start"],
            &["Junction signals", "A412", "640", "May 2026"],
            &["Footway widening", "B3021", "215", "July 2026"],
            &["Bridge deck repairs", "A30", "1,120", "September 2026"],
            &["Drainage renewal", "C118", "96", "October 2026"],
        ])
    );
    let doc = open("optional-content-draft-layer.pdf", "a page with layers");
    let page = doc.page(1).expect("the page reads");
    let text: String = page.glyphs.iter().map(|g| g.text.as_str()).collect();
    assert!(text.contains("Approved by the Highways Board"), "{text}");
    for hidden in ["DRAFT", "figure to be checked", "Superseded"] {
        assert!(!text.contains(hidden), "{hidden} in {text}");
    }
    // "DRAFT" 5, "figure to be checked" 20 (3 spaces), "Superseded" 10.
    let counted: Vec<_> = page
        .warnings
        .iter()
        .filter_map(|w| match w.kind {
            boardpaper::pdf::WarningKind::HiddenLayerText { count, blank } => Some((count, blank)),
            _ => None,
        })
        .collect();
    assert_eq!(counted, [(35, 3)]);
}

/// Issue 19: a watermark set big and slanted across a table
/// (`fixtures/regression/watermark-over-table.py`, pikepdf, which holds the data typed here:
/// "PROVISIONAL" at 110 pt, turned 35°, pale and translucent) is no part of the page's text:
/// its letters landed in the cells under them and tore the table apart. It is not read, and
/// the page counts it; a small label turned 45° is read.
#[test]
fn issue_19_a_slanted_watermark_is_not_read() {
    let got = grids_and_fills("watermark-over-table.pdf");
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(
        got[0].0,
        rows(&[
            &["Branch", "Visits 2024/25", "Visits 2025/26", "Change"],
            &["Central", "182,400", "190,115", "+4.2%"],
            &["Northgate", "61,020", "58,870", "-3.5%"],
            &["Riverside", "44,310", "47,902", "+8.1%"],
            &["Westbury", "29,880", "30,012", "+0.4%"],
            &["Mobile library", "8,415", "7,960", "-5.4%"],
        ])
    );
    let doc = open("watermark-over-table.pdf", "a page with a watermark");
    let page = doc.page(1).expect("the page reads");
    let text: String = page.glyphs.iter().map(|g| g.text.as_str()).collect();
    assert!(text.ends_with("Rev B"), "{text}");
    let counted: Vec<_> = page
        .warnings
        .iter()
        .filter_map(|w| match w.kind {
            boardpaper::pdf::WarningKind::WatermarkText { count, blank } => Some((count, blank)),
            _ => None,
        })
        .collect();
    assert_eq!(counted, [(11, 0)], "PROVISIONAL");
}

/// Issue 19: a filled-in form (`fixtures/regression/form-field-values.py`, pikepdf, which
/// holds the data typed here) prints its values through its fields' widget appearances: they
/// are the cells a reader sees, and were read as empty. A checkbox-like widget shows the state
/// /AS names; a Hidden widget and a FreeText comment laid over the table are not read.
#[test]
fn issue_19_form_field_values_are_read_in_their_cells() {
    let got = grids_and_fills("form-field-values.pdf");
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(
        got[0].0,
        rows(&[
            &["Room", "Booked by", "Day", "Paid"],
            &["Committee Room 1", "Planning Committee", "Tuesday", "Yes"],
            &[
                "Committee Room 2",
                "Licensing Sub-Committee",
                "Wednesday",
                "No"
            ],
            &["Council Chamber", "Full Council", "Thursday", "Yes"],
        ])
    );
    let doc = open("form-field-values.pdf", "a filled-in form");
    let text: String = doc
        .page(1)
        .expect("the page reads")
        .glyphs
        .iter()
        .map(|g| g.text.as_str())
        .collect();
    for hidden in ["WITHHELD", "Query"] {
        assert!(!text.contains(hidden), "{hidden} in {text}");
    }
}

/// Issue 19: a schedule of charges set with right-aligned tab stops and dot leaders
/// (`fixtures/regression/writer-tab-leaders.py`, python-docx printed by LibreOffice, which
/// holds the rows typed here): the leader's dots are set solid against the label and the first
/// price, so they were one word ("…daytime.........42.00") and the price never reached its
/// column. The dots are no text: four columns, no dots.
#[test]
fn issue_19_dot_leaders_part_a_label_from_its_price() {
    let got = grids_and_fills("writer-tab-leaders.pdf");
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(
        got[0].0,
        rows(&[
            &["Room", "2025 £", "2026 £", "Change"],
            &["Main hall – weekday daytime", "42.00", "44.00", "4.8%"],
            &[
                "Main hall – evenings and weekends",
                "55.00",
                "58.00",
                "5.5%"
            ],
            &["Meeting room 1 (up to 12 people)", "18.50", "19.50", "5.4%"],
            &["Meeting room 2", "n/a", "16.00", "–"],
            &["Kitchen with the main hall", "12.00", "12.00", "0.0%"],
            &["Sports hall – badminton court", "21.00", "22.50", "7.1%"],
            &["Craft studio (charities)", "Free", "Free", "–"],
        ])
    );
}

/// Issue 19: a ledger ruled between its columns and under its header but not between its rows
/// (`fixtures/regression/reportlab-ledger-column-rules.py`, reportlab, which holds the rows
/// typed here) came back as the header and one row whose cells held every payment's lines.
/// Each amount is a row with what stands level with it; a wrapped description is its row's.
#[test]
fn issue_19_a_ledger_with_column_rules_only_has_a_row_per_payment() {
    let got = grids_and_fills("reportlab-ledger-column-rules.pdf");
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(
        got[0].0,
        rows(&[
            &["Paid on", "Supplier", "What for", "Account", "Amount £"],
            &[
                "03/11/2025",
                "Brookside Joinery",
                "Replacement fire doors, Elm House",
                "HS210",
                "14,280.00"
            ],
            &[
                "04/11/2025",
                "Tarnfield Fuels",
                "Gritter diesel",
                "HW115",
                "6,912.40"
            ],
            &[
                "04/11/2025",
                "Copperleaf Catering",
                "School meals – November",
                "ED400",
                "38,505.75"
            ],
            &[
                "07/11/2025",
                "Marlow & Reeve LLP",
                "Legal advice on the leisure centre lease and its renewal terms",
                "LG700",
                "2,150.00"
            ],
            &[
                "10/11/2025",
                "Northgate Print",
                "Council tax reminder letters",
                "RV300",
                "1,044.90"
            ],
            &[
                "12/11/2025",
                "Ashdown Tree Care",
                "Storm damage clearance",
                "PK100",
                "3,600.00"
            ],
            &[
                "14/11/2025",
                "Tarnfield Fuels",
                "Refund of overpayment",
                "HW115",
                "(312.00)"
            ],
            &[
                "18/11/2025",
                "Holloway Data Ltd",
                "Licence renewal",
                "IT600",
                "9,875.00"
            ],
        ])
    );
}

/// Issue 19 (pdf stage): LaTeX tables printed in fonts pdfTeX had only as PK bitmaps, so each
/// is a Type3 font with no /ToUnicode and glyph names that are only codes (/a28). Every glyph
/// read as U+FFFD. The code is read in the TeX font's own encoding, T1 (the EC fonts) or OT1
/// (Computer Modern), as the codes the font uses tell: ligatures as their letters, en and
/// em dashes, curly quotes and the pound sign.
#[test]
fn issue_19_tex_bitmap_fonts_read_in_their_encoding() {
    let body: [&[&str]; 4] = [
        &[
            "1",
            "Office refit \u{2014} first floor",
            "2025\u{2013}26",
            "12,500",
            "\u{201C}Efficient\u{201D} lighting",
        ],
        &[
            "2",
            "Affordable flats at Mill Lane",
            "2026\u{2013}27",
            "48,000",
            "Staff\u{2019}s offices",
        ],
        &[
            "3",
            "Final fit-out of the library",
            "2025\u{2013}26",
            "7,250",
            "Official sign-off",
        ],
        &[
            "4",
            "Flood defences, phase 2",
            "2027\u{2013}30",
            "150,900",
            "\u{2018}Baffle\u{2019} walls",
        ],
    ];
    for (name, cost) in [
        ("latex-type3-t1.pdf", "Cost (\u{A3})"),
        ("latex-type3-ot1.pdf", "Cost"),
    ] {
        let got = grids_and_fills(name);
        assert_eq!(got.len(), 1, "{name}: {got:?}");
        let mut want = vec![vec![
            "Ref".to_string(),
            "Scheme".to_string(),
            "Period".to_string(),
            cost.to_string(),
            "Officer\u{2019}s note".to_string(),
        ]];
        want.extend(rows(&body));
        assert_eq!(got[0].0, want, "{name}");
    }
}

/// Issue 19 (layout stage): header labels printed letter-spaced (`fixtures/regression/
/// letter-spaced.py`, reportlab): "REF", "ACTION TAKEN" and "COST" set with 1.2 pt tracking
/// (`Tc`) and "T O T A L" typed with a space after every letter read "R E F", "A C T I O N T
/// A K E N", "T O T A L". Evenly spaced single capitals set apart from their neighbours are one
/// word; ordinary text with single-letter words ("Grade A B C", "Plan A 1", "I and J", the
/// line "Options A B C were costed in full.") keeps its words apart.
#[test]
fn issue_19_letter_spaced_headers_read_as_words() {
    let got = grids_and_fills("letter-spaced.pdf");
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(
        got[0].0,
        rows(&[
            &["REF", "ACTION TAKEN", "COST"],
            &["1", "Grade A B C roads resurfaced", "12,400"],
            &["2", "Plan A 1 signs replaced", "3,150"],
            &["3", "I and J junctions relined", "870"],
            &["TOTAL", "", "16,420"],
        ])
    );
    let doc = open("letter-spaced.pdf", "the reportlab page opens");
    let page = doc.page(1).expect("page 1 reads");
    let words: Vec<String> = boardpaper::layout::words(&page.glyphs, &Default::default())
        .into_iter()
        .map(|w| w.text)
        .collect();
    let line = ["Options", "A", "B", "C", "were", "costed", "in", "full."];
    assert!(words.windows(line.len()).any(|w| w == line), "{words:?}");
}

/// Issue 19 (pdf stage): CSS `linear-gradient` cells a little wider than a gentle shade
/// (`fixtures/regression/chromium-gradient-wide.html`, Chromium): a navy header lightening by
/// 30 units and status cells deepening by 31 and 30 had no fill (over the 24-unit tolerance
/// then). A reader sees one shade: each reads as one colour within 16 of every point of its
/// gradient, the top of the text included. A cell from white to dark navy has none.
#[test]
fn issue_19_gradients_30_units_wide_are_one_shade() {
    let got = grids_and_fills("chromium-gradient-wide.pdf");
    assert_eq!(got.len(), 1, "{got:?}");
    let (grid, fills) = &got[0];
    assert_eq!(grid[0], ["Agreement", "Site", "Received (£)", "Status"]);
    assert_eq!(
        grid[4],
        ["S106/23/017", "Glebe Farm phase 2", "15,000", "Closed"]
    );
    // The generator's stops, top then bottom.
    let header = ("#223B68", "#2A4A86");
    let amber = ("#FDEFBB", "#FFE09C");
    let red = ("#F6CAC6", "#F0B0A8");
    let channels = |hex: &str| {
        let v = u32::from_str_radix(hex.trim_start_matches('#'), 16).expect("hex");
        [(v >> 16) & 0xFF, (v >> 8) & 0xFF, v & 0xFF].map(|c| c as i32)
    };
    let want = [
        (0, 0, header),
        (0, 3, header),
        (1, 3, amber),
        (2, 3, red),
        (3, 3, amber),
    ];
    for (row, col, (from, to)) in want {
        let got = fills[row][col]
            .as_deref()
            .unwrap_or_else(|| panic!("no fill at {row},{col}"));
        let (g, a, b) = (channels(got), channels(from), channels(to));
        for k in 0..3 {
            assert!(
                (g[k] - a[k]).abs() <= 16 && (g[k] - b[k]).abs() <= 16,
                "{row},{col}: {got} is not one shade of {from} to {to}"
            );
        }
    }
    assert_eq!(fills[1][0], None);
    assert_eq!(fills[4][3], None, "white to navy is a picture, no fill");
}

/// Issue 19 (pdf stage): separate, rounded cell borders
/// (`fixtures/regression/chromium-rounded-cell-borders.html`, Chromium) whose header sides
/// differ (pale blue, a dotted navy rule under each) are drawn side by side as a fill of the
/// whole cell clipped to the frame between the cell's box and its rounded inner box (an
/// even-odd clip with a hole). The header cells read the pale blue of their borders; a fill
/// clipped to a frame paints a border, and each cell keeps its own fill.
#[test]
fn issue_19_rounded_cell_borders_are_no_fill() {
    let tables = crate::tables::tables_of("regression/chromium-rounded-cell-borders.pdf");
    assert_eq!(tables.len(), 1, "{tables:?}");
    let t = &tables[0];
    assert_eq!(
        t.grid(),
        rows(&[
            &["Site", "Plots", "Waiting", "Status"],
            &["Rookery Lane", "64", "22", "Open"],
            &["Hollins Field", "38", "41", "List closed"],
            &["Canal Side", "52", "9", "Open"],
        ])
    );
    // The colour a reader sees behind a cell's text: the cell's fill, or its paragraph's (as
    // `tables` prints it).
    let fill = |r: usize, c: usize| {
        t.cell_at(r, c)
            .and_then(|x| x.fill.or_else(|| x.paragraphs.iter().find_map(|p| p.fill)))
            .map(|f| f.to_string())
    };
    let navy = Some("#1F4E79".to_string());
    let header: Vec<Option<String>> = (0..4).map(|c| fill(0, c)).collect();
    assert_eq!(header, [navy.clone(), navy.clone(), navy.clone(), navy]);
    let status: Vec<Option<String>> = (1..4).map(|r| fill(r, 3)).collect();
    assert_eq!(
        status,
        [
            Some("#E2EFDA".to_string()),
            Some("#FFF2CC".to_string()),
            Some("#E2EFDA".to_string())
        ]
    );
    assert_eq!(fill(2, 0), None);
}

/// Issue 19: a spreadsheet list's summary rows (`fixtures/regression/calc-filled-totals-under-grid.py`,
/// openpyxl printed by LibreOffice Calc) are filled across the list's width with no borders,
/// under an empty numbered spacer row, on the second page of a list whose header repeats
/// there: they came back as a table of five columns of their own ("65 | CORE | 5,102.4 | …").
/// They are the list's last rows, each figure in its year column, the label in its own, with
/// the row's fill. Truth typed from the generator's SECTION_TOTAL, SPACER, SUMMARY and FILLS.
#[test]
fn issue_19_filled_total_rows_under_a_ruled_list_are_its_last_rows() {
    let tables = crate::tables::tables_of("regression/calc-filled-totals-under-grid.pdf");
    assert_eq!(
        tables.len(),
        1,
        "{:?}",
        tables.iter().map(|t| t.grid()).collect::<Vec<_>>()
    );
    let t = &tables[0];
    assert_eq!(t.pages, [1, 2]);
    assert_eq!(t.n_cols, 9);
    // The header once, 52 body rows, the section total, the spacer and three summary rows.
    assert_eq!(t.n_rows, 58);
    let grid = t.grid();
    assert_eq!(
        grid[53..].to_vec(),
        rows(&[
            &[
                "63",
                "TOTAL COMMUNITY SERVICES",
                "",
                "",
                "7,412.0",
                "-1,318.0",
                "833.0",
                "",
                ""
            ],
            &["64", "", "", "", "", "", "", "", ""],
            &["65", "CORE", "", "", "5,102.4", "-904.0", "610.5", "", ""],
            &["66", "EXTERNAL", "", "", "2,309.6", "-414.0", "222.5", "", ""],
            &["67", "TOTAL", "", "", "7,412.0", "-1,318.0", "833.0", "", ""],
        ])
    );
    for (row, fill) in [(55, "#3A5F2B"), (56, "#5B2C8F"), (57, "#000000")] {
        for col in [0, 1, 4, 6] {
            let got = t
                .cell_at(row, col)
                .and_then(|c| c.fill)
                .map(|f| f.to_string());
            assert_eq!(got.as_deref(), Some(fill), "row {row} column {col}");
        }
    }
}

/// Issue 19: a Word table of two columns ruled with horizontal borders and one vertical
/// border between the columns, none at its sides (`fixtures/regression/writer-rows-taller-than-a-page.py`,
/// python-docx printed by LibreOffice Writer), whose commentaries run longer than a page: a
/// page may hold only the middle of one row. No table was found (the grid had one column
/// rule); it is one table over all nine pages, each row whole: its key (risk, score, rating)
/// and its commentary, a paragraph that ends at a page break ending there. Truth written by
/// the generator from its HEADER and ROWS (`writer-rows-taller-than-a-page.json`).
#[test]
fn issue_19_rows_taller_than_a_page_stay_rows_of_one_table() {
    let want = generator_rows("writer-rows-taller-than-a-page");
    let tables = crate::tables::tables_of("regression/writer-rows-taller-than-a-page.pdf");
    assert_eq!(
        tables.len(),
        1,
        "{:?}",
        tables.iter().map(|t| t.pages.clone()).collect::<Vec<_>>()
    );
    assert_eq!(tables[0].pages, (1..=9).collect::<Vec<u32>>());
    assert_eq!(tables[0].grid(), want);
}

/// Issue 19: a row with an empty key cell that opens the next page is the rest of a row cut
/// by the break only when the table reached the page's foot. In
/// `fixtures/regression/writer-row-kept-whole-empty-key.py` (python-docx printed by LibreOffice
/// Writer, rows kept whole, header repeated) a further action under reference 5, its Ref cell
/// empty, is moved whole to page 2, and page 1's table ends some 100 pt above the foot (page
/// 2's closing text runs down to it): it was merged into action 5. It is a row of its own.
/// Truth typed from the generator's HEADER, STEPS and ROWS (whitespace runs compared as one
/// space: the steps are paragraphs with no space between them, read as one).
#[test]
fn issue_19_an_empty_key_row_under_a_table_ending_above_the_foot_is_its_own_row() {
    const STEPS: &str =
        "Agree the scope of the review with the portfolio holder. Collect a year of \
        call records from the contact centre. Interview frontline staff in each of the four area \
        teams. Compare response times with three neighbouring councils. Report the findings to \
        the scrutiny committee in the spring. Publish an action plan with named owners and \
        target dates.";
    let tables = crate::tables::tables_of("regression/writer-row-kept-whole-empty-key.pdf");
    assert_eq!(tables.len(), 1);
    assert_eq!(tables[0].pages, [1, 2]);
    let squeeze = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let got: Vec<Vec<String>> = tables[0]
        .grid()
        .iter()
        .map(|r| r.iter().map(|c| squeeze(c)).collect())
        .collect();
    let five = format!("Set up a residents' panel on the new recycling collections. {STEPS}");
    let follow = format!("Follow up the panel's findings with a second survey. {STEPS} {STEPS}");
    assert_eq!(
        got,
        rows(&[
            &["Ref", "Action", "Lead"],
            &[
                "1",
                "Review how quickly residents' reports of fly-tipping are cleared.",
                "Head of Street Scene"
            ],
            &[
                "2",
                "Extend the garden waste service to the three villages not yet covered.",
                "Waste Services Manager"
            ],
            &[
                "3",
                "Replace the pay and display machines in the two town centre car parks.",
                "Parking Manager"
            ],
            &[
                "4",
                "Plant two hundred street trees in wards with the least tree cover.",
                "Tree Officer"
            ],
            &["5", &squeeze(&five), "Recycling Officer"],
            &["", &squeeze(&follow), "Engagement Lead"],
            &[
                "6",
                "Open a repair cafe at the community hub each month.",
                "Community Hub Manager"
            ],
        ])
    );
}

/// Columns and rows a spreadsheet's borders do not part (`fixtures/regression/
/// calc-ruled-year-groups.py`, openpyxl printed by LibreOffice Calc, the shape of councils'
/// Excel revenue plans): the sheet is bordered round its year groups only, so each group of
/// three columns (Base, Grant, Net) is one ruled column and the whole body one ruled row; only
/// the Net columns hold figures, so no line but the heads shows the group's columns. It came
/// back as four cells a row holding every line of a group ("2023-24 Base Grant Net £000s …
/// 9,412.5 - 3,118.6 …"). Each head is its own column, each printed row its own row: a
/// year merged over its group in the group's first column, "Base" over "£000s" one head, a
/// wrapped label (and the bold heading's two lines) one cell, a note line in brackets under a
/// label its own row. Truth typed from the generator's GROUPS, HEADS and BODY.
#[test]
fn issue_19_a_sheet_ruled_round_year_groups_reads_its_columns_and_rows() {
    let got = grids_and_fills("calc-ruled-year-groups.pdf");
    assert_eq!(got.len(), 1, "{got:?}");
    let heads = [
        "Base £000s",
        "Grant £000s",
        "Net £000s",
        "",
        "Base £000s",
        "Grant £000s",
        "Net £000s",
        "Base £000s",
        "Grant £000s",
        "Net £000s",
    ];
    let row = |net: [&'static str; 3], label: &'static str| {
        ["", "", net[0], label, "", "", net[1], "", "", net[2]]
    };
    let none = ["", "", ""];
    let want: Vec<[&str; 10]> = vec![
        ["", "", "", "", "", "", "", "FORECAST", "", ""],
        ["2023-24", "", "", "", "2024-25", "", "", "2025-26", "", ""],
        heads,
        row(
            none,
            "Funding from the settlement, local taxes and the grants announced with them",
        ),
        row(
            ["9,412.5", "9,980.1", "10,204.7"],
            "Settlement Funding Assessment",
        ),
        row(["-", "412.0", "412.0"], "Rural Services Delivery Grant"),
        row(
            ["3,118.6", "3,310.9", "3,310.9"],
            "Improved Better Care Fund",
        ),
        row(
            none,
            "(paid through the pooled budget with the health board)",
        ),
        row(["1,027.3", "-", "-"], "Funding Guarantee"),
        row(
            ["58,640.2", "61,205.8", "63,874.1"],
            "Council Tax Income (including the increase allowed before a referendum is held)",
        ),
        row(["2,001.4", "0.0", "0.0"], "Other grants"),
        row(
            none,
            "(Lead Local Flood Authority grant ended after 2023-24)",
        ),
        row(["74,200.0", "74,913.8", "77,801.7"], "Total Funding"),
    ];
    let want: Vec<Vec<String>> = want
        .iter()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect();
    assert_eq!(got[0].0, want);
}

/// A head run over two ruled header rows (`fixtures/regression/writer-head-over-two-rows.py`,
/// python-docx "Table Grid" printed by LibreOffice, as a report sets "Total" over "All ages"
/// with the rule between the rows drawn, the first column empty in both): each head came back
/// cut in two, a row of "Total | Adult care | Children's" over a row of "All ages | Adults
/// (25+) | …". Each column has one head, its lines in reading order (compared with white space
/// runs as one space, as a reader does), and the body rows follow it. Truth typed from the
/// generator's HEADS and BODY.
#[test]
fn issue_19_a_head_over_two_ruled_rows_is_one_head() {
    let got = grids_and_fills("writer-head-over-two-rows.pdf");
    assert_eq!(got.len(), 1, "{got:?}");
    let norm = |s: &String| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let grid: Vec<Vec<String>> = got[0]
        .0
        .iter()
        .map(|r| r.iter().map(norm).collect())
        .collect();
    assert_eq!(
        grid,
        rows(&[
            &[
                "",
                "Total All ages",
                "Adult care Adults (25+)",
                "Children's Young adults (18-24)"
            ],
            &["Budget brought forward", "£412.6m", "£371.0m", "£41.6m"],
            &["Growth in demand (note 1)", "+£38.2m", "+£35.9m", "+£2.3m"],
            &["Savings agreed (note 2)", "-£12.4m", "-£11.8m", "-£0.6m"],
            &["Total change", "+£25.8m", "+£24.1m", "+£1.7m"],
            &["", "", "", ""],
            &["Social care precept passed on", "£14.9m", "£13.2m", "£1.7m"],
            &["Total funding passed on", "£14.9m", "£13.2m", "£1.7m"],
        ])
    );
}

/// A stack of total bars under a blank spacer row (`fixtures/regression/
/// excel-stacked-total-bars.py`, drawn as Excel exports a budget list's last page): the grand
/// totals are bars filled across the table, each touching the next, with no rule at their
/// sides, and the spacer row above is bordered on the left only, so the table's right border
/// stops at the section bar. The stack came back as a table of its own, of five columns
/// ("CORE | 4,812.6 | …"), its figures under no year. Each bar is a row of the table above,
/// its Ref, label and figures in their columns and its own fill. Truth typed from the
/// generator's ROWS and STACK.
#[test]
fn issue_19_stacked_total_bars_under_a_spacer_row_stay_in_the_table() {
    let got = grids_and_fills("excel-stacked-total-bars.pdf");
    assert_eq!(got.len(), 1, "{got:?}");
    let (grid, fills) = &got[0];
    assert_eq!(grid.len(), 9, "{grid:?}");
    assert_eq!(
        grid[0],
        [
            "Ref",
            "Service",
            "Description",
            "Lead",
            "2025-26",
            "2026-27",
            "2027-28"
        ]
    );
    assert_eq!(grid[4][..2], ["74", "TOTAL ENVIRONMENT CHANGES"]);
    assert_eq!(grid[5], ["75", "", "", "", "", "", ""]);
    let stack = [
        (
            ["76", "CORE", "", "", "4,812.6", "3,950.1", "3,604.8"],
            "#4F6228",
        ),
        (
            ["77", "GRANT FUNDED", "", "", "1,206.3", "-880.4", "-412.7"],
            "#6600CC",
        ),
        (
            ["78", "TOTAL", "", "", "6,018.9", "3,069.7", "3,192.1"],
            "#000000",
        ),
    ];
    for (k, (row, fill)) in stack.iter().enumerate() {
        assert_eq!(grid[6 + k], *row);
        for c in [1, 4, 5, 6] {
            assert_eq!(
                fills[6 + k][c].as_deref(),
                Some(*fill),
                "row {k} column {c}"
            );
        }
    }
}

/// Issue 19: a ledger run over two pages as finance systems print one
/// (`fixtures/regression/reportlab-ledger-carried-forward.py`, reportlab; truth written by the
/// generator to `reportlab-ledger-carried-forward.json`): page 1 filled to its foot and closed
/// by "Carried forward", page 2 opened by "Brought forward" under the repeated header. Both
/// leave the Date column empty, and the second was read as the rest of the first cut by the
/// break ("Carried forward Brought forward"). An amount on each side of the break in one
/// column says they are two rows.
#[test]
fn issue_19_carried_and_brought_forward_are_two_rows() {
    let want = generator_rows("reportlab-ledger-carried-forward");
    let tables = crate::tables::tables_of("regression/reportlab-ledger-carried-forward.pdf");
    assert_eq!(tables.len(), 1);
    assert_eq!(tables[0].pages, [1, 2]);
    assert_eq!(tables[0].grid(), want);
}

/// The rows a fixture's generator wrote beside its PDF (`fixtures/regression/{name}.json`,
/// `{"rows": [[cell, …], …]}`): the truth of a table too long to type in the test.
fn generator_rows(name: &str) -> Vec<Vec<String>> {
    let truth: serde_json::Value = serde_json::from_slice(
        &std::fs::read(crate::common::fixture(&format!("regression/{name}.json")))
            .expect("truth reads"),
    )
    .expect("truth is JSON");
    truth["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .map(|r| {
            r.as_array()
                .expect("cells")
                .iter()
                .map(|c| c.as_str().unwrap_or_default().to_string())
                .collect()
        })
        .collect()
}
