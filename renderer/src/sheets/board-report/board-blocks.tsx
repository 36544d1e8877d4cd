// Blocks the board page shows after its charts when they have something to say,
// each its own component (a feature adds one line here): the range of outcomes
// when the document has ranges (issue 21).
import type { ComponentType } from 'react';
import { RangeOfOutcomesBlock } from './RangeOfOutcomesBlock';

export const BOARD_BLOCKS: readonly { id: string; component: ComponentType }[] = [
  { id: 'range-of-outcomes', component: RangeOfOutcomesBlock },
];
