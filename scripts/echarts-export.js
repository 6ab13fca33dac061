// Chart images for download (PNG, SVG) that stand on their own: title, the period and place, the
// chart, and under it the source, the marks, the licence, the address and the date. The spec
// comes from Rust (src/core/image.rs); this file only lays it out and draws it.
//
// Every text is measured and wrapped here, and every wrapped line is drawn as its own text at
// its own height, so lines can never be drawn over each other (ECharts' own `overflow: 'break'`
// wrapped a long source line but placed it from the bottom, on top of itself).
//
// Kept apart from the binding (scripts/echarts-entry.js) so it can move to a lazily loaded
// bundle with the SVG renderer.

export const FONT = 'sans-serif';
const PAD = 16;
// Line heights of at least 1.7 em: a text's box (as browsers measure SVG text) stays inside
// its own line.
const STYLES = {
  titel: { size: 18, weight: 'bold', line: 30, color: '#1a1a1a' },
  ondertitel: { size: 13, weight: 'normal', line: 22, color: '#333333' },
  voet: { size: 11, weight: 'normal', line: 19, color: '#4a4a4a' },
};

/** Splits `text` into lines no wider than `max` (as `measure(text, style)` says); a word wider
 *  than a line is cut by characters. */
export function wrap(text, max, measure, style) {
  const lines = [];
  let line = '';
  for (const word of String(text).split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (measure(next, style) <= max) { line = next; continue; }
    if (line) lines.push(line);
    line = '';
    let rest = word;
    while (measure(rest, style) > max && rest.length > 1) {
      let n = rest.length - 1;
      while (n > 1 && measure(rest.slice(0, n), style) > max) n -= 1;
      lines.push(rest.slice(0, n));
      rest = rest.slice(n);
    }
    line = rest;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * Where every text goes: `{ boxes, header, footer, height }`. A box is one line of text with its
 * top, line height and style; `header` and `footer` are the heights above and below the chart.
 * Pure (measure is passed in), so it is tested in Node too (tests/js/).
 */
export function layout(spec, measure) {
  const width = spec.breedte;
  const max = width - 2 * PAD;
  const boxes = [];
  let y = 12;
  const put = (text, kind) => {
    const style = STYLES[kind];
    for (const line of wrap(text, max, measure, style)) {
      boxes.push({ text: line, kind, left: PAD, top: y, height: style.line, width: measure(line, style), style });
      y += style.line;
    }
  };
  put(spec.titel, 'titel');
  if (spec.ondertitel) put(spec.ondertitel, 'ondertitel');
  const header = y + 8;
  const chartTop = header;
  const chartBottom = chartTop + spec.grafiekhoogte;
  y = chartBottom + 10;
  for (const paragraph of spec.voet || []) put(paragraph, 'voet');
  const height = Math.ceil(y + 10);
  return { boxes, header, footer: height - chartBottom, height, chartTop, chartBottom };
}

let measurer = null;
/** Text width in CSS pixels with the font ECharts draws with. */
export function measureText(text, style) {
  measurer ||= document.createElement('canvas').getContext('2d');
  measurer.font = `${style.weight} ${style.size}px ${FONT}`;
  return measurer.measureText(text).width;
}

/** The option's own offsets (numbers of pixels) moved by `by`. */
function shift(value, by) {
  return (typeof value === 'number' ? value : Number.parseFloat(value) || 0) + by;
}

/**
 * The chart option of an image: the spec's option with the texts of `plan` as titles above and
 * below the chart, and the chart moved down between them; white, not animated, in FONT.
 * `resolve` swaps the named Dutch formatters for functions (as for the page's charts). Pure, so
 * the build-time baker (scripts/bake-svg.mjs) draws the pages' preview images with it too.
 */
export function imageOption(spec, plan, resolve) {
  const option = spec.optie || {};
  resolve(option, 0);
  option.animation = false;
  option.backgroundColor = '#ffffff';
  option.textStyle = { ...(option.textStyle || {}), fontFamily: FONT };
  // The chart's own titles (a budget chart's panel titles) stay, moved down with the chart.
  const own = [].concat(option.title || []).map((t) => ({
    ...t, top: shift(t.top, plan.header), left: typeof t.left === 'number' && t.left < PAD ? PAD : t.left,
  }));
  option.title = plan.boxes.map((b) => ({
    text: b.text,
    left: b.left,
    top: b.top,
    padding: 0,
    textStyle: {
      fontFamily: FONT, fontSize: b.style.size, fontWeight: b.style.weight, color: b.style.color, lineHeight: b.style.line,
    },
  })).concat(own);
  // Chart, legend and texts share the left margin.
  for (const g of [].concat(option.grid || [])) {
    g.top = shift(g.top, plan.header);
    g.bottom = shift(g.bottom, plan.footer);
    if (typeof g.left === 'number' && g.left < PAD) g.left = PAD;
  }
  for (const l of [].concat(option.legend || [])) {
    l.top = shift(l.top, plan.header);
    if (typeof l.left === 'number' && l.left < PAD) l.left = PAD - 5;
  }
  return option;
}

/**
 * Draws the image and returns it as a data URL (`type` 'png' at 2×, or 'svg'). `resolve`
 * swaps the named Dutch formatters for functions (as for the page's charts).
 */
export function drawImage(echarts, resolve, specJson, type) {
  const spec = typeof specJson === 'string' ? JSON.parse(specJson) : specJson;
  const plan = layout(spec, measureText);
  const width = spec.breedte;
  const el = document.createElement('div');
  el.style.position = 'fixed';
  el.style.left = '-20000px';
  el.style.top = '0';
  el.style.width = `${width}px`;
  el.style.height = `${plan.height}px`;
  document.body.appendChild(el);
  const renderer = type === 'svg' ? 'svg' : 'canvas';
  const chart = echarts.init(el, null, { renderer, width, height: plan.height });
  try {
    chart.setOption(imageOption(spec, plan, resolve), { notMerge: true });
    return chart.getDataURL({ type: renderer === 'svg' ? 'svg' : 'png', pixelRatio: renderer === 'svg' ? 1 : 2, backgroundColor: '#ffffff' });
  } finally {
    chart.dispose();
    el.remove();
  }
}
