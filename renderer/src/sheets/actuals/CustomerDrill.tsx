// The customer drill-down (issue 20): any customer of the import opens to show
// its lines of the export beside its monthly MRR, and why each month is what
// it is ("Why does Acme churn in March?"). Computed in the worker holding the
// book (shapes/explain.ts), from the same file and mapping as the import.
import { useEffect, useState } from 'react';
import type { CustomerDrill as Drill } from '@shared/actuals/index';
import { customerDrill, findCustomers } from '../../actuals/import-actuals';
import { Section } from '../../components/Section';

const CHANGE_WORDS = { new: 'New', reactivation: 'Reactivation', expansion: 'Expansion', contraction: 'Contraction', churn: 'Churn', same: '' } as const;

export function CustomerDrill({ available }: { available: boolean }) {
  const [query, setQuery] = useState('');
  const [matches, setMatches] = useState<string[]>([]);
  const [drill, setDrill] = useState<Drill | null>(null);
  const [note, setNote] = useState<string | null>(null);
  useEffect(() => {
    if (!available) return;
    let live = true;
    void findCustomers(query).then((m) => { if (live) setMatches(m); }).catch(() => undefined);
    return () => { live = false; };
  }, [query, available]);

  const open = async (id: string) => {
    setNote(null);
    const d = await customerDrill(id).catch(() => null);
    setDrill(d);
    if (!d) setNote(`${id}: no lines of this customer could be read again from the file.`);
  };

  if (!available) {
    return (
      <Section title="Customer drill-down">
        <p className="actuals-note">Needs the rows of the export: import it again to open a customer's lines and months.</p>
      </Section>
    );
  }
  return (
    <Section title="Customer drill-down" note="a customer's lines beside its monthly MRR, and why each month is what it is">
      <div className="actuals-drill-find">
        <label>Customer <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="type part of an id" aria-label="Find a customer" /></label>
        <span className="actuals-drill-matches" role="list" aria-label="Matching customers">
          {matches.map((m) => <button key={m} type="button" role="listitem" className={`btn btn-chip${drill?.customer === m ? ' is-on' : ''}`} onClick={() => void open(m)}>{m}</button>)}
          {matches.length === 0 ? <span className="actuals-note">No customer id contains “{query}”.</span> : null}
        </span>
      </div>
      {note ? <p className="actuals-note" role="status">{note}</p> : null}
      {drill ? (
        <div className="actuals-drill" data-testid="customer-drill" data-customer={drill.customer}>
          <div className="actuals-drill-months">
            <h3 className="actuals-subhead">{drill.customer}: monthly MRR ({drill.currency})</h3>
            <table className="actuals-table" aria-label={`Monthly MRR of ${drill.customer}`}>
              <thead><tr><th>Month</th><th>MRR</th><th>Change</th><th>Why</th></tr></thead>
              <tbody>
                {drill.months.map((m) => (
                  <tr key={m.month} data-month={m.month} className={m.change === 'churn' ? 'is-churn' : undefined}>
                    <td>{m.month}</td><td className="num">{Number(m.mrr).toLocaleString('en-US', { minimumFractionDigits: 2 })}</td>
                    <td>{CHANGE_WORDS[m.change]}</td><td className="actuals-because">{m.why}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="actuals-drill-lines">
            <h3 className="actuals-subhead">Its lines in the export ({drill.lines.length + drill.moreLines})</h3>
            <table className="actuals-table" aria-label={`Lines of ${drill.customer}`}>
              <thead><tr><th>Line</th><th>In the file</th><th>What it did</th></tr></thead>
              <tbody>
                {drill.lines.map((l) => (
                  <tr key={l.line} data-line={l.line} className={l.used ? undefined : 'is-left-out'}>
                    <td className="num">{l.line}</td>
                    <td className="actuals-drill-cells">{l.cells.filter(([f]) => f !== 'customer').map(([f, h, v]) => <span key={f} title={`${f} ← ${h}`}>{h}: <b>{v}</b></span>)}</td>
                    <td>{l.effect}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {drill.moreLines ? <p className="actuals-note">and {drill.moreLines.toLocaleString('en-US')} more lines (the months above count them all).</p> : null}
          </div>
        </div>
      ) : null}
    </Section>
  );
}
