// Ranges in the app's document (issue 21): a typed range and a change of the
// simulation settings are undo steps that make the document dirty; a save marks
// them saved; opening a file replaces them.
import { describe, expect, it } from 'vitest';
import { defaultInputs } from '@shared/index';
import { createDocumentStore, undoLabel } from '../../../renderer/src/store/document-store';

describe('ranges in the document store', () => {
  it('a typed range is one named undo step, dirty until undone', () => {
    const doc = createDocumentStore();
    doc.getState().enter('journey.renewal.rate', '80%..85%..90%');
    expect(doc.getState().ranges).toEqual([{ key: 'journey.renewal.rate', low: 0.8, mode: 0.85, high: 0.9 }]);
    expect(doc.getState().dirty).toBe(true);
    expect(undoLabel(doc.getState())).toBe('renewal rate of adopters range 80%..85%..90%');
    doc.getState().undo();
    expect(doc.getState().ranges).toEqual([]);
    expect(doc.getState().dirty).toBe(false);
    doc.getState().redo();
    expect(doc.getState().ranges).toHaveLength(1);
  });

  it('samples and seed are undoable inputs; a save marks them saved; Open replaces them', () => {
    const doc = createDocumentStore();
    const s = doc.getState();
    s.dispatch({ type: 'setSimulation', simulation: { ...s.simulation, samples: 5000 } });
    expect(undoLabel(doc.getState())).toBe('samples 1000 → 5000');
    expect(doc.getState().dirty).toBe(true);
    const { inputs, scenarios, ranges, simulation } = doc.getState();
    doc.getState().markSaved('a.xlsx', 'a.xlsx', { inputs, scenarios, ranges, simulation });
    expect(doc.getState().dirty).toBe(false);
    doc.getState().load(defaultInputs(), 'b.xlsx', 'b.xlsx', { ranges: [{ key: 'acquisition.acv', low: 1, high: 2 }], simulation: { samples: 200, seed: 3, targets: [] } });
    expect(doc.getState().ranges).toEqual([{ key: 'acquisition.acv', low: 1, high: 2 }]);
    expect(doc.getState().simulation.seed).toBe(3);
    expect(doc.getState().dirty).toBe(false);
    expect(doc.getState().past).toEqual([]);
  });
});
