// Actuals in the document (issue 14): the imported figures are part of the
// document's dirty flag and of a save, not of undo; starting the plan from them
// and applying a suggestion are one undo step each; the figures cross the
// worker boundary as numbers and come back to the core's decimals unchanged.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applySeed, applySuggestion, calibrate, computeActuals, readActualsCsv, seedBase } from '@shared/actuals/index';
import { defaultInputs } from '@shared/index';
import { createDocumentStore } from '../../../renderer/src/store/document-store';
import { resultOf, sheetOf } from '../../../renderer/src/workers/actuals-figures';
import { billingCsv } from '../../e2e/pages/billing-csv';

const book = () => {
  const r = readActualsCsv(billingCsv({ customers: 80, firstMonth: '2024-01', months: 26, seed: 9 }));
  if (!r.ok) throw new Error('unreadable test book');
  return r;
};
const source = { fileName: 'billing.csv', rows: 1, sha256: 'ab'.repeat(32) };

describe('actuals in the document store', () => {
  it('an import makes the document dirty without an undo step; a save of them clears it', () => {
    const store = createDocumentStore();
    const sheet = sheetOf(computeActuals(book().book), source);
    store.getState().setActuals(sheet);
    expect(store.getState().dirty).toBe(true);
    expect(store.getState().past).toHaveLength(0);
    store.getState().markSaved('Plan.xlsx', '/p/Plan.xlsx', { inputs: store.getState().inputs, scenarios: store.getState().scenarios, actuals: sheet });
    expect(store.getState().dirty).toBe(false);
    store.getState().setActuals(null);
    expect(store.getState().dirty).toBe(true);
  });

  it('opening a file with actuals shows them, clean; New drops them', () => {
    const store = createDocumentStore();
    const sheet = sheetOf(computeActuals(book().book), source);
    store.getState().load(defaultInputs(), 'Plan.xlsx', '/p/Plan.xlsx', { actuals: sheet });
    expect(store.getState().actuals).toBe(sheet);
    expect(store.getState().dirty).toBe(false);
    store.getState().load(defaultInputs(), 'Untitled.xlsx', null);
    expect(store.getState().actuals).toBeNull();
  });

  it('starting the plan from the actuals and applying a suggestion are one undo step each', () => {
    const r = book();
    const store = createDocumentStore();
    const before = store.getState().inputs;
    const seed = seedBase(r.book);
    store.getState().dispatch({ type: 'applySuggestion', what: 'start the plan from actuals', inputs: applySeed(store.getState().inputs, seed) });
    expect(store.getState().inputs.base.cohorts).toHaveLength(seed.cohorts.length);
    expect(store.getState().inputs.general.startMonth).toBe('2026-03');
    const suggestion = calibrate(r.book, store.getState().inputs).suggestions.find((s) => s.path === 'journey.contractionRate')!;
    store.getState().dispatch({ type: 'applySuggestion', what: 'calibrate', inputs: applySuggestion(store.getState().inputs, suggestion) });
    expect(store.getState().inputs.journey.contractionRate).toBe(suggestion.value);
    store.getState().undo();
    expect(store.getState().inputs.journey.contractionRate).toBe(before.journey.contractionRate);
    expect(store.getState().inputs.base.cohorts).toHaveLength(seed.cohorts.length);
    store.getState().undo();
    expect(store.getState().inputs).toBe(before);
  });
});

describe('the figures across the worker boundary', () => {
  it('numbers back to decimals: every figure of a random book is the core’s exactly', () => {
    fc.assert(fc.property(
      fc.array(fc.record({ c: fc.integer({ min: 0, max: 6 }), t: fc.integer({ min: 0, max: 27 }), cents: fc.integer({ min: 0, max: 10_000_000 }) }), { minLength: 1, maxLength: 60 }),
      (rows) => {
        const text = `customer,month,mrr\n${rows.map((r) => `K${r.c},${2020 + Math.floor(r.t / 12)}-${String((r.t % 12) + 1).padStart(2, '0')},${(r.cents / 100).toFixed(2)}`).join('\n')}\n`;
        const read = readActualsCsv(text);
        if (!read.ok) throw new Error('unreadable');
        const exact = computeActuals(read.book);
        const back = resultOf(sheetOf(exact, source));
        for (const k of ['opening', 'new', 'reactivation', 'expansion', 'contraction', 'churn', 'closing'] as const) {
          expect(back[k].map(String)).toEqual(exact[k].map(String));
        }
        for (const k of ['nrr12', 'grr12', 'logoRetention12'] as const) {
          // ratios cross as the nearest double
          expect(back[k].map((x) => x?.toNumber() ?? null)).toEqual(exact[k].map((x) => x?.toNumber() ?? null));
        }
      },
    ), { numRuns: 60 });
  });
});
