import { describe, expect, it } from 'vitest';
import { computeModel, defaultInputs, setInput, type ModelInputs } from '../../../shared/index';
import type { ComputeRequest, ComputeResponse } from '../../../renderer/src/workers/model-protocol';
import { createModelRunner, type RunnerEvent, type WorkerLike } from '../../../renderer/src/workers/model-runner';

/** A worker that answers only when told to, so the test controls the order. */
function fakeWorker() {
  const sent: ComputeRequest[] = [];
  const w: WorkerLike & { sent: ComputeRequest[]; answer(i: number): void } = {
    sent,
    onmessage: null,
    postMessage(m) { sent.push(m); },
    answer(i) {
      const req = sent[i]!;
      const data: ComputeResponse = { seq: req.seq, ok: true, result: computeModel(req.inputs), ms: 1 };
      w.onmessage?.({ data } as MessageEvent<ComputeResponse>);
    },
  };
  return w;
}

const withRenewal = (rate: number): ModelInputs => setInput(defaultInputs(), 'journey.renewal.rate', rate);

describe('model runner', () => {
  it('drops a result whose inputs were edited meanwhile and shows the newest', () => {
    const w = fakeWorker();
    const seen: RunnerEvent[] = [];
    const runner = createModelRunner(w, (e) => seen.push(e));
    runner.request(withRenewal(0.8));
    runner.request(withRenewal(0.82));
    runner.request(withRenewal(0.84)); // 0.82 never runs
    expect(w.sent).toHaveLength(1);
    w.answer(0);
    expect(seen).toHaveLength(0); // stale: dropped
    expect(w.sent).toHaveLength(2);
    expect(w.sent[1]!.inputs.journey.renewal.rate).toBe(0.84);
    w.answer(1);
    expect(seen).toHaveLength(1);
    const e = seen[0]!;
    expect(e.kind === 'result' && e.response.result.annual[1]!.nrr).toBe(computeModel(withRenewal(0.84)).annual[1]!.nrr);
  });
});
