// The Board Report sheet: the printable page plus a toolbar that is not printed,
// saying how many A4 pages the PDF will be and, in the browser, how to get one.
import { useCallback, useRef } from 'react';
import { platform } from '../../platform/choose-platform';
import { BoardReportView } from './BoardReportView';
import { exportBoardPdf } from './export-pdf';
import { usePrintedPages } from './printed-pages';

export function BoardReportSheet() {
  const bar = useRef<HTMLDivElement>(null);
  const pages = usePrintedPages(useCallback(() => bar.current?.closest<HTMLElement>('.board-sheet') ?? null, []));
  const browser = platform().kind === 'browser';
  const pageText = pages === null ? 'A4 portrait' : pages === 1 ? 'One A4 page' : `${pages} A4 pages: what does not fit the first page (the scenario comparison, more lanes) starts the next whole`;
  return (
    <BoardReportView toolbar={
        <div ref={bar} className="board-toolbar no-print">
          <button type="button" className="btn btn-primary" onClick={() => void exportBoardPdf()} data-key="board.exportPdf"
            title={browser ? 'Opens the print dialog: choose “Save as PDF” as the destination' : undefined}>Export PDF…</button>
          <span className="section-note">
            <span data-key="board.pages">{pageText}.</span>
            {browser ? <> <strong data-key="board.printHint">In the print dialog, choose “Save as PDF” as the destination.</strong></> : null}
            {' '}The saved workbook&apos;s Board Report sheet carries the same charts as images (for the base case) beside live formulas.
          </span>
        </div>
      } />
  );
}
