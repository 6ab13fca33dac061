// The map view labels every gemeente with its name and figure, and no two labels overlap, on a
// small phone (320 px), a common phone (375 px) and a desktop (1280 px) (issue 23). The drawn
// text is read from ECharts' own scene (zrender's display list), so what is measured is what is
// painted: every text element that is not hidden, and each of its lines, with their boxes in the
// chart's pixels. The compare page's map (two gemeenten compared, opened by its link) is
// measured the same way, and shows the compared gemeenten outlined, the reader's own in bold.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, newPage, withScreenshot, waitForSeries, axeViolations } from './harness.mjs';

let srv;
let browser;
before(async () => { srv = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); srv?.server.close(); });

const VIEW = '?pagina=indicator&indicator=jeugd-jongeren-in-jeugdzorg&gemeente=GM0642&weergave=kaart';

/** In the page: every drawn text of the map's chart, with its box, and the chart's size. */
function drawnTexts(selector) {
  const el = document.querySelector(selector);
  const chart = el && el.__msdChart;
  if (!chart) return null;
  const texts = [];
  // zrender's Text elements (a whole label, all its lines), found by walking the scene from its
  // roots, with what they hang on (a map area's label is its text content); hidden ones (the
  // label layout's `hideOverlap`) are not drawn.
  const storage = chart.getZr().storage;
  storage.getDisplayList(true);
  const visit = (e, hidden) => {
    const off = hidden || e.ignore || e.invisible;
    if (e.type === 'text' && !off && e.style && e.style.text) {
      const box = (x) => {
        const r = x.getBoundingRect().clone();
        if (e.transform) r.applyTransform(e.transform);
        return { x: r.x, y: r.y, width: r.width, height: r.height };
      };
      // Each drawn line (a tspan) too, as high as its font: a line height smaller than the font
      // draws the lines of one label into each other, which zrender's own boxes (one line
      // height each) do not show.
      const lines = (e.childrenRef ? e.childrenRef() : []).filter((c) => c.type === 'tspan' && c.style.text)
        .map((c) => {
          const size = Number((/([\d.]+)px/.exec(c.style.font || '') || [0, 12])[1]);
          const shift = { top: 0, middle: size / 2, bottom: size }[c.style.textBaseline] ?? size * 0.8;
          const r = box(c);
          const [, , , d, , ty] = e.transform || [1, 0, 0, 1, 0, 0];
          return { text: String(c.style.text), x: r.x, width: r.width, y: ty + d * (c.style.y - shift), height: d * size };
        });
      const whole = box(e);
      const x0 = Math.min(whole.x, ...lines.map((l) => l.x));
      const y0 = Math.min(whole.y, ...lines.map((l) => l.y));
      const x1 = Math.max(whole.x + whole.width, ...lines.map((l) => l.x + l.width));
      const y1 = Math.max(whole.y + whole.height, ...lines.map((l) => l.y + l.height));
      texts.push({
        text: String(e.style.text), x: x0, y: y0, width: x1 - x0, height: y1 - y0, lines,
        bold: /bold|[6-9]00/.test(String(e.style.fontWeight || '')),
      });
    }
    const content = e.getTextContent && e.getTextContent();
    if (content) visit(content, off);
    if (e.isGroup) e.children().forEach((c) => visit(c, off));
  };
  storage.getRoots().forEach((e) => visit(e, false));
  return { width: chart.getWidth(), height: chart.getHeight(), texts };
}

const overlap = (a, b) => Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x) > 0.5
  && Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y) > 0.5;
const plain = (s) => s.replace(/-\n/g, '-').replace(/\n/g, ' ');

/**
 * Checks the map in `selector` once its series are drawn: every gemeente of the region has a
 * label with its name and a figure inside the chart, and no two texts (nor two of their lines)
 * overlap. Returns the drawn texts.
 */
async function checkMap(page, selector, width) {
  assert.ok(await waitForSeries(page, selector), 'the map is drawn');
  const names = ['Alblasserdam', 'Dordrecht', 'Hendrik-Ido-Ambacht', 'Papendrecht', 'Sliedrecht', 'Zwijndrecht'];
  const drawn = await page.evaluate(drawnTexts, selector);
  assert.ok(drawn, 'the map has an ECharts instance');
  const texts = drawn.texts.map((t) => ({ ...t, plain: plain(t.text) }));
  const problems = [];
  for (const name of names) {
    const label = texts.find((t) => t.plain.includes(name));
    if (!label) {
      problems.push(`${name}: no label`);
      continue;
    }
    if (!/\d|geheim|niet /.test(label.plain)) problems.push(`${name}: no figure in "${label.plain}"`);
    if (label.x < -0.5 || label.y < -0.5 || label.x + label.width > drawn.width + 0.5
      || label.y + label.height > drawn.height + 0.5) problems.push(`${name}: outside the chart`);
  }
  texts.forEach((a, i) => texts.slice(i + 1).forEach((b) => {
    if (overlap(a, b)) problems.push(`overlap: "${a.plain}" × "${b.plain}"`);
  }));
  const lines = texts.flatMap((t) => t.lines);
  lines.forEach((a, i) => lines.slice(i + 1).forEach((b) => {
    if (overlap(a, b)) problems.push(`lines overlap: "${a.text}" × "${b.text}"`);
  }));
  assert.deepEqual(problems, [], `at ${width} px (drawn: ${texts.map((t) => t.plain).join(' | ')})`);
  assert.equal(names.length, 6, 'Drechtsteden has six gemeenten');
  return texts;
}

