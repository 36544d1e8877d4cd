// Ranges (spec §11): low / most-likely / high on numeric inputs, sampled by a
// Latin hypercube over mulberry32, each sample computed like any model, and the
// P10 / P50 / P90, mean and count of every §7 figure and of ARR at every month.
//
// Samples run in doubles (decimal.ts `inFloat`): spec §11 asks them to agree
// with an independent implementation to 1e-9 relative, which
// tests/shared/float-core.test.ts holds the double run to against the decimal
// core. The base case is never touched: it stays the exact model.
import type { InputProblem, ModelInputs } from '../model/inputs';
import { validateInputs } from '../model/validate';
import { formatFigure } from '../report/format';
import { completeYears } from './years';
import { computeExact } from './compute';
import { inFloat } from './decimal';
import { outputKeys, outputValue, resolveOutput, type OutputRef } from './outputs';
import { latinHypercube, percentile } from './random';
import type { ModelResult } from './result';
import type { Dec } from './decimal';
import { resolveInput, withInput, type WhatIfInput } from './what-if-keys';

/** One ranged input: triangular with a mode, uniform without. */
export interface InputRange {
  key: string;
  low: number;
  mode?: number | null;
  high: number;
}

export interface RangeTarget {
  output: string;
  value: number;
}

export interface SimulationSettings {
  samples: number;
  seed: number;
  targets: RangeTarget[];
}

export const MAX_RANGES = 20;
export const SAMPLES_MIN = 100;
export const SAMPLES_MAX = 10_000;
export const SEED_MAX = 4_294_967_295;
export const defaultSimulation = (): SimulationSettings => ({ samples: 1000, seed: 1, targets: [] });

export interface Spread {
  p10: number | null;
  p50: number | null;
  p90: number | null;
  mean: number | null;
  count: number;
}

export interface RangesReport {
  samples: number;
  seed: number;
  /** the company's figures by §10 key (`nrrByYear[1]`, `ltvToCac`) */
  figures: Record<string, Spread>;
  /** ARR in force at each month */
  arrByMonth: { p10: (number | null)[]; p50: (number | null)[]; p90: (number | null)[] };
  targets: { output: string; value: number; share: number }[];
}

const isRecord = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === 'object' && !Array.isArray(x);
const NUMERIC = /^\s*-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;
const asNumber = (x: unknown): unknown => (typeof x === 'string' && NUMERIC.test(x) ? Number(x) : x);
const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

function show(x: number, input: WhatIfInput): string {
  return formatFigure(x, input.kind === 'rate' ? 'percent' : input.kind === 'money' ? 'moneyExact' : 'count');
}

/**
 * `ranges` and `simulation` of a JSON model (or the app's document) against the
 * model they spread: every problem named by its path, nothing clamped.
 */
export function parseRanges(m: ModelInputs, rawRanges: unknown, rawSimulation: unknown): { ok: true; ranges: InputRange[]; simulation: SimulationSettings } | { ok: false; problems: InputProblem[] } {
  const problems: InputProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  const ranges: InputRange[] = [];
  if (rawRanges !== undefined && rawRanges !== null) {
    if (!Array.isArray(rawRanges)) add('ranges', 'must be a list of {key, low, mode, high}');
    else if (rawRanges.length > MAX_RANGES) add('ranges', `must have at most ${MAX_RANGES} ranges, got ${rawRanges.length}`);
    else {
      const owner = new Map<string, { at: number; whole: boolean; key: string }>();
      rawRanges.forEach((raw, i) => {
        const path = `ranges[${i}]`;
        if (!isRecord(raw)) return add(path, 'must be an object {key, low, mode, high}');
        if (typeof raw.key !== 'string') return add(`${path}.key`, 'must name a numeric input, e.g. journey.renewal.rate');
        const input = resolveInput(m, raw.key);
        if (!input.ok) return add(`${path}.key`, input.error);
        const inp = input.value;
        const seen = owner.get(inp.specKey);
        const whole = inp.year === null;
        if (seen && (seen.whole || whole || seen.key === inp.key)) {
          return add(`${path}.key`, `${inp.key} already has a range (ranges[${seen.at}]): an input is ranged once, whole or by year`);
        }
        owner.set(inp.specKey, { at: i, whole, key: inp.key });
        const low = asNumber(raw.low), high = asNumber(raw.high), mode = raw.mode === undefined || raw.mode === null ? null : asNumber(raw.mode);
        let fine = true;
        for (const [name, v] of [['low', low], ['high', high], ...(mode === null ? [] : [['mode', mode]])] as [string, unknown][]) {
          if (!finite(v)) { add(`${path}.${name}`, `must be a number, got ${JSON.stringify(v) ?? 'nothing'}`); fine = false; continue; }
          if (v < inp.min || v > inp.max) { add(`${path}.${name}`, `${show(v, inp)} is outside ${inp.name}'s valid range ${show(inp.min, inp)} to ${show(inp.max, inp)}`); fine = false; }
        }
        if (!fine) return;
        const [l, h] = [low as number, high as number];
        if (l > h) return add(path, `low ${show(l, inp)} is above high ${show(h, inp)}`);
        if (mode !== null && ((mode as number) < l || (mode as number) > h)) return add(`${path}.mode`, `${show(mode as number, inp)} is not between low ${show(l, inp)} and high ${show(h, inp)}`);
        ranges.push({ key: inp.key, low: l, high: h, ...(mode === null ? {} : { mode: mode as number }) });
      });
    }
  }
  const simulation = defaultSimulation();
  if (rawSimulation !== undefined && rawSimulation !== null) {
    if (!isRecord(rawSimulation)) add('simulation', 'must be an object {samples, seed, targets}');
    else {
      if (rawSimulation.samples !== undefined) {
        const n = asNumber(rawSimulation.samples);
        if (!finite(n) || !Number.isInteger(n) || n < SAMPLES_MIN || n > SAMPLES_MAX) add('simulation.samples', `must be a whole number from ${SAMPLES_MIN} to ${SAMPLES_MAX.toLocaleString('en-US')}, got ${JSON.stringify(rawSimulation.samples)}`);
        else simulation.samples = n;
      }
      if (rawSimulation.seed !== undefined) {
        const s = asNumber(rawSimulation.seed);
        if (!finite(s) || !Number.isInteger(s) || s < 0 || s > SEED_MAX) add('simulation.seed', `must be a whole number from 0 to ${SEED_MAX}, got ${JSON.stringify(rawSimulation.seed)}`);
        else simulation.seed = s;
      }
      if (rawSimulation.targets !== undefined) {
        if (!Array.isArray(rawSimulation.targets)) add('simulation.targets', 'must be a list of {output, value}');
        else rawSimulation.targets.forEach((t, i) => {
          const parsed = parseTarget(m, t);
          if (parsed.ok) simulation.targets.push(parsed.target);
          else add(`simulation.targets[${i}]`, parsed.error);
        });
      }
    }
  }
  return problems.length ? { ok: false, problems } : { ok: true, ranges, simulation };
}

