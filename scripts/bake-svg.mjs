// Baked pages (build time): the native Rust tool writes a static HTML file per page with a
// placeholder comment `<!--msd-svg:ID-->` for every chart, and a charts.json with each chart's
// ECharts option (the same JSON the app draws). This script renders those options with ECharts in
// Node (its SVG renderer, server-side) and puts the SVG in place of the placeholders, so a page
// shows its charts before the WASM app has loaded; the app takes over later. It also draws the
// Open Graph preview images (PNG, through resvg).
//
//   node scripts/bake-svg.mjs <siteDir> <chartsJson>
//
// The pages are served with a strict CSP (style-src 'self'): the SVG may carry no style
// attribute and no <style> element. Those are rewritten into SVG presentation attributes or
// dropped (see STYLE_TO_ATTRIBUTE). Same input, same bytes: nothing depends on the time, the
// order charts are drawn in, or ECharts' instance counter.
import * as echarts from 'echarts';
import { Resvg } from '@resvg/resvg-js';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { platformApi } from 'zrender/lib/core/platform.js';
import { imageOption, layout } from './echarts-export.js';
import { resolveFormatters } from './echarts-options.js';

const PLACEHOLDER = /<!--msd-svg:([a-z0-9-]+)-->/g;

/**
 * The fonts of the PNGs, loaded by file rather than from whatever the machine has, so a preview
 * looks the same on every build machine. Liberation Sans has Arial's metrics, which is what
 * ECharts' own text measuring in Node assumes for its default 'sans-serif' (labels then fit their
 * boxes); DejaVu Sans is the fallback for glyphs Liberation lacks. Debian: fonts-liberation,
 * fonts-dejavu-core (scripts/setup.sh installs them).
 */
const FONT_DIR = '/usr/share/fonts/truetype';
const FONT_FILES = ['liberation/LiberationSans-Regular.ttf', 'liberation/LiberationSans-Bold.ttf',
  'liberation/LiberationSans-Italic.ttf', 'liberation/LiberationSans-BoldItalic.ttf', 'dejavu/DejaVuSans.ttf',
  'dejavu/DejaVuSans-Bold.ttf'].map((f) => join(FONT_DIR, f));
const PNG_FONT = 'Liberation Sans';

/**
 * CSS properties in ECharts' SVG style attributes, and the SVG presentation attribute each
 * becomes (same name: SVG defines these as presentation attributes). What is not listed has no
 * presentation attribute or no meaning in a static picture, and is dropped: `cursor` (a baked
 * chart is not interactive, a pointer would promise a click that does nothing), `line-height`
 * (no SVG equivalent; ECharts already placed every line itself), `user-select`, `position`,
 * `left`, `top` (the interactive renderer's container layout), `transform` (CSS syntax, not the
 * attribute's; ECharts writes its transforms as attributes anyway).
 */
const STYLE_TO_ATTRIBUTE = new Set(['fill', 'fill-opacity', 'fill-rule', 'stroke', 'stroke-width', 'stroke-opacity',
  'stroke-dasharray', 'stroke-dashoffset', 'stroke-linecap', 'stroke-linejoin', 'stroke-miterlimit', 'opacity',
  'font-family', 'font-size', 'font-style', 'font-weight', 'font-variant', 'font-stretch', 'text-anchor',
  'dominant-baseline', 'text-decoration', 'letter-spacing', 'word-spacing', 'paint-order', 'visibility', 'display',
  'pointer-events', 'clip-path', 'clip-rule', 'mask', 'filter', 'color']);

/** Properties dropped while sanitising, for the summary (a new one should be looked at). */
const dropped = new Set();

// ---- Rendering ---------------------------------------------------------------------------------

/**
 * Stand-ins of the same width (Arial's metrics) for characters outside ASCII that Dutch labels
 * use, for ECharts' text measuring in Node (see measureText).
 */
const SAME_WIDTH = { '\u2013': '0', '\u20ac': '0', '\u2018': "'", '\u2019': "'", '\u201c': '"', '\u201d': '"',
  '\u00d7': '+', '\u2264': '+', '\u2265': '+', '\u00a0': ' ', '\u202f': ' ' };
const defaultMeasure = platformApi.measureText;

