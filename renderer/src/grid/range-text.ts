// A ranged cell's range as the user would type it again: 80%..85%..90%, 50000..90000.
import type { InputKind } from '@shared/index';
import { rangeText, type RangeEntry } from '@shared/document/index';
import { editText } from '../format/format';

export const cellRangeText = (kind: InputKind, range: RangeEntry): string => rangeText(range, (x) => editText(kind, x));
