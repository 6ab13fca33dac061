// Issue 6: the monitor as a resident uses it — by mouse and by keyboard only — and every page
// type passes axe-core (WCAG 2.1 A/AA) with 0 violations at desktop width and at 360 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, newPage, withScreenshot, axeViolations, tabTo, settled } from './harness.mjs';

export const PAGE_TYPES = {
  home: '',
  'home met gemeente': '?gemeente=GM0642',
  thema: '?pagina=thema&thema=jeugd',
  'thema beschikbaarheid': '?pagina=thema&thema=wmo',
  indicator: '?pagina=indicator&indicator=jeugd-jongeren-in-jeugdzorg&gemeente=GM0642',
  'indicator tabel': '?pagina=indicator&indicator=jeugd-stapeling-in-jeugdzorg&weergave=tabel',
  gemeenteprofiel: '?pagina=gemeente&gemeente=GM0642',
  vergelijken: '?pagina=vergelijk&gemeenten=GM0505,GM0642',
  zoeken: '?pagina=zoeken&zoek=bijstand',
  'andere regio': '?regio=ridderkerk&pagina=indicator&indicator=participatie-ridderkerk-buig-budget',
};

let srv, browser;
before(async () => { srv = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); srv?.server.close(); });

const SUMMARY = /in Zwijndrecht: 10,7%, meer dan in Nederland \(8,2%\)/;

test('a resident finds Zwijndrecht\'s jeugdhulp next to Nederland, opens the profile, and a reload keeps it', async () => {
  const page = await newPage(browser, [srv.origin], { width: 390, height: 844 });
  await withScreenshot(page, 'resident-journey', async () => {
    await page.goto(srv.base);
    await page.click('nav.gemeente-keuze >> text=Zwijndrecht');
    await page.waitForURL(/gemeente=GM0642/);
    await page.click('nav.themas >> text=Jeugdhulp');
    await page.waitForSelector('h1:has-text("Jeugdhulp")');
    await page.click('text=Jongeren in jeugdzorg, 1e halfjaar 2016 (%)');
    await page.waitForSelector('.samenvatting');
    assert.match(await page.textContent('.samenvatting'), SUMMARY);
    assert.match(await page.textContent('.vergelijking'), /\+2,5 procentpunt/);
    await page.click('text=Alle cijfers van Zwijndrecht');
    await page.waitForSelector('h1:has-text("Gemeenteprofiel Zwijndrecht")');
    const url = page.url();
    await page.reload();
    await page.waitForSelector('table.profiel');
    assert.equal(page.url(), url);
    assert.match(await page.textContent('h1'), /Gemeenteprofiel Zwijndrecht/);
    assert.match(await page.textContent('table.profiel'), /10,7%/);
    await page.goBack();
    await page.waitForSelector('.samenvatting');
    assert.match(await page.textContent('.samenvatting'), SUMMARY);
    assert.deepEqual(page.log.errors, []);
    assert.deepEqual(page.log.foreign, []);
  });
});

test('the same journey by keyboard only, with a visible focus', async () => {
  const page = await newPage(browser, [srv.origin]);
  await withScreenshot(page, 'keyboard-journey', async () => {
    await page.goto(srv.base);
    await page.waitForSelector('nav.gemeente-keuze');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Naar de inhoud', 'the skip link comes first');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    assert.notEqual(outline, 'none', 'focus is visible');
    await tabTo(page, 'Zwijndrecht');
    await page.keyboard.press('Enter');
    await page.waitForURL(/gemeente=GM0642/);
    await tabTo(page, 'Jeugdhulp');
    await page.keyboard.press('Enter');
    await page.waitForSelector('h1:has-text("Jeugdhulp")');
    await tabTo(page, 'Jongeren in jeugdzorg');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.samenvatting');
    assert.match(await page.textContent('.samenvatting'), SUMMARY);
    await tabTo(page, 'Tabel');
    await page.keyboard.press('Enter');
    await page.waitForURL(/weergave=tabel/);
    // Focus stays on "Tabel" (issue 23); the profile link is above it.
    assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), 'Tabel');
    await tabTo(page, 'Alle cijfers van Zwijndrecht', 40, 'Shift+Tab');
    await page.keyboard.press('Enter');
    await page.waitForSelector('h1:has-text("Gemeenteprofiel Zwijndrecht")');
  });
});

for (const [width, viewport] of [['desktop', { width: 1280, height: 900 }], ['360 px', { width: 360, height: 780 }], ['320 px', { width: 320, height: 640 }]]) {
  test(`axe-core finds 0 violations on every page type (${width})`, async () => {
    const page = await newPage(browser, [srv.origin], viewport);
    const found = [];
    for (const [name, query] of Object.entries(PAGE_TYPES)) {
      await withScreenshot(page, `axe-${name}-${width}`, async () => {
        await page.goto(`${srv.base}${query}`);
        await page.waitForSelector('main h1');
        await settled(page);
        for (const v of await axeViolations(page, srv.origin)) found.push(`${name}: ${v}`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        if (overflow > 1) found.push(`${name}: page is ${overflow}px wider than the screen`);
      });
    }
    assert.deepEqual(found, []);
    assert.deepEqual(page.log.errors, []);
  });
}

test('every table of the data is reachable from the home page in at most three clicks', async () => {
  const { readFileSync, readdirSync } = await import('node:fs');
  const { resolve } = await import('node:path');
  const { DIST } = await import('./harness.mjs');
  const manifest = JSON.parse(readFileSync(resolve(DIST, 'data/manifest.json'), 'utf8'));
  const ids = manifest.datasets.flatMap((d) => JSON.parse(readFileSync(resolve(DIST, 'data', d.file), 'utf8')).tables.map((t) => t.id));
  assert.ok(ids.length > 30);
  const page = await newPage(browser, [srv.origin]);
  const seen = new Set(['']);
  let frontier = [''];
  const reached = new Set();
  for (let depth = 1; depth <= 3; depth += 1) {
    const next = [];
    for (const q of frontier) {
      await page.goto(`${srv.base}${q}`);
      await page.waitForSelector('main h1');
      await page.waitForFunction(() => !document.querySelector('.laden'));
      // The monitor's own pages: a baked page's path (issue 22), or a query on index.html.
      const hrefs = await page.$$eval('a[href]', (as) => as.map((a) => a.getAttribute('href'))
        .filter((h) => /^([a-z0-9-]+\/[A-Za-z0-9_-]+\.html|index\.html)(\?|$)/.test(h)));
      for (const h of hrefs) {
        const id = (h.match(/\/cijfer-([^/?#]+)\.html/) || [])[1] || new URLSearchParams(h.split('?')[1] || '').get('indicator');
        if (id) reached.add(id);
        // Follow navigation pages only; indicator pages are the end of a path.
        if (!seen.has(h) && !id && depth < 3 && !/pagina=(vergelijk|zoeken|gemeente)|\/(vergelijk|zoeken|profiel[^/]*)\.html|gemeente=|weergave=/.test(h)) { seen.add(h); next.push(h); }
      }
    }
    frontier = next;
  }
  assert.deepEqual(ids.filter((id) => !reached.has(id)), [], 'tables not reachable in three clicks');
});
