// The dark embed's colour mapping (scripts/echarts-dark.js, issue 21): every text colour an
// option sets reaches 4,5:1 on the dark background, lines and outlines 3:1, bar colours stay.
// The browser half reads the drawn option (tests/browser/chart-craft.test.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lightenForDark, contrast, DARK_BACKGROUND } from '../../scripts/echarts-dark.js';

test('text colours of a chart option reach 4,5:1 on the dark embed', () => {
  const option = {
    yAxis: { type: 'category', data: [
      { value: 'Zwijndrecht', textStyle: { fontWeight: 'bold', color: '#000000' } },
      { value: 'Nederland', textStyle: { fontStyle: 'italic', color: '#4a4a4a' } }] },
    series: [{ type: 'bar', itemStyle: { color: '#42145f' }, data: [
      { value: 0, itemStyle: { color: 'rgba(0,0,0,0)', borderColor: '#595959' }, label: { formatter: 'geheim', color: '#4a4a4a' } },
      { value: 3, itemStyle: { borderColor: '#000000', borderWidth: 2 } }],
      markLine: { lineStyle: { color: '#000000', type: 'dashed' }, label: { color: '#1a1a1a' } } }],
  };
  lightenForDark(option);
  const texts = [option.yAxis.data[0].textStyle.color, option.yAxis.data[1].textStyle.color,
    option.series[0].data[0].label.color, option.series[0].markLine.label.color];
  for (const c of texts) assert.ok(contrast(c, DARK_BACKGROUND) >= 4.5, c);
  assert.equal(option.yAxis.data[0].textStyle.color, '#ffffff', 'the chosen gemeente stays the brightest');
  for (const c of [option.series[0].data[0].itemStyle.borderColor, option.series[0].data[1].itemStyle.borderColor,
    option.series[0].markLine.lineStyle.color]) assert.ok(contrast(c, DARK_BACKGROUND) >= 3, c);
  assert.equal(option.series[0].itemStyle.color, '#42145f', 'bar colours carry the legend and stay');
});

test('the contrast of black on the dark background is what the issue measured', () => {
  assert.ok(Math.abs(contrast('#000000', DARK_BACKGROUND) - 1.1) < 0.05);
});
