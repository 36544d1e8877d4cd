// Spec §9's figures from a grouped book: the monthly bridge (new, reactivation,
// expansion, contraction, churn), customers, trailing-12 NRR / GRR / logo
// retention and the cohort table. One pass over the customers; every money sum
// is exact (exact-sums.ts) and becomes a decimal only at the end.
import { D, type Dec } from '../core/decimal';
import { forEachCustomer, type Book } from './book';
import { makeSums, type Sums, type Units } from './exact-sums';
import { monthText } from './values';

export interface ActualsCohort {
  /** YYYY-MM of the cohort's first month with ARR */
  start: string;
  /** customers whose first month with ARR is `start` */
  customers: number;
  /** ARR of the cohort by months since its start (index 0 is the start month) */
  arr: Dec[];
  /** customers of the cohort with ARR > 0, by months since start */
  active: number[];
}

export interface ActualsResult {
  months: string[];
  opening: Dec[];
  new: Dec[];
  reactivation: Dec[];
  expansion: Dec[];
  contraction: Dec[];
  churn: Dec[];
  closing: Dec[];
  customers: number[];
  nrr12: (Dec | null)[];
  grr12: (Dec | null)[];
  logoRetention12: (Dec | null)[];
  cohorts: ActualsCohort[];
}

/** The comparisons and differences of one book's values: numbers, or bigints once wide. */
const sub = (a: Units, b: Units): Units => ((a as number) - (b as number));
const inc = (a: Int32Array, i: number) => { a[i] = a[i]! + 1; };
const lt = (a: Units, b: Units): boolean => a < b;

export function computeActuals(book: Book): ActualsResult {
  const M = book.months;
  const { scale } = book.store;
  const wide = book.store.isWide;
  const sums = (n: number): Sums => makeSums(wide, n, scale);
  const closing = sums(M), fresh = sums(M), react = sums(M), exp = sums(M), contr = sums(M), churn = sums(M);
  const t12Begin = sums(M), t12End = sums(M), t12Kept = sums(M);
  const customers = new Int32Array(M), t12Set = new Int32Array(M), t12Logos = new Int32Array(M);
  // Cohort table: slot start × M + age (only age ≤ M − 1 − start is ever used).
  const cohortArr = sums(M * M);
  const cohortActive = new Int32Array(M * M);
  const cohortSize = new Int32Array(M);

  forEachCustomer(book, (_c, cm) => {
    const { count, month, arr } = cm;
    let everHad = false, prevMonth = -2, prev: Units = 0, first = -1;
    for (let i = 0; i < count; i++) {
      const m = month[i]!;
      const v = arr[i]!;
      const pos = v > 0;
      // A gap after a month with ARR is a churn in the month after it.
      if (prevMonth >= 0 && m > prevMonth + 1 && prev > 0) churn.add(prevMonth + 1, prev);
      const p: Units = m === prevMonth + 1 ? prev : 0;
      if (m > 0) {
        if (!(p > 0)) {
          if (pos) (everHad ? react : fresh).add(m, v);
        } else if (!pos) churn.add(m, p);
        else if (lt(p, v)) exp.add(m, sub(v, p));
        else if (lt(v, p)) contr.add(m, sub(p, v));
      }
      if (pos) {
        closing.add(m, v);
        inc(customers, m);
        if (!everHad) { everHad = true; first = m; inc(cohortSize, m); }
        cohortArr.add(first * M + (m - first), v);
        inc(cohortActive, first * M + (m - first));
      }
      prevMonth = m;
      prev = v;
    }
    if (prev > 0 && prevMonth + 1 < M) churn.add(prevMonth + 1, prev);

    // Trailing 12: the set of month t is those with ARR at t − 12.
    let j = 0;
    for (let i = 0; i < count; i++) {
      const m = month[i]!;
      const v = arr[i]!;
      if (!(v > 0) || m + 12 >= M) continue;
      const t = m + 12;
      while (j < count && month[j]! < t) j++;
      const w: Units = j < count && month[j] === t ? arr[j]! : 0;
      inc(t12Set, t);
      t12Begin.add(t, v);
      if (w > 0) {
        inc(t12Logos, t);
        t12End.add(t, w);
        t12Kept.add(t, lt(w, v) ? w : v);
      }
    }
  });

  const range = Array.from({ length: M }, (_, t) => t);
  const closingD = range.map((t) => closing.get(t));
  // Every member of a set has ARR > 0 at t − 12, so a non-empty set has begin > 0.
  const inSet = (t: number) => t >= 12 && t12Set[t]! > 0;
  const share = (num: Sums, t: number): Dec | null => (inSet(t) ? num.get(t).div(t12Begin.get(t)) : null);
  const logos = (t: number): Dec | null => (inSet(t) ? new D(t12Logos[t]!).div(t12Set[t]!) : null);
  const cohorts: ActualsCohort[] = [];
  for (let s = 0; s < M; s++) {
    if (cohortSize[s] === 0) continue;
    const ages = M - s;
    cohorts.push({
      start: monthText(book.firstMonth + s),
      customers: cohortSize[s]!,
      arr: Array.from({ length: ages }, (_, a) => cohortArr.get(s * M + a)),
      active: Array.from({ length: ages }, (_, a) => cohortActive[s * M + a]!),
    });
  }
  return {
    months: range.map((t) => monthText(book.firstMonth + t)),
    opening: range.map((t) => (t === 0 ? closingD[0]! : closingD[t - 1]!)),
    new: range.map((t) => fresh.get(t)),
    reactivation: range.map((t) => react.get(t)),
    expansion: range.map((t) => exp.get(t)),
    contraction: range.map((t) => contr.get(t)),
    churn: range.map((t) => churn.get(t)),
    closing: closingD,
    customers: Array.from(customers),
    nrr12: range.map((t) => share(t12End, t)),
    grr12: range.map((t) => share(t12Kept, t)),
    logoRetention12: range.map(logos),
    cohorts,
  };
}
