// A billing export in any of §9.1's four shapes to the §9 long table: the
// mapping is given (MAPPING.json, the workbook's) or suggested from the headers
// and a preset; then each shape's converter; then §9 applies unchanged.
import { D, ZERO, type Dec } from '../../core/decimal';
import { ActualsCollector, type ActualsRead } from '../collect';
import { parseAmount, parseMonth, monthText, type MonthIndex } from '../values';
import { readTable, type Table } from '../../tables/read-table';
import { convertLines } from './lines';
import { defaultOptions, SHAPE_FIELDS, type ConvertOptions, type Mapping, type Shape } from './mapping';
import { PRESET_OPTIONS, suggestHeader, suggestShape, type Preset } from './presets';
import type { Converted, ShapeProblem, ShapeTable } from './convert-types';

export type ConvertResult =
  | { ok: true; converted: Converted; mapping: Mapping }
  | { ok: false; kind: 'invalid'; problems: ShapeProblem[] }
  | { ok: false; kind: 'unreadable'; error: string };

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** A wide table's month header (§9.1 (b)): YYYY-MM, YYYY-MM-DD, or `Jan 2024` / `January 2024`. */
export function monthHeader(h: string): MonthIndex | null {
  const t = h.trim();
  const iso = /^(\d{4}-\d{2})(?:-(\d{2}))?$/.exec(t);
  if (iso) {
    const m = parseMonth(iso[1]!);
    return m !== null && (iso[2] === undefined || (Number(iso[2]) >= 1 && Number(iso[2]) <= 31)) ? m : null;
  }
  const named = /^([A-Za-z]+)\.?\s+(\d{4})$/.exec(t);
  if (!named) return null;
  const name = named[1]!.toLowerCase();
  const i = MONTH_NAMES.findIndex((n) => n === name || (name.length === 3 && n.startsWith(name)));
  return i < 0 ? null : Number(named[2]) * 12 + i;
}

/** The mapping a file suggests: its shape, each field's header, a preset's options. */
export function suggestMapping(header: readonly string[], preset?: Preset): Mapping | { missing: string } {
  const fields: Record<string, string> = {};
  const all = new Set([...Object.values(SHAPE_FIELDS).flatMap((f) => [...f.required, ...f.optional]), 'start', 'end', 'month']);
  for (const f of all) { const h = suggestHeader(header, f); if (h !== undefined) fields[f] = h; }
  const options: ConvertOptions = { ...defaultOptions(), ...(preset ? PRESET_OPTIONS[preset] : {}) };
  // §9's own table: mrr or arr.
  const lower = header.map((h) => h.trim().toLowerCase());
  if (!lower.includes('mrr') && lower.includes('arr') && fields.month) { fields.amount = header[lower.indexOf('arr')]!; options.amounts = 'arr'; }
  const shape = suggestShape((f) => f in fields, header.filter((h) => monthHeader(h) !== null).length);
  if (!shape) {
    return { missing: `the headers (${header.filter(Boolean).join(', ') || 'none'}) fit none of the shapes Bowtie reads: customer, month and mrr; customer and month columns; invoice lines with customer, amount, period start and end; or subscriptions with customer, amount, interval and start. Map the columns by hand (--mapping)` };
  }
  const known = [...SHAPE_FIELDS[shape].required, ...SHAPE_FIELDS[shape].optional];
  return { shape, fields: Object.fromEntries(Object.entries(fields).filter(([f]) => known.includes(f))), options };
}

/** Cells by field through the mapping (a field left unmapped reads its own name as the header). */
export function shapeTable(table: Table, mapping: Mapping): ShapeTable {
  const index = new Map(table.header.map((h, i) => [h.trim().toLowerCase(), i]));
  const headerOf = (field: string) => mapping.fields[field] ?? field;
  const col = (field: string) => index.get(headerOf(field).toLowerCase());
  const column = (field: string) => { const i = col(field); return i === undefined ? headerOf(field) : table.header[i]!; };
  const cols = new Map<string, number | undefined>();
  const at = (field: string) => { if (!cols.has(field)) cols.set(field, col(field)); return cols.get(field); };
  return {
    column,
    rows: table.rows.map(({ line, cells }) => ({ line, column, cell: (field: string) => { const i = at(field); return i === undefined ? '' : (cells[i] ?? ''); } })),
  };
}

