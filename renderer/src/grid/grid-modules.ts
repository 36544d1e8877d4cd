// The AG Grid Community features the sheets use, and no others. Each module
// adds beans to every grid it creates (AllCommunityModule's ~60 made creating a
// small table cost 100–250 ms) and code to the start-up bundle. A feature used
// without its module logs AG Grid error #200; the e2e screens test fails on it,
// and in development the ValidationModule names the module that is missing.
import {
  CellStyleModule,
  ClientSideRowModelModule,
  ColumnApiModule,
  RowApiModule,
  RowAutoHeightModule,
  RenderApiModule,
  RowStyleModule,
  ScrollApiModule,
  TextEditorModule,
  TooltipModule,
  ValidationModule,
  type Module,
} from 'ag-grid-community';

export const GRID_MODULES: Module[] = [
  ClientSideRowModelModule,
  TextEditorModule, // typing and F2 edit in place
  CellStyleModule, // cellClass: number, input, negative…
  RowStyleModule, // getRowClass: totals, subtle rows
  RowAutoHeightModule, // wrapped notes grow their row
  TooltipModule, // header tooltips
  ColumnApiModule, // range selection walks the displayed columns
  RowApiModule,
  ScrollApiModule, // keyboard navigation keeps the cell in view
  RenderApiModule, // the Accounts table redraws the rows on screen after a weight edit (refreshCells)
  ...(import.meta.env.DEV ? [ValidationModule] : []),
];
