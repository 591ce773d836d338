//! Every tolerance with a unit, in one place, grouped by stage, with what it measures and why
//! it has its value. Each stage's settings (`layout::Settings`, `table::Settings` with its
//! `table::UnruledSettings`, `paper::PaperSettings`) take their defaults from here, and the
//! code reads the settings it is given, never these constants; `Settings::validate` checks them
//! once.

// --- Interpreter (pdf) ---

/// A filled rectangle thinner than this (points) is a rule, not an area: LibreOffice draws
/// 0.5 pt cell borders as strokes, but Word and Chromium often draw them as filled
/// rectangles 0.5–1.5 pt thick; real shaded areas are at least a text line (about 10 pt) tall.
pub const THIN_FILL_MAX: f64 = 2.0;

/// An image of at most this many pixels is decoded to see whether it is one colour (a cell
/// shaded by a stretched one-colour image reads as a fill). Such images are tiny (reportlab
/// and spreadsheet exports use 1×1 to 8×8); 65,536 pixels (256×256) bounds the work per image
/// to a fraction of a millisecond, and a photograph is never read.
pub const IMAGE_COLOUR_MAX_PIXELS: usize = 65_536;

/// Bytes (stored, and decoded) of an image looked at for its one colour: 256 pixels square in
/// RGBA-sized samples. A bigger image stays an image.
pub const IMAGE_COLOUR_MAX_BYTES: usize = 256 * 1024;

/// A big image painted through a tiling pattern (Chromium prints a CSS `linear-gradient`
/// cell background as a pattern whose tile is one image the size of the page's printable
/// area, about 1 pixel per point: 511×758 on A4) is read for the colour a filled rectangle
/// shows of it when it has at most this many pixels: an A4 or A3 page at 1 pixel per point
/// (up to 0.5 M) with room to spare. Each such cell inflates its image down to the cell's
/// last row (about 1 MiB for a page-sized RGB image), counted against the document's byte
/// budget; a bigger image is a page warning, not read.
pub const IMAGE_REGION_MAX_PIXELS: usize = 2 * 1024 * 1024;

/// Stored and decoded bytes of such an image: 2 M pixels of RGB.
pub const IMAGE_REGION_MAX_BYTES: usize = 6 * 1024 * 1024;

/// A one-colour image covering at least this share of the page (area, 0–1) is a scan or a
/// page background, not a cell's shading, and is not read as a fill: a page-sized fill would
/// shade every cell and rating on it. A shaded cell or band covers a few percent of a page.
pub const IMAGE_FILL_MAX_PAGE_SHARE: f64 = 0.5;

/// A shading (gradient) whose colours all lie within this much (0–255) of each other in every
/// channel reads as one colour, the middle of its range: Word, PowerPoint, InDesign and CSS
/// print a cell's gradient fill between two close shades (a navy header lightening by 30
/// units, a pale amber deepening by 31), which a reader names as one shade; every point of
/// it, the top of the cell's text included, is within half this (20) of the colour read, as
/// close as two prints of one colour. 40 keeps a rating's green, amber or red whole while a
/// gradient between distinct colours (white to blue, red to amber, pale amber to pale red:
/// 50 apart) stays no one colour.
pub const GRADIENT_ONE_COLOUR: u8 = 40;

/// A glyph rendered smaller than this (points: its font size through the text and page
/// matrices) cannot be read and is not read: text hidden by scaling it to nothing prints at
/// hundredths of a point (CSS `transform: scale(0.001)` on 8-pt text gives 0.008 pt; `Tf`
/// 0.01). The smallest real text stays well above it: footnotes at 4 pt and more, "fit to
/// page" spreadsheets at 2–3 pt, and even Excel's smallest fit-to-page scale (10 %) of a 6-pt
/// font gives 0.6 pt.
pub const TINY_TEXT_MAX_SIZE: f64 = 0.5;

/// Text at least this big (points, rendered) and set slanted across the page is a watermark
/// ("DRAFT", "CONFIDENTIAL" at 60–150 pt, turned 30–55°), not the page's content: it is not
/// read, and the page counts it. Body text, headings and Excel's slanted (45°) column headers
/// are under 20 pt; titles set that big are never slanted.
pub const WATERMARK_MIN_SIZE: f64 = 30.0;

/// Degrees off every quarter turn from which a baseline is slanted: text turned to run up a
/// column or a page is at 90° or 270°, within a degree or two of rounding; a watermark is
/// set at 30–55°.
pub const WATERMARK_MIN_SLANT: f64 = 10.0;

/// A glyph is covered, and unseen, when an opaque filled rectangle drawn after it holds its
/// box to within this many points on every side: a box drawn over a line of text to hide it
/// is sized from the same font metrics as the glyph boxes, give or take rounding; ink lies
/// well inside a glyph's box (ascent to descent, by its advance), so 0.5 pt never lets a
/// visible stroke through.
pub const COVERED_GLYPH_SLACK: f64 = 0.5;

/// A fill clipped to a frame (a clipping path of a box with a smaller box inside it, the
/// inner one a hole: Chromium's `W*` clip for a cell's rounded or separate border) paints a
/// border, not the cell, when what it paints outside the hole is no wider than this (points)
/// on every side: CSS borders are 0.5–3 pt; a cell's own fill is the whole cell.
pub const RING_CLIP_BORDER_MAX: f64 = 4.0;

// --- Layout (layout::Settings) ---

/// Two glyphs on one line belong to the same word when the gap between them is below this
/// fraction of the font size. Poppler uses 0.1 em as its minimum space; a normal space in
/// Liberation Sans is 0.278 em, and tight kerning stays below 0.05 em.
pub const WORD_GAP_EM: f64 = 0.1;

