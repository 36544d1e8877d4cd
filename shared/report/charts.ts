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
import { formatFigure, money, percent } from './format';

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

/** Size of each chart on the printed page (CSS px at 96 dpi, A4 portrait), and of its workbook image. */
export const CHART_SIZES: Record<ChartId, { width: number; height: number }> = {
  bowtie: { width: 718, height: 136 },
  waterfall: { width: 718, height: 150 },
  nrrDecomposition: { width: 354, height: 166 },
  laneMix: { width: 354, height: 166 },
  ltvCurve: { width: 354, height: 142 },
};

export interface ChartSpec {
  id: ChartId;
  /** the title the page prints above the chart, and the image's name in the workbook */
  title: string;
  option: EChartsOption;
}

const base = (title: string, subtitle: string): EChartsOption => ({
  animation: false,
  backgroundColor: '#ffffff',
  textStyle: { fontFamily: CHART_FONT, color: PALETTE.ink },
  title: {
    text: title, subtext: subtitle, left: 8, top: 4, itemGap: 4,
    textStyle: { fontSize: 14, fontWeight: 'bold', color: PALETTE.ink, fontFamily: CHART_FONT },
    subtextStyle: { fontSize: 10.5, lineHeight: 14, color: PALETTE.muted, fontFamily: CHART_FONT },
  },
});

const axisText = { color: PALETTE.muted, fontSize: 10, fontFamily: CHART_FONT };

/** A chart that has nothing to show says why rather than drawing empty axes. */
function emptyChart(title: string, why: string): EChartsOption {
  return {
    ...base(title, ''),
    graphic: [{ type: 'text', left: 'center', top: 'middle', style: { text: why, fill: PALETTE.muted, fontSize: 13, fontFamily: CHART_FONT } }],
  };
}

// ---- the bowtie ----------------------------------------------------------------

/**
 * The bowtie drawn left to right as bars centred on one line: the left funnel
 * (volume needed at each stage for year-1's new logos, on a log scale so a 40×
 * funnel still fits) narrows to the knot at closed-won; the right side shows the
 * share of a cohort reaching each post-sale stage and, last, the ARR it keeps
 * and grows in year 2 (NRR) — wider than the knot only when NRR is above 100%.
 */
export function bowtieChart(inputs: ModelInputs, r: ModelResult<number>): ChartSpec {
  const title = 'The bowtie: from first touch to expansion';
  const won = inputs.acquisition.newCustomersByYear[0] ?? 0;
  const KNOT = 0.42;
  const left = r.funnel.map((s) => ({ name: s.name, volume: s.volume }));
  const maxVol = Math.max(won, ...left.map((s) => s.volume ?? 0));
  const logW = (v: number | null) => {
    if (v === null || v <= 0 || won <= 0 || maxVol <= won) return KNOT;
    return KNOT + (1 - KNOT) * (Math.log(v / won) / Math.log(maxVol / won));
  };
  const p = r.journey.segmentProbability;
  const nrr2 = r.annual[1]?.nrr ?? null;
  // The right side follows one path, so each bar is a subset of the one before:
  // seed 000's compounding stages, ending with adopters who renew (adopter share ×
  // the renewal rate; the seed's 50.6%). Non-adopters who still renew are in the
  // subtitle's all-logo figure, the core's full-journey retention.
  const adoptedRenewed = p.adopter * firstYear(inputs.journey.renewal.rate);
  type Bar = { name: string; width: number; label: string; color: string };
  const bars: Bar[] = [
    ...left.map((s) => ({ name: s.name, width: logW(s.volume), label: s.volume === null ? '—' : formatFigure(Math.round(s.volume), 'count'), color: PALETTE.navy })),
    { name: 'Closed-won', width: KNOT, label: formatFigure(won, 'count'), color: PALETTE.copper },
    { name: 'Onboarded', width: KNOT * (1 - p.failedOnboarding), label: percent(1 - p.failedOnboarding), color: PALETTE.teal },
    { name: 'First value', width: KNOT * (p.failedAdoption + p.adopter), label: percent(p.failedAdoption + p.adopter), color: PALETTE.teal },
    { name: 'Adopted', width: KNOT * p.adopter, label: percent(p.adopter), color: PALETTE.teal },
    { name: 'Adopted and renewed', width: KNOT * adoptedRenewed, label: percent(adoptedRenewed), color: PALETTE.teal },
  ];
  if (nrr2 !== null) bars.push({ name: 'NRR, year 2', width: Math.min(1, KNOT * nrr2), label: percent(nrr2), color: nrr2 >= 1 ? PALETTE.green : PALETTE.red });
  // One line: the all-logo renewal figure (non-adopters included) is on the retention tile.
  const subtitle = `Left: volume needed for ${formatFigure(won, 'count')} new logos in year 1.  ` +
    `Right: share of new customers reaching each stage${nrr2 === null ? '' : ', then year-2 NRR'}.`;
  return {
    id: 'bowtie', title,
    option: {
      ...base(title, subtitle),
      grid: { left: 8, right: 8, top: 54, bottom: 4, containLabel: true },
      xAxis: { type: 'category', data: bars.map((b) => b.name), axisTick: { show: false }, axisLine: { show: false }, axisLabel: { ...axisText, interval: 0, width: 64, overflow: 'break', fontSize: 9.5 } },
      yAxis: { type: 'value', min: 0, max: 1.12, show: false },
      series: [
        { type: 'bar', stack: 'b', silent: true, itemStyle: { color: 'transparent' }, data: bars.map((b) => (1 - b.width) / 2), barCategoryGap: '6%' },
        {
          type: 'bar', stack: 'b', barCategoryGap: '6%',
          data: bars.map((b) => ({ value: b.width, itemStyle: { color: b.color }, label: { show: true, position: 'top', formatter: b.label, color: PALETTE.ink, fontSize: 11, fontWeight: 'bold', fontFamily: CHART_FONT } })),
        },
      ],
    },
  };
}

