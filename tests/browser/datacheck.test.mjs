// Issue 8: the data check page validates a dropped CSV or JSON file in the browser with the same
// WASM validator, lists every problem with row and column, and produces JSON the validator accepts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startServer, launch, newPage, withScreenshot, ROOT } from './harness.mjs';

const FIXTURES = resolve(ROOT, 'tests/fixtures/csv');
const EXPECTED = {
  'slecht-getal.csv': 'rij 20, kolom 2 (B): "8.8.8" is geen getal; gebruik een komma als decimaalteken (8,8) en een punt alleen tussen duizendtallen (1.490)',
  'onbekend-gebied.csv': 'rij 21, kolom 1 (A): onbekend gebied "Dordrect"; gebruik de CBS-code (zoals GM0482) of de naam zoals in manifest.json (zoals Alblasserdam); bedoelt u Dordrecht?',
  'geheim-met-getal.csv': 'rij 22, kolom 5 (E): "- 4": een geheime cel (-) mag geen getal bevatten; schrijf alleen - als het cijfer geheim is (0 tot en met 7, afgeschermd), of alleen het getal als het gepubliceerd is',
  'onbekende-eenheid.csv': 'rij 16, kolom 4 (D): onbekende eenheid "procenten"; kies aantal, %, €, per 1.000, score, jaar of maanden',
};

let srv, browser;
before(async () => { srv = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); srv?.server.close(); });

/** The card of a dropped file in the data check (issue 15: several files at once). */
const card = (file) => `.bestanden li:has(h3:has-text("${file}"))`;

test('broken CSV files get their exact Dutch problems with row and column', async () => {
  const page = await newPage(browser, [srv.origin]);
  await withScreenshot(page, 'datacheck-broken', async () => {
    await page.goto(`${srv.base}beheer.html?pagina=datacheck`);
    for (const [file, message] of Object.entries(EXPECTED)) {
      await page.setInputFiles('#bestand', resolve(FIXTURES, file));
      await page.waitForSelector(`${card(file)} ol.problemen`);
      const problems = await page.$$eval(`${card(file)} ol.problemen li`, (li) => li.map((x) => x.textContent));
      assert.ok(problems.includes(message), `${file}: ${problems.join(' | ')}`);
    }
    await page.setInputFiles('#bestand', resolve(FIXTURES, 'veel-problemen.csv'));
    await page.waitForSelector(`${card('veel-problemen.csv')} ol.problemen`);
    const many = await page.$$eval(`${card('veel-problemen.csv')} ol.problemen li`, (li) => li.length);
    assert.ok(many >= 3, `every problem is listed, not only the first (${many})`);
    assert.deepEqual(page.log.errors, []);
  });
});

test('a good template converts; the table goes back into its own file and the manifest stays valid', async () => {
  const page = await newPage(browser, [srv.origin]);
  await withScreenshot(page, 'datacheck-good', async () => {
    await page.goto(`${srv.base}beheer.html?pagina=datacheck`);
    await page.setInputFiles('#bestand', resolve(ROOT, 'public/sjablonen/per-gebied.csv'));
    await page.waitForSelector(`${card('per-gebied.csv')}:has-text("geen problemen gevonden")`);
    assert.equal(await page.inputValue('#kies-regio'), 'drechtsteden', 'the one region that fits is chosen');
    await page.click('button:has-text("Maak de bestanden")');
    await page.waitForSelector('text=De bestanden zijn klaar');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('button:has-text("Download drechtsteden-jeugd.json")')]);
    const json = readFileSync(await download.path());
    const parsed = JSON.parse(json.toString('utf8'));
    assert.equal(parsed.format, 1);
    assert.ok(parsed.tables.some((t) => t.title === 'Jongeren in jeugdzorg, 1e halfjaar 2016 (%)'));
    assert.ok(parsed.tables.length > 1, 'the other tables of the file stay');
    const [m] = await Promise.all([page.waitForEvent('download'), page.click('button:has-text("Download manifest.json")')]);
    const manifest = JSON.parse(readFileSync(await m.path(), 'utf8'));
    assert.equal(manifest.datasets.filter((d) => d.file === 'drechtsteden-jeugd.json').length, 1, 'no second entry for an update');
    await page.setInputFiles('#bestand', { name: download.suggestedFilename(), mimeType: 'application/json', buffer: json });
    await page.waitForSelector(`${card('drechtsteden-jeugd.json')}:has-text("geen problemen gevonden")`);
  });
});

test('a broken JSON data file is checked with the monitor\'s validator', async () => {
  const page = await newPage(browser, [srv.origin]);
  await page.goto(`${srv.base}beheer.html?pagina=datacheck`);
  await page.setInputFiles('#bestand', resolve(ROOT, 'tests/fixtures/geheim-with-number.json'));
  await page.waitForSelector(`${card('geheim-with-number.json')}:has-text("1 probleem")`);
  assert.match(await page.textContent('ol.problemen'), /bij tables\[0\]\.values\[4\]\.value: bij een geheime waarde mag geen getal staan/);
});

test('the council tools have their own page and WASM; old monitor links are sent on to it', async () => {
  const page = await newPage(browser, [srv.origin]);
  await withScreenshot(page, 'datacheck-old-links', async () => {
    await page.goto(`${srv.base}?pagina=datacheck`);
    await page.waitForURL(/\/beheer\.html\?pagina=datacheck$/);
    await page.waitForSelector('h1:has-text("Gegevenscontrole")');
    await page.goto(`${srv.base}?pagina=benchmark`);
    await page.waitForURL(/\/beheer\.html\?pagina=benchmark$/);
    await page.waitForSelector('h1:has-text("Benchmark rekenmachine")');
    // The residents' app and the council page load different WASM files.
    const wasm = page.log.requests.filter((u) => u.endsWith('.wasm')).map((u) => u.split('/').pop());
    assert.equal(new Set(wasm.map((w) => w.replace(/-[0-9a-f]+_bg\.wasm$/, ''))).size, 2, wasm.join(', '));
    assert.deepEqual(page.log.foreign, []);
    assert.deepEqual(page.log.errors, []);
  });
});
