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
 * The tools must be the versions the build was made and measured with: `wasm-bindgen` exactly
 * the crate's version in Cargo.lock (its output and the crate's glue must agree), and
 * `wasm-split-cli` the version `scripts/setup.sh` installs (the splitter of the
 * `wasm_split_helpers` 0.2 in Cargo.lock). A mismatch stops the build with what to run.
 */
export function checkToolVersions(root) {
  const lock = readFileSync(join(root, 'Cargo.lock'), 'utf8');
  const locked = (name) => lock.match(new RegExp(`name = "${name}"\\nversion = "([^"]+)"`))?.[1];
  const problems = [];
  const bindgen = locked('wasm-bindgen');
  let have = '';
  try { have = execFileSync('wasm-bindgen', ['--version'], { encoding: 'utf8' }).trim().split(/\s+/)[1]; } catch { /* missing */ }
  if (have !== bindgen) {
    problems.push(`wasm-bindgen ${have || '(ontbreekt)'} is not ${bindgen} from Cargo.lock: run ` +
      `cargo install wasm-bindgen-cli --version ${bindgen}`);
  }
  const setup = readFileSync(join(root, 'scripts', 'setup.sh'), 'utf8');
  const split = setup.match(/^WS_VERSION=(\S+)/m)?.[1];
  let installed = '';
  try { installed = execFileSync('cargo', ['install', '--list'], { encoding: 'utf8' }); } catch { /* no cargo */ }
  if (!installed.includes(`wasm_split_cli_support v${split}:`)) {
    problems.push(`wasm-split-cli is not wasm_split_cli_support ${split}: run ` +
      `cargo install wasm_split_cli_support --version ${split} --features build-binary --locked`);
  }
  const helpers = locked('wasm_split_helpers');
  if (helpers && split && helpers.split('.').slice(0, 2).join('.') !== split.split('.').slice(0, 2).join('.')) {
    problems.push(`wasm_split_helpers ${helpers} in Cargo.lock does not match wasm-split-cli ${split}: ` +
      'change WS_VERSION in scripts/setup.sh to the same 0.x series');
  }
  if (problems.length) throw new Error(`wasm-split: ${problems.join('; ')}`);
}

/**
 * Replaces Trunk's bound WASM and glue in `staging` by the split main module, and adds the
 * chunks and their loader. `root`: the repository; `profile`: 'release' or 'debug'.
 */
export function splitWasm({ root, staging, profile, bin = 'monitor-sociaal-domein' }) {
  checkToolVersions(root);
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
