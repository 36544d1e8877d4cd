// The one grammar of canonical keys (spec §2, §2.1, §2.2, §2.3): what a key names,
// parsed once here for the store, the grid, the workbook reader and the core's
// key-addressed reads and writes. Forms:
//   general.name, journey.renewal.rate             an input
//   journey.renewal.rate[1]                        year 2 of a ramp (0-based)
//   acquisition.newCustomersByYear[1]              year 2's new logos
//   acquisition.funnel[0].rate                     a funnel stage's field
//   lanes.modules.acv, lanes[modules].acv          a lane's field, by id
//   lanes[0].acv, lanes.modules.attachRate[1]      … by position; a year of a ramped field
//   base.cohorts[2].arr                            a cohort's field
//   acquisition.funnel, lanes, base.cohorts        a whole list (a scenario's base override)
//   segments.ent.journey.renewal.rate[1]           a segment's value (§2.3)
//   segments.ent.logoShare[0]                      a segment's share of new logos
// With each key, its catalogue entry (specFor) and its value (readInput).
// Pure: no DOM, unit-tested in tests/shared/document/keys.test.ts.
import { ACQUISITION_INPUTS, BASE_FIELDS, GENERAL_INPUTS, inputSpecs, JOURNEY_INPUTS, LANE_FIELDS, SEGMENT_FIELDS, type InputSpec } from '../model/catalog';
import type { Lane, ModelInputs, Rampable, Segment } from '../model/inputs';
import { MAX_RAMP_YEARS, RAMPABLE_KEYS, RAMPABLE_LANE_FIELDS, valueInYear } from '../model/ramps';
import Decimal from 'decimal.js';

export type LaneField = keyof Lane;
export type CohortField = (typeof BASE_FIELDS)[number]['field'];

/** What a key names, without its year. */
export type KeyTarget =
  | { kind: 'input'; key: string }
  | { kind: 'list'; key: 'acquisition.newCustomersByYear' | 'acquisition.funnel' | 'lanes' | 'base.cohorts' }
  | { kind: 'newLogos'; index: number }
  | { kind: 'stage'; index: number; field: 'name' | 'rate' }
  | { kind: 'lane'; ref: { id: string } | { index: number }; field: LaneField }
  | { kind: 'cohort'; index: number; field: CohortField }
  | { kind: 'segmentField'; field: string };

export interface ParsedKey {
  target: KeyTarget;
  /** the 0-based model year of a ramp's value (`…rate[1]`); null for the whole input */
  year: number | null;
  /** the segment a `segments.<id>.` key names (§2.3); null for the model's own value */
  segment: string | null;
}

export type KeyParse = { ok: true; key: ParsedKey } | { ok: false; message: string };

/** Lane and segment ids as the grammar reads them; the id rule itself (1–24 characters) is validation's. */
const ID = '[A-Za-z][A-Za-z0-9_]*';
/** The lane id rule (spec §2): 1–24 letters, digits or `_`, starting with a letter. */
export const LANE_ID = /^[A-Za-z][A-Za-z0-9_]{0,23}$/;

const PLAIN_INPUTS = new Set([...GENERAL_INPUTS, ...ACQUISITION_INPUTS, ...JOURNEY_INPUTS].map((s) => s.key));
const LISTS = new Set(['acquisition.newCustomersByYear', 'acquisition.funnel', 'lanes', 'base.cohorts']);
const LANE_FIELD_NAMES = new Set<string>(['id', 'lever', ...LANE_FIELDS.map((f) => f.field)]);
const COHORT_FIELDS = new Set<string>(BASE_FIELDS.map((f) => f.field));
const SEGMENT_FIELD_NAMES = new Set(SEGMENT_FIELDS.map((f) => f.field));

