// Issue 3: the monitor served from a nested sub-folder shows the first real table of the
// Monitor 3D as a chart and an accessible table, with its marks, and talks to no other host.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, launch, newPage, withScreenshot, tableRows, chartsPainted, seriesPainted, SERIES_COLOURS, MAP_COLOURS, ROOT } from './harness.mjs';

// Jongeren in jeugdzorg, 1e halfjaar 2016 (%), as printed in seed 001 (lines 436-442):
// Alblasserdam Dordrecht H-I-Ambacht Papendrecht Sliedrecht Zwijndrecht Nederland.
const PUBLISHED = {
  jeugdhulp: ['8,8', '9,7', '8,7', '8,7', '9,6', '10,7', '8,2'],
  'met verblijf': ['0,8', '1,4', '0,8', '0,9', '0,9', '1,1', '1,1'],
  jeugdbescherming: ['0,6', '1,1', '0,6', '1,0', '0,9', '1,0', '1,0'],
  jeugdreclassering: ['-', '0,5', '-', '0,3', '0,3', '0,3', '0,4'],
};
const AREAS = ['Alblasserdam', 'Dordrecht', 'Hendrik-Ido-Ambacht', 'Papendrecht', 'Sliedrecht', 'Zwijndrecht', 'Nederland'];
const CAPTION = 'Jongeren in jeugdzorg, 1e halfjaar 2016 (%)';

let srv, browser;
before(async () => { srv = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); srv?.server.close(); });

test('the first slice: chart and table with the published figures, marks and note', async () => {
  const page = await newPage(browser, [srv.origin]);
  await withScreenshot(page, 'first-slice', async () => {
    await page.goto(`${srv.base}?pagina=indicator&indicator=jeugd-jongeren-in-jeugdzorg`);
    await page.waitForSelector('table.cijfers');
    const rows = await tableRows(page, CAPTION);
    assert.ok(rows, 'the table with the caption is on the page');
    assert.deepEqual(rows.map((r) => r[0]), AREAS);
    Object.values(PUBLISHED).forEach((printed, col) => {
      rows.forEach((row, i) => {
        const expected = printed[i] === '-' ? 'geheim' : `${printed[i]}%`;
        assert.equal(row[col + 1], expected, `${AREAS[i]}, column ${col + 1}`);
      });
    });
    const text = await page.textContent('main');
    assert.match(text, /Voorlopige cijfers/);
    assert.match(text, /Bron: gemeentelijke monitor Sociaal Domein/);
    assert.match(text, /Toelichting: % van alle jongeren tot 18 jaar/);
    await chartsPainted(page);
    assert.deepEqual(await seriesPainted(page), [true], 'the chart\'s series are drawn');
    assert.deepEqual(page.log.errors, [], 'no console errors');
    assert.deepEqual(page.log.foreign, [], 'no request to another origin');
    assert.equal(await page.locator('.fout').count(), 0, 'no error or config message on the page');
  });
});

test('view state lives in the address (the baked page and a query): a link, a reload and back restore the view', async () => {
  const page = await newPage(browser, [srv.origin]);
  await withScreenshot(page, 'query-state', async () => {
    await page.goto(`${srv.base}?pagina=indicator&indicator=jeugd-jongeren-in-jeugdzorg`);
    await page.click('nav.weergave >> text=Tabel');
    await page.waitForURL(/weergave=tabel/);
    assert.equal(await page.locator('.grafiek').count(), 0, 'table view shows no chart');
    await page.reload();
    await page.waitForSelector('table.cijfers');
    assert.equal(await page.locator('.grafiek').count(), 0, 'still the table view after reload');
    assert.equal(await page.getAttribute('nav.weergave a[aria-current]', 'href'), 'drechtsteden/cijfer-jeugd-jongeren-in-jeugdzorg.html?weergave=tabel');
    assert.equal(page.url(), `${srv.base}drechtsteden/cijfer-jeugd-jongeren-in-jeugdzorg.html?weergave=tabel`);
    await page.goBack();
    await page.waitForSelector('.grafiek');
    assert.deepEqual(page.log.errors, []);
  });
});

test('navigating back and forth leaks no chart instances', async () => {
  const page = await newPage(browser, [srv.origin]);
  await withScreenshot(page, 'no-leaks', async () => {
    await page.goto(`${srv.base}?pagina=indicator&indicator=jeugd-jongeren-in-jeugdzorg`);
    await page.waitForSelector('.grafiek canvas');
    for (let i = 0; i < 5; i += 1) {
      await page.click('nav.weergave >> text=Tabel');
      await page.waitForSelector('.grafiek', { state: 'detached' });
      await page.click('nav.weergave >> text=Grafiek');
      await page.waitForSelector('.grafiek canvas');
    }
    assert.equal(await page.evaluate(() => window.msdCharts.liveCount()), 1);
  });
});

test('a failed data request shows a Dutch message with a retry, not a blank page', async () => {
  const page = await newPage(browser, [srv.origin]);
  await withScreenshot(page, 'failed-load', async () => {
    let fail = true;
    await page.route('**/data/manifest.json', (route) => (fail ? route.fulfill({ status: 404, body: 'nee' }) : route.continue()));
    await page.goto(srv.base);
    await page.waitForSelector('[role=alert]');
    assert.match(await page.textContent('[role=alert]'), /manifest\.json kon niet worden geladen.*404/s);
    fail = false;
    await page.click('text=Opnieuw proberen');
    await page.waitForSelector('main h1');
    assert.match(await page.textContent('main h1'), /Monitor Sociaal Domein/);
  });
});

