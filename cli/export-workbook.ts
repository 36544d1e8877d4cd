// `bowtie export`: the workbook the app would save, written next to its target
// first and renamed over it, so a failed export never leaves a torn file.
import { rename, rm, writeFile } from 'node:fs/promises';
import type { ModelInputs } from '../shared/index';

export async function exportWorkbook(inputs: ModelInputs, target: string): Promise<{ ok: true } | { ok: false; error: string }> {
  void inputs;
  void target;
  void rename; void rm; void writeFile;
  // Wired by the workbook issue (#3): until then export says so and exits 2.
  return { ok: false, error: 'workbook export is not available yet (issue #3)' };
}
