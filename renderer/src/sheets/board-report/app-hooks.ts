// What must work before anyone opens the Board Report tab, installed by main.tsx
// at start: the menu's Export Board Report as PDF works from any sheet. The page
// is imported only when used.
import { platform } from '../../platform/choose-platform';

export function installBoardReportHooks(): () => void {
  return platform().onMenuCommand((command) => {
    if (command === 'file/exportPdf') void import('./export-pdf').then((m) => m.exportBoardPdf());
  });
}
