// Choice inputs (closing pattern, lane anchors, levers) in the workbook (issue 12):
// a choice cell holds the plain words a reader sees in the app ("Year start",
// "First value"), never the model's identifier (`yearStart`, `firstValue`).
// Every formula that tests a choice goes through `choiceIs`, so the words live in
// one place (the catalogue's OPTION_LABELS) and the reader maps them back here.
import { optionLabel } from '../model/catalog';

/** The words a choice cell holds for an option value. */
export const choiceWord = (value: string): string => optionLabel(value);

/** A formula's string literal: quotes doubled, as Excel spells them. */
const literal = (text: string): string => `"${text.replace(/"/g, '""')}"`;

/**
 * A formula test that the choice cell (or name) `ref` holds `value`:
 * `choiceIs('acquisition_timing', 'yearStart')` → `acquisition_timing="Year start"`.
 * Excel and LibreOffice compare text ignoring case, so "year start" typed past the
 * cell's list still counts.
 */
export const choiceIs = (ref: string, value: string): string => `${ref}=${literal(choiceWord(value))}`;

/** The data-validation list of a choice cell: its options' words, comma-separated and quoted. */
export function choiceList(options: readonly string[]): string {
  return `"${options.map(choiceWord).join(',')}"`;
}

/** How a choice's options read in a sentence: "Year start or Even", "Close, Onboarding or Renewal". */
export function choiceWords(options: readonly string[]): string {
  const words = options.map(choiceWord);
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

const norm = (text: string): string => text.trim().toLowerCase().replace(/[\s_-]+/g, '');

/**
 * The option a cell's text names: its words (any case, extra spaces) or, in
 * workbooks saved before issue 12 and cells pasted past the list, the
 * identifier itself. Null when it names none of `options`.
 */
export function choiceFromText(text: string, options: readonly string[]): string | null {
  const t = norm(text);
  return options.find((o) => norm(choiceWord(o)) === t) ?? options.find((o) => norm(o) === t) ?? null;
}