const YEAR = /^(.*)\[(\d+)\]$/;
const NEW_LOGOS = /^acquisition\.newCustomersByYear\[(\d+)\]$/;
const STAGE = /^acquisition\.funnel\[(\d+)\]\.(\w+)$/;
const COHORT = /^base\.cohorts\[(\d+)\]\.(\w+)$/;
const LANE = new RegExp(`^lanes(?:\\.(${ID})|\\[(\\d+)\\]|\\[(${ID})\\])\\.(\\w+)$`);
const SEGMENT = new RegExp(`^segments\\.(${ID})\\.(.+)$`);

const quoted = (key: string) => `"${key.length > 60 ? `${key.slice(0, 57)}…` : key}"`;

/** Can this target take a list of yearly values (spec §2.1)? */
export function isRampableTarget(t: KeyTarget): boolean {
  if (t.kind === 'input') return RAMPABLE_KEYS.some((r) => r.key === t.key);
  if (t.kind === 'lane') return (RAMPABLE_LANE_FIELDS as readonly string[]).includes(t.field);
  if (t.kind === 'segmentField') return SEGMENT_FIELDS.some((f) => f.field === t.field && f.rampable);
  return false;
}

function parseTarget(key: string, inSegment: boolean): KeyTarget | string {
  if (PLAIN_INPUTS.has(key)) return { kind: 'input', key };
  if (LISTS.has(key)) return { kind: 'list', key: key as never };
  if (inSegment && SEGMENT_FIELD_NAMES.has(key)) return { kind: 'segmentField', field: key };
  let m = NEW_LOGOS.exec(key);
  if (m) return { kind: 'newLogos', index: Number(m[1]) };
  if ((m = STAGE.exec(key))) {
    if (m[2] !== 'name' && m[2] !== 'rate') return `a funnel stage has a name and a rate, not "${m[2]}"`;
    return { kind: 'stage', index: Number(m[1]), field: m[2] };
  }
  if ((m = COHORT.exec(key))) {
    if (!COHORT_FIELDS.has(m[2]!)) return `a cohort has ${[...COHORT_FIELDS].join(', ')}, not "${m[2]}"`;
    return { kind: 'cohort', index: Number(m[1]), field: m[2] as CohortField };
  }
  if ((m = LANE.exec(key))) {
    if (!LANE_FIELD_NAMES.has(m[4]!)) return `a lane has ${[...LANE_FIELD_NAMES].join(', ')}, not "${m[4]}"`;
    const ref = m[2] !== undefined ? { index: Number(m[2]) } : { id: (m[1] ?? m[3])! };
    return { kind: 'lane', ref, field: m[4] as LaneField };
  }
  if (key.startsWith('lanes')) return 'a lane is named lanes.<id>.<field> or lanes[<position>].<field>';
  return 'is not an input of the model';
}

/** Parse a canonical key; a key that names nothing gets a message saying why. */
export function parseKey(key: string): KeyParse {
  if (typeof key !== 'string' || key.length === 0 || key.length > 200) return { ok: false, message: 'a key is 1–200 characters' };
  const seg = SEGMENT.exec(key);
  if (key.startsWith('segments') && !seg) return { ok: false, message: `${quoted(key)}: a segment's value is segments.<id>.<key>, the id a letter then letters, digits or _` };
  const segment = seg ? seg[1]! : null;
  const rest = seg ? seg[2]! : key;
  if (rest.startsWith('segments')) return { ok: false, message: `${quoted(key)}: a segment has no segments of its own` };
  let target = parseTarget(rest, segment !== null);
  let year: number | null = null;
  const y = typeof target === 'string' ? YEAR.exec(rest) : null;
  if (y) {
    const whole = parseTarget(y[1]!, segment !== null);
    if (typeof whole !== 'string') {
      if (!isRampableTarget(whole)) return { ok: false, message: `${quoted(key)}: ${y[1]} does not change by year, so it has no [${y[2]}]` };
      year = Number(y[2]);
      if (year >= MAX_RAMP_YEARS) return { ok: false, message: `${quoted(key)}: a ramp lists at most ${MAX_RAMP_YEARS} years, [0]–[${MAX_RAMP_YEARS - 1}]` };
      target = whole;
    }
  }
  if (typeof target === 'string') return { ok: false, message: `${quoted(key)} ${target.startsWith('is ') ? target : `: ${target}`}`.replace(' :', ':') };
  if (segment !== null && !segmentMayChange(target)) {
    return { ok: false, message: `${quoted(key)}: a segment cannot change ${formatKey({ target, year: null, segment: null })}` };
  }
  return { ok: true, key: { target, year, segment } };
}

