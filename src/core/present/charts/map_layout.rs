//! Where the map's labels go (issue 23): every gemeente gets a label with its name and figure,
//! and no two labels overlap, at any width. The boundaries (GeoJSON, `public/geo/<region>.json`)
//! are projected the way ECharts' map series projects them for a layout box we choose (longitude
//! and latitude scaled linearly into the box; the box's aspect is the region's, widened by
//! [`ASPECT_SCALE`]), so the pixels computed here are the pixels drawn.
//!
//! Each label starts on its area's anchor, a point well inside the largest ring (an
//! approximation of the pole of inaccessibility: the inside point farthest from the edge). Label
//! boxes are estimated conservatively from the font size and per-character widths. Labels are
//! placed one by one (the chosen gemeente first, then the larger areas): the first free spot on
//! rings of growing distance around the anchor, preferring the side away from the map's centre;
//! a label that no longer covers its anchor gets a leader line and a dot on the anchor. A label
//! that finds no spot goes to a row under the map, with its leader line.

use serde_json::Value;

/// ECharts' `aspectScale` for the map: about cos(52°), the Netherlands' latitude.
pub const ASPECT_SCALE: f64 = 0.62;

/// A rectangle in pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Rect {
    /// Whether two rectangles share more than a line, with `gap` pixels kept free around `self`.
    pub fn overlaps(&self, o: &Rect, gap: f64) -> bool {
        self.x - gap < o.x + o.w
            && o.x < self.x + self.w + gap
            && self.y - gap < o.y + o.h
            && o.y < self.y + self.h + gap
    }
    fn contains(&self, p: [f64; 2]) -> bool {
        p[0] >= self.x && p[0] <= self.x + self.w && p[1] >= self.y && p[1] <= self.y + self.h
    }
    fn centre(&self) -> [f64; 2] {
        [self.x + self.w / 2.0, self.y + self.h / 2.0]
    }
}

/// One area of the boundaries: its CBS code, name and outer rings (longitude, latitude).
#[derive(Debug, Clone, PartialEq)]
pub struct GeoArea {
    pub code: String,
    pub name: String,
    pub rings: Vec<Vec<[f64; 2]>>,
}

/// The boundaries of a region.
#[derive(Debug, Clone, PartialEq)]
pub struct Geo {
    pub areas: Vec<GeoArea>,
    /// Smallest and largest longitude and latitude over every area (what ECharts fits).
    pub min: [f64; 2],
    pub max: [f64; 2],
}

impl Geo {
    /// Reads a GeoJSON feature collection with `statcode` and `statnaam` properties (Polygon and
    /// MultiPolygon geometries). Holes do not matter for labels and are left out.
    pub fn parse(text: &str) -> Result<Geo, String> {
        let v: Value = serde_json::from_str(text).map_err(|e| format!("grenzen niet leesbaar: {e}"))?;
        let features = v.get("features").and_then(Value::as_array).ok_or("grenzen zonder gebieden")?;
        let mut areas = Vec::new();
        let (mut min, mut max) = ([f64::INFINITY; 2], [f64::NEG_INFINITY; 2]);
        for f in features {
            let prop = |k: &str| f.get("properties").and_then(|p| p.get(k)).and_then(Value::as_str).unwrap_or("");
            let geometry = f.get("geometry");
            let kind = geometry.and_then(|g| g.get("type")).and_then(Value::as_str).unwrap_or("");
            let coords = geometry.and_then(|g| g.get("coordinates"));
            let polygons: Vec<&Value> = match (kind, coords) {
                ("Polygon", Some(c)) => vec![c],
                ("MultiPolygon", Some(c)) => c.as_array().map(|a| a.iter().collect()).unwrap_or_default(),
                _ => Vec::new(),
            };
            let mut rings = Vec::new();
            for polygon in polygons {
                let Some(outer) = polygon.get(0).and_then(Value::as_array) else { continue };
                let ring: Vec<[f64; 2]> = outer
                    .iter()
                    .filter_map(|p| Some([p.get(0)?.as_f64()?, p.get(1)?.as_f64()?]))
                    .filter(|p| p[0].is_finite() && p[1].is_finite())
                    .collect();
                // Every ring counts for the box ECharts fits, however small.
                for p in &ring {
                    for k in 0..2 {
                        min[k] = min[k].min(p[k]);
                        max[k] = max[k].max(p[k]);
                    }
                }
                if ring.len() >= 3 {
                    rings.push(ring);
                }
            }
            if !rings.is_empty() {
                areas.push(GeoArea { code: prop("statcode").to_owned(), name: prop("statnaam").to_owned(), rings });
            }
        }
        if areas.is_empty() || max[0] <= min[0] || max[1] <= min[1] {
            return Err("grenzen zonder gebieden".to_owned());
        }
        Ok(Geo { areas, min, max })
    }

