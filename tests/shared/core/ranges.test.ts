// Ranges (spec §11): the named generator, the Latin hypercube, the defined
// percentiles, a degenerate range reproducing the point model, targets, drivers
// and every bad range.
import { describe, expect, it } from 'vitest';
import { computeExact, defaultInputs, latinHypercube, mulberry32, parseRanges, percentile, rangeDrivers, rangeValue, runRanges, summarize, type InputRange, type ModelInputs, type SimulationSettings } from '@shared/index';
import { g1 } from '../../support/models';

/** Spec §11's pseudo-code in BigInt: an implementation independent of Math.imul and >>>. */
function mulberry32BigInt(seed: number, count: number): number[] {
  const M = 2n ** 32n;
  const mul = (x: bigint, y: bigint) => (x * y) % M;
  let a = BigInt(seed);
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    a = (a + 0x6d2b79f5n) % M;
    let t = a;
    t = mul(t ^ (t >> 15n), t | 1n);
    t = t ^ ((t + mul(t ^ (t >> 7n), t | 61n)) % M);
    out.push(Number(t ^ (t >> 14n)) / 2 ** 32);
  }
  return out;
}

function parsed(m: ModelInputs, ranges: unknown, simulation?: unknown): { ranges: InputRange[]; simulation: SimulationSettings } {
  const p = parseRanges(m, ranges, simulation);
  if (!p.ok) throw new Error(p.problems.map((x) => `${x.path}: ${x.message}`).join('\n'));
  return p;
}
function problems(m: ModelInputs, ranges: unknown, simulation?: unknown): string[] {
  const p = parseRanges(m, ranges, simulation);
  return p.ok ? [] : p.problems.map((x) => `${x.path}: ${x.message}`);
}

describe('mulberry32', () => {
  it('gives these first five draws for seed 1', () => {
    const next = mulberry32(1);
    const draws = Array.from({ length: 5 }, next);
    expect(draws).toEqual([0.6270739405881613, 0.002735721180215478, 0.5274470399599522, 0.9810509674716741, 0.9683778982143849]);
    expect(draws).toEqual(mulberry32BigInt(1, 5));
  });

  it('matches the BigInt reading of the spec for other seeds, the largest included', () => {
    for (const seed of [0, 2, 123456789, 4294967295]) {
      const next = mulberry32(seed);
      expect(Array.from({ length: 50 }, next)).toEqual(mulberry32BigInt(seed, 50));
    }
  });
});

describe('the Latin hypercube', () => {
  it('puts exactly one sample in each of the N strata of every input', () => {
    const q = latinHypercube(3, 257, 7);
    for (const dim of q) {
      const strata = Array.from(dim, (x) => Math.floor(x * 257)).sort((a, b) => a - b);
      expect(strata).toEqual(Array.from({ length: 257 }, (_, i) => i));
    }
  });

  it('follows the spec draw for draw: the permutation first, then one draw per sample', () => {
    const N = 4;
    const next = mulberry32(1);
    const perm = [0, 1, 2, 3];
    for (let k = N - 1; k >= 1; k--) { const j = Math.floor(next() * (k + 1)); [perm[k], perm[j]] = [perm[j]!, perm[k]!]; }
    const expected = perm.map((p) => (p + next()) / N);
    expect(Array.from(latinHypercube(1, N, 1)[0]!)).toEqual(expected);
  });
});

describe('percentiles', () => {
  it('P50 of an even count is the mean of the middle two; P10 and P90 interpolate', () => {
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(percentile([1, 2, 3, 4], 0.1)).toBeCloseTo(1.3, 12);
    expect(percentile([1, 2, 3, 4], 0.9)).toBeCloseTo(3.7, 12);
    expect(percentile([10, 20, 30, 40, 50, 60], 0.5)).toBe(35);
  });
  it('with one value every percentile is that value; with none, null', () => {
    expect(percentile([7], 0.1)).toBe(7);
    expect(percentile([7], 0.9)).toBe(7);
    expect(percentile([], 0.5)).toBeNull();
  });
});

