// Years of new logos and funnel stages added and removed in the document store:
// each one undo step, the core accepts the result, marks follow their items.
import { describe, expect, it } from 'vitest';
import { defaultInputs, validateInputs } from '@shared/index';
import { createDocumentStore, redoLabel, undoLabel } from '../../../renderer/src/store/document-store';
import { DOCUMENT_LIMITS, shiftIndexedMarks } from '@shared/document/index';

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

describe('funnel stages stop at the model limit (issue 18)', () => {
  it('25 additions leave 20 stages, every model the store makes is one the core accepts, and the extra clicks are no undo step', () => {
    const doc = createDocumentStore();
    for (let i = 0; i < 25; i++) doc.getState().addFunnelStage();
    expect(doc.getState().inputs.acquisition.funnel).toHaveLength(DOCUMENT_LIMITS.funnelStages);
    expect(validateInputs(doc.getState().inputs)).toEqual([]);
    expect(doc.getState().past).toHaveLength(DOCUMENT_LIMITS.funnelStages - defaultInputs().acquisition.funnel.length);
    doc.getState().addFunnelStage(5);
    expect(doc.getState().inputs.acquisition.funnel).toHaveLength(DOCUMENT_LIMITS.funnelStages);
    doc.getState().undo();
    expect(doc.getState().inputs.acquisition.funnel).toHaveLength(DOCUMENT_LIMITS.funnelStages - 1);
  });

  it('a paste that grows the funnel past the limit adds only up to it', () => {
    const doc = createDocumentStore();
    doc.getState().addFunnelStage(40);
    expect(doc.getState().inputs.acquisition.funnel).toHaveLength(DOCUMENT_LIMITS.funnelStages);
  });
});

describe('the history names each step and keeps patches', () => {
  it('undo and redo labels follow the history; undo back to the saved inputs is clean again', () => {
    const doc = createDocumentStore();
    doc.getState().enter('journey.renewal.rate', '80');
    doc.getState().addLane();
    expect(doc.getState().past.map((s) => s.label)).toEqual(['renewal rate of adopters 85% → 80%', 'add a lane']);
    expect(undoLabel(doc.getState())).toBe('add a lane');
    expect(redoLabel(doc.getState())).toBeNull();
    doc.getState().undo();
    expect(redoLabel(doc.getState())).toBe('add a lane');
    doc.getState().undo();
    expect(undoLabel(doc.getState())).toBeNull();
    expect(doc.getState().dirty).toBe(false);
    expect(doc.getState().inputs).toBe(doc.getState().savedInputs);
    doc.getState().redo();
    expect(doc.getState().inputs.journey.renewal.rate).toBe(0.8);
    expect(doc.getState().dirty).toBe(true);
  });

  it('a step holds only what it changed', () => {
    const doc = createDocumentStore();
    doc.getState().enter('lanes.modules.acv', '50k');
    expect(doc.getState().past[0]!.changes).toEqual([{ path: ['inputs', 'lanes', 0, 'acv'], before: { value: 42000 }, after: { value: 50000 } }]);
  });
});
