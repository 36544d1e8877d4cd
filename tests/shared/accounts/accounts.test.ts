// Spec §12: accounts, their readiness score, risk flags, readiness, whitespace,
// next lane and totals.
import { describe, expect, it } from 'vitest';
import { D, defaultInputs, parseModel, type Lane, type ModelInputs } from '@shared/index';
import { defaultSignals, readAccounts, scoreAccounts, type AccountRow, type ScoredAccount } from '@shared/accounts/index';

type Row = Record<string, string | number>;
const csv = (rows: Row[], header = [...new Set(rows.flatMap((r) => Object.keys(r)))]) =>
  [header.join(','), ...rows.map((r) => header.map((h) => String(r[h] ?? '')).join(','))].join('\n');

function rowsOf(text: string, model: ModelInputs = defaultInputs()): AccountRow[] {
  const read = readAccounts(text, model);
  if (!read.ok) throw new Error(JSON.stringify(read));
  return read.rows;
}
const scored = (rows: Row[], model: ModelInputs = defaultInputs()): ScoredAccount[] => scoreAccounts(rowsOf(csv(rows), model), model).accounts;
const one = (row: Row, model?: ModelInputs) => scored([{ account: 'A', arr: 1000, ...row }], model)[0]!;
const n = (x: { toNumber(): number } | null) => (x === null ? null : x.toNumber());

describe('signal scores (§12 table): 0 at zeroAt, 100 at fullAt, linear between, clamped', () => {
  const cases: [string, Row, Row, Row, Row][] = [
    // signal, at 0, halfway, at 100, past 100
    ['seatUtilisation', { seatsActive: 50, seatsLicensed: 100 }, { seatsActive: 72.5, seatsLicensed: 100 }, { seatsActive: 95, seatsLicensed: 100 }, { seatsActive: 120, seatsLicensed: 100 }],
    ['usageGrowth', { usage: 100, usagePrev: 100 }, { usage: 115, usagePrev: 100 }, { usage: 130, usagePrev: 100 }, { usage: 200, usagePrev: 100 }],
    ['breadth', { teams: 1 }, { teams: 3 }, { teams: 5 }, { teams: 9 }],
    ['dataRequests', { dataRequests: 0 }, { dataRequests: 1.5 }, { dataRequests: 3 }, { dataRequests: 7 }],
    ['success', { milestones: 0 }, { milestones: 1.5 }, { milestones: 3 }, { milestones: 4 }],
    ['capacity', { tickets: 10, ticketsPrev: 10 }, { tickets: 12.5, ticketsPrev: 10 }, { tickets: 15, ticketsPrev: 10 }, { tickets: 40, ticketsPrev: 10 }],
  ];
  for (const [id, zero, half, full, past] of cases) {
    it(id, () => {
      const s = (r: Row) => n(one(r).scores[id as 'breadth']);
      expect([s(zero), s(half), s(full), s(past)]).toEqual([0, 50, 100, 100]);
      // below the zero point is clamped to 0 (breadth below 1 team, a seat share under half, a fall)
      if (id === 'seatUtilisation') expect(s({ seatsActive: 10, seatsLicensed: 100 })).toBe(0);
      if (id === 'usageGrowth') expect(s({ usage: 50, usagePrev: 100 })).toBe(0);
    });
  }
  it('champion: 100 for promoted or newRole, 0 otherwise, any case', () => {
    expect(['Promoted', ' newrole ', 'stable', 'LEFT', 'roleOutOfDomain'].map((c) => n(one({ champion: c }).scores.champion))).toEqual([100, 100, 0, 0, 0]);
  });
  it('a score falls as the value rises when zeroAt exceeds fullAt', () => {
    const m = defaultInputs();
    m.signals = { ...defaultSignals(), breadth: { weight: 15, zeroAt: 5, fullAt: 1 } };
    expect(n(one({ teams: 2 }, m).scores.breadth)).toBe(75);
  });
});

describe('ERS: Σ weight·score ÷ Σ weight over the signals the row has', () => {
  it('weights the scores the row has, and counts them of seven', () => {
    const a = one({ teams: 5, dataRequests: 0 }); // 15·100 + 10·0 over 25
    expect(n(a.ers)).toBe(60);
    expect(a.signals).toBe(2);
  });
  it('a ratio with a 0 or missing denominator, or one column of two, leaves the signal out', () => {
    const a = one({ seatsActive: 5, seatsLicensed: 0, usage: 10, tickets: 3, ticketsPrev: '', teams: 3 });
    expect(a.scores.seatUtilisation).toBeNull();
    expect(a.scores.usageGrowth).toBeNull();
    expect(a.scores.capacity).toBeNull();
    expect(a.signals).toBe(1);
    expect(n(a.ers)).toBe(50);
  });
  it('is null with no signal; a weight-0 signal still counts among the seven but not in the ERS', () => {
    expect(one({}).ers).toBeNull();
    const m = defaultInputs();
    m.signals = { ...defaultSignals(), breadth: { weight: 0, zeroAt: 1, fullAt: 5 } };
    const a = one({ teams: 5 }, m);
    expect(a.signals).toBe(1);
    expect(a.ers).toBeNull();
    expect(n(a.scores.breadth)).toBe(100);
  });
});

