// The layout of downloaded chart images (scripts/echarts-export.js): every text wrapped to the
// image's width, every line its own box, and no two boxes overlapping (issue 16: the wrapped
// source line was drawn over itself). Widths come from a fixed-width stand-in for the browser's
// text measurement. Run with `node --test tests/js/`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { layout, wrap } from '../../scripts/echarts-export.js';

const measure = (text, style) => text.length * style.size * 0.6;
const long = 'Overgenomen uit: Monitor 3D – Drechtsteden: feiten, cijfers en duiding (Onderzoekcentrum Drechtsteden, 2017), '
  + 'Jeugdhulp › Gebruik › Jongeren in jeugdzorg naar gemeente en vorm van jeugdhulp in het eerste halfjaar van 2016, '
  + 'met een verwijzing naar de landelijke cijfers van het CBS en een woordzonderspatiesdatbijnaeindeloosdoorloopttotbuitendekaderrand'.repeat(2);
const spec = {
  titel: 'Jongeren in jeugdzorg, 1e halfjaar 2016 (%)',
  ondertitel: 'Cijfers: 1e halfjaar 2016',
  voet: ['Bron: gemeentelijke monitor Sociaal Domein', long, 'Licentie: CC BY 4.0', 'Adres: https://voorbeeld.nl/monitor/?pagina=indicator&indicator=jeugd-jongeren-in-jeugdzorg'],
  breedte: 480,
  grafiekhoogte: 300,
};

test('every line fits the width and no two text boxes overlap', () => {
  const plan = layout(spec, measure);
  assert.ok(plan.boxes.length > spec.voet.length + 2, 'the long line was wrapped');
  for (const b of plan.boxes) assert.ok(b.left + b.width <= spec.breedte - 16 + 0.001, `"${b.text}" is ${b.width} wide`);
  for (let i = 0; i < plan.boxes.length; i += 1) {
    for (let j = i + 1; j < plan.boxes.length; j += 1) {
      const [a, b] = [plan.boxes[i], plan.boxes[j]];
      assert.ok(a.top + a.height <= b.top || b.top + b.height <= a.top, `"${a.text}" overlaps "${b.text}"`);
    }
  }
});

test('the chart sits between the header and the footer, and the footer fits in the image', () => {
  const plan = layout(spec, measure);
  const above = plan.boxes.filter((b) => b.kind !== 'voet');
  const below = plan.boxes.filter((b) => b.kind === 'voet');
  assert.ok(above.every((b) => b.top + b.height <= plan.chartTop));
  assert.ok(below.every((b) => b.top >= plan.chartBottom));
  assert.ok(below.every((b) => b.top + b.height <= plan.height));
  assert.equal(plan.chartBottom - plan.chartTop, spec.grafiekhoogte);
  assert.equal(plan.height - plan.footer, plan.chartBottom);
});

test('wrap keeps every word and cuts only words wider than a line', () => {
  const style = { size: 10 };
  const lines = wrap('een twee drie vier vijf zes', 60, measure, style);
  assert.deepEqual(lines.join(' ').split(' '), ['een', 'twee', 'drie', 'vier', 'vijf', 'zes']);
  const cut = wrap('x'.repeat(50), 60, measure, style);
  assert.equal(cut.join(''), 'x'.repeat(50));
  assert.ok(cut.every((l) => measure(l, style) <= 60));
});
