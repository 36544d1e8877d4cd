// Every workbook, unchanged: plain, ramped, base, ramped + base, and 120 months
// plain and ramped + base give the formulas and cached values recorded in
// tests/fixtures/core-fingerprint.json, sheet by sheet (tests/support/fingerprint.ts
// says how). When a change is intended, re-capture with
//   npx tsx scripts/capture-core-fingerprint.ts
// and say in the commit which sheets moved and why.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FINGERPRINT_PATH, workbookEntry, workbookModels, type Fingerprint } from '../../support/fingerprint';

const recorded = (JSON.parse(readFileSync(FINGERPRINT_PATH, 'utf8')) as Fingerprint).workbooks;

describe('the workbooks against the fingerprint taken before issue 18’s refactor', () => {
  it.each(workbookModels())('%s: the same sheets, formulas and cached values', async (name, m) => {
    const was = recorded[name]!;
    const now = await workbookEntry(m);
    expect(Object.keys(now)).toEqual(Object.keys(was));
    const moved: string[] = [];
    for (const [sheet, w] of Object.entries(was)) {
      const n = now[sheet]!;
      if (n.cells !== w.cells) moved.push(`${sheet}: ${w.cells} cells → ${n.cells}`);
      if (n.formulas !== w.formulas) moved.push(`${sheet}: formulas or literals changed`);
      w.numbers.forEach(([count, sum], b) => {
        const [c2, s2] = n.numbers[b] ?? [0, 0];
        const cols = `columns ${12 * b + 1}–${12 * b + 12}`;
        if (c2 !== count) moved.push(`${sheet} ${cols}: ${count} numbers → ${c2}`);
        else if (Math.abs(s2 - sum) > 1e-9 * Math.max(1, count)) moved.push(`${sheet} ${cols}: Σ asinh ${sum} → ${s2}`);
      });
      if (n.values !== w.values) moved.push(`${sheet}: cached values changed${moved.some((x) => x.startsWith(sheet)) ? '' : ' (by rounding only: the numbers agree to 1e-9)'}`);
    }
    expect(moved).toEqual([]);
  }, 120_000);
});
