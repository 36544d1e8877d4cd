// Issue 20: the customer drill-down (each month of a customer and why) and the
// mapping step's preview (three customers as the import gives them), against
// the import's own conversion of §9.1's golden table.
import { describe, expect, it } from 'vitest';
import { convertExport } from '@shared/actuals/shapes/convert';
import { explainCustomer } from '@shared/actuals/shapes/explain';
import { parseMapping, type Mapping } from '@shared/actuals/shapes/mapping';
import { detectPreset, mappingFits, previewTable } from '@shared/actuals/shapes/preview';
import { monthText } from '@shared/actuals/values';
import { readTable } from '@shared/tables/read-table';
import { importMappingsExtras, importMappingsFromExtras } from '@shared/workbook/import-mappings';

const LINES_HEADER = 'customer,periodStart,periodEnd,amount,discount,tax,currency,interval,kind,subscription,invoice,invoiceStatus';
const GOLDEN = [
  LINES_HEADER,
  'A,2024-01-15,2024-02-15,100,,,USD,month,,subA,a1,paid',
  'A,2024-02-15,2024-03-15,100,,,USD,month,,subA,a2,paid',
  'B,2024-03-10,2025-03-10,12000,,,USD,year,,subB,b1,paid',
  'B,2024-03-10,2025-03-10,2400,,,USD,,tax,subB,b1,paid',
  'C,2024-01-01,2024-04-01,900,90,,USD,quarter,,subC,c1,paid',
  'D,2024-03-01,2024-04-01,245,,,USD,month,,subD,d1,paid',
  'D,2024-03-10,2024-04-01,-173.87,,,USD,,,subD,d2,paid',
  'D,2024-03-10,2024-04-01,347.74,,,USD,,,subD,d2,paid',
  'D,2024-04-01,2024-05-01,490,,,USD,month,,subD,d3,paid',
  'F,2024-02-01,2024-03-01,89,,,EUR,month,,subF,f1,paid',
  'F,2024-02-01,2024-03-01,17.80,,,EUR,,tax,subF,f1,paid',
  'H,,,500,,,USD,,oneTime,,h1,paid',
  'H,2024-05-01,2024-06-01,99,,,USD,month,,subH,h1,paid',
  'V,2024-05-01,2024-06-01,99,,,USD,month,,subV,v1,void',
].join('\n');
const mapping = (over: Record<string, unknown> = {}, fields: Record<string, string> = {}): Mapping => {
  const m = parseMapping({ shape: 'lines', fields, options: { through: '2025-03', fx: { EUR: '1.10' }, ...over } });
  if (!m.ok) throw new Error(m.problems.join('; '));
  return m.mapping;
};
const converted = (text: string, m: Mapping) => { const r = convertExport(text, m); if (!r.ok) throw new Error(JSON.stringify(r)); return r.converted; };
const monthsOf = (c: ReturnType<typeof converted>, customer: string) => c.rows.filter((r) => r.customer === customer).map((r) => ({ month: monthText(r.month), mrr: r.mrr.toFixed(2) }));

