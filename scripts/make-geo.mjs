// Makes public/geo/<region>.json: the boundaries of one region's gemeenten, cut from the CBS /
// Kadaster GeoJSON in ../shared/geo (CC BY 4.0, credit "CBS, Kadaster"). Run by hand when
// manifest.json gains a region: `node scripts/make-geo.mjs [folder with gemeente_2016.geojson]`.
// Takes the 2016 boundaries (the year of most figures) and the 2025 ones for a code that 2016
// lacks; keeps only statcode and statnaam; rounds coordinates to 3 decimals (about 100 m).
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = process.argv[2] || join(root, '..', 'shared', 'geo');
const years = ['2016', '2025'].map((y) => JSON.parse(readFileSync(join(source, `gemeente_${y}.geojson`), 'utf8')));
const manifest = JSON.parse(readFileSync(join(root, 'public', 'data', 'manifest.json'), 'utf8'));
const round = (c) => (typeof c[0] === 'number' ? c.map((x) => Math.round(x * 1000) / 1000) : c.map(round));
mkdirSync(join(root, 'public', 'geo'), { recursive: true });
for (const region of manifest.regions) {
  if (region.gemeenten.length < 2) continue; // a map of one gemeente says nothing
  const features = region.gemeenten.map((code) => {
    const f = years.map((y) => y.features.find((x) => x.properties.statcode === code)).find(Boolean);
    if (!f) throw new Error(`${code} niet gevonden in ${source}`);
    return { type: 'Feature', properties: { statcode: code, statnaam: f.properties.statnaam }, geometry: { type: f.geometry.type, coordinates: round(f.geometry.coordinates) } };
  });
  const out = join(root, 'public', 'geo', `${region.id}.json`);
  writeFileSync(out, JSON.stringify({ type: 'FeatureCollection', bron: 'CBS, Kadaster (CC BY 4.0), via cartomap/nl', features }));
  console.log(`${out}: ${features.length} gemeenten`);
}
