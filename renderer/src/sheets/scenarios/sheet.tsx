import type { SheetDefinition } from '../registry';
import { ScenariosSheet } from './ScenariosSheet';

const sheet: SheetDefinition = { id: 'scenarios', title: 'Scenarios', component: ScenariosSheet };
export default sheet;
