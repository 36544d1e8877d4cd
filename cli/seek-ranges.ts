// `bowtie seek` (spec §10) and `bowtie ranges` (spec §11): the same core as the
// app's goal seek and Ranges view, headless.
//   seek FILE --output KEY --target N --input KEY [--within LO,HI]
//   ranges FILE [--samples N] [--seed S] [--target KEY=VALUE …]
// Exit 0 (for seek, reachable or not), 1 for an invalid model, key, interval or
// range (naming it), 2 for a file that cannot be read or a malformed command line.
import { readFile } from 'node:fs/promises';
import { goalSeek, outputValue, parseRanges, parseTarget, resolveOutput, runRanges, type ModelInputs } from '@shared/index';
import { planArrKey, planTarget, withPlanTarget } from '@shared/report/index';
import { readWorkbook, type WorkbookRanges } from '@shared/workbook/index';

type Loaded = { ok: true; inputs: ModelInputs; notes: string[] } | { ok: false; code: 1 | 2; lines: string[] };
export type LoadModel = (path: string) => Promise<Loaded>;
type Io = { out: (s: string) => void; err: (s: string) => void };

export const SEEK_USAGE = 'usage: bowtie seek FILE --output KEY --target N --input KEY [--within LO,HI]';
export const RANGES_USAGE = 'usage: bowtie ranges FILE [--samples N] [--seed S] [--target KEY=VALUE …]';

/** `--name value` pairs; a repeated name keeps every value. Null when the line is malformed. */
function options(args: string[], known: readonly string[]): Map<string, string[]> | null {
  const got = new Map<string, string[]>();
  for (let i = 0; i < args.length; i += 2) {
    const name = args[i]!, value = args[i + 1];
    if (!name.startsWith('--') || !known.includes(name.slice(2)) || value === undefined) return null;
    got.set(name.slice(2), [...(got.get(name.slice(2)) ?? []), value]);
  }
  return got;
}

const NUMBER = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;
const numberOf = (s: string): number | null => (NUMBER.test(s) ? Number(s) : null);

async function load(loadModel: LoadModel, file: string, io: Io): Promise<ModelInputs | number> {
  const loaded = await loadModel(file);
  if (!loaded.ok) { loaded.lines.forEach(io.err); return loaded.code; }
  // `ranges` and `simulation` are read by `ranges` itself, not reported as unknown inputs.
  loaded.notes.filter((n) => !/^(ranges|simulation)\b/.test(n)).forEach((n) => io.err(`note: ${n}`));
  return loaded.inputs;
}

export async function seekCommand(file: string, args: string[], loadModel: LoadModel, io: Io): Promise<number> {
  const opts = options(args, ['output', 'target', 'input', 'within']);
  const one = (k: string) => (opts?.get(k)?.length === 1 ? opts.get(k)![0]! : undefined);
  const output = one('output'), targetText = one('target'), input = one('input');
  if (!opts || output === undefined || targetText === undefined || input === undefined || (opts.get('within')?.length ?? 0) > 1) { io.err(SEEK_USAGE); return 2; }
  const target = numberOf(targetText);
  if (target === null) { io.err(`--target: must be a number, got ${JSON.stringify(targetText)}`); return 1; }
  let within: [number, number] | undefined;
  const w = one('within');
  if (w !== undefined) {
    const parts = w.split(',').map(numberOf);
    if (parts.length !== 2 || parts.some((p) => p === null)) { io.err(`--within: must be LO,HI (two numbers), got ${JSON.stringify(w)}`); return 1; }
    within = [parts[0]!, parts[1]!];
  }
  const m = await load(loadModel, file, io);
  if (typeof m === 'number') return m;
  const r = goalSeek(m, { output, target, input, ...(within ? { within } : {}) });
  if (!r.ok) { io.err(r.error); return 1; }
  const a = r.answer;
  io.out(JSON.stringify({ output: a.output, target: a.target, input: a.input, from: a.from, reachable: a.reachable, value: a.value, achieved: a.achieved }, null, 2));
  if (!a.reachable) io.err(`note: ${a.message}`);
  return 0;
}