describe('draws', () => {
  it('uniform without a mode, triangular with one; low when high = low', () => {
    expect(rangeValue({ key: 'k', low: 0.8, high: 0.9 }, 0.5)).toBeCloseTo(0.85, 15);
    const tri = { key: 'k', low: 0.8, mode: 0.82, high: 0.9 };
    expect(rangeValue(tri, 0)).toBe(0.8);
    expect(rangeValue(tri, 0.2)).toBeCloseTo(0.82, 12); // q = c = (0.82 − 0.8) ÷ 0.1
    expect(rangeValue(tri, 1)).toBeCloseTo(0.9, 15);
    expect(rangeValue({ key: 'k', low: 0.5, mode: 0.5, high: 0.5 }, 0.7)).toBe(0.5);
  });
});

describe('a run', () => {
  it('a range with low = mode = high reproduces the point model in every figure and every month', () => {
    const m = defaultInputs();
    const { ranges, simulation } = parsed(m, [{ key: 'journey.renewal.rate', low: 0.85, mode: 0.85, high: 0.85 }], { samples: 100 });
    const r = runRanges(m, ranges, simulation);
    const point = summarize(m);
    const exact = computeExact(m);
    // spec §11's agreement: 1e-9 relative, 1e-9 absolute within 1e-9 of 0
    const close = (x: number | null, y: number | null) => {
      if (y === null) return expect(x).toBeNull();
      expect(Math.abs(x! - y)).toBeLessThanOrEqual(Math.abs(y) <= 1e-9 ? 1e-9 : 1e-9 * Math.abs(y));
    };
    point.nrrByYear.forEach((v, i) => { const f = r.figures[`nrrByYear[${i}]`]!; close(f.p10, v); close(f.p50, v); close(f.p90, v); close(f.mean, v); expect(f.count).toBe(v === null ? 0 : 100); });
    point.arrByYearEnd.forEach((v, i) => { const f = r.figures[`arrByYearEnd[${i}]`]!; close(f.p10, v); close(f.p90, v); expect(f.count).toBe(100); });
    close(r.figures.ltvToCac!.p50, point.ltvToCac);
    close(r.figures['ltv.discountedGrossMargin']!.p90, point.ltv.discountedGrossMargin);
    exact.months.forEach((mo, t) => { close(r.arrByMonth.p10[t]!, mo.closing.toNumber()); close(r.arrByMonth.p90[t]!, mo.closing.toNumber()); });
  });

  it('is the same for the same seed, different for another, and never changes the base case', () => {
    const m = defaultInputs();
    const before = JSON.stringify(m);
    const spec = [{ key: 'journey.renewal.rate', low: 0.8, mode: 0.85, high: 0.9 }, { key: 'lanes.modules.attachRate', low: 0.2, high: 0.5 }];
    const a = runRanges(m, parsed(m, spec, { samples: 200, seed: 5 }).ranges, parsed(m, spec, { samples: 200, seed: 5 }).simulation);
    const b = runRanges(m, parsed(m, spec).ranges, { samples: 200, seed: 5, targets: [] });
    const c = runRanges(m, parsed(m, spec).ranges, { samples: 200, seed: 6, targets: [] });
    expect(b).toEqual(a);
    expect(c.figures['nrrByYear[1]']!.p50).not.toBe(a.figures['nrrByYear[1]']!.p50);
    expect(JSON.stringify(m)).toBe(before);
    // the spread brackets the base case's renewal of 85%: P10 < P50 < P90
    const f = a.figures['nrrByYear[1]']!;
    expect(f.p10!).toBeLessThan(f.p50!);
    expect(f.p50!).toBeLessThan(f.p90!);
  });

  it('a target is the share of samples at or above it', () => {
    const m = g1();
    const { ranges } = parsed(m, [{ key: 'journey.renewal.rate', low: 0.8, high: 0.9 }]);
    // G1's year-2 NRR rises with renewal, and renewal 0.85 is the uniform range's middle: about half the samples reach it
    const r = runRanges(m, ranges, { samples: 1000, seed: 1, targets: [{ output: 'nrrByYear[1]', value: 1.0422307692307692 }, { output: 'nrrByYear[1]', value: 2 }, { output: 'nrrByYear[0]', value: 0 }] });
    expect(r.targets[0]!.share).toBe(0.5);
    expect(r.targets[1]!.share).toBe(0);
    // year-1 NRR is null without a base: a null never reaches a target
    expect(r.targets[2]!.share).toBe(0);
    expect(r.figures['nrrByYear[0]']).toEqual({ p10: null, p50: null, p90: null, mean: null, count: 0 });
  });

  it('drivers: each input swings the output from its P10 to its P90 with the others at their most likely, the widest first', () => {
    const m = g1();
    const ranges: InputRange[] = [{ key: 'lanes.expansion.attachRate', low: 0.34, high: 0.36 }, { key: 'journey.renewal.rate', low: 0.7, mode: 0.85, high: 0.95 }, { key: 'acquisition.cacPerCustomer', low: 50000, high: 90000 }];
    const d = rangeDrivers(m, ranges, 'nrrByYear[1]');
    expect(d.map((x) => x.key)).toEqual(['journey.renewal.rate', 'lanes.expansion.attachRate', 'acquisition.cacPerCustomer']);
    expect(d[2]!.swing).toBe(0);
    expect(d[0]!.atHigh!).toBeGreaterThan(d[0]!.atLow!);
  });
});

