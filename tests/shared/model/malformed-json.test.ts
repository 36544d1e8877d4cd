// Malformed JSON models (issue 9, item 7): every wrong shape anywhere in a model
// is a problem with its path, never a crash inside the core; every money and
// count input has an upper limit, so a valid model's figures are all finite.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultInputs, parseModel, summarize } from '@shared/index';
import { MODEL_LIMITS } from '@shared/model/catalog';

const finiteOrNull = (x: unknown): boolean =>
  x === null || typeof x === 'string' || typeof x === 'boolean' || (typeof x === 'number' ? Number.isFinite(x) : Object.values(x as object).every(finiteOrNull));

describe('malformed JSON models', () => {
  it.each([
    [{ lanes: [[]] }, 'lanes[0]', 'must be an object, got a list'],
    [{ lanes: [7] }, 'lanes[0]', 'must be an object, got 7'],
    [{ lanes: [{ id: 'a', name: 'A', anchor: 'close', windowStart: 0, windowEnd: 1, attachRate: 0.1, acv: 1, grossMargin: 0.5 }, null] }, 'lanes[1]', 'must be an object, got nothing'],
    [{ acquisition: { funnel: [['MQL', 0.3]] } }, 'acquisition.funnel[0]', 'must be an object, got a list'],
    [{ acquisition: { newCustomersByYear: [[1]] } }, 'acquisition.newCustomersByYear[0]', 'must be a number, got a list'],
    [{ journey: { renewal: [] } }, 'journey.renewal', 'must be a group of inputs, got a list'],
    [{ general: 'x' }, 'general', 'must be a group of inputs, got "x"'],
  ])('%j is exit-1 material: %s %s', (json, path, message) => {
    const r = parseModel(json);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems).toContainEqual({ path, message });
  });

  it('money and counts have an upper limit in the spec’s style', () => {
    const r = parseModel({ acquisition: { acv: 1e308, cacPerCustomer: 2e12, newCustomersByYear: [1e308, 1e7] }, lanes: [{ id: 'x', name: 'X', anchor: 'close', windowStart: 0, windowEnd: 0, attachRate: 0.5, acv: '1e13', grossMargin: 0.5 }] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([
      { path: 'acquisition.newCustomersByYear[0]', message: 'must be at most 10,000,000, got 1e+308' },
      { path: 'acquisition.acv', message: 'must be at most 1,000,000,000,000, got 1e+308' },
      { path: 'acquisition.cacPerCustomer', message: 'must be at most 1,000,000,000,000, got 2000000000000' },
      { path: 'lanes.x.acv', message: 'must be at most 1,000,000,000,000, got 10000000000000' },
    ]);
  });

  it('lists are bounded by the model’s own limits', () => {
    const r = parseModel({ acquisition: { newCustomersByYear: Array(11).fill(1), funnel: Array(21).fill({ name: 'S', rate: 0.5 }) } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems).toEqual([
      { path: 'acquisition.newCustomersByYear', message: `must have at most ${MODEL_LIMITS.years} years, got 11` },
      { path: 'acquisition.funnel', message: `must have at most ${MODEL_LIMITS.funnelStages} stages, got 21` },
    ]);
  });

  it('the largest valid model still has finite figures', () => {
    const r = parseModel({
      general: { horizonMonths: 120, ltvYears: 10 },
      acquisition: { acv: 1e12, cacPerCustomer: 1e12, contractMonths: 1, newCustomersByYear: Array(10).fill(1e7) },
      journey: { priceIncrease: 1, seatExpansion: 5, renewal: { rate: 1, nonAdopterRate: 1 }, contractionRate: 0 },
      lanes: [{ id: 'big', name: 'Big', anchor: 'close', windowStart: 0, windowEnd: 60, attachRate: 1, acv: 1e12, grossMargin: 1 }],
    });
    expect(r.ok).toBe(true);
    if (r.ok) expect(finiteOrNull(summarize(r.value))).toBe(true);
  });

  it('any JSON value put anywhere in a model is a problem with a path or a valid model, never a throw', () => {
    const base = JSON.parse(JSON.stringify(defaultInputs())) as Record<string, unknown>;
    // Every place in the default model (objects, lists and leaves), as a path of keys.
    const places: (string | number)[][] = [];
    const walk = (x: unknown, path: (string | number)[]) => {
      places.push(path);
      if (x && typeof x === 'object') for (const [k, v] of Object.entries(x)) walk(v, [...path, Array.isArray(x) ? Number(k) : k]);
    };
    walk(base, []);
    const put = (root: unknown, path: (string | number)[], v: unknown): unknown => {
      if (!path.length) return v;
      const copy = (Array.isArray(root) ? [...root] : { ...(root as object) }) as Record<string | number, unknown>;
      copy[path[0]!] = put(copy[path[0]!], path.slice(1), v);
      return copy;
    };
    fc.assert(fc.property(
      fc.array(fc.tuple(fc.constantFrom(...places.filter((p) => p.length > 0)), fc.jsonValue({ maxDepth: 3 })), { minLength: 1, maxLength: 3 }),
      (edits) => {
        let json: unknown = base;
        for (const [path, v] of edits) json = put(json, path, v);
        const r = parseModel(json);
        if (!r.ok) {
          expect(r.problems.length).toBeGreaterThan(0);
          for (const p of r.problems) expect(p.path).toMatch(/^[A-Za-z(]/);
          return;
        }
        expect(finiteOrNull(summarize(r.value))).toBe(true);
      },
    ), { numRuns: 150 });
  }, 120_000);
});
