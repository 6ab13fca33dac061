// Printing: every chart on the page is redrawn at the width of the paper before the browser
// prints (a canvas keeps the width it was drawn at, so a chart drawn for a 1280 px screen was cut
// at the right edge of A4), and at the screen's width again afterwards. The print stylesheet
// (style/main.css) keeps the source directly under the chart and adds the address and date.

/** The printable width of A4 with 15 mm margins, in CSS pixels (180 mm at 96 dpi). */
export const PRINT_WIDTH = 680;

/** Resizes the charts in `live` (a Set of ECharts instances) around printing. */
export function watchPrint(live) {
  const toPaper = () => {
    for (const chart of live) {
      if (chart.isDisposed()) continue;
      const width = chart.getDom().clientWidth;
      if (width > PRINT_WIDTH) chart.resize({ width: PRINT_WIDTH, animation: { duration: 0 } });
    }
  };
  const toScreen = () => {
    for (const chart of live) if (!chart.isDisposed()) chart.resize({ width: 'auto', animation: { duration: 0 } });
  };
  window.addEventListener('beforeprint', toPaper);
  window.addEventListener('afterprint', toScreen);
  // Browsers that do not send beforeprint for every print path do change this media query.
  const media = window.matchMedia ? window.matchMedia('print') : null;
  if (media && media.addEventListener) media.addEventListener('change', (e) => (e.matches ? toPaper() : toScreen()));
}
