// Baked pages (issue 22): every page of the monitor is a static HTML file with its figures and
// charts, written at build time (src/core/bake). This script runs in the <head>, before the body
// is parsed, so no frame ever shows a baked figure that was not checked:
//
// - The page lists the files it was baked from with their hash (<html data-gebakken="config.json:…
//   data/manifest.json:… data/….json:…">). The baked content stays hidden (visibility, so nothing
//   moves) until those files, fetched from this host now, hash the same. A council that replaced a
//   data file without building gets the app's live figures instead: the baked ones stay hidden.
// - An address asking for another view than the baked one (a query other than the page's own,
//   data-zoek) shows the app's view, not the baked one.
// - Without JavaScript the baked page is simply shown (this script does not run).
//
// The fetched texts go to window.msdPrefetch, which the app takes (src/ui/data.rs), so nothing is
// downloaded twice. window.msdGebakkenKlaar resolves to true (shown) or false (the app draws);
// public/loader.js starts the app after it. FNV-1a, as src/core/bake/version.rs computes it.
(function () {
  var html = document.documentElement;
  var list = html.getAttribute('data-gebakken');
  var settle;
  window.msdGebakkenKlaar = new Promise(function (ok) { settle = ok; });
  if (!list) { settle(false); return; }
  html.classList.add('msd-controle');
  var done = false;
  function finish(shown) {
    if (done) return;
    done = true;
    html.classList.remove('msd-controle');
    html.classList.add(shown ? 'msd-getoond' : 'msd-wacht');
    if (!shown) { settle(false); return; }
    // The app starts after the frame that shows the baked page, so its files never compete with it.
    requestAnimationFrame(function () { performance.mark('msd:gebakken-getoond'); settle(true); });
  }
  var own = html.getAttribute('data-zoek') || '';
  var search = location.search.replace(/^\?/, '');
  if ((search && search !== own) || !window.fetch || !window.TextDecoder) { finish(false); return; }
  function fnv(bytes) {
    var h = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) { h ^= bytes[i]; h = Math.imul(h, 0x01000193); }
    return ('0000000' + (h >>> 0).toString(16)).slice(-8);
  }
  var prefetch = window.msdPrefetch = window.msdPrefetch || {};
  var checks = list.split(' ').map(function (entry) {
    var at = entry.lastIndexOf(':');
    var path = entry.slice(0, at);
    var hash = entry.slice(at + 1);
    var bytes = fetch(path).then(function (r) { return r.ok ? r.arrayBuffer() : null; }).catch(function () { return null; });
    prefetch[path] = bytes.then(function (b) { return b && new TextDecoder().decode(b); });
    return bytes.then(function (b) { return b !== null && fnv(new Uint8Array(b)) === hash; });
  });
  Promise.all(checks).then(function (same) { finish(same.every(Boolean)); });
  // A host that does not answer: the app tries itself and says what is wrong.
  setTimeout(function () { finish(false); }, 10000);
})();
