// The double-precision re-score the screen runs on a weight edit (issue 25.6)
// against the decimal core (§12): ERS within 1e-9 points, the same ready, at
// risk and next lane (unless an ERS is within 1e-9 of readyAbove), the money
// totals exactly equal, the top-20% share within 1e-9.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultInputs } from '@shared/index';
import { defaultSignals, readAccounts, scoreAccounts, SIGNAL_IDS, type SignalSettings } from '@shared/accounts/index';
import { accountColumns, fastTotals, flagsOf, fromMicro, scoreColumns, whitespaceCurve } from '@shared/accounts/fast-score';

const model = defaultInputs();
const opt = (a: fc.Arbitrary<string>) => fc.oneof(fc.constant(''), a);
const num = fc.integer({ min: 0, max: 2000 }).map((x) => (x / 10).toString());
const row = fc.record({
  arr: fc.integer({ min: 0, max: 10_000_000 }).map((x) => (x / 100).toString()),
  seatsActive: opt(num), seatsLicensed: opt(num), usage: opt(num), usagePrev: opt(num), teams: opt(num), dataRequests: opt(num),
  milestones: opt(num), tickets: opt(num), ticketsPrev: opt(num),
  champion: opt(fc.constantFrom('promoted', 'newRole', 'stable', 'left', 'roleOutOfDomain')),
  npsPrev: opt(fc.integer({ min: 0, max: 10 }).map(String)), nps: opt(fc.integer({ min: 0, max: 10 }).map(String)),
  competitorMention: opt(fc.constantFrom('yes', 'no')),
  lanes: fc.subarray(model.lanes.map((l) => l.id)).map((x) => x.join(';')),
});
const settings = fc.record({
  weights: fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 7, maxLength: 7 }),
  readyAbove: fc.integer({ min: 0, max: 100 }),
  riskFlags: fc.integer({ min: 1, max: 5 }),
}).filter((s) => s.weights.some((w) => w > 0)).map(({ weights, readyAbove, riskFlags }): SignalSettings => {
  const s = defaultSignals();
  SIGNAL_IDS.forEach((id, i) => { s[id].weight = weights[i]!; });
  return { ...s, readyAbove, riskFlags };
});

function csvOf(rows: Record<string, string>[]): string {
  const header = ['account', ...Object.keys(rows[0]!)];
  return [header.join(','), ...rows.map((r, i) => [`acct-${String(i).padStart(3, '0')}`, ...Object.values(r)].join(','))].join('\n');
}

describe('fast re-score against the decimal core', () => {
  it('agrees on every account and total', () => {
    fc.assert(fc.property(fc.array(row, { minLength: 1, maxLength: 40 }), settings, (rows, s) => {
      const read = readAccounts(csvOf(rows), model);
      if (!read.ok) throw new Error(JSON.stringify(read));
      const exact = scoreAccounts(read.rows, model, s);
      const cols = accountColumns(read.rows, model);
      const fast = scoreColumns(cols, s);
      const totals = fastTotals(cols, fast);
      exact.accounts.forEach((a, i) => {
        const e = fast.ers[i]!;
        if (a.ers === null) expect(Number.isNaN(e)).toBe(true);
        else expect(Math.abs(e - a.ers.toNumber())).toBeLessThan(1e-9);
        expect(fast.signals[i]).toBe(a.signals);
        SIGNAL_IDS.forEach((id, k) => { const sc = a.scores[id]; if (sc === null) expect(Number.isNaN(fast.scores[i * 7 + k]!)).toBe(true); else expect(Math.abs(fast.scores[i * 7 + k]! - sc.toNumber())).toBeLessThan(1e-9); });
        expect(flagsOf(cols.flags[i]!)).toEqual(a.flags);
        expect(!!fast.atRisk[i]).toBe(a.atRisk);
        if (a.ers === null || Math.abs(a.ers.toNumber() - s.readyAbove) > 1e-9) {
          expect(!!fast.ready[i]).toBe(a.ready);
          expect(fast.nextLane[i]! < 0 ? null : cols.categoryLane[fast.nextLane[i]!]).toBe(a.nextLane);
        }
        expect(fromMicro(cols.whitespaceMicro[i]!).eq(a.whitespace)).toBe(true);
      });
      const t = exact.totals;
      expect([totals.accounts, totals.readyAccounts, totals.atRiskAccounts]).toEqual([t.accounts, t.readyAccounts, t.atRiskAccounts]);
      for (const [m, d] of [[totals.arrMicro, t.arr], [totals.whitespaceMicro, t.whitespace], [totals.readyArrMicro, t.readyArr], [totals.readyWhitespaceMicro, t.readyWhitespace], [totals.atRiskArrMicro, t.atRiskArr]] as const) expect(fromMicro(m).toString()).toBe(d.toString());
      if (t.top20WhitespaceShare === null) expect(totals.top20WhitespaceShare).toBeNull();
      else expect(Math.abs(totals.top20WhitespaceShare! - t.top20WhitespaceShare.toNumber())).toBeLessThan(1e-9);
    }), { numRuns: 60 });
  });

  it('draws the whitespace curve by ERS rank, ending at all accounts and all whitespace', () => {
    const text = ['account,arr,teams,lanes', 'a,10,5,', 'b,10,1,' + model.lanes.map((l) => l.id).join(';'), 'c,10,3,', 'd,10,,', 'e,10,2,'].join('\n');
    const read = readAccounts(text, model);
    if (!read.ok) throw new Error('unread');
    const cols = accountColumns(read.rows, model);
    const curve = whitespaceCurve(cols, fastTotals(cols, scoreColumns(cols, defaultSignals())), 5);
    // a (5 teams), c, e hold whitespace; b owns every lane; d has no ERS and ranks last
    expect(curve.map((p) => p.accountShare)).toEqual([0.2, 0.4, 0.6, 0.8, 1]);
    expect(curve.map((p) => Math.round(p.whitespaceShare * 4) / 4)).toEqual([0.25, 0.5, 0.75, 0.75, 1]);
  });
});
