// Spec §9.1: billing exports in their own shape, to the §9 long table.
import { describe, expect, it } from 'vitest';
import { actualsOf, convertExport, longCsv, monthHeader, suggestMapping } from '@shared/actuals/shapes/convert';
import { parseMapping, type Mapping } from '@shared/actuals/shapes/mapping';
import { addMonths, parseInstant } from '@shared/actuals/shapes/dates';
import { monthText } from '@shared/actuals/values';

const LINES_HEADER = 'customer,periodStart,periodEnd,amount,discount,tax,currency,interval,kind,subscription,invoice,invoiceStatus';
/** §9.1's golden table: one file, snapshot at month end, EUR = 1.10, through 2025-03. */
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
  'E,2024-01-15,2025-01-15,12000,,,USD,year,,subE,e1,paid',
  'E,2024-06-10,2025-01-15,-7180.33,,,USD,,,subE,e2,paid',
  'E,2024-06-10,2025-01-15,10770.49,,,USD,,,subE,e2,paid',
  'F,2024-02-01,2024-03-01,89,,,EUR,month,,subF,f1,paid',
  'F,2024-02-01,2024-03-01,17.80,,,EUR,,tax,subF,f1,paid',
  'F,2024-03-01,2024-04-01,89,,,EUR,month,,subF,f2,paid',
  'F,2024-03-01,2024-04-01,17.80,,,EUR,,tax,subF,f2,paid',
  'G,2024-04-20,2024-05-04,0,,,USD,,,subG,g1,paid',
  'G,2024-05-04,2024-06-04,99,,,USD,month,,subG,g2,paid',
  'H,,,500,,,USD,,oneTime,,h1,paid',
  'H,2024-05-01,2024-06-01,99,,,USD,month,,subH,h1,paid',
  'I,2024-01-01,2025-01-01,12000,,,USD,year,,subI,i1,paid',
  'I,2024-05-01,2025-01-01,-8032.79,,,USD,,,subI,i2,paid',
  'K,2024-01-31,2024-02-29,50,,,USD,month,,subK,k1,paid',
  'K,2024-02-29,2024-03-31,50,,,USD,month,,subK,k2,paid',
  'V,2024-05-01,2024-06-01,99,,,USD,month,,subV,v1,void',
].join('\n');
const goldenMapping = (over: Record<string, unknown> = {}): Mapping => {
  const m = parseMapping({ shape: 'lines', fields: {}, options: { through: '2025-03', fx: { EUR: '1.10' }, ...over } });
  if (!m.ok) throw new Error(m.problems.join('; '));
  return m.mapping;
};
function mrrBy(text: string, mapping?: Mapping): Map<string, Map<string, string>> {
  const r = convertExport(text, mapping);
  if (!r.ok) throw new Error(JSON.stringify(r));
  const out = new Map<string, Map<string, string>>();
  for (const row of r.converted.rows) {
    if (!out.has(row.customer)) out.set(row.customer, new Map());
    out.get(row.customer)!.set(monthText(row.month), row.mrr.toFixed(2));
  }
  return out;
}

