// The workspace's own sheets (issue 4 §1); registry.ts adds the reserved ones.
import type { SheetDefinition } from './registry';
import { AssumptionsSheet } from './assumptions/AssumptionsSheet';
import { BowtieSheet } from './bowtie/BowtieSheet';
import { BridgeSheet } from './bridge/BridgeSheet';
import { CohortsSheet } from './cohorts/CohortsSheet';
import { MetricsSheet } from './metrics/MetricsSheet';

export const BUILTIN_SHEETS: readonly SheetDefinition[] = [
  { id: 'assumptions', title: 'Assumptions', component: AssumptionsSheet, order: 10 },
  { id: 'bowtie', title: 'Bowtie', component: BowtieSheet, order: 20 },
  { id: 'bridge', title: 'ARR Bridge', component: BridgeSheet, order: 30 },
  { id: 'cohorts', title: 'Cohorts', component: CohortsSheet, order: 40 },
  { id: 'metrics', title: 'Metrics', component: MetricsSheet, order: 50 },
];
