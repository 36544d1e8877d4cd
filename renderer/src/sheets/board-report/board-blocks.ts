// Blocks other sheets add to the board report, in order, each its own module
// (issue 25's Expansion engine, and those of other issues). A block renders
// nothing when it has nothing to say.
import type { ComponentType } from 'react';
import { ExpansionEngineBlock } from './ExpansionEngineBlock';

export const BOARD_BLOCKS: readonly { id: string; component: ComponentType }[] = [
  { id: 'expansion-engine', component: ExpansionEngineBlock },
];
