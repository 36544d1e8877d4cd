// The workbook's sheets, in tab order. ──── REGISTRATION POINT ────
//
// Sensitivity, Scenarios and Board Report are built by another engineer in
// their reserved folders, without editing the workspace's components:
//
//   renderer/src/sheets/sensitivity/sheet.tsx
//   renderer/src/sheets/scenarios/sheet.tsx
//   renderer/src/sheets/board-report/sheet.tsx
//
// Each exports `default` a SheetDefinition whose `id` is its reserved id. The
// files are picked up by import.meta.glob below and loaded when their tab is
// first opened (a sheet that fails to load shows its error in its own tab, not
// a blank workspace); until one exists its tab shows a placeholder. Sheets read the document with useDocument (store/document-store)
// and the computed model with useModel (workers/model-store), and may reuse
// SheetGrid and the formatters. See docs/workspace.md.
import { lazy, type ComponentType } from 'react';

export interface SheetDefinition {
  /** stable id: used in the tab's data-sheet attribute and for ordering */
  id: string;
  title: string;
  component: ComponentType;
  /** lower comes first; the built-in sheets use 10–50, reserved ones 60–80 */
  order?: number;
}

export interface SheetEntry {
  id: string;
  title: string;
  order: number;
  /** null: reserved but not registered yet (placeholder tab) */
  component: ComponentType | null;
}

export const RESERVED_SHEETS: readonly { id: string; title: string; order: number }[] = [
  { id: 'sensitivity', title: 'Sensitivity', order: 60 },
  { id: 'scenarios', title: 'Scenarios', order: 70 },
  { id: 'board-report', title: 'Board Report', order: 80 },
];

const registered = import.meta.glob<{ default: SheetDefinition }>('./*/sheet.tsx');
// A sheet folder may also have a startup.ts, run at app start: hooks that must work
// before its tab is opened (the board report's save extras and PDF export).
import.meta.glob('./*/startup.ts', { eager: true });

/** The sheets found in folders, loaded on first use; titled from the reserved list. */
function discovered(): SheetDefinition[] {
  return Object.entries(registered).map(([path, load]) => {
    const id = path.split('/')[1]!;
    const reserved = RESERVED_SHEETS.find((r) => r.id === id);
    return {
      id,
      title: reserved?.title ?? id.replace(/(^|-)(\w)/g, (_, sep: string, c: string) => (sep ? ' ' : '') + c.toUpperCase()),
      order: reserved?.order ?? 90,
      component: lazy(async () => ({ default: (await load()).default.component })),
    };
  });
}

/** Combine built-in sheets, registered ones and placeholders for the reserved ids. */
export function buildSheetList(builtIn: readonly SheetDefinition[], extra: readonly SheetDefinition[] = discovered()): SheetEntry[] {
  const byId = new Map<string, SheetEntry>();
  for (const r of RESERVED_SHEETS) byId.set(r.id, { ...r, component: null });
  builtIn.forEach((s, i) => byId.set(s.id, { id: s.id, title: s.title, order: s.order ?? 10 * (i + 1), component: s.component }));
  for (const s of extra) {
    const reserved = byId.get(s.id);
    byId.set(s.id, { id: s.id, title: s.title, order: s.order ?? reserved?.order ?? 90, component: s.component });
  }
  return [...byId.values()].sort((a, b) => a.order - b.order);
}
