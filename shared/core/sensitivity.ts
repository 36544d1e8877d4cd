// NRR sensitivity (spec §6): the two-way table, the tornado and the biggest drag.
import type { ModelInputs } from '../model/inputs';
import { inputSpecs } from '../model/catalog';
import { getInput, setInput } from '../model/keys';
import { firstYear, mapYears } from '../model/ramps';
import type { Rampable } from '../model/inputs';
import { validateInputs } from '../model/validate';
import { D, type Dec } from './decimal';
import { computeFigure, figureReads, type FigureKey } from './figures';
import { completeYears } from './years';

/**
 * A figure of a model with one or more inputs changed; null when the change is invalid
 * or the figure undefined. A number given for a ramped input replaces every year (spec §2.1).
 */
export function figureWith(base: ModelInputs, changes: readonly [string, Rampable][], figure: FigureKey, unread?: { value: Dec | null }): { value: Dec | null; problem: string | null } {
  let m = base;
  for (const [key, value] of changes) m = setInput(m, key, value);
  const problems = validateInputs(m);
  if (problems.length) return { value: null, problem: `${problems[0]!.path}: ${problems[0]!.message}` };
  // `unread`: the base's own figure, which a change to inputs the figure does not read leaves as it is.
  if (unread && changes.every(([key]) => !figureReads(figure, key))) return { value: unread.value, problem: null };
  return { value: computeFigure(m, figure), problem: null };
}

export interface TwoWaySpec {
  figure: FigureKey;
  rowKey: string;
  rowValues: number[];
  colKey: string;
  colValues: number[];
}

export interface TwoWayTable<N> extends TwoWaySpec {
  /** cells[row][col] */
  cells: (N | null)[][];
  problems: (string | null)[][];
  /** where the base case sits, if both of its values are on the axes */
  base: { row: number; col: number } | null;
  baseValue: N | null;
}

/** Spec §6 default: year-2 NRR over renewal 70–95% × modules attach 10–50%. */
export function defaultTwoWay(m: ModelInputs): TwoWaySpec {
  const hasModules = m.lanes.some((l) => l.id === 'modules');
  const colKey = hasModules ? 'lanes.modules.attachRate' : m.lanes[0] ? `lanes.${m.lanes[0].id}.attachRate` : 'journey.adoption.rate';
  return {
    figure: completeYears(m.general.horizonMonths) >= 2 ? 'nrr.y2' : 'ltv.discountedGrossMargin',
    rowKey: 'journey.renewal.rate',
    rowValues: [0.7, 0.75, 0.8, 0.85, 0.9, 0.95],
    colKey,
    colValues: colKey === 'journey.adoption.rate' ? [0.6, 0.7, 0.8, 0.9, 1] : [0.1, 0.2, 0.3, 0.4, 0.5],
  };
}

/** One row of the two-way table: the figure for the row's value with each column's (the app streams the table row by row). */
export function twoWayRow(m: ModelInputs, spec: TwoWaySpec, rowValue: number): { cells: (Dec | null)[]; problems: (string | null)[] } {
  const cells: (Dec | null)[] = [];
  const problems: (string | null)[] = [];
  for (const c of spec.colValues) {
    const f = figureWith(m, [[spec.rowKey, rowValue], [spec.colKey, c]], spec.figure);
    cells.push(f.value);
    problems.push(f.problem);
  }
  return { cells, problems };
}

export function twoWayTable(m: ModelInputs, spec: TwoWaySpec): TwoWayTable<Dec> {
  const rows = spec.rowValues.map((r) => twoWayRow(m, spec, r));
  return { ...spec, cells: rows.map((r) => r.cells), problems: rows.map((r) => r.problems), base: twoWayBase(m, spec), baseValue: computeFigure(m, spec.figure) };
}

/** Where the model itself sits in the table, if both of its values are on the axes. */
export function twoWayBase(m: ModelInputs, spec: TwoWaySpec): { row: number; col: number } | null {
  // A ramped input is on an axis only as one value for every year: its own ramp is not a cell.
  const ri = spec.rowValues.indexOf(getInput(m, spec.rowKey) as number);
  const ci = spec.colValues.indexOf(getInput(m, spec.colKey) as number);
  return ri >= 0 && ci >= 0 ? { row: ri, col: ci } : null;
}

export interface TornadoBar<N> {
  key: string;
  label: string;
  /** the input moved down and up, and its own value (year 1's when it is ramped) */
  low: number;
  high: number;
  base: number;
  /** for a ramped input, every year moved by the same step and clamped (spec §2.1) */
  lowInput: Rampable;
  highInput: Rampable;
  lowValue: N | null;
  highValue: N | null;
  swing: N;
}

/** Rates move ±5 points within their valid range, money ±10% (spec §6). */
export function driverRange(kind: 'rate' | 'money', value: number, max = 1): { low: number; high: number } {
  if (kind === 'money') return { low: new D(value).mul('0.9').toNumber(), high: new D(value).mul('1.1').toNumber() };
  const v = new D(value);
  return { low: D.max(0, v.sub('0.05')).toNumber(), high: D.min(max, v.add('0.05')).toNumber() };
}

/**
 * The tornado's drivers: each driver input of the catalogue, and with segments
 * (spec §2.3) each segment's own override of one, as `segments.<id>.<key>`.
 */
function tornadoDrivers(m: ModelInputs): { key: string; label: string; driver: 'rate' | 'money'; max: number }[] {
  const specs = inputSpecs(m).filter((s) => s.driver);
  const out = specs.map((s) => ({ key: s.key, label: s.label, driver: s.driver!, max: s.max ?? 1 }));
  for (const seg of m.segments ?? []) {
    for (const s of specs) {
      if (!Object.prototype.hasOwnProperty.call(seg.overrides, s.key)) continue;
      out.push({ key: `segments.${seg.id}.${s.key}`, label: `${s.label} (${seg.name})`, driver: s.driver!, max: s.max ?? 1 });
    }
  }
  return out;
}

