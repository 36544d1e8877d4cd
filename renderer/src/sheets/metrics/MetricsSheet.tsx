// Metrics: retention by year with the NRR decomposition, the journey's two
// retention views, unit economics, rules of thumb (value of an NRR point,
// doubling time, band), the verdicts against benchmarks (the same as the board
// page's and the workbook's) and the lanes against the 15% margin floor.
import { useMemo } from 'react';
import { INCREMENTAL_MARGIN_FLOOR, NRR_BANDS } from '@shared/index';
import { Section } from '../../components/Section';
import { SheetGrid } from '../../grid/SheetGrid';
import type { GridCell, GridColumn, GridRow } from '../../grid/grid-types';
import { percent as formatPercent, type FigureFormat } from '@shared/index';
import { FIGURE_LABELS, FIGURE_NOTES, nrrPointBasis } from '@shared/index';
import { verdicts } from '@shared/index';
import { useDocument } from '../../store/document-store';
import { useModel } from '../../store/model-store';
import { useShownResult } from '../../store/shown-result';

const KV: GridColumn[] = [
  { id: 'label', header: 'Measure', flex: 3, minWidth: 240 },
  { id: 'value', header: 'Value', width: 150, align: 'right' },
  { id: 'note', header: 'How it is measured', flex: 2, minWidth: 160 },
];

const kv = (id: string, label: string, value: number | string | null, format: FigureFormat, note = ''): GridRow => ({
  id,
  cells: {
    label: { type: 'label', text: label },
    value: { type: 'value', value, format, figureKey: `metric.${id}`, label },
    note: { type: 'label', text: note, help: note },
  },
});

