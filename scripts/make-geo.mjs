// Makes public/geo/grenzen-<year>.json for every year 2016–2025: the boundaries of all CBS
// gemeenten of that year, from the CBS / Kadaster GeoJSON in ../shared/geo (CC BY 4.0, credit
// "CBS, Kadaster"), for the map view (issue 27: any region gets its map, with the boundaries of
// its figures' year; `core::present::charts::map_bounds` cuts the region's gemeenten out).
// Run by hand when a year is added: `node scripts/make-geo.mjs [folder with gemeente_2016.geojson]`.
//
// Compact and lossless against the source (which has 3 decimals, about 100 m): per gemeente its
// code, name and polygons; each ring a flat list of integers in thousandths of a degree, the
// first point absolute and every next one as the step from the one before. Each file must stay
// within BUDGET bytes (tests/geo_data.rs checks it too).
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = process.argv[2] || join(root, '..', 'shared', 'geo');
export const YEARS = Array.from({ length: 10 }, (_, i) => 2016 + i);
export const BUDGET = 72 * 1024;
export const CREDIT = 'CBS, Kadaster (CC BY 4.0): gemeentegrenzen per jaar, via cartomap/nl';

/** A ring as integers: [x0, y0, dx1, dy1, …] in thousandths of a degree. */
function ring(points) {
  const out = [];
  let [px, py] = [0, 0];
  for (const [x, y] of points) {
    const [qx, qy] = [Math.round(x * 1000), Math.round(y * 1000)];
    out.push(qx - px, qy - py);
    [px, py] = [qx, qy];
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  mkdirSync(join(root, 'public', 'geo'), { recursive: true });
  for (const year of YEARS) {
    const geo = JSON.parse(readFileSync(join(source, `gemeente_${year}.geojson`), 'utf8'));
    const areas = geo.features.map((f) => {
      const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      return [f.properties.statcode, f.properties.statnaam, polygons.map((p) => p.map(ring))];
    });
    areas.sort((a, b) => a[0].localeCompare(b[0]));
    const text = JSON.stringify({ bron: CREDIT, jaar: year, schaal: 1000, gebieden: areas });
    if (text.length > BUDGET) throw new Error(`grenzen-${year}.json: ${text.length} bytes, meer dan ${BUDGET}`);
    writeFileSync(join(root, 'public', 'geo', `grenzen-${year}.json`), text);
    console.log(`grenzen-${year}.json: ${areas.length} gemeenten, ${text.length} bytes`);
  }
}
