// ARR Bridge: opening + new logo + expansion by source − contraction − churn =
// closing, by model year and by month. Outflows are shown negative (red, in
// parentheses) so each column adds up as printed.
import { useMemo } from 'react';
import type { BridgeMonth, BridgeYear, ModelInputs } from '@shared/index';
import { Section } from '../../components/Section';
import { SheetGrid } from '../../grid/SheetGrid';
import type { GridCell, GridColumn, GridRow } from '../../grid/grid-types';
import type { FigureFormat } from '@shared/index';
import { useDocument } from '../../store/document-store';
import { useShownResult } from '../../store/shown-result';

type Flow = BridgeYear<number> | BridgeMonth<number>;

interface Line {
  id: string;
  label: string;
  value: (f: Flow) => number | null;
  format?: FigureFormat;
  style?: GridRow['style'];
}

function bridgeLines(inputs: ModelInputs, annual: boolean): Line[] {
  const lines: Line[] = [
    { id: 'opening', label: 'Opening ARR', value: (f) => f.opening },
    { id: 'newLogo', label: '+ New-logo ARR', value: (f) => f.newLogo },
    ...inputs.lanes.map((l, i): Line => ({ id: `lane-${i}`, label: `+ ${l.name}`, value: (f) => f.lanes[i] ?? null })),
    { id: 'seat', label: '+ Seat / tier expansion', value: (f) => f.seat },
    { id: 'price', label: '+ Price increase', value: (f) => f.price },
    { id: 'contraction', label: '− Contraction', value: (f) => -f.contraction },
    { id: 'churn', label: '− Churn', value: (f) => -f.churn },
    { id: 'closing', label: 'Closing ARR', value: (f) => f.closing, style: 'total' },
    { id: 'customers', label: annual ? 'Active customers, year end' : 'Active customers', value: (f) => ('customersEnd' in f ? f.customersEnd : f.customers), format: 'count', style: 'subtle' },
    { id: 'newCustomers', label: 'New customers', value: (f) => f.newCustomers, format: 'count', style: 'subtle' },
    { id: 'revenue', label: 'Recognised revenue', value: (f) => f.revenue, style: 'subtle' },
  ];
  if (annual) {
    lines.push(
      { id: 'nrr', label: 'NRR', value: (f) => ('nrr' in f ? f.nrr : null), format: 'percent' },
      { id: 'grr', label: 'GRR', value: (f) => ('grr' in f ? f.grr : null), format: 'percent' },
      { id: 'expansionShare', label: 'Expansion share of new ARR', value: (f) => ('expansionShare' in f ? f.expansionShare : null), format: 'percent' },
    );
  } else {
    lines.push(
      { id: 'nrrT12', label: 'NRR, trailing 12 months', value: (f) => ('nrrT12' in f ? f.nrrT12 : null), format: 'percent' },
      { id: 'grrT12', label: 'GRR, trailing 12 months', value: (f) => ('grrT12' in f ? f.grrT12 : null), format: 'percent' },
    );
  }
  return lines;
}

function table(lines: Line[], flows: Flow[], colId: (f: Flow) => string, keyPrefix: (f: Flow) => string): GridRow[] {
  return lines.map((line) => {
    const cells: Record<string, GridCell> = { label: { type: 'label', text: line.label } };
    for (const f of flows) cells[colId(f)] = { type: 'value', value: line.value(f), format: line.format ?? 'accounting', figureKey: `${keyPrefix(f)}.${line.id}`, label: `${line.label}, ${colId(f)}` };
    return { id: line.id, cells, style: line.style };
  });
}

export function BridgeSheet() {
  const inputs = useDocument((s) => s.inputs);
  const result = useShownResult();

  const annualColumns = useMemo<GridColumn[]>(() => [
    { id: 'label', header: 'ARR bridge', width: 270, pinned: 'left' },
    ...(result?.annual ?? []).map((y): GridColumn => ({ id: `Year ${y.year}`, header: `Year ${y.year}`, width: 130, align: 'right' })),
  ], [result?.annual.length]);
  const monthColumns = useMemo<GridColumn[]>(() => [
    { id: 'label', header: 'Month', width: 270, pinned: 'left' },
    ...(result?.months ?? []).map((m): GridColumn => ({ id: m.label, header: m.label, width: 108, align: 'right' })),
  ], [result?.months.map((m) => m.label).join()]);

  const annualRows = useMemo(() => (result ? table(bridgeLines(inputs, true), result.annual, (f) => `Year ${(f as BridgeYear<number>).year}`, (f) => `bridge.y${(f as BridgeYear<number>).year}`) : []), [result, inputs]);
  const monthRows = useMemo(() => (result ? table(bridgeLines(inputs, false), result.months, (f) => (f as BridgeMonth<number>).label, (f) => `bridge.m${(f as BridgeMonth<number>).month}`) : []), [result, inputs]);

  return (
    <div className="sheet">
      <Section title="Annual ARR bridge" note="model years; NRR and GRR on the customers closed before each year">
        <SheetGrid label="Annual ARR bridge" columns={annualColumns} rows={annualRows} fit />
      </Section>
      <Section title="Monthly ARR bridge" note="events happen at the start of each month; revenue = ARR ÷ 12">
        <SheetGrid label="Monthly ARR bridge" columns={monthColumns} rows={monthRows} height={470} />
      </Section>
    </div>
  );
}
