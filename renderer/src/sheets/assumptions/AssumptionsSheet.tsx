// Assumptions: every input of the model, grouped as the bowtie reads left to
// right: general, acquisition, new logos by year and the funnel, the post-sale
// stages, renewal, and the expansion lanes (issue 4 §1). Years, funnel stages and
// lanes are added and removed here, each change one undo step (issue #5).
import { useMemo } from 'react';
import { activeScenario, switchScenario, ACQUISITION_INPUTS, GENERAL_INPUTS, JOURNEY_INPUTS, LANE_FIELDS, funnelKey, laneFieldKey, newCustomersKey, percent, yearsTouched, type InputSpec, type ModelInputs } from '@shared/index';

/** + Add lane: the new lane (attach 0) and focus on its name, ready to type (issue 11 §6). */
function addLane() {
  documentStore.getState().addLane();
  const { inputs } = documentStore.getState();
  focusInputWhenShown(laneFieldKey(inputs, inputs.lanes.length - 1, 'name'));
}
import { Section } from '../../components/Section';
import { GridProblems } from '../../grid/GridProblems';
import { SheetGrid } from '../../grid/SheetGrid';
import { focusInputWhenShown } from '../../grid/grid-navigation';
import type { GridColumn, GridRow } from '../../grid/grid-types';
import { documentStore, useDocument } from '../../store/document-store';
import { DOCUMENT_LIMITS, isRampableKey, specFor } from '@shared/document/index';
import { useModel } from '../../store/model-store';
import { KV_COLUMNS, kvRows } from './input-rows';
import { BY_YEAR_COLUMN, ByYearGrid, byYearToggle } from './ByYear';
import { ExistingCustomers } from './ExistingCustomers';
import { Segments } from './Segments';
import { LeverTable, leverCell } from './LeverTable';
import { useByYear } from '../../store/by-year-store';
import './plan-inputs.css';

const FUNNEL_COLUMNS: GridColumn[] = [
  { id: 'name', header: 'Stage', flex: 2, minWidth: 200 },
  { id: 'rate', header: 'Converts to next', width: 110, align: 'right' },
  { id: 'volume', header: 'Volume needed, year 1', width: 130, align: 'right' },
  { id: 'remove', header: '', width: 36, minWidth: 36 },
];

const YEAR_COLUMNS: GridColumn[] = [...KV_COLUMNS, { id: 'remove', header: '', width: 36, minWidth: 36 }];
/** Key/value columns with room for a ramp (`85.0% → 90.0% → 95.0%`) and its toggle. */
const KV_RAMP_COLUMNS: GridColumn[] = [
  { id: 'label', header: 'Input', flex: 3, minWidth: 160 },
  { id: 'value', header: 'Value', width: 150, align: 'right' },
  { id: 'note', header: 'Range / note', flex: 2, minWidth: 130, wrap: true },
  BY_YEAR_COLUMN,
];

/** Key/value rows with a "by year" toggle on each rampable input. */
function kvRampRows(specs: readonly InputSpec[], open: readonly string[]): GridRow[] {
  return kvRows(specs).map((row, i) => {
    const s = specs[i]!;
    return isRampableKey(s.key)
      ? { ...row, cells: { ...row.cells, byYear: byYearToggle([s.key], s.label, open.includes(s.key)) } }
      : { ...row, cells: { ...row.cells, byYear: { type: 'label', text: '' } } };
  });
}

const STAGE_COLUMNS: GridColumn[] = [
  { id: 'stage', header: 'Stage', flex: 2, minWidth: 150 },
  { id: 'rate', header: 'Rate', width: 120, align: 'right', headerTooltip: 'share of the previous stage reaching this one' },
  { id: 'month', header: 'Known at age (months)', width: 110, align: 'right' },
  { id: 'target', header: 'TTFV target (days)', width: 100, align: 'right' },
  { id: 'share', header: 'Share of closed customers', width: 120, align: 'right', headerTooltip: 'share of all closed customers reaching this stage' },
  BY_YEAR_COLUMN,
];

