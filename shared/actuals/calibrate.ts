// What the billing history says about the plan's inputs (issue #14): the
// renewal rate, contraction and growth at renewal from billing anniversaries,
// expansion between renewals as a lane-equivalent, and the installed base to
// start the plan from. Each suggestion carries the figure behind it and says
// what billing data cannot tell apart.
import type { BaseCohort, Lane, ModelInputs } from '../model/inputs';
import { MAX_BASE_COHORTS } from '../model/validate';
import { forEachCustomer, type Book } from './book';
import { monthText } from './values';
import { computeExact } from '../core/compute';
import { ACTUALS_LANE_ID, defaultLaneTarget, type LaneTarget } from './lane-target';

/** The figure behind a suggestion: a share `part ÷ whole` of something counted. */
export interface Basis { part: number; whole: number; unit: 'customers' | 'arr' | 'terms' }

export interface Suggestion {
  /** the input it sets, as in spec §2 (`journey.renewal.rate`, `lanes.<id>`) */
  path: string;
  label: string;
  value: number | Lane;
  /** how the value reads: a rate, a count of customers, or money (a lane is described in words) */
  format: 'percent' | 'count' | 'money';
  /** one sentence: the figure behind it */
  because: string;
  basis: Basis;
}

export interface Calibration {
  termMonths: number;
  renewal: { rate: number; renewed: number; due: number } | null;
  contraction: { rate: number; lost: number; renewingArr: number } | null;
  growth: { rate: number; gained: number; renewingArr: number } | null;
  /** increases between renewals in customers' first terms, as one lane */
  betweenRenewals: { attachRate: number; acv: number; expandedTerms: number; firstTerms: number; laterRate: number | null } | null;
  /** ARR lost to decreases between renewals (the plan books contraction only at renewals) */
  midTermDecrease: { lost: number; share: number } | null;
  /** customers whose first month with ARR is in the last 12 months (§9.1), and their mean first-month ARR */
  newLogos: { customers: number; acv: number; from: string; to: string } | null;
  /** customers already billing in the file's first month: their anniversaries are unknown */
  leftOut: number;
  suggestions: Suggestion[];
  /** what billing data cannot tell apart, in plain words */
  limits: string[];
}

