// Shared set-up for the browser tests: serves dist/ under a nested sub-folder on 127.0.0.1,
// drives Debian's Chromium through playwright-core, records every request and console error,
// and saves a screenshot when a test fails.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
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
  page.log = log;
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
 * chart was on screen (the `msd:eerste-grafiek` mark), and when that was. What comes after the
 * mark, such as the chunk with the downloads' code, is not part of it. One definition for the
 * budget test and the size report.
 */
export async function firstView(page, base) {
  await page.waitForFunction(() => performance.getEntriesByName('msd:eerste-grafiek').length > 0, null, { timeout: 60000 });
  const { paintedMs, urls } = await page.evaluate(() => {
    const painted = performance.getEntriesByName('msd:eerste-grafiek')[0].startTime;
    return { paintedMs: painted, urls: performance.getEntriesByType('resource').filter((r) => r.startTime < painted).map((r) => r.name) };
  });
  const path = new URL(base).pathname;
  const files = [...new Set(['index.html', ...urls
    .filter((u) => u.startsWith(base))
    .map((u) => decodeURIComponent(new URL(u).pathname).slice(path.length) || 'index.html')])];
  return { paintedMs, files };
}

/** True when a canvas in the page has at least one painted, non-white pixel. */
export async function chartPainted(page) {
  return page.evaluate(() => [...document.querySelectorAll('.grafiek canvas')].some((c) => {
    if (!c.width || !c.height) return false;
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 0 && (d[i] < 240 || d[i + 1] < 240 || d[i + 2] < 240)) return true;
    return false;
  }));
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
export async function tabTo(page, text, max = 150) {
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => (document.activeElement ? document.activeElement.textContent.trim() : ''));
    if (focused.includes(text)) return;
  }
  throw new Error(`could not reach "${text}" with the Tab key`);
}
