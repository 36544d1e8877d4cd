// Edits of the model's customer segments (spec §2.3): add, rename, reorder and
// remove a segment, write or clear one of its overrides, its share of new logos,
// a cohort's segment, and a pasted segment table. Pure snapshot → snapshot, each
// one undo step through the reducer (actions.ts); unit-tested without React
// (tests/shared/document/segments.test.ts). Docs: docs/segments.md.
import { inputSpecs, MODEL_LIMITS, SEGMENT_FIELDS } from '../model/catalog';
import type { ModelInputs, Rampable, Segment, SegmentOverride } from '../model/inputs';
import { valueInYear } from '../model/ramps';
import { clearOverride, segmentsOf } from '../model/segments';
import { cohortsOf, withCohorts } from './base-entries';
import type { Snapshot } from './document';
import { LANE_ID, parsed, readInput, segmentById, segmentKey, segmentOverrideProblem } from './keys';
import { modelYears } from './limits';
import { normalizeRamp, setYearValue } from './ramp-entry';

/** At most this many segments (spec §2.3). */
export const MAX_SEGMENTS = MODEL_LIMITS.segments;

/** Where validation reports the shares of a year not adding up to 1 (spec §2.3). */
export const SEGMENT_SHARES_PATH = 'segments.logoShare';

const withSegments = (m: ModelInputs, segments: Segment[]): ModelInputs => {
  const next: ModelInputs = { ...m, segments };
  if (segments.length === 0) delete next.segments;
  return next;
};

const segmentKeyPrefix = (id: string) => `segments.${id}.`;

/** An id for a segment named `name`: its letters and digits (smb, mid_market), unique, by the lane id rule. */
export function freshSegmentId(segments: readonly Segment[], name: string): string {
  let stem = name.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^[^a-z]+|_+$/g, '').slice(0, 20);
  if (!LANE_ID.test(stem)) stem = 'segment';
  if (!segments.some((s) => s.id === stem)) return stem;
  for (let n = 2; ; n++) if (!segments.some((s) => s.id === `${stem}${n}`)) return `${stem}${n}`;
}

/** A name not yet taken (ignoring case): "Segment 3". */
function freshName(segments: readonly Segment[]): string {
  for (let n = segments.length + 1; ; n++) {
    const name = `Segment ${n}`;
    if (!segments.some((s) => s.name.toLowerCase() === name.toLowerCase())) return name;
  }
}

/**
 * A new segment, last. The first takes every new logo and every cohort of the
 * installed base (no figure moves); a later one starts with no share of new
 * logos, so the shares still add up to 1 until the user gives it some.
 */
export function addSegment(snap: Snapshot, name?: string): Snapshot {
  const segments = segmentsOf(snap.inputs);
  if (segments.length >= MAX_SEGMENTS) return snap;
  const taken = (n: string) => segments.some((s) => s.name.toLowerCase() === n.toLowerCase());
  const chosen = name && name.trim() && !taken(name.trim()) ? name.trim().slice(0, 60) : freshName(segments);
  const segment: Segment = { id: freshSegmentId(segments, chosen), name: chosen, logoShare: segments.length === 0 ? 1 : 0, overrides: {} };
  let inputs = withSegments(snap.inputs, [...segments, segment]);
  if (segments.length === 0 && cohortsOf(inputs).length > 0) inputs = withCohorts(inputs, cohortsOf(inputs).map((c) => ({ ...c, segment: segment.id })));
  return { ...snap, inputs };
}

/** Rename; a name that is blank, too long or taken (ignoring case) is refused (the same snapshot). */
export function renameSegment(snap: Snapshot, id: string, name: string): Snapshot {
  const segments = segmentsOf(snap.inputs);
  const at = segments.findIndex((s) => s.id === id);
  const clean = name.trim();
  if (at < 0 || clean.length === 0 || clean.length > 60 || segments[at]!.name === clean) return snap;
  if (segments.some((s, i) => i !== at && s.name.toLowerCase() === clean.toLowerCase())) return snap;
  return { ...snap, inputs: withSegments(snap.inputs, segments.map((s, i) => (i === at ? { ...s, name: clean } : s))) };
}

