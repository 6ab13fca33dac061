// The JSON Schemas in docs/schema/ describe the data files in public/data/ and stay true to the
// Rust decoder (src/core/read/decode.rs) and the shape rules of src/core/check/validate.rs: every bundled
// file validates, and hand-made broken documents are rejected for the intended reason.
// Run with `node --test tests/js/`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';

const dataDir = new URL('../../public/data/', import.meta.url);
const schemaDir = new URL('../../docs/schema/', import.meta.url);
const fixtureDir = new URL('../fixtures/', import.meta.url);

const readJson = (url) => JSON.parse(readFileSync(url, 'utf8'));

// strict: unknown keywords, ignored if/then and type mix-ups in the schemas are errors.
const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true });
const datasetSchema = readJson(new URL('dataset.schema.json', schemaDir));
const manifestSchema = readJson(new URL('manifest.schema.json', schemaDir));
const validateDataset = ajv.compile(datasetSchema);
const validateManifest = ajv.compile(manifestSchema);

const explain = (errors) => ajv.errorsText(errors, { separator: '\n', dataVar: '' });

function assertValid(validate, doc, what) {
  assert.ok(validate(doc), `${what} should be valid:\n${explain(validate.errors)}`);
}

/** Asserts that `doc` is rejected with an error at `path` (JSON pointer) by `keyword`. */
function assertRejected(validate, doc, path, keyword) {
  assert.equal(validate(doc), false, 'the document should be rejected');
  const hit = validate.errors.some((e) => e.instancePath === path && (!keyword || e.keyword === keyword));
  assert.ok(hit, `expected a "${keyword}" error at ${path}; got:\n${explain(validate.errors)}`);
}

/** The smallest dataset the decoder and validator accept (checked with msd-check). */
function minimalDataset() {
  return {
    format: 1,
    region: 'drechtsteden',
    theme: 'jeugd',
    tables: [
      {
        id: 'jeugd-test',
        title: 'Testtabel',
        theme: 'jeugd',
        pillar: 'gebruik',
        source: { text: 'gemeentelijke monitor Sociaal Domein', seed: '001', section: 'Jeugdhulp' },
        provisional: false,
        periods: [{ id: '2016', label: '2016' }],
        measures: [{ id: 'a', label: 'a', unit: 'aantal', kind: 'count', decimals: 0 }],
        values: [{ measure: 'a', area: 'GM0482', period: '2016', value: 10 }],
      },
    ],
  };
}

function minimalManifest() {
  return {
    format: 1,
    areas: [{ code: 'GM0482', name: 'Alblasserdam', short: 'A', kind: 'gemeente' }],
    regions: [{ id: 'alblasserdam', name: 'Alblasserdam', area: 'GM0482', gemeenten: ['GM0482'] }],
    seeds: [{ id: '001', title: 'Monitor', publisher: 'Drechtsteden', year: 2017 }],
    datasets: [{ file: 'alblasserdam-jeugd.json', region: 'alblasserdam', themes: ['jeugd'] }],
  };
}

/** A copy of the minimal dataset, changed by `edit(doc, table)`. */
function broken(edit) {
  const doc = minimalDataset();
  edit(doc, doc.tables[0]);
  return doc;
}

function brokenManifest(edit) {
  const doc = minimalManifest();
  edit(doc);
  return doc;
}

// (a) The bundled data.

const files = readdirSync(dataDir).filter((f) => f.endsWith('.json')).sort();

test('public/data holds the manifest and at least one dataset file', () => {
  assert.ok(files.includes('manifest.json'));
  assert.ok(files.length >= 2);
});

for (const file of files) {
  test(`public/data/${file} validates against its schema`, () => {
    const doc = readJson(new URL(file, dataDir));
    assertValid(file === 'manifest.json' ? validateManifest : validateDataset, doc, file);
  });
}

