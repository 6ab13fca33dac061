// Issue 21, "outputs carry what the page carries": the Jeugd budget table's footnote ("a) …")
// and the contradictions between text and table that the youth care table's page lists are in
// the CSV, the JSON, the SVG image and the compact embed. What to look for is read from the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, newPage, withScreenshot, readDownload } from './harness.mjs';

let srv, browser;
before(async () => { srv = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); srv?.server.close(); });

const squash = (s) => s.replace(/\s+/g, ' ').trim();

/** Reads the footnotes and listed contradictions of an indicator page and finds each in the
 *  page's CSV, JSON, SVG and compact embed; returns how many of each it checked. */
async function outputsCarry(page, query) {
  await page.goto(`${srv.base}${query}`);
  await page.waitForSelector('text=CSV (Excel)');
  const footnotes = (await page.$$eval('.toelichting .definitie', (els) => els.map((e) => e.textContent))).map(squash);
  // "grade (kind): description", as the page lists the contradictions between text and tables.
  const listed = await page.$$eval('.inconsistenties li', (els) => els.map((e) => ({
    grade: e.querySelector('strong')?.textContent || '',
    text: e.textContent,
  })));
  const contradictions = listed
    .filter((c) => c.grade.includes('('))
    .map((c) => ({ grade: c.grade.split(' (')[0], description: squash(c.text.slice(c.grade.length)) }));
  console.log(`${query}: ${footnotes.length} footnote(s), ${contradictions.length} contradiction(s) on the page`);

  const [csvFile] = await Promise.all([page.waitForEvent('download'), page.click('text=CSV (Excel)')]);
  const csv = squash((await readDownload(csvFile)).toString('utf8').replaceAll('""', '"'));
  const [jsonFile] = await Promise.all([page.waitForEvent('download'), page.click('button:has-text("JSON")')]);
  const doc = JSON.parse((await readDownload(jsonFile)).toString('utf8'));
  const [svgFile] = await Promise.all([page.waitForEvent('download'), page.click('text=Afbeelding (SVG)')]);
  const svgText = (await readDownload(svgFile)).toString('utf8');

  for (const f of footnotes) {
    assert.ok(csv.includes(f), `CSV has the footnote ${f}`);
    assert.ok(doc.toelichting.map(squash).includes(f), `JSON has the footnote ${f}`);
  }
  for (const c of contradictions) {
    assert.ok(csv.includes(c.description) && csv.includes(c.grade), `CSV has ${c.grade}: ${c.description}`);
    assert.ok(
      doc.tegenspraken.some((t) => squash(t.beschrijving) === c.description && t.gradatie === c.grade),
      `JSON has ${c.grade}: ${c.description}`,
    );
    assert.ok(doc.inconsistenties.some((i) => squash(i).includes(c.description)), 'JSON inconsistenties is not empty');
  }

  // The image wraps long lines: its texts joined again read as the footer's paragraphs.
  await page.setContent(`<!DOCTYPE html><html><body style="margin:0">${svgText}</body></html>`);
  const svg = squash((await page.$$eval('svg text', (els) => els.map((t) => t.textContent))).join(' '));
  for (const f of footnotes) assert.ok(svg.includes(f), `the SVG has the footnote ${f}`);
  for (const c of contradictions) {
    assert.ok(svg.includes(c.description), `the SVG has the contradiction ${c.description}`);
    assert.ok(svg.includes(c.grade), `the SVG names the grade ${c.grade}`);
  }

  await page.goto(`${srv.base}${query}&embed=1`);
  await page.waitForSelector('.embed-voet');
  const embed = squash((await page.$('.embed-opmerkingen')) ? await page.textContent('.embed-opmerkingen') : '');
  for (const f of footnotes) assert.ok(embed.includes(f), `the embed has the footnote ${f}`);
  for (const c of contradictions) assert.ok(embed.includes(c.description), `the embed has ${c.description}`);
  return { footnotes: footnotes.length, contradictions: contradictions.length };
}

test('the budget table’s footnote is in the CSV, JSON, SVG and embed', async () => {
  const page = await newPage(browser, [srv.origin]);
  await withScreenshot(page, 'uitvoer-budget', async () => {
    const n = await outputsCarry(page, '?pagina=indicator&indicator=jeugd-jeugdhulpbudget-zhz');
    assert.ok(n.footnotes > 0, 'the page shows the table’s footnote');
  });
});

test('the contradictions between text and table the page lists are in the CSV, JSON, SVG and embed', async () => {
  const page = await newPage(browser, [srv.origin]);
  await withScreenshot(page, 'uitvoer-tegenspraak', async () => {
    const n = await outputsCarry(page, '?pagina=indicator&indicator=jeugd-jongeren-in-jeugdzorg');
    assert.ok(n.contradictions > 0, 'the page lists contradictions between text and table');
  });
});
