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
// window.msdHaal(path) (issue 25): the text, { status } for no 200, or { teGroot: bytes } for a
// file over 8 MB (read::json::MAX_FILE_BYTES), stopped by its Content-Length or in the stream.
const MAX = 8 * 1024 * 1024;
window.msdHaal = async (path) => {
  const stop = new AbortController();
  const r = await fetch(path, { signal: stop.signal });
  if (!r.ok) return { status: r.status };
  const told = r.headers.get('content-encoding') ? 0 : Number(r.headers.get('content-length'));
  if (told > MAX) { stop.abort(); return { teGroot: told }; }
  const reader = r.body.getReader();
  const dec = new TextDecoder();
  let size = 0, text = '';
  for (let c = await reader.read(); !c.done; c = await reader.read()) {
    size += c.value.byteLength;
    if (size > MAX) { stop.abort(); return { teGroot: size }; }
    text += dec.decode(c.value, { stream: true });
  }
  return text + dec.decode();
};
// A baked page's check (public/gebakken.js) may have asked already. Kept: the text, { teGroot },
// or null (no 200 or no answer: the app asks again for the exact reason).
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

// The files the address's page needs, as core::pages::site::files_for_page: home the "home"
// files (all when none is marked), a theme its own, an indicator the file holding its table.
function filesOf(datasets) {
  const [folder, file] = location.pathname.split('/').slice(-2);
  const name = folder === document.documentElement.dataset.regio ? (file || '').replace(/\.html$/, '') : 'index';
  const page = query.get('pagina') || (name === 'index' ? 'home' : name.startsWith('cijfer-') ? 'indicator' : 'thema');
  const id = query.get('indicator') || name.slice(7);
  const theme = query.get('thema') || name;
  const has = (d, t) => (d.themes || []).includes(t);
  const marked = datasets.filter((d) => d.home === true);
  if (page === 'home') return marked.length ? marked : datasets;
  if (page === 'indicator') return datasets.filter((d) => has(d, id.split('-')[0]) && (!d.tables || d.tables.includes(id)));
  return page === 'thema' && has({ themes: ['jeugd', 'participatie', 'wmo', 'samenloop'] }, theme)
    ? datasets.filter((d) => has(d, theme)) : datasets;
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
      for (const d of filesOf(own)) ask(`data/${d.file}`);
    }).catch(() => {});
    if (query.get('weergave') !== 'tabel') {
      (window.msdGebakkenKlaar || Promise.resolve()).then(() => window.msdLoadCharts()).catch(() => {});
    }
  }
}
