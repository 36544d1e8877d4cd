// The two-way table the user chose, as saved in a workbook's extras
// (`extras.sensitivity`) and read back. Reading is tolerant: the metadata sheet
// may come from an older model (a lane removed, a shorter horizon) or from
// anyone's hands, so each part that does not fit this model is replaced by the
// default for that part, with a note, and nothing in it can throw.
import type { ModelInputs } from '../model/inputs';
import { inputSpecs, type InputSpec } from '../model/catalog';
import { getInput } from '../model/keys';
import { segmentInputSpecs } from '../document/keys';
import { figureChoices } from './figures';
import { baseCohorts } from '../model/ramps';
import { completeYears } from './years';
const hasBase = (m: ModelInputs) => baseCohorts(m).length > 0;
import { defaultTwoWay, type TwoWaySpec } from './sensitivity';

/** The Sensitivity sheet's "+ row/column" stops here; a saved list longer than this is not Bowtie's. */
export const MAX_AXIS_VALUES = 12;

export interface TwoWaySpecJson extends TwoWaySpec {
  version: 1;
}

/** Inputs that make sense on an axis: the numeric ones that have a value (a blank adopter share has none). */
export function axisSpecs(inputs: ModelInputs): InputSpec[] {
  // a segment's values are axes too (spec §2.3): segments.<id>.<key>
  return [...inputSpecs(inputs), ...segmentInputSpecs(inputs)].filter((s) => (s.kind === 'rate' || s.kind === 'money' || s.kind === 'count') && numberOf(getInput(inputs, s.key)) !== null);
}

/** An input's value as one number: a ramp by its year-1 value. */
function numberOf(x: unknown): number | null {
  if (typeof x === 'number') return x;
  if (Array.isArray(x) && typeof x[0] === 'number') return x[0];
  return null;
}

/** Is this spec still meaningful for these inputs (a lane may have been removed, the horizon shortened)? */
export function specFits(inputs: ModelInputs, spec: TwoWaySpec): boolean {
  const keys = new Set(axisSpecs(inputs).map((s) => s.key));
  const years = completeYears(inputs.general.horizonMonths);
  return keys.has(spec.rowKey) && keys.has(spec.colKey) && spec.rowKey !== spec.colKey && figureChoices(years, hasBase(inputs)).some((f) => f.key === spec.figure);
}

const tidy = (x: number) => Number.parseFloat(x.toPrecision(12));

/** Five values around an input's current value: ±10 points in 5-point steps for rates, ±20% for money and counts. */
export function defaultAxisValues(inputs: ModelInputs, key: string): number[] {
  const spec = axisSpecs(inputs).find((s) => s.key === key);
  const v = numberOf(getInput(inputs, key)) ?? 0;
  if (!spec) return [v];
  if (spec.kind === 'rate') {
    const max = spec.max ?? 1;
    const out = [-0.1, -0.05, 0, 0.05, 0.1].map((d) => tidy(v + d)).filter((x) => x >= 0 && x <= max);
    return [...new Set(out)];
  }
  return [...new Set([0.8, 0.9, 1, 1.1, 1.2].map((f) => tidy(v * f)))];
}

export function sameTwoWaySpec(a: TwoWaySpec | null, b: TwoWaySpec | null): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  const same = (x: number[], y: number[]) => x.length === y.length && x.every((v, i) => v === y[i]);
  return a.figure === b.figure && a.rowKey === b.rowKey && a.colKey === b.colKey && same(a.rowValues, b.rowValues) && same(a.colValues, b.colValues);
}

export function twoWaySpecToJson(spec: TwoWaySpec): TwoWaySpecJson {
  return { version: 1, figure: spec.figure, rowKey: spec.rowKey, rowValues: [...spec.rowValues], colKey: spec.colKey, colValues: [...spec.colValues] };
}

const isRecord = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === 'object' && !Array.isArray(x);
/** A saved string quoted in a note, cut short so a hostile one cannot flood the status line. */
const quote = (x: unknown) => (typeof x === 'string' ? `"${x.length > 60 ? `${x.slice(0, 60)}…` : x}"` : Array.isArray(x) ? 'a list' : x === null ? 'null' : typeof x);

