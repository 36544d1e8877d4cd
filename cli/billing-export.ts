// `bowtie actuals FILE [options]` and `bowtie convert FILE OUT.csv [options]`
// for a billing export in its own shape (spec §9.1): the mapping from
// --mapping MAPPING.json, or detected from the headers (and --preset); the
// conversion's options as flags over the mapping's. The file is read and
// converted in a worker thread with a size cap, a deadline and a memory cap.
import { readFile, writeFile } from 'node:fs/promises';
import { parseMapping, parseOptions, PRESETS, PRESET_OPTIONS, type ConvertOptions, type Mapping, type Preset } from '@shared/actuals/index';
import { readInWorker, TABLE_LIMITS } from './accounts';
import { stat } from 'node:fs/promises';

type Io = { out: (s: string) => void; err: (s: string) => void };

const VALUE_FLAGS = ['mapping', 'preset', 'fx', 'through', 'snapshot', 'refunds', 'discounts', 'churn-at'] as const;
const BOOLEAN_FLAGS = ['paid-only', 'include-usage', 'end-inclusive', 'amount-includes-tax'] as const;
const camel = (s: string) => s.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

export const BILLING_USAGE = 'bowtie actuals FILE [--mapping MAPPING.json] [--preset NAME] [--fx CUR=RATE,…] [--through YYYY-MM] [--snapshot end|start] [--refunds ignore|voidFull] [--discounts net|gross] [--paid-only] [--include-usage] [--end-inclusive] [--amount-includes-tax] [--churn-at periodEnd|cancelDate] | bowtie convert FILE OUT.csv [the same options]';

/** Parses the flags into option overrides, a mapping file and a preset; problems in words. */
function flags(args: readonly string[]): { values: Record<string, string>; overrides: Record<string, unknown> } | { error: string } {
  const values: Record<string, string> = {};
  const overrides: Record<string, unknown> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const name = a.startsWith('--') ? a.slice(2) : '';
    if ((BOOLEAN_FLAGS as readonly string[]).includes(name)) { overrides[camel(name)] = true; continue; }
    if (!(VALUE_FLAGS as readonly string[]).includes(name)) return { error: `${a}: not an option (usage: ${BILLING_USAGE})` };
    const v = args[++i];
    if (v === undefined) return { error: `${a}: needs a value` };
    values[name] = v;
    if (name === 'fx') {
      const fx: Record<string, string> = {};
      for (const part of v.split(',')) {
        const m = /^\s*([A-Za-z]{3})\s*=\s*(\d+(?:\.\d+)?)\s*$/.exec(part);
        if (!m) return { error: `--fx: ${JSON.stringify(part)} is not CUR=RATE (for example EUR=1.10)` };
        fx[m[1]!.toUpperCase()] = m[2]!;
      }
      overrides.fx = fx;
    } else if (name !== 'mapping' && name !== 'preset') overrides[camel(name)] = v;
  }
  return { values, overrides };
}

/**
 * `longError`: when a plain `actuals FILE` was not §9's own table, what §9's
 * reader said; it is the message if no other shape fits either.
 */
export async function billingCommand(command: 'actuals' | 'convert', args: string[], io: Io, longError?: string): Promise<number> {
  const [file, ...rest0] = args;
  const out = command === 'convert' ? rest0[0] : undefined;
  const rest = command === 'convert' ? rest0.slice(1) : rest0;
  if (!file || (command === 'convert' && !out)) { io.err(`usage: ${BILLING_USAGE}`); return 2; }
  const f = flags(rest);
  if ('error' in f) { io.err(f.error); return 2; }
  const preset = f.values.preset;
  if (preset !== undefined && !(PRESETS as readonly string[]).includes(preset.toLowerCase())) { io.err(`--preset: must be one of ${PRESETS.join(', ')}, got ${JSON.stringify(preset)}`); return 1; }
  let mapping: Mapping | null = null;
  if (f.values.mapping) {
    let json: unknown;
    try { json = JSON.parse(await readFile(f.values.mapping, 'utf8')); } catch (e) { io.err(`${f.values.mapping}: not a JSON mapping (${(e as Error).message})`); return 2; }
    const parsed = parseMapping(json);
    if (!parsed.ok) { parsed.problems.forEach((p) => io.err(`${f.values.mapping}: ${p}`)); return 1; }
    mapping = parsed.mapping;
  }
  const problems: string[] = [];
  const base = { ...(mapping?.options ?? {}), ...(preset ? PRESET_OPTIONS[preset.toLowerCase() as Preset] : {}) };
  const options: ConvertOptions = parseOptions({ ...base, ...f.overrides }, problems);
  if (problems.length) { problems.forEach((p) => io.err(p.replace(/^options\./, '--'))); return 1; }
  try {
    const { size } = await stat(file);
    if (size > TABLE_LIMITS.fileBytes) { io.err(`${file}: the file is ${Math.round(size / 1048576)} MB; Bowtie reads billing exports in their own shape up to ${TABLE_LIMITS.fileBytes / 1048576} MB`); return 2; }
  } catch (e) {
    io.err(`${file}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    return 2;
  }
  const reply = await readInWorker({ kind: 'billing', path: file, mapping: mapping ? { ...mapping, options } : null, preset: (preset?.toLowerCase() as Preset | undefined) ?? null, options, output: command === 'convert' ? 'csv' : 'figures' });
  if (!reply.ok) {
    if ('problems' in reply) { reply.problems.slice(0, 20).forEach((p) => io.err(`line ${p.line}, column ${p.column}: ${p.message}`)); return 1; }
    if (longError && reply.code === 2 && /fit none of the shapes/.test(reply.lines[0] ?? '')) { io.err(`${file}: ${longError}`); return 2; }
    reply.lines.forEach((l) => io.err(`${file}: ${l}`));
    return reply.code;
  }
  reply.notes?.forEach((n) => io.err(`note: ${n}`));
  if (command === 'convert') {
    try { await writeFile(out!, reply.json as string); } catch (e) { io.err(`${out}: cannot write the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`); return 2; }
    return 0;
  }
  io.out(JSON.stringify(reply.json, null, 2));
  return 0;
}
