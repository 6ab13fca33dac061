// Issue 23: a theme page fits a phone. At 375 × 812 px (an iPhone-class phone) every theme page
// of every bundled region is at most six screens long by default: per pillar its answer, the
// rest one tap away. No sentence of the report is quoted twice on a page (theme pages and an
// indicator page), and the pillar menu's links move focus and scroll to their section.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startServer, launch, newPage, withScreenshot, frames, DIST } from './harness.mjs';

/** The phone: 375 px wide, 812 px high. */
const PHONE = { width: 375, height: 812 };
/** At most six screens of the phone by default. */
const MAX_HEIGHT = 6 * PHONE.height;
const INDICATOR = 'drechtsteden/cijfer-jeugd-jongeren-in-jeugdzorg.html';

let srv, browser;
before(async () => { srv = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); srv?.server.close(); });

/** Every theme page of every bundled region (a theme with a data file of that region). */
function themePages() {
  const manifest = JSON.parse(readFileSync(resolve(DIST, 'data/manifest.json'), 'utf8'));
  return manifest.regions.flatMap((r) => [...new Set(manifest.datasets.filter((d) => d.region === r.id).flatMap((d) => d.themes))]
    .map((t) => `${r.id}/${t}.html`));
}

/** The quotes on the page, normalised (whitespace, the quote marks), that occur more than once. */
function repeatedQuotes() {
  const norm = (s) => s.replace(/\s+/g, ' ').replace(/^[\s“”"]+|[\s“”"]+$/g, '').trim();
  const seen = new Map();
  for (const el of document.querySelectorAll('#app blockquote, #app .uitspraak-citaat')) {
    const q = norm(el.textContent);
    seen.set(q, (seen.get(q) || 0) + 1);
  }
  return { count: [...seen.values()].reduce((a, b) => a + b, 0), distinct: seen.size, twice: [...seen].filter(([, n]) => n > 1).map(([q, n]) => `${n}× ${q.slice(0, 80)}`) };
}

async function ready(page) {
  await page.waitForSelector('#app main h1');
  await page.waitForFunction(() => !document.querySelector('.laden'));
  await page.waitForSelector('#app section.pijler');
  await frames(page, 5);
}

test(`every theme page of every region is at most ${MAX_HEIGHT} px at ${PHONE.width} px, with each quote once`, async () => {
  const page = await newPage(browser, [srv.origin], PHONE);
  const pages = themePages();
  assert.ok(pages.length >= 7, pages.join(', '));
  const long = [], repeated = [], heights = [];
  for (const path of pages) {
    await withScreenshot(page, `thema-lengte-${path.replace('/', '-')}`, async () => {
      await page.goto(srv.base + path);
      await ready(page);
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      const quotes = await page.evaluate(repeatedQuotes);
      heights.push(`${path}: ${height} px, ${quotes.count} quotes (${quotes.distinct} distinct)`);
      if (height > MAX_HEIGHT) long.push(`${path}: ${height} px`);
      for (const q of quotes.twice) repeated.push(`${path}: ${q}`);
    });
  }
  console.log(heights.join('\n'));
  assert.deepEqual(long, [], `longer than ${MAX_HEIGHT} px`);
  assert.deepEqual(repeated, [], 'a quote shown twice');
  assert.deepEqual(page.log.errors, []);
  await page.close();
});