/// A glyph of a figure or mark set below this fraction of the size of the glyph before it,
/// with its baseline raised by at least `SUPERSCRIPT_RISE_EM` of that size, is a superscript
/// and starts a word of its own: a footnote mark glued to its word ("6.3%¹"). Word prints
/// superscripts at about 0.65 of the size, raised 0.33 em; small capitals and a word's mixed
/// sizes stay above 0.8 and on the baseline. Letters stay joined ("13th").
pub const SUPERSCRIPT_SIZE_RATIO: f64 = 0.8;

/// See `SUPERSCRIPT_SIZE_RATIO`: the least rise (em of the larger glyph) of a superscript;
/// a smaller glyph on the baseline (a subscript sits below) is no mark.
pub const SUPERSCRIPT_RISE_EM: f64 = 0.15;

/// A dot leader (the dots a word processor prints across a tab stop, "Fee ....... 12.00") is a
/// run of at least this many dots: an ellipsis is three, and a leader across the narrowest tab
/// a table of charges or a contents page leaves is well over ten.
pub const LEADER_MIN_DOTS: usize = 4;

/// See `LEADER_MIN_DOTS`: the dots of a leader stand at most this far apart (em): set solid
/// they touch, and spaced leaders (". . . .") leave a space of about 0.28 em between dots.
pub const LEADER_STEP_EM: f64 = 0.6;

/// Glyphs belong to the same line when their baselines differ by less than this fraction of
/// the font size (superscripts sit about 0.33 em up and stay on their line's word by gap).
pub const LINE_BASELINE_EM: f64 = 0.5;

/// A gap between lines larger than this multiple of the line height starts a new block
/// (paragraph); single spacing is 1.15 em in Word defaults.
pub const BLOCK_GAP_LINES: f64 = 1.5;

/// For `text --layout`: points per character column when laying text out with spaces. A
/// 10-12 pt proportional font averages about 5.5 pt per character.
pub const LAYOUT_CHAR_WIDTH: f64 = 5.5;

/// Words on one baseline further apart than this (em) are in different columns, so they
/// form separate lines: a word space is about 0.28 em and justified text rarely exceeds 1 em,
/// while cell padding on both sides of a table rule is at least 1 em at 10 pt.
pub const COLUMN_GAP_EM: f64 = 1.2;

/// Two copies of the same glyph closer than this (em) are one glyph drawn twice (fake bold,
/// shadow effects); poppler drops such duplicates too.
pub const DUPLICATE_GLYPH_EM: f64 = 0.1;

/// A line joins the block above when it overlaps the block's last line by less than this many
/// line heights (tall glyphs and superscripts make boxes of stacked lines overlap; a line
/// printed over another, as in a table cell, is not the next line of a paragraph).
pub const BLOCK_OVERLAP_LINES: f64 = 0.5;

/// For `text --layout`: a step between baselines over this many ems of the larger font size
/// prints a blank line (single spacing is about 1.15 em; more than two lines' step means a
/// blank line or more was left).
pub const LAYOUT_BLANK_LINE_EM: f64 = 2.2;

/// Letter-spaced words ("R E F" set with `Tc`, or a space after every letter of a styled
/// header): single capitals or figures at most this far apart (em) may be one word. Tracking
/// adds 0.1–0.3 em and a space is 0.25–0.33 em; table columns of single letters (RAG
/// columns, "1 2 3 4" periods) stand a cell's padding, 1 em or more, apart.
pub const LETTER_SPACED_MAX_GAP_EM: f64 = 0.6;

/// See `LETTER_SPACED_MAX_GAP_EM`: the gaps between the letters of one letter-spaced word
/// differ by at most this (em): the tracking is one value and glyph boxes are their advances;
/// a word space (a space plus twice the tracking) is wider by 0.25 em or more.
pub const LETTER_SPACED_EVEN_EM: f64 = 0.05;

// --- Ruled tables and continuation (table::Settings) ---

/// Rules whose positions differ by less than this (points) are snapped to one line
/// (pdfplumber's default snap tolerance is 3 pt; LibreOffice's double-drawn borders differ by
/// 0.25-0.5 pt, as the MSCB fixtures show: inner rules stop 0.25 pt short of the frame).
pub const SNAP_TOLERANCE: f64 = 3.0;

/// Collinear rule pieces with a gap up to this (points) are joined into one rule.
pub const JOIN_TOLERANCE: f64 = 3.0;

/// A horizontal and a vertical rule intersect when they come within this (points).
pub const INTERSECTION_TOLERANCE: f64 = 3.0;

/// Rules shorter than this (points) are ignored for tables (underline fragments, tick marks).
pub const MIN_RULE_LENGTH: f64 = 3.0;

/// Two neighbouring grid slots are separate cells when a rule covers at least this fraction of
/// the boundary between them; otherwise they are one spanning cell.
pub const BOUNDARY_COVERAGE: f64 = 0.5;

/// A box of rules inside a cell of a ruled table, its top-left corner inset from the cell's
/// rules by more than `SNAP_TOLERANCE`, is a table nested in that cell when it covers at most
/// this fraction of the outer group's box (points squared over points squared). A nested
/// table sits in one cell of several rows and columns (a spend breakdown in a Writer grants
/// table: about 2% of the table); a second frame drawn round a whole table (a double border
/// with a wide gap) encloses nearly all of it.
pub const NESTED_MAX_SHARE: f64 = 0.5;

/// A vertical gap between two lines in a cell wider than this fraction of the line height
/// starts a new paragraph (an empty paragraph between them leaves a gap of about one line;
/// ordinary line spacing leaves none, as glyph boxes of consecutive lines touch).
pub const PARAGRAPH_GAP_LINES: f64 = 0.45;

/// A fill covering at least this fraction of a cell's area is the cell's background.
pub const FILL_CELL_COVERAGE: f64 = 0.5;

