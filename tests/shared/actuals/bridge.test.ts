// Spec §9's monthly bridge, trailing-12 retention and cohort table on small
// books whose every figure is worked out by hand.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actualsJson, computeActuals, readActualsCsv, type ActualsResult } from '@shared/actuals/index';
import { randomBook, writeCsv } from '../../support/actuals-files';

function figures(csv: string) {
  const r = readActualsCsv(csv);
  if (!r.ok) throw new Error(JSON.stringify(r));
  return { ...actualsJson(computeActuals(r.book)), quality: r.quality };
}

const csv = (rows: string[]) => ['customer,month,arr', ...rows].join('\n') + '\n';

describe('movements, one customer at a time', () => {
  it('books new, expansion, contraction and churn, each in its month', () => {
    const f = figures(csv(['A,2024-01,0', 'A,2024-02,1200', 'A,2024-03,1500', 'A,2024-04,1000', 'A,2024-05,0']));
    expect(f.new).toEqual([0, 1200, 0, 0, 0]);
    expect(f.expansion).toEqual([0, 0, 300, 0, 0]);
    expect(f.contraction).toEqual([0, 0, 0, 500, 0]);
    expect(f.churn).toEqual([0, 0, 0, 0, 1000]);
    expect(f.closing).toEqual([0, 1200, 1500, 1000, 0]);
    expect(f.customers).toEqual([0, 1, 1, 1, 0]);
  });

  it('calls a customer who comes back a reactivation, not new', () => {
    const f = figures(csv(['A,2024-01,100', 'A,2024-02,0', 'A,2024-03,250', 'B,2024-03,40']));
    expect(f.churn).toEqual([0, 100, 0]);
    expect(f.reactivation).toEqual([0, 0, 250]);
    expect(f.new).toEqual([0, 0, 40]);
  });

  it('reads a month without a row as 0: a gap is churn, then reactivation', () => {
    const f = figures(csv(['A,2024-01,100', 'A,2024-04,100', 'B,2024-01,5', 'B,2024-02,5', 'B,2024-03,5', 'B,2024-04,5']));
    expect(f.churn).toEqual([0, 100, 0, 0]);
    expect(f.reactivation).toEqual([0, 0, 0, 100]);
    expect(f.customers).toEqual([2, 1, 1, 2]);
    expect(f.quality.customerGaps).toBe(1);
    expect(f.quality.customersWithGaps).toBe(1);
  });

  it('churns a customer whose last row is before the last month, in the month after it', () => {
    const f = figures(csv(['A,2024-01,100', 'B,2024-03,7']));
    expect(f.churn).toEqual([0, 100, 0]);
    expect(f.opening).toEqual([100, 100, 0]);
    expect(f.quality.monthsWithoutRows).toEqual(['2024-02']);
  });

  it('adds up rows of the same customer and month, and counts them as merged', () => {
    const f = figures(csv(['A,2024-01,100.10', 'A,2024-01,0.2', 'A,2024-02,50', 'A,2024-02,50.3']));
    expect(f.closing).toEqual([100.3, 100.3]);
    expect(f.expansion).toEqual([0, 0]);
    expect(f.quality.duplicateRows).toBe(2);
  });

  it('has no flows in the first month: opening = closing = its ARR', () => {
    const f = figures(csv(['A,2024-01,100', 'B,2024-01,30']));
    expect(f.opening).toEqual([130]);
    expect(f.closing).toEqual([130]);
    expect([f.new, f.reactivation, f.expansion, f.contraction, f.churn]).toEqual([[0], [0], [0], [0], [0]]);
  });

  it('keeps the cents exact where doubles would drift', () => {
    const rows = Array.from({ length: 1000 }, (_, i) => `C${i},2024-01,0.1`);
    const r = readActualsCsv(csv(rows));
    if (!r.ok) throw new Error('unreadable');
    expect(computeActuals(r.book).closing[0]!.toString()).toBe('100');
  });

  it('stays exact past 2^53 units at the most digits and decimals an amount may have (values kept as bigints)', () => {
    const r = readActualsCsv(csv(['A,2024-01,333333333.333333', 'B,2024-01,999999999999999', 'A,2024-02,900719925.474099']));
    if (!r.ok) throw new Error('unreadable');
    expect(r.book.store.isWide).toBe(true);
    const res = computeActuals(r.book);
    expect(res.closing[0]!.toString()).toBe('1000000333333332.333333');
    expect(res.expansion[1]!.toString()).toBe('567386592.140766');
    expect(res.churn[1]!.toString()).toBe('999999999999999');
  });
});

describe('trailing-12 NRR, GRR and logo retention', () => {
  // Month 0: A 100, B 100, C 100. Month 12: A 150 (expanded), B 60 (contracted), C gone; D new (not in the set).
  const rows = ['A', 'B', 'C'].map((c) => `${c},2023-01,100`).concat(['A,2024-01,150', 'B,2024-01,60', 'D,2024-01,999']);
  const f = figures(csv(rows));

  it('is undefined for the first 12 months of the file', () => {
    expect(f.nrr12.slice(0, 12)).toEqual(Array(12).fill(null));
    expect(f.grr12[11]).toBeNull();
  });

  it('follows the set of month t − 12: NRR 210/300, GRR 160/300, two of three logos', () => {
    expect(f.nrr12[12]).toBeCloseTo(0.7, 12);
    expect(f.grr12[12]).toBeCloseTo(160 / 300, 12);
    expect(f.logoRetention12[12]).toBeCloseTo(2 / 3, 12);
  });

  it('is undefined when nobody had ARR twelve months earlier', () => {
    const g = figures(csv(['A,2023-01,0', 'A,2024-01,10']));
    expect(g.nrr12[12]).toBeNull();
  });
});

describe('cohorts', () => {
  it('groups customers by their first month with ARR and follows their ARR by months since', () => {
    const f = figures(csv(['A,2024-01,0', 'A,2024-02,100', 'A,2024-03,80', 'B,2024-02,50', 'B,2024-03,0', 'C,2024-03,10']));
    expect(f.cohorts).toEqual([
      { start: '2024-02', customers: 2, arr: [150, 80], active: [2, 1] },
      { start: '2024-03', customers: 1, arr: [10], active: [1] },
    ]);
  });
});

const tiesOut = (r: ActualsResult) => r.months.every((_, t) =>
  r.opening[t]!.add(r.new[t]!).add(r.reactivation[t]!).add(r.expansion[t]!).sub(r.contraction[t]!).sub(r.churn[t]!).eq(r.closing[t]!)
  && (t === 0 || r.opening[t]!.eq(r.closing[t - 1]!)));

describe('the bridge ties out', () => {
  it('every month, exactly, on random books in any CSV shape', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.constantFrom(',', ';'), fc.constantFrom('mrr', 'arr'), fc.boolean(), fc.integer({ min: 1, max: 300 }),
      (seed, delimiter, column, crlf, chunk) => {
        const text = writeCsv(randomBook(seed), { delimiter: delimiter, column: column, crlf });
        const read = readActualsCsv(text, chunk);
        expect(read.ok).toBe(true);
        if (!read.ok) return;
        const r = computeActuals(read.book);
        expect(tiesOut(r)).toBe(true);
        // ARR is there exactly when someone holds it.
        expect(r.closing.map((c) => c.gt(0))).toEqual(r.customers.map((n) => n > 0));
      }), { numRuns: 150 });
  });
});
