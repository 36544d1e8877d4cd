// `bowtie actuals FILE [options]` and `bowtie convert` on billing exports in
// their own shape (spec §9.1), through the command's worker thread.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempFiles } from '../support/cli';

const files = tempFiles('bowtie-billing-');
const run = runCli;
const file = files.file;
const STRIPE = 'Customer ID,Period Start,Period End,Amount,Currency,Invoice Status,Interval\ncus_1,2024-01-01,2024-02-01,100,usd,paid,month\ncus_1,2024-02-01,2024-03-01,150,usd,paid,month\ncus_2,2024-01-15,2025-01-15,1200,usd,paid,year\nvoid_1,2024-01-01,2024-02-01,99,usd,void,month\n';

describe('bowtie actuals on an export in its own shape', () => {
  it('detects line items from their headers, says which fields it used, and prints §9 figures with the reconciliation', async () => {
    const r = await run(['actuals', await file(STRIPE)]);
    expect(r.code).toBe(0);
    expect(r.err[0]).toMatch(/^note: read as lines: customer ← Customer ID, amount ← Amount, periodStart ← Period Start/);
    const j = JSON.parse(r.out);
    expect(j.months).toEqual(['2024-01', '2024-02']); // the last month: the latest period start, as no line has an invoice date
    expect(j).toMatchObject({ closing: [2400, 3000], expansion: [0, 600] });
    expect(j.mapping.shape).toBe('lines');
    expect(j.reconciliation).toMatchObject({ linesUsed: 3, leftOut: { void: 1 } });
  });
  it('takes the options as flags', async () => {
    const j = JSON.parse((await run(['actuals', await file(STRIPE), '--through', '2024-04'])).out);
    expect(j.months).toEqual(['2024-01', '2024-02', '2024-03', '2024-04']);
    expect(j.churn).toEqual([0, 0, 1800, 0]);
  });
  it('takes MAPPING.json; a bad mapping is exit 1 naming the field', async () => {
    const mapping = await file(JSON.stringify({ shape: 'long', fields: { customer: 'Client', month: 'Period', amount: 'Revenue' } }), 'json');
    const r = await run(['actuals', await file('Client,Period,Revenue\nA,2024-01,10\nA,2024-02,-0\n'), '--mapping', mapping]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ months: ['2024-01', '2024-02'], churn: [0, 120] });
    const bad = await file(JSON.stringify({ shape: 'lines', fields: { client: 'Client' } }), 'json');
    const b = await run(['actuals', await file('x\n1\n'), '--mapping', bad]);
    expect(b.code).toBe(1);
    expect(b.err[0]).toMatch(/fields\.client: is not a field of the lines shape/);
  });
  it('a file whose shape cannot be told keeps §9\'s message and exit 2', async () => {
    const r = await run(['actuals', await file('customer,period,mrr\nA,2024-01,1\n')]);
    expect(r.code).toBe(2);
    expect(r.err[0]).toMatch(/the header has no month column/);
  });
  it('line and column problems are exit 1', async () => {
    const r = await run(['actuals', await file('Customer ID,Period Start,Period End,Amount,Interval\ncus_1,2024-01-01,2024-02-01,1 00,month\n')]);
    expect(r).toMatchObject({ code: 1, out: '' });
    expect(r.err).toEqual(['line 2, column Amount: "1 00" is not a number written with digits, an optional minus and an optional decimal point (no thousands separators, currency signs or decimal commas)']);
  });
});

describe('bowtie convert', () => {
  it('writes the §9 long table with two decimals', async () => {
    const out = join(files.dir(), 'long.csv');
    expect((await run(['convert', await file(STRIPE), out, '--through', '2024-03'])).code).toBe(0);
    expect(await readFile(out, 'utf8')).toBe('customer,month,mrr\ncus_1,2024-01,100.00\ncus_1,2024-02,150.00\ncus_1,2024-03,0.00\ncus_2,2024-01,100.00\ncus_2,2024-02,100.00\ncus_2,2024-03,100.00\n');
  });
  it('refuses an unknown option or a bad one', async () => {
    const f = await file(STRIPE);
    expect((await run(['convert', f, join(files.dir(), 'x.csv'), '--nope'])).code).toBe(2);
    const r = await run(['convert', f, join(files.dir(), 'x.csv'), '--snapshot', 'middle']);
    expect(r.code).toBe(1);
    expect(r.err[0]).toBe('--snapshot: must be one of end, start, got "middle"');
  });
});