/** One target {output, value}, or why not. */
export function parseTarget(m: ModelInputs, raw: unknown): { ok: true; target: RangeTarget } | { ok: false; error: string } {
  if (!isRecord(raw) || typeof raw.output !== 'string') return { ok: false, error: 'must be {output, value}, e.g. {"output": "nrrByYear[1]", "value": 1.1}' };
  const out = resolveOutput(m, raw.output);
  if (!out.ok) return out;
  const value = asNumber(raw.value);
  if (!finite(value)) return { ok: false, error: `${out.value.key}: the target value must be a number, got ${JSON.stringify(raw.value) ?? 'nothing'}` };
  return { ok: true, target: { output: out.value.key, value } };
}

/** The inverse distribution at q (spec §11): uniform, or triangular with a mode. */
export function rangeValue(r: InputRange, q: number): number {
  const { low, high } = r;
  if (high === low) return low;
  if (r.mode === undefined || r.mode === null) return low + q * (high - low);
  const mode = r.mode;
  const c = (mode - low) / (high - low);
  return q < c ? low + Math.sqrt(q * (high - low) * (mode - low)) : high - Math.sqrt((1 - q) * (high - low) * (high - mode));
}

/** The most likely value: the mode, or the middle of a uniform range. */
export const mostLikely = (r: InputRange): number => r.mode ?? (r.low + r.high) / 2;

function inputsOf(m: ModelInputs, ranges: readonly InputRange[]): WhatIfInput[] {
  return ranges.map((r) => {
    const inp = resolveInput(m, r.key);
    if (!inp.ok) throw new Error(inp.error);
    return inp.value;
  });
}

/** The model with every ranged input at its value, in list order. */
export function modelWith(m: ModelInputs, inputs: readonly WhatIfInput[], values: readonly number[]): ModelInputs {
  let x = m;
  inputs.forEach((inp, i) => { x = withInput(x, inp, values[i]!); });
  return x;
}

/** One sample's figures in doubles: every §7 output (NaN where null) and ARR by month. */
function sampleFigures(m: ModelInputs, outs: readonly OutputRef[]): { figures: Float64Array; arr: Float64Array } | null {
  if (validateInputs(m).length) return null;
  return inFloat(() => {
    const r: ModelResult<Dec> = computeExact(m, { figuresOnly: true });
    const figures = new Float64Array(outs.length);
    outs.forEach((o, i) => { const v = o.of(r); figures[i] = v === null ? Number.NaN : v.toNumber(); });
    const arr = new Float64Array(r.months.length);
    r.months.forEach((mo, t) => { arr[t] = mo.closing.toNumber(); });
    return { figures, arr };
  });
}

/**
 * A run that can be stepped (the app's worker reports progress and stops between
 * steps) or finished at once (`runRanges`). The q of every sample are drawn up front.
 */
