// The headless command (spec §7): the same core as the app, no window.
//   bowtie calc FILE            JSON model (partial, merged over defaults) or .xlsx → figures as JSON
//   bowtie export FILE OUT.xlsx [--actuals BILLING]  write the workbook (with FILE's Actuals sheet, or BILLING's)
//   bowtie actuals FILE         a billing export (CSV or .xlsx) → the figures of §9 as JSON
//   bowtie seek FILE …, bowtie ranges FILE …   goal seek (§10) and ranges (§11): cli/seek-ranges.ts
//   bowtie accounts FILE / pipeline FILE --model M   readiness, risk and coverage (§12, cli/accounts.ts)
// Exit 0 on success, 1 for an invalid model (one `path: message` line per problem
// on stderr), 2 for a file that cannot be read as a model or workbook. For
// `actuals` (§9): 1 for unreadable rows (`line N, column C: message`, the first
// 20), 2 for a file that cannot be read at all.
import { readFile, stat } from 'node:fs/promises';
import { parseModel, summarize, type InputProblem, type ModelInputs } from '@shared/index';
import type { ActualsSheet } from '@shared/workbook/index';

export const EXIT = { ok: 0, invalid: 1, unreadable: 2 } as const;

/** A JSON model is a few KB; parsing 150 MB of JSON took 2.2 GB. Checked before a byte is read. */
export const MAX_MODEL_BYTES = 10 * 1024 * 1024;

export type Loaded =
  | { ok: true; inputs: ModelInputs; notes: string[]; extras?: unknown; actuals?: ActualsSheet }
  | { ok: false; code: 1 | 2; lines: string[] };

const USAGE = 'usage: bowtie calc FILE | bowtie export FILE OUT.xlsx [--actuals BILLING] | bowtie actuals FILE [options] | bowtie convert FILE OUT.csv [options] | bowtie seek FILE … | bowtie ranges FILE … | bowtie accounts FILE [--model M] | bowtie pipeline FILE --model M [--stages MAP.json] [--period-months N]';
/** §9: at most this many `line N, column C` lines on stderr */
export const ACTUALS_PROBLEM_LINES = 20;

const problemLines = (problems: readonly InputProblem[]): string[] => problems.map((p) => `${p.path}: ${p.message}`);

async function loadJsonModel(path: string, bytes: Buffer): Promise<Loaded> {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch (e) {
    return { ok: false, code: 2, lines: [`${path}: not a JSON model or .xlsx workbook (${(e as Error).message})`] };
  }
  // JSON that is not an object (a list, a number) is not a model at all: exit 2, like unreadable bytes.
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return { ok: false, code: 2, lines: [`${path}: not a model (a JSON object of inputs) or .xlsx workbook`] };
  const parsed = parseModel(json);
  return parsed.ok ? { ok: true, inputs: parsed.value, notes: parsed.notes ?? [] } : { ok: false, code: 1, lines: problemLines(parsed.problems) };
}

const isZip = (b: Buffer) => b.length >= 2 && b[0] === 0x50 && b[1] === 0x4b;

export async function loadModelFile(path: string): Promise<Loaded> {
  // A workbook is read (size-checked first) by the worker host, never pulled in whole here.
  if (/\.xlsx$/i.test(path)) return loadWorkbook(path);
  let bytes: Buffer;
  try {
    const { size } = await stat(path);
    if (size > MAX_MODEL_BYTES) return { ok: false, code: 2, lines: [`${path}: the file is ${(size / 1048576).toFixed(1)} MB; a JSON model is at most ${MAX_MODEL_BYTES / 1048576} MB (a model is a few KB)`] };
    bytes = await readFile(path);
    // The file may have grown since stat: never parse more than the cap.
    if (bytes.length > MAX_MODEL_BYTES) return { ok: false, code: 2, lines: [`${path}: the file is over ${MAX_MODEL_BYTES / 1048576} MB; a JSON model is at most ${MAX_MODEL_BYTES / 1048576} MB (a model is a few KB)`] };
  } catch (e) {
    return { ok: false, code: 2, lines: [`${path}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`] };
  }
  if (isZip(bytes) || /\.xlsx$/i.test(path)) return loadWorkbook(path);
  return loadJsonModel(path, bytes);
}

/** Workbooks are parsed in a worker with time and memory limits (cli/load-workbook.ts). */
async function loadWorkbook(path: string): Promise<Loaded> {
  const { loadWorkbookFile } = await import('./load-workbook');
  const read = await loadWorkbookFile(path);
  if (read.ok) return { ok: true, inputs: read.inputs, notes: read.notes, extras: read.extras, ...(read.actuals ? { actuals: read.actuals } : {}) };
  if (read.kind === 'invalid') return { ok: false, code: 1, lines: read.problems.map((p) => `${p.where} ${p.path}: ${p.message}`) };
  return { ok: false, code: 2, lines: [`${path}: ${read.error}`] };
}