test('every file listed in the manifest exists and every dataset file is listed', () => {
  const listed = readJson(new URL('manifest.json', dataDir)).datasets.map((d) => d.file).sort();
  assert.deepEqual(listed, files.filter((f) => f !== 'manifest.json'));
});

// (b) Minimal good documents.

test('a minimal dataset is accepted', () => {
  assertValid(validateDataset, minimalDataset(), 'the minimal dataset');
});

test('a minimal manifest is accepted', () => {
  assertValid(validateManifest, minimalManifest(), 'the minimal manifest');
});

test('optional fields may be null, as in the decoder', () => {
  const doc = broken((d, t) => {
    d.availability = null;
    d.untranscribed = null;
    Object.assign(t, { note: null, definitions: null, rounding: null, categories: null, totals: null, inconsistencies: null });
    t.source.page = null;
    Object.assign(t.measures[0], { group: null, base: null, rounding: null, formula: null });
    Object.assign(t.values[0], { category: null, status: null, provisional: null, printed: null });
  });
  assertValid(validateDataset, doc, 'the dataset with nulls');
});

test('the value statuses in their allowed forms are accepted', () => {
  const doc = broken((d, t) => {
    t.measures.push({ id: 'bedrag', label: 'bedrag', unit: '€', kind: 'amount', decimals: 0 });
    t.values.push(
      { measure: 'a', area: 'GM0505', period: '2016', status: 'geheim' },
      { measure: 'a', area: 'NL01', period: '2016', status: 'niet-beschikbaar', printed: '[pm]' },
      { measure: 'bedrag', area: 'GM0482', period: '2016', status: 'nihil', value: 0, printed: '€ -' },
      { measure: 'bedrag', area: 'RG-DRECHTSTEDEN', period: '2016', status: 'geheim', value: null },
    );
  });
  assertValid(validateDataset, doc, 'the dataset with statuses');
});

test('tests/fixtures/good.json, which the Rust validator accepts, is accepted', () => {
  assertValid(validateDataset, readJson(new URL('good.json', fixtureDir)), 'good.json');
});

// (b) Broken documents.

test('rejects a geheim value with a number', () => {
  const doc = broken((d, t) => {
    t.values.push({ measure: 'a', area: 'GM0505', period: '2016', status: 'geheim', value: 3 });
  });
  assertRejected(validateDataset, doc, '/tables/0/values/1/value', 'type');
});

test('rejects a niet-beschikbaar value with a number', () => {
  const doc = broken((d, t) => Object.assign(t.values[0], { status: 'niet-beschikbaar' }));
  assertRejected(validateDataset, doc, '/tables/0/values/0/value', 'type');
});

test('rejects a nihil value that is not 0, and one without a value', () => {
  assertRejected(validateDataset, broken((d, t) => Object.assign(t.values[0], { status: 'nihil', value: 5 })), '/tables/0/values/0/value', 'const');
  const doc = broken((d, t) => {
    t.values[0] = { measure: 'a', area: 'GM0482', period: '2016', status: 'nihil' };
  });
  assertRejected(validateDataset, doc, '/tables/0/values/0', 'required');
});

test('rejects a value without status and without value', () => {
  const doc = broken((d, t) => delete t.values[0].value);
  assertRejected(validateDataset, doc, '/tables/0/values/0', 'required');
  assertRejected(validateDataset, broken((d, t) => { t.values[0].value = null; }), '/tables/0/values/0/value', 'type');
});

test('rejects a number written as text', () => {
  assertRejected(validateDataset, broken((d, t) => { t.values[0].value = '8,8'; }), '/tables/0/values/0/value', 'type');
});

test('rejects an unknown status', () => {
  assertRejected(validateDataset, broken((d, t) => { t.values[0].status = 'onbekend'; }), '/tables/0/values/0/status', 'enum');
});

test('rejects a table without source', () => {
  const doc = broken((d, t) => delete t.source);
  assertRejected(validateDataset, doc, '/tables/0', 'required');
  assert.ok(validateDataset.errors.some((e) => e.params.missingProperty === 'source'));
});

