// Shared set-up for the browser tests: serves dist/ under a nested sub-folder on 127.0.0.1,
// drives Debian's Chromium through playwright-core, records every request and console error,
// and saves a screenshot when a test fails.
import { chromium } from 'playwright-core';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { writeNational } from '../../scripts/national-fixture.mjs';
import { serve } from './serve.mjs';

export const ROOT = resolve(new URL('../..', import.meta.url).pathname);
export const DIST = resolve(ROOT, 'dist');
export const FOLDER = '/sociaal-domein/monitor/';
export const ARTIFACTS = resolve(ROOT, 'tests/browser/artifacts');
mkdirSync(ARTIFACTS, { recursive: true });

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

export async function startServer(options = {}) {
  const axe = resolve(ROOT, 'node_modules/axe-core');
  const server = await serve({ mounts: { [FOLDER]: DIST, '/test-tools/axe/': axe, ...(options.mounts || {}) }, csp: options.csp ?? true });
  const { port } = server.address();
  return { server, origin: `http://127.0.0.1:${port}`, base: `http://127.0.0.1:${port}${FOLDER}` };
}

export async function launch() {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
}

/**
 * A page that records requests to other origins, console errors, page errors and CSP
 * violations. `allowed` lists the origins the page may talk to.
 */
export async function newPage(browser, allowed, viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ viewport, locale: 'nl-NL' });
  await context.addInitScript(watchCharts);
  const page = await context.newPage();
  const log = { foreign: [], errors: [], requests: [] };
  page.on('request', (r) => {
    const url = r.url();
    log.requests.push(url);
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    const origin = new URL(url).origin;
    if (!allowed.includes(origin)) log.foreign.push(url);
  });
  page.on('response', (r) => { if (r.status() >= 400) log.failed = [...(log.failed || []), `${r.status()} ${r.url()}`]; });
  page.on('console', (m) => { if (m.type() === 'error') log.errors.push(`${m.text()} ${(log.failed || []).join(', ')}`.trim()); });
  page.on('pageerror', (e) => log.errors.push(String(e)));
  // The data check page asks before it is left with work not yet made into files (issue 27):
  // a test that navigates away leaves (as a reader answering "Verlaten" would); other dialogs
  // are dismissed as Playwright does by default. `page.log.dialogs` lists them for assertions.
  log.dialogs = [];
  page.on('dialog', (d) => { log.dialogs.push(d.type()); (d.type() === 'beforeunload' ? d.accept() : d.dismiss()).catch(() => {}); });
  page.log = log;
  // A baked page (issue 22) is on screen before the app: tests of the app wait until it has
  // taken over (`#gebakken` gone), so they never act on the baked copy. `gotoBaked` is the plain
  // goto, for tests of the baked page itself.
  page.gotoBaked = page.goto.bind(page);
  const reload = page.reload.bind(page);
  page.goto = async (url, options) => { const r = await page.gotoBaked(url, options); await takenOver(page); return r; };
  page.reload = async (options) => { const r = await reload(options); await takenOver(page); return r; };
  return page;
}

/** Runs `body(page)`; on failure saves a screenshot named after the test, then rethrows. */
export async function withScreenshot(page, name, body) {
  try {
    await body(page);
  } catch (e) {
    const file = resolve(ARTIFACTS, `${name.replace(/[^a-z0-9]+/gi, '-')}.png`);
    await page.screenshot({ path: file, fullPage: true }).catch(() => {});
    console.error(`screenshot: ${file}`);
    throw e;
  }
}

/** The text of every cell of the table with this caption, as rows of strings. */
export async function tableRows(page, caption) {
  return page.evaluate((caption) => {
    const t = [...document.querySelectorAll('table')].find((x) => x.caption && x.caption.textContent.includes(caption));
    if (!t) return null;
    return [...t.tBodies[0].rows].map((r) => [...r.cells].map((c, i) => (i === 0 ? c.textContent.trim() : (c.dataset.waarde ?? c.textContent.trim()))));
  }, caption);
}

