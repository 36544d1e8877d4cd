// What a user types into an input cell, read the way a finance user means it.
// Pure: no DOM, unit-tested in tests/shared/document/entry.test.ts.
//
// Rates follow Excel (issue 11). Typed into a percent cell, Excel's automatic
// percent entry: a number of 1 or more is that many percent (77.5 → 77.5%,
// 4.5 → 4.5%, 1.2 → 1.2%), a number below 1 is a fraction (0.85 → 85%), and a
// trailing % is literal. Pasted, a number is the value itself (0.5 → 50%,
// 1 → 100%, 30 → 3000%) and `30%` is 30%, as Excel pastes into a percent cell.
// Money accepts a currency sign or code (only the model's own currency: €70k in
// a USD model is refused, never taken as dollars), thousands separators, k/m/bn
// suffixes and accounting parentheses for negatives: 65k, $65,000, 1.2m, (5,000).
import { optionLabel, type InputKind } from '../model/catalog';

export type Entry = { ok: true; value: string | number } | { ok: false; message: string };

export interface EntrySpec {
  kind: InputKind;
  options?: readonly string[];
}

/** How the text arrived: typed into the cell, or pasted (Excel reads the two differently). */
export type EntrySource = 'typed' | 'pasted';

export interface EntryContext {
  source?: EntrySource;
  /** the model's ISO currency code; money in another currency is refused */
  currency?: string;
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;
const SUFFIX: Record<string, number> = { k: 1e3, m: 1e6, mm: 1e6, b: 1e9, bn: 1e9 };

/** Round away binary noise from scaling (0.1 × 3 style), keeping 12 significant digits. */
const tidy = (x: number): number => Number.parseFloat(x.toPrecision(12));

/** A plain number with optional thousands separators, parentheses or a leading minus. */
function plainNumber(text: string): number | null {
  if (/\d[\s\u00a0]+\d/.test(text)) return null; // "8 5" is a typo, not 85
  let s = text.replace(/[\s\u00a0]/g, '');
  let negative = false;
  if (/^\(.*\)$/.test(s)) { negative = true; s = s.slice(1, -1); }
  if (s.startsWith('-') || s.startsWith('\u2212')) { negative = !negative; s = s.slice(1); }
  // Thousands separators only in the usual positions: 1,234,567.89
  if (s.includes(',')) {
    if (!/^\d{1,3}(,\d{3})+(\.\d*)?$/.test(s)) return null;
    s = s.replace(/,/g, '');
  }
  if (!NUMBER.test(s)) return null;
  const x = Number(s);
  return Number.isFinite(x) ? (negative ? -x : x) : null;
}

export function parseRate(text: string, source: EntrySource = 'typed'): Entry {
  const s = text.trim();
  if (s === '') return { ok: false, message: 'enter a percentage, e.g. 85%' };
  const percent = s.endsWith('%');
  const x = plainNumber(percent ? s.slice(0, -1) : s);
  if (x === null) return { ok: false, message: `"${s}" is not a percentage (try 85%, 85 or 0.85)` };
  if (percent) return { ok: true, value: tidy(x / 100) };
  if (source === 'pasted') return { ok: true, value: x };
  return { ok: true, value: Math.abs(x) >= 1 ? tidy(x / 100) : x };
}

/** Which currency a sign stands for; `$` is any dollar (USD, CAD, AUD, …). */
const SIGNS: Record<string, (code: string) => boolean> = {
  'US$': (c) => c === 'USD',
  $: (c) => /^(USD|CAD|AUD|NZD|SGD|HKD|MXN|TWD)$/.test(c),
  '€': (c) => c === 'EUR',
  '£': (c) => c === 'GBP',
  '¥': (c) => c === 'JPY' || c === 'CNY',
  '₹': (c) => c === 'INR',
};
const SIGN_NAME: Record<string, string> = { $: 'dollars', '€': 'EUR', '£': 'GBP', '¥': 'JPY', '₹': 'INR', 'US$': 'USD' };
const CURRENCY = /^(US\$|\$|€|£|¥|₹|[A-Z]{3}(?![a-z]))/i;
const CURRENCY_AFTER = /(US\$|\$|€|£|¥|₹|[A-Z]{3})$/i;

export function parseMoney(text: string, currency?: string): Entry {
  const shown = text.trim();
  const bad: Entry = { ok: false, message: `"${shown}" is not an amount (try 65k, $65,000 or 1.2m)` };
  if (/\d[\s\u00a0]+\d/.test(text)) return bad;
  let s = shown.replace(/[\s\u00a0]/g, '');
  if (s === '') return { ok: false, message: 'enter an amount, e.g. 65k or $65,000' };
  let negative = false;
  if (/^\(.*\)$/.test(s)) { negative = true; s = s.slice(1, -1); }
  if (s.startsWith('-') || s.startsWith('\u2212')) { negative = !negative; s = s.slice(1); }
  // A currency before the number ($65k, EUR 70k) or after it (70k €, 70,000 EUR).
  let sign = CURRENCY.exec(s)?.[1];
  if (sign) s = s.slice(sign.length);
  else if ((sign = CURRENCY_AFTER.exec(s)?.[1]) && !/^(k|mm|m|bn|b)$/i.test(sign)) s = s.slice(0, -sign.length);
  else sign = undefined;
  if (s.startsWith('-') || s.startsWith('\u2212')) { negative = !negative; s = s.slice(1); }
  const m = /^(.*?)(k|mm|m|bn|b)?$/i.exec(s)!;
  const x = plainNumber(m[1]!);
  if (x === null || m[1] === '') return bad;
  if (sign && currency) {
    const code = currency.toUpperCase();
    const key = sign.toUpperCase();
    const matches = SIGNS[key] ? SIGNS[key](code) : key === code;
    if (!matches) {
      const named = SIGN_NAME[key] ?? key;
      return { ok: false, message: `"${shown}" is in ${named}, but this model is in ${code}: enter the amount in ${code} (e.g. ${m[1]}${m[2] ?? ''})` };
    }
  }
  const scale = m[2] ? SUFFIX[m[2].toLowerCase()]! : 1;
  const value = tidy(x * scale);
  return { ok: true, value: negative ? -value : value };
}

function parseCount(text: string): Entry {
  const r = parseMoney(text);
  if (!r.ok) return { ok: false, message: `"${text.trim()}" is not a number` };
  return r;
}

function parseWhole(text: string, what: string): Entry {
  const x = plainNumber(text.trim());
  if (x === null) return { ok: false, message: `"${text.trim()}" is not a number of ${what}` };
  return { ok: true, value: x };
}

function parseYearMonth(text: string): Entry {
  const s = text.trim();
  const bad: Entry = { ok: false, message: `"${s}" is not a month (use YYYY-MM, e.g. 2026-01)` };
  // 2026-01, 2026/1 or 01/2026
  const ym = /^(\d{4})[-/.](\d{1,2})$/.exec(s);
  const my = /^(\d{1,2})[-/.](\d{4})$/.exec(s);
  const year = ym?.[1] ?? my?.[2];
  const month = Number(ym?.[2] ?? my?.[1]);
  if (year === undefined || month < 1 || month > 12) return bad;
  return { ok: true, value: `${year}-${String(month).padStart(2, '0')}` };
}

function parseOption(text: string, options: readonly string[]): Entry {
  const s = text.trim();
  const norm = (x: string) => x.toLowerCase().replace(/[\s_-]/g, '');
  // the words a user reads ("Professional services") or the value itself ("services")
  const hit = options.find((o) => norm(optionLabel(o)) === norm(s)) ?? options.find((o) => norm(o) === norm(s));
  return hit ? { ok: true, value: hit } : { ok: false, message: `must be one of ${options.map(optionLabel).join(', ')}, got "${s}"` };
}

/** Parse one typed entry for an input of the given kind; range checks are the core's job. */
export function parseEntry(spec: EntrySpec, text: string, ctx: EntryContext = {}): Entry {
  switch (spec.kind) {
    case 'rate': return parseRate(text, ctx.source);
    case 'money': return parseMoney(text, ctx.currency);
    case 'count': return parseCount(text);
    case 'months': return parseWhole(text, 'months');
    case 'days': return parseWhole(text, 'days');
    case 'integer': return parseWhole(text, 'units');
    case 'yearMonth': return parseYearMonth(text);
    case 'enum': return parseOption(text, spec.options ?? []);
    case 'text': return { ok: true, value: text.trim() };
  }
}
