// The workbook file format's public shapes (issue #3). The app, the CLI and the
// board report code against these names.
import type { ModelInputs } from '../model/inputs';

export interface BoardImage {
  name: string;
  png: Uint8Array;
  widthPx: number;
  heightPx: number;
}

export type ComparisonFormat = 'money' | 'percent' | 'ratio' | 'months' | 'years' | 'text';

export interface ScenarioComparison {
  columns: string[];
  /** true for a column of differences to the base: shown signed, a percentage's difference in points */
  deltaColumns?: boolean[];
  rows: { label: string; values: (number | string | null)[]; format: ComparisonFormat }[];
}

export interface WorkbookDocument {
  inputs: ModelInputs;
  appVersion: string;
  /**
   * JSON saved in the hidden metadata sheet and returned on read: scenarios, settings,
   * `sensitivity` (the two-way table the Sensitivity sheet shows; see core/sensitivity-spec.ts).
   */
  extras?: Record<string, unknown>;
  /** Charts to embed on the Board Report sheet. */
  boardImages?: BoardImage[];
  scenarioComparison?: ScenarioComparison;
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
  | { ok: true; inputs: ModelInputs; extras: Record<string, unknown>; notes: string[] }
  | { ok: false; kind: 'invalid'; problems: WorkbookProblem[] }
  | { ok: false; kind: 'unreadable'; error: string };
