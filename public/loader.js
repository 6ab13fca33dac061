// Starts the app. Lives in its own file (not inline) so the monitor runs under a strict
// Content-Security-Policy; Trunk's pattern_script passes the hashed file names as attributes.
const tag = document.querySelector('script[data-wasm]');

// Embedded in another site (?embed=1): no site navigation (CSS), and the page tells the host
// page its height so public/embed.js there can size the iframe. The height is not sensitive,
// so any parent may read it; the receiving script checks that it comes from this origin.
if (new URLSearchParams(window.location.search).get('embed') === '1') {
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

// ECharts is most of the page's weight, so it is fetched only when the first chart is drawn,
// after the text and table are on screen. Same folder, same origin; loaded once.
let charts = null;
window.msdLoadCharts = () => {
  charts ||= new Promise((resolve, reject) => {
    if (window.msdCharts) { resolve(); return; }
    const s = document.createElement('script');
    s.src = new URL('echarts.js', tag ? tag.src : document.baseURI).href;
    s.onload = () => resolve();
    s.onerror = () => { charts = null; reject(new Error('echarts.js niet geladen')); };
    document.head.appendChild(s);
  });
  return charts;
};
const say = (text) => {
  const p = document.getElementById('laden') || document.body.appendChild(document.createElement('p'));
  p.className = 'fout fataal';
  p.setAttribute('role', 'alert');
  p.textContent = text;
};
if (!tag || typeof WebAssembly !== 'object') {
  say('Deze browser kan de monitor niet tonen: hij ondersteunt geen WebAssembly. Probeer een recente versie van Firefox, Chrome, Edge of Safari.');
} else {
  import(tag.dataset.js)
    .then((mod) => mod.default({ module_or_path: tag.dataset.wasm }))
    .catch(() => say('De monitor kon niet worden gestart. Laad de pagina opnieuw; lukt het dan nog niet, neem dan contact op met de beheerder van deze website.'));
}
