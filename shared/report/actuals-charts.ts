// The Actuals sheet's charts (issue 14): the monthly bridge as stacked bars
// (inflows up, outflows down) with closing ARR as a line, trailing-12 NRR, GRR
// and logo retention as lines, and the cohort heat map (ARR by months since
// start as a share of the cohort's starting ARR, ChartMogul style). Labels come
// from the one formatter (format.ts) and the report's palette.
//
// The bridge and retention charts are drawn to SVG off the main thread (the
// app's chart worker, ECharts SSR), so the page never runs ECharts for them;
// the heat map is laid out here and painted on a canvas. What a pointer over a
// chart reads out is worked out here from the same layout (`*Hover`).
import type { EChartsOption } from 'echarts';
import type { ActualsSheet } from '../workbook/types';
import { CHART_FONT, PALETTE } from './charts';
import { money, percent } from './format';

const text = { fontFamily: CHART_FONT, color: PALETTE.ink, fontSize: 11 };
const axisLabel = { fontFamily: CHART_FONT, color: PALETTE.muted, fontSize: 10 };
const splitLine = { lineStyle: { color: PALETTE.grid } };

/** The plot area's margins in px, as given to ECharts: hover geometry uses the same numbers. */
export interface PlotMargins { left: number; right: number; top: number; bottom: number }
export const BRIDGE_GRID: PlotMargins = { left: 70, right: 70, top: 34, bottom: 28 };
export const RETENTION_GRID: PlotMargins = { left: 56, right: 20, top: 34, bottom: 28 };
export const COHORT_GRID: PlotMargins = { left: 70, right: 80, top: 10, bottom: 36 };

/** The charts drawn by ECharts (SSR, in the chart worker); the heat map is drawn from `cohortHeatLayout`. */
export type ActualsChartName = 'bridge' | 'retention';

