// `bowtie seek` (spec §10) and `bowtie ranges` (spec §11): the printed JSON, the
// exit codes (0 reachable or not; 1 naming a bad model, key, interval or range;
// 2 for a malformed command line or an unreadable file).
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli';
import { parseModel } from '@shared/index';
import { readWorkbook, writeWorkbook } from '@shared/workbook/index';

let dir: string;
beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'bowtie-seek-')); });

const run = runCli;
async function file(name: string, content: unknown) {
  const p = join(dir, name);
  await writeFile(p, typeof content === 'string' ? content : JSON.stringify(content));
  return p;
}

/** Spec §8 G1 as a partial JSON model, renewal at 0.70. */
const G1 = {
  acquisition: { newCustomersByYear: [100], timing: 'yearStart', acv: 65000 },
  journey: { onboarding: { rate: 1 }, firstValue: { rate: 1 }, adoption: { rate: 1 }, renewal: { rate: 0.7, nonAdopterRate: 0 }, contractionRate: 0, priceIncrease: 0, seatExpansion: 0 },
  lanes: [{ id: 'exp', name: 'Expansion', anchor: 'renewal', windowStart: 0, windowEnd: 0, attachRate: 0.35, acv: 42000, grossMargin: 0.8 }],
};
const seek = (p: string, output: string, target: string, input: string, ...more: string[]) => run(['seek', p, '--output', output, '--target', target, '--input', input, ...more]);

describe('bowtie seek', () => {
  it('G1: renewal for year-2 NRR 1.0422307692… from 0.70 is 0.85; prints exactly the spec keys; exit 0', async () => {
    const r = await seek(await file('g1.json', G1), 'nrrByYear[1]', '1.0422307692307692', 'journey.renewal.rate');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(Object.keys(j)).toEqual(['output', 'target', 'input', 'from', 'reachable', 'value', 'achieved']);
    expect(j).toMatchObject({ output: 'nrrByYear[1]', input: 'journey.renewal.rate', from: 0.7, reachable: true });
    expect(j.value).toBeCloseTo(0.85, 9);
    expect(j.achieved).toBeCloseTo(1.0422307692, 9);
    expect(r.err).toEqual([]);
  });

  it('an unreachable target is exit 0, reachable false, the bound and where, and the sentence on stderr', async () => {
    const r = await seek(await file('default.json', {}), 'nrrByYear[1]', '1.1', 'journey.renewal.rate');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.reachable).toBe(false);
    expect(j.value).toBe(1);
    expect(j.achieved).toBeLessThan(1.1);
    expect(r.err).toEqual([expect.stringMatching(/^note: Not reachable: year-2 NRR reaches at most \d+\.\d%, at renewal rate of adopters 100\.0%$/)]);
  });

  it('--within narrows the search', async () => {
    const r = await seek(await file('g1w.json', G1), 'nrrByYear[1]', '1.0422307692307692', 'journey.renewal.rate', '--within', '0.9,1');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ reachable: false, value: 0.9 });
  });

  it.each([
    ['a figure the input does not move', ['nrrByYear[1]', '1.1', 'acquisition.cacPerCustomer'], /^Year-2 NRR does not depend on CAC per new logo/],
    ['an unknown output', ['nrrByYear[9]', '1.1', 'journey.renewal.rate'], /^nrrByYear\[9\]: the model has 3 complete years/],
    ['an unknown input', ['nrrByYear[1]', '1.1', 'journey.renewal.rte'], /^journey\.renewal\.rte: not an input of this model$/],
    ['an integer input', ['nrrByYear[1]', '1.1', 'acquisition.contractMonths'], /^acquisition\.contractMonths: a whole-number input/],
    ['a non-numeric input', ['nrrByYear[1]', '1.1', 'acquisition.timing'], /^acquisition\.timing: not a numeric input$/],
    ['a target that is not a number', ['nrrByYear[1]', 'lots', 'journey.renewal.rate'], /^--target: must be a number, got "lots"$/],
  ])('%s: exit 1, naming it', async (_, [output, target, input], message) => {
    const r = await seek(await file('g1b.json', G1), output!, target!, input!);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toEqual([expect.stringMatching(message)]);
  });

  it('a bad interval: exit 1, naming it', async () => {
    const p = await file('g1c.json', G1);
    for (const within of ['0.5,1.5', '0.9,0.8', '0.5']) {
      const r = await seek(p, 'nrrByYear[1]', '1', 'journey.renewal.rate', '--within', within);
      expect(r.code).toBe(1);
      expect(r.err[0]).toMatch(/^(interval|--within)/);
    }
  });

  it('an invalid model: exit 1 with its path; a missing option: the usage line, exit 2; an unreadable file: exit 2', async () => {
    const bad = await seek(await file('bad.json', { journey: { renewal: { rate: 1.5 } } }), 'nrrByYear[1]', '1', 'journey.renewal.rate');
    expect(bad.code).toBe(1);
    expect(bad.err).toEqual(['journey.renewal.rate: must be between 0% and 100%, got 150%']);
    const usage = await run(['seek', await file('g1d.json', G1), '--output', 'nrrByYear[1]', '--target', '1']);
    expect(usage.code).toBe(2);
    expect(usage.err[0]).toMatch(/^usage: bowtie seek FILE --output KEY --target N --input KEY/);
    const missing = await seek(join(dir, 'nope.json'), 'nrrByYear[1]', '1', 'journey.renewal.rate');
    expect(missing.code).toBe(2);
  });
});

