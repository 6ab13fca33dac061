#!/usr/bin/env node
// A synthetic national region for tests and the benchmark (issue 25): the 342 gemeenten of 2025
// with their CBS codes and names (tests/fixtures/national/gemeenten-2025.json: CBS, Kadaster,
// CC BY 4.0), Nederland, ten years (2016–2025, 2025 provisional), 16 tables over the four themes
// (36 measures, ≈ 123.000 values) and 116 *geheim* cells, written into a copy of dist/ as a
// region `nederland` (manifest entry, config.json, data files). The figures are made up, from a
// seeded generator: the same seed gives the same files.
//
// The data are split per table (one file each, listed with `tables` in the manifest; the files of
// the four key-figure tables marked `home`), so the home page fetches only what it shows
// (docs/data-format.md, "Grote regio's"). `{ split: false }` writes one file per theme instead, as
// the format allowed before: the benchmark's "before".
//
//   node scripts/national-fixture.mjs <copy-of-dist> [seed] [--per-thema]
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(new URL('..', import.meta.url).pathname);
export const REGION = 'nederland';
export const YEARS = ['2016', '2017', '2018', '2019', '2020', '2021', '2022', '2023', '2024', '2025'];
/** How many cells are *geheim*, over all tables. */
const SECRET_CELLS = 116;

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

/**
 * The tables per theme: [id, title, pillar, measures ([id, label]), base, headline sentence]. The
 * first of each theme is its key figure (one measure, marked `headline`).
 */
const THEMES = {
  jeugd: [
    ['jongeren-met-jeugdhulp', 'Jongeren met jeugdhulp (%)', 'gebruik', [['jeugdhulp', 'jeugdhulp']], 'alle jongeren tot 18 jaar',
      'In {gebied} kreeg {waarde} van alle jongeren tot 18 jaar jeugdhulp.'],
    ['jeugdhulp-naar-vorm', 'Jongeren met jeugdhulp naar vorm (%)', 'gebruik',
      [['ambulant', 'ambulante jeugdhulp'], ['met_verblijf', 'jeugdhulp met verblijf'], ['pgb', 'jeugdhulp met een pgb']], 'alle jongeren tot 18 jaar'],
    ['jeugdbescherming', 'Jongeren met jeugdbescherming of jeugdreclassering (%)', 'gebruik',
      [['jeugdbescherming', 'jeugdbescherming'], ['jeugdreclassering', 'jeugdreclassering']], 'alle jongeren tot 23 jaar'],
    ['jeugdhulp-naar-leeftijd', 'Jongeren met jeugdhulp naar leeftijd (%)', 'gebruik',
      [['tot_12', 'jonger dan 12 jaar'], ['12_tot_18', '12 tot 18 jaar'], ['18_tot_23', '18 tot 23 jaar']], 'alle jongeren van die leeftijd'],
  ],
  participatie: [
    ['bijstand', 'Inwoners met bijstand (%)', 'gebruik', [['bijstand', 'bijstand']], 'alle inwoners van 18 tot 65 jaar',
      'In {gebied} had {waarde} van de inwoners van 18 tot 65 jaar een bijstandsuitkering.'],
    ['re-integratie', 'Inwoners met een re-integratievoorziening (%)', 'gebruik',
      [['re_integratie', 're-integratievoorziening'], ['beschut_werk', 'beschut werk'], ['loonkostensubsidie', 'loonkostensubsidie']], 'alle inwoners van 18 tot 65 jaar'],
    ['uitkeringen', 'Inwoners met een uitkering (%)', 'gebruik',
      [['ww', 'WW-uitkering'], ['wia', 'arbeidsongeschiktheidsuitkering']], 'alle inwoners van 18 tot 65 jaar'],
    ['uitstroom', 'Uitstroom uit de bijstand (%)', 'gebruik',
      [['naar_werk', 'uitstroom naar werk'], ['naar_opleiding', 'uitstroom naar opleiding'], ['overig', 'overige uitstroom']], 'alle bijstandsontvangers'],
  ],
  wmo: [
    ['maatwerk', 'Inwoners met een maatwerkvoorziening (%)', 'gebruik', [['maatwerk', 'maatwerkvoorziening']], 'alle inwoners',
      'In {gebied} had {waarde} van de inwoners een maatwerkvoorziening uit de Wmo.'],
    ['hulp-bij-huishouden', 'Inwoners met hulp bij het huishouden (%)', 'gebruik',
      [['hulp_huishouden', 'hulp bij het huishouden'], ['pgb', 'hulp bij het huishouden met een pgb']], 'alle inwoners'],
    ['vervoer-en-hulpmiddelen', 'Inwoners met vervoer of hulpmiddelen (%)', 'gebruik',
      [['vervoer', 'vervoersvoorziening'], ['rolstoel', 'rolstoelvoorziening'], ['woning', 'woonvoorziening']], 'alle inwoners'],
    ['begeleiding', 'Inwoners met begeleiding of dagbesteding (%)', 'gebruik',
      [['begeleiding', 'begeleiding'], ['dagbesteding', 'dagbesteding'], ['beschermd_wonen', 'beschermd wonen']], 'alle inwoners'],
  ],
  samenloop: [
    ['meer-voorzieningen', 'Huishoudens met meer dan één voorziening (%)', 'gebruik', [['samenloop', 'samenloop']], 'alle huishoudens',
      'In {gebied} kreeg {waarde} van de huishoudens voorzieningen uit meer dan één wet.'],
    ['jeugd-en-wmo', 'Huishoudens met jeugdhulp en Wmo (%)', 'gebruik',
      [['jeugd_wmo', 'jeugdhulp en Wmo'], ['alleen_jeugd', 'alleen jeugdhulp']], 'alle huishoudens'],
    ['jeugd-en-bijstand', 'Huishoudens met jeugdhulp en bijstand (%)', 'gebruik',
      [['jeugd_bijstand', 'jeugdhulp en bijstand'], ['alleen_bijstand', 'alleen bijstand'], ['drie_wetten', 'drie wetten']], 'alle huishoudens'],
    ['wmo-en-bijstand', 'Huishoudens met Wmo en bijstand (%)', 'gebruik',
      [['wmo_bijstand', 'Wmo en bijstand'], ['alleen_wmo', 'alleen Wmo'], ['geen', 'geen voorziening']], 'alle huishoudens'],
  ],
};

