// How the board report writes figures: short, the way a board deck does ($6.5M,
// 104.2%, 2.1×). One formatter for the app, the chart images and the PDF, so the
// three never disagree. Undefined figures are "—" (spec §4).

export type FigureFormat = 'money' | 'percent' | 'points' | 'ratio' | 'months' | 'years' | 'count' | 'text';

const DASH = '—';

function currencySymbol(currency: string): string {
  switch (currency.toUpperCase()) {
    case 'USD': return '$';
    case 'EUR': return '€';
    case 'GBP': return '£';
    case 'JPY': return '¥';
    default: return `${currency.toUpperCase()} `;
  }
}

const fixed = (x: number, dp: number): string =>
  x.toLocaleString('en-US', { minimumFractionDigits: dp, maximumFractionDigits: dp });

/** "80.0" → "80", "2.50" → "2.5": a board deck writes $80K, not $80.0K. */
const trim = (s: string): string => (s.includes('.') ? s.replace(/\.?0+$/, '') : s);

/** $6.5M, $65K, $950 — compact money; negatives in parentheses as finance expects. */
export function money(x: number | null, currency = 'USD'): string {
  if (x === null || !Number.isFinite(x)) return DASH;
  const sym = currencySymbol(currency);
  const a = Math.abs(x);
  let body: string;
  if (a >= 1e9) body = `${fixed(a / 1e9, 2)}B`;
  else if (a >= 1e6) body = `${trim(fixed(a / 1e6, a >= 1e8 ? 0 : a >= 1e7 ? 1 : 2))}M`;
  else if (a >= 1e3) body = `${trim(fixed(a / 1e3, a >= 1e5 ? 0 : 1))}K`;
  else body = fixed(a, 0);
  const s = `${sym}${body}`;
  return x < 0 && /[1-9]/.test(body) ? `(${s})` : s;
}

/** 104.2% */
export function percent(x: number | null, dp = 1): string {
  if (x === null || !Number.isFinite(x)) return DASH;
  return `${fixed(x * 100, dp)}%`;
}

/** A change in a share, in points: +2.5 pts, −1.0 pts. */
export function points(x: number | null, dp = 1): string {
  if (x === null || !Number.isFinite(x)) return DASH;
  const v = fixed(Math.abs(x * 100), dp);
  return `${x < 0 && Number(v) !== 0 ? '−' : '+'}${v} pts`;
}

export function ratio(x: number | null): string {
  if (x === null || !Number.isFinite(x)) return DASH;
  return `${fixed(x, 2)}×`;
}

export function months(x: number | null): string {
  if (x === null || !Number.isFinite(x)) return DASH;
  return `${fixed(x, 1)} months`;
}

export function years(x: number | null): string {
  if (x === null || !Number.isFinite(x)) return DASH;
  return `${fixed(x, 1)} years`;
}

export function count(x: number | null): string {
  if (x === null || !Number.isFinite(x)) return DASH;
  return fixed(x, Number.isInteger(x) ? 0 : 1);
}

export function formatFigure(x: number | string | null, format: FigureFormat, currency = 'USD'): string {
  if (typeof x === 'string') return x;
  switch (format) {
    case 'money': return money(x, currency);
    case 'percent': return percent(x);
    case 'points': return points(x);
    case 'ratio': return ratio(x);
    case 'months': return months(x);
    case 'years': return years(x);
    case 'count': return count(x);
    case 'text': return x === null ? DASH : String(x);
  }
}

/** A delta to the base with its sign, in the figure's own terms (percent deltas are points). */
export function formatDelta(x: number | null, format: FigureFormat, currency = 'USD'): string {
  if (x === null || !Number.isFinite(x)) return DASH;
  if (format === 'percent' || format === 'points') return points(x);
  if (x === 0) return '±0';
  const body = formatFigure(Math.abs(x), format, currency);
  return `${x < 0 ? '−' : '+'}${body}`;
}
