// Issue 8: one dist/ hosted by two councils in two sub-folders, each with its own config.json
// (name, logo, colours, regions), under the strict Content-Security-Policy of docs/hosten.md.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, launch, newPage, withScreenshot, chartsPainted, seriesPainted, settled, frames, DIST } from './harness.mjs';

const root = mkdtempSync(join(tmpdir(), 'msd-councils-'));
const SITES = {
  '/drechtsteden/monitor/': {
    naam: 'Monitor Sociaal Domein Drechtsteden',
    organisatie: 'Onderzoekcentrum Drechtsteden',
    kleuren: { primair: '#6a1b9a' },
    regios: ['drechtsteden'],
    standaardGemeente: 'GM0642',
    toegankelijkheidsverklaring: 'https://www.example.nl/toegankelijkheid',
  },
  '/ridderkerk/cijfers/sociaal-domein/': {
    naam: 'Sociaal Domein in cijfers – Ridderkerk',
    organisatie: 'Gemeente Ridderkerk',
    logo: 'logo.svg',
    kleuren: { primair: '#2e6b30' },
    regios: ['ridderkerk'],
  },
  '/kapot/': { naam: 42, kleuren: { primair: 'red; background:url(//evil)', primairTekst: '#777777' }, regios: ['atlantis'], onbekend: true },
};
const mounts = {};
for (const [folder, config] of Object.entries(SITES)) {
  const dir = join(root, folder.replaceAll('/', '_'));
  cpSync(DIST, dir, { recursive: true });
  writeFileSync(join(dir, 'config.json'), JSON.stringify(config, null, 2));
  writeFileSync(join(dir, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><rect width="40" height="40" fill="#2e6b30"/></svg>');
  mounts[folder] = dir;
}

let srv, browser;
before(async () => { srv = await startServer({ mounts, csp: true }); browser = await launch(); });
after(async () => { await browser?.close(); srv?.server.close(); });

/** Records CSP violations from the first script on. */
async function cspWatch(page) {
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}

test('two councils, two sub-folders, two configs: own name, colours, logo and datasets', async () => {
  const page = await newPage(browser, [srv.origin]);
  await cspWatch(page);
  await withScreenshot(page, 'council-a', async () => {
    await page.goto(`${srv.origin}/drechtsteden/monitor/`);
    await page.waitForSelector('main h1');
    assert.equal(await page.title(), 'Monitor Sociaal Domein Drechtsteden');
    assert.equal(await page.textContent('.kop .merk'), 'Monitor Sociaal Domein Drechtsteden');
    assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('.kop')).backgroundColor), 'rgb(106, 27, 154)');
    assert.deepEqual(await page.$$eval('.kop nav a', (as) => as.map((a) => a.textContent)), ['Drechtsteden']);
    assert.match(await page.textContent('.kerncijfers'), /in Zwijndrecht/, 'default gemeente from config');
    assert.equal(await page.getAttribute('.voet a:has-text("Toegankelijkheidsverklaring")', 'href'), 'https://www.example.nl/toegankelijkheid');
    await chartsPainted(page);
    assert.ok((await seriesPainted(page)).every(Boolean), 'the home page\'s chart is drawn');
    assert.deepEqual(await page.evaluate(() => window.__csp), [], 'no CSP violations');
  });
  const b = await newPage(browser, [srv.origin]);
  await cspWatch(b);
  await withScreenshot(b, 'council-b', async () => {
    await b.goto(`${srv.origin}/ridderkerk/cijfers/sociaal-domein/`);
    await b.waitForSelector('main h1');
    assert.equal(await b.title(), 'Sociaal Domein in cijfers – Ridderkerk');
    assert.equal(await b.evaluate(() => getComputedStyle(document.querySelector('.kop')).backgroundColor), 'rgb(46, 107, 48)');
    assert.deepEqual(await b.$$eval('.kop nav a', (as) => as.map((a) => a.textContent)), ['Ridderkerk']);
    assert.match(await b.textContent('main h1'), /Ridderkerk/);
    assert.ok(await b.evaluate(() => document.querySelector('.kop img.logo').naturalWidth > 0), 'logo loaded from the own folder');
    await b.click('text=Participatiewet');
    await b.click('text=Geld voor bijstandsuitkeringen (BUIG)');
    await chartsPainted(b);
    assert.deepEqual(await seriesPainted(b), [true], 'the budget chart is drawn');
    // The view's own address in the council's folder: the baked page's path (issue 22). This copy's
    // config.json differs from the build's, so its baked pages are never shown: the app draws.
    assert.match(b.url(), /\/ridderkerk\/cijfers\/sociaal-domein\/ridderkerk\/cijfer-participatie-ridderkerk-buig-budget\.html$/);
    assert.deepEqual(await b.evaluate(() => window.__csp), []);
    assert.deepEqual(b.log.foreign, []);
    assert.deepEqual(b.log.errors, []);
  });
});

