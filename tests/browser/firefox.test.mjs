// A second engine: the residents' way through the monitor in Debian's Firefox ESR, driven by
// puppeteer-core over WebDriver BiDi. The other browser tests run in Chromium; this one checks
// what depends most on the engine — the WASM start, the split WASM chunks (fetched and
// instantiated when a page type is first opened, issue 12), ECharts on canvas — under the same
// strict CSP, with no page errors and no request to another host.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import puppeteer from 'puppeteer-core';
import { startServer } from './harness.mjs';

const FIREFOX = process.env.FIREFOX || '/usr/bin/firefox-esr';
let srv, browser;
before(async () => {
  srv = await startServer();
  browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true, protocol: 'webDriverBiDi' });
});
after(async () => { await browser?.close(); srv?.server.close(); });

test('Firefox: home page with its first chart, a theme page from its chunk, an indicator with downloads', async () => {
  const page = await browser.newPage();
  const errors = [];
  const foreign = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('request', (r) => { if (!r.url().startsWith(srv.origin) && !r.url().startsWith('data:')) foreign.push(r.url()); });
  await page.setViewport({ width: 412, height: 823 });

  await page.goto(srv.base);
  await page.waitForFunction(() => performance.getEntriesByName('msd:eerste-grafiek').length > 0, { timeout: 30000 });
  assert.ok(await page.evaluate(() => document.querySelectorAll('.kerncijfer').length) > 0, 'key figures on the home page');

  await page.click('main .themas a');
  await page.waitForFunction(() => document.querySelector('h1')?.textContent.includes(' in '), { timeout: 30000 });
  await page.waitForFunction(() => window.msdCharts.liveCount() > 1, { timeout: 30000 });
  const chunks = await page.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name).filter((n) => /\/msd-theme-[0-9a-f]{16}\.wasm$/.test(n)));
  assert.equal(chunks.length, 1, 'the theme chunk was fetched once');

  await page.click('main .kaart h3 a');
  await page.waitForFunction(() => document.querySelector('h1') && document.querySelector('.grafiek canvas'), { timeout: 30000 });
  // The downloads come from their own chunk once the chart is on screen.
  await page.waitForFunction(() => [...document.querySelectorAll('button')].some((b) => b.textContent.includes('CSV')), { timeout: 30000 });

  assert.deepEqual(errors, []);
  assert.deepEqual(foreign, []);
});
