// Bundles the parts of ECharts the monitor uses into build/echarts/ (a Trunk pre_build hook):
// the first bundle (scripts/echarts-entry.js: what the home page's first chart draws, plus the
// binding) and the lazy extras (scripts/echarts-extras.js), as ES modules that share one chunk of
// ECharts' core. Every file name carries a hash of its content, so a host can cache them for a
// year (docs/hosten.md); build/echarts/files.json names the entry and the chunks it imports,
// for scripts/post-build.mjs, which writes the matching modulepreload links into index.html.
// Skips the work when the bundle is newer than its inputs.
import { build } from 'esbuild';
import { existsSync, statSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'scripts', 'echarts-entry.js');
const outdir = join(root, 'build', 'echarts');
const list = join(outdir, 'files.json');
const inputs = [entry, join(root, 'scripts', 'echarts-extras.js'), join(root, 'scripts', 'echarts-export.js'), join(root, 'scripts', 'echarts-print.js'), join(root, 'scripts', 'echarts-dark.js'), join(root, 'scripts', 'echarts-options.js'), join(root, 'package-lock.json'), fileURLToPath(import.meta.url)];

const fresh = existsSync(list) && inputs.every((f) => !existsSync(f) || statSync(f).mtimeMs <= statSync(list).mtimeMs);
if (fresh) {
  console.log('build/echarts is up to date');
} else {
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  const result = await build({
    entryPoints: { echarts: entry },
    bundle: true,
    splitting: true,
    minify: true,
    format: 'esm',
    target: ['es2020'],
    legalComments: 'none',
    outdir,
    entryNames: '[name]-[hash]',
    chunkNames: '[name]-[hash]',
    metafile: true,
    logLevel: 'warning',
  });
  const outputs = result.metafile.outputs;
  const [entryFile] = Object.keys(outputs).filter((f) => outputs[f].entryPoint);
  // What the first bundle imports statically: preloaded with it. Dynamic imports (the extras) are not.
  const chunks = outputs[entryFile].imports.filter((i) => i.kind === 'import-statement').map((i) => basename(i.path));
  const files = { entry: basename(entryFile), preload: [basename(entryFile), ...chunks], all: Object.keys(outputs).map((f) => basename(f)) };
  writeFileSync(list, JSON.stringify(files, null, 2));
  for (const f of files.all) console.log(`built build/echarts/${f} (${statSync(join(outdir, f)).size} bytes)`);
}
