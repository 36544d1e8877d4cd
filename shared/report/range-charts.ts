// The Ranges view's two charts as ECharts options, built where they are drawn
// (the chart worker: their formatters are functions, which cannot cross a
// postMessage; sheet-charts.ts): the fan chart of monthly ARR (P10–P90 band, P50
// line, the exact base case dashed) and the histogram of one output.
import type { EChartsOption } from 'echarts';
import { monthLabel } from '../core/compute';
import type { ModelInputs } from '../model/inputs';
import { CHART_FONT, PALETTE } from './charts';
import { formatFigure, type FigureFormat } from './format';
import type { Histogram } from './range-outcomes';

const axisText = { color: PALETTE.muted, fontSize: 10, fontFamily: CHART_FONT };
const dash = (x: number | null | undefined): number | '-' => (x === null || x === undefined || !Number.isFinite(x) ? '-' : x);

export function fanChartOption(inputs: ModelInputs, arr: { p10: (number | null)[]; p50: (number | null)[]; p90: (number | null)[] }, base: readonly number[] | null): EChartsOption {
  const currency = inputs.general.currency;
  const months = arr.p50.map((_, t) => monthLabel(inputs.general.startMonth, t));
  const money = (x: number) => formatFigure(x, 'money', currency);
  const band = arr.p90.map((hi, t) => { const lo = arr.p10[t]; return hi === null || lo === null || lo === undefined ? '-' : hi - lo; });
  return {
    textStyle: { fontFamily: CHART_FONT },
    grid: { left: 64, right: 16, top: 28, bottom: 36 },
    legend: { top: 0, left: 0, itemWidth: 14, itemHeight: 8, textStyle: { ...axisText, fontSize: 11 }, data: ['P10 – P90', 'P50', 'Base case'] },
    tooltip: {
      trigger: 'axis',
      formatter: (params: unknown) => {
        const t = (params as { dataIndex: number }[])[0]?.dataIndex ?? 0;
        const row = (name: string, x: number | null | undefined) => `${name}: ${x === null || x === undefined ? '—' : money(x)}`;
        return [months[t], row('P90', arr.p90[t]), row('P50', arr.p50[t]), row('P10', arr.p10[t]), ...(base ? [row('Base case', base[t])] : [])].join('<br/>');
      },
    },
    xAxis: { type: 'category', data: months, boundaryGap: false, axisLabel: { ...axisText, interval: Math.max(0, Math.ceil(months.length / 12) - 1) }, axisLine: { lineStyle: { color: PALETTE.grid } } },
    yAxis: { type: 'value', axisLabel: { ...axisText, formatter: (x: number) => money(x) }, splitLine: { lineStyle: { color: PALETTE.grid } } },
    series: [
      { name: 'P10', type: 'line', stack: 'band', data: arr.p10.map(dash), symbol: 'none', lineStyle: { opacity: 0 }, silent: true },
      { name: 'P10 – P90', type: 'line', stack: 'band', data: band, symbol: 'none', lineStyle: { opacity: 0 }, areaStyle: { color: PALETTE.teal, opacity: 0.22 }, itemStyle: { color: PALETTE.teal } },
      { name: 'P50', type: 'line', data: arr.p50.map(dash), symbol: 'none', lineStyle: { color: PALETTE.navy, width: 2 }, itemStyle: { color: PALETTE.navy } },
      ...(base ? [{ name: 'Base case', type: 'line' as const, data: base.map(dash), symbol: 'none', lineStyle: { color: PALETTE.copper, width: 1.5, type: 'dashed' as const }, itemStyle: { color: PALETTE.copper } }] : []),
    ],
  };
}

export function histogramOption(h: Histogram, format: FigureFormat, currency: string, base: number | null): EChartsOption {
  const show = (x: number) => formatFigure(x, format, currency);
  const mids = h.counts.map((_, i) => (h.edges[i]! + h.edges[i + 1]!) / 2);
  const baseBin = base === null ? -1 : h.counts.findIndex((_, i) => base >= h.edges[i]! && (base < h.edges[i + 1]! || i === h.counts.length - 1));
  return {
    textStyle: { fontFamily: CHART_FONT },
    grid: { left: 44, right: 12, top: 12, bottom: 40 },
    tooltip: { trigger: 'axis', formatter: (params: unknown) => { const i = (params as { dataIndex: number }[])[0]?.dataIndex ?? 0; return `${show(h.edges[i]!)} to ${show(h.edges[i + 1]!)}: ${h.counts[i]} samples`; } },
    xAxis: { type: 'category', data: mids.map(show), axisLabel: { ...axisText, interval: Math.max(0, Math.ceil(mids.length / 6) - 1) } },
    yAxis: { type: 'value', name: 'samples', nameTextStyle: axisText, axisLabel: axisText, splitLine: { lineStyle: { color: PALETTE.grid } } },
    series: [{
      type: 'bar', barCategoryGap: '8%',
      data: h.counts.map((c, i) => ({ value: c, itemStyle: { color: i === baseBin ? PALETTE.copper : PALETTE.teal } })),
    }],
  };
}
