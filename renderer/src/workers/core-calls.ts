// Every call the renderer makes into the core off the main thread, by worker:
// its name, arguments, result and progress. core-client.ts carries them; the
// workers answer them with serveCalls.
import type { DragResult, InputProblem, ModelInputs, ModelResult, ScenarioSet, SeekRequest, SeekResult, TornadoBar, TwoWaySpec } from '@shared/index';
import type { ActualsChartName, BoardReport, ChartSpec, Comparison, WorkbookPictureParts } from '@shared/report/index';
import type { DrawnChartSvg, KnownBase } from '@shared/report/draw';
import type { ActualsSheet, WorkbookDocument } from '@shared/workbook/index';
import type { ActualsProblem, BaseSeed, Calibration, DataQuality, LaneTarget, Suggestion, VarianceMeasure } from '@shared/actuals/index';

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
  /** the charts the page shows, drawn in the worker */
  charts: DrawnChartSvg[];
  comparison: Comparison;
  /** the active scenario's problems (its report is not computed) */
  problems: InputProblem[];
  ms: number;
}

/** analysis-worker.ts: the Sensitivity, Scenarios and Board Report sheets, and a save's pictures. */
export type AnalysisCalls = {
  /** null when a newer request abandoned it */
  sensitivity: { args: { inputs: ModelInputs; spec: TwoWaySpec }; result: { ms: number } | null; progress: SensitivityProgress };
  report: { args: { base: ModelInputs; scenarios: ScenarioSet }; result: ReportResult };
  /** the heavy part of a save's pictures (the main thread only turns the chart SVGs into PNGs); `known`: the screen's current figures */
  pictures: { args: { inputs: ModelInputs; scenarios: ScenarioSet; known: KnownBase }; result: WorkbookPictureParts };
  /** goal seek (spec §10) on the figures' inputs; the answer never changes them */
  goalSeek: { args: { inputs: ModelInputs; request: SeekRequest }; result: SeekResult };
};

/** chart-worker.ts: charts drawn to SVG (ECharts SSR) off the main thread. */
export type ChartCalls = {
  actuals: { args: { chart: ActualsChartName; sheet: ActualsSheet; currency: string; width: number; height: number }; result: string };
  /** any chart option (plain data, shared/report/*-chart.ts) drawn at a size: the Sensitivity tornado */
  svg: { args: { option: ChartSpec['option']; width: number; height: number }; result: string };
};

export interface WorkbookProblem {
  where: string;
  path: string;
  message: string;
}

export type ReadOutcome =
  | { ok: true; inputs: ModelInputs; extras: unknown; notes: string[]; actuals?: ActualsSheet }
  | { ok: false; kind: 'invalid'; problems: WorkbookProblem[] }
  | { ok: false; kind: 'unreadable'; error: string };

/** workbook-worker.ts: .xlsx bytes in and out (a fresh worker per call: the bytes may be hostile). */
export type WorkbookCalls = {
  read: { args: Uint8Array; result: ReadOutcome };
  /** the document as writeWorkbook takes it (built in files/document-bytes.ts) */
  write: { args: WorkbookDocument; result: Uint8Array };
};

/** What an actuals import reads: a dropped or picked file, or bytes the desktop host read, as a Blob. */
export interface ActualsSource { name: string; blob: Blob; kind: 'csv' | 'xlsx' }

/** Rows read so far, and how far through the file (bytes) the reader is. */
export interface ActualsProgress { rows: number; bytesRead: number; bytes: number }

/** What an import hands the page: the figures (numbers), never the rows; the book stays in the worker. */
export type ActualsImport =
  | {
    ok: true;
    /** what the workbook's Actuals sheet holds, as the document keeps it */
    sheet: ActualsSheet;
    quality: DataQuality;
    /** active customers of each cohort by months since start (for the heat map's tooltip) */
    cohortActive: number[][];
    seed: BaseSeed;
    calibration: Calibration;
    ms: number;
  }
  /** `lines`: each problem as `line N, column C: message` (problemLine) */
  | { ok: false; kind: 'invalid'; problems: ActualsProblem[]; lines: string[]; problemCount: number; rows: number }
  | { ok: false; kind: 'unreadable'; error: string };

/** One month of plan against actual, as numbers (planVsActual). */
export interface VarianceRow { month: string; figures: Record<VarianceMeasure, { plan: number; actual: number; difference: number }> }

/**
 * actuals-worker.ts: one worker per import, kept while its book is the one on
 * screen (calibration needs the raw rows, which never leave it).
 */
export type ActualsCalls = {
  import: { args: { source: ActualsSource; inputs: ModelInputs }; result: ActualsImport; progress: ActualsProgress };
  /** null when this worker holds no book (a reopened file: only the summary was saved) */
  calibrate: { args: ModelInputs; result: Calibration | null };
  /** the plan started from this worker's book (applySeed); null without a book */
  seed: { args: ModelInputs; result: ModelInputs | null };
  /** one suggestion applied (applySuggestion); a lane where `target` says */
  apply: { args: { inputs: ModelInputs; suggestion: Suggestion; target?: LaneTarget }; result: ModelInputs };
  /** the headline NRR before and after a suggestion (suggestionEffect) */
  effect: { args: { inputs: ModelInputs; suggestion: Suggestion; target?: LaneTarget }; result: { year: number; before: number | null; after: number | null } };
  /** plan (the core, exact) against the saved actual figures, the months both have */
  variance: { args: { inputs: ModelInputs; actuals: ActualsSheet }; result: VarianceRow[] };
};
