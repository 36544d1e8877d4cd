// ECharts options for the board report's five charts (issue 6). Pure data in,
// plain JSON-able option out: no formatter functions, so an option can cross a
// worker boundary and render the same in the app (canvas or SVG) and on the
// server (SSR SVG → PNG for the workbook). Every label is written here with the
// report's own formatter, so the images and the page print the same text.
import { firstYear } from '../model/ramps';
import type { EChartsOption } from 'echarts';
import type { ModelInputs } from '../model/inputs';
import type { ModelResult } from '../index';
import { INCREMENTAL_MARGIN_FLOOR } from '../index';
import { formatFigure, money, percent, points } from './format';
import { bowtieShape } from './bowtie';
import { textWidth, wrapText } from './text-width';
import { placeLtvLabels } from './ltv-labels';

export const PALETTE = {
  ink: '#1d2733',
  muted: '#5b6675',
  grid: '#e3e7ee',
  navy: '#1f3a5f',
  teal: '#17877b',
  copper: '#c0712f',
  red: '#b83a2e',
  green: '#2f7d4f',
  sky: '#6f9bd1',
};

export const CHART_FONT = "'Helvetica Neue', Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif";

export type ChartId = 'bowtie' | 'waterfall' | 'nrrDecomposition' | 'laneMix' | 'ltvCurve';

/**
 * Default size of each chart on the printed page (CSS px at 96 dpi, A4 portrait),
 * and of its workbook image. Charts with a row per lane grow with the lanes:
 * a ChartSpec carries its own height.
 */
export const CHART_SIZES: Record<ChartId, { width: number; height: number }> = {
  bowtie: { width: 718, height: 170 },
  waterfall: { width: 718, height: 180 },
  nrrDecomposition: { width: 354, height: 196 },
  laneMix: { width: 354, height: 150 },
  ltvCurve: { width: 354, height: 158 },
};

export interface ChartSpec {
  id: ChartId;
  /** the title the page prints above the chart, and the image's name in the workbook */
  title: string;
  option: EChartsOption;
  width: number;
  height: number;
}

const spec = (id: ChartId, title: string, option: EChartsOption, height = CHART_SIZES[id].height): ChartSpec =>
  ({ id, title, option, width: CHART_SIZES[id].width, height });

/** Lanes a chart shows one by one; past this the smallest are summed as "Other lanes". */
export const MAX_CHART_LANES = 4;

/** The lanes as the charts show them: the largest MAX_CHART_LANES − 1 by `size`, then the rest summed, when there are more than MAX_CHART_LANES. */
export function chartLanes(names: readonly string[], values: readonly number[], size: readonly number[] = values): { name: string; value: number }[] {
  const all = names.map((name, i) => ({ name, value: values[i] ?? 0, size: size[i] ?? 0, i }));
  if (all.length <= MAX_CHART_LANES) return all.map(({ name, value }) => ({ name, value }));
  const keep = [...all].sort((a, b) => b.size - a.size || a.i - b.i).slice(0, MAX_CHART_LANES - 1).sort((a, b) => a.i - b.i);
  const rest = all.filter((l) => !keep.includes(l));
  return [...keep.map(({ name, value }) => ({ name, value })), { name: `Other lanes (${rest.length})`, value: rest.reduce((a, l) => a + l.value, 0) }];
}

const TITLE_SIZE = 13;
const SUB_SIZE = 10;
const titleLines = (title: string, width: number) => wrapText(title, width - 16, TITLE_SIZE, 2, true);
const subLines = (subtitle: string, width: number) => (subtitle ? wrapText(subtitle, width - 16, SUB_SIZE, 3) : []);

/** Title and subtitle wrapped to the chart's width (ECharts does not wrap them). */
const base = (title: string, subtitle: string, width: number): EChartsOption => ({
  animation: false,
  backgroundColor: '#ffffff',
  textStyle: { fontFamily: CHART_FONT, color: PALETTE.ink },
  title: {
    text: titleLines(title, width).join('\n'), subtext: subLines(subtitle, width).join('\n'), left: 8, top: 4, itemGap: 3,
    textStyle: { fontSize: TITLE_SIZE, lineHeight: 16, fontWeight: 'bold', color: PALETTE.ink, fontFamily: CHART_FONT },
    subtextStyle: { fontSize: SUB_SIZE, lineHeight: 13, color: PALETTE.muted, fontFamily: CHART_FONT },
  },
});

