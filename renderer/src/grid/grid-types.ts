// The cells a sheet grid can hold. Sheets describe rows of these; SheetGrid
// renders them with AG Grid, so inputs, labels and computed figures look and
// behave the same on every sheet (including sheets other engineers register).
import type { FigureFormat } from '../../../shared/index';

export type GridCell =
  /** an editable input, by canonical key */
  | { type: 'input'; key: string }
  /** a computed figure: read-only, formatted; `figureKey` becomes its data-key */
  | { type: 'value'; value: number | string | null; format: FigureFormat; figureKey?: string; label?: string }
  | { type: 'label'; text: string; help?: string }
  /** the message of a rejected entry for `key`, else `text` (units, help) */
  | { type: 'note'; key: string; text?: string }
  /** a small action in the row (remove a lane) */
  | { type: 'button'; text: string; ariaLabel: string; onClick: () => void; disabled?: boolean };

export interface GridRow {
  id: string;
  cells: Record<string, GridCell>;
  /** totals are bold with a rule above, sections are shaded */
  style?: 'total' | 'section' | 'subtle';
}

export interface GridColumn {
  id: string;
  header: string;
  width?: number;
  minWidth?: number;
  flex?: number;
  align?: 'left' | 'right';
  pinned?: 'left';
  headerTooltip?: string;
  /** long text (messages, notes) wraps and the row grows, so it is read without hovering */
  wrap?: boolean;
}
