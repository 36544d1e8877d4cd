// What a user types into an input cell, read the way a finance user means it.
// Pure: no DOM, unit-tested in tests/renderer/editing/parse-entry.test.ts.
//
// Rates: a whole number is percentage points (85 → 85%), a number with a decimal
// point is a fraction (0.85 → 85%, 1.2 → 120%), and a trailing % always means
// points (12.5% → 12.5%). So a mistyped "1.2" is read as 120% and the core rejects
// it at the cell ("must be between 0% and 100%, got 120%", issue #4), where
// Excel's automatic percent entry would silently take 1.2%.
// Money accepts a currency sign, thousands separators, k/m/bn suffixes and
// accounting parentheses for negatives: 65k, $65,000, 1.2m, (5,000).
import type { InputKind } from '../../../shared/index';
import { optionWords } from '../../../shared/index';

export type Entry = { ok: true; value: string | number } | { ok: false; message: string };

export interface EntrySpec {
  kind: InputKind;
  options?: readonly string[];
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

export function parseRate(text: string): Entry {
  const s = text.trim();
  if (s === '') return { ok: false, message: 'enter a percentage, e.g. 85%' };
  const percent = s.endsWith('%');
  const x = plainNumber(percent ? s.slice(0, -1) : s);
  if (x === null) return { ok: false, message: `"${s}" is not a percentage (try 85%, 85 or 0.85)` };
  const decimal = /[.]/.test(s) || /e/i.test(s);
  const fraction = percent || !decimal ? x / 100 : x;
  return { ok: true, value: tidy(fraction) };
}

export function parseMoney(text: string): Entry {
  if (/\d[\s\u00a0]+\d/.test(text)) return { ok: false, message: `"${text.trim()}" is not an amount (try 65k, $65,000 or 1.2m)` };
  let s = text.trim().replace(/[\s\u00a0]/g, '');
  if (s === '') return { ok: false, message: 'enter an amount, e.g. 65k or $65,000' };
  let negative = false;
  if (/^\(.*\)$/.test(s)) { negative = true; s = s.slice(1, -1); }
  if (s.startsWith('-') || s.startsWith('\u2212')) { negative = !negative; s = s.slice(1); }
  s = s.replace(/^(US\$|\$|€|£|¥|[A-Z]{3})/i, '');
  const m = /^(.*?)(k|mm|m|bn|b)?$/i.exec(s)!;
  const x = plainNumber(m[1]!);
  if (x === null || m[1] === '') return { ok: false, message: `"${text.trim()}" is not an amount (try 65k, $65,000 or 1.2m)` };
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
  const hit = options.find((o) => norm(o) === norm(s));
  return hit ? { ok: true, value: hit } : { ok: false, message: `must be one of ${options.map(optionWords).join(', ')}, got "${s}"` };
}

/** Parse one typed entry for an input of the given kind; range checks are the core's job. */
export function parseEntry(spec: EntrySpec, text: string): Entry {
  switch (spec.kind) {
    case 'rate': return parseRate(text);
    case 'money': return parseMoney(text);
    case 'count': return parseCount(text);
    case 'months': return parseWhole(text, 'months');
    case 'days': return parseWhole(text, 'days');
    case 'integer': return parseWhole(text, 'units');
    case 'yearMonth': return parseYearMonth(text);
    case 'enum': return parseOption(text, spec.options ?? []);
    case 'text': return { ok: true, value: text.trim() };
  }
}
