//! A debug view: a page's primitives drawn as SVG, so a person can see what was found.

use std::fmt::Write as _;

use crate::pdf::{PagePrimitives, RuleSource};

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Draw fills (their colour), rules (their colour; thin fills dashed), glyph boxes (blue
/// outlines) and the text itself.
pub fn page(p: &PagePrimitives) -> String {
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
    s.push_str("</svg>\n");
    s
}
