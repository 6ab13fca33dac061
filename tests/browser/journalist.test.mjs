// Issue 7: a journalist embeds a chart in an article on another site and downloads exactly
// what is shown. The host page is served from a second origin (another port).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, launch, newPage, withScreenshot, tableRows, chartsPainted, seriesPainted, axeViolations, docsSnippet, readDownload, settledHeight } from './harness.mjs';
import { serve } from './serve.mjs';

let srv, host, hostOrigin, browser;
const hostDir = mkdtempSync(join(tmpdir(), 'msd-host-'));

before(async () => {
  srv = await startServer();
  host = await serve({ mounts: { '/': hostDir }, csp: false });
  hostOrigin = `http://127.0.0.1:${host.address().port}`;
  writeFileSync(join(hostDir, 'artikel.html'), `<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>Artikel</title></head>
<body><h1>Jeugdzorg in de regio</h1><p>Tekst van het artikel.</p>
${docsSnippet(srv.base)}
<p>Meer tekst.</p></body></html>`);
  browser = await launch();
});
after(async () => { await browser?.close(); srv?.server.close(); host?.close(); });

test('the snippet from docs/insluiten.md works on another site: chart, auto-height, no other hosts', async () => {
  const page = await newPage(browser, [srv.origin, hostOrigin]);
  await withScreenshot(page, 'embed-host', async () => {
    await page.goto(`${hostOrigin}/artikel.html`);
    const frame = await (await page.waitForSelector('iframe')).contentFrame();
    await chartsPainted(frame);
    await settledHeight(page, frame);
    assert.deepEqual(await seriesPainted(frame), [true], 'the embedded chart is drawn');
    const heights = await page.evaluate(() => {
      const f = document.querySelector('iframe');
      return { reported: Number(f.dataset.msdHoogte), shown: f.getBoundingClientRect().height };
    });
    assert.ok(heights.reported > 300, `reported height ${heights.reported}`);
    assert.ok(Math.abs(heights.shown - Math.min(heights.reported, 6000)) <= 1, `iframe resized to ${heights.shown}`);
    const text = await frame.textContent('body');
    assert.match(text, /in Zwijndrecht: 10,7%, meer dan in Nederland \(8,2%\)/);
    assert.match(text, /CC BY 4\.0/);
    assert.match(text, /Bron: gemeentelijke monitor Sociaal Domein/);
    assert.match(text, /Voorlopige cijfers/);
    assert.equal(await frame.locator('header.kop, footer.voet, nav.gemeente-keuze').count(), 0, 'no site navigation');
    assert.equal(await frame.locator('a:has-text("Tabel, toelichting en downloads in de monitor")').count(), 1);
    assert.deepEqual(page.log.foreign, [], 'no request leaves the two test origins');
    assert.deepEqual(await page.context().cookies(), [], 'no cookies');
    assert.equal(await frame.evaluate(() => localStorage.length + sessionStorage.length), 0, 'no storage');
  });
});

test('the embedded view works at 300 px and in dark mode, with 0 axe violations', async () => {
  for (const scheme of ['light', 'dark']) {
    const page = await newPage(browser, [srv.origin], { width: 300, height: 700 });
    await page.emulateMedia({ colorScheme: scheme });
    await withScreenshot(page, `embed-300-${scheme}`, async () => {
      await page.goto(`${srv.base}?pagina=indicator&indicator=jeugd-jongeren-in-jeugdzorg&embed=1`);
      await chartsPainted(page);
      assert.deepEqual(await seriesPainted(page), [true], `the chart is drawn (${scheme})`);
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), 0, 'no horizontal scroll');
      assert.deepEqual(await axeViolations(page, srv.origin), []);
    });
  }
});

