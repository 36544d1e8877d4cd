// Years of new logos and funnel stages added and removed in the document store:
// each one undo step, the core accepts the result, marks follow their items.
import { describe, expect, it } from 'vitest';
import { defaultInputs, validateInputs } from '../../../shared/index';
import { createDocumentStore } from '../../../renderer/src/store/document-store';
import { DOCUMENT_LIMITS, shiftIndexedMarks } from '../../../shared/document/index';

describe('years of new logos', () => {
  it('adds a year at the last figure and removes the last year, each undoable', () => {
    const doc = createDocumentStore();
    doc.getState().addYear();
    expect(doc.getState().inputs.acquisition.newCustomersByYear).toEqual([100, 120, 140, 140]);
    expect(doc.getState().dirty).toBe(true);
    doc.getState().removeLastYear();
    doc.getState().removeLastYear();
    expect(doc.getState().inputs.acquisition.newCustomersByYear).toEqual([100, 120]);
    expect(validateInputs(doc.getState().inputs)).toEqual([]);
    doc.getState().undo();
    doc.getState().undo();
    doc.getState().undo();
    expect(doc.getState().inputs).toEqual(defaultInputs());
    expect(doc.getState().dirty).toBe(false);
  });

  it('keeps year 1 and stops at the tenth year', () => {
    const doc = createDocumentStore();
    for (let i = 0; i < 5; i++) doc.getState().removeLastYear();
    expect(doc.getState().inputs.acquisition.newCustomersByYear).toEqual([100]);
    for (let i = 0; i < 15; i++) doc.getState().addYear();
    expect(doc.getState().inputs.acquisition.newCustomersByYear).toHaveLength(DOCUMENT_LIMITS.years);
  });

  it('drops the rejected entry of the removed year', () => {
    const doc = createDocumentStore();
    doc.getState().enter('acquisition.newCustomersByYear[2]', 'lots');
    doc.getState().enter('acquisition.newCustomersByYear[0]', '-5');
    doc.getState().removeLastYear();
    expect(Object.keys(doc.getState().invalid)).toEqual(['acquisition.newCustomersByYear[0]']);
  });
});

describe('funnel stages', () => {
  it('adds a 100% stage (no figure moves), renames and removes stages, each undoable', () => {
    const doc = createDocumentStore();
    doc.getState().addFunnelStage();
    expect(doc.getState().inputs.acquisition.funnel.at(-1)).toEqual({ name: 'New stage 5', rate: 1 });
    doc.getState().enter('acquisition.funnel[4].name', 'Proposal');
    expect(doc.getState().inputs.acquisition.funnel[4]!.name).toBe('Proposal');
    doc.getState().removeFunnelStage(0);
    expect(doc.getState().inputs.acquisition.funnel.map((s) => s.name)).toEqual(['SAL', 'SQL', 'Opportunity', 'Proposal']);
    doc.getState().undo();
    expect(doc.getState().inputs.acquisition.funnel.map((s) => s.name)).toEqual(['MQL', 'SAL', 'SQL', 'Opportunity', 'Proposal']);
    doc.getState().undo();
    doc.getState().undo();
    expect(doc.getState().inputs).toEqual(defaultInputs());
  });

  it('may remove every stage: the core accepts an empty funnel', () => {
    const doc = createDocumentStore();
    for (let i = 0; i < 4; i++) doc.getState().removeFunnelStage(0);
    expect(doc.getState().inputs.acquisition.funnel).toEqual([]);
    expect(validateInputs(doc.getState().inputs)).toEqual([]);
  });

  it('moves the marks of later stages up with them', () => {
    const doc = createDocumentStore();
    doc.getState().enter('acquisition.funnel[1].rate', '150%');
    doc.getState().enter('acquisition.funnel[3].rate', 'x');
    doc.getState().removeFunnelStage(1);
    expect(Object.keys(doc.getState().invalid)).toEqual(['acquisition.funnel[2].rate']);
    expect(doc.getState().invalid['acquisition.funnel[2].rate']?.text).toBe('x');
  });

  it('shiftIndexedMarks leaves other keys alone', () => {
    const marks = { 'acquisition.funnel[0].name': 1, 'acquisition.funnel[2].rate': 2, 'journey.renewal.rate': 3, 'acquisition.funnelx[1]': 4 };
    expect(shiftIndexedMarks(marks, 'acquisition.funnel', 1)).toEqual({ 'acquisition.funnel[0].name': 1, 'acquisition.funnel[1].rate': 2, 'journey.renewal.rate': 3, 'acquisition.funnelx[1]': 4 });
  });
});
