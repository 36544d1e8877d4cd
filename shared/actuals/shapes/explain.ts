// The customer drill-down (issue 20): one customer's lines of the export beside
// its monthly MRR, and why each month is what it is. The customer's lines are
// taken from the file's text again and converted alone, with what the whole
// file decided (its last month, its one currency), so each month here is the
// month the import gave; each line says what it did (left out and why, or its
// monthly rate over which months).
import { D, ZERO, type Dec } from '../../core/decimal';
import { readTable } from '../../tables/read-table';
import { monthText, type MonthIndex } from '../values';
import { convertLines, type LineTrace } from './lines';
import { SHAPE_FIELDS, type Mapping } from './mapping';
import { monthHeader, shapeTable } from './convert';
import type { Converted, LeftOut } from './convert-types';

export type MonthChange = 'new' | 'expansion' | 'contraction' | 'churn' | 'reactivation' | 'same';

export interface DrillLine {
  line: number;
  /** the mapped fields with a value on this line, in the shape's order */
  cells: [field: string, header: string, text: string][];
  /** what the line did, in words */
  effect: string;
  used: boolean;
}

export interface DrillMonth { month: string; mrr: string; change: MonthChange; why: string }

export interface CustomerDrill {
  customer: string;
  shape: Mapping['shape'];
  currency: string;
  lines: DrillLine[];
  /** lines past the ones listed */
  moreLines: number;
  months: DrillMonth[];
}

/** Lines listed at most; the months always come from all of them. */
export const DRILL_LINES = 500;

export const LEFT_OUT_WORDS: Readonly<Record<LeftOut, string>> = {
  oneTime: 'one-time charge', tax: 'tax line', void: 'void, draft or unpaid invoice', usage: 'usage (metered) line',
  noPeriod: 'no service period', afterLastMonth: 'starts after the last month', refunded: 'invoice refunded in full',
};

/**
 * The header and the physical lines of `text` that mention `customer`, each with
 * its line number (a row of the file starts on its line; billing exports keep a
 * row on one line).
 */
function linesMentioning(text: string, customer: string): { sub: string; lineOf: number[] } {
  const nl = text.indexOf('\n');
  const header = nl < 0 ? text : text.slice(0, nl);
  const kept: string[] = [header];
  const lineOf: number[] = [];
  let line = 2, counted = nl + 1; // line number of the position `counted`
  let at = text.indexOf(customer, nl + 1);
  while (nl >= 0 && at >= 0) {
    const start = text.lastIndexOf('\n', at) + 1;
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    for (let i = text.indexOf('\n', counted); i >= 0 && i < start; i = text.indexOf('\n', i + 1)) line++;
    counted = start;
    kept.push(text.slice(start, end).replace(/\r$/, ''));
    lineOf.push(line);
    at = text.indexOf(customer, end + 1);
  }
  return { sub: kept.join('\n'), lineOf };
}

const cents = (x: Dec) => x.toDecimalPlaces(2, D.ROUND_HALF_UP);
const amount = (x: Dec, currency: string) => `${currency} ${cents(x).toFixed(2)}`;

/** A §9 month change, as the bridge names it. */
function changeOf(before: Dec | null, now: Dec, seenBefore: boolean): MonthChange {
  const was = before ?? ZERO;
  if (was.isZero() && now.gt(0)) return seenBefore ? 'reactivation' : 'new';
  if (was.gt(0) && now.isZero()) return 'churn';
  if (now.gt(was)) return 'expansion';
  if (now.lt(was)) return 'contraction';
  return 'same';
}

/**
 * One customer of a converted export. `converted` is the whole file's
 * conversion (its last month and currency are kept); `text` the file.
 */
