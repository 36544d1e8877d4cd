// Spec §8's golden cases, to the cent.
import { describe, expect, it } from 'vitest';
import { computeExact, defaultInputs, doublingTimeYears, D, nrrBand, summarize, valueOfNrrPoint } from '@shared/index';
import { g1, g4, g5 } from '../../support/models';

describe('G1: seed 000 Year-2 math', () => {
  const r = computeExact(g1());
  const y = (n: number) => r.annual[n - 1]!;

  it('ARR is $6.5M at the end of year 1 and $6,774,500 at the end of year 2', () => {
    expect(y(1).closing.toString()).toBe('6500000');
    expect(y(2).closing.toString()).toBe('6774500');
  });

  it('splits year 2 into $5,525,000 of renewal and $1,249,500 of expansion, with $975,000 of churn', () => {
    expect(y(2).opening.sub(y(2).churn).toString()).toBe('5525000');
    expect(y(2).expansion.toString()).toBe('1249500');
    expect(y(2).churn.toString()).toBe('975000');
    expect(y(2).newLogo.toString()).toBe('0');
  });

  it('gives NRR 104.22…% and GRR 85% in year 2', () => {
    expect(y(2).nrr!.toDecimalPlaces(12).toString()).toBe('1.042230769231');
    expect(y(2).nrr!.sub(new D(6774500).div(6500000)).abs().lt('1e-40')).toBe(true);
    expect(y(2).grr!.toString()).toBe('0.85');
  });

  it('gives per-customer revenue LTV $190,328.25 and gross-margin LTV $152,262.60 over three years', () => {
    expect(r.ltv.revenue.toDecimalPlaces(2).toString()).toBe('190328.25');
    expect(r.ltv.grossMargin.toDecimalPlaces(2).toString()).toBe('152262.6');
  });

  it('reports year 1 NRR/GRR as undefined (no customers before year 1)', () => {
    const s = summarize(g1());
    expect(s.nrrByYear[0]).toBeNull();
    expect(s.grrByYear[0]).toBeNull();
  });
});

describe('G2: seed 000 stage math', () => {
  it('90% × 85% × 78% × 85% with non-adopters lost gives full-journey retention 0.507195', () => {
    const m = defaultInputs();
    m.journey.renewal.nonAdopterRate = 0;
    const r = computeExact(m);
    expect(r.journey.fullJourneyRetention.toString()).toBe('0.507195');
    expect(r.journey.renewalDecisionRetention.toString()).toBe('0.85');
  });
});

describe('G3: NRR point, doubling time, bands', () => {
  it('values one NRR point at $65,000 for 100 customers × $65K', () => {
    expect(valueOfNrrPoint(new D(100 * 65000)).toString()).toBe('65000');
    const r = computeExact(g1());
    expect(r.valueOfNrrPoint!.toString()).toBe('65000');
  });
  it('doubles the base in 2.6419 years at 130% NRR', () => {
    expect(doublingTimeYears(new D('1.3'))!.toDecimalPlaces(4).toString()).toBe('2.6419');
    expect(doublingTimeYears(new D(1))).toBeNull();
    expect(doublingTimeYears(null)).toBeNull();
  });
  it('bands 104.22% Healthy, 89.99% Structural problem, 130% Exceptional', () => {
    expect(nrrBand(1.0422)).toBe('Healthy');
    expect(nrrBand(0.8999)).toBe('Structural problem');
    expect(nrrBand(1.3)).toBe('Exceptional');
    expect(nrrBand(0.9)).toBe('Retention without growth');
    expect(nrrBand(1.1)).toBe('Strong');
    expect(nrrBand(1.2)).toBe('Elite');
    expect(nrrBand(1.0)).toBe('Healthy');
    expect(nrrBand(null)).toBeNull();
  });
});

describe('G4: seed 000 Year-2 math on today\'s book', () => {
  const r = computeExact(g4());
  const y = (n: number) => r.annual[n - 1]!;

  it('opens the bridge at month 0 with the book: openingArr 6,500,000', () => {
    expect(r.openingArr.toString()).toBe('6500000');
    expect(r.months[0]!.opening.toString()).toBe('6500000');
    expect(summarize(g4()).openingArr).toBe(6500000);
  });

  it('year 1: churn 975,000, expansion 1,249,500, ARR 6,774,500, NRR 1.04223…, GRR 0.85, 85 customers', () => {
    expect(y(1).churn.toString()).toBe('975000');
    expect(y(1).expansion.toString()).toBe('1249500');
    expect(y(1).closing.toString()).toBe('6774500');
    expect(y(1).nrr!.toDecimalPlaces(12).toString()).toBe('1.042230769231');
    expect(y(1).nrr!.sub(new D(6774500).div(6500000)).abs().lt('1e-40')).toBe(true);
    expect(y(1).grr!.toString()).toBe('0.85');
    expect(y(1).customersEnd.toString()).toBe('85');
    expect(y(1).newLogo.toString()).toBe('0');
  });

  it('month 0 is the first renewal and the purchase follows it', () => {
    const m0 = r.months[0]!;
    expect(m0.churn.toString()).toBe('975000');
    expect(m0.lanes[0]!.toString()).toBe('1249500');
    expect(m0.closing.toString()).toBe('6774500');
  });

  it('year 2: ARR 5,758,325, churn 1,016,175, NRR = GRR = 0.85, 72.25 customers', () => {
    expect(y(2).closing.toString()).toBe('5758325');
    expect(y(2).churn.toString()).toBe('1016175');
    expect(y(2).nrr!.toString()).toBe('0.85');
    expect(y(2).grr!.toString()).toBe('0.85');
    expect(y(2).customersEnd.toString()).toBe('72.25');
  });

  it('values one NRR point on year 1, the first year with a defined NRR', () => {
    expect(r.valueOfNrrPoint!.toString()).toBe('65000');
  });
});

describe('G5: a ramp', () => {
  const r = computeExact(g5());
  const y = (n: number) => r.annual[n - 1]!;
  it('renewal 85% then 90%: ARR 5,525,000 and 4,972,500; NRR = GRR 0.85 and 0.90; churn 975,000 and 552,500; 85 and 76.5 customers', () => {
    expect([y(1).closing, y(2).closing].map(String)).toEqual(['5525000', '4972500']);
    expect([y(1).nrr, y(2).nrr].map(String)).toEqual(['0.85', '0.9']);
    expect([y(1).grr, y(2).grr].map(String)).toEqual(['0.85', '0.9']);
    expect([y(1).churn, y(2).churn].map(String)).toEqual(['975000', '552500']);
    expect([y(1).customersEnd, y(2).customersEnd].map(String)).toEqual(['85', '76.5']);
  });
});
