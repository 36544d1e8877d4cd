// The document as workbook bytes, written once for Save and for the recovery
// copy. The scenarios and the chosen two-way table always go in (extras, cheap).
// The pictures (the Board Report's charts, the scenario comparison) are drawn
// in the analysis worker and rasterised here one chart per task; if that fails
// the workbook is written without them and the caller is told what was left
// out, to say so. Figures already on screen for this document are reused
// (screen-figures.ts) rather than computed again in two workers.
import type { ModelInputs, ScenarioSet, SimulationSettings, TwoWaySpec } from '@shared/index';
import type { RangeEntry } from '@shared/document/index';
import { finishPictures, workbookExtras, type WorkbookPictures } from '@shared/report/index';
import type { ActualsSheet, WorkbookDocument, WorkbookRanges } from '@shared/workbook/index';
import { importMappingsExtras, type ImportMapping } from '@shared/document/index';
import { canvasRasterize } from '../charts/canvas-rasterize';
import { platform } from '../platform/choose-platform';
import { CallFailed } from '../workers/core-client';
import { writeWorkbookBytes } from '../workers/workbook-client';
import { analysisClient } from '../workers/worker-clients';
import { screenFigures, type ScreenFigures } from './screen-figures';
import { savedRanges } from './saved-ranges';

export interface SavedDocument { inputs: ModelInputs; scenarios: ScenarioSet; sensitivity: TwoWaySpec | null; actuals: ActualsSheet | null; ranges?: readonly RangeEntry[]; simulation?: SimulationSettings; importMappings?: readonly ImportMapping[] }

/** What a written workbook lacks, in words for the user, and why. */
export interface LeftOut { parts: string; reason: string }

export type DocumentBytes = { ok: true; bytes: Uint8Array; leftOut: LeftOut | null } | { ok: false; error: string };

const PICTURES_TIMEOUT_MS = 20_000;
export const PICTURES = 'the Board Report’s charts and the scenario comparison';

/** Start the analysis worker ahead of the first save, so that save does not wait for ECharts to load. */
export const warmSaveWorker = (): void => analysisClient().warm();

const why = (e: unknown) => {
  const text = e instanceof CallFailed && e.reason === 'timeout' ? `drawing them took longer than ${PICTURES_TIMEOUT_MS / 1000} s` : e instanceof Error ? e.message : String(e);
  return text.length > 90 ? `${text.slice(0, 89)}…` : text;
};

async function pictures(doc: SavedDocument, known: ScreenFigures['base']): Promise<WorkbookPictures> {
  const parts = await analysisClient().call('pictures', { inputs: doc.inputs, scenarios: doc.scenarios, known }, { timeoutMs: PICTURES_TIMEOUT_MS });
  return finishPictures(parts, canvasRasterize);
}

export async function documentBytes(doc: SavedDocument, known: ScreenFigures = screenFigures(doc)): Promise<DocumentBytes> {
  const version = await platform().appVersion();
  let drawn: WorkbookPictures | null = null;
  let leftOut: LeftOut | null = null;
  try {
    drawn = await pictures(doc, known.base);
  } catch (e) {
    leftOut = { parts: PICTURES, reason: why(e) };
    console.error(`the workbook is written without ${PICTURES}:`, e);
  }
  // The Ranges sheet's figures: the run on screen when it is for the base case, else one made now.
  const ranges: WorkbookRanges | null = doc.ranges?.length && doc.simulation ? await savedRanges(doc.inputs, doc.ranges, doc.simulation) : null;
  const workbook: WorkbookDocument = {
    inputs: doc.inputs,
    appVersion: version.ok ? version.value : 'unknown',
    extras: { ...workbookExtras(doc.scenarios, doc.sensitivity), ...importMappingsExtras(doc.importMappings ?? []) },
    ...(drawn ?? {}),
    // Imported actuals become the workbook's Actuals sheet (values and the source's SHA-256).
    ...(doc.actuals ? { actuals: doc.actuals } : {}),
    ...(ranges ? { ranges } : {}),
    ...(known.sensitivity ? { known: { sensitivity: known.sensitivity } } : {}),
  };
  const written = await writeWorkbookBytes(workbook);
  return written.ok ? { ok: true, bytes: written.bytes, leftOut } : written;
}
