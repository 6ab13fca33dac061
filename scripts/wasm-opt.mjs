// Shrinks release WASM files with wasm-opt from the npm `binaryen` package (Debian's binaryen is
// too old, and Trunk must not download one). Called by scripts/post-build.mjs, the Trunk
// post_build hook, for the files in Trunk's staging folder.
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'node_modules', '.bin', 'wasm-opt');
const FEATURES = ['--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
  '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue'];

/** `wasm-opt -Oz` in place; prints the size before and after. */
export function wasmOpt(path) {
  const before = statSync(path).size;
  execFileSync(bin, ['-Oz', '--strip-debug', '--strip-producers', ...FEATURES, path, '-o', path], { stdio: 'inherit' });
  console.log(`wasm-opt -Oz ${path.split('/').pop()}: ${before} -> ${statSync(path).size} bytes`);
}
