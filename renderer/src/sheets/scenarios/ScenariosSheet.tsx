// Scenarios (issue 6): the base plus named scenarios, each a set of input
// overrides shown against the base. Create, duplicate, rename, delete and switch;
// edit a scenario's overrides; and compare every scenario's headline figures with
// the base side by side. All changes go through the document store (undoable, saved).
import { useEffect, useMemo, useRef, useState } from 'react';
import { BASE_COHORTS_KEY, getInput, optionLabel, type BaseCohort, type ModelInputs, type OverrideValue } from '@shared/index';
import {
  applyScenario, changedOverrideKeys, createScenario, deleteScenario, duplicateScenario, offeredOverrideKeys, overrideRows, renameScenario,
  setOverride, switchScenario, type Scenario, type ScenarioSet,
} from '@shared/index';
import { Section } from '../../components/Section';
import { overriddenEverywhere, parseEntry, parseRampable, rootKey, specFor } from '@shared/document/index';
import { editText, formatInput } from '../../format/format';
import { useDocument } from '../../store/document-store';
import { ComparisonTable } from '../../comparison/ComparisonTable';
import { updateScenarios, useScenarioSet } from '../../store/scenario-state';
import { useReport, useReportWorker } from '../../store/report-store';
import '../../analysis.css';

export function ScenariosSheet() {
  useReportWorker();
  const set = useScenarioSet();
  const base = useDocument((s) => s.inputs);
  const [selected, setSelected] = useState<string | null>(null);
  const shown = set.scenarios.find((s) => s.id === (selected ?? set.activeId)) ?? set.scenarios[0] ?? null;
  const comparison = useReport((s) => s.comparison);
  const pending = useReport((s) => s.pending);

  return (
    <div className="sheet analysis-sheet">
      <ScenarioList set={set} base={base} selectedId={shown?.id ?? null} onSelect={setSelected} />
      {shown ? <OverridesEditor key={shown.id} base={base} scenario={shown} /> : null}
      <Section title="Comparison" note={<>Headline figures of every scenario side by side, then each scenario’s difference from the Base (shares in percentage points).{pending ? ' Updating…' : ''}</>}>
        {comparison ? <ComparisonTable comparison={comparison} currency={base.general.currency} /> : <p aria-busy="true">Computing…</p>}
      </Section>
    </div>
  );
}

