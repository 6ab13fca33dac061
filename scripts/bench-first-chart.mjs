// First chart on a phone (issue 12, issue 22): the monitor's home page against a hand-made page
// that loads the full `echarts.min.js` from npm, fetches the same data file and draws the same
// grouped bar chart. A report, not a test.
//
//   node scripts/bench-first-chart.mjs [--runs 7] [--monitor dist] [--no-throttle] [--waterfall] [--json FILE]
//   node scripts/bench-first-chart.mjs --regions [--runs 3] [--monitor dist] [--per-thema] [--json FILE]
//
// `--regions` (issue 25) reports the bundled region and the synthetic national region side by side
// instead (scripts/bench-regions.mjs): home first chart and longest task at CPU ×1 and ×4,
// choosing a gemeente → next paint, data bytes before the first chart, WASM memory.
//
// Both are served gzip-compressed by one local static server (as a host with gzip on would),
// each run in a fresh browser context (empty cache) on a phone profile through the Chrome
// DevTools Protocol: 1,6 Mbit/s down, 750 kbit/s up, 150 ms round trip, CPU 4× slower, a
// 412 × 823 touch screen. The pages alternate (the order flips every run) so a noisy machine
// hurts both alike. Measured: navigation start → the first chart, in the frame after it is on
// screen (requestAnimationFrame). On a baked monitor page (issue 22) that is the first
// `<svg class="gebakken-svg">` of the HTML once it is shown (watchPage below); on the reference
// page, and on a monitor page without one, the frame after ECharts finished drawing the first
// chart (its `finished` event) — the same two lines of code set the marks in both pages
// (scripts/echarts-entry.js, and ref.js below). Also shown: FCP, LCP, CLS (until the monitor's
// app took over, html[data-app="actief"], plus 500 ms), and ECharts' own marks for its canvas
// chart ("chart drawn", and "first frame" after its first `rendered` event). `--json FILE` writes
// the medians and every run.
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CSP } from '../tests/browser/serve.mjs';

if (process.argv.includes('--regions')) {
  await import('./bench-regions.mjs');
  process.exit(0);
}
const ROOT = resolve(new URL('..', import.meta.url).pathname);
const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
const RUNS = Number(opt('--runs', 7));
const MONITOR = resolve(ROOT, opt('--monitor', 'dist'));
const THROTTLE = !args.includes('--no-throttle');
const WATERFALL = args.includes('--waterfall');
const JSON_FILE = opt('--json', null);
/** How long the monitor's app may take to take over a baked page (html[data-app="actief"]). */
const TAKEOVER_MS = 30000;
const DATA_FILE = 'drechtsteden-jeugd.json';
const MARK_PAINTED = 'msd:eerste-grafiek';
const MARK_DONE = 'msd:eerste-grafiek-klaar';

if (!existsSync(join(MONITOR, 'index.html'))) {
  console.error(`${MONITOR}/index.html is missing: run \`trunk build --release\` first`);
  process.exit(1);
}

