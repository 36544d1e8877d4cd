// The board report, the scenario comparison and their workbook pieces (issue 6).
// Drawing charts to SVG (ECharts) is the separate entry point draw.ts.
export * from './format';
export * from './benchmarks';
export * from './board';
export * from './board-segments';
export * from './charts';
export * from './actuals-charts';
export * from './comparison';
export * from './workbook-extras';
export * from './tornado-chart';
export * from './bowtie';
export * from './labels';
export * from './verdicts';
export * from './text-width';
export * from './range-outcomes';
export * from './expansion-engine';
export { boardVariance, nothingToCompare, planActualChart, varianceTone, LOWER_IS_BETTER, PLAN_ACTUAL_GRID, TONE_COLOUR, VARIANCE_LABELS, type BoardVarianceLine, type VarianceMonthNumbers, type VarianceTotalsNumbers, type VarianceTone } from './plan-actual';
export { sheetChartOption, type SheetChartRequest, type SheetCharts } from './sheet-charts';
