// The ECharts bundle of the monitor: only the parts it draws, plus the small binding the Rust
// side calls (window.msdCharts). Built by scripts/build-echarts.mjs with esbuild; served from the
// monitor's own folder, never from a CDN.
//
// Options arrive as JSON from Rust (charming). They hold no JavaScript (strict CSP): Dutch number
// formatting is asked for by name, "msd:nl:<decimals>:<suffix>", and swapped for a function here.
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import {
  AriaComponent, GridComponent, LegendComponent, LegendScrollComponent, MarkLineComponent, TitleComponent,
  TooltipComponent,
} from 'echarts/components';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';
import { drawImage } from './echarts-export.js';
import { watchPrint } from './echarts-print.js';

echarts.use([
  BarChart, LineChart, AriaComponent, GridComponent, LegendComponent, LegendScrollComponent, MarkLineComponent,
  TitleComponent, TooltipComponent, CanvasRenderer, SVGRenderer,
]);

function nlFormatter(spec) {
  const [, kind, decimals, suffix] = spec.split(':');
  const d = Math.min(6, Math.max(0, Number(decimals) || 0));
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

function resolveFormatters(node, depth) {
  if (depth > 20 || node === null || typeof node !== 'object') return;
  for (const key of Object.keys(node)) {
    const v = node[key];
    if (key === 'formatter' && typeof v === 'string' && /^msd:nlc?:/.test(v)) node[key] = nlFormatter(v);
    else resolveFormatters(v, depth + 1);
  }
}

const live = new Set();
watchPrint(live);

/** Embedded in another site and the reader prefers dark: ECharts' dark theme, no background. */
function dark() {
  return document.body.classList.contains('embed') && window.matchMedia('(prefers-color-scheme: dark)').matches;
}
const observers = new WeakMap();

window.msdCharts = {
  /** One chart per container: an old instance on the same element is disposed first. */
  init(el, renderer, height) {
    el.style.height = `${height}px`;
    const old = echarts.getInstanceByDom(el);
    if (old) this.dispose(old);
    const chart = echarts.init(el, dark() ? 'dark' : null, { renderer: renderer === 'svg' ? 'svg' : 'canvas' });
    const ro = new ResizeObserver(() => chart.resize());
    ro.observe(el);
    observers.set(chart, ro);
    live.add(chart);
    return chart;
  },
  /** Replaces the whole option: no series of an earlier view survives. */
  setOption(chart, json) {
    const option = JSON.parse(json);
    resolveFormatters(option, 0);
    if (dark()) option.backgroundColor = 'transparent';
    chart.setOption(option, { notMerge: true });
  },
  /**
   * The chart as a PNG or SVG data URL that stands on its own (title, period, source, marks,
   * licence, address, date): `spec` is the JSON of src/core/image.rs, laid out and drawn by
   * scripts/echarts-export.js off-screen, so the download does not depend on the reader's screen.
   */
  exportImage(spec, type) {
    return drawImage(echarts, resolveFormatters, spec, type);
  },
  resize(chart) { chart.resize(); },
  dispose(chart) {
    const ro = observers.get(chart);
    if (ro) ro.disconnect();
    live.delete(chart);
    if (!chart.isDisposed()) chart.dispose();
  },
  dataUrl(chart, type) {
    return chart.getDataURL({ type, pixelRatio: 2, backgroundColor: '#ffffff' });
  },
  /** Live chart instances: the browser tests check that navigation leaks none. */
  liveCount() { return live.size; },
};
