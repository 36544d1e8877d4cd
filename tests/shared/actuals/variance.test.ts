// Plan against actual (issue #14): only overlapping months, exact differences.
import { describe, expect, it } from 'vitest';
import { computeActuals, planVsActual, readActualsCsv } from '@shared/actuals/index';
import { computeExact, defaultInputs, type ModelInputs } from '@shared/index';

const actualsOf = (rows: string[]) => {
  const r = readActualsCsv(['customer,month,arr', ...rows].join('\n'));
  if (!r.ok) throw new Error(JSON.stringify(r));
  return computeActuals(r.book);
};

// A plan of one base cohort (100 customers, 1,000,000 ARR, renewing in its month 2) and no new logos.
const plan = (startMonth: string): ModelInputs => ({
  ...defaultInputs(), lanes: [],
  general: { ...defaultInputs().general, startMonth, horizonMonths: 12 },
  acquisition: { ...defaultInputs().acquisition, newCustomersByYear: [0] },
  journey: { ...defaultInputs().journey, renewal: { rate: 0.9, nonAdopterRate: 0.9 }, contractionRate: 0.02, priceIncrease: 0.03, seatExpansion: 0 },
  base: { cohorts: [{ name: 'Book', customers: 100, arr: 1_000_000, ageMonths: 10 }] },
});

describe('plan against actual', () => {
  const actual = actualsOf(['A,2025-11,1000000', 'A,2025-12,1000000', 'A,2026-01,1000000', 'A,2026-02,1010000', 'B,2026-02,5000', 'A,2026-03,900000']);

  it('compares only the months both have, actual minus plan, exactly', () => {
    const p = computeExact(plan('2026-01'));
    const v = planVsActual(p, actual);
    expect(v.map((m) => m.month)).toEqual(['2026-01', '2026-02', '2026-03']);
    const feb = v[1]!.figures;
    // Plan: 10% churn at the renewal in 2026-03 (age 12); nothing happens in February.
    expect(feb.arr.plan.toString()).toBe('1000000');
    expect(feb.arr.actual.toString()).toBe('1015000');
    expect(feb.arr.difference.toString()).toBe('15000');
    expect(feb.new.actual.toString()).toBe('5000');
    expect(feb.expansion.actual.toString()).toBe('10000');
    const mar = v[2]!.figures;
    expect(mar.churn.plan.toString()).toBe('100000');
    expect(mar.churn.actual.toString()).toBe('5000');
    expect(mar.contraction.actual.toString()).toBe('110000');
    expect(mar.contraction.difference.eq(mar.contraction.actual.sub(mar.contraction.plan))).toBe(true);
  });

  it('is empty when the plan starts after the actuals end', () => {
    expect(planVsActual(computeExact(plan('2027-01')), actual)).toEqual([]);
  });
});
