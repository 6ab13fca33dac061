// Issue 11: the data store. Clicking around an indicator — four gemeenten one after another,
// Tabel and back to Grafiek, the theme and Back — fetches each data file at most once, keeps
// one chart instance while the gemeente changes, and updates the page in place.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, newPage, withScreenshot } from './harness.mjs';

let srv, browser;
before(async () => { srv = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); srv?.server.close(); });

const dataFiles = (log) => log.requests.filter((u) => /\/data\/[^/]+\.json(\?|$)/.test(u)).map((u) => new URL(u).pathname);

test('clicking around an indicator requests each data file once', async () => {
  const page = await newPage(browser, [srv.origin]);
  await withScreenshot(page, 'store-no-refetch', async () => {
    await page.goto(`${srv.base}?pagina=indicator&indicator=jeugd-jongeren-in-jeugdzorg`);
    await page.waitForSelector('nav.gemeente-keuze');
    await page.waitForFunction(() => document.querySelector('.grafiek canvas'));
    // Mark the chart's container, to see that the same instance is kept.
    await page.evaluate(() => { document.querySelector('.grafiek').dataset.merk = 'eerste'; });
    const names = ['Zwijndrecht', 'Dordrecht', 'Papendrecht', 'Sliedrecht'];
    for (const name of names) {
      await page.click(`nav.gemeente-keuze >> text=${name}`);
      await page.waitForFunction((n) => document.querySelector('nav.gemeente-keuze [aria-current="true"]')?.textContent === n, name);
      assert.equal(await page.locator('.laden').count(), 0, 'no loading state for data that is already there');
      assert.equal(await page.evaluate(() => document.querySelector('.grafiek')?.dataset.merk), 'eerste', 'the chart instance is kept');
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
