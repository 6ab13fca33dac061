// Issue 11: the data store. Clicking around an indicator — four gemeenten one after another,
// Tabel and back to Grafiek, the theme and Back — fetches each data file at most once, keeps
// one chart instance while the gemeente changes, and updates the page in place. Chart instances
// are counted at msdCharts.init (harness.mjs wraps it): one per container, whatever is chosen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, newPage, withScreenshot, chartsPainted, seriesPainted, chartInits } from './harness.mjs';

let srv, browser;
before(async () => { srv = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); srv?.server.close(); });

const dataFiles = (log) => log.requests.filter((u) => /\/data\/[^/]+\.json(\?|$)/.test(u)).map((u) => new URL(u).pathname);

test('clicking around an indicator requests each data file once', async () => {
  const page = await newPage(browser, [srv.origin]);
  await withScreenshot(page, 'store-no-refetch', async () => {
    await page.goto(`${srv.base}?pagina=indicator&indicator=jeugd-jongeren-in-jeugdzorg`);
    await page.waitForSelector('nav.gemeente-keuze');
    await chartsPainted(page);
    assert.equal(await chartInits(page), 1, 'one chart instance');
    // Mark the chart's container, to see that the same container is kept.
    await page.evaluate(() => { document.querySelector('.grafiek').dataset.merk = 'eerste'; });
    const names = ['Zwijndrecht', 'Dordrecht', 'Papendrecht', 'Sliedrecht'];
    for (const name of names) {
      await page.click(`nav.gemeente-keuze >> text=${name}`);
      await page.waitForFunction((n) => document.querySelector('nav.gemeente-keuze [aria-current="true"]')?.textContent === n, name);
      assert.equal(await page.locator('.laden').count(), 0, 'no loading state for data that is already there');
      assert.equal(await page.evaluate(() => document.querySelector('.grafiek')?.dataset.merk), 'eerste', 'the chart container is kept');
      await chartsPainted(page);
      assert.equal(await chartInits(page), 1, `still one chart instance after choosing ${name}`);
    }
    await page.click('nav.weergave >> text=Tabel');
    await page.waitForURL(/weergave=tabel/);
    await page.waitForFunction(() => !document.querySelector('.grafiek'));
    await page.click('nav.weergave >> text=Grafiek');
    await page.waitForFunction(() => document.querySelector('.grafiek canvas'));
    await page.click('.kruimelpad a');
    await page.waitForSelector('h1:has-text("Jeugdhulp")');
    await page.goBack();
    await page.waitForSelector('.samenvatting');
    assert.equal(await page.textContent('nav.gemeente-keuze [aria-current="true"]'), 'Sliedrecht');
    const files = dataFiles(page.log);
    const repeated = files.filter((f, i) => files.indexOf(f) !== i);
    assert.deepEqual(repeated, [], `data files requested more than once: ${files.join(', ')}`);
    assert.ok(files.some((f) => f.endsWith('/data/drechtsteden-jeugd.json')), files.join(', '));
    assert.deepEqual(page.log.errors, []);
  });
});

test('one chart instance per container across period changes', async () => {
  const page = await newPage(browser, [srv.origin]);
  await withScreenshot(page, 'store-one-instance', async () => {
    // (No table has both a gemeente choice and a period choice; the gemeenten are the test above.)
    await page.goto(`${srv.base}?pagina=indicator&indicator=jeugd-jeugdhulpbudget-zhz`);
    await chartsPainted(page);
    assert.equal(await chartInits(page), 1, 'one chart instance on the indicator page');
    const periods = await page.$$eval('nav[aria-label="Periode"] a', (as) => as.map((a) => a.textContent));
    assert.ok(periods.length >= 3, `a period choice: ${periods.join(', ')}`);
    for (const label of [...periods.slice(1), periods[0]]) {
      await page.click(`nav[aria-label="Periode"] a:text-is("${label}")`);
      await page.waitForFunction((label) => document.querySelector('nav[aria-label="Periode"] [aria-current]')?.textContent === label, label);
      await chartsPainted(page);
      assert.deepEqual(await seriesPainted(page), [true], `the chart is drawn for ${label}`);
      assert.equal(await chartInits(page), 1, `msdCharts.init was called again for ${label}`);
    }
    assert.equal(await page.evaluate(() => window.msdCharts.liveCount()), 1);
    assert.deepEqual(page.log.errors, []);
  });
});
