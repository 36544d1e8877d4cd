// A segment's inputs as its sheets' formulas read them (spec §2.3): each input the
// segment may override is `IF(ISBLANK(override), model's value, override)` (a ramped
// override: its year's cell while any year is filled), every other input the model's
// own name. So a value typed into a blank override cell in Excel takes effect, and
// an emptied one returns to the model's value, without Bowtie.
import type { ModelInputs } from '../index';
import { segmentNamer, segmentOverrideSpecs, type InputNames } from './sheets/assumptions';

/** A segment's share of new logos in model year y, from its named cell (or yearly cells). */
export function logoShareOfYear(m: ModelInputs, k: number, y: number | string): string {
  const name = segmentNamer(m)(k, 'logoShare');
  return Array.isArray(m.segments![k]!.logoShare) ? `INDEX(${name},1,MIN(${y},COUNT(${name})))` : name;
}

export function segmentInputNames(m: ModelInputs, k: number, model: InputNames): InputNames {
  const seg = m.segments![k]!;
  const namer = segmentNamer(m);
  const overridable = new Set(segmentOverrideSpecs(m).map((s) => s.key));
  const effective = (key: string, y: number | string, modelValue: string): string => {
    if (!overridable.has(key)) return modelValue;
    const o = namer(k, key);
    if (Array.isArray(seg.overrides[key])) return `IF(COUNT(${o})=0,${modelValue},INDEX(${o},1,MIN(${y},COUNT(${o}))))`;
    return `IF(ISBLANK(${o}),${modelValue},${o})`;
  };
  const laneKey = (i: number, field: string) => `lanes.${m.lanes[i]!.id}.${field}`;
  // the segment's base cohorts are the model's rows that name it, in order
  const baseRows = (m.base?.cohorts ?? []).flatMap((c, j) => (c.segment === seg.id ? [j] : []));
  return {
    rows: model.rows,
    name: (key) => effective(key, 1, model.name(key)),
    lane: (i, field) => effective(laneKey(i, field), 1, model.lane(i, field)),
    yearValue: (key, y) => effective(key, y, model.yearValue(key, y)),
    laneYearValue: (i, field, y) => effective(laneKey(i, field), y, model.laneYearValue(i, field, y)),
    newLogos: (year, years) => `${model.newLogos(year, years)}*${logoShareOfYear(m, k, year)}`,
    base: { row: (j) => model.base.row(baseRows[j]!), col: model.base.col },
  };
}
