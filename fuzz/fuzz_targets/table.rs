//! Table building from made-up primitives: glyphs, rules and fills on a page or two, with
//! coordinates on a coarse grid (so rules meet and cells form), plus a few wild values.
#![no_main]

use std::sync::Arc;

use arbitrary::Arbitrary;
use boardpaper::geom::{Pt, Rect};
use boardpaper::pdf::{
    Colour, Direction, Fill, FillShape, Glyph, PageInfo, PagePrimitives, Rule, RuleSource,
};
use libfuzzer_sys::fuzz_target;

/// A coordinate: mostly on a 4 pt grid inside an A4 landscape page, sometimes anywhere.
#[derive(Arbitrary, Debug, Clone, Copy)]
enum Coord {
    Grid(u8),
    Fine(u16),
    Wild(f64),
}

impl Coord {
    fn get(self) -> f64 {
        match self {
            Coord::Grid(g) => f64::from(g) * 4.0,
            Coord::Fine(f) => f64::from(f) / 64.0,
            Coord::Wild(w) => w,
        }
    }
}

#[derive(Arbitrary, Debug)]
struct FGlyph {
    ch: u8,
    x: Coord,
    y: Coord,
    size: u8,
    bold: bool,
    dir: u8,
    colour: Option<(u8, u8, u8)>,
}

#[derive(Arbitrary, Debug)]
struct FRule {
    x0: Coord,
    y0: Coord,
    x1: Coord,
    y1: Coord,
    thin_fill: bool,
}

#[derive(Arbitrary, Debug)]
struct FFill {
    x0: Coord,
    y0: Coord,
    x1: Coord,
    y1: Coord,
    colour: (u8, u8, u8),
}

#[derive(Arbitrary, Debug)]
struct FPage {
    glyphs: Vec<FGlyph>,
    rules: Vec<FRule>,
    fills: Vec<FFill>,
    landscape: bool,
}

/// Letters, digits, punctuation and a few characters the plan reader looks for.
const ALPHABET: &[&str] = &[
    "A", "c", "t", "i", "o", "n", "1", "2", ".", " ", "•", "–", "R", "A", "G", "L", "e", "d",
    "2015", "Complete", "June", "\u{FFFD}",
];

fn page(number: u32, p: &FPage) -> PagePrimitives {
    let (width, height) = if p.landscape { (841.89, 595.3) } else { (595.3, 841.89) };
    let regular: Arc<str> = Arc::from("Arial");
    let bold: Arc<str> = Arc::from("Arial-Bold");
    let glyphs = p
        .glyphs
        .iter()
        .take(2_000)
        .map(|g| {
            let text = ALPHABET[usize::from(g.ch) % ALPHABET.len()].to_string();
            let size = f64::from(g.size % 24 + 4);
            let (x, y) = (g.x.get(), g.y.get());
            let advance = size * 0.5 * text.chars().count() as f64;
            Glyph {
                bbox: Rect::from_corners(Pt::new(x, y - size * 0.8), Pt::new(x + advance, y + size * 0.2)),
                origin: Pt::new(x, y),
                text,
                advance,
                font: if g.bold { bold.clone() } else { regular.clone() },
                size,
                direction: [Direction::Ltr, Direction::Ttb, Direction::Rtl, Direction::Btt]
                    [usize::from(g.dir % 4)],
                colour: g.colour.map(|(r, g, b)| Colour { r, g, b }),
                invisible: false,
            }
        })
        .collect();
    let rules = p
        .rules
        .iter()
        .take(500)
        .map(|r| Rule {
            p0: Pt::new(r.x0.get(), r.y0.get()),
            p1: Pt::new(r.x1.get(), r.y1.get()),
            width: 0.5,
            colour: Some(Colour::BLACK),
            source: if r.thin_fill { RuleSource::ThinFill } else { RuleSource::Stroke },
        })
        .collect();
    let fills = p
        .fills
        .iter()
        .take(200)
        .map(|f| Fill {
            rect: Rect::from_corners(Pt::new(f.x0.get(), f.y0.get()), Pt::new(f.x1.get(), f.y1.get())),
            colour: Some(Colour { r: f.colour.0, g: f.colour.1, b: f.colour.2 }),
            shape: FillShape::Rect,
        })
        .collect();
    PagePrimitives {
        info: PageInfo { number, width, height, rotation: 0 },
        glyphs,
        rules,
        fills,
        images: Vec::new(),
        warnings: Vec::new(),
    }
}

fuzz_target!(|input: Vec<FPage>| {
    let pages: Vec<PagePrimitives> = input
        .iter()
        .take(4)
        .enumerate()
        .map(|(i, p)| page(i as u32 + 1, p))
        .collect();
    let settings = boardpaper::settings::Settings::default();
    let (tables, _) = boardpaper::pipeline::tables_of(&pages, &settings);
    let texts: Vec<_> = pages
        .iter()
        .map(|p| boardpaper::layout::PageText::new(&p.info, &p.glyphs, &settings.layout))
        .collect();
    let _ = boardpaper::paper::read_plans(&texts, &tables, &settings.profile, &settings.paper);
});