/** Where the plot can start below the title block. */
const headTop = (title: string, subtitle: string, width: number): number =>
  4 + titleLines(title, width).length * 16 + (subtitle ? 3 + subLines(subtitle, width).length * 13 : 0) + 8;

/** Width of the widest line of text, for margins ECharts' own estimate would get wrong. */
const widest = (texts: readonly string[], size: number, bold = false): number =>
  Math.max(0, ...texts.flatMap((t) => t.split('\n')).map((t) => textWidth(t, size, bold)));

const axisText = { color: PALETTE.muted, fontSize: 10, fontFamily: CHART_FONT };
const axisName = { color: PALETTE.muted, fontSize: 9.5, fontFamily: CHART_FONT };
/** A bar label: at least 9 px, so nothing on the printed page is smaller than 9 pt's neighbourhood. */
const valueLabel = (text: string, position: 'top' | 'right', color: string = PALETTE.ink, bold = false) =>
  ({ show: true, position, formatter: text, color, fontSize: 10, fontWeight: bold ? 'bold' as const : 'normal' as const, fontFamily: CHART_FONT });

/** A chart that has nothing to show says why rather than drawing empty axes. */
function emptyChart(title: string, why: string, width: number): EChartsOption {
  return {
    ...base(title, '', width),
    graphic: [{ type: 'text', left: 'center', top: 'middle', style: { text: why, fill: PALETTE.muted, fontSize: 13, fontFamily: CHART_FONT } }],
  };
}

// ---- the bowtie ----------------------------------------------------------------

/**
 * The bowtie to scale, as bars centred on one line (figures from bowtieShape):
 * the left funnel's widths are proportional to the volumes needed for year 1's
 * new logos; the right side, on its own scale where closed-won is 100%, shows
 * the share of closed customers reaching each stage and then the expected ARR
 * per closed customer at each renewal against closed-won ACV.
 */
export function bowtieChart(inputs: ModelInputs, r: ModelResult<number>): ChartSpec {
  const title = 'The bowtie: from first touch to expansion';
  const shape = bowtieShape(inputs, r);
  type Bar = { name: string; width: number; label: string; color: string };
  const bars: Bar[] = [
    ...shape.left.map((b) => ({ name: b.name, width: b.width, label: b.text, color: b.kind === 'won' ? PALETTE.copper : PALETTE.navy })),
    { name: 'All closed', width: shape.knot.width, label: '100%', color: PALETTE.copper },
    ...shape.right.map((b) => ({
      name: b.name, width: b.width, label: b.text,
      color: b.kind === 'stage' ? PALETTE.teal : (b.value ?? 0) >= 1 ? PALETTE.green : PALETTE.red,
    })),
  ];
  const { width } = CHART_SIZES.bowtie;
  const slot = (width - 8) / bars.length;
  const names = bars.map((b) => wrapText(b.name, slot - 2, 9, 3).join('\n'));
  const lines = Math.max(1, ...names.map((x) => x.split('\n').length));
  const renewals = shape.right.filter((b) => b.kind === 'renewal').length;
  const subtitle = `Left, to scale: volume needed for ${formatFigure(shape.won, 'count')} new logos in year 1. ` +
    `Right (all closed = 100%): share reaching each stage` +
    (renewals ? ', then ARR per closed customer at each renewal ÷ ACV.' : '.');
  const top = headTop(title, subtitle, width) + 14;
  const plotH = 68;
  return spec('bowtie', title, {
    ...base(title, subtitle, width),
    grid: { left: 4, right: 4, top, bottom: 8 + lines * 11, containLabel: false },
    xAxis: {
      type: 'category', data: names, axisTick: { show: false }, axisLine: { show: false },
      axisLabel: { ...axisText, interval: 0, fontSize: 9, lineHeight: 11, overflow: 'none' },
    },
    yAxis: { type: 'value', min: 0, max: 1, show: false },
    series: [
      { type: 'bar', stack: 'b', silent: true, itemStyle: { color: 'transparent' }, data: bars.map((b) => (1 - b.width) / 2), barCategoryGap: '8%' },
      {
        type: 'bar', stack: 'b', barCategoryGap: '8%',
        data: bars.map((b) => ({ value: Math.max(b.width, 0.004), itemStyle: { color: b.color }, label: valueLabel(b.label, 'top', PALETTE.ink, true) })),
      },
    ],
  }, top + plotH + 8 + lines * 11);
}

// ---- waterfalls ------------------------------------------------------------------

interface Step { name: string; value: number; kind: 'total' | 'up' | 'down'; label: string }

