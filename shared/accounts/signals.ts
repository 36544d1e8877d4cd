// The expansion readiness signals (spec §12; seed 004's score, seed 000's
// categories): their settings, which are model inputs (`signals.*`), their
// defaults and validation, and the score of one value.
import type { Dec } from '../core/decimal';
import { D } from '../core/decimal';

/** A problem with its canonical path, as the model's validation reports it (model/inputs.ts imports this file). */
interface InputProblem { path: string; message: string }

/** The seven signals, in the order the spec lists them. */
export const SIGNAL_IDS = ['seatUtilisation', 'usageGrowth', 'breadth', 'dataRequests', 'success', 'capacity', 'champion'] as const;
export type SignalId = (typeof SIGNAL_IDS)[number];
/** The signals scored between two points (the champion is 100 or 0). */
export type ScaledSignalId = Exclude<SignalId, 'champion'>;
export const SCALED_SIGNAL_IDS = SIGNAL_IDS.filter((s): s is ScaledSignalId => s !== 'champion');

export interface ScaledSignal { weight: number; zeroAt: number; fullAt: number }

/** `signals` in a model: the weights, the two points, and the two thresholds. */
export type SignalSettings = Record<ScaledSignalId, ScaledSignal> & {
  champion: { weight: number };
  /** an account is expansion-ready with an ERS above this (seed 004: 75) */
  readyAbove: number;
  /** this many risk flags or more: at risk (seed 001: two) */
  riskFlags: number;
};

/** Seed 004's points and weights (§12's table). */
export function defaultSignals(): SignalSettings {
  return {
    seatUtilisation: { weight: 20, zeroAt: 0.5, fullAt: 0.95 },
    usageGrowth: { weight: 20, zeroAt: 0, fullAt: 0.3 },
    breadth: { weight: 15, zeroAt: 1, fullAt: 5 },
    dataRequests: { weight: 10, zeroAt: 0, fullAt: 3 },
    success: { weight: 15, zeroAt: 0, fullAt: 3 },
    capacity: { weight: 10, zeroAt: 0, fullAt: 0.5 },
    champion: { weight: 10 },
    readyAbove: 75,
    riskFlags: 2,
  };
}

export const SIGNAL_LABELS: Readonly<Record<SignalId, string>> = {
  seatUtilisation: 'Seat utilisation',
  usageGrowth: 'Usage growth',
  breadth: 'Breadth (teams)',
  dataRequests: 'Data requests',
  success: 'Success milestones',
  capacity: 'Capacity (ticket growth)',
  champion: 'Champion',
};

/** The largest weight or point a user may type: far past any real setting, never Infinity. */
const MAX_SETTING = 1e9;

const isObject = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === 'object' && !Array.isArray(x);
const numberLike = (x: unknown): unknown => (typeof x === 'string' && /^\s*-?(\d+\.?\d*|\.\d+)\s*$/.test(x) ? Number(x) : x);

/**
 * `signals` of a JSON model merged over the defaults: numbers may be decimal
 * strings, unknown keys are named in `unknown` (as the rest of the model does).
 */
export function mergeSignals(x: unknown, problems: InputProblem[], unknown: string[]): SignalSettings | undefined {
  if (x === undefined) return undefined;
  const out = defaultSignals();
  if (!isObject(x)) { problems.push({ path: 'signals', message: 'must be a group of inputs' }); return out; }
  const o = out as unknown as Record<string, unknown>;
  for (const [k, v] of Object.entries(x)) {
    if (k === 'readyAbove' || k === 'riskFlags') { o[k] = numberLike(v); continue; }
    const base = o[k];
    if (!(SIGNAL_IDS as readonly string[]).includes(k) || !isObject(base)) { unknown.push(`signals.${k}`); continue; }
    if (!isObject(v)) { problems.push({ path: `signals.${k}`, message: 'must be a group of inputs (weight, zeroAt, fullAt)' }); continue; }
    for (const [f, fv] of Object.entries(v)) {
      if (f in base) base[f] = numberLike(fv);
      else unknown.push(`signals.${k}.${f}`);
    }
  }
  return out;
}

/** Every problem of a signals group, with its canonical path (`signals.breadth.fullAt`). */
export function validateSignals(s: SignalSettings): InputProblem[] {
  const problems: InputProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  const finite = (path: string, x: unknown): x is number => {
    if (typeof x === 'number' && Number.isFinite(x)) return true;
    add(path, `must be a number, got ${typeof x === 'string' ? JSON.stringify(x) : String(x)}`);
    return false;
  };
  let weights = 0;
  for (const id of SIGNAL_IDS) {
    const sig = s[id] as Partial<ScaledSignal>;
    const w = sig.weight;
    if (finite(`signals.${id}.weight`, w)) {
      if (w < 0 || w > MAX_SETTING) add(`signals.${id}.weight`, `must be between 0 and ${MAX_SETTING.toLocaleString('en-US')}, got ${w}`);
      else weights += w;
    }
    if (id === 'champion') continue;
    const z = sig.zeroAt, f = sig.fullAt;
    const zOk = finite(`signals.${id}.zeroAt`, z) && Math.abs(z) <= MAX_SETTING;
    const fOk = finite(`signals.${id}.fullAt`, f) && Math.abs(f) <= MAX_SETTING;
    if (zOk && fOk && z === f) add(`signals.${id}.fullAt`, `must differ from zeroAt (both are ${f})`);
  }
  if (weights === 0 && problems.length === 0) add('signals', 'at least one signal must have a weight above 0');
  if (finite('signals.readyAbove', s.readyAbove) && (s.readyAbove < 0 || s.readyAbove > 100)) add('signals.readyAbove', `must be between 0 and 100, got ${s.readyAbove}`);
  if (finite('signals.riskFlags', s.riskFlags) && (!Number.isInteger(s.riskFlags) || s.riskFlags < 1 || s.riskFlags > 5)) add('signals.riskFlags', `must be a whole number between 1 and 5, got ${s.riskFlags}`);
  return problems;
}

const HUNDRED = new D(100);
const ZERO = new D(0);

/** §12: linear between the two points, clamped to 0–100 (a falling score when zeroAt > fullAt). */
export function scoreOf(value: Dec, sig: ScaledSignal): Dec {
  return scorer(sig)(value);
}

/** The score function of one signal's settings, its constants computed once (it runs for every account). */
export function scorer(sig: ScaledSignal): (value: Dec) => Dec {
  const zero = new D(sig.zeroAt), span = new D(sig.fullAt).sub(zero);
  return (value) => {
    const s = value.sub(zero).mul(HUNDRED).div(span);
    return s.isNegative() ? ZERO : s.gt(HUNDRED) ? HUNDRED : s;
  };
}
