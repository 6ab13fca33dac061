// Issue 13: answers at a glance. Theme dashboards draw a chart per indicator, the map view
// draws (and its bundle and boundaries load only then), the compare page draws charts, no page
// type is wider than a 320 px screen, axe-core finds nothing on the new views, and a headline
// figure is never 0, geheim or n.b.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, newPage, withScreenshot, axeViolations, chartsPainted, seriesPainted, waitForSeries, settled } from './harness.mjs';

let srv, browser;
before(async () => { srv = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); srv?.server.close(); });

const DASHBOARDS = {
  jeugd: '?pagina=thema&thema=jeugd&gemeente=GM0642',
  participatie: '?pagina=thema&thema=participatie',
  wmo: '?pagina=thema&thema=wmo&gemeente=GM0482',
  samenloop: '?pagina=thema&thema=samenloop',
  'ridderkerk participatie': '?regio=ridderkerk&pagina=thema&thema=participatie',
};

for (const [name, query] of Object.entries(DASHBOARDS)) {
  test(`theme dashboard ${name}: a card per indicator, each with a chart that draws`, async () => {
    const page = await newPage(browser, [srv.origin], { width: 1280, height: 900 });
    await withScreenshot(page, `dashboard-${name}`, async () => {
      await page.goto(`${srv.base}${query}`);
      await page.waitForSelector('.kaart');
      const cards = await page.$$eval('.kaart', (els) => els.length);
      const withChart = await page.$$eval('.kaart .grafiek', (els) => els.length);
      assert.ok(cards >= 2, `${cards} cards`);
      assert.equal(withChart, cards, 'every indicator card has a chart');
      await chartsPainted(page, '.kaart .grafiek');
      const painted = await seriesPainted(page, '.kaart .grafiek');
      assert.ok(painted.every(Boolean), `painted: ${painted}`);
      // A figure, a link to the full view, and no comparison by colour alone.
      for (const text of await page.$$eval('.kaart .vergelijking', (els) => els.map((e) => e.textContent))) {
        assert.match(text, /^[▲▼=](hoger|lager|gelijk)/, text);
      }
      assert.ok(await page.$$eval('.kaart h3 a[href*="/cijfer-"]', (els) => els.length) === cards);
      assert.deepEqual(page.log.errors, []);
      assert.deepEqual(page.log.foreign, []);
    });
    await page.close();
  });
}

test('the chosen gemeente is highlighted on the dashboard and in the indicator table', async () => {
  const page = await newPage(browser, [srv.origin]);
  await withScreenshot(page, 'highlight', async () => {
    await page.goto(`${srv.base}?pagina=indicator&indicator=jeugd-jongeren-in-jeugdzorg&gemeente=GM0642&weergave=tabel`);
    await page.waitForSelector('table.cijfers tr.gekozen');
    assert.equal(await page.textContent('table.cijfers tr.gekozen th'), 'Zwijndrecht');
    assert.equal(await page.getAttribute('table.cijfers tr.gekozen', 'aria-current'), 'true');
    assert.equal(await page.$$eval('table.cijfers tr.gekozen', (r) => r.length), 1);
    assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('tr.gekozen th')).fontWeight), '700');
  });
  await page.close();
});

