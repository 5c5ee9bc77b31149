//! Colour ramps from `colorous`, always returned light to dark so that darker
//! means worse once the caller orders classes from best to worst.

use colorous::Gradient;

/// A sequential colour scheme. All are readable with the common forms of colour
/// blindness (ColorBrewer's sequential schemes; viridis and cividis by design).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Palette {
    #[default]
    OrangeRed,
    YellowOrangeBrown,
    Purples,
    Blues,
    Viridis,
    Cividis,
}

/// The hatch pattern's id: regions without data are filled with `url(#…)`.
pub const NO_DATA_PATTERN: &str = "nodata-hatch";

/// The hatch pattern itself, as SVG (closed elements, so it is valid XML for
/// exports too), for a `<defs>` of the live map, the prerendered map and exports.
/// With it, the dots of a city ranked without a published value
/// ([`UNPUBLISHED_PATTERN`]): neither a colour of the scale nor the hatch.
pub const NO_DATA_DEFS: &str = r##"<pattern id="nodata-hatch" patternUnits="userSpaceOnUse" width="9" height="9" patternTransform="rotate(45)"><rect width="9" height="9" fill="#f3f3f0"></rect><line x1="0" y1="0" x2="0" y2="9" stroke="#b4b4ae" stroke-width="3.5"></line></pattern><pattern id="unpublished-dots" patternUnits="userSpaceOnUse" width="7" height="7"><rect width="7" height="7" fill="#e9e6dc"></rect><circle cx="3.5" cy="3.5" r="1.7" fill="#5f5b50"></circle></pattern>"##;

/// The dots' pattern id: a city whose rank is published but not its value.
pub const UNPUBLISHED_PATTERN: &str = "unpublished-dots";

impl Palette {
    pub const ALL: [Palette; 6] = [
        Palette::OrangeRed,
        Palette::YellowOrangeBrown,
        Palette::Purples,
        Palette::Blues,
        Palette::Viridis,
        Palette::Cividis,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Palette::OrangeRed => "orrd",
            Palette::YellowOrangeBrown => "ylorbr",
            Palette::Purples => "purples",
            Palette::Blues => "blues",
            Palette::Viridis => "viridis",
            Palette::Cividis => "cividis",
        }
    }

    pub fn from_id(id: &str) -> Option<Palette> {
        Palette::ALL.into_iter().find(|p| p.id() == id)
    }

    pub fn name(self) -> &'static str {
        match self {
            Palette::OrangeRed => "橙红 Orange–red",
            Palette::YellowOrangeBrown => "黄褐 Yellow–brown",
            Palette::Purples => "紫 Purples",
            Palette::Blues => "蓝 Blues",
            Palette::Viridis => "Viridis",
            Palette::Cividis => "Cividis",
        }
    }

    /// The gradient and whether its dark end is at t = 1.
    fn gradient(self) -> (Gradient, bool) {
        match self {
            Palette::OrangeRed => (colorous::ORANGE_RED, true),
            Palette::YellowOrangeBrown => (colorous::YELLOW_ORANGE_BROWN, true),
            Palette::Purples => (colorous::PURPLES, true),
            Palette::Blues => (colorous::BLUES, true),
            Palette::Viridis => (colorous::VIRIDIS, false),
            Palette::Cividis => (colorous::CIVIDIS, false),
        }
    }

    /// `n` colours as `#rrggbb`, lightest first. The very lightest end of the ramp
    /// is skipped so that the first class stays distinct from the page.
    pub fn colors(self, n: usize) -> Vec<String> {
        let (g, dark_at_one) = self.gradient();
        (0..n)
            .map(|i| {
                let t = if n <= 1 {
                    0.6
                } else {
                    0.15 + 0.8 * i as f64 / (n - 1) as f64
                };
                let c = g.eval_continuous(if dark_at_one { t } else { 1.0 - t });
                format!("#{:02x}{:02x}{:02x}", c.r, c.g, c.b)
            })
            .collect()
    }
}

/// Relative luminance (WCAG) of `#rrggbb`; lower is darker.
pub fn luminance(hex: &str) -> f64 {
    let ch = |i: usize| {
        let v =
            u8::from_str_radix(hex.get(i..i + 2).unwrap_or("00"), 16).unwrap_or(0) as f64 / 255.0;
        if v <= 0.03928 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * ch(1) + 0.7152 * ch(3) + 0.0722 * ch(5)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_palette_goes_light_to_dark() {
        for p in Palette::ALL {
            for n in 2..=7 {
                let c = p.colors(n);
                assert_eq!(c.len(), n);
                for w in c.windows(2) {
                    assert!(luminance(&w[0]) > luminance(&w[1]), "{p:?} {n}: {c:?}");
                }
            }
        }
    }

    #[test]
    fn ids_round_trip() {
        for p in Palette::ALL {
            assert_eq!(Palette::from_id(p.id()), Some(p));
        }
        assert_eq!(Palette::from_id("rainbow"), None);
    }

    #[test]
    fn lightest_class_is_not_white() {
        for p in Palette::ALL {
            assert!(luminance(&p.colors(5)[0]) < 0.95, "{p:?}");
        }
    }
}
