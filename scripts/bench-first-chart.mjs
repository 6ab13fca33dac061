// First chart on a phone (issue 12): the monitor's home page against a hand-made page that
// loads the full `echarts.min.js` from npm, fetches the same data file and draws the same
// grouped bar chart. A report, not a test.
//
//   node scripts/bench-first-chart.mjs [--runs 7] [--monitor dist] [--no-throttle] [--waterfall]
//
// Both are served gzip-compressed by one local static server (as a host with gzip on would),
// each run in a fresh browser context (empty cache) on a phone profile through the Chrome
// DevTools Protocol: 1,6 Mbit/s down, 750 kbit/s up, 150 ms round trip, CPU 4× slower, a
// 412 × 823 touch screen. The pages alternate (the order flips every run) so a noisy machine
// hurts both alike. Measured: navigation start → the frame after ECharts finished drawing the
// first chart (its `finished` event, then requestAnimationFrame) — the same two lines of code set
// the marks in both pages (scripts/echarts-entry.js, and ref.js below). Also shown: the frame
// after ECharts' first `rendered` event (axes and labels on screen, bars starting to grow).
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CSP } from '../tests/browser/serve.mjs';

const ROOT = resolve(new URL('..', import.meta.url).pathname);
const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
const RUNS = Number(opt('--runs', 7));
const MONITOR = resolve(ROOT, opt('--monitor', 'dist'));
const THROTTLE = !args.includes('--no-throttle');
const WATERFALL = args.includes('--waterfall');
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

async function measure(url) {
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
  const requests = new Map();
  cdp.on('Network.requestWillBeSent', (e) => requests.set(e.requestId, { url: e.request.url, start: e.timestamp }));
  cdp.on('Network.responseReceived', (e) => { const r = requests.get(e.requestId); if (r) r.firstByte = e.timestamp; });
  cdp.on('Network.loadingFinished', (e) => { const r = requests.get(e.requestId); if (r) { r.end = e.timestamp; r.bytes = e.encodedDataLength; } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url, { waitUntil: 'commit' });
  const t0 = await page.evaluate(() => performance.timeOrigin);
  await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, MARK_DONE, { timeout: 120000, polling: 100 })
    .catch((e) => { throw new Error(`${url}: no chart (${errors.join('; ') || e.message})`); });
  const marks = await page.evaluate(([a, b]) => [a, b].map((m) => performance.getEntriesByName(m)[0].startTime), [MARK_PAINTED, MARK_DONE]);
  const nav = await page.evaluate(() => performance.getEntriesByType('navigation')[0]?.startTime ?? 0);
  await context.close();
  // CDP timestamps are monotonic seconds; the navigation request is the first one.
  const list = [...requests.values()].filter((r) => r.end);
  const first = Math.min(...list.map((r) => r.start));
  const waterfall = list.sort((a, b) => a.start - b.start).map((r) => ({
    file: r.url.replace(origin, ''), start: (r.start - first) * 1000, end: (r.end - first) * 1000, bytes: r.bytes,
  }));
  return { painted: marks[0] - nav, done: marks[1] - nav, bytes: list.reduce((a, r) => a + (r.bytes || 0), 0), waterfall, t0 };
}

const PAGES = { monitor: `${origin}/monitor/`, referentie: `${origin}/referentie/` };
const results = { monitor: [], referentie: [] };
console.log(`First chart, ${THROTTLE ? 'phone profile (1,6 Mbit/s, 150 ms RTT, CPU 4×)' : 'no throttling'}, ${RUNS} runs, alternating`);
for (let i = 0; i < RUNS; i += 1) {
  const order = i % 2 === 0 ? ['monitor', 'referentie'] : ['referentie', 'monitor'];
  for (const name of order) {
    const r = await measure(PAGES[name]);
    results[name].push(r);
    console.log(`  run ${i + 1} ${name.padEnd(10)} chart drawn ${(r.done / 1000).toFixed(2)} s  (first frame ${(r.painted / 1000).toFixed(2)} s, ${(r.bytes / 1024).toFixed(0)} KiB over the wire)`);
  }
}
await browser.close();
server.close();

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const nl = (x, d = 2) => x.toFixed(d).replace('.', ',');
const med = (name, key) => median(results[name].map((r) => r[key]));
console.log('');
console.log(`                      monitor    referentie   ratio`);
for (const [key, label] of [['done', 'chart drawn'], ['painted', 'first frame']]) {
  const [m, r] = [med('monitor', key), med('referentie', key)];
  console.log(`median ${label.padEnd(13)} ${nl(m / 1000).padStart(6)} s   ${nl(r / 1000).padStart(6)} s   ${nl(m / r)}`);
}
console.log(`bytes over the wire   ${(median(results.monitor.map((r) => r.bytes)) / 1024).toFixed(0).padStart(4)} KiB   ${(median(results.referentie.map((r) => r.bytes)) / 1024).toFixed(0).padStart(6)} KiB`);
if (WATERFALL) {
  for (const name of ['monitor', 'referentie']) {
    const runs = results[name];
    const r = runs.find((x) => x.done === med(name, 'done')) || runs[0];
    console.log(`\nWaterfall, ${name} (a median run; ms after the first request):`);
    for (const w of r.waterfall) console.log(`  ${String(Math.round(w.start)).padStart(6)} → ${String(Math.round(w.end)).padStart(6)}  ${(w.bytes / 1024).toFixed(1).padStart(7)} KiB  ${w.file}`);
    console.log(`  chart drawn at ${Math.round(r.done)} ms after navigation start`);
  }
}
