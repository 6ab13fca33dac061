// Issue 16: embeds and exports a newsroom can publish as they are. The article pages are served
// from a second origin (another port), as on a newspaper's site.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, launch, newPage, withScreenshot, chartsPainted, seriesPainted, docsSnippet, readDownload, settledHeight, contentHeight, frames } from './harness.mjs';
import { serve } from './serve.mjs';

let srv, host, hostOrigin, browser;
const hostDir = mkdtempSync(join(tmpdir(), 'msd-krant-'));

/** An article page with the snippet in a column of `column` (CSS width). */
function article(name, snippet, column) {
  writeFileSync(join(hostDir, name), `<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>Artikel</title></head>
<body style="margin:0;font-family:Georgia,serif"><div id="kolom" style="width:${column};max-width:100%;margin:0 auto">
<h1>Jeugdzorg in de regio</h1><p>Tekst van het artikel.</p>
${snippet}
<p id="verder">Meer tekst.</p></div></body></html>`);
}

before(async () => {
  srv = await startServer();
  host = await serve({ mounts: { '/': hostDir }, csp: false });
  hostOrigin = `http://127.0.0.1:${host.address().port}`;
  const snippet = docsSnippet(srv.base);
  article('kolom-680.html', snippet, '680px');
  article('vloeiend.html', snippet, '100%');
  // A CMS that strips scripts: the iframe keeps only its fixed height.
  article('zonder-script.html', snippet.replace(/<script[^>]*><\/script>/, ''), '680px');
  browser = await launch();
});
after(async () => { await browser?.close(); srv?.server.close(); host?.close(); });

/** True when the element with this text lies fully inside the iframe's visible box. */
async function inSight(page, frame, selector) {
  const frameHeight = await page.evaluate(() => document.querySelector('iframe').getBoundingClientRect().height);
  const box = await frame.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (!el) return null;
    const r = el.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, visible: r.height > 0 };
  }, selector);
  return Boolean(box && box.visible && box.top >= 0 && box.bottom <= frameHeight + 1);
}

test('the default embed in a 680 px column is at most 900 px tall and shows chart, source and licence', async () => {
  const page = await newPage(browser, [srv.origin, hostOrigin], { width: 1280, height: 900 });
  await withScreenshot(page, 'krant-680', async () => {
    await page.goto(`${hostOrigin}/kolom-680.html`);
    const frame = await (await page.waitForSelector('iframe')).contentFrame();
    await chartsPainted(frame);
    const height = await settledHeight(page, frame);
    console.log(`embed height in a 680 px column: ${height} px`);
    assert.ok(height <= 900, `the embed is ${height} px tall`);
    assert.deepEqual(await seriesPainted(frame), [true], 'the chart is drawn');
    assert.ok(await inSight(page, frame, '.grafiek'), 'the chart is in sight');
    assert.ok(await inSight(page, frame, '.embed-voet .bron'), 'the source is in sight');
    assert.ok(await inSight(page, frame, '.embed-voet .licentie'), 'the licence is in sight');
    assert.match(await frame.textContent('.embed-voet .bron'), /^Bron: gemeentelijke monitor Sociaal Domein/);
    assert.match(await frame.textContent('.embed-voet .licentie'), /CC BY 4\.0/);
    assert.equal(await frame.locator('.downloads, .insluiten, table.cijfers:visible').count(), 0, 'table and downloads are behind the link');
    const more = frame.locator('a:has-text("Tabel, toelichting en downloads in de monitor")');
    assert.equal(await more.getAttribute('target'), '_blank');
    assert.doesNotMatch(await more.getAttribute('href'), /embed=1/);
    assert.ok(Math.abs(height - (await contentHeight(frame))) <= 2, 'the iframe is as tall as its content');
    assert.deepEqual(page.log.foreign, []);
    // (The article page's own favicon is a 404 on the test host; the embed logs no errors.)
    assert.deepEqual(page.log.errors.filter((e) => !e.includes('404')), []);
  });
});

