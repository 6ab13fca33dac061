// Starts the app. Lives in its own file (not inline) so the monitor runs under a strict
// Content-Security-Policy; Trunk's pattern_script passes the hashed file names as attributes.
// Both HTML pages use it: index.html (residents) and beheer.html (council tools).
//
// No waterfall (issue 12): index.html already asked for the WASM, its glue, the first ECharts
// bundle, the manifest and config.json (preload links). This file starts the WASM, runs ECharts'
// first bundle while the WASM compiles, and asks for the region's data files as soon as the
// manifest and config are in, instead of after the WASM has started.
const tag = document.querySelector('script[data-wasm]');
const query = new URLSearchParams(window.location.search);

// Embedded in another site (?embed=1): no site navigation (CSS), and the page tells the host
// page its height so public/embed.js there can size the iframe. The height is not sensitive,
// so any parent may read it; the receiving script checks that it comes from this origin.
if (query.get('embed') === '1') {
  document.documentElement.classList.add('embed');
  document.addEventListener('DOMContentLoaded', () => document.body.classList.add('embed'));
  // The height is that of the content: a ResizeObserver on <body> (and <html>, which holds the
  // body's collapsed margins), measured as the box's own height. Not the document's scrollHeight:
  // that is never less than the iframe itself, so an iframe once made tall never shrank again.
  if (window.parent !== window && 'ResizeObserver' in window) {
    let last = 0;
    const report = () => {
      const hoogte = Math.ceil(document.documentElement.getBoundingClientRect().height);
      if (hoogte > 0 && hoogte !== last) {
        last = hoogte;
        window.parent.postMessage({ type: 'msd-hoogte', hoogte }, '*');
      }
    };
    const content = new ResizeObserver(report);
    content.observe(document.documentElement);
    document.addEventListener('DOMContentLoaded', () => content.observe(document.body));
  }
}

// ECharts' first bundle: an ES module with a hashed name, named by index.html's
// <link rel="modulepreload" data-echarts> (scripts/post-build.mjs writes it). Same folder, same
// origin; run once. The lazy extras load from there (scripts/echarts-entry.js).
const echarts = document.querySelector('link[data-echarts]');
let charts = null;
window.msdLoadCharts = () => {
  charts ||= (echarts ? import(echarts.href) : Promise.reject(new Error('deze pagina heeft geen ECharts')))
    .then(() => undefined, (e) => { charts = null; throw e; });
  return charts;
};

/**
 * window.msdPrefetch: responses this loader asked for before the app ran, by path relative to
 * the page ('data/manifest.json', 'config.json', 'data/<file>'), each a Promise of the text, or
 * of null when the answer was not 200 or the request failed. The app (src/ui/data.rs) takes an
 * entry once and otherwise fetches itself, so this is only ever a head start: a wrong guess here
 * costs a request, never a wrong page.
 */
const prefetch = window.msdPrefetch || {};
window.msdPrefetch = prefetch;
/**
 * The largest data file the monitor reads (src/core/read/json.rs MAX_FILE_BYTES, docs/hosten.md).
 * A larger one is refused before it is downloaded whole (issue 25): by its Content-Length when the
 * host sends it uncompressed, else by reading the stream and stopping at the limit.
 */
const MAX_BYTES = 8 * 1024 * 1024;

/**
 * window.msdHaal(path): the text of a file, read at most up to MAX_BYTES. Resolves to the text,
 * to { status } when the answer was not 200, or to { teGroot: bytes } (at least that many) when
 * the file is over the limit; rejects when there is no answer at all. src/ui/data.rs uses it.
 */
window.msdHaal = async (path) => {
  const stop = new AbortController();
  const r = await fetch(path, { signal: stop.signal });
  if (!r.ok) return { status: r.status };
  const told = r.headers.get('content-encoding') ? NaN : Number(r.headers.get('content-length'));
  if (told > MAX_BYTES) { stop.abort(); return { teGroot: told }; }
  if (!r.body || !r.body.getReader) return r.text();
  const reader = r.body.getReader();
  const parts = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BYTES) { stop.abort(); return { teGroot: size }; }
    parts.push(value);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const p of parts) { all.set(p, at); at += p.byteLength; }
  return new TextDecoder().decode(all);
};

// A baked page's check (public/gebakken.js) may have asked for a file already. The prefetch keeps
// the text, null for no 200 or no answer (the app asks again for the exact reason), or the
// { teGroot } of a file over the limit.
const ask = (path) => {
  prefetch[path] ||= window.msdHaal(path).then((t) => (typeof t === 'string' || t.teGroot ? t : null)).catch(() => null);
  return prefetch[path];
};

