// Every call the renderer makes into the core off the main thread, by worker:
// its name, arguments, result and progress. core-client.ts carries them; the
// workers answer them with serveCalls.
import type { Driver, DragResult, InputProblem, InputRange, ModelInputs, ModelResult, RangesReport, ScenarioSet, SeekRequest, SeekResult, SimulationSettings, TornadoBar, TwoWaySpec } from '@shared/index';
import type { ActualsChartName, BoardReport, ChartSpec, Comparison, SheetChartRequest, VarianceTotalsNumbers, WorkbookPictureParts } from '@shared/report/index';
import type { DrawnChartSvg, KnownBase } from '@shared/report/draw';
import type { ActualsSheet, WorkbookDocument } from '@shared/workbook/index';
import type { RangeEntry } from '@shared/document/index';
import type { AccountColumns, PipelineJson, StageMap } from '@shared/accounts/index';
import type { TablePeek } from '@shared/actuals/index';
import type { ActualsProblem, BaseSeed, Calibration, Converted, CustomerDrill, DataQuality, ExportPreview, LaneTarget, Mapping, Preset, Suggestion, VarianceMeasure } from '@shared/actuals/index';

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

/** A ranges run's answer: the report, each table row's and the histogram's samples, and the plan's ARR (the base case, exact). */
export interface RangesOutcome {
  report: RangesReport;
  /** the samples' values by output key, where the output exists */
  samples: Record<string, Float64Array>;
  /** the base case's ARR at the end of the last complete year, the plan target's value */
  planArr: number | null;
  ms: number;
}
/** An accounts or pipeline file (CSV or .xlsx) as the page read it. */
export interface TableSource { name: string; bytes: Uint8Array }
export type PeekReply = { ok: true; peek: TablePeek } | { ok: false; error: string };
type Refused = { ok: false; kind: 'invalid'; lines: string[]; problemCount: number } | { ok: false; kind: 'unreadable'; error: string };
export type AccountsImport = { ok: true; columns: AccountColumns; notes: string[]; rows: number; sha256: string | null; ms: number } | Refused;
export type PipelineImport = { ok: true; figures: PipelineJson; rows: number; sha256: string | null; ms: number } | Refused;
/** `header`: the file's header with each mapped column renamed to its field; `columnNames`: field → the file's own header (for problems) */
interface MappedTable { source: TableSource; header: string[]; columnNames: Record<string, string>; inputs: ModelInputs }

/** analysis-worker.ts: the Sensitivity, Scenarios and Board Report sheets, and a save's pictures. */
export type AnalysisCalls = {
  /** null when a newer request abandoned it */
  sensitivity: { args: { inputs: ModelInputs; spec: TwoWaySpec }; result: { ms: number } | null; progress: SensitivityProgress };
  report: { args: { base: ModelInputs; scenarios: ScenarioSet }; result: ReportResult };
  /** the heavy part of a save's pictures (the main thread only turns the chart SVGs into PNGs); `known`: the screen's current figures */
  pictures: { args: { inputs: ModelInputs; scenarios: ScenarioSet; known: KnownBase }; result: WorkbookPictureParts };
  /** goal seek (spec §10) on the figures' inputs; the answer never changes them */
  goalSeek: { args: { inputs: ModelInputs; request: SeekRequest }; result: SeekResult };
  /** ranges (spec §11), in steps of about 25 ms with progress between them; null when cancelled; `outputs` are the keys whose samples come back */
  ranges: { args: { inputs: ModelInputs; ranges: readonly InputRange[]; simulation: SimulationSettings; outputs: readonly string[] }; result: RangesOutcome | null; progress: { done: number; total: number } };
  /** each ranged input's P10-to-P90 swing of one output, the others at their most likely */
  rangeDrivers: { args: { inputs: ModelInputs; ranges: readonly InputRange[]; output: string }; result: Driver[] };
  /** the mapping step's view of an accounts or pipeline file (spec §12) */
  peekTable: { args: TableSource; result: PeekReply };
  importAccounts: { args: MappedTable; result: AccountsImport };
  importPipeline: { args: MappedTable & { stages: StageMap; periodMonths: number }; result: PipelineImport };
};

/** chart-worker.ts: charts drawn to SVG (ECharts SSR) off the main thread. */
export type ChartCalls = {
  actuals: { args: { chart: ActualsChartName; sheet: ActualsSheet; currency: string; width: number; height: number }; result: string };
  /** plan against actual ARR by month (issue 20) */
  planActual: { args: { rows: VarianceRow[]; currency: string; width: number; height: number }; result: string };
  /** any chart option (plain data, shared/report/*-chart.ts) drawn at a size: the Sensitivity tornado */
  svg: { args: { option: ChartSpec['option']; width: number; height: number }; result: string };
  /** a Ranges, Accounts or Pipeline chart by name and data, its option (formatters and all) built in the worker */
  sheetChart: { args: { request: SheetChartRequest; width: number; height: number }; result: string };
};

export interface WorkbookProblem {
  where: string;
  path: string;
  message: string;
}

export type ReadOutcome =
  | { ok: true; inputs: ModelInputs; extras: unknown; notes: string[]; actuals?: ActualsSheet; ranges?: { ranges: RangeEntry[]; simulation: SimulationSettings } }
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
    /** a billing export in its own shape (spec §9.1): the mapping it was read by and its reconciliation; null for §9's own table */
    billing: { mapping: Mapping; report: Converted['report']; lines: number } | null;
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
/** What a chosen file is: §9's own table (imported as it is), or a billing export in its own shape with its preview (the mapping step). */
export type ActualsInspection =
  | { kind: 'own' }
  | { kind: 'shape'; preview: ExportPreview; saved: Mapping | null }
  | { kind: 'unreadable'; error: string };

export type ActualsCalls = {
  /** the file's shape; a billing export is read whole and kept here for the preview and the import. `saved`: the workbook's mappings, the first that fits is returned */
  inspect: { args: { source: ActualsSource; saved: readonly Mapping[] }; result: ActualsInspection; progress: ActualsProgress };
  /** the inspected file's preview under another mapping or preset */
  preview: { args: { mapping: Mapping | null; preset: Preset | null }; result: ExportPreview };
  /** `mapping`: read the inspected file in its own shape by it */
  import: { args: { source: ActualsSource; inputs: ModelInputs; mapping?: Mapping }; result: ActualsImport; progress: ActualsProgress };
  /** one customer's lines and monthly MRR, and why each month is what it is; null without a book or such a customer */
  customer: { args: string; result: CustomerDrill | null };
  /** customers whose id contains the text (any case), the first 20 */
  findCustomers: { args: string; result: string[] };
  /** null when this worker holds no book (a reopened file: only the summary was saved) */
  calibrate: { args: ModelInputs; result: Calibration | null };
  /** the plan started from this worker's book (applySeed); null without a book */
  seed: { args: ModelInputs; result: ModelInputs | null };
  /** one suggestion applied (applySuggestion); a lane where `target` says */
  apply: { args: { inputs: ModelInputs; suggestion: Suggestion; target?: LaneTarget }; result: ModelInputs };
  /** the headline NRR before and after a suggestion (suggestionEffect) */
  effect: { args: { inputs: ModelInputs; suggestion: Suggestion; target?: LaneTarget }; result: { year: number; before: number | null; after: number | null } };
  /** plan (the core, exact) against the saved actual figures, the months both have, with the year-to-date and full-year totals (null: no month in common) */
  variance: { args: { inputs: ModelInputs; actuals: ActualsSheet }; result: { rows: VarianceRow[]; totals: VarianceTotalsNumbers | null; plan: { first: string; last: string } } };
};
