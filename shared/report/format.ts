// The one figure formatter (issue 10 item 8, issue 12 item 6): the grid, the KPI
// strip, the bowtie picture, the board page, the charts, the PDF and the
// workbook's number formats all come from here, so no two places disagree.
//
// - money: three significant figures with a unit ($25.0M, $6.50M, $975K, $950);
// - moneyExact / accounting: whole currency units for flow tables ($6,774,500;
//   accounting shows an exact zero as a dash, like Excel's accounting format);
// - negatives in parentheses everywhere; a figure that rounds to zero never
//   carries a sign ("$0", not "−$0" or "($0)");
// - undefined figures (NRR with no opening ARR…) are an em dash.
//
// `excelNumberFormat` gives the workbook the number format that prints a value
// exactly as `formatFigure` does (checked through LibreOffice in the tests).

export type FigureFormat =
  | 'money' | 'moneyExact' | 'accounting'
  | 'percent' | 'points' | 'ratio' | 'months' | 'years' | 'count' | 'text';

export const DASH = '—';

const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** The currency sign for an ISO code (display only: general.currency). */
export function currencySymbol(currency: string): string {
  switch (currency.toUpperCase()) {
    case 'USD': return '$';
    case 'EUR': return '€';
    case 'GBP': return '£';
    case 'JPY': return '¥';
    default: return `${currency.toUpperCase()} `;
  }
}

// One Intl.NumberFormat per number of decimals: toLocaleString with options builds
// a new formatter on every call, which was a tenth of drawing a table of figures.
const formatters = new Map<number, Intl.NumberFormat>();
const fixed = (x: number, dp: number): string => {
  let f = formatters.get(dp);
  if (!f) formatters.set(dp, (f = new Intl.NumberFormat('en-US', { minimumFractionDigits: dp, maximumFractionDigits: dp, useGrouping: true })));
  return f.format(x);
};

/** "(s)" for a negative whose printed digits are not all zero; never a signed zero. */
const signed = (x: number, body: string): string => (x < 0 && /[1-9]/.test(body) ? `(${body})` : body);

/** How money is scaled to three significant figures: divisor, suffix and decimals. */
export function moneyScale(x: number): { divisor: number; suffix: '' | 'K' | 'M' | 'B'; decimals: number } {
  const a = Math.abs(x);
  if (a < 999.5) return { divisor: 1, suffix: '', decimals: 0 };
  const r = Number(a.toPrecision(3));
  const [divisor, suffix] = r >= 1e9 ? [1e9, 'B' as const] : r >= 1e6 ? [1e6, 'M' as const] : [1e3, 'K' as const];
  const scaled = r / divisor;
  return { divisor, suffix, decimals: scaled >= 100 ? 0 : scaled >= 10 ? 1 : 2 };
}

/** $25.0M, $6.50M, $975K, $65.0K, $950; ($2.31M) when negative. */
export function money(x: number | null | undefined, currency = 'USD'): string {
  if (!isNum(x)) return DASH;
  const { divisor, suffix, decimals } = moneyScale(x);
  return signed(x, `${currencySymbol(currency)}${fixed(Math.abs(x) / divisor, decimals)}${suffix}`);
}

/** $6,774,500; ($975,000) when negative. */
export function moneyExact(x: number | null | undefined, currency = 'USD'): string {
  if (!isNum(x)) return DASH;
  return signed(x, `${currencySymbol(currency)}${fixed(Math.abs(x), 0)}`);
}

/** Money in a flow table: an exact zero is a dash. */
export function accounting(x: number | null | undefined, currency = 'USD'): string {
  return x === 0 ? '–' : moneyExact(x, currency);
}

/** 104.2%; (2.0%) when negative. */
export function percent(x: number | null | undefined, dp = 1): string {
  if (!isNum(x)) return DASH;
  return signed(x, `${fixed(Math.abs(x) * 100, dp)}%`);
}

/** A change in a share, in percentage points, always signed: +2.5 pts; (1.0 pts) when negative. */
export function points(x: number | null | undefined, dp = 1): string {
  if (!isNum(x)) return DASH;
  const body = signed(x, `${fixed(Math.abs(x) * 100, dp)} pts`);
  return x > 0 && /[1-9]/.test(body) ? `+${body}` : body;
}

export function ratio(x: number | null | undefined): string {
  if (!isNum(x)) return DASH;
  return signed(x, `${fixed(Math.abs(x), 2)}×`);
}

export function months(x: number | null | undefined): string {
  if (!isNum(x)) return DASH;
  return signed(x, `${fixed(Math.abs(x), 1)} months`);
}

export function years(x: number | null | undefined): string {
  if (!isNum(x)) return DASH;
  return signed(x, `${fixed(Math.abs(x), 1)} years`);
}