describe('the customer drill-down', () => {
  const m = mapping();
  const c = converted(GOLDEN, m);
  it('gives every customer the months the import gave it, to the cent', () => {
    for (const customer of ['A', 'B', 'C', 'D', 'F', 'H']) {
      const d = explainCustomer(GOLDEN, m, c, customer)!;
      expect(d.months.map(({ month, mrr }) => ({ month, mrr })), customer).toEqual(monthsOf(c, customer));
    }
  });
  it('says why A churns in March: its last period ended in February and no line covers March', () => {
    const d = explainCustomer(GOLDEN, m, c, 'A')!;
    const march = d.months.find((x) => x.month === '2024-03')!;
    expect(march).toMatchObject({ mrr: '0.00', change: 'churn' });
    expect(march.why).toMatch(/no line is in force at the month end \(line 3 \(100\.00 a month\) ended\); MRR falls from 100\.00 to 0/);
    expect(d.months[0]).toMatchObject({ month: '2024-01', change: 'new' });
    expect(d.lines.map((l) => l.line)).toEqual([2, 3]);
  });
  it('names what each line did: the tax line left out, the proration pair used with its rate', () => {
    const b = explainCustomer(GOLDEN, m, c, 'B')!;
    expect(b.lines.map((l) => l.effect)).toEqual(['used: USD 1000.00 a month, 2024-03 to 2025-02', 'left out: tax line']);
    const d = explainCustomer(GOLDEN, m, c, 'D')!;
    // The upgrade's prorations (lines 8 and 9) bring March to the new plan's 490.00; April's plan line keeps it.
    expect(d.months.find((x) => x.month === '2024-03')).toMatchObject({ change: 'new', mrr: '490.00', why: expect.stringMatching(/line 7 \(245\.00 a month\), line 8 \(−245\.00 a month\), line 9 \(490\.00 a month\)/) });
    expect(d.months.find((x) => x.month === '2024-05')).toMatchObject({ change: 'churn', mrr: '0.00' });
    const f = explainCustomer(GOLDEN, m, c, 'F')!;
    expect(f.lines[0]!.effect).toBe('used: USD 97.90 a month (EUR at 1.1), 2024-02');
  });
  it('a one-time charge and a void invoice are left out by reason; an id that is only part of another is not that customer', () => {
    expect(explainCustomer(GOLDEN, m, c, 'H')!.lines.map((l) => l.effect)).toEqual(['left out: one-time charge', 'used: USD 99.00 a month, 2024-05']);
    expect(explainCustomer(GOLDEN, m, c, 'V')!.lines.map((l) => l.effect)).toEqual(['left out: void, draft or unpaid invoice']);
    expect(explainCustomer(GOLDEN, m, c, 'sub')).toBeNull();
  });
});

describe('the mapping step preview', () => {
  const read = readTable(GOLDEN, []);
  if (!read.ok) throw new Error(read.error);
  it('shows the first rows and three customers as the import gives them (the whole file\'s last month)', () => {
    const p0 = parseMapping({ shape: 'lines', fields: {}, options: { fx: { EUR: '1.10' } } });
    if (!p0.ok) throw new Error(p0.problems.join('; '));
    const m = p0.mapping;
    const p = previewTable(read.table, m);
    const whole = converted(GOLDEN, m);
    expect(p.rows).toHaveLength(5);
    expect(p.customers.map((x) => x.customer)).toEqual(['A', 'B', 'C']);
    for (const x of p.customers) expect(x.months, x.customer).toEqual(monthsOf(whole, x.customer));
  });
  it('suggests the shape and a preset from the headers; a file that fits nothing says what is missing', () => {
    const cb = readTable('Customer Id,Date From,Date To,Amount,Currency\nc1,2024-01-01,2024-02-01,10,USD\n', []);
    if (!cb.ok) throw new Error(cb.error);
    expect(detectPreset(cb.table.header)).toBe('chargebee');
    expect(previewTable(cb.table).mapping).toMatchObject({ shape: 'lines', fields: { periodStart: 'Date From', periodEnd: 'Date To' } });
    const none = readTable('name,value\nx,1\n', []);
    if (!none.ok) throw new Error(none.error);
    expect(previewTable(none.table)).toMatchObject({ mapping: null, missing: expect.stringMatching(/fit none of the shapes/) });
  });
  it('a saved mapping fits next month\'s file with the same headers, not one without them', () => {
    const m = mapping({}, { customer: 'Customer Id' });
    expect(mappingFits(m, ['Customer Id', 'periodStart', 'periodEnd', 'amount'])).toBe(true);
    expect(mappingFits(m, ['customer', 'periodStart', 'periodEnd', 'amount'])).toBe(false);
  });
});

describe('import mappings in the workbook extras', () => {
  it('round-trip; a wrong one is dropped with a note', () => {
    const m = mapping({ snapshot: 'start', paidOnly: true }, { customer: 'Customer Id' });
    const back = importMappingsFromExtras(JSON.parse(JSON.stringify(importMappingsExtras([m]))));
    expect(back).toEqual({ mappings: [m], notes: [] });
    expect(importMappingsExtras([])).toEqual({});
    expect(importMappingsFromExtras({ importMappings: [{ shape: 'lines', options: { snapshot: 'noon' } }] }).notes[0]).toMatch(/mapping 1 was left out \(options.snapshot/);
  });
});
