//! The content-stream interpreter: operators in, glyphs, rules and fills out (ISO 32000-1,
//! chapters 8 and 9). One interpreter runs page content and form XObjects alike; a form is
//! inlined behind save/restore with its matrix and resources.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use lopdf::content::Content;
use lopdf::{Dictionary, Object, ObjectId};

use super::backdrop::Backdrop;
use super::clip::{self, Hidden, Seen};
use super::colour::{self, Space};
use super::content::Ops;
use super::doc::PageGeometry;
use super::error::{Warning, WarningKind};
use super::font::{DecodeCache, DecodedChar, Font};
use super::image_colour;
use super::limits::{Budget, Exceeded, Limit, Limits};
use super::ops::{Op, TjItem};
use super::optional::{Nesting, OffGroups};
use super::path::{Path, Segment};
use super::sink::PageSink;
use super::state::{Alpha, GraphicsState, RenderMode};
use super::types::{Colour, Fill, FillShape, Glyph, Rule, RuleSource};
use crate::geom::{Matrix, Pt, Rect};
use crate::tolerance::{THIN_FILL_MAX, TINY_TEXT_MAX_SIZE};

mod inline;
mod layers;
mod paint;
mod pattern_image;
mod show;
mod widgets;

/// Deepest `q` nesting honoured; deeper saves are counted but not stored (real files stay
/// under 30; this bounds memory against `q q q …` bombs).
const MAX_SAVE_DEPTH: usize = 256;

/// Content streams up to this many bytes go to the fast reader, which holds a stream's
/// operators all at once (a real page's stream is well under 1 MiB); longer ones — operator
/// floods in hostile files — are read one operator at a time, in bounded memory.
const FAST_READER_MAX_BYTES: usize = 4 << 20;

/// Font names remembered per page (a page uses a handful; a file naming thousands falls back
/// to looking each up, which is what every `Tf` did before).
const FONT_NAMES_KEPT: usize = 32;

/// The most glyphs a sink is told to make room for at once (a page of dense text has a few
/// thousand; past this it grows as it goes, so a hostile stream of strings reserves little).
const GLYPHS_RESERVED_MAX: usize = 1 << 14;

/// An operator appended to every content stream before decoding. lopdf's streaming decoder
/// stops silently at a syntax error; when the last operator seen is not this one, the
/// stream had one. (Streaming, rather than decoding the whole stream first, keeps memory
/// bounded by the operator limit: a 64 MiB stream of `0 0 m` is eleven million operators.)
const END_SENTINEL: &[u8] = b"\nBoardpaperEndOfContent7F3A\n";
/// The sentinel's operator name. A file that writes it itself, followed by a syntax error,
/// loses only the warning, never content.
const END_OPERATOR: &str = "BoardpaperEndOfContent7F3A";

/// Counts of operators that were skipped, reported once per page.
#[derive(Default)]
struct Skipped {
    count: usize,
    first: Option<String>,
}

impl Skipped {
    fn add(&mut self, name: &str) {
        self.count += 1;
        if self.first.is_none() {
            self.first = Some(name.to_string());
        }
    }
}

/// Fonts loaded by any page of one document, so each font dictionary is parsed once (its
/// widths, encoding and ToUnicode CMap), not once per page. Keyed by the dictionary's address,
/// which is stable while the lopdf document is borrowed immutably (the cache lives beside it
/// in [`super::Document`]). A font's load problems are kept and repeated as warnings on every
/// page that uses it, as when each page loaded it.
#[derive(Default)]
pub(crate) struct FontCache(Mutex<HashMap<usize, CachedFont>>);

/// A loaded font and the problems met loading it.
type CachedFont = (Arc<Font>, Arc<[String]>);

impl FontCache {
    fn get(&self, key: usize) -> Option<CachedFont> {
        self.0.lock().ok()?.get(&key).cloned()
    }

    fn insert(&self, key: usize, entry: CachedFont) {
        if let Ok(mut map) = self.0.lock() {
            map.insert(key, entry);
        }
    }
}

