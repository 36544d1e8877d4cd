import { afterEach, describe, expect, it, vi } from 'vitest';
import { computeModel, defaultInputs, setInput, type ModelInputs } from '@shared/index';
import type { ModelCalls } from '../../../renderer/src/workers/core-calls';
import { CallFailed, createCoreClient, serveCalls, type CallMap, type CallReply, type CallRequest, type Handlers, type LaneEvent, type WorkerLike } from '../../../renderer/src/workers/core-client';

type Sent = Extract<CallRequest, { call: string }>;

/** A worker that answers only when told to, so the test controls the order. */
function fakeWorker() {
  const sent: CallRequest[] = [];
  const w: WorkerLike & { sent: CallRequest[]; calls(): Sent[]; reply(r: CallReply): void; answer(i: number): void; terminated: boolean } = {
    sent,
    terminated: false,
    onmessage: null,
    onerror: null,
    postMessage(m) { sent.push(m); },
    terminate() { w.terminated = true; },
    calls: () => sent.filter((m): m is Sent => 'call' in m),
    reply(r) { w.onmessage?.({ data: r } as MessageEvent<CallReply>); },
    answer(i) {
      const req = w.calls()[i]!;
      w.reply({ id: req.id, ok: true, value: { result: computeModel(req.args as ModelInputs), ms: 1 } });
    },
  };
  return w;
}

/** A worker served in-process by real handlers (serveCalls), replying on a later task like a Worker. */
function servedWorker<C extends CallMap>(handlers: Handlers<C>): WorkerLike {
  const inside = { onmessage: null as ((e: MessageEvent<CallRequest>) => void) | null, postMessage: (m: CallReply) => { setTimeout(() => outside.onmessage?.({ data: m } as MessageEvent<CallReply>)); } };
  serveCalls<C>(handlers, inside);
  const outside: WorkerLike = {
    onmessage: null, onerror: null, terminate() {},
    postMessage(m) { setTimeout(() => inside.onmessage?.({ data: m } as MessageEvent<CallRequest>)); },
  };
  return outside;
}

const withRenewal = (rate: number): ModelInputs => setInput(defaultInputs(), 'journey.renewal.rate', rate);

afterEach(() => { vi.useRealTimers(); });

describe('core client: the recompute lane', () => {
  it('drops a result whose inputs were edited meanwhile and shows the newest', () => {
    const w = fakeWorker();
    const seen: LaneEvent<ModelCalls['compute'], ModelInputs>[] = [];
    const lane = createCoreClient<ModelCalls>(() => w).latest('compute', 'queue');
    const publish = (e: LaneEvent<ModelCalls['compute'], ModelInputs>) => seen.push(e);
    lane.request(withRenewal(0.8), publish);
    lane.request(withRenewal(0.82), publish);
    lane.request(withRenewal(0.84), publish); // 0.82 never runs
    expect(w.calls()).toHaveLength(1);
    w.answer(0);
    expect(seen).toHaveLength(0); // stale: dropped
    expect(w.calls()).toHaveLength(2);
    expect((w.calls()[1]!.args as ModelInputs).journey.renewal.rate).toBe(0.84);
    w.answer(1);
    expect(seen).toHaveLength(1);
    const e = seen[0]!;
    expect(e.kind === 'result' && e.result.result.annual[1]!.nrr).toBe(computeModel(withRenewal(0.84)).annual[1]!.nrr);
  });
});

type Steps = { count: { args: number; result: number | null; progress: number } };

