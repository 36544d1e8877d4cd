// What the workbook writer (shared/workbook/) may use of the core beyond the
// public API in shared/index.ts: the journey by age, the cohort schedule and its
// roll-ups, which the Journey, Cohorts and Metrics sheets cache beside their
// formulas. The writer imports the core only through this file and
// shared/index.ts (eslint.config.js enforces it), so the core's own modules can
// change shape without touching the writer.
export { computeJourney, anchorAge, ELIGIBLE, isRenewalAge, laneWindow, renewalRateOf, type Journey } from './journey';
export { LAST_RAMP_YEAR, rateYearOfMonth } from './years';
export { calendarSheet, ratesByYear, type CalendarSheet, type YearQ } from './calendar-sheet';
export type { CalendarRun } from './calendar';
export { monthlyDiscount } from './ltv';
export { journeySeries, type JourneySeries } from './retention';
export { acquisitionBlocks, AgeSeries, rollUp, type Block } from './schedule';
export { ONE } from './decimal';