/** The model file's own `ranges` and `simulation`: a JSON model's fields, or a workbook's Ranges sheet. */
export async function rangesOf(file: string): Promise<{ ranges?: unknown; simulation?: unknown }> {
  if (/\.xlsx$/i.test(file)) {
    const r = await readWorkbook(new Uint8Array(await readFile(file)));
    return r.ok && r.ranges ? { ranges: r.ranges.ranges, simulation: r.ranges.simulation } : {};
  }
  try {
    const json: unknown = JSON.parse(await readFile(file, 'utf8'));
    return json !== null && typeof json === 'object' && !Array.isArray(json) ? (json) : {};
  } catch {
    return {}; // a workbook under another name: loadModelFile has read it
  }
}

/**
 * `bowtie export`'s Ranges sheet: the model file's ranges and settings with the
 * run's figures (the plan's own ARR a target, as the app saves it); null
 * without ranges; the problems, by path, of ranges that do not fit the model.
 */
export async function exportRangesOf(file: string, m: ModelInputs): Promise<{ ok: true; ranges: WorkbookRanges | null } | { ok: false; lines: string[] }> {
  const own = await rangesOf(file);
  const parsed = parseRanges(m, own.ranges, own.simulation);
  if (!parsed.ok) return { ok: false, lines: parsed.problems.map((p) => `${p.path}: ${p.message}`) };
  if (parsed.ranges.length === 0) return { ok: true, ranges: null };
  const ranges = parsed.ranges.map((r) => ({ key: r.key, low: r.low, high: r.high, ...(r.mode === undefined || r.mode === null ? {} : { mode: r.mode }) }));
  const planRef = resolveOutput(m, planArrKey(m));
  const plan = planRef.ok ? outputValue(m, planRef.value) : null;
  const planArr = plan === null ? null : plan.toNumber();
  const report = runRanges(m, parsed.ranges, { ...parsed.simulation, targets: withPlanTarget(parsed.simulation.targets, planArr === null ? null : planTarget(m, planArr)) });
  return { ok: true, ranges: { ranges, simulation: parsed.simulation, outcome: { report, planArr } } };
}

export async function rangesCommand(file: string, args: string[], loadModel: LoadModel, io: Io): Promise<number> {
  const opts = options(args, ['samples', 'seed', 'target']);
  if (!opts || (opts.get('samples')?.length ?? 0) > 1 || (opts.get('seed')?.length ?? 0) > 1) { io.err(RANGES_USAGE); return 2; }
  const m = await load(loadModel, file, io);
  if (typeof m === 'number') return m;
  const own = await rangesOf(file);
  const simulation: Record<string, unknown> = own.simulation !== null && typeof own.simulation === 'object' && !Array.isArray(own.simulation) ? { ...own.simulation } : {};
  const flag = new Map<string, string>();
  for (const k of ['samples', 'seed'] as const) {
    const v = opts.get(k)?.[0];
    if (v === undefined) continue;
    simulation[k] = numberOf(v) ?? v;
    flag.set(`simulation.${k}`, `--${k}`);
  }
  const parsed = parseRanges(m, own.ranges, own.simulation === undefined && flag.size === 0 ? undefined : simulation);
  if (!parsed.ok) { parsed.problems.forEach((p) => io.err(`${flag.get(p.path) ?? p.path}: ${p.message}`)); return 1; }
  const targets = [...parsed.simulation.targets];
  for (const t of opts.get('target') ?? []) {
    const at = t.lastIndexOf('=');
    const value = at > 0 ? numberOf(t.slice(at + 1)) : null;
    const p = at > 0 && value !== null ? parseTarget(m, { output: t.slice(0, at), value }) : { ok: false as const, error: `must be KEY=VALUE, e.g. nrrByYear[1]=1.1, got ${JSON.stringify(t)}` };
    if (!p.ok) { io.err(`--target: ${p.error}`); return 1; }
    targets.push(p.target);
  }
  io.out(JSON.stringify(runRanges(m, parsed.ranges, { ...parsed.simulation, targets }), null, 2));
  return 0;
}
