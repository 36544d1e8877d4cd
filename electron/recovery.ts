// While the document is dirty the renderer sends a copy every 60 s; it lives
// in the app's data folder until the document is saved, discarded or closed
// cleanly. If the app dies instead, the copy is still there at the next start
// and is offered back.
//
// Crash safety: each copy goes to a new file, then `recovery.json` is
// atomically replaced to point at it, then older copies are removed. A crash
// at any moment leaves the metadata pointing at a complete copy (old or new).
import nodeFs from 'node:fs/promises';
import path from 'node:path';
import type { RecoveryCopy, Result } from '@shared/desktop-api';
import { isCode, realFs, writeFileAtomic, type AtomicFs } from '../node/atomic-write';
import { describeFileError } from './file-errors';
import { workbookPathProblem } from './ipc-schemas';

const META = 'recovery.json';
const COPY = /^recovery-\d+\.xlsx$/;

// Version 2: the document path was checked against the user's grants when
// written (ipc-handlers.ts). A version 1 copy (before that check) is still
// offered, but as a new document: its path is dropped, never granted.
interface Meta {
  version: 2;
  file: string;
  path: string | null;
  savedAt: string;
  size: number;
}

export interface RecoveryDeps {
  folder: string;
  fs?: AtomicFs;
  now?: () => Date;
  log?: (message: string, error?: unknown) => void;
}

export function createRecoveryStore(deps: RecoveryDeps) {
  const fs = deps.fs ?? realFs;
  const now = deps.now ?? (() => new Date());
  const log = deps.log ?? (() => undefined);
  const metaFile = path.join(deps.folder, META);
  let sequence = 0;

  async function write(copy: { path: string | null; bytes: Uint8Array }): Promise<Result<null>> {
    const at = now();
    const file = `recovery-${at.getTime()}${String(sequence++ % 1000).padStart(3, '0')}.xlsx`;
    const dataFile = path.join(deps.folder, file);
    try {
      await nodeFs.mkdir(deps.folder, { recursive: true });
      // 0600: a copy of the user's model in the app's own folder is nobody else's business.
      await writeFileAtomic(dataFile, copy.bytes, { fs, newFileMode: 0o600 });
      const meta: Meta = { version: 2, file, path: copy.path, savedAt: at.toISOString(), size: copy.bytes.byteLength };
      await writeFileAtomic(metaFile, new TextEncoder().encode(JSON.stringify(meta)), { fs, newFileMode: 0o600 });
    } catch (error) {
      log('recovery copy failed', error);
      await fs.rm(dataFile, { force: true }).catch(() => undefined);
      return { ok: false, error: `The recovery copy could not be written. ${describeFileError(error, 'save', dataFile)}` };
    }
    await removeCopies((name) => name !== file);
    return { ok: true, value: null };
  }

  async function take(): Promise<Result<RecoveryCopy | null>> {
    let meta: Meta | null;
    try {
      meta = parseMeta(await nodeFs.readFile(metaFile, 'utf8'));
    } catch (error) {
      if (!isCode(error, 'ENOENT')) log('recovery metadata unreadable', error);
      return { ok: true, value: null };
    }
    if (meta === null) {
      log('recovery metadata malformed; discarding the copy');
      await clear();
      return { ok: true, value: null };
    }
    try {
      const bytes = await nodeFs.readFile(path.join(deps.folder, meta.file));
      if (bytes.byteLength !== meta.size) {
        log(`recovery copy is ${bytes.byteLength} bytes, metadata says ${meta.size}; discarding it`);
        await clear();
        return { ok: true, value: null };
      }
      return { ok: true, value: { path: meta.path, savedAt: meta.savedAt, bytes: new Uint8Array(bytes) } };
    } catch (error) {
      log('recovery copy unreadable', error);
      return { ok: true, value: null };
    }
  }

  async function clear(): Promise<Result<null>> {
    try {
      await fs.rm(metaFile, { force: true });
      await removeCopies(() => true);
      return { ok: true, value: null };
    } catch (error) {
      log('clearing recovery copy failed', error);
      return { ok: false, error: 'The recovery copy could not be removed.' };
    }
  }

  async function removeCopies(which: (name: string) => boolean): Promise<void> {
    let names: string[];
    try {
      names = await nodeFs.readdir(deps.folder);
    } catch {
      return;
    }
    for (const name of names) {
      if (COPY.test(name) && which(name)) await fs.rm(path.join(deps.folder, name), { force: true }).catch(() => undefined);
    }
  }

  return { write, take, clear };
}

export type RecoveryStore = ReturnType<typeof createRecoveryStore>;

function parseMeta(text: string): Meta | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (v.version !== 1 && v.version !== 2) return null;
  // The file name comes from disk: accept only our own pattern, never a path.
  if (typeof v.file !== 'string' || !COPY.test(v.file)) return null;
  if (!(v.path === null || typeof v.path === 'string')) return null;
  if (typeof v.path === 'string' && workbookPathProblem(v.path) !== null) return null;
  if (typeof v.savedAt !== 'string' || Number.isNaN(Date.parse(v.savedAt))) return null;
  if (typeof v.size !== 'number' || !Number.isInteger(v.size) || v.size < 0) return null;
  return { version: 2, file: v.file, path: v.version === 2 ? v.path : null, savedAt: v.savedAt, size: v.size };
}