    /// Reads one year's boundaries in the compact form of `public/geo/grenzen-<jaar>.json`
    /// (`scripts/make-geo.mjs`: per gemeente code, name and rings of integers, the first point
    /// absolute and every next one a step, in `1 / schaal` degrees) and keeps the gemeenten in
    /// `codes`: the boundaries as GeoJSON (for ECharts' `registerMap`) and as [`Geo`].
    pub fn from_compact(text: &str, codes: &[String]) -> Result<(String, Geo), String> {
        // Through `Value` (already in the app), not a derived deserializer.
        let c: Value = serde_json::from_str(text).map_err(|e| format!("grenzen niet leesbaar: {e}"))?;
        let scale = c.get("schaal").and_then(Value::as_f64).unwrap_or(0.0);
        if !(scale.is_finite() && scale > 0.0) {
            return Err("grenzen met een onmogelijke schaal".to_owned());
        }
        let empty = Vec::new();
        let areas = c.get("gebieden").and_then(Value::as_array).unwrap_or(&empty);
        let ints = |v: &Value| -> Vec<i64> {
            v.as_array().map(|a| a.iter().filter_map(Value::as_i64).collect()).unwrap_or_default()
        };
        let list = |v: &Value| -> Vec<Value> { v.as_array().cloned().unwrap_or_default() };
        type Polygons = Vec<Vec<Vec<i64>>>;
        let gebieden: Vec<(String, String, Polygons)> = areas
            .iter()
            .map(|a| {
                let polygons = list(&a[2]).iter().map(|p| list(p).iter().map(ints).collect()).collect();
                (a[0].as_str().unwrap_or_default().to_owned(), a[1].as_str().unwrap_or_default().to_owned(), polygons)
            })
            .collect();
        let features: Vec<Value> = gebieden
            .iter()
            .filter(|(code, _, _)| codes.contains(code))
            .map(|(code, name, polygons)| {
                let coordinates: Vec<Vec<Vec<[f64; 2]>>> = polygons
                    .iter()
                    .map(|p| {
                        p.iter()
                            .map(|ring| {
                                let (mut x, mut y) = (0_i64, 0_i64);
                                ring.chunks_exact(2)
                                    .map(|d| {
                                        (x, y) = (x + d[0], y + d[1]);
                                        [x as f64 / scale, y as f64 / scale]
                                    })
                                    .collect()
                            })
                            .collect()
                    })
                    .collect();
                serde_json::json!({
                    "type": "Feature",
                    "properties": { "statcode": code, "statnaam": name },
                    "geometry": { "type": "MultiPolygon", "coordinates": coordinates }
                })
            })
            .collect();
        let geojson = serde_json::json!({ "type": "FeatureCollection", "features": features }).to_string();
        let geo = Geo::parse(&geojson)?;
        Ok((geojson, geo))
    }

    /// Width over height of the map as drawn.
    pub fn aspect(&self) -> f64 {
        (self.max[0] - self.min[0]) / (self.max[1] - self.min[1]) * ASPECT_SCALE
    }

    /// A point in pixels, for the map drawn in `frame`.
    pub fn project(&self, frame: &Rect, p: [f64; 2]) -> [f64; 2] {
        [
            frame.x + (p[0] - self.min[0]) / (self.max[0] - self.min[0]) * frame.w,
            frame.y + (self.max[1] - p[1]) / (self.max[1] - self.min[1]) * frame.h,
        ]
    }
}

