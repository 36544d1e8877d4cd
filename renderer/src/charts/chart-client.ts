// The chart worker (workers/chart-worker.ts), started on first use and kept:
// drawing is cheap once ECharts is loaded there, and every chart shares it.
import type { ChartCalls } from '../workers/core-calls';
import { createCoreClient, type CoreClient } from '../workers/core-client';

let client: CoreClient<ChartCalls> | null = null;

export function chartClient(): CoreClient<ChartCalls> {
  return (client ??= createCoreClient<ChartCalls>(() => new Worker(new URL('../workers/chart-worker.ts', import.meta.url), { type: 'module', name: 'bowtie-charts' })));
}

/** Load the worker (and ECharts in it) ahead of the first chart, e.g. while an import reads. */
export const warmCharts = () => chartClient().warm();