const LANE_COLUMNS: GridColumn[] = [
  // names, levers and anchors wrap and the row grows: the whole text is read without hovering (issue 23.10)
  { id: 'name', header: 'Lane', flex: 1, minWidth: 96, wrap: true },
  { id: 'lever', header: 'Lever', width: 112, minWidth: 108, wrap: true, headerTooltip: 'the kind of expansion; choosing one suggests its typical margin and window (table below)' },
  { id: 'anchor', header: 'Anchor', width: 92, minWidth: 88, wrap: true },
  { id: 'windowStart', header: 'From (mo)', width: 52, minWidth: 48, align: 'right', headerTooltip: 'window start, months after the anchor' },
  { id: 'windowEnd', header: 'To (mo)', width: 52, minWidth: 48, align: 'right', headerTooltip: 'window end, months after the anchor (inclusive)' },
  { id: 'attachRate', header: 'Attach', width: 62, minWidth: 56, align: 'right' },
  { id: 'acv', header: 'Lane ACV', width: 82, align: 'right' },
  { id: 'grossMargin', header: 'Margin', width: 68, minWidth: 62, align: 'right' },
  { id: 'arrEnd', header: 'ARR at last year end', width: 84, align: 'right' },
  BY_YEAR_COLUMN,
  { id: 'remove', header: '', width: 30, minWidth: 30 },
];

/** One row per year of new logos; only the last year can be removed, and year 1 stays. */
function yearRows(inputs: ModelInputs): GridRow[] {
  const years = inputs.acquisition.newCustomersByYear.length;
  const modelled = yearsTouched(inputs.general.horizonMonths);
  const rows = kvRows(Array.from({ length: years }, (_, i) => specFor(inputs, newCustomersKey(i))!));
  return rows.map((row, i) => ({
    ...row,
    cells: {
      ...row.cells,
      // The core closes no logos past the horizon; say so rather than let the figure look ignored.
      ...(i >= modelled ? { note: { type: 'note', key: newCustomersKey(i), text: `beyond the ${inputs.general.horizonMonths}-month horizon` } } : {}),
      remove: i === years - 1 && years > 1
        ? { type: 'button', text: '×', ariaLabel: `Remove year ${i + 1}`, onClick: () => documentStore.getState().removeLastYear() }
        : { type: 'label', text: '' },
    },
  }));
}

function funnelRows(inputs: ModelInputs, volumes: (number | null)[] | undefined): GridRow[] {
  const rows: GridRow[] = inputs.acquisition.funnel.map((stage, i) => ({
    id: `funnel-${i}`,
    cells: {
      name: { type: 'input', key: funnelKey(i, 'name') },
      rate: { type: 'input', key: funnelKey(i, 'rate') },
      volume: { type: 'value', value: volumes?.[i] ?? null, format: 'count' },
      remove: { type: 'button', text: '×', ariaLabel: `Remove funnel stage ${stage.name}`, onClick: () => documentStore.getState().removeFunnelStage(i) },
    },
  }));
  rows.push({
    id: 'funnel-won',
    style: 'total',
    cells: {
      name: { type: 'label', text: 'Closed-won (new logos)' },
      rate: { type: 'label', text: '' },
      volume: { type: 'value', value: inputs.acquisition.newCustomersByYear[0] ?? null, format: 'count' },
      remove: { type: 'label', text: '' },
    },
  });
  return rows;
}

/** A section of key/value inputs that may change by year, with the by-year grid of those opened. */
function RampInputs({ title, rows, keys }: { title: string; rows: GridRow[]; keys: string[] }) {
  return (
    <Section title={title}>
      <SheetGrid label={`${title} inputs`} columns={KV_RAMP_COLUMNS} rows={rows} />
      <ByYearGrid title={title} keys={keys} />
    </Section>
  );
}

