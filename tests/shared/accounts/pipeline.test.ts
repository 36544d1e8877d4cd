// Spec §12: the expansion pipeline against the plan's lane purchases.
import { describe, expect, it } from 'vitest';
import { computeExact, D, defaultInputs, type ModelInputs } from '@shared/index';
import { pipelineCoverage, readPipeline, verdictOf, STAGE_WEIGHTS, type Opportunity } from '@shared/accounts/index';

const opps = (text: string, m: ModelInputs = defaultInputs(), stages = {}): Opportunity[] => {
  const r = readPipeline(text, m, stages);
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.opportunities;
};
const n = (x: { toNumber(): number } | null) => (x === null ? null : x.toNumber());

describe('stages (seed 003)', () => {
  it('weights each stage; Closed Won counts as won, Closed Lost is not open', () => {
    const m = defaultInputs();
    const text = ['account,amount,stage,close', 'a,100,signal detected,2026-01', 'b,100,Opportunity Qualified,2026-01', 'c,100,SOLUTION PRESENTED,2026-01', 'd,100,Committed,2026-01', 'e,100,Closed Won,2026-01', 'f,100,Closed Lost,2026-01'].join('\n');
    const p = pipelineCoverage(opps(text), m, computeExact(m)).periods[0]!;
    expect(n(p.won)).toBe(100);
    expect(n(p.open)).toBe(400);
    expect(n(p.weighted)).toBe(100 + 10 + 25 + 50 + 80);
    expect(STAGE_WEIGHTS['Closed Lost']).toBe(0);
  });
  it("maps a CRM's own stage names (any case) onto seed 003's", () => {
    const o = opps('account,amount,stage,close\na,5,negotiation,2026-02', defaultInputs(), { negotiation: 'Committed' });
    expect(o[0]!.stage).toBe('Committed');
  });
});

describe('periods against the plan', () => {
  it("plan is Σ of the bridge's lane purchases in the period's months, per lane and in all", () => {
    const m = defaultInputs();
    const r = computeExact(m);
    const figures = pipelineCoverage(opps('account,amount,stage,close\na,1,Committed,2026-01'), m, r);
    expect(figures.periods).toHaveLength(12);
    for (const p of figures.periods) {
      const months = r.months.slice(p.firstMonth, p.lastMonth + 1);
      m.lanes.forEach((_, i) => expect(p.lanes[i]!.plan.equals(months.reduce((s, x) => s.add(x.lanes[i]!), new D(0)))).toBe(true));
      expect(p.plan.equals(p.lanes.reduce((s, l) => s.add(l.plan), new D(0)))).toBe(true);
    }
    expect(figures.periods.some((p) => p.plan.gt(0))).toBe(true);
  });
  it('the last period holds the months that remain; opportunities outside the plan are counted and left out', () => {
    const m = defaultInputs();
    m.general.horizonMonths = 14;
    const o = opps('account,amount,stage,close\na,1,Committed,2025-12-31\nb,2,Committed,2027-02-01T23:59:00-08:00\nc,4,Committed,2027-03', m);
    const f = pipelineCoverage(o, m, computeExact(m), 5);
    expect(f.periods.map((p) => [p.firstMonth, p.lastMonth])).toEqual([[0, 4], [5, 9], [10, 13]]);
    expect(f.outsidePlan).toBe(2); // December 2025 and March 2027; February 2027 is month 13, as written (no time-zone shift)
    expect(n(f.periods[2]!.open)).toBe(2);
  });
  it('remaining, coverage, gap; plan met when won covers the plan', () => {
    const m = defaultInputs();
    const r = computeExact(m);
    const plan = pipelineCoverage([], m, r).periods[3]!.plan; // months 9–11: October to December 2026
    expect(plan.gt(0)).toBe(true);
    const at = (text: string) => pipelineCoverage(opps(`account,amount,stage,close\n${text}`), m, r).periods[3]!;
    const won = plan.div(2);
    const p = at(`a,${won.toFixed(6)},Closed Won,2026-10\nb,${plan.toFixed(6)},Committed,2026-11`);
    expect(p.remaining.toFixed(2)).toBe(plan.sub(won.toFixed(6)).toFixed(2));
    expect(n(p.coverage)).toBeCloseTo(2, 6);
    expect(p.verdict).toBe('under-covered');
    expect(p.gap.toFixed(2)).toBe(plan.sub(new D(won.toFixed(6))).sub(new D(plan.toFixed(6)).mul(0.8)).toFixed(2));
    const met = at(`a,${plan.add(1).toFixed(6)},Closed Won,2026-12`);
    expect(met).toMatchObject({ coverage: null, verdict: 'plan met' });
    expect(n(met.remaining)).toBe(0);
  });
  it('the verdict: below 2.5 under-covered, 2.5 to 3.5 inclusive covered, above 3.5 over-covered', () => {
    expect(['2.4999', '2.5', '3', '3.5', '3.5001'].map((x) => verdictOf(new D(x)))).toEqual(['under-covered', 'covered', 'covered', 'covered', 'over-covered']);
  });
});

describe('bad input: by line and column, nothing half-imported', () => {
  it('names each problem', () => {
    const r = readPipeline(['account,amount,stage,close,lane', ',5,Committed,2026-01,', 'a,0,Committed,2026-01,', 'b,-3,Committed,2026-01,', 'c,5,Negotiation,2026-01,', 'd,5,Committed,01/02/2026,', 'e,5,Committed,2026-02-30,', 'f,5,Committed,2026-01,upsell', 'g,five,Committed,2026-01,'].join('\n'), defaultInputs());
    expect(r.ok ? [] : r.kind === 'invalid' ? r.problems.map((p) => `${p.line} ${p.column}: ${p.message}`) : [r.error]).toEqual([
      '2 account: the account is empty',
      '3 amount: the amount is 0; an opportunity adds ARR above 0',
      '4 amount: "-3" is negative; amount must be 0 or more',
      '5 stage: "Negotiation" is not a stage; map it onto one of Signal Detected, Opportunity Qualified, Solution Presented, Committed, Closed Won, Closed Lost',
      '6 close: "01/02/2026" is not a date written YYYY-MM or YYYY-MM-DD',
      '7 close: "2026-02-30" is not a date written YYYY-MM or YYYY-MM-DD',
      '8 lane: "upsell" is not a lane of the model (its lanes: modules, integration, services)',
      '9 amount: "five" is not a number written with digits and an optional decimal point (no thousands separators, currency signs or decimal commas)',
    ]);
  });
  it('a lane by id or name, any case', () => {
    const o = opps('account,amount,stage,close,lane\na,1,Committed,2026-01,MODULES\nb,1,Committed,2026-01, deeper data integration ');
    expect(o.map((x) => x.lane)).toEqual(['modules', 'integration']);
  });
});
