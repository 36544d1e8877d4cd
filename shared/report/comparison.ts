// The scenario comparison (issue 6): the headline figures of the base and every
// scenario side by side, each with its delta to the base. One builder for the
// Scenarios sheet, the board report and the workbook, so they show the same table.
import type { InputProblem, ModelInputs } from '../model/inputs';
import { applyScenario, BASE_NAME, type ScenarioSet } from '../model/scenarios';
import { computeModel, type ModelResult } from '../index';
import { formatDelta, formatFigure, type FigureFormat } from './format';
import { FIGURE_LABELS } from './labels';

export interface ComparisonColumn {
  /** null for the base */
  id: string | null;
  name: string;
  active: boolean;
  /** a scenario whose overrides make an invalid model is not computed */
  problems: InputProblem[];
}

export interface ComparisonRow {
  /** figure key: `arr.y1`, `nrr.y2`, … (data-key `scenarios.compare.<key>.<column>`) */
  key: string;
  label: string;
  format: FigureFormat;
  /** one per column, base first */
  values: (number | string | null)[];
  /** value − base's value; null for the base, text figures and undefined ones */
  deltas: (number | null)[];
}

export interface Comparison {
  columns: ComparisonColumn[];
  rows: ComparisonRow[];
}

type Pick = (r: ModelResult<number>) => number | string | null;

/**
 * The headline rows for a model with `years` complete years: ARR and customers
 * of every year; year-1 NRR and GRR when the base case has a book at the start
 * (an installed base: issue 21 item 3, the headline figure of a company with
 * customers), then year 2's.
 */
function headlineRows(years: number, bookAtStart: boolean): { key: string; label: string; format: FigureFormat; pick: Pick }[] {
  const rows: { key: string; label: string; format: FigureFormat; pick: Pick }[] = [];
  for (let y = 1; y <= years; y++) rows.push({ key: `arr.y${y}`, label: `ARR, end of year ${y}`, format: 'money', pick: (r) => r.annual[y - 1]?.closing ?? null });
  for (let y = 1; y <= years; y++) rows.push({ key: `customers.y${y}`, label: `Customers, end of year ${y}`, format: 'count', pick: (r) => r.annual[y - 1]?.customersEnd ?? null });
  if (bookAtStart) {
    rows.push(
      { key: 'nrr.y1', label: 'NRR, year 1 (today’s book)', format: 'percent', pick: (r) => r.annual[0]?.nrr ?? null },
      { key: 'grr.y1', label: 'GRR, year 1 (today’s book)', format: 'percent', pick: (r) => r.annual[0]?.grr ?? null },
    );
  }
  if (years >= 2) {
    rows.push(
      { key: 'nrr.y2', label: 'NRR, year 2', format: 'percent', pick: (r) => r.annual[1]?.nrr ?? null },
      { key: 'nrrBand', label: 'NRR band', format: 'text', pick: (r) => r.nrrBand },
      { key: 'grr.y2', label: 'GRR, year 2', format: 'percent', pick: (r) => r.annual[1]?.grr ?? null },
      { key: 'expansionShare.y2', label: 'Expansion share of new ARR, year 2', format: 'percent', pick: (r) => r.annual[1]?.expansionShare ?? null },
    );
  }
  rows.push(
    { key: 'retention.fullJourney', label: `Logo retention: ${FIGURE_LABELS.renewedAllCustomers.toLowerCase()}`, format: 'percent', pick: (r) => r.journey.fullJourneyRetention },
    { key: 'ltv.discountedGrossMargin', label: 'LTV per customer (discounted GM)', format: 'money', pick: (r) => r.ltv.discountedGrossMargin },
    { key: 'ltvToCac', label: 'LTV:CAC', format: 'ratio', pick: (r) => r.ltvToCac },
    { key: 'cacPaybackMonths', label: 'CAC payback', format: 'months', pick: (r) => r.cacPaybackMonths },
  );
  return rows;
}

/** The rows the one-page board report has room for (the Scenarios sheet shows them all). */
export const BOARD_COMPARISON_ROWS = ['nrr.y2', 'grr.y2', 'expansionShare.y2', 'ltv.discountedGrossMargin', 'ltvToCac', 'cacPaybackMonths'];