export function AssumptionsSheet() {
  const inputs = useDocument((s) => s.inputs);
  const result = useModel((s) => s.result);
  const laneCount = inputs.lanes.length;

  const general = useMemo(() => kvRows(GENERAL_INPUTS), []);
  // Rows change only with the table's shape; cell values come from the store per cell,
  // so an edit repaints the cells that changed instead of rebuilding every grid.
  const open = useByYear((s) => s.open);
  const openKey = open.join();
  const acquisition = useMemo(() => kvRampRows(ACQUISITION_INPUTS, open), [openKey]);
  const yearCount = inputs.acquisition.newCustomersByYear.length;
  const stageCount = inputs.acquisition.funnel.length;
  const years = useMemo(() => yearRows(inputs), [yearCount, inputs.general.horizonMonths]);
  const renewalSpecs = JOURNEY_INPUTS.filter((s) => s.group === 'Renewal');
  // The renewal rate is the adopters' alone: its note names the overall first-renewal retention (issue 23).
  const overall = result?.journey.fullJourneyRetention ?? null;
  // The note has the same words before the first result ("—"), so the row's measured height (autoHeight) fits it.
  const renewal = useMemo(() => kvRampRows(renewalSpecs, open).map((row) => (row.id !== 'journey.renewal.rate' ? row
    : { ...row, cells: { ...row.cells, note: { type: 'note' as const, key: row.id, text: `adopters only; all customers together: ${overall === null ? '—' : percent(overall)} renew at the first renewal` } } })), [openKey, overall]);

  const volumes = result?.funnel.map((f) => f.volume);
  const funnelShape = `${inputs.acquisition.funnel.map((f) => f.name).join('\u0001')}:${inputs.acquisition.newCustomersByYear[0]}`;
  const funnel = useMemo(() => funnelRows(inputs, volumes), [funnelShape, JSON.stringify(volumes)]);

  const seg = result?.journey.pathProbability;
  const stages = useMemo<GridRow[]>(() => ([
    { id: 'onboarding', cells: { stage: { type: 'label', text: 'Onboarding completed' }, rate: { type: 'input', key: 'journey.onboarding.rate' }, month: { type: 'input', key: 'journey.onboarding.month' }, target: { type: 'label', text: '' }, share: { type: 'value', value: seg ? 1 - seg.failedOnboarding : null, format: 'percent' } } },
    { id: 'firstValue', cells: { stage: { type: 'label', text: 'First value reached' }, rate: { type: 'input', key: 'journey.firstValue.rate' }, month: { type: 'input', key: 'journey.firstValue.month' }, target: { type: 'input', key: 'journey.firstValue.targetDays' }, share: { type: 'value', value: seg ? seg.failedAdoption + seg.adopter : null, format: 'percent' } } },
    { id: 'adoption', cells: { stage: { type: 'label', text: 'Adopted' }, rate: { type: 'input', key: 'journey.adoption.rate' }, month: { type: 'input', key: 'journey.adoption.month' }, target: { type: 'label', text: '' }, share: { type: 'value', value: seg?.adopter ?? null, format: 'percent' } } },
  ] as GridRow[]).map((row) => {
    const key = `journey.${row.id}.rate`;
    return { ...row, cells: { ...row.cells, byYear: byYearToggle([key], `${(row.cells.stage as { text: string }).text} rate`, open.includes(key)) } };
  }), [JSON.stringify(seg), openKey]);

  const laneSummaries = result?.lanes;
  const laneShape = inputs.lanes.map((l) => `${l.id}\u0000${l.name}`).join('\u0001');
  const laneArr = JSON.stringify(laneSummaries?.map((l) => l.arrEnd));
  const lanes = useMemo<GridRow[]>(() => inputs.lanes.map((lane, i) => {
    const cells: GridRow['cells'] = {};
    for (const f of LANE_FIELDS) cells[f.field] = { type: 'input', key: laneFieldKey(inputs, i, f.field) };
    cells.arrEnd = { type: 'value', value: laneSummaries?.[i]?.arrEnd ?? null, format: 'money' };
    cells.lever = leverCell(i, lane.name);
    const rampKeys = [laneFieldKey(inputs, i, 'attachRate'), laneFieldKey(inputs, i, 'acv')];
    cells.byYear = byYearToggle(rampKeys, `${lane.name} attach rate and ACV`, rampKeys.every((k) => open.includes(k)));
    cells.remove = { type: 'button', text: '×', ariaLabel: `Remove lane ${lane.name}`, onClick: () => documentStore.getState().removeLane(lane.id) };
    return { id: `lane-${lane.id}-${i}`, cells };
  }), [laneShape, laneArr, openKey]);
  const laneRampKeys = inputs.lanes.flatMap((_, i) => [laneFieldKey(inputs, i, 'attachRate'), laneFieldKey(inputs, i, 'acv')]);
  const laneKeys = inputs.lanes.flatMap((_, i) => LANE_FIELDS.map((f) => laneFieldKey(inputs, i, f.field)));
  const stageKeys = JOURNEY_INPUTS.filter((s) => s.group === 'Bowtie stages').map((s) => s.key);
  const funnelKeys = inputs.acquisition.funnel.flatMap((_, i) => [funnelKey(i, 'name'), funnelKey(i, 'rate')]);

  const scenario = useDocument((s) => activeScenario(s.scenarios));
  return (
    <div className="sheet assumptions">
      {scenario ? (
        <div className="scenario-banner" role="status" data-testid="scenario-banner">
          <span>
            Showing scenario <strong>{scenario.name}</strong>: values typed here change <strong>{scenario.name}</strong>, not the base.
            Marked cells override the base (hover for its value). New lanes, years and stages go to the base.
          </span>
          <button type="button" className="btn" onClick={() => { const s = documentStore.getState(); s.setScenarios(switchScenario(s.scenarios, null)); }}>Show the base</button>
        </div>
      ) : null}
      <div className="assumptions-col left">
        <Section title="General"><SheetGrid label="General inputs" columns={KV_COLUMNS} rows={general} /></Section>
        <RampInputs title="Acquisition" rows={acquisition} keys={ACQUISITION_INPUTS.map((s) => s.key)} />
        <Section
          title="New logos by year"
          note={`${yearCount} of ${DOCUMENT_LIMITS.years}`}
          actions={<button type="button" className="btn" onClick={() => documentStore.getState().addYear()} disabled={yearCount >= DOCUMENT_LIMITS.years}>+ Add year</button>}
        >
          <SheetGrid label="New logos by year" columns={YEAR_COLUMNS} rows={years} grow={{ noun: ['year', 'years'], rows: yearCount, max: DOCUMENT_LIMITS.years, add: (n) => documentStore.getState().addYear(n) }} />
        </Section>
        <Section
          title="Funnel (left side of the bowtie)"
          note={`${stageCount} of ${DOCUMENT_LIMITS.funnelStages}; each converts to the next, the last to closed-won`}
          actions={<button type="button" className="btn" onClick={() => documentStore.getState().addFunnelStage()} disabled={stageCount >= DOCUMENT_LIMITS.funnelStages}>+ Add stage</button>}
        >
          <SheetGrid label="Funnel stages" columns={FUNNEL_COLUMNS} rows={funnel} grow={{ noun: ['funnel stage', 'funnel stages'], rows: stageCount, max: DOCUMENT_LIMITS.funnelStages, add: (n) => documentStore.getState().addFunnelStage(n) }} />
          <GridProblems keys={funnelKeys} />
        </Section>
      </div>
      <div className="assumptions-col right">
        <ExistingCustomers />
        <Section title="Bowtie stages (right side)" note="each rate is a share of the stage before">
          <SheetGrid label="Bowtie stages" columns={STAGE_COLUMNS} rows={stages} />
          <GridProblems keys={stageKeys} />
          <ByYearGrid title="Bowtie stages" keys={['journey.onboarding.rate', 'journey.firstValue.rate', 'journey.adoption.rate']} />
        </Section>
        <RampInputs title="Renewal" rows={renewal} keys={renewalSpecs.map((s) => s.key)} />
        <Section
          title="Expansion lanes"
          note={`${laneCount} of ${DOCUMENT_LIMITS.lanes}; purchases spread evenly over the window after the anchor`}
          actions={<button type="button" className="btn" onClick={addLane} disabled={laneCount >= DOCUMENT_LIMITS.lanes}>+ Add lane</button>}
        >
          <SheetGrid label="Expansion lanes" columns={LANE_COLUMNS} rows={lanes} grow={{ noun: ['lane', 'lanes'], rows: laneCount, max: DOCUMENT_LIMITS.lanes, add: (n) => documentStore.getState().addLane(n) }} />
          <GridProblems keys={laneKeys} />
          <ByYearGrid title="Expansion lanes" keys={laneRampKeys} />
          <LeverTable />
        </Section>
      </div>
      <Segments />
    </div>
  );
}
