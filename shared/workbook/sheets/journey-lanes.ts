// Where the Journey sheet's lane table sits: the Journey writer lays it out there and
// the Calendar's formulas read it (its own module, so neither sheet imports the other).
import { colLetter, MODEL_SHEETS, onSheet, type SheetNames } from '../names';

/** The lane table's cells (rows from LANE_TOP + 2): first and last purchase age, and which failed paths a lane sells to. */
export const LANE_TOP = 12;
export function journeyLaneRefs(sheets: SheetNames = MODEL_SHEETS) {
  const row = (i: number) => LANE_TOP + 2 + i;
  return {
    from: (i: number) => onSheet(sheets.journey, `$C$${row(i)}`),
    to: (i: number) => onSheet(sheets.journey, `$D$${row(i)}`),
    /** k: 0 failed onboarding, 1 failed first value, 2 failed adoption */
    sellsTo: (i: number, k: number) => onSheet(sheets.journey, `$${colLetter(7 + k)}$${row(i)}`),
  };
}