test('the map view draws the region\'s gemeenten, with legend and credit, loaded only when opened', async () => {
  const page = await newPage(browser, [srv.origin], { width: 360, height: 780 });
  await withScreenshot(page, 'kaart', async () => {
    await page.goto(`${srv.base}?pagina=indicator&indicator=jeugd-jongeren-in-jeugdzorg&gemeente=GM0642`);
    await chartsPainted(page, '.grafiek-kader .grafiek');
    assert.ok(!page.log.requests.some((u) => /\/geo\//.test(u)), 'no boundaries before a map is opened');
    await page.click('nav.weergave >> text=Kaart');
    await page.waitForURL(/weergave=kaart/);
    // The map (src/ui/map.rs) has no painted mark: wait for its areas' colours.
    await waitForSeries(page, '.kaart-kader .grafiek');
    const painted = await seriesPainted(page, '.kaart-kader .grafiek');
    assert.deepEqual(painted, [true]);
    assert.ok(page.log.requests.some((u) => /\/geo\/grenzen-\d{4}\.json$/.test(u)));
    const legend = await page.$$eval('.kaart-legenda li', (els) => els.map((e) => e.textContent));
    assert.ok(legend.length >= 3, legend.join(' | '));
    assert.ok(legend.some((l) => l.includes('Zwijndrecht')), 'the chosen gemeente has a legend entry');
    assert.match(await page.textContent('.kaart-kader'), /CBS, Kadaster/);
    // The table stays as the accessible alternative.
    assert.ok(await page.$('table.cijfers'));
    assert.deepEqual(page.log.errors, []);
    assert.deepEqual(page.log.foreign, []);
  });
  await page.close();
});

test('the compare page draws a chart per indicator', async () => {
  const page = await newPage(browser, [srv.origin]);
  await withScreenshot(page, 'vergelijken-grafieken', async () => {
    await page.goto(`${srv.base}?pagina=vergelijk&gemeenten=GM0505,GM0642`);
    await page.waitForSelector('.klein-veelvoud');
    await chartsPainted(page, '.klein-veelvoud .grafiek');
    const painted = await seriesPainted(page, '.klein-veelvoud .grafiek');
    assert.ok(painted.length >= 5 && painted.every(Boolean), `painted: ${painted}`);
    const headers = await page.$$eval('th, h3', (els) => els.map((e) => e.textContent));
    assert.ok(!headers.some((h) => /\(%\)\s*\(%\)|\(per 1\.000\)\s*\(per 1\.000\)/.test(h)), 'units once');
    assert.deepEqual(page.log.errors, []);
  });
  await page.close();
});

const NARROW = {
  home: '',
  thema: '?pagina=thema&thema=jeugd&gemeente=GM0642',
  'thema participatie': '?pagina=thema&thema=participatie',
  indicator: '?pagina=indicator&indicator=jeugd-jongeren-in-jeugdzorg&gemeente=GM0642',
  're-integratievoorzieningen': '?pagina=indicator&indicator=participatie-reintegratievoorzieningen-2016-h1',
  're-integratievoorzieningen tabel': '?pagina=indicator&indicator=participatie-reintegratievoorzieningen-2016-h1&weergave=tabel',
  kaart: '?pagina=indicator&indicator=jeugd-jongeren-in-jeugdzorg&weergave=kaart',
  budget: '?regio=ridderkerk&pagina=indicator&indicator=participatie-ridderkerk-buig-budget',
  gemeenteprofiel: '?pagina=gemeente&gemeente=GM0642',
  vergelijken: '?pagina=vergelijk&gemeenten=GM0505,GM0642',
  zoeken: '?pagina=zoeken&zoek=bijstand',
  datacheck: '?pagina=datacheck',
};

test('no page type is wider than a 320 px screen', async () => {
  const page = await newPage(browser, [srv.origin], { width: 320, height: 700 });
  const wide = [];
  for (const [name, query] of Object.entries(NARROW)) {
    await page.goto(`${srv.base}${query}`);
    await page.waitForSelector('main h1, main h2');
    await settled(page);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > 320) wide.push(`${name}: ${width}px`);
  }
  assert.deepEqual(wide, []);
  await page.close();
});

for (const [name, query] of Object.entries({
  dashboard: '?pagina=thema&thema=jeugd&gemeente=GM0642',
  'dashboard budget': '?regio=ridderkerk&pagina=thema&thema=participatie',
  kaart: '?pagina=indicator&indicator=jeugd-jongeren-in-jeugdzorg&gemeente=GM0642&weergave=kaart',
  vergelijken: '?pagina=vergelijk&gemeenten=GM0505,GM0642',
  'home met gemeente': '?gemeente=GM0482',
})) {
  for (const viewport of [{ width: 320, height: 700 }, { width: 1280, height: 900 }]) {
    test(`axe-core: 0 violations on ${name} at ${viewport.width} px`, async () => {
      const page = await newPage(browser, [srv.origin], viewport);
      await page.goto(`${srv.base}${query}`);
      await page.waitForSelector('main h1');
      await settled(page);
      assert.deepEqual(await axeViolations(page, srv.origin), []);
      await page.close();
    });
  }
}

test('a headline figure is never 0, geheim or n.b., for any region and gemeente', async () => {
  const page = await newPage(browser, [srv.origin]);
  const manifest = await (await fetch(`${srv.base}data/manifest.json`)).json();
  const bad = [];
  for (const region of manifest.regions) {
    for (const g of [null, ...region.gemeenten]) {
      await page.goto(`${srv.base}?regio=${region.id}${g ? `&gemeente=${g}` : ''}`);
      await page.waitForSelector('.kerncijfers .kerncijfer .waarde');
      for (const v of await page.$$eval('.kerncijfer .waarde', (els) => els.map((e) => e.textContent.trim()))) {
        if (/^(€\s*)?[0,.]+%?$|geheim|n\.b\.|^—$|n\.v\.t\./.test(v)) bad.push(`${region.id} ${g}: ${v}`);
      }
    }
  }
  assert.deepEqual(bad, []);
  await page.close();
});
