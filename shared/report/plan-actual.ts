// Plan against actual for a board (issue 20): what each difference means
// (churn below plan is good news), the sentence when there is nothing to
// compare, the chart of plan and actual ARR by month (drawn to SVG in the chart
// worker, like the Actuals sheet's other charts), and the Board Report's block.
// Numbers in, as the page and the workbook carry them; the figures are the
// core's (shared/actuals/variance.ts), nothing here computes them.
import type { EChartsOption } from 'echarts';
import type { VarianceMeasure } from '../actuals/variance';
import { CHART_FONT, PALETTE } from './charts';
import { accounting, money } from './format';

export interface VariancePart { plan: number; actual: number; difference: number }
export interface VarianceMonthNumbers { month: string; figures: Record<VarianceMeasure, VariancePart> }
export interface VarianceTotalsNumbers {
  year: number; yearFirst: string; yearLast: string; ytdFirst: string; ytdLast: string; monthsLeft: number;
  ytd: Record<VarianceMeasure, VariancePart>;
  fullYear: Record<VarianceMeasure, VariancePart>;
}

export const VARIANCE_LABELS: Readonly<Record<VarianceMeasure, string>> = {
  arr: 'Closing ARR', new: 'New (incl. reactivation)', expansion: 'Expansion', contraction: 'Contraction', churn: 'Churn',
};

/** Contraction and churn are outflows: below plan is good news. */
export const LOWER_IS_BETTER: ReadonlySet<VarianceMeasure> = new Set(['contraction', 'churn']);

export type VarianceTone = 'good' | 'bad' | 'even';

/** What an actual − plan difference means for the business (not its sign). */
export function varianceTone(measure: VarianceMeasure, difference: number): VarianceTone {
  if (Math.abs(difference) < 0.005) return 'even';
  return (difference > 0) !== LOWER_IS_BETTER.has(measure) ? 'good' : 'bad';
}

export const TONE_COLOUR: Readonly<Record<VarianceTone, string>> = { good: PALETTE.green, bad: PALETTE.red, even: PALETTE.muted };

/** Why there is nothing to compare, in one sentence (null: the months overlap). */
export function nothingToCompare(plan: { first: string; last: string }, actual: { first: string; last: string } | null): string | null {
  if (!actual) return 'No actuals are imported: import a billing export to compare the plan with what happened.';
  if (plan.first > actual.last) {
    return `The plan starts in ${plan.first}, after the last actual month (${actual.last}), so there is nothing to compare yet: import a later export once ${plan.first} has been billed.`;
  }
  if (plan.last < actual.first) return `The plan's months (${plan.first} to ${plan.last}) end before the actuals begin (${actual.first}), so no month is in both.`;
  return null;
}

/** The chart's margins (px), as given to ECharts. */
export const PLAN_ACTUAL_GRID = { left: 70, right: 70, top: 34, bottom: 28 };

/** Plan and actual ARR by month as lines, actual − plan as bars coloured by meaning (above plan good). */
export function planActualChart(rows: readonly VarianceMonthNumbers[], currency: string): EChartsOption {
  const text = { fontFamily: CHART_FONT, color: PALETTE.ink, fontSize: 11 };
  const axisLabel = { fontFamily: CHART_FONT, color: PALETTE.muted, fontSize: 10 };
  return {
    textStyle: text,
    grid: PLAN_ACTUAL_GRID,
    legend: { top: 0, textStyle: text, itemWidth: 12, itemHeight: 8 },
    xAxis: { type: 'category', data: rows.map((r) => r.month), axisLabel },
    yAxis: [
      { type: 'value', name: 'ARR', scale: true, nameTextStyle: axisLabel, axisLabel: { ...axisLabel, formatter: (v: number) => money(v, currency) }, splitLine: { lineStyle: { color: PALETTE.grid } } },
      { type: 'value', name: 'Actual − plan', nameTextStyle: axisLabel, axisLabel: { ...axisLabel, formatter: (v: number) => money(v, currency) }, splitLine: { show: false } },
    ],
    series: [
      {
        name: 'Actual − plan', type: 'bar', yAxisIndex: 1, barMaxWidth: 18,
        data: rows.map((r) => ({ value: r.figures.arr.difference, itemStyle: { color: TONE_COLOUR[varianceTone('arr', r.figures.arr.difference)], opacity: 0.55 } })),
        itemStyle: { color: PALETTE.muted },
      },
      { name: 'Plan ARR', type: 'line', data: rows.map((r) => r.figures.arr.plan), symbol: 'none', lineStyle: { color: PALETTE.navy, width: 2, type: 'dashed' }, itemStyle: { color: PALETTE.navy } },
      { name: 'Actual ARR', type: 'line', data: rows.map((r) => r.figures.arr.actual), symbol: 'circle', symbolSize: 4, lineStyle: { color: PALETTE.ink, width: 2 }, itemStyle: { color: PALETTE.ink } },
    ],
  };
}

/** One line of the board's block: a measure, year to date and the full-year outlook. */
export interface BoardVarianceLine { measure: VarianceMeasure; label: string; ytd: VariancePart & { tone: VarianceTone; text: string }; fullYear: VariancePart & { tone: VarianceTone; text: string } }

/** The Board Report's plan-against-actual block; null when plan and actuals do not overlap (the board then shows nothing). */
export function boardVariance(totals: VarianceTotalsNumbers | null, currency: string): { title: string; note: string; lines: BoardVarianceLine[] } | null {
  if (!totals) return null;
  const line = (m: VarianceMeasure): BoardVarianceLine => {
    const part = (p: VariancePart) => ({ ...p, tone: varianceTone(m, p.difference), text: accounting(p.difference, currency) });
    return { measure: m, label: VARIANCE_LABELS[m], ytd: part(totals.ytd[m]), fullYear: part(totals.fullYear[m]) };
  };
  const span = totals.ytdFirst === totals.ytdLast ? totals.ytdFirst : `${totals.ytdFirst} to ${totals.ytdLast}`;
  return {
    title: `Plan against actual, year ${totals.year}`,
    note: `Year to date: ${span}. Full year (${totals.yearFirst} to ${totals.yearLast}): the actual months so far${totals.monthsLeft ? ` and the plan for the ${totals.monthsLeft} months left` : ''}. Green is better than plan; churn and contraction below plan are green.`,
    lines: (['arr', 'new', 'expansion', 'contraction', 'churn'] as const).map(line),
  };
}
