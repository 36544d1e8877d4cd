// A save reuses what the screen shows only when it was computed for the very
// document being saved (issue 18.4): the base figures, not a scenario's; the
// Sensitivity table once complete and for the table the document saves.
import { describe, expect, it } from 'vitest';
import { biggestDrag, computeModel, defaultInputs, defaultTwoWay, emptyScenarios, setInput, toNumbers } from '@shared/index';
import { screenFigures } from '../../../renderer/src/files/screen-figures';
import { modelStore } from '../../../renderer/src/store/model-store';
import { sensitivityStore } from '../../../renderer/src/sheets/sensitivity/sensitivity-store';

const inputs = defaultInputs();
const doc = { inputs, scenarios: emptyScenarios(), sensitivity: null };
const spec = defaultTwoWay(inputs);

function tableShown(over: Partial<ReturnType<typeof sensitivityStore.getState>> = {}) {
  sensitivityStore.setState({
    spec, inputs, cells: spec.rowValues.map(() => spec.colValues.map(() => 1)), problems: spec.rowValues.map(() => spec.colValues.map(() => null)),
    filled: spec.rowValues.map(() => true), tornado: { figure: spec.figure, base: 1, bars: [] }, drag: toNumbers(biggestDrag(inputs)),
    pending: false, done: true, error: null, ms: 1, ...over,
  });
}

describe('the figures a save takes from the screen', () => {
  it('the base result when the figures on screen are for these inputs', () => {
    const result = computeModel(inputs);
    modelStore.setState({ result, inputs, error: null });
    expect(screenFigures(doc).base.result).toBe(result);
  });

  it('not when they are for other inputs (an active scenario, or an edit not yet computed)', () => {
    modelStore.setState({ result: computeModel(inputs), inputs: setInput(inputs, 'journey.renewal.rate', 0.9), error: null });
    expect(screenFigures(doc).base.result).toBeUndefined();
  });

  it('the Sensitivity table once complete for these inputs and the table the document saves', () => {
    tableShown();
    expect(screenFigures(doc).sensitivity?.cells).toEqual(sensitivityStore.getState().cells);
  });

  it('not while it fills, for other inputs, or for another table', () => {
    tableShown({ done: false, pending: true });
    expect(screenFigures(doc).sensitivity).toBeNull();
    tableShown({ inputs: setInput(inputs, 'journey.renewal.rate', 0.9) });
    expect(screenFigures(doc).sensitivity).toBeNull();
    tableShown();
    expect(screenFigures({ ...doc, sensitivity: { ...spec, colValues: [0.15, 0.25] } }).sensitivity).toBeNull();
  });
});