export function explainCustomer(text: string, mapping: Mapping, converted: Pick<Converted, 'lastMonth' | 'fileCurrency'>, customer: string): CustomerDrill | null {
  const { sub, lineOf } = linesMentioning(text, customer);
  const required = SHAPE_FIELDS[mapping.shape].required.map((f) => mapping.fields[f] ?? f);
  const read = readTable(sub, required);
  if (!read.ok) return null;
  const original = (subLine: number) => lineOf[subLine - 2] ?? subLine;
  const table = { header: read.table.header, rows: read.table.rows.map((r) => ({ line: original(r.line), cells: r.cells })) };
  const t = shapeTable(table, mapping);
  const o = mapping.options;
  const currency = o.currency;
  const fields = [...SHAPE_FIELDS[mapping.shape].required, ...SHAPE_FIELDS[mapping.shape].optional].filter((f) => mapping.shape === 'wide' ? f === 'customer' : true);
  const mine = t.rows.filter((r) => r.cell('customer') === customer);
  if (mine.length === 0) return null;

  const traces = new Map<number, LineTrace>();
  let byMonth = new Map<MonthIndex, Dec>();
  let first: MonthIndex | null = null;
  let last: MonthIndex | null = converted.lastMonth;
  if (mapping.shape === 'lines' || mapping.shape === 'subscriptions') {
    const through = last === null ? o.through : monthText(last);
    const out = convertLines({ column: t.column, rows: mine }, { ...o, ...(through ? { through } : {}) }, mapping.shape === 'subscriptions', { trace: (x) => traces.set(x.line, x), fileCurrency: converted.fileCurrency });
    if ('problems' in out) return null;
    for (const r of out.rows) { byMonth.set(r.month, r.mrr); first = first === null ? r.month : Math.min(first, r.month); last = last === null ? r.month : Math.max(last, r.month); }
  } else {
    byMonth = monthsOfTable(mapping, table.header, mine);
    for (const m of byMonth.keys()) { first = first === null ? m : Math.min(first, m); last = last === null ? m : Math.max(last, m); }
  }

  const describe = (line: number): string => {
    const tr = traces.get(line);
    if (mapping.shape === 'long' || mapping.shape === 'wide') return 'read as it is';
    if (!tr) return 'not read';
    if (tr.outcome === 'zero') return 'used: 0 (a trial or a free period adds nothing)';
    if (tr.outcome !== 'used') return `left out: ${LEFT_OUT_WORDS[tr.outcome]}`;
    const fx = tr.currency === currency ? '' : ` (${tr.currency} at ${tr.fx.toString()})`;
    const span = tr.to < tr.from ? 'in force at no month end' : tr.from === tr.to ? monthText(tr.from) : `${monthText(tr.from)} to ${monthText(tr.to)}`;
    return `used: ${amount(tr.rate, currency)} a month${fx}, ${span}`;
  };
  const lines: DrillLine[] = mine.slice(0, DRILL_LINES).map((r) => ({
    line: r.line,
    cells: fields.filter((f) => r.cell(f) !== '').map((f): [string, string, string] => [f, r.column(f), r.cell(f)]),
    effect: describe(r.line),
    used: mapping.shape === 'long' || mapping.shape === 'wide' || traces.get(r.line)?.outcome === 'used',
  }));

  const months: DrillMonth[] = [];
  if (first !== null && last !== null) {
    const used = [...traces.values()].filter((x): x is Extract<LineTrace, { outcome: 'used' }> => x.outcome === 'used' && x.to >= x.from);
    let before: Dec | null = null;
    let seen = false;
    for (let m = first; m <= last; m++) {
      const now = byMonth.get(m) ?? ZERO;
      const change = changeOf(before, now, seen);
      months.push({ month: monthText(m), mrr: now.toFixed(2), change, why: whyOf(m, change, before ?? ZERO, now, used, mapping, mine.length, currency, o.snapshot) });
      if (now.gt(0)) seen = true;
      before = now;
    }
  }
  return { customer, shape: mapping.shape, currency, lines, moreLines: Math.max(0, mine.length - DRILL_LINES), months };
}

/** long and wide: the customer's rows as months (ARR read as 12 × MRR, duplicates added). */
function monthsOfTable(mapping: Mapping, header: string[], rows: ReturnType<typeof shapeTable>['rows']): Map<MonthIndex, Dec> {
  const out = new Map<MonthIndex, Dec>();
  const add = (m: MonthIndex, text: string) => {
    const t = text.trim();
    if (t === '' || !/^-?\d*\.?\d+$/.test(t)) return;
    const v = t.startsWith('-') ? ZERO : new D(t);
    out.set(m, (out.get(m) ?? ZERO).add(mapping.options.amounts === 'arr' ? v.div(12) : v));
  };
  for (const r of rows) {
    if (mapping.shape === 'long') {
      const mm = monthHeader(r.cell('month'));
      if (mm !== null) add(mm, r.cell('amount'));
    } else {
      header.forEach((h) => { const mm = monthHeader(h); if (mm !== null && h !== r.column('customer')) add(mm, r.cell(h)); });
    }
  }
  for (const [m, v] of out) out.set(m, cents(v));
  return out;
}

function whyOf(m: MonthIndex, change: MonthChange, before: Dec, now: Dec, used: Extract<LineTrace, { outcome: 'used' }>[], mapping: Mapping, rowCount: number, currency: string, snapshot: 'end' | 'start'): string {
  const at = snapshot === 'end' ? 'the month end' : 'the month start';
  if (mapping.shape === 'long' || mapping.shape === 'wide') {
    if (change === 'same') return now.isZero() ? 'no amount for this month: read as 0' : 'the same amount as the month before';
    const delta = now.sub(before);
    return `${change}: the export gives ${amount(now, currency)} (${delta.gte(0) ? '+' : '−'}${cents(delta.abs()).toFixed(2)} on the month before)`;
  }
  const inForce = used.filter((x) => x.from <= m && m <= x.to);
  const started = inForce.filter((x) => x.from === m);
  const ended = used.filter((x) => x.to === m - 1);
  const list = (xs: typeof used) => xs.map((x) => `line ${x.line} (${x.rate.gte(0) ? '' : '−'}${cents(x.rate.abs()).toFixed(2)} a month)`).join(', ');
  const parts: string[] = [];
  if (started.length) parts.push(`${list(started)} ${started.length === 1 ? 'starts' : 'start'}`);
  if (ended.length) parts.push(`${list(ended)} ${ended.length === 1 ? 'ended' : 'ended'} by ${at} before`);
  const delta = now.sub(before);
  const moved = `${delta.gte(0) ? '+' : '−'}${cents(delta.abs()).toFixed(2)}`;
  switch (change) {
    case 'churn': return `churn: no line is in force at ${at}${ended.length ? ` (${list(ended)} ended)` : ''}; MRR falls from ${cents(before).toFixed(2)} to 0`;
    case 'new': return `new: the first month in force at ${at}: ${list(inForce)}`;
    case 'reactivation': return `reactivation: in force again at ${at}: ${list(inForce)}`;
    case 'expansion': case 'contraction': return `${change} ${moved}: ${parts.join('; ') || 'the lines in force changed'}`;
    default: return now.isZero() ? (rowCount ? `no line in force at ${at}` : 'no lines') : `in force at ${at}: ${list(inForce)}`;
  }
}
