// Billing exports for tests: a book (customer → month → amount text) written
// as CSV in any of the shapes §9 accepts, from a seeded random generator so a
// failing case can be replayed.
import { mulberry32 } from '@shared/index';

export interface BookRow { customer: string; month: string; amount: string }

export interface CsvShape {
  delimiter?: ',' | ';';
  column?: 'mrr' | 'arr';
  crlf?: boolean;
  bom?: boolean;
  /** quote every field (RFC 4180), doubling quotes inside */
  quoteAll?: boolean;
  extraColumn?: boolean;
  headerCase?: 'lower' | 'upper' | 'title';
}

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

export function writeCsv(rows: readonly BookRow[], shape: CsvShape = {}): string {
  const d = shape.delimiter ?? ',';
  const nl = shape.crlf ? '\r\n' : '\n';
  const name = (s: string) => (shape.headerCase === 'upper' ? s.toUpperCase() : shape.headerCase === 'title' ? s[0]!.toUpperCase() + s.slice(1) : s);
  const cell = (s: string) => (shape.quoteAll || s.includes(d) || s.includes('"') || s.includes('\n') ? quote(s) : s);
  const header = ['customer', 'month', shape.column ?? 'mrr', ...(shape.extraColumn ? ['plan'] : [])].map(name);
  const lines = [header.map(cell).join(d), ...rows.map((r) => [r.customer, r.month, r.amount, ...(shape.extraColumn ? ['Pro; annual, "gold"'] : [])].map(cell).join(d))];
  return (shape.bom ? '\uFEFF' : '') + lines.join(nl) + nl;
}

/** The spec's mulberry32 (§11, shared/core/random.ts): small, seeded, good enough to make books. */
export const rng = mulberry32;

export const monthName = (i: number) => `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;

/**
 * A random book: customers start, grow, shrink, pause (a gap or an explicit 0),
 * come back and leave; some months get their amount split over two rows; rows
 * are shuffled. Amounts have 0–4 decimals.
 */
export function randomBook(seed: number, opts: { customers?: number; months?: number; startYear?: number } = {}): BookRow[] {
  const r = rng(seed);
  const C = opts.customers ?? 1 + Math.floor(r() * 40);
  const M = opts.months ?? 1 + Math.floor(r() * 30);
  const base = (opts.startYear ?? 2020) * 12 + Math.floor(r() * 12);
  const rows: BookRow[] = [];
  const money = (x: number) => {
    const places = Math.floor(r() * 5);
    return x.toFixed(places);
  };
  for (let c = 0; c < C; c++) {
    const id = r() < 0.1 ? `Cust, "${c}" Inc.` : `C${c}`;
    let t = Math.floor(r() * M);
    let v = 100 + r() * 5000;
    let active = true;
    for (; t < M; t++) {
      const u = r();
      if (active) {
        if (u < 0.08) { active = false; if (r() < 0.5) rows.push({ customer: id, month: monthName(base + t), amount: '0' }); continue; }
        if (u < 0.25) v = v * (0.5 + r());
        if (r() < 0.15) {
          const a = Math.floor(v * 0.4 * 100) / 100;
          rows.push({ customer: id, month: monthName(base + t), amount: a.toFixed(2) });
          rows.push({ customer: id, month: monthName(base + t), amount: money(v - a > 0 ? v - a : 0) });
        } else rows.push({ customer: id, month: monthName(base + t), amount: money(v) });
      } else if (u < 0.2) active = true;
      else if (u < 0.3) rows.push({ customer: id, month: monthName(base + t), amount: '0' });
    }
  }
  if (!rows.length) rows.push({ customer: 'only', month: monthName(base), amount: '0' });
  for (let i = rows.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [rows[i], rows[j]] = [rows[j]!, rows[i]!];
  }
  return rows;
}