/** Stacked bars with an invisible base: totals from zero, changes floating at the running total. */
function waterfall(steps: Step[], labelPosition: 'top' | 'right' | null): object[] {
  const helper: number[] = [];
  const visible: { value: number; itemStyle: { color: string }; label: object }[] = [];
  let running = 0;
  for (const s of steps) {
    const color = s.kind === 'total' ? PALETTE.navy : s.kind === 'up' ? PALETTE.teal : PALETTE.red;
    if (s.kind === 'total') { helper.push(0); running = s.value; }
    else if (s.kind === 'up') { helper.push(running); running += s.value; }
    else { running -= s.value; helper.push(running); }
    visible.push({ value: s.value, itemStyle: { color }, label: labelPosition ? valueLabel(s.label, labelPosition) : { show: false } });
  }
  return [
    { type: 'bar', stack: 'w', silent: true, itemStyle: { color: 'transparent' }, data: helper },
    { type: 'bar', stack: 'w', data: visible, barCategoryGap: '28%' },
  ];
}

/** A loss printed as a loss: ($975K); nothing lost prints $0, never "−$0". */
const loss = (x: number, fmt: (v: number) => string) => fmt(-x);
const gain = (x: number, fmt: (v: number) => string) => { const t = fmt(x); return /[1-9]/.test(t) ? `+${t}` : t; };

/** Year-2 ARR: opening → churn → contraction → each expansion source → new logos → closing. */
export function waterfallChart(inputs: ModelInputs, r: ModelResult<number>): ChartSpec {
  const title = 'Year-2 ARR bridge';
  const y = r.annual[1];
  if (!y) return spec('waterfall', title, emptyChart(title, 'Needs at least 24 months modelled', CHART_SIZES.waterfall.width));
  const cur = inputs.general.currency;
  const m = (x: number) => money(x, cur);
  const lanes = chartLanes(inputs.lanes.map((l) => l.name), y.lanes);
  const steps: Step[] = [
    { name: 'Opening ARR', value: y.opening, kind: 'total', label: m(y.opening) },
    { name: 'Churn', value: y.churn, kind: 'down', label: loss(y.churn, m) },
    { name: 'Contraction', value: y.contraction, kind: 'down', label: loss(y.contraction, m) },
    ...lanes.map((l) => ({ name: l.name, value: l.value, kind: 'up' as const, label: gain(l.value, m) })),
    { name: 'Seat / tier growth', value: y.seat, kind: 'up', label: gain(y.seat, m) },
    { name: 'Price increase', value: y.price, kind: 'up', label: gain(y.price, m) },
    { name: 'New logos', value: y.newLogo, kind: 'up', label: gain(y.newLogo, m) },
    { name: 'Closing ARR', value: y.closing, kind: 'total', label: m(y.closing) },
  ];
  const existing = y.lanes.reduce((a, b) => a + b, 0) + y.seat + y.price;
  const { width } = CHART_SIZES.waterfall;
  const sub = `From ${m(y.opening)} to ${m(y.closing)}: ${m(y.churn + y.contraction)} lost, ${m(existing)} added by existing customers, ${m(y.newLogo)} from new logos`;
  // A money axis from zero, so the bars' heights are comparable; its unit in its name.
  let run = 0, peak = 1;
  for (const s of steps) { run = s.kind === 'total' ? s.value : s.kind === 'up' ? run + s.value : run; peak = Math.max(peak, run); }
  const [unit, suffix] = axisUnit(peak, cur);
  const { max, interval } = niceTicks((peak * 1.2) / unit);
  const left = 14 + widest([String(max), String(max - interval)], 10);
  const slot = (width - left - 8) / steps.length;
  const names = steps.map((s) => wrapText(s.name, slot - 4, 9, 3).join('\n'));
  const lines = Math.max(1, ...names.map((x) => x.split('\n').length));
  const top = headTop(title, sub, width) + 14;
  const plotH = 68;
  return spec('waterfall', title, {
    ...base(title, sub, width),
    grid: { left, right: 8, top, bottom: 8 + lines * 11, containLabel: false },
    xAxis: {
      type: 'category', data: names, axisTick: { show: false },
      axisLabel: { ...axisText, interval: 0, fontSize: 9, lineHeight: 11, overflow: 'none' },
    },
    yAxis: {
      type: 'value', min: 0, max, interval, name: `ARR, ${suffix}`, nameTextStyle: { ...axisName, align: 'left' }, nameGap: 6,
      splitLine: { lineStyle: { color: PALETTE.grid } }, axisLabel: { ...axisText, formatter: '{value}' },
    },
    series: (waterfall(steps.map((s) => ({ ...s, value: s.value / unit })), 'top')),
  }, top + plotH + 8 + lines * 11);
}

