// `bowtie calc` with segments (spec §2.3, §7): the company's figures at the top,
// each segment's own under `segments` with its share of company ARR, and every
// problem of a segment named by its path.
import { describe, expect, it } from 'vitest';
import { runCli, tempFiles } from '../support/cli';

const files = tempFiles('bowtie-segments-');
const model = {
  segments: [
    { id: 'smb', name: 'SMB', logoShare: 0.6, overrides: { 'acquisition.acv': 12000, 'journey.renewal.rate': 0.78 } },
    { id: 'ent', name: 'Enterprise', logoShare: 0.4, overrides: { 'acquisition.acv': 150000, 'acquisition.contractMonths': 24 } },
  ],
};

describe('bowtie calc with segments', () => {
  it("prints each segment's figures and its share of company ARR; the company is their sum", async () => {
    const r = await runCli(['calc', await files.file(JSON.stringify(model), 'json')]);
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out) as { arrByYearEnd: number[]; newArrByYear: number[]; segments: Record<string, { arrByYearEnd: number[]; arrShareByYearEnd: number[]; biggestDrag: string; nrrBand: string | null }> };
    expect(Object.keys(out.segments)).toEqual(['smb', 'ent']);
    const { smb, ent } = out.segments as Record<'smb' | 'ent', (typeof out.segments)[string]>;
    out.arrByYearEnd.forEach((arr, i) => {
      expect(smb.arrByYearEnd[i]! + ent.arrByYearEnd[i]!).toBeCloseTo(arr, 4);
      expect(smb.arrShareByYearEnd[i]).toBeCloseTo(smb.arrByYearEnd[i]! / arr, 12);
    });
    // year 1's new-logo ARR: 60 SMB logos at $12K and 40 enterprise logos at $150K
    expect(out.newArrByYear[0]).toBeCloseTo(60 * 12000 + 40 * 150000, 6);
    expect(['onboarding', 'firstValue', 'adoption', 'renewal']).toContain(ent.biggestDrag);
  });

  it('exits 1 naming a segment override by its path', async () => {
    const bad = { segments: [{ ...model.segments[0], overrides: { 'journey.renewal.rate': [0.8, 1.3] } }, model.segments[1]] };
    const r = await runCli(['calc', await files.file(JSON.stringify(bad), 'json')]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('segments.smb.journey.renewal.rate[1]: must be between 0% and 100%, got 130%');
  });
});
