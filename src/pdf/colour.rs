//! Colour spaces to sRGB (ISO 32000-1, 8.6). Exact colour management is not the goal: table
//! fills and RAG ratings need the colour a reader sees, to within a few units.

use lopdf::{Document, Object};

use super::types::Colour;

/// Largest /Indexed palette (8.6.6.3 allows hival up to 255).
const MAX_INDEX: usize = 255;

/// A resolved colour space.
#[derive(Debug, Clone, PartialEq)]
pub enum Space {
    /// One component.
    Gray,
    /// Three components.
    Rgb,
    /// Four components.
    Cmyk,
    /// CIE L*a*b*.
    Lab,
    /// A palette of base-space colours.
    Indexed {
        /// The palette, already converted.
        palette: Vec<Colour>,
    },
    /// Separation or DeviceN: tints through an exponential function when it has one,
    /// else shown as grey ink.
    Tint {
        /// Colour at tint 0 and tint 1 in sRGB, when a Type 2 function gives them.
        ends: Option<(Colour, Colour)>,
        /// Separation /None paints nothing visible.
        none: bool,
    },
    /// A pattern: the colour is not a single value. An uncoloured tiling pattern takes its
    /// colour from `scn`'s components in the base space (`[/Pattern /DeviceRGB]`).
    Pattern {
        /// The underlying colour space, when one is given.
        base: Option<Box<Space>>,
    },
}

impl Space {
    /// How many numeric components `sc`/`scn` take (pattern: 0).
    pub fn components(&self) -> usize {
        match self {
            Space::Gray | Space::Indexed { .. } | Space::Tint { .. } => 1,
            Space::Rgb | Space::Lab => 3,
            Space::Cmyk => 4,
            Space::Pattern { base } => base.as_ref().map_or(0, |b| b.components()),
        }
    }

    /// The initial colour of the space (8.6.5.x): black, or index 0, or full tint.
    pub fn initial(&self) -> Option<Colour> {
        match self {
            Space::Cmyk => Some(cmyk(0.0, 0.0, 0.0, 1.0)),
            Space::Tint { .. } => self.to_rgb(&[1.0]),
            Space::Lab => self.to_rgb(&[0.0, 0.0, 0.0]),
            _ => self.to_rgb(&[0.0]),
        }
    }

    /// Convert components to sRGB. Missing components count as 0; `None` for a pattern.
    pub fn to_rgb(&self, c: &[f64]) -> Option<Colour> {
        let at = |i: usize| c.get(i).copied().unwrap_or(0.0);
        Some(match self {
            Space::Gray => Colour::from_unit(at(0), at(0), at(0)),
            Space::Rgb => Colour::from_unit(at(0), at(1), at(2)),
            Space::Cmyk => cmyk(at(0), at(1), at(2), at(3)),
            Space::Lab => lab(at(0), at(1), at(2)),
            Space::Indexed { palette } => {
                let i = at(0).round().clamp(0.0, MAX_INDEX as f64) as usize;
                palette
                    .get(i)
                    .or(palette.last())
                    .copied()
                    .unwrap_or(Colour::BLACK)
            }
            Space::Tint { ends, none } => {
                if *none {
                    Colour::WHITE
                } else {
                    let t = at(0).clamp(0.0, 1.0);
                    match ends {
                        Some((a, b)) => mix(*a, *b, t),
                        None => Colour::from_unit(1.0 - t, 1.0 - t, 1.0 - t),
                    }
                }
            }
            Space::Pattern { .. } => return None,
        })
    }
}

fn mix(a: Colour, b: Colour, t: f64) -> Colour {
    let m = |x: u8, y: u8| (f64::from(x) + (f64::from(y) - f64::from(x)) * t) / 255.0;
    Colour::from_unit(m(a.r, b.r), m(a.g, b.g), m(a.b, b.b))
}

/// Naive CMYK to RGB, as most viewers do without an output profile.
fn cmyk(c: f64, m: f64, y: f64, k: f64) -> Colour {
    let k = k.clamp(0.0, 1.0);
    Colour::from_unit(
        (1.0 - c.clamp(0.0, 1.0)) * (1.0 - k),
        (1.0 - m.clamp(0.0, 1.0)) * (1.0 - k),
        (1.0 - y.clamp(0.0, 1.0)) * (1.0 - k),
    )
}

