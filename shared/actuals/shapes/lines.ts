// Invoice line items and subscription lists to monthly MRR (spec §9.1 (c), (d),
// rules 1–11): each used line's monthly rate, in force at each month's snapshot,
// summed exactly per customer and month, then rounded once to cents.
import { D, ZERO, type Dec } from '../../core/decimal';
import type { MonthIndex } from '../values';
import { addMonths, DAY_MS, monthOf, monthStart, withinOneDay } from './dates';
import { instantCell, signedCell, wordOf, type Read } from './cells';
import type { Converted, LeftOut, ShapeProblem, ShapeTable } from './convert-types';
import { INTERVALS, LINE_KINDS as KINDS, type ConvertOptions } from './mapping';
type Interval = (typeof INTERVALS)[number];
type Kind = (typeof KINDS)[number];
/** Rule 4: an interval in months. */
const MONTHS_OF: Readonly<Record<Interval, Dec>> = { day: new D(12).div(365), week: new D(12).div(52), month: new D(1), quarter: new D(3), year: new D(12) };
/** Rule 4: the whole numbers of months a line's own length is tested against. */
const WHOLE_MONTHS = [1, 2, 3, 6, 12, 24, 36];
const EXCLUDED_STATUS = ['void', 'draft', 'uncollectible', 'written_off'];

interface Line {
  line: number;
  customer: string;
  start: number | null;
  end: number | null;
  amount: Dec;
  discount: Dec;
  tax: Dec;
  currency: string | null;
  interval: { months: Dec; whole: number | null; always: boolean } | null;
  kind: Kind;
  subscription: string | null;
  invoice: string | null;
  invoiceDate: number | null;
  status: string | null;
  refunded: Dec | null;
  amountPaid: Dec | null;
  cancelledAt: number | null;
}

/**
 * Reads the table's lines by the mapping's fields. `subscriptions` (shape d):
 * each row is a recurring line over [start, end or cancelledAt), its amount per interval.
 */
function readLines(t: ShapeTable, o: ConvertOptions, subscriptions: boolean, problems: ShapeProblem[]): Line[] {
  const out: Line[] = [];
  // The file's own words first (the mapping's value maps), then §9.1's.
  const kindMap = new Map(Object.entries(o.values?.kind ?? {}).map(([w, k]) => [w.trim().toLowerCase(), k as Kind]));
  const intervalMap = new Map(Object.entries(o.values?.interval ?? {}).map(([w, k]) => [w.trim().toLowerCase(), k as Interval]));
  for (const { line, cell, column } of t.rows) {
    const bad = (field: string, message: string) => problems.push({ line, column: column(field), message });
    const take = <T>(field: string, r: Read<T>): T | null => (r.ok ? r.value : (bad(field, r.message), null));
    const opt = <T>(field: string, read: (s: string) => Read<T>): T | null => (cell(field) === '' ? null : take(field, read(cell(field))));
    const customer = cell('customer');
    if (customer === '') bad('customer', 'the customer is empty');
    const amount = take('amount', signedCell(cell('amount'), 'amount'));
    const discount = opt('discount', (s) => signedCell(s, 'discount')) ?? ZERO;
    const tax = opt('tax', (s) => signedCell(s, 'tax')) ?? ZERO;
    if (amount && !discount.isZero() && (amount.isNegative() ? discount.gt(0) : discount.lt(0)))
      bad('discount', `${discount.toString()} has the opposite sign of its amount ${amount.toString()}; a discount is 0 or negative on a credit, 0 or positive otherwise`);
    const start = opt(subscriptions ? 'start' : 'periodStart', (s) => instantCell(s, 'date'));
    let end = opt(subscriptions ? 'end' : 'periodEnd', (s) => instantCell(s, 'date'));
    const cancelledAt = opt('cancelledAt', (s) => instantCell(s, 'date'));
    if (subscriptions) {
      if (start === null && cell('start') === '') bad('start', 'the start date is empty');
      if (cancelledAt !== null && (end === null || cancelledAt < end)) end = cancelledAt;
    } else if (end !== null && o.endInclusive) end += DAY_MS;
    let interval: Line['interval'] = null;
    if (cell('interval') !== '') {
      const i = intervalMap.get(cell('interval').trim().toLowerCase()) ?? wordOf(cell('interval'), INTERVALS);
      const count = cell('intervalCount') === '' ? 1 : Number(cell('intervalCount'));
      if (!i) bad('interval', `${JSON.stringify(cell('interval'))} is not an interval; write one of ${INTERVALS.join(', ')} or map the file's word to one`);
      else if (!Number.isInteger(count) || count < 1 || count > 120) bad('intervalCount', `${JSON.stringify(cell('intervalCount'))} is not a whole number of intervals from 1 to 120`);
      else interval = { months: MONTHS_OF[i].mul(count), whole: i === 'day' || i === 'week' ? null : MONTHS_OF[i].toNumber() * count, always: i === 'day' || i === 'week' };
    } else if (subscriptions) bad('interval', 'the interval is empty; a subscription list needs each row\'s billing interval');
    let kind: Kind = start !== null && end !== null && end > start ? 'recurring' : 'oneTime';
    if (!subscriptions && cell('kind') !== '') {
      const k = kindMap.get(cell('kind').trim().toLowerCase()) ?? wordOf(cell('kind'), KINDS);
      if (!k) bad('kind', `${JSON.stringify(cell('kind'))} is not a line kind; write one of ${KINDS.join(', ')} or map the file's word to one`);
      else kind = k;
    }
    if (customer === '' || amount === null) continue;
    out.push({
      line, customer, start, end, amount, discount, tax,
      currency: cell('currency') === '' ? null : cell('currency').toUpperCase(),
      interval, kind: subscriptions ? 'recurring' : kind,
      subscription: cell('subscription') || null,
      invoice: cell('invoice') || null,
      invoiceDate: opt('invoiceDate', (s) => instantCell(s, 'date')),
      status: cell('invoiceStatus') === '' ? null : cell('invoiceStatus').toLowerCase(),
      refunded: opt('refunded', (s) => signedCell(s, 'refund')),
      amountPaid: opt('amountPaid', (s) => signedCell(s, 'amount paid')),
      cancelledAt,
    });
  }
  return out;
}

