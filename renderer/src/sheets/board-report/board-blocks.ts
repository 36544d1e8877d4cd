// Blocks the board page shows after its charts, in order, each its own module (a
// feature adds one line here). A block renders nothing when it has nothing to say:
// plan against actual when plan and actuals overlap (issue 20), the range of
// outcomes when the document has ranges (issue 21), the expansion
// engine once accounts or a pipeline are imported (issue 25).
import type { ComponentType } from 'react';
import { PlanActualBlock } from './PlanActualBlock';
import { RangeOfOutcomesBlock } from './RangeOfOutcomesBlock';
import { ExpansionEngineBlock } from './ExpansionEngineBlock';

export const BOARD_BLOCKS: readonly { id: string; component: ComponentType }[] = [
  { id: 'plan-against-actual', component: PlanActualBlock },
  { id: 'range-of-outcomes', component: RangeOfOutcomesBlock },
  { id: 'expansion-engine', component: ExpansionEngineBlock },
];
