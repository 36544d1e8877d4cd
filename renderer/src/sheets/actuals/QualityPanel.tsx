// Data quality of the imported export: rows, customers, months, gaps, merged
// duplicate rows, blank lines and rows refused. After a reopen only the saved
// summary is known (source, rows, months), and the panel says so.
import type { ActualsSheet } from '@shared/workbook/index';
import type { LiveActuals } from '../../actuals/actuals-store';

const count = (n: number) => n.toLocaleString('en-US');

function Item({ label, value, testId, warn }: { label: string; value: string; testId: string; warn?: boolean }) {
  return (
    <div className={`actuals-quality-item${warn ? ' actuals-warn' : ''}`}>
      <dt>{label}</dt>
      <dd data-testid={testId}>{value}</dd>
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
        <Item label="Rows" value={count(sheet.source.rows)} testId="quality.rows" />
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
      {!q ? <p className="actuals-note" data-testid="actuals-reimport">Opened from the saved workbook: its Actuals sheet keeps the figures, not the rows. Import {sheet.source.fileName} again for the data-quality details, to start the plan from it, or to calibrate.</p> : null}
    </div>
  );
}