describe('§9.1 golden table (lines, snapshot at month end, EUR 1.10, through 2025-03)', () => {
  const got = mrrBy(GOLDEN, goldenMapping());
  const months = (c: string, from: string, to: string) => [...got.get(c)!].filter(([m]) => m >= from && m <= to).map(([, v]) => v);
  it('A: two monthly periods mid-month to mid-month', () => expect(months('A', '2024-01', '2024-03')).toEqual(['100.00', '100.00', '0.00']));
  it('B: yearly with a tax line', () => {
    expect(new Set(months('B', '2024-03', '2025-02'))).toEqual(new Set(['1000.00']));
    expect(months('B', '2024-03', '2025-02')).toHaveLength(12);
    expect(months('B', '2025-03', '2025-03')).toEqual(['0.00']);
  });
  it('C: quarterly with a discount', () => expect(months('C', '2024-01', '2024-04')).toEqual(['270.00', '270.00', '270.00', '0.00']));
  it('D: a mid-month upgrade with prorations', () => expect(months('D', '2024-03', '2024-05')).toEqual(['490.00', '490.00', '0.00']));
  it('E: a yearly upgrade with prorations to the term end', () => {
    expect(new Set(months('E', '2024-01', '2024-05'))).toEqual(new Set(['1000.00']));
    expect(new Set(months('E', '2024-06', '2024-12'))).toEqual(new Set(['1500.00']));
    expect(months('E', '2025-01', '2025-01')).toEqual(['0.00']);
  });
  it('F: euros at 1.10, VAT left out', () => expect(months('F', '2024-02', '2024-03')).toEqual(['97.90', '97.90']));
  it('G: a trial of 0 adds 0; the customer starts in May', () => {
    expect(got.get('G')!.has('2024-04')).toBe(false);
    expect(months('G', '2024-05', '2024-06')).toEqual(['99.00', '0.00']);
  });
  it('H: a one-time line changes nothing', () => expect(months('H', '2024-05', '2024-06')).toEqual(['99.00', '0.00']));
  it('I: a credit for the unused rest of a year ends it', () => {
    expect(new Set(months('I', '2024-01', '2024-04'))).toEqual(new Set(['1000.00']));
    expect(months('I', '2024-05', '2024-05')).toEqual(['0.00']);
  });
  it('K: month ends clamp (31 January + 1 month = 29 February)', () => expect(months('K', '2024-01', '2024-03')).toEqual(['50.00', '50.00', '0.00']));
  it('V: a void invoice gives no rows', () => expect(got.has('V')).toBe(false));
  it('every customer has a row for every month from its first above 0 through the last month', () => {
    for (const [c, m] of got) expect([...m.keys()].at(-1), c).toBe('2025-03');
    expect([...got.get('A')!.keys()]).toHaveLength(15);
  });
  it('reconciles: lines used and left out by reason', () => {
    const r = convertExport(GOLDEN, goldenMapping());
    expect(r.ok && r.converted.report.leftOut).toMatchObject({ tax: 3, oneTime: 1, void: 1 });
    expect(r.ok && r.converted.report.linesUsed).toBe(20);
  });
  it('§9 reads the result: the figures of a long file', () => {
    const r = convertExport(GOLDEN, goldenMapping());
    const a = r.ok ? actualsOf(r.converted) : null;
    expect(a?.ok && a.quality).toMatchObject({ customers: 10, firstMonth: '2024-01', lastMonth: '2025-03' });
  });
});

describe('options', () => {
  it('snapshot at the month start counts a line from the first month it covers at its start', () => {
    const got = mrrBy(GOLDEN, goldenMapping({ snapshot: 'start' }));
    // A's [01-15, 02-15) is not in force on 1 January or 1 February... but [02-15, 03-15) is on 1 March
    expect([...got.get('A')!].slice(0, 2)).toEqual([['2024-02', '100.00'], ['2024-03', '100.00']]);
  });
  it('a line whose currency has no rate is an error naming it', () => {
    const r = convertExport(GOLDEN, goldenMapping({ fx: {} }));
    expect(r.ok ? [] : r.kind === 'invalid' ? r.problems.map((p) => `${p.line} ${p.column}: ${p.message}`) : [r.error]).toContain('14 currency: no exchange rate for EUR into USD; give it with fx (EUR=RATE)');
  });
  it('endInclusive (Zuora) ends a period one day later; gross discounts are not subtracted', () => {
    const zuora = [LINES_HEADER, 'Z,2024-01-01,2024-01-31,100,10,,USD,month,,s,i,paid'].join('\n');
    expect(mrrBy(zuora, goldenMapping({ endInclusive: true, through: '2024-02' })).get('Z')!.get('2024-01')).toBe('90.00');
    expect(mrrBy(zuora, goldenMapping({ endInclusive: true, discounts: 'gross', through: '2024-02' })).get('Z')!.get('2024-01')).toBe('100.00');
  });
  it('refunds voidFull drops an invoice refunded in full', () => {
    const text = ['customer,periodStart,periodEnd,amount,interval,invoice,refunded', 'R,2024-01-01,2024-02-01,100,month,r1,100', 'R,2024-02-01,2024-03-01,100,month,r2,'].join('\n');
    expect([...mrrBy(text, goldenMapping({ refunds: 'voidFull', through: '2024-02', fx: {} })).get('R')!]).toEqual([['2024-02', '100.00']]);
  });
});

