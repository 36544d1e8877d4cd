// The Board Report sheet: the printable page plus a toolbar that is not printed.
import { activeScenario } from '../../../../shared/model/scenarios';
import { useDocument } from '../../store/document-store';
import { BoardPage } from './BoardPage';
import { exportBoardPdf } from './export-pdf';
import { useReport, useReportWorker } from './report-store';
import './analysis.css';

export function BoardReportSheet() {
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
      <div className="board-toolbar no-print">
        <button type="button" className="btn btn-primary" onClick={() => void exportBoardPdf()} data-key="board.exportPdf">Export PDF…</button>
        <span className="section-note">One A4 page. The saved workbook's Board Report sheet carries the same charts as images (for the base case) beside live formulas.</span>
      </div>
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
