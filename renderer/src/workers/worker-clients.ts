// The one place that starts the renderer's workers, each behind its typed
// client (core-client.ts, calls declared in core-calls.ts):
// - model: the figures every sheet shows (store/model-store.ts), kept;
// - analysis: the Sensitivity table, the board report and scenario comparison,
//   and a save's extras, one worker kept for all of them (its long jobs yield
//   between rows, so a report or a save waits at most one row);
// - chart: the Actuals charts drawn to SVG, kept once started;
// - workbook: .xlsx bytes in and out, a fresh worker per call (untrusted bytes);
// - actuals: a fresh worker per import, which keeps that import's rows.
// Nothing here imports the stores or the sheets: they call in, never the reverse.
import type { ActualsCalls, AnalysisCalls, ChartCalls, ModelCalls, WorkbookCalls } from './core-calls';
import { createCoreClient, type CoreClient } from './core-client';

let model: CoreClient<ModelCalls> | null = null;
let analysis: CoreClient<AnalysisCalls> | null = null;
let chart: CoreClient<ChartCalls> | null = null;
let workbook: CoreClient<WorkbookCalls> | null = null;

// Each `new Worker(new URL(…, import.meta.url), …)` is written out in full: that is how Vite finds a worker entry to bundle.
export const modelClient = (): CoreClient<ModelCalls> =>
  (model ??= createCoreClient<ModelCalls>(() => new Worker(new URL('./model-worker.ts', import.meta.url), { type: 'module', name: 'bowtie-model' })));

export const analysisClient = (): CoreClient<AnalysisCalls> =>
  (analysis ??= createCoreClient<AnalysisCalls>(() => new Worker(new URL('./analysis-worker.ts', import.meta.url), { type: 'module', name: 'bowtie-analysis' })));

export const chartClient = (): CoreClient<ChartCalls> =>
  (chart ??= createCoreClient<ChartCalls>(() => new Worker(new URL('./chart-worker.ts', import.meta.url), { type: 'module', name: 'bowtie-charts' })));

export const workbookClient = (): CoreClient<WorkbookCalls> =>
  (workbook ??= createCoreClient<WorkbookCalls>(() => new Worker(new URL('./workbook-worker.ts', import.meta.url), { type: 'module', name: 'bowtie-workbook' }), { workerPerCall: true }));

/** A new actuals worker: each import gets its own, so Cancel is a terminate and nothing is half-imported. */
export const newActualsClient = (): CoreClient<ActualsCalls> =>
  createCoreClient<ActualsCalls>(() => new Worker(new URL('./actuals-worker.ts', import.meta.url), { type: 'module', name: 'bowtie-actuals' }));
