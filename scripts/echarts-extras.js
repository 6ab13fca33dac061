// The lazy part of the monitor's ECharts: what its first chart does not draw. Loaded by the
// binding in scripts/echarts-entry.js (`loadExtras`) the first time an option or an export needs
// it; esbuild gives it a content-hashed name and shares ECharts' core with the first bundle, so
// these parts register on the same ECharts instance.
//
// Add chart types and components here, not in echarts-entry.js, unless the home page's first
// chart needs them: the first bundle counts towards the first-view size budget
// (tests/browser/budget.test.mjs). The map of issue 13 (MapChart, GeoComponent,
// VisualMapComponent) belongs here, as do tooltips and reference lines.
import { install as LineChart } from 'echarts/lib/chart/line/install.js';
import { install as TitleComponent } from 'echarts/lib/component/title/install.js';
import { install as TooltipComponent } from 'echarts/lib/component/tooltip/install.js';
import { install as MarkLineComponent } from 'echarts/lib/component/marker/installMarkLine.js';
import { install as SVGRenderer } from 'echarts/lib/renderer/installSVGRenderer.js';
// Issue 13: the choropleth of the Kaart view (its colours, legend and labels come from Rust).
import { install as MapChart } from 'echarts/lib/chart/map/install.js';
// Issue 23: the map's labels, leader lines and anchor dots, placed in pixels by Rust
// (src/core/present/charts/map_layout.rs) and drawn as graphic elements.
import { install as GraphicComponent } from 'echarts/lib/component/graphic/install.js';

/** Registers the extra parts on the ECharts core of the first bundle. */
export function install(echarts) {
  echarts.use([LineChart, TitleComponent, TooltipComponent, MarkLineComponent, SVGRenderer, MapChart, GraphicComponent]);
}
