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
    /// An opaque fill was painted over `area`: the glyphs shown so far whose boxes lie wholly
    /// inside it are covered, not seen, and are dropped. Returns how many were dropped, and
    /// how many of them were blank.
    fn cover(&mut self, area: Rect) -> (usize, usize);
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

thread_local! {
    /// The glyph list of the last page this thread dropped, emptied, for the next page it
    /// reads: a page's glyphs take a few hundred kilobytes, and memory fresh from the system is
    /// paid for again in page faults on first touch (a tenth of reading a 20-page paper).
    static SPARE_GLYPHS: std::cell::Cell<Vec<Glyph>> = const { std::cell::Cell::new(Vec::new()) };
}

/// A list larger than this many glyphs is not kept for the next page (bounded memory held
/// between pages: 16,384 glyphs are about 2.5 MB).
const SPARE_GLYPHS_MAX: usize = 16_384;

impl Drop for PagePrimitives {
    /// Keep the glyph list for the next page this thread reads (see [`SPARE_GLYPHS`]).
    fn drop(&mut self) {
        let mut glyphs = std::mem::take(&mut self.glyphs);
        if glyphs.capacity() == 0 || glyphs.capacity() > SPARE_GLYPHS_MAX {
            return;
        }
        glyphs.clear();
        SPARE_GLYPHS.with(|spare| {
            let held = spare.take();
            spare.set(if held.capacity() >= glyphs.capacity() {
                held
            } else {
                glyphs
            });
        });
    }
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
                glyphs: SPARE_GLYPHS.take(),
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
    fn cover(&mut self, area: Rect) -> (usize, usize) {
        let inside = |g: &Glyph| {
            let b = &g.bbox;
            b.x0 >= area.x0 && b.x1 <= area.x1 && b.top >= area.top && b.bottom <= area.bottom
        };
        if !self.page.glyphs.iter().any(inside) {
            return (0, 0);
        }
        let (mut count, mut blank) = (0, 0);
        self.page.glyphs.retain(|g| {
            let hide = inside(g);
            if hide {
                count += 1;
                blank += usize::from(g.text.as_str().trim().is_empty());
            }
            !hide
        });
        (count, blank)
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
    fn cover(&mut self, a: Rect) -> (usize, usize) {
        let _ = writeln!(
            self.out,
            "cover [{:.2} {:.2} {:.2} {:.2}]",
            a.x0, a.top, a.x1, a.bottom
        );
        (0, 0)
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
