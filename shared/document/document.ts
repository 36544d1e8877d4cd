// The document a user edits and saves: the model's inputs, its scenarios, what is
// typed but not yet valid, and the parts saved beside them. Every change to the
// undoable part (`Snapshot`) is an action applied by `reduce` (reduce.ts).
import type { SimulationSettings } from '../core/ranges';
import type { TwoWaySpec } from '../core/sensitivity';
import type { ModelInputs } from '../model/inputs';
import type { ScenarioSet } from '../model/scenarios';
import type { ActualsSheet } from '../workbook/types';
import type { Mapping } from '../actuals/shapes/mapping';
import type { EntrySource } from './entry';

export interface PendingEntry {
  /** what the user typed */
  text: string;
  message: string;
  /** how it arrived: a pasted number reads differently from a typed one */
  source?: EntrySource;
}

/** The undoable part of the document. Segments (spec §2.3) are part of the inputs: `inputs.segments`. */
export interface Snapshot {
  inputs: ModelInputs;
  /** invalid entries by canonical key */
  invalid: Readonly<Record<string, PendingEntry>>;
  /** named scenarios over the base inputs (issue 6), saved and undone with the document */
  scenarios: ScenarioSet;
  /**
   * low / most likely / high on numeric inputs (spec §11), by the key ranges use
   * (lanes by id, `key[i]` for one year of a ramp). A typed range is an edit, so
   * it is undone like one; the base case never reads them.
   */
  ranges: readonly RangeEntry[];
  /** samples, seed and the targets whose odds the Ranges view shows */
  simulation: SimulationSettings;
}

/** One ranged input of a Monte Carlo run (spec §11); no mode: uniform. */
export interface RangeEntry { key: string; low: number; mode?: number; high: number }
/** How a billing export's headers map to the fields of its shape, with the conversion's options (spec §9.1): kept so next month's file imports the same way. */
export type ImportMapping = Mapping;
/** A file imported into the document (accounts, the expansion pipeline: spec §12), by name. */
export interface ImportedFile { name: string; rows: number }

/**
 * The whole document. Saved with it but not undone: how the model is viewed
 * (the two-way table) and what was imported (a re-import replaces it). The
 * parts of features the spec names but the app does not have yet are declared
 * here, always empty today, so each lands in a known place.
 */
export interface BowtieDocument extends Snapshot {
  sensitivity: TwoWaySpec | null;
  actuals: ActualsSheet | null;
  /** spec §9.1: the mappings billing exports were imported by, the latest first (saved in the workbook's extras) */
  importMappings: readonly ImportMapping[];
  /** not yet: spec §12 */
  accounts: ImportedFile | null;
  pipeline: ImportedFile | null;
}
