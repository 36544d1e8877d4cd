// Run once at app start (registry.ts loads every sheet folder's startup.ts
// eagerly, while the sheets themselves load when their tab is first opened):
// what a save writes for the board report and scenarios, and the menu's Export
// Board Report as PDF, must work before anyone opens the Board Report tab.
// The heavy parts (ECharts, the page) are imported only when used.
import { sensitivityExtras, setSaveExtrasProvider } from '../../files/save-extras';
import { platform } from '../../platform/choose-platform';

if (typeof window !== 'undefined' && typeof document !== 'undefined') {
  setSaveExtrasProvider(async ({ inputs, scenarios, sensitivity }) => {
    const [{ buildWorkbookExtras }, { canvasRasterize }] = await Promise.all([
      import('../../../../shared/report/workbook-extras'),
      import('./canvas-rasterize'),
    ]);
    return { ...(await buildWorkbookExtras(inputs, scenarios, canvasRasterize, sensitivityExtras(sensitivity))) };
  });
  platform().onMenuCommand((command) => {
    if (command === 'file/exportPdf') void import('./export-pdf').then((m) => m.exportBoardPdf());
  });
}
