// The installed base's cells (spec §2.2) as a finance lead types them: the age of
// a cohort or the month it closed, a blank adopter share for the one the journey
// implies, and rows that appear when a block is pasted past the last cohort.
// Pure, unit-tested in tests/renderer/store/plan-inputs.test.ts.
import type { BaseCohort, ModelInputs } from '../model/inputs';
import { parseEntry, type Entry } from './entry';
import { parseBaseKey } from './keys';
import { DOCUMENT_LIMITS } from './limits';

export const cohortsOf = (inputs: ModelInputs): BaseCohort[] => inputs.base?.cohorts ?? [];

/** The row "+ Add cohort" appends: no customers, so no figure moves until it is filled in. */
export function blankCohort(position: number): BaseCohort {
  return { name: `Cohort ${position}`, customers: 0, arr: 0, ageMonths: 12, adopterShare: null };
}

export function withCohorts(inputs: ModelInputs, cohorts: BaseCohort[]): ModelInputs {
  return { ...inputs, base: { ...(inputs.base ?? {}), cohorts } };
}

/** Entering a cell of the row just past the last cohort (a pasted block) adds cohorts up to it. */
export function growBaseFor(inputs: ModelInputs, key: string, text: string): ModelInputs {
  const at = parseBaseKey(key);
  const cohorts = cohortsOf(inputs);
  if (!at || at.index < cohorts.length || at.index >= DOCUMENT_LIMITS.baseCohorts || text.trim() === '') return inputs;
  const grown = [...cohorts];
  while (grown.length <= at.index) grown.push(blankCohort(grown.length + 1));
  return withCohorts(inputs, grown);
}

/** One field of one cohort replaced (an absent adopter share can be set too). */
export function setCohortField(inputs: ModelInputs, index: number, field: keyof BaseCohort, value: unknown): ModelInputs {
  const cohorts = [...cohortsOf(inputs)];
  cohorts[index] = { ...cohorts[index]!, [field]: value };
  return withCohorts(inputs, cohorts);
}

const monthIndex = (ym: string): number => {
  const [y, m] = ym.split('-').map(Number);
  return y! * 12 + (m! - 1);
};

/** Looks like a month (2025-03, 2025/3, 03/2025) rather than a number of months. */
const looksLikeMonth = (text: string): boolean => /^\s*(\d{4}[-/.]\d{1,2}|\d{1,2}[-/.]\d{4})\s*$/.test(text);

/**
 * What a base cell's text means, where it differs from the input's kind: an age
 * typed as the month the cohort closed becomes the months before the first month;
 * a blank adopter share is the implied one (null). Other cells: undefined.
 */
export function parseBaseEntry(inputs: ModelInputs, key: string, text: string): Entry | { ok: true; value: null } | undefined {
  const at = parseBaseKey(key);
  if (!at) return undefined;
  if (at.field === 'adopterShare' && text.trim() === '') return { ok: true, value: null };
  if (at.field === 'ageMonths' && looksLikeMonth(text)) {
    const closed = parseEntry({ kind: 'yearMonth' }, text);
    if (!closed.ok) return closed;
    const start = inputs.general.startMonth;
    const age = monthIndex(start) - monthIndex(String(closed.value));
    if (age < 1) return { ok: false, message: `closed in ${closed.value}, which is not before the first month of the model (${start}); an existing customer closed before month 0` };
    return { ok: true, value: age };
  }
  return undefined;
}

/** The month a cohort of this age closed, YYYY-MM, for the "Closed" column. */
export function closedMonth(startMonth: string, ageMonths: number): string | null {
  if (!/^\d{4}-\d{2}$/.test(startMonth) || !Number.isInteger(ageMonths)) return null;
  const i = monthIndex(startMonth) - ageMonths;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}