test('the embed follows its content when the window is widened and narrowed again', async () => {
  const page = await newPage(browser, [srv.origin, hostOrigin], { width: 375, height: 800 });
  await withScreenshot(page, 'krant-vloeiend', async () => {
    await page.goto(`${hostOrigin}/vloeiend.html`);
    const frame = await (await page.waitForSelector('iframe')).contentFrame();
    await chartsPainted(frame);
    const narrow = await settledHeight(page, frame);
    await page.setViewportSize({ width: 1280, height: 800 });
    const wide = await settledHeight(page, frame);
    const wideContent = await contentHeight(frame);
    await page.setViewportSize({ width: 375, height: 800 });
    const narrowAgain = await settledHeight(page, frame);
    console.log(`embed height 375 → 1280 → 375: ${narrow} → ${wide} → ${narrowAgain} px`);
    assert.ok(wide < narrow, `wider column, shorter embed (${narrow} → ${wide})`);
    assert.ok(Math.abs(wide - wideContent) <= 2, `no hole: iframe ${wide} px for ${wideContent} px of content`);
    assert.ok(Math.abs(narrowAgain - narrow) <= 4, `back at 375 px: ${narrowAgain} px, was ${narrow} px`);
    assert.ok(Math.abs(narrowAgain - (await contentHeight(frame))) <= 2, 'the iframe is as tall as its content');
    // Widen once more: the iframe shrinks again (it used to keep its largest height).
    await page.setViewportSize({ width: 1280, height: 800 });
    const wideAgain = await settledHeight(page, frame);
    assert.ok(Math.abs(wideAgain - wide) <= 4, `wide again: ${wideAgain} px, was ${wide} px`);
  });
});

test('without embed.js the fixed height still shows the chart and the source', async () => {
  const page = await newPage(browser, [srv.origin, hostOrigin], { width: 1280, height: 900 });
  await page.goto(`${hostOrigin}/zonder-script.html`);
  const frame = await (await page.waitForSelector('iframe')).contentFrame();
  await chartsPainted(frame);
  await frames(page);
  assert.ok(await inSight(page, frame, '.grafiek'), 'the chart is in sight');
  assert.ok(await inSight(page, frame, '.embed-voet .bron'), 'the source is in sight');
  assert.ok(await inSight(page, frame, '.embed-voet .licentie'), 'the licence is in sight');
});

test('a table embed fits a narrow column: no column is cut off, no word is broken', async () => {
  for (const width of [375, 680]) {
    const page = await newPage(browser, [srv.origin], { width, height: 900 });
    await withScreenshot(page, `krant-tabel-${width}`, async () => {
      await page.goto(`${srv.base}?pagina=indicator&indicator=jeugd-jongeren-in-jeugdzorg&weergave=tabel&embed=1`);
      await page.waitForSelector('table.cijfers');
      const overflow = await page.evaluate(() => {
        const t = document.querySelector('table.cijfers');
        const cells = [...t.tBodies[0].querySelectorAll('td, th')].map((c) => c.getBoundingClientRect());
        return { page: document.documentElement.scrollWidth - window.innerWidth, right: Math.max(...cells.map((r) => r.right)) - window.innerWidth };
      });
      assert.ok(overflow.page <= 0, `the page scrolls sideways by ${overflow.page} px at ${width} px`);
      assert.ok(overflow.right <= 0, `a cell sticks out by ${overflow.right} px at ${width} px`);
      // Gemeente names stay whole (they used to be cut anywhere: "Alblasserd|am").
      const nameLines = await page.evaluate(() => [...document.querySelectorAll('table.cijfers tbody th')].map((th) => {
        const r = document.createRange();
        r.selectNodeContents(th);
        return [th.textContent.trim(), r.getClientRects().length];
      }));
      for (const [name, lines] of nameLines) {
        if (!name.includes('-') && !name.includes(' ')) assert.equal(lines, 1, `"${name}" is broken over ${lines} lines at ${width} px`);
      }
      const geheim = await page.locator('table.cijfers td:has-text("geheim")').first();
      assert.ok(await geheim.isVisible(), 'the geheim cells are shown');
      assert.match(await page.textContent('.embed-voet'), /CC BY 4\.0/);
    });
  }
});

