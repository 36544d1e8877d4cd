// Plan against actual (issue 14 §6): where the plan's months overlap the
// actuals, ARR, new, expansion, contraction and churn month by month as plan,
// actual and difference (actual − plan), computed exactly by the core in a
// worker (planVsActual). The plan is the one on screen (the active scenario's).
import { useCallback, useEffect, useMemo, useState } from 'react';
import { effectiveInputs, formatFigure, type FigureFormat } from '@shared/index';
import { accounting, LOWER_IS_BETTER, nothingToCompare, varianceTone, VARIANCE_LABELS, type VarianceTotalsNumbers } from '@shared/report/index';
import { DrawnChart } from '../../charts/DrawnChart';
import { chartClient } from '../../workers/worker-clients';
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
  const [result, setResult] = useState<{ rows: VarianceRow[]; totals: VarianceTotalsNumbers | null; plan: { first: string; last: string } } | null>(null);
  const rows = result?.rows ?? null;
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    const applied = effectiveInputs(inputs, scenarios);
    planAgainstActual(applied.problems.length ? inputs : applied.inputs, sheet)
      .then((r) => { if (live) { setResult(r); setError(null); } })
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
      const cells: Record<string, GridCell> = { label: { type: 'label', text: p.id === 'difference' ? `${p.label} (${LOWER_IS_BETTER.has(m.id) ? 'below 0 is good' : 'above 0 is good'})` : p.label } };
      for (const r of rows ?? []) cells[r.month] = { type: 'value', value: r.figures[m.id][p.id], format: 'accounting' as FigureFormat, figureKey: `variance.${r.month}.${m.id}.${p.id}`, label: `${m.label}, ${p.label}, ${r.month}` };
      return { id: `${m.id}.${p.id}`, cells, style: p.id === 'difference' ? 'total' : p.id === 'plan' ? 'subtle' : undefined };
    }),
  ]), [rows]);

  const draw = useCallback((width: number, height: number) => chartClient().call('planActual', { rows: rows ?? [], currency, width, height }), [rows, currency]);
  const none = result && rows && rows.length === 0 ? nothingToCompare(result.plan, { first: sheet.months[0]!, last: sheet.months[sheet.months.length - 1]! }) : null;
  return (
    <Section title="Plan against actual" note="actual − plan; new includes reactivations (the plan has none); the plan's expansion is lanes, seats and price together">
      {error ? <p className="actuals-note" role="alert">The variance could not be computed: {error}</p> : null}
      {none ? <p className="actuals-note" data-testid="variance-none">{none}</p> : null}
      {result?.totals ? <VarianceTotalsTable totals={result.totals} currency={currency} /> : null}
      {rows && rows.length > 0 ? <DrawnChart draw={draw} height={240} label="Plan against actual ARR by month: plan dashed, actual solid, actual − plan as bars (green above plan)" dataKey="actuals.chart.planActual" /> : null}
      {rows && rows.length > 0 ? <SheetGrid label="Plan against actual" columns={columns} rows={gridRows} /> : null}
    </Section>
  );
}

/** Year to date and the full year, each figure whole and coloured by what it means (churn below plan is good). */
function VarianceTotalsTable({ totals, currency }: { totals: VarianceTotalsNumbers; currency: string }) {
  const cell = (measure: keyof VarianceTotalsNumbers['ytd'], d: number, testId: string) => (
    <td className={`num variance-${varianceTone(measure, d)}`} data-testid={testId} data-tone={varianceTone(measure, d)}>{accounting(d, currency)}</td>
  );
  const span = totals.ytdFirst === totals.ytdLast ? totals.ytdFirst : `${totals.ytdFirst} to ${totals.ytdLast}`;
  return (
    <table className="actuals-table variance-totals" aria-label="Plan against actual, totals" data-testid="variance-totals">
      <thead>
        <tr><th /><th colSpan={3}>Year {totals.year} to date ({span})</th><th colSpan={3}>Full year {totals.year} ({totals.yearFirst} to {totals.yearLast}){totals.monthsLeft ? ': actual so far + plan for the rest' : ''}</th></tr>
        <tr><th>Measure</th><th>Plan</th><th>Actual</th><th>Actual − plan</th><th>Plan</th><th>Outlook</th><th>Outlook − plan</th></tr>
      </thead>
      <tbody>
        {(Object.keys(VARIANCE_LABELS) as (keyof VarianceTotalsNumbers['ytd'])[]).map((m) => (
          <tr key={m} data-measure={m}>
            <td>{VARIANCE_LABELS[m]}{m === 'arr' ? ' (at the last month)' : ''}</td>
            <td className="num" data-testid={`ytd.${m}.plan`}>{accounting(totals.ytd[m].plan, currency)}</td>
            <td className="num" data-testid={`ytd.${m}.actual`}>{accounting(totals.ytd[m].actual, currency)}</td>
            {cell(m, totals.ytd[m].difference, `ytd.${m}.difference`)}
            <td className="num" data-testid={`fullYear.${m}.plan`}>{accounting(totals.fullYear[m].plan, currency)}</td>
            <td className="num" data-testid={`fullYear.${m}.actual`}>{accounting(totals.fullYear[m].actual, currency)}</td>
            {cell(m, totals.fullYear[m].difference, `fullYear.${m}.difference`)}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