// ---- waterfalls ------------------------------------------------------------------

interface Step { name: string; value: number; kind: 'total' | 'up' | 'down'; label: string }

/** Stacked bars with an invisible base: totals from zero, changes floating at the running total. */
function waterfall(steps: Step[], labelPosition: 'top' | 'right'): object[] {
  const helper: number[] = [];
  const visible: { value: number; itemStyle: { color: string }; label: object }[] = [];
  let running = 0;
  for (const s of steps) {
    const color = s.kind === 'total' ? PALETTE.navy : s.kind === 'up' ? PALETTE.teal : PALETTE.red;
    if (s.kind === 'total') { helper.push(0); running = s.value; }
    else if (s.kind === 'up') { helper.push(running); running += s.value; }
    else { running -= s.value; helper.push(running); }
    visible.push({ value: s.value, itemStyle: { color }, label: { show: true, position: labelPosition, formatter: s.label, color: PALETTE.ink, fontSize: 10, fontFamily: CHART_FONT } });
  }
  return [
    { type: 'bar', stack: 'w', silent: true, itemStyle: { color: 'transparent' }, data: helper },
    { type: 'bar', stack: 'w', data: visible, barCategoryGap: '28%' },
  ];
}

/** Year-2 ARR: opening → churn → contraction → each expansion source → new logos → closing. */
export function waterfallChart(inputs: ModelInputs, r: ModelResult<number>): ChartSpec {
  const title = 'Year-2 ARR bridge';
  const y = r.annual[1];
  if (!y) return { id: 'waterfall', title, option: emptyChart(title, 'Needs at least 24 months modelled') };
  const cur = inputs.general.currency;
  const m = (x: number) => money(x, cur);
  const steps: Step[] = [
    { name: 'Opening ARR', value: y.opening, kind: 'total', label: m(y.opening) },
    { name: 'Churn', value: y.churn, kind: 'down', label: `−${m(y.churn)}` },
    { name: 'Contraction', value: y.contraction, kind: 'down', label: `−${m(y.contraction)}` },
    ...inputs.lanes.map((l, i) => ({ name: l.name, value: y.lanes[i] ?? 0, kind: 'up' as const, label: `+${m(y.lanes[i] ?? 0)}` })),
    { name: 'Seat / tier growth', value: y.seat, kind: 'up', label: `+${m(y.seat)}` },
    { name: 'Price increase', value: y.price, kind: 'up', label: `+${m(y.price)}` },
    { name: 'New logos', value: y.newLogo, kind: 'up', label: `+${m(y.newLogo)}` },
    { name: 'Closing ARR', value: y.closing, kind: 'total', label: m(y.closing) },
  ];
  const existing = y.lanes.reduce((a, b) => a + b, 0) + y.seat + y.price;
  return {
    id: 'waterfall', title,
    option: {
      ...base(title, `From ${m(y.opening)} to ${m(y.closing)}: ${m(y.churn + y.contraction)} lost, ${m(existing)} added by existing customers, ${m(y.newLogo)} from new logos`),
      grid: { left: 8, right: 8, top: 56, bottom: 4, containLabel: true },
      xAxis: { type: 'category', data: steps.map((s) => s.name), axisTick: { show: false }, axisLabel: { ...axisText, interval: 0, width: 66, overflow: 'break', fontSize: 9, lineHeight: 11 } },
      yAxis: { type: 'value', show: false },
      series: waterfall(steps, 'top') as EChartsOption['series'],
    },
  };
}

