import type { SheetDefinition } from '../registry';
import { SensitivitySheet } from './SensitivitySheet';

const sheet: SheetDefinition = { id: 'sensitivity', title: 'Sensitivity', component: SensitivitySheet };
export default sheet;
