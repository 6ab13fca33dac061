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
import { LabelLayout } from 'echarts/features';

echarts.use([
  BarChart, LineChart, AriaComponent, GridComponent, LegendComponent, LegendScrollComponent, MarkLineComponent,
  TitleComponent, TooltipComponent, CanvasRenderer, SVGRenderer,
]);
// labelLayout (hideOverlap, moveOverlap) in the options: labels never overlap (issue 13).
echarts.use([LabelLayout]);

/**
 * Axis labels in Dutch notation: "1.000", "2,5", "12 mln" — never "1K" (issue 13). `millions`:
 * every label in millions ("0,5 mln"), so one axis never mixes the two notations.
 */
function axisNl(decimals, suffix, millions) {
  const f = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: decimals });
  return (p) => {
    const v = p !== null && typeof p === 'object' ? p.value : p;
    if (v === null || v === undefined || v === '' || Number.isNaN(Number(v))) return '';
    const n = Number(v);
    if (n === 0) return `0${suffix || ''}`;
    return millions || Math.abs(n) >= 1e6 ? `${f.format(n / 1e6)} mln${suffix || ''}` : f.format(n) + (suffix || '');
  };
}

function nlFormatter(spec) {
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

function resolveFormatters(node, depth) {
  if (depth > 20 || node === null || typeof node !== 'object') return;
  for (const key of Object.keys(node)) {
    const v = node[key];
    if (key === 'formatter' && typeof v === 'string' && /^msd:nl[cam]?:/.test(v)) node[key] = nlFormatter(v);
    else resolveFormatters(v, depth + 1);
  }
}

const live = new Set();

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
   * The chart as a PNG or SVG data URL with its title above and the source and date below,
   * drawn off-screen at a fixed size so the download does not depend on the reader's screen.
   */
  exportImage(json, type, title, footer, width, height) {
    const el = document.createElement('div');
    el.style.position = 'fixed';
    el.style.left = '-20000px';
    el.style.top = '0';
    el.style.width = `${width}px`;
    el.style.height = `${height}px`;
    document.body.appendChild(el);
    const chart = echarts.init(el, null, { renderer: type === 'svg' ? 'svg' : 'canvas', width, height });
    try {
      const option = JSON.parse(json);
      resolveFormatters(option, 0);
      option.animation = false;
      option.backgroundColor = '#ffffff';
      // Panel titles of the chart itself (budget panels) move down with their grids.
      const own = [].concat(option.title || []).map((t) => ({ ...t, top: (typeof t.top === 'number' ? t.top : 0) + 56 }));
      option.title = [
        ...own,
        { text: title, left: 16, top: 12, textStyle: { fontSize: 16, fontWeight: 'bold', color: '#1a1a1a', width: width - 32, overflow: 'break' } },
        { text: footer, left: 16, bottom: 10, textStyle: { fontSize: 11, fontWeight: 'normal', color: '#4a4a4a', width: width - 32, overflow: 'break' } },
      ];
      for (const g of [].concat(option.grid || [])) { g.top = (g.top || 0) + 56; g.bottom = (g.bottom || 0) + 44; }
      if (option.legend) option.legend.top = 48;
      chart.setOption(option, { notMerge: true });
      return chart.getDataURL({ type: type === 'svg' ? 'svg' : 'png', pixelRatio: type === 'svg' ? 1 : 2, backgroundColor: '#ffffff' });
    } finally {
      chart.dispose();
      el.remove();
    }
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
