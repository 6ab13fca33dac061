// Issue 23: plain words. The KTV table opens under its reader's title, with the report's own title
// beside it and "Wat betekent KTV?" one keystroke away; a theme page explains each term once, on
// the baked page (no JavaScript) as in the app.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, newPage, withScreenshot } from './harness.mjs';

let srv, browser;
before(async () => { srv = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); srv?.server.close(); });

const KTV = 'drechtsteden/cijfer-participatie-ktv-aanvraagproces-werk-inkomen-2016.html';

test('an indicator in plain words keeps the report’s words and explains the abbreviation', async () => {
  const page = await newPage(browser, [srv.origin], { width: 375, height: 812 });
  await withScreenshot(page, 'gewone-woorden', async () => {
    await page.goto(`${srv.base}${KTV}`);
    assert.equal((await page.textContent('main h1')).trim(), 'Hoe tevreden klanten zijn over hun aanvraag voor bijstand, 2016');
    assert.equal((await page.textContent('main p.in-rapport')).trim(), 'In het rapport: KTV Aanvraagproces Werk & Inkomen');
    const disclosure = page.locator('main details.begrip:has(dt:text-is("KTV"))');
    assert.equal(await disclosure.count(), 1, 'KTV is explained once');
    assert.match(await disclosure.locator('> summary').textContent(), /^Wat (betekent|betekenen) .*KTV/);
    const text = disclosure.locator('dt:text-is("KTV") + dd');
    assert.equal(await text.isVisible(), false, 'closed until asked');
    await disclosure.locator('> summary').focus();
    await page.keyboard.press('Enter');
    await text.waitFor({ state: 'visible' });
    assert.match(await text.textContent(), /^Klanttevredenheidsonderzoek/);
    // The table's headings are the reader's; the report's names are one tap away.
    const headings = await page.locator('table.cijfers th').allTextContents();
    assert.ok(headings.some((h) => /aantal klanten dat antwoordde/.test(h)), headings.join(' | '));
    assert.ok(!headings.some((h) => /^\s*N\s*$/.test(h)), 'no bare "N"');
    assert.match(await page.textContent('details.namen-rapport'), /aantal klanten dat antwoordde – in het rapport: N/);
    assert.deepEqual(page.log.errors, []);
  });
  await page.context().close();
});

test('a theme page explains each term once, also without JavaScript', async () => {
  const url = `${srv.base}drechtsteden/participatie.html`;
  const read = async (page) => {
    const questions = await page.locator('main details.begrip dt').allTextContents();
    assert.ok(questions.length >= 3, questions.join(' | '));
    assert.equal(new Set(questions).size, questions.length, `each term once: ${questions.join(' | ')}`);
    assert.ok(questions.includes('bijstand'), questions.join(' | '));
    const titles = await page.locator('main .kaart h3').allTextContents();
    assert.ok(!titles.some((t) => /\bKTV\b|<50%|\*$/.test(t)), titles.join(' | '));
    return questions;
  };
  const context = await browser.newContext({ viewport: { width: 375, height: 812 }, javaScriptEnabled: false, locale: 'nl-NL' });
  const plain = await context.newPage();
  await plain.goto(url);
  const baked = await read(plain);
  await context.close();
  const page = await newPage(browser, [srv.origin], { width: 375, height: 812 });
  await withScreenshot(page, 'gewone-woorden-thema', async () => {
    await page.goto(url);
    assert.deepEqual(await read(page), baked, 'the app explains the same terms in the same places');
    assert.deepEqual(page.log.errors, []);
  });
  await page.context().close();
});