/// Interprets one page into a sink.
pub(crate) struct Interpreter<'a> {
    doc: &'a lopdf::Document,
    limits: &'a Limits,
    budget: &'a Budget,
    font_cache: &'a FontCache,
    sink: &'a mut dyn PageSink,
    page: u32,
    gs: GraphicsState,
    stack: Vec<GraphicsState>,
    extra_saves: usize,
    tm: Matrix,
    tlm: Matrix,
    path: Path,
    /// `W`/`W*` seen: the current path becomes the clip once it is painted or ended (8.5.4).
    clip_pending: bool,
    /// The page's crop box in the displayed frame.
    page_box: Rect,
    /// Glyphs not drawn, or only partly, by cause.
    hidden: Hidden,
    /// Boxes of the images drawn so far.
    images: Vec<Rect>,
    /// The areas painted so far: what lies under the next glyph.
    backdrop: Backdrop,
    /// Invisible glyphs over no image yet; kept at the end of the page if an image drawn
    /// later lies under them (an OCR layer drawn before its scan).
    held: Vec<Glyph>,
    /// The data of the inline image the operation being run draws, as lopdf read it.
    inline: Option<lopdf::Stream>,
    /// Inline images drawn whose data could not be read.
    unread_inline: usize,
    fonts: HashMap<usize, Arc<Font>>,
    /// Fonts found by name in a resource dictionary (its address), so a `Tf` naming one
    /// again skips the dictionary lookups; at most [`FONT_NAMES_KEPT`].
    font_names: Vec<(usize, Box<[u8]>, Arc<Font>)>,
    /// The characters of the string being shown (kept for its room).
    chars: Vec<DecodedChar>,
    /// Composite-font codes decoded on this page (the fonts outlive it: `fonts` holds them).
    decoded: DecodeCache,
    fallback_font: Option<Arc<Font>>,
    forms: Vec<ObjectId>,
    form_invocations: usize,
    ops: usize,
    glyphs: usize,
    stopped: bool,
    /// A document-level limit passed on this page: the page and the document stop.
    fatal: Option<Exceeded>,
    limits_hit: Vec<Limit>,
    bad: Skipped,
    unknown: Skipped,
    unmapped: HashMap<Arc<str>, usize>,
    missing: Vec<(String, String)>,
    saw_glyph: bool,
    saw_image: bool,
    /// The default space of the content being run (the page's, or a form's) to the displayed
    /// frame: where a pattern set now is anchored.
    pattern_base: Matrix,
    /// A pattern image too big to read was met on this page (warned once).
    big_pattern_image: bool,
    /// Optional content groups the document switches off.
    layers: OffGroups,
    /// Marked-content nesting, and whether what is drawn now is in a hidden layer.
    nesting: Nesting,
    /// The string being shown is a watermark (big and slanted).
    watermark: bool,
}

impl<'a> Interpreter<'a> {
    pub(crate) fn new(
        doc: &'a lopdf::Document,
        limits: &'a Limits,
        budget: &'a Budget,
        font_cache: &'a FontCache,
        sink: &'a mut dyn PageSink,
        geometry: &PageGeometry,
    ) -> Self {
        let info = geometry.info;
        Interpreter {
            doc,
            limits,
            budget,
            font_cache,
            sink,
            page: info.number,
            gs: GraphicsState::new(geometry.matrix),
            stack: Vec::new(),
            extra_saves: 0,
            tm: Matrix::IDENTITY,
            tlm: Matrix::IDENTITY,
            path: Path::default(),
            clip_pending: false,
            page_box: Rect {
                x0: 0.0,
                top: 0.0,
                x1: info.width,
                bottom: info.height,
            },
            hidden: Hidden::default(),
            images: Vec::new(),
            backdrop: Backdrop::default(),
            held: Vec::new(),
            inline: None,
            unread_inline: 0,
            fonts: HashMap::new(),
            font_names: Vec::new(),
            chars: Vec::new(),
            decoded: DecodeCache::default(),
            fallback_font: None,
            forms: Vec::new(),
            form_invocations: 0,
            ops: 0,
            glyphs: 0,
            stopped: false,
            fatal: None,
            limits_hit: Vec::new(),
            bad: Skipped::default(),
            unknown: Skipped::default(),
            unmapped: HashMap::new(),
            missing: Vec::new(),
            saw_glyph: false,
            saw_image: false,
            pattern_base: geometry.matrix,
            big_pattern_image: false,
            layers: OffGroups::of(doc),
            nesting: Nesting::default(),
            watermark: false,
        }
    }

    fn warn(&mut self, kind: WarningKind) {
        self.sink.warning(Warning::page(self.page, kind));
    }

    fn hit(&mut self, limit: Limit, value: usize) {
        if !self.limits_hit.contains(&limit) {
            self.limits_hit.push(limit);
            self.warn(WarningKind::LimitHit {
                limit,
                value: value as u64,
            });
        }
    }

    /// Stop the page (and the document) for a document-level limit.
    fn fatal(&mut self, e: Exceeded) {
        self.fatal.get_or_insert(e);
        self.stopped = true;
    }

