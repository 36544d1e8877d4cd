// The Accounts and Pipeline sheets' imports (issue 25): pick a file, read its
// header and first rows in the analysis worker, show the mapping step, then
// import with the chosen columns. A refused file leaves what was imported
// before as it was (nothing half-imported); its problems stay in the mapping
// step, by the file's own line and column.
import { createStore, useStore } from 'zustand';
import { parseStageMap, type AccountColumns, type PipelineJson, type StageMap } from '@shared/accounts/screen';
import type { TablePeek } from '@shared/actuals/index';
import { TABLE_FILE_LIMITS } from '@shared/actuals/limits';
import type { ModelInputs } from '@shared/index';
import { headerAsFields, type ColumnChoice } from '../mapping/mapping-model';
import type { ValueChoice } from '../mapping/ValueMap';
import { platform } from '../platform/choose-platform';
import { documentStore } from '../store/document-store';
import { setStatus } from '../store/ui-store';
import type { TableSource } from '../workers/core-calls';
import { CallFailed } from '../workers/core-client';
import { analysisClient } from '../workers/worker-clients';

export type TableKind = 'accounts' | 'pipeline';
export interface SourceInfo { name: string; rows: number; sha256: string | null }
export interface AccountsData extends SourceInfo { columns: AccountColumns; notes: string[]; ms: number }
export interface PipelineData extends SourceInfo { figures: PipelineJson; ms: number; source: TableSource; header: string[]; columnNames: Record<string, string>; stages: StageMap; forInputs: ModelInputs }
export interface Mapping { kind: TableKind; source: TableSource; peek: TablePeek; errors: string[]; busy: boolean }

interface State {
  accounts: AccountsData | null;
  pipeline: PipelineData | null;
  mapping: Mapping | null;
  /** why a picked file could not be shown at all (before the mapping step) */
  refused: { kind: TableKind; text: string } | null;
}

export const accountsStore = createStore<State>(() => ({ accounts: null, pipeline: null, mapping: null, refused: null }));
export const useAccounts = <T,>(pick: (s: State) => T): T => useStore(accountsStore, pick);

const failText = (e: unknown) => (e instanceof CallFailed && e.reason === 'timeout' ? `reading the file took longer than ${TABLE_FILE_LIMITS.timeoutMs / 1000} s, so it was stopped` : e instanceof Error ? e.message : String(e));

/** The file's header and first rows for the mapping step. */
export async function openTableFile(kind: TableKind, name: string, bytes: Uint8Array): Promise<void> {
  accountsStore.setState({ refused: null });
  if (!/\.(csv|txt|xlsx)$/i.test(name)) { accountsStore.setState({ refused: { kind, text: `${name}: Bowtie imports ${kind} files saved as .csv or .xlsx (the first sheet).` } }); return; }
  if (bytes.byteLength > TABLE_FILE_LIMITS.bytes) { accountsStore.setState({ refused: { kind, text: `${name} is ${Math.round(bytes.byteLength / 1048576)} MB; Bowtie reads ${kind} files up to ${TABLE_FILE_LIMITS.bytes / 1048576} MB.` } }); return; }
  const source = { name, bytes };
  try {
    const r = await analysisClient().call('peekTable', source, { timeoutMs: TABLE_FILE_LIMITS.timeoutMs });
    if (!r.ok) { accountsStore.setState({ refused: { kind, text: `${name} could not be read: ${r.error}. Nothing was imported.` } }); return; }
    accountsStore.setState({ mapping: { kind, source, peek: r.peek, errors: [], busy: false } });
  } catch (e) {
    accountsStore.setState({ refused: { kind, text: `${name} could not be read: ${failText(e)}. Nothing was imported.` } });
  }
}

