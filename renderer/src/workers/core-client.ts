// The one way the renderer calls into the core off the main thread. Like Grist's
// single narrow call into its data engine, every request is a method name and its
// arguments; the worker answers with the value or an error, and may stream
// progress first (the Sensitivity table's rows). The method names and their types
// are declared once per worker (core-calls.ts), so a call cannot drift from the
// worker that serves it.
//
// What the client adds to postMessage: ids that pair replies with calls, a time
// limit that terminates a worker which overruns (a hostile workbook must not hang
// the workspace), a crashed worker reported as an error instead of a call that
// never returns, and `latest()`: a lane on which the newest request wins.

/** One call a worker serves: its arguments, result and (optionally) progress. */
export interface CallSpec { args: unknown; result: unknown; progress?: unknown }
export type CallMap = Record<string, CallSpec>;

export type CallRequest = { id: number; call: string; args: unknown } | { id: number; cancel: true };
export type CallReply =
  | { id: number; progress: unknown }
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: string };

/** The part of Worker we use, so tests can pass a fake. */
export interface WorkerLike {
  postMessage(message: CallRequest): void;
  onmessage: ((e: MessageEvent<CallReply>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
  terminate(): void;
}

export class CallFailed extends Error {
  constructor(message: string, readonly reason: 'error' | 'timeout' | 'crashed' | 'stopped') { super(message); }
}

type Progress<S extends CallSpec> = S extends { progress: infer P } ? P : never;

export interface CallOptions<S extends CallSpec> {
  onProgress?: (p: Progress<S>) => void;
  /** overrides the client's time limit for this call */
  timeoutMs?: number;
}

export interface ClientOptions {
  /** a call that takes longer terminates the worker and fails (0: no limit) */
  timeoutMs?: number;
  /** a fresh worker for every call, terminated after it (untrusted bytes) */
  workerPerCall?: boolean;
}

interface Pending { done(r: { ok: true; value: unknown } | { ok: false; error: CallFailed }): void; onProgress?: (p: unknown) => void; timer?: ReturnType<typeof setTimeout>; worker: WorkerLike }

export interface CoreClient<C extends CallMap> {
  call<K extends keyof C & string>(name: K, args: C[K]['args'], opts?: CallOptions<C[K]>): Promise<C[K]['result']>;
  /** A lane on which each request supersedes the ones before it (see LatestLane). */
  latest<K extends keyof C & string>(name: K, mode: LaneMode): LatestLane<C, K>;
  /** Start the worker now rather than at the first call (it loads its modules meanwhile). */
  warm(): void;
  /** Stop the worker; calls in flight fail with reason 'stopped'. The next call starts a new worker. */
  terminate(): void;
}

/**
 * 'queue': one call in flight; requests made meanwhile collapse into the newest,
 * which runs when the call in flight ends (for work that cannot stop midway, like
 * a recompute). 'cancel': each request runs at once and tells the worker to
 * abandon the one before (for work that checks between steps, like the
 * Sensitivity table's rows). Either way only the newest request's progress and
 * result reach `publish`.
 */
export type LaneMode = 'queue' | 'cancel';

export type LaneEvent<S extends CallSpec, A> =
  | { kind: 'progress'; args: A; progress: Progress<S> }
  | { kind: 'result'; args: A; result: S['result'] }
  | { kind: 'error'; args: A; error: string };

export interface LatestLane<C extends CallMap, K extends keyof C> {
  request(args: C[K]['args'], publish: (e: LaneEvent<C[K], C[K]['args']>) => void): void;
  /** Nothing more reaches `publish` until the next request; a 'cancel' lane also tells the worker to abandon the call in flight. */
  stop(): void;
}

export function createCoreClient<C extends CallMap>(spawn: () => WorkerLike, options: ClientOptions = {}): CoreClient<C> {
  let shared: WorkerLike | null = null;
  let nextId = 0;
  const pending = new Map<number, Pending>();

  const settle = (id: number): Pending | undefined => {
    const p = pending.get(id);
    if (!p) return undefined;
    pending.delete(id);
    clearTimeout(p.timer);
    if (options.workerPerCall) p.worker.terminate();
    return p;
  };

  /** Fail every call on this worker and drop it (it crashed, overran or was stopped). */
  const abandon = (worker: WorkerLike, error: CallFailed) => {
    worker.terminate();
    if (shared === worker) shared = null;
    for (const [id, p] of [...pending]) {
      if (p.worker !== worker) continue;
      settle(id);
      p.done({ ok: false, error });
    }
  };

  const start = (): WorkerLike => {
    const worker = spawn();
    worker.onmessage = (e) => {
      const r = e.data;
      if ('progress' in r) { pending.get(r.id)?.onProgress?.(r.progress); return; }
      const p = settle(r.id);
      if (!p) return;
      p.done(r.ok ? r : { ok: false, error: new CallFailed(r.error, 'error') });
    };
    worker.onerror = (e) => {
      e.preventDefault?.();
      abandon(worker, new CallFailed(e.message || 'the worker stopped unexpectedly', 'crashed'));
    };
    return worker;
  };

  const worker = (): WorkerLike => (options.workerPerCall ? start() : (shared ??= start()));

  /** Post a call; `done` runs synchronously with the reply, so a lane's bookkeeping never lags a message. */
  function send(name: string, args: unknown, done: Pending['done'], opts: { onProgress?: (p: unknown) => void; timeoutMs?: number } = {}): number {
    const w = worker();
    const id = ++nextId;
    const p: Pending = { done, worker: w, onProgress: opts.onProgress };
    const limit = opts.timeoutMs ?? options.timeoutMs ?? 0;
    if (limit > 0) p.timer = setTimeout(() => abandon(w, new CallFailed(`took longer than ${limit / 1000} s and was stopped`, 'timeout')), limit);
    pending.set(id, p);
    w.postMessage({ id, call: name, args });
    return id;
  }

  function call<K extends keyof C & string>(name: K, args: C[K]['args'], opts: CallOptions<C[K]> = {}): Promise<C[K]['result']> {
    return new Promise((resolve, reject) => {
      send(name, args, (r) => (r.ok ? resolve(r.value) : reject(r.error)), opts as { onProgress?: (p: unknown) => void; timeoutMs?: number });
    });
  }

  function latest<K extends keyof C & string>(name: K, mode: LaneMode): LatestLane<C, K> {
    type Args = C[K]['args'];
    type Job = { args: Args; publish: (e: LaneEvent<C[K], Args>) => void };
    let newest: Job | null = null;
    let inFlight: { job: Job; id: number } | null = null;
    let waiting: Job | null = null;

    const run = (job: Job) => {
      const current = { job, id: 0 };
      inFlight = current;
      current.id = send(name, job.args, (r) => {
        if (inFlight === current) inFlight = null;
        if (job === newest) job.publish(r.ok ? { kind: 'result', args: job.args, result: r.value as C[K]['result'] } : { kind: 'error', args: job.args, error: r.error.message });
        if (waiting && !inFlight) { const next = waiting; waiting = null; run(next); } // stale: dropped, run the newest
      }, { onProgress: (progress) => { if (job === newest) job.publish({ kind: 'progress', args: job.args, progress: progress as Progress<C[K]> }); } });
    };

    const cancelInFlight = () => {
      if (mode !== 'cancel' || !inFlight) return;
      // The worker stops the old one between steps; its late reply is dropped above.
      pending.get(inFlight.id)?.worker.postMessage({ id: inFlight.id, cancel: true });
      inFlight = null;
    };

    return {
      request(args, publish) {
        const job: Job = { args, publish };
        newest = job;
        cancelInFlight();
        if (inFlight) waiting = job; else run(job);
      },
      stop() {
        newest = null;
        waiting = null;
        cancelInFlight();
      },
    };
  }

  return {
    call,
    latest,
    warm() { if (!options.workerPerCall) worker(); },
    terminate() {
      const workers = new Set([...pending.values()].map((p) => p.worker));
      if (shared) workers.add(shared);
      for (const w of workers) abandon(w, new CallFailed('stopped', 'stopped'));
      shared = null;
    },
  };
}

/** What a handler gets besides its arguments. */
export interface CallContext<P> {
  progress(p: P): void;
  /** true once a newer request on the same lane asked this one to stop */
  cancelled(): boolean;
}

export type Handlers<C extends CallMap> = {
  [K in keyof C]: (args: C[K]['args'], ctx: CallContext<Progress<C[K]>>) => C[K]['result'] | Promise<C[K]['result']>;
};

/** The worker's side: answer each call with its handler's value or error. */
export function serveCalls<C extends CallMap>(handlers: Handlers<C>, scope: { postMessage(m: CallReply, transfer?: Transferable[]): void; onmessage: ((e: MessageEvent<CallRequest>) => void) | null } = self as never): void {
  const cancelled = new Set<number>();
  const text = (x: unknown): string => (x instanceof Error ? x.message : typeof x === 'string' ? x : JSON.stringify(x));
  scope.onmessage = (e) => { void answer(e.data); };
  async function answer(req: CallRequest): Promise<void> {
    if ('cancel' in req) { cancelled.add(req.id); return; }
    const handler = handlers[req.call as keyof C];
    const ctx: CallContext<never> = { progress: (p) => scope.postMessage({ id: req.id, progress: p }), cancelled: () => cancelled.has(req.id) };
    try {
      if (!handler) throw new Error(`no such call: ${req.call}`);
      scope.postMessage({ id: req.id, ok: true, value: await handler(req.args, ctx) });
    } catch (err) {
      scope.postMessage({ id: req.id, ok: false, error: text(err) });
    } finally {
      cancelled.delete(req.id);
    }
  }
}
