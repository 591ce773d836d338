//! The tolerances of the table stage, in one value per path: ruled tables and continuation
//! ([`Settings`]) and tables found from text alignment ([`UnruledSettings`]). The defaults and
//! the reasons for them are in [`crate::tolerance`].

use crate::tolerance;

/// Tolerances for table finding, in points unless said otherwise.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// Rules closer than this are snapped to one position.
    pub snap_tolerance: f64,
    /// Collinear rule pieces with gaps up to this are joined.
    pub join_tolerance: f64,
    /// Rules this close count as intersecting.
    pub intersection_tolerance: f64,
    /// Shorter rules are ignored.
    pub min_rule_length: f64,
    /// Rules within this of axis-parallel count as horizontal or vertical.
    pub axis_tolerance: f64,
    /// A white rule this close to a coloured fill is a table rule.
    pub white_rule_on_fill: f64,
    /// Vertical rules running on this far past a grid's last (first) horizontal rule close an
    /// open row there.
    pub open_row_min: f64,
    /// Horizontal rules running on this far past a grid's outermost vertical rule close an open
    /// column there.
    pub open_column_min: f64,
    /// Thin fills stacked at least this many side by side are one shaded area (gradient strips).
    pub strip_min_count: usize,
    /// A stack of strips at least this thick across is an area.
    pub strip_min_extent: f64,
    /// Strips this close or overlapping are side by side in one stack.
    pub strip_gap: f64,
    /// Fills thinner than this across are strips (the interpreter reads them as rules).
    pub strip_max_width: f64,
    /// Fraction of a slot boundary a rule must cover to separate two cells.
    pub boundary_coverage: f64,
    /// Largest share of a group of rules' box a table nested in one of its cells covers.
    pub nested_max_share: f64,
    /// Words whose baselines differ by at most this (em) are on one line of a cell.
    pub cell_line_baseline_em: f64,
    /// A gap between words at least this wide (em) shows a space in a cell line.
    pub cell_word_gap_em: f64,
    /// Gap between lines, in line heights, that starts a new paragraph.
    pub paragraph_gap_lines: f64,
    /// Fraction of a cell a fill must cover to be its background.
    pub fill_cell_coverage: f64,
    /// Largest side (points) of a filled shape read as a cell's mark.
    pub mark_max_side: f64,
    /// Smallest side (points) of a mark.
    pub mark_min_side: f64,
    /// Largest ratio of a mark's longer side to its shorter.
    pub mark_max_aspect: f64,
    /// A shape whose colour has no channel above this (0–255) is a bullet, not a mark.
    pub mark_dark_max: u8,
    /// Sides (points) of a near-black dot drawn as a list bullet before a cell line, and how
    /// far (line heights) left of the line's first word it may end.
    pub bullet_dot_min_side: f64,
    /// See `bullet_dot_min_side`.
    pub bullet_dot_max_side: f64,
    /// See `bullet_dot_min_side`.
    pub bullet_dot_gap_lines: f64,
    /// A bullet glyph this many line heights right of the bullet above it is wrapped text.
    pub bullet_indent_lines: f64,
    /// How close column boundaries must be for tables on consecutive pages to join.
    pub column_match_tolerance: f64,
    /// How close (points) each column's text start must be for an unruled table to run on
    /// onto the next page without repeating its header.
    pub column_start_tolerance: f64,
    /// Lines this close in height (points) on consecutive pages, with the same words, are a
    /// running header or footer.
    pub running_line_tolerance: f64,
    /// Most leading rows compared when looking for a header repeated on the next page.
    pub max_header_rows: usize,
    /// A gap this many line heights between a cell's text and a page break ends a paragraph.
    pub break_gap_lines: f64,
    /// Filled rows with no rules start at most this many of their row heights under a ruled
    /// grid to be its last rows.
    pub tail_max_gap_rows: f64,
    /// Words of such a row closer than this (em) are one label.
    pub tail_phrase_gap_em: f64,
    /// A label reaching this far (points) past a column rule spans the next column.
    pub tail_boundary_slack: f64,
    /// Share of a grid column's cells with text that are figures for it to take a figure of
    /// such a row.
    pub tail_figure_column_share: f64,
    /// A table ending within this (points) of the lowest body text or table on its page or
    /// the next reaches the page's foot, where a break may cut a row.
    pub foot_gap: f64,
    /// A heading within this many ems of a ruled group's middle spans the group's columns.
    pub group_heading_centre_em: f64,
    /// A word space (ems) in the test for a label's wrapped line.
    pub wrap_space_em: f64,
    /// Look for tables drawn without rules.
    pub unruled: bool,
    /// How tables drawn without rules are found.
    pub alignment: UnruledSettings,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            snap_tolerance: tolerance::SNAP_TOLERANCE,
            join_tolerance: tolerance::JOIN_TOLERANCE,
            intersection_tolerance: tolerance::INTERSECTION_TOLERANCE,
            min_rule_length: tolerance::MIN_RULE_LENGTH,
            axis_tolerance: tolerance::AXIS_TOLERANCE,
            white_rule_on_fill: tolerance::WHITE_RULE_ON_FILL,
            open_row_min: tolerance::OPEN_ROW_MIN,
            open_column_min: tolerance::OPEN_COLUMN_MIN,
            strip_min_count: tolerance::STRIP_MIN_COUNT,
            strip_min_extent: tolerance::STRIP_MIN_EXTENT,
            strip_gap: tolerance::STRIP_GAP,
            strip_max_width: tolerance::THIN_FILL_MAX,
            boundary_coverage: tolerance::BOUNDARY_COVERAGE,
            nested_max_share: tolerance::NESTED_MAX_SHARE,
            cell_line_baseline_em: tolerance::LINE_BASELINE_EM,
            cell_word_gap_em: tolerance::WORD_GAP_EM,
            paragraph_gap_lines: tolerance::PARAGRAPH_GAP_LINES,
            fill_cell_coverage: tolerance::FILL_CELL_COVERAGE,
            mark_max_side: tolerance::MARK_MAX_SIDE,
            mark_min_side: tolerance::MARK_MIN_SIDE,
            mark_max_aspect: tolerance::MARK_MAX_ASPECT,
            mark_dark_max: tolerance::MARK_DARK_MAX,
            bullet_dot_min_side: tolerance::BULLET_DOT_MIN_SIDE,
            bullet_dot_max_side: tolerance::BULLET_DOT_MAX_SIDE,
            bullet_dot_gap_lines: tolerance::BULLET_DOT_GAP_LINES,
            bullet_indent_lines: tolerance::BULLET_INDENT_LINES,
            column_match_tolerance: tolerance::COLUMN_MATCH_TOLERANCE,
            column_start_tolerance: tolerance::COLUMN_START_TOLERANCE,
            running_line_tolerance: tolerance::RUNNING_LINE_TOLERANCE,
            max_header_rows: tolerance::MAX_HEADER_ROWS,
            break_gap_lines: tolerance::BREAK_GAP_LINES,
            tail_max_gap_rows: tolerance::TAIL_MAX_GAP_ROWS,
            tail_phrase_gap_em: tolerance::TAIL_PHRASE_GAP_EM,
            tail_boundary_slack: tolerance::TAIL_BOUNDARY_SLACK,
            tail_figure_column_share: tolerance::TAIL_FIGURE_COLUMN_SHARE,
            foot_gap: tolerance::FOOT_GAP,
            group_heading_centre_em: tolerance::GROUP_HEADING_CENTRE_EM,
            wrap_space_em: tolerance::WRAP_SPACE_EM,
            unruled: true,
            alignment: UnruledSettings::default(),
        }
    }
}

