// Calibrate (issue 14 §5): the plan inputs the billing history supports, each
// with the figure behind it and Apply (one undo step each), and in plain words
// what billing data cannot tell apart (the core's own sentences).
import { useEffect, useState } from 'react';
import type { Calibration, Suggestion } from '@shared/actuals/index';
import { defaultLaneTarget, type LaneTarget } from '@shared/actuals/lane-target';
import { moneyExact, percent, type Lane, type ModelInputs } from '@shared/index';
import { calibrationKey } from '../../actuals/actuals-store';
import { applyActualsSuggestion, recalibrate, suggestionEffectOf } from '../../actuals/import-actuals';
import { Section } from '../../components/Section';
import { documentStore, useDocument } from '../../store/document-store';
import { setStatus } from '../../store/ui-store';

const first = (x: number | number[]) => (Array.isArray(x) ? x[0] ?? 0 : x);

/** The input a suggestion sets, as the plan holds it now. */
function current(inputs: ModelInputs, s: Suggestion): number | Lane | null {
  const j = inputs.journey;
  switch (s.path) {
    case 'journey.renewal.rate': return first(j.renewal.rate);
    case 'journey.renewal.nonAdopterRate': return first(j.renewal.nonAdopterRate);
    case 'journey.contractionRate': return first(j.contractionRate);
    case 'journey.priceIncrease': return first(j.priceIncrease);
    case 'journey.seatExpansion': return first(j.seatExpansion);
    case 'acquisition.newCustomersByYear[0]': return inputs.acquisition.newCustomersByYear[0] ?? 0;
    case 'acquisition.acv': return first(inputs.acquisition.acv);
    default: return typeof s.value === 'number' ? null : inputs.lanes.find((l) => l.id === (s.value as Lane).id) ?? null;
  }
}

const sameLane = (a: Lane, b: Lane) => a.attachRate === b.attachRate && a.acv === b.acv && a.windowStart === b.windowStart && a.windowEnd === b.windowEnd && a.anchor === b.anchor;

function shown(v: number | Lane | null, currency: string, format: Suggestion['format']): string {
  if (v === null) return 'none';
  if (typeof v === 'number') return format === 'money' ? moneyExact(v, currency) : format === 'count' ? v.toLocaleString('en-US') : percent(v);
  return `attach ${percent(first(v.attachRate))}, ACV ${moneyExact(first(v.acv), currency)}, months ${v.windowStart}–${v.windowEnd} after close`;
}

async function apply(s: Suggestion, target?: LaneTarget): Promise<void> {
  const done = await applyActualsSuggestion(s, target);
  if (done !== 'done') { setStatus(done === 'stale' ? 'The plan changed meanwhile; nothing was applied. Try again.' : 'Import the export again to apply its suggestions.'); return; }
  setStatus(`Applied ${s.label}: ${shown(s.value, documentStore.getState().inputs.general.currency, s.format)}. Undo takes it back.`);
}

