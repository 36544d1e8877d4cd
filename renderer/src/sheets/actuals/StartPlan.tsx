// Start the plan from these actuals (issue 14 §4): the customers billing in the
// last month, grouped by the start of their current run, become the installed
// base (Assumptions → Existing customers) and month 0 becomes the month after
// the last actual. One undo step; the table shows what is (or was) written.
import type { BaseSeed } from '@shared/actuals/index';
import { count, moneyExact } from '@shared/index';
import { actualsStore, useActuals } from '../../actuals/actuals-store';
import { startPlanFromActuals } from '../../actuals/import-actuals';
import { Section } from '../../components/Section';
import { documentStore, useDocument } from '../../store/document-store';
import { setStatus } from '../../store/ui-store';

async function startPlan(seed: BaseSeed): Promise<void> {
  const done = await startPlanFromActuals();
  if (done !== 'done') { setStatus(done === 'stale' ? 'The plan changed meanwhile; nothing was written. Try again.' : 'Import the export again to start the plan from it.'); return; }
  actualsStore.setState({ seeded: seed });
  setStatus(`Wrote ${seed.cohorts.length} cohorts of existing customers (${count(seed.customers)} customers, ${moneyExact(seed.arr, documentStore.getState().inputs.general.currency)} ARR); month 0 is now ${seed.startMonth}. Undo takes it back in one step.`);
}

export function StartPlan({ seed }: { seed: BaseSeed | null }) {
  const currency = useDocument((s) => s.inputs.general.currency);
  const startMonth = useDocument((s) => s.inputs.general.startMonth);
  const base = useDocument((s) => s.inputs.base);
  const seeded = useActuals((s) => s.seeded);
  if (!seed) {
    return (
      <Section title="Start the plan from these actuals">
        <p className="actuals-note">Needs the rows of the export: import it again to write today's book into the plan.</p>
      </Section>
    );
  }
  // Written and still in place (undo takes it out: the base is no longer the seed's).
  const written = seeded === seed && startMonth === seed.startMonth && base.cohorts.length === seed.cohorts.length && base.cohorts.every((c, i) => c.name === seed.cohorts[i]!.name && c.customers === seed.cohorts[i]!.customers);
  return (
    <Section
      title="Start the plan from these actuals"
      note={`the ${count(seed.customers)} customers billing in the last month, by the start of their current run; month 0 = ${seed.startMonth}`}
      actions={<button type="button" className="btn btn-primary" data-key="actuals.seed" onClick={() => void startPlan(seed)} disabled={written}>{written ? 'Written to the plan' : 'Start the plan from these actuals'}</button>}
    >
      <p className="actuals-note" data-testid="seed-summary">
        {written
          ? `Written: ${seed.cohorts.length} cohorts on Assumptions → Existing customers, replacing any there before, and the first month set to ${seed.startMonth}. Undo (Ctrl+Z) takes both back.`
          : `Writes ${seed.cohorts.length} cohorts (${moneyExact(seed.arr, currency)} ARR) to Assumptions → Existing customers, replacing any there, and sets the first month to ${seed.startMonth}${startMonth === seed.startMonth ? '' : ` (now ${startMonth})`}. One undo step. The adopter share is left blank: billing data cannot tell adopters apart, so the share the journey implies applies.`}
      </p>
      <div className="actuals-seed-table-wrap">
        <table className="actuals-table" aria-label="Cohorts written to the plan">
          <thead><tr><th>Cohort</th><th>Customers</th><th>ARR in the last month</th><th>Age at month 0</th></tr></thead>
          <tbody>
            {seed.cohorts.map((c) => (
              <tr key={c.name}><td>{c.name}</td><td className="num">{count(c.customers)}</td><td className="num">{moneyExact(c.arr, currency)}</td><td className="num">{c.ageMonths} months</td></tr>
            ))}
          </tbody>
        </table>
      </div>
      {seed.notes.length ? <ul className="actuals-limits">{seed.notes.map((n) => <li key={n}>{n}</li>)}</ul> : null}
    </Section>
  );
}
