// Issue 27, "work kept": the data check page keeps the officer's work across a reload — the
// dropped spreadsheet, the areas added by hand, the choice to start without the example data —
// says so, and asks before the page is left while the work is not yet made into files.
// "Opnieuw beginnen" empties it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, newPage, withScreenshot } from './harness.mjs';

let srv, browser;
before(async () => { srv = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); srv?.server.close(); });

const CSV = [
  'titel;Wmo-cliënten', 'tabel-id;wmo-clienten', 'thema;wmo', 'pijler;gebruik', 'bron;eigen registratie',
  'bronnummer;1', 'periode;2024;2024', '', 'gebied;cliënten', 'eenheid;aantal', 'Voorbeeldstad;1.350', 'WK900101;700',
].join('\r\n');

test('a reload keeps the work; leaving asks first; "Opnieuw beginnen" empties it', async () => {
  const page = await newPage(browser, [srv.origin]);
  await withScreenshot(page, 'kit-work-kept', async () => {
    await page.goto(`${srv.base}?pagina=datacheck`);
    await page.click('text=Begin met een lege monitor');
    await page.setInputFiles('#bestand', [{ name: 'wmo-2024.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) }]);
    await page.waitForSelector('text=onbekend gebied "Voorbeeldstad"');
    for (const [code, name, kind] of [['GM9001', 'Voorbeeldstad', 'gemeente'], ['WK900101', 'Centrum', 'wijk']]) {
      await page.fill('#gebied-code', code);
      await page.fill('#gebied-naam', name);
      await page.selectOption('#gebied-soort', kind);
      await page.click('text=Gebied toevoegen >> nth=-1');
      await page.waitForSelector(`text=${name} (${code}) is toegevoegd.`);
    }
    const before = await page.locator('.bestanden > li').allInnerTexts();
    assert.equal(before.length, 1);

    await page.reload();
    await page.waitForSelector('text=Uw werk van de vorige keer is teruggezet');
    assert.match(await page.textContent('.melding'), /1 bestand en 2 toegevoegde gebieden/);
    await page.waitForSelector('.bestanden > li');
    assert.deepEqual(await page.locator('.bestanden > li').allInnerTexts(), before, 'the spreadsheet is back, checked again, with the same outcome');
    assert.match(before[0], /^wmo-2024\.csv/);
    assert.doesNotMatch(before[0], /onbekend gebied/, 'the areas added by hand are known');
    assert.deepEqual(page.log.dialogs, ['beforeunload'], 'leaving with work not yet made into files asks first');

    await page.click('button:has-text("Opnieuw beginnen")');
    await page.waitForFunction(() => !document.querySelector('.bestanden > li'));
    await page.reload();
    await page.waitForSelector('#bestand');
    assert.equal(await page.locator('text=Uw werk van de vorige keer').count(), 0, 'nothing kept after starting again');
    assert.deepEqual(page.log.errors, []);
  });
});
