// Trunk post_build hook: shrinks the release WASM with wasm-opt from the npm `binaryen` package
// (Debian's binaryen is too old, and Trunk must not download one). Debug builds are left alone.
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const staging = process.env.TRUNK_STAGING_DIR;
if (process.env.TRUNK_PROFILE !== 'release' || !staging) {
  console.log('wasm-opt: skipped (not a release build)');
  process.exit(0);
}
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'node_modules', '.bin', 'wasm-opt');
for (const f of readdirSync(staging).filter((n) => n.endsWith('.wasm'))) {
  const path = join(staging, f);
  const before = statSync(path).size;
  execFileSync(bin, ['-Oz', '--strip-debug', '--strip-producers', '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext', '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue', path, '-o', path], { stdio: 'inherit' });
  console.log(`wasm-opt -Oz ${f}: ${before} -> ${statSync(path).size} bytes`);
}
