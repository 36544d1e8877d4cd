// Existing customers (issue 13 §3, spec §2.2): the installed base the plan starts
// from, one row per cohort. Age accepts months or the month the cohort closed
// (2024-07); a blank adopter share shows the share the journey implies, in grey,
// computed by the core. Rows are added and removed here and appear when a block
// is pasted from Excel past the last row; every change is one undo step.
import { useMemo } from 'react';
import { BASE_FIELDS, baseKey, impliedAdopterShare, type ModelInputs } from '@shared/index';
import { Section } from '../../components/Section';
import { formatInput } from '../../format/format';
import { GridProblems } from '../../grid/GridProblems';
import { SheetGrid } from '../../grid/SheetGrid';
import type { GridCell, GridColumn, GridRow } from '../../grid/grid-types';
import { closedMonth, cohortsOf, DOCUMENT_LIMITS, segmentsOf } from '@shared/document/index';
import { documentStore, useDocument } from '../../store/document-store';
import { useModel } from '../../store/model-store';

const COLUMNS: GridColumn[] = [
  { id: 'name', header: 'Cohort', flex: 2, minWidth: 140 },
  { id: 'customers', header: 'Customers', width: 90, align: 'right' },
  { id: 'arr', header: 'ARR today', width: 118, align: 'right' },
  { id: 'ageMonths', header: 'Age (months)', width: 84, align: 'right', headerTooltip: 'months since they closed, at the first month; or type the month they closed, e.g. 2024-07' },
  { id: 'adopterShare', header: 'Adopter share', width: 92, align: 'right', headerTooltip: 'blank: the share the journey implies (grey)' },
  // after the inputs, so a block pasted from Excel (name … adopter share) lands on them in order
  { id: 'closed', header: 'Closed', width: 76, align: 'right', headerTooltip: 'the month the cohort closed, from its age' },
  { id: 'remove', header: '', width: 36, minWidth: 36 },
];

/** With segments (spec §2.3) every cohort names one: a column of the segment names before the remove button. */
const SEGMENT_COLUMN: GridColumn = { id: 'segment', header: 'Segment', width: 120, minWidth: 100, wrap: true };
const withSegmentColumn = (cols: GridColumn[]): GridColumn[] => [...cols.slice(0, -1), SEGMENT_COLUMN, cols[cols.length - 1]!];

/** The input columns in order: a pasted block past the last row fills them. */
const FIELDS = BASE_FIELDS.map((f) => f.field);

/** The implied share for cohort `i`, read from the live inputs (the journey may change under it). */
const impliedShare = (i: number) => (inputs: ModelInputs): string | null => {
  const k = cohortsOf(inputs)[i];
  if (!k || !Number.isInteger(k.ageMonths)) return null;
  return formatInput('rate', impliedAdopterShare(inputs, k.ageMonths));
};

function segmentCell(inputs: ModelInputs, i: number, name: string): GridCell {
  const options = segmentsOf(inputs).map((s) => ({ value: s.id, label: s.name }));
  return {
    type: 'select', ariaLabel: `Segment of cohort ${name}`, dataKey: `base.cohorts[${i}].segment`, options,
    value: (m) => cohortsOf(m)[i]?.segment ?? '',
    onChange: (segment) => documentStore.getState().dispatch({ type: 'setCohortSegment', index: i, segment }),
  };
}

function cohortRows(inputs: ModelInputs): GridRow[] {
  const segmented = segmentsOf(inputs).length > 0;
  return cohortsOf(inputs).map((k, i) => ({
    id: `cohort-${i}`,
    cells: {
      name: { type: 'input', key: baseKey(i, 'name') },
      customers: { type: 'input', key: baseKey(i, 'customers') },
      arr: { type: 'input', key: baseKey(i, 'arr') },
      ageMonths: { type: 'input', key: baseKey(i, 'ageMonths') },
      closed: { type: 'value', value: closedMonth(inputs.general.startMonth, k.ageMonths), format: 'text', figureKey: `base.closed.${i}` },
      adopterShare: { type: 'input', key: baseKey(i, 'adopterShare'), placeholder: impliedShare(i) },
      ...(segmented ? { segment: segmentCell(inputs, i, k.name) } : {}),
      remove: { type: 'button', text: '×', ariaLabel: `Remove cohort ${k.name}`, onClick: () => documentStore.getState().dispatch({ type: 'removeCohort', index: i }) },
    },
  }));
}

export function ExistingCustomers() {
  const inputs = useDocument((s) => s.inputs);
  const cohorts = cohortsOf(inputs);
  // The core's opening ARR, when the figures shown are of this book (a scenario may replace it).
  const openingArr = useModel((s) => (s.inputs?.base?.cohorts === cohorts ? s.result?.openingArr ?? null : null));
  const segmentShape = segmentsOf(inputs).map((s) => `${s.id}\u0000${s.name}`).join('\u0001');
  const shape = `${inputs.general.startMonth}|${cohorts.map((k) => `${k.name}\u0000${k.ageMonths}`).join('\u0001')}|${segmentShape}`;
  const columns = useMemo(() => (segmentShape ? withSegmentColumn(COLUMNS) : COLUMNS), [segmentShape]);
  const rows = useMemo(() => cohortRows(inputs), [shape]);
  const keys = cohorts.flatMap((_, i) => FIELDS.map((f) => baseKey(i, f)));
  const count = cohorts.length;
  const total = cohorts.reduce((a, k) => a + k.customers, 0);

  return (
    <Section
      title="Existing customers"
      className="existing-customers"
      note={count === 0
        ? 'none: the plan starts from zero'
        : `${count} cohort${count === 1 ? '' : 's'}, ${formatInput('count', total)} customers` +
          (openingArr === null ? '' : `, ${formatInput('money', openingArr, inputs.general.currency)} ARR at the start`)}
      actions={<button type="button" className="btn" data-key="base.add" onClick={() => documentStore.getState().dispatch({ type: 'addCohort' })} disabled={count >= DOCUMENT_LIMITS.baseCohorts}>+ Add cohort</button>}
    >
      {count === 0 ? (
        <p className="empty-note" data-key="base.empty">
          Customers already on the books at the first month. <strong>+ Add cohort</strong>, then type or paste rows from Excel:
          name, customers, ARR, age in months (or the month they closed, e.g. 2024-07), adopter share (blank: implied by the journey).
        </p>
      ) : (
        <>
          <SheetGrid label="Existing customers" columns={columns} rows={rows}
            keyPastEnd={(n, colId) => (FIELDS.includes(colId as never) && count + n < DOCUMENT_LIMITS.baseCohorts ? baseKey(count + n, colId) : null)} />
          <GridProblems keys={keys} />
        </>
      )}
    </Section>
  );
}
