// Issue #14's speed and memory targets for a 3-million-row billing export
// (50,000 customers × 60 months, about 100 MB): import ≤ 15 s, `bowtie actuals`
// ≤ 30 s, peak memory ≤ 1 GiB. The file is generated into a temp folder, never
// committed. Each run is a fresh process (so memory is its own); medians of 3.
// Run alone with `npx tsx scripts/bench-actuals.ts`, or as part of `npm run bench`.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeActualsSample } from './actuals-sample';

export interface BenchRow { name: string; target: number; median: number; runs: number; unit?: 'ms' | 'MB' }

const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); const k = s.length >> 1; return s.length % 2 ? s[k]! : (s[k - 1]! + s[k]!) / 2; };

export async function benchActuals(runs = 3): Promise<BenchRow[]> {
  const dir = await mkdtemp(join(tmpdir(), 'bowtie-bench-actuals-'));
  try {
    const file = join(dir, 'billing-3m.csv');
    const rows = await writeActualsSample(file);
    const mb = (await stat(file)).size / 1048576;
    console.error(`actuals bench: ${rows.toLocaleString('en-US')} rows, ${mb.toFixed(0)} MB`);
    const importMs: number[] = [], importCpu: number[] = [], importMb: number[] = [], cliMs: number[] = [], cliCpu: number[] = [], cliMb: number[] = [];
    const load: number[] = [];
    for (let i = 0; i < runs; i++) {
      const probe = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/actuals-import-probe.ts', file], { encoding: 'utf8', maxBuffer: 1 << 20 });
      if (probe.status !== 0) throw new Error(`import probe failed: ${probe.stderr}`);
      const r = JSON.parse(probe.stdout) as { ms: number; cpuMs: number; maxRssMb: number };
      importMs.push(r.ms);
      importCpu.push(r.cpuMs);
      importMb.push(r.maxRssMb);
      // The command as a user runs it, timed from launch to exit; GNU time reports its peak memory.
      const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
      const cmd = [process.execPath, '--import', 'tsx', 'cli/bowtie.ts', 'actuals', file];
      const t0 = performance.now();
      const cli = timeBin ? spawnSync(timeBin, ['-f', '%M %U %S', ...cmd], { encoding: 'utf8', maxBuffer: 64 << 20 }) : spawnSync(cmd[0]!, cmd.slice(1), { encoding: 'utf8', maxBuffer: 64 << 20 });
      cliMs.push(performance.now() - t0);
      if (cli.status !== 0) throw new Error(`bowtie actuals failed: ${cli.stderr}`);
      const [kb, user, sys] = timeBin ? cli.stderr.trim().split('\n').pop()!.split(' ').map(Number) : [];
      if (Number.isFinite(kb)) { cliMb.push(kb! / 1024); cliCpu.push((user! + sys!) * 1000); }
      load.push(loadavg()[0]!);
    }
    // The machine is shared: CPU time shows what the code costs when the wall clock is stretched by others' load.
    const out: BenchRow[] = [
      { name: 'actuals: import 3M-row CSV (read, figures, calibration, seed)', target: 15_000, median: median(importMs), runs },
      { name: 'actuals: import, CPU time (user + system)', target: 15_000, median: median(importCpu), runs },
      { name: 'actuals: peak memory of the import (MB)', target: 1024, median: Math.max(...importMb), runs, unit: 'MB' },
      { name: 'actuals: bowtie actuals on the 3M-row CSV (launch to exit)', target: 30_000, median: median(cliMs), runs },
    ];
    if (cliMb.length) {
      out.push({ name: 'actuals: bowtie actuals, CPU time (user + system)', target: 30_000, median: median(cliCpu), runs: cliCpu.length });
      out.push({ name: 'actuals: peak memory of bowtie actuals (MB)', target: 1024, median: Math.max(...cliMb), runs: cliMb.length, unit: 'MB' });
    }
    console.error(`actuals bench: load average during the runs ${load.map((l) => l.toFixed(1)).join(', ')} on ${cpus().length} cores`);
    return out;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && /bench-actuals\.ts$/.test(process.argv[1])) {
  const rows = await benchActuals(Number(process.env.BENCH_RUNS ?? 3));
  const w = Math.max(...rows.map((r) => r.name.length));
  console.log(`${'benchmark'.padEnd(w)}  ${'median'.padStart(10)}  ${'target'.padStart(9)}  runs`);
  for (const r of rows) console.log(`${r.name.padEnd(w)}  ${r.median.toFixed(0).padStart(10)}  ${String(r.target).padStart(9)}  ${String(r.runs).padStart(4)}  ${r.median <= r.target ? 'ok' : 'SLOW'}`);
}
