// What a save adds to the workbook beyond the inputs (issue 6: scenarios, board
// images, the comparison table). The board report work registers a richer
// provider from its own folder (setSaveExtrasProvider); by default the scenarios
// alone travel in `extras`, so they survive a save and reopen.
import type { ModelInputs } from '../../../shared/index';
import { scenariosFromExtras } from '../../../shared/report/workbook-extras';
import { scenariosToJson, type ScenarioSet } from '../../../shared/model/scenarios';

/** Spread into writeWorkbook's argument next to inputs and appVersion. */
export type SaveExtras = Record<string, unknown>;
export type SaveExtrasProvider = (doc: { inputs: ModelInputs; scenarios: ScenarioSet }) => Promise<SaveExtras>;

let provider: SaveExtrasProvider = async ({ scenarios }) => ({ extras: { scenarios: scenariosToJson(scenarios) } });

export function setSaveExtrasProvider(p: SaveExtrasProvider): void {
  provider = p;
}

export const saveExtras = (doc: { inputs: ModelInputs; scenarios: ScenarioSet }): Promise<SaveExtras> => provider(doc);

/** Scenarios (and notes about what could not be read) from an opened workbook's extras. */
export const openedScenarios = (extras: unknown) => scenariosFromExtras(extras);
