// Every validation rule of spec §2, each message naming the canonical key.
import { describe, expect, it } from 'vitest';
import { defaultInputs, parseModel, validateInputs, type ModelInputs } from '../../../shared/index';

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
