// What CSV and .xlsx readers share: the header's columns, each data row checked
// against §9's rules into the row store, and every problem kept with its line
// and column. Any problem means no figures at all (nothing is half-imported).
import { groupByCustomer, forEachCustomer, type Book } from './book';
import { RowStore } from './row-store';
import { AMOUNT_DECIMALS, AMOUNT_DIGITS, MAX_CUSTOMER_CHARS, MAX_CUSTOMERS, MAX_MONTHS, MAX_ROWS } from './limits';
import { monthText, needsTrim, parseMonth, readAmount, type Amount, type AmountError, type MonthIndex } from './values';

export interface ActualsProblem { line: number; column: string; message: string }

export interface DataQuality {
  /** data rows read (blank lines not counted) */
  rows: number;
  customers: number;
  months: number;
  firstMonth: string;
  lastMonth: string;
  amountColumn: 'mrr' | 'arr';
  /** rows of a customer and month that already had a row, added to it */
  duplicateRows: number;
  /** blank lines skipped */
  blankLines: number;
  /** months between the first and last with no row for any customer */
  monthsWithoutRows: string[];
  /** runs of missing months between two rows of the same customer (each read as ARR 0) */
  customerGaps: number;
  /** customers with such a gap */
  customersWithGaps: number;
}

export type ActualsRead =
  | { ok: true; book: Book; quality: DataQuality }
  | { ok: false; kind: 'invalid'; problems: ActualsProblem[]; problemCount: number; rows: number }
  | { ok: false; kind: 'unreadable'; error: string };

export const MAX_PROBLEMS_KEPT = 1000;

export const problemLine = (p: ActualsProblem) => `line ${p.line}, column ${p.column}: ${p.message}`;

export interface Columns { customer: number; month: number; amount: number; names: string[]; kind: 'mrr' | 'arr' }

/** The needed columns of a header, or why the header does not have them. */
export function findColumns(header: readonly string[]): Columns | { missing: string[]; error: string } {
  const names = header.map((h) => String(h ?? '').trim());
  const lower = names.map((h) => h.toLowerCase());
  const find = (n: string) => lower.indexOf(n);
  const twice = ['customer', 'month', 'mrr', 'arr'].find((n) => lower.indexOf(n) !== lower.lastIndexOf(n));
  if (twice) return { missing: [], error: `the header has two columns named ${twice}; keep one` };
  const customer = find('customer'), month = find('month'), mrr = find('mrr'), arr = find('arr');
  if (mrr >= 0 && arr >= 0) return { missing: [], error: 'the header has both an mrr and an arr column; keep one (arr = 12 × mrr)' };
  const missing = [customer < 0 ? 'customer' : '', month < 0 ? 'month' : '', mrr < 0 && arr < 0 ? 'mrr or arr' : ''].filter(Boolean);
  if (missing.length) {
    const found = names.filter(Boolean).join(', ');
    return { missing, error: `the header has no ${missing.join(', no ')} column (found: ${found === '' ? 'nothing' : found.length > 80 ? `${found.slice(0, 80)}…` : found})` };
  }
  return { customer, month, amount: mrr >= 0 ? mrr : arr, names, kind: mrr >= 0 ? 'mrr' : 'arr' };
}

const n = (x: number) => x.toLocaleString('en-US');
const inc = (a: Int32Array, i: number) => { a[i] = a[i]! + 1; };
/** Characters that look like a space or nothing: shown escaped, so "12\u00a0" does not read as "12". */
const INVISIBLE = /[\u0080-\u00a0\u00ad\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u2064\u3000\ufeff]/g;
const shown = (s: string) => JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s).replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
/** Trimmed of the spaces §9 ignores (ASCII ones), keeping the others to show. */
const trimmed = (s: string) => s.replace(/^[\0- ]+|[\0- ]+$/g, '');
const invisible = (s: string) => s.search(INVISIBLE) >= 0;


export class ActualsCollector {
  readonly store = new RowStore();
  readonly problems: ActualsProblem[] = [];
  problemCount = 0;
  rows = 0;
  blankLines = 0;
  /** why the read stopped: past MAX_ROWS or MAX_CUSTOMERS */
  overflow: string | null = null;

  constructor(readonly columns: Columns) {}

  problem(line: number, column: string, message: string): void {
    this.problemCount++;
    if (this.problems.length < MAX_PROBLEMS_KEPT) this.problems.push({ line, column, message });
  }

  /**
   * One data row: the customer, month and amount cells as text (a month may
   * come already read, from a spreadsheet date), and how many cells the row had.
   */
  row(line: number, customer: string | undefined, month: string | MonthIndex | undefined, amount: string | undefined): void {
    if (++this.rows > MAX_ROWS) {
      this.overflow ??= `the file has more than ${n(MAX_ROWS)} data rows (line ${line}); Bowtie reads at most that many, so it stopped there`;
      return;
    }
    const name = customer === undefined ? '' : needsTrim(customer) ? customer.trim() : customer;
    const m = typeof month === 'number' ? month : month === undefined ? null : parseMonth(needsTrim(month) ? month.trim() : month);
    const a = amount === undefined ? 'missing' : readAmount(amount, this.amount);
    if (name === '' || m === null || a !== null || name.length > MAX_CUSTOMER_CHARS || this.problemCount > 0) {
      this.refuse(line, customer, month, amount, name, m, a);
      return;
    }
    if (this.store.names.length >= MAX_CUSTOMERS && !this.store.ids.has(name)) {
      this.overflow ??= `the file has more than ${n(MAX_CUSTOMERS)} customers (line ${line}); Bowtie reads at most that many, so it stopped there`;
      return;
    }
    this.store.add(name, m, this.amount, this.multiplier);
  }