/** Year-2 NRR from 100%: − churn − contraction + each expansion source = NRR (spec §4). Horizontal, so long lane names fit at half width. */
export function nrrDecompositionChart(inputs: ModelInputs, r: ModelResult<number>): ChartSpec {
  const title = 'Year-2 NRR, decomposed';
  const y = r.annual[1];
  const d = y?.decomposition;
  if (!y || !d || y.nrr === null) return { id: 'nrrDecomposition', title, option: emptyChart(title, y ? 'No customers at the start of year 2' : 'Needs at least 24 months modelled') };
  const pts = (x: number) => `${(x * 100).toFixed(1)} pts`;
  const steps: Step[] = [
    { name: 'Opening ARR', value: 1, kind: 'total', label: '100%' },
    { name: 'Churn', value: d.churn, kind: 'down', label: `−${pts(d.churn)}` },
    { name: 'Contraction', value: d.contraction, kind: 'down', label: `−${pts(d.contraction)}` },
    ...inputs.lanes.map((l, i) => ({ name: shortLane(l.name), value: d.lanes[i] ?? 0, kind: 'up' as const, label: `+${pts(d.lanes[i] ?? 0)}` })),
    { name: 'Seat / tier growth', value: d.seat, kind: 'up', label: `+${pts(d.seat)}` },
    { name: 'Price increase', value: d.price, kind: 'up', label: `+${pts(d.price)}` },
    { name: 'NRR', value: y.nrr, kind: 'total', label: percent(y.nrr) },
  ];
  const series = waterfall(steps, 'right') as Record<string, unknown>[];
  // The 100% line: right of it the existing base grows on its own (seed 001).
  series[1]!.markLine = {
    silent: true, symbol: 'none', lineStyle: { color: PALETTE.muted, type: 'dashed' },
    label: { formatter: '100%', color: PALETTE.muted, fontSize: 9, position: 'end' }, data: [{ xAxis: 1 }],
  };
  return {
    id: 'nrrDecomposition', title,
    option: {
      ...base(title, `As points of opening ARR · band: ${r.nrrBand ?? '—'}`),
      grid: { left: 8, right: 52, top: 52, bottom: 4, containLabel: true },
      yAxis: { type: 'category', inverse: true, data: steps.map((s) => s.name), axisTick: { show: false }, axisLabel: { ...axisText, interval: 0 } },
      xAxis: { type: 'value', min: 0, max: Math.max(1.05, y.nrr + 0.05), show: false },
      series: series as EChartsOption['series'],
    },
  };
}

const shortLane = (name: string) => (name.length > 24 ? `${name.slice(0, 23)}…` : name);

// ---- lanes ------------------------------------------------------------------------

/**
 * Two panels on the same lanes: ARR at the last year end (with its share of all
 * ARR), and gross margin against seed 002's 15% incremental-margin floor. A lane
 * under the floor is red in both and says so.
 */
export function laneMixChart(inputs: ModelInputs, r: ModelResult<number>): ChartSpec {
  const title = 'Expansion lanes: ARR and margin';
  if (r.lanes.length === 0) return { id: 'laneMix', title, option: emptyChart(title, 'No expansion lanes in this model') };
  const cur = inputs.general.currency;
  const floor = INCREMENTAL_MARGIN_FLOOR;
  const label = (text: string, color: string) => ({ show: true, position: 'right' as const, formatter: text, color, fontSize: 10, lineHeight: 12, fontWeight: 'bold' as const, fontFamily: CHART_FONT });
  const maxArr = Math.max(...r.lanes.map((l) => l.arrEnd), 1);
  return {
    id: 'laneMix', title,
    option: {
      ...base(title, ''),
      grid: [
        { left: 8, width: '50%', top: 68, bottom: 6, containLabel: true },
        { left: '68%', right: 62, top: 68, bottom: 6, containLabel: false },
      ],
      title: [
        (base(title, `Lane ARR and its share of all ARR; margin vs the ${percent(floor, 0)} floor (seed 002)`).title as object),
        { text: `ARR, end of year ${r.years}`, left: 8, top: 48, textStyle: { fontSize: 10, color: PALETTE.muted, fontWeight: 'normal', fontFamily: CHART_FONT } },
        { text: 'Gross margin', left: '68%', top: 48, textStyle: { fontSize: 10, color: PALETTE.muted, fontWeight: 'normal', fontFamily: CHART_FONT } },
      ],
      yAxis: [
        { type: 'category', gridIndex: 0, inverse: true, data: r.lanes.map((l) => l.name), axisTick: { show: false }, axisLabel: { ...axisText, width: 92, overflow: 'break', lineHeight: 11 } },
        { type: 'category', gridIndex: 1, inverse: true, data: r.lanes.map((l) => l.name), show: false },
      ],
      xAxis: [
        { type: 'value', gridIndex: 0, min: 0, max: maxArr * 1.7, show: false },
        { type: 'value', gridIndex: 1, min: 0, max: 1, show: false },
      ],
      series: [
        {
          type: 'bar', xAxisIndex: 0, yAxisIndex: 0, barMaxWidth: 22,
          data: r.lanes.map((l) => ({
            value: l.arrEnd,
            itemStyle: { color: l.belowMarginFloor ? PALETTE.red : PALETTE.teal },
            label: label(`${money(l.arrEnd, cur)}\n${percent(l.share)} of ARR`, PALETTE.ink),
          })),
        },
        {
          type: 'bar', xAxisIndex: 1, yAxisIndex: 1, barMaxWidth: 22,
          data: r.lanes.map((l) => ({
            value: l.grossMargin,
            itemStyle: { color: l.belowMarginFloor ? PALETTE.red : PALETTE.copper },
            label: label(l.belowMarginFloor ? `${percent(l.grossMargin, 0)}: under floor` : percent(l.grossMargin, 0), l.belowMarginFloor ? PALETTE.red : PALETTE.ink),
          })),
          markLine: {
            silent: true, symbol: 'none', lineStyle: { color: PALETTE.red, type: 'dashed' },
            label: { show: false },
            data: [{ xAxis: floor }],
          },
        },
      ],
    },
  };
}

