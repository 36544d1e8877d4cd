// The `bowtie actuals` output (§9): one object of lists aligned with `months`,
// figures as JSON numbers (the nearest double of each exact decimal), null where undefined.
import { computeActuals, type ActualsResult } from './compute';
import type { ActualsRead, DataQuality } from './collect';
import { D, type Dec } from '../core/decimal';
import type { ActualsSheet } from '../workbook/types';

export interface ActualsJson {
  months: string[];
  opening: number[]; new: number[]; reactivation: number[]; expansion: number[]; contraction: number[]; churn: number[]; closing: number[];
  customers: number[];
  nrr12: (number | null)[]; grr12: (number | null)[]; logoRetention12: (number | null)[];
  cohorts: { start: string; customers: number; arr: number[]; active: number[] }[];
}

const n = (xs: Dec[]) => xs.map((x) => x.toNumber());
const nn = (xs: (Dec | null)[]) => xs.map((x) => (x === null ? null : x.toNumber()));

export function actualsJson(r: ActualsResult): ActualsJson {
  return {
    months: r.months,
    opening: n(r.opening), new: n(r.new), reactivation: n(r.reactivation), expansion: n(r.expansion),
    contraction: n(r.contraction), churn: n(r.churn), closing: n(r.closing),
    customers: r.customers,
    nrr12: nn(r.nrr12), grr12: nn(r.grr12), logoRetention12: nn(r.logoRetention12),
    cohorts: r.cohorts.map((c) => ({ start: c.start, customers: c.customers, arr: n(c.arr), active: c.active })),
  };
}

/** A read turned into figures, dropping the rows: what crosses a worker boundary. */
export type ActualsFigures =
  | { ok: true; figures: ActualsJson; quality: DataQuality }
  | Exclude<ActualsRead, { ok: true }>;

/** The first figure no JSON number or workbook cell can hold (±Infinity, NaN), by list and month, or null. */
export function nonFiniteFigure(f: ActualsJson): string | null {
  const lists = ['opening', 'new', 'reactivation', 'expansion', 'contraction', 'churn', 'closing', 'customers', 'nrr12', 'grr12', 'logoRetention12'] as const;
  for (const k of lists) {
    const t = f[k].findIndex((x) => x !== null && !Number.isFinite(x));
    if (t >= 0) return `${k} of ${f.months[t]}`;
  }
  for (const c of f.cohorts) if (c.arr.some((x) => !Number.isFinite(x))) return `the cohort of ${c.start}`;
  return null;
}

export function figuresOf(read: ActualsRead): ActualsFigures {
  if (!read.ok) return read;
  const figures = actualsJson(computeActuals(read.book));
  // The amount limits (values.ts) keep every figure finite; should one not be, nothing is imported that a save would refuse.
  const bad = nonFiniteFigure(figures);
  if (bad) return { ok: false, kind: 'unreadable', error: `${bad} is too large for a spreadsheet cell, so nothing was imported` };
  return { ok: true, figures, quality: read.quality };
}

/** The figures as the workbook's Actuals sheet keeps them (without the active counts), with their source. */
export function actualsSheet(f: ActualsJson, source: ActualsSheet['source']): ActualsSheet {
  const { cohorts, ...monthly } = f;
  return { source, ...monthly, cohorts: cohorts.map(({ start, customers, arr }) => ({ start, customers, arr })) };
}

/** The saved figures (an Actuals sheet's numbers) back as the core's decimals, each a cent-exact double's shortest text (the variance is computed from these). */
export function actualsResultOf(a: ActualsSheet): ActualsResult {
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
