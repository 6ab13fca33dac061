// Makes public/geo/gemeenten.json (issue 27, "every gemeente known"): every CBS gemeente of the
// years 2016–2025 with its code, its names (spelling per year: "Hengelo" up to 2023, "Hengelo
// (O.)" from 2024), first and last year, province, a point inside it, and for a gemeente that
// vanished (herindeling) the gemeente it became part of. Derived from the CBS / Kadaster
// boundaries in ../shared/geo (CC BY 4.0, credit "CBS, Kadaster"); read by
// `core::model::gemeenten`. Run by hand: `node scripts/make-gemeenten.mjs [folder]`.
//
// - Province: the province of 2025 (provincie_2025.geojson) that holds the gemeente's interior
//   point (of its last year), except where a border moved (OWN_PROVINCE).
// - Part of: the gemeente of the next year that covers most of its land (points on a grid
//   inside its last year's boundaries, each looked up in the next year's); others that got at
//   least a tenth are listed as `ook`.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = process.argv[2] || join(root, '..', 'shared', 'geo');
const YEARS = Array.from({ length: 10 }, (_, i) => 2016 + i);
const read = (f) => JSON.parse(readFileSync(join(source, f), 'utf8'));

// Leerdam and Zederik (Zuid-Holland) merged with Vianen into Vijfheerenlanden (Utrecht) in 2019;
// the 2025 borders put their land in Utrecht, but in their own years they were Zuid-Holland.
const OWN_PROVINCE = { GM0545: 'PV28', GM0707: 'PV28' };

const polygonsOf = (g) => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);

/** Even-odd over every ring of every polygon (holes included). */
function inside(polygons, [x, y]) {
  let hit = false;
  for (const polygon of polygons) {
    for (const r of polygon) {
      for (let i = 0, j = r.length - 1; i < r.length; j = i, i += 1) {
        const [xi, yi] = r[i];
        const [xj, yj] = r[j];
        if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
      }
    }
  }
  return hit;
}

function box(polygons) {
  const b = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of polygons) for (const r of p) for (const [x, y] of r) {
    b[0] = Math.min(b[0], x); b[1] = Math.min(b[1], y); b[2] = Math.max(b[2], x); b[3] = Math.max(b[3], y);
  }
  return b;
}

function edgeDistance(polygons, [x, y]) {
  let best = Infinity;
  for (const p of polygons) for (const r of p) {
    for (let i = 0, j = r.length - 1; i < r.length; j = i, i += 1) {
      const [ax, ay] = r[j];
      const [bx, by] = r[i];
      const [dx, dy] = [bx - ax, (by - ay)];
      const len = dx * dx + dy * dy;
      const t = len > 0 ? Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len)) : 0;
      best = Math.min(best, Math.hypot(ax + t * dx - x, ay + t * dy - y));
    }
  }
  return best;
}

/** Points on an n × n grid inside the polygons. */
function samples(polygons, n) {
  const [x0, y0, x1, y1] = box(polygons);
  const out = [];
  for (let i = 0; i < n; i += 1) for (let j = 0; j < n; j += 1) {
    const p = [x0 + ((i + 0.5) * (x1 - x0)) / n, y0 + ((j + 0.5) * (y1 - y0)) / n];
    if (inside(polygons, p)) out.push(p);
  }
  return out;
}

/** The inside point farthest from the edge, on a 40 × 40 grid. */
function interior(polygons) {
  let best = null;
  let far = -1;
  for (const p of samples(polygons, 40)) {
    const d = edgeDistance(polygons, p);
    if (d > far) [best, far] = [p, d];
  }
  return best ?? polygons[0][0][0];
}

const provinces = read('provincie_2025.geojson').features.map((f) => ({
  code: f.properties.statcode, name: f.properties.statnaam, polygons: polygonsOf(f.geometry),
})).sort((a, b) => a.code.localeCompare(b.code));
const years = Object.fromEntries(YEARS.map((y) => [y, read(`gemeente_${y}.geojson`).features.map((f) => ({
  code: f.properties.statcode, name: f.properties.statnaam, polygons: polygonsOf(f.geometry),
}))]));

const byCode = new Map();
for (const year of YEARS) {
  for (const g of years[year]) {
    const e = byCode.get(g.code) ?? { code: g.code, namen: [], years: [] };
    if (e.namen.at(-1)?.[1] !== g.name) e.namen.push([year, g.name]);
    e.years.push(year);
    e.last = g;
    byCode.set(g.code, e);
  }
}

const round2 = (p) => p.map((v) => Math.round(v * 1000) / 1000);
const out = [];
for (const e of [...byCode.values()].sort((a, b) => a.code.localeCompare(b.code))) {
  const first = e.years[0];
  const last = e.years.at(-1);
  if (e.years.length !== last - first + 1) throw new Error(`${e.code}: jaren met een gat`);
  const point = interior(e.last.polygons);
  let province = OWN_PROVINCE[e.code]
    ?? provinces.find((p) => inside(p.polygons, point))?.code
    ?? provinces.map((p) => [edgeDistance(p.polygons, point), p.code]).sort((a, b) => a[0] - b[0])[0][1];
  const entry = { code: e.code, namen: e.namen, tot: last, provincie: province, punt: round2(point) };
  if (last < YEARS.at(-1)) {
    const next = years[last + 1];
    const counts = new Map();
    const pts = samples(e.last.polygons, 30);
    for (const p of pts) {
      const hit = next.find((g) => inside(g.polygons, p));
      if (hit) counts.set(hit.code, (counts.get(hit.code) ?? 0) + 1);
    }
    const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
    if (!ranked.length) throw new Error(`${e.code}: niet teruggevonden in ${last + 1}`);
    entry.deel_van = ranked[0][0];
    const also = ranked.slice(1).filter(([, n]) => n >= pts.length / 10).map(([c]) => c);
    if (also.length) entry.ook = also;
  }
  out.push(entry);
}

const file = join(root, 'public', 'geo', 'gemeenten.json');
const text = JSON.stringify({
  bron: 'CBS, Kadaster (CC BY 4.0): gemeentegrenzen 2016–2025 en provinciegrenzen 2025, via cartomap/nl',
  jaren: [YEARS[0], YEARS.at(-1)],
  provincies: provinces.map((p) => ({ code: p.code, naam: p.name })),
  gemeenten: out,
}).replace(/\},\{"code"/g, '},\n{"code"');
writeFileSync(file, text);
const count = (y) => out.filter((g) => g.namen[0][0] <= y && g.tot >= y).length;
console.log(`${file}: ${out.length} gemeenten, ${text.length} bytes; 2016: ${count(2016)}, 2021: ${count(2021)}, 2025: ${count(2025)}`);
const perProvince = {};
for (const g of out.filter((g) => g.tot === 2025)) perProvince[g.provincie] = (perProvince[g.provincie] ?? 0) + 1;
console.log(perProvince);
