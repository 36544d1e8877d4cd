// The core off the main thread: an edit never blocks the UI while the model
// recomputes (no main-thread task over 50 ms).
import { computeModel } from '@shared/index';
import type { ModelCalls } from './core-calls';
import { serveCalls } from './core-client';

serveCalls<ModelCalls>({
  compute(inputs) {
    const t0 = performance.now();
    return { result: computeModel(inputs), ms: performance.now() - t0 };
  },
});
