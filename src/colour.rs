//! Colour as a reader sees it on the page: an sRGB triple, shared by every stage (the `pdf`
//! stage turns colour spaces into it; tables, plans and exports classify and print it).

use serde::Serialize;
use std::fmt;

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Colour {
    /// Red, 0-255.
    pub r: u8,
    /// Green, 0-255.
    pub g: u8,
    /// Blue, 0-255.
    pub b: u8,
}

impl Colour {
    /// Black.
    pub const BLACK: Colour = Colour { r: 0, g: 0, b: 0 };
    /// White.
    pub const WHITE: Colour = Colour {
        r: 255,
        g: 255,
        b: 255,
    };

    /// A colour from components in 0..=1 (clamped; NaN counts as 0).
    pub fn from_unit(r: f64, g: f64, b: f64) -> Colour {
        fn u(v: f64) -> u8 {
            if v.is_nan() {
                0
            } else {
                (v.clamp(0.0, 1.0) * 255.0).round() as u8
            }
        }
        Colour {
            r: u(r),
            g: u(g),
            b: u(b),
        }
    }

    /// Parse `#RRGGBB` (the `#` optional).
    pub fn from_hex(s: &str) -> Option<Colour> {
        let s = s.strip_prefix('#').unwrap_or(s);
        if s.len() != 6 || !s.is_ascii() {
            return None;
        }
        let p = |i: usize| s.get(i..i + 2).and_then(|h| u8::from_str_radix(h, 16).ok());
        Some(Colour {
            r: p(0)?,
            g: p(2)?,
            b: p(4)?,
        })
    }

    /// Its luminance, 0 (black) to 1 (white), by the Rec. 601 weights.
    pub fn luminance(&self) -> f64 {
        (0.299 * f64::from(self.r) + 0.587 * f64::from(self.g) + 0.114 * f64::from(self.b)) / 255.0
    }

    /// Whether this is white or nearly so (every channel at least 250).
    pub fn is_white(&self) -> bool {
        self.r >= 250 && self.g >= 250 && self.b >= 250
    }
}

impl fmt::Display for Colour {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{:02X}{:02X}{:02X}", self.r, self.g, self.b)
    }
}

impl Serialize for Colour {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Colour {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <String as serde::Deserialize>::deserialize(d)?;
        Colour::from_hex(&s)
            .ok_or_else(|| serde::de::Error::custom(format!("a colour is #RRGGBB, not {s:?}")))
    }
}