test('a broken data file names the file, the place and the problem', async () => {
  const page = await newPage(browser, [srv.origin]);
  await withScreenshot(page, 'broken-data', async () => {
    await page.route('**/data/drechtsteden-jeugd.json', (route) => route.fulfill({
      status: 200, contentType: 'application/json', body: '{"format": 1, "region": "drechtsteden", "theme": "jeugd", "tables": [',
    }));
    await page.goto(`${srv.base}?pagina=indicator&indicator=jeugd-jongeren-in-jeugdzorg`);
    // Issue 15: a file that is not valid data is named in the notice for the administrator
    // (retrying cannot help); the rest of the site keeps working.
    await page.waitForSelector('.beheerder');
    const text = await page.textContent('.beheerder');
    assert.match(text, /drechtsteden-jeugd\.json: het hele bestand is overgeslagen/);
    assert.match(text, /regel 1, kolom \d+/);
    assert.match(text, /houdt onverwacht op/);
  });
});

/** The hex colours of the constant `name` (a string or an array of strings) anywhere in src/core. */
function rustColours(name) {
  const found = [];
  (function walk(dir) {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path);
      else if (e.name.endsWith('.rs')) {
        const m = readFileSync(path, 'utf8').match(new RegExp(`const ${name}: [^=]+=\\s*([^;]+);`));
        if (m) found.push(...m[1].match(/#[0-9a-fA-F]{6}/g).map((c) => c.toLowerCase()));
      }
    }
  })(join(ROOT, 'src/core'));
  return found;
}

test('the harness knows the series colours the app draws with', () => {
  for (const name of ['PALETTE', 'BAR', 'TEKORT', 'OVERSCHOT']) {
    const colours = rustColours(name);
    assert.ok(colours.length > 0, `${name} found in src/core`);
    for (const c of colours) assert.ok(SERIES_COLOURS.includes(c), `${name} ${c} is in SERIES_COLOURS of harness.mjs`);
  }
  assert.deepEqual(rustColours('CLASS_COLOURS'), MAP_COLOURS);
});

test('a chart with only axes and legend does not count as drawn', async () => {
  const page = await newPage(browser, [srv.origin]);
  await withScreenshot(page, 'series-not-drawn', async () => {
    await page.goto(`${srv.base}?pagina=indicator&indicator=jeugd-jongeren-in-jeugdzorg`);
    await chartsPainted(page);
    assert.deepEqual(await seriesPainted(page), [true]);
    // The same chart with its series emptied: axes and legend (icons in the series colours) stay.
    const legendInk = await page.evaluate((first) => {
      const chart = document.querySelector('.grafiek').__msdChart;
      chart.setOption({ animation: false, series: chart.getOption().series.map((x) => ({ ...x, data: x.data.map(() => null) })) });
      const c = document.querySelector('.grafiek canvas');
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(first.slice(i, i + 2), 16));
      let n = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i] === r && d[i + 1] === g && d[i + 2] === b) n += 1;
      return n;
    }, SERIES_COLOURS[0]);
    assert.ok(legendInk > 0, 'the legend still shows the first series colour');
    assert.deepEqual(await seriesPainted(page), [false]);
  });
});

const LINES = '?regio=drentscheaa&pagina=indicator&indicator=participatie-drentscheaa-prognose-aantallen';

test('a line chart reached within the app draws its lines', async () => {
  const page = await newPage(browser, [srv.origin]);
  await withScreenshot(page, 'lines-in-app', async () => {
    await page.goto(`${srv.base}?regio=drentscheaa`);
    await chartsPainted(page);
    // The one-page navigation follows any ?… link in the page (src/ui/app.rs).
    await page.evaluate((href) => {
      const a = Object.assign(document.createElement('a'), { href, id: 'naar-lijnen', textContent: 'lijnen' });
      document.querySelector('main').append(a);
    }, LINES);
    await page.click('#naar-lijnen');
    await page.waitForFunction(() => location.search.includes('prognose-aantallen') && document.querySelector('h1')?.textContent.includes('Verwacht aantal'));
    await chartsPainted(page);
    assert.equal(await page.evaluate(() => document.querySelector('.grafiek').__msdChart.getOption().series[0].type), 'line');
    assert.deepEqual(await seriesPainted(page), [true], 'the lines are drawn');
    assert.deepEqual(page.log.errors, []);
  });
});

test('a line chart opened on a fresh load draws its lines', async () => {
  const page = await newPage(browser, [srv.origin]);
  await withScreenshot(page, 'lines-fresh', async () => {
    await page.goto(`${srv.base}${LINES}`);
    await chartsPainted(page);
    assert.equal(await page.evaluate(() => document.querySelector('.grafiek').__msdChart.getOption().series[0].type), 'line');
    assert.deepEqual(await seriesPainted(page), [true], 'the lines are drawn, not only the axes and legend');
  });
});