/// A filled shape in a cell is a mark (a RAG symbol drawn as a vector circle, square, triangle
/// or diamond) when its larger side is at most this (points): such symbols are printed at about
/// text size (6–16 pt); a larger filled shape is a picture, a badge or a fill.
pub const MARK_MAX_SIDE: f64 = 20.0;

/// ...and its smaller side at least this (points): smaller dots are specks and full stops drawn
/// as paths (thinner filled rectangles are rules already, below [`THIN_FILL_MAX`]).
pub const MARK_MIN_SIDE: f64 = 3.0;

/// ...and it is at most this many times as wide as tall, or tall as wide: symbols are round or
/// square; a longer shape behind text is a status pill (a paragraph's fill).
pub const MARK_MAX_ASPECT: f64 = 2.0;

/// ...and no channel of its colour exceeds this (0–255) is black: a near-black dot is a list
/// bullet drawn as a path (Chromium draws disc bullets so, in the text's colour), not a rating.
pub const MARK_DARK_MAX: u8 = 64;

/// A near-black filled circle or square drawn just left of a cell line's first word, with
/// sides from [`BULLET_DOT_MIN_SIDE`] to this (points), is that line's list bullet: Chromium
/// draws a `<ul>` disc as a path about a third of the text size (3 pt at 9 pt text).
pub const BULLET_DOT_MAX_SIDE: f64 = 8.0;

/// ...its sides at least this (points): smaller dots are specks.
pub const BULLET_DOT_MIN_SIDE: f64 = 1.5;

/// ...and its right edge at most this many line heights left of the line's first word
/// (bullets sit one indent, about an em, before their text).
pub const BULLET_DOT_GAP_LINES: f64 = 2.5;

/// A bullet glyph opening a cell line more than this many line heights right of the bullet
/// above it stands at that item's text indent: it is the first character of a wrapped line
/// ("· Not started" under "Start construction · Apr 2026"), not a new item. Items of one
/// list share their bullet's x to within a point; a hanging indent is about an em.
pub const BULLET_INDENT_LINES: f64 = 0.5;

/// Column boundaries of two page tables match for continuation when within this (points).
pub const COLUMN_MATCH_TOLERANCE: f64 = 3.0;

/// An unruled table's column text starts on two consecutive pages match within this (points)
/// when the later page carries the table on without repeating its header: one program sets a
/// column's text at one x on every page (to under a point of rounding); 2 pt is less than a
/// word space of 10 pt text, so a column starting a word further in is another layout.
pub const COLUMN_START_TOLERANCE: f64 = 2.0;

/// A white rule is a table rule when its midpoint lies on or within this (points) of a
/// coloured fill: white lines drawn along shaded cells' edges sit on the fills' borders, give
/// or take half their width (0.25 pt in Camelot's `background_lines_1.pdf`, whose cell borders
/// are white 0.5 pt strokes over red and beige cell fills). On a white page they are invisible.
pub const WHITE_RULE_ON_FILL: f64 = 1.0;

/// Vertical rules that run on this far (points) past a grid's last (or before its first)
/// horizontal rule, all of them to the same place, close an open row there: a browser printing
/// a row cut by a page break draws the cell sides down to the break but no rule under them.
/// Well above rule overshoot at joints (a few points), below a line of text.
pub const OPEN_ROW_MIN: f64 = 6.0;

/// Horizontal rules that all run on this far (points) past a grid's outermost vertical rule,
/// to the same place, close an open column there: a table ruled between its rows and columns
/// with no border at its sides (PowerPoint's and Impress's default table borders) has a first
/// and last column outside every vertical rule. Well above rule overshoot at joints, below the
/// width of a column of text.
pub const OPEN_COLUMN_MIN: f64 = 6.0;

/// Thin fills (each thinner than [`THIN_FILL_MAX`], read as rules) stacked at least this many
/// side by side, with the same extent, are one shaded area: spreadsheet exports draw a
/// gradient cell fill as one strip per colour step. Three, because a double rule is two.
pub const STRIP_MIN_COUNT: usize = 3;

/// A stack of strips at least this thick (points) across is an area, not a group of rules:
/// more than a triple rule (three 1 pt rules), less than a line of text.
pub const STRIP_MIN_EXTENT: f64 = 4.0;

/// Strips this close (points) or overlapping are side by side in one stack: gradient steps
/// touch or overlap by rounding, while the lines of a double rule stand a point or more apart.
pub const STRIP_GAP: f64 = 0.5;

/// Rules within this (points) of axis-parallel count as horizontal or vertical.
pub const AXIS_TOLERANCE: f64 = 0.5;

/// Lines with the same words (digits aside) within this (points) of the same height on
/// consecutive pages are a running header or footer, not a caption between two tables: word
/// processors print them at the same place on every page; 4 pt allows a first page's taller
/// header block shifting them a little.
pub const RUNNING_LINE_TOLERANCE: f64 = 4.0;

/// Most leading rows compared when looking for a repeated header.
pub const MAX_HEADER_ROWS: usize = 5;

/// A gap this many line heights between a cell's text and its edge at a page break means a
/// paragraph ended there (an empty paragraph was left at the break).
pub const BREAK_GAP_LINES: f64 = 0.8;

/// Rows filled across a ruled grid's width and drawn with no rules (a spreadsheet's summary
/// rows under its bordered list: "CORE", "EXTERNAL", "TOTAL") are the grid's last rows when
/// they start within this many of their own row heights under its last rule: Excel lists print
/// one empty spacer row between, its number alone in the grid's first column.
pub const TAIL_MAX_GAP_ROWS: f64 = 2.0;

