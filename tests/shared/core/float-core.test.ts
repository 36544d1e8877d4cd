// Spec §11: every sample's figures agree with an independent implementation to
// 1e-9 relative (1e-9 absolute within 1e-9 of 0). Ranges and goal seek's scan run
// the core in doubles (inFloat); here that run is held to the decimal core, the
// independent implementation, on random models with ramps and installed bases.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeExact, D, defaultInputs, inFloat, outputKeys, resolveOutput, type ModelInputs } from '@shared/index';
import { arbModel, arbRampedModel, g1, g4, g5, largeModel, rampedModel } from '../../support/models';

function agree(exact: number | null, float: number | null): boolean {
  if (exact === null || float === null) return exact === float;
  if (Math.abs(exact) <= 1e-9) return Math.abs(float - exact) <= 1e-9;
  return Math.abs(float - exact) <= 1e-9 * Math.abs(exact);
}

/** Every §7 figure and ARR at every month, exact and in doubles; the first disagreement, or null. */
function disagreement(m: ModelInputs): string | null {
  const keys = outputKeys(Math.floor(m.general.horizonMonths / 12)).map((k) => {
    const o = resolveOutput(m, k);
    if (!o.ok) throw new Error(o.error);
    return o.value;
  });
  const exact = computeExact(m);
  // the ranges' route: doubles, and only what the §7 figures need
  const float = inFloat(() => {
    const r = computeExact(m, { figuresOnly: true });
    return { figures: keys.map((o) => o.of(r)?.toNumber() ?? null), arr: r.months.map((mo) => mo.closing.toNumber()) };
  });
  for (const [i, o] of keys.entries()) {
    const e = o.of(exact)?.toNumber() ?? null;
    if (!agree(e, float.figures[i]!)) return `${o.key}: exact ${e}, doubles ${float.figures[i]}`;
  }
  for (const [t, mo] of exact.months.entries()) if (!agree(mo.closing.toNumber(), float.arr[t]!)) return `ARR at month ${t}: exact ${mo.closing.toNumber()}, doubles ${float.arr[t]}`;
  return null;
}

describe('the core in doubles (inFloat) against the decimal core', () => {
  it('agrees to 1e-9 relative on the golden cases, the default model and the bench models', () => {
    for (const m of [g1(), g4(), g5(), defaultInputs(), rampedModel(defaultInputs()), rampedModel(largeModel())]) expect(disagreement(m)).toBeNull();
  });

  it('agrees to 1e-9 relative on random models', () => {
    fc.assert(fc.property(arbModel, (m) => { expect(disagreement(m)).toBeNull(); }), { numRuns: 60 });
  });

  it('agrees to 1e-9 relative on random models with ramps and installed bases', () => {
    fc.assert(fc.property(arbRampedModel, (m) => { expect(disagreement(m)).toBeNull(); }), { numRuns: 60 });
  });

  it('really runs in doubles, and only for the call: the decimal core is back afterwards, also after a throw', () => {
    // 17 significant digits at most inside, 50 outside
    expect(inFloat(() => computeExact(g1()).annual[1]!.nrr!.toString()).replace(/^0\.|\./, '').length).toBeLessThanOrEqual(17);
    expect(() => inFloat(() => { throw new Error('boom'); })).toThrow('boom');
    expect(computeExact(g1()).annual[1]!.nrr!.toString()).toMatch(/^1\.04223076923076923076923076923076923076923076923/);
    expect(new D(1).div(3).toString().length).toBeGreaterThan(40);
  });
});
