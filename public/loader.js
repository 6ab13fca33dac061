// Starts the app. Lives in its own file (not inline) so the monitor runs under a strict
// Content-Security-Policy; Trunk's pattern_script passes the hashed file names as attributes.
const tag = document.querySelector('script[data-wasm]');
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
