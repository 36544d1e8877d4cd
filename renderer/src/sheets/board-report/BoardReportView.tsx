// The board report as the sheet shows it: computing, the active scenario's
// problems, or the page. The sheet adds its toolbar; the PDF export renders this
// off-screen when another sheet is open (so neither imports the other).
import type { ReactNode } from 'react';
import { activeScenario } from '@shared/index';
import { useDocument } from '../../store/document-store';
import { useReport, useReportWorker } from '../../store/report-store';
import { BoardPage } from './BoardPage';
import '../../analysis.css';

export function BoardReportView({ toolbar }: { toolbar?: ReactNode }) {
  useReportWorker();
  const report = useReport((s) => s.report);
  const charts = useReport((s) => s.charts);
  const comparison = useReport((s) => s.comparison);
  const problems = useReport((s) => s.problems);
  const pending = useReport((s) => s.pending);
  const scenario = useDocument((s) => activeScenario(s.scenarios));
  const horizon = useDocument((s) => s.inputs.general.horizonMonths);

  return (
    <div className="sheet board-sheet" data-state={pending || !report ? 'computing' : 'ready'}>
      {toolbar}
      {problems.length ? (
        <p className="analysis-problem" role="alert">The active scenario “{scenario?.name}” has invalid inputs: {problems.map((p) => `${p.path}: ${p.message}`).join('; ')}</p>
      ) : report ? (
        <BoardPage report={report} charts={charts} comparison={comparison} scenarioName={scenario?.name ?? null} horizonMonths={horizon} />
      ) : (
        <p aria-busy="true">Computing the board report…</p>
      )}
    </div>
  );
}