const hasPeriod = (l: Line): l is Line & { start: number; end: number } => l.start !== null && l.end !== null && l.end > l.start;

/** Rule 4's fallback: the whole number of months a line's own length is, to within one day. */
function wholeMonthsOf(l: Line): number | null {
  if (!hasPeriod(l)) return null;
  return WHOLE_MONTHS.find((k) => withinOneDay(addMonths(l.start, k), l.end)) ?? null;
}

/** What one line did (the customer drill-down): left out and why, or its monthly rate over months from…to. */
export type LineTrace =
  | { line: number; outcome: LeftOut | 'zero' }
  | { line: number; outcome: 'used'; rate: Dec; from: MonthIndex; to: MonthIndex; currency: string; fx: Dec };

/** For a part of a file (one customer's lines): what the whole file decided, and where each line's effect goes. */
export interface LinesContext { trace?: (t: LineTrace) => void; fileCurrency?: string | null }

export function convertLines(t: ShapeTable, o: ConvertOptions, subscriptions: boolean, ctx: LinesContext = {}): Converted | { problems: ShapeProblem[] } {
  const problems: ShapeProblem[] = [];
  const lines = readLines(t, o, subscriptions, problems);
  const trace = ctx.trace;
  const leftOut: Record<LeftOut, number> = { oneTime: 0, tax: 0, void: 0, usage: 0, noPeriod: 0, afterLastMonth: 0, refunded: 0 };
  const warnings: string[] = [];

  // Rule 7: a blank currency is the file's only one, or the reporting currency.
  const currencies = new Set(lines.map((l) => l.currency).filter((c): c is string => c !== null));
  const fileCurrency = ctx.fileCurrency !== undefined ? ctx.fileCurrency : currencies.size === 1 ? [...currencies][0]! : currencies.size === 0 ? o.currency : null;

  // Rule 9: invoices refunded in full.
  const dropped = new Set<string>();
  if (o.refunds === 'voidFull') {
    const byInvoice = new Map<string, { refunded: Dec | null; paid: Dec | null; net: Dec }>();
    for (const l of lines) {
      if (!l.invoice) continue;
      const inv = byInvoice.get(l.invoice) ?? { refunded: null, paid: null, net: ZERO };
      inv.refunded ??= l.refunded;
      inv.paid ??= l.amountPaid;
      inv.net = inv.net.add(l.amount.sub(l.discount));
      byInvoice.set(l.invoice, inv);
    }
    for (const [id, inv] of byInvoice) if (inv.refunded?.gt(0) && inv.refunded.gte(inv.paid ?? inv.net)) dropped.add(id);
  }

  // Rule 4: a line without an interval takes its subscription's.
  const subInterval = new Map<string, Line['interval']>();
  const subLength = new Map<string, number>();
  const subCancel = new Map<string, number>();
  for (const l of lines) {
    if (!l.subscription) continue;
    if (l.cancelledAt !== null && l.cancelledAt < (subCancel.get(l.subscription) ?? Infinity)) subCancel.set(l.subscription, l.cancelledAt);
    if (l.interval && !subInterval.has(l.subscription)) subInterval.set(l.subscription, l.interval);
    if (!subLength.has(l.subscription)) { const k = wholeMonthsOf(l); if (k !== null) subLength.set(l.subscription, k); }
  }

  // Rule 10: the last month.
  let last: MonthIndex;
  if (o.through) last = Number(o.through.slice(0, 4)) * 12 + Number(o.through.slice(5, 7)) - 1;
  else {
    const dates = subscriptions
      ? lines.flatMap((l) => [l.start, l.cancelledAt]).filter((x): x is number => x !== null)
      : lines.some((l) => l.invoiceDate !== null) ? lines.map((l) => l.invoiceDate).filter((x): x is number => x !== null) : lines.map((l) => l.start).filter((x): x is number => x !== null);
    if (dates.length === 0) return { problems: problems.length ? problems : [{ line: 1, column: t.column(subscriptions ? 'start' : 'invoiceDate'), message: 'no line has a date, so the last month cannot be told; give it with through (YYYY-MM)' }] };
    let latest = -Infinity; // a loop, not Math.max(...dates): millions of lines overflow the call stack
    for (const d of dates) if (d > latest) latest = d;
    last = monthOf(latest);
  }

  const sums = new Map<string, Map<MonthIndex, Dec>>();
  let used = 0;
  for (const l of lines) {
    const out = (why: LeftOut) => { leftOut[why]++; trace?.({ line: l.line, outcome: why }); };
    if (l.invoice && dropped.has(l.invoice)) { out('refunded'); continue; }
    if (l.kind === 'oneTime') { out('oneTime'); continue; }
    if (l.kind === 'tax') { out('tax'); continue; }
    if (l.kind === 'usage' && !o.includeUsage) { out('usage'); continue; }
    if (l.status && (EXCLUDED_STATUS.includes(l.status) || (o.paidOnly && l.status !== 'paid'))) { out('void'); continue; }
    if (o.paidOnly && !l.status) { out('void'); continue; }
    if (!hasPeriod(l)) { out('noPeriod'); continue; }
    let net = o.discounts === 'gross' ? l.amount : l.amount.sub(l.discount);
    if (o.amountIncludesTax) net = net.sub(l.tax);
    const currency = l.currency ?? fileCurrency;
    if (currency === null) { problems.push({ line: l.line, column: t.column('currency'), message: `the file holds ${[...currencies].join(', ')}: each line must name its currency` }); continue; }
    const fx = rateOf(o, currency, monthOf(l.start));
    if (fx === null) { problems.push({ line: l.line, column: t.column('currency'), message: `no exchange rate for ${currency} into ${o.currency}${o.fxBy === 'monthly' ? ` in ${new Date(monthStart(monthOf(l.start))).toISOString().slice(0, 7)}` : ''}; give it with fx (${currency}=RATE)` }); continue; }
    // Rule 4: the interval in months.
    let interval = l.interval ?? (l.subscription ? subInterval.get(l.subscription) ?? null : null);
    if (!interval) {
      const k = l.subscription ? subLength.get(l.subscription) ?? null : wholeMonthsOf(l);
      if (k !== null) interval = { months: new D(k), whole: k, always: false };
    }
    if (!interval) {
      if (net.isZero()) { used++; trace?.({ line: l.line, outcome: 'zero' }); continue; } // a trial of 0 adds 0
      problems.push({ line: l.line, column: t.column('interval'), message: 'the line has no interval, and neither has its subscription nor is its period a whole number of months; map the interval column' });
      continue;
    }
    const first = monthOf(l.start);
    if (first > last) { out('afterLastMonth'); continue; }
    used++;
    // Rules 5 and 6: a full period's rate is net ÷ N; a proration scales by the full period's days.
    let rate: Dec;
    if (subscriptions || interval.always || withinOneDay(addMonths(l.start, interval.whole!), l.end)) rate = net.div(interval.months);
    else {
      const dLine = new D(l.end - l.start).div(DAY_MS);
      const dFull = new D(l.end - addMonths(l.end, -interval.whole!)).div(DAY_MS);
      rate = net.mul(dFull).div(dLine).div(interval.months);
    }
    rate = rate.mul(fx);
    // Rule 8: the months whose snapshot the line is in force at (rule 9: up to the cancel date).
    const cancel = subscriptions || o.churnAt !== 'cancelDate' ? null : l.subscription ? subCancel.get(l.subscription) ?? null : l.cancelledAt;
    const end = cancel === null ? l.end : Math.min(l.end, cancel);
    // At the month's end, in force when start < F ≤ end (F: the next month's first instant);
    // at its start, when start ≤ S < end (S: its own first instant).
    const [from, to] = o.snapshot === 'end'
      ? [first, monthOf(end) - 1]
      : [monthStart(first) === l.start ? first : first + 1, monthStart(monthOf(end)) < end ? monthOf(end) : monthOf(end) - 1];
    let byMonth = sums.get(l.customer);
    if (!byMonth) sums.set(l.customer, (byMonth = new Map<MonthIndex, Dec>()));
    for (let m = from; m <= Math.min(to, last); m++) byMonth.set(m, (byMonth.get(m) ?? ZERO).add(rate));
    trace?.({ line: l.line, outcome: 'used', rate, from, to: Math.min(to, last), currency, fx });
  }
  if (problems.length) return { problems: problems.sort((a, b) => a.line - b.line) };
  if (subscriptions) warnings.push('a subscription list holds each row\'s current price only: upgrades and downgrades show only where the export writes a row per change');
  return { ...rowsOf(sums, last, warnings), lastMonth: last, fileCurrency, report: { linesUsed: used, leftOut, warnings } };
}