// ---- The hand-made reference page -------------------------------------------------------------
const REF = resolve(ROOT, 'build/reference');
rmSync(REF, { recursive: true, force: true });
mkdirSync(join(REF, 'data'), { recursive: true });
copyFileSync(resolve(ROOT, 'node_modules/echarts/dist/echarts.min.js'), join(REF, 'echarts.min.js'));
copyFileSync(join(MONITOR, 'data', DATA_FILE), join(REF, 'data', DATA_FILE));
// What a person writing the page by hand would type in: the area names and the region's order.
const manifest = JSON.parse(readFileSync(join(MONITOR, 'data/manifest.json'), 'utf8'));
const region = manifest.regions.find((r) => r.id === 'drechtsteden');
const names = Object.fromEntries(manifest.areas.map((a) => [a.code, a.name]));
const rows = [...region.gemeenten, region.reference];
writeFileSync(join(REF, 'index.html'), `<!DOCTYPE html>
<html lang="nl">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Jongeren in jeugdzorg — Drechtsteden</title>
  <style>body { font-family: system-ui, sans-serif; margin: 1rem; } #grafiek { width: 100%; }</style>
</head>
<body>
  <h1>Jongeren in jeugdzorg</h1>
  <div id="grafiek"></div>
  <script src="echarts.min.js"></script>
  <script src="ref.js"></script>
</body>
</html>
`);
writeFileSync(join(REF, 'ref.js'), `// The same grouped horizontal bar chart as the monitor's first chart, written by hand.
const rows = ${JSON.stringify(rows)};
const names = ${JSON.stringify(Object.fromEntries(rows.map((c) => [c, names[c]])))};
const nl = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const compact = new Intl.NumberFormat('nl-NL', { notation: 'compact', maximumFractionDigits: 1 });
fetch('data/${DATA_FILE}').then((r) => r.json()).then((data) => {
  const table = data.tables.find((t) => t.theme === 'jeugd' && t.pillar === 'gebruik' && !(t.categories || []).length);
  const period = table.periods[table.periods.length - 1].id;
  const measures = table.measures.filter((m) => m.unit === table.measures[0].unit);
  const value = (m, a) => { const v = table.values.find((x) => x.measure === m && x.area === a && x.period === period); return v && typeof v.value === 'number' ? v.value : null; };
  const el = document.getElementById('grafiek');
  el.style.height = (rows.length * measures.length * 16 + rows.length * 12 + 76) + 'px';
  const chart = echarts.init(el);
  for (const [event, name] of [['rendered', '${MARK_PAINTED}'], ['finished', '${MARK_DONE}']]) {
    const once = () => { chart.off(event, once); requestAnimationFrame(() => performance.mark(name)); };
    chart.on(event, once);
  }
  chart.setOption({
    color: ['#01689b', '#a9006b', '#39870c', '#94710a', '#5b4b8a', '#42145f'],
    aria: { enabled: true, decal: { show: true } },
    legend: { type: 'scroll', top: 0, left: 0, right: 0 },
    grid: { left: 8, right: 56, top: 36, bottom: 8, containLabel: true },
    yAxis: { type: 'category', inverse: true, data: rows.map((c) => names[c]) },
    xAxis: { type: 'value', splitNumber: 3, axisLabel: { formatter: (v) => compact.format(v) + '%' } },
    series: measures.map((m) => ({
      type: 'bar', name: m.label,
      label: { show: true, position: 'right', formatter: (p) => (p.value == null ? '' : nl.format(p.value) + '%') },
      data: rows.map((a) => value(m.id, a)),
    })),
  });
  new ResizeObserver(() => chart.resize()).observe(el);
});
`);

// ---- A static host with gzip ------------------------------------------------------------------
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.csv': 'text/csv; charset=utf-8' };
const COMPRESS = new Set(['.html', '.js', '.css', '.json', '.wasm', '.svg', '.csv']);
const MOUNTS = { '/monitor/': MONITOR, '/referentie/': REF };
const gz = new Map();
const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  const prefix = Object.keys(MOUNTS).find((p) => path.startsWith(p));
  if (!prefix) { res.writeHead(404); res.end(); return; }
  const base = MOUNTS[prefix];
  let file = normalize(join(base, path.slice(prefix.length)));
  if (!file.startsWith(base)) { res.writeHead(404); res.end(); return; }
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!existsSync(file) || !file.startsWith(base + sep)) { res.writeHead(404); res.end(); return; }
  const ext = extname(file);
  const headers = { 'Content-Type': TYPES[ext] || 'application/octet-stream', 'Cache-Control': 'no-cache' };
  if (prefix === '/monitor/') headers['Content-Security-Policy'] = CSP;
  let body = readFileSync(file);
  if (COMPRESS.has(ext) && /\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
    const key = `${file}:${statSync(file).mtimeMs}`;
    if (!gz.has(key)) gz.set(key, gzipSync(body, { level: 6 }));
    body = gz.get(key);
    headers['Content-Encoding'] = 'gzip';
    headers.Vary = 'Accept-Encoding';
  }
  headers['Content-Length'] = body.length;
  res.writeHead(200, headers);
  res.end(body);
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const origin = `http://127.0.0.1:${server.address().port}`;

