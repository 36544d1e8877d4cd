// Ramps (spec §2.1) and the installed base (spec §2.2): invariants over random
// models whose inputs change by year and that start from customers on the books.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { baseShares, computeExact, D, type Dec, type ModelInputs, type ModelResult } from '@shared/index';
import { Rates } from '@shared/core/rates';
import { arbModel, arbRampedModel } from '../../support/models';

const RUNS = 40;
const maxOf = (x: number | number[]) => (typeof x === 'number' ? x : Math.max(...x));
/** Money a model could ever book, for an absolute tolerance far below a cent. */
const scaleOf = (m: ModelInputs) =>
  new D(maxOf(m.acquisition.acv)).add(m.lanes.reduce((s, l) => s + maxOf(l.acv), 0))
    .mul(m.acquisition.newCustomersByYear.reduce((s, n) => s + n, 1) + m.base.cohorts.reduce((s, k) => s + k.customers, 0)).mul(10)
    .add(m.base.cohorts.reduce((s, k) => s + k.arr, 0) * 10);
const closeAbs = (a: Dec, b: Dec, scale: Dec) => a.sub(b).abs().lte(scale.mul('1e-38'));

/** Every Decimal of two results, pairwise: `same` decides what counts as equal. */
function compareResults(a: unknown, b: unknown, same: (x: Dec, y: Dec) => boolean, path = ''): string | null {
  // A band names the range its NRR falls in; NRR is compared itself, to the tolerance.
  // Within that tolerance of a band edge the two names may differ, so a tolerant
  // comparison leaves them out; an exact one (same === exactly) keeps them.
  if (same !== exactly && path.endsWith('Band')) return null;
  if (a instanceof D) return b instanceof D && same(a, b) ? null : `${path}: ${String(a)} vs ${String(b)}`;
  if (a === null || typeof a !== 'object') return a === b ? null : `${path}: ${String(a)} vs ${String(b)}`;
  for (const k of Object.keys(a)) {
    const d = compareResults((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], same, `${path}.${k}`);
    if (d) return d;
  }
  return null;
}
const exactly = (x: Dec, y: Dec) => x.eq(y);
const relative = (rel: string) => (x: Dec, y: Dec) => x.sub(y).abs().lte(D.max(x.abs(), y.abs(), 1).mul(rel));

const RAMPABLE: ((m: ModelInputs) => { get: () => number | number[]; set: (v: number | number[]) => void })[] = [
  (m) => ({ get: () => m.journey.onboarding.rate, set: (v) => { m.journey.onboarding.rate = v; } }),
  (m) => ({ get: () => m.journey.adoption.rate, set: (v) => { m.journey.adoption.rate = v; } }),
  (m) => ({ get: () => m.acquisition.acv, set: (v) => { m.acquisition.acv = v; } }),
  (m) => ({ get: () => m.acquisition.cacPerCustomer, set: (v) => { m.acquisition.cacPerCustomer = v; } }),
  (m) => ({ get: () => m.journey.renewal.rate, set: (v) => { m.journey.renewal.rate = v; } }),
  (m) => ({ get: () => m.journey.renewal.nonAdopterRate, set: (v) => { m.journey.renewal.nonAdopterRate = v; } }),
  (m) => ({ get: () => m.journey.contractionRate, set: (v) => { m.journey.contractionRate = v; } }),
  (m) => ({ get: () => m.journey.seatExpansion, set: (v) => { m.journey.seatExpansion = v; } }),
  (m) => ({ get: () => m.lanes[0]?.attachRate ?? 0, set: (v) => { if (m.lanes[0]) m.lanes[0].attachRate = v; } }),
  (m) => ({ get: () => m.lanes[0]?.acv ?? 0, set: (v) => { if (m.lanes[0]) m.lanes[0].acv = v; } }),
];