export interface BaseSeed {
  /** month 0 of the plan: the month after the last actual */
  startMonth: string;
  cohorts: BaseCohort[];
  customers: number;
  arr: number;
  notes: string[];
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const money = (x: number) => Math.round(x).toLocaleString('en-US');

/**
 * Reads a customer's runs (months in a row with ARR > 0): a run's first month
 * starts a term, renewals fall every `m` months after it. Runs that start in
 * the file's first month are left out: their real start is before the file.
 */
export function calibrate(book: Book, inputs: ModelInputs): Calibration {
  const m = inputs.acquisition.contractMonths;
  const M = book.months;
  const scale = 10 ** book.store.scale;
  const arr = new Float64Array(M);
  let due = 0, renewed = 0, renewingArr = 0, lost = 0, gained = 0;
  let firstTerms = 0, expandedFirst = 0, firstAmount = 0, laterTerms = 0, expandedLater = 0;
  let midDecrease = 0, midBase = 0, leftOut = 0;
  // §9.1: new logos are customers whose first month with ARR is one of the last 12 (never the file's
  // first month, whose customers may have started before it): only with 13 months or more.
  const newFrom = M >= 13 ? M - 12 : -1;
  let newCount = 0, newArr = 0;
  forEachCustomer(book, (_c, cm) => {
    arr.fill(0);
    for (let i = 0; i < cm.count; i++) arr[cm.month[i]!] = Number(cm.arr[i]!) / scale;
    if (arr[0]! > 0) leftOut++;
    if (newFrom > 0) {
      const firstMonth = arr.findIndex((x) => x > 0);
      if (firstMonth >= newFrom) { newCount++; newArr += arr[firstMonth]!; }
    }
    for (let s = 1; s < M; s++) {
      if (!(arr[s]! > 0) || arr[s - 1]! > 0) continue; // s starts a run
      let e = s;
      while (e + 1 < M && arr[e + 1]! > 0) e++;
      for (let k = 1; s + m * (k - 1) <= e; k++) {
        const termStart = s + m * (k - 1), renewal = s + m * k;
        // Changes between renewals, within this term and inside the file.
        let up = 0, down = 0;
        for (let t = termStart + 1; t < Math.min(renewal, e + 1); t++) {
          if (arr[t]! > arr[t - 1]!) up += arr[t]! - arr[t - 1]!;
          else if (arr[t]! < arr[t - 1]!) down += arr[t - 1]! - arr[t]!;
        }
        midDecrease += down;
        midBase += arr[termStart]!;
        const termSeen = renewal - 1 < M; // the whole term is in the file
        if (termSeen) {
          if (k === 1) { firstTerms++; if (up > 0) { expandedFirst++; firstAmount += up; } }
          else { laterTerms++; if (up > 0) expandedLater++; }
        }
        if (renewal >= M) break; // the renewal is after the file
        due++;
        if (renewal > e) break; // gone by the renewal (churned at it, or before it)
        renewed++;
        const before = arr[renewal - 1]!, after = arr[renewal]!;
        renewingArr += before;
        if (after < before) lost += before - after;
        else gained += after - before;
      }
    }
  });

  const renewal = due > 0 ? { rate: renewed / due, renewed, due } : null;
  const contraction = renewingArr > 0 ? { rate: lost / renewingArr, lost, renewingArr } : null;
  const growth = renewingArr > 0 ? { rate: gained / renewingArr, gained, renewingArr } : null;
  const betweenRenewals = firstTerms > 0
    ? { attachRate: expandedFirst / firstTerms, acv: expandedFirst > 0 ? firstAmount / expandedFirst : 0, expandedTerms: expandedFirst, firstTerms, laterRate: laterTerms > 0 ? expandedLater / laterTerms : null }
    : null;
  const midTermDecrease = midBase > 0 ? { lost: midDecrease, share: midDecrease / midBase } : null;
  const newLogos = newFrom > 0 ? { customers: newCount, acv: newCount > 0 ? newArr / newCount : 0, from: monthText(book.firstMonth + newFrom), to: monthText(book.firstMonth + M - 1) } : null;

  const suggestions: Suggestion[] = [];
  if (renewal) {
    const because = `${renewal.renewed.toLocaleString('en-US')} of ${renewal.due.toLocaleString('en-US')} customers due for renewal on a ${m}-month anniversary were still billing after it (${pct(renewal.rate)})`;
    const basis: Basis = { part: renewal.renewed, whole: renewal.due, unit: 'customers' };
    suggestions.push({ path: 'journey.renewal.rate', label: 'Renewal rate (adopters)', value: renewal.rate, format: 'percent', because, basis });
    suggestions.push({ path: 'journey.renewal.nonAdopterRate', label: 'Renewal rate (everyone else)', value: renewal.rate, format: 'percent', because: `${because}; billing data cannot tell adopters apart, so both rates get it`, basis });
  }
  if (contraction) {
    suggestions.push({
      path: 'journey.contractionRate', label: 'Contraction at renewal', value: contraction.rate, format: 'percent',
      because: `renewing customers' ARR fell by ${money(contraction.lost)} at renewal, ${pct(contraction.rate)} of the ${money(contraction.renewingArr)} they held before it`,
      basis: { part: contraction.lost, whole: contraction.renewingArr, unit: 'arr' },
    });
  }
  if (growth) {
    const price = Math.min(first(inputs.journey.priceIncrease), growth.rate);
    const because = `renewing customers' ARR rose by ${money(growth.gained)} at renewal, ${pct(growth.rate)} of the ${money(growth.renewingArr)} they held before it`;
    const basis: Basis = { part: growth.gained, whole: growth.renewingArr, unit: 'arr' };
    suggestions.push({ path: 'journey.priceIncrease', label: 'Price increase at renewal', value: price, format: 'percent', because: `${because}; billing data cannot split price from seats, so the plan's price increase is kept (at most that growth)`, basis });
    suggestions.push({ path: 'journey.seatExpansion', label: 'Seat expansion at renewal', value: growth.rate - price, format: 'percent', because: `${because}, less the ${pct(price)} price increase`, basis });
  }
  if (betweenRenewals && betweenRenewals.expandedTerms > 0) {
    const lane: Lane = {
      id: ACTUALS_LANE_ID, name: 'Expansion between renewals (actuals)', anchor: 'close', windowStart: 1, windowEnd: Math.max(1, m - 1),
      attachRate: betweenRenewals.attachRate, acv: betweenRenewals.acv, grossMargin: inputs.general.subscriptionGrossMargin,
    };
    suggestions.push({
      path: `lanes.${ACTUALS_LANE_ID}`, label: 'Expansion between renewals, as a lane', value: lane, format: 'money',
      because: `${betweenRenewals.expandedTerms.toLocaleString('en-US')} of ${betweenRenewals.firstTerms.toLocaleString('en-US')} customers (${pct(betweenRenewals.attachRate)}) raised their ARR during their first term, by ${money(betweenRenewals.acv)} each on average`,
      basis: { part: betweenRenewals.expandedTerms, whole: betweenRenewals.firstTerms, unit: 'terms' },
    });
  }

  if (newLogos) {
    const span = `${newLogos.from} to ${newLogos.to}`;
    suggestions.push({
      path: 'acquisition.newCustomersByYear[0]', label: 'New logos in year 1', value: newLogos.customers, format: 'count',
      because: `${newLogos.customers.toLocaleString('en-US')} customers first billed in the last 12 months (${span})`,
      basis: { part: newLogos.customers, whole: newLogos.customers, unit: 'customers' },
    });
    if (newLogos.customers > 0) {
      suggestions.push({
        path: 'acquisition.acv', label: 'New-logo ACV', value: newLogos.acv, format: 'money',
        because: `the ${newLogos.customers.toLocaleString('en-US')} customers who first billed in ${span} started at ${money(newLogos.acv)} of ARR on average`,
        basis: { part: newLogos.acv * newLogos.customers, whole: newLogos.customers, unit: 'arr' },
      });
    }
  }

  const limits = [
    'Billing data cannot tell adopters from customers who failed onboarding, first value or adoption, so one renewal rate is suggested for both.',
    'It shows one net change per customer at renewal: a price rise and fewer seats on the same customer net out, so contraction and growth are both understated by the overlap, and price cannot be told from seats.',
    `It shows when billing stopped, not when a contract ended: a customer who stops paying mid-term counts as not renewing at the next ${m}-month anniversary.`,
    'Expansion between renewals is suggested as one lane in the first term (anchor close, months 1 to ' + Math.max(1, m - 1) + '); a lane buys once, so expansion in later terms is not in the plan' + (betweenRenewals?.laterRate != null ? ` (${pct(betweenRenewals.laterRate)} of later terms expanded too)` : '') + '.',
  ];
  if (!newLogos) limits.push('New logos and their ACV need 13 months of billing or more: customers billing in the first month may have started before it, so the last 12 months after it are counted.');
  if (leftOut > 0) limits.push(`${leftOut.toLocaleString('en-US')} customers were already billing in the file's first month; their anniversaries are before the file, so their terms are left out (their later restarts count).`);
  if (midTermDecrease && midTermDecrease.lost > 0) limits.push(`ARR fell by ${money(midTermDecrease.lost)} between renewals (${pct(midTermDecrease.share)} of term-start ARR); the plan books contraction only at renewals.`);
  return { termMonths: m, renewal, contraction, growth, betweenRenewals, midTermDecrease, newLogos, leftOut, suggestions, limits };
}

const first = (x: number | number[]) => (Array.isArray(x) ? x[0] ?? 0 : x);

/**
 * The installed base of §2.2 from the customers active in the last month,
 * grouped by the start of their current run (their contract term), with ARR and
 * age at month 0 = the month after the last actual.
 */
export function seedBase(book: Book): BaseSeed {
  const M = book.months;
  const scale = 10 ** book.store.scale;
  const T = M - 1;
  const groups = new Map<number, { customers: number; units: number }>();
  let censored = 0;
  forEachCustomer(book, (_c, cm) => {
    const last = cm.count - 1;
    if (last < 0 || cm.month[last] !== T || !(cm.arr[last]! > 0)) return;
    // Walk back over consecutive months with ARR to the run's start.
    let i = last;
    while (i > 0 && cm.month[i - 1] === cm.month[i]! - 1 && cm.arr[i - 1]! > 0) i--;
    const start = cm.month[i]!;
    if (start === 0) censored++;
    const g = groups.get(start) ?? { customers: 0, units: 0 };
    g.customers++;
    g.units += Number(cm.arr[last]!);
    groups.set(start, g);
  });
  const notes: string[] = [];
  let entries = [...groups.entries()].sort((a, b) => a[0] - b[0]);
  if (entries.length > MAX_BASE_COHORTS) {
    // The plan holds at most 240 cohorts: the oldest are merged into one, at the age of the youngest of them.
    const merged = entries.slice(0, entries.length - MAX_BASE_COHORTS + 1);
    const into = merged[merged.length - 1]!;
    for (const [, g] of merged.slice(0, -1)) { into[1].customers += g.customers; into[1].units += g.units; }
    entries = [into, ...entries.slice(entries.length - MAX_BASE_COHORTS + 1)];
    notes.push(`${merged.length} start months were merged into the cohort of ${monthText(book.firstMonth + into[0])}: a plan holds at most ${MAX_BASE_COHORTS} cohorts.`);
  }
  const cohorts: BaseCohort[] = entries.map(([start, g]) => ({
    name: `Since ${monthText(book.firstMonth + start)}`,
    customers: g.customers,
    arr: g.units / scale,
    ageMonths: Math.min(240, M - start),
  }));
  if (entries.some(([start]) => M - start > 240)) notes.push('Customers older than 240 months are given age 240, the oldest a plan holds.');
  if (censored > 0) notes.push(`${censored.toLocaleString('en-US')} customers have billed since the file's first month; their real start is earlier, so their age (and renewal month) is a guess from the file.`);
  return {
    startMonth: monthText(book.firstMonth + M),
    cohorts,
    customers: cohorts.reduce((s, c) => s + c.customers, 0),
    arr: entries.reduce((s, [, g]) => s + g.units, 0) / scale,
    notes,
  };
}

/** The model started from the actuals: month 0 after the last actual, the base written over any earlier one. */
export function applySeed(inputs: ModelInputs, seed: BaseSeed): ModelInputs {
  return { ...inputs, general: { ...inputs.general, startMonth: seed.startMonth }, base: { cohorts: seed.cohorts.map((c) => ({ ...c })) } };
}

/** One suggestion applied; a lane goes where `target` says (by default the first planned lane). */
export function applySuggestion(inputs: ModelInputs, s: Suggestion, target: LaneTarget = defaultLaneTarget(inputs)): ModelInputs {
  if (typeof s.value !== 'number') {
    const lane = s.value;
    if (target === 'new') return { ...inputs, lanes: [...inputs.lanes.filter((l) => l.id !== lane.id), { ...lane }] };
    if (!inputs.lanes.some((l) => l.id === target.replace)) throw new Error(`no lane ${target.replace} to replace`);
    const { anchor, windowStart, windowEnd, attachRate, acv } = lane;
    return { ...inputs, lanes: inputs.lanes.map((l) => (l.id === target.replace ? { ...l, anchor, windowStart, windowEnd, attachRate, acv } : l)) };
  }
  const v = s.value;
  const j = inputs.journey;
  switch (s.path) {
    case 'journey.renewal.rate': return { ...inputs, journey: { ...j, renewal: { ...j.renewal, rate: v } } };
    case 'journey.renewal.nonAdopterRate': return { ...inputs, journey: { ...j, renewal: { ...j.renewal, nonAdopterRate: v } } };
    case 'journey.contractionRate': return { ...inputs, journey: { ...j, contractionRate: v } };
    case 'journey.priceIncrease': return { ...inputs, journey: { ...j, priceIncrease: v } };
    case 'journey.seatExpansion': return { ...inputs, journey: { ...j, seatExpansion: v } };
    // Year 1 of a by-year plan; the later years are the user's.
    case 'acquisition.newCustomersByYear[0]': return { ...inputs, acquisition: { ...inputs.acquisition, newCustomersByYear: [v, ...inputs.acquisition.newCustomersByYear.slice(1)] } };
    case 'acquisition.acv': {
      const acv = inputs.acquisition.acv;
      return { ...inputs, acquisition: { ...inputs.acquisition, acv: Array.isArray(acv) ? [v, ...acv.slice(1)] : v } };
    }
    default: throw new Error(`no such suggestion: ${s.path}`);
  }
}

/**
 * What a suggestion does to the headline NRR before it is applied: year 1's on
 * today's book when the plan has a base with ARR, else year 2's (the first
 * year with customers closed before it).
 */
export function suggestionEffect(inputs: ModelInputs, s: Suggestion, target?: LaneTarget): { year: number; before: number | null; after: number | null } {
  const before = computeExact(inputs);
  const year = before.openingArr.gt(0) ? 1 : 2;
  const nrr = (r: typeof before) => r.annual[year - 1]?.nrr?.toNumber() ?? null;
  return { year, before: nrr(before), after: nrr(computeExact(applySuggestion(inputs, s, target))) };
}
