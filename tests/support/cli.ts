// The headless command as the CLI tests call it: `main` with stdout and stderr
// collected, and a temp folder for the files a test hands it.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll } from 'vitest';
import { main } from '../../cli/bowtie';

/** `bowtie ARGS`: its exit code, stdout as one text, stderr line by line. */
export async function runCli(args: string[]) {
  const out: string[] = [], err: string[] = [];
  const code = await main(args, (s) => out.push(s), (s) => err.push(s));
  return { code, out: out.join('\n'), err };
}

/** A temp folder made before the file's tests; `file(content, ext)` writes f0.csv, f1.json, … into it. */
export function tempFiles(prefix: string) {
  let dir = '';
  let n = 0;
  beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), prefix)); });
  return {
    dir: () => dir,
    file: async (content: string | Uint8Array, ext = 'csv') => {
      const p = join(dir, `f${n++}.${ext}`);
      await writeFile(p, content);
      return p;
    },
  };
}
