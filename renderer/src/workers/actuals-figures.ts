// The actual figures as the page and the workbook keep them (numbers), and back
// as the core's decimals: what crosses the actuals worker's boundary. Pure, so
// vitest checks the round trip.
import { D } from '@shared/index';
import { actualsJson, type ActualsResult, type VarianceMonth } from '@shared/actuals/index';
import type { ActualsSheet } from '@shared/workbook/index';
import type { VarianceRow } from './core-calls';

/** The core's figures as numbers (actualsJson, as the CLI prints them), without the active counts the sheet does not keep. */
export function sheetOf(r: ActualsResult, source: ActualsSheet['source']): ActualsSheet {
  const json = actualsJson(r);
  return { source, ...json, cohorts: json.cohorts.map(({ start, customers, arr }) => ({ start, customers, arr })) };
}

/** The saved figures back as the core's decimals (each a cent-exact double's shortest text). */
export function resultOf(a: ActualsSheet): ActualsResult {
  const d = (xs: number[]) => xs.map((x) => new D(x));
  const dn = (xs: (number | null)[]) => xs.map((x) => (x === null ? null : new D(x)));
  return {
    months: a.months,
    opening: d(a.opening), new: d(a.new), reactivation: d(a.reactivation), expansion: d(a.expansion),
    contraction: d(a.contraction), churn: d(a.churn), closing: d(a.closing),
    customers: a.customers,
    nrr12: dn(a.nrr12), grr12: dn(a.grr12), logoRetention12: dn(a.logoRetention12),
    cohorts: a.cohorts.map((c) => ({ start: c.start, customers: c.customers, arr: d(c.arr), active: [] })),
  };
}


/** planVsActual's months as numbers. */
export function varianceRows(months: VarianceMonth[]): VarianceRow[] {
  return months.map((m) => ({
    month: m.month,
    figures: Object.fromEntries(Object.entries(m.figures).map(([k, f]) => [k, { plan: f.plan.toNumber(), actual: f.actual.toNumber(), difference: f.difference.toNumber() }])) as VarianceRow['figures'],
  }));
}