/** Lane fields a segment may override (§2.3: attach 0 switches the lane off for it). */
const SEGMENT_LANE_FIELDS = new Set<string>(['attachRate', 'acv', 'grossMargin']);

/**
 * What a segment may change (§2.3): its own fields, and every number or choice
 * input except general.*, the new logos, the funnel and a lane's identity and timing.
 */
function segmentMayChange(t: KeyTarget): boolean {
  if (t.kind === 'segmentField') return true;
  if (t.kind === 'input') return !t.key.startsWith('general.');
  if (t.kind === 'lane') return SEGMENT_LANE_FIELDS.has(t.field);
  return false;
}

/**
 * Why `key` cannot be a key of a segment's `overrides` map (§2.3), or null when it
 * can: a plain key of an input a segment may change, a ramp given whole (no `[i]`).
 */
export function segmentOverrideProblem(key: string): string | null {
  const r = parseKey(`segments.s.${key}`);
  if (!r.ok) return r.message.replace('segments.s.', '');
  if (r.key.year !== null) return `${quoted(key)}: an override gives a ramp whole, as a list, not one year [${r.key.year}]`;
  if (r.key.target.kind === 'segmentField') return `${quoted(key)} is a field of the segment, not an override`;
  return null;
}

/** The parsed key, or null when the key names nothing. */
export const parsed = (key: string): ParsedKey | null => {
  const r = parseKey(key);
  return r.ok ? r.key : null;
};

/**
 * The key in the one form the workbook's key column and the model's files use:
 * lanes by id (`lanes.modules.acv`), no segment, no year; null for any other key.
 */
export function canonicalInput(key: string): ParsedKey | null {
  const k = parsed(key);
  if (!k || k.segment !== null || k.year !== null) return null;
  return k.target.kind === 'lane' && ('index' in k.target.ref || !key.startsWith('lanes.')) ? null : k;
}

/** The object path of a plain input (`journey.renewal.rate` → journey, renewal, rate). */
export const inputPath = (t: Extract<KeyTarget, { kind: 'input' }>): string[] => t.key.split('.');

/** The canonical text of a parsed key (lanes by the form they were given in). */
export function formatKey(k: ParsedKey): string {
  const t = k.target;
  let s: string;
  switch (t.kind) {
    case 'input': case 'list': s = t.key; break;
    case 'newLogos': s = `acquisition.newCustomersByYear[${t.index}]`; break;
    case 'stage': s = `acquisition.funnel[${t.index}].${t.field}`; break;
    case 'cohort': s = `base.cohorts[${t.index}].${t.field}`; break;
    case 'lane': s = 'id' in t.ref ? `lanes.${t.ref.id}.${t.field}` : `lanes[${t.ref.index}].${t.field}`; break;
    case 'segmentField': s = t.field; break;
  }
  if (k.year !== null) s += `[${k.year}]`;
  return k.segment !== null ? `segments.${k.segment}.${s}` : s;
}

/** The key of year `index + 1`'s value of a rampable input. */
export const yearlyKey = (key: string, index: number): string => `${key}[${index}]`;

/** `journey.renewal.rate[1]` → the input and the 0-based year; null for any other key. */
export function parseYearlyKey(key: string): { key: string; index: number } | null {
  const k = parsed(key);
  return k && k.year !== null ? { key: formatKey({ ...k, year: null }), index: k.year } : null;
}

