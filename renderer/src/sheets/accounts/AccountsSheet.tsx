// The Accounts sheet (issue 25.2): import a CRM or CS-platform export through
// the mapping step, then every account's ERS ("n of 7 signals"), signal
// scores, risk flags, ready, next lane and whitespace; totals on top, filters,
// the weights beside the table (model inputs `signals.*`, each edit one undo
// step), the 20/80 whitespace chart and one account's drill-down. A weight
// edit re-scores in doubles on the page (shared/accounts/fast-score.ts).
import { useMemo, useState } from 'react';
import { defaultSignals, fastTotals, flagsOf, fromMicro, RISK_FLAG_LABELS, scoreColumns, SIGNAL_IDS, SIGNAL_LABELS, validateSignals, whitespaceCurve, type AccountColumns, type FastScores, type SignalId, type SignalSettings } from '@shared/accounts/screen';
import { money, moneyExact, percent, planVsAccounts } from '@shared/report/index';
import { MappingStep } from '../../mapping/MappingStep';
import { ACCOUNT_FIELDS } from '../../accounts/fields';
import { cancelMapping, confirmMapping, pickTableFile, useAccounts } from '../../accounts/accounts-store';
import { documentStore, useDocument } from '../../store/document-store';
import { useModel } from '../../store/model-store';
import { AccountsTable, type AccountFilter } from './AccountsTable';
import { WhitespaceChart } from './WhitespaceChart';
import '../../accounts/accounts.css';

const num = (m: bigint) => fromMicro(m).toNumber();

export function AccountsSheet() {
  const data = useAccounts((s) => s.accounts);
  const mapping = useAccounts((s) => (s.mapping?.kind === 'accounts' ? s.mapping : null));
  const refused = useAccounts((s) => (s.refused?.kind === 'accounts' ? s.refused.text : null));
  const inputs = useDocument((s) => s.inputs);
  const signals = useMemo(() => inputs.signals ?? defaultSignals(), [inputs.signals]);
  const currency = inputs.general.currency;
  const scores = useMemo(() => (data ? scoreColumns(data.columns, signals) : null), [data, signals]);
  const totals = useMemo(() => (data && scores ? fastTotals(data.columns, scores) : null), [data, scores]);
  const [filter, setFilter] = useState<AccountFilter>({ ready: false, atRisk: false, lane: '', segment: '' });
  const [open, setOpen] = useState<number | null>(null);
  const laneName = (id: string | null) => (id === null ? '—' : inputs.lanes.find((l) => l.id === id)?.name ?? id);

  return (
    <div className="sheet accounts-sheet" data-testid="accounts-sheet">
      <div className="accounts-bar">
        <button type="button" className="btn btn-primary" onClick={() => void pickTableFile('accounts')} disabled={mapping?.busy}>{data ? 'Import accounts again…' : 'Import accounts…'}</button>
        <span className="accounts-hint">A CRM or CS-platform export, .csv or .xlsx: one row per account, with its ARR and any of the seven signals. You choose which column holds what.</span>
      </div>
      {refused ? <p className="accounts-refused" role="alert">{refused}</p> : null}
      {mapping ? (
        <MappingStep
          key={mapping.source.name + mapping.peek.totalRows}
          title={`Map the columns of ${mapping.source.name}`}
          headers={mapping.peek.header}
          rows={mapping.peek.rows}
          totalRows={mapping.peek.totalRows}
          fields={ACCOUNT_FIELDS}
          errors={mapping.errors}
          busy={mapping.busy}
          confirmLabel={`Import ${mapping.peek.totalRows.toLocaleString('en-US')} accounts`}
          onConfirm={(c) => void confirmMapping(c)}
          onCancel={cancelMapping}
        />
      ) : null}
      {data && scores && totals ? (
        <>
          <p className="accounts-source" data-testid="accounts-source">{data.name}: {data.rows.toLocaleString('en-US')} accounts{data.sha256 ? `, SHA-256 ${data.sha256.slice(0, 12)}…` : ''}</p>
          {data.notes.map((n) => <p key={n} className="accounts-note" role="status">Note: {n}.</p>)}
          <dl className="accounts-totals" aria-label="Account totals">
            <div><dt>Accounts</dt><dd>{totals.accounts.toLocaleString('en-US')}</dd></div>
            <div><dt>ARR</dt><dd>{moneyExact(num(totals.arrMicro), currency)}</dd></div>
            <div><dt>Ready</dt><dd data-testid="total-ready">{totals.readyAccounts.toLocaleString('en-US')}</dd></div>
            <div><dt>Ready ARR</dt><dd>{moneyExact(num(totals.readyArrMicro), currency)}</dd></div>
            <div><dt>Ready whitespace</dt><dd data-testid="total-ready-whitespace">{moneyExact(num(totals.readyWhitespaceMicro), currency)}</dd></div>
            <div><dt>At risk</dt><dd data-testid="total-at-risk">{totals.atRiskAccounts.toLocaleString('en-US')}</dd></div>
            <div><dt>At-risk ARR</dt><dd>{moneyExact(num(totals.atRiskArrMicro), currency)}</dd></div>
            <div><dt>Whitespace</dt><dd>{moneyExact(num(totals.whitespaceMicro), currency)}</dd></div>
            <div><dt>Top 20% hold</dt><dd data-testid="total-top20">{totals.top20WhitespaceShare === null ? '—' : percent(totals.top20WhitespaceShare)}</dd></div>
          </dl>
          <PlanSentences totals={{ accounts: totals.accounts, readyAccounts: totals.readyAccounts, readyWhitespace: num(totals.readyWhitespaceMicro), atRiskAccounts: totals.atRiskAccounts, atRiskArr: num(totals.atRiskArrMicro) }} currency={currency} />
          <div className="accounts-main">
            <div className="accounts-left">
              <Filters filter={filter} setFilter={setFilter} columns={data.columns} laneName={laneName} />
              <AccountsTable columns={data.columns} scores={scores} filter={filter} laneName={laneName} currency={currency} onOpen={setOpen} />
              {open !== null && open < data.columns.count ? <DrillDown i={open} columns={data.columns} scores={scores} signals={signals} laneName={laneName} currency={currency} onClose={() => setOpen(null)} /> : null}
            </div>
            <div className="accounts-right">
              <Weights signals={signals} />
              <WhitespaceChart curve={whitespaceCurve(data.columns, totals)} top20={totals.top20WhitespaceShare} />
            </div>
          </div>
        </>
      ) : (!mapping ? <p className="placeholder">No accounts yet. Import an export to see which accounts are ready to expand and which are at risk.</p> : null)}
    </div>
  );
}

