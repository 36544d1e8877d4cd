// Whether the Goal seek dialog is open, and the output it opened on (a KPI
// tile's right-click names its figure; the toolbar's What-if entry does not).
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

/** The KPI strip's figure keys as goal seek's outputs; null for a tile that is not a number (the NRR band). */
export function kpiOutput(kpiKey: string): string | null {
  const yearly = /^kpi\.(nrr|grr|arr)\.y(\d+)$/.exec(kpiKey);
  if (yearly) return `${yearly[1] === 'arr' ? 'arrByYearEnd' : `${yearly[1]}ByYear`}[${Number(yearly[2]) - 1}]`;
  return ({ 'kpi.ltvToCac': 'ltvToCac', 'kpi.cacPayback': 'cacPaybackMonths', 'kpi.fullJourneyRetention': 'journey.fullJourneyRetention' } as Record<string, string>)[kpiKey] ?? null;
}