const noReport = (): Converted['report'] => ({ linesUsed: 0, leftOut: { oneTime: 0, tax: 0, void: 0, usage: 0, noPeriod: 0, afterLastMonth: 0, refunded: 0 }, warnings: [] });
const shown = (s: string) => JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s);

/** (a) and (b): amounts as §9 reads them (MRR, or ARR ÷ 12 kept exact), `-0` read as 0. */
function amountOf(text: string, options: ConvertOptions): { ok: true; mrr: Dec } | { ok: false; message: string } {
  const t = text.trim();
  const a = parseAmount(t === '-0' || /^-0?\.0*$/.test(t) ? '0' : t);
  if (typeof a === 'string') return { ok: false, message: a === 'negative' ? `${shown(t)} is negative; MRR must be 0 or more` : `${shown(t)} is not a number written with digits and an optional decimal point (no thousands separators, currency signs or decimal commas)` };
  const v = new D(t.startsWith('-') ? '0' : t);
  return { ok: true, mrr: options.amounts === 'arr' ? v.div(12) : v };
}

function convertLong(t: ShapeTable, options: ConvertOptions): Converted | { problems: ShapeProblem[] } {
  const problems: ShapeProblem[] = [];
  const rows: Converted['rows'] = [];
  for (const r of t.rows) {
    const customer = r.cell('customer');
    const month = parseMonth(r.cell('month'));
    if (customer === '') problems.push({ line: r.line, column: r.column('customer'), message: 'the customer is empty' });
    if (month === null) problems.push({ line: r.line, column: r.column('month'), message: r.cell('month') === '' ? 'the month is empty' : `${shown(r.cell('month'))} is not a month written YYYY-MM (MM 01–12)` });
    const a = r.cell('amount') === '' ? { ok: false as const, message: 'the amount is empty; write 0 for a month without revenue' } : amountOf(r.cell('amount'), options);
    if (!a.ok) problems.push({ line: r.line, column: r.column('amount'), message: a.message });
    else if (customer !== '' && month !== null) rows.push({ customer, month, mrr: a.mrr, line: r.line });
  }
  return problems.length ? { problems } : { rows, lastMonth: null, report: noReport() };
}

function convertWide(table: Table, t: ShapeTable, options: ConvertOptions): Converted | { problems: ShapeProblem[] } {
  const problems: ShapeProblem[] = [];
  const months = new Map<MonthIndex, number>();
  const monthCols: { i: number; m: MonthIndex }[] = [];
  const customerCol = t.column('customer');
  table.header.forEach((h, i) => {
    if (h === customerCol) return;
    const m = monthHeader(h);
    if (m === null) return;
    const twice = months.get(m);
    if (twice !== undefined) problems.push({ line: 1, column: h, message: `${monthText(m)} is also the column ${shown(table.header[twice]!)}; keep one column per month` });
    else { months.set(m, i); monthCols.push({ i, m }); }
  });
  if (monthCols.length === 0) return { problems: [{ line: 1, column: customerCol, message: 'no column header is a month (YYYY-MM, YYYY-MM-DD or Jan 2024)' }] };
  const rows: Converted['rows'] = [];
  table.rows.forEach(({ line, cells }, k) => {
    const customer = t.rows[k]!.cell('customer');
    if (customer === '') { problems.push({ line, column: customerCol, message: 'the customer is empty' }); return; }
    for (const { i, m } of monthCols) {
      const text = cells[i] ?? '';
      const a = text === '' ? { ok: true as const, mrr: ZERO } : amountOf(text, options);
      if (!a.ok) problems.push({ line, column: table.header[i]!, message: a.message });
      else rows.push({ customer, month: m, mrr: a.mrr, line });
    }
  });
  return problems.length ? { problems } : { rows, lastMonth: null, report: noReport() };
}

