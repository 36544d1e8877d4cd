// Registers the Board Report sheet, and the two things it adds app-wide: what a
// save writes for the board report and scenarios (images, comparison, extras), and
// the menu's Export Board Report as PDF.
import { buildWorkbookExtras } from '../../../../shared/report/workbook-extras';
import { setSaveExtrasProvider } from '../../files/save-extras';
import { platform } from '../../platform/choose-platform';
import type { SheetDefinition } from '../registry';
import { BoardReportSheet } from './BoardReportSheet';
import { canvasRasterize } from './canvas-rasterize';
import { exportBoardPdf } from './export-pdf';

if (typeof window !== 'undefined' && typeof document !== 'undefined') {
  setSaveExtrasProvider(async ({ inputs, scenarios }) => ({ ...(await buildWorkbookExtras(inputs, scenarios, canvasRasterize)) }));
  platform().onMenuCommand((command) => { if (command === 'file/exportPdf') void exportBoardPdf(); });
}

const sheet: SheetDefinition = { id: 'board-report', title: 'Board Report', component: BoardReportSheet };
export default sheet;
