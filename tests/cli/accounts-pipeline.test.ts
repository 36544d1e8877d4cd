// `bowtie accounts` and `bowtie pipeline` (spec §12): the JSON, the exit codes
// and the problem lines, through the command's own worker thread.
import { describe, expect, it } from 'vitest';
import { runCli, tempFiles } from '../support/cli';

const files = tempFiles('bowtie-accounts-');

const run = runCli;
const file = files.file;

describe('bowtie accounts', () => {
  it('prints each account and the totals, with the model given or the defaults', async () => {
    const accounts = await file('account,arr,teams,lanes\nAcme,1000,5,\nBeta,500,1,modules\n');
    const r = await run(['accounts', accounts]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.accounts.map((a: { account: string; ers: number; ready: boolean; nextLane: string | null }) => [a.account, a.ers, a.ready, a.nextLane])).toEqual([['Acme', 100, true, 'modules'], ['Beta', 0, false, null]]);
    expect(j.totals).toMatchObject({ accounts: 2, arr: 1500, readyAccounts: 1, readyWhitespace: 90000 });

    const model = await file(JSON.stringify({ signals: { readyAbove: 100 } }), 'json');
    const strict = JSON.parse((await run(['accounts', accounts, '--model', model])).out);
    expect(strict.totals.readyAccounts).toBe(0);
  });

  it('exits 1 with line/column problems, 1 for an invalid model, 2 for a file that cannot be read', async () => {
    const bad = await run(['accounts', await file('account,arr\nA,1\nA,2\n')]);
    expect(bad).toMatchObject({ code: 1, out: '', err: ['line 3, column account: "A" is already on line 2; each account has one row'] });
    const invalid = await run(['accounts', await file('account,arr\nA,1\n'), '--model', await file('{"signals":{"riskFlags":0}}', 'json')]);
    expect(invalid.code).toBe(1);
    expect(invalid.err).toEqual(['signals.riskFlags: must be a whole number between 1 and 5, got 0']);
    const noColumn = await run(['accounts', await file('name,arr\nA,1\n')]);
    expect(noColumn.code).toBe(2);
    expect(noColumn.err[0]).toMatch(/the header has no account column/);
  });

  it('refuses bytes that are not UTF-8, naming the first such line and how to save the file', async () => {
    const cp1252 = new Uint8Array([...new TextEncoder().encode('account,arr\nA,1\nJ'), 0xfc, ...new TextEncoder().encode('rgen,2\n')]);
    const r = await run(['accounts', await file(cp1252)]);
    expect(r.code).toBe(2);
    expect(r.err[0]).toMatch(/line 3 is not UTF-8 text \(byte 0xFC, "ü" in Windows-1252\); in Excel use Save As › "CSV UTF-8/);
  });
});

describe('bowtie pipeline', () => {
  it('prints coverage per period and lane against the model, with a stage map and a period length', async () => {
    const model = await file('{}', 'json');
    const stages = await file(JSON.stringify({ Negotiation: 'Committed' }), 'json');
    const pipe = await file('account,amount,stage,close,lane\nA,1000,Negotiation,2026-10-05,modules\nB,5,Committed,2030-01,\n');
    const r = await run(['pipeline', pipe, '--model', model, '--stages', stages, '--period-months', '6']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.periods.map((p: { from: string; to: string }) => `${p.from}..${p.to}`)).toEqual(['2026-01..2026-06', '2026-07..2026-12', '2027-01..2027-06', '2027-07..2027-12', '2028-01..2028-06', '2028-07..2028-12']);
    expect(j.periods[1]).toMatchObject({ open: 1000, weighted: 800 });
    expect(j.periods[1].lanes[0]).toMatchObject({ lane: 'modules', open: 1000 });
    expect(j).toMatchObject({ opportunities: 2, outsidePlan: 1 });
  });

  it('exits 2 without a model, 1 for an unknown stage, 1 for a bad period length', async () => {
    const pipe = await file('account,amount,stage,close\nA,1,Negotiation,2026-01\n');
    expect((await run(['pipeline', pipe])).code).toBe(2);
    const model = await file('{}', 'json');
    const r = await run(['pipeline', pipe, '--model', model]);
    expect(r.code).toBe(1);
    expect(r.err[0]).toMatch(/^line 2, column stage: "Negotiation" is not a stage/);
    expect((await run(['pipeline', pipe, '--model', model, '--period-months', '0'])).code).toBe(1);
  });
});