/// What one label says and how it looks.
#[derive(Debug, Clone, PartialEq)]
pub struct LabelText {
    pub code: String,
    /// The lines: the name (maybe over two lines) and the figure.
    pub lines: Vec<String>,
    pub bold: bool,
}

/// A placed label.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    pub code: String,
    pub text: String,
    pub bold: bool,
    pub font_size: f64,
    /// The label's box (text and padding), estimated on the large side.
    pub rect: Rect,
    /// The point inside the area the label belongs to.
    pub anchor: [f64; 2],
    /// Whether a leader line joins the label to its anchor.
    pub leader: bool,
}

/// The map and its labels for one width.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    pub width: f64,
    pub height: f64,
    /// Where the map itself is drawn (ECharts' layout box for the map series).
    pub map: Rect,
    pub labels: Vec<Placed>,
    pub line_height: f64,
}

/// Above this many areas a map is *sparse* (a national map, issue 25): only labels that fit on
/// their own area are drawn, at most [`MOST_LABELS`], the chosen gemeente's always.
pub const SPARSE_FROM: usize = 13;
/// The most labels a sparse map draws.
pub const MOST_LABELS: usize = 40;

/// Padding inside a label box: vertical, horizontal.
pub const PADDING: [f64; 2] = [2.0, 4.0];
/// Free pixels kept between two label boxes.
const GAP: f64 = 3.0;

/// The font size for a chart this wide.
pub fn font_size(width: f64) -> f64 {
    if width < 480.0 {
        11.0
    } else {
        12.0
    }
}

/// A line's width, estimated generously for a sans-serif font (DejaVu Sans, Arial, Helvetica).
pub fn text_width(s: &str, size: f64, bold: bool) -> f64 {
    let em: f64 = s
        .chars()
        .map(|c| match c {
            'i' | 'j' | 'l' | '.' | ',' | '\'' | '|' | '!' | ':' | ';' | 'I' | ' ' => 0.36,
            'f' | 't' | 'r' | '1' | '(' | ')' | '-' => 0.47,
            'm' | 'w' | 'M' | 'W' => 0.98,
            '%' => 0.98,
            c if c.is_ascii_digit() => 0.66,
            c if c.is_uppercase() => 0.76,
            _ => 0.64,
        })
        .sum();
    em * size * if bold { 1.12 } else { 1.0 }
}

/// A label's box size for its lines.
fn box_size(lines: &[String], size: f64, bold: bool, line_height: f64) -> (f64, f64) {
    let w = lines.iter().map(|l| text_width(l, size, bold)).fold(0.0, f64::max);
    (w + 2.0 * PADDING[1], lines.len() as f64 * line_height + 2.0 * PADDING[0])
}

