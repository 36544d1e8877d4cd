// Sensitivity (issue 6, spec §6): a two-way table of a chosen output over two
// chosen inputs with editable value lists, shown as a heat map with the base case
// marked; the tornado of the same output; and the biggest-drag callout. All of it
// is computed by the analysis worker, so the sheet stays responsive while it fills.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { activeScenario, completeYears, figureChoices, getInput, type InputSpec, type ModelInputs, type TwoWaySpec } from '@shared/index';
import { formatDelta, formatFigure, STAGE_LABELS, tornadoChart, type FigureFormat } from '@shared/report/index';
import { Section } from '../../components/Section';
import { overriddenEverywhere, parseEntry } from '@shared/document/index';
import { useShownSegment } from '../../store/shown-result';
import { formatInput } from '../../format/format';
import { DrawnChart } from '../../charts/DrawnChart';
import { chartClient } from '../../workers/worker-clients';
import { useEffectiveInputs } from '../../store/scenario-state';
import { documentStore, useDocument } from '../../store/document-store';
import { axisSpecs, defaultValues, runSensitivity, stopSensitivity, useSensitivity } from './sensitivity-store';
import { heatColor } from './heat';
import '../../analysis.css';

const near = (a: number, b: number) => Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a), Math.abs(b));

export function SensitivitySheet() {
  const applied = useEffectiveInputs();
  const scenario = useDocument((s) => activeScenario(s.scenarios));
  const inputs = applied.problems.length ? null : applied.inputs;
  // The document's choice (saved with it; null is the default): opening a file or New changes it too.
  const chosen = useDocument((s) => s.sensitivity);
  // The company/segment switch: a segment's own figure in this table is not computed yet (the core's figures are the company's).
  const segmentId = useShownSegment();
  const segmentName = useDocument((s) => s.inputs.segments?.find((x) => x.id === segmentId)?.name ?? null);

  useEffect(() => { if (inputs) runSensitivity(inputs); }, [inputs, chosen]);
  useEffect(() => () => stopSensitivity(), []);
  useEffect(() => chartClient().warm(), []); // ECharts loads in the chart worker while the table computes

  if (!inputs) {
    return (
      <div className="sheet analysis-sheet">
        <p className="analysis-problem" role="alert">The active scenario “{scenario?.name}” has invalid inputs, so there is nothing to analyse: {applied.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}</p>
      </div>
    );
  }
  return (
    <div className="sheet analysis-sheet">
      {scenario ? <p className="scenario-banner">Showing scenario <strong>{scenario.name}</strong>: every figure below is for that scenario.</p> : null}
      {segmentName ? <p className="scenario-banner" role="status" data-testid="sensitivity-company">The figures below are the company&rsquo;s, not {segmentName}&rsquo;s alone: to see {segmentName}, choose its inputs on an axis (&ldquo;{segmentName}: &hellip;&rdquo;).</p> : null}
      <TwoWaySection inputs={inputs} />
      <div className="analysis-columns">
        <TornadoSection inputs={inputs} />
        <DragSection inputs={inputs} />
      </div>
    </div>
  );
}

