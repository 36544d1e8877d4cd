// Validation and the partial-model merge (spec §2). Nothing is clamped: every
// problem comes back as {path, message} naming the canonical key, and a model
// with any problem is not computed.
import Decimal from 'decimal.js';
import { defaultInputs, DEFAULT_LANES, LANE_ANCHORS, LEVERS, TIMINGS, type BaseCohort, type InputProblem, type Lane, type ModelInputs, type Parsed, type Segment, type SegmentOverride } from './inputs';
import { MODEL_LIMITS } from './catalog';
import { laneFieldKey } from './keys';
import { MAX_RAMP_YEARS, valueInYear } from './ramps';
import { getInput, segmentOverrideProblem } from '../document/keys';
import { withOverrides } from './segments';
import { mergeSignals, validateSignals } from '../accounts/signals';

const LANE_ID = /^[A-Za-z][A-Za-z0-9_]{0,23}$/;
const YEAR_MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

const pct = (x: number): string => `${new Decimal(x).mul(100).toString()}%`;
const show = (x: unknown): string => (typeof x === 'string' ? JSON.stringify(x) : typeof x === 'number' ? String(x) : Array.isArray(x) ? 'a list' : x === null ? 'nothing' : typeof x);

/** C0 and C1 control characters (tab and line breaks included), DEL, unpaired surrogates, U+FFFE/U+FFFF. */
const UNWRITABLE = /[\u0000-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Why a name cannot be a name, or null: a control character (which an .xlsx part
 * cannot hold and ExcelJS drops without a word, and which breaks a chart's SVG), or
 * a half of a surrogate pair (not text at all). Refused, never removed.
 */
export function unwritableTextProblem(text: string): string | null {
  const m = UNWRITABLE.exec(text);
  if (!m) return null;
  const at = [...text.slice(0, m.index)].length + 1;
  const code = `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  return /[\ud800-\udfff\ufffe\uffff]/.test(m[0])
    ? `must be plain text: character ${at} (${code}) is not a character`
    : `must not contain control characters: character ${at} is ${code}${CONTROL_NAMES[m[0]] ? ` (${CONTROL_NAMES[m[0]]})` : ''}`;
}

const CONTROL_NAMES: Record<string, string> = { '\u0000': 'NUL', '\u0007': 'BEL', '\t': 'a tab', '\n': 'a line break', '\u000b': 'a vertical tab', '\f': 'a form feed', '\r': 'a carriage return', '\u001b': 'ESC', '\u007f': 'DEL' };

class Checker {
  readonly problems: InputProblem[] = [];
  add(path: string, message: string) { this.problems.push({ path, message }); }

  number(path: string, x: unknown): x is number {
    if (typeof x !== 'number' || !Number.isFinite(x)) {
      this.add(path, `must be a number, got ${show(x)}`);
      return false;
    }
    return true;
  }
  rate(path: string, x: unknown, max = 1) {
    if (this.number(path, x) && (x < 0 || x > max)) this.add(path, `must be between 0% and ${pct(max)}, got ${pct(x)}`);
  }
  nonNegative(path: string, x: unknown, max: number) {
    if (!this.number(path, x)) return;
    if (x < 0) this.add(path, `must be a number ≥ 0, got ${x}`);
    else if (x > max) this.add(path, `must be at most ${max.toLocaleString('en-US')}, got ${x}`);
  }
  integer(path: string, x: unknown, min: number, max: number) {
    if (this.number(path, x) && (!Number.isInteger(x) || x < min || x > max)) this.add(path, `must be a whole number between ${min} and ${max}, got ${x}`);
  }
  text(path: string, x: unknown, min: number, max: number) {
    if (typeof x !== 'string') return this.add(path, `must be text, got ${show(x)}`);
    const bad = unwritableTextProblem(x);
    if (bad) return this.add(path, bad);
    const n = [...x].length;
    if (n < min || n > max) this.add(path, `must be ${min}–${max} characters, got ${n}`);
  }
  oneOf(path: string, x: unknown, options: readonly string[]) {
    if (typeof x !== 'string' || !options.includes(x)) this.add(path, `must be one of ${options.join(', ')}, got ${show(x)}`);
  }
  list(path: string, x: unknown, max: number, what: string): x is unknown[] {
    if (!Array.isArray(x)) { this.add(path, `must be a list, got ${show(x)}`); return false; }
    if (x.length > max) { this.add(path, `must have at most ${max} ${what}, got ${x.length}`); return false; }
    return true;
  }
  /** A list element that must be a JSON object: a list, text or number there is a wrong shape, not a crash. */
  object(path: string, x: unknown): x is Record<string, unknown> {
    if (x === null || typeof x !== 'object' || Array.isArray(x)) { this.add(path, `must be an object, got ${show(x)}`); return false; }
    return true;
  }
  /** Spec §2.1: one number, or a list of 1–10 yearly values each checked as `path[i]`. */
  ramp(path: string, x: unknown, check: (path: string, v: unknown) => void) {
    if (!Array.isArray(x)) return check(path, x);
    if (x.length < 1 || x.length > MAX_RAMP_YEARS) return this.add(path, `must be one number or a list of 1–${MAX_RAMP_YEARS} yearly values, got ${x.length} values`);
    x.forEach((v, i) => check(`${path}[${i}]`, v));
  }
}

export function validateInputs(m: ModelInputs): InputProblem[] {
  const c = new Checker();
  const g = m.general;
  c.text('general.name', g.name, 1, 120);
  if (typeof g.currency !== 'string' || !/^[A-Za-z]{3}$/.test(g.currency)) c.add('general.currency', `must be a 3-letter ISO code, got ${show(g.currency)}`);
  if (typeof g.startMonth !== 'string' || !YEAR_MONTH.test(g.startMonth)) c.add('general.startMonth', `must be a month as YYYY-MM, got ${show(g.startMonth)}`);
  c.integer('general.horizonMonths', g.horizonMonths, 12, 120);
  c.rate('general.discountRateAnnual', g.discountRateAnnual);
  c.integer('general.ltvYears', g.ltvYears, 1, 10);
  c.rate('general.subscriptionGrossMargin', g.subscriptionGrossMargin);

  const a = m.acquisition;
  if (c.list('acquisition.newCustomersByYear', a.newCustomersByYear, MODEL_LIMITS.years, 'years')) {
    if (a.newCustomersByYear.length === 0) c.add('acquisition.newCustomersByYear', 'must list at least year 1');
    a.newCustomersByYear.forEach((n, i) => c.nonNegative(`acquisition.newCustomersByYear[${i}]`, n, MODEL_LIMITS.newCustomersPerYear));
  }
  c.oneOf('acquisition.timing', a.timing, TIMINGS);
  c.ramp('acquisition.acv', a.acv, (p, v) => c.nonNegative(p, v, MODEL_LIMITS.money));
  c.integer('acquisition.contractMonths', a.contractMonths, 1, 36);
  c.ramp('acquisition.cacPerCustomer', a.cacPerCustomer, (p, v) => c.nonNegative(p, v, MODEL_LIMITS.money));
  if (c.list('acquisition.funnel', a.funnel, MODEL_LIMITS.funnelStages, 'stages')) {
    a.funnel.forEach((s, i) => {
      if (!c.object(`acquisition.funnel[${i}]`, s)) return;
      c.text(`acquisition.funnel[${i}].name`, s.name, 1, 60);
      c.rate(`acquisition.funnel[${i}].rate`, s.rate);
    });
  }

  const j = m.journey;
  c.ramp('journey.onboarding.rate', j.onboarding.rate, (p, v) => c.rate(p, v));
  c.integer('journey.onboarding.month', j.onboarding.month, 0, 36);
  c.ramp('journey.firstValue.rate', j.firstValue.rate, (p, v) => c.rate(p, v));
  c.integer('journey.firstValue.month', j.firstValue.month, 0, 36);
  c.integer('journey.firstValue.targetDays', j.firstValue.targetDays, 1, 365);
  c.ramp('journey.adoption.rate', j.adoption.rate, (p, v) => c.rate(p, v));
  c.integer('journey.adoption.month', j.adoption.month, 0, 36);
  c.ramp('journey.renewal.rate', j.renewal.rate, (p, v) => c.rate(p, v));
  c.ramp('journey.renewal.nonAdopterRate', j.renewal.nonAdopterRate, (p, v) => c.rate(p, v));
  c.ramp('journey.contractionRate', j.contractionRate, (p, v) => c.rate(p, v));
  c.ramp('journey.priceIncrease', j.priceIncrease, (p, v) => c.rate(p, v));
  c.ramp('journey.seatExpansion', j.seatExpansion, (p, v) => c.rate(p, v, 5));
  const isMonth = (x: unknown) => Number.isInteger(x);
  if (isMonth(j.onboarding.month) && isMonth(j.firstValue.month) && j.firstValue.month < j.onboarding.month)
    c.add('journey.firstValue.month', `must not be earlier than onboarding (month ${j.onboarding.month}), got ${j.firstValue.month}`);
  if (isMonth(j.firstValue.month) && isMonth(j.adoption.month) && j.adoption.month < j.firstValue.month)
    c.add('journey.adoption.month', `must not be earlier than first value (month ${j.firstValue.month}), got ${j.adoption.month}`);

  if (c.list('lanes', m.lanes, MODEL_LIMITS.lanes, 'lanes')) {
    const seen = new Set<string>();
    m.lanes.forEach((l, i) => {
      if (!c.object(`lanes[${i}]`, l)) return;
      const key = (f: string) => laneFieldKey(m, i, f);
      if (typeof l.id !== 'string' || !LANE_ID.test(l.id)) c.add(`lanes[${i}].id`, `must be 1–24 letters, digits or _, starting with a letter, got ${show(l.id)}`);
      else if (seen.has(l.id)) c.add(`lanes[${i}].id`, `must be unique, "${l.id}" is used by an earlier lane`);
      else seen.add(l.id);
      c.text(key('name'), l.name, 1, 60);
      c.oneOf(key('anchor'), l.anchor, LANE_ANCHORS);
      c.integer(key('windowStart'), l.windowStart, 0, 60);
      c.integer(key('windowEnd'), l.windowEnd, 0, 60);
      if (Number.isInteger(l.windowStart) && Number.isInteger(l.windowEnd) && l.windowEnd < l.windowStart)
        c.add(key('windowEnd'), `must not be before the window start (${l.windowStart}), got ${l.windowEnd}`);
      c.ramp(key('attachRate'), l.attachRate, (p, v) => c.rate(p, v));
      c.ramp(key('acv'), l.acv, (p, v) => c.nonNegative(p, v, MODEL_LIMITS.money));
      c.rate(key('grossMargin'), l.grossMargin);
      if (l.lever !== undefined) c.oneOf(key('lever'), l.lever, LEVERS);
    });
  }
  validateBase(c, m.base, m.segments !== undefined && Array.isArray(m.segments) && m.segments.length > 0 ? new Set(m.segments.map((x) => (x as { id?: unknown } | null)?.id as string)) : null);
  validateSegments(c, m);
  if (m.signals !== undefined) for (const p of validateSignals(m.signals)) c.add(p.path, p.message);
  return c.problems;
}

/** The most cohorts the installed base may have (spec §2.2). */
export const MAX_BASE_COHORTS = MODEL_LIMITS.baseCohorts;

function validateBase(c: Checker, base: unknown, segmentIds: Set<string> | null) {
  if (base === undefined) return; // a model from before the installed base existed
  if (base === null || typeof base !== 'object' || Array.isArray(base)) return c.add('base', `must be a group of inputs, got ${show(base)}`);
  const cohorts = (base as { cohorts?: unknown }).cohorts;
  if (!c.list('base.cohorts', cohorts, MAX_BASE_COHORTS, 'cohorts')) return;
  cohorts.forEach((raw, i) => {
    const at = (f: string) => `base.cohorts[${i}].${f}`;
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return c.add(`base.cohorts[${i}]`, `must be a cohort {name, customers, arr, ageMonths, adopterShare}, got ${show(raw)}`);
    const k = raw as BaseCohort;
    c.text(at('name'), k.name, 1, 60);
    c.nonNegative(at('customers'), k.customers, MODEL_LIMITS.baseCustomers);
    c.nonNegative(at('arr'), k.arr, MODEL_LIMITS.baseArr);
    if (typeof k.customers === 'number' && k.customers === 0 && typeof k.arr === 'number' && k.arr > 0)
      c.add(at('arr'), `must be 0 when the cohort has no customers, got ${k.arr}`);
    c.integer(at('ageMonths'), k.ageMonths, 1, 240);
    if (k.adopterShare !== undefined && k.adopterShare !== null) c.rate(at('adopterShare'), k.adopterShare);
    // Spec §2.3: with segments each cohort names one; without, none may.
    if (segmentIds === null) {
      if (k.segment !== undefined) c.add(at('segment'), `must be absent: the model has no segments, got ${show(k.segment)}`);
    } else if (typeof k.segment !== 'string' || !segmentIds.has(k.segment)) {
      c.add(at('segment'), k.segment === undefined ? `is required: name one of the segments (${[...segmentIds].join(', ')})` : `must be the id of a segment (${[...segmentIds].join(', ')}), got ${show(k.segment)}`);
    }
  });
}

/** The most segments a model may have (spec §2.3). */
export const MAX_SEGMENTS = 8;
const SHARE_TOLERANCE = new Decimal('1e-9');

/**
 * Spec §2.3: ids and names, logo shares (each 0–1; they add up to 1 in every model
 * year 1–10), and overrides, each checked like the input itself on the segment's
 * model, its problems named `segments.<id>.<key>`.
 */
function validateSegments(c: Checker, m: ModelInputs) {
  const raw: unknown = m.segments;
  if (raw === undefined) return;
  if (!c.list('segments', raw, MAX_SEGMENTS, 'segments') || raw.length === 0) return;
  const ids = new Set<string>(), names = new Set<string>();
  const usable: Segment[] = [];
  raw.forEach((s, i) => {
    if (!c.object(`segments[${i}]`, s)) return;
    let idOk = false;
    if (typeof s.id !== 'string' || !LANE_ID.test(s.id)) c.add(`segments[${i}].id`, `must be 1–24 letters, digits or _, starting with a letter, got ${show(s.id)}`);
    else if (ids.has(s.id)) c.add(`segments[${i}].id`, `must be unique, "${s.id}" is used by an earlier segment`);
    else { ids.add(s.id); idOk = true; }
    const at = (f: string) => (idOk ? `segments.${s.id as string}.${f}` : `segments[${i}].${f}`);
    c.text(at('name'), s.name, 1, 60);
    if (typeof s.name === 'string') {
      const folded = s.name.toLowerCase();
      if (names.has(folded)) c.add(at('name'), `must be unique ignoring case, "${s.name}" is used by an earlier segment`);
      names.add(folded);
    }
    const before = c.problems.length;
    if (s.logoShare === undefined) c.add(at('logoShare'), 'is required');
    else c.ramp(at('logoShare'), s.logoShare, (p, v) => c.rate(p, v));
    const sharesOk = c.problems.length === before;
    if (!c.object(at('overrides'), s.overrides)) return;
    if (idOk) validateOverrides(c, m, s.id as string, s.overrides);
    if (idOk && sharesOk) usable.push(s as unknown as Segment);
  });
  // Shares add up to 1 in every model year, checked only when every share is valid.
  if (usable.length !== raw.length) return;
  for (let y = 1; y <= MAX_RAMP_YEARS; y++) {
    const total = usable.reduce((t, s) => t.add(valueInYear(s.logoShare, y)), new Decimal(0));
    if (total.sub(1).abs().gt(SHARE_TOLERANCE)) c.add('segments.logoShare', `the segments' shares of new logos must add up to 100% in year ${y}, got ${pct(total.toNumber())}`);
  }
}

/**
 * A segment's overrides: allowed keys only, each an input of this model, and
 * every problem the segment's model has that the model itself has not (a rate
 * out of range, stage months out of order), named `segments.<id>.<path>`.
 */
function validateOverrides(c: Checker, m: ModelInputs, id: string, overrides: Record<string, unknown>) {
  const applicable: Record<string, SegmentOverride> = {};
  for (const [key, value] of Object.entries(overrides)) {
    const path = `segments.${id}.${key}`;
    const wrong = segmentOverrideProblem(key);
    if (wrong) { c.add(path, wrong.replace(/^"[^"]*"(: )?/, '').trim()); continue; }
    if (getInput(m, key) === undefined) { c.add(path, 'is not an input of this model (was a lane removed?)'); continue; }
    if (value === null || (typeof value !== 'number' && typeof value !== 'string' && !Array.isArray(value))) { c.add(path, `must be a number, a choice or a list of yearly values, got ${show(value)}`); continue; }
    applicable[key] = value as SegmentOverride;
  }
  if (Object.keys(applicable).length === 0) return;
  const { segments: _own, ...plain } = m;
  const own = new Set(validateInputs(plain as ModelInputs).map((p) => `${p.path}\u0000${p.message}`));
  for (const p of validateInputs(withOverrides(plain, applicable))) {
    if (!own.has(`${p.path}\u0000${p.message}`)) c.add(`segments.${id}.${p.path}`, p.message);
  }
}

// ---- partial JSON models ------------------------------------------------------

const isObject = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === 'object' && !Array.isArray(x);
const NUMERIC = /^\s*-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;

/** JSON models may carry numbers as decimal strings ("0.85"). */
function numeric(x: unknown): unknown {
  return typeof x === 'string' && NUMERIC.test(x) ? Number(x) : x;
}
/** A rampable input: a number, or a list of yearly numbers (each may be a decimal string). */
const numericOrList = (x: unknown): unknown => (Array.isArray(x) ? x.map(numeric) : numeric(x));

/**
 * Merge `partial` over `base`, key by key; lists replace wholesale. Keys the
 * spec does not know are ignored but named in `unknown`, so a typo never passes
 * silently and a model carrying its own comments or metadata still runs.
 */
function mergeInto(base: Record<string, unknown>, partial: Record<string, unknown>, path: string, problems: InputProblem[], textKeys: Set<string>, unknown: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(partial)) {
    const p = path ? `${path}.${k}` : k;
    if (!Object.prototype.hasOwnProperty.call(base, k)) { unknown.push(p); continue; }
    const b = base[k];
    if (isObject(b) && !Array.isArray(b)) {
      if (!isObject(v)) { problems.push({ path: p, message: `must be a group of inputs, got ${show(v)}` }); continue; }
      out[k] = mergeInto(b, v, p, problems, textKeys, unknown);
    } else out[k] = textKeys.has(p) ? v : numericOrList(v);
  }
  return out;
}

const TEXT_KEYS = new Set(['general.name', 'general.currency', 'general.startMonth', 'acquisition.timing']);
const LANE_KEYS: (keyof Lane)[] = ['id', 'name', 'anchor', 'windowStart', 'windowEnd', 'attachRate', 'acv', 'grossMargin'];
const TEXT_LANE_KEYS = new Set<string>(['id', 'name', 'anchor', 'lever']);

function parseLanes(x: unknown, problems: InputProblem[], unknown: string[]): unknown {
  if (!Array.isArray(x)) return x;
  return (x as unknown[]).map((raw, i) => {
    if (!isObject(raw)) return raw;
    // A lane that reuses a default lane's id inherits that lane's other fields.
    const base = DEFAULT_LANES.find((l) => l.id === raw.id);
    const lane: Record<string, unknown> = {};
    for (const k of Object.keys(raw)) if (!LANE_KEYS.includes(k as keyof Lane) && k !== 'lever') unknown.push(`lanes[${i}].${k}`);
    for (const k of LANE_KEYS) {
      // A lane without a name is called by its id; every other field must be given.
      const v = k in raw ? raw[k] : base ? base[k] : k === 'name' && typeof raw.id === 'string' ? raw.id : undefined;
      if (v === undefined) { problems.push({ path: `lanes[${i}].${k}`, message: 'is required' }); continue; }
      lane[k] = TEXT_LANE_KEYS.has(k) ? v : numericOrList(v);
    }
    // The lever is a label: a lane given without one has none (a default lane's is inherited).
    const lever = 'lever' in raw ? raw.lever : base?.lever;
    if (lever !== undefined && lever !== null) lane.lever = lever;
    return lane;
  });
}

const BASE_KEYS = ['name', 'customers', 'arr', 'ageMonths', 'adopterShare', 'segment'];
const OPTIONAL_BASE_KEYS = new Set(['adopterShare', 'segment']);
const TEXT_BASE_KEYS = new Set(['name', 'segment']);

/** `base.cohorts`: numbers may be decimal strings; an absent or null adopter share is the implied one. */
function parseBase(x: unknown, problems: InputProblem[], unknown: string[]): unknown {
  if (!isObject(x) || !Array.isArray(x.cohorts)) return x;
  return {
    ...x,
    cohorts: (x.cohorts as unknown[]).map((raw, i) => {
      if (!isObject(raw)) return raw;
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(raw)) if (!BASE_KEYS.includes(k)) unknown.push(`base.cohorts[${i}].${k}`);
      for (const k of BASE_KEYS) {
        if (!(k in raw)) {
          if (!OPTIONAL_BASE_KEYS.has(k)) problems.push({ path: `base.cohorts[${i}].${k}`, message: 'is required' });
          continue;
        }
        out[k] = TEXT_BASE_KEYS.has(k) ? raw[k] : raw[k] === null ? null : numeric(raw[k]);
      }
      return out;
    }),
  };
}

/** `segments` (spec §2.3): shares and override numbers may be decimal strings; a choice stays text. */
function parseSegments(x: unknown, unknown: string[]): unknown {
  if (!Array.isArray(x)) return x;
  return (x as unknown[]).map((raw, i) => {
    if (!isObject(raw)) return raw;
    for (const k of Object.keys(raw)) if (!['id', 'name', 'logoShare', 'overrides'].includes(k)) unknown.push(`segments[${i}].${k}`);
    const overrides = isObject(raw.overrides)
      ? Object.fromEntries(Object.entries(raw.overrides).map(([k, v]) => [k, TEXT_KEYS.has(k) ? v : numericOrList(v)]))
      : raw.overrides;
    return { ...raw, logoShare: numericOrList(raw.logoShare), overrides };
  });
}

function parseFunnel(x: unknown, problems: InputProblem[]): unknown {
  if (!Array.isArray(x)) return x;
  return (x as unknown[]).map((s, i) => {
    if (!isObject(s)) return s;
    for (const k of ['name', 'rate']) if (!(k in s)) problems.push({ path: `acquisition.funnel[${i}].${k}`, message: 'is required' });
    return { ...s, rate: numeric(s.rate) };
  });
}

/** A JSON model (partial, merged over the defaults) to valid inputs, or every problem. */
export function parseModel(json: unknown): Parsed<ModelInputs> {
  if (!isObject(json)) return { ok: false, problems: [{ path: '(model)', message: `must be a JSON object, got ${show(json)}` }] };
  const problems: InputProblem[] = [];
  const unknown: string[] = [];
  const { signals, segments, ...rest } = json;
  const merged = mergeInto(defaultInputs() as unknown as Record<string, unknown>, rest, '', problems, TEXT_KEYS, unknown) as unknown as ModelInputs;
  const mergedSignals = mergeSignals(signals, problems, unknown);
  if (mergedSignals) merged.signals = mergedSignals;
  if ('lanes' in json) merged.lanes = parseLanes(json.lanes, problems, unknown) as Lane[];
  const acq = merged.acquisition as unknown as Record<string, unknown>;
  if (Array.isArray(acq.newCustomersByYear)) acq.newCustomersByYear = acq.newCustomersByYear.map(numeric);
  acq.funnel = parseFunnel(acq.funnel, problems);
  merged.base = parseBase(merged.base, problems, unknown) as ModelInputs['base'];
  if (segments !== undefined) merged.segments = parseSegments(segments, unknown) as ModelInputs['segments'];
  // Problems the merge found (unknown keys, missing lane fields) and range problems
  // both come back, once per path.
  const seen = new Set(problems.map((p) => p.path));
  // (A lane field reported missing would also fail its range check: skip that echo.)
  for (const p of validateInputs(merged)) if (!seen.has(p.path) && !p.message.endsWith('got undefined')) {
    seen.add(p.path);
    problems.push(p);
  }
  if (problems.length) return { ok: false, problems };
  return { ok: true, value: merged, notes: unknown.map((k) => `${k} is not an input of the model; ignored`) };
}
