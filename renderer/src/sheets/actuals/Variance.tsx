// Plan against actual (issue 14 §6): where the plan's months overlap the
// actuals, ARR, new, expansion, contraction and churn month by month as plan,
// actual and difference (actual − plan), computed exactly by the core in a
// worker (planVsActual). The plan is the one on screen (the active scenario's).
import { useEffect, useMemo, useState } from 'react';
import { effectiveInputs, formatFigure, type FigureFormat } from '@shared/index';
import type { ActualsSheet } from '@shared/workbook/index';
import { planAgainstActual } from '../../actuals/import-actuals';
import { Section } from '../../components/Section';
import { SheetGrid } from '../../grid/SheetGrid';
import type { GridCell, GridColumn, GridRow } from '../../grid/grid-types';
import { useDocument } from '../../store/document-store';
import type { VarianceRow } from '../../workers/core-calls';

const MEASURES = [
  { id: 'arr', label: 'Closing ARR' },
  { id: 'new', label: 'New (incl. reactivation)' },
  { id: 'expansion', label: 'Expansion' },
  { id: 'contraction', label: 'Contraction' },
  { id: 'churn', label: 'Churn' },
] as const;
const PARTS = [
  { id: 'plan', label: 'Plan' },
  { id: 'actual', label: 'Actual' },
  { id: 'difference', label: 'Actual − plan' },
] as const;

/** The width of one figure character in the grid's tabular digits (13 px font), with room for bold totals. */
const FIGURE_CHAR_PX = 8.2;

export function Variance({ sheet }: { sheet: ActualsSheet }) {
  const inputs = useDocument((s) => s.inputs);
  const scenarios = useDocument((s) => s.scenarios);
  const [rows, setRows] = useState<VarianceRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    const applied = effectiveInputs(inputs, scenarios);
    planAgainstActual(applied.problems.length ? inputs : applied.inputs, sheet)
      .then((r) => { if (live) { setRows(r); setError(null); } })
      .catch((e: unknown) => { if (live) setError(e instanceof Error ? e.message : String(e)); });
    return () => { live = false; };
  }, [inputs, scenarios, sheet]);

  // Every figure whole (issue 20: "actual − plan" is never cut): the columns are as wide as the widest.
  const currency = inputs.general.currency;
  const columns = useMemo<GridColumn[]>(() => {
    let chars = 8;
    for (const r of rows ?? []) for (const m of MEASURES) for (const p of PARTS) chars = Math.max(chars, formatFigure(r.figures[m.id][p.id], 'accounting', currency).length);
    const width = Math.max(108, Math.ceil(chars * FIGURE_CHAR_PX + 28));
    return [
      { id: 'label', header: 'Plan against actual', width: 250, pinned: 'left' },
      ...(rows ?? []).map((r): GridColumn => ({ id: r.month, header: r.month, width, align: 'right' })),
    ];
  }, [rows, currency]);
  // A shaded row names each measure; plan, actual and actual − plan under it.
  const gridRows = useMemo<GridRow[]>(() => MEASURES.flatMap((m) => [
    { id: m.id, cells: { label: { type: 'label', text: m.label } }, style: 'section' },
    ...PARTS.map((p): GridRow => {
      const cells: Record<string, GridCell> = { label: { type: 'label', text: p.label } };
      for (const r of rows ?? []) cells[r.month] = { type: 'value', value: r.figures[m.id][p.id], format: 'accounting' as FigureFormat, figureKey: `variance.${r.month}.${m.id}.${p.id}`, label: `${m.label}, ${p.label}, ${r.month}` };
      return { id: `${m.id}.${p.id}`, cells, style: p.id === 'difference' ? 'total' : p.id === 'plan' ? 'subtle' : undefined };
    }),
  ]), [rows]);

  const planMonths = `${inputs.general.startMonth} on`;
  return (
    <Section title="Plan against actual" note="actual − plan; new includes reactivations (the plan has none); the plan's expansion is lanes, seats and price together">
      {error ? <p className="actuals-note" role="alert">The variance could not be computed: {error}</p> : null}
      {rows && rows.length === 0 ? (
        <p className="actuals-note" data-testid="variance-none">The plan's months ({planMonths}) do not overlap the actuals ({sheet.months[0]} to {sheet.months[sheet.months.length - 1]}): nothing to compare yet. A plan saved earlier, with a later export imported, shows its variance here.</p>
      ) : null}
      {rows && rows.length > 0 ? <SheetGrid label="Plan against actual" columns={columns} rows={gridRows} /> : null}
    </Section>
  );
}
