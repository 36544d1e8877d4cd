// The KPI strip's tiles as goal seek's outputs (issue 21): each numeric tile names
// a §10 output the core accepts; the NRR band, a word, names none.
import { describe, expect, it } from 'vitest';
import { computeModel, defaultInputs, resolveOutput } from '../../../shared/index';
import { headlineKpis } from '../../../renderer/src/kpi/kpi-figures';
import { kpiOutput } from '../../../renderer/src/what-if/goal-seek-store';
import { g4 } from '../../support/models';

describe('kpiOutput', () => {
  it('maps every numeric headline tile to an output whose value is the tile\'s', () => {
    for (const m of [defaultInputs(), g4()]) {
      const r = computeModel(m);
      for (const k of headlineKpis(r)) {
        const key = kpiOutput(k.key);
        if (k.format === 'text') { expect(key, k.key).toBeNull(); continue; }
        expect(key, k.key).not.toBeNull();
        const out = resolveOutput(m, key!);
        if (!out.ok) throw new Error(out.error);
        expect(out.value.of(r), k.key).toBe(k.value);
      }
    }
  });
});
