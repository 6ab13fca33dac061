// The map bundle (build/echarts-map.js): ECharts' map series for the Kaart view, loaded only
// when a map is opened (public/loader.js, window.msdLoadMap). Its own small ECharts core, so
// the first bundle (scripts/echarts-entry.js) stays as it is; the options come fully formatted
// from Rust (core::charts::map), so no formatter functions are needed (strict CSP).
import * as echarts from 'echarts/core';
import { MapChart } from 'echarts/charts';
import { AriaComponent } from 'echarts/components';
import { LabelLayout } from 'echarts/features';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([MapChart, AriaComponent, LabelLayout, CanvasRenderer]);

const live = new Set();
const observers = new WeakMap();

window.msdMap = {
  /** Registers a region's boundaries (GeoJSON text) once, under the region's id. */
  register(name, geojson) {
    if (!echarts.getMap(name)) echarts.registerMap(name, JSON.parse(geojson));
  },
  /** Draws a map into a container; an old instance on the same element is disposed first. */
  draw(el, height, json) {
    el.style.height = `${height}px`;
    const old = echarts.getInstanceByDom(el);
    if (old) this.dispose(old);
    const chart = echarts.init(el, null, { renderer: 'canvas' });
    chart.setOption(JSON.parse(json), { notMerge: true });
    const ro = new ResizeObserver(() => chart.resize());
    ro.observe(el);
    observers.set(chart, ro);
    live.add(chart);
    return chart;
  },
  dispose(chart) {
    const ro = observers.get(chart);
    if (ro) ro.disconnect();
    live.delete(chart);
    if (!chart.isDisposed()) chart.dispose();
  },
  liveCount() { return live.size; },
};