/**
 * ECharts measures text in Node with a table of Arial's widths for ASCII and counts any other
 * character as 1 em wide, so "Cliënten" or "2020–2023" came out too wide and the grid (which
 * makes room for its labels) narrower than in the app. Accents are dropped and a few signs
 * swapped for an ASCII character of the same width before measuring; the text drawn is unchanged.
 */
function measureText(text, font) {
  const plain = String(text ?? '').normalize('NFD').replace(/\p{M}/gu, '').replace(/[^\x20-\x7e]/g, (c) => SAME_WIDTH[c] || c);
  return defaultMeasure(plain, font);
}
echarts.setPlatformAPI({ measureText });

/**
 * Maps are not baked: they need their boundaries registered (the app loads them on demand), and
 * a choropleth is never the first thing a page shows. Said before ECharts fails obscurely.
 */
function assertNoMap(option) {
  const series = [].concat(option.series || []);
  const geo = [].concat(option.geo || []).length > 0;
  if (geo || series.some((s) => s && (s.type === 'map' || s.coordinateSystem === 'geo'))) {
    throw new Error('maps are not baked (series type "map" or a geo component): leave this chart to the app');
  }
}

/**
 * Renders an option (parsed) to ECharts' SVG virtual DOM (a tree of { tag, attrs, children,
 * text }): zrender's SVG painter, the call `renderToSVGString` makes, but asked for the tree and
 * without the CSS of hover states and animations. The tree, not the string: zrender writes
 * attribute values without escaping them, so a string would have to be parsed back.
 */
function renderTree(option, width, height) {
  assertNoMap(option);
  resolveFormatters(option, 0);
  option.animation = false;
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(option, { notMerge: true });
    return chart.getZr().painter.renderToVNode({ animation: false, emphasis: false, willUpdate: false, compress: true, useViewBox: true });
  } finally {
    chart.dispose(); // also stops zrender's animation loop, which would keep Node running
  }
}

// ---- Sanitising ----------------------------------------------------------------------------------

/** Splits a CSS declaration list on semicolons outside quotes. */
function declarations(style) {
  const out = [];
  let current = '';
  let quote = null;
  for (const ch of style) {
    if (quote) { if (ch === quote) quote = null; } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === ';') { out.push(current); current = ''; continue; }
    current += ch;
  }
  out.push(current);
  return out.map((d) => d.trim()).filter(Boolean).map((d) => {
    const i = d.indexOf(':');
    return i < 0 ? [d.toLowerCase(), ''] : [d.slice(0, i).trim().toLowerCase(), d.slice(i + 1).trim()];
  });
}

/**
 * The CSS `font` shorthand ECharts writes for rich text ("italic bold 12px/14px sans-serif") as
 * separate properties; the line height is dropped (ECharts placed the lines itself).
 */
function fontShorthand(value) {
  const m = /^((?:(?:normal|italic|oblique|small-caps|bold|bolder|lighter|[1-9]00)\s+)*)([\d.]+(?:px|pt|em|rem|%))(?:\/\S+)?\s+(.+)$/i.exec(value.trim());
  if (!m) { dropped.add(`font: ${value}`); return []; }
  const out = [['font-size', m[2]], ['font-family', m[3]]];
  for (const word of m[1].trim().split(/\s+/).filter(Boolean)) {
    const w = word.toLowerCase();
    if (w === 'italic' || w === 'oblique') out.push(['font-style', w]);
    else if (w === 'small-caps') out.push(['font-variant', w]);
    else if (w !== 'normal') out.push(['font-weight', w]);
  }
  return out;
}

/**
 * Moves a style attribute into presentation attributes. A style declaration wins over an
 * attribute of the same name in CSS, so it wins here too.
 */
export function styleToAttributes(attrs) {
  const style = attrs.style;
  delete attrs.style;
  if (typeof style !== 'string') return;
  for (const [prop, value] of declarations(style)) {
    const pairs = prop === 'font' ? fontShorthand(value) : [[prop, value]];
    for (const [p, v] of pairs) {
      if (STYLE_TO_ATTRIBUTE.has(p) && v !== '') attrs[p] = v.replace(/\s*!important$/, '');
      else dropped.add(p);
    }
  }
}

