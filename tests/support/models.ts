// Models the tests share: the spec's golden cases and a fast-check generator of
// random valid models.
import fc from 'fast-check';
import { defaultInputs, LANE_ANCHORS, type Lane, type ModelInputs } from '@shared/index';

/** Spec §8 G1: seed 000's Year-2 math. */
export function g1(): ModelInputs {
  const m = defaultInputs();
  m.acquisition.newCustomersByYear = [100];
  m.acquisition.timing = 'yearStart';
  m.acquisition.acv = 65000;
  m.journey.onboarding.rate = 1;
  m.journey.firstValue.rate = 1;
  m.journey.adoption.rate = 1;
  m.journey.renewal.rate = 0.85;
  m.journey.renewal.nonAdopterRate = 0;
  m.journey.contractionRate = 0;
  m.journey.priceIncrease = 0;
  m.journey.seatExpansion = 0;
  m.lanes = [{ id: 'expansion', name: 'Expansion', anchor: 'renewal', windowStart: 0, windowEnd: 0, attachRate: 0.35, acv: 42000, grossMargin: 0.8 }];
  m.general.horizonMonths = 36;
  return m;
}

/** Rates on a 0.5-point grid keep shrinking counterexamples readable. */
const rate = fc.integer({ min: 0, max: 200 }).map((n) => n / 200);
const money = fc.integer({ min: 0, max: 400 }).map((n) => n * 500);

const lane = (id: string): fc.Arbitrary<Lane> =>
  fc.record({
    anchor: fc.constantFrom(...LANE_ANCHORS),
    windowStart: fc.integer({ min: 0, max: 14 }),
    span: fc.integer({ min: 0, max: 8 }),
    attachRate: rate,
    acv: money,
    grossMargin: rate,
  }).map(({ span, ...l }) => ({ id, name: `Lane ${id}`, ...l, windowEnd: l.windowStart + span }));

export const arbModel: fc.Arbitrary<ModelInputs> = fc
  .record({
    horizonYears: fc.integer({ min: 2, max: 5 }),
    extraMonths: fc.integer({ min: 0, max: 11 }),
    newCustomers: fc.array(fc.integer({ min: 0, max: 300 }), { minLength: 1, maxLength: 5 }),
    timing: fc.constantFrom('yearStart' as const, 'even' as const),
    acv: money,
    contractMonths: fc.constantFrom(1, 3, 6, 12, 12, 12, 18, 24, 36),
    cac: money,
    on: rate, fv: rate, ad: rate,
    months: fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 3, maxLength: 3 }).map((a) => a.sort((x, y) => x - y)),
    renewal: rate, non: rate,
    contraction: fc.integer({ min: 0, max: 20 }).map((n) => n / 100),
    price: fc.integer({ min: 0, max: 10 }).map((n) => n / 100),
    seat: fc.integer({ min: 0, max: 30 }).map((n) => n / 100),
    lanes: fc.integer({ min: 0, max: 4 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => lane(`l${i}`)))),
    discount: fc.integer({ min: 0, max: 30 }).map((n) => n / 100),
    ltvYears: fc.integer({ min: 1, max: 5 }),
    sgm: rate,
  })
  .map((r) => {
    const m = defaultInputs();
    m.general.horizonMonths = Math.min(120, 12 * r.horizonYears + r.extraMonths);
    m.general.discountRateAnnual = r.discount;
    m.general.ltvYears = r.ltvYears;
    m.general.subscriptionGrossMargin = r.sgm;
    m.acquisition.newCustomersByYear = r.newCustomers;
    m.acquisition.timing = r.timing;
    m.acquisition.acv = r.acv;
    m.acquisition.contractMonths = r.contractMonths;
    m.acquisition.cacPerCustomer = r.cac;
    m.journey.onboarding = { rate: r.on, month: r.months[0]! };
    m.journey.firstValue = { rate: r.fv, month: r.months[1]!, targetDays: 60 };
    m.journey.adoption = { rate: r.ad, month: r.months[2]! };
    m.journey.renewal = { rate: r.renewal, nonAdopterRate: r.non };
    m.journey.contractionRate = r.contraction;
    m.journey.priceIncrease = r.price;
    m.journey.seatExpansion = r.seat;
    m.lanes = r.lanes;
    return m;
  });

