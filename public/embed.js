/* Monitor Sociaal Domein — resizes embedded monitor iframes to their content.
   Put it once on a page, loaded from the monitor's own folder (the same address as the
   monitor, ending in embed.js; see docs/insluiten.md).
   It only accepts height messages from the origin it was loaded from, and only for iframes
   on this page. No dependencies, no cookies, no other requests. */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !script.src) return;
  var origin = new URL(script.src, document.baseURI).origin;
  window.addEventListener('message', function (event) {
    if (event.origin !== origin) return;
    var data = event.data;
    if (!data || data.type !== 'msd-hoogte' || typeof data.hoogte !== 'number' || !isFinite(data.hoogte)) return;
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i += 1) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = Math.min(Math.max(Math.round(data.hoogte), 150), 6000) + 'px';
        frames[i].setAttribute('data-msd-hoogte', String(Math.round(data.hoogte)));
      }
    }
  });
})();
