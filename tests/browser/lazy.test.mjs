// Issue 12: the page types a resident reaches by a click live in WASM chunks (src/ui/lazy.rs,
// scripts/wasm-split.mjs). The home page's first view loads none of them; a page type's chunk is
// fetched when it is opened; a chunk that cannot be fetched gives a Dutch message with a retry,
// and the rest of the site keeps working.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { startServer, launch, newPage, withScreenshot, DIST } from './harness.mjs';

let srv, browser;
before(async () => { srv = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); srv?.server.close(); });

const PAGE_CHUNKS = ['theme', 'indicator', 'profile', 'compare', 'find'];
const chunkOf = (u) => new URL(u).pathname.match(/\/msd-([a-z]+)-[0-9a-f]{16}\.wasm$/)?.[1];

test('dist/ holds one chunk per lazily loaded page type, with content-hashed names', () => {
  const names = readdirSync(DIST).map((f) => f.match(/^msd-([a-z]+)-[0-9a-f]{16}\.wasm$/)?.[1]).filter(Boolean);
  for (const part of PAGE_CHUNKS) assert.ok(names.includes(part), `no msd-${part}-<hash>.wasm in dist/: ${names.join(', ')}`);
});

test('the home page draws its first chart without any page chunk', async () => {
  const page = await newPage(browser, [srv.origin], { width: 412, height: 823 });
  await withScreenshot(page, 'lazy-home', async () => {
    await page.goto(srv.base);
    await page.waitForFunction(() => performance.getEntriesByName('msd:eerste-grafiek').length > 0, null, { timeout: 30000 });
    const early = page.log.requests.map(chunkOf).filter(Boolean);
    assert.deepEqual(early.filter((c) => PAGE_CHUNKS.includes(c)), [], `page chunks in the first view: ${early.join(', ')}`);
    // A click to a theme dashboard then loads its chunk and shows the page.
    await page.click('main .themas a');
    await page.waitForFunction(() => document.querySelector('h1')?.textContent.includes(' in '), null, { timeout: 30000 });
    assert.ok(page.log.requests.some((u) => chunkOf(u) === 'theme'), 'the theme chunk was fetched');
    assert.deepEqual(page.log.errors, []);
  });
});

test('a chunk that cannot be fetched: a Dutch message and a retry that works', async () => {
  const page = await newPage(browser, [srv.origin], { width: 412, height: 823 });
  await withScreenshot(page, 'lazy-failure', async () => {
    let block = true;
    await page.route(/\/msd-[a-z0-9]+-[0-9a-f]{16}\.wasm$/, (route) => (block ? route.abort('internetdisconnected') : route.continue()));
    await page.goto(`${srv.base}?pagina=thema&thema=jeugd`);
    const alert = page.locator('main [role="alert"]');
    await alert.waitFor({ timeout: 30000 });
    assert.match(await alert.innerText(), /Dit deel van de monitor kon niet worden geladen/);
    // The site around it still works: the header's region links are there.
    assert.ok(await page.locator('header nav a').count() > 0, 'the header is still there');
    block = false;
    await alert.locator('button', { hasText: 'Opnieuw proberen' }).click();
    await page.waitForFunction(() => document.querySelector('h1')?.textContent.startsWith('Jeugdhulp'), null, { timeout: 30000 });
    assert.equal(await page.locator('main [role="alert"]').count(), 0, 'the message is gone after the retry');
    await page.waitForFunction(() => document.querySelector('.grafiek canvas'), null, { timeout: 30000 });
  });
});
