// An independent reading of spec §9, written from the spec alone and sharing no
// code with shared/actuals: its own CSV splitter, one decimal per customer-month
// in nested maps, every figure by the spec's sentence. Slow and obvious on
// purpose; tests compare `bowtie actuals` against it on files neither has seen.
import Decimal from 'decimal.js';

export interface ReferenceActuals {
  months: string[];
  opening: number[]; new: number[]; reactivation: number[]; expansion: number[]; contraction: number[]; churn: number[]; closing: number[];
  customers: number[];
  nrr12: (number | null)[]; grr12: (number | null)[]; logoRetention12: (number | null)[];
  cohorts: { start: string; customers: number; arr: number[] }[];
}

function records(text: string, delim: string): string[][] {
  const out: string[][] = [];
  let row: string[] = [], field = '', quoted = false, i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i += 2; continue; }
      if (ch === '"') { quoted = false; i++; continue; }
      field += ch; i++; continue;
    }
    if (ch === '"' && field === '') { quoted = true; i++; continue; }
    if (ch === delim) { row.push(field); field = ''; i++; continue; }
    if (ch === '\r' && text[i + 1] === '\n') { i++; continue; }
    if (ch === '\n') { row.push(field); out.push(row); row = []; field = ''; i++; continue; }
    field += ch; i++;
  }
  if (field !== '' || row.length) { row.push(field); out.push(row); }
  return out;
}

const monthNo = (s: string) => Number(s.slice(0, 4)) * 12 + Number(s.slice(5, 7)) - 1;
const monthName = (n: number) => `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;

export function referenceActuals(text: string): ReferenceActuals {
  const body = text.replace(/^\uFEFF/, '');
  const firstLine = body.slice(0, body.indexOf('\n') < 0 ? undefined : body.indexOf('\n'));
  const need = (cols: string[]) => cols.includes('customer') && cols.includes('month') && (cols.includes('mrr') || cols.includes('arr'));
  const delim = need(records(firstLine, ',')[0]!.map((c) => c.trim().toLowerCase())) ? ',' : ';';
  const [header, ...rows] = records(body, delim);
  const cols = header!.map((c) => c.trim().toLowerCase());
  const ci = cols.indexOf('customer'), mi = cols.indexOf('month');
  const isMrr = cols.includes('mrr');
  const ai = isMrr ? cols.indexOf('mrr') : cols.indexOf('arr');
  const book = new Map<string, Map<number, Decimal>>();
  let lo = Infinity, hi = -Infinity;
  for (const r of rows) {
    if (r.every((f) => f.trim() === '')) continue;
    const who = r[ci]!.trim();
    const m = monthNo(r[mi]!.trim());
    const v = new Decimal(r[ai]!.trim()).times(isMrr ? 12 : 1);
    lo = Math.min(lo, m); hi = Math.max(hi, m);
    const mine = book.get(who) ?? new Map<number, Decimal>();
    book.set(who, mine);
    mine.set(m, (mine.get(m) ?? new Decimal(0)).plus(v));
  }
  const M = hi - lo + 1;
  const arr = (who: string, t: number) => (t < 0 ? new Decimal(0) : book.get(who)!.get(lo + t) ?? new Decimal(0));
  const z = () => Array.from({ length: M }, () => new Decimal(0));
  const fresh = z(), react = z(), exp = z(), contr = z(), churn = z(), closing = z();
  const customers = Array<number>(M).fill(0);
  for (const who of book.keys()) {
    let had = false;
    for (let t = 0; t < M; t++) {
      const cur = arr(who, t), prev = arr(who, t - 1);
      if (t > 0) {
        if (prev.isZero() && cur.gt(0)) (had ? react : fresh)[t] = (had ? react : fresh)[t]!.plus(cur);
        else if (prev.gt(0) && cur.gt(prev)) exp[t] = exp[t]!.plus(cur.minus(prev));
        else if (prev.gt(0) && cur.gt(0) && cur.lt(prev)) contr[t] = contr[t]!.plus(prev.minus(cur));
        else if (prev.gt(0) && cur.isZero()) churn[t] = churn[t]!.plus(prev);
      }
      if (cur.gt(0)) { had = true; customers[t]!++; }
      closing[t] = closing[t]!.plus(cur);
    }
  }
  const nrr: (number | null)[] = [], grr: (number | null)[] = [], logos: (number | null)[] = [];
  for (let t = 0; t < M; t++) {
    const set = t >= 12 ? [...book.keys()].filter((w) => arr(w, t - 12).gt(0)) : [];
    if (!set.length) { nrr.push(null); grr.push(null); logos.push(null); continue; }
    const begin = set.reduce((s, w) => s.plus(arr(w, t - 12)), new Decimal(0));
    nrr.push(set.reduce((s, w) => s.plus(arr(w, t)), new Decimal(0)).div(begin).toNumber());
    grr.push(set.reduce((s, w) => s.plus(Decimal.min(arr(w, t), arr(w, t - 12))), new Decimal(0)).div(begin).toNumber());
    logos.push(set.filter((w) => arr(w, t).gt(0)).length / set.length);
  }
  const starts = new Map<number, string[]>();
  for (const who of book.keys()) {
    for (let t = 0; t < M; t++) if (arr(who, t).gt(0)) { starts.set(t, [...(starts.get(t) ?? []), who]); break; }
  }
  const cohorts = [...starts.keys()].sort((a, b) => a - b).map((s) => ({
    start: monthName(lo + s),
    customers: starts.get(s)!.length,
    arr: Array.from({ length: M - s }, (_, a) => starts.get(s)!.reduce((sum, w) => sum.plus(arr(w, s + a)), new Decimal(0)).toNumber()),
  }));
  const num = (xs: Decimal[]) => xs.map((x) => x.toNumber());
  return {
    months: Array.from({ length: M }, (_, t) => monthName(lo + t)),
    opening: num(closing.map((c, t) => (t === 0 ? c : closing[t - 1]!))),
    new: num(fresh), reactivation: num(react), expansion: num(exp), contraction: num(contr), churn: num(churn), closing: num(closing),
    customers, nrr12: nrr, grr12: grr, logoRetention12: logos, cohorts,
  };
}
