// Issue 25, "choosing one of 342": on a national region (the synthetic fixture of
// scripts/national-fixture.mjs in a copy of dist/) the gemeente choice is a compact chooser —
// the region as a quick choice, a search field with every name as a suggestion, and every
// gemeente one link away in a closed <details> — so the themes are at most 25 Tab stops away;
// a typed name ("den bosch") chooses its gemeente without a reload, a name that is no gemeente
// gets a message with a suggestion; the bundled Drechtsteden keeps its six links.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, launch, newPage, withScreenshot, DIST, FOLDER, takenOver } from './harness.mjs';
import { writeNational } from '../../scripts/national-fixture.mjs';

let srv, national, browser, dir;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'msd-nationaal-'));
  cpSync(DIST, dir, { recursive: true });
  writeNational(dir);
  srv = await startServer();
  national = await startServer({ mounts: { [FOLDER]: dir } });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  srv?.server.close();
  national?.server.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});


/** Tab presses from the top of the page until the first theme link has focus. */
async function tabsToFirstTheme(page) {
  for (let i = 1; i <= 400; i += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement === document.querySelector('nav.themas a'))) return i;
  }
  return Infinity;
}

test('a national region: the themes are close, a typed name chooses its gemeente', async () => {
  const page = await newPage(browser, [national.origin], { width: 1280, height: 900 });
  await withScreenshot(page, 'kiezer-nationaal', async () => {
    await page.goto(`${national.base}index.html?regio=nederland`);
    await takenOver(page);
    await page.waitForSelector('#gemeente-veld');
    assert.equal(await page.locator('#gemeente-namen option').count(), 342, 'every name is a suggestion');
    assert.equal(await page.locator('details.alle-gemeenten a').count(), 342, 'every gemeente one link away');
    assert.equal(await page.locator('details.alle-gemeenten[open]').count(), 0, 'the full list is closed');
    assert.equal((await page.textContent('details.alle-gemeenten summary')).trim(), 'Alle 342 gemeenten');

    await page.evaluate(() => { document.activeElement?.blur(); window.scrollTo(0, 0); });
    const tabs = await tabsToFirstTheme(page);
    console.log(`Tab stops before the first theme link, national home: ${tabs - 1}`);
    assert.ok(tabs - 1 <= 25, `${tabs - 1} Tab stops before the first theme link`);

    const before = await page.evaluate(() => performance.getEntriesByType('navigation').length);
    await page.fill('#gemeente-veld', 'Amsterdm');
    await page.press('#gemeente-veld', 'Enter');
    await page.waitForFunction(() => /Geen gemeente gevonden met de naam/.test(document.getElementById('gemeente-melding')?.textContent));
    assert.match(await page.textContent('#gemeente-melding'), /Bedoelt u Amsterdam\?/);

    await page.fill('#gemeente-veld', 'den bosch');
    await page.press('#gemeente-veld', 'Enter');
    await page.waitForURL(/gemeente=GM0796/);
    await page.waitForFunction(() => /'s-Hertogenbosch/.test(document.querySelector('main h1')?.textContent || ''));
    assert.equal(await page.evaluate(() => document.getElementById('gebakken')), null);
    assert.equal(await page.evaluate(() => performance.getEntriesByType('navigation').length), before, 'no reload');
    assert.equal((await page.textContent('.gemeente-keuze a[aria-current]')).trim(), "'s-Hertogenbosch", 'shown as chosen');
    assert.equal((await page.textContent('#gemeente-melding')).trim(), '', 'the message is gone');
    assert.deepEqual(page.log.errors, []);
  });
  await page.context().close();
});

test('the bundled Drechtsteden keeps its six links', async () => {
  const page = await newPage(browser, [srv.origin], { width: 1280, height: 900 });
  await page.goto(`${srv.base}drechtsteden/index.html`);
  assert.equal(await page.locator('nav.gemeente-keuze li a').count(), 6, 'baked');
  await takenOver(page);
  assert.equal(await page.locator('nav.gemeente-keuze li a').count(), 6, 'in the app');
  assert.equal(await page.locator('#gemeente-veld').count(), 0, 'no search field for six');
  assert.deepEqual(page.log.errors, []);
  await page.context().close();
});
