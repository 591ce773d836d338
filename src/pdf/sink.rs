//! The interpreter pushes what it finds into a [`PageSink`]. [`Collector`] gathers a page's
//! [`PagePrimitives`]; [`Recorder`] writes one line per event, for golden tests and debugging.

use std::collections::HashSet;
use std::fmt::Write as _;

use super::error::Warning;
use super::types::{Fill, Glyph, PageInfo, PagePrimitives, Rule};
use crate::geom::Rect;

/// Receives what the interpreter finds on a page, in content-stream order.
pub trait PageSink {
    /// A page starts.
    fn begin_page(&mut self, _info: &PageInfo) {}
    /// About `additional` more glyphs may follow (an upper bound, capped): room can be made
    /// for them at once.
    fn expect_glyphs(&mut self, _additional: usize) {}
    /// A glyph was shown.
    fn glyph(&mut self, glyph: Glyph);
    /// The glyphs shown so far at these places in the order they were shown (0 is the
    /// first), ascending, turned out to be covered by an opaque fill drawn over them: they are
    /// not seen. Told once, when the page's content has been read.
    fn covered(&mut self, shown: &[usize]);
    /// A straight rule was drawn.
    fn rule(&mut self, rule: Rule);
    /// An area was filled.
    fn fill(&mut self, fill: Fill);
    /// An image was drawn into `bbox`.
    fn image(&mut self, _bbox: Rect) {}
    /// Something recoverable went wrong.
    fn warning(&mut self, warning: Warning);
    /// The page ended.
    fn end_page(&mut self) {}
}

/// Quantise a coordinate to 0.01 pt for duplicate detection.
fn q(v: f64) -> i64 {
    (v * 100.0).round() as i64
}

/// Collects one page into [`PagePrimitives`], collapsing identical fills.
#[derive(Debug)]
pub struct Collector {
    page: PagePrimitives,
    seen_fills: HashSet<(i64, i64, i64, i64, Option<super::Colour>)>,
}

impl Collector {
    /// An empty collector for the page `info`.
    pub fn new(info: PageInfo) -> Self {
        Collector {
            page: PagePrimitives {
                info,
                glyphs: Vec::new(),
                rules: Vec::new(),
                fills: Vec::new(),
                images: Vec::new(),
                warnings: Vec::new(),
            },
            seen_fills: HashSet::new(),
        }
    }

    /// The collected page.
    pub fn finish(self) -> PagePrimitives {
        self.page
    }
}

impl PageSink for Collector {
    fn expect_glyphs(&mut self, additional: usize) {
        self.page.glyphs.reserve(additional);
    }
    fn glyph(&mut self, glyph: Glyph) {
        self.page.glyphs.push(glyph);
    }
    fn covered(&mut self, shown: &[usize]) {
        let mut next = shown.iter().copied().peekable();
        let mut i = 0;
        self.page.glyphs.retain(|_| {
            let hide = next.next_if_eq(&i).is_some();
            i += 1;
            !hide
        });
    }
    fn rule(&mut self, rule: Rule) {
        self.page.rules.push(rule);
    }
    fn fill(&mut self, fill: Fill) {
        let r = fill.rect;
        if self
            .seen_fills
            .insert((q(r.x0), q(r.top), q(r.x1), q(r.bottom), fill.colour))
        {
            self.page.fills.push(fill);
        }
    }
    fn image(&mut self, bbox: Rect) {
        self.page.images.push(bbox);
    }
    fn warning(&mut self, warning: Warning) {
        self.page.warnings.push(warning);
    }
}

/// Writes one line of text per event: the interpreter's output made readable and diffable.
#[derive(Debug, Default)]
pub struct Recorder {
    /// The lines so far.
    pub out: String,
}

fn colour_text(c: Option<super::Colour>) -> String {
    c.map(|c| c.to_string()).unwrap_or_else(|| "pattern".into())
}

impl PageSink for Recorder {
    fn begin_page(&mut self, i: &PageInfo) {
        let _ = writeln!(
            self.out,
            "page {} {:.2}x{:.2} rot {}",
            i.number, i.width, i.height, i.rotation
        );
    }
    fn glyph(&mut self, g: Glyph) {
        let b = g.bbox;
        let _ = writeln!(
            self.out,
            "glyph {:?} [{:.2} {:.2} {:.2} {:.2}] {} {:.2} {} dir {}{}{}",
            g.text,
            b.x0,
            b.top,
            b.x1,
            b.bottom,
            g.font,
            g.size,
            colour_text(g.colour),
            u16::from(g.direction),
            if g.invisible { " invisible" } else { "" },
            g.clip
                .map(|c| format!(
                    " clipped [{:.2} {:.2} {:.2} {:.2}]",
                    c.x0, c.top, c.x1, c.bottom
                ))
                .unwrap_or_default()
        );
    }
    fn covered(&mut self, shown: &[usize]) {
        let _ = writeln!(self.out, "covered glyphs {shown:?}");
    }
    fn rule(&mut self, r: Rule) {
        let _ = writeln!(
            self.out,
            "rule ({:.2} {:.2})-({:.2} {:.2}) w {:.2} {} {:?}",
            r.p0.x,
            r.p0.y,
            r.p1.x,
            r.p1.y,
            r.width,
            colour_text(r.colour),
            r.source
        );
    }
    fn fill(&mut self, f: Fill) {
        let b = f.rect;
        let _ = writeln!(
            self.out,
            "fill [{:.2} {:.2} {:.2} {:.2}] {} {:?}",
            b.x0,
            b.top,
            b.x1,
            b.bottom,
            colour_text(f.colour),
            f.shape
        );
    }
    fn image(&mut self, b: Rect) {
        let _ = writeln!(
            self.out,
            "image [{:.2} {:.2} {:.2} {:.2}]",
            b.x0, b.top, b.x1, b.bottom
        );
    }
    fn warning(&mut self, w: Warning) {
        let _ = writeln!(self.out, "warning {w}");
    }
    fn end_page(&mut self) {
        let _ = writeln!(self.out, "end page");
    }
}
