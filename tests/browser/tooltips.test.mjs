// Issue 27, "tooltips on every chart type": pointing at a bar, a point of a line or a card's bar
// shows its name and figure with unit — or why it is missing — also where the name label was
// left out. Every page is opened fresh by its link; the pointer goes to the pixel ECharts laid the
// point out at, so the test fails when the tooltip is off, empty, or says another point.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, newPage, withScreenshot, chartsPainted } from './harness.mjs';

let srv, browser;
before(async () => { srv = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); srv?.server.close(); });


/**
 * Where, in the page, point `index` of series `series` of the chart in `selector` is drawn, and
 * the tooltip text the option gives it.
 */
function pointAt(page, selector, series, index) {
  return page.evaluate(({ selector, series, index }) => {
    const el = document.querySelector(selector);
    const chart = el.__msdChart;
    const data = chart.getModel().getSeriesByIndex(series).getData();
    const layout = data.getItemLayout(index);
    const box = el.getBoundingClientRect();
    const point = chart.getOption().series[series].data[index];
    // A bar's middle; a line's point; a mark drawn as an empty bar: its word, right of it.
    const [x, y] = !layout ? chart.convertToPixel({ seriesIndex: series }, [index, point.value])
      : Array.isArray(layout) ? layout
        : [layout.x + Math.max(layout.width / 2, 12), layout.y + layout.height / 2];
    return { x: box.left + x, y: box.top + y, tip: point.tip };
  }, { selector, series, index });
}

/** Points at the point and returns the tooltip's text. */
async function hover(page, selector, series, index) {
  const p = await pointAt(page, selector, series, index);
  await page.mouse.move(p.x - 1, p.y);
  await page.mouse.move(p.x, p.y);
  const tip = page.locator('.msd-tip').filter({ hasText: p.tip.split('\n')[0] });
  await tip.first().waitFor({ state: 'visible', timeout: 15000 });
  return { shown: (await tip.first().innerText()).trim(), expected: p.tip };
}

const cases = [
  ['bars, a figure with its unit', 'drechtsteden/cijfer-jeugd-jongeren-in-jeugdzorg.html?gemeente=GM0642', '.grafiek', 0, 5, /^Zwijndrecht\njeugdhulp: 10,7%( \(voorlopig\))?$/],
  ['bars, a geheim mark says why', 'drechtsteden/cijfer-jeugd-jongeren-in-jeugdzorg.html?gemeente=GM0642', '.grafiek', 3, 0, /^Alblasserdam\n.+: geheim: een aantal van 0 tot en met 7/],
  ['lines', 'ridderkerk/cijfer-participatie-ridderkerk-statushouders.html', '.grafiek', 0, 1, /^\S.*\n.*\d/],
  ['budget panels', 'drechtsteden/cijfer-jeugd-jeugdhulpbudget-zhz.html', '.grafiek', 0, 0, /^realisatie 2015\n.+: € [\d.]+$/],
  ['a dashboard card', 'drechtsteden/jeugd.html?gemeente=GM0642', '.kaart .grafiek', 0, 0, /^\S.*\n.*\d/],
];

for (const [what, path, selector, series, index, expected] of cases) {
  test(`a tooltip on hover: ${what}`, async () => {
    const page = await newPage(browser, [srv.origin]);
    await withScreenshot(page, `tooltip-${what.split(',')[0].replace(/\s+/g, '-')}`, async () => {
      await page.goto(`${srv.base}${path}`);
      await chartsPainted(page, selector);
      await page.locator(selector).first().scrollIntoViewIfNeeded();
      const { shown, expected: tip } = await hover(page, selector, series, index);
      assert.equal(shown, tip, 'the tooltip shows the text the core wrote for the point');
      assert.match(shown, expected);
      assert.deepEqual(page.log.errors, []);
    });
  });
}
