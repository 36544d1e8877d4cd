// The workbook file format's public shapes (issue #3). The app, the CLI and the
// board report code against these names.
import type { RangesReport, SimulationSettings, DragResult, ModelInputs, ScenariosJson, TornadoBar, TwoWaySpec, TwoWaySpecJson } from '../index';

export interface BoardImage {
  name: string;
  png: Uint8Array;
  widthPx: number;
  heightPx: number;
}

/** The figure formats of shared/report/format.ts: the sheet prints them with the same formatter's Excel formats. */
export type ComparisonFormat = 'money' | 'moneyExact' | 'accounting' | 'percent' | 'points' | 'ratio' | 'months' | 'years' | 'count' | 'text';

export interface ScenarioComparison {
  columns: string[];
  /** true for a column of differences from the base: shown signed, a percentage's difference in points */
  deltaColumns?: boolean[];
  rows: { label: string; values: (number | string | null)[]; format: ComparisonFormat }[];
}

/** The Actuals sheet (issue #14): the imported billing export's figures as values, and where they came from. */
export interface ActualsSheet {
  source: { fileName: string; rows: number; sha256: string };
  months: string[];
  opening: number[]; new: number[]; reactivation: number[]; expansion: number[]; contraction: number[]; churn: number[]; closing: number[];
  customers: number[];
  nrr12: (number | null)[]; grr12: (number | null)[]; logoRetention12: (number | null)[];
  cohorts: { start: string; customers: number; arr: number[] }[];
}

/** The JSON of the hidden metadata sheet, returned on read: what only Bowtie reads back. */
export type WorkbookExtras = {
  scenarios?: ScenariosJson;
  /** the two-way table the Sensitivity sheet shows (absent: the default; see core/sensitivity-spec.ts) */
  sensitivity?: TwoWaySpecJson;
  /** the mappings billing exports were imported by (import-mappings.ts) */
  importMappings?: unknown[];
};

/**
 * The Sensitivity sheet's figures as the app already has them on screen (numbers,
 * each the core's decimal's toNumber), for the inputs being saved. The writer uses
 * them when their table is the one it writes, instead of recomputing some fifty models.
 */
export interface KnownSensitivity {
  spec: TwoWaySpec;
  cells: (number | null)[][];
  problems: (string | null)[][];
  tornado: { figure: string; base: number | null; bars: TornadoBar<number>[] };
  drag: DragResult<number>;
}

/** One ranged input as the Ranges sheet holds it (the document's RangeEntry; no mode: uniform). */
export interface WorkbookRange { key: string; low: number; mode?: number; high: number }

export interface WorkbookRanges {
  ranges: readonly WorkbookRange[];
  simulation: SimulationSettings;
  /** the run for exactly these inputs, ranges and settings; null when it could not be made (the sheet says so) */
  outcome: { report: RangesReport; planArr: number | null } | null;
}

export interface WorkbookDocument {
  inputs: ModelInputs;
  appVersion: string;
  extras?: WorkbookExtras;
  /** figures already computed for these inputs (see KnownSensitivity) */
  known?: { sensitivity?: KnownSensitivity };
  /** Charts to embed on the Board Report sheet. */
  boardImages?: BoardImage[];
  scenarioComparison?: ScenarioComparison;
  /** Imported actuals, written to the Actuals sheet and read back on open. */
  actuals?: ActualsSheet;
  /** Ranges and the simulation settings (spec §11): the Ranges sheet, written when there are ranges. */
  ranges?: WorkbookRanges;
  /** When the file was saved (shown on the Sensitivity sheet); defaults to now. */
  savedAt?: Date;
}

export interface WorkbookProblem {
  /** 'Assumptions!C12', or a sheet name when no single cell is to blame */
  where: string;
  /** canonical key, e.g. journey.renewal.rate */
  path: string;
  message: string;
}

export type WorkbookRead =
  | { ok: true; inputs: ModelInputs; extras: Record<string, unknown>; notes: string[]; actuals?: ActualsSheet; ranges?: { ranges: WorkbookRange[]; simulation: SimulationSettings } }
  | { ok: false; kind: 'invalid'; problems: WorkbookProblem[] }
  | { ok: false; kind: 'unreadable'; error: string };
