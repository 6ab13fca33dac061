// Issue 25, "charts that scale": on the synthetic national region (342 gemeenten and Nederland,
// scripts/national-fixture.mjs in a copy of dist/), opened fresh by their links, no drawn chart
// holds more than 40 areas as bars or labels, the chosen gemeente is drawn and in bold; the
// indicator's table has all 343 rows, sorted, and its filter field narrows them; the theme page
// at 375 px is at most four screens tall. Logs the heights of home, theme and indicator at 375 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, newPage, withScreenshot, settled, FOLDER, nationalSite } from './harness.mjs';

let national, browser, site;
before(async () => {
  site = nationalSite();
  national = await startServer({ mounts: { [FOLDER]: site.dir } });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  national?.server.close();
  site?.remove();
});

const ZWIJNDRECHT = 'GM0642';
const PAGES = {
  home: `index.html?regio=nederland&gemeente=${ZWIJNDRECHT}`,
  thema: `index.html?regio=nederland&pagina=thema&thema=jeugd&gemeente=${ZWIJNDRECHT}`,
  indicator: `index.html?regio=nederland&pagina=indicator&indicator=jeugd-jongeren-met-jeugdhulp&gemeente=${ZWIJNDRECHT}`,
};

/** Per drawn chart: its category labels and the number of points of each series, from ECharts. */
function drawnCharts(page) {
  return page.evaluate(() => [...document.querySelectorAll('.grafiek:not(.kaart)')].map((el) => {
    const option = el.__msdChart?.getOption();
    if (!option) return null;
    const category = [...(option.yAxis || []), ...(option.xAxis || [])].find((a) => a.type === 'category');
    const labels = (category?.data || []).map((d) => (typeof d === 'string' ? { text: d } : { text: String(d.value), bold: d.textStyle?.fontWeight === 'bold' }));
    return { labels, points: (option.series || []).map((s) => (s.data || []).length), aria: el.getAttribute('aria-label') || '' };
  }));
}

async function open(width, name) {
  const page = await newPage(browser, [national.origin], { width, height: 812 });
  await page.goto(`${national.base}${PAGES[name]}`);
  await settled(page, 60000);
  return page;
}

test('no chart on home, theme or indicator draws more than 40 areas; Zwijndrecht is drawn in bold', async () => {
  for (const name of Object.keys(PAGES)) {
    const page = await open(1280, name);
    await withScreenshot(page, `nationaal-${name}`, async () => {
      const charts = await drawnCharts(page);
      assert.ok(charts.length > 0, `${name}: charts drawn`);
      for (const c of charts) {
        assert.ok(c, `${name}: every chart has an ECharts instance`);
        assert.ok(c.labels.length <= 40, `${name}: ${c.labels.length} labels`);
        for (const n of c.points) assert.ok(n <= 40, `${name}: ${n} points in a series`);
        assert.ok(c.labels.some((l) => l.text.startsWith('Zwijndrecht') && l.bold), `${name}: Zwijndrecht drawn in bold`);
      }
      // Text alternatives summarise, never enumerate.
      const longest = await page.evaluate(() => Math.max(...[...document.querySelectorAll('[aria-label]')].map((e) => e.getAttribute('aria-label').length)));
      assert.ok(longest <= 600, `${name}: an aria-label of ${longest} characters`);
      assert.deepEqual(page.log.errors, []);
    });
    await page.context().close();
  }
});

test('the indicator table has all 343 rows, sorted and ranked, and the filter narrows them', async () => {
  const page = await open(1280, 'indicator');
  await withScreenshot(page, 'nationaal-tabel', async () => {
    assert.match(await page.textContent('p.samenvatting'), /De grafiek toont de 10 hoogste en 10 laagste van 342 gemeenten en Zwijndrecht.*Alle gemeenten staan in de tabel\./);
    const table = page.locator('article.indicator table.cijfers').first();
    assert.equal(await table.locator('tbody tr').count(), 343);
    assert.equal((await table.locator('tbody tr').first().locator('th').textContent()).trim(), 'Nederland');
    const ranks = await table.locator('tbody td.plaats').allTextContents();
    assert.equal(ranks[1], '1');
    const values = await table.evaluate((t) => [...t.tBodies[0].rows].slice(1).map((r) => r.cells[1].dataset.waarde));
    const numbers = values.map((v) => Number(v.replace('%', '').replace('.', '').replace(',', '.'))).filter((n) => !Number.isNaN(n));
    assert.ok(numbers.length > 330 && numbers.every((n, i) => i === 0 || numbers[i - 1] >= n), 'sorted from high to low');
    await page.getByLabel('Zoek een gemeente in de tabel').fill('zwijn');
    await page.waitForFunction(() => [...document.querySelectorAll('article.indicator table.cijfers tbody tr')].filter((r) => !r.hidden).length === 1);
    assert.equal((await table.locator('tbody tr:not([hidden]) th').textContent()).trim(), 'Zwijndrecht');
    assert.match(await page.textContent('.tabel-zoek-telling'), /1 van de 343 rijen/);
    await page.getByLabel('Zoek een gemeente in de tabel').fill('');
    await page.waitForFunction(() => [...document.querySelectorAll('article.indicator table.cijfers tbody tr')].every((r) => !r.hidden));
    assert.deepEqual(page.log.errors, []);
  });
  await page.context().close();
});

test('at 375 px the theme page is at most four screens tall', async () => {
  const heights = {};
  for (const name of Object.keys(PAGES)) {
    const page = await open(375, name);
    heights[name] = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.context().close();
  }
  console.log(`Heights at 375 px, national region: home ${heights.home} px, theme ${heights.thema} px, indicator ${heights.indicator} px`);
  assert.ok(heights.thema <= 4 * 812, `theme page ${heights.thema} px`);
});