function ScenarioList({ set, base, selectedId, onSelect }: { set: ScenarioSet; base: ModelInputs; selectedId: string | null; onSelect: (id: string) => void }) {
  const [newName, setNewName] = useState('');
  const [renaming, setRenaming] = useState<{ id: string; name: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const act = (r: ReturnType<typeof createScenario>, select = true) => {
    if (!r.ok) { setProblem(r.error); return false; }
    setProblem(null);
    updateScenarios(() => r.set);
    if (select) onSelect(r.id);
    return true;
  };
  const create = () => { if (act(createScenario(set, newName))) setNewName(''); };

  return (
    <Section title="Scenarios" note="The base is the Assumptions sheet. A scenario overrides some of its inputs; everything else follows the base.">
      <table className="scenario-list">
        <thead><tr><th>Scenario</th><th>Changes from the base</th><th>Shown in the app</th><th /></tr></thead>
        <tbody>
          <tr className={set.activeId === null ? 'is-active' : undefined} data-key="scenarios.row.base">
            <td><strong>Base</strong></td>
            <td className="muted">the inputs on the Assumptions sheet</td>
            <td>{set.activeId === null ? <span className="pill pill-active">active</span> : <button type="button" className="btn btn-small" onClick={() => updateScenarios((s) => switchScenario(s, null))} data-key="scenarios.switch.base">Show base</button>}</td>
            <td />
          </tr>
          {set.scenarios.map((s) => {
            const problems = applyScenario(base, s).problems;
            // an override still at the base's value changes nothing: not counted
            const n = changedOverrideKeys(base, s).length;
            return (
              <tr key={s.id} className={`${set.activeId === s.id ? 'is-active' : ''} ${selectedId === s.id ? 'is-selected' : ''}`} data-key={`scenarios.row.${s.id}`}>
                <td>
                  {renaming?.id === s.id ? (
                    <form className="inline-form" onSubmit={(e) => { e.preventDefault(); if (act(renameScenario(set, s.id, renaming.name))) setRenaming(null); }}>
                      <input autoFocus aria-label="New name" data-key="scenarios.renameInput" value={renaming.name} onChange={(e) => setRenaming({ id: s.id, name: e.target.value })}
                        onKeyDown={(e) => { if (e.key === 'Escape') setRenaming(null); }} />
                      <button type="submit" className="btn btn-small">Rename</button>
                    </form>
                  ) : (
                    <button type="button" className="link-button" onClick={() => onSelect(s.id)} data-key={`scenarios.name.${s.id}`} aria-label={`Edit the overrides of ${s.name}`}>{s.name}</button>
                  )}
                </td>
                <td>
                  {n === 0 ? <span className="muted">none yet</span> : `${n} input${n === 1 ? '' : 's'}`}
                  {problems.length ? <span className="pill pill-bad" title={problems.map((p) => `${p.path}: ${p.message}`).join('\n')}>invalid</span> : null}
                </td>
                <td>{set.activeId === s.id ? <span className="pill pill-active">active</span> : (
                  <button type="button" className="btn btn-small" onClick={() => updateScenarios((x) => switchScenario(x, s.id))} data-key={`scenarios.switch.${s.id}`}>Show</button>
                )}</td>
                <td className="row-actions">
                  <button type="button" className="btn btn-small" onClick={() => act(duplicateScenario(set, s.id))} data-key={`scenarios.duplicate.${s.id}`}>Duplicate</button>
                  <button type="button" className="btn btn-small" onClick={() => setRenaming({ id: s.id, name: s.name })} data-key={`scenarios.rename.${s.id}`}>Rename</button>
                  <button type="button" className="btn btn-small btn-danger" onClick={() => updateScenarios((x) => deleteScenario(x, s.id))} data-key={`scenarios.delete.${s.id}`} aria-label={`Delete ${s.name}`}>Delete</button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <form className="inline-form new-scenario" onSubmit={(e) => { e.preventDefault(); create(); }}>
        <input aria-label="New scenario name" placeholder="New scenario name, e.g. Downside" data-key="scenarios.newName" value={newName} onChange={(e) => setNewName(e.target.value)} />
        <button type="submit" className="btn btn-primary" data-key="scenarios.create">New scenario</button>
        {problem ? <span className="form-problem" role="alert">{problem}</span> : null}
      </form>
    </Section>
  );
}

function OverridesEditor({ base, scenario }: { base: ModelInputs; scenario: Scenario }) {
  const rows = overrideRows(base, scenario);
  const problems = applyScenario(base, scenario).problems;
  const problemAt = (key: string) => problems.filter((p) => p.path === key).map((p) => p.message).join('; ');
  const keys = useMemo(() => offeredOverrideKeys(base).filter((k) => !(k in scenario.overrides)), [base, scenario.overrides]);
  // the override just added: its value cell takes the keyboard, so what is typed next is its value
  const [added, setAdded] = useState<string | null>(null);
  // Start the picker on the input a workshop asks about most: the renewal rate.
  const [adding, setAdding] = useState(keys.includes('journey.renewal.rate') ? 'journey.renewal.rate' : keys[0] ?? '');
  const cur = base.general.currency;
  const other = problems.filter((p) => !rows.some((r) => r.key === p.path));

  const setValue = (key: string, value: OverrideValue | undefined) => updateScenarios((s) => setOverride(s, scenario.id, key, value));
  const add = () => {
    const key = keys.includes(adding) ? adding : keys[0];
    if (!key) return;
    setValue(key, getInput(base, key) as OverrideValue);
    setAdded(key);
  };

  return (
    <Section title={`Overrides: ${scenario.name}`} note="Only these inputs differ from the base. Type a value as on the Assumptions sheet (85%, 65k); a plan by year as 90% → 95% (95% from year 2 on).">
      <table className="override-table">
        <thead><tr><th>Input</th><th className="num">Base</th><th className="num">{scenario.name}</th><th /></tr></thead>
        <tbody>
          {rows.length === 0 ? <tr><td colSpan={4} className="muted">No overrides: this scenario equals the base. Add an input below.</td></tr> : null}
          {rows.map((r) => {
            const spec = specFor(base, r.key);
            const problem = problemAt(r.key);
            if (r.key === BASE_COHORTS_KEY) return <BaseOverrideRow key={r.key} base={base} value={r.value as BaseCohort[]} scenarioName={scenario.name} problem={problem} onChange={(v) => setValue(r.key, v)} />;
            return (
              <tr key={r.key}>
                <td>{spec?.label ?? r.label}{overriddenEverywhere(base, rootKey(r.key)) ? <span className="cell-note" data-key={`scenarios.nothing.${r.key}`}> (every segment overrides it: this changes nothing)</span> : null}</td>
                <td className="num muted">{spec ? formatInput(spec.kind, r.base, cur) : String(r.base ?? '—')}</td>
                <td className="num">
                  {spec?.kind === 'enum' ? (
                    <ChoiceOverride focus={added === r.key} dataKey={`scenarios.override.${r.key}`} label={`${r.label} in ${scenario.name}`} options={spec.options ?? []} value={String(r.value)} onCommit={(v) => setValue(r.key, v)} problem={problem} />
                  ) : (
                    <OverrideInput focus={added === r.key} dataKey={`scenarios.override.${r.key}`} label={`${r.label} in ${scenario.name}`} text={spec ? formatInput(spec.kind, r.value, cur) : String(r.value)} edit={spec ? editText(spec.kind, r.value) : String(r.value)}
                      parse={(t) => (spec ? (spec.rampable ? parseRampable(spec, t, { currency: cur }) : parseEntry(spec, t, { currency: cur })) : { ok: false, message: 'this input is no longer in the model' })} onCommit={(v) => setValue(r.key, v)} problem={problem} />
                  )}
                </td>
                <td><button type="button" className="cell-button" aria-label={`Remove the override of ${r.label}`} onClick={() => setValue(r.key, undefined)}>×</button></td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {other.length ? <ul className="grid-problems">{other.map((p) => <li key={p.path + p.message}>{p.path}: {p.message}</li>)}</ul> : null}
      <form className="inline-form" onSubmit={(e) => { e.preventDefault(); add(); }}>
        <select aria-label="Input to override" data-key="scenarios.addKey" value={adding} onChange={(e) => setAdding(e.target.value)}>
          {keys.map((k) => <option key={k} value={k}>{k === BASE_COHORTS_KEY ? BASE_LABEL : `${specFor(base, k)?.label ?? k}${overriddenEverywhere(base, k) ? ' (changes nothing: every segment overrides it)' : ''}`}</option>)}
        </select>
        <button type="submit" className="btn btn-small" data-key="scenarios.addOverride" disabled={keys.length === 0}>Override this input</button>
      </form>
    </Section>
  );
}

const BASE_LABEL = 'Existing customers (the whole book)';

function describeBook(cohorts: readonly BaseCohort[], currency: string): string {
  if (cohorts.length === 0) return 'none: plan from zero';
  const arr = cohorts.reduce((a, k) => a + k.arr, 0);
  return `${cohorts.length} cohort${cohorts.length === 1 ? '' : 's'}, ${formatInput('money', arr, currency)} ARR`;
}

/** The whole installed base in a scenario: "without today's book", or the base's book as it is now. */
function BaseOverrideRow({ base, value, scenarioName, problem, onChange }: { base: ModelInputs; value: BaseCohort[]; scenarioName: string; problem: string; onChange: (v: BaseCohort[] | undefined) => void }) {
  const cur = base.general.currency;
  const baseBook = base.base?.cohorts ?? [];
  const choice = value.length === 0 ? 'none' : JSON.stringify(value) === JSON.stringify(baseBook) ? 'base' : 'saved';
  return (
    <tr>
      <td>{BASE_LABEL}</td>
      <td className="num muted">{describeBook(baseBook, cur)}</td>
      <td className="num">
        <select aria-label={`${BASE_LABEL} in ${scenarioName}`} data-key={`scenarios.override.${BASE_COHORTS_KEY}`} value={choice}
          onChange={(e) => onChange(e.target.value === 'none' ? [] : e.target.value === 'base' ? baseBook.map((k) => ({ ...k })) : value)}>
          <option value="none">Without today’s book</option>
          <option value="base">Today’s book as on Assumptions</option>
          {choice === 'saved' ? <option value="saved">{describeBook(value, cur)} (saved with the scenario)</option> : null}
        </select>
        {problem ? <span className="cell-problem">{problem}</span> : null}
      </td>
      <td><button type="button" className="cell-button" aria-label={`Remove the override of ${BASE_LABEL}`} onClick={() => onChange(undefined)}>×</button></td>
    </tr>
  );
}

/** A choice (closing pattern, lane anchor) overridden by picking its words from a list, as on the Assumptions sheet. */
/** Focus the element once when `focus` turns true (the override just added). */
function useFocusWhen<T extends HTMLElement>(focus: boolean) {
  const ref = useRef<T>(null);
  useEffect(() => { if (focus) ref.current?.focus(); }, [focus]);
  return ref;
}

function ChoiceOverride({ focus, dataKey, label, options, value, onCommit, problem }: {
  focus: boolean; dataKey: string; label: string; options: readonly string[]; value: string; problem: string; onCommit: (v: OverrideValue) => void;
}) {
  const ref = useFocusWhen<HTMLSelectElement>(focus);
  return (
    <span className="override-cell">
      <select ref={ref} className={`cell-input-box ${problem ? 'is-invalid' : ''}`} data-key={dataKey} aria-label={label} aria-invalid={problem ? true : undefined}
        value={value} onChange={(e) => onCommit(e.target.value)}>
        {options.includes(value) ? null : <option value={value}>{value}</option>}
        {options.map((o) => <option key={o} value={o}>{optionLabel(o)}</option>)}
      </select>
      {problem ? <span className="cell-problem">{problem}</span> : null}
    </span>
  );
}

function OverrideInput({ focus, dataKey, label, text, edit, parse, onCommit, problem }: {
  focus: boolean; dataKey: string; label: string; text: string; edit: string; problem: string;
  parse: (t: string) => { ok: true; value: OverrideValue } | { ok: false; message: string }; onCommit: (v: OverrideValue) => void;
}) {
  const ref = useFocusWhen<HTMLInputElement>(focus);
  const [draft, setDraft] = useState<string | null>(null);
  const [parseProblem, setParseProblem] = useState<string | null>(null);
  const commit = () => {
    if (draft === null) return;
    const r = parse(draft);
    if (!r.ok) { setParseProblem(r.message); return; }
    setParseProblem(null);
    setDraft(null);
    onCommit(r.value);
  };
  const shownProblem = parseProblem ?? (problem || null);
  return (
    <span className="override-cell">
      {/* focus selects the value, so typing replaces it as in a spreadsheet cell */}
      <input ref={ref} onFocus={(e) => e.currentTarget.select()} className={`cell-input-box ${shownProblem ? 'is-invalid' : ''}`} data-key={dataKey} aria-label={label} aria-invalid={shownProblem ? true : undefined}
        value={draft ?? text} title={`Type a new value, e.g. ${edit}`} onChange={(e) => setDraft(e.target.value)} onBlur={() => { commit(); setDraft(null); }}
        onKeyDown={(e) => { if (e.key === 'Enter') commit(); if (e.key === 'Escape') { setDraft(null); setParseProblem(null); } }} />
      {shownProblem ? <span className="cell-problem">{shownProblem}</span> : null}
    </span>
  );
}