test('the pillar menu: links to this page\'s sections that move focus and scroll there', async () => {
  const page = await newPage(browser, [srv.origin], PHONE);
  for (const path of themePages()) {
    await withScreenshot(page, `thema-menu-${path.replace('/', '-')}`, async () => {
      await page.goto(srv.base + path);
      await ready(page);
      const links = await page.$$eval('#app nav.pijler-menu a', (as) => as.map((a) => ({
        text: a.textContent, hash: a.hash,
        // The same document as the page (so the baked page scrolls without JavaScript too).
        same: a.pathname === location.pathname && a.search === location.search,
      })));
      // One link per pillar, named as its section.
      const sections = await page.$$eval('#app section.pijler h2[id^="pijler-"]', (hs) => hs.map((h) => h.textContent));
      assert.equal(links.length, 4, path);
      assert.deepEqual(links.map((l) => l.text), sections, path);
      for (const link of links) {
        assert.ok(link.same, `${path}: ${link.text} links to this page`);
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.click(`#app nav.pijler-menu a[href$="${link.hash}"]`);
        const id = link.hash.slice(1);
        await page.waitForFunction((id) => document.activeElement?.id === id, id, { timeout: 5000 });
        const top = await page.evaluate((id) => document.getElementById(id).getBoundingClientRect().top, id);
        const scrollable = await page.evaluate(() => document.documentElement.scrollHeight - window.scrollY > window.innerHeight + 1);
        // At the top of the screen, or as far as the page scrolls.
        assert.ok(top >= -1 && (top <= 2 || !scrollable), `${path}: ${link.text} at ${top} px`);
        assert.ok(page.url().startsWith(srv.base + path), 'the page stayed');
      }
    });
  }
  assert.deepEqual(page.log.errors, []);
  await page.close();
});

test('the indicator page quotes each sentence of the report once', async () => {
  const page = await newPage(browser, [srv.origin], PHONE);
  await withScreenshot(page, 'thema-lengte-indicator', async () => {
    await page.goto(srv.base + INDICATOR);
    await page.waitForSelector('#app .uitspraken');
    const quotes = await page.evaluate(repeatedQuotes);
    assert.ok(quotes.count > 0, 'the page has quotes');
    assert.deepEqual(quotes.twice, []);
  });
  await page.close();
});

test('the baked page, without JavaScript: the same menu scrolls to its section, each quote once', async () => {
  const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false, locale: 'nl-NL' });
  const page = await context.newPage();
  await withScreenshot(page, 'thema-lengte-gebakken', async () => {
    await page.goto(`${srv.base}drechtsteden/participatie.html`);
    const quotes = await page.evaluate(() => {
      const norm = (s) => s.replace(/\s+/g, ' ').replace(/^[\s“”"]+|[\s“”"]+$/g, '').trim();
      const all = [...document.querySelectorAll('blockquote')].map((e) => norm(e.textContent));
      return { count: all.length, distinct: new Set(all).size };
    });
    assert.equal(quotes.count, quotes.distinct, `${quotes.count} quotes, ${quotes.distinct} distinct`);
    assert.ok(await page.evaluate(() => document.documentElement.scrollHeight) <= MAX_HEIGHT);
    await page.click('nav.pijler-menu a[href$="#pijler-ervaringen"]');
    await page.waitForFunction(() => location.hash === '#pijler-ervaringen');
    const top = await page.evaluate(() => document.getElementById('pijler-ervaringen').getBoundingClientRect().top);
    assert.ok(Math.abs(top) <= 2, `the section is at the top of the screen (${top} px)`);
  });
  await context.close();
});

test('a figure whose sentence is quoted higher up links to that quote', async () => {
  const page = await newPage(browser, [srv.origin], PHONE);
  await withScreenshot(page, 'thema-lengte-verwijzing', async () => {
    await page.goto(`${srv.base}drechtsteden/jeugd.html`);
    await ready(page);
    const link = page.locator('#app .uitspraak-verwijzing a').first();
    assert.ok(await link.count(), 'a reference to a quote higher up');
    await page.locator('#app details.meer:has(.uitspraak-verwijzing) > summary').first().click();
    const id = (await link.getAttribute('href')).split('#')[1];
    await link.click();
    await page.waitForFunction((id) => document.activeElement?.id === id, id, { timeout: 5000 });
    assert.equal(await page.evaluate(() => document.activeElement.tagName), 'BLOCKQUOTE');
  });
  await page.close();
});
