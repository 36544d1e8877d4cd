// Issue 21 item 3: customers of any year are an output of the two-way table,
// and the scenario comparison has customers by year and, on an installed base,
// year-1 NRR and GRR (the headline figure of a company with customers).
import { describe, expect, it } from 'vitest';
import { computeExact, computeModel, createScenario, defaultInputs, emptyScenarios, figureChoices, setInput, twoWayTable } from '@shared/index';
import { compareScenarios } from '@shared/report/index';

describe('customers in the two-way table', () => {
  it('is a choice for every year, and each cell is the full model’s customers at that year end', () => {
    expect(figureChoices(3).map((f) => f.key)).toContain('customers.y3');
    const m = defaultInputs();
    const t = twoWayTable(m, { figure: 'customers.y3', rowKey: 'journey.renewal.rate', rowValues: [0.8, 0.9], colKey: 'acquisition.acv', colValues: [50000] });
    const want = (renewal: number) => computeExact(setInput(setInput(m, 'journey.renewal.rate', renewal), 'acquisition.acv', 50000)).annual[2]!.customersEnd.toString();
    expect(t.cells.map((row) => row[0]!.toString())).toEqual([want(0.8), want(0.9)]);
  });
});

describe('the scenario comparison', () => {
  it('has customers by year; year-1 NRR and GRR only with a book at the start', () => {
    const plain = compareScenarios(defaultInputs(), emptyScenarios());
    expect(plain.rows.map((r) => r.key)).toEqual(expect.arrayContaining(['customers.y1', 'customers.y2', 'customers.y3']));
    expect(plain.rows.some((r) => r.key === 'nrr.y1')).toBe(false);
    const m = { ...defaultInputs(), base: { cohorts: [{ name: 'Book', customers: 100, arr: 6_500_000, ageMonths: 12, adopterShare: null }] } };
    const made = createScenario(emptyScenarios(), 'Downside', { 'journey.renewal.rate': 0.8 });
    if (!made.ok) throw new Error(made.error);
    const set = made.set;
    const c = compareScenarios(m, set);
    const r = computeModel(m);
    expect(c.rows.find((x) => x.key === 'nrr.y1')!.values[0]).toBe(r.annual[0]!.nrr);
    expect(c.rows.find((x) => x.key === 'grr.y1')!.values[0]).toBe(r.annual[0]!.grr);
    expect(c.rows.find((x) => x.key === 'customers.y2')!.values[0]).toBe(r.annual[1]!.customersEnd);
  });
});
