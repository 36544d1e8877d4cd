// Every validation rule of spec §2, each message naming the canonical key.
import { describe, expect, it } from 'vitest';
import { defaultInputs, parseModel, validateInputs, type ModelInputs } from '@shared/index';

function problemsAfter(edit: (m: ModelInputs) => void) {
  const m = defaultInputs();
  edit(m);
  return validateInputs(m);
}
const only = (edit: (m: ModelInputs) => void) => {
  const p = problemsAfter(edit);
  expect(p, JSON.stringify(p)).toHaveLength(1);
  return p[0]!;
};

describe('validateInputs', () => {
  it('accepts the defaults', () => expect(validateInputs(defaultInputs())).toEqual([]));

  it('refuses a renewal rate of 120% with the spec’s message', () => {
    expect(only((m) => { m.journey.renewal.rate = 1.2; })).toEqual({ path: 'journey.renewal.rate', message: 'must be between 0% and 100%, got 120%' });
  });

  it.each([
    ['general.discountRateAnnual', (m: ModelInputs) => { m.general.discountRateAnnual = -0.01; }],
    ['general.subscriptionGrossMargin', (m: ModelInputs) => { m.general.subscriptionGrossMargin = 1.5; }],
    ['journey.onboarding.rate', (m: ModelInputs) => { m.journey.onboarding.rate = 1.01; }],
    ['journey.firstValue.rate', (m: ModelInputs) => { m.journey.firstValue.rate = -1; }],
    ['journey.adoption.rate', (m: ModelInputs) => { m.journey.adoption.rate = 2; }],
    ['journey.renewal.nonAdopterRate', (m: ModelInputs) => { m.journey.renewal.nonAdopterRate = 1.1; }],
    ['journey.contractionRate', (m: ModelInputs) => { m.journey.contractionRate = 1.1; }],
    ['journey.priceIncrease', (m: ModelInputs) => { m.journey.priceIncrease = -0.1; }],
    ['journey.seatExpansion', (m: ModelInputs) => { m.journey.seatExpansion = 5.5; }],
    ['acquisition.funnel[2].rate', (m: ModelInputs) => { m.acquisition.funnel[2]!.rate = 1.5; }],
    ['lanes.modules.attachRate', (m: ModelInputs) => { m.lanes[0]!.attachRate = 1.2; }],
    ['lanes.services.grossMargin', (m: ModelInputs) => { m.lanes[2]!.grossMargin = -0.2; }],
  ])('refuses an out-of-range rate at %s', (path, edit) => {
    const p = only(edit);
    expect(p.path).toBe(path);
    expect(p.message).toMatch(/^must be between 0% and (100|500)%, got -?[\d.]+%$/);
  });

  it('allows seat expansion up to 500%', () => {
    expect(problemsAfter((m) => { m.journey.seatExpansion = 5; })).toEqual([]);
  });

  it.each([
    ['acquisition.acv', (m: ModelInputs) => { m.acquisition.acv = -1; }, 'must be a number ≥ 0, got -1'],
    ['acquisition.cacPerCustomer', (m: ModelInputs) => { m.acquisition.cacPerCustomer = -5; }, 'must be a number ≥ 0, got -5'],
    ['acquisition.newCustomersByYear[1]', (m: ModelInputs) => { m.acquisition.newCustomersByYear[1] = -3; }, 'must be a number ≥ 0, got -3'],
    ['lanes.integration.acv', (m: ModelInputs) => { m.lanes[1]!.acv = -10; }, 'must be a number ≥ 0, got -10'],
    ['acquisition.acv', (m: ModelInputs) => { (m.acquisition as { acv: unknown }).acv = 'lots'; }, 'must be a number, got "lots"'],
    ['acquisition.acv', (m: ModelInputs) => { m.acquisition.acv = Number.NaN; }, 'must be a number, got NaN'],
  ])('refuses bad money and counts at %s', (path, edit, message) => {
    expect(only(edit)).toEqual({ path, message });
  });

  it('allows fractional new logos (expected values)', () => {
    expect(problemsAfter((m) => { m.acquisition.newCustomersByYear = [10.5, 0]; })).toEqual([]);
  });

  it.each([
    ['general.horizonMonths', (m: ModelInputs) => { m.general.horizonMonths = 11; }, 'must be a whole number between 12 and 120, got 11'],
    ['general.horizonMonths', (m: ModelInputs) => { m.general.horizonMonths = 121; }, 'must be a whole number between 12 and 120, got 121'],
    ['general.horizonMonths', (m: ModelInputs) => { m.general.horizonMonths = 24.5; }, 'must be a whole number between 12 and 120, got 24.5'],
    ['general.ltvYears', (m: ModelInputs) => { m.general.ltvYears = 11; }, 'must be a whole number between 1 and 10, got 11'],
    ['acquisition.contractMonths', (m: ModelInputs) => { m.acquisition.contractMonths = 0; }, 'must be a whole number between 1 and 36, got 0'],
    ['journey.onboarding.month', (m: ModelInputs) => { m.journey.onboarding.month = 37; m.journey.firstValue.month = 37; m.journey.adoption.month = 37; }, 'must be a whole number between 0 and 36, got 37'],
    ['journey.firstValue.targetDays', (m: ModelInputs) => { m.journey.firstValue.targetDays = 0; }, 'must be a whole number between 1 and 365, got 0'],
    ['lanes.modules.windowStart', (m: ModelInputs) => { m.lanes[0]!.windowStart = -1; }, 'must be a whole number between 0 and 60, got -1'],
    ['lanes.modules.windowEnd', (m: ModelInputs) => { m.lanes[0]!.windowEnd = 61; }, 'must be a whole number between 0 and 60, got 61'],
  ])('refuses integers out of range at %s', (path, edit, message) => {
    const p = problemsAfter(edit);
    expect(p).toContainEqual({ path, message });
  });

  it('refuses stage months that go backwards', () => {
    expect(only((m) => { m.journey.firstValue.month = 1; })).toEqual({ path: 'journey.firstValue.month', message: 'must not be earlier than onboarding (month 2), got 1' });
    expect(only((m) => { m.journey.adoption.month = 2; })).toEqual({ path: 'journey.adoption.month', message: 'must not be earlier than first value (month 3), got 2' });
  });

  it('refuses a lane window that ends before it starts', () => {
    expect(only((m) => { m.lanes[0]!.windowEnd = 3; })).toEqual({ path: 'lanes.modules.windowEnd', message: 'must not be before the window start (4), got 3' });
  });

  it('checks lane ids: pattern, length, uniqueness', () => {
    expect(only((m) => { m.lanes[1]!.id = '9lives'; }).path).toBe('lanes[1].id');
    expect(only((m) => { m.lanes[1]!.id = 'a'.repeat(25); }).path).toBe('lanes[1].id');
    expect(only((m) => { m.lanes[1]!.id = 'modules'; })).toEqual({ path: 'lanes[1].id', message: 'must be unique, "modules" is used by an earlier lane' });
  });

  it('checks names, currency, start month, timing and anchors', () => {
    expect(only((m) => { m.general.name = ''; })).toEqual({ path: 'general.name', message: 'must be 1–120 characters, got 0' });
    expect(only((m) => { m.general.name = 'x'.repeat(121); }).path).toBe('general.name');
    expect(only((m) => { m.general.currency = 'US'; })).toEqual({ path: 'general.currency', message: 'must be a 3-letter ISO code, got "US"' });
    expect(only((m) => { m.general.startMonth = '2026-13'; })).toEqual({ path: 'general.startMonth', message: 'must be a month as YYYY-MM, got "2026-13"' });
    expect(only((m) => { (m.acquisition as { timing: string }).timing = 'monthly'; })).toEqual({ path: 'acquisition.timing', message: 'must be one of yearStart, even, got "monthly"' });
    expect(only((m) => { (m.lanes[0] as { anchor: string }).anchor = 'kickoff'; }).path).toBe('lanes.modules.anchor');
    expect(only((m) => { m.lanes[0]!.name = 'n'.repeat(61); }).path).toBe('lanes.modules.name');
  });

  it('allows 0 to 10 lanes and refuses 11', () => {
    expect(problemsAfter((m) => { m.lanes = []; })).toEqual([]);
    const lanes = (n: number) => Array.from({ length: n }, (_, i) => ({ ...defaultInputs().lanes[0]!, id: `l${i}` }));
    expect(problemsAfter((m) => { m.lanes = lanes(10); })).toEqual([]);
    expect(only((m) => { m.lanes = lanes(11); })).toEqual({ path: 'lanes', message: 'must have at most 10 lanes, got 11' });
  });

  it('refuses an empty list of new logos', () => {
    expect(only((m) => { m.acquisition.newCustomersByYear = []; })).toEqual({ path: 'acquisition.newCustomersByYear', message: 'must list at least year 1' });
  });
});

