//! Content-stream operators decoded once into a typed enum (ISO 32000-1, Annex A).
//!
//! Operands are checked here: an operator with the wrong number or type of operands becomes
//! [`Op::BadOperands`], and one that is not a PDF operator becomes [`Op::Unknown`]; the
//! interpreter counts both and reports them as page warnings.

use lopdf::content::Operation;
use lopdf::Object;

/// One element of a `TJ` array.
#[derive(Debug, Clone, PartialEq)]
pub enum TjItem<'a> {
    /// A string to show.
    Text(&'a [u8]),
    /// A position adjustment in thousandths of text space (positive moves left).
    Adjust(f64),
}

/// A decoded content-stream operator.
#[derive(Debug, Clone, PartialEq)]
pub enum Op<'a> {
    // Graphics state (8.4.4)
    /// `q`
    Save,
    /// `Q`
    Restore,
    /// `cm`
    Transform([f64; 6]),
    /// `w`
    LineWidth(f64),
    /// `gs` (ExtGState; only its line width and font are used)
    ExtGState(&'a [u8]),
    // Path construction (8.5.2)
    /// `m`
    MoveTo(f64, f64),
    /// `l`
    LineTo(f64, f64),
    /// `c`
    CurveTo([f64; 6]),
    /// `v` (first control point is the current point)
    CurveToV([f64; 4]),
    /// `y` (second control point is the end point)
    CurveToY([f64; 4]),
    /// `h`
    ClosePath,
    /// `re`
    Rectangle([f64; 4]),
    // Path painting (8.5.3)
    /// `S`, `s` (true: close first)
    Stroke {
        /// Close the subpath first (`s`).
        close: bool,
    },
    /// `f`, `F`, `f*`
    Fill,
    /// `B`, `B*`, `b`, `b*`
    FillStroke {
        /// Close the subpath first (`b`, `b*`).
        close: bool,
    },
    /// `n`
    EndPath,
    /// `W`, `W*` (the path becomes the clip once it is painted or ended; see `pdf::clip`)
    Clip,
    // Colour (8.6.8)
    /// `CS` / `cs`
    ColourSpace {
        /// Stroking (`CS`) or not (`cs`).
        stroke: bool,
        /// The colour space's name.
        name: &'a [u8],
    },
    /// `SC`, `SCN` / `sc`, `scn` (a trailing pattern name is dropped)
    Colour {
        /// Stroking or not.
        stroke: bool,
        /// The numeric components.
        comps: Vec<f64>,
        /// True when a pattern name was given.
        pattern: bool,
    },
    /// `G` / `g`
    Gray {
        /// Stroking or not.
        stroke: bool,
        /// The grey level.
        v: f64,
    },
    /// `RG` / `rg`
    Rgb {
        /// Stroking or not.
        stroke: bool,
        /// Red, green, blue.
        c: [f64; 3],
    },
    /// `K` / `k`
    Cmyk {
        /// Stroking or not.
        stroke: bool,
        /// Cyan, magenta, yellow, black.
        c: [f64; 4],
    },
    // Text (9.4)
    /// `BT`
    BeginText,
    /// `ET`
    EndText,
    /// `Tc`
    CharSpacing(f64),
    /// `Tw`
    WordSpacing(f64),
    /// `Tz`
    HorizScaling(f64),
    /// `TL`
    Leading(f64),
    /// `Tf`
    Font(&'a [u8], f64),
    /// `Tr`
    RenderMode(i64),
    /// `Ts`
    Rise(f64),
    /// `Td`
    MoveText(f64, f64),
    /// `TD` (also sets leading to -ty)
    MoveTextSetLeading(f64, f64),
    /// `Tm`
    TextMatrix([f64; 6]),
    /// `T*`
    NextLine,
    /// `Tj`
    ShowText(&'a [u8]),
    /// `'`
    NextLineShowText(&'a [u8]),
    /// `"` (word spacing, char spacing, string)
    NextLineShowTextSpaced(f64, f64, &'a [u8]),
    /// `TJ`
    ShowTextArray(Vec<TjItem<'a>>),
    // XObjects and images (8.8, 8.9)
    /// `Do`
    XObject(&'a [u8]),
    /// `BI … EI` (an inline image)
    InlineImage,
    /// `sh` (a shading fill of the clip region)
    Shading,
    /// Operators with no effect on what we extract (marked content, `d`, `J`, `j`, `M`,
    /// `ri`, `i`, `d0`, `d1`, `BX`, `EX`, compatibility).
    Ignored,
    /// A known operator with operands of the wrong number or type.
    BadOperands(&'a str),
    /// Not a PDF operator.
    Unknown(&'a str),
}

fn num(o: &Object) -> Option<f64> {
    match o {
        Object::Integer(i) => Some(*i as f64),
        Object::Real(r) => Some(f64::from(*r)),
        _ => None,
    }
    .filter(|v| v.is_finite())
}

fn nums<const N: usize>(ops: &[Object]) -> Option<[f64; N]> {
    if ops.len() != N {
        return None;
    }
    let mut out = [0.0; N];
    for (slot, o) in out.iter_mut().zip(ops) {
        *slot = num(o)?;
    }
    Some(out)
}

fn string(o: &Object) -> Option<&[u8]> {
    match o {
        Object::String(s, _) => Some(s),
        _ => None,
    }
}

fn name(o: &Object) -> Option<&[u8]> {
    match o {
        Object::Name(n) => Some(n),
        _ => None,
    }
}

fn one<'a, T>(ops: &'a [Object], f: impl Fn(&'a Object) -> Option<T>) -> Option<T> {
    match ops {
        [o] => f(o),
        _ => None,
    }
}

impl<'a> Op<'a> {
    /// Decode one lopdf operation.
    pub fn decode(op: &'a Operation) -> Op<'a> {
        let o = &op.operands[..];
        let name_str = op.operator.as_str();
        let decoded = match name_str {
            "q" => Some(Op::Save),
            "Q" => Some(Op::Restore),
            "cm" => nums::<6>(o).map(Op::Transform),
            "w" => nums::<1>(o).map(|[v]| Op::LineWidth(v)),
            "gs" => one(o, name).map(Op::ExtGState),
            "m" => nums::<2>(o).map(|[x, y]| Op::MoveTo(x, y)),
            "l" => nums::<2>(o).map(|[x, y]| Op::LineTo(x, y)),
            "c" => nums::<6>(o).map(Op::CurveTo),
            "v" => nums::<4>(o).map(Op::CurveToV),
            "y" => nums::<4>(o).map(Op::CurveToY),
            "h" => Some(Op::ClosePath),
            "re" => nums::<4>(o).map(Op::Rectangle),
            "S" => Some(Op::Stroke { close: false }),
            "s" => Some(Op::Stroke { close: true }),
            "f" | "F" | "f*" => Some(Op::Fill),
            "B" | "B*" => Some(Op::FillStroke { close: false }),
            "b" | "b*" => Some(Op::FillStroke { close: true }),
            "n" => Some(Op::EndPath),
            "W" | "W*" => Some(Op::Clip),
            "CS" | "cs" => one(o, name).map(|n| Op::ColourSpace {
                stroke: name_str == "CS",
                name: n,
            }),
            "SC" | "SCN" | "sc" | "scn" => {
                let stroke = name_str.starts_with('S');
                let pattern = o.last().and_then(name).is_some();
                let numeric = if pattern {
                    &o[..o.len().saturating_sub(1)]
                } else {
                    o
                };
                numeric
                    .iter()
                    .map(num)
                    .collect::<Option<Vec<f64>>>()
                    .filter(|c| c.len() <= 32)
                    .map(|comps| Op::Colour {
                        stroke,
                        comps,
                        pattern,
                    })
            }
            "G" | "g" => nums::<1>(o).map(|[v]| Op::Gray {
                stroke: name_str == "G",
                v,
            }),
            "RG" | "rg" => nums::<3>(o).map(|c| Op::Rgb {
                stroke: name_str == "RG",
                c,
            }),
            "K" | "k" => nums::<4>(o).map(|c| Op::Cmyk {
                stroke: name_str == "K",
                c,
            }),
            "BT" => Some(Op::BeginText),
            "ET" => Some(Op::EndText),
            "Tc" => nums::<1>(o).map(|[v]| Op::CharSpacing(v)),
            "Tw" => nums::<1>(o).map(|[v]| Op::WordSpacing(v)),
            "Tz" => nums::<1>(o).map(|[v]| Op::HorizScaling(v)),
            "TL" => nums::<1>(o).map(|[v]| Op::Leading(v)),
            "Tf" => match o {
                [n, s] => name(n).zip(num(s)).map(|(n, s)| Op::Font(n, s)),
                _ => None,
            },
            "Tr" => nums::<1>(o).map(|[v]| Op::RenderMode(v as i64)),
            "Ts" => nums::<1>(o).map(|[v]| Op::Rise(v)),
            "Td" => nums::<2>(o).map(|[x, y]| Op::MoveText(x, y)),
            "TD" => nums::<2>(o).map(|[x, y]| Op::MoveTextSetLeading(x, y)),
            "Tm" => nums::<6>(o).map(Op::TextMatrix),
            "T*" => Some(Op::NextLine),
            "Tj" => one(o, string).map(Op::ShowText),
            "'" => one(o, string).map(Op::NextLineShowText),
            "\"" => match o {
                [aw, ac, s] => match (num(aw), num(ac), string(s)) {
                    (Some(aw), Some(ac), Some(s)) => Some(Op::NextLineShowTextSpaced(aw, ac, s)),
                    _ => None,
                },
                _ => None,
            },
            "TJ" => one(o, |a: &'a Object| match a {
                Object::Array(items) => Some(
                    items
                        .iter()
                        .filter_map(|i| match i {
                            Object::String(s, _) => Some(TjItem::Text(s)),
                            other => num(other).map(TjItem::Adjust),
                        })
                        .collect(),
                ),
                _ => None,
            })
            .map(Op::ShowTextArray),
            "Do" => one(o, name).map(Op::XObject),
            "BI" | "ID" | "EI" => Some(Op::InlineImage),
            "sh" => Some(Op::Shading),
            "BMC" | "BDC" | "EMC" | "MP" | "DP" | "d" | "J" | "j" | "M" | "ri" | "i" | "d0"
            | "d1" | "BX" | "EX" => Some(Op::Ignored),
            _ => return Op::Unknown(name_str),
        };
        decoded.unwrap_or(Op::BadOperands(name_str))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn op(operator: &str, operands: Vec<Object>) -> Operation {
        Operation::new(operator, operands)
    }

    #[test]
    fn decodes_typed_operands() {
        let o = op(
            "Tf",
            vec![Object::Name(b"F1".to_vec()), Object::Integer(12)],
        );
        assert_eq!(Op::decode(&o), Op::Font(b"F1", 12.0));
        let o = op("re", vec![1.into(), 2.into(), Object::Real(3.5), 4.into()]);
        assert_eq!(Op::decode(&o), Op::Rectangle([1.0, 2.0, 3.5, 4.0]));
    }

    #[test]
    fn wrong_operands_and_unknown_operators_are_typed() {
        // `cm` with five numbers instead of six, and a name where a number belongs.
        let o = op("cm", vec![1.into(), 0.into(), 0.into(), 1.into(), 0.into()]);
        assert_eq!(Op::decode(&o), Op::BadOperands("cm"));
        let o = op("w", vec![Object::Name(b"x".to_vec())]);
        assert_eq!(Op::decode(&o), Op::BadOperands("w"));
        let o = op("Zz", vec![]);
        assert_eq!(Op::decode(&o), Op::Unknown("Zz"));
    }

    #[test]
    fn tj_array_keeps_strings_and_adjustments_in_order() {
        let arr = Object::Array(vec![
            Object::string_literal("A"),
            Object::Integer(-250),
            Object::string_literal("B"),
        ]);
        let o = op("TJ", vec![arr]);
        assert_eq!(
            Op::decode(&o),
            Op::ShowTextArray(vec![
                TjItem::Text(b"A"),
                TjItem::Adjust(-250.0),
                TjItem::Text(b"B")
            ])
        );
    }

    #[test]
    fn scn_with_pattern_name_is_flagged() {
        let o = op("scn", vec![Object::Name(b"P0".to_vec())]);
        assert_eq!(
            Op::decode(&o),
            Op::Colour {
                stroke: false,
                comps: vec![],
                pattern: true
            }
        );
    }
}
