// The bundled region against the synthetic national region (issue 25), side by side in one run:
// `node scripts/bench-first-chart.mjs --regions [--runs 3] [--monitor dist] [--per-thema] [--json FILE]`.
// A report, not a test: timings are never asserted (tests/browser/national-load.test.mjs checks
// the bytes).
//
// The national region (scripts/national-fixture.mjs, split per table; `--per-thema`: one file
// per theme, as before issue 25) is written into a copy of the monitor folder; both regions are
// served gzip-compressed by one static server; every run is a fresh browser context (empty cache)
// at 1280 × 900, CPU ×1 or ×4 (CDP Emulation.setCPUThrottlingRate), no network throttling; the
// regions alternate (the order flips every run) and the table gives medians. Measured:
// - home, first chart: navigation start → the frame after the app's first ECharts chart is on
//   screen (`msd:eerste-grafiek`; the address names the region, so the app draws it, not a baked page);
// - longest task: the longest `longtask` entry until 1 s after the app took over;
// - choosing a gemeente: a real click on Zwijndrecht's link (in both regions) → the next paint,
//   as Event Timing (the INP measure) reports it, and → the frame after the heading names it;
// - data before the first chart: the gzip bodies (encodedBodySize) of data/ requests finished
//   before that frame;
// - WASM memory: the main module's memory after the home page settled.
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CSP } from '../tests/browser/serve.mjs';
import { writeNational } from './national-fixture.mjs';

const ROOT = resolve(new URL('..', import.meta.url).pathname);
const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
const RUNS = Number(opt('--runs', 3));
const MONITOR = resolve(ROOT, opt('--monitor', 'dist'));
const JSON_FILE = opt('--json', null);
const SPLIT = !args.includes('--per-thema');
const REGIONS = ['drechtsteden', 'nederland'];
const RATES = [1, 4];
const CHOSEN = 'Zwijndrecht';

if (!existsSync(join(MONITOR, 'index.html'))) {
  console.error(`${MONITOR}/index.html is missing: run \`trunk build --release\` first`);
  process.exit(1);
}
const SITE = mkdtempSync(join(tmpdir(), 'msd-bench-regio-'));
cpSync(MONITOR, SITE, { recursive: true });
writeNational(SITE, 25, { split: SPLIT });

// ---- A static host with gzip (as bench-first-chart.mjs) ----------------------------------------
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.wasm': 'application/wasm', '.svg': 'image/svg+xml' };
const gz = new Map();
const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  if (!path.startsWith('/monitor/')) { res.writeHead(404); res.end(); return; }
  let file = normalize(join(SITE, path.slice('/monitor/'.length)));
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!file.startsWith(SITE + sep) || !existsSync(file)) { res.writeHead(404); res.end(); return; }
  const ext = extname(file);
  const headers = { 'Content-Type': TYPES[ext] || 'application/octet-stream', 'Cache-Control': 'no-cache', 'Content-Security-Policy': CSP };
  let body = readFileSync(file);
  if (TYPES[ext] && /\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
    if (!gz.has(file)) gz.set(file, gzipSync(body, { level: 6 }));
    body = gz.get(file);
    headers['Content-Encoding'] = 'gzip';
  }
  headers['Content-Length'] = body.length;
  res.writeHead(200, headers);
  res.end(body);
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const BASE = `http://127.0.0.1:${server.address().port}/monitor/`;

/** In every page before its scripts: long tasks, Event Timing entries, the WASM memory. */
function watch() {
  const w = window;
  w.__bench = { tasks: [], events: [], memories: [] };
  new PerformanceObserver((l) => { for (const e of l.getEntries()) w.__bench.tasks.push([e.startTime, e.duration]); })
    .observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) w.__bench.events.push({ name: e.name, start: e.startTime, duration: e.duration, id: e.interactionId });
  }).observe({ type: 'event', durationThreshold: 16, buffered: true });
  for (const name of ['instantiate', 'instantiateStreaming']) {
    const orig = WebAssembly[name];
    WebAssembly[name] = async (...a) => {
      const r = await orig.apply(WebAssembly, a);
      const exports = (r.instance || r).exports;
      if (exports && exports.memory) w.__bench.memories.push(exports.memory);
      return r;
    };
  }
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--disable-quic'],
});

