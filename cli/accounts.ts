// `bowtie accounts FILE [--model M]` and `bowtie pipeline FILE --model M
// [--stages MAP.json] [--period-months N]` (spec §12). The file is untrusted:
// it is size-checked, then read and scored in a worker thread with a memory cap
// and a deadline; exit codes as §9's (1: rows that cannot be read, one `line N,
// column C: message` each, the first 20; 2: a file that cannot be read at all),
// and 1 for an invalid model.
import { readFile, stat } from 'node:fs/promises';
import { defaultInputs, type ModelInputs } from '@shared/index';
import { parseStageMap, type StageMap } from '@shared/accounts/index';
import type { ConvertOptions, Mapping, Preset } from '@shared/actuals/index';
import { TABLE_FILE_LIMITS } from '@shared/actuals/limits';
import { runWorkerJob } from './worker-job';

export type TableJob =
  | { kind: 'accounts'; path: string; model: ModelInputs }
  | { kind: 'pipeline'; path: string; model: ModelInputs; stages: StageMap; periodMonths: number }
  | { kind: 'billing'; path: string; mapping: Mapping | null; preset: Preset | null; options: ConvertOptions; output: 'figures' | 'csv' };
export type TableReply =
  | { ok: true; json: unknown; notes?: string[] }
  | { ok: false; code: 1; problems: { line: number; column: string; message: string }[] }
  | { ok: false; code: 1 | 2; lines: string[] };

/**
 * The app's size and time limits (TABLE_FILE_LIMITS); reading and scoring the
 * largest file stays inside the worker's 480 MB (spec §12's budget: 512 MiB).
 */
export const TABLE_LIMITS = { fileBytes: TABLE_FILE_LIMITS.bytes, timeoutMs: TABLE_FILE_LIMITS.timeoutMs, maxOldGenerationSizeMb: 480 };
const PROBLEM_LINES = 20;

type Io = { out: (s: string) => void; err: (s: string) => void };
type LoadModel = (path: string) => Promise<{ ok: true; inputs: ModelInputs; notes: string[] } | { ok: false; code: 1 | 2; lines: string[] }>;

/** Reads and computes one file in a worker thread with the limits above (the file is untrusted). */
export function readInWorker(job: TableJob): Promise<TableReply> {
  return runWorkerJob<TableReply>('accounts-worker', job, TABLE_LIMITS, (f) => ({ ok: false, code: 2, lines: [
    f.kind === 'timeout' ? `reading the file took longer than ${TABLE_LIMITS.timeoutMs / 1000} s, so it was stopped`
      : f.kind === 'memory' ? `reading the file needed more than ${TABLE_LIMITS.maxOldGenerationSizeMb} MB of memory, so it was stopped`
        : f.kind === 'error' ? `the file could not be read (${f.message})`
          : `the reader stopped unexpectedly (exit code ${f.code})`] }));
}

/** `--name value` options after the file; null with a usage line when one is unknown or has no value. */
function options(args: string[], allowed: readonly string[]): Record<string, string> | null {
  const o: Record<string, string> = {};
  for (let i = 0; i < args.length; i += 2) {
    const k = args[i]!, v = args[i + 1];
    if (!k.startsWith('--') || !allowed.includes(k.slice(2)) || v === undefined || k.slice(2) in o) return null;
    o[k.slice(2)] = v;
  }
  return o;
}

export const TABLE_USAGE = 'bowtie accounts FILE [--model M] | bowtie pipeline FILE --model M [--stages MAP.json] [--period-months N]';

export async function tableCommand(command: 'accounts' | 'pipeline', args: string[], io: Io, loadModel: LoadModel): Promise<number> {
  const [file, ...rest] = args;
  const o = file ? options(rest, command === 'accounts' ? ['model'] : ['model', 'stages', 'period-months']) : null;
  if (!file || !o) { io.err(`usage: ${TABLE_USAGE}`); return 2; }
  if (command === 'pipeline' && !o.model) { io.err(`${file}: the pipeline is measured against a plan; give the model with --model M`); return 2; }
  let model = defaultInputs();
  if (o.model) {
    const loaded = await loadModel(o.model);
    if (!loaded.ok) { loaded.lines.forEach(io.err); return loaded.code; }
    loaded.notes.forEach((n) => io.err(`note: ${n}`));
    model = loaded.inputs;
  }
  let stages: StageMap = {};
  if (o.stages) {
    let json: unknown;
    try { json = JSON.parse(await readFile(o.stages, 'utf8')); } catch (e) { io.err(`${o.stages}: not a JSON stage map (${(e as Error).message})`); return 2; }
    const parsed = parseStageMap(json);
    if (!parsed.ok) { parsed.problems.forEach((p) => io.err(`${o.stages}: ${p}`)); return 1; }
    stages = parsed.map;
  }
  const periodMonths = o['period-months'] === undefined ? 3 : Number(o['period-months']);
  if (!Number.isInteger(periodMonths) || periodMonths < 1 || periodMonths > model.general.horizonMonths) {
    io.err(`--period-months: must be a whole number of months from 1 to the horizon (${model.general.horizonMonths}), got ${o['period-months']}`);
    return 1;
  }
  try {
    const { size } = await stat(file);
    if (size > TABLE_LIMITS.fileBytes) { io.err(`${file}: the file is ${Math.round(size / 1048576)} MB; Bowtie reads ${command} files up to ${TABLE_LIMITS.fileBytes / 1048576} MB`); return 2; }
  } catch (e) {
    io.err(`${file}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    return 2;
  }
  const job: TableJob = command === 'accounts' ? { kind: 'accounts', path: file, model } : { kind: 'pipeline', path: file, model, stages, periodMonths };
  const reply = await readInWorker(job);
  if (reply.ok) { io.out(JSON.stringify(reply.json, null, 2)); return 0; }
  if ('problems' in reply) { reply.problems.slice(0, PROBLEM_LINES).forEach((p) => io.err(`line ${p.line}, column ${p.column}: ${p.message}`)); return 1; }
  reply.lines.forEach((l) => io.err(`${file}: ${l}`));
  return reply.code;
}
