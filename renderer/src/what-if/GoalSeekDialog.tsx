// Goal seek (spec §10, issue 21): which input value gets a figure to a target?
// The dialog picks the output (its current value shown), the target, the input
// (its current value shown, one year of a ramp or every year) and, optionally,
// an interval; the answer is computed in the analysis worker while the dialog
// stays open. Apply sets the input; Save as scenario makes "Renewal for 110%
// NRR". Either is one undo step.
import { useEffect, useMemo, useRef, useState } from 'react';
import { completeYears, currentValue, formatFigure, inputSpecs, outputKeys, resolveInput, resolveOutput, seekInterval, type FigureFormat, type ModelInputs, type SeekAnswer, type WhatIfInput } from '@shared/index';
import { overriddenEverywhere, parseEntry, segmentInputSpecs } from '@shared/document/index';
import { dialogKeys } from '../components/dialog-keys';
import { useModalDialog } from '../components/use-modal-dialog';
import { setStatus } from '../store/ui-store';
import { analysisClient } from '../workers/worker-clients';
import { useModel } from '../store/model-store';
import { applyAnswer, saveAsScenario } from './goal-seek-apply';
import { closeGoalSeek, useGoalSeek } from './goal-seek-store';
import './goal-seek.css';

const seekClient = analysisClient;

const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);
const inputFormat = (i: WhatIfInput): FigureFormat => (i.kind === 'rate' ? 'percent' : i.kind === 'money' ? 'money' : 'count');

/** What the user typed for a number of this format: "110%", "1.1", "$30M", "3". */
function readNumber(text: string, format: FigureFormat | 'rate' | 'money' | 'count', currency: string): number | string {
  const kind = format === 'percent' || format === 'rate' ? 'rate' : format === 'money' ? 'money' : 'count';
  // a ratio or months as the strip writes them: 1.51×, 18.5 months
  const e = parseEntry({ kind }, text.trim().replace(/\s*(×|x|months?)$/i, ''), { currency });
  return e.ok && typeof e.value === 'number' ? e.value : e.ok ? 'is not a number' : e.message;
}

/** The first target: the figure now, written so that Find reads it back (a ratio as 1.51, not 1.51×). */
function startTarget(x: number | null, format: FigureFormat, currency: string): string {
  if (x === null) return '';
  return format === 'percent' || format === 'money' ? formatFigure(x, format, currency) : String(Number(x.toPrecision(4)));
}

