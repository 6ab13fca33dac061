// Issue 23: on a phone (375 px) a wide indicator table keeps the chosen gemeente in view, never
// cuts its caption and never breaks a header inside a word. Checked on the app and on the baked
// page (the same markup and CSS), for the widest tables of the bundled data.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, newPage, withScreenshot } from './harness.mjs';

let srv, browser;
before(async () => { srv = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); srv?.server.close(); });

/** Wide tables (8 to 17 columns) with a gemeente per row, and long words in their headers. */
const TABLES = [
  'participatie-reintegratievoorzieningen-2016-h1',
  'jeugd-jeugdhulptrajecten-reden-beeindiging',
  'wmo-actieve-wmo-indicaties',
];

/**
 * In the page: what a resident sees of the first data table. The caption's box against the
 * frame; the chosen row's header and first figure against the frame's visible part, at the
 * start and scrolled to the far end; every header word that the browser broke over two lines.
 */
function measure() {
  const frame = document.querySelector('article.indicator .tabel-kader');
  const table = frame.querySelector('table.cijfers');
  const inside = (el, box) => {
    const r = el.getBoundingClientRect();
    return r.left >= box.left - 0.5 && r.right <= box.right + 0.5;
  };
  const seen = () => {
    const box = frame.getBoundingClientRect();
    const row = table.querySelector('tr.gekozen');
    return {
      header: row ? inside(row.querySelector('th[scope="row"]'), box) : null,
      first: row ? inside(row.querySelector('td'), box) : null,
    };
  };
  frame.scrollLeft = 0;
  const box = frame.getBoundingClientRect();
  const caption = table.caption;
  const c = caption.getBoundingClientRect();
  const start = seen();
  frame.scrollLeft = frame.scrollWidth;
  const end = { ...seen(), caption: inside(caption, frame.getBoundingClientRect()) };
  frame.scrollLeft = 0;
  // Words: split where a line may fall between words (spaces, after a hyphen or a slash).
  const broken = [];
  for (const th of table.querySelectorAll('thead th, tbody th[scope="row"]')) {
    const walker = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent;
      for (const m of text.matchAll(/[^\s\-/]+[-/]?/g)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (lines.size > 1) broken.push(m[0]);
      }
    }
  }
  return {
    overflows: frame.scrollWidth > frame.clientWidth + 1,
    frame: { left: box.left, right: box.right },
    viewport: document.documentElement.clientWidth,
    caption: { left: c.left, right: c.right, text: caption.textContent.trim(), clipped: caption.scrollWidth > caption.clientWidth + 1 },
    start,
    end,
    broken,
  };
}

function check(m, id) {
  assert.ok(m.overflows, `${id}: the table is wider than the phone (else this test proves nothing)`);
  assert.ok(m.caption.left >= m.frame.left - 0.5 && m.caption.right <= m.frame.right + 0.5,
    `${id}: caption "${m.caption.text}" (${m.caption.left}–${m.caption.right}) within the frame (${m.frame.left}–${m.frame.right})`);
  assert.ok(m.caption.right <= m.viewport, `${id}: caption within the viewport`);
  assert.equal(m.caption.clipped, false, `${id}: caption not clipped`);
  assert.equal(m.end.caption, true, `${id}: caption stays in view when the table is scrolled`);
  assert.deepEqual(m.start, { header: true, first: true }, `${id}: the chosen gemeente's row header and first figure in view at the start`);
  assert.equal(m.end.header, true, `${id}: the chosen gemeente's name stays in view when the table is scrolled`);
  assert.deepEqual(m.broken, [], `${id}: no header broken inside a word`);
}

for (const id of TABLES) {
  test(`phone: ${id} keeps Zwijndrecht and its caption in view, words whole`, async () => {
    const page = await newPage(browser, [srv.origin], { width: 375, height: 812 });
    await withScreenshot(page, `telefoon-tabel-${id}`, async () => {
      const url = `${srv.base}drechtsteden/cijfer-${id}.html?gemeente=GM0642&weergave=tabel`;
      await page.goto(url);
      await page.waitForSelector('article.indicator tr.gekozen');
      check(await page.evaluate(measure), `app ${id}`);
      assert.deepEqual(page.log.errors, []);
    });
    await page.context().close();
  });
}

test('phone: the baked table without a gemeente keeps its caption whole too', async () => {
  const page = await newPage(browser, [srv.origin], { width: 375, height: 812 });
  await page.route(/\.wasm$|loader\.js/, (r) => r.abort());
  await withScreenshot(page, 'telefoon-tabel-gebakken', async () => {
    await page.gotoBaked(`${srv.base}drechtsteden/cijfer-${TABLES[0]}.html`);
    await page.waitForSelector('#gebakken article.indicator table.cijfers', { state: 'visible' });
    const m = await page.evaluate(measure);
    assert.ok(m.overflows);
    assert.ok(m.caption.right <= m.frame.right + 0.5 && !m.caption.clipped, `baked caption within its frame: ${JSON.stringify(m.caption)}`);
    assert.deepEqual(m.broken, []);
  });
  await page.context().close();
});

/** In the page: each profile table at scrollLeft 0, its caption and its first figure column. */
function profileTables() {
  return [...document.querySelectorAll('table.profiel')].map((t) => {
    const frame = t.closest('.tabel-kader');
    frame.scrollLeft = 0;
    const box = frame.getBoundingClientRect();
    const inside = (el) => { const r = el.getBoundingClientRect(); return r.left >= box.left - 0.5 && r.right <= box.right + 0.5; };
    return {
      caption: t.caption.textContent.trim(),
      captionInside: inside(t.caption),
      first: t.tHead.rows[0].cells[1].textContent.trim(),
      hidden: [...t.tBodies[0].rows].filter((r) => !inside(r.cells[1])).map((r) => `${r.cells[0].textContent.trim()}: ${r.cells[1].textContent.trim()}`),
    };
  });
}

async function profile(check) {
  const page = await newPage(browser, [srv.origin], { width: 375, height: 812 });
  await withScreenshot(page, 'telefoon-tabel-profiel', async () => {
    await page.goto(`${srv.base}drechtsteden/profiel-GM0642.html`);
    await page.waitForSelector('table.profiel');
    const tables = await page.evaluate(profileTables);
    assert.ok(tables.length > 0);
    for (const t of tables) check(t);
  });
  await page.context().close();
}

test('phone: the profile puts Zwijndrecht first and keeps every caption whole', () => profile((t) => {
  assert.equal(t.first, 'Zwijndrecht', t.caption);
  assert.ok(t.captionInside, `caption "${t.caption}" within its frame`);
}));

// A profile cell can hold "1% (berekend uit de delen: 2%)" and a row name a whole table title;
// the note wraps and the name keeps its own width, so Zwijndrecht's figures stay on a phone.
test('phone: the profile shows Zwijndrecht\'s figures at the start', () => profile((t) => {
  assert.deepEqual(t.hidden, [], `${t.caption}: Zwijndrecht's figures in view`);
}));