test('an invalid config.json names each field and what was expected, and the monitor still works', async () => {
  const page = await newPage(browser, [srv.origin]);
  await cspWatch(page);
  await withScreenshot(page, 'council-broken-config', async () => {
    await page.goto(`${srv.origin}/kapot/?pagina=indicator&indicator=jeugd-jongeren-in-jeugdzorg`);
    await page.waitForSelector('.beheerder');
    const text = await page.textContent('.beheerder');
    assert.match(text, /config\.json, bij naam: verwacht een tekst van hoogstens 300 tekens, maar vond een getal/);
    assert.match(text, /bij kleuren\.primair: verwacht een kleur als "#01689b"/);
    assert.match(text, /bij regios\[0\]: onbekende regio "atlantis"/);
    assert.match(text, /bij onbekend: onbekend veld "onbekend"/);
    assert.match(text, /contrast van de tekst op de primaire kleur .* 4,5:1/);
    // The tab title names the chart once its data are in (issue 16); the notice can come first.
    await page.waitForFunction(() => / — Monitor Sociaal Domein$/.test(document.title), null, { timeout: 15000 }).catch(() => {});
    assert.match(await page.title(), / — Monitor Sociaal Domein$/, 'default name (after the chart, issue 16)');
    assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('.kop')).backgroundColor), 'rgb(1, 104, 155)', 'default colours');
    await page.waitForSelector('.grafiek canvas');
    assert.deepEqual(await page.evaluate(() => window.__csp), []);
    assert.deepEqual(page.log.foreign, [], 'the hostile colour requested nothing');
  });
});

test('every page type runs under the strict CSP without a violation', async () => {
  const page = await newPage(browser, [srv.origin]);
  await cspWatch(page);
  const violations = [];
  for (const q of ['', '?pagina=thema&thema=wmo', '?pagina=indicator&indicator=wmo-clienten-pgb-zin&gemeente=GM0505', '?pagina=gemeente&gemeente=GM0505',
    '?pagina=vergelijk&gemeenten=GM0505,GM0590', '?pagina=zoeken&zoek=budget', '?pagina=indicator&indicator=jeugd-jongeren-in-jeugdzorg&embed=1']) {
    await page.goto(`${srv.base}${q}`);
    await page.waitForSelector('main h1, main h2');
    // Listening until the page is idle: its charts painted, nothing loading, the network quiet,
    // and (outside an embed) the theme and indicator chunks the shell prefetches are in.
    await settled(page);
    if (!q.includes('embed=1')) {
      await page.waitForFunction(() => ['theme', 'indicator'].every((part) => performance.getEntriesByType('resource')
        .some((r) => new RegExp(`/msd-${part}-[0-9a-f]{16}\\.wasm$`).test(r.name))), null, { timeout: 30000 });
    }
    await frames(page);
    violations.push(...(await page.evaluate(() => window.__csp)).map((v) => `${q}: ${v}`));
  }
  assert.deepEqual(violations, []);
  assert.deepEqual(page.log.errors, []);
});
