// The first ECharts bundle of the monitor: only what its first chart draws (grouped bars with a
// scrolling legend, decal patterns and an accessible description, on canvas), plus the small
// binding the Rust side calls (window.msdCharts). Built by scripts/build-echarts.mjs with esbuild
// as an ES module with content-hashed names; index.html preloads it, public/loader.js imports it
// while the WASM compiles. Everything else (lines, the SVG renderer for exports, titles, and the
// map parts of issue 13) is in scripts/echarts-extras.js, loaded when an option first needs it.
// Served from the monitor's own folder, never from a CDN.
//
// Options arrive as JSON from Rust (charming). They hold no JavaScript (strict CSP): Dutch number
// formatting is asked for by name, "msd:nl:<decimals>:<suffix>", and swapped for a function by
// scripts/echarts-options.js (shared with the build-time baker, scripts/bake-svg.mjs).
//
// Deep imports (not the `echarts/charts` barrel files), so esbuild can keep what only the extras
// use out of the first bundle.
import * as echarts from 'echarts/lib/export/core.js';
import { install as BarChart } from 'echarts/lib/chart/bar/install.js';
import { install as AriaComponent } from 'echarts/lib/component/aria/install.js';
import { install as GridSimpleComponent } from 'echarts/lib/component/grid/installSimple.js';
import { install as LegendScrollComponent } from 'echarts/lib/component/legend/installLegendScroll.js';
import { install as CanvasRenderer } from 'echarts/lib/renderer/installCanvasRenderer.js';
// labelLayout (hideOverlap, moveOverlap) in the options: labels never overlap (issue 13).
import { installLabelLayout as LabelLayout } from 'echarts/lib/label/installLabelLayout.js';
import { drawImage } from './echarts-export.js';
import { resolveFormatters } from './echarts-options.js';
import { watchPrint } from './echarts-print.js';

echarts.use([BarChart, AriaComponent, GridSimpleComponent, LegendScrollComponent, CanvasRenderer, LabelLayout]);

/** Series types and top-level option keys the first bundle can draw; anything else loads the extras. */
const FIRST_SERIES = new Set(['bar']);
const FIRST_KEYS = new Set(['color', 'aria', 'legend', 'grid', 'xAxis', 'yAxis', 'series', 'backgroundColor', 'animation',
  'textStyle']);
const SERIES_EXTRAS = ['markLine', 'markPoint', 'markArea'];

function needsExtras(option, renderer) {
  if (renderer === 'svg') return true;
  if (Object.keys(option).some((k) => !FIRST_KEYS.has(k) && k !== 'tooltip')) return true;
  return [].concat(option.series || []).some((s) => !FIRST_SERIES.has(s.type) || SERIES_EXTRAS.some((k) => k in s));
}

let extras = null;
/** True once the extras are registered: from then on an option keeps its tooltip. */
let extrasReady = false;
/**
 * How many times parts were registered since the first bundle ran (the extras: once). ECharts
 * copies the registered layouts and visuals into an instance when it is created (its scheduler),
 * so an instance made before the extras were registered never lays out their series: a line
 * chart drew its axes and legend but no lines (issue 21). A chart is therefore made only when its
 * option is drawn, and made again when it needs parts registered after it was made (`Chart`).
 */
let parts = 0;
/** Loads scripts/echarts-extras.js once (a content-hashed chunk next to this file). */
function loadExtras() {
  extras ||= import('./echarts-extras.js')
    .then((m) => { m.install(echarts); parts += 1; extrasReady = true; })
    .catch((e) => { extras = null; throw e; });
  return extras;
}

/**
 * Tooltips (issue 27) live in the extras, which the first chart does not wait for: an option
 * drawn before they are registered is drawn without its tooltip, and the tooltip is added (a
 * merge: the tooltip registers no layout, so the instance stays) when a pointer first comes over
 * the chart, shown at once where it is. Later options keep theirs.
 */
function armTooltip(chart, tooltip) {
  chart.tooltip = tooltip;
  if (chart.tooltipArmed) return;
  chart.tooltipArmed = true;
  const arrive = (event) => {
    chart.el.removeEventListener('pointerover', arrive);
    loadExtras().then(() => {
      const instance = chart.instance;
      if (chart.disposed || !instance || instance.isDisposed() || !chart.tooltip) return;
      instance.setOption({ tooltip: chart.tooltip });
      chart.tooltip = null;
      const box = chart.el.getBoundingClientRect();
      instance.dispatchAction({ type: 'showTip', x: event.clientX - box.left, y: event.clientY - box.top });
    }).catch((e) => console.warn('grafiekonderdelen niet geladen', e));
  };
  chart.el.addEventListener('pointerover', arrive);
}

const live = new Set();
watchPrint(live);

/**
 * Performance marks for the first chart of the page, read by scripts/bench-first-chart.mjs
 * (the hand-made reference page there sets the same two): `msd:eerste-grafiek` in the frame
 * after ECharts first rendered it, `msd:eerste-grafiek-klaar` after its opening animation.
 */
let firstChart = false;
function markFirstChart(chart) {
  if (firstChart) return;
  firstChart = true;
  for (const [event, name] of [['rendered', 'msd:eerste-grafiek'], ['finished', 'msd:eerste-grafiek-klaar']]) {
    const once = () => { chart.off(event, once); requestAnimationFrame(() => performance.mark(name)); };
    chart.on(event, once);
  }
}

/** Embedded in another site and the reader prefers dark: ECharts' dark theme, no background. */
function dark() {
  return document.body.classList.contains('embed') && window.matchMedia('(prefers-color-scheme: dark)').matches;
}
/** The chart of each container, so a second `init` on the same element disposes the first. */
const charts = new WeakMap();