export class RangeRun {
  readonly total: number;
  done = 0;
  private readonly inputs: WhatIfInput[];
  private readonly q: Float64Array[];
  private readonly outs: OutputRef[];
  private readonly figures: Float64Array[];
  private readonly arr: Float64Array[];

  constructor(private readonly m: ModelInputs, readonly ranges: readonly InputRange[], readonly simulation: SimulationSettings) {
    this.total = simulation.samples;
    this.inputs = inputsOf(m, ranges);
    this.q = latinHypercube(ranges.length, this.total, simulation.seed);
    const years = completeYears(m.general.horizonMonths);
    this.outs = outputKeys(years).map((k) => {
      const o = resolveOutput(m, k);
      if (!o.ok) throw new Error(o.error);
      return o.value;
    });
    this.figures = this.outs.map(() => new Float64Array(this.total).fill(Number.NaN));
    this.arr = Array.from({ length: m.general.horizonMonths }, () => new Float64Array(this.total).fill(Number.NaN));
  }

  /** The ranged inputs' values of sample n. */
  values(n: number): number[] {
    return this.ranges.map((r, i) => rangeValue(r, this.q[i]![n]!));
  }

  /** Compute up to `count` more samples; true when every sample is done. */
  step(count: number): boolean {
    const end = Math.min(this.total, this.done + count);
    for (let n = this.done; n < end; n++) {
      const s = sampleFigures(modelWith(this.m, this.inputs, this.values(n)), this.outs);
      if (!s) continue;
      s.figures.forEach((v, i) => { this.figures[i]![n] = v; });
      s.arr.forEach((v, t) => { this.arr[t]![n] = v; });
    }
    this.done = end;
    return this.done === this.total;
  }

  /** One output's value in each sample done where it exists (a histogram's data); empty for an unknown key. */
  samplesOf(output: string): Float64Array {
    const at = this.outs.findIndex((o) => o.key === output);
    if (at < 0) return new Float64Array(0);
    return this.figures[at]!.subarray(0, this.done).filter((v) => !Number.isNaN(v));
  }

  report(): RangesReport {
    const figures: Record<string, Spread> = {};
    this.outs.forEach((o, i) => { figures[o.key] = spread(this.figures[i]!); });
    const months = this.arr.map(spread);
    const targets = this.simulation.targets.map((t) => {
      const at = this.outs.findIndex((o) => o.key === t.output);
      const xs = this.figures[at]!;
      const floor = t.value - 1e-9 * Math.max(1, Math.abs(t.value));
      let hit = 0;
      for (let n = 0; n < this.done; n++) if (xs[n]! >= floor) hit++; // NaN (a null output) never reaches it
      return { output: t.output, value: t.value, share: this.done ? hit / this.done : 0 };
    });
    return {
      samples: this.total, seed: this.simulation.seed, figures,
      arrByMonth: { p10: months.map((s) => s.p10), p50: months.map((s) => s.p50), p90: months.map((s) => s.p90) },
      targets,
    };
  }
}

/** P10 / P50 / P90, mean and count over the samples where the figure exists. */
export function spread(xs: Float64Array): Spread {
  const defined = Float64Array.from(xs.filter((v) => !Number.isNaN(v))).sort();
  const k = defined.length;
  let total = 0;
  for (const v of defined) total += v;
  return { p10: percentile(defined, 0.1), p50: percentile(defined, 0.5), p90: percentile(defined, 0.9), mean: k ? total / k : null, count: k };
}

export function runRanges(m: ModelInputs, ranges: readonly InputRange[], simulation: SimulationSettings): RangesReport {
  const run = new RangeRun(m, ranges, simulation);
  run.step(run.total);
  return run.report();
}

export interface Driver {
  key: string;
  name: string;
  /** the output with this input at its P10 and at its P90, the others at their most likely */
  atLow: number | null;
  atHigh: number | null;
  swing: number;
}

/**
 * Which ranged inputs drive the spread of an output: each input's P10-to-P90
 * swing with the others held at their most likely, largest first.
 */
export function rangeDrivers(m: ModelInputs, ranges: readonly InputRange[], output: string): Driver[] {
  const out = resolveOutput(m, output);
  if (!out.ok) throw new Error(out.error);
  const inputs = inputsOf(m, ranges);
  const likely = ranges.map(mostLikely);
  const at = (i: number, q: number): number | null => {
    const values = [...likely];
    values[i] = rangeValue(ranges[i]!, q);
    const x = modelWith(m, inputs, values);
    if (validateInputs(x).length) return null;
    return inFloat(() => { const v = outputValue(x, out.value); return v === null ? null : v.toNumber(); });
  };
  return inputs
    .map((inp, i) => {
      const atLow = at(i, 0.1), atHigh = at(i, 0.9);
      return { key: inp.key, name: inp.name, atLow, atHigh, swing: atLow === null || atHigh === null ? 0 : Math.abs(atHigh - atLow) };
    })
    .sort((a, b) => b.swing - a.swing);
}