/// Words of such a row closer than this (em) are one label, which spans the empty cells it is
/// set over: a word space is 0.25–0.35 em, the gutter between a cell's text and the next
/// column's (padding on both sides of a rule) about 1 em or more.
pub const TAIL_PHRASE_GAP_EM: f64 = 1.0;

/// A label crosses a column rule when it reaches this far (points) past it: text set
/// against a cell's edge stops short of it by the cell padding, about 1–2 pt.
pub const TAIL_BOUNDARY_SLACK: f64 = 1.0;

/// A grid column takes such a row's figures when at least this share of its cells with text
/// are figures (a reference number or an amount column; its header is the rest).
pub const TAIL_FIGURE_COLUMN_SHARE: f64 = 0.5;

/// A table whose bottom is within this (points) of the lowest body text or table on its page
/// or the next (the bottom margin) reaches the page's foot, where a break may cut its last
/// row: widow and orphan control and rows kept whole leave up to about three lines of 10–11 pt
/// text (leading 13 pt) free above a break, a browser's cut up to one.
pub const FOOT_GAP: f64 = 40.0;
/// A heading over a spreadsheet's ruled group of columns ("2025-26" over Core, External and
/// Total) is centred on the group: its middle within this many ems of the group's middle
/// (a merged cell or "centre across selection" centres it to the point; one em allows a
/// trailing space and rounding), where a figure or head stands against its own column's edge.
pub const GROUP_HEADING_CENTRE_EM: f64 = 1.0;

/// A word space, in ems of the font size, for telling a label's wrapped line from one broken
/// by hand: the next line's first word, after a space this wide, would not have fitted
/// (Calibri's and Arial's spaces are 0.23-0.28 em).
pub const WRAP_SPACE_EM: f64 = 0.25;

// --- Unruled tables, from text alignment (table::UnruledSettings) ---

/// Glyphs whose baselines differ by less than this fraction of the font size share a line;
/// the same as [`LINE_BASELINE_EM`] (superscripts sit about 0.33 em up).
pub const UNRULED_LINE_BASELINE_EM: f64 = LINE_BASELINE_EM;

/// A gap between words wider than this (em) separates two segments of a line, i.e. possibly
/// two table columns. On the ICDAR 2013 pages word gaps cluster at 0.2–0.4 em (a space) and
/// thin out past 0.7 em (justified lines rarely stretch further); gaps between table columns
/// are mostly 1–3 em.
pub const SEGMENT_GAP_EM: f64 = 0.75;

/// Narrowest gutter (points) that separates two columns once a region is known. Monospaced
/// tables (ICDAR us-033) separate right-aligned numbers by a single space, 4–5 pt; prose word
/// gaps of about 3 pt do not line up over several lines.
pub const MIN_GUTTER: f64 = 2.0;

/// A word whose centre lies within this (points) of a ruled table belongs to it, and is left
/// out of the search for unruled tables.
pub const RULED_TABLE_MARGIN: f64 = 1.0;

/// Rules within this (points) of axis-parallel are horizontal for the unruled finder: the same
/// as [`AXIS_TOLERANCE`].
pub const UNRULED_AXIS_TOLERANCE: f64 = AXIS_TOLERANCE;

/// Horizontal rule pieces (and band edges) no longer than this (points) are dots and marks in
/// text, not rules.
pub const MIN_RULE_PIECE: f64 = 1.0;

/// A rule may reach this far (points) into a line's box and still lie between (above, under)
/// lines: rules drawn tight against text touch the glyph boxes.
pub const RULE_LINE_SLACK: f64 = 1.0;

/// Fewest lines (header included) an unruled table has; two lines with a gap in the same
/// place happen by chance in prose and lists.
pub const MIN_TABLE_LINES: usize = 3;

/// Fewest lines with two or more segments that seed a region.
pub const MIN_MULTI_LINES: usize = 3;

/// Largest vertical gap between consecutive lines of one table, in line heights: tables
/// leave a blank line between groups of rows (about 1–1.5 line heights), while captions,
/// notes and the next paragraph usually sit further away.
pub const RUN_GAP_LINES: f64 = 3.0;

/// Lines further below the last line of a run than this many of its heights end the scan for
/// the run's next line (and bound the scan upward for header lines), so a page is walked in
/// near-linear time whatever its layout.
pub const SCAN_GAP_LINES: f64 = 4.0;

/// At most this many one-segment lines in a row inside a region (section labels, wrapped
/// cells); more means the text has turned to prose.
pub const MAX_BRIDGE_LINES: usize = 3;

/// A page gutter (the strip between two page columns of running text) is at least this wide
/// (em of the body text): CSS `columns` leave 1 em by default, LaTeX's `\\columnsep` is 10 pt
/// beside 10 pt text, Word leaves 0.5 inch.
pub const PAGE_GUTTER_EM: f64 = 1.0;

/// A page read one page column at a time may be cut again this many times (three or four
/// page columns; a bound on the work, each cut reads the page's words once more).
pub const MAX_PAGE_COLUMN_SPLITS: usize = 3;

/// How far (points) a bridged or header line may stick out of the region's extent.
pub const EXTENT_SLACK: f64 = 6.0;

/// A line joins a region when its words leave open at least half of the gutters shared by the
/// region's last few lines with two or more segments (this many).
pub const WINDOW_LINES: usize = 3;

/// A one-segment line of at least this many words that covers [`PROSE_LINE_WIDTH`] of the
/// region's width is running text, which ends a region: table cells that wide are rare, and a
/// wide section label or title has few words.
pub const PROSE_LINE_WORDS: usize = 6;

/// See [`PROSE_LINE_WORDS`]: fraction of the region's width.
pub const PROSE_LINE_WIDTH: f64 = 0.7;

/// A note mark followed by at least this many words on a line of two segments is a footnote.
pub const NOTE_WORDS: usize = 4;