/** Axis ticks in thousands or millions, named once in the axis title. */
function axisUnit(top: number, currency: string): [number, string] {
  const sym = currencySign(currency);
  return top >= 2e6 ? [1e6, `${sym}M`] : top >= 2e3 ? [1e3, `${sym}K`] : [1, sym];
}
const currencySign = (c: string) => formatFigure(0, 'money', c).replace(/0$/, '').trim();
/** Two or three round intervals (1, 2 or 5 × a power of ten) reaching at least x. */
function niceTicks(x: number): { max: number; interval: number } {
  if (!(x > 0)) return { max: 1, interval: 0.5 };
  const p = 10 ** Math.floor(Math.log10(x / 3));
  const interval = ([1, 2, 5, 10].find((k) => k * p >= x / 3) ?? 10) * p;
  return { max: Math.ceil(x / interval - 1e-9) * interval, interval };
}

/**
 * Year-2 NRR from 100%: − churn − contraction + each expansion source = NRR
 * (spec §4). Horizontal; the figures sit in their own column on the right, so
 * they never run into the bars, each other or the 100% line.
 */
export function nrrDecompositionChart(inputs: ModelInputs, r: ModelResult<number>): ChartSpec {
  const title = 'Year-2 NRR, decomposed';
  const y = r.annual[1];
  const d = y?.decomposition;
  if (!y || !d || y.nrr === null) return spec('nrrDecomposition', title, emptyChart(title, y ? 'No customers at the start of year 2' : 'Needs at least 24 months modelled', CHART_SIZES.nrrDecomposition.width));
  const lanes = chartLanes(inputs.lanes.map((l) => l.name), d.lanes);
  const steps: Step[] = [
    { name: 'Opening ARR', value: 1, kind: 'total', label: '100%' },
    { name: 'Churn', value: d.churn, kind: 'down', label: points(-d.churn) },
    { name: 'Contraction', value: d.contraction, kind: 'down', label: points(-d.contraction) },
    ...lanes.map((l) => ({ name: l.name, value: l.value, kind: 'up' as const, label: points(l.value) })),
    { name: 'Seat / tier growth', value: d.seat, kind: 'up', label: points(d.seat) },
    { name: 'Price increase', value: d.price, kind: 'up', label: points(d.price) },
    { name: 'NRR', value: y.nrr, kind: 'total', label: percent(y.nrr) },
  ];
  const series = waterfall(steps, null) as Record<string, unknown>[];
  // The 100% line: right of it the existing base grows on its own.
  series[1]!.markLine = { silent: true, symbol: 'none', lineStyle: { color: PALETTE.muted, type: 'dashed' }, label: { show: false }, data: [{ xAxis: 1 }] };
  const { width } = CHART_SIZES.nrrDecomposition;
  // Names whole: as wide as the bars (at least 100 px of plot) and the figures allow, on a second line
  // only when that is not enough (every row then grows to two lines), never cut short in one.
  const figuresW = 14 + widest(steps.map((s) => s.label), 10, true);
  const nameW = Math.min(180, CHART_SIZES.nrrDecomposition.width - figuresW - 14 - 100);
  const names = steps.map((s) => wrapText(s.name, nameW, 10, 2).join('\n'));
  const rowH = names.some((n) => n.includes('\n')) ? 24 : 13;
  const sub = `Points of opening ARR; dashed line: 100%`;
  const top = headTop(title, sub, width);
  const height = top + steps.length * rowH + 24;
  return spec('nrrDecomposition', title, {
    ...base(title, sub, width),
    grid: { left: 14 + widest(names, 10), right: figuresW, top, bottom: 24, containLabel: false },
    yAxis: [
      { type: 'category', inverse: true, data: names, axisTick: { show: false }, axisLabel: { ...axisText, interval: 0, overflow: 'none', lineHeight: 11 } },
      {
        type: 'category', inverse: true, position: 'right', data: steps.map((s) => s.label), axisTick: { show: false }, axisLine: { show: false },
        axisLabel: { ...axisText, color: PALETTE.ink, interval: 0, fontWeight: 'bold' },
      },
    ],
    xAxis: {
      type: 'value', min: 0, max: Math.ceil(Math.max(1.05, y.nrr + 0.05) * 10) / 10, splitNumber: 2,
      name: '% of opening ARR', nameLocation: 'middle', nameGap: 10, nameTextStyle: axisName,
      axisLabel: { show: false }, splitLine: { show: false },
    },
    series: series,
  }, height);
}

