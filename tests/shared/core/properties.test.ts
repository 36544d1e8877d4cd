// Invariants of the model over random valid models (issue #2).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeExact, computeFigure, D, twoWayTable, type Dec, type ModelInputs } from '@shared/index';
import { arbModel } from '../../support/models';

const RUNS = 80;
const within = (a: Dec, b: Dec, rel = '1e-40') => a.sub(b).abs().lte(D.max(a.abs(), b.abs(), 1).mul(rel));
/** Money a model could ever book, for an absolute tolerance far below a cent. */
const scaleOf = (m: ModelInputs) => new D(m.acquisition.acv as number).add(m.lanes.reduce((s, l) => s + (l.acv as number), 0)).mul(m.acquisition.newCustomersByYear.reduce((s, n) => s + n, 1)).mul(10);
const closeAbs = (a: Dec, b: Dec, scale: Dec) => a.sub(b).abs().lte(scale.mul('1e-38'));

describe('the monthly ARR bridge', () => {
  it('ties out every month, to far below a cent: opening + new + expansion − contraction − churn = closing, and closing = next opening', () => {
    fc.assert(fc.property(arbModel, (m) => {
      const r = computeExact(m);
      r.months.forEach((mo, t) => {
        const lanes = mo.lanes.reduce((s, x) => s.add(x), new D(0));
        // to 1e-38 of the model's scale: a billionth of a billionth of a cent
        expect(closeAbs(mo.opening.add(mo.newLogo).add(lanes).add(mo.seat).add(mo.price).sub(mo.contraction).sub(mo.churn), mo.closing, scaleOf(m)), `month ${t}`).toBe(true);
        if (t > 0) expect(mo.opening.eq(r.months[t - 1]!.closing)).toBe(true);
      });
    }), { numRuns: RUNS });
  });

  it('closing ARR equals the sum over cohorts of customers × one customer’s ARR at their age', () => {
    fc.assert(fc.property(arbModel, (m) => {
      const r = computeExact(m);
      const ages = r.journey.ages;
      r.months.forEach((mo, t) => {
        let direct = new D(0);
        for (let c = 0; c <= t; c++) direct = direct.add(r.months[c]!.newCustomers.mul(ages[t - c]!.arr));
        expect(within(direct, mo.closing, '1e-30'), `month ${t}`).toBe(true);
      });
    }), { numRuns: 30 });
  });
});

describe('NRR and GRR', () => {
  it('NRR decomposes exactly into 1 − churn% − contraction% + Σ expansion%', () => {
    fc.assert(fc.property(arbModel, (m) => {
      for (const y of computeExact(m).annual) {
        if (!y.decomposition) { expect(y.nrr).toBeNull(); continue; }
        const d = y.decomposition;
        const a = d.amounts;
        const expansion = a.lanes.reduce((s, x) => s.add(x), new D(0)).add(a.seat).add(a.price);
        // in currency the identity is exact to the last digit
        expect(closeAbs(d.begin.sub(a.churn).sub(a.contraction).add(expansion), d.end, scaleOf(m))).toBe(true);
        const shares = new D(1).sub(d.churn).sub(d.contraction).add(d.lanes.reduce((s, x) => s.add(x), new D(0))).add(d.seat).add(d.price);
        // as shares of begin, to the same absolute precision relative to begin
        expect(closeAbs(shares.mul(d.begin), y.nrr!.mul(d.begin), scaleOf(m))).toBe(true);
      }
    }), { numRuns: RUNS });
  });

  it('GRR stays between 0 and 1', () => {
    fc.assert(fc.property(arbModel, (m) => {
      const r = computeExact(m);
      for (const v of [...r.annual.map((y) => y.grr), ...r.months.map((x) => x.grrT12)]) {
        if (v === null) continue;
        expect(v.gte(0) && v.lte(1)).toBe(true);
      }
    }), { numRuns: RUNS });
  });

  it('with no lanes and no seat or price growth, NRR equals GRR', () => {
    fc.assert(fc.property(arbModel, (m0) => {
      const m: ModelInputs = { ...m0, lanes: [], journey: { ...m0.journey, seatExpansion: 0, priceIncrease: 0 } };
      for (const y of computeExact(m).annual) {
        if (y.nrr === null) { expect(y.grr).toBeNull(); continue; }
        const begin = y.decomposition!.begin;
        expect(closeAbs(y.nrr.mul(begin), y.grr!.mul(begin), scaleOf(m))).toBe(true);
      }
    }), { numRuns: RUNS });
  });
});

describe('scaling', () => {
  it('doubling ACV and every lane ACV doubles every ARR figure and leaves NRR/GRR unchanged', () => {
    fc.assert(fc.property(arbModel, (m) => {
      const twice: ModelInputs = { ...m, acquisition: { ...m.acquisition, acv: (m.acquisition.acv as number) * 2 }, lanes: m.lanes.map((l) => ({ ...l, acv: (l.acv as number) * 2 })) };
      const a = computeExact(m), b = computeExact(twice);
      a.months.forEach((mo, t) => expect(within(mo.closing.mul(2), b.months[t]!.closing)).toBe(true));
      a.annual.forEach((y, i) => {
        const z = b.annual[i]!;
        for (const k of ['closing', 'churn', 'contraction', 'expansion', 'newLogo', 'revenue'] as const) expect(within(y[k].mul(2), z[k]), k).toBe(true);
        if (y.nrr) expect(within(y.nrr, z.nrr!, '1e-30')).toBe(true);
      });
    }), { numRuns: RUNS });
  });
});

describe('sensitivity', () => {
  it('the two-way table’s base cell equals the base figure exactly', () => {
    fc.assert(fc.property(arbModel, fc.constantFrom('nrr.y2', 'grr.y2', 'arr.y1', 'arr.y2', 'ltv.discountedGrossMargin', 'ltvToCac', 'ltv.revenue'), (m, figure) => {
      const rate = m.journey.renewal.rate as number;
      const ad = m.journey.adoption.rate as number;
      const other = (x: number) => (x === 0.5 ? 0.25 : 0.5);
      const t = twoWayTable(m, { figure, rowKey: 'journey.renewal.rate', rowValues: [other(rate), rate, 1 - other(rate) / 2], colKey: 'journey.adoption.rate', colValues: [ad, other(ad)] });
      const cell = t.cells[1]![0]!;
      const base = computeFigure(m, figure);
      expect(t.base).toEqual({ row: 1, col: 0 });
      if (base === null) expect(cell).toBeNull();
      else expect(cell.eq(base)).toBe(true);
      // and the full model shows the same figure
      const full = computeExact(m);
      if (figure === 'nrr.y2' && base) expect(full.annual[1]!.nrr!.eq(base)).toBe(true);
      if (figure === 'arr.y2' && base) expect(full.annual[1]!.closing.eq(base) || within(full.annual[1]!.closing, base)).toBe(true);
      if (figure === 'ltv.discountedGrossMargin') expect(full.ltv.discountedGrossMargin.eq(base!)).toBe(true);
    }), { numRuns: 40 });
  });
});
