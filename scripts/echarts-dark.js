// Colours of a chart option made readable in a dark embed (issue 21). Loaded by the binding
// (scripts/echarts-entry.js) only when an embed is drawn for a reader who prefers dark, so the
// first bundle does not carry it.

/** The dark embed's background (style/main.css, `--msd-color-background`). */
export const DARK_BACKGROUND = '#0d1117';

/** WCAG contrast ratio of two `#rrggbb` colours. */
export function contrast(a, b) {
  const lum = (hex) => {
    const [r, g, bl] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255)
      .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** Where an option sets the colour of a text (a label, an axis label, a category's textStyle). */
const TEXT_KEYS = new Set(['textStyle', 'label', 'axisLabel', 'nameTextStyle', 'subtextStyle']);
/** Where it sets the colour of a line or outline (the 100 % line, the chosen gemeente's border). */
const LINE_KEYS = new Set(['lineStyle', 'itemStyle']);

/**
 * The option's own text colours made light for the dark embed (issue 21): the Rust side writes
 * colours for a white page ("#000000" for the chosen gemeente, "#4a4a4a" for Nederland and
 * *geheim*), which are 1,1:1 and 2:1 on #0d1117. A text colour under 4,5:1 becomes white (black)
 * or light grey (the greys, still told apart from the theme's #b9b8ce by weight and style); a
 * line or outline under 3:1 light grey. Bar colours stay: they carry the legend.
 */
export function lightenForDark(node, depth = 0, within = null) {
  if (depth > 20 || node === null || typeof node !== 'object') return node;
  if (depth === 0 && node.tooltip && typeof node.tooltip === 'object') {
    // A dark tooltip with light text (ECharts' own is white with #666 text).
    Object.assign(node.tooltip, { backgroundColor: '#161b22', borderColor: '#8b949e', textStyle: { color: '#e6edf3' } });
  }
  for (const key of Object.keys(node)) {
    const v = node[key];
    if (v !== null && typeof v === 'object') {
      lightenForDark(v, depth + 1, TEXT_KEYS.has(key) ? 'text' : LINE_KEYS.has(key) ? key : within);
    } else if (typeof v === 'string' && /^#[0-9a-f]{6}$/i.test(v) && within) {
      const text = within === 'text' && key === 'color';
      const line = (within === 'lineStyle' && key === 'color') || (within === 'itemStyle' && key === 'borderColor');
      if (text && contrast(v, DARK_BACKGROUND) < 4.5) node[key] = v.toLowerCase() === '#000000' ? '#ffffff' : '#c9d1d9';
      else if (line && contrast(v, DARK_BACKGROUND) < 3) node[key] = '#c9d1d9';
    }
  }
  return node;
}
