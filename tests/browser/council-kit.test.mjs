// Issue 15: a council kit a policy officer can run alone, without breaking the public site.
// - The guided flow in the data check page turns CSV files into a dataset file plus an updated
//   manifest.json that the site loads without any hand editing (the worked example of
//   docs/hosten.md, from an empty monitor, with two wijken and two years).
// - Mistakes stay local: a manifest with one broken entry, an extra data file that is not JSON,
//   and one bad table each leave the rest of the site working, and the notice for the
//   administrator names what was skipped.
// - A one-gemeente monitor and a wijk-level table render cleanly.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, launch, newPage, withScreenshot, axeViolations, DIST, ARTIFACTS } from './harness.mjs';

// MSD_SHOTS=1 saves screenshots of the council pages in tests/browser/artifacts/ to look at.
const shot = async (page, name) => { if (process.env.MSD_SHOTS) await page.screenshot({ path: join(ARTIFACTS, `kit-${name}.png`), fullPage: true }); };

const CSV = (year, city, centrum) => [
  'titel;Wmo-cliënten',
  'tabel-id;wmo-clienten',
  'thema;wmo',
  'pijler;gebruik',
  'bron;eigen registratie',
  'bronnummer;1',
  `periode;${year};${year}`,
  '',
  'gebied;cliënten',
  'eenheid;aantal',
  `Voorbeeldstad;${city}`,
  `WK900101;${centrum}`,
  'WK900102;650',
].join('\r\n');

/** A copy of dist/ whose data/ and config.json the test changes. */
function siteCopy(edit) {
  const dir = mkdtempSync(join(tmpdir(), 'msd-council-'));
  cpSync(DIST, dir, { recursive: true });
  edit(dir);
  return dir;
}

const sites = [];
let srv, browser;
const mounts = {};
function mount(name, edit) {
  const dir = siteCopy(edit);
  sites.push(dir);
  mounts[`/${name}/`] = dir;
  return name;
}

// Built before the server starts (mounts are fixed then).
const readData = (file) => readFileSync(join(DIST, 'data', file), 'utf8');
const BROKEN_ENTRY = mount('kapot-gebied', (dir) => {
  const m = JSON.parse(readData('manifest.json'));
  m.areas.find((a) => a.code === 'GM0642').kind = 'stadsdeel';
  writeFileSync(join(dir, 'data/manifest.json'), JSON.stringify(m, null, 2));
});
const BROKEN_FILE = mount('kapot-bestand', (dir) => {
  const m = JSON.parse(readData('manifest.json'));
  m.datasets.push({ file: 'drechtsteden-extra.json', region: 'drechtsteden', themes: ['jeugd'] });
  writeFileSync(join(dir, 'data/manifest.json'), JSON.stringify(m, null, 2));
  writeFileSync(join(dir, 'data/drechtsteden-extra.json'), '{ "format": 1, "region": "drechtsteden", ');
});
let badTable = '';
const BAD_TABLE = mount('kapotte-tabel', (dir) => {
  const ds = JSON.parse(readData('drechtsteden-wmo.json'));
  const t = ds.tables.find((x) => x.measures.some((m) => m.kind === 'count'));
  badTable = t.title;
  const v = t.values.find((x) => typeof x.value === 'number' && t.measures.find((m) => m.id === x.measure).kind === 'count');
  v.value = -5;
  writeFileSync(join(dir, 'data/drechtsteden-wmo.json'), JSON.stringify(ds, null, 1));
});
const TRAILING_COMMA = mount('kapot-manifest', (dir) => {
  writeFileSync(join(dir, 'data/manifest.json'), readData('manifest.json').trimEnd().replace(/\}$/, ',\n}'));
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ naam: 'Monitor Voorbeeldstad', kleuren: { primair: '#2e6b30' } }));
});

before(async () => { srv = await startServer({ mounts }); browser = await launch(); });
after(async () => {
  await browser?.close();
  srv?.server.close();
  for (const d of sites) rmSync(d, { recursive: true, force: true });
});

const url = (site, query = '') => `${srv.origin}/${site}/${query}`;

async function notice(page) {
  await page.waitForSelector('.beheerder');
  await page.click('.beheerder summary');
  return page.textContent('.beheerder');
}