  /** A row with cells its file's reader refused (a spreadsheet's error or logical value), each with its message. */
  refuseRow(line: number, problems: readonly (readonly [column: number, message: string])[]): void {
    this.rows++;
    for (const [column, message] of problems) this.problem(line, this.columns.names[column]!, message);
  }

  private readonly amount: Amount = { units: 0, places: 0 };
  private get multiplier(): 1 | 12 { return this.columns.kind === 'mrr' ? 12 : 1; }

  /** The slow path: say what is wrong with each cell of a row (if anything: an earlier row may be the problem). */
  private refuse(line: number, customer: string | undefined, month: string | MonthIndex | undefined, amount: string | undefined, name: string, m: MonthIndex | null, a: AmountError | 'missing' | null): void {
    const { names, kind } = this.columns;
    const missing = 'missing: the row ends before this column';
    if (customer === undefined) this.problem(line, names[this.columns.customer]!, missing);
    else if (name === '') this.problem(line, names[this.columns.customer]!, 'the customer is empty');
    else if (name.length > MAX_CUSTOMER_CHARS) this.problem(line, names[this.columns.customer]!, `the customer is ${n(name.length)} characters long; Bowtie reads names of up to ${MAX_CUSTOMER_CHARS}`);
    if (month === undefined) this.problem(line, names[this.columns.month]!, missing);
    else if (m === null) {
      const t = trimmed(String(month));
      this.problem(line, names[this.columns.month]!, t === '' ? 'the month is empty'
        : invisible(t) ? `${shown(t)} holds an invisible or non-breaking space; write the month alone, YYYY-MM`
        : `${shown(t)} is not a month written YYYY-MM (MM 01–12)`);
    }
    if (a !== null) {
      const t = trimmed(amount ?? '');
      this.problem(line, names[this.columns.amount]!, a === 'missing' ? missing
        : a === 'empty' ? `the ${kind} is empty; write 0 for a month without revenue`
        : a === 'notNumber' && invisible(t) ? `${shown(t)} holds an invisible or non-breaking space; write the number alone`
        : a === 'negative' ? `${shown(t)} is negative; ${kind} must be 0 or more`
        : a === 'tooManyDigits' ? `${shown(t)} has more than ${AMOUNT_DIGITS} significant digits, more than Bowtie computes exactly`
        : a === 'tooManyDecimals' ? `${shown(t)} has more than ${AMOUNT_DECIMALS} decimals; round it (to cents)`
        : `${shown(t)} is not a number written with digits and an optional decimal point (no thousands separators, currency signs or decimal commas)`);
    }
  }

  finish(): ActualsRead {
    if (this.overflow) return { ok: false, kind: 'unreadable', error: this.overflow };
    if (this.problemCount > 0) return { ok: false, kind: 'invalid', problems: this.problems, problemCount: this.problemCount, rows: this.rows };
    if (this.store.length === 0) return { ok: false, kind: 'unreadable', error: 'the file has a header but no data rows' };
    const span = this.store.maxMonth - this.store.minMonth + 1;
    if (span > MAX_MONTHS) return { ok: false, kind: 'unreadable', error: `the months run from ${monthText(this.store.minMonth)} to ${monthText(this.store.maxMonth)}, ${span} months; Bowtie reads at most ${MAX_MONTHS} (check the month column for a mistyped year)` };
    let book: Book;
    try {
      book = groupByCustomer(this.store);
    } catch (e) {
      return { ok: false, kind: 'unreadable', error: `the file could not be read (${(e as Error).message})` };
    }
    return { ok: true, book, quality: describe(book, this) };
  }
}

function describe(book: Book, c: ActualsCollector): DataQuality {
  const monthRows = new Int32Array(book.months);
  let duplicateRows = 0, customerGaps = 0, customersWithGaps = 0;
  forEachCustomer(book, (_c, cm) => {
    duplicateRows += cm.duplicates;
    let gaps = 0;
    for (let i = 0; i < cm.count; i++) {
      inc(monthRows, cm.month[i]!);
      if (i > 0 && cm.month[i]! > cm.month[i - 1]! + 1) gaps++;
    }
    customerGaps += gaps;
    if (gaps) customersWithGaps++;
  });
  const monthsWithoutRows: string[] = [];
  monthRows.forEach((n, t) => { if (n === 0) monthsWithoutRows.push(monthText(book.firstMonth + t)); });
  return {
    rows: c.rows,
    customers: book.customers,
    months: book.months,
    firstMonth: monthText(book.firstMonth),
    lastMonth: monthText(book.firstMonth + book.months - 1),
    amountColumn: c.columns.kind,
    duplicateRows,
    blankLines: c.blankLines,
    monthsWithoutRows,
    customerGaps,
    customersWithGaps,
  };
}
