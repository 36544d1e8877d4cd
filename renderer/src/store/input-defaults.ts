// Delete on a selection restores the selected inputs to their defaults
// (issue 11 §8): the default comes from the document (defaultValue), the text is
// what the user would type.
import { defaultValue, isSegmentOverrideKey, specFor } from '@shared/document/index';
import type { ModelInputs } from '@shared/index';
import { editText } from '../format/format';

/** The text that restores `key` to its default, as the user would type it; null when there is none. */
export function defaultText(inputs: ModelInputs, key: string): string | null {
  // A segment's own value goes back to the model's (spec §2.3): a blank entry clears the override.
  if (isSegmentOverrideKey(inputs, key)) return '';
  const value = defaultValue(inputs, key);
  if (value === undefined) return null;
  return editText(specFor(inputs, key)?.kind ?? 'text', value);
}