test('a manifest entry of an unknown kind hides only that area, and the notice names it', async () => {
  const page = await newPage(browser, [srv.origin]);
  await withScreenshot(page, 'council-broken-entry', async () => {
    await page.goto(url(BROKEN_ENTRY, '?pagina=indicator&indicator=jeugd-jongeren-in-jeugdzorg'));
    await page.waitForSelector('table.cijfers');
    const text = await page.textContent('main');
    assert.ok(text.includes('Dordrecht'), 'the other gemeenten are still shown');
    const n = await notice(page);
    assert.match(n, /manifest\.json: het gebied "GM0642" is overgeslagen/);
    assert.match(n, /onbekende waarde "stadsdeel"/);
    assert.deepEqual(page.log.errors, []);
  });
});

test('an extra data file that is not JSON leaves the home page and its chart working', async () => {
  const page = await newPage(browser, [srv.origin]);
  await withScreenshot(page, 'council-broken-file', async () => {
    await page.goto(url(BROKEN_FILE));
    await page.waitForSelector('.grafiek canvas, table.cijfers');
    assert.ok(await page.$('#kerncijfers'), 'key figures are shown');
    const n = await notice(page);
    assert.match(n, /drechtsteden-extra\.json: het hele bestand is overgeslagen/);
    assert.match(n, /regel \d+, kolom \d+/);
  });
});

test('one bad table hides only itself; the other tables of its theme stay', async () => {
  const page = await newPage(browser, [srv.origin]);
  await withScreenshot(page, 'council-bad-table', async () => {
    await page.goto(url(BAD_TABLE, '?pagina=thema&thema=wmo'));
    await page.waitForSelector('main h1');
    await page.waitForFunction(() => document.querySelectorAll('main li a').length > 0);
    const titles = await page.$$eval('main li a', (a) => a.map((x) => x.textContent));
    assert.ok(!titles.some((t) => t.includes(badTable)), `${badTable} is hidden`);
    assert.ok(titles.length >= 1, `the other Wmo tables stay: ${titles.join(' | ')}`);
    const n = await notice(page);
    await shot(page, 'notice');
    assert.ok(n.includes(badTable), n);
    assert.match(n, /kan niet negatief zijn/);
    assert.deepEqual(await axeViolations(page, srv.origin), [], 'the open notice passes axe-core');
  });
});

test('a manifest that cannot be read still shows the branded site, the notice and the data check', async () => {
  const page = await newPage(browser, [srv.origin]);
  await withScreenshot(page, 'council-trailing-comma', async () => {
    await page.goto(url(TRAILING_COMMA));
    await page.waitForSelector('.beheerder');
    assert.match(await page.textContent('header'), /Monitor Voorbeeldstad/);
    assert.match(await notice(page), /manifest\.json: het hele bestand is overgeslagen.*regel \d+, kolom \d+/s);
    await page.goto(url(TRAILING_COMMA, '?pagina=datacheck'));
    await page.waitForSelector('#bestand');
  });
});

