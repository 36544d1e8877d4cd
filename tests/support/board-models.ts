// Models the board report is looked at and tested with (issue 12): the example,
// one where expansion outruns churn, one with 10 long-named lanes and three
// scenarios, one that shrinks hard (negative flows), and a one-year model.
import { defaultInputs, type Lane, type ModelInputs } from '@shared/index';
import { createScenario, emptyScenarios, type ScenarioSet } from '@shared/model/scenarios';

export function expansionOutrunsChurn(): ModelInputs {
  const m = defaultInputs();
  m.general.name = 'Expansion-led SaaS';
  m.journey.onboarding.rate = 0.97;
  m.journey.firstValue.rate = 0.95;
  m.journey.firstValue.month = 2;
  m.journey.adoption.rate = 0.9;
  m.journey.renewal.rate = 0.95;
  m.journey.renewal.nonAdopterRate = 0.7;
  m.journey.seatExpansion = 0.12;
  m.journey.priceIncrease = 0.05;
  m.lanes[0]!.attachRate = 0.6;
  m.lanes[2]!.attachRate = 0.4;
  m.general.horizonMonths = 60;
  m.general.ltvYears = 5;
  m.acquisition.newCustomersByYear = [100, 120, 140, 160, 180];
  return m;
}

const LONG = [
  'Additional use cases and modules for adjacent departments',
  'Deeper data integration with the customer warehouse',
  'Managed services layer for teams without an admin',
  'Usage-based billing on API calls above the plan',
  'Premium support and a named customer success manager',
  'Cross-sell of the analytics product to finance teams',
  'Seat expansion across regional subsidiaries',
  'Training, certification and onboarding of new hires',
  'Sandbox and staging environments for IT',
  'Compliance pack: audit trails, SSO and data residency',
];

export function tenLanes(): ModelInputs {
  const m = defaultInputs();
  m.general.name = 'Ten-lane enterprise platform with a long company name';
  const anchors: Lane['anchor'][] = ['close', 'onboarding', 'firstValue', 'adoption', 'renewal'];
  m.lanes = LONG.map((name, i): Lane => ({
    id: `lane${i + 1}`, name, anchor: anchors[i % anchors.length]!, windowStart: i % 4, windowEnd: (i % 4) + 3,
    attachRate: 0.05 + (i % 5) * 0.04, acv: 6000 + i * 3500, grossMargin: [0.8, 0.25, 0.1, 0.55, 0.45][i % 5]!,
  }));
  return m;
}

export function threeScenarios(): ScenarioSet {
  let set = emptyScenarios();
  for (const [name, o] of [
    ['Upside: better onboarding and a bigger modules attach', { 'journey.onboarding.rate': 0.97, 'lanes.lane1.attachRate': 0.3 }],
    ['Downside', { 'journey.renewal.rate': 0.7 }],
    ['Price-led', { 'journey.priceIncrease': 0.08 }],
  ] as const) {
    const r = createScenario(set, name, o);
    if (!r.ok) throw new Error(r.error);
    set = r.set;
  }
  return set;
}

/** Churn far above expansion: NRR well under 90%, losses bigger than what is added. */
export function shrinking(): ModelInputs {
  const m = defaultInputs();
  m.general.name = 'Shrinking base';
  m.journey.renewal.rate = 0.4;
  m.journey.renewal.nonAdopterRate = 0.1;
  m.journey.contractionRate = 0.15;
  m.journey.priceIncrease = 0;
  m.journey.seatExpansion = 0;
  m.journey.firstValue.month = 4;
  return m;
}

export function oneYear(): ModelInputs {
  const m = defaultInputs();
  m.general.horizonMonths = 12;
  m.acquisition.newCustomersByYear = [100];
  return m;
}
