// What a save can take from the screen instead of computing it again: the base
// model's figures, the scenario comparison and the Sensitivity table, each only
// when it was computed for exactly the document being saved (the same inputs
// and scenarios by identity: every edit makes new ones). Anything not current
// is left out, and the workers compute it as before.
import { defaultTwoWay, sameTwoWaySpec, specFits, type ModelInputs, type ScenarioSet, type TwoWaySpec } from '@shared/index';
import type { KnownBase } from '@shared/report/draw';
import type { KnownSensitivity } from '@shared/workbook/index';
import { sensitivityStore } from '../sheets/sensitivity/sensitivity-store';
import { modelStore } from '../store/model-store';
import { comparisonFor } from '../store/report-store';

export interface ScreenFigures {
  /** for the pictures (analysis worker) */
  base: KnownBase;
  /** for the Sensitivity sheet (workbook worker) */
  sensitivity: KnownSensitivity | null;
}

/** The table the Sensitivity sheet shows for these inputs: the document's choice when it fits, else the default. */
const tableFor = (inputs: ModelInputs, chosen: TwoWaySpec | null) => (chosen && specFits(inputs, chosen) ? chosen : defaultTwoWay(inputs));

export function screenFigures(doc: { inputs: ModelInputs; scenarios: ScenarioSet; sensitivity: TwoWaySpec | null }): ScreenFigures {
  const model = modelStore.getState();
  const comparison = comparisonFor(doc.inputs, doc.scenarios);
  const base: KnownBase = {
    // The figures show the active scenario when there is one: then they are not the base's.
    ...(model.result && model.error === null && model.inputs === doc.inputs ? { result: model.result } : {}),
    ...(comparison ? { comparison } : {}),
  };
  const s = sensitivityStore.getState();
  const spec = tableFor(doc.inputs, doc.sensitivity);
  const current = s.done && s.error === null && s.inputs === doc.inputs && s.spec !== null && sameTwoWaySpec(s.spec, spec) && s.tornado !== null && s.drag !== null;
  return {
    base,
    sensitivity: current ? { spec, cells: s.cells, problems: s.problems, tornado: s.tornado!, drag: s.drag! } : null,
  };
}