/// Header lines looked for above a region's first line.
pub const MAX_HEADER_LINES: usize = 8;

/// Largest gap between header lines (or the header and the body), in line heights, when no
/// rule bounds the header.
pub const HEADER_GAP_LINES: f64 = 1.2;

/// A rule bounds a table (above its header, under it, below the body) when it covers this
/// fraction of the region's width.
pub const RULE_COVERAGE: f64 = 0.8;

/// Horizontal rule pieces within this (points) of each other's y are one rule; pieces along
/// it with gaps up to this are joined (the same as the ruled path's snap/join tolerances).
pub const RULE_SNAP: f64 = 1.5;

/// See [`RULE_SNAP`].
pub const RULE_JOIN: f64 = 3.0;

/// A shaded rectangle at least this wide (points) bounds rows like a rule...
pub const MIN_BAND_WIDTH: f64 = 20.0;

/// ...when it is less tall than this (points): taller fills are page or box backgrounds.
pub const MAX_BAND_HEIGHT: f64 = 200.0;

/// A body line continues the row above only when the gap between them is at most this many
/// line heights (wrapped text is set solid or with normal leading; a blank line means a new
/// row).
pub const CONTINUATION_GAP_LINES: f64 = 0.8;

/// A body line with no key text starts a new row when at least this many of its columns (and
/// most of those with text in the row) start a new paragraph there: the rows under a merged
/// key cell (LaTeX and Word plans print an aim once beside its actions). One column starting
/// a paragraph is a second paragraph in a cell.
pub const ROW_START_COLUMNS: usize = 2;

/// See [`ROW_START_COLUMNS`]: a column starts a new paragraph where its text resumes more
/// than this many line heights further down than the region's solid lines are set (LaTeX's
/// `\\[3pt]` after a 10 pt row adds 0.3; word spaces of leading vary by a few hundredths).
pub const ROW_PARAGRAPH_GAP_LINES: f64 = 0.2;

/// Horizontal rules across an unruled table part its rows (each band between two rules one
/// row, whatever the line gaps inside it) only when they make at least this many bands of its
/// lines: a header band, and two rows at least. Fewer (a rule under the header, rules at top
/// and bottom) say nothing of the rows, which are read from the gaps.
pub const MIN_RULED_BANDS: usize = 3;

/// A section label starts within this (points) of the region's left edge...
pub const SECTION_LABEL_SLACK: f64 = 3.0;

/// ...and is narrower than this fraction of the region.
pub const SECTION_LABEL_WIDTH: f64 = 0.4;

/// A stub label alone on its line and indented more than this (points) under the label of a
/// data line continues that label ("American Indian/Alaska" / "  Native").
pub const HANGING_INDENT: f64 = 2.0;

/// Fraction of body lines allowed to cross a gutter (a wide section label, a note): one in
/// ten.
pub const GUTTER_CROSSING_FRACTION: f64 = 0.1;

/// A body line set larger than this times the body's median font size is a group heading run
/// across the table (LaTeX's `\large` is 1.2 times the body size), and no evidence of where
/// its columns are: plans print a heading per priority, more than one line in ten.
pub const GROUP_HEADING_SIZE_RATIO: f64 = 1.15;

/// A single run of text above an unruled table's header set this many times smaller or larger
/// than the line under it is page text (a version or "last updated" line: 8 pt over a 9 pt
/// header is 1.125, 9.5 pt over 8.5 pt 1.12), not a header label: a header's stacked labels share one size; 1.08 keeps sizes
/// rounded differently (10.5 against 10 pt) one size.
pub const OTHER_SIZE_ABOVE_HEADER_RATIO: f64 = 1.08;

/// A rule below a spanning header label, at most this many line heights under it, gives the
/// columns the label spans.
pub const UNDERLINE_GAP_LINES: f64 = 1.0;

/// A rule under a spanning header label spans a column when it covers at least this fraction
/// of the column's body text.
pub const RULE_SPAN_FRACTION: f64 = 0.5;

/// Grid lines of a chart: horizontal rules at least this fraction of the region's width...
pub const GRID_LINE_WIDTH: f64 = 0.3;

/// ...running through the middle half of at least this many lines.
pub const CHART_GRID_LINES: usize = 3;

/// See [`CHART_GRID_LINES`]: the middle half of a line leaves out this fraction of its height
/// at the top and at the bottom (rules above and under a table row do not run through it).
pub const GRID_LINE_INSET: f64 = 0.25;

/// Chart axes carry tick marks: strokes 1–5 pt long (tables have no rules that short; the
/// ruled path ignores rules under 3 pt)...
pub const TICK_MIN: f64 = 1.0;
/// See [`TICK_MIN`].
pub const TICK_MAX: f64 = 5.0;

/// ...a region holding at least this many is a chart's labels.
pub const CHART_TICKS: usize = 6;

/// A tick mark counts for a region when both its ends lie within this (points) of the
/// region's box: ticks stand just outside the axis labels.
pub const TICK_SLACK: f64 = 2.0;

/// Fewest non-empty slots, as a fraction of all, in an unruled table: the sparsest ICDAR 2013
/// tables fill 53 %; the axis labels of a chart fill a third or less.
pub const MIN_DENSITY: f64 = 0.4;

/// A cell of this many words or more reads as prose.
pub const PROSE_WORDS: usize = 6;

/// A region whose non-empty body cells are more than this fraction prose is running text
/// (several page columns), not a table.
pub const MAX_PROSE_FRACTION: f64 = 0.6;

/// ...unless at least this many columns are short entries ([`SHORT_COLUMN_PROSE_FRACTION`]):
/// a plan's wordy action and progress cells stand beside columns of names, dates and
/// statuses, while running text in page columns (and numbered paragraphs, one column of
/// numbers beside the prose) has at most one such column.
pub const MIN_SHORT_COLUMNS: usize = 2;

