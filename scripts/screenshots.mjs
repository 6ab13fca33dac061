// Screenshots of every page type at phone and desktop width, so anyone can look at what the
// monitor shows: `node scripts/screenshots.mjs` (after `trunk build --release`).
// Files go to tests/browser/artifacts/screens/.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { startServer, launch, newPage, ARTIFACTS } from '../tests/browser/harness.mjs';

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
};
const WIDTHS = { telefoon: { width: 360, height: 780 }, desktop: { width: 1280, height: 900 } };

const out = resolve(ARTIFACTS, 'screens');
mkdirSync(out, { recursive: true });
const srv = await startServer();
const browser = await launch();
for (const [name, query] of Object.entries(PAGE_TYPES)) {
  for (const [label, viewport] of Object.entries(WIDTHS)) {
    const page = await newPage(browser, [srv.origin], viewport);
    await page.goto(`${srv.base}${query}`);
    await page.waitForSelector('main h1, main h2, [role=alert]');
    await page.waitForTimeout(900);
    const file = resolve(out, `${name}-${label}.png`);
    await page.screenshot({ path: file, fullPage: true });
    console.log(file);
    await page.close();
  }
}
await browser.close();
srv.server.close();
