// Sends inputs to the model worker and publishes only fresh results. At most one
// computation is in flight; edits made meanwhile collapse into the latest one,
// and a result for inputs that have since changed is dropped, never shown.
import type { ModelInputs } from '../../../shared/index';
import type { ComputeRequest, ComputeResponse } from './model-protocol';

/** The part of Worker we use, so tests can pass a fake. */
export interface WorkerLike {
  postMessage(message: ComputeRequest): void;
  onmessage: ((e: MessageEvent<ComputeResponse>) => void) | null;
}

export type RunnerEvent =
  | { kind: 'result'; inputs: ModelInputs; response: Extract<ComputeResponse, { ok: true }> }
  | { kind: 'error'; inputs: ModelInputs; error: string };

export function createModelRunner(worker: WorkerLike, publish: (e: RunnerEvent) => void) {
  let seq = 0;
  let inFlight: { seq: number; inputs: ModelInputs } | null = null;
  let latest: { seq: number; inputs: ModelInputs } | null = null;

  const send = (job: { seq: number; inputs: ModelInputs }) => {
    inFlight = job;
    worker.postMessage(job);
  };

  worker.onmessage = (e) => {
    const r = e.data;
    if (!inFlight || r.seq !== inFlight.seq) return;
    const done = inFlight;
    inFlight = null;
    if (latest && latest.seq !== done.seq) { send(latest); return; } // stale: drop it, run the newest
    if (r.ok) publish({ kind: 'result', inputs: done.inputs, response: r });
    else publish({ kind: 'error', inputs: done.inputs, error: r.error });
  };

  return {
    request(inputs: ModelInputs) {
      latest = { seq: ++seq, inputs };
      if (!inFlight) send(latest);
    },
  };
}
