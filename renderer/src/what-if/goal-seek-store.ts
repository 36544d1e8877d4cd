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

/**
 * A figure on screen, by its data-key (the headline strip's `kpi.nrr.y2`, the
 * Metrics sheet's `metric.arr.y3`), as goal seek's output; null for a figure
 * that is not one (the NRR band, a share of the decomposition).
 */
export function figureOutput(dataKey: string): string | null {
  const yearly = /^(?:kpi|metric)\.([a-z]+)\.y(\d+)$/.exec(dataKey);
  const name = yearly ? YEARLY_FIGURES[yearly[1]!] : undefined;
  if (yearly && name && !(dataKey.startsWith('kpi.') && !['nrr', 'grr', 'arr'].includes(yearly[1]!))) return `${name}[${Number(yearly[2]) - 1}]`;
  return SCALAR_FIGURES[dataKey] ?? null;
}
