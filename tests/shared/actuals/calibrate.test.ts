// Calibration and seeding from actuals (issue #14): suggestions recovered from a
// book simulated with known inputs, the plan started from it landing near the
// actual retention, and small books whose every count is worked out by hand.
import { describe, expect, it } from 'vitest';
import { applySeed, applySuggestion, calibrate, computeActuals, readActualsCsv, seedBase, suggestionEffect, type Book } from '@shared/actuals/index';
import { defaultInputs, summarize, validateInputs, type ModelInputs } from '@shared/index';
import { knownContraction, knownGrowth, SIMULATION, simulateCsv } from '../../support/actuals-simulated';

const book = (csv: string): Book => {
  const r = readActualsCsv(csv);
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.book;
};
const noLanes = (): ModelInputs => ({ ...defaultInputs(), lanes: [] });
const lines = (rows: string[]) => ['customer,month,arr', ...rows].join('\n') + '\n';
/** one row per month from `from` (0 = 2024-01) for `n` months, at `arr` (a function of the month offset) */
const run = (who: string, from: number, n: number, arr: (k: number) => number) =>
  Array.from({ length: n }, (_, k) => `${who},${2024 + Math.floor((from + k) / 12)}-${String(((from + k) % 12) + 1).padStart(2, '0')},${arr(k)}`);

describe('on a book simulated from known inputs (20,000 customers, annual terms, all adopters, no lanes)', () => {
  const b = book(simulateCsv());
  const inputs = noLanes();
  const cal = calibrate(b, inputs);

  it('recovers the renewal rate within 1.5 points and contraction within 1 point', () => {
    expect(Math.abs(cal.renewal!.rate - SIMULATION.renewal)).toBeLessThan(0.015);
    expect(Math.abs(cal.contraction!.rate - knownContraction(SIMULATION))).toBeLessThan(0.01);
    expect(Math.abs(cal.growth!.rate - knownGrowth(SIMULATION))).toBeLessThan(0.01);
    expect(cal.renewal!.due).toBeGreaterThan(10_000);
  });

  it('suggests the new logos of the last 12 months and their mean first-month ARR (§9.1)', () => {
    // Arrivals are spread evenly over months 1–47, at an MRR of 300 + 4,000 × U(0, 1): 12/47 of them in the last 12.
    const expected = (SIMULATION.customers * 12) / (SIMULATION.months - 1);
    expect(Math.abs(cal.newLogos!.customers / expected - 1)).toBeLessThan(0.05);
    expect(Math.abs(cal.newLogos!.acv / (12 * 2300) - 1)).toBeLessThan(0.03);
    expect(cal.newLogos).toMatchObject({ from: '2025-01', to: '2025-12' });
  });

  it('suggests no lane where nobody expanded between renewals, and one renewal rate for everyone', () => {
    expect(cal.betweenRenewals!.expandedTerms).toBe(0);
    expect(cal.suggestions.map((s) => s.path)).toEqual(['journey.renewal.rate', 'journey.renewal.nonAdopterRate', 'journey.contractionRate', 'journey.priceIncrease', 'journey.seatExpansion', 'acquisition.newCustomersByYear[0]', 'acquisition.acv']);
    const [adopters, others] = cal.suggestions;
    expect(adopters!.value).toBe(others!.value);
    expect(others!.because).toMatch(/cannot tell adopters apart/);
    expect(cal.limits.join(' ')).toMatch(/cannot tell adopters from customers who failed onboarding/);
  });

  it('lands the plan started from it within 2 points of the actual trailing-12 NRR and GRR at the last month', () => {
    const actual = computeActuals(b);
    const last = actual.months.length - 1;
    let plan = applySeed(inputs, seedBase(b));
    for (const s of cal.suggestions) plan = applySuggestion(plan, s);
    expect(validateInputs(plan)).toEqual([]);
    const y1 = summarize(plan);
    expect(Math.abs(y1.nrrByYear[0]! - actual.nrr12[last]!.toNumber())).toBeLessThan(0.02);
    expect(Math.abs(y1.grrByYear[0]! - actual.grr12[last]!.toNumber())).toBeLessThan(0.02);
  });

  it('seeds the base with every customer billing in the last month, their ARR, and month 0 after it', () => {
    const actual = computeActuals(b);
    const last = actual.months.length - 1;
    const seed = seedBase(b);
    expect(seed.startMonth).toBe('2026-01');
    expect(seed.customers).toBe(actual.customers[last]);
    expect(seed.arr).toBeCloseTo(actual.closing[last]!.toNumber(), 6);
    expect(summarize(applySeed(inputs, seed)).openingArr).toBeCloseTo(actual.closing[last]!.toNumber(), 4);
  });
});