export async function main(argv: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const [command, file, target] = argv;
  if (command === 'calc' && file && argv.length === 2) {
    const loaded = await loadModelFile(file);
    if (!loaded.ok) { loaded.lines.forEach(err); return loaded.code; }
    loaded.notes.forEach((n) => err(`note: ${n}`));
    out(JSON.stringify(summarize(loaded.inputs), null, 2));
    return EXIT.ok;
  }
  if (command === 'export' && file && target && (argv.length === 3 || (argv.length === 5 && argv[3] === '--actuals'))) {
    const loaded = await loadModelFile(file);
    if (!loaded.ok) { loaded.lines.forEach(err); return loaded.code; }
    // `ranges` and `simulation` are not inputs: they become the Ranges sheet (spec §11).
    loaded.notes.filter((n) => !/^(ranges|simulation)\b/.test(n)).forEach((n) => err(`note: ${n}`));
    const { exportRangesOf } = await import('./seek-ranges');
    const ranged = await exportRangesOf(file, loaded.inputs);
    if (!ranged.ok) { ranged.lines.forEach(err); return EXIT.invalid; }
    // The input's Actuals sheet travels on (issue 19); --actuals imports a billing export instead, as the app would.
    let actuals = loaded.actuals;
    if (argv[4]) {
      const { actualsSheetOfFile } = await import('./load-actuals');
      const { problemLine } = await import('@shared/actuals/index');
      const read = await actualsSheetOfFile(argv[4]);
      if (!read.ok && read.kind === 'invalid') { read.problems.slice(0, ACTUALS_PROBLEM_LINES).map((p) => `${argv[4]}: ${problemLine(p)}`).forEach(err); return EXIT.invalid; }
      if (!read.ok) { err(`${argv[4]}: ${read.error}`); return EXIT.unreadable; }
      if (actuals) err(`note: the Actuals sheet of ${file} is replaced by the figures of ${argv[4]}`);
      actuals = read.sheet;
    }
    const { exportWorkbook } = await import('./export-workbook');
    const written = await exportWorkbook(loaded.inputs, target, loaded.extras, { source: file, ...(actuals ? { actuals } : {}), ...(ranged.ranges ? { ranges: ranged.ranges } : {}) });
    if (!written.ok) { err(`${target}: ${written.error}`); return EXIT.unreadable; }
    return EXIT.ok;
  }
  if ((command === 'actuals' && file && argv.length > 2) || command === 'convert') {
    const { billingCommand } = await import('./billing-export');
    return billingCommand(command, argv.slice(1), { out, err });
  }
  if (command === 'actuals' && file && argv.length === 2) {
    const { actualsFileFigures } = await import('./load-actuals');
    const { problemLine } = await import('@shared/actuals/index');
    const read = await actualsFileFigures(file);
    if (!read.ok && read.kind === 'invalid') {
      read.problems.slice(0, ACTUALS_PROBLEM_LINES).map(problemLine).forEach(err);
      return EXIT.invalid;
    }
    if (!read.ok && /^the header has no /.test(read.error)) {
      // Not §9's own table: a billing export in its own shape (§9.1), if its headers tell which.
      const { billingCommand } = await import('./billing-export');
      return billingCommand('actuals', [file], { out, err }, read.error);
    }
    if (!read.ok) { err(`${file}: ${read.error}`); return EXIT.unreadable; }
    out(JSON.stringify(read.figures, null, 2));
    return EXIT.ok;
  }
  if ((command === 'seek' || command === 'ranges') && file) {
    const { seekCommand, rangesCommand } = await import('./seek-ranges');
    return (command === 'seek' ? seekCommand : rangesCommand)(file, argv.slice(2), loadModelFile, { out, err });
  }
  if (command === 'accounts' || command === 'pipeline') {
    const { tableCommand } = await import('./accounts');
    return tableCommand(command, argv.slice(1), { out, err }, loadModelFile);
  }
  err(USAGE);
  return EXIT.unreadable;
}

// Run only when executed, not when imported by tests.
if (process.argv[1] && /bowtie\.ts$/.test(process.argv[1])) {
  main(process.argv.slice(2), (s) => process.stdout.write(s + '\n'), (s) => process.stderr.write(s + '\n'))
    .then((code) => { process.exitCode = code; })
    .catch((e: unknown) => { process.stderr.write(`bowtie: ${(e as Error).message}\n`); process.exitCode = 2; });
}
