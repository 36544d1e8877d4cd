// NRR benchmarks by company stage (seed 004's table; the reader sees the words,
// not the source, see docs/board-report.md): median and
// top-quartile NRR by company stage, the stage set by ARR. The seed's fourth row
// ("Usage-Based Models") is a pricing model, not a stage by ARR, so it is not
// picked automatically. Thresholds are in US dollars as the seed writes them.

export interface NrrBenchmark {
  stage: string;
  /** ARR range of the stage, as the seed labels it */
  arrRange: string;
  /** the companies of the stage in words: "$10–100M ARR companies" */
  companies: string;
  median: { low: number; high: number };
  topQuartile: { low: number; high: number };
  /** the seed prints "130–150%+" for Scale: open-ended above */
  topQuartileOpen: boolean;
  lever: string;
}

export const NRR_BENCHMARKS: readonly (NrrBenchmark & { arrFrom: number })[] = [
  { stage: 'Early-Stage', arrRange: '< $10M ARR', companies: 'companies under $10M ARR', arrFrom: 0, median: { low: 0.95, high: 1.05 }, topQuartile: { low: 1.1, high: 1.15 }, topQuartileOpen: false, lever: 'Seat expansion and tier upgrades' },
  { stage: 'Growth', arrRange: '$10–100M ARR', companies: '$10–100M ARR companies', arrFrom: 10e6, median: { low: 1.05, high: 1.15 }, topQuartile: { low: 1.2, high: 1.3 }, topQuartileOpen: false, lever: 'Multi-product cross-sell and usage growth' },
  { stage: 'Scale', arrRange: '$100M+ ARR', companies: 'companies above $100M ARR', arrFrom: 100e6, median: { low: 1.1, high: 1.2 }, topQuartile: { low: 1.3, high: 1.5 }, topQuartileOpen: true, lever: 'Platform adoption and consumption-based pricing' },
];

/** The stage a company of this ARR is in (lower bound inclusive, like the NRR bands). */
export function benchmarkForArr(arr: number): NrrBenchmark {
  let pick = NRR_BENCHMARKS[0]!;
  for (const b of NRR_BENCHMARKS) if (arr >= b.arrFrom) pick = b;
  const { arrFrom: _unused, ...rest } = pick;
  void _unused;
  return rest;
}

export type BenchmarkPosition = 'belowMedian' | 'median' | 'aboveMedian' | 'topQuartile';

/** Where an NRR sits against its stage's benchmark. */
export function benchmarkPosition(nrr: number, b: NrrBenchmark): BenchmarkPosition {
  if (nrr >= b.topQuartile.low) return 'topQuartile';
  if (nrr > b.median.high) return 'aboveMedian';
  if (nrr >= b.median.low) return 'median';
  return 'belowMedian';
}

export const POSITION_TEXT: Record<BenchmarkPosition, string> = {
  belowMedian: 'below the median',
  median: 'within the median range',
  aboveMedian: 'above the median',
  topQuartile: 'in the top quartile',
};

const pct = (x: number) => `${Math.round(x * 100)}`;

export function benchmarkSentence(nrr: number | null, b: NrrBenchmark): string {
  const median = `${pct(b.median.low)}–${pct(b.median.high)}%`;
  const top = `${pct(b.topQuartile.low)}–${pct(b.topQuartile.high)}%${b.topQuartileOpen ? '+' : ''}`;
  const ctx = `NRR of ${b.companies}: median ${median}, top quartile ${top}`;
  if (nrr === null) return ctx;
  const where = POSITION_TEXT[benchmarkPosition(nrr, b)];
  return `${where.charAt(0).toUpperCase()}${where.slice(1)}. ${ctx}`;
}
