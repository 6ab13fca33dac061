// The chart baker of the baked pages (scripts/bake-svg.mjs): placeholders become inline SVG that
// the strict CSP lets through (no style attribute, no <style>), numbers formatted the app's way,
// ids unique on a page, every problem named by file and chart, and Open Graph PNGs of the right
// size. Works on a tiny site in a temporary folder.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bakeSvg, styleToAttributes } from '../../scripts/bake-svg.mjs';

const SCRIPT = new URL('../../scripts/bake-svg.mjs', import.meta.url).pathname;
const COLORS = ['#01689b', '#a9006b'];
const AREAS = ['Dordrecht', 'Zwijndrecht', 'Nederland'];

/** A grouped bar chart as the Rust side writes it: Dutch formatters by name, decal patterns. */
const BARS = {
  aria: { enabled: true, decal: { show: true }, label: { enabled: true, description: 'Jeugdhulp: van 8,0% in Zwijndrecht tot 12,5% in Dordrecht.' } },
  color: COLORS,
  grid: { left: 8, right: 56, top: 36, bottom: 8, containLabel: true },
  legend: { type: 'plain', top: 0, left: 0 },
  xAxis: { type: 'category', data: AREAS },
  yAxis: { type: 'value', min: 0, max: 15, interval: 2.5, axisLabel: { formatter: 'msd:nla:1:%' } },
  series: [
    { type: 'bar', name: 'jeugdhulp', data: [12.5, 8, 10.25], label: { show: true, position: 'top', formatter: 'msd:nl:1:%' } },
    { type: 'bar', name: 'met verblijf', data: [1.5, 1.25, 1.1], label: { show: true, position: 'top', formatter: 'msd:nl:1:%' } },
  ],
};
/** A line chart: its series is clipped to the grid, so it brings ids of its own. */
const LINE = {
  aria: { enabled: true, label: { enabled: true, description: 'Wmo-cliënten van 2020 tot 2023.' } },
  xAxis: { type: 'category', data: ['2020', '2021', '2022', '2023'] },
  yAxis: { type: 'value', axisLabel: { formatter: 'msd:nla:0:' } },
  series: [{ type: 'line', name: 'Wmo-cliënten', data: [1200, 1500, 1400, 1800] }],
};
const MAP = { series: [{ type: 'map', map: 'drechtsteden', data: [] }] };

/** A page's preview as the Rust side asks for it: the PNG download's spec (src/core/present/image.rs). */
const SPEC = {
  titel: 'Jongeren in jeugdzorg', ondertitel: 'Cijfers: 2023 · Drechtsteden',
  voet: ['Bron: CBS, Jeugdmonitor', 'Licentie: CC BY 4.0 – vermeld: Monitor Sociaal Domein'],
  breedte: 960, grafiekhoogte: 320, optie: BARS,
};
const chart = (id, option, extra = {}) => ({ id, option: JSON.stringify(option), width: 343, height: 320, ...extra });
const CHARTS = {
  charts: [chart('g1', BARS, { class: 'smal' }), chart('g2', LINE)],
  images: [{ file: 'og/drechtsteden-jeugd.png', option: JSON.stringify({ ...BARS, backgroundColor: '#ffffff' }), width: 1200, height: 630 },
    { file: 'drechtsteden/og/jeugd.png', spec: JSON.stringify(SPEC) }],
};
const page = (body) => `<!DOCTYPE html>\n<html lang="nl"><body>\n${body}\n</body></html>\n`;
const figure = (id) => `<figure role="img" aria-label="grafiek"><!--msd-svg:${id}--></figure>`;

/** A site in a new temporary folder: home (bars and line), a theme page (bars again). */
function makeSite(charts = CHARTS) {
  const dir = mkdtempSync(join(tmpdir(), 'msd-bake-'));
  mkdirSync(join(dir, 'thema', 'jeugd'), { recursive: true });
  mkdirSync(join(dir, 'echarts'));
  writeFileSync(join(dir, 'index.html'), page(`${figure('g1')}\n${figure('g2')}`));
  writeFileSync(join(dir, 'thema', 'jeugd', 'index.html'), page(figure('g1')));
  // The ECharts bundle folder is never baked, whatever it holds.
  writeFileSync(join(dir, 'echarts', 'demo.html'), page(figure('nergens')));
  writeFileSync(join(dir, 'charts.json'), JSON.stringify(charts));
  return dir;
}

