import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AllCommunityModule, ModuleRegistry } from 'ag-grid-community';
import { App } from './App';
import { installBoardReportHooks } from './sheets/board-report/app-hooks';
import './styles.css';

// AG Grid 33+: features are modules; Community's full set, no Enterprise.
ModuleRegistry.registerModules([AllCommunityModule]);
// The menu's Export Board Report as PDF works before the tab was ever opened.
installBoardReportHooks();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
