// Issue 22: every page is baked at build time (src/core/bake, scripts/bake-svg.mjs) and the app
// takes over in place.
//
// - A plain HTTP request for an indicator's page returns its own title, figures, chart and
//   preview tags (what a link preview or a search engine gets).
// - With JavaScript off, every page type shows its figures, tables and charts.
// - The app takes over without a layout shift (CLS, as the Layout Instability API counts it) and
//   shows what the baked page showed: the same heading and the same figures.
// - Never stale: on a copy of the site where one figure was changed in a data file (as a council
//   replaces a file without building), the old figure is never on screen, from the first frame
//   on (checked in every animation frame by a script that runs before the page's own); a control
//   run on the unchanged site sees it, so the check can fail.
// - Old links (`?pagina=indicator&…`) still open their view, at the view's own address; in-app
//   navigation after the takeover does not reload, and a reload opens the baked page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, launch, newPage, withScreenshot, frames, DIST, FOLDER } from './harness.mjs';

const INDICATOR = 'drechtsteden/cijfer-jeugd-jongeren-in-jeugdzorg.html';
const PAGES = {
  home: '',
  thema: 'drechtsteden/jeugd.html',
  indicator: INDICATOR,
  profiel: 'drechtsteden/profiel-GM0642.html',
  vergelijken: 'drechtsteden/vergelijk.html',
  zoeken: 'drechtsteden/zoeken.html',
};

let srv, browser, stale, staleDir;
before(async () => {
  srv = await startServer();
  browser = await launch();
  // The copy with one changed figure: Zwijndrecht's share of youths with jeugdhulp, 10,7 → 99,9.
  staleDir = mkdtempSync(join(tmpdir(), 'msd-gebakken-'));
  cpSync(DIST, staleDir, { recursive: true });
  const file = join(staleDir, 'data/drechtsteden-jeugd.json');
  const data = JSON.parse(readFileSync(file, 'utf8'));
  const table = data.tables.find((t) => t.id === 'jeugd-jongeren-in-jeugdzorg');
  const cell = table.values.find((v) => v.area === 'GM0642' && v.measure === 'jeugdhulp' && v.value === 10.7);
  assert.ok(cell, 'the figure to change is in the data');
  cell.value = 99.9;
  writeFileSync(file, JSON.stringify(data, null, 2));
  stale = await startServer({ mounts: { [FOLDER]: staleDir } });
});
after(async () => {
  await browser?.close();
  srv?.server.close();
  stale?.server.close();
  if (staleDir) rmSync(staleDir, { recursive: true, force: true });
});