/// A column of at least two non-empty body cells is short when at most this fraction of them
/// are prose ([`PROSE_WORDS`]): a name or a date wrapped onto a sixth word now and then.
pub const SHORT_COLUMN_PROSE_FRACTION: f64 = 0.25;

/// A region whose first-column cells are at least this fraction list markers is a list.
pub const MAX_MARKER_FRACTION: f64 = 0.5;

/// A body whose pieces of three words or more (at least [`LOWER_START_MIN_LINES`] of them)
/// start in lower case at least this often is running text.
pub const LOWER_START_FRACTION: f64 = 0.5;

/// See [`LOWER_START_FRACTION`].
pub const LOWER_START_MIN_LINES: usize = 6;

/// Running-text test: a column needs this many lines to be judged...
pub const PROSE_COLUMN_MIN_LINES: usize = 4;

/// ...and is running text when this fraction of its lines...
pub const PROSE_COLUMN_FRACTION: f64 = 0.6;

/// ...have at least this many words...
pub const PROSE_LINE_MIN_WORDS: usize = 3;

/// ...fill at least this fraction of the column's widest line (justified or ragged-right
/// text; table cells vary in width)...
pub const PROSE_FILL: f64 = 0.75;

/// ...and, for a whole region to be running text, half of them start at the column's left
/// edge, within this (points): running text is set flush left (paragraph indents aside);
/// right-aligned or centred cells are not (ICDAR us-019's assumptions table).
pub const PROSE_LEFT_SLACK: f64 = 2.0;

/// A page column of running text beside a table holds at least this many words a line on
/// average (a narrow column of a three-column page sets four to six); a table's column of
/// short names ("Head of Revenues", "Section 151 Officer", "Revenues Manager") under three.
pub const PROSE_COLUMN_MEAN_WORDS: f64 = 4.0;

/// A first column of enumerators is a numbered table, not a list, when at least this fraction
/// of the body cells are numbers.
pub const MIN_NUMERIC_FOR_NUMBERED: f64 = 0.3;

/// Two words closer than a segment gap are still split when the space between them reaches
/// into a gutter and is wider than this (em): more than a word space (0.25–0.35 em), as
/// between header labels of neighbouring narrow columns ("Weight Controls", 0.6 em apart in
/// ICDAR us-037).
pub const BOUNDARY_SPLIT_EM: f64 = 0.45;

/// A gutter separates columns rather than words of one phrase when, in at least this fraction
/// of the lines with text on both sides, the gap across it is a segment gap or numbers stand on
/// both sides ("40 years", left-aligned in every row, leaves a word-space gutter that
/// separates nothing).
pub const MIN_SEPARATED_FRACTION: f64 = 0.25;

/// A ruled grid is read from its text's alignment when at least this fraction of its lines
/// (and `MIN_MULTI_LINES` of them) hold two segments inside one ruled column: its rules part
/// groups of columns (a spreadsheet bordered round year groups only), not columns. Half
/// because a wrapped paragraph never holds a column-sized gap and only a justified line now
/// and then stretches one; in a grouped spreadsheet nearly every line does.
pub const STACKED_LINE_SHARE: f64 = 0.5;

/// A ruled grid whose rules part groups of columns (see `STACKED_LINE_SHARE`) is read from its
/// text's alignment only when that reading puts at least this fraction of its words in tables;
/// otherwise its cells are kept, so no row is lost. Nine tenths: a stamp or title printed
/// inside the frame ("INDICATIVE FOR PLANNING PURPOSES", 4 of 245 words on a Kent revenue
/// plan) is page text either way, while a grid misread as regrouped (Word lists in its cells)
/// leaves whole rows out.
pub const REGROUPED_MIN_SHARE: f64 = 0.9;

/// A shaded panel a table is floated in, with prose wrapping round it, is at least this
/// fraction of the height of the region the prose and the table make together: the panel
/// holds the table's rows, the region runs on over the prose above and under it (a third
/// leaves room for a region of prose twice the panel's height; a shaded cell or row is far
/// shorter, and is not looked at further).
pub const PANEL_MIN_HEIGHT_SHARE: f64 = 0.33;

/// A gutter that a vertical rule runs down beside at least this fraction of the body's height
/// separates columns however narrow it is (a rule between a right-aligned total and the
/// left-aligned label after it, 3 pt apart). Half: a rule that bounds a group of rows only
/// (a totals block) is drawn between columns all the same, while a tick or a box round one
/// cell is not.
pub const COLUMN_RULE_FRACTION: f64 = 0.5;

/// A word ending (starting) within this (points) of a gutter's edge bounds it.
pub const GUTTER_EDGE: f64 = 1.0;

/// A gutter narrower than a segment gap separates columns when on at least this many lines
/// (and on every line with text on both sides) the gap is wider than a word space and the
/// text after it starts at one x, within [`GUTTER_EDGE`]: a narrow reference column beside
/// left-aligned actions ("1.1.1 Train nursery staff", 0.7 em apart in an HTML plan).
pub const MIN_EDGE_LINES: usize = 3;

/// Horizontal rules drawn one cell at a time (a word processor's per-cell borders) mark a
/// column edge where their pieces meet; a gutter holding such a meeting on at least this many
/// rules is a drawn column edge. Two: one rule's joint may be a line drawn in two strokes,
/// the same joint on two rules is a grid.
pub const MIN_JUNCTION_RULES: usize = 2;

// --- Fallbacks where a page gives no value ---

/// The font size assumed where nothing gives one (an empty line or run; every real line has a
/// word, so this is only a fallback): 10 pt, the commonest body size in council papers.
pub const DEFAULT_FONT_SIZE: f64 = 10.0;

