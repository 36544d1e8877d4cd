// ECharts options for the Actuals sheet: the monthly bridge as stacked bars
// (inflows up, outflows down) with closing ARR as a line, trailing-12 NRR, GRR
// and logo retention as lines, and the cohort heat map (ARR by months since
// start as a share of the cohort's starting ARR, ChartMogul style). Labels come
// from the one formatter (shared/report/format.ts) and the report's palette.
import type { EChartsOption } from 'echarts';
import { CHART_FONT, PALETTE, money, percent } from '../../../../shared/report/index';
import type { ActualsSheet } from '../../../../shared/workbook/index';

const text = { fontFamily: CHART_FONT, color: PALETTE.ink, fontSize: 11 };
const axisLabel = { fontFamily: CHART_FONT, color: PALETTE.muted, fontSize: 10 };
const splitLine = { lineStyle: { color: PALETTE.grid } };

export function bridgeChart(a: ActualsSheet, currency: string): EChartsOption {
  const neg = (xs: number[]) => xs.map((x) => (x === 0 ? 0 : -x));
  const bar = (name: string, data: number[], color: string, stack: string) => ({ name, type: 'bar' as const, stack, data, itemStyle: { color }, barMaxWidth: 18 });
  return {
    textStyle: text,
    grid: { left: 70, right: 70, top: 34, bottom: 28 },
    legend: { top: 0, textStyle: text, itemWidth: 12, itemHeight: 8 },
    tooltip: { trigger: 'axis', valueFormatter: (v) => money(Number(v), currency) },
    xAxis: { type: 'category', data: a.months, axisLabel },
    yAxis: [
      { type: 'value', name: 'Flows', nameTextStyle: axisLabel, axisLabel: { ...axisLabel, formatter: (v: number) => money(v, currency) }, splitLine },
      { type: 'value', name: 'Closing ARR', nameTextStyle: axisLabel, axisLabel: { ...axisLabel, formatter: (v: number) => money(v, currency) }, splitLine: { show: false } },
    ],
    series: [
      bar('New', a.new, PALETTE.navy, 'in'),
      bar('Reactivation', a.reactivation, PALETTE.sky, 'in'),
      bar('Expansion', a.expansion, PALETTE.teal, 'in'),
      bar('Contraction', neg(a.contraction), PALETTE.copper, 'out'),
      bar('Churn', neg(a.churn), PALETTE.red, 'out'),
      { name: 'Closing ARR', type: 'line', yAxisIndex: 1, data: a.closing, symbol: 'none', lineStyle: { color: PALETTE.ink, width: 2 }, itemStyle: { color: PALETTE.ink } },
    ],
  };
}

export function retentionChart(a: ActualsSheet): EChartsOption {
  const line = (name: string, data: (number | null)[], color: string) => ({ name, type: 'line' as const, data, symbol: 'none', connectNulls: false, lineStyle: { color, width: 2 }, itemStyle: { color } });
  return {
    textStyle: text,
    grid: { left: 56, right: 20, top: 34, bottom: 28 },
    legend: { top: 0, textStyle: text, itemWidth: 12, itemHeight: 8 },
    tooltip: { trigger: 'axis', valueFormatter: (v) => (v === null || v === undefined ? '—' : percent(Number(v))) },
    xAxis: { type: 'category', data: a.months, axisLabel },
    // Scaled to the figures (not from 0), on ECharts' own round ticks: the lines' moves stay readable.
    yAxis: { type: 'value', scale: true, axisLabel: { ...axisLabel, formatter: (v: number) => percent(v, 0) }, splitLine },
    series: [line('NRR', a.nrr12, PALETTE.navy), line('GRR', a.grr12, PALETTE.teal), line('Logo retention', a.logoRetention12, PALETTE.copper)],
  };
}

/** Each cohort's ARR by months since its start ÷ its starting ARR; a cohort that started at 0 ARR has no shares. */
export function cohortShares(a: ActualsSheet): { start: string; customers: number; shares: (number | null)[] }[] {
  return a.cohorts.map((c) => ({ start: c.start, customers: c.customers, shares: c.arr.map((v) => (c.arr[0]! > 0 ? v / c.arr[0]! : null)) }));
}

export function cohortHeatMap(a: ActualsSheet): EChartsOption {
  const rows = cohortShares(a);
  const ages = Math.max(0, ...rows.map((r) => r.shares.length));
  const data: [number, number, number][] = [];
  rows.forEach((r, y) => r.shares.forEach((s, x) => { if (s !== null) data.push([x, y, s]); }));
  const max = Math.max(1.2, ...data.map((d) => d[2]));
  return {
    textStyle: text,
    grid: { left: 70, right: 80, top: 10, bottom: 36 },
    tooltip: { formatter: (p) => { const [x, y, v] = (p as unknown as { value: [number, number, number] }).value; return `Cohort ${rows[y]!.start} (${rows[y]!.customers} customers), month ${x}: ${percent(v)} of its starting ARR`; } },
    xAxis: { type: 'category', name: 'Months since start', nameLocation: 'middle', nameGap: 22, nameTextStyle: axisLabel, data: Array.from({ length: ages }, (_, i) => String(i)), axisLabel, splitArea: { show: false } },
    // Every other cohort is labelled past 30 rows, so labels never overlap.
    yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.start), axisLabel: { ...axisLabel, interval: rows.length > 30 ? 1 : 0 } },
    visualMap: {
      min: 0, max, calculable: false, orient: 'vertical', right: 0, top: 'middle', itemHeight: 140, textStyle: axisLabel,
      text: [percent(max, 0), '0%'],
      inRange: { color: ['#f7e3d7', '#f3f0e6', '#d7ebe6', '#7fbfb4', PALETTE.teal, PALETTE.navy] },
    },
    series: [{ type: 'heatmap', data, itemStyle: { borderColor: '#fff', borderWidth: 0.5 }, emphasis: { itemStyle: { borderColor: PALETTE.ink, borderWidth: 1 } } }],
  };
}
