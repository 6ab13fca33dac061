// Issue 12: the first view has a size budget, as Our World in Data keeps one in CI. Bytes are
// deterministic, so this is a test (times are not: they stay in scripts/bench-first-chart.mjs).
//
// The first view is what the home page asks for before its first chart is on screen (HTML, loader,
// glue, WASM, CSS, manifest, config, the region's data, the ECharts of that chart), each file
// counted as a static host sends it with brotli (quality 11). Over budget, the test fails and
// prints the breakdown.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { startServer, launch, newPage, firstView, DIST } from './harness.mjs';

// Issue 12 asks for at most 250 KiB. This build does not reach it, and within the fixed stack it
// cannot (ARCHITECTURE.md, "The first view and its floor"): ECharts' part for one bar chart is
// 139 KiB, a Leptos app that does nothing 31 KiB, the region's data 29 KiB. What it does:
// the council tools in their own WASM, ECharts split, the page types and the downloads in WASM
// chunks (513.8 → 461.7 KiB). So this test is a ratchet, not the budget: it holds the first view
// to what it is now and prints the gap to the target. Lower CEILING_KIB as the first view
// shrinks; never raise it without saying why in the commit.
const TARGET_KIB = 250;
// The ceiling: this build (470,3 KiB) plus about 1,5 KiB, so the few bytes that content-hashed
// file names and their references vary by never decide the test. Raised from 463 with issue 21
// (every figure right, in every output): printed figures with their recomputation beside them,
// budget cards that say what their number is, every column of a view in the grid, the chart
// craft rules (legend rows, at most 8 series, a colour and hatch per series), what the page says
// about a table carried into every download, profile and compare offered only where figures
// exist: about 8,6 KiB of WASM and data in all. Issue 22 (baked pages) is where the first view
// shrinks; lower this as it does.
// Raised to 482 with issue 22 (baked pages, 479,7 KiB measured): the app now takes over a baked
// home page, whose HTML carries the figures and two SVG charts (index.html 2,4 → 4,9 KiB), plus the
// check that keeps baked figures from going stale (gebakken.js, 1,1 KiB), the council's colours for
// pages without JavaScript (merk.css) and the app's addressing and takeover (WASM +3,2 KiB). What a
// reader waits for is now the baked first view above (about 44 KiB), not this.
// Raised to 500 with issue 23's first parts (497,9 KiB measured; main WASM 287,5 → 305,1 KiB):
// the map's label layout in the core (map_layout.rs: projection, anchors, leader lines), the theme
// page's layout (answer first, quotes once), forgiving search and fair comparisons all sit in the
// main module because the home page's indicator view and search reach them. A reader no longer
// waits for this (the baked first view, 44 KiB, is what the first chart needs); the map layout
// belongs in the map's chunk, which is the next place to win these bytes back.
// Raised to 512 with the rest of issue 23 (510,7 KiB measured; main WASM 305,1 → 313,0 KiB, the
// four data files of the home page 29,7 → 33,4 KiB): plain words (the reader's titles and labels
// beside the report's, the glossary `begrippen` in the data and its disclosures where a term first
// appears), the age of the figures on every card, the theme heading naming the gemeente, and the
// compare page's map through the shared map code. The data bytes are the reader's words
// themselves; the reader's first view is still the baked one (49,3 KiB).
// Raised to 519 with issue 25's gemeente chooser and the last of issue 23 (517,0 KiB measured;
// main WASM 313,0 → 318,8 KiB; one disclosure per card, compact euro labels, the profile's row names):
// the compact chooser's view and model load as their own chunk (`msd-chooser`), which the
// bundled regions never fetch; what stays in the main module is the name/code resolver, because
// the address check uses it so that `?gemeente=den+bosch` or a form sent from a baked page opens
// 's-Hertogenbosch.
// Raised to 521 with issue 25's "load what the view needs" (520,2 KiB measured; main WASM 318,8 →
// 321,2 KiB, loader.js 2,1 → 2,8 KiB): the manifest's `tables`/`home` read and checked, the files
// a page needs, and a file over 8 MB stopped in the stream with its size said (not downloaded
// whole); the bytes buy the national home page's data 708 → 86 KB gzip.
// Raised to 525 with issue 25's charts that scale (524,4 KiB measured; main WASM 319,6 KiB on
// main's build of the same hour → 326,1 KiB): the selection a chart of more than 40 areas draws
// (charts::many), the sorted, ranked table with its filter field (present::ranked, ui::table)
// and the summaries at scale sit in the main module because the home page's featured indicator
// reaches them. Bundled regions never use them; moving the long table's view into a chunk of its
// own is the next place to win these bytes back.
// Raised to 521 with issue 25/27's national map and gemeenten (helper c; 520,2 KiB measured, main
// WASM 318,8 → 321,8 KiB): the map's year boundaries (`Geo::from_compact`, `boundary_year`), its
// sparse labels and legend of classes (the map code is in the main module), and the reader of
// `gemeenten.json` shared by the chooser and compare chunks; both read through `serde_json::Value`
// already in the app (derived deserializers measured 523,8). To win back: the map code into a chunk.
// Merged (session 7): 533,2 KiB measured with all three parts of issue 25 and issue 27's
// tooltips (the point texts are written in the core; the tooltip component itself stays in the
// lazy ECharts extras and is added when a pointer first comes over a chart), the place-name
// reader shared by search and chooser, and the first-view intro moved into config.json. Main
// WASM 313,0 → 333,4 KiB since session 6. Next wins: the map code and the long table's view
// into chunks of their own (neither is used by a region of twelve gemeenten or fewer).
const CEILING_KIB = 534;