/// The page height assumed where a page's own is not known (a fallback): A4 portrait, 842 pt.
pub const DEFAULT_PAGE_HEIGHT: f64 = 842.0;

// --- Paper: plan captions, plans and the covering report (paper::PaperSettings) ---

/// Pages whose whole laid-out text is kept for the covering report, which comes first in a
/// paper (the MSCB report is 4 pages; long covering reports run to 20 or 30). Later pages keep
/// only the text outside their tables, so memory stays flat as a plan grows: a table's text is
/// held once, in its cells.
pub const FULL_TEXT_PAGES: u32 = 40;

/// A title page (a slide deck's first slide: the plan's title, a subtitle with its date, the
/// council's name) holds a few lines; a covering report's first page holds dozens. A first
/// page of at most this many lines, with no table, is read as the plan's title page when the
/// plan's own heading is generic ("Action plan").
pub const TITLE_PAGE_LINES: usize = 12;

/// A plan's caption (title, version) is the block printed just above its table, at most this
/// many line heights above the table's top: captions sit one blank line or so above, while text
/// further up belongs to the page's body.
pub const CAPTION_WINDOW_LINES: f64 = 3.0;

/// When the line just above a table is body text, a heading (bold, or larger than the body)
/// at most this many line heights above the table is the plan's title: an appendix heading
/// over an introduction of a few lines ("Appendix B: Delivery Plan" / "The plan below …").
pub const CAPTION_HEADING_WINDOW_LINES: f64 = 10.0;

/// Lines whose bottoms lie within this fraction of a line height of the nearest line above a
/// table are on that line (a caption printed in two runs, e.g. title and a bold version).
pub const CAPTION_SAME_LINE: f64 = 0.5;

/// A line may reach this far (points) below a table's top and still be above it: the top rule
/// is drawn through the descenders of a caption printed tight against it.
pub const CAPTION_TOUCH: f64 = 1.0;

/// Lines whose baselines differ by less than this fraction of the font size are one row.
pub const ROW_BASELINE_EM: f64 = 0.35;

/// Positions (left edges) within this many points are the same column.
pub const COLUMN_TOLERANCE: f64 = 4.0;

/// The top and bottom fractions of a page where running headers, footers and page numbers
/// are looked for.
pub const MARGIN_FRACTION: f64 = 0.12;

/// Rows repeated at the same position (within this many points) on several pages are running
/// headers or footers.
pub const REPEAT_POSITION_TOLERANCE: f64 = 3.0;

/// At most this many rows open the first page before the report's fields start (meeting
/// header and title).
pub const MAX_PREAMBLE_ROWS: usize = 8;

/// At most this many rows close a report as its sign-off block (a name, a post, a date, a
/// "Signed" line and the labels around them); more short rows at the end are the body's.
pub const MAX_SIGN_OFF_ROWS: usize = 8;

/// With no meeting date in the preamble, a first row whose baseline lies more than this (em of
/// its font size) above the next row's is set apart from the title: the body's name.
pub const MEETING_BODY_GAP_EM: f64 = 1.6;

/// A heading has at most this many words.
pub const MAX_HEADING_WORDS: usize = 15;

/// A table with fewer columns is not taken for an unrecognised plan.
pub const MIN_PLAN_COLUMNS: usize = 4;

/// ...nor one with fewer rows (a header and two actions at least).
pub const MIN_PLAN_ROWS: usize = 3;

/// A plan's header row is among a table's first this many rows: spreadsheets print a title
/// and a blank row above it, Word templates a band ("Planning | Monitoring") over it.
pub const PLAN_HEADER_ROWS: usize = 6;

/// A plan header cell naming a role has at most this many words: headers run to nine or ten
/// ("What difference will this make / how will we know?"); a longer cell is a sentence of the
/// body holding a header word, and its row is no header.
pub const MAX_HEADER_WORDS: usize = 12;

/// A table more than this share (fraction) of whose cells outside its reference and date
/// columns are numbers is a table of figures (budgets, KPIs), not a plan: plan cells are
/// sentences, names and ratings.
pub const MAX_NUMERIC_SHARE: f64 = 0.5;

/// An action cell has at least this many words ("Survey north quay wall" has four; a
/// heading word or a figure is no action).
pub const MIN_ACTION_WORDS: usize = 2;

/// A header row naming two or more of who, when and status but no action column has its
/// action column found by content: the unnamed column whose body cells hold the most words,
/// at least this many on average (words per cell; an action is a sentence, "Run a
/// meanwhile-use scheme offering vacant units …", where a name, a code or a figure is one to three).
pub const ACTION_PROSE_WORDS: f64 = 6.0;

/// Points between a cell's right edge and the furthest its text reaches: a line that ends
/// short of the edge by more than the next line's first word (and a space) was broken by
/// hand — a new lead, indicator or milestone — not wrapped. Word and LibreOffice pad cells
/// by 2-5.5 pt; the larger keeps wrapped lines whole.
pub const CELL_PADDING: f64 = 6.0;

/// Lines of one cell paragraph printed further apart than the table's wrapped lines by more
/// than this fraction of a line height are separate entries: Word paragraphs with a little
/// spacing after them (2 pt over 11 pt text is 0.18), which the table stage keeps as one
/// paragraph. Glyph boxes come from font metrics, so wrapped lines of one font keep one pitch
/// to within rounding.
pub const ENTRY_PITCH_JUMP: f64 = 0.1;

/// Luminance (0 black, 1 white; Rec. 601 weights) at or below which a fill behind a whole row
/// of an unruled plan is a dark band setting the row apart as a group banner even when its
/// text is not bold: white text on a strong colour (teal #00656E is 0.28, a mid blue #4472C4
/// 0.43); the pale shades of banded rows (#F2F2F2 is 0.95, pale blue #DEEAF6 0.91) are not.
pub const BANNER_DARK_LUMINANCE: f64 = 0.6;

