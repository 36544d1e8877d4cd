// Model years (spec §1): annual figures only for complete years, ramps and the
// lists of new logos over the years a horizon reaches into, rates clamped to the
// ten a ramp may list; and no other module counts the years of a horizon itself.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { completeYears, figureChoices, yearsTouched } from '@shared/index';
import { rateYearOfMonth } from '@shared/core/workbook-api';

describe('model years', () => {
  it.each([[12, 1, 1], [13, 1, 2], [35, 2, 3], [36, 3, 3], [119, 9, 10], [120, 10, 10]])('%i months: %i complete years, %i reached into', (months, complete, touched) => {
    expect(completeYears(months)).toBe(complete);
    expect(yearsTouched(months)).toBe(touched);
  });

  it('a 35-month model offers annual figures for years 1 and 2 only', () => {
    const keys = figureChoices(completeYears(35)).map((f) => f.key);
    expect(keys).toContain('arr.y2');
    expect(keys).not.toContain('arr.y3');
  });

  it('events take the rates of their month’s year, year 1 before month 0 and year 10 past month 119', () => {
    expect([-1, 0, 11, 12, 119, 120, 200].map(rateYearOfMonth)).toEqual([1, 1, 1, 2, 10, 10, 10]);
  });

  it('no module outside shared/core/years.ts divides a horizon by 12', () => {
    const grep = spawnSync('git', ['grep', '-nE', String.raw`(horizonMonths|\bH)\s*/\s*12\b`, '--', 'shared', 'renderer', 'cli', ':!shared/core/years.ts'], { encoding: 'utf8' });
    expect(grep.status, grep.stderr).toBe(1); // git grep: 1 is "no match"
    expect(grep.stdout).toBe('');
  });
});