describe('contraction risk (seed 001) and readiness', () => {
  it('each flag at its threshold and just past it', () => {
    expect(one({ usage: 80, usagePrev: 100 }).flags).toEqual([]); // −20% exactly is not "more than 20%"
    expect(one({ usage: 79.99, usagePrev: 100 }).flags).toEqual(['usageDrop']);
    expect(one({ tickets: 15, ticketsPrev: 10 }).flags).toEqual([]);
    expect(one({ tickets: 15.01, ticketsPrev: 10 }).flags).toEqual(['ticketSurge']);
    expect(one({ champion: 'left' }).flags).toEqual(['championLost']);
    expect(one({ champion: 'roleOutOfDomain' }).flags).toEqual(['championLost']);
    expect(one({ npsPrev: 7, nps: 6 }).flags).toEqual(['npsDrop']);
    expect(one({ npsPrev: 6.9, nps: 0 }).flags).toEqual([]);
    expect(one({ npsPrev: 9, nps: 6.5 }).flags).toEqual([]); // nps ≤ 6, compared unrounded
    expect(one({ competitorMention: 'Yes' }).flags).toEqual(['competitorMention']);
    expect(one({ competitorMention: 'no' }).flags).toEqual([]);
  });
  it('two flags make an account at risk (riskFlags is an input), and an at-risk account is never ready', () => {
    const strong = { seatsActive: 95, seatsLicensed: 100, teams: 5, milestones: 3 };
    expect(one({ ...strong, competitorMention: 'yes' })).toMatchObject({ atRisk: false, ready: true });
    expect(one({ ...strong, competitorMention: 'yes', champion: 'left' })).toMatchObject({ atRisk: true, ready: false });
    const m = defaultInputs();
    m.signals = { ...defaultSignals(), riskFlags: 1 };
    expect(one({ ...strong, competitorMention: 'yes' }, m)).toMatchObject({ atRisk: true, ready: false });
  });
  it('ready means an ERS above readyAbove, not equal to it', () => {
    expect(one({ teams: 4 }).ready).toBe(false); // ERS 75 exactly
    expect(one({ teams: 4.04 }).ready).toBe(true);
  });
});

describe('whitespace and next lane', () => {
  const lanes = (...ls: Partial<Lane>[]): ModelInputs => {
    const m = defaultInputs();
    m.lanes = ls.map((l, i) => ({ id: `l${i}`, name: `Lane ${i}`, anchor: 'close', windowStart: 0, windowEnd: 0, attachRate: 0.2, acv: 1000 * (i + 1), grossMargin: 0.5, ...l }));
    return m;
  };
  const ready = { seatsActive: 95, seatsLicensed: 100, dataRequests: 3, tickets: 15, ticketsPrev: 10 };

  it('whitespace: the year-1 ACV of the lanes the account does not own, leaving out lanes the plan does not sell', () => {
    const m = lanes({ acv: [1000, 5000] }, { attachRate: 0 }, {});
    expect(n(one({ lanes: 'l0' }, m).whitespace)).toBe(3000);
    expect(n(one({ lanes: '' }, m).whitespace)).toBe(4000);
  });
  it('each category points at its lever, else its anchor', () => {
    const byLever = lanes({ lever: 'services' }, { lever: 'integration' }, { lever: 'crossSell' });
    expect(one({ seatsActive: 95, seatsLicensed: 100, teams: 5 }, byLever).nextLane).toBe('l2');
    const byAnchor = lanes({ anchor: 'adoption' }, { anchor: 'firstValue' }, { anchor: 'onboarding' });
    expect(one({ ...ready, seatsActive: 80 }, byAnchor).nextLane).toBe('l1'); // data 100 beats usage 66.7
    expect(one({ teams: 5, tickets: 20, ticketsPrev: 10, dataRequests: 0, milestones: 3 }, byAnchor).nextLane).toBe('l2'); // usage 100 ties capacity 100: usage first
  });
  it('a category drops out when the account owns its lane or the lane is not sold; none when none is left', () => {
    const m = lanes({ lever: 'upsell' }, { lever: 'integration', attachRate: 0 }, { lever: 'services' });
    expect(one(ready, m).nextLane).toBe('l0');
    expect(one({ ...ready, lanes: 'l0' }, m).nextLane).toBe('l2');
    expect(one({ ...ready, lanes: 'l0;Lane 2' }, m).nextLane).toBeNull();
  });
  it('only a ready account gets a next lane', () => {
    expect(one({ teams: 2 }).nextLane).toBeNull();
  });
});

