// One name per figure, used by the app, the board page, the charts and the
// workbook, so a reader never sees two figures under one name (or one figure
// under two). "Adopted and renewed" and "Renewed, all customers" are different
// figures: the first counts adopters who renew, the second everyone closed.
import type { LaneAnchor } from '../model/inputs';

export const FIGURE_LABELS = {
  onboarded: 'Onboarded',
  firstValue: 'Reached first value',
  adopted: 'Adopted',
  /** adopters who renew at the first renewal, as a share of everyone closed */
  adoptedAndRenewed: 'Adopted and renewed',
  /** full-journey logo retention: everyone closed who renews at the first renewal, adopters or not */
  renewedAllCustomers: 'Renewed, all customers',
  /** renewal-decision retention: the renewal rate of adopters */
  renewalRateOfAdopters: 'Renewal rate of adopters',
  closedWon: 'Closed-won',
} as const;

/** What each label means, in one line (tooltips, notes, the workbook's "how" column). */
export const FIGURE_NOTES = {
  adoptedAndRenewed: 'adopters who renew, as a share of everyone closed',
  renewedAllCustomers: 'everyone closed who renews at the first renewal, adopters or not',
  renewalRateOfAdopters: 'share of adopters who renew when their contract is up',
} as const;

/** A lane's anchor in plain words: "4–6 months after onboarding". */
export const ANCHOR_WORDS: Record<LaneAnchor, string> = {
  close: 'close',
  onboarding: 'onboarding',
  firstValue: 'first value',
  adoption: 'adoption',
  renewal: 'the first renewal',
};


/** The closing pattern of new logos in plain words. */
export const TIMING_WORDS: Record<string, string> = {
  yearStart: 'all in the first month of the year',
  even: 'evenly, one twelfth each month',
};

/**
 * What one NRR point is 1% of (spec §6), named from the year the core took it
 * from (`valueOfNrrPointYear`): today's book in year 1 when there is a base with
 * ARR, else the customers at the start of year 2.
 */
export function nrrPointBasis(year: number | null): string | null {
  if (year === 1) return 'year-1 opening ARR (today’s book)';
  if (year === 2) return 'year-2 opening ARR';
  return null;
}
