// Whether the Goal seek dialog is open, and the output it opened on (a
// figure's right-click names it; the toolbar's What-if entry does not).
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';

export interface GoalSeekState {
  open: boolean;
  /** the §10 output key to start from (`nrrByYear[1]`) */
  output: string | null;
}

export const goalSeekStore = createStore<GoalSeekState>()(() => ({ open: false, output: null }));
export const useGoalSeek = <T,>(selector: (s: GoalSeekState) => T): T => useStore(goalSeekStore, selector);

export const openGoalSeek = (output: string | null = null) => goalSeekStore.setState({ open: true, output });
export const closeGoalSeek = () => goalSeekStore.setState({ open: false });

const SCALAR_FIGURES: Readonly<Record<string, string>> = {
  'kpi.ltvToCac': 'ltvToCac', 'kpi.cacPayback': 'cacPaybackMonths', 'kpi.fullJourneyRetention': 'journey.fullJourneyRetention',
  'metric.fullJourneyRetention': 'journey.fullJourneyRetention', 'metric.renewalDecisionRetention': 'journey.renewalDecisionRetention',
  'metric.ltvRevenue': 'ltv.revenue', 'metric.ltvGrossMargin': 'ltv.grossMargin', 'metric.ltvDiscounted': 'ltv.discountedGrossMargin',
  'metric.ltvToCac': 'ltvToCac', 'metric.cacPayback': 'cacPaybackMonths',
};
const YEARLY_FIGURES: Readonly<Record<string, string>> = {
  nrr: 'nrrByYear', grr: 'grrByYear', arr: 'arrByYearEnd', revenue: 'revenueByYear', customers: 'customersByYearEnd',
};
/** The board's yearly figures: its churn tile is the churned ARR (the Metrics sheet's churn line is a share of the decomposition). */
const BOARD_YEARLY: Readonly<Record<string, string>> = { ...YEARLY_FIGURES, churn: 'churnByYear' };
const BOARD_FIGURES: Readonly<Record<string, string>> = {
  'board.retention.fullJourney': 'journey.fullJourneyRetention', 'board.retention.renewalDecision': 'journey.renewalDecisionRetention',
  'board.ltv.revenue': 'ltv.revenue', 'board.ltv.grossMargin': 'ltv.grossMargin', 'board.ltv.discountedGrossMargin': 'ltv.discountedGrossMargin',
  'board.ltvToCac': 'ltvToCac', 'board.cacPaybackMonths': 'cacPaybackMonths',
};
/** The ARR bridge's yearly lines that are §7 outputs (its contraction and churn show as negatives; the output is the amount). */
const BRIDGE_LINES: Readonly<Record<string, string>> = {
  closing: 'arrByYearEnd', newLogo: 'newArrByYear', contraction: 'contractionByYear', churn: 'churnByYear',
  customers: 'customersByYearEnd', revenue: 'revenueByYear', nrr: 'nrrByYear', grr: 'grrByYear',
};

/**
 * A figure on screen, by its data-key (the headline strip's `kpi.nrr.y2`, the
 * Metrics sheet's `metric.arr.y3`, the Board Report's `board.nrr.y2`, the ARR
 * bridge's `bridge.y3.closing`), as goal seek's output; null for a figure
 * that is not one (the NRR band, a share of the decomposition).
 */
export function figureOutput(dataKey: string): string | null {
  // a Board Report figure (`board.nrr.y2`, `board.ltvToCac`) or a cell of the ARR bridge's yearly table (`bridge.y3.closing`)
  const board = /^board\.([a-zA-Z]+)\.y(\d+)$/.exec(dataKey);
  if (board && BOARD_YEARLY[board[1]!]) return `${BOARD_YEARLY[board[1]!]!}[${Number(board[2]) - 1}]`;
  if (BOARD_FIGURES[dataKey]) return BOARD_FIGURES[dataKey];
  const bridge = /^bridge\.y(\d+)\.([a-zA-Z]+)$/.exec(dataKey);
  if (bridge) { const name = BRIDGE_LINES[bridge[2]!]; return name ? `${name}[${Number(bridge[1]) - 1}]` : null; }
  const yearly = /^(?:kpi|metric)\.([a-z]+)\.y(\d+)$/.exec(dataKey);
  const name = yearly ? YEARLY_FIGURES[yearly[1]!] : undefined;
  if (yearly && name && !(dataKey.startsWith('kpi.') && !['nrr', 'grr', 'arr'].includes(yearly[1]!))) return `${name}[${Number(yearly[2]) - 1}]`;
  return SCALAR_FIGURES[dataKey] ?? null;
}
