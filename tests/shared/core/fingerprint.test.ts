// Every figure of the core, unchanged: each model the tests use by name, the spec's
// golden cases and 150 random valid ones (ramps, installed bases, 0–10 lanes,
// 12–120 months) give exactly (Decimal toString) the figures recorded in
// tests/fixtures/core-fingerprint.json (tests/support/fingerprint.ts says how).
// When a change of figures is intended, re-capture with
//   npx tsx scripts/capture-core-fingerprint.ts
// and say in the commit which models moved and why.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { coreEntry, FINGERPRINT_PATH, namedModels, randomModels, type Fingerprint } from '../../support/fingerprint';

const recorded = (JSON.parse(readFileSync(FINGERPRINT_PATH, 'utf8')) as Fingerprint).core;

describe('the core’s figures against the fingerprint taken before issue 18’s refactor', () => {
  it.each([['named models and golden cases', namedModels()], ['150 random models', randomModels()]] as const)('%s: every figure to the last digit', (_, models) => {
    const moved: string[] = [];
    for (const [name, m] of models) {
      const was = recorded[name];
      if (!was) { moved.push(`${name}: not in the fingerprint`); continue; }
      const now = coreEntry(m, was.sensitivity !== undefined);
      if (now.inputs !== was.inputs) moved.push(`${name}: the model itself differs (was its generator changed?)`);
      else if (now.result !== was.result || now.sensitivity !== was.sensitivity) {
        const diff = Object.keys(was.headline).filter((k) => now.headline[k] !== was.headline[k]).map((k) => `${k} ${was.headline[k]} → ${now.headline[k]}`);
        moved.push(`${name}: ${now.result !== was.result ? 'result' : 'sensitivity'} moved${diff.length ? `: ${diff.join(', ')}` : ' (not in the headline figures)'}`);
      }
    }
    expect(moved).toEqual([]);
  }, 300_000);
});