// ---- cohort LTV ----------------------------------------------------------------------

/** Cumulative revenue of one new customer by month since close, against its CAC. */
export function ltvCurveChart(inputs: ModelInputs, r: ModelResult<number>): ChartSpec {
  const title = 'Cohort LTV: cumulative revenue per customer';
  const cur = inputs.general.currency;
  const cac = firstYear(inputs.acquisition.cacPerCustomer);
  const curve = r.ltvCurve;
  const last = curve[curve.length - 1] ?? 0;
  const yearMarks = curve.map((_, a) => a + 1).filter((m) => m % 12 === 0);
  // ECharts' string formatters cannot abbreviate, so the axis is drawn in
  // thousands (or millions) and says so in its labels.
  const top = Math.max(last, cac);
  const [unit, suffix] = top >= 2e6 ? [1e6, 'M'] : [1e3, 'K'];
  const sym = cur === 'USD' ? '$' : '';
  const scaled = curve.map((v) => v / unit);
  return {
    id: 'ltvCurve', title,
    option: {
      ...base(title, `${money(last, cur)} of revenue over ${inputs.general.ltvYears} year${inputs.general.ltvYears === 1 ? '' : 's'}, against a CAC of ${money(cac, cur)}`),
      grid: { left: 12, right: 24, top: 62, bottom: 22, containLabel: true },
      xAxis: {
        type: 'category', data: curve.map((_, a) => String(a + 1)), boundaryGap: false,
        name: 'months since close', nameLocation: 'middle', nameGap: 22, nameTextStyle: axisText,
        axisLabel: { ...axisText, interval: 5 }, axisTick: { show: false },
      },
      yAxis: {
        type: 'value', min: 0, splitNumber: 3, splitLine: { lineStyle: { color: PALETTE.grid } },
        axisLabel: { ...axisText, formatter: `${sym}{value}${suffix}` },
      },
      series: [
        {
          type: 'line', data: scaled, symbol: 'none', lineStyle: { color: PALETTE.teal, width: 2.5 },
          areaStyle: { color: 'rgba(23,135,123,0.10)' },
          markPoint: {
            symbol: 'circle', symbolSize: 7, itemStyle: { color: PALETTE.teal },
            label: { position: 'top', color: PALETTE.ink, fontSize: 10, fontWeight: 'bold', fontFamily: CHART_FONT },
            data: yearMarks.map((mo) => ({ name: `Year ${mo / 12}`, coord: [String(mo), scaled[mo - 1]!], value: scaled[mo - 1]!, label: { formatter: money(curve[mo - 1]!, cur) } })),
          },
          markLine: cac > 0 ? {
            silent: true, symbol: 'none', lineStyle: { color: PALETTE.copper, type: 'dashed', width: 1.5 },
            label: { formatter: `CAC ${money(cac, cur)}`, color: PALETTE.copper, fontSize: 10, position: 'insideStartTop' },
            data: [{ yAxis: cac / unit }],
          } : undefined,
        },
      ],
    },
  };
}

export function boardCharts(inputs: ModelInputs, r: ModelResult<number>): ChartSpec[] {
  return [bowtieChart(inputs, r), waterfallChart(inputs, r), nrrDecompositionChart(inputs, r), laneMixChart(inputs, r), ltvCurveChart(inputs, r)];
}
