// What must work before anyone opens the Board Report tab, installed by main.tsx
// at start: a save writes the board images and the scenario comparison, and the
// menu's Export Board Report as PDF works from any sheet. The heavy parts
// (ECharts, the page) are imported only when used.
import { sensitivityExtras, setSaveExtrasProvider } from '../../files/save-extras';
import { platform } from '../../platform/choose-platform';

export function installBoardReportHooks(): () => void {
  setSaveExtrasProvider(async ({ inputs, scenarios, sensitivity }) => {
    const [{ buildWorkbookExtras }, { canvasRasterize }] = await Promise.all([
      import('../../../../shared/report/index'),
      import('./canvas-rasterize'),
    ]);
    return { ...(await buildWorkbookExtras(inputs, scenarios, canvasRasterize, sensitivityExtras(sensitivity))) };
  });
  return platform().onMenuCommand((command) => {
    if (command === 'file/exportPdf') void import('./export-pdf').then((m) => m.exportBoardPdf());
  });
}
