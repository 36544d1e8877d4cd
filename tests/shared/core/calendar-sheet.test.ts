// The Calendar sheet's cohort-by-cohort figures (core/calendar-sheet.ts) and the
// simulation that pools cohorts (core/calendar.ts) are two exact routes to the same
// company: summed over cohorts, the sheet's rows give the simulation's closing ARR,
// customers, ARR renewing by class, and lane ARR at each year end, to 40 digits.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeExact, D, defaultInputs, type Dec, type ModelInputs } from '@shared/index';
import { calendarSheet } from '@shared/core/workbook-api';
import { arbRampedModel, g4, rampedModel } from '../../support/models';

const close = (a: Dec, b: Dec) => a.sub(b).abs().lte(D.max(a.abs(), b.abs(), 1).mul('1e-40'));

function disagreements(m: ModelInputs): string[] {
  const cs = calendarSheet(m);
  const { run, rows } = cs;
  const r = computeExact(m);
  const H = m.general.horizonMonths, cm = m.acquisition.contractMonths;
  const out: string[] = [];
  const check = (what: string, a: Dec, b: Dec) => { if (!close(a, b)) out.push(`${what}: rows ${a.toString()} vs simulation ${b.toString()}`); };
  for (let t = 0; t < H; t++) {
    let arr = new D(0), customers = new D(0);
    const renewing = [new D(0), new D(0)];
    for (const row of rows) {
      if (row.closed > t) continue;
      arr = arr.add(row.arr[0][t + 1]!).add(row.arr[1][t + 1]!);
      customers = customers.add(row.byPath[3]!.mul(row.survival[0][t + 1]!)).add(row.others.mul(row.survival[1][t + 1]!));
      const age = t - row.closed;
      if (age > 0 && age % cm === 0) for (const k of [0, 1] as const) renewing[k] = renewing[k]!.add(row.arr[k][t]!);
    }
    check(`closing ARR, month ${t}`, arr, run.closing[t]!);
    check(`customers, month ${t}`, customers, run.customers[t]!);
    for (const k of [0, 1] as const) check(`ARR renewing, class ${k}, month ${t}`, renewing[k]!, run.renewing!.all[k]![t]!);
  }
  r.annual.forEach((yr, yi) => m.lanes.forEach((_, i) => {
    let s = new D(0);
    for (let y0 = 1; y0 <= yi + 1; y0++) for (const k of [0, 1] as const) s = s.add(cs.laneBought(i, y0, k)[yi + 1 - y0]!);
    check(`lane ${i} ARR at the end of year ${yi + 1}`, s, yr.laneArrEnd[i]!);
  }));
  return out;
}

describe('the Calendar sheet’s cohorts add up to the simulation', () => {
  it.each([['G4 (spec §8)', g4()], ['the example, ramped over ten years with three base cohorts', rampedModel(defaultInputs())]])('%s', (_, m) => {
    expect(disagreements(m)).toEqual([]);
  });

  it('random models with ramps and a base', () => {
    fc.assert(fc.property(arbRampedModel, (m) => { expect(disagreements(m)).toEqual([]); }), { numRuns: 15 });
  }, 300_000);
});
