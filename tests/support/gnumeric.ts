// Gnumeric's ssconvert as a second independent engine for the workbook tests:
// `ssconvert --recalc` recalculates every formula before writing the copy.
// Without it the tests skip with a printed reason; with CI=true that is a failure.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CANDIDATES = [process.env.SSCONVERT, '/usr/bin/ssconvert', '/usr/local/bin/ssconvert'];

export function findSsconvert(): string | null {
  for (const c of CANDIDATES) if (c && existsSync(c)) return c;
  return null;
}

/** The ssconvert path, or null after printing why the caller skips; throws under CI=true. */
export function ssconvertOrSkip(what: string): string | null {
  const path = findSsconvert();
  if (path) return path;
  const reason = `${what}: Gnumeric (ssconvert) is not installed; install the Debian package gnumeric to run it`;
  if (process.env.CI === 'true') throw new Error(`${reason} (CI=true: a missing tool is a failure)`);
  console.warn(`SKIP ${reason}`);
  return null;
}

function run(cmd: string, args: string[], timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { timeout: timeoutMs, maxBuffer: 16 << 20 }, (err, _stdout, stderr) => {
      if (err) reject(new Error(`${cmd} ${args.join(' ')} failed: ${err.message}\n${stderr}`));
      else resolve();
    });
  });
}

/** Each file recalculated by Gnumeric and written back as .xlsx, in the order given. */
export async function recalcWithGnumeric(ssconvert: string, inputs: { name: string; bytes: Uint8Array }[], timeoutMs = 120_000): Promise<Uint8Array[]> {
  const dir = await mkdtemp(join(tmpdir(), 'bowtie-gnumeric-'));
  try {
    const out: Uint8Array[] = [];
    for (const [i, x] of inputs.entries()) {
      const src = join(dir, `${i}-in.xlsx`), dst = join(dir, `${i}-out.xlsx`);
      await writeFile(src, x.bytes);
      await run(ssconvert, ['--recalc', '--export-type=Gnumeric_Excel:xlsx2', src, dst], timeoutMs);
      out.push(new Uint8Array(await readFile(dst)));
    }
    return out;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
