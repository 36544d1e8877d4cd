// Goal seek (spec §10): the value of one input at which an output reaches a
// target, the root nearest the input's current value; or, when no value
// reaches it, the closest the output gets and where.
//
// The scan and the bisection run in doubles (decimal.ts `inFloat`); the answer is
// then checked in the exact core, so a reported root is a root of the decimal
// model. A figure the input does not move is told apart from an unreachable
// target on exact values, so a flat output never reads as "not reachable".
import type { ModelInputs } from '../model/inputs';
import { validateInputs } from '../model/validate';
import { formatFigure } from '../report/format';
import { inFloat } from './decimal';
import { outputValue, resolveOutput, type OutputRef } from './outputs';
import { currentValue, resolveInput, withInput, type WhatIfInput } from './what-if-keys';

export interface SeekRequest {
  output: string;
  target: number;
  input: string;
  /** the user's own interval, inside the input's valid range */
  within?: [number, number];
}

export interface SeekAnswer {
  output: string;
  target: number;
  input: string;
  /** the input's current value x0 */
  from: number;
  reachable: boolean;
  /** the root; or, not reachable, where the output gets closest (null when it is null over the whole interval) */
  value: number | null;
  /** the output at `value` (exact core) */
  achieved: number | null;
  /** the interval searched */
  interval: [number, number];
  /** one sentence for the dialog: "Not reachable: year-2 NRR reaches at most 106.5%, at renewal rate of adopters 100%" */
  message: string;
}

export type SeekResult = { ok: true; answer: SeekAnswer } | { ok: false; error: string };

/** Points of the first scan; the current value is added to them. */
const SCAN_POINTS = 24;
const BISECT_STEPS = 200;

/** The interval spec §10 searches: the valid range, with hi = 10 × max(1, x0) for money and counts. */
export function seekInterval(input: WhatIfInput, x0: number): [number, number] {
  return [input.min, input.bounded ? input.max : Math.min(input.max, 10 * Math.max(1, x0))];
}

type Eval = (x: number) => number | null;

export function goalSeek(m: ModelInputs, req: SeekRequest): SeekResult {
  const problems = validateInputs(m);
  if (problems.length) return { ok: false, error: `the model is not valid: ${problems[0]!.path}: ${problems[0]!.message}` };
  const input = resolveInput(m, req.input);
  if (!input.ok) return input;
  const output = resolveOutput(m, req.output);
  if (!output.ok) return output;
  if (!Number.isFinite(req.target)) return { ok: false, error: `target: must be a number, got ${String(req.target)}` };
  const inp = input.value, out = output.value;
  const x0 = currentValue(m, inp);
  const [lo0, hi0] = seekInterval(inp, x0);
  let [lo, hi] = [lo0, hi0];
  if (req.within) {
    const [a, b] = req.within;
    if (!(Number.isFinite(a) && Number.isFinite(b) && lo0 <= a && a < b && b <= hi0)) {
      return { ok: false, error: `interval ${a},${b}: must satisfy ${show(lo0, inp)} ≤ low < high ≤ ${show(hi0, inp)} for ${inp.name}` };
    }
    [lo, hi] = [a, b];
  }
  const target = req.target;
  const tol = 1e-9 * Math.max(1, Math.abs(target));
  const xtol = 1e-9 * Math.max(1, hi - lo);

  // f(x) = output − target; null where the output is null or the changed model is invalid.
  const at = (x: number, exact: boolean): number | null => {
    const changed = withInput(m, inp, x);
    if (validateInputs(changed).length) return null;
    const run = () => { const v = outputValue(changed, out); return v === null ? null : v.toNumber(); };
    const v = exact ? run() : inFloat(run);
    return v === null ? null : v - target;
  };
  const fast: Eval = (x) => at(x, false);
  const exact: Eval = (x) => at(x, true);

  const xs = scanPoints(lo, hi, x0);
  const fs = xs.map(fast);
  const base = (reachable: boolean, value: number | null, achieved: number | null, message: string): SeekAnswer =>
    ({ output: out.key, target, input: inp.key, from: x0, reachable, value, achieved, interval: [lo, hi], message });

  if (fs.every((f) => f === null)) return { ok: true, answer: base(false, null, null, `Not reachable: ${out.words} is undefined (—) for every ${inp.name} from ${show(lo, inp)} to ${show(hi, inp)}`) };

  // Flat in doubles: decide on exact values whether the input moves the output at all.
  const defined = fs.filter((f): f is number => f !== null);
  if (fs.every((f) => f !== null) && Math.max(...defined) - Math.min(...defined) <= 1e-12 * Math.max(1, Math.abs(target))) {
    const probe = [lo, hi, (lo + hi) / 2, clamp(x0, lo, hi)].map(exact);
    if (probe.every((f) => f !== null && f === probe[0])) {
      const f0 = probe[3]!;
      if (Math.abs(f0) <= tol) {
        const x = clamp(x0, lo, hi);
        return { ok: true, answer: base(true, x, f0 + target, `${cap(out.words)} is ${show(f0 + target, out)} already; ${inp.name} does not change it`) };
      }
      return { ok: false, error: `${cap(out.words)} does not depend on ${inp.name}: it stays ${show(f0 + target, out)} from ${show(lo, inp)} to ${show(hi, inp)}` };
    }
  }

  const root = nearestRoot(xs, fs, x0, fast, exact, tol, xtol);
  if (root) {
    const achieved = root.f + target;
    return { ok: true, answer: base(true, root.x, achieved, `${cap(out.words)} reaches ${show(target, out)} at ${inp.name} ${show(root.x, inp)}`) };
  }
  const close = closest(xs, fs, x0, fast, xtol);
  const fx = exact(close);
  const achieved = fx === null ? null : fx + target;
  const most = achieved !== null && achieved < target ? 'at most' : 'at least';
  return { ok: true, answer: base(false, close, achieved, `Not reachable: ${out.words} reaches ${most} ${show(achieved, out)}, at ${inp.name} ${show(close, inp)}`) };
}