describe('bowtie ranges', () => {
  const ranged = { ...G1, journey: { ...G1.journey, renewal: { rate: 0.85, nonAdopterRate: 0 } }, ranges: [{ key: 'journey.renewal.rate', low: 0.8, high: 0.9 }], simulation: { samples: 200, seed: 9, targets: [{ output: 'nrrByYear[1]', value: 1.0422307692307692 }] } };

  it('prints samples, seed, figures by key, ARR by month and the targets; --target adds one; --seed overrides', async () => {
    const r = await run(['ranges', await file('r.json', ranged), '--target', 'arrByYearEnd[1]=1e9', '--seed', '4']);
    expect(r.code).toBe(0);
    expect(r.err).toEqual([]);
    const j = JSON.parse(r.out);
    expect(Object.keys(j)).toEqual(['samples', 'seed', 'figures', 'arrByMonth', 'targets']);
    expect(j.samples).toBe(200);
    expect(j.seed).toBe(4);
    expect(Object.keys(j.figures['nrrByYear[1]'])).toEqual(['p10', 'p50', 'p90', 'mean', 'count']);
    expect(j.figures['nrrByYear[1]'].count).toBe(200);
    expect(j.figures['nrrByYear[0]']).toEqual({ p10: null, p50: null, p90: null, mean: null, count: 0 });
    expect(j.figures['journey.fullJourneyRetention'].p10).toBeLessThan(j.figures['journey.fullJourneyRetention'].p90);
    expect(j.arrByMonth.p50).toHaveLength(36);
    expect(j.targets).toEqual([{ output: 'nrrByYear[1]', value: 1.0422307692307692, share: 0.5 }, { output: 'arrByYearEnd[1]', value: 1e9, share: 0 }]);
  });

  it('a workbook keeps its ranges and settings on its Ranges sheet: the same figures as the JSON model', async () => {
    const parsed = parseModel(ranged);
    if (!parsed.ok) throw new Error('G1 with renewal 85% should be a valid model');
    const bytes = await writeWorkbook({ inputs: parsed.value, appVersion: 'test', ranges: { ranges: ranged.ranges, simulation: ranged.simulation, outcome: null } });
    const book = join(dir, 'ranged.xlsx');
    await writeFile(book, bytes);
    const [fromBook, fromJson] = [await run(['ranges', book]), await run(['ranges', await file('r3.json', ranged)])];
    expect(fromBook.code).toBe(0);
    expect(JSON.parse(fromBook.out)).toEqual(JSON.parse(fromJson.out));
  });

  it('export writes a JSON model\'s ranges to the Ranges sheet, and ranges on that workbook prints the same figures', async () => {
    const json = await file('rx.json', ranged);
    const out = join(dir, 'rx.xlsx');
    const e = await run(['export', json, out]);
    expect(e.err).toEqual([]);
    expect(e.code).toBe(0);
    const back = await readWorkbook(new Uint8Array(await readFile(out)));
    expect(back.ok && back.ranges).toEqual({ ranges: ranged.ranges, simulation: ranged.simulation });
    expect(JSON.parse((await run(['ranges', out])).out)).toEqual(JSON.parse((await run(['ranges', json])).out));
  });

  it('export refuses ranges that do not fit the model, naming them', async () => {
    const e = await run(['export', await file('rbad.json', { ...ranged, ranges: [{ key: 'journey.renewal.rate', low: 0.9, high: 0.8 }] }), join(dir, 'rbad.xlsx')]);
    expect(e.code).toBe(1);
    expect(e.err).toEqual(['ranges[0]: low 90.0% is above high 80.0%']);
  });

  it('the same file and seed print the same figures', async () => {
    const p = await file('r2.json', ranged);
    expect((await run(['ranges', p])).out).toBe((await run(['ranges', p])).out);
  });

  it.each([
    ['a range outside the valid range', { ranges: [{ key: 'journey.renewal.rate', low: 0.8, high: 1.1 }] }, [], /^ranges\[0\]\.high: 110\.0% is outside renewal rate of adopters's valid range/],
    ['low above high', { ranges: [{ key: 'journey.renewal.rate', low: 0.9, high: 0.8 }] }, [], /^ranges\[0\]: low 90\.0% is above high 80\.0%$/],
    ['an integer input', { ranges: [{ key: 'journey.adoption.month', low: 3, high: 6 }] }, [], /^ranges\[0\]\.key: journey\.adoption\.month: a whole-number input/],
    ['too few samples', {}, ['--samples', '50'], /^--samples: must be a whole number from 100 to 10,000, got 50$/],
    ['an unknown target output', {}, ['--target', 'nrr=1.1'], /^--target: nrr: not an output/],
    ['a target without a value', {}, ['--target', 'ltvToCac'], /^--target: must be KEY=VALUE/],
  ])('%s: exit 1, naming it', async (_, json, args, message) => {
    const r = await run(['ranges', await file('rb.json', json), ...(args as string[])]);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toEqual([expect.stringMatching(message)]);
  });

  it('runs as a process with these exit codes', async () => {
    const p = await file('r3.json', { ...ranged, simulation: { samples: 100 } });
    const { stdout } = await promisify(execFile)('npm', ['run', '--silent', 'bowtie', '--', 'ranges', p], { cwd: process.cwd() });
    expect(JSON.parse(stdout).samples).toBe(100);
    const bad = await file('r4.json', { ranges: [{ key: 'journey.renewal.rate', low: 0.9, high: 0.8 }] });
    const failed = await promisify(execFile)('npm', ['run', '--silent', 'bowtie', '--', 'ranges', bad]).catch((e: { code: number; stderr: string }) => e);
    expect((failed as { code: number }).code).toBe(1);
    expect((failed as { stderr: string }).stderr).toContain('ranges[0]: low 90.0% is above high 80.0%');
  });
});