/** One table: shares (%) per gemeente and year, Nederland too; `secret` cells are geheim. */
function table(theme, [id, title, pillar, measures, base, sentence], rnd, secret) {
  const tableId = `${theme}-${id}`;
  const areas = [...gemeenten().map(([code]) => code), 'NL01'];
  const values = [];
  for (const [measure] of measures) {
    for (const period of YEARS) {
      for (const area of areas) {
        if (secret.has(`${tableId}/${measure}/${area}/${period}`)) values.push({ measure, area, period, status: 'geheim' });
        else values.push({ measure, area, period, value: Math.round((2 + rnd() * 18) * 10) / 10 });
      }
    }
  }
  return {
    id: tableId, title, theme, pillar, source: SOURCE, note: null, definitions: [], provisional: false, rounding: null,
    ...(sentence ? { headline: { measure: measures[0][0], sentence } } : {}),
    periods: YEARS.map((y) => (y === '2025' ? { id: y, label: y, provisional: true } : { id: y, label: y })),
    categories: [],
    measures: measures.map(([m, label]) => ({ id: m, label, unit: '%', kind: 'derived', decimals: 1, base })),
    totals: [], values, inconsistencies: [],
  };
}

/** The *geheim* cells: SECRET_CELLS of them, spread over every table's gemeenten and years. */
function secrets(rnd, list) {
  const all = Object.entries(THEMES).flatMap(([theme, ts]) => ts.flatMap(([id, , , ms]) => ms.map(([m]) => `${theme}-${id}/${m}`)));
  const out = new Set();
  while (out.size < SECRET_CELLS) {
    const series = all[Math.floor(rnd() * all.length)];
    out.add(`${series}/${list[Math.floor(rnd() * list.length)][0]}/${YEARS[Math.floor(rnd() * YEARS.length)]}`);
  }
  return out;
}

/**
 * A dataset file's text: the layout of the bundled files (one field a line), except that each
 * value is one line, as a generator of 120.000 values would write them.
 */
export function datasetText(data) {
  const tables = data.tables.map((t) => {
    const { values, ...rest } = t;
    const head = JSON.stringify(rest, null, 1).replace(/\n}$/, '');
    return `${head},\n "values": [\n${values.map((v) => `  ${JSON.stringify(v)}`).join(',\n')}\n ]\n}`;
  });
  const { tables: _, ...top } = data;
  return `${JSON.stringify(top, null, 1).replace(/\n}$/, '')},\n "tables": [\n${tables.join(',\n')}\n ]\n}\n`;
}

/** Writes the national region into `site` (a copy of dist/). */
export function writeNational(site, seed = 25, { split = true } = {}) {
  const rnd = random(seed);
  const list = gemeenten();
  const manifestFile = join(site, 'data/manifest.json');
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  const known = new Set(manifest.areas.map((a) => a.code));
  for (const [code, name] of list) {
    if (!known.has(code)) manifest.areas.push({ code, name, short: name.replace(/^'s-/, '').slice(0, 3), kind: 'gemeente' });
  }
  manifest.regions.push({ id: REGION, name: 'Nederland', area: 'NL01', reference: null, gemeenten: list.map(([c]) => c) });
  const secret = secrets(rnd, list);
  const write = (file, theme, tables) => {
    writeFileSync(join(site, 'data', file), datasetText({ format: 1, region: REGION, theme, tables }));
  };
  for (const [theme, specs] of Object.entries(THEMES)) {
    const tables = specs.map((spec) => table(theme, spec, rnd, secret));
    if (!split) {
      const file = `${REGION}-${theme}.json`;
      write(file, theme, tables);
      manifest.datasets.push({ file, region: REGION, themes: [theme] });
      continue;
    }
    for (const t of tables) {
      const file = `${t.id.replace(/^/, `${REGION}-`)}.json`;
      write(file, theme, [t]);
      manifest.datasets.push({ file, region: REGION, themes: [theme], tables: [t.id], ...(t.headline ? { home: true } : {}) });
    }
  }
  writeFileSync(manifestFile, JSON.stringify(manifest, null, 1));
  const configFile = join(site, 'config.json');
  const config = JSON.parse(readFileSync(configFile, 'utf8'));
  if (Array.isArray(config.regios) && !config.regios.includes(REGION)) config.regios.push(REGION);
  writeFileSync(configFile, JSON.stringify(config, null, 2));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const [site, seed] = args.filter((a) => !a.startsWith('--'));
  if (!site) {
    console.error('gebruik: node scripts/national-fixture.mjs <kopie-van-dist> [seed] [--per-thema]');
    process.exit(2);
  }
  writeNational(resolve(site), Number(seed ?? 25), { split: !args.includes('--per-thema') });
}
