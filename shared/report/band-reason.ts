// Why year-2 NRR lands in a band below "Healthy", in one sentence with the
// figures (issue 23): the default model is a structural problem by design (seed
// 000: too few customers reach adoption, and the rest renew at a low rate), and
// a first screen that says "Structural problem" without why reads as a broken
// model. Every figure is the core's (the journey's first renewal, spec §4).
import type { ModelResult } from '../core/result';
import { percent } from './format';

/** "Structural problem (year-2 NRR 87.1%) because only 59.7% of customers reach adoption …"; null at 100% NRR or more, or without a year-2 NRR. */
export function bandReason(r: ModelResult<number>): string | null {
  const nrr = r.annual[1]?.nrr ?? null;
  if (nrr === null || nrr >= 1 || !r.nrrBand) return null;
  const j = r.journey;
  const reach = j.pathProbability.adopter;
  return `${r.nrrBand} (year-2 NRR ${percent(nrr)}) because ${reach < 0.8 ? 'only ' : ''}${percent(reach)} of customers reach adoption ` +
    `(${percent(j.adoptedAndRenewed)} adopt and renew) and non-adopters renew at ${percent(j.nonAdopterRenewalRate)}: ` +
    `${percent(j.fullJourneyRetention)} of all customers renew at the first renewal.`;
}
