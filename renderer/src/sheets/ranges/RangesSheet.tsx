// Ranges (issue 21, spec §11): low / most likely / high on any numeric input,
// typed in its cell (80%..90%) or set here; samples and seed; then what the
// samples say: a P10 / P50 / P90 table beside the exact base case, a fan chart
// of monthly ARR, a histogram of a chosen output with the inputs that drive its
// spread, and the chance of reaching targets (the plan's ARR, NRR 110%). The run
// is the analysis worker's, with progress and Cancel; the base case never moves.
import { useEffect, useMemo, useState } from 'react';
import { activeScenario, completeYears, inputSpecs, outputKeys, parseRanges, resolveInput, resolveOutput, SAMPLES_MAX, SAMPLES_MIN, SEED_MAX, type Driver, type ModelInputs, type RangeTarget, type SimulationSettings } from '@shared/index';
import { formatFigure, histogram, outputFormat, outputWords, planArrKey, rangeTableRows, type FigureFormat, type SheetChartRequest } from '@shared/report/index';
import { parseEntry, suggestedRange, withRange, type RangeEntry } from '@shared/document/index';
import { Section } from '../../components/Section';
import { SheetChart } from '../../charts/SheetChart';
import { formatInput } from '../../format/format';
import { documentStore, useDocument } from '../../store/document-store';
import { useModel } from '../../store/model-store';
import { useRangesArgs } from '../../store/ranges-args';
import { cancelRanges, ensureRanges, isCurrent, useRanges, type RangesRunArgs } from '../../store/ranges-store';
import { analysisClient } from '../../workers/worker-clients';
import '../../analysis.css';
import './ranges.css';

export function RangesSheet() {
  const args = useRangesArgs();
  const scenario = useDocument((s) => activeScenario(s.scenarios));
  useEffect(() => { if (args) ensureRanges(args); }, [args]);
  if (!args) return <div className="sheet analysis-sheet"><p className="analysis-problem" role="alert">The active scenario “{scenario?.name}” has invalid inputs, so there is nothing to sample.</p></div>;
  return (
    <div className="sheet analysis-sheet ranges-sheet">
      {scenario ? <p className="scenario-banner">Showing scenario <strong>{scenario.name}</strong>: the ranges spread its inputs.</p> : null}
      <div className="analysis-columns">
        <RangedInputs inputs={args.inputs} ranges={args.ranges} />
        <Settings inputs={args.inputs} simulation={args.simulation} />
      </div>
      <RunStatus args={args} />
      <Outcomes args={args} />
    </div>
  );
}

type Kind = 'rate' | 'money' | 'count';
const kindOf = (inputs: ModelInputs, key: string): Kind => {
  const r = resolveInput(inputs, key);
  return r.ok ? r.value.kind : 'count';
};

/** One end of a range, edited as a cell is: typed the way the input's cell reads it, committed on Enter or leaving. */
function RangeEnd({ inputs, range, end, label }: { inputs: ModelInputs; range: RangeEntry; end: 'low' | 'mode' | 'high'; label: string }) {
  const currency = inputs.general.currency;
  const kind = kindOf(inputs, range.key);
  const value = range[end];
  const shown = value === undefined ? '' : formatInput(kind, value, currency);
  const [text, setText] = useState(shown);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => { setText(shown); setProblem(null); }, [shown]);
  const commit = () => {
    if (text === shown) return;
    let x: number | undefined;
    if (text.trim() === '' && end === 'mode') x = undefined;
    else {
      const r = parseEntry({ kind }, text, { currency });
      if (!r.ok) { setProblem(r.message); return; }
      x = r.value as number;
    }
    const next = { low: range.low, high: range.high, ...(range.mode === undefined ? {} : { mode: range.mode }), [end]: x };
    if (x === undefined) delete next.mode;
    const checked = withRange(inputs, documentStore.getState().ranges, range.key, next);
    if (!checked.ok) { setProblem(checked.message); return; }
    setProblem(null);
    documentStore.getState().dispatch({ type: 'setRange', key: range.key, range: next });
  };
  return (
    <td className="num">
      <input className={`cell-input-box${problem ? ' is-invalid' : ''}`} aria-label={label} aria-invalid={problem ? 'true' : undefined} value={text}
        placeholder={end === 'mode' ? 'uniform' : ''} onChange={(e) => setText(e.target.value)} onBlur={commit} onKeyDown={(e) => { if (e.key === 'Enter') commit(); }} />
      {problem ? <span className="form-problem" role="alert">{problem}</span> : null}
    </td>
  );
}