// ---- lanes ------------------------------------------------------------------------

/**
 * Two panels on the same lanes: ARR at the last year end (with its share of all
 * ARR), and gross margin against the 15% incremental-margin floor. A lane
 * under the floor is red in both and says so.
 */
export function laneMixChart(inputs: ModelInputs, r: ModelResult<number>): ChartSpec {
  const title = 'Expansion lanes: ARR and margin';
  if (r.lanes.length === 0) return spec('laneMix', title, emptyChart(title, 'No expansion lanes in this model', CHART_SIZES.laneMix.width));
  const cur = inputs.general.currency;
  const floor = INCREMENTAL_MARGIN_FLOOR;
  const { width } = CHART_SIZES.laneMix;
  const rowH = 24;
  const names = r.lanes.map((l) => wrapText(l.name, 110, 10, 2).join('\n'));
  const sub = `ARR and share of all ARR; margin red under the ${percent(floor, 0)} floor`;
  const head = headTop(title, sub, width);
  const top = head + 16;
  const height = Math.max(CHART_SIZES.laneMix.height, top + r.lanes.length * rowH + 10);
  const arrLabels = r.lanes.map((l) => `${money(l.arrEnd, cur)} · ${percent(l.share)}`);
  // Margin is a column of figures on the right (red under the floor), not a second
  // set of bars: at half a page there is no room for two bar panels and their labels.
  const marginLabels = r.lanes.map((l) => (l.belowMarginFloor ? `${percent(l.grossMargin, 0)} under floor` : percent(l.grossMargin, 0)));
  const left = 12 + widest(names, 10);
  const right = 12 + Math.max(widest(marginLabels, 10, true), textWidth('Margin', 10));
  const plotW = width - left - right;
  const labelW = widest(arrLabels, 10, true) + 8;
  const maxArr = Math.max(...r.lanes.map((l) => l.arrEnd), 1);
  const xMax = maxArr * plotW / Math.max(1, plotW - labelW);
  const small = { fontSize: 10, color: PALETTE.muted, fontWeight: 'normal' as const, fontFamily: CHART_FONT };
  return spec('laneMix', title, {
    ...base(title, sub, width),
    title: [
      (base(title, sub, width).title as object),
      { text: `ARR, end of year ${r.years}`, left, top: head, textStyle: small },
      { text: 'Margin', right: 8, top: head, textStyle: small },
    ],
    grid: { left, right, top, height: r.lanes.length * rowH, containLabel: false },
    yAxis: [
      { type: 'category', inverse: true, data: names, axisTick: { show: false }, axisLabel: { ...axisText, lineHeight: 11, overflow: 'none', interval: 0 } },
      {
        type: 'category', inverse: true, position: 'right', axisTick: { show: false }, axisLine: { show: false },
        data: r.lanes.map((l, i) => ({ value: marginLabels[i]!, textStyle: { color: l.belowMarginFloor ? PALETTE.red : PALETTE.ink, fontWeight: 'bold' } })),
        axisLabel: { ...axisText, interval: 0, fontWeight: 'bold', margin: 12 },
      },
    ],
    xAxis: { type: 'value', min: 0, max: xMax, show: false },
    series: [
      {
        type: 'bar', barMaxWidth: 16,
        data: r.lanes.map((l, i) => ({
          value: l.arrEnd,
          itemStyle: { color: l.belowMarginFloor ? PALETTE.red : PALETTE.teal },
          label: valueLabel(arrLabels[i]!, 'right', PALETTE.ink, true),
        })),
      },
    ],
  }, height);
}

// ---- cohort LTV ----------------------------------------------------------------------