test('rejects a blank source text and a seed that is not three digits', () => {
  assertRejected(validateDataset, broken((d, t) => { t.source.text = '  '; }), '/tables/0/source/text', 'pattern');
  assertRejected(validateDataset, broken((d, t) => { t.source.seed = '1'; }), '/tables/0/source/seed', 'pattern');
});

test('rejects unknown fields at every level', () => {
  assertRejected(validateDataset, broken((d, t) => { t.extra = 1; }), '/tables/0', 'additionalProperties');
  assertRejected(validateDataset, broken((d) => { d.$schema = '../../docs/schema/dataset.schema.json'; }), '', 'additionalProperties');
  assertRejected(validateDataset, broken((d, t) => { t.values[0].waarde = 10; }), '/tables/0/values/0', 'additionalProperties');
  assertRejected(validateDataset, broken((d, t) => { t.measures[0].eenheid = 'aantal'; }), '/tables/0/measures/0', 'additionalProperties');
});

test('rejects a wrong unit', () => {
  assertRejected(validateDataset, broken((d, t) => { t.measures[0].unit = 'procent'; }), '/tables/0/measures/0/unit', 'enum');
  // A known unit that does not fit the kind: a count is an aantal.
  assertRejected(validateDataset, broken((d, t) => { t.measures[0].unit = '%'; }), '/tables/0/measures/0/unit', 'const');
});

test('rejects a formula on a measure that is not derived, and a formula with the wrong arity', () => {
  const formula = { op: 'share', args: ['a', 'a'] };
  assertRejected(validateDataset, broken((d, t) => { t.measures[0].formula = formula; }), '/tables/0/measures/0/kind', 'const');
  const doc = broken((d, t) => {
    t.measures.push({ id: 'p', label: 'p', unit: '%', kind: 'derived', decimals: 1, formula: { op: 'share', args: ['a', 'a', 'a'] } });
  });
  assertRejected(validateDataset, doc, '/tables/0/measures/1/formula/args', 'maxItems');
});

test('rejects a bad area code', () => {
  assertRejected(validateDataset, broken((d, t) => { t.values[0].area = 'Dordrecht'; }), '/tables/0/values/0/area', 'pattern');
  assertRejected(validateDataset, broken((d, t) => { t.values[0].area = 'GM05050505'; }), '/tables/0/values/0/area', 'pattern');
  assertRejected(validateDataset, broken((d, t) => { t.totals = [{ dimension: 'area', total: 'rg-drechtsteden', of: ['GM0482'] }]; }), '/tables/0/totals/0/total', 'pattern');
  assertRejected(validateManifest, brokenManifest((m) => { m.areas[0].code = 'gm0482'; }), '/areas/0/code', 'pattern');
});

test('rejects a table id that does not start with its theme', () => {
  assertRejected(validateDataset, broken((d, t) => { t.id = 'wmo-test'; }), '/tables/0/id', 'pattern');
  assertRejected(validateDataset, broken((d, t) => { t.id = 'Jeugd Test'; }), '/tables/0/id', 'pattern');
});

test('rejects a rounding other than 5, 10 or null, and another format version', () => {
  assertRejected(validateDataset, broken((d, t) => { t.rounding = 3; }), '/tables/0/rounding', 'enum');
  assertRejected(validateDataset, broken((d) => { d.format = 2; }), '/format', 'const');
});

test('rejects a manifest dataset with theme instead of themes, and an unsafe file name', () => {
  const doc = brokenManifest((m) => { m.datasets[0] = { file: 'alblasserdam-jeugd.json', region: 'alblasserdam', theme: 'jeugd' }; });
  assertRejected(validateManifest, doc, '/datasets/0', 'required');
  assertRejected(validateManifest, doc, '/datasets/0', 'additionalProperties');
  assertRejected(validateManifest, brokenManifest((m) => { m.datasets[0].file = '../geheim.json'; }), '/datasets/0/file', 'pattern');
  assertRejected(validateManifest, brokenManifest((m) => { m.datasets[0].file = 'https://example.org/a.json'; }), '/datasets/0/file', 'pattern');
});