test('a table embed with many columns becomes a list per area, also in a wide column', async () => {
  const page = await newPage(browser, [srv.origin], { width: 680, height: 900 });
  await page.goto(`${srv.base}?pagina=indicator&indicator=jeugd-stapeling-in-jeugdzorg&weergave=tabel&embed=1`);
  await page.waitForSelector('table.cijfers');
  const out = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth - window.innerWidth,
    list: getComputedStyle(document.querySelector('table.cijfers td')).display,
    label: getComputedStyle(document.querySelector('table.cijfers td'), '::before').content,
  }));
  assert.equal(out.page, 0, 'no sideways scrolling');
  assert.equal(out.list, 'flex');
  assert.match(out.label, /^".+"$/, 'each value is named by its column');
});

test('the CSV has the note, the contradictions, the licence, the address and the date', async () => {
  const page = await newPage(browser, [srv.origin]);
  const query = '?pagina=indicator&indicator=participatie-instroom-bijstand-verdiencapaciteit-2016';
  await page.goto(`${srv.base}${query}`);
  await page.waitForSelector('text=CSV (Excel)');
  assert.match(await page.textContent('.toelichting'), /Let op: dit is een telling naar dossiers\./);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('text=CSV (Excel)')]);
  const lines = (await readDownload(download)).toString('utf8').slice(1).split('\r\n');
  assert.ok(lines.includes('Toelichting;Let op: dit is een telling naar dossiers.'), 'the note shown on the page');
  assert.ok(lines.some((l) => l.startsWith('Bron spreekt zichzelf tegen;')), 'the contradictions');
  assert.ok(lines.some((l) => l.startsWith('Licentie;CC BY 4.0')), 'the licence');
  const address = lines.find((l) => l.startsWith('Adres;')) || '';
  assert.equal(address, `Adres;${srv.base}drechtsteden/cijfer-participatie-instroom-bijstand-verdiencapaciteit-2016.html`);
  assert.ok(!address.includes('embed=1'));
  assert.ok(lines.some((l) => /^Gedownload op;\d{1,2} [a-z]+ 20\d\d$/.test(l)), 'the date');
  const [json] = await Promise.all([page.waitForEvent('download'), page.click('button:has-text("JSON")')]);
  const doc = JSON.parse((await readDownload(json)).toString('utf8'));
  assert.ok(doc.toelichting.includes('Let op: dit is een telling naar dossiers.'));
  assert.equal(doc.licentie.naam, 'CC BY 4.0');
  assert.match(doc.gedownload_op, /^20\d\d-\d\d-\d\d$/);
});

/** Horizontal bands of ink in the rows [from, to) of an image: [top, bottom) pairs. */
async function inkBands(page, dataUrl, fromFraction) {
  return page.evaluate(async ({ dataUrl, fromFraction }) => {
    const img = new Image();
    img.src = dataUrl;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.naturalWidth;
    c.height = img.naturalHeight;
    const ctx = c.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const { data } = ctx.getImageData(0, 0, c.width, c.height);
    const from = Math.floor(c.height * fromFraction);
    const bands = [];
    let start = -1;
    for (let y = from; y < c.height; y += 1) {
      let ink = false;
      for (let x = 0; x < c.width && !ink; x += 1) {
        const i = (y * c.width + x) * 4;
        if (data[i] < 160 && data[i + 1] < 160 && data[i + 2] < 160) ink = true;
      }
      if (ink && start < 0) start = y;
      if (!ink && start >= 0) { bands.push([start, y]); start = -1; }
    }
    if (start >= 0) bands.push([start, c.height]);
    return { bands, height: c.height };
  }, { dataUrl, fromFraction });
}