// ---- The runs ---------------------------------------------------------------------------------
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--disable-quic'],
});
const PHONE = { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true, locale: 'nl-NL' };

/**
 * Runs in every page before its own scripts (CDP's addScriptToEvaluateOnNewDocument, so the
 * monitor's CSP does not apply). A baked page has its first chart in the HTML as
 * `<svg class="gebakken-svg">`, but public/gebakken.js keeps the baked content hidden while it
 * checks the data files, and one of the two widths is always hidden by CSS: the chart counts from
 * the frame after the first such SVG is both in the DOM and shown (the same `requestAnimationFrame`
 * rule as the ECharts marks). A MutationObserver sees it arrive or be revealed (a class on <html>);
 * DOMContentLoaded and load check again. Also collected: LCP (the last candidate, and its element),
 * CLS (layout shifts without recent input, until `__msd.stopped` is set) and when the app took
 * over (html[data-app="actief"]).
 */
function watchPage(mark) {
  const w = window;
  w.__msd = { lcp: null, lcpElement: null, cls: 0, stopped: false, takeover: null };
  const app = new MutationObserver(() => {
    if (document.documentElement.dataset.app !== 'actief') return;
    w.__msd.takeover = performance.now();
    app.disconnect();
  });
  app.observe(document, { attributes: true, subtree: true, attributeFilter: ['data-app'] });
  let seen = false;
  const shown = (el) => el.checkVisibility({ visibilityProperty: true, opacityProperty: true }) && el.getBoundingClientRect().width > 0;
  const check = () => {
    if (seen || !document.querySelector('svg.gebakken-svg')) return;
    if (![...document.querySelectorAll('svg.gebakken-svg')].some(shown)) return;
    seen = true;
    observer.disconnect();
    requestAnimationFrame(() => performance.mark(mark, { detail: 'gebakken' }));
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['class', 'hidden', 'style'] });
  document.addEventListener('DOMContentLoaded', check);
  w.addEventListener('load', check);
  // "p.inleiding": enough to tell which element the largest paint was.
  const describe = (el) => {
    const cls = typeof el.className === 'string' ? el.className.trim().split(/\s+/).filter(Boolean) : [];
    return [el.tagName.toLowerCase(), ...cls].join('.');
  };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      w.__msd.lcp = e.startTime;
      w.__msd.lcpElement = e.element ? describe(e.element) : (e.url || '?');
    }
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput && !w.__msd.stopped) w.__msd.cls += e.value;
  }).observe({ type: 'layout-shift', buffered: true });
}