let srv, browser;
before(async () => { srv = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); srv?.server.close(); });

const brotli = (file) => brotliCompressSync(readFileSync(file), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;

// Issue 22: the home page is baked. Its first chart is in the HTML, shown once public/gebakken.js
// has checked the page's files against the host (config, manifest, the region's data files): that
// is everything the first chart needs. No WASM, no ECharts, no loader work.
const BAKED_CEILING_KIB = 60;

test(`the baked home page's first view is at most ${BAKED_CEILING_KIB} KiB with brotli: HTML, CSS and the files it checks`, async () => {
  const page = await newPage(browser, [srv.origin], { width: 412, height: 823 });
  await page.gotoBaked(srv.base);
  const { files } = await firstView(page, srv.base, 'msd:gebakken-getoond');
  const rows = files.filter((f) => existsSync(join(DIST, f))).map((f) => ({ file: f, bytes: brotli(join(DIST, f)) }));
  rows.sort((a, b) => b.bytes - a.bytes);
  const total = rows.reduce((a, r) => a + r.bytes, 0);
  const breakdown = [...rows.map((r) => `  ${r.file.padEnd(48)} ${kib(r.bytes).padStart(10)}`),
    `  ${'total'.padEnd(48)} ${kib(total).padStart(10)}  (ceiling ${BAKED_CEILING_KIB} KiB)`].join('\n');
  console.log(`first view of the baked home page, brotli:\n${breakdown}`);
  for (const kind of [/^index\.html$/, /\.css$/, /^gebakken\.js$/, /^data\/manifest\.json$/, /^config\.json$/, /^data\/drechtsteden-jeugd\.json$/]) {
    assert.ok(rows.some((r) => kind.test(r.file)), `the first view has no ${kind}:\n${breakdown}`);
  }
  for (const kind of [/\.wasm$/, /^echarts\//, /^monitor-sociaal-domein-.*\.js$/]) {
    assert.ok(!rows.some((r) => kind.test(r.file)), `the baked first view waits for ${kind}:\n${breakdown}`);
  }
  assert.ok(total <= BAKED_CEILING_KIB * 1024, `first view ${kib(total)} is over its ceiling of ${BAKED_CEILING_KIB} KiB:\n${breakdown}`);
});

test(`the app's first view (until it has drawn its first chart) is at most ${CEILING_KIB} KiB with brotli (target ${TARGET_KIB} KiB)`, async () => {
  const page = await newPage(browser, [srv.origin], { width: 412, height: 823 });
  await page.goto(srv.base);
  await page.waitForFunction(() => performance.getEntriesByName('msd:eerste-grafiek-klaar').length > 0, null, { timeout: 60000 });
  const { files } = await firstView(page, srv.base);
  const rows = files.filter((f) => existsSync(join(DIST, f))).map((f) => ({ file: f, bytes: brotli(join(DIST, f)) }));
  rows.sort((a, b) => b.bytes - a.bytes);
  const total = rows.reduce((a, r) => a + r.bytes, 0);
  const breakdown = [...rows.map((r) => `  ${r.file.padEnd(48)} ${kib(r.bytes).padStart(10)}`),
    `  ${'total'.padEnd(48)} ${kib(total).padStart(10)}  (ceiling ${CEILING_KIB} KiB; target ${TARGET_KIB} KiB, ${kib(Math.max(0, total - TARGET_KIB * 1024))} to go)`].join('\n');
  console.log(`first view, brotli:\n${breakdown}`);
  // What the budget is about must really be in it: a test that counts nothing cannot pass.
  for (const kind of [/^index\.html$/, /^loader\.js$/, /\.wasm$/, /^monitor-sociaal-domein-.*\.js$/, /\.css$/,
    /^data\/manifest\.json$/, /^config\.json$/, /^data\/drechtsteden-jeugd\.json$/, /^echarts\/echarts-.*\.js$/]) {
    assert.ok(rows.some((r) => kind.test(r.file)), `the first view has no ${kind}:\n${breakdown}`);
  }
  assert.ok(!rows.some((r) => r.file.startsWith('msd-beheer')), `the home page loads the council tools:\n${breakdown}`);
  assert.ok(total <= CEILING_KIB * 1024, `first view ${kib(total)} is over its ceiling of ${CEILING_KIB} KiB:\n${breakdown}`);
});

test('the residents\' WASM carries no CSV import, data check or benchmark; the council WASM does', () => {
  const wasm = readdirSync(DIST).filter((f) => f.endsWith('.wasm'));
  const residents = wasm.find((f) => f.startsWith('monitor-sociaal-domein-'));
  const council = wasm.find((f) => f.startsWith('msd-beheer-'));
  assert.ok(residents && council, `both WASM files are in dist/: ${wasm.join(', ')}`);
  // A string from each: the CSV import, the benchmark's synthetic data, the data check page.
  const markers = ['een geheime cel (-) mag geen getal', 'samenloop-bench', 'Gegevenscontrole'];
  const text = (f) => readFileSync(join(DIST, f)).toString('latin1');
  for (const m of markers) {
    assert.ok(!text(residents).includes(m), `${residents} contains "${m}"`);
    assert.ok(text(council).includes(m), `${council} lacks "${m}" (is the marker still right?)`);
  }
});

test('docs/hosten.md: its caching example makes exactly the hashed files immutable', () => {
  const doc = readFileSync(join(DIST, '../docs/hosten.md'), 'utf8');
  const nginx = doc.match(/```nginx\n([\s\S]*?)```/);
  assert.ok(nginx, 'docs/hosten.md has an nginx example');
  const rule = (header) => {
    const m = nginx[1].match(new RegExp(`location ~\\* (.+) \\{\\n\\s+add_header Cache-Control "${header}`));
    assert.ok(m, `a location for ${header}`);
    return new RegExp(m[1], 'i');
  };
  const immutable = rule('public, max-age=31536000, immutable');
  const short = rule('no-cache');
  const files = [];
  (function walk(dir, rel) {
    for (const name of readdirSync(dir, { withFileTypes: true })) {
      if (name.isDirectory()) walk(join(dir, name.name), `${rel}${name.name}/`);
      else files.push(`/monitor/${rel}${name.name}`);
    }
  })(DIST, '');
  // A file whose name changes with its content (Trunk's or esbuild's hash) may be cached for good;
  // every other file must be revalidated, or visitors would keep old figures or old code.
  const hashed = (f) => /-[0-9a-f]{6,}(_bg)?\.(wasm|js|css)$/.test(f) || /\/echarts\/.+-[A-Z0-9]{8}\.js$/.test(f);
  for (const f of files) {
    if (hashed(f)) assert.ok(immutable.test(f) && !short.test(f), `${f} should be immutable`);
    else assert.ok(!immutable.test(f), `${f} must not be cached as immutable`);
    if (/\.(html|json|csv)$|\/(loader|embed)\.js$/.test(f)) assert.ok(short.test(f), `${f} should be no-cache`);
  }
});
