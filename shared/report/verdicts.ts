// Verdicts beside their figures (issue 12 item 5): what the figure means against
// the benchmarks our sources give, in words a board reads. The sources are in
// docs/board-report.md; the reader gets the benchmark, not the citation.
//
// The workbook's Metrics sheet writes the same verdicts as formulas
// (shared/workbook/sheets/verdicts.ts); the strings here and there must agree
// word for word, and the LibreOffice/Gnumeric agreement test checks they do.
import type { ModelInputs } from '../model/inputs';
import type { ModelResult } from '../core/result';
import { count, money, percent } from './format';

export type VerdictTone = 'good' | 'neutral' | 'warn' | 'bad';

export interface Verdict {
  id: 'ttfv' | 'retentionPair' | 'expansionShare' | 'churnInDeals';
  /** the measure, as labelled beside its figure */
  measure: string;
  /** the figure as printed */
  figure: string;
  /** the verdict in one short sentence */
  verdict: string;
  /** the benchmark in words */
  benchmark: string;
  tone: VerdictTone;
}

/** Days in a month when a stage month is read as days (365 ÷ 12). */
export const DAYS_PER_MONTH = 365 / 12;
/** Customers without first value by day 60–75 churn markedly more. */
export const TTFV_THRESHOLD = { from: 60, to: 75 } as const;
/** GRR at or above this reads as a solid base (between the 85% and 95% of the paired examples). */
export const SOLID_GRR = 0.9;
/** NRR at or above this is strong expansion (the "healthy" band's top). */
export const STRONG_NRR = 1.1;
/** Expansion share of new ARR: median 30%, top quartile above 50%. */
export const EXPANSION_SHARE = { median: 0.3, topQuartile: 0.5 } as const;

export const BENCHMARK_WORDS = {
  ttfv: 'Customers who have not reached first value by day 60–75 churn markedly more.',
  retentionPair: 'Read together: 95% GRR with 105% NRR is a solid base with modest expansion; 85% GRR with 110% NRR is expansion masking a churn problem.',
  expansionShare: 'The median SaaS company gets 30% of new ARR from expansion; the top quartile more than 50%.',
  churnInDeals: 'Churned ARR divided by the ACV of a new deal',
} as const;

const atYear = (x: number | readonly number[], y: number): number => {
  const xs = [x].flat();
  return xs[Math.min(y, xs.length) - 1] ?? 0;
};
const round12 = (x: number) => Math.round(x * 1e12) / 1e12;

/** Time to first value in days, from the month the stage is reached. */
export const ttfvDays = (inputs: ModelInputs): number => inputs.journey.firstValue.month * DAYS_PER_MONTH;

export function ttfvVerdict(days: number, target: number): string {
  const d = round12(days);
  const head = d <= target ? `Within the ${target}-day target` : `Past the ${target}-day target`;
  const tail = d > TTFV_THRESHOLD.to ? '; past the 60–75-day churn threshold'
    : d >= TTFV_THRESHOLD.from ? '; inside the 60–75-day churn threshold' : '';
  return head + tail;
}

export function retentionPairVerdict(grr: number | null, nrr: number | null): string {
  if (grr === null || nrr === null) return '—';
  const g = round12(grr), n = round12(nrr);
  if (g >= SOLID_GRR) return n >= STRONG_NRR ? 'A solid base with strong expansion' : n >= 1 ? 'A solid base with modest expansion' : 'A solid base, but expansion does not cover the losses';
  return n >= 1 ? 'Expansion masking a churn problem' : 'A churn problem: the base shrinks';
}

export function expansionShareVerdict(share: number | null): string {
  if (share === null) return '—';
  const s = round12(share);
  return s > EXPANSION_SHARE.topQuartile ? 'Top quartile: above 50%' : s >= EXPANSION_SHARE.median ? 'At or above the median of 30%' : 'Below the median of 30%';
}

/** "1 new deal", "15 new deals", "15.2 new deals": the number the workbook's formula prints too. */
export function dealsText(deals: number): string {
  const r = Math.round(deals * 10) / 10;
  return `${String(r)} new deal${r === 1 ? '' : 's'}`;
}

export function churnInDealsVerdict(deals: number | null): string {
  if (deals === null) return '—';
  return `= ${dealsText(deals)} just to stand still`;
}

/** The year the verdicts are about: 2 when modelled (as NRR on the board), else 1. */
export const verdictYear = (r: ModelResult<number>): number => (r.years >= 2 ? 2 : 1);

export function verdicts(inputs: ModelInputs, r: ModelResult<number>): Verdict[] {
  const cur = inputs.general.currency;
  const y = verdictYear(r);
  const yr = r.annual[y - 1];
  const days = ttfvDays(inputs);
  const target = inputs.journey.firstValue.targetDays;
  const dRounded = round12(days);
  const ttfvTone: VerdictTone = dRounded > Math.max(target, TTFV_THRESHOLD.to) ? 'bad' : dRounded > target || dRounded >= TTFV_THRESHOLD.from ? 'warn' : 'good';

  const grr = yr?.grr ?? null, nrr = yr?.nrr ?? null;
  const pair = retentionPairVerdict(grr, nrr);
  const pairTone: VerdictTone = grr === null || nrr === null ? 'neutral' : round12(grr) >= SOLID_GRR ? (round12(nrr) >= 1 ? 'good' : 'warn') : 'bad';

  const share = yr?.expansionShare ?? null;
  const shareTone: VerdictTone = share === null ? 'neutral' : round12(share) >= EXPANSION_SHARE.median ? 'good' : 'warn';

  const acv = atYear(inputs.acquisition.acv, y);
  const churn = yr?.churn ?? null;
  const deals = churn === null || acv <= 0 ? null : churn / acv;

  return [
    { id: 'ttfv', measure: 'Time to first value', figure: `${count(Math.round(days))} days`, verdict: ttfvVerdict(days, target), benchmark: BENCHMARK_WORDS.ttfv, tone: ttfvTone },
    { id: 'retentionPair', measure: `GRR and NRR, year ${y}`, figure: grr === null || nrr === null ? '—' : `${percent(grr)} / ${percent(nrr)}`, verdict: pair, benchmark: BENCHMARK_WORDS.retentionPair, tone: pairTone },
    { id: 'expansionShare', measure: `Expansion share of new ARR, year ${y}`, figure: percent(share), verdict: expansionShareVerdict(share), benchmark: BENCHMARK_WORDS.expansionShare, tone: shareTone },
    {
      id: 'churnInDeals', measure: `Churned ARR, year ${y}`, figure: money(churn, cur),
      verdict: churnInDealsVerdict(deals), benchmark: `${BENCHMARK_WORDS.churnInDeals} (${money(acv, cur)}).`,
      tone: deals === null ? 'neutral' : deals >= 1 ? 'warn' : 'good',
    },
  ];
}