/** The input a cell's value lives in: a yearly cell's ramp, or the cell's own key. */
export const rootKey = (key: string): string => parseYearlyKey(key)?.key ?? key;

/** Is the input at this canonical key rampable (`lanes.<id>.attachRate` included)? */
export function isRampableKey(key: string): boolean {
  const k = parsed(key);
  return k !== null && k.year === null && isRampableTarget(k.target);
}

/** `base.cohorts[2].arr` → { index: 2, field: 'arr' }; null for any other key. */
export function parseBaseKey(key: string): { index: number; field: CohortField } | null {
  const k = parsed(key);
  return k && k.segment === null && k.target.kind === 'cohort' ? { index: k.target.index, field: k.target.field } : null;
}

/** The position of the lane a key names in `m` (by id or by position); null when it names none. */
export function laneIndexOf(m: ModelInputs, k: ParsedKey): number | null {
  if (k.target.kind !== 'lane') return null;
  const ref = k.target.ref;
  const at = 'index' in ref ? ref.index : m.lanes.findIndex((l) => l.id === ref.id);
  return at >= 0 && at < m.lanes.length ? at : null;
}

/** The canonical key of a lane field: by id when ids are usable, else by position. */
export function laneFieldKey(m: ModelInputs, index: number, field: string): string {
  const id = m.lanes[index]?.id;
  const unique = id !== undefined && LANE_ID.test(id) && m.lanes.filter((l) => l?.id === id).length === 1;
  return unique ? `lanes.${id}.${field}` : `lanes[${index}].${field}`;
}

/**
 * Marks of list items addressed by index (`prefix[i]…`) after item `removed`
 * left the list: its own marks go, later ones move up one place.
 */
export function shiftIndexedMarks<T>(marks: Readonly<Record<string, T>>, prefix: 'lanes' | 'acquisition.funnel' | 'acquisition.newCustomersByYear' | 'base.cohorts', removed: number): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [key, mark] of Object.entries(marks)) {
    const i = key.startsWith(`${prefix}[`) ? Number.parseInt(key.slice(prefix.length + 1), 10) : Number.NaN;
    if (!Number.isInteger(i)) { out[key] = mark; continue; }
    const tail = key.slice(key.indexOf(']', prefix.length) + 1);
    if (i < removed) out[key] = mark;
    else if (i > removed) out[`${prefix}[${i - 1}]${tail}`] = mark;
  }
  return out;
}

type Part = string | number;

/**
 * A key as a path into the model's object, lane ids resolved against `m`; null
 * when it is not shaped like a key. Any path of the object may be read this way
 * (a problem's path, `lanes[2].id`), not only the inputs the grammar names.
 */
export function keyPath(m: ModelInputs, key: string): Part[] | null {
  const raw: string[] = [];
  for (const part of key.split('.')) {
    const match = /^([A-Za-z_][A-Za-z0-9_]*)((?:\[[^\]]+\])*)$/.exec(part);
    if (!match) return null;
    raw.push(match[1]!);
    for (const idx of match[2]!.matchAll(/\[([^\]]+)\]/g)) raw.push(idx[1]!);
  }
  const path: Part[] = [];
  for (let i = 0; i < raw.length; i++) {
    const s = raw[i]!;
    if (/^\d+$/.test(s)) path.push(Number(s));
    else if (i === 1 && raw[0] === 'lanes') {
      const at = m.lanes.findIndex((l) => l.id === s);
      if (at < 0) return null;
      path.push(at);
    } else path.push(s);
  }
  return path;
}

export function getInput(m: ModelInputs, key: string): unknown {
  const seg = segmentPart(key);
  if (seg) return getSegmentInput(m, seg);
  return getPlainInput(m, key);
}

