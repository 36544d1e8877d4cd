// The "Expansion engine" (issue 25 items 4 and 5): the plan against the
// accounts and the pipeline, in sentences with their figures, and the board
// report's block. Built from figures already computed (the accounts' totals,
// the pipeline's periods, the plan's bridge), as numbers to the cent.
import type { BridgeMonth } from '../core/result';
import { money, ratio } from './format';

export interface AccountFigures { accounts: number; readyAccounts: number; readyWhitespace: number; atRiskAccounts: number; atRiskArr: number }
export interface CoverageFigures { from: string; to: string; coverage: number | null; verdict: string; gap: number; plan: number; open: number }

export interface PlanVsAccounts {
  /** the plan's lane purchases over its first 12 months (gross) */
  laneExpansion: number;
  /** the plan's churn plus contraction over its first 12 months */
  churnAndContraction: number;
  firstMonth: string;
  lastMonth: string;
  sentences: string[];
}

/** Item 4: each pair in one sentence. */
export function planVsAccounts(months: readonly BridgeMonth<number>[], a: AccountFigures, currency = 'USD'): PlanVsAccounts {
  const year = months.slice(0, 12);
  const laneExpansion = year.reduce((s, m) => s + m.lanes.reduce((x, y) => x + y, 0), 0);
  const churnAndContraction = year.reduce((s, m) => s + m.churn + m.contraction, 0);
  const firstMonth = year[0]?.label ?? '', lastMonth = year[year.length - 1]?.label ?? '';
  const span = `${firstMonth} to ${lastMonth}`;
  const accounts = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'account' : 'accounts'}`;
  const sentences = [
    `The plan needs ${money(laneExpansion, currency)} of lane expansion in its first 12 months (${span}); the ${accounts(a.readyAccounts)} ready to expand hold ${money(a.readyWhitespace, currency)} of whitespace${laneExpansion > 0 ? ` (${ratio(a.readyWhitespace / laneExpansion)} of it)` : ''}.`,
    `The plan expects ${money(churnAndContraction, currency)} of churn and contraction in the same 12 months; the ${accounts(a.atRiskAccounts)} at risk hold ${money(a.atRiskArr, currency)} of ARR.`,
  ];
  return { laneExpansion, churnAndContraction, firstMonth, lastMonth, sentences };
}

export interface ExpansionBlock {
  title: 'Expansion engine';
  lines: { label: string; value: string }[];
  sentences: string[];
}

/** Item 5: ready accounts and their whitespace, at-risk ARR, next quarter's coverage and verdict, the gap. Null with neither file imported. */
export function expansionEngineBlock(months: readonly BridgeMonth<number>[], a: AccountFigures | null, next: CoverageFigures | null, currency = 'USD'): ExpansionBlock | null {
  if (!a && !next) return null;
  const lines: ExpansionBlock['lines'] = [];
  if (a) {
    lines.push({ label: 'Ready accounts', value: `${a.readyAccounts.toLocaleString('en-US')} of ${a.accounts.toLocaleString('en-US')}, ${money(a.readyWhitespace, currency)} whitespace` });
    lines.push({ label: 'At-risk ARR', value: `${money(a.atRiskArr, currency)} in ${a.atRiskAccounts.toLocaleString('en-US')} ${a.atRiskAccounts === 1 ? 'account' : 'accounts'}` });
  }
  if (next) {
    lines.push({ label: `Coverage ${next.from} to ${next.to}`, value: `${next.coverage === null ? 'plan met' : ratio(next.coverage)} (${next.verdict})` });
    lines.push({ label: 'Gap (plan − weighted)', value: money(next.gap, currency) });
  }
  return { title: 'Expansion engine', lines, sentences: a ? planVsAccounts(months, a, currency).sentences : [] };
}
