// One job in a worker_threads Worker under a memory cap and a deadline: how the
// CLI reads an untrusted file (an actuals export, accounts, a pipeline) so that
// a crafted one can be stopped. The job's one message is its answer; a deadline
// passed, memory run out, a throw or an exit each become the caller's answer too.
import { Worker } from 'node:worker_threads';
import { tsWorkerEntry } from './load-workbook';

export interface WorkerLimits { timeoutMs: number; maxOldGenerationSizeMb: number; maxYoungGenerationSizeMb?: number }
export type WorkerFailure = { kind: 'timeout' } | { kind: 'memory' } | { kind: 'error'; message: string } | { kind: 'exit'; code: number };

/** `entry`: the worker's module in cli/ without its extension (`actuals-worker`). */
export function runWorkerJob<T>(entry: string, data: unknown, limits: WorkerLimits, failed: (f: WorkerFailure) => T): Promise<T> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (r: T) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(r);
    };
    const worker = new Worker(tsWorkerEntry(new URL(`./${entry}.${import.meta.url.endsWith('.ts') ? 'ts' : 'js'}`, import.meta.url)), {
      workerData: data,
      resourceLimits: { maxOldGenerationSizeMb: limits.maxOldGenerationSizeMb, ...(limits.maxYoungGenerationSizeMb ? { maxYoungGenerationSizeMb: limits.maxYoungGenerationSizeMb } : {}) },
      stdout: true,
      stderr: true,
    });
    const timer = setTimeout(() => finish(failed({ kind: 'timeout' })), limits.timeoutMs);
    worker.once('message', (r: T) => finish(r));
    worker.once('error', (e: Error & { code?: string }) => finish(failed(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? { kind: 'memory' } : { kind: 'error', message: e.message })));
    worker.once('exit', (code) => finish(failed({ kind: 'exit', code })));
  });
}
