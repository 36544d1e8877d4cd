// Board Report → PDF. The page's print CSS hides everything but the board page,
// so the browser's print and Electron's printToPDF give the same single A4 page.
// When another sheet is open, the page is rendered off-screen first, so the PDF
// is always the board report (the menu's Export can come from any sheet).
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { platform } from '../../platform/choose-platform';
import { suggestedFileName } from '../../platform/save-name';
import { documentStore } from '../../store/document-store';
import { setStatus, showDialog } from '../../store/ui-store';
import { BoardReportView } from './BoardReportView';

const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor(check: () => boolean, timeoutMs = 15_000): Promise<boolean> {
  const t0 = performance.now();
  while (!check()) {
    if (performance.now() - t0 > timeoutMs) return false;
    await settle(50);
  }
  return true;
}

export async function exportBoardPdf(): Promise<void> {
  const { fileName, inputs } = documentStore.getState();
  const name = suggestedFileName(fileName, inputs.general.name, '');
  const onScreen = document.querySelector('#sheet-panel .board-page');
  let cleanup = () => {};
  if (!onScreen) {
    const host = document.createElement('div');
    host.id = 'board-print-root';
    document.body.appendChild(host);
    document.body.classList.add('print-board-portal');
    const root = createRoot(host);
    root.render(createElement(BoardReportView));
    cleanup = () => { root.unmount(); host.remove(); document.body.classList.remove('print-board-portal'); };
    const ready = await waitFor(() => host.querySelector('.board-sheet[data-state="ready"] .board-page svg') !== null);
    // Its charts arrive drawn (SVG from the analysis worker): in the page with the figures.
    if (!ready) { cleanup(); showDialog({ title: 'Could not export the PDF', intro: 'The board report did not finish computing.', lines: [] }); return; }
  }
  try {
    const r = await platform().exportPdf(`${name} board report`);
    if (!r.ok) showDialog({ title: 'Could not export the PDF', intro: r.error, lines: [] });
    else if (r.value) setStatus(`Exported ${r.value.path}`);
  } finally {
    cleanup();
  }
}