/**
 * The first view: the files (paths inside dist/) the page at `base` requested before its first
 * chart was on screen (the `mark`: `msd:eerste-grafiek` for the app's first chart, or
 * `msd:gebakken-getoond` for a baked page's, public/gebakken.js), and when that was. What comes after the
 * mark, such as the chunk with the downloads' code, is not part of it. One definition for the
 * budget test and the size report.
 */
export async function firstView(page, base, mark = 'msd:eerste-grafiek') {
  await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, mark, { timeout: 60000 });
  const { paintedMs, urls } = await page.evaluate((mark) => {
    const painted = performance.getEntriesByName(mark)[0].startTime;
    return { paintedMs: painted, urls: performance.getEntriesByType('resource').filter((r) => r.startTime < painted).map((r) => r.name) };
  }, mark);
  const path = new URL(base).pathname;
  const files = [...new Set(['index.html', ...urls
    .filter((u) => u.startsWith(base))
    .map((u) => decodeURIComponent(new URL(u).pathname).slice(path.length) || 'index.html')])];
  return { paintedMs, files };
}

/**
 * Runs in every page and frame before the app (an init script): wraps `msdCharts.init` of the
 * ECharts binding (scripts/echarts-entry.js) so the tests can count the chart instances made
 * (`window.__msdInits`, one handle per container) and find a container's ECharts instance
 * (`el.__msdChart`). The app does not see
 * the difference.
 */
export function watchCharts() {
  window.__msdInits = 0;
  let charts;
  Object.defineProperty(window, 'msdCharts', {
    configurable: true,
    get: () => charts,
    set: (value) => {
      const init = value.init;
      value.init = function wrapped(el, ...rest) {
        const chart = init.call(this, el, ...rest);
        window.__msdInits += 1;
        // The binding returns a handle that makes (and may remake) the ECharts instance when an
        // option is drawn; `__msdChart` is always the instance on screen.
        Object.defineProperty(el, '__msdChart', { configurable: true, get: () => chart.instance ?? chart });
        return chart;
      };
      charts = value;
    },
  });
}

/** How many chart instances the page (or frame) has made so far. */
export async function chartInits(page) {
  return page.evaluate(() => window.__msdInits);
}

/**
 * The series colours of the app: `PALETTE` (src/core/present/charts/mod.rs), the dashboard cards' bar
 * colour (`BAR` in card.rs; the chosen gemeente is PALETTE[0]) and the budget charts' deficit
 * and surplus (`TEKORT`, `OVERSCHOT` in budget.rs). Not the grey of Nederland's bar (refine.rs):
 * it is too close to the axes' grey. `MAP_COLOURS` are the map's classes (`CLASS_COLOURS` in
 * map.rs), counted only on charts without a plot area (maps), as the lightest is close to the
 * grid lines' grey. foundation.test.mjs checks these lists against the Rust sources.
 */
export const SERIES_COLOURS = ['#01689b', '#a9006b', '#39870c', '#94710a', '#5b4b8a', '#42145f', '#d52b1e', '#007f7f', '#8fb8d6',
  '#c2261b', '#2f7209'];
export const MAP_COLOURS = ['#d6e6f4', '#93bfe0', '#3f88c5', '#0b4f8a'];

/**
 * In the page: for each chart container matching `selector`, how many device pixels of its
 * canvas have a series colour (±6 per channel), counted only inside the chart's plot areas
 * (ECharts' grids), so axes, axis labels and the legend (whose icons have the series colours)
 * never count; a chart without a grid (a map) is counted over its whole canvas. -1 when the
 * container has no canvas or no instance the harness knows.
 */
