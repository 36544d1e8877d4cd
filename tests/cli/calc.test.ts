// `bowtie calc`: the JSON of spec §7, exit codes 0/1/2, `path: message` lines.
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli';

let dir: string;
beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'bowtie-cli-')); });

const run = runCli;
async function file(name: string, content: string) {
  const p = join(dir, name);
  await writeFile(p, content);
  return p;
}

describe('bowtie calc', () => {
  it('prints the spec §7 figures for G1 and exits 0', async () => {
    const p = await file('g1.json', JSON.stringify({
      acquisition: { newCustomersByYear: [100], timing: 'yearStart', acv: 65000 },
      journey: { onboarding: { rate: 1 }, firstValue: { rate: 1 }, adoption: { rate: 1 }, renewal: { rate: 0.85, nonAdopterRate: 0 }, contractionRate: 0, priceIncrease: 0, seatExpansion: 0 },
      lanes: [{ id: 'exp', name: 'Expansion', anchor: 'renewal', windowStart: 0, windowEnd: 0, attachRate: 0.35, acv: 42000, grossMargin: 0.8 }],
    }));
    const r = await run(['calc', p]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.arrByYearEnd.slice(0, 2)).toEqual([6500000, 6774500]);
    expect(j.churnByYear[1]).toBe(975000);
    expect(j.nrrByYear[0]).toBeNull();
    expect(j.nrrByYear[1]).toBeCloseTo(1.0422307692, 9);
    expect(j.grrByYear[1]).toBe(0.85);
    expect(j.ltv.revenue).toBe(190328.25);
    expect(j.ltv.grossMargin).toBeCloseTo(152262.6, 6);
    expect(j.nrrBand).toBe('Healthy');
    expect(['onboarding', 'firstValue', 'adoption', 'renewal']).toContain(j.biggestDrag);
    for (const k of ['arrByYearEnd', 'nrrByYear', 'grrByYear', 'churnByYear', 'contractionByYear', 'expansionByYear', 'newArrByYear', 'revenueByYear', 'customersByYearEnd']) expect(j[k], k).toHaveLength(3);
    expect(Object.keys(j.journey).sort()).toEqual(['fullJourneyRetention', 'renewalDecisionRetention']);
    expect(j).toHaveProperty('ltvToCac');
    expect(j).toHaveProperty('cacPaybackMonths');
  });

  it('prints G4 and G5 of spec §8 from a JSON model with a base and a ramp, openingArr included', async () => {
    const g4 = {
      acquisition: { newCustomersByYear: [0] },
      base: { cohorts: [{ name: 'Book', customers: 100, arr: 6500000, ageMonths: 12, adopterShare: 1 }] },
      journey: { renewal: { rate: 0.85 }, contractionRate: 0, priceIncrease: 0, seatExpansion: 0 },
      lanes: [{ id: 'upsell', name: 'Upsell', anchor: 'renewal', windowStart: 0, windowEnd: 0, attachRate: 0.35, acv: 42000, grossMargin: 0.8 }],
      general: { horizonMonths: 24 },
    };
    const r4 = await run(['calc', await file('g4.json', JSON.stringify(g4))]);
    expect(r4.code).toBe(0);
    const j4 = JSON.parse(r4.out);
    expect(j4.openingArr).toBe(6500000);
    expect(j4.arrByYearEnd).toEqual([6774500, 5758325]);
    expect(j4.churnByYear).toEqual([975000, 1016175]);
    expect(j4.expansionByYear[0]).toBe(1249500);
    expect(j4.nrrByYear[0]).toBeCloseTo(1.0422307692, 9);
    expect(j4.nrrByYear[1]).toBe(0.85);
    expect(j4.grrByYear).toEqual([0.85, 0.85]);
    expect(j4.customersByYearEnd).toEqual([85, 72.25]);
    const r5 = await run(['calc', await file('g5.json', JSON.stringify({ ...g4, lanes: [], journey: { ...g4.journey, renewal: { rate: ['0.85', 0.9] } } }))]);
    expect(r5.code).toBe(0);
    const j5 = JSON.parse(r5.out);
    expect(j5.arrByYearEnd).toEqual([5525000, 4972500]);
    expect(j5.nrrByYear).toEqual([0.85, 0.9]);
    expect(j5.churnByYear).toEqual([975000, 552500]);
    expect(j5.customersByYearEnd).toEqual([85, 76.5]);
  });

  it('prints openingArr 0 without a base, and names a bad yearly value by its index', async () => {
    const ok = await run(['calc', await file('plain.json', '{}')]);
    expect(JSON.parse(ok.out).openingArr).toBe(0);
    const bad = await run(['calc', await file('bad-ramp.json', JSON.stringify({ journey: { renewal: { rate: [0.85, 1.2] } }, lanes: [{ id: 'modules', attachRate: [0.3, -1] }] }))]);
    expect(bad.code).toBe(1);
    expect(bad.err).toEqual(expect.arrayContaining(['journey.renewal.rate[1]: must be between 0% and 100%, got 120%', 'lanes.modules.attachRate[1]: must be between 0% and 100%, got -100%']));
  });

  it('exits 1 with one `path: message` line per problem for an invalid model', async () => {
    const p = await file('bad.json', JSON.stringify({ journey: { renewal: { rate: 1.2 } }, acquisition: { acv: 'abc' } }));
    const r = await run(['calc', p]);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toEqual(['acquisition.acv: must be a number, got "abc"', 'journey.renewal.rate: must be between 0% and 100%, got 120%']);
  });

  it('computes a model that carries keys the spec does not know, naming each on stderr', async () => {
    const p = await file('extra.json', JSON.stringify({ $comment: 'board pack', journey: { renewalRate: 0.5 } }));
    const r = await run(['calc', p]);
    expect(r.code).toBe(0);
    expect(r.err).toEqual(['note: $comment is not an input of the model; ignored', 'note: journey.renewalRate is not an input of the model; ignored']);
    expect(JSON.parse(r.out).journey.renewalDecisionRetention).toBe(0.85);
  });

  it('exits 2 for a file that is not a model: missing, not JSON, not a workbook', async () => {
    expect((await run(['calc', join(dir, 'missing.json')])).code).toBe(2);
    const r = await run(['calc', await file('junk.json', '{not json')]);
    expect(r.code).toBe(2);
    expect(r.err[0]).toMatch(/not a JSON model or \.xlsx workbook/);
    expect((await run(['calc'])).code).toBe(2);
    const list = await run(['calc', await file('list.json', '[1, 2]')]);
    expect(list.code).toBe(2);
    expect(list.err[0]).toMatch(/not a model/);
  });

  it('exits 1 with the path for a model of the wrong shape, and 2 for a model file over 10 MB', async () => {
    expect(await run(['calc', await file('shape.json', '{"lanes":[[]]}')])).toEqual({ code: 1, out: '', err: ['lanes[0]: must be an object, got a list'] });
    expect(await run(['calc', await file('huge-acv.json', '{"acquisition":{"acv":1e308}}')])).toEqual({ code: 1, out: '', err: ['acquisition.acv: must be at most 1,000,000,000,000, got 1e+308'] });
    const big = join(dir, 'big.json');
    await writeFile(big, `{"general":{"name":"${'x'.repeat(11 * 1024 * 1024)}"}}`);
    expect(await run(['calc', big])).toEqual({ code: 2, out: '', err: [`${big}: the file is 11.0 MB; a JSON model is at most 10 MB (a model is a few KB)`] });
  });

  it('runs as the README says: npm run --silent bowtie -- calc FILE', async () => {
    const p = await file('ok.json', '{"journey":{"renewal":{"rate":0.9}}}');
    const { stdout } = await promisify(execFile)('npm', ['run', '--silent', 'bowtie', '--', 'calc', p], { cwd: process.cwd() });
    expect(JSON.parse(stdout).journey.renewalDecisionRetention).toBe(0.9);
    const bad = await file('bad2.json', '{"general":{"horizonMonths":6}}');
    const failed = await promisify(execFile)('npm', ['run', '--silent', 'bowtie', '--', 'calc', bad]).catch((e: { code: number; stderr: string }) => e);
    expect((failed as { code: number }).code).toBe(1);
    expect((failed as { stderr: string }).stderr).toContain('general.horizonMonths: must be a whole number between 12 and 120, got 6');
  });
});