/** Customers are expected values, so fractions are real: one decimal when there is one. */
export function count(x: number | null | undefined): string {
  if (!isNum(x)) return DASH;
  return signed(x, fixed(Math.abs(x), countDecimals(x)));
}

const countDecimals = (x: number): number => (Math.abs(Math.round(x * 10) / 10 - Math.round(x)) < 1e-9 ? 0 : 1);

export function formatFigure(x: number | string | null | undefined, format: FigureFormat, currency = 'USD'): string {
  if (typeof x === 'string') return x;
  switch (format) {
    case 'money': return money(x, currency);
    case 'moneyExact': return moneyExact(x, currency);
    case 'accounting': return accounting(x, currency);
    case 'percent': return percent(x);
    case 'points': return points(x);
    case 'ratio': return ratio(x);
    case 'months': return months(x);
    case 'years': return years(x);
    case 'count': return count(x);
    case 'text': return x === null || x === undefined ? DASH : String(x);
  }
}

/** A difference from the base, in the figure's own terms (a difference of shares is in points): +$2.00M, ($2.31M), +4.2 pts. */
export function formatDelta(x: number | null | undefined, format: FigureFormat, currency = 'USD'): string {
  if (!isNum(x)) return DASH;
  const f: FigureFormat = format === 'percent' ? 'points' : format;
  const body = formatFigure(x, f, currency);
  return x > 0 && /[1-9]/.test(body) && !body.startsWith('+') ? `+${body}` : body;
}

// ---- the workbook's number formats ---------------------------------------------------

const q = (s: string): string => `"${s.replace(/"/g, '""')}"`;
const digits = (dp: number): string => (dp > 0 ? `0.${'0'.repeat(dp)}` : '0');

/** pos;(neg);zero — or one section for all three when the value prints as zero (no signed zero). */
function sections(pos: string, zero = pos, plus = false): string {
  const p = plus ? `"+"${pos}` : pos;
  return `${p};(${pos});${zero}`;
}

/**
 * The Excel number format that prints `x` exactly as `formatFigure(x, format)`
 * does (`delta`: as `formatDelta`). Money's unit and decimals follow the value
 * written, so a workbook edited in Excel keeps the scale the file was saved with.
 * Points are written to the cell as percentage points (× 100): a number format
 * cannot scale by 100 without printing a % sign.
 */
export function excelNumberFormat(format: FigureFormat, x: number | null = null, currency = 'USD', delta = false): string {
  const sym = q(currencySymbol(currency));
  const v = isNum(x) ? x : null;
  const zeroText = (s: string): boolean => v !== null && !/[1-9]/.test(s);
  const f: FigureFormat = delta && format === 'percent' ? 'points' : format;
  switch (f) {
    case 'money': {
      const { divisor, suffix, decimals } = moneyScale(v ?? 0);
      const scale = divisor === 1e9 ? ',,,' : divisor === 1e6 ? ',,' : divisor === 1e3 ? ',' : '';
      const body = `${sym}#,##${digits(decimals)}${scale}${suffix ? q(suffix) : ''}`;
      const zero = `${sym}0`;
      if (zeroText(money(v))) return `${zero};${zero};${zero}`;
      return sections(body, zero, delta);
    }
    case 'moneyExact': case 'accounting': {
      const body = `${sym}#,##0`;
      const zero = f === 'accounting' && !delta ? q('–') : `${sym}0`;
      if (v !== 0 && zeroText(moneyExact(v))) return `${sym}0;${sym}0;${sym}0`;
      return sections(body, zero, delta);
    }
    case 'percent': {
      const body = '0.0%';
      if (zeroText(percent(v))) return `${body};${body};${body}`;
      return sections(body, body, delta);
    }
    case 'points': {
      // the cell holds points (4.2 for 4.2 pts)
      const body = `0.0${q(' pts')}`;
      if (zeroText(points(v === null ? null : v / 100))) return `${body};${body};${body}`;
      return sections(body, body, true);
    }
    case 'ratio': return unitSections(`0.00${q('×')}`, v, ratio(v), delta);
    case 'months': return unitSections(`0.0${q(' months')}`, v, months(v), delta);
    case 'years': return unitSections(`0.0${q(' years')}`, v, years(v), delta);
    case 'count': {
      const body = `#,##${digits(v === null ? 1 : countDecimals(v))}`;
      return unitSections(body, v, count(v), delta);
    }
    case 'text': return 'General';
  }
}

function unitSections(body: string, v: number | null, printed: string, delta: boolean): string {
  if (v !== null && !/[1-9]/.test(printed)) return `${body};${body};${body}`;
  return sections(body, body, delta);
}