    /// Run a page's (already decompressed) content with its resources, then report what was
    /// skipped on the way. An error when a document-level limit was passed.
    pub(crate) fn run_page(
        mut self,
        content: Vec<u8>,
        resources: Option<&'a Dictionary>,
        page: Option<&'a Dictionary>,
    ) -> Result<(), Exceeded> {
        self.run(content, resources);
        self.widgets(page);
        let fatal = self.fatal;
        self.finish();
        fatal.map_or(Ok(()), Err)
    }

    fn finish(mut self) {
        self.report_unread_inline();
        if self.bad.count > 0 {
            let kind = WarningKind::BadOperands {
                count: self.bad.count,
                first: self.bad.first.take().unwrap_or_default(),
            };
            self.warn(kind);
        }
        if self.unknown.count > 0 {
            let kind = WarningKind::UnknownOperators {
                count: self.unknown.count,
                first: self.unknown.first.take().unwrap_or_default(),
            };
            self.warn(kind);
        }
        let mut unmapped: Vec<_> = std::mem::take(&mut self.unmapped).into_iter().collect();
        unmapped.sort();
        for (font, count) in unmapped {
            self.warn(WarningKind::UnmappedGlyphs {
                font: font.to_string(),
                count,
            });
        }
        for glyph in std::mem::take(&mut self.held) {
            if clip::over_image(&glyph.bbox, &self.images) {
                self.saw_glyph = true;
                self.sink.glyph(glyph);
            } else {
                self.hidden.invisible.add(&glyph.text);
            }
        }
        for kind in self.hidden.warnings() {
            self.warn(kind);
        }
        if self.saw_image && !self.saw_glyph {
            self.warn(WarningKind::NoTextLayer);
        }
    }

    /// Pass a glyph to the sink if it is seen: not wholly outside the crop box or the clip,
    /// not the colour of what lies under it ([`Backdrop`]), and not invisible unless over an
    /// image. What is dropped is counted.
    fn emit(&mut self, mut glyph: Glyph) {
        if self.nesting.hidden() {
            self.hidden.hidden_layer.add(&glyph.text);
            return;
        }
        if self.watermark {
            self.hidden.watermark.add(&glyph.text);
            return;
        }
        if clip::wholly_outside(&glyph.bbox, &self.page_box) {
            self.hidden.off_page.add(&glyph.text);
            return;
        }
        match self
            .gs
            .clip
            .sees(&glyph.bbox, glyph.origin, glyph.direction)
        {
            Seen::Whole => {}
            Seen::Partly(b) => {
                self.hidden.partly_clipped += 1;
                glyph.clip = Some(b);
            }
            Seen::Hidden => {
                self.hidden.clipped.add(&glyph.text);
                return;
            }
        }
        if !glyph.invisible && self.backdrop.hides(&glyph.bbox, glyph.colour) {
            self.hidden.unseen.add(&glyph.text);
            return;
        }
        if glyph.size < TINY_TEXT_MAX_SIZE {
            self.hidden.tiny.add(&glyph.text);
            return;
        }
        if glyph.invisible && !clip::over_image(&glyph.bbox, &self.images) {
            self.held.push(glyph);
            return;
        }
        self.saw_glyph = true;
        self.sink.glyph(glyph);
    }

    /// A painting operator or `n` ends the path: a pending clip takes effect now, after the
    /// painting (8.5.4), and the path is forgotten.
    fn end_path(&mut self) {
        if std::mem::take(&mut self.clip_pending) {
            let bbox = self
                .path
                .subpaths
                .iter()
                .filter_map(|sp| sp.bbox())
                .reduce(|a, b| a.union(&b));
            self.gs.clip = self.gs.clip.intersect(bbox);
            self.note_clip_shape();
        }
        self.path.clear();
    }

    /// Decode and execute one content stream. Ordinary streams go to the fast reader
    /// ([`super::content`]); anything it leaves, and streams too long to hold decoded at once,
    /// are decoded one operator at a time by lopdf. A syntax error keeps what came before it
    /// and becomes a warning (lopdf's lenient decoder would stop silently; see
    /// [`END_SENTINEL`]).
    fn run(&mut self, mut content: Vec<u8>, resources: Option<&'a Dictionary>) {
        if content.len() <= FAST_READER_MAX_BYTES {
            if let Some(ops) = super::content::decode(&content) {
                self.sink
                    .expect_glyphs(ops.string_bytes().min(GLYPHS_RESERVED_MAX));
                for i in 0..ops.len() {
                    if self.stopped {
                        return;
                    }
                    if let Some(view) = ops.get(i) {
                        self.exec(&Op::decode(view), resources);
                    }
                }
                return;
            }
        }
        content.extend_from_slice(END_SENTINEL);
        let mut read = 0;
        let mut complete = false;
        let mut tokens = Ops::default();
        for op in Content::decode_iter(&content) {
            if self.stopped {
                return;
            }
            let Ok(mut op) = op else { break };
            if op.operator == END_OPERATOR {
                // Operands left over before the end are a syntax error too.
                complete = op.operands.is_empty();
                continue;
            }
            complete = false;
            read += 1;
            self.inline = inline::take(&mut op);
            tokens.clear();
            tokens.push_lopdf(&op);
            if let Some(view) = tokens.get(0) {
                self.exec(&Op::decode(view), resources);
            }
        }
        if !complete && !self.stopped {
            self.warn(WarningKind::ContentSyntax {
                operators_read: read,
            });
        }
    }

