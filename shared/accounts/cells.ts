// Cells of an accounts or pipeline file, read by §9's number rules and §12's
// word rules: a problem names what is wrong in words a user can fix.
import { D, type Dec } from '../core/decimal';
import { parseAmount } from '../actuals/values';

export type Cell<T> = { ok: true; value: T } | { ok: false; message: string };

const shown = (s: string) => JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s);

/** A number written with digits and an optional decimal point (§9), or why not. */
export function decimalCell(text: string, what: string): Cell<Dec> {
  const a = parseAmount(text);
  if (a === 'empty') return { ok: false, message: `the ${what} is empty` };
  if (a === 'negative') return { ok: false, message: `${shown(text)} is negative; ${what} must be 0 or more` };
  if (a === 'notNumber') return { ok: false, message: `${shown(text)} is not a number written with digits and an optional decimal point (no thousands separators, currency signs or decimal commas)` };
  // The text is digits with one optional point (checked above): decimal.js reads it exactly.
  return { ok: true, value: new D(text.trim()) };
}

/** One of `words` (any case, spaces around ignored): the canonical word, or the list of what is allowed. */
export function wordCell<W extends string>(text: string, words: readonly W[], what: string): Cell<W> {
  const key = text.trim().toLowerCase();
  const found = words.find((w) => w.toLowerCase() === key);
  return found ? { ok: true, value: found } : { ok: false, message: `${shown(text)} is not a ${what}; write one of ${words.join(', ')}` };
}

/**
 * A month as a CRM writes a close date: `YYYY-MM`, `YYYY-MM-DD`, or an ISO date
 * and time; the month is the one written (no time-zone shift). Returned as
 * year × 12 + month − 1.
 */
export function monthCell(text: string): Cell<number> {
  const m = /^(\d{4})-(0[1-9]|1[0-2])(?:-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)?$/.exec(text.trim());
  if (m) {
    const y = Number(m[1]), mo = Number(m[2]), day = m[3] === undefined ? 1 : Number(m[3]);
    const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
    if (day >= 1 && day <= days) return { ok: true, value: y * 12 + mo - 1 };
  }
  return { ok: false, message: text.trim() === '' ? 'the date is empty' : `${shown(text)} is not a date written YYYY-MM or YYYY-MM-DD` };
}