export function bridgeChart(a: ActualsSheet, currency: string): EChartsOption {
  const neg = (xs: number[]) => xs.map((x) => (x === 0 ? 0 : -x));
  const bar = (name: string, data: number[], color: string, stack: string) => ({ name, type: 'bar' as const, stack, data, itemStyle: { color }, barMaxWidth: 18 });
  return {
    textStyle: text,
    grid: BRIDGE_GRID,
    legend: { top: 0, textStyle: text, itemWidth: 12, itemHeight: 8 },
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
    grid: RETENTION_GRID,
    legend: { top: 0, textStyle: text, itemWidth: 12, itemHeight: 8 },
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

const cohortAges = (a: ActualsSheet) => Math.max(0, ...a.cohorts.map((c) => c.arr.length));

/** The heat map's height in px: 12 px a cohort, within 160–520. */
export const cohortChartHeight = (a: ActualsSheet) => Math.min(520, Math.max(160, 46 + a.cohorts.length * 12));

/** The heat map's colour scale, low to high share of starting ARR (ChartMogul style: warm below, teal to navy above). */
export const COHORT_COLOURS = ['#f7e3d7', '#f3f0e6', '#d7ebe6', '#7fbfb4', PALETTE.teal, PALETTE.navy];

const rgb = (hex: string) => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
const COLOUR_STOPS = COHORT_COLOURS.map(rgb);

/** A share's colour (r, g, b): linear between the scale's evenly spaced stops, 0 to `max` (as ECharts' continuous visual map). */
export function cohortColour(share: number, max: number): [number, number, number] {
  const t = Math.min(1, Math.max(0, max > 0 ? share / max : 0)) * (COLOUR_STOPS.length - 1);
  const i = Math.min(COLOUR_STOPS.length - 2, Math.floor(t));
  const f = t - i;
  const [a, b] = [COLOUR_STOPS[i]!, COLOUR_STOPS[i + 1]!];
  return [0, 1, 2].map((k) => Math.round(a[k]! + (b[k]! - a[k]!) * f)) as [number, number, number];
}

export interface HeatMapLayout {
  plot: { x: number; y: number; width: number; height: number };
  /** months since start across, cohorts down */
  grid: { cols: number; rows: number };
  /** the cells with a share (a cohort that started at 0 ARR has none) */
  cells: { col: number; row: number; share: number; rgb: [number, number, number] }[];
  /** labels: x, y and text; `align` for the horizontal anchor */
  labels: { x: number; y: number; text: string; align: 'left' | 'center' | 'right' }[];
  legend: { x: number; y: number; width: number; height: number; max: string; min: string };
  max: number;
}

/**
 * The cohort heat map laid out for a `width` × `height` px box: one cell per
 * cohort (rows, oldest at the top) and month since start (columns). Drawn on a
 * canvas in the app (thousands of cells: an SVG or chart library per mark held
 * the page for 100–200 ms), read out by `cohortHover` from the same bands.
 */
export function cohortHeatLayout(a: ActualsSheet, width: number, height: number): HeatMapLayout {
  const rows = cohortShares(a);
  const ages = cohortAges(a);
  const max = Math.max(1.2, ...rows.flatMap((r) => r.shares.filter((s): s is number => s !== null)));
  const g = COHORT_GRID;
  const plot = { x: g.left, y: g.top, width: Math.max(0, width - g.left - g.right), height: Math.max(0, height - g.top - g.bottom) };
  const cw = ages > 0 ? plot.width / ages : 0;
  const ch = rows.length > 0 ? plot.height / rows.length : 0;
  const cells: HeatMapLayout['cells'] = [];
  rows.forEach((r, row) => r.shares.forEach((share, col) => {
    if (share !== null) cells.push({ col, row, share, rgb: cohortColour(share, max) });
  }));
  const labels: HeatMapLayout['labels'] = [];
  // Every other cohort is labelled past 30 rows, so labels never overlap; ages every 6 months.
  const rowStep = rows.length > 30 ? 2 : 1;
  rows.forEach((r, y) => { if (y % rowStep === 0) labels.push({ x: plot.x - 6, y: plot.y + (y + 0.5) * ch, text: r.start, align: 'right' }); });
  for (let x = 0; x < ages; x += 6) labels.push({ x: plot.x + (x + 0.5) * cw, y: plot.y + plot.height + 10, text: String(x), align: 'center' });
  labels.push({ x: plot.x + plot.width / 2, y: plot.y + plot.height + 26, text: 'Months since start', align: 'center' });
  const legendHeight = Math.min(140, plot.height - 30);
  return {
    plot, grid: { cols: ages, rows: rows.length }, cells, labels, max,
    legend: { x: width - 26, y: plot.y + (plot.height - legendHeight) / 2, width: 14, height: legendHeight, max: percent(max, 0), min: '0%' },
  };
}

export function actualsChart(name: ActualsChartName, a: ActualsSheet, currency: string): EChartsOption {
  return name === 'bridge' ? bridgeChart(a, currency) : retentionChart(a);
}

/**
 * Which band of `count` equal category bands a coordinate falls in along a plot
 * `from`..`to` px (ECharts' category axis with its default boundary gap), or null outside.
 */
export function bandAt(pos: number, from: number, to: number, count: number): number | null {
  if (count <= 0 || to <= from || pos < from || pos >= to) return null;
  return Math.min(count - 1, Math.floor(((pos - from) / (to - from)) * count));
}

/** A rectangle in the chart's px: what the pointer is over, outlined on screen. */
export interface HoverMark { x: number; y: number; width: number; height: number }

/**
 * The band of the month under the pointer on the bridge or retention chart
 * (the whole plot's height), or null outside the plot.
 */
export function monthMark(a: ActualsSheet, chart: 'bridge' | 'retention', x: number, y: number, width: number, height: number): HoverMark | null {
  const m = chart === 'bridge' ? BRIDGE_GRID : RETENTION_GRID;
  const t = monthAt(a, m, x, y, width, height);
  if (t === null) return null;
  const band = (width - m.left - m.right) / a.months.length;
  return { x: m.left + t * band, y: m.top, width: band, height: height - m.top - m.bottom };
}

/** The heat map's cell under the pointer, or null where there is no cell. */
export function cohortMark(a: ActualsSheet, x: number, y: number, width: number, height: number): HoverMark | null {
  const cell = cohortCellAt(a, x, y, width, height);
  if (!cell) return null;
  const cw = (width - COHORT_GRID.left - COHORT_GRID.right) / cohortAges(a);
  const ch = (height - COHORT_GRID.top - COHORT_GRID.bottom) / a.cohorts.length;
  return { x: COHORT_GRID.left + cell.col * cw, y: COHORT_GRID.top + cell.row * ch, width: cw, height: ch };
}

/** The heat map cell (cohort row, month column) under the pointer, if it has a share. */
function cohortCellAt(a: ActualsSheet, x: number, y: number, width: number, height: number): { row: number; col: number } | null {
  const col = bandAt(x, COHORT_GRID.left, width - COHORT_GRID.right, cohortAges(a));
  const row = bandAt(y, COHORT_GRID.top, height - COHORT_GRID.bottom, a.cohorts.length);
  if (col === null || row === null) return null;
  const c = a.cohorts[row]!;
  return col < c.arr.length && c.arr[0]! > 0 ? { row, col } : null;
}

const monthAt = (a: ActualsSheet, m: PlotMargins, x: number, y: number, width: number, height: number) =>
  y < m.top || y > height - m.bottom ? null : bandAt(x, m.left, width - m.right, a.months.length);

/** What the pointer at (x, y) px over the bridge chart reads: that month's flows and closing ARR. */
export function bridgeHover(a: ActualsSheet, currency: string, x: number, y: number, width: number, height: number): string[] | null {
  const t = monthAt(a, BRIDGE_GRID, x, y, width, height);
  if (t === null) return null;
  const m = (v: number) => money(v, currency);
  return [a.months[t]!, `New ${m(a.new[t]!)}`, `Reactivation ${m(a.reactivation[t]!)}`, `Expansion ${m(a.expansion[t]!)}`,
    `Contraction ${m(-a.contraction[t]!)}`, `Churn ${m(-a.churn[t]!)}`, `Closing ARR ${m(a.closing[t]!)}`];
}

/** The retention chart's read-out: that month's trailing-12 figures ("—" before the 13th month). */
export function retentionHover(a: ActualsSheet, x: number, y: number, width: number, height: number): string[] | null {
  const t = monthAt(a, RETENTION_GRID, x, y, width, height);
  if (t === null) return null;
  const p = (v: number | null | undefined) => (v === null || v === undefined ? '—' : percent(v));
  return [a.months[t]!, `NRR ${p(a.nrr12[t])}`, `GRR ${p(a.grr12[t])}`, `Logo retention ${p(a.logoRetention12[t])}`];
}

/** The heat map's read-out: one cohort at one age, as a share of its starting ARR. */
export function cohortHover(a: ActualsSheet, x: number, y: number, width: number, height: number): string[] | null {
  const cell = cohortCellAt(a, x, y, width, height);
  if (!cell) return null;
  const c = a.cohorts[cell.row]!;
  return [`Cohort ${c.start} (${c.customers.toLocaleString('en-US')} customers)`, `Month ${cell.col}: ${percent(c.arr[cell.col]! / c.arr[0]!)} of its starting ARR`];
}