function getPlainInput(m: ModelInputs, key: string): unknown {
  const path = keyPath(m, key);
  if (!path) return undefined;
  let cur: unknown = m;
  for (const s of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(cur, s)) return undefined;
    cur = (cur as Record<string | number, unknown>)[s];
  }
  return cur;
}

/**
 * A copy of `m` with one input replaced (structural sharing along the path). A
 * segment's key (spec §2.3) writes its override (`segments.ent.journey.renewal.rate`),
 * its name, or its logo share, which rescales the other segments' shares of each
 * year to keep the total at 100% (see setLogoShare).
 */
export function setInput(m: ModelInputs, key: string, value: unknown): ModelInputs {
  const seg = segmentPart(key);
  if (seg) return setSegmentInput(m, seg, key, value);
  const path = keyPath(m, key);
  if (!path || getPlainInput(m, key) === undefined) throw new Error(`unknown input ${key}`);
  const write = (node: unknown, i: number): unknown => {
    const s = path[i]!;
    const copy: Record<string | number, unknown> = Array.isArray(node) ? [...(node as unknown[])] as never : { ...(node as object) };
    copy[s] = i === path.length - 1 ? value : write((node as Record<string | number, unknown>)[s], i + 1);
    return copy;
  };
  return write(m, 0) as ModelInputs;
}

// ---- segments' values (spec §2.3) ----------------------------------------------

interface SegmentPart {
  id: string;
  /** the plain key without its year: `journey.renewal.rate`, `lanes.modules.acv`, `logoShare`, `name` */
  root: string;
  year: number | null;
}

/** `segments.<id>.<key>` split into the segment, the plain key (lanes by id) and its year; null for a plain key. */
function segmentPart(key: string): SegmentPart | null {
  if (!key.startsWith('segments.')) return null;
  const k = parsed(key);
  if (!k || k.segment === null) return null;
  return { id: k.segment, root: formatKey({ ...k, segment: null, year: null }), year: k.year };
}

const overrideKey = (m: ModelInputs, root: string): string => {
  const lane = /^lanes\[(\d+)\]\.(\w+)$/.exec(root);
  return lane ? laneFieldKey(m, Number(lane[1]), lane[2]!) : root;
};

/** A segment's value: its field, or its override of a key, or the model's value it inherits. */
function getSegmentInput(m: ModelInputs, p: SegmentPart): unknown {
  const s = m.segments?.find((x) => x.id === p.id);
  if (!s) return undefined;
  let v: unknown;
  if (p.root === 'name' || p.root === 'logoShare') v = s[p.root];
  else {
    const key = overrideKey(m, p.root);
    v = Object.prototype.hasOwnProperty.call(s.overrides, key) ? s.overrides[key] : getPlainInput(m, key);
  }
  if (p.year === null) return v;
  return Array.isArray(v) ? v[p.year] : undefined;
}

function setSegmentInput(m: ModelInputs, p: SegmentPart, key: string, value: unknown): ModelInputs {
  const at = m.segments?.findIndex((x) => x.id === p.id) ?? -1;
  const current = getSegmentInput(m, { ...p, year: null });
  if (at < 0 || current === undefined) throw new Error(`unknown input ${key}`);
  // One year of a ramp: the segment's values so far (an inherited one included), that year replaced.
  const whole = p.year === null ? value : setYear(current as Rampable, p.year, value as number);
  if (p.root === 'logoShare') return setLogoShare(m, p.id, whole as Rampable);
  const s = m.segments![at]!;
  const next = p.root === 'name' ? { ...s, name: whole as string } : { ...s, overrides: { ...s.overrides, [overrideKey(m, p.root)]: whole as Rampable } };
  const segments = [...m.segments!];
  segments[at] = next;
  return { ...m, segments };
}

