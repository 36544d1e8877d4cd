// `bowtie calc` against an independent implementation of the spec
// (tests/support/spec-model.ts, no code shared with shared/core) on unseen random
// models with ramps and an installed base: every figure to 1e-9 relative.
import fc from 'fast-check';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/bowtie';
import { defaultInputs, type ModelInputs } from '@shared/index';
import { arbRampedModel, g4, g5, rampedModel } from '../support/models';
import { specCalc } from '../support/spec-model';

let dir: string;
beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'bowtie-calc-spec-')); });

async function calc(m: ModelInputs, name: string): Promise<Record<string, unknown>> {
  const p = join(dir, `${name}.json`);
  await writeFile(p, JSON.stringify(m));
  const out: string[] = [], err: string[] = [];
  const code = await main(['calc', p], (s) => out.push(s), (s) => err.push(s));
  expect(code, err.join('\n')).toBe(0);
  return JSON.parse(out.join('\n')) as Record<string, unknown>;
}

/** Every leaf of the spec's object against calc's: numbers to 1e-9 relative, the rest equal. */
function agree(spec: unknown, got: unknown, path: string) {
  if (typeof spec === 'number' && typeof got === 'number') {
    const scale = Math.max(1, Math.abs(spec), Math.abs(got));
    expect(Math.abs(spec - got) / scale, `${path}: calc ${got} vs spec ${spec}`).toBeLessThan(1e-9);
    return;
  }
  if (spec !== null && typeof spec === 'object') {
    expect(got, path).not.toBeNull();
    const keys = Object.keys(spec);
    for (const k of keys) agree((spec as Record<string, unknown>)[k], (got as Record<string, unknown>)[k], `${path}.${k}`);
    return;
  }
  expect(got, path).toEqual(spec);
}

describe('bowtie calc against an independent implementation of the spec', () => {
  it('agrees on G4, G5 and a model with every input ramped and three base cohorts', async () => {
    for (const [name, m] of [['g4', g4()], ['g5', g5()], ['ramped', rampedModel(defaultInputs())]] as const) {
      const got = await calc(m, name);
      agree(specCalc(m), got, name);
    }
  });

  it('agrees on unseen random models with ramps and a base, every figure of spec §7', async () => {
    // a fresh seed on every local run (CI replays one: tests/support/fast-check-seed.ts)
    const seed = fc.readConfigureGlobal().seed ?? Date.now() % 2 ** 31;
    const models = fc.sample(arbRampedModel, { numRuns: 25, seed });
    for (const [i, m] of models.entries()) {
      const got = await calc(m, `random-${i}`);
      const spec = specCalc(m);
      expect(Object.keys(got).sort()).toEqual(Object.keys(spec).sort());
      agree(spec, got, `seed ${seed} model ${i} ${JSON.stringify(m)}`);
    }
  });
});
