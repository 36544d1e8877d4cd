// The cells a sheet grid can hold. Sheets describe rows of these; SheetGrid
// renders them with AG Grid, so inputs, labels and computed figures look and
// behave the same on every sheet (including sheets other engineers register).
import type { FigureFormat, ModelInputs } from '@shared/index';

export type GridCell =
  /**
   * an editable input, by canonical key; `placeholder` is shown in grey while the
   * input is blank (an adopter share the journey implies), read from the live inputs
   */
  | { type: 'input'; key: string; placeholder?: (inputs: ModelInputs) => string | null }
  /** a choice from a short list (a lane's lever); '' is "none" */
  | { type: 'select'; ariaLabel: string; dataKey: string; value: (inputs: ModelInputs) => string; options: readonly { value: string; label: string }[]; onChange: (value: string) => void }
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
