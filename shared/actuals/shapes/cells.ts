// Cells of a billing export in its own shape (spec §9.1): signed amounts
// (credits are negative), dates, and the words a mapping matches.
import { D, type Dec } from '../../core/decimal';
import { parseAmount } from '../values';
import { parseInstant } from './dates';

export type Read<T> = { ok: true; value: T } | { ok: false; message: string };

const shown = (s: string) => JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s);

/** A §9 number with an optional leading minus; `-0` reads as 0. */
export function signedCell(text: string, what: string): Read<Dec> {
  const t = text.trim();
  const neg = t.startsWith('-');
  const a = parseAmount(neg ? t.slice(1) : t);
  if (a === 'empty') return { ok: false, message: `the ${what} is empty` };
  if (typeof a === 'string') return { ok: false, message: `${shown(t)} is not a number written with digits, an optional minus and an optional decimal point (no thousands separators, currency signs or decimal commas)` };
  const v = new D(neg ? t.slice(1) : t);
  return { ok: true, value: neg && !v.isZero() ? v.neg() : v };
}

export function instantCell(text: string, what: string): Read<number> {
  const t = parseInstant(text);
  return t === null ? { ok: false, message: `${shown(text.trim())} is not a ${what} written YYYY-MM-DD or as an ISO timestamp` } : { ok: true, value: t };
}

/** One of `words`, any case: the canonical word. */
export function wordOf<W extends string>(text: string, words: readonly W[]): W | undefined {
  const k = text.trim().toLowerCase();
  return words.find((w) => w.toLowerCase() === k);
}