/** One run: the home page of `region` at CPU ×`rate`, then a gemeente chosen. */
async function run(region, rate) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await page.addInitScript(watch);
  await page.goto(`${BASE}index.html?regio=${region}`, { waitUntil: 'commit' });
  await page.waitForFunction(() => performance.getEntriesByName('msd:eerste-grafiek').length > 0, null, { timeout: 180000, polling: 100 });
  await page.waitForFunction(() => document.documentElement.dataset.app === 'actief', null, { timeout: 180000, polling: 100 });
  await page.evaluate(() => new Promise((ok) => { setTimeout(ok, 1000); }));
  const home = await page.evaluate(() => {
    const first = performance.getEntriesByName('msd:eerste-grafiek')[0].startTime;
    const data = performance.getEntriesByType('resource').filter((r) => r.name.includes('/data/') && r.responseEnd <= first);
    const memory = window.__bench.memories.map((m) => m.buffer.byteLength).reduce((a, b) => Math.max(a, b), 0);
    return {
      first, longest: Math.max(0, ...window.__bench.tasks.map(([, d]) => d)),
      dataBytes: data.reduce((a, r) => a + r.encodedBodySize, 0), dataFiles: data.map((r) => r.name.split('/data/')[1]),
      memory,
    };
  });
  // Choosing a gemeente: its link, wherever the chooser keeps it (a closed <details> is opened first).
  const link = page.locator('main a', { hasText: new RegExp(`^\\s*${CHOSEN}\\s*$`) }).first();
  await page.evaluate((name) => {
    const a = [...document.querySelectorAll('main a')].find((x) => x.textContent.trim() === name);
    for (let d = a && a.closest('details'); d; d = d.parentElement && d.parentElement.closest('details')) d.open = true;
    window.__bench.seen = null;
    const heading = () => document.querySelector('main h1')?.textContent.includes(name);
    const mo = new MutationObserver(() => {
      if (window.__bench.seen !== null || !heading()) return;
      mo.disconnect();
      requestAnimationFrame(() => { window.__bench.seen = performance.now(); });
    });
    mo.observe(document.body, { childList: true, subtree: true, characterData: true });
  }, CHOSEN);
  const before = await page.evaluate(() => window.__bench.events.length);
  await link.click();
  await page.waitForFunction(() => window.__bench.seen !== null, null, { timeout: 60000, polling: 50 });
  await page.evaluate(() => new Promise((ok) => { setTimeout(ok, 500); }));
  const choose = await page.evaluate((n) => {
    const events = window.__bench.events.slice(n).filter((e) => ['pointerdown', 'pointerup', 'click'].includes(e.name));
    const click = events.find((e) => e.name === 'click') || events[0];
    return { inp: Math.max(0, ...events.map((e) => e.duration)), heading: click ? window.__bench.seen - click.start : null };
  }, before);
  await context.close();
  return { ...home, ...choose };
}

const results = {};
console.log(`Bundled vs national region (${SPLIT ? 'national data split per table' : 'national data one file per theme'}), ${RUNS} runs, alternating, ${MONITOR}`);
for (let i = 0; i < RUNS; i += 1) {
  for (const rate of RATES) {
    const order = i % 2 === 0 ? REGIONS : [...REGIONS].reverse();
    for (const region of order) {
      const r = await run(region, rate);
      (results[`${region}@${rate}`] ||= []).push(r);
      console.log(`  run ${i + 1} ×${rate} ${region.padEnd(13)} first chart ${Math.round(r.first)} ms, longest task ${Math.round(r.longest)} ms, `
        + `choose ${Math.round(r.inp)} ms (heading ${Math.round(r.heading)} ms), data ${(r.dataBytes / 1000).toFixed(1)} KB gzip `
        + `(${r.dataFiles.length} files), WASM ${(r.memory / 1048576).toFixed(1)} MB`);
    }
  }
}
await browser.close();
server.close();
rmSync(SITE, { recursive: true, force: true });

const median = (xs) => { const s = xs.filter((x) => typeof x === 'number').sort((a, b) => a - b); const m = s.length >> 1; return s.length ? (s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2) : null; };
const med = (region, rate, key) => median((results[`${region}@${rate}`] || []).map((r) => r[key]));
const nl = (x, d = 0) => (x === null ? '–' : x.toLocaleString('nl-NL', { minimumFractionDigits: d, maximumFractionDigits: d }));
const pair = (region, key, d = 0) => `${nl(med(region, 1, key), d)} / ${nl(med(region, 4, key), d)} ms`;
const rows = [
  ['home, first chart, CPU ×1 / ×4', (r) => pair(r, 'first')],
  ['longest task on the home page, ×1 / ×4', (r) => pair(r, 'longest')],
  ['choosing another gemeente → next paint (Event Timing), ×1 / ×4', (r) => pair(r, 'inp')],
  ['choosing → the frame after the heading names it, ×1 / ×4', (r) => pair(r, 'heading')],
  ['data fetched before the first chart', (r) => `${nl(med(r, 1, 'dataBytes') / 1000, 1)} KB gzip (${results[`${r}@1`][0].dataFiles.length} files)`],
  ['WASM memory, home', (r) => `${nl(med(r, 1, 'memory') / 1048576, 1)} MB`],
];
console.log(`\n| | Drechtsteden (6) | national (342) |\n|---|---|---|`);
for (const [label, f] of rows) console.log(`| ${label} | ${f('drechtsteden')} | ${f('nederland')} |`);
if (JSON_FILE) writeFileSync(JSON_FILE, `${JSON.stringify({ split: SPLIT, runs: RUNS, results }, null, 2)}\n`);