    fn exec(&mut self, op: &Op<'_>, res: Option<&'a Dictionary>) {
        self.ops += 1;
        if self.ops > self.limits.operators_per_page {
            self.hit(Limit::OperatorsPerPage, self.limits.operators_per_page);
            self.stopped = true;
            return;
        }
        if Budget::clock_due(self.ops) {
            if let Err(e) = self.budget.check_time() {
                self.fatal(e);
                return;
            }
        }
        match op {
            Op::Save => {
                if self.stack.len() < MAX_SAVE_DEPTH {
                    self.stack.push(self.gs.clone());
                } else {
                    self.extra_saves += 1;
                }
            }
            Op::Restore => {
                if self.extra_saves > 0 {
                    self.extra_saves -= 1;
                } else if let Some(gs) = self.stack.pop() {
                    self.gs = gs;
                }
            }
            Op::Transform([a, b, c, d, e, f]) => {
                let m = Matrix::new(*a, *b, *c, *d, *e, *f).then(&self.gs.ctm);
                if m.is_finite() {
                    self.gs.ctm = m;
                }
            }
            Op::LineWidth(w) => self.gs.line_width = w.abs(),
            Op::ExtGState(name) => self.ext_gstate(name, res),
            Op::MoveTo(x, y) => {
                let p = self.user(*x, *y);
                self.path.move_to(p);
                self.check_path_budget();
            }
            Op::LineTo(x, y) => {
                let p = self.user(*x, *y);
                self.path.line_to(p);
                self.check_path_budget();
            }
            Op::CurveTo([x1, y1, x2, y2, x3, y3]) => {
                let (c1, c2, p) = (
                    self.user(*x1, *y1),
                    self.user(*x2, *y2),
                    self.user(*x3, *y3),
                );
                self.path.curve_to(Some(c1), Some(c2), p);
                self.check_path_budget();
            }
            Op::CurveToV([x2, y2, x3, y3]) => {
                let (c2, p) = (self.user(*x2, *y2), self.user(*x3, *y3));
                self.path.curve_to(None, Some(c2), p);
                self.check_path_budget();
            }
            Op::CurveToY([x1, y1, x3, y3]) => {
                let (c1, p) = (self.user(*x1, *y1), self.user(*x3, *y3));
                self.path.curve_to(Some(c1), None, p);
                self.check_path_budget();
            }
            Op::ClosePath => self.path.close(),
            Op::Rectangle([x, y, w, h]) => {
                let corners = [
                    self.user(*x, *y),
                    self.user(x + w, *y),
                    self.user(x + w, y + h),
                    self.user(*x, y + h),
                ];
                self.path.rect(corners);
                self.check_path_budget();
            }
            Op::Stroke { close } => {
                if *close {
                    self.path.close();
                }
                self.stroke_path();
                self.end_path();
            }
            Op::Fill => {
                self.fill_path();
                self.end_path();
            }
            Op::FillStroke { close } => {
                if *close {
                    self.path.close();
                }
                self.fill_path();
                self.stroke_path();
                self.end_path();
            }
            Op::EndPath => self.end_path(),
            Op::Clip => self.clip_pending = true,
            Op::MarkedBegin(name) => self.marked_begin(*name, res),
            Op::MarkedEnd => self.nesting.end(),
            Op::Ignored => {}
            Op::Shading(name) => self.shading_fill(*name, res),
            Op::ColourSpace { stroke, name } => {
                let cs = res.and_then(|r| self.resource_dict(r, b"ColorSpace"));
                match colour::resolve(self.doc, &Object::Name(name.to_vec()), cs, 0) {
                    Some(space) => {
                        let paint = if *stroke {
                            &mut self.gs.stroke
                        } else {
                            &mut self.gs.fill
                        };
                        paint.colour = space.initial();
                        paint.space = space;
                        paint.pattern = None;
                    }
                    None => self.missing("ColorSpace", name),
                }
            }
            Op::Colour {
                stroke,
                comps,
                pattern,
            } => {
                let paint = if *stroke {
                    &mut self.gs.stroke
                } else {
                    &mut self.gs.fill
                };
                paint.colour = match pattern {
                    None => paint.space.to_rgb(comps),
                    Some(_) => None,
                };
                paint.pattern = None;
                if let Some(name) = pattern {
                    self.pattern_colour(*stroke, name, comps, res);
                }
            }
            Op::Gray { stroke, v } => self.set_paint(*stroke, Space::Gray, &[*v]),
            Op::Rgb { stroke, c } => self.set_paint(*stroke, Space::Rgb, c),
            Op::Cmyk { stroke, c } => self.set_paint(*stroke, Space::Cmyk, c),
            Op::BeginText => {
                self.tm = Matrix::IDENTITY;
                self.tlm = Matrix::IDENTITY;
            }
            Op::EndText => {}
            Op::CharSpacing(v) => self.gs.text.char_spacing = *v,
            Op::WordSpacing(v) => self.gs.text.word_spacing = *v,
            Op::HorizScaling(v) => self.gs.text.horiz_scaling = v / 100.0,
            Op::Leading(v) => self.gs.text.leading = *v,
            Op::Font(name, size) => {
                self.gs.text.size = *size;
                self.gs.text.font = Some(self.font(name, res));
            }
            Op::RenderMode(m) => match RenderMode::from_operand(*m) {
                Some(mode) => self.gs.text.render = mode,
                None => self.bad.add("Tr"),
            },
            Op::Rise(v) => self.gs.text.rise = *v,
            Op::MoveText(x, y) => self.move_text(*x, *y),
            Op::MoveTextSetLeading(x, y) => {
                self.gs.text.leading = -y;
                self.move_text(*x, *y);
            }
            Op::TextMatrix([a, b, c, d, e, f]) => {
                self.tm = Matrix::new(*a, *b, *c, *d, *e, *f);
                self.tlm = self.tm;
            }
            Op::NextLine => self.next_line(),
            Op::ShowText(s) => self.show(s),
            Op::NextLineShowText(s) => {
                self.next_line();
                self.show(s);
            }
            Op::NextLineShowTextSpaced(aw, ac, s) => {
                self.gs.text.word_spacing = *aw;
                self.gs.text.char_spacing = *ac;
                self.next_line();
                self.show(s);
            }
            Op::ShowTextArray(items) => {
                // Made at the first string: an array of numbers alone shows nothing.
                let mut setup = None;
                for item in *items {
                    match item {
                        TjItem::Text(s) => {
                            let setup = setup.get_or_insert_with(|| self.show_setup());
                            self.show_string(setup, s);
                        }
                        TjItem::Adjust(n) => self.adjust(n),
                    }
                }
            }
            Op::XObject(name) => self.xobject(name, res),
            Op::InlineImage(found) => {
                if let Some((dict, data)) = found {
                    self.inline = inline::from_bytes(dict, data);
                }
                self.inline_image(res);
            }
            Op::BadOperands(name) => self.bad.add(name),
            Op::Unknown(name) => self.unknown.add(name),
        }
    }

