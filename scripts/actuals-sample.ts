// A billing export the size of issue #14's target: 50,000 customers × 60 months,
// one row per customer per month (3 million rows, about 100 MB), written in
// streamed blocks to a file. Used by `npm run bench`; never committed.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

export interface SampleOptions { customers?: number; months?: number; seed?: number }

export async function writeActualsSample(path: string, opts: SampleOptions = {}): Promise<number> {
  const C = opts.customers ?? 50_000, M = opts.months ?? 60;
  let s = (opts.seed ?? 1) >>> 0;
  const rand = () => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return s / 4294967296; };
  const out = createWriteStream(path);
  const month = (t: number) => `${2021 + Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`;
  const mrr = new Float64Array(C).map(() => Math.round((200 + rand() * 4800) * 100) / 100);
  let rows = 0;
  out.write('Customer,Month,MRR,Plan\n');
  for (let t = 0; t < M; t++) {
    let block = '';
    for (let c = 0; c < C; c++) {
      const u = rand();
      if (t > 0 && u < 0.01) mrr[c] = 0;
      else if (mrr[c] === 0 && u < 0.03) mrr[c] = Math.round((200 + rand() * 4800) * 100) / 100;
      else if (u < 0.06) mrr[c] = Math.round(mrr[c]! * (0.8 + rand() * 0.5) * 100) / 100;
      block += `cus_${String(c).padStart(8, '0')},${month(t)},${mrr[c]!.toFixed(2)},pro\n`;
      rows++;
      if (block.length > 1 << 20) { if (!out.write(block)) await once(out, 'drain'); block = ''; }
    }
    if (!out.write(block)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return rows;
}
