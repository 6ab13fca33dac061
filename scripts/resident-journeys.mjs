// Six questions a resident of Zwijndrecht asks, walked on a phone (375 × 812) from the region's
// home page, counting taps, until the answer is on screen (issue 23). A report, not a test: it
// prints the tap count per question and writes a screenshot of each answer.
//
//   node scripts/resident-journeys.mjs [folder]   (default tests/browser/artifacts/journeys; needs dist/)
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { startServer, launch, newPage, ROOT } from '../tests/browser/harness.mjs';

const OUT = resolve(process.argv[2] || resolve(ROOT, 'tests/browser/artifacts/journeys'));
mkdirSync(OUT, { recursive: true });
const PHONE = { width: 375, height: 812 };

/** Each step is one tap on a link or control with this text (or selector); `answer` is what must be visible. */
const QUESTIONS = [
  { q: 'Hoeveel jongeren in Zwijndrecht krijgen jeugdhulp, en is dat meer dan in Nederland?',
    taps: ['.gemeente-keuze >> text=Zwijndrecht', 'nav.themas >> text=Jeugdhulp'], answer: /10,7%[\s\S]*hoger dan Nederland \(8,2%\)/ },
  { q: 'Hoeveel huishoudens in Zwijndrecht hebben een bijstandsuitkering?',
    taps: ['.gemeente-keuze >> text=Zwijndrecht'], answer: /huishoudens[^.]*bijstandsuitkering/ },
  { q: 'Hoe oud zijn de cijfers?', taps: [], answer: /De cijfers gaan over 2015 tot en met 2017/ },
  { q: 'Kwam de regio geld tekort voor jeugdhulp?',
    taps: ['nav.themas >> text=Jeugdhulp', '.pijler-menu >> text=Budgetten'], answer: /tekort/ },
  { q: 'Hoe tevreden zijn mensen over hun aanvraag voor Wmo-hulp?',
    taps: ['nav.themas >> text=Wmo', '.pijler-menu >> text=Ervaringen'], answer: /Hoe tevreden klanten zijn over hun aanvraag voor Wmo-hulp/ },
  { q: 'Hoe doet Zwijndrecht het naast Dordrecht, op de kaart?',
    taps: ['.gemeente-keuze >> text=Zwijndrecht', 'text=Gemeenten vergelijken', 'label:has-text("Dordrecht")',
      'button:has-text("Vergelijk")', 'nav >> text=Kaart'], answer: /Dordrecht[\s\S]*Zwijndrecht/ , map: true },
];

const srv = await startServer();
const browser = await launch();
const rows = [];
for (const [i, item] of QUESTIONS.entries()) {
  const page = await newPage(browser, [srv.origin], PHONE);
  let taps = 0;
  let found = false;
  try {
    await page.goto(`${srv.base}drechtsteden/index.html`);
    for (const sel of item.taps) {
      await page.locator(sel).first().click();
      taps += 1;
      await page.waitForLoadState('networkidle');
    }
    // The answer must be on the screen the reader is looking at, not hidden or below the fold.
    found = await page.waitForFunction((src) => {
      const re = new RegExp(src);
      const visible = [...document.querySelectorAll('main p, main li, main h1, main h2, main h3, main figcaption, main text, main .kaart, main .kerncijfer')]
        .filter((el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.bottom > 0 && r.top < innerHeight; });
      return re.test(visible.map((el) => el.textContent).join(' '));
    }, item.answer.source, { timeout: 15000 }).then(() => true, () => false);
    if (item.map) found = found && (await page.locator('main canvas, main svg').count()) > 0;
  } catch (e) {
    console.error(`${item.q}: ${e.message.split('\n')[0]}`);
  }
  await page.screenshot({ path: resolve(OUT, `vraag-${i + 1}.png`) });
  rows.push({ vraag: item.q, tikken: taps, antwoord: found ? 'op het scherm' : 'NIET gevonden' });
  await page.context().close();
}
await browser.close();
srv.server.close();
console.log('| # | vraag | tikken | antwoord |\n|---|---|---|---|');
rows.forEach((r, i) => console.log(`| ${i + 1} | ${r.vraag} | ${r.tikken} | ${r.antwoord} |`));
console.log(`\nschermafbeeldingen: ${OUT}`);
process.exitCode = rows.every((r) => r.antwoord === 'op het scherm') ? 0 : 1;