describe('ramps', () => {
  it('a ramp of equal values gives exactly the figures of the constant input', () => {
    const withBase = fc.tuple(arbModel, fc.boolean(), fc.subarray(RAMPABLE.map((_, i) => i), { minLength: 1 }), fc.integer({ min: 1, max: 10 }));
    fc.assert(fc.property(withBase, ([m, base, which, n]) => {
      // with a base both models take the calendar simulation; without, the one-journey roll-up
      if (base) m.base = { cohorts: [{ name: 'Book', customers: 50, arr: 3e6, ageMonths: 7, adopterShare: null }] };
      const ramped = structuredClone(m);
      for (const i of which) {
        const f = RAMPABLE[i]!(ramped);
        f.set(Array.from({ length: n }, () => f.get() as number));
      }
      expect(compareResults(computeExact(ramped), computeExact(m), exactly)).toBeNull();
    }), { numRuns: RUNS });
  });

  it('the calendar simulation agrees with the one-journey roll-up on models without ramps or a base, to 1e-30', () => {
    fc.assert(fc.property(arbModel, (m) => {
      expect(compareResults(computeExact(m, { calendar: true }), computeExact(m), relative('1e-30'))).toBeNull();
    }), { numRuns: RUNS });
  });

  it('a value past the end of a ramp repeats its last one', () => {
    const m = structuredClone(RAMP_MODEL);
    const longer = structuredClone(m);
    longer.journey.renewal.rate = [0.8, 0.9, 0.9, 0.9, 0.9];
    expect(compareResults(computeExact(longer), computeExact(m), exactly)).toBeNull();
  });
});

const RAMP_MODEL: ModelInputs = (() => {
  const m = fc.sample(arbModel, { numRuns: 1, seed: 7 })[0]!;
  m.general.horizonMonths = 60;
  m.journey.renewal.rate = [0.8, 0.9];
  return m;
})();

// Found by this property: year-2 NRR lands on a band edge, 1e-40 apart in the two models.
const BAND_EDGE_MODEL: ModelInputs = {
  general: { name: 'Example SaaS', currency: 'USD', startMonth: '2026-01', horizonMonths: 24, discountRateAnnual: 0, ltvYears: 1, subscriptionGrossMargin: 0 },
  acquisition: {
    newCustomersByYear: [53, 0], timing: 'yearStart', acv: [189000, 0], contractMonths: 24, cacPerCustomer: [0],
    funnel: [{ name: 'MQL', rate: 0.3 }, { name: 'SAL', rate: 0.6 }, { name: 'SQL', rate: 0.5 }, { name: 'Opportunity', rate: 0.25 }],
  },
  journey: {
    onboarding: { rate: [0.105, 0], month: 0 }, firstValue: { rate: 0.025, month: 0, targetDays: 60 }, adoption: { rate: [0.545], month: 0 },
    renewal: { rate: [0.125], nonAdopterRate: [0.305] }, contractionRate: 0, priceIncrease: [0.03, 0], seatExpansion: [0.23, 0],
  },
  lanes: [],
  base: { cohorts: [] },
} as unknown as ModelInputs;

describe('the installed base', () => {
  it('an omitted adopter share equals the same model with the implied share typed in', () => {
    fc.assert(fc.property(arbRampedModel, fc.integer({ min: 1, max: 240 }), (m, age) => {
      m.base = { cohorts: [{ name: 'Book', customers: 120, arr: 7.2e6, ageMonths: age, adopterShare: null }] };
      const implied = baseShares(m, new Rates(m), age, null)[3]!;
      const typed = structuredClone(m);
      typed.base.cohorts[0]!.adopterShare = implied.toNumber();
      // to the core's own 50-digit rounding when the share is a double (the typed
      // share splits non-adopters as 1 − share, the omitted one as Σ w ÷ Σ w: equal
      // in exact arithmetic, apart in the 50th digit); otherwise to the double's rounding
      const same = new D(implied.toNumber()).eq(implied) ? relative('1e-40') : relative('1e-12');
      expect(compareResults(computeExact(typed), computeExact(m), same)).toBeNull();
    }), { numRuns: RUNS, examples: [[BAND_EDGE_MODEL, 116]] });
  });

  it('an exactly representable implied share (ages within the first term) gives identical figures', () => {
    const m = structuredClone(RAMP_MODEL);
    m.journey.onboarding.rate = 1; m.journey.firstValue.rate = 0.5; m.journey.adoption.rate = 0.5;
    m.base = { cohorts: [{ name: 'Book', customers: 100, arr: 6.5e6, ageMonths: 1, adopterShare: null }] };
    const typed = structuredClone(m);
    typed.base.cohorts[0]!.adopterShare = 0.25;
    expect(compareResults(computeExact(typed), computeExact(m), exactly)).toBeNull();
  });

  it('splits non-adopters over the failed paths by their weight, all to failed adoption when those are 0', () => {
    const m = structuredClone(RAMP_MODEL);
    m.journey.onboarding.rate = 1; m.journey.firstValue.rate = 1; m.journey.adoption.rate = 1;
    expect(baseShares(m, new Rates(m), 12, 0.6).map(String)).toEqual(['0', '0', '0.4', '0.6']);
    m.journey.onboarding.rate = 0.5;
    m.journey.renewal = { rate: 0.8, nonAdopterRate: 0.5 };
    m.acquisition.contractMonths = 12;
    // w = P × r^k, k = ⌊(25 − 1)/12⌋ = 2: failed onboarding 0.5 × 0.25, adopter 0.5 × 0.64
    const s = baseShares(m, new Rates(m), 25, null);
    expect(s[1]!.isZero() && s[2]!.isZero()).toBe(true);
    expect(s[0]!.sub(new D('0.125').div('0.445')).abs().lt('1e-45')).toBe(true);
    expect(s[3]!.sub(new D('0.32').div('0.445')).abs().lt('1e-45')).toBe(true);
  });
});

