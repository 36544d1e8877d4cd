// The Board Report sheet: the printable page plus a toolbar that is not printed.
import { BoardReportView } from './BoardReportView';
import { exportBoardPdf } from './export-pdf';

export function BoardReportSheet() {
  return (
    <BoardReportView toolbar={
      <div className="board-toolbar no-print">
        <button type="button" className="btn btn-primary" onClick={() => void exportBoardPdf()} data-key="board.exportPdf">Export PDF…</button>
        <span className="section-note">One A4 page. The saved workbook's Board Report sheet carries the same charts as images (for the base case) beside live formulas.</span>
      </div>
    } />
  );
}