/** Year `year` (0-based) of a ramp set to v, the years after it keeping their values (as goal seek's withInput does). */
function setYear(x: Rampable, year: number, v: number): number[] {
  const length = Math.min(Math.max(year + 2, Array.isArray(x) ? x.length : 1), MAX_RAMP_YEARS);
  const out = Array.from({ length }, (_, i) => valueInYear(x, i + 1));
  out[year] = v;
  return out;
}

/** A ramp in its shortest form: trailing repeats dropped, one value as a number. */
function compact(xs: number[]): Rampable {
  let n = xs.length;
  while (n > 1 && xs[n - 1] === xs[n - 2]) n--;
  return n === 1 ? xs[0]! : xs.slice(0, n);
}

/**
 * Segment `id`'s share of new logos set to `share` (spec §2.3): in each model year,
 * every other segment's share is scaled by (1 − x) ÷ (their sum), or 1 − x is split
 * equally among them when their sum is 0. Decimal arithmetic, so shares of a few
 * digits stay exact.
 */
export function setLogoShare(m: ModelInputs, id: string, share: Rampable): ModelInputs {
  const all = m.segments ?? [];
  const others = all.filter((s) => s.id !== id);
  const years = Array.from({ length: MAX_RAMP_YEARS }, (_, i) => i + 1);
  const scaled = new Map<string, number[]>(others.map((s) => [s.id, []]));
  for (const y of years) {
    const rest = new Decimal(1).sub(valueInYear(share, y));
    const total = others.reduce((t, s) => t.add(valueInYear(s.logoShare, y)), new Decimal(0));
    for (const s of others) {
      const v = total.isZero() ? rest.div(others.length) : rest.mul(valueInYear(s.logoShare, y)).div(total);
      scaled.get(s.id)!.push(v.toNumber());
    }
  }
  return { ...m, segments: all.map((s) => (s.id === id ? { ...s, logoShare: share } : { ...s, logoShare: compact(scaled.get(s.id)!) })) };
}

// The catalogue entry for a key, cached per inputs object (inputSpecs builds the
// whole list, and the grid asks for it cell by cell).
const cache = new WeakMap<ModelInputs, Map<string, InputSpec>>();

export function specsByKey(inputs: ModelInputs): Map<string, InputSpec> {
  let map = cache.get(inputs);
  if (!map) {
    const all = inputSpecs(inputs);
    map = new Map(all.map((s) => [s.key, s]));
    // Lanes whose id is not usable as a key are addressed by position (lanes[2].acv).
    inputs.lanes.forEach((lane, i) => {
      for (const s of all) {
        const prefix = `lanes.${lane.id}.`;
        if (s.key.startsWith(prefix)) map!.set(`lanes[${i}].${s.key.slice(prefix.length)}`, s);
      }
    });
    // Each year of a rampable input is a cell of its own (`journey.renewal.rate[1]`).
    for (const [key, s] of [...map]) {
      if (!s.rampable) continue;
      for (let i = 0; i < MAX_RAMP_YEARS; i++) map.set(yearlyKey(key, i), { ...s, key: yearlyKey(key, i), label: `${s.label}, year ${i + 1}`, rampable: false });
    }
    cache.set(inputs, map);
  }
  return map;
}

export const specFor = (inputs: ModelInputs, key: string): InputSpec | undefined =>
  key.startsWith('segments.') ? segmentSpec(inputs, key) : specsByKey(inputs).get(key);

// A segment's cells (spec §2.3): `segments.<id>.<key>` is the segment's value of
// the model's input `key` (its override, or the model's value it inherits), and
// `segments.<id>.name` / `segments.<id>.logoShare[i]` its own fields.

/** The segment with this id; undefined when the model has none such. */
export const segmentById = (m: ModelInputs, id: string): Segment | undefined => m.segments?.find((s) => s.id === id);

/** A segment key split: its segment, and the plain key it names (lanes by id, no year), or its own field. */
export interface SegmentKey { segment: Segment; key: ParsedKey; plain: string | null; field: string | null }

