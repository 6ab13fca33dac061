// Chart craft on measured boxes (issue 21); the native half is tests/chart_craft.rs.
//
// - Legends never overlap: at 320 and 1280 px every legend entry's box (icon and text, as
//   ECharts laid it out) is clear of every other entry, inside the chart, and above the plot.
// - Value-axis labels never collide: the budget chart at 375 px read "0 30 mln60 mln90 mln".
// - Dark mode: an embed for a reader who prefers dark draws every text colour the option sets
//   (the chosen gemeente, Nederland, *geheim*, the 100 % line's label) at 4,5:1 or more on the
//   embed's background.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startServer, launch, withScreenshot, chartsPainted, frames, watchCharts, DIST } from './harness.mjs';

let srv, browser;
before(async () => { srv = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); srv?.server.close(); });

/** The region of each bundled table, from dist/data/. */
function regionOf(id) {
  const manifest = JSON.parse(readFileSync(resolve(DIST, 'data/manifest.json'), 'utf8'));
  for (const d of manifest.datasets) {
    const data = JSON.parse(readFileSync(resolve(DIST, 'data', d.file), 'utf8'));
    if ((data.tables || []).some((t) => t.id === id)) return d.region;
  }
  throw new Error(`no table ${id}`);
}
const link = (id, extra = '') => `?regio=${regionOf(id)}&pagina=indicator&indicator=${encodeURIComponent(id)}${extra}`;

/** Tables whose charts have a legend: the widest (51 columns), stacked shares, lines, a budget. */
const LEGENDS = ['wmo-actieve-wmo-indicaties', 'participatie-uitstroom-bijstand-per-gemeente-2016',
  'participatie-reintegratievoorzieningen-2016-h1', 'participatie-drentscheaa-prognose-aantallen',
  'participatie-ridderkerk-buig-budget', 'jeugd-stapeling-in-jeugdzorg'];

async function open(options, query) {
  const context = await browser.newContext({ locale: 'nl-NL', ...options });
  await context.addInitScript(watchCharts);
  const page = await context.newPage();
  await page.goto(srv.base + query);
  await chartsPainted(page);
  await frames(page, 4); // the legend and labels laid out after the paint
  return { page, context };
}

/** Boxes (page px) of legend entries, value-axis labels and the plots of the first chart. */
function measure() {
  const el = document.querySelector('.grafiek');
  const inst = el.__msdChart;
  const box = (e) => {
    const r = e.getBoundingRect().clone();
    r.applyTransform(e.getComputedTransform());
    return { x: r.x, y: r.y, w: r.width, h: r.height };
  };
  const views = inst._componentsViews.filter(Boolean);
  const legend = [];
  for (const v of views.filter((x) => x.type && x.type.startsWith('legend'))) {
    const content = v._contentGroup || v.group;
    content.eachChild((item) => { if (!item.ignore) legend.push({ ...box(item), name: item.__legendDataIndex ?? '' }); });
  }
  const axes = [];
  for (const v of views.filter((x) => x.type && /^[xy]Axis/.test(x.type))) {
    const labels = [];
    v.group.traverse((e) => {
      if (e.type === 'text' && !e.ignore && !e.invisible && String(e.anid || '').startsWith('label_')) {
        labels.push({ ...box(e), text: e.style.text });
      }
    });
    if (v.__model?.get('type') === 'value') axes.push(labels);
  }
  const plots = inst.getModel().findComponents({ mainType: 'grid' }).map((g) => {
    const r = g.coordinateSystem.getRect();
    return { x: r.x, y: r.y, w: r.width, h: r.height };
  });
  return { legend, axes, plots, width: el.clientWidth };
}

const overlap = (a, b) => a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5;

for (const width of [320, 1280]) {
  for (const id of LEGENDS) {
    test(`legend entries of ${id} never overlap at ${width} px`, async () => {
      const { page, context } = await open({ viewport: { width, height: 900 } }, link(id));
      await withScreenshot(page, `craft-legend-${id}-${width}`, async () => {
        const m = await page.evaluate(measure);
        assert.ok(m.legend.length >= 2, `${id}: a legend (${m.legend.length} entries)`);
        for (let i = 0; i < m.legend.length; i += 1) {
          const a = m.legend[i];
          assert.ok(a.x >= -0.5 && a.x + a.w <= m.width + 0.5, `${id}: entry ${i} inside the chart (${JSON.stringify(a)}, ${m.width})`);
          for (let j = i + 1; j < m.legend.length; j += 1) {
            assert.ok(!overlap(a, m.legend[j]), `${id}: entries ${i} and ${j} overlap: ${JSON.stringify([a, m.legend[j]])}`);
          }
          for (const p of m.plots) assert.ok(a.y + a.h <= p.y + 0.5, `${id}: entry ${i} over the plot`);
        }
        // No more than one empty row's worth of room between the legend and the first plot.
        const bottom = Math.max(...m.legend.map((b) => b.y + b.h));
        const first = Math.min(...m.plots.map((p) => p.y));
        assert.ok(first - bottom < 60, `${id}: ${first - bottom} px between legend and plot`);
      });
      await context.close();
    });
  }
}

