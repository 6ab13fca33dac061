// Issue 14: figures from the running text where residents look — under the Ervaringen pillar of
// Jeugdhulp, on the indicator they restate (with the contradictions that touch it) and in search,
// each with the sentence quoted and its source.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, newPage, withScreenshot } from './harness.mjs';

let srv, browser;
before(async () => { srv = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); srv?.server.close(); });

test('the Ervaringen pillar of Jeugdhulp shows the report mark 6,0 with its quote and source', async () => {
  const page = await newPage(browser, [srv.origin]);
  await withScreenshot(page, 'statements-theme', async () => {
    await page.goto(`${srv.base}?pagina=thema&thema=jeugd`);
    const pillar = page.locator('section.pijler:has(h2#pijler-ervaringen)');
    await pillar.locator('.uitspraken').waitFor();
    const text = await pillar.textContent();
    assert.match(text, /6,0/);
    assert.match(text, /Het gemiddelde rapportcijfer dat men geeft is een 6,0\./);
    assert.match(text, /Monitor 3D/);
    assert.doesNotMatch(text, /geen cijfers opgenomen/, 'a pillar with statements is not called empty');
    assert.ok(await pillar.locator('button:has-text("CSV")').count() === 1, 'a CSV download of the statements');
  });
});

test('an indicator shows the sentences that restate it and the contradictions that touch it', async () => {
  const page = await newPage(browser, [srv.origin]);
  await withScreenshot(page, 'statements-indicator', async () => {
    await page.goto(`${srv.base}?regio=drentscheaa&pagina=indicator&indicator=participatie-drentscheaa-doelgroepen-verdiencapaciteit`);
    await page.locator('.uitspraken').waitFor();
    const text = await page.textContent('main');
    assert.match(text, /\(70% van de Participatiebudget\)/);
    assert.match(text, /duidelijke tegenspraak/);
  });
});

test('search finds statements from the running text', async () => {
  const page = await newPage(browser, [srv.origin]);
  await page.goto(`${srv.base}?pagina=zoeken&zoek=rapportcijfer`);
  await page.locator('.uitspraken').waitFor();
  assert.match(await page.textContent('.uitspraken'), /6,0/);
});