test('the PNG and SVG images: source lines on their own lines, geheim marked, no empty period', async () => {
  const page = await newPage(browser, [srv.origin]);
  await withScreenshot(page, 'krant-afbeelding', async () => {
    await page.goto(`${srv.base}?pagina=indicator&indicator=jeugd-jongeren-in-jeugdzorg`);
    await page.waitForSelector('.grafiek canvas');
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('text=Afbeelding (PNG)')]);
    const url = `data:image/png;base64,${(await readDownload(png)).toString('base64')}`;
    // Under the chart (the last fifth of the image): one band of ink per text line, each no
    // taller than a line (at 2×: 15 px line height → 30 px), so no line is drawn over another.
    const { bands } = await inkBands(page, url, 0.8);
    const footer = bands.filter(([a, b]) => b - a >= 8);
    assert.ok(footer.length >= 6, `${footer.length} lines of text under the chart: ${JSON.stringify(bands)}`);
    for (const [a, b] of footer) assert.ok(b - a <= 30, `a band of text ${b - a} px tall (lines drawn over each other?)`);

    const [svg] = await Promise.all([page.waitForEvent('download'), page.click('text=Afbeelding (SVG)')]);
    const svgText = (await readDownload(svg)).toString('utf8');
    await page.setContent(`<!DOCTYPE html><html><body style="margin:0">${svgText}</body></html>`);
    const texts = await page.evaluate(() => [...document.querySelectorAll('svg text')].map((t) => {
      const r = t.getBoundingClientRect();
      return { text: t.textContent, left: r.left, right: r.right, top: r.top, bottom: r.bottom };
    }));
    const mine = texts.filter((t) => /^(Bron:|Overgenomen uit:|Tekens:|Licentie:|Adres:|Gedownload op|Cijfers:)/.test(t.text));
    assert.ok(mine.length >= 6, JSON.stringify(mine.map((t) => t.text)));
    for (const a of mine) {
      for (const b of texts) {
        if (a === b) continue;
        const overlap = a.left < b.right && b.left < a.right && a.top < b.bottom - 1 && b.top < a.bottom - 1;
        assert.ok(!overlap, `"${a.text}" overlaps "${b.text}"`);
      }
    }
    assert.ok(texts.some((t) => t.text === 'geheim'), 'a geheim cell is drawn as a labelled mark');
    assert.ok(texts.some((t) => t.text.startsWith('Licentie: CC BY 4.0')));
    assert.ok(texts.some((t) => t.text.startsWith('Adres: http')));
    assert.ok(!texts.some((t) => /Cijfers:\s*(·|$)/.test(t.text)), 'no empty period');
  });
});

test('a time-series image names its span, never "Cijfers:  ·"', async () => {
  const page = await newPage(browser, [srv.origin]);
  await page.goto(`${srv.base}?regio=ridderkerk&pagina=indicator&indicator=participatie-ridderkerk-buig-budget`);
  await page.waitForSelector('.grafiek canvas');
  const [svg] = await Promise.all([page.waitForEvent('download'), page.click('text=Afbeelding (SVG)')]);
  const svgText = (await readDownload(svg)).toString('utf8');
  assert.match(svgText, /Cijfers: 2016 t\/m 2018/);
  assert.doesNotMatch(svgText, /Cijfers:\s+·/);
});

test('a link with an unknown period, gemeente or indicator says so, and the tab names the chart', async () => {
  const page = await newPage(browser, [srv.origin]);
  await page.goto(`${srv.base}?pagina=indicator&indicator=jeugd-jongeren-in-jeugdzorg&periode=2099&gemeente=GM9999`);
  await page.waitForSelector('.meldingen');
  const notice = await page.textContent('.meldingen');
  assert.match(notice, /De periode ‘2099’ staat niet in deze tabel \(wel: 1e halfjaar 2016\)\. U ziet 1e halfjaar 2016\./);
  assert.match(notice, /De gemeente ‘GM9999’ hoort niet bij Drechtsteden/);
  await page.waitForFunction(() => document.title.startsWith('Jongeren in jeugdzorg'));
  assert.match(await page.title(), /^Jongeren in jeugdzorg, 1e halfjaar 2016 \(%\) — /);

  await page.goto(`${srv.base}?pagina=indicator&indicator=participatie-ridderkerk-buig-budget`);
  await page.waitForSelector('main h1');
  assert.match(await page.textContent('main h1'), /BUIG/i, 'regio= may be left out for a unique id');
  assert.equal(await page.locator('.meldingen').count(), 0);

  await page.goto(`${srv.base}?pagina=indicator&indicator=wmo-bestaat-niet`);
  await page.waitForSelector('.meldingen');
  assert.match(await page.textContent('.meldingen'), /bestaat niet \(meer\)/);
});

