// The cells of an actuals file as the spec reads them (§9): months written
// YYYY-MM and amounts written as plain decimals. Amounts become exact integers
// at a decimal scale (123.45 at scale 2 is 12345), so three million of them fit
// in typed arrays without losing a cent and without a decimal.js object each.

import { AMOUNT_DECIMALS, AMOUNT_DIGITS } from './limits';

/** Month index: year × 12 + (month − 1), so consecutive months differ by 1. */
export type MonthIndex = number;

/** YYYY-MM with MM 01–12, read by char codes: it runs three million times for a big export. */
export function parseMonth(text: string): MonthIndex | null {
  if (text.length !== 7 || text.charCodeAt(4) !== 45) return null;
  let y = 0;
  for (let i = 0; i < 4; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return null;
    y = y * 10 + d;
  }
  const m1 = text.charCodeAt(5) - 48, m2 = text.charCodeAt(6) - 48;
  if (m1 < 0 || m1 > 1 || m2 < 0 || m2 > 9) return null;
  const m = m1 * 10 + m2;
  return m >= 1 && m <= 12 ? y * 12 + m - 1 : null;
}

export function monthText(i: MonthIndex): string {
  const y = Math.floor(i / 12);
  const m = i - y * 12 + 1;
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}`;
}

/** A parsed amount: `units` × 10^−`places`, exact (at most 15 significant digits fit a double's integers). */
export interface Amount { units: number; places: number }

export type AmountError = 'empty' | 'negative' | 'notNumber' | 'tooManyDigits' | 'tooManyDecimals';

const DIGIT_0 = 48;
const DOT = 46;

/**
 * Reads `123`, `123.45`, `.5` or `5.` (spaces around are ignored) into `out`
 * (reused, so three million rows allocate nothing here). No sign, no exponent,
 * no thousands separator, currency sign or decimal comma: a billing export that
 * writes those is refused rather than guessed at. Significant digits count from
 * the first non-zero digit to the last digit written.
 */
export function readAmount(raw: string, out: Amount): AmountError | null {
  const s = needsTrim(raw) ? raw.trim() : raw;
  if (s === '') return 'empty';
  let units = 0;
  let places = 0;
  let digits = 0;
  let dot = false;
  let tooMany: AmountError | null = null;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= DIGIT_0 && c <= DIGIT_0 + 9) {
      if (tooMany) continue;
      units = units * 10 + (c - DIGIT_0);
      if (dot) places++;
      if (units > 0) digits++;
      if (places > AMOUNT_DECIMALS) tooMany = 'tooManyDecimals';
      else if (digits > AMOUNT_DIGITS) tooMany = 'tooManyDigits';
    } else if (c === DOT && !dot) dot = true;
    else {
      const rest = s[0] === '-' && i === 0 ? readAmount(s.slice(1), out) : 'notNumber';
      return rest === 'notNumber' || rest === 'empty' ? 'notNumber' : 'negative';
    }
  }
  if (dot && s.length === 1) return 'notNumber';
  if (tooMany) return tooMany;
  out.units = units;
  out.places = places;
  return null;
}

export function parseAmount(raw: string): Amount | AmountError {
  const out: Amount = { units: 0, places: 0 };
  return readAmount(raw, out) ?? out;
}

/** Whether a cell has spaces (or the \r of a CRLF line) around it: most cells do not. */
export const needsTrim = (s: string) => s.length > 0 && (s.charCodeAt(0) <= 32 || s.charCodeAt(s.length - 1) <= 32);

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
