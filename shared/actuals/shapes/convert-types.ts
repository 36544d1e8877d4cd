// What the shape converters share (spec §9.1): a table read through a mapping,
// and the §9 long table that comes out, with its reconciliation.
import type { Dec } from '../../core/decimal';
import type { MonthIndex } from '../values';

/** A table whose cells are read by field name through the mapping. */
export interface ShapeTable {
  rows: { line: number; cell: (field: string) => string; column: (field: string) => string }[];
  /** the header a field is mapped from (its own name when unmapped) */
  column: (field: string) => string;
}

export interface ShapeProblem { line: number; column: string; message: string }

/** Why a line did not change MRR (the data-quality panel counts each). */
export type LeftOut = 'oneTime' | 'tax' | 'void' | 'usage' | 'noPeriod' | 'afterLastMonth' | 'refunded';

export interface Converted {
  /** the §9 long table: one row per customer and month, MRR exact (long, wide) or to the cent (lines, subscriptions) */
  rows: { customer: string; month: MonthIndex; mrr: Dec; line?: number }[];
  lastMonth: MonthIndex | null;
  /** lines and subscriptions: the currency a line without one is in (rule 7); null when lines must name theirs */
  fileCurrency?: string | null;
  report: { linesUsed: number; leftOut: Record<LeftOut, number>; warnings: string[] };
}
