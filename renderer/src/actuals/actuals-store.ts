// The Actuals sheet's session, outside the document: an import under way (rows
// read, Cancel), a refused file's problems, and what only the import worker
// could compute from the raw rows (data quality, the seed, the calibration).
// The document keeps the figures (document-store `actuals`, saved as the
// workbook's Actuals sheet); `live` belongs to them only while
// `live.sheet === documentStore.actuals`, so a reopened file has the figures
// but no live book, and the sheet asks for a re-import to calibrate.
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { ActualsProblem, BaseSeed, Calibration, Converted, DataQuality, ExportPreview, Mapping } from '@shared/actuals/index';
import type { ActualsSheet } from '@shared/workbook/index';
import type { ModelInputs } from '@shared/index';

export interface LiveActuals {
  /** the figures this session belongs to (the document's, by identity) */
  sheet: ActualsSheet;
  quality: DataQuality;
  cohortActive: number[][];
  seed: BaseSeed;
  calibration: Calibration;
  /** the inputs `calibration` was computed for (calibrationKey) */
  calibratedFor: string;
  /** a billing export in its own shape: the mapping it was read by, its reconciliation, its lines; null for §9's own table */
  billing: { mapping: Mapping; report: Converted['report']; lines: number; savedMapping: boolean } | null;
  /** the import's time in the worker */
  ms: number;
}

export type ImportState =
  | { phase: 'idle' }
  | { phase: 'reading'; name: string; rows: number; bytesRead: number; bytes: number }
  | { phase: 'refused'; name: string; problems: ActualsProblem[]; lines: string[]; problemCount: number; rows: number }
  | { phase: 'unreadable'; name: string; error: string }
  | { phase: 'cancelled'; name: string }
  /** the mapping step: a billing export in its own shape, previewed, waiting for Import; `busy` while a preview is computed */
  | { phase: 'mapping'; name: string; preview: ExportPreview; mapping: Mapping | null; busy: boolean; error: string | null };

export interface ActualsUiState {
  import: ImportState;
  live: LiveActuals | null;
  /** the base the last "Start the plan from these actuals" wrote (shown under the button) */
  seeded: BaseSeed | null;
}

/** What of the plan a calibration depends on: the contract length, the price increase and the subscription margin. */
export const calibrationKey = (inputs: ModelInputs) =>
  JSON.stringify([inputs.acquisition.contractMonths, inputs.journey.priceIncrease, inputs.general.subscriptionGrossMargin]);

export const actualsStore = createStore<ActualsUiState>()(() => ({ import: { phase: 'idle' }, live: null, seeded: null }));

export const useActuals = <T,>(selector: (s: ActualsUiState) => T): T => useStore(actualsStore, selector);
