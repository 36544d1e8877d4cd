// What a file dropped on the window does (issue 14): a .csv is imported as
// actuals from any sheet (and the Actuals sheet is shown); an .xlsx is imported
// as actuals on the Actuals sheet and opens as a model everywhere else.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const calls = vi.hoisted(() => ({ imported: [] as string[], opened: [] as string[] }));
vi.mock('../../../renderer/src/actuals/import-actuals', () => ({
  importActuals: async (name: string) => { calls.imported.push(name); return true; },
}));
vi.mock('../../../renderer/src/files/file-actions', () => ({
  openBytes: async (name: string) => { calls.opened.push(name); return true; },
}));

const { openDropped } = await import('../../../renderer/src/files/drop-open');
const { uiStore, showSheet } = await import('../../../renderer/src/store/ui-store');

const file = (name: string) => new File(['x'], name);

describe('a dropped file', () => {
  beforeEach(() => { calls.imported.length = 0; calls.opened.length = 0; uiStore.setState({ dialog: null }); });

  it('a .csv is imported as actuals from any sheet, and the Actuals sheet is shown', async () => {
    showSheet('assumptions');
    await openDropped([file('billing.csv')]);
    expect(calls.imported).toEqual(['billing.csv']);
    expect(uiStore.getState().activeSheet).toBe('actuals');
  });

  it('an .xlsx opens as a model, except on the Actuals sheet, where it is imported as actuals', async () => {
    showSheet('bridge');
    await openDropped([file('plan.xlsx')]);
    expect(calls.opened).toEqual(['plan.xlsx']);
    expect(calls.imported).toEqual([]);
    showSheet('actuals');
    await openDropped([file('export.xlsx')]);
    expect(calls.imported).toEqual(['export.xlsx']);
    expect(calls.opened).toEqual(['plan.xlsx']);
  });

  it('anything else is neither: a message, nothing opened or imported', async () => {
    showSheet('actuals');
    await openDropped([file('notes.txt')]);
    expect(calls.imported).toEqual([]);
    expect(calls.opened).toEqual([]);
    expect(uiStore.getState().dialog?.intro).toContain('imports billing exports (.csv)');
  });
});
