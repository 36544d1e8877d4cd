// Cohorts: seed 000's question, "if you close 100 customers this year, what does
// their cumulative revenue contribution look like over three years", for every
// acquisition year, then one customer's journey by age inside the LTV window.
import { useMemo } from 'react';
import { Section } from '../../components/Section';
import { SheetGrid } from '../../grid/SheetGrid';
import type { GridCell, GridColumn, GridRow } from '../../grid/grid-types';
import { useDocument } from '../../store/document-store';
import { useShownResult } from '../../store/shown-result';

export function CohortsSheet() {
  const result = useShownResult();
  const ltvYears = useDocument((s) => s.inputs.general.ltvYears);
  const lanes = useDocument((s) => s.inputs.lanes);
  const years = result?.annual.length ?? 0;

  const cohortColumns = useMemo<GridColumn[]>(() => [
    { id: 'cohort', header: 'Acquisition year', width: 150, pinned: 'left' },
    { id: 'customers', header: 'Customers closed', width: 130, align: 'right' },
    ...Array.from({ length: years }, (_, i): GridColumn => ({ id: `y${i + 1}`, header: `To end of year ${i + 1}`, width: 140, align: 'right' })),
  ], [years]);
  const cohortRows = useMemo<GridRow[]>(() => (result?.cohorts ?? []).map((c) => {
    const cells: Record<string, GridCell> = {
      cohort: { type: 'label', text: `Year ${c.year}` },
      customers: { type: 'value', value: c.customers, format: 'count' },
    };
    c.cumulativeRevenue.forEach((v, i) => { cells[`y${i + 1}`] = { type: 'value', value: v, format: 'moneyExact', figureKey: `cohort.y${c.year}.y${i + 1}` }; });
    return { id: `cohort-${c.year}`, cells };
  }), [result]);

  const ltvRows = useMemo<GridRow[]>(() => {
    if (!result) return [];
    const row = (id: string, label: string, value: number | null, format: 'money' | 'ratio' | 'months' = 'money'): GridRow =>
      ({ id, cells: { label: { type: 'label', text: label }, value: { type: 'value', value, format, figureKey: `ltv.${id}`, label } } });
    return [
      row('revenue', `Revenue LTV (${ltvYears}-year window)`, result.ltv.revenue),
      row('grossMargin', 'Gross-margin LTV', result.ltv.grossMargin),
      row('discountedGrossMargin', 'Discounted gross-margin LTV', result.ltv.discountedGrossMargin),
      row('ltvToCac', 'LTV:CAC (discounted GM LTV ÷ CAC)', result.ltvToCac, 'ratio'),
      row('cacPayback', 'CAC payback', result.cacPaybackMonths, 'months'),
    ];
  }, [result, ltvYears]);

  const ageColumns = useMemo<GridColumn[]>(() => [
    { id: 'age', header: 'Age (months)', width: 90, pinned: 'left', align: 'right' },
    { id: 'active', header: 'Still a customer', width: 110, align: 'right' },
    { id: 'base', header: 'Base ARR (incl. seat and price)', width: 130, align: 'right' },
    ...lanes.map((l, i): GridColumn => ({ id: `lane${i}`, header: `${l.name} ARR`, width: 150, align: 'right' })),
    { id: 'arr', header: 'Total ARR', width: 120, align: 'right' },
    { id: 'ltv', header: 'Cumulative revenue (LTV)', width: 140, align: 'right' },
  ], [lanes]);
  const ageRows = useMemo<GridRow[]>(() => {
    if (!result) return [];
    return result.ltvCurve.map((cum, a) => {
      const j = result.journey.ages[a];
      const cells: Record<string, GridCell> = {
        age: { type: 'value', value: a, format: 'count' },
        active: { type: 'value', value: j?.active ?? null, format: 'percent' },
        base: { type: 'value', value: j?.base ?? null, format: 'moneyExact' },
        arr: { type: 'value', value: j?.arr ?? null, format: 'moneyExact' },
        ltv: { type: 'value', value: cum, format: 'moneyExact' },
      };
      lanes.forEach((_, i) => { cells[`lane${i}`] = { type: 'value', value: j?.lanes[i] ?? null, format: 'moneyExact' }; });
      return { id: `age-${a}`, cells };
    });
  }, [result, lanes]);

  return (
    <div className="sheet">
      <div className="two-col cohorts-top">
        <Section title="Cohort revenue" note="each acquisition year's cumulative revenue, by model year end">
          <SheetGrid label="Cohort revenue" columns={cohortColumns} rows={cohortRows} fit />
        </Section>
        <Section title="Per-customer LTV" note="expected values for one new logo">
          <SheetGrid label="Per-customer LTV" columns={[{ id: 'label', header: 'Measure', flex: 1, minWidth: 240 }, { id: 'value', header: 'Value', width: 130, align: 'right' }]} rows={ltvRows} />
        </Section>
      </div>
      <Section title="One customer by age" note="expected share still a customer, and ARR by source, over the LTV window">
        <SheetGrid label="One customer by age" columns={ageColumns} rows={ageRows} height={400} fit />
      </Section>
    </div>
  );
}