function TwoWaySection({ inputs }: { inputs: ModelInputs }) {
  const spec = useSensitivity((s) => s.spec);
  const cells = useSensitivity((s) => s.cells);
  const problems = useSensitivity((s) => s.problems);
  const filled = useSensitivity((s) => s.filled);
  const pending = useSensitivity((s) => s.pending);
  const error = useSensitivity((s) => s.error);
  const years = completeYears(inputs.general.horizonMonths);
  const figures = useMemo(() => figureChoices(years), [years]);
  const axes = useMemo(() => axisSpecs(inputs), [inputs]);
  if (!spec) return <Section title="Two-way table"><p aria-busy="true">Computing…</p></Section>;

  const figure = figures.find((f) => f.key === spec.figure);
  const fmt: FigureFormat = figure?.format ?? 'percent';
  const cur = inputs.general.currency;
  const rowSpec = axes.find((a) => a.key === spec.rowKey)!;
  const colSpec = axes.find((a) => a.key === spec.colKey)!;
  const baseRow = spec.rowValues.findIndex((v) => near(v, getInput(inputs, spec.rowKey) as number));
  const baseCol = spec.colValues.findIndex((v) => near(v, getInput(inputs, spec.colKey) as number));
  const baseValue = baseRow >= 0 && baseCol >= 0 ? cells[baseRow]?.[baseCol] ?? null : null;
  const all = cells.flat().filter((x): x is number => typeof x === 'number');
  const lo = all.length ? Math.min(...all) : 0;
  const hi = all.length ? Math.max(...all) : 0;
  const centre = baseValue ?? (lo + hi) / 2;

  // The choice goes to the document (saved, marks it changed); the sheet recomputes from there.
  const change = (next: Partial<TwoWaySpec>) => documentStore.getState().setSensitivity({ ...spec, ...next });
  const setAxisKey = (axis: 'row' | 'col', key: string) =>
    change(axis === 'row' ? { rowKey: key, rowValues: defaultValues(inputs, key) } : { colKey: key, colValues: defaultValues(inputs, key) });

  return (
    <Section
      title="Two-way table"
      note={<>{figure?.label ?? spec.figure} for each pair of values. Click a value on either axis to change it; green is better than the base case, red worse.</>}
    >
      <div className="twoway-controls">
        <label>Output{' '}
          <select data-key="sensitivity.figure" value={spec.figure} onChange={(e) => change({ figure: e.target.value })}>
            {figures.map((f) => <option key={f.key} value={f.key}>{f.label}</option>)}
          </select>
        </label>
        <label>Rows{' '}
          <select data-key="sensitivity.rowKey" value={spec.rowKey} onChange={(e) => setAxisKey('row', e.target.value)}>
            {axes.filter((a) => a.key !== spec.colKey).map((a) => <option key={a.key} value={a.key}>{axisLabel(inputs, a)}</option>)}
          </select>
        </label>
        <label>Columns{' '}
          <select data-key="sensitivity.colKey" value={spec.colKey} onChange={(e) => setAxisKey('col', e.target.value)}>
            {axes.filter((a) => a.key !== spec.rowKey).map((a) => <option key={a.key} value={a.key}>{axisLabel(inputs, a)}</option>)}
          </select>
        </label>
        <span className="twoway-status" aria-live="polite">{pending ? 'Computing…' : error ? `Could not compute: ${error}` : ''}</span>
      </div>
      <div className="twoway-wrap">
        <table className="twoway" data-state={pending ? 'computing' : 'done'} aria-label={`${figure?.label ?? spec.figure} by ${rowSpec.label} and ${colSpec.label}`}>
          <thead>
            <tr>
              <th className="twoway-corner" rowSpan={2}><span className="twoway-axis-name">{rowSpec.label} ↓</span></th>
              <th colSpan={spec.colValues.length} className="twoway-axis-name twoway-col-title">{colSpec.label} →</th>
              <th rowSpan={2} className="twoway-add"><AxisButtons axis="col" spec={spec} inputs={inputs} onChange={change} /></th>
            </tr>
            <tr>
              {spec.colValues.map((v, c) => (
                <th key={c} scope="col" className={c === baseCol ? 'is-base' : undefined}>
                  <AxisValue spec={colSpec} value={v} dataKey={`sensitivity.colValues.${c}`} currency={cur}
                    onCommit={(x) => change({ colValues: spec.colValues.map((o, i) => (i === c ? x : o)) })} />
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {spec.rowValues.map((rv, r) => (
              <tr key={r}>
                <th scope="row" className={r === baseRow ? 'is-base' : undefined}>
                  <AxisValue spec={rowSpec} value={rv} dataKey={`sensitivity.rowValues.${r}`} currency={cur}
                    onCommit={(x) => change({ rowValues: spec.rowValues.map((o, i) => (i === r ? x : o)) })} />
                </th>
                {spec.colValues.map((_, c) => {
                  const v = cells[r]?.[c];
                  const problem = problems[r]?.[c] ?? null;
                  const isBase = r === baseRow && c === baseCol;
                  const fresh = filled[r] === true;
                  return (
                    <td
                      key={c}
                      data-key={`sensitivity.twoWay.${r}.${c}`}
                      data-value={fresh && typeof v === 'number' ? String(v) : undefined}
                      aria-busy={!fresh}
                      className={`twoway-cell ${isBase ? 'is-base-cell' : ''} ${fresh ? '' : 'is-stale'}`}
                      style={{ background: typeof v === 'number' ? heatColor(v, centre, lo, hi) : undefined }}
                      title={problem ?? (isBase ? 'Base case' : undefined)}
                    >
                      {problem ? <span className="twoway-invalid">invalid</span> : v === undefined ? '' : formatFigure(v, fmt, cur)}
                      {isBase ? <span className="base-tag">base</span> : null}
                    </td>
                  );
                })}
              </tr>
            ))}
            <tr><th><AxisButtons axis="row" spec={spec} inputs={inputs} onChange={change} /></th></tr>
          </tbody>
        </table>
      </div>
      {baseRow < 0 || baseCol < 0 ? (
        <p className="section-note twoway-offaxis">
          The base case ({formatInput(rowSpec.kind, getInput(inputs, spec.rowKey), cur)}, {formatInput(colSpec.kind, getInput(inputs, spec.colKey), cur)}) is not on the axes; add its values to see it marked.
        </p>
      ) : null}
    </Section>
  );
}

/** An axis in the picker; a plain input every segment overrides is said to change nothing (spec §2.3). */
const axisLabel = (inputs: ModelInputs, a: { key: string; label: string }) => (overriddenEverywhere(inputs, a.key) ? `${a.label} (changes nothing: every segment overrides it)` : a.label);

/** One editable axis value: shows the formatted value, edits as typed text, commits on Enter or blur. */
function AxisValue({ spec, value, dataKey, currency, onCommit }: { spec: InputSpec; value: number; dataKey: string; currency: string; onCommit: (v: number) => void }) {
  const shown = formatInput(spec.kind, value, currency);
  const [text, setText] = useState(shown);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => { setText(shown); setProblem(null); }, [shown]);
  const commit = () => {
    if (text === shown) return;
    const parsed = parseEntry(spec, text);
    if (!parsed.ok || typeof parsed.value !== 'number') { setProblem(parsed.ok ? 'must be a number' : parsed.message); return; }
    const v = parsed.value;
    if (v < (spec.min ?? -Infinity) || v > (spec.max ?? Infinity)) { setProblem(`must be between ${formatInput(spec.kind, spec.min, currency)} and ${formatInput(spec.kind, spec.max, currency)}`); return; }
    setProblem(null);
    onCommit(v);
  };
  return (
    <>
      <input
        className={`axis-value ${problem ? 'is-invalid' : ''}`}
        data-key={dataKey}
        aria-label={`${spec.label} value`}
        aria-invalid={problem ? true : undefined}
        value={text}
        size={Math.max(5, text.length)}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => { if (e.key === 'Enter') { commit(); (e.target as HTMLInputElement).select(); } if (e.key === 'Escape') { setText(shown); setProblem(null); } }}
      />
      {problem ? <span className="axis-problem" role="alert">{problem}</span> : null}
    </>
  );
}

function AxisButtons({ axis, spec, inputs, onChange }: { axis: 'row' | 'col'; spec: TwoWaySpec; inputs: ModelInputs; onChange: (next: Partial<TwoWaySpec>) => void }) {
  const values = axis === 'row' ? spec.rowValues : spec.colValues;
  const key = axis === 'row' ? spec.rowKey : spec.colKey;
  const range = axisSpecs(inputs).find((s) => s.key === key);
  const set = (v: number[]) => onChange(axis === 'row' ? { rowValues: v } : { colValues: v });
  // Continue the list's step (or +10% of the last value for a one-value list), within the input's range.
  const last = values[values.length - 1] ?? (getInput(inputs, key) as number);
  const step = values.length >= 2 ? last - values[values.length - 2]! : Math.abs(last) * 0.1 || 0.05;
  const next = Number.parseFloat((last + step).toPrecision(12));
  const fits = next >= (range?.min ?? -Infinity) && next <= (range?.max ?? Infinity);
  const add = () => set([...values, next]);
  const noun = axis === 'row' ? 'row' : 'column';
  return (
    <span className="axis-buttons">
      <button type="button" className="btn btn-small" onClick={add} disabled={values.length >= 12 || !fits} aria-label={`Add a ${noun}`} data-key={`sensitivity.add.${axis}`}>+ {noun}</button>
      <button type="button" className="btn btn-small" onClick={() => set(values.slice(0, -1))} disabled={values.length <= 1} aria-label={`Remove the last ${noun}`}>− {noun}</button>
    </span>
  );
}

function TornadoSection({ inputs }: { inputs: ModelInputs }) {
  const t = useSensitivity((s) => s.tornado);
  const spec = useSensitivity((s) => s.spec);
  const years = completeYears(inputs.general.horizonMonths);
  const figure = figureChoices(years).find((f) => f.key === (t?.figure ?? spec?.figure));
  const option = useMemo(() => {
    if (!t || !figure) return null;
    const specs = new Map(axisSpecs(inputs).map((s) => [s.key, s]));
    return tornadoChart(t.bars, t.base, figure.label, figure.format, (key, v) => formatInput(specs.get(key)?.kind ?? 'rate', v, inputs.general.currency), inputs.general.currency);
  }, [t, figure, inputs]);
  // Drawn in the chart worker, shown inline (its labels stay text).
  const draw = useCallback((width: number, height: number) => chartClient().call('svg', { option: option!, width, height }), [option]);
  return (
    <Section title="Tornado" className="tornado-section">
      {option ? <DrawnChart draw={draw} height={430} label={`Tornado of ${figure?.label}`} dataKey="sensitivity.tornado" inline /> : <p aria-busy="true">Computing…</p>}
    </Section>
  );
}

function DragSection({ inputs }: { inputs: ModelInputs }) {
  const drag = useSensitivity((s) => s.drag);
  const cur = inputs.general.currency;
  if (!drag) return <Section title="Biggest drag"><p aria-busy="true">Computing…</p></Section>;
  const best = drag.byStage.find((s) => s.stage === drag.stage)!;
  return (
    <Section title="Biggest drag" className="drag-section">
      <div className="drag-callout" data-key="sensitivity.biggestDrag" data-value={drag.stage}>
        <div className="drag-stage">{STAGE_LABELS[drag.stage]}</div>
        <p>
          Raising {STAGE_LABELS[drag.stage].toLowerCase()} by 5 points ({formatFigure(best.from, 'percent')} → {formatFigure(best.to, 'percent')}) is worth{' '}
          <strong data-key="sensitivity.drag.ltv">{formatFigure(best.ltvChange, 'money', cur)}</strong> of discounted gross-margin LTV per customer
          {best.nrrChange === null ? '' : <> and <strong data-key="sensitivity.drag.nrr">{formatFigure(best.nrrChange, 'points')}</strong> of year-2 NRR</>}.
        </p>
      </div>
      <table className="drag-table">
        <thead><tr><th>Stage +5 points</th><th>From → to</th><th>LTV (disc. GM)</th><th>NRR, year 2</th></tr></thead>
        <tbody>
          {drag.byStage.map((s) => (
            <tr key={s.stage} className={s.stage === drag.stage ? 'is-drag' : undefined}>
              <td>{STAGE_LABELS[s.stage]}</td>
              <td>{formatFigure(s.from, 'percent')} → {formatFigure(s.to, 'percent')}</td>
              <td data-key={`sensitivity.drag.${s.stage}.ltv`}>{formatDelta(s.ltvChange, 'money', cur)}</td>
              <td data-key={`sensitivity.drag.${s.stage}.nrr`}>{formatFigure(s.nrrChange, 'points')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="section-note">Seed 000: “which stage is the biggest drag”. The stage whose +5 points adds the most discounted gross-margin LTV.</p>
    </Section>
  );
}