/** The part of an ECharts id that is not its instance counter ("zr3-p0" → "p0"). */
const localId = (id) => String(id).replace(/^zr\d+-/, '');

/**
 * Walks the tree once: drops <style> elements, `class` (zrender's hover classes; their CSS is
 * not there) and `ecmeta_*` (the server-side rendering's hydration data), rewrites style
 * attributes, and renames every id to `<chart id>-<ECharts' local id>`, so several charts on one
 * page never share an id and the name does not depend on how many charts were drawn before.
 */
function cleanNode(node, prefix, ids) {
  const attrs = node.attrs || {};
  for (const key of Object.keys(attrs)) {
    if (key === 'class' || key.startsWith('ecmeta_') || attrs[key] === false || attrs[key] == null) delete attrs[key];
  }
  styleToAttributes(attrs);
  if ('id' in attrs) {
    const renamed = `${prefix}-${localId(attrs.id)}`;
    ids.set(String(attrs.id), renamed);
    attrs.id = renamed;
  }
  node.attrs = attrs;
  node.children = (node.children || []).filter((c) => c.tag !== 'style');
  for (const child of node.children) cleanNode(child, prefix, ids);
}

/** Points `url(#…)`, `href="#…"` and `xlink:href="#…"` at the renamed ids. */
function relinkNode(node, ids) {
  for (const [key, value] of Object.entries(node.attrs)) {
    if (typeof value !== 'string') continue;
    let v = value.replace(/url\(\s*(['"]?)#([^)'"]+)\1\s*\)/g, (all, q, id) => (ids.has(id) ? `url(#${ids.get(id)})` : all));
    if ((key === 'href' || key === 'xlink:href') && v.startsWith('#') && ids.has(v.slice(1))) v = `#${ids.get(v.slice(1))}`;
    node.attrs[key] = v;
  }
  for (const child of node.children) relinkNode(child, ids);
}

/**
 * ECharts' background rectangle, when the option asks for no background: it draws nothing
 * (fill none, or a colour with opacity 0), so it goes. A real background colour stays.
 */
function isTransparentBackground(node) {
  const a = node.attrs || {};
  if (node.tag !== 'rect' || node.key !== 'bg') return false;
  return a.fill === 'none' || a.fill === 'transparent' || Number(a['fill-opacity']) === 0;
}

/**
 * The CSP-safe, page-safe version of a rendered tree (in place): see cleanNode, relinkNode. The
 * root is hidden from assistive technology (the element around it carries role="img" and the
 * chart's description) and is not focusable (old Edge/IE made every SVG a tab stop).
 */
function sanitise(tree, { id, cls, width, height }) {
  const ids = new Map();
  tree.children = (tree.children || []).filter((c) => !isTransparentBackground(c));
  cleanNode(tree, id, ids);
  relinkNode(tree, ids);
  const a = tree.attrs;
  a.width = a.width ?? width;
  a.height = a.height ?? height;
  a.viewBox = a.viewBox || `0 0 ${a.width} ${a.height}`;
  a['aria-hidden'] = 'true';
  a.focusable = 'false';
  a.class = cls ? `gebakken-svg ${cls}` : 'gebakken-svg';
  return tree;
}

// ---- Serialising ---------------------------------------------------------------------------------

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escape = (s) => String(s).replace(/[&<>"]/g, (c) => ESCAPES[c]);

/** Markup of a tree: attributes escaped (zrender does not), childless elements self-closed. */
function serialise(node) {
  const attrs = Object.entries(node.attrs || {}).map(([k, v]) => (v === true ? ` ${k}` : ` ${k}="${escape(v)}"`)).join('');
  const text = node.text != null && node.text !== '' ? escape(node.text) : '';
  const children = (node.children || []).map(serialise);
  if (!text && !children.length) return `<${node.tag}${attrs}/>`;
  const inner = children.length ? `\n${children.join('\n')}\n` : '';
  return `<${node.tag}${attrs}>${text}${inner}</${node.tag}>`;
}

/** The last line of defence: what the CSP would block, or an id reference left unprefixed. */
function assertSafe(svg, id) {
  if (/\sstyle=/i.test(svg) || /<style[\s>]/i.test(svg)) throw new Error('a style attribute or element survived sanitising');
  for (const m of svg.matchAll(/\sid="([^"]*)"/g)) {
    if (!m[1].startsWith(`${id}-`)) throw new Error(`id "${m[1]}" is not prefixed with the chart id`);
  }
}

/**
 * One chart as sanitised SVG markup. `chart`: { id, option (JSON string), width, height, class? }.
 * Throws with the reason when the option cannot be drawn.
 */
export function renderChartSvg(chart) {
  const { id, option, width, height } = chart;
  if (!/^[a-z0-9-]+$/.test(String(id))) throw new Error(`chart id "${id}" is not [a-z0-9-]+`);
  if (!(width > 0 && height > 0)) throw new Error(`chart ${id}: width and height must be positive (got ${width}×${height})`);
  const tree = sanitise(renderTree(JSON.parse(option), width, height), { id, cls: chart.class, width, height });
  return safeMarkup(tree, id);
}

/** The markup of a sanitised tree, checked (assertSafe). */
function safeMarkup(tree, id) {
  const svg = serialise(tree);
  assertSafe(svg, id);
  return svg;
}

// ---- Pages ---------------------------------------------------------------------------------------

/** Every .html file under `dir`, sorted (a stable order), without the ECharts bundle folder. */
function htmlFiles(dir, top = dir) {
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(dir, e.name);
    if (e.isDirectory()) { if (!(dir === top && e.name === 'echarts')) out.push(...htmlFiles(path, top)); }
    else if (e.isFile() && e.name.endsWith('.html')) out.push(path);
  }
  return out;
}

/**
 * Renders `id` once (cached in `svgs`); the error message, not an exception, when it cannot be,
 * so every bad placeholder of a build is reported together.
 */
function svgFor(id, byId, svgs) {
  if (svgs.has(id)) return svgs.get(id);
  let result;
  if (!byId.has(id)) result = { error: 'has no chart in the charts file' };
  else {
    try { result = { svg: renderChartSvg(byId.get(id)) }; } catch (e) { result = { error: `failed to render: ${e.message}` }; }
  }
  svgs.set(id, result);
  return result;
}

/** The new text of one page, and its problems (each naming the file and the chart id). */
function bakePage(file, html, byId, svgs, site) {
  const errors = [];
  const seen = new Map();
  let count = 0;
  const out = html.replace(PLACEHOLDER, (all, id) => {
    const r = svgFor(id, byId, svgs);
    if (r.error) { errors.push(`${relative(site, file)}: chart ${id} ${r.error}`); return all; }
    count += 1;
    seen.set(id, (seen.get(id) || 0) + 1);
    return seen.get(id) === 1 ? r.svg : renumber(r.svg, id, `${id}--${seen.get(id)}`);
  });
  return { out, count, errors };
}

/**
 * The same chart a second time on one page (the Rust side gives identical charts one id): its
 * ids and the references to them get another prefix, so the page still has each id once. Safe
 * as plain text: every id of a chart starts with `<id>-` (assertSafe).
 */
function renumber(svg, id, again) {
  const from = new RegExp(`(\\sid="|url\\(#|href="#)${id}-`, 'g');
  return svg.replace(from, (all, before) => `${before}${again}-`);
}

// ---- Preview images ------------------------------------------------------------------------------

/** A PNG of `svg` at its own size on white (Open Graph previews), with the fonts above. */
export function svgToPng(svg) {
  const missing = FONT_FILES.filter((f) => !existsSync(f));
  if (missing.length) throw new Error(`fonts missing (apt-get install fonts-liberation fonts-dejavu-core): ${missing.join(', ')}`);
  const resvg = new Resvg(svg, {
    background: '#ffffff',
    font: { loadSystemFonts: false, fontFiles: FONT_FILES, defaultFontFamily: PNG_FONT, sansSerifFamily: PNG_FONT },
  });
  return resvg.render().asPng();
}

/**
 * Text widths for the image layout of scripts/echarts-export.js, in Node: ECharts' own measuring
 * (measureText above), which has no bold widths; bold is taken a tenth wider, so a wrapped title
 * line never runs past the margin.
 */
function measureForLayout(text, style) {
  const width = measureText(text, `${style.size}px sans-serif`).width;
  return style.weight === 'bold' ? width * 1.1 : width;
}

/**
 * An image as SVG. `{ option, width, height }`: the option drawn at that size. `{ spec }` (the
 * PNG download's spec of src/core/image.rs: title, chart, source, licence): laid out and drawn
 * as the download is (scripts/echarts-export.js) at its own width, then scaled to fit
 * `width` × `height` (default 1200 × 630, Open Graph's size), centred on white.
 */
function imageSvg(img) {
  if (img.spec == null) return renderChartSvg({ id: 'og', option: img.option, width: img.width, height: img.height });
  const spec = typeof img.spec === 'string' ? JSON.parse(img.spec) : img.spec;
  const plan = layout(spec, measureForLayout);
  const option = imageOption(spec, plan, resolveFormatters);
  const tree = sanitise(renderTree(option, spec.breedte, plan.height), { id: 'og', width: spec.breedte, height: plan.height });
  tree.attrs.width = img.width || 1200;
  tree.attrs.height = img.height || 630;
  return safeMarkup(tree, 'og');
}

/** Every `images` entry as { file, png }, drawn before anything is written. */
function drawImages(site, images) {
  const root = resolve(site);
  return images.map((img) => {
    const file = resolve(root, img.file);
    if (!file.startsWith(`${root}/`) || !/\.png$/.test(file)) throw new Error(`bake-svg: image ${img.file}: not a .png inside the site`);
    try {
      return { file, png: svgToPng(imageSvg(img)) };
    } catch (e) {
      throw new Error(`bake-svg: image ${img.file} failed to render: ${e.message}`);
    }
  });
}

// ---- The whole site ------------------------------------------------------------------------------

/**
 * Bakes every placeholder under `site` and writes the preview images. `charts`: the parsed
 * charts file ({ charts: [...], images: [...] }) or its path. Writes nothing unless every
 * placeholder could be baked; throws one Error listing every problem otherwise. Returns the
 * figures of the summary line.
 */
export function bakeSvg({ site, charts }) {
  const start = performance.now();
  dropped.clear();
  const spec = typeof charts === 'string' ? JSON.parse(readFileSync(charts, 'utf8')) : charts;
  const byId = new Map((spec.charts || []).map((c) => [c.id, c]));
  const svgs = new Map();
  const pages = [];
  const errors = [];
  for (const file of htmlFiles(site)) {
    const html = readFileSync(file, 'utf8');
    if (!html.includes('<!--msd-svg:')) continue;
    const page = bakePage(file, html, byId, svgs, site);
    errors.push(...page.errors);
    if (page.count) pages.push({ file, ...page });
  }
  if (errors.length) throw new Error(`bake-svg: ${errors.length} problem(s):\n  ${errors.join('\n  ')}`);
  const images = drawImages(site, spec.images || []);
  for (const p of pages) writeFileSync(p.file, p.out);
  for (const img of images) {
    mkdirSync(dirname(img.file), { recursive: true });
    writeFileSync(img.file, img.png);
  }
  const rendered = [...svgs.values()].filter((r) => r.svg);
  return {
    charts: rendered.length,
    placeholders: pages.reduce((n, p) => n + p.count, 0),
    files: pages.length,
    pngs: images.length,
    svgBytes: rendered.reduce((n, r) => n + Buffer.byteLength(r.svg), 0),
    unused: byId.size - rendered.length,
    dropped: [...dropped].sort(),
    ms: performance.now() - start,
  };
}

/** The one-line summary the CLI prints. */
export function summaryLine(s) {
  const extra = (s.unused ? `, ${s.unused} chart(s) in the charts file unused` : '')
    + (s.dropped.length ? `, dropped style properties: ${s.dropped.join(', ')}` : '');
  return `bake-svg: ${s.charts} charts, ${s.placeholders} placeholders replaced in ${s.files} files, ${s.pngs} PNGs, `
    + `${(s.svgBytes / 1024).toFixed(1)} KiB SVG, ${(s.ms / 1000).toFixed(2)} s${extra}`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [site, charts] = process.argv.slice(2);
  if (!site || !charts) {
    console.error('usage: node scripts/bake-svg.mjs <siteDir> <chartsJson>');
    process.exit(2);
  }
  try {
    console.log(summaryLine(bakeSvg({ site, charts })));
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
}
