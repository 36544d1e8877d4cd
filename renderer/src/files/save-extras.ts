// What a save adds to the workbook beyond the inputs: the scenarios and the
// Sensitivity sheet's two-way table in `extras` (so they read back), the scenario
// comparison and the board charts as images. The heavy part (every scenario's
// model, the charts as SVG) runs in the analysis worker (worker-clients.ts;
// ECharts loads there once, not at every save); the main thread only
// rasterises the SVGs on a canvas, one chart per task.
import { twoWaySpecFromExtras, twoWaySpecToJson, type ModelInputs, type ScenarioSet, type TwoWaySpec } from '../../../shared/index';
import { finishWorkbookExtras, scenariosFromExtras } from '../../../shared/report/index';
import type { ActualsSheet } from '../../../shared/workbook/index';
import { canvasRasterize } from '../charts/canvas-rasterize';
import { analysisClient } from '../workers/worker-clients';

/** Spread into writeWorkbook's argument next to inputs and appVersion. */
export type SaveExtras = Record<string, unknown>;
export interface SavedDocument { inputs: ModelInputs; scenarios: ScenarioSet; sensitivity: TwoWaySpec | null; actuals?: ActualsSheet | null }

/** `extras.sensitivity`: left out for the default table (writeWorkbook then writes the default). */
export const sensitivityExtras = (spec: TwoWaySpec | null): unknown => (spec ? twoWaySpecToJson(spec) : undefined);

const SAVE_EXTRAS_TIMEOUT_MS = 20_000;
/** Start the analysis worker ahead of the first save, so that save does not wait for ECharts to load. */
export const warmSaveWorker = (): void => analysisClient().warm();

export async function saveExtras({ inputs, scenarios, sensitivity }: SavedDocument): Promise<SaveExtras> {
  const parts = await analysisClient().call('saveExtras', { inputs, scenarios, sensitivity: sensitivityExtras(sensitivity) }, { timeoutMs: SAVE_EXTRAS_TIMEOUT_MS });
  return { ...(await finishWorkbookExtras(parts, canvasRasterize)) };
}

/** Scenarios (and notes about what could not be read) from an opened workbook's extras. */
export const openedScenarios = (extras: unknown) => scenariosFromExtras(extras);

/** The two-way table an opened workbook was saved with, fitted to its inputs (null: the default). */
export const openedSensitivity = (extras: unknown, inputs: ModelInputs) => twoWaySpecFromExtras(extras, inputs);
