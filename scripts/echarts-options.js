// The monitor's chart options arrive as JSON from Rust (charming). They hold no JavaScript (strict
// CSP): Dutch number formatting is asked for by name, "msd:nl:<decimals>:<suffix>", and swapped
// for a function here. Pure functions, no DOM: shared by the browser binding
// (scripts/echarts-entry.js, bundled by esbuild) and the build-time baker (scripts/bake-svg.mjs),
// so a baked SVG formats numbers exactly as the app does.

/**
 * Axis labels in Dutch notation: "1.000", "2,5", "12 mln" — never "1K" (issue 13). `millions`:
 * every label in millions ("0,5 mln"), so one axis never mixes the two notations.
 */
export function axisNl(decimals, suffix, millions) {
  const f = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: decimals });
  return (p) => {
    const v = p !== null && typeof p === 'object' ? p.value : p;
    if (v === null || v === undefined || v === '' || Number.isNaN(Number(v))) return '';
    const n = Number(v);
    if (n === 0) return `0${suffix || ''}`;
    return millions || Math.abs(n) >= 1e6 ? `${f.format(n / 1e6)} mln${suffix || ''}` : f.format(n) + (suffix || '');
  };
}

/**
 * The formatter function a "msd:nl…" string names: "nl" fixed decimals (1.234,5), "nlc" compact
 * (3 mln.), "nla" axis labels, "nlm" axis labels in millions.
 */
export function nlFormatter(spec) {
  const [, kind, decimals, suffix] = spec.split(':');
  const d = Math.min(6, Math.max(0, Number(decimals) || 0));
  if (kind === 'nla' || kind === 'nlm') return axisNl(d, suffix, kind === 'nlm');
  // "nl": 1.234,5 — "nlc": compact, 3 mln. (axis labels)
  const f = kind === 'nlc'
    ? new Intl.NumberFormat('nl-NL', { notation: 'compact', maximumFractionDigits: 1 })
    : new Intl.NumberFormat('nl-NL', { minimumFractionDigits: d, maximumFractionDigits: d });
  return (p) => {
    const v = p !== null && typeof p === 'object' ? p.value : p;
    if (v === null || v === undefined || v === '' || Number.isNaN(Number(v))) return '';
    return f.format(Number(v)) + (suffix || '');
  };
}

/** Text as HTML that shows it literally: a tooltip is HTML, a name from a data file is not. */
function escapeHtml(s) {
  return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

/**
 * "msd:tip": a tooltip shows the text the Rust side wrote for the point (`tip`, see
 * src/core/present/charts/tooltip.rs), escaped, a line break per "\n"; the point's name when it
 * has none.
 */
export function tipFormatter(params) {
  return [].concat(params || []).map((p) => {
    const tip = p && p.data && typeof p.data === 'object' && typeof p.data.tip === 'string' ? p.data.tip : (p && p.name) || '';
    return escapeHtml(tip).replace(/\n/g, '<br>');
  }).join('<br>');
}

/** Replaces, in place, every `formatter: "msd:nl…"` or `"msd:tip"` in a parsed option by its function. */
export function resolveFormatters(node, depth) {
  if (depth > 20 || node === null || typeof node !== 'object') return;
  for (const key of Object.keys(node)) {
    const v = node[key];
    if (key === 'formatter' && v === 'msd:tip') node[key] = tipFormatter;
    else if (key === 'formatter' && typeof v === 'string' && /^msd:nl[cam]?:/.test(v)) node[key] = nlFormatter(v);
    else resolveFormatters(v, depth + 1);
  }
}
