// Issue 20's speed rows: a Stripe-style export of 3,000,000 invoice lines
// (55,000 customers over 60 months, one in ten yearly, so about 3.0 M lines, with prorations) read
// as the app's worker reads it (scripts/billing-import-probe.ts, a process of
// its own under a 1 GiB heap, the target's memory) and as `bowtie actuals` runs.
// A run that does not finish is a row with its reason, never a crash of the bench.
// BENCH_BILLING_CUSTOMERS scales the file (60 lines a customer).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeBillingSample } from './billing-sample';

interface BenchRow { name: string; target: number; median: number; runs: number; note?: string }

const HEAP_MB = 1024;

export async function benchBilling(customers = Number(process.env.BENCH_BILLING_CUSTOMERS ?? 55_000)): Promise<BenchRow[]> {
  const dir = await mkdtemp(join(tmpdir(), 'bowtie-bench-billing-'));
  try {
    const file = join(dir, 'stripe-lines.csv');
    const lines = await writeBillingSample(file, customers, 60);
    const mb = (await stat(file)).size / 1048576;
    const size = `${(lines / 1e6).toFixed(2)}M lines, ${mb.toFixed(0)} MB`;
    console.error(`billing bench: ${size}`);
    const probe = spawnSync(process.execPath, [`--max-old-space-size=${HEAP_MB}`, '--import', 'tsx', 'scripts/billing-import-probe.ts', file], { encoding: 'utf8', maxBuffer: 1 << 20 });
    const rows: BenchRow[] = [];
    if (probe.status === 0) {
      const r = JSON.parse(probe.stdout.trim().split('\n').pop()!) as { ms: number; cpuMs: number; maxRssMb: number };
      rows.push({ name: `billing: app import of ${size} (Stripe-style lines)`, target: 15_000, median: r.ms, runs: 1 });
      rows.push({ name: 'billing: app import, CPU time', target: 15_000, median: r.cpuMs, runs: 1 });
      rows.push({ name: 'billing: app import, peak memory (MB)', target: 1024, median: r.maxRssMb, runs: 1 });
    } else {
      const why = /heap out of memory|Reached heap limit/.test(probe.stderr) ? `did not finish: out of memory under a ${HEAP_MB} MB heap` : `failed: ${probe.stderr.trim().split('\n').pop()}`;
      rows.push({ name: `billing: app import of ${size} (Stripe-style lines)`, target: 15_000, median: Number.POSITIVE_INFINITY, runs: 1, note: why });
    }
    const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
    const cmd = [process.execPath, '--import', 'tsx', 'cli/bowtie.ts', 'actuals', file, '--preset', 'stripe'];
    const t0 = performance.now();
    const cli = timeBin ? spawnSync(timeBin, ['-f', '%M', ...cmd], { encoding: 'utf8', maxBuffer: 256 << 20 }) : spawnSync(cmd[0]!, cmd.slice(1), { encoding: 'utf8', maxBuffer: 256 << 20 });
    const ms = performance.now() - t0;
    if (cli.status === 0) {
      rows.push({ name: 'billing: bowtie actuals --preset stripe (launch to exit)', target: 30_000, median: ms, runs: 1 });
      const kb = Number(cli.stderr.trim().split('\n').pop());
      if (Number.isFinite(kb)) rows.push({ name: 'billing: bowtie actuals, peak memory (MB)', target: 1024, median: kb / 1024, runs: 1 });
    } else {
      const msg = cli.stderr.trim().split('\n').find((l) => l.includes(file) || /memory|limit/.test(l)) ?? `exit ${cli.status}`;
      rows.push({ name: 'billing: bowtie actuals --preset stripe (launch to exit)', target: 30_000, median: Number.POSITIVE_INFINITY, runs: 1, note: `exit ${cli.status}: ${msg.replace(file, 'FILE').slice(0, 160)}` });
    }
    return rows;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && /bench-billing\.ts$/.test(process.argv[1])) {
  for (const r of await benchBilling()) console.log(`${r.name.padEnd(64)}  ${r.median.toFixed(0).padStart(8)}  target ${r.target}${r.note ? `  ${r.note}` : ''}`);
}
