// The board report, the scenario comparison and their workbook pieces (issue 6).
export * from './format';
export * from './benchmarks';
export * from './board';
export * from './charts';
export * from './comparison';
export * from './render-svg';
export * from './workbook-extras';
export * from './tornado-chart';
export * from './bowtie';
export * from './labels';
export * from './verdicts';
export * from './text-width';