export function Calibrate({ initial, calibratedFor }: { initial: Calibration | null; calibratedFor: string | null }) {
  const inputs = useDocument((s) => s.inputs);
  const [calibration, setCalibration] = useState<Calibration | null>(initial);
  // The contract length, the price increase and the subscription margin shape the suggestions: ask the worker again when they change.
  const key = calibrationKey(inputs);
  useEffect(() => {
    if (!initial) { setCalibration(null); return; }
    if (key === calibratedFor) { setCalibration(initial); return; }
    let live = true;
    void recalibrate(documentStore.getState().inputs).then((c) => { if (live && c) setCalibration(c); }).catch(() => undefined);
    return () => { live = false; };
  }, [initial, calibratedFor, key]);

  if (!calibration) {
    return (
      <Section title="Calibrate the plan">
        <p className="actuals-note">Needs the rows of the export: import it again to see what the billing history suggests for the plan.</p>
      </Section>
    );
  }
  const currency = inputs.general.currency;
  return (
    <Section title="Calibrate the plan" note={`from renewals on ${calibration.termMonths}-month anniversaries of each customer's start`}>
      {calibration.suggestions.length === 0 ? <p className="actuals-note">The export has no renewal due inside it, so it suggests nothing yet.</p> : (
        <table className="actuals-table actuals-suggestions" aria-label="Suggested plan inputs">
          <thead><tr><th>Input</th><th>In the plan</th><th>Suggested</th><th>The figure behind it</th><th /></tr></thead>
          <tbody>
            {calibration.suggestions.map((s) => {
              if (typeof s.value !== 'number') return <LaneSuggestion key={s.path} s={s} lane={s.value} inputs={inputs} currency={inputs.general.currency} />;
              const now = current(inputs, s);
              const applied = now !== null && (typeof s.value === 'number' ? now === s.value : typeof now !== 'number' && sameLane(now, s.value));
              return (
                <tr key={s.path} data-suggestion={s.path}>
                  <td>{s.label}</td>
                  <td className="num" data-testid={`plan.${s.path}`}>{shown(now, currency, s.format)}</td>
                  <td className="num" data-testid={`suggested.${s.path}`}>{shown(s.value, currency, s.format)}</td>
                  <td className="actuals-because">{s.because}</td>
                  <td><button type="button" className="btn" aria-label={`${applied ? 'Applied' : 'Apply'}: ${s.label}`} onClick={() => void apply(s)} disabled={applied}>{applied ? 'Applied' : 'Apply'}</button></td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <h3 className="actuals-subhead">What billing data cannot tell apart</h3>
      <ul className="actuals-limits" data-testid="calibration-limits">{calibration.limits.map((l) => <li key={l}>{l}</li>)}</ul>
    </Section>
  );
}

const targetKey = (t: LaneTarget) => (t === 'new' ? 'new' : `replace:${t.replace}`);
const percentOrNone = (x: number | null) => (x === null ? 'none' : percent(x));

/**
 * The between-renewals lane (issue 20): the user chooses the planned lane it
 * goes into, or a new lane beside them (whose expansion then adds to theirs),
 * and sees the headline NRR before and after, from the worker, before applying.
 */
function LaneSuggestion({ s, lane, inputs, currency }: { s: Suggestion; lane: Lane; inputs: ModelInputs; currency: string }) {
  const [target, setTarget] = useState<LaneTarget>(() => defaultLaneTarget(inputs));
  const [effect, setEffect] = useState<{ year: number; before: number | null; after: number | null } | null>(null);
  const valid = target === 'new' || inputs.lanes.some((l) => l.id === target.replace);
  const chosen = valid ? target : defaultLaneTarget(inputs);
  const key = targetKey(chosen);
  useEffect(() => {
    let live = true;
    setEffect(null);
    void suggestionEffectOf(documentStore.getState().inputs, s, chosen).then((e) => { if (live) setEffect(e); }).catch(() => undefined);
    return () => { live = false; };
  }, [key, inputs, s]); // `chosen` changes with `key`
  const into = chosen === 'new' ? inputs.lanes.find((l) => l.id === lane.id) ?? null : inputs.lanes.find((l) => l.id === chosen.replace) ?? null;
  const applied = into !== null && sameLane(into, lane);
  return (
    <tr data-suggestion={s.path}>
      <td>
        {s.label}
        <label className="actuals-lane-target">
          <span>Goes</span>
          <select aria-label="Where the lane goes" value={key} onChange={(e) => setTarget(e.target.value === 'new' ? 'new' : { replace: e.target.value.slice('replace:'.length) })}>
            {inputs.lanes.filter((l) => l.id !== lane.id).map((l) => <option key={l.id} value={`replace:${l.id}`}>into {l.name}</option>)}
            <option value="new">as a new lane</option>
          </select>
        </label>
      </td>
      <td className="num" data-testid={`plan.${s.path}`}>{shown(into, currency, s.format)}</td>
      <td className="num" data-testid={`suggested.${s.path}`}>{shown(lane, currency, s.format)}</td>
      <td className="actuals-because">
        {s.because}
        <span className="actuals-effect" data-testid="lane-effect">{effect ? ` Year-${effect.year} NRR: ${percentOrNone(effect.before)} now, ${percentOrNone(effect.after)} with it${chosen === 'new' && inputs.lanes.length > 0 ? ' (added to the planned lanes\' expansion)' : ''}.` : ' Working out its effect on NRR…'}</span>
      </td>
      <td><button type="button" className="btn" aria-label={`${applied ? 'Applied' : 'Apply'}: ${s.label}`} onClick={() => void apply(s, chosen)} disabled={applied}>{applied ? 'Applied' : 'Apply'}</button></td>
    </tr>
  );
}
