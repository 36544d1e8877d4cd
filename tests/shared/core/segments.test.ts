// The company of segments (spec §2.3): it is the exact sum of its segments, and a
// model cut into segments that do not differ is the same model.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeExact, D, defaultInputs, summarize, validateInputs, type Dec, type ModelInputs, type ModelResult, type Segment } from '@shared/index';
import { segmentModel } from '@shared/model/segments';
import { arbRampedModel } from '../../support/models';

const isDec = (x: unknown): x is Dec => x instanceof D;

/** Every decimal as its full text, so equality is to the digit. */
function digits(x: unknown): unknown {
  if (isDec(x)) return x.toString();
  if (Array.isArray(x)) return x.map(digits);
  if (x !== null && typeof x === 'object') return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, digits(v)]));
  return x;
}

/** Walks two results side by side; every decimal pair within `rel` of the larger (or of 1). */
function near(a: unknown, b: unknown, rel: string, path = ''): string | null {
  if (isDec(a) || isDec(b)) {
    if (!isDec(a) || !isDec(b)) return `${path}: ${String(a)} vs ${String(b)}`;
    return a.sub(b).abs().lte(D.max(a.abs(), b.abs(), 1).mul(rel)) ? null : `${path}: ${a.toString()} vs ${b.toString()}`;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${path}: lengths ${a.length} vs ${b.length}`;
    for (let i = 0; i < a.length; i++) { const p = near(a[i], b[i], rel, `${path}[${i}]`); if (p) return p; }
    return null;
  }
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) { const p = near((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], rel, `${path}.${k}`); if (p) return p; }
    return null;
  }
  return a === b ? null : `${path}: ${String(a)} vs ${String(b)}`;
}

const company = (r: ModelResult<Dec>) => { const { segments: _s, ...rest } = r; return rest; };
const segment = (id: string, logoShare: Segment['logoShare'], overrides: Segment['overrides'] = {}): Segment => ({ id, name: id.toUpperCase(), logoShare, overrides });

/** Random valid models cut into 1–3 segments that differ in renewal, ACV, term, timing and a lane's attach rate. */
const arbSegmented: fc.Arbitrary<ModelInputs> = fc.record({
  m: arbRampedModel,
  cuts: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 0, maxLength: 2 }),
  overrides: fc.array(fc.record({
    renewal: fc.option(fc.integer({ min: 0, max: 100 }).map((n) => n / 100), { nil: undefined }),
    acv: fc.option(fc.integer({ min: 0, max: 200000 }), { nil: undefined }),
    term: fc.option(fc.constantFrom(1, 6, 12, 24, 36), { nil: undefined }),
    timing: fc.option(fc.constantFrom('yearStart', 'even'), { nil: undefined }),
    attach: fc.option(fc.integer({ min: 0, max: 100 }).map((n) => n / 100), { nil: undefined }),
  }), { minLength: 3, maxLength: 3 }),
}).map(({ m, cuts, overrides }) => {
  const edges = [0, ...[...cuts].sort((a, b) => a - b), 100];
  const segments = edges.slice(1).map((e, i) => {
    const o = overrides[i]!, own: Segment['overrides'] = {};
    if (o.renewal !== undefined) own['journey.renewal.rate'] = o.renewal;
    if (o.acv !== undefined) own['acquisition.acv'] = o.acv;
    if (o.term !== undefined) own['acquisition.contractMonths'] = o.term;
    if (o.timing !== undefined) own['acquisition.timing'] = o.timing;
    if (o.attach !== undefined && m.lanes[0]) own[`lanes.${m.lanes[0].id}.attachRate`] = o.attach;
    return segment(`s${i}`, (e - edges[i]!) / 100, own);
  });
  return { ...m, segments, base: { cohorts: m.base.cohorts.map((c, i) => ({ ...c, segment: segments[i % segments.length]!.id })) } };
});

describe('segments that do not differ are the model itself', () => {
  it('one segment holding every logo with no overrides equals no segments, to the digit', () => {
    fc.assert(fc.property(arbRampedModel, (m) => {
      const one: ModelInputs = { ...m, segments: [segment('all', 1)], base: { cohorts: m.base.cohorts.map((c) => ({ ...c, segment: 'all' })) } };
      expect(validateInputs(one)).toEqual([]);
      const r = computeExact(one);
      expect(digits(company(r))).toEqual(digits(computeExact(m)));
      const { arrShareByYearEnd: _share, ...own } = r.segments!.all!;
      expect(digits(own)).toEqual(digits(computeExact(m)));
      expect(r.segments!.all!.arrShareByYearEnd.every((s) => s === null || s.eq(1))).toBe(true);
    }), { numRuns: 40 });
  });

  it('two identical segments splitting logos (and the base) 50/50 equal no segments', () => {
    fc.assert(fc.property(arbRampedModel, (m) => {
      const half = m.base.cohorts.map((c) => ({ ...c, customers: c.customers / 2, arr: c.arr / 2 }));
      const two: ModelInputs = {
        ...m, segments: [segment('a', 0.5), segment('b', [0.5, 0.5])],
        base: { cohorts: [...half.map((c) => ({ ...c, segment: 'a' })), ...half.map((c) => ({ ...c, segment: 'b' }))] },
      };
      expect(validateInputs(two)).toEqual([]);
      expect(near(company(computeExact(two)), computeExact(m), '1e-40')).toBeNull();
    }), { numRuns: 30 });
  });
});

describe('the company is the sum of its segments', () => {
  it("the segments' flows add up to the company's bridge every month, and the company's bridge ties out", () => {
    fc.assert(fc.property(arbSegmented, (m) => {
      expect(validateInputs(m)).toEqual([]);
      const r = computeExact(m);
      const segs = Object.values(r.segments!);
      const scale = r.months.reduce((s, x) => D.max(s, x.closing.abs(), x.opening.abs()), new D(1));
      const same = (a: Dec, b: Dec) => a.sub(b).abs().lte(scale.mul('1e-38'));
      r.months.forEach((mo, t) => {
        for (const f of ['opening', 'newLogo', 'seat', 'price', 'contraction', 'churn', 'closing', 'customers', 'newCustomers', 'revenue'] as const) {
          const total = segs.reduce((s, x) => s.add(x.months[t]![f]), new D(0));
          expect(same(total, mo[f]), `month ${t} ${f}`).toBe(true);
        }
        mo.lanes.forEach((l, i) => expect(same(segs.reduce((s, x) => s.add(x.months[t]!.lanes[i]!), new D(0)), l)).toBe(true));
        const lanes = mo.lanes.reduce((s, x) => s.add(x), new D(0));
        expect(same(mo.opening.add(mo.newLogo).add(lanes).add(mo.seat).add(mo.price).sub(mo.contraction).sub(mo.churn), mo.closing), `month ${t} ties out`).toBe(true);
      });
      // The mix at each year end adds up to 100%.
      r.annual.forEach((y, i) => {
        if (y.closing.isZero()) return;
        expect(segs.reduce((s, x) => s.add(x.arrShareByYearEnd[i]!), new D(0)).sub(1).abs().lte('1e-40')).toBe(true);
      });
    }), { numRuns: 30 });
  });

  it("the company's NRR is §4 applied to the union of the segments' customers, and its GRR the begin-weighted GRRs", () => {
    fc.assert(fc.property(arbSegmented, (m) => {
      const r = computeExact(m);
      for (const y of r.annual) {
        // §4 independently: the set is everyone closed before year y, so each segment's
        // model with no logos from year y on has exactly the set's ARR at both ends.
        let begin = new D(0), end = new D(0), kept = new D(0);
        for (const s of m.segments!) {
          const own = segmentModel(m, s);
          const set = computeExact({ ...own, acquisition: { ...own.acquisition, newCustomersByYear: own.acquisition.newCustomersByYear.slice(0, y.year - 1).concat(y.year === 1 ? [0] : []) } });
          const b = y.year === 1 ? set.openingArr : set.annual[y.year - 2]!.closing;
          begin = begin.add(b);
          end = end.add(set.annual[y.year - 1]!.closing);
          const grr = r.segments![s.id]!.annual[y.year - 1]!.grr;
          if (grr !== null) kept = kept.add(grr.mul(b));
        }
        if (begin.isZero()) { expect(y.nrr).toBeNull(); expect(y.grr).toBeNull(); continue; }
        expect(near(y.nrr, end.div(begin), '1e-30'), `year ${y.year} NRR`).toBeNull();
        expect(near(y.grr, kept.div(begin), '1e-30'), `year ${y.year} GRR`).toBeNull();
        // the year-end trailing-12 window is the year's NRR
        expect(r.months[12 * y.year - 1]!.nrrT12!.eq(y.nrr!)).toBe(true);
      }
    }), { numRuns: 25 });
  });
});

describe('a hand-checked company', () => {
  // SMB: $1M of ARR renewing at 80%; Enterprise: $3M renewing at 95%; no growth of any kind.
  const m: ModelInputs = (() => {
    const d = defaultInputs();
    return {
      ...d,
      general: { ...d.general, horizonMonths: 24 },
      acquisition: { ...d.acquisition, newCustomersByYear: [10], acv: 10000, cacPerCustomer: 20000 },
      journey: { ...d.journey, contractionRate: 0, priceIncrease: 0, seatExpansion: 0 },
      lanes: [],
      segments: [
        segment('smb', 0.75, { 'journey.renewal.rate': 0.8 }),
        segment('ent', 0.25, { 'journey.renewal.rate': 0.95, 'acquisition.acv': 100000, 'acquisition.cacPerCustomer': 120000 }),
      ],
      base: { cohorts: [
        { name: 'SMB book', customers: 100, arr: 1000000, ageMonths: 12, adopterShare: 1, segment: 'smb' },
        { name: 'Enterprise book', customers: 10, arr: 3000000, ageMonths: 12, adopterShare: 1, segment: 'ent' },
      ] },
    };
  })();

  it('year-1 NRR is (800,000 + 2,850,000) ÷ 4,000,000 = 91.25%, not the mean of 80% and 95%', () => {
    expect(validateInputs(m)).toEqual([]);
    const s = summarize(m);
    expect(s.openingArr).toBe(4000000);
    expect(s.nrrByYear[0]).toBeCloseTo(0.9125, 15);
    expect(s.grrByYear[0]).toBeCloseTo(0.9125, 15);
    expect(s.segments!.smb!.nrrByYear[0]).toBeCloseTo(0.8, 15);
    expect(s.segments!.ent!.nrrByYear[0]).toBeCloseTo(0.95, 15);
    // new logos: 7.5 SMB at $10K and 2.5 enterprise at $100K, spread evenly over year 1
    expect(s.newArrByYear[0]).toBeCloseTo(75000 + 250000, 6);
    expect(s.segments!.ent!.arrShareByYearEnd[0]).toBeCloseTo((2850000 + 250000) / (3650000 + 325000), 12);
  });

  it('LTV:CAC and CAC payback come from the blended year-1 ACV and CAC', () => {
    const s = summarize(m);
    const acv = 0.75 * 10000 + 0.25 * 100000, cac = 0.75 * 20000 + 0.25 * 120000;
    expect(s.cacPaybackMonths).toBeCloseTo(cac / (acv * 0.8 / 12), 10);
    const ltv = 0.75 * s.segments!.smb!.ltv.discountedGrossMargin + 0.25 * s.segments!.ent!.ltv.discountedGrossMargin;
    expect(s.ltv.discountedGrossMargin).toBeCloseTo(ltv, 6);
    expect(s.ltvToCac).toBeCloseTo(ltv / cac, 10);
  });

  it('the biggest drag steps every segment at once: renewal, where SMB loses most', () => {
    expect(summarize(m).biggestDrag).toBe('renewal');
  });
});