/// CIE L*a*b* (D50 white, as PDF's default) to sRGB.
fn lab(l: f64, a: f64, b: f64) -> Colour {
    let fy = (l + 16.0) / 116.0;
    let fx = fy + a / 500.0;
    let fz = fy - b / 200.0;
    let inv = |t: f64| {
        if t > 6.0 / 29.0 {
            t * t * t
        } else {
            3.0 * (6.0f64 / 29.0).powi(2) * (t - 4.0 / 29.0)
        }
    };
    let (x, y, z) = (0.9642 * inv(fx), inv(fy), 0.8249 * inv(fz));
    let r = 3.1339 * x - 1.6169 * y - 0.4906 * z;
    let g = -0.9785 * x + 1.9160 * y + 0.0334 * z;
    let bl = 0.0720 * x - 0.2290 * y + 1.4057 * z;
    let gamma = |v: f64| {
        if v <= 0.003_130_8 {
            12.92 * v
        } else {
            1.055 * v.max(0.0).powf(1.0 / 2.4) - 0.055
        }
    };
    Colour::from_unit(gamma(r), gamma(g), gamma(bl))
}

/// Resolve a colour space: a device name, or a name looked up in the resources' /ColorSpace,
/// or an array. `depth` bounds recursion through base spaces.
pub fn resolve(
    doc: &Document,
    obj: &Object,
    colour_spaces: Option<&lopdf::Dictionary>,
    depth: u8,
) -> Option<Space> {
    if depth > 4 {
        return None;
    }
    let obj = doc.dereference(obj).ok()?.1;
    match obj {
        Object::Name(n) => match n.as_slice() {
            b"DeviceGray" | b"G" | b"CalGray" => Some(Space::Gray),
            b"DeviceRGB" | b"RGB" | b"CalRGB" => Some(Space::Rgb),
            b"DeviceCMYK" | b"CMYK" => Some(Space::Cmyk),
            b"Pattern" => Some(Space::Pattern { base: None }),
            b"Lab" => Some(Space::Lab),
            other => {
                let named = colour_spaces?.get(other).ok()?;
                resolve(doc, named, None, depth + 1)
            }
        },
        Object::Array(items) => {
            let family = items.first().and_then(|o| o.as_name().ok())?;
            match family {
                b"DeviceGray" | b"CalGray" => Some(Space::Gray),
                b"DeviceRGB" | b"CalRGB" => Some(Space::Rgb),
                b"DeviceCMYK" => Some(Space::Cmyk),
                b"Lab" => Some(Space::Lab),
                b"Pattern" => Some(Space::Pattern {
                    base: items
                        .get(1)
                        .and_then(|b| resolve(doc, b, colour_spaces, depth + 1))
                        .map(Box::new),
                }),
                b"ICCBased" => {
                    let stream = doc.dereference(items.get(1)?).ok()?.1.as_stream().ok()?;
                    match stream.dict.get(b"N").ok().and_then(|n| n.as_i64().ok()) {
                        Some(1) => Some(Space::Gray),
                        Some(4) => Some(Space::Cmyk),
                        Some(3) => Some(Space::Rgb),
                        _ => stream
                            .dict
                            .get(b"Alternate")
                            .ok()
                            .and_then(|alt| resolve(doc, alt, None, depth + 1))
                            .or(Some(Space::Rgb)),
                    }
                }
                b"Indexed" | b"I" => indexed(doc, items, colour_spaces, depth),
                b"Separation" => {
                    let none = items.get(1).and_then(|o| o.as_name().ok()) == Some(b"None");
                    let all = items.get(1).and_then(|o| o.as_name().ok()) == Some(b"All");
                    let alt = items
                        .get(2)
                        .and_then(|a| resolve(doc, a, colour_spaces, depth + 1));
                    let ends = if all {
                        Some((Colour::WHITE, Colour::BLACK))
                    } else {
                        alt.and_then(|alt| exponential_ends(doc, items.get(3)?, &alt))
                    };
                    Some(Space::Tint { ends, none })
                }
                b"DeviceN" | b"NChannel" => Some(Space::Tint {
                    ends: None,
                    none: false,
                }),
                _ => None,
            }
        }
        _ => None,
    }
}

