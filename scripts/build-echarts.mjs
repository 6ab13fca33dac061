// Bundles the parts of ECharts the monitor uses (scripts/echarts-entry.js) into build/echarts.js.
// Run by Trunk as a pre_build hook; skips the work when the bundle is newer than its inputs.
import { build } from 'esbuild';
import { existsSync, statSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'scripts', 'echarts-entry.js');
const out = join(root, 'build', 'echarts.js');
const inputs = [entry, join(root, 'scripts', 'echarts-export.js'), join(root, 'scripts', 'echarts-print.js'), join(root, 'package-lock.json'), fileURLToPath(import.meta.url)];

const fresh = existsSync(out) && inputs.every((f) => !existsSync(f) || statSync(f).mtimeMs <= statSync(out).mtimeMs);
if (fresh) {
  console.log('build/echarts.js is up to date');
} else {
  mkdirSync(dirname(out), { recursive: true });
  await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['es2020'],
    legalComments: 'none',
    outfile: out,
    logLevel: 'warning',
  });
  console.log(`built ${out} (${statSync(out).size} bytes)`);
}
