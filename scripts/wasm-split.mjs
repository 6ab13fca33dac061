// Splits the residents' WASM into a main module and lazily loaded chunks (issue 12): every
// function marked with `wasm_split` in src/ui/lazy.rs (the page types reached by a click) and
// the code only they use leave the WASM of the first view.
//
// Called by scripts/post-build.mjs for index.html and beheer.html, after Trunk has built and bound
// the WASM.
// Trunk has no step between cargo and wasm-bindgen, so this takes cargo's own output again:
//   1. wasm-split-cli (crates.io `wasm_split_cli_support`, the splitter cargo-leptos uses) cuts
//      target/wasm32-unknown-unknown/<profile>/monitor-sociaal-domein.wasm (linked with
//      --emit-relocs, see .cargo/config.toml) into main + chunks + a small JS loader;
//   2. wasm-bindgen binds the main module (keeping the exports the chunks link against) under
//      Trunk's file name, so index.html and public/loader.js need no change;
//   3. chunks and loader get content-hashed names (msd-<part>-<hash>.wasm, msd-split-<hash>.js;
//      the two entries' chunks differ in content, so their names never collide),
//      so the caching advice of docs/hosten.md (hashed names immutable) holds for them too.
// wasm-opt runs afterwards on every .wasm in the staging folder (scripts/post-build.mjs).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const hash = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);

/**
 * Replaces Trunk's bound WASM and glue in `staging` by the split main module, and adds the
 * chunks and their loader. `root`: the repository; `profile`: 'release' or 'debug'.
 */
export function splitWasm({ root, staging, profile, bin = 'monitor-sociaal-domein' }) {
  const targetDir = process.env.CARGO_TARGET_DIR || join(root, 'target');
  const input = join(targetDir, 'wasm32-unknown-unknown', profile, `${bin}.wasm`);
  if (!existsSync(input)) throw new Error(`wasm-split: ${input} is missing (cargo's output for ${bin})`);
  const glue = readdirSync(staging).find((n) => n.startsWith(`${bin}-`) && n.endsWith('.js'));
  if (!glue) throw new Error(`wasm-split: no ${bin}-<hash>.js in ${staging}`);
  const stem = glue.slice(0, -'.js'.length);

  const work = join(root, 'build', 'wasm-split', bin);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(join(work, 'bound'), { recursive: true });
  execFileSync('wasm-split-cli', [input, work, '--out-name', stem], { stdio: 'inherit' });
  execFileSync('wasm-bindgen', ['--target', 'web', '--keep-lld-exports', '--no-demangle',
    '--out-dir', join(work, 'bound'), '--out-name', stem, join(work, `${stem}.wasm`)], { stdio: 'inherit' });

  // Chunks: content-hashed names, and the loader pointed at them.
  let loader = readFileSync(join(work, '__wasm_split.js'), 'utf8');
  const chunks = readdirSync(work).filter((n) => n.endsWith('.wasm') && n !== `${stem}.wasm`);
  for (const chunk of chunks) {
    const bytes = readFileSync(join(work, chunk));
    // split_<module>.wasm holds a page; chunk_<n>.wasm code shared by several pages.
    const part = chunk.replace(/\.wasm$/, '').replace(/^split_/, '').replace('_', '');
    const name = `msd-${part}-${hash(bytes)}.wasm`;
    const quoted = `"./${chunk}"`;
    if (!loader.includes(quoted)) throw new Error(`wasm-split: the loader does not mention ${chunk}`);
    loader = loader.replaceAll(quoted, `"./${name}"`);
    writeFileSync(join(staging, name), bytes);
  }
  const loaderName = `msd-split-${hash(loader)}.js`;
  writeFileSync(join(staging, loaderName), loader);

  // The main module and its glue replace Trunk's, under Trunk's names.
  let js = readFileSync(join(work, 'bound', `${stem}.js`), 'utf8');
  const from = 'from "./__wasm_split.js"';
  if (!js.includes(from)) throw new Error('wasm-split: the bound glue does not import ./__wasm_split.js');
  js = js.replaceAll(from, `from "./${loaderName}"`);
  writeFileSync(join(staging, glue), js);
  copyFileSync(join(work, 'bound', `${stem}_bg.wasm`), join(staging, `${stem}_bg.wasm`));
  console.log(`wasm-split: ${stem} split into a main module, ${chunks.length} chunks and ${loaderName}`);
}
