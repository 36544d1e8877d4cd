// How figures are shown, in one place: the grid, the KPI strip, the bowtie
// picture and the e2e tests (which format the core's own values with these
// functions) all agree. Negatives use accounting parentheses; the grid also
// colours them red. Missing figures (NRR with no opening ARR…) show an em dash.
import type { InputKind } from '../../../shared/index';

export const DASH = '—';

const wrap = (negative: boolean, s: string): string => (negative ? `(${s})` : s);

const numberFormats = new Map<string, Intl.NumberFormat>();
function nf(key: string, make: () => Intl.NumberFormat): Intl.NumberFormat {
  let f = numberFormats.get(key);
  if (!f) { f = make(); numberFormats.set(key, f); }
  return f;
}

/** The currency sign for an ISO code (display only: general.currency). */
export function currencySymbol(currency: string): string {
  try {
    const parts = nf(`sym:${currency}`, () => new Intl.NumberFormat('en-US', { style: 'currency', currency, currencyDisplay: 'narrowSymbol' })).formatToParts(0);
    return parts.find((p) => p.type === 'currency')?.value ?? `${currency} `;
  } catch {
    return `${currency} `;
  }
}

export function formatPercent(x: number | null | undefined, digits = 1): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return DASH;
  const f = nf(`pct:${digits}`, () => new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }));
  const s = f.format(Math.abs(x) * 100);
  // -0.0% is shown as 0.0%, not in parentheses
  return wrap(x < 0 && Number(s.replace(/,/g, '')) !== 0, `${s}%`);
}

export function formatMoney(x: number | null | undefined, currency = 'USD', digits = 0): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return DASH;
  const f = nf(`num:${digits}`, () => new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }));
  const s = f.format(Math.abs(x));
  return wrap(x < 0 && Number(s.replace(/,/g, '')) !== 0, `${currencySymbol(currency)}${s}`);
}

/** $6.77M, $650K: headline figures where the cents do not matter. */
export function formatMoneyShort(x: number | null | undefined, currency = 'USD'): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return DASH;
  const a = Math.abs(x);
  const [scaled, suffix] = a >= 1e9 ? [a / 1e9, 'B'] : a >= 1e6 ? [a / 1e6, 'M'] : a >= 1e3 ? [a / 1e3, 'K'] : [a, ''];
  const digits = suffix === '' ? 0 : scaled >= 100 ? 0 : scaled >= 10 ? 1 : 2;
  const f = nf(`short:${digits}`, () => new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }));
  return wrap(x < 0, `${currencySymbol(currency)}${f.format(scaled)}${suffix}`);
}

/** Customers are expected values, so fractions are real; one decimal when there is one. */
export function formatCount(x: number | null | undefined, digits = 1): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return DASH;
  const f = nf(`cnt:${digits}`, () => new Intl.NumberFormat('en-US', { maximumFractionDigits: digits }));
  const s = f.format(Math.abs(x));
  return wrap(x < 0 && s !== '0', s);
}

export function formatMultiple(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return DASH;
  return wrap(x < 0, `${Math.abs(x).toFixed(2)}×`);
}

export function formatMonths(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return DASH;
  return wrap(x < 0, `${Math.abs(x).toFixed(1)} mo`);
}

export function formatYears(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return DASH;
  return `${x.toFixed(2)} yrs`;
}

export type FigureFormat = 'money' | 'accounting' | 'moneyShort' | 'percent' | 'count' | 'multiple' | 'months' | 'years' | 'text';

/** Money as in a finance model's flow tables: an exact zero shows as a dash, like Excel's accounting format. */
export function formatAccounting(x: number | null | undefined, currency = 'USD'): string {
  return x === 0 ? '–' : formatMoney(x, currency);
}

export function formatFigure(x: number | string | null | undefined, format: FigureFormat, currency = 'USD'): string {
  if (typeof x === 'string') return x;
  switch (format) {
    case 'money': return formatMoney(x, currency);
    case 'accounting': return formatAccounting(x, currency);
    case 'moneyShort': return formatMoneyShort(x, currency);
    case 'percent': return formatPercent(x);
    case 'count': return formatCount(x);
    case 'multiple': return formatMultiple(x);
    case 'months': return formatMonths(x);
    case 'years': return formatYears(x);
    case 'text': return x === null || x === undefined ? DASH : String(x);
  }
}

/** How an input's current value is shown in its cell. */
export function formatInput(kind: InputKind, value: unknown, currency = 'USD'): string {
  if (typeof value === 'string') return value;
  if (typeof value !== 'number') return DASH;
  switch (kind) {
    case 'rate': {
      // 85.0%, but 2.25% keeps its second decimal so the cell shows what drives the model
      const tenths = value * 1000;
      return formatPercent(value, Math.abs(tenths - Math.round(tenths)) < 1e-6 ? 1 : 2);
    }
    case 'money': return formatMoney(value, currency);
    case 'count': return formatCount(value, 2);
    default: return String(value);
  }
}

/** What F2 puts in the editor: the value as the user would type it (85%, 65000). */
export function editText(kind: InputKind, value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value !== 'number') return '';
  if (kind === 'rate') return `${Number.parseFloat((value * 100).toPrecision(12))}%`;
  return String(value);
}
