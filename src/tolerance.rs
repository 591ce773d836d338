//! Every layout and table constant with a unit, in one place, with what it measures and why
//! it has its value. Each stage's `Settings::default()` reads from here; the CLI may override.

/// A filled rectangle thinner than this (points) is a rule, not an area: LibreOffice draws
/// 0.5 pt cell borders as strokes, but Word and Chromium often draw them as filled
/// rectangles 0.5–1.5 pt thick; real shaded areas are at least a text line (about 10 pt) tall.
pub const THIN_FILL_MAX: f64 = 2.0;

/// Two glyphs on one line belong to the same word when the gap between them is below this
/// fraction of the font size. Poppler uses 0.1 em as its minimum space; a normal space in
/// Liberation Sans is 0.278 em, and tight kerning stays below 0.05 em.
pub const WORD_GAP_EM: f64 = 0.1;

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

/// A vertical gap between two lines in a cell wider than this fraction of the line height
/// starts a new paragraph (an empty paragraph between them leaves a gap of about one line;
/// ordinary line spacing leaves none, as glyph boxes of consecutive lines touch).
pub const PARAGRAPH_GAP_LINES: f64 = 0.45;

/// A fill covering at least this fraction of a cell's area is the cell's background.
pub const FILL_CELL_COVERAGE: f64 = 0.5;

/// Column boundaries of two page tables match for continuation when within this (points).
pub const COLUMN_MATCH_TOLERANCE: f64 = 3.0;

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

/// The font size assumed where nothing gives one (an empty line or run; every real line has a
/// word, so this is only a fallback): 10 pt, the commonest body size in council papers.
pub const DEFAULT_FONT_SIZE: f64 = 10.0;

/// The page height assumed where a page's own is not known (a fallback): A4 portrait, 842 pt.
pub const DEFAULT_PAGE_HEIGHT: f64 = 842.0;

/// Pages whose whole laid-out text is kept for the covering report, which comes first in a
/// paper (the MSCB report is 4 pages; long covering reports run to 20 or 30). Later pages keep
/// only the text outside their tables, so memory stays flat as a plan grows: a table's text is
/// held once, in its cells.
pub const FULL_TEXT_PAGES: u32 = 40;

/// A plan's caption (title, version) is the block printed just above its table, at most this
/// many line heights above the table's top: captions sit one blank line or so above, while text
/// further up belongs to the page's body.
pub const CAPTION_WINDOW_LINES: f64 = 3.0;

/// Lines whose bottoms lie within this fraction of a line height of the nearest line above a
/// table are on that line (a caption printed in two runs, e.g. title and a bold version).
pub const CAPTION_SAME_LINE: f64 = 0.5;

/// A line may reach this far (points) below a table's top and still be above it: the top rule
/// is drawn through the descenders of a caption printed tight against it.
pub const CAPTION_TOUCH: f64 = 1.0;

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
