// Sheet names, cell addresses and the workbook-level defined names of the inputs:
// the canonical key with `.` → `_` (journey.renewal.rate → journey_renewal_rate),
// list indexes as `_<i>` (acquisition.funnel[1].rate → acquisition_funnel_1_rate).
export const SHEETS = {
  board: 'Board Report',
  assumptions: 'Assumptions',
  journey: 'Journey',
  bridge: 'ARR Bridge',
  cohorts: 'Cohorts',
  metrics: 'Metrics',
  sensitivity: 'Sensitivity',
  ranges: 'Ranges',
  calendar: 'Calendar',
  actuals: 'Actuals',
  meta: 'Bowtie Metadata',
} as const;

/**
 * The sheets one model's formulas live on: the company's own, or with segments
 * (spec §2.3) each segment's Journey, Calendar and Bridge under sheet names of its own.
 */
export interface SheetNames { journey: string; calendar: string; bridge: string }
export const MODEL_SHEETS: SheetNames = { journey: SHEETS.journey, calendar: SHEETS.calendar, bridge: SHEETS.bridge };

/** The one name that covers a list of cells rather than one input. */
export const NEW_CUSTOMERS_NAME = 'acquisition_newCustomersByYear';

/**
 * Year k's new logos from the named list. Gnumeric computes #REF! for
 * INDEX(name, 1) when the name is a single cell (a one-year list), so that case
 * refers to the name itself: the same value in every engine.
 */
export function newCustomersOfYear(k: number, years: number): string {
  return years === 1 && k === 1 ? NEW_CUSTOMERS_NAME : `INDEX(${NEW_CUSTOMERS_NAME},${k})`;
}

export function nameOfKey(key: string): string {
  return key.replace(/\[(\d+)\]/g, '_$1').replace(/\./g, '_');
}

/** Column number (1-based) to letters: 1 → A, 27 → AA. */
export function colLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

export function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** A1-style address; `abs` pins both column and row with `$`. */
export const a1 = (col: number, row: number, abs = false): string =>
  abs ? `$${colLetter(col)}$${row}` : `${colLetter(col)}${row}`;

/** A column-absolute, row-relative reference ($B7) and the reverse (B$7). */
export const absCol = (col: number, row: number): string => `$${colLetter(col)}${row}`;
export const absRow = (col: number, row: number): string => `${colLetter(col)}$${row}`;

/** Sheet-qualified reference; names with spaces are quoted as Excel writes them. */
export function onSheet(sheet: string, ref: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(sheet) ? `${sheet}!${ref}` : `'${sheet.replace(/'/g, "''")}'!${ref}`;
}

export function parseA1(ref: string): { col: number; row: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(ref.toUpperCase());
  return m ? { col: colNumber(m[1]!), row: Number(m[2]) } : null;
}