function scanPoints(lo: number, hi: number, x0: number): number[] {
  const xs = Array.from({ length: SCAN_POINTS + 1 }, (_, k) => (k === SCAN_POINTS ? hi : lo + ((hi - lo) * k) / SCAN_POINTS));
  if (x0 > lo && x0 < hi && !xs.includes(x0)) xs.push(x0);
  return xs.sort((a, b) => a - b);
}

interface Candidate { a: number; b: number; fa: number; fb: number; distance: number }

/**
 * The root nearest x0: every scan point within tolerance and every bracket where
 * f changes sign, refined nearest first, each confirmed on the exact core. A
 * bracket is refined only while it could still hold a nearer root than the best.
 */
function nearestRoot(xs: number[], fs: (number | null)[], x0: number, fast: Eval, exact: Eval, tol: number, xtol: number): { x: number; f: number } | null {
  const cands: Candidate[] = [];
  const dist = (a: number, b: number) => (x0 >= a && x0 <= b ? 0 : Math.min(Math.abs(a - x0), Math.abs(b - x0)));
  xs.forEach((x, k) => {
    const f = fs[k];
    if (f !== null && f !== undefined && Math.abs(f) <= tol) cands.push({ a: x, b: x, fa: f, fb: f, distance: Math.abs(x - x0) });
    const g = fs[k + 1];
    if (k + 1 < xs.length && f !== null && f !== undefined && g !== null && g !== undefined && Math.sign(f) * Math.sign(g) < 0) {
      cands.push({ a: x, b: xs[k + 1]!, fa: f, fb: g, distance: dist(x, xs[k + 1]!) });
    }
  });
  cands.sort((p, q) => p.distance - q.distance || p.a - q.a);
  let best: { x: number; f: number } | null = null;
  const better = (x: number) => best === null || Math.abs(x - x0) < Math.abs(best.x - x0) || (Math.abs(x - x0) === Math.abs(best.x - x0) && x < best.x);
  for (const c of cands) {
    if (best && c.distance > Math.abs(best.x - x0)) break;
    const found = c.a === c.b ? confirmPoint(c.a, exact, tol) : refine(c, fast, exact, tol, xtol, x0);
    if (found && better(found.x)) best = found;
  }
  return best;
}

