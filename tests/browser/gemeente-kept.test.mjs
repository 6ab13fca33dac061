// Issue 23: a resident of Zwijndrecht keeps Zwijndrecht chosen through search → result → header
// → compare; the home page and the theme page name the gemeente, and the home page, every card
// and the indicator page say how old the figures are; a choice made with the keyboard keeps
// focus on that choice.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, newPage, withScreenshot, takenOver } from './harness.mjs';

let srv, browser;
before(async () => { srv = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); srv?.server.close(); });

/** After a full page load (a form sent): wait until the app has taken over the baked page. */

test('the gemeente survives search, its result, the header and the compare page', async () => {
  const page = await newPage(browser, [srv.origin], { width: 375, height: 812 });
  await withScreenshot(page, 'gemeente-blijft', async () => {
    await page.goto(`${srv.base}drechtsteden/index.html?gemeente=GM0642`);
    assert.match(await page.textContent('main h1'), /Zwijndrecht/, 'the heading names the gemeente');
    assert.match(await page.textContent('.leeftijd'), /^De cijfers gaan over \d{4}( tot en met \d{4})?, uit (een rapport|rapporten) van \d{4}/);

    await page.click('text=Zoeken in alle cijfers');
    await page.waitForSelector('#zoekterm');
    await page.fill('#zoekterm', 'bijstand');
    await Promise.all([page.waitForNavigation(), page.press('#zoekterm', 'Enter')]);
    await takenOver(page);
    assert.match(page.url(), /\/drechtsteden\/zoeken\.html\?.*gemeente=GM0642/);
    await page.waitForSelector('.zoekresultaten a');
    const hit = page.locator('.zoekresultaten a').first();
    assert.match(await hit.getAttribute('href'), /gemeente=GM0642/);
    await hit.click();
    await page.waitForSelector('tr.gekozen');
    assert.equal((await page.textContent('tr.gekozen th')).trim(), 'Zwijndrecht');

    await page.click('.kop .merk');
    await page.waitForFunction(() => /Zwijndrecht/.test(document.querySelector('main h1')?.textContent || ''));
    assert.match(page.url(), /gemeente=GM0642/);

    await page.click('text=Gemeenten vergelijken');
    await page.waitForSelector('#kies-GM0642');
    assert.equal(await page.isChecked('#kies-GM0642'), true, 'Zwijndrecht is ticked');
    assert.equal(await page.locator('.vergelijk-keuze input[type=checkbox]:checked').count(), 1);
    assert.deepEqual(page.log.errors, []);
  });
  await page.context().close();
});

test('a choice made with the keyboard keeps focus on that choice', async () => {
  const page = await newPage(browser, [srv.origin], { width: 375, height: 812 });
  await withScreenshot(page, 'focus-blijft', async () => {
    await page.goto(`${srv.base}drechtsteden/cijfer-jeugd-jongeren-in-jeugdzorg.html`);
    await page.focus('nav.weergave a:has-text("Tabel")');
    await page.keyboard.press('Enter');
    await page.waitForURL(/weergave=tabel/);
    await page.waitForFunction(() => document.activeElement?.textContent.trim() === 'Tabel');
    assert.equal(await page.evaluate(() => document.activeElement.closest('nav')?.getAttribute('aria-label')), 'Weergave');
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-current')), 'true');
    await page.focus('.gemeente-keuze a:has-text("Zwijndrecht")');
    await page.keyboard.press('Enter');
    await page.waitForURL(/gemeente=GM0642/);
    await page.waitForFunction(() => document.activeElement?.textContent.trim() === 'Zwijndrecht');
  });
  await page.context().close();
});

test('choosing Zwijndrecht on a theme page changes its heading; every card says how old it is', async () => {
  const page = await newPage(browser, [srv.origin], { width: 375, height: 812 });
  await withScreenshot(page, 'thema-kop-gemeente', async () => {
    await page.goto(`${srv.base}drechtsteden/jeugd.html`);
    assert.equal((await page.textContent('main h1')).trim(), 'Jeugdhulp in Drechtsteden');
    const cards = await page.locator('li.kaart').count();
    assert.ok(cards > 0);
    assert.equal(await page.locator('li.kaart .leeftijd-cijfer').count(), cards, 'an age line on every card');
    for (const line of await page.locator('li.kaart .leeftijd-cijfer').allTextContents()) {
      assert.match(line, /^(Cijfers over \d{4}( tot en met \d{4})?, u|U)it een rapport van \d{4}\.$/);
    }
    await page.click('.gemeente-keuze a:has-text("Zwijndrecht")');
    await page.waitForURL(/gemeente=GM0642/);
    await page.waitForFunction(() => document.querySelector('main h1')?.textContent.trim() === 'Jeugdhulp in Zwijndrecht');
    assert.equal((await page.textContent('main h1 + p')).trim(), 'Een gemeente in de regio Drechtsteden.');
    // Opened at its address, the app says the same.
    await page.goto(`${srv.base}drechtsteden/jeugd.html?gemeente=GM0642`);
    assert.equal((await page.textContent('main h1')).trim(), 'Jeugdhulp in Zwijndrecht');
    // The indicator page names the chosen gemeente in its first line and says how old its figures are.
    await page.goto(`${srv.base}drechtsteden/cijfer-jeugd-jongeren-in-jeugdzorg.html?gemeente=GM0642`);
    assert.match(await page.textContent('article.indicator .samenvatting'), /Zwijndrecht/);
    assert.match(await page.textContent('article.indicator .leeftijd-cijfer'), /^Cijfers over 2016, uit een rapport van \d{4}\.$/);
    assert.deepEqual(page.log.errors, []);
  });
  await page.context().close();
});