/**
 * The saved two-way spec, fitted to these inputs. `spec` is null when nothing was
 * saved or nothing of it was readable (the caller then uses `defaultTwoWay`);
 * otherwise every part that does not fit (an output beyond the horizon, an input
 * the model no longer has, a list that is not 1–12 numbers within the input's
 * range) is replaced by its default, and `notes` says which.
 */
export function twoWaySpecFromJson(json: unknown, inputs: ModelInputs): { spec: TwoWaySpec | null; notes: string[] } {
  if (json === undefined || json === null) return { spec: null, notes: [] };
  const notes: string[] = [];
  const say = (text: string) => notes.push(`Sensitivity: ${text}`);
  if (!isRecord(json)) {
    say('the saved two-way table could not be read; the default table is shown');
    return { spec: null, notes };
  }
  if (json.version !== undefined && json.version !== 1) {
    say(`the saved two-way table is of an unknown version (${quote(json.version)}); the default table is shown`);
    return { spec: null, notes };
  }
  const fallback = defaultTwoWay(inputs);
  const years = completeYears(inputs.general.horizonMonths);
  const figures = figureChoices(years, hasBase(inputs));
  const axes = new Map(axisSpecs(inputs).map((s) => [s.key, s]));

  let figure = fallback.figure;
  const wanted = figures.find((f) => f.key === json.figure);
  if (wanted) figure = wanted.key;
  else say(`the saved output ${quote(json.figure)} is not a figure of this ${inputs.general.horizonMonths}-month model; ${figures.find((f) => f.key === fallback.figure)!.label} is shown`);

  const axis = (which: 'row' | 'col'): { key: string; values: number[] } | null => {
    const noun = which === 'row' ? 'row input' : 'column input';
    const key = json[`${which}Key`];
    const values = json[`${which}Values`];
    const spec = typeof key === 'string' ? axes.get(key) : undefined;
    if (!spec) {
      say(`the saved ${noun} ${quote(key)} is not a numeric input of this model; the default is used`);
      return null;
    }
    const ok = Array.isArray(values) && values.length >= 1 && values.length <= MAX_AXIS_VALUES &&
      values.every((v) => typeof v === 'number' && Number.isFinite(v) && v >= (spec.min ?? -Infinity) && v <= (spec.max ?? Infinity));
    if (ok) return { key: spec.key, values: [...(values as number[])] };
    const why = !Array.isArray(values) ? 'are not a list'
      : values.length === 0 ? 'are empty'
        : values.length > MAX_AXIS_VALUES ? `are ${values.length} (at most ${MAX_AXIS_VALUES})`
          : 'include something that is not a number in the input’s range';
    say(`the saved values of ${spec.label} ${why}; values around the input’s own are used`);
    return { key: spec.key, values: defaultAxisValues(inputs, spec.key) };
  };
  const row = axis('row');
  const col = axis('col');
  let rowPart = row ?? { key: fallback.rowKey, values: fallback.rowValues };
  let colPart = col ?? { key: fallback.colKey, values: fallback.colValues };
  if (rowPart.key === colPart.key) {
    // Both axes on one input (saved so, or a default landing on the other's input): no table to show.
    if (row && col) say(`the saved rows and columns are both ${axes.get(rowPart.key)!.label}; the default axes are used`);
    rowPart = { key: fallback.rowKey, values: fallback.rowValues };
    colPart = { key: fallback.colKey, values: fallback.colValues };
  }
  return { spec: { figure, rowKey: rowPart.key, rowValues: rowPart.values, colKey: colPart.key, colValues: colPart.values }, notes };
}

/** The spec in a read workbook's extras (tolerant: see twoWaySpecFromJson). */
export function twoWaySpecFromExtras(extras: unknown, inputs: ModelInputs): { spec: TwoWaySpec | null; notes: string[] } {
  return twoWaySpecFromJson(isRecord(extras) ? extras.sensitivity : undefined, inputs);
}