/// Signed distance from `p` to a ring's edge: positive inside.
fn signed_distance(ring: &[[f64; 2]], p: [f64; 2]) -> f64 {
    let mut inside = false;
    let mut best = f64::INFINITY;
    let n = ring.len();
    for i in 0..n {
        let (a, b) = (ring[i], ring[(i + 1) % n]);
        if (a[1] > p[1]) != (b[1] > p[1]) && p[0] < (b[0] - a[0]) * (p[1] - a[1]) / (b[1] - a[1]) + a[0] {
            inside = !inside;
        }
        let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
        let len = dx * dx + dy * dy;
        let t = if len > 0.0 { (((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len).clamp(0.0, 1.0) } else { 0.0 };
        let (qx, qy) = (a[0] + t * dx - p[0], a[1] + t * dy - p[1]);
        best = best.min((qx * qx + qy * qy).sqrt());
    }
    if inside {
        best
    } else {
        -best
    }
}

fn ring_area(ring: &[[f64; 2]]) -> f64 {
    let n = ring.len();
    (0..n).map(|i| ring[i][0] * ring[(i + 1) % n][1] - ring[(i + 1) % n][0] * ring[i][1]).sum::<f64>().abs() / 2.0
}

/// The inside point of a ring (in pixels) farthest from its edge, searched on a grid that is
/// refined around the best point three times.
pub fn anchor(ring: &[[f64; 2]]) -> [f64; 2] {
    let (mut lo, mut hi) = ([f64::INFINITY; 2], [f64::NEG_INFINITY; 2]);
    for p in ring {
        for k in 0..2 {
            lo[k] = lo[k].min(p[k]);
            hi[k] = hi[k].max(p[k]);
        }
    }
    let mut best = [(lo[0] + hi[0]) / 2.0, (lo[1] + hi[1]) / 2.0];
    let mut best_d = signed_distance(ring, best);
    let mut step = (hi[0] - lo[0]).max(hi[1] - lo[1]) / 24.0;
    let mut centre = best;
    let mut reach = 13_i32;
    for _ in 0..4 {
        for i in -reach..=reach {
            for j in -reach..=reach {
                let p = [centre[0] + f64::from(i) * step, centre[1] + f64::from(j) * step];
                let d = signed_distance(ring, p);
                if d > best_d {
                    (best, best_d) = (p, d);
                }
            }
        }
        centre = best;
        step /= 4.0;
        reach = 5;
    }
    best
}

/// Lays the map out for a chart `width` pixels wide: the map's box (its aspect the region's, not
/// wider than 640 pixels nor higher than 560), every label placed, and the chart's height, just
/// enough for the map and the labels.
pub fn layout(geo: &Geo, texts: &[LabelText], width: f64) -> Layout {
    let size = font_size(width);
    let line_height = (size * 1.3).round();
    let margin = (width * 0.08).clamp(8.0, 64.0);
    let aspect = geo.aspect();
    let mut mw = (width - 2.0 * margin).min(640.0);
    let mut mh = mw / aspect;
    if mh > 560.0 {
        mh = 560.0;
        mw = mh * aspect;
    }
    let top = 2.0 * line_height + 8.0;
    let map = Rect { x: (width - mw) / 2.0, y: top, w: mw, h: mh };
    let mut height = mh + 2.0 * top;
    // Anchors and the order of placing: the chosen gemeente (bold) first, then larger areas.
    let mut items: Vec<(&LabelText, [f64; 2], f64)> = texts
        .iter()
        .filter_map(|t| {
            let area = geo.areas.iter().find(|a| a.code == t.code)?;
            let rings: Vec<Vec<[f64; 2]>> =
                area.rings.iter().map(|r| r.iter().map(|p| geo.project(&map, *p)).collect()).collect();
            let largest = rings.iter().max_by(|a, b| ring_area(a).total_cmp(&ring_area(b)))?;
            Some((t, anchor(largest), ring_area(largest)))
        })
        .collect();
    items.sort_by(|a, b| b.0.bold.cmp(&a.0.bold).then(b.2.total_cmp(&a.2)));
    let centre = map.centre();
    let anchors: Vec<[f64; 2]> = items.iter().map(|i| i.1).collect();
    let mut placed: Vec<Placed> = Vec::new();
    let mut shelf: Vec<Rect> = Vec::new();
    let sparse = texts.len() >= SPARSE_FROM;
    for (k, (t, a, _)) in items.iter().enumerate() {
        let (w, h) = box_size(&t.lines, size, t.bold, line_height);
        // A sparse map: a label may cover small neighbours' anchors (there are hundreds).
        let others: Vec<[f64; 2]> = if sparse {
            Vec::new()
        } else {
            anchors.iter().enumerate().filter(|(j, _)| *j != k).map(|(_, p)| *p).collect()
        };
        let boxes: Vec<Rect> = placed.iter().map(|p| p.rect).collect();
        let bounds = Rect { x: 1.0, y: 1.0, w: width - 2.0, h: height - 2.0 };
        if sparse && !t.bold {
            let on_area = Rect { x: a[0] - w / 2.0, y: a[1] - h / 2.0, w, h };
            let fits = placed.len() < MOST_LABELS
                && on_area.x >= bounds.x
                && on_area.y >= bounds.y
                && on_area.x + w <= bounds.x + bounds.w
                && on_area.y + h <= bounds.y + bounds.h
                && !boxes.iter().any(|b| on_area.overlaps(b, GAP));
            if fits {
                placed.push(Placed {
                    code: t.code.clone(),
                    text: t.lines.join("\n"),
                    bold: false,
                    font_size: size,
                    rect: on_area,
                    anchor: *a,
                    leader: false,
                });
            }
            continue;
        }
        let rect = spot(*a, (w, h), centre, &boxes, &others, &bounds).unwrap_or_else(|| {
            // A row under the map.
            let last = shelf.last().copied();
            let r = match last {
                Some(l) if l.x + l.w + GAP + w <= width - 1.0 => Rect { x: l.x + l.w + GAP * 2.0, y: l.y, w, h },
                Some(l) => Rect { x: 1.0, y: l.y + l.h + GAP * 2.0, w, h },
                None => Rect { x: 1.0, y: height + GAP, w, h },
            };
            shelf.push(r);
            height = height.max(r.y + r.h + 2.0);
            r
        });
        placed.push(Placed {
            code: t.code.clone(),
            text: t.lines.join("\n"),
            bold: t.bold,
            font_size: size,
            rect,
            anchor: *a,
            leader: !rect.contains(*a),
        });
    }
    tighten(Layout { width, height, map, labels: placed, line_height })
}

/// The first free spot for a `w` × `h` box near anchor `a`: on rings of growing distance, each
/// tried in sixteen directions, the side away from the map's `centre` first.
fn spot(
    a: [f64; 2],
    (w, h): (f64, f64),
    centre: [f64; 2],
    boxes: &[Rect],
    others: &[[f64; 2]],
    bounds: &Rect,
) -> Option<Rect> {
    let out = (a[1] - centre[1]).atan2(a[0] - centre[0]);
    let far = bounds.w.max(bounds.h);
    let mut candidates: Vec<(f64, [f64; 2])> = vec![(0.0, a)];
    let mut r = 4.0;
    while r < far {
        for d in 0..16 {
            let angle = f64::from(d) * std::f64::consts::PI / 8.0;
            // Twice the cost on the side facing the centre.
            let cost = r * (1.5 - 0.5 * (angle - out).cos());
            candidates.push((cost, [a[0] + r * angle.cos(), a[1] + r * angle.sin()]));
        }
        r += if r < 40.0 { 4.0 } else { 8.0 };
    }
    candidates.sort_by(|x, y| x.0.total_cmp(&y.0));
    candidates.into_iter().map(|(_, c)| Rect { x: c[0] - w / 2.0, y: c[1] - h / 2.0, w, h }).find(|rect| {
        rect.x >= bounds.x
            && rect.y >= bounds.y
            && rect.x + rect.w <= bounds.x + bounds.w
            && rect.y + rect.h <= bounds.y + bounds.h
            && !boxes.iter().any(|b| rect.overlaps(b, GAP))
            && !others.iter().any(|p| rect.overlaps(&Rect { x: p[0] - 3.0, y: p[1] - 3.0, w: 6.0, h: 6.0 }, 0.0))
    })
}

/// Takes the empty space off the top and bottom: the chart is as high as the map and its labels.
fn tighten(mut l: Layout) -> Layout {
    let top = l.labels.iter().map(|p| p.rect.y).fold(l.map.y, f64::min) - 2.0;
    let bottom = l.labels.iter().map(|p| p.rect.y + p.rect.h).fold(l.map.y + l.map.h, f64::max) + 2.0;
    l.map.y -= top;
    for p in &mut l.labels {
        p.rect.y -= top;
        p.anchor[1] -= top;
    }
    l.height = (bottom - top).ceil();
    l
}

/// The point of a box's edge nearest to `p` (where a leader line ends).
pub fn nearest_on(rect: &Rect, p: [f64; 2]) -> [f64; 2] {
    [p[0].clamp(rect.x, rect.x + rect.w), p[1].clamp(rect.y, rect.y + rect.h)]
}
