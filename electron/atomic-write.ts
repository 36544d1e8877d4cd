// Save so that a crash, a full disk or a pulled plug leaves either the old
// file or the new one, never a torn one (Actual's `atomic-write.ts`): write a
// temp file in the same folder (same file system, so rename is atomic), fsync
// it, keep the old version as `.bak`, rename over the target, fsync the folder.
import nodeFs from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

/** The file-system calls atomic writes need; tests inject failures here. */
export interface AtomicFs {
  open(file: string, flags: string, mode?: number): Promise<FileHandleLike>;
  rename(from: string, to: string): Promise<void>;
  copyFile(from: string, to: string): Promise<void>;
  rm(file: string, options: { force: boolean }): Promise<void>;
}
export interface FileHandleLike {
  writeFile(data: Uint8Array): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

export const realFs: AtomicFs = {
  open: (file, flags, mode) => nodeFs.open(file, flags, mode),
  rename: (from, to) => nodeFs.rename(from, to),
  copyFile: (from, to) => nodeFs.copyFile(from, to),
  rm: (file, options) => nodeFs.rm(file, options),
};

export interface AtomicWriteOptions {
  fs?: AtomicFs;
  /** Keep the file being replaced as `<target>.bak` (one generation). */
  keepBackup?: boolean;
}

export function tempPathFor(target: string): string {
  // Dot-prefixed and unique, so a leftover never collides with a real file or another save.
  return path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
}

export async function writeFileAtomic(target: string, data: Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const fs = options.fs ?? realFs;
  const temp = tempPathFor(target);
  const created: string[] = [];
  try {
    await writeAndSync(fs, temp, data, created);
    if (options.keepBackup) await backUp(fs, target, created);
    await fs.rename(temp, target);
    created.splice(created.indexOf(temp), 1);
  } catch (error) {
    // Whatever failed, the target was not touched yet (rename is the last
    // step); remove our temp files so a failed save leaves no litter.
    await Promise.all(created.map((file) => fs.rm(file, { force: true }).catch(() => undefined)));
    throw error;
  }
  await syncFolder(fs, path.dirname(target));
}

async function writeAndSync(fs: AtomicFs, file: string, data: Uint8Array, created: string[]): Promise<void> {
  // 'wx': fail rather than follow a symlink or overwrite something planted at the temp name.
  const handle = await fs.open(file, 'wx', 0o644);
  created.push(file);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function backUp(fs: AtomicFs, target: string, created: string[]): Promise<void> {
  const backup = `${target}.bak`;
  const temp = tempPathFor(backup);
  try {
    await fs.copyFile(target, temp);
  } catch (error) {
    if (isCode(error, 'ENOENT')) return; // first save: nothing to keep
    throw error;
  }
  created.push(temp);
  await fs.rename(temp, backup);
  created.splice(created.indexOf(temp), 1);
}

/** Make the rename itself durable. Best effort: Windows cannot open a folder for fsync. */
async function syncFolder(fs: AtomicFs, folder: string): Promise<void> {
  try {
    const handle = await fs.open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // The data itself is already synced; only the directory entry's durability is best effort.
  }
}

export function isCode(error: unknown, ...codes: string[]): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && codes.includes(String(error.code));
}
