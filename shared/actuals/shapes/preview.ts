// What the mapping step shows before anything is imported (issue 20): the
// shape and preset a file suggests, each field's header, the first rows, and
// the monthly MRR of three customers as the import will give it. The three are
// converted alone, with the whole file's last month (rule 10), so the preview
// is cheap on a file of millions of lines.
import type { Table } from '../../tables/read-table';
import { monthText, type MonthIndex } from '../values';
import { monthOf, parseInstant } from './dates';
import { convertTable, mappingFor } from './convert';
import { SHAPE_FIELDS, type ConvertOptions, type Mapping } from './mapping';
import { normalHeader, type Preset } from './presets';
import type { ShapeProblem } from './convert-types';

export interface PreviewCustomer { customer: string; months: { month: string; mrr: string }[] }

export interface ExportPreview {
  header: string[];
  /** the first data rows, as text */
  rows: string[][];
  lines: number;
  /** the mapping shown: given, or suggested (null when the headers fit no shape) */
  mapping: Mapping | null;
  /** why no shape was suggested */
  missing: string | null;
  preset: Preset | null;
  customers: PreviewCustomer[];
  /** what stops the three customers converting (the import would be refused for these too) */
  problems: ShapeProblem[];
  /** the distinct words of the mapped kind, interval and currency columns over the whole file (at most 40 each), for value maps and FX rates */
  values: Partial<Record<'kind' | 'interval' | 'currency', { value: string; count: number }[]>>;
}

const MAX_VALUES = 40;

function valuesOf(table: Table, mapping: Mapping): ExportPreview['values'] {
  const out: ExportPreview['values'] = {};
  for (const field of ['kind', 'interval', 'currency'] as const) {
    const h = mapping.fields[field];
    const i = h === undefined ? -1 : table.header.findIndex((x) => x.trim().toLowerCase() === h.toLowerCase());
    if (i < 0) continue;
    const counts = new Map<string, number>();
    for (const r of table.rows) {
      const v = (r.cells[i] ?? '').trim();
      if (v === '' || (!counts.has(v) && counts.size >= MAX_VALUES)) continue;
      counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    out[field] = [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count);
  }
  return out;
}

export const PREVIEW_ROWS = 5;
export const PREVIEW_CUSTOMERS = 3;

/** Headers only one vendor's export writes (docs/billing-exports.md): a suggestion, shown and changeable. */
const PRESET_MARKS: readonly [Preset, readonly string[]][] = [
  ['chartmogul', ['customer external id', 'subscription external id', 'invoice external id']],
  ['zuora', ['charge start date', 'charge end date', 'account number']],
  ['chargebee', ['date from', 'date to']],
  ['recurly', ['service period start', 'account code']],
  ['stripe', ['period start', 'period.start', 'price.recurring.interval', 'proration']],
  ['baremetrics', ['plan amount', 'plan interval']],
];

/** The vendor whose export the headers look like, if any. */
export function detectPreset(header: readonly string[]): Preset | null {
  const have = new Set(header.map(normalHeader));
  for (const [preset, marks] of PRESET_MARKS) if (marks.some((m) => have.has(normalHeader(m)))) return preset;
  return null;
}

/** Rule 10's last month over the whole table, without converting it: the latest invoice date, else period start (subscriptions: start or cancel). */
function lastMonthOf(table: Table, mapping: Mapping): MonthIndex | null {
  const o = mapping.options;
  if (o.through) return Number(o.through.slice(0, 4)) * 12 + Number(o.through.slice(5, 7)) - 1;
  const index = (field: string) => { const h = (mapping.fields[field] ?? field).toLowerCase(); return table.header.findIndex((x) => x.trim().toLowerCase() === h); };
  const cols = mapping.shape === 'subscriptions' ? [index('start'), index('cancelledAt')] : index('invoiceDate') >= 0 ? [index('invoiceDate')] : [index('periodStart')];
  let latest = -Infinity;
  for (const r of table.rows) for (const c of cols) { if (c < 0) continue; const t = parseInstant(r.cells[c] ?? ''); if (t !== null && t > latest) latest = t; }
  return latest === -Infinity ? null : monthOf(latest);
}

/** The preview of `table` read by `given` (or the suggestion from its headers and `preset`). */
export function previewTable(table: Table, given?: Mapping, preset?: Preset, options?: ConvertOptions): ExportPreview {
  const detected = preset ?? detectPreset(table.header);
  const mapping = mappingFor(table.header, given, detected ?? undefined, options);
  const base = { header: table.header, rows: table.rows.slice(0, PREVIEW_ROWS).map((r) => r.cells), lines: table.rows.length, preset: detected };
  if ('missing' in mapping) return { ...base, mapping: null, missing: mapping.missing, customers: [], problems: [], values: {} };
  const values = valuesOf(table, mapping);
  const customerHeader = (mapping.fields.customer ?? 'customer').toLowerCase();
  const ci = table.header.findIndex((h) => h.trim().toLowerCase() === customerHeader);
  const three: string[] = [];
  if (ci >= 0) for (const r of table.rows) { const c = r.cells[ci] ?? ''; if (c !== '' && !three.includes(c)) { three.push(c); if (three.length === PREVIEW_CUSTOMERS) break; } }
  const sub: Table = { header: table.header, rows: table.rows.filter((r) => three.includes(r.cells[ci] ?? '')) };
  const last = mapping.shape === 'lines' || mapping.shape === 'subscriptions' ? lastMonthOf(table, mapping) : null;
  const through = last === null ? mapping.options.through : monthText(last);
  const r = convertTable(sub, { ...mapping, options: { ...mapping.options, ...(through ? { through } : {}) } });
  if (!r.ok) return { ...base, mapping, missing: r.kind === 'unreadable' ? r.error : null, customers: [], problems: r.kind === 'invalid' ? r.problems.slice(0, 20) : [], values };
  const customers = three.map((customer) => ({ customer, months: r.converted.rows.filter((x) => x.customer === customer).map((x) => ({ month: monthText(x.month), mrr: x.mrr.toFixed(2) })) }));
  return { ...base, mapping, missing: null, customers, problems: [], values };
}

/** Whether a saved mapping fits a file: the same shape's required fields all have their headers (next month's export). */
export function mappingFits(mapping: Mapping, header: readonly string[]): boolean {
  const keys = new Set(header.map((h) => h.trim().toLowerCase()));
  return [...SHAPE_FIELDS[mapping.shape].required, ...Object.keys(mapping.fields)].every((f) => keys.has((mapping.fields[f] ?? f).toLowerCase()));
}
