// The workbook's sheets, in tab order. The five model sheets load with the app;
// Sensitivity, Scenarios and Board Report (ECharts, the analysis worker) load when
// their tab is first opened. A sheet that fails to load shows its error in its
// own tab (SheetBoundary), not a blank workspace. See docs/workspace.md.
import { lazy, type ComponentType } from 'react';
import { AssumptionsSheet } from './assumptions/AssumptionsSheet';
import { BowtieSheet } from './bowtie/BowtieSheet';
import { BridgeSheet } from './bridge/BridgeSheet';
import { CohortsSheet } from './cohorts/CohortsSheet';
import { MetricsSheet } from './metrics/MetricsSheet';

export interface SheetEntry {
  /** stable id: the tab's data-sheet attribute and the ?sheet= start parameter */
  id: string;
  title: string;
  component: ComponentType;
}

export const SHEETS: readonly SheetEntry[] = [
  { id: 'assumptions', title: 'Assumptions', component: AssumptionsSheet },
  { id: 'bowtie', title: 'Bowtie', component: BowtieSheet },
  { id: 'bridge', title: 'ARR Bridge', component: BridgeSheet },
  { id: 'cohorts', title: 'Cohorts', component: CohortsSheet },
  { id: 'metrics', title: 'Metrics', component: MetricsSheet },
  { id: 'sensitivity', title: 'Sensitivity', component: lazy(async () => ({ default: (await import('./sensitivity/SensitivitySheet')).SensitivitySheet })) },
  { id: 'scenarios', title: 'Scenarios', component: lazy(async () => ({ default: (await import('./scenarios/ScenariosSheet')).ScenariosSheet })) },
  { id: 'board-report', title: 'Board Report', component: lazy(async () => ({ default: (await import('./board-report/BoardReportSheet')).BoardReportSheet })) },
];