describe('wide and long shapes', () => {
  it('reads month columns in each header form, an empty cell as 0, -0 as 0', () => {
    const text = 'Customer,Plan,2024-01,2024-02-01,Mar 2024,April 2024\nAcme,Pro,100,,-0,120\n';
    const r = convertExport(text);
    expect(r.ok && r.mapping.shape).toBe('wide');
    expect(r.ok && r.converted.rows.map((x) => `${monthText(x.month)} ${x.mrr.toString()}`)).toEqual(['2024-01 100', '2024-02 0', '2024-03 0', '2024-04 120']);
  });
  it('refuses the same month in two columns, naming both', () => {
    const r = convertExport('customer,2024-01,Jan 2024\nA,1,2\n');
    expect(r.ok ? '' : r.kind === 'invalid' && r.problems[0]!.message).toBe('2024-01 is also the column "2024-01"; keep one column per month');
  });
  it('long: §9 table under any headers by a mapping, ARR read as 12 × MRR', () => {
    const m = parseMapping({ shape: 'long', fields: { customer: 'Client', month: 'Period', amount: 'Revenue' }, options: { amounts: 'arr' } });
    const r = convertExport('Client,Period,Revenue\nA,2024-01,1200\nA,2024-02,-0\n', m.ok ? m.mapping : undefined);
    expect(r.ok && longCsv(r.converted)).toBe('customer,month,mrr\nA,2024-01,100.00\nA,2024-02,0.00\n');
  });
});

describe('detection and bad input', () => {
  it('suggests the shape and fields from usual headers', () => {
    const m = suggestMapping(['Customer ID', 'Period Start', 'Period End', 'Amount', 'Currency', 'Invoice Status']);
    expect(m).toMatchObject({ shape: 'lines', fields: { customer: 'Customer ID', periodStart: 'Period Start', periodEnd: 'Period End', amount: 'Amount', currency: 'Currency', invoiceStatus: 'Invoice Status' } });
    expect(suggestMapping(['name', 'value'])).toMatchObject({ missing: expect.stringMatching(/fit none of the shapes/) });
  });
  it('names each bad line by line and column; nothing is half-imported', () => {
    const text = [LINES_HEADER, ',2024-01-01,2024-02-01,1,,,USD,month,,,,', 'A,2024-13-01,2024-02-01,1,,,USD,month,,,,', 'A,2024-01-01,2024-02-01,1 000,,,USD,month,,,,', 'A,2024-01-01,2024-02-01,10,-1,,USD,month,,,,', 'A,2024-01-01,2024-01-20,10,,,USD,,,,,', 'A,2024-01-01,2024-02-01,10,,,USD,fortnight,,,,'].join('\n');
    const r = convertExport(text, goldenMapping());
    expect(r.ok ? [] : r.kind === 'invalid' ? r.problems.map((p) => `${p.line} ${p.column}`) : [r.error]).toEqual(['2 customer', '3 periodStart', '4 amount', '5 discount', '6 interval', '7 interval']);
  });
  it('a file with three currencies and one rate is refused, naming the currency', () => {
    const text = [LINES_HEADER, 'A,2024-01-01,2024-02-01,1,,,USD,month,,,,', 'B,2024-01-01,2024-02-01,1,,,EUR,month,,,,', 'C,2024-01-01,2024-02-01,1,,,GBP,month,,,,'].join('\n');
    const r = convertExport(text, goldenMapping());
    expect(r.ok ? [] : r.kind === 'invalid' ? r.problems.map((p) => p.message) : []).toEqual(['no exchange rate for GBP into USD; give it with fx (GBP=RATE)']);
  });
});

describe('dates', () => {
  it('addMonths keeps the day and clamps to the month end', () => {
    const d = (s: string) => new Date(addMonths(parseInstant(s)!, 1)).toISOString().slice(0, 10);
    expect([d('2024-01-31'), d('2024-02-29'), d('2023-01-31'), d('2024-12-15')]).toEqual(['2024-02-29', '2024-03-29', '2023-02-28', '2025-01-15']);
    expect(monthHeader('Sept 2024')).toBeNull();
    expect(monthHeader('sep 2024')).not.toBeNull();
  });
});