export function MetricsSheet() {
  const result = useShownResult();
  const lanes = useDocument((s) => s.inputs.lanes);
  const docInputs = useDocument((s) => s.inputs);
  const modelInputs = useModel((s) => s.inputs) ?? docInputs;

  const years = result?.annual ?? [];
  const yearColumns = useMemo<GridColumn[]>(() => [
    { id: 'label', header: 'By model year', width: 280, pinned: 'left' },
    ...years.map((y): GridColumn => ({ id: `y${y.year}`, header: `Year ${y.year}`, width: 120, align: 'right' })),
  ], [years.length]);

  const yearRows = useMemo<GridRow[]>(() => {
    const line = (id: string, label: string, pick: (i: number) => number | null, format: FigureFormat, style?: GridRow['style']): GridRow => {
      const cells: Record<string, GridCell> = { label: { type: 'label', text: label } };
      years.forEach((y, i) => { cells[`y${y.year}`] = { type: 'value', value: pick(i), format, figureKey: `metric.${id}.y${y.year}` }; });
      return { id, cells, style };
    };
    const dec = (i: number) => years[i]?.decomposition ?? null;
    return [
      line('nrr', 'Net revenue retention (NRR)', (i) => years[i]!.nrr, 'percent', 'total'),
      line('churn', '− Churn', (i) => (dec(i) ? -dec(i)!.churn : null), 'percent', 'subtle'),
      line('contraction', '− Contraction', (i) => (dec(i) ? -dec(i)!.contraction : null), 'percent', 'subtle'),
      ...lanes.map((l, k) => line(`lane${k}`, `+ ${l.name}`, (i) => dec(i)?.lanes[k] ?? null, 'percent', 'subtle')),
      line('seat', '+ Seat / tier expansion', (i) => dec(i)?.seat ?? null, 'percent', 'subtle'),
      line('price', '+ Price increase', (i) => dec(i)?.price ?? null, 'percent', 'subtle'),
      line('grr', 'Gross revenue retention (GRR)', (i) => years[i]!.grr, 'percent', 'total'),
      line('begin', 'Opening ARR of the NRR set', (i) => dec(i)?.begin ?? null, 'money'),
      line('expansionShare', 'Expansion share of new ARR', (i) => years[i]!.expansionShare, 'percent'),
      line('arr', 'ARR at year end', (i) => years[i]!.closing, 'money'),
      line('revenue', 'Recognised revenue', (i) => years[i]!.revenue, 'money'),
      line('customers', 'Active customers at year end', (i) => years[i]!.customersEnd, 'count'),
    ];
  }, [years, lanes]);

  const unitRows = useMemo<GridRow[]>(() => {
    if (!result) return [];
    const band = NRR_BANDS.map((b) => (b.from === null ? b.label : `${formatPercent(b.from, 0)}+ ${b.label}`)).join(' · ');
    return [
      kv('fullJourneyRetention', `First renewal: ${FIGURE_LABELS.renewedAllCustomers.toLowerCase()}`, result.journey.fullJourneyRetention, 'percent', FIGURE_NOTES.renewedAllCustomers),
      kv('renewalDecisionRetention', `First renewal: ${FIGURE_LABELS.renewalRateOfAdopters.toLowerCase()}`, result.journey.renewalDecisionRetention, 'percent', FIGURE_NOTES.renewalRateOfAdopters),
      kv('ltvRevenue', 'Revenue LTV per customer', result.ltv.revenue, 'money'),
      kv('ltvGrossMargin', 'Gross-margin LTV', result.ltv.grossMargin, 'money'),
      kv('ltvDiscounted', 'Discounted gross-margin LTV', result.ltv.discountedGrossMargin, 'money'),
      kv('ltvToCac', 'LTV:CAC', result.ltvToCac, 'ratio', 'discounted GM LTV ÷ CAC'),
      kv('cacPayback', 'CAC payback', result.cacPaybackMonths, 'months', 'CAC ÷ monthly GM of ACV'),
      { ...kv('nrrBand', 'NRR band (year 2)', result.nrrBand, 'text'), cells: { ...kv('nrrBand', 'NRR band (year 2)', result.nrrBand, 'text').cells, note: { type: 'label', text: 'bands used by SaaS investors (hover)', help: band } } },
      kv('valueOfNrrPoint', 'Value of one NRR point', result.valueOfNrrPoint, 'money', `${nrrPointBasis(result.valueOfNrrPointYear) ?? 'opening ARR'} × 1%`),
      kv('doublingTime', 'Doubling time of the existing base', result.doublingTimeYears, 'years', 'ln 2 ÷ ln NRR (NRR > 100%)'),
    ];
  }, [result]);

  const verdictRows = useMemo<GridRow[]>(() => (result ? verdicts(modelInputs, result) : []).map((v) => ({
    id: v.id,
    cells: {
      measure: { type: 'label', text: v.measure },
      figure: { type: 'value', value: v.figure, format: 'text', figureKey: `metric.verdict.${v.id}.figure` },
      verdict: { type: 'label', text: v.verdict },
      benchmark: { type: 'label', text: v.benchmark, help: v.benchmark },
    },
  })), [result, modelInputs]);

  const laneRows = useMemo<GridRow[]>(() => (result?.lanes ?? []).map((l) => ({
    id: l.id,
    cells: {
      lane: { type: 'label', text: l.name },
      arr: { type: 'value', value: l.arrEnd, format: 'money', figureKey: `lane.${l.id}.arrEnd` },
      share: { type: 'value', value: l.share, format: 'percent' },
      margin: { type: 'value', value: l.grossMargin, format: 'percent' },
      flag: { type: 'label', text: l.belowMarginFloor ? `below the ${formatPercent(INCREMENTAL_MARGIN_FLOOR, 0)} floor` : 'ok' },
    },
  })), [result]);

  return (
    <div className="sheet">
      <div className="two-col metrics-top">
        <Section title="Retention and growth" note="NRR = 1 − churn − contraction + expansion, as shares of the set's opening ARR">
          <SheetGrid label="Retention and growth by year" columns={yearColumns} rows={yearRows} />
        </Section>
        <Section title="Journey and unit economics">
          <SheetGrid label="Journey and unit economics" columns={KV} rows={unitRows} />
        </Section>
      </div>
      <div>
        <Section title="Verdicts against benchmarks" note="The same verdicts as on the board page and the workbook's Metrics sheet">
          <SheetGrid
            label="Verdicts against benchmarks"
            columns={[
              { id: 'measure', header: 'Measure', width: 260 },
              { id: 'figure', header: 'Figure', width: 140, align: 'right' },
              { id: 'verdict', header: 'Verdict', width: 380 },
              { id: 'benchmark', header: 'Benchmark', flex: 1, minWidth: 240 },
            ]}
            rows={verdictRows}
            fit
          />
        </Section>
      </div>
      <div>
        <Section title="Expansion lanes" note={`at least ${formatPercent(INCREMENTAL_MARGIN_FLOOR, 0)} margin on incremental revenue`}>
          <SheetGrid
            label="Expansion lanes summary"
            columns={[
              { id: 'lane', header: 'Lane', width: 280 },
              { id: 'arr', header: 'ARR, last year end', width: 130, align: 'right' },
              { id: 'share', header: 'Share of ARR', width: 100, align: 'right' },
              { id: 'margin', header: 'Margin', width: 80, align: 'right' },
              { id: 'flag', header: 'Margin floor', width: 140 },
            ]}
            rows={laneRows}
            fit
          />
        </Section>
      </div>
    </div>
  );
}