/// Tolerances for tables drawn without rules (columns from white-space gutters, rows from
/// baselines): lengths in points, gaps in ems of the font size or in line heights, shares as
/// fractions, counts of lines or words.
#[derive(Debug, Clone, PartialEq)]
pub struct UnruledSettings {
    // Lines and regions (`detect`).
    /// Words whose baselines differ by less than this (em) share a text line.
    pub line_baseline_em: f64,
    /// A gap between words wider than this (em) separates two segments of a line.
    pub segment_gap_em: f64,
    /// Narrowest gutter (points) that separates two columns.
    pub min_gutter: f64,
    /// A word centre within this (points) of a ruled table belongs to it.
    pub ruled_table_margin: f64,
    /// Rules within this (points) of axis-parallel are horizontal.
    pub axis_tolerance: f64,
    /// Rule pieces no longer than this (points) are marks, not rules.
    pub min_rule_piece: f64,
    /// How far (points) a rule may reach into a line's box and still lie between lines.
    pub rule_line_slack: f64,
    /// Fewest lines, header included, of a table.
    pub min_table_lines: usize,
    /// Fewest lines with two or more segments that seed a region.
    pub min_multi_lines: usize,
    /// Largest gap between consecutive lines of one table (line heights).
    pub run_gap_lines: f64,
    /// A gap this many line heights ends the scan for a region's next (or header) line.
    pub scan_gap_lines: f64,
    /// Most one-segment lines in a row inside a region.
    pub max_bridge_lines: usize,
    /// Narrowest page gutter (em) between page columns of running text.
    pub page_gutter_em: f64,
    /// Most times a page is cut into page columns.
    pub max_page_column_splits: usize,
    /// How far (points) a bridged or header line may stick out of the region.
    pub extent_slack: f64,
    /// Lines with two or more segments whose shared gutters a new line must keep open.
    pub window_lines: usize,
    /// A one-segment line of this many words...
    pub prose_line_words: usize,
    /// ...covering this fraction of the region's width is running text.
    pub prose_line_width: f64,
    /// A note mark followed by this many words on a two-segment line is a footnote.
    pub note_words: usize,
    /// Header lines looked for above a region's first line.
    pub max_header_lines: usize,
    /// Largest gap between header lines when no rule bounds the header (line heights).
    pub header_gap_lines: f64,
    /// Fraction of a region's width a rule covers to bound the table.
    pub rule_coverage: f64,
    /// Horizontal rule pieces within this (points) of each other's y are one rule...
    pub rule_snap: f64,
    /// ...and pieces along it with gaps up to this (points) are joined.
    pub rule_join: f64,
    /// A shaded band at least this wide (points)...
    pub min_band_width: f64,
    /// ...and less tall than this (points) bounds rows like a rule.
    pub max_band_height: f64,
    // Columns, rows and checks against false positives (`build`).
    /// Largest gap (line heights) over which a body line continues the row above.
    pub continuation_gap_lines: f64,
    /// A section label starts within this (points) of the region's left edge...
    pub section_label_slack: f64,
    /// ...and is narrower than this fraction of the region.
    pub section_label_width: f64,
    /// Indent (points) under a label that makes a stub line continue it.
    pub hanging_indent: f64,
    /// Fraction of body lines allowed to cross a gutter.
    pub gutter_crossing_fraction: f64,
    /// How far (line heights) under a spanning label its rule may lie.
    pub underline_gap_lines: f64,
    /// Fraction of a column's body text a label's rule covers to span the column.
    pub rule_span_fraction: f64,
    /// A chart's grid lines are at least this fraction of the region's width...
    pub grid_line_width: f64,
    /// ...and run through at least this many lines.
    pub chart_grid_lines: usize,
    /// ...through the middle of the line, leaving out this fraction of its height top and
    /// bottom.
    pub grid_line_inset: f64,
    /// Shortest tick mark (points) of a chart axis...
    pub tick_min: f64,
    /// ...and longest.
    pub tick_max: f64,
    /// A region holding this many tick marks is a chart's labels.
    pub chart_ticks: usize,
    /// A tick mark's ends lie within this (points) of the region.
    pub tick_slack: f64,
    /// Fewest non-empty slots, as a fraction of all.
    pub min_density: f64,
    /// A cell of this many words or more reads as prose.
    pub prose_words: usize,
    /// Most of the non-empty body cells (fraction) that may be prose.
    pub max_prose_fraction: f64,
    /// A line without key text starts a row when this many of its columns start a paragraph.
    pub row_start_columns: usize,
    /// ...more than this (line heights) below solid leading.
    pub paragraph_gap_lines: f64,
    /// Rules across a table part its rows when they make at least this many bands of lines.
    pub min_ruled_bands: usize,
    /// Body lines set larger than this times the body's median size are headings, not
    /// evidence of columns.
    pub heading_size_ratio: f64,
    /// A one-run line above the header set this many times smaller or larger than the line
    /// under it is page text, not header.
    pub other_size_above_header_ratio: f64,
    /// ...unless this many columns are short entries...
    pub min_short_columns: usize,
    /// ...with at most this fraction of their cells prose.
    pub short_column_prose_fraction: f64,
    /// A first column this fraction list markers makes a list...
    pub max_marker_fraction: f64,
    /// A body whose pieces start in lower case this often (fraction)...
    pub lower_start_fraction: f64,
    /// ...over at least this many pieces is running text.
    pub lower_start_min_lines: usize,
    /// Running-text test: a column needs this many lines to be judged...
    pub prose_column_min_lines: usize,
    /// ...and is prose when this fraction of them...
    pub prose_column_fraction: f64,
    /// ...have this many words...
    pub prose_line_min_words: usize,
    /// ...and fill this fraction of the column's widest line...
    pub prose_fill: f64,
    /// ...and half start within this (points) of its left edge.
    pub prose_left_slack: f64,
    /// ...unless this fraction of the body cells are numbers.
    pub min_numeric_for_numbered: f64,
    /// A page column of prose beside a table holds this many words a line on average.
    pub prose_column_mean_words: f64,
    /// Words are split across a gutter when further apart than this (em).
    pub boundary_split_em: f64,
    /// Fraction of lines across a gutter with a segment gap (or numbers) for it to separate columns.
    pub min_separated_fraction: f64,
    /// A ruled grid whose lines hold two segments inside one ruled column in this fraction
    /// of its lines is read from alignment (its rules part groups of columns).
    pub stacked_line_share: f64,
    /// Least share of a regrouped grid's words its alignment reading must put in tables.
    pub regrouped_min_share: f64,
    /// Least height of a sidebar panel, as a share of its region's height.
    pub panel_min_height_share: f64,
    /// A vertical rule down a gutter beside this fraction of the body's height makes it a
    /// column boundary.
    pub column_rule_fraction: f64,
    /// A word ending (starting) within this (points) of a gutter's edge bounds it.
    pub gutter_edge: f64,
    /// A narrow gutter separates columns when this many lines start at one x after it.
    pub min_edge_lines: usize,
    /// A gutter where per-cell horizontal rules meet on this many rules is a drawn column
    /// edge.
    pub min_junction_rules: usize,
}

