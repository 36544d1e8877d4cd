// The core against a naive month-by-month simulation of the spec on random models:
// the core's roll-up (one journey) and its calendar simulation (ramps, installed
// base) must reproduce every figure to 1e-9 relative.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeModel, defaultInputs, summarize } from '@shared/index';
import { arbModel, arbRampedModel, g1, g4, g5, rampedModel } from '../../support/models';
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
  close(s.openingArr, r.openingArr, 'openingArr');
  // Every month, not only year ends: closing ARR and the trailing-12 NRR/GRR.
  const months = computeModel(m).months;
  months.forEach((mo, t) => {
    close(mo.closing, r.closing[t]!, `closing[${t}]`);
    close(mo.nrrT12, r.nrrT12[t] ?? null, `nrrT12[${t}]`);
    close(mo.grrT12, r.grrT12[t] ?? null, `grrT12[${t}]`);
  });
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

  it('agrees on G4, G5 and a model with every input ramped and three base cohorts', () => {
    agree(g4());
    agree(g5());
    agree(rampedModel(defaultInputs()));
  });

  it('agrees on random models with ramps and an installed base', () => {
    fc.assert(fc.property(arbRampedModel, (m) => agree(m)), { numRuns: 60 });
  });

  it('keeps full relative precision on a ramped base decaying towards zero', () => {
    const m = rampedModel(defaultInputs());
    m.general.horizonMonths = 120;
    m.acquisition = { ...m.acquisition, newCustomersByYear: [100], contractMonths: 1 };
    m.journey.renewal = { rate: [0.005, 0.01, 0.002], nonAdopterRate: [0.005, 0.001] };
    agree(m);
    expect(summarize(m).arrByYearEnd.every((x) => x > 0)).toBe(true);
  });
});
