// Instants of a billing export (spec §9.1): `YYYY-MM-DD` (00:00 UTC) or an ISO
// timestamp, every instant in UTC, as milliseconds since 1970. Months are
// §9's month index (year × 12 + month − 1).
import type { MonthIndex } from '../values';

export const DAY_MS = 86_400_000;

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** An instant, or null when the text is not a date this reader knows. */
export function parseInstant(text: string): number | null {
  const m = ISO.exec(text.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo - 1)) return null;
  const h = Number(m[4] ?? 0), mi = Number(m[5] ?? 0), s = Number(m[6] ?? 0);
  if (h > 23 || mi > 59 || s > 59) return null;
  const ms = m[7] ? Math.round(Number(m[7]) * 1000) : 0;
  let t = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  const zone = m[8];
  if (zone && zone !== 'Z') {
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    t -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  }
  return t;
}

export const daysInMonth = (year: number, month0: number) => new Date(Date.UTC(year, month0 + 1, 0)).getUTCDate();

/** §9.1 rule 5: k months later (k may be negative), the day of the month kept and clamped to the month's last day. */
export function addMonths(t: number, k: number): number {
  const d = new Date(t);
  const total = d.getUTCFullYear() * 12 + d.getUTCMonth() + k;
  const y = Math.floor(total / 12), m0 = total - y * 12;
  const day = Math.min(d.getUTCDate(), daysInMonth(y, m0));
  return Date.UTC(y, m0, day, d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds());
}

/** "To within one day": at most 24 hours apart. */
export const withinOneDay = (a: number, b: number) => Math.abs(a - b) <= DAY_MS;

/** The month an instant falls in. */
export function monthOf(t: number): MonthIndex {
  const d = new Date(t);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}

/** The first instant of a month. */
export function monthStart(m: MonthIndex): number {
  const y = Math.floor(m / 12);
  return Date.UTC(y, m - y * 12, 1);
}