describe('on small books, by hand', () => {
  // 2024-01 … 2026-06 (30 months). A: from 2024-03, renews twice (+10% then −20%).
  // B: from 2024-05, leaves at its first anniversary. C: from 2024-02, raises ARR in month 4 of its first term.
  // D: billing since the first month: anniversaries unknown, left out.
  const rows = [
    ...run('A', 2, 28, (k) => (k < 12 ? 1000 : k < 24 ? 1100 : 880)),
    ...run('B', 4, 12, () => 500),
    ...run('C', 1, 29, (k) => (k < 4 ? 100 : 150)),
    ...run('D', 0, 30, () => 70),
  ];
  const b = book(lines(rows));
  const cal = calibrate(b, noLanes());

  it('counts renewals due and made on anniversaries', () => {
    // due: A at 12 and 24, B at 12, C at 12 and 24 (2024-02 + 24 = 2026-02 ≤ 2026-06) → 5; renewed: A twice, C twice.
    expect(cal.renewal).toEqual({ rate: 4 / 5, renewed: 4, due: 5 });
    expect(cal.leftOut).toBe(1);
  });

  it('measures contraction and growth against ARR held before the renewal', () => {
    // Renewing ARR before: A 1000 + 1100, C 150 + 150 = 2400. Lost 220 (A's second), gained 100 (A's first).
    expect(cal.contraction!.lost).toBe(220);
    expect(cal.contraction!.renewingArr).toBe(2400);
    expect(cal.growth!.gained).toBe(100);
  });

  it('turns an increase between renewals into a lane-equivalent: attach rate and ACV from first terms', () => {
    // First terms fully in the file: A, B, C → C expanded by 50.
    expect(cal.betweenRenewals).toMatchObject({ expandedTerms: 1, firstTerms: 3, acv: 50 });
    const lane = cal.suggestions.find((s) => s.path === 'lanes.actualsExpansion')!;
    expect(lane.value).toMatchObject({ anchor: 'close', windowStart: 1, windowEnd: 11, attachRate: 1 / 3, acv: 50 });
    const applied = applySuggestion(noLanes(), lane);
    expect(validateInputs(applied)).toEqual([]);
    expect(applySuggestion(applied, lane).lanes).toHaveLength(1);
  });

  it('puts the lane where the user says: into a planned lane (which keeps its name, lever and margin) or beside them', () => {
    const lane = cal.suggestions.find((s) => s.path === 'lanes.actualsExpansion')!;
    const plan = defaultInputs();
    const into = applySuggestion(plan, lane); // by default the first planned lane: no silent fourth lane
    expect(into.lanes.map((l) => l.id)).toEqual(['modules', 'integration', 'services']);
    expect(into.lanes[0]).toMatchObject({ id: 'modules', name: plan.lanes[0]!.name, lever: 'upsell', grossMargin: 0.6, anchor: 'close', windowStart: 1, windowEnd: 11, attachRate: 1 / 3, acv: 50 });
    expect(applySuggestion(plan, lane, { replace: 'services' }).lanes[2]).toMatchObject({ id: 'services', acv: 50 });
    expect(applySuggestion(plan, lane, 'new').lanes.map((l) => l.id)).toEqual(['modules', 'integration', 'services', 'actualsExpansion']);
    // The effect on the headline NRR, before applying: year 2 here (no base); a new lane adds expansion, so NRR rises.
    const beside = suggestionEffect(plan, lane, 'new');
    expect(beside.year).toBe(2);
    expect(beside.after!).toBeGreaterThan(beside.before!);
    expect(summarize(applySuggestion(plan, lane, 'new')).nrrByYear[1]).toBe(beside.after);
  });

  it('keeps the plan price increase and puts the rest of the growth in seats', () => {
    const price = cal.suggestions.find((s) => s.path === 'journey.priceIncrease')!;
    const seats = cal.suggestions.find((s) => s.path === 'journey.seatExpansion')!;
    // Growth 100 / 2400 = 4.17%: the default 3% price increase stays, seats get the other 1.17%.
    expect(price.value).toBe(0.03);
    expect(seats.value).toBeCloseTo(100 / 2400 - 0.03, 12);
    const lowPrice = calibrate(b, { ...noLanes(), journey: { ...noLanes().journey, priceIncrease: 0.08 } });
    expect(lowPrice.suggestions.find((s) => s.path === 'journey.priceIncrease')!.value).toBeCloseTo(100 / 2400, 12);
    expect(lowPrice.suggestions.find((s) => s.path === 'journey.seatExpansion')!.value).toBe(0);
  });

  it('seeds cohorts by the start of each active customer\'s current run, ages at the month after the last', () => {
    const seed = seedBase(b);
    expect(seed.startMonth).toBe('2026-07');
    expect(seed.cohorts).toEqual([
      { name: 'Since 2024-01', customers: 1, arr: 70, ageMonths: 30 },
      { name: 'Since 2024-02', customers: 1, arr: 150, ageMonths: 29 },
      { name: 'Since 2024-03', customers: 1, arr: 880, ageMonths: 28 },
    ]);
    expect(seed.notes.join(' ')).toMatch(/1 customers have billed since the file's first month/);
  });

  it('dates a comeback customer from its return', () => {
    const s = seedBase(book(lines([...run('X', 0, 3, () => 10), ...run('X', 5, 4, () => 20)])));
    expect(s.cohorts).toEqual([{ name: 'Since 2024-06', customers: 1, arr: 20, ageMonths: 4 }]);
  });
});

describe('new logos and ACV (§9.1), counted by hand', () => {
  it('counts customers whose first month with ARR is among the last 12, never the first month\'s', () => {
    const b = book(lines([
      ...run('old', 0, 14, () => 1200), // billing since the first month: not new
      ...run('a', 2, 12, () => 2400), // first billed 2024-03: 13 months in, the window is 2024-03 … 2025-02
      ...run('b', 13, 1, () => 3600),
      ...run('c', 1, 3, () => 600), // 2024-02: before the window
      'z,2024-05,0', ...run('z', 5, 2, () => 1800), // a row of 0 first: its first month with ARR is 2024-06
    ]));
    const cal = calibrate(b, noLanes());
    expect(cal.newLogos).toEqual({ customers: 3, acv: (2400 + 3600 + 1800) / 3, from: '2024-03', to: '2025-02' });
    const applied = cal.suggestions.filter((s) => s.path.startsWith('acquisition.')).reduce<ModelInputs>((m, s) => applySuggestion(m, s), { ...noLanes(), acquisition: { ...noLanes().acquisition, acv: [1, 2] } });
    expect(applied.acquisition.newCustomersByYear).toEqual([3, 120, 140]);
    expect(applied.acquisition.acv).toEqual([2600, 2]);
  });
  it('needs 13 months: with fewer there is no suggestion and a limit says why', () => {
    const cal = calibrate(book(lines(run('a', 1, 11, () => 100))), noLanes());
    expect(cal.newLogos).toBeNull();
    expect(cal.limits.join(' ')).toMatch(/New logos and their ACV need 13 months of billing or more/);
  });
});
