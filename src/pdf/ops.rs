//! Content-stream operators decoded once into a typed enum (ISO 32000-1, Annex A).
//!
//! Operands are checked here: an operator with the wrong number or type of operands becomes
//! [`Op::BadOperands`], and one that is not a PDF operator becomes [`Op::Unknown`]; the
//! interpreter counts both and reports them as page warnings.
//!
//! Operands come as flat tokens ([`super::content`]): an array's items follow its token. An
//! operator that takes numbers, names or strings fails on an array token wherever it stands,
//! so it reads the flat list as it would read the operands; only `TJ` walks into its array.

use super::content::{Operand, View};

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
    /// `SC`, `SCN` / `sc`, `scn` (a trailing name is a pattern's)
    Colour {
        /// Stroking or not.
        stroke: bool,
        /// The numeric components.
        comps: Vec<f64>,
        /// The pattern's name, when one was given.
        pattern: Option<&'a [u8]>,
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
    ShowTextArray(TjItems<'a>),
    // XObjects and images (8.8, 8.9)
    /// `Do`
    XObject(&'a [u8]),
    /// `BI … EI` (an inline image), with its dictionary's and its data's bytes when the fast
    /// reader found them (a filtered image; see `pdf::inline_span`)
    InlineImage(Option<(&'a [u8], &'a [u8])>),
    /// `sh` (a shading fill of the clip region), with the shading's name
    Shading(Option<&'a [u8]>),
    /// `BMC` or `BDC` (14.6): marked content begins; the properties' name when the tag is
    /// `/OC` (optional content, 8.11.3.2)
    MarkedBegin(Option<&'a [u8]>),
    /// `EMC`
    MarkedEnd,
    /// Operators with no effect on what we extract (marked points, `d`, `J`, `j`, `M`,
    /// `ri`, `i`, `d0`, `d1`, `BX`, `EX`, compatibility).
    Ignored,
    /// A known operator with operands of the wrong number or type.
    BadOperands(&'a str),
    /// Not a PDF operator.
    Unknown(&'a str),
}

/// The items of a `TJ` array, read from its tokens as they are needed (no list is built).
#[derive(Debug, Clone, Copy)]
pub struct TjItems<'a> {
    view: View<'a>,
}

impl<'a> Iterator for TjItems<'a> {
    type Item = TjItem<'a>;

    /// The next string or number; other items (names, nested arrays with their contents,
    /// dictionaries) are skipped.
    fn next(&mut self) -> Option<TjItem<'a>> {
        loop {
            let (first, rest) = self.view.operands.split_first()?;
            let skip = match *first {
                Operand::Array(n) => n as usize,
                _ => 0,
            };
            self.view = self.view.with(rest.get(skip..).unwrap_or_default());
            let item = match *first {
                Operand::Str(b) => Some(TjItem::Text(self.view.bytes(b))),
                other => num(other).map(TjItem::Adjust),
            };
            if item.is_some() {
                return item;
            }
        }
    }
}

impl PartialEq for TjItems<'_> {
    fn eq(&self, other: &Self) -> bool {
        Iterator::eq(*self, *other)
    }
}

fn num(o: Operand) -> Option<f64> {
    match o {
        Operand::Number(v) => Some(v),
        _ => None,
    }
    .filter(|v| v.is_finite())
}

fn nums<const N: usize>(ops: &[Operand]) -> Option<[f64; N]> {
    if ops.len() != N {
        return None;
    }
    let mut out = [0.0; N];
    for (slot, o) in out.iter_mut().zip(ops) {
        *slot = num(*o)?;
    }
    Some(out)
}

impl<'a> View<'a> {
    fn string(&self, o: Operand) -> Option<&'a [u8]> {
        match o {
            Operand::Str(b) => Some(self.bytes(b)),
            _ => None,
        }
    }

    fn name(&self, o: Operand) -> Option<&'a [u8]> {
        match o {
            Operand::Name(b) => Some(self.bytes(b)),
            _ => None,
        }
    }

    /// The only operand, through `f`.
    fn one<T>(&self, f: impl Fn(&Self, Operand) -> Option<T>) -> Option<T> {
        match self.operands {
            [o] => f(self, *o),
            _ => None,
        }
    }
}

impl<'a> Op<'a> {
    /// Decode one operation.
    pub fn decode(v: View<'a>) -> Op<'a> {
        let o = v.operands;
        let decoded = match v.operator {
            b"q" => Some(Op::Save),
            b"Q" => Some(Op::Restore),
            b"cm" => nums::<6>(o).map(Op::Transform),
            b"w" => nums::<1>(o).map(|[v]| Op::LineWidth(v)),
            b"gs" => v.one(View::name).map(Op::ExtGState),
            b"m" => nums::<2>(o).map(|[x, y]| Op::MoveTo(x, y)),
            b"l" => nums::<2>(o).map(|[x, y]| Op::LineTo(x, y)),
            b"c" => nums::<6>(o).map(Op::CurveTo),
            b"v" => nums::<4>(o).map(Op::CurveToV),
            b"y" => nums::<4>(o).map(Op::CurveToY),
            b"h" => Some(Op::ClosePath),
            b"re" => nums::<4>(o).map(Op::Rectangle),
            b"S" => Some(Op::Stroke { close: false }),
            b"s" => Some(Op::Stroke { close: true }),
            b"f" | b"F" | b"f*" => Some(Op::Fill),
            b"B" | b"B*" => Some(Op::FillStroke { close: false }),
            b"b" | b"b*" => Some(Op::FillStroke { close: true }),
            b"n" => Some(Op::EndPath),
            b"W" | b"W*" => Some(Op::Clip),
            b"CS" | b"cs" => v.one(View::name).map(|n| Op::ColourSpace {
                stroke: v.operator == b"CS",
                name: n,
            }),
            b"SC" | b"SCN" | b"sc" | b"scn" => {
                let stroke = v.operator.starts_with(b"S");
                let pattern = o.last().and_then(|l| v.name(*l));
                let numeric = if pattern.is_some() {
                    o.get(..o.len().saturating_sub(1)).unwrap_or_default()
                } else {
                    o
                };
                numeric
                    .iter()
                    .map(|n| num(*n))
                    .collect::<Option<Vec<f64>>>()
                    .filter(|c| c.len() <= 32)
                    .map(|comps| Op::Colour {
                        stroke,
                        comps,
                        pattern,
                    })
            }
            b"G" | b"g" => nums::<1>(o).map(|[g]| Op::Gray {
                stroke: v.operator == b"G",
                v: g,
            }),
            b"RG" | b"rg" => nums::<3>(o).map(|c| Op::Rgb {
                stroke: v.operator == b"RG",
                c,
            }),
            b"K" | b"k" => nums::<4>(o).map(|c| Op::Cmyk {
                stroke: v.operator == b"K",
                c,
            }),
            b"BT" => Some(Op::BeginText),
            b"ET" => Some(Op::EndText),
            b"Tc" => nums::<1>(o).map(|[v]| Op::CharSpacing(v)),
            b"Tw" => nums::<1>(o).map(|[v]| Op::WordSpacing(v)),
            b"Tz" => nums::<1>(o).map(|[v]| Op::HorizScaling(v)),
            b"TL" => nums::<1>(o).map(|[v]| Op::Leading(v)),
            b"Tf" => match o {
                [n, s] => v.name(*n).zip(num(*s)).map(|(n, s)| Op::Font(n, s)),
                _ => None,
            },
            b"Tr" => nums::<1>(o).map(|[v]| Op::RenderMode(v as i64)),
            b"Ts" => nums::<1>(o).map(|[v]| Op::Rise(v)),
            b"Td" => nums::<2>(o).map(|[x, y]| Op::MoveText(x, y)),
            b"TD" => nums::<2>(o).map(|[x, y]| Op::MoveTextSetLeading(x, y)),
            b"Tm" => nums::<6>(o).map(Op::TextMatrix),
            b"T*" => Some(Op::NextLine),
            b"Tj" => v.one(View::string).map(Op::ShowText),
            b"'" => v.one(View::string).map(Op::NextLineShowText),
            b"\"" => match o {
                [aw, ac, s] => match (num(*aw), num(*ac), v.string(*s)) {
                    (Some(aw), Some(ac), Some(s)) => Some(Op::NextLineShowTextSpaced(aw, ac, s)),
                    _ => None,
                },
                _ => None,
            },
            // One array, all the operands.
            b"TJ" => match o.split_first() {
                Some((Operand::Array(n), items)) if *n as usize == items.len() => {
                    Some(Op::ShowTextArray(TjItems {
                        view: v.with(items),
                    }))
                }
                _ => None,
            },
            b"Do" => v.one(View::name).map(Op::XObject),
            b"BI" => Some(Op::InlineImage(match o {
                [d, i] => v.string(*d).zip(v.string(*i)),
                _ => None,
            })),
            b"ID" | b"EI" => Some(Op::InlineImage(None)),
            b"sh" => Some(Op::Shading(v.one(View::name))),
            b"BMC" => Some(Op::MarkedBegin(None)),
            b"BDC" => Some(Op::MarkedBegin(match o {
                [tag, props] if v.name(*tag) == Some(b"OC".as_slice()) => v.name(*props),
                _ => None,
            })),
            b"EMC" => Some(Op::MarkedEnd),
            b"MP" | b"DP" | b"d" | b"J" | b"j" | b"M" | b"ri" | b"i" | b"d0" | b"d1" | b"BX"
            | b"EX" => Some(Op::Ignored),
            _ => return Op::Unknown(operator_name(v.operator)),
        };
        decoded.unwrap_or_else(|| Op::BadOperands(operator_name(v.operator)))
    }
}

/// An operator's name as text (operators are ASCII; anything else reads as "?").
fn operator_name(operator: &[u8]) -> &str {
    std::str::from_utf8(operator).unwrap_or("?")
}

#[cfg(test)]
mod tests {
    use super::super::content::Ops;
    use super::*;
    use lopdf::content::Operation;
    use lopdf::Object;

    /// `f` of the decoded operation `operator operands`.
    fn decoded<R>(operator: &str, operands: Vec<Object>, f: impl FnOnce(Op) -> R) -> R {
        let mut ops = Ops::default();
        ops.push_lopdf(&Operation::new(operator, operands));
        let view = ops.get(0).unwrap_or_else(|| panic!("no operation"));
        f(Op::decode(view))
    }

    fn check(operator: &str, operands: Vec<Object>, expected: Op) {
        decoded(operator, operands, |op| assert_eq!(op, expected));
    }

    #[test]
    fn decodes_typed_operands() {
        let font = vec![Object::Name(b"F1".to_vec()), Object::Integer(12)];
        check("Tf", font, Op::Font(b"F1", 12.0));
        let rect = vec![1.into(), 2.into(), Object::Real(3.5), 4.into()];
        check("re", rect, Op::Rectangle([1.0, 2.0, 3.5, 4.0]));
    }

    #[test]
    fn wrong_operands_and_unknown_operators_are_typed() {
        // `cm` with five numbers instead of six, and a name where a number belongs.
        let five = vec![1.into(), 0.into(), 0.into(), 1.into(), 0.into()];
        check("cm", five, Op::BadOperands("cm"));
        check("w", vec![Object::Name(b"x".to_vec())], Op::BadOperands("w"));
        check("Zz", vec![], Op::Unknown("Zz"));
        // An array where a number belongs, alone or with its items counted.
        let array = vec![Object::Array(vec![1.into(), 2.into()])];
        check("m", array, Op::BadOperands("m"));
        let array_last = vec![Object::Name(b"P".to_vec()), Object::Array(vec![])];
        check("scn", array_last, Op::BadOperands("scn"));
        // `TJ` with a second operand after its array.
        let two = vec![Object::Array(vec![Object::string_literal("A")]), 1.into()];
        check("TJ", two, Op::BadOperands("TJ"));
    }

    #[test]
    fn tj_array_keeps_strings_and_adjustments_in_order() {
        let arr = Object::Array(vec![
            Object::string_literal("A"),
            Object::Integer(-250),
            // A nested array is skipped with its items; so is a name.
            Object::Array(vec![Object::string_literal("X"), 5.into()]),
            Object::Name(b"N".to_vec()),
            Object::string_literal("B"),
        ]);
        decoded("TJ", vec![arr], |op| {
            let Op::ShowTextArray(items) = op else {
                panic!("{op:?}")
            };
            assert_eq!(
                items.collect::<Vec<_>>(),
                vec![
                    TjItem::Text(b"A"),
                    TjItem::Adjust(-250.0),
                    TjItem::Text(b"B")
                ]
            );
        });
    }

    #[test]
    fn scn_with_pattern_name_is_flagged() {
        check(
            "scn",
            vec![Object::Name(b"P0".to_vec())],
            Op::Colour {
                stroke: false,
                comps: vec![],
                pattern: Some(b"P0"),
            },
        );
    }
}