/**
 * The handle the Rust side holds for a container: it owns the ECharts instance, which it makes
 * when an option is first drawn (with the parts that option needs registered) and makes again
 * when a later option needs parts registered after it (see `parts`). Waiters for `painted` and
 * the resize observer follow the instance. Has the three methods scripts/echarts-print.js uses.
 */
class Chart {
  constructor(el, renderer) {
    this.el = el;
    this.renderer = renderer;
    this.instance = null;
    this.parts = -1;
    this.disposed = false;
    this.latest = 0;
    this.onRendered = new Set();
    /** What waits for the next `finished` event (answered false when the chart is disposed). */
    this.waiters = new Set();
    this.observer = new ResizeObserver(() => this.resize());
    this.observer.observe(el);
  }

  /** The instance to draw `needsParts` in: made now if there is none or if it is too old. */
  current(needsParts) {
    if (this.instance && (!needsParts || this.parts === parts)) return this.instance;
    if (this.instance) this.instance.dispose();
    const chart = echarts.init(this.el, dark() ? 'dark' : null, { renderer: this.renderer });
    chart.on('rendered', () => { for (const f of [...this.onRendered]) f(); });
    chart.on('finished', () => { for (const answer of [...this.waiters]) answer(true); this.waiters.clear(); });
    this.instance = chart;
    this.parts = parts;
    return chart;
  }

  /** Settles true at the next `finished` event of whichever instance draws, false on dispose. */
  finished() { return new Promise((ok) => this.waiters.add(ok)); }

  isDisposed() { return this.disposed || !this.instance; }

  getDom() { return this.el; }

  resize(opts) { if (this.instance && !this.disposed) this.instance.resize(opts); }

  dispose() {
    this.disposed = true;
    for (const answer of this.waiters) answer(false);
    this.waiters.clear();
    this.observer.disconnect();
    if (this.instance && !this.instance.isDisposed()) this.instance.dispose();
    if (charts.get(this.el) === this) charts.delete(this.el);
  }
}

window.msdCharts = {
  /** One chart per container: an old chart on the same element is disposed first. */
  init(el, renderer, height) {
    el.style.height = `${height}px`;
    const old = charts.get(el);
    if (old) this.dispose(old);
    const chart = new Chart(el, renderer === 'svg' ? 'svg' : 'canvas');
    charts.set(el, chart);
    live.add(chart);
    return chart;
  },
  /**
   * Replaces the whole option: no series of an earlier view survives. Drawn at once when the
   * first bundle has every part the option uses; otherwise after the extras have loaded (a
   * failure is logged, the page's table still has the figures). Only the newest option is
   * drawn: one still waiting for the extras never replaces a later one. The returned promise
   * never rejects: true once ECharts has finished rendering the option (its `finished` event,
   * also sent when a later option finishes first), false if it was never drawn.
   */
  setOption(chart, json) {
    const option = JSON.parse(json);
    resolveFormatters(option, 0);
    const night = dark();
    if (night) option.backgroundColor = 'transparent';
    const turn = ++chart.latest;
    const extra = needsExtras(option, chart.renderer);
    const draw = () => {
      if (chart.disposed || turn !== chart.latest) return false;
      const tooltip = option.tooltip;
      if (tooltip && !extrasReady) {
        delete option.tooltip;
        if (tooltip.show !== false) armTooltip(chart, tooltip);
      } else {
        chart.tooltip = null;
      }
      const instance = chart.current(extra);
      markFirstChart(instance);
      // Listening before setOption: ECharts may render (and finish) inside it.
      const done = chart.finished();
      instance.setOption(option, { notMerge: true });
      return done;
    };
    if (!extra && !night) return Promise.resolve(draw());
    // A dark embed: the option's text colours lightened first (scripts/echarts-dark.js).
    const lighten = night ? import('./echarts-dark.js').then((m) => { m.lightenForDark(option); }) : null;
    return Promise.all([extra ? loadExtras() : null, lighten]).then(draw).catch((e) => { console.warn('grafiekonderdelen niet geladen', e); return false; });
  },
  /**
   * The chart as a PNG or SVG data URL that stands on its own (title, period, source, marks,
   * licence, address, date): `spec` is the JSON of src/core/image.rs, laid out and drawn by
   * scripts/echarts-export.js off-screen, so the download does not depend on the reader's screen.
   */
  async exportImage(spec, type) {
    await loadExtras(); // titles, and the SVG renderer
    return drawImage(echarts, resolveFormatters, spec, type);
  },
  /**
   * Resolves in the frame after `chart` was next rendered (after the first-chart marks above),
   * or after 3 s if it never is: what can wait for the chart (an indicator's downloads) waits
   * for this (src/ui/chart.rs).
   */
  painted(chart) {
    return new Promise((ok) => {
      const once = () => { chart.onRendered.delete(once); requestAnimationFrame(() => ok()); };
      chart.onRendered.add(once);
      setTimeout(() => { chart.onRendered.delete(once); ok(); }, 3000);
    });
  },
  resize(chart) { chart.resize(); },
  dispose(chart) {
    live.delete(chart);
    chart.dispose();
  },
  dataUrl(chart, type) {
    return chart.current(false).getDataURL({ type, pixelRatio: 2, backgroundColor: '#ffffff' });
  },
  /** Loads the lazy part of ECharts (scripts/echarts-extras.js); resolves when it is registered. */
  loadExtras,
  /** Registers a region's boundaries (GeoJSON text) once, under the region's id (issue 13). */
  registerMap(name, geojson) {
    if (!echarts.getMap(name)) echarts.registerMap(name, JSON.parse(geojson));
  },
  /** Live chart instances: the browser tests check that navigation leaks none. */
  liveCount() { return live.size; },
};