for (const width of [320, 375, 1280]) {
  test(`value-axis labels of the budget chart never collide at ${width} px`, async () => {
    const { page, context } = await open({ viewport: { width, height: 900 } }, link('participatie-ridderkerk-buig-budget'));
    await withScreenshot(page, `craft-axis-${width}`, async () => {
      const m = await page.evaluate(measure);
      assert.ok(m.axes.length >= 2, 'value axes found');
      for (const labels of m.axes) {
        assert.ok(labels.length >= 2, `at least two labels: ${JSON.stringify(labels)}`);
        for (let i = 0; i < labels.length; i += 1) {
          for (let j = i + 1; j < labels.length; j += 1) {
            const [a, b] = [labels[i], labels[j]];
            // 4 px apart at least, so "30 mln60 mln" cannot happen.
            const apart = { ...a, x: a.x - 4, w: a.w + 8 };
            assert.ok(!overlap(apart, b), `"${a.text}" and "${b.text}" collide: ${JSON.stringify(labels)}`);
          }
        }
      }
    });
    await context.close();
  });
}

/** Every colour the drawn option gives a text, with where it is. */
function textColours() {
  const inst = document.querySelector('.grafiek').__msdChart;
  const found = [];
  const TEXT = new Set(['textStyle', 'label', 'axisLabel', 'nameTextStyle']);
  const walk = (node, path, text) => {
    if (node === null || typeof node !== 'object') return;
    for (const [k, v] of Object.entries(node)) {
      // A component that is not drawn (the tooltip is off) has no colours to read.
      if (v !== null && typeof v === 'object' && [].concat(v).every((c) => c && c.show === false)) continue;
      if (v !== null && typeof v === 'object') walk(v, `${path}.${k}`, text || TEXT.has(k));
      else if (text && k === 'color' && typeof v === 'string' && v.startsWith('#')) found.push({ path: `${path}.${k}`, color: v });
    }
  };
  walk(inst.getOption(), 'option', false);
  const paint = (e) => getComputedStyle(e).backgroundColor;
  const bg = [document.body, document.documentElement].map(paint).find((c) => !/rgba\(0, 0, 0, 0\)|transparent/.test(c)) || 'rgb(255, 255, 255)';
  return { found, bg };
}

function hex(rgb) {
  if (rgb.startsWith('#')) return rgb.length === 4 ? `#${[...rgb.slice(1)].map((c) => c + c).join('')}` : rgb.slice(0, 7);
  const [r, g, b] = rgb.match(/\d+/g).map(Number);
  return `#${[r, g, b].map((n) => n.toString(16).padStart(2, '0')).join('')}`;
}
function contrast(a, b) {
  const lum = (h) => {
    const [r, g, bl] = [1, 3, 5].map((i) => Number.parseInt(h.slice(i, i + 2), 16) / 255)
      .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

for (const [id, extra] of [['jeugd-jongeren-in-jeugdzorg', '&gemeente=GM0642'], ['jeugd-stapeling-in-jeugdzorg', '&gemeente=GM0642'],
  ['participatie-ridderkerk-buig-budget', '']]) {
  test(`dark embed of ${id}: every text colour at 4,5:1 or more`, async () => {
    const { page, context } = await open({ viewport: { width: 600, height: 900 }, colorScheme: 'dark' }, link(id, `${extra}&embed=1`));
    await withScreenshot(page, `craft-dark-${id}`, async () => {
      const { found, bg } = await page.evaluate(textColours);
      const background = hex(bg);
      assert.equal(background, '#0d1117', 'the dark embed background');
      assert.ok(found.length > 0, 'the option sets text colours');
      for (const { path, color } of found) {
        const ratio = contrast(hex(color), background);
        assert.ok(ratio >= 4.5, `${path} ${color} is ${ratio.toFixed(2)}:1 on ${background}`);
      }
    });
    await context.close();
  });
}
