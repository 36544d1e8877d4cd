// Goal seek and ranges (issue 21) in `npm run bench`: medians with their targets.
// Run alone with `npx tsx scripts/bench-what-if.ts`.
import { defaultInputs, goalSeek, parseRanges, runRanges, type ModelInputs } from '@shared/index';
import { largeModel, rampedModel } from '../tests/support/models';

export interface WhatIfRow { name: string; target: number; median: number; runs: number; note?: string }

const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); const k = s.length >> 1; return s.length % 2 ? s[k]! : (s[k - 1]! + s[k]!) / 2; };

function time(name: string, target: number, fn: () => unknown, runs: number, warmup = 1): WhatIfRow {
  for (let i = 0; i < warmup; i++) fn();
  const xs: number[] = [], cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage(), t0 = performance.now();
    fn();
    xs.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  // CPU time beside the wall clock: on a shared, loaded machine the two differ by the wait.
  return { name, target, median: median(xs), runs, note: `cpu ${median(cpu).toFixed(0)} ms` };
}

/** The workshop question: which renewal rate gets year-2 NRR to 100%? (reachable on both models) */
const seek = (m: ModelInputs) => () => {
  const r = goalSeek(m, { output: 'nrrByYear[1]', target: 1, input: 'journey.renewal.rate' });
  if (!r.ok) throw new Error(r.error);
};

/** Three ranged inputs, 1,000 samples (the default), seed 1. */
function ranges(m: ModelInputs) {
  const p = parseRanges(m, [
    { key: 'journey.renewal.rate', low: 0.8, mode: 0.85, high: 0.92 },
    { key: `lanes.${m.lanes[0]!.id}.attachRate`, low: 0.1, high: 0.5 },
    { key: 'acquisition.acv', low: 55000, mode: 65000, high: 80000 },
  ], { samples: 1000, seed: 1 });
  if (!p.ok) throw new Error(p.problems[0]!.message);
  return () => runRanges(m, p.ranges, p.simulation);
}

export function benchWhatIf(): WhatIfRow[] {
  const d = defaultInputs(), lr = rampedModel(largeModel());
  return [
    time('default model: goal seek (renewal for year-2 NRR 100%)', 250, seek(d), 10),
    time('large ramped+base model: goal seek (renewal for year-2 NRR 100%)', 1000, seek(lr), 5),
    time('default model: ranges, 1,000 samples, 3 ranged inputs', 1000, ranges(d), 3),
    time('large ramped+base model: ranges, 1,000 samples, 3 ranged inputs', 10000, ranges(lr), 1, 0),
  ];
}

if (process.argv[1] && /bench-what-if\.ts$/.test(process.argv[1])) {
  const rows = benchWhatIf();
  const w = Math.max(...rows.map((r) => r.name.length));
  console.log(`${'benchmark'.padEnd(w)}  ${'median ms'.padStart(10)}  ${'target ms'.padStart(9)}  runs`);
  for (const r of rows) console.log(`${r.name.padEnd(w)}  ${r.median.toFixed(1).padStart(10)}  ${String(r.target).padStart(9)}  ${String(r.runs).padStart(4)}  ${r.median <= r.target ? 'ok  ' : 'SLOW'}  ${r.note ?? ''}`);
}
