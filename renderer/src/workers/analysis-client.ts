// A client for an analysis worker (workers/analysis-worker.ts). The Sensitivity
// sheet and the report store each start their own while they are in use, so a
// long two-way table never delays the board report.
import type { AnalysisCalls } from './core-calls';
import { createCoreClient } from './core-client';

export const analysisClient = (name: string) =>
  createCoreClient<AnalysisCalls>(() => new Worker(new URL('./analysis-worker.ts', import.meta.url), { type: 'module', name }));
