// By segment (spec §2.3, issue 24): the segments and the company side by side:
// ARR, NRR, GRR, logo retention, LTV:CAC and CAC payback; each segment's share of
// company ARR at each year end (the mix); NRR by segment by year. Every figure is
// the core's (result.segments); the company column is the top-level result.
import { useMemo } from 'react';
import type { FigureFormat, ModelResult, Segment, SegmentResult } from '@shared/index';
import { Section } from '../../components/Section';
import { SheetGrid } from '../../grid/SheetGrid';
import type { GridCell, GridColumn, GridRow } from '../../grid/grid-types';
import { useDocument } from '../../store/document-store';
import { useModel } from '../../store/model-store';

type Figures = ModelResult<number> | SegmentResult<number>;
/** One array for a model without segments: a selector must not return a new one each call. */
const NO_SEGMENTS: readonly Segment[] = [];

/** The year the headline figures are read at, as the strip reads them: NRR and GRR of year 2, ARR at the end of year 3 (or the last year). */
const atYear = (r: Figures, wanted: number) => r.annual[Math.min(wanted, r.annual.length) - 1];

const MEASURES: readonly { id: string; label: (r: Figures) => string; pick: (r: Figures) => number | null; format: FigureFormat }[] = [
  { id: 'arr', label: (r) => `ARR, end of year ${Math.min(3, r.annual.length)}`, pick: (r) => atYear(r, 3)?.closing ?? null, format: 'money' },
  { id: 'nrr', label: (r) => `NRR, year ${Math.min(2, r.annual.length)}`, pick: (r) => atYear(r, 2)?.nrr ?? null, format: 'percent' },
  { id: 'grr', label: (r) => `GRR, year ${Math.min(2, r.annual.length)}`, pick: (r) => atYear(r, 2)?.grr ?? null, format: 'percent' },
  { id: 'logoRetention', label: () => 'Logo retention at the first renewal', pick: (r) => r.journey.fullJourneyRetention, format: 'percent' },
  { id: 'ltvToCac', label: () => 'LTV:CAC', pick: (r) => r.ltvToCac, format: 'ratio' },
  { id: 'cacPayback', label: () => 'CAC payback', pick: (r) => r.cacPaybackMonths, format: 'months' },
];

export function BySegmentSheet() {
  const segments = useDocument((s) => s.inputs.segments) ?? NO_SEGMENTS;
  const result = useModel((s) => s.result);
  const bySegment = result?.segments;
  // The columns are the segments the figures were computed for, in the sheet's order.
  const shown = segments.filter((s) => bySegment?.[s.id]);
  const shape = shown.map((s) => `${s.id}\u0000${s.name}`).join('\u0001');
  const years = result?.annual.length ?? 0;

  const sideColumns = useMemo<GridColumn[]>(() => [
    { id: 'label', header: 'Measure', width: 260 },
    ...shown.map((s): GridColumn => ({ id: `seg-${s.id}`, header: s.name, width: 130, align: 'right' })),
    { id: 'company', header: 'Company', width: 130, align: 'right' },
  ], [shape]);

  const sideRows = useMemo<GridRow[]>(() => (result && bySegment ? MEASURES.map((m) => {
    const cells: Record<string, GridCell> = { label: { type: 'label', text: m.label(result) } };
    for (const s of shown) cells[`seg-${s.id}`] = { type: 'value', value: m.pick(bySegment[s.id]!), format: m.format, figureKey: `bySegment.${m.id}.${s.id}`, label: `${s.name} ${m.label(result)}` };
    cells.company = { type: 'value', value: m.pick(result), format: m.format, figureKey: `bySegment.${m.id}.company`, label: `Company ${m.label(result)}` };
    return { id: m.id, cells };
  }) : []), [result, shape]);

  const yearColumns = useMemo<GridColumn[]>(() => [
    { id: 'label', header: 'Segment', width: 260 },
    ...Array.from({ length: years }, (_, y): GridColumn => ({ id: `y${y + 1}`, header: `Year ${y + 1}`, width: 100, align: 'right' })),
  ], [years]);

  const byYear = (id: string, pick: (r: Figures, y: number) => number | null, withCompany: boolean): GridRow[] => {
    if (!result || !bySegment) return [];
    const line = (key: string, name: string, r: Figures, style?: GridRow['style']): GridRow => {
      const cells: Record<string, GridCell> = { label: { type: 'label', text: name } };
      for (let y = 0; y < years; y++) cells[`y${y + 1}`] = { type: 'value', value: pick(r, y), format: 'percent', figureKey: `bySegment.${id}.${key}.y${y + 1}`, label: `${name} ${id === 'mix' ? 'share of ARR' : 'NRR'}, year ${y + 1}` };
      return { id: `${id}-${key}`, cells, style };
    };
    const rows = shown.map((s) => line(s.id, s.name, bySegment[s.id]!));
    if (withCompany) rows.push(line('company', 'Company', result, 'total'));
    return rows;
  };
  const mixRows = useMemo(() => byYear('mix', (r, y) => ('arrShareByYearEnd' in r ? r.arrShareByYearEnd[y] ?? null : null), false), [result, shape]);
  const nrrRows = useMemo(() => byYear('nrr', (r, y) => r.annual[y]?.nrr ?? null, true), [result, shape]);

  if (segments.length === 0) {
    return (
      <div className="sheet by-segment">
        <Section title="By segment">
          <p className="empty-note" data-key="bySegment.empty">The model is one segment. Add segments on the Assumptions sheet (Segments, at the foot of the sheet) to see them side by side here.</p>
        </Section>
      </div>
    );
  }
  return (
    <div className="sheet by-segment">
      <Section title="Segments side by side" note="the company is the sum of the segments; its NRR and GRR are those of all their customers together">
        <SheetGrid label="Segments side by side" columns={sideColumns} rows={sideRows} fit />
      </Section>
      <Section title="Mix: share of company ARR at each year end">
        <SheetGrid label="Share of ARR by segment" columns={yearColumns} rows={mixRows} fit />
      </Section>
      <Section title="NRR by segment by year">
        <SheetGrid label="NRR by segment" columns={yearColumns} rows={nrrRows} fit />
      </Section>
    </div>
  );
}