/** The benchmark's large model: 120 months, ten years of even acquisition, 10 lanes. */
export function largeModel(): ModelInputs {
  const m = defaultInputs();
  m.general.horizonMonths = 120;
  m.acquisition.timing = 'even';
  m.acquisition.newCustomersByYear = [100, 120, 140, 160, 180, 200, 220, 240, 260, 280];
  m.lanes = Array.from({ length: 10 }, (_, i) => ({
    id: `lane${i + 1}`,
    name: `Lane ${i + 1}`,
    anchor: LANE_ANCHORS[i % LANE_ANCHORS.length]!,
    windowStart: i % 4,
    windowEnd: (i % 4) + 2 + (i % 3),
    attachRate: 0.05 + 0.03 * i,
    acv: 10000 + 2500 * i,
    grossMargin: 0.3 + 0.05 * i,
  }));
  return m;
}

/** A rampable value: the constant, or a list of 1–4 yearly values from the same generator. */
const ramp = (arb: fc.Arbitrary<number>): fc.Arbitrary<number | number[]> =>
  fc.oneof({ weight: 1, arbitrary: arb }, { weight: 2, arbitrary: fc.array(arb, { minLength: 1, maxLength: 4 }) });

const baseCohort = fc.record({
  customers: fc.integer({ min: 0, max: 300 }),
  arrPerCustomer: money,
  ageMonths: fc.integer({ min: 1, max: 60 }),
  adopterShare: fc.option(rate, { nil: null }),
}).map(({ customers, arrPerCustomer, ageMonths, adopterShare }) => ({
  name: `Cohort aged ${ageMonths}`, customers, arr: customers * arrPerCustomer, ageMonths, adopterShare,
}));

/** Random valid models whose rampable inputs may change by year, with 0–3 installed-base cohorts. */
export const arbRampedModel: fc.Arbitrary<ModelInputs> = fc
  .record({
    m: arbModel,
    on: ramp(rate), fv: ramp(rate), ad: ramp(rate), acv: ramp(money), cac: ramp(money),
    renewal: ramp(rate), non: ramp(rate),
    contraction: ramp(fc.integer({ min: 0, max: 20 }).map((n) => n / 100)),
    price: ramp(fc.integer({ min: 0, max: 10 }).map((n) => n / 100)),
    seat: ramp(fc.integer({ min: 0, max: 30 }).map((n) => n / 100)),
    laneAttach: fc.array(ramp(rate), { minLength: 4, maxLength: 4 }),
    laneAcv: fc.array(ramp(money), { minLength: 4, maxLength: 4 }),
    base: fc.array(baseCohort, { minLength: 0, maxLength: 3 }),
  })
  .map((r) => {
    const m = r.m;
    m.journey.onboarding.rate = r.on;
    m.journey.firstValue.rate = r.fv;
    m.journey.adoption.rate = r.ad;
    m.acquisition.acv = r.acv;
    m.acquisition.cacPerCustomer = r.cac;
    m.journey.renewal = { rate: r.renewal, nonAdopterRate: r.non };
    m.journey.contractionRate = r.contraction;
    m.journey.priceIncrease = r.price;
    m.journey.seatExpansion = r.seat;
    m.lanes = m.lanes.map((l, i) => ({ ...l, attachRate: r.laneAttach[i]!, acv: r.laneAcv[i]! }));
    m.base = { cohorts: r.base };
    return m;
  });

/** G4 (spec §8): seed 000's Year-2 math on today's book, no new logos. */
export function g4(): ModelInputs {
  const m = defaultInputs();
  m.acquisition.newCustomersByYear = [0];
  m.base = { cohorts: [{ name: 'Book', customers: 100, arr: 6500000, ageMonths: 12, adopterShare: 1 }] };
  m.journey.renewal.rate = 0.85;
  m.journey.contractionRate = 0;
  m.journey.priceIncrease = 0;
  m.journey.seatExpansion = 0;
  m.lanes = [{ id: 'upsell', name: 'Upsell', anchor: 'renewal', windowStart: 0, windowEnd: 0, attachRate: 0.35, acv: 42000, grossMargin: 0.8 }];
  m.general.horizonMonths = 24;
  return m;
}