/**
 * Reads `text` in its shape: by `mapping`, or by the one its headers (and
 * `preset`) suggest, with `options` (when given) in place of the suggestion's.
 */
export function convertExport(text: string, given?: Mapping, preset?: Preset, options?: ConvertOptions): ConvertResult {
  const read = readTable(text, []);
  if (!read.ok) return { ok: false, kind: 'unreadable', error: read.error };
  const mapping = mappingFor(read.table.header, given, preset, options);
  if ('missing' in mapping) return { ok: false, kind: 'unreadable', error: mapping.missing };
  return convertTable(read.table, mapping, read.problems);
}

/** The mapping a file is read by: `given`, or what its headers (and `preset`) suggest with `options` over the suggestion's. */
export function mappingFor(header: readonly string[], given?: Mapping, preset?: Preset, options?: ConvertOptions): Mapping | { missing: string } {
  const suggested = given ?? suggestMapping(header, preset);
  if ('missing' in suggested) return suggested;
  return given || !options ? suggested : { ...suggested, options: { ...options, amounts: suggested.options.amounts === 'arr' ? 'arr' : options.amounts } };
}

/** A table read once (readTable) in its mapping's shape; `readProblems`: the table's own (quotes). */
export function convertTable(table: Table, mapping: Mapping, readProblems: readonly ShapeProblem[] = []): ConvertResult {
  const keys = new Set(table.header.map((h) => h.trim().toLowerCase()));
  const missing = SHAPE_FIELDS[mapping.shape].required.filter((f) => !keys.has((mapping.fields[f] ?? f).toLowerCase()));
  if (missing.length) {
    return { ok: false, kind: 'unreadable', error: `the header has no ${missing.map((f) => mapping.fields[f] ?? f).join(', no ')} column (found: ${table.header.filter(Boolean).join(', ') || 'nothing'}) (the ${mapping.shape} shape's required fields: ${SHAPE_FIELDS[mapping.shape].required.join(', ')})` };
  }
  const t = shapeTable(table, mapping);
  const out = converterOf(mapping.shape)(table, t, mapping.options);
  const problems = [...readProblems, ...('problems' in out ? out.problems : [])];
  if (problems.length) return { ok: false, kind: 'invalid', problems: problems.sort((a, b) => a.line - b.line) };
  return { ok: true, converted: out as Converted, mapping };
}

export function converterOf(shape: Shape): (table: Table, t: ShapeTable, o: ConvertOptions) => Converted | { problems: ShapeProblem[] } {
  switch (shape) {
    case 'long': return (_, t, o) => convertLong(t, o);
    case 'wide': return convertWide;
    case 'lines': return (_, t, o) => convertLines(t, o, false);
    case 'subscriptions': return (_, t, o) => convertLines(t, o, true);
  }
}

/** The §9 long table the conversion gives, read by §9 (figures, data quality) exactly like a long file. */
export function actualsOf(converted: Converted): ActualsRead {
  const c = new ActualsCollector({ customer: 0, month: 1, amount: 2, names: ['customer', 'month', 'mrr'], kind: 'mrr' });
  for (const r of converted.rows) c.row(r.line ?? 0, r.customer, r.month, r.mrr.toString());
  return c.finish();
}

/** `bowtie convert`: the §9 long table as CSV, amounts with two decimals. */
export function longCsv(converted: Converted): string {
  const quote = (s: string) => (/[",\n\r]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s);
  return ['customer,month,mrr', ...converted.rows.map((r) => `${quote(r.customer)},${monthText(r.month)},${r.mrr.toFixed(2)}`)].join('\n') + '\n';
}