test('the guided flow makes files that a one-gemeente site with wijken loads without hand editing', async () => {
  const page = await newPage(browser, [srv.origin]);
  const context = page.context();
  await withScreenshot(page, 'council-guided-flow', async () => {
    let steps = 0;
    const step = async (what) => { steps += 1; await what(); };
    await page.goto(`${srv.base}?pagina=datacheck`);
    await page.waitForSelector('text=Begin met een lege monitor');
    await step(() => page.click('text=Begin met een lege monitor'));
    await step(() => page.setInputFiles('#bestand', [
      { name: 'wmo-2024.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV('2024', '1.350', '700*')) },
      { name: 'wmo-2023.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV('2023', '1.301', '690')) },
    ]));
    await page.waitForSelector('text=onbekend gebied "Voorbeeldstad"');
    for (const [code, name, kind] of [['GM9001', 'Voorbeeldstad', 'gemeente'], ['WK900101', 'Centrum', 'wijk'], ['WK900102', 'Noord', 'wijk']]) {
      await step(async () => {
        await page.fill('#gebied-code', code);
        await page.fill('#gebied-naam', name);
        await page.selectOption('#gebied-soort', kind);
        await page.click('text=Gebied toevoegen >> nth=-1');
      });
      await page.waitForSelector(`text=${name} (${code}) is toegevoegd.`);
    }
    await step(async () => {
      await page.fill('#regio-naam', 'Voorbeeldstad');
      await page.check('#regio-GM9001');
      await page.click('button:has-text("Regio toevoegen")');
    });
    await page.waitForSelector('text=is toegevoegd.');
    assert.equal(await page.inputValue('#bron-nummer'), '001', 'the number the CSV asks for is proposed');
    await step(async () => {
      await page.fill('#bron-titel', 'Registratie Wmo-voorzieningen');
      await page.fill('#bron-uitgever', 'Gemeente Voorbeeldstad');
      await page.fill('#bron-jaar', '2025');
      await page.click('button:has-text("Bron toevoegen")');
    });
    await page.waitForFunction(() => document.querySelectorAll('.bestanden li.goed').length === 2);
    await step(() => page.click('button:has-text("Maak de bestanden")'));
    await page.waitForSelector('text=De bestanden zijn klaar');
    await shot(page, 'datacheck');
    assert.deepEqual(await axeViolations(page, srv.origin), [], 'the guided flow passes axe-core');
    const files = {};
    for (const label of ['Download voorbeeldstad-wmo.json', 'Download manifest.json']) {
      await step(async () => {
        const [d] = await Promise.all([page.waitForEvent('download'), page.click(`button:has-text("${label}")`)]);
        files[d.suggestedFilename()] = readFileSync(await d.path(), 'utf8');
      });
    }
    assert.deepEqual(Object.keys(files).sort(), ['manifest.json', 'voorbeeldstad-wmo.json']);
    console.log(`guided flow: ${steps} actions in the data check page`);

    // Publish them as a council would (docs/hosten.md steps 11-12): into data/. No hand editing.
    const dir = siteCopy((d) => {
      for (const [name, text] of Object.entries(files)) writeFileSync(join(d, 'data', name), text);
      // docs/hosten.md step 2: the shipped config.json with a name, an intro, and no example regions.
      const config = JSON.parse(readFileSync(join(DIST, 'config.json'), 'utf8'));
      Object.assign(config, { naam: 'Monitor Voorbeeldstad', inleiding: 'Cijfers uit onze eigen registratie.', regios: [], standaardRegio: null });
      writeFileSync(join(d, 'config.json'), JSON.stringify(config, null, 2));
    });
    sites.push(dir);
    const site = await startServer({ mounts: { '/voorbeeldstad/': dir } });
    try {
      const p2 = await context.newPage();
      const errors = [];
      p2.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
      await p2.goto(`${site.origin}/voorbeeldstad/`);
      await p2.waitForSelector('main h1');
      const home = await p2.textContent('main');
      assert.ok(home.includes('Cijfers uit onze eigen registratie.'), 'the intro comes from config.json');
      assert.ok(!home.includes('Gemeenten vergelijken'), 'no compare with one gemeente');
      assert.ok(!(await p2.$('.beheerder')), 'nothing was skipped');
      await shot(p2, 'home');
      await p2.goto(`${site.origin}/voorbeeldstad/?pagina=indicator&indicator=wmo-clienten`);
      await p2.waitForSelector('table.cijfers');
      const table = await p2.textContent('table.cijfers');
      assert.ok(table.includes('Centrum') && table.includes('Noord'), table);
      assert.ok(await p2.$('.legenda-voorlopig'), 'a legend for the voorlopig mark');
      assert.ok(!(await p2.$('.badge.voorlopig')), 'no table-wide badge: only one figure is voorlopig');
      await shot(p2, 'indicator');
      assert.deepEqual(await axeViolations(p2, site.origin), [], 'the wijk table passes axe-core');
      await p2.goto(`${site.origin}/voorbeeldstad/?pagina=gemeente&gemeente=GM9001`);
      await p2.waitForSelector('table.profiel');
      const heads = await p2.$$eval('table.profiel thead th', (th) => th.map((x) => x.textContent));
      assert.equal(heads.filter((h) => h === 'Voorbeeldstad').length, 1, `no duplicate column: ${heads.join(' | ')}`);
      assert.ok(!heads.includes('Nederland'), 'no column of dashes for a reference without data');
      assert.match(await p2.textContent('main'), /Wijken/);
      await shot(p2, 'profile');
      assert.deepEqual(errors, []);
    } finally {
      site.server.close();
    }
  });
});
