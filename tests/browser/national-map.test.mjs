// Issue 25 and 27 on the synthetic national region (342 gemeenten, scripts/national-fixture.mjs):
// the map is sized to its content at 375 and 1280 px (no frame of 3.720 px, two thirds empty),
// draws at most 40 labels (the chosen gemeente's always, in bold), colours a rate, has a legend of
// classes (not 342 names) and the boundary credit, and draws the boundaries of its figures'
// year (geo/grenzen-2024.json); the chooser groups every gemeente by province with the chosen
// gemeente's neighbours as quick choices and explains a merged gemeente; the compare page adds
// gemeenten by name and shows its results within two screens at 375 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startServer, launch, newPage, withScreenshot, waitForSeries, FOLDER, nationalSite } from './harness.mjs';
import { YEARS } from '../../scripts/national-fixture.mjs';

let national, browser, site;
before(async () => {
  site = nationalSite();
  national = await startServer({ mounts: { [FOLDER]: site.dir } });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  national?.server.close();
  site?.remove();
});

const MAP = 'index.html?regio=nederland&pagina=indicator&indicator=jeugd-jongeren-met-jeugdhulp&gemeente=GM0363&weergave=kaart';

for (const [width, height] of [[375, 667], [1280, 900]]) {
  test(`at ${width} px the national map fits its content, with few labels and a legend of classes`, async () => {
    const page = await newPage(browser, [national.origin], { width, height });
    await withScreenshot(page, `nationale-kaart-${width}`, async () => {
      await page.goto(`${national.base}${MAP}`);
      assert.ok(await waitForSeries(page, '.kaart-kader .grafiek', 60000), 'the map is drawn');
      const m = await page.$eval('.kaart-kader .grafiek', (el) => {
        const option = el.__msdChart.getOption();
        const texts = (option.graphic?.[0]?.elements ?? []).filter((e) => e.type === 'text');
        return {
          frame: el.getBoundingClientRect().height,
          width: el.getBoundingClientRect().width,
          labels: texts.map((t) => ({ text: t.style.text, bold: t.style.fontWeight === 'bold' })),
          areas: option.series[0].data.length,
          map: option.series[0].map,
        };
      });
      console.log(`national map at ${width} px: frame ${Math.round(m.frame)} px for ${Math.round(m.width)} px wide, ${m.labels.length} labels`);
      assert.equal(m.areas, 342);
      // The map shows the latest period by default: the boundaries of that year.
      const year = YEARS.at(-1);
      assert.equal(m.map, `nederland-${year}`, 'the boundaries of the figures\' year');
      assert.ok(page.log.requests.some((u) => u.endsWith(`/geo/grenzen-${year}.json`)));
      // Sized to the content: about as high as the country is at this width, never 3.720 px.
      assert.ok(m.frame <= Math.min(m.width * 1.35, 640), `frame ${m.frame} px for ${m.width} px`);
      assert.ok(m.labels.length >= 3 && m.labels.length <= 40, `${m.labels.length} labels`);
      const bold = m.labels.filter((l) => l.bold);
      assert.equal(bold.length, 1);
      assert.match(bold[0].text, /^Amsterdam\n/);
      // A legend of classes with counts, not names; a rate; the credit.
      const legend = (await page.textContent('.kaart-legenda')).trim();
      assert.ok(legend.length < 400, `legend of ${legend.length} characters: ${legend}`);
      assert.match(legend, /\d+ gemeenten/);
      assert.match(legend, /%/, 'a rate');
      assert.match(await page.textContent('.kaart-kader'), /Gemeentegrenzen: CBS, Kadaster/);
      const sentence = await page.$eval('.kaart-kader .grafiek', (el) => document.getElementById(el.getAttribute('aria-describedby'))?.textContent ?? '');
      assert.ok(sentence.length < 600, `text alternative of ${sentence.length} characters`);
      assert.match(sentence, /Amsterdam: /);
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= width);
      assert.deepEqual(page.log.errors, []);
    });
    await page.close();
  });
}