/** Cumulative revenue of one new customer by month since close, against its CAC. */
export function ltvCurveChart(inputs: ModelInputs, r: ModelResult<number>): ChartSpec {
  const title = 'Cohort LTV: revenue per customer';
  const cur = inputs.general.currency;
  const cac = firstYear(inputs.acquisition.cacPerCustomer);
  const curve = r.ltvCurve;
  const last = curve[curve.length - 1] ?? 0;
  const yearMarks = curve.map((_, a) => a + 1).filter((m) => m % 12 === 0);
  // ECharts' option must stay plain data (no formatter functions), so the axis is
  // drawn in thousands or millions and names its unit once.
  const top = Math.max(last, cac, 1);
  const [unit, suffix] = axisUnit(top, cur);
  const scaled = curve.map((v) => v / unit);
  const step = curve.length <= 48 ? 12 : 24;
  const { width } = CHART_SIZES.ltvCurve;
  const sub = `${money(last, cur)} of revenue over ${inputs.general.ltvYears} year${inputs.general.ltvYears === 1 ? '' : 's'}, against a CAC of ${money(cac, cur)}`;
  const { max, interval } = niceTicks((top * 1.3) / unit);
  const plotTop = headTop(title, sub, width) + 14;
  const markLabels = yearMarks.map((mo) => money(curve[mo - 1], cur));
  const grid = { left: 14 + widest([String(max), String(max - interval)], 10), right: 10 + widest(markLabels.slice(-1), 10, true) / 2, top: plotTop, bottom: 32 };
  // The plot's geometry, as ECharts lays it out from the grid above, so the labels can be placed clear of every line.
  const plot = { x0: grid.left, x1: width - grid.right, y0: plotTop, y1: CHART_SIZES.ltvCurve.height - grid.bottom };
  const px = (month: number) => plot.x0 + (month / curve.length) * (plot.x1 - plot.x0);
  const py = (v: number) => plot.y1 - (v / max) * (plot.y1 - plot.y0);
  const place = placeLtvLabels({
    plot, fontSize: 10, symbolSize: 7,
    curve: scaled.map((v, a) => [px(a + 1), py(v)] as const),
    grid: Array.from({ length: Math.round(max / interval) + 1 }, (_, k) => py(k * interval)),
    marks: yearMarks.map((mo, i) => ({ x: px(mo), y: py(scaled[mo - 1]!), text: markLabels[i]! })),
    cacY: cac > 0 ? py(cac / unit) : null, cacText: `CAC ${money(cac, cur)}`,
  });
  return spec('ltvCurve', title, {
    ...base(title, sub, width),
    grid: { ...grid, containLabel: false },
    xAxis: {
      type: 'value', min: 0, max: curve.length, interval: step,
      name: 'months since close', nameLocation: 'middle', nameGap: 20, nameTextStyle: axisName,
      axisLabel: { ...axisText }, axisTick: { show: false }, splitLine: { show: false },
    },
    yAxis: {
      type: 'value', min: 0, max, interval, splitLine: { lineStyle: { color: PALETTE.grid } },
      name: `revenue, ${suffix}`, nameTextStyle: { ...axisName, align: 'left' }, nameGap: 6,
      axisLabel: { ...axisText, formatter: '{value}' },
    },
    series: [
      {
        type: 'line', data: scaled.map((v, a) => [a + 1, v]), symbol: 'none', lineStyle: { color: PALETTE.teal, width: 2.5 },
        areaStyle: { color: 'rgba(23,135,123,0.10)' },
        markPoint: {
          symbol: 'circle', symbolSize: 7, itemStyle: { color: PALETTE.teal },
          label: { position: 'top', color: PALETTE.ink, fontSize: 10, fontWeight: 'bold', fontFamily: CHART_FONT },
          data: yearMarks.map((mo, i) => ({ name: `Year ${mo / 12}`, coord: [mo, scaled[mo - 1]!], value: scaled[mo - 1]!, label: { formatter: markLabels[i]!, ...place.marks[i]! } })),
        },
        markLine: cac > 0 ? {
          silent: true, symbol: 'none', lineStyle: { color: PALETTE.copper, type: 'dashed', width: 1.5 },
          // beside the line where it meets neither the curve, a gridline nor a year mark (ltv-labels.ts)
          label: {
            formatter: `CAC ${money(cac, cur)}`, color: PALETTE.copper, fontSize: 10, position: place.cac,
            ...(place.cacOnWhite ? { backgroundColor: '#ffffff', padding: [0, 4] } : {}),
          },
          data: [{ yAxis: cac / unit }],
        } : undefined,
      },
    ],
  });
}

/** The charts the Board Report page shows; the lane mix is in the workbook, and on the page the lane table says it in less room. */
export const BOARD_PAGE_CHARTS: readonly ChartId[] = ['bowtie', 'waterfall', 'nrrDecomposition', 'ltvCurve'];

export function boardCharts(inputs: ModelInputs, r: ModelResult<number>): ChartSpec[] {
  return [bowtieChart(inputs, r), waterfallChart(inputs, r), nrrDecompositionChart(inputs, r), laneMixChart(inputs, r), ltvCurveChart(inputs, r)];
}
