// A value map inside the mapping step: the file's own words in one column
// (a CRM's stage names, a billing interval) onto the words the importer knows.
//
// API
//   <ValueMap
//     label="Stages"                     what is mapped (the group's name)
//     values={[{ value, count }]}        the column's distinct values and how many rows hold each
//     targets={['Signal Detected', …]}   the importer's words
//     map={Record<value, target | null>} the current choice (suggestValues gives a first one)
//     onChange={(map) => void}
//   />
//   suggestValues(values, targets, known?) → a target for each value that matches one (any case) or `known` maps
//   unmappedValues(values, map)             → the values still without a target
//
// Each value is a <select> labelled with the value itself.
import { useId } from 'react';
import { normalHeader } from './mapping-model';

export interface ValueCount { value: string; count: number }
export type ValueChoice = Record<string, string | null>;

export function suggestValues(values: readonly ValueCount[], targets: readonly string[], known: Readonly<Record<string, string>> = {}): ValueChoice {
  const byNormal = new Map(targets.map((t) => [normalHeader(t), t]));
  const knownByNormal = new Map(Object.entries(known).map(([k, v]) => [normalHeader(k), v]));
  return Object.fromEntries(values.map(({ value }) => [value, byNormal.get(normalHeader(value)) ?? knownByNormal.get(normalHeader(value)) ?? null]));
}

export const unmappedValues = (values: readonly ValueCount[], map: ValueChoice) => values.filter((v) => !map[v.value]).map((v) => v.value);

export function ValueMap({ label, values, targets, map, onChange }: { label: string; values: readonly ValueCount[]; targets: readonly string[]; map: ValueChoice; onChange: (map: ValueChoice) => void }) {
  const uid = useId();
  return (
    <fieldset className="value-map">
      <legend>{label}</legend>
      {values.map(({ value, count }, i) => {
        const id = `${uid}-${i}`;
        const t = map[value] ?? null;
        return (
          <div key={value} className={`value-map-row${t === null ? ' value-map-missing' : ''}`}>
            <label htmlFor={id}>{value === '' ? '(empty)' : value}</label>
            <span className="value-map-count">{count.toLocaleString('en-US')} {count === 1 ? 'row' : 'rows'}</span>
            <select id={id} value={t ?? ''} aria-invalid={t === null ? true : undefined} onChange={(e) => onChange({ ...map, [value]: e.target.value === '' ? null : e.target.value })}>
              <option value="">— choose —</option>
              {targets.map((x) => <option key={x} value={x}>{x}</option>)}
            </select>
          </div>
        );
      })}
    </fieldset>
  );
}