function RangedInputs({ inputs, ranges }: { inputs: ModelInputs; ranges: readonly RangeEntry[] }) {
  const dispatch = documentStore.getState().dispatch;
  // every numeric input a range fits, by the key ranges keep (lanes by id)
  const choices = useMemo(() => inputSpecs(inputs).flatMap((s) => {
    const r = resolveInput(inputs, s.key);
    return r.ok ? [{ key: r.value.key, label: s.label, group: s.group }] : [];
  }), [inputs]);
  const [adding, setAdding] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const add = (key: string) => {
    setAdding('');
    const range = suggestedRange(inputs, key);
    if (!range) { setProblem(`${key}: not a numeric input`); return; }
    const checked = withRange(inputs, ranges, key, range);
    if (!checked.ok) { setProblem(checked.message); return; }
    setProblem(null);
    dispatch({ type: 'setRange', key, range });
  };
  return (
    <Section title="Ranged inputs" note="type a range in any input cell (80%..90%, or 80%..85%..90% with a most likely value), or add one here">
      {ranges.length === 0 ? <p className="muted" data-testid="no-ranges">No input has a range yet: the model is a single case.</p> : (
        <table className="drag-table range-inputs" aria-label="Ranged inputs">
          <thead><tr><th>Input</th><th>Low</th><th>Most likely</th><th>High</th><th /></tr></thead>
          <tbody>
            {ranges.map((r) => {
              const name = resolveInput(inputs, r.key);
              const title = name.ok ? name.value.name : r.key;
              return (
                <tr key={r.key} data-range-key={r.key}>
                  <td>{name.ok ? title : <span className="form-problem">{r.key}: {name.error}</span>}</td>
                  <RangeEnd inputs={inputs} range={r} end="low" label={`${title}: low`} />
                  <RangeEnd inputs={inputs} range={r} end="mode" label={`${title}: most likely`} />
                  <RangeEnd inputs={inputs} range={r} end="high" label={`${title}: high`} />
                  <td><button type="button" className="btn-small btn-danger" aria-label={`Remove the range of ${title}`} onClick={() => dispatch({ type: 'setRange', key: r.key, range: null })}>Remove</button></td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <div className="inline-form">
        <select aria-label="Add a range to an input" value={adding} onChange={(e) => add(e.target.value)}>
          <option value="">Add a range to…</option>
          {choices.filter((c) => !ranges.some((r) => r.key === c.key)).map((c) => <option key={c.key} value={c.key}>{c.label}{c.group ? ` (${c.group})` : ''}</option>)}
        </select>
        {problem ? <span className="form-problem" role="alert">{problem}</span> : null}
      </div>
    </Section>
  );
}

/** Samples, seed and targets: inputs of the run, saved and undone with the document. */
function Settings({ inputs, simulation }: { inputs: ModelInputs; simulation: SimulationSettings }) {
  const set = (next: SimulationSettings) => documentStore.getState().dispatch({ type: 'setSimulation', simulation: next });
  return (
    <Section title="Simulation" note="the same samples and seed give the same figures, on any machine">
      <div className="range-settings">
        <WholeField label="Samples" value={simulation.samples} min={SAMPLES_MIN} max={SAMPLES_MAX} onCommit={(samples) => set({ ...simulation, samples })} />
        <WholeField label="Seed" value={simulation.seed} min={0} max={SEED_MAX} onCommit={(seed) => set({ ...simulation, seed })} />
      </div>
      <Targets inputs={inputs} simulation={simulation} onChange={set} />
    </Section>
  );
}

function WholeField({ label, value, min, max, onCommit }: { label: string; value: number; min: number; max: number; onCommit: (x: number) => void }) {
  const [text, setText] = useState(String(value));
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => { setText(String(value)); setProblem(null); }, [value]);
  const commit = () => {
    const x = Number(text.replace(/[,\s]/g, ''));
    if (!Number.isInteger(x) || x < min || x > max || text.trim() === '') { setProblem(`${label} must be a whole number from ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')}, got "${text.trim()}"`); return; }
    setProblem(null);
    if (x !== value) onCommit(x);
  };
  return (
    <label className="range-field">{label}
      <input className={`cell-input-box${problem ? ' is-invalid' : ''}`} aria-label={label} aria-invalid={problem ? 'true' : undefined} value={text}
        onChange={(e) => setText(e.target.value)} onBlur={commit} onKeyDown={(e) => { if (e.key === 'Enter') commit(); }} />
      {problem ? <span className="form-problem" role="alert">{problem}</span> : null}
    </label>
  );
}

const entryKind = (format: FigureFormat): Kind => (format === 'percent' ? 'rate' : format === 'money' ? 'money' : 'count');

function Targets({ inputs, simulation, onChange }: { inputs: ModelInputs; simulation: SimulationSettings; onChange: (s: SimulationSettings) => void }) {
  const years = completeYears(inputs.general.horizonMonths);
  const keys = useMemo(() => outputKeys(years), [years]);
  const [output, setOutput] = useState(years >= 2 ? 'nrrByYear[1]' : 'nrrByYear[0]');
  const [text, setText] = useState('110%');
  const [problem, setProblem] = useState<string | null>(null);
  const add = () => {
    const r = parseEntry({ kind: entryKind(outputFormat(inputs, output)) }, text, { currency: inputs.general.currency });
    if (!r.ok) { setProblem(r.message); return; }
    const target: RangeTarget = { output, value: r.value as number };
    const checked = parseRanges(inputs, [], { targets: [...simulation.targets, target] });
    if (!checked.ok) { setProblem(checked.problems.map((p) => p.message).join('; ')); return; }
    setProblem(null);
    onChange({ ...simulation, targets: [...simulation.targets, target] });
  };
  return (
    <div className="range-targets">
      <h3>Targets</h3>
      <p className="muted">The chance of each is the share of samples at or above it; the plan’s own ARR is always one.</p>
      {simulation.targets.length ? (
        <ul className="target-list">
          {simulation.targets.map((t, i) => (
            <li key={`${t.output}-${i}`}>{outputWords(inputs, t.output)} ≥ {formatFigure(t.value, outputFormat(inputs, t.output), inputs.general.currency)}
              <button type="button" className="btn-small btn-danger" aria-label={`Remove the target ${outputWords(inputs, t.output)}`} onClick={() => onChange({ ...simulation, targets: simulation.targets.filter((_, j) => j !== i) })}>Remove</button></li>
          ))}
        </ul>
      ) : null}
      <div className="inline-form">
        <select aria-label="Target output" value={output} onChange={(e) => setOutput(e.target.value)}>
          {keys.map((k) => <option key={k} value={k}>{outputWords(inputs, k)}</option>)}
        </select>
        <span>≥</span>
        <input aria-label="Target value" className="target-value" value={text} onChange={(e) => setText(e.target.value)} onKeyDown={(e) => { if (e.key === 'Enter') add(); }} />
        <button type="button" className="btn-small" onClick={add}>Add target</button>
        {problem ? <span className="form-problem" role="alert">{problem}</span> : null}
      </div>
    </div>
  );
}

function RunStatus({ args }: { args: RangesRunArgs }) {
  const status = useRanges((s) => s.status);
  const done = useRanges((s) => s.done);
  const total = useRanges((s) => s.total);
  const error = useRanges((s) => s.error);
  const ms = useRanges((s) => s.outcome?.ms ?? null);
  if (args.ranges.length === 0) return null;
  return (
    <div className="range-status" data-status={status}>
      {status === 'running' ? (
        <>
          <progress max={total} value={done} aria-label="Samples computed" />
          <span role="status">Sampling: {done.toLocaleString('en-US')} of {total.toLocaleString('en-US')}</span>
          <button type="button" className="btn-small" onClick={cancelRanges}>Cancel</button>
        </>
      ) : status === 'cancelled' ? (
        <>
          <span role="status">Cancelled at {done.toLocaleString('en-US')} of {total.toLocaleString('en-US')} samples: the figures below are not for this model.</span>
          <button type="button" className="btn-small" onClick={() => ensureRanges(args, true)}>Run</button>
        </>
      ) : status === 'error' ? (
        <span className="analysis-problem" role="alert">The ranges cannot run: {error}</span>
      ) : status === 'done' ? (
        <span role="status" className="muted">{total.toLocaleString('en-US')} samples, seed {args.simulation.seed}{ms === null ? '' : `, in ${(ms / 1000).toFixed(1)} s`}. The base case is the exact model; the samples never change it.</span>
      ) : null}
    </div>
  );
}

function Outcomes({ args }: { args: RangesRunArgs }) {
  const outcome = useRanges((s) => s.outcome);
  const current = useRanges((s) => isCurrent(s, args));
  const base = useModel((s) => (s.inputs === args.inputs ? s.result : null));
  const { inputs } = args;
  const currency = inputs.general.currency;
  const rows = useMemo(() => rangeTableRows(inputs), [inputs]);
  const [chosen, setChosen] = useState(() => planArrKey(inputs));
  const fan = useMemo((): SheetChartRequest | null => (outcome ? { chart: 'rangesFan', args: { inputs, arr: outcome.report.arrByMonth, base: base ? base.months.map((m) => m.closing) : null } } : null), [outcome, inputs, base]);
  if (args.ranges.length === 0 || !outcome) return null;
  const { report } = outcome;
  // the exact base case's figure, read the way the run reads each sample's
  const baseOf = (key: string): number | null => {
    const out = base ? resolveOutput(inputs, key) : null;
    return base && out?.ok ? out.value.of(base) : null;
  };
  const fmt = (x: number | null, f: FigureFormat) => (x === null ? '—' : formatFigure(x, f, currency));
  const planKey = planArrKey(inputs);
  const planHit = report.targets.find((t) => t.output === planKey && t.value === outcome.planArr);
  return (
    <div className={current ? 'range-outcomes' : 'range-outcomes is-stale'} aria-busy={!current}>
      <div className="analysis-columns">
        <Section title="Percentiles" note="P10: one sample in ten is lower; base: the model as typed, exact">
          <table className="drag-table range-table" aria-label="Percentiles of the outcomes">
            <thead><tr><th>Figure</th><th>Base</th><th>P10</th><th>P50</th><th>P90</th><th>Mean</th></tr></thead>
            <tbody>
              {rows.map((r) => {
                const s = report.figures[r.key];
                return (
                  <tr key={r.key} data-figure={r.key}>
                    <td>{r.label}</td><td>{fmt(baseOf(r.key), r.format)}</td><td>{fmt(s?.p10 ?? null, r.format)}</td><td>{fmt(s?.p50 ?? null, r.format)}</td><td>{fmt(s?.p90 ?? null, r.format)}</td><td>{fmt(s?.mean ?? null, r.format)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </Section>
        <Section title="Chance of the targets">
          <table className="drag-table" aria-label="Chance of the targets">
            <thead><tr><th>Target</th><th>Chance</th></tr></thead>
            <tbody>
              {planHit ? <tr data-target="plan"><td>The plan: {outputWords(inputs, planKey)} ≥ {fmt(planHit.value, 'money')}</td><td>{Math.round(planHit.share * 100)}%</td></tr> : null}
              {report.targets.filter((t) => t !== planHit).map((t, i) => (
                <tr key={`${t.output}-${i}`} data-target={t.output}><td>{outputWords(inputs, t.output)} ≥ {fmt(t.value, outputFormat(inputs, t.output))}</td><td>{Math.round(t.share * 100)}%</td></tr>
              ))}
            </tbody>
          </table>
        </Section>
      </div>
      <Section title="ARR by month" note="the band holds the middle 80% of the samples (P10 to P90); the line is the P50">
        {fan ? <SheetChart request={fan} height={300} label="Fan chart of monthly ARR: P10 to P90 band and P50 line" dataKey="ranges-fan" /> : null}
      </Section>
      <div className="analysis-columns">
        <HistogramSection inputs={inputs} outcome={outcome.samples} chosen={chosen} onChoose={setChosen} base={baseOf(chosen)} />
        <DriversSection args={args} output={chosen} />
      </div>
    </div>
  );
}

function HistogramSection({ inputs, outcome, chosen, onChoose, base }: { inputs: ModelInputs; outcome: Record<string, Float64Array>; chosen: string; onChoose: (k: string) => void; base: number | null }) {
  const keys = Object.keys(outcome);
  const values = outcome[chosen];
  const option = useMemo((): SheetChartRequest | null => (values ? { chart: 'rangesHistogram', args: { histogram: histogram(values, 24), format: outputFormat(inputs, chosen), currency: inputs.general.currency, base } } : null), [values, inputs, chosen, base]);
  return (
    <Section title="Histogram" actions={
      <select aria-label="Histogram of" value={chosen} onChange={(e) => onChoose(e.target.value)}>
        {keys.map((k) => <option key={k} value={k}>{outputWords(inputs, k)}</option>)}
      </select>}>
      {option && values?.length ? <SheetChart request={option} height={240} label={`Histogram of ${outputWords(inputs, chosen)} over the samples`} dataKey="ranges-histogram" /> : <p className="muted">{outputWords(inputs, chosen)} does not exist in any sample.</p>}
    </Section>
  );
}

function DriversSection({ args, output }: { args: RangesRunArgs; output: string }) {
  const [drivers, setDrivers] = useState<{ output: string; list: Driver[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { inputs, ranges } = args;
  useEffect(() => {
    let live = true;
    const parsed = parseRanges(inputs, ranges, undefined);
    if (!parsed.ok) return;
    analysisClient().call('rangeDrivers', { inputs, ranges: parsed.ranges, output })
      .then((list) => { if (live) { setDrivers({ output, list }); setError(null); } })
      .catch((e: unknown) => { if (live) setError(e instanceof Error ? e.message : String(e)); });
    return () => { live = false; };
  }, [inputs, ranges, output]);
  const format = outputFormat(inputs, output);
  const fmt = (x: number | null) => (x === null ? '—' : formatFigure(x, format, inputs.general.currency));
  return (
    <Section title="What drives the spread" note={`${outputWords(inputs, output)}: each input at its P10 and P90, the others at their most likely`}>
      {error ? <p className="analysis-problem" role="alert">{error}</p> : !drivers ? <p aria-busy="true">Computing…</p> : (
        <table className="drag-table" aria-label="Drivers of the spread">
          <thead><tr><th>Input</th><th>At its P10</th><th>At its P90</th><th>Swing</th></tr></thead>
          <tbody>{drivers.list.map((d) => <tr key={d.key}><td>{d.name}</td><td>{fmt(d.atLow)}</td><td>{fmt(d.atHigh)}</td><td>{format === 'percent' ? `${(d.swing * 100).toFixed(1)} pts` : fmt(d.swing)}</td></tr>)}</tbody>
        </table>
      )}
    </Section>
  );
}
