// Issue 4: text from data or configuration is always rendered as text, never as HTML. Data
// whose strings hold <script> and <img onerror> probes must show them literally and run nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startServer, launch, newPage, withScreenshot, chartsPainted, DIST } from './harness.mjs';

const PROBES = [
  '<script>window.__xss = 1</script>',
  '<img src=x onerror="window.__xss = 2">',
  '"><svg onload="window.__xss = 3">',
];

let srv, browser;
before(async () => { srv = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); srv?.server.close(); });

test('hostile strings in data and manifest are shown as text and run nothing', async () => {
  const page = await newPage(browser, [srv.origin]);
  await withScreenshot(page, 'hostile-strings', async () => {
    let dialogs = 0;
    page.on('dialog', async (d) => { dialogs += 1; await d.dismiss(); });
    const manifest = JSON.parse(readFileSync(resolve(DIST, 'data/manifest.json'), 'utf8'));
    manifest.areas.find((a) => a.code === 'GM0642').name = `Zwijndrecht ${PROBES[1]}`;
    manifest.regions[0].name = `Drechtsteden ${PROBES[2]}`;
    const data = JSON.parse(readFileSync(resolve(DIST, 'data/drechtsteden-jeugd.json'), 'utf8'));
    const t = data.tables.find((x) => x.id === 'jeugd-jongeren-in-jeugdzorg');
    t.title = `Jeugdzorg ${PROBES[0]}`;
    t.note = `Toelichting ${PROBES[1]}`;
    t.source.text = `Bron ${PROBES[2]}`;
    t.measures[0].label = `jeugdhulp ${PROBES[0]}`;
    await page.route('**/data/manifest.json', (r) => r.fulfill({ contentType: 'application/json', body: JSON.stringify(manifest) }));
    await page.route('**/data/drechtsteden-jeugd.json', (r) => r.fulfill({ contentType: 'application/json', body: JSON.stringify(data) }));
    await page.goto(`${srv.base}?pagina=indicator&indicator=jeugd-jongeren-in-jeugdzorg`);
    await page.waitForSelector('table.cijfers');
    // Everything drawn from the data is on the page, the chart included.
    await chartsPainted(page);
    const main = await page.textContent('body');
    for (const probe of PROBES) assert.ok(main.includes(probe), `shown literally: ${probe}`);
    assert.equal(await page.evaluate(() => window.__xss), undefined, 'no probe ran');
    assert.equal(await page.locator('main img, main svg, main script').count(), 0, 'no element was created from data');
    assert.equal(dialogs, 0);
    assert.deepEqual(page.log.foreign, [], 'the probe URLs were not requested from elsewhere');
  });
});
