// Issue 25's speed rows: 100,000 accounts read and scored (the import: the
// core's exact reader, then the columns the screen re-scores), 50,000
// opportunities read with their coverage, and a weight edit re-scoring
// 100,000 accounts in doubles with the totals (what the screen redraws from).
import { computeExact, defaultInputs } from '@shared/index';
import { accountColumns, defaultSignals, fastTotals, pipelineCoverage, readAccounts, readPipeline, scoreColumns } from '@shared/accounts/index';

interface Row { name: string; target: number; median: number; runs: number }

function time(name: string, target: number, fn: () => unknown, runs: number, warmup = 1): Row {
  for (let i = 0; i < warmup; i++) fn();
  const s: number[] = [];
  for (let i = 0; i < runs; i++) { const t0 = performance.now(); fn(); s.push(performance.now() - t0); }
  s.sort((a, b) => a - b);
  const mid = s.length >> 1;
  return { name, target, median: s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2, runs };
}

export function accountsCsv(n: number, lanes: readonly string[]): string {
  const out = ['account,arr,seatsActive,seatsLicensed,usage,usagePrev,teams,dataRequests,milestones,tickets,ticketsPrev,champion,npsPrev,nps,competitorMention,lanes'];
  const champions = ['promoted', 'stable', 'left', 'newRole', 'roleOutOfDomain'];
  for (let i = 0; i < n; i++) out.push([`acct-${i}`, 5000 + (i % 997) * 37.5, 20 + (i % 80), 100, 100 + (i % 61), 110, 1 + (i % 6), i % 4, i % 5, 10 + (i % 9), 10, champions[i % 5], 8, 5 + (i % 5), i % 7 ? 'no' : 'yes', i % 3 ? '' : lanes[0]].join(','));
  return out.join('\n');
}

export function benchAccounts(): Row[] {
  const model = defaultInputs();
  const text = accountsCsv(100_000, model.lanes.map((l) => l.id));
  const rows: Row[] = [];
  rows.push(time('accounts: 100,000 read and scored (exact reader, screen columns, first score)', 2000, () => {
    const read = readAccounts(text, model);
    if (!read.ok) throw new Error('bench accounts unread');
    const c = accountColumns(read.rows, model);
    fastTotals(c, scoreColumns(c, model.signals ?? defaultSignals()));
  }, 3));
  const read = readAccounts(text, model);
  if (!read.ok) throw new Error('bench accounts unread');
  const c = accountColumns(read.rows, model);
  let w = 10;
  rows.push(time('accounts: weight edit re-scores 100,000 (doubles) with totals and ranking', 100, () => {
    const s = defaultSignals();
    s.breadth.weight = (w = (w % 40) + 1);
    fastTotals(c, scoreColumns(c, s));
  }, 20, 3));
  const start = model.general.startMonth;
  const opps = ['account,amount,stage,close,lane'];
  const stages = ['Signal Detected', 'Opportunity Qualified', 'Solution Presented', 'Committed', 'Closed Won', 'Closed Lost'];
  for (let i = 0; i < 50_000; i++) { const m = Number(start.slice(5, 7)) - 1 + (i % 24); opps.push([`acct-${i}`, 1000 + (i % 500) * 10, stages[i % 6], `${Number(start.slice(0, 4)) + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`, model.lanes[i % model.lanes.length]!.id].join(',')); }
  const oppText = opps.join('\n');
  const result = computeExact(model);
  rows.push(time('pipeline: 50,000 opportunities read with coverage per quarter and lane', 2000, () => {
    const r = readPipeline(oppText, model);
    if (!r.ok) throw new Error('bench pipeline unread');
    pipelineCoverage(r.opportunities, model, result);
  }, 3));
  return rows;
}