function countSeriesPixels({ selector, series, map }) {
  const rgb = (hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return [...document.querySelectorAll(selector)].map((el) => {
    const chart = el.__msdChart;
    const canvases = [...el.querySelectorAll('canvas')].filter((c) => c.width && c.height && c.clientWidth);
    if (!chart || chart.isDisposed() || !canvases.length) return -1;
    const boxes = [];
    chart.getModel().eachComponent('grid', (grid) => {
      const r = grid.coordinateSystem && grid.coordinateSystem.getRect();
      if (r) boxes.push(r);
    });
    const colours = (boxes.length ? series : [...series, ...map]).map(rgb);
    let count = 0;
    for (const c of canvases) {
      const scale = c.width / c.clientWidth;
      const whole = [{ x: 0, y: 0, width: c.clientWidth, height: c.clientHeight }];
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      for (const b of boxes.length ? boxes : whole) {
        // 2 px inside the plot area: its edges carry the axis lines.
        const inset = boxes.length ? 2 : 0;
        const x0 = Math.max(0, Math.ceil((b.x + inset) * scale));
        const x1 = Math.min(c.width, Math.floor((b.x + b.width - inset) * scale));
        const y0 = Math.max(0, Math.ceil((b.y + inset) * scale));
        const y1 = Math.min(c.height, Math.floor((b.y + b.height - inset) * scale));
        for (let y = y0; y < y1; y += 1) {
          for (let x = x0; x < x1; x += 1) {
            const i = (y * c.width + x) * 4;
            if (d[i + 3] < 250) continue;
            if (colours.some(([r, g, bl]) => Math.abs(d[i] - r) <= 6 && Math.abs(d[i + 1] - g) <= 6 && Math.abs(d[i + 2] - bl) <= 6)) count += 1;
          }
        }
      }
    }
    return count;
  });
}

/** A series counts as drawn from this many pixels of its colours in the plot area. */
const SERIES_PIXELS = 25;

/** Per chart container matching `selector`: how many pixels of series colours its plot areas hold. */
export async function seriesPixels(page, selector = '.grafiek') {
  return page.evaluate(countSeriesPixels, { selector, series: SERIES_COLOURS, map: MAP_COLOURS });
}

/**
 * Per chart container matching `selector`: whether its series are drawn (pixels of the app's
 * series colours inside its plot area; axes and legend are not enough). Call it once the chart
 * says it is painted (`chartsPainted`).
 */
export async function seriesPainted(page, selector = '.grafiek') {
  return (await seriesPixels(page, selector)).map((n) => n >= SERIES_PIXELS);
}

/**
 * Waits until at least one chart container matches `selector` and every one of them says that
 * ECharts has finished rendering its current option (`data-getekend="ja"`, set by
 * src/ui/chart.rs). Maps (src/ui/map.rs) do not say it; wait for them with `waitForSeries`.
 */
export async function chartsPainted(page, selector = '.grafiek', timeout = 30000) {
  await page.waitForFunction((selector) => {
    const els = [...document.querySelectorAll(selector)];
    return els.length > 0 && els.every((el) => el.dataset.getekend === 'ja');
  }, selector, { timeout });
}

/**
 * Waits until every chart container matching `selector` (at least one) has its series drawn;
 * false if that did not happen within `timeout` (the caller's assertion then says what is wrong).
 */
export async function waitForSeries(page, selector, timeout = 30000) {
  // Checked once per frame the page draws (a string predicate for waitForFunction would be an
  // eval, which the strict CSP forbids).
  const until = Date.now() + timeout;
  while (Date.now() < until) {
    const counts = await seriesPixels(page, selector);
    if (counts.length > 0 && counts.every((n) => n >= SERIES_PIXELS)) return true;
    await frames(page, 1);
  }
  return false;
}

/**
 * Waits until the page is idle: nothing is loading (`.laden`), every chart on the page is
 * painted (maps: their series), and the network has been quiet (Playwright's `networkidle`).
 */
export async function settled(page, timeout = 30000) {
  await page.waitForFunction(() => !document.querySelector('.laden'), null, { timeout });
  if (await page.locator('.grafiek:not(.kaart)').count()) await chartsPainted(page, '.grafiek:not(.kaart)', timeout);
  if (await page.locator('.grafiek.kaart').count()) await waitForSeries(page, '.grafiek.kaart', timeout);
  await page.waitForLoadState('networkidle', { timeout });
}

/** Waits for `n` frames to be rendered (ResizeObserver callbacks run before each one). */
export async function frames(page, n = 2) {
  await page.evaluate((n) => new Promise((ok) => {
    const step = (k) => (k === 0 ? ok() : requestAnimationFrame(() => step(k - 1)));
    step(n);
  }), n);
}

/** The embed's content height in CSS px, measured inside its frame as public/loader.js reports it. */
export async function contentHeight(frame) {
  return frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
}

/**
 * The height of the (first) embedded monitor's iframe on `page` once it has settled: public/embed.js
 * has applied the embed's report of its current content height (`data-msd-hoogte` and the
 * iframe's height), and the content kept that height meanwhile. If it does not settle within
 * `timeout`, the iframe's height as it is then (the caller's assertions say what is wrong).
 */
export async function settledHeight(page, frame, timeout = 30000) {
  const shown = () => page.evaluate(() => document.querySelector('iframe').getBoundingClientRect().height);
  const until = Date.now() + timeout;
  while (Date.now() < until) {
    await frames(page);
    const want = await contentHeight(frame);
    const applied = await page.waitForFunction((want) => {
      const f = document.querySelector('iframe');
      return Number(f.dataset.msdHoogte) === want && Math.abs(f.getBoundingClientRect().height - Math.min(Math.max(want, 150), 6000)) <= 1;
    }, want, { timeout: 5000 }).then(() => true, () => false);
    await frames(frame);
    if (applied && (await contentHeight(frame)) === want) return shown();
  }
  return shown();
}

/** The first <iframe …> snippet in docs/insluiten.md (up to its </p>), pointed at `base`. */
export function docsSnippet(base) {
  const doc = readFileSync(resolve(ROOT, 'docs/insluiten.md'), 'utf8');
  const start = doc.indexOf('<iframe');
  return doc.slice(start, doc.indexOf('</p>', start) + 4).replaceAll('https://UW-SITE/monitor/', base);
}

/** The bytes of a Playwright download. */
export async function readDownload(download) {
  return readFileSync(await download.path());
}

/** Runs axe-core (WCAG 2.1 A and AA rules) on the page; returns the violations. axe is served
 *  from the test server's own origin, so the strict CSP stays on. */
export async function axeViolations(page, origin) {
  await page.addScriptTag({ url: `${origin}/test-tools/axe/axe.min.js` });
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  });
}

/** Presses Tab until the focused element's text includes `text` (at most `max` times). */
export async function tabTo(page, text, max = 150, key = 'Tab') {
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press(key);
    // Not the body: its text is the whole page's (focus that left the last element lands there).
    const focused = await page.evaluate(() => (document.activeElement && document.activeElement !== document.body
      ? document.activeElement.textContent.trim() : ''));
    if (focused.includes(text)) return;
  }
  throw new Error(`could not reach "${text}" with the Tab key`);
}

/**
 * Waits until the app has taken over the baked page (`#gebakken` gone). `page.goto` and
 * `page.reload` already do; this is for navigations the page makes itself (a form sent).
 */
export function takenOver(page) {
  return page.waitForFunction(() => !document.getElementById('gebakken'), null, { timeout: 60000 });
}

/**
 * A copy of dist/ with the synthetic national region of scripts/national-fixture.mjs written
 * into it (issue 25); `edit(dir)` may change it further. `remove()` deletes the copy.
 */
export function nationalSite(edit = () => {}) {
  const dir = mkdtempSync(join(tmpdir(), 'msd-nationaal-'));
  cpSync(DIST, dir, { recursive: true });
  writeNational(dir);
  edit(dir);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
