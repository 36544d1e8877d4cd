// The Sensitivity sheet's two-way table belongs to the document: a change marks
// it unsaved (as Excel does when a what-if table's inputs change), a save or
// choosing the default again clears that, undo leaves it alone, load replaces it.
import { describe, expect, it } from 'vitest';
import { defaultInputs, defaultTwoWay, type TwoWaySpec } from '@shared/index';
import { createDocumentStore } from '../../../renderer/src/store/document-store';

const ltvToCac = (): TwoWaySpec => ({ ...defaultTwoWay(defaultInputs()), figure: 'ltvToCac' });

describe('the two-way table in the document', () => {
  it('a changed table makes the document dirty; saving it, or going back to the default, clears that', () => {
    const doc = createDocumentStore();
    doc.getState().setSensitivity(ltvToCac());
    expect(doc.getState().sensitivity).toEqual(ltvToCac());
    expect(doc.getState().dirty).toBe(true);
    doc.getState().setSensitivity(defaultTwoWay(defaultInputs()));
    expect(doc.getState().sensitivity).toBeNull();
    expect(doc.getState().dirty).toBe(false);

    doc.getState().setSensitivity(ltvToCac());
    const { inputs, scenarios, sensitivity } = doc.getState();
    doc.getState().markSaved('a.xlsx', 'a.xlsx', { inputs, scenarios, sensitivity });
    expect(doc.getState().dirty).toBe(false);
    doc.getState().setSensitivity({ ...ltvToCac(), rowValues: [0.8, 0.9] });
    expect(doc.getState().dirty).toBe(true);
    doc.getState().setSensitivity(ltvToCac());
    expect(doc.getState().dirty).toBe(false);
  });

  it('is not an undo step: undo takes back the edit before it and leaves the table', () => {
    const doc = createDocumentStore();
    doc.getState().enter('journey.renewal.rate', '90');
    doc.getState().setSensitivity(ltvToCac());
    doc.getState().undo();
    expect(doc.getState().inputs.journey.renewal.rate).toBe(0.85);
    expect(doc.getState().sensitivity).toEqual(ltvToCac());
    // Still unsaved: the table differs from the file's.
    expect(doc.getState().dirty).toBe(true);
  });

  it('open brings the saved table, unchanged; New brings the default', () => {
    const doc = createDocumentStore();
    doc.getState().load(defaultInputs(), 'w.xlsx', 'w.xlsx', { sensitivity: ltvToCac() });
    expect(doc.getState().sensitivity).toEqual(ltvToCac());
    expect(doc.getState().dirty).toBe(false);
    doc.getState().load(defaultInputs(), 'Untitled.xlsx', null);
    expect(doc.getState().sensitivity).toBeNull();
    expect(doc.getState().dirty).toBe(false);
  });
});
