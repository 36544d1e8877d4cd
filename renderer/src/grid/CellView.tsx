// What one grid cell shows. Input cells read their value (or the rejected entry)
// from the document store, so an edit repaints just the cells that changed; the
// cell element itself carries data-key and an accessible name (issue 4 §6).
import { useLayoutEffect } from 'react';
import type { CustomCellRendererProps } from 'ag-grid-react';
import { formatFigure, optionLabel } from '@shared/index';
import { formatInput } from '../format/format';
import { useDocument } from '../store/document-store';
import { rangeAt, readInput, segmentOverrides, specFor } from '@shared/document/index';
import { cellRangeText } from './range-text';
import { warningFor } from '../store/warnings';
import { overriddenBase, viewInputs } from '../store/view-inputs';
import type { GridCell, GridRow } from './grid-types';

function useCellAttributes(el: HTMLElement, attrs: Record<string, string | null>, classes: Record<string, boolean>) {
  useLayoutEffect(() => {
    for (const [k, v] of Object.entries(attrs)) {
      if (v === null) el.removeAttribute(k);
      else el.setAttribute(k, v);
    }
    for (const [c, on] of Object.entries(classes)) el.classList.toggle(c, on);
  });
}

function InputCell({ inputKey, el, placeholder }: { inputKey: string; el: HTMLElement; placeholder?: Extract<GridCell, { type: 'input' }>['placeholder'] }) {
  const value = useDocument((s) => readInput(viewInputs(s), inputKey));
  // A blank cell that stands for a computed value (the implied adopter share) shows it in grey.
  const implied = useDocument((s) => (placeholder && (value === null || value === undefined) ? placeholder(viewInputs(s)) : null));
  // Primitive selections: zustand re-renders on a new object, so none is built here.
  const overrideScenario = useDocument((s) => overriddenBase(s, inputKey)?.scenario);
  const overrideBaseValue = useDocument((s) => overriddenBase(s, inputKey)?.base);
  const pending = useDocument((s) => s.invalid[inputKey]);
  // a ranged cell (spec §11) keeps its value as the base case and is marked; its range is in the title and the editor
  const range = useDocument((s) => rangeAt(s.inputs, s.ranges, inputKey));
  // A segment's cell (spec §2.3): blue where it overrides the model, grey where it inherits the model's value.
  const segmentOwn = useDocument((s) => segmentOverrides(s.inputs, inputKey));
  const spec = useDocument((s) => specFor(s.inputs, inputKey));
  const currency = useDocument((s) => s.inputs.general.currency);
  const warning = useDocument((s) => (pending ? undefined : warningFor(viewInputs(s), inputKey)));
  const text = pending ? pending.text : implied ?? (spec?.kind === 'enum' && typeof value === 'string' ? optionLabel(value) : formatInput(spec?.kind ?? 'text', value, currency));
  const override = overrideScenario !== undefined;
  const baseNote = override ? `${overrideScenario} overrides this; base: ${formatInput(spec?.kind ?? 'text', overrideBaseValue, currency)}` : null;
  const negative = typeof value === 'number' && value < 0;
  const ranged = range && !pending ? cellRangeText(spec?.kind ?? 'rate', range) : null;
  const rangeNote = ranged ? `Range ${ranged} (${range?.mode === undefined ? 'uniform' : 'triangular'}); the figures use ${text}` : null;
  useCellAttributes(el, {
    'data-key': inputKey,
    'aria-label': `${spec?.label ?? inputKey}: ${text}${ranged ? `, range ${ranged}` : ''}${warning ? ` (${warning})` : ''}`,
    'data-range': ranged,
    'aria-invalid': pending ? 'true' : null,
    'data-warning': warning ?? null,
    'data-override': override ? 'true' : null,
    title: [pending ? `${text}: ${pending.message}` : warning, rangeNote, baseNote, !pending && Array.isArray(value) ? text : null].filter(Boolean).join('\n') || null,
    'data-segment': segmentOwn === null ? null : segmentOwn ? 'override' : 'inherited',
  }, { 'cell-ranged': !!ranged, 'cell-seg-override': segmentOwn === true, 'cell-seg-inherited': segmentOwn === false, 'cell-invalid': !!pending, 'cell-warning': !!warning, 'cell-override': override, 'cell-negative': negative, 'cell-implied': !pending && implied !== null });
  return <span className="cell-text">{pending ? <span aria-hidden="true" className="cell-flag">!</span> : warning ? <span aria-hidden="true" className="cell-flag cell-flag-warn" /> : null}{text}</span>;
}

function ValueCell({ cell, el }: { cell: Extract<GridCell, { type: 'value' }>; el: HTMLElement }) {
  const currency = useDocument((s) => s.inputs.general.currency);
  const text = formatFigure(cell.value, cell.format, currency);
  const negative = typeof cell.value === 'number' && cell.value < 0 && text.startsWith('(');
  useCellAttributes(el, {
    'data-key': cell.figureKey ?? null,
    'aria-label': cell.label ? `${cell.label}: ${text}` : null,
  }, { 'cell-negative': negative });
  return <span className="cell-text">{text}</span>;
}

function NoteCell({ cell }: { cell: Extract<GridCell, { type: 'note' }> }) {
  const pending = useDocument((s) => s.invalid[cell.key]);
  const warning = useDocument((s) => warningFor(viewInputs(s), cell.key));
  if (pending) return <span className="cell-problem" role="alert" data-problem-for={cell.key}>{pending.message}</span>;
  if (warning) return <span className="cell-warning-note" data-warning-for={cell.key}>{warning}</span>;
  return <span className="cell-note">{cell.text ?? ''}</span>;
}

/**
 * A list box whose choice is shown as text that wraps ("Embedded integration"
 * on two lines in a narrow column): a native select cannot wrap, so it lies
 * transparent over the text and still takes the click and the keys.
 */
function SelectCell({ cell }: { cell: Extract<GridCell, { type: 'select' }> }) {
  const value = useDocument((s) => cell.value(s.inputs));
  return (
    <span className="cell-select-box">
      <span className="cell-select-text" aria-hidden="true">{cell.options.find((o) => o.value === value)?.label ?? value}</span>
      <select className="cell-select-input" aria-label={cell.ariaLabel} data-key={cell.dataKey} value={value} onChange={(e) => cell.onChange(e.target.value)}
        // the grid must not take the keys a list box needs
        onKeyDown={(e) => e.stopPropagation()}>
        {cell.options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </span>
  );
}

export function CellView(p: CustomCellRendererProps<GridRow>) {
  const cell = p.data?.cells[p.column?.getColId() ?? ''];
  if (!cell) return null;
  switch (cell.type) {
    case 'input': return <InputCell inputKey={cell.key} el={p.eGridCell} placeholder={cell.placeholder} />;
    case 'select': return <SelectCell cell={cell} />;
    case 'value': return <ValueCell cell={cell} el={p.eGridCell} />;
    case 'label': return <span className="cell-text" title={cell.help}>{cell.text}</span>;
    case 'note': return <NoteCell cell={cell} />;
    case 'button': return <button type="button" className="cell-button" aria-label={cell.ariaLabel} title={cell.ariaLabel} disabled={cell.disabled} onClick={cell.onClick}>{cell.text}</button>;
  }
}
