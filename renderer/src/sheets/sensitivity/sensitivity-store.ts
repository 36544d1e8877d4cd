// The Sensitivity sheet's state: the two-way spec the user chose (axes, value
// lists, output) and the results as the analysis worker streams them in. The
// spec is view state, not part of the model; the model is the document's
// effective inputs (the active scenario over the base).
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { defaultTwoWay, figureChoices, getInput, inputSpecs, type DragResult, type InputSpec, type ModelInputs, type TornadoBar, type TwoWaySpec } from '../../../../shared/index';
import type { AnalysisMessage, AnalysisRequest } from '../board-report/analysis-protocol';

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
  error: string | null;
  ms: number | null;
}

export const sensitivityStore = createStore<SensitivityState>()(() => ({
  spec: null, inputs: null, cells: [], problems: [], filled: [], tornado: null, drag: null, pending: false, error: null, ms: null,
}));
export const useSensitivity = <T,>(selector: (s: SensitivityState) => T): T => useStore(sensitivityStore, selector);

/** Inputs that make sense on an axis: the numeric ones. */
export function axisSpecs(inputs: ModelInputs): InputSpec[] {
  return inputSpecs(inputs).filter((s) => s.kind === 'rate' || s.kind === 'money' || s.kind === 'count');
}

/** Is this spec still meaningful for these inputs (a lane may have been removed, the horizon shortened)? */
export function specFits(inputs: ModelInputs, spec: TwoWaySpec): boolean {
  const keys = new Set(axisSpecs(inputs).map((s) => s.key));
  const years = Math.floor(inputs.general.horizonMonths / 12);
  return keys.has(spec.rowKey) && keys.has(spec.colKey) && spec.rowKey !== spec.colKey && figureChoices(years).some((f) => f.key === spec.figure);
}

const tidy = (x: number) => Number.parseFloat(x.toPrecision(12));

/** Five values around an input's current value: ±10 points in 5-point steps for rates, ±20% for money and counts. */
export function defaultValues(inputs: ModelInputs, key: string): number[] {
  const spec = axisSpecs(inputs).find((s) => s.key === key);
  const v = getInput(inputs, key) as number;
  if (!spec) return [v];
  if (spec.kind === 'rate') {
    const max = spec.max ?? 1;
    const out = [-0.1, -0.05, 0, 0.05, 0.1].map((d) => tidy(v + d)).filter((x) => x >= 0 && x <= max);
    return [...new Set(out)];
  }
  return [...new Set([0.8, 0.9, 1, 1.1, 1.2].map((f) => tidy(v * f)))];
}

let worker: Worker | null = null;
let seq = 0;

function ensureWorker(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('../board-report/analysis-worker.ts', import.meta.url), { type: 'module', name: 'bowtie-sensitivity' });
  worker.onmessage = (e: MessageEvent<AnalysisMessage>) => {
    const m = e.data;
    if (m.seq !== seq) return; // superseded
    const s = sensitivityStore.getState();
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
      case 'sensitivityDone': sensitivityStore.setState({ pending: false, ms: m.ms }); break;
      case 'error': sensitivityStore.setState({ pending: false, error: m.error }); break;
      default: break;
    }
  };
  return worker;
}

/** Recompute for these inputs with this spec (or the spec kept so far, or the spec's default). */
export function runSensitivity(inputs: ModelInputs, next?: TwoWaySpec): void {
  const current = next ?? sensitivityStore.getState().spec;
  const spec = current && specFits(inputs, current) ? current : defaultTwoWay(inputs);
  const req: AnalysisRequest = { seq: ++seq, kind: 'sensitivity', inputs, spec };
  const keepTornado = sensitivityStore.getState().tornado?.figure === spec.figure;
  sensitivityStore.setState({
    spec, inputs, pending: true, error: null,
    // Keep the previous figures visible (dimmed) until their row is refreshed, when the shape is unchanged.
    ...(sameShape(sensitivityStore.getState().spec, spec) ? {} : { cells: [], problems: [] }),
    filled: spec.rowValues.map(() => false),
    ...(keepTornado ? {} : { tornado: null }),
  });
  ensureWorker().postMessage(req);
}

function sameShape(a: TwoWaySpec | null, b: TwoWaySpec): boolean {
  return !!a && a.figure === b.figure && a.rowKey === b.rowKey && a.colKey === b.colKey && a.rowValues.length === b.rowValues.length && a.colValues.length === b.colValues.length;
}

export function stopSensitivityWorker(): void {
  worker?.terminate();
  worker = null;
  sensitivityStore.setState({ pending: false });
}
