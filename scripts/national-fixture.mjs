#!/usr/bin/env node
// A synthetic national region for tests (issue 25): the 342 gemeenten of 2025 with their CBS
// codes and names (tests/fixtures/national/gemeenten-2025.json: CBS, Kadaster, CC BY 4.0), Nederland,
// a few years, one or two tables per theme and a few *geheim* cells, written into a copy of
// dist/ as a region `nederland` (manifest entry, config.json, one data file per theme). The
// figures are made up, from a seeded generator: the same seed gives the same files.
//
//   node scripts/national-fixture.mjs <copy-of-dist> [seed]
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(new URL('..', import.meta.url).pathname);
export const REGION = 'nederland';
const YEARS = ['2022', '2023', '2024'];

/** A small seeded generator (mulberry32): numbers in [0, 1). */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The gemeenten of 2025: [code, name] pairs. */
export function gemeenten() {
  return JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/national/gemeenten-2025.json'), 'utf8')).gemeenten;
}

const SOURCE = { text: 'synthetische testgegevens (geen echte cijfers)', seed: '001', section: 'Testregio Nederland' };

/** One table: a share (%) per gemeente and year, Nederland too; `secret` cells are geheim. */
function table(theme, id, title, measure, label, base, rnd, secret) {
  const areas = [...gemeenten().map(([code]) => code), 'NL01'];
  const values = [];
  for (const period of YEARS) {
    for (const area of areas) {
      if (secret.has(`${area}/${period}`)) values.push({ measure, area, period, status: 'geheim' });
      else values.push({ measure, area, period, value: Math.round((2 + rnd() * 18) * 10) / 10 });
    }
  }
  return {
    id: `${theme}-${id}`, title, theme, pillar: 'gebruik', source: SOURCE, note: null, definitions: [],
    provisional: false, rounding: null, periods: YEARS.map((y) => ({ id: y, label: y })), categories: [],
    measures: [{ id: measure, label, unit: '%', kind: 'derived', decimals: 1, base }], totals: [], values,
    inconsistencies: [],
  };
}

const THEMES = {
  jeugd: [['jongeren-met-jeugdhulp', 'Jongeren met jeugdhulp (%)', 'jeugdhulp', 'jeugdhulp', 'alle jongeren tot 18 jaar'],
    ['jongeren-met-verblijf', 'Jongeren met jeugdhulp met verblijf (%)', 'met_verblijf', 'met verblijf', 'alle jongeren tot 18 jaar']],
  participatie: [['bijstand', 'Inwoners met bijstand (%)', 'bijstand', 'bijstand', 'alle inwoners van 18 tot 65 jaar']],
  wmo: [['maatwerk', 'Inwoners met een maatwerkvoorziening (%)', 'maatwerk', 'maatwerkvoorziening', 'alle inwoners']],
  samenloop: [['meer-voorzieningen', 'Huishoudens met meer dan één voorziening (%)', 'samenloop', 'samenloop', 'alle huishoudens']],
};

/** Writes the national region into `site` (a copy of dist/). */
export function writeNational(site, seed = 25) {
  const rnd = random(seed);
  const list = gemeenten();
  const manifestFile = join(site, 'data/manifest.json');
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  const known = new Set(manifest.areas.map((a) => a.code));
  for (const [code, name] of list) {
    if (!known.has(code)) manifest.areas.push({ code, name, short: name.replace(/^'s-/, '').slice(0, 3), kind: 'gemeente' });
  }
  manifest.regions.push({ id: REGION, name: 'Nederland', area: 'NL01', reference: null, gemeenten: list.map(([c]) => c) });
  for (const [theme, tables] of Object.entries(THEMES)) {
    const secret = new Set(Array.from({ length: 4 }, () => `${list[Math.floor(rnd() * list.length)][0]}/${YEARS[Math.floor(rnd() * YEARS.length)]}`));
    const file = `${REGION}-${theme}.json`;
    const data = { format: 1, region: REGION, theme, tables: tables.map((t) => table(theme, ...t, rnd, secret)) };
    writeFileSync(join(site, 'data', file), JSON.stringify(data, null, 1));
    manifest.datasets.push({ file, region: REGION, themes: [theme] });
  }
  writeFileSync(manifestFile, JSON.stringify(manifest, null, 1));
  const configFile = join(site, 'config.json');
  const config = JSON.parse(readFileSync(configFile, 'utf8'));
  if (Array.isArray(config.regios) && !config.regios.includes(REGION)) config.regios.push(REGION);
  writeFileSync(configFile, JSON.stringify(config, null, 2));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [site, seed] = process.argv.slice(2);
  if (!site) {
    console.error('gebruik: node scripts/national-fixture.mjs <kopie-van-dist> [seed]');
    process.exit(2);
  }
  writeNational(resolve(site), Number(seed ?? 25));
}
