// The headline mark (issue 13) in docs/schema/dataset.schema.json follows the decoder and
// src/core/check/headline.rs: a measure and one short sentence with only {waarde} and {gebied}.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';

const schema = JSON.parse(readFileSync(new URL('../../docs/schema/dataset.schema.json', import.meta.url), 'utf8'));
const validate = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true }).compile(schema);

function dataset(headline) {
  return {
    format: 1,
    region: 'drechtsteden',
    theme: 'jeugd',
    tables: [{
      id: 'jeugd-test', title: 'Testtabel', theme: 'jeugd', pillar: 'gebruik',
      source: { text: 'gemeentelijke monitor Sociaal Domein', seed: '001', section: 'Jeugdhulp' },
      provisional: false,
      periods: [{ id: '2016', label: '2016' }],
      measures: [{ id: 'a', label: 'a', unit: 'aantal', kind: 'count', decimals: 0 }],
      values: [{ measure: 'a', area: 'GM0482', period: '2016', value: 10 }],
      headline,
    }],
  };
}

test('a headline with a measure and a sentence with {waarde} and {gebied} is accepted; null too', () => {
  assert.ok(validate(dataset({ measure: 'a', sentence: 'In {gebied} waren het er {waarde}.' })));
  assert.ok(validate(dataset({ measure: 'a', category: null, sentence: 'Zonder plaatshouders.' })));
  assert.ok(validate(dataset(null)));
});

test('a headline without sentence, with other braces, too long or with unknown fields is rejected', () => {
  assert.equal(validate(dataset({ measure: 'a' })), false);
  assert.equal(validate(dataset({ measure: 'a', sentence: 'In {plaats} is het {waarde}.' })), false);
  assert.equal(validate(dataset({ measure: 'a', sentence: 'x'.repeat(241) })), false);
  assert.equal(validate(dataset({ measure: 'a', sentence: 'Goed.', extra: 1 })), false);
});
