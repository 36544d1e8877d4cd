// How an input's value is shown in its cell and put in the editor. Figures
// (computed values) are formatted by the one shared formatter,
// shared/report/format.ts, which this builds on.
import type { InputKind } from '@shared/index';
import { DASH, moneyExact, percent } from '@shared/index';
import { optionLabel } from '@shared/index';

// Built once: toLocaleString with options makes a new formatter on every cell.
const UP_TO_TWO_DECIMALS = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** How an input's current value is shown in its cell. */
export function formatInput(kind: InputKind, value: unknown, currency = 'USD'): string {
  // a choice shows in words ("First value"), never as its identifier
  if (typeof value === 'string') return kind === 'enum' ? optionLabel(value) : value;
  if (Array.isArray(value)) return formatRamp(kind, value, currency);
  if (typeof value !== 'number') return DASH;
  switch (kind) {
    case 'rate': {
      // 85.0%, but 2.25% keeps its second decimal so the cell shows what drives the model
      const tenths = value * 1000;
      return percent(value, Math.abs(tenths - Math.round(tenths)) < 1e-6 ? 1 : 2);
    }
    case 'money': return moneyExact(value, currency);
    case 'count': {
      // new logos may be fractional (expected values): up to two decimals
      const s = UP_TO_TWO_DECIMALS.format(Math.abs(value));
      return value < 0 && s !== '0' ? `(${s})` : s;
    }
    default: return String(value);
  }
}

/** What F2 puts in the editor: the value as the user would type it (85%, 65000). */
export function editText(kind: InputKind, value: unknown): string {
  if (typeof value === 'string') return kind === 'enum' ? optionLabel(value) : value;
  if (Array.isArray(value)) return value.map((v) => editText(kind, v)).join(' → ');
  if (typeof value !== 'number') return '';
  if (kind === 'rate') return `${Number.parseFloat((value * 100).toPrecision(12))}%`;
  return String(value);
}

/**
 * A list of yearly values collapsed into one cell: `85.0% → 90.0%`. A value
 * repeated in the next year is shown once (90% → 95% → 95% reads 90% → 95%).
 */
export function formatRamp(kind: InputKind, values: readonly unknown[], currency = 'USD'): string {
  const shown = values.filter((v, i) => i === 0 || v !== values[i - 1]);
  // whole percentages read as the issue writes them, 85% → 90%; otherwise as the single cell shows them
  const whole = kind === 'rate' && shown.every((v) => typeof v === 'number' && Math.abs(v * 100 - Math.round(v * 100)) < 1e-9);
  return shown.map((v) => (whole ? percent(v as number, 0) : formatInput(kind, v, currency))).join(' → ');
}