test('CSV and JSON downloads hold the values of the table on screen, marks included; images too', async () => {
  const page = await newPage(browser, [srv.origin]);
  await withScreenshot(page, 'downloads', async () => {
    await page.goto(`${srv.base}?pagina=indicator&indicator=jeugd-jongeren-in-jeugdzorg&gemeente=GM0642`);
    await page.waitForSelector('.grafiek canvas');
    const screen = await tableRows(page, 'Jongeren in jeugdzorg, 1e halfjaar 2016 (%)');
    const asCsv = (v) => v.replace('%', '');

    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.click('text=CSV (Excel)')]);
    assert.equal(csvDownload.suggestedFilename(), 'jeugd-jongeren-in-jeugdzorg_2016-h1_zwijndrecht.csv');
    const csv = (await readDownload(csvDownload)).toString('utf8');
    assert.ok(csv.startsWith('\uFEFF'), 'BOM for Excel');
    const lines = csv.slice(1).split('\r\n');
    const header = lines.findIndex((l) => l.startsWith('Gebied;'));
    const body = lines.slice(header + 1, header + 1 + screen.length).map((l) => l.split(';'));
    assert.equal(lines[header].split(';')[1], 'CBS-code', 'a code to join on (issue 27)');
    assert.deepEqual(body.map((r) => [r[0], ...r.slice(2)]), screen.map((row) => [row[0], ...row.slice(1).map(asCsv)]));
    assert.equal(body.find((r) => r[0] === 'Zwijndrecht')?.[1], 'GM0642');
    assert.ok(body.every((r) => /^(GM\d{4}|NL01|)$/.test(r[1])), body.map((r) => r[1]).join(','));
    assert.ok(lines.includes('Bron;gemeentelijke monitor Sociaal Domein'));
    assert.ok(lines.some((l) => l.startsWith('Licentie;CC BY 4.0')), 'a licence');
    // The view's own address: its baked page (issue 22) and what the path does not say.
    const address = lines.find((l) => l.startsWith(`Adres;${srv.base}drechtsteden/cijfer-jeugd-jongeren-in-jeugdzorg.html?`)) || '';
    assert.ok(address, 'the address of the view');
    assert.match(address, /gemeente=GM0642/);

    const [jsonDownload] = await Promise.all([page.waitForEvent('download'), page.click('button:has-text("JSON")')]);
    const json = JSON.parse((await readDownload(jsonDownload)).toString('utf8'));
    const fromJson = json.rijen.map((r) => [r.naam, ...r.waarden.map((w) => (w.waarde === null ? w.status : w.waarde))]);
    const number = (v) => (/^[\d.,-]+$/.test(v) ? Number(v.replace(',', '.')) : v);
    assert.deepEqual(fromJson, screen.map((row) => [row[0], ...row.slice(1).map(asCsv).map(number)]));
    assert.equal(json.rijen[0].waarden[0].decimalen, 1);
    assert.equal(json.rijen.find((r) => r.naam === 'Zwijndrecht')?.cbs_code, 'GM0642');

    const [png] = await Promise.all([page.waitForEvent('download'), page.click('text=Afbeelding (PNG)')]);
    const pngBytes = await readDownload(png);
    assert.equal(pngBytes.subarray(1, 4).toString(), 'PNG');
    assert.ok(pngBytes.length > 20000, `PNG of ${pngBytes.length} bytes`);
    const [svg] = await Promise.all([page.waitForEvent('download'), page.click('text=Afbeelding (SVG)')]);
    const svgText = (await readDownload(svg)).toString('utf8');
    assert.match(svgText, /<svg/);
    assert.match(svgText, /Jongeren in jeugdzorg/);
    assert.match(svgText, /Bron: gemeentelijke monitor Sociaal Domein/);
    assert.deepEqual(page.log.errors, []);
  });
});

test('the Insluiten action gives a snippet for exactly the current view', async () => {
  const page = await newPage(browser, [srv.origin]);
  await page.goto(`${srv.base}?pagina=indicator&indicator=jeugd-jongeren-in-jeugdzorg&gemeente=GM0642&weergave=tabel`);
  await page.click('text=Insluiten op uw website');
  const code = await page.inputValue('.insluiten textarea');
  assert.match(code, /<iframe src="http:\/\/127\.0\.0\.1:\d+\/sociaal-domein\/monitor\/index\.html\?pagina=indicator&amp;regio=drechtsteden&amp;indicator=jeugd-jongeren-in-jeugdzorg&amp;gemeente=GM0642&amp;weergave=tabel&amp;embed=1"/);
  assert.match(code, /title="Jongeren in jeugdzorg, 1e halfjaar 2016 \(%\)"/);
  assert.match(code, /<script src="http:\/\/127\.0\.0\.1:\d+\/sociaal-domein\/monitor\/embed\.js" async><\/script>/);
  assert.match(code, /<p><a href="[^"]+weergave=tabel">/);
});
