// The Pipeline sheet (issue 25.3): a CRM export of expansion opportunities
// through the mapping step, which also maps the CRM's own stage names onto
// seed 003's five plus Closed Lost; then per quarter of the plan and per lane:
// plan expansion, won, open, weighted, coverage with its verdict and the gap,
// and coverage by quarter against the 2.5–3.5× band.
import { useEffect, useMemo, useState } from 'react';
import { STAGES, type PipelineJson } from '@shared/accounts/screen';
import { moneyExact, ratio, type SheetChartRequest } from '@shared/report/index';
import { MappingStep } from '../../mapping/MappingStep';
import { ValueMap, suggestValues, unmappedValues, type ValueChoice } from '../../mapping/ValueMap';
import { PIPELINE_FIELDS } from '../../accounts/fields';
import { cancelMapping, confirmMapping, pickTableFile, refreshPipeline, useAccounts, type Mapping } from '../../accounts/accounts-store';
import { useDocument } from '../../store/document-store';
import { SheetChart } from '../../charts/SheetChart';
import type { ColumnChoice } from '../../mapping/mapping-model';
import '../../accounts/accounts.css';

/** Common CRM names for seed 003's stages (a suggestion; the user sees and changes it). */
const KNOWN_STAGES: Record<string, string> = {
  prospecting: 'Signal Detected', discovery: 'Signal Detected', lead: 'Signal Detected', qualification: 'Opportunity Qualified', qualified: 'Opportunity Qualified',
  'needs analysis': 'Opportunity Qualified', proposal: 'Solution Presented', 'proposal/price quote': 'Solution Presented', demo: 'Solution Presented',
  negotiation: 'Committed', 'negotiation/review': 'Committed', commit: 'Committed', won: 'Closed Won', 'closed won': 'Closed Won', lost: 'Closed Lost', 'closed lost': 'Closed Lost',
};