describe('core client: the cancelling lane', () => {
  it('tells the worker to stop the old request and shows only the newest one’s progress and result', async () => {
    const seen: string[] = [];
    const started: number[] = [];
    const client = createCoreClient<Steps>(() => servedWorker<Steps>({
      async count(n, ctx) {
        started.push(n);
        for (let i = 1; i <= n; i++) {
          ctx.progress(i);
          await new Promise((r) => setTimeout(r, 1));
          if (ctx.cancelled()) return null;
        }
        return n;
      },
    }));
    const lane = client.latest('count', 'cancel');
    const publish = (e: LaneEvent<Steps['count'], number>) => seen.push(e.kind === 'progress' ? `${e.args}:${e.progress}` : e.kind === 'result' ? `${e.args}=${e.result}` : `error ${e.error}`);
    lane.request(50, publish);
    await vi.waitFor(() => expect(seen.length).toBeGreaterThan(0));
    lane.request(3, publish);
    await vi.waitFor(() => expect(seen.at(-1)).toBe('3=3'));
    expect(started).toEqual([50, 3]);
    const after = seen.slice(seen.indexOf('3:1'));
    expect(after).toEqual(['3:1', '3:2', '3:3', '3=3']); // nothing of the old request once the new one runs
    expect(seen.filter((s) => s.startsWith('50:')).length).toBeLessThan(50); // it stopped early
  });

  it('stop() abandons the call in flight and publishes nothing more, while the shared worker keeps serving (the Sensitivity sheet closed)', async () => {
    const seen: string[] = [];
    let finished: number | null = null;
    const client = createCoreClient<Steps>(() => servedWorker<Steps>({
      async count(n, ctx) {
        for (let i = 1; i <= n; i++) {
          ctx.progress(i);
          await new Promise((r) => setTimeout(r, 1));
          if (ctx.cancelled()) { finished = i; return null; }
        }
        return n;
      },
    }));
    const lane = client.latest('count', 'cancel');
    lane.request(200, (e) => seen.push(e.kind));
    await vi.waitFor(() => expect(seen.length).toBeGreaterThan(0));
    lane.stop();
    const shown = seen.length;
    await vi.waitFor(() => expect(finished).not.toBeNull());
    expect(finished!).toBeLessThan(200);
    expect(seen.length).toBe(shown);
    // Another user of the same worker is unaffected: a plain call still answers.
    expect(await client.call('count', 2)).toBe(2);
  });
});

describe('core client: calls', () => {
  it('returns the worker’s value, and its error as a failed call', async () => {
    type Api = { half: { args: number; result: number } };
    const client = createCoreClient<Api>(() => servedWorker<Api>({ half: (n) => { if (n % 2) throw new Error(`${n} is odd`); return n / 2; } }));
    await expect(client.call('half', 8)).resolves.toBe(4);
    await expect(client.call('half', 7)).rejects.toMatchObject({ message: '7 is odd', reason: 'error' });
  });

  it('terminates a worker that overruns its time limit, fails the call, and starts a fresh worker for the next', async () => {
    vi.useFakeTimers();
    const workers: ReturnType<typeof fakeWorker>[] = [];
    const client = createCoreClient<ModelCalls>(() => { const w = fakeWorker(); workers.push(w); return w; }, { timeoutMs: 20_000 });
    const slow = client.call('compute', defaultInputs());
    vi.advanceTimersByTime(20_001);
    await expect(slow).rejects.toBeInstanceOf(CallFailed);
    await expect(slow).rejects.toMatchObject({ reason: 'timeout', message: 'took longer than 20 s and was stopped' });
    expect(workers[0]!.terminated).toBe(true);
    const next = client.call('compute', defaultInputs());
    expect(workers).toHaveLength(2);
    workers[1]!.answer(0);
    await expect(next).resolves.toMatchObject({ ms: 1 });
  });

  it('fails the calls of a worker that crashes instead of leaving them waiting', async () => {
    const w = fakeWorker();
    const client = createCoreClient<ModelCalls>(() => w);
    const call = client.call('compute', defaultInputs());
    w.onerror?.({ message: 'out of memory', preventDefault() {} } as ErrorEvent);
    await expect(call).rejects.toMatchObject({ reason: 'crashed', message: 'out of memory' });
    expect(w.terminated).toBe(true);
  });

  it('with a worker per call, starts one for each call and terminates it after its reply', async () => {
    const workers: ReturnType<typeof fakeWorker>[] = [];
    const client = createCoreClient<ModelCalls>(() => { const w = fakeWorker(); workers.push(w); return w; }, { workerPerCall: true });
    const a = client.call('compute', defaultInputs());
    const b = client.call('compute', withRenewal(0.9));
    expect(workers).toHaveLength(2);
    workers[1]!.answer(0);
    await expect(b).resolves.toMatchObject({ ms: 1 });
    expect(workers.map((w) => w.terminated)).toEqual([false, true]);
    workers[0]!.answer(0);
    await a;
    expect(workers[0]!.terminated).toBe(true);
  });
});
