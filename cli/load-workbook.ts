// Placeholder until the workbook reader lands (issue #3): reading .xlsx is refused.
export type WorkbookReadStub =
  | { ok: true; inputs: import('../shared/index').ModelInputs; extras: Record<string, unknown>; notes: string[] }
  | { ok: false; kind: 'invalid'; problems: { where: string; path: string; message: string }[] }
  | { ok: false; kind: 'unreadable'; error: string };

export async function loadWorkbookFile(path: string): Promise<WorkbookReadStub> {
  void path;
  return { ok: false, kind: 'unreadable', error: 'reading workbooks is not available yet (issue #3)' };
}