/** A fresh phone (or unthrottled) context whose CDP session records every request. */
async function openPage() {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  if (THROTTLE) {
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false, latency: 150, downloadThroughput: (1.6e6 / 8), uploadThroughput: (750e3 / 8),
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  }
  await cdp.send('Page.enable');
  await cdp.send('Page.addScriptToEvaluateOnNewDocument', { source: `(${watchPage})(${JSON.stringify(MARK_PAINTED)});` });
  const requests = new Map();
  cdp.on('Network.requestWillBeSent', (e) => requests.set(e.requestId, { url: e.request.url, start: e.timestamp }));
  cdp.on('Network.responseReceived', (e) => { const r = requests.get(e.requestId); if (r) r.firstByte = e.timestamp; });
  cdp.on('Network.loadingFinished', (e) => { const r = requests.get(e.requestId); if (r) { r.end = e.timestamp; r.bytes = e.encodedDataLength; } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  return { context, page, requests, errors };
}

/** The first chart is there: a shown baked SVG's mark, or ECharts' finished mark (app, reference). */
function firstChartThere([painted, done]) {
  return performance.getEntriesByName(painted).some((e) => e.detail === 'gebakken') || performance.getEntriesByName(done).length > 0;
}

/**
 * Every figure of a run, read in the page (ms after navigation start). `first`: the frame after
 * the first baked SVG was shown, or else after ECharts finished the first chart; `painted` and
 * `done`: ECharts' own two marks for its first chart (null when it drew none in the run).
 */
function readFigures([paintedMark, doneMark]) {
  const nav = performance.getEntriesByType('navigation')[0]?.startTime ?? 0;
  const at = (e) => (e ? e.startTime - nav : null);
  const baked = performance.getEntriesByName(paintedMark).find((e) => e.detail === 'gebakken');
  const painted = performance.getEntriesByName(paintedMark).find((e) => e.detail !== 'gebakken');
  const done = performance.getEntriesByName(doneMark)[0];
  const fcp = performance.getEntriesByName('first-contentful-paint')[0];
  window.__msd.stopped = true;
  return {
    baked: Boolean(baked), first: at(baked || done), painted: at(painted), done: at(done), fcp: at(fcp),
    lcp: window.__msd.lcp === null ? null : window.__msd.lcp - nav, lcpElement: window.__msd.lcpElement, cls: window.__msd.cls,
    takeover: window.__msd.takeover === null ? null : window.__msd.takeover - nav,
  };
}

/**
 * One run of `name` at `url`: waits for the first chart; then, for the monitor, for the app to
 * take over (html[data-app="actief"], at most 30 s: `tookOver` false if it never did), and
 * 500 ms more, so layout shifts of the takeover count; the reference page settles 500 ms after
 * its chart.
 */
async function measure(name, url) {
  const { context, page, requests, errors } = await openPage();
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(firstChartThere, [MARK_PAINTED, MARK_DONE], { timeout: 120000, polling: 100 })
    .catch((e) => { throw new Error(`${url}: no chart (${errors.join('; ') || e.message})`); });
  let tookOver = null;
  if (name === 'monitor') {
    tookOver = await page.waitForFunction(() => document.documentElement.dataset.app === 'actief', null, { timeout: TAKEOVER_MS, polling: 100 })
      .then(() => true, () => false);
  }
  await page.evaluate(() => new Promise((ok) => { setTimeout(ok, 500); }));
  const figures = await page.evaluate(readFigures, [MARK_PAINTED, MARK_DONE]);
  await context.close();
  return { ...figures, tookOver, ...transfers(requests) };
}

/** Bytes over the wire and the waterfall (CDP timestamps are monotonic seconds). */
function transfers(requests) {
  const list = [...requests.values()].filter((r) => r.end);
  const first = Math.min(...list.map((r) => r.start));
  const waterfall = list.sort((a, b) => a.start - b.start).map((r) => ({
    file: r.url.replace(origin, ''), start: (r.start - first) * 1000, end: (r.end - first) * 1000, bytes: r.bytes,
  }));
  return { bytes: list.reduce((a, r) => a + (r.bytes || 0), 0), waterfall };
}

const PAGES = { monitor: `${origin}/monitor/`, referentie: `${origin}/referentie/` };
const PROFILE = THROTTLE ? 'phone profile (1,6 Mbit/s, 150 ms RTT, CPU 4×)' : 'no throttling';
const results = { monitor: [], referentie: [] };
const nl = (x, d = 2) => (x === null || x === undefined || Number.isNaN(x) ? '–' : x.toFixed(d).replace('.', ','));
const sec = (ms) => (ms === null ? '–' : `${nl(ms / 1000)} s`);

/** One line per run, as it comes. */
function runLine(i, name, r) {
  const first = `first chart ${sec(r.first)} (${r.baked ? 'baked SVG' : 'ECharts'})`;
  const app = r.done === null ? '' : `, app chart drawn ${sec(r.done)}`;
  const over = r.tookOver === null ? '' : `, app took over ${r.tookOver ? sec(r.takeover) : 'never (30 s)'}`;
  return `  run ${i + 1} ${name.padEnd(10)} ${first}  FCP ${sec(r.fcp)}  LCP ${sec(r.lcp)} (${r.lcpElement})  CLS ${nl(r.cls, 3)}${app}${over}, ${(r.bytes / 1024).toFixed(0)} KiB over the wire`;
}

console.log(`First chart, ${PROFILE}, ${RUNS} runs, alternating`);
for (let i = 0; i < RUNS; i += 1) {
  const order = i % 2 === 0 ? ['monitor', 'referentie'] : ['referentie', 'monitor'];
  for (const name of order) {
    const r = await measure(name, PAGES[name]);
    results[name].push(r);
    console.log(runLine(i, name, r));
  }
}
await browser.close();
server.close();

/** The median of the numbers among `xs` (null when there are none). */
function median(xs) {
  const s = xs.filter((x) => typeof x === 'number').sort((a, b) => a - b);
  if (!s.length) return null;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const KEYS = ['first', 'fcp', 'lcp', 'cls', 'painted', 'done', 'takeover', 'bytes'];
/** Medians and counts of one page's runs, and the runs themselves (without their waterfalls). */
function summarise(runs) {
  return {
    median: Object.fromEntries(KEYS.map((k) => [k, median(runs.map((r) => r[k]))])),
    bakedRuns: runs.filter((r) => r.baked).length,
    tookOverRuns: runs.filter((r) => r.tookOver).length,
    runs: runs.map(({ waterfall, ...r }) => r),
  };
}

const summary = { profile: PROFILE, runs: RUNS, monitor: summarise(results.monitor), referentie: summarise(results.referentie) };
const [m, r] = [summary.monitor.median, summary.referentie.median];
const ratio = (a, b) => (a === null || b === null || b === 0 ? null : a / b);
summary.ratio = { firstChart: ratio(m.first, r.first), fcp: ratio(m.fcp, r.fcp), lcp: ratio(m.lcp, r.lcp) };

console.log('');
console.log(`                      monitor    referentie   ratio`);
const row = (label, a, b, unit = 's') => {
  const f = unit === 's' ? (x) => `${nl(x === null ? null : x / 1000).padStart(6)} s` : (x) => `${nl(x, 3).padStart(6)}  `;
  const q = unit === 's' ? nl(ratio(a, b)) : '';
  console.log(`median ${label.padEnd(14)}${f(a)}   ${f(b)}   ${q}`);
};
row('first chart', m.first, r.first);
row('FCP', m.fcp, r.fcp);
row('LCP', m.lcp, r.lcp);
row('CLS', m.cls, r.cls, '');
row('chart drawn', m.done, r.done);
row('first frame', m.painted, r.painted);
console.log(`bytes over the wire   ${(m.bytes / 1024).toFixed(0).padStart(4)} KiB   ${(r.bytes / 1024).toFixed(0).padStart(6)} KiB`);
const mon = summary.monitor;
console.log(`monitor: first chart from the baked SVG in ${mon.bakedRuns} of ${RUNS} runs; the app took over in ${mon.tookOverRuns} of ${RUNS} runs`
  + `${mon.tookOverRuns ? ` (median ${sec(m.takeover)})` : ' (html[data-app="actief"] never came within 30 s)'}; CLS counted until then + 500 ms`);
console.log('("chart drawn" and "first frame" are the ECharts canvas chart\'s own marks: on a baked page, the app\'s chart after it took over)');
if (JSON_FILE) {
  writeFileSync(JSON_FILE, `${JSON.stringify(summary, null, 2)}\n`);
  console.log(`written: ${JSON_FILE}`);
}
if (WATERFALL) {
  for (const name of ['monitor', 'referentie']) {
    const runs = results[name];
    const run = runs.find((x) => x.first === summary[name].median.first) || runs[0];
    console.log(`\nWaterfall, ${name} (a median run; ms after the first request):`);
    for (const w of run.waterfall) console.log(`  ${String(Math.round(w.start)).padStart(6)} → ${String(Math.round(w.end)).padStart(6)}  ${(w.bytes / 1024).toFixed(1).padStart(7)} KiB  ${w.file}`);
    console.log(`  first chart at ${Math.round(run.first)} ms after navigation start`);
  }
}
