// The core off the main thread: an edit never blocks the UI while the model
// recomputes (issue 4: no main-thread task over 50 ms).
import { computeModel } from '../../../shared/index';
import type { ComputeRequest, ComputeResponse } from './model-protocol';

self.onmessage = (e: MessageEvent<ComputeRequest>) => {
  const { seq, inputs } = e.data;
  const t0 = performance.now();
  let reply: ComputeResponse;
  try {
    reply = { seq, ok: true, result: computeModel(inputs), ms: performance.now() - t0 };
  } catch (err) {
    reply = { seq, ok: false, error: err instanceof Error ? err.message : String(err) };
  }
  (self as unknown as Worker).postMessage(reply);
};