test('the national chooser groups every gemeente by province, neighbours as quick choices', async () => {
  const page = await newPage(browser, [national.origin], { width: 1280, height: 900 });
  await withScreenshot(page, 'kiezer-provincies', async () => {
    await page.goto(`${national.base}index.html?regio=nederland&gemeente=GM0363`);
    await page.waitForSelector('details.alle-gemeenten .provincie', { state: 'attached', timeout: 30000 });
    const provinces = await page.$$eval('details.alle-gemeenten .provincie > .label', (els) => els.map((e) => e.textContent.trim()));
    assert.equal(provinces.length, 12, provinces.join(', '));
    assert.ok(provinces.includes('Noord-Holland') && provinces.includes('Fryslân'));
    assert.equal(await page.locator('details.alle-gemeenten a').count(), 342, 'every gemeente one link away');
    const quick = await page.$$eval('.gemeente-keuze.compact nav[aria-label="Kies een gemeente"] a', (els) => els.map((e) => e.textContent.trim()));
    assert.equal(quick[0], 'Amsterdam');
    assert.equal(quick.length, 5, `quick choices: ${quick}`);
    const nh = await page.$$eval('details.alle-gemeenten .provincie', (els) => [...els.find((e) => e.querySelector('.label').textContent.trim() === 'Noord-Holland').querySelectorAll('a')].map((a) => a.textContent.trim()));
    for (const n of quick.slice(1, 4)) assert.ok(nh.includes(n), `${n} is in Noord-Holland`);
    // A merged gemeente: where it went.
    await page.fill('#gemeente-veld', 'Weesp');
    await page.press('#gemeente-veld', 'Enter');
    await page.waitForFunction(() => /nu deel van/.test(document.getElementById('gemeente-melding')?.textContent));
    assert.match(await page.textContent('#gemeente-melding'), /Weesp, tot 2022; nu deel van Amsterdam\. Bedoelt u Amsterdam\?/);
    assert.deepEqual(page.log.errors, []);
  });
  await page.close();
});

test('at 375 px the compare page of 342 gemeenten adds by name, its results within two screens', async () => {
  const page = await newPage(browser, [national.origin], { width: 375, height: 667 });
  await withScreenshot(page, 'vergelijken-nationaal-375', async () => {
    await page.goto(`${national.base}index.html?regio=nederland&pagina=vergelijk&gemeente=GM0363`);
    await page.waitForSelector('#vergelijk-veld', { timeout: 30000 });
    assert.equal(await page.locator('input[type="checkbox"]').count(), 0, 'no 342 checkboxes');
    assert.equal(await page.locator('#vergelijk-namen option').count(), 342);
    assert.deepEqual(await page.$$eval('.vergelijk-kiezer .gekozen span', (els) => els.map((e) => e.textContent)), ['Amsterdam']);
    await page.fill('#vergelijk-veld', 'den haag');
    await page.press('#vergelijk-veld', 'Enter');
    await page.waitForURL(/gemeenten=GM0363(%2C|,)GM0518/);
    await page.waitForSelector('#vergelijk-grafieken', { timeout: 60000 });
    assert.deepEqual(await page.$$eval('.vergelijk-kiezer .gekozen span', (els) => els.map((e) => e.textContent)), ['Amsterdam', "'s-Gravenhage"]);
    const top = await page.$eval('#vergelijk-grafieken', (el) => el.getBoundingClientRect().top + window.scrollY);
    console.log(`compare page, national, 375 px: results at y = ${Math.round(top)} px`);
    assert.ok(top < 2 * 667, `results at y = ${top}`);
    // A quick addition (a neighbour of 's-Gravenhage) and a removal, both links.
    assert.ok(await page.locator('.vergelijk-snel a').count() >= 1);
    await page.click('.vergelijk-kiezer .gekozen li:first-child a');
    await page.waitForFunction(() => [...document.querySelectorAll('.vergelijk-kiezer .gekozen span')].map((e) => e.textContent).join() === "'s-Gravenhage");
    assert.deepEqual(page.log.errors, []);
  });
  await page.close();
});
