// Data quality of the imported export: rows, customers, months, gaps, merged
// duplicate rows, blank lines and rows refused. After a reopen only the saved
// summary is known (source, rows, months), and the panel says so.
import type { LeftOut } from '@shared/actuals/index';
import type { ActualsSheet } from '@shared/workbook/index';
import type { LiveActuals } from '../../actuals/actuals-store';
import { changeMapping } from '../../actuals/import-actuals';

const count = (n: number) => n.toLocaleString('en-US');

function Item({ label, value, testId, warn }: { label: string; value: string; testId: string; warn?: boolean }) {
  return (
    <div className={`actuals-quality-item${warn ? ' actuals-warn' : ''}`}>
      <dt>{label}</dt>
      <dd data-testid={testId}>{value}</dd>
    </div>
  );
}

const SHAPE_WORDS = { long: 'one row per customer and month', wide: 'a month-by-customer table', lines: 'invoice line items', subscriptions: 'a subscription list' } as const;
/** The reasons a line is left out, in the panel's order (issue 20). */
const LEFT_OUT: readonly [LeftOut, string][] = [
  ['oneTime', 'One-time charges'], ['tax', 'Tax lines'], ['void', 'Void, draft or unpaid'], ['usage', 'Usage (metered)'],
  ['noPeriod', 'No service period'], ['afterLastMonth', 'Outside the last month'], ['refunded', 'Refunded in full'],
];
/** Warnings listed; the count says how many more. */
const SHOWN_WARNINGS = 12;

/** Reconciliation of a billing export in its own shape: every line used or left out by reason, and each warning. */
function Reconciliation({ billing }: { billing: NonNullable<LiveActuals['billing']> }) {
  const { report, mapping } = billing;
  const leftOut = LEFT_OUT.reduce((n, [k]) => n + report.leftOut[k], 0);
  return (
    <div className="actuals-reconcile" data-testid="reconciliation">
      <p className="actuals-source">
        Read as {SHAPE_WORDS[mapping.shape]} ({Object.entries(mapping.fields).map(([f, h]) => `${f} ← ${h}`).join(', ')}){billing.savedMapping ? ', by the mapping saved in this workbook' : ''}.{' '}
        <button type="button" className="btn btn-link" onClick={() => void changeMapping()}>Change the mapping…</button>
      </p>
      <dl className="actuals-quality-grid">
        <Item label="Lines in the export" value={count(billing.lines)} testId="reconcile.lines" />
        <Item label="Lines used (change MRR)" value={count(report.linesUsed)} testId="reconcile.used" />
        <Item label="Lines left out" value={count(leftOut)} testId="reconcile.leftOut" />
        {LEFT_OUT.filter(([k]) => k !== 'refunded' || report.leftOut.refunded > 0).map(([k, label]) => <Item key={k} label={label} value={count(report.leftOut[k])} testId={`reconcile.${k}`} />)}
      </dl>
      {report.warnings.length ? (
        <div className="actuals-warnings" data-testid="reconcile-warnings">
          <h3 className="actuals-subhead">Warnings ({count(report.warnings.length)})</h3>
          <ul className="actuals-limits">{report.warnings.slice(0, SHOWN_WARNINGS).map((w, i) => <li key={i}>{w}</li>)}</ul>
          {report.warnings.length > SHOWN_WARNINGS ? <p className="actuals-note">and {count(report.warnings.length - SHOWN_WARNINGS)} more.</p> : null}
        </div>
      ) : <p className="actuals-note" data-testid="reconcile-warnings">No warnings: no customer-month came out below 0.</p>}
    </div>
  );
}

export function QualityPanel({ sheet, live }: { sheet: ActualsSheet; live: LiveActuals | null }) {
  const months = sheet.months.length;
  const span = `${sheet.months[0]} to ${sheet.months[months - 1]}`;
  const q = live?.quality;
  return (
    <div className="actuals-quality">
      <p className="actuals-source">
        From <strong data-testid="actuals-source">{sheet.source.fileName}</strong>
        <span className="actuals-sha" title={`SHA-256 ${sheet.source.sha256}`}> · SHA-256 {sheet.source.sha256.slice(0, 12)}…</span>
      </p>
      <dl className="actuals-quality-grid">
        <Item label={live?.billing ? 'Customer-months (from the lines)' : 'Rows'} value={count(live?.billing ? q!.rows : sheet.source.rows)} testId="quality.rows" />
        <Item label="Customers" value={q ? count(q.customers) : `${count(sheet.customers[months - 1] ?? 0)} in the last month`} testId="quality.customers" />
        <Item label="Months" value={`${months} (${span})`} testId="quality.months" />
        {q ? (
          <>
            <Item label="Months with no rows" value={q.monthsWithoutRows.length ? `${q.monthsWithoutRows.length}: ${q.monthsWithoutRows.slice(0, 6).join(', ')}${q.monthsWithoutRows.length > 6 ? '…' : ''}` : 'none'} testId="quality.monthsWithoutRows" warn={q.monthsWithoutRows.length > 0} />
            <Item label="Gaps (a customer's missing months, read as 0)" value={q.customerGaps ? `${count(q.customerGaps)} in ${count(q.customersWithGaps)} customers` : 'none'} testId="quality.gaps" />
            <Item label="Duplicate rows merged (same customer and month, added up)" value={count(q.duplicateRows)} testId="quality.duplicates" />
            <Item label="Blank lines skipped" value={count(q.blankLines)} testId="quality.blank" />
            <Item label="Rows refused" value="0" testId="quality.refused" />
            <Item label="Amounts" value={q.amountColumn === 'mrr' ? 'MRR (ARR = 12 × MRR)' : 'ARR'} testId="quality.amount" />
          </>
        ) : null}
      </dl>
      {live?.billing ? <Reconciliation billing={live.billing} /> : null}
      {!q ? <p className="actuals-note" data-testid="actuals-reimport">Opened from the saved workbook: its Actuals sheet keeps the figures, not the rows. Import {sheet.source.fileName} again for the data-quality details, to start the plan from it, or to calibrate.</p> : null}
    </div>
  );
}
