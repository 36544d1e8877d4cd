// The Accounts and Pipeline imports (issue 25, spec §12), run in the analysis
// worker: the file read once to show the mapping step, then read again with
// the header the user mapped, by the core's own readers. Problems name the
// file's own line and column; nothing is half-imported (the page replaces its
// accounts only with a whole answer).
import { computeExact, type ModelInputs } from '@shared/index';
import { accountColumns, pipelineCoverage, pipelineJson, readAccounts, readPipeline, type StageMap } from '@shared/accounts/index';
import { peekTable, readTableFile, tableAsCsv, type TableProblem } from '@shared/actuals/index';
import type { AccountsImport, PeekReply, PipelineImport, TableSource } from './core-calls';

const SHOWN_PROBLEMS = 50;

async function sha256(bytes: Uint8Array): Promise<string | null> {
  if (!globalThis.crypto?.subtle) return null;
  const d = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as BufferSource));
  return [...d].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export async function peekTableFile(source: TableSource): Promise<PeekReply> {
  const read = await readTableFile(source.name, source.bytes);
  if (!read.ok) return { ok: false, error: read.error };
  if (read.table.rows.length === 0) return { ok: false, error: 'the file has a header but no rows' };
  return { ok: true, peek: peekTable(read.table) };
}

/** The file with its header renamed to the chosen fields, or why it cannot be read. */
async function mapped(source: TableSource, header: string[]) {
  const read = await readTableFile(source.name, source.bytes);
  if (!read.ok) return { error: read.error } as const;
  if (read.problems.length) return { problems: read.problems } as const;
  if (header.length !== read.table.header.length) return { error: 'the file changed since its columns were mapped; import it again' } as const;
  return { text: tableAsCsv(read.table, header), rows: read.table.rows.length, sha: await sha256(source.bytes) } as const;
}

/** Problems by the file's own column names (`columnNames`: field id → the file's header). */
function refused(problems: readonly TableProblem[], columnNames: Readonly<Record<string, string>>) {
  const sorted = [...problems].sort((a, b) => a.line - b.line);
  return {
    ok: false as const, kind: 'invalid' as const, problemCount: sorted.length,
    lines: sorted.slice(0, SHOWN_PROBLEMS).map((p) => {
      const own = columnNames[p.column] ?? Object.entries(columnNames).find(([k]) => k.toLowerCase() === p.column.toLowerCase())?.[1] ?? p.column;
      return `line ${p.line}, column ${own}: ${p.message}`;
    }),
  };
}

export async function importAccountsFile({ source, header, columnNames, inputs }: { source: TableSource; header: string[]; columnNames: Record<string, string>; inputs: ModelInputs }): Promise<AccountsImport> {
  const t0 = performance.now();
  const m = await mapped(source, header);
  if ('error' in m) return { ok: false, kind: 'unreadable', error: m.error! };
  if ('problems' in m) return refused(m.problems!, columnNames);
  const read = readAccounts(m.text, inputs);
  if (!read.ok) return read.kind === 'invalid' ? refused(read.problems, columnNames) : { ok: false, kind: 'unreadable', error: read.error };
  return { ok: true, columns: accountColumns(read.rows, inputs), notes: read.notes, rows: m.rows, sha256: m.sha, ms: performance.now() - t0 };
}

export async function importPipelineFile({ source, header, columnNames, stages, inputs, periodMonths }: { source: TableSource; header: string[]; columnNames: Record<string, string>; stages: StageMap; inputs: ModelInputs; periodMonths: number }): Promise<PipelineImport> {
  const t0 = performance.now();
  const m = await mapped(source, header);
  if ('error' in m) return { ok: false, kind: 'unreadable', error: m.error! };
  if ('problems' in m) return refused(m.problems!, columnNames);
  const read = readPipeline(m.text, inputs, stages);
  if (!read.ok) return read.kind === 'invalid' ? refused(read.problems, columnNames) : { ok: false, kind: 'unreadable', error: read.error };
  const figures = pipelineJson(pipelineCoverage(read.opportunities, inputs, computeExact(inputs), periodMonths), inputs);
  return { ok: true, figures, rows: m.rows, sha256: m.sha, ms: performance.now() - t0 };
}
