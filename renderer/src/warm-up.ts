// After the first figures are on screen and the page is idle: fetch the code of the
// sheets that load on first opening, and compute the board report once, so that
// opening the Board Report, Scenarios or Sensitivity tab does not wait for a
// download, a worker start or a first computation. Nothing here runs before the
// first figures: start-up stays as fast as it was.
import { SHEETS } from './sheets/registry';
import { warmReport } from './store/report-store';
import { modelStore } from './store/model-store';

export function warmUpAfterFirstFigures(): void {
  const run = () => {
    requestIdleCallback(() => {
      for (const s of SHEETS) void s.preload?.().catch(() => { /* the tab shows the error when opened */ });
      warmReport();
    }, { timeout: 3_000 });
  };
  if (modelStore.getState().result) { run(); return; }
  const stop = modelStore.subscribe((s) => {
    if (!s.result) return;
    stop();
    run();
  });
}
