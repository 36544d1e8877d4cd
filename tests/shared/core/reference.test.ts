// The core against a naive month-by-month simulation of the spec on random models:
// the core's prefix-sum roll-up must reproduce every figure to 1e-9 relative.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultInputs, summarize } from '../../../shared/index';
import { arbModel, g1 } from '../../support/models';
import { referenceFigures } from '../../support/reference-model';

function close(a: number | null, b: number | null, path: string) {
  if (a === null || b === null) return expect(a, path).toBe(b);
  const scale = Math.max(1, Math.abs(a), Math.abs(b));
  expect(Math.abs(a - b) / scale, `${path}: core ${a} vs reference ${b}`).toBeLessThan(1e-9);
}

function agree(m: ReturnType<typeof defaultInputs>) {
  const s = summarize(m);
  const r = referenceFigures(m);
  for (const k of ['arrByYearEnd', 'nrrByYear', 'grrByYear', 'churnByYear', 'contractionByYear', 'expansionByYear', 'newArrByYear', 'revenueByYear', 'customersByYearEnd'] as const) {
    expect(s[k].length, k).toBe(r[k].length);
    s[k].forEach((v, i) => close(v, r[k][i] ?? null, `${k}[${i}]`));
  }
  for (const k of ['revenue', 'grossMargin', 'discountedGrossMargin'] as const) close(s.ltv[k], r.ltv[k], `ltv.${k}`);
}

describe('core vs a naive simulation of the spec', () => {
  it('agrees on the default model and G1', () => {
    agree(defaultInputs());
    agree(g1());
  });
  it('keeps full relative precision when ARR decays towards zero (monthly terms, 0.5% renewal)', () => {
    const m = defaultInputs();
    m.general.horizonMonths = 120;
    m.acquisition = { ...m.acquisition, newCustomersByYear: [100], contractMonths: 1 };
    m.journey.renewal = { rate: 0.005, nonAdopterRate: 0.005 };
    agree(m);
    const s = summarize(m);
    expect(s.arrByYearEnd.every((x) => x > 0)).toBe(true);
    m.acquisition.timing = 'yearStart';
    agree(m);
  });

  it('agrees on random valid models', () => {
    fc.assert(fc.property(arbModel, (m) => agree(m)), { numRuns: 60 });
  });
});
