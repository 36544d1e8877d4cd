// Messages to the analysis worker, which computes what the Sensitivity, Scenarios
// and Board Report sheets show, off the main thread (issue 6).
import type { DragResult, InputProblem, ModelInputs, ScenarioSet, TornadoBar, TwoWaySpec } from '../../../shared/index';
import type { BoardReport, ChartSpec, Comparison } from '../../../shared/report/index';

export type AnalysisRequest =
  | { seq: number; kind: 'sensitivity'; inputs: ModelInputs; spec: TwoWaySpec }
  | { seq: number; kind: 'report'; base: ModelInputs; scenarios: ScenarioSet };

export type AnalysisMessage =
  | { seq: number; kind: 'row'; row: number; cells: (number | null)[]; problems: (string | null)[] }
  | { seq: number; kind: 'tornado'; figure: string; base: number | null; bars: TornadoBar<number>[] }
  | { seq: number; kind: 'drag'; drag: DragResult<number> }
  | { seq: number; kind: 'sensitivityDone'; ms: number }
  | { seq: number; kind: 'report'; report: BoardReport | null; charts: ChartSpec[]; comparison: Comparison; problems: InputProblem[]; ms: number }
  | { seq: number; kind: 'error'; error: string };