function rateOf(o: ConvertOptions, currency: string, month: MonthIndex): Dec | null {
  const table = o.fxBy === 'monthly' ? o.fx[new Date(monthStart(month)).toISOString().slice(0, 7)] : o.fx;
  const given = table && typeof table === 'object' ? (table as Record<string, string | number>)[currency] : undefined;
  if (given !== undefined) return new D(given);
  return currency === o.currency ? new D(1) : null;
}

/** Rule 10: cents, half away from zero; −0 is 0; below 0 is 0 with a warning; rows from the first month above 0 through the last. */
function rowsOf(sums: Map<string, Map<MonthIndex, Dec>>, last: MonthIndex, warnings: string[]): Pick<Converted, 'rows'> {
  const rows: Converted['rows'] = [];
  for (const [customer, byMonth] of sums) {
    const cents = new Map<MonthIndex, Dec>();
    for (const [m, v] of byMonth) {
      let r = v.toDecimalPlaces(2, D.ROUND_HALF_UP);
      if (r.isNegative() && !r.isZero()) { warnings.push(`${customer} in ${new Date(monthStart(m)).toISOString().slice(0, 7)}: MRR ${r.toFixed(2)} is below 0 and is read as 0`); r = ZERO; }
      cents.set(m, r.isZero() ? ZERO : r);
    }
    const positive = [...cents].filter(([, v]) => v.gt(0)).map(([m]) => m);
    if (positive.length === 0) continue;
    for (let m = Math.min(...positive); m <= last; m++) rows.push({ customer, month: m, mrr: cents.get(m) ?? ZERO });
  }
  return { rows };
}
