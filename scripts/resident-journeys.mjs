// Six questions a resident of Zwijndrecht asks, walked on a phone (375 × 812) from the region's
// home page, counting taps until the answer is on the page, and saying whether it is on the
// first screen or how far the reader scrolls (issue 23). A report, not a test: it prints the
// count per question and writes a screenshot of each answer.
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
    // Where is the answer: on the screen the reader looks at, or further down (then the reader
    // scrolls; the screenshot shows the answer after scrolling).
    const where = await page.waitForFunction((src) => {
      const re = new RegExp(src);
      const els = [...document.querySelectorAll('main p, main li, main h1, main h2, main h3, main figcaption, main .kaart, main .kerncijfer, main figure')]
        .filter((el) => el.getBoundingClientRect().width > 0);
      const onScreen = els.filter((el) => { const r = el.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; });
      if (re.test(onScreen.map((el) => el.textContent).join(' '))) return 'op het eerste scherm';
      const hit = els.find((el) => re.test(el.textContent));
      if (!hit) return false;
      const y = hit.getBoundingClientRect().top + scrollY;
      hit.scrollIntoView({ block: 'center' });
      return `na ${Math.ceil(y / innerHeight) - 1 || 1} keer scrollen`;
    }, item.answer.source, { timeout: 15000 }).then((h) => h.jsonValue(), () => false);
    found = where;
    if (item.map) found = (await page.locator('main canvas, main svg').count()) > 0 ? where : false;
  } catch (e) {
    console.error(`${item.q}: ${e.message.split('\n')[0]}`);
  }
  await page.screenshot({ path: resolve(OUT, `vraag-${i + 1}.png`) });
  rows.push({ vraag: item.q, tikken: taps, antwoord: found || 'NIET gevonden' });
  await page.context().close();
}
await browser.close();
srv.server.close();
console.log('| # | vraag | tikken | antwoord |\n|---|---|---|---|');
rows.forEach((r, i) => console.log(`| ${i + 1} | ${r.vraag} | ${r.tikken} | ${r.antwoord} |`));
console.log(`\nschermafbeeldingen: ${OUT}`);
process.exitCode = rows.every((r) => r.antwoord !== 'NIET gevonden') ? 0 : 1;
