// Size and speed report (a benchmark, not a test): raw / gzip / brotli bytes of every file in
// dist/, and what the first view really loads — the files the home page requests in headless
// Chromium before its first chart is painted — with the time that took.
// Run after `trunk build --release`: `node scripts/size-report.mjs`.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { startServer, launch, newPage, firstView, DIST } from '../tests/browser/harness.mjs';

const files = [];
(function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else files.push(path);
  }
})(DIST);

const sizes = new Map();
for (const path of files) {
  const raw = readFileSync(path);
  sizes.set(relative(DIST, path), {
    raw: raw.length,
    gzip: gzipSync(raw, { level: 9 }).length,
    brotli: brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  });
}
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`.padStart(11);
const line = (name, s) => `${name.padEnd(56)} ${kb(s.raw)} ${kb(s.gzip)} ${kb(s.brotli)}`;
console.log(`${'file'.padEnd(56)} ${'raw'.padStart(11)} ${'gzip'.padStart(11)} ${'brotli'.padStart(11)}`);
for (const [name, s] of [...sizes].sort((a, b) => b[1].brotli - a[1].brotli)) console.log(line(name, s));

// The first view, measured as tests/browser/budget.test.mjs counts it: the files the home page
// requests before its first chart is on screen (the `msd:eerste-grafiek` mark).
const srv = await startServer();
const browser = await launch();
const page = await newPage(browser, [srv.origin]);
const start = Date.now();
await page.goto(srv.base);
const { paintedMs: firstChartMs, files: loaded } = await firstView(page, srv.base);
// The engine benchmark in the browser (same code as `cargo run --release --bin msd-bench`).
const bench = await newPage(browser, [srv.origin]);
await bench.goto(`${srv.base}beheer.html?pagina=benchmark`);
await bench.waitForSelector('#benchmark[data-klaar]', { timeout: 120000 });
const benchText = await bench.textContent('#benchmark');
await browser.close();
srv.server.close();

const total = { raw: 0, gzip: 0, brotli: 0 };
console.log('\nFirst view (home page until its first chart):');
for (const name of loaded) {
  const s = sizes.get(name);
  if (!s) continue;
  console.log(line(`  ${name}`, s));
  for (const k of Object.keys(total)) total[k] += s[k];
}
console.log(line('  TOTAL first view', total));
const noCharts = loaded.filter((n) => !n.startsWith('echarts/')).reduce((a, n) => a + (sizes.get(n)?.brotli || 0), 0);
console.log(`  of which without ECharts (text and table): ${kb(noCharts).trim()} brotli`);
console.log(`Time to first chart (navigation start to its first painted frame, local server): ${Math.round(firstChartMs)} ms (${loaded.length} files; wall ${Date.now() - start} ms)`);
console.log(`Engine benchmark in headless Chromium (WASM): ${benchText}`);
