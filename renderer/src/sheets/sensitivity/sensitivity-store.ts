// The Sensitivity sheet's state: the two-way spec shown (axes, value lists,
// output) and the results as the analysis worker streams them in. The user's
// choice is kept in the document store (`sensitivity`), which saves it with the
// workbook; here is the spec in effect, which falls back to the default while
// the choice does not fit the model (a lane removed, undone later). The model is
// the document's effective inputs (the active scenario over the base).
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { defaultAxisValues, defaultTwoWay, specFits, type DragResult, type ModelInputs, type TornadoBar, type TwoWaySpec } from '@shared/index';
import { documentStore } from '../../store/document-store';
import type { LaneEvent, LatestLane } from '../../workers/core-client';
import type { AnalysisCalls } from '../../workers/core-calls';
import { analysisClient } from '../../workers/worker-clients';

export interface SensitivityState {
  spec: TwoWaySpec | null;
  /** the inputs the current results are for */
  inputs: ModelInputs | null;
  cells: (number | null)[][];
  problems: (string | null)[][];
  /** rows filled so far */
  filled: boolean[];
  tornado: { figure: string; base: number | null; bars: TornadoBar<number>[] } | null;
  drag: DragResult<number> | null;
  pending: boolean;
  /** every row, the tornado and the drag are in for `spec` and `inputs` (a save may reuse them) */
  done: boolean;
  error: string | null;
  ms: number | null;
}

export const sensitivityStore = createStore<SensitivityState>()(() => ({
  spec: null, inputs: null, cells: [], problems: [], filled: [], tornado: null, drag: null, pending: false, done: false, error: null, ms: null,
}));
export const useSensitivity = <T,>(selector: (s: SensitivityState) => T): T => useStore(sensitivityStore, selector);

export { axisSpecs, specFits } from '@shared/index';

/** Five values around an input's current value: ±10 points in 5-point steps for rates, ±20% for money and counts. */
export const defaultValues = defaultAxisValues;

let lane: LatestLane<AnalysisCalls, 'sensitivity'> | null = null;

function ensureLane(): LatestLane<AnalysisCalls, 'sensitivity'> {
  return (lane ??= analysisClient().latest('sensitivity', 'cancel'));
}

/** Only the newest request's rows and figures arrive here (the lane drops superseded ones). */
function publish(e: LaneEvent<AnalysisCalls['sensitivity'], AnalysisCalls['sensitivity']['args']>) {
  const s = sensitivityStore.getState();
  if (e.kind === 'error') { sensitivityStore.setState({ pending: false, error: e.error }); return; }
  if (e.kind === 'result') { if (e.result) sensitivityStore.setState({ pending: false, done: true, ms: e.result.ms }); return; }
  const m = e.progress;
  switch (m.kind) {
    case 'row': {
      const cells = [...s.cells]; cells[m.row] = m.cells;
      const problems = [...s.problems]; problems[m.row] = m.problems;
      const filled = [...s.filled]; filled[m.row] = true;
      sensitivityStore.setState({ cells, problems, filled });
      break;
    }
    case 'tornado': sensitivityStore.setState({ tornado: { figure: m.figure, base: m.base, bars: m.bars } }); break;
    case 'drag': sensitivityStore.setState({ drag: m.drag }); break;
  }
}

/** Recompute for these inputs with the document's two-way table (the default when it has none or it does not fit). */
export function runSensitivity(inputs: ModelInputs): void {
  const current = documentStore.getState().sensitivity;
  const spec = current && specFits(inputs, current) ? current : defaultTwoWay(inputs);
  const keepTornado = sensitivityStore.getState().tornado?.figure === spec.figure;
  sensitivityStore.setState({
    spec, inputs, pending: true, done: false, error: null,
    // Keep the previous figures visible (dimmed) until their row is refreshed, when the shape is unchanged.
    ...(sameShape(sensitivityStore.getState().spec, spec) ? {} : { cells: [], problems: [] }),
    filled: spec.rowValues.map(() => false),
    ...(keepTornado ? {} : { tornado: null }),
  });
  ensureLane().request({ inputs, spec }, publish);
}

function sameShape(a: TwoWaySpec | null, b: TwoWaySpec): boolean {
  return !!a && a.figure === b.figure && a.rowKey === b.rowKey && a.colKey === b.colKey && a.rowValues.length === b.rowValues.length && a.colValues.length === b.colValues.length;
}

/** The sheet closed: the table in flight is abandoned between rows (the worker stays, shared with the report and saves). */
export function stopSensitivity(): void {
  lane?.stop();
  sensitivityStore.setState({ pending: false });
}