/** Move a segment to position `to` (0-based, clamped). */
export function moveSegment(snap: Snapshot, id: string, to: number): Snapshot {
  const segments = [...segmentsOf(snap.inputs)];
  const at = segments.findIndex((s) => s.id === id);
  const dest = Math.max(0, Math.min(segments.length - 1, to));
  if (at < 0 || at === dest) return snap;
  const [moved] = segments.splice(at, 1);
  segments.splice(dest, 0, moved!);
  return { ...snap, inputs: withSegments(snap.inputs, segments) };
}

/**
 * Remove a segment. Its share of new logos and its cohorts go to the first
 * segment left, so the shares still add up and no customer is lost; removing
 * the last segment makes the model one segment again (the cohorts lose their
 * segment). Marks on its cells go.
 */
export function removeSegment(snap: Snapshot, id: string): Snapshot {
  const segments = segmentsOf(snap.inputs);
  const gone = segmentById(snap.inputs, id);
  if (!gone) return snap;
  let rest = segments.filter((s) => s.id !== id);
  const heir = rest[0];
  if (heir) {
    const years = modelYears(snap.inputs);
    const sum = Array.from({ length: years }, (_, y) => valueInYear(heir.logoShare, y + 1) + valueInYear(gone.logoShare, y + 1));
    rest = rest.map((s) => (s === heir ? { ...s, logoShare: normalizeRamp(sum) } : s));
  }
  let inputs = withSegments(snap.inputs, rest);
  const cohorts = cohortsOf(inputs);
  if (cohorts.some((c) => c.segment !== undefined)) {
    inputs = withCohorts(inputs, cohorts.map((c) => {
      if (heir) return c.segment === id ? { ...c, segment: heir.id } : c;
      const { segment: _s, ...plain } = c;
      return plain;
    }));
  }
  const invalid = Object.fromEntries(Object.entries(snap.invalid).filter(([k]) => !k.startsWith(segmentKeyPrefix(id))));
  return { ...snap, inputs, invalid };
}

/** The model with one segment's value written: a field of its own, or an override (a year of a ramp builds the whole ramp from what it shows). */
export function writeSegmentValue(m: ModelInputs, key: string, value: unknown): ModelInputs {
  const s = segmentKey(m, key);
  if (!s) throw new Error(`unknown segment key ${key}`);
  const year = s.key.year;
  let next: Segment;
  if (s.field !== null) {
    const whole = (s.segment as unknown as Record<string, unknown>)[s.field];
    next = { ...s.segment, [s.field]: year === null ? value : setYearValue(whole as Rampable, year, value as number) };
  } else {
    const whole = readInput(m, `segments.${s.segment.id}.${s.plain!}`);
    const v = year === null ? value : setYearValue(whole as Rampable, year, value as number);
    next = { ...s.segment, overrides: { ...s.segment.overrides, [s.plain!]: v as SegmentOverride } };
  }
  return withSegments(m, segmentsOf(m).map((x) => (x === s.segment ? next : x)));
}

/** The model with a segment's override of the input at `key` removed: it inherits the model's value again. */
export function clearSegmentOverride(m: ModelInputs, key: string): ModelInputs {
  const s = segmentKey(m, key);
  if (!s || s.plain === null || !Object.prototype.hasOwnProperty.call(s.segment.overrides, s.plain)) return m;
  return clearOverride(m, s.segment.id, s.plain);
}

/** Is this key a segment's override cell (where Delete means "inherit")? */
export const isSegmentOverrideKey = (m: ModelInputs, key: string): boolean => {
  const s = segmentKey(m, key);
  return s !== null && s.plain !== null;
};

/** One cohort's segment (spec §2.3: with segments every cohort names one). */
export function setCohortSegment(snap: Snapshot, index: number, segment: string): Snapshot {
  const cohorts = cohortsOf(snap.inputs);
  if (!cohorts[index] || cohorts[index].segment === segment || !segmentById(snap.inputs, segment)) return snap;
  return { ...snap, inputs: withCohorts(snap.inputs, cohorts.map((c, i) => (i === index ? { ...c, segment } : c))) };
}

/** The segments' shares of new logos added up, for each model year (1 in each when they are right). */
export function logoShareSums(m: ModelInputs): number[] {
  const segments = segmentsOf(m);
  return Array.from({ length: modelYears(m) }, (_, y) => Number.parseFloat(segments.reduce((a, s) => a + valueInYear(s.logoShare, y + 1), 0).toPrecision(12)));
}