test('a plain request for an indicator page returns its own title, figures, chart and preview tags', async () => {
  const res = await fetch(srv.base + INDICATOR);
  assert.equal(res.status, 200);
  const html = await res.text();
  assert.match(html, /<title>Jongeren in jeugdzorg[^<]*<\/title>/);
  assert.match(html, /<meta property="og:title" content="Jongeren in jeugdzorg/);
  assert.match(html, /<meta property="og:description" content="Jeugdhulp: van 8,7%/);
  assert.match(html, /<meta name="twitter:card"/);
  for (const figure of ['10,7%', '8,2%']) assert.ok(html.includes(`data-waarde="${figure}"`), `the table has ${figure}`);
  assert.ok((html.match(/<svg /g) || []).length >= 2, 'the chart, at a phone\'s and a desktop\'s width');
  assert.ok(!html.includes('<!--msd-svg:'), 'every chart placeholder was drawn');
  assert.ok(!/\sstyle="/.test(html) && !html.includes('<style'), 'nothing a strict CSP would block');
  const other = await (await fetch(srv.base + 'drechtsteden/cijfer-wmo-clienten-pgb-zin.html')).text();
  assert.notEqual(other.match(/<title>[^<]*/)[0], html.match(/<title>[^<]*/)[0], 'each page has its own title');
});

/** What a reader sees of the page: visible headings, figures and drawn chart marks. */
function visible() {
  const shown = (el) => el.checkVisibility({ visibilityProperty: true, opacityProperty: true });
  const svgs = [...document.querySelectorAll('svg.gebakken-svg')].filter(shown);
  return {
    h1: [...document.querySelectorAll('h1')].filter(shown).map((h) => h.textContent.trim()),
    figures: [...document.querySelectorAll('td[data-waarde], .kaart .waarde, .kerncijfer .waarde, table.profiel td.getal')]
      .filter(shown).map((c) => c.dataset.waarde || c.textContent.trim()),
    // Bars and lines of a series: filled paths in a colour, not the white or grey of axes and grid.
    marks: svgs.reduce((n, svg) => n + [...svg.querySelectorAll('path[fill]')]
      .filter((p) => /^#(?!fff|ffffff|e0e6f1|6e7079)/i.test(p.getAttribute('fill'))).length, 0),
  };
}

test('with JavaScript off every page type shows its figures, tables and charts', async () => {
  for (const viewport of [{ width: 375, height: 800 }, { width: 1280, height: 900 }]) {
    const context = await browser.newContext({ viewport, javaScriptEnabled: false, locale: 'nl-NL' });
    const page = await context.newPage();
    for (const [name, path] of Object.entries(PAGES)) {
      await withScreenshot(page, `gebakken-zonder-js-${name}-${viewport.width}`, async () => {
        await page.goto(srv.base + path);
        if (name === 'thema') {
          // Issue 23: a theme page shows each pillar's answer; the other cards open in place
          // with a tap on their summary line, which needs no JavaScript either.
          const answers = await page.evaluate(visible);
          assert.ok(answers.figures.length >= 2, `thema at ${viewport.width}: answers ${JSON.stringify(answers.figures)}`);
          for (const summary of await page.locator('details.meer > summary').all()) await summary.click();
        }
        const seen = await page.evaluate(visible);
        assert.equal(seen.h1.length, 1, `${name}: one heading`);
        if (['home', 'thema', 'indicator', 'profiel'].includes(name)) {
          assert.ok(seen.figures.length >= 4, `${name} at ${viewport.width}: figures ${JSON.stringify(seen.figures)}`);
        }
        if (['home', 'thema', 'indicator'].includes(name)) assert.ok(seen.marks >= 4, `${name} at ${viewport.width}: chart marks ${seen.marks}`);
        assert.ok(!(await page.content()).includes('JavaScript nodig'), 'no "needs JavaScript" message');
      });
    }
    await context.close();
  }
});

/** Runs before the page's own scripts: the layout shifts, and the baked page's heading and figures. */
function recordTakeover() {
  window.__cls = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
  }).observe({ type: 'layout-shift', buffered: true });
  document.addEventListener('DOMContentLoaded', () => {
    const baked = document.getElementById('gebakken');
    if (!baked) return;
    window.__gebakken = {
      h1: baked.querySelector('h1')?.textContent.trim(),
      figures: [...baked.querySelectorAll('td[data-waarde], .kaart .waarde, .kerncijfer .waarde')].map((c) => c.dataset.waarde || c.textContent.trim()),
    };
  });
}

test('the app takes over the baked page in place: no layout shift, the same heading and figures', async () => {
  for (const viewport of [{ width: 375, height: 800 }, { width: 1280, height: 900 }]) {
    for (const name of ['home', 'thema', 'indicator']) {
      const page = await newPage(browser, [srv.origin], viewport);
      await page.context().addInitScript(recordTakeover);
      await withScreenshot(page, `gebakken-overname-${name}-${viewport.width}`, async () => {
        await page.gotoBaked(srv.base + PAGES[name]);
        await page.waitForFunction(() => document.documentElement.dataset.app === 'actief', null, { timeout: 60000 });
        // Shifts are counted for 30 more frames after the takeover.
        await frames(page, 30);
        const { cls, baked, app } = await page.evaluate(() => ({
          cls: window.__cls,
          baked: window.__gebakken,
          app: {
            h1: document.querySelector('#app h1')?.textContent.trim(),
            figures: [...document.querySelectorAll('#app td[data-waarde], #app .kaart .waarde, #app .kerncijfer .waarde')].map((c) => c.dataset.waarde || c.textContent.trim()),
          },
        }));
        assert.ok(baked && baked.figures.length > 0, `${name}: the baked page had figures`);
        assert.ok(cls <= 0.1, `${name} at ${viewport.width}: CLS ${cls.toFixed(3)}`);
        assert.equal(app.h1, baked.h1, `${name}: the heading`);
        assert.deepEqual(app.figures, baked.figures, `${name} at ${viewport.width}: the figures`);
        assert.equal(await page.locator('svg.gebakken-svg').count(), 0, 'the baked copy is gone');
        assert.deepEqual(page.log.errors, []);
      });
      await page.context().close();
    }
  }
});

/**
 * Runs before the page's own scripts and in every animation frame from the first: whether
 * Zwijndrecht's old figure (10,7%) is visible in a table row, a card, a key figure or a baked
 * chart's label.
 */
function watchOldFigure() {
  window.__oud = [];
  const shown = (el) => el.checkVisibility({ visibilityProperty: true, opacityProperty: true });
  const check = () => {
    const cells = [...document.querySelectorAll('tr')].filter((tr) => tr.querySelector('th')?.textContent.trim() === 'Zwijndrecht')
      .flatMap((tr) => [...tr.querySelectorAll('td[data-waarde="10,7%"]')]);
    const labels = [...document.querySelectorAll('svg.gebakken-svg text')].filter((t) => t.textContent.trim() === '10,7%');
    const cards = [...document.querySelectorAll('.kaart .waarde, .kerncijfer .waarde')].filter((c) => c.textContent.trim() === '10,7%');
    const seen = [...cells, ...labels, ...cards].filter(shown);
    if (seen.length) window.__oud.push(performance.now());
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

test('never stale: a figure changed on the host after the build is never shown with its old value', async () => {
  // The control: on the unchanged site the watcher sees the figure (so it can fail).
  const control = await newPage(browser, [srv.origin], { width: 1280, height: 900 });
  await control.context().addInitScript(watchOldFigure);
  await control.gotoBaked(srv.base + INDICATOR);
  await control.waitForFunction(() => window.__oud.length > 0, null, { timeout: 30000 });
  await control.context().close();
  for (const [name, path] of Object.entries({ home: '', thema: PAGES.thema, indicator: INDICATOR, profiel: PAGES.profiel })) {
    const page = await newPage(browser, [stale.origin], { width: 1280, height: 900 });
    await page.context().addInitScript(watchOldFigure);
    await withScreenshot(page, `gebakken-verouderd-${name}`, async () => {
      await page.gotoBaked(stale.base + path);
      await page.waitForFunction(() => document.documentElement.dataset.app === 'actief', null, { timeout: 60000 });
      await frames(page, 10);
      const seen = await page.evaluate(() => window.__oud.length);
      assert.equal(seen, 0, `${name}: the old figure was on screen in ${seen} frames`);
      if (name === 'indicator') {
        const cells = await page.locator('tr.gekozen td[data-waarde="99,9%"], td[data-waarde="99,9%"]').count();
        assert.ok(cells > 0, 'the app shows the new figure');
      }
    });
    await page.context().close();
  }
});

test('old links open their view at its own address; in-app links do not reload; a reload opens the baked page', async () => {
  const page = await newPage(browser, [srv.origin], { width: 1280, height: 900 });
  await withScreenshot(page, 'gebakken-adressen', async () => {
    await page.goto(`${srv.base}?pagina=indicator&regio=drechtsteden&indicator=jeugd-jongeren-in-jeugdzorg&gemeente=GM0642`);
    await page.waitForSelector('#app h1');
    assert.match(await page.locator('h1').textContent(), /Jongeren in jeugdzorg/);
    assert.equal(page.url(), `${srv.base}${INDICATOR}?gemeente=GM0642`);
    await page.evaluate(() => { window.__zelfdePagina = true; });
    await page.locator('.kruimelpad a').click();
    await page.waitForFunction(() => location.pathname.endsWith('/drechtsteden/jeugd.html'));
    await page.waitForSelector('.kaart');
    assert.equal(await page.evaluate(() => window.__zelfdePagina), true, 'no reload');
    await page.reload();
    assert.match(await page.title(), /^Jeugdhulp in Drechtsteden/);
  });
  await page.context().close();
});
