import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AllCommunityModule, ModuleRegistry } from 'ag-grid-community';
import { App } from './App';
import { warmSaveWorker } from './files/save-extras';
import { chooseWorkbookReader } from './platform/choose-reader';
import { installBoardReportHooks } from './sheets/board-report/app-hooks';
import { warmUpAfterFirstFigures } from './warm-up';
import './styles.css';

// AG Grid 33+: features are modules; Community's full set, no Enterprise.
ModuleRegistry.registerModules([AllCommunityModule]);
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
