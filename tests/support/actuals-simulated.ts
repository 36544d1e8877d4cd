// A billing history simulated from known inputs (issue #14's calibration test):
// customers on annual terms arrive month by month; at each anniversary each
// renews with probability `renewal`; a renewing customer either downgrades
// (probability `downgradeShare`, losing `downgradeBy` of ARR) or grows by
// `growth`. All adopters, no lanes, no changes between renewals. The known
// contraction rate is downgradeShare × downgradeBy of renewing ARR and the
// known growth (1 − downgradeShare) × growth.
import { monthName, rng } from './actuals-files';

export interface Simulation {
  customers: number;
  months: number;
  renewal: number;
  downgradeShare: number;
  downgradeBy: number;
  growth: number;
  seed: number;
}

export const SIMULATION: Simulation = { customers: 20_000, months: 48, renewal: 0.85, downgradeShare: 0.15, downgradeBy: 0.2, growth: 0.07, seed: 14 };

export const knownContraction = (s: Simulation) => s.downgradeShare * s.downgradeBy;
export const knownGrowth = (s: Simulation) => (1 - s.downgradeShare) * s.growth;

/** The history as an mrr CSV, one row per customer per billed month (customers in order). */
export function simulateCsv(s: Simulation = SIMULATION): string {
  const r = rng(s.seed);
  const base = 2022 * 12;
  const out: string[] = ['customer,month,mrr'];
  for (let c = 0; c < s.customers; c++) {
    // Arrivals spread over the file (none in its first month, so every start is seen).
    const start = 1 + Math.floor(r() * (s.months - 1));
    let mrr = Math.round((300 + r() * 4000) * 100) / 100;
    for (let t = start; t < s.months; t++) {
      const age = t - start;
      if (age > 0 && age % 12 === 0) {
        if (r() >= s.renewal) break;
        mrr = Math.round(mrr * (r() < s.downgradeShare ? 1 - s.downgradeBy : 1 + s.growth) * 100) / 100;
      }
      out.push(`K${c},${monthName(base + t)},${mrr.toFixed(2)}`);
    }
  }
  return out.join('\n') + '\n';
}