/** The comparison cut to the board page: final-year ARR plus BOARD_COMPARISON_ROWS, and at most `maxScenarios` scenarios. */
export function boardComparison(c: Comparison, maxScenarios = 4): Comparison & { omitted: number } {
  const lastArr = [...c.rows].reverse().find((r) => r.key.startsWith('arr.y'));
  const rows = c.rows.filter((r) => r === lastArr || BOARD_COMPARISON_ROWS.includes(r.key));
  // Keep the active scenario in view even when it is not among the first ones.
  const keep = c.columns.map((col, i) => i === 0 || i <= maxScenarios || col.active);
  const cut = <T,>(xs: T[]) => xs.filter((_, i) => keep[i]);
  const omitted = keep.filter((k) => !k).length;
  return { columns: cut(c.columns), rows: rows.map((r) => ({ ...r, values: cut(r.values), deltas: cut(r.deltas) })), omitted };
}

export function compareScenarios(
  base: ModelInputs,
  set: ScenarioSet,
  compute: (m: ModelInputs) => ModelResult<number> = computeModel,
  baseResult?: ModelResult<number>,
): Comparison {
  const columns: ComparisonColumn[] = [{ id: null, name: BASE_NAME, active: set.activeId === null, problems: [] }];
  const results: (ModelResult<number> | null)[] = [baseResult ?? compute(base)];
  for (const s of set.scenarios) {
    const applied = applyScenario(base, s);
    columns.push({ id: s.id, name: s.name, active: set.activeId === s.id, problems: applied.problems });
    results.push(applied.problems.length ? null : compute(applied.inputs));
  }
  const years = results[0]!.years;
  const rows = headlineRows(years, results[0]!.annual[0]?.nrr !== null && results[0]!.annual[0]?.nrr !== undefined).map(({ key, label, format, pick }) => {
    const values = results.map((r) => (r ? pick(r) : null));
    const b = values[0];
    const deltas = values.map((v, i) => (i === 0 || typeof v !== 'number' || typeof b !== 'number' ? null : v - b));
    return { key, label, format, values, deltas };
  });
  return { columns, rows };
}

/**
 * The one column layout of the comparison, used by the app, the board page, the
 * PDF and the workbook: Figure | Base | each scenario | each scenario's
 * difference from Base. One header cell per column, so a figure never sits
 * under another column's name.
 */
export interface ComparisonLayoutColumn {
  kind: 'value' | 'delta';
  /** index into Comparison.columns */
  column: number;
  header: string;
}

export const deltaHeader = (name: string): string => `${name} vs ${BASE_NAME}`;

export function comparisonLayout(c: Comparison): ComparisonLayoutColumn[] {
  return [
    ...c.columns.map((col, i): ComparisonLayoutColumn => ({ kind: 'value', column: i, header: col.name })),
    ...c.columns.slice(1).map((col, j): ComparisonLayoutColumn => ({ kind: 'delta', column: j + 1, header: deltaHeader(col.name) })),
  ];
}

/** One cell of the comparison as printed: a value, a difference from the base, "invalid" or blank. */
export function comparisonCellText(c: Comparison, row: ComparisonRow, col: ComparisonLayoutColumn, currency: string): string {
  const column = c.columns[col.column]!;
  if (column.problems.length) return col.kind === 'value' ? 'invalid' : '';
  if (col.kind === 'value') return formatFigure(row.values[col.column] ?? null, row.format, currency);
  return row.format === 'text' ? '' : formatDelta(row.deltas[col.column] ?? null, row.format, currency);
}

/** The comparison as plain rows for a printed table, in comparisonLayout's columns. */
export function comparisonTable(c: Comparison, currency: string): { header: string[]; body: string[][] } {
  const layout = comparisonLayout(c);
  return {
    header: ['Figure', ...layout.map((l) => l.header)],
    body: c.rows.map((row) => [row.label, ...layout.map((l) => comparisonCellText(c, row, l, currency))]),
  };
}