function eachModel(check: (m: ModelInputs, r: ModelResult<Dec>) => void) {
  fc.assert(fc.property(arbRampedModel, (m) => check(m, computeExact(m))), { numRuns: RUNS });
}

describe('the company with ramps and a base', () => {
  it('the bridge ties out every month, from the base’s opening ARR', () => {
    eachModel((m, r) => {
      expect(r.months[0]!.opening.eq(m.base.cohorts.reduce((s, k) => s.add(k.arr), new D(0)))).toBe(true);
      r.months.forEach((mo, t) => {
        const lanes = mo.lanes.reduce((s, x) => s.add(x), new D(0));
        expect(closeAbs(mo.opening.add(mo.newLogo).add(lanes).add(mo.seat).add(mo.price).sub(mo.contraction).sub(mo.churn), mo.closing, scaleOf(m)), `month ${t}`).toBe(true);
        if (t > 0) expect(mo.opening.eq(r.months[t - 1]!.closing)).toBe(true);
      });
    });
  });

  it('0 ≤ GRR ≤ 1, yearly and trailing', () => {
    eachModel((_, r) => {
      for (const v of [...r.annual.map((y) => y.grr), ...r.months.map((x) => x.grrT12)]) {
        if (v === null) continue;
        expect(v.gte(0) && v.lte(1), v.toString()).toBe(true);
      }
    });
  });

  it('NRR decomposes exactly into 1 − churn% − contraction% + Σ expansion%, year 1 on the base included', () => {
    eachModel((m, r) => {
      for (const y of r.annual) {
        if (!y.decomposition) { expect(y.nrr).toBeNull(); continue; }
        const d = y.decomposition, a = d.amounts;
        const expansion = a.lanes.reduce((s, x) => s.add(x), new D(0)).add(a.seat).add(a.price);
        expect(closeAbs(d.begin.sub(a.churn).sub(a.contraction).add(expansion), d.end, scaleOf(m)), `year ${y.year}`).toBe(true);
      }
    });
  });

  it('NRR equals GRR when nothing expands (no lanes, no price or seat growth)', () => {
    fc.assert(fc.property(arbRampedModel, (m) => {
      m.lanes = [];
      m.journey.priceIncrease = 0;
      m.journey.seatExpansion = 0;
      const r = computeExact(m);
      for (const y of r.annual) {
        if (y.nrr === null) { expect(y.grr).toBeNull(); continue; }
        expect(y.nrr.sub(y.grr!).abs().lte('1e-40'), `year ${y.year}: ${String(y.nrr)} vs ${String(y.grr)}`).toBe(true);
      }
    }), { numRuns: RUNS });
  });

  it('year-1 NRR and GRR are null without a base and exist exactly when the base has ARR', () => {
    fc.assert(fc.property(arbRampedModel, (m) => {
      const r = computeExact(m);
      const opening = m.base.cohorts.reduce((s, k) => s + k.arr, 0);
      expect(r.annual[0]!.nrr === null).toBe(opening === 0);
      expect(r.annual[0]!.grr === null).toBe(opening === 0);
      m.base = { cohorts: [] };
      const without = computeExact(m);
      expect(without.annual[0]!.nrr).toBeNull();
      expect(without.annual[0]!.grr).toBeNull();
      expect(without.openingArr.isZero()).toBe(true);
    }), { numRuns: RUNS });
  });

  it('the base is in company figures but never in per-customer ones', () => {
    fc.assert(fc.property(arbRampedModel, (m) => {
      const withBase = computeExact(m);
      const noBase = computeExact({ ...m, base: { cohorts: [] } });
      expect(compareResults(withBase.ltv, noBase.ltv, exactly)).toBeNull();
      expect(compareResults(withBase.journey, noBase.journey, exactly)).toBeNull();
      expect(compareResults(withBase.cohorts, noBase.cohorts, relative('1e-30'))).toBeNull();
    }), { numRuns: 20 });
  });
});