fn indexed(
    doc: &Document,
    items: &[Object],
    colour_spaces: Option<&lopdf::Dictionary>,
    depth: u8,
) -> Option<Space> {
    let base = resolve(doc, items.get(1)?, colour_spaces, depth + 1)?;
    let hival = items.get(2)?.as_i64().ok()?.clamp(0, MAX_INDEX as i64) as usize;
    let lookup: Vec<u8> = match doc.dereference(items.get(3)?).ok()?.1 {
        Object::String(s, _) => s.clone(),
        Object::Stream(s) => s.get_plain_content_with_limit(4 * (MAX_INDEX + 1)).ok()?,
        _ => return None,
    };
    let n = base.components().max(1);
    let palette = (0..=hival)
        .map(|i| {
            let comps: Vec<f64> = (0..n)
                .map(|k| {
                    lookup
                        .get(i * n + k)
                        .map(|b| f64::from(*b) / 255.0)
                        .unwrap_or(0.0)
                })
                .collect();
            let comps = if base == Space::Lab {
                // Lab ranges: L 0..100, a and b -100..100 by default.
                vec![
                    comps[0] * 100.0,
                    comps[1] * 200.0 - 100.0,
                    comps[2] * 200.0 - 100.0,
                ]
            } else {
                comps
            };
            base.to_rgb(&comps).unwrap_or(Colour::BLACK)
        })
        .collect();
    Some(Space::Indexed { palette })
}

/// For a Type 2 (exponential) tint transform, the colours at tint 0 and 1.
fn exponential_ends(doc: &Document, f: &Object, alt: &Space) -> Option<(Colour, Colour)> {
    let f = doc.dereference(f).ok()?.1;
    let dict = match f {
        Object::Dictionary(d) => d,
        Object::Stream(s) => &s.dict,
        _ => return None,
    };
    if dict.get(b"FunctionType").ok()?.as_i64().ok()? != 2 {
        return None;
    }
    let arr = |key: &[u8], default: Vec<f64>| -> Vec<f64> {
        dict.get(key)
            .ok()
            .and_then(|o| o.as_array().ok())
            .map(|a| {
                a.iter()
                    .filter_map(|v| v.as_float().ok().map(f64::from))
                    .collect()
            })
            .unwrap_or(default)
    };
    let c0 = arr(b"C0", vec![0.0]);
    let c1 = arr(b"C1", vec![1.0]);
    Some((alt.to_rgb(&c0)?, alt.to_rgb(&c1)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn device_spaces_convert() {
        assert_eq!(
            Space::Rgb.to_rgb(&[0.0, 176.0 / 255.0, 80.0 / 255.0]),
            Colour::from_hex("#00B050")
        );
        assert_eq!(Space::Gray.to_rgb(&[1.0]), Some(Colour::WHITE));
        // Pure yellow + no black in CMYK is RGB yellow.
        assert_eq!(
            Space::Cmyk.to_rgb(&[0.0, 0.0, 1.0, 0.0]),
            Colour::from_hex("#FFFF00")
        );
        assert_eq!(Space::Cmyk.initial(), Some(Colour::BLACK));
        assert_eq!(Space::Pattern { base: None }.to_rgb(&[]), None);
    }

    #[test]
    fn indexed_palette_from_string() {
        let doc = Document::new();
        let arr = Object::Array(vec![
            Object::Name(b"Indexed".to_vec()),
            Object::Name(b"DeviceRGB".to_vec()),
            Object::Integer(1),
            Object::String(
                vec![255, 0, 0, 0, 176, 80],
                lopdf::StringFormat::Hexadecimal,
            ),
        ]);
        let space = resolve(&doc, &arr, None, 0);
        let space = space.as_ref();
        assert_eq!(
            space.and_then(|s| s.to_rgb(&[1.0])),
            Colour::from_hex("#00B050")
        );
        assert_eq!(
            space.and_then(|s| s.to_rgb(&[0.0])),
            Colour::from_hex("#FF0000")
        );
    }

    #[test]
    fn lab_white_is_white() {
        let c = lab(100.0, 0.0, 0.0);
        assert!(c.r >= 253 && c.g >= 253 && c.b >= 253, "{c}");
    }
}
