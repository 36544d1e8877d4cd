import { describe, expect, it } from 'vitest';
import { computeModel, defaultInputs } from '@shared/index';
import { boardCharts, CHART_SIZES, money, PALETTE, percent, waterfallChart, nrrDecompositionChart, laneMixChart } from '@shared/report/index';
import { renderChartSvg } from '@shared/report/draw';
import { g1 } from '../../support/models';

type Series = { data: (number | { value: number; label?: { formatter?: string }; itemStyle?: { color: string } })[] }[];
const valuesOf = (s: Series[number]) => s.data.map((d) => (typeof d === 'number' ? d : d.value));
const labelsOf = (s: Series[number]) => s.data.map((d) => (typeof d === 'number' ? '' : d.label?.formatter ?? ''));

describe('board charts', () => {
  it('the year-2 waterfall walks from opening to closing ARR with the core’s flows', () => {
    const m = defaultInputs();
    const r = computeModel(m);
    const y = r.annual[1]!;
    const series = waterfallChart(m, r).option.series as Series;
    // drawn in $M, the axis's unit
    const [helper, bars] = [valuesOf(series[0]!).map((v) => v * 1e6), valuesOf(series[1]!).map((v) => v * 1e6)];
    const want = [y.opening, y.churn, y.contraction, ...y.lanes, y.seat, y.price, y.newLogo, y.closing];
    bars.forEach((b, i) => expect(b).toBeCloseTo(want[i]!, 4));
    // Each floating bar starts where the running total left off, and the last step lands on closing ARR.
    const top = helper.map((h, i) => h + bars[i]!);
    expect(top[top.length - 2]).toBeCloseTo(y.closing, 4);
    expect(helper[1]).toBeCloseTo(y.opening - y.churn, 4);
    expect(labelsOf(series[1]!)[0]).toBe(money(y.opening));
  });

  it('the NRR decomposition sums to the core’s NRR (G1: 85% kept + 19.2 pts expansion = 104.2%)', () => {
    const m = g1();
    const r = computeModel(m);
    const series = nrrDecompositionChart(m, r).option.series as Series;
    const bars = valuesOf(series[1]!);
    const d = r.annual[1]!.decomposition!;
    expect(bars).toEqual([1, d.churn, d.contraction, ...d.lanes, d.seat, d.price, r.annual[1]!.nrr]);
    expect(1 - d.churn - d.contraction + d.lanes.reduce((a, b) => a + b, 0) + d.seat + d.price).toBeCloseTo(r.annual[1]!.nrr!, 12);
    // the figures are a column of their own on the right, NRR last
    const figures = (nrrDecompositionChart(m, r).option.yAxis as { data: string[] }[])[1]!.data;
    expect(figures.at(-1)).toBe(percent(r.annual[1]!.nrr));
    expect(figures[1]).toBe(`(${(d.churn * 100).toFixed(1)} pts)`);
  });

  it('the lane mix paints a lane under the 15% floor red and says so', () => {
    const m = defaultInputs();
    m.lanes[1]!.grossMargin = 0.1;
    const option = laneMixChart(m, computeModel(m)).option;
    const margins = (option.yAxis as { data: { value: string; textStyle: { color: string } }[] }[])[1]!.data;
    expect(margins.map((x) => x.value)).toEqual(['60%', '10% under floor', '30%']);
    expect(margins[1]!.textStyle.color).toBe(PALETTE.red);
    expect(((option.series as Series)[0]!.data[1] as { itemStyle?: { color: string } }).itemStyle!.color).toBe(PALETTE.red);
  });

  it('every chart renders to SVG without a DOM, titled, at its page size', () => {
    const m = defaultInputs();
    for (const c of boardCharts(m, computeModel(m))) {
      const { width, height } = c;
      expect(width).toBe(CHART_SIZES[c.id].width);
      const svg = renderChartSvg(c.option, width, height);
      expect(svg.startsWith('<svg')).toBe(true);
      expect(svg).toContain(`width="${width}"`);
      expect(svg).toContain(c.title.replace('&', '&amp;').split(':')[0]);
    }
  });

  it('charts that need year 2 say so on a one-year model instead of drawing empty axes', () => {
    const m = defaultInputs();
    m.general.horizonMonths = 12;
    const svg = renderChartSvg(waterfallChart(m, computeModel(m)).option, 400, 200);
    expect(svg).toContain('Needs at least 24 months');
  });

  it('options are plain data, so they can cross a worker boundary', () => {
    const m = defaultInputs();
    for (const c of boardCharts(m, computeModel(m))) expect(structuredClone(c.option)).toEqual(c.option);
  });
});
