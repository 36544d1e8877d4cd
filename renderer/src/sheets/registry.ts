// The workbook's sheets, in tab order. The five model sheets load with the app;
// Sensitivity, Scenarios, Ranges, Actuals and Board Report load when their tab is first
// opened (or when the app is idle, warm-up.ts). A sheet that fails to load shows its error in its
// own tab (SheetBoundary), not a blank workspace. See docs/workspace.md.
import { createElement, lazy, type ComponentType } from 'react';
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
  /** a lazily loaded sheet's code, fetched ahead of its first opening (main.tsx, when idle) */
  preload?: () => Promise<unknown>;
}

/**
 * A sheet loaded when its tab is first opened, or earlier by its preload. Once
 * its code is in, the sheet renders at once: a `lazy` component suspends on its
 * first render even when its module has long been loaded, and React then waits
 * up to 300 ms before it shows what was suspended (issue 23: most of that on
 * every first open of Sensitivity or Board Report).
 */
function later<M>(load: () => Promise<M>, pick: (m: M) => ComponentType): Pick<SheetEntry, 'component' | 'preload'> {
  let loaded: ComponentType | null = null;
  const preload = () => load().then((m) => { loaded ??= pick(m); return m; });
  const Lazy = lazy(async () => ({ default: pick(await preload()) }));
  const Sheet: ComponentType = () => createElement(loaded ?? Lazy);
  return { component: Sheet, preload };
}

export const SHEETS: readonly SheetEntry[] = [
  { id: 'assumptions', title: 'Assumptions', component: AssumptionsSheet },
  { id: 'bowtie', title: 'Bowtie', component: BowtieSheet },
  { id: 'bridge', title: 'ARR Bridge', component: BridgeSheet },
  { id: 'cohorts', title: 'Cohorts', component: CohortsSheet },
  { id: 'metrics', title: 'Metrics', component: MetricsSheet },
  { id: 'by-segment', title: 'By segment', ...later(() => import('./by-segment/BySegmentSheet'), (m) => m.BySegmentSheet) },
  { id: 'sensitivity', title: 'Sensitivity', ...later(() => import('./sensitivity/SensitivitySheet'), (m) => m.SensitivitySheet) },
  { id: 'scenarios', title: 'Scenarios', ...later(() => import('./scenarios/ScenariosSheet'), (m) => m.ScenariosSheet) },
  { id: 'ranges', title: 'Ranges', ...later(() => import('./ranges/RangesSheet'), (m) => m.RangesSheet) },
  { id: 'actuals', title: 'Actuals', ...later(() => import('./actuals/ActualsSheet'), (m) => m.ActualsSheet) },
  { id: 'accounts', title: 'Accounts', ...later(() => import('./accounts/AccountsSheet'), (m) => m.AccountsSheet) },
  { id: 'pipeline', title: 'Pipeline', ...later(() => import('./pipeline/PipelineSheet'), (m) => m.PipelineSheet) },
  { id: 'board-report', title: 'Board Report', ...later(() => import('./board-report/BoardReportSheet'), (m) => m.BoardReportSheet) },
];
