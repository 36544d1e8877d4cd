// What comes back from the hidden reader renderer is untrusted: that process
// parsed a hostile file and may be compromised. Before the workspace uses an
// answer it must be exactly a ReadOutcome: the known shapes, strings of sane
// length, and inputs that the core's own parseModel accepts as a model (so a
// compromised reader can at worst hand over a valid model, which any workbook
// could do, never a malformed one).
import { parseModel } from '@shared/index';
import type { ActualsSheet } from '@shared/workbook/index';
import type { ReadOutcome, WorkbookProblem } from './core-calls';

const MAX_TEXT = 2_000;
const MAX_LIST = 10_000;
/** The extras JSON lives in cells of 30,000 characters; a workbook holds far less than this. */
const MAX_EXTRAS_JSON = 20_000_000;

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
const isText = (v: unknown): v is string => typeof v === 'string' && v.length <= MAX_TEXT;
const hasExactly = (o: Record<string, unknown>, keys: string[]) => {
  const own = Object.keys(o);
  return own.length === keys.length && keys.every((k) => Object.hasOwn(o, k));
};

function isProblem(v: unknown): v is WorkbookProblem {
  return isPlainObject(v) && hasExactly(v, ['where', 'path', 'message']) && isText(v.where) && isText(v.path) && isText(v.message);
}

/**
 * Plain data only (what JSON can say: plain objects, arrays, text, finite
 * numbers, booleans, null), so nothing with behaviour or a surprising
 * prototype reaches the workspace. Returns its size in characters of JSON, or
 * null when it is something else or nested past any real workbook's depth.
 */
function plainDataSize(v: unknown, depth = 0): number | null {
  if (depth > 32) return null;
  if (v === null || typeof v === 'boolean') return 5;
  if (typeof v === 'number') return Number.isFinite(v) ? 24 : null;
  if (typeof v === 'string') return v.length + 2;
  let total = 2;
  const add = (x: unknown) => {
    const n = plainDataSize(x, depth + 1);
    if (n === null) return false;
    total += n + 1;
    return true;
  };
  if (Array.isArray(v)) return Object.getPrototypeOf(v) === Array.prototype && v.every(add) ? total : null;
  if (!isPlainObject(v)) return null;
  for (const [key, x] of Object.entries(v)) {
    total += key.length + 3;
    if (!add(x)) return null;
  }
  return total;
}

const isNumbers = (v: unknown, n: number, nulls = false): boolean =>
  Array.isArray(v) && v.length === n && v.every((x) => (nulls && x === null) || (typeof x === 'number' && Number.isFinite(x)));
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The workbook's Actuals sheet (issue 14) as readActuals gives it: every list aligned with the months. */
function isActualsSheet(v: unknown): v is ActualsSheet {
  if (!isPlainObject(v) || !isPlainObject(v.source)) return false;
  const { source } = v;
  if (!isText(source.fileName) || !isText(source.sha256) || typeof source.rows !== 'number' || !Number.isFinite(source.rows)) return false;
  const months = v.months;
  if (!Array.isArray(months) || months.length === 0 || months.length > 1200 || !months.every((m) => typeof m === 'string' && MONTH.test(m))) return false;
  const n = months.length;
  if (!['opening', 'new', 'reactivation', 'expansion', 'contraction', 'churn', 'closing', 'customers'].every((k) => isNumbers(v[k], n))) return false;
  if (!['nrr12', 'grr12', 'logoRetention12'].every((k) => isNumbers(v[k], n, true))) return false;
  return Array.isArray(v.cohorts) && v.cohorts.length <= n && v.cohorts.every((c) =>
    isPlainObject(c) && typeof c.start === 'string' && MONTH.test(c.start) && typeof c.customers === 'number' && Array.isArray(c.arr) && isNumbers(c.arr, c.arr.length) && c.arr.length <= n);
}

/** The reader's answer as a ReadOutcome, or why it was refused. */
export function parseReaderReply(value: unknown): { ok: true; outcome: ReadOutcome } | { ok: false; error: string } {
  const refuse = (why: string) => ({ ok: false as const, error: `the reader's answer was refused (${why})` });
  if (!isPlainObject(value)) return refuse('not an object');
  if (value.ok === true) {
    const withActuals = Object.hasOwn(value, 'actuals');
    if (!hasExactly(value, withActuals ? ['ok', 'inputs', 'extras', 'notes', 'actuals'] : ['ok', 'inputs', 'extras', 'notes'])) return refuse('unexpected fields');
    if (withActuals && (!isActualsSheet(value.actuals) || (plainDataSize(value.actuals) ?? Infinity) > MAX_EXTRAS_JSON)) return refuse('the actuals are not an Actuals sheet');
    if (!Array.isArray(value.notes) || value.notes.length > MAX_LIST || !value.notes.every(isText)) return refuse('bad notes');
    const extrasSize = value.extras === undefined ? 0 : plainDataSize(value.extras);
    if (extrasSize === null || extrasSize > MAX_EXTRAS_JSON) return refuse('extras are not plain data');
    const inputsSize = isPlainObject(value.inputs) ? plainDataSize(value.inputs) : null;
    if (inputsSize === null || inputsSize > MAX_EXTRAS_JSON) return refuse('inputs are not plain data');
    const parsed = parseModel(value.inputs);
    if (!parsed.ok) return refuse(`inputs are not a valid model: ${parsed.problems[0]?.path ?? ''}`);
    return { ok: true, outcome: { ok: true, inputs: parsed.value, extras: value.extras, notes: [...value.notes], ...(withActuals ? { actuals: value.actuals as ActualsSheet } : {}) } };
  }
  if (value.ok === false && value.kind === 'invalid') {
    if (!hasExactly(value, ['ok', 'kind', 'problems'])) return refuse('unexpected fields');
    const problems = value.problems;
    if (!Array.isArray(problems) || problems.length === 0 || problems.length > MAX_LIST || !problems.every(isProblem)) return refuse('bad problem list');
    return { ok: true, outcome: { ok: false, kind: 'invalid', problems: problems.map((p) => ({ where: p.where, path: p.path, message: p.message })) } };
  }
  if (value.ok === false && value.kind === 'unreadable') {
    if (!hasExactly(value, ['ok', 'kind', 'error']) || !isText(value.error) || value.error === '') return refuse('bad error');
    return { ok: true, outcome: { ok: false, kind: 'unreadable', error: value.error } };
  }
  return refuse('unknown kind');
}