const read = (dir, file) => readFileSync(join(dir, file), 'utf8');
const svgs = (html) => html.match(/<svg[\s\S]*?<\/svg>/g) || [];
const texts = (svg) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

test('placeholders become inline SVG with the bars, Dutch labels and no style', () => {
  const dir = makeSite();
  try {
    const summary = bakeSvg({ site: dir, charts: join(dir, 'charts.json') });
    assert.equal(summary.charts, 2, 'each chart is rendered once');
    assert.equal(summary.placeholders, 3);
    assert.equal(summary.files, 2);
    assert.equal(summary.pngs, 2);
    const home = read(dir, 'index.html');
    const theme = read(dir, 'thema/jeugd/index.html');
    assert.doesNotMatch(home + theme, /msd-svg:/, 'no placeholder left');
    assert.match(read(dir, 'echarts/demo.html'), /<!--msd-svg:nergens-->/, 'echarts/ is skipped');
    const [bars, line] = svgs(home);
    assert.equal(svgs(home).length, 2);
    assert.equal(svgs(theme)[0], bars, 'the same chart gives the same SVG on every page');
    for (const [i, color] of COLORS.entries()) {
      const n = bars.match(new RegExp(`<path [^>]*fill="${color}"`, 'g'))?.length ?? 0;
      assert.equal(n, AREAS.length + 1, `series ${i}: a bar per area and the legend's icon`);
    }
    assert.match(line, /<path d="M[^"]*L[^"]*L[^"]*L[^"]*" fill="none"[^>]* stroke="#5470c6"/, 'the line is drawn');
    const labels = texts(bars);
    for (const t of ['12,5%', '8,0%', '10,3%', '1,3%', '2,5%', '7,5%', '0%']) assert.ok(labels.includes(t), `label ${t} in ${labels.join(' | ')}`);
    assert.ok(texts(line).includes('1.500'), 'thousands with a point');
    for (const html of [home, theme]) {
      assert.doesNotMatch(html, /\sstyle=/i, 'no style attribute');
      assert.doesNotMatch(html, /<style/i, 'no style element');
    }
    assert.match(bars, /<text [^>]*font-size="12px"[^>]* font-family="sans-serif"/, 'fonts as presentation attributes');
    assert.match(bars, /^<svg width="343" height="320" [^>]*viewBox="0 0 343 320" aria-hidden="true" focusable="false" class="gebakken-svg smal">/);
    assert.match(line, /^<svg [^>]*aria-hidden="true" focusable="false" class="gebakken-svg">/, 'the marker class without one given');
    assert.doesNotMatch(home, /ecmeta_|zr\d+-/, 'no trace of the ECharts instance');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('ids are unique on a page and every reference points at one of them', () => {
  const dir = makeSite();
  try {
    bakeSvg({ site: dir, charts: join(dir, 'charts.json') });
    const home = read(dir, 'index.html');
    const ids = [...home.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    assert.ok(ids.some((id) => id.startsWith('g1-')), 'the decal patterns of the bar chart');
    assert.ok(ids.some((id) => id.startsWith('g2-')), 'the clip path of the line chart');
    assert.equal(new Set(ids).size, ids.length, `duplicate ids: ${ids.join(' ')}`);
    const refs = [...home.matchAll(/url\(#([^)]+)\)|href="#([^"]+)"/g)].map((m) => m[1] || m[2]);
    assert.ok(refs.length > 0);
    for (const r of refs) assert.ok(ids.includes(r), `reference to a missing id: ${r}`);
    for (const svg of svgs(home)) {
      const own = svg.match(/class="gebakken-svg smal"/) ? 'g1-' : 'g2-';
      for (const m of svg.matchAll(/url\(#([^)]+)\)/g)) assert.ok(m[1].startsWith(own), 'a chart only points into itself');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the same input gives the same bytes', () => {
  const a = makeSite();
  const b = makeSite();
  try {
    bakeSvg({ site: a, charts: join(a, 'charts.json') });
    // Another order of charts and an extra chart drawn first: the ids do not move.
    const shuffled = { ...CHARTS, charts: [chart('g0', LINE), ...[...CHARTS.charts].reverse()] };
    writeFileSync(join(b, 'extra.html'), page(figure('g0')));
    bakeSvg({ site: b, charts: shuffled });
    assert.equal(read(a, 'index.html'), read(b, 'index.html'));
    assert.ok(readFileSync(join(a, 'og/drechtsteden-jeugd.png')).equals(readFileSync(join(b, 'og/drechtsteden-jeugd.png'))));
  } finally {
    rmSync(a, { recursive: true, force: true });
    rmSync(b, { recursive: true, force: true });
  }
});

test('a transparent background is left out, a coloured one is drawn', () => {
  const dir = makeSite({ charts: [chart('g1', BARS), chart('g2', { ...LINE, backgroundColor: '#f3f3f3' })] });
  try {
    bakeSvg({ site: dir, charts: join(dir, 'charts.json') });
    const [bars, line] = svgs(read(dir, 'index.html'));
    assert.doesNotMatch(bars, /<rect width="343" height="320"/);
    assert.match(line, /<rect width="343" height="320" x="0" y="0" fill="#f3f3f3"\/>/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the Open Graph images are PNGs of 1200 × 630, from an option or a download spec', () => {
  const dir = makeSite();
  try {
    bakeSvg({ site: dir, charts: join(dir, 'charts.json') });
    for (const file of ['og/drechtsteden-jeugd.png', 'drechtsteden/og/jeugd.png']) {
      const png = readFileSync(join(dir, file));
      assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], `${file}: PNG signature`);
      assert.equal(png.toString('latin1', 12, 16), 'IHDR');
      assert.equal(png.readUInt32BE(16), 1200, file);
      assert.equal(png.readUInt32BE(20), 630, file);
      assert.ok(png.length > 5000, `${file}: a drawing, not an empty picture (${png.length} bytes)`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a missing chart fails, naming the file and the chart, and nothing is written', () => {
  const dir = makeSite();
  try {
    writeFileSync(join(dir, 'thema', 'wmo.html'), page(figure('g9')));
    const before = read(dir, 'index.html');
    assert.throws(() => bakeSvg({ site: dir, charts: join(dir, 'charts.json') }), (e) => {
      assert.match(e.message, /thema\/wmo\.html: chart g9 has no chart/);
      return true;
    });
    assert.equal(read(dir, 'index.html'), before, 'no page half baked');
    const cli = spawnSync(process.execPath, [SCRIPT, dir, join(dir, 'charts.json')], { encoding: 'utf8' });
    assert.equal(cli.status, 1);
    assert.match(cli.stderr, /thema\/wmo\.html: chart g9/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a map is refused with a reason', () => {
  const dir = makeSite({ charts: [chart('g1', BARS), chart('g2', MAP)] });
  try {
    assert.throws(() => bakeSvg({ site: dir, charts: join(dir, 'charts.json') }), /index\.html: chart g2 failed to render: maps are not baked/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the same chart twice on one page still gives every id once', () => {
  const dir = makeSite();
  try {
    writeFileSync(join(dir, 'dubbel.html'), page(`${figure('g1')}\n${figure('g1')}`));
    bakeSvg({ site: dir, charts: join(dir, 'charts.json') });
    const html = read(dir, 'dubbel.html');
    const [a, b] = svgs(html);
    assert.ok(a && b, 'both drawn');
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    assert.ok(ids.length >= 2);
    assert.equal(new Set(ids).size, ids.length, `duplicate ids: ${ids.join(' ')}`);
    for (const m of b.matchAll(/url\(#([^)]+)\)/g)) assert.ok(m[1].startsWith('g1--2-'), `the second copy points into itself: ${m[1]}`);
    assert.equal(b.replaceAll('g1--2-', 'g1-'), a, 'otherwise the same drawing');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the CLI prints one summary line', () => {
  const dir = makeSite();
  try {
    cpSync(join(dir, 'charts.json'), join(dir, 'kopie.json'));
    const cli = spawnSync(process.execPath, [SCRIPT, dir, join(dir, 'kopie.json')], { encoding: 'utf8' });
    assert.equal(cli.status, 0, cli.stderr);
    assert.match(cli.stdout, /^bake-svg: 2 charts, 3 placeholders replaced in 2 files, 2 PNGs, [\d.]+ KiB SVG, [\d.]+ s\n$/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('style declarations become presentation attributes; what has none is dropped', () => {
  const attrs = { fill: '#000', style: 'font: italic bold 14px/16px "Liberation Sans", sans-serif; cursor: pointer; fill: #333;' };
  styleToAttributes(attrs);
  assert.deepEqual(attrs, {
    fill: '#333', 'font-size': '14px', 'font-family': '"Liberation Sans", sans-serif', 'font-style': 'italic', 'font-weight': 'bold',
  });
});