/// A RAG cell's fill at least this saturated (max − min over max of its channels) is read by
/// its hue even when pale: a spreadsheet's cell styles shade status cells in tints (the "Good"
/// green #C6EFCE is 0.17, the "Bad" pink #FFC7CE 0.22), which a reader calls green and red,
/// and the lightest tints of the office palettes are paler still (Google Docs' "light green 3"
/// #D9EAD3 is 0.098, Excel's green "lighter 80%" #E2EFDA 0.088); greys and near-whites (below
/// 0.05: a banded row's #F1F1F6 is 0.026) have no hue to read.
pub const PALE_FILL_SATURATION: f64 = 0.08;

// --- Interpreter: clipping paths (pdf::clip) ---

/// Text is the colour of what lies under it, and unseen, when the two differ by at most this
/// much (0–255) in every channel: colour conversion (CMYK or Lab to sRGB, rounding of 0–1
/// operands) moves one colour by a few units, and text within 4% of its background in every
/// channel (#F6F6F6 on white) cannot be read by eye. Text any further from it is kept.
pub const BACKDROP_MATCH: u8 = 10;

/// A glyph box must reach this far (points) into a clipping box, or into the page's crop box,
/// to be drawn at all; it is partly clipped only when it pokes out by more than this. It only
/// absorbs arithmetic noise: a glyph set flush against a cell's clip edge (LibreOffice Calc
/// clips each cell at its border, and the next cell's text starts there) meets it exactly,
/// and no visible mark is narrower than a hundredth of a point.
pub const CLIP_EDGE: f64 = 0.01;

/// A glyph is hidden by a clip that lets through less than this fraction of its body, the
/// part of its box between the baseline and the ascent (below the baseline are only
/// descenders). Such a glyph shows at most its descenders, or the tops of tall letters:
/// nothing readable. LibreOffice Calc draws every line of a wrapped cell in a row too low for
/// it and clips the lines above and below the row so; read, they interleave with the row
/// above (fixtures/regression/calc-clipped-cell.pdf: the hidden line's baseline lies 0.17 pt
/// above the clip, a quarter of its box below).
pub const CLIP_VISIBLE_SHARE: f64 = 0.25;

/// A report heading's font is at least this many times the body text's size (a 12 pt heading
/// over 11 pt text is 1.09; a 10.5 pt emphasis inside 10 pt text, 1.05, is not a heading).
pub const HEADING_SIZE_RATIO: f64 = 1.08;

/// A report row ending more than this fraction of the text width short of the right margin
/// is short: it does not wrap on (the last line of a paragraph, a heading). Justified and
/// ragged-right text fill at least 85% of the width on every wrapped line.
pub const SHORT_LINE_FRACTION: f64 = 0.15;

/// Consecutive report rows whose baselines lie more than this many usual line pitches apart
/// are separate paragraphs (paragraph spacing of 6 pt or more over 11 pt text at 1.15 line
/// spacing is 1.4 pitches; wrapped lines are 1.0).
pub const PARAGRAPH_GAP: f64 = 1.3;

/// Rows closing a page set at most this fraction of the body text's size, under the last
/// row of body size and opening with a mark ("1 This excludes …"), are footnotes. Word sets
/// footnotes at 10 pt under 12 pt text (0.83) and 9 pt under 11 pt (0.82); a body line in a
/// slightly smaller font (11.5 under 12) stays.
pub const FOOTNOTE_SIZE_RATIO: f64 = 0.9;

/// A report word of figures or marks set below `FOOTNOTE_SIZE_RATIO` of the word before,
/// raised above its baseline and nearer to it than this (em of the word before; a space is
/// 0.25 em or more), is a footnote mark glued to its word ("6.3%¹"), left out of the text.
pub const FOOTNOTE_MARK_GAP_EM: f64 = 0.1;

/// A row whose middle lies within this fraction of the page width of the page's middle is
/// centred (a footer printed once); 3% of an A4 page is 18 pt, well inside the slack of a
/// centred line's rounding and well away from a left-aligned line's middle.
pub const CENTRED_FRACTION: f64 = 0.03;

/// A report heading may stand this many points right of the left margin when the margin is
/// a gutter of paragraph numbers ("1", "2" at the edge, headings a little further in): three
/// column tolerances, less than the 0.5 in (36 pt) indent of a paragraph's text.
pub const HEADING_GUTTER: f64 = 12.0;

/// The line pitch (em) assumed for a report with no two rows on one page to measure it by:
/// single spacing.
pub const LINE_PITCH_EM: f64 = 1.2;

/// A line straight under the meeting date is the meeting's place when the gap under it is
/// more than this many times the gap above it (the place set with the date, the title set
/// apart); the same pitch on both sides is one block.
pub const PLACE_GAP_RATIO: f64 = 1.25;

/// A gap between two words of a report row at least this wide (em of the row's first
/// word) may part a sidebar of front matter from the body beside it: word spaces are
/// 0.25–0.5 em, and a sidebar stands a gutter of 1.5 em or more (about 18 pt beside 10 pt
/// text) from the body.
pub const SIDEBAR_GAP_EM: f64 = 1.5;

/// A sidebar of front matter is at most this fraction of the text width: a narrow column
/// (a third of the width or less in the councils' house styles), while the two halves of
/// a two-column table or page are near equal.
pub const SIDEBAR_MAX_SHARE: f64 = 0.4;

/// A sidebar holds at least this many labels each with its value ("Meeting" over
/// "Cabinet", "Date: 12 March 2026"): one pair beside the body is a caption or a note.
pub const SIDEBAR_MIN_PAIRS: usize = 2;
