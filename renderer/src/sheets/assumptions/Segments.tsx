// Customer segments (spec §2.3, issue 24) on the Assumptions sheet: the segments
// with their share of new logos by year (the sum checked in every year), and the
// inputs a segment may change, the model's value beside one column per segment:
// blue where the segment overrides it, grey where it inherits (the model's value
// shown). Typing overrides, Delete inherits again; a table pasted from Excel
// (segment names down and inputs across, or the transpose) lands in one step.
// Every edit is an action of shared/document (segment-edits.ts). docs/segments.md.
import { useMemo, type ClipboardEvent } from 'react';
import { ACQUISITION_INPUTS, JOURNEY_INPUTS, LANE_FIELDS, laneFieldKey, percent, type InputSpec, type ModelInputs } from '@shared/index';
import { DOCUMENT_LIMITS, logoShareSums, modelYears, overriddenEverywhere, readSegmentTable, segmentOverrideProblem, segmentsOf, specFor } from '@shared/document/index';
import { Section } from '../../components/Section';
import { SheetGrid } from '../../grid/SheetGrid';
import { GridProblems } from '../../grid/GridProblems';
import type { GridCell, GridColumn, GridRow } from '../../grid/grid-types';
import { documentStore, useDocument } from '../../store/document-store';
import { setStatus } from '../../store/ui-store';
import { parseTsv } from '../../editing/paste-block';

const dispatch = documentStore.getState().dispatch;

/** Take a pasted block as a segment table when it reads as one; says what it did on the status line. */
function pasteSegmentTable(block: string[][], quiet: boolean): boolean {
  const read = readSegmentTable(documentStore.getState().inputs, block);
  if (!read.ok) {
    if (!quiet) setStatus(`Not pasted: ${read.message}`);
    return false;
  }
  dispatch({ type: 'pasteSegmentTable', block });
  const t = read.table;
  setStatus(`Pasted a segment table: ${t.names.length} segment${t.names.length === 1 ? '' : 's'} × ${t.keys.length} input${t.keys.length === 1 ? '' : 's'}`);
  return true;
}
/** In a grid, a block that is not a segment table pastes cell by cell, as anywhere else. */
const gridPaste = (block: string[][]) => pasteSegmentTable(block, true);

/** The inputs a segment may override, in the sheet's order (spec §2.3): acquisition, the journey, each lane's attach, ACV and margin. */
export function segmentInputs(m: ModelInputs): InputSpec[] {
  const lanes = m.lanes.flatMap((lane, i) => LANE_FIELDS.filter((f) => ['attachRate', 'acv', 'grossMargin'].includes(f.field)).map((f) => {
    const key = laneFieldKey(m, i, f.field);
    return { ...(specFor(m, key) ?? { key, kind: f.kind, group: 'Lanes' }), key, label: `${lane.name}: ${f.label}` } as InputSpec;
  }));
  return [...ACQUISITION_INPUTS, ...JOURNEY_INPUTS, ...lanes].filter((s) => segmentOverrideProblem(s.key) === null);
}

const SHARE_PREFIX = 'y';

function shareColumns(years: number): GridColumn[] {
  return [
    { id: 'name', header: 'Segment', width: 220 },
    ...Array.from({ length: years }, (_, y): GridColumn => ({ id: `${SHARE_PREFIX}${y}`, header: `Logos Y${y + 1}`, width: 76, align: 'right', headerTooltip: `share of year ${y + 1}'s new logos` })),
    { id: 'up', header: '', width: 32, minWidth: 32 },
    { id: 'down', header: '', width: 32, minWidth: 32 },
    { id: 'remove', header: '', width: 32, minWidth: 32 },
  ];
}

function shareRows(m: ModelInputs, years: number, sums: number[]): GridRow[] {
  const segments = segmentsOf(m);
  const rows: GridRow[] = segments.map((s, i) => {
    const cells: Record<string, GridCell> = { name: { type: 'input', key: `segments.${s.id}.name` } };
    for (let y = 0; y < years; y++) cells[`${SHARE_PREFIX}${y}`] = { type: 'input', key: `segments.${s.id}.logoShare[${y}]` };
    cells.up = { type: 'button', text: '↑', ariaLabel: `Move segment ${s.name} up`, disabled: i === 0, onClick: () => dispatch({ type: 'moveSegment', id: s.id, to: i - 1 }) };
    cells.down = { type: 'button', text: '↓', ariaLabel: `Move segment ${s.name} down`, disabled: i === segments.length - 1, onClick: () => dispatch({ type: 'moveSegment', id: s.id, to: i + 1 }) };
    cells.remove = { type: 'button', text: '×', ariaLabel: `Remove segment ${s.name}`, onClick: () => dispatch({ type: 'removeSegment', id: s.id }) };
    return { id: `segment-${s.id}`, cells };
  });
  const total: Record<string, GridCell> = { name: { type: 'label', text: 'Sum (100% each year)' }, up: { type: 'label', text: '' }, down: { type: 'label', text: '' }, remove: { type: 'label', text: '' } };
  for (let y = 0; y < years; y++) total[`${SHARE_PREFIX}${y}`] = { type: 'value', value: sums[y] ?? null, format: 'percent', figureKey: `segments.logoShareSum[${y}]`, label: `Sum of shares, year ${y + 1}` };
  rows.push({ id: 'segment-sum', style: 'total', cells: total });
  return rows;
}

