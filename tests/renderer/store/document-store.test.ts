import { describe, expect, it } from 'vitest';
import { computeModel, defaultInputs, getInput } from '@shared/index';
import { createDocumentStore } from '../../../renderer/src/store/document-store';

describe('document store', () => {
  it('applies a valid entry and undoes/redoes it', () => {
    const doc = createDocumentStore();
    doc.getState().enter('journey.renewal.rate', '90');
    expect(doc.getState().inputs.journey.renewal.rate).toBe(0.9);
    expect(doc.getState().dirty).toBe(true);
    doc.getState().undo();
    expect(doc.getState().inputs.journey.renewal.rate).toBe(0.85);
    expect(doc.getState().dirty).toBe(false);
    doc.getState().redo();
    expect(doc.getState().inputs.journey.renewal.rate).toBe(0.9);
  });

  it('keeps a rejected entry with the core message and leaves the model on the last valid value', () => {
    const doc = createDocumentStore();
    const before = doc.getState().inputs;
    doc.getState().enter('journey.renewal.rate', '120%');
    expect(doc.getState().inputs).toBe(before);
    expect(doc.getState().invalid['journey.renewal.rate']).toEqual({ text: '120%', message: 'must be between 0% and 100%, got 120%' });
    doc.getState().enter('journey.renewal.rate', 'abc');
    expect(doc.getState().invalid['journey.renewal.rate']?.message).toMatch(/not a percentage/);
    doc.getState().enter('journey.renewal.rate', '80%');
    expect(doc.getState().invalid['journey.renewal.rate']).toBeUndefined();
    expect(doc.getState().inputs.journey.renewal.rate).toBe(0.8);
  });

  it('names the other input when a cross-field rule fails', () => {
    const doc = createDocumentStore();
    doc.getState().enter('journey.onboarding.month', '5');
    expect(doc.getState().invalid['journey.onboarding.month']?.message).toBe('must not be later than first value (month 3), got 5');
    expect(doc.getState().inputs.journey.onboarding.month).toBe(2);
  });

  it('makes a paste one undo step, valid cells applied and invalid ones marked', () => {
    const doc = createDocumentStore();
    doc.getState().enterMany([
      { key: 'lanes.modules.attachRate', text: '40%' },
      { key: 'lanes.integration.attachRate', text: 'oops' },
      { key: 'lanes.services.attachRate', text: '0.25' },
    ]);
    const s = doc.getState();
    expect(s.inputs.lanes.map((l) => l.attachRate)).toEqual([0.4, 0.2, 0.25]);
    expect(Object.keys(s.invalid)).toEqual(['lanes.integration.attachRate']);
    expect(s.past).toHaveLength(1);
    s.undo();
    expect(doc.getState().inputs.lanes.map((l) => l.attachRate)).toEqual([0.35, 0.2, 0.15]);
    expect(doc.getState().invalid).toEqual({});
  });

  it('adds, renames and removes lanes as undoable steps', () => {
    const doc = createDocumentStore();
    doc.getState().addLane();
    const lane = doc.getState().inputs.lanes[3]!;
    expect(lane.id).toBe('lane4');
    doc.getState().enter(`lanes.${lane.id}.name`, 'Premium support');
    expect(getInput(doc.getState().inputs, 'lanes.lane4.name')).toBe('Premium support');
    doc.getState().removeLane('modules');
    expect(doc.getState().inputs.lanes.map((l) => l.id)).toEqual(['integration', 'services', 'lane4']);
    doc.getState().undo();
    doc.getState().undo();
    doc.getState().undo();
    expect(doc.getState().inputs).toEqual(defaultInputs());
  });

  it('a new lane changes no figure until its attach rate is filled in (the core computes them)', () => {
    const doc = createDocumentStore();
    const before = computeModel(doc.getState().inputs).annual[2]!.closing;
    doc.getState().addLane();
    expect(computeModel(doc.getState().inputs).annual[2]!.closing).toBe(before);
    doc.getState().enter('lanes.lane4.attachRate', '10');
    expect(computeModel(doc.getState().inputs).annual[2]!.closing).toBeGreaterThan(before);
  });
});