describe('parseModel (partial JSON merged over the defaults)', () => {
  it('merges a partial model key by key', () => {
    const r = parseModel({ journey: { renewal: { rate: 0.9 } }, acquisition: { acv: '70000' } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.journey.renewal).toEqual({ rate: 0.9, nonAdopterRate: 0.5 });
    expect(r.value.acquisition.acv).toBe(70000);
    expect(r.value.lanes).toHaveLength(3);
  });

  it('names a lane given without a name by its id', () => {
    const lane = { id: 'onboardingPlus', anchor: 'close', windowStart: 0, windowEnd: 2, attachRate: 0.1, acv: 5000, grossMargin: 0.6 };
    const r = parseModel({ lanes: [lane] });
    expect(r.ok && r.value.lanes).toEqual([{ ...lane, name: 'onboardingPlus' }]);
  });

  it('replaces lists wholesale and fills a known lane id from its defaults', () => {
    const r = parseModel({ lanes: [{ id: 'modules', attachRate: 0.5 }] });
    expect(r.ok && r.value.lanes).toEqual([{ ...defaultInputs().lanes[0], attachRate: 0.5 }]);
  });

  it('names keys the model does not know and ignores them, so a typo is seen but metadata does not block a run', () => {
    const r = parseModel({ $comment: 'Q3 board pack', journey: { renewalRate: 0.8 }, lanes: [{ id: 'modules', note: 'x' }] });
    expect(r.ok && r.notes).toEqual([
      '$comment is not an input of the model; ignored',
      'journey.renewalRate is not an input of the model; ignored',
      'lanes[0].note is not an input of the model; ignored',
    ]);
    expect(r.ok && r.value.journey.renewal.rate).toBe(0.85);
  });

  it('reports every problem at once: missing lane fields and range errors', () => {
    const r = parseModel({ foo: 1, journey: { renewal: { rate: 1.2 }, renewalRate: 0.8 }, lanes: [{ id: 'custom', name: 'Custom' }] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const paths = r.problems.map((p) => p.path);
    expect(paths).toContain('journey.renewal.rate');
    expect(paths).toContain('lanes[0].acv');
    expect(r.problems.find((p) => p.path === 'lanes[0].acv')!.message).toBe('is required');
    expect(paths.filter((p) => p.endsWith('.acv'))).toHaveLength(1);
  });

  it('refuses text where a number belongs and a non-object model', () => {
    const r = parseModel({ acquisition: { acv: 'sixty-five thousand' } });
    expect(!r.ok && r.problems).toEqual([{ path: 'acquisition.acv', message: 'must be a number, got "sixty-five thousand"' }]);
    expect(parseModel([1, 2]).ok).toBe(false);
    expect(parseModel({ journey: 5 }).ok).toBe(false);
  });
});

describe('ramps, the installed base and levers (spec §2.1, §2.2)', () => {
  it('accepts a list of 1–10 yearly values for every rampable input', () => {
    expect(problemsAfter((m) => {
      m.journey.renewal.rate = [0.85, 0.9];
      m.journey.onboarding.rate = [0.9, 0.95, 0.97];
      m.acquisition.acv = [65000, 70000];
      m.journey.seatExpansion = [0.04, 4.5];
      m.lanes[0]!.attachRate = Array.from({ length: 10 }, () => 0.3);
      m.lanes[1]!.acv = [18000];
    })).toEqual([]);
  });

  it('names a bad yearly value by its index: journey.renewal.rate[1], lanes.modules.attachRate[1]', () => {
    expect(only((m) => { m.journey.renewal.rate = [0.85, 1.2]; })).toEqual({ path: 'journey.renewal.rate[1]', message: 'must be between 0% and 100%, got 120%' });
    expect(only((m) => { m.lanes[0]!.attachRate = [0.3, -0.1]; })).toEqual({ path: 'lanes.modules.attachRate[1]', message: 'must be between 0% and 100%, got -10%' });
    expect(only((m) => { m.acquisition.cacPerCustomer = [80000, -1]; })).toEqual({ path: 'acquisition.cacPerCustomer[1]', message: 'must be a number ≥ 0, got -1' });
    expect(only((m) => { (m.journey as { contractionRate: unknown }).contractionRate = [0.02, 'x']; })).toEqual({ path: 'journey.contractionRate[1]', message: 'must be a number, got "x"' });
  });

  it('refuses an empty list and one longer than ten years', () => {
    expect(only((m) => { m.journey.priceIncrease = []; })).toEqual({ path: 'journey.priceIncrease', message: 'must be one number or a list of 1–10 yearly values, got 0 values' });
    expect(only((m) => { m.journey.priceIncrease = Array.from({ length: 11 }, () => 0.03); }).message).toMatch(/got 11 values/);
  });

  it('does not ramp inputs outside §2.1 (months, margins, counts)', () => {
    expect(only((m) => { (m.lanes[0] as unknown as { grossMargin: unknown }).grossMargin = [0.6, 0.7]; }).path).toBe('lanes.modules.grossMargin');
    expect(only((m) => { (m.acquisition as unknown as { contractMonths: unknown }).contractMonths = [12, 24]; }).path).toBe('acquisition.contractMonths');
  });

  it('checks every field of a base cohort, named base.cohorts[i].field', () => {
    const good = { name: 'Book', customers: 100, arr: 6.5e6, ageMonths: 12, adopterShare: null };
    expect(problemsAfter((m) => { m.base.cohorts = [good, { ...good, adopterShare: 0.7 }, { name: 'No share', customers: 1, arr: 1, ageMonths: 240 }]; })).toEqual([]);
    expect(only((m) => { m.base.cohorts = [good, { ...good, ageMonths: 0 }]; })).toEqual({ path: 'base.cohorts[1].ageMonths', message: 'must be a whole number between 1 and 240, got 0' });
    expect(only((m) => { m.base.cohorts = [{ ...good, ageMonths: 12.5 }]; }).path).toBe('base.cohorts[0].ageMonths');
    expect(only((m) => { m.base.cohorts = [{ ...good, customers: -1 }]; })).toEqual({ path: 'base.cohorts[0].customers', message: 'must be a number ≥ 0, got -1' });
    expect(only((m) => { m.base.cohorts = [{ ...good, adopterShare: 1.5 }]; })).toEqual({ path: 'base.cohorts[0].adopterShare', message: 'must be between 0% and 100%, got 150%' });
    expect(only((m) => { m.base.cohorts = [{ ...good, name: '' }]; }).path).toBe('base.cohorts[0].name');
    expect(only((m) => { m.base.cohorts = [{ ...good, customers: 0, arr: 10 }]; })).toEqual({ path: 'base.cohorts[0].arr', message: 'must be 0 when the cohort has no customers, got 10' });
    expect(only((m) => { m.base.cohorts = Array.from({ length: 241 }, () => good); })).toEqual({ path: 'base.cohorts', message: 'must have at most 240 cohorts, got 241' });
  });

  it('accepts a lane lever of seed 002 and refuses any other', () => {
    expect(problemsAfter((m) => { m.lanes[0]!.lever = 'usage'; })).toEqual([]);
    expect(only((m) => { (m.lanes[0] as { lever: unknown }).lever = 'magic'; }).path).toBe('lanes.modules.lever');
  });

  it('defaults: seed 002 margins 60% / 25% / 30% with their levers named, and no base', () => {
    const m = defaultInputs();
    expect(m.lanes.map((l) => [l.grossMargin, l.lever])).toEqual([[0.6, 'upsell'], [0.25, 'integration'], [0.3, 'services']]);
    expect(m.base.cohorts).toEqual([]);
  });
});

describe('parseModel with ramps and a base', () => {
  it('reads yearly lists (numbers or decimal strings) and base cohorts, an absent adopter share left implied', () => {
    const p = parseModel({
      journey: { renewal: { rate: ['0.85', 0.9] } },
      lanes: [{ id: 'modules', attachRate: [0.3, 0.35] }],
      base: { cohorts: [{ name: 'Book', customers: '100', arr: 6500000, ageMonths: 12 }] },
    });
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    expect(p.value.journey.renewal.rate).toEqual([0.85, 0.9]);
    expect(p.value.lanes[0]!.attachRate).toEqual([0.3, 0.35]);
    expect(p.value.lanes[0]!.lever).toBe('upsell');
    expect(p.value.base.cohorts).toEqual([{ name: 'Book', customers: 100, arr: 6500000, ageMonths: 12 }]);
  });

  it('names missing and bad base fields and bad yearly values', () => {
    const p = parseModel({ journey: { renewal: { rate: [0.85, 2] } }, base: { cohorts: [{ name: 'Book', arr: 1 }] } });
    expect(p.ok).toBe(false);
    if (p.ok) return;
    expect(p.problems).toEqual(expect.arrayContaining([
      { path: 'journey.renewal.rate[1]', message: 'must be between 0% and 100%, got 200%' },
      { path: 'base.cohorts[0].customers', message: 'is required' },
      { path: 'base.cohorts[0].ageMonths', message: 'is required' },
    ]));
  });
});
