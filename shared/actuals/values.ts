// The cells of an actuals file as the spec reads them (§9): months written
// YYYY-MM and amounts written as plain decimals. Amounts become exact integers
// at a decimal scale (123.45 at scale 2 is 12345), so three million of them fit
// in typed arrays without losing a cent and without a decimal.js object each.

/** Month index: year × 12 + (month − 1), so consecutive months differ by 1. */
export type MonthIndex = number;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function parseMonth(text: string): MonthIndex | null {
  const m = MONTH.exec(text);
  return m ? Number(m[1]) * 12 + Number(m[2]) - 1 : null;
}

export function monthText(i: MonthIndex): string {
  const y = Math.floor(i / 12);
  const m = i - y * 12 + 1;
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}`;
}

/**
 * A parsed amount: `units` × 10^−`places`. `units` is a number while it is a
 * safe integer and a bigint beyond (more than 15 significant digits).
 */
export interface Amount { units: number | bigint; places: number }

export type AmountError = 'empty' | 'negative' | 'notNumber';

const DIGIT_0 = 48;
const DOT = 46;

/**
 * Reads `123`, `123.45`, `.5` or `5.` (spaces around are ignored). No sign, no
 * exponent, no thousands separator, currency sign or decimal comma: a billing
 * export that writes those is refused rather than guessed at.
 */
export function parseAmount(raw: string): Amount | AmountError {
  const s = raw.trim();
  if (s === '') return 'empty';
  let units = 0;
  let places = 0;
  let digits = 0;
  let dot = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= DIGIT_0 && c <= DIGIT_0 + 9) {
      units = units * 10 + (c - DIGIT_0);
      if (dot) places++;
      if (units > 0 || digits > 0) digits++;
    } else if (c === DOT && !dot) dot = true;
    else return s[0] === '-' && parseAmount(s.slice(1)) !== 'notNumber' ? 'negative' : 'notNumber';
  }
  if (!dot ? s.length === 0 : s.length === 1) return 'notNumber';
  // Past 15 significant digits a double may round: redo the digits as a bigint.
  if (digits > 15) return { units: BigInt(s.replace('.', '') || '0'), places };
  return { units, places };
}

/** Amounts from a spreadsheet cell holding a number: its shortest decimal text. */
export function numberText(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const t = String(n);
  if (!/e/i.test(t)) return t;
  // 1e-7 or 1e+21: write it out without an exponent, exactly as the double prints.
  const [mant, expPart] = t.toLowerCase().split('e') as [string, string];
  const neg = mant.startsWith('-');
  const [i, f = ''] = mant.replace('-', '').split('.') as [string, string?];
  const exp = Number(expPart);
  const digits = i + f;
  const point = i.length + exp;
  const body = point <= 0 ? `0.${'0'.repeat(-point)}${digits}` : point >= digits.length ? digits + '0'.repeat(point - digits.length) : `${digits.slice(0, point)}.${digits.slice(point)}`;
  return (neg ? '-' : '') + body;
}