/** `base`: the model's own figure, when already computed. */
export function tornado(m: ModelInputs, figure: FigureKey, base: Dec | null = computeFigure(m, figure)): { figure: FigureKey; base: Dec | null; bars: TornadoBar<Dec>[] } {
  const bars: TornadoBar<Dec>[] = [];
  for (const spec of tornadoDrivers(m)) {
    const value = getInput(m, spec.key) as Rampable;
    const lowInput = mapYears(value, (v) => driverRange(spec.driver, v, spec.max).low);
    const highInput = mapYears(value, (v) => driverRange(spec.driver, v, spec.max).high);
    // A move clamped to the input's own value (a rate at 0% or 100%) is the model itself;
    // a driver the figure does not read (a margin for NRR) leaves it at the base.
    const at = (moved: Rampable) => (sameRampable(moved, value) ? base : figureWith(m, [[spec.key, moved]], figure, { value: base }).value);
    const lowValue = at(lowInput);
    const highValue = at(highInput);
    const swing = lowValue && highValue ? highValue.sub(lowValue).abs() : new D(0);
    bars.push({ key: spec.key, label: spec.label, low: firstYear(lowInput), high: firstYear(highInput), base: firstYear(value), lowInput, highInput, lowValue, highValue, swing });
  }
  // Stable sort: equal swings keep the catalogue's order.
  bars.sort((a, b) => b.swing.cmp(a.swing));
  return { figure, base, bars };
}

const sameRampable = (a: Rampable, b: Rampable): boolean =>
  Array.isArray(a) && Array.isArray(b) ? a.length === b.length && a.every((x, i) => x === b[i]) : a === b;

export type Stage = 'onboarding' | 'firstValue' | 'adoption' | 'renewal';
export const STAGES: readonly Stage[] = ['onboarding', 'firstValue', 'adoption', 'renewal'];
const STAGE_KEY: Record<Stage, string> = {
  onboarding: 'journey.onboarding.rate',
  firstValue: 'journey.firstValue.rate',
  adoption: 'journey.adoption.rate',
  renewal: 'journey.renewal.rate',
};

export interface DragResult<N> {
  stage: Stage;
  /** each stage's +5-point change in discounted gross-margin LTV and in year-2 NRR */
  byStage: { stage: Stage; key: string; from: number; to: number; ltvChange: N; nrrChange: N | null }[];
}

/**
 * Seed 000's "which stage is the biggest drag": the stage whose +5 points (capped
 * at 100%) raises discounted gross-margin LTV most; ties go to the earlier stage.
 */
export function biggestDrag(m: ModelInputs): DragResult<Dec> {
  const ltvBase = computeFigure(m, 'ltv.discountedGrossMargin')!;
  const hasY2 = completeYears(m.general.horizonMonths) >= 2;
  const nrrBase = hasY2 ? computeFigure(m, 'nrr.y2') : null;
  const byStage = STAGES.map((stage) => {
    const key = STAGE_KEY[stage];
    // Every year of a ramped stage moves up 5 points, each capped at 100% (spec §2.1).
    const own = getInput(m, key) as Rampable;
    const step = (x: Rampable) => mapYears(x, (v) => D.min(1, new D(v).add('0.05')).toNumber());
    const up = step(own);
    const from = firstYear(own), to = firstYear(up);
    // With segments (spec §2.3) the step is made in every segment at once: its override moves too.
    const changed = withEverySegment(setInput(m, key, up), key, step);
    const ltvChange = computeFigure(changed, 'ltv.discountedGrossMargin')!.sub(ltvBase);
    const nrr = hasY2 ? computeFigure(changed, 'nrr.y2') : null;
    const nrrChange = nrr !== null && nrrBase !== null ? nrr.sub(nrrBase) : null;
    return { stage, key, from, to, ltvChange, nrrChange };
  });
  // Differences below 1e-20 of the LTV are rounding in the last of 50 digits, not a
  // real difference, so they count as ties (which go to the earlier stage).
  const eps = ltvBase.abs().mul('1e-20');
  let best = byStage[0]!;
  for (const s of byStage.slice(1)) if (s.ltvChange.sub(best.ltvChange).gt(eps)) best = s;
  return { stage: best.stage, byStage };
}

/** `m` with `f` applied to every segment's override of `key` (segments that inherit it follow the model's value). */
function withEverySegment(m: ModelInputs, key: string, f: (x: Rampable) => Rampable): ModelInputs {
  if (!m.segments?.length) return m;
  return {
    ...m,
    segments: m.segments.map((s) => (typeof s.overrides[key] === 'number' || Array.isArray(s.overrides[key])
      ? { ...s, overrides: { ...s.overrides, [key]: f(s.overrides[key]) } }
      : s)),
  };
}

export interface Sensitivity<N> {
  twoWay: TwoWayTable<N>;
  tornado: { figure: FigureKey; base: N | null; bars: TornadoBar<N>[] };
  drag: DragResult<N>;
}

export function computeSensitivity(m: ModelInputs, spec: TwoWaySpec = defaultTwoWay(m), tornadoFigure: FigureKey = spec.figure): Sensitivity<Dec> {
  const twoWay = twoWayTable(m, spec);
  return { twoWay, tornado: tornadoFigure === spec.figure ? tornado(m, tornadoFigure, twoWay.baseValue) : tornado(m, tornadoFigure), drag: biggestDrag(m) };
}
