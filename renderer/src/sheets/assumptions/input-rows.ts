// Rows of a key/value input table: label, value, and a note that shows the
// valid range, or the message of a rejected entry.
import { optionLabel, type InputSpec } from '@shared/index';
import type { GridColumn, GridRow } from '../../grid/grid-types';

export const KV_COLUMNS: GridColumn[] = [
  { id: 'label', header: 'Input', flex: 3, minWidth: 200 },
  { id: 'value', header: 'Value', width: 120, align: 'right' },
  { id: 'note', header: 'Range / note', flex: 2, minWidth: 150, wrap: true },
];

function rangeNote(s: InputSpec): string {
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  switch (s.kind) {
    case 'rate': return `${pct(s.min ?? 0)}–${pct(s.max ?? 1)}`;
    case 'money': return '≥ 0; 65k, 1.2m accepted';
    case 'count': return '≥ 0, fractions allowed';
    case 'months': return `${s.min}–${s.max} months`;
    case 'days': return `${s.min}–${s.max} days`;
    case 'integer': return `whole number ${s.min}–${s.max}`;
    case 'enum': return (s.options ?? []).map(optionLabel).join(' / ');
    case 'text': return s.minLength === s.maxLength ? `${s.maxLength} characters` : `up to ${s.maxLength} characters`;
    case 'yearMonth': return 'YYYY-MM';
  }
}

export function kvRows(specs: readonly InputSpec[]): GridRow[] {
  return specs.map((s) => ({
    id: s.key,
    cells: {
      label: { type: 'label', text: s.label, ...(s.help ? { help: s.help } : {}) },
      value: { type: 'input', key: s.key },
      note: { type: 'note', key: s.key, text: s.kind === 'enum' || !s.help ? rangeNote(s) : s.help },
    },
  }));
}