for (const width of [320, 375, 1280]) {
  test(`at ${width} px every gemeente on the map has its name and figure, and no labels overlap`, async () => {
    const page = await newPage(browser, [srv.origin], { width, height: 800 });
    await withScreenshot(page, `kaartlabels-${width}`, async () => {
      await page.goto(`${srv.base}${VIEW}`);
      await checkMap(page, '.kaart-kader .grafiek', width);
      assert.deepEqual(page.log.errors, []);
    });
    await page.close();
  });
}

test('another measure chosen on the indicator map changes the map in place', async () => {
  const page = await newPage(browser, [srv.origin], { width: 1280, height: 800 });
  await withScreenshot(page, 'kaart-maat', async () => {
    await page.goto(`${srv.base}?pagina=indicator&indicator=participatie-uitstroom-bijstand-per-gemeente-2016&weergave=kaart`);
    assert.ok(await waitForSeries(page, '.kaart-kader .grafiek'), 'the map is drawn');
    const before = await page.textContent('.kaart-titel');
    const choice = page.locator('nav[aria-label="Welk cijfer op de kaart"] a').nth(2);
    const label = (await choice.textContent()).trim();
    await choice.click();
    await page.waitForFunction((l) => document.querySelector('.kaart-titel')?.textContent.includes(l), label);
    assert.notEqual(await page.textContent('.kaart-titel'), before);
    await checkMap(page, '.kaart-kader .grafiek', 1280);
    assert.deepEqual(page.log.errors, []);
  });
  await page.close();
});

// The compare page of Dordrecht and Zwijndrecht, for a resident of Zwijndrecht, on the map.
const COMPARE = 'drechtsteden/vergelijk.html?gemeente=GM0642&gemeenten=GM0505,GM0642&weergave=kaart';

for (const width of [375, 1280]) {
  test(`at ${width} px the compare page's map labels every gemeente without overlap, the compared ones outlined`, async () => {
    const page = await newPage(browser, [srv.origin], { width, height: 800 });
    await withScreenshot(page, `vergelijken-kaart-${width}`, async () => {
      await page.goto(`${srv.base}${COMPARE}`);
      await page.waitForSelector('#vergelijk-grafieken', { timeout: 30000 });
      const texts = await checkMap(page, '.kaart-kader .grafiek', width);
      // The reader's own gemeente in bold, the other labels not.
      const bold = texts.filter((t) => t.bold).map((t) => t.plain);
      assert.equal(bold.length, 1, `bold: ${bold}`);
      assert.match(bold[0], /Zwijndrecht/);
      const figure = page.locator('.kaart-kader');
      assert.match(await figure.textContent(), /dikke rand: Dordrecht en Zwijndrecht/);
      assert.match(await figure.textContent(), /Gemeentegrenzen: CBS, Kadaster/);
      // The text alternative and the table with every gemeente's figure.
      const sentence = await page.$eval('.kaart-kader .grafiek', (el) => document.getElementById(el.getAttribute('aria-describedby'))?.textContent);
      assert.match(sentence ?? '', /Met een dikke rand: Dordrecht en Zwijndrecht\./);
      const rows = await page.$$eval('.kaart-kader ~ * tbody th', (els) => els.map((e) => e.textContent));
      for (const name of ['Alblasserdam', 'Dordrecht', 'Hendrik-Ido-Ambacht', 'Papendrecht', 'Sliedrecht', 'Zwijndrecht']) {
        assert.ok(rows.some((r) => r.includes(name)), `${name} in the map's table (${rows})`);
      }
      // The choice of figure, and nothing wider than the screen.
      assert.ok(await page.locator('nav[aria-label="Welk cijfer op de kaart"] a').count() >= 5);
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= width);
      assert.deepEqual(await axeViolations(page, srv.origin), []);
      if (width > 1000) {
        // Another figure, chosen under the map: the map changes in place, focus stays on the
        // choice, and the new map labels every gemeente too.
        await page.click('details.kaart-keuze > summary');
        const choice = page.locator('nav[aria-label="Welk cijfer op de kaart"] a').nth(2);
        const title = (await choice.textContent()).trim();
        await choice.click();
        await page.waitForFunction((t) => document.querySelector('#vergelijk-grafieken ~ h3')?.textContent.startsWith(t), title);
        assert.match(page.url(), /maat=/);
        assert.equal(await page.evaluate(() => document.activeElement?.textContent.trim()), title);
        await checkMap(page, '.kaart-kader .grafiek', width);
      }
      assert.deepEqual(page.log.errors, []);
    });
    await page.close();
  });
}