export function GoalSeekDialog() {
  const open = useGoalSeek((s) => s.open);
  const startOutput = useGoalSeek((s) => s.output);
  const inputs = useModel((s) => s.inputs);
  const result = useModel((s) => s.result);
  const ref = useModalDialog(open && inputs !== null);
  const [output, setOutput] = useState('nrrByYear[1]');
  const [target, setTarget] = useState('');
  const [inputKey, setInputKey] = useState('journey.renewal.rate');
  const [year, setYear] = useState('all');
  const [low, setLow] = useState('');
  const [high, setHigh] = useState('');
  const [answer, setAnswer] = useState<{ answer: SeekAnswer; inputs: ModelInputs; input: WhatIfInput } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const asked = useRef(0);

  const currency = inputs?.general.currency ?? 'USD';
  const outputs = useMemo(() => (inputs ? outputKeys(completeYears(inputs.general.horizonMonths)).map((k) => ({ key: k, ref: resolveOutput(inputs, k) })).flatMap((o) => (o.ref.ok ? [{ key: o.key, ref: o.ref.value }] : [])) : []), [inputs]);
  // a segment's values too (spec §2.3): "Enterprise: Renewal rate of adopters"
  const seekable = useMemo(() => (inputs ? [...inputSpecs(inputs), ...segmentInputSpecs(inputs)].filter((s) => s.kind === 'rate' || s.kind === 'money' || s.kind === 'count') : []), [inputs]);
  const years = inputs ? Math.min(10, completeYears(inputs.general.horizonMonths)) : 0;
  const rampable = seekable.find((s) => s.key === inputKey)?.rampable === true;
  const fullKey = rampable && year !== 'all' ? `${inputKey}[${year}]` : inputKey;
  const out = outputs.find((o) => o.key === output)?.ref ?? null;
  const inp = inputs ? resolveInput(inputs, fullKey) : null;
  const outNow = out && result ? out.of(result) : null;
  const inNow = inputs && inp?.ok ? currentValue(inputs, inp.value) : null;

  // Opening: the output the tile named, its current value as the first target.
  useEffect(() => {
    if (!open || !inputs || !result) return;
    const start = startOutput && outputs.some((o) => o.key === startOutput) ? startOutput : outputs.some((o) => o.key === 'nrrByYear[1]') ? 'nrrByYear[1]' : outputs[0]?.key ?? '';
    setOutput(start);
    const ref0 = outputs.find((o) => o.key === start)?.ref;
    setTarget(ref0 ? startTarget(ref0.of(result), ref0.format, currency) : '');
    setAnswer(null); setProblem(null); setLow(''); setHigh('');
  }, [open]);

  if (!inputs) return null;
  const close = () => { asked.current++; setBusy(false); closeGoalSeek(); };

  const find = () => {
    setAnswer(null);
    if (!out) return setProblem('Pick a figure to reach.');
    if (!inp?.ok) return setProblem(inp ? inp.error : 'Pick an input.');
    const t = readNumber(target, out.format, currency);
    if (typeof t === 'string') return setProblem(`Target: ${t}`);
    let within: [number, number] | undefined;
    if (low.trim() || high.trim()) {
      const [lo0, hi0] = seekInterval(inp.value, inNow ?? 0);
      const lo = low.trim() ? readNumber(low, inp.value.kind, currency) : lo0, hi = high.trim() ? readNumber(high, inp.value.kind, currency) : hi0;
      if (typeof lo === 'string') return setProblem(`From: ${lo}`);
      if (typeof hi === 'string') return setProblem(`To: ${hi}`);
      within = [lo, hi];
    }
    setProblem(null);
    setBusy(true);
    const id = ++asked.current;
    const figuresInputs = inputs, input = inp.value;
    seekClient().call('goalSeek', { inputs: figuresInputs, request: { output: out.key, target: t, input: input.key, ...(within ? { within } : {}) } })
      .then((r) => {
        if (id !== asked.current) return;
        if (r.ok) setAnswer({ answer: r.answer, inputs: figuresInputs, input });
        else setProblem(r.error);
      })
      .catch((e: Error) => { if (id === asked.current) setProblem(`The goal seek failed: ${e.message}`); })
      .finally(() => { if (id === asked.current) setBusy(false); });
  };

  const a = answer?.answer ?? null;
  const apply = () => {
    if (!answer || answer.answer.value === null) return;
    applyAnswer(answer.inputs, answer.input, answer.answer.value);
    setStatus(`Goal seek: ${answer.input.name} set to ${formatFigure(answer.answer.value, inputFormat(answer.input), currency)}`);
    close();
  };
  const save = () => {
    if (!answer || answer.answer.value === null) return;
    const error = saveAsScenario(answer.inputs, answer.input, answer.answer);
    if (error) return setProblem(error);
    close();
  };

  return (
    <dialog ref={ref} className="message-dialog goal-seek" aria-labelledby="goal-seek-title" onClose={close} onKeyDown={dialogKeys}>
      {open ? (
        <form method="dialog" onSubmit={(e) => { e.preventDefault(); find(); }}>
          <h2 id="goal-seek-title">Goal seek</h2>
          <p className="goal-seek-intro">Which value of an input gets a figure to a target? The model does not change until you apply the answer.</p>
          <div className="goal-seek-grid">
            <label htmlFor="gs-output">Set figure</label>
            <select id="gs-output" value={output} onChange={(e) => { setOutput(e.target.value); setAnswer(null); }}>
              {outputs.map((o) => <option key={o.key} value={o.key}>{cap(o.ref.words)}</option>)}
            </select>
            <span className="goal-seek-now" data-testid="gs-output-now">now {out ? formatFigure(outNow, out.format, currency) : '—'}</span>

            <label htmlFor="gs-target">To value</label>
            <input id="gs-target" value={target} onChange={(e) => { setTarget(e.target.value); setAnswer(null); }} autoComplete="off" />
            <span />

            <label htmlFor="gs-input">By changing</label>
            <select id="gs-input" value={inputKey} onChange={(e) => { setInputKey(e.target.value); setYear('all'); setAnswer(null); }}>
              {seekable.map((s) => <option key={s.key} value={s.key}>{s.label}</option>)}
            </select>
            <span className="goal-seek-now" data-testid="gs-input-now">now {inp?.ok ? formatFigure(inNow, inputFormat(inp.value), currency) : '—'}</span>
            {inputs && overriddenEverywhere(inputs, inputKey) ? (
              <p className="goal-seek-nothing" role="note" data-testid="gs-changes-nothing" style={{ gridColumn: '1 / -1' }}>Every segment overrides this input, so the model&rsquo;s value changes nothing: choose one segment&rsquo;s value instead.</p>
            ) : null}

            {rampable ? (
              <>
                <label htmlFor="gs-year">In</label>
                <select id="gs-year" value={year} onChange={(e) => { setYear(e.target.value); setAnswer(null); }}>
                  <option value="all">every year</option>
                  {Array.from({ length: years }, (_, i) => <option key={i} value={String(i)}>year {i + 1} only</option>)}
                </select>
                <span />
              </>
            ) : null}

            <label htmlFor="gs-low">Between</label>
            <span className="goal-seek-interval">
              <input id="gs-low" aria-label="Search from" placeholder={inp?.ok ? formatFigure(seekInterval(inp.value, inNow ?? 0)[0], inputFormat(inp.value), currency) : ''} value={low} onChange={(e) => setLow(e.target.value)} autoComplete="off" />
              <span>and</span>
              <input id="gs-high" aria-label="Search to" placeholder={inp?.ok ? formatFigure(seekInterval(inp.value, inNow ?? 0)[1], inputFormat(inp.value), currency) : ''} value={high} onChange={(e) => setHigh(e.target.value)} autoComplete="off" />
            </span>
            <span />
          </div>

          <div className="goal-seek-answer" role="status" aria-live="polite" data-testid="gs-answer">
            {busy ? 'Searching…' : problem ? <span className="goal-seek-problem" role="alert">{problem}</span> : a ? (
              a.reachable
                ? <><strong>{cap(answer!.input.name)}: {formatFigure(a.value, inputFormat(answer!.input), currency)}</strong> (now {formatFigure(a.from, inputFormat(answer!.input), currency)}) gives {out ? `${out.words} ${formatFigure(a.achieved, out.format, currency)}` : ''}.</>
                : <>{a.message}.</>
            ) : null}
          </div>

          <div className="dialog-buttons">
            <button type="button" className="btn" onClick={close}>Cancel</button>
            <button type="button" className="btn" onClick={save} disabled={!a || a.value === null || busy}>Save as scenario</button>
            <button type="button" className="btn" onClick={apply} disabled={!a || a.value === null || busy}>Apply</button>
            <button type="submit" className="btn btn-primary" data-default="" disabled={busy}>Find</button>
          </div>
        </form>
      ) : null}
    </dialog>
  );
}
