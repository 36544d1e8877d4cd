// What a save adds to the workbook beyond the inputs (issue 6: scenarios, board
// images, the comparison table, the Sensitivity sheet's two-way table). The board
// report work registers a richer provider from its own folder
// (setSaveExtrasProvider); by default the scenarios and the two-way table alone
// travel in `extras`, so they survive a save and reopen.
import { type ModelInputs, type ScenarioSet, scenariosToJson, type TwoWaySpec, twoWaySpecFromExtras, twoWaySpecToJson } from '../../../shared/index';
import { scenariosFromExtras } from '../../../shared/report/index';

/** Spread into writeWorkbook's argument next to inputs and appVersion. */
export type SaveExtras = Record<string, unknown>;
export interface SavedDocument { inputs: ModelInputs; scenarios: ScenarioSet; sensitivity: TwoWaySpec | null }
export type SaveExtrasProvider = (doc: SavedDocument) => Promise<SaveExtras>;

/** `extras.sensitivity`: left out for the default table (writeWorkbook then writes the default). */
export const sensitivityExtras = (spec: TwoWaySpec | null): unknown => (spec ? twoWaySpecToJson(spec) : undefined);

let provider: SaveExtrasProvider = async ({ scenarios, sensitivity }) => ({
  extras: { scenarios: scenariosToJson(scenarios), ...(sensitivity ? { sensitivity: sensitivityExtras(sensitivity) } : {}) },
});

export function setSaveExtrasProvider(p: SaveExtrasProvider): void {
  provider = p;
}

export const saveExtras = (doc: SavedDocument): Promise<SaveExtras> => provider(doc);

/** Scenarios (and notes about what could not be read) from an opened workbook's extras. */
export const openedScenarios = (extras: unknown) => scenariosFromExtras(extras);

/** The two-way table an opened workbook was saved with, fitted to its inputs (null: the default). */
export const openedSensitivity = (extras: unknown, inputs: ModelInputs) => twoWaySpecFromExtras(extras, inputs);