function PlanSentences({ totals, currency }: { totals: Parameters<typeof planVsAccounts>[1]; currency: string }) {
  const result = useModel((s) => s.result);
  if (!result) return null;
  const p = planVsAccounts(result.months, totals, currency);
  return (
    <section className="accounts-plan" aria-label="The plan and the accounts">
      {p.sentences.map((s) => <p key={s}>{s}</p>)}
    </section>
  );
}

function Filters({ filter, setFilter, columns, laneName }: { filter: AccountFilter; setFilter: (f: AccountFilter) => void; columns: AccountColumns; laneName: (id: string | null) => string }) {
  const lanes = columns.categoryLane.filter((l): l is string => l !== null).filter((l, i, all) => all.indexOf(l) === i);
  const segments = useDocument((s) => s.inputs.segments) ?? [];
  return (
    <div className="accounts-filters" role="group" aria-label="Filters">
      <label><input type="checkbox" checked={filter.ready} onChange={(e) => setFilter({ ...filter, ready: e.target.checked })} /> Ready only</label>
      <label><input type="checkbox" checked={filter.atRisk} onChange={(e) => setFilter({ ...filter, atRisk: e.target.checked })} /> At risk only</label>
      <label>Next lane <select value={filter.lane} onChange={(e) => setFilter({ ...filter, lane: e.target.value })}>
        <option value="">any</option>
        {lanes.map((l) => <option key={l} value={l}>{laneName(l)}</option>)}
      </select></label>
      <label>Segment <select value={filter.segment} disabled={segments.length === 0} title={segments.length === 0 ? 'The model has no segments' : undefined} onChange={(e) => setFilter({ ...filter, segment: e.target.value })}>
        <option value="">{segments.length === 0 ? 'no segments in the model' : 'any'}</option>
        {segments.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
      </select></label>
    </div>
  );
}

const WEIGHT_MAX = 1000;

function Weights({ signals }: { signals: SignalSettings }) {
  const commit = (what: string, next: SignalSettings) => {
    if (validateSignals(next).length) return false;
    documentStore.getState().dispatch({ type: 'setSignals', what, signals: next });
    return true;
  };
  const total = SIGNAL_IDS.reduce((s, id) => s + signals[id].weight, 0);
  return (
    <section className="accounts-weights" aria-label="Signal weights">
      <h3>Weights <span className="accounts-muted">(model inputs, saved with the workbook; Ctrl+Z undoes)</span></h3>
      {SIGNAL_IDS.map((id) => (
        <NumberInput key={id} label={SIGNAL_LABELS[id]} value={signals[id].weight} min={0} max={WEIGHT_MAX} suffix={total > 0 ? percent(signals[id].weight / total, 0) : ''}
          onCommit={(v) => commit(`weight of ${SIGNAL_LABELS[id].toLowerCase()} ${signals[id].weight} → ${v}`, { ...signals, [id]: { ...signals[id], weight: v } })} />
      ))}
      <NumberInput label="Ready above (ERS)" value={signals.readyAbove} min={0} max={100} onCommit={(v) => commit(`ready above ${signals.readyAbove} → ${v}`, { ...signals, readyAbove: v })} />
      <NumberInput label="At risk with flags" value={signals.riskFlags} min={1} max={5} step={1} onCommit={(v) => commit(`at risk with ${signals.riskFlags} → ${v} flags`, { ...signals, riskFlags: v })} />
    </section>
  );
}

/** A number typed in; Enter or leaving it commits a valid value, an invalid one says why and keeps the input. */
function NumberInput({ label, value, min, max, step, suffix, onCommit }: { label: string; value: number; min: number; max: number; step?: number; suffix?: string; onCommit: (v: number) => boolean }) {
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const shown = text ?? String(value);
  const commit = () => {
    if (text === null) return;
    const v = Number(text.trim());
    if (text.trim() === '' || !Number.isFinite(v) || v < min || v > max || (step === 1 && !Number.isInteger(v))) { setError(`${label}: type ${step === 1 ? 'a whole number' : 'a number'} from ${min} to ${max}`); return; }
    if (v !== value && !onCommit(v)) { setError(`${label}: at least one signal needs a weight above 0`); return; }
    setText(null); setError(null);
  };
  return (
    <div className="accounts-weight">
      <label>{label}
        <input type="text" inputMode="decimal" value={shown} aria-invalid={error ? true : undefined} onChange={(e) => setText(e.target.value)} onBlur={commit} onKeyDown={(e) => { if (e.key === 'Enter') commit(); if (e.key === 'Escape') { setText(null); setError(null); } }} />
      </label>
      {suffix ? <span className="accounts-muted">{suffix}</span> : null}
      {error ? <span className="accounts-error" role="alert">{error}</span> : null}
    </div>
  );
}

function DrillDown({ i, columns, scores, signals, laneName, currency, onClose }: { i: number; columns: AccountColumns; scores: FastScores; signals: SignalSettings; laneName: (id: string | null) => string; currency: string; onClose: () => void }) {
  const ers = scores.ers[i]!;
  const total = SIGNAL_IDS.reduce((s, id, k) => s + (Number.isNaN(scores.scores[i * 7 + k]!) ? 0 : signals[id].weight), 0);
  const valueText = (id: SignalId, v: number) => {
    if (Number.isNaN(v)) return 'not given';
    if (id === 'champion') return v === 100 ? 'promoted or new role' : 'stable, left or out of domain';
    if (id === 'seatUtilisation') return `${percent(v)} of seats active`;
    if (id === 'usageGrowth' || id === 'capacity') return `${v >= 0 ? '+' : ''}${percent(v)} on the quarter before`;
    return v.toLocaleString('en-US', { maximumFractionDigits: 2 });
  };
  const next = scores.nextLane[i]!;
  return (
    <section className="accounts-drill" aria-label={`Why ${columns.names[i]} scores ${Number.isNaN(ers) ? 'no ERS' : ers.toFixed(1)}`}>
      <h3>{columns.names[i]} <span className="accounts-muted">line {columns.lines[i]}</span> <button type="button" className="btn" onClick={onClose} aria-label="Close the account">Close</button></h3>
      <p>ERS {Number.isNaN(ers) ? '— (no signal with a weight above 0)' : ers.toFixed(1)} from {scores.signals[i]} of 7 signals; ARR {moneyExact(fromMicro(columns.arrMicro[i]!).toNumber(), currency)}, whitespace {money(fromMicro(columns.whitespaceMicro[i]!).toNumber(), currency)}; {scores.ready[i] ? `ready, next lane ${laneName(next < 0 ? null : columns.categoryLane[next]!)}` : scores.atRisk[i] ? 'at risk' : 'not ready'}.</p>
      <table className="accounts-drill-table">
        <thead><tr><th scope="col">Signal</th><th scope="col">Value</th><th scope="col">Score</th><th scope="col">Weight</th><th scope="col">Points of ERS</th></tr></thead>
        <tbody>
          {SIGNAL_IDS.map((id, k) => {
            const s = scores.scores[i * 7 + k]!;
            const w = signals[id].weight;
            return (
              <tr key={id}>
                <th scope="row">{SIGNAL_LABELS[id]}</th>
                <td>{valueText(id, columns.values[i * 7 + k]!)}</td>
                <td>{Number.isNaN(s) ? '—' : s.toFixed(1)}</td>
                <td>{w}</td>
                <td>{Number.isNaN(s) || total === 0 || w === 0 ? '—' : ((s * w) / total).toFixed(1)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p>Risk flags: {flagsOf(columns.flags[i]!).map((f) => RISK_FLAG_LABELS[f]).join(', ') || 'none'}. Owns: {columns.owns[i] ? columns.owns[i]!.split(';').map((l) => laneName(l)).join(', ') : 'no lane'}.</p>
    </section>
  );
}