describe('totals', () => {
  it('counts and sums, and the top 20% by ERS (⌈N ÷ 5⌉, no ERS last, ties by account)', () => {
    const rows: Row[] = [
      { account: 'e', arr: 100, teams: 5 }, // ERS 100
      { account: 'd', arr: 200, teams: 5, lanes: 'modules;integration;services' }, // 100, no whitespace
      { account: 'c', arr: 300, teams: 3 },
      { account: 'b', arr: 400 }, // no ERS
      { account: 'a', arr: 500, teams: 1, competitorMention: 'yes', champion: 'left' },
      { account: 'f', arr: 600, teams: 2 },
      { account: 'g', arr: 700, teams: 2 },
    ];
    const m = defaultInputs();
    const { totals } = scoreAccounts(rowsOf(csv(rows)), m);
    expect(totals.accounts).toBe(7);
    expect(n(totals.arr)).toBe(2800);
    expect(totals.readyAccounts).toBe(2);
    expect(n(totals.readyArr)).toBe(300);
    expect(n(totals.readyWhitespace)).toBe(90000);
    expect(totals.atRiskAccounts).toBe(1);
    expect(n(totals.atRiskArr)).toBe(500);
    // ⌈7/5⌉ = 2: d and e tie at 100; by account d comes first, then e: 0 + 90,000 of 6 × 90,000
    expect(totals.top20WhitespaceShare!.equals(new D(1).div(6))).toBe(true);
  });
});

describe('bad input: every problem by line and column, nothing half-imported', () => {
  const m = defaultInputs();
  const problems = (text: string) => {
    const r = readAccounts(text, m);
    return r.ok ? [] : r.kind === 'invalid' ? r.problems.map((p) => `line ${p.line}, column ${p.column}: ${p.message}`) : [r.error];
  };
  it('names each', () => {
    const text = ['Account,ARR,champion,lanes,teams,segment,nps', 'A,10,,,,,', 'A,20,,,,,', 'B,-5,,,,,', 'C,1 000,,,,,', 'D,0,boss,,,,', 'E,1,,nope,,,', 'F,1,,,many,,', 'G,1,,,,smb,', 'H,1,,,,,11', 'I,,,,,,'].join('\n');
    expect(problems(text)).toEqual([
      'line 3, column Account: "A" is already on line 2; each account has one row',
      'line 4, column ARR: "-5" is negative; arr must be 0 or more',
      'line 5, column ARR: "1 000" is not a number written with digits and an optional decimal point (no thousands separators, currency signs or decimal commas)',
      'line 6, column champion: "boss" is not a champion state; write one of promoted, newRole, stable, left, roleOutOfDomain',
      'line 7, column lanes: "nope" is not a lane of the model (its lanes: modules, integration, services)',
      'line 8, column teams: "many" is not a number written with digits and an optional decimal point (no thousands separators, currency signs or decimal commas)',
      'line 9, column segment: "smb": the model has no segments, so the segment column must be empty',
      'line 10, column nps: 11 is not an NPS answer; write 0 to 10',
      'line 11, column ARR: the arr is empty; write 0 for an account without ARR',
    ]);
  });
  it('a file without the required columns cannot be read at all', () => {
    expect(problems('name,arr\nA,1')).toEqual(['the header has no account column (found: name, arr)']);
    expect(problems('')).toEqual(['the file is empty']);
    expect(problems('account;arr\n')).toEqual(['the file has a header but no account rows']);
  });
  it('a file with no signal columns imports and says that no ERS can be computed', () => {
    const r = readAccounts('account;arr\nA;1\nB;2', m);
    expect(r.ok && r.notes).toEqual(['the file has no signal columns, so no expansion readiness score can be computed']);
  });
});

describe('signals are model inputs (signals.*), validated with their paths', () => {
  it('merges over the defaults and reports each problem', () => {
    const ok = parseModel({ signals: { breadth: { weight: '30' }, readyAbove: 80 } });
    expect(ok.ok && ok.value.signals?.breadth).toEqual({ weight: 30, zeroAt: 1, fullAt: 5 });
    const bad = parseModel({ signals: { breadth: { zeroAt: 5 }, readyAbove: 101, riskFlags: 1.5, nope: {} } });
    expect(bad.ok ? [] : bad.problems.map((p) => p.path)).toEqual(['signals.breadth.fullAt', 'signals.readyAbove', 'signals.riskFlags']);
    const zero = Object.fromEntries(['seatUtilisation', 'usageGrowth', 'breadth', 'dataRequests', 'success', 'capacity', 'champion'].map((id) => [id, { weight: 0 }]));
    const none = parseModel({ signals: zero });
    expect(none.ok ? [] : none.problems).toEqual([{ path: 'signals', message: 'at least one signal must have a weight above 0' }]);
  });
});