    fn user(&self, x: f64, y: f64) -> Pt {
        self.gs.ctm.apply(x, y)
    }

    fn check_path_budget(&mut self) {
        if self.path.segment_count() > self.limits.path_segments_per_page {
            self.hit(
                Limit::PathSegmentsPerPage,
                self.limits.path_segments_per_page,
            );
            self.path.clear();
        }
    }

    fn set_paint(&mut self, stroke: bool, space: Space, comps: &[f64]) {
        let paint = if stroke {
            &mut self.gs.stroke
        } else {
            &mut self.gs.fill
        };
        paint.colour = space.to_rgb(comps);
        paint.space = space;
    }

    fn missing(&mut self, category: &str, name: &[u8]) {
        let key = (
            category.to_string(),
            String::from_utf8_lossy(name).into_owned(),
        );
        if !self.missing.contains(&key) {
            self.missing.push(key.clone());
            self.warn(WarningKind::MissingResource {
                category: key.0,
                name: key.1,
            });
        }
    }

    /// A sub-dictionary of the resources (`/Font`, `/XObject`, ...), through references.
    fn resource_dict(&self, res: &'a Dictionary, key: &[u8]) -> Option<&'a Dictionary> {
        let o = res.get(key).ok()?;
        self.doc.dereference(o).ok()?.1.as_dict().ok()
    }

    fn named_resource(
        &self,
        res: Option<&'a Dictionary>,
        category: &[u8],
        name: &[u8],
    ) -> Option<(Option<ObjectId>, &'a Object)> {
        let dict = self.resource_dict(res?, category)?;
        let o = dict.get(name).ok()?;
        self.doc.dereference(o).ok()
    }

    fn ext_gstate(&mut self, name: &[u8], res: Option<&'a Dictionary>) {
        let Some((_, Object::Dictionary(gs))) = self.named_resource(res, b"ExtGState", name) else {
            self.missing("ExtGState", name);
            return;
        };
        if let Ok(lw) = gs.get(b"LW").and_then(|o| o.as_float()) {
            self.gs.line_width = f64::from(lw).abs();
        }
        if let Ok(ca) = gs.get(b"ca").and_then(|o| o.as_float()) {
            self.gs.fill_alpha = Alpha::of(f64::from(ca));
        }
        if let Ok(ca) = gs.get(b"CA").and_then(|o| o.as_float()) {
            self.gs.stroke_alpha = Alpha::of(f64::from(ca));
        }
        paint::note_blend(&mut self.gs, gs);
        if let Ok(Object::Array(f)) = gs.get(b"Font") {
            if let (Some(Object::Reference(id)), Some(size)) =
                (f.first(), f.get(1).and_then(|s| s.as_float().ok()))
            {
                if let Ok(dict) = self.doc.get_dictionary(*id) {
                    let font = self.load_font(dict);
                    self.gs.text.font = Some(font);
                    self.gs.text.size = f64::from(size);
                }
            }
        }
    }

    fn font(&mut self, name: &[u8], res: Option<&'a Dictionary>) -> Arc<Font> {
        let key = res.map_or(0, |r| r as *const Dictionary as usize);
        if let Some((_, _, font)) = self
            .font_names
            .iter()
            .find(|(r, n, _)| *r == key && **n == *name)
        {
            return font.clone();
        }
        match self.named_resource(res, b"Font", name) {
            Some((_, Object::Dictionary(dict))) => {
                let font = self.load_font(dict);
                if self.font_names.len() < FONT_NAMES_KEPT {
                    self.font_names.push((key, name.into(), font.clone()));
                }
                font
            }
            _ => {
                self.missing("Font", name);
                self.fallback_font
                    .get_or_insert_with(|| Arc::new(Font::fallback()))
                    .clone()
            }
        }
    }

    fn load_font(&mut self, dict: &'a Dictionary) -> Arc<Font> {
        let key = dict as *const Dictionary as usize;
        if let Some(f) = self.fonts.get(&key) {
            return f.clone();
        }
        let (font, problems) = match self.font_cache.get(key) {
            Some(entry) => entry,
            None => {
                let loaded = Font::load(self.doc, dict, self.limits);
                let entry = (Arc::new(loaded.font), Arc::from(loaded.problems));
                self.font_cache.insert(key, entry.clone());
                entry
            }
        };
        for problem in problems.iter() {
            self.warn(WarningKind::FontProblem {
                font: font.name().to_string(),
                problem: problem.clone(),
            });
        }
        self.fonts.insert(key, font.clone());
        font
    }

    fn move_text(&mut self, tx: f64, ty: f64) {
        self.tlm = Matrix::translate(tx, ty).then(&self.tlm);
        self.tm = self.tlm;
    }

    fn next_line(&mut self) {
        let leading = self.gs.text.leading;
        self.move_text(0.0, -leading);
    }

    /// A `TJ` number: move left by n/1000 of the font size (9.4.3).
    fn adjust(&mut self, n: f64) {
        let t = &self.gs.text;
        let vertical = t.font.as_ref().is_some_and(|f| f.is_vertical());
        let shift = -n / 1000.0 * t.size;
        let m = if vertical {
            Matrix::translate(0.0, shift)
        } else {
            Matrix::translate(shift * t.horiz_scaling, 0.0)
        };
        self.tm = m.then(&self.tm);
    }

    fn stroke_path(&mut self) {
        if self.nesting.hidden() {
            return;
        }
        let width = self.gs.line_width * self.gs.ctm.mean_scale();
        let colour = self.gs.stroke.colour;
        // Stroked with opacity 0, the path paints nothing: no rule, no table edge.
        if self.gs.stroke_alpha.is_clear() {
            return;
        }
        for sp in &self.path.subpaths {
            for seg in sp.segments.iter().copied().chain(sp.closing_segment()) {
                if let Segment::Line(a, b) = seg {
                    if (a.x - b.x).abs() + (a.y - b.y).abs() > 0.0 {
                        self.sink.rule(Rule {
                            p0: a,
                            p1: b,
                            width,
                            colour,
                            source: RuleSource::Stroke,
                        });
                    }
                }
            }
        }
    }

    /// Whether text drawn in render mode `mode` paints nothing: each way it is painted
    /// (filled, stroked) has opacity 0 (`ca` 0, `CA` 0).
    fn filled_clear(&self, mode: RenderMode) -> bool {
        let (fill, stroke) = (
            self.gs.fill_alpha.is_clear(),
            self.gs.stroke_alpha.is_clear(),
        );
        match mode {
            RenderMode::Fill | RenderMode::FillClip => fill,
            RenderMode::Stroke | RenderMode::StrokeClip => stroke,
            RenderMode::FillStroke | RenderMode::FillStrokeClip => fill && stroke,
            RenderMode::Invisible | RenderMode::Clip => false,
        }
    }

    fn fill_path(&mut self) {
        if self.nesting.hidden() {
            return;
        }
        let colour = self.gs.fill.colour.or_else(|| self.pattern_image_colour());
        // Filled with opacity 0, the path paints nothing.
        if self.gs.fill_alpha.is_clear() {
            return;
        }
        let opaque = self.gs.fill_alpha.is_opaque();
        for sp in &self.path.subpaths {
            if let Some(r) = sp.as_axis_rect() {
                let (w, h) = (r.width(), r.height());
                // Clipped to a frame, it paints a border around the hole, not the cell.
                if w.min(h) >= THIN_FILL_MAX && paint::border_only(&self.gs, r) {
                    self.backdrop.mixed(r, &self.gs.clip);
                    continue;
                }
                // A translucent fill blends with what lies under it: no one colour. A thin
                // fill (a rule, or one strip of a band) covers what lies under it but never
                // hides text (see `backdrop`).
                if w.min(h) >= THIN_FILL_MAX && opaque {
                    self.backdrop.rect(r, colour, &self.gs.clip);
                    paint::cover(&mut *self.sink, &self.gs, r, &mut self.hidden);
                } else {
                    self.backdrop.mixed(r, &self.gs.clip);
                }
                if w.min(h) < THIN_FILL_MAX {
                    let c = r.centre();
                    let (p0, p1, width) = if w >= h {
                        (Pt::new(r.x0, c.y), Pt::new(r.x1, c.y), h)
                    } else {
                        (Pt::new(c.x, r.top), Pt::new(c.x, r.bottom), w)
                    };
                    if w.max(h) > 0.0 {
                        self.sink.rule(Rule {
                            p0,
                            p1,
                            width,
                            colour,
                            source: RuleSource::ThinFill,
                        });
                    }
                } else {
                    self.sink.fill(Fill {
                        rect: r,
                        colour,
                        shape: FillShape::Rect,
                    });
                }
            } else if let Some(r) = sp.bbox().filter(|r| r.area() > 0.0) {
                self.backdrop.mixed(r, &self.gs.clip);
                self.sink.fill(Fill {
                    rect: r,
                    colour,
                    shape: sp.figure(),
                });
            }
        }
    }

    /// An image drawn over the CTM's unit square; `stream` when it is an XObject, so that a
    /// one-colour image can be read as a filled rectangle.
    fn image(&mut self, stream: Option<&lopdf::Stream>, res: Option<&'a Dictionary>) {
        if self.nesting.hidden() {
            return;
        }
        let corners = [
            self.user(0.0, 0.0),
            self.user(1.0, 0.0),
            self.user(0.0, 1.0),
            self.user(1.0, 1.0),
        ];
        let Some(b) = Rect::bounding(corners).filter(|b| b.is_finite()) else {
            return;
        };
        let page_sized = b.area() >= self.limits.image_fill_page_share * self.page_box.area();
        let stream = stream.filter(|_| !page_sized);
        if let Some(colour) = stream.and_then(|s| self.image_colour(s, res)) {
            // Also painted like `re f`: an opaque area of one colour (a thin one is a rule).
            // It stays an image too: a flat scan still makes an image page.
            let pending = std::mem::take(&mut self.path);
            self.path
                .rect([corners[0], corners[1], corners[3], corners[2]]);
            let saved = self.gs.fill.colour;
            self.gs.fill.colour = Some(colour);
            self.fill_path();
            self.gs.fill.colour = saved;
            self.path = pending;
        } else {
            self.backdrop.mixed(b, &self.gs.clip);
        }
        self.saw_image = true;
        self.images.push(b);
        self.sink.image(b);
    }

    /// The one colour of an opaque image XObject drawn upright, when all its pixels are alike.
    fn image_colour(
        &mut self,
        stream: &lopdf::Stream,
        res: Option<&'a Dictionary>,
    ) -> Option<Colour> {
        let m = &self.gs.ctm;
        let upright = (m.b == 0.0 && m.c == 0.0) || (m.a == 0.0 && m.d == 0.0);
        if !upright || !self.gs.fill_alpha.is_opaque() {
            return None;
        }
        let spaces = res.and_then(|r| self.resource_dict(r, b"ColorSpace"));
        let (colour, bytes) = image_colour::uniform(self.doc, stream, spaces, self.limits)?;
        if let Err(e) = self.budget.charge_bytes(bytes) {
            self.fatal(e);
            return None;
        }
        Some(colour)
    }

    fn xobject(&mut self, name: &[u8], res: Option<&'a Dictionary>) {
        let Some((id, Object::Stream(stream))) = self.named_resource(res, b"XObject", name) else {
            self.missing("XObject", name);
            return;
        };
        let hidden = !self.layers.is_empty() && self.layer_hides(stream.dict.get(b"OC").ok());
        let outer = self.nesting;
        if hidden {
            self.nesting.begin(true);
        }
        match stream.dict.get(b"Subtype").and_then(|s| s.as_name()) {
            Ok(b"Image") => self.image(Some(stream), res),
            Ok(b"Form") => self.form(name, id, stream, res),
            _ => {}
        }
        if hidden {
            self.nesting = outer;
        }
    }

    /// Draw a form XObject (8.10): its content runs with its /Matrix and resources, behind
    /// save/restore, under the depth and invocation budgets.
    fn form(
        &mut self,
        name: &[u8],
        id: Option<ObjectId>,
        stream: &'a lopdf::Stream,
        res: Option<&'a Dictionary>,
    ) {
        if self.forms.len() >= self.limits.form_depth {
            self.hit(Limit::FormDepth, self.limits.form_depth);
            return;
        }
        if self.form_invocations >= self.limits.form_invocations {
            self.hit(Limit::FormInvocations, self.limits.form_invocations);
            return;
        }
        if let Some(id) = id {
            if self.forms.contains(&id) {
                self.warn(WarningKind::FormCycle {
                    name: String::from_utf8_lossy(name).into_owned(),
                });
                return;
            }
        }
        self.form_invocations += 1;
        let content = match stream.get_plain_content_with_limit(self.limits.stream_bytes) {
            Ok(c) => {
                if let Err(e) = self.budget.charge_bytes(c.len()) {
                    self.fatal(e);
                    return;
                }
                c
            }
            Err(lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded {
                ..
            })) => {
                // Inflated up to the limit before lopdf gave up: that work counts.
                if let Err(e) = self.budget.charge_bytes(self.limits.stream_bytes) {
                    self.fatal(e);
                    return;
                }
                self.hit(Limit::StreamBytes, self.limits.stream_bytes);
                return;
            }
            Err(e) => {
                self.warn(WarningKind::ContentUnreadable {
                    reason: format!("form /{}: {e}", String::from_utf8_lossy(name)),
                });
                return;
            }
        };
        let matrix = stream
            .dict
            .get(b"Matrix")
            .and_then(|m| m.as_array())
            .ok()
            .and_then(|a| match numbers(a).as_slice() {
                [a, b, c, d, e, f] => Some(Matrix::new(*a, *b, *c, *d, *e, *f)),
                _ => None,
            })
            .unwrap_or(Matrix::IDENTITY);
        let form_res = stream
            .dict
            .get(b"Resources")
            .ok()
            .and_then(|r| self.doc.dereference(r).ok())
            .and_then(|(_, r)| r.as_dict().ok())
            .or(res);
        let saved = self.gs.clone();
        let saved_stack = self.stack.len();
        let saved_text = (self.tm, self.tlm);
        let m = matrix.then(&self.gs.ctm);
        if m.is_finite() {
            self.gs.ctm = m;
        }
        // The form is clipped to its /BBox, in form space (8.10.1).
        let bbox = stream.dict.get(b"BBox").and_then(|b| b.as_array()).ok();
        let bbox: Option<[f64; 4]> = bbox.and_then(|b| numbers(b).try_into().ok());
        if let Some([x0, y0, x1, y1]) = bbox {
            let corners = [
                self.user(x0, y0),
                self.user(x1, y0),
                self.user(x0, y1),
                self.user(x1, y1),
            ];
            self.gs.clip = self.gs.clip.intersect(Rect::bounding(corners));
        }
        self.path.clear();
        self.clip_pending = false;
        if let Some(id) = id {
            self.forms.push(id);
        }
        let base = std::mem::replace(&mut self.pattern_base, self.gs.ctm);
        self.run(content, form_res);
        self.pattern_base = base;
        if id.is_some() {
            self.forms.pop();
        }
        self.stack.truncate(saved_stack);
        self.gs = saved;
        (self.tm, self.tlm) = saved_text;
        self.path.clear();
        self.clip_pending = false;
    }
}

/// The numbers of a PDF array (others skipped).
fn numbers(array: &[Object]) -> Vec<f64> {
    array
        .iter()
        .filter_map(|o| o.as_float().ok().map(f64::from))
        .collect()
}
