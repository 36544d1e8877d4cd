// Blocks the board page shows after its charts when they have something to say,
// each its own component (a feature adds one line here): plan against actual
// when the plan and the imported actuals overlap (issue 20).
import type { ComponentType } from 'react';
import { PlanActualBlock } from './PlanActualBlock';

export const BOARD_BLOCKS: readonly { id: string; component: ComponentType }[] = [
  { id: 'plan-against-actual', component: PlanActualBlock },
];