export async function pickTableFile(kind: TableKind): Promise<void> {
  const picked = await platform().openActualsFile();
  if (!picked.ok) { accountsStore.setState({ refused: { kind, text: picked.error } }); return; }
  if (!picked.value) return;
  const { name, bytes, file } = picked.value;
  await openTableFile(kind, name, file ? new Uint8Array(await file.arrayBuffer()) : bytes);
}

export const cancelMapping = () => accountsStore.setState({ mapping: null });

const columnNamesOf = (choice: ColumnChoice) => Object.fromEntries(Object.entries(choice).filter((e): e is [string, string] => e[1] !== null));

/** The import with the chosen columns (and, for a pipeline, stage names); true when imported. */
export async function confirmMapping(choice: ColumnChoice, stageChoice: ValueChoice = {}): Promise<boolean> {
  const m = accountsStore.getState().mapping;
  if (!m || m.busy) return false;
  accountsStore.setState({ mapping: { ...m, busy: true, errors: [] } });
  const inputs = documentStore.getState().inputs;
  const header = headerAsFields(m.peek.header, choice);
  const columnNames = columnNamesOf(choice);
  const stillMapping = () => accountsStore.getState().mapping?.source === m.source;
  const refuse = (errors: string[]) => { if (stillMapping()) accountsStore.setState({ mapping: { ...m, busy: false, errors } }); setStatus(`Nothing imported from ${m.source.name}`); return false; };
  try {
    if (m.kind === 'accounts') {
      const r = await analysisClient().call('importAccounts', { source: m.source, header, columnNames, inputs }, { timeoutMs: TABLE_FILE_LIMITS.timeoutMs });
      if (!stillMapping()) return false;
      if (!r.ok) return refuse(r.kind === 'invalid' ? [`Nothing was imported: ${r.problemCount.toLocaleString('en-US')} ${r.problemCount === 1 ? 'problem' : 'problems'}.`, ...r.lines] : [`Nothing was imported: ${r.error}`]);
      accountsStore.setState({ accounts: { name: m.source.name, rows: r.rows, sha256: r.sha256, columns: r.columns, notes: r.notes, ms: r.ms }, mapping: null });
      setStatus(`Imported ${m.source.name}: ${r.rows.toLocaleString('en-US')} accounts`);
      return true;
    }
    const parsed = parseStageMap(Object.fromEntries(Object.entries(stageChoice).filter((e): e is [string, string] => !!e[1])));
    if (!parsed.ok) return refuse(parsed.problems);
    const r = await analysisClient().call('importPipeline', { source: m.source, header, columnNames, inputs, stages: parsed.map, periodMonths: 3 }, { timeoutMs: TABLE_FILE_LIMITS.timeoutMs });
    if (!stillMapping()) return false;
    if (!r.ok) return refuse(r.kind === 'invalid' ? [`Nothing was imported: ${r.problemCount.toLocaleString('en-US')} ${r.problemCount === 1 ? 'problem' : 'problems'}.`, ...r.lines] : [`Nothing was imported: ${r.error}`]);
    accountsStore.setState({ pipeline: { name: m.source.name, rows: r.rows, sha256: r.sha256, figures: r.figures, ms: r.ms, source: m.source, header, columnNames, stages: parsed.map, forInputs: inputs }, mapping: null });
    setStatus(`Imported ${m.source.name}: ${r.rows.toLocaleString('en-US')} opportunities`);
    return true;
  } catch (e) {
    return refuse([`Nothing was imported: ${failText(e)}`]);
  }
}

/** The pipeline's coverage again for a changed plan (the same file and mapping). */
export async function refreshPipeline(inputs: ModelInputs): Promise<void> {
  const p = accountsStore.getState().pipeline;
  if (!p || p.forInputs === inputs) return;
  const r = await analysisClient().call('importPipeline', { source: p.source, header: p.header, columnNames: p.columnNames, inputs, stages: p.stages, periodMonths: 3 });
  if (r.ok && accountsStore.getState().pipeline === p) accountsStore.setState({ pipeline: { ...p, figures: r.figures, forInputs: inputs } });
}