export function segmentKey(m: ModelInputs, key: string): SegmentKey | null {
  const k = parsed(key);
  if (!k || k.segment === null) return null;
  const segment = segmentById(m, k.segment);
  if (!segment) return null;
  if (k.target.kind === 'segmentField') return { segment, key: k, plain: null, field: k.target.field };
  let target = k.target;
  if (target.kind === 'lane') {
    const at = laneIndexOf(m, { ...k, segment: null });
    if (at === null) return null;
    target = { ...target, ref: { id: m.lanes[at]!.id } };
  }
  return { segment, key: k, plain: formatKey({ target, year: null, segment: null }), field: null };
}

/** Does the segment override the input this key names? null for a key that names no segment's override. */
export function segmentOverrides(m: ModelInputs, key: string): boolean | null {
  const s = segmentKey(m, key);
  return s && s.plain !== null ? Object.prototype.hasOwnProperty.call(s.segment.overrides, s.plain) : null;
}

/** A segment's value of an input, whole: its override, else the model's value (getInput's reading of a segment key). */
const segmentWhole = (m: ModelInputs, s: SegmentKey): unknown => getInput(m, `segments.${s.segment.id}.${s.plain ?? s.field!}`);

const segmentSpecCache = new WeakMap<ModelInputs, Map<string, InputSpec | undefined>>();

function segmentSpec(inputs: ModelInputs, key: string): InputSpec | undefined {
  let map = segmentSpecCache.get(inputs);
  if (!map) segmentSpecCache.set(inputs, (map = new Map<string, InputSpec | undefined>()));
  if (map.has(key)) return map.get(key);
  const s = segmentKey(inputs, key);
  let spec: InputSpec | undefined;
  if (s && s.field !== null) {
    const f = SEGMENT_FIELDS.find((x) => x.field === s.field)!;
    const { field: _field, ...rest } = f;
    spec = { ...rest, key, group: 'Segments', label: `${s.segment.name}: ${f.label}${s.key.year === null ? '' : `, year ${s.key.year + 1}`}`, rampable: s.key.year === null && !!f.rampable };
  } else if (s) {
    const plain = specsByKey(inputs).get(formatKey({ ...s.key, target: parsed(s.plain!)!.target, segment: null }));
    spec = plain && { ...plain, key, group: 'Segments', label: `${s.segment.name}: ${plain.label}` };
  }
  map.set(key, spec);
  return spec;
}

/**
 * Every segment's values as inputs of their own, for the key pickers of scenarios,
 * sensitivity axes and goal seek (spec §2.3): each segment's share of new logos and
 * every input it may override, labelled "Enterprise: Renewal rate of adopters".
 */
export function segmentInputSpecs(m: ModelInputs): InputSpec[] {
  const plain = inputSpecs(m).filter((s) => segmentOverrideProblem(s.key) === null);
  return (m.segments ?? []).flatMap((seg) => [`segments.${seg.id}.logoShare`, ...plain.map((s) => `segments.${seg.id}.${s.key}`)]
    .flatMap((key) => { const spec = specFor(m, key); return spec ? [spec] : []; }));
}

/** An input's value by key; a yearly key (`…rate[1]`) reads that year's value of a ramp or a constant. */
export function readInput(inputs: ModelInputs, key: string): unknown {
  if (key.startsWith('segments.')) {
    const s = segmentKey(inputs, key);
    if (!s) return undefined;
    const whole = segmentWhole(inputs, s);
    if (s.key.year === null) return whole;
    return typeof whole === 'number' || Array.isArray(whole) ? valueInYear(whole as Rampable, s.key.year + 1) : undefined;
  }
  const yearly = parseYearlyKey(key);
  if (!yearly) return getInput(inputs, key);
  const x = getInput(inputs, yearly.key);
  return typeof x === 'number' || Array.isArray(x) ? valueInYear(x as Rampable, yearly.index + 1) : undefined;
}
