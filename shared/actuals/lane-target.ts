// Where a lane suggestion from the actuals goes (issue 20). Plain values with no
// reader behind them: the page imports this module alone (the Calibrate panel's
// default choice), so the CSV and workbook readers (papaparse, ExcelJS) stay in
// the actuals worker and out of every chunk the page loads.
import type { ModelInputs } from '../model/inputs';

/** The id of the between-renewals lane the calibration suggests. */
export const ACTUALS_LANE_ID = 'actualsExpansion';

/**
 * Where the between-renewals lane goes: into a planned lane, whose timing and
 * economics it takes while the lane keeps its id, name, lever and margin; or
 * beside them as a new lane (which adds its expansion to theirs).
 */
export type LaneTarget = { replace: string } | 'new';

/** The target a lane suggestion takes unless the user picks another: the first planned lane, else a new one. */
export const defaultLaneTarget = (inputs: ModelInputs): LaneTarget => {
  const own = inputs.lanes.find((l) => l.id === ACTUALS_LANE_ID) ?? inputs.lanes[0];
  return own ? { replace: own.id } : 'new';
};
