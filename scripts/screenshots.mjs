// Screenshots of every page type at phone and desktop width, so anyone can look at what the
// monitor shows: `node scripts/screenshots.mjs` (after `trunk build --release`).
// Files go to tests/browser/artifacts/screens/.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, launch, newPage, ARTIFACTS, ROOT } from '../tests/browser/harness.mjs';
import { serve } from '../tests/browser/serve.mjs';

export const PAGE_TYPES = {
  home: '',
  thema: '?pagina=thema&thema=jeugd',
  indicator: '?pagina=indicator&indicator=jeugd-jongeren-in-jeugdzorg',
  'indicator-tabel': '?pagina=indicator&indicator=jeugd-jongeren-in-jeugdzorg&weergave=tabel',
  'indicator-gemeente': '?pagina=indicator&indicator=jeugd-jongeren-in-jeugdzorg&gemeente=GM0642',
  gemeenteprofiel: '?pagina=gemeente&gemeente=GM0642',
  vergelijken: '?pagina=vergelijk&gemeenten=GM0505,GM0642',
  zoeken: '?pagina=zoeken&zoek=bijstand',
  samenstelling: '?pagina=indicator&indicator=participatie-uitstroom-bijstand-per-gemeente-2016',
  datacheck: '?pagina=datacheck',
  ridderkerk: '?regio=ridderkerk&pagina=indicator&indicator=participatie-ridderkerk-buig-budget',
  'drentsche-aa': '?regio=drentscheaa&pagina=thema&thema=participatie',
  // Issue 13: dashboards, budget charts, compare charts, the map.
  'dashboard-jeugd': '?pagina=thema&thema=jeugd&gemeente=GM0642',
  'dashboard-wmo-alblasserdam': '?pagina=thema&thema=wmo&gemeente=GM0482',
  'dashboard-ridderkerk': '?regio=ridderkerk&pagina=thema&thema=participatie',
  'budget-participatiebudget': '?regio=ridderkerk&pagina=indicator&indicator=participatie-ridderkerk-participatiebudget',
  'budget-jeugdhulp-zhz': '?pagina=indicator&indicator=jeugd-jeugdhulpbudget-zhz',
  'kaart': '?pagina=indicator&indicator=jeugd-jongeren-in-jeugdzorg&gemeente=GM0642&weergave=kaart',
  'kaart-geheim': '?pagina=indicator&indicator=jeugd-stapeling-in-jeugdzorg&weergave=kaart',
  'reintegratie': '?pagina=indicator&indicator=participatie-reintegratievoorzieningen-2016-h1&gemeente=GM0505',
  'home-gemeente': '?gemeente=GM0482',
  // Issue 23: the compare page's map, two gemeenten compared, a resident of Zwijndrecht.
  'vergelijken-kaart': 'drechtsteden/vergelijk.html?gemeente=GM0642&gemeenten=GM0505,GM0642&weergave=kaart',
};
const WIDTHS = {
  smal: { width: 320, height: 700 }, telefoon: { width: 360, height: 780 }, desktop: { width: 1280, height: 900 },
};
// `node scripts/screenshots.mjs kaart dashboard` takes only the page types whose name has one of the words.
const only = process.argv.slice(2);

const out = resolve(ARTIFACTS, 'screens');
mkdirSync(out, { recursive: true });
const srv = await startServer();
const browser = await launch();
for (const [name, query] of Object.entries(PAGE_TYPES)) {
  if (only.length && !only.some((w) => name.includes(w))) continue;
  for (const [label, viewport] of Object.entries(WIDTHS)) {
    // 320 px only for the pages of issue 13 (reflow), to keep the set small.
    if (label === 'smal' && !/dashboard|budget|kaart|vergelijken|reintegratie|ridderkerk/.test(name)) continue;
    const page = await newPage(browser, [srv.origin], viewport);
    await page.goto(`${srv.base}${query}`);
    await page.waitForSelector('main h1, main h2, [role=alert]');
    await page.waitForTimeout(1500);
    const file = resolve(out, `${name}-${label}.png`);
    await page.screenshot({ path: file, fullPage: true });
    console.log(file);
    await page.close();
  }
}
// Issue 22: the baked pages as a reader without JavaScript (or before the app) sees them.
const BAKED = { home: '', thema: 'drechtsteden/jeugd.html', indicator: 'drechtsteden/cijfer-jeugd-jongeren-in-jeugdzorg.html',
  gemeenteprofiel: 'drechtsteden/profiel-GM0642.html' };