function overrideColumns(m: ModelInputs): GridColumn[] {
  return [
    { id: 'label', header: 'Input', width: 300, pinned: 'left' },
    { id: 'model', header: 'Model', width: 130, align: 'right', headerTooltip: "the model's value: every segment that does not override it inherits it" },
    ...segmentsOf(m).map((s): GridColumn => ({ id: `seg-${s.id}`, header: s.name, width: 130, align: 'right', headerTooltip: `${s.name}: blue overrides the model, grey inherits it (Delete returns to the model's)` })),
    { id: 'note', header: '', width: 230, wrap: true },
  ];
}

function overrideRows(m: ModelInputs): GridRow[] {
  const segments = segmentsOf(m);
  return segmentInputs(m).map((spec) => {
    const cells: Record<string, GridCell> = { label: { type: 'label', text: spec.label }, model: { type: 'input', key: spec.key } };
    for (const s of segments) cells[`seg-${s.id}`] = { type: 'input', key: `segments.${s.id}.${spec.key}` };
    // spec §2.3: the model's value reaches only the segments that do not override it
    cells.note = { type: 'label', text: overriddenEverywhere(m, spec.key) ? "every segment overrides it: the model's value changes nothing" : '' };
    return { id: `override-${spec.key}`, cells };
  });
}

/** Pasting where no table has a cell selected: the whole block is a segment table. */
function onPasteTarget(e: ClipboardEvent<HTMLDivElement>) {
  const text = e.clipboardData.getData('text/plain');
  if (!text) return;
  e.preventDefault();
  pasteSegmentTable(parseTsv(text), false);
}

export function Segments() {
  const inputs = useDocument((s) => s.inputs);
  const segments = segmentsOf(inputs);
  const years = modelYears(inputs);
  const sums = logoShareSums(inputs);
  const shape = `${years}|${segments.map((s) => `${s.id}\u0000${s.name}`).join('\u0001')}|${inputs.lanes.map((l) => `${l.id}\u0000${l.name}`).join('\u0001')}`;
  const sumKey = sums.join();
  const shares = useMemo(() => shareRows(inputs, years, sums), [shape, sumKey]);
  const shareCols = useMemo(() => shareColumns(years), [years]);
  const everywhere = segmentInputs(inputs).filter((spec) => overriddenEverywhere(inputs, spec.key)).map((spec) => spec.key).join();
  const overrides = useMemo(() => overrideRows(inputs), [shape, everywhere]);
  const overrideCols = useMemo(() => overrideColumns(inputs), [shape]);
  const off = sums.map((x, y) => ({ x, y })).filter(({ x }) => Math.abs(x - 1) > 1e-9);
  const keys = segments.flatMap((s) => [`segments.${s.id}.name`, ...Array.from({ length: years }, (_, y) => `segments.${s.id}.logoShare[${y}]`)]);
  const overrideKeys = segments.flatMap((s) => segmentInputs(inputs).map((spec) => `segments.${s.id}.${spec.key}`));

  return (
    <Section
      title="Segments"
      className="segments-section"
      note={segments.length === 0 ? 'none: the model is one segment' : `${segments.length} of ${DOCUMENT_LIMITS.segments}; the company is their sum`}
      actions={<button type="button" className="btn" onClick={() => dispatch({ type: 'addSegment' })} disabled={segments.length >= DOCUMENT_LIMITS.segments}>+ Add segment</button>}
    >
      <div className="segment-paste" tabIndex={0} role="button" aria-label="Paste a segment table" data-key="segments.paste" onPaste={onPasteTarget}>
        Paste a segment table from Excel here (click, then Ctrl+V): segment names down and inputs across, as labelled on this sheet, or the transpose.
      </div>
      {segments.length > 0 ? (
        <>
          <SheetGrid label="Segments and their share of new logos" columns={shareCols} rows={shares} pasteBlock={gridPaste} fit />
          {off.length > 0 ? (
            <ul className="grid-problems">
              {off.map(({ x, y }) => (
                <li key={y} role="alert" data-problem-for={`segments.logoShare[${y}]`}>
                  <strong>Year {y + 1}:</strong> the segments&rsquo; shares of new logos add up to {percent(x)}, not 100%; the figures wait until they do.
                </li>
              ))}
            </ul>
          ) : null}
          <GridProblems keys={keys} />
          <SheetGrid label="Segment inputs" columns={overrideCols} rows={overrides} pasteBlock={gridPaste} fit />
          <GridProblems keys={overrideKeys} />
        </>
      ) : null}
    </Section>
  );
}
