// The Board Report sheet (its app-wide hooks, save extras and PDF export, are in startup.ts).
import type { SheetDefinition } from '../registry';
import { BoardReportSheet } from './BoardReportSheet';

const sheet: SheetDefinition = { id: 'board-report', title: 'Board Report', component: BoardReportSheet };
export default sheet;