for (const [name, path] of Object.entries(BAKED)) {
  if (only.length && !only.some((w) => `gebakken-${name}`.includes(w))) continue;
  for (const label of ['telefoon', 'desktop']) {
    const context = await browser.newContext({ viewport: WIDTHS[label], javaScriptEnabled: false, locale: 'nl-NL' });
    const page = await context.newPage();
    await page.goto(`${srv.base}${path}`);
    const file = resolve(out, `gebakken-${name}-${label}.png`);
    await page.screenshot({ path: file, fullPage: true });
    console.log(file);
    await context.close();
  }
}
if (only.length) { await browser.close(); srv.server.close(); process.exit(0); }
// An article on another site that embeds a chart with the snippet from docs/insluiten.md.
const doc = readFileSync(join(ROOT, 'docs/insluiten.md'), 'utf8');
const snippet = doc.slice(doc.indexOf('<iframe'), doc.indexOf('</p>', doc.indexOf('<iframe')) + 4).replaceAll('https://UW-SITE/monitor/', srv.base);
const hostDir = mkdtempSync(join(tmpdir(), 'msd-artikel-'));
writeFileSync(join(hostDir, 'artikel.html'), `<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>Artikel</title></head>
<body style="font-family:Georgia,serif;max-width:680px;margin:2rem auto;padding:0 1rem"><h1>Steeds meer jongeren in jeugdzorg</h1><p>Tekst van het artikel.</p>${snippet}<p>Verder met het artikel.</p></body></html>`);
const host = await serve({ mounts: { '/': hostDir } });
for (const [scheme, viewport] of [['licht', WIDTHS.desktop], ['donker', WIDTHS.telefoon]]) {
  const page = await newPage(browser, [], viewport);
  await page.emulateMedia({ colorScheme: scheme === 'donker' ? 'dark' : 'light' });
  await page.goto(`http://127.0.0.1:${host.address().port}/artikel.html`);
  await page.waitForFunction(() => document.querySelector('iframe')?.hasAttribute('data-msd-hoogte'));
  await page.waitForTimeout(1200);
  const file = resolve(out, `ingesloten-${scheme}.png`);
  await page.screenshot({ path: file, fullPage: true });
  console.log(file);
  await page.close();
}
// Issue 16: the compact embed in an article column at 375 and 1280 px (the column is 680 px on
// a wide screen), with the heights the iframe took; and the table embed in a narrow column.
for (const width of [375, 1280]) {
  const page = await newPage(browser, [], { width, height: 900 });
  await page.goto(`http://127.0.0.1:${host.address().port}/artikel.html`);
  await page.waitForFunction(() => document.querySelector('iframe')?.hasAttribute('data-msd-hoogte'));
  await page.waitForTimeout(1500);
  const height = await page.evaluate(() => document.querySelector('iframe').getBoundingClientRect().height);
  const file = resolve(out, `ingesloten-${width}.png`);
  await page.screenshot({ path: file, fullPage: true });
  console.log(`${file} (iframe ${height} px)`);
  await page.close();
}
for (const width of [375, 680]) {
  const page = await newPage(browser, [srv.origin], { width, height: 900 });
  await page.goto(`${srv.base}?pagina=indicator&indicator=jeugd-jongeren-in-jeugdzorg&weergave=tabel&embed=1`);
  await page.waitForSelector('table.cijfers');
  await page.waitForTimeout(600);
  const file = resolve(out, `ingesloten-tabel-${width}.png`);
  await page.screenshot({ path: file, fullPage: true });
  console.log(file);
  await page.close();
}
host.close();
await browser.close();
srv.server.close();