// ---- A segment table pasted from Excel -------------------------------------

/** What a header of a pasted segment table may name: a key, or an input's label (any case). */
function headerKeys(m: ModelInputs): Map<string, string> {
  const out = new Map<string, string>();
  for (const spec of inputSpecs(m)) {
    if (segmentOverrideProblem(spec.key) !== null) continue;
    out.set(spec.key.toLowerCase(), spec.key);
    const lane = parsed(spec.key)?.target;
    const laneName = lane?.kind === 'lane' && 'id' in lane.ref ? m.lanes.find((l) => l.id === (lane.ref as { id: string }).id)?.name : undefined;
    out.set((laneName ? `${laneName} ${spec.label}` : spec.label).toLowerCase(), spec.key);
  }
  for (const f of SEGMENT_FIELDS) if (f.field === 'logoShare') { out.set(f.label.toLowerCase(), 'logoShare'); out.set('logoshare', 'logoShare'); }
  return out;
}

export interface SegmentTable {
  /** the segments named, in the table's order */
  names: string[];
  /** the inputs named (plain keys, or logoShare), in the table's order */
  keys: string[];
  /** cell text by [segment][input] */
  cells: string[][];
}

export type SegmentTableRead = { ok: true; table: SegmentTable } | { ok: false; message: string };

/**
 * Read a block pasted from Excel as a segment table: segment names down the first
 * column and inputs (labels as on the sheet, or keys) across the first row, or the
 * transpose. The corner cell is ignored. Headers it does not know are named.
 */
export function readSegmentTable(m: ModelInputs, block: readonly (readonly string[])[]): SegmentTableRead {
  const rows = block.map((r) => r.map((c) => c.trim())).filter((r) => r.some((c) => c !== ''));
  if (rows.length < 2 || (rows[0]?.length ?? 0) < 2) return { ok: false, message: 'a segment table has a header row and a name column: segment names down and inputs across (or the transpose)' };
  const known = headerKeys(m);
  const across = rows[0]!.slice(1);
  const down = rows.slice(1).map((r) => r[0] ?? '');
  const hits = (hs: string[]) => hs.filter((h) => known.has(h.toLowerCase())).length;
  const inputsAcross = hits(across) >= hits(down);
  const heads = inputsAcross ? across : down;
  const names = inputsAcross ? down : across;
  const unknown = heads.filter((h) => h !== '' && !known.has(h.toLowerCase()));
  if (unknown.length > 0) return { ok: false, message: `not an input a segment can change: ${unknown.slice(0, 3).map((h) => `"${h}"`).join(', ')}${unknown.length > 3 ? ` and ${unknown.length - 3} more` : ''}` };
  if (names.some((n) => n === '')) return { ok: false, message: 'every segment in the table needs a name' };
  const lower = names.map((n) => n.toLowerCase());
  if (new Set(lower).size !== lower.length) return { ok: false, message: 'a segment is named twice in the table' };
  const cell = (r: number, c: number) => rows[r]?.[c] ?? '';
  const cells = names.map((_, i) => heads.map((_, j) => (inputsAcross ? cell(i + 1, j + 1) : cell(j + 1, i + 1))));
  return { ok: true, table: { names, keys: heads.map((h) => known.get(h.toLowerCase())!), cells } };
}

/**
 * The segments the table names, added where the model has none of that name (at
 * most MAX_SEGMENTS in all), and the cell keys its values go to. Blank cells are
 * left as they are.
 */
export function segmentTableTargets(snap: Snapshot, table: SegmentTable): { snap: Snapshot; entries: { key: string; text: string }[]; skipped: string[] } {
  let s = snap;
  const skipped: string[] = [];
  const entries: { key: string; text: string }[] = [];
  table.names.forEach((name, i) => {
    let seg = segmentsOf(s.inputs).find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!seg) {
      const next = addSegment(s, name);
      if (next === s) { skipped.push(name); return; }
      s = next;
      seg = segmentsOf(s.inputs)[segmentsOf(s.inputs).length - 1]!;
    }
    table.keys.forEach((key, j) => {
      const text = table.cells[i]![j]!;
      if (text !== '') entries.push({ key: `segments.${seg.id}.${key}`, text });
    });
  });
  return { snap: s, entries, skipped };
}
