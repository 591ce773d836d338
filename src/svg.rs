//! A debug view: a page's primitives drawn as SVG, so a person can see what was found.

use std::fmt::Write as _;

use crate::pdf::{PagePrimitives, RuleSource};
use crate::table::PageTable;

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Draw fills (their colour), rules (their colour; thin fills dashed), glyph boxes (blue
/// outlines) and the text itself.
pub fn page(p: &PagePrimitives) -> String {
    page_with_tables(p, &[])
}

/// As [`page`], plus the cells of the tables found on it: ruled tables' cells outlined in
/// green, unruled ones in orange, each labelled with its row and column.
pub fn page_with_tables(p: &PagePrimitives, tables: &[PageTable]) -> String {
    let (w, h) = (p.info.width, p.info.height);
    let mut s = String::new();
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w:.0}" height="{h:.0}" viewBox="0 0 {w:.2} {h:.2}" font-family="sans-serif">"#
    );
    let _ = writeln!(s, r#"<rect width="100%" height="100%" fill="white"/>"#);
    for f in &p.fills {
        let c = f
            .colour
            .map(|c| c.to_string())
            .unwrap_or_else(|| "#888888".into());
        let r = f.rect;
        let _ = writeln!(
            s,
            r#"<rect x="{:.2}" y="{:.2}" width="{:.2}" height="{:.2}" fill="{c}" fill-opacity="0.6"><title>fill {c}</title></rect>"#,
            r.x0,
            r.top,
            r.width(),
            r.height()
        );
    }
    for r in &p.rules {
        let c = r
            .colour
            .map(|c| c.to_string())
            .unwrap_or_else(|| "#888888".into());
        let dash = if r.source == RuleSource::ThinFill {
            r#" stroke-dasharray="3 1""#
        } else {
            ""
        };
        let _ = writeln!(
            s,
            r#"<line x1="{:.2}" y1="{:.2}" x2="{:.2}" y2="{:.2}" stroke="{c}" stroke-width="{:.2}"{dash}/>"#,
            r.p0.x,
            r.p0.y,
            r.p1.x,
            r.p1.y,
            r.width.max(0.3)
        );
    }
    for g in &p.glyphs {
        let b = g.bbox;
        let _ = writeln!(
            s,
            r##"<rect x="{:.2}" y="{:.2}" width="{:.2}" height="{:.2}" fill="none" stroke="#3366ff" stroke-width="0.2"/><text x="{:.2}" y="{:.2}" font-size="{:.1}">{}</text>"##,
            b.x0,
            b.top,
            b.width(),
            b.height(),
            g.origin.x,
            g.origin.y,
            g.size.max(1.0) * 0.9,
            esc(&g.text)
        );
    }
    for t in tables {
        let colour = if t.ruled { "#00a050" } else { "#ff8800" };
        for c in &t.cells {
            for part in c.parts.iter().filter(|part| part.page == p.info.number) {
                let r = part.bbox;
                let _ = writeln!(
                    s,
                    r#"<rect x="{:.2}" y="{:.2}" width="{:.2}" height="{:.2}" fill="none" stroke="{colour}" stroke-width="1.2" stroke-opacity="0.7"><title>cell r{} c{} span {}x{}</title></rect><text x="{:.2}" y="{:.2}" font-size="5" fill="{colour}">r{}c{}</text>"#,
                    r.x0 + 0.6,
                    r.top + 0.6,
                    (r.width() - 1.2).max(0.0),
                    (r.height() - 1.2).max(0.0),
                    c.row,
                    c.col,
                    c.row_span,
                    c.col_span,
                    r.x0 + 1.5,
                    r.top + 6.0,
                    c.row,
                    c.col
                );
            }
        }
    }
    s.push_str("</svg>\n");
    s
}