impl Default for UnruledSettings {
    fn default() -> Self {
        UnruledSettings {
            line_baseline_em: tolerance::UNRULED_LINE_BASELINE_EM,
            segment_gap_em: tolerance::SEGMENT_GAP_EM,
            min_gutter: tolerance::MIN_GUTTER,
            ruled_table_margin: tolerance::RULED_TABLE_MARGIN,
            axis_tolerance: tolerance::UNRULED_AXIS_TOLERANCE,
            min_rule_piece: tolerance::MIN_RULE_PIECE,
            rule_line_slack: tolerance::RULE_LINE_SLACK,
            min_table_lines: tolerance::MIN_TABLE_LINES,
            min_multi_lines: tolerance::MIN_MULTI_LINES,
            run_gap_lines: tolerance::RUN_GAP_LINES,
            scan_gap_lines: tolerance::SCAN_GAP_LINES,
            max_bridge_lines: tolerance::MAX_BRIDGE_LINES,
            page_gutter_em: tolerance::PAGE_GUTTER_EM,
            max_page_column_splits: tolerance::MAX_PAGE_COLUMN_SPLITS,
            extent_slack: tolerance::EXTENT_SLACK,
            window_lines: tolerance::WINDOW_LINES,
            prose_line_words: tolerance::PROSE_LINE_WORDS,
            prose_line_width: tolerance::PROSE_LINE_WIDTH,
            note_words: tolerance::NOTE_WORDS,
            max_header_lines: tolerance::MAX_HEADER_LINES,
            header_gap_lines: tolerance::HEADER_GAP_LINES,
            rule_coverage: tolerance::RULE_COVERAGE,
            rule_snap: tolerance::RULE_SNAP,
            rule_join: tolerance::RULE_JOIN,
            min_band_width: tolerance::MIN_BAND_WIDTH,
            max_band_height: tolerance::MAX_BAND_HEIGHT,
            continuation_gap_lines: tolerance::CONTINUATION_GAP_LINES,
            section_label_slack: tolerance::SECTION_LABEL_SLACK,
            section_label_width: tolerance::SECTION_LABEL_WIDTH,
            hanging_indent: tolerance::HANGING_INDENT,
            gutter_crossing_fraction: tolerance::GUTTER_CROSSING_FRACTION,
            underline_gap_lines: tolerance::UNDERLINE_GAP_LINES,
            rule_span_fraction: tolerance::RULE_SPAN_FRACTION,
            grid_line_width: tolerance::GRID_LINE_WIDTH,
            chart_grid_lines: tolerance::CHART_GRID_LINES,
            grid_line_inset: tolerance::GRID_LINE_INSET,
            tick_min: tolerance::TICK_MIN,
            tick_max: tolerance::TICK_MAX,
            chart_ticks: tolerance::CHART_TICKS,
            tick_slack: tolerance::TICK_SLACK,
            min_density: tolerance::MIN_DENSITY,
            prose_words: tolerance::PROSE_WORDS,
            max_prose_fraction: tolerance::MAX_PROSE_FRACTION,
            row_start_columns: tolerance::ROW_START_COLUMNS,
            paragraph_gap_lines: tolerance::ROW_PARAGRAPH_GAP_LINES,
            min_ruled_bands: tolerance::MIN_RULED_BANDS,
            heading_size_ratio: tolerance::GROUP_HEADING_SIZE_RATIO,
            other_size_above_header_ratio: tolerance::OTHER_SIZE_ABOVE_HEADER_RATIO,
            min_short_columns: tolerance::MIN_SHORT_COLUMNS,
            short_column_prose_fraction: tolerance::SHORT_COLUMN_PROSE_FRACTION,
            max_marker_fraction: tolerance::MAX_MARKER_FRACTION,
            lower_start_fraction: tolerance::LOWER_START_FRACTION,
            lower_start_min_lines: tolerance::LOWER_START_MIN_LINES,
            prose_column_min_lines: tolerance::PROSE_COLUMN_MIN_LINES,
            prose_column_fraction: tolerance::PROSE_COLUMN_FRACTION,
            prose_line_min_words: tolerance::PROSE_LINE_MIN_WORDS,
            prose_fill: tolerance::PROSE_FILL,
            prose_left_slack: tolerance::PROSE_LEFT_SLACK,
            prose_column_mean_words: tolerance::PROSE_COLUMN_MEAN_WORDS,
            min_numeric_for_numbered: tolerance::MIN_NUMERIC_FOR_NUMBERED,
            boundary_split_em: tolerance::BOUNDARY_SPLIT_EM,
            min_separated_fraction: tolerance::MIN_SEPARATED_FRACTION,
            stacked_line_share: tolerance::STACKED_LINE_SHARE,
            regrouped_min_share: tolerance::REGROUPED_MIN_SHARE,
            panel_min_height_share: tolerance::PANEL_MIN_HEIGHT_SHARE,
            column_rule_fraction: tolerance::COLUMN_RULE_FRACTION,
            gutter_edge: tolerance::GUTTER_EDGE,
            min_edge_lines: tolerance::MIN_EDGE_LINES,
            min_junction_rules: tolerance::MIN_JUNCTION_RULES,
        }
    }
}