describe('bad ranges get a clear message at their path', () => {
  const m = g1();
  it.each([
    [[{ key: 'journey.renewal.rate', low: 0.8, high: 1.2 }], "ranges[0].high: 120.0% is outside renewal rate of adopters's valid range 0.0% to 100.0%"],
    [[{ key: 'journey.renewal.rate', low: 0.9, high: 0.8 }], 'ranges[0]: low 90.0% is above high 80.0%'],
    [[{ key: 'journey.renewal.rate', low: 0.8, mode: 0.95, high: 0.9 }], 'ranges[0].mode: 95.0% is not between low 80.0% and high 90.0%'],
    [[{ key: 'journey.onboarding.month', low: 1, high: 3 }], 'ranges[0].key: journey.onboarding.month: a whole-number input (months, horizon, term, window ages) cannot be sought or ranged'],
    [[{ key: 'journey.renewal.rte', low: 0.8, high: 0.9 }], 'ranges[0].key: journey.renewal.rte: not an input of this model'],
    [[{ key: 'journey.renewal.rate', low: 0.8, high: 0.9 }, { key: 'journey.renewal.rate[1]', low: 0.8, high: 0.9 }], 'ranges[1].key: journey.renewal.rate[1] already has a range (ranges[0]): an input is ranged once, whole or by year'],
    [[{ key: 'journey.renewal.rate', low: 'x', high: 0.9 }], 'ranges[0].low: must be a number, got "x"'],
    [{ key: 'journey.renewal.rate' }, 'ranges: must be a list of {key, low, mode, high}'],
  ])('%j', (ranges, message) => {
    expect(problems(m, ranges)).toEqual([message]);
    expect(message.length).toBeLessThan(200);
  });

  it('one year of a ramp and another year of it may both be ranged', () => {
    expect(problems(m, [{ key: 'journey.renewal.rate[0]', low: 0.8, high: 0.9 }, { key: 'journey.renewal.rate[1]', low: 0.8, high: 0.9 }])).toEqual([]);
  });

  it('simulation settings: samples 100–10,000, a 32-bit seed, known outputs', () => {
    expect(problems(m, [], { samples: 50, seed: -1, targets: [{ output: 'nrrByYear[9]', value: 1 }, { output: 'ltvToCac', value: 'high' }] })).toEqual([
      'simulation.samples: must be a whole number from 100 to 10,000, got 50',
      'simulation.seed: must be a whole number from 0 to 4294967295, got -1',
      'simulation.targets[0]: nrrByYear[9]: the model has 3 complete years (index 0–2)',
      'simulation.targets[1]: ltvToCac: the target value must be a number, got "high"',
    ]);
  });
});