/** The region the app will show (as src/ui/data.rs `apply_config` and pages `region` choose it). */
function regionOf(manifest, config) {
  let regions = manifest.regions || [];
  const only = Array.isArray(config.regios) ? config.regios : [];
  if (only.length) regions = only.map((id) => regions.find((r) => r.id === id)).filter(Boolean);
  const first = regions.find((r) => r.id === config.standaardRegio);
  if (first) regions = [first, ...regions.filter((r) => r !== first)];
  const asked = query.get('regio') || document.documentElement.dataset.regio;
  return (regions.find((r) => r.id === asked) || regions[0] || {}).id;
}

/**
 * The page the address asks for, as far as the prefetch needs it (core::model::view_state
 * parse_at): { page: 'home' | 'thema' | 'indicator' | other, thema, indicator }.
 */
function pageOf() {
  const [folder, file] = window.location.pathname.split('/').slice(-2);
  const name = (file || '').replace(/\.html$/, '');
  let view = { page: 'home' };
  if (folder === document.documentElement.dataset.regio && name && name !== 'index') {
    if (name.startsWith('cijfer-')) view = { page: 'indicator', indicator: name.slice(7) };
    else if (['jeugd', 'participatie', 'wmo', 'samenloop'].includes(name)) view = { page: 'thema', thema: name };
    else view = { page: 'ander' };
  }
  const asked = query.get('pagina');
  if (asked) view = { page: asked };
  if (query.get('thema')) view.thema = query.get('thema');
  if (query.get('indicator')) view.indicator = query.get('indicator');
  return view;
}

/**
 * The region's files the page needs (as core::pages::site::files_for_page chooses them, issue 25):
 * on a home page the files marked "home" (all when none is), on a theme page that theme's, on an
 * indicator page the file listing its table (or holding its whole theme); elsewhere all of them.
 */
function filesOf(datasets, view) {
  const theme = (id) => (id || '').split('-')[0];
  const holds = (d, id) => (d.themes || []).includes(theme(id)) && (!Array.isArray(d.tables) || d.tables.includes(id));
  if (view.page === 'home') {
    const marked = datasets.filter((d) => d.home === true);
    return marked.length ? marked : datasets;
  }
  if (view.page === 'thema' && view.thema) return datasets.filter((d) => (d.themes || []).includes(view.thema));
  if (view.page === 'indicator' && view.indicator) return datasets.filter((d) => holds(d, view.indicator));
  return datasets;
}

const say = (text) => {
  const p = document.getElementById('laden') || document.body.appendChild(document.createElement('p'));
  p.className = 'fout fataal';
  p.setAttribute('role', 'alert');
  p.textContent = text;
};
if (!tag || typeof WebAssembly !== 'object') {
  say('Deze browser kan de monitor niet tonen: hij ondersteunt geen WebAssembly. Probeer een recente versie van Firefox, Chrome, Edge of Safari.');
} else {
  // On a baked page the app starts once the baked figures are checked (public/gebakken.js): the
  // reader has the page, and the check's requests did not share a phone's bandwidth with the WASM.
  (window.msdGebakkenKlaar || Promise.resolve())
    .then(() => import(tag.dataset.js))
    .then((mod) => mod.default({ module_or_path: tag.dataset.wasm }))
    .catch(() => say('De monitor kon niet worden gestart. Laad de pagina opnieuw; lukt het dan nog niet, neem dan contact op met de beheerder van deze website.'));
  // The residents' pages (index.html preloads ECharts): data and charts while the WASM compiles.
  if (echarts && !['datacheck', 'benchmark'].includes(query.get('pagina'))) {
    Promise.all([ask('data/manifest.json'), ask('config.json')]).then(([m, c]) => {
      if (!m) return;
      let config = {};
      try { config = (c && JSON.parse(c)) || {}; } catch { config = {}; }
      const manifest = JSON.parse(m);
      const region = regionOf(manifest, config);
      const own = (manifest.datasets || []).filter((d) => d.region === region);
      for (const d of filesOf(own, pageOf())) ask(`data/${d.file}`);
    }).catch(() => {});
    if (query.get('weergave') !== 'tabel') {
      (window.msdGebakkenKlaar || Promise.resolve()).then(() => window.msdLoadCharts()).catch(() => {});
    }
  }
}