test('tests/fixtures files the Rust decoder rejects are rejected', () => {
  assertRejected(validateDataset, readJson(new URL('geheim-with-number.json', fixtureDir)), '/tables/0/values/4/value', 'type');
  assertRejected(validateDataset, readJson(new URL('wrong-types.json', fixtureDir)), '/tables/0/pillar', 'enum');
});

test('accepts wijken, buurten and a provisional period (issue 15)', () => {
  const m = minimalManifest();
  m.areas.push({ code: 'WK050501', name: 'Binnenstad', short: 'B', kind: 'wijk' });
  m.areas.push({ code: 'BU05050101', name: 'Oud-Dordrecht', short: 'OD', kind: 'buurt' });
  assertValid(validateManifest, m, 'manifest with a wijk and a buurt');
  const d = minimalDataset();
  d.tables[0].periods[0].provisional = true;
  assertValid(validateDataset, d, 'dataset with a provisional period');
  assertRejected(validateManifest, brokenManifest((x) => { x.areas[0].kind = 'stadsdeel'; }), '/areas/0/kind', 'enum');
});

// (d) Statements from the running text (issue 14).

test('a statement with its quote and place is accepted; without a quote it is rejected', () => {
  const statement = {
    id: 'jeugd-test-uitspraak',
    theme: 'jeugd',
    pillar: 'ervaringen',
    label: 'gemiddeld rapportcijfer',
    area: 'GM0505',
    period: { id: '2015', label: 'eind 2015' },
    unit: 'score',
    kind: 'score',
    decimals: 1,
    value: 6.0,
    quote: 'Het gemiddelde rapportcijfer dat men geeft is een 6,0.',
    place: { seed: '001', section: 'Jeugdhulp' },
  };
  const doc = minimalDataset();
  doc.statements = [statement];
  assertValid(validateDataset, doc, 'a dataset with a statement');
  const { quote, ...withoutQuote } = statement;
  assert.ok(quote);
  doc.statements = [withoutQuote];
  assertRejected(validateDataset, doc, '/statements/0', 'required');
  doc.statements = [{ ...statement, nature: 'wens' }];
  assertRejected(validateDataset, doc, '/statements/0/nature', 'enum');
});

test('a region split per table (issue 25): the national fixture validates; tables and home have their types', async () => {
  const { mkdtempSync, cpSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { writeNational } = await import('../../scripts/national-fixture.mjs');
  const dir = mkdtempSync(join(tmpdir(), 'msd-schema-nationaal-'));
  try {
    cpSync(new URL('../../public/data', import.meta.url).pathname, join(dir, 'data'), { recursive: true });
    cpSync(new URL('../../public/config.json', import.meta.url).pathname, join(dir, 'config.json'));
    writeNational(dir);
    const manifest = JSON.parse(readFileSync(join(dir, 'data/manifest.json'), 'utf8'));
    assertValid(validateManifest, manifest, 'the national manifest');
    const split = manifest.datasets.filter((d) => d.region === 'nederland');
    assert.equal(split.length, 16);
    for (const d of split.slice(0, 3)) assertValid(validateDataset, JSON.parse(readFileSync(join(dir, 'data', d.file), 'utf8')), d.file);
    const i = manifest.datasets.indexOf(split[0]);
    assertRejected(validateManifest, { ...manifest, datasets: manifest.datasets.map((d, k) => (k === i ? { ...d, tables: 'jeugd-a' } : d)) }, `/datasets/${i}/tables`, 'type');
    assertRejected(validateManifest, { ...manifest, datasets: manifest.datasets.map((d, k) => (k === i ? { ...d, home: 'ja' } : d)) }, `/datasets/${i}/home`, 'type');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