function confirmPoint(x: number, exact: Eval, tol: number): { x: number; f: number } | null {
  const f = exact(x);
  return f !== null && Math.abs(f) <= tol ? { x, f } : null;
}

/** Bisect a sign change in doubles, then confirm it exactly: a point within tolerance, or a sign change over ≤ xtol. */
function refine(c: Candidate, fast: Eval, exact: Eval, tol: number, xtol: number, x0: number): { x: number; f: number } | null {
  let { a, b, fa, fb } = c;
  // Narrow to spec §10's width, and on while doubles can bring |f| inside the tolerance.
  for (let i = 0; i < BISECT_STEPS && (b - a > xtol || Math.min(Math.abs(fa), Math.abs(fb)) > tol / 4); i++) {
    const mid = a + (b - a) / 2;
    if (mid <= a || mid >= b) break;
    const fm = fast(mid);
    if (fm === null) return null;
    if (fm === 0) { a = b = mid; fa = fb = 0; break; }
    if (Math.sign(fm) === Math.sign(fa)) { a = mid; fa = fm; } else { b = mid; fb = fm; }
  }
  // The exact core decides, first at the end nearer 0 in doubles (the nearer to x0 on a tie).
  const aFirst = Math.abs(fa) < Math.abs(fb) || (Math.abs(fa) === Math.abs(fb) && Math.abs(a - x0) <= Math.abs(b - x0));
  const [p, q] = aFirst ? [a, b] : [b, a];
  const fp = exact(p);
  if (fp === null) return null;
  if (Math.abs(fp) <= tol) return { x: p, f: fp };
  const fq = p === q ? fp : exact(q);
  if (fq === null) return null;
  if (Math.abs(fq) <= tol) return { x: q, f: fq };
  return Math.sign(fp) * Math.sign(fq) < 0 && Math.abs(b - a) <= xtol ? (Math.abs(fp) <= Math.abs(fq) ? { x: p, f: fp } : { x: q, f: fq }) : null;
}

/** Where |f| is smallest over the interval (ties nearest x0, then lower), refined around the best scan point. */
function closest(xs: number[], fs: (number | null)[], x0: number, fast: Eval, xtol: number): number {
  let k = -1;
  const worse = (i: number, j: number) => {
    const a = Math.abs(fs[i]!), b = Math.abs(fs[j]!);
    return a > b || (a === b && (Math.abs(xs[i]! - x0) > Math.abs(xs[j]! - x0) || (Math.abs(xs[i]! - x0) === Math.abs(xs[j]! - x0) && xs[i]! > xs[j]!)));
  };
  fs.forEach((f, i) => { if (f !== null && (k < 0 || worse(k, i))) k = i; });
  if (k === 0 || k === xs.length - 1) return xs[k]!;
  // An interior minimum of |f|: golden-section search between the neighbours.
  let a = xs[k - 1]!, b = xs[k + 1]!;
  const g = (Math.sqrt(5) - 1) / 2;
  const h = (x: number) => { const f = fast(x); return f === null ? Infinity : Math.abs(f); };
  let c = b - g * (b - a), d = a + g * (b - a), hc = h(c), hd = h(d);
  for (let i = 0; i < 100 && b - a > xtol; i++) {
    if (hc <= hd) { b = d; d = c; hd = hc; c = b - g * (b - a); hc = h(c); } else { a = c; c = d; hc = hd; d = a + g * (b - a); hd = h(d); }
  }
  const x = hc <= hd ? c : d;
  return Math.min(h(x), h(xs[k]!)) === h(x) && h(x) < Math.abs(fs[k]!) ? x : xs[k]!;
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);

/** A value as the app shows it: rates as percentages, money with its unit. */
function show(x: number | null, what: WhatIfInput | OutputRef): string {
  const format = 'kind' in what ? (what.kind === 'rate' ? 'percent' : what.kind === 'money' ? 'money' : 'count') : what.format;
  return formatFigure(x, format);
}
