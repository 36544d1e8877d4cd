// Messages to the workbook worker, which reads and writes .xlsx through the
// workbook module (shared/workbook/index.ts) off the main thread.
import type { ModelInputs } from '../../../shared/index';

export interface WorkbookProblem {
  where: string;
  path: string;
  message: string;
}

export type ReadOutcome =
  | { ok: true; inputs: ModelInputs; extras: unknown; notes: string[] }
  | { ok: false; kind: 'invalid'; problems: WorkbookProblem[] }
  | { ok: false; kind: 'unreadable'; error: string };

export type WorkbookRequest =
  | { op: 'read'; bytes: Uint8Array }
  | { op: 'write'; inputs: ModelInputs; appVersion: string; more: Record<string, unknown> };

export type WorkbookResponse =
  | { op: 'read'; outcome: ReadOutcome }
  | { op: 'write'; ok: true; bytes: Uint8Array }
  | { op: 'write'; ok: false; error: string };

/** The slice of shared/workbook/index.ts the workspace uses. */
export interface WorkbookApi {
  writeWorkbook(doc: { inputs: ModelInputs; appVersion: string } & Record<string, unknown>): Promise<Uint8Array>;
  readWorkbook(bytes: Uint8Array): Promise<
    | { ok: true; inputs: ModelInputs; extras: unknown; notes: unknown[] }
    | { ok: false; kind: 'invalid'; problems: WorkbookProblem[] }
    | { ok: false; kind: 'unreadable'; error: unknown }>;
}
