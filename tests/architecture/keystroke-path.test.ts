// Issue 18: a keystroke reaches the figure on screen through at most 10 files,
// and docs/architecture.md names them. This test reads the doc's list and holds
// it to the code: the count in its heading is the count of its steps, at most
// 10, and every file it names exists (a file folded or renamed must be renamed
// in the doc too).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../..');
const doc = readFileSync(join(ROOT, 'docs/architecture.md'), 'utf8');

/** A section's heading count and its numbered steps, each with the first file it names. */
function section(title: RegExp): { count: number; steps: string[] } {
  const m = new RegExp(`^## ${title.source}: (\\d+) files[^\\n]*\\n([\\s\\S]*?)(?=^## )`, 'm').exec(doc);
  if (!m) throw new Error(`no section ${title.source} in docs/architecture.md`);
  const steps = [...m[2]!.matchAll(/^\d+\. `([^`]+)`/gm)].map((s) => s[1]!);
  return { count: Number(m[1]), steps };
}

describe('the keystroke-to-screen path in docs/architecture.md', () => {
  const { count, steps } = section(/Keystroke to screen/);

  it('is at most 10 files, and the heading counts the steps listed', () => {
    expect(steps).toHaveLength(count);
    expect(count).toBeLessThanOrEqual(10);
  });

  it('names files that exist, each once', () => {
    expect(new Set(steps).size).toBe(steps.length);
    for (const file of steps) expect(existsSync(join(ROOT, file)), file).toBe(true);
  });
});
