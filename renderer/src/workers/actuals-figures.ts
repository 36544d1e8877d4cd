// The actual figures as the page and the workbook keep them (numbers), and back
// as the core's decimals: what crosses the actuals worker's boundary. Pure, so
// vitest checks the round trip.
import { actualsJson, actualsResultOf, type ActualsResult, type VarianceMonth, type VarianceTotals } from '@shared/actuals/index';
import type { VarianceTotalsNumbers } from '@shared/report/index';
import type { ActualsSheet } from '@shared/workbook/index';
import type { VarianceRow } from './core-calls';

/** The core's figures as numbers (actualsJson, as the CLI prints them), without the active counts the sheet does not keep. */
export function sheetOf(r: ActualsResult, source: ActualsSheet['source']): ActualsSheet {
  const json = actualsJson(r);
  return { source, ...json, cohorts: json.cohorts.map(({ start, customers, arr }) => ({ start, customers, arr })) };
}

/** The saved figures back as the core's decimals (shared: the workbook's variance uses it too). */
export const resultOf = actualsResultOf;

/** planVsActual's months as numbers. */
export function varianceRows(months: VarianceMonth[]): VarianceRow[] {
  return months.map((m) => ({
    month: m.month,
    figures: Object.fromEntries(Object.entries(m.figures).map(([k, f]) => [k, { plan: f.plan.toNumber(), actual: f.actual.toNumber(), difference: f.difference.toNumber() }])) as VarianceRow['figures'],
  }));
}

/** varianceTotals as numbers. */
export function varianceTotalsNumbers(t: VarianceTotals | null): VarianceTotalsNumbers | null {
  if (!t) return null;
  const parts = (r: VarianceTotals['ytd']) => Object.fromEntries(Object.entries(r).map(([k, f]) => [k, { plan: f.plan.toNumber(), actual: f.actual.toNumber(), difference: f.difference.toNumber() }])) as VarianceTotalsNumbers['ytd'];
  return { year: t.year, yearFirst: t.yearFirst, yearLast: t.yearLast, ytdFirst: t.ytdFirst, ytdLast: t.ytdLast, monthsLeft: t.monthsLeft, ytd: parts(t.ytd), fullYear: parts(t.fullYear) };
}
