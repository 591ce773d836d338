//! A debug view: a page's primitives drawn as SVG, so a person can see what was found.

use std::fmt::Write as _;

use crate::pdf::{PagePrimitives, RuleSource};
use crate::table::{Edge, Inspection, Orientation, PageTable, RejectedRegion};

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
    draw(p, &[], tables, &[])
}

/// As [`page_with_tables`], after pdfplumber's debug images: also the edges the ruled tables
/// were built from (red, over the rules) and each candidate region of text that was not a
/// table (dashed magenta, its reason written above it and in its tooltip).
pub fn page_with_inspection(p: &PagePrimitives, found: &Inspection) -> String {
    draw(p, &found.edges, &found.found.tables, &found.found.rejected)
}

fn draw(
    p: &PagePrimitives,
    edges: &[Edge],
    tables: &[PageTable],
    rejected: &[RejectedRegion],
) -> String {
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
    for e in edges {
        let (x1, y1, x2, y2) = match e.orientation {
            Orientation::Horizontal => (e.start, e.pos, e.end, e.pos),
            Orientation::Vertical => (e.pos, e.start, e.pos, e.end),
        };
        let _ = writeln!(
            s,
            r##"<line x1="{x1:.2}" y1="{y1:.2}" x2="{x2:.2}" y2="{y2:.2}" stroke="#e02020" stroke-width="0.8" stroke-opacity="0.6"><title>edge</title></line>"##
        );
    }
    for r in rejected {
        let b = r.bbox;
        let why = esc(&r.reason.to_string());
        let _ = writeln!(
            s,
            r##"<rect x="{:.2}" y="{:.2}" width="{:.2}" height="{:.2}" fill="#cc00cc" fill-opacity="0.05" stroke="#cc00cc" stroke-width="0.8" stroke-dasharray="4 2"><title>not a table: {why}</title></rect><text x="{:.2}" y="{:.2}" font-size="6" fill="#cc00cc">not a table: {why}</text>"##,
            b.x0,
            b.top,
            b.width(),
            b.height(),
            b.x0,
            b.top - 1.5,
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
                // The cell's marks drawn on this part: outlined, named on hover.
                for m in c.marks.iter().filter(|m| r.contains(m.bbox.centre(), 0.0)) {
                    let b = m.bbox;
                    let _ = writeln!(
                        s,
                        r#"<rect x="{:.2}" y="{:.2}" width="{:.2}" height="{:.2}" fill="none" stroke="{colour}" stroke-width="0.8"><title>mark {:?} {}</title></rect>"#,
                        b.x0 - 1.0,
                        b.top - 1.0,
                        b.width() + 2.0,
                        b.height() + 2.0,
                        m.shape,
                        m.colour
                    );
                }
            }
        }
    }
    s.push_str("</svg>\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geom::Rect;
    use crate::pdf::PageInfo;
    use crate::table::{PageTables, Rejected};

    #[test]
    fn inspection_draws_edges_and_rejected_regions_with_their_reason() {
        let p = PagePrimitives {
            info: PageInfo {
                number: 3,
                width: 200.0,
                height: 100.0,
                rotation: 0,
            },
            glyphs: Vec::new(),
            rules: Vec::new(),
            fills: Vec::new(),
            images: Vec::new(),
            warnings: Vec::new(),
        };
        let seen = Inspection {
            edges: vec![Edge {
                orientation: Orientation::Vertical,
                pos: 50.0,
                start: 10.0,
                end: 90.0,
            }],
            found: PageTables {
                rejected: vec![RejectedRegion {
                    page: 3,
                    bbox: Rect {
                        x0: 20.0,
                        top: 30.0,
                        x1: 120.0,
                        bottom: 60.0,
                    },
                    reason: Rejected::List {
                        markers: 4,
                        stubs: 5,
                    },
                }],
                ..PageTables::default()
            },
        };
        let svg = page_with_inspection(&p, &seen);
        assert!(svg.contains(r#"<line x1="50.00" y1="10.00" x2="50.00" y2="90.00""#));
        assert!(svg.contains(r#"<rect x="20.00" y="30.00" width="100.00" height="30.00""#));
        assert!(svg.contains("not a table: a list: 4 of 5 first cells are markers"));
        // Without the inspection neither is drawn.
        let plain = page(&p);
        assert!(!plain.contains("<line") && !plain.contains("not a table"));
    }
}
