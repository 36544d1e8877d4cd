import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ModuleRegistry } from 'ag-grid-community';
import { App } from './App';
import { GRID_MODULES } from './grid/grid-modules';
import { warmSaveWorker } from './files/document-bytes';
import { chooseWorkbookReader } from './platform/choose-reader';
import { installBoardReportHooks } from './sheets/board-report/app-hooks';
import { warmUpAfterFirstFigures } from './warm-up';
import './styles.css';

// AG Grid 33+: features are modules; only those the sheets use (grid-modules.ts).
ModuleRegistry.registerModules(GRID_MODULES);
// The menu's Export Board Report as PDF works before the tab was ever opened.
installBoardReportHooks();
// Workbooks are read where the host can really stop a hostile one (desktop), else in a Web Worker.
chooseWorkbookReader();
// The first save or recovery copy should not wait for its worker to load: start it once the page is idle.
requestIdleCallback(() => warmSaveWorker(), { timeout: 5_000 });
// The lazily loaded sheets and the board report: ready before their tabs are opened.
warmUpAfterFirstFigures();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