test('a time series has a period choice, and search understands "Zwijndrecht jeugd"', async () => {
  const page = await newPage(browser, [srv.origin]);
  await page.goto(`${srv.base}?regio=ridderkerk&pagina=indicator&indicator=participatie-ridderkerk-instroomredenen`);
  const choice = page.locator('nav[aria-label="Periode"] a');
  await choice.first().waitFor();
  const labels = await choice.allTextContents();
  assert.equal(labels[0], 'Alle perioden');
  assert.ok(labels.length >= 3, labels.join(', '));
  await page.click('nav[aria-label="Periode"] a:has-text("2017")');
  await page.waitForFunction(() => location.search.includes('periode=2017'));
  await page.waitForSelector('nav[aria-label="Periode"] a[aria-current]:has-text("2017")');

  await page.goto(`${srv.base}?pagina=zoeken&zoek=Zwijndrecht+jeugd`);
  await page.waitForSelector('.zoekresultaten li a');
  const hit = page.locator('.zoekresultaten a:has-text("Jongeren in jeugdzorg")');
  assert.equal(await hit.count(), 1);
  assert.match(await hit.getAttribute('href'), /gemeente=GM0642/);
});

test('print: the chart is redrawn at the width of the paper, the source under it, the address and date at the end', async () => {
  const page = await newPage(browser, [srv.origin], { width: 1280, height: 900 });
  await page.goto(`${srv.base}?pagina=indicator&indicator=jeugd-jongeren-in-jeugdzorg&gemeente=GM0642`);
  await chartsPainted(page);
  const screenWidth = await page.evaluate(() => document.querySelector('.grafiek canvas').getBoundingClientRect().width);
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  // The binding resizes the charts in the listener; its resize observer answers the print
  // layout before the next frames are drawn.
  await frames(page);
  const paper = await page.evaluate(() => {
    const canvas = document.querySelector('.grafiek canvas').getBoundingClientRect();
    const source = document.querySelector('.bron-onder-grafiek');
    const figure = document.querySelector('.grafiek-kader').getBoundingClientRect();
    const address = document.querySelector('.afdruk-adres');
    return {
      width: canvas.width,
      source: source.textContent,
      gap: source.getBoundingClientRect().top - figure.bottom,
      sourceShown: getComputedStyle(source).display !== 'none',
      address: address.textContent,
      addressShown: getComputedStyle(address).display !== 'none',
    };
  });
  assert.ok(screenWidth > 680, `on screen the chart is ${screenWidth} px wide`);
  assert.ok(paper.width <= 680, `on paper the chart is ${paper.width} px wide`);
  assert.ok(paper.sourceShown && paper.gap >= 0 && paper.gap < 40, `the source directly under the chart (${paper.gap} px)`);
  assert.match(paper.source, /^Bron: gemeentelijke monitor Sociaal Domein/);
  assert.ok(paper.addressShown);
  assert.match(paper.address, /^Adres: http:\/\/127\.0\.0\.1:\d+\/sociaal-domein\/monitor\/drechtsteden\/cijfer-jeugd-jongeren-in-jeugdzorg\.html\?gemeente=GM0642 · Afgedrukt op \d{1,2} [a-z]+ 20\d\d$/);
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await page.emulateMedia({ media: 'screen' });
  await frames(page);
  const back = await page.evaluate(() => document.querySelector('.grafiek canvas').getBoundingClientRect().width);
  assert.ok(Math.abs(back - screenWidth) <= 2, `back on screen: ${back} px`);
});