/** G5 (spec §8): G4 without the lane, renewal ramped 85% → 90%. */
export function g5(): ModelInputs {
  const m = g4();
  m.lanes = [];
  m.journey.renewal.rate = [0.85, 0.9];
  return m;
}

/** Every rampable input ramped over the years and three base cohorts (the bench's "ramped" rows). */
export function rampedModel(m: ModelInputs): ModelInputs {
  const up = (x: number | number[], step: number, max = 1) => {
    const v = typeof x === 'number' ? x : x[0]!;
    return Array.from({ length: 10 }, (_, i) => Math.min(max, Number((v + step * i).toFixed(6))));
  };
  const grow = (x: number | number[], f: number) => {
    const v = typeof x === 'number' ? x : x[0]!;
    return Array.from({ length: 10 }, (_, i) => Math.round(v * Math.pow(f, i)));
  };
  const r = structuredClone(m);
  r.journey.onboarding.rate = up(r.journey.onboarding.rate, 0.01);
  r.journey.firstValue.rate = up(r.journey.firstValue.rate, 0.01);
  r.journey.adoption.rate = up(r.journey.adoption.rate, 0.01);
  r.acquisition.acv = grow(r.acquisition.acv, 1.05);
  r.acquisition.cacPerCustomer = grow(r.acquisition.cacPerCustomer, 1.03);
  r.journey.renewal.rate = up(r.journey.renewal.rate, 0.01);
  r.journey.renewal.nonAdopterRate = up(r.journey.renewal.nonAdopterRate, 0.01);
  r.journey.contractionRate = up(r.journey.contractionRate, -0.001);
  r.journey.priceIncrease = up(r.journey.priceIncrease, 0.002);
  r.journey.seatExpansion = up(r.journey.seatExpansion, 0.003, 5);
  r.lanes = r.lanes.map((l) => ({ ...l, attachRate: up(l.attachRate, 0.01), acv: grow(l.acv, 1.04) }));
  r.base = {
    cohorts: [
      { name: '2023 logos', customers: 60, arr: 3600000, ageMonths: 30, adopterShare: 0.7 },
      { name: '2024 logos', customers: 80, arr: 4800000, ageMonths: 18, adopterShare: null },
      { name: '2025 logos', customers: 90, arr: 5400000, ageMonths: 7 },
    ],
  };
  return r;
}

/**
 * Three segments (spec §2.3) over a model: SMB with a cheaper ACV, yearly
 * contracts and a ramped renewal rate; mid-market inheriting all but contraction;
 * enterprise on 36-month terms, spread closes, a ramped first-lane attach and a
 * better adoption. Shares change by year; an installed base goes to SMB and
 * enterprise.
 */
export function segmentedModel(m: ModelInputs): ModelInputs {
  const r = structuredClone(m);
  r.segments = [
    { id: 'smb', name: 'SMB', logoShare: [0.6, 0.55, 0.5], overrides: { 'acquisition.acv': 12000, 'journey.renewal.rate': [0.8, 0.82], 'acquisition.contractMonths': 12 } },
    { id: 'mm', name: 'Mid-market', logoShare: 0.3, overrides: { 'journey.contractionRate': 0.05 } },
    { id: 'ent', name: 'Enterprise', logoShare: [0.1, 0.15, 0.2], overrides: { 'acquisition.timing': 'even', ...(r.lanes[0] ? { [`lanes.${r.lanes[0].id}.attachRate`]: [0.5, 0.6] } : {}), 'acquisition.contractMonths': 36, 'journey.adoption.rate': 0.9 } },
  ];
  r.base = { cohorts: (r.base?.cohorts ?? []).map((c, i) => ({ ...c, adopterShare: c.adopterShare ?? null, segment: i === 0 ? 'smb' : 'ent' })) };
  return r;
}