export function PipelineSheet() {
  const data = useAccounts((s) => s.pipeline);
  const mapping = useAccounts((s) => (s.mapping?.kind === 'pipeline' ? s.mapping : null));
  const refused = useAccounts((s) => (s.refused?.kind === 'pipeline' ? s.refused.text : null));
  const inputs = useDocument((s) => s.inputs);
  useEffect(() => { void refreshPipeline(inputs); }, [inputs]);
  const currency = inputs.general.currency;
  const laneName = (id: string) => inputs.lanes.find((l) => l.id === id)?.name ?? id;
  return (
    <div className="sheet accounts-sheet" data-testid="pipeline-sheet">
      <div className="accounts-bar">
        <button type="button" className="btn btn-primary" onClick={() => void pickTableFile('pipeline')} disabled={mapping?.busy}>{data ? 'Import pipeline again…' : 'Import pipeline…'}</button>
        <span className="accounts-hint">A CRM export of expansion opportunities, .csv or .xlsx: account, amount (ARR), stage, close date, and optionally the lane.</span>
      </div>
      {refused ? <p className="accounts-refused" role="alert">{refused}</p> : null}
      {mapping ? <PipelineMapping mapping={mapping} /> : null}
      {data ? (
        <>
          <p className="accounts-source" data-testid="pipeline-source">{data.name}: {data.rows.toLocaleString('en-US')} opportunities{data.figures.outsidePlan ? `, ${data.figures.outsidePlan.toLocaleString('en-US')} closing outside the plan's months (left out)` : ''}{data.sha256 ? `, SHA-256 ${data.sha256.slice(0, 12)}…` : ''}</p>
          <CoverageTable figures={data.figures} currency={currency} laneName={laneName} />
          <CoverageChart figures={data.figures} />
        </>
      ) : (!mapping ? <p className="placeholder">No pipeline yet. Import a CRM export to see whether it covers the plan's expansion, quarter by quarter.</p> : null)}
    </div>
  );
}

function PipelineMapping({ mapping }: { mapping: Mapping }) {
  const [stages, setStages] = useState<ValueChoice>({});
  const valuesOf = (choice: ColumnChoice) => {
    const i = choice.stage == null ? -1 : mapping.peek.header.indexOf(choice.stage);
    return i < 0 ? null : mapping.peek.distinct[i] ?? null;
  };
  const mapOf = (choice: ColumnChoice): ValueChoice => {
    const values = valuesOf(choice) ?? [];
    const suggested = suggestValues(values, STAGES, KNOWN_STAGES);
    return Object.fromEntries(values.map(({ value }) => [value, stages[value] !== undefined ? stages[value]! : suggested[value] ?? null]));
  };
  return (
    <MappingStep
      key={mapping.source.name + mapping.peek.totalRows}
      title={`Map the columns of ${mapping.source.name}`}
      headers={mapping.peek.header}
      rows={mapping.peek.rows}
      totalRows={mapping.peek.totalRows}
      fields={PIPELINE_FIELDS}
      errors={mapping.errors}
      busy={mapping.busy}
      confirmLabel={`Import ${mapping.peek.totalRows.toLocaleString('en-US')} opportunities`}
      check={(choice) => {
        const values = valuesOf(choice);
        if (choice.stage == null) return [];
        if (values === null) return [{ field: 'stage', message: `Stage: the column ${JSON.stringify(choice.stage)} has more than 40 different values; is it the stage?` }];
        const left = unmappedValues(values, mapOf(choice)).filter((v) => v !== '');
        return left.length ? [{ field: 'stage', message: `Stage: map ${left.map((v) => JSON.stringify(v)).join(', ')} onto a stage` }] : [];
      }}
      onConfirm={(c) => void confirmMapping(c, mapOf(c))}
      onCancel={cancelMapping}
    >
      {(choice) => {
        const values = valuesOf(choice);
        if (!values) return null;
        return <ValueMap label="Stages: your CRM's names onto seed 003's" values={values.filter((v) => v.value !== '')} targets={STAGES} map={mapOf(choice)} onChange={(m) => setStages({ ...stages, ...m })} />;
      }}
    </MappingStep>
  );
}

const verdictClass = (v: string) => (v === 'covered' || v === 'plan met' ? 'good' : v === 'under-covered' ? 'bad' : 'warn');

function CoverageTable({ figures, currency, laneName }: { figures: PipelineJson; currency: string; laneName: (id: string) => string }) {
  const m = (x: number) => moneyExact(x, currency);
  return (
    <table className="pipeline-table" aria-label="Coverage by quarter">
      <thead><tr><th scope="col">Quarter</th><th scope="col">Lane</th><th scope="col">Plan expansion</th><th scope="col">Won</th><th scope="col">Open</th><th scope="col">Weighted</th><th scope="col">Coverage</th><th scope="col">Verdict</th><th scope="col">Gap</th></tr></thead>
      <tbody>
        {figures.periods.flatMap((p) => [
          <tr key={p.from} className="pipeline-period">
            <th scope="row">{p.from} to {p.to}</th><td>all lanes</td><td>{m(p.plan)}</td><td>{m(p.won)}</td><td>{m(p.open)}</td><td>{m(p.weighted)}</td>
            <td>{p.coverage === null ? '—' : ratio(p.coverage)}</td><td className={`pipeline-${verdictClass(p.verdict)}`}>{p.verdict}</td><td>{m(p.gap)}</td>
          </tr>,
          ...p.lanes.map((l) => (
            <tr key={p.from + l.lane} className="pipeline-lane">
              <th scope="row" className="accounts-muted">{p.from}</th><td>{laneName(l.lane)}</td><td>{m(l.plan)}</td><td>{m(l.won)}</td><td>{m(l.open)}</td><td>{m(l.weighted)}</td>
              <td>{l.coverage === null ? '—' : ratio(l.coverage)}</td><td className={`pipeline-${verdictClass(l.verdict)}`}>{l.verdict}</td><td>{m(l.gap)}</td>
            </tr>
          )),
        ])}
      </tbody>
    </table>
  );
}

function CoverageChart({ figures }: { figures: PipelineJson }) {
  const request = useMemo((): SheetChartRequest => ({ chart: 'coverage', args: { periods: figures.periods.map((p) => ({ from: p.from, coverage: p.coverage })) } }), [figures]);
  const under = figures.periods.filter((p) => p.verdict === 'under-covered').length;
  return (
    <section className="accounts-chart pipeline-chart" aria-label="Coverage by quarter against the band">
      <SheetChart request={request} height={240} label={`Coverage by quarter against the 2.5–3.5× band: ${under} of ${figures.periods.length} quarters under-covered`} />
    </section>
  );
}
