// Every call the renderer makes into the core off the main thread, by worker:
// its name, arguments, result and progress. core-client.ts carries them; the
// workers answer them with serveCalls.
import type { DragResult, InputProblem, ModelInputs, ModelResult, ScenarioSet, TornadoBar, TwoWaySpec } from '../../../shared/index';
import type { BoardReport, ChartSpec, Comparison, WorkbookExtrasParts } from '../../../shared/report/index';

/** model-worker.ts: the figures every sheet shows. */
export type ModelCalls = {
  compute: { args: ModelInputs; result: { result: ModelResult<number>; ms: number } };
};

/** What the Sensitivity table streams while it fills. */
export type SensitivityProgress =
  | { kind: 'row'; row: number; cells: (number | null)[]; problems: (string | null)[] }
  | { kind: 'tornado'; figure: string; base: number | null; bars: TornadoBar<number>[] }
  | { kind: 'drag'; drag: DragResult<number> };

export interface ReportResult {
  report: BoardReport | null;
  charts: ChartSpec[];
  comparison: Comparison;
  /** the active scenario's problems (its report is not computed) */
  problems: InputProblem[];
  ms: number;
}

/** analysis-worker.ts: the Sensitivity, Scenarios and Board Report sheets, and a save's extras. */
export type AnalysisCalls = {
  /** null when a newer request abandoned it */
  sensitivity: { args: { inputs: ModelInputs; spec: TwoWaySpec }; result: { ms: number } | null; progress: SensitivityProgress };
  report: { args: { base: ModelInputs; scenarios: ScenarioSet }; result: ReportResult };
  /** everything heavy of a save's extras; the main thread only turns the chart SVGs into PNGs */
  saveExtras: { args: { inputs: ModelInputs; scenarios: ScenarioSet; sensitivity?: unknown }; result: WorkbookExtrasParts };
};

export interface WorkbookProblem {
  where: string;
  path: string;
  message: string;
}

export type ReadOutcome =
  | { ok: true; inputs: ModelInputs; extras: unknown; notes: string[] }
  | { ok: false; kind: 'invalid'; problems: WorkbookProblem[] }
  | { ok: false; kind: 'unreadable'; error: string };

/** workbook-worker.ts: .xlsx bytes in and out (a fresh worker per call: the bytes may be hostile). */
export type WorkbookCalls = {
  read: { args: Uint8Array; result: ReadOutcome };
  /** `more`: extras, board images… as writeWorkbook takes them (see files/save-extras.ts) */
  write: { args: { inputs: ModelInputs; appVersion: string; more: Record<string, unknown> }; result: Uint8Array };
};
