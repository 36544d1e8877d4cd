// Per-year values of rampable inputs (spec §2.1, issue 13): a "by year" toggle on
// a row opens one cell per model year under its table. Each yearly cell is an
// input of its own (`journey.renewal.rate[1]`), so typing, pasting a row from
// Excel, marks and undo work as on any cell; the row's own cell then reads like
// `85.0% → 90.0%`. Years past the list repeat its last value, as the core does.
import { useMemo } from 'react';
import type { ModelInputs } from '@shared/index';
import { modelYears, readInput, specFor, yearlyKey } from '@shared/document/index';
import { GridProblems } from '../../grid/GridProblems';
import { SheetGrid } from '../../grid/SheetGrid';
import type { GridCell, GridColumn, GridRow } from '../../grid/grid-types';
import { byYearStore, useByYear } from '../../store/by-year-store';
import { useDocument } from '../../store/document-store';

/** The toggle cell of a row whose inputs (`keys`) may change by year. */
export function byYearToggle(keys: readonly string[], label: string, open: boolean): GridCell {
  return {
    type: 'button',
    text: 'by year',
    ariaLabel: `${open ? 'Hide' : 'Show'} ${label} by year`,
    onClick: () => byYearStore.getState().toggle(keys),
  };
}

/** The toggle column for a table with rampable rows. */
export const BY_YEAR_COLUMN: GridColumn = { id: 'byYear', header: '', width: 60, minWidth: 56 };

/** Years to show: the model's, or more when a list is longer (its later years apply to LTV ages). */
function yearsShown(inputs: ModelInputs, keys: readonly string[]): number {
  const longest = Math.max(0, ...keys.map((k) => {
    const v = readInput(inputs, k);
    return Array.isArray(v) ? v.length : 1;
  }));
  return Math.max(modelYears(inputs), longest);
}

/** One row per open input of this table, one input cell per model year. */
export function ByYearGrid({ keys, title }: { keys: readonly string[]; title: string }) {
  const open = useByYear((s) => s.open);
  const shownKeys = keys.filter((k) => open.includes(k));
  const inputs = useDocument((s) => s.inputs);
  const years = yearsShown(inputs, shownKeys);
  const startYear = Number(inputs.general.startMonth.slice(0, 4));
  const startMonth = inputs.general.startMonth.slice(5, 7);
  // The rows are rebuilt only when the keys shown or their labels change, not on every edit.
  const shownText = shownKeys.join('\u0001');
  const labels = shownKeys.map((k) => specFor(inputs, k)?.label ?? k).join('\u0001');

  const columns = useMemo<GridColumn[]>(() => [
    { id: 'label', header: 'By model year', flex: 2, minWidth: 170 },
    ...Array.from({ length: years }, (_, i): GridColumn => ({
      id: `y${i + 1}`, header: `Year ${i + 1}`, width: 82, minWidth: 70, align: 'right',
      headerTooltip: Number.isFinite(startYear) ? `the 12 months from ${startYear + i}-${startMonth}` : undefined,
    })),
    { id: 'close', header: '', width: 36, minWidth: 36 },
  ], [years, startYear, startMonth]);

  const rows = useMemo<GridRow[]>(() => {
    const names = labels.split('\u0001');
    return shownText.split('\u0001').filter(Boolean).map((key, k) => {
      const label = names[k] ?? key;
      const cells: GridRow['cells'] = { label: { type: 'label', text: label } };
      for (let i = 0; i < years; i++) cells[`y${i + 1}`] = { type: 'input', key: yearlyKey(key, i) };
      cells.close = { type: 'button', text: '×', ariaLabel: `Hide ${label} by year`, onClick: () => byYearStore.getState().toggle([key]) };
      return { id: `by-year-${key}`, cells };
    });
  }, [shownText, labels, years]);

  if (shownKeys.length === 0) return null;
  const problemKeys = shownKeys.flatMap((k) => Array.from({ length: years }, (_, i) => yearlyKey(k, i)));
  return (
    <div className="by-year" data-key={`by-year.${title}`}>
      <SheetGrid label={`${title} by model year`} columns={columns} rows={rows} />
      <GridProblems keys={problemKeys} />
      <p className="by-year-note">Type a value per year or paste a row from Excel; years past the last value keep it. The row above reads first → last.</p>
    </div>
  );
}
