// Trunk post_build hook (the only one: Trunk runs the hooks of a stage in parallel).
//
// 1. Release builds: wasm-opt -Oz on the WASM in Trunk's staging folder (scripts/wasm-opt.mjs).
// 2. When Trunk builds index.html: the council tools page. Trunk 0.21 builds one HTML target per
//    run and empties its dist/ when it finishes, so beheer.html (its own binary, msd-beheer) is
//    built by a second `trunk build` into build/beheer/ and its files are copied into this
//    build's staging folder; Trunk then moves everything into dist/ together. The nested build
//    runs this hook too, with TRUNK_HTML_FILE = beheer.html: there it splits (3) and optimises
//    its own WASM.
// 3. Both pages: the WASM split into a main module and chunks loaded when a page type (or an
//    indicator's downloads) is first opened (scripts/wasm-split.mjs), before wasm-opt.
// 4. For index.html: ECharts (build/echarts/, bundled by the pre_build hook with hashed names)
//    into dist/echarts/, and its <link rel="modulepreload" data-echarts> in index.html pointed at
//    the hashed first bundle, with a modulepreload for each chunk that bundle imports.
// 5. For index.html, last: the baked pages (bakePages below).
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { wasmOpt } from './wasm-opt.mjs';
import { splitWasm } from './wasm-split.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const staging = process.env.TRUNK_STAGING_DIR;
const release = process.env.TRUNK_PROFILE === 'release';
const target = basename(process.env.TRUNK_HTML_FILE || '');
if (!staging) {
  console.error('post-build: run by Trunk as a post_build hook (TRUNK_STAGING_DIR is not set)');
  process.exit(1);
}

// Both entries: the council page shows indicators too, so its WASM has the same split points.
const bin = { 'index.html': 'monitor-sociaal-domein', 'beheer.html': 'msd-beheer' }[target];
if (bin) splitWasm({ root, staging, bin, profile: release ? 'release' : 'debug' });

// The file list is taken before the council page's files are copied in (they are optimised by
// the nested build itself).
const ownWasm = readdirSync(staging).filter((n) => n.endsWith('.wasm')).map((n) => join(staging, n));

if (target === 'index.html') {
  const from = join(root, 'build', 'echarts');
  const files = JSON.parse(readFileSync(join(from, 'files.json'), 'utf8'));
  mkdirSync(join(staging, 'echarts'), { recursive: true });
  for (const f of files.all) copyFileSync(join(from, f), join(staging, 'echarts', f));
  const html = join(staging, 'index.html');
  const placeholder = /<link rel="modulepreload" href="echarts\/echarts\.js" data-echarts>/;
  const source = readFileSync(html, 'utf8');
  if (!placeholder.test(source)) throw new Error('post-build: index.html has no <link rel="modulepreload" href="echarts/echarts.js" data-echarts>');
  const links = files.preload.map((f, i) => `<link rel="modulepreload" href="echarts/${f}"${i === 0 ? ' data-echarts' : ''}>`);
  writeFileSync(html, source.replace(placeholder, links.join('\n  ')));
  console.log(`post-build: ECharts ${files.preload.join(' + ')} preloaded in index.html`);
}

let council = Promise.resolve();
const councilDist = join(root, 'build', 'beheer');
if (target === 'index.html') {
  rmSync(councilDist, { recursive: true, force: true });
  // A clean environment for the nested Trunk: none of this hook's TRUNK_* variables.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('TRUNK_')));
  const args = ['build', 'beheer.html', '--html-output', 'beheer.html', '--dist', councilDist, ...(release ? ['--release'] : [])];
  console.log(`post-build: trunk ${args.join(' ')}`);
  council = new Promise((ok, fail) => {
    const child = spawn('trunk', args, { cwd: root, env, stdio: 'inherit' });
    child.on('error', fail);
    child.on('exit', (code) => (code === 0 ? ok() : fail(new Error(`trunk build beheer.html failed (${code})`))));
  });
}

if (release) ownWasm.forEach(wasmOpt);
else console.log('wasm-opt: skipped (not a release build)');

await council;
if (target === 'index.html') {
  for (const name of readdirSync(councilDist)) {
    const from = join(councilDist, name);
    const to = join(staging, name);
    if (statSync(from).isDirectory()) throw new Error(`post-build: unexpected folder ${name} in the council build`);
    // Shared files (the stylesheet) have the same hashed name and content in both builds.
    if (existsSync(to) && !readFileSync(to).equals(readFileSync(from))) {
      throw new Error(`post-build: ${name} differs between index.html and beheer.html`);
    }
    copyFileSync(from, to);
  }
  console.log(`post-build: beheer.html and its WASM copied into ${staging}`);
  bakePages();
}

/**
 * 5. Baked pages (issue 22): `msd-bake` (native Rust, the same core as the app) writes a static
 *    HTML file for every page with chart placeholders and a list of the charts; bake-svg.mjs
 *    draws them with ECharts in Node as inline SVG, and the preview images as PNG. After the
 *    council page, whose nested Trunk also runs Cargo.
 */
function bakePages() {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('TRUNK_')));
  const charts = join(root, 'build', 'bake', 'charts.json');
  mkdirSync(dirname(charts), { recursive: true });
  const cargo = ['run', '--quiet', ...(release ? ['--release'] : []), '--all-features', '--bin', 'msd-bake', '--', staging, charts];
  const baked = spawnSync('cargo', cargo, { cwd: root, env, stdio: 'inherit' });
  if (baked.status !== 0) throw new Error(`post-build: msd-bake failed (${baked.status})`);
  const drawn = spawnSync('node', [join(root, 'scripts', 'bake-svg.mjs'), staging, charts], { cwd: root, env, stdio: 'inherit' });
  if (drawn.status !== 0) throw new Error(`post-build: bake-svg.mjs failed (${drawn.status})`);
}
